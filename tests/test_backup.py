"""``rag backup`` / ``rag restore`` through click's runner, on a real index folder."""

from __future__ import annotations

import json
import stat

from click.testing import CliRunner

from rag import SearchIndex
from rag.access.accounts import AccountStore
from rag.access.roles import Role
from rag.cli.group import main


def _run(*args: str):
    return CliRunner().invoke(main, list(args))


def _files(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_backup_then_restore_after_a_loss(tmp_path, tiny_corpus, fake_embedder):
    index_dir = tmp_path / "index"
    SearchIndex.build(tiny_corpus, index_dir, embedder=fake_embedder)
    store = AccountStore(tmp_path / "users.json")
    store.add_user("an", Role.ADMIN, "mật-khẩu-quản-trị")
    where = ["--index", str(index_dir), "--corpus", str(tiny_corpus)]
    corpus_before, index_before = _files(tiny_corpus), _files(index_dir)

    made = _run("backup", str(tmp_path / "snap"), *where)
    assert made.exit_code == 0, made.output
    snap = tmp_path / "snap"
    listed = json.loads((snap / "snapshot.json").read_text(encoding="utf-8"))["files"]
    assert {"corpus/a_kehoach.txt", "index/manifest.json", "users.json"} <= set(listed)
    assert stat.S_IMODE(snap.stat().st_mode) == 0o700
    again = _run("backup", str(snap), *where)
    assert again.exit_code == 1 and "not an empty folder" in again.output

    (tiny_corpus / "b_chithi.md").unlink()  # the loss
    (index_dir / "passages.jsonl").write_text("", encoding="utf-8")
    store.add_user("binh", Role.READER, "mật-khẩu-của-bình")  # added after the snapshot: kept unless asked

    restored = _run("restore", str(snap), *where)
    assert restored.exit_code == 0, restored.output
    assert _files(tiny_corpus) == corpus_before and _files(index_dir) == index_before
    assert [u.name for u in store.users()] == ["an", "binh"]
    assert _run("restore", str(snap), "--with-accounts", *where).exit_code == 0
    assert [u.name for u in store.users()] == ["an"]
    events = [json.loads(line)["event"] for line in (tmp_path / "audit.jsonl").read_text(encoding="utf-8").splitlines()]
    assert events == ["backup", "restore", "restore"]


def test_restore_refuses_an_altered_snapshot_before_touching_anything(tmp_path, tiny_corpus, fake_embedder):
    index_dir = tmp_path / "index"
    SearchIndex.build(tiny_corpus, index_dir, embedder=fake_embedder)
    where = ["--index", str(index_dir), "--corpus", str(tiny_corpus)]
    assert _run("backup", str(tmp_path / "snap"), *where).exit_code == 0
    (tiny_corpus / "b_chithi.md").unlink()
    corpus_now = _files(tiny_corpus)
    (tmp_path / "snap" / "corpus" / "a_kehoach.txt").write_text("đã bị sửa", encoding="utf-8")
    (tmp_path / "snap" / "corpus" / "lạ.txt").write_text("thêm vào", encoding="utf-8")
    refused = _run("restore", str(tmp_path / "snap"), *where)
    assert refused.exit_code == 1
    assert "changed corpus/a_kehoach.txt" in refused.output and "not listed corpus/lạ.txt" in refused.output
    assert "Nothing was restored" in refused.output
    assert _files(tiny_corpus) == corpus_now
    not_a_snapshot = _run("restore", str(tiny_corpus), *where)
    assert not_a_snapshot.exit_code == 1 and "is not a snapshot" in not_a_snapshot.output
