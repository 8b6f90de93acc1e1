"""What each action of the page shows: a search, a document at a passage, its relations, a drafted
basis, similar wording, an upload. Plain functions of a ``SearchIndex`` returning HTML (the views
render it), so the page, the JSON route and the tests call the same code.
"""

from __future__ import annotations

import re
import threading
from pathlib import Path

from ..access.audit import AuditLog
from ..access.changes import add_many_audited
from ..access.roles import OPEN
from ..errors import QueryError, RagError
from ..records import Hit
from ..search.answers import Answer
from ..search.facade import SearchIndex
from ..search.filters import SearchFilter
from . import relations, uploads, views
from .filters import ALL, make_filter
from .state import LiveIndex

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


def upload_document(
    live: LiveIndex, path: str | list[str] | None, replace: bool, progress=None, *, who: str = OPEN.id, audit: AuditLog | None = None
) -> str:
    """Add the file or files through ``rag.ingest`` (logged as ``who``) in one rebuild and swap the
    new index in; the message lists the files taken and those refused, with the reason for each."""
    if live.corpus_dir is None or live.index_dir is None:
        return views.message("Chức năng này cần khởi động ứng dụng với --index và --corpus.", "error")
    paths = [p for p in ([path] if isinstance(path, str) else path or []) if p]
    if not paths:
        return views.message("Hãy chọn một tệp văn bản trước.", "note")

    def report(stage: str, done: int, total: int) -> None:
        if progress is not None:  # not "if progress": a gr.Progress has a length, 0 until it tracks an iterable
            progress((done, total), desc=uploads.STAGES.get(stage, stage))

    report("model", 0, 1)  # the first upload loads the embedding model: seconds with nothing else to show
    try:
        index, taken, refused = add_many_audited(
            audit, who, "page", live.index_dir, live.corpus_dir, paths, replace=replace, embedder=live.index.embedder, progress=report,
            publish=live.publish, embed=live.embed_mode,
        )  # fmt: skip
    except Exception as err:  # every failure leaves corpus and index as they were: say so, keep serving
        return views.message(uploads.upload_error(", ".join(Path(p).name for p in paths), err), "error")
    if index is not None:
        live.replace(index)
    return uploads.upload_outcome(index, taken, refused)
