"""Control periods one article supports: opened, closed, held, present; never from unasserted events."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from extract_helpers import control_tuples, entity_labels

from conflictkg.extract.control import HANDOVER, derive_control
from conflictkg.extract.lexicon import Lexicon, load_lexicon
from conflictkg.facts import EVENT_TYPES, ArticleFacts, Entity, Event, Span
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


# --- handovers: the receiver after a list, positions in villages, the Handover type ------------------------
def test_a_handover_of_positions_in_villages_and_a_facility_to_a_receiver_after_the_list(
    extract: Callable[..., ArticleFacts],
) -> None:
    facts = extract(
        "سلّمت قوات سوريا الديمقراطية مواقعها في قرى الصيادة والمحسنلي، إضافة إلى صوامع العالية، "
        "لقوات النظام، وذلك بموجب تفاهمات سابقة."
    )
    places = ("صوامع العالية", "قرية الصيادة", "قرية المحسنلي")
    assert control_tuples(facts) == {("قوات سوريا الديمقراطية", t, "ended") for t in places} | {
        ("قوات النظام", t, "started") for t in places
    }
    [handover] = [e for e in facts.events if e.roles.get("beneficiary")]
    assert "receiver-after-list" in handover.rule and "positions-in-place" in handover.rule


def test_a_receiver_in_favour_of_whom_a_force_withdrew(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("أخلت قوات النظام مواقعها في بلدة الصنمين، بالإضافة إلى حاجز الفرن، لصالح اللواء الثامن.")
    assert control_tuples(facts) == {
        ("قوات النظام", "حاجز الفرن", "ended"),
        ("قوات النظام", "الصنمين", "ended"),
        ("اللواء الثامن", "حاجز الفرن", "started"),
        ("اللواء الثامن", "الصنمين", "started"),
    }


def test_the_owner_after_tabia_li_is_no_receiver(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract(
        "سلّمت هيئة تحرير الشام معبر باب الهوى، بالإضافة إلى معبر الغزاوية، لقوة أمنية تابعة لوزارة الداخلية."
    )
    starters = {h for h, _t, status in control_tuples(facts) if status == "started"}
    assert starters == {"قوة أمنية تابعة لوزارة الداخلية"}


def test_a_plain_withdrawal_names_no_receiver(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("انسحبت قوات سوريا الديمقراطية من حي الشيخ مقصود بعد اشتباكات مع قوات النظام.")
    assert control_tuples(facts) == {("قوات سوريا الديمقراطية", "الشيخ مقصود", "ended")}


def test_positions_in_a_city_end_no_control_of_the_whole_city(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("انسحبت قوات سوريا الديمقراطية من مواقعها في مدينة منبج.")
    assert all(facts.entity(p.facility).label != "منبج" for p in facts.control)


def test_positions_that_are_facilities_of_their_own_leave_the_town_a_place(
    extract: Callable[..., ArticleFacts],
) -> None:
    facts = extract("أخلت قوات النظام نقاطها في بلدة الصنمين، بالإضافة إلى حاجز الفرن، لصالح اللواء الثامن.")
    assert all(t != "الصنمين" for _h, t, _s in control_tuples(facts))


def _lexicon_and_entities() -> tuple[Lexicon, dict[str, Entity]]:
    entities = {
        "giver": Entity("giver", "Actor", "giver"),
        "taker": Entity("taker", "Actor", "taker"),
        "post": Entity("post", "Facility", "post"),
    }
    return load_lexicon(), entities


def _derive(events: list[Event]) -> list[tuple[str, str, str | None, str | None]]:
    lex, entities = _lexicon_and_entities()
    periods = derive_control(
        "k",
        events,
        entities,
        [],
        lambda p: Span(0, 0, ""),
        lex,
        date(2023, 5, 10),
        lambda e: None,
        frozenset(),
    )
    return [(p.holder, p.facility, p.started_by, p.ended_by) for p in periods]


def test_a_handover_ends_the_givers_control_and_starts_the_receivers() -> None:
    ev = Event(
        "h",
        "Handover",
        "asserted",
        {"agent": ["giver"], "target": ["post"], "beneficiary": ["taker"]},
        Span(0, 0, ""),
        seq=1,
    )
    assert HANDOVER == "Handover" and "Handover" in EVENT_TYPES
    assert _derive([ev]) == [("giver", "post", None, "h"), ("taker", "post", "h", None)]


@pytest.mark.parametrize("status", ["denied", "negated", "hypothetical", "reported"])
def test_a_handover_not_asserted_moves_no_control(status: str) -> None:
    ev = Event(
        "h",
        "Handover",
        status,
        {"agent": ["giver"], "target": ["post"], "beneficiary": ["taker"]},
        Span(0, 0, ""),
        seq=1,
    )
    assert _derive([ev]) == []


# --- held control ------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "holder", "target"),
    [
        ("لا تزال قوات النظام تسيطر على مبنى المحافظة في مدينة درعا.", "قوات النظام", "مبنى المحافظة"),
        (
            "لا تزال هيئة تحرير الشام تسيطر على معبر باب الهوى رغم الاشتباكات.",
            "هيئة تحرير الشام",
            "معبر باب الهوى",
        ),
        (
            "ما زالت قوات الدعم السريع تسيطر على مطار الخرطوم الدولي.",
            "قوات الدعم السريع",
            "مطار الخرطوم الدولي",
        ),
    ],
)
def test_the_holder_between_still_and_the_verb_holds(
    extract: Callable[..., ArticleFacts], text: str, holder: str, target: str
) -> None:
    facts = extract(text)
    assert control_tuples(facts) == {(holder, target, "held")}
    assert [e.type for e in facts.events if e.type == "Seizure"] == []


@pytest.mark.parametrize(
    "text",
    [
        "نفت قوات الدعم السريع ذلك وقالت إنها لا تزال تسيطر على مطار الخرطوم الدولي.",
        "أكدت هيئة تحرير الشام أنها لا تزال تسيطر على معبر باب الهوى.",
    ],
)
def test_a_party_saying_it_still_holds_a_place_is_its_claim_no_held_period(
    extract: Callable[..., ArticleFacts], text: str
) -> None:
    facts = extract(text)
    assert facts.control == []
    assert not any(e.type == "Seizure" for e in facts.events)


# --- a denied seizure keeps its agent and target ------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "agent", "target"),
    [
        (
            "نفت قوات سوريا الديمقراطية الأنباء عن اقتحام عناصرها مبنى البلدية في مدينة منبج.",
            "قوات سوريا الديمقراطية",
            "مبنى البلدية",
        ),
        (
            "نفت هيئة تحرير الشام الأنباء عن سيطرة مقاتليها على مبنى البلدية في مدينة سرمدا.",
            "هيئة تحرير الشام",
            "مبنى البلدية",
        ),
        ("نفت هيئة تحرير الشام سيطرتها على معبر باب الهوى.", "هيئة تحرير الشام", "معبر باب الهوى"),
    ],
)
def test_a_denied_seizure_keeps_agent_and_target_and_opens_nothing(
    extract: Callable[..., ArticleFacts], text: str, agent: str, target: str
) -> None:
    facts = extract(text)
    [seizure] = [e for e in facts.events if e.type == "Seizure"]
    [denial] = [e for e in facts.events if e.type == "Denial"]
    names = entity_labels(facts)
    assert seizure.status == "denied" and denial.denies == [seizure.id]
    assert [names[a] for a in seizure.roles["agent"]] == [agent]
    assert [names[t] for t in seizure.roles["target"]] == [target]
    assert facts.control == []


# --- what is agreed, promised or negotiated has not happened ------------------------------------------------
@pytest.mark.parametrize(
    ("text", "language", "status"),
    [
        (
            "اتفقت قوات الحشد الشعبي والبيشمركة، برعاية الأمم المتحدة، على سحب قواتهما من بلدة مخمور.",
            "ar",
            "hypothetical",
        ),
        ("اتفق الجيش الوطني وهيئة تحرير الشام على انسحاب الهيئة من مدينة عفرين.", "ar", "hypothetical"),
        ("تفاوضت قوات سوريا الديمقراطية مع وجهاء العشائر حول انسحابها من بلدة الشحيل.", "ar", "hypothetical"),
        ("وعدت قوات النظام بالانسحاب من حي الشيخ مقصود.", "ar", "hypothetical"),
        (
            "Sudan's army and the RSF held talks in Jeddah but failed to agree on the RSF's withdrawal from Omdurman.",
            "en",
            "negated",
        ),
    ],
)
def test_an_agreed_promised_or_negotiated_withdrawal_closes_nothing(
    extract: Callable[..., ArticleFacts], text: str, language: str, status: str
) -> None:
    facts = extract(text, language=language)
    [withdrawal] = [e for e in facts.events if e.type == "Withdrawal"]
    assert withdrawal.status == status and withdrawal.roles["target"]
    assert facts.control == []


def test_a_connective_after_talks_leaves_the_withdrawal_asserted(
    extract: Callable[..., ArticleFacts],
) -> None:
    facts = extract("جرت مفاوضات بين قسد وقوات النظام، وعلى إثرها انسحبت قسد من حي الشيخ مقصود.")
    [withdrawal] = [e for e in facts.events if e.type == "Withdrawal"]
    assert withdrawal.status == "asserted"
    assert control_tuples(facts) == {("قوات سوريا الديمقراطية", "الشيخ مقصود", "ended")}


# --- "تحت سيطرتهم": held by whom the pronoun points back to ------------------------------------------------
@pytest.mark.parametrize(
    ("text", "held"),
    [
        (
            "اقتحم الحوثيون مبنى جامعة الحديدة، فيما يبقى ميناء الحديدة تحت سيطرتهم منذ سنوات.",
            ("الحوثيون", "ميناء الحديدة", "held"),
        ),
        (
            "سيطرت قوات النظام على حي الشيخ مقصود، بينما بقي مطار حلب الدولي تحت سيطرتها.",
            ("قوات النظام", "مطار حلب الدولي", "held"),
        ),
        (
            "انسحب الحوثيون من مديرية حيس، في حين لا يزال معبر الراهدة تحت سيطرتهم.",
            ("الحوثيون", "معبر الراهدة", "held"),
        ),
        (
            "أغلقت هيئة تحرير الشام طريق حلب اللاذقية، وما زال معبر باب الهوى تحت سيطرتها.",
            ("هيئة تحرير الشام", "معبر باب الهوى", "held"),
        ),
    ],
)
def test_a_held_marker_with_a_pronoun_is_held_by_the_actor_told_before(
    extract: Callable[..., ArticleFacts], text: str, held: tuple[str, str, str]
) -> None:
    facts = extract(text)
    assert held in control_tuples(facts)
    [period] = [p for p in facts.control if entity_labels(facts)[p.facility] == held[1]]
    assert period.started_by is None and period.ended_by is None
    assert period.evidence is not None and held[1] in period.evidence.text


@pytest.mark.parametrize(
    "text",
    [
        "انسحب الحوثيون من مديرية حيس، ولم يعد معبر الراهدة تحت سيطرتهم.",
        "سيطرت قوات النظام على حي الشيخ مقصود، فيما لم يعد مطار حلب الدولي تحت سيطرتها.",
    ],
)
def test_no_longer_under_its_control_is_no_held_period(
    extract: Callable[..., ArticleFacts], text: str
) -> None:
    facts = extract(text)
    assert all(status != "held" for _h, _t, status in control_tuples(facts))


def test_a_held_marker_with_a_pronoun_and_no_actor_told_before_holds_nothing(
    extract: Callable[..., ArticleFacts],
) -> None:
    facts = extract("ويبقى ميناء الحديدة تحت سيطرتهم منذ سنوات.")
    assert control_tuples(facts) == set()


@pytest.mark.parametrize(
    ("text", "site", "town"),
    [
        (
            "طردت «قوات الفجر» عناصر «مجموعة الصقور» من مبنى المخفر في بلدة المزيريب.",
            "مبنى المخفر",
            "المزيريب",
        ),
        ("طرد «لواء الحق» مسلحي «كتيبة النور» من مبنى البلدية في مدينة نوى.", "مبنى البلدية", "نوى"),
    ],
)
def test_an_expulsion_from_a_site_changes_control_of_the_site_not_of_its_town(
    extract: Callable[..., ArticleFacts], text: str, site: str, town: str
) -> None:
    tuples = control_tuples(extract(text))
    assert town not in {t for _h, t, _s in tuples}, tuples
    assert {t for _h, t, _s in tuples} == {site}, tuples
    assert {s for _h, _t, s in tuples} == {"started", "ended"}
