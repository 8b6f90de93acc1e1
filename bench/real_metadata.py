"""Metadata read from real documents against labels checked by hand, and the parse dumped for coverage.

    python bench/real_metadata.py LABELS.jsonl CORPUS_DIR [--dump DIR] [--files dev|measure|all]

``LABELS.jsonl`` has one line per file: ``{"file", "number", "doc_type", "issuer", "date", "signer"}``
(a field left out is not scored; ``""`` means the document has none). Prints, per field, how many
files the parser reads right, the files it reads wrong, and the share of passages without a
section path. ``--dump DIR`` writes ``passages.jsonl`` and ``documents.jsonl`` as the index does,
so ``coverage.py DIR CORPUS_DIR`` measures the text kept without embedding anything.

``--files`` picks by the file's place in the sorted corpus listing: ``dev`` the 2nd, 4th, 6th …
files (developed on), ``measure`` the 1st, 3rd, 5th … (only measured).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rag.errors import RagError  # noqa: E402
from rag.structure.passages import parse_document  # noqa: E402

NOT_DOCUMENTS = {"SOURCES.md", "README.md"}  # the corpus's own notes
FIELDS = ("number", "doc_type", "issuer", "date", "signer")


def _key(value: object) -> str:
    """Compared without case, spaces, tone-mark placement or markdown: "Ủy"/"Uỷ", "**BAN**"."""
    text = unicodedata.normalize("NFC", str(value or "")).casefold().replace("uỷ", "ủy").replace("hoà", "hòa")
    return re.sub(r"[\s*|]+", " ", text).strip(" .")


def pick(files: list[Path], which: str) -> list[Path]:
    if which == "all":
        return files
    return [f for i, f in enumerate(files) if (i % 2 == 1) == (which == "dev")]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("labels")
    parser.add_argument("corpus")
    parser.add_argument("--dump", help="folder to write passages.jsonl and documents.jsonl into")
    parser.add_argument("--files", choices=("dev", "measure", "all"), default="all")
    parser.add_argument("-v", "--verbose", action="store_true", help="print every wrong field")
    args = parser.parse_args()
    labels = {}
    for line in Path(args.labels).read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            labels[row["file"]] = row
    listing = sorted(p for p in Path(args.corpus).iterdir() if p.suffix in (".txt", ".md") and p.name not in NOT_DOCUMENTS)
    files = pick(listing, args.files)
    right = dict.fromkeys(FIELDS, 0)
    scored = dict.fromkeys(FIELDS, 0)
    passages = no_path = failed = bad_issuers = 0
    dump = Path(args.dump) if args.dump else None
    if dump:
        dump.mkdir(parents=True, exist_ok=True)
        out_p = open(dump / "passages.jsonl", "w", encoding="utf-8")
        out_d = open(dump / "documents.jsonl", "w", encoding="utf-8")
        (dump / "files.json").write_text(json.dumps([f.name for f in files]), encoding="utf-8")  # coverage.py's FILES.json
    for path in files:
        try:
            parsed = parse_document(path.name, path.read_text(encoding="utf-8"))
        except RagError as err:
            print(f"{path.name}: {err}")
            failed += 1
            continue
        passages += len(parsed.passages)
        no_path += sum(1 for p in parsed.passages if not p.section_path)
        if dump:
            for p in parsed.passages:
                out_p.write(json.dumps(p.to_dict(), ensure_ascii=False) + "\n")
            out_d.write(json.dumps(parsed.meta.to_dict(), ensure_ascii=False) + "\n")
        issuer = parsed.meta.issuer
        bad_issuers += bool(re.search(r"[|*]", issuer)) or issuer.strip().upper() == "BAN"
        label = labels.get(path.name)
        if not label:
            continue
        got = parsed.meta.to_dict()
        for name in FIELDS:
            if name not in label:
                continue
            scored[name] += 1
            if _key(got.get(name)) == _key(label[name]):
                right[name] += 1
            elif args.verbose:
                print(f"  {path.name} {name}: got {got.get(name)!r}, want {label[name]!r}")
    if dump:
        out_p.close()
        out_d.close()
    print(f"{len(files)} files ({args.files}), {failed} failed; {passages} passages, {no_path / max(passages, 1):.3f} without a section path")
    print("  ".join(f"{name} {right[name]}/{scored[name]}" for name in FIELDS if scored[name]))
    print(f"issuers with '|', '*' or a lone 'BAN': {bad_issuers}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
