"""Dense index: passage vectors in FAISS (exact inner product on normalised vectors)."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np

from .errors import IndexDamagedError


class DenseIndex:
    def __init__(self, index: object, vectors: np.ndarray) -> None:
        self.index = index
        self.vectors = vectors  # kept for exact rescoring of lexical candidates and as an embedding cache

    @classmethod
    def build(cls, vectors: np.ndarray) -> DenseIndex:
        import faiss

        vectors = np.ascontiguousarray(vectors, dtype=np.float32)
        index = faiss.IndexFlatIP(vectors.shape[1])
        index.add(vectors)
        return cls(index, vectors)

    def search(self, query: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """Top-k (scores, ids) for each query row."""
        k = min(k, self.vectors.shape[0])
        scores, ids = self.index.search(np.ascontiguousarray(query, dtype=np.float32), k)  # type: ignore[attr-defined]
        return scores, ids

    def scores_for(self, query: np.ndarray, ids: np.ndarray) -> np.ndarray:
        return self.vectors[ids] @ query

    def save(self, folder: Path) -> None:
        import faiss

        faiss.write_index(self.index, str(folder / "dense.faiss"))
        np.save(folder / "vectors.npy", self.vectors)

    @classmethod
    def load(cls, folder: Path) -> DenseIndex:
        import faiss

        try:
            vectors = np.load(folder / "vectors.npy", mmap_mode="r")
            index = faiss.read_index(str(folder / "dense.faiss"), faiss.IO_FLAG_MMAP if os.name == "posix" else 0)
        except (OSError, ValueError, RuntimeError) as err:
            raise IndexDamagedError(
                f"The dense index in '{folder}' is missing or damaged ({err}). Rebuild it with 'rag index'."
            ) from err
        if index.ntotal != vectors.shape[0]:
            raise IndexDamagedError(f"The dense index in '{folder}' does not match its vectors. Rebuild it with 'rag index'.")
        return cls(index, vectors)
