import pytest

from rag import QueryError, SearchIndex


def labels(nodes):
    return [n.number or n.file for n in nodes]


def test_seed_chains(corpus_index):
    r = corpus_index.related("004_701670e4f6488039.txt")
    assert {"29-KH/TU", "21-KH/ĐUK"} <= set(labels(r.basis))
    assert ["004_701670e4f6488039.txt", "29-KH/TU", "01-KL/TW", "05-CT/TW"] in [labels(c) for c in r.chain]
    assert "05-CT/TW" not in labels(r.basis)  # named only as what 29-KH/TU implements

    assert "49-KH/TU" in labels(corpus_index.related("001_f40361709d858c1f.txt").basis)
    assert "84-KH/TU" in labels(corpus_index.related("003_29223056b309dc88.txt").basis)


def test_loose_numbers_reach_one_node_with_its_implementers(corpus_index):
    for typed in ("KL 01", "Kết luận 01-KL/TW", "01-KL/TW", "kết luận số 01"):
        r = corpus_index.related(typed)
        assert r.node.number == "01-KL/TW" and r.node.date == "2021-05-18" and r.node.issuer == "Bộ Chính trị"
        assert r.node.file is None  # known from citations only
        assert set(labels(r.based_on_by)) >= {"000_c37cd78077fd11a0.txt", "45-KH/TU", "004_701670e4f6488039.txt"}


def test_which_plans_implement_a_conclusion_returns_basis_paragraphs(corpus_index):
    hits = corpus_index.search("Những kế hoạch nào thực hiện Kết luận 01-KL/TW?", k=4)
    assert all(h.passage.section_path == ("Căn cứ ban hành",) for h in hits)
    assert len({h.doc_id for h in hits}) == 4


def test_drafted_opening_uses_only_corpus_words(corpus_index):
    text, pieces = corpus_index.draft_basis(["KL 01", "28-HD/BTGTW"], "Ban Thường vụ Huyện ủy")
    assert text.startswith("Thực hiện Kết luận số 01-KL/TW, ngày 18/5/2021 của Bộ Chính trị")
    assert text.endswith("Ban Thường vụ Huyện ủy xây dựng Kế hoạch … như sau:")
    for piece in pieces:
        passage = corpus_index.passages[piece.passage_id]
        assert piece.text in " ".join(passage.text.replace("*", "").split())  # every piece is quoted, not composed
    with pytest.raises(QueryError, match="No document"):
        corpus_index.draft_basis(["KH 999"], "X")


CONFLICT = {
    "a.txt": "KẾ HOẠCH\n\n-----\n\nThực hiện Kế hoạch số 45-KH/TU, ngày 10/01/2022 của Ban Thường vụ Tỉnh ủy Lạng Sơn, Ban Thường vụ Huyện ủy ban hành Kế hoạch như sau:\n\nI. NỘI DUNG\n\n- Học tập.\n",
    "b.txt": "KẾ HOẠCH\n\n-----\n\nThực hiện Kế hoạch số 45-KH/TU, ngày 20/03/2021 của Ban Thường vụ Tỉnh ủy Lâm Đồng, Ban Thường vụ Thị ủy ban hành Kế hoạch như sau:\n\nI. NỘI DUNG\n\n- Tuyên truyền.\n",
}


def test_same_number_from_different_committees_are_two_documents(tmp_path, fake_embedder):
    corpus = tmp_path / "c"
    corpus.mkdir()
    for name, text in CONFLICT.items():
        (corpus / name).write_text(text, encoding="utf-8")
    index = SearchIndex.build(corpus, None, embedder=fake_embedder)
    a, b = index.related("a.txt").basis, index.related("b.txt").basis
    assert labels(a) == labels(b) == ["45-KH/TU"]
    assert a[0] is not b[0]
    assert {a[0].date, b[0].date} == {"2022-01-10", "2021-03-20"}
    assert "Lạng Sơn" in a[0].issuer and "Lâm Đồng" in b[0].issuer
