"""Documents a question names by their own number: "NĐ 302", "Công điện 224", "KH 0130 của UBND",
"Nghị quyết 63/2025/NQ-HĐND điều 2".

A document's own number sits in its header, which is metadata, not a passage: the lexical side
finds the passages that cite "Nghị định 302/2025", not the decree itself. So the documents whose
own number a question names are looked up here, their best passages join the candidates, and
they rank first (the question's other words still choose the article or the item within them).
"""

from __future__ import annotations

import re
from collections import defaultdict

from ..records import DocumentMeta
from ..text.doc_numbers import DOC_TYPE_CODES, doc_number_keys
from ..text.normalize import fold_diacritics

_LEADING_NUMBER = re.compile(r"^\s*0*(\d{1,6})\b")
# Type words typed without diacritics ("nghi dinh 302", "thong bao 623"): the loose forms the
# accented ones already have.
_FOLDED_TYPES = {fold_diacritics(word): code for word, code in DOC_TYPE_CODES.items()}
_FOLDED_NAMED = re.compile(r"\b(" + "|".join(sorted(_FOLDED_TYPES, key=len, reverse=True)) + r")\s+(?:so\s+)?0*(\d{1,6})\b")
_LONG_CODES = {"cv": "cv", "cd": "cđ", "qd": "qđ", "tb": "tb", "kh": "kh", "nq": "nq"}
_LONG_CODE = re.compile(r"\b(" + "|".join(_LONG_CODES) + r")\s?-?0*(\d{5,6})\b")  # "CV 37951": offices number into the tens of thousands
_ARTICLE = re.compile(r"\bdieu\s+(\d{1,3})\b")  # "... điều 2", folded


def own_keys(meta: DocumentMeta) -> set[str]:
    """The keys of a document's own number: its number as written ("224/CĐ-TTg" → #cđ224,
    #cđ224/ttg) and its type's code with the number ("CÔNG VĂN" 37951/CHQ-GSQL → #cv37951)."""
    keys = set(doc_number_keys(meta.number)) if meta.number else set()
    code = DOC_TYPE_CODES.get((meta.doc_type or "").lower())
    found = _LEADING_NUMBER.match(meta.number or "")
    if code and found:
        keys.add(f"#{code}{int(found.group(1))}")
    return keys


def query_keys(question: str) -> set[str]:
    """The document-number keys a question holds, with or without diacritics."""
    keys = set(doc_number_keys(question))
    folded = fold_diacritics(question.lower())
    for match in _FOLDED_NAMED.finditer(folded):
        keys.add(f"#{_FOLDED_TYPES[match.group(1)]}{int(match.group(2))}")
    for match in _LONG_CODE.finditer(folded):
        keys.add(f"#{_LONG_CODES[match.group(1)]}{int(match.group(2))}")
    return keys


def asked_article(question: str) -> str | None:
    """The article a question names ("Nghị quyết 63/2025 điều 2" → "Điều 2."), as section paths begin."""
    found = _ARTICLE.search(fold_diacritics(question.lower()))
    return f"Điều {int(found.group(1))}." if found else None


class OwnNumbers:
    """Which documents have which own number, over one index's documents."""

    def __init__(self, documents: dict[str, DocumentMeta]) -> None:
        self._by_key: dict[str, set[str]] = defaultdict(set)
        for doc_id, meta in documents.items():
            for key in own_keys(meta):
                self._by_key[key].add(doc_id)

    def named(self, question: str) -> list[str]:
        """The documents whose own number the question names, most specific key first: "#nq63/hđnd"
        beats "#nq63" when both match different documents."""
        keys = query_keys(question)
        specific = {doc for key in keys if "/" in key for doc in self._by_key.get(key, ())}
        if specific:
            return sorted(specific)
        return sorted({doc for key in keys for doc in self._by_key.get(key, ())})
