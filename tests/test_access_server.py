"""Sign-in, tokens and roles over HTTP: the real app (FastAPI + Gradio) through FastAPI's TestClient,
and the real ``python -m rag.ui.server`` process for refusing to start open."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from rag import SearchIndex
from rag.access.accounts import AccountStore
from rag.access.audit import AuditLog
from rag.access.guard import Guard
from rag.access.limits import Limits
from rag.access.roles import Role
from rag.ui.server import create_server, guard_for

from .app_browser import free_port
from .conftest import CORPUS, ROOT

pytestmark = pytest.mark.filterwarnings("ignore::Warning:gradio.queueing")
PASSWORD = "mật-khẩu-của-lan"
QUERY = {"q": "hội nghị học tập chuyên đề", "k": "2"}


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def office(tmp_path, tiny_corpus, fake_embedder):
    """A server with sign-in over the tiny corpus: users lan (reader) and binh (editor), three tokens."""
    store = AccountStore(tmp_path / "users.json")
    store.add_user("lan", Role.READER, PASSWORD)
    store.add_user("binh", Role.EDITOR, "mật-khẩu-của-bình")
    tokens = {role: store.create_token(f"{role.value}-bot", role) for role in Role}
    audit = AuditLog(tmp_path / "audit.jsonl")
    clock = Clock()
    guard = Guard(store, audit, clock=clock)
    index = SearchIndex.build(tiny_corpus, tmp_path / "index", embedder=fake_embedder)
    app = create_server(index, index_dir=tmp_path / "index", corpus_dir=tiny_corpus, guard=guard)
    with TestClient(app, follow_redirects=False) as client:
        client.guard = guard  # for the test of limits
        yield client, store, audit, clock, tokens


def _bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def test_tokens_and_roles_on_the_json_routes(office):
    client, store, audit, _, tokens = office
    refused = client.get("/api/search", params=QUERY)
    assert refused.status_code == 401 and refused.headers["www-authenticate"] == "Bearer"
    assert "rag token create" in refused.json()["error"]

    reader = _bearer(tokens[Role.READER])
    found = client.get("/api/search", params=QUERY, headers=reader)
    assert found.status_code == 200 and found.json()["results"]
    assert client.get("/api/me", headers=reader).json() == {"name": "reader-bot", "role": "reader", "kind": "token"}

    forbidden = client.delete("/api/documents/b_chithi.md", headers=reader)
    assert forbidden.status_code == 403 and "người đọc" in forbidden.json()["error"]
    assert client.post("/api/documents", files={"file": ("x.txt", b"...")}, headers=reader).status_code == 403
    assert client.get("/api/audit", headers=reader).status_code == 403

    store.revoke_token("reader-bot")  # as 'rag token revoke' would, from another process
    revoked = client.get("/api/search", params=QUERY, headers=reader)
    assert revoked.status_code == 401 and "thu hồi" in revoked.json()["error"]
    assert client.get("/api/search", params=QUERY, headers=_bearer("rag_not-a-token")).status_code == 401

    editor = _bearer(tokens[Role.EDITOR])
    removed = client.delete("/api/documents/b_chithi.md", headers=editor)
    assert removed.status_code == 200 and removed.json()["documents"] == 1
    new = "KẾ HOẠCH\n\n-----\n\n1. Ban Tuyên giáo chủ trì tổ chức hội thi tìm hiểu biển đảo quê hương.\n"
    added = client.post("/api/documents", files={"file": ("bien-dao.txt", new.encode())}, headers=editor)
    assert added.status_code == 200, added.text
    hits = client.get("/api/search", params={"q": "hội thi biển đảo", "k": "1"}, headers=editor).json()["results"]
    assert hits[0]["doc"] == "bien-dao.txt"  # the live index was swapped in

    entries = client.get("/api/audit", headers=_bearer(tokens[Role.ADMIN])).json()["entries"]
    changes = [e for e in entries if e["event"] in ("add", "remove")]
    assert [(e["event"], e["file"], e["user"]) for e in changes] == [("remove", "b_chithi.md", "token:editor-bot"), ("add", "bien-dao.txt", "token:editor-bot")]
    assert all(len(e["sha256"]) == 64 for e in changes)
    refusals = [e for e in entries if e["event"] == "refused"]
    assert {e["action"] for e in refusals} == {"search", "remove", "upload", "audit"}
    log = audit.path.read_text(encoding="utf-8")
    assert not any(t in log for t in tokens.values())


def test_sign_in_is_slowed_after_five_failures_and_sessions_expire(office):
    client, store, audit, clock, _ = office
    page = client.get("/")
    assert page.status_code == 303 and page.headers["location"] == "/dang-nhap"
    assert "Đăng nhập" in client.get("/dang-nhap").text
    for _ in range(5):
        wrong = client.post("/dang-nhap", data={"name": "lan", "password": "đoán-bừa-thôi"})
        assert wrong.status_code == 401 and "không đúng" in wrong.text
    slowed = client.post("/dang-nhap", data={"name": "lan", "password": PASSWORD})  # even the right password waits
    assert slowed.status_code == 429 and slowed.headers["retry-after"] == "30" and "30 giây" in slowed.text
    assert "rag_session" not in slowed.cookies
    assert client.post("/dang-nhap", data={"name": "binh", "password": "mật-khẩu-của-bình"}).status_code == 303  # another name is not held up
    client.cookies.clear()

    clock.now += 31
    signed_in = client.post("/dang-nhap", data={"name": "lan", "password": PASSWORD, "next": "https://evil.example/"})
    assert signed_in.status_code == 303 and signed_in.headers["location"] == "/"
    assert client.get("/").status_code == 200
    assert client.get("/api/me").json()["name"] == "lan"
    assert client.get("/api/search", params=QUERY).status_code == 200

    clock.now += 8 * 3600
    assert client.get("/api/me").status_code == 401
    assert client.get("/").status_code == 303
    events = [e["event"] for e in audit.last()]
    assert events.count("signin-failed") == 5 and "signin-delayed" in events and events.count("signin") == 2
    assert PASSWORD not in audit.path.read_text(encoding="utf-8")

    assert client.post("/dang-nhap", data={"name": "binh", "password": "mật-khẩu-của-bình"}).status_code == 303
    assert client.get("/api/me").status_code == 200
    store.remove_user("binh")  # 'rag user remove binh' while signed in: the session ends with the account
    assert client.get("/api/me").status_code == 401


def test_gradio_routes_need_a_session_and_the_upload_event_refuses_a_reader(office):
    client, _, audit, _, tokens = office
    assert client.get("/config").status_code == 401
    reader = _bearer(tokens[Role.READER])
    assert client.get("/config", headers=reader).status_code == 200
    started = client.post("/gradio_api/call/upload", json={"data": [None, False]}, headers=reader)
    assert started.status_code == 200, started.text
    stream = client.get(f"/gradio_api/call/upload/{started.json()['event_id']}", headers=reader).text
    status = json.loads(stream.split("data: ", 1)[1].splitlines()[0])[0]
    assert "không được thêm văn bản" in status
    assert any(e["event"] == "refused" and e["action"] == "upload" and e["user"] == "token:reader-bot" for e in audit.last())
    started = client.post("/gradio_api/call/reload", json={"data": []}, headers=reader)  # the admin's audit tab
    assert started.status_code == 200, started.text
    stream = client.get(f"/gradio_api/call/reload/{started.json()['event_id']}", headers=reader).text
    assert "Chỉ quản trị viên" in json.loads(stream.split("data: ", 1)[1].splitlines()[0])[0]


def test_searches_and_changes_per_user_are_limited(office):
    client, _, audit, clock, tokens = office
    client.guard.limits = Limits(searches_per_minute=2, uploads_per_hour=1, clock=clock)
    reader, editor = _bearer(tokens[Role.READER]), _bearer(tokens[Role.EDITOR])
    assert [client.get("/api/search", params=QUERY, headers=reader).status_code for _ in range(2)] == [200, 200]
    limited = client.get("/api/search", params=QUERY, headers=reader)
    assert limited.status_code == 429 and "2 lượt tìm trong một phút" in limited.json()["error"] and limited.headers["retry-after"] == "60"
    assert client.get("/api/search", params=QUERY, headers=editor).status_code == 200  # each user has their own count
    clock.now += 61
    assert client.get("/api/search", params=QUERY, headers=reader).status_code == 200
    assert client.delete("/api/documents/b_chithi.md", headers=editor).status_code == 200
    again = client.delete("/api/documents/a_kehoach.txt", headers=editor)
    assert again.status_code == 429 and "trong một giờ" in again.json()["error"]
    assert [e["action"] for e in audit.last() if e["event"] == "limited"] == ["search", "upload"]


def test_open_on_localhost_only_without_accounts(tmp_path):
    index_dir = tmp_path / "index"
    assert guard_for("127.0.0.1", index_dir).open and guard_for("localhost", index_dir).open and guard_for("::1", index_dir).open
    with pytest.raises(Exception, match="rag user add TÊN --role admin"):
        guard_for("0.0.0.0", index_dir)
    assert guard_for("0.0.0.0", index_dir, no_auth=True).open
    AccountStore(tmp_path / "users.json").add_user("an", Role.ADMIN, PASSWORD)
    assert not guard_for("127.0.0.1", index_dir).open and not guard_for("0.0.0.0", index_dir).open


def _server(*args: str) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "HF_HUB_OFFLINE": "1"}
    return subprocess.Popen([sys.executable, "-m", "rag.ui.server", *args], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_the_server_refuses_the_network_without_accounts_and_starts_with_no_auth(tmp_path, corpus_index_dir):
    accounts = str(tmp_path / "users.json")
    refused = _server("--host", "0.0.0.0", "--index", str(corpus_index_dir), "--corpus", str(CORPUS), "--accounts", accounts)
    _, err = refused.communicate(timeout=120)
    assert refused.returncode == 1 and "chưa có tài khoản" in err and "rag user add" in err and "--no-auth" in err

    port = free_port()
    server = _server("--host", "0.0.0.0", "--port", str(port), "--no-auth", "--index", str(corpus_index_dir), "--corpus", str(CORPUS), "--accounts", accounts)
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                answer = httpx.get(f"http://127.0.0.1:{port}/api/search", params=QUERY, timeout=5)
                break
            except httpx.HTTPError:
                assert server.poll() is None and time.monotonic() < deadline, "the server did not start"
                time.sleep(0.5)
        assert answer.status_code == 200 and answer.json()["results"]
    finally:
        server.terminate()
        _, err = server.communicate(timeout=30)
    assert "--no-auth" in err and "Cảnh báo" in err
    assert not Path(accounts).exists()  # --no-auth creates no accounts file
