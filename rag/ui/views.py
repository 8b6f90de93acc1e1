"""What the web app shows: HTML views, messages in Vietnamese, and CSV/DOCX exports of a result list.

Pure functions of the engine's records: no searching happens here, so each view can be tested
without a server. Every piece of document text goes through ``html.escape``.
"""

from __future__ import annotations

import csv
import html
import re
from difflib import SequenceMatcher
from itertools import groupby
from pathlib import Path

from ..records import DocumentMeta, Facts, Hit, Passage, vietnamese_date
from ..search.answers import Answer
from ..search.articles import ArticleGroup, group_by_article
from ..search.filters import SearchFilter
from ..text.normalize import fold_diacritics, has_diacritics, strip_markdown, unify_tone_marks
from ..text.tokens import QUESTION_WORDS

EXAMPLE = "Ai chủ trì tổ chức hội nghị học tập chuyên đề cấp tỉnh?"
Terms = tuple[set[str], set[str]]

# --- text ---------------------------------------------------------------------------------------

_WORD = re.compile(r"(\w+)")
_EMPHASIS = re.compile(r"\*\*(.+?)\*\*|\*(.+?)\*", re.S)


def _key(word: str) -> str:
    return unify_tone_marks(word.lower())


def query_terms(query: str) -> Terms:
    """Words to mark: accented ones match exactly, ones typed without diacritics match folded."""
    words = [_key(w) for w in _WORD.findall(query) if _key(w) not in QUESTION_WORDS]
    exact = {w for w in words if has_diacritics(w)}
    return exact, {w for w in words if not has_diacritics(w)}


def _matches(word: str, terms: Terms) -> bool:
    exact, folded = terms
    key = _key(word)
    return key in exact or fold_diacritics(key) in folded


def highlight(text: str, terms: Terms) -> str:
    """Escape ``text`` and wrap the query's words in <mark>; neighbouring words share one mark."""
    pieces = _WORD.split(text)  # odd indexes are words, even ones what lies between
    hit = [i % 2 == 1 and _matches(p, terms) for i, p in enumerate(pieces)]
    for i in range(2, len(pieces) - 1, 2):
        hit[i] = hit[i - 1] and hit[i + 1] and pieces[i].isspace()
    runs = groupby(zip(hit, pieces, strict=True), key=lambda pair: pair[0])
    chunks = [(marked, "".join(html.escape(piece) for _, piece in run)) for marked, run in runs]
    return "".join(f"<mark>{chunk}</mark>" if marked else chunk for marked, chunk in chunks)


def render_text(text: str, terms: Terms = (set(), set())) -> str:
    """The passage's markdown emphasis as <strong>/<em>, its words highlighted, all escaped."""
    out, pos = [], 0
    for m in _EMPHASIS.finditer(text):
        tag = "strong" if m.group(1) is not None else "em"
        out += [highlight(text[pos : m.start()], terms), f"<{tag}>{render_text(m.group(1) or m.group(2), terms)}</{tag}>"]
        pos = m.end()
    return "".join(out) + highlight(text[pos:], terms)


def lines_of(passage: Passage) -> str:
    start, end = passage.line_start, passage.line_end
    return f"dòng {start}" if start == end else f"dòng {start}–{end}"


def message(text: str, kind: str = "info") -> str:
    return f'<div class="msg {kind}">{html.escape(text)}</div>'


# --- result cards -------------------------------------------------------------------------------


def deadline_text(facts: Facts) -> str:
    """Deadlines exactly as written; a doubtful one keeps its date and says why it is doubtful."""
    return "; ".join(d.text + (f" (⚠ {d.flag})" if d.flag else "") for d in facts.deadlines)


def render_facts(facts: Facts) -> str:
    e = html.escape
    rows = [("Chủ trì", e(", ".join(facts.lead))), ("Phối hợp", e(", ".join(facts.coordinating)))]
    deadlines = [
        e(d.text) + (f' <span class="flag" title="{e(d.flag)}">⚠ Cần kiểm tra: {e(d.flag)}</span>' if d.flag else "")
        for d in facts.deadlines
    ]
    rows.append(("Thời hạn", "; ".join(deadlines)))
    shown = "".join(f'<span class="label">{label}</span><span>{value}</span>' for label, value in rows if value)
    return f'<div class="facts">{shown}</div>' if shown else ""


def _actions(hit: Hit, *, similar: bool = True) -> str:
    e, p = html.escape, hit.passage
    data = f'data-doc="{e(p.doc_id)}" data-pid="{p.passage_id}" data-line="{p.line_start}"'
    buttons = [f'<button type="button" data-action="context" {data}>Xem trong văn bản</button>']
    if similar:
        buttons.append(f'<button type="button" data-action="similar" {data}>Tìm cách diễn đạt tương tự</button>')
    buttons.append(f'<button type="button" data-action="copy" data-citation="{e(str(hit.citation))}">Sao chép trích dẫn</button>')
    return f'<div class="actions">{"".join(buttons)}</div>'


def _card_head(hit: Hit) -> str:
    c, e = hit.citation, html.escape
    meta = [f"#{hit.rank}", c.issuer, vietnamese_date(c.date).capitalize(), lines_of(hit.passage), c.file]
    return (
        f"<h3>{e(c.document_name)}</h3>"
        + (f'<p class="doc-title">{e(c.title)}</p>' if c.title else "")
        + '<div class="meta">' + "".join(f"<span>{e(m)}</span>" for m in meta if m) + "</div>"
        f'<div class="section">Mục: {e(hit.passage.section_label or "(phần đầu văn bản)")}</div>'
    )


def render_card(hit: Hit, terms: Terms) -> str:
    e = html.escape
    return (
        f'<article class="card" id="hit-{hit.rank}" data-doc="{e(hit.doc_id)}">{_card_head(hit)}'
        f'<div class="text">{render_text(hit.text, terms)}</div>{render_facts(hit.facts)}'
        f'<div class="cite"><b>Trích dẫn:</b> {e(str(hit.citation))}</div>{_actions(hit)}</article>'
    )


def render_answer(answer: Answer | None) -> str:
    """"Trả lời: Tỉnh ủy (theo kết quả #1)": each part links to the card it was taken from."""
    if answer is None:
        return ""
    parts = " — ".join(f'{html.escape(p.text)} <a href="#hit-{p.rank}">(theo kết quả #{p.rank})</a>' for p in answer.parts)
    return f'<div class="answer" id="answer"><b>Trả lời:</b> {parts}</div>'


def render_results(hits: list[Hit], query: str, answer: Answer | None = None, filters: str = "") -> str:
    if not hits:
        narrower = f"bỏ bớt bộ lọc ({filters}), " if filters else ""
        return message(
            f"Không tìm thấy đoạn văn nào. Hãy thử: {narrower}dùng ít từ hơn, gõ tiếng Việt có dấu, "
            "chọn “Tất cả” ở các bộ lọc, hoặc tăng số kết quả.",
            "note",
        )
    note = ""
    if all(h.lexical_score <= 0 for h in hits):
        note = message(
            "Không đoạn nào chứa đúng các từ đã nhập; dưới đây là các đoạn gần nghĩa nhất. "
            "Hãy thử từ khóa khác hoặc số hiệu văn bản (vd. 45-KH/TU).",
            "note",
        )
    terms = query_terms(query)
    return render_answer(answer) + note + "".join(render_group(group, terms) for group in group_by_article(hits))


def render_group(group: ArticleGroup, terms: Terms) -> str:
    """The clauses of one article found together, under the article's title, where its best clause
    ranks; a hit alone in its article (or in none) is a plain card."""
    cards = "".join(render_card(h, terms) for h in group.hits)
    if not group.shown_together:
        return cards
    e = html.escape
    head = f'{e(strip_markdown(group.article))} <span class="count">· {len(group.hits)} đoạn · {e(group.best.citation.document_name)}</span>'
    return f'<section class="article-group"><div class="article-head">{head}</div>{cards}</section>'


# --- filters, uploads ---------------------------------------------------------------------------


def describe(where: SearchFilter) -> str:
    """The active filters in words, for the "try removing a filter" hint."""
    parts = [
        where.doc and f"văn bản {where.doc}",
        where.issuer and f"cơ quan ban hành “{where.issuer}”",
        where.year and f"năm {where.year}",
        where.body and f"chủ trì/phối hợp “{where.body}”",
        where.due_from and f"thời hạn {where.due_from}",
    ]
    return ", ".join(p for p in parts if p)


# --- one document in full -----------------------------------------------------------------------


def _headings(passages: list[Passage]) -> list[tuple[int, tuple[str, ...]]]:
    """(passage index, heading path) for every heading, in reading order, each once."""
    seen: list[tuple[int, tuple[str, ...]]] = []
    previous: tuple[str, ...] = ()
    for i, passage in enumerate(passages):
        path = passage.section_path
        for depth in range(len(path)):
            if previous[: depth + 1] != path[: depth + 1]:
                seen.append((i, path[: depth + 1]))
        previous = path
    return seen


def render_document(meta: DocumentMeta, passages: list[Passage], marked: int | None = None) -> str:
    """The whole document: metadata, a section tree of anchor links, then every passage in order,
    its headings written once where they change and the passage ``marked`` (an id) highlighted."""
    e = html.escape
    headings = _headings(passages)
    anchor = {path: f"ctx-h{n}" for n, (_, path) in enumerate(headings)}
    here = next((p.section_path for p in passages if p.passage_id == marked), ())  # its section is bold in the tree
    toc = "".join(_tree_link(path, anchor[path], current=path == here) for _, path in headings)
    stated: dict[int, str] = {}  # passage index → anchor of the heading that passage states in full
    written: dict[int, list[tuple[str, ...]]] = {}  # passage index → headings written just before it
    for i, path in headings:
        if i and i - 1 not in stated and _states_heading(passages[i - 1], path[-1]):
            stated[i - 1] = anchor[path]
        else:
            written.setdefault(i, []).append(path)
    body = []
    for i, passage in enumerate(passages):
        body += [f'<div class="heading" id="{anchor[path]}">{e(strip_markdown(path[-1]))}</div>' for path in written.get(i, [])]
        ident = f' id="{stated[i]}"' if i in stated else ""
        kind = "passage marked" if passage.passage_id == marked else "passage"
        body.append(
            f'<p class="{kind}"{ident} data-pid="{passage.passage_id}">'
            f'{render_text(passage.text)}<span class="lines">{lines_of(passage)}</span></p>'
        )
    return (
        f'<div class="docview" data-doc="{e(meta.doc_id)}">{_document_head(meta)}<div class="layout">'
        f'<nav aria-label="Mục lục">{toc or "(văn bản không chia mục)"}</nav><div class="body">{"".join(body)}</div></div></div>'
    )


def _tree_link(path: tuple[str, ...], anchor: str, *, current: bool) -> str:
    """One entry of the section tree, indented by depth; the href works without the page's script."""
    kind = ' class="current"' if current else ""
    indent = 12 * (len(path) - 1)
    return f'<a href="#{anchor}" data-jump="{anchor}"{kind} style="padding-left:{indent}px">{html.escape(strip_markdown(path[-1]))}</a>'


def _states_heading(previous: Passage, title: str) -> bool:
    """A heading that is also a duty ("1. Giao Ban …: chủ trì …") is a passage of its own just
    before the items under it; writing its short title again would repeat it."""
    start = strip_markdown(title).rstrip("…").strip()
    return strip_markdown(previous.text).lstrip("-+• ").startswith(start)


def _document_head(meta: DocumentMeta) -> str:
    e = html.escape
    kind = meta.doc_type or "Văn bản"
    signer = ", ".join(x for x in (meta.signer_role.replace("\n", " / "), meta.signer) if x)
    rows = [("Cơ quan ban hành", meta.issuer), ("Ngày", vietnamese_date(meta.date) or "không ghi"), ("Người ký", signer), ("Tệp", meta.doc_id)]
    return (
        f'<div class="head"><div class="kind">{e(kind)}{" số " + e(meta.number) if meta.number else ""}</div>'
        f"<h2>{e(meta.title)}</h2><dl>" + "".join(f"<dt>{k}</dt><dd>{e(v)}</dd>" for k, v in rows if v) + "</dl></div>"
    )


# --- precedent wording --------------------------------------------------------------------------


def _word_key(word: str) -> str:
    return _key(word.strip(".,;:!?…()[]\"“”'*-–"))


def word_diff(draft: str, precedent: str) -> tuple[str, str, float]:
    """Both texts escaped, words only in the draft in <del>, only in the precedent in <ins>;
    and the share of words in common (compared without case, punctuation or tone-mark variants)."""
    a, b = strip_markdown(draft).split(), strip_markdown(precedent).split()
    matcher = SequenceMatcher(None, [_word_key(w) for w in a], [_word_key(w) for w in b], autojunk=False)
    left, right = [], []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        old, new = html.escape(" ".join(a[i1:i2])), html.escape(" ".join(b[j1:j2]))
        if tag == "equal":
            left.append(old)
            right.append(new)
            continue
        if old:
            left.append(f"<del>{old}</del>")
        if new:
            right.append(f"<ins>{new}</ins>")
    return " ".join(left), " ".join(right), matcher.ratio()


def render_precedents(draft: str, hits: list[Hit], excluded: str | None = None) -> str:
    if not hits:
        return message("Không tìm thấy đoạn nào tương tự. Hãy dán một đoạn dài hơn hoặc bỏ chọn văn bản bị loại trừ.", "note")
    e = html.escape
    legend = (
        '<div class="msg">Mỗi kết quả đặt cạnh bản thảo: <ins>chữ xanh</ins> chỉ có trong văn bản đã ban hành, '
        "<del>chữ đỏ</del> chỉ có trong bản thảo, chữ thường là phần giống nhau."
        + (f" Đã loại trừ văn bản nguồn {e(excluded)}." if excluded else "")
        + "</div>"
    )
    cards = []
    for hit in hits:
        mine, theirs, ratio = word_diff(draft, hit.text)
        cards.append(
            f'<article class="card precedent" id="prec-{hit.rank}" data-doc="{e(hit.doc_id)}">{_card_head(hit)}'
            f'<div class="meta"><span>Trùng {ratio:.0%} từ ngữ</span></div><div class="sbs">'
            f'<div class="draft"><h4>Bản thảo</h4>{mine}</div><div class="prior"><h4>Văn bản đã ban hành</h4>{theirs}</div></div>'
            f'<div class="cite"><b>Trích dẫn:</b> {e(str(hit.citation))}</div>{_actions(hit, similar=False)}</article>'
        )
    return legend + "".join(cards)


# --- exports ------------------------------------------------------------------------------------

EXPORT_COLUMNS = ("Hạng", "Đoạn văn", "Chủ trì", "Phối hợp", "Thời hạn", "Trích dẫn", "Tệp", "Dòng")


def export_rows(hits: list[Hit]) -> list[list[str]]:
    return [
        [
            str(h.rank),
            strip_markdown(h.text),
            "; ".join(h.facts.lead),
            "; ".join(h.facts.coordinating),
            deadline_text(h.facts),
            str(h.citation),
            h.doc_id,
            f"{h.passage.line_start}–{h.passage.line_end}",
        ]
        for h in hits
    ]


def write_csv(hits: list[Hit], path: Path) -> Path:
    """UTF-8 with BOM, so that Excel opens the Vietnamese text correctly."""
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(EXPORT_COLUMNS)
        writer.writerows(export_rows(hits))
    return path


def write_docx(hits: list[Hit], query: str, answer: Answer | None, path: Path) -> Path:
    """A Word file staff can paste from: the question, the answer, then each passage and its citation."""
    from docx import Document  # python-docx: only needed when exporting

    document = Document()
    document.add_heading("Kết quả tra cứu", level=1)
    document.add_paragraph(f"Câu hỏi: {query}")
    if answer is not None:
        document.add_paragraph("Trả lời: " + " — ".join(f"{p.text} (theo kết quả #{p.rank})" for p in answer.parts))
    for row, hit in zip(export_rows(hits), hits):
        document.add_heading(f"#{hit.rank}. {hit.citation.document_name} — mục {hit.citation.section_number or '(đầu văn bản)'}", level=2)
        document.add_paragraph(row[1])
        for label, value in zip(("Chủ trì", "Phối hợp", "Thời hạn"), row[2:5]):
            if value:
                document.add_paragraph(f"{label}: {value}")
        document.add_paragraph().add_run(f"Trích dẫn: {row[5]}").italic = True
    document.save(str(path))
    return path
