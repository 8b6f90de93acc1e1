"""The web app as a person meets it: time from the command to a usable page (index already built),
and time from pressing "Tìm kiếm" to the first result card in a real browser (warm query).

    .venv/bin/python bench/bench_app.py            # needs index/ (./run.sh or `rag index` builds it)

Writes ``bench/results/app.json``. Debian's chromium is driven by Playwright, as in the tests.
"""

from __future__ import annotations

import json
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
QUERIES = [
    "Ai chủ trì tổ chức hội nghị học tập chuyên đề cấp tỉnh?",
    "Khi nào phải hoàn thành đăng ký nội dung đột phá?",
    "thoi han bao cao ket qua so ket",
    "Những kế hoạch nào thực hiện Kết luận 01-KL/TW?",
]
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_app(port: int) -> tuple[subprocess.Popen[bytes], float]:
    """Start ``python app.py`` and return when the page answers, with the seconds it took."""
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, str(ROOT / "app.py"), "--port", str(port)], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    while time.perf_counter() - started < 120:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/", timeout=1).status_code == 200:
                return process, time.perf_counter() - started
        except httpx.HTTPError:
            time.sleep(0.05)
    process.kill()
    raise SystemExit("the app did not answer within 120 s")


def browser_latencies(url: str, expected: dict[str, str]) -> list[float]:
    """Seconds from pressing Enter until the first card shows the query's top passage (after a warm-up)."""
    timings = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS, headless=True)
        page = browser.new_page()
        page.goto(url)
        page.wait_for_selector("#query textarea")
        for i, query in enumerate([QUERIES[-1], *QUERIES]):
            page.fill("#query textarea", query)
            started = time.perf_counter()
            page.press("#query textarea", "Enter")
            page.wait_for_function(
                "want => { const c = document.querySelector('#results article.card .text');"
                " return c && c.innerText.replace(/\\s+/g, ' ').includes(want); }",
                arg=expected[query],
                timeout=30_000,
            )
            if i:  # the first is the warm-up
                timings.append(time.perf_counter() - started)
        browser.close()
    return timings


def main() -> None:
    port = free_port()
    process, ready = start_app(port)
    try:
        url = f"http://127.0.0.1:{port}/"
        api, expected = [], {}
        for query in QUERIES * 5:
            started = time.perf_counter()
            response = httpx.get(url + "api/search", params={"q": query, "k": 10}, timeout=30)
            api.append(time.perf_counter() - started)
            words = response.json()["results"][0]["text"].replace("*", "").split()
            expected[query] = " ".join(words[1:6])  # a few words past any bullet mark
        page = browser_latencies(url, expected)
    finally:
        process.terminate()
        process.wait(timeout=10)
    result = {
        "command_to_usable_page_s": round(ready, 2),
        "browser_first_card_ms": {"median": round(statistics.median(page) * 1000, 1), "max": round(max(page) * 1000, 1)},
        "json_api_ms": {"median": round(statistics.median(api) * 1000, 1), "max": round(max(api) * 1000, 1)},
    }
    print(json.dumps(result, indent=1))
    (ROOT / "bench" / "results" / "app.json").write_text(json.dumps(result, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
