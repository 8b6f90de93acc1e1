"""Facts per passage: responsible bodies (lead, coordinating), deadlines, cited documents.

Rules read the passage the way a staff member filling a duty table does: "X chủ trì", "Giao X",
"X tham mưu" and a body opening the item name the lead; "phối hợp (với) Y" the coordinating
bodies; an item naming no body inherits one from its heading ("4. Giao Ban Tuyên giáo Tỉnh ủy").
Deadlines are normalised to a date range; a date earlier than the plan's own year is flagged,
never changed.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import asdict, dataclass
from typing import Any

from .normalize import VIET_LOWER, VIET_UPPER, strip_markdown, unify_tone_marks

# --- bodies ---------------------------------------------------------------------------------

_ABBREVIATED = {
    "BTG": "Ban Tuyên giáo", "UBKT": "Ủy ban Kiểm tra", "MTTQ": "Mặt trận Tổ quốc", "BTV": "Ban Thường vụ",
    "ĐUK": "Đảng ủy Khối", "BCH": "Ban Chấp hành", "HĐND": "Hội đồng nhân dân", "UBND": "Ủy ban nhân dân",
    "VP": "Văn phòng", "TU": "Tỉnh ủy",
}  # fmt: skip
# What a body name starts with (longest first), and the words that may continue it.
_HEAD_NAMES = (
    """Ban Tuyên giáo|Ban Tổ chức|Ban Dân vận|Ban Nội chính|Ban Thường vụ|Ban Chấp hành|Ban cán sự đảng|Ban Xây dựng
    tổ chức cơ sở đảng|Ban Bí thư|Bộ Chính trị|Ủy ban Kiểm tra|Ủy ban nhân dân|Hội đồng nhân dân|Văn phòng|Mặt trận
    Tổ quốc|Mặt trận|Đảng ủy Khối|Đảng đoàn|Đảng bộ|Tỉnh ủy|Thị ủy|Huyện ủy|Thành ủy|huyện ủy|thành ủy|đảng ủy|
    Đảng ủy|chi bộ|Chi bộ|tổ chức cơ sở đảng|tổ chức đảng|Cấp ủy|cấp ủy|Trung tâm|Cơ quan Tổ chức - Nội vụ|Công an|Sở|Báo|Đài|
    Trường|Đoàn|Công đoàn|Hội Cựu chiến binh|Hội Liên hiệp Phụ nữ|Hội Nông dân|Thường trực|tổ chức chính trị - xã hội|các tổ chức chính trị - xã hội|đoàn thể|
    cơ quan, đơn vị liên quan|đơn vị liên quan|cơ quan liên quan|chi ủy|Chi ủy|cơ quan, đơn vị|địa phương, đơn vị|cơ quan chuyên trách tham mưu, giúp
    việc|sở, ban, ngành|ban cán sự đảng|ban đảng|Ban Thường vụ Đoàn Khối|BTG|UBKT|MTTQ|BTV|ĐUK|UBND|HĐND|VP""".replace("\n    ", " ").split("|")
)
# Multi-word heads are found with either first letter ("Đảng đoàn", "các đảng đoàn"); one-word ones
# ("Sở", "Báo") only capitalised, as "cơ sở" and "báo cáo" are ordinary words.
_HEADS = sorted(
    {v for h in _HEAD_NAMES for v in ((h, h[0].upper() + h[1:], h[0].lower() + h[1:]) if " " in h else (h,))},
    key=len,
    reverse=True,
)
_NEEDS_NAME = {"Báo", "Đài", "Sở", "Trường", "Đoàn", "Trung tâm", "Văn phòng", "Công an", "Thường trực", "Ban"}
_VERBS = (
    "chủ tham phối xây tổ thực theo hướng chỉ lãnh biên định tiến tăng căn in báo rà đăng lựa quyết tiếp là có chịu "
    "và về của với trong để các được đã sẽ cần phải đôn kiểm nắm giám triển nghiên học quán tuyên bổ lồng đưa gửi "
    "cụ nâng đẩy gắn mời bố sơ tổng đánh viết cam phát"
).split()
# A capitalised word, optionally with one lower-case word that is not a verb ("Truyền thông", "Tỉnh ủy").
_NAME_WORD = rf"[{VIET_UPPER}]\w*(?:\s+(?!(?:" + "|".join(_VERBS) + rf"|ban hành)\b)[{VIET_LOWER}]+)?"
_CONTINUE = (
    rf"(?:\s+(?:Ủy ban nhân dân|Hội đồng nhân dân|Mặt trận Tổ quốc|{_NAME_WORD}|-\s+{_NAME_WORD}|tỉnh|thị xã|huyện|thành phố|khối|"
    r"trực thuộc(?: Tỉnh ủy| Thị ủy| Huyện ủy)?|cơ sở|các cơ quan(?: và doanh nghiệp)? tỉnh|liên quan|ủy|xã hội|"
    r"cấp (?:tỉnh|huyện|xã)))"
)
_BODY = re.compile(r"(?<![\wÀ-ỹ])(?:(?:các|Các)\s+)?(" + "|".join(re.escape(h.strip()) for h in _HEADS) + r")(" + _CONTINUE + r"{0,6})")
_LEAD_AFTER = re.compile(r"(?:^|[;.:]\s*|\s)(?:Giao|giao)\s+(?:cho\s+)?$")
_COORDINATE = re.compile(r"phối hợp(?:\s+chặt chẽ)?(?:\s+với)?\s+$")
_LEAD_VERB = re.compile(r"^\s*(?:\([^)]*\)\s*)?(?:chủ trì|tham mưu|là cơ quan thường trực|chịu trách nhiệm|có trách nhiệm)\b")
_ISSUES = re.compile(r"^\s*(?:ban hành|xây dựng)\s+(?:Kế hoạch|kế hoạch|Chỉ thị|Hướng dẫn)")  # the preamble's issuer
# What may open a clause before its subject: a time or condition ("Hằng năm, …", "Định kỳ hằng quý
# các chi bộ …", "Sau mỗi đợt sinh hoạt, các đảng ủy …", "Cuối năm, cấp ủy …", "Căn cứ …, các …").
_OPENER = re.compile(
    r"(?:^|[;.:]\s*)(?:(?:Định kỳ\s+)?(?:[Hh]ằng|[Hh]àng)\s+(?:năm|quý|tháng|tuần)|Định kỳ|(?:Cuối|Đầu|Giữa)\s+(?:năm|quý|tháng|kỳ)"
    r"(?:\s+\d{4})?|(?:Căn cứ|Trên cơ sở|Sau khi|Sau mỗi|Sau|Trước khi|Trong|Khi|Qua)\b[^;.]*,)\s*,?\s*$"
)
# A body named after these is the one being directed or asked, not the one acting (the subject is before).
# Capitalised only where a clause starts: elsewhere "Hướng dẫn số 28-HD/BTGTW" is a document's name.
_DIRECTED = re.compile(r"(?:(?:^|[;.:]\s*)(?:Chỉ đạo|Đề nghị|Yêu cầu|Hướng dẫn|Đôn đốc)|\b(?:chỉ đạo|đề nghị|yêu cầu|hướng dẫn|đôn đốc))(?!\s+số)\b[^;.:]*$")
_NOT_A_VERB = {"của", "về", "trong", "tại", "trên", "cho", "với", "ở", "và", "hoặc", "đối", "như", "nhất", "trực", "liên"}
_STOP_WORDS = {"Kế", "Kết", "Chỉ", "Quy", "Hướng", "Nghị", "Chuyên", "Hội", "Đại"}


def normalise_body(name: str) -> str:
    """One spelling per body: modern tone marks, abbreviations expanded, no "các", first letter capital."""
    name = unify_tone_marks(strip_markdown(name)).strip(" ,;.:-")
    name = re.sub(r"^(?:các|Các)\s+", "", name)
    name = " ".join(_ABBREVIATED.get(w, w) for w in name.split())
    return name[:1].upper() + name[1:]


def _bodies_in(text: str) -> list[tuple[int, int, str]]:
    """(start, end, normalised name) of every body name in ``text``."""
    found = []
    for match in _BODY.finditer(text):
        name = match.group(1) + match.group(2)
        words = name.split()
        for i, word in enumerate(words[1:], 1):
            if word in _STOP_WORDS:  # a body name does not run into a document title
                name = " ".join(words[:i])
                break
        if name in _NEEDS_NAME:  # "Báo cáo", "Sở" alone: not a named body
            continue
        found.append((match.start(), match.start(1) + len(name), normalise_body(name)))
    return found


def _list_after(text: str, start: int, bodies: list[tuple[int, int, str]]) -> tuple[list[str], int]:
    """Bodies listed from ``start`` on, joined by commas, "và", "các"; and where the list ends."""
    names: list[str] = []
    position = start
    for body_start, body_end, name in bodies:
        if body_start < start:
            continue
        gap = text[position:body_start]
        if names and not re.fullmatch(r"[\s,;]*(?:và|cùng|với)?[\s,;]*(?:các\s+)?", gap):
            break
        if not names and gap.strip(" ,"):
            break
        names.append(name)
        position = body_end
    return names, position


def _plain_item(text: str) -> str:
    plain = re.sub(r"\s+", " ", unify_tone_marks(strip_markdown(text))).strip()
    plain = re.sub(r"\b([Cc]ác\s+)?chi,\s+đảng bộ", r"\1chi bộ, đảng bộ", plain)  # "các chi, đảng bộ" is elliptic
    plain = re.sub(r"^[-+•]\s*", "", plain)
    return re.sub(r"^(?:[a-zđ]|\d+(?:\.\d+)*)[.)]\s*", "", plain)


def _is_subject(text: str, names: list[str], end: int) -> bool:
    """Bodies opening a clause are its subject when a verb follows: "Các huyện ủy … xây dựng …"."""
    tail = text[end:].lstrip(" ,")
    if tail.startswith(":"):
        return True
    first = tail.split(" ", 1)[0] if tail else ""
    return bool(names) and first[:1].islower() and first not in _NOT_A_VERB


def find_bodies(text: str, section_path: tuple[str, ...] = ()) -> tuple[list[str], list[str]]:
    """(lead, coordinating) bodies of a passage, inheriting the lead from its headings."""
    plain = _plain_item(text)
    bodies = _bodies_in(plain)
    lead: list[str] = []
    coordinating: list[str] = []
    label, sep, rest = plain.partition(":")
    if sep and label.lower().startswith(("cơ quan thực hiện", "cơ quan chủ trì")):
        lead += _list_after(plain, len(plain) - len(rest.lstrip()), bodies)[0]
    for start, end, name in bodies:
        before, after = plain[:start], plain[end:]
        clause_start = start == 0 or re.search(r"[;.:]\s*$", before) or _OPENER.search(before)
        if _COORDINATE.search(before):
            coordinating += _list_after(plain, start, bodies)[0]
        elif _LEAD_AFTER.search(before):
            lead += _list_after(plain, start, bodies)[0]
        elif _LEAD_VERB.match(after) or (
            _ISSUES.match(after) and not re.search(r"(?:cho|giúp|với|tham mưu)\s+$", before) and not _DIRECTED.search(before)
        ):
            lead.append(name)
        elif clause_start:
            names, list_end = _list_after(plain, start, bodies)
            if _is_subject(plain, names, list_end):
                lead += names
    if not lead:
        lead = _inherited_lead(section_path)
    lead = list(dict.fromkeys(lead))
    coordinating = [c for c in dict.fromkeys(coordinating) if c not in lead]
    return lead, coordinating


def _inherited_lead(section_path: tuple[str, ...]) -> list[str]:
    """A heading that assigns a body ("4. Giao Ban Tuyên giáo Tỉnh ủy", "a. Ban Tuyên giáo Thị ủy")."""
    for heading in reversed(section_path):
        text = re.sub(r"^\W*(?:[IVXL]+|\d+(?:\.\d+)*|[a-zđ])\s*[.)\-–]\s*", "", _plain_item(heading)).strip()
        text = re.sub(r"^(?:Giao|Đối với)\s+", "", text)
        bodies = _bodies_in(text)
        if bodies and bodies[0][0] == 0:
            names, end = _list_after(text, 0, bodies)
            if len(text[end:].strip(" :…")) < 3:
                return names
    return []


@dataclass(frozen=True)
class Deadline:
    text: str  # as written
    start: str | None = None  # ISO dates; a due date has only an end
    end: str | None = None
    recurring: str | None = None  # "yearly", "quarterly", "monthly", "ongoing"
    flag: str = ""  # why the date looks wrong; the text is never changed


@dataclass(frozen=True)
class CitedDocument:
    doc_type: str  # "Kết luận"
    number: str  # "01-KL/TW"
    date: str | None = None
    issuer: str | None = None
    text: str = ""

    @property
    def key(self) -> str:
        """Citations of one document group under this key (number identifies within a type)."""
        return f"{self.doc_type.lower()} {self.number.upper()}"


@dataclass(frozen=True)
class Facts:
    lead: tuple[str, ...] = ()
    coordinating: tuple[str, ...] = ()
    deadlines: tuple[Deadline, ...] = ()
    citations: tuple[CitedDocument, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Facts:
        return cls(
            tuple(data.get("lead", ())),
            tuple(data.get("coordinating", ())),
            tuple(Deadline(**d) for d in data.get("deadlines", ())),
            tuple(CitedDocument(**c) for c in data.get("citations", ())),
        )

    @property
    def is_duty(self) -> bool:
        return bool(self.lead)


# --- deadlines ------------------------------------------------------------------------------

_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}
_DATE = r"(\d{1,2})\s*[/-]\s*(\d{1,2})\s*[/-]\s*(\d{4})"
_DATE_WORDS = r"(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})"
_DEADLINE_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("due", re.compile(rf"(?:trước|chậm nhất(?: là)?|hạn chót|hoàn thành trước)\s+(?:ngày\s+)?(?:{_DATE}|{_DATE_WORDS})", re.I)),
    ("month", re.compile(r"(?:(?:hoàn thành |thực hiện )?trong\s+)?tháng\s+(\d{1,2})\s*(?:/|năm\s+)\s*(\d{4})", re.I)),
    ("quarter", re.compile(r"quý\s+(I{1,3}|IV)(?:\s*/\s*(\d{4})|\s+năm\s+(\d{4}))?(\s+hằng\s+năm)?", re.I)),
    ("year", re.compile(r"\b(?:trong|cả)\s+năm\s+(\d{4})\b", re.I)),
    ("year_end", re.compile(r"\b[Cc]uối\s+năm(?:\s+(\d{4}))?\b(?!\s+học)")),
    ("half", re.compile(r"(06|6|sáu)\s+tháng\s+đầu\s+năm(?:\s+(\d{4}))?", re.I)),
    ("recurring", re.compile(r"\b(hằng|hàng)\s+(năm|quý|tháng)\b|\bđịnh kỳ\s+(hằng|hàng)\s+(năm|quý|tháng)\b", re.I)),
    # "Thời gian thực hiện: Thường xuyên", or an adverb of a duty: "thường xuyên theo dõi" (not "nhu cầu … thường xuyên của")
    ("ongoing", re.compile(r"Thời gian(?: thực hiện)?\s*:\s*[Tt]hường xuyên|\b[Tt]hường xuyên(?=\s+(?!của|và|là|hơn|nhất|trong|đối|với)[a-zđà-ỹ])|^[Tt]hường xuyên\.?$")),
]
_RECURRING = {"năm": "yearly", "quý": "quarterly", "tháng": "monthly"}


def _iso(day: int | None, month: int, year: int) -> str | None:
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
    words = match.group(0).strip()
    if kind == "due":
        day, month, year = (int(g) for g in (match.groups()[:3] if match.group(1) else match.groups()[3:6]))
        end = _iso(day, month, year)
        flag = ""
        if plan_year and year < plan_year:
            flag = f"năm {year} sớm hơn năm của kế hoạch ({plan_year}): có thể nhầm, giữ nguyên như văn bản"
        return Deadline(words, None, end, None, flag) if end else None
    if kind == "month":
        if re.search(r"(?:ngày|số)\s*[\d/]*$", text[: match.start()]) or not re.search(r"hoàn thành|trong|thời gian|thực hiện|trước", text[max(0, match.start() - 40) : match.end()], re.I):
            return None
        month, year = int(match.group(1)), int(match.group(2))
        return Deadline(words, _iso(1, month, year), _iso(None, month, year))
    if kind == "quarter":
        quarter = _ROMAN[match.group(1).upper()]
        year = match.group(2) or match.group(3)
        if match.group(4) or not year:
            return Deadline(words, None, None, "yearly")
        year = int(year)
        return Deadline(words, _iso(1, quarter * 3 - 2, year), _iso(None, quarter * 3, year))
    if kind == "year":
        year = int(match.group(1))
        return Deadline(words, _iso(1, 1, year), _iso(None, 12, year))
    if kind == "year_end":
        year = int(match.group(1)) if match.group(1) else plan_year
        return Deadline(words, None, _iso(None, 12, year)) if year else Deadline(words)
    if kind == "half":
        year = int(match.group(2)) if match.group(2) else plan_year
        return Deadline(words, _iso(1, 1, year), _iso(None, 6, year)) if year else Deadline(words)
    if kind == "recurring":
        unit = (match.group(2) or match.group(4)).lower()
        return Deadline(words, None, None, _RECURRING[unit])
    if kind == "ongoing":
        return Deadline(words, None, None, "ongoing")
    return None


# --- cited documents ------------------------------------------------------------------------

_DOC_TYPES = "Kết luận|Chỉ thị|Quy định|Hướng dẫn|Kế hoạch|Nghị quyết|Quyết định|Thông báo|Công văn|Thông tri|Nghị định|Thông tư|Chương trình"
CITATION = re.compile(
    rf"({_DOC_TYPES})\s+(?:số\s+)?(\d{{1,4}}\s*-\s*[A-Za-zĐđ]+\s*/\s*[A-ZĐ]+|\d{{1,4}}/(?:\d{{4}}/)?[A-ZĐ]+-[A-ZĐa-z]+)"
    rf"(?:\s*,?\s*(?:ngày\s+)?{_DATE})?"
    r"(?:\s*,?\s+(?:của|do)\s+((?:Bộ Chính trị|Ban Bí thư|Thủ tướng Chính phủ|Chính phủ|Ban Chấp hành Trung ương(?: Đảng)?|"
    r"Ban (?:Thường vụ|Tuyên giáo|Tổ chức|Dân vận) [A-ZĐ][\wÀ-ỹ]*(?: ủy| ương)?(?: [A-ZĐ][\wÀ-ỹ]*| các cơ quan(?: và doanh nghiệp)? tỉnh| tỉnh)*|"
    r"[A-ZĐ][\wÀ-ỹ]*(?: [A-ZĐ][\wÀ-ỹ]*)+)))?"
)


def find_citations(text: str) -> list[CitedDocument]:
    plain = re.sub(r"\s+", " ", strip_markdown(text))
    cited = []
    for match in CITATION.finditer(plain):
        doc_type, number, day, month, year, issuer = match.groups()
        number = re.sub(r"\s+", "", number)
        date = _iso(int(day), int(month), int(year)) if day else None
        cited.append(CitedDocument(doc_type, number, date, normalise_body(issuer) if issuer else None, match.group(0)))
    return cited


def extract_facts(text: str, section_path: tuple[str, ...] = (), *, year: int | None = None) -> Facts:
    """Bodies, deadlines and cited documents of one passage; ``year`` is the plan's own year."""
    lead, coordinating = find_bodies(text, section_path)
    return Facts(tuple(lead), tuple(coordinating), tuple(find_deadlines(text, plan_year=year)), tuple(find_citations(text)))


def plan_year(title: str, date: str, texts: list[str]) -> int | None:
    """The year a plan is for: its date, else "năm 2022" in its title, else the commonest year in it."""
    if date:
        return int(date[:4])
    if match := re.search(r"năm\s+(\d{4})", title):
        return int(match.group(1))
    years = re.findall(r"\b(20\d\d)\b", " ".join(texts))
    return int(max(set(years), key=years.count)) if years else None
