"""Deadlines and periods in a passage, normalised to a date range with the words as written.

"trước ngày 31/3/2022", "trong tháng 02/2022", "quý IV hằng năm", "06 tháng đầu năm", "thường
xuyên": each becomes a start and end (or a recurrence). A date earlier than the plan's own year is
flagged, never changed.
"""

from __future__ import annotations

import calendar
import re

from ..records import Deadline
from ..text.normalize import strip_markdown

_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}
DATE = r"(\d{1,2})\s*[/-]\s*(\d{1,2})\s*[/-]\s*(\d{4})"
_DATE_WORDS = r"(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})"
_HOUR = r"\d{1,2}\s*giờ(?:\s*\d{1,2}\s*phút)?,?"
_LASTS = r"(?:\d{1,2}(?:,\d)?|½)\s+(?:ngày|buổi)\s*[,;]\s*"  # "01 ngày, " before the date of the event
_DEADLINE_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # "trước ngày 30/6/2026", "chậm nhất là ngày 15 tháng 4 năm 2026", "trước 17 giờ ngày 28/10/2026".
    ("due", re.compile(rf"(?:trước|chậm nhất(?: là)?|hạn chót|hoàn thành trước)\s+(?:{_HOUR}\s+)?(?:ngày\s+)?(?:{DATE}|{_DATE_WORDS})", re.I)),
    # A date given as the time of the work: "Thời gian: dự kiến ngày 15/10/2026", "Thời gian tổ chức: ngày 05/3/2026".
    # … after how long it lasts: "Thời gian: 01 ngày, dự kiến ngày 18/4/2026".
    ("labelled", re.compile(rf"Thời (?:gian|hạn)(?:\s+[a-zđà-ỹ]+){{0,3}}\s*:\s*(?:{_LASTS})?(?:dự kiến\s+)?(?:vào\s+)?(?:{_HOUR}\s+)?(?:ngày\s+)?(?:{DATE}|{_DATE_WORDS})")),
    # A day of the plan's year, or of every year: "báo cáo kết quả trước ngày 20/11 về Sở …".
    ("due_day", re.compile(r"(?:trước|chậm nhất(?: là)?)\s+ngày\s+(\d{1,2})\s*/\s*(\d{1,2})\b(?!\s*[/-]\s*\d)", re.I)),
    # A span of months the work runs: "từ tháng 01 năm 1981 đến tháng 12 năm 1982", "từ tháng 3/2026 đến hết tháng 6/2026".
    ("span", re.compile(r"\btừ\s+tháng\s+(\d{1,2})\s*(?:/|năm\s+)\s*(\d{4})\s*(?:đến|tới)\s+(?:hết\s+)?tháng\s+(\d{1,2})\s*(?:/|năm\s+)\s*(\d{4})", re.I)),
    # … within one year: "từ tháng 7 đến tháng 9/2026".
    ("span_in_year", re.compile(r"\btừ\s+tháng\s+(\d{1,2})\s*(?:đến|tới)\s+(?:hết\s+)?tháng\s+(\d{1,2})\s*(?:/|năm\s+)\s*(\d{4})", re.I)),
    # The same month of every year: "Tháng 11 hằng năm, Trung tâm báo cáo …".
    ("month_yearly", re.compile(r"\btháng\s+\d{1,2}\s+(?:hằng|hàng)\s+năm\b", re.I)),
    # A due time given as another plan's schedule: "Thời hạn ban hành: Theo tiến độ được giao của Luật …".
    ("schedule", re.compile(r"(?:Thời hạn|Thời gian)(?:\s+[a-zđà-ỹ]+){0,3}\s*:\s*([Tt]heo tiến độ[^;.|]{0,80})")),
    ("month", re.compile(r"(?:(?:hoàn thành |thực hiện )?trong\s+)?tháng\s+(\d{1,2})\s*(?:/|năm\s+)\s*(\d{4})", re.I)),
    ("quarter", re.compile(r"quý\s+(IV|I{1,3})\b(?:\s*/\s*(\d{4})|\s+năm\s+(\d{4}))?(\s+hằng\s+năm)?", re.I)),
    # An anniversary the work is timed for: "dịp kỷ niệm 92 năm Ngày thành lập Đảng (03/02/1930 - 03/02/2022)".
    ("anniversary", re.compile(rf"(?:dịp\s+)?kỷ niệm\s+\d+\s+năm[^();.]{{0,100}}\(\s*\d{{1,2}}/\d{{1,2}}/\d{{4}}\s*-\s*{DATE}\s*\)", re.I)),
    ("year", re.compile(r"\b(?:trong|cả|tổng kết|sơ kết|triển khai thực hiện)\s+năm\s+(\d{4})\b", re.I)),
    ("year_end", re.compile(r"\b[Cc]uối\s+năm(?:\s+(\d{4}))?\b(?!\s+học)")),
    ("half", re.compile(r"(06|6|sáu)\s+tháng\s+đầu\s+năm(?:\s+(\d{4}))?", re.I)),
    # A day of each period: "trước ngày 20 hằng tháng", "trước ngày 15 tháng 12 hằng năm".
    ("recurring_due", re.compile(r"(?:trước|chậm nhất(?: là)?|vào)\s+ngày\s+\d{1,2}(?:\s*(?:/|tháng)\s*\d{1,2})?\s+(hằng|hàng)\s+(năm|quý|tháng)\b", re.I)),
    # A time counted from an event: "trong 24-48 giờ sau khi nước rút", "trong thời hạn 05 ngày kể từ ngày nhận".
    ("relative", re.compile(r"\b(?:trong(?: vòng| thời hạn)?|chậm nhất(?: là)?|không quá)\s+\d{1,3}(?:\s*-\s*\d{1,3})?\s+(?:giờ|ngày(?: làm việc)?)\s+(?:sau khi|kể từ)\s+[^;.,()]{1,60}", re.I)),
    # Every so many months: "định kỳ 6 tháng", "định kỳ 06 tháng một lần"; a day of each period: "trước ngày 20 của tháng cuối quý".
    ("months_period", re.compile(r"\bđịnh kỳ\s+(?:0?[1-9]|1[0-2]|sáu|ba)\s+tháng(?:\s+(?:một|1|01)\s+lần)?", re.I)),
    ("period_day", re.compile(r"(?:trước|chậm nhất(?: là)?|vào)\s+ngày\s+\d{1,2}\s+(?:của\s+)?tháng\s+(?:cuối|đầu)\s+(quý|năm|kỳ)\b", re.I)),
    # How often: "ít nhất mỗi quý một lần", "02 lần/tuần".
    ("frequency", re.compile(r"(?:ít nhất\s+)?mỗi\s+(năm|quý|tháng|tuần)\s+(?:ít nhất\s+)?(?:một|1|01|hai|2|02)\s+lần\b|\b\d{1,2}\s+lần\s*/\s*(năm|quý|tháng|tuần|ngày)\b", re.I)),
    ("recurring", re.compile(r"\b(hằng|hàng)\s+(năm|quý|tháng|tuần|ngày)\b|\bđịnh kỳ\s+(hằng|hàng)\s+(năm|quý|tháng|tuần|ngày)\b", re.I)),
    # "Thời gian thực hiện: Thường xuyên", or an adverb of a duty: "thường xuyên theo dõi" (not "nhu cầu … thường xuyên của")
    # … or the cell of a task table's time column: "Sở Tài chính | Cơ quan liên quan | Thường xuyên".
    ("ongoing", re.compile(r"Thời gian(?: thực hiện)?\s*:\s*[Tt]hường xuyên|(?<!giáo dục )(?<!\bchi )\b[Tt]hường xuyên(?=\s+(?!của|và|là|hơn|nhất|trong|đối|với)[a-zđà-ỹ])|(?:^|\|\s*)[Tt]hường xuyên\.?\s*(?=\||$)")),
]
_RECURRING = {"năm": "yearly", "quý": "quarterly", "tháng": "monthly", "tuần": "weekly", "ngày": "daily"}
# "dự toán ngân sách nhà nước hằng năm", "khả năng cân đối ngân sách hằng năm": how a budget is made, no time for a task.
_BUDGET_BEFORE = re.compile(
    r"(?:ngân sách|dự toán|cân đối)(?:\s+\S+){0,3}\s+$|(?:Nghị quyết|Quyết định)\s+$|ngân sách[^;.,]{0,30}\btheo kế hoạch\s+$"
    r"|(?:phụ cấp|trợ cấp|tiền lương|mức lương|thù lao|học phí|sinh hoạt phí|mức chi|mức hỗ trợ)(?:\s+\S+){0,2}\s+$"  # a rate paid each month
)  # "… theo Nghị quyết hằng năm của HĐND"
# A period that only describes: the subject of a conference ("Hội nghị … sơ kết công tác 6 tháng đầu năm 2025"),
# what cannot be done in it ("số vốn … không có khả năng giải ngân trong năm 2025"), or a hope ("tin tưởng trong năm 2025 sẽ …").
_DESCRIBED_BEFORE = re.compile(r"Hội nghị[^;.]{0,80}(?:sơ kết|tổng kết)(?:\s+công tác)?\s+$|(?:khả năng|không thể|chưa thể)(?:\s+\S+){0,2}\s+$|(?:tin tưởng|kỳ vọng)\s+$")


def iso_date(day: int | None, month: int, year: int) -> str | None:
    try:
        last = calendar.monthrange(year, month)[1]
    except (ValueError, calendar.IllegalMonthError):
        return None
    if day is None:
        return f"{year:04d}-{month:02d}-{last:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}" if 1 <= day <= last else None


def find_deadlines(text: str, *, plan_year: int | None = None) -> list[Deadline]:
    plain = re.sub(r"\s+", " ", strip_markdown(text))
    found: list[Deadline] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _DEADLINE_PATTERNS:
        for match in pattern.finditer(plain):
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            deadline = _deadline(kind, match, plain, plan_year)
            if deadline and all(d.text.lower() != deadline.text.lower() for d in found):
                found.append(deadline)
                taken.append(match.span())
    return sorted(found, key=lambda d: plain.find(d.text))


def _deadline(kind: str, match: re.Match[str], text: str, plan_year: int | None) -> Deadline | None:
    words = match.group(0).strip(" |")  # a table cell keeps no pipe
    if kind == "labelled":  # the date, not its label nor how long the event lasts
        words = re.sub(rf"^{_LASTS}", "", words.split(":", 1)[1].strip())
    if kind in ("due", "labelled"):
        day, month, year = (int(g) for g in (match.groups()[:3] if match.group(1) else match.groups()[3:6]))
        end = iso_date(day, month, year)
        flag = ""
        if plan_year and year < plan_year:
            flag = f"năm {year} sớm hơn năm của kế hoạch ({plan_year}): có thể nhầm, giữ nguyên như văn bản"
        return Deadline(words, None, end, None, flag) if end else None
    if kind == "month":
        if re.search(r"(?:ngày|số)\s*[\d/]*\s*$", text[: match.start()]) or not re.search(r"hoàn thành|trong|thời gian|thực hiện|trước", text[max(0, match.start() - 40) : match.end()], re.I):
            return None
        month, year = int(match.group(1)), int(match.group(2))
        return Deadline(words, iso_date(1, month, year), iso_date(None, month, year))
    if kind == "quarter":
        quarter = _ROMAN[match.group(1).upper()]
        year = match.group(2) or match.group(3)
        if match.group(4):
            return Deadline(words, None, None, "yearly")
        if not year:  # "vào quý IV của năm liền trước" recurs; "chủ điểm quý I, II và III" sets no period
            recurs = re.match(r"\s+của năm", text[match.end() :]) or re.search(r"(?:vào|trong|trước)\s+$", text[: match.start()])
            return Deadline(words, None, None, "yearly") if recurs else None
        year = int(year)
        return Deadline(words, iso_date(1, quarter * 3 - 2, year), iso_date(None, quarter * 3, year))
    if kind == "anniversary":
        day, month, year = (int(g) for g in match.groups()[:3])
        return Deadline(words, None, iso_date(day, month, year)) if iso_date(day, month, year) else None
    if kind in ("year", "half") and _DESCRIBED_BEFORE.search(text[: match.start()]):
        return None
    if kind == "span":
        first, last = (int(match.group(1)), int(match.group(2))), (int(match.group(3)), int(match.group(4)))
        return Deadline(words, iso_date(1, first[0], first[1]), iso_date(None, last[0], last[1]))
    if kind == "span_in_year":
        first, last, year = int(match.group(1)), int(match.group(2)), int(match.group(3))
        return Deadline(words, iso_date(1, first, year), iso_date(None, last, year)) if first <= last else None
    if kind == "month_yearly":
        return Deadline(words, None, None, "yearly")
    if kind == "schedule":
        return Deadline(match.group(1).strip())
    if kind == "year":
        year = int(match.group(1))
        return Deadline(words, iso_date(1, 1, year), iso_date(None, 12, year))
    if kind == "year_end":
        year = int(match.group(1)) if match.group(1) else plan_year
        return Deadline(words, None, iso_date(None, 12, year)) if year else Deadline(words)
    if kind == "half":
        year = int(match.group(2)) if match.group(2) else plan_year
        return Deadline(words, iso_date(1, 1, year), iso_date(None, 6, year)) if year else Deadline(words)
    if kind == "due_day":
        day, month = int(match.group(1)), int(match.group(2))
        return Deadline(words) if 1 <= month <= 12 and 1 <= day <= 31 else None
    if kind == "recurring_due":
        return Deadline(words, None, None, _RECURRING[match.group(2).lower()])
    if kind == "relative":
        return Deadline(words)
    if kind == "months_period":
        months = re.search(r"\d+|sáu|ba", words.lower()).group(0)
        return Deadline(words, None, None, {"6": "half-yearly", "06": "half-yearly", "sáu": "half-yearly", "3": "quarterly", "03": "quarterly", "ba": "quarterly"}.get(months, "periodic"))
    if kind == "period_day":
        return Deadline(words, None, None, {"quý": "quarterly", "năm": "yearly"}.get(match.group(1).lower(), "periodic"))
    if kind == "frequency":
        return Deadline(words, None, None, _RECURRING[(match.group(1) or match.group(2)).lower()])
    if kind == "recurring":
        if _BUDGET_BEFORE.search(text[: match.start()]):
            return None
        unit = (match.group(2) or match.group(4)).lower()
        return Deadline(words, None, None, _RECURRING[unit])
    if kind == "ongoing":
        return Deadline(words, None, None, "ongoing")
    return None
