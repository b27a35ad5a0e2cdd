"""Arabic events of round 4: deployments, withdrawals and handovers of custody, forced withdrawals,
closures by prevention, and denials of them, each as a general phenomenon of news Arabic.

Every sentence here is written for these tests (none is a dev passage); each case is checked through
the real extractor over the real gazetteer, and control is read from the facts it emits.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from extract_helpers import control_tuples, events_of, only_event, role_labels

from conflictkg.facts import ArticleFacts

Extract = Callable[..., ArticleFacts]


# --- deployment: نشر، نصب، سيّر، نقل، أقام، انتقل, bound to what is deployed -------------------------

DEPLOYMENTS = [
    ("نشر الجيش العراقي تعزيزات عسكرية في قضاء سنجار.", "نشر", "الجيش العراقي"),
    ("وكانت قوات الحشد الشعبي قد نشرت عناصرها على طريق الموصل دهوك.", "نشرت", "الحشد الشعبي"),
    ("نصبت جماعة الحوثي نقاط تفتيش جديدة في مديرية حريب.", "نصبت", "الحوثيون"),
    ("أقامت الفرقة الرابعة حاجزاً عسكرياً عند مدخل مدينة درعا.", "أقامت", "الفرقة الرابعة"),
    ("سيّرت الشرطة العسكرية الروسية دوريات في ريف القامشلي.", "سيّرت", "الشرطة العسكرية الروسية"),
    ("نقلت قوات الدعم السريع مقاتليها إلى مدينة الفاشر.", "نقلت", "قوات الدعم السريع"),
]


@pytest.mark.parametrize(("text", "trigger", "agent"), DEPLOYMENTS)
def test_deployment_verbs_with_what_they_deploy(
    extract: Extract, text: str, trigger: str, agent: str
) -> None:
    facts = extract(text)
    ev = only_event(facts, "Deployment")
    assert ev.status == "asserted"
    assert ev.trigger is not None and ev.trigger.text == trigger
    assert role_labels(facts, ev, "agent") == [agent]
    assert not [p for p in facts.control if p.kind == "control"]  # a deployment takes nothing over


@pytest.mark.parametrize(
    "text",
    [
        "نشرت هيئة تحرير الشام صوراً لمقاتليها في مدينة إدلب.",
        "ونشرت قوات سوريا الديمقراطية بياناً حول الاشتباكات في مدينة منبج.",
        "أقامت الإدارة الذاتية حفلاً في مدينة القامشلي.",
        "نقلت قوات الدعم السريع الجرحى إلى مستشفى في مدينة الفاشر.",
        "قطعت قوات الدعم السريع الكهرباء عن مدينة الأبيض.",
        "منعت قوات الأسايش التظاهر في مدينة القامشلي.",
        "ونشرت قوات سوريا الديمقراطية بياناً عن عناصرها في مدينة منبج.",
        "نشرت قوات النظام الصور التي نشرتها قوات الأسايش.",
        "أعلن الجيش السوداني انسحاب قواته من مدينة بارا، بحسب ما نقلته وسائل إعلام محلية.",
    ],
)
def test_the_same_verbs_with_other_objects_are_no_event(extract: Extract, text: str) -> None:
    facts = extract(text)
    assert not events_of(facts, "Deployment") and not events_of(facts, "Closure")


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("أزالت قوات النظام الحاجز الذي نصبته الفرقة الرابعة عند مدخل مدينة درعا.", "نصبته"),
        (
            "انسحبت قوات سوريا الديمقراطية من ثلاث نقاط عسكرية في بلدة ذيبان، كانت قد أقامتها عام 2019.",
            "أقامتها",
        ),
        ("عرضت القناة صوراً للحواجز التي نصبتها جماعة الحوثي في مديرية حريب.", "نصبتها"),
    ],
)
def test_an_object_pronoun_finds_what_was_deployed_before_it(
    extract: Extract, text: str, trigger: str
) -> None:
    ev = only_event(extract(text), "Deployment")
    assert ev.trigger is not None and ev.trigger.text == trigger


def test_the_deployed_noun_is_no_second_deployment(extract: Extract) -> None:
    """ "نشرها تعزيزات": the reinforcements are what is deployed, one event, not two."""
    facts = extract("انسحبت قوات الأسايش من الحي بعد ساعات من نشرها تعزيزات في مدينة الحسكة.")
    ev = only_event(facts, "Deployment")
    assert ev.trigger is not None and ev.trigger.text == "نشرها"


def test_planned_moves_are_hypothetical(extract: Extract) -> None:
    moved = only_event(extract("تعتزم قوات النظام نقل عناصرها إلى مدينة دير الزور."), "Deployment")
    assert moved.status == "hypothetical"
    facts = extract("على أن تنتقل عناصر هيئة تحرير الشام إلى مدينة إدلب خلال يومين.")
    going = only_event(facts, "Deployment")
    assert going.status == "hypothetical" and role_labels(facts, going, "agent") == ["هيئة تحرير الشام"]


# --- closure by cutting and preventing: قطع الطريق، منع دخول، تمنع فتح -----------------------------

CLOSURES = [
    ("قطعت جماعة الحوثي الطريق الدولي بين صنعاء والحديدة.", "قطعت", "الحوثيون", "الطريق الدولي"),
    ("منعت قوات النظام دخول المساعدات إلى مدينة درعا البلد.", "منعت", "قوات النظام", "درعا"),
    ("ولا تزال قوات الأسايش تمنع فتح معبر سيمالكا.", "تمنع", "الأسايش", "معبر سيمالكا"),
    ("ومنعت قوات الدعم السريع مرور الشاحنات عبر جسر الحلفايا.", "منعت", "قوات الدعم السريع", "جسر الحلفايا"),
    ("قطع الحشد الشعبي الطريق المؤدي إلى قضاء سنجار.", "قطع", "الحشد الشعبي", "الطريق"),
]


@pytest.mark.parametrize(("text", "trigger", "agent", "target"), CLOSURES)
def test_closure_by_cutting_or_preventing(
    extract: Extract, text: str, trigger: str, agent: str, target: str
) -> None:
    facts = extract(text)
    ev = only_event(facts, "Closure")
    assert ev.status == "asserted" and ev.trigger is not None and ev.trigger.text == trigger
    assert role_labels(facts, ev, "agent") == [agent]
    assert any(target in label for label in role_labels(facts, ev, "target")), role_labels(
        facts, ev, "target"
    )
    assert not events_of(facts, "Seizure")  # the prevented entry is no entry


def test_prevention_takes_the_goal_not_the_origin(extract: Extract) -> None:
    facts = extract("منعت قوات الأسايش مرور الشاحنات القادمة من إقليم كردستان.")
    ev = only_event(facts, "Closure")
    assert "إقليم كردستان" not in " ".join(role_labels(facts, ev, "target"))


def test_negated_cut_is_negated(extract: Extract) -> None:
    ev = only_event(extract("لم تقطع قوات الدعم السريع الطريق الدولي بين الخرطوم ومدني."), "Closure")
    assert ev.status == "negated"


# --- forced withdrawal: أجبر/أرغم X على الانسحاب/الخروج من Y ----------------------------------------

EXPULSIONS = [
    (
        "أرغمت قوات الدعم السريع الشرطة على الانسحاب من مدينة الجنينة.",
        "قوات الدعم السريع",
        "الشرطة",
        "الجنينة",
    ),
    (
        "سيطرت هيئة تحرير الشام على مدينة عفرين، وأجبرت الجيش الوطني على الخروج منها.",
        "هيئة تحرير الشام",
        "الجيش الوطني",
        "عفرين",
    ),
    (
        "أجبر الجيش الوطني الليبي قوات حكومة الوحدة الوطنية على الانسحاب من مطار طرابلس الدولي.",
        "الجيش الوطني الليبي",
        "قوات حكومة الوحدة الوطنية",
        "مطار طرابلس الدولي",
    ),
    (
        "حاصر الجيش الوطني الليبي معسكر اليرموك، وأجبر قوات حكومة الوحدة الوطنية على الانسحاب منه.",
        "الجيش الوطني الليبي",
        "قوات حكومة الوحدة الوطنية",
        "معسكر اليرموك",
    ),
    (
        "أجبرت قوات الدعم السريع عناصر الشرطة على الخروج من مدينة نيالا.",
        "قوات الدعم السريع",
        "الشرطة",  # "عناصر X": the members of a named actor are that actor
        "نيالا",
    ),
]


@pytest.mark.parametrize(("text", "forcer", "forced", "site"), EXPULSIONS)
def test_forcing_out_is_an_expulsion_of_the_forced(
    extract: Extract, text: str, forcer: str, forced: str, site: str
) -> None:
    facts = extract(text)
    ev = only_event(facts, "Expulsion")
    assert ev.status == "asserted"
    assert role_labels(facts, ev, "agent") == [forcer]
    assert role_labels(facts, ev, "patient") == [forced]
    assert site in role_labels(facts, ev, "target")
    assert not events_of(facts, "Withdrawal")  # the forcer withdraws from nothing
    control = control_tuples(facts)
    assert (forced, site, "ended") in control
    assert (forcer, site, "ended") not in control


def test_forced_with_no_forcer_is_a_withdrawal_by_the_forced(extract: Extract) -> None:
    facts = extract("أُجبرت قوات الأسايش على الانسحاب من مدينة القامشلي.")
    ev = only_event(facts, "Withdrawal")
    assert role_labels(facts, ev, "agent") == ["الأسايش"] and not events_of(facts, "Expulsion")
    assert ("الأسايش", "القامشلي", "ended") in control_tuples(facts)


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("لم تجبر قوات النظام قوات سوريا الديمقراطية على الانسحاب من مدينة منبج.", "negated"),
        ("هددت الفرقة الرابعة بإجبار الأسايش على الخروج من مدينة الحسكة.", "hypothetical"),
        ("نفت هيئة تحرير الشام إجبار الجيش الوطني على الخروج من مدينة عفرين.", "denied"),
    ],
)
def test_unrealised_expulsions_change_no_control(extract: Extract, text: str, status: str) -> None:
    facts = extract(text)
    ev = only_event(facts, "Expulsion")
    assert ev.status == status
    assert not [p for p in facts.control if p.kind == "control" and (p.started_by or p.ended_by)]


# --- withdrawal and handover of custody: تتسلم إدارة، سلّمت حماية، رفع حواجزه -------------------------


@pytest.mark.parametrize(
    ("text", "kind", "agent", "target", "status"),
    [
        (
            "من المقرر أن تتسلم قوات الجيش العراقي إدارة مطار كركوك الدولي من البيشمركة.",
            "Seizure",
            "قوات الجيش العراقي",
            "مطار كركوك الدولي",
            "hypothetical",
        ),
        (
            "سلّمت قوات سوريا الديمقراطية حماية سد تشرين إلى قوات النظام.",
            "Handover",
            "قوات سوريا الديمقراطية",
            "سد تشرين",
            "asserted",
        ),
        (
            "تسلمت الشرطة العسكرية الروسية مهام حراسة معبر نصيب الحدودي.",
            "Seizure",
            "الشرطة العسكرية الروسية",
            "معبر نصيب الحدودي",
            "asserted",
        ),
        (
            "انتشرت قوات الأمن العام في مدينة سرمدا، على أن تتسلم إدارة معبر باب الهوى من هيئة تحرير الشام.",
            "Seizure",
            "قوات الأمن",
            "معبر باب الهوى",
            "hypothetical",
        ),
        ("رفع الحشد الشعبي حواجزه من مدينة سنجار.", "Withdrawal", "الحشد الشعبي", "سنجار", "asserted"),
        ("أعلنت قوات الأسايش رفع حواجزها من مدينة الحسكة.", "Withdrawal", "الأسايش", "الحسكة", "asserted"),
    ],
)
def test_custody_and_own_checkpoints(
    extract: Extract, text: str, kind: str, agent: str, target: str, status: str
) -> None:
    facts = extract(text)
    ev = only_event(facts, kind)
    assert ev.status == status
    assert role_labels(facts, ev, "agent") == [agent]
    assert target in role_labels(facts, ev, "target")


def test_custody_handover_moves_control(extract: Extract) -> None:
    control = control_tuples(extract("سلّمت قوات سوريا الديمقراطية حماية سد تشرين إلى قوات النظام."))
    assert ("قوات سوريا الديمقراطية", "سد تشرين", "ended") in control
    assert ("قوات النظام", "سد تشرين", "started") in control


def test_lifting_a_siege_is_still_a_lifting(extract: Extract) -> None:
    """رفع with a siege noun keeps lifting the siege; only its own checkpoints make it a withdrawal."""
    facts = extract("رفعت قوات النظام الحصار عن مدينة درعا البلد.")
    assert len(events_of(facts, "SiegeLifting")) == 1 and not events_of(facts, "Withdrawal")


def test_withdrawal_agreed_on_is_planned(extract: Extract) -> None:
    facts = extract("اتفق الحشد الشعبي والبيشمركة على سحب قواتهما من قضاء مخمور.")
    ev = only_event(facts, "Withdrawal")
    assert ev.status == "hypothetical" and "مخمور" in role_labels(facts, ev, "target")
    assert not [p for p in facts.control if p.kind == "control" and p.ended_by]


# --- denials of these acts --------------------------------------------------------------------------

DENIALS = [
    ("نفت قوات الأسايش نصب حواجز في مدينة القامشلي.", "Deployment"),
    ("نفى الحشد الشعبي قطع الطريق الدولي بين الموصل ودهوك.", "Closure"),
    ("نفت قوات الدعم السريع منع دخول المساعدات إلى مدينة الفاشر.", "Closure"),
    ("نفى الجيش الوطني الليبي نقل مقاتليه إلى مدينة سرت.", "Deployment"),
    ("نفت وزارة الدفاع التركية دخول قواتها مدينة منبج.", "Seizure"),
]


@pytest.mark.parametrize(("text", "kind"), DENIALS)
def test_denied_acts_are_denied_and_linked(extract: Extract, text: str, kind: str) -> None:
    facts = extract(text)
    denied = only_event(facts, kind)
    denial = only_event(facts, "Denial")
    assert denied.status == "denied" and denial.denies == [denied.id]
    assert not [p for p in facts.control if p.kind == "control" and (p.started_by or p.ended_by)]


def test_denied_entry_of_its_forces_has_a_target(extract: Extract) -> None:
    """ "دخول قواتها مدينة منبج": the suffixed forces are the agent's, the city the object."""
    facts = extract("نفت وزارة الدفاع التركية دخول قواتها مدينة منبج.")
    assert role_labels(facts, only_event(facts, "Seizure"), "target") == ["منبج"]
