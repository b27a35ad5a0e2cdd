"""GraphML: the graph of the GEXF export, static, with one edge per control period."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest
from export_helpers import exported, parse_gexf

from conflictkg.store import OxigraphStore


@pytest.fixture(scope="module")
def graphml(real_store: OxigraphStore, tmp_path_factory: pytest.TempPathFactory) -> nx.MultiDiGraph:
    path: Path = tmp_path_factory.mktemp("graphml") / "g.graphml"
    path.write_bytes(exported(real_store, "graphml"))
    return nx.read_graphml(path, force_multigraph=True)


def test_networkx_reads_the_same_nodes_as_the_gexf(
    graphml: nx.MultiDiGraph, real_store: OxigraphStore
) -> None:
    gexf = parse_gexf(exported(real_store, "gexf"))
    assert set(graphml.nodes) == set(gexf.nodes)
    for node_id, node in gexf.nodes.items():
        data = graphml.nodes[node_id]
        assert data["iri"] == node.values["iri"] and data["type"] == node.values["type"]
        assert data["label"] == node.label
        assert data.get("start") == (node.start.isoformat() if node.start else None)


def test_one_edge_per_spell_with_start_and_end(graphml: nx.MultiDiGraph, real_store: OxigraphStore) -> None:
    gexf = parse_gexf(exported(real_store, "gexf"))
    assert graphml.number_of_edges() == sum(max(1, len(e.spells)) for e in gexf.edges)
    expected = sorted(
        (e.source, e.target, e.kind, s.isoformat() if s else "", t.isoformat() if t else "")
        for e in gexf.edges
        for s, t in (e.spells or [(None, None)])
    )
    found = sorted(
        (u, v, d["kind"], d.get("start", ""), d.get("end", "")) for u, v, d in graphml.edges(data=True)
    )
    assert found == expected
    assert all(d["weight"] >= 1 for _, _, d in graphml.edges(data=True))


def test_the_graphml_is_deterministic_and_follows_the_filters(real_store: OxigraphStore) -> None:
    assert exported(real_store, "graphml") == exported(real_store, "graphml")
    only_actors = exported(real_store, "graphml", types=("Actor",))
    assert b">Facility<" not in only_actors and b">Actor<" in only_actors
