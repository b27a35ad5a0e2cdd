"""The seed article: every gold entity, event and control fact is found, with exact offsets.

The gold file is read from ../shared/seed at test time. The matcher follows the scorer's rules:
entities by type + a mention matching (normalised, equal or one containing the other) a gold surface
or mention; events by type (gold "Other" by subtype) + a gold trigger inside the predicted trigger or
evidence; control as (holder, target, status) tuples. Matching is one-to-one (maximum bipartite).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from conflictkg import iri
from conflictkg.extract import Extractor, match_key
from conflictkg.facts import Article, ArticleFacts

SEED = Path(__file__).resolve().parents[3] / "shared" / "seed"
PUBLISHED = date(2022, 4, 14)
OTHER_SUBTYPES = {
    "Promise": "Promise",
    "Deployment": "Deployment",
    "RoadOpening/CheckpointRemoval": "Reopening",
    "SecurityMeasures": "Statement",
}


def _matching(left: list[Any], right: list[Any], ok: Callable[[Any, Any], bool]) -> dict[int, int]:
    """Maximum one-to-one matching left -> right (augmenting paths)."""
    match_r: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j, r in enumerate(right):
            if j in seen or not ok(left[i], r):
                continue
            seen.add(j)
            if j not in match_r or augment(match_r[j], seen):
                match_r[j] = i
                return True
        return False

    for i in range(len(left)):
        augment(i, set())
    return {i: j for j, i in match_r.items()}


def _close(a: str, b: str) -> bool:
    ka, kb = match_key(a), match_key(b)
    return bool(ka and kb) and (ka == kb or ka in kb or kb in ka)


@pytest.fixture(scope="module")
def gold() -> dict[str, Any]:
    return json.loads((SEED / "expected.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def text() -> str:
    return (SEED / "article.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def facts(extractor: Extractor, text: str) -> ArticleFacts:
    return extractor(
        Article(iri.article_iri("seed"), text, "ar", PUBLISHED, source="https://sy-24.com/85302")
    )


@pytest.fixture(scope="module")
def entity_map(facts: ArticleFacts, gold: dict[str, Any]) -> dict[str, str]:
    """gold entity id -> predicted entity IRI."""
    golds = gold["entities"]

    def exact(g: dict[str, Any], e: Any) -> bool:
        names = {match_key(n) for n in (g["surface"], *g["mentions"])}
        return g["type"] == e.type and any(match_key(m.text) in names for m in e.mentions)

    def close(g: dict[str, Any], e: Any) -> bool:
        names = [g["surface"], *g["mentions"]]
        return g["type"] == e.type and any(_close(m.text, n) for m in e.mentions for n in names)

    # equal mentions first, then containment for what is left (a looser rule alone would pair
    # "قوات النظام" with "النظام")
    first = _matching(golds, facts.entities, exact)
    rest_g = [i for i in range(len(golds)) if i not in first]
    rest_e = [j for j in range(len(facts.entities)) if j not in first.values()]
    second = _matching([golds[i] for i in rest_g], [facts.entities[j] for j in rest_e], close)
    pairs = first | {rest_g[a]: rest_e[b] for a, b in second.items()}
    return {golds[i]["id"]: facts.entities[j].id for i, j in pairs.items()}


def _gold_type(ev: dict[str, Any]) -> str:
    return OTHER_SUBTYPES[ev["subtype"]] if ev["type"] == "Other" else ev["type"]


@pytest.fixture(scope="module")
def event_map(facts: ArticleFacts, gold: dict[str, Any]) -> dict[str, str]:
    golds = gold["events"]

    def ok(g: dict[str, Any], e: Any) -> bool:
        spans = [s.text for s in (e.trigger, e.evidence) if s is not None]
        return _gold_type(g) == e.type and any(
            match_key(t) in match_key(s) for t in g["trigger"] for s in spans
        )

    pairs = _matching(golds, facts.events, ok)
    return {golds[i]["id"]: facts.events[j].id for i, j in pairs.items()}


def _predicted_control(facts: ArticleFacts) -> set[tuple[str, str, str]]:
    out: set[tuple[str, str, str]] = set()
    for p in facts.control:
        if p.kind != "control":
            continue
        if p.started_by:
            out.add((p.holder, p.facility, "started"))
        if p.ended_by:
            out.add((p.holder, p.facility, "ended"))
        if not p.started_by and not p.ended_by:
            out.add((p.holder, p.facility, "held"))
    for ev in facts.events:
        if ev.type == "Seizure" and ev.status == "denied":
            for a in ev.roles.get("agent", []):
                for t in ev.roles.get("target", []):
                    out.add((a, t, "denied"))
    return out


def _spans(facts: ArticleFacts) -> Iterable[Any]:
    for e in facts.entities:
        yield from e.mentions
    for ev in facts.events:
        yield ev.evidence
        if ev.trigger is not None:
            yield ev.trigger
    for p in facts.control:
        if p.evidence is not None:
            yield p.evidence


def test_every_gold_entity_is_found(entity_map: dict[str, str], gold: dict[str, Any]) -> None:
    missing = [g["id"] + " " + g["surface"] for g in gold["entities"] if g["id"] not in entity_map]
    assert missing == []


def test_entity_precision_is_at_least_ninety_percent(entity_map: dict[str, str], facts: ArticleFacts) -> None:
    extra = [e.label for e in facts.entities if e.id not in entity_map.values()]
    assert len(entity_map) / len(facts.entities) >= 0.9, extra


def test_every_gold_event_is_found(event_map: dict[str, str], gold: dict[str, Any]) -> None:
    missing = [g["id"] + " " + g["type"] for g in gold["events"] if g["id"] not in event_map]
    assert missing == []


def test_event_precision_is_at_least_ninety_percent(event_map: dict[str, str], facts: ArticleFacts) -> None:
    extra = [
        (e.type, e.trigger.text if e.trigger else None)
        for e in facts.events
        if e.id not in event_map.values()
    ]
    assert len(event_map) / len(facts.events) >= 0.9, extra


def test_every_gold_control_fact_is_found_and_precision_holds(
    facts: ArticleFacts, gold: dict[str, Any], entity_map: dict[str, str]
) -> None:
    expected = {
        (entity_map.get(c["holder"][0]), entity_map.get(c["target"]), c["status"]) for c in gold["control"]
    }
    predicted = _predicted_control(facts)
    assert expected - predicted == set()
    assert len(expected & predicted) / len(predicted) >= 0.9, predicted - expected


def test_offsets_point_at_the_original_text(facts: ArticleFacts, text: str) -> None:
    spans = list(_spans(facts))
    assert len(spans) > 60
    bad = [s for s in spans if text[s.start : s.end] != s.text]
    assert bad == []


def test_json_validates_against_the_shared_schema(facts: ArticleFacts) -> None:
    schema = json.loads((SEED / "facts.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    errors = [e.message for e in validator.iter_errors(facts.to_json())]
    assert errors == []


def test_no_control_period_comes_from_a_denied_or_unasserted_event(facts: ArticleFacts) -> None:
    status = {e.id: e.status for e in facts.events}
    linked = [p for p in facts.control if p.started_by or p.ended_by]
    assert linked, "the seizure and the withdrawal must open and close periods"
    for p in linked:
        for ev in (p.started_by, p.ended_by):
            if ev is not None:
                assert status[ev] == "asserted", p


def test_the_seizure_comes_before_the_withdrawal_in_the_story(
    facts: ArticleFacts, event_map: dict[str, str]
) -> None:
    by_id = {e.id: e for e in facts.events}
    seizure, withdrawal = by_id[event_map["V2"]], by_id[event_map["V1"]]
    assert seizure.seq < withdrawal.seq
    assert sorted(e.seq for e in facts.events) == list(range(1, len(facts.events) + 1))


def test_the_withdrawal_from_the_group_closes_every_seized_facility(
    facts: ArticleFacts, entity_map: dict[str, str], event_map: dict[str, str]
) -> None:
    g1 = facts.entity(entity_map["G1"])
    seized = {entity_map[f"F{n}"] for n in range(2, 12)}
    assert set(g1.members) == seized
    withdrawal = event_map["V1"]
    closed = {p.facility for p in facts.control if p.ended_by == withdrawal}
    assert closed == seized


def test_the_denial_links_its_denied_seizure(facts: ArticleFacts, event_map: dict[str, str]) -> None:
    by_id = {e.id: e for e in facts.events}
    denial, denied = by_id[event_map["V10"]], by_id[event_map["V11"]]
    assert denial.denies == [denied.id]
    assert denied.status == "denied"
    assert denial.roles["speaker"] == denied.roles["agent"]


def test_negotiation_roles_and_outcome(
    facts: ArticleFacts, entity_map: dict[str, str], event_map: dict[str, str]
) -> None:
    by_id = {e.id: e for e in facts.events}
    neg = by_id[event_map["V5"]]
    assert set(neg.roles["party"]) == {entity_map["A4"], entity_map["A5"]}
    assert neg.roles["mediator"] == [entity_map["A6"]]
    assert neg.outcome == [event_map["V1"]]


def test_presence_is_not_control(facts: ArticleFacts, entity_map: dict[str, str]) -> None:
    presence = [p for p in facts.control if p.kind == "presence"]
    assert [(p.holder, p.facility) for p in presence] == [(entity_map["A6"], entity_map["F1"])]
    assert not any(p.holder == entity_map["A6"] and p.kind == "control" for p in facts.control)


def test_times_are_anchored_to_the_publication_date(facts: ArticleFacts, event_map: dict[str, str]) -> None:
    by_id = {e.id: e for e in facts.events}
    withdrawal = by_id[event_map["V1"]]
    assert withdrawal.time is not None and withdrawal.time.text == "بعد ساعات من اقتحامها"
    assert withdrawal.time.exact == PUBLISHED
    seizure = by_id[event_map["V2"]]
    assert seizure.time is not None and seizure.time.exact == PUBLISHED and seizure.time.text is None
    assert "default-publication-date" in seizure.rule


def test_every_reference_points_at_an_entity_or_event_of_the_article(facts: ArticleFacts) -> None:
    entities = {e.id for e in facts.entities}
    events = {e.id for e in facts.events}
    roles = {x for e in facts.events for v in e.roles.values() for x in v}
    assert roles and roles <= entities
    assert {x for e in facts.events for x in (*e.denies, *e.in_response_to, *e.outcome)} <= events
    assert {x for p in facts.control for x in (p.holder, p.facility)} <= entities
    assert {m for e in facts.entities for m in e.members} <= entities
    assert len(events) == len(facts.events) and len(entities) == len(facts.entities)
