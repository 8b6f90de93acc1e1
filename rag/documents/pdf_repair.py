"""Repairs of text extracted from PDFs: glyphs lost as spaces ("kh ng" → "không"), "ƣ" → "ư".

The vowels put back are the ones that make the commonest syllable of pyvi's Vietnamese word list,
which the legacy-encoding detector reads too.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from functools import lru_cache
from importlib import resources

from ..text.normalize import TONE_MARKS, VOWELS, unify_tone_marks

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
    for tone in ("", *TONE_MARKS)
    if base not in "aeiouy" or tone
]


@lru_cache(maxsize=1)
def pyvi_vocabulary() -> tuple[Counter[str], frozenset[str]]:
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
    syllables, pairs = pyvi_vocabulary()
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
