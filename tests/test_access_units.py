"""The pieces of rag.access on their own: the sign-in delay, sessions, roles, the audit log's filter."""

from __future__ import annotations

import json

from rag.access import sessions
from rag.access.audit import AuditLog
from rag.access.roles import Role, allows
from rag.access.sessions import Sessions, Throttle


class Clock:
    now = 0.0

    def __call__(self) -> float:
        return self.now


def test_the_delay_starts_at_the_fifth_failure_and_doubles():
    clock = Clock()
    throttle = Throttle(clock)
    for _ in range(4):
        throttle.failed("lan")
    assert throttle.wait_left("lan") == 0
    throttle.failed("lan")
    assert throttle.wait_left("lan") == 30 and throttle.wait_left("binh") == 0
    clock.now += 30
    assert throttle.wait_left("lan") == 0
    throttle.failed("lan")
    assert throttle.wait_left("lan") == 60
    throttle.succeeded("lan")
    assert throttle.wait_left("lan") == 0


def test_memory_is_bounded(monkeypatch):
    monkeypatch.setattr(sessions, "MAX_TRACKED", 3)
    clock = Clock()
    throttle, live = Throttle(clock), Sessions(1, clock)
    for n in range(5):
        throttle.failed(f"name{n}")
    assert len(throttle._failures) == 3 and "name0" not in throttle._failures
    tokens = [live.start(f"user{n}") for n in range(5)]
    assert live.get(tokens[0]) is None and live.get(tokens[-1]) == "user4"
    clock.now += 3601
    assert live.get(tokens[-1]) is None


def test_roles_and_the_audit_log_never_takes_a_secret(tmp_path):
    assert allows(Role.READER, "search") and not allows(Role.READER, "upload") and not allows(Role.EDITOR, "audit")
    assert allows(Role.ADMIN, "remove") and not allows(Role.ADMIN, "no-such-action")
    log = AuditLog(tmp_path / "audit.jsonl")
    log.record("signin-failed", "lan", password="bí-mật", token="rag_x", ip="10.0.0.7")
    (row,) = [json.loads(line) for line in log.path.read_text(encoding="utf-8").splitlines()]
    assert row["ip"] == "10.0.0.7" and "password" not in row and "token" not in row
    assert (log.path.stat().st_mode & 0o777) == 0o600
