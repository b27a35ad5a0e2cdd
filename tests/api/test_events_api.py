"""``GET /events`` through a real uvicorn process, checked against the store (``/sparql``) and the article files.

Each filter is checked on its own against a SPARQL query that says the same thing, then in combination
(the result of combined filters is the intersection of the single ones).
"""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

from conflictkg.namespace import CKG_NS, CKR_NS

pytestmark = pytest.mark.slow

from conftest import EXAMPLES_DIR  # noqa: E402 - tests/api/conftest.py

ASAYISH = f"{CKR_NS}asayish"
QAMISHLI = f"{CKR_NS}qamishli"
PREFIXES = f"""PREFIX ckg: <{CKG_NS}>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX geo: <http://www.opengis.net/ont/geosparql#>
"""


def _events(client: httpx.Client, **params: str) -> list[dict[str, Any]]:
    response = client.get("/events", params=params)
    assert response.status_code == 200, response.text
    found: list[dict[str, Any]] = response.json()
    return found


def _ids(events: list[dict[str, Any]]) -> set[str]:
    return {e["id"] for e in events}


def _select(client: httpx.Client, query: str) -> set[str]:
    response = client.get("/sparql", params={"query": PREFIXES + query})
    assert response.status_code == 200, response.text
    return {r["e"]["value"] for r in response.json()["results"]["bindings"]}


def _article_texts() -> dict[str, str]:
    """Article IRI -> text of the example file (the id of its metadata names the IRI)."""
    out = {}
    for meta_file in EXAMPLES_DIR.glob("*.json"):
        meta = json.loads(meta_file.read_text(encoding="utf-8"))
        out[f"{CKR_NS}article-{meta['id']}"] = meta_file.with_suffix(".txt").read_text(encoding="utf-8")
    return out


def test_every_stored_event_is_listed_once(client: httpx.Client) -> None:
    events = _events(client)
    stored = _select(
        client,
        "SELECT DISTINCT ?e WHERE { ?e a ?t . ?t rdfs:subClassOf* ckg:Event . FILTER (?t != ckg:Event) }",
    )
    assert stored, "the examples report events"
    assert len(events) == len(_ids(events)) == len(stored)
    assert _ids(events) == stored


def test_each_event_carries_its_type_status_roles_and_evidence(client: httpx.Client) -> None:
    texts = _article_texts()
    roles = ["agent", "party", "mediator", "besieger", "besieged", "speaker", "venue", "beneficiary"]
    roles += ["patient", "place", "targetFacility", "targetPlace"]
    response = client.get(
        "/sparql",
        params={
            "query": PREFIXES
            + f"SELECT DISTINCT ?e ?p ?x WHERE {{ VALUES ?p {{ {' '.join('ckg:' + r for r in roles)} }} ?e ?p ?x }}"
        },
    )
    assert response.status_code == 200, response.text
    stored_roles: set[tuple[str, str, str]] = {
        (r["e"]["value"], r["p"]["value"].removeprefix(CKG_NS), r["x"]["value"])
        for r in response.json()["results"]["bindings"]
    }
    listed_roles = {(ev["id"], r["role"], r["entity"]) for ev in _events(client) for r in ev["roles"]}
    assert listed_roles == stored_roles
    for ev in _events(client):
        assert ev["status"] in {"Asserted", "Denied", "Negated", "Hypothetical", "Reported"}, ev
        evidence = ev["evidence"]
        text = texts[ev["article"]]
        assert text[evidence["start"] : evidence["end"]] == evidence["quote"], ev["id"]
        assert ev["date"] or ev["start_not_before"] or ev["start_not_after"] or ev["published"]
    seizure = next(e for e in _events(client) if e["id"] == f"{CKR_NS}ev-ar-qamishli-seizure-2")
    assert (seizure["type"], seizure["status"], seizure["date"]) == ("Seizure", "Asserted", "2023-03-09")
    assert seizure["published"] == "2023-03-10"
    assert {"role": "agent", "entity": ASAYISH, "label": "Asayish"} in seizure["roles"]
    assert {
        "role": "targetFacility",
        "entity": f"{CKR_NS}qamishli-finance-directorate",
        "label": "Qamishli Finance Directorate",
    } in seizure["roles"]
    arabic = next(e for e in _events(client, lang="ar") if e["id"] == seizure["id"])
    assert {"role": "agent", "entity": ASAYISH, "label": "الأسايش"} in arabic["roles"]


def test_type_includes_subclasses(client: httpx.Client) -> None:
    seizures = _events(client, type="Seizure")
    assert seizures and {e["type"] for e in seizures} == {"Seizure"}
    assert _ids(seizures) == _select(client, "SELECT ?e WHERE { ?e a ckg:Seizure }")
    speech = _events(client, type="SpeechAct")
    assert "Denial" in {e["type"] for e in speech}
    parts = [_ids(_events(client, type=t)) for t in ("Statement", "Announcement", "Promise", "Denial")]
    assert _ids(speech) == set().union(*parts)


def test_actor_and_place_filters(client: httpx.Client) -> None:
    by_actor = _events(client, actor="الاسايش")
    assert by_actor and all(any(r["entity"] == ASAYISH for r in e["roles"]) for e in by_actor)
    assert _ids(by_actor) == _select(
        client, f"SELECT DISTINCT ?e WHERE {{ ?e ?role <{ASAYISH}> . ?e ckg:seq ?n }}"
    )
    by_place = _events(client, place="qamishli")
    assert _ids(by_place) == _select(
        client,
        f"""SELECT DISTINCT ?e WHERE {{ ?e ckg:targetFacility|ckg:targetPlace|ckg:place|ckg:venue ?w .
        ?w geo:sfWithin* <{QAMISHLI}> }}""",
    )
    assert f"{CKR_NS}ev-ar-qamishli-seizure-2" in _ids(by_place)
    assert not any(e["article"] == f"{CKR_NS}article-en-tripoli-siege" for e in by_place)


def test_dates_keep_the_events_in_range(client: httpx.Client) -> None:
    everything = _events(client)
    day = _events(client, **{"from": "2023-03-11", "to": "2023-03-11"})
    assert day and f"{CKR_NS}ev-ar-qamishli-withdrawal-2" in _ids(day)
    assert f"{CKR_NS}ev-ar-qamishli-seizure-2" not in _ids(day)
    for ev in day:
        lo = ev["date"] or ev["start_not_before"] or "0000"
        hi = ev["date"] or ev["start_not_after"] or ev["published"]
        assert lo <= "2023-03-11" <= hi, ev
    later = _events(client, **{"from": "2023-03-12"})
    earlier = _events(client, to="2023-03-11")
    assert _ids(later) | _ids(earlier) == _ids(everything)
    assert all((e["date"] or e["start_not_after"] or e["published"]) >= "2023-03-12" for e in later)


def test_filters_combine(client: httpx.Client) -> None:
    combined = _events(client, type="Seizure", actor="asayish", place="qamishli", to="2023-03-10")
    expected = (
        _ids(_events(client, type="Seizure"))
        & _ids(_events(client, actor="asayish"))
        & _ids(_events(client, place="qamishli"))
        & _ids(_events(client, to="2023-03-10"))
    )
    assert combined and _ids(combined) == expected


@pytest.mark.parametrize(
    ("params", "status", "named"),
    [
        ({"from": "2023-13-01"}, 400, "from="),
        ({"to": "yesterday"}, 400, "to="),
        ({"from": "2023-03-12", "to": "2023-03-01"}, 400, "`to` is before `from`"),
        ({"type": "Seizur"}, 400, "type="),
        ({"type": "Facility"}, 400, "type="),
        ({"actor": "no-such-actor-xyz"}, 404, "no-such-actor-xyz"),
        ({"place": "no-such-place-xyz"}, 404, "no-such-place-xyz"),
    ],
)
def test_bad_filters_are_refused_naming_the_parameter(
    client: httpx.Client, params: dict[str, str], status: int, named: str
) -> None:
    response = client.get("/events", params=params)
    assert response.status_code == status, response.text
    assert named in response.json()["detail"]
