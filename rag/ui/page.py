"""The Gradio page: four tabs (search, document, similar wording, upload) and their events.

With sign-in the page is the same for everyone until it loads; then it shows who is signed in and
the upload tab only to editors and admins. The upload handler checks the role again: hiding a tab
stops nobody who calls the event directly.
"""

from __future__ import annotations

import html
from types import SimpleNamespace

import gradio as gr

from ..access.guard import Guard
from ..documents.reader import READERS
from ..text.normalize import strip_markdown
from . import audit_view, auth, relations, style, views
from .filters import ALL, Choices
from .handlers import (
    MAX_K,
    context_view,
    draft_view,
    locate,
    precedent_view,
    relations_view,
    search_page,
    search_view,
    upload_document,
)
from .state import LiveIndex


def build_app(live: LiveIndex, guard: Guard | None = None) -> gr.Blocks:
    """Four tabs, then their events. Handlers read ``live.index`` when they run, so an upload
    is seen by every tab at once."""
    guard = guard or Guard(None)
    ui = SimpleNamespace()  # the components, shared by the layout and the wiring below
    with gr.Blocks(title="Tra cứu văn bản chỉ đạo", analytics_enabled=False, delete_cache=(3600, 3600)) as demo:
        with gr.Row():
            gr.Markdown("## Tra cứu văn bản chỉ đạo\nĐặt câu hỏi bằng tiếng Việt; mỗi kết quả kèm mục, dòng và dòng trích dẫn.")
            ui.who = gr.HTML("", elem_id="signed-in", visible=not guard.open)
        ui.embedding = gr.HTML(_embedding_note(live), css_template=style.VIEW_CSS, elem_id="embedding-note")
        with gr.Tabs(overflow_behavior="wrap") as ui.tabs:  # a menu would hide tabs on a phone
            _search_tab(ui, live.choices)
            _document_tab(ui)
            _precedent_tab(ui, live.choices)
            _upload_tab(ui, live, visible=guard.open)
            if not guard.open:
                _audit_tab(ui, guard)
        _wire_search(ui, live, guard)
        _wire_cards(ui, live)
        _wire_upload(ui, live, guard)
        # The background embedding's progress, every few seconds (empty once every passage has a vector).
        gr.Timer(3).tick(lambda: _embedding_note(live), outputs=ui.embedding, show_progress="hidden", api_visibility="undocumented")
        if not guard.open:

            def signed_in(request: gr.Request):  # the annotation is how Gradio knows to pass the request
                return _signed_in(guard, request)

            demo.load(signed_in, outputs=[ui.who, ui.upload_tab, ui.audit_tab, ui.audit], api_visibility="undocumented")

        @gr.api(api_name="search")
        def search_api(query: str, k: float = 10, doc: str = ALL, issuer: str = ALL, year: str = ALL, body: str = ALL, period: str = ALL) -> str:
            """The results panel as HTML, for gradio_client: the page's search without the page."""
            return search_page(live.index, query, k, doc, issuer, year, body, period)

    return demo


def _embedding_note(live: LiveIndex) -> str:
    note = live.embedding.note()
    return views.message(note, "info") if note else ""


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


def _signed_in(guard: Guard, request: gr.Request):
    """Who is signed in (with a link to sign out), and the upload tab for those who may upload."""
    principal = guard.principal(request.username)
    if principal is None:
        return gr.HTML(""), gr.Tab(visible=False), gr.Tab(visible=False), ""
    who = f'<p class="signed-in" style="text-align:right">{html.escape(principal.name)} ({principal.role.label}) · <a href="{auth.SIGN_OUT}">Đăng xuất</a></p>'
    admin = principal.may("audit")
    log = audit_view.render_audit(guard.audit.last(audit_view.SHOWN)) if admin and guard.audit else ""
    return gr.HTML(who), gr.Tab(visible=principal.may("upload")), gr.Tab(visible=admin), log


def _audit_tab(ui: SimpleNamespace, guard: Guard) -> None:
    """Admins only: shown by the load event, and the reload refuses anyone else."""
    with gr.Tab("Nhật ký", id="audit", visible=False) as ui.audit_tab:
        ui.audit_btn = gr.Button("Tải lại nhật ký", size="sm", elem_id="audit-btn")
        ui.audit = gr.HTML("", css_template=style.VIEW_CSS + AUDIT_CSS, elem_id="audit-log")

    def reload(request: gr.Request) -> str:
        principal = guard.principal(request.username)
        if principal is None or not principal.may("audit"):
            guard.refused(principal, "audit", via="page", ip=_client(request))
            return views.message("Chỉ quản trị viên được xem nhật ký.", "error")
        return audit_view.render_audit(guard.audit.last(audit_view.SHOWN)) if guard.audit else ""

    ui.audit_btn.click(reload, outputs=ui.audit, api_visibility="undocumented")


AUDIT_CSS = "table.audit { border-collapse: collapse; font-size: .85rem; } table.audit td, table.audit th { border-bottom: 1px solid #e4e7eb; padding: 4px 8px; text-align: left; vertical-align: top; }"


def _upload_tab(ui: SimpleNamespace, live: LiveIndex, *, visible: bool) -> None:
    with gr.Tab("Thêm văn bản", id="upload", visible=visible) as ui.upload_tab:
        kinds = sorted(READERS)  # whatever formats the engine reads
        gr.Markdown(
            f"Thêm một hay nhiều văn bản ({', '.join(kinds)}) vào kho: chỉ mục được cập nhật một lần, tìm được ngay; "
            "các đoạn mới được mã hóa ở nền. Tệp không đọc được bị từ chối kèm lý do, các tệp khác vẫn được thêm."
        )
        ui.file = gr.File(label="Tệp văn bản", file_types=kinds, file_count="multiple", type="filepath", elem_id="upload-file")
        ui.replace = gr.Checkbox(label="Thay thế văn bản cùng tên nếu đã có", value=False)
        ui.upload = gr.Button("Thêm vào kho và cập nhật chỉ mục", variant="primary", elem_id="upload-btn", interactive=live.corpus_dir is not None)
        ui.status = gr.HTML("", css_template=style.VIEW_CSS, elem_id="upload-status")


def _client(request: gr.Request) -> str | None:
    return request.client.host if request.client else None


def _wire_search(ui: SimpleNamespace, live: LiveIndex, guard: Guard) -> None:
    """Any filter change searches again: the cards always match what the filters show."""

    def search(query, k, doc, issuer, year, body, period, request: gr.Request):
        principal = guard.principal(request.username)
        if principal is not None and (refused := guard.over_limit(principal, "search", _client(request))):
            return views.message(refused[0], "error"), gr.DownloadButton(visible=False), gr.DownloadButton(visible=False)
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


def _wire_upload(ui: SimpleNamespace, live: LiveIndex, guard: Guard) -> None:
    """One upload at a time; afterwards every filter offers what the new index contains."""

    def upload(path, replace, request: gr.Request, progress=gr.Progress()):  # noqa: B008 - Gradio's way to ask for a progress bar
        principal = guard.principal(request.username)
        if principal is None or not principal.may("upload"):
            guard.refused(principal, "upload", via="page", ip=_client(request))
            status = views.message("Tài khoản của bạn không được thêm văn bản. Hãy nhờ quản trị viên cấp vai trò biên tập viên.", "error")
        elif path and (refused := guard.over_limit(principal, "upload", _client(request))):
            status = views.message(refused[0], "error")
        else:
            status = upload_document(live, path, replace, progress, who=principal.id, audit=guard.audit)
        c = live.choices
        return status, *(gr.Dropdown(choices=choices) for choices in (c.docs, c.issuers, c.years, c.bodies, c.periods, c.exclusions))

    outputs = [ui.status, ui.doc, ui.issuer, ui.year, ui.body, ui.period, ui.exclude]
    ui.upload.click(upload, inputs=[ui.file, ui.replace], outputs=outputs, concurrency_limit=1, api_visibility="undocumented")
