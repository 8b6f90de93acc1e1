"""The fill as users meet it: `rag index` searchable first, `rag embed`, the app's background embedding."""

from __future__ import annotations

import time

from click.testing import CliRunner
from fastapi.testclient import TestClient

from rag import SearchIndex
from rag.cli.group import main
from rag.ui.server import create_server
from rag.ui.state import LiveIndex


def wait_until(condition, seconds: float = 60.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


def use_fake_model(monkeypatch, fake_embedder) -> None:
    for where in ("rag.search.facade", "rag.search.building", "rag.search.backfill"):
        monkeypatch.setattr(f"{where}.get_embedder", lambda name: fake_embedder)


def test_rag_index_says_search_is_ready_before_it_embeds(tmp_path, tiny_corpus, fake_embedder, monkeypatch):
    use_fake_model(monkeypatch, fake_embedder)
    where = ["--corpus", str(tiny_corpus), "--index", str(tmp_path / "index")]
    done = CliRunner().invoke(main, ["index", *where])
    assert done.exit_code == 0, done.output
    ready, embedded = done.output.index("Search is ready"), done.output.index("Embedded")
    assert ready < embedded and "hybrid search over all" in done.output[embedded:]
    assert SearchIndex.load(tmp_path / "index", embedder=fake_embedder).status().complete


def test_embed_later_then_rag_embed_and_the_search_note(tmp_path, tiny_corpus, fake_embedder, monkeypatch):
    use_fake_model(monkeypatch, fake_embedder)
    where = ["--corpus", str(tiny_corpus), "--index", str(tmp_path / "index")]
    runner = CliRunner()
    saved = runner.invoke(main, ["index", "--embed", "later", *where])
    assert saved.exit_code == 0 and "rag embed" in saved.output and fake_embedder.texts_embedded == 0
    found = runner.invoke(main, ["search", "Ban Tuyên giáo chủ trì", *where])
    assert found.exit_code == 0 and "Ban Tuyên giáo" in found.output
    assert "meaning search over 0 (0%)" in found.stderr
    filled = runner.invoke(main, ["embed", "--index", str(tmp_path / "index")])
    assert filled.exit_code == 0 and "hybrid search over all" in filled.output
    again = runner.invoke(main, ["embed", "--index", str(tmp_path / "index")])
    assert "Nothing to embed" in again.output
    assert "Note:" not in runner.invoke(main, ["search", "Ban Tuyên giáo chủ trì", *where]).stderr


def test_the_app_embeds_in_the_background_and_swaps_the_filled_index_in(tmp_path, tiny_corpus, fake_embedder):
    index_dir = tmp_path / "index"
    SearchIndex.build(tiny_corpus, index_dir, embedder=fake_embedder, embed="later")
    partial = SearchIndex.load(index_dir, embedder=fake_embedder)
    shown = LiveIndex(partial)  # no folder: nothing to fill, the note says how far the meaning search reaches
    assert "0/" in shown.embedding.note() and "nền" in shown.embedding.note()
    live = LiveIndex(partial, index_dir, tiny_corpus)
    assert wait_until(lambda: live.index.status().complete)
    assert live.embedding.note() == "" and live.index is not partial
    assert live.index.search("kiểm tra giám sát nêu gương", k=1)[0].passage.doc_id == "b_chithi.md"
    live.embedding.stop(timeout=5)


def test_an_upload_is_searchable_at_once_and_embedded_behind(tmp_path, tiny_corpus, fake_embedder):
    index_dir = tmp_path / "index"
    index = SearchIndex.build(tiny_corpus, index_dir, embedder=fake_embedder)
    app = create_server(SearchIndex.load(index_dir, embedder=fake_embedder), index_dir=index_dir, corpus_dir=tiny_corpus)
    text = "KẾ HOẠCH\n\nI. NỘI DUNG\n\n- Hội Cựu chiến binh tỉnh chủ trì tọa đàm về truyền thống.\n".encode()
    with TestClient(app) as client:
        added = client.post("/api/documents", files={"file": ("c_kehoach.txt", text, "text/plain")})
        assert added.status_code == 200, added.text
        hits = client.get("/api/search", params={"q": "Hội Cựu chiến binh tọa đàm", "k": 1}).json()["results"]
        assert hits[0]["citation"]["file"] == "c_kehoach.txt"
        assert wait_until(lambda: client.get("/api/status").json()["complete"])
        status = client.get("/api/status").json()
        assert status["passages"] > len(index.passages) and status["embedded"] == status["passages"] and status["note"] == ""
