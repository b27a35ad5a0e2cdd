"""The OWL ontology: it parses, it is OWL 2 (RL), and reasoning over it with real data behaves.

The consistency checks run owlrl's OWL 2 RL closure over the ontology plus the seed graph: the seed must be
consistent and ckr:russian-forces must come out a ckg:Mediator (a class that is defined, never asserted).
The same closure must find a period typed both control and presence inconsistent: that proves the check
can fail. The seed graph is loaded only through :func:`seed_graph`, so it can be switched to the pipeline's
output once the pipeline exists.
"""

from __future__ import annotations

import functools
import warnings
from datetime import date
from functools import cache
from itertools import combinations
from pathlib import Path

import owlrl
import pytest
from owlrl.Namespaces import ERRNS
from rdflib import OWL, RDF, RDFS, BNode, Dataset, Graph, Literal, Node, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, SKOS

from conflictkg.facts import ROLE_NAMES
from conflictkg.namespace import CKG, CKG_NS, CKR, SEM, TIME
from conflictkg.settings import Settings

DATA_DIR = Path(__file__).parent / "data"
SEED_SKETCH = DATA_DIR / "seed-sketch.trig"
SEED_ARTICLE = Path(__file__).resolve().parents[1].parent / "shared" / "seed" / "article.txt"
ONTOLOGY_IRI = URIRef("https://w3id.org/conflictkg/ontology")
PROV_NS = "http://www.w3.org/ns/prov#"
#: Not rdflib's XSD object: pytest probes module attributes and rdflib's XSD namespace warns on unknown names.
XSD_NS = "http://www.w3.org/2001/XMLSchema#"


@functools.cache
def _seed_dataset(source: str) -> Dataset:
    ds = Dataset()
    if source == "sketch":
        with warnings.catch_warnings():
            # rdflib 7's own TriG parser still builds a ConjunctiveGraph and warns about it: not our code.
            warnings.filterwarnings("ignore", category=DeprecationWarning, module=r"rdflib\.")
            ds.parse(SEED_SKETCH, format="trig")
        return ds
    if source != "pipeline":
        raise ValueError(f"unknown seed source {source!r}")
    from conflictkg.articles import article_from_text
    from conflictkg.cli import build_extractor
    from conflictkg.model import article_graph

    article = article_from_text(
        SEED_ARTICLE.read_text(encoding="utf-8"), where="seed", published=date(2022, 4, 14)
    )
    g = article_graph(build_extractor(Settings())(article))
    target = ds.graph(g.identifier)
    for t in g:
        target.add(t)
    return ds


def seed_graph(source: str = "pipeline") -> Dataset:
    """The seed article as RDF: one named graph per article, as model.py writes it.

    ``"pipeline"``: the real thing, the seed extracted and turned into RDF by the project's own code;
    ``"sketch"``: the hand-written ``tests/data/seed-sketch.trig`` (what a careful annotator would write).
    A fresh copy each call (callers may change it).
    """
    fresh = Dataset()
    for g in _seed_dataset(source).graphs():
        target = fresh.graph(g.identifier)
        for t in g:
            target.add(t)
    return fresh


def article_graphs(ds: Dataset) -> list[Graph]:
    """The non-empty named graphs of a dataset (the default graph left out)."""
    return [g for g in ds.graphs() if len(g) and g.identifier != ds.default_graph.identifier]


def ontology() -> Graph:
    return Graph().parse(Settings().ontology_file, format="turtle")


@cache
def _ontology() -> Graph:
    return ontology()


def merged(*graphs: Graph | Dataset) -> Graph:
    """One plain graph with every triple of the inputs (named graphs included), as the reasoner wants."""
    out = Graph()
    for g in graphs:
        triples = ((s, p, o) for s, p, o, _ in g.quads()) if isinstance(g, Dataset) else iter(g)
        for t in triples:
            out.add(t)
    return out


def owl_rl_closure(graph: Graph) -> tuple[Graph, list[str]]:
    """The OWL 2 RL closure of ``graph`` (in place) and the inconsistencies it found.

    owlrl reports inconsistencies as error-message triples (``ERRNS.error``); a resource typed owl:Nothing
    is one too.
    """
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(graph)
    errors = sorted(str(o) for o in graph.objects(None, ERRNS.error))
    errors += [f"{s} is inferred to be owl:Nothing" for s in graph.subjects(RDF.type, OWL.Nothing)]
    return graph, errors


@pytest.fixture(scope="module", params=["pipeline", "sketch"])
def seed_closure(request: pytest.FixtureRequest) -> tuple[Graph, list[str]]:
    return owl_rl_closure(merged(ontology(), seed_graph(request.param)))


# --- the ontology as a document ---------------------------------------------------------------------------


def test_ontology_header() -> None:
    g = _ontology()
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in g
    assert g.value(ONTOLOGY_IRI, OWL.versionInfo) is not None
    assert isinstance(g.value(ONTOLOGY_IRI, OWL.versionIRI), URIRef)
    assert isinstance(g.value(ONTOLOGY_IRI, DCTERMS.license), URIRef)
    titles = {t.language for t in g.objects(ONTOLOGY_IRI, DCTERMS.title) if isinstance(t, Literal)}
    assert {"en", "ar"} <= titles
    assert g.value(ONTOLOGY_IRI, DCTERMS.description) is not None


def _ckg(node: object) -> bool:
    return isinstance(node, URIRef) and str(node).startswith(CKG_NS)


def test_every_class_mentioned_is_an_owl_class() -> None:
    g = _ontology()
    classes = set(g.subjects(RDF.type, OWL.Class))
    mentioned = {o for o in g.objects(None, RDFS.subClassOf) if _ckg(o)}
    mentioned |= {s for s in g.subjects(RDFS.subClassOf, None) if _ckg(s)}
    mentioned |= {
        o for p in (RDFS.domain, RDFS.range, OWL.someValuesFrom) for o in g.objects(None, p) if _ckg(o)
    }
    for lst in g.objects(None, OWL.intersectionOf):
        mentioned |= {m for m in Collection(g, lst) if _ckg(m)}
    for members in g.objects(None, OWL.members):
        mentioned |= set(Collection(g, members))
    assert mentioned, "the ontology mentions no ckg: class"
    assert not mentioned - classes, f"not typed owl:Class: {sorted(map(str, mentioned - classes))}"


def test_every_property_is_either_object_or_datatype() -> None:
    g = _ontology()
    obj = set(g.subjects(RDF.type, OWL.ObjectProperty))
    dat = set(g.subjects(RDF.type, OWL.DatatypeProperty))
    assert not obj & dat, f"typed both object and datatype property: {sorted(map(str, obj & dat))}"
    for p in obj | dat:
        assert (p, RDF.type, OWL.Class) not in g, f"{p} is typed both property and class"
    for p in dat:
        for r in g.objects(p, RDFS.range):
            assert str(r).startswith(XSD_NS), f"datatype property {p} has a non-datatype range {r}"
    for p in obj:
        for r in g.objects(p, RDFS.range):
            assert (r, RDF.type, OWL.Class) in g, f"object property {p} has a range {r} that is no ckg class"


def test_every_property_used_in_the_seed_is_declared() -> None:
    g = _ontology()
    declared = set(g.subjects(RDF.type, OWL.ObjectProperty)) | set(g.subjects(RDF.type, OWL.DatatypeProperty))
    used = {p for _, p, _, _ in seed_graph().quads() if _ckg(p)}
    assert used, "the seed uses no ckg: property"
    assert not used - declared, f"used in the seed, not declared: {sorted(map(str, used - declared))}"


def test_dates_are_xsd_date_and_functional() -> None:
    g = _ontology()
    for name in ("startDate", "endDate", "startNotBefore", "startNotAfter", "endNotBefore", "endNotAfter"):
        p = URIRef(CKG_NS + name)
        assert (p, RDFS.range, URIRef(XSD_NS + "date")) in g, f"{p} must range over xsd:date"
        assert (p, RDF.type, OWL.FunctionalProperty) in g, f"{p} must be functional"


def _role_property(role: str) -> list[URIRef]:
    """The ckg: properties a JSON role name maps to (docs/contracts.md: target -> three properties)."""
    if role == "target":
        return [CKG.targetFacility, CKG.targetPlace, CKG.patient]
    return [CKG[role]]


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_every_role_is_a_participant(role: str) -> None:
    g = _ontology()
    for p in _role_property(role):
        assert (p, RDFS.subPropertyOf, CKG.participant) in g, (
            f"{p} must be rdfs:subPropertyOf ckg:participant"
        )


@pytest.mark.parametrize(
    ("prop", "domain", "range_", "sem"),
    [
        (CKG.agent, CKG.Event, CKG.Actor, SEM.hasActor),
        (CKG.party, CKG.Event, CKG.Actor, SEM.hasActor),
        (CKG.mediator, CKG.Negotiation, CKG.Actor, SEM.hasActor),
        (CKG.besieger, CKG.Event, CKG.Actor, SEM.hasActor),
        (CKG.speaker, CKG.SpeechAct, CKG.Actor, SEM.hasActor),
        (CKG.targetFacility, CKG.Event, CKG.Facility, SEM.hasPlace),
        (CKG.targetPlace, CKG.Event, CKG.Place, SEM.hasPlace),
        (CKG.venue, CKG.Event, CKG.Place, SEM.hasPlace),
        (CKG.place, CKG.Event, CKG.Place, SEM.hasPlace),
    ],
)
def test_role_domains_ranges_and_sem_alignment(
    prop: URIRef, domain: URIRef, range_: URIRef, sem: URIRef
) -> None:
    g = _ontology()
    assert (prop, RDFS.domain, domain) in g
    assert (prop, RDFS.range, range_) in g
    assert (prop, RDFS.subPropertyOf, sem) in g


def test_besieged_takes_a_place_or_an_actor() -> None:
    # No range: "the neighbourhoods" and "the personnel inside" are both besieged.
    assert _ontology().value(CKG.besieged, RDFS.range) is None


def test_siege_roles_serve_sieges_and_their_liftings() -> None:
    # A union (Siege or SiegeLifting) is no RL domain, and a Siege domain would make every lifting a siege:
    # the domain is ckg:Event and the SHACL SiegeRoleShape keeps the roles on those two classes.
    g = _ontology()
    for p in (CKG.besieger, CKG.besieged):
        assert set(g.objects(p, RDFS.domain)) == {CKG.Event}, p


@pytest.mark.parametrize(
    ("cls", "superclass", "disjoint"),
    [
        (CKG.Handover, CKG.Withdrawal, None),
        (CKG.SiegeLifting, CKG.Event, CKG.Siege),
        (CKG.Reopening, CKG.Event, CKG.Closure),
    ],
)
def test_new_event_classes(cls: URIRef, superclass: URIRef, disjoint: URIRef | None) -> None:
    g = _ontology()
    assert (cls, RDF.type, OWL.Class) in g
    assert set(g.objects(cls, RDFS.subClassOf)) == {superclass}
    assert {lit.language for lit in g.objects(cls, RDFS.label) if isinstance(lit, Literal)} == {"en", "ar"}
    assert len(str(g.value(cls, RDFS.comment))) > 80
    assert set(g.objects(cls, OWL.disjointWith)) == ({disjoint} if disjoint else set())


@pytest.mark.parametrize(
    ("prop", "domain", "range_"),
    [(CKG.lifts, CKG.SiegeLifting, CKG.Siege), (CKG.reopens, CKG.Reopening, CKG.Closure)],
)
def test_lifting_links(prop: URIRef, domain: URIRef, range_: URIRef) -> None:
    g = _ontology()
    assert (prop, RDF.type, OWL.ObjectProperty) in g
    assert (prop, RDFS.domain, domain) in g
    assert (prop, RDFS.range, range_) in g
    # a link between events, not a participant role
    assert (prop, RDFS.subPropertyOf, CKG.participant) not in g


@pytest.mark.parametrize(
    ("cls", "superclass"),
    [
        (CKG.Actor, SEM.Actor),
        (CKG.Actor, URIRef(PROV_NS + "Agent")),
        (CKG.Place, SEM.Place),
        (CKG.Place, URIRef("http://www.opengis.net/ont/geosparql#Feature")),
        (CKG.Event, SEM.Event),
        (CKG.TenurePeriod, TIME.ProperInterval),
        (CKG.NewsArticle, URIRef(PROV_NS + "Entity")),
        (CKG.Evidence, URIRef(PROV_NS + "Entity")),
        (CKG.Mention, URIRef(PROV_NS + "Entity")),
        (CKG.Area, CKG.Place),
        (CKG.Facility, CKG.Place),
        (CKG.Denial, CKG.SpeechAct),
        (CKG.ControlPeriod, CKG.TenurePeriod),
        (CKG.PresencePeriod, CKG.TenurePeriod),
    ],
)
def test_class_tree_and_alignment(cls: URIRef, superclass: URIRef) -> None:
    assert (cls, RDFS.subClassOf, superclass) in _ontology()


def test_event_statuses_are_skos_concepts_with_both_labels() -> None:
    g = _ontology()
    statuses = set(g.subjects(RDF.type, CKG.EventStatus))
    assert statuses == {CKG.Asserted, CKG.Denied, CKG.Negated, CKG.Hypothetical, CKG.Reported}
    assert (CKG.EventStatus, RDF.type, SKOS.ConceptScheme) in g
    for s in statuses:
        assert (s, RDF.type, SKOS.Concept) in g
        assert (s, SKOS.inScheme, CKG.EventStatus) in g
        assert {lit.language for lit in g.objects(s, SKOS.prefLabel) if isinstance(lit, Literal)} == {
            "ar",
            "en",
        }


def test_mediator_is_defined_not_primitive() -> None:
    # Actor and (inverse mediator) some Negotiation  subClassOf  Mediator: the RL form of the definition.
    g = _ontology()
    definitions = [d for d in g.subjects(RDFS.subClassOf, CKG.Mediator) if isinstance(d, BNode)]
    assert len(definitions) == 1, "ckg:Mediator needs exactly one defining class inclusion"
    members = g.value(definitions[0], OWL.intersectionOf)
    assert members is not None, "the defining class must be an owl:intersectionOf"
    parts = list(Collection(g, members))
    assert CKG.Actor in parts
    restriction = next(p for p in parts if isinstance(p, BNode))
    assert g.value(g.value(restriction, OWL.onProperty), OWL.inverseOf) == CKG.mediator
    assert g.value(restriction, OWL.someValuesFrom) == CKG.Negotiation
    assert (CKG.Mediator, RDFS.subClassOf, CKG.Actor) in g


def _class_expression_kinds(g: Graph, node: Node) -> set[Node]:
    """The OWL constructors (owl:unionOf, owl:someValuesFrom...) used in a class expression, nested ones too."""
    if not isinstance(node, BNode):
        return set()
    kinds = {p for p in g.predicates(node, None) if p in _CONSTRUCTORS}
    for p in (OWL.intersectionOf, OWL.unionOf):
        for lst in g.objects(node, p):
            for member in Collection(g, lst):
                kinds |= _class_expression_kinds(g, member)
    for p in (OWL.someValuesFrom, OWL.allValuesFrom, OWL.complementOf):
        for o in g.objects(node, p):
            kinds |= _class_expression_kinds(g, o)
    return kinds


_CONSTRUCTORS = (OWL.unionOf, OWL.intersectionOf, OWL.someValuesFrom, OWL.allValuesFrom, OWL.complementOf)


def test_class_expressions_stay_in_the_owl2_rl_profile() -> None:
    # OWL 2 RL: no union and no existential on the superclass side (domains, ranges, superclasses), and
    # only intersections of classes in equivalences. An axiom outside RL is silently ignored by owlrl.
    g = _ontology()
    for p in (RDFS.domain, RDFS.range, RDFS.subClassOf):
        for s, o in g.subject_objects(p):
            bad = _class_expression_kinds(g, o) & {OWL.unionOf, OWL.someValuesFrom}
            assert not bad, f"{s} {p} uses {bad}: not an OWL 2 RL superclass expression"
    for _, o in g.subject_objects(OWL.equivalentClass):
        assert _class_expression_kinds(g, o) <= {OWL.intersectionOf}, "equivalence outside OWL 2 RL"


# --- the seed sketch (fixture faithfulness) ---------------------------------------------------------------


def test_seed_is_one_article_graph_holding_its_own_article() -> None:
    graphs = article_graphs(seed_graph())
    assert len(graphs) == 1
    g = graphs[0]
    articles = list(g.subjects(RDF.type, CKG.NewsArticle))
    assert len(articles) == 1
    assert (g.identifier, URIRef(PROV_NS + "wasDerivedFrom"), articles[0]) in g
    assert (None, RDF.type, CKG.Mediator) not in g, "ckg:Mediator must be inferred, never asserted"


def test_seed_spans_quote_the_seed_article() -> None:
    text = SEED_ARTICLE.read_text(encoding="utf-8")
    g = article_graphs(seed_graph())[0]
    spans = set(g.subjects(CKG.quote, None))
    assert len(spans) > 20
    for span in spans:
        start = g.value(span, CKG.startOffset).toPython()  # type: ignore[union-attr]
        end = g.value(span, CKG.endOffset).toPython()  # type: ignore[union-attr]
        assert text[start:end] == str(g.value(span, CKG.quote)), f"{span}: offsets {start}:{end} do not match"


# --- OWL RL reasoning -------------------------------------------------------------------------------------


def test_seed_is_consistent(seed_closure: tuple[Graph, list[str]]) -> None:
    _, errors = seed_closure
    assert errors == []


def test_russian_forces_are_inferred_mediator(seed_closure: tuple[Graph, list[str]]) -> None:
    closure, _ = seed_closure
    assert (CKR["russian-forces"], RDF.type, CKG.Mediator) in closure
    # Only the actor that mediates: the parties of the same negotiation are not mediators.
    assert set(closure.subjects(RDF.type, CKG.Mediator)) == {CKR["russian-forces"]}


def test_roles_are_participants_in_the_closure(seed_closure: tuple[Graph, list[str]]) -> None:
    closure, _ = seed_closure
    assert (None, CKG.participant, CKR["russian-forces"]) in closure
    assert (None, SEM.hasActor, CKR.asayish) in closure


def _period_with(extra: list[tuple[Node, Node, Node]]) -> list[str]:
    g = merged(ontology(), seed_graph())
    for t in extra:
        g.add(t)
    _, errors = owl_rl_closure(g)
    return errors


def test_control_and_presence_period_at_once_is_inconsistent() -> None:
    cp = next(merged(seed_graph()).subjects(RDF.type, CKG.ControlPeriod))
    errors = _period_with([(cp, RDF.type, CKG.PresencePeriod)])
    assert len(errors) == 1
    assert "ControlPeriod" in errors[0] and "PresencePeriod" in errors[0] and str(cp) in errors[0]


def test_a_place_as_holder_is_inconsistent() -> None:
    cp = URIRef(CKR["cp-test-1"])
    errors = _period_with([(cp, CKG.holder, CKR.qamishli)])
    assert any("Actor" in e and "Place" in e and str(CKR.qamishli) in e for e in errors), errors


def test_an_area_may_have_an_owner() -> None:
    # "the regime's areas": areas are held and restored like facilities, so ckg:owner is not facility-only.
    errors = _period_with(
        [(CKR["regime-areas"], RDF.type, CKG.Region), (CKR["regime-areas"], CKG.owner, CKR.x)]
    )
    assert errors == []


def test_two_statuses_on_one_event_are_inconsistent() -> None:
    ev = next(merged(seed_graph()).subjects(CKG.status, CKG.Asserted))
    errors = _period_with([(ev, CKG.status, CKG.Denied)])
    assert errors and all("AllDifferent" in e for e in errors), errors


def _closure_errors(triples: list[tuple[Node, Node, Node]]) -> list[str]:
    """The OWL RL inconsistencies of the ontology plus ``triples`` (no seed: small and fast)."""
    g = Graph().parse(Settings().ontology_file, format="turtle")
    for t in triples:
        g.add(t)
    return owl_rl_closure(g)[1]


def test_a_handover_is_a_withdrawal_and_its_recipient_an_actor() -> None:
    ev, sdf, army, airport = CKR["ev-h"], CKR.sdf, CKR["syrian-army"], CKR["tabqa-airport"]
    g = Graph().parse(Settings().ontology_file, format="turtle")
    for t in [
        (ev, RDF.type, CKG.Handover),
        (ev, CKG.agent, sdf),
        (ev, CKG.beneficiary, army),
        (ev, CKG.targetFacility, airport),
    ]:
        g.add(t)
    closure, errors = owl_rl_closure(g)
    assert errors == []
    assert (ev, RDF.type, CKG.Withdrawal) in closure
    assert (army, RDF.type, CKG.Actor) in closure
    assert (ev, CKG.participant, army) in closure


def test_a_handover_that_is_also_a_seizure_is_inconsistent() -> None:
    # The recipient's side of a transfer is a separate Seizure event, never the same node.
    errors = _closure_errors([(CKR["ev-h"], RDF.type, CKG.Handover), (CKR["ev-h"], RDF.type, CKG.Seizure)])
    assert len(errors) == 1 and "Disjoint classes" in errors[0], errors


@pytest.mark.parametrize(
    ("cls", "prop", "other"),
    [(CKG.SiegeLifting, CKG.lifts, CKG.Siege), (CKG.Reopening, CKG.reopens, CKG.Closure)],
)
def test_a_lifting_linked_to_a_lifting_is_inconsistent(cls: URIRef, prop: URIRef, other: URIRef) -> None:
    a, b = CKR["ev-a"], CKR["ev-b"]
    assert _closure_errors([(a, RDF.type, cls), (b, RDF.type, other), (a, prop, b)]) == []
    # pointing at another lifting makes it (by the range) a siege/closure as well: disjoint classes
    errors = _closure_errors([(a, RDF.type, cls), (b, RDF.type, cls), (a, prop, b)])
    assert len(errors) == 1 and "Disjoint classes" in errors[0] and str(b) in errors[0], errors


def test_besieger_on_a_siege_lifting_is_consistent() -> None:
    # With the old domain (ckg:Siege) this made the lifting a siege, and so an inconsistency.
    ev = CKR["ev-l"]
    errors = _closure_errors(
        [(ev, RDF.type, CKG.SiegeLifting), (ev, CKG.besieger, CKR.army), (ev, CKG.besieged, CKR.town)]
    )
    assert errors == []


@pytest.mark.parametrize(
    "pair", list(combinations([CKG.Actor, CKG.Place, CKG.Event], 2)), ids=lambda p: f"{p[0]}-{p[1]}"
)
def test_top_classes_are_disjoint(pair: tuple[URIRef, URIRef]) -> None:
    g = Graph().parse(Settings().ontology_file, format="turtle")
    g.add((CKR["thing"], RDF.type, pair[0]))
    g.add((CKR["thing"], RDF.type, pair[1]))
    _, errors = owl_rl_closure(g)
    assert len(errors) == 1 and "Disjoint classes" in errors[0], errors
