"""The JSON routes for tools: search, add and remove a document, the audit log, who am I.

Each route asks ``auth.require`` first (401 without a session or token, 403 for an action the role
may not take); with an open app everyone passes, as before.
"""

from __future__ import annotations

import math
import shutil
import tempfile
from dataclasses import asdict
from pathlib import Path

from fastapi import FastAPI, Request, UploadFile
from fastapi.responses import JSONResponse

from ..access.changes import add_audited, remove_audited
from ..access.guard import Guard
from ..access.roles import Principal
from ..documents.reader import MAX_FILE_BYTES
from ..errors import RagError
from ..search.articles import group_by_article
from .auth import client_of, require
from .filters import ALL, make_filter
from .handlers import MAX_K, run_search
from .state import LiveIndex


def bad_request(text: str, status: int = 400) -> JSONResponse:
    return JSONResponse({"error": text}, status_code=status)


def _limited(guard: Guard, who: Principal, what: str, request: Request) -> JSONResponse | None:
    refused = guard.over_limit(who, what, client_of(request))
    if refused is None:
        return None
    message, wait = refused
    return JSONResponse({"error": message}, status_code=429, headers={"Retry-After": str(max(1, math.ceil(wait)))})


def install_api(server: FastAPI, live: LiveIndex, guard: Guard) -> None:
    @server.get("/api/search")
    def api_search(
        request: Request, q: str = "", k: str = "10", doc: str = ALL, issuer: str = "", year: str = "", body: str = "", due_from: str = "", due_to: str = ""
    ) -> JSONResponse:
        who = require(guard, request, "search")
        if isinstance(who, JSONResponse):
            return who
        if not q.strip():
            return bad_request("Tham số q (câu hỏi) đang trống.")
        if not k.isdigit() or not 1 <= int(k) <= MAX_K:
            return bad_request(f"Tham số k phải là số nguyên từ 1 đến {MAX_K}.")
        if refusal := _limited(guard, who, "search", request):
            return refusal
        try:
            index = live.index
            where = make_filter(index, doc, issuer, year, body, due_from, due_to)
            answer, hits = run_search(index, q, int(k), where)
        except RagError as err:
            return bad_request(str(err))
        filters = {key: value for key, value in asdict(where).items() if value not in (None, "", False)}
        articles = [group.to_dict() for group in group_by_article(hits) if group.article]  # which hits share an article
        return JSONResponse(
            {"query": q, "filters": filters, "answer": asdict(answer) if answer else None, "results": [h.to_dict() for h in hits], "articles": articles}
        )

    @server.get("/api/status")
    def api_status(request: Request) -> JSONResponse:
        """How much of the corpus the meaning search covers while vectors are filled in."""
        who = require(guard, request, "search")
        if isinstance(who, JSONResponse):
            return who
        status = live.index.status()
        return JSONResponse({"passages": status.passages, "embedded": status.embedded, "complete": status.complete,
                             "embedding": live.embedding.running, "note": live.embedding.note()})

    @server.get("/api/me")
    def api_me(request: Request) -> JSONResponse:
        who = require(guard, request, "search")
        if isinstance(who, JSONResponse):
            return who
        return JSONResponse({"name": who.name, "role": who.role.value, "kind": who.kind})

    @server.post("/api/documents")
    def api_add(request: Request, file: UploadFile, replace: bool = False) -> JSONResponse:
        """Add (or with ``replace=true`` replace) one document; the index is rebuilt before the answer."""
        who = require(guard, request, "upload")
        if isinstance(who, JSONResponse):
            return who
        if live.corpus_dir is None or live.index_dir is None:
            return bad_request("Máy chủ này chỉ tra cứu: hãy khởi động với --index và --corpus để thêm văn bản.", 409)
        if refusal := _limited(guard, who, "upload", request):
            return refusal
        with tempfile.TemporaryDirectory(prefix="rag-api-upload-") as folder:
            path = Path(folder) / Path(file.filename or "van-ban.txt").name
            with path.open("wb") as out:
                shutil.copyfileobj(file.file, out, length=1 << 20)
            if path.stat().st_size > MAX_FILE_BYTES:
                return bad_request(f"Tệp lớn hơn {MAX_FILE_BYTES // 2**20} MB: hãy tách văn bản hoặc gửi bản .txt.", 413)
            try:
                index = add_audited(
                    guard.audit, who.id, "api", live.index_dir, live.corpus_dir, path, replace=replace, embedder=live.index.embedder, publish=live.publish, embed=live.embed_mode
                )
            except RagError as err:
                return bad_request(str(err))
        live.replace(index)
        return JSONResponse({"added": path.name, "documents": len(index.documents), "passages": len(index.passages)})

    @server.delete("/api/documents/{name}")
    def api_remove(request: Request, name: str) -> JSONResponse:
        who = require(guard, request, "remove")
        if isinstance(who, JSONResponse):
            return who
        if live.corpus_dir is None or live.index_dir is None:
            return bad_request("Máy chủ này chỉ tra cứu: hãy khởi động với --index và --corpus để xóa văn bản.", 409)
        if refusal := _limited(guard, who, "upload", request):
            return refusal
        try:
            index = remove_audited(guard.audit, who.id, "api", live.index_dir, live.corpus_dir, name, embedder=live.index.embedder, publish=live.publish, embed=live.embed_mode)
        except RagError as err:
            return bad_request(str(err), 404 if name not in live.index.documents else 400)
        live.replace(index)
        return JSONResponse({"removed": name, "documents": len(index.documents)})

    @server.get("/api/audit")
    def api_audit(request: Request, last: int = 100) -> JSONResponse:
        who = require(guard, request, "audit")
        if isinstance(who, JSONResponse):
            return who
        return JSONResponse({"entries": guard.audit.last(max(1, last)) if guard.audit else []})
