"""Question intent: who / when. A who-question prefers passages that name a responsible body,
a when-question passages that carry a deadline or period (issue 3 builds full facts on this)."""

from __future__ import annotations

import re

from .normalize import fold_diacritics

# Matched on the folded, lower-case query so that questions typed without diacritics count too.
_WHO = re.compile(r"(^|\s)(ai|do ai|co quan nao|don vi nao|ben nao|cap nao)(\s|\?|$)")
_WHEN = re.compile(r"(^|\s)(khi nao|bao gio|luc nao|thoi han|han chot|han hoan thanh|thoi gian nao|thang nao|ngay nao)(\s|\?|$)")

LEAD_BODY = re.compile(r"chủ trì|\bgiao\b|tham mưu|chịu trách nhiệm|cơ quan thực hiện|\bdo\s+(?:ban|ủy|đảng|các)\b|tiến hành|quyết định", re.I)
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
    return intents


def intent_matches(intents: set[str], text: str) -> bool:
    """Whether ``text`` answers the kind of question asked (any of the intents)."""
    return ("who" in intents and bool(LEAD_BODY.search(text))) or ("when" in intents and bool(DEADLINE.search(text)))
