"""Search over Vietnamese Party and state directive documents (kế hoạch, kết luận, chỉ thị, hướng dẫn)."""

import logging

from .embed import Embedder, get_embedder
from .errors import (
    CorpusError,
    DocumentReadError,
    EmbedderMismatchError,
    EmbedderUnavailableError,
    IndexDamagedError,
    IndexNotFoundError,
    QueryError,
    RagError,
    StaleIndexError,
)
from .records import Citation, DocumentMeta, Hit, Passage
from .search import SearchIndex, SearchSettings

__all__ = [
    "Citation",
    "CorpusError",
    "DocumentMeta",
    "DocumentReadError",
    "Embedder",
    "EmbedderMismatchError",
    "EmbedderUnavailableError",
    "Hit",
    "IndexDamagedError",
    "IndexNotFoundError",
    "Passage",
    "QueryError",
    "RagError",
    "SearchIndex",
    "SearchSettings",
    "StaleIndexError",
    "get_embedder",
]

logging.getLogger(__name__).addHandler(logging.NullHandler())
