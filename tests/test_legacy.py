"""Legacy TCVN3/VNI text converted to Unicode in .txt, .docx and .pdf."""

from __future__ import annotations

import unicodedata

import pytest

from rag import DocumentReadError
from rag.documents.reader import read_document

from .format_samples import LEGACY_SEED, _fonts, _paragraph_lines

# --- legacy encodings --------------------------------------------------------------------------------

LEGACY_TEXT = (
    "Kế hoạch thực hiện Kết luận số 01-KL/TW của Ban Thường vụ Tỉnh ủy\n"
    "Các huyện ủy, thành ủy, đảng ủy trực thuộc tổ chức học tập, quán triệt đến toàn thể cán bộ, đảng viên.\n"
    "Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp theo dõi, đôn đốc; báo cáo kết quả trước ngày 31/3/2022.\n"
)


def test_every_vietnamese_letter_round_trips():
    from rag.documents.legacy import tcvn3_to_unicode, unicode_to_tcvn3, unicode_to_vni, vni_to_unicode

    lower = (
        "".join(
            unicodedata.normalize("NFC", base + tone)
            for base in "aăâeêioôơuưy"
            for tone in ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")
        )
        + "đ"
    )
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
    from rag.documents.legacy import unicode_to_tcvn3, unicode_to_vni

    encode = unicode_to_tcvn3 if encoding == "tcvn3" else unicode_to_vni
    path = tmp_path / f"{encoding}.txt"
    path.write_bytes(encode(LEGACY_TEXT).encode("cp1252"))
    assert read_document(path).text == LEGACY_TEXT
    utf8 = tmp_path / f"{encoding}-utf8.txt"  # legacy characters saved by a Unicode editor
    utf8.write_text(encode(LEGACY_TEXT), encoding="utf-8")
    assert read_document(utf8).text == LEGACY_TEXT


def test_legacy_conversion_keeps_unicode_lines_and_restores_upper_case(tmp_path):
    from rag.documents.legacy import unicode_to_tcvn3

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

    from rag.documents.legacy import unicode_to_tcvn3

    regular, _ = _fonts()
    path = tmp_path / "vntime.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont(regular, 12)
    for i, line in enumerate(LEGACY_TEXT.splitlines()):
        pdf.drawString(60, 700 - 40 * i, unicode_to_tcvn3(line))
    pdf.showPage()
    pdf.save()
    assert _paragraph_lines(read_document(path).text) == LEGACY_TEXT.splitlines()
