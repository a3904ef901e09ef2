"""`python -m extract` runs the jixiao command."""

from extract.cli import app

app()
