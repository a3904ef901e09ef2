"""Corpus tooling: the synthetic form generator lives in `corpus.generator`."""
