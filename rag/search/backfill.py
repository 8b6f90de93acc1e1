"""Filling in the vectors of an index saved before its passages were embedded.

``SearchIndex.build(embed="later")`` saves an index that searches lexically at once; this worker
embeds the remaining passages part by part (``rag.store.vectors``), then writes the complete
index in one swap. It is what ``rag embed`` runs, what ``rag index`` runs after saying search is
ready, and what ``rag serve`` runs on a background thread.

It never holds the update lock while it embeds, only for the moment it writes a part or swaps the
folder; it stops, keeping its parts, when a build holds the lock or has replaced the index (that
build reused the parts already written and left its own passages pending).
"""

from __future__ import annotations

import json
import os
import shutil
import threading
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

import numpy as np

from ..dense.embedders import Embedder, get_embedder
from ..dense.faiss_index import DenseIndex
from ..errors import EmbedderMismatchError, RagError
from ..records import DocumentMeta, IndexStatus, Passage, Progress
from ..store.caches import embed_rows
from ..store.folder import MANIFEST, atomic_folder, read_jsonl, read_manifest, update_lock
from ..store.vectors import PARTS, PENDING, done_parts, is_partial, load_vectors, part_ranges, write_part
from ..structure.passages import passage_index_text


class FillInterrupted(RagError):
    """The fill stopped before the end (asked to, or another build took over); its parts are kept."""


def fill_vectors(
    index_dir: str | Path,
    *,
    embedder: Embedder | None = None,
    progress: Progress | None = None,
    stop: threading.Event | None = None,
) -> IndexStatus:
    """Embed every pending passage of the index at ``index_dir`` and complete it.

    Returns the index's status at the end. Raises ``FillInterrupted`` when ``stop`` was set, when
    another update holds the index, or when the index was rebuilt meanwhile; a later call resumes.
    """
    folder = Path(index_dir)
    manifest = read_manifest(folder)
    total = manifest["corpus"]["passages"]
    if not is_partial(folder):
        return IndexStatus(total, total)
    name = manifest["embedder"]["name"]
    if embedder is not None and embedder.name != name:
        raise EmbedderMismatchError(f"The index in '{folder}' was built with '{name}', not '{embedder.name}'. Fill it with '{name}'.")
    pending = np.load(folder / PENDING)
    ranges = part_ranges(pending, manifest["dense"]["filling"]["part_size"])
    done = done_parts(folder)
    todo = [k for k in range(len(ranges)) if k not in done]
    if todo:
        model = embedder or get_embedder(name)
        texts = _texts_of(folder, set(np.concatenate([ranges[k] for k in todo]).tolist()))
        embedded = sum(len(ranges[k]) for k in done)
        for k in todo:
            if stop is not None and stop.is_set():
                raise FillInterrupted(f"Embedding stopped with {len(pending) - embedded} passages to go. Run 'rag embed' to go on.")
            vectors = embed_rows(model, texts, ranges[k], progress, done=embedded, total=len(pending))
            with _same_build(folder, manifest["build_id"]):
                write_part(folder, k, ranges[k], vectors)
            embedded += len(ranges[k])
    with _same_build(folder, manifest["build_id"]):
        _complete(folder, progress)
    return IndexStatus(total, total)


def _texts_of(folder: Path, wanted: set[int]) -> dict[int, str]:
    """Index texts of the passages at the ``wanted`` positions (only those are kept in memory)."""
    documents = {row["doc_id"]: DocumentMeta.from_dict(row) for row in read_jsonl(folder / "documents.jsonl")}
    passages = (Passage.from_dict(row) for i, row in enumerate(read_jsonl(folder / "passages.jsonl")) if i in wanted)
    return {i: passage_index_text(p, documents.get(p.doc_id)) for i, p in zip(sorted(wanted), passages)}


@contextmanager
def _same_build(folder: Path, build_id: str) -> Iterator[None]:
    """The update lock, taken only if the index is still the build this fill started on."""
    with ExitStack() as held:
        try:
            held.enter_context(update_lock(folder))
        except RagError as err:
            raise FillInterrupted(f"Another update of '{folder}' is running; the vectors written so far are kept. ({err})") from err
        if read_manifest(folder).get("build_id") != build_id:
            raise FillInterrupted(f"The index in '{folder}' was rebuilt meanwhile; that build goes on from the vectors written so far.")
        yield


def _complete(folder: Path, progress: Progress | None) -> None:
    """Write the complete index: every file as it is, the vectors with their FAISS index, the
    manifest without the filling note. Unchanged files are hard links, not copies."""
    known = load_vectors(folder)
    if not known.complete:
        raise RagError(f"The vectors of '{folder}' are incomplete after every part was written. Rebuild with 'rag index'.")
    dense = DenseIndex.build(known.vectors, progress=progress)
    manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    manifest["dense"] = dense.describe()
    skip = {MANIFEST, PENDING, PARTS, "vectors.npy", "dense.faiss"}
    with atomic_folder(folder) as scratch:
        for entry in folder.iterdir():
            if entry.name in skip:
                continue
            if entry.is_dir():
                shutil.copytree(entry, scratch / entry.name, copy_function=_link_or_copy)
            else:
                _link_or_copy(str(entry), str(scratch / entry.name))
        dense.save(scratch)
        (scratch / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")


def _link_or_copy(source: str, target: str) -> None:
    try:
        os.link(source, target)
    except OSError:  # another file system, or links not allowed
        shutil.copy2(source, target)
