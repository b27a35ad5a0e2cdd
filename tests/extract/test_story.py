"""The story: repeated mentions merged, events linked (response, outcome), timed and ordered."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from conflictkg.facts import ArticleFacts, Event
from conflictkg.namespace import CKR_NS

R = CKR_NS
STORMED = (
    "أعلنت هيئة تحرير الشام الانسحاب من مبنى البلدية في مدينة إدلب، وذلك بعد ساعات من اقتحامها له. "
    "وكانت هيئة تحرير الشام قد سيطرت على مبنى البلدية في مدينة إدلب."
)


def _of(facts: ArticleFacts, event_type: str) -> list[Event]:
    return [e for e in facts.events if e.type == event_type]


def test_storming_and_pluperfect_control_are_one_seizure_told_before_the_withdrawal(
    extract: Callable[..., ArticleFacts],
) -> None:
    facts = extract(STORMED, published=date(2023, 3, 2))
    [seizure] = _of(facts, "Seizure")
    [withdrawal] = _of(facts, "Withdrawal")
    assert {"اقتحم", "سيطر"} <= set(seizure.rule.replace("+", ":").split(":"))
    assert seizure.seq < withdrawal.seq
    assert withdrawal.time is not None and withdrawal.time.text == "بعد ساعات من اقتحامها"
    assert withdrawal.time.exact == date(2023, 3, 2)
    assert seizure.roles["target"] == withdrawal.roles["target"]


def test_sieges_by_a_unit_and_its_force_merge(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("حاصرت قوات النظام مدينة درعا. ويستمر حصار الفرقة الرابعة لمدينة درعا.")
    [siege] = _of(facts, "Siege")
    assert siege.roles["besieger"] == [R + "syrian-government-forces", R + "fourth-division"]
    assert siege.roles["besieged"] == [R + "daraa"]


def test_sieges_of_different_places_stay_apart(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("حاصرت قوات النظام مدينة درعا. وبدأ حصار قوات النظام لحي الشيخ مقصود.")
    sieges = _of(facts, "Siege")
    assert sorted(s.roles["besieged"][0] for s in sieges) == [R + "daraa", R + "sheikh-maqsoud"]


def test_in_response_to_and_outcome(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract(
        "سيطرت قوات سوريا الديمقراطية على مديرية التربية في مدينة الرقة رداً على حصار قوات النظام "
        "لحي الشيخ مقصود. وجاء الانسحاب من مديرية التربية بعد مفاوضات بين قوات سوريا الديمقراطية "
        "وقوات النظام."
    )
    [seizure] = _of(facts, "Seizure")
    [siege] = _of(facts, "Siege")
    [negotiation] = _of(facts, "Negotiation")
    [withdrawal] = _of(facts, "Withdrawal")
    assert seizure.in_response_to == [siege.id]
    assert negotiation.outcome == [withdrawal.id]
    assert siege.seq < seizure.seq < negotiation.seq < withdrawal.seq
    assert withdrawal.roles["agent"] == [R + "sdf"]
    assert [(p.started_by, p.ended_by) for p in facts.control] == [(seizure.id, withdrawal.id)]


def test_an_undated_asserted_event_defaults_to_the_publication_date(
    extract: Callable[..., ArticleFacts],
) -> None:
    facts = extract("انسحبت القوات التركية من مدينة منبج.", published=date(2021, 1, 5))
    [ev] = facts.events
    assert ev.time is not None and ev.time.exact == date(2021, 1, 5) and ev.time.text is None
    assert ev.rule.endswith("time:default-publication-date")


def test_a_time_expression_anchors_its_event(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("وكان الحوثيون قد سيطروا أمس على مطار صنعاء الدولي.", published=date(2021, 1, 5))
    [ev] = facts.events
    assert ev.time is not None and ev.time.exact == date(2021, 1, 4) and ev.time.text == "أمس"


def test_without_publication_date_no_date_is_invented(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("انسحبت القوات التركية من مدينة منبج.", published=None)
    assert facts.events[0].time is None
