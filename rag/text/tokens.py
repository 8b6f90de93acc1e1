"""Lexical tokens: syllables, pyvi compound words, folded syllables and document-number keys.

Document numbers are written many ways ("Kết luận số 01-KL/TW", "01 - KL/TW", "KL 01", "kết luận
01", "CT05"); each becomes one key such as ``#kl1`` so that any spelling finds the others.
"""

from __future__ import annotations

import re

from .doc_numbers import doc_number_keys
from .normalize import fold_diacritics, index_text

_WORD = re.compile(r"\w+", re.UNICODE)

# Words of a question, not of its subject: they would match rare words in the corpus by chance.
QUESTION_WORDS = frozenset(
    "ai gì nào đâu sao bao nhiêu mấy thế như là không có phải hay hoặc những các được thì mà của "
    "khi nào giờ hạn hỏi cho biết".split()
)  # fmt: skip


def syllables(text: str) -> list[str]:
    """Lower-case syllables of the index form of ``text``."""
    return _WORD.findall(index_text(text).lower())


def compound_words(text: str) -> list[str]:
    """pyvi's multi-syllable words ("tuyên_giáo", "chủ_trì"): single syllables are counted already."""
    from .segment import compounds_of  # loads pyvi's CRF model on first use

    return compounds_of(index_text(text))


def passage_tokens(text: str, *, compounds: bool = True) -> list[str]:
    """Tokens of the accented field: syllables, compound words and document-number keys."""
    tokens = syllables(text) + doc_number_keys(text)
    if compounds:
        tokens += compound_words(text)
    return tokens


def query_tokens(text: str) -> list[str]:
    """Tokens of a query for the accented field, without loading pyvi (a fresh process stays fast).

    Every run of two or three adjacent syllables is offered as a compound word; the index keeps
    only those that pyvi found in the passages, so the extra candidates cost nothing.
    """
    words = syllables(text)
    pairs = ["_".join(words[i : i + 2]) for i in range(len(words) - 1)]
    triples = ["_".join(words[i : i + 3]) for i in range(len(words) - 2)]
    return words + doc_number_keys(text) + pairs + triples


def folded_tokens(text: str) -> list[str]:
    """Tokens of the folded field: syllables without diacritics, and document-number keys."""
    keys = doc_number_keys(text)
    return [fold_diacritics(t) for t in syllables(text)] + [fold_diacritics(k) for k in keys]
