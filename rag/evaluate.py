"""Evaluation: run a query file, write ranked results, and score them (Recall@k, MRR@10).

The metric mirrors the evaluation contract of DESIGN.md: a result hits a gold item when it
comes from the gold document and holds at least half of the gold quote as one unbroken run
(after light normalisation). Our own code, so that tests need nothing outside the repository.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections import defaultdict
from pathlib import Path
from typing import Any

from .documents.pdf_repair import repair_pdf_text
from .records import Deadline
from .search.facade import SearchIndex
from .text.normalize import loose, strip_markdown, unify_tone_marks

KS = (1, 5, 10)


def load_queries(path: str | Path) -> list[dict[str, Any]]:
    rows = []
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                row = json.loads(line)
            except json.JSONDecodeError as err:
                raise ValueError(f"{path}:{number}: not a JSON line ({err})") from err
            if "id" not in row or "query" not in row:
                raise ValueError(f"{path}:{number}: a query needs 'id' and 'query'")
            rows.append(row)
    return rows


def run_queries(index: SearchIndex, queries: list[dict[str, Any]], k: int = 10, *, mode: str = "hybrid") -> list[dict[str, Any]]:
    """One result line per query in the contract's format (doc, text, plus score and citation)."""
    hits = index.search_batch([q["query"] for q in queries], k=k, mode=mode)
    rows = []
    for q, found in zip(queries, hits):
        answer = index.short_answer(q["query"], found) if mode == "hybrid" else None
        rows.append({"id": q["id"], "answer": answer.text if answer else None, "results": [h.to_dict() for h in found]})
    return rows


def _norm(text: str) -> str:
    text = unify_tone_marks(strip_markdown(repair_pdf_text(unicodedata.normalize("NFC", text)))).lower()
    text = text.translate(str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "…": "..."}))
    return re.sub(r"\s+", " ", text).strip()


def _covers(quote: str, passage: str, threshold: float = 0.5) -> bool:
    if not quote:
        return False
    if quote in passage:
        return True
    need = max(1, math.ceil(threshold * len(quote)))
    return any(quote[i : i + need] in passage for i in range(len(quote) - need + 1))


def score(queries: list[dict[str, Any]], results: list[dict[str, Any]]) -> dict[str, dict[str, float]]:
    """Recall@1/5/10 and MRR@10 per query kind and over all queries ("ALL")."""
    by_id = {r["id"]: r["results"] for r in results}
    per_kind: dict[str, list[dict[str, float]]] = defaultdict(list)
    for q in queries:
        golds = [(Path(g["doc"]).stem, _norm(g["quote"])) for g in q.get("gold", [])]
        first_hit: list[int | None] = [None] * len(golds)
        first_any = None
        for rank, result in enumerate(by_id.get(q["id"], [])[:10], 1):
            text = _norm(result["text"])
            for g, (stem, quote) in enumerate(golds):
                if stem in result["doc"] and _covers(quote, text):
                    first_hit[g] = first_hit[g] or rank
                    first_any = first_any or rank
        row = {f"R@{k}": sum(1 for h in first_hit if h and h <= k) / max(len(golds), 1) for k in KS}
        row["MRR@10"] = 1 / first_any if first_any else 0.0
        per_kind[q.get("kind", "?")].append(row)
        per_kind["ALL"].append(row)
    return {kind: {m: sum(r[m] for r in rows) / len(rows) for m in rows[0]} | {"n": len(rows)} for kind, rows in per_kind.items()}


# --- short answers ------------------------------------------------------------------------------

_DAY_MONTH_YEAR = re.compile(r"(?:ngày\s+)?(\d{1,2})\s*(?:/|-|\.|\s+tháng\s+)\s*(\d{1,2})\s*(?:/|-|\.|\s+năm\s+)\s*(\d{4})")
_MONTH_YEAR = re.compile(r"tháng\s+(\d{1,2})\s*(?:/|-|\s+năm\s+)\s*(\d{4})")
_PLURAL = re.compile(r"(?<!\w)(?:các|những)\s+")


def _answer_key(text: str) -> str:
    """Answers compared as the contract says: dates in one form, "các"/"những" ignored."""
    text = _norm(text)
    text = _DAY_MONTH_YEAR.sub(lambda m: f"{m[3]}-{int(m[2]):02d}-{int(m[1]):02d}", text)
    text = _MONTH_YEAR.sub(lambda m: f"tháng {m[2]}-{int(m[1]):02d}", text)
    return " ".join(_PLURAL.sub("", text).split())


def answer_correct(query: dict[str, Any], answer: str | None) -> bool:
    """Holds an accepted variant of every part asked, and is no hedge (at most 4x the longest
    accepted variant plus 20 characters)."""
    groups = query.get("accept_all") or ([query["accept"]] if query.get("accept") else [])
    if not groups or not answer:
        return False
    given = _answer_key(answer)
    if len(given) > 4 * max(len(_answer_key(v)) for g in groups for v in g) + 20:
        return False
    return all(any(_answer_key(v) in given for v in group) for group in groups)


def score_answers(queries: list[dict[str, Any]], results: list[dict[str, Any]]) -> dict[str, float]:
    """Coverage (answered / answerable) and precision (correct / answered) over the queries with
    accepted answers; ``unanswerable_answered``: answers given where the set expects none."""
    by_id = {r["id"]: r.get("answer") for r in results}
    able = [q for q in queries if q.get("accept") or q.get("accept_all")]
    answered = [q for q in able if by_id.get(q["id"])]
    correct = [q for q in answered if answer_correct(q, by_id[q["id"]])]
    none = [q for q in queries if "accept" in q and not q["accept"] and not q.get("accept_all")]
    return {
        "answerable": len(able),
        "coverage": len(answered) / len(able) if able else 0.0,
        "precision": len(correct) / len(answered) if answered else 0.0,
        "unanswerable_answered": sum(1 for q in none if by_id.get(q["id"])),
    }


# --- fact extraction -----------------------------------------------------------------------------


def _same_body(a: str, b: str) -> bool:
    """Equal names, or one a prefix of the other of two or more words ("Đảng ủy trực thuộc" ~ "… Tỉnh ủy")."""
    a, b = loose(a), loose(b)
    short, long_ = sorted((a, b), key=len)
    return a == b or (len(short.split()) >= 2 and long_.startswith(short + " "))


def _same_deadline(gold: dict[str, Any], found: Deadline) -> bool:
    g, f = loose(gold["text"]), loose(strip_markdown(found.text))
    return (g in f or f in g) and (gold.get("end") in (None, found.end) or found.end is None and gold.get("recurring") == found.recurring)


def _counts(gold: list[Any], found: list[Any], same: Any) -> tuple[int, int, int]:
    """(true positives, found, gold) with one-to-one matching."""
    unmatched = list(gold)
    true = 0
    for item in found:
        match = next((g for g in unmatched if same(g, item)), None)
        if match is not None:
            unmatched.remove(match)
            true += 1
    return true, len(found), len(gold)


def score_facts(gold_rows: list[dict[str, Any]], index: SearchIndex) -> dict[str, dict[str, float]]:
    """Precision and recall of each fact type against hand-labelled passages (tests/data/facts_gold.jsonl)."""
    by_place = {(p.doc_id, p.line_start, strip_markdown(p.text)[:30]): i for i, p in enumerate(index.passages)}
    totals: dict[str, list[int]] = {name: [0, 0, 0] for name in ("lead", "coordinating", "deadlines", "citations")}
    for row in gold_rows:
        key = next(k for k in by_place if k[0] == row["doc"] and k[1] == row["line_start"] and strip_markdown(row["text_start"])[:30].startswith(k[2][:20]))
        facts = index.facts[by_place[key]]
        citations = list({c.key: c for c in facts.citations}.values())
        for name, gold, found, same in (
            ("lead", row["lead"], list(facts.lead), _same_body),
            ("coordinating", row["coordinating"], list(facts.coordinating), _same_body),
            ("deadlines", row["deadlines"], list(facts.deadlines), _same_deadline),
            ("citations", row["citations"], citations, lambda g, f: loose(g["number"]) == loose(f.number) and loose(g["type"]) == loose(f.doc_type)),
        ):
            true, n_found, n_gold = _counts(gold, found, same)
            totals[name][0] += true
            totals[name][1] += n_found
            totals[name][2] += n_gold
    return {
        name: {"precision": t / f if f else 1.0, "recall": t / g if g else 1.0, "gold": g, "found": f}
        for name, (t, f, g) in totals.items()
    }


# --- facts of real passages, labelled as text ----------------------------------------------------

_ROMAN_QUARTER = {"i": 1, "ii": 2, "iii": 3, "iv": 4}


def _body_key(name: str) -> str:
    """A body name compared without case, diacritics, punctuation, abbreviations or a leading "các"."""
    from .structure.names import normalise_body  # the rules' own abbreviation table: "UBND" ~ "Ủy ban nhân dân"

    key = re.sub(r"[^\w]+", " ", loose(normalise_body(strip_markdown(name))))
    return re.sub(r"\b(?:cac|moi|dong chi) ", "", key.strip())  # "các" marks a plural anywhere: "Thủ trưởng các sở"


_NAMED_AFTER_COLON = re.compile(r"^\s*(?:[Cc]ác\s+)?(Bộ|Sở)(?:,\s*(?:cơ quan|ngành))?\s*:\s*(.+)$")


def same_body_words(label: str, found: str) -> bool:
    """Equal names, or one holding the other as whole words ("Sở Y tế" ~ "Sở Y tế thành phố"). A label
    "Các Bộ: Tài chính, Y tế" names each ministry it lists: "Bộ Y tế" is one of them."""
    if listed := _NAMED_AFTER_COLON.match(label):
        return any(_same_body_words(f"{listed.group(1)} {name}", found) for name in re.split(r",\s+", listed.group(2)))
    return _same_body_words(label, found)


def _same_body_words(label: str, found: str) -> bool:
    a, b = _body_key(label), _body_key(found)
    short, long_ = sorted((a, b), key=len)
    return bool(short) and f" {short} " in f" {long_} "


def _deadline_anchors(text: str) -> set[str]:
    """The dates and periods a deadline names: "d:2025-11-30", "m:2025-12", "q:2028-4", "y:2025", "r:nam", "ongoing"."""
    t = loose(strip_markdown(text))
    anchors = {f"d:{y}-{int(m):02d}-{int(d):02d}" for d, m, y in re.findall(r"\b(\d{1,2})\s*[/-]\s*(\d{1,2})\s*[/-]\s*(\d{4})\b", t)}
    anchors |= {f"d:{y}-{int(m):02d}-{int(d):02d}" for d, m, y in re.findall(r"\b(\d{1,2}) thang (\d{1,2}) nam (\d{4})\b", t)}
    t = re.sub(r"\b\d{1,2}\s*[/-]\s*\d{1,2}\s*[/-]\s*\d{4}\b|\b\d{1,2} thang \d{1,2} nam \d{4}\b", " ", t)
    anchors |= {f"m:{y}-{int(m):02d}" for m, y in re.findall(r"\bthang (\d{1,2})\s*(?:/|nam)\s*(\d{4})\b", t)}
    anchors |= {f"q:{y}-{_ROMAN_QUARTER[q]}" for q, y in re.findall(r"\bquy (iv|i{1,3})\s*(?:/|nam)\s*(\d{4})\b", t)}
    t = re.sub(r"\b(?:thang \d{1,2}|quy (?:iv|i{1,3}))\s*(?:/|nam)\s*\d{4}\b", " ", t)
    anchors |= {f"y:{y}" for y in re.findall(r"\bnam (\d{4})\b", t)}
    anchors |= {f"r:{unit}" for unit in re.findall(r"\bh[aă]ng (nam|quy|thang|tuan|ngay)\b", t)}
    return anchors | ({"ongoing"} if "thuong xuyen" in t else set())


def same_deadline_words(label: str, found: str) -> bool:
    """One text holding the other, or the two naming a same date or period ("Quý IV/2028" ~ "quý IV năm 2028")."""
    a, b = (re.sub(r"[^\w/]+", " ", loose(strip_markdown(x))).strip() for x in (label, found))
    short, long_ = sorted((a, b), key=len)
    return bool(short) and f" {short} " in f" {long_} " or bool(_deadline_anchors(label) & _deadline_anchors(found))


def score_passage_facts(rows: list[dict[str, Any]], found: list[Any]) -> dict[str, dict[str, float]]:
    """Precision and recall of lead, coordinating bodies and deadlines: ``rows`` labelled as text
    (tests/data/real/facts_*.jsonl), ``found`` the Facts the rules give each row's passage.
    A found item is right when it matches some labelled one, and a labelled one is found when some
    found item matches it: a label may group what the rules list apart ("Bộ trưởng, Thủ trưởng các cơ
    quan ngang Bộ" ~ "Bộ trưởng" + "Thủ trưởng cơ quan ngang Bộ") and the other way round."""
    totals = {name: [0, 0, 0, 0] for name in ("lead", "coordinating", "deadlines")}  # right, found, recalled, labelled
    for row, facts in zip(rows, found, strict=True):
        for name, got, same in (
            ("lead", list(facts.lead), same_body_words),
            ("coordinating", list(facts.coordinating), same_body_words),
            ("deadlines", [d.text for d in facts.deadlines], same_deadline_words),
        ):
            gold = row[name]
            counts = (sum(any(same(g, f) for g in gold) for f in got), len(got), sum(any(same(g, f) for f in got) for g in gold), len(gold))
            for i, total in enumerate(counts):
                totals[name][i] += total
    return {
        name: {"precision": right / n_found if n_found else 1.0, "recall": recalled / n_gold if n_gold else 1.0, "gold": n_gold, "found": n_found}
        for name, (right, n_found, recalled, n_gold) in totals.items()
    }
