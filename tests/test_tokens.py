from rag.text.accents import AccentRestorer
from rag.text.doc_numbers import doc_number_keys
from rag.text.query import analyse
from rag.text.tokens import folded_tokens, passage_tokens


def test_document_numbers_match_however_typed():
    written = set(doc_number_keys("Thực hiện Kết luận số 01-KL/TW, ngày 18/5/2021"))
    assert "#kl1" in written and "#kl1/tw" in written
    for typed in ("KL 01", "kết luận 01", "Kết luận số 01", "KL01", "01 - KL/TW", "1-KL/TW"):
        assert "#kl1" in doc_number_keys(typed), typed
    assert "#ct5" in doc_number_keys("CT05")


def test_state_document_numbers():
    assert {"#ct27", "#ct27/ttg"} <= set(doc_number_keys("Chỉ thị số 27/CT-TTg"))
    assert "#nđ30" in doc_number_keys("Nghị định số 30/2020/NĐ-CP")


def test_fields_hold_syllables_compounds_and_folded_forms():
    tokens = passage_tokens("Ban Tuyên giáo Tỉnh ủy chủ trì")
    assert {"tuyên", "giáo", "chủ", "trì"} <= set(tokens)
    assert "chủ_trì" in tokens  # a pyvi compound word
    assert {"tuyen", "giao", "chu", "tri"} <= set(folded_tokens("Ban Tuyên giáo Tỉnh ủy chủ trì"))


def test_restorer_puts_diacritics_back_from_corpus_statistics():
    restorer = AccentRestorer.from_texts(
        ["Rà soát, bổ sung, xây dựng mới các quy chế, quy định về trách nhiệm nêu gương.", "Ra quân bổ nhiệm"] * 3
    )
    assert restorer.restore("ra soat bo sung quy che") == "rà soát bổ sung quy chế"


def test_query_analysis_restores_only_unaccented_queries_and_expands_abbreviations():
    restorer = AccentRestorer.from_texts(["thời gian nộp báo cáo"])
    assert analyse("thoi gian nop bao cao", restorer).text == "thời gian nộp báo cáo"
    accented = analyse("Khi nào BTG Thị ủy phải xong?", restorer)
    assert not accented.restored and accented.text == "Khi nào BTG Thị ủy phải xong?"
    assert "Ban Tuyên giáo" in accented.expansions


def test_question_intents_with_or_without_diacritics():
    from rag.records import Deadline, Facts
    from rag.search.intents import intent_matches, question_intents

    assert question_intents("Ai phụ trách việc in tài liệu?") == {"who"}
    assert question_intents("bao gio phai gui danh sach") == {"when"}
    assert question_intents("Hạn chót nộp báo cáo sơ kết là khi nào?") == {"when"}
    assert question_intents("cách viết phần mục đích yêu cầu") == set()
    assert question_intents("Đơn vị nào lo khâu hậu cần?") == {"who"}
    assert question_intents("bo phan nao theo doi") == {"who"}
    assert question_intents("Lớp bồi dưỡng kéo dài bao lâu, học mấy buổi?") == {"how_many"}  # a comma after the phrase
    assert question_intents("bao lâu?") == {"how_many"} and question_intents("Bao lâu một lần?") == {"how_many"}
    assert question_intents("Đoàn thanh niên làm gì?") == set()  # "ai" inside a word is no who-question
    # Who a thing is for is no lead body: "đối tượng / thành phần … gồm những ai" asks for people.
    assert question_intents("Thành phần dự lớp tập huấn chuyển đổi số gồm những ai?") == set()
    assert question_intents("doi tuong duoc cap the bao hiem la nhung ai") == set()
    assert question_intents("Ai tổng hợp danh sách đối tượng?") == {"who"}
    # The facts decide who and when; words alone ("chịu trách nhiệm" in a topic) do not.
    assert intent_matches({"who"}, "Sở Nội vụ chủ trì, phối hợp với các sở", Facts(lead=("Sở Nội vụ",)))
    assert not intent_matches({"who"}, "dám nghĩ, dám làm, dám chịu trách nhiệm", Facts())
    assert intent_matches({"when"}, "Hoàn thành trước 30/6/2026.", Facts(deadlines=(Deadline("trước 30/6/2026", end="2026-06-30"),)))
    assert not intent_matches({"when"}, "Thời gian qua, công tác tuyên truyền được chú trọng.", Facts())
    assert intent_matches({"how_many"}, "Mỗi lớp 40 học viên, học 24 giờ.", Facts())
    assert not intent_matches({"how_many"}, "Thực hiện suất sắc nhiệm vụ.", Facts())


def test_questions_about_cited_documents_and_a_bare_ban_hanh():
    from rag.search.intents import question_intents

    assert "cites" in question_intents("Kết luận 21-KL/TW ban hành ngày nào?")
    assert "cites" in question_intents("Kế hoạch này căn cứ văn bản nào?")
    # "ban hành" alone is a task's verb: the plan's basis and closing are no answer to it.
    assert "cites" not in question_intents("Cơ quan thanh tra phải ban hành kết luận thanh tra trước ngày nào?")


def test_questions_across_plans_and_about_implementation():
    from rag.search.intents import question_intents

    assert "across" in question_intents("Những kế hoạch nào đặt mục đích đưa việc học tập trở thành nhu cầu tự thân?")
    assert "across" in question_intents("cac ke hoach dien dat the nao ve muc tieu")
    assert "across" in question_intents("Các KH của huyện giao ai tổng hợp báo cáo?")  # the abbreviation too
    # Two plans named side by side.
    assert "across" in question_intents("Hạn nộp báo cáo trong kế hoạch của Huyện ủy và kế hoạch của UBND huyện là ngày nào?")
    assert "across" in question_intents("Bản đăng ký ở Huyện ủy và ở Đảng ủy xã nộp cho ai?")
    # One plan whose tasks name two plans to draft is no question across plans.
    assert "across" not in question_intents("Ai xây dựng kế hoạch tuyên truyền hằng năm và kế hoạch năm sau phải xong khi nào?")
    assert "basis" in question_intents("Kế hoạch nào triển khai KL 21?")
    assert "basis" not in question_intents("xây dựng kế hoạch thực hiện KL 01 cần xác định rõ gì?")  # a topic, not a question about plans
    # Units and places do not ask which plans implement a document.
    assert "basis" not in question_intents("Đơn vị nào thực hiện Chỉ thị 05?")
    assert "basis" not in question_intents("Nơi nào triển khai Quyết định 12 trước?")
    assert "basis" in question_intents("Những văn bản nào cụ thể hóa Nghị quyết 36?")


def test_questions_about_cited_documents():
    from rag.search.intents import question_intents

    assert "cites" in question_intents("Quyết định này căn cứ luật nào?")
    assert "cites" in question_intents("QĐ 12 của UBND huyện nói về việc gì?")
    assert "cites" in question_intents("cong van 15 do ai ban hanh")
    assert "cites" in question_intents("KH của Sở Y tế làm theo KH năm 2025 nào của tỉnh?")
    assert "cites" not in question_intents("Ai lo đôn đốc các xã làm theo kế hoạch năm 2025 của huyện?")
    assert "cites" not in question_intents("Theo chỉ thị của UBND tỉnh, hạn nộp báo cáo là khi nào?")


def test_state_documents_by_number_however_typed():
    from rag.text.doc_numbers import doc_number_keys

    assert "#kh204" in doc_number_keys("Số: 0204/KH-UBND") and "#kh204" in doc_number_keys("KH 0204 của UBND Cà Mau")
    assert "#nđ16" in doc_number_keys("Nghị định số 16/2025/NĐ-CP") and "#nđ16" in doc_number_keys("Nghị định 16/2025")
    assert "#nq386" in doc_number_keys("NQ 386") and "#nq386" in doc_number_keys("Nghị quyết số 386/NQ-HĐND")
    assert "#cđ220" in doc_number_keys("Công điện số 220/CĐ-TTg") and "#cđ220" in doc_number_keys("công điện 220")
    assert "#cđ220" in doc_number_keys("CĐ 220")
    assert not doc_number_keys("tối đa 5 người mỗi lớp")
