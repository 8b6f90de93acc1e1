"""Building an index's parts from a corpus, and writing them to (or reading them from) its folder.

``SearchIndex`` wraps these parts; keeping the file layout here leaves the facade to searching.
The folder's files are listed in ``rag.store.folder``; a folder whose vectors are still being
filled in is described in ``rag.store.vectors``.
"""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import numpy as np

from ..dense.embedders import Embedder, get_embedder
from ..dense.faiss_index import DenseIndex
from ..errors import EmbedderMismatchError, IndexDamagedError
from ..lexical.index import LexicalIndex
from ..records import DocumentMeta, Facts, Passage, Progress, Rejection
from ..store import vectors as vector_store
from ..store.caches import COMPOUNDS, cached_vectors, compound_cache, embed_rows, previous_texts
from ..store.corpus import REJECTED, check_fresh, corpus_changes, parser_stamp, read_corpus, rejected_files
from ..store.folder import FORMAT_VERSION, MANIFEST, atomic_folder, read_jsonl, read_manifest, write_jsonl
from ..store.rows import read_rows, write_rows
from ..store.vectors import is_partial, load_vectors, save_pending
from ..structure.passages import INDEX_TEXT_VERSION, MAX_PASSAGE_CHARS, passage_index_text
from ..text.accents import AccentRestorer
from .columns import FilterColumns

LAZY_ABOVE = 50_000  # a loaded index of this many passages parses passages and facts on access


@dataclass
class IndexParts:
    """Everything a local index is made of."""

    passages: Sequence[Passage]
    facts: Sequence[Facts]
    documents: dict[str, DocumentMeta]
    lexical: LexicalIndex
    dense: DenseIndex
    restorer: AccentRestorer
    manifest: dict
    embedder: Embedder | None = None
    columns: FilterColumns | None = None
    compounds: list[str] | None = None  # each passage's pyvi compound words, kept for the next build
    rejected: list[Rejection] = field(default_factory=list)
    embedded: np.ndarray | None = None  # which passages have vectors; None: all of them


def build_parts(
    corpus_dir: str | Path,
    index_dir: Path | None,
    embedder: str | Embedder,
    progress: Progress | None,
    *,
    compounds: bool,
    strict: bool,
    later: bool,
) -> IndexParts:
    """Read, parse and index the corpus; embed now, or (``later``) only reuse the old vectors."""
    started = time.perf_counter()
    model = get_embedder(embedder) if isinstance(embedder, str) else embedder
    corpus = read_corpus(corpus_dir, progress, previous=index_dir, strict=strict)
    passages, facts = corpus.passages, corpus.facts
    texts = [passage_index_text(p, corpus.documents.get(p.doc_id)) for p in passages]
    old_texts = previous_texts(index_dir)  # keys of both caches below
    cache = compound_cache(index_dir, old_texts) if compounds else None
    lexical, compound_rows = LexicalIndex.from_texts(texts, compounds=compounds, cache=cache, progress=progress)
    vectors, todo = cached_vectors(model, texts, index_dir, old_texts)
    pending = np.asarray(todo if later else [], dtype=np.int64)
    if todo and not later:
        vectors[todo] = embed_rows(model, texts, todo, progress)
    embedded = None
    if len(pending):
        embedded = np.ones(len(passages), dtype=bool)
        embedded[pending] = False
    # Until its vectors are filled in, an index scans the rows it has: no graph, no FAISS copy.
    dense = DenseIndex.build(vectors, progress=progress) if embedded is None else DenseIndex.unindexed(vectors, embedded)
    manifest = {
        "format_version": FORMAT_VERSION,
        "build_id": uuid.uuid4().hex,  # a fill in progress checks it is still working on this build
        "built_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "embedder": {"name": model.name, "dim": model.dim},
        "chunking": {"unit": "leaf item of the section tree", "max_chars": MAX_PASSAGE_CHARS, "heading_path": "index only", "index_text": INDEX_TEXT_VERSION},
        "lexical": {"fields": ["accented", "folded"], "pyvi_compounds": compounds, "k1": lexical.k1, "b": lexical.b},
        "dense": dense.describe(),
        "corpus": {
            "files": corpus.fingerprints,
            "rejected": {r.file: r.sha256 for r in corpus.rejected},
            "passages": len(passages),
            "parsed_by": parser_stamp(),
        },
        "changes": {**corpus_changes(index_dir, corpus.fingerprints), "embedded": len(todo), "reused": len(texts) - len(todo)},
        "build_seconds": 0.0,
    }
    if embedded is not None:
        manifest["dense"]["filling"] = {"pending": len(pending), "part_size": vector_store.PART_SIZE}
    manifest["build_seconds"] = round(time.perf_counter() - started, 2)
    return IndexParts(
        passages, facts, corpus.documents, lexical, dense, AccentRestorer.from_texts(texts), manifest,
        embedder=model, compounds=compound_rows, rejected=corpus.rejected, embedded=embedded,
    )  # fmt: skip


def save_parts(parts: IndexParts, index_dir: Path) -> None:
    """Write every file into a scratch folder, then swap it in: a crash leaves the old index."""
    with atomic_folder(index_dir) as folder:
        write_jsonl(folder / "documents.jsonl", (meta.to_dict() for meta in parts.documents.values()))
        write_rows(folder / "passages.jsonl", (p.to_dict() for p in parts.passages))
        write_rows(folder / "facts.jsonl", (f.to_dict() for f in parts.facts))
        (parts.columns or FilterColumns.from_records(parts.passages, parts.facts)).save(folder)
        if parts.compounds is not None:
            write_jsonl(folder / COMPOUNDS, ({"compounds": c.split()} for c in parts.compounds))
        if parts.embedded is None:
            parts.dense.save(folder)
        else:  # vectors still to come: the worker's parts go beside them (rag.store.vectors)
            np.save(folder / "vectors.npy", parts.dense.vectors)
            save_pending(folder, np.flatnonzero(~parts.embedded))
        parts.lexical.save(folder)
        (folder / "restorer.json").write_text(json.dumps(parts.restorer.to_dict(), ensure_ascii=False), encoding="utf-8")
        (folder / REJECTED).write_text(json.dumps([r.to_dict() for r in parts.rejected], ensure_ascii=False, indent=1), encoding="utf-8")
        (folder / MANIFEST).write_text(json.dumps(parts.manifest, ensure_ascii=False, indent=1), encoding="utf-8")


def load_parts(folder: Path, *, corpus_dir: str | Path | None = None, embedder: str | Embedder | None = None) -> IndexParts:
    """Open a built index. With ``corpus_dir``, refuse an index older than the corpus."""
    manifest = read_manifest(folder)
    built_with = manifest["embedder"]["name"]
    if embedder is not None:
        wanted = embedder if isinstance(embedder, str) else embedder.name
        if wanted != built_with:
            raise EmbedderMismatchError(
                f"The index in '{folder}' was built with the embedder '{built_with}', not '{wanted}'. "
                f"Rebuild it with 'rag index --embedder {wanted}' or search with '{built_with}'."
            )
    if corpus_dir is not None:
        check_fresh(manifest, corpus_dir, folder)
    columns = FilterColumns.load(folder)
    lazy = columns is not None and manifest["corpus"]["passages"] >= LAZY_ABOVE  # parse rows on access
    passages = read_rows(folder / "passages.jsonl", Passage.from_dict, lazy=lazy)
    facts = read_rows(folder / "facts.jsonl", Facts.from_dict, lazy=lazy)
    documents = {row["doc_id"]: DocumentMeta.from_dict(row) for row in read_jsonl(folder / "documents.jsonl")}
    lexical = LexicalIndex.load(folder)
    embedded = None
    if is_partial(folder):
        known = load_vectors(folder)
        embedded = None if known.complete else known.embedded
        dense = DenseIndex.build(known.vectors) if embedded is None else DenseIndex.unindexed(known.vectors, embedded)
    else:
        dense = DenseIndex.load(folder)
    try:
        restorer = AccentRestorer.from_dict(json.loads((folder / "restorer.json").read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError) as err:
        raise IndexDamagedError(f"'{folder / 'restorer.json'}' is missing or damaged. Rebuild with 'rag index'.") from err
    if not (len(passages) == len(facts) == lexical.size == dense.vectors.shape[0] == manifest["corpus"]["passages"]):
        raise IndexDamagedError(f"The files in '{folder}' disagree on the number of passages (an interrupted copy?). Rebuild with 'rag index'.")
    return IndexParts(
        passages, facts, documents, lexical, dense, restorer, manifest,
        embedder=embedder if embedder is not None and not isinstance(embedder, str) else None,
        columns=columns, rejected=list(rejected_files(folder).values()), embedded=embedded,
    )  # fmt: skip
