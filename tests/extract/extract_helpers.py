"""Helpers shared by the extraction tests: control periods as readable (holder, target, status) tuples."""

from __future__ import annotations

from conflictkg.facts import ArticleFacts, ControlPeriod


def entity_labels(facts: ArticleFacts) -> dict[str, str]:
    """Entity IRI -> label."""
    return {e.id: e.label for e in facts.entities}


def control_tuples(facts: ArticleFacts) -> set[tuple[str, str, str]]:
    """(holder label, target label, started/ended/held) of every control period."""
    names = entity_labels(facts)

    def status(p: ControlPeriod) -> str:
        if p.started_by:
            return "started"
        return "ended" if p.ended_by else "held"

    return {(names[p.holder], names[p.facility], status(p)) for p in facts.control if p.kind == "control"}
