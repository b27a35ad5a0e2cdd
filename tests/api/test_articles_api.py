"""``POST /articles`` through real uvicorn processes: the token, an accepted Arabic article that becomes
queryable, a rejected one that leaves the store as it was, and bad bodies.

``writable_server`` runs with an update token and one extra shape (articles need a title), so that the real
validator rejects a real post; the read-only ``server`` has no token.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import httpx
import pytest

from conflictkg.namespace import CKG_NS, CKR_NS

if TYPE_CHECKING:
    from conftest import WritableServer  # tests/api/conftest.py

pytestmark = pytest.mark.slow

ASAYISH = f"{CKR_NS}asayish"
FINANCE = f"{CKR_NS}qamishli-finance-directorate"
#: An article written for this test: the Asayish take the finance directorate of Qamishli on Tuesday.
TEXT = (
    "سيطرت قوات الأسايش يوم الثلاثاء على مديرية المالية في مدينة القامشلي، "
    "بعد اشتباكات قصيرة مع عناصر النظام السوري أمام المبنى."
)
PUBLISHED = "2024-01-11"  # a Thursday: "Tuesday" is 2024-01-09
QUADS = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


@pytest.fixture
def writer(writable_server: WritableServer) -> Iterator[httpx.Client]:
    headers = {"Authorization": f"Bearer {writable_server.token}"}
    with httpx.Client(base_url=writable_server.url, timeout=300.0, headers=headers) as c:
        yield c


def _sparql(client: httpx.Client, query: str) -> dict[str, Any]:
    response = client.get("/sparql", params={"query": f"PREFIX ckg: <{CKG_NS}>\n{query}"})
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def _quads(client: httpx.Client) -> int:
    return int(_sparql(client, QUADS)["results"]["bindings"][0]["n"]["value"])


def test_the_read_only_server_refuses_posts_with_403(client: httpx.Client) -> None:
    response = client.post(
        "/articles", json={"text": TEXT, "published": PUBLISHED}, headers={"Authorization": "Bearer anything"}
    )
    assert response.status_code == 403
    assert "update token" in response.json()["detail"]


@pytest.mark.parametrize("authorization", [None, "Bearer wrong-token", "Basic dXNlcjpwdw=="])
def test_a_missing_or_wrong_token_is_401(writable_server: WritableServer, authorization: str | None) -> None:
    headers = {"Authorization": authorization} if authorization else {}
    before = httpx.get(f"{writable_server.url}/health").json()["graphs"]
    response = httpx.post(
        f"{writable_server.url}/articles", json={"text": TEXT, "published": PUBLISHED}, headers=headers
    )
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "Bearer"
    assert httpx.get(f"{writable_server.url}/health").json()["graphs"] == before


def test_a_posted_arabic_article_becomes_queryable(writer: httpx.Client) -> None:
    body = {
        "text": TEXT,
        "published": PUBLISHED,
        "title": "الأسايش تسيطر على مديرية المالية",
        "id": "api-post-1",
    }
    response = writer.post("/articles", json=body)
    assert response.status_code == 201, response.text
    answer = response.json()
    assert answer["article"] == f"{CKR_NS}article-api-post-1"
    assert answer["graph"] == f"{CKR_NS}graph-api-post-1"
    count = _sparql(writer, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{answer['graph']}> {{ ?s ?p ?o }} }}")
    assert int(count["results"]["bindings"][0]["n"]["value"]) == answer["triples"] > 0
    seizure = _sparql(
        writer,
        f"""SELECT ?e ?d WHERE {{ GRAPH <{answer["graph"]}> {{
  ?e a ckg:Seizure ; ckg:agent <{ASAYISH}> ; ckg:targetFacility <{FINANCE}> ; ckg:startDate ?d }} }}""",
    )["results"]["bindings"]
    assert [(r["d"]["value"]) for r in seizure] == ["2024-01-09"]
    # The readers see it too. The store already has the example seizure of 2023-03-09 and no withdrawal, so
    # the Asayish still hold the directorate: the new seizure adds its article to that open period.
    holdings = writer.get("/actors/asayish/holdings", params={"at": "2024-01-10"}).json()["periods"]
    [period] = [p for p in holdings if p["facility"] == FINANCE]
    assert (period["start"], period["end"]) == ("2023-03-09", None)
    assert period["sources"] == [f"{CKR_NS}article-ar-qamishli-seizure", answer["article"]]
    events = writer.get("/events", params={"type": "Seizure", "from": "2024-01-01"}).json()
    assert [(e["id"], e["article"], e["date"]) for e in events] == [
        (seizure[0]["e"]["value"], answer["article"], "2024-01-09")
    ]
    # Posting the same article again replaces its graph: the store does not grow.
    quads = _quads(writer)
    again = writer.post("/articles", json=body)
    assert again.status_code == 201 and again.json() == answer
    assert _quads(writer) == quads


def test_a_rejected_article_is_422_with_the_results_and_leaves_the_store_unchanged(
    writer: httpx.Client,
) -> None:
    quads, graphs = _quads(writer), writer.get("/health").json()["graphs"]
    response = writer.post(
        "/articles", json={"text": TEXT, "published": PUBLISHED, "id": "api-post-untitled"}
    )
    assert response.status_code == 422, response.text
    answer = response.json()
    article = f"{CKR_NS}article-api-post-untitled"
    assert answer["article"] == article
    assert answer["results"] == [
        {
            "focus": article,
            "path": "http://purl.org/dc/terms/title",
            "severity": "Violation",
            "message": "this test server only takes articles with a title",
        }
    ]
    assert "SHACL violation" in answer["detail"]
    assert _quads(writer) == quads
    assert writer.get("/health").json()["graphs"] == graphs
    ask = _sparql(writer, f"ASK {{ GRAPH <{CKR_NS}graph-api-post-untitled> {{ ?s ?p ?o }} }}")
    assert ask["boolean"] is False


@pytest.mark.parametrize(
    ("body", "named"),
    [
        (b"not json", "not UTF-8 JSON"),
        (b'["a list"]', "not an object"),
        (b'{"published": "2024-01-11"}', '"text" is required'),
        (b'{"text": "x"}', '"published" is required'),
        ('{"text": "نص", "published": "11/01/2024"}'.encode(), '"published"'),
        ('{"text": "نص", "published": "2024-01-11", "author": "x"}'.encode(), "author"),
        (b'{"text": 5, "published": "2024-01-11"}', '"text" must be a string'),
        (
            '{"text": "Привет всем, это статья о событиях в городе", "published": "2024-01-11"}'.encode(),
            "language",
        ),
    ],
)
def test_bad_input_is_400_with_the_reason(writer: httpx.Client, body: bytes, named: str) -> None:
    quads = _quads(writer)
    response = writer.post("/articles", content=body, headers={"Content-Type": "application/json"})
    assert response.status_code == 400, response.text
    assert named in response.json()["detail"]
    assert _quads(writer) == quads
