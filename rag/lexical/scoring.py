"""BM25 sums over a query's columns: one compiled loop (numba) for large indexes, numpy otherwise.

At a million passages a question's columns hold about 7 million postings; numpy's indexed add
(gather, add, scatter, one temporary per column) spends 35–40 ms on them, a plain loop a fraction
of that. The loop keeps numpy's arithmetic exactly: each part of the query is summed in float32 in
column order, then multiplied by its weight and added to the total, as
``LexicalIndex.weighted_scores`` did with arrays, so both paths give the same bits.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager

import numpy as np

# One part of a query, ready to sum: (data, indices, column starts, column ends, weight).
Part = tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, float]

_KERNELS: tuple[Callable[..., None], Callable[..., None]] | None = None
_MISSING = False
# Below this many passages numpy's indexed add takes well under a millisecond (0.3 ms at 10,000),
# while loading the compiled loop costs a fresh process about 0.5 s (`rag search`: 1.2 → 0.65 s).
ACCELERATE_ABOVE = 50_000


class ArrayPool:
    """float32 arrays lent to one query at a time and kept for the next.

    A fresh array of a million scores may be new pages of memory, and faulting them in costs about
    2 ms a query (4 MB). Queries running at once each borrow their own array; at most ``keep`` are
    kept, so a server with many threads holds no more than that.
    """

    def __init__(self, keep: int = 4) -> None:
        self.keep = keep
        self._free: list[np.ndarray] = []
        self._lock = threading.Lock()

    @contextmanager
    def borrow(self, size: int) -> Iterator[np.ndarray]:
        """An array of ``size`` whose content is whatever the last borrower left."""
        with self._lock:
            position = next((i for i, a in enumerate(self._free) if len(a) == size), None)
            array = self._free.pop(position) if position is not None else None
        if array is None:
            array = np.zeros(size, dtype=np.float32)
        yield array  # not returned to the pool when the borrower raised: it may be half written
        with self._lock:
            if len(self._free) < self.keep:
                self._free.append(array)


_SCRATCH = ArrayPool()  # all zeros between borrowers: the loop leaves them so


def _numba_kernels() -> tuple[Callable[..., None], Callable[..., None]] | None:
    """The compiled loops, built on first use (numba's import and a cached compile: ~0.5 s)."""
    global _KERNELS, _MISSING
    if _KERNELS is None and not _MISSING:
        try:
            from numba import njit
        except ImportError:  # an optional accelerator: numpy gives the same numbers, slower
            _MISSING = True
            return None

        @njit(cache=True, nogil=True)
        def add_columns(out, data, indices, starts, ends):  # pragma: no cover - compiled
            for c in range(len(starts)):
                for j in range(starts[c], ends[c]):
                    out[indices[j]] += data[j]

        @njit(cache=True, nogil=True)
        def add_weighted(total, part, weight):  # pragma: no cover - compiled
            # float32 × float32 then + float32, no fused multiply-add: numpy's rounding exactly.
            # No "if part[i] != 0" around the stores: LLVM turns it into masked vector stores,
            # which on AMD EPYC take ~40 ns each over pages never written yet (a fresh np.zeros):
            # a query part with few postings cost 40 ms at a million passages instead of 0.2.
            for i in range(len(total)):
                total[i] = total[i] + weight * part[i]
                part[i] = 0

        _KERNELS = (add_columns, add_weighted)
    return _KERNELS


def weighted_sum(parts: Sequence[Part], size: int, *, accelerate: bool | None = None, out: np.ndarray | None = None) -> np.ndarray:
    """Σ weight × (Σ of the part's columns) for every passage, as float32.

    Args:
        parts: the query's parts; columns of one part must not repeat a passage within a column
            (a CSC column never does), but a column may be given twice (a repeated query word).
        size: number of passages.
        accelerate: use the compiled loop when numba is installed (``False``: the numpy reference;
            ``None``: only from ``ACCELERATE_ABOVE`` passages).
        out: a float32 array of ``size`` to write the scores into (overwritten), so that a caller
            asking again and again reuses its pages.

    Returns:
        The scores of all ``size`` passages (``out`` when given).
    """
    if accelerate is None:
        accelerate = size >= ACCELERATE_ABOVE
    kernels = _numba_kernels() if accelerate else None
    if out is None:
        total = np.zeros(size, dtype=np.float32)
    else:
        total = out
        total.fill(0)
    if kernels is None:
        for data, indices, starts, ends, weight in parts:
            part = np.zeros(size, dtype=np.float32)
            for start, end in zip(starts.tolist(), ends.tolist()):
                part[indices[start:end]] += data[start:end]
            np.add(total, weight * part, out=total)
        return total
    add_columns, add_weighted = kernels
    first = True
    for data, indices, starts, ends, weight in parts:
        if first and weight == 1.0:  # 0 + 1 × s is s: sum straight into the total
            add_columns(total, data, indices, starts, ends)
        else:
            with _SCRATCH.borrow(size) as scratch:
                add_columns(scratch, data, indices, starts, ends)
                add_weighted(total, scratch, np.float32(weight))  # leaves scratch zeroed for the next part
        first = False
    return total
