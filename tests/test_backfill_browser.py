"""In a real browser: while the background embedding runs the page says how far the meaning
search reaches, searching works meanwhile, and the note goes once every passage has a vector."""

from __future__ import annotations

import threading

from rag import SearchIndex

from .app_browser import CARDS, open_page, screenshot, search_for, serve_app
from .conftest import HashingEmbedder


class GatedEmbedder(HashingEmbedder):
    """Embeds only once the test opens the gate: the page is seen mid-fill."""

    def __init__(self) -> None:
        super().__init__()
        self.gate = threading.Event()

    def embed_batch(self, texts, *, kind):
        if kind == "passage":
            assert self.gate.wait(120), "the test never opened the gate"
        return super().embed_batch(texts, kind=kind)


def test_the_page_shows_the_background_embedding_until_it_is_done(browser, tmp_path, copied_seeds):
    embedder = GatedEmbedder()
    index_dir = tmp_path / "index"
    SearchIndex.build(copied_seeds, index_dir, embedder=embedder, embed="later")
    served = SearchIndex.load(index_dir, embedder=embedder)
    for url in serve_app(served, index_dir=index_dir, corpus_dir=copied_seeds):
        context, page = open_page(browser, url)
        note = page.locator("#embedding-note")
        assert "tìm theo nghĩa mới có 0/" in note.inner_text()
        search_for(page, "Ai chủ trì tổ chức hội nghị học tập chuyên đề cấp tỉnh?")
        page.wait_for_selector(CARDS)
        screenshot(page, "embedding-in-progress.png")
        embedder.gate.set()
        page.wait_for_function("() => !document.querySelector('#embedding-note').innerText.trim()", timeout=60_000)
        screenshot(page, "embedding-done.png")
        context.close()
