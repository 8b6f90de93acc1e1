"""What a rebuild reuses from the index it replaces: pyvi compound words and vectors of passages
whose index text is unchanged. A missing or damaged old index only means no cache."""

from __future__ import annotations

import logging
from pathlib import Path

import numpy as np

from ..dense.embedders import Embedder
from ..records import DocumentMeta, Passage, Progress
from ..structure.passages import INDEX_TEXT_VERSION, passage_index_text
from .folder import MANIFEST, read_jsonl, read_manifest
from .vectors import load_vectors

logger = logging.getLogger(__name__)

EMBED_BATCH = 16
COMPOUNDS = "compounds.jsonl"  # pyvi's compound words per passage: the slow part of lexical indexing


def previous_texts(index_dir: Path | None) -> list[str]:
    """Index texts of the passages of the index being replaced, in order (none when it is missing
    or damaged): the keys of the compound-word and embedding caches."""
    if index_dir is None or not (index_dir / MANIFEST).exists():
        return []
    try:
        if read_manifest(index_dir)["chunking"].get("index_text", 1) != INDEX_TEXT_VERSION:
            return []  # its texts were computed by other rules: these would name the wrong vectors
        documents = {row["doc_id"]: DocumentMeta.from_dict(row) for row in read_jsonl(index_dir / "documents.jsonl")}
        return [passage_index_text(p, documents.get(p.doc_id)) for p in map(Passage.from_dict, read_jsonl(index_dir / "passages.jsonl"))]
    except Exception as err:  # a damaged old index only means no cache
        logger.info("passages of the previous index not read: %s", err)
        return []


def compound_cache(index_dir: Path | None, old_texts: list[str] | None = None) -> dict[str, str]:
    """pyvi compound words ("a_b c_d") of each passage text of the index being replaced."""
    if index_dir is None or not (index_dir / COMPOUNDS).exists():
        return {}
    try:
        if not read_manifest(index_dir)["lexical"].get("pyvi_compounds", True):
            return {}
        old_texts = previous_texts(index_dir) if old_texts is None else old_texts
        old = [" ".join(row["compounds"]) for row in read_jsonl(index_dir / COMPOUNDS)]
        return dict(zip(old_texts, old)) if len(old) == len(old_texts) else {}
    except Exception as err:  # a damaged old index only means no cache
        logger.info("compound-word cache not used: %s", err)
        return {}


def cached_vectors(
    model: Embedder, texts: list[str], index_dir: str | Path | None, old_texts: list[str] | None = None
) -> tuple[np.ndarray, list[int]]:
    """Vectors of ``texts`` taken from the index being replaced where its text is identical and it
    was embedded (a folder still being filled in gives the parts written so far), and the
    positions still to embed, ascending."""
    cached: dict[str, np.ndarray] = {}
    if index_dir is not None and (Path(index_dir) / MANIFEST).exists():
        try:
            folder = Path(index_dir)
            old = read_manifest(folder)
            if old["embedder"]["name"] == model.name:
                known = load_vectors(folder)
                old_texts = previous_texts(folder) if old_texts is None else old_texts
                if len(old_texts) == len(known.vectors):
                    cached = {t: v for t, v, done in zip(old_texts, known.vectors, known.embedded) if done}
        except Exception as err:  # a damaged old index only means no cache
            logger.info("embedding cache not used: %s", err)
    vectors = np.zeros((len(texts), model.dim), dtype=np.float32)
    todo = []
    for i, t in enumerate(texts):
        if t in cached:
            vectors[i] = cached[t]
        else:
            todo.append(i)
    return vectors, todo


def embed_rows(model: Embedder, texts: list[str], rows: list[int] | np.ndarray, progress: Progress | None = None, done: int = 0, total: int | None = None) -> np.ndarray:
    """Vectors of ``texts[i]`` for ``i`` in ``rows``, in batches of ``EMBED_BATCH`` taken in order
    (the batches decide the last bits of each vector: a resumed fill must cut them the same way)."""
    total = len(rows) if total is None else total
    out = np.zeros((len(rows), model.dim), dtype=np.float32)
    for start in range(0, len(rows), EMBED_BATCH):
        chunk = rows[start : start + EMBED_BATCH]
        out[start : start + len(chunk)] = model.embed_batch([texts[i] for i in chunk], kind="passage")
        if progress:
            progress("embed", done + min(start + EMBED_BATCH, len(rows)), total)
    return out


def embed_with_cache(
    model: Embedder, texts: list[str], index_dir: str | Path | None, progress: Progress | None, old_texts: list[str] | None = None
) -> tuple[np.ndarray, int]:
    """Embed ``texts``, reusing vectors of identical texts from the index being replaced
    (``old_texts``: that index's ``previous_texts``, read here when not given).

    Returns the vectors and how many texts had to be embedded.
    """
    vectors, todo = cached_vectors(model, texts, index_dir, old_texts)
    if todo:
        vectors[todo] = embed_rows(model, texts, todo, progress)
    return vectors, len(todo)
