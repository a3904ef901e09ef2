"""`python -m extract` runs the jixiao command."""

from extract.cli_main import main

main()
