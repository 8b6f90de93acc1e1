"""pyvi's word segmentation, the same CRF model and the same output, about twice as fast.

``pyvi.ViTokenizer.tokenize`` builds a Python dict of features for every syllable, which
sklearn-crfsuite converts again for the CRF tagger. Here each feature is the attribute string the
tagger sees (``"word.lower():ban"``, ``"+1:word.bi_gram()"``), built once per syllable and passed
straight to ``pycrfsuite``. A feature whose value is False has weight 0 there and contributes
nothing, so it is left out. ``tests/test_segment.py`` checks the output equals pyvi's.
"""

from __future__ import annotations

import re
import string
import unicodedata
from functools import lru_cache

_WORD = re.compile(r"\w+", re.UNICODE)


@lru_cache(maxsize=1)
def _model() -> tuple[object, re.Pattern[str], frozenset[str], frozenset[str]]:
    from pyvi.ViTokenizer import ViTokenizer  # heavy: loads a CRF model

    tagger = ViTokenizer.model.tagger_
    # The same syllable pattern as ViTokenizer.sylabelize, compiled once.
    specials = [r"==>", r"->", r"\.\.\.", r">>", "\n"]
    abbreviations = [r"[A-ZĐ]+\.", r"Tp\.", r"Mr\.", r"Mrs\.", r"Ms\.", r"Dr\.", r"ThS\."]
    others = [r"\w+://[^\s]+", r"([a-zA-Z0-9_.+-]+@([a-zA-Z0-9-]+\.)+[a-zA-Z0-9-]+)", r"\d+([\.,_]\d+)+", r"[^\w\s]", r"\w+"]
    pattern = re.compile("(" + "|".join(abbreviations + specials + others) + ")", re.UNICODE)
    return tagger, pattern, frozenset(ViTokenizer.bi_grams), frozenset(ViTokenizer.tri_grams)


@lru_cache(maxsize=1 << 16)
def _syllable_features(word: str) -> tuple[str, tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """(lower form, own features, features seen as the previous word, as the next word)."""
    lower = word.lower()
    upper, title = word.isupper(), word.istitle()
    own = ["bias", "word.lower():" + lower]
    prev = ["-1:word.lower():" + lower]
    nxt = ["+1:word.lower():" + lower]
    if upper:
        own.append("word.isupper()")
        prev.append("-1:word.isupper()")
        nxt.append("+1:word.isupper()")
    if title:
        own.append("word.istitle()")
        prev.append("-1:word.istitle()")
        nxt.append("+1:word.istitle()")
    if word.isdigit():
        own.append("word.isdigit()")
    return lower, tuple(own), tuple(prev), tuple(nxt)


def segment(text: str) -> list[str]:
    """pyvi's words of ``text``, syllables joined by "_" ("Ban_Tuyên_giáo"), as ``tokenize`` gives them."""
    tagger, pattern, bi_grams, tri_grams = _model()
    text = unicodedata.normalize("NFC", text)
    syllables = [m.group(1) for m in pattern.finditer(text)]
    if not syllables:
        return text.split()
    parts = [_syllable_features(s) for s in syllables]
    lowers = [p[0] for p in parts]
    n = len(syllables)
    sequence = []
    for i in range(n):
        features = list(parts[i][1])
        if i > 0:
            features += parts[i - 1][2]
            if f"{lowers[i - 1]} {lowers[i]}" in bi_grams:
                features.append("-1:word.bi_gram()")
            if i > 1 and f"{lowers[i - 2]} {lowers[i - 1]} {lowers[i]}" in tri_grams:
                features.append("-2:word.tri_gram()")
        if i < n - 1:
            features += parts[i + 1][3]
            if f"{lowers[i]} {lowers[i + 1]}" in bi_grams:
                features.append("+1:word.bi_gram()")
            if i < n - 2 and f"{lowers[i]} {lowers[i + 1]} {lowers[i + 2]}" in tri_grams:
                features.append("+2:word.tri_gram()")
        sequence.append(features)
    labels = tagger.tag(sequence)  # type: ignore[attr-defined]
    words = [syllables[0]]
    for i in range(1, n):
        here, before = syllables[i], syllables[i - 1]
        if (
            labels[i] == "I_W"
            and here not in string.punctuation
            and before not in string.punctuation
            and not here[0].isdigit()
            and not before[0].isdigit()
            and not (here[0].istitle() and not before[0].istitle())
        ):
            words[-1] += "_" + here
        else:
            words.append(here)
    return words


def compounds_of(index_form: str) -> list[str]:
    """The multi-syllable words of an already normalised text, lower case ("tuyên_giáo")."""
    return [w.lower() for w in segment(index_form) if "_" in w and _WORD.match(w)]
