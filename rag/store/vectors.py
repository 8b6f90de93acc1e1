"""Passage vectors of an index whose embeddings are still being filled in.

A build may save the index as soon as the lexical side is ready ("searchable soon") and leave
the embedding to a worker. Such a folder holds, besides the usual files:

    vectors.npy     every passage's vector; zero rows for the passages not embedded at build time
    pending.npy     the positions of those passages, in the order they are embedded (int64)
    embedding/      part-000000.npz, part-000001.npz …: the vectors of pending[k*size:(k+1)*size]

Each part is written to a temporary name and renamed, so a killed worker leaves whole parts only
and the next one resumes after the last part. When every part is there, the worker writes a
complete folder (no pending.npy, no embedding/) exactly as a build that embedded everything at
once would have: the same passages in the same batches give the same vectors, bit for bit.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..errors import IndexDamagedError

PENDING = "pending.npy"
PARTS = "embedding"
PART_SIZE = 512  # passages per part: a multiple of the embedding batch, so batches match a full build
_PART_NAME = re.compile(r"part-(\d{6})\.npz$")


@dataclass(frozen=True)
class PartialVectors:
    """The vectors known so far and which passages they cover."""

    vectors: np.ndarray  # float32, one row per passage; zero where not embedded yet
    embedded: np.ndarray  # bool per passage
    missing: np.ndarray  # positions still to embed, ascending (empty when complete)

    @property
    def complete(self) -> bool:
        return len(self.missing) == 0


def is_partial(folder: Path) -> bool:
    return (folder / PENDING).exists()


def save_pending(folder: Path, pending: np.ndarray) -> None:
    """Mark the passages at ``pending`` as not embedded yet (the build writes vectors.npy itself)."""
    np.save(folder / PENDING, np.asarray(pending, dtype=np.int64))
    (folder / PARTS).mkdir(exist_ok=True)


def part_ranges(pending: np.ndarray, size: int = PART_SIZE) -> list[np.ndarray]:
    """The positions each part covers: consecutive slices of ``pending``."""
    return [pending[start : start + size] for start in range(0, len(pending), size)]


def done_parts(folder: Path) -> set[int]:
    """Numbers of the parts already written."""
    parts = folder / PARTS
    if not parts.is_dir():
        return set()
    return {int(m.group(1)) for name in os.listdir(parts) if (m := _PART_NAME.match(name))}


def write_part(folder: Path, number: int, ids: np.ndarray, vectors: np.ndarray) -> None:
    """Write one part atomically: a temporary file renamed into place."""
    parts = folder / PARTS
    final = parts / f"part-{number:06d}.npz"
    scratch = parts / f".part-{number:06d}.tmp.npz"
    try:
        np.savez(scratch, ids=np.asarray(ids, dtype=np.int64), vectors=np.asarray(vectors, dtype=np.float32))
        os.replace(scratch, final)
    finally:
        scratch.unlink(missing_ok=True)


def load_vectors(folder: Path) -> PartialVectors:
    """vectors.npy with every part written so far laid over it."""
    try:
        vectors = np.array(np.load(folder / "vectors.npy"), dtype=np.float32)
        pending = np.load(folder / PENDING) if is_partial(folder) else np.zeros(0, dtype=np.int64)
        embedded = np.ones(len(vectors), dtype=bool)
        embedded[pending] = False
        for number in sorted(done_parts(folder)):
            with np.load(folder / PARTS / f"part-{number:06d}.npz") as part:
                ids, rows = part["ids"], part["vectors"]
            vectors[ids] = rows
            embedded[ids] = True
    except (OSError, ValueError, KeyError, IndexError) as err:
        raise IndexDamagedError(
            f"The vectors in '{folder}' are missing or damaged ({err}). Run 'rag embed' to fill them in again, or rebuild with 'rag index'."
        ) from err
    return PartialVectors(vectors, embedded, np.flatnonzero(~embedded))
