"""Putting diacritics back: a bigram model over the corpus's own syllables, decoded with Viterbi.

"ra soat bo sung quy che" → "rà soát bổ sung quy chế". Built from the index texts at index time
and saved beside the index (``restorer.json``).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field

from .normalize import fold_diacritics, has_diacritics


@dataclass
class AccentRestorer:
    """Bigram model over the corpus's own syllables, used to put diacritics back."""

    unigrams: Counter[str] = field(default_factory=Counter)
    bigrams: Counter[str] = field(default_factory=Counter)  # "a b" → count

    @classmethod
    def from_texts(cls, texts: list[str]) -> AccentRestorer:
        """Counts over index texts (``passage_index_text``: markdown-free, one tone placement)."""
        restorer = cls()
        for text in texts:
            words = re.findall(r"\w+", text.lower())
            restorer.unigrams.update(words)
            restorer.bigrams.update(f"{a} {b}" for a, b in zip(words, words[1:]))
        return restorer

    def to_dict(self) -> dict[str, dict[str, int]]:
        return {"unigrams": dict(self.unigrams), "bigrams": dict(self.bigrams)}

    @classmethod
    def from_dict(cls, data: dict[str, dict[str, int]]) -> AccentRestorer:
        return cls(Counter(data["unigrams"]), Counter(data["bigrams"]))

    def probably_unaccented(self, word: str) -> bool:
        """Whether ``word`` (a lower-case syllable) looks typed without its diacritics: it has none,
        and the corpus spells it with some more often than as typed ("tinh" → tỉnh 144, tinh 12;
        "dang" → đảng; but "ban", "theo" are most often written so)."""
        if has_diacritics(word):
            return False
        typed = self.unigrams.get(word, 0)
        return any(self.unigrams[form] > typed for form in self._candidates().get(word, ()))

    def _candidates(self) -> dict[str, list[str]]:
        if not hasattr(self, "_by_folded"):
            by_folded: dict[str, list[str]] = {}
            for word in self.unigrams:
                by_folded.setdefault(fold_diacritics(word), []).append(word)
            self._by_folded = by_folded
        return self._by_folded

    def missing_accents(self, word: str) -> bool:
        """Whether ``word`` (a lower-case syllable) is surely typed without its diacritics: the
        corpus never writes it so, only with some ("viec" → việc)."""
        return not has_diacritics(word) and word not in self.unigrams and bool(self._candidates().get(word))

    def restore(self, text: str, *, only_missing: bool = False) -> str:
        """"ra soat bo sung quy che" → "rà soát bổ sung quy chế" (lower case). With ``only_missing``,
        the words of a mixed question keep their spelling but those ``missing_accents``."""
        words = re.findall(r"\w+|[^\w\s]+", text.lower())
        if not words:
            return text
        total = sum(self.unigrams.values()) or 1
        by_folded = self._candidates()

        def log_p(prev: str | None, word: str) -> float:
            unigram = (self.unigrams.get(word, 0) + 0.1) / total
            if prev is None:
                return math.log(unigram)
            pair = self.bigrams.get(f"{prev} {word}", 0) / max(self.unigrams.get(prev, 0), 1)
            return math.log(0.8 * pair + 0.2 * unigram)

        # Viterbi over the candidate accented forms of each word.
        paths: dict[str | None, tuple[float, list[str]]] = {None: (0.0, [])}
        for word in words:
            if only_missing and not self.missing_accents(word):
                options = [word]
            else:
                options = by_folded.get(fold_diacritics(word), []) or [word]
            next_paths: dict[str | None, tuple[float, list[str]]] = {}
            for option in options:
                best = max(
                    ((score + log_p(prev, option), seq) for prev, (score, seq) in paths.items()),
                    key=lambda item: item[0],
                )
                next_paths[option] = (best[0], best[1] + [option])
            paths = next_paths
        return " ".join(max(paths.values(), key=lambda item: item[0])[1])
