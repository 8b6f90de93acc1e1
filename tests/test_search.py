"""Search behaviour on the real seed corpus with the real model (index built once per session)."""

import pytest

from rag import QueryError
from rag.evaluate import load_queries, run_queries, score, score_answers

from .conftest import ANSWER_QUERIES, DEV_QUERIES, HOLDOUT_QUERIES, MORE_QUERIES, THIRD_QUERIES


def test_who_question_finds_the_lead_body(corpus_index):
    hits = corpus_index.search("Ai chủ trì tổ chức hội nghị học tập chuyên đề cấp tỉnh?", k=5)
    assert hits[0].text.startswith("Tỉnh ủy chủ trì Hội nghị trực tiếp")
    assert hits[0].citation.file == "000_c37cd78077fd11a0.txt"
    assert hits[0].citation.section.endswith("1.1. Đối với cấp tỉnh")
    assert [h.rank for h in hits] == [1, 2, 3, 4, 5]
    assert all(a.score >= b.score for a, b in zip(hits, hits[1:]))


def test_loosely_typed_document_numbers(corpus_index):
    for typed in ("Chỉ thị 07-CT/TU", "CT 07", "chỉ thị 07"):
        top = corpus_index.search(typed, k=3, mode="lexical")
        assert any("07-CT/TU" in h.text for h in top), typed


def test_query_without_diacritics(corpus_index):
    hits = corpus_index.search("thoi gian hoan thanh dang ky noi dung dot pha mo hinh moi", k=5)
    assert any("trước 31/3/2022" in h.text for h in hits)


def test_words_typed_without_accents_in_an_accented_question(corpus_index):
    """An accented question is matched on the accented field only, except the words that look
    typed without their accents (the corpus spells them with accents more often): those are
    looked up without diacritics."""
    from rag.text.query import analyse

    def folded(query):
        return [tokens for field, tokens, _ in corpus_index.lexical_terms(analyse(query, corpus_index.restorer)) if field == "folded"][0]

    assert folded("Thời gian hoàn thành đăng ký nội dung đột phá mô hình mới") == []
    assert folded("Thời gian hoàn thành dang ky nội dung dot pha mô hình mới") == ["dang", "ky", "dot", "pha"]
    assert "hoan" in folded("thoi gian hoan thanh dang ky")  # no accents at all: every word
    assert folded("Ban Tuyên giáo tinh ủy chủ trì") == ["tinh"]  # "tinh" is most often "tỉnh"; "ban" is "ban"
    hits = corpus_index.search("Ban Tuyên giáo tinh ủy chủ trì tổ chức hội nghị cấp tỉnh", k=3, mode="lexical")
    assert any("Ban Tuyên giáo Tỉnh ủy" in h.text for h in hits)
    hits = corpus_index.search("Thời gian hoàn thành dang ky nội dung dot pha mô hình mới", k=5, mode="lexical")
    assert any("trước 31/3/2022" in h.text for h in hits)


def test_a_mixed_question_gets_the_accents_it_is_missing(corpus_index):
    """Words the corpus never writes as typed, only with accents, are restored in context; the
    others keep their spelling (the dense side and the accented field then see "đăng ký", "đột phá")."""
    from rag.text.query import analyse

    mixed = "Thời gian hoàn thành dang ky nội dung dot pha mô hình mới"
    assert analyse(mixed, corpus_index.restorer).text == "thời gian hoàn thành đăng ký nội dung đột phá mô hình mới"
    assert analyse("Ban Tuyên giáo tinh ủy chủ trì", corpus_index.restorer).text == "Ban Tuyên giáo tinh ủy chủ trì"
    accented = "Thời gian hoàn thành đăng ký nội dung đột phá mô hình mới"
    assert corpus_index.search(mixed, k=1)[0].passage == corpus_index.search(accented, k=1)[0].passage


def test_modes_and_batch_agree(corpus_index):
    query = "Ủy ban Kiểm tra Thị ủy kiểm tra, giám sát"
    batch = corpus_index.search_batch([query, "tài liệu học tập"], k=4)
    assert [h.passage for h in batch[0]] == [h.passage for h in corpus_index.search(query, k=4)]
    for mode in ("lexical", "dense"):
        hits = corpus_index.search(query, k=4, mode=mode)
        assert len(hits) == 4
        assert any("Ủy ban Kiểm tra Thị ủy" in h.text for h in hits), mode


def test_cross_plan_questions_see_several_documents(corpus_index):
    hits = corpus_index.search("Những kế hoạch nào đặt mục đích đưa việc học tập, làm theo Bác trở thành nhu cầu tự thân?", k=5)
    assert len({h.doc_id for h in hits}) >= 3


@pytest.mark.parametrize("bad", ["", "   "])
def test_empty_query_is_refused(corpus_index, bad):
    with pytest.raises(QueryError, match="empty"):
        corpus_index.search(bad)


def test_bad_options_list_the_choices(corpus_index):
    with pytest.raises(QueryError, match="hybrid, lexical or dense"):
        corpus_index.search("x", mode="fuzzy")
    with pytest.raises(QueryError, match="at least 1"):
        corpus_index.search("x", k=0)


def test_dev_set_quality_floor(corpus_index):
    """Recall@5 on the dev questions must not fall below 0.85 (README reports the current numbers)."""
    queries = load_queries(DEV_QUERIES)
    metrics = score(queries, run_queries(corpus_index, queries, k=10))["ALL"]
    assert metrics["R@5"] >= 0.85, metrics
    assert metrics["MRR@10"] >= 0.80, metrics


def test_quality_floor_on_questions_written_without_seeing_the_ranker(corpus_index):
    """tests/data/dev2.jsonl: 50 questions of the same 8 kinds, written by someone who had not seen
    the ranking code. Later choices (the folded field, the accent restorer) were measured on them
    too, so they are a floor against regressions, not an unseen set (docs/quality.md)."""
    queries = load_queries(MORE_QUERIES)
    metrics = score(queries, run_queries(corpus_index, queries, k=10))["ALL"]
    assert metrics["R@5"] >= 0.9 and metrics["MRR@10"] >= 0.85, metrics


def test_quality_floor_on_a_third_set_of_everyday_questions(corpus_index):
    """tests/data/dev3.jsonl: 64 questions written without the ranking code, more of them short,
    loosely typed or in everyday words (paraphrase is the weak kind; docs/quality.md)."""
    queries = load_queries(THIRD_QUERIES)
    metrics = score(queries, run_queries(corpus_index, queries, k=10))["ALL"]
    assert metrics["R@5"] >= 0.85 and metrics["MRR@10"] >= 0.8, metrics


def test_short_answers_are_rarely_wrong_on_their_tuning_set(corpus_index):
    """tests/data/answers_dev.jsonl (the rules of rag/search/answers.py were tuned on it): an answer
    is given for two questions in five and is right (measured: 27 of 27); questions the plans do
    not answer get at most one."""
    queries = load_queries(ANSWER_QUERIES)
    answers = score_answers(queries, run_queries(corpus_index, queries, k=10))
    assert answers["precision"] >= 0.95 and answers["coverage"] >= 0.4 and answers["unanswerable_answered"] <= 1, answers


def test_held_out_set_nobody_looks_at(corpus_index):
    """tests/data/holdout.jsonl: written without the code and never read while tuning; only these
    totals are looked at (measured 2026-12-02: R@5 0.886, MRR@10 0.799, answers 0.35 / 0.94 with near ties abstaining)."""
    queries = load_queries(HOLDOUT_QUERIES)
    results = run_queries(corpus_index, queries, k=10)
    metrics, answers = score(queries, results)["ALL"], score_answers(queries, results)
    print(f"holdout: R@1 {metrics['R@1']:.3f} R@5 {metrics['R@5']:.3f} MRR@10 {metrics['MRR@10']:.3f}; answers {answers}")
    assert metrics["R@5"] >= 0.8 and metrics["MRR@10"] >= 0.72, metrics
    assert answers["precision"] >= 0.85 and answers["coverage"] >= 0.3, answers
