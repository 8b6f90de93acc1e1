"""Question intent: who / when / how many / which plans implement a document. A who-question prefers passages that name a responsible
body, a when-question passages with a deadline or period, a how-many question passages with a
quantity ("30 đại biểu"). Issue 3 builds full fact extraction on this."""

from __future__ import annotations

import re

from ..records import Facts, Passage
from ..structure.passages import PREAMBLE_TITLE
from ..text.doc_numbers import doc_number_keys
from ..text.normalize import fold_diacritics

# Matched on the folded, lower-case query so that questions typed without diacritics count too.
_WHO = re.compile(r"(^|\s)(ai|do ai|(?:co quan|don vi|ben|cap|ban|to chuc|bo phan|noi) nao)(\s|\?|$)")
_HOW_MANY = re.compile(r"(^|\s)(bao nhieu|bao lau|may (nguoi|dai bieu|ngay|buoi|lop)|so luong)(\s|\?|$)")
# "Những kế hoạch nào thực hiện KL 01?": asks for documents, with a verb of implementing.
_WHICH_DOCUMENTS = re.compile(r"(ke hoach|van ban|chi thi|huong dan|don vi|noi) nao|nhung (ke hoach|van ban)")
# "Những kế hoạch nào …", "Các kế hoạch diễn đạt thế nào …": the answer spans several plans.
_ACROSS = re.compile(r"(cac|nhung) (ke hoach|van ban|chi thi|huong dan)|(ke hoach|van ban) nao")
_IMPLEMENTING = re.compile(r"thuc hien|trien khai|can cu|cu the hoa|dua tren|quan triet")
_WHEN = re.compile(r"(^|\s)(khi nao|bao gio|luc nao|thoi han|han chot|han hoan thanh|thoi gian nao|thang nao|ngay nao)(\s|\?|$)")

LEAD_BODY = re.compile(r"chủ trì|\bgiao\b|tham mưu|chịu trách nhiệm|cơ quan thực hiện|\bdo\s+(?:ban|ủy|đảng|các)\b|tiến hành|quyết định", re.I)
QUANTITY = re.compile(r"\b\d+(?:,\d+)?\s+(?:đại biểu|người|đồng chí|ngày|buổi|lớp|cuộc|đơn vị|suất)\b|\d+\s*%", re.I)
DEADLINE = re.compile(
    r"trước ngày|\btrước\s+\d|hoàn thành|\bthời gian\b|\bthời hạn\b|\d{1,2}/\d{4}|tháng\s+\d|quý\s+[IV]|hằng (?:năm|quý|tháng)|thường xuyên",
    re.I,
)


def question_intents(query: str) -> set[str]:
    folded = fold_diacritics(query).lower()
    intents = set()
    if _WHO.search(folded):
        intents.add("who")
    if _WHEN.search(folded):
        intents.add("when")
    if _HOW_MANY.search(folded):
        intents.add("how_many")
    if _ACROSS.search(folded):
        intents.add("across")
    if _WHICH_DOCUMENTS.search(folded) and _IMPLEMENTING.search(folded) and doc_number_keys(query):
        intents.add("basis")  # "which plans implement Kết luận 01-KL/TW?"
    return intents


def answers_basis(query_keys: set[str], passage: Passage) -> bool:
    """An opening "Thực hiện …/Căn cứ …" paragraph that names a document the question names
    (``query_keys``: the question's ``doc_number_keys``)."""
    return passage.section_path == (PREAMBLE_TITLE,) and bool(query_keys & set(doc_number_keys(passage.text)))


def intent_matches(intents: set[str], text: str, facts: Facts | None = None) -> bool:
    """Whether a passage answers the kind of question asked: its extracted facts when there are
    some (a lead body for "who", a deadline for "when"), else the wording of ``text``."""
    # Each test runs only when its intent was asked: these regexes are most of a query's ranking time.
    if "who" in intents and (bool(facts.lead) if facts is not None else bool(LEAD_BODY.search(text))):
        return True
    if "when" in intents and (bool(facts.deadlines) if facts is not None else bool(DEADLINE.search(text))):
        return True
    return "how_many" in intents and bool(QUANTITY.search(text))
