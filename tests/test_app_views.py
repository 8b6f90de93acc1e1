"""The web app's views and wiring without a browser: rendering, escaping, messages, filter choices,
upload handling (the browser tests are in test_app.py)."""

from __future__ import annotations

import re

import pytest

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
    SearchFilter,
    SearchIndex,
)
from rag.ingest import DuplicateDocumentError, NameTakenError
from rag.search.relations import Mention, Node, Relations
from rag.text.normalize import loose
from rag.ui import filters, handlers, relations, server, state, uploads, views

from .app_samples import BODY, NEW_DOC, NEW_NAME


def _hit(text: str, *, lexical: float = 1.0, facts: Facts | None = None, rank: int = 1) -> Hit:
    passage = Passage(passage_id=0, doc_id="x.txt", text=text, section_path=("II. NỘI DUNG", "1.1. Cấp tỉnh"), line_start=4, line_end=6)
    citation = Citation("x.txt", "KẾ HOẠCH", "45-KH/TU", "học tập chuyên đề", "Ban Thường vụ Tỉnh ủy", "2022-02-14", passage.section_label, 4, 6)
    return Hit(rank, 0.5, passage, citation, lexical_score=lexical, facts=facts or Facts())


def test_highlight_escapes_and_ignores_case_and_diacritics():
    terms = views.query_terms("chu tri Hội nghị")
    assert views.highlight("<b>Chủ trì</b> hội nghị; hỏi nghì", terms) == (
        "&lt;b&gt;<mark>Chủ trì</mark>&lt;/b&gt; <mark>hội nghị</mark>; hỏi nghì"
    )
    assert views.render_text("**Chủ trì:** *nội dung*", terms) == "<strong><mark>Chủ trì</mark>:</strong> <em>nội dung</em>"


def test_card_and_citation_line():
    html = views.render_results([_hit("Tỉnh ủy chủ trì <script>alert(1)</script>")], "chủ trì")
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "Kế hoạch số 45-KH/TU ngày 14/02/2022 của Ban Thường vụ Tỉnh ủy về học tập chuyên đề, mục II.1.1" in html
    assert "(x.txt, dòng 4–6)" in html
    assert 'data-action="copy" data-citation="Kế hoạch số 45-KH/TU ngày 14/02/2022' in html


def test_card_facts_and_a_flagged_deadline_kept_as_written():
    flag = "năm 2021 sớm hơn năm của kế hoạch (2022): có thể nhầm, giữ nguyên như văn bản"
    facts = Facts(("Ban Tuyên giáo Tỉnh ủy",), ("Ban Tổ chức Tỉnh ủy",), (Deadline("trước ngày 15/3/2021", end="2021-03-15", flag=flag),))
    html = views.render_card(_hit("…", facts=facts), (set(), set()))
    assert '<span class="label">Chủ trì</span><span>Ban Tuyên giáo Tỉnh ủy</span>' in html
    assert '<span class="label">Phối hợp</span><span>Ban Tổ chức Tỉnh ủy</span>' in html
    assert "trước ngày 15/3/2021 <span class=\"flag\"" in html and f"⚠ Cần kiểm tra: {flag}" in html
    assert 'class="facts"' not in views.render_card(_hit("…"), (set(), set()))  # no facts, no empty box


def test_answer_links_each_part_to_its_card():
    answer = Answer("Ban Tuyên giáo — trước 31/3/2022", (AnswerPart("Ban Tuyên giáo", 1, "x.txt", (4, 6)), AnswerPart("trước 31/3/2022", 2, "x.txt", (7, 7))))
    html = views.render_results([_hit("a"), _hit("b", rank=2)], "ai", answer)
    assert html.startswith('<div class="answer" id="answer"><b>Trả lời:</b> Ban Tuyên giáo <a href="#hit-1">(theo kết quả #1)</a>')
    assert '<a href="#hit-2">(theo kết quả #2)</a>' in html and 'id="hit-2"' in html


def test_document_view_writes_each_heading_once_and_marks_the_passage():
    path_a, path_b = ("I. MỤC ĐÍCH",), ("II. NỘI DUNG", "1. Hội nghị")
    passages = [
        Passage(0, "x.txt", "một", path_a, 5, 5),
        Passage(1, "x.txt", "hai", path_a, 6, 6),
        Passage(2, "x.txt", "ba <b>", path_b, 9, 9),
    ]
    html = views.render_document(DocumentMeta("x.txt", "KẾ HOẠCH", "45-KH/TU", "Thị ủy", title="Học tập", signer="Bùi Văn Lý"), passages, 2)
    assert html.count(">I. MỤC ĐÍCH</div>") == 1 and html.count(">II. NỘI DUNG</div>") == 1
    assert html.count('class="heading"') == 3 == html.count("data-jump=")
    assert '<p class="passage marked" data-pid="2">ba &lt;b&gt;' in html
    assert "KẾ HOẠCH số 45-KH/TU" in html and "Bùi Văn Lý" in html and "<dd>không ghi</dd>" in html


def test_document_view_does_not_repeat_a_heading_its_passage_states():
    duty = Passage(0, "x.txt", "**1. Giao Ban Tuyên giáo Tỉnh ủy** chủ trì, phối hợp tổ chức hội nghị.", ("II. TỔ CHỨC",), 5, 5)
    item = Passage(1, "x.txt", "- Hội nghị cấp tỉnh.", ("II. TỔ CHỨC", "1. Giao Ban Tuyên giáo Tỉnh ủy"), 6, 6)
    html = views.render_document(DocumentMeta("x.txt"), [duty, item])
    assert html.count('class="heading"') == 1 and '<p class="passage" id="ctx-h1" data-pid="0">' in html
    assert html.count("data-jump=") == 2


def test_word_diff_marks_words_only_in_one_side():
    mine, theirs, ratio = views.word_diff("Ban Tuyên giáo chủ trì hội nghị.", "**Ban Tuyên giáo** phối hợp tổ chức hội nghị")
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
    html = relations.render_relations(rel)
    assert "<b>" not in html and "Tỉnh ủy &lt;b&gt;" in html
    assert html.count('data-doc="kl.txt" data-pid="-1" data-line="-1"') == 2  # its list entry and its box open it at the top
    assert 'data-doc="later.txt" data-pid="7" data-line="30"' in html  # where it cites the shown document
    assert 'data-doc="kh.txt"' not in html  # the shown document does not open itself
    assert '<li title="Chỉ được trích dẫn, không có trong kho">Chỉ thị số 05-CT/TW' in html
    assert '<h4>Được trích dẫn trong (0)</h4><ul><li class="none">Không có</li>' in html
    assert relations.basis_numbers(rel) == "01-KL/TW"


def test_chain_graph_puts_each_document_once_on_the_row_of_its_longest_path():
    shown, mid, top, root = _node("", "x.txt"), _node("29-KH/TU"), _node("01-KL/TW", "kl.txt"), _node("05-CT/TW")
    rel = Relations(shown, [], [], [], [], [[shown, top, root], [shown, mid, top, root]])
    svg = relations.render_graph(rel)
    assert svg.count('<g class="node') == 4 and svg.count("<line ") == 4  # x→01, x→29, 29→01, 01→05
    assert 'viewBox="0 0 232 ' in svg and "max-width:232px" in svg  # one box per row: 4 rows
    rows = {m.group(1): float(m.group(2)) for m in re.finditer(r'data-number="([^"]*)".*?<rect x="[\d.]+" y="([\d.]+)"', svg)}
    assert rows[""] > rows["29-KH/TU"] > rows["01-KL/TW"] > rows["05-CT/TW"]  # the shown document at the bottom
    alone = relations.render_graph(Relations(shown, [], [], [], [], [[shown]]))
    assert "<svg" not in alone and "không nêu văn bản nào" in alone


def test_draft_view_traces_each_piece_and_explains_problems(corpus_index):
    html = handlers.draft_view(corpus_index, "KL 01; 28-HD/BTGTW", "Ban Thường vụ Huyện ủy")
    assert '<p class="draft-text">Thực hiện <span class="piece">Kết luận số 01-KL/TW' in html
    assert "<sup>[2]</sup>, Ban Thường vụ Huyện ủy xây dựng Kế hoạch … như sau:</p>" in html
    assert html.count('data-action="context"') == 2 and ".txt, dòng " in html
    assert "Hãy ghi số hiệu" in handlers.draft_view(corpus_index, " , ", "Ban Thường vụ Huyện ủy")
    assert "Hãy ghi cơ quan ban hành" in handlers.draft_view(corpus_index, "KL 01", "  ")
    unknown = handlers.draft_view(corpus_index, "KL 01, 99-XX/YY", "Huyện ủy")
    assert 'class="msg error"' in unknown and "không tìm thấy văn bản “99-XX/YY”" in unknown
    never = relations.draft_error(QueryError("'x.txt' is never cited in the corpus, so there are no words to reuse for it."))
    assert never.startswith("Không soạn được: “x.txt” có trong kho nhưng chưa văn bản nào trích dẫn")


def test_a_document_opened_from_its_relations_has_no_marked_passage(corpus_index):
    doc_id = "004_701670e4f6488039.txt"
    page = handlers.context_view(corpus_index, doc_id, -1, -1)
    assert f'data-doc="{doc_id}"' in page and "marked" not in page
    panel, basis, issuer = handlers.relations_view(corpus_index, doc_id)
    assert "29-KH/TU" in basis and issuer == corpus_index.documents[doc_id].issuer and "<svg" in panel
    assert handlers.relations_view(corpus_index, "gone.txt") == ("", "", "")


def test_filter_choices_come_from_the_index(corpus_index):
    choices = filters.Choices.of(corpus_index)
    bodies = [value for _, value in choices.bodies[1:]]
    assert bodies == sorted(bodies, key=loose) and BODY in bodies
    label = next(label for label, value in choices.bodies if value == BODY)
    assert label == f"{BODY} ({len(corpus_index.allowed(SearchFilter(body=BODY)))} đoạn)"
    assert ("Tất cả", filters.ALL) == choices.periods[0] and any(label.startswith("Quý I/2022 (") for label, _ in choices.periods)
    assert [value for _, value in choices.years[1:]] == sorted({str(m.year) for m in corpus_index.documents.values() if m.year})
    assert len(choices.issuers) - 1 == len({loose(m.issuer) for m in corpus_index.documents.values()})  # "uỷ"/"ủy" once


def test_upload_errors_are_explained_in_vietnamese():
    empty = DocumentReadError("/tmp/a.txt", "it is empty", "Remove it.", reason="empty")
    assert uploads.upload_error("a.txt", empty) == "Không thêm được “a.txt”: tệp trống, không có nội dung."
    legacy = DocumentReadError("a", "its characters look like a legacy Vietnamese font encoding", reason="legacy")
    assert "TCVN3" in uploads.upload_error("a.txt", legacy)
    odd = uploads.upload_error("a.pdf", DocumentReadError("/tmp/x/a.pdf", "the PDF is truncated"))
    assert odd == "Không thêm được “a.pdf”: không đọc được tệp (Cannot read “a.pdf”: the PDF is truncated.)"
    assert "với tên “b.txt”" in uploads.upload_error("a.txt", DuplicateDocumentError("a.txt", "b.txt"))
    assert "Thay thế văn bản cùng tên" in uploads.upload_error("a.txt", NameTakenError("a.txt"))
    assert "giữ nguyên" in uploads.upload_error("a.txt", RuntimeError("disk full."))



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
    shown = uploads.upload_error("Kế hoạch 45.pdf", err)
    assert shown.startswith("Không thêm được “Kế hoạch 45.pdf”: ") and vietnamese in shown
    assert "upload-1234" not in shown
    assert reason == "empty" or "tệp trống" not in shown


def test_every_reason_code_has_a_vietnamese_message():
    assert set(uploads.READ_PROBLEMS) == DocumentReadError.REASONS


def test_upload_error_with_an_unknown_reason_shows_the_engine_message():
    err = DocumentReadError("/tmp/x/a.pdf", "something new went wrong", reason="from-the-future")
    shown = uploads.upload_error("a.pdf", err)
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

    def status(self):
        from rag.records import IndexStatus

        return IndexStatus(0, 0)

    def answer(self, query, k=10, where=None):
        if isinstance(self.outcome, Exception):
            raise self.outcome
        return None, self.outcome


def test_no_results_and_errors_are_messages():
    assert "Hãy thử" in handlers.search_page(StubIndex([]), "xyz", 5, None)
    assert "bỏ bớt bộ lọc (năm 2021)" in handlers.search_page(StubIndex([]), "xyz", 5, None, None, "2021")
    assert "gần nghĩa" in handlers.search_page(StubIndex([_hit("abc", lexical=0.0)]), "xyz", 5, None)
    shown = handlers.search_page(StubIndex(QueryError("Truy vấn quá dài.")), "xyz", 5, None)
    assert 'class="msg error"' in shown and "Truy vấn quá dài." in shown
    from fastapi.testclient import TestClient

    with TestClient(server.create_server(StubIndex(QueryError("Truy vấn quá dài.")))) as client:
        response = client.get("/api/search", params={"q": "xyz"})
    assert response.status_code == 400 and response.json() == {"error": "Truy vấn quá dài."}


def test_a_card_still_opens_after_the_index_was_rebuilt(corpus_index):
    passage = corpus_index.passages[40]
    assert handlers.locate(corpus_index, passage.doc_id, 40, passage.line_start) is passage
    moved = handlers.locate(corpus_index, passage.doc_id, 3, passage.line_start)  # its id changed, not its place
    assert moved.doc_id == passage.doc_id and moved.line_start == passage.line_start
    assert handlers.locate(corpus_index, "gone.txt", 40, 1) is None
    assert "Hãy tìm lại" in handlers.context_view(corpus_index, "gone.txt", 40, 1)


def test_upload_reports_progress_swaps_the_index_and_refreshes_the_filters(tmp_path, tiny_corpus, fake_embedder):
    index_dir = tmp_path / "index"
    live = state.LiveIndex(SearchIndex.build(tiny_corpus, index_dir, embedder=fake_embedder), index_dir, tiny_corpus)
    upload = tmp_path / NEW_NAME
    upload.write_text(NEW_DOC, encoding="utf-8")
    stages = []
    shown = handlers.upload_document(live, str(upload), False, lambda fraction, desc=None: stages.append(desc))
    assert 'class="msg ok"' in shown and NEW_NAME in shown
    assert NEW_NAME in live.index.documents and NEW_NAME in [value for _, value in live.choices.docs]
    assert any(value == "Ban Dân vận Huyện ủy" for _, value in live.choices.bodies)
    assert {"Kiểm tra tệp", "Chép vào kho văn bản", "Đọc các văn bản"} <= set(stages)
    again = handlers.upload_document(live, str(upload), False)
    assert 'class="msg error"' in again and "đã có trong kho" in again
    assert "--index và --corpus" in handlers.upload_document(state.LiveIndex(live.index), str(upload), False)


def test_exported_files_are_removed_when_the_app_closes(corpus_index):
    live = state.LiveIndex(corpus_index)
    folder = live.export_folder("session-a")
    (folder / "ket-qua.csv").write_text("x", encoding="utf-8")
    assert folder.exists() and live.export_folder("session-b") != folder
    live.close()
    assert not folder.parent.exists()
    live.close()  # twice is harmless


def test_an_upload_of_several_files_takes_the_good_ones_and_lists_the_refused(tmp_path, tiny_corpus, fake_embedder):
    index_dir = tmp_path / "index"
    index = SearchIndex.build(tiny_corpus, index_dir, embedder=fake_embedder)
    live = state.LiveIndex(index, index_dir, tiny_corpus)
    good = tmp_path / "c_kehoach.txt"
    good.write_text("KẾ HOẠCH\n\nI. NỘI DUNG\n\n- Hội Cựu chiến binh tỉnh chủ trì tọa đàm về truyền thống.\n", encoding="utf-8")
    empty = tmp_path / "rỗng.txt"
    empty.write_text("", encoding="utf-8")
    again = tmp_path / "a_kehoach.txt"
    again.write_bytes((tiny_corpus / "a_kehoach.txt").read_bytes())
    shown = handlers.upload_document(live, [str(good), str(empty), str(again)], False)
    assert 'class="msg ok"' in shown and "“c_kehoach.txt” (1 đoạn văn)" in shown
    assert "Không thêm được “rỗng.txt”: tệp trống" in shown and str(tmp_path) not in shown
    assert "“a_kehoach.txt” đã có trong kho" in shown
    assert "c_kehoach.txt" in live.index.documents and "rỗng.txt" not in live.index.documents
    none = handlers.upload_document(live, [str(empty), str(again)], False)
    assert "Không thêm được tệp nào" in none and "tệp trống" in none and "đã có trong kho" in none
    alone = handlers.upload_document(live, [str(empty)], False)
    assert "Không thêm được tệp nào" not in alone and "tệp trống" in alone
    live.embedding.stop(timeout=10)
