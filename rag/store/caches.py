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


def embed_with_cache(
    model: Embedder, texts: list[str], index_dir: str | Path | None, progress: Progress | None, old_texts: list[str] | None = None
) -> tuple[np.ndarray, int]:
    """Embed ``texts``, reusing vectors of identical texts from the index being replaced
    (``old_texts``: that index's ``previous_texts``, read here when not given).

    Returns the vectors and how many texts had to be embedded.
    """
    cached: dict[str, np.ndarray] = {}
    if index_dir is not None and (Path(index_dir) / MANIFEST).exists():
        try:
            folder = Path(index_dir)
            old = read_manifest(folder)
            if old["embedder"]["name"] == model.name:
                old_vectors = np.load(folder / "vectors.npy")
                old_texts = previous_texts(folder) if old_texts is None else old_texts
                if len(old_texts) == len(old_vectors):
                    cached = dict(zip(old_texts, old_vectors))
        except Exception as err:  # a damaged old index only means no cache
            logger.info("embedding cache not used: %s", err)
    vectors = np.zeros((len(texts), model.dim), dtype=np.float32)
    todo = [i for i, t in enumerate(texts) if t not in cached]
    for i, t in enumerate(texts):
        if t in cached:
            vectors[i] = cached[t]
    for start in range(0, len(todo), EMBED_BATCH):
        chunk = todo[start : start + EMBED_BATCH]
        vectors[chunk] = model.embed_batch([texts[i] for i in chunk], kind="passage")
        if progress:
            progress("embed", min(start + EMBED_BATCH, len(todo)), len(todo))
    return vectors, len(todo)
