"""``/`` through a real uvicorn process: the page, its own assets, and nothing fetched from elsewhere."""

from __future__ import annotations

import re

import httpx
import pytest
from lxml import html

pytestmark = pytest.mark.slow

_EXTERNAL = re.compile(
    r"""(?:src|href)\s*=\s*["']?(?:https?:)?//|fetch\(\s*["'`]https?://|@import\s+url\(\s*["']?https?:"""
)


def test_page_is_served_with_a_query_box_and_a_timeline(client: httpx.Client) -> None:
    response = client.get("/")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    doc = html.fromstring(response.text)
    assert doc.xpath("//textarea[@id='query']"), "the query box"
    assert doc.xpath("//button[@id='run']"), "the run button"
    assert doc.xpath("//table[@id='results']"), "the results table"
    assert doc.xpath("//select[@id='facility']"), "the facility picker"
    assert doc.xpath("//*[@id='timeline']"), "the timeline box"


def test_page_assets_are_served_and_local(client: httpx.Client) -> None:
    doc = html.fromstring(client.get("/").text)
    assets = doc.xpath("//script/@src | //link[@rel='stylesheet']/@href")
    assert sorted(assets) == ["/static/app.js", "/static/style.css"]
    for asset in ["/", *assets]:
        response = client.get(asset)
        assert response.status_code == 200, asset
        assert not _EXTERNAL.search(response.text), f"{asset} loads something from another host"


def test_page_script_talks_to_this_servers_endpoints(client: httpx.Client) -> None:
    script = client.get("/static/app.js").text
    for endpoint in ('fetch("/sparql"', 'fetch("/facilities")', "/control`"):
        assert endpoint in script
    assert client.get("/facilities").status_code == 200
