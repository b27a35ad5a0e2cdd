"""``/facilities`` through a real uvicorn process, checked against what the store itself holds.

The facilities with a timeline are the gazetteer's owned facilities (the owner holds them until an
article says otherwise) and every facility an ingested article seizes.
"""

from __future__ import annotations

from datetime import date
from typing import Any
from urllib.parse import quote

import httpx
import pytest

from conflictkg.namespace import CKG_NS, CKR_NS

pytestmark = pytest.mark.slow

#: Control periods the articles themselves support (opened by a seizure).
STORED_PERIODS = f"""PREFIX ckg: <{CKG_NS}>
SELECT ?facility ?holder ?startedBy WHERE {{
  ?p a ckg:ControlPeriod ; ckg:facility ?facility ; ckg:holder ?holder ; ckg:startedBy ?startedBy .
}}"""
OWNED = f"PREFIX ckg: <{CKG_NS}>\nSELECT DISTINCT ?facility ?owner WHERE {{ ?facility ckg:owner ?owner }}"


def _select(client: httpx.Client, query: str) -> list[dict[str, str]]:
    response = client.get("/sparql", params={"query": query})
    assert response.status_code == 200, response.text
    return [{k: v["value"] for k, v in r.items()} for r in response.json()["results"]["bindings"]]


def _listed(client: httpx.Client) -> list[dict[str, Any]]:
    response = client.get("/facilities")
    assert response.status_code == 200, response.text
    listed: list[dict[str, Any]] = response.json()
    assert listed, "the gazetteer's owned facilities have timelines: the list should not be empty"
    return listed


def _control(client: httpx.Client, name: str, **params: str) -> dict[str, Any]:
    response = client.get(f"/facilities/{name}/control", params=params)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def test_owned_and_seized_facilities_are_listed_with_labels(client: httpx.Client) -> None:
    listed = {f["id"]: f for f in _listed(client)}
    owned = {r["facility"] for r in _select(client, OWNED)}
    seized = {r["facility"] for r in _select(client, STORED_PERIODS)}
    assert owned, "the gazetteer names owners of facilities"
    assert owned | seized <= set(listed)
    for iri, f in listed.items():
        assert f["local_id"] == iri.removeprefix(CKR_NS)
        assert f["label_ar"] or f["label_en"], iri
        assert f["periods"] >= 1
    assert all(listed[iri]["changes"] >= 1 for iri in seized)


def test_control_timeline_starts_with_the_owner_and_holds_every_supported_holder(
    client: httpx.Client,
) -> None:
    owners = {r["facility"]: r["owner"] for r in _select(client, OWNED)}
    stored = _select(client, STORED_PERIODS)
    for f in _listed(client):
        body = _control(client, f["local_id"])
        periods = body["periods"]
        assert body["facility"] == f["id"]
        assert len(periods) == f["periods"]
        assert all(p["facility"] == f["id"] for p in periods)
        if f["id"] in owners:
            assert periods[0]["holder"] == owners[f["id"]] and periods[0]["start"] is None
        started = {(p["holder"], p["started_by"]) for p in periods}
        assert {(p["holder"], p["startedBy"]) for p in stored if p["facility"] == f["id"]} <= started


def test_facility_by_local_id_full_iri_and_label_is_the_same_facility(client: httpx.Client) -> None:
    for facility in _listed(client)[:3]:
        by_local = _control(client, facility["local_id"])
        for name in (facility["id"], facility["label_ar"], facility["label_en"]):
            if name:
                assert _control(client, quote(name, safe="")) == by_local, name


def test_labels_in_the_language_asked(client: httpx.Client) -> None:
    facility = next(f for f in _listed(client) if f["label_ar"] and f["label_en"])
    assert _control(client, facility["local_id"], lang="ar")["facility_label"] == facility["label_ar"]
    assert _control(client, facility["local_id"], lang="en")["facility_label"] == facility["label_en"]


def test_holder_on_a_date_is_the_period_holding_it_then(client: httpx.Client) -> None:
    for facility in _listed(client):
        for period in _control(client, facility["local_id"])["periods"]:
            at = period["start"] or period["end"] or "2000-01-01"
            response = client.get(f"/facilities/{facility['local_id']}/holder", params={"at": at})
            assert response.status_code == 200, response.text
            body = response.json()
            assert body["at"] == at and body["facility"] == facility["id"]
            assert period["holder"] in {h["holder"] for h in body["holders"]}
            for h in body["holders"]:
                assert h["start"] is None or date.fromisoformat(h["start"]) <= date.fromisoformat(at)
                assert h["end"] is None or date.fromisoformat(h["end"]) >= date.fromisoformat(at)


def test_unknown_facility_is_404_naming_it(client: httpx.Client) -> None:
    for name in ("no-such-facility-anywhere", quote(f"{CKR_NS}no-such-facility-anywhere", safe="")):
        for path in (f"/facilities/{name}/control", f"/facilities/{name}/holder?at=2023-01-01"):
            response = client.get(path)
            assert response.status_code == 404, path
            assert "no-such-facility-anywhere" in response.json()["detail"]


def test_holder_needs_a_valid_date(client: httpx.Client) -> None:
    local = _listed(client)[0]["local_id"]
    assert client.get(f"/facilities/{local}/holder", params={"at": "14 April"}).status_code == 422
    assert client.get(f"/facilities/{local}/holder").status_code == 422
