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
    from rag.records import Facts
    from rag.search.intents import intent_matches, question_intents

    assert question_intents("Ai chủ trì hội nghị?") == {"who"}
    assert question_intents("khi nao phai nop bao cao") == {"when"}
    assert question_intents("Thời hạn rà soát là khi nào?") == {"when"}
    assert question_intents("mẫu câu về nêu gương") == set()
    assert intent_matches({"who"}, "Giao Ban Tổ chức Tỉnh ủy chủ trì, phối hợp")
    assert intent_matches({"when"}, "- Thời gian hoàn thành: trước 31/3/2022.")
    assert not intent_matches({"when"}, "Nâng cao nhận thức của cán bộ, đảng viên.")
    assert question_intents("Ban nào lo việc cụ thể hóa Kết luận 14?") == {"who"}
    assert question_intents("to chuc nao phu trach") == {"who"}
    assert question_intents("Hội nghị kéo dài bao lâu?") == {"how_many"}  # a duration: "0,5 ngày"
    assert not intent_matches({"when"}, "Thời gian qua, công tác tuyên truyền được chú trọng.", Facts())
    # Facts known: "dám chịu trách nhiệm" in a topic's wording names nobody who answers the question.
    assert not intent_matches({"who"}, "dám nghĩ, dám làm, dám chịu trách nhiệm", Facts())
    assert intent_matches({"who"}, "dám nghĩ, dám làm, dám chịu trách nhiệm", Facts(lead=("Chi bộ",)))


def test_questions_across_plans_and_about_implementation():
    from rag.search.intents import question_intents

    assert "across" in question_intents("Những kế hoạch nào đặt mục đích đưa việc học tập trở thành nhu cầu tự thân?")
    assert "across" in question_intents("cac ke hoach dien dat the nao ve muc tieu")
    assert "basis" in question_intents("Kế hoạch nào triển khai KL 21?")
    assert "basis" not in question_intents("xây dựng kế hoạch thực hiện KL 01 cần xác định rõ gì?")  # a topic, not a question about plans
