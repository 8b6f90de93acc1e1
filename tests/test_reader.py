import codecs

import pytest

from rag import CorpusError, DocumentReadError
from rag.documents.reader import list_corpus, read_document

TEXT = "Số 45-KH/TU\nKẾ HOẠCH thực hiện Kết luận số 01-KL/TW của Ban Thường vụ Tỉnh ủy"


@pytest.mark.parametrize(
    "encode",
    [
        lambda t: t.encode("utf-8"),
        lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
        lambda t: t.encode("utf-16"),  # with BOM
        lambda t: t.encode("utf-16-le"),  # without BOM
        lambda t: t.encode("utf-16-be"),
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "utf16le", "utf16be"],
)
def test_reads_unicode_encodings(tmp_path, encode):
    path = tmp_path / "doc.txt"
    path.write_bytes(encode(TEXT))
    doc = read_document(path)
    assert doc.text == TEXT
    assert len(doc.sha256) == 64


def test_empty_file_is_named_in_the_error(tmp_path):
    path = tmp_path / "rỗng.txt"
    path.write_text("  \n", encoding="utf-8")
    with pytest.raises(DocumentReadError, match="rỗng.txt.*empty"):
        read_document(path)


def test_binary_file_is_refused(tmp_path):
    path = tmp_path / "image.txt"
    path.write_bytes(bytes(range(256)) * 10)
    with pytest.raises(DocumentReadError, match="binary"):
        read_document(path)


def test_tcvn3_bytes_are_converted_to_unicode(tmp_path):
    # "Kế hoạch học tập của Ban Thường vụ Tỉnh ủy" as the ABC/TCVN3 font stores it (cp1252 view).
    legacy = "KÕ ho¹ch häc tËp cña Ban Th­êng vô TØnh ñy\n".encode("cp1252") * 20
    path = tmp_path / "legacy.txt"
    path.write_bytes(legacy)
    assert read_document(path).text.splitlines()[0] == "Kế hoạch học tập của Ban Thường vụ Tỉnh ủy"


def test_unsupported_format(tmp_path):
    path = tmp_path / "plan.odt"
    path.write_bytes(b"x")
    with pytest.raises(DocumentReadError, match="not supported"):
        read_document(path)


def test_corpus_folder_must_exist(tmp_path):
    with pytest.raises(CorpusError, match="does not exist"):
        list_corpus(tmp_path / "missing")


def test_corpus_lists_supported_files_sorted(tmp_path):
    for name in ("b.md", "a.txt", "c.odt", "notes.json", "d.docx", "e.pdf"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert [p.name for p in list_corpus(tmp_path)] == ["a.txt", "b.md", "d.docx", "e.pdf"]


def test_a_huge_file_is_refused_before_reading(tmp_path):
    path = tmp_path / "rất lớn.txt"
    with path.open("wb") as f:  # a sparse 200 MB file: nothing is written to disk but its size
        f.truncate(200 * 2**20)
    with pytest.raises(DocumentReadError, match=r"rất lớn.txt.*200 MB.*limit"):
        read_document(path)



def _sparse(path, size):
    with path.open("wb") as f:  # sparse: nothing is written to disk but its size
        f.truncate(size)


@pytest.mark.parametrize(
    ("name", "make", "reason"),
    [
        ("rỗng.txt", lambda p: p.write_text("  \n", encoding="utf-8"), "empty"),
        ("trống.md", lambda p: p.write_bytes(b""), "empty"),
        ("image.txt", lambda p: p.write_bytes(bytes(range(256)) * 10), "binary"),
        ("latin1.txt", lambda p: p.write_bytes("Résumé du comité. ".encode("latin-1") * 10), "encoding"),
        ("utf16.txt", lambda p: p.write_bytes(b"\xff\xfeK\x00\x00\xd8"), "encoding"),
        ("plan.odt", lambda p: p.write_bytes(b"x"), "format"),
        ("ảnh.jpg", lambda p: p.write_bytes(b"\xff\xd8\xff\xe0JFIF"), "format"),
        ("rất lớn.txt", lambda p: _sparse(p, 200 * 2**20), "too-large"),
        ("not-a-zip.docx", lambda p: p.write_bytes(b"Ke hoach so 45 - plain text saved with a .docx name"), "format"),
        ("cut.pdf", lambda p: p.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n"), "damaged"),
        ("thư mục.txt", lambda p: p.mkdir(), "unreadable"),
        ("missing.txt", lambda p: None, "unreadable"),
    ],
)
def test_read_errors_carry_a_reason_code(tmp_path, name, make, reason):
    path = tmp_path / name
    make(path)
    with pytest.raises(DocumentReadError) as caught:
        read_document(path)
    assert caught.value.reason == reason
    assert name in str(caught.value)


def test_reason_defaults_to_unreadable_and_the_old_signature_still_works():
    err = DocumentReadError("/tmp/a.txt", "it is odd", "Fix it.")
    assert (err.reason, err.path, str(err)) == ("unreadable", "/tmp/a.txt", "Cannot read '/tmp/a.txt': it is odd. Fix it.")
    assert DocumentReadError("a", "b", reason="empty").reason == "empty"

def test_a_document_without_headings_still_gives_passages(tmp_path):
    from rag.structure.passages import parse_document

    text = "Đề nghị các chi bộ tổ chức sinh hoạt chuyên đề hằng quý.\n\nBáo cáo kết quả về Đảng ủy trước ngày 15/12/2022."
    parsed = parse_document("thong-bao.txt", text)
    assert [p.text for p in parsed.passages] == text.split("\n\n")
    assert parsed.facts[1].deadlines[0].end == "2022-12-15"
