"""Scans of the sample forms, made on demand from the text-layer PDFs (see `make`)."""
