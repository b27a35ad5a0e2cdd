"""Who does what, read from the structure of the clause rather than from word order next to the trigger.

Each test is a phenomenon of news Arabic met on passages the extractor had not seen (a support verb far
from its event noun, a relative clause, a fronted topic, a clause opened by فيما/بينما, the addressee
of an order, an unknown genitive), checked on several sentences of other places and syntax.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from extract_helpers import control_tuples

from conflictkg.facts import ArticleFacts, Event

RSF = "قوات الدعم السريع"
SAF = "القوات المسلحة السودانية"
SDF = "قوات سوريا الديمقراطية"
HTS = "هيئة تحرير الشام"
SNA = "الجيش الوطني"
REGIME = "قوات النظام"
HOUTHIS = "الحوثيون"
ASAYISH = "الأسايش"


def _events(facts: ArticleFacts, kind: str) -> list[Event]:
    return [e for e in facts.events if e.type == kind]


def _labels(facts: ArticleFacts, iris: list[str]) -> list[str]:
    names = {e.id: e.label for e in facts.entities}
    return [names[i] for i in iris]


def _one(facts: ArticleFacts, kind: str) -> tuple[str, list[str], list[str]]:
    """(status, agent labels, target labels) of the only event of ``kind``."""
    [event] = _events(facts, kind)
    return (
        event.status,
        _labels(facts, event.roles.get("agent", [])),
        _labels(facts, event.roles.get("target", [])),
    )


@pytest.mark.parametrize(
    ("text", "agent", "target"),
    [
        ("بسطت قوات الدعم السريع صباح الأحد سيطرتها على مدينة الجنينة.", RSF, "الجنينة"),
        ("أحكمت «هيئة تحرير الشام» أمس قبضتها على معبر باب الهوى.", HTS, "معبر باب الهوى"),
        ("بسطت قوات سوريا الديمقراطية، مساء الخميس، سيطرتها على حي الشيخ مقصود.", SDF, "الشيخ مقصود"),
        ("أعادت قوات الحكومة السورية فجر اليوم سيطرتها على مدينة درعا.", REGIME, "درعا"),
        (
            "وبسطت الأسايش مطلع الشهر الجاري سيطرتها على مديرية المالية في مدينة القامشلي.",
            ASAYISH,
            "مديرية المالية في القامشلي",
        ),
    ],
)
def test_a_support_verb_past_a_time_or_quotes_gives_the_suffixed_noun_its_subject(
    extract: Callable[..., ArticleFacts], text: str, agent: str, target: str
) -> None:
    facts = extract(text)
    assert _one(facts, "Seizure") == ("asserted", [agent], [target])
    assert control_tuples(facts) == {(agent, target, "started")}


@pytest.mark.parametrize(
    ("text", "agent", "target"),
    [
        (
            "اشتبكت القوات الحكومية مع هيئة تحرير الشام، التي كانت قد سيطرت على معبر باب الهوى.",
            HTS,
            "معبر باب الهوى",
        ),
        ("تراجع نفوذ الحوثيين الذين كانوا قد استولوا على مدينة حريب.", HOUTHIS, "حريب"),
        (
            "وصلت تعزيزات إلى الأسايش، التي اقتحمت مديرية المالية في مدينة القامشلي.",
            ASAYISH,
            "مديرية المالية في القامشلي",
        ),
        ("قصف الطيران مواقع قوات سوريا الديمقراطية التي انسحبت من مدينة منبج.", SDF, "منبج"),
    ],
)
def test_the_subject_of_a_relative_clause_is_its_antecedent(
    extract: Callable[..., ArticleFacts], text: str, agent: str, target: str
) -> None:
    facts = extract(text)
    kind = "Withdrawal" if "انسحبت" in text else "Seizure"
    assert _one(facts, kind) == ("asserted", [agent], [target])


def test_a_relative_clause_does_not_change_the_narratives_subject(
    extract: Callable[..., ArticleFacts],
) -> None:
    facts = extract(
        "اقتحمت قوات سوريا الديمقراطية، التي سيطرت على مدينة منبج، مبنى البلدية في مدينة القامشلي. "
        "ثم انسحبت منه بعد ساعات."
    )
    agents = {e.type: _labels(facts, e.roles["agent"]) for e in facts.events}
    assert agents["Withdrawal"] == [SDF]


@pytest.mark.parametrize(
    ("text", "kind", "agent", "target"),
    [
        ("أما قوات سوريا الديمقراطية، فقد انسحبت من مدينة منبج.", "Withdrawal", SDF, "منبج"),
        ("أما الحوثيون فسيطروا على مدينة حريب.", "Seizure", HOUTHIS, "حريب"),
        (
            "أما قوات الدعم السريع، التي هاجمت المدينة ليلاً، فقد أعلنت سيطرتها على مطار نيالا.",
            "Seizure",
            RSF,
            "مطار نيالا",
        ),
        ("أما هيئة تحرير الشام فقد أغلقت معبر باب الهوى.", "Closure", HTS, "معبر باب الهوى"),
        (
            "أما الأسايش، فقد انسحبت من مديرية المالية في مدينة القامشلي.",
            "Withdrawal",
            ASAYISH,
            "مديرية المالية في القامشلي",
        ),
    ],
)
def test_a_fronted_topic_after_amma_is_the_subject_of_its_answer(
    extract: Callable[..., ArticleFacts], text: str, kind: str, agent: str, target: str
) -> None:
    assert _one(extract(text), kind) == ("asserted", [agent], [target])


def test_a_fronted_topic_speaks_its_announcement(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("أما قوات الدعم السريع، التي هاجمت المدينة ليلاً، فقد أعلنت سيطرتها على مطار نيالا.")
    [announcement] = _events(facts, "Announcement")
    assert _labels(facts, announcement.roles["speaker"]) == [RSF]


@pytest.mark.parametrize(
    ("text", "withdrawer", "place"),
    [
        (
            "سيطرت قوات الدعم السريع على مدينة نيالا، فيما أقر الجيش السوداني بانسحاب قواته من المدينة.",
            SAF,
            "نيالا",
        ),
        (
            "دخلت قوات النظام مدينة درعا، بينما اعترفت هيئة تحرير الشام بانسحاب عناصرها من بلدة كفرنبودة.",
            HTS,
            "بلدة كفرنبودة",
        ),
        (
            "سيطر الجيش الوطني على مدينة عفرين، في حين أكدت قوات سوريا الديمقراطية انسحاب قواتها منها.",
            SDF,
            "عفرين",
        ),
    ],
)
def test_the_subject_of_a_verb_opening_a_clause_owns_the_suffixed_forces_after_it(
    extract: Callable[..., ArticleFacts], text: str, withdrawer: str, place: str
) -> None:
    facts = extract(text)
    assert _one(facts, "Withdrawal") == ("asserted", [withdrawer], [place])
    assert (withdrawer, place, "ended") in control_tuples(facts)


@pytest.mark.parametrize(
    ("text", "agent", "target", "status"),
    [
        (
            "وجّه الجيش الوطني إنذاراً لقوات سوريا الديمقراطية بالانسحاب من مدينة منبج.",
            SDF,
            "منبج",
            "hypothetical",
        ),
        ("سمحت قوات النظام لهيئة تحرير الشام بالانسحاب من بلدة كفرنبودة.", HTS, "بلدة كفرنبودة", "asserted"),
    ],
)
def test_the_addressee_of_li_before_bi_and_a_verbal_noun_is_its_agent(
    extract: Callable[..., ArticleFacts], text: str, agent: str, target: str, status: str
) -> None:
    assert _one(extract(text), "Withdrawal") == (status, [agent], [target])


@pytest.mark.parametrize(
    "text",
    [
        "سيطرت قوات الدعم السريع على مبنى الإذاعة في مدينة الجنينة بعد انسحاب الحامية منه.",
        "دخلت هيئة تحرير الشام مدينة إدلب عقب انسحاب الحرس منها.",
    ],
)
def test_an_unknown_genitive_agent_takes_no_subject_from_before(
    extract: Callable[..., ArticleFacts], text: str
) -> None:
    facts = extract(text)
    assert _events(facts, "Withdrawal") == []
    assert {status for _, _, status in control_tuples(facts)} == {"started"}


def test_a_definite_head_noun_points_at_the_actor_it_heads(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("اتفق الجيش الوطني وهيئة تحرير الشام على انسحاب الهيئة من مدينة عفرين.")
    assert _one(facts, "Withdrawal") == ("hypothetical", [HTS], ["عفرين"])


@pytest.mark.parametrize(
    ("text", "withdrawer", "seizer", "place"),
    [
        (
            "سيطر الجيش الوطني على مدينة تل أبيض بعد ساعات من انسحاب قوات سوريا الديمقراطية منها.",
            SDF,
            SNA,
            "تل أبيض",
        ),
        (
            "دخلت قوات النظام بلدة كفرنبودة بعد يومين من انسحاب عناصر هيئة تحرير الشام منها.",
            HTS,
            REGIME,
            "بلدة كفرنبودة",
        ),
    ],
)
def test_a_back_reference_naming_its_own_agent_tells_the_withdrawal(
    extract: Callable[..., ArticleFacts], text: str, withdrawer: str, seizer: str, place: str
) -> None:
    facts = extract(text)
    assert _one(facts, "Withdrawal") == ("asserted", [withdrawer], [place])
    assert control_tuples(facts) == {(withdrawer, place, "ended"), (seizer, place, "started")}


@pytest.mark.parametrize(
    ("text", "holder", "target"),
    [
        ("لا تزال هيئة تحرير الشام تسيطر على معبر باب الهوى.", HTS, "معبر باب الهوى"),
        ("ما زالت «قوات الدعم السريع» تسيطر على مطار نيالا.", RSF, "مطار نيالا"),
    ],
)
def test_the_subject_between_a_continuation_marker_and_its_verb_holds_control(
    extract: Callable[..., ArticleFacts], text: str, holder: str, target: str
) -> None:
    assert control_tuples(extract(text)) == {(holder, target, "held")}


@pytest.mark.parametrize(
    "text",
    [
        "سيطر الجيش السوداني على مدينة بارا، وفق ما قاله عضو في لجنة المقاومة.",
        "انسحبت قوات سوريا الديمقراطية من مدينة منبج، بحسب ما ذكره ناشط محلي.",
    ],
)
def test_an_unknown_speaker_after_ma_is_not_the_subject_told_before(
    extract: Callable[..., ArticleFacts], text: str
) -> None:
    facts = extract(text)
    assert _events(facts, "Statement") == []
    assert len(control_tuples(facts)) == 1


@pytest.mark.parametrize(
    ("text", "agent", "target", "status"),
    [
        ("أعلنت قوات سوريا الديمقراطية أنها ستتسلم إدارة سجن غويران.", SDF, "سجن غويران", "hypothetical"),
        ("أكدت هيئة تحرير الشام أنها سيطرت على معبر باب الهوى.", HTS, "معبر باب الهوى", "reported"),
        ("قال الحوثيون إنهم استولوا على مدينة حريب.", HOUTHIS, "حريب", "reported"),
    ],
)
def test_the_pronoun_of_anna_is_the_speaker_and_the_noun_after_the_verb_its_object(
    extract: Callable[..., ArticleFacts], text: str, agent: str, target: str, status: str
) -> None:
    facts = extract(text)
    assert _one(facts, "Seizure") == (status, [agent], [target])
    assert control_tuples(facts) == set()


def test_the_members_of_a_named_actor_in_the_genitive_act_for_it(
    extract: Callable[..., ArticleFacts],
) -> None:
    facts = extract(
        "سيطر الجيش الوطني على مدينة تل أبيض بعد ساعات من انسحاب مسلحي «قوات سوريا الديمقراطية» منها."
    )
    assert _one(facts, "Withdrawal") == ("asserted", [SDF], ["تل أبيض"])
    assert (SDF, "تل أبيض", "ended") in control_tuples(facts)


@pytest.mark.parametrize(
    ("text", "agent", "target"),
    [
        (
            "دخل الجيش السوداني مدينة بارا، التي كانت قوات الدعم السريع قد انتزعت المدينة منه في أيار.",
            RSF,
            "بارا",
        ),
        (
            "تمكنت قوات النظام من دخول مدينة درعا، التي كانت هيئة تحرير الشام قد اقتحمت المدينة قبل عام.",
            HTS,
            "درعا",
        ),
    ],
)
def test_a_definite_head_noun_as_object_is_the_place_of_that_kind_named_before(
    extract: Callable[..., ArticleFacts], text: str, agent: str, target: str
) -> None:
    facts = extract(text)
    seizures = {
        (_labels(facts, e.roles["agent"])[0], _labels(facts, e.roles["target"])[0]) for e in facts.events
    }
    assert (agent, target) in seizures
    assert (agent, target, "started") in control_tuples(facts)


def test_a_definite_actor_head_after_a_verb_is_the_actor_named_before(
    extract: Callable[..., ArticleFacts],
) -> None:
    facts = extract(
        "سيطرت هيئة تحرير الشام على مقر حركة أحرار الشام في بلدة سرجة. ونفت الهيئة أنباء عن اقتحامها معبر باب الهوى."
    )
    [denial] = _events(facts, "Denial")
    assert _labels(facts, denial.roles["speaker"]) == [HTS]
    assert "denied" in {e.status for e in _events(facts, "Seizure")}


@pytest.mark.parametrize(
    ("text", "kind", "agent", "target", "control"),
    [
        (
            "وسيطر الحوثيون، عقب معارك عنيفة مع القوات الحكومية، على مدينة حريب.",
            "Seizure",
            HOUTHIS,
            "حريب",
            (HOUTHIS, "حريب", "started"),
        ),
        (
            "انسحبت قوات سوريا الديمقراطية، بعد اشتباكات استمرت يومين مع الجيش الوطني، من مدينة منبج.",
            "Withdrawal",
            SDF,
            "منبج",
            (SDF, "منبج", "ended"),
        ),
    ],
)
def test_an_aside_between_the_subject_and_the_object_is_passed_and_gives_no_role(
    extract: Callable[..., ArticleFacts],
    text: str,
    kind: str,
    agent: str,
    target: str,
    control: tuple[str, str, str],
) -> None:
    facts = extract(text)
    assert _one(facts, kind) == ("asserted", [agent], [target])
    assert control_tuples(facts) == {control}


@pytest.mark.parametrize(
    ("text", "agent", "status"),
    [
        ("«لن ننسحب من مدينة منبج»، قال قائد في قوات سوريا الديمقراطية.", SDF, "negated"),
        ("قالت هيئة تحرير الشام: «انسحبنا من بلدة سرمدا».", HTS, "reported"),
    ],
)
def test_a_first_person_verb_in_a_quotation_is_done_by_its_speaker(
    extract: Callable[..., ArticleFacts], text: str, agent: str, status: str
) -> None:
    facts = extract(text)
    [withdrawal] = _events(facts, "Withdrawal")
    assert (withdrawal.status, _labels(facts, withdrawal.roles["agent"])) == (status, [agent])
    assert control_tuples(facts) == set()


def test_a_quotation_after_a_colon_is_the_speakers_account(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("قالت هيئة تحرير الشام: «سيطرنا على معبر باب الهوى».")
    assert _one(facts, "Seizure") == ("reported", [HTS], ["معبر باب الهوى"])
    assert control_tuples(facts) == set()
