"""Rules of the precision round of issue 3: places inside facility names, compass words, Yemeni
districts, states acting as actors, support verbs before an event noun, lifted sieges, handed-over
groups and withdrawals toward somewhere. Each test is a short passage written for the rule, run
through the real extractor over the real gazetteer."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from extract_helpers import control_tuples, entity_labels

from conflictkg import iri
from conflictkg.extract import Extractor
from conflictkg.facts import Article, ArticleFacts, Entity, Event

R = "https://w3id.org/conflictkg/id/"


@pytest.fixture
def extractor_diagnostics(extractor: Extractor) -> Callable[[str], list[str]]:
    """Why the events of an Arabic passage were dropped."""

    def run(text: str) -> list[str]:
        article = Article(iri.article_iri(iri.article_key(text)), text, "ar", date(2023, 5, 10))
        return [d.reason for d in extractor.extract(article)[1]]

    return run


def _events(facts: ArticleFacts, event_type: str) -> list[Event]:
    return [e for e in facts.events if e.type == event_type]


def _one(facts: ArticleFacts, event_type: str) -> Event:
    found = _events(facts, event_type)
    assert len(found) == 1, [(e.type, e.trigger.text if e.trigger else None) for e in facts.events]
    return found[0]


def _entity(facts: ArticleFacts, label: str) -> Entity:
    found = [e for e in facts.entities if e.label == label]
    assert len(found) == 1, [(e.type, e.label) for e in facts.entities]
    return found[0]


# --- entities ----------------------------------------------------------------------------------
def test_a_place_inside_a_facility_name_is_no_entity(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("سيطرت قوات الدعم السريع على مستشفى نيالا التعليمي.")
    assert R + "nyala" not in {e.id for e in facts.entities}
    hospital = [e for e in facts.entities if e.type == "Facility"]
    assert [m.text for e in hospital for m in e.mentions] == ["مستشفى نيالا التعليمي"]
    # the place still locates the facility
    assert hospital[0].part_of == [R + "nyala"]


def test_a_place_phrase_of_its_own_stays_an_entity(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("سيطرت قوات الدعم السريع على مستشفى نيالا التعليمي في مدينة نيالا.")
    assert [m.text for m in _entity(facts, "نيالا").mentions] == ["مدينة نيالا"]


def test_a_compass_word_ends_a_facility_name(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("سيطرت قوات الدعم السريع على جسر الحلفايا شمالي الخرطوم.")
    bridge = next(e for e in facts.entities if e.type == "Facility")
    assert [m.text for m in bridge.mentions] == ["جسر الحلفايا"]
    assert [m.text for m in _entity(facts, "الخرطوم").mentions] == ["الخرطوم"]
    assert control_tuples(facts) == {("قوات الدعم السريع", bridge.label, "started")}


def test_a_yemeni_district_is_a_place(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("سيطرت جماعة الحوثي على مديرية حيفان جنوبي محافظة تعز.")
    district = next(e for e in facts.entities if e.label.startswith("مديرية"))
    assert (district.type, district.subtype, district.label) == ("Place", "Region", "مديرية حيفان")
    assert ("الحوثيون", "مديرية حيفان", "started") in control_tuples(facts)


def test_a_directorate_of_a_service_stays_an_office(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("سيطرت جماعة الحوثي على مديرية المالية في مدينة تعز.")
    office = next(e for e in facts.entities if e.label.startswith("مديرية"))
    assert (office.type, office.subtype) == ("Facility", "GovernmentOffice")


def test_a_country_after_an_act_verb_is_an_actor(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("رحبت قطر بانسحاب قوات الدعم السريع من مستشفى الأبيض، وعقدت المحادثات في الدوحة.")
    qatar = _entity(facts, "قطر")
    assert (qatar.type, qatar.subtype) == ("Actor", "StateBody")
    assert _entity(facts, "الدوحة").type == "Place"


def test_a_backer_and_parties_between_are_actors(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("انسحبت الفصائل المدعومة من إيران من معبر القائم بموجب الاتفاق الموقع بين بغداد وأربيل.")
    for name in ("إيران", "بغداد", "أربيل"):
        assert _entity(facts, name).type == "Actor", name


def test_a_road_between_two_cities_links_places(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("أغلقت قوات البيشمركة الطريق بين الموصل وأربيل.")
    assert _entity(facts, "أربيل").type == "Place"


# --- events and control ------------------------------------------------------------------------
def test_a_support_verb_before_its_subject_and_time_opens_a_levy(
    extract: Callable[..., ArticleFacts],
) -> None:
    facts = extract("فرضت الفرقة الرابعة منذ أيام إتاوات على الشاحنات عند حاجز الصبورة.")
    levy = _one(facts, "Levy")
    assert levy.evidence.text.startswith("فرضت")
    assert levy.roles["agent"] == [R + "fourth-division"]


def test_a_negated_support_verb_past_a_quantifier(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("لم تفرض الفرقة الرابعة أي إتاوات على الشاحنات.")
    levy = _one(facts, "Levy")
    assert "تفرض" in levy.evidence.text and levy.status == "negated"


def test_a_negated_support_verb_before_its_subject(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("لم تفرض الفرقة الرابعة إتاوات على الشاحنات.")
    assert _one(facts, "Levy").status == "negated"


def test_a_suffixed_siege_noun_takes_the_support_verbs_subject(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("أحكمت قوات الدعم السريع حصارها على مدينة الأبيض.")
    siege = _one(facts, "Siege")
    assert siege.roles["besieger"] == [R + "rsf"]
    assert siege.roles["besieged"] == [R + "el-obeid"]


def test_lifting_a_siege_is_a_lifting_and_its_subject_carries(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("فكّت قوات الحشد الشعبي الطوق حول بلدة تلعفر، وسلّمت مقر اللواء الخامس إلى الجيش العراقي.")
    assert _events(facts, "Siege") == [] and _events(facts, "Seizure") == []
    assert _one(facts, "SiegeLifting").roles["besieger"] == [R + "pmf"]
    handover = _one(facts, "Handover")
    assert handover.roles["agent"] == [R + "pmf"]
    assert control_tuples(facts) == {
        ("الحشد الشعبي", "مقر اللواء الخامس", "ended"),
        ("الجيش العراقي", "مقر اللواء الخامس", "started"),
    }


def test_a_handed_over_group_ends_the_givers_control(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("سلّمت قوات الحشد الشعبي نقاط التفتيش التابعة لها إلى الجيش العراقي.")
    points = next(e for e in facts.entities if e.type == "Facility")
    assert control_tuples(facts) == {
        ("الحشد الشعبي", points.label, "ended"),
        ("الجيش العراقي", points.label, "started"),
    }


def test_a_withdrawal_toward_elsewhere_leaves_the_area_just_lost(
    extract: Callable[..., ArticleFacts],
) -> None:
    facts = extract(
        "سيطرت قوات الدعم السريع على مقر الفرقة الخامسة في مدينة الأبيض، بينما انسحب الجيش السوداني باتجاه كوستي."
    )
    withdrawal = _one(facts, "Withdrawal")
    assert withdrawal.roles["agent"] == [R + "saf"] and withdrawal.roles["target"] == [R + "el-obeid"]
    assert ("القوات المسلحة السودانية", "الأبيض", "ended") in control_tuples(facts)


def test_a_withdrawal_toward_elsewhere_with_nothing_lost_is_dropped(
    extractor_diagnostics: Callable[[str], list[str]],
) -> None:
    reasons = extractor_diagnostics("انسحب الجيش السوداني باتجاه كوستي.")
    assert reasons == ["Withdrawal without a target (Facility/Place)"]


# --- speakers ----------------------------------------------------------------------------------
def test_residents_speaking_take_no_carried_speaker(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("حاصرت قوات البيشمركة بلدة الكوير، فيما يقول سكانها إن الحصار خانق.")
    assert _events(facts, "Statement") == []
    assert _one(facts, "Siege").roles["besieger"] == [R + "peshmerga"]


def test_a_relative_of_a_non_actor_takes_no_carried_speaker(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("فرضت قوات الحشد الشعبي رسوماً على الشاحنات، وأثارت غضب السائقين الذين قالوا إنها تضاعفت.")
    assert _events(facts, "Statement") == []


def test_a_relative_of_an_actor_keeps_its_speaker(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("أغلقت قوات الحشد الشعبي، التي قالت إنها تلاحق خلية مسلحة، معبر القائم.")
    statement = _one(facts, "Statement")
    assert statement.roles["speaker"] == [R + "pmf"]


def test_a_speaker_after_a_pronoun_object(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("أغلقت الفرقة الرابعة حاجز الصبورة، بحسب ما أفاد به تجمع شباب المزة.")
    speaker = _one(facts, "Statement").roles["speaker"]
    assert [entity_labels(facts)[x] for x in speaker] == ["تجمع شباب المزة"]


def test_an_indefinite_one_word_description_names_no_actor(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("انتشرت قوات عسكرية ومجموعة مسلحة قرب معبر القائم.")
    assert [e.label for e in facts.entities if e.type == "Actor"] == []


# --- more control ------------------------------------------------------------------------------
def test_a_later_dual_item_keeps_its_own_mention(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("سيطرت قوات الأسايش على مبنيي البريد والنفوس في مدينة القامشلي.")
    buildings = [e for e in facts.entities if e.type == "Facility"]
    assert sorted(m.text for e in buildings for m in e.mentions) == ["النفوس", "مبنيي البريد"]
    assert len({(h, t) for h, t, s in control_tuples(facts) if s == "started"}) == 2


def test_a_negation_fused_with_its_conjunction(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("ولم تدخل قوات الدعم السريع مدينة الأبيض حتى الآن.")
    assert _one(facts, "Seizure").status == "negated"
    assert facts.control == []


def test_what_an_agreement_provides_for_is_planned(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract(
        "وقعت اللجنة المركزية اتفاقاً مع قوات الحشد الشعبي يقضي بانسحاب الفرقة الرابعة من حاجز الصبورة."
    )
    assert _one(facts, "Withdrawal").status == "hypothetical"
    assert facts.control == []


def test_traffic_is_no_movement(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("أغلقت قوات الأسايش معبر سيمالكا أمام حركة المسافرين، كما منعت الحركة التجارية.")
    assert [e.label for e in facts.entities if e.type == "Actor"] == ["الأسايش"]


def test_a_movement_with_a_name_stays_an_actor(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("سيطرت حركة أحرار الشام على معبر باب السلامة.")
    assert _entity(facts, "حركة أحرار الشام").type == "Actor"


def test_a_road_between_two_known_places_names_no_place(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("أغلقت الفرقة الرابعة طريق حمص–طرطوس أمام الشاحنات.")
    assert [e.type for e in facts.entities] == ["Actor", "Facility"]
    road = next(e for e in facts.entities if e.type == "Facility")
    assert [m.text for m in road.mentions] == ["طريق حمص–طرطوس"]


def test_the_kurdistan_region_of_iraq_is_one_place(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("أغلقت الإدارة الذاتية معبر فيش خابور مع إقليم كردستان العراق.")
    assert R + "iraq" not in {e.id for e in facts.entities}
    assert [m.text for m in _entity(facts, "إقليم كردستان").mentions] == ["إقليم كردستان العراق"]


def test_an_unknown_group_named_with_two_words_is_an_actor(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("سيطر تجمع شباب الساحل على معبر القائم.")
    group = _entity(facts, "تجمع شباب الساحل")
    assert group.type == "Actor"
    assert _one(facts, "Seizure").roles["agent"] == [group.id]


def test_a_numbered_unit_keeps_its_number(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("انسحب اللواء 444 من مطار معيتيقة.")
    unit = _entity(facts, "اللواء 444")
    assert _one(facts, "Withdrawal").roles["agent"] == [unit.id]


def test_a_facility_that_was_under_control_is_held(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("سيطرت قوات العمالقة على معسكر العبر الذي كان تحت سيطرة الحوثيين.")
    assert ("الحوثيون", "معسكر العبر", "held") in control_tuples(facts)


def test_a_bare_facility_said_to_stay_held_is_the_one_named_before(
    extract: Callable[..., ArticleFacts],
) -> None:
    facts = extract("لم تتسلم القوات الروسية مطار الطبقة العسكري، بل بقي المطار تحت سيطرة الفرقة الرابعة.")
    airports = [e for e in facts.entities if e.type == "Facility"]
    assert [e.label for e in airports] == ["مطار الطبقة العسكري"]
    assert control_tuples(facts) == {("الفرقة الرابعة", "مطار الطبقة العسكري", "held")}


def test_a_takeover_after_a_withdrawal_takes_what_was_left(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("أخلت قوات الحشد الشعبي مواقعها في معسكر الغزلاني، لتتسلمها قوات الجيش العراقي.")
    seizure = _one(facts, "Seizure")
    assert seizure.roles["target"] == _one(facts, "Withdrawal").roles["target"]
    assert control_tuples(facts) == {
        ("الحشد الشعبي", "معسكر الغزلاني", "ended"),
        ("قوات الجيش العراقي", "معسكر الغزلاني", "started"),
    }


def test_the_actor_after_an_opening_verb_is_the_subject(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("وصلت قوات من الجيش السوداني إلى جسر الحلفايا، ثم تقدمت نحو مصفاة الجيلي وسيطرت عليها.")
    seizure = _one(facts, "Seizure")
    assert seizure.roles["agent"] == [R + "saf"]


def test_an_opening_verb_gives_no_speaker(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("وصلت قوات من الجيش السوداني إلى جسر الحلفايا، بحسب ما أفاد به ضابط.")
    assert _events(facts, "Statement") == []
