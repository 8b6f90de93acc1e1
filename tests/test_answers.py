"""Short answers: exactly the kind asked, from one hit that gives it, or none.

Questions and passages here are written for these tests (not taken from the query sets), in
the plans' own style.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from rag.records import Citation, CitedDocument, Deadline, Facts, Hit, Passage
from rag.search.answers import extract_answer, gives_document_answer
from rag.search.asks import question_asks


def _hit(text: str, rank: int = 1, path: tuple[str, ...] = ("III. TỔ CHỨC THỰC HIỆN",), **facts) -> Hit:
    passage = Passage(rank, "kh.txt", text, path, 10 * rank, 10 * rank)
    citation = Citation("kh.txt", "KẾ HOẠCH", "12-KH/HU", "", "Huyện ủy", "", " › ".join(path), 10 * rank, 10 * rank)
    return Hit(rank, 1.0 / rank, passage, citation, facts=Facts(**facts))


@pytest.mark.parametrize(
    ("question", "kinds"),
    [
        ("Ai chủ trì việc in sổ tay đảng viên?", ("who",)),
        ("co quan nao tham muu to chuc hoi thi", ("who",)),
        ("Ban Dân vận phối hợp với cơ quan nào?", ("coordinating",)),
        ("Những đơn vị nào phải gửi danh sách?", ("units",)),
        ("Hạn chót nộp bài dự thi là khi nào?", ("when",)),
        ("Ai lo hậu cần và bao giờ xong?", ("who", "when")),
        ("Bao nhiêu học viên một lớp?", ("how_many",)),
        ("Lớp tập huấn kéo dài bao lâu, mấy buổi?", ("how_many",)),
        ("Hội thi tổ chức ở đâu?", ("place",)),
        ("Báo cáo sơ kết gửi về đâu?", ("recipient",)),
        ("Chỉ thị 12-CT/TU do ai ban hành?", ("cited_issuer",)),
        ("Quyết định 45 ban hành ngày nào?", ("cited_date",)),
        ("Máy chiếu đặt ở đâu?", ("place",)),  # "máy" is no "mấy"
        ("Cách viết mục đích, yêu cầu của kế hoạch", ()),
        ("Tờ báo hay đài truyền hình nào đưa tin về hội thi?", ()),  # no kind of body named before "nào"
        ("Cơ quan thông tấn nào đưa tin về hội thi?", ("who",)),
        ("Những chi bộ vùng cao biên giới nào được hỗ trợ kinh phí?", ("units",)),
        ("Các tổ đảng phải nộp bản kiểm điểm trước ngày nào?", ("when",)),  # "… đơn vị trước ngày nào" asks a date
        ("Mấy tờ trình của các xã thì ai tổng hợp?", ("who",)),  # "mấy … thì": the things asked about
        ("Mỗi xã cử bao nhiêu đoàn viên, bao nhiêu hội viên?", ()),  # two counts: one would be half an answer
        ("Hạn nộp bản thu hoạch là bao giờ?", ("when",)),
        ("han gui danh sach du thi", ("when",)),
        ("Năm nào mỗi xã cũng phải chọn mấy mô hình tiêu biểu?", ("how_many",)),  # "năm nào … cũng": every year
        ("Ai cũng phải nộp bản cam kết à?", ()),
        ("Tổ công tác tổng hợp xong thì báo cáo ai?", ("recipient",)),
        ("Kế hoạch của Huyện ủy thực hiện theo kế hoạch nào của Tỉnh ủy?", ("document",)),
        ("Quy định về những điều cán bộ không được làm là QĐ số mấy?", ("document",)),
        ("Những kế hoạch nào căn cứ Chỉ thị 12?", ()),  # asks for plans, not for what one cites
        ("KH nào giao Hội Nông dân tuyên truyền?", ()),  # asks which plan, by what it says
    ],
)
def test_what_a_question_asks(question, kinds):
    assert question_asks(question).kinds == kinds


def test_who_gives_the_lead_bodies_of_the_hit():
    hit = _hit("Ban Tuyên giáo Huyện ủy chủ trì in sổ tay đảng viên, phối hợp với Văn phòng Huyện ủy.", lead=("Ban Tuyên giáo Huyện ủy",), coordinating=("Văn phòng Huyện ủy",))
    answer = extract_answer("Ai chủ trì in sổ tay đảng viên?", [hit])
    assert answer is not None and answer.text == "Ban Tuyên giáo Huyện ủy" and answer.parts[0].rank == 1
    assert extract_answer("Ban Tuyên giáo Huyện ủy phối hợp với cơ quan nào để in sổ tay?", [hit]).text == "Văn phòng Huyện ủy"


def test_a_question_about_the_lead_itself_gets_no_lead_for_answer():
    """"Ban Tuyên giáo chỉ đạo ai?" must not be answered "Ban Tuyên giáo"."""
    hit = _hit("Ban Tuyên giáo Huyện ủy hướng dẫn các chi bộ tổ chức sinh hoạt chuyên đề.", lead=("Ban Tuyên giáo Huyện ủy",))
    assert extract_answer("Ban Tuyên giáo Huyện ủy hướng dẫn đơn vị nào tổ chức sinh hoạt chuyên đề?", [hit]) is None


def test_when_gives_one_deadline_and_only_when_one_clearly_answers():
    one = _hit("Các chi bộ gửi danh sách trước ngày 15/4/2026.", deadlines=(Deadline("trước ngày 15/4/2026", end="2026-04-15"),))
    assert extract_answer("Khi nào các chi bộ gửi danh sách?", [one]).text == "trước ngày 15/4/2026"
    dates = (Deadline("trước ngày 15/4/2026", end="2026-04-15"), Deadline("trong tháng 5/2026", end="2026-05-31"))
    two = _hit("Các chi bộ gửi danh sách học viên trước ngày 15/4/2026. Trung tâm mở lớp trong tháng 5/2026.", deadlines=dates)
    assert extract_answer("Khi nào gửi danh sách học viên?", [two]).text == "trước ngày 15/4/2026"
    assert extract_answer("Thời hạn là khi nào?", [two]) is None  # nothing tells the two apart: no hedge
    # Both dates in the sentence the question is about: either could be meant.
    one_sentence = _hit("Các chi bộ gửi danh sách học viên trước ngày 15/4/2026 và mở lớp trong tháng 5/2026.", deadlines=dates)
    assert extract_answer("Khi nào gửi danh sách học viên?", [one_sentence]) is None
    # A period the question states is not the one it asks for.
    yearly = _hit(
        "Hằng năm, Ban Tuyên giáo xây dựng kế hoạch học tập chuyên đề, hoàn thành trong quý IV.",
        deadlines=(Deadline("Hằng năm", recurring="yearly"), Deadline("quý IV", end="2026-12-31")),
    )
    assert extract_answer("Kế hoạch học tập chuyên đề hằng năm phải xong khi nào?", [yearly]).text == "quý IV"


def test_who_and_when_come_from_one_hit_or_not_at_all():
    period_only = _hit("Tổ chức hội nghị học tập chuyên đề trong quý II/2026.", rank=1, deadlines=(Deadline("quý II/2026", end="2026-06-30"),))
    lead_only = _hit("Huyện ủy chủ trì hội nghị học tập chuyên đề.", rank=2, lead=("Huyện ủy",))
    question = "Ai tổ chức hội nghị học tập chuyên đề và khi nào?"
    assert extract_answer(question, [period_only, lead_only], depth=3) is None
    both = _hit("Huyện ủy chủ trì hội nghị học tập chuyên đề trong quý II/2026.", rank=3, lead=("Huyện ủy",), deadlines=(Deadline("quý II/2026", end="2026-06-30"),))
    answer = extract_answer(question, [period_only, lead_only, both], depth=3)
    assert answer.text == "Huyện ủy — quý II/2026" and {p.rank for p in answer.parts} == {3}
    # By default only the best hit answers: one that is not first has lost to a passage the ranking preferred.
    assert extract_answer(question, [period_only, lead_only, both]) is None


def test_a_hit_off_the_question_gives_no_answer():
    unrelated = _hit("Văn phòng Huyện ủy chủ trì bảo đảm kinh phí.", lead=("Văn phòng Huyện ủy",))
    assert extract_answer("Ai chủ trì cuộc thi viết về gương người tốt việc tốt ở cơ sở?", [unrelated]) is None


def test_numbers_places_and_recipients_as_written():
    lesson = _hit("Mỗi lớp 40 học viên, học trong 3 ngày tại Trung tâm Chính trị huyện.")
    assert extract_answer("Mỗi lớp bao nhiêu học viên?", [lesson]).text == "40 học viên"
    assert extract_answer("Lớp học trong bao lâu?", [lesson]).text == "3 ngày"
    timed = _hit("- Thời gian: 0,5 ngày; hoàn thành trước ngày 31 tháng 3 năm 2026.", path=("1. Lớp học bồi dưỡng",))  # "31 tháng", "3 năm" are a date
    assert extract_answer("Lớp học trong bao lâu?", [timed]).text == "0,5 ngày"
    assert extract_answer("Lớp học tổ chức ở đâu?", [lesson]).text == "Trung tâm Chính trị huyện"
    report = _hit("Các chi bộ báo cáo kết quả về Ban Tổ chức Huyện ủy trước ngày 30/11/2026.")
    assert extract_answer("Các chi bộ báo cáo kết quả về đâu?", [report]).text == "Ban Tổ chức Huyện ủy"
    direct = _hit("- Văn phòng Huyện ủy tổng hợp báo cáo sơ kết gửi Ban Tổ chức Tỉnh ủy theo quy định.")
    assert extract_answer("Báo cáo sơ kết gửi cho ai?", [direct]).text == "Ban Tổ chức Tỉnh ủy"
    far = _hit("Các chi bộ gửi kế hoạch thực hiện việc học tập và làm theo gương người tốt việc tốt của chi bộ năm 2026 về Ban Thường vụ Huyện ủy để tổng hợp.")
    assert extract_answer("Các chi bộ gửi kế hoạch học tập về đâu?", [far]).text == "Ban Thường vụ Huyện ủy"
    # Two recipients in one sentence: the one of the clause asked about, not the one the clause after it names.
    two = _hit("Các chi bộ báo cáo kết quả về Ban Tổ chức Huyện ủy; đồng thời báo cáo vướng mắc phát sinh về Thường trực Huyện ủy để xử lý, tổng hợp, báo cáo Ban Tổ chức Tỉnh ủy chỉ đạo.")
    assert extract_answer("Có vướng mắc phát sinh thì báo cáo về đâu?", [two]).text == "Thường trực Huyện ủy"


def test_a_cited_document_is_answered_from_how_the_plan_cites_it():
    cited = CitedDocument("Chỉ thị", "12-CT/TU", "2025-03-08", "Ban Thường vụ Tỉnh ủy", "Chỉ thị số 12-CT/TU, ngày 08/3/2025 của Ban Thường vụ Tỉnh ủy")
    basis = _hit("Thực hiện Chỉ thị số 12-CT/TU, ngày 08/3/2025 của Ban Thường vụ Tỉnh ủy về công tác dân vận, Huyện ủy xây dựng kế hoạch.", path=("Căn cứ ban hành",), lead=("Huyện ủy",), citations=(cited,))
    assert extract_answer("Chỉ thị 12-CT/TU do ai ban hành?", [basis]).text == "Ban Thường vụ Tỉnh ủy"
    assert extract_answer("Chỉ thị 12 ban hành ngày nào?", [basis]).text == "08/03/2025"
    assert extract_answer("Chỉ thị 15-CT/TU do ai ban hành?", [basis]) is None  # another document


def test_which_document_is_the_one_of_that_type_the_hit_cites():
    plan = CitedDocument("Kế hoạch", "30-KH/TU", "2025-02-10", "Ban Thường vụ Tỉnh ủy", "Kế hoạch số 30-KH/TU, ngày 10/02/2025 của Ban Thường vụ Tỉnh ủy")
    rule = CitedDocument("Quy định", "08-QĐi/TW", None, None, "Quy định số 08-QĐi/TW")
    law = CitedDocument("Quy định", "96-QĐ/TW", None, None, "Quy định số 96-QĐ/TW")
    basis = _hit(
        "Thực hiện Kế hoạch số 30-KH/TU, ngày 10/02/2025 của Ban Thường vụ Tỉnh ủy; Quy định số 08-QĐi/TW về trách nhiệm nêu gương; "
        "Quy định số 96-QĐ/TW về lấy phiếu tín nhiệm, Ban Thường vụ Huyện ủy xây dựng kế hoạch.",
        path=("Căn cứ ban hành",),
        citations=(plan, rule, law),
    )
    assert extract_answer("Kế hoạch của Huyện ủy thực hiện theo kế hoạch nào của Tỉnh ủy?", [basis]).text == "Kế hoạch số 30-KH/TU"
    assert extract_answer("Việc lấy phiếu tín nhiệm theo quy định nào?", [basis]).text == "Quy định số 96-QĐ/TW"
    assert extract_answer("Kế hoạch này dẫn quy định nào?", [basis]) is None  # two, neither clearly asked
    assert extract_answer("Kế hoạch 30 của Tỉnh ủy cụ thể hóa kế hoạch nào?", [basis]) is None  # the one it names is no answer
    own = replace(basis, citation=replace(basis.citation, number="30-KH/TU"))
    assert extract_answer("Kế hoạch của Huyện ủy thực hiện theo kế hoạch nào của Tỉnh ủy?", [own]) is None  # its own number


def test_which_units_wants_a_list():
    many = _hit("Các huyện ủy, thành ủy và đảng ủy trực thuộc gửi báo cáo trước ngày 30/11/2026.", lead=("Huyện ủy", "Thành ủy", "Đảng ủy trực thuộc"))
    assert extract_answer("Những đơn vị nào phải gửi báo cáo?", [many]).text == "Huyện ủy, Thành ủy, Đảng ủy trực thuộc"
    one = _hit("Văn phòng Huyện ủy gửi báo cáo trước ngày 30/11/2026.", lead=("Văn phòng Huyện ủy",))
    assert extract_answer("Những đơn vị nào phải gửi báo cáo?", [one]) is None


def test_a_near_tie_that_answers_otherwise_gives_no_answer():
    question = "Ai chủ trì tổ chức hội thi tìm hiểu lịch sử Đảng bộ huyện?"
    best = _hit("- Ban Tuyên giáo Huyện ủy chủ trì tổ chức hội thi tìm hiểu lịch sử Đảng bộ huyện.", lead=("Ban Tuyên giáo Huyện ủy",))
    rival = replace(
        _hit("- Huyện đoàn chủ trì tổ chức hội thi tìm hiểu lịch sử Đảng bộ huyện trong đoàn viên.", rank=2, lead=("Huyện đoàn",)), score=0.95
    )
    assert extract_answer(question, [best, rival]) is None  # 0.05 apart: the ranking cannot choose
    assert extract_answer(question, [best, replace(rival, score=0.8)]).text == "Ban Tuyên giáo Huyện ủy"
    agreeing = replace(rival, facts=Facts(lead=("Ban Tuyên giáo Huyện ủy",)))
    assert extract_answer(question, [best, agreeing]).text == "Ban Tuyên giáo Huyện ủy"  # both say the same


def test_a_body_whose_name_is_an_everyday_verb_is_named_only_by_its_name():
    """"Ủy ban Kiểm tra": a question that says "kiểm tra" as a verb does not name it."""
    hit = _hit("Ủy ban Kiểm tra Huyện ủy xây dựng kế hoạch kiểm tra việc học tập nghị quyết.", lead=("Ủy ban Kiểm tra Huyện ủy",))
    assert extract_answer("Cơ quan nào lập kế hoạch kiểm tra việc học tập nghị quyết?", [hit]).text == "Ủy ban Kiểm tra Huyện ủy"
    assert extract_answer("Ủy ban Kiểm tra lập kế hoạch kiểm tra đơn vị nào?", [hit]) is None


def test_a_period_held_inside_a_more_precise_one_is_the_same_answer():
    hit = _hit("Các chi bộ xây dựng kế hoạch kiểm tra vào quý IV hằng năm.", deadlines=(Deadline("hằng năm", recurring="yearly"), Deadline("quý IV hằng năm", recurring="yearly")))
    assert extract_answer("Các chi bộ xây dựng kế hoạch kiểm tra khi nào?", [hit]).text == "quý IV hằng năm"


def test_of_several_recipients_the_one_whose_clause_is_the_questions():
    text = ("Các chi bộ báo cáo kết quả học tập về Ban Tuyên giáo Huyện ủy trước ngày 30/6; "
            "những vướng mắc phát sinh báo cáo về Thường trực Huyện ủy để chỉ đạo.")
    hit = _hit(text)
    assert extract_answer("Vướng mắc phát sinh thì các chi bộ báo cáo về đâu?", [hit]).text == "Thường trực Huyện ủy"
    assert extract_answer("Kết quả học tập các chi bộ báo cáo về đâu?", [hit]).text == "Ban Tuyên giáo Huyện ủy"
    assert extract_answer("Báo cáo về đâu?", [hit]) is None  # both clauses fit as well: no answer


def test_a_passage_gives_a_document_answer_when_it_cites_one_document_of_the_type_asked():
    asks = question_asks("Kế hoạch hội thi của Huyện ủy thực hiện theo hướng dẫn nào của Ban Tuyên giáo?")
    one = CitedDocument("Hướng dẫn", "15-HD/BTGTU", "2023-03-02", "Ban Tuyên giáo Tỉnh ủy", "Hướng dẫn số 15-HD/BTGTU")
    other = CitedDocument("Hướng dẫn", "09-HD/BTGTW", None, None, "Hướng dẫn số 09-HD/BTGTW")
    plan = CitedDocument("Kế hoạch", "30-KH/TU", None, None, "Kế hoạch số 30-KH/TU")
    text = "Thực hiện Hướng dẫn số 15-HD/BTGTU ngày 02/3/2023 của Ban Tuyên giáo Tỉnh ủy, Ban Thường vụ Huyện ủy ban hành kế hoạch."
    question = "Kế hoạch hội thi của Huyện ủy thực hiện theo hướng dẫn nào của Ban Tuyên giáo?"
    assert gives_document_answer(asks, question, _hit(text, citations=(one, plan)))
    assert not gives_document_answer(asks, question, _hit("Thực hiện Kế hoạch số 30-KH/TU.", citations=(plan,)))
    # Two guidance documents and nothing in the question to choose between them: no answer, no lift.
    assert not gives_document_answer(asks, question, _hit("Hướng dẫn số 15-HD/BTGTU, Hướng dẫn số 09-HD/BTGTW.", citations=(one, other)))
    assert not gives_document_answer(question_asks("Ai chủ trì hội thi?"), "Ai chủ trì hội thi?", _hit(text, citations=(one,)))


def test_which_document_questions_rank_passages_that_cite_one_first(corpus_index):
    question = "Kế hoạch học tập Bác Hồ của Đảng ủy Khối cơ quan và doanh nghiệp tỉnh làm theo kế hoạch nào của Thường vụ Tỉnh ủy?"
    asks = question_asks(question)
    hits = corpus_index.search(question, k=3)
    assert hits[0].doc_id.startswith("001_") and "49-KH/TU" in hits[0].passage.text
    # The runner-up is another plan's basis that cites a Kế hoạch, not the first plan's closing words.
    assert gives_document_answer(asks, question, hits[1])


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("Kế hoạch kiểm tra của Huyện ủy gắn với kết luận nào của Ban Thường vụ Tỉnh ủy?", "Kết luận số 07-KL/TU"),
        ("Kế hoạch kiểm tra của Huyện ủy gắn với kết luận nào của Bộ Chính trị?", "Kết luận số 21-KL/TW"),
        ("Kế hoạch kiểm tra của Huyện ủy gắn với kết luận nào của BCT?", "Kết luận số 21-KL/TW"),
        ("Kế hoạch kiểm tra của Huyện ủy gắn với kết luận nào?", None),  # two, and nothing to choose between them
    ],
)
def test_which_document_of_the_issuer_the_question_names(question, answer):
    text = "Kiểm tra việc thực hiện Kết luận số 21-KL/TW gắn với Kết luận số 07-KL/TU, ngày 02/3/2023 của Ban Thường vụ Tỉnh uỷ."
    central = CitedDocument("Kết luận", "21-KL/TW", None, None, "Kết luận số 21-KL/TW")
    provincial = CitedDocument("Kết luận", "07-KL/TU", "2023-03-02", "Ban Thường vụ Tỉnh ủy", "Kết luận số 07-KL/TU, ngày 02/3/2023 của Ban Thường vụ Tỉnh uỷ")
    found = extract_answer(question, [_hit(text, citations=(central, provincial))])
    assert (found.text if found else None) == answer


@pytest.mark.parametrize(
    ("question", "kinds"),
    [
        ("Vướng mắc thì báo lên chỗ nào?", ("recipient",)),
        ("Công văn này trả lời tờ trình số mấy của Sở Y tế?", ("document",)),
        ("Thủ trưởng cơ quan phải làm thế nào khi có đơn thư?", ()),  # how, not which body
        ("Những đoàn thể nào phải báo cáo?", ("units",)),  # "đoàn thể nào" is no "thế nào"
    ],
)
def test_what_real_document_questions_ask(question, kinds):
    assert question_asks(question).kinds == kinds


def test_a_share_is_answered_in_percent_not_by_a_year_before_a_word_alike():
    hit = _hit("- Giai đoạn 2026 - 2030 phấn đấu có ít nhất 10% đội ngũ công chức từ nguồn thu hút.")
    assert extract_answer("Giai đoạn 2026 - 2030 phấn đấu bao nhiêu phần trăm đội ngũ công chức từ nguồn thu hút?", [hit]).text == "ít nhất 10% đội ngũ công chức"


def test_a_document_is_no_place():
    hit = _hit("Trên cơ sở ý kiến của Bộ Tài chính tại Công văn số 15564/BTC-KTN ngày 08/10/2025 về việc tham gia ý kiến đối với tỷ lệ chi phí quản lý.")
    assert extract_answer("Tỷ lệ chi phí quản lý được góp ý ở đâu?", [hit]) is None


def test_a_body_of_a_later_sentence_does_not_answer_for_an_earlier_one():
    text = (
        "Mẫu thẻ đảng viên thực hiện theo quyết định của Ban Bí thư. Thẻ đảng viên do Ban Tổ chức Trung ương in ấn, phát hành "
        "và quản lý thống nhất. Các cấp ủy trực thuộc Trung ương tổ chức trao thẻ cho đảng viên."
    )
    hit = _hit(text, lead=("Cấp ủy trực thuộc Trung ương",))
    assert extract_answer("Thẻ đảng viên do cơ quan nào in ấn, phát hành và quản lý thống nhất?", [hit]) is None
    assert extract_answer("Cơ quan nào tổ chức trao thẻ đảng viên?", [hit]).text == "Cấp ủy trực thuộc Trung ương"
    # A sentence without a body has the subject of the sentence before it.
    carried = _hit("Báo tỉnh, Đài tỉnh: Xây dựng kế hoạch tuyên truyền. Mở chuyên trang, chuyên mục, đưa tin về hội nghị.", lead=("Báo tỉnh", "Đài tỉnh"))
    assert extract_answer("Cơ quan nào mở chuyên mục đưa tin về hội nghị?", [carried]).text == "Báo tỉnh, Đài tỉnh"


def test_a_question_asked_of_several_plans_gets_no_one_plan_answer():
    hit = _hit("- Báo cáo viên: Đồng chí bí thư chi bộ trực tiếp quán triệt.", lead=("Bí thư chi bộ",))
    assert extract_answer("Ai trực tiếp làm báo cáo viên ở chi bộ?", [hit]).text == "Bí thư chi bộ"
    assert extract_answer("Trong các kế hoạch năm 2026 của Huyện ủy và Đảng ủy Khối, ai làm báo cáo viên ở chi bộ?", [hit]) is None


@pytest.mark.parametrize(
    ("question", "kinds"),
    [
        ("Chỉ thị giao đơn vị nào nâng cấp hệ thống một cửa?", ("who",)),  # the one given the task: the lead
        ("Ban Thường vụ chỉ đạo những đơn vị nào?", ()),  # whom the subject directs: no lead names them
        ("Quy định 12-QĐ/TU thay thế quy định nào?", ("document",)),
        ("Thời hạn nộp hồ sơ vào lưu trữ là bao lâu?", ("how_many",)),  # a duration, not a date
        ("Nghị định 16/2025/NĐ-CP có hiệu lực từ ngày nào?", ("effective",)),
    ],
)
def test_more_of_what_real_document_questions_ask(question, kinds):
    assert question_asks(question).kinds == kinds


def test_an_amount_of_money_and_a_date_of_effect():
    allowance = _hit("1. Mức phụ cấp hàng tháng đối với thôn đội trưởng bằng 2.340.000 đồng.")
    assert extract_answer("Mức phụ cấp hàng tháng của thôn đội trưởng là bao nhiêu?", [allowance]).text == "2.340.000 đồng"
    passage = Passage(1, "nd.txt", "Nghị định này có hiệu lực thi hành từ ngày 23 tháng 3 năm 2025.", ("Điều 3. Hiệu lực thi hành",), 40, 40)
    decree = Citation("nd.txt", "NGHỊ ĐỊNH", "16/2025/NĐ-CP", "SỬA ĐỔI NGHỊ ĐỊNH VỀ DÂN QUÂN TỰ VỆ", "CHÍNH PHỦ", "", "Điều 3", 40, 40)
    hit = Hit(1, 1.0, passage, decree)
    assert extract_answer("Nghị định 16/2025/NĐ-CP về dân quân tự vệ có hiệu lực từ ngày nào?", [hit]).text == "từ ngày 23 tháng 3 năm 2025"
    assert extract_answer("Nghị định 30/2026/NĐ-CP có hiệu lực từ ngày nào?", [hit]) is None  # another decree's


def test_a_year_no_hit_speaks_of_gets_no_answer():
    hit = _hit("Ban Tuyên giáo Huyện ủy chủ trì hội nghị học tập chuyên đề năm 2022.", lead=("Ban Tuyên giáo Huyện ủy",))
    assert extract_answer("Hội nghị học tập chuyên đề năm 2022 do ai chủ trì?", [hit]).text == "Ban Tuyên giáo Huyện ủy"
    assert extract_answer("Hội nghị học tập chuyên đề năm 2023 do ai chủ trì?", [hit]) is None


def test_a_question_that_names_a_bodys_place_does_not_name_the_body():
    hit = _hit("Đề nghị Ủy ban nhân dân tỉnh Đắk Nông chủ trì, phối hợp với Bộ Xây dựng làm rõ sự cần thiết của dự án.", lead=("Ủy ban nhân dân tỉnh Đắk Nông",))
    assert extract_answer("Tại buổi làm việc với tỉnh Đắk Nông, ai chủ trì làm rõ sự cần thiết của dự án?", [hit]).text == "Ủy ban nhân dân tỉnh Đắk Nông"
    assert extract_answer("UBND tỉnh Đắk Nông được giao chủ trì việc gì, ai chủ trì?", [hit]) is None  # it names the body itself


def test_an_everyday_word_is_on_topic_where_the_hit_words_it_as_plans_do():
    # "sếp" and "bà con" are "người đứng đầu" and "nhân dân" in a plan (rag/text/thesaurus.tsv).
    hit = _hit("- Ban Dân vận hướng dẫn người đứng đầu cấp ủy đối thoại với nhân dân.", lead=("Ban Dân vận",))
    assert extract_answer("Ai hướng dẫn sếp trò chuyện với bà con?", [hit]).text == "Ban Dân vận"
    other = _hit("- Ban Dân vận hướng dẫn cấp ủy tổ chức hội nghị.", lead=("Ban Dân vận",))
    assert extract_answer("Ai hướng dẫn sếp trò chuyện với bà con?", [other]) is None


@pytest.mark.parametrize(
    ("text", "question", "answer"),
    [
        ("Học viên tham gia tối thiểu 80% thời gian khóa học mới được dự kiểm tra.", "Học viên phải dự bao nhiêu phần trăm thời gian khóa học?", "tối thiểu 80% thời gian khóa học"),
        ("Mỗi chi bộ sinh hoạt chuyên đề không quá 2 lần trong một quý.", "Chi bộ sinh hoạt chuyên đề mấy lần một quý?", "không quá 2 lần"),
        ("Chi bộ có từ chín đảng viên chính thức trở lên thì bầu chi ủy.", "Chi bộ có bao nhiêu đảng viên thì bầu chi ủy?", "từ chín đảng viên"),
        ("Sau sắp xếp, huyện còn 12 xã và 02 thị trấn.", "Huyện còn bao nhiêu xã và thị trấn?", "12 xã và 02 thị trấn"),
        ("Hội nghị có 30 đại biểu, 5 khách mời.", "Hội nghị có bao nhiêu đại biểu?", "30 đại biểu"),
        # the words the question says around its "bao nhiêu" come with the count, and no others
        ("Các xã báo cáo kết quả trước ngày 20 hằng tháng.", "Các xã báo cáo kết quả trước ngày bao nhiêu hằng tháng?", "trước ngày 20 hằng tháng"),
        ("Trận lũ làm 12 người chết, mất tích và 40 nhà bị sập.", "Trận lũ làm bao nhiêu người chết và mất tích?", "12 người chết, mất tích"),
        ("Chủ tịch giữ chức không quá hai nhiệm kỳ liên tiếp theo quy chế.", "Chủ tịch giữ chức tối đa mấy nhiệm kỳ liên tiếp?", "không quá hai nhiệm kỳ liên tiếp"),
    ],
)
def test_a_count_keeps_its_bound_and_a_second_count_asked_for(text, question, answer):
    assert extract_answer(question, [_hit(text)]).text == answer


def test_a_count_in_words_beside_one_in_digits_is_two_answers():
    hit = _hit("Chi bộ có từ chín đảng viên chính thức trở lên bầu chi ủy; chi bộ có 3 đảng viên bầu bí thư.")
    assert extract_answer("Chi bộ có bao nhiêu đảng viên thì bầu chi ủy?", [hit]) is None
