"""What several commands share: the corpus and index options, the filter options, the Milvus target
given to the group, the progress bars and opening the index."""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from ..errors import IndexNotFoundError
from ..search.facade import SearchIndex
from ..search.filters import SearchFilter
from ..store.corpus import check_fresh

DEFAULT_CORPUS = os.environ.get("RAG_CORPUS", "corpus")
DEFAULT_INDEX = os.environ.get("RAG_INDEX", "index")

corpus_option = click.option("--corpus", default=DEFAULT_CORPUS, show_default=True, help="Folder of source documents ($RAG_CORPUS).")
index_option = click.option("--index", "index_dir", default=DEFAULT_INDEX, show_default=True, help="Index folder ($RAG_INDEX).")


def accounts_path() -> str | None:
    """Where the audit log of ``rag add`` / ``rag remove`` goes: beside $RAG_ACCOUNTS, else beside the index."""
    return os.environ.get("RAG_ACCOUNTS") or None


def milvus_target() -> Any:
    """The MilvusTarget given to the group (``--milvus``), or None."""
    return click.get_current_context().find_root().obj


@functools.cache
def _bars() -> Any:
    from ..ui.progress import Bars  # tqdm only when something is built: `rag search` stays quick

    return Bars()


def report_progress(stage: str, done: int, total: int) -> None:
    """Bars on stderr (tqdm): count, rate and time left for reading, tokenising, embedding."""
    _bars()(stage, done, total)


def open_index(index_dir: str, corpus: str, *, build_if_missing: bool = False) -> SearchIndex:
    milvus = milvus_target()
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
        built = SearchIndex.build(corpus, index_dir, progress=report_progress)
        return milvus.publish(built, progress=report_progress) if milvus else built


def note_coverage(index: SearchIndex) -> None:
    """One line on stderr while the dense side covers only part of the corpus."""
    status = index.status()
    if not status.complete:
        click.echo(f"Note: {status.describe()}; 'rag embed' (or 'rag serve') embeds the rest.", err=True)


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


def search_filter(doc: str | None, issuer: str | None, doc_type: str | None, year: int | None, body: str | None, due_from: str | None, due_to: str | None) -> SearchFilter:
    """The values of ``filter_options`` as one ``SearchFilter``."""
    return SearchFilter(doc=doc, issuer=issuer, doc_type=doc_type, year=year, body=body, due_from=due_from, due_to=due_to)
