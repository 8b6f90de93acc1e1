"""Short extractive answers: the words of one cited hit that say exactly what was asked, or none.

Staff copy what the answer box says, so a wrong answer is worse than none. Each kind of question
(``rag.search.asks``) has one kind of answer, taken from one hit:
- who → the hit's lead bodies; with whom → its coordinating bodies; which units → its leads;
- when → one deadline or period of the hit (the only one, or the one whose sentence is the
  question's and holds no other), two when the question asks from when to when; an occasion
  ("vào dịp sinh nhật Bác") when it asks "dịp nào";
- how many → one number with the unit the question names; how long → one duration;
- where → the place written in the hit ("tại …", "Địa điểm: …"); to whom → the recipient
  ("gửi về …");
- about a document the question names → its issuer or date as a hit cites it;
- which document a plan follows or names ("thực hiện theo KH nào?", "là QĐ số mấy?") → the one
  document of that type the hit cites, not one the question names nor the hit's own.
The hit is the best one (``depth`` 1): on the tuning set (tests/data/answers_dev.jsonl), half of
the answers taken from a lower hit were wrong, against one in six from the first. A hit that does
not share half of the question's own words gives nothing; nor does a who-question that names the
very body the hit gives, nor a period the question itself states. The words weighed live in
``answer_words``, the answers about documents in ``answer_documents``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ..records import Hit
from ..structure.citations import DOC_TYPES
from ..text.doc_numbers import doc_number_keys
from ..text.normalize import fold_diacritics, loose, strip_markdown
from ..text.tokens import syllables
from .answer_documents import cited_value, which_document
from .answer_words import clear_winner, names_body, on_topic, overlap, paraphrased_words, split_sentences, topic_words
from .asks import Asks, question_asks


@dataclass(frozen=True)
class AnswerPart:
    text: str  # words taken from one passage
    rank: int  # the hit it comes from
    doc: str
    lines: tuple[int, int]


@dataclass(frozen=True)
class Answer:
    """A short extractive answer: "Ban Tuyên giáo Tỉnh ủy — trước ngày 31/3/2022", each part cited."""

    text: str
    parts: tuple[AnswerPart, ...]


_SEVERAL_PLANS = re.compile(r"(?<!\w)(?:cac|nhung) (?:ke hoach|van ban|chi thi|huong dan|kh)(?!\w)")
_NUMBER = r"(?:\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?|½)(?:\s*-\s*\d+)?"  # "30", "0,5", "½", "02 - 03", "2.340.000"
_UNIT_WORDS = "dai bieu|nguoi|dong chi|hoc vien|ca nhan|ngay|buoi|lop|cuoc|don vi|gio|tiet|thang|nam|tuan|phut|dot|lan|bai|noi dung|dong"
_DURATION_UNITS = ("ngay", "buoi", "gio", "tiet", "thang", "nam", "tuan", "phut")
# Units a question may name for the same count ("mấy người" for "30 đại biểu").
_SAME_UNIT = {"nguoi": ("nguoi", "dai bieu", "dong chi", "hoc vien", "ca nhan", "dang vien", "can bo"), "phan": ("phan tram", "%")}
_PLACE = re.compile(r"(?:Địa điểm|địa điểm)\s*:\s*([^;.\n]+)|(?<!\w)(?:tại|ở)\s+((?:điểm cầu|hội trường|trụ sở|nhà văn hóa)?[^,;.()\n]{3,80}?)(?=\s*(?:[,;.()]|$|\s+(?:vào|trong|từ|trước|theo|do|với|để)\s))")
_OCCASION = re.compile(r"(?<!\w)(?:vào |nhân |trong )?(dịp\s+[^,;.()\n]{3,60}?)(?=\s*(?:[,;.()]|$|\s+(?:và|để|nhằm|theo)\s))")
_BODY_START = r"(?:Ban|Văn phòng|Thường trực|Ủy ban|UBND|Sở|Bộ|Tỉnh ủy|Thị ủy|Huyện ủy|Thành ủy|Đảng ủy|cấp ủy|Hội đồng)"
# "gửi báo cáo … về Ban X", or the body right after the verb: "gửi Ban Tuyên giáo Trung ương", "báo cáo Thường trực …".
_RECIPIENT = re.compile(
    rf"(?:gửi|nộp|báo cáo|chuyển|trình)(?:(?:[^;.:]{{0,120}}?)\s+(?:về|cho|đến|tới|lên))?\s+({_BODY_START}[^,;.()\n]{{0,60}}?)"
    r"(?=\s*(?:[,;.()]|$|\s+(?:trước|để|qua|theo|chậm nhất|trong|vào|tổng hợp|định kỳ|về|kết quả|chỉ đạo|xem xét|phê duyệt|cho ý kiến|ban hành|quyết định)\b))"
)


def extract_answer(query: str, hits: list[Hit], *, depth: int = 1) -> Answer | None:
    """The short answer to ``query`` from ``hits`` (best first), or None when no hit gives it."""
    asks = question_asks(query)
    if not asks:
        return None
    if _SEVERAL_PLANS.search(fold_diacritics(query).lower()) and not DOCUMENT_KINDS & set(asks.kinds):
        return None  # "Trong các kế hoạch …, ai …?": one plan's body or date is half the answer; a document they all cite is whole
    topic = topic_words(query)
    for hit in hits[:depth]:
        if not on_topic(topic, hit, with_document="effective" in asks.kinds, paraphrases=paraphrased_words(query)) or not _of_the_years_asked(query, hit):
            continue
        parts = [_answer_part(kind, asks, query, hit) for kind in asks.kinds]
        if all(parts):
            texts = [p for p in parts if p]
            if _contested(texts, hit, hits, asks, query, topic):
                return None
            return Answer(" — ".join(texts), tuple(AnswerPart(t, hit.rank, hit.doc_id, (hit.passage.line_start, hit.passage.line_end)) for t in texts))
    return None


# A runner-up within this much of the best hit's fused score is a near tie. Chosen on answers_dev
# (precision 0.903 → 1.000, coverage 0.477 → 0.415); then holdout 0.850 → 0.941, new_dev unchanged.
CLOSE = 0.1


_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def _of_the_years_asked(query: str, hit: Hit) -> bool:
    """"Kế hoạch … năm 2023 … giao ai …?" is not answered from the 2022 plan: every year the question
    names is in the hit's words, its headings or its document's title, number or date."""
    passage, cited = hit.passage, hit.citation
    written = " ".join((passage.text, passage.context, *passage.section_path, cited.title, cited.number, cited.date))
    return set(_YEAR.findall(query)) <= set(_YEAR.findall(written))


def _contested(texts: list[str], best: Hit, hits: list[Hit], asks: Asks, query: str, topic: frozenset[str]) -> bool:
    """A runner-up nearly as good as the best hit, on the same topic, that gives another answer:
    the ranking cannot tell which of the two answers the question, so neither is given."""
    for other in hits:
        if other is best or other.score < best.score - CLOSE or not on_topic(topic, other):
            continue
        theirs = [_answer_part(kind, asks, query, other) for kind in asks.kinds]
        if all(theirs) and [t for t in theirs if t] != texts:
            return True
    return False


def _answer_part(kind: str, asks: Asks, query: str, hit: Hit) -> str | None:
    facts = hit.facts
    if kind == "who":
        return _bodies(facts.lead, query) and _bodies(_leads_of_asked_sentence(facts.lead, hit, query), query)
    if kind == "units":  # asked in the plural ("những đơn vị nào"): one body is no list of units
        return _bodies(_leads_of_asked_sentence(facts.lead, hit, query), query) if len(facts.lead) >= 2 else None
    if kind == "coordinating":
        return _bodies(facts.coordinating, "")
    if kind == "when":
        return _occasion(hit.passage.text) if asks.occasion else _deadline(hit, query, asks.span)
    if kind == "how_many":
        return _quantity(hit.passage.text, asks.unit, query)
    if kind == "place":
        return _unique(_PLACE, hit.passage.text, query, keep=_not_a_document)
    if kind == "recipient":
        return _unique(_RECIPIENT, hit.passage.text, query)
    if kind in ("cited_issuer", "cited_date"):
        return cited_value(hit, asks.document_keys, kind)
    if kind == "document":
        return which_document(hit, asks, query)
    if kind == "effective":
        return _effective(hit, asks)
    return None


def _leads_of_asked_sentence(names: tuple[str, ...], hit: Hit, query: str) -> tuple[str, ...]:
    """A passage's lead bodies, or none when they all come after the sentence the question is about:
    in "Thẻ đảng viên do Ban Tổ chức Trung ương in ấn …. Các cấp ủy trực thuộc Trung ương tổ chức
    phát thẻ …", a question on printing the cards is not answered by the second sentence's body.
    A sentence without a body has the subject of the one before ("Báo Lạng Sơn: Xây dựng kế hoạch
    …. Mở chuyên trang …"); bodies read from the heading ("1. Sở Y tế:" › "- Chủ trì …") are in no
    sentence, and stand."""
    sentences = split_sentences(hit.passage.text)
    if len(sentences) < 2 or not names:
        return names
    folded = [{fold_diacritics(w) for w in syllables(s)} for s in sentences]
    first = [min((i for i, words in enumerate(folded) if _in_words(name, words)), default=None) for name in names]
    if None in first:
        return names
    words = topic_words(query)
    best = clear_winner({str(i): len(words & sentence) for i, sentence in enumerate(folded)})
    return names if best is None or min(i for i in first if i is not None) <= int(best) else ()


def _in_words(name: str, words: set[str]) -> bool:
    return {fold_diacritics(w) for w in syllables(name)} <= words


_EFFECTIVE_FROM = re.compile(r"hiệu lực(?: thi hành)?,?\s+((?:kể\s+)?từ\s+ngày\s+(?:ký(?:\s+ban\s+hành)?|\d{1,2}(?:\s*[/-]\s*\d{1,2}\s*[/-]\s*|\s+tháng\s+\d{1,2}\s+năm\s+)\d{4}))")


def _effective(hit: Hit, asks: Asks) -> str | None:
    """"có hiệu lực (thi hành) (kể) từ ngày …": when a document takes effect, from its own text (of the
    document the question names, when it names one)."""
    if asks.document_keys and not set(asks.document_keys) & set(doc_number_keys(f"{hit.citation.doc_type} {hit.citation.number}")):
        return None
    found = {" ".join(m.group(1).split()) for m in _EFFECTIVE_FROM.finditer(strip_markdown(hit.passage.text))}
    return found.pop() if len(found) == 1 else None


def _bodies(names: tuple[str, ...], query: str) -> str | None:
    """The bodies, unless the question itself names one of them: it then asks about that body
    (whom it directs, what it does), and its own name is no answer."""
    if not names or any(names_body(name, query) for name in names):
        return None
    return ", ".join(names)


def _deadline(hit: Hit, query: str, span: bool) -> str | None:
    """One deadline: the only one, or the one whose sentence is the question's and holds no other.
    A flagged date is answered as written, as the plan shows it."""
    asked = f" {loose(query)} "
    # A period the question itself states ("… hằng năm, khi nào …?") is not what it asks.
    deadlines = [d for d in dict.fromkeys(d.text for d in hit.facts.deadlines) if f" {loose(d)} " not in asked]
    # "hằng năm" read inside "Quý IV hằng năm" is the same period, said less precisely.
    deadlines = [d for d in deadlines if not any(d != other and loose(d) in loose(other) for other in deadlines)]
    if not deadlines:
        return None
    if len(deadlines) == 1:
        return deadlines[0]
    if span and len(deadlines) == 2:
        return " – ".join(deadlines)
    words = topic_words(query)
    sentences = split_sentences(hit.passage.text)
    best: dict[str, tuple[int, str]] = {}
    for text in deadlines:
        holding = [s for s in sentences if text in s]
        if holding:
            best[text] = max((overlap(words, s), s) for s in holding)
    winner = clear_winner({text: shared for text, (shared, _) in best.items()})
    if winner is None or len(best) < 2:
        return None
    others = [d for d in deadlines if d != winner and d in best[winner][1] and d not in winner]
    return None if others else winner


def _occasion(text: str) -> str | None:
    """"vào dịp sinh nhật Bác": the occasion a thing is timed for, when the question asks "dịp nào"."""
    return _unique(_OCCASION, text)


def _quantity(text: str, unit: str, query: str = "") -> str | None:
    """The one number written with the unit the question names ("bao nhiêu đại biểu" → "30 đại
    biểu"), or with a unit of time for "bao lâu"; none when several differ. A bound written with
    the number is part of it ("tối thiểu 80%", "từ 9 đảng viên trở lên"), and a second count joined
    to the first ("42 xã và 03 phường") when the question asks for both."""
    plain = strip_markdown(text)
    folded = "".join(fold_diacritics(ch) or ch for ch in plain).lower()  # char for char: spans stay aligned
    unit = unit.removesuffix(" va")  # "bao nhiêu xã và thị trấn": counted in xã, then in thị trấn
    asked = fold_diacritics(query).lower()
    second = re.search(rf"(?<!\w){re.escape(unit)} va ([a-z]+)(?: ([a-z]+))?", asked) if unit else None
    number = rf"(?:{_NUMBER}|{_NUMBER_WORDS})"
    if unit == "duration":
        units = "|".join(_DURATION_UNITS)
    elif unit:
        units = "|".join(re.escape(u) for u in _SAME_UNIT.get(unit.split()[0], (unit, unit.split()[0])))
    else:
        units = _UNIT_WORDS
    pattern = rf"(?:{_BOUND}\s+)?({number})\s*(?:{units})(?!\w)(?:\s+(?:tro len|tro xuong))?"
    matches = re.finditer(rf"(?<![\w/.,-]){pattern}", folded)
    if unit == "duration":  # "trước ngày 31 tháng 3 năm 2022" is a date, not "31 tháng" nor "3 năm"
        matches = (m for m in matches if not _IN_DATE.search(folded[: m.start()]) and not re.match(r"\s*\d", folded[m.end() :]))
    spans = [(m.start(), m.end()) for m in matches]
    if len({re.sub(rf"^{_BOUND}\s+", "", folded[a:b]) for a, b in spans}) != 1:
        return None
    start, end = spans[0]
    named = " ".join(w for w in second.groups() if w) if second else ""
    if named and (then := re.match(rf"\s*(?:,|va)\s+{_NUMBER}\s+{named}(?!\w)", folded[end:])):
        end += then.end()
    start, end = _echoes(folded, start, end, asked)
    return plain[start:end]


_NOT_ECHOED = frozenset("la thi co duoc khong va cua cho cac nhung de o tai voi tu theo ve den".split())
_ASKED_COUNT = re.compile(r"(?:(truoc ngay|cham nhat ngay|sau ngay|den ngay) )?(?:bao nhieu|may|bao lau)(?!\w)((?: [a-z]+){0,6})")


def _echoes(folded: str, start: int, end: int, asked: str) -> tuple[int, int]:
    """Widen a count by the words the question says right around its "bao nhiêu": "trước ngày bao
    nhiêu hằng tháng" → "trước ngày 20 hằng tháng", "bao nhiêu người chết và mất tích" → "102
    người chết, mất tích", "mấy nhiệm kỳ liên tiếp" → "hai nhiệm kỳ liên tiếp"."""
    found = _ASKED_COUNT.search(asked)
    if not found:
        return start, end
    if found.group(1) and folded[:start].endswith(found.group(1) + " "):
        start -= len(found.group(1)) + 1
    words = set(found.group(2).split()) - _NOT_ECHOED
    at = end
    for n in range(4):  # a few words only: the count's own words, not the rest of its sentence
        step = re.match(r",?\s+([a-z]+)(?!\w)" if n else r"\s+([a-z]+)(?!\w)", folded[at:])  # "40 học viên, học …": a comma ends it
        if not step or step.group(1) not in words:
            break
        at += step.end()
    return start, at


# A bound on a count, part of the answer: "tối thiểu 80%" is not "80%".
_BOUND = r"(?:toi thieu|toi da|it nhat|nhieu nhat|khong qua|khong vuot qua|khong duoi|khong it hon|tren|duoi|hon|gan|khoang|tu)"
# Counts in words ("chín đảng viên chính thức"): an answer of their own, and a second value beside digits.
_NUMBER_WORDS = r"(?:mot|hai|ba|bon|nam|sau|bay|tam|chin|muoi|muoi mot|muoi hai|muoi lam|hai muoi|ba muoi)"


_IN_DATE = re.compile(r"(?<!\w)(?:ngay|thang|nam|quy)\s*$")


def _not_a_document(value: str) -> bool:
    """"tại Công văn số 15564/BTC-KTN": in a document, not at a place."""
    return not _DOCUMENT_NAMED.match(value)


_DOCUMENT_NAMED = re.compile(rf"(?:{DOC_TYPES})(?!\w)", re.IGNORECASE)


def _unique(pattern: re.Pattern[str], text: str, query: str = "", keep: Callable[[str], bool] = lambda value: True) -> str | None:
    """The one value the pattern finds; of several, the one whose clause holds clearly more of the
    question's words ("… báo cáo kết quả về Ban Tuyên giáo …; báo cáo những vấn đề phát sinh về
    Thường trực Tỉnh ủy" for "vấn đề phát sinh thì báo cáo ai?"), as for deadlines."""
    plain = strip_markdown(text)
    found: dict[str, int] = {}
    words = topic_words(query) if query else frozenset()
    previous_end = 0  # a clause starts after the value before it: "… về Thường trực Tỉnh ủy (…) để tổng hợp, báo cáo Ban X"
    for m in pattern.finditer(plain):
        value = " ".join(g for g in m.groups() if g).strip(" :")
        start, previous_end = max(plain.rfind(";", 0, m.start()) + 1, plain.rfind(".", 0, m.start()) + 1, previous_end), m.end()
        if value and keep(value):
            clause = plain[start : m.end()]
            found[value] = max(found.get(value, 0), overlap(words, clause))
    return next(iter(found)) if len(found) == 1 else clear_winner(found)


# Questions about documents: whether a passage can answer one is cheap to tell and rare among its neighbours.
DOCUMENT_KINDS = frozenset({"document", "cited_issuer", "cited_date"})


def gives_document_answer(asks: Asks, query: str, hit: Hit) -> bool:
    """Whether the hit yields the answer to a question about a document (which one, who issued it,
    when): the one cited document of the type asked, or the cited document's issuer or date."""
    kinds = [kind for kind in asks.kinds if kind in DOCUMENT_KINDS]
    return bool(kinds) and all(_answer_part(kind, asks, query, hit) for kind in kinds)
