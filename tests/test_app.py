"""The web app end to end: the real index (``corpus_index`` from conftest, built once), the real
server on a free local port, Debian's chromium through Playwright, the JSON route and gradio_client."""

from __future__ import annotations

import csv
import re
import shutil
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
import app_relations
import app_views
from rag import (
    Answer,
    AnswerPart,
    Citation,
    Deadline,
    DocumentMeta,
    DocumentReadError,
    Facts,
    Hit,
    Passage,
    QueryError,
    SearchIndex,
)
from rag.filters import loose
from rag.ingest import DuplicateDocumentError, NameTakenError
from rag.relations import Mention, Node, Relations

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
QUERY = "Ai chủ trì tổ chức hội nghị học tập chuyên đề cấp tỉnh?"
BODY = "Ban Tuyên giáo Tỉnh ủy"
CARDS = "#results article.card"
pytestmark = pytest.mark.filterwarnings("ignore::Warning:gradio.queueing")  # pandas 3 deprecations inside gradio


# --- fixtures ---------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _serve(index, **folders) -> Iterator[str]:
    """Run ``app.create_server(index)`` with uvicorn in a thread until the page answers."""
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app.create_server(index, **folders), host="127.0.0.1", port=port, log_level="warning"))
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


def _open(browser, url: str, **options):
    context = browser.new_context(viewport={"width": 1100, "height": 900}, locale="vi-VN", **options)
    page = context.new_page()
    page.set_default_timeout(30_000)
    page.goto(url + "/")
    page.wait_for_selector("#query textarea")
    return context, page


@pytest.fixture
def page(browser, base_url):
    context, page = _open(browser, base_url, accept_downloads=True)
    yield page
    context.close()


def _search(page, query: str) -> None:
    page.fill("#query textarea", query)
    page.click("#search-btn")


def _choose(page, dropdown: str, option: str) -> None:
    """Pick an option of a Gradio dropdown by the start of its label."""
    page.click(f"{dropdown} input")
    page.locator("[role=option]", has_text=option).first.click()


def _screenshot(page, name: str, **options) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / name), **options)


# --- browser: searching ---------------------------------------------------------------------------


def test_search_shows_answer_then_cards_with_facts_section_and_highlight(page):
    page.fill("#k input[type=number]", "5")
    page.press("#k input[type=number]", "Enter")
    _search(page, QUERY)
    page.wait_for_selector(CARDS)
    answer = page.locator("#results .answer").inner_text()
    assert answer.startswith("Trả lời:") and "(theo kết quả #1)" in answer
    first = page.locator(CARDS).first
    assert "Mục:" in first.locator(".section").inner_text()
    assert "›" in first.locator(".section").inner_text()  # a path of headings, not one label
    assert first.locator(".text mark").count() > 0
    assert "dòng" in first.locator(".meta").inner_text()
    assert "Trích dẫn:" in first.locator(".cite").inner_text()
    lead = first.locator(".facts").inner_text()
    assert "Chủ trì" in lead and answer.split(":", 1)[1].split("(")[0].strip() in lead  # the answer is the card's fact
    _screenshot(page, "search.png", full_page=True)


def test_document_filter_keeps_only_that_document(page, corpus_index):
    doc_id = "003_29223056b309dc88.txt"
    assert doc_id in corpus_index.documents
    _search(page, QUERY)
    page.wait_for_selector(CARDS)
    before = page.locator(CARDS).evaluate_all("cards => cards.map(c => c.dataset.doc)")
    assert len(set(before)) > 1  # so that the wait below can only pass once the filter applied
    _choose(page, "#doc-filter", doc_id)
    page.wait_for_function(
        """doc => { const cards = [...document.querySelectorAll('#results article.card')];
                    return cards.length > 0 && cards.every(c => c.dataset.doc === doc); }""",
        arg=doc_id,
    )
    docs = page.locator(CARDS).evaluate_all("cards => cards.map(c => c.dataset.doc)")
    assert docs and set(docs) == {doc_id}
    assert all(doc_id in text for text in page.locator(f"{CARDS} .meta").all_inner_texts())


def test_body_filter_keeps_cards_whose_facts_name_that_body(page):
    _search(page, QUERY)
    page.wait_for_selector(CARDS)
    _choose(page, "#body-filter", f"{BODY} (")
    page.wait_for_function(
        """body => { const cards = [...document.querySelectorAll('#results article.card')];
                     return cards.length > 0 && cards.every(c => (c.querySelector('.facts')?.innerText || '').includes(body)); }""",
        arg=BODY,
    )
    facts = page.locator(f"{CARDS} .facts").all_inner_texts()
    assert facts and all(BODY in text for text in facts)


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
    page.locator(CARDS).first.locator("button[data-action=context]").click()
    page.wait_for_selector("#docview .passage.marked", timeout=30_000)
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    context.close()


# --- browser: one hit in its document, precedent wording, citation, export ----------------------------


def test_open_in_context_shows_the_whole_document_with_the_passage_marked(page, corpus_index):
    _search(page, QUERY)
    page.wait_for_selector(CARDS)
    card = page.locator(CARDS).nth(1)
    doc_id, text = card.get_attribute("data-doc"), card.locator(".text").inner_text()
    card.locator("button[data-action=context]").click()
    marked = page.locator("#docview .passage.marked")
    marked.wait_for()
    sync_api.expect(marked).to_be_in_viewport()
    assert marked.inner_text().startswith(text.strip())
    assert page.locator("#docview .docview").get_attribute("data-doc") == doc_id
    meta = corpus_index.documents[doc_id]
    head = page.locator("#docview .head").inner_text()
    assert meta.issuer in head and meta.title[:40] in head
    passages = [p for p in corpus_index.passages if p.doc_id == doc_id]
    assert page.locator("#docview .passage").count() == len(passages)
    targets = page.locator("#docview nav a").evaluate_all("links => links.map(a => a.dataset.jump)")
    assert len(targets) > 3 and all(page.locator(f"#docview #{target}").count() == 1 for target in targets)
    _screenshot(page, "context.png")
    link = page.locator("#docview nav a").nth(2)
    link.click()
    sync_api.expect(page.locator(f"#docview #{link.get_attribute('data-jump')}")).to_be_in_viewport()


def _open_document(page, doc_id: str, query: str = "hội nghị") -> None:
    """Search within one document, then open its first card in the document view."""
    page.fill("#query textarea", query)
    _choose(page, "#doc-filter", doc_id)  # the filter's change searches again
    card = page.locator(f"{CARDS}[data-doc='{doc_id}']").first
    card.locator("button[data-action=context]").click()
    page.locator(f"#docview .docview[data-doc='{doc_id}']").wait_for()


def test_document_view_shows_relations_a_chain_graph_and_drafts_a_basis(page):
    doc_id = "004_701670e4f6488039.txt"
    _open_document(page, doc_id)
    basis = page.locator("#relations [data-list=basis]")
    sync_api.expect(basis).to_contain_text("Kế hoạch số 29-KH/TU")
    assert "Được thực hiện bởi" in page.locator("#relations [data-list=based_on_by]").inner_text()
    graph = page.locator("#relations svg")
    assert graph.locator("g.node.current").count() == 1
    assert graph.locator("g.node[data-number='05-CT/TW']").count() == 1 and "05-CT/TW" in graph.text_content()
    assert graph.locator("line").count() >= 4  # 004 → 29, 21, 01; 29 → 01; 21 → 01; 01 → 05
    box = graph.bounding_box()
    assert box and box["width"] <= page.locator("#relations .rel-graph").bounding_box()["width"]
    assert "29-KH/TU" in page.input_value("#basis-docs textarea")  # the form starts from the shown basis
    page.fill("#basis-docs textarea", "KL 01")
    page.fill("#basis-issuer textarea", "Ban Thường vụ Huyện ủy")
    page.click("#basis-btn")
    text = page.locator("#basis-draft .draft-text")
    text.wait_for()
    assert text.inner_text().startswith("Thực hiện Kết luận số 01-KL/TW")
    assert "Ban Thường vụ Huyện ủy xây dựng Kế hoạch" in text.inner_text()
    source = page.locator("#basis-draft ol li button").first
    assert ".txt, dòng " in source.inner_text()
    page.locator("#relations").scroll_into_view_if_needed()
    _screenshot(page, "relations.png", full_page=True)
    page.fill("#basis-docs textarea", "KL 01, 99-XX/YY")
    page.click("#basis-btn")
    sync_api.expect(page.locator("#basis-draft .msg.error")).to_contain_text("không tìm thấy văn bản “99-XX/YY”")


def test_relations_on_a_narrow_screen_do_not_widen_the_page(browser, base_url):
    context = browser.new_context(viewport={"width": 375, "height": 800})
    page = context.new_page()
    page.goto(base_url + "/")
    _open_document(page, "003_29223056b309dc88.txt")
    page.locator("#relations svg").wait_for()
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    context.close()


KL01 = """BỘ CHÍNH TRỊ
Số 01-KL/TW
Hà Nội, ngày 18 tháng 5 năm 2021

KẾT LUẬN
về tiếp tục thực hiện Chỉ thị số 05-CT/TW

-----

Thực hiện Chỉ thị số 05-CT/TW, ngày 15/5/2016 của Bộ Chính trị, Bộ Chính trị kết luận như sau:

1. Tiếp tục đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.
"""


@pytest.fixture
def linked_url(tmp_path, tiny_corpus, fake_embedder) -> Iterator[str]:
    """A server over two documents of which one implements the other (the seeds have no such pair)."""
    (tiny_corpus / "kl01.txt").write_text(KL01, encoding="utf-8")
    yield from _serve(SearchIndex.build(tiny_corpus, tmp_path / "index", embedder=fake_embedder))


def test_a_related_document_in_the_corpus_opens_in_the_same_view(browser, linked_url):
    context, page = _open(browser, linked_url)
    _search(page, "Chủ trì tổ chức hội nghị học tập chuyên đề cấp tỉnh")
    page.locator(f"{CARDS}[data-doc='a_kehoach.txt'] button[data-action=context]").first.click()
    shown = page.locator("#docview .docview")
    sync_api.expect(shown).to_have_attribute("data-doc", "a_kehoach.txt")
    page.locator("#relations [data-list=basis] button", has_text="Kết luận số 01-KL/TW").click()  # a list entry
    sync_api.expect(shown).to_have_attribute("data-doc", "kl01.txt")
    sync_api.expect(page.locator("#docview .head")).to_be_in_viewport()  # opened at its top
    assert page.locator("#docview .passage.marked").count() == 0
    sync_api.expect(page.locator("#basis-docs textarea")).to_have_value("05-CT/TW")
    page.locator("#relations [data-list=based_on_by] button", has_text="Kế hoạch số 45-KH/TU").click()
    sync_api.expect(shown).to_have_attribute("data-doc", "a_kehoach.txt")
    marked = page.locator("#docview .passage.marked")  # at the passage that names the document it came from
    sync_api.expect(marked).to_contain_text("Thực hiện Kết luận số 01-KL/TW")
    page.locator("#relations svg g.node.corpus[data-number='01-KL/TW']").click()  # a box of the graph
    sync_api.expect(shown).to_have_attribute("data-doc", "kl01.txt")
    context.close()


def test_precedent_search_from_a_card_excludes_its_document_and_marks_differences(page):
    _search(page, QUERY)
    page.wait_for_selector(CARDS)
    card = page.locator(CARDS).first
    source = card.get_attribute("data-doc")
    card.locator("button[data-action=similar]").click()
    page.wait_for_selector("#precedents article.card")
    assert page.input_value("#draft textarea").startswith(card.locator(".text").inner_text().strip()[:30])
    docs = page.locator("#precedents article.card").evaluate_all("cards => cards.map(c => c.dataset.doc)")
    assert docs and source not in docs
    assert page.locator("#precedents .sbs ins").count() > 0 and page.locator("#precedents .sbs del").count() > 0
    assert "Đã loại trừ" in page.locator("#precedents .msg").inner_text()
    _screenshot(page, "precedent.png", full_page=True)


def test_precedent_tab_searches_a_pasted_draft(page):
    page.get_by_role("tab", name="Tìm cách diễn đạt tương tự").click()
    page.fill("#draft textarea", "Ban Tuyên giáo chủ trì tổ chức hội nghị quán triệt chuyên đề cho cán bộ chủ chốt.")
    page.click("#precedent-btn")
    page.wait_for_selector("#precedents article.card")
    assert page.locator("#precedents .sbs ins").count() > 0


def test_copy_citation_button_puts_the_citation_on_the_clipboard(browser, base_url):
    context, page = _open(browser, base_url)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url)
    _search(page, QUERY)
    page.wait_for_selector(CARDS)
    card = page.locator(CARDS).first
    button = card.locator("button[data-action=copy]")
    citation = card.locator(".cite").inner_text().removeprefix("Trích dẫn:").strip()
    assert button.get_attribute("data-citation") == citation
    button.click()
    sync_api.expect(button).to_have_text("Đã sao chép ✓")
    assert page.evaluate("navigator.clipboard.readText()") == citation
    context.close()


def test_export_csv_and_docx_keep_vietnamese(page, tmp_path):
    _search(page, QUERY)
    page.wait_for_selector(CARDS)
    with page.expect_download() as download:
        page.click("#export-csv")
    path = tmp_path / "export.csv"
    download.value.save_as(path)
    assert download.value.suggested_filename.endswith(".csv")
    rows = list(csv.reader(path.read_text(encoding="utf-8-sig").splitlines()))
    assert rows[0][:3] == ["Hạng", "Đoạn văn", "Chủ trì"]
    assert len(rows) == 1 + page.locator(CARDS).count()
    assert "Tỉnh ủy chủ trì Hội nghị" in rows[1][1] and "Kế hoạch" in rows[1][5]
    with page.expect_download() as download:
        page.click("#export-docx")
    download.value.save_as(tmp_path / "export.docx")
    from docx import Document

    text = "\n".join(p.text for p in Document(str(tmp_path / "export.docx")).paragraphs)
    assert f"Câu hỏi: {QUERY}" in text and "Trả lời:" in text and "Tỉnh ủy chủ trì Hội nghị" in text


# --- browser: adding a document (on copies: the repository's corpus/ is never written) -------------

NEW_NAME = "Kế hoạch hội thi số 7.txt"
NEW_DOC = """BAN THƯỜNG VỤ HUYỆN ỦY
Số 07-KH/HU

KẾ HOẠCH
tổ chức hội thi tìm hiểu biển đảo quê hương năm 2022

-----

I. MỤC ĐÍCH, YÊU CẦU

- Nâng cao hiểu biết của đoàn viên, thanh niên về chủ quyền biển đảo quê hương.

II. TỔ CHỨC THỰC HIỆN

1. Ban Dân vận Huyện ủy chủ trì tổ chức hội thi tìm hiểu biển đảo quê hương, hoàn thành trước ngày 30/9/2022.
"""


@pytest.fixture
def upload_url(tmp_path, corpus_index_dir, copied_seeds) -> Iterator[str]:
    """A second server over copies of the session's index and of the corpus."""
    index_dir = tmp_path / "index"
    shutil.copytree(corpus_index_dir, index_dir)
    index = SearchIndex.load(index_dir, corpus_dir=copied_seeds)
    yield from _serve(index, index_dir=index_dir, corpus_dir=copied_seeds)


def test_upload_adds_a_document_that_search_then_finds(browser, upload_url, copied_seeds, tmp_path):
    repo_corpus = sorted(p.name for p in (ROOT / "corpus").iterdir())
    context, page = _open(browser, upload_url)
    page.get_by_role("tab", name="Thêm văn bản").click()
    empty = tmp_path / "trống rỗng.txt"
    empty.write_bytes(b"")
    page.set_input_files("#upload-file input[type=file]", str(empty))
    page.locator("#upload-file", has_text="trống rỗng.txt").wait_for()
    page.click("#upload-btn")
    sync_api.expect(page.locator("#upload-status .msg.error")).to_contain_text("tệp trống")
    page.locator("#upload-file button[aria-label='Clear']").first.click()
    upload = tmp_path / NEW_NAME
    upload.write_text(NEW_DOC, encoding="utf-8")
    page.set_input_files("#upload-file input[type=file]", str(upload))
    page.locator("#upload-file", has_text=NEW_NAME).wait_for()
    page.click("#upload-btn")
    done = page.locator("#upload-status .msg.ok")
    done.wait_for(timeout=180_000)
    assert NEW_NAME in done.inner_text()
    _screenshot(page, "upload.png")
    assert (copied_seeds / NEW_NAME).read_text(encoding="utf-8") == NEW_DOC
    page.get_by_role("tab", name="Tra cứu").click()
    _search(page, "hội thi tìm hiểu biển đảo quê hương")
    page.wait_for_selector(CARDS)
    assert page.locator(CARDS).first.get_attribute("data-doc") == NEW_NAME
    _choose(page, "#doc-filter", NEW_NAME)  # the filters know the new document
    context.close()
    assert sorted(p.name for p in (ROOT / "corpus").iterdir()) == repo_corpus


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
    assert body["answer"]["text"] and body["answer"]["parts"][0]["rank"] == 1


def test_json_endpoint_filters(base_url):
    response = httpx.get(base_url + "/api/search", params={"q": "tổ chức hội nghị", "k": 5, "body": BODY}, timeout=30)
    assert response.status_code == 200
    body = response.json()
    assert body["filters"] == {"body": BODY} and body["results"]
    for result in body["results"]:
        names = result["facts"]["lead"] + result["facts"]["coordinating"]
        assert any(loose(BODY) in loose(name) for name in names)
    params = {"q": "báo cáo kết quả", "k": 5, "year": "2022", "due_from": "Q1 2022", "due_to": "Q1 2022"}
    results = httpx.get(base_url + "/api/search", params=params, timeout=30).json()["results"]
    assert results and all(any("2022-01-01" <= (d["end"] or "") <= "2022-03-31" for d in r["facts"]["deadlines"]) for r in results)


@pytest.mark.parametrize(
    "params",
    [
        {"q": ""},
        {"q": "   "},
        {"q": "hội nghị", "k": "abc"},
        {"q": "hội nghị", "k": "0"},
        {"q": "hội nghị", "doc": "nope.txt"},
        {"q": "hội nghị", "year": "năm ngoái"},
        {"q": "hội nghị", "due_from": "sớm"},
    ],
)
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


# --- rendering and wiring, without a browser ----------------------------------------------------------


def _hit(text: str, *, lexical: float = 1.0, facts: Facts | None = None, rank: int = 1) -> Hit:
    passage = Passage(passage_id=0, doc_id="x.txt", text=text, section_path=("II. NỘI DUNG", "1.1. Cấp tỉnh"), line_start=4, line_end=6)
    citation = Citation("x.txt", "KẾ HOẠCH", "45-KH/TU", "học tập chuyên đề", "Ban Thường vụ Tỉnh ủy", "2022-02-14", passage.section_label, 4, 6)
    return Hit(rank, 0.5, passage, citation, lexical_score=lexical, facts=facts or Facts())


def test_highlight_escapes_and_ignores_case_and_diacritics():
    terms = app_views.query_terms("chu tri Hội nghị")
    assert app_views.highlight("<b>Chủ trì</b> hội nghị; hỏi nghì", terms) == (
        "&lt;b&gt;<mark>Chủ trì</mark>&lt;/b&gt; <mark>hội nghị</mark>; hỏi nghì"
    )
    assert app_views.render_text("**Chủ trì:** *nội dung*", terms) == "<strong><mark>Chủ trì</mark>:</strong> <em>nội dung</em>"


def test_card_and_citation_line():
    html = app_views.render_results([_hit("Tỉnh ủy chủ trì <script>alert(1)</script>")], "chủ trì")
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "Kế hoạch số 45-KH/TU ngày 14/02/2022 của Ban Thường vụ Tỉnh ủy về học tập chuyên đề, mục II.1.1" in html
    assert "(x.txt, dòng 4–6)" in html
    assert 'data-action="copy" data-citation="Kế hoạch số 45-KH/TU ngày 14/02/2022' in html


def test_card_facts_and_a_flagged_deadline_kept_as_written():
    flag = "năm 2021 sớm hơn năm của kế hoạch (2022): có thể nhầm, giữ nguyên như văn bản"
    facts = Facts(("Ban Tuyên giáo Tỉnh ủy",), ("Ban Tổ chức Tỉnh ủy",), (Deadline("trước ngày 15/3/2021", end="2021-03-15", flag=flag),))
    html = app_views.render_card(_hit("…", facts=facts), (set(), set()))
    assert '<span class="label">Chủ trì</span><span>Ban Tuyên giáo Tỉnh ủy</span>' in html
    assert '<span class="label">Phối hợp</span><span>Ban Tổ chức Tỉnh ủy</span>' in html
    assert "trước ngày 15/3/2021 <span class=\"flag\"" in html and f"⚠ Cần kiểm tra: {flag}" in html
    assert 'class="facts"' not in app_views.render_card(_hit("…"), (set(), set()))  # no facts, no empty box


def test_answer_links_each_part_to_its_card():
    answer = Answer("Ban Tuyên giáo — trước 31/3/2022", (AnswerPart("Ban Tuyên giáo", 1, "x.txt", (4, 6)), AnswerPart("trước 31/3/2022", 2, "x.txt", (7, 7))))
    html = app_views.render_results([_hit("a"), _hit("b", rank=2)], "ai", answer)
    assert html.startswith('<div class="answer" id="answer"><b>Trả lời:</b> Ban Tuyên giáo <a href="#hit-1">(theo kết quả #1)</a>')
    assert '<a href="#hit-2">(theo kết quả #2)</a>' in html and 'id="hit-2"' in html


def test_document_view_writes_each_heading_once_and_marks_the_passage():
    path_a, path_b = ("I. MỤC ĐÍCH",), ("II. NỘI DUNG", "1. Hội nghị")
    passages = [
        Passage(0, "x.txt", "một", path_a, 5, 5),
        Passage(1, "x.txt", "hai", path_a, 6, 6),
        Passage(2, "x.txt", "ba <b>", path_b, 9, 9),
    ]
    html = app_views.render_document(DocumentMeta("x.txt", "KẾ HOẠCH", "45-KH/TU", "Thị ủy", title="Học tập", signer="Bùi Văn Lý"), passages, 2)
    assert html.count(">I. MỤC ĐÍCH</div>") == 1 and html.count(">II. NỘI DUNG</div>") == 1
    assert html.count('class="heading"') == 3 == html.count("data-jump=")
    assert '<p class="passage marked" data-pid="2">ba &lt;b&gt;' in html
    assert "KẾ HOẠCH số 45-KH/TU" in html and "Bùi Văn Lý" in html and "<dd>không ghi</dd>" in html


def test_document_view_does_not_repeat_a_heading_its_passage_states():
    duty = Passage(0, "x.txt", "**1. Giao Ban Tuyên giáo Tỉnh ủy** chủ trì, phối hợp tổ chức hội nghị.", ("II. TỔ CHỨC",), 5, 5)
    item = Passage(1, "x.txt", "- Hội nghị cấp tỉnh.", ("II. TỔ CHỨC", "1. Giao Ban Tuyên giáo Tỉnh ủy"), 6, 6)
    html = app_views.render_document(DocumentMeta("x.txt"), [duty, item])
    assert html.count('class="heading"') == 1 and '<p class="passage" id="ctx-h1" data-pid="0">' in html
    assert html.count("data-jump=") == 2


def test_word_diff_marks_words_only_in_one_side():
    mine, theirs, ratio = app_views.word_diff("Ban Tuyên giáo chủ trì hội nghị.", "**Ban Tuyên giáo** phối hợp tổ chức hội nghị")
    assert mine == "Ban Tuyên giáo <del>chủ trì</del> hội nghị."
    assert theirs == "Ban Tuyên giáo <ins>phối hợp tổ chức</ins> hội nghị"
    assert 0.5 < ratio < 1


def _node(number: str, file: str | None = None, doc_type: str = "Kế hoạch", mentions: list | None = None) -> Node:
    return Node(doc_type, number, "2022-02-14", "Tỉnh ủy <b>", file, mentions or [])


def test_relations_panel_makes_corpus_documents_buttons_and_escapes():
    above = _node("01-KL/TW", "kl.txt", "Kết luận")
    cited = _node("05-CT/TW", doc_type="Chỉ thị")
    shown = _node("45-KH/TU", "kh.txt", mentions=[Mention("Kế hoạch số 45-KH/TU", "later.txt", 7, (30, 31), True)])
    later = _node("12-KH/HU", "later.txt")
    rel = Relations(shown, [above], [cited], [later], [], [[shown, above, cited]])
    html = app_relations.render_relations(rel)
    assert "<b>" not in html and "Tỉnh ủy &lt;b&gt;" in html
    assert html.count('data-doc="kl.txt" data-pid="-1" data-line="-1"') == 2  # its list entry and its box open it at the top
    assert 'data-doc="later.txt" data-pid="7" data-line="30"' in html  # where it cites the shown document
    assert 'data-doc="kh.txt"' not in html  # the shown document does not open itself
    assert '<li title="Chỉ được trích dẫn, không có trong kho">Chỉ thị số 05-CT/TW' in html
    assert '<h4>Được trích dẫn trong (0)</h4><ul><li class="none">Không có</li>' in html
    assert app_relations.basis_numbers(rel) == "01-KL/TW"


def test_chain_graph_puts_each_document_once_on_the_row_of_its_longest_path():
    shown, mid, top, root = _node("", "x.txt"), _node("29-KH/TU"), _node("01-KL/TW", "kl.txt"), _node("05-CT/TW")
    rel = Relations(shown, [], [], [], [], [[shown, top, root], [shown, mid, top, root]])
    svg = app_relations.render_graph(rel)
    assert svg.count('<g class="node') == 4 and svg.count("<line ") == 4  # x→01, x→29, 29→01, 01→05
    assert 'viewBox="0 0 232 ' in svg and "max-width:232px" in svg  # one box per row: 4 rows
    rows = {m.group(1): float(m.group(2)) for m in re.finditer(r'data-number="([^"]*)".*?<rect x="[\d.]+" y="([\d.]+)"', svg)}
    assert rows[""] > rows["29-KH/TU"] > rows["01-KL/TW"] > rows["05-CT/TW"]  # the shown document at the bottom
    alone = app_relations.render_graph(Relations(shown, [], [], [], [], [[shown]]))
    assert "<svg" not in alone and "không nêu văn bản nào" in alone


def test_draft_view_traces_each_piece_and_explains_problems(corpus_index):
    html = app.draft_view(corpus_index, "KL 01; 28-HD/BTGTW", "Ban Thường vụ Huyện ủy")
    assert '<p class="draft-text">Thực hiện <span class="piece">Kết luận số 01-KL/TW' in html
    assert "<sup>[2]</sup>, Ban Thường vụ Huyện ủy xây dựng Kế hoạch … như sau:</p>" in html
    assert html.count('data-action="context"') == 2 and ".txt, dòng " in html
    assert "Hãy ghi số hiệu" in app.draft_view(corpus_index, " , ", "Ban Thường vụ Huyện ủy")
    assert "Hãy ghi cơ quan ban hành" in app.draft_view(corpus_index, "KL 01", "  ")
    unknown = app.draft_view(corpus_index, "KL 01, 99-XX/YY", "Huyện ủy")
    assert 'class="msg error"' in unknown and "không tìm thấy văn bản “99-XX/YY”" in unknown
    never = app_relations.draft_error(QueryError("'x.txt' is never cited in the corpus, so there are no words to reuse for it."))
    assert never.startswith("Không soạn được: “x.txt” có trong kho nhưng chưa văn bản nào trích dẫn")


def test_a_document_opened_from_its_relations_has_no_marked_passage(corpus_index):
    doc_id = "004_701670e4f6488039.txt"
    page = app.context_view(corpus_index, doc_id, -1, -1)
    assert f'data-doc="{doc_id}"' in page and "marked" not in page
    panel, basis, issuer = app.relations_view(corpus_index, doc_id)
    assert "29-KH/TU" in basis and issuer == corpus_index.documents[doc_id].issuer and "<svg" in panel
    assert app.relations_view(corpus_index, "gone.txt") == ("", "", "")


def test_filter_choices_come_from_the_index(corpus_index):
    choices = app.Choices.of(corpus_index)
    bodies = [value for _, value in choices.bodies[1:]]
    assert bodies == sorted(bodies, key=loose) and BODY in bodies
    label = next(label for label, value in choices.bodies if value == BODY)
    assert label == f"{BODY} ({len(corpus_index.allowed(app.SearchFilter(body=BODY)))} đoạn)"
    assert ("Tất cả", app.ALL) == choices.periods[0] and any(label.startswith("Quý I/2022 (") for label, _ in choices.periods)
    assert [value for _, value in choices.years[1:]] == sorted({str(m.year) for m in corpus_index.documents.values() if m.year})
    assert len(choices.issuers) - 1 == len({loose(m.issuer) for m in corpus_index.documents.values()})  # "uỷ"/"ủy" once


def test_upload_errors_are_explained_in_vietnamese():
    empty = DocumentReadError("/tmp/a.txt", "it is empty", "Remove it.", reason="empty")
    assert app_views.upload_error("a.txt", empty) == "Không thêm được “a.txt”: tệp trống, không có nội dung."
    legacy = DocumentReadError("a", "its characters look like a legacy Vietnamese font encoding", reason="legacy")
    assert "TCVN3" in app_views.upload_error("a.txt", legacy)
    odd = app_views.upload_error("a.pdf", DocumentReadError("/tmp/x/a.pdf", "the PDF is truncated"))
    assert odd == "Không thêm được “a.pdf”: không đọc được tệp (Cannot read “a.pdf”: the PDF is truncated.)"
    assert "với tên “b.txt”" in app_views.upload_error("a.txt", DuplicateDocumentError("a.txt", "b.txt"))
    assert "Thay thế văn bản cùng tên" in app_views.upload_error("a.txt", NameTakenError("a.txt"))
    assert "giữ nguyên" in app_views.upload_error("a.txt", RuntimeError("disk full."))



@pytest.mark.parametrize(
    ("reason", "vietnamese"),
    [
        ("empty", "tệp trống, không có nội dung."),
        ("binary", "tệp nhị phân"),
        ("encoding", "không ở bảng mã UTF-8/UTF-16"),
        ("legacy", "bảng mã cũ (TCVN3/ABC, VNI)"),
        ("format", "Chỉ nhận các loại tệp .docx"),
        ("too-large", "lớn hơn giới hạn"),
        ("no-text", "không có lớp chữ"),
        ("damaged", "bị hỏng"),
        ("protected", "mật khẩu"),
        ("no-passages", "không tìm thấy đoạn văn nào"),
        ("unreadable", "không đọc được tệp (Cannot read “Kế hoạch 45.pdf”: it is empty.)"),
    ],
)
def test_upload_error_follows_the_reason_code_not_the_english_words(reason, vietnamese):
    # Every message says "it is empty" in English: only the code decides what the user reads.
    err = DocumentReadError("/tmp/upload-1234/x.pdf", "it is empty", reason=reason)
    shown = app_views.upload_error("Kế hoạch 45.pdf", err)
    assert shown.startswith("Không thêm được “Kế hoạch 45.pdf”: ") and vietnamese in shown
    assert "upload-1234" not in shown
    assert reason == "empty" or "tệp trống" not in shown


def test_every_reason_code_has_a_vietnamese_message():
    assert set(app_views.READ_PROBLEMS) == DocumentReadError.REASONS


def test_upload_error_with_an_unknown_reason_shows_the_engine_message():
    err = DocumentReadError("/tmp/x/a.pdf", "something new went wrong", reason="from-the-future")
    shown = app_views.upload_error("a.pdf", err)
    assert shown == "Không thêm được “a.pdf”: không đọc được tệp (Cannot read “a.pdf”: something new went wrong.)"

class StubIndex:
    documents: dict = {}
    passages: list = []
    facts: list = []

    def __init__(self, outcome):
        self.outcome = outcome

    def facets(self):
        from collections import Counter

        return {"issuers": Counter(), "years": Counter(), "bodies": Counter(), "periods": Counter()}

    def answer(self, query, k=10, where=None):
        if isinstance(self.outcome, Exception):
            raise self.outcome
        return None, self.outcome


def test_no_results_and_errors_are_messages():
    assert "Hãy thử" in app.search_page(StubIndex([]), "xyz", 5, None)
    assert "bỏ bớt bộ lọc (năm 2021)" in app.search_page(StubIndex([]), "xyz", 5, None, None, "2021")
    assert "gần nghĩa" in app.search_page(StubIndex([_hit("abc", lexical=0.0)]), "xyz", 5, None)
    shown = app.search_page(StubIndex(QueryError("Truy vấn quá dài.")), "xyz", 5, None)
    assert 'class="msg error"' in shown and "Truy vấn quá dài." in shown
    from fastapi.testclient import TestClient

    with TestClient(app.create_server(StubIndex(QueryError("Truy vấn quá dài.")))) as client:
        response = client.get("/api/search", params={"q": "xyz"})
    assert response.status_code == 400 and response.json() == {"error": "Truy vấn quá dài."}


def test_a_card_still_opens_after_the_index_was_rebuilt(corpus_index):
    passage = corpus_index.passages[40]
    assert app.locate(corpus_index, passage.doc_id, 40, passage.line_start) is passage
    moved = app.locate(corpus_index, passage.doc_id, 3, passage.line_start)  # its id changed, not its place
    assert moved.doc_id == passage.doc_id and moved.line_start == passage.line_start
    assert app.locate(corpus_index, "gone.txt", 40, 1) is None
    assert "Hãy tìm lại" in app.context_view(corpus_index, "gone.txt", 40, 1)


def test_upload_reports_progress_swaps_the_index_and_refreshes_the_filters(tmp_path, tiny_corpus, fake_embedder):
    index_dir = tmp_path / "index"
    live = app.LiveIndex(SearchIndex.build(tiny_corpus, index_dir, embedder=fake_embedder), index_dir, tiny_corpus)
    upload = tmp_path / NEW_NAME
    upload.write_text(NEW_DOC, encoding="utf-8")
    stages = []
    shown = app.upload_document(live, str(upload), False, lambda fraction, desc=None: stages.append(desc))
    assert 'class="msg ok"' in shown and NEW_NAME in shown
    assert NEW_NAME in live.index.documents and NEW_NAME in [value for _, value in live.choices.docs]
    assert any(value == "Ban Dân vận Huyện ủy" for _, value in live.choices.bodies)
    assert {"Kiểm tra tệp", "Chép vào kho văn bản", "Đọc các văn bản"} <= set(stages)
    again = app.upload_document(live, str(upload), False)
    assert 'class="msg error"' in again and "đã có trong kho" in again
    assert "--index và --corpus" in app.upload_document(app.LiveIndex(live.index), str(upload), False)
