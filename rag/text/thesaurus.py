"""Everyday words → the plans' own wording: "sếp" → "người đứng đầu", "lớp tập huấn" → "bồi dưỡng".

The pairs live in ``thesaurus.tsv`` beside this module, written from general knowledge of how
directives are worded (not from any question set). A question's everyday phrases add the
administrative ones as a low-weight extra, as abbreviations do: the question keeps its own words.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from .normalize import fold_diacritics, has_diacritics, index_text

RESOURCE = "thesaurus.tsv"


def _key(text: str) -> str:
    return " ".join(re.findall(r"\w+", index_text(text).lower()))


@lru_cache(maxsize=1)
def entries() -> dict[str, tuple[str, ...]]:
    """Everyday phrase (lower case, one tone placement) → administrative phrases."""
    table: dict[str, tuple[str, ...]] = {}
    text = resources.files(__package__).joinpath(RESOURCE).read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#") or "\t" not in line:
            continue
        everyday, formal = line.split("\t", 1)
        phrases = tuple(p.strip() for p in formal.split(";") if p.strip())
        if _key(everyday) and phrases:
            table[_key(everyday)] = tuple(dict.fromkeys(table.get(_key(everyday), ()) + phrases))
    return table


@lru_cache(maxsize=1)
def _folded() -> dict[str, str]:
    """Folded everyday phrase → its key, for questions typed without diacritics; a folded form
    two phrases share ("ban" ← bàn, bán) is left out."""
    seen: dict[str, list[str]] = {}
    for key in entries():
        seen.setdefault(fold_diacritics(key), []).append(key)
    return {folded: keys[0] for folded, keys in seen.items() if len(keys) == 1}


def expansions_of(text: str) -> tuple[str, ...]:
    """The administrative phrases for the everyday phrases of ``text``, longest phrase first, each
    word of the question used once; none for a phrase the question already says formally."""
    found: list[str] = []
    for _, formal in everyday_phrases(text):
        found += [p for p in formal if p not in found]
    return tuple(found)


def everyday_phrases(text: str) -> list[tuple[str, tuple[str, ...]]]:
    """Each everyday phrase of ``text`` (as written, lower case) with the administrative phrases
    for it that the question does not already say, longest phrase first, each word used once."""
    words = _key(text).split()
    said = " ".join(words)
    # Folded phrases only for a question typed without any diacritics: in an accented one, "Ban"
    # is "Ban", not "bàn".
    table, folded = entries(), (_folded() if not has_diacritics(text) else {})
    longest = max((len(k.split()) for k in table), default=0)
    found: list[tuple[str, tuple[str, ...]]] = []
    i = 0
    while i < len(words):
        for n in range(min(longest, len(words) - i), 0, -1):
            phrase = " ".join(words[i : i + n])
            key = phrase if phrase in table else folded.get(phrase)
            if key:
                formal = tuple(p for p in table[key] if _key(p) not in said)
                if formal:
                    found.append((phrase, formal))
                i += n
                break
        else:
            i += 1
    return found
