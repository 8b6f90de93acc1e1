"""Structure: split a document's text into header, body blocks and closing, and read its metadata.

A *block* is one paragraph of the document with the source lines it spans. Headings, bullets and
plain paragraphs are told apart here; ``passages.py`` turns the body blocks into a section tree
and passages.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from ..documents.headings import BULLET_LEVELS, HEADING_PATTERNS
from ..documents.pdf_repair import repair_pdf_text
from ..text.normalize import VIET_LOWER, VIET_UPPER, strip_markdown, unify_tone_marks
from .closing import is_role, is_signature, plain, read_closing, signature_end, signer_name, split_tail
from .header import DOC_TYPES, read_header
from .issuer import enacting_body

PARAGRAPH_LEVEL = 5.9  # a plain paragraph sits below every numbered heading, above bullets

_BULLET = re.compile(r"^(?P<mark>[-–•+*])\s+(?=\S)")
_SEPARATOR = re.compile(r"^[-_=*\s]{3,}$")
_RECIPIENTS = re.compile(r"^Nơi nhận\s*:", re.IGNORECASE)  # "Nơi nhận báo cáo: …" is a sentence
_PREAMBLE_ISSUER = re.compile(
    r"(?P<issuer>Ban (?:Thường vụ|Chấp hành|Cán sự)[^,;:]*?|Ủy ban nhân dân[^,;:]*?|Đảng (?:ủy|đoàn)[^,;:]*?)\s+"
    r"(?:ban hành|xây dựng|triển khai)",
)
_SENTENCE_END = tuple(".:;!?…")
_BARE_ITEM = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2}){0,2}\.?|[a-zđ]\)|Điều\s+\d{1,3}\.?)$")
# A legal heading's label word alone on its line ("**Điều" + "1. Phạm vi điều chỉnh**", "**Chương" +
# "I**"): its numeral and title were wrapped onto the next line.
_BARE_LABEL_WORD = re.compile(r"^(?:Phần|Chương|Mục|Điều)$")
_LABEL_NUMERAL = re.compile(r"^(?:\d{1,3}[a-z]?|[IVXL]{1,5})(?:[.:]\s|[.:]?$)")
# A line that ends on a comma or on a word no sentence ends with has its sentence on the next line.
_MID_SENTENCE = re.compile(r"(?:,|\s(?:ngày|số|của|và|về|tại|theo|với|cho|năm|tháng|các|những|trong|đối với))\s*$")
_ADOPTED = re.compile(r"\bđược\b.{0,250}?thông qua\s+ngày\s*(?P<day>\d{1,2})\s*tháng\s*(?P<month>\d{1,2})\s*năm\s*(?P<year>\d{4})")
LAST_BLOCKS = 4  # the adoption sentence closes the body, just before the signature
# A table copied without its cell breaks glues a cell's last word in capitals to the next cell's
# first word ("VIỆT NAMĐộc lập", "CHỦ TỊCHNguyễn Văn A") or to a separator ("CHÍNH PHỦ-------").
# A word of two lower-case letters at least: "PTTgCP", "GDTrH", "27/CTTg" are abbreviations.
_GLUED = re.compile(rf"(?<=[{VIET_UPPER}]{{2}})(?=[{VIET_UPPER}][{VIET_LOWER}]{{2,}}(?!\w))|(?<=\w)(?=[-_]{{3,}})|(?<=[-_]{{3}})(?=\w)")
_PREAMBLE = re.compile(r"(?:Căn cứ|Xét đề nghị|Theo đề nghị)\b")
_PAGE_NUMBER = re.compile(r"^\d{1,3}$")  # a PDF page number between paragraphs: no text
_RULE = re.compile(r"(?<=\s)[-_=–—]{3,}(?=\s)")  # "-------" under a cell's name: a table's rule, no words


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
    header: list[Block]  # lines read into the metadata
    body: list[Block]
    closing: list[Block]  # recipients and signature(s), read into the metadata
    annexes: list[list[Block]] = field(default_factory=list)  # after the signature: appendix, attached rules
    fields: dict[str, object] = field(default_factory=dict)  # what the header says
    written: tuple[str, ...] = ()  # the header and closing lines as written (``written_lines``)


# --- blocks -----------------------------------------------------------------------------------


def unglue_cells(text: str) -> str:
    """Put back the space between table cells a copy glued together (see ``_GLUED``)."""
    return _GLUED.sub(" ", text)


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
        _BARE_LABEL_WORD.match(plain)
        or _BULLET.match(plain)
        or any(p.match(plain) for _, p in HEADING_PATTERNS)
        or _RECIPIENTS.match(plain)
        or _SEPARATOR.match(plain)
        or is_role(plain)
        or plain.strip(" .:") in DOC_TYPES
    )


def _is_spaced(lines: list[str]) -> bool:
    """Markdown-like text puts a blank line between paragraphs, so a single line break is a wrap.
    Text with (almost) no blank lines has one paragraph per line."""
    filled = sum(1 for line in lines if line.strip())
    return len(lines) - filled >= 0.5 * filled


def _is_heading_wrap(previous: str, line: str) -> bool:
    """ "I. MỤC ĐÍCH," + "YÊU CẦU": a capitalised line that ends on a comma, a dash or "VÀ" goes on."""
    previous, line = strip_markdown(previous).strip(), strip_markdown(line).strip()
    one_word = " " not in previous and previous.strip(" .:") not in DOC_TYPES  # "BỒI" + "DƯỠNG, GIẢNG DẠY …"
    return line.isupper() and len(line) <= 120 and (one_word or bool(re.search(r"(?:[,\-–]|\sVÀ|\sCỦA|\sVỀ)$", previous)))


# Only the article's label in bold, then text: the article has no title, its sentence starts there.
_LABEL_ONLY_BOLD = re.compile(r"\s*\*\*\s*Điều\s+\d+[a-zđ]?\s*\.\s*\*\*\s*[^*\s]")


def _continues(paragraph: list[str], line: str, wrapped: bool, after_blank: bool, spaced: bool = True) -> bool:
    """Whether ``line`` carries on the paragraph gathered so far."""
    joined = " ".join(paragraph)
    bold_open = joined.count("**") % 2 == 1
    if _BARE_LABEL_WORD.match(strip_markdown(joined).strip()) and _LABEL_NUMERAL.match(strip_markdown(line).strip()):
        return True
    if bold_open and len(joined) < 200 and len(line) < 200 and not _starts_block(line):
        return True  # "**QUY" + "ĐỊNH CHUNG**": a bold heading cut by a line break
    italic_open = joined.replace("**", "").count("*") % 2 == 1
    if italic_open and re.match(r"\s*\*\s*(?:\d+(?:\.\d+)*\.|[IVXL]+\.|[a-zđ]\))\s", joined) and len(joined) < 120 and len(line) < 120 and not _starts_block(line):
        return True  # "*2.1. Sở" + "Tài chính*": an italic heading cut by a line break
    if _starts_block(line):
        return False
    previous = paragraph[-1]
    if after_blank and previous.rstrip().endswith("|") and not line.lstrip().startswith("|"):
        return False  # a table, a blank line, then text: the table has ended, even in hard-wrapped text
    if joined.startswith("**") and previous.endswith("**") and not bold_open:
        return False  # a line in bold ends with its bold: "**Điều 1. Phông lưu trữ …**" is a heading
    if _BARE_ITEM.match(strip_markdown(previous).strip()):
        return True  # "1." alone on its line: its text is on the next one
    if previous.isupper() or _SEPARATOR.match(previous):
        return _is_heading_wrap(previous, line)  # type lines, capitalised headings and separators stand alone
    if line[:1].islower():
        return True  # no paragraph, heading or item starts in lower case: a broken line
    if _MID_SENTENCE.search(strip_markdown(previous)):
        return True  # "Căn cứ Luật … số 63/2025/QH15, ngày" + "18 tháng 02 năm 2025;": the sentence goes on
    if not wrapped:
        return spaced and not after_blank
    if _LABEL_ONLY_BOLD.match(previous):
        return not previous.endswith(_SENTENCE_END)  # "**Điều 1.** Chuyển Trường Đại học" + "Công nghiệp …": no title, a sentence
    if len(paragraph) == 1 and _starts_block(previous) and len(previous) < 60:
        return False  # a short heading line ends where its line ends
    return not previous.endswith(_SENTENCE_END)


def _is_signed_name(paragraph: list[str], blocks: list[Block]) -> bool:
    """ "Trương Cảnh Tuyên" below "CHỦ TỊCH" is a signature: the name ends its block, whatever
    follows it (a portal's footer, an appendix), even with no blank line between them."""
    if len(paragraph) != 1 or not blocks or not is_role(plain(blocks[-1])):
        return False
    line = plain(Block(paragraph[0], 0, 0))
    return bool(line) and signer_name(line) == line


def split_blocks(text: str, *, wrapped: bool | None = None, spaced: bool | None = None) -> list[Block]:
    """Paragraphs with their line spans; hard-wrapped (PDF) lines are joined back first.

    ``wrapped`` and ``spaced`` describe the whole document when ``text`` is a part of it.
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    wrapped = _is_hard_wrapped(lines) if wrapped is None else wrapped
    spaced = _is_spaced(lines) if spaced is None else spaced
    blocks: list[Block] = []
    paragraph: list[str] = []
    start = last = 0
    after_blank = False
    for number, raw in enumerate(lines, 1):
        line = raw.strip()
        if not re.search(r"\w", line) or _PAGE_NUMBER.match(line):
            if line and paragraph:
                blocks.append(Block(" ".join(paragraph), start, last))  # a separator or a table cell ends it
                paragraph = []
            after_blank = True
            continue  # a blank line, a lone "|", "-----" or "** **": no words, no paragraph
        if paragraph and not _is_signed_name(paragraph, blocks) and _continues(paragraph, line, wrapped, after_blank, spaced):
            paragraph.append(line)
            last = number
        else:
            if paragraph:
                blocks.append(Block(" ".join(paragraph), start, last))
            paragraph, start, last = [line], number, number
        after_blank = False
    if paragraph:
        blocks.append(Block(" ".join(paragraph), start, last))
    return _join_bare_labels([piece for block in blocks for piece in _split_jammed_headings(block)])


_BARE_LABEL = re.compile(r"^(?i:phần|chương|mục)\s+(?:thứ\s+\w+|[IVXL]{1,5}|\d{1,2})\s*[.:]?$")


def _join_bare_labels(blocks: list[Block]) -> list[Block]:
    """ "Chương I" above "QUY ĐỊNH CHUNG" is one heading: a bare part/chapter label takes the
    capitalised line after it as its title."""
    out: list[Block] = []
    for block in blocks:
        previous = out[-1] if out else None
        if previous and _BARE_LABEL.match(previous.plain) and block.plain.isupper() and len(block.plain) <= 200:
            out[-1] = Block(f"{previous.text} {block.text}", previous.line_start, block.line_end)
        else:
            out.append(block)
    return out


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


def _split_signature_cell(block: Block) -> list[Block]:
    """ "- Chính phủ; … - Lưu: VT. | TM. CHÍNH PHỦ THỦ TƯỚNG Nguyễn Văn A |": a table row flattened
    on one line holds the recipients' cell and the signature's; the signature is a block apart."""
    cells = [cell for cell in re.split(r"\s\|\s", f" {block.text} ") if cell.strip(" |")]
    if len(cells) < 2 or not is_signature(clean_cell := plain(Block(cells[-1], 0, 0))):
        return [block]
    before = " | ".join(cell.strip() for cell in cells[:-1])
    return [classify(Block(before, block.line_start, block.line_end)), Block(clean_cell, block.line_start, block.line_end)]


def _split_run_on_signatures(blocks: list[Block]) -> list[Block]:
    """A signature flattened into the text after it is two blocks: the signature, then the rest
    (the title of what is attached, a digital stamp), which stays text of the document."""
    out: list[Block] = []
    for block in (piece for whole in blocks for piece in _split_signature_cell(whole)):
        text = plain(block)
        end = signature_end(text) if block.kind == "paragraph" else 0
        if end:
            out.append(Block(text[:end], block.line_start, block.line_end))
            out.append(classify(Block(text[end:].strip(), block.line_start, block.line_end)))
        else:
            out.append(block)
    return out


def split_layout(blocks: list[Block]) -> Layout:
    """Body, closing and annexes of blocks that have no header (the header is read from lines)."""
    body, closing, annexes = split_tail(_split_run_on_signatures(blocks))
    return Layout([], [b for b in body if not _SEPARATOR.match(b.plain)], closing, [[b for b in a if not _SEPARATOR.match(b.plain)] for a in annexes])


def _enacting_issuer(body: list[Block]) -> str:
    """With no header cell to name it, the issuer is the enacting line above the preamble:
    "ỦY BAN THƯỜNG VỤ QUỐC HỘI" / "Căn cứ Hiến pháp …" (an office, "BỘ TRƯỞNG BỘ TƯ PHÁP", names its body)."""
    for block, after in zip(body[:3], body[1:4]):
        text = re.sub(r"\s+", " ", block.plain.replace("*", "")).strip()
        if len(text) <= 80 and text.isupper() and _PREAMBLE.match(after.plain.lstrip("*_ ")):
            return unify_tone_marks(enacting_body(text))
    return ""


def _adoption_date(blocks: list[Block]) -> str:
    """A law or a resolution of the National Assembly has no date in its header: it is dated by
    its last sentence, "Nghị quyết này được … thông qua ngày 16 tháng 6 năm 2025"."""
    for block in reversed(blocks):
        if match := _ADOPTED.search(re.sub(r"\s+", " ", block.plain.replace("*", ""))):
            day, month, year = (int(match.group(k)) for k in ("day", "month", "year"))
            if 1 <= day <= 31 and 1 <= month <= 12:
                return f"{year:04d}-{month:02d}-{day:02d}"
    return ""


def read_metadata(doc_id: str, layout: Layout) -> dict[str, object]:
    """Type, number, issuer, place, date, title, signer and recipients, where the text has them."""
    meta: dict[str, object] = {"doc_id": doc_id, **layout.fields}
    meta["title"] = re.sub(r"\s+", " ", str(meta.get("title", ""))).strip()
    if "issuer" not in meta and (enacting := _enacting_issuer(layout.body)):
        meta["issuer"] = enacting
    if "issuer" not in meta and layout.body:
        preamble = layout.body[0].plain
        if match := _PREAMBLE_ISSUER.search(preamble[-400:]):
            meta["issuer"] = unify_tone_marks(match.group("issuer").strip())  # one spelling: "Tỉnh ủy"
    if "date" not in meta and (date := _adoption_date(layout.body[-LAST_BLOCKS:] + layout.closing)):
        meta["date"] = date
    recipients, roles, signer = read_closing(layout.closing)
    meta["recipients"] = tuple(dict.fromkeys([*meta.get("recipients", ()), *recipients]))  # type: ignore[misc]
    if signer:
        meta["signer"] = signer
    if roles:
        meta["signer_role"] = " / ".join(roles)
    meta["header_lines"] = layout.written
    return meta


def as_written(line: str) -> str:
    """A line without what the copy added: markdown marks, table pipes and the empty cells between
    them, rules ("-------") and runs of spaces; its words as they are ("Độc lập - Tự do - Hạnh phúc")."""
    cells = (re.sub(r"(?<!_)__(?!_)", "", strip_markdown(cell)) for cell in line.split("|"))
    text = " ".join(cell for cell in cells if cell.strip())
    return re.sub(r"\s+", " ", _RULE.sub(" ", f" {text} ")).strip()


def written_lines(lines: list[str], header: list[Block], closing: list[Block], text: list[Block]) -> tuple[str, ...]:
    """The lines the metadata was read from, in document order: every header line read, and every
    line of the closing. A closing block cut from a line that goes on as text (a signature run on
    into an attached plan's title) gives its own words only: the rest of the line is a passage."""
    shared = {n for block in text for n in range(block.line_start, block.line_end + 1)}
    out = [(block.line_start, as_written(block.text)) for block in header]
    taken: set[int] = set()
    for block in closing:
        span = range(block.line_start, block.line_end + 1)
        if shared.isdisjoint(span):
            out += [(n, as_written(lines[n - 1])) for n in span if n not in taken]
            taken.update(span)
        else:
            out.append((block.line_start, as_written(block.text)))
    out.sort(key=lambda row: row[0])  # stable: the pieces of one line stay in their order
    return tuple(line for _, line in out if re.search(r"\w", line))


def parse_layout(text: str) -> Layout:
    """Normalised display text → the header read from its lines, then body, closing and annexes."""
    text = unglue_cells(repair_pdf_text(unicodedata.normalize("NFC", text)))
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    head = read_header(lines)
    wrapped, spaced = _is_hard_wrapped(lines), _is_spaced(lines)
    # Header lines whose words went into the metadata are header; any other line before the body
    # (a page header, a news summary above the document, a line the fields do not explain) is kept.
    kept = [line if n > head.end or n not in head.read else "" for n, line in enumerate(lines, 1)]
    before = split_blocks("\n".join(kept[: head.end]), wrapped=wrapped, spaced=spaced)
    after = split_blocks("\n".join([""] * head.end + kept[head.end :]), wrapped=wrapped, spaced=spaced)
    header = [Block(lines[n - 1].strip(), n, n) for n in sorted(head.read)]
    rest = split_layout([classify(b) for b in after])
    preamble = [classify(b) for b in before if not _SEPARATOR.match(b.plain)]
    body = preamble + rest.body
    written = written_lines(lines, header, rest.closing, body + [b for annex in rest.annexes for b in annex])
    return Layout(header, body, rest.closing, rest.annexes, head.fields, written)
