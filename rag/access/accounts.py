"""Accounts and tokens in one JSON file beside the index (``users.json``, mode 0600).

    {"version": 1,
     "users":  {"lan": {"role": "editor", "password": "$argon2id$…", "created": "…", "changed": "…"}},
     "tokens": {"bot": {"role": "reader", "sha256": "…", "created": "…"}}}

Passwords are argon2id hashes (argon2-cffi); a token is shown once and only its SHA-256 is kept
(it is 32 random bytes, so a slow hash would add nothing). Every change re-reads the file under a
lock and replaces it in one rename, so the CLI and a running server never lose each other's edits;
the server re-reads the file when it changes, so a revoked token stops working at once.
"""

from __future__ import annotations

import fcntl
import functools
import hashlib
import hmac
import json
import os
import re
import secrets
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from ..errors import RagError
from .roles import Principal, Role

ACCOUNTS_FILE = "users.json"
TOKEN_PREFIX = "rag_"
MIN_PASSWORD = 8
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$")
_hasher = PasswordHasher()


class AccountError(RagError):
    """An account or token cannot be added, changed or found, or the accounts file is unreadable."""


@dataclass(frozen=True)
class UserInfo:
    name: str
    role: Role
    created: str
    changed: str


@dataclass(frozen=True)
class TokenInfo:
    name: str
    role: Role
    created: str


def default_accounts_path(index_dir: str | Path) -> Path:
    """Beside the index folder, not inside it: a rebuild replaces the index folder whole."""
    return Path(index_dir).resolve().parent / ACCOUNTS_FILE


@functools.cache
def _dummy_hash() -> str:
    """Checked against when the name is unknown, so a wrong name costs as long as a wrong password."""
    return _hasher.hash(secrets.token_urlsafe(16))


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _token_hash(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8")).hexdigest()


def check_name(name: str) -> str:
    if not _NAME.match(name or ""):
        raise AccountError(
            f"'{name}' is not a usable name: use 1–64 letters, digits, '.', '_', '-' or '@' (no spaces), e.g. 'lan.nguyen'."
        )
    return name


def check_password(password: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"The password is too short: use at least {MIN_PASSWORD} characters.")
    return password


class AccountStore:
    """The accounts file. Reads are cached until the file changes on disk."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._cache: tuple[tuple[int, int], dict[str, Any]] | None = None

    # --- reading ----------------------------------------------------------------------------

    def _data(self) -> dict[str, Any]:
        try:
            stat = self.path.stat()
        except FileNotFoundError:
            return {"version": 1, "users": {}, "tokens": {}}
        key = (stat.st_mtime_ns, stat.st_size)
        if self._cache is None or self._cache[0] != key:
            self._cache = (key, self._read())
        return self._cache[1]

    def _read(self) -> dict[str, Any]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            if not isinstance(data.get("users"), dict) or not isinstance(data.get("tokens"), dict):
                raise ValueError("no 'users' and 'tokens' tables")
        except (OSError, UnicodeDecodeError, ValueError) as err:
            raise AccountError(
                f"The accounts file '{self.path}' is damaged ({err}). Restore it from a backup, or move it away and add the accounts again with 'rag user add'."
            ) from err
        return data

    def has_users(self) -> bool:
        return bool(self._data()["users"])

    def is_empty(self) -> bool:
        data = self._data()
        return not data["users"] and not data["tokens"]

    def users(self) -> list[UserInfo]:
        return [UserInfo(n, Role(u["role"]), u["created"], u["changed"]) for n, u in sorted(self._data()["users"].items())]

    def tokens(self) -> list[TokenInfo]:
        return [TokenInfo(n, Role(t["role"]), t["created"]) for n, t in sorted(self._data()["tokens"].items())]

    def principal(self, principal_id: str) -> Principal | None:
        """The user or token behind an id, as it stands now (removed → None, a role change applies at once)."""
        data = self._data()
        if principal_id.startswith("token:"):
            name = principal_id.removeprefix("token:")
            token = data["tokens"].get(name)
            return Principal(principal_id, name, Role(token["role"]), "token") if token else None
        user = data["users"].get(principal_id)
        return Principal(principal_id, principal_id, Role(user["role"]), "user") if user else None

    def verify_password(self, name: str, password: str) -> Principal | None:
        user = self._data()["users"].get(name)
        try:
            _hasher.verify(user["password"] if user else _dummy_hash(), password)
        except (VerificationError, InvalidHashError):
            return None
        return self.principal(name) if user else None

    def verify_token(self, value: str) -> Principal | None:
        """The token's principal; every stored hash is compared in constant time."""
        presented = _token_hash(value.strip())
        found = None
        for name, token in self._data()["tokens"].items():
            if hmac.compare_digest(presented, token["sha256"]):
                found = name
        return self.principal(f"token:{found}") if found else None

    # --- changing ---------------------------------------------------------------------------

    def add_user(self, name: str, role: Role, password: str) -> None:
        check_name(name)
        check_password(password)
        hashed = _hasher.hash(password)

        def change(data: dict[str, Any]) -> None:
            if name in data["users"]:
                raise AccountError(f"There is already a user '{name}'. Change the password with 'rag user passwd {name}'.")
            data["users"][name] = {"role": Role(role).value, "password": hashed, "created": _now(), "changed": _now()}

        self._update(change)

    def set_password(self, name: str, password: str) -> None:
        check_password(password)
        hashed = _hasher.hash(password)

        def change(data: dict[str, Any]) -> None:
            user = self._known(data, "users", name)
            user["password"], user["changed"] = hashed, _now()

        self._update(change)

    def remove_user(self, name: str) -> None:
        self._update(lambda data: self._pop(data, "users", name))

    def create_token(self, name: str, role: Role) -> str:
        """A new token's value: shown once by the caller, never stored."""
        check_name(name)
        value = TOKEN_PREFIX + secrets.token_urlsafe(32)

        def change(data: dict[str, Any]) -> None:
            if name in data["tokens"]:
                raise AccountError(f"There is already a token '{name}'. Revoke it first ('rag token revoke {name}') or choose another name.")
            data["tokens"][name] = {"role": Role(role).value, "sha256": _token_hash(value), "created": _now()}

        self._update(change)
        return value

    def revoke_token(self, name: str) -> None:
        self._update(lambda data: self._pop(data, "tokens", name))

    def _pop(self, data: dict[str, Any], table: str, name: str) -> None:
        self._known(data, table, name)
        del data[table][name]

    def _known(self, data: dict[str, Any], table: str, name: str) -> dict[str, Any]:
        if name not in data[table]:
            what, command = ("user", "rag user list") if table == "users" else ("token", "rag token list")
            raise AccountError(f"There is no {what} '{name}' in '{self.path}'. '{command}' shows them.")
        return data[table][name]

    def _update(self, change: Callable[[dict[str, Any]], Any]) -> None:
        with self._locked():
            data = self._read() if self.path.exists() else {"version": 1, "users": {}, "tokens": {}}
            change(data)
            _write_private(self.path, json.dumps(data, ensure_ascii=False, indent=1) + "\n")
            self._cache = None

    @contextmanager
    def _locked(self) -> Iterator[None]:
        """Blocking, unlike the index's lock: an account change takes milliseconds."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            handle = (self.path.parent / f".{self.path.name}.lock").open("w")
        except OSError as err:
            raise AccountError(f"Cannot write the accounts file '{self.path}' ({err.strerror}). Choose a writable --accounts path.") from err
        with handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            yield


def _write_private(target: Path, text: str) -> None:
    """Readable by its owner only (mkstemp creates 0600), complete or not at all (one rename)."""
    handle, scratch = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(scratch, 0o600)
        os.replace(scratch, target)
    finally:
        if os.path.exists(scratch):
            os.unlink(scratch)
