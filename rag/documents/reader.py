"""Read corpus files into text: one function per format, one dispatcher.

Every reader returns plain text with one paragraph per line (blank lines between paragraphs are
fine), which is what ``rag.structure.layout.split_blocks`` expects. Text typed in the legacy TCVN3 (ABC,
.VnTime) and VNI fonts is converted to Unicode here (``legacy.py``), whatever the format.
"""

from __future__ import annotations

import codecs
import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..errors import CorpusError, DocumentReadError
from . import legacy

MAX_FILE_BYTES = 50 * 1024 * 1024  # a directive is rarely over 1 MB; 50 MB is certainly not one

# Characters that exist only in the legacy TCVN3 (ABC) and VNI font encodings when their bytes are
# decoded as Latin-1/cp1252 — their presence in large numbers means the file is not Unicode text.
# Only characters that never occur in Unicode Vietnamese are listed (á, ê, ô… are shared).
_TCVN3_MARKERS = set("µ¸¶·¹¨©®ª«¬¾»¼½Æ×Þß÷þ¦§¤¥¢¡£")


@dataclass(frozen=True)
class RawDocument:
    path: Path
    text: str
    sha256: str


def _decode_text(path: Path, data: bytes) -> str:
    try:
        if data.startswith(codecs.BOM_UTF8):
            return data[len(codecs.BOM_UTF8) :].decode("utf-8")
        if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return data.decode("utf-16")
        if b"\x00" in data[:4096]:
            # UTF-16 without a BOM puts a NUL beside every ASCII character.
            evens, odds = data[0:4096:2].count(0), data[1:4096:2].count(0)
            if max(evens, odds) > len(data[:4096]) // 4:
                return data.decode("utf-16-le" if odds > evens else "utf-16-be")
            raise DocumentReadError(
                str(path), "it is a binary file, not text", "Remove it from the corpus folder.", reason="binary"
            )
    except UnicodeDecodeError as err:
        raise DocumentReadError(
            str(path),
            f"it starts like UTF-8/UTF-16 text but has an invalid byte sequence at offset {err.start}",
            "Save it as UTF-8 and add it again.",
            reason="encoding",
        ) from err
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        decoded = legacy.decode_legacy_bytes(data)
        if decoded is not None:
            return decoded
        raise DocumentReadError(
            str(path),
            f"it is not UTF-8 or UTF-16 text, nor Vietnamese in TCVN3, VNI or Windows-1258 (bad byte at offset {err.start})",
            "Save it as UTF-8 and add it again.",
            reason="encoding",
        ) from err


def fix_legacy_encoding(path: Path, text: str) -> str:
    """Convert TCVN3/VNI-typed text to Unicode; refuse text that looks legacy but cannot be converted."""
    if not legacy.looks_legacy(text):  # the common case, decided in a few regex scans
        return text
    converted, encoding = legacy.repair_legacy(text)
    if encoding is not None:
        return converted
    sample = text[:20000]
    letters = sum(ch.isalpha() for ch in sample) or 1
    if sum(ch in _TCVN3_MARKERS for ch in sample) > letters // 20:
        raise DocumentReadError(
            str(path),
            "its characters look like a legacy Vietnamese font encoding (TCVN3/VNI) that could not be converted",
            "Convert it to Unicode (e.g. with UniKey's converter) and add it again.",
            reason="legacy",
        )
    return text


def read_plain_text(path: Path) -> str:
    """Read a .txt or .md file in UTF-8 (with or without BOM), UTF-16, or a legacy Vietnamese encoding."""
    data = path.read_bytes()
    return fix_legacy_encoding(path, _decode_text(path, data))


def read_docx(path: Path) -> str:
    """Read a Word .docx file: paragraphs, list numbers, tables (see ``docx_reader``)."""
    from .docx_reader import read_docx as read

    return fix_legacy_encoding(path, read(path))


def read_pdf(path: Path) -> str:
    """Read a PDF's text layer without running headers and page numbers (see ``pdf_reader``)."""
    from .pdf_reader import read_pdf as read

    return fix_legacy_encoding(path, read(path))


READERS: dict[str, Callable[[Path], str]] = {
    ".txt": read_plain_text,
    ".md": read_plain_text,
    ".docx": read_docx,
    ".pdf": read_pdf,
}


def read_document(path: str | Path) -> RawDocument:
    """Read one corpus file, checking size, format and encoding."""
    path = Path(path)
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise DocumentReadError(
            str(path),
            f"the format '{path.suffix}' is not supported",
            f"Supported: {', '.join(sorted(READERS))}.",
            reason="format",
        )
    try:
        size = path.stat().st_size
    except OSError as err:
        raise DocumentReadError(str(path), f"the file cannot be opened ({err.strerror})", reason="unreadable") from err
    if size > MAX_FILE_BYTES:
        raise DocumentReadError(
            str(path),
            f"it is {size / 2**20:.0f} MB, over the {MAX_FILE_BYTES // 2**20} MB limit",
            "Split it into documents.",
            reason="too-large",
        )
    try:
        text = reader(path)
    except (DocumentReadError, MemoryError):
        raise
    except OSError as err:
        raise DocumentReadError(
            str(path), f"the file cannot be read ({err.strerror or err})", reason="unreadable"
        ) from err
    except Exception as err:  # a library's own error on a malformed file must not stop a corpus build
        raise DocumentReadError(
            str(path),
            f"it could not be read as {path.suffix.lower()} ({type(err).__name__}: {err})",
            "Check that the file opens.",
            reason="damaged",
        ) from err
    if not text.strip():
        raise DocumentReadError(str(path), "it is empty", "Remove it or add its content.", reason="empty")
    return RawDocument(path=path, text=text, sha256=hashlib.sha256(path.read_bytes()).hexdigest())


def list_corpus(folder: str | Path) -> list[Path]:
    """The supported files of a corpus folder, sorted by name (their names are their ids)."""
    folder = Path(folder)
    if not folder.is_dir():
        raise CorpusError(
            f"The corpus folder '{folder}' does not exist. Create it and put .txt, .md, .docx or .pdf files in it."
        )
    files = sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in READERS)
    if not files:
        raise CorpusError(f"The corpus folder '{folder}' holds no {' or '.join(sorted(READERS))} files.")
    return files
