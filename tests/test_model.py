"""model.py: facts -> the named graph of one article, triple by triple as in docs/contracts.md."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from rdflib import RDF, BNode, Dataset, Literal, URIRef
from rdflib.compare import isomorphic, to_isomorphic
from rdflib.namespace import DCTERMS, PROV, SKOS, XSD

from conflictkg import iri
from conflictkg.errors import InputError
from conflictkg.facts import ArticleFacts, ControlPeriod, Entity, When
from conflictkg.model import article_graph, graph_to_trig, serialize_article
from conflictkg.namespace import CKG, GEO, ORG
from data.model_samples import (
    AIRPORT,
    ASAYISH,
    ASHRAFIEH,
    FINANCE,
    FOURTH_DIVISION,
    GOVERNMENT,
    QAMISHLI,
    RUSSIA,
    SEED_DAY,
    SERVICES,
    article,
    event,
    seed_like,
)

STAMP = datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC)
KEY = "a000"
ART = URIRef(iri.article_iri(KEY))
EV = [URIRef(iri.event_iri(KEY, n)) for n in range(6)]


def d(day: date) -> Literal:
    return Literal(day.isoformat(), datatype=XSD.date)


def test_graph_identifier_and_bundle() -> None:
    g = article_graph(seed_like(), generated_at=STAMP)
    gid = URIRef(iri.graph_iri(KEY))
    assert g.identifier == gid
    assert (gid, RDF.type, PROV.Bundle) in g
    assert (gid, PROV.wasDerivedFrom, ART) in g
    assert g.value(gid, PROV.generatedAtTime) == Literal(STAMP.isoformat(), datatype=XSD.dateTime)


def test_article_metadata() -> None:
    facts = seed_like()
    g = article_graph(facts, generated_at=STAMP)
    assert (ART, RDF.type, CKG.NewsArticle) in g
    assert g.value(ART, DCTERMS.issued) == d(SEED_DAY)
    assert g.value(ART, DCTERMS.language) == Literal("ar")
    assert g.value(ART, CKG.contentHash) == Literal(facts.article.content_hash)
    assert g.value(ART, DCTERMS.source) is None


def test_optional_article_metadata_when_given() -> None:
    base = seed_like()
    a = base.article
    facts = ArticleFacts(
        article=type(a)(a.id, a.text, "en", None, "https://example.org/x", "Title", "Outlet"),
    )
    g = article_graph(facts, generated_at=STAMP)
    assert g.value(ART, DCTERMS.source) == URIRef("https://example.org/x")
    assert g.value(ART, DCTERMS.title) == Literal("Title")
    assert g.value(ART, CKG.outlet) == Literal("Outlet")
    assert g.value(ART, DCTERMS.issued) is None
    assert g.value(ART, DCTERMS.language) == Literal("en")


def test_known_entities_get_gazetteer_labels_types_and_links() -> None:
    g = article_graph(seed_like(), generated_at=STAMP)
    a = URIRef(ASAYISH)
    assert (a, RDF.type, CKG.ArmedGroup) in g
    assert set(g.objects(a, SKOS.prefLabel)) == {Literal("الأسايش", lang="ar"), Literal("Asayish", lang="en")}
    assert (URIRef(FOURTH_DIVISION), ORG.subOrganizationOf, URIRef(GOVERNMENT)) in g
    fin = URIRef(FINANCE)
    assert (fin, GEO.sfWithin, URIRef(QAMISHLI)) in g
    assert (fin, CKG.owner, URIRef(GOVERNMENT)) in g
    assert (URIRef(QAMISHLI), RDF.type, CKG.City) in g


def test_minted_entity_label_language_follows_script() -> None:
    facts = ArticleFacts(article=article("k1", SEED_DAY, "the town hall was taken"))
    hall = iri.entity_iri("Facility", "town hall")
    facts.entities.append(Entity(hall, "Facility", "town hall"))
    g = article_graph(facts, generated_at=STAMP)
    assert list(g.objects(URIRef(hall), SKOS.prefLabel)) == [Literal("town hall", lang="en")]
    assert (URIRef(hall), RDF.type, CKG.Facility) in g


def test_mentions_carry_offsets_quote_and_article() -> None:
    facts = seed_like()
    g = article_graph(facts, generated_at=STAMP)
    span = facts.entity(ASAYISH).mentions[0]
    m = URIRef(iri.mention_iri(KEY, span.start, span.end))
    assert (URIRef(ASAYISH), CKG.mention, m) in g
    assert (m, RDF.type, CKG.Mention) in g
    assert g.value(m, CKG.article) == ART
    assert g.value(m, CKG.quote) == Literal(span.text)
    assert g.value(m, CKG.startOffset) == Literal(span.start, datatype=XSD.integer)
    assert g.value(m, CKG.endOffset) == Literal(span.end, datatype=XSD.integer)


def test_group_entity_has_members() -> None:
    facts = seed_like()
    group = iri.entity_iri("Facility", "all departments", within=QAMISHLI)
    facts.entities.append(Entity(group, "Facility", "كل الدوائر", members=[FINANCE, SERVICES]))
    g = article_graph(facts, generated_at=STAMP)
    assert (URIRef(group), RDF.type, CKG.Group) in g
    assert set(g.objects(URIRef(group), CKG.member)) == {URIRef(FINANCE), URIRef(SERVICES)}


def test_events_types_status_seq_time_roles() -> None:
    g = article_graph(seed_like(), generated_at=STAMP)
    seizure = EV[1]
    assert (seizure, RDF.type, CKG.Seizure) in g
    assert g.value(seizure, CKG.status) == CKG.Asserted
    assert g.value(seizure, CKG.seq) == Literal(1, datatype=XSD.integer)
    assert g.value(seizure, CKG.agent) == URIRef(ASAYISH)
    assert g.value(seizure, CKG.targetFacility) == URIRef(FINANCE)
    assert g.value(seizure, CKG.startDate) == d(SEED_DAY)
    assert g.value(seizure, CKG.timeText) == Literal("يوم الخميس")
    assert g.value(seizure, CKG.inResponseTo) == EV[0]
    assert g.value(EV[0], CKG.besieged) == URIRef(ASHRAFIEH)
    assert g.value(EV[0], CKG.besieger) == URIRef(FOURTH_DIVISION)
    assert g.value(EV[2], CKG.mediator) == URIRef(RUSSIA)
    assert g.value(EV[2], CKG.hasOutcome) == EV[3]
    assert set(g.objects(EV[2], CKG.party)) == {
        URIRef("https://w3id.org/conflictkg/id/sdf"),
        URIRef(GOVERNMENT),
    }


def test_target_place_becomes_target_place() -> None:
    facts = seed_like()
    facts.events.append(event(KEY, 6, "Seizure", facts.article.text, agent=[ASAYISH], target=[ASHRAFIEH]))
    g = article_graph(facts, generated_at=STAMP)
    ev = URIRef(iri.event_iri(KEY, 6))
    assert g.value(ev, CKG.targetPlace) == URIRef(ASHRAFIEH)
    assert g.value(ev, CKG.targetFacility) is None


def test_target_actor_becomes_patient() -> None:
    facts = seed_like()
    facts.events.append(event(KEY, 6, "Expulsion", facts.article.text, agent=[ASAYISH], target=[GOVERNMENT]))
    g = article_graph(facts, generated_at=STAMP)
    ev = URIRef(iri.event_iri(KEY, 6))
    assert g.value(ev, CKG.patient) == URIRef(GOVERNMENT)
    assert g.value(ev, CKG.targetFacility) is None


def test_denial_links_to_denied_claim() -> None:
    g = article_graph(seed_like(), generated_at=STAMP)
    assert (EV[4], RDF.type, CKG.Denial) in g
    assert g.value(EV[4], CKG.speaker) == URIRef(ASAYISH)
    assert g.value(EV[4], CKG.denies) == EV[5]
    assert g.value(EV[5], CKG.status) == CKG.Denied


def test_bounds_instead_of_exact_day() -> None:
    facts = seed_like()
    facts.events[1].time = When(date(2022, 4, 10), date(2022, 4, 14), "last week")
    g = article_graph(facts, generated_at=STAMP)
    assert g.value(EV[1], CKG.startDate) is None
    assert g.value(EV[1], CKG.startNotBefore) == d(date(2022, 4, 10))
    assert g.value(EV[1], CKG.startNotAfter) == d(date(2022, 4, 14))


def test_evidence_node() -> None:
    facts = seed_like()
    g = article_graph(facts, generated_at=STAMP)
    e = URIRef(iri.evidence_iri(str(EV[1])))
    assert g.value(EV[1], CKG.evidence) == e
    assert (e, RDF.type, CKG.Evidence) in g
    assert g.value(e, CKG.article) == ART
    assert g.value(e, CKG.quote) == Literal(facts.events[1].evidence.text)
    assert g.value(e, CKG.startOffset) == Literal(0, datatype=XSD.integer)
    assert g.value(e, CKG.endOffset) == Literal(10, datatype=XSD.integer)
    assert g.value(e, CKG.sentenceIndex) == Literal(1, datatype=XSD.integer)
    assert g.value(e, CKG.extractionRule) == Literal("test-seizure")


def test_control_and_presence_periods() -> None:
    g = article_graph(seed_like(), generated_at=STAMP)
    cp = URIRef(iri.period_iri(KEY, 1))
    assert (cp, RDF.type, CKG.ControlPeriod) in g
    assert g.value(cp, CKG.holder) == URIRef(ASAYISH)
    assert g.value(cp, CKG.facility) == URIRef(FINANCE)
    assert g.value(cp, CKG.startDate) == d(SEED_DAY)
    assert g.value(cp, CKG.endDate) == d(SEED_DAY)
    assert g.value(cp, CKG.startedBy) == EV[1]
    assert g.value(cp, CKG.endedBy) == EV[3]
    assert (g.value(cp, CKG.evidence), RDF.type, CKG.Evidence) in g
    pp = URIRef(iri.period_iri(KEY, 1, presence=True))
    assert (pp, RDF.type, CKG.PresencePeriod) in g
    assert (pp, RDF.type, CKG.ControlPeriod) not in g
    assert g.value(pp, CKG.holder) == URIRef(RUSSIA)
    assert g.value(pp, CKG.facility) == URIRef(AIRPORT)
    assert g.value(pp, CKG.startDate) is None


def test_held_period_bounds() -> None:
    facts = seed_like()
    facts.control.append(
        ControlPeriod(
            iri.period_iri(KEY, 2),
            GOVERNMENT,
            SERVICES,
            start=When(None, SEED_DAY),
            end=When(SEED_DAY, None),
        )
    )
    g = article_graph(facts, generated_at=STAMP)
    cp = URIRef(iri.period_iri(KEY, 2))
    assert g.value(cp, CKG.startNotAfter) == d(SEED_DAY)
    assert g.value(cp, CKG.endNotBefore) == d(SEED_DAY)
    assert g.value(cp, CKG.startNotBefore) is None
    assert g.value(cp, CKG.startedBy) is None


def test_deterministic_and_no_blank_nodes() -> None:
    g1 = article_graph(seed_like(), generated_at=STAMP)
    g2 = article_graph(seed_like(), generated_at=STAMP)
    assert isomorphic(g1, g2)
    assert to_isomorphic(g1) == to_isomorphic(g2)
    assert not any(isinstance(t, BNode) for triple in g1 for t in triple)
    g3 = article_graph(seed_like(), generated_at=datetime(2025, 1, 1, tzinfo=UTC))
    assert not isomorphic(g1, g3)  # generated_at is the only varying value ...
    gid = g1.identifier
    g1.remove((gid, PROV.generatedAtTime, None))
    g3.remove((gid, PROV.generatedAtTime, None))
    assert isomorphic(g1, g3)  # ... and nothing else differs


def test_unknown_subtype_is_an_input_error() -> None:
    facts = seed_like()
    facts.entities[0].subtype = "Militia"
    with pytest.raises(InputError, match=r"subtype 'Militia'.*asayish|asayish.*subtype 'Militia'"):
        article_graph(facts)


def test_unknown_role_and_unknown_target_are_input_errors() -> None:
    facts = seed_like()
    facts.events[1].roles["victim"] = [GOVERNMENT]
    with pytest.raises(InputError, match="unknown role 'victim'"):
        article_graph(facts)
    facts = seed_like()
    facts.events[1].roles["target"] = ["https://w3id.org/conflictkg/id/nowhere"]
    with pytest.raises(InputError, match="not among the article's entities"):
        article_graph(facts)


def test_bad_article_iri_is_an_input_error() -> None:
    facts = seed_like()
    facts.article = type(facts.article)("https://example.org/x", "t", "ar")
    with pytest.raises(InputError, match="not an article IRI"):
        article_graph(facts)


def test_trig_round_trip_keeps_graph_name_and_triples() -> None:
    g = article_graph(seed_like(), generated_at=STAMP)
    text = serialize_article(seed_like(), generated_at=STAMP)
    assert "@prefix ckg:" in text
    ds = Dataset()
    ds.parse(data=text, format="trig")
    back = ds.graph(g.identifier)
    assert isomorphic(back, g)
    assert graph_to_trig(g) == text


def test_turtle_serialisation_has_the_same_triples() -> None:
    g = article_graph(seed_like(), generated_at=STAMP)
    from rdflib import Graph

    back = Graph().parse(
        data=serialize_article(seed_like(), format="turtle", generated_at=STAMP), format="turtle"
    )
    assert isomorphic(back, g)
    with pytest.raises(InputError, match="unknown RDF format"):
        serialize_article(seed_like(), format="xml")  # type: ignore[arg-type]


def _new_types_facts() -> ArticleFacts:
    """The seed-like facts plus a handover, a siege lifting of event 0 and a closure with its reopening."""
    facts = seed_like()
    t = facts.article.text
    handover = event(KEY, 6, "Handover", t, agent=[ASAYISH], target=[FINANCE], beneficiary=[GOVERNMENT])
    lifting = event(KEY, 7, "SiegeLifting", t, besieger=[FOURTH_DIVISION], besieged=[ASHRAFIEH])
    lifting.lifts = [facts.events[0].id]
    closure = event(KEY, 8, "Closure", t, agent=[FOURTH_DIVISION], target=[AIRPORT])
    reopening = event(KEY, 9, "Reopening", t, agent=[FOURTH_DIVISION], target=[AIRPORT])
    reopening.lifts = [closure.id]
    facts.events += [handover, lifting, closure, reopening]
    return facts


def test_new_event_types_become_their_classes_with_roles_and_links() -> None:
    g = article_graph(_new_types_facts(), generated_at=STAMP)
    handover, lifting, closure, reopening = (URIRef(iri.event_iri(KEY, n)) for n in (6, 7, 8, 9))
    assert set(g.objects(handover, RDF.type)) == {CKG.Handover}
    assert g.value(handover, CKG.agent) == URIRef(ASAYISH)
    assert g.value(handover, CKG.beneficiary) == URIRef(GOVERNMENT)
    assert g.value(handover, CKG.targetFacility) == URIRef(FINANCE)
    assert set(g.objects(lifting, RDF.type)) == {CKG.SiegeLifting}
    assert g.value(lifting, CKG.besieger) == URIRef(FOURTH_DIVISION)
    assert g.value(lifting, CKG.besieged) == URIRef(ASHRAFIEH)
    assert g.value(lifting, CKG.lifts) == EV[0]
    assert g.value(lifting, CKG.reopens) is None
    assert set(g.objects(reopening, RDF.type)) == {CKG.Reopening}
    assert g.value(reopening, CKG.reopens) == closure
    assert g.value(reopening, CKG.lifts) is None


def test_new_event_types_pass_the_shapes() -> None:
    from conflictkg.settings import Settings
    from conflictkg.validate import Validator

    settings = Settings()
    report = Validator.from_files(settings.shapes_file, settings.ontology_file)(
        article_graph(_new_types_facts(), generated_at=STAMP)
    )
    assert report.results == [], report.text()
    broken = _new_types_facts()
    broken.events[6].roles.pop("beneficiary")  # a handover without its recipient
    report = Validator.from_files(settings.shapes_file, settings.ontology_file)(article_graph(broken))
    assert not report.conforms
    assert [(r.focus, r.path) for r in report.violations] == [(iri.event_iri(KEY, 6), str(CKG.beneficiary))]


def test_lifts_on_another_type_is_an_input_error() -> None:
    facts = seed_like()
    facts.events[1].lifts = [facts.events[0].id]
    with pytest.raises(InputError, match=r"a Seizure cannot lift.*Reopening or a SiegeLifting"):
        article_graph(facts)
