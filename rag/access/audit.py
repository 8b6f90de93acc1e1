"""The audit log: one JSON object per line in ``audit.jsonl`` beside the accounts file.

Who added, replaced or removed which file (with its SHA-256), account and token changes, sign-ins
and refused attempts. Never a password or a token: callers pass names and facts only, and
``record`` drops any field whose name says it holds a secret, in case one is passed by mistake.
"""

from __future__ import annotations

import fcntl
import getpass
import json
import os
from collections import deque
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from ..errors import RagError

AUDIT_FILE = "audit.jsonl"
_SECRET_FIELDS = {"password", "token", "secret", "authorization"}


class AuditLog:
    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)

    def record(self, event: str, who: str, **fields: Any) -> dict[str, Any]:
        """Append one line; the lock keeps lines of two processes (CLI and server) whole."""
        row = {"time": datetime.now(timezone.utc).isoformat(timespec="seconds"), "event": event, "user": who}
        row.update({k: v for k, v in fields.items() if v is not None and k.lower() not in _SECRET_FIELDS})
        line = (json.dumps(row, ensure_ascii=False) + "\n").encode("utf-8")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            handle = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        except OSError as err:
            raise RagError(f"Cannot write the audit log '{self.path}' ({err.strerror}). Make its folder writable.") from err
        try:
            fcntl.flock(handle, fcntl.LOCK_EX)
            os.write(handle, line)
        finally:
            os.close(handle)
        return row

    def last(self, n: int | None = None) -> list[dict[str, Any]]:
        """The last ``n`` entries (all when None), oldest first; a damaged line is shown, not hidden."""
        if not self.path.exists():
            return []
        rows: deque[dict[str, Any]] = deque(maxlen=n if n else None)
        with self.path.open(encoding="utf-8", errors="replace") as lines:
            for line in lines:
                if line.strip():
                    try:
                        rows.append(json.loads(line))
                    except json.JSONDecodeError:
                        rows.append({"event": "damaged-line", "text": line.strip()[:200]})
        return list(rows)


def cli_user() -> str:
    """Who ran a command, for the log: the machine's login name (whoever has a shell there is its administrator)."""
    try:
        return f"cli:{getpass.getuser()}"
    except (KeyError, OSError):  # no login name (some containers)
        return f"cli:uid{os.getuid()}"


def describe(row: dict[str, Any]) -> str:
    """One readable line for ``rag audit``."""
    known = ("time", "event", "user")
    rest = " ".join(f"{k}={v}" for k, v in row.items() if k not in known)
    return f"{row.get('time', '?')}  {row.get('event', '?'):<14} {row.get('user', '?'):<20} {rest}".rstrip()
