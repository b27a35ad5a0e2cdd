"""Argument rules met in the examples and in real news: each one on a short passage of its own."""

from __future__ import annotations

from collections.abc import Callable

from conflictkg.facts import ArticleFacts, Event
from conflictkg.namespace import CKR_NS

R = CKR_NS


def _of(facts: ArticleFacts, kind: str) -> list[Event]:
    return [e for e in facts.events if e.type == kind]


def _label(facts: ArticleFacts, iri: str) -> str:
    return facts.entity(iri).label


def test_a_time_expression_between_subject_and_object(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("اقتحمت قوات الأسايش يوم أمس الخميس مديرية المالية في مدينة القامشلي.")
    [seizure] = _of(facts, "Seizure")
    assert seizure.roles["target"] == [R + "qamishli-finance-directorate"]
    facts = extract("أغلقت الفرقة الرابعة، يوم الخميس، معبر باب الهوى.")
    [closure] = _of(facts, "Closure")
    assert closure.roles == {"agent": [R + "fourth-division"], "target": [R + "bab-al-hawa-crossing"]}


def test_an_apposition_names_the_subject_again_and_a_list_keeps_its_preposition(
    extract: Callable[..., ArticleFacts],
) -> None:
    facts = extract(
        "انسحبت قوى الأمن الداخلي “الأسايش” من مديرية المالية في مدينة القامشلي ومن المؤسسة السورية للحبوب."
    )
    [withdrawal] = _of(facts, "Withdrawal")
    assert withdrawal.roles["agent"] == [R + "asayish"]
    assert withdrawal.roles["target"] == [
        R + "qamishli-finance-directorate",
        R + "qamishli-grain-establishment",
    ]


def test_the_agent_of_a_verbal_noun_after_a_relative_support_verb(
    extract: Callable[..., ArticleFacts],
) -> None:
    facts = extract(
        "سيطرت الأسايش على مديرية المالية، رداً على الحصار الذي تفرضه قوات النظام على حي الشيخ مقصود."
    )
    [siege] = _of(facts, "Siege")
    assert siege.roles["besieger"] == [R + "syrian-government-forces"]
    assert siege.roles["besieged"] == [R + "sheikh-maqsoud"]


def test_the_subject_of_a_support_verb_past_a_parenthetical(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("فرضت قوات النظام السوري، بمشاركة الفرقة الرابعة، حصاراً على مدينة درعا.")
    [siege] = _of(facts, "Siege")
    assert siege.roles["besieger"] == [R + "syrian-government-forces"]
    assert siege.roles["besieged"] == [R + "daraa"]


def test_a_source_inside_an_actor_speaks_for_it(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("ونفى مصدر عسكري في الفرقة الرابعة فرض أي إتاوات على الشاحنات.")
    [denial] = _of(facts, "Denial")
    [levy] = _of(facts, "Levy")
    assert denial.roles["speaker"] == [R + "fourth-division"]
    assert denial.denies == [levy.id] and levy.status == "denied"


def test_a_similar_siege_is_another_siege(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract(
        "فرضت قوات النظام حصاراً على مدينة درعا منذ صباح الثلاثاء. "
        "وكانت قوات النظام قد فرضت حصاراً مماثلاً على مدينة درعا في صيف عام 2021."
    )
    sieges = _of(facts, "Siege")
    assert len(sieges) == 2
    assert sorted(s.time.earliest.year if s.time and s.time.earliest else 0 for s in sieges) == [2021, 2023]


def test_the_same_siege_told_again_is_one_siege(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract(
        "فرضت قوات النظام حصاراً على مدينة درعا. وقال ناشطون إن الحصار جاء بعد رفض اللجنة المركزية تسليم المطلوبين."
    )
    [siege] = _of(facts, "Siege")
    assert siege.roles["besieger"] == [R + "syrian-government-forces"]
    assert siege.roles["besieged"] == [R + "daraa"]


def test_a_pronoun_suffixed_subject_is_the_subject_told_before(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract(
        "انتشرت قوات الأسايش في المربع الأمني، فيما حاصرت دورياتهم فرع الأمن العسكري في القامشلي."
    )
    [siege] = _of(facts, "Siege")
    assert siege.roles == {
        "besieger": [R + "asayish"],
        "besieged": [R + "qamishli-military-security-branch"],
    }


def test_areas_of_control_are_no_seizure(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("أغلقت الفرقة الرابعة معبر باب الهوى الواصل إلى مناطق سيطرة النظام السوري.")
    assert [e.type for e in facts.events] == ["Closure"]


def test_a_withdrawal_from_it_leaves_the_place_named_before(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("سيطرت قوات العشائر على بلدة ذيبان في ريف دير الزور، بعد انسحاب قسد منها.")
    [withdrawal] = _of(facts, "Withdrawal")
    assert withdrawal.roles["agent"] == [R + "sdf"]
    assert [_label(facts, t) for t in withdrawal.roles["target"]] == ["بلدة ذيبان"]


def test_members_of_a_known_actor_are_that_actor(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("اقتحم مسلحون تابعون للفرقة الرابعة مبنى البلدية في مدينة درعا.")
    [seizure] = _of(facts, "Seizure")
    assert seizure.roles["agent"] == [R + "fourth-division"]
    assert [_label(facts, t) for t in seizure.roles["target"]] == ["مبنى البلدية"]
