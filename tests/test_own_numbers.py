"""A document named by its own number comes first, in any loose form, and the article asked for
first within it (real documents of tests/data/real; lexical mode and a fake model: no embedding)."""

from __future__ import annotations

import pytest

from rag import SearchIndex
from rag.records import DocumentMeta
from rag.search.own_numbers import OwnNumbers, asked_article, own_keys, query_keys

from .conftest import ROOT, HashingEmbedder

REAL = ROOT / "tests" / "data" / "real"


@pytest.fixture(scope="module")
def real_index(tmp_path_factory) -> SearchIndex:
    return SearchIndex.build(REAL, tmp_path_factory.mktemp("own") / "index", embedder=HashingEmbedder())


@pytest.mark.parametrize(
    ("question", "document"),
    [
        ("NĐ 302", "ext_191_302_2025_nd_cp.txt"),
        ("Công điện 224", "ext_055_224_cd_ttg.txt"),
        ("CĐ 224 của Thủ tướng", "ext_055_224_cd_ttg.txt"),
        ("KH 0130 của UBND", "ext_019_0130_kh_ubnd.txt"),
        ("NQ 141", "ext_075_141_nq_cp.txt"),
        ("thong bao 623", "ext_063_623_tb_vpcp.txt"),
        ("CV 37951", "ext_179_37951_chq_gsql.txt"),
        ("Hướng dẫn 06-HD/TW", "ext_003_06_hd_tw.txt"),
    ],
)
@pytest.mark.parametrize("mode", ["lexical", "hybrid"])
def test_a_document_named_by_its_number_comes_first(real_index, question, document, mode):
    hits = real_index.search(question, k=3, mode=mode)
    assert [h.passage.doc_id for h in hits] == [document] * 3


def test_the_article_asked_for_comes_first_within_the_document(real_index):
    hit = real_index.search("Nghị quyết 63/2025/NQ-HĐND điều 2", k=1, mode="lexical")[0]
    assert hit.passage.doc_id == "ext_091_63_2025_nq_hdnd.txt" and hit.citation.section.startswith("Điều 2.")


def test_a_filter_on_another_document_is_kept(real_index):
    from rag import SearchFilter

    hits = real_index.search("NĐ 302", k=3, mode="lexical", where=SearchFilter(doc="ext_055_224_cd_ttg.txt"))
    assert {h.passage.doc_id for h in hits} <= {"ext_055_224_cd_ttg.txt"}


def test_keys_of_own_numbers_and_of_questions():
    assert own_keys(DocumentMeta("a", doc_type="CÔNG VĂN", number="37951/CHQ-GSQL")) == {"#cv37951"}
    assert own_keys(DocumentMeta("b", doc_type="NGHỊ ĐỊNH", number="302/2025/NĐ-CP")) == {"#nđ302", "#nđ302/cp"}
    assert own_keys(DocumentMeta("c", doc_type="KẾ HOẠCH", number="")) == set()
    assert query_keys("nghi dinh so 302 quy dinh gi") == {"#nđ302"}
    assert query_keys("Ai chủ trì hội nghị?") == set()
    assert asked_article("Nghị định 30 dieu 12 noi gi") == "Điều 12." and asked_article("Nghị định 30") is None


def test_the_most_specific_number_wins():
    documents = {
        "hdnd.txt": DocumentMeta("hdnd.txt", doc_type="NGHỊ QUYẾT", number="63/2025/NQ-HĐND"),
        "cp.txt": DocumentMeta("cp.txt", doc_type="NGHỊ QUYẾT", number="63/NQ-CP"),
    }
    numbers = OwnNumbers(documents)
    assert numbers.named("Nghị quyết 63/2025/NQ-HĐND") == ["hdnd.txt"]
    assert numbers.named("NQ 63") == ["cp.txt", "hdnd.txt"]
