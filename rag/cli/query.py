"""Asking the index: ``rag search``, ``rag duties`` (the duty table), ``rag related`` (how documents
cite and implement each other) and ``rag eval`` (the evaluation contract)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from ..records import Hit
from ..search.articles import group_by_article
from .shared import corpus_option, filter_options, index_option, note_coverage, open_index, search_filter


@click.command()
@click.argument("query")
@click.option("-k", "--top-k", "k", default=5, show_default=True, help="How many passages.")
@click.option("--mode", type=click.Choice(["hybrid", "lexical", "dense"]), default="hybrid", show_default=True)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per hit, for tools.")
@filter_options
@corpus_option
@index_option
def search(query: str, k: int, mode: str, as_json: bool, corpus: str, index_dir: str, **filters: Any) -> None:
    """Find the passages that answer QUERY, best first, each with its citation and facts.

    A who/when question also gets a short answer taken from the facts of the best passages.

    \b
    Examples:
      rag search "Ai chủ trì tổ chức hội nghị học tập chuyên đề cấp tỉnh?" -k 5
      rag search "KL 01" --json
      rag search "báo cáo kết quả" --body BTG --due-from "Q1 2022" --due-to "Q1 2022"
    """
    index = open_index(index_dir, corpus)
    note_coverage(index)
    where = search_filter(**filters)
    if mode == "hybrid":
        answer, hits = index.answer(query, k=k, where=where)
    else:
        answer, hits = None, index.search(query, k=k, mode=mode, where=where)
    if as_json:
        article = {hit.rank: group.article for group in group_by_article(hits) for hit in group.hits}
        for hit in hits:
            click.echo(json.dumps({**hit.to_dict(), "article": article[hit.rank]}, ensure_ascii=False))
        return
    if answer:
        sources = ", ".join(f"#{p.rank}" for p in answer.parts)
        click.echo(f"Trả lời: {answer.text}  (theo kết quả {sources})\n")
    if not hits:
        click.echo("No passage matches. Try other words, fewer of them, or a wider filter.")
    for group in group_by_article(hits):
        # Clauses of one article are shown together under it, where its best clause ranks.
        if group.shown_together:
            click.echo(f"{group.article}  ({len(group.hits)} đoạn, {group.best.citation.document_name})")
        indent = "   " if group.shown_together else ""
        for hit in group.hits:
            click.echo(f"{indent}{hit.rank}. [{hit.score:.3f}] {hit.citation}")
            click.echo(f"{indent}   {hit.text}")
            click.echo(indent + _facts_line(hit) + "\n")


def _facts_line(hit: Hit) -> str:
    facts = hit.facts
    parts = []
    if facts.lead:
        parts.append("chủ trì: " + "; ".join(facts.lead))
    if facts.coordinating:
        parts.append("phối hợp: " + "; ".join(facts.coordinating))
    if facts.deadlines:
        parts.append("thời hạn: " + "; ".join(d.text + (" (!)" if d.flag else "") for d in facts.deadlines))
    return f"   [{' | '.join(parts)}]" if parts else ""


@click.command()
@filter_options
@click.option("--csv", "csv_path", type=click.Path(dir_okay=False), help="Write the table as CSV (UTF-8, opens in Excel).")
@click.option("--xlsx", "xlsx_path", type=click.Path(dir_okay=False), help="Write the table as an Excel workbook.")
@corpus_option
@index_option
def duties(csv_path: str | None, xlsx_path: str | None, corpus: str, index_dir: str, **filters: Any) -> None:
    """List every duty in the corpus: task, lead body, coordinating bodies, deadline, citation.

    \b
    Examples:
      rag duties --body "Ban Tuyên giáo"
      rag duties --due-from 2022-01 --due-to 2022-03 --xlsx nhiem-vu-quy-1.xlsx
    """
    from ..search.duties import write_csv, write_xlsx

    table = open_index(index_dir, corpus).duties(search_filter(**filters))
    if csv_path:
        write_csv(table, csv_path)
    if xlsx_path:
        write_xlsx(table, xlsx_path)
    if csv_path or xlsx_path:
        click.echo(f"Wrote {len(table)} duties to {' and '.join(p for p in (csv_path, xlsx_path) if p)}.")
        return
    for duty in table:
        row = duty.row()
        click.echo(f"- {row[0]}\n  chủ trì: {row[1]}" + (f" | phối hợp: {row[2]}" if row[2] else "") + (f" | thời hạn: {row[3]}" if row[3] else ""))
        click.echo(f"  {duty.citation}")
    click.echo(f"{len(table)} duties.", err=True)


@click.command()
@click.argument("what")
@click.option("--draft-for", metavar="ISSUER", help="Also propose the opening 'Thực hiện …' paragraph of a new plan by ISSUER based on WHAT (comma-separated).")
@click.option("--json", "as_json", is_flag=True, help="The relations as one JSON object.")
@corpus_option
@index_option
def related(what: str, draft_for: str | None, as_json: bool, corpus: str, index_dir: str) -> None:
    """Show what a document is based on, what it cites, what implements or cites it, and the chain up.

    WHAT is a file name of the corpus or a document number, typed loosely ("KL 01", "05-CT/TW").

    \b
    Examples:
      rag related 004_701670e4f6488039.txt
      rag related "KL 01"
      rag related "KL 01,28-HD/BTGTW" --draft-for "Ban Thường vụ Huyện ủy"
    """
    index = open_index(index_dir, corpus)
    if draft_for:
        text, pieces = index.draft_basis([w.strip() for w in what.split(",")], draft_for)
        click.echo(text)
        for piece in pieces:
            click.echo(f"  - {piece.text[:80]}… ({piece.doc}, dòng {piece.lines[0]}–{piece.lines[1]})")
        return
    relations = index.related(what)
    if as_json:
        from dataclasses import asdict

        click.echo(json.dumps(asdict(relations), ensure_ascii=False))
        return
    click.echo(relations.node.label + (f"  [{relations.node.file}]" if relations.node.file else "  [không có trong kho văn bản]"))
    for title, nodes in (
        ("Căn cứ (thực hiện)", relations.basis),
        ("Có trích dẫn", relations.cites),
        ("Được thực hiện bởi", relations.based_on_by),
        ("Được trích dẫn trong", relations.cited_by),
    ):
        if nodes:
            click.echo(f"{title}:")
            for node in nodes:
                click.echo(f"  - {node.label}" + (f"  [{node.file}]" if node.file else ""))
    for chain in relations.chain:
        if len(chain) > 1:
            click.echo("Chuỗi văn bản: " + " → ".join(n.label if not n.file else n.file for n in chain))


@click.command(name="eval")
@click.argument("queries", type=click.Path(exists=True, dir_okay=False))
@click.option("--out", required=True, type=click.Path(dir_okay=False), help="Where to write the ranked results (JSON lines).")
@click.option("-k", "--top-k", "k", default=10, show_default=True)
@click.option("--mode", type=click.Choice(["hybrid", "lexical", "dense"]), default="hybrid", show_default=True)
@corpus_option
@index_option
def evaluate(queries: str, out: str, k: int, mode: str, corpus: str, index_dir: str) -> None:
    """Run every query of a JSON-lines file and write ranked results (the evaluation contract).

    Prints Recall@k and MRR@10 when the queries carry gold answers.

    \b
    Example:
      rag eval tests/data/dev.jsonl --out results.jsonl
    """
    from ..evaluate import load_queries, run_queries, score, score_answers
    from ..store.folder import write_jsonl

    try:
        rows = load_queries(queries)
    except ValueError as err:
        raise click.BadParameter(str(err)) from err
    index = open_index(index_dir, corpus, build_if_missing=True)
    note_coverage(index)
    results = run_queries(index, rows, k=k, mode=mode)
    write_jsonl(Path(out), results)
    click.echo(f"Wrote {len(results)} result lines to {out}.", err=True)
    if any(row.get("gold") for row in rows):
        for kind, metrics in score(rows, results).items():
            numbers = " ".join(f"{name} {value:.3f}" for name, value in metrics.items() if name != "n")
            click.echo(f"{kind:11s} n={metrics['n']:<3d} {numbers}", err=True)
    answers = score_answers(rows, results)
    if answers["answerable"]:
        click.echo(f"answers     n={answers['answerable']:<3d} coverage {answers['coverage']:.3f} precision {answers['precision']:.3f}", err=True)
