"""Helpers shared by the extraction tests: events of a type, readable labels, and control periods as
(holder, target, status) tuples."""

from __future__ import annotations

from conflictkg.facts import ArticleFacts, ControlPeriod, Event


def entity_labels(facts: ArticleFacts, *, english: bool = False) -> dict[str, str]:
    """Entity IRI -> label (with ``english``, the English label where there is one)."""
    return {e.id: (e.label_en or e.label) if english else e.label for e in facts.entities}


def events_of(facts: ArticleFacts, kind: str) -> list[Event]:
    """The events of type ``kind``, in output order."""
    return [e for e in facts.events if e.type == kind]


def only_event(facts: ArticleFacts, kind: str) -> Event:
    """The one event of type ``kind`` (fails, listing every event, when there is not exactly one)."""
    found = events_of(facts, kind)
    assert len(found) == 1, f"expected one {kind}, got {[(e.type, e.status, e.roles) for e in facts.events]}"
    return found[0]


def role_labels(facts: ArticleFacts, event: Event, role: str) -> list[str]:
    """The labels of the fillers of ``role`` in ``event``."""
    names = entity_labels(facts)
    return [names[i] for i in event.roles.get(role, [])]


def english_labels(facts: ArticleFacts, iris: list[str]) -> list[str]:
    """The English label (else the label) of each entity of ``iris``."""
    names = entity_labels(facts, english=True)
    return [names[i] for i in iris]


def control_tuples(facts: ArticleFacts, *, english: bool = False) -> set[tuple[str, str, str]]:
    """(holder label, target label, started/ended/held) of every control period."""
    names = entity_labels(facts, english=english)

    def status(p: ControlPeriod) -> str:
        if p.started_by:
            return "started"
        return "ended" if p.ended_by else "held"

    return {(names[p.holder], names[p.facility], status(p)) for p in facts.control if p.kind == "control"}
