"""Read corpus files into text: one function per format, one dispatcher.

Later formats (.docx, .pdf) slot into ``READERS`` without touching callers.
"""

from __future__ import annotations

import codecs
import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .errors import CorpusError, DocumentReadError

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
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")
    if b"\x00" in data[:4096]:
        # UTF-16 without a BOM puts a NUL beside every ASCII character.
        evens, odds = data[0:4096:2].count(0), data[1:4096:2].count(0)
        if max(evens, odds) > len(data[:4096]) // 4:
            return data.decode("utf-16-le" if odds > evens else "utf-16-be")
        raise DocumentReadError(str(path), "it is a binary file, not text", "Remove it from the corpus folder.")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        latin = data.decode("cp1252", errors="replace")
        if sum(ch in _TCVN3_MARKERS for ch in latin) > len(latin) // 50:
            raise DocumentReadError(
                str(path),
                "it looks like text in the legacy TCVN3 (ABC, .VnTime) encoding",
                "Convert it to Unicode (e.g. with UniKey's converter) and add it again.",
            ) from err
        raise DocumentReadError(
            str(path),
            f"it is not UTF-8 or UTF-16 text (bad byte at offset {err.start})",
            "Save it as UTF-8 and add it again.",
        ) from err


def _check_legacy_unicode(path: Path, text: str) -> None:
    """Text that decodes as UTF-8 can still be VNI/TCVN3 typed with a Unicode-unaware font."""
    sample = text[:20000]
    letters = sum(ch.isalpha() for ch in sample) or 1
    if sum(ch in _TCVN3_MARKERS for ch in sample) > letters // 20:
        raise DocumentReadError(
            str(path),
            "its characters look like the legacy TCVN3 (ABC) font encoding, not Unicode",
            "Convert it to Unicode (e.g. with UniKey's converter) and add it again.",
        )


def read_plain_text(path: Path) -> str:
    """Read a .txt or .md file in UTF-8 (with or without BOM) or UTF-16."""
    data = path.read_bytes()
    text = _decode_text(path, data)
    _check_legacy_unicode(path, text)
    return text


READERS: dict[str, Callable[[Path], str]] = {
    ".txt": read_plain_text,
    ".md": read_plain_text,
}


def read_document(path: str | Path) -> RawDocument:
    """Read one corpus file, checking size, format and encoding."""
    path = Path(path)
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise DocumentReadError(
            str(path), f"the format '{path.suffix}' is not supported", f"Supported: {', '.join(sorted(READERS))}."
        )
    try:
        size = path.stat().st_size
    except OSError as err:
        raise DocumentReadError(str(path), f"the file cannot be opened ({err.strerror})") from err
    if size > MAX_FILE_BYTES:
        raise DocumentReadError(
            str(path), f"it is {size / 2**20:.0f} MB, over the {MAX_FILE_BYTES // 2**20} MB limit", "Split it into documents."
        )
    text = reader(path)
    if not text.strip():
        raise DocumentReadError(str(path), "it is empty", "Remove it or add its content.")
    return RawDocument(path=path, text=text, sha256=hashlib.sha256(path.read_bytes()).hexdigest())


def list_corpus(folder: str | Path) -> list[Path]:
    """The supported files of a corpus folder, sorted by name (their names are their ids)."""
    folder = Path(folder)
    if not folder.is_dir():
        raise CorpusError(f"The corpus folder '{folder}' does not exist. Create it and put .txt or .md files in it.")
    files = sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in READERS)
    if not files:
        raise CorpusError(f"The corpus folder '{folder}' holds no {' or '.join(sorted(READERS))} files.")
    return files
