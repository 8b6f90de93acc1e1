"""Structure: split a document's text into header, body blocks and closing, and read its metadata.

A *block* is one paragraph of the document with the source lines it spans. Headings, bullets and
plain paragraphs are told apart here; ``passages.py`` turns the body blocks into a section tree
and passages.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ..documents.headings import BULLET_LEVELS, HEADING_PATTERNS
from ..documents.pdf_repair import repair_pdf_text
from ..text.normalize import strip_markdown, unify_tone_marks

DOC_TYPES = (
    "KẾ HOẠCH", "KẾT LUẬN", "CHỈ THỊ", "HƯỚNG DẪN", "QUYẾT ĐỊNH", "QUY ĐỊNH", "NGHỊ QUYẾT",
    "THÔNG BÁO", "BÁO CÁO", "CHƯƠNG TRÌNH", "THÔNG TRI", "CÔNG VĂN", "TỜ TRÌNH", "ĐỀ ÁN",
)  # fmt: skip

PARAGRAPH_LEVEL = 5.9  # a plain paragraph sits below every numbered heading, above bullets

_BULLET = re.compile(r"^(?P<mark>[-–•+*])\s+(?=\S)")
_SEPARATOR = re.compile(r"^[-_=*\s]{3,}$")
_DOC_NUMBER = re.compile(r"^Số\s*:?\s*(?P<number>\d+\s*[-/]\s*[\wĐđ/\-]+)")
_PLACE_DATE = re.compile(
    r"(?P<place>[^\d,]{2,40}),\s*ngày\s*(?P<day>\d{1,2})?\s*tháng\s*(?P<month>\d{1,2})\s*năm\s*(?P<year>\d{4})"
)
_SIGNATURE_ROLE = re.compile(r"^(T/M|TM\.?|K/T|KT\.?|TL\.?|TUQ\.?|Q\.)\s|^(BÍ THƯ|PHÓ BÍ THƯ|CHỦ TỊCH)", re.IGNORECASE)
_RECIPIENTS = re.compile(r"^Nơi nhận\s*:?", re.IGNORECASE)
_PREAMBLE_ISSUER = re.compile(
    r"(?P<issuer>Ban (?:Thường vụ|Chấp hành|Cán sự)[^,;:]*?|Ủy ban nhân dân[^,;:]*?|Đảng (?:ủy|đoàn)[^,;:]*?)\s+"
    r"(?:ban hành|xây dựng|triển khai)",
)
_SENTENCE_END = tuple(".:;!?…")


@dataclass(frozen=True)
class Block:
    """One paragraph: its display text and where it stands in the source file."""

    text: str  # display text, markdown kept
    line_start: int
    line_end: int
    kind: str = "paragraph"  # "heading", "bullet" or "paragraph"
    level: float = PARAGRAPH_LEVEL
    label: str = ""  # "II", "1.2", "a", "-" …

    @property
    def plain(self) -> str:
        return strip_markdown(self.text).strip()


@dataclass(frozen=True)
class Layout:
    header: list[Block]
    body: list[Block]
    closing: list[Block]


# --- blocks -----------------------------------------------------------------------------------


def _is_hard_wrapped(lines: list[str]) -> bool:
    """PDF text keeps the page's line breaks: many lines run on into a lower-case next line."""
    filled = [line.strip() for line in lines if line.strip()]
    long_lines = [i for i, line in enumerate(filled[:-1]) if len(line) > 40]
    if len(long_lines) < 5:
        return False
    run_on = sum(1 for i in long_lines if filled[i + 1][:1].islower())
    return run_on >= 0.25 * len(long_lines)


def _starts_block(line: str) -> bool:
    plain = strip_markdown(line).strip()
    return bool(
        _BULLET.match(plain)
        or any(p.match(plain) for _, p in HEADING_PATTERNS)
        or _RECIPIENTS.match(plain)
        or _SEPARATOR.match(plain)
        or plain.strip(" .:") in DOC_TYPES
    )


def _continues(paragraph: list[str], line: str, wrapped: bool, after_blank: bool) -> bool:
    """Whether ``line`` carries on the paragraph gathered so far."""
    if _starts_block(line):
        return False
    previous = paragraph[-1]
    if previous.isupper() or _SEPARATOR.match(previous):
        return False  # type lines, capitalised headings and separators stand alone
    if line[:1].islower():
        return True  # no paragraph, heading or item starts in lower case: a broken line
    if not wrapped:
        return not after_blank
    if len(paragraph) == 1 and _starts_block(previous) and len(previous) < 60:
        return False  # a short heading line ends where its line ends
    return not previous.endswith(_SENTENCE_END)


def split_blocks(text: str) -> list[Block]:
    """Paragraphs with their line spans; hard-wrapped (PDF) lines are joined back first."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    wrapped = _is_hard_wrapped(lines)
    blocks: list[Block] = []
    paragraph: list[str] = []
    start = last = 0
    after_blank = False
    for number, raw in enumerate(lines, 1):
        line = raw.strip()
        if not line:
            after_blank = True
            continue
        if paragraph and _continues(paragraph, line, wrapped, after_blank):
            paragraph.append(line)
            last = number
        else:
            if paragraph:
                blocks.append(Block(" ".join(paragraph), start, last))
            paragraph, start, last = [line], number, number
        after_blank = False
    if paragraph:
        blocks.append(Block(" ".join(paragraph), start, last))
    return [piece for block in blocks for piece in _split_jammed_headings(block)]


def _split_jammed_headings(block: Block) -> list[Block]:
    """Markdown can glue two bold headings on one line: "**I- MỤC ĐÍCH****1. Mục đích**"."""
    parts = re.split(r"(?<=\*\*)(?=\*\*)", block.text)
    return [Block(part.strip(), block.line_start, block.line_end) for part in parts if strip_markdown(part).strip()]


def classify(block: Block) -> Block:
    plain = block.plain
    for level, pattern in HEADING_PATTERNS:
        match = pattern.match(plain)
        if match:
            return Block(block.text, block.line_start, block.line_end, "heading", level, match.group("label"))
    match = _BULLET.match(block.text.lstrip()) or _BULLET.match(plain)
    if match and not block.text.lstrip().startswith("**"):
        mark = match.group("mark")
        return Block(block.text, block.line_start, block.line_end, "bullet", BULLET_LEVELS[mark], mark)
    return block


# --- layout and metadata ----------------------------------------------------------------------


def _is_doc_type(block: Block) -> str:
    plain = block.plain.strip(" .:")
    return plain if plain in DOC_TYPES else ""


def split_layout(blocks: list[Block]) -> Layout:
    """Header (up to the summary), body, and closing ("Nơi nhận", signature)."""
    body_start = 0
    for i, block in enumerate(blocks[:40]):
        if _is_doc_type(block):
            body_start = i + 1
            # The summary runs until a separator line or the first full paragraph/heading.
            near = [k for k in range(i + 1, min(len(blocks), i + 8)) if _SEPARATOR.match(blocks[k].plain)]
            if near:
                body_start = near[0] + 1
                break
            j = i + 1
            while j < len(blocks) and j < i + 8:
                plain = blocks[j].plain
                if _SEPARATOR.match(plain):
                    j += 1
                    break
                if len(plain) > 300 or classify(blocks[j]).kind == "heading" or plain.startswith(("Thực hiện", "Căn cứ")):
                    break
                j += 1
            body_start = j
            break
    else:
        # No type line: the header is whatever comes before the first heading or long paragraph.
        for i, block in enumerate(blocks[:40]):
            if classify(block).kind == "heading" or len(block.plain) > 200:
                body_start = i
                break
    body_end = len(blocks)
    for i in range(body_start, len(blocks)):
        plain = blocks[i].plain
        if _RECIPIENTS.match(plain) or (_SIGNATURE_ROLE.match(plain) and plain.upper() == plain):
            body_end = i
            break
    body = [b for b in blocks[body_start:body_end] if not _SEPARATOR.match(b.plain)]
    return Layout(blocks[:body_start], body, blocks[body_end:])


def _iso_date(day: str | None, month: str, year: str) -> str:
    return f"{int(year):04d}-{int(month):02d}" + (f"-{int(day):02d}" if day else "")


def read_metadata(doc_id: str, layout: Layout) -> dict[str, object]:
    """Type, number, issuer, place, date, title, signer and recipients, where the text has them."""
    meta: dict[str, object] = {"doc_id": doc_id}
    header_lines = [b.plain for b in layout.header]
    title_lines: list[str] = []
    seen_type = False
    for line in header_lines:
        doc_type = line.strip(" .:")
        if doc_type in DOC_TYPES and not seen_type:
            meta["doc_type"], seen_type = doc_type, True
            continue
        if match := _DOC_NUMBER.search(line):
            meta.setdefault("number", re.sub(r"\s+", "", match.group("number")))
        if match := _PLACE_DATE.search(line):
            meta.setdefault("place", match.group("place").strip(" *"))
            meta.setdefault("date", _iso_date(match.group("day"), match.group("month"), match.group("year")))
            continue
        if seen_type and not _SEPARATOR.match(line):
            title_lines.append(line)
        elif not seen_type and line.isupper() and "CỘNG" not in line and "ĐỘC LẬP" not in line:
            meta.setdefault("issuer", line)
    meta["title"] = re.sub(r"\s+", " ", " ".join(title_lines)).strip()
    if "issuer" not in meta and layout.body:
        preamble = layout.body[0].plain
        if match := _PREAMBLE_ISSUER.search(preamble[-400:]):
            meta["issuer"] = unify_tone_marks(match.group("issuer").strip())  # one spelling: "Tỉnh ủy"
    recipients, signature = _read_closing(layout.closing)
    meta["recipients"] = tuple(recipients)
    if signature:
        meta["signer"] = signature[-1]
        meta["signer_role"] = " / ".join(signature[:-1])
    return meta


def _read_closing(closing: list[Block]) -> tuple[list[str], list[str]]:
    """Recipients after "Nơi nhận:", then the signature lines (role lines, then the signer)."""
    recipients: list[str] = []
    signature: list[str] = []
    for block in closing:
        for line in re.split(r"\s{2,}|\t", block.text):
            plain = strip_markdown(line).strip()
            if not plain or re.fullmatch(r"[(|].*[)|]?", plain):
                continue  # "(Báo cáo)", "| (để b/c)": notes beside the recipient list
            if _RECIPIENTS.match(plain):
                plain = _RECIPIENTS.sub("", plain).strip()
                if not plain:
                    continue
            if signature or (_SIGNATURE_ROLE.match(plain) and plain.upper() == plain):
                signature.append(plain)
            else:
                recipients.append(re.sub(r"\s*\|.*$", "", plain.lstrip("-+• ")).rstrip(",;. "))
    return recipients, signature


def parse_layout(text: str) -> Layout:
    """Normalised display text → classified blocks split into header, body and closing."""
    text = unicodedata.normalize("NFC", text)
    text = repair_pdf_text(text)
    blocks = [classify(b) for b in split_blocks(text)]
    return split_layout(blocks)
