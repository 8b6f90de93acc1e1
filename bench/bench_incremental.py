"""An incremental update of one changed file in a 1,000-document corpus, against a full rebuild.

    .venv/bin/python bench/bench_incremental.py [--docs 1000]

The corpus is the five seeds copied with other provinces, committees and numbers, so that every
document's passages differ. Embedding ~50,000 passages with the real model would take about an
hour here, so the starting index is built with random vectors under the real model's name (a
stand-in for "already indexed"); the update that follows uses the real model and embeds, for
real, only the changed file's passages. The full rebuild's embedding time is extrapolated from
the measured embedding rate; its reading, parsing and lexical indexing are measured. Writes
``bench/results/incremental.json``.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rag import SearchIndex, get_embedder  # noqa: E402

PROVINCES = ["Lạng Sơn", "Lâm Đồng", "Cao Bằng", "Hà Giang", "Nghệ An", "Quảng Ninh", "Đắk Lắk", "Sơn La"]


class StandInEmbedder:
    """Random unit vectors under the real model's name: marks passages as already embedded."""

    def __init__(self, name: str, dim: int) -> None:
        self.name, self.dim = name, dim
        self._rng = np.random.default_rng(0)

    def embed_batch(self, texts: list[str], *, kind: str) -> np.ndarray:
        vectors = self._rng.normal(size=(len(texts), self.dim)).astype(np.float32)
        return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def make_corpus(folder: Path, docs: int) -> None:
    seeds = sorted((ROOT / "corpus").glob("*.txt"))
    rng = random.Random(3)
    for i in range(docs):
        text = seeds[i % len(seeds)].read_text(encoding="utf-8")
        text = text.replace("Lạng Sơn", rng.choice(PROVINCES)).replace("năm 2022", f"năm {2015 + i % 10}")
        text = text.replace("Chuyên đề", f"Chuyên đề số {i}")  # every document's passages differ
        (folder / f"{i:04d}_kehoach.txt").write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=1000)
    args = parser.parse_args()
    model = get_embedder()
    work = Path(tempfile.mkdtemp(prefix="bench-incremental-"))
    try:
        corpus, index_dir = work / "corpus", work / "index"
        corpus.mkdir()
        make_corpus(corpus, args.docs)
        started = time.perf_counter()
        first = SearchIndex.build(corpus, index_dir, embedder=StandInEmbedder(model.name, model.dim))
        parse_and_lexical = time.perf_counter() - started  # the stand-in embeds in no time
        passages = len(first.passages)

        changed = corpus / "0007_kehoach.txt"
        changed.write_text(changed.read_text(encoding="utf-8").replace("Ban Tuyên giáo", "Ban Tuyên giáo (sửa đổi)"), encoding="utf-8")
        started = time.perf_counter()
        updated = SearchIndex.build(corpus, index_dir, embedder=model)
        incremental = time.perf_counter() - started

        sample = [p.text for p in first.passages[:160]]
        started = time.perf_counter()
        model.embed_batch(sample, kind="passage")
        rate = len(sample) / (time.perf_counter() - started)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    result = {
        "documents": args.docs,
        "passages": passages,
        "incremental_update_s": round(incremental, 1),
        "incremental_embedded_passages": updated.manifest["changes"]["embedded"],
        "full_rebuild_parse_and_lexical_s": round(parse_and_lexical, 1),
        "embedding_passages_per_s": round(rate, 1),
        "full_rebuild_estimate_s": round(parse_and_lexical + passages / rate, 0),
        "note": "full rebuild embedding extrapolated from the measured rate; everything else measured",
    }
    print(json.dumps(result, indent=1, ensure_ascii=False))
    (ROOT / "bench" / "results" / "incremental.json").write_text(json.dumps(result, indent=1, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
