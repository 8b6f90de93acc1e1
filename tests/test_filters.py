import pytest

from rag import QueryError, SearchFilter
from rag.text.normalize import loose

QUERIES = ["tổ chức hội nghị học tập", "báo cáo kết quả", "kiem tra giam sat", "Ai chủ trì?", "KL 01"]


@pytest.mark.parametrize(
    "where",
    [
        SearchFilter(doc="003_29223056b309dc88.txt"),
        SearchFilter(issuer="thi uy"),
        SearchFilter(doc_type="kế hoạch", year=2022),
        SearchFilter(body="BTG"),
        SearchFilter(body="Ủy ban Kiểm tra"),
        SearchFilter(due_from="Q1 2022", due_to="Q1 2022"),
        SearchFilter(due_from="2022-06", body="Ban Tuyên giáo"),
    ],
    ids=["doc", "issuer", "type-year", "body-abbrev", "body", "due-q1", "due-and-body"],
)
def test_a_filter_never_returns_a_passage_that_fails_it(corpus_index, where):
    allowed = set(corpus_index.allowed(where).tolist())
    assert allowed, "the filter should match something in the seeds"
    for query in QUERIES:
        for mode in ("hybrid", "lexical", "dense"):
            hits = corpus_index.search(query, k=10, mode=mode, where=where)
            assert {h.passage.passage_id for h in hits} <= allowed, (query, mode)
            for hit in hits:
                meta = corpus_index.documents[hit.doc_id]
                assert where.matches(hit.passage, meta, hit.facts)


def test_filters_mean_what_they_say(corpus_index):
    for hit in corpus_index.search("kế hoạch", k=20, where=SearchFilter(body="BTG")):
        assert any("tuyen giao" in loose(b) for b in hit.facts.lead + hit.facts.coordinating)
    q1 = corpus_index.search("hoàn thành", k=20, where=SearchFilter(due_from="Q1 2022", due_to="Q1 2022"))
    assert q1 and all(any(d.end and "2022-01-01" <= d.end <= "2022-03-31" for d in h.facts.deadlines) for h in q1)


def test_bad_dates_are_explained():
    with pytest.raises(QueryError, match="not a date"):
        SearchFilter(due_from="31/3/2022")


def test_precedent_search_leaves_out_the_source_document(corpus_index):
    draft = "Khuyến khích các huyện, các cơ quan, đơn vị tự biên soạn, bổ sung nội dung học tập phù hợp đặc điểm từng ngành"
    assert corpus_index.similar(draft, k=1)[0].doc_id == "000_c37cd78077fd11a0.txt"
    others = corpus_index.similar(draft, k=5, exclude_doc="000_c37cd78077fd11a0.txt")
    assert len(others) == 5 and all(h.doc_id != "000_c37cd78077fd11a0.txt" for h in others)


def test_facets_count_what_the_filters_keep(corpus_index):
    facets = corpus_index.facets()
    assert facets["years"]["2022"] >= 4 and facets["issuers"]
    for name, count in facets["bodies"].items():
        assert len(corpus_index.allowed(SearchFilter(body=name, body_exact=True))) == count, name
    for period, count in facets["periods"].items():
        assert len(corpus_index.allowed(SearchFilter(due_from=period, due_to=period))) == count, period
    # a whole name leaves out longer names that contain it; a part of a name does not
    exact = corpus_index.allowed(SearchFilter(body="Tỉnh ủy", body_exact=True))
    loose_match = corpus_index.allowed(SearchFilter(body="Tỉnh ủy"))
    assert 0 < len(exact) < len(loose_match)
