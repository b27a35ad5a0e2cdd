"""Only asserted events open or close control: checked on every passage of the gold set (dev and held-out).

This is a structural invariant of the extractor, not a score: it runs the extractor over all the passages
and fails on any control period started or ended by an event that is denied, negated, hypothetical
(planned) or reported.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conflictkg.cli import build_extractor
from conflictkg.evaluate import load_gold
from conflictkg.settings import Settings

PASSAGES = Path(__file__).resolve().parent.parent / "data" / "passages"


@pytest.fixture(scope="module")
def extracted() -> list:
    extractor = build_extractor(Settings())
    return [extractor(item.article()) for item in load_gold(PASSAGES)]


def test_the_gold_set_is_there(extracted: list) -> None:
    assert len(extracted) >= 200


def test_no_control_from_events_that_did_not_happen(extracted: list) -> None:
    offenders = []
    non_asserted = 0
    for facts in extracted:
        status = {e.id: e.status for e in facts.events}
        non_asserted += sum(1 for s in status.values() if s != "asserted")
        for period in facts.control:
            for event in (period.started_by, period.ended_by):
                if event is not None and status.get(event) != "asserted":
                    offenders.append((facts.article.id, period.id, event, status.get(event)))
    assert non_asserted >= 20, "the set must exercise denied, negated and planned events"
    assert offenders == []
