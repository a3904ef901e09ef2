"""Pipe rows a scraper broke inside their cells, joined back into one line a row.

A page turned into `|` rows with outer pipes (`| 项目名称 | … |`) opens every row with a pipe
and pads every row to the table's width. Where a cell held a line break the row goes on over
lines that do not open with one (`| 项目名称 |` / `2020年…经费 |` / `|||||`, or a row opened by a
lone `|` and its first cell on the next line): such a line, or a line of only pipes, belongs
to the row before it while that row is short of the width the file's rows mostly have and the
line does not take it past that width. Rows of full width, and files whose rows do not open
with pipes, are left as they are: there a line is a row.
"""

from __future__ import annotations

from collections import Counter

_MIN_ROWS = 3
_OPEN_SHARE = 0.6


def join_wrapped_rows(lines: list[str]) -> list[str]:
    """`lines` with each broken outer-pipe row on one line (the same lines when none is)."""
    piped = [line.strip() for line in lines if "|" in line and not _only_pipes(line)]
    opened = sum(1 for line in piped if line.startswith("|"))
    if opened < _MIN_ROWS or opened < _OPEN_SHARE * len(piped):
        return lines
    width = Counter(line.count("|") for line in piped).most_common(1)[0][0]
    out: list[str] = []
    row = 0  # the pipes of the last line out, when it is a pipe row
    for raw in lines:
        line = raw.strip()
        pipes = line.count("|")
        goes_on = not line.startswith("|") or _only_pipes(line) or _only_pipes(out[-1] if out else "")
        if 0 < row < width and pipes and row + pipes <= width and goes_on:
            out[-1] = out[-1].rstrip() + " " + line
            row += pipes
            continue
        out.append(raw)
        row = pipes
    return out


def _only_pipes(line: str) -> bool:
    return "|" in line and not line.replace("|", "").strip()
