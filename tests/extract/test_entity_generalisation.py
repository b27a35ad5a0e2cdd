"""Arabic entity phrases that generalise (issue 3, round 3), one mechanism per test, several sentences each.

Military units named "قطعات", operations and emergency rooms, mosques and stadiums as facilities;
institutions and facilities named after an act ("لجنة المصالحة", "مركز التسوية"); a definite actor head
that takes adjectives but not the verb's object ("رفعت القوات العلم"); "its operations room" that names
no entity of its own; and the Sultanate of Oman, which is not Amman.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from conflictkg.facts import ArticleFacts, Entity

Extract = Callable[..., ArticleFacts]


def _by_mention(facts: ArticleFacts) -> dict[str, Entity]:
    return {m.text: e for e in facts.entities for m in e.mentions}


@pytest.mark.parametrize(
    ("text", "mention", "etype"),
    [
        ("انتشرت قطعات تابعة للحشد الشعبي في محيط قضاء تلعفر.", "قطعات تابعة للحشد الشعبي", "Actor"),
        ("وصلت قطعات تابعة للجيش العراقي إلى أطراف الموصل.", "قطعات تابعة للجيش العراقي", "Actor"),
        ("أعلنت «غرفة طوارئ سنجة» أنها ستوزع الحبوب على النازحين.", "غرفة طوارئ سنجة", "Actor"),
        ("قالت غرفة عمليات حلب المشتركة إن مقاتليها صدوا الهجوم.", "غرفة عمليات حلب", "Actor"),
        ("رفع الجنود العلم فوق الجامع العمري صباح اليوم.", "الجامع العمري", "Facility"),
        ("تحصن المسلحون داخل الجامع الكبير في المدينة القديمة.", "الجامع الكبير", "Facility"),
        ("سيطرت الفصائل على الملعب البلدي في مدينة إدلب.", "الملعب البلدي في مدينة إدلب", "Facility"),
    ],
)
def test_new_heads_name_units_rooms_mosques_and_stadiums(
    extract: Extract, text: str, mention: str, etype: str
) -> None:
    ents = _by_mention(extract(text))
    assert mention in ents, f"{mention!r} not found in {text!r}: {sorted(ents)}"
    assert ents[mention].type == etype


@pytest.mark.parametrize(
    "text",
    [
        "باع المزارع قطعة أرض زراعية في القرية.",
        "ضبطت الشرطة قطعة سلاح في السيارة.",
    ],
)
def test_a_piece_of_land_or_a_weapon_is_no_unit(extract: Extract, text: str) -> None:
    assert not [e for e in extract(text).entities if "قطعة" in e.label]


@pytest.mark.parametrize(
    ("text", "mention", "etype"),
    [
        ("تنفيذاً لتسوية رعتها لجنة المصالحة الوطنية بين الطرفين.", "لجنة المصالحة الوطنية", "Actor"),
        ("قالت هيئة التفاوض السورية إن الجولة فشلت.", "هيئة التفاوض السورية", "Actor"),
        ("سلّم المسلحون أسلحتهم في مركز التسوية بحي الأربعين.", "مركز التسوية", "Facility"),
        ("قصفت الطائرات مركز المصالحة في البلدة.", "مركز المصالحة", "Facility"),
        ("اقتحمت قوات الأمن مقر الاعتصام وسط الخرطوم.", "مقر الاعتصام", "Facility"),
    ],
)
def test_an_institution_or_facility_named_after_an_act(
    extract: Extract, text: str, mention: str, etype: str
) -> None:
    ents = _by_mention(extract(text))
    assert mention in ents, f"{mention!r} not found in {text!r}: {sorted(ents)}"
    assert ents[mention].type == etype


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        ("رفعت القوات العلم فوق مبنى البلدية.", "القوات العلم"),
        ("أنزلت العناصر اللافتات عن الجدران.", "العناصر اللافتات"),
        ("أزالت القوات الحواجز الترابية من الطريق.", "القوات الحواجز"),
    ],
)
def test_a_definite_actor_head_does_not_take_the_object(extract: Extract, text: str, wrong: str) -> None:
    labels = [e.label for e in extract(text).entities]
    assert not [label for label in labels if label.startswith(wrong)], labels


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("دخلت القوات الحليفة البلدة بعد انسحاب المسلحين.", "القوات الحليفة"),
        ("أصدرت القيادة العامة بياناً حول المعارك.", "القيادة العامة"),
        ("انتشرت القوات الحكومية في الأحياء الشرقية.", "القوات الحكومية"),
        ("طوقت العناصر المسلحة مبنى المحافظة.", "العناصر المسلحة"),
    ],
)
def test_a_definite_actor_head_keeps_its_adjectives(extract: Extract, text: str, actor: str) -> None:
    ents = _by_mention(extract(text))
    assert actor in ents, f"{actor!r} not found in {text!r}: {sorted(ents)}"
    assert ents[actor].type == "Actor"


@pytest.mark.parametrize(
    "text",
    [
        "سيطرت المجموعة على الفندق وأعلنت تحويله إلى مقر لغرفة عملياتها المشتركة.",
        "نقلت الميليشيا مستودع ذخيرتها إلى مقر قيادة عملياتها في الريف.",
    ],
)
def test_its_own_operations_room_is_no_new_entity(extract: Extract, text: str) -> None:
    labels = [e.label for e in extract(text).entities]
    assert not [label for label in labels if "عملياتها" in label], labels


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("بمساعٍ من سلطنة عُمان وقّعت الحكومة اليمنية وجماعة الحوثي تفاهماً في مسقط.", "سلطنة عُمان"),
        ("Talks were held in Muscat with the help of Oman.", "Oman"),
    ],
)
def test_the_sultanate_of_oman_is_not_amman(extract: Extract, text: str, mention: str) -> None:
    language = "en" if text.isascii() else "ar"
    ents = _by_mention(extract(text, language=language))
    assert mention in ents, sorted(ents)
    # the mediating sultanate acts as the state (an Actor of its own, test_arabic_entities_r4.py); as a
    # place it is the gazetteer's Oman
    oman = ents[mention]
    assert oman.id.endswith("/oman") or (oman.type == "Actor" and oman.label == mention)
    assert not [e for e in ents.values() if e.id.endswith("/amman")]


# --- Iraqi "سيطرة": a checkpoint where the text names one, control elsewhere --------------------------
@pytest.mark.parametrize(
    ("text", "checkpoints"),
    [
        ("تسلّمت الشرطة الاتحادية سيطرتي الصقور وأبو غريب غربي بغداد.", 2),
        ("أغلقت القوات الأمنية سيطرتي الفاضلية والمزرعة أمام الشاحنات.", 2),
        ("لم تُزل قوات اللواء 30 سيطرة برطلة شرقي الموصل رغم انقضاء المهلة.", 1),
        ("سلّم الجيش العراقي سيطرة كلك على طريق أربيل إلى قوات البيشمركة.", 1),
        ("انسحبت القوة أمس من سيطرة الفاضلية عند المدخل الشرقي للمدينة.", 1),
        ("نصبت الفرقة الخامسة سيطرة الراشدية قرب الجسر.", 1),
    ],
)
def test_an_iraqi_saytara_before_a_name_is_a_checkpoint(
    extract: Extract, text: str, checkpoints: int
) -> None:
    found = [e for e in extract(text).entities if e.type == "Facility" and e.subtype == "Checkpoint"]
    assert len(found) == checkpoints, [e.label for e in extract(text).entities]


@pytest.mark.parametrize(
    "text",
    [
        "بقيت المدينة تحت سيطرة الجيش منذ عام 2017.",
        "أعلنت القوات سيطرة الجيش على المدينة.",
        "بعد سيطرة المعارضة على البلدة انسحب الجيش.",
        "تقع القرية ضمن مناطق سيطرة الحكومة في ريف حلب.",
        "عادت البلدة إلى سيطرة الأخيرة بعد يومين.",
        "أكدت مصادر سيطرة الحوثيين على مديرية حيس.",
    ],
)
def test_saytara_as_control_names_no_checkpoint(extract: Extract, text: str) -> None:
    labels = [e.label for e in extract(text).entities if e.subtype == "Checkpoint"]
    assert not [label for label in labels if label.startswith("سيطرة")], labels


# --- a known office that acts is its institution -----------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "توصلت حركة رجال الكرامة وفرع الأمن العسكري إلى تفاهم ينهي التوتر في مدينة السويداء.",
        "تستعد قوات النظام لتسليم حاجز المعامل في مدينة دير الزور إلى فرع الأمن العسكري.",
        "سلّمت الفصائل الحاجز إلى فرع الأمن العسكري بعد أيام من المفاوضات.",
    ],
)
def test_a_known_office_that_acts_is_an_actor(extract: Extract, text: str) -> None:
    ents = _by_mention(extract(text))
    assert "فرع الأمن العسكري" in ents, sorted(ents)
    assert ents["فرع الأمن العسكري"].type == "Actor"
    assert "الأمن العسكري" not in ents  # the service is part of the office's name


def test_a_known_office_that_is_stormed_stays_a_facility(extract: Extract) -> None:
    ents = _by_mention(extract("اقتحمت قوات الأسايش فرع الأمن العسكري في القامشلي."))
    offices = [e for m, e in ents.items() if m.startswith("فرع الأمن العسكري")]
    assert offices and all(e.type == "Facility" for e in offices), sorted(ents)


# --- a place inside the name of an agreement or a meeting ---------------------------------------------
@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("لم تنسحب القوات رغم مرور أسابيع على توقيع «إعلان جدة».", "جدة"),
        ("دعت بعثة الأمم المتحدة لدعم اتفاق الحديدة الطرفين إلى التهدئة.", "الحديدة"),
        ("عقدت الجولة الجديدة من مسار أستانا بمشاركة الدول الضامنة.", "أستانا"),
        ("طالب المجلس بتنفيذ مخرجات مؤتمر جنيف.", "جنيف"),
    ],
)
def test_a_place_inside_an_agreement_name_is_no_entity(extract: Extract, text: str, place: str) -> None:
    assert place not in _by_mention(extract(text))


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("اجتمع الوفدان في جدة لبحث وقف إطلاق النار.", "جدة"),
        ("سيطرت القوات المشتركة على أحياء في الحديدة بعد الاتفاق.", "الحديدة"),
    ],
)
def test_a_place_outside_an_agreement_name_stays(extract: Extract, text: str, place: str) -> None:
    assert place in _by_mention(extract(text))


# --- heads that name no actor before people or both sides --------------------------------------------
@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        ("أغلقت عناصر الدعم السريع الجسر أمام حركة المواطنين.", "حركة المواطنين"),
        ("توقفت حركة السكان بين الضفتين منذ أيام.", "حركة السكان"),
        ("نص الاتفاق على سحب عناصر الطرفين من أسطح المباني.", "عناصر الطرفين"),
        ("تبادل الجانبان الاتهامات بعد انتشار عناصر الجانبين في السوق.", "عناصر الجانبين"),
    ],
)
def test_traffic_and_both_sides_are_no_actor(extract: Extract, text: str, wrong: str) -> None:
    assert wrong not in _by_mention(extract(text))


# --- a road named from one place to another over a dash ----------------------------------------------
@pytest.mark.parametrize(
    ("text", "road", "not_places"),
    [
        ("تقضي التهدئة بإعادة فتح طريق سنوني–خانصور وسحب المقاتلين.", "طريق سنوني–خانصور", ()),
        ("أغلقت القوة المشتركة طريق الفاشر–كتم أمام القوافل التجارية.", "طريق الفاشر–كتم", ("كتم",)),
        ("نصبت البيشمركة حاجزاً جديداً على طريق زمار–ربيعة.", "طريق زمار–ربيعة", ("ربيعة",)),
        ("أعادت السلطة فتح طريق دمشق–بيروت أمام المركبات.", "طريق دمشق–بيروت", ("بيروت",)),
    ],
)
def test_a_road_from_place_to_place_is_one_facility(
    extract: Extract, text: str, road: str, not_places: tuple[str, ...]
) -> None:
    ents = _by_mention(extract(text))
    assert road in ents, sorted(ents)
    assert ents[road].type == "Facility"
    assert not [p for p in not_places if p in ents], sorted(ents)


def test_a_road_without_a_dash_keeps_its_name(extract: Extract) -> None:
    ents = _by_mention(extract("سلكت الشاحنات طريق ترابي نحو البلدة."))
    assert not [m for m in ents if m.startswith("طريق")], sorted(ents)


# --- fighters of a place named before are no group of their own --------------------------------------
@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        ("تصدى مقاتلي الحي للهجوم على الحاجز.", "مقاتلي الحي"),
        ("انسحب مسلحو البلدة من المدرسة بعد الاشتباكات.", "مسلحو البلدة"),
        ("انتشر عناصر القرية على مداخلها.", "عناصر القرية"),
    ],
)
def test_fighters_of_a_place_are_no_new_actor(extract: Extract, text: str, wrong: str) -> None:
    assert wrong not in _by_mention(extract(text))


def test_forces_of_an_actor_head_stay_an_actor(extract: Extract) -> None:
    ents = _by_mention(extract("دخلت قوات الجيش مدينة الرقة."))
    assert "قوات الجيش" in ents and ents["قوات الجيش"].type == "Actor", sorted(ents)


# --- roads in the plural: "طرق تعز" names the roads of a place; "الطرق المؤدية" describes -------------
@pytest.mark.parametrize(
    ("text", "roads"),
    [
        ("لم يتوصل الطرفان إلى اتفاق بشأن فتح طرق تعز خلال الجولة.", "طرق تعز"),
        ("أغلقت القوات طرق ريف حلب الشمالي أمام الشاحنات.", "طرق ريف حلب الشمالي"),
        ("قطع المسلحون طرق مدينة الفاشر.", "طرق مدينة الفاشر"),
    ],
)
def test_the_roads_of_a_place_are_a_facility(extract: Extract, text: str, roads: str) -> None:
    ents = _by_mention(extract(text))
    assert roads in ents and ents[roads].type == "Facility", sorted(ents)


@pytest.mark.parametrize(
    "text",
    [
        "طالب الأهالي بفتح جميع الطرق المؤدية إلى البلدة.",
        "ابتكر المهربون طرق التهريب عبر الحدود.",
        "أعادت السلطات فتح الطرق الرئيسية في المدينة.",
    ],
)
def test_described_roads_and_ways_are_no_facility(extract: Extract, text: str) -> None:
    assert not [m for m in _by_mention(extract(text)) if m.startswith(("طرق", "الطرق"))]


# --- a dual adjective after a dual list belongs to both items, not to the last one --------------------
@pytest.mark.parametrize(
    ("text", "items"),
    [
        (
            "أعادت القوات فتح معبري الغزاوية ودير بلوط الفاصلين بين المنطقتين.",
            ("معبر الغزاوية", "معبر دير بلوط"),
        ),
        ("سيطرت الفصائل على حاجزي الصناعة والمعامل الرئيسيين.", ("حاجز الصناعة", "حاجز المعامل")),
        ("أغلقت السلطات معبري نصيب والرمثا الحدوديين.", ("معبر نصيب", "معبر الرمثا")),
    ],
)
def test_a_dual_adjective_is_not_in_the_last_name(
    extract: Extract, text: str, items: tuple[str, str]
) -> None:
    labels = {e.label for e in extract(text).entities if e.type == "Facility"}
    assert labels == set(items), labels
