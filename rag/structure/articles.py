"""Articles (Điều) of legal texts: which article a passage belongs to, and how its document is cited.

A decree, circular or regulation is split into passages at its clauses (khoản); a clause means
what it says only under its article ("Điều 8. Nguồn vốn hoạt động của Quỹ", in the heading path)
and its document ("Nghị định quy định chi tiết về Quỹ nhà ở quốc gia …").
"""

from __future__ import annotations

import re

from ..records import DocumentMeta, Passage
from ..text.normalize import strip_markdown

ARTICLE = re.compile(r"^Điều\s+(?P<number>\d{1,3}[a-z]?)\s*[.:]?")
MAX_HEADING_CHARS = 300  # a document's type and title; a longer title is cut at a word


def article_of(passage: Passage) -> tuple[tuple[str, ...], str, str] | None:
    """(the headings above the passage's article, its number, its title), or None outside any
    article. An article heading that is a passage itself ("Điều 20. Quy định này thay thế …") is
    its own article."""
    path = passage.section_path
    for depth in range(len(path), 0, -1):
        title = strip_markdown(path[depth - 1]).strip()
        if match := ARTICLE.match(title):
            return path[: depth - 1], match.group("number"), title
    plain = strip_markdown(passage.text).strip()
    if match := ARTICLE.match(plain):
        return path, match.group("number"), plain
    return None


def document_heading(meta: DocumentMeta) -> str:
    """ "NGHỊ ĐỊNH QUY ĐỊNH CHI TIẾT VỀ QUỸ NHÀ Ở QUỐC GIA …": what the document an article belongs
    to is about. Its number is left out: in every clause, a number's key weighed the same in all of
    them and, short clauses gaining most, moved a clause that said less above the one that answered
    (on the tuning questions of bench/articles.py; a question that names the number still finds
    the document's passages that write it)."""
    heading = " ".join(part for part in (meta.doc_type, meta.title) if part)
    if len(heading) > MAX_HEADING_CHARS:
        heading = heading[:MAX_HEADING_CHARS].rsplit(" ", 1)[0]
    return heading
