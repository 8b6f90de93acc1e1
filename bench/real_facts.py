"""Lead bodies, coordinating bodies and deadlines read from real documents, against labels written by hand.

    python bench/real_facts.py LABELS.jsonl CORPUS_DIR [-v]

``LABELS.jsonl`` has one line per passage: ``{"file", "line_start", "line_end", "text_head", "lead",
"coordinating", "deadlines"}`` (tests/data/real/facts_tune.jsonl, facts_report.jsonl; conventions in
tests/data/real/FACTS_LABELS.md). Each file is parsed as the index parses it; a label finds its
passage by line span and first words. A found body matches a label's when one holds the other as
whole words, without case or diacritics; a deadline when one text holds the other or both name
the same date or period. Prints precision and recall; ``-v`` every passage that differs.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rag.evaluate import score_passage_facts  # noqa: E402
from rag.records import Facts  # noqa: E402
from rag.structure.passages import parse_document  # noqa: E402


def facts_of_rows(rows: list[dict], corpus: Path, *, by_lines: bool = False) -> list[Facts]:
    """The rules' Facts for each labelled passage (a label that finds no passage is an error to fix;
    ``by_lines``: the facts of the passages on the label's lines, for labels of paragraphs)."""
    parsed: dict[str, object] = {}
    out = []
    for row in rows:
        if row["file"] not in parsed:
            parsed[row["file"]] = parse_document(row["file"], (corpus / row["file"]).read_text(encoding="utf-8"))
        doc = parsed[row["file"]]
        index = next(
            (i for i, p in enumerate(doc.passages)
             if (p.line_start, p.line_end) == (row["line_start"], row["line_end"]) and p.text.startswith(row["text_head"])),
            None,
        )  # fmt: skip
        if index is not None:
            out.append(doc.facts[index])
            continue
        if not by_lines:
            raise SystemExit(f"{row['file']}:{row['line_start']}-{row['line_end']}: no passage starts with {row['text_head']!r}; relabel it")
        # Labels drawn without the parser (tests/data/written2): the facts of every passage on its lines.
        inside = [f for p, f in zip(doc.passages, doc.facts) if p.line_start <= row["line_end"] and row["line_start"] <= p.line_end]
        if not inside:
            raise SystemExit(f"{row['file']}:{row['line_start']}-{row['line_end']}: no passage on these lines")
        out.append(Facts(
            tuple(dict.fromkeys(b for f in inside for b in f.lead)),
            tuple(dict.fromkeys(b for f in inside for b in f.coordinating)),
            tuple(d for f in inside for d in f.deadlines),
        ))  # fmt: skip
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("labels")
    parser.add_argument("corpus")
    parser.add_argument("-v", "--verbose", action="store_true", help="print every passage whose facts differ from its label")
    parser.add_argument("--by-lines", action="store_true", help="a label that names no passage takes the passages within its lines")
    args = parser.parse_args()
    rows = [json.loads(line) for line in Path(args.labels).read_text(encoding="utf-8").splitlines() if line.strip()]
    found = facts_of_rows(rows, Path(args.corpus), by_lines=args.by_lines)
    scores = score_passage_facts(rows, found)
    print(f"{len(rows)} passages, {len({r['file'] for r in rows})} files")
    for name, s in scores.items():
        print(f"  {name:12s} precision {s['precision']:.3f}  recall {s['recall']:.3f}  (labelled {s['gold']}, found {s['found']})")
    if args.verbose:
        for row, facts in zip(rows, found):
            got = {"lead": list(facts.lead), "coordinating": list(facts.coordinating), "deadlines": [d.text for d in facts.deadlines]}
            if any(score_passage_facts([row], [facts])[k]["precision"] < 1 or score_passage_facts([row], [facts])[k]["recall"] < 1 for k in got):
                print(f"\n{row['file']}:{row['line_start']}-{row['line_end']} {row['text_head'][:60]!r}")
                for k in got:
                    if sorted(got[k]) != sorted(row[k]):
                        print(f"  {k}: want {row[k]}  got {got[k]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
