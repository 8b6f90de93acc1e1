"""The web app end to end: the real index (``corpus_index`` from conftest, built once), the real
server on a free local port, Debian's chromium through Playwright, the JSON route and gradio_client."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import uvicorn
from playwright import sync_api

import app
from rag import Citation, Hit, Passage, QueryError

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
QUERY = "Ai chủ trì tổ chức hội nghị học tập chuyên đề cấp tỉnh?"
CARDS = "#results article.card"
pytestmark = pytest.mark.filterwarnings("ignore::Warning:gradio.queueing")  # pandas 3 deprecations inside gradio


# --- fixtures ---------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _serve(index) -> Iterator[str]:
    """Run ``app.create_server(index)`` with uvicorn in a thread until the page answers."""
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app.create_server(index), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            if httpx.get(url + "/", timeout=2).status_code == 200:
                break
        except httpx.HTTPError:
            pass
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError(f"the app did not answer on {url}")
        time.sleep(0.2)
    yield url
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def base_url(corpus_index) -> Iterator[str]:
    yield from _serve(corpus_index)


@pytest.fixture(scope="session")
def browser():
    # ./test.sh installs Debian's chromium; a missing browser is a failed setup, not a skipped test.
    assert Path(CHROMIUM).exists(), "Debian chromium is not installed: apt-get install -y chromium"
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, base_url):
    context = browser.new_context(viewport={"width": 1100, "height": 900}, locale="vi-VN")
    page = context.new_page()
    page.set_default_timeout(30_000)
    page.goto(base_url + "/")
    page.wait_for_selector("#query textarea")
    yield page
    context.close()


def _search(page, query: str) -> None:
    page.fill("#query textarea", query)
    page.click("#search-btn")


# --- browser ----------------------------------------------------------------------------------


def test_search_shows_cards_with_section_and_highlight(page):
    _search(page, QUERY)
    page.wait_for_selector(CARDS)
    first = page.locator(CARDS).first
    assert "Mục:" in first.locator(".section").inner_text()
    assert "›" in first.locator(".section").inner_text()  # a path of headings, not one label
    assert first.locator(".text mark").count() > 0
    assert "dòng" in first.locator(".meta").inner_text()
    assert "Trích dẫn:" in first.locator(".cite").inner_text()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "search.png"), full_page=True)


def test_document_filter_keeps_only_that_document(page, corpus_index):
    doc_id = "003_29223056b309dc88.txt"
    assert doc_id in corpus_index.documents
    _search(page, QUERY)
    page.wait_for_selector(CARDS)
    before = page.locator(CARDS).evaluate_all("cards => cards.map(c => c.dataset.doc)")
    assert len(set(before)) > 1  # so that the wait below can only pass once the filter applied
    page.click("#doc-filter input")
    page.locator("[role=option]", has_text=doc_id).click()
    page.wait_for_function(
        """doc => { const cards = [...document.querySelectorAll('#results article.card')];
                    return cards.length > 0 && cards.every(c => c.dataset.doc === doc); }""",
        arg=doc_id,
    )
    docs = page.locator(CARDS).evaluate_all("cards => cards.map(c => c.dataset.doc)")
    assert docs and set(docs) == {doc_id}
    assert all(doc_id in text for text in page.locator(f"{CARDS} .meta").all_inner_texts())


def test_empty_query_shows_a_friendly_message(page):
    _search(page, "   ")
    message = page.locator("#results .msg", has_text="Hãy nhập câu hỏi")
    message.wait_for()
    assert page.locator(CARDS).count() == 0


def test_narrow_screen_has_no_horizontal_scroll(browser, base_url):
    context = browser.new_context(viewport={"width": 375, "height": 800})
    page = context.new_page()
    page.goto(base_url + "/")
    _search(page, QUERY)
    page.wait_for_selector(CARDS, timeout=30_000)
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    context.close()


# --- JSON route and gradio_client -----------------------------------------------------------------


def test_json_endpoint(base_url):
    response = httpx.get(base_url + "/api/search", params={"q": QUERY, "k": 3}, timeout=30)
    assert response.status_code == 200
    body = response.json()
    assert body["query"] == QUERY
    assert len(body["results"]) == 3
    for result in body["results"]:
        assert result["doc"].endswith(".txt") and result["text"]
        assert result["section"] and result["citation_text"]


@pytest.mark.parametrize("params", [{"q": ""}, {"q": "   "}, {"q": "hội nghị", "k": "abc"}, {"q": "hội nghị", "k": "0"}, {"q": "hội nghị", "doc": "nope.txt"}])
def test_json_endpoint_errors_are_json_400(base_url, params):
    response = httpx.get(base_url + "/api/search", params=params, timeout=30)
    assert response.status_code == 400
    assert response.json()["error"]


def test_gradio_client_calls_the_search_function(base_url):
    from gradio_client import Client

    client = Client(base_url + "/", verbose=False)
    page_html = client.predict(QUERY, 3, app.ALL_DOCS, api_name="/search")
    assert page_html.count('<article class="card"') == 3
    assert "<mark>" in page_html


# --- rendering, without a browser -----------------------------------------------------------------


def _hit(text: str, *, lexical: float = 1.0) -> Hit:
    passage = Passage(passage_id=0, doc_id="x.txt", text=text, section_path=("II. NỘI DUNG", "1.1. Cấp tỉnh"), line_start=4, line_end=6)
    citation = Citation("x.txt", "KẾ HOẠCH", "45-KH/TU", "học tập chuyên đề", "Ban Thường vụ Tỉnh ủy", "2022-02-14", passage.section_label, 4, 6)
    return Hit(1, 0.5, passage, citation, lexical_score=lexical)


def test_highlight_escapes_and_ignores_case_and_diacritics():
    terms = app.query_terms("chu tri Hội nghị")
    assert app.highlight("<b>Chủ trì</b> hội nghị; hỏi nghì", terms) == (
        "&lt;b&gt;<mark>Chủ trì</mark>&lt;/b&gt; <mark>hội nghị</mark>; hỏi nghì"
    )
    assert app.render_text("**Chủ trì:** *nội dung*", terms) == "<strong><mark>Chủ trì</mark>:</strong> <em>nội dung</em>"


def test_card_and_citation_line():
    html = app.render_results([_hit("Tỉnh ủy chủ trì <script>alert(1)</script>")], "chủ trì")
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "Kế hoạch số 45-KH/TU ngày 14/02/2022 của Ban Thường vụ Tỉnh ủy về học tập chuyên đề, mục II.1.1" in html
    assert "(x.txt, dòng 4–6)" in html


def test_no_results_and_errors_are_messages():
    class StubIndex:
        documents: dict = {}

        def __init__(self, outcome):
            self.outcome = outcome

        def search(self, query, k=10, mode="hybrid"):
            if isinstance(self.outcome, Exception):
                raise self.outcome
            return self.outcome

    assert "Hãy thử" in app.search_page(StubIndex([]), "xyz", 5, None)
    assert "gần nghĩa" in app.search_page(StubIndex([_hit("abc", lexical=0.0)]), "xyz", 5, None)
    shown = app.search_page(StubIndex(QueryError("Truy vấn quá dài.")), "xyz", 5, None)
    assert 'class="msg error"' in shown and "Truy vấn quá dài." in shown
    from fastapi.testclient import TestClient

    with TestClient(app.create_server(StubIndex(QueryError("Truy vấn quá dài.")))) as client:
        response = client.get("/api/search", params={"q": "xyz"})
    assert response.status_code == 400 and response.json() == {"error": "Truy vấn quá dài."}

