"""Articles found as articles: for questions about what a decree, circular or regulation says,
how often the answering article (Điều) comes first, ours beside plain BM25 over whole articles.

    PYTHONPATH=. HF_HUB_OFFLINE=1 .venv/bin/python bench/articles.py [--sets tune report] [--per-query]

The corpus is the legal documents the question sets name, copied in ``tests/data/real/``; our
index of them is built in ``/tmp/rag_articles_index`` (a rebuild reuses the vectors of unchanged
passages, so only the first run embeds everything). The baseline is bm25s over whole articles
(lower-cased syllables, nothing else): each file is cut at its lines opening "Điều N." (also
"Điều" alone on a line before "N. Title"), the text before the first article being one unit.

A hit's article is the article whose line span holds the hit's first line. Reported per set:
article hit@1, hit@5 and MRR@10 for
  * ours, passages as ranked (the first passage of the gold article counts);
  * ours grouped, the passages grouped by article (``group_by_article``), one rank per article;
  * the same two for ours in lexical mode;
  * whole-article BM25.
Writes the sets' numbers under "after" in ``bench/results/articles.json`` (which also keeps the
numbers of the code before the change).
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import bm25s

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rag.search.articles import group_by_article  # noqa: E402
from rag.search.facade import SearchIndex  # noqa: E402

REAL = ROOT / "tests" / "data" / "real"
SETS = {"tune": REAL / "articles_tune.jsonl", "report": REAL / "articles_report.jsonl"}
INDEX = Path("/tmp/rag_articles_index")
HEAD = re.compile(r"^[\s*]*Điều\s+(\d+)\s*\.")
BARE = re.compile(r"^[\s*]*Điều[\s*]*$")  # "**Điều" with its number and title on the next line
NUMBER = re.compile(r"^[\s*]*(\d+)\s*\.")
WORD = re.compile(r"\w+")
DEPTH = 50  # passages fetched before grouping


@dataclass(frozen=True)
class Article:
    file: str
    number: int  # 0 for the text before the first article
    line_start: int  # 1-based, inclusive
    line_end: int
    text: str


def split_articles(file: str, text: str) -> list[Article]:
    """Whole articles of one file, in order; the text before the first is one unit of its own."""
    lines = text.splitlines()
    starts = [(0, 0)]
    for i, line in enumerate(lines):
        if m := HEAD.match(line):
            starts.append((i, int(m.group(1))))
        elif BARE.match(line) and i + 1 < len(lines) and (m := NUMBER.match(lines[i + 1])):
            starts.append((i, int(m.group(1))))
    if len(starts) > 1 and starts[1][0] == 0:
        starts.pop(0)
    bounds = [s for s, _ in starts[1:]] + [len(lines)]
    return [Article(file, n, s + 1, e, "\n".join(lines[s:e])) for (s, n), e in zip(starts, bounds) if e > s]


def tokens(text: str) -> list[str]:
    return WORD.findall(unicodedata.normalize("NFC", text).lower())


def article_of(articles: dict[str, list[Article]], file: str, line: int) -> tuple[str, int] | None:
    """(file, first line) of the article holding ``line``: an article is known by its place, since
    a decision's own "Điều 1" and its attached regulation's "Điều 1" are two articles."""
    for article in articles.get(file, ()):
        if article.line_start <= line <= article.line_end:
            return (file, article.line_start)
    return None


def load_set(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def gold_key(query: dict) -> tuple[str, int]:
    gold = query["gold"][0]
    return (gold["doc"], gold["lines"][0])


def rank_of(keys: list[tuple[str, int] | None], gold: tuple[str, int]) -> int | None:
    return next((r for r, key in enumerate(keys, 1) if key == gold), None)


def scores(ranks: list[int | None]) -> dict[str, float]:
    n = len(ranks) or 1
    return {
        "hit@1": round(sum(1 for r in ranks if r == 1) / n, 3),
        "hit@5": round(sum(1 for r in ranks if r and r <= 5) / n, 3),
        "MRR@10": round(sum(1 / r for r in ranks if r and r <= 10) / n, 3),
    }


def corpus_files(sets: dict[str, list[dict]]) -> list[str]:
    return sorted({g["doc"] for rows in sets.values() for q in rows for g in q["gold"]})


def build_ours(files: list[str], index_dir: Path, rebuild: bool) -> SearchIndex:
    if not rebuild and (index_dir / "manifest.json").exists():
        return SearchIndex.load(index_dir)
    with tempfile.TemporaryDirectory() as tmp:
        for name in files:
            shutil.copy(REAL / name, Path(tmp) / name)
        return SearchIndex.build(tmp, index_dir)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", nargs="+", default=["tune"], choices=sorted(SETS))
    parser.add_argument("--per-query", action="store_true")
    parser.add_argument("--reuse", action="store_true", help="load the built index instead of rebuilding it")
    parser.add_argument("--index", type=Path, default=INDEX, help=f"where our index is built (default {INDEX})")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "articles.json")
    args = parser.parse_args()
    everything = {name: load_set(path) for name, path in SETS.items()}
    files = corpus_files(everything)  # both sets' documents: one corpus, whichever set is asked
    articles = {f: split_articles(f, (REAL / f).read_text(encoding="utf-8")) for f in files}
    units = [a for f in files for a in articles[f]]
    bm25 = bm25s.BM25()
    bm25.index([tokens(a.text) for a in units], show_progress=False)
    index = build_ours(files, args.index, rebuild=not args.reuse)
    print(f"{len(files)} files, {len(units)} whole articles, {len(index.passages)} passages")

    report: dict[str, dict] = {}
    for name in args.sets:
        rows = everything[name]
        ranks: dict[str, list[int | None]] = {k: [] for k in ("ours", "ours grouped", "lexical", "lexical grouped", "bm25 articles")}
        for q in rows:
            gold = gold_key(q)
            for label, mode in (("ours", "hybrid"), ("lexical", "lexical")):
                hits = index.search(q["query"], k=DEPTH, mode=mode)
                ranks[label].append(rank_of([article_of(articles, h.doc_id, h.passage.line_start) for h in hits], gold))
                groups = group_by_article(hits)
                ranks[f"{label} grouped"].append(rank_of([article_of(articles, g.doc_id, g.line_start) for g in groups], gold))
            ids, _ = bm25.retrieve([tokens(q["query"])], k=min(10, len(units)), show_progress=False)
            ranks["bm25 articles"].append(rank_of([(units[i].file, units[i].line_start) for i in ids[0]], gold))
            if args.per_query:
                cells = "  ".join(f"{k.split()[0][:4]}{'G' if 'grouped' in k else ''}={v[-1] or '-'}" for k, v in ranks.items())
                print(f"  {q['id']} {q['gold'][0]['article']:8} {cells}  {q['query'][:70]}")
        report[name] = {label: scores(r) for label, r in ranks.items()}
        print(f"\n{name} ({len(rows)} questions)   hit@1  hit@5  MRR@10")
        for label, s in report[name].items():
            print(f"  {label:16} {s['hit@1']:6.3f} {s['hit@5']:6.3f} {s['MRR@10']:7.3f}")
    out = args.out
    previous = json.loads(out.read_text(encoding="utf-8")) if out.exists() else {}
    after = {**previous.get("after", {}), **report}
    out.write_text(json.dumps({**previous, "after": after}, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
