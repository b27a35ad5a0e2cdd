"""Round-3 generalisation of Arabic factuality and subjects: failure verbs, preparations and ultimatums,
threats with لوّح, and "the latter" as the subject of a verb.

Every sentence is written for the phenomenon (other actors, places and syntax than any gold passage):
the status of the event, its agent, and that only asserted events move control.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from extract_helpers import control_tuples, entity_labels

from conflictkg.facts import ArticleFacts, Event


def _of_type(facts: ArticleFacts, event_type: str) -> list[Event]:
    return [e for e in facts.events if e.type == event_type]


def _agents(facts: ArticleFacts, event: Event) -> set[str]:
    names = entity_labels(facts)
    return {names[a] for role in ("agent", "speaker", "besieger") for a in event.roles.get(role, [])}


# --- failure verbs: أخفق، عجز (like فشل): the act did not happen ---------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "أخفقت قوات النظام في اقتحام مدينة درعا البلد.",
        "أخفق الجيش الوطني الليبي في استعادة مطار الخرطوم الدولي رغم القصف.",
        "عجزت قوات الدعم السريع عن دخول مدينة الفاشر.",
        "وعجز مقاتلو جماعة الحوثي عن السيطرة على مدينة مأرب.",
        "يعجز الجيش السوداني عن اقتحام مطار الخرطوم الدولي منذ أشهر.",
    ],
)
def test_failure_verb_negates_the_act_and_moves_no_control(
    extract: Callable[..., ArticleFacts], text: str
) -> None:
    facts = extract(text)
    seizures = _of_type(facts, "Seizure")
    assert seizures, [(e.type, e.status) for e in facts.events]
    assert {e.status for e in seizures} == {"negated"}
    assert facts.control == [] or all(p.kind != "control" for p in facts.control)


def test_failure_next_to_an_asserted_seizure_keeps_the_asserted_one(
    extract: Callable[..., ArticleFacts],
) -> None:
    facts = extract(
        "أخفقت قوات النظام في اقتحام مدينة درعا البلد، فيما سيطرت قوات سوريا الديمقراطية على بلدة الشدادي."
    )
    statuses = sorted(e.status for e in _of_type(facts, "Seizure"))
    assert statuses == ["asserted", "negated"]
    tuples = control_tuples(facts)
    assert {t[2] for t in tuples} == {"started"}
    assert all("درعا" not in t[1] for t in tuples)


# --- preparations, ultimatums and threats: planned ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("تستعد قوات النظام لتسليم مطار القامشلي إلى القوات الروسية.", "Withdrawal"),
        ("يستعد الجيش السوداني لاقتحام مطار الخرطوم الدولي خلال الأيام المقبلة.", "Seizure"),
        ("تتأهب قوات الدعم السريع لاقتحام مدينة الفاشر.", "Seizure"),
        ("أمهلت قوات النظام قوات سوريا الديمقراطية يومين لإخلاء مطار القامشلي.", "Withdrawal"),
        ("أمهل الجيش الوطني الليبي المسلحين ثلاثة أيام لإخلاء مطار معيتيقة.", "Withdrawal"),
        ("أغلقت قوات الأمن معبر باب الهوى، ملوّحةً بإغلاق معبر باب السلامة أيضاً.", "Closure"),
        ("لوّحت جماعة الحوثي بفرض حصار على مدينة مأرب.", "Siege"),
    ],
)
def test_preparation_ultimatum_and_threat_make_the_act_planned(
    extract: Callable[..., ArticleFacts], text: str, event_type: str
) -> None:
    facts = extract(text)
    kinds = {"Withdrawal": {"Withdrawal", "Handover"}}.get(event_type, {event_type})
    found = [e for e in facts.events if e.type in kinds]
    planned = [e for e in found if e.status == "hypothetical"]
    assert planned, [(e.type, e.status, e.trigger.text if e.trigger else None) for e in facts.events]
    for event in planned:
        assert all(p.started_by != event.id and p.ended_by != event.id for p in facts.control)


def test_planned_handover_moves_no_control(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("تستعد قوات النظام لتسليم مطار القامشلي إلى القوات الروسية.")
    assert control_tuples(facts) == set()


# --- "the latter" (الأخير/الأخيرة) as the subject of a verb ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "event_type", "agent"),
    [
        # right after the verb
        (
            "وصلت قوات النظام إلى محيط حلب بعد مفاوضات مع «لواء القدس»، ثم أخلت الأخيرة مطار النيرب.",
            "Withdrawal",
            "لواء القدس",
        ),
        # before the verb, after أن
        (
            "انسحبت قوات سوريا الديمقراطية من صوامع العالية، وقال مصدر إن الأخيرة سيطرت على قرية النيرب.",
            "Seizure",
            "قوات سوريا الديمقراطية",
        ),
        # the latter is the last actor named, not the subject of the narrative
        (
            "هاجمت قوات النظام مواقع «هيئة تحرير الشام» قرب إدلب، ثم انسحبت الأخيرة من بلدة سرمين.",
            "Withdrawal",
            "هيئة تحرير الشام",
        ),
        (
            "اشتبك الجيش السوداني مع قوات الدعم السريع، ثم سيطر الأخير على مدينة ود مدني.",
            "Seizure",
            "قوات الدعم السريع",
        ),
    ],
)
def test_latter_is_the_latest_actor_other_than_the_subject(
    extract: Callable[..., ArticleFacts], text: str, event_type: str, agent: str
) -> None:
    facts = extract(text)
    found = [e for e in facts.events if e.type == event_type]
    assert found, [(e.type, e.status) for e in facts.events]
    assert any(_agents(facts, e) == {agent} or agent in " ".join(_agents(facts, e)) for e in found), [
        (e.type, _agents(facts, e)) for e in found
    ]


# --- a people plural in the genitive of a verbal noun, with the object after it, is its (unknown) agent -----


@pytest.mark.parametrize(
    "text",
    [
        "دخلت قوات النظام حي طريق السد بعد تسليم المسلحين المحليين أسلحتهم في مركز التسوية.",
        "دخلت قوات النظام حي طريق السد بعد تسليم المسلحين مبنى البلدية.",
        "سيطر الجيش السوداني على مدينة ود مدني عقب إخلاء المقاتلين مواقعهم في مطار الخرطوم الدولي.",
    ],
)
def test_unknown_genitive_agent_is_not_the_subject_told_before(
    extract: Callable[..., ArticleFacts], text: str
) -> None:
    facts = extract(text)
    seizure_agents = {a for e in _of_type(facts, "Seizure") for a in _agents(facts, e)}
    assert seizure_agents, [(e.type, e.status) for e in facts.events]
    ended = {(holder, target) for holder, target, status in control_tuples(facts) if status == "ended"}
    assert not any(holder in seizure_agents for holder, _target in ended), ended


def test_expelled_genitive_is_still_the_object(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("سيطرت قوات النظام على بلدة الشدادي بعد طرد المسلحين من البلدة.")
    expulsions = _of_type(facts, "Expulsion")
    assert len(expulsions) == 1
    assert _agents(facts, expulsions[0]) == {"قوات النظام"}


# --- a site noun (الموقع، المكان) as the object names the facility or place told before ----------------------


@pytest.mark.parametrize(
    ("text", "event_type", "target"),
    [
        (
            "أما قوات سوريا الديمقراطية، التي كانت تتمركز في صوامع العالية منذ سنوات، فقد أخلت الموقع صباح"
            " الثلاثاء وسلّمته لقوات النظام.",
            "Withdrawal",
            "صوامع العالية",
        ),
        (
            "انتشرت قوات الدعم السريع في مطار الخرطوم الدولي، ثم أخلت المكان بعد يومين.",
            "Withdrawal",
            "مطار الخرطوم الدولي",
        ),
        ("اقتحم الجيش الوطني الليبي مطار معيتيقة، وسيطر على الموقع بالكامل.", "Seizure", "مطار معيتيقة"),
    ],
)
def test_site_noun_names_the_latest_facility(
    extract: Callable[..., ArticleFacts], text: str, event_type: str, target: str
) -> None:
    facts = extract(text)
    names = entity_labels(facts)
    kinds = {"Withdrawal": {"Withdrawal", "Handover"}}.get(event_type, {event_type})
    targets = {names[t] for e in facts.events if e.type in kinds for t in e.roles.get("target", [])}
    assert target in targets, [(e.type, e.roles) for e in facts.events]
    assert any(t[1] == target and t[2] in ("started", "ended") for t in control_tuples(facts))


# --- a failure verb further back in the clause, past the subject and an aside ---------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "أخفقت قوات النظام، للمرة الثالثة منذ مطلع الأسبوع، في استعادة مطار أبو الظهور.",
        "فشل الجيش السوداني، رغم القصف المكثف، في اقتحام مدينة الفاشر.",
        "رفضت قوات سوريا الديمقراطية يوم الأحد تسليم مطار القامشلي.",
    ],
)
def test_distant_failure_or_refusal_negates_the_act(extract: Callable[..., ArticleFacts], text: str) -> None:
    facts = extract(text)
    acts = [e for e in facts.events if e.type in ("Seizure", "Withdrawal", "Handover")]
    assert acts and {e.status for e in acts} == {"negated"}, [(e.type, e.status) for e in facts.events]
    assert control_tuples(facts) == set()


def test_failed_attempts_elsewhere_leave_the_seizure_asserted(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("سيطرت قوات النظام على مطار أبو الظهور، بعد أن فشلت محاولات سابقة.")
    assert ("قوات النظام", "مطار أبو الظهور", "started") in control_tuples(facts)


# --- members of an actor named by its short name ("مسلحي الكانيات" after "قوات الكانيات") ----------------


def test_members_of_a_short_name_are_the_actor_named_before(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract(
        "اشتبكت قوات الكانيات مع قوات حكومة الوحدة الوطنية، التي سيطرت على بلدة القره بوللي بعد انسحاب"
        " مسلحي الكانيات منها."
    )
    tuples = control_tuples(facts)
    assert ("قوات الكانيات", "بلدة القره", "ended") in tuples or any(
        t[0] == "قوات الكانيات" and t[2] == "ended" for t in tuples
    ), tuples
    assert not any(t[0] == "قوات حكومة الوحدة الوطنية" and t[2] == "ended" for t in tuples), tuples


@pytest.mark.parametrize(
    "text",
    [
        "أحكمت قوات حكومة الوحدة الوطنية قبضتها على بلدة القره بوللي بعد انسحاب مسلحي الكانيات منها.",
        "سيطرت قوات النظام على بلدة الشدادي بعد انسحاب عناصر مجهولة الهوية منها.",
    ],
)
def test_members_of_an_unnamed_actor_are_not_the_subject(
    extract: Callable[..., ArticleFacts], text: str
) -> None:
    facts = extract(text)
    tuples = control_tuples(facts)
    started = {t[0] for t in tuples if t[2] == "started"}
    assert started, tuples
    assert not any(t[2] == "ended" and t[0] in started for t in tuples), tuples


# --- "the latter" as the subject of a support verb ("دفعت الأخيرة بتعزيزات", "فرضت الأخيرة رسوماً") ------


@pytest.mark.parametrize(
    ("text", "event_type", "agent"),
    [
        (
            "توعدت فصائل الجيش الوطني بانتزاع سد تشرين من قسد، في حين دفعت الأخيرة بتعزيزات إلى محيط السد.",
            "Deployment",
            "قوات سوريا الديمقراطية",
        ),
        (
            "هاجمت قوات النظام مواقع «هيئة تحرير الشام» قرب إدلب، فيما فرضت الأخيرة رسوماً على معبر باب الهوى.",
            "Levy",
            "هيئة تحرير الشام",
        ),
    ],
)
def test_latter_as_subject_of_a_support_verb(
    extract: Callable[..., ArticleFacts], text: str, event_type: str, agent: str
) -> None:
    facts = extract(text)
    found = _of_type(facts, event_type)
    assert len(found) == 1, [(e.type, e.status) for e in facts.events]
    assert _agents(facts, found[0]) == {agent}


# --- levies with استوفى, and the jussive of defective verbs after لم --------------------------------------


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("ولا تزال عناصر الفرقة الرابعة تستوفي مبالغ مالية من سائقي الشاحنات عند حاجز المعضمية.", "asserted"),
        ("يستوفي عناصر «الأسايش» مبالغ مالية عند معبر سيمالكا.", "asserted"),
        ("استوفت الفرقة الرابعة رسوماً من التجار عند حاجز المعضمية.", "asserted"),
        ("لم تستوف قوات الأمن أي رسوم عند معبر سيمالكا.", "negated"),
        ("لم تستوفِ الفرقة الرابعة رسوماً من التجار عند حاجز المعضمية.", "negated"),
    ],
)
def test_levy_verb_and_its_negated_jussive(
    extract: Callable[..., ArticleFacts], text: str, status: str
) -> None:
    facts = extract(text)
    levies = _of_type(facts, "Levy")
    assert len(levies) == 1, [(e.type, e.status, e.trigger.text if e.trigger else None) for e in facts.events]
    assert levies[0].status == status
    assert _agents(facts, levies[0])


def test_short_defective_stems_get_no_jussive() -> None:
    from conflictkg.extract.lexicon import conjugate_present

    assert "تستوف" in conjugate_present("يستوفي")
    assert "يجب" not in conjugate_present("يجبي")  # "يجب" (must) is not a levy


# --- members of a quoted actor whose head the chunker does not know ----------------------------------------


def test_members_of_a_quoted_name_act_for_it(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract(
        "أحكمت قوات النخبة الحضرمية قبضتها على ميناء الضبة النفطي فجر اليوم، بعد ساعات من انسحاب عناصر"
        " «حلف قبائل حضرموت» منه."
    )
    withdrawals = _of_type(facts, "Withdrawal")
    assert len(withdrawals) == 1, [(e.type, e.status) for e in facts.events]
    assert "قوات النخبة الحضرمية" not in _agents(facts, withdrawals[0])
    assert any("حضرموت" in a for a in _agents(facts, withdrawals[0]))


# --- unnamed people in the genitive of an intransitive verbal noun ------------------------------------------


def test_unnamed_plural_genitive_is_not_the_subject(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("سيطر الجيش الوطني على قرية الدردارة بعد انسحاب مقاتلين محليين منها.")
    tuples = control_tuples(facts)
    assert ("الجيش الوطني", "قرية الدردارة", "started") in tuples
    assert ("الجيش الوطني", "قرية الدردارة", "ended") not in tuples


# --- a negated verb governing an event noun past a delegation of several actors -----------------------------


@pytest.mark.parametrize(
    "text",
    [
        "لم يتوصل وفدا الحكومة اليمنية والحوثيين إلى اتفاق بشأن فتح طرق تعز.",
        "لم يتوصل ممثلو قوات سوريا الديمقراطية و«الجيش الوطني» إلى اتفاق.",
        "لم يتوصل الجيش السوداني إلى اتفاق مع قوات الدعم السريع.",
    ],
)
def test_negated_verb_before_a_delegation_negates_the_agreement(
    extract: Callable[..., ArticleFacts], text: str
) -> None:
    agreements = _of_type(extract(text), "Agreement")
    assert len(agreements) == 1
    assert agreements[0].status == "negated"
