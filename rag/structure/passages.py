"""Passages: the body blocks of a document arranged in a section tree, one passage per leaf.

Each passage keeps its display text and carries its heading path; the path goes into the
*index* text only (a bare "Thời gian: hoàn thành trước 31/3/2022" means nothing without it).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from ..documents.headings import HEADING_PATTERNS
from ..records import DocumentMeta, Facts, ParsedDocument, Passage
from ..text.normalize import VIET_UPPER, index_text, strip_markdown
from .articles import article_of, document_heading
from .facts import extract_facts, is_closing, opens_with_body, plan_year
from .labels import field_label
from .layout import Block, parse_layout, read_metadata
from .task_tables import read_task_tables

ARTICLE_LEVEL = next(level for level, pattern in HEADING_PATTERNS if pattern.pattern.startswith("^Điều"))

MAX_PASSAGE_CHARS = 900  # longer items are split at sentence ends (e5 reads ~512 tokens; BM25 likes units)
MIN_SPLIT_CHARS = 300  # …but never into pieces shorter than this
MAX_TITLE_CHARS = 90
# An article's title is what the article is about and what a question names ("Điều 12. Nguyên tắc,
# phương thức, trình tự, thủ tục, thẩm quyền quyết định tiếp nhận khoản hỗ trợ …"): kept whole in the
# path of each of its clauses, never cut at MAX_TITLE_CHARS.
MAX_ARTICLE_TITLE_CHARS = 250
TABLE_CELL_CHARS = 40  # a plain paragraph this short, with two more like it in a row, is a table cell
SHORT_ITEM_CHARS = 80  # an item this short ("- Thời gian: trước 31/3/2022.") is read with the item before it
ANNEX_TITLE = "Phụ lục"  # text after the signature that names itself by no title line
NEWS_TITLE = "Tin về văn bản"  # a portal's news lead copied above the document ("## …", "Xem thêm Công văn …")
PREAMBLE_TITLE = "Căn cứ ban hành"  # the opening "Thực hiện …/Căn cứ …" paragraph states the legal basis  # a numbered item with content is cut to this length where it names a section
_SENTENCE_SPLIT = re.compile(rf"(?<=[.;!?…])\s+(?=[\"“*]*[{VIET_UPPER}0-9(\-+])")


def short_title(block: Block) -> str:
    """The heading as it appears in a path: "1.1. Đối với cấp tỉnh", or a long item cut short."""
    plain = re.sub(r"\s+", " ", block.plain)
    if len(plain) <= MAX_TITLE_CHARS:
        return plain.rstrip(" .")
    head, sep, _ = plain.partition(":")
    if sep and 3 < len(head) <= MAX_TITLE_CHARS:
        return head.strip()
    cut = plain[:MAX_TITLE_CHARS].rsplit(" ", 1)[0]
    return cut.rstrip(" ,;") + "…"


def is_article_title(block: Block) -> bool:
    """ "Điều 8. Thẩm quyền, quy trình cấp mới, … hộp thư điện tử công vụ": an article heading that
    is a title only (no sentence of the article run on after it)."""
    plain = re.sub(r"\s+", " ", block.plain)
    return (
        block.kind == "heading"
        and block.level == ARTICLE_LEVEL
        and len(plain) <= MAX_ARTICLE_TITLE_CHARS
        and ":" not in plain
        and not plain.endswith((".", ";"))
    )


def _is_content(block: Block) -> bool:
    """A heading that is also a duty ("2. Giao Ban Tuyên giáo … chủ trì …") or carries a value
    after a colon ("1. Thời gian: quý I/2022") is a passage as well."""
    plain = block.plain
    head, sep, rest = plain.partition(":")
    # A heading names a section and ends without a full stop; "1. Bảo đảm công khai, minh bạch." is
    # a clause (khoản) of its own.
    return len(plain) > MAX_TITLE_CHARS or bool(sep and rest.strip()) or plain.endswith((".", ";"))


def split_long(text: str, limit: int = MAX_PASSAGE_CHARS) -> list[str]:
    """Split text over ``limit`` characters at sentence ends into pieces of similar length."""
    if len(text) <= limit:
        return [text]
    sentences = _SENTENCE_SPLIT.split(text)
    pieces: list[str] = []
    current = ""
    for sentence in sentences:
        if current and len(current) + len(sentence) + 1 > limit and len(current) >= MIN_SPLIT_CHARS:
            pieces.append(current)
            current = sentence
        else:
            current = f"{current} {sentence}".strip()
    if current:
        if pieces and len(current) < MIN_SPLIT_CHARS // 2:
            pieces[-1] = f"{pieces[-1]} {current}"
        else:
            pieces.append(current)
    return pieces


@dataclass
class _Open:
    """A heading on the stack while its section is read."""

    level: float
    title: str
    block: Block
    shown: bool  # its text already reached a passage (itself or a child under it)


def _tree_leaves(body: list[Block]) -> Iterable[tuple[tuple[str, ...], Block]]:
    """Walk the blocks with a stack of open headings; yield (heading path, block) per passage.

    A heading whose section turns out empty is yielded itself, so that no text is lost.
    """
    stack: list[_Open] = []

    def close(level: float) -> Iterable[tuple[tuple[str, ...], Block]]:
        while stack and stack[-1].level >= level:
            closed = stack.pop()
            if not closed.shown:
                yield path(), closed.block  # its parents' titles reach a passage with it

    def path() -> tuple[str, ...]:
        for opened in stack:
            opened.shown = True
        return tuple(o.title for o in stack)

    for i, block in enumerate(body):
        if not stack and block.kind == "paragraph" and block.plain.startswith(("Thực hiện", "Căn cứ")):
            yield (PREAMBLE_TITLE,), block
            continue
        next_block = body[i + 1] if i + 1 < len(body) else None
        # A line ending in ":" followed by deeper bullets introduces them: it acts as their heading.
        introduces = (
            block.kind != "heading"
            and block.plain.endswith(":")
            and next_block is not None
            and next_block.kind == "bullet"
            and next_block.level > block.level
        )
        yield from close(block.level)
        if block.kind == "heading" or introduces:
            article = is_article_title(block)
            is_passage = block.kind != "heading" or (not article and _is_content(block) and len(block.plain) > 25)
            if is_passage:
                yield path(), block
            level = block.level if block.kind == "heading" else block.level + 0.5
            title = re.sub(r"\s+", " ", block.plain).rstrip(" .") if article else short_title(block)
            stack.append(_Open(level, title, block, is_passage))
            continue
        yield path(), block
    yield from close(float("-inf"))


_ANNEX_START = re.compile(r"^(?:PHỤ LỤC|MẪU|BIỂU|DANH MỤC)\b")


def split_annex(blocks: list[Block]) -> list[list[Block]]:
    """One annex per "PHỤ LỤC …" (or "MẪU", "BIỂU", "DANH MỤC") line in capitals: an attached
    regulation may be followed by its appendices, each a section of its own."""
    parts: list[list[Block]] = []
    for block in blocks:
        if not parts or (_ANNEX_START.match(block.plain) and block.plain.isupper() and parts[-1]):
            parts.append([])
        parts[-1].append(block)
    return parts


def annex_title(blocks: list[Block]) -> tuple[str, list[Block]]:
    """An annex (after the signature) is named by its first line when that line is a title in
    capitals or a "Phụ lục …"; otherwise it is the "Phụ lục" of the document."""
    first = blocks[0].plain if blocks else ""
    if len(first) <= 200 and (first.isupper() or re.match(r"(?i)(phụ lục|mẫu|biểu)\b", first)) and blocks[0].kind != "bullet":
        return short_title(blocks[0]), blocks[1:]
    return ANNEX_TITLE, blocks


def _join_cells(leaves: list[tuple[tuple[str, ...], Block]]) -> list[tuple[tuple[str, ...], Block]]:
    """A table flattened into text has one cell per line ("Sở Nông nghiệp và", "Môi trường", "2025"):
    three or more plain paragraphs this short in a row under one heading, none ending a sentence,
    are read as rows of one
    passage, cells apart by " | ", up to a passage's length."""
    out: list[tuple[tuple[str, ...], Block]] = []
    run: list[Block] = []
    run_path: tuple[str, ...] = ()

    def flush() -> None:
        if len(run) >= 3:
            text = " | ".join(b.text for b in run)
            out.append((run_path, Block(text, run[0].line_start, run[-1].line_end)))
        else:
            out.extend((run_path, b) for b in run)
        run.clear()

    for path, block in leaves:
        cell = block.kind == "paragraph" and len(block.plain) < TABLE_CELL_CHARS and not block.plain.endswith(tuple(".;:!?"))
        if run and (not cell or path != run_path or sum(len(b.text) for b in run) > MAX_PASSAGE_CHARS // 2):
            flush()
        if cell:
            run_path = path
            run.append(block)
        else:
            out.append((path, block))
    flush()
    return out


def build_passages(doc_id: str, body: list[Block], *, first_id: int = 0, prefix: tuple[str, ...] = ()) -> list[Passage]:
    passages: list[Passage] = []
    run_path: tuple[str, ...] | None = None  # the heading of the run of passages being read
    lead_in = ""  # what announced the run's list, read once per passage (not by walking back over a long table)
    for path, block in _join_cells(list(_tree_leaves(body))):
        path = prefix + path
        context = ""
        previous = passages[-1] if passages else None
        if path != run_path:  # a new heading: its own paragraph ("2.1. Nội dung: … như sau:") may announce its items
            run_path, lead_in = path, _announcing(previous) if previous and previous.section_path == path[:-1] else ""
        if _is_short(block.plain) and previous and (item := _completed_item(passages, path, block)):
            context = strip_markdown(item.text)
        elif lead_in:
            context = lead_in
        for piece in split_long(block.text):
            passages.append(Passage(first_id + len(passages), doc_id, piece, path, block.line_start, block.line_end, context))
        lead_in = _announcing(passages[-1]) or lead_in
    return passages


def _is_short(plain: str) -> bool:
    """An item too short to stand alone; for a labelled field, its value is what counts: "- Thời gian
    nghiên cứu, học tập, quán triệt: ½ ngày; …" says as little as "- Thời gian: ½ ngày"."""
    if len(plain) < SHORT_ITEM_CHARS:
        return True
    return bool(field_label(plain)) and len(plain.split(":", 1)[1].strip()) < SHORT_ITEM_CHARS


def _announcing(passage: Passage) -> str:
    """The text of a paragraph that announces a list ("… chọn chủ điểm sinh hoạt như sau:"), or "": each
    item of the list after it, under the same heading, reads with it (the items say what, it says of what)."""
    text = strip_markdown(passage.text).rstrip()
    return text if text.endswith(":") and not _LABEL_ONLY.match(text) else ""


_LABEL_ONLY = re.compile(r"^[\s\-+•]*[^:]{1,40}:\s*$")


def _completed_item(passages: list[Passage], path: tuple[str, ...], block: Block) -> Passage | None:
    """The item a short item completes: the one before it under the same heading; for a labelled
    field ("- Địa điểm: …") the item its fields follow, the task or event they describe, not the
    field before it (nor the items under a field: "+ Chuyên đề 1: …" under "- Nội dung:")."""
    previous = passages[-1]
    if _LABEL_ONLY.match(block.plain):
        return None  # "- Nội dung:" alone heads the items under it, which carry it in their path
    if field_label(block.text):
        for candidate in reversed(passages):
            if candidate.section_path[: len(path)] != path:
                break
            if candidate.section_path == path and not field_label(candidate.text):
                return candidate
    return previous if previous.section_path == path else None


_NEWS_END = re.compile(r"^\W*Xem thêm\b")


def _mark_news_lead(passages: list[Passage], text: str, header_start: int | None) -> list[Passage]:
    """A news portal's summary copied above the document (a "## …" headline first, a "Xem thêm
    <văn bản> …" line or the document's own header after it) restates the document in a reporter's
    words: it is kept, under its own heading, so that it is not read as the document's first section."""
    lines = text.splitlines()
    first = next((line for line in lines if line.strip()), "")
    if not first.lstrip().startswith("#"):
        return passages
    end = next((i + 1 for i, line in enumerate(lines[:80]) if _NEWS_END.match(line)), None)
    if end is None and header_start is not None:
        end = header_start - 1  # no "Xem thêm" line: the summary runs up to the header
    if end is None:
        return passages
    return [replace(p, section_path=(NEWS_TITLE, *p.section_path)) if p.line_end <= end and p.section_path[:1] != (NEWS_TITLE,) else p for p in passages]


def parse_document(doc_id: str, text: str, *, fingerprint: str = "") -> ParsedDocument:
    """Display text of a whole file → metadata and passages."""
    layout = parse_layout(text)
    fields = read_metadata(doc_id, layout)
    header_start = min((block.line_start for block in layout.header), default=None)
    passages = _mark_news_lead(build_passages(doc_id, layout.body), text, header_start)
    for part in (part for annex in layout.annexes for part in split_annex(annex)):
        title, blocks = annex_title(part)
        if not blocks:  # a title alone is text too
            blocks, title = part, ANNEX_TITLE
        passages += build_passages(doc_id, blocks, first_id=len(passages), prefix=(title,))
    fields["year"] = plan_year(str(fields.get("title", "")), str(fields.get("date", "")), [p.text for p in passages])
    meta = DocumentMeta.from_dict(fields)
    facts = inherit_heading_leads(passages, [extract_facts(p.text, p.section_path, year=meta.year) for p in passages])
    facts = read_task_tables(passages, facts)
    return ParsedDocument(meta=meta, passages=passages, facts=facts, fingerprint=fingerprint)


def inherit_heading_leads(passages: list[Passage], facts: list[Facts]) -> list[Facts]:
    """Items with no lead of their own take it from the heading they sit under when that heading
    is itself a passage that opens with its lead ("4. Báo Lạng Sơn; Đài …: Xây dựng kế hoạch …").
    The path keeps only a heading's first words, so a heading passage is known by its place and text."""
    leads: dict[tuple[str, ...], list[tuple[str, tuple[str, ...]]]] = {}  # parent path → (heading text, lead)
    for passage, found in zip(passages, facts):
        if found.lead and opens_with_body(passage.text):
            leads.setdefault(passage.section_path, []).append((strip_markdown(passage.text).lstrip("-+• "), found.lead))
    out = []
    for passage, found in zip(passages, facts):
        for depth in range(len(passage.section_path), 0, -1) if not found.lead and not is_closing(passage.text) else ():
            heading = passage.section_path[depth - 1].rstrip("…")
            lead = next((lead for text, lead in leads.get(passage.section_path[: depth - 1], ()) if text.startswith(heading)), None)
            if lead:
                found = replace(found, lead=lead, coordinating=tuple(c for c in found.coordinating if c not in lead))
                break
        out.append(found)
    return out


# The rules of ``passage_index_text``, in the manifest: a rebuild reuses the old index's vectors and
# compound words by the texts this code computes for its passages, so an index whose texts were
# computed by other rules must give no cache. Raise it whenever those rules change.
# 2: a clause of an article opens with its document's type and title; 3: a field reads with its item;
# 4: a bare label ("- Nội dung:") with none; 5: a field with a long label and a short value with its item;
# 6: an item of a list with the lead-in that announces it ("… gợi ý chủ điểm hằng quý như sau:").
INDEX_TEXT_VERSION = 6


def passage_index_text(passage: Passage, document: DocumentMeta | None = None) -> str:
    """What the indexes see: the heading path, then the passage, without markdown.

    A clause of an article (Điều) opens with its document's type and title as well: an article is
    read and asked about under its decree or regulation ("Quy chế thư điện tử công vụ quy định …"),
    and the words the whole document is about (its title's) then weigh the same in each of its
    clauses, so that the clause's own words decide between them. Passages of plans and
    other texts without articles are left as they are.
    """
    path = " › ".join(strip_markdown(title) for title in passage.section_path)
    text = f"{passage.text} ({passage.context})" if passage.context else passage.text
    text = text.replace(" | ", " ")  # cells of a table row: the pipes are layout, not words
    if document is not None and article_of(passage) is not None:
        path = f"{document_heading(document)}. {path}" if path else document_heading(document)
    return index_text(f"{path}. {text}" if path else text)
