"""Search filters: by document, issuing body, document type, year, responsible body, deadline range.

A filter is applied before ranking, so a filtered search never returns a passage that fails it.
Names match loosely (case, tone placement, "uỷ"/"ủy", with or without diacritics).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from datetime import date
from functools import lru_cache

from ..errors import QueryError
from ..records import Deadline, DocumentMeta, Facts, Passage
from ..structure.names import normalise_body
from ..text.normalize import loose


def iso_day(value: str, *, end: bool) -> str:
    """"2022" → 2022-01-01 / 2022-12-31; "2022-03" → first/last day; "Q1 2022"/"quý I/2022" → its quarter."""
    value = value.strip()
    quarter = re.fullmatch(r"(?:q|quý\s*)([1-4]|I{1,3}|IV)[\s/-]*(\d{4})", value, re.I)
    if quarter:
        q = {"I": 1, "II": 2, "III": 3, "IV": 4}.get(quarter.group(1).upper()) or int(quarter.group(1))
        value = f"{quarter.group(2)}-{q * 3 if end else q * 3 - 2:02d}"
    parts = value.split("-")
    try:
        if len(parts) == 1:
            return f"{int(parts[0]):04d}-{12 if end else 1:02d}-{31 if end else 1:02d}"
        if len(parts) == 2:
            year, month = int(parts[0]), int(parts[1])
            last = (date(year + month // 12, month % 12 + 1, 1) - date(year, month, 1)).days
            return f"{year:04d}-{month:02d}-{last if end else 1:02d}"
        return date.fromisoformat(value).isoformat()
    except ValueError as err:
        raise QueryError(f"'{value}' is not a date. Write 2022, 2022-03, 2022-03-31 or Q1 2022.") from err


@dataclass(frozen=True)
class SearchFilter:
    """Every field is optional; a passage must satisfy all that are given.

    Args:
        doc: the document's file name (its id).
        issuer: part of the issuing body's name ("Thị ủy").
        doc_type: "kế hoạch", "KẾT LUẬN", …
        year: the year the document is for.
        body: part of a responsible body's name, lead or coordinating ("Ban Tuyên giáo", "BTG").
        due_from, due_to: a deadline range ("2022-01-01", "2022-03", "Q1 2022"): passages whose
            deadline falls in it. Recurring periods ("hằng năm") have no date and do not match.
        exclude_doc: leave this document out (precedent search from one of its passages).
        body_exact: match ``body`` as a whole name ("Tỉnh ủy" then leaves out "Ban Tuyên giáo Tỉnh ủy").
    """

    doc: str | None = None
    issuer: str | None = None
    doc_type: str | None = None
    year: int | None = None
    body: str | None = None
    due_from: str | None = None
    due_to: str | None = None
    exclude_doc: str | None = None
    body_exact: bool = False

    def __post_init__(self) -> None:
        for value in (self.due_from, self.due_to):
            if value:
                iso_day(value, end=False)  # raises QueryError with the accepted forms

    @property
    def active(self) -> bool:
        return any(getattr(self, f.name) not in (None, "", False) for f in fields(self))

    def matches(self, passage: Passage, meta: DocumentMeta, facts: Facts) -> bool:
        return self.matches_document(passage.doc_id, meta) and self.matches_facts(facts)

    def matches_document(self, doc_id: str, meta: DocumentMeta) -> bool:
        """The parts of the filter about the document a passage belongs to."""
        if self.doc and doc_id != self.doc:
            return False
        if self.exclude_doc and doc_id == self.exclude_doc:
            return False
        if self.issuer and loose(self.issuer) not in loose(meta.issuer):
            return False
        if self.doc_type and loose(self.doc_type) != loose(meta.doc_type):
            return False
        return self.year is None or meta.year == self.year

    def matches_facts(self, facts: Facts) -> bool:
        """The parts about the passage's own facts: responsible body, deadline range."""
        if self.body and not any(self.body_matches(loose(name)) for name in (*facts.lead, *facts.coordinating)):
            return False
        if self.due_from or self.due_to:
            low, high = self.due_range()
            if not any(_due_within(d, low, high) for d in facts.deadlines):
                return False
        return True

    def body_matches(self, loose_name: str) -> bool:
        """Whether a body name, already in ``loose`` form, is the body asked for."""
        wanted = _wanted_body(self.body or "")
        return wanted == loose_name if self.body_exact else wanted in loose_name

    def due_range(self) -> tuple[str, str]:
        """The deadline range as ISO days, open ends widened."""
        low = iso_day(self.due_from, end=False) if self.due_from else "0000-01-01"
        high = iso_day(self.due_to, end=True) if self.due_to else "9999-12-31"
        return low, high


@lru_cache(maxsize=256)
def _wanted_body(body: str) -> str:
    return loose(normalise_body(body))


def _due_within(deadline: Deadline, low: str, high: str) -> bool:
    """A deadline is due in [low, high] when its date (or the end of its period) lies there."""
    return deadline.end is not None and low <= deadline.end <= high
