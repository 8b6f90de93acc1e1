"""The web app end to end: the real index (``corpus_index`` from conftest, built once), the real
server on a free local port, Debian's chromium through Playwright (the JSON route and gradio_client:
tests/test_app_api.py)."""

from __future__ import annotations

import csv
import shutil
from collections.abc import Iterator

import pytest
from playwright import sync_api

from rag import SearchIndex

from .app_browser import CARDS, QUERY, ROOT, choose, open_page, screenshot, search_for, serve_app
from .app_samples import BODY, NEW_DOC, NEW_NAME

pytestmark = pytest.mark.filterwarnings("ignore::Warning:gradio.queueing")  # pandas 3 deprecations inside gradio


def test_search_shows_answer_then_cards_with_facts_section_and_highlight(page):
    page.fill("#k input[type=number]", "5")
    page.press("#k input[type=number]", "Enter")
    search_for(page, QUERY)
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
    screenshot(page, "search.png", full_page=True)


def test_document_filter_keeps_only_that_document(page, corpus_index):
    doc_id = "003_29223056b309dc88.txt"
    assert doc_id in corpus_index.documents
    search_for(page, QUERY)
    page.wait_for_selector(CARDS)
    before = page.locator(CARDS).evaluate_all("cards => cards.map(c => c.dataset.doc)")
    assert len(set(before)) > 1  # so that the wait below can only pass once the filter applied
    choose(page, "#doc-filter", doc_id)
    page.wait_for_function(
        """doc => { const cards = [...document.querySelectorAll('#results article.card')];
                    return cards.length > 0 && cards.every(c => c.dataset.doc === doc); }""",
        arg=doc_id,
    )
    docs = page.locator(CARDS).evaluate_all("cards => cards.map(c => c.dataset.doc)")
    assert docs and set(docs) == {doc_id}
    metas = page.locator(f"{CARDS} .meta").all_inner_texts()
    assert len(metas) == len(docs) and all(doc_id in text for text in metas)


def test_body_filter_keeps_cards_whose_facts_name_that_body(page):
    search_for(page, QUERY)
    page.wait_for_selector(CARDS)
    choose(page, "#body-filter", f"{BODY} (")
    page.wait_for_function(
        """body => { const cards = [...document.querySelectorAll('#results article.card')];
                     return cards.length > 0 && cards.every(c => (c.querySelector('.facts')?.innerText || '').includes(body)); }""",
        arg=BODY,
    )
    facts = page.locator(f"{CARDS} .facts").all_inner_texts()
    assert facts and all(BODY in text for text in facts)


def test_empty_query_shows_a_friendly_message(page):
    search_for(page, "   ")
    message = page.locator("#results .msg", has_text="Hãy nhập câu hỏi")
    message.wait_for()
    assert page.locator(CARDS).count() == 0


def test_narrow_screen_has_no_horizontal_scroll(browser, base_url):
    context = browser.new_context(viewport={"width": 375, "height": 800})
    page = context.new_page()
    page.goto(base_url + "/")
    search_for(page, QUERY)
    page.wait_for_selector(CARDS, timeout=30_000)
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    page.locator(CARDS).first.locator("button[data-action=context]").click()
    page.wait_for_selector("#docview .passage.marked", timeout=30_000)
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    context.close()


# --- browser: one hit in its document, precedent wording, citation, export ----------------------------


def test_open_in_context_shows_the_whole_document_with_the_passage_marked(page, corpus_index):
    search_for(page, QUERY)
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
    screenshot(page, "context.png")
    link = page.locator("#docview nav a").nth(2)
    link.click()
    sync_api.expect(page.locator(f"#docview #{link.get_attribute('data-jump')}")).to_be_in_viewport()


def _open_document(page, doc_id: str, query: str = "hội nghị") -> None:
    """Search within one document, then open its first card in the document view."""
    page.fill("#query textarea", query)
    choose(page, "#doc-filter", doc_id)  # the filter's change searches again
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
    screenshot(page, "relations.png", full_page=True)
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
    yield from serve_app(SearchIndex.build(tiny_corpus, tmp_path / "index", embedder=fake_embedder))


@pytest.fixture
def regulation_url(tmp_path, fake_embedder) -> Iterator[str]:
    """A server over a real Quyết định with the Quy chế it issues (articles split into clauses) and a plan."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("ext_115_143_2025_qd_ubnd.txt", "ext_019_0130_kh_ubnd.txt"):
        shutil.copy(ROOT / "tests" / "data" / "real" / name, corpus / name)
    yield from serve_app(SearchIndex.build(corpus, tmp_path / "index", embedder=fake_embedder))


def test_clauses_of_one_article_are_shown_under_its_title(browser, regulation_url):
    context, page = open_page(browser, regulation_url)
    search_for(page, "tạm khóa và khôi phục hộp thư điện tử công vụ")
    group = page.locator("#results section.article-group").first
    sync_api.expect(group).to_be_visible()
    head = group.locator(".article-head").inner_text()
    assert head.startswith("Điều 9.") and "đoạn" in head and "143/2025/QĐ-UBND" in head
    assert group.locator("article.card").count() >= 2
    assert page.locator(CARDS).count() == page.locator("#results article.card").count()  # grouping hides no card
    screenshot(page, "article-groups.png", full_page=True)
    context.close()


def test_a_related_document_in_the_corpus_opens_in_the_same_view(browser, linked_url):
    context, page = open_page(browser, linked_url)
    search_for(page, "Chủ trì tổ chức hội nghị học tập chuyên đề cấp tỉnh")
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
    page.locator("#relations [data-list=based_on_by] button", has_text="Kế hoạch số 45-KH/TU").click()
    sync_api.expect(shown).to_have_attribute("data-doc", "a_kehoach.txt")
    page.locator("#relations svg g.node.corpus[data-number='01-KL/TW']").focus()  # the keyboard reaches the boxes too
    page.keyboard.press("Enter")
    sync_api.expect(shown).to_have_attribute("data-doc", "kl01.txt")
    context.close()


def test_precedent_search_from_a_card_excludes_its_document_and_marks_differences(page):
    search_for(page, QUERY)
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
    screenshot(page, "precedent.png", full_page=True)


def test_precedent_tab_searches_a_pasted_draft(page):
    page.get_by_role("tab", name="Tìm cách diễn đạt tương tự").click()
    page.fill("#draft textarea", "Ban Tuyên giáo chủ trì tổ chức hội nghị quán triệt chuyên đề cho cán bộ chủ chốt.")
    page.click("#precedent-btn")
    page.wait_for_selector("#precedents article.card")
    assert page.locator("#precedents .sbs ins").count() > 0


def test_copy_citation_button_puts_the_citation_on_the_clipboard(browser, base_url):
    context, page = open_page(browser, base_url)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url)
    search_for(page, QUERY)
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
    search_for(page, QUERY)
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



@pytest.fixture
def upload_url(tmp_path, corpus_index_dir, copied_seeds) -> Iterator[str]:
    """A second server over copies of the session's index and of the corpus."""
    index_dir = tmp_path / "index"
    shutil.copytree(corpus_index_dir, index_dir)
    index = SearchIndex.load(index_dir, corpus_dir=copied_seeds)
    yield from serve_app(index, index_dir=index_dir, corpus_dir=copied_seeds)


def test_upload_adds_a_document_that_search_then_finds(browser, upload_url, copied_seeds, tmp_path):
    repo_corpus = sorted(p.name for p in (ROOT / "corpus").iterdir())
    context, page = open_page(browser, upload_url)
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
    screenshot(page, "upload.png")
    assert (copied_seeds / NEW_NAME).read_text(encoding="utf-8") == NEW_DOC
    page.get_by_role("tab", name="Tra cứu").click()
    search_for(page, "hội thi tìm hiểu biển đảo quê hương")
    page.wait_for_selector(CARDS)
    assert page.locator(CARDS).first.get_attribute("data-doc") == NEW_NAME
    choose(page, "#doc-filter", NEW_NAME)  # the filters know the new document
    context.close()
    assert sorted(p.name for p in (ROOT / "corpus").iterdir()) == repo_corpus


def test_upload_of_several_files_lists_what_was_taken_and_what_was_refused(browser, upload_url, copied_seeds, tmp_path):
    context, page = open_page(browser, upload_url)
    page.get_by_role("tab", name="Thêm văn bản").click()
    good = tmp_path / "kh-cuu-chien-binh.txt"
    good.write_text("KẾ HOẠCH\n\nI. NỘI DUNG\n\n- Hội Cựu chiến binh tỉnh chủ trì tọa đàm về truyền thống.\n", encoding="utf-8")
    empty = tmp_path / "trống rỗng.txt"
    empty.write_bytes(b"")
    page.set_input_files("#upload-file input[type=file]", [str(good), str(empty)])
    page.locator("#upload-file", has_text="trống rỗng").wait_for()  # both files listed (stem and extension apart)
    page.click("#upload-btn")
    page.locator("#upload-status .msg.ok").wait_for(timeout=180_000)
    status = page.locator("#upload-status").inner_text()
    assert "kh-cuu-chien-binh.txt" in status and "Không thêm được “trống rỗng.txt”: tệp trống" in status
    screenshot(page, "upload-several.png")
    assert (copied_seeds / good.name).exists() and not (copied_seeds / empty.name).exists()
    context.close()
