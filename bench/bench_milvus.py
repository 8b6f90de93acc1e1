"""The Milvus backend against the default one: ranking quality, write and query speed.

    .venv/bin/python bench/bench_milvus.py                     # Milvus Lite in a temporary folder
    .venv/bin/python bench/bench_milvus.py --uri http://host:19530

Three rankers answer the dev queries (tests/data/dev.jsonl):
- local: bm25s + FAISS files (the default backend);
- milvus-sparse: our BM25 as sparse vectors in Milvus (rag.lexical.sparse; the backend we ship);
- milvus-bm25: Milvus's own full-text BM25 function over the same pyvi-segmented tokens (accented
  and folded fields), scored by the engine — the alternative the issue asked us to measure.
Results go to bench/results/milvus.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rag import SearchIndex  # noqa: E402
from rag.backends.milvus.backend import MilvusBackend, connect, corpus_field_tokens, with_retry  # noqa: E402
from rag.backends.milvus.sync import open_index, sync  # noqa: E402
from rag.evaluate import load_queries, run_queries, score  # noqa: E402
from rag.text.query import LexicalTerms  # noqa: E402

RESULTS = ROOT / "bench" / "results" / "milvus.json"


class EngineBM25Backend(MilvusBackend):
    """Lexical scores from Milvus's BM25 function: one text field per lexical field."""

    def lexical_top(self, terms: list[LexicalTerms], n: int, expr: str) -> dict[int, float]:
        total: dict[int, float] = {}
        for field, tokens, weight in terms:
            if not tokens:
                continue
            found = with_retry(lambda field=field, tokens=tokens: self.client.search(
                self.collection, data=[" ".join(tokens)], anns_field=f"{field}_bm25", limit=n, filter=expr,
                search_params={"metric_type": "BM25"}, output_fields=["pk"]))
            for hit in found[0]:
                total[int(hit["pk"])] = total.get(int(hit["pk"]), 0.0) + weight * abs(float(hit["distance"]))
        return dict(sorted(total.items(), key=lambda item: -item[1])[:n])

    def complete_scores(self, terms, vector, need_lexical, need_dense, lexical, dense) -> None:  # type: ignore[no-untyped-def]
        """The engine's BM25 is not stored: search again within the passages that lack it."""
        if need_dense:
            rows = self.client.query(self.collection, filter=f"pk in {need_dense}", output_fields=["pk", "dense"])
            dense.update({int(r["pk"]): float(np.dot(np.asarray(r["dense"], dtype=np.float32), vector)) for r in rows})
        if need_lexical:
            lexical.update(self.lexical_top(terms, len(need_lexical), f"pk in {need_lexical}"))


def engine_bm25_index(built: SearchIndex, uri: str) -> SearchIndex:
    """The same passages in a collection whose lexical side is Milvus's BM25 function."""
    from pymilvus import DataType, Function, FunctionType

    client = connect(uri)
    name = "bench_engine_bm25"
    if client.has_collection(name):
        client.drop_collection(name)
    schema = client.create_schema(auto_id=False)
    schema.add_field("pk", DataType.INT64, is_primary=True)
    schema.add_field("dense", DataType.FLOAT_VECTOR, dim=built.manifest["embedder"]["dim"])
    params = client.prepare_index_params()
    params.add_index("dense", index_type="FLAT", metric_type="IP")
    for field in ("accented", "folded"):
        schema.add_field(f"{field}_text", DataType.VARCHAR, max_length=65_535, enable_analyzer=True, analyzer_params={"tokenizer": "standard"})
        schema.add_field(f"{field}_bm25", DataType.SPARSE_FLOAT_VECTOR)
        schema.add_function(Function(name=f"{field}_fn", function_type=FunctionType.BM25, input_field_names=[f"{field}_text"], output_field_names=[f"{field}_bm25"]))
        params.add_index(f"{field}_bm25", index_type="SPARSE_INVERTED_INDEX", metric_type="BM25")
    client.create_collection(name, schema=schema, index_params=params)
    tokens = corpus_field_tokens(built)
    rows = [
        {"pk": i, "dense": built.dense.vectors[i].tolist(), "accented_text": " ".join(tokens["accented"][i]), "folded_text": " ".join(tokens["folded"][i])}
        for i in range(len(built.passages))
    ]
    for start in range(0, len(rows), 500):
        client.insert(name, rows[start : start + 500])
    backend = EngineBM25Backend(client, name, None, np.arange(len(rows), dtype=np.int64), uri)  # type: ignore[arg-type]
    return SearchIndex(passages=built.passages, facts=built.facts, documents=built.documents, lexical=None, dense=None,
                       restorer=built.restorer, manifest=built.manifest, embedder=built.embedder, backend=backend)


def latency(index: SearchIndex, queries: list[str], repeat: int = 3) -> dict[str, float]:
    """End to end, the query embedding included (its cache emptied before each question)."""
    from rag.dense.embedders import clear_query_cache

    index.search(queries[0], k=10)  # warm: model loaded, collection loaded
    times = []
    for _ in range(repeat):
        for query in queries:
            clear_query_cache()
            started = time.perf_counter()
            index.search(query, k=10)
            times.append((time.perf_counter() - started) * 1000)
    return {"p50_ms": round(float(np.percentile(times, 50)), 1), "p95_ms": round(float(np.percentile(times, 95)), 1)}


def candidate_latency(index: SearchIndex, queries: list[str], repeat: int = 3) -> dict[str, float]:
    """The backend's own cost: candidates and both scores, query vectors computed beforehand."""
    from rag.text.query import analyse

    analyses = [analyse(q, index.restorer) for q in queries]
    vectors = index.embedder.embed_batch([a.dense_text for a in analyses], kind="query")
    times = []
    for _ in range(repeat):
        for analysis, vector in zip(analyses, vectors):
            started = time.perf_counter()
            index.backend.candidates(index.lexical_terms(analysis), vector, "hybrid", None, index.settings.candidates)
            times.append((time.perf_counter() - started) * 1000)
    return {"candidates_p50_ms": round(float(np.percentile(times, 50)), 1), "candidates_p95_ms": round(float(np.percentile(times, 95)), 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--uri", help="a Milvus server; default: Milvus Lite in a temporary folder")
    args = parser.parse_args()
    scratch = Path(tempfile.mkdtemp(prefix="bench-milvus-"))
    uri = args.uri or str(scratch / "bench.db")
    load_start = os.getloadavg()[0]
    try:
        local_dir = scratch / "index"
        if (ROOT / "index" / "manifest.json").exists():
            shutil.copytree(ROOT / "index", local_dir)  # reuse its vectors: the bench measures search, not embedding
        built = SearchIndex.build(ROOT / "corpus", local_dir)
        started = time.perf_counter()
        sync(built, uri, name="bench", rebuild=True)
        write_s = time.perf_counter() - started
        started = time.perf_counter()
        remote = open_index(uri, name="bench", embedder=built.embedder)
        open_s = time.perf_counter() - started
        engine = engine_bm25_index(built, uri)
        queries = load_queries(ROOT / "tests" / "data" / "dev.jsonl")
        texts = [q["query"] for q in queries]
        rows = {}
        for label, index in (("local", built), ("milvus-sparse", remote), ("milvus-bm25", engine)):
            for mode in ("hybrid", "lexical"):
                metrics = score(queries, run_queries(index, queries, mode=mode))["ALL"]
                rows[f"{label} {mode}"] = {k: round(v, 3) for k, v in metrics.items() if k != "n"}
            rows[f"{label} hybrid"].update(latency(index, texts))
            rows[f"{label} hybrid"].update(candidate_latency(index, texts))
        result = {
            "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
            "uri": "Milvus Lite (temporary folder)" if not args.uri else args.uri,
            "passages": len(built.passages),
            "write_seconds": round(write_s, 2),
            "open_seconds": round(open_s, 2),
            "load_average": [round(load_start, 1), round(os.getloadavg()[0], 1)],
            "rankers": rows,
        }
        print(f"{'ranker':24s} {'R@1':>6s} {'R@5':>6s} {'MRR@10':>7s} {'p50 ms':>7s} {'p95 ms':>7s} {'backend p50/p95 ms':>19s}")
        for label, row in rows.items():
            backend = f"{row['candidates_p50_ms']} / {row['candidates_p95_ms']}" if "candidates_p50_ms" in row else ""
            print(f"{label:24s} {row['R@1']:6.3f} {row['R@5']:6.3f} {row['MRR@10']:7.3f} {row.get('p50_ms', ''):>7} {row.get('p95_ms', ''):>7} {backend:>19s}")
        print(f"write {result['write_seconds']} s, open {result['open_seconds']} s, load average {result['load_average']}")
        RESULTS.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
