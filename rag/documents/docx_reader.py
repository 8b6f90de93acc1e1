"""Word .docx → plain text, one paragraph per line, with Word's automatic numbering written out.

Directive documents number their headings ("I.", "1.", "1.2.", "a)") and bullets with Word list
numbering more often than by typing: the numbers live in numbering.xml, not in the paragraph text,
so a reader that only takes the text loses the section structure. This module computes them the
way Word does and writes them in front of the paragraph, so ``structure.py`` sees "II. NỘI DUNG".

python-docx opens the package (it finds the main part through the relationships and checks the
content type); the body is then walked directly on its XML, because python-docx's paragraph text
drops text boxes, deleted/inserted revisions and symbol characters, and has no numbering.

Output layout:
* paragraphs separated by a blank line (a soft line break inside a paragraph stays a "\\n");
* a table with visible borders: one row per paragraph, cells joined with " | ";
* a borderless table (the issuer/number/date block at the top, the recipients/signature block at the
  bottom of a directive): its cells' paragraphs one after another, as if there were no table;
* text boxes: their paragraphs after the paragraph that anchors them;
* headers, footers, footnotes, comments and deleted text are left out;
* runs in a legacy font (``.VnTime``, ``VNI-Times``) are converted to Unicode.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

from ..errors import DocumentReadError
from . import legacy
from .docx_numbering import MAX_UNCOMPRESSED, MC, STRICT_NS, Numbering, Styles, W, _borders_visible, _int, _val
from .headings import starts_section

_PLAIN_BULLETS = {"-", "–", "+"}  # bullet characters the parser reads as they are
_SYMBOLS = {"F0B7": "•", "F0A7": "▪", "F02D": "-", "F0D8": "➢", "F0FC": "✓", "F076": "❖"}

class _Reader:
    def __init__(self, styles: Styles, numbering: Numbering) -> None:
        self.styles = styles
        self.numbering = numbering
        self.bullet_indents: list[int] = []

    # paragraphs -------------------------------------------------------------------------------

    def paragraph(self, p: Any) -> list[str]:
        """The paragraph's text with its number, then the paragraphs of any text box it anchors."""
        ppr = p.find(W + "pPr")
        style_id = _val(ppr, "pStyle")
        boxes: list[str] = []
        text = self._inline(p, style_id, boxes).strip()
        label = self._label(ppr, style_id)
        if label and text:
            text = f"{label} {text}"
        return ([text] if text else []) + boxes

    def _label(self, ppr: Any, style_id: str | None) -> str:
        num_pr = None if ppr is None else ppr.find(W + "numPr")
        num_id, ilvl = (_val(num_pr, "numId"), _val(num_pr, "ilvl")) if num_pr is not None else (None, None)
        if num_id is None:
            style_num, style_ilvl = self.styles.paragraph_numbering(style_id)
            num_id = style_num
            ilvl = ilvl if ilvl is not None else style_ilvl
        if num_id is None or num_id == "0":
            return ""
        level = _int(ilvl) if ilvl is not None else self.numbering.level_for_style(num_id, style_id)
        found = self.numbering.next_label(num_id, level)
        if found is None:
            return ""
        label, lvl = found
        if lvl.fmt != "bullet":
            self.bullet_indents.clear()
            return label
        ind = ppr.find(W + "ind") if ppr is not None else None
        if ind is not None and (ind.get(W + "left") or ind.get(W + "start")):
            indent = _int(ind.get(W + "left") or ind.get(W + "start"))
        elif lvl.indent is not None:
            indent = lvl.indent
        else:
            indent = self.styles.indent(style_id) or level * 360
        while self.bullet_indents and self.bullet_indents[-1] > indent:
            self.bullet_indents.pop()
        if not self.bullet_indents or self.bullet_indents[-1] < indent:
            self.bullet_indents.append(indent)
        if not label or label in _PLAIN_BULLETS:
            return label  # an empty bullet shows nothing; "-", "–" and "+" are read as they are
        return "-" if len(self.bullet_indents) == 1 else "+"

    def _inline(self, element: Any, style_id: str | None, boxes: list[str]) -> str:
        parts: list[str] = []
        pieces: list[tuple[str, tuple[str, bool] | None]] = []  # (text, legacy encoding of its font)
        self._collect(element, style_id, pieces, boxes)
        for text, encoding in pieces:
            parts.append(legacy.convert(text, encoding[0], upper=encoding[1]) if encoding else text)
        return "".join(parts)

    def _collect(self, element: Any, style_id: str | None, pieces: list, boxes: list[str]) -> None:
        for child in element:
            tag = child.tag
            if tag == W + "r":
                self._run(child, style_id, pieces, boxes)
            elif tag in (W + "del", W + "moveFrom", W + "pPr", W + "rPr"):
                continue
            elif tag == MC + "AlternateContent":
                chosen = child.find(MC + "Choice")
                if chosen is None:
                    chosen = child.find(MC + "Fallback")
                if chosen is not None:
                    self._collect(chosen, style_id, pieces, boxes)
            elif tag in (W + "hyperlink", W + "ins", W + "moveTo", W + "smartTag", W + "fldSimple", W + "customXml",
                         W + "sdt", W + "sdtContent", W + "dir", W + "bdo"):  # fmt: skip
                self._collect(child, style_id, pieces, boxes)

    def _run(self, run: Any, style_id: str | None, pieces: list, boxes: list[str]) -> None:
        rpr = run.find(W + "rPr")
        if rpr is not None and rpr.find(W + "vanish") is not None and _val(rpr, "vanish") not in ("0", "false"):
            return
        encoding = legacy.font_encoding(self._font(rpr, style_id))
        out: list[str] = []
        for child in run:
            tag = child.tag
            if tag == W + "t":
                out.append(child.text or "")
            elif tag in (W + "tab", W + "ptab"):
                out.append("\t")
            elif tag in (W + "br", W + "cr"):
                out.append("\n")
            elif tag == W + "noBreakHyphen":
                out.append("-")
            elif tag == W + "softHyphen":
                if encoding and encoding[0] == "tcvn3":
                    out.append("\xad")  # TCVN3 "ư" is the soft-hyphen byte; Word stores it as this element
            elif tag == W + "sym":
                out.append(_SYMBOLS.get((child.get(W + "char") or "").upper(), ""))
            elif tag in (W + "drawing", W + "pict", MC + "AlternateContent", W + "object"):
                self._text_boxes(child, boxes)
        if out:
            pieces.append(("".join(out), encoding))

    def _font(self, rpr: Any, style_id: str | None) -> str | None:
        """The run's font for non-ASCII characters (w:hAnsi: what Word draws bytes 0x80-0xFF with)."""
        if rpr is not None:
            fonts = rpr.find(W + "rFonts")
            if fonts is not None and (fonts.get(W + "hAnsi") or fonts.get(W + "ascii")):
                return fonts.get(W + "hAnsi") or fonts.get(W + "ascii")
            char_style = _val(rpr, "rStyle")
            if char_style and (font := self.styles.font(char_style)):
                return font
        return self.styles.font(style_id) or self.styles.default_font

    def _text_boxes(self, element: Any, boxes: list[str]) -> None:
        if element.tag == MC + "AlternateContent":
            choice = element.find(MC + "Choice")
            element = choice if choice is not None else element.find(MC + "Fallback")
            if element is None:
                return
        for content in element.iter(W + "txbxContent"):
            if any(a.tag == W + "txbxContent" for a in content.iterancestors()):
                continue  # a text box inside a text box is read with its parent
            boxes.extend(self.blocks(content))

    # blocks -----------------------------------------------------------------------------------

    def blocks(self, container: Any) -> list[str]:
        """Paragraph texts of a body, cell or text box, in order; tables rendered as described above."""
        out: list[str] = []
        for child in container:
            tag = child.tag
            if tag == W + "p":
                out.extend(self.paragraph(child))
            elif tag == W + "tbl":
                out.extend(self.table(child))
            elif tag in (W + "sdt", W + "sdtContent", W + "customXml", W + "ins", W + "moveTo"):
                out.extend(self.blocks(child))
            elif tag == MC + "AlternateContent":
                choice = child.find(MC + "Choice")
                if choice is not None:
                    out.extend(self.blocks(choice))
        return out

    @staticmethod
    def _children(element: Any, tag: str) -> list[Any]:
        """Children with ``tag``, also those wrapped in content controls or custom XML."""
        found = []
        for child in element:
            if child.tag == W + tag:
                found.append(child)
            elif child.tag in (W + "sdt", W + "customXml"):
                content = child.find(W + "sdtContent") if child.tag == W + "sdt" else child
                found.extend(c for c in (content if content is not None else []) if c.tag == W + tag)
        return found

    def _cells(self, row: Any) -> list[Any]:
        return self._children(row, "tc")

    def _rows(self, table: Any) -> list[Any]:
        return self._children(table, "tr")

    def table(self, table: Any) -> list[str]:
        rows = self._rows(table)
        if not self._has_borders(table):
            return [text for row in rows for cell in self._cells(row) for text in self.blocks(cell)]
        lines = []
        for row in rows:
            cells = []
            for cell in self._cells(row):
                merge = cell.find(f"{W}tcPr/{W}vMerge")
                if merge is not None and merge.get(W + "val") in (None, "continue"):
                    continue  # the lower part of a vertically merged cell: its text is in the top part
                text = " ".join(" ".join(self.blocks(cell)).split())
                if text:
                    cells.append(text)
            if cells:
                line = " | ".join(cells)
                # A first cell "1." would read as a section heading, "-" as a bullet: keep the row a row.
                lines.append(f"| {line}" if starts_section(line) else line)
        return lines

    def _has_borders(self, table: Any) -> bool:
        tbl_pr = table.find(W + "tblPr")
        borders = None if tbl_pr is None else tbl_pr.find(W + "tblBorders")
        if borders is not None and _borders_visible(borders):
            return True
        for cell_borders in table.iter(W + "tcBorders"):
            if _borders_visible(cell_borders):
                return True
        if borders is not None:
            return False
        style = _val(tbl_pr, "tblStyle") or self.styles.default_table_style
        return bool(self.styles.table_has_borders(style))


# --- entry point ----------------------------------------------------------------------------------


def _check_package(path: Path) -> None:
    """Tell the usual impostors apart before python-docx gives a generic error."""
    with path.open("rb") as handle:
        head = handle.read(8)
    if not zipfile.is_zipfile(path):
        if head.startswith(b"\xd0\xcf\x11\xe0"):
            problem = "it is an old Word 97-2003 (.doc) file with a .docx name"
            fix = "Open it in Word or LibreOffice and save it as .docx."
        elif head.startswith(b"{\\rtf"):
            problem, fix = "it is an RTF file with a .docx name", "Save it as .docx."
        elif head.startswith(b"%PDF"):
            problem, fix = "it is a PDF file with a .docx name", "Rename it to .pdf."
        elif head.startswith(b"PK\x03\x04"):  # a zip's first member, but no end: cut short in a download or copy
            problem = "it is not a Word .docx file any more: the zip archive is truncated or damaged"
            raise DocumentReadError(str(path), problem, "Save it again from Word.", reason="damaged")
        else:
            problem, fix = "it is not a Word .docx file (a .docx is a zip archive; this file is not one)", ""
        raise DocumentReadError(str(path), problem, fix, reason="format")
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            names = {info.filename for info in infos}
            if sum(info.file_size for info in infos) > MAX_UNCOMPRESSED:
                raise DocumentReadError(
                    str(path), "it unpacks to more than 500 MB", "Check that it is a real document.", reason="too-large"
                )
            bad = archive.testzip()
    except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError, EOFError) as err:
        raise DocumentReadError(
            str(path), f"it is a damaged zip archive ({err})", "Save it again from Word.", reason="damaged"
        ) from err
    if bad is not None:
        raise DocumentReadError(
            str(path), f"it is a damaged zip archive (bad member '{bad}')", "Save it again from Word.", reason="damaged"
        )
    if "word/document.xml" not in names:
        kinds = {"xl/workbook.xml": "an Excel workbook", "ppt/presentation.xml": "a PowerPoint presentation",
                 "content.xml": "an OpenDocument file"}  # fmt: skip
        what = next((kind for name, kind in kinds.items() if name in names), "a zip archive")
        raise DocumentReadError(
            str(path),
            f"it is {what}, not a Word document (there is no word/document.xml in it)",
            "Add the Word file itself.",
            reason="format",
        )


def read_docx(path: Path) -> str:
    """The text of a .docx file; see the module docstring for the layout."""
    import docx  # python-docx: imported here so .txt-only users do not pay for it
    from docx.opc.exceptions import PackageNotFoundError

    _check_package(path)
    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as err:
        raise DocumentReadError(
            str(path),
            f"it is not a readable Word document ({err})",
            "Save it again from Word as .docx.",
            reason="damaged",
        ) from err
    except Exception as err:  # lxml XMLSyntaxError and the like: a damaged part
        raise DocumentReadError(
            str(path), f"its XML is damaged ({type(err).__name__}: {err})", "Save it again from Word.", reason="damaged"
        ) from err
    body = document.element.body
    if body is None or (document.element.tag.startswith("{" + STRICT_NS)):
        raise DocumentReadError(
            str(path),
            "it is in the 'Strict Open XML' format",
            "Save it as a normal Word Document (.docx).",
            reason="format",
        )
    styles_root = document.styles.element
    try:
        numbering_root = document.part.numbering_part.element
    except NotImplementedError:  # no numbering part: no lists
        numbering_root = None
    styles = Styles(styles_root)
    reader = _Reader(styles, Numbering(numbering_root, styles))
    return "\n\n".join(reader.blocks(body)) + "\n"
