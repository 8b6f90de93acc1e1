from rag.structure.passages import parse_document, passage_index_text, split_long

from .conftest import CORPUS


def parse(name: str):
    path = next(CORPUS.glob(f"{name}_*.txt"))
    return parse_document(path.name, path.read_text(encoding="utf-8"))


def test_metadata_of_the_seeds():
    doc = parse("003")
    assert doc.meta.doc_type == "KẾ HOẠCH"
    assert doc.meta.number == "45-KH/TU"
    assert doc.meta.title.startswith("thực hiện việc học tập và làm theo tư tưởng")
    assert doc.meta.issuer == "Ban Thường vụ Thị ủy"
    assert doc.meta.signer == "Bùi Văn Lý"
    assert "PHÓ BÍ THƯ" in doc.meta.signer_role
    assert "Trung tâm Chính trị thị xã" in doc.meta.recipients

    dated = parse("002").meta
    assert (dated.place, dated.date) == ("Lạng Sơn", "2022-02")  # the day was left blank
    assert parse("001").meta.number == ""  # "Kết luận số 01-KL/TW" in the title is not its number
    assert parse("004").meta.signer == "Lương Văn Mừng"  # PDF "ƣ" repaired


def test_closing_blocks_are_metadata_not_passages():
    for name in ("000", "001", "002", "003", "004"):
        doc = parse(name)
        texts = " ".join(p.text for p in doc.passages)
        assert "Nơi nhận" not in texts and "T/M BAN THƯỜNG VỤ" not in texts and "Lưu Văn phòng" not in texts
        assert doc.meta.recipients, name


def test_heading_paths_and_line_spans():
    doc = parse("000")
    lead = next(p for p in doc.passages if p.text.startswith("Tỉnh ủy chủ trì Hội nghị trực tiếp"))
    assert lead.section_path[0] == "II- NỘI DUNG THỰC HIỆN"
    assert lead.section_path[-1] == "1.1. Đối với cấp tỉnh"
    assert (lead.line_start, lead.line_end) == (31, 31)
    # A numbered heading glued to the previous one by markdown ("**I- …****1. Mục đích**") is split.
    purpose = next(p for p in doc.passages if p.text.startswith("- Nhận thức sâu sắc"))
    assert purpose.section_path == ("I- MỤC ĐÍCH, YÊU CẦU", "1. Mục đích")
    # Items under "4. Giao Ban Tuyên giáo Tỉnh ủy" inherit it in their path.
    duty = next(p for p in doc.passages if p.text.startswith("- Biên soạn và phát hành tài liệu"))
    assert duty.section_path[-1] == "4. Giao Ban Tuyên giáo Tỉnh ủy"


def test_short_items_are_indexed_with_the_item_they_complete():
    doc = parse("004")
    deadline = next(p for p in doc.passages if p.text == "- Thời gian hoàn thành: trước 31/3/2022.")
    assert "đăng ký nội dung đột phá" in deadline.context
    indexed = passage_index_text(deadline)
    assert indexed.startswith("II. NỘI DUNG THỰC HIỆN › 2.") and "trước 31/3/2022" in indexed
    assert "đăng ký nội dung đột phá" not in deadline.text  # display text is the item itself


def test_evident_typo_is_kept_as_written():
    doc = parse("003")
    assert any("trước ngày 15/3/2021" in p.text for p in doc.passages)


def test_preamble_is_labelled_as_the_legal_basis():
    doc = parse("002")
    first = doc.passages[0]
    assert first.text.startswith("Thực hiện Hướng dẫn số 37-HD/BTGTW")
    assert first.section_path == ("Căn cứ ban hành",)


def test_every_body_line_lands_in_some_passage():
    doc = parse("002")
    assert len(doc.passages) > 50
    assert all(0 < len(p.text) <= 1500 for p in doc.passages)
    assert all(p.line_start <= p.line_end for p in doc.passages)


def test_long_items_split_at_sentence_ends():
    text = " ".join(f"Câu số {i} nói về việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh." for i in range(40))
    pieces = split_long(text, limit=400)
    assert len(pieces) > 3 and all(len(p) <= 500 for p in pieces)
    assert " ".join(pieces) == text
