"""Add documents to a corpus and its index (or take one out), keeping the two consistent.

The corpus folder and the index must always describe the same files: ``SearchIndex.load`` refuses
an index older than its corpus. So an upload is checked completely before anything is written,
copied in with one rename, and removed again (or the replaced file restored) if the rebuild fails.
The rebuild reuses the cached vectors of unchanged passages, so only the new ones are embedded,
and it swaps the index folder in one rename.
"""

from __future__ import annotations

import os
import tempfile
import threading
import unicodedata
from collections.abc import Callable
from pathlib import Path

from .dense.embedders import DEFAULT_EMBEDDER, Embedder
from .documents.reader import READERS, read_document
from .errors import DocumentReadError, RagError
from .records import ParsedDocument, Rejection
from .search.facade import Progress, SearchIndex
from .store.folder import MANIFEST, file_sha256, read_manifest
from .structure.passages import parse_document

Publish = Callable[[SearchIndex], SearchIndex]
_lock = threading.Lock()  # two uploads at once would each rebuild from a corpus missing the other's file


class IngestError(RagError):
    """The document cannot be added (its name or content clashes with the corpus)."""


class DuplicateDocumentError(IngestError):
    """The same bytes are already in the corpus, perhaps under another name."""

    def __init__(self, name: str, existing: str) -> None:
        self.name = name
        self.existing = existing
        where = "under the same name" if name == existing else f"as '{existing}'"
        super().__init__(f"'{name}' is already in the corpus {where}. Nothing was added.")


class NameTakenError(IngestError):
    """Another document with this file name exists; replacing it must be asked for."""

    def __init__(self, name: str) -> None:
        self.name = name
        super().__init__(f"The corpus already has a different '{name}'. Rename the file, or replace the existing one.")


def add_document(
    index_dir: str | Path,
    corpus_dir: str | Path,
    upload_path: str | Path,
    *,
    name: str | None = None,
    replace: bool = False,
    embedder: str | Embedder | None = None,
    progress: Progress | None = None,
    publish: Publish | None = None,
    embed: str = "now",
) -> SearchIndex:
    """Check ``upload_path``, copy it into ``corpus_dir`` as ``name`` and rebuild the index.

    Args:
        name: the document's file name (its id); defaults to the upload's own name.
        replace: overwrite a different document that has the same name.
        embedder: defaults to the one the existing index was built with.
        progress: called with (stage, done, total): "check", "copy", then the build's stages.
        embed: "later" saves the rebuilt index before embedding the new passages (the app's
            background embedding fills them in); see ``SearchIndex.build``.
        publish: what to do with the rebuilt local index (``MilvusTarget.publish`` copies it into
            Milvus and returns the Milvus-backed index); its failure restores the corpus too.

    Raises:
        DocumentReadError: the file is empty, binary, not Unicode, of an unsupported format, or has
            no passage. Nothing is written.
        DuplicateDocumentError, NameTakenError: nothing is written.
        RagError (or any error of the build): the corpus is restored; the old index stays.
    """
    upload = Path(upload_path)
    name = document_name(name or upload.name)
    report = progress or (lambda stage, done, total: None)
    with _lock:
        report("check", 0, 1)
        raw_sha = validate(upload, name).fingerprint
        corpus = Path(corpus_dir)
        corpus.mkdir(parents=True, exist_ok=True)
        target = corpus / name
        check_clashes(corpus, target, raw_sha, replace=replace)
        report("check", 1, 1)
        previous = target.read_bytes() if target.exists() else None
        _write_atomically(target, upload.read_bytes())
        report("copy", 1, 1)
        try:
            built = SearchIndex.build(corpus, index_dir, embedder=embedder or _embedder_of(index_dir), progress=progress, embed=embed)
            return publish(built) if publish else built
        except BaseException:
            _restore(target, previous)  # a local index built meanwhile is now stale: loading it says so
            raise


def add_documents(
    index_dir: str | Path,
    corpus_dir: str | Path,
    upload_paths: list[str | Path],
    *,
    replace: bool = False,
    strict: bool = False,
    embedder: str | Embedder | None = None,
    progress: Progress | None = None,
    publish: Publish | None = None,
    embed: str = "now",
) -> tuple[SearchIndex | None, list[Rejection]]:
    """Check every upload, copy those that pass into ``corpus_dir``, rebuild the index once.

    Returns the new index (None when no upload passed: nothing was written) and the uploads
    refused, each with its reason (a ``DocumentReadError.reason``, "duplicate" or "name-taken").
    With ``strict`` the first refusal is raised and nothing is written. If the rebuild fails,
    every copied file is taken out again (or the file it replaced put back).
    """
    refused: list[Rejection] = []
    accepted: dict[Path, Path] = {}  # corpus target → upload
    with _lock:
        corpus = Path(corpus_dir)
        corpus.mkdir(parents=True, exist_ok=True)
        taken: dict[str, str] = {}  # sha256 → name, of this batch
        report = progress or (lambda stage, done, total: None)
        for checked, upload in enumerate(map(Path, upload_paths)):
            report("check", checked, len(upload_paths))
            try:
                name = document_name(upload.name)
                sha256 = validate(upload, name).fingerprint
                target = corpus / name
                check_clashes(corpus, target, sha256, replace=replace)
                if sha256 in taken or target in accepted:
                    raise DuplicateDocumentError(name, taken.get(sha256, name))
                taken[sha256] = name
                accepted[target] = upload
            except (DocumentReadError, IngestError) as err:
                if strict:
                    raise
                refused.append(Rejection(upload.name, _sha256_of(upload), _reason(err), str(err)))
        if not accepted:
            return None, refused
        previous = {target: target.read_bytes() if target.exists() else None for target in accepted}
        try:
            report("check", len(upload_paths), len(upload_paths))
            for copied, (target, upload) in enumerate(accepted.items(), 1):
                _write_atomically(target, upload.read_bytes())
                report("copy", copied, len(accepted))
            built = SearchIndex.build(corpus, index_dir, embedder=embedder or _embedder_of(index_dir), progress=progress, embed=embed)
            return (publish(built) if publish else built), refused
        except BaseException:
            for target, old in previous.items():
                _restore(target, old)
            raise


def _reason(err: RagError) -> str:
    if isinstance(err, DocumentReadError):
        return err.reason
    return "duplicate" if isinstance(err, DuplicateDocumentError) else "name-taken" if isinstance(err, NameTakenError) else "refused"


def _sha256_of(path: Path) -> str:
    try:
        return file_sha256(path)
    except OSError:
        return ""


def remove_document(
    index_dir: str | Path,
    corpus_dir: str | Path,
    name: str,
    *,
    embedder: str | Embedder | None = None,
    progress: Progress | None = None,
    publish: Publish | None = None,
    embed: str = "now",
) -> SearchIndex:
    """Take ``name`` out of the corpus and the index; if the rebuild fails the file is put back."""
    target = Path(corpus_dir) / document_name(name)
    if not target.is_file():
        raise IngestError(f"There is no '{target.name}' in '{corpus_dir}'. 'rag index' lists what is indexed.")
    with _lock:
        previous = target.read_bytes()
        target.unlink()
        try:
            built = SearchIndex.build(corpus_dir, index_dir, embedder=embedder or _embedder_of(index_dir), progress=progress, embed=embed)
            return publish(built) if publish else built
        except BaseException:
            _restore(target, previous)
            raise


def document_name(name: str) -> str:
    """The corpus file name: NFC (macOS sends decomposed accents), no folders, a supported suffix."""
    clean = unicodedata.normalize("NFC", Path(name.replace("\\", "/")).name).strip()
    if not clean or clean.startswith("."):
        raise IngestError(f"'{name}' is not a usable file name. Give the document a name such as 'ke-hoach-45.txt'.")
    if Path(clean).suffix.lower() not in READERS:
        raise DocumentReadError(
            clean,
            f"the format '{Path(clean).suffix}' is not supported",
            f"Supported: {', '.join(sorted(READERS))}.",
            reason="format",
        )
    return clean


def validate(upload: Path, name: str) -> ParsedDocument:
    """Read and parse the upload exactly as the build will, so a bad file fails before any write."""
    raw = read_document(upload)
    parsed = parse_document(name, raw.text, fingerprint=raw.sha256)
    if not parsed.passages:
        raise DocumentReadError(
            name, "no passage of text was found in it", "Check that it is the document's text.", reason="no-passages"
        )
    return parsed


def check_clashes(corpus: Path, target: Path, sha256: str, *, replace: bool) -> None:
    """Refuse bytes already in the corpus, and a different file under a taken name unless replacing."""
    for path in sorted(corpus.iterdir()):
        if path.is_file() and path.suffix.lower() in READERS and file_sha256(path) == sha256:
            raise DuplicateDocumentError(target.name, path.name)
    if target.exists() and not replace:
        raise NameTakenError(target.name)


def _embedder_of(index_dir: str | Path) -> str:
    """The model the existing index was built with: its cached vectors are only reusable with it."""
    if (Path(index_dir) / MANIFEST).exists():
        return read_manifest(Path(index_dir))["embedder"]["name"]
    return DEFAULT_EMBEDDER


def _write_atomically(target: Path, data: bytes) -> None:
    """Write beside ``target`` under a name the corpus ignores, then rename: no half-written document."""
    handle, scratch = tempfile.mkstemp(prefix=".upload-", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(scratch, target)
    finally:
        if os.path.exists(scratch):
            os.unlink(scratch)


def _restore(target: Path, previous: bytes | None) -> None:
    """Undo the copy: remove a new file, or put back the one it replaced."""
    if previous is None:
        target.unlink(missing_ok=True)
    else:
        _write_atomically(target, previous)
