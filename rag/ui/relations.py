"""The relations panel of the document view: four lists, the chain up drawn as inline SVG, and the
drafted "Thực hiện …" paragraph with the source of each piece.

Pure functions of ``rag.search.relations`` records, like ``rag.ui.views``: every text goes through ``html.escape``.
A document in the corpus is drawn with ``data-action="context"``, which ``app_views.CARD_JS`` turns
into the page's ``open_context`` event; ``pid``/``line`` -1 open a document at its top.
"""

from __future__ import annotations

import html
import re

from ..errors import QueryError
from ..search.relations import Mention, Node, Relations

LISTS = (("basis", "Căn cứ (thực hiện)"), ("cites", "Có trích dẫn"), ("based_on_by", "Được thực hiện bởi"), ("cited_by", "Được trích dẫn trong"))

RELATIONS_CSS = """
.relations { margin-top: 14px; padding-top: 10px; border-top: 2px solid #d0d7de; color: #1f2328; }
.relations h3 { margin: 0 0 8px; font-size: 1.05rem; }
.rel-lists { display: grid; grid-template-columns: repeat(auto-fit, minmax(220px, 1fr)); gap: 10px; align-items: start; }
.rel-lists section { border: 1px solid #d0d7de; border-radius: 8px; padding: 8px 10px; }
.rel-lists h4 { margin: 0 0 4px; font-size: .9rem; color: #3d444d; }
.rel-lists ul { margin: 0; padding: 0; list-style: none; font-size: .85rem; line-height: 1.45; }
.rel-lists li { margin: 4px 0; padding-left: 8px; border-left: 3px dashed #94a3b8; overflow-wrap: anywhere; }
.rel-lists li.corpus { border-left: 3px solid #2563eb; }
.rel-lists li.none { border: 0; padding: 0; color: #8c959f; }
.relations button, .basis-draft ol button { background: none; border: 0; padding: 0; font: inherit; text-align: left; color: #0b5394;
  text-decoration: underline; text-underline-offset: 3px; cursor: pointer; }
.rel-graph { margin-top: 12px; border: 1px solid #d0d7de; border-radius: 8px; padding: 8px; overflow-x: auto; contain: inline-size; }  /* a phone scrolls a wide graph, not the page */
.rel-graph h4 { margin: 0 0 6px; font-size: .9rem; color: #3d444d; }
.rel-graph svg { display: block; width: 100%; height: auto; margin: 0 auto; }
.rel-graph g[data-action] { cursor: pointer; } .rel-graph g[data-action]:hover rect { fill: #bfdbfe; }
.legend { display: flex; flex-wrap: wrap; gap: 4px 14px; margin-top: 6px; font-size: .8rem; color: #57606a; }
.legend i { display: inline-block; width: 16px; height: 10px; margin-right: 4px; border-radius: 3px; vertical-align: -1px; }
.basis-draft { border: 1px solid #d0d7de; border-radius: 8px; padding: 10px 12px; color: #1f2328; }
.basis-draft .draft-text { margin: 0; line-height: 1.6; }
.basis-draft .piece { background: #eff6ff; border-radius: 3px; }
.basis-draft h4 { margin: 10px 0 4px; font-size: .9rem; color: #3d444d; }
.basis-draft ol { margin: 0; padding-left: 22px; font-size: .85rem; line-height: 1.5; }
.basis-draft li { margin-bottom: 4px; } .basis-draft li div { color: #57606a; }
"""

# Boxes of the graph: corpus documents filled blue, documents only cited dashed, the shown one amber.
STYLE = {"current": ("#fef3c7", "#d97706", ""), "corpus": ("#dbeafe", "#2563eb", ""), "cited": ("#ffffff", "#94a3b8", "5 3")}
BOX_W, BOX_H, GAP_X, GAP_Y, PAD = 220, 62, 28, 44, 6
SMALLEST = 0.75  # the graph shrinks with its panel down to this scale (12px words → 9px), then scrolls sideways


def _lines(lines: tuple[int, int]) -> str:
    return f"dòng {lines[0]}" if lines[0] == lines[1] else f"dòng {lines[0]}–{lines[1]}"


def _open(node: Node, shown: Node) -> str:
    """Attributes that open ``node``'s file: at the passage where it cites ``shown``, else at its top."""
    mention = next((m for m in shown.mentions if m.doc == node.file), None)
    pid, line = (mention.passage_id, mention.lines[0]) if mention else (-1, -1)
    return f'data-action="context" data-doc="{html.escape(node.file or "")}" data-pid="{pid}" data-line="{line}"'


def _item(node: Node, shown: Node) -> str:
    label = html.escape(node.label)
    if node.file and node is not shown:
        return f'<li class="corpus"><button type="button" {_open(node, shown)} title="Mở văn bản này">{label}</button></li>'
    return f'<li title="Chỉ được trích dẫn, không có trong kho">{label}</li>'


def render_relations(rel: Relations) -> str:
    """The four lists, then the graph of the chains up."""
    sections = []
    for attr, title in LISTS:
        nodes = getattr(rel, attr)
        items = "".join(_item(n, rel.node) for n in nodes) or '<li class="none">Không có</li>'
        sections.append(f'<section data-list="{attr}"><h4>{title} ({len(nodes)})</h4><ul>{items}</ul></section>')
    return f'<div class="relations"><h3>Quan hệ văn bản</h3><div class="rel-lists">{"".join(sections)}</div>{render_graph(rel)}</div>'


def basis_numbers(rel: Relations) -> str:
    """The draft form's default: the shown document's basis, comma-separated."""
    return ", ".join(n.number or n.file or "" for n in rel.basis)


# --- the chains as a graph ------------------------------------------------------------------------


def _levels(chains: list[list[Node]]) -> list[list[Node]]:
    """Each node once, on the row of its longest path from the shown document, in order of appearance."""
    depth: dict[int, tuple[int, Node]] = {}
    for chain in chains:
        for step, node in enumerate(chain):
            depth[id(node)] = (max(step, depth.get(id(node), (0, node))[0]), node)
    levels: list[list[Node]] = [[] for _ in range(1 + max(d for d, _ in depth.values()))]
    for d, node in depth.values():
        levels[d].append(node)
    return levels


def _fit(text: str, width: float, size: float, bold: bool = False) -> str:
    most = int(width / (size * (0.62 if bold else 0.56)))  # an average letter of a sans-serif font
    return text if len(text) <= most else text[: most - 1].rstrip(" ,·") + "…"


def _box(node: Node, x: float, y: float, shown: Node) -> str:
    e = html.escape
    kind = "current" if node is shown else "corpus" if node.file else "cited"
    fill, stroke, dash = STYLE[kind]
    name = f"{node.doc_type} {node.number}".strip()  # a file name says nothing here; its tooltip has the label
    date = "/".join(reversed(node.date.split("-"))) if node.date else ""
    second = " · ".join(x for x in ("đang xem" if kind == "current" else "", date) if x)
    opens = f' {_open(node, shown)} tabindex="0" role="button" aria-label="Mở {e(node.label)}"' if kind == "corpus" else ""
    return (
        f'<g class="node {kind}" data-number="{e(node.number)}"{opens}><title>{e(node.label)}</title>'
        f'<rect x="{x}" y="{y}" width="{BOX_W}" height="{BOX_H}" rx="7" fill="{fill}" stroke="{stroke}" stroke-width="{2 if kind == "current" else 1.4}"'
        + (f' stroke-dasharray="{dash}"' if dash else "")
        + f'/><text x="{x + 10}" y="{y + 20}" font-size="14" font-weight="700" fill="#1f2328">{e(_fit(name, BOX_W - 20, 14, bold=True))}</text>'
        f'<text x="{x + 10}" y="{y + 37}" font-size="12" fill="#57606a">{e(second)}</text>'
        f'<text x="{x + 10}" y="{y + 53}" font-size="12" fill="#57606a">{e(_fit(node.issuer or "", BOX_W - 20, 12))}</text></g>'
    )


def render_graph(rel: Relations) -> str:
    """What the document implements, and what that implements, as rows of boxes: the shown
    document at the bottom, arrows up to what each implements. Scales down with its container."""
    chains = [c for c in rel.chain if len(c) > 1]
    if not chains:
        return '<div class="rel-graph"><h4>Chuỗi văn bản</h4>Văn bản không nêu văn bản nào mà nó thực hiện.</div>'
    levels = _levels(chains)
    width = max(len(level) for level in levels) * (BOX_W + GAP_X) - GAP_X + 2 * PAD
    height = len(levels) * (BOX_H + GAP_Y) - GAP_Y + 2 * PAD
    at: dict[int, tuple[float, float]] = {}
    for depth, level in enumerate(levels):
        left = (width - len(level) * (BOX_W + GAP_X) + GAP_X) / 2
        for i, node in enumerate(level):
            at[id(node)] = (left + i * (BOX_W + GAP_X), height - PAD - BOX_H - depth * (BOX_H + GAP_Y))
    edges = list(dict.fromkeys((id(a), id(b)) for chain in chains for a, b in zip(chain, chain[1:])))
    arrows = []
    for a, b in edges:  # several arrows leaving or entering one box spread along its edge
        out = sorted((t for s, t in edges if s == a), key=at.get)
        into = sorted((s for s, t in edges if t == b), key=at.get)
        x1 = at[a][0] + BOX_W / 2 + 22 * (out.index(b) - (len(out) - 1) / 2)
        x2 = at[b][0] + BOX_W / 2 + 22 * (into.index(a) - (len(into) - 1) / 2)
        arrows.append(f'<line x1="{x1}" y1="{at[a][1]}" x2="{x2}" y2="{at[b][1] + BOX_H + 2}" stroke="#475569" stroke-width="1.5" marker-end="url(#rel-arrow)"/>')
    boxes = [_box(node, *at[id(node)], rel.node) for level in levels for node in level]
    marker = '<defs><marker id="rel-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto"><path d="M0,0L10,5L0,10z" fill="#475569"/></marker></defs>'
    summary = "; ".join(" → ".join(n.label for n in chain) for chain in chains)
    svg = (
        f'<svg viewBox="0 0 {width} {height}" style="max-width:{width}px;min-width:{round(width * SMALLEST)}px" font-family="system-ui, sans-serif" role="img" '
        f'aria-label="{html.escape(summary)}">{marker}{"".join(arrows)}{"".join(boxes)}</svg>'
    )
    legend = (
        '<div class="legend"><span><i style="background:#fef3c7;border:2px solid #d97706"></i>văn bản đang xem</span>'
        '<span><i style="background:#dbeafe;border:1px solid #2563eb"></i>có trong kho (bấm để mở)</span>'
        '<span><i style="border:1px dashed #94a3b8"></i>chỉ được trích dẫn</span><span>↑ mũi tên: “thực hiện”</span></div>'
    )
    return f'<div class="rel-graph"><h4>Chuỗi văn bản được thực hiện</h4>{svg}{legend}</div>'


# --- the drafted basis paragraph ------------------------------------------------------------------


def render_draft(text: str, pieces: list[Mention]) -> str:
    """The paragraph, each reused piece numbered, and under it where each piece was found."""
    e, out, pos = html.escape, [], 0
    for n, mention in enumerate(pieces, 1):
        words = mention.text.rstrip(" ,;")
        start = text.find(words, pos)
        if start < 0:
            continue
        out += [e(text[pos:start]), f'<span class="piece">{e(words)}</span><sup>[{n}]</sup>']
        pos = start + len(words)
    sources = "".join(
        f'<li><button type="button" data-action="context" data-doc="{e(m.doc)}" data-pid="{m.passage_id}" '
        f'data-line="{m.lines[0]}" title="Mở chỗ trích">{e(m.doc)}, {_lines(m.lines)}</button><div>{e(m.text)}</div></li>'
        for m in pieces
    )
    return (
        f'<div class="basis-draft"><p class="draft-text">{"".join(out)}{e(text[pos:])}</p>'
        f'<div class="actions"><button type="button" data-action="copy" data-citation="{e(text)}">Sao chép đoạn văn</button></div>'
        f"<h4>Nguồn của từng phần</h4><ol>{sources}</ol></div>"
    )


def draft_error(err: QueryError) -> str:
    """The engine's reason, in Vietnamese, naming the document it could not use."""
    quoted = re.search(r"'([^']*)'", str(err))
    what = quoted.group(1) if quoted else ""
    if "never cited" in str(err):
        return f"Không soạn được: “{what}” có trong kho nhưng chưa văn bản nào trích dẫn, nên không có câu chữ để dùng lại."
    if quoted:
        return f"Không soạn được: không tìm thấy văn bản “{what}” trong kho hay trong các trích dẫn. Hãy ghi số hiệu như 01-KL/TW hoặc tên tệp."
    return f"Không soạn được: {err}"
