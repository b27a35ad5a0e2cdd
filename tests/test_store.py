"""store.py: the embedded pyoxigraph store on disk (tmp_path), its transactions, queries and errors."""

from __future__ import annotations

import json
import re
import time
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from conflictkg import iri
from conflictkg.errors import ConfigurationError, InputError, QueryError, StoreError
from conflictkg.model import article_graph
from conflictkg.settings import Settings
from conflictkg.store import (
    GAZETTEER_GRAPH,
    ONTOLOGY_GRAPH,
    OxigraphStore,
    QueryResult,
    RemoteStore,
    open_store,
)
from data.model_samples import ASAYISH, FINANCE, seed_like

STAMP = datetime(2024, 1, 1, tzinfo=UTC)
G_A = iri.graph_iri("a000")
G_B = iri.graph_iri("b001")
EX = "http://example.org/"


def graph_a() -> Graph:
    return article_graph(seed_like("a000"), generated_at=STAMP)


def graph_b() -> Graph:
    return article_graph(seed_like("b001"), generated_at=STAMP)


def stored(store: OxigraphStore, graph_iri: str) -> Graph:
    g = Graph()
    g.parse(data=store.dump(format="ntriples", graph=graph_iri), format="nt")
    return g


@pytest.fixture
def store(tmp_path: Path) -> OxigraphStore:
    s = OxigraphStore(tmp_path / "store")
    yield s
    s.close()


def test_replace_graph_writes_the_graph_and_survives_reopening(tmp_path: Path) -> None:
    path = tmp_path / "store"
    with OxigraphStore(path) as s:
        s.replace_graph(G_A, graph_a())
        assert s.graphs() == [G_A]
        assert s.has_graph(G_A)
        assert not s.has_graph(G_B)
        assert len(s) == len(graph_a())
    assert (path / "CURRENT").is_file()  # a RocksDB directory on disk
    with OxigraphStore(path) as s:
        assert s.graphs() == [G_A]
        assert isomorphic(stored(s, G_A), graph_a())


def test_replacing_again_leaves_no_duplicates_and_drops_old_triples(store: OxigraphStore) -> None:
    store.replace_graph(G_A, graph_a())
    store.replace_graph(G_B, graph_b())
    n = len(store)
    store.replace_graph(G_A, graph_a())
    assert len(store) == n
    changed = graph_a()
    changed.remove((URIRef(iri.event_iri("a000", 1)), None, None))
    changed.add((URIRef(EX + "new"), URIRef(EX + "p"), Literal("x")))
    store.replace_graph(G_A, changed)
    assert isomorphic(stored(store, G_A), changed)
    assert isomorphic(stored(store, G_B), graph_b())  # the other article is untouched


class FailingHalfway(OxigraphStore):
    """Appends an operation that fails after the DROP and the INSERT DATA have run."""

    def replace_update(self, graph_iri: str, graph: Graph) -> str:
        return super().replace_update(graph_iri, graph) + f" ;\nCREATE GRAPH <{G_B}>"


def test_replace_graph_is_all_or_nothing_when_the_write_fails_halfway(tmp_path: Path) -> None:
    path = tmp_path / "store"
    with OxigraphStore(path) as s:
        s.replace_graph(G_A, graph_a())
        s.replace_graph(G_B, graph_b())
        before = s.dump(format="nquads")
    changed = Graph()
    changed.add((URIRef(EX + "new"), URIRef(EX + "p"), Literal("x")))
    with FailingHalfway(path) as s:
        with pytest.raises(QueryError, match="store is unchanged"):
            s.replace_graph(G_A, changed)
        assert s.dump(format="nquads") == before
    with OxigraphStore(path) as s:  # and so it is on disk
        assert s.dump(format="nquads") == before
        s.replace_graph(G_A, changed)  # the same write without the failing tail does change it
        assert s.dump(format="nquads") != before
        assert isomorphic(stored(s, G_A), changed)


def test_remove_graph(store: OxigraphStore) -> None:
    store.replace_graph(G_A, graph_a())
    store.replace_graph(G_B, graph_b())
    store.remove_graph(G_A)
    assert store.graphs() == [G_B]
    assert len(store) == len(graph_b())
    store.remove_graph(G_A)  # absent: nothing happens
    assert store.graphs() == [G_B]


def test_default_graph_is_the_union_of_named_graphs(store: OxigraphStore) -> None:
    store.replace_graph(G_A, graph_a())
    store.replace_graph(G_B, graph_b())
    r = store.query(
        "PREFIX ckg: <https://w3id.org/conflictkg/ontology#> "
        "SELECT ?e ?seq WHERE { ?e a ckg:Seizure ; ckg:agent ?a ; ckg:seq ?seq } ORDER BY ?e"
    )
    assert r.kind == "select"
    assert r.variables == ["e", "seq"]
    assert r.column("e") == [
        iri.event_iri("a000", 1),
        iri.event_iri("a000", 5),
        iri.event_iri("b001", 1),
        iri.event_iri("b001", 5),
    ]
    assert r.column("seq") == [1, 5, 1, 5]


def test_rows_as_python_values(store: OxigraphStore) -> None:
    store.update(
        f'INSERT DATA {{ GRAPH <{EX}g> {{ <{EX}s> <{EX}i> 3 ; <{EX}d> "2022-04-14"^^<http://www.w3.org/2001/'
        f'XMLSchema#date> ; <{EX}l> "قامشلي"@ar ; <{EX}x> 1.5 ; <{EX}b> true ; <{EX}n> _:b }} }}'
    )
    r = store.query(f"SELECT ?p ?o WHERE {{ <{EX}s> ?p ?o }} ORDER BY ?p")
    values = {row["p"].removeprefix(EX): row["o"] for row in r.rows}
    assert values["i"] == 3
    assert values["d"] == date(2022, 4, 14)
    assert values["l"] == "قامشلي"
    assert values["x"] == Decimal("1.5")
    assert values["b"] is True
    assert values["n"].startswith("_:")


def test_unbound_variables_are_none(store: OxigraphStore) -> None:
    store.replace_graph(G_A, graph_a())
    r = store.query(
        f"SELECT ?x ?missing WHERE {{ BIND(<{ASAYISH}> AS ?x) OPTIONAL {{ ?x <{EX}no> ?missing }} }}"
    )
    assert r.rows == [{"x": ASAYISH, "missing": None}]


def test_ask_and_construct_and_their_serialisations(store: OxigraphStore) -> None:
    store.replace_graph(G_A, graph_a())
    ask = store.query(f"ASK {{ ?e <https://w3id.org/conflictkg/ontology#targetFacility> <{FINANCE}> }}")
    assert ask.kind == "ask"
    assert ask.boolean is True
    assert json.loads(ask.serialize("json")) == {"head": {}, "boolean": True}
    assert b"<boolean>true</boolean>" in ask.serialize("xml")

    con = store.query(f"CONSTRUCT {{ <{ASAYISH}> ?p ?o }} WHERE {{ <{ASAYISH}> ?p ?o }}")
    assert con.kind == "construct"
    expected = Graph()
    for t in graph_a().triples((URIRef(ASAYISH), None, None)):
        expected.add(t)
    assert len(con) == len(expected)
    assert isomorphic(Graph().parse(data=con.serialize("turtle"), format="turtle"), expected)
    assert isomorphic(Graph().parse(data=con.serialize("ntriples"), format="nt"), expected)
    with pytest.raises(QueryError, match="cannot serialise a graph result as 'csv'"):
        con.serialize("csv")


def test_select_serialisations(store: OxigraphStore) -> None:
    store.replace_graph(G_A, graph_a())
    r = store.query(
        f"SELECT ?label WHERE {{ <{ASAYISH}> <http://www.w3.org/2004/02/skos/core#prefLabel> ?label }} "
        "ORDER BY ?label"
    )
    doc = json.loads(r.serialize("json"))
    assert doc["head"]["vars"] == ["label"]
    assert {b["label"]["value"]: b["label"]["xml:lang"] for b in doc["results"]["bindings"]} == {
        "Asayish": "en",
        "الأسايش": "ar",
    }
    assert r.serialize("csv").decode("utf-8").splitlines() == ["label", "Asayish", "الأسايش"]
    assert r.serialize("tsv").decode("utf-8").splitlines() == ["?label", '"Asayish"@en', '"الأسايش"@ar']
    assert b"<sparql" in r.serialize("xml")
    assert QueryResult.media_type("json") == "application/sparql-results+json"
    with pytest.raises(QueryError, match="use json, xml, csv or tsv"):
        r.serialize("turtle")


def test_malformed_sparql_raises_query_error_with_the_parser_message(store: OxigraphStore) -> None:
    with pytest.raises(QueryError, match=r"malformed SPARQL query: error at 1:\d+"):
        store.query("SELEC ?x WHERE { ?x ?p ?o }")
    with pytest.raises(QueryError, match="malformed SPARQL update"):
        store.update("INSERT DATA { <a> }")


def test_query_timeout_and_row_limit(store: OxigraphStore) -> None:
    g = Graph()
    for i in range(200):
        g.add((URIRef(f"{EX}s{i}"), URIRef(f"{EX}p"), Literal(i)))
    store.replace_graph(EX + "big", g)
    cross = "SELECT * WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f }"  # 8 million rows
    t0 = time.monotonic()
    with pytest.raises(QueryError, match=r"longer than the 0\.3 s limit"):
        store.query(cross, timeout=0.3)
    assert time.monotonic() - t0 < 3
    r = store.query(cross, max_rows=10)
    assert len(r) == 10
    assert r.truncated
    assert not store.query("SELECT * WHERE { ?a ?p ?b }", max_rows=1000).truncated


def test_second_open_of_a_locked_store_is_a_store_error(tmp_path: Path) -> None:
    path = tmp_path / "store"
    with (
        OxigraphStore(path),
        pytest.raises(StoreError, match=rf"store at {re.escape(str(path))} is locked.*another --store"),
    ):
        OxigraphStore(path)
    with OxigraphStore(path) as again:  # closing released the lock
        assert again.graphs() == []


def test_store_path_that_is_a_file_and_closed_store(tmp_path: Path) -> None:
    f = tmp_path / "file"
    f.write_text("x", encoding="utf-8")
    with pytest.raises(StoreError, match=rf"store path {re.escape(str(f))} is a file"):
        OxigraphStore(f)
    s = OxigraphStore(tmp_path / "s")
    s.close()
    s.close()  # closing twice is harmless
    with pytest.raises(StoreError, match="is closed"):
        s.graphs()


def test_load_bytes_and_files(store: OxigraphStore, tmp_path: Path) -> None:
    store.load(f'<{EX}a> <{EX}p> "1" .'.encode(), format="turtle", graph=EX + "g1")
    assert store.graphs() == [EX + "g1"]
    ds = Dataset()
    for t in graph_a():
        ds.graph(graph_a().identifier).add(t)
    trig = tmp_path / "a.trig"
    trig.write_text(ds.serialize(format="trig"), encoding="utf-8")
    store.load(trig)
    assert store.graphs() == sorted([EX + "g1", G_A])
    assert isomorphic(stored(store, G_A), graph_a())


def test_load_errors_leave_the_store_unchanged(store: OxigraphStore, tmp_path: Path) -> None:
    store.replace_graph(G_A, graph_a())
    before = store.dump()
    bad = tmp_path / "bad.ttl"
    bad.write_text(f'<{EX}a> <{EX}p> "1" .\n<{EX}b> <{EX}p> .\n', encoding="utf-8")
    with pytest.raises(InputError, match=rf"cannot parse {re.escape(str(bad))}.*nothing was loaded"):
        store.load(bad, graph=EX + "g")
    assert store.dump() == before
    with pytest.raises(InputError, match="not found"):
        store.load(tmp_path / "missing.ttl")
    with pytest.raises(InputError, match="needs a format"):
        store.load(b"<a> <b> <c> .")
    with pytest.raises(InputError, match="unknown RDF format 'yaml'"):
        store.load(b"x", format="yaml")


def test_dump_formats(store: OxigraphStore) -> None:
    store.replace_graph(G_A, graph_a())
    ds = Dataset()
    ds.parse(data=store.dump(format="trig"), format="trig")
    assert isomorphic(ds.graph(URIRef(G_A)), graph_a())
    with pytest.raises(InputError, match="holds one graph"):
        store.dump(format="turtle")


def test_ensure_reference_graphs_loads_and_replaces(store: OxigraphStore) -> None:
    gaz = Graph()
    gaz.add((URIRef(ASAYISH), URIRef(EX + "label"), Literal("v1")))
    onto = Graph()
    onto.add((URIRef(EX + "C"), URIRef(EX + "sub"), URIRef(EX + "D")))
    store.ensure_reference_graphs(gaz, onto)
    assert store.graphs() == sorted([GAZETTEER_GRAPH, ONTOLOGY_GRAPH])
    gaz2 = Graph()
    gaz2.add((URIRef(ASAYISH), URIRef(EX + "label"), Literal("v2")))
    store.ensure_reference_graphs(gaz2, onto)
    assert isomorphic(stored(store, GAZETTEER_GRAPH), gaz2)
    assert len(store) == 2


def test_open_store_from_settings(tmp_path: Path) -> None:
    settings = Settings(store_dir=tmp_path / "st")
    with open_store(settings) as s:
        s.replace_graph(G_A, graph_a())
    assert (tmp_path / "st").is_dir()
    with open_store(settings) as s:
        assert s.graphs() == [G_A]
    # A remote endpoint gives the remote store (tested against a real server in test_store_remote.py).
    with open_store(settings.with_(remote_endpoint="http://127.0.0.1:1/sparql")) as remote:
        assert isinstance(remote, RemoteStore)
        assert remote.update_endpoint == "http://127.0.0.1:1/update"
    with pytest.raises(ConfigurationError, match=r"not an http\(s\) URL"):
        open_store(settings.with_(remote_endpoint="127.0.0.1:7878/query"))


def test_in_memory_store() -> None:
    with OxigraphStore(None) as s:
        s.replace_graph(G_A, graph_a())
        assert s.path is None
        assert s.graphs() == [G_A]


def test_queries_may_use_the_project_prefixes_undeclared_and_override_them(tmp_path: Path) -> None:
    with OxigraphStore(tmp_path / "s") as store:
        store.update(
            "INSERT DATA { GRAPH <http://example.org/g> "
            "{ <http://example.org/a> a <https://w3id.org/conflictkg/ontology#Seizure> } }"
        )
        assert store.query("SELECT ?x WHERE { ?x a ckg:Seizure ; rdf:type ?t }").column("x") == [
            "http://example.org/a"
        ]
        assert (
            store.query("PREFIX ckg: <http://example.org/other#> SELECT ?x WHERE { ?x a ckg:Seizure }").rows
            == []
        )


def test_a_store_in_folders_that_do_not_exist_yet_is_created(tmp_path: Path) -> None:
    path = tmp_path / "data" / "deeper" / "store"
    with OxigraphStore(path) as store:
        store.update(
            "INSERT DATA { GRAPH <http://example.org/g> { <http://example.org/a> a <http://example.org/C> } }"
        )
    with OxigraphStore(path) as store:
        assert store.graphs() == ["http://example.org/g"]
