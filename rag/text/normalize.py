"""Text normalisation: Unicode form, tone-mark placement, PDF repairs, markdown, folding.

Two texts come out of a document: the *display* text (its own wording; only decoding and
extraction damage repaired) and the *index* text (also markdown-free, one tone placement,
lower case), which is what the lexical and dense indexes see.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from functools import lru_cache
from importlib import resources

_TONES = "\u0300\u0301\u0303\u0309\u0323"  # grave, acute, tilde, hook, dot below
_OPEN_END = r"(?![\w\u0300-\u036f])"
# Old placement puts the tone on the second vowel of an open "oa", "oe", "uy": hoá, khoẻ, thuỷ.
_TONE_OA = re.compile(r"([oO])([aeAE])([" + _TONES + r"])" + _OPEN_END)
_TONE_UY = re.compile(r"(?<![qQ])([uU])([yY])([" + _TONES + r"])" + _OPEN_END)

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


# --- PDF extraction repairs -----------------------------------------------------------------

# A PDF whose font maps some precomposed letters to nothing leaves their syllable split around
# a space: "kh ng" (không), "tr nh" (trình), "r " (rõ). We see a token made only of consonants
# (no Vietnamese syllable is), optionally followed by a rime fragment, and put back the vowel that
# makes the most frequent known syllable.
_ONSET_ONLY = re.compile(r"(?<![\w/-])([bcdđghklmnpqrstvxBCDĐGHKLMNPQRSTVX][bcdđghklmnpqrstvx]{0,2})(?![\w/-])")
_RIME_TAIL = re.compile(r"^( +)(ng|nh|n|m|i|y|a|o|u|c|ch|t|p)(?![\w/-])")
# A font drops precomposed glyphs, never the plain letters, so only marked vowels can be missing.
_FILL_VOWELS = [
    unicodedata.normalize("NFC", base + tone)
    for base in ("a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y")
    for tone in ("", *_TONES)
    if base not in "aeiouy" or tone
]


@lru_cache(maxsize=1)
def _vocabulary() -> tuple[Counter[str], frozenset[str]]:
    """Syllable frequencies and two-syllable words from pyvi's Vietnamese word list."""
    syllables: Counter[str] = Counter()
    pairs: set[str] = set()
    try:
        words = resources.files("pyvi").joinpath("models/words.txt").read_text(encoding="utf-8")
    except (FileNotFoundError, ModuleNotFoundError):  # pragma: no cover - pyvi is a dependency
        return syllables, frozenset()
    for line in unify_tone_marks(words).lower().splitlines():
        parts = line.split()
        syllables.update(parts)
        pairs.update(" ".join(parts[i : i + 2]) for i in range(len(parts) - 1))
    return syllables, frozenset(pairs)


def _candidates(onset: str, tail: str, prev: str, nxt: str, local: Counter[str]) -> dict[str, float]:
    """Plausibility of each way to fill the gap: known word pairs first, then frequency."""
    syllables, pairs = _vocabulary()
    scores: dict[str, float] = {}
    for vowel in _FILL_VOWELS:
        word = (onset + vowel + tail).lower()
        freq = local.get(word, 0) * 5 + syllables.get(word, 0)
        if not freq:
            continue
        context = (f"{prev} {word}" in pairs) + (f"{word} {nxt}" in pairs)
        scores[onset + vowel + tail] = 10**context * (1 + freq) ** 0.5
    return scores


def _vowel_of(word: str, onset: str) -> str:
    return word[len(onset)]


def looks_pdf_damaged(text: str) -> bool:
    """True when the text shows the defects of a PDF text layer: "ƣ" or many split syllables."""
    if "ƣ" in text or "Ƣ" in text:
        return True
    splits = sum(1 for m in _ONSET_ONLY.finditer(text) if _RIME_TAIL.match(text[m.end() :]))
    return splits >= 3


def repair_pdf_text(text: str) -> str:
    """Undo what PDF extraction did to Vietnamese: "ƣ" for "ư" and glyphs lost as spaces.

    A font loses the same few glyphs throughout a document, so a first pass counts which vowels
    the best fills need and a second pass prefers those vowels where the fill is ambiguous.
    """
    text = text.replace("ƣ", "ư").replace("Ƣ", "Ư")
    if not looks_pdf_damaged(text):
        return text
    local = Counter(unify_tone_marks(text).lower().split())
    gaps = []  # (start, end, onset, {candidate: score})
    for match in _ONSET_ONLY.finditer(text):
        onset, rest = match.group(1), text[match.end() :]
        prev_words = text[: match.start()].split()
        prev = prev_words[-1].lower() if prev_words else ""
        tail_match = _RIME_TAIL.match(rest)
        options: dict[str, tuple[float, int]] = {}
        if tail_match:
            after = rest[tail_match.end() :].split()
            for word, score in _candidates(onset, tail_match.group(2), prev, after[0].lower() if after else "", local).items():
                options[word] = (score, match.end() + tail_match.end())
        after = rest.split()
        if tail_match and not (VOWELS & set(tail_match.group(2))):
            after = []  # a consonant-only tail ("ng", "nh") is no syllable: it belongs to the gap
        for word, score in _candidates(onset, "", prev, after[0].lower() if after else "", local).items():
            if after and word not in options:
                options[word] = (score * 0.5, match.end())  # a gap at the end of a syllable is rarer
        if options:
            gaps.append((match.start(), onset, options))
    lost: Counter[str] = Counter()
    for _, onset, options in gaps:
        lost[_vowel_of(max(options, key=lambda w: options[w][0]), onset)] += 1
    out: list[str] = []
    pos = 0
    for start, onset, options in gaps:
        if start < pos:
            continue
        best = max(options, key=lambda w: options[w][0] * (1 + math.log1p(lost[_vowel_of(w, onset)])))
        out.append(text[pos:start])
        out.append(best)
        pos = options[best][1]
    out.append(text[pos:])
    return "".join(out)
