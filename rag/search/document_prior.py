"""Which document a question names: its words matched against each document's own description.

A question usually says whose plan it asks about ("… của Thị ủy", "KH của Đảng ủy Khối", "UBND
tỉnh Cà Mau") and what the document is about, while the passage that answers speaks only of the
task. The passage's index text carries its heading path, not its document's issuer or title (they
would weigh the same in every passage of it), so nothing else lets the question's naming words
choose between two plans with a like passage each. Here each document is described by its type,
number, issuer (with its parent line), place and title; a question's score for a document is the
summed rarity of its words and word pairs found there, divided by the best document's score.
"""

from __future__ import annotations

import math
from collections import Counter

from ..records import DocumentMeta
from ..text.tokens import QUESTION_WORDS, syllables


def _terms(text: str) -> set[str]:
    words = [w for w in syllables(text) if w not in QUESTION_WORDS]
    return set(words) | {f"{a}_{b}" for a, b in zip(words, words[1:])}


def description(meta: DocumentMeta) -> str:
    return " ".join((meta.doc_type, meta.number, meta.issuer_parent, meta.issuer, meta.place, meta.title))


class DocumentPrior:
    """Per document, how much of what a question says names it (0 … 1, the best document 1)."""

    def __init__(self, documents: dict[str, DocumentMeta]) -> None:
        self._terms = {doc: _terms(description(meta)) for doc, meta in documents.items()}
        df = Counter(t for terms in self._terms.values() for t in terms)
        n = len(self._terms)
        # BM25's rarity: a word every document's description holds ("kế hoạch", "ủy") counts nearly nothing.
        self._rarity = {t: math.log(1 + (n - d + 0.5) / (d + 0.5)) for t, d in df.items()}

    def scores(self, question: str) -> dict[str, float]:
        asked = _terms(question)
        raw = {doc: sum(self._rarity[t] for t in asked & terms) for doc, terms in self._terms.items()}
        best = max(raw.values(), default=0.0)
        return {doc: value / best for doc, value in raw.items()} if best > 0 else {}
