"""Question intent: who / when / how many / across plans / which plans implement a document.

A who-question prefers passages that name a responsible body, a when-question passages with a
deadline or period, a how-many question passages with a quantity ("30 đại biểu"); a question
across plans lets several plans through; "which plans implement Kết luận 01?" puts the plans'
basis paragraphs first. Matched on the folded, lower-case question, so that questions typed
without diacritics count too; a phrase counts whatever punctuation follows it ("bao lâu, …").
"""

from __future__ import annotations

import re

from ..records import Facts, Passage
from ..structure.passages import NEWS_TITLE, PREAMBLE_TITLE
from ..text.doc_numbers import doc_number_keys
from ..text.normalize import fold_diacritics


def phrases(alternatives: str) -> re.Pattern[str]:
    """Whole words of the folded question: not inside a longer word, whatever follows."""
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


_WHO = phrases(r"ai|do ai|(?:co quan|don vi|ben|cap|ban|to chuc|bo phan|noi) nao")
_HOW_MANY = phrases(r"bao nhieu|bao lau|may (?:nguoi|dai bieu|ngay|buoi|lop)|so luong")
_WHEN = phrases(r"khi nao|bao gio|luc nao|thoi han|han chot|han hoan thanh|thoi gian nao|thang nao|ngay nao")
# "Những kế hoạch nào thực hiện KL 01?": asks for documents (not units or places), with a verb of implementing.
_WHICH_DOCUMENTS = re.compile(r"(ke hoach|van ban|chi thi|huong dan) nao|nhung (ke hoach|van ban)")
# "Những kế hoạch nào …", "Các kế hoạch diễn đạt thế nào …": the answer spans several plans.
# So do two plans named side by side: "kế hoạch của Tỉnh ủy và kế hoạch của Đảng ủy Khối", "ở Thị ủy và ở …".
_ACROSS = re.compile(
    r"(?<!\w)(?:(?:cac|nhung) (?:ke hoach|kh|van ban|chi thi|huong dan)|(?:ke hoach|kh|van ban) nao)(?!\w)"
    r"|(?<!\w)(?:ke hoach|kh)(?: [a-z0-9/-]+){0,3} cua [^?]{2,80}? va (?:cua|o|(?:ke hoach|kh)(?: [a-z0-9/-]+){0,3} cua) "
    r"|(?<!\w)(?:cua|o) [^,;?]{2,60}? va (?:cua|o) "
)
_IMPLEMENTING = re.compile(r"thuc hien|trien khai|can cu|cu the hoa|dua tren|quan triet")

QUANTITY = re.compile(r"\b\d+(?:,\d+)?\s+(?:đại biểu|người|đồng chí|ngày|buổi|lớp|cuộc|đơn vị|giờ)\b|\d+\s*%", re.I)


# A question about the documents a plan rests on or names: what it implements, who issued a cited
# document and when, what a numbered document is about. Only these want a plan's framing passages.
# Words for a kind of document as a question types them (folded), each with the types it may mean.
DOCUMENT_TYPES = {
    "van ban": (), "ke hoach": ("ke hoach",), "kh": ("ke hoach",), "quy dinh": ("quy dinh",), "qd": ("quy dinh", "quyet dinh"),
    "qdi": ("quy dinh",), "quyet dinh": ("quyet dinh",), "nghi quyet": ("nghi quyet",), "nq": ("nghi quyet",),
    "huong dan": ("huong dan",), "hd": ("huong dan",), "cong van": ("cong van",), "cv": ("cong van",),
    "chi thi": ("chi thi",), "ct": ("chi thi",), "ket luan": ("ket luan",), "kl": ("ket luan",),
    "thong bao": ("thong bao",), "tb": ("thong bao",), "to trinh": ("to trinh",), "ttr": ("to trinh",),
}  # fmt: skip
DOCUMENT_TYPE = "|".join(sorted(DOCUMENT_TYPES, key=len, reverse=True))  # longest first: "qdi" before "qd"
_CITES = phrases(
    r"can cu|dua (?:vao|tren)|ban hanh|cu the hoa|(?:noi|ve) (?:viec|noi dung|van de) gi|noi ve|"
    rf"la cua (?:ai|co quan nao)|trich yeu|(?:{DOCUMENT_TYPE})(?: \w+){{0,3}} (?:nao|so may|so bao nhieu)"
)

# Who issued a document, or when: "do ai ban hành", "ban hành ngày nào", "ban hành khi nào".
_ASKED_ISSUING = phrases(r"(?:ai|nao|do) ban hanh|ban hanh (?:ngay|khi|nam|thang|luc|boi|vao)")

# "Đối tượng học tập gồm những ai?", "thành phần tham dự là những ai?": asks for the people a thing is for,
# who are no lead body.
_AUDIENCE = re.compile(r"(?<!\w)(?:doi tuong|thanh phan)(?!\w).*(?:gom|la|co) nhung ai(?!\w)")


def question_intents(query: str) -> set[str]:
    folded = fold_diacritics(query).lower()
    intents = set()
    if _WHO.search(folded) and not _AUDIENCE.search(folded):
        intents.add("who")
    if _WHEN.search(folded):
        intents.add("when")
    if _HOW_MANY.search(folded):
        intents.add("how_many")
    if _ACROSS.search(folded):
        intents.add("across")
    if any(m.group(0) != "ban hanh" or _ASKED_ISSUING.search(folded) or doc_number_keys(query) for m in _CITES.finditer(folded)):
        intents.add("cites")  # "ban hành" alone ("phải ban hành kết luận trước ngày nào?") is a task's verb
    if _WHICH_DOCUMENTS.search(folded) and _IMPLEMENTING.search(folded) and doc_number_keys(query):
        intents.add("basis")  # "which plans implement Kết luận 01-KL/TW?"
    return intents


def answers_basis(query_keys: set[str], passage: Passage) -> bool:
    """An opening "Thực hiện …/Căn cứ …" paragraph that names a document the question names
    (``query_keys``: the question's ``doc_number_keys``)."""
    return passage.section_path == (PREAMBLE_TITLE,) and bool(query_keys & set(doc_number_keys(passage.text)))


def frames_document(passage: Passage) -> bool:
    """A plan's framing: its opening "Thực hiện …/Căn cứ …" paragraph or its closing "Trên đây là Kế
    hoạch …" (or a news portal's summary copied above the document). Both restate the plan's title and basis, so they match every question that names the plan,
    yet they answer only questions about the documents cited (intent "cites"). Narrower than
    ``structure.facts.is_closing``: "nếu có khó khăn, vướng mắc … phản ánh về X" answers "báo về đâu?"."""
    return passage.section_path[:1] in ((PREAMBLE_TITLE,), (NEWS_TITLE,)) or passage.text.lstrip("*_ ").startswith("Trên đây là")


def intent_matches(intents: set[str], text: str, facts: Facts) -> bool:
    """Whether a passage answers the kind of question asked: a lead body for "who", a deadline
    or period for "when" (its extracted facts), a quantity in its words for "how many"."""
    if "who" in intents and facts.lead:
        return True
    if "when" in intents and facts.deadlines:
        return True
    # Only when asked: the regex is most of a question's ranking time.
    return "how_many" in intents and bool(QUANTITY.search(text))
