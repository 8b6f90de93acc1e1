"""The fast builders give exactly what the slow, reference ones give: pyvi's words, bm25s's scores."""

from __future__ import annotations

import numpy as np
import pytest

from rag.build import read_corpus
from rag.lexbuild import build_fields
from rag.normalize import index_text
from rag.passages import passage_index_text
from rag.segment import segment
from rag.tokens import folded_tokens, passage_tokens

from .conftest import CORPUS


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

    monkeypatch.setattr("rag.lexbuild.CHUNK", chunk)  # 37: several chunks, columns filled across them
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
