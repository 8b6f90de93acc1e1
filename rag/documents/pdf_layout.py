"""PDF layout rebuilt from character boxes: lines, column blocks, running headers and page
numbers dropped, wrapped lines joined into paragraphs (see ``pdf_reader`` for the whole story)."""

from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import dataclass, field

from .headings import starts_section

SEGMENT_GAP = 3.0  # a gap wider than this many font sizes splits a line into columns/cells
EDGE_ZONE = 0.12  # top and bottom share of the page where running headers and page numbers live
_PAGE_NUMBER = re.compile(
    r"^(?:trang|page)?\s*[-–—]?\s*\d{1,4}\s*(?:[-–—]|(?:/|của|trên|of)\s*\d{1,4})?\s*$", re.IGNORECASE
)
_SENTENCE_END = tuple(".:;!?…")


@dataclass
class Segment:
    text: str
    x0: float
    x1: float
    top: float  # distance from the top of the page (PDF y is measured from the bottom)
    bottom: float
    size: float


@dataclass
class Line:
    segments: list[Segment]
    page: int
    top: float
    bottom: float
    size: float
    kind: str = "text"  # "text", "row" (a table row) or "column" (inside a two-column block)

    @property
    def text(self) -> str:
        return " ".join(s.text for s in self.segments)

    @property
    def x0(self) -> float:
        return self.segments[0].x0

    @property
    def x1(self) -> float:
        return self.segments[-1].x1


@dataclass
class _Page:
    number: int
    height: float
    width: float
    lines: list[Line] = field(default_factory=list)


# --- characters → lines ------------------------------------------------------------------------------


def _lines(runs: list[Segment], page: int) -> list[Line]:
    """Runs on the same baseline, left to right, merged where the gap is a word space."""
    lines: list[list[Segment]] = []
    for run in sorted(runs, key=lambda r: (r.bottom, r.x0)):
        middle = (run.top + run.bottom) / 2
        for line in reversed(lines[-3:]):
            top, bottom = min(r.top for r in line), max(r.bottom for r in line)
            if top <= middle <= bottom or abs(bottom - run.bottom) < 0.3 * run.size:
                line.append(run)
                break
        else:
            lines.append([run])
    out = []
    for line in lines:
        line.sort(key=lambda r: r.x0)
        segments = [line[0]]
        for run in line[1:]:
            last = segments[-1]
            size = max(last.size, run.size, 1)
            if run.x0 - last.x1 > SEGMENT_GAP * size:
                segments.append(run)
                continue
            gap = "" if run.x0 - last.x1 < 0.1 * size else " "
            segments[-1] = Segment(last.text + gap + run.text, last.x0, max(last.x1, run.x1), min(last.top, run.top),
                                   max(last.bottom, run.bottom), max(last.size, run.size))  # fmt: skip
        size = statistics.median(s.size for s in segments)
        out.append(Line(segments, page, min(s.top for s in segments), max(s.bottom for s in segments), size))
    out.sort(key=lambda ln: ln.top)
    return out


# --- running headers, footers, page numbers ------------------------------------------------------


def _shape(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.lower().split()))


def _drop_running_lines(pages: list[_Page]) -> None:
    def edge(page: _Page, line: Line) -> bool:
        return line.bottom <= EDGE_ZONE * page.height or line.top >= (1 - EDGE_ZONE) * page.height

    shapes = Counter()
    for page in pages:
        shapes.update({_shape(line.text) for line in page.lines if edge(page, line)})
    needed = max(2, (len(pages) + 1) // 2)
    for page in pages:
        page.lines = [line for line in page.lines if not (edge(page, line) and shapes[_shape(line.text)] >= needed)]
        # A page number is the outermost line, at the top (as decree 30/2020 puts it) or the bottom.
        for outer in (0, -1):
            if page.lines and edge(page, page.lines[outer]) and _PAGE_NUMBER.match(page.lines[outer].text):
                page.lines.pop(outer)


# --- columns, rows and paragraphs ----------------------------------------------------------------


def _blocks(page: _Page) -> list[list[Line]]:
    """The page's lines grouped: a two-column block becomes its left then its right column."""
    lines = page.lines
    region = [-1] * len(lines)  # index of the two-column line that owns each line
    boundary: dict[int, float] = {}
    for i, line in enumerate(lines):
        if len(line.segments) != 2 or region[i] >= 0:
            continue
        cut = (line.segments[0].x1 + line.segments[1].x0) / 2
        boundary[i] = cut
        region[i] = i
        k = i - 1  # one-sided lines just above ("Nơi nhận:" a line higher than the signature) belong too
        while k >= 0 and region[k] < 0 and _one_sided(lines[k], cut) and lines[k + 1].top - lines[k].bottom < 3 * line.size:
            region[k] = i
            k -= 1
        k = i + 1
        right_column = line.segments[1].x0
        while k < len(lines):
            gap = lines[k].top - lines[k - 1].bottom
            two = len(lines[k].segments) == 2 and lines[k].segments[0].x1 < cut < lines[k].segments[1].x0
            if two:
                right_column = min(right_column, lines[k].segments[1].x0)
            # The signature leaves room for the signature itself; a left-hand line must follow closely.
            # A right-hand line belongs only if it lies within the right column (a centred title may not).
            right_side = _one_sided(lines[k], cut) and lines[k].x0 > max(cut, right_column - lines[k].size)
            left_side = _one_sided(lines[k], cut) and lines[k].x1 < cut
            if not ((two or right_side) and gap < 6 * lines[k].size or left_side and gap < 1.5 * lines[k].size):
                break
            region[k] = i
            k += 1
    out: list[list[Line]] = []
    done: set[int] = set()
    for i, line in enumerate(lines):
        if region[i] >= 0:
            owner = region[i]
            if owner in done:
                continue
            done.add(owner)
            left: list[Line] = []
            right: list[Line] = []
            for member in (m for k, m in enumerate(lines) if region[k] == owner):
                for segment in member.segments:
                    target = left if segment.x1 <= boundary[owner] else right
                    target.append(Line([segment], member.page, segment.top, segment.bottom, segment.size, "column"))
            out.extend(block for block in (left, right) if block)
        elif len(line.segments) >= 3:
            line.kind = "row"
            out.append([line])
        elif out and out[-1][-1].kind == "text":
            out[-1].append(line)
        else:
            out.append([line])
    return out


def _one_sided(line: Line, boundary: float) -> bool:
    return len(line.segments) == 1 and (line.x1 < boundary or line.x0 > boundary)


def _paragraphs(blocks: list[list[Line]], right: float, leading: float) -> list[tuple[int, str]]:
    """(page, paragraph text): wrapped lines joined, one paragraph per entry."""
    out: list[tuple[int, list[Line]]] = []
    previous: Line | None = None
    for block in blocks:
        if block[0].kind == "row":
            out.append((block[0].page, block))
            previous = None
            continue
        block_right = max(line.x1 for line in block) if block[0].kind == "column" else right
        for k, line in enumerate(block):
            after = block[k + 1] if k + 1 < len(block) else None
            if previous is not None and _joins(previous, line, after, block_right, leading):
                out[-1][1].append(line)
            else:
                out.append((line.page, [line]))
            previous = line
        if block[0].kind == "column":
            previous = None  # a column's last line never runs on into the next block
    paragraphs = []
    for page, lines in out:
        if lines[0].kind == "row":
            text = " | ".join(" ".join(s.text.split()) for s in lines[0].segments)
            paragraphs.append((page, f"| {text}" if starts_section(text) else text))
            continue
        text = lines[0].text
        for line in lines[1:]:
            glue = "" if re.search(r"\w-$", text) and not text.endswith(" -") else " "
            text = text + glue + line.text
        paragraphs.append((page, " ".join(text.split())))
    return paragraphs


def _joins(a: Line, b: Line, after: Line | None, right: float, leading: float) -> bool:
    """Whether line ``b`` carries on the paragraph that line ``a`` ends."""
    text_a, text_b = a.text.strip(), b.text.strip()
    if starts_section(text_b):
        return False
    letters_a = [ch for ch in text_a if ch.isalpha()]
    if letters_a and all(ch.isupper() for ch in letters_a):
        return False  # type lines and capitalised headings stand alone
    if b.page == a.page and b.top - a.bottom > min(leading + 0.4 * b.size, 1.2 * b.size):
        return False  # paragraph spacing (or space wider than 1.5-line spacing ever leaves)
    if text_b[:1].islower() and not text_a.endswith((".", "!", "?", "…")):
        return True  # no paragraph starts in lower case
    first_word = text_b.split()[0] if text_b.split() else ""
    word_width = (b.x1 - b.x0) * len(first_word) / max(len(text_b), 1)
    wrapped = right - a.x1 <= word_width + 1.5 * b.size
    if not wrapped:
        return False
    indented = b.x0 > a.x0 + 0.8 * b.size and (after is None or after.x0 < b.x0 - 0.5 * b.size)
    return not indented


# --- entry points ------------------------------------------------------------------------------


def layout_text(pages: list[_Page]) -> str:
    """Pages of lines → paragraphs, running headers and page numbers dropped, form feeds at page starts."""
    _drop_running_lines(pages)
    body = [line for page in pages for line in page.lines if len(line.segments) == 1] or [
        line for page in pages for line in page.lines
    ]
    right = _percentile([line.x1 for line in body], 0.95)
    gaps = [b.top - a.bottom for page in pages for a, b in zip(page.lines, page.lines[1:]) if 0 <= b.top - a.bottom < 3 * b.size]
    leading = statistics.median(gaps) if gaps else 4.0
    paragraphs = _paragraphs([block for page in pages for block in _blocks(page)], right, leading)
    out = []
    current = 1
    for page, text in paragraphs:
        out.append("\f" * (page - current) + text)
        current = page
    return "\n\n".join(out) + "\n"


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else 0.0
