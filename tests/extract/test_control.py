"""Control periods one article supports: opened, closed, held, present; never from unasserted events."""

from __future__ import annotations

from collections.abc import Callable

from conflictkg.facts import ArticleFacts
from conflictkg.namespace import CKR_NS

R = CKR_NS
SEIZED_THEN_LEFT = (
    "سيطرت هيئة تحرير الشام على مديرية المالية ومديرية التربية في مدينة إدلب. "
    "ثم أعلنت هيئة تحرير الشام الانسحاب من جميع الدوائر الحكومية في مدينة إدلب."
)


def test_a_withdrawal_from_a_group_closes_what_the_agent_seized(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract(SEIZED_THEN_LEFT)
    seizure = next(e for e in facts.events if e.type == "Seizure")
    withdrawal = next(e for e in facts.events if e.type == "Withdrawal")
    assert len(seizure.roles["target"]) == 2
    assert [(p.holder, p.facility, p.started_by, p.ended_by) for p in facts.control] == [
        (R + "hts", t, seizure.id, withdrawal.id) for t in seizure.roles["target"]
    ]
    group = facts.entity(withdrawal.roles["target"][0])
    assert group.members == seizure.roles["target"]


def test_under_the_control_of_gives_a_held_period(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("وتشهد الأحياء الواقعة تحت سيطرة الحوثيين في مدينة صنعاء توتراً.")
    [period] = facts.control
    assert period.holder == R + "houthis" and period.kind == "control"
    assert period.started_by is None and period.ended_by is None
    area = facts.entity(period.facility)
    assert area.subtype == "Neighbourhood" and area.part_of == [R + "sanaa"]
    assert period.evidence is not None and "تحت سيطرة الحوثيين" in period.evidence.text


def test_presence_is_a_presence_period(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("جرت المفاوضات برعاية القوات الروسية المتواجدة في مطار القامشلي.")
    assert [(p.kind, p.holder, p.facility) for p in facts.control] == [
        ("presence", R + "russian-forces", R + "qamishli-airport")
    ]


def test_forces_besieged_inside_facilities_hold_them(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("وحاصرت قوات الدعم السريع ما تبقى من عناصر الجيش السوداني في مطار الخرطوم الدولي.")
    assert [(p.holder, p.facility, p.started_by) for p in facts.control] == [
        (R + "saf", R + "khartoum-airport", None)
    ]


def test_denied_and_reported_seizures_open_nothing(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract(
        "نفت هيئة تحرير الشام التقارير التي تحدثت عن سيطرتها على معبر باب الهوى، "
        "وأكدت في بيان أن قوات النظام سيطرت على مديرية المالية في مدينة حلب."
    )
    statuses = sorted(e.status for e in facts.events if e.type == "Seizure")
    assert statuses == ["denied", "reported"]
    assert facts.control == []
