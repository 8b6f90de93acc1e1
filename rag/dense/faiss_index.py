"""Dense index: passage vectors in FAISS, chosen by size.

Below ``EXACT_BELOW`` vectors the search is exact (``IndexFlatIP``): a flat scan of 50k vectors
takes a few milliseconds. Above it an HNSW graph over float16 rows (``IndexHNSWSQ``, half the
memory of float32) answers in about 3 ms at 1M vectors with efSearch 512; ``bench/bench_scale.py``
measures its recall@10 against exact search over the same rows. The index file is memory-mapped on load and
its rows are the only copy of the vectors in memory.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path

import numpy as np

from ..errors import IndexDamagedError

Progress = Callable[[str, int, int], None]

EXACT_BELOW = 50_000
HNSW_M = 32
HNSW_EF_CONSTRUCTION = 80
HNSW_EF_SEARCH = 512  # recall@10 0.958 strict, 0.995 within 0.001, 2.8 ms at 1M (bench_scale.py)
ADD_BATCH = 20_000
SINGLE_THREAD_BELOW = 16  # query rows searched on one thread  # vectors added to FAISS at a time: no float32 copy of the whole set


def _storage_view(index: object, count: int, dim: int) -> np.ndarray:
    """The vectors inside a FAISS index as a numpy array, without copying them.

    An exact index keeps float32 rows; the HNSW index keeps float16 rows (scalar quantiser fp16).
    The view lives as long as the index does, so the index is the only copy in memory.
    """
    import faiss

    storage = faiss.downcast_index(index.storage) if hasattr(index, "storage") else index  # type: ignore[attr-defined]
    codes = storage.codes  # type: ignore[attr-defined]
    raw = faiss.rev_swig_ptr(codes.data(), codes.size()) if count else np.zeros(0, dtype=np.uint8)
    dtype = np.float16 if isinstance(storage, faiss.IndexScalarQuantizer) else np.float32  # else IndexFlat (older files too)
    return raw.view(dtype).reshape(count, dim)


def _reserve(index: object, count: int, dim: int) -> None:
    """Give the HNSW index's growing arrays their final capacity before the first batch.

    FAISS grows the float16 rows and the neighbour lists with ``std::vector::resize`` at every
    ``add``; each time the capacity doubles, the old and the new buffer are both resident while
    the rows are copied (about 1.5 GB for 0.75 GB of rows at 1M vectors). Resizing to the final
    size and back to zero keeps the capacity without changing the index.
    """
    import faiss

    storage = faiss.downcast_index(index.storage)  # type: ignore[attr-defined]
    hnsw = index.hnsw  # type: ignore[attr-defined]
    # Level 0 holds 2M neighbours, each upper level M; a vertex reaches level ≥ 1 with
    # probability 1/M, so the mean is 2M + M/(M-1) slots: 2.2M leaves room for the randomness.
    # (nb_neighbors(0) is 2M, nb_neighbors(1) is M.)
    slots = int(count * (hnsw.nb_neighbors(0) + 0.2 * hnsw.nb_neighbors(1)))
    for vector, size in ((storage.codes, count * storage.code_size), (hnsw.neighbors, slots)):
        vector.resize(size)
        vector.resize(0)


class DenseIndex:
    def __init__(self, index: object | None, vectors: np.ndarray, embedded: np.ndarray | None = None) -> None:
        self.index = index  # None while vectors are filled in: ``search`` scans the rows itself
        self.vectors = vectors  # a view of the index's own rows: exact rescoring of lexical candidates
        self.embedded = embedded  # with no index: which rows hold a vector (the others are zero)

    @classmethod
    def unindexed(cls, vectors: np.ndarray, embedded: np.ndarray) -> DenseIndex:
        """The vectors of an index still being filled in, searched by a scan of the rows that have
        one: no FAISS copy of a matrix that is mostly zeros (1.1 GB at 720,000 passages)."""
        return cls(None, vectors, embedded)

    @classmethod
    def build(cls, vectors: np.ndarray, *, exact_below: int = EXACT_BELOW, progress: Progress | None = None) -> DenseIndex:
        """Exact inner product below ``exact_below`` vectors, else HNSW over float16 rows.

        ``vectors`` may be float32 or float16; they are added in batches.
        """
        batches = (vectors[start : start + ADD_BATCH] for start in range(0, len(vectors), ADD_BATCH))
        return cls.from_batches(batches, len(vectors), vectors.shape[1], exact_below=exact_below, progress=progress)

    @classmethod
    def from_batches(
        cls, batches: Iterable[np.ndarray], count: int, dim: int, *, exact_below: int = EXACT_BELOW, progress: Progress | None = None
    ) -> DenseIndex:
        """The same from ``count`` vectors given batch by batch: the caller need never hold them all."""
        import faiss

        if count < exact_below:
            index = faiss.IndexFlatIP(dim)
        else:
            index = faiss.IndexHNSWSQ(dim, faiss.ScalarQuantizer.QT_fp16, HNSW_M, faiss.METRIC_INNER_PRODUCT)
            index.is_trained = True  # fp16 needs no statistics
            index.hnsw.efConstruction = HNSW_EF_CONSTRUCTION
            index.hnsw.efSearch = HNSW_EF_SEARCH
            _reserve(index, count, dim)
        added = 0
        for batch in batches:
            index.add(np.ascontiguousarray(batch, dtype=np.float32))
            added += len(batch)
            if progress:
                progress("dense index", added, count)
        if added != count:
            raise ValueError(f"Expected {count} vectors, got {added}.")
        return cls(index, _storage_view(index, count, dim))

    def describe(self) -> dict[str, object]:
        """What goes into the manifest: the FAISS index type and its parameters."""
        if self.index is None:
            return {"faiss": "none: vectors being filled in", "count": int(self.vectors.shape[0])}
        hnsw = getattr(self.index, "hnsw", None)
        if hnsw is None:
            return {"faiss": "IndexFlatIP", "count": int(self.vectors.shape[0])}
        return {"faiss": type(self.index).__name__, "storage": str(self.vectors.dtype), "count": int(self.vectors.shape[0]),
                "M": int(hnsw.nb_neighbors(1)), "efConstruction": int(hnsw.efConstruction), "efSearch": int(hnsw.efSearch)}

    def search(self, query: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """Top-k (scores, ids) for each query row."""
        import faiss

        k = min(k, self.vectors.shape[0])
        if self.index is None:
            return self._scan(query, k)
        # One query is faster on one thread: FAISS's OpenMP threads cost more to start and join than
        # a 10k flat scan or an HNSW walk takes (13 ms against 1.8 ms at 10k on a busy 2-core machine).
        threads = faiss.omp_get_max_threads()
        faiss.omp_set_num_threads(1 if len(query) < SINGLE_THREAD_BELOW else threads)
        try:
            scores, ids = self.index.search(np.ascontiguousarray(query, dtype=np.float32), k)  # type: ignore[attr-defined]
        finally:
            faiss.omp_set_num_threads(threads)
        return scores, ids

    def _scan(self, query: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """Exact top-k over the rows that hold a vector, as FAISS returns it (-1 where fewer)."""
        scores = np.asarray(query, dtype=np.float32) @ self.vectors.T
        scores[:, ~self.embedded] = -np.inf
        top = np.argpartition(-scores, k - 1, axis=1)[:, :k] if k < scores.shape[1] else np.tile(np.arange(scores.shape[1]), (len(scores), 1))
        top = np.take_along_axis(top, np.argsort(-np.take_along_axis(scores, top, axis=1), axis=1, kind="stable"), axis=1)
        found = np.take_along_axis(scores, top, axis=1)
        return np.where(np.isfinite(found), found, 0).astype(np.float32), np.where(np.isfinite(found), top, -1)

    def scores_for(self, query: np.ndarray, ids: np.ndarray) -> np.ndarray:
        return self.vectors[ids].astype(np.float32) @ query

    def save(self, folder: Path) -> None:
        import faiss

        faiss.write_index(self.index, str(folder / "dense.faiss"))
        np.save(folder / "vectors.npy", self.vectors)  # the embedding cache of the next build

    @classmethod
    def load(cls, folder: Path) -> DenseIndex:
        """Memory-map the FAISS file where FAISS can (its rows are then read from the page cache)."""
        import faiss

        try:
            count = np.load(folder / "vectors.npy", mmap_mode="r").shape[0]
            flag = getattr(faiss, "IO_FLAG_MMAP_IFC", 0) if os.name == "posix" else 0
            index = faiss.read_index(str(folder / "dense.faiss"), flag)
            if flag and hasattr(os, "posix_fadvise"):  # read the file ahead in the background: a graph walk
                with (folder / "dense.faiss").open("rb") as handle:  # over pages not yet cached reads the disk
                    os.posix_fadvise(handle.fileno(), 0, 0, os.POSIX_FADV_WILLNEED)  # at every step (1.7 s at 1M)
            if hasattr(index, "hnsw"):
                index.hnsw.efSearch = HNSW_EF_SEARCH  # not kept by every FAISS version's file format
        except (OSError, ValueError, RuntimeError) as err:
            raise IndexDamagedError(
                f"The dense index in '{folder}' is missing or damaged ({err}). Rebuild it with 'rag index'."
            ) from err
        if index.ntotal != count:
            raise IndexDamagedError(f"The dense index in '{folder}' does not match its vectors. Rebuild it with 'rag index'.")
        return cls(index, _storage_view(index, count, index.d))
