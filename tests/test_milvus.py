"""Milvus-only behaviour: incremental updates, atomic rebuilds, and clear errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from rag import BackendUnavailableError, IndexDamagedError, IndexNotFoundError, SearchIndex
from rag.backends.milvus.backend import connect, write_meta_value
from rag.backends.milvus.sync import MilvusTarget, open_index, sync
from rag.cli.group import main

NEW_DOC = """HUYỆN ỦY CAO LỘC
Số 12-KH/HU

KẾ HOẠCH
phòng chống cháy rừng năm 2022

I. TỔ CHỨC THỰC HIỆN

1. Hạt Kiểm lâm huyện chủ trì tuần tra phòng chống cháy rừng mùa khô.

2. Các xã báo cáo kết quả về Huyện ủy trước ngày 30/6/2022.
"""


def _ranked(index: SearchIndex, query: str) -> list[tuple[str, str]]:
    return [(h.doc_id, h.passage.text) for h in index.search(query, k=5)]


def test_an_update_writes_only_what_changed_and_ranks_like_a_clean_build(tiny_corpus, tmp_path, fake_embedder):
    db = str(tmp_path / "m.db")
    built = SearchIndex.build(tiny_corpus, tmp_path / "index", embedder=fake_embedder)
    first = sync(built, db)
    assert first == {"inserted": len(built.passages), "deleted": 0, "kept": 0}

    (tiny_corpus / "c_new.txt").write_text(NEW_DOC, encoding="utf-8")
    (tiny_corpus / "b_chithi.md").unlink()
    updated = SearchIndex.build(tiny_corpus, tmp_path / "index", embedder=fake_embedder)
    done = sync(updated, db)
    new_passages = sum(p.doc_id == "c_new.txt" for p in updated.passages)
    assert done["inserted"] == new_passages and done["deleted"] > 0 and done["kept"] == len(updated.passages) - new_passages

    remote = open_index(db, embedder=fake_embedder)
    assert sorted(remote.documents) == ["a_kehoach.txt", "c_new.txt"]
    assert [p.text for p in remote.passages] == [p.text for p in updated.passages]
    assert remote.search("phòng chống cháy rừng", k=1)[0].doc_id == "c_new.txt"
    left = remote.search("kiểm tra giám sát nêu gương", k=10)
    assert left and all(h.doc_id != "b_chithi.md" for h in left)  # hits remain, none from the removed file

    clean = MilvusTarget(str(tmp_path / "clean.db")).publish(updated)
    for query in ("phòng chống cháy rừng", "Ai chủ trì hội nghị?", "báo cáo kết quả trước ngày"):
        assert _ranked(remote, query) == _ranked(clean, query) == _ranked(updated, query)

    assert sync(updated, db) == {"inserted": 0, "deleted": 0, "kept": len(updated.passages)}


def test_a_failed_rebuild_leaves_the_old_index_and_no_half_written_collection(tiny_corpus, tmp_path, fake_embedder, monkeypatch):
    db = str(tmp_path / "m.db")
    built = SearchIndex.build(tiny_corpus, tmp_path / "index", embedder=fake_embedder)
    sync(built, db)
    client = connect(db)
    before = sorted(client.list_collections())

    import rag.backends.milvus.sync as milvus_sync

    def broken_insert(*args, **kwargs):
        raise ConnectionError("network lost in the middle of the build")

    monkeypatch.setattr(milvus_sync, "_insert", broken_insert)
    with pytest.raises(ConnectionError):
        sync(built, db, rebuild=True)
    assert sorted(connect(db).list_collections()) == before
    assert open_index(db, embedder=fake_embedder).search("hội nghị học tập", k=1)


def test_a_missing_index_says_how_to_build_it(tmp_path):
    with pytest.raises(IndexNotFoundError, match="rag index --milvus"):
        open_index(str(tmp_path / "empty.db"))


def test_an_index_from_another_version_is_refused(tiny_corpus, tmp_path, fake_embedder):
    db = str(tmp_path / "m.db")
    sync(SearchIndex.build(tiny_corpus, tmp_path / "index", embedder=fake_embedder), db)
    client = connect(db)
    meta = client.describe_alias("rag")["collection_name"]
    manifest = json.loads(client.query(meta, filter='key == "manifest#0"', output_fields=["value"])[0]["value"])
    manifest["milvus"]["schema"] = 999
    write_meta_value(client, meta, "manifest", manifest)
    with pytest.raises(IndexDamagedError, match="another version.*--rebuild"):
        open_index(db)
    with pytest.raises(IndexDamagedError, match="--rebuild"):
        sync(SearchIndex.build(tiny_corpus, tmp_path / "index", embedder=fake_embedder), db)


def test_an_unreachable_server_is_a_clear_error():
    with pytest.raises(BackendUnavailableError, match="Cannot open Milvus at 'http://127.0.0.1:9'"):
        connect("http://127.0.0.1:9", attempts=2)


def test_the_cli_builds_updates_and_searches_through_milvus(tiny_corpus, tmp_path):
    runner = CliRunner()
    db = tmp_path / "cli.db"
    base = ["--milvus", str(db)]
    built = runner.invoke(main, [*base, "index", "--corpus", str(tiny_corpus), "--index", str(tmp_path / "index")])
    assert built.exit_code == 0, built.output
    assert "passages written, 0 deleted" in built.output
    found = runner.invoke(main, [*base, "search", "Ai chủ trì hội nghị học tập?", "--corpus", str(tiny_corpus), "--json"])
    assert found.exit_code == 0, found.output
    first = json.loads(found.output.splitlines()[0])
    assert first["doc"] == "a_kehoach.txt"

    new = tmp_path / "c_new.txt"
    new.write_text(NEW_DOC, encoding="utf-8")
    added = runner.invoke(main, [*base, "add", str(new), "--corpus", str(tiny_corpus), "--index", str(tmp_path / "index")])
    assert added.exit_code == 0, added.output
    found = runner.invoke(main, [*base, "search", "cháy rừng", "--corpus", str(tiny_corpus), "--json", "--doc", "c_new.txt"])
    assert found.exit_code == 0 and json.loads(found.output.splitlines()[0])["doc"] == "c_new.txt"

    stale = Path(tiny_corpus) / "a_kehoach.txt"
    stale.write_text(stale.read_text(encoding="utf-8") + "\n- Thêm một dòng.\n", encoding="utf-8")
    refused = runner.invoke(main, [*base, "search", "hội nghị", "--corpus", str(tiny_corpus)])
    assert refused.exit_code == 1 and "older than the corpus" in refused.output

    bad = runner.invoke(main, ["--milvus", "somewhere", "search", "x"])
    assert bad.exit_code == 2 and ".db" in bad.output


def test_the_app_serves_and_updates_an_index_kept_in_milvus(tiny_corpus, tmp_path, fake_embedder):
    from fastapi.testclient import TestClient

    from rag.ui.handlers import upload_document
    from rag.ui.server import create_server
    from rag.ui.state import LiveIndex

    target = MilvusTarget(str(tmp_path / "app.db"))
    index = target.publish(SearchIndex.build(tiny_corpus, tmp_path / "index", embedder=fake_embedder))
    server = create_server(index, index_dir=tmp_path / "index", corpus_dir=tiny_corpus, publish=target.publish)
    live = LiveIndex(index, tmp_path / "index", tiny_corpus, target.publish)
    upload = tmp_path / "c_new.txt"
    upload.write_text(NEW_DOC, encoding="utf-8")
    assert "Đã thêm" in upload_document(live, str(upload), False)
    assert live.index.backend.describe()["kind"] == "milvus" and "c_new.txt" in live.index.documents
    assert target.open(embedder=fake_embedder).search("phòng chống cháy rừng", k=1)[0].doc_id == "c_new.txt"
    with TestClient(server) as client:
        response = client.get("/api/search", params={"q": "hội nghị học tập", "k": 2, "body": "Ban Tuyên giáo"})
    assert response.status_code == 200
    assert response.json()["results"][0]["doc"] == "a_kehoach.txt"
