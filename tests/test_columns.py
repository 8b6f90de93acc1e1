"""Columnar filters and lazily read passages give exactly what the per-passage objects give."""

from __future__ import annotations

import json
import os

import pytest

from rag import SearchFilter, SearchIndex
from rag.errors import IndexDamagedError
from rag.records import DocumentMeta
from rag.search.columns import FilterColumns
from rag.store.rows import JsonlRows, write_rows

FILTERS = [
    SearchFilter(doc="003_29223056b309dc88.txt"),
    SearchFilter(exclude_doc="000_c37cd78077fd11a0.txt"),
    SearchFilter(issuer="thi uy"),
    SearchFilter(issuer="Tỉnh ủy", doc_type="KẾ HOẠCH"),
    SearchFilter(doc_type="kế hoạch", year=2022),
    SearchFilter(year=1999),
    SearchFilter(body="BTG"),
    SearchFilter(body="Ủy ban Kiểm tra"),
    SearchFilter(body="Tỉnh ủy", body_exact=True),
    SearchFilter(body="không có cơ quan này"),
    SearchFilter(due_from="Q1 2022", due_to="Q1 2022"),
    SearchFilter(due_from="2022-06", body="Ban Tuyên giáo"),
    SearchFilter(due_to="2021"),
    SearchFilter(doc="không-có.txt"),
]


def _one_by_one(index: SearchIndex, where: SearchFilter) -> list[int]:
    return [
        i for i, p in enumerate(index.passages)
        if where.matches(p, index.documents.get(p.doc_id) or DocumentMeta(p.doc_id), index.facts[i])
    ]


@pytest.mark.parametrize("where", FILTERS, ids=lambda w: repr({k: v for k, v in w.__dict__.items() if v}))
def test_columns_keep_exactly_the_passages_that_match(corpus_index, where):
    columns = FilterColumns.from_records(corpus_index.passages, corpus_index.facts)
    assert columns.allowed(where, corpus_index.documents).tolist() == _one_by_one(corpus_index, where)


def test_columns_survive_save_and_load(corpus_index, tmp_path):
    corpus_index.columns.save(tmp_path)
    loaded = FilterColumns.load(tmp_path)
    for where in FILTERS:
        assert loaded.allowed(where, corpus_index.documents).tolist() == _one_by_one(corpus_index, where)
    assert FilterColumns.load(tmp_path / "none") is None
    fresh = FilterColumns.from_records(corpus_index.passages, corpus_index.facts)
    assert loaded.facets() == fresh.facets()
    bodies, periods = loaded.facets()
    assert bodies["Ban Tuyên giáo Tỉnh ủy"] >= 3 and "ban tuyen giao tinh uy" not in bodies  # shown as written
    assert periods["2022"] >= periods["Q1 2022"] > 0
    names = json.loads((tmp_path / "filters.json").read_text(encoding="utf-8"))
    del names["spellings"]  # an index written before the facets read the columns
    (tmp_path / "filters.json").write_text(json.dumps(names), encoding="utf-8")
    assert FilterColumns.load(tmp_path) is None  # so the index rebuilds them from its records


def test_lazy_rows_read_like_a_list(corpus_index, tmp_path):
    path = tmp_path / "passages.jsonl"
    write_rows(path, (p.to_dict() for p in corpus_index.passages))
    rows = JsonlRows(path, type(corpus_index.passages[0]).from_dict)
    assert len(rows) == len(corpus_index.passages)
    assert rows[0] == corpus_index.passages[0] and rows[-1] == corpus_index.passages[-1]
    assert rows[3:6] == corpus_index.passages[3:6]
    assert list(rows) == list(corpus_index.passages)
    with pytest.raises(IndexError):
        rows[len(rows)]
    path.write_bytes(path.read_bytes()[:-10])  # a truncated copy
    with pytest.raises(IndexDamagedError):
        JsonlRows(path, dict)


def test_a_large_loaded_index_parses_rows_on_access_and_ranks_the_same(corpus_index, corpus_index_dir, monkeypatch):
    monkeypatch.setattr("rag.search.building.LAZY_ABOVE", 1)
    lazy = SearchIndex.load(corpus_index_dir)
    assert isinstance(lazy.passages, JsonlRows) and isinstance(lazy.facts, JsonlRows)
    for query in ("Ai chủ trì tổ chức hội nghị học tập?", "thoi gian hoan thanh", "Khi nào nộp báo cáo?"):
        for where in (None, SearchFilter(body="BTG")):
            expected = [h.to_dict() for h in corpus_index.search(query, k=10, where=where)]
            assert [h.to_dict() for h in lazy.search(query, k=10, where=where)] == expected


def test_the_same_facts_write_the_same_column_files_whatever_the_hash_seed(tmp_path):
    """Body names came out in set order, which Python randomises per process: two builds of one
    corpus wrote different filters.json, and a tie between two spellings could show either."""
    import subprocess
    import sys

    script = (
        "import sys; from pathlib import Path; from rag.records import Facts, Passage; from rag.search.columns import FilterColumns\n"
        "facts = [Facts(('Ban Tuyên giáo Tỉnh ủy', 'Tỉnh ủy', 'Ban Tổ chức'), ('Ủy ban Kiểm tra', 'Mặt trận Tổ quốc', 'Huyện ủy')),\n"
        "         Facts(('Ban Tuyên giáo Tỉnh uỷ', 'Thị ủy'), ('Đảng đoàn', 'Ban Dân vận', 'Thành ủy'))]\n"
        "passages = [Passage(i, 'a.txt', 'x', (), i + 1, i + 1) for i in range(2)]\n"
        "FilterColumns.from_records(passages, facts).save(Path(sys.argv[1]))\n"
    )
    written = []
    for seed in ("1", "2", "3"):
        folder = tmp_path / seed
        folder.mkdir()
        subprocess.run([sys.executable, "-c", script, str(folder)], check=True, env={**os.environ, "PYTHONHASHSEED": seed})
        written.append(((folder / "filters.json").read_bytes(), (folder / "filters.npz").read_bytes()))
    assert written[0] == written[1] == written[2]
