"""Check facts_written4.jsonl against the files: each span exists and is one paragraph (or the
data rows of one table), and text_head is the first 80 characters of the span's lines joined
by a space.  Usage: python tests/data/written4/check_written4.py"""
import json
import pathlib

D = pathlib.Path(__file__).parent
rows = [json.loads(x) for x in (D / "facts_written4.jsonl").read_text(encoding="utf-8").splitlines()]
for r in rows:
    lines = (D / r["file"]).read_text(encoding="utf-8").splitlines()
    s, e = r["line_start"], r["line_end"]
    assert 1 <= s <= e <= len(lines), r
    span = lines[s - 1:e]
    assert all(x.strip() for x in span), r
    assert s == 1 or not lines[s - 2].strip() or lines[s - 2].startswith("| ---"), r
    assert e == len(lines) or not lines[e].strip(), r
    assert " ".join(span)[:80] == r["text_head"], r
    assert lines[s - 1].startswith(r["text_head"][:len(lines[s - 1])]), r
    assert set(r) == {"file", "line_start", "line_end", "text_head", "lead", "coordinating", "deadlines"}
files = {r["file"] for r in rows}
assert len(rows) == 60 and len(files) == 10, (len(rows), len(files))
assert all(sum(r["file"] == f for r in rows) == 6 for f in files)
print("ok:", len(rows), "passages in", len(files), "files")
# written3: label values are distinct strings found in the file (in the passage or a heading above
# it; case-insensitive because an honorific "Đồng chí"/"đồng chí" before a person is dropped)
for r in rows:
    text = (D / r["file"]).read_text(encoding="utf-8").lower().replace("\n", " ")
    for k in ("lead", "coordinating", "deadlines"):
        vals = r[k]
        assert all(isinstance(v, str) and v for v in vals) and len(set(vals)) == len(vals), r
        assert all(v.lower() in text for v in vals), (r, k)
print("labels ok")
