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
from .records import Citation, CitedDocument, Deadline, DocumentMeta, Facts, Hit, Passage
from .search.answers import Answer, AnswerPart
from .search.articles import ArticleGroup, group_by_article
from .search.duties import Duty
from .search.facade import SearchIndex, SearchSettings
from .search.filters import SearchFilter

__all__ = [
    "Answer",
    "AnswerPart",
    "ArticleGroup",
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
    "group_by_article",
]

logging.getLogger(__name__).addHandler(logging.NullHandler())
