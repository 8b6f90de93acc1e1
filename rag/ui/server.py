"""Serving the app: the JSON route ``GET /api/search`` beside the Gradio page, and ``main`` for
``python app.py`` / ``rag serve`` (build the index when it is missing or older than the corpus).

    python -m rag.ui.server [--index index] [--corpus corpus] [--host 127.0.0.1] [--port 7860] [--share-network]
"""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import asdict
from pathlib import Path

import gradio as gr
import uvicorn
from fastapi import FastAPI
from fastapi.responses import JSONResponse

from ..backends.milvus.sync import MilvusTarget
from ..documents.reader import MAX_FILE_BYTES
from ..errors import IndexNotFoundError, RagError, StaleIndexError
from ..ingest import Publish
from ..search.facade import SearchIndex
from ..store.corpus import check_fresh
from . import style
from .filters import ALL, make_filter
from .handlers import MAX_K, run_search
from .page import build_app
from .progress import STAGES_VI, Bars
from .state import LiveIndex


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
        built = SearchIndex.build(corpus_dir, index_dir, progress=Bars(STAGES_VI))
        return milvus.publish(built, progress=Bars(STAGES_VI)) if milvus else built


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
