"""The ``rag`` group (the console script ``rag = "rag.cli.group:main"``): the ``--milvus`` target,
named errors as one clean line, and every command registered in one place."""

from __future__ import annotations

import os
import sys

import click

from ..access.commands import audit_command, backup_command, restore_command, token, user
from ..errors import RagError
from .build import add, embed, index, remove
from .query import duties, evaluate, related, search
from .serve import serve


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
        from ..backends.milvus.backend import is_milvus_uri
        from ..backends.milvus.sync import MilvusTarget

        if not is_milvus_uri(milvus):
            raise click.BadParameter("give a Milvus Lite file ending in .db or a server address http://host:19530", param_hint="--milvus")
        ctx.obj = MilvusTarget(milvus, collection, os.environ.get("RAG_MILVUS_TOKEN", ""))


for command in (index, embed, add, remove, search, duties, related, evaluate, serve, user, token, audit_command, backup_command, restore_command):
    main.add_command(command)

if __name__ == "__main__":  # pragma: no cover
    main()
