"""The page in a real browser (headless Chromium): its script runs, queries the server and draws.

Chromium is installed by ``scripts/ensure-chromium.sh`` (``make test`` runs it). The page is loaded with
``?query=`` so that its script runs the query on load; ``--dump-dom`` prints the DOM after the scripts and
their fetches have run (``--virtual-time-budget`` lets them finish).
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from urllib.parse import quote

import pytest
from lxml import html

pytestmark = pytest.mark.slow

QUERY = "SELECT ?e ?type WHERE { ?e a ?type ; ckg:status ckg:Asserted } ORDER BY ?e"


def _chromium() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path is None:
        raise RuntimeError("chromium is not installed: run scripts/ensure-chromium.sh (make test does)")
    return path


def _render(url: str, *extra: str) -> subprocess.CompletedProcess[str]:
    with tempfile.TemporaryDirectory() as profile:
        return subprocess.run(
            [
                _chromium(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                f"--user-data-dir={profile}",
                "--virtual-time-budget=20000",
                *extra,
                url,
            ],
            capture_output=True,
            text=True,
            timeout=120,
        )


def test_the_page_runs_a_query_and_draws_a_timeline(server: str) -> None:
    proc = _render(f"{server}/?query={quote(QUERY)}", "--dump-dom")
    assert proc.returncode == 0, proc.stderr
    doc = html.fromstring(proc.stdout)
    rows = doc.xpath("//table[@id='results']//tbody/tr")
    assert rows, "the query's results should fill the table"
    assert all(len(r.xpath("./td")) == 2 for r in rows)
    assert doc.xpath("//*[@id='timeline']//*[local-name()='svg']//*[local-name()='rect']"), "timeline bars"
    assert doc.xpath("//table[@id='periods']//tbody/tr"), "the selected facility's periods"
    assert doc.xpath("//select[@id='facility']/option")


def test_a_bad_query_shows_the_parsers_message(server: str) -> None:
    proc = _render(f"{server}/?query={quote('SELECT WHERE {')}", "--dump-dom")
    doc = html.fromstring(proc.stdout)
    assert not doc.xpath("//table[@id='results']//tbody/tr")
    page_text = " ".join(doc.text_content().split()).lower()
    assert "400" in page_text or "error" in page_text
