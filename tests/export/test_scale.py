"""The exports of a synthetic corpus (many articles, many facilities changing hands over years): valid,
lint-clean, and telling the same holders as the timeline on every sampled day."""

from __future__ import annotations

from datetime import date, timedelta

from export_helpers import exported, parse_gexf
from lxml import etree

from conflictkg import timeline
from conflictkg.export import lint_gexf
from conflictkg.store import OxigraphStore


def test_the_synthetic_gexf_is_valid_and_clean(
    synthetic_store: OxigraphStore, gexf_schema: etree.RelaxNG
) -> None:
    data = exported(synthetic_store, "gexf")
    assert gexf_schema.validate(etree.fromstring(data)), gexf_schema.error_log
    assert lint_gexf(data) == []


def test_holders_implied_by_the_spells_match_the_timeline_on_sampled_days(
    synthetic_store: OxigraphStore,
) -> None:
    doc = parse_gexf(exported(synthetic_store, "gexf"))
    held = [e for e in doc.edges if e.kind == "held"]
    with_changes = sorted({doc.iri_of(e.target) for e in held if any(s for s, _ in e.spells)})
    assert len(with_changes) >= 20
    days = [date(2019, 12, 31)] + [date(2020, 1, 1) + timedelta(days=d) for d in range(0, 70, 3)]
    for facility in with_changes[:25]:
        for day in days:
            expected = {p.holder for p in timeline.holders(synthetic_store, facility, day)}
            implied = {
                doc.iri_of(e.source) for e in held if doc.iri_of(e.target) == facility and e.exists_on(day)
            }
            assert implied == expected, (facility, day)
