from rag.documents.pdf_repair import repair_pdf_text
from rag.structure.layout import split_blocks
from rag.text.normalize import fold_diacritics, index_text, strip_markdown, unify_tone_marks

from .conftest import CORPUS


def test_tone_marks_take_the_modern_place():
    assert unify_tone_marks("hoá Uỷ ban khoẻ thuỷ hoà") == "hóa Ủy ban khỏe thủy hòa"
    assert unify_tone_marks("quý hoàn") == "quý hoàn"  # "qu" and closed syllables are left alone


def test_markdown_marks_leave_the_indexed_text():
    assert strip_markdown("## **1. Mục đích** *in nghiêng*") == "1. Mục đích in nghiêng"
    assert index_text("**Thời gian:**   trước  31/3/2022") == "Thời gian: trước 31/3/2022"


def test_folding_removes_every_diacritic():
    assert fold_diacritics("Thời gian nộp báo cáo Đảng ủy") == "Thoi gian nop bao cao Dang uy"


def test_pdf_repairs_from_seed_004():
    raw = (CORPUS / "004_701670e4f6488039.txt").read_text(encoding="utf-8")
    fixed = repair_pdf_text(raw)
    assert "ƣ" not in fixed and "tư tưởng" in fixed
    assert "phân công" in fixed and "phân c ng" not in fixed
    assert "nói không đi" in fixed
    assert "lộ trình" in fixed and "quá trình" in fixed
    assert "theo dõi" in fixed and "đôn đốc" in fixed


def test_clean_text_is_not_touched_by_pdf_repairs():
    text = "Ban Tuyên giáo Tỉnh ủy chủ trì; C, PC Văn phòng; T/M BAN THƯỜNG VỤ"
    assert repair_pdf_text(text) == text


def test_hard_wrapped_lines_of_seed_004_are_rejoined():
    raw = (CORPUS / "004_701670e4f6488039.txt").read_text(encoding="utf-8")
    blocks = split_blocks(repair_pdf_text(raw))
    purpose = next(b for b in blocks if b.text.startswith("Cụ thể hóa các nội dung"))
    assert "Kế hoạch số 29-KH/TU" in purpose.text  # "Kế" and "hoạch" were on two lines
    assert (purpose.line_start, purpose.line_end) == (34, 42)
    assert any(b.text == "1. Mục đích" for b in blocks)  # a heading line stays alone
    # Paragraphs end where a sentence ends and the next line starts a new one.
    assert any(b.text.startswith("Từng bước đưa việc học tập") for b in blocks)


def test_normal_files_keep_one_paragraph_per_line():
    blocks = split_blocks("I. MỤC ĐÍCH\n\n- Một.\n- Hai, tiếp tục\nở dòng sau.\n\nBa")
    assert [b.text for b in blocks] == ["I. MỤC ĐÍCH", "- Một.", "- Hai, tiếp tục ở dòng sau.", "Ba"]
