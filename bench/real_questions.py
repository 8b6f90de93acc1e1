"""Questions over real documents: ours beside plain BM25 over the documents' lines.

    PYTHONPATH=. HF_HUB_OFFLINE=1 .venv/bin/python bench/real_questions.py [--set tests/data/realq2] [--reuse] [--per-query]

The set is ``tests/data/realq/questions.jsonl`` (72 questions over the 24 corpus-real documents of
``tests/data/realq/chosen.txt``, written by a helper who read neither the code nor other sets; see
its README). Our index of those 24 files is built in ``/tmp/rag_realq_index`` (``--reuse`` loads
it instead; ``bench/sweep.py --index /tmp/rag_realq_index --tune tests/data/realq/questions.jsonl``
then sweeps a knob on it). ``--set tests/data/realq2`` measures the second such set (72 questions
over 24 other documents, harder: 30 paraphrases, 6 across two documents, 4 unanswerable) on its own
index, ``/tmp/rag_realq2_index``. The baseline is bm25s over each non-empty line of the files (lower-cased
syllables, table pipes and markdown marks dropped), DESIGN.md's prototype on real text.
Prints R@1 / R@5 / MRR@10 per kind with the scorer's rule (``rag.evaluate.score``), and our short
answers' coverage and precision.
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
import tempfile
from pathlib import Path

import bm25s

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rag.evaluate import load_queries, run_queries, score, score_answers  # noqa: E402
from rag.search.facade import SearchIndex  # noqa: E402

REAL = ROOT / "tests" / "data" / "real"
SET = ROOT / "tests" / "data" / "realq"  # questions.jsonl and chosen.txt
WORD = re.compile(r"\w+")


def files(folder: Path) -> list[str]:
    return [line.split()[-1] for line in (folder / "chosen.txt").read_text(encoding="utf-8").splitlines() if line.strip()]


def build_ours(names: list[str], index_dir: Path, reuse: bool) -> SearchIndex:
    if reuse and (index_dir / "manifest.json").exists():
        return SearchIndex.load(index_dir)
    with tempfile.TemporaryDirectory() as tmp:
        for name in names:
            shutil.copy(REAL / name, Path(tmp) / name)
        return SearchIndex.build(tmp, index_dir)


def tokens(text: str) -> list[str]:
    return WORD.findall(text.replace("|", " ").replace("*", " ").lower())


def bm25_rows(names: list[str], queries: list[dict]) -> list[dict]:
    units = [(name, line) for name in names for line in (REAL / name).read_text(encoding="utf-8").splitlines() if tokens(line)]
    model = bm25s.BM25()
    model.index([tokens(line) for _, line in units], show_progress=False)
    rows = []
    for q in queries:
        found, _ = model.retrieve([tokens(q["query"])], k=10, show_progress=False)
        rows.append({"id": q["id"], "results": [{"doc": units[i][0], "text": units[i][1]} for i in found[0]]})
    return rows


def table(name: str, queries: list[dict], rows: list[dict]) -> None:
    scores = score(queries, rows)
    print(f"{name}")
    for kind, row in sorted(scores.items(), key=lambda item: (item[0] == "ALL", item[0])):
        print(f"  {kind:<11} {row['n']:>3}  {row['R@1']:.3f} / {row['R@5']:.3f} / {row['MRR@10']:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reuse", action="store_true", help="load the built index instead of rebuilding it")
    parser.add_argument("--set", type=Path, default=SET, help="a folder with questions.jsonl and chosen.txt")
    parser.add_argument("--index", type=Path, default=None, help="default: /tmp/rag_<set>_index")
    parser.add_argument("--per-query", action="store_true")
    args = parser.parse_args()
    names, queries = files(args.set), load_queries(args.set / "questions.jsonl")
    index = build_ours(names, args.index or Path(f"/tmp/rag_{args.set.name}_index"), args.reuse)
    print(f"{len(names)} files, {len(index.passages)} passages, {len(queries)} questions")
    ours = run_queries(index, queries)
    table("ours (hybrid)", queries, ours)
    table("ours (lexical)", queries, run_queries(index, queries, mode="lexical"))
    table("BM25 over lines", queries, bm25_rows(names, queries))
    answers = score_answers(queries, ours)
    print(f"answers: coverage {answers['coverage']:.3f} of {answers['answerable']} answerable, precision {answers['precision']:.3f}")
    if args.per_query:
        for q, row in zip(queries, ours):
            mrr = score([q], [row])["ALL"]["MRR@10"]
            print(f"  {q['id']} {q['kind']:<10} MRR {mrr:.2f}  answer {row.get('answer')!r}  {q['query'][:80]}")


if __name__ == "__main__":
    main()
