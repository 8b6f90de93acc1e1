"""Lexical index: BM25 (bm25s) over an accented field and a diacritics-folded field."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from .errors import IndexDamagedError

FIELDS = ("accented", "folded")


def index_tokens(texts: list[str], compound_lists: list[list[str]]) -> dict[str, list[list[str]]]:
    """The tokens of each field: syllables and document-number keys plus pyvi compounds; folded syllables."""
    from .tokens import folded_tokens, passage_tokens

    return {
        "accented": [passage_tokens(t, compounds=False) + c for t, c in zip(texts, compound_lists)],
        "folded": [folded_tokens(t) for t in texts],
    }


class LexicalIndex:
    """Two BM25 indexes over the same passages; scores come back for every passage."""

    def __init__(self, fields: dict[str, object], *, k1: float = 1.2, b: float = 0.75) -> None:
        self.fields = fields  # name → bm25s.BM25
        self.k1, self.b = k1, b

    @classmethod
    def build(cls, tokens: dict[str, list[list[str]]], *, k1: float = 1.2, b: float = 0.75) -> LexicalIndex:
        import bm25s

        fields = {}
        for name in FIELDS:
            retriever = bm25s.BM25(k1=k1, b=b)
            retriever.index(tokens[name], show_progress=False)
            fields[name] = retriever
        return cls(fields, k1=k1, b=b)

    def scores(self, field: str, query_tokens: list[str]) -> np.ndarray:
        """BM25 score of every passage; unknown query tokens are ignored."""
        retriever = self.fields[field]
        known = [t for t in query_tokens if t in retriever.vocab_dict]  # type: ignore[attr-defined]
        if not known:
            return np.zeros(self.size, dtype=np.float32)
        return retriever.get_scores(known).astype(np.float32)  # type: ignore[attr-defined]

    def weighted_scores(self, terms: list[tuple[str, list[str], float]]) -> np.ndarray:
        """Σ weight × BM25(field, tokens) over the parts of a query (see ``rag.backend.LexicalTerms``)."""
        total = np.zeros(self.size, dtype=np.float32)
        for field, tokens, weight in terms:
            if tokens:
                total = total + weight * self.scores(field, tokens)
        return total

    @property
    def size(self) -> int:
        return int(self.fields[FIELDS[0]].scores["num_docs"])  # type: ignore[attr-defined]

    def save(self, folder: Path) -> None:
        for name, retriever in self.fields.items():
            retriever.save(str(folder / f"bm25_{name}"), show_progress=False)  # type: ignore[attr-defined]

    @classmethod
    def load(cls, folder: Path, *, k1: float = 1.2, b: float = 0.75, mmap: bool = False) -> LexicalIndex:
        import bm25s

        fields = {}
        for name in FIELDS:
            path = folder / f"bm25_{name}"
            try:
                fields[name] = bm25s.BM25.load(str(path), mmap=mmap, show_progress=False, verbosity=0)
            except (OSError, ValueError, KeyError) as err:
                raise IndexDamagedError(
                    f"The lexical index '{path}' is missing or damaged ({err}). Rebuild it with 'rag index'."
                ) from err
        return cls(fields, k1=k1, b=b)
