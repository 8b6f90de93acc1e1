"""Text normalisation: Unicode form, tone-mark placement, markdown, folding, loose name matching.

Two texts come out of a document: the *display* text (its own wording; only decoding and
extraction damage repaired) and the *index* text (also markdown-free, one tone placement,
lower case), which is what the lexical and dense indexes see.
"""

from __future__ import annotations

import re
import unicodedata

TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"  # grave, acute, tilde, hook, dot below
_OPEN_END = r"(?![\w\u0300-\u036f])"
# Old placement puts the tone on the second vowel of an open "oa", "oe", "uy": hoá, khoẻ, thuỷ.
_TONE_OA = re.compile(r"([oO])([aeAE])([" + TONE_MARKS + r"])" + _OPEN_END)
_TONE_UY = re.compile(r"(?<![qQ])([uU])([yY])([" + TONE_MARKS + r"])" + _OPEN_END)

VOWELS = set("aăâeêioôơuưyAĂÂEÊIOÔƠUƯY")
# Vietnamese letters by case, for regular expressions ("[À-Ỹ]" would take lower-case letters too).
_LOWER_LETTERS = "".join(sorted({unicodedata.normalize("NFC", b + t) for b in "aăâeêioôơuưy" for t in ("", *"\u0300\u0301\u0303\u0309\u0323")} | set("bcdđghklmnpqrstvx")))
VIET_LOWER = _LOWER_LETTERS
VIET_UPPER = _LOWER_LETTERS.upper()
_MARKDOWN_EMPHASIS = re.compile(r"(?m)\*+|^#+\s*")
_WS = re.compile(r"\s+")


# In NFC an old placement shows as "o" + toned a/e or "u" + toned y: most texts have none, and
# need no decomposition (index_text runs on every passage of every build).
_MAYBE_OLD_PLACEMENT = re.compile("[oO][àáảãạèéẻẽẹÀÁẢÃẠÈÉẺẼẸ]|[uU][ỳýỷỹỵỲÝỶỸỴ]")


def unify_tone_marks(text: str) -> str:
    """Place tone marks the modern way ("hoá" → "hóa", "uỷ" → "ủy"); returns NFC text."""
    composed = unicodedata.normalize("NFC", text)
    if not _MAYBE_OLD_PLACEMENT.search(composed):
        return composed
    decomposed = unicodedata.normalize("NFD", composed)
    decomposed = _TONE_OA.sub(lambda m: m.group(1) + m.group(3) + m.group(2), decomposed)
    decomposed = _TONE_UY.sub(lambda m: m.group(1) + m.group(3) + m.group(2), decomposed)
    return unicodedata.normalize("NFC", decomposed)


def strip_markdown(text: str) -> str:
    """Remove emphasis and heading marks (``**``, ``*``, ``#``) that carry no words."""
    return _MARKDOWN_EMPHASIS.sub("", text)


def fold_diacritics(text: str) -> str:
    """"Thời gian" → "Thoi gian": what a user types without a Vietnamese keyboard."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def has_diacritics(text: str) -> bool:
    return fold_diacritics(text) != text


def index_text(display_text: str) -> str:
    """The form both indexes see: no markdown, one tone placement, single spaces."""
    return _WS.sub(" ", unify_tone_marks(strip_markdown(display_text))).strip()


def loose(text: str) -> str:
    """The form names are compared in: lower case, no diacritics, single spaces."""
    return re.sub(r"\s+", " ", fold_diacritics(unify_tone_marks(text)).lower()).strip()
