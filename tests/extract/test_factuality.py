"""Factuality of Arabic event mentions: future and planned, negated and refused, denied and reported.

Each phenomenon is tested on several general sentences (not copies of any gold passage): the status of
the event, and that only asserted events open or close control periods.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from conflictkg.facts import ArticleFacts, Event
from conflictkg.namespace import CKR_NS

R = CKR_NS


def _one(facts: ArticleFacts, event_type: str) -> Event:
    found = [e for e in facts.events if e.type == event_type]
    assert len(found) == 1, [(e.type, e.status, e.trigger.text if e.trigger else None) for e in facts.events]
    return found[0]


# --- planned and future ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        # سـ on the trigger verb
        ("ستنسحب قوات الدعم السريع من مطار الخرطوم الدولي.", "Withdrawal"),
        ("سيسيطر الجيش الوطني الليبي على مطار الخرطوم الدولي.", "Seizure"),
        # plan markers right before the verb
        ("من المنتظر أن تنسحب قوات الدعم السريع من مطار الخرطوم الدولي.", "Withdrawal"),
        ("ومن المتوقع أن تسيطر جماعة الحوثي على مطار الخرطوم الدولي خلال أيام.", "Seizure"),
        # a marker several words before the trigger, within its clause
        ("يعتزم الجيش الوطني الليبي إطلاق عملية لاستعادة مطار الخرطوم الدولي.", "Seizure"),
        ("تخطط قوات الدعم السريع للانسحاب من مطار الخرطوم الدولي.", "Withdrawal"),
        ("وافقت قوات الدعم السريع على إخلاء مطار الخرطوم الدولي.", "Withdrawal"),
        # a threat
        ("هددت جماعة الحوثي باقتحام مطار الخرطوم الدولي.", "Seizure"),
        # a future support verb before the event noun
        ("ستقوم قوات الدعم السريع بإغلاق مطار الخرطوم الدولي.", "Closure"),
    ],
)
def test_planned_and_future_events_open_no_control(
    extract: Callable[..., ArticleFacts], text: str, event_type: str
) -> None:
    facts = extract(text)
    ev = _one(facts, event_type)
    assert ev.status == "hypothetical", ev.rule
    assert ev.roles.get("agent"), "the planned event keeps its agent"
    assert [p for p in facts.control if p.kind == "control" and (p.started_by or p.ended_by)] == []


def test_a_plan_after_a_comma_leaves_the_asserted_clause_asserted(
    extract: Callable[..., ArticleFacts],
) -> None:
    facts = extract(
        "انتشرت قوات الدعم السريع في مدينة نيالا، على أن تتسلم مطار الخرطوم الدولي الأسبوع المقبل."
    )
    assert _one(facts, "Deployment").status == "asserted"
    seizure = _one(facts, "Seizure")
    assert seizure.status == "hypothetical" and seizure.roles["agent"] == [R + "rsf"]
    assert seizure.roles["target"] == [R + "khartoum-airport"]


def test_a_past_verb_is_never_planned(extract: Callable[..., ArticleFacts]) -> None:
    # "على أن" before a past verb introduces what was said, not a plan
    facts = extract("أكدت مصادر محلية على أن قوات الدعم السريع انسحبت من مطار الخرطوم الدولي.")
    withdrawal = _one(facts, "Withdrawal")
    assert withdrawal.status == "asserted"
    assert any(p.ended_by == withdrawal.id for p in facts.control)


def test_a_plan_marker_does_not_reach_past_an_earlier_past_event(
    extract: Callable[..., ArticleFacts],
) -> None:
    facts = extract("انسحبت الأسايش من مديرية المالية في القامشلي، ومن المنتظر أن تنسحب من المربع الأمني.")
    first, second = sorted(_all(facts, "Withdrawal"), key=lambda e: e.evidence.start)
    assert first.status == "asserted" and second.status == "hypothetical"
    assert second.roles["agent"] == [R + "asayish"]


def _all(facts: ArticleFacts, event_type: str) -> list[Event]:
    return [e for e in facts.events if e.type == event_type]


# --- negation and refusal ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("رفضت قوات الدعم السريع الانسحاب من مطار الخرطوم الدولي.", "Withdrawal"),
        ("فشلت قوات الدعم السريع في اقتحام مطار الخرطوم الدولي.", "Seizure"),
        ("لم تتمكن قوات الدعم السريع من اقتحام مطار الخرطوم الدولي.", "Seizure"),
        ("امتنعت قوات الدعم السريع عن الانسحاب من مطار الخرطوم الدولي.", "Withdrawal"),
        ("أكدت قوات الدعم السريع عدم انسحابها من مطار الخرطوم الدولي.", "Withdrawal"),
        ("لم تنسحب قوات الدعم السريع من مطار الخرطوم الدولي.", "Withdrawal"),
    ],
)
def test_negated_and_refused_events_open_no_control(
    extract: Callable[..., ArticleFacts], text: str, event_type: str
) -> None:
    facts = extract(text)
    ev = _one(facts, event_type)
    assert ev.status == "negated", ev.rule
    assert ev.roles.get("agent") == [R + "rsf"]
    assert not any(p.started_by == ev.id or p.ended_by == ev.id for p in facts.control)


def test_the_object_suffix_after_a_support_verb_and_its_subject(extract: Callable[..., ArticleFacts]) -> None:
    # "لم تتمكن X من دخوله": X is the agent, the suffix the place named before
    facts = extract("تحصنت قوات الدعم السريع في مطار الخرطوم الدولي، ولم تتمكن جماعة الحوثي من دخوله.")
    seizure = _one(facts, "Seizure")
    assert seizure.status == "negated"
    assert seizure.roles["agent"] == [R + "houthis"]
    assert seizure.roles["target"] == [R + "khartoum-airport"]


def test_preventing_entry_is_no_seizure(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("منعت قوات الدعم السريع دخول الشاحنات إلى مطار الخرطوم الدولي.")
    assert [e for e in facts.events if e.type == "Seizure" and e.status == "asserted"] == []
    assert [p for p in facts.control if p.started_by] == []


# --- denials -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "event_type", "agent"),
    [
        (
            "سيطر الجيش الوطني الليبي على مطار الخرطوم الدولي، لكن قوات الدعم السريع نفت ذلك.",
            "Seizure",
            "lna",
        ),
        (
            "أعلن الجيش الوطني الليبي انسحابه من مطار الخرطوم الدولي، في حين نفت قوات الدعم السريع ذلك.",
            "Withdrawal",
            "lna",
        ),
        (
            "حاصرت جماعة الحوثي مطار الخرطوم الدولي بحسب ناشطين. ونفت جماعة الحوثي هذه الأنباء.",
            "Siege",
            "houthis",
        ),
    ],
)
def test_a_denial_of_that_denies_the_event_told_before(
    extract: Callable[..., ArticleFacts], text: str, event_type: str, agent: str
) -> None:
    facts = extract(text)
    ev = _one(facts, event_type)
    assert ev.status == "denied", ev.rule
    assert R + agent in [iri for role in ("agent", "besieger") for iri in ev.roles.get(role, [])]
    denial = _one(facts, "Denial")
    assert denial.denies == [ev.id]
    assert not any(p.started_by == ev.id or p.ended_by == ev.id for p in facts.control)


def test_a_denial_of_that_leaves_what_follows_it_alone(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("نفت قوات الدعم السريع ذلك، وانسحبت من مطار الخرطوم الدولي.")
    withdrawal = _one(facts, "Withdrawal")
    assert withdrawal.status == "asserted"
    assert withdrawal.roles["agent"] == [R + "rsf"]


def test_a_denied_withdrawal_of_its_own_forces(extract: Callable[..., ArticleFacts]) -> None:
    # "انسحاب قواته": the forces of the denier, named by a pronoun suffix on the genitive
    facts = extract("نفى الجيش الوطني الليبي الأنباء عن انسحاب قواته من مطار الخرطوم الدولي.")
    withdrawal = _one(facts, "Withdrawal")
    assert withdrawal.status == "denied"
    assert withdrawal.roles["agent"] == [R + "lna"]
    assert _one(facts, "Denial").denies == [withdrawal.id]
    assert not any(p.ended_by == withdrawal.id for p in facts.control)


# --- reported speech ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "marker",
    ["إنها", "إنه", "بأنها"],
)
def test_a_claim_with_a_suffixed_complementizer_is_reported(
    extract: Callable[..., ArticleFacts], marker: str
) -> None:
    facts = extract(f"قالت قوات الدعم السريع {marker} سيطرت على مطار الخرطوم الدولي.")
    seizure = _one(facts, "Seizure")
    assert seizure.status == "reported"
    assert not any(p.started_by == seizure.id for p in facts.control)


def test_a_participle_goes_on_with_the_speech_act_before_it(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("نفت قوات الدعم السريع اقتحام مطار الخرطوم الدولي، مؤكدة أن عناصرها انتشروا في محيطه.")
    assert _all(facts, "Statement") == []
    assert _one(facts, "Denial").roles["speaker"] == [R + "rsf"]
    assert _one(facts, "Seizure").status == "denied"
    assert _one(facts, "Deployment").status == "reported"


def test_a_participle_of_another_speaker_is_a_statement_of_its_own(
    extract: Callable[..., ArticleFacts],
) -> None:
    facts = extract(
        "نفت قوات الدعم السريع اقتحام مطار الخرطوم الدولي، بينما قال الجيش الوطني الليبي إنها اقتحمته."
    )
    assert _one(facts, "Statement").roles["speaker"] == [R + "lna"]
