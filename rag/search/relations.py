"""Document relations: what each document is based on, what it cites, what cites it, the chain up.

A cited document is identified as DESIGN.md says — type + number + issuer + date — with one
allowance for how plans write: a short mention ("Kết luận số 01-KL/TW") joins the one fully
written document of that type and number when there is exactly one. Two "Kế hoạch số 45" of
different committees or dates stay two nodes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..errors import QueryError
from ..records import CitedDocument
from ..structure.citations import CITATION
from ..structure.passages import PREAMBLE_TITLE
from ..text.doc_numbers import doc_number_keys
from ..text.normalize import strip_markdown
from .view import IndexView

_IMPLEMENTS = re.compile(r"^\s*,?\s*(?:ngày [\d/]+\s*)?(?:của [^;]*?)?\s*về\s+(?:việc\s+)?(?:tiếp tục\s+)?thực hiện\s+$")


@dataclass(frozen=True)
class Mention:
    """One place a document is cited: the words, and where they stand."""

    text: str  # "Kết luận số 01-KL/TW, ngày 18/5/2021 của Bộ Chính trị về tiếp tục thực hiện …"
    doc: str  # the citing file
    passage_id: int
    lines: tuple[int, int]
    in_basis: bool  # in the opening "Thực hiện …/Căn cứ …" paragraph


@dataclass
class Node:
    """A document: in the corpus (``file`` set) or known only from citations."""

    doc_type: str
    number: str
    date: str | None = None
    issuer: str | None = None
    file: str | None = None
    mentions: list[Mention] = field(default_factory=list)

    @property
    def label(self) -> str:
        name = f"{self.doc_type} số {self.number}" if self.number else f"{self.doc_type} ({self.file})"
        when = f", ngày {'/'.join(reversed(self.date.split('-')))}" if self.date else ""
        by = f" của {self.issuer}" if self.issuer else ""
        return name + when + by


@dataclass(frozen=True)
class Relations:
    node: Node
    basis: list[Node]  # documents it says it implements ("Thực hiện …", "Căn cứ …")
    cites: list[Node]  # every other document it cites
    based_on_by: list[Node]  # documents whose basis names it
    cited_by: list[Node]  # documents that cite it elsewhere
    chain: list[list[Node]]  # upward paths: [it, what it implements, what that implements, …]


class RelationGraph:
    """Nodes for every indexed and cited document, with basis/citation/implements edges."""

    def __init__(self, index: IndexView) -> None:
        self.nodes: list[Node] = []
        self.basis: dict[int, list[int]] = {}  # citing node → basis nodes
        self.cites: dict[int, list[int]] = {}
        self.implements: dict[int, set[int]] = {}  # "X về thực hiện Y" written in any document
        self._by_file: dict[str, int] = {}
        for doc_id, meta in index.documents.items():
            self._by_file[doc_id] = self._add(Node(meta.doc_type.capitalize() or "Văn bản", meta.number, meta.date or None, meta.issuer or None, doc_id))
        for i, passage in enumerate(index.passages):
            self._read_passage(i, passage.doc_id, passage.text, passage.section_path, (passage.line_start, passage.line_end))

    # --- building --------------------------------------------------------------------------

    def _add(self, node: Node) -> int:
        self.nodes.append(node)
        return len(self.nodes) - 1

    def _find(self, cited: CitedDocument) -> int:
        """The node of a cited document; a short mention joins the single full one of its number."""
        same = [i for i, n in enumerate(self.nodes) if n.number.upper() == cited.number.upper() and n.doc_type.lower() == cited.doc_type.lower()]
        exact = [i for i in same if cited.date and self.nodes[i].date in (cited.date, None)]
        if exact:
            node = self.nodes[exact[0]]
            node.date = node.date or cited.date
            node.issuer = node.issuer or cited.issuer
            return exact[0]
        if not cited.date and len({self.nodes[i].date for i in same}) == 1 and same:
            return same[0]
        return self._add(Node(cited.doc_type, cited.number, cited.date, cited.issuer))

    def _read_passage(self, passage_id: int, doc: str, text: str, path: tuple[str, ...], lines: tuple[int, int]) -> None:
        plain = re.sub(r"\s+", " ", strip_markdown(text))
        in_basis = path == (PREAMBLE_TITLE,)
        source = self._by_file[doc]
        previous: tuple[int, int] | None = None  # (node, end of its mention)
        for match in CITATION.finditer(plain):
            doc_type, number, day, month, year, issuer = match.groups()
            date = f"{int(year):04d}-{int(month):02d}-{int(day):02d}" if day else None
            cited = CitedDocument(doc_type, re.sub(r"\s+", "", number), date, issuer)
            target = self._find(cited)
            if target == source:
                continue
            self.nodes[target].mentions.append(Mention(_mention_text(plain, match), doc, passage_id, lines, in_basis))
            # "Kế hoạch 29-KH/TU … về thực hiện Kết luận 01-KL/TW": 29 implements 01, and 01 is
            # the subject of the basis, not itself a basis of the citing plan.
            via_previous = previous is not None and bool(_IMPLEMENTS.match(plain[previous[1] : match.start()]))
            if via_previous:
                self.implements.setdefault(previous[0], set()).add(target)
            edges = self.basis if in_basis and not via_previous else self.cites
            if target not in edges.setdefault(source, []):
                edges[source].append(target)
            previous = (target, match.end())
        if in_basis:  # a plan implements what its opening paragraph names
            self.implements.setdefault(source, set()).update(self.basis.get(source, []))

    # --- questions -------------------------------------------------------------------------

    def resolve(self, what: str) -> int:
        """A node from a file name ("003_…txt") or a document number typed loosely ("KL 01")."""
        if what in self._by_file:
            return self._by_file[what]
        keys = set(doc_number_keys(what))
        matches = [i for i, n in enumerate(self.nodes) if n.number and keys & set(doc_number_keys(f"{n.number}"))]
        if not matches:
            raise QueryError(f"No document '{what}' in the index or in its citations. Give a file name or a number such as 01-KL/TW.")
        return max(matches, key=lambda i: (self.nodes[i].file is not None, len(self.nodes[i].mentions)))

    def relations(self, what: str) -> Relations:
        i = self.resolve(what)
        others = [j for j in range(len(self.nodes)) if j != i]
        return Relations(
            node=self.nodes[i],
            basis=[self.nodes[j] for j in self.basis.get(i, [])],
            cites=[self.nodes[j] for j in self.cites.get(i, []) if j not in self.basis.get(i, [])],
            based_on_by=[self.nodes[j] for j in others if i in self.basis.get(j, [])],
            cited_by=[self.nodes[j] for j in others if i in self.cites.get(j, []) and i not in self.basis.get(j, [])],
            chain=[[self.nodes[j] for j in path] for path in self._chains(i)],
        )

    def _chains(self, start: int, seen: frozenset[int] = frozenset()) -> list[list[int]]:
        ups = sorted(self.implements.get(start, set()) - seen - {start})
        if not ups:
            return [[start]]
        return [[start, *path] for up in ups for path in self._chains(up, seen | {start})]

    def draft_basis(self, documents: list[str], issuer: str) -> tuple[str, list[Mention]]:
        """An opening "Thực hiện …" paragraph for a new plan, built only from the corpus's own mentions.

        Each document is written as its fullest mention in the corpus (longest text with a date);
        the mentions are returned so that every piece can be traced to where it was found.
        """
        pieces: list[Mention] = []
        for what in documents:
            node = self.nodes[self.resolve(what)]
            if not node.mentions:
                raise QueryError(f"'{what}' is never cited in the corpus, so there are no words to reuse for it.")
            pieces.append(max(node.mentions, key=lambda m: (", ngày" in m.text or " ngày " in m.text, len(m.text))))
        body = "; ".join(m.text.rstrip(" ,;") for m in pieces)
        return f"Thực hiện {body}, {issuer} xây dựng Kế hoạch … như sau:", pieces


def _mention_text(plain: str, match: re.Match[str]) -> str:
    """The citation with its subject ("… về tiếp tục thực hiện …"), up to where the next item starts."""
    end = match.end()
    rest = plain[end:]
    if rest.lstrip(" ,").startswith("về "):
        stop = re.search(r";|\s(?:và|,)\s(?=(?:Kế hoạch|Kết luận|Chỉ thị|Hướng dẫn|Quy định|Nghị quyết) số)|,\s*Ban (?:Thường vụ|Chấp hành)|\s+như sau|\.\s", rest)
        end += stop.start() if stop else len(rest)
    return plain[match.start() : end].strip(" ,")
