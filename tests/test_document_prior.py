"""The document a question names by its issuer, place or title lifts that document's passages."""

from dataclasses import replace

from rag.records import DocumentMeta
from rag.search.document_prior import DocumentPrior

PLANS = {
    "tinh.txt": DocumentMeta("tinh.txt", "KẾ HOẠCH", "", "Ban Thường vụ Tỉnh ủy", title="học tập chuyên đề năm 2022"),
    "thi.txt": DocumentMeta("thi.txt", "KẾ HOẠCH", "45-KH/TU", "Ban Thường vụ Thị ủy", title="học tập và làm theo Bác năm 2022"),
    "camau.txt": DocumentMeta("camau.txt", "KẾ HOẠCH", "0204/KH-UBND", "ỦY BAN NHÂN DÂN TỈNH CÀ MAU", place="Cà Mau", title="chuyển đổi số"),
    "daklak.txt": DocumentMeta("daklak.txt", "CHỈ THỊ", "012/CT-UBND", "ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK", place="Đắk Lắk", title="phòng chống dịch"),
}


def test_the_issuer_named_wins_and_words_every_document_has_count_for_little():
    scores = DocumentPrior(PLANS).scores("Ai tổng hợp kết quả cam kết để báo cáo Ban Thường vụ Thị ủy?")
    assert scores["thi.txt"] == 1.0 and scores["tinh.txt"] < 0.5


def test_place_and_title_name_a_state_document():
    scores = DocumentPrior(PLANS).scores("UBND tỉnh Cà Mau giao ai lo chuyển đổi số?")
    assert max(scores, key=scores.get) == "camau.txt" and scores["daklak.txt"] < scores["camau.txt"] / 2


def test_a_question_naming_no_document_gives_no_prior():
    assert DocumentPrior(PLANS).scores("Ai chủ trì?") == {}


def test_the_named_document_rises_in_the_ranking(corpus_index):
    """Three plans of the seed corpus ask for a like pledge; the issuer named counts."""
    question = "Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh cho quần chúng viết bản cam kết nộp ở đâu?"
    named_doc = next(doc for doc, meta in corpus_index.documents.items() if meta.issuer.endswith("doanh nghiệp tỉnh"))
    before = corpus_index.settings
    try:
        corpus_index.settings = replace(before, document_weight=0.0)
        plain = [h.doc_id for h in corpus_index.search(question, k=5)]
        corpus_index.settings = replace(before, document_weight=0.1)
        named = [h.doc_id for h in corpus_index.search(question, k=5)]
    finally:
        corpus_index.settings = before
    assert named.count(named_doc) > plain.count(named_doc)
