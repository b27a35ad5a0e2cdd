"""``/sparql`` through a real uvicorn process: GET, form POST and direct POST; result formats; errors."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from typing import TYPE_CHECKING

import httpx
import pyoxigraph as ox
import pytest
from rdflib import Graph

from conflictkg.articles import read_articles
from conflictkg.namespace import CKG_NS
from conflictkg.settings import PROJECT_ROOT

if TYPE_CHECKING:
    from conftest import IngestedExamples  # tests/api/conftest.py

pytestmark = pytest.mark.slow

EXAMPLES_DIR = PROJECT_ROOT / "examples" / "articles"

PREFIXES = (
    f"PREFIX ckg: <{CKG_NS}>\nPREFIX dct: <http://purl.org/dc/terms/>\n"
    "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
)
ARTICLES = (
    PREFIXES
    + "SELECT ?article ?issued WHERE { ?article a ckg:NewsArticle ; dct:issued ?issued } ORDER BY ?article"
)
#: Labels of the gazetteer (loaded by `conflictkg ingest`) and of the accepted articles' entities.
LABELS = PREFIXES + "SELECT ?entity ?label WHERE { ?entity skos:prefLabel ?label } ORDER BY ?entity ?label"
BAD_QUERY = "SELECT ?s WHERE { ?s ?p "
JSON_RESULTS = "application/sparql-results+json"


def _bindings(response: httpx.Response) -> list[dict[str, dict[str, str]]]:
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith(JSON_RESULTS)
    data = response.json()
    assert set(data) == {"head", "results"}
    return list(data["results"]["bindings"])


def test_the_ingested_articles_are_served_with_their_publication_dates(
    client: httpx.Client, example_store: IngestedExamples
) -> None:
    published = {
        item.article.id: item.article.published
        for item in read_articles([EXAMPLES_DIR])
        if item.article is not None
    }
    assert (
        len(published)
        == len(list(EXAMPLES_DIR.glob("*.txt")))
        == example_store.accepted + example_store.rejected
    )
    rows = _bindings(client.get("/sparql", params={"query": ARTICLES}))
    served = {r["article"]["value"]: date.fromisoformat(r["issued"]["value"]) for r in rows}
    assert len(served) == example_store.accepted
    assert served == {a: published[a] for a in served}


def test_get_returns_rows_as_sparql_json(client: httpx.Client) -> None:
    response = client.get("/sparql", params={"query": LABELS})
    rows = _bindings(response)
    assert rows, "the gazetteer and the articles label entities: the query should return rows"
    assert response.json()["head"] == {"vars": ["entity", "label"]}
    assert all(r["entity"]["type"] == "uri" and r["label"]["type"] == "literal" for r in rows)
    assert {r["label"].get("xml:lang") for r in rows} >= {"ar", "en"}


def test_form_post_and_direct_post_answer_as_get(client: httpx.Client) -> None:
    by_get = _bindings(client.get("/sparql", params={"query": LABELS}))
    by_form = _bindings(client.post("/sparql", data={"query": LABELS}))
    by_body = _bindings(
        client.post("/sparql", content=LABELS.encode(), headers={"Content-Type": "application/sparql-query"})
    )
    assert by_get and by_form == by_get and by_body == by_get


def test_ask_answers_a_boolean(client: httpx.Client) -> None:
    yes = client.get("/sparql", params={"query": PREFIXES + "ASK { ?a a ckg:NewsArticle }"})
    no = client.get("/sparql", params={"query": PREFIXES + "ASK { ?a a ckg:NoSuchClass }"})
    assert yes.headers["content-type"].startswith(JSON_RESULTS)
    assert (yes.json()["boolean"], no.json()["boolean"]) == (True, False)


def test_construct_answers_turtle_that_parses(client: httpx.Client) -> None:
    query = PREFIXES + "CONSTRUCT { ?a dct:issued ?d } WHERE { ?a a ckg:NewsArticle ; dct:issued ?d }"
    response = client.get("/sparql", params={"query": query})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/turtle")
    graph = Graph().parse(data=response.text, format="turtle")
    assert len(graph) == len(_bindings(client.get("/sparql", params={"query": ARTICLES})))


def test_construct_as_ntriples_when_asked(client: httpx.Client) -> None:
    query = PREFIXES + "CONSTRUCT { ?a dct:issued ?d } WHERE { ?a a ckg:NewsArticle ; dct:issued ?d }"
    response = client.get("/sparql", params={"query": query}, headers={"Accept": "application/n-triples"})
    assert response.headers["content-type"].startswith("application/n-triples")
    assert len(Graph().parse(data=response.text, format="nt")) == len(
        _bindings(client.get("/sparql", params={"query": ARTICLES}))
    )


def test_csv_and_tsv_by_content_negotiation(client: httpx.Client) -> None:
    as_json = _bindings(client.get("/sparql", params={"query": ARTICLES}))
    as_csv = client.get("/sparql", params={"query": ARTICLES}, headers={"Accept": "text/csv"})
    assert as_csv.headers["content-type"].startswith("text/csv")
    table = list(csv.reader(io.StringIO(as_csv.text)))
    assert table[0] == ["article", "issued"]
    assert [row[0] for row in table[1:]] == [r["article"]["value"] for r in as_json]
    tsv = client.get(
        "/sparql", params={"query": ARTICLES}, headers={"Accept": "text/tab-separated-values, */*;q=0.1"}
    )
    assert tsv.headers["content-type"].startswith("text/tab-separated-values")
    assert tsv.text.splitlines()[0] == "?article\t?issued"


def test_malformed_query_is_400_with_the_parsers_message(client: httpx.Client) -> None:
    with pytest.raises(SyntaxError) as parser:
        ox.Store().query(BAD_QUERY)
    for response in (
        client.get("/sparql", params={"query": BAD_QUERY}),
        client.post("/sparql", data={"query": BAD_QUERY}),
        client.post("/sparql", content=BAD_QUERY, headers={"Content-Type": "application/sparql-query"}),
    ):
        assert response.status_code == 400
        detail = response.json()["detail"]
        assert str(parser.value) in detail
        assert "malformed" in detail


@pytest.mark.parametrize(
    ("request_kwargs", "status", "words"),
    [
        ({"method": "GET", "url": "/sparql"}, 400, "no `query` parameter"),
        ({"method": "GET", "url": "/sparql", "params": {"query": "  "}}, 400, "the query is empty"),
        (
            {"method": "POST", "url": "/sparql", "content": "x", "headers": {"Content-Type": "text/plain"}},
            415,
            "is not a SPARQL request",
        ),
        (
            {"method": "POST", "url": "/sparql", "data": {"query": "ASK {}", "update": "CLEAR ALL"}},
            400,
            "exactly one",
        ),
        (
            {"method": "POST", "url": "/sparql", "data": {"update": "CLEAR ALL"}},
            403,
            "(SPARQL updates, POST /articles) are disabled",
        ),
        (
            {
                "method": "POST",
                "url": "/sparql",
                "content": "CLEAR ALL",
                "headers": {"Content-Type": "application/sparql-update"},
            },
            403,
            "(SPARQL updates, POST /articles) are disabled",
        ),
    ],
)
def test_bad_requests_say_what_to_do(
    client: httpx.Client, request_kwargs: dict[str, object], status: int, words: str
) -> None:
    response = client.request(**request_kwargs)  # type: ignore[arg-type]
    assert response.status_code == status
    assert words in json.loads(response.text)["detail"]


def test_refused_update_leaves_the_store_unchanged(client: httpx.Client) -> None:
    before = _bindings(client.get("/sparql", params={"query": ARTICLES}))
    client.post("/sparql", data={"update": "CLEAR ALL"})
    assert _bindings(client.get("/sparql", params={"query": ARTICLES})) == before


def test_health_counts_the_graphs(client: httpx.Client, example_store: IngestedExamples) -> None:
    health = client.get("/health").json()
    graphs = _bindings(
        client.get("/sparql", params={"query": "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"})
    )
    assert health["status"] == "ok"
    assert health["graphs"] == len(graphs) >= example_store.accepted


def test_service_is_refused_before_the_store_runs_it(client: httpx.Client) -> None:
    """Port 9 on loopback: were the guard missing, the engine's own refusal would answer, not ours."""
    query = "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"
    for response in (
        client.get("/sparql", params={"query": query}),
        client.post("/sparql", data={"query": query}),
    ):
        assert response.status_code == 400
        assert response.json()["detail"].startswith(
            "SERVICE (a federated query to another endpoint) is refused"
        )
