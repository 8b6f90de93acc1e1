"""Lexical index: BM25 (bm25s) over an accented field and a diacritics-folded field."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np

from ..errors import IndexDamagedError
from .scoring import Part, weighted_sum

FIELDS = ("accented", "folded")
Progress = Callable[[str, int, int], None]


class LexicalIndex:
    """Two BM25 indexes over the same passages; scores come back for every passage."""

    def __init__(self, fields: dict[str, object], *, k1: float = 1.2, b: float = 0.75) -> None:
        self.fields = fields  # name → bm25s.BM25
        self.k1, self.b = k1, b
        # Query words in more than this share of the passages are not scored. Off: on the dev set
        # 0.5 cost MRR@10 0.953 → 0.947; on 1M synthetic passages 0.5 kept 0.96 of the hybrid top 10
        # and saved nothing measurable (46 against 44 ms), 0.25 kept 0.82 at 100k (bench_scale.py).
        self.max_df = 1.0

    @classmethod
    def from_texts(
        cls,
        texts: list[str],
        *,
        compounds: bool = True,
        cache: dict[str, str] | None = None,
        k1: float = 1.2,
        b: float = 0.75,
        progress: Progress | None = None,
    ) -> tuple[LexicalIndex, list[str]]:
        """Index passage texts; also returns each text's pyvi compound words joined by spaces
        (the cache of the next build). See ``rag.lexical.build`` for how it runs on every core."""
        from .build import build_fields

        fields, compound_rows = build_fields(texts, compounds=compounds, cache=cache, k1=k1, b=b, progress=progress)
        return cls(fields, k1=k1, b=b), compound_rows

    def scores(self, field: str, query_tokens: list[str], *, accelerate: bool | None = None) -> np.ndarray:
        """BM25 score of every passage; unknown query tokens are ignored.

        The same sums as bm25s's ``get_scores``, column by column in query order (see
        ``rag.lexical.scoring``: a compiled loop, or numpy's indexed add for a small index or without numba).
        """
        return self.weighted_scores([(field, query_tokens, 1.0)], accelerate=accelerate)

    def weighted_scores(
        self, terms: list[tuple[str, list[str], float]], *, accelerate: bool | None = None, out: np.ndarray | None = None
    ) -> np.ndarray:
        """Σ weight × BM25(field, tokens) over the parts of a query (see ``rag.text.query.LexicalTerms``).

        ``accelerate``: ``True`` / ``False`` force the compiled loop / the numpy loop (the reference it
        is tested against); by default the compiled loop runs from ``ACCELERATE_ABOVE`` passages.
        ``out`` (float32, one per passage) receives the scores instead of a new array.
        """
        parts = [self._part(field, tokens, weight) for field, tokens, weight in terms if tokens]
        return weighted_sum(parts, self.size, accelerate=accelerate, out=out)

    def _part(self, field: str, tokens: list[str], weight: float) -> Part:
        """The CSC slices of the known tokens of one part of a query, in query order."""
        retriever = self.fields[field]
        vocab = retriever.vocab_dict  # type: ignore[attr-defined]
        matrix = retriever.scores  # type: ignore[attr-defined]
        indptr = matrix["indptr"]
        columns = np.array([c for c in (vocab.get(t) for t in tokens) if c is not None], dtype=np.int64)
        starts, ends = indptr[columns].astype(np.int64), indptr[columns + 1].astype(np.int64)
        keep = ends - starts <= self.max_df * self.size
        return matrix["data"], matrix["indices"], starts[keep], ends[keep], weight

    @property
    def size(self) -> int:
        return int(self.fields[FIELDS[0]].scores["num_docs"])  # type: ignore[attr-defined]

    def save(self, folder: Path) -> None:
        for name, retriever in self.fields.items():
            retriever.save(str(folder / f"bm25_{name}"), show_progress=False)  # type: ignore[attr-defined]

    @classmethod
    def load(cls, folder: Path, *, k1: float = 1.2, b: float = 0.75, mmap: bool = True) -> LexicalIndex:
        import bm25s

        fields = {}
        for name in FIELDS:
            path = folder / f"bm25_{name}"
            try:
                retriever = bm25s.BM25.load(str(path), mmap=mmap, show_progress=False, verbosity=0)
                for key in ("data", "indices", "indptr"):  # plain views: slicing a np.memmap costs more
                    retriever.scores[key] = np.asarray(retriever.scores[key])
                fields[name] = retriever
            except (OSError, ValueError, KeyError) as err:
                raise IndexDamagedError(
                    f"The lexical index '{path}' is missing or damaged ({err}). Rebuild it with 'rag index'."
                ) from err
        return cls(fields, k1=k1, b=b)
