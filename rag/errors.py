"""Named errors. Each message says what went wrong and how to fix it."""

from __future__ import annotations


class RagError(Exception):
    """Base class for every error this package raises on purpose."""


class DocumentReadError(RagError):
    """A corpus file cannot be read or decoded.

    ``reason`` says why in a code a program can act on (the message is for people and may change):

    ===============  =================================================================================
    reason           meaning
    ===============  =================================================================================
    ``empty``        the file holds no text, or only white space
    ``binary``       a binary file (image, program…), not text
    ``encoding``     not UTF-8/UTF-16, and no legacy Vietnamese encoding found either
    ``legacy``       looks like TCVN3/VNI but cannot be converted to Unicode
    ``format``       unsupported suffix, or a file of another kind under a supported one (a .docx
                     that is a zip of something else, an old .doc, RTF, Strict Open XML; a .pdf
                     that is no PDF)
    ``too-large``    over the size limit (or a .docx that unpacks to too much)
    ``no-text``      a PDF without a text layer (a scan); OCR is not supported
    ``damaged``      a truncated or corrupt PDF or .docx: bad zip, bad XML, a reader library's error
    ``protected``    password-protected
    ``no-passages``  (ingest, build) read, but nothing to index
    ``unreadable``   the file cannot be opened or read (OS errors); the default
    ===============  =================================================================================
    """

    REASONS = frozenset(
        "empty binary encoding legacy format too-large no-text damaged protected no-passages unreadable".split()
    )

    def __init__(self, path: str, problem: str, fix: str = "", *, reason: str = "unreadable") -> None:
        self.path = path
        self.reason = reason
        message = f"Cannot read '{path}': {problem}."
        if fix:
            message += f" {fix}"
        super().__init__(message)


class CorpusError(RagError):
    """The corpus folder is missing or holds nothing we can index."""


class IndexNotFoundError(RagError):
    """No built index at the given folder."""


class IndexDamagedError(RagError):
    """An index file is missing, truncated or unreadable."""


class StaleIndexError(RagError):
    """The index was built from a corpus that has changed since."""


class EmbedderMismatchError(RagError):
    """The index was built with another embedding model than the one asked for."""


class EmbedderUnavailableError(RagError):
    """The embedding model cannot be loaded (missing package or weights)."""


class QueryError(RagError, ValueError):
    """The query or a search option is invalid."""


class BackendUnavailableError(RagError):
    """The search backend (a Milvus server, or the milvus-lite package) cannot be reached."""
