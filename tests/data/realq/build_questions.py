"""Write questions.jsonl from the hand-written list in questions_src.py and validate it."""
import json, os, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
REAL = os.path.join(HERE, "..", "real")
ASKS = {"who", "when", "how_many", "where", "to_whom", "which_units", "which_document", "what"}
KINDS = {"duty", "timeline", "body", "article", "fact", "paraphrase", "noaccent", "reference"}

def load():
    ns = {}
    exec(open(os.path.join(HERE, "questions_src.py"), encoding="utf-8").read(), ns)
    return ns["Q"]

def validate(rows):
    errs = []
    ids = [r["id"] for r in rows]
    if len(rows) != 72: errs.append("expected 72 rows, got %d" % len(rows))
    if len(set(ids)) != len(ids): errs.append("duplicate ids")
    for r in rows:
        doc = r["gold"][0]["doc"]
        path = os.path.join(REAL, doc)
        if not os.path.exists(path):
            errs.append("%s: no such doc %s" % (r["id"], doc)); continue
        text = open(path, encoding="utf-8").read()
        g = r["gold"][0]["quote"]
        if g not in text: errs.append("%s: quote not verbatim" % r["id"])
        if not 40 <= len(g) <= 200: errs.append("%s: quote length %d" % (r["id"], len(g)))
        if not any(g in line for line in text.split("\n")): errs.append("%s: quote spans lines" % r["id"])
        if not g.strip("| \t"): errs.append("%s: pipe-only quote" % r["id"])
        if r["asks"] not in ASKS: errs.append("%s: asks %s" % (r["id"], r["asks"]))
        if r["kind"] not in KINDS: errs.append("%s: kind %s" % (r["id"], r["kind"]))
        if r["asks"] == "what" and r["accept"]: errs.append("%s: what with accept" % r["id"])
        if r["asks"] != "what" and not 1 <= len(r["accept"]) <= 4: errs.append("%s: accept count" % r["id"])
        flat = " ".join(text.split())
        for a in r["accept"]:
            if " ".join(a.split()) not in flat: errs.append("%s: accept %r not in doc" % (r["id"], a))
        if r["kind"] == "noaccent":
            stripped = unicodedata.normalize("NFD", r["query"])
            if any(unicodedata.combining(c) for c in stripped) or "đ" in r["query"].lower():
                errs.append("%s: noaccent query has accents" % r["id"])
    return errs

def main():
    q = load()
    q = sorted(enumerate(q), key=lambda p: (p[1]["doc"], p[0]))
    rows = []
    for i, (_, x) in enumerate(q, 1):
        rows.append({"id": "r%03d" % i, "kind": x["kind"], "asks": x["asks"], "query": x["query"],
                     "gold": [{"doc": x["doc"], "quote": x["quote"]}], "accept": x["accept"], "note": x["note"]})
    errs = validate(rows)
    if errs:
        print("\n".join(errs)); sys.exit(1)
    with open(os.path.join(HERE, "questions.jsonl"), "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print("ok", len(rows))

if __name__ == "__main__":
    main()
