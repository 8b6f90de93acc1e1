"""Serving the app: the sign-in and JSON routes beside the Gradio page, and ``main`` for
``python app.py`` / ``rag serve`` (build the index when it is missing or older than the corpus).

    python -m rag.ui.server [--index index] [--corpus corpus] [--host 127.0.0.1] [--port 7860] [--share-network]
                            [--accounts users.json] [--no-auth] [--session-hours 8]

With accounts everyone signs in. Without them the app stays open on localhost, as it always was,
and refuses to listen beyond it unless ``--no-auth`` says that is meant.
"""

from __future__ import annotations

import argparse
import ipaddress
import os
import sys
from pathlib import Path

import gradio as gr
import uvicorn
from fastapi import FastAPI

from ..access.guard import Guard, access_files
from ..access.limits import SEARCHES_PER_MINUTE, UPLOADS_PER_HOUR, Limits
from ..access.sessions import SESSION_HOURS
from ..backends.milvus.sync import MilvusTarget
from ..documents.reader import MAX_FILE_BYTES
from ..errors import IndexNotFoundError, RagError, StaleIndexError
from ..ingest import Publish
from ..search.facade import SearchIndex
from ..store.corpus import check_fresh
from . import auth, style
from .api import install_api
from .page import build_app
from .progress import STAGES_VI, Bars
from .state import LiveIndex


def create_server(
    index: SearchIndex,
    *,
    index_dir: str | Path | None = None,
    corpus_dir: str | Path | None = None,
    publish: Publish | None = None,
    guard: Guard | None = None,
) -> FastAPI:
    """The sign-in and JSON routes first, then the Gradio page mounted at "/" (it would shadow later routes).

    Uploads need ``index_dir`` and ``corpus_dir``; without them the page only searches. Without a
    ``guard`` the app is open (no sign-in, no audit log), as on localhost without accounts.
    """
    guard = guard or Guard(None)
    live = LiveIndex(index, index_dir, corpus_dir, publish)
    server = FastAPI(title="Tra cứu văn bản chỉ đạo")
    auth.install(server, guard)
    install_api(server, live, guard)
    return gr.mount_gradio_app(
        server, build_app(live, guard), path="/", css=style.PAGE_CSS, footer_links=["api"], max_file_size=MAX_FILE_BYTES,
        auth_dependency=None if guard.open else auth.gradio_user(guard),
    )


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
        # Searchable first: the app opens on the lexical side and embeds in the background (not for Milvus).
        built = SearchIndex.build(corpus_dir, index_dir, progress=Bars(STAGES_VI), embed="now" if milvus else "later")
        return milvus.publish(built, progress=Bars(STAGES_VI)) if milvus else built


def is_loopback(host: str) -> bool:
    """Only this machine can connect: 127.0.0.0/8, ::1 or the name localhost."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def guard_for(
    host: str, index_dir: str | Path, accounts: str | Path | None = None, *, no_auth: bool = False,
    session_hours: float = SESSION_HOURS, limits: Limits | None = None,
) -> Guard:
    """Sign-in when there are accounts; open on localhost without them; beyond it, only with ``no_auth``."""
    store, audit = access_files(index_dir, accounts)
    limits = limits or Limits()
    if no_auth:
        print(
            "Cảnh báo: --no-auth: không cần đăng nhập; ai vào được cổng này cũng tìm, thêm và xóa được văn bản "
            f"(nhật ký {audit.path} không biết là ai).",
            file=sys.stderr,
        )
        return Guard(None, audit, limits=limits)
    if store.is_empty():
        if not is_loopback(host):
            raise RagError(
                f"ứng dụng sẽ nhận kết nối từ mạng (--host {host}) nhưng chưa có tài khoản nào trong '{store.path}', "
                "nên ai vào được cổng này cũng thêm, xóa được văn bản. Hãy tạo một tài khoản quản trị trước:\n"
                f"    rag user add TÊN --role admin --index {index_dir}\n"
                "rồi chạy lại (mọi người sẽ phải đăng nhập); hoặc thêm --no-auth nếu cố ý mở cho mọi người."
            )
        return Guard(None, audit)  # localhost, one user: as before, no limits
    if not store.has_users():
        print(f"Cảnh báo: '{store.path}' chỉ có mã truy cập, chưa có tài khoản: chưa ai đăng nhập được vào trang.", file=sys.stderr)
    return Guard(store, audit, session_hours=session_hours, limits=limits)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Giao diện web tra cứu văn bản chỉ đạo.")
    parser.add_argument("--index", default=os.environ.get("RAG_INDEX", "index"), help="thư mục chỉ mục")
    parser.add_argument("--corpus", default=os.environ.get("RAG_CORPUS", "corpus"), help="thư mục văn bản nguồn")
    parser.add_argument("--milvus", default=os.environ.get("RAG_MILVUS"), help="chỉ mục trong Milvus: tệp .db (Milvus Lite) hoặc http://máy-chủ:19530")
    parser.add_argument("--collection", default=os.environ.get("RAG_MILVUS_NAME", "rag"), help="tên chỉ mục trong Milvus")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=7860)
    parser.add_argument("--share-network", action="store_true", help="lắng nghe trên 0.0.0.0 (mọi máy trong mạng)")
    parser.add_argument("--accounts", default=os.environ.get("RAG_ACCOUNTS"), help="tệp tài khoản (mặc định: users.json cạnh thư mục chỉ mục)")
    parser.add_argument("--no-auth", action="store_true", help="không cần đăng nhập, kể cả khi mở ra mạng (không khuyến nghị)")
    parser.add_argument("--session-hours", type=float, default=SESSION_HOURS, help="phiên đăng nhập hết hạn sau bấy nhiêu giờ")
    parser.add_argument("--searches-per-minute", type=int, default=SEARCHES_PER_MINUTE, help="số lượt tìm tối đa mỗi người mỗi phút (0: không giới hạn)")
    parser.add_argument("--uploads-per-hour", type=int, default=UPLOADS_PER_HOUR, help="số lần thêm/xóa văn bản tối đa mỗi người mỗi giờ (0: không giới hạn)")
    args = parser.parse_args(argv)
    milvus = MilvusTarget(args.milvus, args.collection, os.environ.get("RAG_MILVUS_TOKEN", "")) if args.milvus else None
    host = "0.0.0.0" if args.share_network else args.host
    try:
        limits = Limits(args.searches_per_minute, args.uploads_per_hour)
        guard = guard_for(host, args.index, args.accounts, no_auth=args.no_auth, session_hours=args.session_hours, limits=limits)  # before the slow index
        index = open_index(args.index, args.corpus, milvus)
    except RagError as err:
        sys.exit(f"Lỗi: {err}")
    print(f"Mở http://{'127.0.0.1' if host == '0.0.0.0' else host}:{args.port}/ trong trình duyệt.", file=sys.stderr)
    if not guard.open:
        print("Cần đăng nhập: tài khoản trong " + str(guard.accounts.path) + " ('rag user list').", file=sys.stderr)
    app = create_server(index, index_dir=args.index, corpus_dir=args.corpus, publish=milvus.publish if milvus else None, guard=guard)
    uvicorn.run(app, host=host, port=args.port, log_level="warning")


if __name__ == "__main__":
    main()
