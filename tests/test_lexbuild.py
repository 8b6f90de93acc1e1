"""The fast builders give exactly what the slow, reference ones give: pyvi's words, bm25s's scores."""

from __future__ import annotations

import numpy as np
import pytest

from rag.lexical.build import build_fields
from rag.store.corpus import read_corpus
from rag.structure.passages import passage_index_text
from rag.text.normalize import index_text
from rag.text.segment import segment
from rag.text.tokens import folded_tokens, passage_tokens

from .conftest import CORPUS, DEV_QUERIES


@pytest.fixture(scope="module")
def texts() -> list[str]:
    return [passage_index_text(p) for p in read_corpus(CORPUS).passages]


def test_segmentation_equals_pyvi(texts):
    from pyvi import ViTokenizer

    extra = ["", "   ", "Số 45-KH/TU ngày 14/02/2022 ==> xem http://a.vn, e@x.vn; TP. Hồ Chí Minh... Tp. Huế", "ĐẢNG CỘNG SẢN VIỆT NAM"]
    for text in [index_text(t) for t in texts] + extra:
        assert segment(text) == ViTokenizer.tokenize(text).split(), text


@pytest.mark.parametrize(("workers", "chunk"), [(1, 4000), (2, 37)])
def test_fields_score_like_bm25s_over_token_lists(texts, workers, chunk, monkeypatch):
    import bm25s

    monkeypatch.setattr("rag.lexical.build.CHUNK", chunk)  # 37: several chunks, columns filled across them
    fields, compounds = build_fields(texts, workers=workers)
    reference = {"accented": [passage_tokens(t) for t in texts], "folded": [folded_tokens(t) for t in texts]}
    assert [sorted(c.split()) for c in compounds] == [sorted(t for t in tokens if "_" in t) for tokens in reference["accented"]]
    for name, token_lists in reference.items():
        slow = bm25s.BM25(k1=1.2, b=0.75)
        slow.index(token_lists, show_progress=False)
        fast = fields[name]
        assert set(fast.vocab_dict) == set(slow.vocab_dict) - {""}
        ptr = fast.scores["indptr"]
        assert all(np.all(np.diff(fast.scores["indices"][ptr[c] : ptr[c + 1]]) > 0) for c in range(len(ptr) - 1))
        for query in (["chủ", "trì", "chủ_trì"], ["tuyen", "giao"], ["#kl1", "kết", "luận"], ["năm", "2022", "thực_hiện"]):
            known = [t for t in query if t in slow.vocab_dict]
            if known:
                np.testing.assert_allclose(fast.get_scores(known), slow.get_scores(known), rtol=1e-6, atol=1e-6)


def test_cached_compounds_are_used_instead_of_pyvi(texts):
    _, compounds = build_fields(texts[:3], cache={texts[0]: "giả_định"})
    assert compounds[0] == "giả_định"
    _, none = build_fields(texts[:3], compounds=False)
    assert none == ["", "", ""]


def test_lexical_scores_equal_bm25s_get_scores(corpus_index):
    for field, query in (("accented", ["chủ", "trì", "chủ_trì", "chủ", "không-có"]), ("folded", ["tuyen", "giao", "#kl1"])):
        retriever = corpus_index.lexical.fields[field]
        known = [t for t in query if t in retriever.vocab_dict]
        np.testing.assert_array_equal(corpus_index.lexical.scores(field, query), retriever.get_scores(known))



def numpy_weighted_scores(lexical, terms):
    """The numpy path before the compiled loop, verbatim: one indexed add per column, then weights."""
    total = np.zeros(lexical.size, dtype=np.float32)
    for field, tokens, weight in terms:
        if tokens:
            retriever = lexical.fields[field]
            data, indices, indptr = (retriever.scores[key] for key in ("data", "indices", "indptr"))
            out = np.zeros(lexical.size, dtype=np.float32)
            for token in tokens:
                column = retriever.vocab_dict.get(token)
                if column is not None:
                    start, end = int(indptr[column]), int(indptr[column + 1])
                    if end - start <= lexical.max_df * lexical.size:
                        out[indices[start:end]] += data[start:end]
            total = total + weight * out
    return total


def test_compiled_scores_equal_the_numpy_loop(corpus_index):
    """The numba loop gives the numpy indexed add's float32 sums bit for bit, weighted parts included,
    query after query (its scratch array is reused) and into a caller's array."""
    from rag.evaluate import load_queries
    from rag.lexical.scoring import _numba_kernels
    from rag.text.query import analyse

    assert _numba_kernels() is not None, "numba is a dependency: pip install -e ."
    lexical = corpus_index.lexical
    questions = [q["query"] for q in load_queries(DEV_QUERIES)]
    questions += ["TW4 MTTQ Số 45-KH/TU", "chu tri thuc hien ket luan 01-KL/TW", "zzqxj wvqk"]
    reused = np.full(lexical.size, 7.0, dtype=np.float32)  # a caller's array, overwritten each time
    for max_df in (1.0, 0.3):  # 0.3: common words pruned, both paths drop the same columns
        lexical.max_df = max_df
        try:
            for question in questions:
                terms = corpus_index.lexical_terms(analyse(question, corpus_index.restorer))
                expected = numpy_weighted_scores(lexical, terms)
                assert expected.any() == (question != "zzqxj wvqk")
                np.testing.assert_array_equal(lexical.weighted_scores(terms, accelerate=True), expected)
                np.testing.assert_array_equal(lexical.weighted_scores(terms, accelerate=False), expected)
                np.testing.assert_array_equal(lexical.weighted_scores(terms), expected)  # numpy: a small index
                assert lexical.weighted_scores(terms, out=reused, accelerate=True) is reused
                np.testing.assert_array_equal(reused, expected)
        finally:
            lexical.max_df = 1.0


def test_array_pool_lends_one_array_per_borrower_and_keeps_a_few():
    from rag.lexical.scoring import ArrayPool

    pool = ArrayPool(keep=1)
    with pool.borrow(5) as first, pool.borrow(5) as second:
        assert first is not second  # two queries at once never share an array
    with pool.borrow(5) as again:
        assert again is first or again is second  # one kept (keep=1), the other dropped
    with pool.borrow(3) as other_size:
        assert len(other_size) == 3
    pool = ArrayPool(keep=3)
    for size in (5, 3, 4):  # kept arrays of several sizes (indexes of several sizes in one process)
        with pool.borrow(size):
            pass
    with pool.borrow(3) as small, pool.borrow(4) as middle:
        assert (len(small), len(middle)) == (3, 4)

    pool = ArrayPool(keep=2)
    try:
        with pool.borrow(3) as broken:
            raise KeyError("interrupted")
    except KeyError:
        pass
    with pool.borrow(3) as fresh:
        assert fresh is not broken  # its borrower failed: it may be half written, so it is not lent again
    with pool.borrow(3) as reused:
        assert reused is fresh


def test_a_small_index_does_not_load_the_compiled_loop(corpus_index_dir):
    """Loading numba's compiled loop costs a fresh process about 0.5 s; a small index sums with numpy."""
    import subprocess
    import sys

    script = (
        "import sys; from rag import SearchIndex; import rag.lexical.scoring as lexscore; "
        f"index = SearchIndex.load({str(corpus_index_dir)!r}); "
        "assert index.search('Ban Tuyên giáo chủ trì', k=3, mode='lexical'); "
        "print(lexscore._KERNELS is None, index.lexical.size < lexscore.ACCELERATE_ABOVE)"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["True", "True"]
