"""The web app's JSON route and its gradio_client API, against the real server on the real index
(``base_url`` from conftest)."""

from __future__ import annotations

import httpx
import pytest

from rag.text.normalize import loose
from rag.ui import filters

from .app_browser import QUERY
from .app_samples import BODY


def test_json_endpoint(base_url):
    response = httpx.get(base_url + "/api/search", params={"q": QUERY, "k": 3}, timeout=30)
    assert response.status_code == 200
    body = response.json()
    assert body["query"] == QUERY
    assert len(body["results"]) == 3
    for result in body["results"]:
        assert result["doc"].endswith(".txt") and result["text"]
        assert result["section"] and result["citation_text"]
    assert body["answer"]["text"] and body["answer"]["parts"][0]["rank"] == 1


def test_json_endpoint_filters(base_url):
    response = httpx.get(base_url + "/api/search", params={"q": "tổ chức hội nghị", "k": 5, "body": BODY}, timeout=30)
    assert response.status_code == 200
    body = response.json()
    assert body["filters"] == {"body": BODY} and body["results"]
    for result in body["results"]:
        names = result["facts"]["lead"] + result["facts"]["coordinating"]
        assert any(loose(BODY) in loose(name) for name in names)
    params = {"q": "báo cáo kết quả", "k": 5, "year": "2022", "due_from": "Q1 2022", "due_to": "Q1 2022"}
    results = httpx.get(base_url + "/api/search", params=params, timeout=30).json()["results"]
    assert results and all(any("2022-01-01" <= (d["end"] or "") <= "2022-03-31" for d in r["facts"]["deadlines"]) for r in results)


@pytest.mark.parametrize(
    "params",
    [
        {"q": ""},
        {"q": "   "},
        {"q": "hội nghị", "k": "abc"},
        {"q": "hội nghị", "k": "0"},
        {"q": "hội nghị", "doc": "nope.txt"},
        {"q": "hội nghị", "year": "năm ngoái"},
        {"q": "hội nghị", "due_from": "sớm"},
    ],
)
def test_json_endpoint_errors_are_json_400(base_url, params):
    response = httpx.get(base_url + "/api/search", params=params, timeout=30)
    assert response.status_code == 400
    assert response.json()["error"]


def test_gradio_client_calls_the_search_function(base_url):
    from gradio_client import Client

    client = Client(base_url + "/", verbose=False)
    page_html = client.predict(QUERY, 3, filters.ALL, api_name="/search")
    assert page_html.count('<article class="card"') == 3
    assert "<mark>" in page_html
