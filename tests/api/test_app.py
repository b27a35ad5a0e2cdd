"""``create_app``: settings come from the ``get_settings`` dependency, the lifespan opens and closes the
store. In-process (TestClient) on a real store on disk: what is checked here is the wiring, not HTTP."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from conflictkg.api.app import create_app
from conflictkg.api.dependencies import get_settings
from conflictkg.errors import StoreError
from conflictkg.settings import Settings
from conflictkg.store import open_store

TRIG = """@prefix ckr: <https://w3id.org/conflictkg/id/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
ckr:graph-one { ckr:x skos:prefLabel "one"@en . }
ckr:graph-two { ckr:y skos:prefLabel "two"@en . }
"""


@pytest.fixture
def store_dir(tmp_path: Path) -> Path:
    """A store on disk with two named graphs, loaded from a TriG file."""
    data = tmp_path / "data.trig"
    data.write_text(TRIG, encoding="utf-8")
    settings = Settings(store_dir=tmp_path / "store")
    with open_store(settings) as store:
        store.load(data)
    return settings.store_dir


def test_the_given_settings_choose_the_store(store_dir: Path, tmp_path: Path) -> None:
    with TestClient(create_app(Settings(store_dir=store_dir))) as client:
        assert client.get("/health").json()["graphs"] == 2
    with TestClient(create_app(Settings(store_dir=tmp_path / "empty"))) as client:
        assert client.get("/health").json()["graphs"] == 0


def test_overriding_get_settings_chooses_the_store(store_dir: Path, tmp_path: Path) -> None:
    app = create_app(Settings(store_dir=tmp_path / "not-this-one"))
    app.dependency_overrides[get_settings] = lambda: Settings(store_dir=store_dir)
    with TestClient(app) as client:
        labels = client.get("/sparql", params={"query": "SELECT ?l WHERE { ?s ?p ?l } ORDER BY ?l"}).json()
    assert [b["l"]["value"] for b in labels["results"]["bindings"]] == ["one", "two"]
    assert not (tmp_path / "not-this-one").exists()


def test_the_store_is_held_while_serving_and_released_on_shutdown(store_dir: Path) -> None:
    settings = Settings(store_dir=store_dir)
    with TestClient(create_app(settings)) as client:
        assert client.get("/health").status_code == 200
        with pytest.raises(StoreError, match="locked"):
            open_store(settings)
    with open_store(settings) as store:
        assert len(store.graphs()) == 2


def test_query_limits_come_from_the_settings(store_dir: Path) -> None:
    settings = Settings(store_dir=store_dir, max_result_rows=1)
    with TestClient(create_app(settings)) as client:
        response = client.get("/sparql", params={"query": "SELECT ?s WHERE { ?s ?p ?o }"})
    assert len(response.json()["results"]["bindings"]) == 1
    assert response.headers["x-conflictkg-truncated"] == "cut at 1 results"


def test_updates_with_the_configured_token_only(store_dir: Path) -> None:
    update = "DROP GRAPH <https://w3id.org/conflictkg/id/graph-two>"
    with TestClient(create_app(Settings(store_dir=store_dir, update_token="s3cret"))) as client:
        wrong = client.post("/sparql", data={"update": update}, headers={"Authorization": "Bearer nope"})
        assert wrong.status_code == 401
        assert client.get("/health").json()["graphs"] == 2
        right = client.post("/sparql", data={"update": update}, headers={"Authorization": "Bearer s3cret"})
        assert right.status_code == 204
        assert client.get("/health").json()["graphs"] == 1
