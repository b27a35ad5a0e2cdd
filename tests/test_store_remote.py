"""store.py: the remote store against a real ``oxigraph serve``, and the same checks on the embedded store.

Why both: callers (ingest, timeline, the API) must not be able to tell the stores apart, so every
behavioural check below runs on each backend (the ``store`` fixture is parametrised), and the checks that
compare results run the same work on both and compare what comes out.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic

from conflictkg import iri
from conflictkg.articles import article_from_text
from conflictkg.cli import build_extractor, build_validator, prepare_store
from conflictkg.errors import InputError, QueryError, StoreError
from conflictkg.extract import Extractor
from conflictkg.ingest import ingest
from conflictkg.model import article_graph
from conflictkg.settings import Settings
from conflictkg.store import OxigraphStore, RemoteStore, Store, open_store, replace_update
from conflictkg.timeline import facility_timeline, holders
from conflictkg.validate import Validator
from data.model_samples import ASAYISH, FINANCE, GOVERNMENT, seed_like
from sparql_server import OxigraphServer, free_port

STAMP = datetime(2024, 1, 1, tzinfo=UTC)
G_A = iri.graph_iri("a000")
G_B = iri.graph_iri("b001")
EX = "http://example.org/"
SEED = Path(__file__).resolve().parents[1].parent / "shared" / "seed" / "article.txt"
SEED_PUBLISHED = date(2022, 4, 14)
BACKENDS = ["embedded", "remote"]


def graph_a() -> Graph:
    return article_graph(seed_like("a000"), generated_at=STAMP)


def graph_b() -> Graph:
    return article_graph(seed_like("b001"), generated_at=STAMP)


def stored(store: Store, graph_iri: str) -> Graph:
    g = Graph()
    g.parse(data=store.dump(format="ntriples", graph=graph_iri), format="nt")
    return g


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OxigraphServer]:
    with OxigraphServer(tmp_path_factory.mktemp("oxigraph") / "data") as running:
        yield running


def _remote(server: OxigraphServer) -> RemoteStore:
    store = RemoteStore(server.query_endpoint)
    store.update("DROP ALL")  # one server for the session: every test starts from an empty dataset
    assert store.graphs() == [] and len(store) == 0
    return store


def _open(kind: str, server: OxigraphServer, tmp_path: Path) -> Store:
    return OxigraphStore(tmp_path / "store") if kind == "embedded" else _remote(server)


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest, server: OxigraphServer, tmp_path: Path) -> Iterator[Store]:
    s = _open(request.param, server, tmp_path)
    yield s
    s.close()


@pytest.fixture
def both(server: OxigraphServer, tmp_path: Path) -> Iterator[tuple[Store, Store]]:
    embedded, remote = OxigraphStore(tmp_path / "store"), _remote(server)
    yield embedded, remote
    embedded.close()
    remote.close()


# ------------------------------------------------------------------------------- the same on both stores
def test_replace_graph_replaces_and_leaves_other_graphs(store: Store) -> None:
    store.replace_graph(G_A, graph_a())
    store.replace_graph(G_B, graph_b())
    n = len(store)
    assert n == len(graph_a()) + len(graph_b())
    store.replace_graph(G_A, graph_a())
    assert len(store) == n  # no duplicates
    changed = graph_a()
    changed.remove((URIRef(iri.event_iri("a000", 1)), None, None))
    changed.add((URIRef(EX + "new"), URIRef(EX + "p"), Literal("x", lang="ar")))
    store.replace_graph(G_A, changed)
    assert isomorphic(stored(store, G_A), changed)
    assert isomorphic(stored(store, G_B), graph_b())


def test_one_update_request_is_all_or_nothing(store: Store) -> None:
    store.replace_graph(G_A, graph_a())
    store.replace_graph(G_B, graph_b())
    before = store.dump(format="nquads")
    changed = Graph()
    changed.add((URIRef(EX + "new"), URIRef(EX + "p"), Literal("x")))
    failing = replace_update(G_A, changed) + f" ;\nCREATE GRAPH <{G_B}>"  # G_B exists: fails after the write
    with pytest.raises((QueryError, StoreError), match=rf"graph <{G_B}> already exists"):
        store.update(failing)  # the embedded store calls it refused, Oxigraph server answers HTTP 500
    assert sorted(store.dump(format="nquads").splitlines()) == sorted(before.splitlines())


def test_graphs_listed_has_graph_and_remove(store: Store) -> None:
    assert store.graphs() == []
    store.replace_graph(G_B, graph_b())
    store.replace_graph(G_A, graph_a())
    assert store.graphs() == sorted([G_A, G_B])
    assert store.has_graph(G_A) and not store.has_graph(iri.graph_iri("zzz"))
    store.remove_graph(G_A)
    store.remove_graph(G_A)  # absent: nothing happens
    assert store.graphs() == [G_B]
    assert len(store) == len(graph_b())


def test_the_default_graph_is_the_union_of_the_named_graphs(store: Store) -> None:
    one, two = Graph(), Graph()
    one.add((URIRef(EX + "s"), URIRef(EX + "p"), Literal(1)))
    two.add((URIRef(EX + "s"), URIRef(EX + "q"), Literal(date(2022, 4, 14))))
    store.replace_graph(EX + "g1", one)
    store.replace_graph(EX + "g2", two)
    rows = store.query(f"SELECT ?n ?d WHERE {{ <{EX}s> <{EX}p> ?n ; <{EX}q> ?d }}").rows
    assert rows == [{"n": 1, "d": date(2022, 4, 14)}]
    assert store.query(f"ASK {{ GRAPH <{EX}g1> {{ <{EX}s> <{EX}q> ?d }} }}").boolean is False


def test_default_prefixes_unless_the_query_declares_its_own(store: Store) -> None:
    store.replace_graph(G_A, graph_a())
    labels = store.query(f"SELECT ?l WHERE {{ <{FINANCE}> skos:prefLabel ?l }}").column("l")
    assert labels and all(isinstance(v, str) for v in labels)
    assert store.query(f"ASK {{ <{ASAYISH}> a ?c . ?c rdfs:subClassOf* ckg:Actor }}").boolean is not None
    own = f"PREFIX skos: <{EX}not-skos#>\nSELECT ?l WHERE {{ <{FINANCE}> skos:prefLabel ?l }}"
    assert store.query(own).rows == []  # the query's own PREFIX wins
    with pytest.raises(QueryError, match=r"error at 1:\d+: .*Prefix not found"):  # an update declares its own
        store.update(f"INSERT DATA {{ GRAPH <{EX}g> {{ <{EX}x> skos:prefLabel 'x'@en }} }}")
    store.update(f"PREFIX skos: <{EX}s#> INSERT DATA {{ GRAPH <{EX}g> {{ <{EX}x> skos:prefLabel 'x' }} }}")
    assert store.query(f"SELECT ?l WHERE {{ <{EX}x> <{EX}s#prefLabel> ?l }}").column("l") == ["x"]


def test_a_malformed_query_gives_the_parsers_message_at_the_callers_line(store: Store) -> None:
    with pytest.raises(QueryError, match=r"error at 2:9: expected") as caught:
        store.query("SELECT * WHERE {\n ?s ?p }")
    assert "SERVICE" in str(caught.value)  # the parser's own words (what it expected)
    with pytest.raises(QueryError, match=r"error at 1:12: expected DATA"):
        store.update("INSERT DAT { }")


def test_construct_gives_triples(store: Store) -> None:
    store.replace_graph(G_A, graph_a())
    result = store.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{G_A}> {{ ?s ?p ?o }} }}")
    assert result.kind == "construct"
    assert all(isinstance(t, ox.Triple) for t in result.triples)
    back = Graph()
    back.parse(data=result.serialize("ntriples"), format="nt")
    assert isomorphic(back, graph_a())
    described = store.query(f"DESCRIBE <{FINANCE}>")
    assert described.kind == "construct" and len(described) > 0


def test_select_ask_and_max_rows(store: Store) -> None:
    store.replace_graph(G_A, graph_a())
    result = store.query("SELECT ?s WHERE { ?s ?p ?o }", max_rows=3)
    assert result.kind == "select" and len(result) == 3 and result.truncated
    full = store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    assert full.rows == [{"n": len(graph_a())}] and not full.truncated
    assert store.query("ASK { ?s a ckg:NewsArticle }").boolean is True
    assert store.query("ASK { ?s a ckg:NoSuchClass }").boolean is False


def test_load_and_dump_round_trip(store: Store, tmp_path: Path) -> None:
    trig = (
        f'<{EX}a> <{EX}p> <{EX}b> .\n<{EX}g> {{ <{EX}a> <{EX}label> "قامشلي"@ar . <{EX}a> <{EX}n> 3 . }}\n'
    ).encode()
    store.load(trig, format="trig")
    assert store.graphs() == [f"{EX}g"]
    assert len(store) == 3
    path = tmp_path / "one.ttl"
    path.write_text(f"<{EX}c> <{EX}p> <{EX}d> .\n", encoding="utf-8")
    store.load(path, graph=f"{EX}h")
    assert store.graphs() == [f"{EX}g", f"{EX}h"]
    expected = {
        f"<{EX}a> <{EX}p> <{EX}b> .",
        f'<{EX}a> <{EX}label> "قامشلي"@ar <{EX}g> .',
        f'<{EX}a> <{EX}n> "3"^^<http://www.w3.org/2001/XMLSchema#integer> <{EX}g> .',
        f"<{EX}c> <{EX}p> <{EX}d> <{EX}h> .",
    }
    assert set(store.dump(format="nquads").decode().splitlines()) == expected
    assert store.dump(format="ntriples", graph=f"{EX}h").decode().strip() == f"<{EX}c> <{EX}p> <{EX}d> ."
    with pytest.raises(InputError, match="name the graph"):
        store.dump(format="turtle")


def test_a_malformed_file_loads_nothing(store: Store) -> None:
    with pytest.raises(InputError, match=r"cannot parse the given bytes as"):
        store.load(f"<{EX}a> <{EX}p> <{EX}b> .\n<{EX}a> <{EX}p> .\n".encode(), format="turtle")
    assert len(store) == 0


def test_a_closed_store_says_so(store: Store) -> None:
    store.close()
    with pytest.raises(StoreError, match=r"closed: open it again"):
        store.graphs()


# ------------------------------------------------------------------------------ the same answers on both
def test_both_stores_answer_a_query_alike(both: tuple[Store, Store]) -> None:
    for s in both:
        s.replace_graph(G_A, graph_a())
        s.replace_graph(G_B, graph_b())
    query = "SELECT ?e ?type ?l WHERE { ?e a ?type ; skos:prefLabel ?l } ORDER BY ?e ?type ?l"
    embedded, remote = (s.query(query) for s in both)
    assert len(embedded) > 5
    assert remote.variables == embedded.variables
    assert remote.bindings == embedded.bindings
    assert remote.serialize("json") == embedded.serialize("json")


@pytest.fixture(scope="module")
def pipeline() -> tuple[Settings, Extractor, Validator]:
    settings = Settings()
    return settings, build_extractor(settings), build_validator(settings)


def test_the_seed_article_gives_the_same_holders_on_both(
    both: tuple[Store, Store], pipeline: tuple[Settings, Extractor, Validator]
) -> None:
    settings, extractor, validator = pipeline
    article = article_from_text(SEED.read_text(encoding="utf-8"), where=str(SEED), published=SEED_PUBLISHED)
    timelines = []
    for s in both:
        prepare_store(s, settings)
        report = ingest([article], extractor=extractor, store=s, validator=validator, generated_at=STAMP)
        assert report.ok, report.summary()
        periods = [p.to_json() for p in facility_timeline(s, FINANCE)]
        at = {str(d): [p.to_json() for p in holders(s, FINANCE, d)] for d in (None, date(2022, 4, 13))}
        timelines.append((periods, at))
    (embedded, embedded_at), (remote, remote_at) = timelines
    # the seizure by the Asayish and their withdrawal the same day, between two government periods
    assert [(p["holder"], p["start"], p["end"]) for p in embedded] == [
        (GOVERNMENT, None, "2022-04-14"),
        (ASAYISH, "2022-04-14", "2022-04-14"),
        (GOVERNMENT, "2022-04-14", None),
    ]
    assert remote == embedded
    assert remote_at == embedded_at and [p["holder"] for p in remote_at["2022-04-13"]] == [GOVERNMENT]
    assert both[1].graphs() == both[0].graphs()
    assert len(both[1]) == len(both[0])


# --------------------------------------------------------------------------------- remote-only behaviour
def test_open_store_gives_the_remote_store_from_settings(server: OxigraphServer, tmp_path: Path) -> None:
    settings = Settings(store_dir=tmp_path / "unused", remote_endpoint=server.query_endpoint)
    with open_store(settings) as s:
        assert isinstance(s, RemoteStore)
        assert s.update_endpoint == server.update_endpoint
        s.update("DROP ALL")
        s.replace_graph(G_A, graph_a())
        assert s.graphs() == [G_A]
    assert not (tmp_path / "unused").exists()


def test_a_server_that_is_down_gives_a_clear_store_error() -> None:
    endpoint = f"http://127.0.0.1:{free_port()}/query"
    with RemoteStore(endpoint) as s:
        with pytest.raises(
            StoreError, match=rf"cannot reach the SPARQL server at {endpoint}.*start the server"
        ):
            s.query("ASK { }")
        with pytest.raises(StoreError, match=r"cannot reach the SPARQL server at .*/update"):
            s.replace_graph(G_A, graph_a())


def test_a_server_that_does_not_answer_times_out_as_store_error() -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as silent:  # accepts connections, never answers
        silent.bind(("127.0.0.1", 0))
        silent.listen(4)
        endpoint = f"http://127.0.0.1:{silent.getsockname()[1]}/query"
        with RemoteStore(endpoint, timeout=0.5) as s:
            with pytest.raises(
                StoreError, match=rf"{endpoint} did not answer listing the graphs within 0.5 s"
            ):
                s.graphs()
            with pytest.raises(QueryError, match=r"longer than the 0.3 s limit"):
                s.query("ASK { }", timeout=0.3)


def test_an_endpoint_that_is_not_sparql_is_named(server: OxigraphServer) -> None:
    with (
        RemoteStore(server.base + "/nowhere", update_endpoint=server.base + "/nowhere") as s,
        pytest.raises(StoreError, match=r"/nowhere failed the query \(HTTP 404\)"),
    ):
        s.query("ASK { }")
