"""The index folder: plain files, a manifest that describes them, atomic replacement.

    index/
      manifest.json      format version, embedder, chunking settings, corpus fingerprints, build time
      documents.jsonl    one line per document: metadata
      passages.jsonl     one line per passage: text, section path, line span
      facts.jsonl        one line per passage: lead and coordinating bodies, deadlines, cited documents
      *.offsets.npy      byte offset of each line of those two files: large indexes read rows on demand
      filters.npz/.json  what filters need, in columns: each passage's document, body names, deadline ends
      vectors.npy        passage vectors (float32; float16 with HNSW), also the embedding cache of the next build
      dense.faiss        the FAISS index over those vectors (memory-mapped on load)
      bm25_accented/     bm25s index over syllables, compound words and document-number keys
      bm25_folded/       bm25s index over diacritics-folded syllables
      restorer.json      syllable counts for restoring diacritics in queries
      compounds.jsonl    pyvi compound words per passage, reused by the next build
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ..errors import IndexDamagedError, IndexNotFoundError, RagError

FORMAT_VERSION = 2
MANIFEST = "manifest.json"


def file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def write_jsonl(path: Path, rows: Iterable[dict[str, Any]]) -> None:
    with path.open("w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")


def read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    try:
        with path.open(encoding="utf-8") as lines:
            for line in lines:
                if line.strip():
                    yield json.loads(line)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        raise IndexDamagedError(f"'{path}' is missing or damaged ({err}). Rebuild the index with 'rag index'.") from err


def read_manifest(folder: Path) -> dict[str, Any]:
    path = folder / MANIFEST
    if not path.exists():
        raise IndexNotFoundError(f"No index in '{folder}'. Build one with 'rag index --corpus corpus/ --index {folder}'.")
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        raise IndexDamagedError(f"The manifest '{path}' is damaged ({err}). Rebuild the index with 'rag index'.") from err
    if manifest.get("format_version") != FORMAT_VERSION:
        raise IndexDamagedError(
            f"The index in '{folder}' has format {manifest.get('format_version')}, this version reads {FORMAT_VERSION}. "
            "Rebuild it with 'rag index'."
        )
    return manifest


@contextmanager
def update_lock(target: Path) -> Iterator[None]:
    """One index update at a time: a second one fails at once with a clear message."""
    import fcntl

    lock_path = target.resolve().parent / f".{target.name}.lock"
    try:
        handle = lock_path.open("w")
    except OSError as err:
        raise RagError(f"Cannot write the index beside '{target}' ({err.strerror}). Choose a writable --index folder.") from err
    with handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as err:
            raise RagError(f"Another update of the index '{target}' is running. Wait for it to finish, then try again.") from err
        yield


@contextmanager
def atomic_folder(target: Path) -> Iterator[Path]:
    """Yield a scratch folder beside ``target``; on success it replaces ``target`` in one rename.

    A crash before the swap leaves the old index untouched; the scratch folder is removed. A
    failed write (a full disk) says so in a ``RagError``.
    """
    target = Path(target)
    parent = target.resolve().parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        scratch = Path(tempfile.mkdtemp(prefix=f".{target.name}.building-", dir=parent))
    except OSError as err:
        raise RagError(f"Cannot write the index beside '{target}' ({err.strerror}). Choose a writable --index folder.") from err
    try:
        try:
            yield scratch
        except OSError as err:  # disk full, quota, a file vanished: say what it means for the index
            raise RagError(
                f"Writing the index '{target}' failed ({err.strerror or err}). The previous index is unchanged and still "
                "searchable; free some space (or fix the folder) and run the command again."
            ) from err
        old = parent / f".{target.name}.old"
        if old.exists():
            shutil.rmtree(old)
        if target.exists():
            os.replace(target, old)
        os.replace(scratch, target)
        shutil.rmtree(old, ignore_errors=True)
    finally:
        if scratch.exists():
            shutil.rmtree(scratch, ignore_errors=True)
