"""Query understanding: restore missing diacritics, expand staff abbreviations, find doc numbers,
and the parts of its BM25 score.

The accent restorer learns from the corpus itself: which accented syllables each folded syllable
stands for, and how often syllable pairs occur. A Viterbi pass picks the likeliest sentence.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field

from .normalize import fold_diacritics, has_diacritics
from .tokens import QUESTION_WORDS, doc_number_keys, folded_tokens, query_tokens, syllables

# How staff abbreviate; the expansion is added beside the abbreviation, never in its place
# (replacing "BTG" by "Ban Tuyên giáo" measured worse: those words are everywhere in the corpus).
ABBREVIATIONS = {
    "btv": "Ban Thường vụ", "bch": "Ban Chấp hành", "btg": "Ban Tuyên giáo", "ubkt": "Ủy ban Kiểm tra",
    "mttq": "Mặt trận Tổ quốc", "ct-xh": "chính trị - xã hội", "hđnd": "Hội đồng nhân dân",
    "hdnd": "Hội đồng nhân dân", "ubnd": "Ủy ban nhân dân", "tu": "Tỉnh ủy", "tw": "Trung ương",
    "đuk": "Đảng ủy Khối", "duk": "Đảng ủy Khối", "cb": "cán bộ", "đv": "đảng viên", "dv": "đảng viên",
    "cbccvc": "cán bộ, công chức, viên chức", "tw4": "Hội nghị lần thứ tư Ban Chấp hành Trung ương",
    "bcđ": "Ban Chỉ đạo", "tccsđ": "tổ chức cơ sở đảng", "llct": "lý luận chính trị",
    "xdđ": "xây dựng Đảng", "kl": "Kết luận", "ct": "Chỉ thị", "kh": "Kế hoạch", "hd": "Hướng dẫn",
    "nq": "Nghị quyết", "qđ": "Quy định",
}  # fmt: skip
_ABBREVIATION_TOKEN = re.compile(r"(?<![\w-])([A-ZĐ][A-ZĐa-z]*[A-ZĐ0-9](?:-[A-ZĐ]+)?|TW\d)(?![\w-])")


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


@dataclass(frozen=True)
class QueryAnalysis:
    """What the search engine makes of a user's question."""

    original: str
    text: str  # the query with diacritics restored when the user typed none
    restored: bool
    expansions: tuple[str, ...]  # abbreviation expansions found in the query

    @property
    def dense_text(self) -> str:
        """The text for the embedding model: restored, with expansions beside the abbreviations."""
        return f"{self.text} ({'; '.join(self.expansions)})" if self.expansions else self.text


def analyse(query: str, restorer: AccentRestorer | None) -> QueryAnalysis:
    query = re.sub(r"\s+", " ", query).strip()
    text, restored = query, False
    if restorer and not has_diacritics(query) and len(query.split()) >= 2:
        text, restored = restorer.restore(query), True
    elif restorer and any(restorer.missing_accents(w) for w in re.findall(r"\w+", query.lower())):
        # A mixed question ("học chuyen đề vao nhung hình thức nao"): 124 dev questions with 30% of
        # their syllables stripped went from R@1 0.696 / MRR 0.833 to 0.763 / 0.875; the clean
        # sets kept their numbers (no word of theirs is missing its accents).
        text, restored = restorer.restore(query, only_missing=True), True
    expansions = []
    for match in _ABBREVIATION_TOKEN.finditer(query):
        expansion = ABBREVIATIONS.get(match.group(1).lower())
        if expansion and expansion not in expansions:
            expansions.append(expansion)
    return QueryAnalysis(query, text, restored, tuple(expansions))


_FOLDED_QUESTION_WORDS = frozenset(w for word in QUESTION_WORDS for w in folded_tokens(word))


def lexical_terms(analysis: QueryAnalysis, restorer: AccentRestorer, *, folded_weight: float, expansion_weight: float) -> list[tuple[str, list[str], float]]:
    """The parts of a question's BM25 score (``rag.search.backend.LexicalTerms``): the accented field
    (restored question), the folded field, the abbreviations' expansions, document numbers."""
    folded = folded_tokens(analysis.original)
    if has_diacritics(analysis.original):
        # An accented question already matches on the accented field; the folded one would
        # count each syllable again with all its other tones ("to" is tổ, tố, tô, tỏ…) through
        # the longest posting lists of the index (45% of a question's postings), for no gain
        # (hybrid R@5 on dev 1.000 either way, dev2 0.963 with it, 0.983 without). Only the
        # syllables that look typed without their accents ("tinh ủy", "dot pha") are looked
        # up without diacritics.
        folded = [fold_diacritics(w) for w in syllables(analysis.original) if restorer.probably_unaccented(w)]
    terms = [
        ("accented", [t for t in query_tokens(analysis.text) if t not in QUESTION_WORDS], 1.0),
        ("folded", [t for t in folded if t not in _FOLDED_QUESTION_WORDS], folded_weight),
    ]
    if analysis.expansions:
        terms.append(("accented", [t for e in analysis.expansions for t in query_tokens(e)], expansion_weight))
    keys = doc_number_keys(analysis.original)
    if keys:  # a document number asked for is a strong signal: count it once more
        terms.append(("accented", keys, 1.0))
    return terms
