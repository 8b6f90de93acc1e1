"""PDF (with a text layer) → plain text: one paragraph per line, running headers and page numbers gone.

The characters and their boxes come from PDFium (``pypdfium2``: Apache-2.0/BSD, a binary wheel,
~1000 pages/s); the layout is rebuilt here from the boxes, so the result does not depend on the order
in which the PDF's producer wrote its text:

1. characters → runs (PDFium's text order, cut where the pen jumps) → lines (same baseline, left to
   right) → segments (a line cut at gaps wider than three letters: the two columns of a header block);
2. lines at the top or bottom of the page that repeat on most pages (running headers, footers) or
   are only a page number ("5", "- 5 -", "Trang 5", "5/12") are dropped;
3. a run of lines cut in two columns (the issuer | motto block at the top of a directive, recipients |
   signature at the bottom) is read column by column; a line cut in three or more is a table row,
   written "cell | cell | cell";
4. wrapped lines are joined back into paragraphs (from the right margin, the first-line indent, line
   spacing and case), paragraphs separated by a blank line.

Page boundaries: the first paragraph that starts on page *n* is preceded by *n − 1* form feeds in
total, so ``page_of_line`` recovers the page of a cited line. ``str.strip`` drops the form feed,
so ``rag.structure.layout.split_blocks`` never sees it; ``str.splitlines`` however splits on it — count lines with
``split("\\n")`` as ``split_blocks`` does.

Vietnamese repairs ("ƣ", glyphs lost as spaces) are left to ``rag.documents.pdf_repair.repair_pdf_text``, which the
parser applies; text typed in a legacy font (.VnTime) is converted by the caller, as for .txt files.
"""

from __future__ import annotations

import threading
import unicodedata
from pathlib import Path

from ..errors import DocumentReadError
from .pdf_layout import SEGMENT_GAP, Segment, _lines, _Page, layout_text

_PDFIUM_LOCK = threading.Lock()
def _runs(textpage, count: int, height: float) -> list[Segment]:
    """Consecutive characters on one baseline, in PDFium's order, cut where the pen jumps."""
    text = textpage.get_text_range(0, count)
    if len(text) != count:  # characters outside the BMP: fall back to PDFium's own rectangles
        return _rect_runs(textpage, height)
    runs: list[Segment] = []
    chars: list[str] = []
    box: list[float] = []
    size = 0.0
    last_x1 = 0.0

    def flush() -> None:
        if chars and "".join(chars).strip():
            runs.append(Segment("".join(chars).strip(), box[0], box[1], height - box[3], height - box[2], size or box[3] - box[2]))
        chars.clear()

    for i, ch in enumerate(text):
        if ch in "\r\n\ufffe\x02":
            flush()
            continue
        left, bottom, right, top = textpage.get_charbox(i)
        if ch == " " or right <= left and top <= bottom:  # spaces and generated characters have no box
            if chars:
                chars.append(" ")
            continue
        if chars and unicodedata.combining(ch):
            chars.append(ch)  # a tone mark drawn as its own glyph sits above or below the run's box
            continue
        char_size = top - bottom
        if chars:
            same_line = bottom < box[3] and top > box[2]  # vertical overlap with the run
            step = max(size, char_size, 1.0)
            if not same_line or left < last_x1 - step or left - last_x1 > SEGMENT_GAP * step:
                flush()  # the pen jumped: another line, another column, or text written out of order
        if not chars:
            box = [left, right, bottom, top]
            size = 0.0
        else:
            box = [min(box[0], left), max(box[1], right), min(box[2], bottom), max(box[3], top)]
        chars.append(ch)
        size = max(size, char_size)
        last_x1 = right
    flush()
    return runs


def _rect_runs(textpage, height: float) -> list[Segment]:
    runs = []
    for i in range(textpage.count_rects()):
        left, bottom, right, top = textpage.get_rect(i)
        text = textpage.get_text_bounded(left, bottom, right, top).strip()
        if text:
            runs.append(Segment(" ".join(text.split()), left, right, height - top, height - bottom, top - bottom))
    return runs


def _open(path: Path):
    import pypdfium2 as pdfium

    data = path.read_bytes()
    if b"%PDF-" not in data[:1024]:
        raise DocumentReadError(
            str(path), "it is not a PDF file (no %PDF header)", "Check the file's real format.", reason="format"
        )
    if b"%%EOF" not in data[-2048:]:
        raise DocumentReadError(
            str(path),
            "the PDF is truncated (it has no end-of-file marker)",
            "Download or export it again.",
            reason="damaged",
        )
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as err:
        message = str(err)
        if "password" in message.lower():
            raise DocumentReadError(
                str(path), "the PDF is password-protected", "Remove the password and add it again.", reason="protected"
            ) from err
        raise DocumentReadError(
            str(path), f"the PDF is damaged ({message})", "Download or export it again.", reason="damaged"
        ) from err


def read_pdf(path: Path) -> str:
    """The text of a PDF's text layer; see the module docstring for the layout."""
    with _PDFIUM_LOCK:  # PDFium is not thread-safe: the app may read two uploads at once
        pages = _read_pages(path)
    return _layout(path, pages)


def _read_pages(path: Path) -> list[_Page]:
    document = _open(path)
    pages: list[_Page] = []
    try:
        for number in range(len(document)):
            page = document[number]
            try:
                width, height = page.get_size()
                textpage = page.get_textpage()
                try:
                    runs = _runs(textpage, textpage.count_chars(), height)
                finally:
                    textpage.close()
            finally:
                page.close()
            pages.append(_Page(number + 1, height, width, _lines(runs, number + 1)))
    except DocumentReadError:
        raise
    except Exception as err:  # PDFium errors on a damaged page
        raise DocumentReadError(
            str(path),
            f"the PDF is damaged ({type(err).__name__}: {err})",
            "Download or export it again.",
            reason="damaged",
        ) from err
    finally:
        document.close()
    return pages


def _layout(path: Path, pages: list[_Page]) -> str:
    if not any(page.lines for page in pages):
        raise DocumentReadError(
            str(path),
            "the PDF has no text layer (it is a scan or a picture); OCR is not supported yet",
            "Add a PDF exported from the original document, or its .docx.",
            reason="no-text",
        )
    return layout_text(pages)


def page_of_line(text: str, line: int) -> int:
    """The page (1-based) of a 1-based line of ``read_pdf``'s text."""
    return 1 + sum(part.count("\f") for part in text.split("\n")[:line])
