"""The corpus folder as the index sees it: every file read and parsed into passages and facts (or
kept from the index being replaced when unchanged), and what changed since that index."""

from __future__ import annotations

import hashlib
import json
import logging
import multiprocessing
import os
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..documents.reader import list_corpus, read_document
from ..errors import CorpusError, DocumentReadError, StaleIndexError
from ..records import DocumentMeta, Facts, ParsedDocument, Passage, Progress, Rejection
from ..structure.passages import parse_document
from .folder import MANIFEST, file_sha256, read_jsonl, read_manifest

logger = logging.getLogger(__name__)

PARALLEL_FILES = 64  # fewer new files are parsed in this process: starting workers costs more


@dataclass
class Corpus:
    """Every passage of a corpus folder, numbered in file order, with facts and document metadata."""

    passages: list[Passage] = field(default_factory=list)
    facts: list[Facts] = field(default_factory=list)
    documents: dict[str, DocumentMeta] = field(default_factory=dict)
    fingerprints: dict[str, str] = field(default_factory=dict)  # file name → sha256
    rejected: list[Rejection] = field(default_factory=list)  # files left out, in file order


REJECTED = "rejected.json"  # in the index folder: the files left out of it, and why


def read_corpus(
    corpus_dir: str | Path, progress: Progress | None = None, *, previous: Path | None = None, strict: bool = False
) -> Corpus:
    """Read and parse every file of ``corpus_dir``; a file that cannot be read is left out and
    listed in ``Corpus.rejected`` with its reason (``strict``: its error is raised instead).

    With ``previous`` (the index folder being replaced), a file whose bytes are unchanged keeps
    the passages, facts and metadata that index holds for it, when that index was built by this
    same code (``parser_stamp``): an update of one file among a thousand then parses one file. A
    file that index refused, with the same bytes, is refused again without being read.

    Raises:
        CorpusError: no file of the folder can be read (the message lists them and why).
    """
    corpus = Corpus()
    files = list_corpus(corpus_dir)
    kept = parsed_documents(previous) if previous is not None else {}
    refused = rejected_files(previous) if previous is not None and not strict else {}
    for path, parsed in zip(files, _parse_all(files, kept, refused, strict, progress)):
        if isinstance(parsed, Rejection):
            corpus.rejected.append(parsed)
            continue
        first = len(corpus.passages)
        corpus.passages += [replace(p, passage_id=first + i) for i, p in enumerate(parsed.passages)]
        corpus.facts += parsed.facts
        corpus.documents[path.name] = parsed.meta
        corpus.fingerprints[path.name] = parsed.fingerprint
    if not corpus.documents:
        listed = "; ".join(f"{r.file}: {r.message}" for r in corpus.rejected[:5])
        raise CorpusError(f"No file of the corpus folder '{corpus_dir}' can be indexed ({listed}).")
    return corpus


def _parse_all(
    files: list[Path], kept: dict[str, ParsedDocument], refused: dict[str, Rejection], strict: bool, progress: Progress | None
) -> list[ParsedDocument | Rejection]:
    """Every file parsed, or kept from the previous index, or refused, in file order. Many new files
    are parsed in worker processes: parsing is pure Python, about 27 ms a document on one core."""
    results: list[ParsedDocument | Rejection | None] = [_unchanged(p, kept.get(p.name), refused.get(p.name)) for p in files]
    fresh = [i for i, result in enumerate(results) if result is None]
    report = progress or (lambda stage, done, total: None)
    done = len(files) - len(fresh)
    workers = min(os.cpu_count() or 1, 8) if len(fresh) >= PARALLEL_FILES and not strict else 1
    # fork: the workers only read files and parse text (no threads, no OpenMP); strict mode raises
    # the file's own error, so it parses here
    if workers > 1 and "fork" in multiprocessing.get_all_start_methods():
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            for i, parsed in zip(fresh, pool.imap(_parse_new, [files[i] for i in fresh], chunksize=4)):
                results[i] = parsed
                done += 1
                report("read", done, len(files))
    else:
        for i in fresh:
            results[i] = _parse_new(files[i], strict)
            done += 1
            report("read", done, len(files))
    report("read", len(files), len(files))
    return results  # type: ignore[return-value]  # every None was filled


def _unchanged(path: Path, old: ParsedDocument | None, refused: Rejection | None) -> ParsedDocument | Rejection | None:
    """What the previous index holds for this file when its bytes are the same, else None."""
    if old is not None or refused is not None:
        digest = file_sha256(path)
        if old is not None and old.fingerprint == digest:
            return old
        if refused is not None and refused.sha256 == digest:
            return refused
    return None


def _parse_new(path: Path, strict: bool = False) -> ParsedDocument | Rejection:
    """The file read and parsed, or why it cannot be."""
    try:
        raw = read_document(path)
        parsed = parse_document(path.name, raw.text, fingerprint=raw.sha256)
        if not parsed.passages:
            # Indexed empty it could never be found, and nobody would know why: say so.
            raise DocumentReadError(
                str(path),
                "no passage of text was found in it (only a header, a signature or nothing readable)",
                "Check that the file holds the document's text, or move it out of the corpus folder.",
                reason="no-passages",
            )
        return parsed
    except DocumentReadError as err:
        if strict:
            raise
        logger.warning("left out of the index: %s", err)
        return Rejection(path.name, _sha256_or_empty(path), err.reason, str(err))


def _sha256_or_empty(path: Path) -> str:
    try:
        return file_sha256(path)
    except OSError:  # unreadable: it is read again next time
        return ""


def rejected_files(index_dir: Path) -> dict[str, Rejection]:
    """The files the index in ``index_dir`` left out, by name (none when it has no such list)."""
    try:
        rows = json.loads((index_dir / REJECTED).read_text(encoding="utf-8"))
        return {row["file"]: Rejection.from_dict(row) for row in rows}
    except (OSError, ValueError, KeyError, TypeError):
        return {}


PARSING_CODE = ("documents", "structure", "text", "records.py")  # what a parsed document depends on


def parser_stamp() -> str:
    """A digest of the source of the stages that parse. Parsed documents are only reused by the code
    that parsed them: any change to a reader, the structure or the fact rules parses everything again."""
    package = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256()
    for part in PARSING_CODE:
        for path in sorted((package / part).rglob("*.py")) if (package / part).is_dir() else [package / part]:
            digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def parsed_documents(index_dir: Path) -> dict[str, ParsedDocument]:
    """What the index in ``index_dir`` holds per file, if this code built it (else nothing)."""
    try:
        manifest = read_manifest(index_dir)
        if manifest["corpus"].get("parsed_by") != parser_stamp():
            return {}
        files = {name: ParsedDocument(DocumentMeta(name), fingerprint=digest) for name, digest in manifest["corpus"]["files"].items()}
        for row in read_jsonl(index_dir / "documents.jsonl"):
            meta = DocumentMeta.from_dict(row)
            if meta.doc_id in files:
                files[meta.doc_id].meta = meta
        for passage_row, facts_row in zip(read_jsonl(index_dir / "passages.jsonl"), read_jsonl(index_dir / "facts.jsonl"), strict=True):
            passage = Passage.from_dict(passage_row)
            files[passage.doc_id].passages.append(passage)
            files[passage.doc_id].facts.append(Facts.from_dict(facts_row))
        return files
    except Exception as err:  # no index, or a damaged one, only means every file is parsed
        logger.info("parsed documents of the previous index not used: %s", err)
        return {}


def check_fresh(manifest: dict, corpus_dir: str | Path, folder: Path) -> None:
    """Raise StaleIndexError when the corpus files differ from those the index was built from."""
    built = {**manifest["corpus"].get("rejected", {}), **manifest["corpus"]["files"]}  # a refused file is known too
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


