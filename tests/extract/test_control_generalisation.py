"""Control on unseen phrasing: what moves control, who moved it, and over which place.

Each test is one linguistic cause, checked on several sentences of other outlets, countries and syntax:
plans and ultimatums (تستعد لـ، أمهل، طلب), failures (أخفق في), an act joined by و/and to a negated or
planned one, a pronoun whose nearest antecedent only locates the place told ("مدينة X، عاصمة ولاية Y ...
منها"), and the agent in the genitive of a verbal noun ("بعد يومين من استيلاء قوات X على").
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from extract_helpers import control_tuples

from conflictkg.facts import ArticleFacts


def _statuses(facts: ArticleFacts, event_type: str) -> list[str]:
    return [e.status for e in facts.events if e.type == event_type]


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        (
            "تستعد قوات سوريا الديمقراطية لتسليم معبر اليعربية إلى الجيش السوري خلال الأيام المقبلة.",
            "Handover",
        ),
        ("يستعد الجيش السوداني لاقتحام مدينة ود مدني بعد وصول تعزيزات.", "Seizure"),
        ("أمهلت هيئة تحرير الشام فصائل الجيش الوطني يومين للانسحاب من مدينة عفرين.", "Withdrawal"),
        ("طلب الجيش السوري من قوات سوريا الديمقراطية الانسحاب من حي الشيخ مقصود.", "Withdrawal"),
    ],
)
def test_a_prepared_demanded_or_ultimatum_act_is_planned_and_moves_no_control(
    extract: Callable[..., ArticleFacts], text: str, event_type: str
) -> None:
    facts = extract(text)
    assert _statuses(facts, event_type) == ["hypothetical"]
    assert facts.control == []


@pytest.mark.parametrize(
    "text",
    [
        "أخفقت قوات الدعم السريع في اقتحام مقر الفرقة السادسة في مدينة الفاشر.",
        "أخفق الجيش الوطني السوري في السيطرة على بلدة عين عيسى رغم القصف المكثف.",
    ],
)
def test_a_failed_attempt_is_negated_and_opens_nothing(
    extract: Callable[..., ArticleFacts], text: str
) -> None:
    facts = extract(text)
    assert _statuses(facts, "Seizure") == ["negated"]
    assert facts.control == []


@pytest.mark.parametrize(
    ("text", "joined"),
    [
        ("لم تتمكن قوات النظام من اقتحام حي الشيخ مقصود وطرد عناصر الأسايش منه.", "Expulsion"),
        ("فشلت قوات الدعم السريع في دخول مدينة الأبيض وطرد الجيش السوداني منها.", "Expulsion"),
        ("لم تستطع قوات النظام دخول بلدة الصنمين وطرد المسلحين منها.", "Expulsion"),
        (
            "رفضت قوات الدعم السريع الانسحاب من مدينة الفاشر وتسليم مقر الفرقة السادسة للجيش السوداني.",
            "Handover",
        ),
    ],
)
def test_a_verbal_noun_joined_to_a_negated_one_is_negated_too(
    extract: Callable[..., ArticleFacts], text: str, joined: str
) -> None:
    facts = extract(text)
    assert _statuses(facts, joined) == ["negated"]
    assert facts.control == []


def test_a_finite_verb_after_a_failed_attempt_keeps_its_own_status(
    extract: Callable[..., ArticleFacts],
) -> None:
    facts = extract("فشلت قوات الدعم السريع في اقتحام مدينة الأبيض وانسحبت من بلدة أم روابة.")
    assert _statuses(facts, "Seizure") == ["negated"]
    assert _statuses(facts, "Withdrawal") == ["asserted"]
    assert control_tuples(facts) == {("قوات الدعم السريع", "أم روابة", "ended")}


@pytest.mark.parametrize(
    ("text", "taker", "giver", "place"),
    [
        (
            "سيطرت قوات الدعم السريع على مدينة الجنينة، عاصمة ولاية غرب دارفور، بعد انسحاب الجيش السوداني منها.",
            "قوات الدعم السريع",
            "القوات المسلحة السودانية",
            "الجنينة",
        ),
        (
            "سيطر الجيش السوداني على مدينة سنجة، عاصمة ولاية سنار، بعد انسحاب قوات الدعم السريع منها.",
            "القوات المسلحة السودانية",
            "قوات الدعم السريع",
            "سنجة",
        ),
        (
            "سيطر الجيش السوري على مدينة خان شيخون في محافظة إدلب بعد انسحاب هيئة تحرير الشام منها.",
            "قوات النظام",
            "هيئة تحرير الشام",
            "خان شيخون",
        ),
        (
            "دخلت قوات الجيش الوطني الليبي مدينة سرت في منطقة الهلال النفطي بعد انسحاب قوات حكومة الوفاق منها.",
            "الجيش الوطني الليبي",
            "قوات حكومة الوفاق",
            "سرت",
        ),
    ],
)
def test_a_pronoun_after_a_place_and_its_province_points_at_the_place_told(
    extract: Callable[..., ArticleFacts], text: str, taker: str, giver: str, place: str
) -> None:
    facts = extract(text)
    assert control_tuples(facts) == {(taker, place, "started"), (giver, place, "ended")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "أغلقت قسد معبر سيمالكا، بعد يومين من استيلاء قوات النظام على مبنى البلدية في مدينة القامشلي.",
            {("قوات النظام", "مبنى البلدية", "started")},
        ),
        (
            "قصفت قوات النظام بلدة سراقب، بعد يومين من سيطرة هيئة تحرير الشام على معسكر المسطومة.",
            {("هيئة تحرير الشام", "معسكر المسطومة", "started")},
        ),
        (
            "أعلنت قسد حالة الطوارئ، بعد ساعات من انسحاب عناصر «الجيش الوطني السوري» من قرية تل شعير.",
            {("الجيش الوطني السوري", "قرية تل شعير", "ended")},
        ),
        (
            "شنت الطائرات التركية غارات على بلدة عين عيسى، بعد يوم من اقتحام مقاتلي قسد لمقر الجيش الوطني "
            "السوري في القرية.",
            {("قوات سوريا الديمقراطية", "مقر الجيش الوطني السوري", "started")},
        ),
    ],
)
def test_the_genitive_of_a_verbal_noun_is_its_agent_not_the_subject_before(
    extract: Callable[..., ArticleFacts], text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert control_tuples(extract(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Houthi fighters pulled out of the Kilo 16 checkpoint they had already captured two weeks earlier.",
        "The SDF pulled out of the Sabha bridge checkpoint it had taken over a week earlier.",
        "Yemeni government forces withdrew from the Harib district they had recaptured in January.",
    ],
)
def test_an_english_past_perfect_capture_is_the_period_the_withdrawal_told_first_ends(
    extract: Callable[..., ArticleFacts], text: str
) -> None:
    facts = extract(text, language="en")
    seizure = next(e for e in facts.events if e.type == "Seizure")
    withdrawal = next(e for e in facts.events if e.type == "Withdrawal")
    assert seizure.seq < withdrawal.seq
    [period] = facts.control
    assert (period.started_by, period.ended_by) == (seizure.id, withdrawal.id)
