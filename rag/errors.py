"""Named errors. Each message says what went wrong and how to fix it."""

from __future__ import annotations


class RagError(Exception):
    """Base class for every error this package raises on purpose."""


class DocumentReadError(RagError):
    """A corpus file cannot be read or decoded."""

    def __init__(self, path: str, problem: str, fix: str = "") -> None:
        self.path = path
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
