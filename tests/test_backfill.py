"""Searchable soon: an index saved before its passages are embedded, filled in behind, resumable."""

from __future__ import annotations

import errno
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import replace

import numpy as np
import pytest

from rag import SearchIndex
from rag.errors import RagError
from rag.search.backfill import FillInterrupted, fill_vectors
from rag.store.vectors import PENDING, done_parts

from .conftest import CORPUS, ROOT

QUESTIONS = ["Ai chủ trì tổ chức hội nghị học tập chuyên đề?", "báo cáo kết quả trước ngày nào", "kiểm tra giám sát nêu gương"]


@pytest.fixture
def small_parts(monkeypatch):
    monkeypatch.setattr("rag.store.vectors.PART_SIZE", 16)


def ranking(index: SearchIndex, mode: str = "hybrid") -> list[list[tuple[str, int, float]]]:
    return [[(h.passage.doc_id, h.passage.line_start, round(h.score, 6)) for h in index.search(q, k=5, mode=mode)] for q in QUESTIONS]


class FailingAfter:
    """The test embedder, dying (like a killed process) after ``calls`` batches."""

    def __init__(self, inner, calls: int) -> None:
        self.inner, self.left = inner, calls
        self.name, self.dim = inner.name, inner.dim

    def embed_batch(self, texts, *, kind):
        if self.left == 0:
            raise KeyboardInterrupt
        self.left -= 1
        return self.inner.embed_batch(texts, kind=kind)


def test_a_later_build_searches_lexically_at_once_and_says_how_much_is_embedded(tmp_path, copied_seeds, fake_embedder):
    index_dir = tmp_path / "index"
    built = SearchIndex.build(copied_seeds, index_dir, embedder=fake_embedder, embed="later")
    assert fake_embedder.texts_embedded == 0
    loaded = SearchIndex.load(index_dir, embedder=fake_embedder)
    status = loaded.status()
    assert (status.passages, status.embedded, status.complete) == (len(built.passages), 0, False)
    assert "0%" in status.describe()
    assert ranking(loaded, "lexical") == ranking(built, "lexical")
    # Hybrid works on what there is: with no vector, the lexical order (the intent boost and framing
    # penalty, which weigh differently on raw BM25 scores, set aside).
    loaded.settings = replace(loaded.settings, intent_boost=0.0, frame_penalty=0.0)
    hits = loaded.search(QUESTIONS[0], k=5)
    assert [h.passage.line_start for h in hits] == [h.passage.line_start for h in loaded.search(QUESTIONS[0], k=5, mode="lexical")]
    assert hits[0].citation.file


def test_filled_in_it_is_the_index_a_full_build_makes(tmp_path, copied_seeds, fake_embedder, small_parts):
    full = SearchIndex.build(copied_seeds, tmp_path / "full", embedder=fake_embedder)
    SearchIndex.build(copied_seeds, tmp_path / "later", embedder=fake_embedder, embed="later")
    assert fill_vectors(tmp_path / "later", embedder=fake_embedder).complete
    filled = SearchIndex.load(tmp_path / "later", embedder=fake_embedder)
    assert filled.status().complete
    assert not (tmp_path / "later" / PENDING).exists() and not (tmp_path / "later" / "embedding").exists()
    assert (tmp_path / "full" / "vectors.npy").read_bytes() == (tmp_path / "later" / "vectors.npy").read_bytes()
    assert (tmp_path / "full" / "dense.faiss").read_bytes() == (tmp_path / "later" / "dense.faiss").read_bytes()
    assert ranking(filled) == ranking(full)
    assert filled.manifest["dense"] == full.manifest["dense"]


def test_with_the_real_model_the_filled_vectors_are_bit_identical(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    seed = sorted(CORPUS.iterdir())[0]
    shutil.copy(seed, corpus / seed.name)
    full = SearchIndex.build(corpus, tmp_path / "full")
    SearchIndex.build(corpus, tmp_path / "later", embed="later")
    fill_vectors(tmp_path / "later")
    assert np.array_equal(np.load(tmp_path / "full" / "vectors.npy"), np.load(tmp_path / "later" / "vectors.npy"))
    assert ranking(SearchIndex.load(tmp_path / "later")) == ranking(full)


def test_a_killed_fill_keeps_its_parts_and_the_next_one_embeds_only_the_rest(tmp_path, copied_seeds, fake_embedder, small_parts):
    index_dir = tmp_path / "index"
    built = SearchIndex.build(copied_seeds, index_dir, embedder=fake_embedder, embed="later")
    with pytest.raises(KeyboardInterrupt):
        fill_vectors(index_dir, embedder=FailingAfter(fake_embedder, calls=3))  # one batch of 16 per part
    assert done_parts(index_dir) == {0, 1, 2}
    middle = SearchIndex.load(index_dir, embedder=fake_embedder)
    assert middle.status().embedded == 48
    assert middle.search(QUESTIONS[1], k=3)  # still searchable, half filled
    fake_embedder.texts_embedded = 0
    fill_vectors(index_dir, embedder=fake_embedder)
    assert fake_embedder.texts_embedded == len(built.passages) - 48
    assert SearchIndex.load(index_dir, embedder=fake_embedder).status().complete


def test_a_stop_request_ends_the_fill_between_parts(tmp_path, copied_seeds, fake_embedder, small_parts):
    import threading

    index_dir = tmp_path / "index"
    SearchIndex.build(copied_seeds, index_dir, embedder=fake_embedder, embed="later")
    stop = threading.Event()
    stop.set()
    with pytest.raises(FillInterrupted, match="rag embed"):
        fill_vectors(index_dir, embedder=fake_embedder, stop=stop)
    assert done_parts(index_dir) == set()


def test_a_rebuild_reuses_the_parts_and_the_old_fill_stops(tmp_path, copied_seeds, fake_embedder, small_parts):
    index_dir = tmp_path / "index"
    built = SearchIndex.build(copied_seeds, index_dir, embedder=fake_embedder, embed="later")
    with pytest.raises(KeyboardInterrupt):
        fill_vectors(index_dir, embedder=FailingAfter(fake_embedder, calls=2))
    new_doc = copied_seeds / "new.txt"
    new_doc.write_text("I. NỘI DUNG\n\n- Chi bộ sinh hoạt chuyên đề hằng quý về học tập lý luận.\n", encoding="utf-8")
    rebuilt = SearchIndex.build(copied_seeds, index_dir, embedder=fake_embedder, embed="later")
    assert rebuilt.manifest["changes"]["reused"] == 32  # the two parts written before the kill
    assert rebuilt.status().embedded == 32 and rebuilt.status().passages == len(built.passages) + 1
    assert fill_vectors(index_dir, embedder=fake_embedder).complete


def test_a_fill_started_on_an_older_build_does_not_write_into_the_new_one(tmp_path, copied_seeds, fake_embedder, small_parts, monkeypatch):
    index_dir = tmp_path / "index"
    SearchIndex.build(copied_seeds, index_dir, embedder=fake_embedder, embed="later")
    real_embed = fake_embedder.embed_batch

    def rebuild_meanwhile(texts, *, kind):  # another process rebuilt the index while this part was embedded
        monkeypatch.setattr(fake_embedder, "embed_batch", real_embed)
        SearchIndex.build(copied_seeds, index_dir, embedder=fake_embedder, embed="later")
        return real_embed(texts, kind=kind)

    monkeypatch.setattr(fake_embedder, "embed_batch", rebuild_meanwhile)
    with pytest.raises(FillInterrupted, match="rebuilt meanwhile"):
        fill_vectors(index_dir, embedder=fake_embedder)
    assert done_parts(index_dir) == set()


def test_a_full_disk_while_saving_keeps_the_old_index_and_says_so(tmp_path, tiny_corpus, fake_embedder, monkeypatch):
    index_dir = tmp_path / "index"
    before = SearchIndex.build(tiny_corpus, index_dir, embedder=fake_embedder)
    (tiny_corpus / "c.txt").write_text("I. NỘI DUNG\n\n- Đảng ủy xã tổ chức hội nghị quán triệt.\n", encoding="utf-8")

    def full_disk(path, rows):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("rag.search.building.write_rows", full_disk)
    with pytest.raises(RagError, match="No space left on device.*previous index is unchanged"):
        SearchIndex.build(tiny_corpus, index_dir, embedder=fake_embedder)
    kept = SearchIndex.load(index_dir, embedder=fake_embedder)
    assert len(kept.passages) == len(before.passages)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".index.building")] == []


def test_a_fill_killed_by_a_signal_resumes(tmp_path, copied_seeds):
    """A real process, killed mid-fill with SIGKILL: the index stays loadable and a second run finishes."""
    index_dir = tmp_path / "index"
    script = (
        "import sys, rag.store.vectors as v; v.PART_SIZE = 16\n"
        "from tests.conftest import HashingEmbedder\n"
        "from rag import SearchIndex\n"
        "from rag.search.backfill import fill_vectors\n"
        "e = HashingEmbedder(); inner = e.embed_batch\n"
        "def slow(texts, *, kind):\n"
        "    import time; time.sleep(0.3); return inner(texts, kind=kind)\n"
        "e.embed_batch = slow\n"
        f"SearchIndex.build({str(copied_seeds)!r}, {str(index_dir)!r}, embedder=e, embed='later')\n"
        f"print('ready', flush=True); fill_vectors({str(index_dir)!r}, embedder=e)\n"
    )
    worker = subprocess.Popen([sys.executable, "-c", script], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    assert worker.stdout.readline().strip() == "ready"
    deadline = time.monotonic() + 60
    while len(done_parts(index_dir)) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    worker.send_signal(signal.SIGKILL)
    worker.wait()
    from tests.conftest import HashingEmbedder

    embedder = HashingEmbedder()
    half = SearchIndex.load(index_dir, embedder=embedder)
    assert 0 < half.status().embedded < half.status().passages
    assert fill_vectors(index_dir, embedder=embedder).complete
    assert embedder.texts_embedded == half.status().passages - half.status().embedded
    assert SearchIndex.load(index_dir, embedder=embedder).status().complete


def test_a_partial_dense_side_finds_only_the_rows_that_have_a_vector():
    from rag.dense.faiss_index import DenseIndex

    rng = np.random.default_rng(7)
    vectors = rng.standard_normal((50, 8)).astype(np.float32)
    embedded = np.zeros(50, dtype=bool)
    embedded[::3] = True
    vectors[~embedded] = 0
    query = rng.standard_normal(8).astype(np.float32)
    scores, ids = DenseIndex.unindexed(vectors, embedded).search(query[None, :], 5)
    exact = np.flatnonzero(embedded)[np.argsort(-(vectors[embedded] @ query))[:5]]
    assert list(ids[0]) == list(exact) and np.allclose(scores[0], vectors[exact] @ query)
    _, few = DenseIndex.unindexed(vectors, embedded).search(query[None, :], 30)  # more than the 17 with a vector
    assert sorted(i for i in few[0] if i >= 0) == list(np.flatnonzero(embedded)) and list(few[0][17:]) == [-1] * 13
