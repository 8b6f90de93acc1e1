"""The state the web app serves: the index with its filter choices, and each session's exports."""

from __future__ import annotations

import hashlib
import shutil
import tempfile
import weakref
from pathlib import Path

from ..ingest import Publish
from ..search.facade import SearchIndex
from .backfill import BackgroundFill
from .filters import Choices


class LiveIndex:
    """The index every handler reads, with its filter choices; an upload replaces both at once.

    A handler takes ``live.index`` once, so a swap in the middle of its work cannot mix two indexes.
    """

    def __init__(
        self, index: SearchIndex, index_dir: str | Path | None = None, corpus_dir: str | Path | None = None, publish: Publish | None = None
    ) -> None:
        self.index_dir, self.corpus_dir = index_dir, corpus_dir
        self.publish = publish  # with Milvus: copies an update there and returns the Milvus-backed index
        self._exports: Path | None = None
        self._cleanup: weakref.finalize | None = None
        self.embedding = BackgroundFill(self)  # fills in the vectors of an index built to be searchable soon
        self.replace(index)

    def replace(self, index: SearchIndex) -> None:
        self.index, self.choices = index, Choices.of(index)
        self.embedding.index_changed()

    @property
    def embed_mode(self) -> str:
        """How uploads rebuild: save first and embed the new passages in the background, except for
        Milvus, which takes complete vectors only."""
        return "now" if self.publish is not None else "later"

    def close(self) -> None:
        """Remove the exported files; the process's exit does it too."""
        if self._cleanup is not None:
            self._cleanup()

    def export_folder(self, session: str) -> Path:
        """Where one browser session's CSV/DOCX go: its next search overwrites them, never another's."""
        if self._exports is None:
            self._exports = Path(tempfile.mkdtemp(prefix="rag-app-exports-"))
            self._cleanup = weakref.finalize(self, shutil.rmtree, self._exports, ignore_errors=True)  # runs at exit at the latest
        folder = self._exports / hashlib.sha256(session.encode()).hexdigest()[:16]  # the client chooses session ids
        folder.mkdir(exist_ok=True)
        return folder
