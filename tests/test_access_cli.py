"""``rag user``, ``rag token``, ``rag audit`` through click's runner, on a real accounts file."""

from __future__ import annotations

import json
import shutil
import stat

from click.testing import CliRunner

from rag.access.accounts import AccountStore
from rag.access.roles import Role
from rag.cli.group import main

PASSWORD = "mật-khẩu-đủ-dài"


def _run(*args: str, input: str | None = None):
    return CliRunner().invoke(main, list(args), input=input)


def test_user_add_keeps_no_clear_password_and_a_private_file(tmp_path):
    accounts = tmp_path / "users.json"
    added = _run("user", "add", "lan", "--role", "editor", "--accounts", str(accounts), input=f"{PASSWORD}\n{PASSWORD}\n")
    assert added.exit_code == 0, added.output
    assert "Added user 'lan' (editor)" in added.output
    text = accounts.read_text(encoding="utf-8")
    assert PASSWORD not in text and "$argon2id$" in text
    assert stat.S_IMODE(accounts.stat().st_mode) == 0o600
    store = AccountStore(accounts)
    assert store.verify_password("lan", PASSWORD).role == Role.EDITOR
    assert store.verify_password("lan", "sai-mật-khẩu") is None
    assert store.verify_password("ai-đó", PASSWORD) is None

    listed = _run("user", "list", "--accounts", str(accounts))
    assert listed.output.startswith("lan") and "editor" in listed.output

    again = _run("user", "add", "lan", "--accounts", str(accounts), "--password-stdin", input=f"{PASSWORD}\n")
    assert again.exit_code == 1 and "already a user 'lan'" in again.output and "rag user passwd lan" in again.output


def test_prompted_passwords_must_match_and_be_long_enough(tmp_path):
    accounts = str(tmp_path / "users.json")
    mismatch = _run("user", "add", "lan", "--accounts", accounts, input=f"{PASSWORD}\nkhác-hẳn-luôn\n{PASSWORD}\n{PASSWORD}\n")
    assert mismatch.exit_code == 0 and "do not match" in mismatch.output.lower()
    short = _run("user", "add", "binh", "--accounts", accounts, "--password-stdin", input="ngắn\n")
    assert short.exit_code == 1 and "at least 8 characters" in short.output
    bad_name = _run("user", "add", "tên có dấu cách", "--accounts", accounts, "--password-stdin", input=f"{PASSWORD}\n")
    assert bad_name.exit_code == 1 and "not a usable name" in bad_name.output


def test_passwd_and_remove(tmp_path):
    accounts = str(tmp_path / "users.json")
    _run("user", "add", "lan", "--accounts", accounts, "--password-stdin", input=f"{PASSWORD}\n")
    changed = _run("user", "passwd", "lan", "--accounts", accounts, "--password-stdin", input="một-mật-khẩu-mới\n")
    assert changed.exit_code == 0, changed.output
    store = AccountStore(accounts)
    assert store.verify_password("lan", PASSWORD) is None and store.verify_password("lan", "một-mật-khẩu-mới")
    removed = _run("user", "remove", "lan", "--accounts", accounts)
    assert removed.exit_code == 0 and not store.has_users()
    missing = _run("user", "remove", "lan", "--accounts", accounts)
    assert missing.exit_code == 1 and "no user 'lan'" in missing.output and "Traceback" not in missing.output


def test_tokens_are_printed_once_and_stored_as_hashes(tmp_path):
    accounts = tmp_path / "users.json"
    created = CliRunner().invoke(main, ["token", "create", "bot", "--role", "reader", "--accounts", str(accounts)])
    assert created.exit_code == 0, created.output
    value = created.stdout.strip()
    assert value.startswith("rag_") and len(value) > 40
    assert value not in accounts.read_text(encoding="utf-8")
    store = AccountStore(accounts)
    assert store.verify_token(value).id == "token:bot"
    assert store.verify_token(value + "x") is None
    assert _run("token", "list", "--accounts", str(accounts)).output.startswith("bot")
    revoked = _run("token", "revoke", "bot", "--accounts", str(accounts))
    assert revoked.exit_code == 0 and store.verify_token(value) is None


def test_the_index_folder_decides_where_accounts_and_audit_live(tmp_path, corpus_index_dir, copied_seeds):
    """Without --accounts: users.json and audit.jsonl beside the index; rag add/remove are logged there."""
    index_dir = tmp_path / "index"
    shutil.copytree(corpus_index_dir, index_dir)
    added = _run("user", "add", "an", "--role", "admin", "--index", str(index_dir), "--password-stdin", input=f"{PASSWORD}\n")
    assert added.exit_code == 0 and (tmp_path / "users.json").exists()
    _run("token", "create", "bot", "--index", str(index_dir))
    removed = _run("remove", "003_29223056b309dc88.txt", "--index", str(index_dir), "--corpus", str(copied_seeds))
    assert removed.exit_code == 0, removed.output
    rows = [json.loads(line) for line in (tmp_path / "audit.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r["event"] for r in rows] == ["user-add", "token-create", "remove"]
    assert rows[2]["file"] == "003_29223056b309dc88.txt" and len(rows[2]["sha256"]) == 64 and rows[2]["user"].startswith("cli:")
    assert PASSWORD not in (tmp_path / "audit.jsonl").read_text(encoding="utf-8")
    shown = _run("audit", "--last", "2", "--index", str(index_dir))
    lines = shown.output.splitlines()
    assert len(lines) == 2 and "token-create" in lines[0] and "remove" in lines[1] and "003_29223056b309dc88.txt" in lines[1]
