"""BM25's k1 and b over the question sets: the lexical index rebuilt in process for each pair.

    PYTHONPATH=. HF_HUB_OFFLINE=1 python bench/bm25_params.py --k1 0.9 1.2 1.5 --b 0.5 0.75 0.9 \
        [--index index] [--tune SETS…] [--report SETS…]

The passages, their index texts and vectors are the built index's; only the BM25 matrices change
(pyvi's compounds come from the index's own cache, so nothing is segmented again). Tune sets print
R@1 / R@5 / MRR@10 each and their summed MRR; report sets their totals only.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from sweep import TUNE, line  # bench/sweep.py: the same lines and tune sets

from rag.evaluate import load_queries, run_queries, score
from rag.lexical.index import LexicalIndex
from rag.search.backend import LocalBackend
from rag.search.facade import SearchIndex
from rag.store.caches import compound_cache, previous_texts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--k1", nargs="+", type=float, default=[1.2])
    parser.add_argument("--b", nargs="+", type=float, default=[0.75])
    parser.add_argument("--index", default="index")
    parser.add_argument("--tune", nargs="*", default=TUNE)
    parser.add_argument("--report", nargs="*", default=[])
    args = parser.parse_args()

    folder = Path(args.index)
    index = SearchIndex.load(folder)
    texts = previous_texts(folder)  # the index texts, in passage order
    cache = compound_cache(folder, texts)
    sets = {path: load_queries(path) for path in args.tune + args.report}
    for k1 in args.k1:
        for b in args.b:
            lexical, _ = LexicalIndex.from_texts(texts, cache=cache, k1=k1, b=b)
            index.lexical = lexical
            index.backend = LocalBackend(lexical, index.dense, index.allowed)
            print(f"--- k1 = {k1}, b = {b}")
            total = 0.0
            for path, queries in sets.items():
                rows = run_queries(index, queries)
                print(line(path.rsplit("/", 1)[-1].removesuffix(".jsonl"), queries, rows, kinds=path in args.tune))
                if path in args.tune:
                    total += score(queries, rows)["ALL"]["MRR@10"]
            print(f"tune Σ MRR {total:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
