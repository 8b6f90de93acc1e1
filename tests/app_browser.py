"""The browser side of the app tests: a real server on a free local port, Debian's chromium
through Playwright, and small page helpers. Fixtures are imported by the test modules that use them."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import uvicorn

from rag.ui.server import create_server

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
QUERY = "Ai chủ trì tổ chức hội nghị học tập chuyên đề cấp tỉnh?"
CARDS = "#results article.card"


# --- fixtures ---------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def serve_app(index, **folders) -> Iterator[str]:
    """Run ``create_server(index)`` with uvicorn in a thread until the page answers."""
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_server(index, **folders), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            if httpx.get(url + "/", timeout=2).status_code in (200, 303):  # 303: to the sign-in page
                break
        except httpx.HTTPError:
            pass
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError(f"the app did not answer on {url}")
        time.sleep(0.2)
    yield url
    server.should_exit = True
    thread.join(timeout=10)


def open_page(browser, url: str, **options):
    context = browser.new_context(viewport={"width": 1100, "height": 900}, locale="vi-VN", **options)
    page = context.new_page()
    page.set_default_timeout(30_000)
    page.goto(url + "/")
    page.wait_for_selector("#query textarea")
    return context, page


def search_for(page, query: str) -> None:
    page.fill("#query textarea", query)
    page.click("#search-btn")


def choose(page, dropdown: str, option: str) -> None:
    """Pick an option of a Gradio dropdown by the start of its label."""
    page.click(f"{dropdown} input")
    page.locator("[role=option]", has_text=option).first.click()


def screenshot(page, name: str, **options) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / name), **options)


# --- browser: searching ---------------------------------------------------------------------------
