"""Write questions.jsonl from the hand-written list in questions_src.py and validate it."""
import collections, json, os, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
REAL = os.path.join(HERE, "..", "real")
ASKS = {"who", "when", "how_many", "where", "to_whom", "which_units", "which_document", "what"}
KINDS = {"duty", "timeline", "body", "article", "fact", "paraphrase", "noaccent", "reference",
         "cross", "unanswerable"}
N_ROWS, N_CROSS, N_UNANSWERABLE, MIN_PARAPHRASE, N_NOACCENT = 72, 6, 4, 24, 8

def load():
    ns = {}
    exec(open(os.path.join(HERE, "questions_src.py"), encoding="utf-8").read(), ns)
    return ns["Q"]

def chosen():
    return [line.split()[1] for line in open(os.path.join(HERE, "chosen.txt"), encoding="utf-8") if line.strip()]

_texts = {}
def text(doc):
    if doc not in _texts:
        _texts[doc] = open(os.path.join(REAL, doc), encoding="utf-8").read()
    return _texts[doc]

def flat(s):
    return " ".join(s.split())

def has_accents(s):
    return any(unicodedata.combining(c) for c in unicodedata.normalize("NFD", s)) or "đ" in s.lower()

def check_quote(rid, doc, g, errs, docs):
    if doc not in docs:
        errs.append("%s: doc %s not in chosen.txt" % (rid, doc))
    if not os.path.exists(os.path.join(REAL, doc)):
        errs.append("%s: no such doc %s" % (rid, doc)); return
    t = text(doc)
    if g not in t: errs.append("%s: quote not verbatim in %s: %r" % (rid, doc, g))
    if not 40 <= len(g) <= 200: errs.append("%s: quote length %d" % (rid, len(g)))
    if not any(g in line for line in t.split("\n")): errs.append("%s: quote spans lines" % rid)
    if not g.strip("| \t"): errs.append("%s: pipe-only quote" % rid)
    for other in docs:   # the passage must identify its document within the set
        if other != doc and os.path.exists(os.path.join(REAL, other)) and g in text(other):
            errs.append("%s: quote also occurs in %s" % (rid, other))

def validate(rows, src):
    errs = []
    docs = chosen()
    if len(docs) != 24: errs.append("chosen.txt has %d docs" % len(docs))
    ids = [r["id"] for r in rows]
    if len(rows) != N_ROWS: errs.append("expected %d rows, got %d" % (N_ROWS, len(rows)))
    if ids != ["q%03d" % i for i in range(1, len(rows) + 1)]: errs.append("ids not q001.. in order")
    if len({r["query"] for r in rows}) != len(rows): errs.append("duplicate queries")
    for r, s in zip(rows, src):
        rid, kind, asks, gold, acc = r["id"], r["kind"], r["asks"], r["gold"], r["accept"]
        if asks not in ASKS: errs.append("%s: asks %s" % (rid, asks))
        if kind not in KINDS: errs.append("%s: kind %s" % (rid, kind))
        if not r["note"].strip(): errs.append("%s: empty note" % rid)
        if kind == "unanswerable":
            if gold or acc: errs.append("%s: unanswerable needs gold [] and accept []" % rid)
            if s["doc"] not in docs: errs.append("%s: unanswerable doc not chosen" % rid)
            if s["doc"] not in r["note"]: errs.append("%s: unanswerable note must name its doc" % rid)
            continue
        if kind == "cross":
            if len(gold) != 2 or gold[0]["doc"] == gold[1]["doc"]:
                errs.append("%s: cross needs two gold entries from different docs" % rid)
        elif len(gold) != 1:
            errs.append("%s: expected one gold entry" % rid)
        for g in gold:
            check_quote(rid, g["doc"], g["quote"], errs, docs)
        if asks == "what" and acc: errs.append("%s: what with accept" % rid)
        lo = 0 if kind == "cross" else 1
        if asks != "what" and not lo <= len(acc) <= 4: errs.append("%s: accept count" % rid)
        for a in acc:
            if not any(flat(a) in flat(text(g["doc"])) for g in gold if os.path.exists(os.path.join(REAL, g["doc"]))):
                errs.append("%s: accept %r not in its document(s)" % (rid, a))
        if kind == "noaccent" and has_accents(r["query"]):
            errs.append("%s: noaccent query has accents" % rid)
        if kind == "paraphrase":
            if not s["avoid"]: errs.append("%s: paraphrase without an avoid list" % rid)
            for term in s["avoid"]:
                if term.lower() in r["query"].lower():
                    errs.append("%s: paraphrase query uses the document's term %r" % (rid, term))
        elif s["avoid"]:
            errs.append("%s: avoid list on a non-paraphrase question" % rid)
    kinds = collections.Counter(r["kind"] for r in rows)
    if kinds["cross"] != N_CROSS: errs.append("cross count %d" % kinds["cross"])
    if kinds["unanswerable"] != N_UNANSWERABLE: errs.append("unanswerable count %d" % kinds["unanswerable"])
    if kinds["paraphrase"] < MIN_PARAPHRASE: errs.append("paraphrase count %d" % kinds["paraphrase"])
    if kinds["noaccent"] != N_NOACCENT: errs.append("noaccent count %d" % kinds["noaccent"])
    used = {g["doc"] for r in rows for g in r["gold"]} | {s["doc"] for s in src}
    for d in docs:
        if d not in used: errs.append("document %s has no question" % d)
    return errs

def main():
    q = load()
    q = sorted(enumerate(q), key=lambda p: (p[1]["doc"], p[0]))
    rows, src = [], []
    for i, (_, x) in enumerate(q, 1):
        rows.append({"id": "q%03d" % i, "kind": x["kind"], "asks": x["asks"], "query": x["query"],
                     "gold": x["gold"], "accept": x["accept"], "note": x["note"]})
        src.append(x)
    errs = validate(rows, src)
    if errs:
        print("\n".join(errs)); sys.exit(1)
    with open(os.path.join(HERE, "questions.jsonl"), "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print("ok", len(rows))
    print("kind:", dict(collections.Counter(r["kind"] for r in rows).most_common()))
    print("asks:", dict(collections.Counter(r["asks"] for r in rows).most_common()))
    per = collections.Counter()
    for s in src:
        for d in ({g["doc"] for g in s["gold"]} or {s["doc"]}):
            per[d] += 1
    print("questions touching each document:", " ".join("%s:%d" % (d[4:7], per[d]) for d in chosen()))

if __name__ == "__main__":
    main()
