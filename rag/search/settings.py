"""The ranking's knobs, with the values measured best (each one's choice is in docs/quality.md)."""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import QueryError
from .ranking import FUSION_METHODS


@dataclass(frozen=True)
class SearchSettings:
    """Ranking knobs; the defaults are the ones measured best on the dev set (see README)."""

    fusion: str = "weighted"
    dense_weight: float = 0.3
    folded_weight: float = 0.5  # the diacritics-free field beside the accented one
    expansion_weight: float = 0.3  # abbreviation expansions are a low-weight extra
    # The plans' wording for everyday words (rag/text/thesaurus.tsv), also an extra; chosen on dev,
    # dev2 and dev3 (summed MRR 2.758 → 2.783), then new_dev paraphrase MRR 0.222 → 0.359 (docs/quality.md).
    paraphrase_weight: float = 0.2
    diversity: float = 0.15  # penalty for a document's further passages, in questions across plans
    # Taken from a plan's opening basis and closing ("Trên đây là Kế hoạch …") unless the question asks
    # about the documents cited; swept 0–1 on six tune sets (bench/sweep.py, docs/quality.md).
    frame_penalty: float = 0.3
    intent_boost: float = 0.1  # added when a passage answers the kind of question (who/when) asked
    field_boost: float = 0.3  # a field item whose label gives what is asked (rag.search.fields); swept in docs/quality.md
    # Passages of the document the question names (rag.search.document_prior); swept 0–0.3 on seven
    # tune sets, summed MRR 6.070 → 6.092 at 0.1 (12 questions up, 1 down), realq unchanged.
    document_weight: float = 0.1
    candidates: int = 100  # per retriever, before fusion

    def check(self) -> None:
        if self.fusion not in FUSION_METHODS:
            raise QueryError(f"Unknown fusion '{self.fusion}'. Choose one of: {', '.join(FUSION_METHODS)}.")
