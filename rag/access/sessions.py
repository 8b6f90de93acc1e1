"""Sign-in sessions that expire, and the throttle that slows guessing a name's password.

Both live in the server's memory: a restart signs everyone out and forgets failed attempts,
which errs on the safe side for sessions and costs an attacker nothing he could not get by waiting.
"""

from __future__ import annotations

import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

SESSION_HOURS = 8.0  # a working day: nobody is signed out mid-morning, nobody stays signed in overnight
FAILURES_BEFORE_DELAY = 5
MAX_TRACKED = 10_000  # names and sessions kept in memory; beyond, the oldest go (random names must not fill it)
FIRST_DELAY = 30.0  # seconds; doubles with each further failure…
MAX_DELAY = 900.0  # …up to 15 minutes


@dataclass
class Session:
    principal_id: str
    expires: float


class Sessions:
    def __init__(self, hours: float = SESSION_HOURS, clock: Callable[[], float] = time.monotonic) -> None:
        self.seconds = hours * 3600
        self.clock = clock
        self._sessions: dict[str, Session] = {}
        self._lock = threading.Lock()

    def start(self, principal_id: str) -> str:
        token = secrets.token_urlsafe(32)
        with self._lock:
            if len(self._sessions) >= MAX_TRACKED:
                now = self.clock()
                self._sessions = {t: s for t, s in self._sessions.items() if s.expires > now}
                while len(self._sessions) >= MAX_TRACKED:  # all live: the one closest to expiring goes
                    del self._sessions[min(self._sessions, key=lambda t: self._sessions[t].expires)]
            self._sessions[token] = Session(principal_id, self.clock() + self.seconds)
        return token

    def get(self, token: str | None) -> str | None:
        """The principal of a live session; an expired one is forgotten."""
        if not token:
            return None
        with self._lock:
            session = self._sessions.get(token)
            if session is None:
                return None
            if self.clock() >= session.expires:
                del self._sessions[token]
                return None
            return session.principal_id

    def end(self, token: str | None) -> None:
        with self._lock:
            self._sessions.pop(token or "", None)


class Throttle:
    """After five failed sign-ins in a row for a name, each next attempt waits out a delay.

    Counted per name, not per address: offices sit behind one address, and a name is what is guessed.
    """

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self._failures: dict[str, tuple[int, float]] = {}  # name -> (failures in a row, time of the last)
        self._lock = threading.Lock()

    def wait_left(self, name: str) -> float:
        """Seconds before ``name`` may try again (0: now)."""
        with self._lock:
            count, last = self._failures.get(name, (0, 0.0))
        if count < FAILURES_BEFORE_DELAY:
            return 0.0
        delay = min(FIRST_DELAY * 2 ** (count - FAILURES_BEFORE_DELAY), MAX_DELAY)
        return max(0.0, last + delay - self.clock())

    def failed(self, name: str) -> int:
        with self._lock:
            count = self._failures.pop(name, (0, 0.0))[0] + 1
            if len(self._failures) >= MAX_TRACKED:  # dicts keep insertion order: the first is the stalest
                del self._failures[next(iter(self._failures))]
            self._failures[name] = (count, self.clock())
            return count

    def succeeded(self, name: str) -> None:
        with self._lock:
            self._failures.pop(name, None)
