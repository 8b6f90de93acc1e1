"""Properties (hypothesis): readers and parser never crash and never lose text."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rag import DocumentReadError
from rag.documents.legacy import looks_legacy
from rag.documents.pdf_repair import repair_pdf_text
from rag.documents.reader import read_document
from rag.structure.layout import parse_layout
from rag.structure.passages import parse_document
from rag.text.normalize import strip_markdown

from .format_samples import _fonts, _paragraph_lines, make_docx, make_pdf
from .kept import lost_lines

# --- properties ----------------------------------------------------------------------------------------

VIETNAMESE = "aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
WORD = st.text(alphabet=VIETNAMESE + VIETNAMESE.upper() + "0123456789", min_size=1, max_size=8)
PIECE = st.one_of(
    WORD,
    WORD,
    st.sampled_from(
        [
            " ",
            " ",
            "\n",
            "\n\n",
            ". ",
            ": ",
            "; ",
            ", ",
            "- ",
            "+ ",
            "1. ",
            "a) ",
            "II. ",
            "1.2. ",
            "**",
            "#",
            "(",
            ")",
            "\t",
            "\f",
            "…",
        ]
    ),
    st.text(max_size=3),
)
FAST = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)


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
    return [
        w
        for b in layout.body
        if b.kind != "heading"
        for w in re.findall(r"\w+", strip_markdown(b.text))
        if w not in kept
    ]


# Lines a header, a signature or a recipients list is made of: the property holds with them too.
FORM_PIECE = st.sampled_from(
    [
        "KẾ HOẠCH\n",
        "HƯỚNG DẪN SỐ 05-HD/ĐUK\n",
        "CHƯƠNG TRÌNH\n",
        "ỦY BAN NHÂN DÂN\n",
        "| CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n",
        "ĐẢNG CỘNG SẢN VIỆT NAM\n",
        "Số: 12/KH-UBND\n",
        "Số 45-KH/TU\n",
        "Hà Nội, ngày 10 tháng 3 năm 2026\n",
        "V/v ",
        "Kính gửi: ",
        "Nơi nhận:\n",
        "Nơi nhận báo cáo: ",
        "T/M BAN THƯỜNG VỤ\n",
        "KT. CHỦ TỊCH\n",
        "BÍ THƯ ",
        "Nguyễn Văn An\n",
        "PHỤ LỤC\n",
        "Chương I\n",
        "Điều 2. ",
        "-----\n",
        "|\n",
    ]
)


@settings(max_examples=400, deadline=None)
@given(pieces=st.lists(st.one_of(PIECE, PIECE, FORM_PIECE), max_size=80))
def test_parser_never_loses_text(pieces):
    """Every word of every line reaches a passage, a heading path or the metadata it was read into,
    whatever the text: header, signature, recipients and annexes included (tests/kept.py)."""
    text = "".join(pieces)
    assert lost_lines(text) == []


def _all_words_kept(text: str) -> list[str]:
    parsed = parse_document("x.txt", text)
    kept = set(
        re.findall(
            r"\w+",
            " ".join([*(p.text for p in parsed.passages), *(t for p in parsed.passages for t in p.section_path)]),
        )
    )
    return [w for w in re.findall(r"\w+", repair_pdf_text(text)) if w not in kept]


def test_the_heading_of_an_empty_section_is_kept():
    assert (
        _all_words_kept("I. MỤC ĐÍCH, YÊU CẦU\n\n1. Mục đích\n\n2. Yêu cầu\n\n- Bảo đảm nghiêm túc, thiết thực.\n")
        == []
    )


def test_a_heading_value_after_a_colon_is_kept():
    assert (
        _all_words_kept("I. NỘI DUNG\n\n1. Thời gian: quý I/2022\n\n- Tổ chức hội nghị học tập chuyên đề cấp tỉnh.\n")
        == []
    )


LETTERS = st.text(alphabet=VIETNAMESE + VIETNAMESE.upper(), min_size=1, max_size=8)
# A paragraph that is a bare number at the very top or bottom of a page is taken for a page number.
SENTENCE = st.tuples(LETTERS, st.lists(WORD, max_size=40)).map(lambda t: " ".join([t[0], *t[1]]))


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
@given(paragraphs=st.lists(st.tuples(st.sampled_from([None, 0, 1, 2, 3, "-"]), SENTENCE), min_size=1, max_size=12))
def test_docx_keeps_every_paragraph(tmp_path, paragraphs):
    outline = [(level, text) for level, text in paragraphs]
    text = read_document(make_docx(tmp_path / "p.docx", outline=outline)).text
    lines = _paragraph_lines(text)
    at = 0
    for _, paragraph in outline:  # in order, each on its own line, after its number or bullet
        at = next(i for i in range(at, len(lines)) if lines[i].endswith(paragraph)) + 1


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
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


_TONE_PIECES = "oOuUyYaAeEqQh " + "àáảãạèéẻẽẹỳýỷỹỵÀÁẢÃẠỲÝ" + "\u0300\u0301\u0303\u0309\u0323\u0302\u031b"


@given(st.text(alphabet=_TONE_PIECES + VIETNAMESE, max_size=12))
def test_tone_placement_fast_path_equals_decomposing_everything(text):
    """unify_tone_marks skips texts with no old placement: it must give what decomposing does."""
    import unicodedata

    from rag.text.normalize import _TONE_OA, _TONE_UY, unify_tone_marks

    decomposed = unicodedata.normalize("NFD", text)
    decomposed = _TONE_OA.sub(lambda m: m.group(1) + m.group(3) + m.group(2), decomposed)
    decomposed = _TONE_UY.sub(lambda m: m.group(1) + m.group(3) + m.group(2), decomposed)
    assert unify_tone_marks(text) == unicodedata.normalize("NFC", decomposed)
