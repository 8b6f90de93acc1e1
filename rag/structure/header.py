"""The document header, whatever its layout: issuing body, number, place and date, type and summary.

The header of a directive is a two-column table (issuer and number on the left; the national or
Party motto, place and date on the right), then the type line and the summary (trích yếu). Text
copied from a portal or a .docx flattens that table in any order: cells split by "|", by line
breaks inside a name ("ỦY BAN NHÂN" / "DÂN"), or all on one line. So the header is read from the
*words* of its first lines, not from their places: each field is found by what it looks like
("Số: 16/2025/NĐ-CP", "Hà Nội, ngày 10 tháng 3 năm 2026", a type word in capitals), and a line
counts as read only when all its words went into some field; any other line is kept as text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..documents.headings import HEADING_PATTERNS
from ..text.normalize import VIET_LOWER, VIET_UPPER, strip_markdown, unify_tone_marks
from .issuer import is_enacting, leading_capitals, split_bodies

DOC_TYPES = (
    "KẾ HOẠCH", "KẾT LUẬN", "CHỈ THỊ", "HƯỚNG DẪN", "QUYẾT ĐỊNH", "QUY ĐỊNH", "NGHỊ QUYẾT",
    "THÔNG BÁO", "BÁO CÁO", "CHƯƠNG TRÌNH", "THÔNG TRI", "CÔNG VĂN", "TỜ TRÌNH", "ĐỀ ÁN",
    "NGHỊ ĐỊNH", "THÔNG TƯ", "CÔNG ĐIỆN", "ĐIỀU LỆ", "QUY CHẾ", "PHƯƠNG ÁN", "LỆNH",
)  # fmt: skip
# The type a number's symbol names when no type line is written ("Số 221-KL/TW" is a Kết luận).
SYMBOL_TYPES = {
    "KH": "KẾ HOẠCH", "KL": "KẾT LUẬN", "CT": "CHỈ THỊ", "HD": "HƯỚNG DẪN", "NQ": "NGHỊ QUYẾT",
    "TB": "THÔNG BÁO", "BC": "BÁO CÁO", "CTr": "CHƯƠNG TRÌNH", "NĐ": "NGHỊ ĐỊNH", "TT": "THÔNG TƯ",
    "CĐ": "CÔNG ĐIỆN", "TTr": "TỜ TRÌNH", "QC": "QUY CHẾ",
}  # fmt: skip
HEADER_ROWS = 80  # the header is in a document's first lines (after a page header or a news summary)
MAX_TITLE_ROWS = 5

_TYPE = re.compile(r"^(?P<type>" + "|".join(sorted(DOC_TYPES, key=len, reverse=True)) + r")(?![\w])\s*(?P<rest>.*)$")
_MOTTO = re.compile(
    r"(?<!\w)(?:CỘNG\s*HÒA\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM|ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM"
    r"|Độc\s+lập\s*[-–]\s*Tự\s+do\s*[-–]\s*Hạnh\s+phúc)(?!\w)"
)
_NUMBER = re.compile(
    r"(?<![\w/])Số\s*:?\s*(?P<number>\d[\d.]*(?:\s*[-/]\s*[\wĐđ&.]+)+|[-/]\s*[\wĐđ]+(?:\s*[-/]\s*[\wĐđ]+)+)"  # "Số: /KH-UBND", "Số - HD/BTCTU": unnumbered
)
_DATE = re.compile(r",?\s*ngày\s*(?P<day>\d{1,2})?\s*tháng\s*(?P<month>\d{1,2})\s*năm\s*(?P<year>\d{4})")
_SEPARATOR = re.compile(r"^[-_=*–—.\s]{3,}$|^[*\s]+$")
_SEPARATOR_RUN = re.compile(r"\s[-_=–—]{3,}(?=\s|$)")
_SUBJECT = re.compile(r"^V/v\s*(?P<subject>.*)$")
_ADDRESSEES = re.compile(r"\bKính\s+gửi\s*:\s*(?P<to>.*)$")
_BODY_OPENING = re.compile(r"^(?:[-+•]\s*)?(?:Căn cứ|Thực hiện|Kính gửi|Theo đề nghị|Xét đề nghị)\b")
_MOTTO_PIECE = re.compile(r"(?:CỘNG|HÒA|XÃ|HỘI|CHỦ|NGHĨA|VIỆT|NAM|ĐẢNG|SẢN|\s)+")  # a line the motto was cut into
_FORM_WORDS = {"ngày", "tháng", "năm", "số", "v", "kính", "gửi"}  # the labels of the form, not its content
_MOTTO_WORDS = set("cộng hòa xã hội chủ nghĩa việt nam độc lập tự do hạnh phúc đảng sản".split())
_PLACE_WORDS = {"phố", "xã", "thị", "trấn"}  # "Thành phố Hồ Chí Minh": lower-case words inside a place


@dataclass
class Header:
    """What the header says, and which source lines (1-based) it was read from."""

    fields: dict[str, object] = field(default_factory=dict)
    start: int = 0  # first line of the header zone (1-based; 0: no header)
    end: int = 0  # last line of the header zone; the body starts after it
    read: set[int] = field(default_factory=set)  # lines whose words all went into the fields


def clean(line: str) -> str:
    """A header line without markdown, table pipes, separators inside the line or extra spaces."""
    text = unify_tone_marks(strip_markdown(line).replace("|", " "))
    text = _SEPARATOR_RUN.sub(" ", f" {text} ")
    return re.sub(r"\s+", " ", text).strip()


def _is_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _place(before: str) -> str:
    """The place is the capitalised words just before ", ngày": "… Hạnh phúc Hà Nội" → "Hà Nội"."""
    words: list[str] = []
    for word in reversed(before.split()):
        if word in _PLACE_WORDS or (word[:1] in VIET_UPPER and (not _is_upper(word) or word in ("TP.", "TP"))):
            words.insert(0, word)
            if len(words) == 6:
                break
        else:
            break
    while words and words[0] in _PLACE_WORDS:
        words.pop(0)
    return " ".join(words).strip(" ,")


def _opens_cell(line: str, above: str) -> bool:
    """Whether ``line`` starts a new cell or span of the table rather than going on from ``above``."""
    return line.strip().startswith(("*", "_", "|")) or above.strip().endswith(("*", "_", "|"))


def read_header(lines: list[str]) -> Header:
    """Read the header fields from the first lines of a document (``lines`` as in the file)."""
    rows: list[tuple[int, str]] = []
    breaks: set[int] = set()  # rows a separator line ("-----") follows: a summary ends there
    for n, raw in enumerate(lines[: HEADER_ROWS * 2], 1):
        if _SEPARATOR.match(strip_markdown(raw).replace("|", " ").strip()):
            breaks |= {len(rows) - 1} if rows else set()
        elif text := clean(raw):
            rows.append((n, text))
    rows = rows[:HEADER_ROWS]
    if not rows:
        return Header()
    texts = [text for _, text in rows]
    motto_row = next((i for i in range(len(texts)) if (m := _MOTTO.search(" ".join(texts[i : i + 3]))) and m.start() < len(texts[i])), None)
    zone_start = 0
    if motto_row is not None:
        # The issuer cell is the run of capitalised lines just before the motto (or the number).
        zone_start = motto_row
        while zone_start > 0 and len(texts[zone_start - 1]) < 120 and (_is_upper(texts[zone_start - 1]) or texts[zone_start - 1].startswith("Số")):
            zone_start -= 1
    head = Header(start=rows[zone_start][0])
    found: dict[str, object] = {}
    read_rows: set[int] = set()
    type_row = title_end = None
    number_row = date_row = None
    for i in range(zone_start, min(len(rows), zone_start + 40)):
        text, pair = texts[i], " ".join(texts[i : i + 2])
        if number_row is None and (match := _NUMBER.search(pair)) and match.start() < len(text):
            found["number"] = re.sub(r"\s+", "", match.group("number"))
            number_row = i
        date_end = None
        if date_row is None and (match := _DATE.search(pair)) and match.start() < len(text):
            day, month, year = match.group("day"), int(match.group("month")), int(match.group("year"))
            if 1 <= month <= 12 and (day is None or 1 <= int(day) <= 31):
                found["date"] = f"{year:04d}-{month:02d}" + (f"-{int(day):02d}" if day else "")
                # "Thành phố Hồ" / "Chí Minh, ngày …": the place may start on the row above, unless
                # that row ends a cell ("… trên địa bàn Thành phố*" / "*Hà Nội, ngày …").
                joined = i > zone_start and not _opens_cell(lines[rows[i][0] - 1], lines[rows[i - 1][0] - 1])
                found["place"] = _place((texts[i - 1] + " " if joined else "") + pair[: match.start()])
                date_row = i
                date_end = match.end() if match.end() <= len(text) else None
        typed = _TYPE.match(text)
        if not typed and _is_upper(text) and len(text) <= 12 and i + 1 < len(texts):
            # "NGHỊ" / "QUYẾT": a type word cut by a line break; the summary goes on after it
            joined = _TYPE.match(f"{text} {texts[i + 1]}")
            if joined and len(joined.group("type")) > len(text):
                typed, i = joined, i + 1
        if not typed and date_end is not None:
            typed = _TYPE.match(text[date_end:].strip())  # "299/TTg Hà Nội, ngày … CHỈ THỊ VỀ …" on one line
        if typed and not _MOTTO.search(text):
            found["doc_type"] = typed.group("type")
            type_row = i
            title_end = _read_title(texts, i, typed.group("rest"), found, breaks)
            break
        if i > zone_start + 25 and motto_row is None:
            break
    if type_row is None:
        title_end = _read_untyped(texts, zone_start, found, number_row, date_row)
    if "number" in found and "doc_type" not in found:
        symbol = re.split(r"[-/]", str(found["number"]).lstrip("0123456789.-/"))[0]
        # A subject line ("V/v …") makes a công văn, whatever its symbol says ("5662/CT-CS": Cục Thuế).
        found["doc_type"] = "CÔNG VĂN" if found.get("subject") else SYMBOL_TYPES.get(symbol, "CÔNG VĂN" if found.get("to") else "")
    issuer_cell = _issuer_rows(texts, zone_start, (number_row, date_row, type_row))
    bodies = split_bodies(issuer_cell)
    if bodies:
        found["issuer"] = bodies[-1]
        if len(bodies) > 1:
            found["issuer_parent"] = " ".join(bodies[:-1])
    if title_end is None:
        return Header(fields=_tidy(found))
    if type_row is not None and title_end > type_row and is_enacting(texts[title_end], re.sub(r"\s+", " ", _MOTTO.split(str(found.get("issuer", "")))[0]).strip(" *-")):
        # "… KẾT CẤU HẠ TẦNG XÂY DỰNG" / "THỦ TƯỚNG CHÍNH PHỦ" / "Căn cứ …": the authority that
        # enacts is no part of the summary, even when both are in capitals.
        found["title"] = str(found["title"])[: -len(texts[title_end])].strip()
        title_end -= 1
    # The enacting line ("CHÍNH PHỦ" above "Căn cứ …") repeats the issuer: read as header too.
    if title_end + 1 < len(texts) and found.get("issuer") and texts[title_end + 1].replace(" ", "") in str(found["issuer"]).replace(" ", ""):
        title_end += 1
    words = _words(" ".join(str(v) for v in found.values()) + " " + " ".join(issuer_cell))
    words |= {str(int(part)) for part in str(found.get("date", "")).split("-") if part}  # "ngày 10 tháng 3"
    for i in range(zone_start, title_end + 1):
        left = _words(_MOTTO.sub(" ", texts[i]))
        if left <= words | _FORM_WORDS | _MOTTO_WORDS:
            read_rows.add(rows[i][0])
    head.fields, head.end, head.read = _tidy(found), rows[title_end][0], read_rows
    return head


def _read_title(texts: list[str], i: int, rest: str, found: dict[str, object], breaks: set[int]) -> int:
    """The summary below the type line: the rest of that line, then lines that carry it on."""
    title: list[str] = []
    if match := re.match(r"SỐ\s*:?\s*(?P<number>\d[\d.]*(?:[-/][\wĐđ&.]+)+)\s*", rest):
        found.setdefault("number", match.group("number"))  # "HƯỚNG DẪN SỐ 05-HD/ĐUK"
        rest = rest[match.end() :]
    if rest:
        # "CHỈ THỊ VỀ CÔNG TÁC … CẢ NƯỚC Ngày 24 …": on a flattened line the title is the capitals.
        caps = re.match(rf"^[{VIET_UPPER}0-9\s,.;:“”\"()/–-]+(?=\s[{VIET_UPPER}][{VIET_LOWER}]|$)", rest)
        title.append((caps.group(0) if caps and _is_upper(caps.group(0)) else rest).strip())
    end = i
    for k in range(i + 1, min(len(texts), i + 1 + MAX_TITLE_ROWS)):
        text = texts[k]
        if k - 1 in breaks or any(p.match(text) for _, p in HEADING_PATTERNS) or len(text) > 250 or text[:1] in "-+•(":
            break
        if title:
            previous = title[-1]
            if previous.endswith((".", ";", ":", "!", "?")) or _BODY_OPENING.match(text):
                break
            carried = text[:1].islower() or previous.endswith((",", "của", "về", "và", "thực hiện"))
            if _is_upper(previous) != _is_upper(text) and not carried:
                break
            if not _is_upper(text) and not carried and (text.endswith((".", ";", ":", "!", "?")) or len(text) > 120):
                break  # "Năm 2024 các chi bộ đạt kết quả tốt.": a sentence of the body, not the summary
        title.append(text)
        end = k
    if title:
        found["title"] = " ".join(title)
    return end


def _read_untyped(texts: list[str], start: int, found: dict[str, object], number_row: int | None, date_row: int | None) -> int | None:
    """A công văn has no type line: "V/v …" gives its subject, "Kính gửi: …" its addressees."""
    end = max((r for r in (number_row, date_row) if r is not None), default=None)
    if end is None:
        return None
    k = start
    while k < min(len(texts), start + 30):
        text = texts[k]
        subject = re.search(r"(?:^|\s)V/v\b\s*(?P<subject>.*)$", text)
        if subject and "title" not in found:
            lines = [_DATE.split(subject.group("subject"))[0].strip()]
            while k + 1 < len(texts) and len(lines) < 4 and not lines[-1].endswith(".") and not (
                _DATE.search(" ".join(texts[k + 1 : k + 3])) or _ADDRESSEES.search(texts[k + 1]) or _MOTTO.search(texts[k + 1]) or _is_upper(texts[k + 1])
            ):
                k += 1
                lines.append(texts[k])
            found["title"], found["subject"] = " ".join(part for part in lines if part), True
            end = max(end, k)
        elif match := _ADDRESSEES.search(text):
            to = [match.group("to").strip(" .")] if match.group("to").strip(" .") else []
            while k + 1 < len(texts) and (texts[k + 1].startswith(("-", "+", "•")) or not to) and len(to) < 12:
                k += 1
                to.append(texts[k].strip(" -+•;,."))
            found["to"] = "; ".join(to)
            return max(end, k)
        k += 1
    return end


def _motto_rows(texts: list[str]) -> set[int]:
    """Rows the motto covers, also when a line break cuts it ("CỘNG HÒA XÃ HỘI" / "CHỦ NGHĨA …")."""
    starts, offset = [], 0
    for text in texts:
        starts.append(offset)
        offset += len(text) + 1
    joined = "\n".join(texts)
    covered: set[int] = set()
    for match in _MOTTO.finditer(joined):
        covered |= {i for i, at in enumerate(starts) if at < match.end() and at + len(texts[i]) > match.start()}
    return covered


def _issuer_rows(texts: list[str], start: int, stops: tuple[int | None, ...]) -> list[str]:
    """The issuer cell: capitalised text from the header's start to the number, date or type line,
    leaving out the motto; the cell may sit before the motto, after it, or share its line."""
    ends = [r for r in stops if r is not None]
    if not ends:
        return []  # no header table: the issuer is read from the preamble
    motto = _motto_rows(texts)
    cell = []
    stop = min(ends)
    for i in range(start, min(stop + 1, start + 12)):
        text = texts[i]
        if i == stop:
            # "ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK CỘNG HÒA … Số: 0130/KH-UBND Đắk Lắk, ngày …": a header
            # flattened on one line starts with the issuer, the capitalised words before the rest.
            if i == stops[-1]:
                break  # the type line: "QUYẾT ĐỊNH" is no issuer
            lead = leading_capitals(_MOTTO.split(text)[0])
            if lead.count(" ") >= 1 and not _MOTTO_PIECE.fullmatch(lead):
                cell.append(lead)
            break
        if i in motto:
            text = _MOTTO.split(text)[0].strip()  # "PHỦ THỦ TƯỚNG ----- CỘNG HÒA …": the part before it
            if not (text and _is_upper(text) and not _MOTTO_PIECE.fullmatch(text)):
                continue
        if _is_upper(text):
            cell.append(text)
    return cell


def _tidy(found: dict[str, object]) -> dict[str, object]:
    out = {k: v for k, v in found.items() if k not in ("subject",)}
    for key in ("issuer", "issuer_parent"):
        if key in out:
            out[key] = re.sub(r"\s+", " ", _MOTTO.split(str(out[key]))[0]).strip(" *-")
    if "to" in out:
        out["recipients"] = tuple(r.strip(" ;,.-") for r in re.split(r";|\s-\s", str(out.pop("to"))) if r.strip(" ;,.-"))
    return out


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))
