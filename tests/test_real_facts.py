"""Lead bodies and deadlines of real state and Party documents (tests/data/real/), against labels
written by hand before the rules were read (facts_tune.jsonl: the rules were tuned on it;
facts_report.jsonl: other files, measured once; conventions in FACTS_LABELS.md). Plus the rules
each on sentences written for these tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rag.evaluate import same_body_words, same_deadline_words, score_passage_facts
from rag.records import Facts
from rag.structure.facts import extract_facts, split_named_list
from rag.structure.passages import parse_document

REAL = Path(__file__).resolve().parent / "data" / "real"
DECREE = REAL.parent / "decree_30_2026.txt"


WRITTEN = REAL.parent / "written"
WRITTEN2 = REAL.parent / "written2"


def _scores(labels: str, folder: Path = REAL) -> dict[str, dict[str, float]]:
    rows = [json.loads(line) for line in (folder / labels).read_text(encoding="utf-8").splitlines() if line.strip()]
    parsed = {name: parse_document(name, (folder / name).read_text(encoding="utf-8")) for name in {r["file"] for r in rows}}
    found = []
    for row in rows:
        doc = parsed[row["file"]]
        at = [i for i, p in enumerate(doc.passages) if (p.line_start, p.line_end) == (row["line_start"], row["line_end"]) and p.text.startswith(row["text_head"])]
        assert at, row  # a label names a passage the parser gives
        found.append(doc.facts[at[0]])
    return score_passage_facts(rows, found)


def test_lead_bodies_and_deadlines_on_the_files_tuned_on():
    """91 passages of 24 files: lead 0.91 / 0.96, deadlines 0.97 / 1.00 (before: 0.84 / 0.33, 0.94 / 0.83 on
    its first 49 passages; 0.83 / 0.65, 0.90 / 0.90 on the 42 added later, when they arrived)."""
    scores = _scores("facts_tune.jsonl")
    assert scores["lead"]["precision"] >= 0.9 and scores["lead"]["recall"] >= 0.93, scores
    assert scores["deadlines"]["precision"] >= 0.95 and scores["deadlines"]["recall"] >= 0.97, scores
    assert scores["coordinating"]["precision"] >= 0.95 and scores["coordinating"]["recall"] >= 0.85, scores


def test_lead_bodies_and_deadlines_on_files_not_tuned_on():
    """Before any rule was changed: lead 0.58 precision / 0.22 recall, deadlines 0.71 / 0.86. Measured after
    the first round of tuning: 0.78 / 0.81 and 0.75 / 0.86; after the second (tuned on 42 new passages,
    not on these): 0.78 / 0.78 and 0.75 / 0.86 (docs/quality.md). The floors sit a little under."""
    scores = _scores("facts_report.jsonl")
    assert scores["lead"]["precision"] >= 0.65 and scores["lead"]["recall"] >= 0.78, scores
    assert scores["deadlines"]["precision"] >= 0.7 and scores["deadlines"]["recall"] >= 0.8, scores


def test_lead_bodies_and_deadlines_on_the_round_3_files_tuned_on():
    """45 passages of 15 more files (mostly Quyết định, Nghị quyết, Nghị định, Công văn): lead 0.43 / 0.18,
    deadlines 0.67 / 1.00 when they arrived; 1.00 / 0.76 and 1.00 / 1.00 after round 3."""
    scores = _scores("facts_tune2.jsonl")
    assert scores["lead"]["precision"] >= 0.95 and scores["lead"]["recall"] >= 0.7, scores
    assert scores["deadlines"]["precision"] >= 0.95 and scores["deadlines"]["recall"] >= 0.95, scores
    assert scores["coordinating"]["precision"] >= 0.95 and scores["coordinating"]["recall"] >= 0.95, scores


def test_lead_bodies_and_deadlines_on_the_round_3_report_files_tuned_on_in_round_4():
    """45 passages of 15 other files, measured blind twice: before round 3 lead 0.75 / 0.32, deadlines 0.25 / 1.00
    (one labelled, four found); after it 0.69 / 0.58 and 0.25 / 1.00. Round 4 tuned on their misses: 0.90 / 0.95
    and 1.00 / 1.00 (docs/quality.md)."""
    scores = _scores("facts_report2.jsonl")
    assert scores["lead"]["precision"] >= 0.85 and scores["lead"]["recall"] >= 0.9, scores
    assert scores["deadlines"]["precision"] >= 0.95 and scores["deadlines"]["recall"] >= 0.95, scores


def test_lead_bodies_on_round_4_files_not_tuned_on():
    """81 passages of the 27 files no other set uses, labelled blind: lead 0.765 / 0.600 with round 3's
    rules, 0.788 / 0.600 after round 4 (tuned on the other sets only). Floors a little under."""
    scores = _scores("facts_report3.jsonl")
    assert scores["lead"]["precision"] >= 0.72 and scores["lead"]["recall"] >= 0.55, scores


def test_lead_bodies_and_deadlines_on_documents_written_for_a_blind_test():
    """60 passages of 12 documents written for the test (tests/data/written/README.md), labelled before
    any rule ran on them; measured once with round 4's rules: lead 0.907 / 0.886, coordinating
    0.867 / 0.812, deadlines 0.963 / 0.634 (docs/quality.md); deadline shapes were then added from
    its misses (0.970 / 0.780), so its deadlines are tuned on. Floors a little under the blind measure."""
    scores = _scores("facts_written.jsonl", WRITTEN)
    assert scores["lead"]["precision"] >= 0.85 and scores["lead"]["recall"] >= 0.83, scores
    assert scores["deadlines"]["precision"] >= 0.9 and scores["deadlines"]["recall"] >= 0.58, scores


def test_closings_quotas_and_legal_bases_charge_no_one():
    assert extract_facts("Văn phòng Chính phủ thông báo để Ủy ban nhân dân tỉnh Gia Lai và các Bộ liên quan biết, thực hiện./.").lead == ()
    assert extract_facts("Cục Thuế trả lời để Công ty TNHH An Phát biết./.").lead == ()
    assert extract_facts("Sở Nội vụ; Sở Y tế mỗi đơn vị đề nghị không quá 03 cá nhân.").lead == ()
    assert extract_facts("Xét Tờ trình số 12/TTr-BYT của Bộ Y tế, Phó Thủ tướng có ý kiến như sau:").lead == ()
    assert extract_facts("Ý kiến của đại biểu tại kỳ họp; Hội đồng nhân dân ban hành Nghị quyết quy định mức hỗ trợ.").lead == ()


def test_organs_a_legal_clause_empowers_lead():
    empowered = extract_facts("3. Ủy ban nhân dân cấp xã quyết định việc điều chuyển tài sản.", ("Điều 4. Phân cấp thẩm quyền",))
    assert empowered.lead == ("Ủy ban nhân dân cấp xã",)
    charged = extract_facts("2. Giao Thường trực Hội đồng nhân dân tỉnh, các Ban của Hội đồng nhân dân tỉnh và các Tổ đại biểu giám sát.", ("Điều 5. Tổ chức thực hiện",))
    assert charged.lead == ("Thường trực Hội đồng nhân dân tỉnh", "Ban của Hội đồng nhân dân tỉnh", "Tổ đại biểu")
    assert extract_facts("Thủ tướng Chính phủ giao Bộ Kế hoạch và Đầu tư nghiên cứu, đề xuất.").lead == ("Bộ Kế hoạch và Đầu tư",)


def test_headings_the_name_rules_stop_short_in():
    duty = extract_facts("- Lập bản đồ đất.", ("II. NHIỆM VỤ", "1. Tổng Cục Quản lý ruộng đất có trách nhiệm:"))
    assert duty.lead == ("Tổng Cục Quản lý ruộng đất",)
    bare = extract_facts("a) Theo dõi việc thực hiện.", ("III. TỔ CHỨC THỰC HIỆN", "2. Vụ Pháp chế và quản lý văn bản"))
    assert bare.lead == ("Vụ Pháp chế và quản lý văn bản",)
    sentence = extract_facts("1. Xử lý hàng tồn đọng.", ("II. Cục Hải quan TP.Hồ Chí Minh hướng dẫn Chi cục cảng Cát Lái",))
    assert sentence.lead == ("Cục Hải quan TP.Hồ Chí Minh",)
    items = extract_facts("8. Các Bộ: Tài chính, Văn hóa, Thể thao và Du lịch, Ngoại giao và Tập đoàn Dầu khí khẩn trương rà soát.")
    assert items.lead == ("Bộ Tài chính", "Bộ Văn hóa, Thể thao và Du lịch", "Bộ Ngoại giao", "Tập đoàn Dầu khí")
    assert extract_facts("Các cơ quan thuộc Chính phủ và Chủ tịch Ủy ban nhân dân các tỉnh báo cáo.").lead == (
        "Cơ quan thuộc Chính phủ", "Chủ tịch Ủy ban nhân dân các tỉnh")


def test_an_italic_heading_cut_by_a_line_break_is_one_heading():
    doc = parse_document("ext_033_182_kh_ubnd.txt", (REAL / "ext_033_182_kh_ubnd.txt").read_text(encoding="utf-8"))  # "*2.1. Sở" + "Tài chính*"
    items = [(p, f) for p, f in zip(doc.passages, doc.facts) if "2.1. Sở Tài chính" in p.section_path]
    assert items and all(f.lead == ("Sở Tài chính",) for _, f in items)
    assert not any(p.text.strip(" *") == "Tài chính" for p in doc.passages)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Cử cán bộ tham gia từ tháng 01 năm 2026 đến tháng 12 năm 2027.", ["từ tháng 01 năm 2026 đến tháng 12 năm 2027"]),
        ("Tháng 11 hằng năm, Trung tâm báo cáo kết quả.", ["Tháng 11 hằng năm"]),
        ("+ Thời hạn ban hành: Theo tiến độ được giao của Luật Dữ liệu.", ["Theo tiến độ được giao của Luật Dữ liệu"]),
        ("Chính sách áp dụng trước thời điểm ngày 01 tháng 7 năm 2025.", []),
        ("Kết luận tại Hội nghị toàn quốc sơ kết công tác 6 tháng đầu năm 2025 đã nêu rõ.", []),
        ("Điều chuyển số vốn không có khả năng giải ngân trong năm 2025 cho dự án khác trong Quý I năm 2026.", ["Quý I năm 2026"]),
        ("Duy trì tỷ lệ theo Nghị quyết hằng năm của Hội đồng nhân dân.", []),
        # Shapes the written documents showed (round 5):
        ("- Thời gian tổ chức: dự kiến ngày 12/5/2026.", ["dự kiến ngày 12/5/2026"]),
        ("Tổ chức giải chạy từ tháng 4 đến tháng 6/2026 tại các phường.", ["từ tháng 4 đến tháng 6/2026"]),
        ("Các xã báo cáo nhanh trước 16 giờ 30 phút ngày 03/11/2026.", ["trước 16 giờ 30 phút ngày 03/11/2026"]),
        ("Sở Tư pháp trả lời chậm nhất 05 ngày làm việc kể từ ngày nhận hồ sơ.", ["chậm nhất 05 ngày làm việc kể từ ngày nhận hồ sơ"]),
        ("Căn cứ Quyết định ngày 12/5/2026 của Ủy ban nhân dân tỉnh.", []),
        ("Học kỳ kéo dài từ tháng 9 đến tháng 1/2027.", []),  # no span runs backwards within a year
    ],
)
def test_round_3_deadlines(text, want):
    assert [d.text for d in extract_facts(text).deadlines] == want


def test_the_organ_a_power_is_delegated_to_leads_not_the_one_delegating():
    assert extract_facts("Ban Thường vụ Huyện ủy ủy quyền cho Ban Tổ chức Huyện ủy quyết định chuyển sinh hoạt đảng.").lead == ("Ban Tổ chức Huyện ủy",)
    delegated = extract_facts("1. Ủy ban nhân dân tỉnh phân cấp thẩm quyền phê duyệt dự toán mua sắm cho Ủy ban nhân dân cấp xã.", ("Điều 2. Phân cấp",))
    assert delegated.lead == ("Ủy ban nhân dân cấp xã",)
    staff = extract_facts("b) Giải quyết thủ tục được ủy quyền cho cán bộ, công chức tại Bộ phận Một cửa.", ("Điều 3. Nhiệm vụ",))
    assert staff.lead == ()
    under = extract_facts("2. Cấp giấy phép hoạt động.", ("Điều 1. Ủy quyền Giám đốc Sở Tài chính thực hiện các nhiệm vụ sau",))
    assert under.lead == ("Giám đốc Sở Tài chính",)
    units = extract_facts("b) Thanh lý tài sản công.", ("Điều 3. Nội dung phân cấp", "2. Đơn vị sự nghiệp công lập thuộc Sở Y tế tỉnh Bình Định"))
    assert units.lead == ("Đơn vị sự nghiệp công lập thuộc Sở Y tế tỉnh Bình Định",)


def test_problems_met_and_a_plans_closing_charge_no_one():
    trouble = "Trong quá trình triển khai, nếu có khó khăn, vướng mắc, các sở, ngành phản ánh về Sở Tài chính để tổng hợp."
    assert extract_facts(trouble, ("IV. TỔ CHỨC THỰC HIỆN", "3. Sở Nội vụ")).lead == ()
    closing = "Trên đây là Kế hoạch phòng chống thiên tai năm 2026 của Ủy ban nhân dân huyện."
    assert extract_facts(closing, ("IV. TỔ CHỨC THỰC HIỆN", "3. Sở Nội vụ")).lead == ()
    duty_then_trouble = "Sở Y tế triển khai ngay các biện pháp. Nếu có khó khăn, vướng mắc, báo cáo Bộ Y tế."
    assert extract_facts(duty_then_trouble).lead == ("Sở Y tế",)


def test_an_opinion_to_give_is_a_duty_a_status_is_not():
    assert extract_facts("3. Sở Tư pháp có ý kiến thẩm định về dự thảo quy chế.", ("Điều 6. Tổ chức thực hiện",)).lead == ("Sở Tư pháp",)
    assert extract_facts("Phó Chủ tịch Ủy ban nhân dân tỉnh có ý kiến chỉ đạo như sau:").lead == ()
    assert extract_facts("2. Ban Quản lý có tư cách pháp nhân, có con dấu và tài khoản riêng.", ("Điều 1. Thành lập Ban Quản lý",)).lead == ()


def _scores_by_paragraph(folder: Path, labels: str) -> dict:
    """Precision and recall of the facts against labels of paragraphs: a label takes the facts of the
    passages on its lines (``bench/real_facts.py --by-lines``)."""
    rows = [json.loads(line) for line in (folder / labels).read_text(encoding="utf-8").splitlines() if line.strip()]
    parsed = {name: parse_document(name, (folder / name).read_text(encoding="utf-8")) for name in {r["file"] for r in rows}}
    found = []
    for row in rows:
        doc = parsed[row["file"]]
        on_lines = [f for p, f in zip(doc.passages, doc.facts) if p.line_start <= row["line_end"] and row["line_start"] <= p.line_end]
        assert on_lines, row
        found.append(Facts(tuple(b for f in on_lines for b in f.lead), tuple(b for f in on_lines for b in f.coordinating), tuple(d for f in on_lines for d in f.deadlines)))
    return score_passage_facts(rows, found)


def test_lead_bodies_and_deadlines_on_a_second_set_written_blind():
    """60 paragraphs of 10 more written documents (tests/data/written2), drawn and labelled by a helper
    who neither read nor ran the parser. Measured once: lead 0.700 / 0.700, coordinating 0.643 / 0.818,
    deadlines 0.773 / 0.810; tuned on since (lead 0.812 / 0.867, deadlines 0.955 / 1.000)."""
    scores = _scores_by_paragraph(WRITTEN2, "facts_written2.jsonl")
    assert scores["lead"]["precision"] >= 0.78 and scores["lead"]["recall"] >= 0.83, scores
    assert scores["deadlines"]["precision"] >= 0.92 and scores["deadlines"]["recall"] >= 0.95, scores


def test_lead_bodies_and_deadlines_on_a_third_set_written_blind():
    """60 paragraphs of ten documents of other kinds (tests/data/written3: a decision with its plan
    attached, a Tỉnh ủy programme, a joint plan, a report's proposals, a "chủ trì/phối hợp" column …).
    Measured once: lead 0.733 / 0.629, coordinating 1.000 / 0.571, deadlines 0.966 / 0.718; tuned on
    since (lead 0.838 / 0.886, coordinating 1.000 / 0.952, deadlines 0.971 / 0.872)."""
    scores = _scores_by_paragraph(REAL.parent / "written3", "facts_written3.jsonl")
    assert scores["lead"]["precision"] >= 0.8 and scores["lead"]["recall"] >= 0.85, scores
    assert scores["coordinating"]["recall"] >= 0.9 and scores["deadlines"]["recall"] >= 0.84, scores


def test_party_boards_written_in_lower_case_and_subjects_after_a_condition():
    board = extract_facts("c) Ban tổ chức huyện ủy và tương đương chủ trì phối hợp với các ban tham mưu của cấp ủy thẩm định hồ sơ.")
    assert board.lead == ("Ban tổ chức huyện ủy và tương đương",) and board.coordinating == ("Ban tham mưu của cấp ủy",)
    assert extract_facts("Nếu đảng viên chuyển đi trong năm thì chi bộ nơi đi nhận xét và bàn giao hồ sơ.").lead == ("Chi bộ",)
    assert extract_facts("Trường hợp tờ khai bị hủy thì công chức hải quan thực hiện hủy xác nhận.").lead == ()


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Quy định mức phụ cấp hằng tháng của Thôn đội trưởng.", []),
        ("Đơn vị sự nghiệp công lập tự bảo đảm chi thường xuyên và chi đầu tư.", []),
        ("Kinh phí hoạt động do ngân sách nhà nước cấp theo kế hoạch hằng năm.", []),
        ("Ủy ban nhân dân cấp xã báo cáo hằng tháng về Sở Nội vụ.", ["hằng tháng"]),
        ("Sở Tài chính thường xuyên theo dõi, đôn đốc.", ["thường xuyên"]),
    ],
)
def test_rates_and_budget_terms_are_no_deadline(text, want):
    assert [d.text for d in extract_facts(text).deadlines] == want


def test_a_listed_ministry_label_names_each_ministry():
    assert same_body_words("Các Bộ: Tài chính, Y tế", "Bộ Y tế") and not same_body_words("Các Bộ: Tài chính, Y tế", "Bộ Nội vụ")


def test_matching_is_by_whole_words_without_case_or_diacritics():
    assert same_body_words("UBND các xã, phường", "Ủy ban nhân dân các xã, phường")
    assert same_body_words("Sở Y tế", "Sở Y tế thành phố") and not same_body_words("Sở Y tế", "Sở Tư pháp")
    assert same_deadline_words("Quý IV/2028", "quý IV năm 2028") and same_deadline_words("trước ngày 30/11/2025", "hoàn thành trước ngày 30/11/2025")
    assert not same_deadline_words("trước ngày 30/11/2025", "trước ngày 31/12/2025")


def test_ministries_departments_and_local_governments_lead():
    told = extract_facts("Giao Bộ Tài chính chủ trì, phối hợp với Bộ Xây dựng và các bộ, ngành liên quan rà soát đề xuất.")
    assert told.lead == ("Bộ Tài chính",) and told.coordinating == ("Bộ Xây dựng", "Bộ, ngành liên quan")
    assert extract_facts("Sở Giáo dục và Đào tạo chủ trì tổ chức tập huấn.").lead == ("Sở Giáo dục và Đào tạo",)
    assert extract_facts("Ủy ban nhân dân các huyện, thị xã, thành phố triển khai kế hoạch này.").lead == ("Ủy ban nhân dân các huyện, thị xã, thành phố",)
    assert extract_facts("(4) Bộ Công an tiếp tục chủ động hướng dẫn các địa phương.").lead == ("Bộ Công an",)
    together = extract_facts("Bộ Tài chính chủ trì cùng Bộ Xây dựng rà soát, hoàn thành trước ngày 15/12/2025.")
    assert together.lead == ("Bộ Tài chính",) and together.coordinating == ("Bộ Xây dựng",)
    assert extract_facts("Sở Y tế và Sở Tài chính bố trí kinh phí.").lead == ("Sở Y tế", "Sở Tài chính")


def test_offices_answer_for_their_bodies_and_the_asker_is_not_the_doer():
    heads = extract_facts("Thủ trưởng các sở, ban, ngành; Chủ tịch UBND các xã, phường tổ chức quán triệt Chỉ thị này.")
    assert heads.lead == ("Thủ trưởng sở, ban, ngành", "Chủ tịch Ủy ban nhân dân các xã, phường")
    asked = extract_facts("Để kịp tiến độ, yêu cầu Bộ Y tế, Ban Quản lý dự án và các nhà thầu khẩn trương hoàn thiện hồ sơ.")
    assert asked.lead == ("Bộ Y tế", "Ban Quản lý dự án", "Nhà thầu")
    asker = extract_facts("Chủ tịch Ủy ban nhân dân tỉnh yêu cầu Giám đốc Sở Xây dựng kiểm tra ngay các công trình.")
    assert asker.lead == ("Giám đốc Sở Xây dựng",)
    assert extract_facts("- Mời chủ tịch, phó chủ tịch Hội đồng nhân dân các xã dự hội nghị.").lead == ()  # participants
    assert extract_facts("Bộ Chính trị, Ban Bí thư đã ban hành nhiều chủ trương về công tác này.").lead == ()  # what was done


def test_fields_of_a_task_name_its_bodies():
    assert extract_facts("*Đơn vị chủ trì thực hiện:* Sở Văn hóa, Thể thao và Du lịch; UBND cấp xã.").lead == ("Sở Văn hóa, Thể thao và Du lịch", "Ủy ban nhân dân cấp xã")
    helping = extract_facts("- Đơn vị phối hợp: Sở Nội vụ, Sở Tài chính và các cơ quan có liên quan.")
    assert helping.lead == () and helping.coordinating == ("Sở Nội vụ", "Sở Tài chính", "Cơ quan có liên quan")
    assert split_named_list("Các Sở, ngành, đơn vị, UBND cấp xã") == ["Sở, ngành, đơn vị", "Ủy ban nhân dân cấp xã"]


def test_headings_that_name_a_body():
    item = extract_facts("(2) Trình Chính phủ dự thảo Nghị quyết trước ngày 26/11/2025.", ("5. Bộ trưởng Bộ Tài chính chủ trì:",))
    assert item.lead == ("Bộ trưởng Bộ Tài chính",)
    asked = extract_facts("Tham gia giám sát việc thực hiện.", ("III. TỔ CHỨC THỰC HIỆN", "4. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"))
    assert asked.lead == ("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",)
    duty = extract_facts("1. Chủ trì xây dựng hướng dẫn nghiệp vụ.", ("Chương III", "Điều 12. Trách nhiệm của Bộ Tài chính"))
    assert duty.lead == ("Bộ Tài chính",)


def test_a_subject_of_a_legal_clause_is_no_lead_body():
    assert extract_facts("1. Cán bộ cơ sở tham gia bồi dưỡng tối thiểu 40 giờ mỗi năm.", ("Điều 3. Thời gian bồi dưỡng",)).lead == ()
    decree = parse_document(DECREE.name, DECREE.read_text(encoding="utf-8"))
    (clause,) = [f for p, f in zip(decree.passages, decree.facts) if p.text.startswith("1. Cán bộ cơ sở tham gia bồi dưỡng")]
    assert clause.lead == ()
    told = extract_facts("2. Sở Nội vụ chủ trì tổ chức các lớp bồi dưỡng.", ("Điều 5. Tổ chức thực hiện",))
    assert told.lead == ("Sở Nội vụ",)  # a lead verb still says so


@pytest.mark.parametrize(
    ("text", "want", "recurring"),
    [
        ("Báo cáo kết quả trước ngày 20 hằng tháng.", "trước ngày 20 hằng tháng", "monthly"),
        ("Các trung tâm y tế báo cáo hằng ngày.", "hằng ngày", "daily"),
        ("Xử lý các điểm ngập trong 24-48 giờ sau khi nước rút.", "trong 24-48 giờ sau khi nước rút", None),
        ("Sở Tài chính | Các sở, ngành | Thường xuyên", "Thường xuyên", "ongoing"),
    ],
)
def test_deadlines_of_periods_and_events(text, want, recurring):
    (deadline,) = extract_facts(text).deadlines
    assert deadline.text == want and deadline.recurring == recurring


def test_a_budget_made_every_year_sets_no_deadline():
    assert extract_facts("Sở Tài chính bố trí kinh phí trong dự toán ngân sách nhà nước hằng năm.").deadlines == ()
    assert [d.text for d in extract_facts("Tổng kết vào tháng 12 hằng năm.").deadlines] == ["tháng 12 hằng năm"]  # the month too (round 3)


TABLE = """ỦY BAN NHÂN DÂN TỈNH AN GIANG
Số: 12/KH-UBND

KẾ HOẠCH
Triển khai thi hành Luật

I. DANH MỤC NHIỆM VỤ

**TT**
|
**Nội dung thực hiện**
|
**Cơ quan chủ trì**
|
**Cơ quan phối hợp**
|
**Thời gian hoàn thành**
|
|
1
|
Rà soát các văn bản quy phạm pháp luật của tỉnh có liên quan đến Luật và đề xuất sửa đổi
|
Sở Tư pháp; UBND cấp xã
|
Các sở, ban, ngành
|
Quý II/2026
|
|
2
|
Tập huấn cho cán bộ, công chức cấp xã về các nội dung mới của Luật trong năm đầu thi hành
|
Sở Nội vụ
|
Sở Tư pháp
|
2026
"""


def test_task_table_cells_are_read_by_their_column():
    doc = parse_document("t.txt", TABLE)
    facts = {p.text: f for p, f in zip(doc.passages, doc.facts)}
    leads = [f.lead for f in facts.values() if f.lead]
    coordinating = [f.coordinating for f in facts.values() if f.coordinating]
    deadlines = [d.text for f in facts.values() for d in f.deadlines]
    assert leads == [("Sở Tư pháp", "Ủy ban nhân dân cấp xã"), ("Sở Nội vụ",)]
    assert coordinating == [("Sở, ban, ngành",), ("Sở Tư pháp",)]
    assert deadlines == ["Quý II/2026", "2026"]


def test_ministries_after_a_colon_a_proposal_and_an_opinion():
    listed = extract_facts("b) Các Bộ: Công Thương, Nông nghiệp và Môi trường, Xây dựng khẩn trương rà soát các quy định.")
    assert listed.lead == ("Bộ Công Thương", "Bộ Nông nghiệp và Môi trường", "Bộ Xây dựng")
    assert extract_facts("1. Các đồng chí Chủ tịch Ủy ban nhân dân các tỉnh trực tiếp chỉ đạo.").lead == ("Chủ tịch Ủy ban nhân dân các tỉnh",)
    proposed = extract_facts("Trên cơ sở đề nghị của các Bộ, cơ quan, Bộ Tài chính khẩn trương bố trí kinh phí.")
    assert proposed.lead == ("Bộ Tài chính",)  # "đề nghị của …" is what they proposed, not a request to them
    assert extract_facts("Chủ tịch Ủy ban nhân dân tỉnh có ý kiến chỉ đạo như sau:").lead == ()
    (due,) = extract_facts("Định kỳ báo cáo kết quả trước ngày 15/11 về Sở Nội vụ.").deadlines
    assert due.text == "trước ngày 15/11"


def test_a_task_table_header_of_bare_column_names():
    text = TABLE.replace("**Cơ quan chủ trì**", "**CHỦ TRÌ**").replace("**Cơ quan phối hợp**", "**PHỐI HỢP**")
    doc = parse_document("t.txt", text)
    assert [f.lead for f in doc.facts if f.lead] == [("Sở Tư pháp", "Ủy ban nhân dân cấp xã"), ("Sở Nội vụ",)]


def test_a_table_row_with_a_kind_of_body_and_a_span_of_years():
    text = (
        "KẾ HOẠCH\nĐào tạo nghề\nI. NHIỆM VỤ\n"
        "| TT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |\n"
        "| --- | --- | --- | --- | --- |\n"
        "| 1 | Đào tạo nghề cho lao động nông thôn | Sở Nội vụ | Sở Giáo dục và Đào tạo; các cơ sở giáo dục nghề nghiệp | Năm 2027 |\n"
        "| 2 | Tập huấn kỹ năng cho đoàn viên | Tỉnh đoàn | Hội Liên hiệp Phụ nữ tỉnh | Năm 2026 - 2027 |\n"
    )
    doc = parse_document("t.txt", text)
    rows = [f for f in doc.facts if f.lead]
    assert [f.lead for f in rows] == [("Sở Nội vụ",), ("Tỉnh đoàn",)]
    assert rows[0].coordinating == ("Sở Giáo dục và Đào tạo", "Cơ sở giáo dục nghề nghiệp")
    assert [[d.text for d in f.deadlines] for f in rows] == [["Năm 2027"], ["Năm 2026 - 2027"]]


def test_bodies_asked_to_cooperate_lead_when_no_one_else_does():
    assert extract_facts("4. Đề nghị Hội Nông dân tỉnh, Tỉnh đoàn phối hợp tư vấn nghề cho hội viên, đoàn viên.").lead == ("Hội Nông dân tỉnh", "Tỉnh đoàn")
    path = ("IV. TỔ CHỨC THỰC HIỆN", "3. Sở Văn hóa, Thể thao và Du lịch")
    beside = extract_facts("- Đề nghị Ủy ban Mặt trận Tổ quốc tỉnh phối hợp tuyên truyền.", path)
    assert beside.lead == ("Sở Văn hóa, Thể thao và Du lịch",) and beside.coordinating == ("Ủy ban Mặt trận Tổ quốc tỉnh",)
    directed = extract_facts("- Chỉ đạo Sở Y tế phối hợp tổ chức kiểm tra.")
    assert directed.lead == () and directed.coordinating == ("Sở Y tế",)
