"""The exception tree of jixiao; every read error carries a stable code for `record.errors`.

    JixiaoError                          base; never raised bare
    ├── ReadError                        the input cannot be read -> record.status = "failed"
    │   ├── UnsupportedFormat            unsupported-format  (.doc, unknown suffix)
    │   ├── NotADocument                 not-a-document      (binary data under a text/Word/PDF name)
    │   ├── CorruptDocument              corrupt             (broken zip / XML / PDF structure)
    │   ├── EncryptedDocument            encrypted           (password-protected Word or PDF)
    │   ├── EmptyDocument                empty               (zero bytes, or no text at all)
    │   ├── NoTextLayer                  no-text-layer       (a scanned PDF)
    │   ├── EncodingError                unknown-encoding    (text in no encoding we can decode)
    │   ├── UnsafeDocument               unsafe-content      (DTDs, entity expansion, zip bombs)
    │   ├── LimitExceeded                too-large / too-many-pages / timeout
    │   └── FileAccessError              file-unreadable     (missing, permission denied, a folder)
    └── TemplateError                    an author error in parsers/forms/*.yaml; fails at start-up

Readers translate library exceptions where they enter (`parsers.readers.boundary`), so the
pipeline catches `ReadError` only; the per-document loops keep one `except Exception`
boundary that records `internal-error`, so every input still yields exactly one record.
"""

from __future__ import annotations


class JixiaoError(Exception):
    """Base of every error jixiao raises on purpose."""


class ReadError(JixiaoError):
    """An input document cannot be read; `code` is stable and goes into the record."""

    code = "unreadable"

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        if code is not None:
            self.code = code

    @property
    def message(self) -> str:
        """The human-readable message."""
        return str(self)


class UnsupportedFormat(ReadError):
    """The file type is not one jixiao reads (e.g. legacy .doc without a converter)."""

    code = "unsupported-format"


class NotADocument(ReadError):
    """The bytes are not what the file name says (binary under .txt, non-zip under .docx)."""

    code = "not-a-document"


class CorruptDocument(ReadError):
    """The container or its XML / PDF structure is damaged or truncated."""

    code = "corrupt"


class EncryptedDocument(ReadError):
    """The document is password-protected."""

    code = "encrypted"


class EmptyDocument(ReadError):
    """The file is empty or holds no text at all."""

    code = "empty"


class NoTextLayer(ReadError):
    """A PDF whose pages carry no text (a scan); it needs OCR first."""

    code = "no-text-layer"


class EncodingError(ReadError):
    """Text in an encoding that cannot be recognised."""

    code = "unknown-encoding"


class UnsafeDocument(ReadError):
    """Content refused for safety: DTDs, entity declarations, a zip bomb."""

    code = "unsafe-content"


class LimitExceeded(ReadError):
    """A configured limit was reached: size (too-large), pages (too-many-pages) or time (timeout)."""

    code = "too-large"


class FileAccessError(ReadError):
    """The file could not be opened (missing, permission denied, not a regular file)."""

    code = "file-unreadable"


class TemplateError(JixiaoError):
    """A form template is invalid; raised at start-up, never per document."""
