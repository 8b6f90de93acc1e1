"""Query understanding: restore missing diacritics (``rag.text.accents``), expand staff
abbreviations, find document numbers, and the parts of the question's BM25 score.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .accents import AccentRestorer
from .doc_numbers import doc_number_keys
from .normalize import fold_diacritics, has_diacritics
from .thesaurus import expansions_of
from .tokens import QUESTION_WORDS, folded_tokens, query_tokens, syllables

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
    "nq": "Nghị quyết", "qđ": "Quy định", "bct": "Bộ Chính trị", "bbt": "Ban Bí thư",
}  # fmt: skip
_ABBREVIATION_TOKEN = re.compile(r"(?<![\w-])([A-ZĐ][A-ZĐa-z]*[A-ZĐ0-9](?:-[A-ZĐ]+)?|TW\d)(?![\w-])")


LexicalTerms = tuple[str, list[str], float]
"""One part of a lexical query: (field, tokens, weight). The score is Σ weight × BM25(field, tokens)."""


@dataclass(frozen=True)
class QueryAnalysis:
    """What the search engine makes of a user's question."""

    original: str
    text: str  # the query with diacritics restored when the user typed none
    restored: bool
    expansions: tuple[str, ...]  # abbreviation expansions found in the query
    paraphrases: tuple[str, ...] = ()  # the plans' wording for the query's everyday words (``rag.text.thesaurus``)

    @property
    def dense_text(self) -> str:
        """The text for the embedding model: restored, with the abbreviations' expansions and the
        plans' wording for everyday words beside it."""
        extra = self.expansions + self.paraphrases
        return f"{self.text} ({'; '.join(extra)})" if extra else self.text


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
    return QueryAnalysis(query, text, restored, tuple(expansions), expansions_of(text))


_FOLDED_QUESTION_WORDS = frozenset(w for word in QUESTION_WORDS for w in folded_tokens(word))


def lexical_terms(
    analysis: QueryAnalysis, restorer: AccentRestorer, *, folded_weight: float, expansion_weight: float, paraphrase_weight: float = 0.0
) -> list[tuple[str, list[str], float]]:
    """The parts of a question's BM25 score (``LexicalTerms``): the accented field
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
    if analysis.paraphrases and paraphrase_weight:
        terms.append(("accented", [t for p in analysis.paraphrases for t in query_tokens(p)], paraphrase_weight))
    keys = doc_number_keys(analysis.original)
    if keys:  # a document number asked for is a strong signal: count it once more
        terms.append(("accented", keys, 1.0))
    return terms

