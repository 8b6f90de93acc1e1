"""Search over Vietnamese Party and state directive documents (kế hoạch, kết luận, chỉ thị, hướng dẫn)."""

import logging

from .dense.embedders import Embedder, get_embedder
from .errors import (
    BackendUnavailableError,
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
from .search.duties import Answer, AnswerPart, Duty
from .search.facade import SearchIndex, SearchSettings
from .search.filters import SearchFilter
from .structure.facts import CitedDocument, Deadline, Facts

__all__ = [
    "Answer",
    "AnswerPart",
    "BackendUnavailableError",
    "CitedDocument",
    "Citation",
    "CorpusError",
    "DocumentMeta",
    "Deadline",
    "DocumentReadError",
    "Duty",
    "Embedder",
    "Facts",
    "EmbedderMismatchError",
    "EmbedderUnavailableError",
    "Hit",
    "IndexDamagedError",
    "IndexNotFoundError",
    "Passage",
    "QueryError",
    "RagError",
    "SearchFilter",
    "SearchIndex",
    "SearchSettings",
    "StaleIndexError",
    "get_embedder",
]

logging.getLogger(__name__).addHandler(logging.NullHandler())
