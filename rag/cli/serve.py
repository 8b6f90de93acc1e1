"""``rag serve``: the web app in a fresh process (``python -m rag.ui.server``), given the group's
Milvus target and every option the CLI does not know."""

from __future__ import annotations

import os
import sys

import click

from ..access.commands import accounts_option
from .shared import corpus_option, index_option, milvus_target


@click.command(context_settings={"ignore_unknown_options": True, "allow_extra_args": True})
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
    milvus = milvus_target()
    extra = ["--milvus", milvus.uri, "--collection", milvus.name] if milvus else []
    # A fresh process: the app's server owns it, and none of the CLI's state comes along.
    extra += (["--accounts", accounts] if accounts else []) + (["--no-auth"] if no_auth else []) + ctx.args
    args = ["-m", "rag.ui.server", "--index", index_dir, "--corpus", corpus, "--host", host, "--port", str(port), *extra]
    os.execv(sys.executable, [sys.executable, *args])
