"""The GEXF export of real articles: valid 1.3, lint-clean, readable by networkx, and saying what the
store says (node and edge counts by SPARQL, holders by ``timeline.holders``)."""

from __future__ import annotations

import itertools
from datetime import date, timedelta
from pathlib import Path

import networkx as nx
import pytest
from export_helpers import exported, parse_gexf
from lxml import etree

from conflictkg import timeline
from conflictkg.export import ExportFormat, lint_gexf
from conflictkg.namespace import CKG_NS, CKR_NS
from conflictkg.store import OxigraphStore

PREFIXES = f"""PREFIX ckg: <{CKG_NS}>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX geo: <http://www.opengis.net/ont/geosparql#>
"""
#: The spec of role edges, written out independently of the exporter: property -> edge kind.
ROLE_SPEC = """VALUES (?p ?k) {
  (ckg:agent "agent") (ckg:besieger "besieger") (ckg:besieged "besieged") (ckg:mediator "mediator")
  (ckg:party "party") (ckg:speaker "speaker") (ckg:targetFacility "target") (ckg:targetPlace "target")
  (ckg:patient "target") (ckg:place "place") (ckg:venue "venue") }"""
NODE_PATTERN = (
    "{v} a ?c_{n} . ?c_{n} rdfs:subClassOf* ?top_{n} . "
    "VALUES ?top_{n} {{ ckg:Actor ckg:Facility ckg:Place ckg:Event }}"
)
FINANCE = CKR_NS + "qamishli-finance-directorate"
ASAYISH = CKR_NS + "asayish"
GOVERNMENT = CKR_NS + "syrian-government"
SEED_DAY = date(2022, 4, 14)


@pytest.fixture(scope="module")
def gexf(real_store: OxigraphStore) -> bytes:
    return exported(real_store, ExportFormat.GEXF)


def count(store: OxigraphStore, body: str) -> int:
    rows = store.query(PREFIXES + f"SELECT (COUNT(*) AS ?n) WHERE {{ {body} }}").rows
    return int(rows[0]["n"])


def test_it_validates_against_the_gexf_1_3_relax_ng_schema(gexf: bytes, gexf_schema: etree.RelaxNG) -> None:
    doc = etree.fromstring(gexf)
    assert gexf_schema.validate(doc), gexf_schema.error_log
    assert doc.tag == "{http://gexf.net/1.3}gexf" and doc.get("version") == "1.3"


def test_arabic_labels_validate_too(real_store: OxigraphStore, gexf_schema: etree.RelaxNG) -> None:
    doc = etree.fromstring(exported(real_store, "gexf", lang="ar"))
    assert gexf_schema.validate(doc), gexf_schema.error_log


def test_the_graph_is_dynamic_by_date_intervals_without_schema_location(gexf: bytes) -> None:
    doc = parse_gexf(gexf)
    graph = doc.graph
    assert (graph.get("mode"), graph.get("timeformat"), graph.get("timerepresentation")) == (
        "dynamic",
        "date",
        "interval",
    )
    assert graph.get("defaultedgetype") == "directed"
    assert not any("schemaLocation" in k for k in doc.root.attrib)
    assert b"xsi:" not in gexf


def test_the_lint_finds_nothing_wrong(gexf: bytes) -> None:
    assert lint_gexf(gexf) == []


def test_networkx_reads_it_back_with_every_node_and_edge(gexf: bytes, tmp_path: Path) -> None:
    path = tmp_path / "g.gexf"
    path.write_bytes(gexf)
    g = nx.read_gexf(path)
    doc = parse_gexf(gexf)
    assert g.is_directed()
    assert g.number_of_nodes() == len(doc.nodes)
    assert g.number_of_edges() == len(doc.edges)
    asayish = g.nodes["asayish"]
    assert asayish["iri"] == ASAYISH and asayish["type"] == "Actor" and asayish["label"] == "Asayish"
    kinds = {d["kind"] for _, _, d in g.edges(data=True)}
    assert {"held", "agent", "target", "located-in", "mediator"} <= kinds


def iris(store: OxigraphStore, var: str, body: str) -> set[str]:
    rows = store.query(PREFIXES + f"SELECT DISTINCT ?{var} WHERE {{ {body} FILTER(isIRI(?{var})) }}").rows
    return {str(r[var]) for r in rows}


def told(store: OxigraphStore) -> set[str]:
    """What an article tells of, written out independently of the exporter: events, their role fillers
    and the holders and facilities of the timeline, then what those lie in or belong to."""
    found = iris(store, "e", "?e a ?c . ?c rdfs:subClassOf* ckg:Event .")
    found |= iris(
        store,
        "x",
        f"{ROLE_SPEC} ?e ?p ?x . ?e a ?ec . ?ec rdfs:subClassOf* ckg:Event . "
        + NODE_PATTERN.format(v="?x", n=3),
    )
    found |= {iri for ps in timeline.timelines(store).values() for p in ps for iri in (p.holder, p.facility)}
    up = store.query(
        PREFIXES
        + "SELECT DISTINCT ?a ?b WHERE { ?a geo:sfWithin|org:subOrganizationOf ?b . FILTER(?a != ?b) "
        + NODE_PATTERN.format(v="?b", n=2)
        + " }"
    ).rows
    parents: dict[str, set[str]] = {}
    for r in up:
        parents.setdefault(str(r["a"]), set()).add(str(r["b"]))
    todo = list(found)
    while todo:
        for b in parents.get(todo.pop(), set()) - found:
            found.add(b)
            todo.append(b)
    return found


def test_the_nodes_are_what_the_articles_tell_of(gexf: bytes, real_store: OxigraphStore) -> None:
    expected = told(real_store)
    everything = iris(real_store, "x", NODE_PATTERN.format(v="?x", n=1))
    doc = parse_gexf(gexf)
    assert {doc.iri_of(n) for n in doc.nodes} == expected
    assert int(doc.root.find(".//{http://gexf.net/1.3}nodes").get("count")) == len(expected)
    assert len(everything - expected) > 100  # the gazetteer's untold towns are left out
    by_type = {t: sum(n.values["type"] == t for n in doc.nodes.values()) for t in ("Actor", "Event")}
    events = count(real_store, "SELECT DISTINCT ?e WHERE { ?e a ?c . ?c rdfs:subClassOf* ckg:Event }")
    assert by_type["Event"] == events > 10
    assert by_type["Actor"] > 5


def test_role_and_containment_edge_counts_equal_the_sparql_counts(
    gexf: bytes, real_store: OxigraphStore
) -> None:
    drawn = told(real_store)
    roles = count(
        real_store,
        f"SELECT DISTINCT ?e ?k ?x WHERE {{ {ROLE_SPEC} ?e ?p ?x . "
        "?e a ?ec . ?ec rdfs:subClassOf* ckg:Event . " + NODE_PATTERN.format(v="?x", n=3) + " }",
    )
    both = NODE_PATTERN.format(v="?a", n=1) + " " + NODE_PATTERN.format(v="?b", n=2)

    def pairs(prop: str) -> int:
        rows = real_store.query(
            PREFIXES + f"SELECT DISTINCT ?a ?b WHERE {{ ?a {prop} ?b . FILTER(?a != ?b) {both} }}"
        ).rows
        return sum(str(r["a"]) in drawn and str(r["b"]) in drawn for r in rows)

    kinds = [e.kind for e in parse_gexf(gexf).edges]
    role_kinds = {"agent", "besieger", "besieged", "mediator", "party", "speaker", "target", "place", "venue"}
    assert sum(k in role_kinds for k in kinds) == roles > 0
    assert kinds.count("located-in") == pairs("geo:sfWithin") > 0
    assert kinds.count("part-of") == pairs("org:subOrganizationOf")


def test_one_held_edge_per_holder_and_facility_of_the_timeline(
    gexf: bytes, real_store: OxigraphStore
) -> None:
    doc = parse_gexf(gexf)
    pairs = {(p.holder, p.facility) for ps in timeline.timelines(real_store).values() for p in ps}
    held = [(doc.iri_of(e.source), doc.iri_of(e.target)) for e in doc.edges if e.kind == "held"]
    assert len(held) == len(set(held))
    assert set(held) == pairs
    assert int(doc.root.find(".//{http://gexf.net/1.3}edges").get("count")) == len(doc.edges)


def test_the_holder_implied_by_the_spells_equals_holders_at(gexf: bytes, real_store: OxigraphStore) -> None:
    doc = parse_gexf(gexf)
    held = [e for e in doc.edges if e.kind == "held"]
    facilities = sorted({doc.iri_of(e.target) for e in held})
    days = [
        SEED_DAY - timedelta(days=1),
        SEED_DAY,
        SEED_DAY + timedelta(days=1),
        date(2023, 3, 10),
        date(2030, 1, 1),
    ]
    checked = 0
    for facility in facilities:
        for day in days:
            expected = {p.holder for p in timeline.holders(real_store, facility, day)}
            implied = {
                doc.iri_of(e.source) for e in held if doc.iri_of(e.target) == facility and e.exists_on(day)
            }
            assert implied == expected, (facility, day)
            checked += 1
    assert checked >= 5 * 10
    on_the_day = {
        doc.iri_of(e.source) for e in held if doc.iri_of(e.target) == FINANCE and e.exists_on(SEED_DAY)
    }
    assert on_the_day == {GOVERNMENT, ASAYISH}
    before = {
        doc.iri_of(e.source)
        for e in held
        if doc.iri_of(e.target) == FINANCE and e.exists_on(SEED_DAY - timedelta(1))
    }
    assert before == {GOVERNMENT}


def test_periods_of_one_pair_are_merged_into_non_overlapping_spells(
    gexf: bytes, real_store: OxigraphStore
) -> None:
    doc = parse_gexf(gexf)
    periods = [p for p in timeline.facility_timeline(real_store, FINANCE) if p.holder == GOVERNMENT]
    edge = next(e for e in doc.edges if e.id == "held|syrian-government|qamishli-finance-directorate")
    # the owner until the seed's seizure and again from its withdrawal the same day: those two share a day
    assert len(edge.spells) < len(periods)
    lo = [s or date.min for s, _ in edge.spells]
    assert lo == sorted(lo)
    assert all(
        a_end is not None and a_end < (b_start or date.min)
        for (_, a_end), (b_start, _) in itertools.pairwise(edge.spells)
    )
    for p in periods:  # every period lies inside one spell, and every spell end is a period end
        assert any(
            (s is None or (p.start and s <= p.start)) and (t is None or (p.end and p.end <= t))
            for s, t in edge.spells
        ), p
    assert {s for s, _ in edge.spells} <= {p.start for p in periods}
    assert {t for _, t in edge.spells} <= {p.end for p in periods}
    assert edge.spells[0] == (None, edge.spells[0][1]) and edge.spells[-1][1] is None
    asayish = next(e for e in doc.edges if e.id == "held|asayish|qamishli-finance-directorate")
    assert asayish.spells[0] == (SEED_DAY, SEED_DAY)


def test_sources_are_dynamic_values_aligned_with_the_spells(gexf: bytes) -> None:
    doc = parse_gexf(gexf)
    dynamic = doc.root.find(".//{http://gexf.net/1.3}attributes[@mode='dynamic']")
    assert dynamic.get("class") == "edge"
    for e in doc.edges:
        assert [(s, t) for _, s, t in e.dynamic] == e.spells, e.id
    asayish = next(e for e in doc.edges if e.id == "held|asayish|qamishli-finance-directorate")
    assert asayish.dynamic[0][0].startswith(CKR_NS + "article-")


def test_events_carry_their_own_interval_and_status(gexf: bytes, real_store: OxigraphStore) -> None:
    doc = parse_gexf(gexf)
    rows = real_store.query(
        PREFIXES + "SELECT ?e ?d WHERE { ?e a ckg:Seizure ; ckg:startDate ?d ; ckg:status ckg:Asserted }"
    ).rows
    assert rows
    for r in rows:
        node = doc.nodes[r["e"].removeprefix(CKR_NS)]
        assert (node.start, node.end) == (r["d"], r["d"])
        assert node.values["status"] == "asserted" and node.values["class"] == "Seizure"
    denied = [n for n in doc.nodes.values() if n.values.get("status") == "denied"]
    assert denied and all(n.values["type"] == "Event" for n in denied)
    role_edges = [e for e in doc.edges if e.kind == "agent"]
    for e in role_edges:
        event = doc.nodes[e.source]
        assert e.spells == [(event.start, event.end)]


def test_labels_follow_the_language_and_iris_are_string_attributes(real_store: OxigraphStore) -> None:
    ar = parse_gexf(exported(real_store, "gexf", lang="ar"))
    en = parse_gexf(exported(real_store, "gexf", lang="en"))
    assert ar.nodes["asayish"].label == "الأسايش"
    assert en.nodes["asayish"].label == "Asayish"
    assert ar.nodes["asayish"].values["label_en"] == "Asayish"
    declared = {a.get("id"): a.get("type") for a in ar.root.iterfind(".//{http://gexf.net/1.3}attribute")}
    assert declared["iri"] == "string"
    assert "anyURI" not in declared.values()


def test_colours_by_type_sizes_by_degree_and_no_zero_weight(gexf: bytes) -> None:
    doc = parse_gexf(gexf)
    colours: dict[str, set[tuple[int, int, int]]] = {}
    for n in doc.nodes.values():
        colours.setdefault(n.values["type"], set()).add(n.color)
    assert all(len(c) == 1 for c in colours.values())
    assert len({next(iter(c)) for c in colours.values()}) == len(colours) == 4
    degree: dict[str, int] = dict.fromkeys(doc.nodes, 0)
    for e in doc.edges:
        degree[e.source] += 1
        degree[e.target] += 1
    ranked = sorted(doc.nodes.values(), key=lambda n: degree[n.id])
    assert all(a.size <= b.size for a, b in itertools.pairwise(ranked))
    assert ranked[0].size < ranked[-1].size
    assert all(e.weight >= 1 for e in doc.edges)


def test_parallel_edges_differ_by_kind_and_ids_are_unique(gexf: bytes) -> None:
    doc = parse_gexf(gexf)
    ids = [e.id for e in doc.edges]
    assert len(ids) == len(set(ids))
    assert all(e.kind and e.id.startswith(e.kind + "|") for e in doc.edges)


def test_the_export_is_deterministic(real_store: OxigraphStore, gexf: bytes) -> None:
    assert exported(real_store, "gexf") == gexf
