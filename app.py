"""Giao diện web tra cứu văn bản chỉ đạo: a thin Gradio shell over ``rag.SearchIndex``.

    python app.py [--index index] [--corpus corpus] [--host 127.0.0.1] [--port 7860] [--share-network]

Serves the page at ``/`` and a JSON endpoint at
``GET /api/search?q=…&k=…[&doc=…&issuer=…&year=…&body=…&due_from=…&due_to=…]``.
Every retrieval decision is the engine's (``search``/``answer``/``similar`` with a ``SearchFilter``);
this file wires the page, ``app_views`` and ``app_relations`` render it, ``rag.ingest`` adds uploaded documents.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import threading
from dataclasses import asdict
from pathlib import Path
from types import SimpleNamespace

import gradio as gr
import uvicorn
from fastapi import FastAPI
from fastapi.responses import JSONResponse

import app_relations as relations
import app_style as style
import app_views as views
from app_filters import ALL, Choices, make_filter
from app_state import LiveIndex
from rag import (
    Answer,
    Hit,
    IndexNotFoundError,
    QueryError,
    RagError,
    SearchFilter,
    SearchIndex,
    StaleIndexError,
)
from rag.backends.milvus.sync import MilvusTarget
from rag.documents.reader import MAX_FILE_BYTES, READERS
from rag.ingest import Publish, add_document
from rag.store.corpus import check_fresh
from rag.text.normalize import strip_markdown

ALL_DOCS = ALL
MAX_K = 50
_lock = threading.Lock()  # one search at a time: the Gradio queue and the JSON route share the embedder

# --- searching (delegated to the engine) -----------------------------------------------------------


def run_search(index: SearchIndex, query: str, k: float, where: SearchFilter) -> tuple[Answer | None, list[Hit]]:
    with _lock:
        return index.answer(query, k=max(1, min(int(k), MAX_K)), where=where)


def search_view(
    index: SearchIndex, query: str, k: float, doc=ALL, issuer=ALL, year=ALL, body=ALL, period=ALL
) -> tuple[str, Answer | None, list[Hit]]:
    """The results panel for a query and the form's filters (a period such as "Q1 2022" bounds the deadline)."""
    if not (query or "").strip():
        return views.message(f"Hãy nhập câu hỏi hoặc vài từ khóa, ví dụ: “{views.EXAMPLE}”"), None, []
    try:
        where = make_filter(index, doc, issuer, year, body, period, period, body_exact=True)
        answer, hits = run_search(index, query, k, where)
    except RagError as err:
        return views.message(f"Không tìm được: {err}", "error"), None, []
    return views.render_results(hits, query, answer, views.describe(where)), answer, hits


def search_page(index: SearchIndex, query: str, k: float, *filters: str | None) -> str:
    return search_view(index, query, k, *filters)[0]


# --- opening a hit: its document, similar wording -------------------------------------------------


def locate(index: SearchIndex, doc: str, pid: int, line: int):
    """The passage a card points to. After an upload its id may have moved; its file and line have not."""
    if 0 <= pid < len(index.passages) and (p := index.passages[pid]).doc_id == doc and p.line_start == line:
        return p
    return next((p for p in index.passages if p.doc_id == doc and p.line_start == line), None)


def context_view(index: SearchIndex, doc: str, pid: int, line: int) -> str:
    """The document with the passage a card points to marked; pid -1 opens it at its top."""
    passage = locate(index, doc, pid, line) if pid >= 0 else None
    if (passage is None and pid >= 0) or doc not in index.documents:
        return views.message("Không tìm thấy đoạn này trong chỉ mục hiện tại (chỉ mục vừa cập nhật?). Hãy tìm lại.", "error")
    passages = [p for p in index.passages if p.doc_id == doc]
    return views.render_document(index.documents[doc], passages, passage.passage_id if passage else None)


def relations_view(index: SearchIndex, doc: str) -> tuple[str, str, str]:
    """The relations panel of a shown document, and the draft form's defaults: its basis, its issuer."""
    if doc not in index.documents:
        return "", "", ""
    rel = index.related(doc)
    return relations.render_relations(rel), relations.basis_numbers(rel), rel.node.issuer or ""


def draft_view(index: SearchIndex, documents: str, issuer: str) -> str:
    """A "Thực hiện …" opening for a new plan from the corpus's own words, each piece with its source."""
    wanted = [w.strip() for w in re.split(r"[,;\n]", documents or "") if w.strip()]
    if not wanted:
        return views.message("Hãy ghi số hiệu các văn bản căn cứ, cách nhau bằng dấu phẩy, vd. 01-KL/TW, 28-HD/BTGTW.", "note")
    if not (issuer or "").strip():
        return views.message("Hãy ghi cơ quan ban hành kế hoạch mới, vd. Ban Thường vụ Huyện ủy.", "note")
    try:
        text, pieces = index.draft_basis(wanted, issuer.strip())
    except QueryError as err:
        return views.message(relations.draft_error(err), "error")
    return relations.render_draft(text, pieces)


def precedent_view(index: SearchIndex, draft: str, k: float, exclude: str | None) -> str:
    if not (draft or "").strip():
        return views.message("Hãy dán một đoạn bản thảo để tìm cách diễn đạt tương tự trong các văn bản đã ban hành.")
    excluded = None if exclude in (None, "", ALL) else exclude
    try:
        with _lock:
            hits = index.similar(draft, k=max(1, min(int(k), MAX_K)), exclude_doc=excluded)
    except RagError as err:
        return views.message(f"Không tìm được: {err}", "error")
    return views.render_precedents(draft, hits, excluded)


# --- adding a document ----------------------------------------------------------------------------


def upload_document(live: LiveIndex, path: str | None, replace: bool, progress=None) -> str:
    """Add the file through ``rag.ingest`` and swap the new index in; the message says what happened."""
    if live.corpus_dir is None or live.index_dir is None:
        return views.message("Chức năng này cần khởi động ứng dụng với --index và --corpus.", "error")
    if not path:
        return views.message("Hãy chọn một tệp văn bản trước.", "note")
    name = Path(path).name

    def report(stage: str, done: int, total: int) -> None:
        if progress is not None:  # not "if progress": a gr.Progress has a length, 0 until it tracks an iterable
            progress((done, total), desc=views.STAGES.get(stage, stage))

    report("model", 0, 1)  # the first upload loads the embedding model: seconds with nothing else to show
    try:
        index = add_document(
            live.index_dir, live.corpus_dir, path, replace=replace, embedder=live.index.embedder, progress=report, publish=live.publish
        )
    except Exception as err:  # every failure leaves corpus and index as they were: say so, keep serving
        return views.message(views.upload_error(name, err), "error")
    live.replace(index)
    added = sum(p.doc_id == name for p in index.passages)
    return views.message(f"Đã thêm “{name}” ({added} đoạn văn) và cập nhật chỉ mục. Có thể tìm ngay ở thẻ “Tra cứu”.", "ok")


# --- the page -------------------------------------------------------------------------------------


def build_app(live: LiveIndex) -> gr.Blocks:
    """Four tabs, then their events. Handlers read ``live.index`` when they run, so an upload
    is seen by every tab at once."""
    ui = SimpleNamespace()  # the components, shared by the layout and the wiring below
    with gr.Blocks(title="Tra cứu văn bản chỉ đạo", analytics_enabled=False, delete_cache=(3600, 3600)) as demo:
        gr.Markdown("## Tra cứu văn bản chỉ đạo\nĐặt câu hỏi bằng tiếng Việt; mỗi kết quả kèm mục, dòng và dòng trích dẫn.")
        with gr.Tabs(overflow_behavior="wrap") as ui.tabs:  # a menu would hide tabs on a phone
            _search_tab(ui, live.choices)
            _document_tab(ui)
            _precedent_tab(ui, live.choices)
            _upload_tab(ui, live)
        _wire_search(ui, live)
        _wire_cards(ui, live)
        _wire_upload(ui, live)

        @gr.api(api_name="search")
        def search_api(query: str, k: float = 10, doc: str = ALL, issuer: str = ALL, year: str = ALL, body: str = ALL, period: str = ALL) -> str:
            """The results panel as HTML, for gradio_client: the page's search without the page."""
            return search_page(live.index, query, k, doc, issuer, year, body, period)

    return demo


def _search_tab(ui: SimpleNamespace, c: Choices) -> None:
    with gr.Tab("Tra cứu", id="search"):
        with gr.Row():
            ui.query = gr.Textbox(label="Câu hỏi hoặc từ khóa", placeholder=f"Ví dụ: {views.EXAMPLE}", scale=5, min_width=240, elem_id="query")
            ui.button = gr.Button("Tìm kiếm", variant="primary", scale=1, min_width=120, elem_id="search-btn")
        with gr.Accordion("Bộ lọc", open=True):  # closable: on a phone the filters fill the first screen
            with gr.Row():
                ui.doc = gr.Dropdown(c.docs, value=ALL, label="Văn bản", scale=2, min_width=240, elem_id="doc-filter")
                ui.issuer = gr.Dropdown(c.issuers, value=ALL, label="Cơ quan ban hành", min_width=200, elem_id="issuer-filter")
                ui.year = gr.Dropdown(c.years, value=ALL, label="Năm", min_width=140, elem_id="year-filter")
            with gr.Row():
                ui.body = gr.Dropdown(c.bodies, value=ALL, label="Cơ quan chủ trì / phối hợp", scale=2, min_width=240, elem_id="body-filter")
                ui.period = gr.Dropdown(c.periods, value=ALL, label="Thời hạn trong", min_width=160, elem_id="period-filter")
                ui.k = gr.Slider(1, MAX_K, value=10, step=1, label="Số kết quả", min_width=160, elem_id="k")
        with gr.Row():
            ui.csv = gr.DownloadButton("Tải kết quả (CSV)", visible=False, size="sm", scale=0, min_width=180, elem_id="export-csv")
            ui.docx = gr.DownloadButton("Tải kết quả (Word)", visible=False, size="sm", scale=0, min_width=180, elem_id="export-docx")
        start = views.message("Nhập câu hỏi rồi bấm “Tìm kiếm” hoặc Enter.")
        ui.results = gr.HTML(start, css_template=style.VIEW_CSS, js_on_load=style.CARD_JS, elem_id="results")


def _document_tab(ui: SimpleNamespace) -> None:
    with gr.Tab("Xem văn bản", id="document"):
        with gr.Row():
            ui.back = gr.Button("← Về kết quả tìm kiếm", size="sm", scale=0, min_width=200)
        start = views.message("Bấm “Xem trong văn bản” ở một kết quả để mở cả văn bản tại đoạn đó.")
        ui.doc_view = gr.HTML(start, css_template=style.VIEW_CSS, js_on_load=style.DOC_JS, elem_id="docview")
        css = style.VIEW_CSS + relations.RELATIONS_CSS
        ui.relations = gr.HTML("", css_template=css, js_on_load=style.CARD_JS, elem_id="relations")
        with gr.Accordion("Soạn đoạn căn cứ (“Thực hiện …”) từ câu chữ của kho văn bản", open=True):
            with gr.Row():
                ui.basis_docs = gr.Textbox(label="Văn bản căn cứ (số hiệu, cách nhau bằng dấu phẩy)", placeholder="01-KL/TW, 28-HD/BTGTW", scale=3, min_width=240, elem_id="basis-docs")
                ui.basis_issuer = gr.Textbox(label="Cơ quan ban hành", placeholder="Ban Thường vụ Huyện ủy", scale=2, min_width=200, elem_id="basis-issuer")
                ui.basis_btn = gr.Button("Soạn đoạn căn cứ", variant="primary", scale=0, min_width=200, elem_id="basis-btn")
            ui.basis_out = gr.HTML("", css_template=css, js_on_load=style.CARD_JS, elem_id="basis-draft")


def _precedent_tab(ui: SimpleNamespace, c: Choices) -> None:
    with gr.Tab("Tìm cách diễn đạt tương tự", id="precedent"):
        ui.draft = gr.Textbox(label="Đoạn bản thảo", lines=6, placeholder="Dán một đoạn của bản kế hoạch đang soạn…", elem_id="draft")
        with gr.Row():
            ui.exclude = gr.Dropdown(c.exclusions, value=ALL, label="Loại trừ văn bản", scale=2, min_width=240, elem_id="exclude")
            ui.prec_k = gr.Slider(1, 20, value=5, step=1, label="Số kết quả", min_width=160)
            ui.prec_btn = gr.Button("Tìm đoạn tương tự", variant="primary", min_width=160, elem_id="precedent-btn")
        ui.precedents = gr.HTML("", css_template=style.VIEW_CSS, js_on_load=style.CARD_JS, elem_id="precedents")


def _upload_tab(ui: SimpleNamespace, live: LiveIndex) -> None:
    with gr.Tab("Thêm văn bản", id="upload"):
        kinds = sorted(READERS)  # whatever formats the engine reads
        gr.Markdown(f"Thêm một văn bản ({', '.join(kinds)}) vào kho; chỉ mục được cập nhật, chỉ các đoạn mới cần mã hóa.")
        ui.file = gr.File(label="Tệp văn bản", file_types=kinds, type="filepath", elem_id="upload-file")
        ui.replace = gr.Checkbox(label="Thay thế văn bản cùng tên nếu đã có", value=False)
        ui.upload = gr.Button("Thêm vào kho và cập nhật chỉ mục", variant="primary", elem_id="upload-btn", interactive=live.corpus_dir is not None)
        ui.status = gr.HTML("", css_template=style.VIEW_CSS, elem_id="upload-status")


def _wire_search(ui: SimpleNamespace, live: LiveIndex) -> None:
    """Any filter change searches again: the cards always match what the filters show."""

    def search(query, k, doc, issuer, year, body, period, request: gr.Request):
        page, answer, hits = search_view(live.index, query, k, doc, issuer, year, body, period)
        if not hits:
            return page, gr.DownloadButton(visible=False), gr.DownloadButton(visible=False)
        folder = live.export_folder(request.session_hash or "shared")
        csv_path = views.write_csv(hits, folder / "ket-qua-tra-cuu.csv")
        docx_path = views.write_docx(hits, query, answer, folder / "ket-qua-tra-cuu.docx")
        return page, gr.DownloadButton(value=str(csv_path), visible=True), gr.DownloadButton(value=str(docx_path), visible=True)

    inputs = [ui.query, ui.k, ui.doc, ui.issuer, ui.year, ui.body, ui.period]
    triggers = [ui.query.submit, ui.button.click, *(d.change for d in inputs[2:])]
    gr.on(triggers, search, inputs=inputs, outputs=[ui.results, ui.csv, ui.docx], api_name="search_page", api_visibility="undocumented")


def _wire_cards(ui: SimpleNamespace, live: LiveIndex) -> None:
    """The buttons of a card (see ``style.CARD_JS``) send its file, passage id and line."""

    def open_context(evt: gr.EventData):
        index = live.index  # once: the document and its relations come from the same index
        page = context_view(index, evt.doc, int(evt.pid), int(evt.line))
        return page, *relations_view(index, evt.doc), "", gr.Tabs(selected="document")

    def similar_from_card(k, evt: gr.EventData):
        index = live.index
        passage = locate(index, evt.doc, int(evt.pid), int(evt.line))
        text = strip_markdown(passage.text) if passage else ""  # the draft box shows plain words, not "**"
        return text, evt.doc, precedent_view(index, text, k, evt.doc), gr.Tabs(selected="precedent")

    quiet = {"api_visibility": "undocumented"}
    opened = [ui.doc_view, ui.relations, ui.basis_docs, ui.basis_issuer, ui.basis_out, ui.tabs]
    for view in (ui.results, ui.precedents, ui.relations, ui.basis_out):
        view.open_context(open_context, outputs=opened, **quiet)
    ui.results.find_similar(similar_from_card, inputs=ui.prec_k, outputs=[ui.draft, ui.exclude, ui.precedents, ui.tabs], **quiet)
    ui.back.click(lambda: gr.Tabs(selected="search"), outputs=ui.tabs, **quiet)
    ui.prec_btn.click(lambda d, k, x: precedent_view(live.index, d, k, x), inputs=[ui.draft, ui.prec_k, ui.exclude], outputs=ui.precedents, **quiet)
    drafting = [ui.basis_btn.click, ui.basis_docs.submit, ui.basis_issuer.submit]
    gr.on(drafting, lambda d, i: draft_view(live.index, d, i), inputs=[ui.basis_docs, ui.basis_issuer], outputs=ui.basis_out, **quiet)


def _wire_upload(ui: SimpleNamespace, live: LiveIndex) -> None:
    """One upload at a time; afterwards every filter offers what the new index contains."""

    def upload(path, replace, progress=gr.Progress()):  # noqa: B008 - Gradio's way to ask for a progress bar
        status = upload_document(live, path, replace, progress)
        c = live.choices
        return status, *(gr.Dropdown(choices=choices) for choices in (c.docs, c.issuers, c.years, c.bodies, c.periods, c.exclusions))

    outputs = [ui.status, ui.doc, ui.issuer, ui.year, ui.body, ui.period, ui.exclude]
    ui.upload.click(upload, inputs=[ui.file, ui.replace], outputs=outputs, concurrency_limit=1, api_visibility="undocumented")


def create_server(
    index: SearchIndex, *, index_dir: str | Path | None = None, corpus_dir: str | Path | None = None, publish: Publish | None = None
) -> FastAPI:
    """The JSON route first, then the Gradio page mounted at "/" (it would shadow later routes).

    Uploads need ``index_dir`` and ``corpus_dir``; without them the page only searches.
    """
    live = LiveIndex(index, index_dir, corpus_dir, publish)
    server = FastAPI(title="Tra cứu văn bản chỉ đạo")

    @server.get("/api/search")
    def api_search(q: str = "", k: str = "10", doc: str = ALL, issuer: str = "", year: str = "", body: str = "", due_from: str = "", due_to: str = "") -> JSONResponse:
        if not q.strip():
            return _bad_request("Tham số q (câu hỏi) đang trống.")
        if not k.isdigit() or not 1 <= int(k) <= MAX_K:
            return _bad_request(f"Tham số k phải là số nguyên từ 1 đến {MAX_K}.")
        try:
            index = live.index
            where = make_filter(index, doc, issuer, year, body, due_from, due_to)
            answer, hits = run_search(index, q, int(k), where)
        except RagError as err:
            return _bad_request(str(err))
        filters = {key: value for key, value in asdict(where).items() if value not in (None, "", False)}
        return JSONResponse({"query": q, "filters": filters, "answer": asdict(answer) if answer else None, "results": [h.to_dict() for h in hits]})

    return gr.mount_gradio_app(server, build_app(live), path="/", css=style.PAGE_CSS, footer_links=["api"], max_file_size=MAX_FILE_BYTES)


def _bad_request(text: str) -> JSONResponse:
    return JSONResponse({"error": text}, status_code=400)


def _progress(stage: str, done: int, total: int) -> None:
    label = {"read": "Đọc văn bản", "tokenise": "Tách từ", "embed": "Mã hóa đoạn văn", "dense index": "Xây chỉ mục vectơ"}.get(stage, stage)
    filled = 30 * done // max(total, 1)
    print(f"\r{label:<16} [{'#' * filled}{'.' * (30 - filled)}] {done}/{total}", end="\n" if done >= total else "", file=sys.stderr, flush=True)


def open_index(index_dir: str, corpus_dir: str, milvus: MilvusTarget | None = None) -> SearchIndex:
    """Load the index (from Milvus when given); build it from the corpus when it is missing or older than the corpus."""
    corpus = corpus_dir if Path(corpus_dir).is_dir() else None
    try:
        if milvus is None:
            return SearchIndex.load(index_dir, corpus_dir=corpus)
        index = milvus.open()
        if corpus:
            check_fresh(index.manifest, corpus, Path(milvus.uri))
        return index
    except (IndexNotFoundError, StaleIndexError) as err:
        reason = "chưa có chỉ mục" if isinstance(err, IndexNotFoundError) else "văn bản nguồn đã thay đổi"
        print(f"Đang xây dựng chỉ mục '{index_dir}' từ '{corpus_dir}' ({reason})…", file=sys.stderr)
        built = SearchIndex.build(corpus_dir, index_dir, progress=_progress)
        return milvus.publish(built, progress=_progress) if milvus else built


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Giao diện web tra cứu văn bản chỉ đạo.")
    parser.add_argument("--index", default=os.environ.get("RAG_INDEX", "index"), help="thư mục chỉ mục")
    parser.add_argument("--corpus", default=os.environ.get("RAG_CORPUS", "corpus"), help="thư mục văn bản nguồn")
    parser.add_argument("--milvus", default=os.environ.get("RAG_MILVUS"), help="chỉ mục trong Milvus: tệp .db (Milvus Lite) hoặc http://máy-chủ:19530")
    parser.add_argument("--collection", default=os.environ.get("RAG_MILVUS_NAME", "rag"), help="tên chỉ mục trong Milvus")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=7860)
    parser.add_argument("--share-network", action="store_true", help="lắng nghe trên 0.0.0.0 (mọi máy trong mạng)")
    args = parser.parse_args(argv)
    milvus = MilvusTarget(args.milvus, args.collection, os.environ.get("RAG_MILVUS_TOKEN", "")) if args.milvus else None
    try:
        index = open_index(args.index, args.corpus, milvus)
    except RagError as err:
        sys.exit(f"Lỗi: {err}")
    host = "0.0.0.0" if args.share_network else args.host
    print(f"Mở http://{'127.0.0.1' if host == '0.0.0.0' else host}:{args.port}/ trong trình duyệt.", file=sys.stderr)
    uvicorn.run(create_server(index, index_dir=args.index, corpus_dir=args.corpus, publish=milvus.publish if milvus else None), host=host, port=args.port, log_level="warning")


if __name__ == "__main__":
    main()
