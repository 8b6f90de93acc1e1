"""The sign-in page and the page per role, in Debian's chromium: a reader has no upload tab, an editor has."""

from __future__ import annotations

import pytest
from playwright import sync_api

from rag import SearchIndex
from rag.access.accounts import AccountStore
from rag.access.audit import AuditLog
from rag.access.guard import Guard
from rag.access.roles import Role

from .app_browser import screenshot, serve_app

pytestmark = pytest.mark.filterwarnings("ignore::Warning:gradio.queueing")
UPLOAD_TAB = "Thêm văn bản"


@pytest.fixture
def signed_url(tmp_path, tiny_corpus, fake_embedder):
    store = AccountStore(tmp_path / "users.json")
    store.add_user("lan", Role.READER, "mật-khẩu-của-lan")
    store.add_user("binh", Role.EDITOR, "mật-khẩu-của-bình")
    store.add_user("an", Role.ADMIN, "mật-khẩu-của-an")
    guard = Guard(store, AuditLog(tmp_path / "audit.jsonl"))
    index = SearchIndex.build(tiny_corpus, tmp_path / "index", embedder=fake_embedder)
    yield from serve_app(index, index_dir=tmp_path / "index", corpus_dir=tiny_corpus, guard=guard)


def _sign_in(page, url: str, name: str, password: str) -> None:
    page.goto(url + "/")
    page.fill("#name", name)
    page.fill("#password", password)
    page.click("#sign-in button")


def test_sign_in_page_then_the_page_of_each_role(browser, signed_url):
    context = browser.new_context(viewport={"width": 1100, "height": 800}, locale="vi-VN")
    page = context.new_page()
    page.set_default_timeout(30_000)
    page.goto(signed_url + "/")
    sync_api.expect(page).to_have_url(signed_url + "/dang-nhap")
    sync_api.expect(page.locator("h1")).to_have_text("Tra cứu văn bản chỉ đạo")
    _sign_in(page, signed_url, "lan", "sai-mật-khẩu")
    sync_api.expect(page.locator(".error")).to_contain_text("Tên đăng nhập hoặc mật khẩu không đúng")
    screenshot(page, "sign-in.png")

    _sign_in(page, signed_url, "lan", "mật-khẩu-của-lan")
    page.wait_for_selector("#query textarea")
    sync_api.expect(page.locator("#signed-in")).to_contain_text("lan (người đọc)")
    sync_api.expect(page.get_by_role("tab", name="Tra cứu", exact=True)).to_be_visible()
    assert page.get_by_role("tab", name=UPLOAD_TAB).count() == 0
    assert page.get_by_role("tab", name="Nhật ký").count() == 0
    assert page.locator("#upload-btn").count() == 0 or not page.locator("#upload-btn").is_visible()
    screenshot(page, "signed-in-reader.png")
    page.locator("#signed-in a", has_text="Đăng xuất").click()
    sync_api.expect(page).to_have_url(signed_url + "/dang-nhap")

    _sign_in(page, signed_url, "binh", "mật-khẩu-của-bình")
    sync_api.expect(page.locator("#signed-in")).to_contain_text("binh (biên tập viên)")
    page.get_by_role("tab", name=UPLOAD_TAB).click()
    sync_api.expect(page.locator("#upload-btn")).to_be_visible()
    assert page.get_by_role("tab", name="Nhật ký").count() == 0
    page.locator("#signed-in a", has_text="Đăng xuất").click()

    _sign_in(page, signed_url, "an", "mật-khẩu-của-an")
    sync_api.expect(page.locator("#signed-in")).to_contain_text("an (quản trị viên)")
    page.get_by_role("tab", name="Nhật ký").click()
    log = page.locator("#audit-log table.audit")
    sync_api.expect(log).to_contain_text("đăng nhập sai")
    sync_api.expect(log.locator("tbody tr").first).to_contain_text("an")  # newest first: this sign-in
    screenshot(page, "audit-tab.png")
    context.close()
