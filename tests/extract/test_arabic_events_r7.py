"""Arabic events of round 7: "لا تزال" is no negation, a verb's object pronoun with the subject after it,
an aside between the subject and the object, the holder of a held control with its commander, and the
goal of a withdrawal that is no site it left.

Every sentence here is written for these tests (none is a dev passage); each case runs through the real
extractor over the real gazetteer, and control is read from the facts it emits.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from extract_helpers import control_tuples, events_of, only_event, role_labels

from conflictkg.facts import ArticleFacts

Extract = Callable[..., ArticleFacts]


# --- "لا تزال / ما زالت" before a support verb and a noun trigger: still going on, not negated --------

STILL_BESIEGING = [
    ("ولا تزال قوات الحشد الشعبي تفرض طوقاً على قضاء سنجار.", "الحشد الشعبي", "سنجار"),
    ("ولا تزال جماعة الحوثي تفرض حصاراً خانقاً على مدينة تعز.", "الحوثيون", "تعز"),
    ("لا تزال قوات النظام تفرض طوقاً أمنياً حول مدينة درعا البلد.", "قوات النظام", "درعا"),
    ("ولا تزال قوات الدعم السريع تفرض حصاراً على مدينة الفاشر.", "قوات الدعم السريع", "الفاشر"),
    ("لا تزال قوات سوريا الديمقراطية تفرض طوقاً على حي غويران.", "قوات سوريا الديمقراطية", "حي غويران"),
]


@pytest.mark.parametrize(("text", "besieger", "besieged"), STILL_BESIEGING)
def test_a_continuing_siege_is_asserted_not_negated(
    extract: Extract, text: str, besieger: str, besieged: str
) -> None:
    facts = extract(text)
    ev = only_event(facts, "Siege")
    assert ev.status == "asserted"
    assert role_labels(facts, ev, "besieger") == [besieger]
    assert role_labels(facts, ev, "besieged") == [besieged]


@pytest.mark.parametrize(
    "text",
    [
        "لم تفرض قوات الحشد الشعبي طوقاً على قضاء سنجار.",
        "لا تفرض جماعة الحوثي حصاراً على مدينة تعز.",
        "ولم تفرض قوات النظام طوقاً حول مدينة درعا البلد.",
    ],
)
def test_a_plain_negation_still_negates(extract: Extract, text: str) -> None:
    assert only_event(extract(text), "Siege").status == "negated"


# --- a verb's object pronoun with its subject after it: the site told before -------------------------

OBJECT_PRONOUNS = [
    (
        "استعادت قوات النظام بلدة مارع، بعدما انتزعتها هيئة تحرير الشام الشهر الماضي.",
        ("هيئة تحرير الشام", "مارع", "started"),
    ),
    (
        "سيطر الجيش السوداني على مدينة ود مدني بعد أن أخلتها قوات الدعم السريع.",
        ("قوات الدعم السريع", "ود مدني", "ended"),
    ),
    (
        "دخلت قوات النظام مدينة منبج بعد أن أخلتها قوات سوريا الديمقراطية.",
        ("قوات سوريا الديمقراطية", "منبج", "ended"),
    ),
    (
        "انسحبت قوات سوريا الديمقراطية من مدينة تل رفعت، لتدخلها فصائل الجيش الوطني.",
        ("فصائل الجيش الوطني", "تل رفعت", "started"),
    ),
    (
        "تسلّمت قوة من الشرطة الاتحادية مبنى قائممقامية سنجار بعد أن أخلته وحدات مقاومة سنجار.",
        ("وحدات مقاومة سنجار", "مبنى قائممقامية سنجار", "ended"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), OBJECT_PRONOUNS)
def test_an_object_pronoun_points_at_the_site_told_before(
    extract: Extract, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in control_tuples(extract(text))


def test_a_pronoun_after_a_list_takes_the_whole_list(extract: Extract) -> None:
    """ "لتدخلها" after a withdrawal from three sites: all three, not the nearest place named."""
    facts = extract(
        "انسحب الجيش السوداني من مقري الفرقة الأولى مشاة واللواء الثالث في ود مدني، بالإضافة إلى "
        "مستودعات الوقود بالمنطقة الصناعية، لتدخلها قوات الدعم السريع دون مقاومة."
    )
    entered = {t for h, t, st in control_tuples(facts) if h == "قوات الدعم السريع" and st == "started"}
    assert entered == {"مقر الفرقة الأولى مشاة", "مقر اللواء الثالث", "مستودعات الوقود"}


def test_a_withdrawal_and_its_handover_by_pronoun_are_one_event(extract: Extract) -> None:
    """ "أخلت X الموقع وسلّمته لـ Y": the handover retells the withdrawal; one event, both periods."""
    facts = extract("أخلت قوات سوريا الديمقراطية صوامع العالية صباح الثلاثاء وسلّمتها لقوات النظام.")
    giving_up = events_of(facts, "Withdrawal") + events_of(facts, "Handover")
    assert len(giving_up) == 1
    tuples = control_tuples(facts)
    assert ("قوات سوريا الديمقراطية", "صوامع العالية", "ended") in tuples
    assert ("قوات النظام", "صوامع العالية", "started") in tuples


def test_a_plural_object_pronoun_names_people_not_a_site(extract: Extract) -> None:
    """ "طوقتهم": them, the people expelled; no besieged site is read from it."""
    facts = extract("طردت قوات الأسايش مسلحي تنظيم داعش من حي غويران بعد أن طوقتهم.")
    assert not events_of(facts, "Siege")


# --- an aside between the subject and the object: "سلّمت X، بموجب تفاهم مع Y، Z إلى W" ---------------

ASIDES = [
    (
        "سلّمت «قوات سوريا الديمقراطية»، بموجب تفاهم مع الحكومة، «مطار القامشلي» إلى القوات الروسية.",
        ("قوات سوريا الديمقراطية", "مطار القامشلي", "ended"),
    ),
    (
        "سلّمت قوات الأسايش، وفق اتفاق مع الإدارة الذاتية، مبنى الأمن العسكري في مدينة الحسكة إلى قوات النظام.",
        ("قوات النظام", "مبنى الأمن العسكري", "started"),
    ),
    (
        "اقتحمت هيئة تحرير الشام، عقب انسحاب الجيش الوطني، مدينة عفرين.",
        ("هيئة تحرير الشام", "عفرين", "started"),
    ),
    (
        "أخلت قوات الحشد الشعبي، بعد مفاوضات مع الجيش العراقي، مطار الموصل.",
        ("الحشد الشعبي", "مطار الموصل", "ended"),
    ),
    (
        "دخلت قوات الدعم السريع، بعد انسحاب الجيش السوداني، مدينة نيالا.",
        ("قوات الدعم السريع", "نيالا", "started"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), ASIDES)
def test_the_object_after_an_aside(extract: Extract, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in control_tuples(extract(text))


def test_the_agreement_in_the_aside_is_its_own_event(extract: Extract) -> None:
    facts = extract(
        "سلّمت «قوات سوريا الديمقراطية»، بموجب تفاهم مع الحكومة، «مطار القامشلي» إلى القوات الروسية."
    )
    assert len(events_of(facts, "Agreement")) == 1
    handover = only_event(facts, "Handover")
    assert role_labels(facts, handover, "beneficiary") == ["القوات الروسية"]


# --- the holder of a held control: after "لا تزال", with its commander and a support verb -----------

HELD = [
    (
        "لم تدخل قوات النظام مدينة منبج، في حين لا تزال قوات الجيش الوطني الليبي بقيادة خليفة حفتر "
        "تُحكم قبضتها على قاعدة القرضابية الجوية.",
        ("الجيش الوطني الليبي", "قاعدة القرضابية الجوية", "held"),
    ),
    (
        "ولا تزال قوات الدعم السريع بقيادة محمد حمدان دقلو تسيطر على مطار نيالا.",
        ("قوات الدعم السريع", "مطار نيالا", "held"),
    ),
    (
        "انسحب الجيش السوداني من مدينة الجنينة، بينما لا تزال قوات الدعم السريع بقيادة حميدتي تحكم "
        "قبضتها على مطار الجنينة.",
        ("قوات الدعم السريع", "مطار الجنينة", "held"),
    ),
    (
        "وما زالت هيئة تحرير الشام بقيادة أبو محمد الجولاني تسيطر على معبر باب الهوى.",
        ("هيئة تحرير الشام", "معبر باب الهوى", "held"),
    ),
    (
        "لا تزال قوات سوريا الديمقراطية بقيادة مظلوم عبدي تسيطر على مدينة الرقة.",
        ("قوات سوريا الديمقراطية", "الرقة", "held"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), HELD)
def test_the_holder_after_the_continuation_marker(
    extract: Extract, text: str, expected: tuple[str, str, str]
) -> None:
    facts = extract(text)
    held = {t for t in control_tuples(facts) if t[2] == "held"}
    assert held == {expected}
    assert not events_of(facts, "Seizure") or all(e.status != "asserted" for e in events_of(facts, "Seizure"))


# --- the goal of a withdrawal: "إلى مواقعها في X" locates where it went, not what it left ------------

GOALS = [
    ("انسحبت قوات الأسايش من حي غويران إلى مواقعها في مدينة الحسكة.", "الأسايش", "حي غويران", "الحسكة"),
    (
        "انسحب الجيش السوداني من مدينة الجنينة نحو ثكناته في مدينة نيالا.",
        "القوات المسلحة السودانية",
        "الجنينة",
        "نيالا",
    ),
    (
        "انسحبت قوات الحشد الشعبي من مطار الموصل إلى مقراتها في قضاء سنجار.",
        "الحشد الشعبي",
        "مطار الموصل",
        "سنجار",
    ),
    (
        "انسحبت هيئة تحرير الشام من بلدة سرمدا نحو معاقلها في مدينة إدلب.",
        "هيئة تحرير الشام",
        "بلدة سرمدا",
        "إدلب",
    ),
    ("انسحبت قوات النظام من مدينة درعا البلد إلى ثكناتها في مدينة دمشق.", "قوات النظام", "درعا", "دمشق"),
]


@pytest.mark.parametrize(("text", "agent", "left", "goal"), GOALS)
def test_the_goal_of_a_withdrawal_is_no_site_it_left(
    extract: Extract, text: str, agent: str, left: str, goal: str
) -> None:
    facts = extract(text)
    ev = only_event(facts, "Withdrawal")
    assert role_labels(facts, ev, "target") == [left]
    assert {(h, t) for h, t, _ in control_tuples(facts)} == {(agent, left)}
    assert goal not in role_labels(facts, ev, "target")


def test_a_site_in_a_place_is_still_what_was_left(extract: Extract) -> None:
    """ "من مواقعها في حي X": with no goal before it, في still names the site left."""
    facts = extract("انسحبت قوات الأسايش من مواقعها في حي غويران.")
    assert ("الأسايش", "حي غويران", "ended") in control_tuples(facts)


GOALS_ONLY = [
    (
        "وسيطر الجيش العراقي على مطار الموصل، فيما انسحب مقاتلو الحشد الشعبي إلى مواقعهم في قضاء سنجار.",
        ("الجيش العراقي", "مطار الموصل", "started"),
    ),
    (
        "دخلت قوات النظام مدينة منبج، بينما انسحبت قوات سوريا الديمقراطية إلى مقراتها في مدينة الرقة.",
        ("قوات النظام", "منبج", "started"),
    ),
    (
        "سيطرت قوات الدعم السريع على مدينة الجنينة، وانسحب الجيش السوداني نحو ثكناته في مدينة نيالا.",
        ("قوات الدعم السريع", "الجنينة", "started"),
    ),
    (
        "اقتحمت هيئة تحرير الشام مدينة عفرين، فيما انسحب الجيش الوطني إلى معاقله في مدينة أعزاز.",
        ("هيئة تحرير الشام", "عفرين", "started"),
    ),
    (
        "دخل الجيش العراقي قضاء سنجار، بينما انسحبت قوات البيشمركة باتجاه مواقعها في مدينة دهوك.",
        ("الجيش العراقي", "سنجار", "started"),
    ),
]


@pytest.mark.parametrize(("text", "taken"), GOALS_ONLY)
def test_a_withdrawal_told_only_by_its_goal_ends_no_control_there(
    extract: Extract, text: str, taken: tuple[str, str, str]
) -> None:
    """ "انسحب X إلى مواقعه في Y": X went to Y; neither its positions nor Y are what it gave up."""
    assert control_tuples(extract(text)) == {taken}


# --- a bare lift verb with its subject before the siege noun: "فكّ الجيش الحصار عن ..." -----------

LIFTINGS = [
    ("فكّ الجيش السوداني الحصار عن مدينة الدلنج.", "الدلنج"),
    ("فكّ الجيش السوداني، صباح أمس الأحد، الحصار الذي فرضته قوات الدعم السريع على مدينة الدلنج.", "الدلنج"),
    ("وكسر الجيش العراقي الحصار عن قضاء سنجار.", "سنجار"),
    ("رفع الجيش السوري الحصار عن مدينة دير الزور.", "دير الزور"),
    ("فك الجيش اليمني، مساء الخميس، الحصار عن مدينة تعز.", "تعز"),
]


@pytest.mark.parametrize(("text", "besieged"), LIFTINGS)
def test_a_lift_verb_before_its_subject_lifts_the_siege(extract: Extract, text: str, besieged: str) -> None:
    facts = extract(text)
    lifting = only_event(facts, "SiegeLifting")
    assert lifting.status == "asserted"
    assert role_labels(facts, lifting, "besieged") == [besieged]
    assert not events_of(facts, "Siege")  # the lifted siege noun is no siege of its own


def test_a_lifted_siege_as_a_demand_is_no_lifting(extract: Extract) -> None:
    assert not events_of(extract("طالب الأهالي بفك الحصار عن مدينة تعز."), "SiegeLifting")


# --- the pluperfect with a support verb: "بعد أن كانت X قد بسطت سيطرتها على ..." -------------------

PLUPERFECT_SUPPORT = [
    (
        "عادت الجبهة الشامية إلى مدينة عفرين، بعد أن كانت هيئة تحرير الشام قد بسطت سيطرتها على مدينة عفرين.",
        "Seizure",
        "agent",
        "هيئة تحرير الشام",
    ),
    (
        "عاد الجيش الوطني إلى مدينة عفرين، بعدما كانت هيئة تحرير الشام قد أحكمت سيطرتها على المدينة.",
        "Seizure",
        "agent",
        "هيئة تحرير الشام",
    ),
    (
        "دخل الجيش السوداني مدينة ود مدني، بعد أن كانت قوات الدعم السريع قد بسطت سيطرتها عليها العام الماضي.",
        "Seizure",
        "agent",
        "قوات الدعم السريع",
    ),
    (
        "استعاد الجيش العراقي قضاء سنجار، بعد أن كان تنظيم داعش قد أحكم قبضته على القضاء.",
        "Seizure",
        "agent",
        "تنظيم الدولة الإسلامية",
    ),
    (
        "سيطرت قوات النظام على مدينة درعا البلد، بعد أن كانت الفرقة الرابعة قد فرضت حصارها عليها.",
        "Siege",
        "besieger",
        "الفرقة الرابعة",
    ),
]


@pytest.mark.parametrize(("text", "kind", "role", "actor"), PLUPERFECT_SUPPORT)
def test_the_actor_between_kana_and_qad_acts_through_the_support_verb(
    extract: Extract, text: str, kind: str, role: str, actor: str
) -> None:
    facts = extract(text)
    acting = {label for ev in events_of(facts, kind) for label in role_labels(facts, ev, role)}
    assert actor in acting, acting


# --- units of an actor after a verbal noun: "انسحاب وحدات للجيش منه", "آخر وحدات الجيش" -------------

UNITS_OF = [
    (
        "وسيطرت قوات الدعم السريع على مطار نيالا، بعد انسحاب وحدات للجيش السوداني منه نحو الحدود.",
        ("القوات المسلحة السودانية", "مطار نيالا", "ended"),
    ),
    (
        "دخلت قوات النظام مدينة منبج عقب انسحاب عناصر لقوات سوريا الديمقراطية منها.",
        ("قوات سوريا الديمقراطية", "منبج", "ended"),
    ),
    (
        "وسيطرت قوات الدعم السريع على مطار نيالا، بعد انسحاب آخر وحدات الجيش السوداني منه.",
        ("القوات المسلحة السودانية", "مطار نيالا", "ended"),
    ),
    (
        "تسلّم الجيش السوري مدينة منبج عقب انسحاب آخر دورية لقوات سوريا الديمقراطية منها.",
        ("قوات سوريا الديمقراطية", "منبج", "ended"),
    ),
    (
        "سيطرت جماعة الحوثي على مطار صنعاء بعد انسحاب وحدات للقوات الحكومية منه.",
        ("القوات الحكومية", "مطار صنعاء الدولي", "ended"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), UNITS_OF)
def test_the_actor_whose_units_withdrew_withdrew(
    extract: Extract, text: str, expected: tuple[str, str, str]
) -> None:
    facts = extract(text)
    tuples = control_tuples(facts)
    assert expected in tuples
    seizer = next(h for h, _, st in tuples if st == "started")
    assert (seizer, expected[1], "ended") not in tuples  # the one who took it did not give it up


def test_gunmen_of_an_actor_are_the_ones_driven_out(extract: Extract) -> None:
    facts = extract("وأحكمت قوات الحزام الأمني قبضتها على مطار عدن، بعد طرد مسلحين لـ«كتائب أبو العباس» منه.")
    ev = only_event(facts, "Expulsion")
    assert role_labels(facts, ev, "patient") == ["كتائب أبو العباس"]
    assert role_labels(facts, ev, "agent") == ["قوات الحزام الأمني"]
