"""Questions typed with some accents and not others: the dev sets with a share of syllables stripped.

Run from the repository root, with the index built (``rag index``):

    .venv/bin/python bench/mixed_accents.py [--share 0.3] [--seed 5]

Takes every question of tests/data/dev.jsonl, dev2.jsonl and dev3.jsonl except the *noaccent* kind
(already typed without accents), strips the diacritics of each syllable with probability
``--share`` (the same draws for the same seed), and prints hybrid R@1 / R@5 / MRR@10 over them.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rag import RagError, SearchIndex  # noqa: E402
from rag.evaluate import load_queries, run_queries, score  # noqa: E402
from rag.text.normalize import fold_diacritics  # noqa: E402

SETS = ("dev", "dev2", "dev3")


def mixed_questions(share: float, seed: int) -> list[dict]:
    draw = random.Random(seed)
    questions = []
    for name in SETS:
        for query in load_queries(ROOT / "tests" / "data" / f"{name}.jsonl"):
            if query["kind"] != "noaccent":
                typed = re.sub(r"\w+", lambda m: fold_diacritics(m.group(0)) if draw.random() < share else m.group(0), query["query"])
                questions.append({**query, "query": typed})
    return questions


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--share", type=float, default=0.3, help="probability that a syllable loses its accents")
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--index", default=str(ROOT / "index"))
    args = parser.parse_args()
    questions = mixed_questions(args.share, args.seed)
    try:
        index = SearchIndex.load(args.index)
    except RagError as err:
        sys.exit(f"Error: {err}")
    metrics = score(questions, run_queries(index, questions, k=10))["ALL"]
    print(f"{len(questions)} questions, {args.share:.0%} of syllables without accents (seed {args.seed})")
    print("e.g.", questions[0]["query"])
    print(" ".join(f"{name} {metrics[name]:.3f}" for name in ("R@1", "R@5", "MRR@10")))


if __name__ == "__main__":
    main()
