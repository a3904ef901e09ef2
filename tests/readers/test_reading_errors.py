"""The reading boundary's block: a library's exception becomes a ReadError caused by it; our
own errors, our own bugs and what is no Exception (an interrupt) pass through unchanged."""

from __future__ import annotations

import zlib
from pathlib import Path

import pytest

import parsers
from parsers.readers.boundary import reading_errors
from schemas.errors import CorruptDocument, EncryptedDocument, JixiaoError, LimitExceeded, ReadError


def test_a_library_error_becomes_a_read_error_caused_by_it() -> None:
    original = zlib.error("bad stream")
    with pytest.raises(CorruptDocument) as caught, reading_errors("PDF 文件"):
        raise original
    assert caught.value.__cause__ is original
    assert "bad stream" not in caught.value.message  # the library's words stay on the chain


def test_extra_translations_come_first() -> None:
    class LibraryLocked(Exception):
        pass

    with pytest.raises(EncryptedDocument), reading_errors("PDF 文件", {LibraryLocked: EncryptedDocument}):
        raise LibraryLocked("locked")


@pytest.mark.parametrize("passing", [LimitExceeded("超时", code="timeout"), KeyboardInterrupt()])
def test_own_errors_and_interrupts_pass_through(passing: BaseException) -> None:
    with pytest.raises(type(passing)) as caught, reading_errors("PDF 文件"):
        raise passing
    assert caught.value is passing


def test_an_own_bug_is_not_the_document_s_fault() -> None:
    """An AssertionError raised in jixiao's own code passes; one from elsewhere is translated."""
    ours = compile("raise AssertionError('our invariant')", str(Path(parsers.__file__).parent / "own.py"), "exec")
    with pytest.raises(AssertionError), reading_errors("PDF 文件"):
        exec(ours)  # noqa: S102 - a statement that runs as if in the parsers package
    with pytest.raises(CorruptDocument), reading_errors("PDF 文件"):
        raise AssertionError("a library's invariant")


def test_a_quiet_block_returns_and_raises_nothing() -> None:
    with reading_errors("PDF 文件"):
        value = 1
    assert value == 1
    assert issubclass(CorruptDocument, ReadError) and issubclass(ReadError, JixiaoError)
