"""The `jixiao` program's entry point (and `python -m extract`'s).

`jixiao --version` and `jixiao COMMAND --version` are answered here, without importing the
command line's parser or the pipeline; everything else is the typer app of `extract.cli`,
imported as `extract.startup` describes.
"""

from __future__ import annotations

import sys

COMMANDS = ("extract", "check", "batch", "load", "schema")


def is_version_request(args: list[str]) -> bool:
    """`--version` alone, or after a command's name: the only arguments that ask for nothing else."""
    return args == ["--version"] or (len(args) == 2 and args[0] in COMMANDS and args[1] == "--version")


def main() -> None:
    """Run the `jixiao` command with the process's arguments."""
    if is_version_request(sys.argv[1:]):
        from extract.version import __version__

        sys.stdout.write(f"jixiao {__version__}\n")
        raise SystemExit(0)
    from extract.startup import program_imports

    with program_imports():
        from extract.cli import app_for
    app_for(sys.argv[1:])()


if __name__ == "__main__":
    main()
