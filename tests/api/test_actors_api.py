"""``GET /actors/{id}/holdings`` through a real uvicorn process over the ingested examples.

The expected periods come from the example articles themselves: ``ar-qamishli-seizure`` (published
2023-03-10) says the Asayish stormed the finance directorate "yesterday, Thursday" (2023-03-09), and
``ar-qamishli-withdrawal`` (published 2023-03-12) says they withdrew "yesterday, Saturday" (2023-03-11).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import httpx
import pytest

from conflictkg.namespace import CKG_NS, CKR_NS

pytestmark = pytest.mark.slow

ASAYISH = f"{CKR_NS}asayish"
FINANCE = f"{CKR_NS}qamishli-finance-directorate"


def _holdings(client: httpx.Client, actor: str, **params: str) -> dict[str, Any]:
    response = client.get(f"/actors/{quote(actor, safe='/:')}/holdings", params=params)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def _finance(body: dict[str, Any]) -> list[dict[str, Any]]:
    return [p for p in body["periods"] if p["facility"] == FINANCE]


def test_the_asayish_held_the_finance_directorate_from_the_seizure_to_the_withdrawal(
    client: httpx.Client,
) -> None:
    body = _holdings(client, "asayish")
    assert body["actor"] == ASAYISH
    assert body["actor_label"] == "Asayish"
    assert body["at"] is None
    assert all(p["holder"] == ASAYISH for p in body["periods"])
    [period] = _finance(body)
    assert (period["start"], period["end"]) == ("2023-03-09", "2023-03-11")
    assert period["facility_label"] == "Qamishli Finance Directorate"
    assert period["sources"] == [
        f"{CKR_NS}article-ar-qamishli-seizure",
        f"{CKR_NS}article-ar-qamishli-withdrawal",
    ]
    # The events that opened and closed the period are the stored seizure and withdrawal of that facility.
    ask = f"""PREFIX ckg: <{CKG_NS}>
ASK {{ <{period["started_by"]}> a ckg:Seizure ; ckg:agent <{ASAYISH}> ; ckg:targetFacility <{FINANCE}> .
       <{period["ended_by"]}> a ckg:Withdrawal ; ckg:agent <{ASAYISH}> ; ckg:targetFacility <{FINANCE}> . }}"""
    response = client.get("/sparql", params={"query": ask})
    assert response.status_code == 200, response.text
    assert response.json()["boolean"] is True


def test_holdings_are_the_same_periods_as_the_facility_timeline(client: httpx.Client) -> None:
    body = _holdings(client, "asayish")
    response = client.get("/facilities/qamishli-finance-directorate/control")
    assert response.status_code == 200, response.text
    control = [p for p in response.json()["periods"] if p["holder"] == ASAYISH]
    assert control == _finance(body)


@pytest.mark.parametrize("name", ["asayish", ASAYISH, "الأسايش", "الاسايش", "Asayish"])
def test_an_actor_is_named_by_local_id_iri_or_label(client: httpx.Client, name: str) -> None:
    assert _holdings(client, name) == _holdings(client, "asayish")


@pytest.mark.parametrize(
    ("at", "held"),
    [
        ("2023-03-08", False),
        ("2023-03-09", True),
        ("2023-03-10", True),
        ("2023-03-11", True),
        ("2023-03-12", False),
    ],
)
def test_at_keeps_the_periods_that_include_the_day(client: httpx.Client, at: str, held: bool) -> None:
    body = _holdings(client, "asayish", at=at)
    assert body["at"] == at
    assert bool(_finance(body)) is held
    everything = _holdings(client, "asayish")["periods"]
    expected = [
        p
        for p in everything
        if (p["start"] is None or p["start"] <= at) and (p["end"] is None or at <= p["end"])
    ]
    assert body["periods"] == expected


def test_labels_follow_lang(client: httpx.Client) -> None:
    body = _holdings(client, "asayish", lang="ar")
    [period] = _finance(body)
    query = f"""PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT DISTINCT ?a ?f WHERE {{ <{ASAYISH}> skos:prefLabel ?a . <{FINANCE}> skos:prefLabel ?f .
  FILTER (LANG(?a) = "ar" && LANG(?f) = "ar") }}"""
    response = client.get("/sparql", params={"query": query})
    assert response.status_code == 200, response.text
    [row] = response.json()["results"]["bindings"]
    assert body["actor_label"] == row["a"]["value"] == "الأسايش"
    assert period["facility_label"] == row["f"]["value"]


def test_an_unknown_actor_is_404_naming_it(client: httpx.Client) -> None:
    response = client.get("/actors/no-such-actor-xyz/holdings")
    assert response.status_code == 404
    assert "no-such-actor-xyz" in response.json()["detail"]
    response = client.get("/actors/qamishli-finance-directorate/holdings")
    assert response.status_code == 404, "a facility is not an actor"


def test_a_bad_date_is_refused(client: httpx.Client) -> None:
    response = client.get("/actors/asayish/holdings", params={"at": "2023-02-30"})
    assert response.status_code == 422
    assert "at" in response.json()["detail"][0]["loc"]
