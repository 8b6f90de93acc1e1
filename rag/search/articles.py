"""Hits grouped by the article (Điều) they belong to.

A decree, circular or regulation is split into passages at its clauses (khoản), so one article
can fill several places of a ranking and push the next article out of view. Grouped, each
article takes the place of its best passage and keeps its other passages under it; a passage that
belongs to no article (a plan's item, a preamble, an annex) stays a group of its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..records import Hit
from ..structure.articles import ARTICLE, article_of


@dataclass
class ArticleGroup:
    """One article's hits (or one hit outside any article), best first."""

    doc_id: str
    article: str  # "Điều 8. Nguồn vốn hoạt động của Quỹ", or "" outside any article
    hits: list[Hit] = field(default_factory=list)

    @property
    def best(self) -> Hit:
        return self.hits[0]

    @property
    def score(self) -> float:
        return self.best.score

    @property
    def line_start(self) -> int:
        """The first line of the best hit, where the group is shown."""
        return self.best.passage.line_start

    @property
    def number(self) -> str:
        """ "8" for "Điều 8. …", "" outside any article."""
        match = ARTICLE.match(self.article)
        return match.group("number") if match else ""

    @property
    def shown_together(self) -> bool:
        """Whether there is a group to show: two or more hits of one article."""
        return bool(self.article) and len(self.hits) > 1

    def to_dict(self) -> dict[str, object]:
        """What a tool needs to show the grouping: the article and the ranks of its hits."""
        return {"doc": self.doc_id, "article": self.article, "ranks": [hit.rank for hit in self.hits]}


def group_by_article(hits: list[Hit]) -> list[ArticleGroup]:
    """Groups in the order of their best hit. An article is known by the headings above it and its
    number, so a decision's own "Điều 1" and the "Điều 1" of the regulation it issues stay apart."""
    groups: dict[tuple, ArticleGroup] = {}
    for hit in hits:
        found = article_of(hit.passage)
        key = (hit.doc_id, found[0], found[1]) if found else (hit.doc_id, hit.passage.passage_id)
        if key not in groups:
            groups[key] = ArticleGroup(hit.doc_id, found[2] if found else "")
        groups[key].hits.append(hit)
    return list(groups.values())
