"""``rag user``, ``rag token`` and ``rag audit``: the accounts file and the log, from the shell.

Whoever can run these on the server's machine is its administrator; each change is logged as
``cli:<login name>``.
"""

from __future__ import annotations

import os
import sys

import click

from .audit import cli_user, describe
from .guard import access_files
from .roles import Role

accounts_option = click.option(
    "--accounts", type=click.Path(dir_okay=False), envvar="RAG_ACCOUNTS",
    help="The accounts file ($RAG_ACCOUNTS); default: users.json beside the index folder.",
)
index_option = click.option("--index", "index_dir", default=os.environ.get("RAG_INDEX", "index"), show_default=True, help="Index folder ($RAG_INDEX): the accounts file sits beside it.")
role_option = click.option("--role", type=click.Choice([r.value for r in Role]), default="reader", show_default=True,
                           help="reader: search, view, export; editor: also add and remove documents; admin: also the audit log.")


def _new_password(password_stdin: bool) -> str:
    if password_stdin:
        return sys.stdin.readline().rstrip("\r\n")  # one line: a script pipes it in, it never sits in argv
    return click.prompt("Password", hide_input=True, confirmation_prompt="Repeat the password")


@click.group()
def user() -> None:
    """Accounts of the web app: who may sign in, and with which role.

    \b
    Examples:
      rag user add lan --role editor        # asks for the password twice
      echo "$PASS" | rag user add bot-admin --role admin --password-stdin
      rag user list
    """


@user.command(name="add")
@click.argument("name")
@role_option
@click.option("--password-stdin", is_flag=True, help="Read the password from one line of standard input (for scripts).")
@accounts_option
@index_option
def user_add(name: str, role: str, password_stdin: bool, accounts: str | None, index_dir: str) -> None:
    """Add the account NAME; the password is asked twice (never given on the command line)."""
    store, audit = access_files(index_dir, accounts)
    store.add_user(name, Role(role), _new_password(password_stdin))
    audit.record("user-add", cli_user(), name=name, role=role)
    click.echo(f"Added user '{name}' ({role}) to {store.path}.")


@user.command(name="passwd")
@click.argument("name")
@click.option("--password-stdin", is_flag=True, help="Read the new password from one line of standard input.")
@accounts_option
@index_option
def user_passwd(name: str, password_stdin: bool, accounts: str | None, index_dir: str) -> None:
    """Set a new password for NAME."""
    store, audit = access_files(index_dir, accounts)
    store.set_password(name, _new_password(password_stdin))
    audit.record("user-passwd", cli_user(), name=name)
    click.echo(f"Changed the password of '{name}'.")


@user.command(name="remove")
@click.argument("name")
@accounts_option
@index_option
def user_remove(name: str, accounts: str | None, index_dir: str) -> None:
    """Remove the account NAME; its open sessions stop working at their next request."""
    store, audit = access_files(index_dir, accounts)
    store.remove_user(name)
    audit.record("user-remove", cli_user(), name=name)
    click.echo(f"Removed user '{name}'.")


@user.command(name="list")
@accounts_option
@index_option
def user_list(accounts: str | None, index_dir: str) -> None:
    """List the accounts: name, role, when added, when the password last changed."""
    store, _ = access_files(index_dir, accounts)
    users = store.users()
    for info in users:
        click.echo(f"{info.name:<24} {info.role.value:<7} added {info.created}  password changed {info.changed}")
    if not users:
        click.echo(f"No accounts in {store.path}. Add one with 'rag user add NAME --role admin'.", err=True)


@click.group()
def token() -> None:
    """Tokens for tools calling the JSON routes (header Authorization: Bearer TOKEN).

    \b
    Examples:
      rag token create report-bot --role reader
      curl -H "Authorization: Bearer rag_…" "http://server:7860/api/search?q=…"
      rag token revoke report-bot
    """


@token.command(name="create")
@click.argument("name")
@role_option
@accounts_option
@index_option
def token_create(name: str, role: str, accounts: str | None, index_dir: str) -> None:
    """Create the token NAME and print it once: only its SHA-256 is kept."""
    store, audit = access_files(index_dir, accounts)
    value = store.create_token(name, Role(role))
    audit.record("token-create", cli_user(), name=name, role=role)
    click.echo(value)
    click.echo(f"Token '{name}' ({role}) created. It is shown only now: keep it somewhere safe.", err=True)


@token.command(name="list")
@accounts_option
@index_option
def token_list(accounts: str | None, index_dir: str) -> None:
    """List the tokens (names and roles; the tokens themselves are not kept)."""
    store, _ = access_files(index_dir, accounts)
    for info in store.tokens():
        click.echo(f"{info.name:<24} {info.role.value:<7} created {info.created}")


@token.command(name="revoke")
@click.argument("name")
@accounts_option
@index_option
def token_revoke(name: str, accounts: str | None, index_dir: str) -> None:
    """Revoke the token NAME: a running server refuses it from its next request."""
    store, audit = access_files(index_dir, accounts)
    store.revoke_token(name)
    audit.record("token-revoke", cli_user(), name=name)
    click.echo(f"Revoked token '{name}'.")


@click.command(name="audit")
@click.option("--last", "last", type=click.IntRange(min=1), help="Only the last N entries.")
@click.option("--json", "as_json", is_flag=True, help="The entries as JSON lines.")
@accounts_option
@index_option
def audit_command(last: int | None, as_json: bool, accounts: str | None, index_dir: str) -> None:
    """Print the audit log: documents added, replaced, removed; sign-ins; refusals; account changes.

    \b
    Example:
      rag audit --last 20
    """
    import json

    _, audit = access_files(index_dir, accounts)
    rows = audit.last(last)
    for row in rows:
        click.echo(json.dumps(row, ensure_ascii=False) if as_json else describe(row))
    if not rows:
        click.echo(f"The audit log {audit.path} is empty.", err=True)


corpus_option = click.option("--corpus", default=os.environ.get("RAG_CORPUS", "corpus"), show_default=True, help="Folder of source documents ($RAG_CORPUS).")


@click.command(name="backup")
@click.argument("dest", type=click.Path(file_okay=False))
@corpus_option
@accounts_option
@index_option
def backup_command(dest: str, corpus: str, accounts: str | None, index_dir: str) -> None:
    """Copy corpus, index, accounts and audit log into the new folder DEST, with a manifest of SHA-256s.

    Taken under the index's update lock, so it is consistent while the app keeps serving.

    \b
    Example:
      rag backup /srv/backups/rag-2026-12-02
    """
    from .backup import backup

    store, audit = access_files(index_dir, accounts)
    snapshot = backup(dest, index_dir, corpus, store, audit)
    click.echo(f"Wrote {snapshot.files} files ({snapshot.bytes / 2**20:.1f} MB) to {snapshot.path}.")


@click.command(name="restore")
@click.argument("src", type=click.Path(exists=True, file_okay=False))
@click.option("--with-accounts", is_flag=True, help="Also put back the snapshot's accounts and tokens (revoked tokens would come back).")
@corpus_option
@accounts_option
@index_option
def restore_command(src: str, with_accounts: bool, corpus: str, accounts: str | None, index_dir: str) -> None:
    """Check the snapshot SRC against its manifest, then replace corpus and index with it.

    The audit log is kept (the restore is added to it). Restart a running app afterwards.

    \b
    Example:
      rag restore /srv/backups/rag-2026-12-02
    """
    from .backup import restore

    store, audit = access_files(index_dir, accounts)
    count = restore(src, index_dir, corpus, store, audit, with_accounts=with_accounts)
    click.echo(f"Restored {count} files from {src} into '{corpus}' and '{index_dir}'. Restart the web app if it is running.")
