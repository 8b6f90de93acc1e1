"""Sweep one ranking knob of ``SearchSettings`` over the question sets, the index loaded once.

Tune sets print R@1 / R@5 / MRR@10 and short-answer coverage / precision per set, with the
paraphrase and cross kinds apart; report sets (``--report``) print their totals only, never a
question. ``--show`` prints, for one value, each tune question whose first gold rank changed
against the first value (to read what a change did, on tune sets only).

    PYTHONPATH=. HF_HUB_OFFLINE=1 python bench/sweep.py frame_penalty 0 0.05 0.1 0.2 \
        [--report /work/shared/eval/new_dev.jsonl tests/data/holdout.jsonl] [--show 0.1]
"""

from __future__ import annotations

import argparse
from dataclasses import fields, replace

from rag.evaluate import load_queries, run_queries, score, score_answers
from rag.search.facade import SearchIndex, SearchSettings

TUNE = [
    "tests/data/dev.jsonl",
    "tests/data/dev2.jsonl",
    "tests/data/dev3.jsonl",
    "tests/data/answers_dev.jsonl",
    "tests/data/answers_dev2.jsonl",
]


def first_gold_ranks(queries: list[dict], rows: list[dict]) -> dict[str, int | None]:
    """The rank of each question's first gold passage (None: not in the top 10), by the scorer's own rule."""
    ranks: dict[str, int | None] = {}
    for q, row in zip(queries, rows):
        ranks[q["id"]] = None
        for rank in range(1, len(row["results"]) + 1):
            if score([q], [{"id": q["id"], "results": row["results"][:rank]}])["ALL"]["MRR@10"] > 0:
                ranks[q["id"]] = rank
                break
    return ranks


def line(name: str, queries: list[dict], rows: list[dict], kinds: bool) -> str:
    scores = score(queries, rows)
    answers = score_answers(queries, rows)
    total = scores["ALL"]
    text = f"{name:<22} {total['R@1']:.3f} / {total['R@5']:.3f} / {total['MRR@10']:.3f}"
    if answers["answerable"]:
        text += f"  answers {answers['coverage']:.3f} / {answers['precision']:.3f}"
    if kinds:
        for kind in ("paraphrase", "cross"):
            if kind in scores:
                text += f"  {kind} MRR {scores[kind]['MRR@10']:.3f} ({scores[kind]['n']})"
    return text


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("knob", choices=[f.name for f in fields(SearchSettings)])
    parser.add_argument("values", nargs="+", type=float)
    parser.add_argument("--index", default="index")
    parser.add_argument("--tune", nargs="*", default=TUNE)
    parser.add_argument("--report", nargs="*", default=[])
    parser.add_argument("--show", type=float, default=None)
    args = parser.parse_args()

    index = SearchIndex.load(args.index)
    base_settings = index.settings
    sets = {path: load_queries(path) for path in args.tune + args.report}
    baseline: dict[str, dict[str, int | None]] = {}
    for value in args.values:
        index.settings = replace(base_settings, **{args.knob: value})
        print(f"--- {args.knob} = {value}")
        mrr_sum = 0.0
        for path, queries in sets.items():
            rows = run_queries(index, queries)
            tune = path in args.tune
            print(line(path.rsplit("/", 1)[-1].removesuffix(".jsonl"), queries, rows, kinds=tune))
            if tune:
                mrr_sum += score(queries, rows)["ALL"]["MRR@10"]
                ranks = first_gold_ranks(queries, rows)
                baseline.setdefault(path, ranks)
                if args.show == value:
                    for q in queries:
                        before, after = baseline[path][q["id"]], ranks[q["id"]]
                        if before != after:
                            print(f"    {q['id']} {q['kind']}: {before} → {after}  {q['query'][:90]}")
        print(f"tune Σ MRR {mrr_sum:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
