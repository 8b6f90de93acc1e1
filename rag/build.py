"""Building: read the whole corpus into passages and facts; embed passages, reusing old vectors."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np

from .embed import Embedder
from .errors import StaleIndexError
from .facts import Facts
from .passages import parse_document, passage_index_text
from .reader import list_corpus, read_document
from .records import DocumentMeta, Passage
from .store import MANIFEST, file_sha256, read_jsonl, read_manifest

logger = logging.getLogger(__name__)

Progress = Callable[[str, int, int], None]  # (stage, done, total)
EMBED_BATCH = 16


@dataclass
class Corpus:
    """Every passage of a corpus folder, numbered in file order, with facts and document metadata."""

    passages: list[Passage] = field(default_factory=list)
    facts: list[Facts] = field(default_factory=list)
    documents: dict[str, DocumentMeta] = field(default_factory=dict)
    fingerprints: dict[str, str] = field(default_factory=dict)  # file name → sha256


def read_corpus(corpus_dir: str | Path, progress: Progress | None = None) -> Corpus:
    corpus = Corpus()
    files = list_corpus(corpus_dir)
    for done, path in enumerate(files, 1):
        raw = read_document(path)
        parsed = parse_document(path.name, raw.text, fingerprint=raw.sha256)
        first = len(corpus.passages)
        corpus.passages += [replace(p, passage_id=first + i) for i, p in enumerate(parsed.passages)]
        corpus.facts += parsed.facts
        corpus.documents[path.name] = parsed.meta
        corpus.fingerprints[path.name] = raw.sha256
        if progress:
            progress("read", done, len(files))
    return corpus


def check_fresh(manifest: dict, corpus_dir: str | Path, folder: Path) -> None:
    """Raise StaleIndexError when the corpus files differ from those the index was built from."""
    built = manifest["corpus"]["files"]
    current = {path.name: path for path in list_corpus(corpus_dir)}
    added = sorted(set(current) - set(built))
    removed = sorted(set(built) - set(current))
    changed = sorted(name for name in set(current) & set(built) if file_sha256(current[name]) != built[name])
    if added or removed or changed:
        parts = [f"{label}: {', '.join(names[:5])}" for label, names in (("new", added), ("removed", removed), ("changed", changed)) if names]
        raise StaleIndexError(
            f"The index in '{folder}' is older than the corpus in '{corpus_dir}' ({'; '.join(parts)}). "
            f"Rebuild it with 'rag index --corpus {corpus_dir} --index {folder}'."
        )


COMPOUNDS = "compounds.jsonl"  # pyvi's compound words per passage: the slow part of lexical indexing


def compound_cache(index_dir: Path | None) -> dict[str, str]:
    """pyvi compound words ("a_b c_d") of each passage text of the index being replaced."""
    if index_dir is None or not (index_dir / COMPOUNDS).exists():
        return {}
    try:
        if not read_manifest(index_dir)["lexical"].get("pyvi_compounds", True):
            return {}
        old_texts = [passage_index_text(Passage.from_dict(r)) for r in read_jsonl(index_dir / "passages.jsonl")]
        old = [" ".join(row["compounds"]) for row in read_jsonl(index_dir / COMPOUNDS)]
        return dict(zip(old_texts, old)) if len(old) == len(old_texts) else {}
    except Exception as err:  # a damaged old index only means no cache
        logger.info("compound-word cache not used: %s", err)
        return {}


def corpus_changes(index_dir: Path | None, files: dict[str, str]) -> dict[str, list[str]]:
    """What an update does compared with the index being replaced, and identical files under two names."""
    old: dict[str, str] = {}
    if index_dir is not None and (index_dir / MANIFEST).exists():
        try:
            old = read_manifest(index_dir)["corpus"]["files"]
        except Exception as err:  # a damaged old index: everything counts as new
            logger.info("previous manifest not read: %s", err)
    by_hash: dict[str, list[str]] = {}
    for name, digest in files.items():
        by_hash.setdefault(digest, []).append(name)
    return {
        "added": sorted(set(files) - set(old)),
        "changed": sorted(n for n in set(files) & set(old) if files[n] != old[n]),
        "removed": sorted(set(old) - set(files)),
        "unchanged": sorted(n for n in set(files) & set(old) if files[n] == old[n]),
        "duplicates": [" = ".join(sorted(names)) for names in by_hash.values() if len(names) > 1],
    }


def embed_with_cache(model: Embedder, texts: list[str], index_dir: str | Path | None, progress: Progress | None) -> tuple[np.ndarray, int]:
    """Embed ``texts``, reusing vectors of identical texts from the index being replaced.

    Returns the vectors and how many texts had to be embedded.
    """
    cached: dict[str, np.ndarray] = {}
    if index_dir is not None and (Path(index_dir) / MANIFEST).exists():
        try:
            folder = Path(index_dir)
            old = read_manifest(folder)
            if old["embedder"]["name"] == model.name:
                old_vectors = np.load(folder / "vectors.npy")
                old_texts = [passage_index_text(Passage.from_dict(r)) for r in read_jsonl(folder / "passages.jsonl")]
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
