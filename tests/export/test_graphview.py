"""The graph view's own rules: merging spells of one pair, node ids, labels, on a synthetic store."""

from __future__ import annotations

from datetime import date

from conflictkg import timeline
from conflictkg.export.graphview import Node, Spell, build_view, merge_spells, node_id
from conflictkg.namespace import CKR_NS
from conflictkg.store import OxigraphStore
from conftest import SYNTHETIC_ARTICLES

D = date(2022, 4, 14)


def test_overlapping_spells_merge_and_separate_ones_stay_apart() -> None:
    a = Spell(None, D, ("a1",))
    b = Spell(D, D, ("a2",))
    c = Spell(D, None, ("a1", "a3"))
    assert merge_spells([c, b, a]) == [Spell(None, None, ("a1", "a2", "a3"))]
    x = Spell(date(2020, 1, 1), date(2020, 1, 31), ("x",))
    y = Spell(date(2020, 2, 1), date(2020, 2, 5), ("y",))  # the next day: adjacent, not overlapping
    assert merge_spells([y, x]) == [x, y]
    z = Spell(date(2020, 1, 20), date(2020, 3, 1), ("z",))
    assert merge_spells([x, y, z]) == [Spell(date(2020, 1, 1), date(2020, 3, 1), ("x", "z", "y"))]


def test_node_ids_drop_the_resource_namespace_only() -> None:
    assert node_id(CKR_NS + "asayish") == "asayish"
    assert node_id(CKR_NS + "facility/abc-123") == "facility/abc-123"
    assert node_id("http://www.wikidata.org/entity/Q1") == "http://www.wikidata.org/entity/Q1"


def test_labels_fall_back_across_languages_and_events_say_what_and_when() -> None:
    n = Node("x", CKR_NS + "x", "Actor", "ArmedGroup", labels={"ar": "الأسايش  الكردية"})
    assert n.label("en") == "الأسايش الكردية"
    e = Node("e", CKR_NS + "ev-k-1", "Event", "Seizure", start=D, end=D)
    assert e.label("en") == "Seizure 2022-04-14"
    assert Node("p", CKR_NS + "somewhere", "Place", "Place").label("ar") == "somewhere"


def test_the_synthetic_corpus_gives_the_expected_graph(synthetic_store: OxigraphStore) -> None:
    view = build_view(synthetic_store)
    kinds = [e.kind for e in view.edges]
    # every article: one seizure agent, one besieger, two parties, one mediator, one speaker, one denied
    # seizure's agent; a withdrawal agent every third article
    withdrawals = len(range(0, SYNTHETIC_ARTICLES, 3))
    assert kinds.count("agent") == 2 * SYNTHETIC_ARTICLES + withdrawals
    assert kinds.count("mediator") == SYNTHETIC_ARTICLES
    assert kinds.count("party") == 2 * SYNTHETIC_ARTICLES
    events = [n for n in view.nodes if n.kind == "Event"]
    assert len(events) == 5 * SYNTHETIC_ARTICLES + withdrawals
    held = [e for e in view.edges if e.kind == "held"]
    pairs = {(p.holder, p.facility) for ps in timeline.timelines(synthetic_store).values() for p in ps}
    assert len(held) == len(pairs)
    for e in held:
        starts = [s.start or date.min for s in e.spells]
        assert starts == sorted(starts)
        assert all(
            a.end is not None and a.end < (b.start or date.min)
            for a, b in zip(e.spells, e.spells[1:], strict=False)
        )
