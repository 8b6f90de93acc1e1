"""Vietnamese sample documents for the reader tests, generated the way Word and a PDF printer make them:
Word list numbering that is not in the paragraph text, borderless header/signature tables, running
headers and page numbers."""

from __future__ import annotations

from pathlib import Path

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
            [
                f"{roman[counters[0]]}.",
                f"{counters[1]}.",
                f"{counters[1]}.{counters[2]}.",
                f"{'abcd'[counters[3] - 1]})",
            ][level]
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
    numbering.append(
        parse_xml(
            f'<w:num xmlns:w="{W_NS}" w:numId="{MULTILEVEL_ID}"><w:abstractNumId w:val="{MULTILEVEL_ID}"/></w:num>'
        )
    )
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
        from rag.documents.legacy import unicode_to_tcvn3, unicode_to_vni

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
    assert regular.exists() and bold.exists(), (
        "fonts-dejavu-core is not installed (apt-get install -y fonts-dejavu-core)"
    )
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
    body = ParagraphStyle(
        "body", fontName=regular, fontSize=12, leading=16, alignment=TA_JUSTIFY, firstLineIndent=28, spaceAfter=6
    )
    styles = {
        "body": body,
        "heading": ParagraphStyle("heading", parent=body, fontName=bold, firstLineIndent=0),
        "center": ParagraphStyle("center", parent=body, alignment=TA_CENTER, firstLineIndent=0),
        "center-bold": ParagraphStyle(
            "center-bold", parent=body, fontName=bold, alignment=TA_CENTER, firstLineIndent=0
        ),
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
        [
            [
                Paragraph("<br/>".join(RECIPIENTS), left),
                Paragraph("<br/>".join([*SIGNATURE[:2], "", "", SIGNATURE[2]]), cell),
            ]
        ],
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
        ops = [
            (width / 2 - 130, height - 40, "ĐẢNG BỘ TỈNH LẠNG SƠN - Kế hoạch số 45-KH/TU"),
            (width / 2, 30, str(number)),
        ]
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
