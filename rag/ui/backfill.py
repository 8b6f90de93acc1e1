"""The app's background embedding: while the served index lacks vectors, a thread fills them in
(``rag.search.backfill``) and swaps the complete index in; the page shows how far it is.

The thread sleeps until the live index changes. An upload rebuilds the index while it embeds:
its part is then refused (the build holds the lock, or has replaced the folder), and the thread
goes on with the index the upload publishes, whose build reused every part already written.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import Any, Protocol

from ..search.backfill import FillInterrupted, fill_vectors
from ..search.facade import SearchIndex

logger = logging.getLogger(__name__)


class Served(Protocol):
    """What the filler needs of ``rag.ui.state.LiveIndex`` (which owns it)."""

    index: SearchIndex
    index_dir: str | Path | None
    publish: Any

    def replace(self, index: SearchIndex) -> None: ...


class BackgroundFill:
    def __init__(self, live: Served) -> None:
        self.live = live
        self.done = 0  # passages embedded of ``total`` in the current fill
        self.total = 0
        self.error = ""  # the last failure, shown on the page
        self._changed = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def index_changed(self) -> None:
        """Called by ``LiveIndex.replace``: start (or wake) the thread when the index needs vectors."""
        if self.live.index_dir is None or self.live.publish is not None:  # Milvus holds complete vectors only
            return
        self._changed.set()
        if self._thread is None and not self.live.index.status().complete:
            self._thread = threading.Thread(target=self._run, name="rag-embedding", daemon=True)
            self._thread.start()

    def stop(self, timeout: float | None = None) -> None:
        """Stop after the part being embedded (it is kept)."""
        self._stop.set()
        self._changed.set()
        if self._thread is not None:
            self._thread.join(timeout)

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive() and not self.live.index.status().complete

    def note(self) -> str:
        """One line for the page while the meaning search does not cover everything; "" when it does."""
        status = self.live.index.status()
        if status.complete:
            return ""
        # the fill counts over the passages its build left pending; the loaded index, what it had then
        done = status.passages - self.total + self.done if self.total else status.embedded
        line = (
            f"Tìm theo từ khóa trên toàn bộ {status.passages} đoạn; tìm theo nghĩa mới có {done}/{status.passages} đoạn "
            f"({done / max(status.passages, 1):.0%}), phần còn lại đang được mã hóa ở nền."
        )
        return line + (f" Lỗi lần trước: {self.error}" if self.error else "")

    def _report(self, stage: str, done: int, total: int) -> None:
        if stage == "embed":
            self.done, self.total = done, total

    def _run(self) -> None:
        while not self._stop.is_set():
            self._changed.wait()
            self._changed.clear()
            index = self.live.index
            if self._stop.is_set() or index.status().complete:
                continue
            self.done, self.total = 0, 0
            try:
                fill_vectors(self.live.index_dir, embedder=index.embedder, progress=self._report, stop=self._stop)
                filled = SearchIndex.load(self.live.index_dir, embedder=index.embedder)
            except FillInterrupted as why:  # stopped, or an upload is rebuilding: its replace() wakes us
                logger.info("background embedding paused: %s", why)
                continue
            except Exception as err:  # shown on the page; the next index change tries again
                logger.exception("background embedding failed")
                self.error = str(err)
                continue
            self.error = ""
            if filled.manifest.get("build_id") == self.live.index.manifest.get("build_id"):
                self.live.replace(filled)
