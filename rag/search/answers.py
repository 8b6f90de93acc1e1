"""Short extractive answers: the words of one cited hit that say exactly what was asked, or none.

Staff copy what the answer box says, so a wrong answer is worse than none. Each kind of question
(``rag.search.asks``) has one kind of answer, taken from one hit:
- who → the hit's lead bodies; with whom → its coordinating bodies; which units → its leads;
- when → one deadline or period of the hit (the one in the clause closest to the question), two
  when the question asks from when to when;
- how many → one number with the unit the question names; how long → one duration;
- where → the place written in the hit ("tại …", "Địa điểm: …"); to whom → the recipient
  ("gửi về …");
- about a document the question names → its issuer or date as a hit cites it.
The hit is the first of the best ``depth`` that gives every part asked on its own; a hit that does
not share the question's own words, or a who-question that names the very body the hit gives,
gives nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..records import Hit
from ..text.doc_numbers import doc_number_keys
from ..text.normalize import fold_diacritics, loose, strip_markdown
from ..text.tokens import QUESTION_WORDS, syllables
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


# Words of a question that say what is asked, not about what: they do not show a hit is on topic.
_ASKING = frozenset(
    "ai nào gì đâu bao nhiêu mấy khi giờ lúc thời gian hạn chót cơ quan đơn vị phải làm việc được cần "
    "có là do về của và với trong cho ở tại thì mà những các một này đó theo để phụ trách chủ trì".split()
)
_UNIT_WORDS = r"đại biểu|người|đồng chí|học viên|ngày|buổi|lớp|cuộc|đơn vị|giờ|tiết|tháng|năm|tuần|phút|đợt|lần|bài|trang|%"
_QUANTITY = re.compile(rf"(?<![\w/.,-])(\d+(?:[.,]\d+)?)\s*({_UNIT_WORDS})(?!\w)", re.I)
_DURATION_UNITS = {"ngay", "buoi", "gio", "tiet", "thang", "nam", "tuan", "phut"}
_PLACE = re.compile(r"(?:Địa điểm|địa điểm)\s*:\s*([^;.\n]+)|(?<!\w)(?:tại|ở)\s+((?:điểm cầu|hội trường|trụ sở|nhà văn hóa)?[^,;.()\n]{3,80}?)(?=\s*(?:[,;.()]|$|\s+(?:vào|trong|từ|trước|theo|do|với|để)\s))")
_RECIPIENT = re.compile(
    r"(?:gửi|nộp|báo cáo|chuyển|trình)(?:[^;.:]{0,60}?)\s+(?:về|cho|đến|tới|lên)\s+((?:Ban|Văn phòng|Thường trực|Ủy ban|UBND|Sở|Bộ|Tỉnh ủy|Thị ủy|Huyện ủy|Thành ủy|Đảng ủy|cấp ủy|Hội đồng)[^,;.()\n]{0,60}?)"
    r"(?=\s*(?:[,;.()]|$|\s+(?:trước|để|qua|theo|chậm nhất|trong|vào|tổng hợp|định kỳ)\b))"
)


def extract_answer(query: str, hits: list[Hit], *, depth: int = 3) -> Answer | None:
    """The short answer to ``query`` from ``hits`` (best first), or None when no hit gives it."""
    asks = question_asks(query)
    if not asks:
        return None
    topic = _topic_words(query)
    for hit in hits[:depth]:
        if not _on_topic(topic, hit):
            continue
        parts = [_answer_part(kind, asks, query, hit) for kind in asks.kinds]
        if all(parts):
            texts = [p for p in parts if p]
            return Answer(" — ".join(texts), tuple(AnswerPart(t, hit.rank, hit.doc_id, (hit.passage.line_start, hit.passage.line_end)) for t in texts))
    return None


def _answer_part(kind: str, asks: Asks, query: str, hit: Hit) -> str | None:
    facts = hit.facts
    if kind in ("who", "units"):
        return _bodies(facts.lead, query)
    if kind == "coordinating":
        return _bodies(facts.coordinating, "")
    if kind == "when":
        return _deadline(hit, query, asks.span)
    if kind == "how_many":
        return _quantity(hit.passage.text, asks.unit)
    if kind == "place":
        return _unique(_PLACE, hit.passage.text)
    if kind == "recipient":
        return _unique(_RECIPIENT, hit.passage.text)
    if kind in ("cited_issuer", "cited_date"):
        return _cited(hit, asks.document_keys, kind)
    return None


def _bodies(names: tuple[str, ...], query: str) -> str | None:
    """The bodies, unless the question itself names one of them: it then asks about that body
    (whom it directs, what it does), and its own name is no answer."""
    asked = loose(query)
    if not names or any(loose(name) in asked for name in names):
        return None
    return ", ".join(names)


def _clauses(text: str) -> list[str]:
    return [c for c in re.split(r"(?<=[;.:])\s+|\n", strip_markdown(text)) if c.strip()]


def _overlap(words: set[str], text: str) -> int:
    return len(words & {fold_diacritics(w) for w in syllables(text)})


def _deadline(hit: Hit, query: str, span: bool) -> str | None:
    deadlines = [d for d in hit.facts.deadlines if not d.flag]
    if not deadlines:
        return None
    if len(deadlines) == 1:
        return deadlines[0].text
    if span and len(deadlines) == 2:
        return " – ".join(d.text for d in deadlines)
    # Several: the one whose clause shares most words with the question, when one clearly does.
    words = _topic_words(query)
    clauses = _clauses(hit.passage.text)
    scored = sorted(
        ((max((_overlap(words, c) for c in clauses if d.text in c), default=0), d.text) for d in deadlines), reverse=True
    )
    if scored[0][0] > scored[1][0] and scored[0][0] >= 2:
        return scored[0][1]
    return None


def _quantity(text: str, unit: str) -> str | None:
    found = []
    for number, word in _QUANTITY.findall(strip_markdown(text)):
        folded = fold_diacritics(word).lower()
        wanted = folded in _DURATION_UNITS if unit == "duration" else unit.startswith(folded) if unit else True
        if wanted:
            found.append(f"{number} {word}")
    distinct = list(dict.fromkeys(found))
    return distinct[0] if len(distinct) == 1 else None


def _unique(pattern: re.Pattern[str], text: str) -> str | None:
    found = list(dict.fromkeys(" ".join(g for g in m.groups() if g).strip(" :") for m in pattern.finditer(strip_markdown(text))))
    return found[0] if len(found) == 1 and found[0] else None


def _cited(hit: Hit, keys: tuple[str, ...], kind: str) -> str | None:
    values = set()
    for cited in hit.facts.citations:
        if set(keys) & set(doc_number_keys(f"{cited.doc_type} {cited.number}")):
            value = cited.issuer if kind == "cited_issuer" else cited.date
            if value:
                values.add(value if kind == "cited_issuer" else "/".join(reversed(value.split("-"))))
    return values.pop() if len(values) == 1 else None


def _topic_words(query: str) -> set[str]:
    """The question's own words (folded syllables), without the words that only ask."""
    asking = {fold_diacritics(w) for w in _ASKING | QUESTION_WORDS}
    return {fold_diacritics(w) for w in syllables(query)} - asking


def _on_topic(topic: set[str], hit: Hit, share: float = 0.5) -> bool:
    """Whether the hit holds at least ``share`` of the question's own words, in its text, its heading
    path or the item a short item completes ("- Thời gian hoàn thành: trước 31/3" after its task)."""
    if not topic:
        return True
    passage = hit.passage
    found = {fold_diacritics(w) for w in syllables(" ".join((passage.text, passage.context, *passage.section_path)))}
    return len(topic & found) >= share * len(topic)
