"""Short extractive answers: the words of a cited hit's facts that answer a who/when question."""

from __future__ import annotations

from dataclasses import dataclass

from ..records import Hit


@dataclass(frozen=True)
class AnswerPart:
    text: str  # words taken from the facts of one passage
    rank: int  # the hit it comes from
    doc: str
    lines: tuple[int, int]


@dataclass(frozen=True)
class Answer:
    """A short extractive answer: "Ban Tuyên giáo Tỉnh ủy — trước ngày 31/3/2022", each part cited."""

    text: str
    parts: tuple[AnswerPart, ...]


def extract_answer(intents: set[str], hits: list[Hit], *, depth: int = 3) -> Answer | None:
    """For who/when questions, the lead body and the deadline of the best hits that have them.

    Only words found in a cited passage's facts are used; nothing is composed.
    """
    parts: list[AnswerPart] = []
    if "who" in intents:
        hit = next((h for h in hits[:depth] if h.facts.lead), None)
        if hit:
            parts.append(_part(", ".join(hit.facts.lead), hit))
    if "when" in intents:
        hit = next((h for h in hits[:depth] if h.facts.deadlines), None)
        if hit:
            parts.append(_part("; ".join(d.text for d in hit.facts.deadlines), hit))
    if not parts:
        return None
    return Answer(" — ".join(p.text for p in parts), tuple(parts))


def _part(text: str, hit: Hit) -> AnswerPart:
    return AnswerPart(text, hit.rank, hit.doc_id, (hit.passage.line_start, hit.passage.line_end))
