"""What a question asks for, so that its short answer can be of exactly that kind.

One question, one kind of answer: a body, a date, a number, a place, a recipient, a list of units,
or the issuer or date of a document it names. Read on the folded, lower-case question (typed with
or without diacritics); a phrase counts as a whole word whatever punctuation follows. A question
that asks two things ("ai … và khi nào?") asks for both, and gets both or nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..text.doc_numbers import doc_number_keys
from ..text.normalize import fold_diacritics, has_diacritics
from .intents import DOCUMENT_TYPE, DOCUMENT_TYPES, phrases

# Issuer or date of a document the question names by number ("KL 01 do ai ban hành?").
_CITED_ISSUER = phrases(r"(?:do )?(?:ai|co quan nao|cap nao|noi nao) (?:ban hanh|ky|phat hanh)|ban hanh boi (?:ai|co quan nao)|cua (?:ai|co quan nao)")
_ISSUED = phrases(r"ban hanh|ky ban hanh|ky|ra doi|co hieu luc")
_CITED_DATE = phrases(r"ngay nao|ngay thang nao|ngay bao nhieu|khi nao|luc nao|thoi (?:gian|diem) nao|nam nao|thang nao|ngay ban hanh")
# "Ban X chỉ đạo ai …?": asks whom the subject directs. The facts name who acts, not who is directed,
# so no short answer is given (the subject's own name would be wrong). "Giao đơn vị nào …?" asks who
# is given the task, which is the lead the facts name ("Giao Sở X chủ trì …").
_DIRECTED = phrases(r"(?:chi dao|de nghi|yeu cau|huong dan|don doc|trien khai cho)(?: nhung| cac)? (?:ai|co quan nao|don vi nao|to chuc nao|ben nao|cap nao|noi nao|(?:co quan|don vi|to chuc) [a-z]+ nao)")
# Where a thing happens, or to whom something goes (checked before "who": "gửi cho ai" names a recipient).
_RECIPIENT = phrases(r"(?:ve|cho|den|toi|len) (?:dau|ai|cho nao|co quan nao|don vi nao|noi nao|ban nao|cap nao)|(?:bao cao|trinh) (?:ai|co quan nao|cap nao)")
_SENDING = phrases(r"gui|nop|bao cao|bao (?:len|ve)|chuyen|trinh")  # a recipient is asked with a verb of sending before it
_PLACE = phrases(r"o dau|tai dau|dia diem (?:nao|o dau|la gi)?|noi nao|cho nao|diem cau nao|dien ra o")
_COORDINATING = phrases(r"phoi hop (?:voi )?(?:ai|co quan nao|don vi nao|nhung ai|nhung (?:co quan|don vi) nao|cac (?:co quan|don vi) nao)")
_UNITS = phrases(r"(?:nhung|cac) (?:don vi|co quan|cap uy|to chuc|doan the|dia phuong|ban|nganh|dang bo|chi bo)(?: [a-z]+){0,4} nao|nhung ai|(?:nhung|cac) (?:don vi|co quan) (?:phai|co trach nhiem)")
# "Cơ quan báo chí nào …", "đơn vị sự nghiệp nào …": a kind of body, then "nào".
_WHO = phrases(r"ai|do ai|(?:co quan|don vi|ben|cap|ban|to chuc|doan the|bo phan|nguoi) nao|(?:co quan|don vi|to chuc|bo phan|dang bo|chi bo)(?: (?!(?:truoc|sau|ngay|thang|nam|quy|khi|luc|den|vao|thoi|tu)(?!\w))[a-z]+){1,3} nao")
_WHEN = phrases(r"(?:ngay|thang|nam|quy|tuan) may|khi nao|bao gio|luc nao|thoi han|han chot|han cuoi|thoi gian nao|thoi diem nao|thang nao|ngay nao|quy nao|nam nao|truoc ngay nao|den ngay nao|dip nao|thoi gian (?:thuc hien|hoan thanh)|han (?:gui|nop|bao cao|hoan thanh)")
_SPAN = phrases(r"tu (?:khi|ngay|thang|luc) nao|bat dau|ket thuc")  # "from when to when": two periods
_HOW_MANY = re.compile(r"(?<!\w)(?:bao nhieu|may|so luong)(?: ([a-z]+(?: [a-z]+)?))?(?!\w)")

# Which document a plan rests on or names: "thực hiện theo KH nào của BTV Tỉnh ủy?", "là QĐ số mấy?",
# "dẫn NQ nào?". A word of citing before the type, or "số mấy" after it; "Những KH nào …" asks for plans.
_WHICH_DOCUMENT = re.compile(rf"(?<!\w)({DOCUMENT_TYPE})(?: (?!nao\b)[a-z0-9]+){{0,3}} (?:nao|so may|so bao nhieu)(?!\w)")
_CITING = phrases(r"theo|can cu|dua (?:tren|vao)|gan (?:voi|lien voi)|thay the|bai bo|sua doi|dan|nhac(?: den| toi)?|trich|cu the hoa|thuc hien|trien khai|la|co")
_PLURAL_BEFORE = re.compile(r"(?:nhung|cac) $")

_EFFECTIVE = phrases(r"(?:co )?hieu luc(?: thi hanh)?")
_HOW = phrases(r"(?:như )?thế nào")
_HOW_LONG = phrases(r"bao lau|trong bao lau|keo dai bao lau")


@dataclass(frozen=True)
class Asks:
    """The kinds of answer a question asks for (usually one) and what qualifies them."""

    kinds: tuple[str, ...]  # of: who, coordinating, units, when, how_many, place, recipient, cited_issuer, cited_date, document, effective
    unit: str = ""  # "đại biểu" in "bao nhiêu đại biểu", folded ("dai bieu"); "duration" for "bao lâu"
    span: bool = False  # a start and an end ("từ khi nào đến khi nào")
    occasion: bool = False  # "vào dịp nào": an occasion, not a date
    document_keys: tuple[str, ...] = ()  # the numbers of the documents the question names
    document_types: tuple[str, ...] = ()  # folded types a "document" question asks for ("ke hoach"); () any
    document_issuer: str = ""  # who issued the document asked for: "ban thuong vu tinh uy" in "KL nào của BTV Tỉnh ủy?"

    def __bool__(self) -> bool:
        return bool(self.kinds)


# "năm nào … cũng", "ai cũng": every year, everyone — no question about a time or a person.
_EVERY = re.compile(r"(?<!\w)(?:(?:nam|thang|ngay|tuan|quy|luc|khi|dot) nao(?=(?: [a-z0-9]+){0,6} cung(?!\w))|ai(?= cung(?!\w)))")


def question_asks(query: str) -> Asks:
    # "phải làm thế nào": how, not which ("cơ quan … nào"); told apart from "đoàn thể nào" before folding.
    folded = _EVERY.sub("moi", re.sub(r"\s+", " ", fold_diacritics(_HOW.sub("như vậy", query.lower()))))
    keys = tuple(doc_number_keys(query))
    kinds: list[str] = []
    if _EFFECTIVE.search(folded) and (_CITED_DATE.search(folded) or _WHEN.search(folded)):
        return Asks(("effective",), document_keys=keys)  # "Nghị định 16/2025 có hiệu lực từ ngày nào?"
    if keys and _CITED_ISSUER.search(folded):
        kinds.append("cited_issuer")
    if keys and _ISSUED.search(folded) and _CITED_DATE.search(folded):
        kinds.append("cited_date")
    if kinds:
        return Asks(tuple(kinds), document_keys=keys)
    if (asked := _asked_document(folded)) is not None:
        types, issuer = asked
        return Asks(("document",), document_keys=keys, document_types=types, document_issuer=issuer)
    if _DIRECTED.search(folded):
        return Asks(())
    if (to := _RECIPIENT.search(folded)) and _SENDING.search(folded[: to.end()]):
        kinds.append("recipient")
    elif _PLACE.search(folded):
        kinds.append("place")
    if _COORDINATING.search(folded):
        kinds.append("coordinating")
    elif _UNITS.search(folded):
        kinds.append("units")
    elif "recipient" not in kinds and "place" not in kinds and _WHO.search(folded):
        kinds.append("who")
    if _WHEN.search(folded) and not _HOW_LONG.search(folded):  # "thời hạn … là bao lâu?": a duration
        kinds.append("when")
    unit = ""
    if _HOW_LONG.search(folded):
        kinds.append("how_many")
        unit = "duration"
    elif (
        (match := _HOW_MANY.search(folded))
        and not _WHEN.search(folded)
        and not _is_machine(match, query)
        and not folded[: match.start()].endswith("so ")  # "số mấy": which number, not how many
        and not _is_topic(match, folded, kinds)
        and len({m.group(1) for m in _HOW_MANY.finditer(folded)}) == 1  # "bao nhiêu tập thể, bao nhiêu cá nhân": two counts, one answer would be half
    ):
        kinds.append("how_many")
        unit = match.group(1) or ""
    return Asks(tuple(kinds), unit=unit, span=bool(_SPAN.search(folded)), occasion="dip nao" in folded)


def _asked_document(folded: str) -> tuple[tuple[str, ...], str] | None:
    """The types of document the question asks for, when it asks which document is cited or followed,
    and the issuer it names right after ("… kết luận nào của Ban Thường vụ Tỉnh ủy?")."""
    for match in _WHICH_DOCUMENT.finditer(folded):
        before = folded[: match.start()]
        if _PLURAL_BEFORE.search(before):
            continue
        if match.group(0).endswith(("so may", "so bao nhieu")) or _CITING.search(before):
            issuer = _ISSUER_AFTER.match(folded, match.end())
            return DOCUMENT_TYPES[match.group(1)], issuer.group(1) if issuer else ""
    return None


_ISSUER_AFTER = re.compile(r" cua ([^,;.?!]+)")


def _is_machine(match: re.Match[str], query: str) -> bool:
    """"máy chiếu" folds to "may chieu" like "mấy chiếc": in a question typed with diacritics only
    "mấy" asks how many."""
    return match.group(0).startswith("may") and has_diacritics(query) and "mấy" not in query.lower()


def _is_topic(match: re.Match[str], folded: str, kinds: list[str]) -> bool:
    """"Mấy bản cam kết … thì ai gom lại?": "mấy" before the "thì" of a who-question names the things the
    question is about ("those few"), it does not ask how many."""
    return match.group(0).startswith("may") and "who" in kinds and bool(re.search(r"(?<!\w)thi(?!\w)", folded[match.end() :]))
