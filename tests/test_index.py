"""Index mechanics on a tiny corpus with a fast fake embedder: build, save, load, staleness, damage."""

import json
import os

import numpy as np
import pytest

from rag import IndexDamagedError, IndexNotFoundError, SearchIndex, StaleIndexError
from rag.dense.faiss_index import DenseIndex
from rag.store.folder import atomic_folder
from rag.structure.passages import passage_index_text

EXPECTED_FILES = {"manifest.json", "documents.jsonl", "passages.jsonl", "facts.jsonl", "compounds.jsonl", "vectors.npy", "dense.faiss", "restorer.json"}


def test_save_load_round_trip_keeps_every_file(tmp_path, tiny_corpus, fake_embedder):
    folder = tmp_path / "index"
    built = SearchIndex.build(tiny_corpus, folder, embedder=fake_embedder)
    assert EXPECTED_FILES <= {p.name for p in folder.iterdir()}
    assert {"bm25_accented", "bm25_folded"} <= {p.name for p in folder.iterdir() if p.is_dir()}

    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["embedder"] == {"name": "hashing-test", "dim": 64}
    assert set(manifest["corpus"]["files"]) == {"a_kehoach.txt", "b_chithi.md"}
    assert "Tuyên giáo" in (folder / "passages.jsonl").read_text(encoding="utf-8")  # not \\u escapes

    loaded = SearchIndex.load(folder, corpus_dir=tiny_corpus, embedder=fake_embedder)
    assert loaded.passages == built.passages
    assert loaded.documents == built.documents
    np.testing.assert_array_equal(loaded.dense.vectors, built.dense.vectors)
    query = "Ai chủ trì hội nghị học tập chuyên đề cấp tỉnh?"
    assert [h.passage for h in loaded.search(query, k=3)] == [h.passage for h in built.search(query, k=3)]


def test_header_lines_are_written_and_an_index_without_them_still_loads(tmp_path, tiny_corpus, fake_embedder):
    folder = tmp_path / "index"
    built = SearchIndex.build(tiny_corpus, folder, embedder=fake_embedder)
    # Display only: the header lines reach no index text (a recipient "Lưu VP." is no passage's word).
    assert not any("Lưu VP" in passage_index_text(p, built.documents[p.doc_id]) for p in built.passages)
    rows = [json.loads(line) for line in (folder / "documents.jsonl").read_text(encoding="utf-8").splitlines()]
    plan = next(row for row in rows if row["doc_id"] == "a_kehoach.txt")
    assert plan["header_lines"][:2] == ["TỈNH ỦY LẠNG SƠN", "Số 45-KH/TU"] and "Nơi nhận:" in plan["header_lines"]
    # An index written before the field: its documents load, with no header lines.
    old = [{k: v for k, v in row.items() if k != "header_lines"} for row in rows]
    (folder / "documents.jsonl").write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in old), encoding="utf-8")
    loaded = SearchIndex.load(folder, corpus_dir=tiny_corpus, embedder=fake_embedder)
    assert loaded.documents["a_kehoach.txt"].header_lines == () and loaded.documents["a_kehoach.txt"].number == "45-KH/TU"


def test_metadata_and_citation_of_a_hit(tmp_path, tiny_corpus, fake_embedder):
    index = SearchIndex.build(tiny_corpus, None, embedder=fake_embedder)
    hit = index.search("Ai chủ trì hội nghị học tập chuyên đề cấp tỉnh?", k=1)[0]
    assert hit.text == "- Chủ trì tổ chức hội nghị học tập chuyên đề cấp tỉnh."
    citation = hit.citation
    assert (citation.file, citation.number, citation.doc_type) == ("a_kehoach.txt", "45-KH/TU", "KẾ HOẠCH")
    assert citation.issuer == "TỈNH ỦY LẠNG SƠN"
    assert citation.section == "II. TỔ CHỨC THỰC HIỆN › 1. Giao Ban Tuyên giáo Tỉnh ủy"
    assert str(citation) == "Kế hoạch số 45-KH/TU của TỈNH ỦY LẠNG SƠN về học tập chuyên đề năm 2022, mục II.1 (a_kehoach.txt, dòng 19–19)"


def test_a_changed_corpus_makes_the_index_stale(tmp_path, tiny_corpus, fake_embedder):
    folder = tmp_path / "index"
    SearchIndex.build(tiny_corpus, folder, embedder=fake_embedder)
    (tiny_corpus / "b_chithi.md").write_text("**CHỈ THỊ**\n\nNội dung đã sửa.\n", encoding="utf-8")
    with pytest.raises(StaleIndexError, match="changed: b_chithi.md.*rag index"):
        SearchIndex.load(folder, corpus_dir=tiny_corpus)
    (tiny_corpus / "c_new.txt").write_text("Văn bản mới.", encoding="utf-8")
    with pytest.raises(StaleIndexError, match="new: c_new.txt"):
        SearchIndex.load(folder, corpus_dir=tiny_corpus)


@pytest.mark.parametrize("damage", ["manifest", "passages", "faiss", "vectors", "bm25", "count"])
def test_a_damaged_index_says_to_rebuild(tmp_path, tiny_corpus, fake_embedder, damage):
    folder = tmp_path / "index"
    SearchIndex.build(tiny_corpus, folder, embedder=fake_embedder)
    if damage == "manifest":
        (folder / "manifest.json").write_text("{not json", encoding="utf-8")
    elif damage == "passages":
        (folder / "passages.jsonl").write_text('{"passage_id": 0, "doc', encoding="utf-8")
    elif damage == "faiss":
        (folder / "dense.faiss").write_bytes(b"garbage")
    elif damage == "vectors":
        (folder / "vectors.npy").unlink()
    elif damage == "bm25":
        for f in (folder / "bm25_folded").iterdir():
            f.unlink()
    elif damage == "count":
        lines = (folder / "passages.jsonl").read_text(encoding="utf-8").splitlines()
        (folder / "passages.jsonl").write_text("\n".join(lines[:-1]) + "\n", encoding="utf-8")
    with pytest.raises(IndexDamagedError, match="[Rr]ebuild"):
        SearchIndex.load(folder)


def test_missing_index_says_how_to_build_it(tmp_path):
    with pytest.raises(IndexNotFoundError, match="rag index"):
        SearchIndex.load(tmp_path / "nowhere")


def test_a_crash_while_saving_leaves_the_previous_index(tmp_path, tiny_corpus, fake_embedder):
    folder = tmp_path / "index"
    SearchIndex.build(tiny_corpus, folder, embedder=fake_embedder)
    before = (folder / "manifest.json").read_text(encoding="utf-8")
    with pytest.raises(RuntimeError):
        with atomic_folder(folder) as scratch:
            (scratch / "manifest.json").write_text("half written", encoding="utf-8")
            raise RuntimeError("killed mid-build")
    assert (folder / "manifest.json").read_text(encoding="utf-8") == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".index.building-")]  # no scratch left
    SearchIndex.load(folder, corpus_dir=tiny_corpus)


def test_rebuild_reuses_embeddings_of_unchanged_passages(tmp_path, tiny_corpus, fake_embedder):
    folder = tmp_path / "index"
    first = SearchIndex.build(tiny_corpus, folder, embedder=fake_embedder)
    embedded = fake_embedder.texts_embedded
    assert embedded == len(first.passages)
    (tiny_corpus / "c_new.txt").write_text("I. NỘI DUNG\n\n- Một việc mới cần làm ngay.\n", encoding="utf-8")
    second = SearchIndex.build(tiny_corpus, folder, embedder=fake_embedder)
    assert fake_embedder.texts_embedded - embedded == len(second.passages) - len(first.passages) == 1


def test_read_only_index_folder_gives_a_clear_error(tmp_path, tiny_corpus, fake_embedder):
    if os.geteuid() == 0:
        # root ignores permissions; use a path whose parent is a file instead.
        blocked = tmp_path / "file"
        blocked.write_text("x")
        target = blocked / "index"
    else:  # pragma: no cover - CI runs as root
        target = tmp_path / "ro" / "index"
        target.parent.mkdir()
        target.parent.chmod(0o500)
    from rag import RagError

    with pytest.raises(RagError, match="writable"):
        SearchIndex.build(tiny_corpus, target, embedder=fake_embedder)


def test_faiss_top_k_equals_brute_force():
    rng = np.random.default_rng(7)
    vectors = rng.normal(size=(500, 32)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    queries = rng.normal(size=(20, 32)).astype(np.float32)
    dense = DenseIndex.build(vectors)
    scores, ids = dense.search(queries, 10)
    brute = np.argsort(-(queries @ vectors.T), axis=1)[:, :10]
    np.testing.assert_array_equal(ids, brute)
    np.testing.assert_allclose(scores, np.take_along_axis(queries @ vectors.T, brute, axis=1), rtol=1e-5)


def test_large_indexes_use_hnsw_with_high_recall():
    rng = np.random.default_rng(3)
    vectors = rng.normal(size=(4000, 32)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    queries = rng.normal(size=(50, 32)).astype(np.float32)
    approximate = DenseIndex.build(vectors, exact_below=1000)
    assert approximate.describe()["faiss"] == "IndexHNSWSQ" and approximate.describe()["storage"] == "float16"
    found = approximate.search(queries, 10)[1]
    exact = np.argsort(-(queries @ vectors.T), axis=1)[:, :10]
    recall = np.mean([len(set(f) & set(e)) / 10 for f, e in zip(found, exact)])
    assert recall >= 0.95, recall
    import faiss

    # capacity reserved up front (rag.dense.faiss_index._reserve) leaves the sizes exactly what FAISS made them
    hnsw, storage = approximate.index.hnsw, faiss.downcast_index(approximate.index.storage)
    assert hnsw.neighbors.size() == hnsw.offsets.at(len(vectors)) and storage.codes.size() == len(vectors) * 64


def test_the_dense_index_holds_the_only_copy_of_the_vectors(tmp_path):
    rng = np.random.default_rng(4)
    vectors = rng.normal(size=(3000, 32)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    for exact_below, dtype in ((10_000, np.float32), (1000, np.float16)):
        dense = DenseIndex.build(vectors, exact_below=exact_below)
        assert dense.vectors.dtype == dtype and not dense.vectors.flags.owndata  # a view of FAISS's rows
        np.testing.assert_allclose(dense.vectors, vectors, atol=1e-3)
        folder = tmp_path / str(exact_below)
        folder.mkdir()
        dense.save(folder)
        loaded = DenseIndex.load(folder)
        np.testing.assert_array_equal(loaded.vectors, dense.vectors)
        np.testing.assert_array_equal(loaded.search(vectors[:5], 3)[1], dense.search(vectors[:5], 3)[1])
        np.testing.assert_allclose(loaded.scores_for(vectors[0], np.array([0, 1])), vectors[[0, 1]] @ vectors[0], atol=1e-3)


def test_incremental_update_ranks_like_a_clean_rebuild(tmp_path, tiny_corpus, fake_embedder):
    folder = tmp_path / "index"
    SearchIndex.build(tiny_corpus, folder, embedder=fake_embedder)
    (tiny_corpus / "c_new.txt").write_text("I. NỘI DUNG\n\n- Ban Tuyên giáo chủ trì hội nghị mới.\n", encoding="utf-8")
    (tiny_corpus / "b_chithi.md").write_text("**CHỈ THỊ**\n\n-----\n\n1. Chi bộ kiểm tra, giám sát hằng quý.\n", encoding="utf-8")
    updated = SearchIndex.build(tiny_corpus, folder, embedder=fake_embedder)
    changes = updated.manifest["changes"]
    assert (changes["added"], changes["changed"], changes["unchanged"]) == (["c_new.txt"], ["b_chithi.md"], ["a_kehoach.txt"])
    assert changes["reused"] > 0 and changes["embedded"] < len(updated.passages)

    clean = SearchIndex.build(tiny_corpus, tmp_path / "clean", embedder=fake_embedder)
    for query in ("Ai chủ trì hội nghị?", "kiem tra giam sat", "Kết luận 01"):
        ours, theirs = updated.search(query, k=5), clean.search(query, k=5)
        assert [(h.passage, round(h.score, 6)) for h in ours] == [(h.passage, round(h.score, 6)) for h in theirs]

    (tiny_corpus / "c_new.txt").unlink()
    assert SearchIndex.build(tiny_corpus, folder, embedder=fake_embedder).manifest["changes"]["removed"] == ["c_new.txt"]


def test_an_update_parses_only_new_and_changed_files(tmp_path, tiny_corpus, fake_embedder, monkeypatch):
    """Unchanged files keep the passages and facts the index holds for them; other code, or a
    damaged index, parses everything again."""
    import rag.store.corpus as build

    folder = tmp_path / "index"
    first = SearchIndex.build(tiny_corpus, folder, embedder=fake_embedder)
    parsed: list[str] = []
    real_parse = build.parse_document
    monkeypatch.setattr(build, "parse_document", lambda name, text, **kw: parsed.append(name) or real_parse(name, text, **kw))
    (tiny_corpus / "b_chithi.md").write_text("**CHỈ THỊ**\n\n-----\n\n1. Chi bộ kiểm tra, giám sát hằng quý.\n", encoding="utf-8")
    updated = SearchIndex.build(tiny_corpus, folder, embedder=fake_embedder)
    assert parsed == ["b_chithi.md"]
    kept = [(p.text, p.section_path, f) for p, f in zip(updated.passages, updated.facts) if p.doc_id == "a_kehoach.txt"]
    assert kept == [(p.text, p.section_path, f) for p, f in zip(first.passages, first.facts) if p.doc_id == "a_kehoach.txt"]
    assert updated.documents["a_kehoach.txt"] == first.documents["a_kehoach.txt"]

    parsed.clear()
    monkeypatch.setattr(build, "parser_stamp", lambda: "built by other code")
    SearchIndex.build(tiny_corpus, folder, embedder=fake_embedder)
    assert sorted(parsed) == sorted(p.name for p in tiny_corpus.iterdir())
    monkeypatch.undo()
    monkeypatch.setattr(build, "parse_document", lambda name, text, **kw: parsed.append(name) or real_parse(name, text, **kw))

    parsed.clear()
    facts = folder / "facts.jsonl"
    facts.write_text("\n".join(facts.read_text(encoding="utf-8").splitlines()[:-1]) + "\n", encoding="utf-8")  # one row short
    SearchIndex.build(tiny_corpus, folder, embedder=fake_embedder)
    assert sorted(parsed) == sorted(p.name for p in tiny_corpus.iterdir())


def test_two_updates_at_once_are_refused(tmp_path, tiny_corpus, fake_embedder):
    from rag import RagError
    from rag.store.folder import update_lock

    folder = tmp_path / "index"
    SearchIndex.build(tiny_corpus, folder, embedder=fake_embedder)
    with update_lock(folder):
        with pytest.raises(RagError, match="Another update"):
            SearchIndex.build(tiny_corpus, folder, embedder=fake_embedder)
    SearchIndex.load(folder, corpus_dir=tiny_corpus)  # the index is intact and current


def test_duplicate_documents_are_reported(tmp_path, tiny_corpus, fake_embedder):
    (tiny_corpus / "bản sao kế hoạch.txt").write_bytes((tiny_corpus / "a_kehoach.txt").read_bytes())
    built = SearchIndex.build(tiny_corpus, tmp_path / "index", embedder=fake_embedder)
    assert built.manifest["changes"]["duplicates"] == ["a_kehoach.txt = bản sao kế hoạch.txt"]


def test_an_hnsw_flat_file_of_an_earlier_version_still_loads(tmp_path):
    import faiss

    rng = np.random.default_rng(5)
    vectors = rng.normal(size=(500, 16)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    earlier = faiss.IndexHNSWFlat(16, 8, faiss.METRIC_INNER_PRODUCT)
    earlier.add(vectors)
    faiss.write_index(earlier, str(tmp_path / "dense.faiss"))
    np.save(tmp_path / "vectors.npy", vectors)
    loaded = DenseIndex.load(tmp_path)
    assert loaded.describe()["faiss"] == "IndexHNSWFlat" and loaded.describe()["M"] == 8
    np.testing.assert_array_equal(loaded.vectors, vectors)


def test_a_title_in_capitals_is_cited_as_written():
    from rag.records import Citation

    caps = Citation("qd.txt", "QUYẾT ĐỊNH", "143/2025/QĐ-UBND", "BAN HÀNH QUY CHẾ THƯ ĐIỆN TỬ", "ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP", "2025-12-02", "", 1, 2)
    assert "về BAN HÀNH QUY CHẾ THƯ ĐIỆN TỬ" in str(caps)
    about = Citation("cv.txt", "CÔNG VĂN", "45/UBND", "VỀ VIỆC TRIỂN KHAI TIÊM CHỦNG", "UBND HUYỆN", "2022-01-02", "", 1, 2)
    assert " của UBND HUYỆN VỀ VIỆC TRIỂN KHAI" in str(about) and "về VỀ" not in str(about)
    plain = Citation("kh.txt", "KẾ HOẠCH", "45-KH/TU", "Học tập chuyên đề năm 2022", "Thị ủy", "2022-01-02", "", 1, 2)
    assert "về học tập chuyên đề năm 2022" in str(plain)
