"""PDF: running headers and page numbers dropped, reading order, no text layer, damaged files."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from rag import DocumentReadError
from rag.documents.reader import read_document
from rag.structure.passages import parse_document

from .format_samples import (
    _paragraph_lines,
    _passage,
    make_docx,
    make_image_pdf,
    make_pdf,
    make_scrambled_pdf,
    pdf_story,
)

# --- .pdf -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("page_label", ["Trang {n}", "{n}", "- {n} -", "{n}/2"])
def test_pdf_running_header_and_page_numbers_are_dropped(tmp_path, page_label):
    from rag.documents.pdf_reader import page_of_line

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
    assert _passage(parsed, "- Chủ trì tổ chức hội nghị").section_path == (
        "III. TỔ CHỨC THỰC HIỆN",
        "1. Giao Ban Tuyên giáo Tỉnh ủy",
    )
    assert _passage(parsed, "b) Thời gian").section_path == (
        "II. NỘI DUNG",
        "1. Tổ chức học tập chuyên đề",
        "1.1. Đối với cấp tỉnh",
    )
    assert not [p for p in parsed.passages if "\f" in p.text]
    meta = parsed.meta
    assert (meta.number, meta.issuer, meta.date, meta.signer) == (
        "45-KH/TU",
        "TỈNH ỦY LẠNG SƠN",
        "2022-01-10",
        "Nguyễn Văn An",
    )
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
    assert lines[:4] == [
        "TỈNH ỦY LẠNG SƠN",
        "Số 45-KH/TU",
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "Lạng Sơn, ngày 10 tháng 01 năm 2022",
    ]
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
        (
            "damaged.pdf",
            lambda tmp, path: path.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 8 + b"\n%%EOF\n"),
            "damaged",
        ),
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
