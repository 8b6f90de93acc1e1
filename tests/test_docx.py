"""Word .docx: list numbering written out, tables, headers and footers, legacy-font runs, impostors."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from rag import DocumentReadError
from rag.documents.reader import read_document
from rag.structure.passages import parse_document

from .format_samples import LEGACY_SEED, OUTLINE, W_NS, _number, _paragraph_lines, _passage, make_docx, outline_labels

# --- .docx ---------------------------------------------------------------------------------------------


def test_docx_word_numbering_is_written_out_and_builds_the_section_tree(tmp_path):
    raw = read_document(make_docx(tmp_path / "ke-hoach.docx"))
    lines = _paragraph_lines(raw.text)
    expected = [f"{label} {text}".strip() for label, (_, text) in zip(outline_labels(), OUTLINE)]
    positions = [lines.index(line) for line in expected]  # every item, with Word's number, on its own line
    assert positions == sorted(positions)
    assert (
        "II. NỘI DUNG" in lines
        and "1.2. Đối với cấp huyện" in lines
        and "b) Thời gian: hoàn thành trong quý I năm 2022, trước ngày 31/3/2022." in lines
    )

    parsed = parse_document(raw.path.name, raw.text)
    assert _passage(parsed, "- Chủ trì tổ chức hội nghị").section_path == (
        "III. TỔ CHỨC THỰC HIỆN",
        "1. Giao Ban Tuyên giáo Tỉnh ủy",
    )
    assert _passage(parsed, "+ Thời gian").section_path == ("III. TỔ CHỨC THỰC HIỆN", "1. Giao Ban Tuyên giáo Tỉnh ủy")
    assert _passage(parsed, "b) Thời gian").section_path == (
        "II. NỘI DUNG",
        "1. Tổ chức học tập chuyên đề",
        "1.1. Đối với cấp tỉnh",
    )
    assert _passage(parsed, "- Các huyện ủy").section_path == (
        "II. NỘI DUNG",
        "1. Tổ chức học tập chuyên đề",
        "1.2. Đối với cấp huyện",
    )
    meta = parsed.meta
    assert (meta.doc_type, meta.number, meta.issuer, meta.date) == (
        "KẾ HOẠCH",
        "45-KH/TU",
        "TỈNH ỦY LẠNG SƠN",
        "2022-01-10",
    )
    assert meta.title == "học tập chuyên đề năm 2022"
    assert (meta.signer, meta.signer_role) == ("Nguyễn Văn An", "T/M BAN THƯỜNG VỤ / PHÓ BÍ THƯ")
    assert meta.recipients == ("Ban Tuyên giáo Trung ương", "Các huyện ủy, thành ủy", "Lưu Văn phòng Tỉnh ủy")


def test_docx_tables_headers_and_footers(tmp_path):
    text = read_document(make_docx(tmp_path / "ke-hoach.docx")).text
    lines = _paragraph_lines(text)
    assert "STT | Nội dung | Thời gian | Cơ quan chủ trì" in lines
    assert "1 | Hội nghị học tập chuyên đề cấp tỉnh | Quý I/2022 | Ban Tuyên giáo Tỉnh ủy" in lines
    # The borderless header block is read cell by cell, as lines of its own.
    assert lines[:5] == [
        "TỈNH ỦY LẠNG SƠN",
        "*",
        "Số 45-KH/TU",
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "Lạng Sơn, ngày 10 tháng 01 năm 2022",
    ]
    assert "dòng đầu trang" not in text and "chân trang" not in text


def _numbering_docx(
    path: Path, abstract_xml: str, nums_xml: str, paragraphs: list[tuple[int | None, int, str]]
) -> Path:
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
    paragraphs = [
        (1, 0, "Giao Ban Tuyên giáo"),
        (1, 1, "chủ trì"),
        (1, 2, "thời gian"),
        (1, 1, "phối hợp"),
        (1, 3, "báo cáo"),
    ]
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
        _zip(
            path, {"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<office:document-content/>"}
        )
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
