"""Adding one document: checked before any write, copied atomically, rolled back when the build fails."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rag import DocumentReadError, SearchFilter, SearchIndex
from rag.ingest import DuplicateDocumentError, IngestError, NameTakenError, add_document, document_name

NEW_NAME = "Kế hoạch tuyên truyền số 12.txt"  # Vietnamese letters and spaces, as staff name files
NEW_DOC = """BAN THƯỜNG VỤ HUYỆN ỦY
Số 12-KH/HU

KẾ HOẠCH
tuyên truyền kỷ niệm ngày thành lập Đảng năm 2022

-----

I. MỤC ĐÍCH, YÊU CẦU

- Giáo dục truyền thống cách mạng cho đoàn viên thanh niên.

II. TỔ CHỨC THỰC HIỆN

1. Ban Dân vận Huyện ủy chủ trì tổ chức mít tinh kỷ niệm, hoàn thành trước ngày 03/02/2022.
"""


@pytest.fixture
def setup(tmp_path: Path, tiny_corpus: Path, fake_embedder):
    """A tiny corpus, its index built with the fake embedder, and a folder to upload from."""
    index_dir = tmp_path / "index"
    SearchIndex.build(tiny_corpus, index_dir, embedder=fake_embedder)
    uploads = tmp_path / "uploads"
    uploads.mkdir()
    return tiny_corpus, index_dir, uploads


def _state(corpus: Path, index_dir: Path) -> tuple[dict[str, bytes], str]:
    """Every corpus file's bytes and the index manifest: what a refused upload must leave as it was."""
    files = {p.name: p.read_bytes() for p in corpus.iterdir()}
    return files, (index_dir / "manifest.json").read_text(encoding="utf-8")


def test_good_upload_is_indexed_and_only_its_passages_are_embedded(setup, fake_embedder):
    corpus, index_dir, uploads = setup
    upload = uploads / NEW_NAME
    upload.write_text(NEW_DOC, encoding="utf-8")
    before = fake_embedder.texts_embedded
    stages = []
    index = add_document(index_dir, corpus, upload, embedder=fake_embedder, progress=lambda s, d, t: stages.append(s))
    assert (corpus / NEW_NAME).read_bytes() == upload.read_bytes()
    assert NEW_NAME in index.documents and index.documents[NEW_NAME].number == "12-KH/HU"
    new_passages = [p for p in index.passages if p.doc_id == NEW_NAME]
    assert 0 < fake_embedder.texts_embedded - before <= len(new_passages)  # the others came from the cache
    assert {"check", "copy", "read"} <= set(stages)
    reloaded = SearchIndex.load(index_dir, corpus_dir=corpus)  # corpus and index agree: not stale
    hits = reloaded.search("mít tinh kỷ niệm thành lập Đảng", k=3, mode="lexical", where=SearchFilter(doc=NEW_NAME))
    assert hits and hits[0].doc_id == NEW_NAME
    assert not [p for p in corpus.iterdir() if p.name.startswith(".")]  # no scratch file left behind


@pytest.mark.parametrize(
    ("file_name", "content", "problem", "reason"),
    [
        ("trống.txt", b"", "empty", "empty"),
        ("chỉ có khoảng trắng.md", b"  \n\t\n", "empty", "empty"),
        ("ảnh.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary", "binary"),
        ("latin1.txt", "Résumé de la réunion du comité. ".encode("latin-1") * 10, "not UTF-8", "encoding"),
        ("ảnh chụp.jpg", b"\xff\xd8\xff\xe0JFIF", "not supported", "format"),
        ("gạch ngang.md", b"---\n\n* * *\n", "no passage", "no-passages"),
    ],
)
def test_bad_file_raises_and_writes_nothing(setup, fake_embedder, file_name, content, problem, reason):
    corpus, index_dir, uploads = setup
    upload = uploads / file_name
    upload.write_bytes(content)
    before = _state(corpus, index_dir)
    with pytest.raises(DocumentReadError, match=problem) as caught:
        add_document(index_dir, corpus, upload, embedder=fake_embedder)
    assert caught.value.reason == reason
    assert _state(corpus, index_dir) == before


def test_duplicate_content_is_refused_with_the_existing_name(setup, fake_embedder, tiny_corpus):
    corpus, index_dir, uploads = setup
    upload = uploads / "bản sao.txt"
    upload.write_bytes((tiny_corpus / "a_kehoach.txt").read_bytes())
    before = _state(corpus, index_dir)
    with pytest.raises(DuplicateDocumentError, match="a_kehoach.txt") as caught:
        add_document(index_dir, corpus, upload, embedder=fake_embedder)
    assert caught.value.existing == "a_kehoach.txt" and caught.value.name == "bản sao.txt"
    assert _state(corpus, index_dir) == before


def test_taken_name_needs_replace(setup, fake_embedder):
    corpus, index_dir, uploads = setup
    upload = uploads / "a_kehoach.txt"
    upload.write_text(NEW_DOC, encoding="utf-8")
    before = _state(corpus, index_dir)
    with pytest.raises(NameTakenError):
        add_document(index_dir, corpus, upload, embedder=fake_embedder)
    assert _state(corpus, index_dir) == before
    index = add_document(index_dir, corpus, upload, replace=True, embedder=fake_embedder)
    assert (corpus / "a_kehoach.txt").read_text(encoding="utf-8") == NEW_DOC
    assert index.documents["a_kehoach.txt"].number == "12-KH/HU"


class FailingEmbedder:
    """Same name as the index's embedder (so the cache is used), but embedding anything new fails."""

    def __init__(self, name: str, dim: int) -> None:
        self.name, self.dim = name, dim

    def embed_batch(self, texts, *, kind):
        raise RuntimeError("the model crashed")


@pytest.mark.parametrize("replace", [False, True])
def test_failed_build_restores_the_corpus_and_keeps_the_index(setup, fake_embedder, replace):
    corpus, index_dir, uploads = setup
    upload = uploads / ("a_kehoach.txt" if replace else NEW_NAME)
    upload.write_text(NEW_DOC, encoding="utf-8")
    before = _state(corpus, index_dir)
    with pytest.raises(RuntimeError, match="crashed"):
        add_document(index_dir, corpus, upload, replace=replace, embedder=FailingEmbedder(fake_embedder.name, fake_embedder.dim))
    assert _state(corpus, index_dir) == before
    SearchIndex.load(index_dir, corpus_dir=corpus)  # still consistent


def test_default_embedder_is_the_one_the_index_was_built_with(setup, monkeypatch):
    corpus, index_dir, uploads = setup
    seen = {}

    def fake_build(corpus_dir, index_dir, *, embedder, progress=None, embed="now"):
        seen["embedder"] = embedder
        raise IngestError("stop here")

    monkeypatch.setattr(SearchIndex, "build", staticmethod(fake_build))
    upload = uploads / NEW_NAME
    upload.write_text(NEW_DOC, encoding="utf-8")
    with pytest.raises(IngestError):
        add_document(index_dir, corpus, upload)
    assert seen["embedder"] == json.loads((index_dir / "manifest.json").read_text())["embedder"]["name"] == "hashing-test"
    assert not (corpus / NEW_NAME).exists()


def test_document_name_keeps_vietnamese_and_spaces_and_refuses_paths():
    decomposed = "Ke\u0302\u0301 hoa\u0323ch mới.txt"  # as macOS sends it
    assert document_name(decomposed) == "Kế hoạch mới.txt"
    assert document_name("../../etc/Kế hoạch.md") == "Kế hoạch.md"
    assert document_name("C:\\Users\\a\\Kế hoạch.txt") == "Kế hoạch.txt"
    with pytest.raises(IngestError):
        document_name(".hidden.txt")
    with pytest.raises(DocumentReadError) as caught:
        document_name("bảng.xlsx")
    assert caught.value.reason == "format"


def test_remove_document_and_cli_add_remove(tmp_path, tiny_corpus):
    from click.testing import CliRunner

    from rag.cli.group import main
    from rag.ingest import IngestError, remove_document

    index_dir = tmp_path / "idx"
    runner = CliRunner()
    assert runner.invoke(main, ["index", "--corpus", str(tiny_corpus), "--index", str(index_dir)]).exit_code == 0
    upload = tmp_path / "kế hoạch mới.txt"
    upload.write_text("I. NỘI DUNG\n\n- Ban Dân vận Tỉnh ủy chủ trì đối thoại với nhân dân.\n", encoding="utf-8")
    added = runner.invoke(main, ["add", str(upload), "--corpus", str(tiny_corpus), "--index", str(index_dir)])
    assert added.exit_code == 0 and "Added kế hoạch mới.txt" in added.output
    assert (tiny_corpus / "kế hoạch mới.txt").exists()

    removed = runner.invoke(main, ["remove", "kế hoạch mới.txt", "--corpus", str(tiny_corpus), "--index", str(index_dir)])
    assert removed.exit_code == 0 and "2 documents left" in removed.output
    index = SearchIndex.load(index_dir, corpus_dir=tiny_corpus)
    assert "kế hoạch mới.txt" not in index.documents
    with pytest.raises(IngestError, match="There is no"):
        remove_document(index_dir, tiny_corpus, "kế hoạch mới.txt")
