"""Documents a passage cites: "Kết luận số 01-KL/TW, ngày 18/5/2021 của Bộ Chính trị", with the
number, the date and the issuer when the citation gives them."""

from __future__ import annotations

import re

from ..records import CitedDocument
from ..text.normalize import strip_markdown, unify_tone_marks
from .deadlines import DATE, iso_date
from .names import normalise_body

DOC_TYPES = "Kết luận|Chỉ thị|Quy định|Hướng dẫn|Kế hoạch|Nghị quyết|Quyết định|Thông báo|Công văn|Thông tri|Nghị định|Thông tư|Chương trình|Tờ trình"
CITATION = re.compile(
    rf"({DOC_TYPES})\s+(?:số\s+)?(\d{{1,4}}\s*-\s*[A-Za-zĐđ]+\s*/\s*[A-ZĐ]+|\d{{1,4}}/(?:\d{{4}}/)?[A-ZĐ][A-ZĐa-z]*-[A-ZĐa-z]+)"
    rf"(?:\s*,?\s*(?:ngày\s+)?{DATE})?"
    r"(?:\s*,?\s+(?:của|do)\s+((?:Bộ Chính trị|Ban Bí thư|Thủ tướng Chính phủ|Chính phủ|Ban Chấp hành Trung ương(?: Đảng)?|"
    r"Ban (?:Thường vụ|Tuyên giáo|Tổ chức|Dân vận) [A-ZĐ][\wÀ-ỹ]*(?: ủy| ương)?(?: [A-ZĐ][\wÀ-ỹ]*| các cơ quan(?: và doanh nghiệp)? tỉnh| tỉnh)*|"
    r"[A-ZĐ][\wÀ-ỹ]*(?: [A-ZĐ][\wÀ-ỹ]*)+)))?"
)


def find_citations(text: str) -> list[CitedDocument]:
    plain = re.sub(r"\s+", " ", strip_markdown(text))
    # Matched with modern tone marks ("Tỉnh uỷ" → "Tỉnh ủy": same length in NFC), quoted as written.
    unified = unify_tone_marks(plain)
    written = plain if len(plain) == len(unified) else unified
    cited = []
    for match in CITATION.finditer(unified):
        doc_type, number, day, month, year, issuer = match.groups()
        number = re.sub(r"\s+", "", number)
        date = iso_date(int(day), int(month), int(year)) if day else None
        mention = written[match.start() : match.end()]
        cited.append(CitedDocument(doc_type, number, date, normalise_body(issuer) if issuer else None, mention))
    return cited
