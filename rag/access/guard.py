"""Who is asking, and may they: the accounts, the sessions, the throttle and the audit log together.

Free of any web framework, so the server's routes, the Gradio page and the tests share it; the
server only reads the cookie and the ``Authorization`` header and turns refusals into 401/403/429.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .accounts import AccountStore, default_accounts_path
from .audit import AUDIT_FILE, AuditLog
from .limits import Limits
from .roles import OPEN, Principal
from .sessions import SESSION_HOURS, Sessions, Throttle


@dataclass(frozen=True)
class SignIn:
    """A sign-in's outcome: a session for ``principal``, or how long to wait (0: the password was wrong)."""

    principal: Principal | None
    session: str | None = None
    wait: float = 0.0


class Guard:
    """``accounts`` None means no sign-in: everyone is ``OPEN`` (localhost without accounts, or --no-auth)."""

    def __init__(
        self,
        accounts: AccountStore | None,
        audit: AuditLog | None = None,
        *,
        session_hours: float = SESSION_HOURS,
        limits: Limits | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.accounts, self.audit = accounts, audit
        self.sessions = Sessions(session_hours, clock)
        self.throttle = Throttle(clock)
        self.limits = limits or Limits(0, 0, clock)  # none unless asked: one person on localhost needs none

    @property
    def open(self) -> bool:
        return self.accounts is None

    def identify(self, session: str | None = None, bearer: str | None = None) -> Principal | None:
        """The principal of a bearer token, else of a session cookie; None when neither is valid.

        A wrong token is not rescued by a cookie: a tool that sends one should hear that it is wrong.
        """
        if self.accounts is None:
            return OPEN
        if bearer is not None:
            return self.accounts.verify_token(bearer)
        principal_id = self.sessions.get(session)
        return self.accounts.principal(principal_id) if principal_id else None

    def principal(self, principal_id: str | None) -> Principal | None:
        """What Gradio hands a handler (``request.username``) back as a principal, as it stands now."""
        if self.accounts is None:
            return OPEN
        return self.accounts.principal(principal_id) if principal_id else None

    def over_limit(self, principal: Principal, what: str, ip: str | None = None) -> tuple[str, float] | None:
        """None when ``principal`` may search (``what`` "search") or change the corpus ("upload") once more,
        else the message that says how long to wait, and the wait in seconds (the refusal is logged)."""
        key = f"ip:{ip}" if principal.kind == "open" else principal.id
        wait = (self.limits.searches if what == "search" else self.limits.uploads).wait(key)
        if wait <= 0:
            return None
        self.record("limited", principal.id, action=what, wait=round(wait), ip=ip)
        return self.limits.message(what, wait), wait

    def sign_in(self, name: str, password: str, **context: Any) -> SignIn:
        assert self.accounts is not None, "no sign-in without accounts"
        name = name.strip()
        wait = self.throttle.wait_left(name)
        if wait > 0:  # the password is not even checked: the delay must cost the guesser, not us
            self.record("signin-delayed", name, wait=round(wait), **context)
            return SignIn(None, wait=wait)
        principal = self.accounts.verify_password(name, password)
        if principal is None:
            failures = self.throttle.failed(name)
            self.record("signin-failed", name, failures=failures, **context)
            return SignIn(None)
        self.throttle.succeeded(name)
        self.record("signin", name, **context)
        return SignIn(principal, self.sessions.start(principal.id))

    def sign_out(self, session: str | None, **context: Any) -> None:
        principal_id = self.sessions.get(session)
        self.sessions.end(session)
        if principal_id:
            self.record("signout", principal_id, **context)

    def refused(self, principal: Principal | None, action: str, **context: Any) -> None:
        self.record("refused", principal.id if principal else "(không xác định)", action=action, **context)

    def record(self, event: str, who: str, **fields: Any) -> None:
        if self.audit is not None:
            self.audit.record(event, who, **fields)


def access_files(index_dir: str | Path, accounts: str | Path | None = None) -> tuple[AccountStore, AuditLog]:
    """The accounts file (``accounts``, else ``users.json`` beside the index) and the audit log beside it."""
    store = AccountStore(accounts or default_accounts_path(index_dir))
    return store, AuditLog(store.path.parent / AUDIT_FILE)
