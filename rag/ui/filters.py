"""The filter dropdowns of the web app: what the corpus contains, so that no value is guessed,
and the engine's ``SearchFilter`` built from form or query values."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..errors import QueryError
from ..records import Citation
from ..search.facade import SearchIndex
from ..search.filters import SearchFilter
from ..text.normalize import loose

ALL = "__all__"  # the "Tất cả" value of every filter


@dataclass(frozen=True)
class Choices:
    """(label, value) lists for the filter dropdowns, taken from the index so no value is guessed."""

    docs: list[tuple[str, str]]
    issuers: list[tuple[str, str]]
    years: list[tuple[str, str]]
    bodies: list[tuple[str, str]]
    periods: list[tuple[str, str]]

    @classmethod
    def of(cls, index: SearchIndex) -> Choices:
        everything = [("Tất cả", ALL)]
        years = Counter(m.year for m in index.documents.values() if m.year)
        return cls(
            docs=[("Tất cả văn bản", ALL), *document_choices(index)],
            issuers=everything + issuer_choices(index),
            years=everything + [(f"{y} ({n} văn bản)", str(y)) for y, n in sorted(years.items())],
            bodies=everything + body_choices(index),
            periods=everything + period_choices(index),
        )

    @property
    def exclusions(self) -> list[tuple[str, str]]:
        return [("Không loại trừ", ALL), *self.docs[1:]]


def document_choices(index: SearchIndex) -> list[tuple[str, str]]:
    choices = []
    for doc_id, meta in sorted(index.documents.items()):
        title = meta.title if len(meta.title) <= 60 else meta.title[:59] + "…"
        name = Citation(doc_id, meta.doc_type, meta.number, "", "", "", "", 0, 0).document_name
        choices.append((f"{name} — {title} · {doc_id}", doc_id))
    return choices


def issuer_choices(index: SearchIndex) -> list[tuple[str, str]]:
    """One entry per issuer however it is spelled ("Tỉnh ủy"/"Tỉnh uỷ"), with the documents the filter keeps."""
    spellings = Counter(m.issuer for m in index.documents.values() if m.issuer)
    names = {loose(name): name for name, _ in reversed(spellings.most_common())}  # the commonest spelling wins
    docs = {key: len({index.passages[i].doc_id for i in index.allowed(SearchFilter(issuer=name))}) for key, name in names.items()}
    return [(f"{names[key]} ({docs[key]} văn bản)", names[key]) for key in sorted(names)]


def body_choices(index: SearchIndex) -> list[tuple[str, str]]:
    """Every lead or coordinating body, with how many passages name it (the exact-name filter's count)."""
    bodies = index.facets()["bodies"]
    return [(f"{name} ({bodies[name]} đoạn)", name) for name in sorted(bodies, key=loose)]


def period_choices(index: SearchIndex) -> list[tuple[str, str]]:
    """Whole years and quarters in which deadlines fall, each with its count of passages."""
    periods = index.facets()["periods"]
    years = sorted({value[-4:] for value in periods})
    labelled = []
    for year in years:
        labelled += [(f"Năm {year}", year)] + [(f"Quý {q}/{year}", f"Q{n} {year}") for n, q in enumerate(("I", "II", "III", "IV"), 1)]
    return [(f"{label} ({periods[value]} đoạn)", value) for label, value in labelled if periods[value]]


def make_filter(
    index: SearchIndex, doc=ALL, issuer=ALL, year=ALL, body=ALL, due_from=ALL, due_to=ALL, *, body_exact: bool = False
) -> SearchFilter:
    """The engine's filter from form or query values; "" and ALL mean no restriction.

    A body chosen from the dropdown is a whole name (``body_exact``); one typed into the JSON API
    ("BTG", "Tuyên giáo") matches as part of a name.
    """
    doc, issuer, year, body, due_from, due_to = (
        None if v in (None, "", ALL) else str(v).strip() for v in (doc, issuer, year, body, due_from, due_to)
    )
    if doc and doc not in index.documents:
        raise QueryError(f"Không có văn bản '{doc}' trong chỉ mục.")
    if year and not year.isdigit():
        raise QueryError(f"Năm '{year}' không hợp lệ; hãy ghi một năm, vd. 2022.")
    return SearchFilter(
        doc=doc, issuer=issuer, year=int(year) if year else None, body=body, due_from=due_from, due_to=due_to, body_exact=body_exact
    )
