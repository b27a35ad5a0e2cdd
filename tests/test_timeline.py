"""timeline.py: who held what, derived across articles written through model + store on disk."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from rdflib import RDF, Graph, Literal, URIRef
from rdflib.namespace import SKOS

from conflictkg import iri
from conflictkg.errors import NotFoundError
from conflictkg.facts import ArticleFacts, ControlPeriod, When
from conflictkg.model import article_graph
from conflictkg.namespace import CKG, CKG_NS
from conflictkg.store import OxigraphStore
from conflictkg.timeline import Period, facility_timeline, fold_label, holders, holdings, resolve
from data.model_samples import (
    AIRPORT,
    ASAYISH,
    ASHRAFIEH,
    FINANCE,
    GOVERNMENT,
    RUSSIA,
    SDF,
    SEED_DAY,
    SERVICES,
    R,
    article,
    entities,
    event,
    seed_like,
)

STAMP = datetime(2024, 1, 1, tzinfo=UTC)
LATER = date(2022, 5, 1)
JUNE = date(2022, 6, 1)
A, B, C = iri.article_iri("a000"), iri.article_iri("b001"), iri.article_iri("c002")
EDUCATION = R + "qamishli-education-directorate"
SHEIKH_MAQSOUD = R + "sheikh-maqsoud"
ONTOLOGY = Path(__file__).parent / "data" / "validate_ontology.ttl"


def ev(key: str, n: int) -> str:
    return iri.event_iri(key, n)


def later_seizure() -> ArticleFacts:
    """Article b001 (1 May): the Asayish seize the finance directorate again."""
    a = article("b001", LATER)
    facts = ArticleFacts(article=a, entities=entities(a.text))
    facts.events.append(event("b001", 1, "Seizure", a.text, agent=[ASAYISH], target=[FINANCE], day=LATER))
    return facts


def stated_control() -> ArticleFacts:
    """Article c002 (1 June): 'under the control of' statements, no events."""
    a = article("c002", JUNE)
    facts = ArticleFacts(article=a, entities=entities(a.text))
    held = When(None, JUNE), When(JUNE, None)
    facts.control = [
        ControlPeriod(iri.period_iri("c002", 1), ASAYISH, FINANCE, start=held[0], end=held[1]),
        ControlPeriod(iri.period_iri("c002", 2), GOVERNMENT, FINANCE, start=held[0], end=held[1]),
        ControlPeriod(iri.period_iri("c002", 3), SDF, SHEIKH_MAQSOUD, start=held[0], end=held[1]),
        ControlPeriod(iri.period_iri("c002", 4), RUSSIA, AIRPORT, kind="presence", start=held[0]),
    ]
    return facts


def gazetteer() -> Graph:
    g = Graph()
    g.add((URIRef(ASAYISH), SKOS.altLabel, Literal("Internal Security Forces", lang="en")))
    g.add((URIRef(ASAYISH), SKOS.hiddenLabel, Literal("الاسايش", lang="ar")))
    g.add((URIRef(EDUCATION), RDF.type, CKG.GovernmentOffice))
    g.add((URIRef(EDUCATION), SKOS.prefLabel, Literal("مديرية التربية", lang="ar")))
    g.add((URIRef(EDUCATION), SKOS.prefLabel, Literal("Education directorate", lang="en")))
    g.add((URIRef(EDUCATION), CKG.owner, URIRef(GOVERNMENT)))
    g.add((URIRef(SHEIKH_MAQSOUD), RDF.type, CKG.Neighbourhood))
    g.add((URIRef(SHEIKH_MAQSOUD), SKOS.prefLabel, Literal("Sheikh Maqsoud", lang="en")))
    return g


def write(store: OxigraphStore, *facts: ArticleFacts) -> None:
    for f in facts:
        g = article_graph(f, generated_at=STAMP)
        store.replace_graph(str(g.identifier), g)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[OxigraphStore]:
    with OxigraphStore(tmp_path / "store") as s:
        s.ensure_reference_graphs(gazetteer(), Graph().parse(ONTOLOGY, format="turtle"))
        yield s


def spans(periods: list[Period]) -> list[tuple[str, date | None, date | None, str | None, str | None]]:
    return [(p.holder, p.start, p.end, p.started_by, p.ended_by) for p in periods]


def test_seed_finance_directorate_timeline(store: OxigraphStore) -> None:
    write(store, seed_like())
    periods = facility_timeline(store, FINANCE)
    assert spans(periods) == [
        (GOVERNMENT, None, SEED_DAY, None, ev("a000", 1)),
        (ASAYISH, SEED_DAY, SEED_DAY, ev("a000", 1), ev("a000", 3)),
        (GOVERNMENT, SEED_DAY, None, ev("a000", 3), None),
    ]
    assert [p.sources for p in periods] == [[A], [A], [A]]
    assert periods[1].to_json() == {
        "holder": ASAYISH,
        "holder_label": "Asayish",
        "facility": FINANCE,
        "facility_label": "Finance directorate",
        "start": "2022-04-14",
        "end": "2022-04-14",
        "started_by": ev("a000", 1),
        "ended_by": ev("a000", 3),
        "sources": [A],
    }
    assert periods[0].to_json()["start"] is None
    assert periods[2].to_json()["end"] is None
    assert facility_timeline(store, FINANCE, lang="ar")[1].holder_label == "الأسايش"


def test_same_day_events_follow_seq_not_iri_or_list_order(store: OxigraphStore) -> None:
    facts = seed_like()
    # number the withdrawal before the seizure and list it first: only seq tells the order
    t = facts.article.text
    facts.events = [
        event("a000", 1, "Withdrawal", t, agent=[ASAYISH], target=[FINANCE], day=SEED_DAY, seq=7),
        event("a000", 2, "Seizure", t, agent=[ASAYISH], target=[FINANCE], day=SEED_DAY, seq=3),
    ]
    facts.control = []
    write(store, facts)
    assert spans(facility_timeline(store, FINANCE)) == [
        (GOVERNMENT, None, SEED_DAY, None, ev("a000", 2)),
        (ASAYISH, SEED_DAY, SEED_DAY, ev("a000", 2), ev("a000", 1)),
        (GOVERNMENT, SEED_DAY, None, ev("a000", 1), None),
    ]


def test_denied_seizure_never_opens_a_period(store: OxigraphStore) -> None:
    write(store, seed_like())
    assert spans(facility_timeline(store, SERVICES)) == [(GOVERNMENT, None, None, None, None)]
    assert SERVICES not in {p.facility for p in holdings(store, ASAYISH)}


def test_a_denial_overrides_an_asserted_report_in_another_article(store: OxigraphStore) -> None:
    b = later_seizure()
    denial = event("d003", 1, "Denial", b.article.text, speaker=[ASAYISH])
    denial.denies = [ev("b001", 1)]
    d = ArticleFacts(article=article("d003", LATER), entities=entities(b.article.text), events=[denial])
    write(store, seed_like(), b, d)
    assert [p.started_by for p in facility_timeline(store, FINANCE)] == [None, ev("a000", 1), ev("a000", 3)]


def test_second_article_seizure_on_a_later_date(store: OxigraphStore) -> None:
    write(store, later_seizure(), seed_like())  # written out of order on purpose
    periods = facility_timeline(store, FINANCE)
    assert spans(periods) == [
        (GOVERNMENT, None, SEED_DAY, None, ev("a000", 1)),
        (ASAYISH, SEED_DAY, SEED_DAY, ev("a000", 1), ev("a000", 3)),
        (GOVERNMENT, SEED_DAY, LATER, ev("a000", 3), ev("b001", 1)),
        (ASAYISH, LATER, None, ev("b001", 1), None),
    ]
    assert periods[2].sources == [A, B]
    assert periods[3].sources == [B]


def later_events(*events_: tuple[str, dict[str, list[str]]], status: str = "asserted") -> ArticleFacts:
    """Article b001 (1 May) telling ``events_`` (type, roles) in that order."""
    a = article("b001", LATER)
    facts = ArticleFacts(article=a, entities=entities(a.text))
    for n, (type_, roles) in enumerate(events_, start=1):
        facts.events.append(event("b001", n, type_, a.text, day=LATER, status=status, **roles))
    return facts


def test_a_handover_passes_the_facility_to_the_recipient_not_the_owner(store: OxigraphStore) -> None:
    # seed: the Asayish seize and leave on 14 April; b001 (1 May): they seize it again, then hand it to
    # the SDF: the Asayish's period ends and the SDF's starts, the government is not restored.
    write(
        store,
        seed_like(),
        later_events(
            ("Seizure", {"agent": [ASAYISH], "target": [FINANCE]}),
            ("Handover", {"agent": [ASAYISH], "target": [FINANCE], "beneficiary": [SDF]}),
        ),
    )
    assert spans(facility_timeline(store, FINANCE))[2:] == [
        (GOVERNMENT, SEED_DAY, LATER, ev("a000", 3), ev("b001", 1)),
        (ASAYISH, LATER, LATER, ev("b001", 1), ev("b001", 2)),
        (SDF, LATER, None, ev("b001", 2), None),
    ]
    assert [p.holder for p in holders(store, FINANCE)] == [SDF]


def test_a_handover_by_an_unrecorded_holder_still_gives_the_recipient_control(store: OxigraphStore) -> None:
    # Nothing in the store says the Asayish held it, but handing it over says they did: the facility
    # passes from whoever held it (the owner) to the recipient.
    write(store, later_events(("Handover", {"agent": [ASAYISH], "target": [FINANCE], "beneficiary": [SDF]})))
    assert spans(facility_timeline(store, FINANCE)) == [
        (GOVERNMENT, None, LATER, None, ev("b001", 1)),
        (SDF, LATER, None, ev("b001", 1), None),
    ]


@pytest.mark.parametrize("status", ["denied", "negated", "hypothetical", "reported"])
def test_a_handover_that_is_not_asserted_changes_nothing(store: OxigraphStore, status: str) -> None:
    write(
        store,
        later_events(
            ("Handover", {"agent": [ASAYISH], "target": [FINANCE], "beneficiary": [SDF]}), status=status
        ),
    )
    assert spans(facility_timeline(store, FINANCE)) == [(GOVERNMENT, None, None, None, None)]


def test_sieges_liftings_closures_and_reopenings_touch_no_control(store: OxigraphStore) -> None:
    write(
        store,
        later_events(
            ("Siege", {"besieger": [ASAYISH], "besieged": [FINANCE]}),
            ("SiegeLifting", {"besieger": [ASAYISH], "besieged": [FINANCE]}),
            ("Closure", {"agent": [SDF], "target": [FINANCE]}),
            ("Reopening", {"agent": [SDF], "target": [FINANCE]}),
        ),
    )
    assert spans(facility_timeline(store, FINANCE)) == [(GOVERNMENT, None, None, None, None)]


def test_holders_at_a_date_inclusive_and_now(store: OxigraphStore) -> None:
    write(store, seed_like(), later_seizure())
    assert [p.holder for p in holders(store, FINANCE, date(2022, 4, 1))] == [GOVERNMENT]
    assert [(p.holder, p.start) for p in holders(store, FINANCE, SEED_DAY)] == [
        (GOVERNMENT, None),
        (ASAYISH, SEED_DAY),
        (GOVERNMENT, SEED_DAY),
    ]
    assert [(p.holder, p.start) for p in holders(store, FINANCE, date(2022, 4, 20))] == [
        (GOVERNMENT, SEED_DAY)
    ]
    assert [(p.holder, p.start) for p in holders(store, FINANCE, LATER)] == [
        (GOVERNMENT, SEED_DAY),
        (ASAYISH, LATER),
    ]
    assert [(p.holder, p.start) for p in holders(store, FINANCE, None)] == [(ASAYISH, LATER)]


def test_holdings_of_an_actor(store: OxigraphStore) -> None:
    write(store, seed_like(), later_seizure())
    assert [(p.facility, p.start, p.end) for p in holdings(store, ASAYISH)] == [
        (FINANCE, SEED_DAY, SEED_DAY),
        (FINANCE, LATER, None),
    ]
    assert [(p.facility, p.start) for p in holdings(store, ASAYISH, date(2022, 4, 20))] == []
    assert [(p.facility, p.start) for p in holdings(store, ASAYISH, JUNE)] == [(FINANCE, LATER)]
    gov = {(p.facility, p.start) for p in holdings(store, GOVERNMENT, date(2022, 4, 20))}
    assert gov == {(FINANCE, SEED_DAY), (SERVICES, None), (EDUCATION, None)}


def test_presence_is_not_control(store: OxigraphStore) -> None:
    write(store, seed_like(), stated_control())
    assert facility_timeline(store, AIRPORT) == []
    assert holdings(store, RUSSIA) == []


def test_stated_periods_corroborate_or_stand_alone_but_never_contradict_events(store: OxigraphStore) -> None:
    write(store, seed_like(), later_seizure(), stated_control())
    finance = facility_timeline(store, FINANCE)
    # the Asayish statement falls in the Asayish period opened on 1 May: it adds its article there
    assert finance[-1].holder == ASAYISH
    assert finance[-1].sources == [B, C]
    # the government statement contradicts that seizure: left out
    assert len(finance) == 4
    assert all(C not in p.sources for p in finance if p.holder == GOVERNMENT)
    # a place with no owner and no events: the statement is the period
    assert spans(facility_timeline(store, SHEIKH_MAQSOUD)) == [(SDF, JUNE, JUNE, None, None)]
    assert facility_timeline(store, SHEIKH_MAQSOUD)[0].sources == [C]
    assert facility_timeline(store, SHEIKH_MAQSOUD)[0].facility_label == "Sheikh Maqsoud"


def test_group_target_stands_for_its_members(store: OxigraphStore) -> None:
    facts = seed_like()
    group = iri.entity_iri("Facility", "government departments")
    from conflictkg.facts import Entity

    facts.entities.append(Entity(group, "Facility", "الدوائر الحكومية", members=[FINANCE, EDUCATION]))
    facts.events[1].roles["target"] = [group]
    facts.events[3].roles["target"] = [group]
    write(store, facts)
    for facility in (FINANCE, EDUCATION):
        assert [p.holder for p in facility_timeline(store, facility)] == [GOVERNMENT, ASAYISH, GOVERNMENT]
    assert facility_timeline(store, group) == []


def test_replacing_an_article_replaces_its_periods(store: OxigraphStore) -> None:
    write(store, seed_like(), later_seizure())
    assert len(facility_timeline(store, FINANCE)) == 4
    store.remove_graph(iri.graph_iri("b001"))
    assert len(facility_timeline(store, FINANCE)) == 3


def test_resolve_iris_and_labels(store: OxigraphStore) -> None:
    write(store, seed_like())
    assert resolve(store, FINANCE, "facility") == FINANCE
    assert resolve(store, "Finance Directorate", "facility") == FINANCE
    assert resolve(store, "مديريه الماليه", "facility") == FINANCE  # teh marbuta written as heh
    assert resolve(store, "مُديرية المالية", "facility") == FINANCE  # with a diacritic
    assert resolve(store, "finance", "facility") == FINANCE  # a single partial match
    assert resolve(store, "الاسايش", "actor") == ASAYISH
    assert resolve(store, "internal security forces", "actor") == ASAYISH
    assert resolve(store, "Ashrafieh", "facility") == ASHRAFIEH  # places count as holdable


def test_resolve_errors_list_candidates(store: OxigraphStore) -> None:
    write(store, seed_like())
    with pytest.raises(NotFoundError, match=r"'directorate' names 2 facility entities: .*Education.*Finance"):
        resolve(store, "directorate", "facility")
    with pytest.raises(NotFoundError, match="no actor is labelled 'Asayish police'"):
        resolve(store, "Asayish police", "actor")
    with pytest.raises(NotFoundError, match="no facility is labelled 'Asayish'"):
        resolve(store, "Asayish", "facility")  # an actor is not a facility


def test_timeline_does_not_load_spacy() -> None:
    """Readers of the store (timeline, API) must not pay for the extraction stack."""
    import subprocess
    import sys

    code = "import sys, conflictkg.timeline; print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_fold_label_agrees_with_the_extractors_match_key() -> None:
    from conflictkg.extract.normalize import match_key

    for label in ("الأسايش", "مديرية المالية", "إدلب", "مُؤسسة", "الفرقة ٤", "Qamishli Airport", "قوى الأمن"):
        assert fold_label(label) == match_key(label), label


def test_fold_label() -> None:
    assert fold_label("  الأسـايش ") == fold_label("الاسايش")
    assert fold_label("مديرية") == fold_label("مديريه")
    assert fold_label("The 4th-Division") == "the 4th division"
    assert fold_label("إدلب") != fold_label("حلب")


def test_seed_article_end_to_end(tmp_path: Path, seed_text: str) -> None:
    """The real chain on the seed article: extractor -> model -> project shapes -> store -> timeline."""
    from conflictkg.extract import Extractor
    from conflictkg.gazetteer import gazetteer_graph, load_gazetteer
    from conflictkg.ingest import ingest
    from conflictkg.settings import Settings
    from conflictkg.validate import Validator, load_ontology

    s = Settings(store_dir=tmp_path / "store")
    extractor = Extractor(load_gazetteer(s.gazetteer_dir, s.ontology_file))
    validator = Validator.from_files(s.shapes_file, s.ontology_file)
    seed = article("seed", SEED_DAY, seed_text)
    with OxigraphStore(s.store_dir) as store:
        store.ensure_reference_graphs(gazetteer_graph(s.gazetteer_dir), load_ontology(s.ontology_file))
        report = ingest([seed], extractor=extractor, store=store, validator=validator)
        assert report.ok, [r.reason for r in report.rejected]
        facility = resolve(store, "مديرية المالية في القامشلي", "facility")
        assert facility == FINANCE
        periods = facility_timeline(store, facility)
        assert [(p.holder, p.start, p.end) for p in periods] == [
            (GOVERNMENT, None, SEED_DAY),
            (ASAYISH, SEED_DAY, SEED_DAY),
            (GOVERNMENT, SEED_DAY, None),
        ]
        seizure, withdrawal = periods[1].started_by, periods[1].ended_by
        assert periods[0].ended_by == seizure and periods[2].started_by == withdrawal
        assert all(p.sources == [seed.id] for p in periods)
        order = store.query(
            f"PREFIX ckg: <{CKG_NS}> SELECT ?s ?w WHERE {{ <{seizure}> a ckg:Seizure ; ckg:seq ?s . "
            f"<{withdrawal}> a ckg:Withdrawal ; ckg:seq ?w }}"
        ).rows
        assert len(order) == 1 and order[0]["s"] < order[0]["w"]
        # the denied seizure of the service institutions opened nothing
        denied_targets = store.query(
            f"PREFIX ckg: <{CKG_NS}> SELECT ?t WHERE {{ ?e ckg:status ckg:Denied ; ckg:targetFacility ?t }}"
        ).column("t")
        assert denied_targets
        assert not {p.facility for p in holdings(store, ASAYISH)} & set(denied_targets)
