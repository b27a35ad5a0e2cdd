"""Argument rules met in the examples and in real news: each one on a short passage of its own."""

from __future__ import annotations

from collections.abc import Callable

import pytest

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
    assert [_label(facts, t) for t in withdrawal.roles["target"]] == ["ذيبان"]


def test_members_of_a_known_actor_are_that_actor(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("اقتحم مسلحون تابعون للفرقة الرابعة مبنى البلدية في مدينة درعا.")
    [seizure] = _of(facts, "Seizure")
    assert seizure.roles["agent"] == [R + "fourth-division"]
    assert [_label(facts, t) for t in seizure.roles["target"]] == ["مبنى البلدية"]


# --- subjects and agents: the narrative subject, genitives, members, offices --------------------------------


def test_a_control_verb_names_the_subject_of_the_event_noun_after_it(
    extract: Callable[..., ArticleFacts],
) -> None:
    # "تواصل X حصار ...", "تعهدت X بالانسحاب": the verb tells no event; its subject is the agent
    [siege] = _of(extract("تواصل قوات الدعم السريع حصار مطار الخرطوم الدولي منذ أسبوع."), "Siege")
    assert siege.roles["besieger"] == [R + "rsf"] and siege.roles["besieged"] == [R + "khartoum-airport"]
    [withdrawal] = _of(extract("تعهدت جماعة الحوثي بالانسحاب من مطار الخرطوم الدولي."), "Withdrawal")
    assert withdrawal.roles["agent"] == [R + "houthis"] and withdrawal.status == "hypothetical"


def test_the_suffixed_forces_of_the_subject_are_the_subject(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("أعلنت قوات الدعم السريع دخول عناصرها إلى مطار الخرطوم الدولي.")
    [seizure] = _of(facts, "Seizure")
    assert seizure.roles["agent"] == [R + "rsf"] and seizure.roles["target"] == [R + "khartoum-airport"]
    assert seizure.status == "asserted"


def test_the_genitive_of_a_verbal_noun_with_a_goal_is_its_agent(extract: Callable[..., ArticleFacts]) -> None:
    # "دخول القوات إلى X" like "اقتحام القوات لـ X": the goal makes the genitive the agent
    [seizure] = _of(extract("أكد ناشطون دخول قوات الدعم السريع إلى مطار الخرطوم الدولي."), "Seizure")
    assert seizure.roles["agent"] == [R + "rsf"] and seizure.roles["target"] == [R + "khartoum-airport"]


@pytest.mark.parametrize(
    "text",
    [
        "دخلت جماعة الحوثي إلى مطار الخرطوم الدولي.",
        "ودخلت جماعة الحوثي، صباح اليوم، إلى مطار الخرطوم الدولي.",
        "قبل أن تدخل جماعة الحوثي إلى مطار الخرطوم الدولي بساعات.",
    ],
)
def test_entering_into_a_place_is_a_seizure_of_it(extract: Callable[..., ArticleFacts], text: str) -> None:
    facts = extract(text)
    [seizure] = _of(facts, "Seizure")
    assert seizure.roles["agent"] == [R + "houthis"] and seizure.roles["target"] == [R + "khartoum-airport"]


def test_the_members_of_a_named_actor_act_for_it(extract: Callable[..., ArticleFacts]) -> None:
    [seizure] = _of(extract("اقتحم مسلحو «قوات الدعم السريع» مطار الخرطوم الدولي."), "Seizure")
    assert seizure.roles["agent"] == [R + "rsf"] and seizure.roles["target"] == [R + "khartoum-airport"]
    facts = extract("قال مقاتلو جماعة الحوثي إنهم سيطروا على مطار الخرطوم الدولي.")
    [statement] = _of(facts, "Statement")
    assert statement.roles["speaker"] == [R + "houthis"]
    [seizure] = _of(facts, "Seizure")
    assert seizure.status == "reported" and seizure.roles["agent"] == [R + "houthis"]


def test_an_office_inside_an_actor_speaks_for_it(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("ونفى مكتب الإعلام في قوات الدعم السريع اقتحام مطار الخرطوم الدولي.")
    [denial] = _of(facts, "Denial")
    # the office is a unit of the actor (org:subOrganizationOf), and it is the one that speaks
    [speaker] = [e for e in facts.entities if e.id in denial.roles["speaker"]]
    assert speaker.type == "Actor" and speaker.part_of == [R + "rsf"]
    [seizure] = _of(facts, "Seizure")
    assert seizure.status == "denied" and denial.denies == [seizure.id]
    # the same generic office name in another actor is another unit, with an IRI of its own
    other = extract("ونفى مكتب الإعلام في الحشد الشعبي اقتحام مطار الخرطوم الدولي.")
    [other_denial] = _of(other, "Denial")
    [other_speaker] = [e for e in other.entities if e.id in other_denial.roles["speaker"]]
    assert other_speaker.part_of == [R + "pmf"] and other_speaker.id != speaker.id


def test_after_an_or_lan_an_ambiguous_form_is_the_verb(extract: Callable[..., ArticleFacts]) -> None:
    # تسلم is the noun "receipt", the past "took over" and the present "hands over": after أن the
    # present verb, so the holder hands over rather than takes over
    facts = extract("سيطرت قوات الدعم السريع على مطار الخرطوم الدولي، قبل أن تسلمه للجيش الوطني الليبي.")
    assert len(_of(facts, "Seizure")) == 1
    [handover] = [e for e in facts.events if e.type in ("Handover", "Withdrawal")]
    assert handover.roles["agent"] == [R + "rsf"] and handover.roles["target"] == [R + "khartoum-airport"]
    # "بعد أن طرد": the past verb, whose subject follows it, not the verbal noun with its object
    facts = extract("حاصرت جماعة الحوثي مطار الخرطوم الدولي بعد أن طرد الجيش الوطني الليبي عناصرها منه.")
    [expulsion] = _of(facts, "Expulsion")
    assert expulsion.roles["agent"] == [R + "lna"]


def test_the_accused_is_the_agent_of_what_it_is_accused_of(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("اتهمت جماعة الحوثي قوات الدعم السريع بحصار مطار الخرطوم الدولي منذ أسابيع.")
    [statement] = _of(facts, "Statement")
    assert statement.roles["speaker"] == [R + "houthis"]
    [siege] = _of(facts, "Siege")
    assert siege.roles["besieger"] == [R + "rsf"] and siege.status == "reported"


def test_a_masculine_noun_after_a_feminine_verb_is_its_object(extract: Callable[..., ArticleFacts]) -> None:
    # "واتهمت الجيش": الجيش cannot be the subject of اتهمت; the subject is carried over
    facts = extract("سيطرت قوات الدعم السريع على مطار الخرطوم الدولي، واتهمت الجيش بقصفه.")
    [statement] = _of(facts, "Statement")
    assert statement.roles["speaker"] == [R + "rsf"]


@pytest.mark.parametrize(
    "text",
    [
        "تسلمت قوات الدعم السريع في نيالا مطار الخرطوم الدولي.",
        "اقتحمت قوات الدعم السريع في نيالا مطار الخرطوم الدولي.",
    ],
)
def test_the_place_of_the_subject_stands_before_the_object(
    extract: Callable[..., ArticleFacts], text: str
) -> None:
    [seizure] = _of(extract(text), "Seizure")
    assert seizure.roles["agent"] == [R + "rsf"] and seizure.roles["target"] == [R + "khartoum-airport"]


@pytest.mark.parametrize(
    "text",
    [
        "انسحبت قوات الحشد الشعبي من سيطرة الفاضلية عند مدخل الموصل.",
        "فرضت قوات الحشد الشعبي رسوماً على الشاحنات المارة عبر سيطرتي الصقور والزهور.",
    ],
)
def test_an_iraqi_checkpoint_named_saytara_is_no_seizure(
    extract: Callable[..., ArticleFacts], text: str
) -> None:
    facts = extract(text)
    assert _of(facts, "Seizure") == []
    assert [p for p in facts.control if p.started_by] == []


def test_a_control_noun_with_its_agent_or_its_target_is_still_a_seizure(
    extract: Callable[..., ArticleFacts],
) -> None:
    for text in (
        "وجاءت سيطرة قوات الدعم السريع على مطار الخرطوم الدولي بعد معارك.",
        "أعلنت قوات الدعم السريع سيطرتها على مطار الخرطوم الدولي.",
    ):
        [seizure] = _of(extract(text), "Seizure")
        assert seizure.roles["agent"] == [R + "rsf"] and seizure.roles["target"] == [R + "khartoum-airport"]
