"""`reader_for` finds a path's suffix without a PurePath as PurePath does, on awkward paths."""

from pathlib import PurePath

import pytest

from extract.lineage import _suffix, reader_for
from parsers.readers import READERS

AWKWARD = ["a.pdf", "A.PDF", "dir/x.DocX", "dir.pdf/x", ".pdf", "a/.pdf", "a.", "a..pdf", "...pdf",
           "a.pdf/", "a.pdf//", "a.pdf/.", "a/..", "..", ".", "", "/", "./a.txt", "a/./b.doc",
           "x\\y.pdf", "a.tar.gz", "no_suffix", "/abs/path/报告.PDF", "a. pdf", "a.pdf "]


@pytest.mark.parametrize("path", AWKWARD)
def test_suffix_as_a_path_finds_it(path: str) -> None:
    assert _suffix(path) == PurePath(path).suffix.lower()
    expected = READERS.get(PurePath(path).suffix.lower(), "unsupported").rsplit(".", 1)[-1]
    assert reader_for(path) == expected
