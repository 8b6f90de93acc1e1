"""The header and the signature in the layouts copies of real documents come in: a header table
flattened on one line, a parent and its unit on one line, a signature that runs on into what
follows it, a name with no blank line before a portal's footer, a resolution dated only by its
adoption sentence. Each text here is small and written for the test; the real files that showed
these layouts are in tests/data/real/ (see test_real_documents.py)."""

from __future__ import annotations

from rag.structure.passages import parse_document

from .kept import lost_lines

BODY = "Căn cứ Luật Tổ chức chính quyền địa phương;\nĐiều 1. Phạm vi\nQuyết định này quy định việc phân cấp.\n"
SIGNED = "Nơi nhận:\n- Như Điều 1;\n- Lưu: VT.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn An\n"


def meta(text: str):
    return parse_document("x.txt", text).meta


def test_a_header_table_flattened_on_one_line_keeps_its_issuer():
    flat = "**ỦY BAN NHÂN DÂN** TỈNH ĐẮK LẮK ------- **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM** Độc lập - Tự do - Hạnh phúc --------------- Số: 12/2025/QĐ-UBND *Đắk Lắk, ngày 19 tháng 11 năm 2025*\n"
    got = meta(flat + "**QUYẾT ĐỊNH**\nPHÂN CẤP THẨM QUYỀN\n" + BODY + SIGNED)
    assert (got.issuer, got.number, got.date, got.place, got.doc_type) == ("ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK", "12/2025/QĐ-UBND", "2025-11-19", "Đắk Lắk", "QUYẾT ĐỊNH")
    numbered_first = "------------------ Số: 1661/NQ-UBTVQH15 | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n"  # no issuer in the cell
    assert meta(numbered_first + "QUYẾT ĐỊNH\nPHÂN CẤP\n" + BODY).issuer == ""


def test_a_parent_and_its_unit_on_one_line_are_parent_and_issuer():
    for cell, issuer, parent in (
        ("BỘ TÀI CHÍNH TỔNG CỤC HẢI QUAN", "TỔNG CỤC HẢI QUAN", "BỘ TÀI CHÍNH"),
        ("UBND THÀNH PHỐ HÀ NỘI SỞ GIÁO DỤC VÀ ĐÀO TẠO", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "UBND THÀNH PHỐ HÀ NỘI"),
        ("ỦY BAN THƯỜNG VỤ QUỐC HỘI", "ỦY BAN THƯỜNG VỤ QUỐC HỘI", ""),  # "ỦY BAN", "THƯỜNG VỤ": one name
        ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH GIA LAI", "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH GIA LAI", ""),
    ):
        text = f"{cell} ------- CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc\nSố: 778/TCHQ-GSQL\nHà Nội, ngày 13 tháng 02 năm 2017\nKính gửi: Cục Hải quan các tỉnh.\nĐể bảo đảm việc trao đổi thông tin.\n"
        got = meta(text)
        assert (got.issuer, got.issuer_parent) == (issuer, parent), cell


def test_a_signature_that_runs_on_ends_at_the_name():
    attached = "KT. BỘ TRƯỞNG THỨ TRƯỞNG Đinh Trung Tụng KẾ HOẠCH TRIỂN KHAI CHƯƠNG TRÌNH PHỐI HỢP (Ban hành kèm theo Quyết định)\nI. MỤC ĐÍCH\nBám sát chương trình.\n"
    text = "BỘ TƯ PHÁP\nQUYẾT ĐỊNH\nBAN HÀNH KẾ HOẠCH\n" + BODY + "Nơi nhận:\n- Như Điều 3;\n- Lưu: VT.\n" + attached
    doc = parse_document("x.txt", text)
    assert (doc.meta.signer, doc.meta.signer_role) == ("Đinh Trung Tụng", "KT. BỘ TRƯỞNG THỨ TRƯỞNG")
    assert any(p.text.startswith("KẾ HOẠCH TRIỂN KHAI CHƯƠNG TRÌNH") for p in doc.passages)  # the plan is text
    assert lost_lines(text) == []

    stamp = "KT. THỦ TƯỚNG\nPHÓ THỦ TƯỚNG\nPhạm Thị Thanh Trà Ký bởi: CÔNG BÁO Cơ quan: VĂN PHÒNG CHÍNH PHỦ\n"
    assert meta("THỦ TƯỚNG CHÍNH PHỦ\nQUYẾT ĐỊNH\nBAN HÀNH KẾ HOẠCH\n" + BODY + stamp).signer == "Phạm Thị Thanh Trà"


def test_a_name_below_its_role_ends_its_block_without_a_blank_line():
    footer = "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nTrương Cảnh Tuyên\nQuyết định 38/2025/QĐ-UBND phân cấp lĩnh vực thương mại cho Sở Công Thương\n"
    text = "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ CẦN THƠ\nQUYẾT ĐỊNH\nVỀ VIỆC PHÂN CẤP\n" + BODY + footer
    assert meta(text).signer == "Trương Cảnh Tuyên"
    assert lost_lines(text) == []
    assert meta("BỘ TƯ PHÁP\nQUYẾT ĐỊNH\nBAN HÀNH\n" + BODY + "KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n( Đã ký) Lê Thành Long\n").signer == "Lê Thành Long"


def test_the_enacting_line_is_not_part_of_the_summary():
    for issuer, enacting in (("THỦ TƯỚNG CHÍNH PHỦ", "THỦ TƯỚNG CHÍNH PHỦ"), ("BỘ NỘI VỤ", "BỘ TRƯỞNG BỘ NỘI VỤ")):
        text = f"{issuer}\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 2536/QĐ-TTg\nHà Nội, ngày 20 tháng 11 năm 2025\nQUYẾT ĐỊNH\nVỀ VIỆC CHUYỂN TRƯỜNG ĐẠI HỌC\nCÔNG NGHIỆP HÀ NỘI\n{enacting}\n{BODY}"
        assert meta(text).title == "VỀ VIỆC CHUYỂN TRƯỜNG ĐẠI HỌC CÔNG NGHIỆP HÀ NỘI", enacting
        assert lost_lines(text) == []
    # A summary that ends on the issuer's name after "CỦA" keeps it: it is the summary's own words.
    text = "ỦY BAN NHÂN DÂN TỈNH NGHỆ AN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 1/KH-UBND\nNghệ An, ngày 2 tháng 3 năm 2025\nKẾ HOẠCH\nTHỰC HIỆN CHƯƠNG TRÌNH\nCỦA ỦY BAN NHÂN DÂN TỈNH NGHỆ AN\n" + BODY
    assert meta(text).title == "THỰC HIỆN CHƯƠNG TRÌNH CỦA ỦY BAN NHÂN DÂN TỈNH NGHỆ AN"


def test_the_place_does_not_reach_into_the_cell_above_the_date():
    head = "UBND THÀNH PHỐ HÀ NỘI\nSỞ GIÁO DỤC VÀ ĐÀO TẠO\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 5095/SGDĐT-VP\n"
    apart = head + "*V/v kiểm soát ô nhiễm trên địa bàn Thành phố*\n*Hà Nội, ngày 03 tháng 12 năm 2025*\nKính gửi: Các trường.\nĐề nghị thực hiện.\n"
    cut = head + "*Thành phố Hồ\nChí Minh, ngày 18 tháng 11 năm 2025*\nKính gửi: Các trường.\nĐề nghị thực hiện.\n"
    assert (meta(apart).place, meta(cut).place) == ("Hà Nội", "Thành phố Hồ Chí Minh")


def test_a_resolution_is_dated_by_its_adoption_sentence():
    text = "NGHỊ QUYẾT\nVề việc sắp xếp các đơn vị hành chính cấp xã\nCăn cứ Hiến pháp;\nĐiều 1. Sắp xếp\nSắp xếp các xã.\n\n*Nghị quyết này được Ủy ban Thường vụ Quốc hội khóa XV thông qua ngày 16 tháng** 6** năm 2025.*\n\nTM. ỦY BAN THƯỜNG VỤ QUỐC HỘI\nCHỦ TỊCH\nTrần Thanh Mẫn\n"
    got = meta(text)
    assert (got.date, got.signer) == ("2025-06-16", "Trần Thanh Mẫn")
    dated = text.replace("NGHỊ QUYẾT\n", "Hà Nội, ngày 01 tháng 7 năm 2025\nNGHỊ QUYẾT\n")
    assert meta(dated).date == "2025-07-01"  # a header date comes first


def test_a_signer_printed_in_capitals():
    head = "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HÀ NỘI\nQUYẾT ĐỊNH\nVỀ VIỆC PHÂN CẤP\n" + BODY + "Nơi nhận:\n- Như Điều 1;\n- Lưu: VT.\n"
    got = meta(head + "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNGUYỄN VĂN AN\n")
    assert (got.signer, got.signer_role) == ("NGUYỄN VĂN AN", "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH")
    # A role cut by a line break ("… THÀNH PHỐ" / "HÀ NỘI") is no name: the name after it is.
    got = meta(head + "TM. ỦY BAN NHÂN DÂN THÀNH PHỐ\nHÀ NỘI\nCHỦ TỊCH\nTrần Sỹ Thanh\n")
    assert (got.signer, got.signer_role) == ("Trần Sỹ Thanh", "TM. ỦY BAN NHÂN DÂN THÀNH PHỐ / HÀ NỘI / CHỦ TỊCH")
    got = meta(head + "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nLÂM ĐỒNG VĂN\nTrần Sỹ Thanh\n")  # a family name alone decides nothing
    assert got.signer == "Trần Sỹ Thanh"


def test_units_below_a_department_or_a_district():
    for cell, issuer, parent in (
        ("SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG CHI CỤC KIỂM LÂM", "CHI CỤC KIỂM LÂM", "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG"),
        ("ỦY BAN NHÂN DÂN HUYỆN ĐỨC TRỌNG\nPHÒNG GIÁO DỤC VÀ ĐÀO TẠO", "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO", "ỦY BAN NHÂN DÂN HUYỆN ĐỨC TRỌNG"),
        ("ĐẢNG BỘ TỈNH ĐẮK LẮK ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH", "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH", "ĐẢNG BỘ TỈNH ĐẮK LẮK"),
    ):
        got = meta(f"{cell}\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 12/KH-CCKL\nLâm Đồng, ngày 2 tháng 3 năm 2025\nKẾ HOẠCH\nphòng cháy rừng\n- Tuần tra.\n")
        assert (got.issuer, got.issuer_parent) == (issuer, parent), cell


def test_a_portal_copy_with_its_table_rows_flattened():
    """The header and the closing each one row of a table, cells glued or split by "|"."""
    text = (
        "CHÍNH PHỦ------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAMĐộc lập - Tự do - Hạnh phúc--------------- |\n"
        "Số: 16/2025/NĐ-CP |\n\n**NGHỊ ĐỊNH**\n\nSỬA ĐỔI NGHỊ ĐỊNH SỐ 72/2020/NĐ-CP\n\n*Căn cứ Luật Tổ chức Chính phủ;*\n\n"
        "**Điều 1. Hiệu lực thi hành**\n\nNghị định này có hiệu lực từ ngày ký.\n\n"
        "- Thủ tướng, các Phó Thủ tướng Chính phủ; - Các bộ, cơ quan ngang bộ; - Lưu: VT, NC (02). MC |\n( Đã ký) Lê Thành Long |\n"
    )
    doc = parse_document("x.txt", text)
    assert (doc.meta.issuer, doc.meta.number, doc.meta.signer) == ("CHÍNH PHỦ", "16/2025/NĐ-CP", "Lê Thành Long")
    assert doc.meta.recipients and not any("Lưu" in p.text or "Đã ký" in p.text for p in doc.passages)
    assert lost_lines(text) == []


def test_a_resolution_named_only_by_its_enacting_line():
    text = (
        "------------------ Số: 1661/NQ-UBTVQH15 | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n\n**NGHỊ QUYẾT**\n\n"
        "**Về việc sắp xếp các đơn vị hành chính cấp xã**\n\n------------------\n\n**ỦY BAN THƯỜNG VỤ QUỐC HỘI**\n\n"
        "*Căn cứ Hiến pháp;*\n\n**Điều 1. Sắp xếp**\n\nSắp xếp các xã.\n\n"
        "- Chính phủ; - Ban Tổ chức Trung ương; - Lưu: HC, PLTP. | TM. ỦY BAN THƯỜNG VỤ QUỐC HỘI CHỦ TỊCH\nTrần Thanh Mẫn |\n"
    )
    got = meta(text)
    assert (got.issuer, got.signer, got.signer_role) == ("ỦY BAN THƯỜNG VỤ QUỐC HỘI", "Trần Thanh Mẫn", "TM. ỦY BAN THƯỜNG VỤ QUỐC HỘI CHỦ TỊCH")
    assert meta(text.replace("**ỦY BAN THƯỜNG VỤ QUỐC HỘI**", "**BỘ TRƯỞNG BỘ TƯ PHÁP**")).issuer == "BỘ TƯ PHÁP"
    assert lost_lines(text) == []


def test_recipients_beside_the_role_or_underlined():
    body = "BAN TỔ CHỨC\nHƯỚNG DẪN\nnghiệp vụ công tác đảng viên\n- Căn cứ Điều lệ Đảng;\n1. Kết nạp đảng viên\nThực hiện đúng quy trình.\n"
    beside = "  Nơi nhận:  K/T TRƯỞNG BAN  \n- Ban Bí thư (để báo cáo),  PHÓ \nTRƯỞNG BAN  \n- Lưu VP.  \n  \nNguyễn Thanh Bình\n"
    got = meta(body + beside)
    assert (got.signer, got.recipients[0]) == ("Nguyễn Thanh Bình", "Ban Bí thư (để báo cáo)")
    underlined = "__Nơi nhận__:\n- Các tỉnh ủy,\n- Lưu Văn phòng.\n\n**K/T CHÁNH\nVĂN PHÒNG**\nPHÓ CHÁNH VĂN PHÒNG\n**Lâm Thị Phương Thanh**\n"
    doc = parse_document("x.txt", body + "\n" + underlined)
    assert doc.meta.recipients == ("Các tỉnh ủy", "Lưu Văn phòng") and not any("Nơi nhận" in p.text for p in doc.passages)


def test_the_header_lines_read_into_the_fields_are_kept_as_written():
    """The motto and a one-row table ("| Số: … V/v … | Đắk Lắk, ngày … |") are read into fields and
    kept as written in ``header_lines``, without the copy's pipes, "**", rules and spaces."""
    head = (
        "| ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n"
        "| **SỞ NỘI VỤ** | **Độc lập - Tự do - Hạnh phúc** |\n"
        "| ------- | --------------- |\n"
        "| Số: 12/SNV-TCBC V/v báo cáo số lượng  công chức cấp xã năm 2026 | *Đắk Lắk, ngày 5 tháng 3 năm 2026* |\n"
        "|  |  |\n"
        "Kính gửi: Ủy ban nhân dân các xã, phường.\n"
    )
    body = "Sở Nội vụ đề nghị các xã báo cáo số lượng công chức trước ngày 20/3/2026.\n"
    doc = parse_document("cv.txt", head + body + SIGNED)
    got = doc.meta
    assert (got.issuer, got.issuer_parent, got.number, got.place, got.date) == ("SỞ NỘI VỤ", "ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK", "12/SNV-TCBC", "Đắk Lắk", "2026-03-05")
    assert got.header_lines == (
        "ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "SỞ NỘI VỤ Độc lập - Tự do - Hạnh phúc",
        "Số: 12/SNV-TCBC V/v báo cáo số lượng công chức cấp xã năm 2026 Đắk Lắk, ngày 5 tháng 3 năm 2026",
        "Kính gửi: Ủy ban nhân dân các xã, phường.",
        *SIGNED.splitlines(),
    )
    assert [p.text for p in doc.passages] == [body.strip()]  # header lines are in no passage
    assert type(got).from_dict(got.to_dict()) == got
    assert lost_lines(head + body + SIGNED) == []


def test_a_signature_run_on_into_text_keeps_only_its_own_words_as_header_line():
    attached = "KT. BỘ TRƯỞNG THỨ TRƯỞNG Đinh Trung Tụng KẾ HOẠCH TRIỂN KHAI CHƯƠNG TRÌNH PHỐI HỢP\nI. MỤC ĐÍCH\nBám sát chương trình.\n"
    doc = parse_document("x.txt", "BỘ TƯ PHÁP\nQUYẾT ĐỊNH\nBAN HÀNH KẾ HOẠCH\n" + BODY + "Nơi nhận:\n- Như Điều 3;\n- Lưu: VT.\n" + attached)
    assert doc.meta.header_lines[-1] == "KT. BỘ TRƯỞNG THỨ TRƯỞNG Đinh Trung Tụng"  # the plan's title is a passage
    assert doc.meta.header_lines[:3] == ("BỘ TƯ PHÁP", "QUYẾT ĐỊNH", "BAN HÀNH KẾ HOẠCH")
