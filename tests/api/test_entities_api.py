"""``GET /entities?q=`` through a real uvicorn process: label search, Arabic spelling folded."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from conflictkg.namespace import CKR_NS

pytestmark = pytest.mark.slow

ASAYISH = {
    "id": f"{CKR_NS}asayish",
    "type": "Actor",
    "class": "SecurityService",
    "label_ar": "الأسايش",
    "label_en": "Asayish",
}


def _search(client: httpx.Client, **params: str) -> list[dict[str, Any]]:
    response = client.get("/entities", params=params)
    assert response.status_code == 200, response.text
    found: list[dict[str, Any]] = response.json()
    return found


@pytest.mark.parametrize("q", ["الأسايش", "الاسايش", "الأسَايش", "الأسـايش", "asayish", "ASAYISH"])
def test_spellings_of_a_label_find_the_entity(client: httpx.Client, q: str) -> None:
    assert ASAYISH in _search(client, q=q)


def test_the_results_are_what_the_labels_contain(client: httpx.Client) -> None:
    found = _search(client, q="القامشلي")
    assert found, "the gazetteer has facilities in Qamishli"
    ids = {e["id"] for e in found}
    assert f"{CKR_NS}qamishli" in ids
    assert f"{CKR_NS}qamishli-finance-directorate" in ids
    assert {e["type"] for e in found} <= {"Actor", "Facility", "Place"}
    assert next(e for e in found if e["id"] == f"{CKR_NS}qamishli-finance-directorate")["type"] == "Facility"
    assert [(e["label_en"] or e["label_ar"] or e["id"]).lower() for e in found] == sorted(
        (e["label_en"] or e["label_ar"] or e["id"]).lower() for e in found
    )


def test_an_empty_query_lists_every_entity_and_limit_cuts(client: httpx.Client) -> None:
    everything = _search(client)
    assert ASAYISH in everything
    assert len(everything) > 3
    assert _search(client, limit="3") == everything[:3]


def test_nothing_matches_nonsense(client: httpx.Client) -> None:
    assert _search(client, q="zzqqxx-no-such-label") == []


def test_a_bad_limit_is_refused(client: httpx.Client) -> None:
    assert client.get("/entities", params={"limit": "0"}).status_code == 422
