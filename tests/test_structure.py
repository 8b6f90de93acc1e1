import pytest

from rag.errors import DocumentReadError
from rag.store.corpus import read_corpus
from rag.structure.layout import split_blocks
from rag.structure.passages import NEWS_TITLE, parse_document, passage_index_text, split_long

from .conftest import CORPUS
from .kept import lost_lines


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


def test_every_line_lands_in_a_passage_or_the_metadata():
    doc = parse("002")
    assert len(doc.passages) > 50
    assert all(0 < len(p.text) <= 1500 for p in doc.passages)
    assert all(p.line_start <= p.line_end for p in doc.passages)
    for path in sorted(CORPUS.glob("*.txt")):
        assert lost_lines(path.read_text(encoding="utf-8"), path.name) == [], path.name


# --- ways text used to vanish, each in a few lines ----------------------------------------------

SIGNATURE = "Nơi nhận:\n- Như trên;\n- Lưu VP.\nT/M BAN THƯỜNG VỤ\nBÍ THƯ\nNguyễn Văn An\n"


def test_a_type_line_with_its_number_is_the_type_line():
    # Not exactly a type word, and a later line is one: the document used to be all header.
    text = (
        "ĐẢNG BỘ TỈNH ĐẮK LẮK\nĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH\n*\nĐẢNG CỘNG SẢN VIỆT NAM\n"
        "Đắk Lắk, ngày 05 tháng 3 năm 2025\nHƯỚNG DẪN SỐ 05-HD/ĐUK\nvề sinh hoạt chi bộ\n"
        "I. MỤC ĐÍCH\n- Nâng cao chất lượng sinh hoạt chi bộ.\nCHƯƠNG TRÌNH\n- Chi bộ họp mỗi tháng một lần.\n" + SIGNATURE
    )
    doc = parse_document("hd.txt", text)
    assert (doc.meta.doc_type, doc.meta.number, doc.meta.date) == ("HƯỚNG DẪN", "05-HD/ĐUK", "2025-03-05")
    assert (doc.meta.issuer, doc.meta.issuer_parent) == ("ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH", "ĐẢNG BỘ TỈNH ĐẮK LẮK")
    texts = [p.text for p in doc.passages]
    assert "- Nâng cao chất lượng sinh hoạt chi bộ." in texts and "- Chi bộ họp mỗi tháng một lần." in texts
    assert lost_lines(text) == []


def test_capital_lines_that_start_like_a_signature_do_not_end_the_body():
    text = (
        "KẾ HOẠCH\nhọc tập chuyên đề năm 2025\n\nI. NỘI DUNG\n\nCHỦ TỊCH HỒ CHÍ MINH VỚI CÔNG TÁC CÁN BỘ\n\n"
        "- Nghiên cứu tác phẩm của Người về cán bộ.\n\nBÍ THƯ CHI BỘ GƯƠNG MẪU\n\n- Bí thư chi bộ nêu gương trước đảng viên.\n\n"
        "Nơi nhận báo cáo: Ban Tuyên giáo Tỉnh ủy, trước ngày 30/6/2025.\n\n- Các chi bộ gửi báo cáo đúng hạn.\n\n" + SIGNATURE
    )
    doc = parse_document("kh.txt", text)
    kept = " ".join(p.text + " " + " ".join(p.section_path) for p in doc.passages)
    for words in ("CHỦ TỊCH HỒ CHÍ MINH", "BÍ THƯ CHI BỘ GƯƠNG MẪU", "Nơi nhận báo cáo", "đúng hạn"):
        assert words in kept
    assert doc.meta.signer == "Nguyễn Văn An" and doc.meta.recipients == ("Như trên", "Lưu VP")
    assert lost_lines(text) == []


def test_text_after_the_signature_is_passages_with_their_own_path():
    text = (
        "QUYẾT ĐỊNH\nban hành Quy định về học tập\n\nĐiều 1. Ban hành kèm theo Quyết định này Quy định về học tập.\n\n"
        + SIGNATURE
        + "\nQUY ĐỊNH\nvề học tập của cán bộ\n(Ban hành kèm theo Quyết định số 12-QĐ/TU ngày 01/3/2025)\n"
        "Điều 1. Phạm vi\nQuy định này áp dụng với cán bộ chủ chốt.\n\n"
        "PHỤ LỤC\nPHÂN BỔ CHỈ TIÊU\n- Huyện A: 10 người.\n- Huyện B: 12 người.\n"
    )
    doc = parse_document("qd.txt", text)
    paths = {p.text: p.section_path for p in doc.passages}
    assert paths["Quy định này áp dụng với cán bộ chủ chốt."] == ("QUY ĐỊNH", "Điều 1. Phạm vi")
    assert paths["- Huyện B: 12 người."][0] == "PHỤ LỤC"
    assert doc.meta.signer == "Nguyễn Văn An"
    assert lost_lines(text) == []


def test_a_separator_after_the_preamble_does_not_make_it_header():
    text = "KẾ HOẠCH\nVề việc tổ chức hội nghị\nThực hiện Chỉ thị số 05-CT/TW, Ban Thường vụ xây dựng kế hoạch.\n-----\nI. MỤC ĐÍCH\n- Quán triệt sâu sắc.\n"
    doc = parse_document("kh.txt", text)
    assert doc.meta.title == "Về việc tổ chức hội nghị"
    assert doc.passages[0].text.startswith("Thực hiện Chỉ thị số 05-CT/TW")
    assert lost_lines(text) == []


def test_short_paragraphs_after_the_type_line_are_not_all_title():
    text = "KẾ HOẠCH\nTổ chức hội nghị tổng kết\nNăm 2024 các chi bộ đạt kết quả tốt.\nCần phát huy.\nCần khắc phục hạn chế.\n- Tổ chức hội nghị trong quý I.\n"
    doc = parse_document("kh.txt", text)
    assert doc.meta.title == "Tổ chức hội nghị tổng kết"
    assert [p.text for p in doc.passages][:3] == ["Năm 2024 các chi bộ đạt kết quả tốt.", "Cần phát huy.", "Cần khắc phục hạn chế."]


def test_a_sentence_cut_by_a_line_break_is_one_paragraph():
    text = "NGHỊ ĐỊNH\nquy định về bồi dưỡng\nCăn cứ Luật Tổ chức Chính phủ số 63/2025/QH15, ngày\n18 tháng 02 năm 2025;\nĐiều 1. Phạm vi\nNghị định này quy định về bồi dưỡng.\n"
    texts = [p.text for p in parse_document("nd.txt", text).passages]
    assert "Căn cứ Luật Tổ chức Chính phủ số 63/2025/QH15, ngày 18 tháng 02 năm 2025;" in texts


def test_state_and_party_numbers():
    def header(number_line: str) -> str:
        return f"ỦY BAN NHÂN DÂN\nTỈNH ĐẮK LẮK\n| CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n{number_line}\n*Đắk Lắk, ngày 18\ntháng 11 năm 2025*\nKẾ HOẠCH\nphòng chống thiên tai\n- Làm tốt.\n"

    for line, number in (("Số: 0204/KH-UBND", "0204/KH-UBND"), ("Số: /KH-UBND", "/KH-UBND"), ("| Số: 16/2025/NĐ-CP |", "16/2025/NĐ-CP"), ("Số 221-KL/TW", "221-KL/TW")):
        meta = parse_document("x.txt", header(line)).meta
        assert (meta.number, meta.issuer, meta.place, meta.date) == (number, "ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK", "Đắk Lắk", "2025-11-18"), line


def test_a_document_without_passages_is_named_by_the_build(tmp_path):
    """Never indexed empty without a word: left out and listed with its reason, or refused (strict)."""
    (tmp_path / "ok.txt").write_text("KẾ HOẠCH\nhọc tập\n\n- Học tập chuyên đề.\n", encoding="utf-8")
    (tmp_path / "chi-dau.txt").write_text("KẾ HOẠCH\nhọc tập chuyên đề năm 2025\n", encoding="utf-8")
    corpus = read_corpus(tmp_path)
    assert list(corpus.documents) == ["ok.txt"]
    assert [(r.file, r.reason) for r in corpus.rejected] == [("chi-dau.txt", "no-passages")]
    with pytest.raises(DocumentReadError) as caught:
        read_corpus(tmp_path, strict=True)
    assert caught.value.reason == "no-passages" and "chi-dau.txt" in str(caught.value)


def test_long_items_split_at_sentence_ends():
    text = " ".join(f"Câu số {i} nói về việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh." for i in range(40))
    pieces = split_long(text, limit=400)
    assert len(pieces) > 3 and all(len(p) <= 500 for p in pieces)
    assert " ".join(pieces) == text


def test_an_article_whose_label_alone_is_bold_has_no_title_and_its_wrapped_sentence_goes_on():
    text = (
        "**Điều 1.** Chuyển Trường Cao đẳng\nKỹ thuật Miền Trung thành Trường Đại học Kỹ thuật Miền Trung.\n"
        "**Điều 2. Phạm vi điều chỉnh**\nQuyết định này quy định việc chuyển đổi.\n"
    )
    blocks = [block.text for block in split_blocks(text, wrapped=True, spaced=False)]
    assert blocks[0] == "**Điều 1.** Chuyển Trường Cao đẳng Kỹ thuật Miền Trung thành Trường Đại học Kỹ thuật Miền Trung."
    assert blocks[1:] == ["**Điều 2. Phạm vi điều chỉnh**", "Quyết định này quy định việc chuyển đổi."]


def test_a_labelled_field_reads_with_the_item_it_describes_not_the_field_before_it():
    text = (
        "KẾ HOẠCH\nHọc tập chuyên đề\nI. TỔ CHỨC HỘI NGHỊ\n"
        "Ban Thường vụ Huyện ủy tổ chức hội nghị quán triệt chuyên đề cho cán bộ chủ chốt của huyện.\n"
        "- Thành phần: Ủy viên Ban Chấp hành Đảng bộ huyện.\n"
        "- Nội dung:\n+ Chuyên đề 1: Xây dựng đội ngũ cán bộ.\n+ Chuyên đề 2: Nêu gương.\n"
        "- Thời gian: Quý II/2026.\n- Địa điểm: Hội trường Huyện ủy.\n"
        "- Thời gian nghiên cứu, học tập, quán triệt: ½ ngày; hoàn thành trong tháng 5/2026 ở tất cả các cấp.\n"
        "- Tổ chức sinh hoạt chuyên đề tại các chi bộ theo hướng dẫn của Ban Tuyên giáo Huyện ủy, gắn với nhiệm vụ của đơn vị.\n"
    )
    passages = parse_document("kh.txt", text).passages
    by_text = {p.text: p for p in passages}
    event = "Ban Thường vụ Huyện ủy tổ chức hội nghị quán triệt chuyên đề cho cán bộ chủ chốt của huyện."
    assert by_text["- Địa điểm: Hội trường Huyện ủy."].context == event
    assert by_text["- Thời gian: Quý II/2026."].context == event
    assert by_text["- Nội dung:"].context == ""  # a bare label heads its own items: it takes no event text
    # A long label with a short value says as little as "- Thời gian: ½ ngày"; a long item stands alone.
    assert by_text["- Thời gian nghiên cứu, học tập, quán triệt: ½ ngày; hoàn thành trong tháng 5/2026 ở tất cả các cấp."].context == event
    assert by_text["- Tổ chức sinh hoạt chuyên đề tại các chi bộ theo hướng dẫn của Ban Tuyên giáo Huyện ủy, gắn với nhiệm vụ của đơn vị."].context == ""
    assert "Hội trường Huyện ủy" in passage_index_text(by_text["- Địa điểm: Hội trường Huyện ủy."]) and "cán bộ chủ chốt" in passage_index_text(by_text["- Địa điểm: Hội trường Huyện ủy."])


def test_the_items_of_a_list_read_with_the_lead_in_that_announces_them():
    text = (
        "KẾ HOẠCH\nSinh hoạt chuyên đề\nII. NỘI DUNG\n"
        "2.1. Nội dung: Ban Thường vụ Huyện ủy gợi ý chủ điểm sinh hoạt chuyên đề hằng quý tại chi bộ như sau:\n"
        "- Quý III/2026: Học tập và làm theo gương đạo đức về tinh thần đoàn kết, gắn bó với nhân dân ở cơ sở.\n"
        "- Quý IV/2026: Học tập và làm theo gương đạo đức về tinh thần tiết kiệm, chống lãng phí trong cơ quan.\n"
        "2.2. Hình thức: Sinh hoạt lồng ghép với sinh hoạt chi bộ thường kỳ.\n"
    )
    by_text = {p.text[:12]: p for p in parse_document("kh.txt", text).passages}
    lead_in = "2.1. Nội dung: Ban Thường vụ Huyện ủy gợi ý chủ điểm sinh hoạt chuyên đề hằng quý tại chi bộ như sau:"
    assert by_text["- Quý III/20"].context == lead_in and by_text["- Quý IV/202"].context == lead_in
    assert "chủ điểm" in passage_index_text(by_text["- Quý IV/202"])
    assert by_text["2.2. Hình th"].context == ""  # the next heading's paragraph announces nothing


def test_a_news_portals_summary_above_the_document_is_kept_under_its_own_heading():
    text = (
        "## Khẩn trương rà soát các dự án tồn đọng\n"
        "**Ngày 26/11/2025, Thủ tướng Chính phủ ban hành Công điện 230/CĐ-TTg về việc rà soát các dự án.**\n"
        "- Cơ quan thanh tra hoàn thành kết luận thanh tra trước ngày 26/11/2025.\n"
        "Xem thêm Công điện 230/CĐ-TTg ban hành ngày 26/11/2025.\n"
        "THỦ TƯỚNG CHÍNH PHỦ\nSố: 230/CĐ-TTg\nHà Nội, ngày 26 tháng 11 năm 2025\nCÔNG ĐIỆN\nVề việc rà soát các dự án tồn đọng\n"
        "1. Cơ quan thanh tra khẩn trương hoàn thành việc thanh tra trước ngày 26/11/2025.\n"
    )
    parsed = parse_document("cd.txt", text)
    news = [p for p in parsed.passages if p.section_path == (NEWS_TITLE,)]
    # The summary's four lines, and nothing after "Xem thêm …", are under the news heading.
    assert sorted({line for p in news for line in range(p.line_start, p.line_end + 1)}) == [1, 2, 3, 4]
    assert any(p.text.startswith("1. Cơ quan thanh tra") and p.section_path != (NEWS_TITLE,) for p in parsed.passages)
    assert parsed.meta.number == "230/CĐ-TTg"


def test_a_news_summary_with_no_see_more_line_runs_up_to_the_header_lists_included():
    text = (
        "## Bổ sung cửa khẩu cho người nước ngoài\n"
        "**Ngày 2/12/2025, Chính phủ ban hành Nghị quyết 389/NQ-CP bổ sung các cửa khẩu.**\n"
        "- Danh sách cửa khẩu đường hàng không:\n"
        "+ Cửa khẩu Cảng hàng không quốc tế Vinh;\n"
        "+ Cửa khẩu Cảng hàng không quốc tế Chu Lai.\n"
        "CHÍNH PHỦ\nSố: 389/NQ-CP\nHà Nội, ngày 02 tháng 12 năm 2025\nNGHỊ QUYẾT\nVề việc bổ sung cửa khẩu\n"
        "Điều 1. Bổ sung cửa khẩu Cảng hàng không quốc tế Vinh vào danh sách.\n"
    )
    parsed = parse_document("nq.txt", text)
    news = [p for p in parsed.passages if p.section_path[:1] == (NEWS_TITLE,)]
    assert sorted({line for p in news for line in range(p.line_start, p.line_end + 1)}) == [1, 2, 3, 4, 5]
    body = [p for p in parsed.passages if p.line_start > 5]
    assert body and all(p.section_path[:1] != (NEWS_TITLE,) for p in body)  # the decree's own text is not news
    assert parsed.meta.number == "389/NQ-CP"


def test_a_table_then_a_blank_line_then_text_ends_the_table_in_hard_wrapped_text():
    text = (
        "| TT | Nhiệm vụ | Cơ quan chủ trì |\n| 1 | Tập huấn phân loại rác | Sở Nông nghiệp và Môi trường |\n"
        "\nTrên đây là Kế hoạch thu gom chất thải rắn sinh hoạt trên địa bàn tỉnh; các sở, ngành triển\nkhai thực hiện.\n"
    )
    blocks = [block.text for block in split_blocks(text, wrapped=True, spaced=False)]
    assert blocks[-1] == "Trên đây là Kế hoạch thu gom chất thải rắn sinh hoạt trên địa bàn tỉnh; các sở, ngành triển khai thực hiện."
    assert all("Trên đây là" not in block for block in blocks[:-1])
