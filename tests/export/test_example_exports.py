"""The committed example exports (``examples/exports``, written by ``examples/exports/generate.py``) are
what the exporters produce: valid, lint-clean, loadable, and of the articles in ``examples/articles``."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import networkx as nx
import pytest
from lxml import etree

from conflictkg.export import lint_gexf
from conflictkg.settings import PROJECT_ROOT
from conflictkg.store import OxigraphStore

EXPORTS = PROJECT_ROOT / "examples" / "exports"
ARTICLES = sorted((PROJECT_ROOT / "examples" / "articles").glob("*.json"))


@pytest.mark.parametrize("name", ["examples.gexf", "examples.ar.gexf"])
def test_the_example_gexf_validates_and_is_lint_clean(name: str, gexf_schema: etree.RelaxNG) -> None:
    path = EXPORTS / name
    assert gexf_schema.validate(etree.parse(str(path))), gexf_schema.error_log
    assert lint_gexf(path) == []
    g = nx.read_gexf(path)
    assert any(d.get("kind") == "held" for _, _, d in g.edges(data=True))


def test_the_example_dumps_load_into_a_fresh_store_as_the_same_quads(tmp_path: Path) -> None:
    with OxigraphStore(tmp_path / "trig") as a, OxigraphStore(tmp_path / "nq") as b:
        a.load(EXPORTS / "examples.trig", format="trig")
        b.load(EXPORTS / "examples.nq", format="nquads")
        assert len(a) == len(b) > 1000
        assert a.graphs() == b.graphs()
        ids = {json.loads(p.read_text(encoding="utf-8"))["id"] for p in ARTICLES}
        assert {g.rsplit("graph-", 1)[-1] for g in a.graphs()} >= ids, "every example article is in the dump"
    doc = json.loads((EXPORTS / "examples.jsonld").read_text(encoding="utf-8"))
    assert len(doc["@graph"]) == len(ids) + 2, "the article graphs, the gazetteer and the ontology"


def test_the_example_csv_has_a_row_per_event_of_the_gexf() -> None:
    rows = list(csv.DictReader(io.StringIO((EXPORTS / "examples.csv").read_text(encoding="utf-8"))))
    g = nx.read_gexf(EXPORTS / "examples.gexf")
    events = [n for n, d in g.nodes(data=True) if d["type"] == "Event"]
    assert len(rows) == len(events) > 20
