"""``GET /export/{format}`` through the real server: files that validate, filters, clear errors."""

from __future__ import annotations

import csv
import io

import httpx
import pytest
from lxml import etree

from conflictkg.settings import PROJECT_ROOT

pytestmark = pytest.mark.slow

GEXF_RNG = PROJECT_ROOT.parent / "shared" / "schemas" / "gexf" / "1.3" / "gexf.rng"


def test_gexf_is_valid_dynamic_gexf_1_3(client: httpx.Client) -> None:
    response = client.get("/export/gexf", params={"lang": "ar"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/gexf+xml")
    assert 'filename="conflictkg.gexf"' in response.headers["content-disposition"]
    doc = etree.fromstring(response.content)
    rng = etree.RelaxNG(etree.parse(str(GEXF_RNG)))
    assert rng.validate(doc), rng.error_log
    graph = doc.find("{http://gexf.net/1.3}graph")
    assert graph is not None and graph.get("mode") == "dynamic"
    assert doc.findall(".//{http://gexf.net/1.3}spell"), "control periods as spells"


def test_filters_narrow_the_export(client: httpx.Client) -> None:
    everything = list(csv.DictReader(io.StringIO(client.get("/export/csv").text)))
    seizures = list(csv.DictReader(io.StringIO(client.get("/export/csv", params={"types": "Seizure"}).text)))
    assert everything and seizures and len(seizures) < len(everything)
    assert {r["ckg_class"] for r in seizures} == {"Seizure"}


@pytest.mark.parametrize(
    ("path", "params", "status"),
    [
        ("/export/pdf", {}, 422),
        ("/export/gexf", {"types": "NoSuchClass"}, 400),
        ("/export/gexf", {"from": "2023-01-02", "to": "2023-01-01"}, 400),
        ("/export/gexf", {"around": "nothing is called this"}, 404),
        ("/export/trig", {"types": "Seizure"}, 400),
    ],
)
def test_bad_requests_are_named(client: httpx.Client, path: str, params: dict[str, str], status: int) -> None:
    response = client.get(path, params=params)
    assert response.status_code == status
    assert response.json()["detail"]


def test_nquads_carry_every_article_graph(client: httpx.Client) -> None:
    graphs = {line.rsplit(" ", 2)[-2] for line in client.get("/export/nquads").text.splitlines() if line}
    listed = client.get(
        "/sparql", params={"query": "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?a a ckg:NewsArticle } }"}
    )
    article_graphs = {f"<{b['g']['value']}>" for b in listed.json()["results"]["bindings"]}
    assert article_graphs and article_graphs <= graphs
