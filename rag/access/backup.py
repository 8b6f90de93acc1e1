"""``rag backup`` / ``rag restore``: a consistent snapshot of corpus, index, accounts and audit log.

    DEST/
      snapshot.json   version, time, and every file's size and SHA-256
      corpus/  index/  users.json  audit.jsonl

The snapshot is taken under the index's update lock, so no rebuild runs meanwhile, and then checked:
its corpus must be exactly what its index was built from (an upload writes its file before it takes
the lock). A restore checks every file against ``snapshot.json`` before it replaces anything, and
swaps each folder in with one rename. The accounts are restored only when asked (an old file would
bring back revoked tokens), and the audit log is never rolled back: the restore is appended to it.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from ..errors import RagError
from ..store.corpus import check_fresh
from ..store.folder import atomic_folder, file_sha256, read_manifest, update_lock
from .accounts import AccountStore
from .audit import AuditLog, cli_user

SNAPSHOT = "snapshot.json"
VERSION = 1
FOLDERS = ("corpus", "index")


class BackupError(RagError):
    """A snapshot cannot be written, or one to restore is incomplete or altered."""


@dataclass(frozen=True)
class Snapshot:
    path: Path
    created: str
    files: int
    bytes: int


def backup(dest: str | Path, index_dir: str | Path, corpus_dir: str | Path, accounts: AccountStore, audit: AuditLog) -> Snapshot:
    dest = Path(dest)
    if dest.exists() and (not dest.is_dir() or any(dest.iterdir())):
        raise BackupError(f"'{dest}' already exists and is not an empty folder. Give a new folder, e.g. 'backup-{_stamp()[:10]}'.")
    dest.parent.mkdir(parents=True, exist_ok=True)
    with update_lock(Path(index_dir)):
        scratch = Path(tempfile.mkdtemp(prefix=f".{dest.name}.partial-", dir=dest.parent))
        try:
            for name, source in (("corpus", Path(corpus_dir)), ("index", Path(index_dir))):
                shutil.copytree(source, scratch / name, ignore=shutil.ignore_patterns(".*"))  # scratch files of an upload
            for source in (accounts.path, audit.path):
                if source.exists():
                    shutil.copy2(source, scratch / source.name)
            try:
                check_fresh(read_manifest(scratch / "index"), scratch / "corpus", Path(index_dir))
            except RagError as err:
                raise BackupError(f"The corpus changed while the snapshot was taken (an upload?): {err} Try 'rag backup' again.") from err
            created = _stamp()
            files = {str(p.relative_to(scratch)): {"size": p.stat().st_size, "sha256": file_sha256(p)} for p in sorted(scratch.rglob("*")) if p.is_file()}
            (scratch / SNAPSHOT).write_text(json.dumps({"version": VERSION, "created": created, "files": files}, indent=1) + "\n", encoding="utf-8")
            os.chmod(scratch, 0o700)  # it holds the password hashes
            if dest.exists():
                dest.rmdir()
            os.replace(scratch, dest)
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
    audit.record("backup", cli_user(), dest=str(dest.resolve()), files=len(files))
    return Snapshot(dest, created, len(files), sum(f["size"] for f in files.values()))


def verify(src: str | Path) -> dict[str, dict]:
    """Every file of the snapshot as ``snapshot.json`` lists it, and nothing else; else BackupError."""
    src = Path(src)
    try:
        listed = json.loads((src / SNAPSHOT).read_text(encoding="utf-8"))
        files = listed["files"]
    except (OSError, ValueError, KeyError, TypeError) as err:
        raise BackupError(f"'{src}' is not a snapshot of 'rag backup' ({SNAPSHOT} missing or damaged: {err}). Nothing was restored.") from err
    if listed.get("version") != VERSION:
        raise BackupError(f"The snapshot '{src}' has version {listed.get('version')}, this version restores {VERSION}. Nothing was restored.")
    present = {str(p.relative_to(src)) for p in src.rglob("*") if p.is_file()} - {SNAPSHOT}
    problems = [f"missing {name}" for name in sorted(set(files) - present)]
    problems += [f"not listed {name}" for name in sorted(present - set(files))]
    for name in sorted(set(files) & present):
        path = src / name
        if path.stat().st_size != files[name]["size"] or file_sha256(path) != files[name]["sha256"]:
            problems.append(f"changed {name}")
    if not all((src / folder).is_dir() for folder in FOLDERS):
        problems.append("no corpus/ or index/ folder")
    if problems:
        raise BackupError(f"The snapshot '{src}' does not match its {SNAPSHOT} ({'; '.join(problems[:5])}). Nothing was restored.")
    return files


def restore(src: str | Path, index_dir: str | Path, corpus_dir: str | Path, accounts: AccountStore, audit: AuditLog, *, with_accounts: bool = False) -> int:
    """Replace corpus and index (and the accounts when asked) with the verified snapshot; the number of files restored."""
    src = Path(src)
    files = verify(src)
    restored = 0
    with update_lock(Path(index_dir)):
        for name, target in (("corpus", Path(corpus_dir)), ("index", Path(index_dir))):
            with atomic_folder(target) as scratch:
                shutil.copytree(src / name, scratch, dirs_exist_ok=True)
            restored += sum(1 for f in files if f.startswith(name + "/"))
        users = src / accounts.path.name
        if users.exists() and (with_accounts or not accounts.path.exists()):  # a machine set up again has none
            handle, scratch_file = tempfile.mkstemp(prefix=f".{accounts.path.name}.", dir=accounts.path.parent)
            os.close(handle)
            shutil.copyfile(users, scratch_file)
            os.chmod(scratch_file, 0o600)
            os.replace(scratch_file, accounts.path)
            restored += 1
    audit.record("restore", cli_user(), src=str(src.resolve()), files=restored, accounts=with_accounts)
    return restored


def _stamp() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")
