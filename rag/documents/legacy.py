"""Legacy Vietnamese font encodings (TCVN3/ABC and VNI) → Unicode.

Before Unicode, Vietnamese was typed in 8-bit fonts: the text stores font code points, and only the
font makes them look Vietnamese. Read as Windows-1252, "Kế hoạch" typed in a ``.VnTime`` (TCVN3)
font is "KÕ ho¹ch", and in ``VNI-Times`` it is "Keá hoaïch".

* TCVN3 (TCVN 5712:1993 VN3, the ABC ``.Vn…`` fonts) gives every lower-case precomposed letter one
  byte, and has upper-case forms only for Ă Â Ê Ô Ơ Ư Đ. Upper-case accented letters are typed with
  the lower-case codes in a ``.Vn…H`` font (``.VnTimeH``), which draws them upper case.
* VNI (``VNI-Times``, ``VNI-Helve``…) stores a base letter followed by one mark byte ("a" + "ù" is
  "á"); ơ ư đ and the i-family letters and ỵ are single bytes.

No maintained PyPI package converts both correctly (checked: ``viparse`` 0.1.31 lacks VNI ẳ/Ẳ and
reads VNI ỵ as "yï" instead of "î"; ``vniencoder`` decodes VNI *keystrokes* "a1", not the font
encoding), so the tables are here. Both are built from the encodings' published layout.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# --- TCVN3 --------------------------------------------------------------------------------------

_TCVN3_LETTERS = {
    "a": "µ¸¶·¹", "ă": "»¾¼½Æ", "â": "ÇÊÈÉË", "e": "ÌÐÎÏÑ", "ê": "ÒÕÓÔÖ", "i": "×ÝØÜÞ",
    "o": "ßãáâä", "ô": "åèæçé", "ơ": "êíëìî", "u": "ïóñòô", "ư": "õøö÷ù", "y": "úýûüþ",
}  # fmt: skip
_TONE_ORDER = "\u0300\u0301\u0309\u0303\u0323"  # grave, acute, hook, tilde, dot below (table column order)
TCVN3_TO_UNICODE: dict[str, str] = {
    "\xa1": "Ă", "\xa2": "Â", "\xa3": "Ê", "\xa4": "Ô", "\xa5": "Ơ", "\xa6": "Ư", "\xa7": "Đ",
    "\xa8": "ă", "\xa9": "â", "\xaa": "ê", "\xab": "ô", "\xac": "ơ", "\xad": "ư", "\xae": "đ",
}  # fmt: skip
for _base, _codes in _TCVN3_LETTERS.items():
    for _code, _tone in zip(_codes, _TONE_ORDER):
        TCVN3_TO_UNICODE[_code] = unicodedata.normalize("NFC", _base + _tone)
_TCVN3_TABLE = str.maketrans(TCVN3_TO_UNICODE)
_UNICODE_TO_TCVN3 = {letter: code for code, letter in TCVN3_TO_UNICODE.items()}
# A PDF text layer resolves two .VnTime codes through the font's encoding to other symbols.
_TCVN3_PDF_GLYPHS = re.compile(r"(?<=[^\W\d_])[\u2212\u2219]|[\u2212\u2219](?=[^\W\d_])")

# --- VNI ----------------------------------------------------------------------------------------

_VNI_TONES = {"ù": "\u0301", "ø": "\u0300", "û": "\u0309", "õ": "\u0303", "ï": "\u0323"}
_VNI_CIRCUMFLEX = {"â": "", "á": "\u0301", "à": "\u0300", "å": "\u0309", "ã": "\u0303", "ä": "\u0323"}
_VNI_BREVE = {"ê": "", "é": "\u0301", "è": "\u0300", "ú": "\u0309", "ü": "\u0303", "ë": "\u0323"}
_VNI_SINGLE = {"ô": "ơ", "ö": "ư", "ñ": "đ", "í": "í", "ì": "ì", "æ": "ỉ", "ó": "ĩ", "ò": "ị", "î": "ỵ"}


def _vni_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for base, marks in (
        ("a", [(m, "", t) for m, t in _VNI_TONES.items()]
         + [(m, "\u0302", t) for m, t in _VNI_CIRCUMFLEX.items()]
         + [(m, "\u0306", t) for m, t in _VNI_BREVE.items()]),
        ("e", [(m, "", t) for m, t in _VNI_TONES.items()] + [(m, "\u0302", t) for m, t in _VNI_CIRCUMFLEX.items()]),
        ("o", [(m, "", t) for m, t in _VNI_TONES.items()] + [(m, "\u0302", t) for m, t in _VNI_CIRCUMFLEX.items()]),
        ("u", [(m, "", t) for m, t in _VNI_TONES.items()]),
        ("y", [(m, "", t) for m, t in _VNI_TONES.items()]),
        ("ô", [(m, "", t) for m, t in _VNI_TONES.items()]),  # ơ + tone
        ("ö", [(m, "", t) for m, t in _VNI_TONES.items()]),  # ư + tone
    ):  # fmt: skip
        letter = _VNI_SINGLE.get(base, base)
        for mark, shape, tone in marks:
            lower = unicodedata.normalize("NFC", letter + shape + tone)
            for b, m in ((base, mark), (base.upper(), mark.upper()), (base.upper(), mark), (base, mark.upper())):
                table[b + m] = lower.upper() if b.isupper() else lower
    for code, letter in _VNI_SINGLE.items():
        table[code] = letter
        table[code.upper()] = letter.upper()
    return table


VNI_TO_UNICODE: dict[str, str] = _vni_table()
_VNI_PATTERN = re.compile("|".join(sorted(map(re.escape, VNI_TO_UNICODE), key=len, reverse=True)))
_UNICODE_TO_VNI: dict[str, str] = {}
for _seq, _letter in sorted(VNI_TO_UNICODE.items(), key=lambda kv: (len(kv[0]), kv[0])):
    # The canonical spelling: one byte where there is one (ỵ is "î", not "yï"); upper-case letters
    # take upper-case marks, lower-case ones lower-case.
    if len(_seq) == 1 or _seq[0].isupper() == _seq[1].isupper():
        _UNICODE_TO_VNI.setdefault(_letter, _seq)

# --- conversion ---------------------------------------------------------------------------------

# Latin-1 characters that no Unicode Vietnamese text uses, but legacy-encoded text is full of.
FOREIGN = frozenset("¡¢£¤¥¦§¨©ª«¬\xad®¯°±²³´µ¶·¸¹º»¼½¾¿ÄÅÆÇËÎÏÐÑÖ×ØÛÜÞßäåæçëîïðñö÷øûüþÿ")
_FOREIGN_RE = re.compile("[" + re.escape("".join(sorted(FOREIGN))) + "]")
_LETTER = re.compile(r"[^\W\d_]")
_LETTER_RUNS = re.compile(r"[^\W\d_]+")
_ASCII_UPPER = re.compile(r"[A-Z]")
_ASCII_LOWER = re.compile(r"[a-z]")
_WORDS = re.compile(r"\S+")


def tcvn3_to_unicode(text: str, *, upper: bool = False) -> str:
    """TCVN3 text (as Windows-1252 characters) → Unicode; ``upper`` for a ``.Vn…H`` font."""
    text = _TCVN3_PDF_GLYPHS.sub(lambda m: "\xad" if m.group() == "\u2212" else "\xb7", text)
    converted = text.translate(_TCVN3_TABLE)
    return converted.upper() if upper else converted


def vni_to_unicode(text: str) -> str:
    """VNI text (as Windows-1252 characters) → Unicode (NFC)."""
    return _VNI_PATTERN.sub(lambda m: VNI_TO_UNICODE[m.group()], text)


def unicode_to_tcvn3(text: str) -> str:
    """Unicode → TCVN3; upper-case accented letters become the lower-case codes (as in ``.VnTimeH``)."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        out.append(ch if ch.isascii() else _UNICODE_TO_TCVN3.get(ch) or _UNICODE_TO_TCVN3.get(ch.lower(), ch))
    return "".join(out)


def unicode_to_vni(text: str) -> str:
    """Unicode → VNI (as Windows-1252 characters)."""
    return "".join(_UNICODE_TO_VNI.get(ch, ch) for ch in unicodedata.normalize("NFC", text))


def convert(text: str, encoding: str, *, upper: bool = False) -> str:
    if encoding == "tcvn3":
        return tcvn3_to_unicode(text, upper=upper)
    if encoding == "vni":
        return vni_to_unicode(text)
    raise ValueError(f"unknown legacy encoding {encoding!r}")


def font_encoding(font: str | None) -> tuple[str, bool] | None:
    """The legacy encoding a font name implies, and whether it draws upper case: ``.VnTimeH`` → (tcvn3, True)."""
    if not font:
        return None
    name = font.strip()
    if name.startswith(".Vn"):
        return "tcvn3", name.endswith("H")  # .VnTime, .VnArial…; .VnTimeH, .VnArial NarrowH draw upper case
    if name.upper().startswith(("VNI-", "VNI ")):
        return "vni", False
    return None


# --- detection ----------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _syllables() -> frozenset[str]:
    from .pdf_repair import pyvi_vocabulary  # pyvi's word list, already loaded for PDF repairs

    return frozenset(pyvi_vocabulary()[0])


@lru_cache(maxsize=65536)
def _is_syllable(word: str) -> bool:
    from ..text.normalize import unify_tone_marks

    return unify_tone_marks(word).lower() in _syllables()


def _valid_share(text: str) -> tuple[int, int]:
    """(Vietnamese syllables, words) among the words of ``text`` that carry a non-ASCII letter."""
    words = [w for w in _LETTER_RUNS.findall(unicodedata.normalize("NFC", text)) if not w.isascii()]
    return sum(map(_is_syllable, words)), len(words)


def count_foreign(text: str) -> int:
    return len(_FOREIGN_RE.findall(text))


def looks_legacy(text: str) -> bool:
    """Cheap first test: many characters that Unicode Vietnamese never uses."""
    sample = text[:50000]
    foreign = count_foreign(sample)
    return foreign >= 3 and foreign * 40 >= len(_LETTER.findall(sample))


def detect(text: str) -> str | None:
    """"tcvn3" or "vni" when ``text`` reads as Vietnamese only after that conversion, else None."""
    if not looks_legacy(text):
        return None
    sample = text[:50000]
    good, total = _valid_share(sample)
    base = good / total if total else 0.0
    best, best_share = None, base
    for encoding in ("tcvn3", "vni"):
        good, total = _valid_share(convert(sample, encoding))
        share = good / total if total else 0.0
        if share > best_share:
            best, best_share = encoding, share
    if best and best_share >= 0.5 and best_share >= base + 0.2:
        return best
    return None


def _restore_upper_lines(line: str, converted: str) -> str:
    """TCVN3 headings set in a ``.Vn…H`` font: "KÕ HO¹CH" converts to "Kế HOạCH"; make it "KẾ HOẠCH".

    A word with upper-case ASCII letters around a converted lower-case letter and no lower-case
    ASCII letter ("HOạCH") is never typed that way: it marks the line as an H-font line, and its
    words without lower-case ASCII letters are upper-cased.
    """
    src_words = _WORDS.findall(line)
    if not any(
        len(_ASCII_UPPER.findall(w)) >= 2 and not _ASCII_LOWER.search(w) and any(ch in TCVN3_TO_UNICODE for ch in w)
        for w in src_words
    ):
        return converted
    return _WORDS.sub(lambda m: m.group() if _ASCII_LOWER.search(m.group()) else m.group().upper(), converted)


def convert_lines(text: str, encoding: str) -> str:
    """Convert a document found to be legacy-encoded, line by line.

    A line that reads as better Vietnamese unconverted (a Unicode line in a mixed file) is kept.
    """
    out = []
    for line in text.splitlines(keepends=True):
        if line.isascii():
            out.append(line)
            continue
        converted = convert(line, encoding)
        before, _ = _valid_share(line)
        after, _ = _valid_share(converted)
        if after >= before:
            out.append(_restore_upper_lines(line, converted) if encoding == "tcvn3" else converted)
        else:
            out.append(line)
    return "".join(out)


def repair_legacy(text: str) -> tuple[str, str | None]:
    """Text with any legacy-encoded parts converted, and the encoding found (None: left as it was)."""
    encoding = detect(text)
    if encoding is None:
        return text, None
    return convert_lines(text, encoding), encoding


def cp1252_view(data: bytes) -> str:
    """Bytes as the legacy fonts saw them: Windows-1252, with its five undefined bytes as Latin-1."""
    return "".join(
        chunk.decode("cp1252") if i % 2 == 0 else chunk.decode("latin-1")
        for i, chunk in enumerate(re.split(rb"([\x81\x8d\x8f\x90\x9d]+)", data))
    )


def decode_legacy_bytes(data: bytes) -> str | None:
    """Non-UTF-8 bytes as Vietnamese: TCVN3 or VNI (converted), or Windows-1258; None if none fits."""
    view = cp1252_view(data)
    encoding = detect(view)
    if encoding is not None:
        return convert_lines(view, encoding)
    try:
        text = unicodedata.normalize("NFC", data.decode("cp1258"))
    except UnicodeDecodeError:
        return None
    good, total = _valid_share(text[:50000])
    return text if total >= 3 and good >= 0.6 * total else None
