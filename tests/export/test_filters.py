"""Filters of the graph exports: --from/--to, --types, --around/--depth, and their errors."""

from __future__ import annotations

import io
from datetime import date

import pytest
from export_helpers import exported, parse_gexf

from conflictkg.errors import InputError, NotFoundError
from conflictkg.export import ExportFormat, ExportOptions, export, lint_gexf
from conflictkg.store import OxigraphStore

SEED_DAY = date(2022, 4, 14)


def test_a_date_window_keeps_only_what_shares_a_day_with_it(synthetic_store: OxigraphStore) -> None:
    full = parse_gexf(exported(synthetic_store, "gexf"))
    lo, hi = date(2020, 1, 10), date(2020, 1, 20)
    doc = parse_gexf(exported(synthetic_store, "gexf", date_from=lo, date_to=hi))
    events = [n for n in doc.nodes.values() if n.values["type"] == "Event"]
    full_events = [n for n in full.nodes.values() if n.values["type"] == "Event"]
    inside = [n for n in full_events if (n.start or date.min) <= hi and lo <= (n.end or date.max)]
    assert events and len(events) == len(inside) < len(full_events)
    assert all((n.start or date.min) <= hi and lo <= (n.end or date.max) for n in events)
    for e in doc.edges:
        assert all((s or date.min) <= hi and lo <= (t or date.max) for s, t in e.spells), e.id
    touched = {e.source for e in doc.edges} | {e.target for e in doc.edges}
    assert set(doc.nodes) == touched, "every kept entity touches a kept edge"
    assert lint_gexf(exported(synthetic_store, "gexf", date_from=lo, date_to=hi)) == []


def test_the_seed_day_keeps_the_seizure_and_the_day_after_drops_it(real_store: OxigraphStore) -> None:
    doc = parse_gexf(exported(real_store, "gexf", date_from=SEED_DAY, date_to=SEED_DAY))
    events = [n for n in doc.nodes.values() if n.values["type"] == "Event"]
    assert events and {"Seizure", "Withdrawal", "Negotiation"} <= {n.values["class"] for n in events}
    assert all((n.start or date.min) <= SEED_DAY <= (n.end or date.max) for n in events)
    for e in doc.edges:
        assert all((s or date.min) <= SEED_DAY <= (t or date.max) for s, t in e.spells), e.id
    assert "held|asayish|qamishli-finance-directorate" in {e.id for e in doc.edges}
    after = parse_gexf(exported(real_store, "gexf", date_from=date(2022, 4, 15), date_to=date(2022, 12, 31)))
    seed_day_events = {n.id for n in events if n.start == n.end == SEED_DAY}
    assert seed_day_events and not seed_day_events & set(after.nodes)
    assert "held|asayish|qamishli-finance-directorate" not in {e.id for e in after.edges}
    assert "held|syrian-government|qamishli-finance-directorate" in {e.id for e in after.edges}


def test_a_window_before_everything_keeps_only_open_ended_control(real_store: OxigraphStore) -> None:
    doc = parse_gexf(exported(real_store, "gexf", date_to=date(1990, 1, 1)))
    assert not [n for n in doc.nodes.values() if n.values["type"] == "Event"]
    assert doc.edges and {e.kind for e in doc.edges} <= {"held", "located-in", "part-of"}
    assert all(s is None for e in doc.edges for s, _ in e.spells)


def test_types_keep_the_named_classes_and_their_subclasses(real_store: OxigraphStore) -> None:
    doc = parse_gexf(exported(real_store, "gexf", types=("Actor", "Facility")))
    assert {n.values["type"] for n in doc.nodes.values()} == {"Actor", "Facility"}
    assert {e.kind for e in doc.edges} <= {"held", "part-of"}
    assert any(e.kind == "held" for e in doc.edges)
    armed = parse_gexf(exported(real_store, "gexf", types=("ckg:ArmedGroup", "seizure")))
    classes = {n.values["class"] for n in armed.nodes.values()}
    assert "Seizure" in classes and classes <= {"ArmedGroup", "Seizure"}
    security = parse_gexf(exported(real_store, "gexf", types=("SecurityService",)))
    assert "asayish" in security.nodes


def test_an_unknown_type_is_refused_with_its_name(real_store: OxigraphStore) -> None:
    with pytest.raises(InputError, match="'Tank'"):
        exported(real_store, "gexf", types=("Tank",))


def test_around_keeps_the_neighbourhood_of_an_entity(real_store: OxigraphStore) -> None:
    full = parse_gexf(exported(real_store, "gexf"))
    neighbours = {e.target for e in full.edges if e.source == "asayish"} | {
        e.source for e in full.edges if e.target == "asayish"
    }
    doc = parse_gexf(exported(real_store, "gexf", around="asayish", depth=1))
    assert set(doc.nodes) == neighbours | {"asayish"}
    alone = parse_gexf(exported(real_store, "gexf", around="https://w3id.org/conflictkg/id/asayish", depth=0))
    assert set(alone.nodes) == {"asayish"} and alone.edges == []
    by_label = parse_gexf(exported(real_store, "gexf", around="الأسايش", depth=1))
    assert set(by_label.nodes) == set(doc.nodes)
    facility = parse_gexf(exported(real_store, "gexf", around="qamishli-finance-directorate", depth=1))
    assert {"asayish", "syrian-government", "qamishli"} <= set(facility.nodes)
    two = parse_gexf(exported(real_store, "gexf", around="asayish", depth=2))
    assert set(doc.nodes) < set(two.nodes)


def test_around_an_unknown_entity_says_so(real_store: OxigraphStore) -> None:
    with pytest.raises(NotFoundError, match="Atlantis"):
        exported(real_store, "gexf", around="Atlantis")
    with pytest.raises(NotFoundError, match="no actor, facility, place or event"):
        exported(real_store, "gexf", around="https://w3id.org/conflictkg/id/nowhere")


@pytest.mark.parametrize("fmt", [ExportFormat.TRIG, ExportFormat.NQUADS, ExportFormat.JSONLD])
def test_filters_on_a_full_rdf_dump_are_refused(real_store: OxigraphStore, fmt: ExportFormat) -> None:
    out = io.BytesIO()
    with pytest.raises(InputError, match="gexf, graphml and csv only"):
        export(real_store, fmt, out, options=ExportOptions(date_from=SEED_DAY))
    assert out.getvalue() == b""


def test_bad_filter_values_are_refused(real_store: OxigraphStore) -> None:
    with pytest.raises(InputError, match="after"):
        exported(real_store, "gexf", date_from=date(2023, 1, 2), date_to=date(2023, 1, 1))
    with pytest.raises(InputError, match="negative"):
        exported(real_store, "gexf", around="asayish", depth=-1)
    with pytest.raises(InputError, match="'fr'"):
        exported(real_store, "gexf", lang="fr")
