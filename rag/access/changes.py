"""Adding and removing documents with a line in the audit log: who, which file, its SHA-256.

The CLI and the server both go through here, so the log is complete whichever way the corpus changed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..ingest import add_document, add_documents, document_name, remove_document
from ..records import Rejection
from ..search.facade import SearchIndex
from ..store.folder import file_sha256
from .audit import AuditLog


def add_audited(
    audit: AuditLog | None, who: str, via: str, index_dir: str | Path, corpus_dir: str | Path, upload: str | Path,
    *, name: str | None = None, replace: bool = False, **options: Any,
) -> SearchIndex:
    """``rag.ingest.add_document``, then an "add" or "replace" entry (a refused upload writes nothing)."""
    name = document_name(name or Path(upload).name)
    target = Path(corpus_dir) / name
    existed = target.exists()
    built = add_document(index_dir, corpus_dir, upload, name=name, replace=replace, **options)
    if audit is not None:
        audit.record("replace" if existed else "add", who, via=via, file=name, sha256=file_sha256(target))
    return built


def add_many_audited(
    audit: AuditLog | None, who: str, via: str, index_dir: str | Path, corpus_dir: str | Path, uploads: list[str | Path],
    *, replace: bool = False, **options: Any,
) -> tuple[SearchIndex | None, list[str], list[Rejection]]:
    """``rag.ingest.add_documents``, then an "add" or "replace" entry per file taken.

    Returns the new index (None when nothing was taken), the names taken and the uploads refused.
    """
    names = [document_name(Path(u).name) for u in uploads]
    existed = {name for name in names if (Path(corpus_dir) / name).exists()}
    built, refused = add_documents(index_dir, corpus_dir, list(uploads), replace=replace, **options)
    refused_names = {r.file for r in refused}
    taken = [name for upload, name in zip(uploads, names) if Path(upload).name not in refused_names] if built is not None else []
    if audit is not None:
        for name in taken:
            target = Path(corpus_dir) / name
            audit.record("replace" if name in existed else "add", who, via=via, file=name, sha256=file_sha256(target))
    return built, taken, refused


def remove_audited(
    audit: AuditLog | None, who: str, via: str, index_dir: str | Path, corpus_dir: str | Path, name: str, **options: Any
) -> SearchIndex:
    """``rag.ingest.remove_document``, then a "remove" entry with the SHA-256 of what was removed."""
    target = Path(corpus_dir) / document_name(name)
    sha256 = file_sha256(target) if target.is_file() else None
    built = remove_document(index_dir, corpus_dir, name, **options)
    if audit is not None:
        audit.record("remove", who, via=via, file=target.name, sha256=sha256)
    return built
