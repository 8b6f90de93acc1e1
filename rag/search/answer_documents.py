"""Answers about documents: which document a hit cites of the type asked ("thực hiện theo KH nào?"),
and the issuer or date of a document the question names ("KL 01 do ai ban hành?")."""

from __future__ import annotations

import re

from ..records import CitedDocument, Hit
from ..text.doc_numbers import doc_number_keys
from ..text.normalize import fold_diacritics, strip_markdown
from .answer_words import clear_winner, expanded, names_body, overlap, topic_words
from .asks import Asks
from .intents import DOCUMENT_TYPES


def cited_value(hit: Hit, keys: tuple[str, ...], kind: str) -> str | None:
    values = set()
    for cited in hit.facts.citations:
        if set(keys) & set(doc_number_keys(f"{cited.doc_type} {cited.number}")):
            value = cited.issuer if kind == "cited_issuer" else cited.date
            if value:
                values.add(value if kind == "cited_issuer" else "/".join(reversed(value.split("-"))))
    return values.pop() if len(values) == 1 else None


def which_document(hit: Hit, asks: Asks, query: str) -> str | None:
    """The one document of the type asked that the hit cites, other than those the question names
    and the hit's own plan; of several, the one whose clause (the mention and its "về …") holds
    clearly more of the question's words."""
    named = set(asks.document_keys)
    plain = strip_markdown(hit.passage.text)
    words = topic_words(query) - _DOCUMENT_WORDS  # "kế hoạch", "quy định": what is asked, not about what
    found: dict[str, int] = {}
    candidates = [
        cited
        for cited in hit.facts.citations
        if not set(doc_number_keys(f"{cited.doc_type} {cited.number}")) & named
        and (not asks.document_types or fold_diacritics(cited.doc_type).lower() in asks.document_types)
    ]
    if asks.document_issuer:  # "… kết luận nào của Ban Thường vụ Tỉnh ủy?": not one of another issuer
        candidates = [cited for cited in candidates if _may_be_issued_by(cited, asks.document_issuer)]
    for cited in candidates:
        value = f"{cited.doc_type} số {cited.number}"
        others = tuple(c.text for c in hit.facts.citations if c.text and c.text != cited.text)
        found[value] = max(found.get(value, 0), overlap(words, mention_clause(plain, cited.text, others)))
    own = hit.citation.number
    found = {value: shared for value, shared in found.items() if not own or not value.endswith(f" {own}")}
    return next(iter(found)) if len(found) == 1 else clear_winner(found)


# The level of a Party or state body, from its name or from its document's number ("01-KL/TW": central).
_LEVELS = {  # the more specific first: "Đảng ủy Khối các cơ quan tỉnh" is of a bloc, not of the province
    "central": (r"trung uong|bo chinh tri|ban bi thu|chinh phu|thu tuong|quoc hoi", r"TW|TTg|CP|QH\d*"),
    "bloc": (r"dang uy khoi|khoi", r"ĐUK|DUK"),
    "district": (r"huyen uy|huyen|thi uy|thi xa|thanh uy", r"HU|ThU|TX"),
    "province": (r"tinh uy|tinh", r"TU|UBND"),
}  # fmt: skip


def _level(name: str = "", number: str = "") -> str | None:
    folded = fold_diacritics(expanded(name)).lower()
    for level, (words, codes) in _LEVELS.items():
        if name and re.search(rf"(?<!\w)(?:{words})(?!\w)", folded):
            return level
        if not name and number and re.search(rf"[/-](?:[A-ZĐ]*?)(?:{codes})$", number):
            return level
    return None


def _may_be_issued_by(cited: CitedDocument, asked: str) -> bool:
    """Whether the cited document may be one of the issuer the question names: the same body or one
    of its level; with no issuer written, nothing in its number says it is of another level."""
    wanted = _level(asked)
    if cited.issuer:
        return names_body(cited.issuer, asked) or wanted is not None and _level(cited.issuer) == wanted
    theirs = _level(number=cited.number)
    return theirs is None or wanted is None or theirs == wanted


_DOCUMENT_WORDS = frozenset(w for name in DOCUMENT_TYPES for w in name.split()) | {"so"}


def mention_clause(text: str, mention: str, others: tuple[str, ...] = ()) -> str:
    """A cited document's mention with what follows it up to the clause's end or the next document
    cited: "Quy định số 41-QĐ/TW … về miễn nhiệm, từ chức …"."""
    start = text.find(mention) if mention else -1
    if start < 0:
        return mention
    after = start + len(mention)
    end = re.compile(r"[;.)]").search(text, after)
    ends = [end.start() if end else len(text)] + [at for other in others if (at := text.find(other, after)) >= 0]
    return text[start : min(ends)]
