"""Readers for .docx, .pdf and legacy-encoded text, on Vietnamese documents generated in tmp_path.

The generators below build files the way Word and a PDF printer do: Word list numbering that is not
in the paragraph text, borderless header/signature tables, running headers and page numbers.
"""

from __future__ import annotations

import re
import unicodedata
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from rag import DocumentReadError
from rag.legacy import looks_legacy
from rag.normalize import repair_pdf_text, strip_markdown
from rag.passages import parse_document
from rag.reader import read_document
from rag.structure import parse_layout

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")

# --- the document ---------------------------------------------------------------------------------

PREAMBLE = (
    "Thực hiện Kết luận số 01-KL/TW, ngày 18/5/2021 của Bộ Chính trị về tiếp tục thực hiện Chỉ thị số 05-CT/TW, "
    "Ban Thường vụ Tỉnh ủy ban hành Kế hoạch học tập chuyên đề năm 2022 như sau:"
)
# (level, text): level 0 "I.", 1 "1.", 2 "1.1.", 3 "a)", "-" bullet, "+" nested bullet, None plain paragraph
OUTLINE: list[tuple[object, str]] = [
    (0, "MỤC ĐÍCH, YÊU CẦU"),
    (1, "Mục đích"),
    ("-", "Nâng cao nhận thức của cán bộ, đảng viên về tư tưởng, đạo đức, phong cách Hồ Chí Minh; gắn việc học tập "
          "với thực hiện nhiệm vụ chính trị của từng cơ quan, đơn vị, địa phương trong năm 2022."),
    (1, "Yêu cầu"),
    ("-", "Đề cao vai trò của cấp ủy đảng, trực tiếp là bí thư cấp ủy, trong lãnh đạo, chỉ đạo triển khai và kiểm tra, "
          "đánh giá kết quả tổ chức thực hiện; bảo đảm nghiêm túc, thiết thực, hiệu quả."),
    (0, "NỘI DUNG"),
    (1, "Tổ chức học tập chuyên đề"),
    (2, "Đối với cấp tỉnh"),
    (3, "Tổ chức hội nghị trực tiếp, kết hợp trực tuyến học tập chuyên đề năm 2022 cho cán bộ chủ chốt của tỉnh."),
    (3, "Thời gian: hoàn thành trong quý I năm 2022, trước ngày 31/3/2022."),
    (2, "Đối với cấp huyện"),
    ("-", "Các huyện ủy, thành ủy tổ chức quán triệt chuyên đề đến toàn thể cán bộ, đảng viên ở cơ sở."),
    (0, "TỔ CHỨC THỰC HIỆN"),
    (1, "Giao Ban Tuyên giáo Tỉnh ủy"),
    ("-", "Chủ trì tổ chức hội nghị học tập chuyên đề cấp tỉnh; biên soạn và phát hành tài liệu phục vụ học tập."),
    ("+", "Thời gian: hoàn thành trước 31/3/2022."),
    ("-", "Theo dõi, đôn đốc việc triển khai; tổng hợp kết quả, báo cáo Ban Thường vụ Tỉnh ủy theo quy định."),
    (1, "Các huyện ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy"),
    (None, "Căn cứ Kế hoạch này xây dựng kế hoạch cụ thể, tổ chức thực hiện nghiêm túc, báo cáo kết quả về Ban Thường vụ."),
]  # fmt: skip
TABLE = [
    ["STT", "Nội dung", "Thời gian", "Cơ quan chủ trì"],
    ["1", "Hội nghị học tập chuyên đề cấp tỉnh", "Quý I/2022", "Ban Tuyên giáo Tỉnh ủy"],
    ["2", "Sơ kết 6 tháng việc học tập và làm theo", "Tháng 7/2022", "Văn phòng Tỉnh ủy"],
]
RECIPIENTS = ["Nơi nhận:", "- Ban Tuyên giáo Trung ương,", "- Các huyện ủy, thành ủy,", "- Lưu Văn phòng Tỉnh ủy."]
SIGNATURE = ["T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "Nguyễn Văn An"]


def outline_labels() -> list[str]:
    """The labels Word shows for OUTLINE (what the reader must reproduce)."""
    counters = [0, 0, 0, 0]
    labels = []
    for level, _ in OUTLINE:
        if not isinstance(level, int):
            labels.append(level or "")
            continue
        counters[level] += 1
        counters[level + 1 :] = [0] * (3 - level)
        roman = ["", "I", "II", "III", "IV"]
        labels.append(
            [f"{roman[counters[0]]}.", f"{counters[1]}.", f"{counters[1]}.{counters[2]}.", f"{'abcd'[counters[3] - 1]})"][level]
        )
    return labels


# --- .docx generation ------------------------------------------------------------------------------

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MULTILEVEL_ID = 90


def _add_multilevel_list(document) -> int:
    """An abstractNum like the ones Word's "Multilevel list" gallery makes: I. / 1. / 1.1. / a)."""
    from docx.oxml import parse_xml

    levels = [("upperRoman", "%1."), ("decimal", "%2."), ("decimal", "%2.%3."), ("lowerLetter", "%4)")]
    xml = [f'<w:abstractNum xmlns:w="{W_NS}" w:abstractNumId="{MULTILEVEL_ID}"><w:multiLevelType w:val="multilevel"/>']
    for ilvl, (fmt, text) in enumerate(levels):
        restart = '<w:lvlRestart w:val="1"/>' if ilvl == 2 else ""  # 1.1. restarts under each I./II.
        xml.append(
            f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>{restart}'
            f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="{360 * ilvl}" w:hanging="360"/></w:pPr></w:lvl>'
        )
    xml.append("</w:abstractNum>")
    numbering = document.part.numbering_part.element
    first_num = numbering.find(f"{{{W_NS}}}num")
    first_num.addprevious(parse_xml("".join(xml)))
    numbering.append(parse_xml(f'<w:num xmlns:w="{W_NS}" w:numId="{MULTILEVEL_ID}"><w:abstractNumId w:val="{MULTILEVEL_ID}"/></w:num>'))
    return MULTILEVEL_ID


def _number(paragraph, num_id: int, ilvl: int) -> None:
    num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = ilvl
    num_pr.get_or_add_numId().val = num_id


def _borderless(table) -> None:
    from docx.oxml import parse_xml

    borders = "".join(f'<w:{side} w:val="nil"/>' for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
    table._tbl.tblPr.append(parse_xml(f'<w:tblBorders xmlns:w="{W_NS}">{borders}</w:tblBorders>'))


def _cell_lines(cell, lines: list[str]) -> None:
    cell.paragraphs[0].text = lines[0]
    for line in lines[1:]:
        cell.add_paragraph(line)


def make_docx(path: Path, *, outline=OUTLINE, legacy_runs: bool = False) -> Path:
    """A directive as Word saves it: header table, numbered outline, data table, header/footer, signature."""
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    num_id = _add_multilevel_list(document)
    section = document.sections[0]
    section.header.paragraphs[0].text = "TỈNH ỦY LẠNG SƠN - Kế hoạch số 45-KH/TU (dòng đầu trang)"
    section.footer.paragraphs[0].text = "Trang chân trang"

    header = document.add_table(rows=1, cols=2)
    _borderless(header)
    _cell_lines(header.cell(0, 0), ["TỈNH ỦY LẠNG SƠN", "*", "Số 45-KH/TU"])
    _cell_lines(header.cell(0, 1), ["ĐẢNG CỘNG SẢN VIỆT NAM", "Lạng Sơn, ngày 10 tháng 01 năm 2022"])
    document.add_paragraph("KẾ HOẠCH")
    document.add_paragraph("học tập chuyên đề năm 2022")
    document.add_paragraph("-----")
    document.add_paragraph(PREAMBLE)
    for level, text in outline:
        if level == "-":
            document.add_paragraph(text, style="List Bullet")
        elif level == "+":
            document.add_paragraph(text, style="List Bullet 2")
        elif level is None:
            document.add_paragraph(text)
        else:
            paragraph = document.add_paragraph(text)
            _number(paragraph, num_id, level)
    table = document.add_table(rows=len(TABLE), cols=len(TABLE[0]))
    table.style = "Table Grid"
    for r, row in enumerate(TABLE):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    if legacy_runs:
        from rag.legacy import unicode_to_tcvn3, unicode_to_vni

        p = document.add_paragraph()
        run = p.add_run(unicode_to_tcvn3(LEGACY_SEED))
        run.font.name = ".VnTime"
        p = document.add_paragraph()
        run = p.add_run(unicode_to_tcvn3("KẾ HOẠCH TRIỂN KHAI"))
        run.font.name = ".VnTimeH"
        p = document.add_paragraph()
        run = p.add_run(unicode_to_vni(LEGACY_SEED))
        run.font.name = "VNI-Times"
        # Word keeps the TCVN3 "ư" byte (the soft hyphen) as an element, not as text.
        p = document.add_paragraph()
        run = p.add_run("Th")
        run.font.name = ".VnTime"
        run._r.append(parse_xml(f'<w:softHyphen xmlns:w="{W_NS}"/>'))
        run._r.append(parse_xml(f'<w:t xmlns:w="{W_NS}">êng trùc TØnh ñy</w:t>'))
    closing = document.add_table(rows=1, cols=2)
    _borderless(closing)
    _cell_lines(closing.cell(0, 0), RECIPIENTS)
    _cell_lines(closing.cell(0, 1), SIGNATURE)
    document.save(str(path))
    return path


# --- .pdf generation ---------------------------------------------------------------------------------


def _fonts() -> tuple[str, str]:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    regular, bold = FONT_DIR / "DejaVuSerif.ttf", FONT_DIR / "DejaVuSerif-Bold.ttf"
    # ./test.sh installs them; a missing font is a failed setup, not a skipped test.
    assert regular.exists() and bold.exists(), "fonts-dejavu-core is not installed (apt-get install -y fonts-dejavu-core)"
    if "VnSerif" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("VnSerif", str(regular)))
        pdfmetrics.registerFont(TTFont("VnSerif-Bold", str(bold)))
    return "VnSerif", "VnSerif-Bold"


def pdf_story(repeat: int = 1) -> list[tuple[str, str]]:
    """(style, text) in reading order; repeat > 1 makes a longer document for timing."""
    labels = outline_labels()
    story = [("center-bold", "KẾ HOẠCH"), ("center", "học tập chuyên đề năm 2022"), ("body", PREAMBLE)]
    for _ in range(repeat):
        for label, (level, text) in zip(labels, OUTLINE):
            style = "heading" if isinstance(level, int) and level < 3 else "body"
            story.append((style, f"{label} {text}".strip()))
    return story


def make_pdf(path: Path, *, repeat: int = 1, page_label: str = "Trang {n}") -> Path:
    """A two-column header block, justified paragraphs, a running header and page numbers on every page."""
    from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import cm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table

    regular, bold = _fonts()
    body = ParagraphStyle("body", fontName=regular, fontSize=12, leading=16, alignment=TA_JUSTIFY, firstLineIndent=28, spaceAfter=6)
    styles = {
        "body": body,
        "heading": ParagraphStyle("heading", parent=body, fontName=bold, firstLineIndent=0),
        "center": ParagraphStyle("center", parent=body, alignment=TA_CENTER, firstLineIndent=0),
        "center-bold": ParagraphStyle("center-bold", parent=body, fontName=bold, alignment=TA_CENTER, firstLineIndent=0),
    }

    def running(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont(regular, 9)
        canvas.drawCentredString(A4[0] / 2, A4[1] - 1.2 * cm, "ĐẢNG BỘ TỈNH LẠNG SƠN - Kế hoạch số 45-KH/TU")
        canvas.drawCentredString(A4[0] / 2, 1.2 * cm, page_label.format(n=doc.page))
        canvas.restoreState()

    cell = ParagraphStyle("cell", parent=styles["center"], spaceAfter=0)
    header = Table(
        [[Paragraph("TỈNH ỦY LẠNG SƠN<br/>*<br/>Số 45-KH/TU", cell),
          Paragraph("ĐẢNG CỘNG SẢN VIỆT NAM<br/><i>Lạng Sơn, ngày 10 tháng 01 năm 2022</i>", cell)]],
        colWidths=[7 * cm, 9 * cm],
    )  # fmt: skip
    flow = [header, Spacer(1, 12)]
    flow += [Paragraph(text, styles[style]) for style, text in pdf_story(repeat)]
    left = ParagraphStyle("left", parent=body, firstLineIndent=0, alignment=0, fontSize=10, leading=13)
    closing = Table(
        [[Paragraph("<br/>".join(RECIPIENTS), left), Paragraph("<br/>".join([*SIGNATURE[:2], "", "", SIGNATURE[2]]), cell)]],
        colWidths=[8 * cm, 8 * cm],
    )
    flow += [Spacer(1, 12), closing]
    doc = SimpleDocTemplate(str(path), pagesize=A4, topMargin=2.5 * cm, bottomMargin=2.5 * cm)
    doc.build(flow, onFirstPage=running, onLaterPages=running)
    return path


def make_image_pdf(path: Path) -> Path:
    """A "scanned" page: one picture of text, no text layer."""
    from PIL import Image, ImageDraw
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    image = Image.new("L", (600, 200), 255)
    ImageDraw.Draw(image).text((20, 80), "KE HOACH 45-KH/TU (scanned)", fill=0)
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.drawImage(ImageReader(image), 50, 500, width=500, height=170)
    pdf.showPage()
    pdf.save()
    return path


LEGACY_SEED = "Kế hoạch thực hiện Kết luận số 01-KL/TW của Ban Thường vụ Tỉnh ủy"


def make_scrambled_pdf(path: Path, mode: str) -> Path:
    """The story drawn line by line in a shuffled order ("lines"), word by word ("words") or glyph by
    glyph ("glyphs"), the way some PDF producers write: the reader must not rely on the stream order."""
    import random

    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen import canvas

    regular, _ = _fonts()
    width, height = A4
    lines: list[tuple[float, str] | None] = []  # (x, text); None: paragraph spacing
    for style, text in pdf_story():
        current = ""
        wrapped = []
        for word in text.split():
            if current and stringWidth(f"{current} {word}", regular, 12) > width - 140:
                wrapped.append(current)
                current = word
            else:
                current = f"{current} {word}".strip()
        for line in [*wrapped, current]:
            lines.append(((width - stringWidth(line, regular, 12)) / 2 if style.startswith("center") else 70, line))
        lines.append(None)
    pdf = canvas.Canvas(str(path), pagesize=A4)
    rng = random.Random(7)
    for number, start in enumerate(range(0, len(lines), 40), 1):
        ops = [(width / 2 - 130, height - 40, "ĐẢNG BỘ TỈNH LẠNG SƠN - Kế hoạch số 45-KH/TU"), (width / 2, 30, str(number))]
        y = height - 90
        if number == 1:
            ops += [(70, y, "TỈNH ỦY LẠNG SƠN"), (320, y, "ĐẢNG CỘNG SẢN VIỆT NAM")]
            ops += [(70, y - 16, "Số 45-KH/TU"), (320, y - 16, "Lạng Sơn, ngày 10 tháng 01 năm 2022")]
            y -= 44
        for line in lines[start : start + 40]:
            if line is not None:
                ops.append((line[0], y, line[1]))
            y -= 16 if line is not None else 8
        rng.shuffle(ops)
        pdf.setFont(regular, 12)
        for x, y, text in ops:
            if mode == "lines":
                pdf.drawString(x, y, text)
                continue
            pieces = text.split(" ") if mode == "words" else list(text)
            for piece in pieces:
                if piece.strip():
                    pdf.drawString(x, y, piece)
                x += stringWidth(piece + (" " if mode == "words" else ""), regular, 12)
        pdf.showPage()
    pdf.save()
    return path


def _paragraph_lines(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.split("\n") if line.strip()]


def _passage(parsed, start: str):
    return next(p for p in parsed.passages if p.text.startswith(start))


# --- .docx ---------------------------------------------------------------------------------------------


def test_docx_word_numbering_is_written_out_and_builds_the_section_tree(tmp_path):
    raw = read_document(make_docx(tmp_path / "ke-hoach.docx"))
    lines = _paragraph_lines(raw.text)
    expected = [f"{label} {text}".strip() for label, (_, text) in zip(outline_labels(), OUTLINE)]
    positions = [lines.index(line) for line in expected]  # every item, with Word's number, on its own line
    assert positions == sorted(positions)
    assert "II. NỘI DUNG" in lines and "1.2. Đối với cấp huyện" in lines and "b) Thời gian: hoàn thành trong quý I năm 2022, trước ngày 31/3/2022." in lines

    parsed = parse_document(raw.path.name, raw.text)
    assert _passage(parsed, "- Chủ trì tổ chức hội nghị").section_path == ("III. TỔ CHỨC THỰC HIỆN", "1. Giao Ban Tuyên giáo Tỉnh ủy")
    assert _passage(parsed, "+ Thời gian").section_path == ("III. TỔ CHỨC THỰC HIỆN", "1. Giao Ban Tuyên giáo Tỉnh ủy")
    assert _passage(parsed, "b) Thời gian").section_path == ("II. NỘI DUNG", "1. Tổ chức học tập chuyên đề", "1.1. Đối với cấp tỉnh")
    assert _passage(parsed, "- Các huyện ủy").section_path == ("II. NỘI DUNG", "1. Tổ chức học tập chuyên đề", "1.2. Đối với cấp huyện")
    meta = parsed.meta
    assert (meta.doc_type, meta.number, meta.issuer, meta.date) == ("KẾ HOẠCH", "45-KH/TU", "TỈNH ỦY LẠNG SƠN", "2022-01-10")
    assert meta.title == "học tập chuyên đề năm 2022"
    assert (meta.signer, meta.signer_role) == ("Nguyễn Văn An", "T/M BAN THƯỜNG VỤ / PHÓ BÍ THƯ")
    assert meta.recipients == ("Ban Tuyên giáo Trung ương", "Các huyện ủy, thành ủy", "Lưu Văn phòng Tỉnh ủy")


def test_docx_tables_headers_and_footers(tmp_path):
    text = read_document(make_docx(tmp_path / "ke-hoach.docx")).text
    lines = _paragraph_lines(text)
    assert "STT | Nội dung | Thời gian | Cơ quan chủ trì" in lines
    assert "1 | Hội nghị học tập chuyên đề cấp tỉnh | Quý I/2022 | Ban Tuyên giáo Tỉnh ủy" in lines
    # The borderless header block is read cell by cell, as lines of its own.
    assert lines[:5] == ["TỈNH ỦY LẠNG SƠN", "*", "Số 45-KH/TU", "ĐẢNG CỘNG SẢN VIỆT NAM", "Lạng Sơn, ngày 10 tháng 01 năm 2022"]
    assert "dòng đầu trang" not in text and "chân trang" not in text


def _numbering_docx(path: Path, abstract_xml: str, nums_xml: str, paragraphs: list[tuple[int | None, int, str]]) -> Path:
    """A .docx whose numbering.xml holds exactly the given definitions; paragraphs are (numId, ilvl, text)."""
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    numbering = document.part.numbering_part.element
    for child in list(numbering):
        numbering.remove(child)
    wrapped = parse_xml(f'<w:numbering xmlns:w="{W_NS}">{abstract_xml}{nums_xml}</w:numbering>')
    for child in list(wrapped):
        numbering.append(child)
    for num_id, ilvl, text in paragraphs:
        paragraph = document.add_paragraph(text)
        if num_id is not None:
            _number(paragraph, num_id, ilvl)
    document.save(str(path))
    return path


def _lvl(ilvl: int, fmt: str, text: str, extra: str = "", start: int = 1) -> str:
    return f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>{extra}<w:lvlText w:val="{text}"/></w:lvl>'


def test_docx_numbering_restarts_overrides_and_legal_style(tmp_path):
    abstract = (
        '<w:abstractNum w:abstractNumId="1">'
        + _lvl(0, "upperRoman", "%1-")
        + _lvl(1, "decimal", "%1.%2.", "<w:isLgl/>")  # legal numbering: "1.1." even under a roman level
        + _lvl(2, "lowerLetter", "%3)", '<w:lvlRestart w:val="0"/>')  # never restarts
        + "</w:abstractNum>"
    )
    nums = (
        '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>'
        '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'  # same list: continues numbering
        '<w:num w:numId="3"><w:abstractNumId w:val="1"/>'
        '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>'  # restarts at V
    )
    paragraphs = [(1, 0, "MỤC ĐÍCH"), (1, 1, "Mục đích"), (1, 2, "một"), (1, 0, "NỘI DUNG"), (1, 2, "hai"),
                  (2, 1, "Nội dung"), (3, 0, "TỔ CHỨC"), (None, 0, "Đoạn thường"), (3, 1, "Giao Ban Tuyên giáo")]  # fmt: skip
    text = read_document(_numbering_docx(tmp_path / "n.docx", abstract, nums, paragraphs)).text
    assert _paragraph_lines(text) == [
        "I- MỤC ĐÍCH", "1.1. Mục đích", "a) một", "II- NỘI DUNG", "b) hai", "2.1. Nội dung", "V- TỔ CHỨC", "Đoạn thường",
        "5.1. Giao Ban Tuyên giáo",
    ]  # fmt: skip


def test_docx_bullets_follow_their_nesting(tmp_path):
    abstract = (
        '<w:abstractNum w:abstractNumId="1">'
        + _lvl(0, "decimal", "%1.")
        + _lvl(1, "bullet", "\uf0b7", '<w:pPr><w:ind w:left="720"/></w:pPr>')
        + _lvl(2, "bullet", "o", '<w:pPr><w:ind w:left="1440"/></w:pPr>')
        + _lvl(3, "bullet", "+", '<w:pPr><w:ind w:left="2160"/></w:pPr>')
        + "</w:abstractNum>"
    )
    nums = '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>'
    paragraphs = [(1, 0, "Giao Ban Tuyên giáo"), (1, 1, "chủ trì"), (1, 2, "thời gian"), (1, 1, "phối hợp"), (1, 3, "báo cáo")]
    text = read_document(_numbering_docx(tmp_path / "b.docx", abstract, nums, paragraphs)).text
    assert _paragraph_lines(text) == ["1. Giao Ban Tuyên giáo", "- chủ trì", "+ thời gian", "- phối hợp", "+ báo cáo"]


def test_docx_legacy_font_runs_are_converted(tmp_path):
    text = read_document(make_docx(tmp_path / "legacy.docx", legacy_runs=True)).text
    lines = _paragraph_lines(text)
    assert lines.count(LEGACY_SEED) == 2  # the .VnTime run and the VNI-Times run
    assert "KẾ HOẠCH TRIỂN KHAI" in lines  # .VnTimeH draws the lower-case codes upper case
    assert "Thường trực Tỉnh ủy" in lines  # TCVN3 "ư" kept by Word as <w:softHyphen/>


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


@pytest.mark.parametrize(
    ("content", "problem", "reason"),
    [
        (b"Ke hoach so 45 - plain text saved with a .docx name", "not a Word .docx file", "format"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "old Word 97-2003", "format"),
        (b"{\\rtf1\\ansi Ke hoach}", "RTF", "format"),
        ("xlsx", "an Excel workbook, not a Word document", "format"),
        ("odt", "an OpenDocument file", "format"),
        ("zip", "no word/document.xml", "format"),
        ("broken-xml", "damaged", "damaged"),
        ("truncated", "not a Word .docx file", "damaged"),
    ],
)
def test_docx_that_is_not_a_word_file(tmp_path, content, problem, reason):
    path = tmp_path / "ke-hoach.docx"
    if content == "xlsx":
        _zip(path, {"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"})
    elif content == "odt":
        _zip(path, {"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<office:document-content/>"})
    elif content == "zip":
        _zip(path, {"notes.txt": "Kế hoạch".encode()})
    elif content == "broken-xml":
        make_docx(path)
        with zipfile.ZipFile(path) as source:
            members = {name: source.read(name) for name in source.namelist()}
        members["word/document.xml"] = members["word/document.xml"][:500]
        _zip(path, members)
    elif content == "truncated":
        data = make_docx(tmp_path / "full.docx").read_bytes()
        path.write_bytes(data[: len(data) // 2])
    else:
        path.write_bytes(content)
    with pytest.raises(DocumentReadError, match=problem) as caught:
        read_document(path)
    assert "ke-hoach.docx" in str(caught.value)
    assert caught.value.reason == reason


# --- .pdf -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("page_label", ["Trang {n}", "{n}", "- {n} -", "{n}/2"])
def test_pdf_running_header_and_page_numbers_are_dropped(tmp_path, page_label):
    from rag.pdf_reader import page_of_line

    raw = read_document(make_pdf(tmp_path / "ke-hoach.pdf", page_label=page_label))
    text = raw.text
    assert text.count("\f") == 1  # two pages
    lines = _paragraph_lines(text)
    assert "ĐẢNG BỘ TỈNH LẠNG SƠN - Kế hoạch số 45-KH/TU" not in text
    assert not [line for line in lines if re.fullmatch(r"(Trang )?[-\s]*\d+[-\s]*(/2)?", line.strip("\f"))]
    # Every paragraph is whole, on one line, in order, although the PDF wraps it over several.
    expected = [" ".join(re.sub("<[^>]+>", "", t).split()) for _, t in pdf_story()]
    positions = [[line.strip("\f") for line in lines].index(line) for line in expected]
    assert positions == sorted(positions)
    numbered = text.split("\n")
    closing = next(i for i, line in enumerate(numbered, 1) if "Nơi nhận" in line)
    assert page_of_line(text, 1) == 1 and page_of_line(text, closing) == 2

    parsed = parse_document(raw.path.name, text)
    assert _passage(parsed, "- Chủ trì tổ chức hội nghị").section_path == ("III. TỔ CHỨC THỰC HIỆN", "1. Giao Ban Tuyên giáo Tỉnh ủy")
    assert _passage(parsed, "b) Thời gian").section_path == ("II. NỘI DUNG", "1. Tổ chức học tập chuyên đề", "1.1. Đối với cấp tỉnh")
    assert not [p for p in parsed.passages if "\f" in p.text]
    meta = parsed.meta
    assert (meta.number, meta.issuer, meta.date, meta.signer) == ("45-KH/TU", "TỈNH ỦY LẠNG SƠN", "2022-01-10", "Nguyễn Văn An")
    assert meta.recipients == ("Ban Tuyên giáo Trung ương", "Các huyện ủy, thành ủy", "Lưu Văn phòng Tỉnh ủy")


def test_pdf_paragraph_running_over_a_page_break_is_one_paragraph(tmp_path):
    text = read_document(make_pdf(tmp_path / "dai.pdf", repeat=3)).text
    lines = [line.strip("\f") for line in _paragraph_lines(text)]
    for _, story_text in pdf_story(3):
        assert " ".join(re.sub("<[^>]+>", "", story_text).split()) in lines
    assert text.count("\f") == 2


@pytest.mark.parametrize("mode", ["lines", "words", "glyphs"])
def test_pdf_reading_order_does_not_depend_on_the_content_stream(tmp_path, mode):
    text = read_document(make_scrambled_pdf(tmp_path / f"{mode}.pdf", mode)).text
    lines = [line.strip("\f") for line in _paragraph_lines(text)]
    assert lines[:4] == ["TỈNH ỦY LẠNG SƠN", "Số 45-KH/TU", "ĐẢNG CỘNG SẢN VIỆT NAM", "Lạng Sơn, ngày 10 tháng 01 năm 2022"]
    expected = [" ".join(t.split()) for _, t in pdf_story()]
    assert [line for line in lines if line in expected] == expected
    assert "Kế hoạch số 45-KH/TU" not in " ".join(lines[4:])


def test_pdf_without_text_layer_asks_for_ocr(tmp_path):
    with pytest.raises(DocumentReadError, match="no text layer.*OCR is not supported yet"):
        read_document(make_image_pdf(tmp_path / "scan.pdf"))


def test_truncated_or_damaged_pdf(tmp_path):
    data = make_pdf(tmp_path / "full.pdf").read_bytes()
    truncated = tmp_path / "cut.pdf"
    truncated.write_bytes(data[: len(data) * 2 // 3])
    with pytest.raises(DocumentReadError, match="cut.pdf.*truncated"):
        read_document(truncated)
    damaged = tmp_path / "damaged.pdf"
    damaged.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 8 + b"\n%%EOF\n")
    with pytest.raises(DocumentReadError, match="damaged"):
        read_document(damaged)
    renamed = tmp_path / "word.pdf"
    renamed.write_bytes(make_docx(tmp_path / "x.docx").read_bytes())
    with pytest.raises(DocumentReadError, match="not a PDF"):
        read_document(renamed)



def _encrypted_pdf(path: Path) -> Path:
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), encrypt="mat-khau")  # a user password: nothing opens without it
    pdf.drawString(60, 700, "Ke hoach so 45-KH/TU")
    pdf.showPage()
    pdf.save()
    return path


def _cut(path: Path, source: Path) -> Path:
    data = source.read_bytes()
    path.write_bytes(data[: len(data) * 2 // 3])
    return path


@pytest.mark.parametrize(
    ("name", "make", "reason"),
    [
        ("scan.pdf", lambda tmp, path: make_image_pdf(path), "no-text"),
        ("cut.pdf", lambda tmp, path: _cut(path, make_pdf(tmp / "full.pdf")), "damaged"),
        ("damaged.pdf", lambda tmp, path: path.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 8 + b"\n%%EOF\n"), "damaged"),
        ("word.pdf", lambda tmp, path: path.write_bytes(make_docx(tmp / "x.docx").read_bytes()), "format"),
        ("khoa.pdf", lambda tmp, path: _encrypted_pdf(path), "protected"),
        ("not-a-zip.docx", lambda tmp, path: path.write_bytes(b"Ke hoach so 45, plain text"), "format"),
        ("cut.docx", lambda tmp, path: _cut(path, make_docx(tmp / "full.docx")), "damaged"),
        ("latin1.txt", lambda tmp, path: path.write_bytes("Résumé de la réunion. ".encode("latin-1") * 10), "encoding"),
    ],
)
def test_format_errors_carry_a_reason_code(tmp_path, name, make, reason):
    path = tmp_path / name
    make(tmp_path, path)
    with pytest.raises(DocumentReadError) as caught:
        read_document(path)
    assert caught.value.reason == reason
    assert name in str(caught.value)


# --- legacy encodings --------------------------------------------------------------------------------

LEGACY_TEXT = (
    "Kế hoạch thực hiện Kết luận số 01-KL/TW của Ban Thường vụ Tỉnh ủy\n"
    "Các huyện ủy, thành ủy, đảng ủy trực thuộc tổ chức học tập, quán triệt đến toàn thể cán bộ, đảng viên.\n"
    "Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp theo dõi, đôn đốc; báo cáo kết quả trước ngày 31/3/2022.\n"
)


def test_every_vietnamese_letter_round_trips():
    from rag.legacy import tcvn3_to_unicode, unicode_to_tcvn3, unicode_to_vni, vni_to_unicode

    lower = "".join(
        unicodedata.normalize("NFC", base + tone)
        for base in "aăâeêioôơuưy"
        for tone in ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")
    ) + "đ"
    assert len(set(lower)) == 73
    assert tcvn3_to_unicode(unicode_to_tcvn3(lower)) == lower
    assert vni_to_unicode(unicode_to_vni(lower)) == lower
    assert vni_to_unicode(unicode_to_vni(lower.upper())) == lower.upper()
    assert tcvn3_to_unicode(unicode_to_tcvn3(lower.upper()), upper=True) == lower.upper()
    assert len(unicode_to_tcvn3(lower)) == len(lower)  # TCVN3: one byte per letter
    assert unicode_to_tcvn3(LEGACY_SEED).encode("cp1252").startswith(b"K\xd5 ho\xb9ch")
    assert unicode_to_vni(LEGACY_SEED).startswith("Keá hoaïch")


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
def test_legacy_txt_bytes_are_converted(tmp_path, encoding):
    from rag.legacy import unicode_to_tcvn3, unicode_to_vni

    encode = unicode_to_tcvn3 if encoding == "tcvn3" else unicode_to_vni
    path = tmp_path / f"{encoding}.txt"
    path.write_bytes(encode(LEGACY_TEXT).encode("cp1252"))
    assert read_document(path).text == LEGACY_TEXT
    utf8 = tmp_path / f"{encoding}-utf8.txt"  # legacy characters saved by a Unicode editor
    utf8.write_text(encode(LEGACY_TEXT), encoding="utf-8")
    assert read_document(utf8).text == LEGACY_TEXT


def test_legacy_conversion_keeps_unicode_lines_and_restores_upper_case(tmp_path):
    from rag.legacy import unicode_to_tcvn3

    unicode_line = "Lưu ý: dòng này đã là Unicode, có các chữ như mét, cá, tô, ồ.\n"
    legacy = unicode_to_tcvn3("KẾ HOẠCH TRIỂN KHAI\n" + LEGACY_TEXT)
    path = tmp_path / "mixed.txt"
    path.write_text(legacy + unicode_line, encoding="utf-8")
    assert read_document(path).text == "KẾ HOẠCH TRIỂN KHAI\n" + LEGACY_TEXT + unicode_line


def test_windows_1258_and_undecodable_bytes(tmp_path):
    path = tmp_path / "cp1258.txt"
    tones = "\u0300\u0301\u0303\u0309\u0323"
    cp1258 = "".join(  # Windows-1258 has ơ, ư, â… as letters but the five tones as combining marks
        unicodedata.normalize("NFC", "".join(c for c in unicodedata.normalize("NFD", ch) if c not in tones))
        + "".join(c for c in unicodedata.normalize("NFD", ch) if c in tones)
        for ch in LEGACY_TEXT
    )
    path.write_bytes(cp1258.encode("cp1258"))
    assert read_document(path).text == LEGACY_TEXT
    french = tmp_path / "latin1.txt"
    french.write_bytes("Résumé de la réunion du comité. ".encode("latin-1") * 10)
    with pytest.raises(DocumentReadError, match="not UTF-8"):
        read_document(french)
    odd = tmp_path / "utf16.txt"
    odd.write_bytes(b"\xff\xfeK\x00\x00\xd8")  # a BOM, then a lone surrogate
    with pytest.raises(DocumentReadError, match="invalid byte sequence"):
        read_document(odd)


def test_legacy_pdf_text_is_converted(tmp_path):
    """A PDF typed in .VnTime, as its text layer reads (the font maps the codes to Latin-1 letters)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    from rag.legacy import unicode_to_tcvn3

    regular, _ = _fonts()
    path = tmp_path / "vntime.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont(regular, 12)
    for i, line in enumerate(LEGACY_TEXT.splitlines()):
        pdf.drawString(60, 700 - 40 * i, unicode_to_tcvn3(line))
    pdf.showPage()
    pdf.save()
    assert _paragraph_lines(read_document(path).text) == LEGACY_TEXT.splitlines()


# --- properties ----------------------------------------------------------------------------------------

VIETNAMESE = "aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
WORD = st.text(alphabet=VIETNAMESE + VIETNAMESE.upper() + "0123456789", min_size=1, max_size=8)
PIECE = st.one_of(
    WORD,
    WORD,
    st.sampled_from([" ", " ", "\n", "\n\n", ". ", ": ", "; ", ", ", "- ", "+ ", "1. ", "a) ", "II. ", "1.2. ", "**", "#", "(", ")", "\t", "\f", "…"]),
    st.text(max_size=3),
)
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


@FAST
@given(text=st.text())
def test_any_text_file_is_read_faithfully_or_refused_by_name(tmp_path, text):
    path = tmp_path / "any.txt"
    path.write_bytes(text.encode("utf-8"))
    try:
        raw = read_document(path)
    except DocumentReadError:
        return
    if not looks_legacy(text) and "\x00" not in text:  # NULs make it binary, or UTF-16 by the heuristic
        assert raw.text == text


@FAST
@given(data=st.binary(max_size=3000), suffix=st.sampled_from([".txt", ".md", ".docx", ".pdf"]))
def test_any_bytes_are_read_or_refused_by_name(tmp_path, data, suffix):
    path = tmp_path / f"any{suffix}"
    path.write_bytes(data)
    try:
        read_document(path)
    except DocumentReadError as err:
        assert "any" in str(err)


@FAST
@given(data=st.binary(min_size=1, max_size=400), cut=st.floats(0.05, 0.95))
def test_damaged_docx_and_pdf_are_refused_by_name(tmp_path, data, cut):
    """Real files with a piece cut out or overwritten: never anything but DocumentReadError."""
    for name, make in (("d.docx", make_docx), ("d.pdf", make_pdf)):
        source = tmp_path / f"source-{name}"
        if not source.exists():
            make(source)
        good = source.read_bytes()
        at = int(len(good) * cut)
        path = tmp_path / name
        path.write_bytes(good[:at] + data + good[at + len(data) :])
        try:
            read_document(path)
        except DocumentReadError:
            pass


@FAST
@given(text=st.one_of(st.text(), st.lists(PIECE, max_size=60).map("".join)))
def test_parser_never_crashes(text):
    parse_document("any.txt", text)


def _body_is_kept(text: str) -> list[str]:
    """Words of the body's non-heading paragraphs that are in no passage (see the note below)."""
    layout = parse_layout(text)
    parsed = parse_document("x.txt", text)
    kept = set(re.findall(r"\w+", strip_markdown(" ".join(p.text for p in parsed.passages))))
    return [w for b in layout.body if b.kind != "heading" for w in re.findall(r"\w+", strip_markdown(b.text)) if w not in kept]


@settings(max_examples=400, deadline=None)
@given(pieces=st.lists(PIECE, max_size=80))
def test_parser_never_loses_body_text(pieces):
    """Every word of every body paragraph and bullet reaches a passage.

    "Body": the text starts with a heading (so nothing is taken for the document header) and has no
    recipients or signature lines. Headings are left out of the check: two cases lose heading words
    by design or by bug; the two cases below were found this way and fixed.
    """
    text = "I. NỘI DUNG\n\n" + "".join(pieces)
    layout = parse_layout(text)
    assume(not layout.header and not layout.closing)
    assert _body_is_kept(text) == []


def _all_words_kept(text: str) -> list[str]:
    parsed = parse_document("x.txt", text)
    kept = set(re.findall(r"\w+", " ".join([*(p.text for p in parsed.passages), *(t for p in parsed.passages for t in p.section_path)])))
    return [w for w in re.findall(r"\w+", repair_pdf_text(text)) if w not in kept]


def test_the_heading_of_an_empty_section_is_kept():
    assert _all_words_kept("I. MỤC ĐÍCH, YÊU CẦU\n\n1. Mục đích\n\n2. Yêu cầu\n\n- Bảo đảm nghiêm túc, thiết thực.\n") == []


def test_a_heading_value_after_a_colon_is_kept():
    assert _all_words_kept("I. NỘI DUNG\n\n1. Thời gian: quý I/2022\n\n- Tổ chức hội nghị học tập chuyên đề cấp tỉnh.\n") == []


LETTERS = st.text(alphabet=VIETNAMESE + VIETNAMESE.upper(), min_size=1, max_size=8)
# A paragraph that is a bare number at the very top or bottom of a page is taken for a page number.
SENTENCE = st.tuples(LETTERS, st.lists(WORD, max_size=40)).map(lambda t: " ".join([t[0], *t[1]]))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(paragraphs=st.lists(st.tuples(st.sampled_from([None, 0, 1, 2, 3, "-"]), SENTENCE), min_size=1, max_size=12))
def test_docx_keeps_every_paragraph(tmp_path, paragraphs):
    outline = [(level, text) for level, text in paragraphs]
    text = read_document(make_docx(tmp_path / "p.docx", outline=outline)).text
    lines = _paragraph_lines(text)
    at = 0
    for _, paragraph in outline:  # in order, each on its own line, after its number or bullet
        at = next(i for i in range(at, len(lines)) if lines[i].endswith(paragraph)) + 1


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(paragraphs=st.lists(SENTENCE, min_size=1, max_size=25))
def test_pdf_keeps_every_word_in_order(tmp_path, paragraphs):
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    regular, _ = _fonts()
    style = ParagraphStyle("p", fontName=regular, fontSize=12, leading=16, firstLineIndent=28, spaceAfter=6)
    path = tmp_path / "p.pdf"
    SimpleDocTemplate(str(path), pagesize=A4).build([Paragraph(p, style) for p in paragraphs])
    text = read_document(path).text
    assert text.split() == " ".join(paragraphs).split()
