import json

from rag.evaluate import score_facts
from rag.structure.citations import find_citations
from rag.structure.facts import extract_facts, find_deadlines

from .conftest import ROOT


def test_lead_and_coordinating_bodies():
    facts = extract_facts("Giao Ban Tổ chức Tỉnh uỷ chủ trì, phối hợp với Ủy ban Kiểm tra Tỉnh ủy và các cơ quan liên quan theo dõi.")
    assert facts.lead == ("Ban Tổ chức Tỉnh ủy",)  # tone placement unified
    assert facts.coordinating == ("Ủy ban Kiểm tra Tỉnh ủy", "Cơ quan liên quan")


def test_subject_list_and_inherited_lead():
    listed = extract_facts("- Các huyện ủy, thành ủy, đảng ủy trực thuộc xây dựng kế hoạch thực hiện.")
    assert listed.lead == ("Huyện ủy", "Thành ủy", "Đảng ủy trực thuộc")
    inherited = extract_facts("- Biên soạn và phát hành tài liệu.", ("III. TỔ CHỨC THỰC HIỆN", "4. Giao Ban Tuyên giáo Tỉnh ủy"))
    assert inherited.lead == ("Ban Tuyên giáo Tỉnh ủy",)
    assert extract_facts("- Nâng cao nhận thức của cán bộ, đảng viên.").lead == ()
    assert extract_facts("- Báo cáo kết quả về Tỉnh ủy.").lead == ()  # "Báo cáo" is not the newspaper "Báo …"


def test_a_time_opener_does_not_hide_the_subject_and_directed_bodies_do_not_lead():
    assert extract_facts("Hằng năm, các chi bộ xây dựng kế hoạch học tập.").lead == ("Chi bộ",)
    assert extract_facts("Định kỳ hằng quý các đảng ủy cơ sở báo cáo kết quả.").lead == ("Đảng ủy cơ sở",)
    assert extract_facts("Sau mỗi đợt sinh hoạt chuyên đề, các đảng ủy, chi bộ trực thuộc Thị ủy báo cáo.").lead == ("Đảng ủy", "Chi bộ trực thuộc Thị ủy")
    assert extract_facts("Cuối năm, cấp ủy, tổ chức đảng tiến hành đánh giá.").lead == ("Cấp ủy", "Tổ chức đảng")
    directed = extract_facts("- Ủy ban nhân dân tỉnh chỉ đạo các sở, ban, ngành, các tổ chức chính trị - xã hội tỉnh xây dựng kế hoạch.")
    assert directed.lead == ("Ủy ban nhân dân tỉnh",)
    preamble = extract_facts("Thực hiện Hướng dẫn số 28-HD/BTGTW, Ban Thường vụ Tỉnh ủy ban hành Kế hoạch như sau:")
    assert preamble.lead == ("Ban Thường vụ Tỉnh ủy",)


def test_people_answer_for_a_duty_only_when_told_to_direct_it():
    directing = extract_facts("- Đồng chí bí thư cấp ủy, người đứng đầu chính quyền, Mặt trận Tổ quốc và các tổ chức chính trị - xã hội các cấp chỉ đạo kiểm tra.")
    assert directing.lead == ("Bí thư cấp ủy", "Người đứng đầu chính quyền", "Người đứng đầu Mặt trận Tổ quốc", "Người đứng đầu tổ chức chính trị - xã hội")
    assert extract_facts("Cấp ủy, tổ chức đảng, người đứng đầu các cấp chịu trách nhiệm về chất lượng.").lead == ("Cấp ủy", "Tổ chức đảng", "Người đứng đầu")
    assert extract_facts("- Báo cáo viên: Đồng chí Bí thư các tổ chức cơ sở đảng chịu trách nhiệm báo cáo.").lead == ("Bí thư tổ chức cơ sở đảng",)
    example = extract_facts("khắc phục bệnh hình thức; người đứng đầu cấp ủy đảng, chính quyền gương mẫu thực hiện trước.")
    assert example.lead == ()  # heads of both, setting an example: not a duty they answer for
    assert extract_facts("- Mỗi cán bộ, đảng viên thực hiện nêu gương.").lead == ("Cán bộ", "Đảng viên")
    assert extract_facts("Các chi bộ tổ chức cho cán bộ, đảng viên, người lao động xây dựng kế hoạch cá nhân.").lead == ("Chi bộ",)


def test_an_opener_gives_its_clause_one_subject():
    chosen = extract_facts("- Căn cứ tình hình thực tiễn, các chi, đảng bộ lựa chọn hình thức phù hợp cán bộ, đảng viên học tập.")
    assert chosen.lead == ("Chi bộ", "Đảng bộ")  # not "Đảng viên", whose comma is not the opener's
    begun = extract_facts("- Trong sinh hoạt định kỳ, sinh hoạt chuyên đề cần quán triệt trong cán bộ, đảng viên về học tập.")
    assert begun.lead == ()
    assert extract_facts("Hằng năm, các chi bộ xây dựng kế hoạch; cuối năm, cấp ủy đánh giá.").lead == ("Chi bộ", "Cấp ủy")
    assert extract_facts("Căn cứ Kế hoạch của Ban Thường vụ Tỉnh ủy, các chi bộ xây dựng kế hoạch.").lead == ("Chi bộ",)


def test_a_stated_agent_and_a_subject_in_brackets_lead():
    assert extract_facts("- *Địa điểm:* Do các huyện ủy, thành ủy bố trí.").lead == ("Huyện ủy", "Thành ủy")
    aside = extract_facts("- Thành phần: lãnh đạo các phòng (*tùy điều kiện, các huyện ủy, thành ủy quyết định thành phần*)")
    assert aside.lead == ("Huyện ủy", "Thành ủy")
    assert extract_facts("Tài liệu do Ban Tuyên giáo Trung ương biên soạn.").lead == ()  # mid-sentence "do": who wrote it


def test_bodies_listed_before_a_colon_and_their_items():
    heading = "4. Báo Lạng Sơn; Đài Phát thanh và Truyền hình tỉnh; các cơ quan báo chí thường trú trên địa bàn tỉnh: Xây dựng kế hoạch tuyên truyền."
    assert extract_facts(heading).lead == ("Báo Lạng Sơn", "Đài Phát thanh và Truyền hình tỉnh", "Cơ quan báo chí thường trú trên địa bàn tỉnh")
    assert extract_facts("Các đoàn thể trực thuộc phối hợp xây dựng kế hoạch.").lead == ("Đoàn thể trực thuộc",)  # the subject acts
    # Asked to cooperate with no one else charged, they do the task ("Đề nghị X …" names a lead).
    asked = extract_facts("Đề nghị các cơ quan, đơn vị phối hợp tuyên truyền.")
    assert asked.lead == ("Cơ quan, đơn vị",) and asked.coordinating == ()


def test_items_take_the_lead_of_a_heading_that_opens_with_it():
    from rag.structure.passages import parse_document

    text = (
        "KẾ HOẠCH\n\nIV. TỔ CHỨC THỰC HIỆN\n\n"
        "4. Báo Lạng Sơn; Đài Phát thanh và Truyền hình tỉnh; các cơ quan báo chí thường trú trên địa bàn tỉnh: Xây dựng kế hoạch tuyên truyền.\n\n"
        "Đề nghị các cơ quan thông tấn báo chí của Trung ương phối hợp tuyên truyền.\n\n"
        "5. Nội dung: Căn cứ tình hình, Ban Thường vụ Tỉnh ủy chọn chủ đề sinh hoạt như sau:\n\n"
        "- Quý III/2022: chủ đề về độc lập dân tộc.\n"
    )
    parsed = parse_document("t.txt", text)
    by_text = {p.text[:12]: f for p, f in zip(parsed.passages, parsed.facts)}
    assert by_text["Đề nghị các "].lead == ("Báo Lạng Sơn", "Đài Phát thanh và Truyền hình tỉnh", "Cơ quan báo chí thường trú trên địa bàn tỉnh")
    assert by_text["- Quý III/20"].lead == ()  # that heading names its body mid-sentence: its items are topics


def test_deadlines_are_normalised_and_typos_flagged():
    due = find_deadlines("Thời gian: hoàn thành trước ngày 31 tháng 3 năm 2022.", plan_year=2022)
    assert [(d.text, d.start, d.end) for d in due] == [("hoàn thành trước ngày 31 tháng 3 năm 2022", None, "2022-03-31")]
    month = find_deadlines("hoàn thành trong tháng 02/2022")[0]
    assert (month.start, month.end) == ("2022-02-01", "2022-02-28")
    assert find_deadlines("Quý IV hằng năm")[0].recurring == "yearly"
    assert (find_deadlines("quý I/2022")[0].start, find_deadlines("quý I/2022")[0].end) == ("2022-01-01", "2022-03-31")
    assert find_deadlines("Thời gian thực hiện: Thường xuyên.")[0].recurring == "ongoing"
    assert find_deadlines("nhu cầu tự thân, thường xuyên của mỗi cán bộ") == []
    in_year = find_deadlines("triển khai trong năm 2022")[0]
    assert (in_year.start, in_year.end) == ("2022-01-01", "2022-12-31")
    assert find_deadlines("Cuối năm, tổng kết", plan_year=2022)[0].end == "2022-12-31"
    assert find_deadlines("Cuối năm, tổng kết")[0].end is None  # no year known: the words only
    assert find_deadlines("Chuyên đề năm 2022") == []  # a year in a name is not a period
    assert [d.text for d in find_deadlines("- Quý IV/2022: đánh giá theo chủ điểm quý I, II và III")] == ["Quý IV/2022"]
    assert find_deadlines("vào quý IV của năm liền trước")[0].recurring == "yearly"
    assert find_deadlines("trung tâm giáo dục nghề nghiệp - giáo dục thường xuyên trên địa bàn") == []
    assert find_deadlines("gắn với tổng kết năm 2022")[0].end == "2022-12-31"
    feast = find_deadlines("Tập trung cao điểm vào dịp kỷ niệm 92 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 - 03/02/2022).")
    assert [(d.text[:22], d.end) for d in feast] == [("dịp kỷ niệm 92 năm Ngà", "2022-02-03")]
    typo = find_deadlines("gửi về Ban Thường vụ Thị ủy trước ngày 15/3/2021 để tổng hợp", plan_year=2022)[0]
    assert typo.text == "trước ngày 15/3/2021" and typo.end == "2021-03-15"  # shown as written…
    assert "2021" in typo.flag and "2022" in typo.flag  # …and flagged


def test_cited_documents():
    cited = find_citations("Thực hiện Kết luận số 01-KL/TW, ngày 18/5/2021 của Bộ Chính trị và Chỉ thị số 05 - CT/TW; Chỉ thị số 27/CT-TTg")
    assert [(c.doc_type, c.number, c.date, c.issuer) for c in cited] == [
        ("Kết luận", "01-KL/TW", "2021-05-18", "Bộ Chính trị"),
        ("Chỉ thị", "05-CT/TW", None, None),
        ("Chỉ thị", "27/CT-TTg", None, None),
    ]
    assert cited[0].key == "kết luận 01-KL/TW"
    issuer = find_citations("Kế hoạch số 49-KH/TU, ngày 11/10/2021 của Ban Thường vụ Tỉnh ủy, Ban Thường vụ Đảng ủy Khối")[0].issuer
    assert issuer == "Ban Thường vụ Tỉnh ủy"
    # The old tone placement ("Tỉnh uỷ") names the same issuer; the mention is quoted as written.
    (old,) = find_citations("Kế hoạch số 44-KH/TU, ngày 15/01/2022 của Ban Thường vụ Tỉnh uỷ về thực hiện")
    assert (old.issuer, old.text) == ("Ban Thường vụ Tỉnh ủy", "Kế hoạch số 44-KH/TU, ngày 15/01/2022 của Ban Thường vụ Tỉnh uỷ")


def test_precision_and_recall_on_hand_labelled_passages(corpus_index):
    """60 passages labelled by hand (tests/data/facts_gold.jsonl); the README reports the numbers."""
    gold = [json.loads(line) for line in (ROOT / "tests" / "data" / "facts_gold.jsonl").read_text(encoding="utf-8").splitlines()]
    scores = score_facts(gold, corpus_index)
    for kind in ("lead", "deadlines", "citations"):
        assert scores[kind]["precision"] >= 0.9, (kind, scores[kind])
        assert scores[kind]["recall"] >= 0.9, (kind, scores[kind])
    assert scores["coordinating"]["precision"] >= 0.9 and scores["coordinating"]["recall"] >= 0.9, scores


def test_precision_and_recall_on_a_second_sample(corpus_index):
    """40 more passages (tests/data/facts_fresh.jsonl), labelled by someone who had not seen the rules.
    Before the rules learnt time openers and "tổ chức đảng" its lead recall was 0.57; the misses left
    are people rather than bodies ("bí thư cấp ủy"), passive sentences, and a heading listing bodies."""
    rows = [json.loads(line) for line in (ROOT / "tests" / "data" / "facts_fresh.jsonl").read_text(encoding="utf-8").splitlines()]
    scores = score_facts(rows, corpus_index)
    assert all(scores[kind]["precision"] >= 0.95 for kind in scores), scores
    assert scores["lead"]["recall"] >= 0.9 and scores["deadlines"]["recall"] >= 0.9 and scores["citations"]["recall"] >= 0.95, scores


def test_precision_and_recall_on_a_third_sample(corpus_index):
    """40 more passages (tests/data/facts_third.jsonl), labelled without the rules' code (2026-11-27). It counts people
    ("cán bộ, đảng viên", "bí thư cấp ủy") as leads and, unlike the rules, a bare "năm 2022" that
    sets when a thing is done as a period: before people were read, its lead recall was 0.38."""
    rows = [json.loads(line) for line in (ROOT / "tests" / "data" / "facts_third.jsonl").read_text(encoding="utf-8").splitlines()]
    scores = score_facts(rows, corpus_index)
    assert scores["lead"]["precision"] >= 0.95 and scores["lead"]["recall"] >= 0.85, scores
    assert scores["citations"]["precision"] >= 0.95 and scores["citations"]["recall"] >= 0.95, scores
    assert scores["deadlines"]["precision"] >= 0.9 and scores["deadlines"]["recall"] >= 0.75, scores


def test_the_agent_of_a_task_in_the_passive_leads_it():
    assert extract_facts("Việc cập nhật số liệu vào cơ sở dữ liệu do Sở Tài chính thực hiện, chậm nhất 05 ngày làm việc.").lead == ("Sở Tài chính",)
    assert extract_facts("Thẻ đảng viên do Ban Tổ chức Trung ương in ấn, phát hành và quản lý thống nhất.").lead == ("Ban Tổ chức Trung ương",)
    # Who issued a document, or a cause, is no lead.
    assert extract_facts("Thực hiện Thông tư số 12/2025/TT-BTC do Bộ Tài chính ban hành.").lead == ()
    assert extract_facts("Tiến độ chậm do Sở Xây dựng chưa bàn giao mặt bằng.").lead == ()


def test_how_often_is_a_recurring_time():
    (quarterly,) = find_deadlines("Mỗi chi bộ tổ chức sinh hoạt chuyên đề ít nhất mỗi quý một lần.")
    assert (quarterly.text, quarterly.recurring) == ("ít nhất mỗi quý một lần", "quarterly")
    (weekly,) = find_deadlines("Cập nhật bản tin thông báo độ mặn 02 lần/tuần.")
    assert (weekly.text, weekly.recurring) == ("02 lần/tuần", "weekly")
    assert find_deadlines("Hội thi đã tổ chức 3 lần.") == []


def test_a_heading_body_with_a_qualifier_leads_its_items():
    path = ("Điều 4. Phối hợp trong quản lý", "2. Ủy ban nhân dân các xã, phường có cụm công nghiệp:")
    assert extract_facts("a) Quản lý trật tự xây dựng trong cụm công nghiệp trên địa bàn;", path).lead == ("Ủy ban nhân dân các xã, phường",)


def test_a_merged_provincial_media_body_and_a_name_that_stops_before_its_verb():
    assert extract_facts("**6. Báo và Phát thanh, Truyền hình Hà Tĩnh** thường xuyên cập nhật, đưa tin về tình hình hạn hán.").lead == ("Báo và Phát thanh, Truyền hình Hà Tĩnh",)
    assert extract_facts("Giao Báo và Phát thanh, Truyền hình Đắk Lắk mở chuyên mục về chuyển đổi số.").lead == ("Báo và Phát thanh, Truyền hình Đắk Lắk",)
    assert extract_facts("Sở Y tế tích cực phối hợp với Công an tỉnh Quảng Ninh tập trung kiểm tra.").coordinating == ("Công an tỉnh Quảng Ninh",)


def test_a_meeting_that_took_place_charges_no_one():
    notice = (
        "Ngày 12 tháng 5 năm 2026, Phó Chủ tịch UBND tỉnh chủ trì cuộc họp với Sở Xây dựng và Ủy ban nhân dân các xã về tiến độ dự án. "
        "Giao Sở Tài chính bố trí vốn trước ngày 30/6/2026."
    )
    assert extract_facts(notice).lead == ("Sở Tài chính",)


def test_the_date_of_an_event_after_how_long_it_lasts():
    (held,) = find_deadlines("- Thời gian: 01 ngày, dự kiến ngày 18/4/2026.")
    assert (held.text, held.end) == ("dự kiến ngày 18/4/2026", "2026-04-18")


def test_names_with_lower_case_words_and_local_governments_in_any_order():
    assert extract_facts("Sở Nông nghiệp và Phát triển nông thôn chủ trì, phối hợp với các đơn vị.").lead == ("Sở Nông nghiệp và Phát triển nông thôn",)
    told = extract_facts("Yêu cầu Giám đốc các sở, Thủ trưởng các ban, ngành cấp tỉnh, Chủ tịch UBND các huyện, thành phố, thị xã triển khai ngay.")
    assert told.lead == ("Giám đốc các sở", "Thủ trưởng ban, ngành cấp tỉnh", "Chủ tịch Ủy ban nhân dân các huyện, thành phố, thị xã")


def test_every_so_many_months_and_a_day_of_each_period():
    found = find_deadlines("Các xã báo cáo kết quả định kỳ 6 tháng (trước ngày 10/6/2026 và trước ngày 10/12/2026).")
    assert [(d.text, d.recurring) for d in found][0] == ("định kỳ 6 tháng", "half-yearly")
    (day,) = [d for d in find_deadlines("Sở Y tế tổng hợp, trước ngày 20 của tháng cuối quý.")]
    assert (day.text, day.recurring) == ("trước ngày 20 của tháng cuối quý", "quarterly")


def test_a_column_for_the_lead_and_its_partners():
    text = (
        "KẾ HOẠCH\nChăm sóc người cao tuổi\nIV. PHÂN CÔNG NHIỆM VỤ\n"
        "| TT | Nhiệm vụ | Cơ quan chủ trì/phối hợp | Thời gian thực hiện |\n| --- | --- | --- | --- |\n"
        "| 1 | Ban hành hướng dẫn khám sàng lọc | Sở Y tế/Bệnh viện Đa khoa tỉnh | Tháng 5/2026 |\n"
        "| 2 | Tổ chức Tháng hành động | Hội Người cao tuổi tỉnh/Sở Y tế; Sở Văn hóa, Thể thao và Du lịch | Tháng 10/2026 |\n"
    )
    from rag.structure.passages import parse_document

    rows = [f for f in parse_document("t.txt", text).facts if f.lead]
    assert [(f.lead, f.coordinating) for f in rows] == [
        (("Sở Y tế",), ("Bệnh viện Đa khoa tỉnh",)),
        (("Hội Người cao tuổi tỉnh",), ("Sở Y tế", "Sở Văn hóa, Thể thao và Du lịch")),
    ]
    assert [[d.text for d in f.deadlines] for f in rows] == [["Tháng 5/2026"], ["Tháng 10/2026"]]


def test_a_lead_given_at_the_end_of_a_task():
    dash = extract_facts("3. Xây dựng cơ sở dữ liệu chuyên gia của tỉnh - Sở Khoa học và Công nghệ thực hiện, hoàn thành trong năm 2027.")
    assert dash.lead == ("Sở Khoa học và Công nghệ",)
    bracket = extract_facts("2. Rà soát các quy định về chế độ đãi ngộ (Sở Nội vụ chủ trì; Sở Tư pháp, Sở Tài chính phối hợp; hoàn thành trước ngày 30/9/2026).")
    assert bracket.lead == ("Sở Nội vụ",) and bracket.coordinating == ("Sở Tư pháp", "Sở Tài chính")
    # A subject that cooperates on a task it names stays its doer.
    assert extract_facts("Các đoàn thể trực thuộc phối hợp xây dựng kế hoạch.").lead == ("Đoàn thể trực thuộc",)


def test_a_board_of_a_mass_organisation_is_one_name():
    assert extract_facts("Ban Thường vụ Hội Nông dân tỉnh chỉ đạo Trung tâm Hỗ trợ nông dân tỉnh mở 20 lớp tập huấn.").lead == ("Ban Thường vụ Hội Nông dân tỉnh",)
    from rag.structure.bodies import bodies_in

    assert [name for _, _, name in bodies_in("Ban Tổ chức Hội nghị chuẩn bị tài liệu.")] == ["Ban Tổ chức"]  # "Hội nghị" ends the name
