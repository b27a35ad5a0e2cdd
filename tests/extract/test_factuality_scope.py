"""Factuality read from the clause that governs an event word: negation of the governing verb,
conditions ("ما لم", "إذا لم"), threats and ultimatums, and the end of a denial's scope at a contrasting
clause. Each phenomenon on sentences of different places and syntax; none of these events may open or
close control."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from extract_helpers import control_tuples

from conflictkg.facts import ArticleFacts


def _statuses(facts: ArticleFacts, kind: str) -> list[str]:
    return [e.status for e in facts.events if e.type == kind]


@pytest.mark.parametrize(
    "text",
    [
        "لم تتمكن قوة من «قوات الدعم السريع» من دخول مدينة الأبيض.",
        "لم تتمكن قوات الجيش السوداني، رغم قصف استمر أياماً، من اقتحام مدينة بارا.",
        "لم يستطع الحوثيون دخول مدينة مأرب.",
        "حاصرت قوات النظام مدينة درعا لكنها لم تحاول اقتحامها.",
        "لن تسمح الأسايش بدخول مدينة القامشلي.",
    ],
)
def test_a_seizure_under_a_negated_governing_verb_is_negated(
    extract: Callable[..., ArticleFacts], text: str
) -> None:
    facts = extract(text)
    assert _statuses(facts, "Seizure") == ["negated"]
    assert control_tuples(facts) == set()


def test_a_negated_attempt_keeps_its_agent_and_its_object_suffix(
    extract: Callable[..., ArticleFacts],
) -> None:
    facts = extract("حاصرت قوات النظام مدينة درعا لكنها لم تحاول اقتحامها.")
    [seizure] = [e for e in facts.events if e.type == "Seizure"]
    names = {e.id: e.label for e in facts.entities}
    assert [names[i] for i in seizure.roles["agent"]] == ["قوات النظام"]
    assert [names[i] for i in seizure.roles["target"]] == ["درعا"]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("هددت قوات الدعم السريع باقتحام مدينة الأبيض ما لم ينسحب الجيش السوداني منها.", "Withdrawal"),
        ("ما لم تنسحب قوات سوريا الديمقراطية من مدينة منبج فإن الجيش الوطني سيدخلها.", "Withdrawal"),
        ("إذا لم تنسحب الأسايش من حي الشيخ مقصود خلال يومين فستقتحمه قوات النظام.", "Withdrawal"),
    ],
)
def test_a_negation_opening_a_condition_is_a_plan_not_a_negated_fact(
    extract: Callable[..., ArticleFacts], text: str, kind: str
) -> None:
    facts = extract(text)
    assert _statuses(facts, kind) == ["hypothetical"]
    assert control_tuples(facts) == set()


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("توعّد الجيش الوطني باقتحام مدينة منبج.", "Seizure"),
        ("توعدت قوات الدعم السريع بالسيطرة على مدينة الفاشر خلال أيام.", "Seizure"),
        ("وجّه الجيش الوطني إنذاراً لقوات سوريا الديمقراطية بالانسحاب من مدينة منبج.", "Withdrawal"),
        ("طالب الحوثيون بانسحاب القوات الحكومية من مدينة حريب.", "Withdrawal"),
    ],
)
def test_threats_and_ultimatums_tell_planned_events(
    extract: Callable[..., ArticleFacts], text: str, kind: str
) -> None:
    facts = extract(text)
    assert _statuses(facts, kind) == ["hypothetical"]
    assert control_tuples(facts) == set()


@pytest.mark.parametrize(
    ("text", "denied", "asserted", "control"),
    [
        (
            "نفت قوات سوريا الديمقراطية انسحابها من مدينة منبج، في حين سيطر الجيش الوطني على قرية العريمة.",
            "Withdrawal",
            "Seizure",
            {("الجيش الوطني", "العريمة", "started")},
        ),
        (
            "نفى الحوثيون سيطرتهم على مدينة حريب، بينما انسحبت القوات الحكومية من مديرية العبدية.",
            "Seizure",
            "Withdrawal",
            {("القوات الحكومية", "مديرية العبدية", "ended")},
        ),
    ],
)
def test_a_contrasting_clause_ends_the_scope_of_a_denial(
    extract: Callable[..., ArticleFacts],
    text: str,
    denied: str,
    asserted: str,
    control: set[tuple[str, str, str]],
) -> None:
    facts = extract(text)
    assert _statuses(facts, denied) == ["denied"]
    assert _statuses(facts, asserted) == ["asserted"]
    assert control_tuples(facts) == control


def test_a_contrast_with_the_same_event_type_ends_the_denial_too(
    extract: Callable[..., ArticleFacts],
) -> None:
    facts = extract(
        "نفت الأسايش اقتحام مديرية المالية، لكن قوات النظام اقتحمت مبنى البلدية في مدينة القامشلي."
    )
    assert sorted(_statuses(facts, "Seizure")) == ["asserted", "denied"]
    assert control_tuples(facts) == {("قوات النظام", "مبنى البلدية", "started")}


def test_without_a_contrast_the_denial_reaches_the_next_clause(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract(
        "نفت قوات سوريا الديمقراطية انسحابها من مدينة منبج وتسليمها مدينة عين العرب للجيش الوطني."
    )
    assert "asserted" not in _statuses(facts, "Withdrawal") + _statuses(facts, "Handover")
    assert control_tuples(facts) == set()


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("نفت قوات سوريا الديمقراطية ما قالته وسائل إعلام عن انسحابها من مطار القامشلي.", "Withdrawal"),
        ("نفى الجيش السوداني ما ذكرته مصادر محلية عن انسحاب قواته من مدينة بارا.", "Withdrawal"),
        ("نفت جماعة الحوثي ما قالته مواقع إخبارية عن اقتحامها مدينة مأرب.", "Seizure"),
    ],
)
def test_what_others_said_is_what_a_denial_denies(
    extract: Callable[..., ArticleFacts], text: str, kind: str
) -> None:
    """ "نفت X ما قالته وسائل إعلام عن ...": the free relative ما with a speech verb whose speaker is
    nobody known is the object of the denial, so the event told after it is denied, not asserted."""
    facts = extract(text)
    [denied] = [e for e in facts.events if e.type == kind]
    [denial] = [e for e in facts.events if e.type == "Denial"]
    assert denied.status == "denied" and denial.denies == [denied.id]
    assert control_tuples(facts) == set()


def test_what_sources_said_attributes_rather_than_denies(extract: Callable[..., ArticleFacts]) -> None:
    """ "بحسب ما قالته مصادر": the same ما + speech verb after an attribution word is the outlet's
    source, and the event stays asserted."""
    facts = extract("انسحبت قوات سوريا الديمقراطية من مطار القامشلي بحسب ما قالته مصادر محلية.")
    assert _statuses(facts, "Withdrawal") == ["asserted"]
    assert ("قوات سوريا الديمقراطية", "مطار القامشلي", "ended") in control_tuples(facts)
