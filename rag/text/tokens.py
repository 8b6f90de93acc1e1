"""Lexical tokens: syllables, pyvi compound words, folded syllables and document-number keys.

Document numbers are written many ways ("Kết luận số 01-KL/TW", "01 - KL/TW", "KL 01", "kết luận
01", "CT05"); each becomes one key such as ``#kl1`` so that any spelling finds the others.
"""

from __future__ import annotations

import re

from .normalize import fold_diacritics, index_text

DOC_TYPE_CODES = {
    "kết luận": "kl", "chỉ thị": "ct", "kế hoạch": "kh", "hướng dẫn": "hd", "quy định": "qđ",
    "nghị quyết": "nq", "quyết định": "qđ", "thông báo": "tb", "công văn": "cv", "báo cáo": "bc",
    "nghị định": "nđ", "thông tư": "tt", "chương trình": "ctr", "thông tri": "ttr",
}  # fmt: skip
_CODE_ALIASES = {"qđi": "qđ", "qd": "qđ", "nd": "nđ"}
_TYPE_WORDS = "|".join(sorted(DOC_TYPE_CODES, key=len, reverse=True))

# Party style "01-KL/TW", "01 - KL/TW"; state style "27/CT-TTg", "30/2020/NĐ-CP".
_PARTY_NUMBER = re.compile(r"\b(\d{1,4})\s*-\s*([a-zđ]{1,5})\s*/\s*([a-zđ]{1,10})\b", re.IGNORECASE)
_STATE_NUMBER = re.compile(r"\b(\d{1,4})/(?:\d{4}/)?([a-zđ]{1,5})-([a-zđ]{1,10})\b", re.IGNORECASE)
# Loose forms: "Kết luận số 01", "kết luận 01", "KL 01", "KL01", "CT05".
_NAMED_NUMBER = re.compile(rf"\b({_TYPE_WORDS})\s+(?:số\s+)?(\d{{1,4}})\b", re.IGNORECASE)
_CODE_NUMBER = re.compile(r"\b(kl|ct|kh|hd|qđ|qđi|nq|tb|cv|nđ)\s?-?(\d{1,4})\b", re.IGNORECASE)
_WORD = re.compile(r"\w+", re.UNICODE)

# Words of a question, not of its subject: they would match rare words in the corpus by chance.
QUESTION_WORDS = frozenset(
    "ai gì nào đâu sao bao nhiêu mấy thế như là không có phải hay hoặc những các được thì mà của "
    "khi nào giờ hạn hỏi cho biết".split()
)  # fmt: skip


def doc_number_keys(text: str) -> list[str]:
    """Keys for every document number in ``text``: "01-KL/TW" and "KL 01" both give "#kl1"."""
    keys: list[str] = []
    for match in _PARTY_NUMBER.finditer(text):
        number, code, issuer = match.groups()
        code = _CODE_ALIASES.get(code.lower(), code.lower())
        keys += [f"#{code}{int(number)}", f"#{code}{int(number)}/{issuer.lower()}"]
    for match in _STATE_NUMBER.finditer(text):
        number, code, issuer = match.groups()
        code = _CODE_ALIASES.get(code.lower(), code.lower())
        keys += [f"#{code}{int(number)}", f"#{code}{int(number)}/{issuer.lower()}"]
    for match in _NAMED_NUMBER.finditer(text):
        keys.append(f"#{DOC_TYPE_CODES[match.group(1).lower()]}{int(match.group(2))}")
    for match in _CODE_NUMBER.finditer(text):
        code = _CODE_ALIASES.get(match.group(1).lower(), match.group(1).lower())
        keys.append(f"#{code}{int(match.group(2))}")
    return keys


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
