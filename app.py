"""Giao diện web tra cứu văn bản chỉ đạo: a thin Gradio shell over ``rag.SearchIndex``.

    python app.py [--index index] [--corpus corpus] [--host 127.0.0.1] [--port 7860] [--share-network]

Serves the page at ``/`` and a JSON endpoint at ``GET /api/search?q=…&k=…[&doc=…]``.
Every retrieval decision is the engine's; this file only presents hits.
"""

from __future__ import annotations

import argparse
import html
import os
import re
import sys
import threading
from itertools import groupby
from pathlib import Path

import gradio as gr
import uvicorn
from fastapi import FastAPI
from fastapi.responses import JSONResponse

from rag import Citation, Hit, IndexNotFoundError, RagError, SearchIndex, StaleIndexError
from rag.normalize import fold_diacritics, has_diacritics, unify_tone_marks
from rag.tokens import QUESTION_WORDS

EXAMPLE = "Ai chủ trì tổ chức hội nghị học tập chuyên đề cấp tỉnh?"
ALL_DOCS = "__all__"
FILTER_POOL = 200  # hits fetched before keeping one document's: the engine has no filter yet
MAX_K = 50
_lock = threading.Lock()  # one search at a time: the Gradio queue and the JSON route share the index

PAGE_CSS = """
.gradio-container { max-width: 960px !important; margin: 0 auto !important; }
#search-btn { align-self: flex-end; min-height: 48px; margin-bottom: 10px; }
@media (max-width: 640px) { .gradio-container { padding: 8px !important; } #search-btn { align-self: stretch; margin: 0; } }
"""
CARD_CSS = """
.msg { padding: 12px 14px; border-radius: 8px; background: #f1f5f9; color: #1e293b; line-height: 1.5; }
.msg.error { background: #fef2f2; color: #991b1b; }
.msg.note { background: #fffbeb; color: #78350f; margin-bottom: 10px; }
.card { border: 1px solid #d0d7de; border-radius: 10px; padding: 12px 14px; margin: 0 0 12px;
        background: #fff; color: #1f2328; overflow-wrap: anywhere; }
.card h3 { margin: 0 0 2px; font-size: 1.05rem; }
.card .doc-title { margin: 0 0 6px; color: #57606a; font-size: .9rem; }
.card .meta { display: flex; flex-wrap: wrap; gap: 4px 14px; font-size: .85rem; color: #57606a; margin-bottom: 6px; }
.card .section { font-size: .85rem; color: #0b5394; margin-bottom: 8px; }
.card .text { line-height: 1.6; white-space: pre-wrap; }
.card mark { background: #fde68a; color: inherit; padding: 0 2px; border-radius: 3px; }
.card .cite { margin-top: 10px; padding-top: 8px; border-top: 1px dashed #d0d7de; font-size: .85rem; color: #3d444d; }
"""

# --- formatting -------------------------------------------------------------------------------

_WORD = re.compile(r"(\w+)")
_EMPHASIS = re.compile(r"\*\*(.+?)\*\*|\*(.+?)\*", re.S)


def _key(word: str) -> str:
    return unify_tone_marks(word.lower())


def query_terms(query: str) -> tuple[set[str], set[str]]:
    """Words to mark: accented ones match exactly, ones typed without diacritics match folded."""
    words = [_key(w) for w in _WORD.findall(query) if _key(w) not in QUESTION_WORDS]
    exact = {w for w in words if has_diacritics(w)}
    return exact, {w for w in words if not has_diacritics(w)}


def _matches(word: str, terms: tuple[set[str], set[str]]) -> bool:
    exact, folded = terms
    key = _key(word)
    return key in exact or fold_diacritics(key) in folded


def highlight(text: str, terms: tuple[set[str], set[str]]) -> str:
    """Escape ``text`` and wrap the query's words in <mark>; neighbouring words share one mark."""
    pieces = _WORD.split(text)  # odd indexes are words, even ones what lies between
    hit = [i % 2 == 1 and _matches(p, terms) for i, p in enumerate(pieces)]
    for i in range(2, len(pieces) - 1, 2):
        hit[i] = hit[i - 1] and hit[i + 1] and pieces[i].isspace()
    runs = groupby(zip(hit, pieces, strict=True), key=lambda pair: pair[0])
    chunks = [(marked, "".join(html.escape(piece) for _, piece in run)) for marked, run in runs]
    return "".join(f"<mark>{chunk}</mark>" if marked else chunk for marked, chunk in chunks)


def render_text(text: str, terms: tuple[set[str], set[str]]) -> str:
    """The passage's markdown emphasis as <strong>/<em>, its words highlighted, all escaped."""
    out, pos = [], 0
    for m in _EMPHASIS.finditer(text):
        tag = "strong" if m.group(1) is not None else "em"
        out += [highlight(text[pos : m.start()], terms), f"<{tag}>{highlight(m.group(1) or m.group(2), terms)}</{tag}>"]
        pos = m.end()
    return "".join(out) + highlight(text[pos:], terms)


def format_date(iso: str) -> str:
    """"2022-02-14" → "ngày 14/02/2022"; "2022-02" → "tháng 02/2022"; "2022" → "năm 2022"."""
    parts = iso.split("-") if iso else []
    return f"{('năm', 'tháng', 'ngày')[len(parts) - 1]} {'/'.join(reversed(parts))}" if 1 <= len(parts) <= 3 else iso


def line_span(hit: Hit) -> str:
    start, end = hit.passage.line_start, hit.passage.line_end
    return f"dòng {start}" if start == end else f"dòng {start}–{end}"


def render_card(hit: Hit, terms: tuple[set[str], set[str]]) -> str:
    c, e = hit.citation, html.escape
    meta = [f"#{hit.rank}", c.issuer, format_date(c.date).capitalize(), line_span(hit), c.file]
    return (
        f'<article class="card" data-doc="{e(c.file)}">'
        f"<h3>{e(c.document_name)}</h3>"
        + (f'<p class="doc-title">{e(c.title)}</p>' if c.title else "")
        + '<div class="meta">' + "".join(f"<span>{e(m)}</span>" for m in meta if m) + "</div>"
        f'<div class="section">Mục: {e(hit.passage.section_label or "(phần đầu văn bản)")}</div>'
        f'<div class="text">{render_text(hit.text, terms)}</div>'
        f'<div class="cite"><b>Trích dẫn:</b> {e(str(c))}</div></article>'
    )


def message(text: str, kind: str = "info") -> str:
    return f'<div class="msg {kind}">{html.escape(text)}</div>'


def render_results(hits: list[Hit], query: str) -> str:
    if not hits:
        return message(
            "Không tìm thấy đoạn văn nào. Hãy thử: dùng ít từ hơn, gõ tiếng Việt có dấu, "
            "chọn “Tất cả văn bản” ở bộ lọc, hoặc tăng số kết quả.",
            "note",
        )
    note = ""
    if all(h.lexical_score <= 0 for h in hits):
        note = message(
            "Không đoạn nào chứa đúng các từ đã nhập; dưới đây là các đoạn gần nghĩa nhất. "
            "Hãy thử từ khóa khác hoặc số hiệu văn bản (vd. 45-KH/TU).",
            "note",
        )
    terms = query_terms(query)
    return note + "".join(render_card(h, terms) for h in hits)


# --- searching (delegated) ----------------------------------------------------------------------


def find_hits(index: SearchIndex, query: str, k: int, doc: str = ALL_DOCS) -> list[Hit]:
    """The engine's top ``k``; with a document chosen, its best among a wider pool."""
    k = max(1, min(int(k), MAX_K))
    with _lock:
        if not doc or doc == ALL_DOCS:
            return index.search(query, k=k)
        return [h for h in index.search(query, k=FILTER_POOL) if h.passage.doc_id == doc][:k]


def search_page(index: SearchIndex, query: str, k: float, doc: str | None) -> str:
    if not (query or "").strip():
        return message(f"Hãy nhập câu hỏi hoặc vài từ khóa, ví dụ: “{EXAMPLE}”")
    try:
        return render_results(find_hits(index, query, int(k), doc or ALL_DOCS), query)
    except RagError as err:
        return message(f"Không tìm được: {err}", "error")


def document_choices(index: SearchIndex) -> list[tuple[str, str]]:
    choices = [("Tất cả văn bản", ALL_DOCS)]
    for doc_id, meta in sorted(index.documents.items()):
        title = meta.title if len(meta.title) <= 60 else meta.title[:59] + "…"
        name = Citation(doc_id, meta.doc_type, meta.number, "", "", "", "", 0, 0).document_name
        choices.append((f"{name} — {title} · {doc_id}", doc_id))
    return choices


# --- app ----------------------------------------------------------------------------------------


def build_app(index: SearchIndex) -> gr.Blocks:
    with gr.Blocks(title="Tra cứu văn bản chỉ đạo", analytics_enabled=False) as demo:
        gr.Markdown("## Tra cứu văn bản chỉ đạo\nĐặt câu hỏi bằng tiếng Việt; mỗi kết quả kèm mục, dòng và dòng trích dẫn.")
        with gr.Row():
            query = gr.Textbox(label="Câu hỏi hoặc từ khóa", placeholder=f"Ví dụ: {EXAMPLE}", scale=5, min_width=240, elem_id="query")
            button = gr.Button("Tìm kiếm", variant="primary", scale=1, min_width=120, elem_id="search-btn")
        with gr.Row():
            k = gr.Slider(1, MAX_K, value=10, step=1, label="Số kết quả", min_width=200, elem_id="k")
            doc = gr.Dropdown(document_choices(index), value=ALL_DOCS, label="Lọc theo văn bản", scale=2, min_width=240, elem_id="doc-filter")
        results = gr.HTML(message("Nhập câu hỏi rồi bấm “Tìm kiếm” hoặc Enter."), css_template=CARD_CSS, js_on_load=None, elem_id="results")

        def search(query: str, k: float, document: str) -> str:
            return search_page(index, query, k, document)

        gr.on([query.submit, button.click, doc.change], search, inputs=[query, k, doc], outputs=results, api_name="search")
    return demo


def create_server(index: SearchIndex) -> FastAPI:
    """The JSON route first, then the Gradio page mounted at "/" (it would shadow later routes)."""
    server = FastAPI(title="Tra cứu văn bản chỉ đạo")

    @server.get("/api/search")
    def api_search(q: str = "", k: str = "10", doc: str = ALL_DOCS) -> JSONResponse:
        if not q.strip():
            return _bad_request("Tham số q (câu hỏi) đang trống.")
        if not k.isdigit() or not 1 <= int(k) <= MAX_K:
            return _bad_request(f"Tham số k phải là số nguyên từ 1 đến {MAX_K}.")
        if doc != ALL_DOCS and doc not in index.documents:
            return _bad_request(f"Không có văn bản '{doc}' trong chỉ mục.")
        try:
            return JSONResponse({"query": q, "results": [h.to_dict() for h in find_hits(index, q, int(k), doc)]})
        except RagError as err:
            return _bad_request(str(err))

    return gr.mount_gradio_app(server, build_app(index), path="/", css=PAGE_CSS, footer_links=["api"])


def _bad_request(text: str) -> JSONResponse:
    return JSONResponse({"error": text}, status_code=400)


def _progress(stage: str, done: int, total: int) -> None:
    label = {"read": "Đọc văn bản", "embed": "Mã hóa đoạn văn"}.get(stage, stage)
    filled = 30 * done // max(total, 1)
    print(f"\r{label:<16} [{'#' * filled}{'.' * (30 - filled)}] {done}/{total}", end="\n" if done >= total else "", file=sys.stderr, flush=True)


def open_index(index_dir: str, corpus_dir: str) -> SearchIndex:
    """Load the index; build it from the corpus when it is missing or older than the corpus."""
    try:
        return SearchIndex.load(index_dir, corpus_dir=corpus_dir if Path(corpus_dir).is_dir() else None)
    except (IndexNotFoundError, StaleIndexError) as err:
        reason = "chưa có chỉ mục" if isinstance(err, IndexNotFoundError) else "văn bản nguồn đã thay đổi"
        print(f"Đang xây dựng chỉ mục '{index_dir}' từ '{corpus_dir}' ({reason})…", file=sys.stderr)
        return SearchIndex.build(corpus_dir, index_dir, progress=_progress)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Giao diện web tra cứu văn bản chỉ đạo.")
    parser.add_argument("--index", default=os.environ.get("RAG_INDEX", "index"), help="thư mục chỉ mục")
    parser.add_argument("--corpus", default=os.environ.get("RAG_CORPUS", "corpus"), help="thư mục văn bản nguồn")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=7860)
    parser.add_argument("--share-network", action="store_true", help="lắng nghe trên 0.0.0.0 (mọi máy trong mạng)")
    args = parser.parse_args(argv)
    try:
        index = open_index(args.index, args.corpus)
    except RagError as err:
        sys.exit(f"Lỗi: {err}")
    host = "0.0.0.0" if args.share_network else args.host
    print(f"Mở http://{'127.0.0.1' if host == '0.0.0.0' else host}:{args.port}/ trong trình duyệt.", file=sys.stderr)
    uvicorn.run(create_server(index), host=host, port=args.port, log_level="warning")


if __name__ == "__main__":
    main()
