"""Progress bars for long builds, on the terminal: one tqdm bar per stage with count, rate and
time left. The CLI and the app's server (when it builds a missing index) report through it."""

from __future__ import annotations

import sys
from typing import TextIO

from tqdm import tqdm

STAGES_EN = {"read": "Reading documents", "tokenise": "Tokenising passages", "embed": "Embedding passages",
             "dense index": "Building the vector index", "milvus": "Writing to Milvus"}  # fmt: skip
STAGES_VI = {"read": "Đọc văn bản", "tokenise": "Tách từ", "embed": "Mã hóa đoạn văn",
             "dense index": "Xây chỉ mục vectơ", "milvus": "Ghi vào Milvus"}  # fmt: skip


class Bars:
    """A ``Progress`` callback ``(stage, done, total)``: a bar opens at a stage's first report and
    closes when it reaches its total (a stage that restarts opens a new bar)."""

    def __init__(self, labels: dict[str, str] | None = None, *, stream: TextIO | None = None) -> None:
        self.labels = labels or STAGES_EN
        self.stream = stream or sys.stderr
        self._bars: dict[str, tqdm] = {}

    def __call__(self, stage: str, done: int, total: int) -> None:
        bar = self._bars.get(stage)
        if bar is None or bar.total != total or done < bar.n:
            if bar is not None:
                bar.close()
            bar = self._bars[stage] = tqdm(total=total, desc=self.labels.get(stage, stage), unit="", file=self.stream,
                                           dynamic_ncols=True, mininterval=0.2, leave=True)  # fmt: skip
        bar.update(done - bar.n)
        if done >= total:
            bar.close()
            del self._bars[stage]
