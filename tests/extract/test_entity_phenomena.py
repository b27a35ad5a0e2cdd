"""Arabic entities beyond the gazetteer, by linguistic phenomenon (issue 3, round 2).

Each test gives several sentences of different outlets, countries and syntax for one mechanism:
districts named by an office head, offices that act as their institution, nested shared heads,
places inside names, quoted names that start like a place, and the end of a name's chain.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from conflictkg.facts import ArticleFacts, Entity
from conflictkg.namespace import CKR_NS

Extract = Callable[..., ArticleFacts]


def _by_label(facts: ArticleFacts) -> dict[str, Entity]:
    return {e.label: e for e in facts.entities}


def _by_mention(facts: ArticleFacts) -> dict[str, Entity]:
    return {m.text: e for e in facts.entities for m in e.mentions}


# --- districts: an office head before a proper name, not before an office's field -------------------
@pytest.mark.parametrize(
    ("text", "district"),
    [
        ("تقدمت القوات المشتركة نحو مديرية الدريهمي جنوبي الحديدة.", "مديرية الدريهمي"),
        ("نشرت جماعة الحوثي نقاط تفتيش جديدة في مديرية الوازعية.", "مديرية الوازعية"),
        ("اندلعت اشتباكات عنيفة في مديرية المسراخ غربي تعز.", "مديرية المسراخ"),
        ("سيطرت قوات العمالقة على مديرية العين بعد معارك استمرت يومين.", "مديرية العين"),
        ("انسحب المقاتلون من مديرية التحيتا بعد أيام من المعارك.", "مديرية التحيتا"),
    ],
)
def test_an_office_head_before_a_definite_proper_name_is_a_district(
    extract: Extract, text: str, district: str
) -> None:
    ents = _by_mention(extract(text))
    assert district in ents, f"no district in {text!r}: {sorted(ents)}"
    assert (ents[district].type, ents[district].subtype) == ("Place", "Region")


@pytest.mark.parametrize(
    "text",
    [
        "اقتحمت قوات الأسايش مديرية المالية في مدينة القامشلي.",
        "أغلق المسلحون مديرية التربية في المدينة.",
        "سيطر الفصيل على مديرية الزراعة ومديرية النقل.",
        "حاصرت عناصر الجهاز مقر مديرية أمن سوق الجمعة.",
    ],
)
def test_an_office_named_after_its_field_stays_an_office(extract: Extract, text: str) -> None:
    ents = _by_label(extract(text))
    offices = [e for label, e in ents.items() if "مديرية" in label]
    assert offices, sorted(ents)
    assert all(e.type == "Facility" for e in offices)
    assert not any(e.type == "Place" and "مديرية" in e.label for e in ents.values())


def test_an_office_named_after_its_field_and_place_keeps_the_place_in_its_name(extract: Extract) -> None:
    ents = _by_mention(extract("حاصرت عناصر الجهاز مقر مديرية أمن سوق الجمعة لساعات."))
    assert "مديرية أمن" not in ents  # the field word does not end the name
    assert all(e.type != "Place" or "مديرية" not in e.label for e in ents.values())


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("سيطر مسلحو التنظيم على قضاء حديثة غربي الأنبار.", "قضاء حديثة"),
        ("انتشرت قوات الحشد في قضاء الشرقاط شمالي صلاح الدين.", "قضاء الشرقاط"),
        ("عادت العائلات إلى قضاء سنجار بعد سنوات من النزوح.", "قضاء سنجار"),
        ("وصلت التعزيزات إلى إقليم النيل الأزرق.", "إقليم النيل الأزرق"),
    ],
)
def test_qada_and_iqlim_name_places(extract: Extract, text: str, place: str) -> None:
    ents = _by_mention(extract(text))
    assert place in ents, sorted(ents)
    assert ents[place].type == "Place"


@pytest.mark.parametrize(
    "text",
    [
        "يجب القضاء على الخلايا النائمة في المنطقة.",
        "أحال القضاء العراقي القضية إلى محكمة أخرى.",
    ],
)
def test_qada_as_elimination_or_judiciary_names_no_place(extract: Extract, text: str) -> None:
    facts = extract(text)
    assert not [e for e in facts.entities if e.type == "Place" and "قضاء" in e.label]


# --- offices that act are their institution ------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "office"),
    [
        ("نفت مديرية أمن الحسكة ما تناقلته صفحات محلية عن اقتحام المبنى.", "مديرية أمن الحسكة"),
        ("وأكد مكتب التربية في تعز أن المدارس ستفتح أبوابها الأسبوع المقبل.", "مكتب التربية"),
        ("قالت المؤسسة العامة للمياه إن الضخ توقف.", None),
        ("أعلنت نقابة المحامين في بنغازي إضراباً مفتوحاً.", "نقابة المحامين"),
    ],
)
def test_an_office_right_after_a_speech_verb_is_the_institution(
    extract: Extract, text: str, office: str | None
) -> None:
    facts = extract(text)
    speakers = [e for e in facts.entities if e.type == "Actor" and e.subtype == "Institution"]
    assert speakers, [(e.label, e.type) for e in facts.entities]
    if office is not None:
        assert office in {m.text for e in speakers for m in e.mentions} | {e.label for e in speakers}


@pytest.mark.parametrize(
    ("text", "receiver"),
    [
        ("دخل اللواء المعسكر قبل أن يسلّمه لمديرية أمن طرابلس.", "مديرية أمن طرابلس"),
        ("ستسلّم الشركة المبنى طوعاً إلى بلدية المدينة مطلع الشهر المقبل.", "بلدية المدينة"),
        ("اتفق الطرفان على تسليم المدرسة إلى مكتب التربية في المحافظة.", "مكتب التربية"),
        ("سلّمت الفصائل مبنى المحكمة إلى دائرة الأوقاف بعد الاتفاق.", "دائرة الأوقاف"),
    ],
)
def test_the_receiver_of_a_handover_is_an_institution(extract: Extract, text: str, receiver: str) -> None:
    ents = _by_mention(extract(text))
    assert receiver in ents, sorted(ents)
    assert ents[receiver].type == "Actor"


@pytest.mark.parametrize(
    ("text", "conjunct"),
    [
        (
            "التقى ممثلون عن الحزب الديمقراطي الكردستاني والاتحاد الوطني الكردستاني في أربيل.",
            "الاتحاد الوطني الكردستاني",
        ),
        ("توصلت حركة رجال الكرامة ونقابة المحامين إلى تفاهم في السويداء.", "نقابة المحامين"),
        ("وقّعت قوات الأسايش واتحاد الطلبة اتفاقاً لتنظيم الدوام.", "اتحاد الطلبة"),
    ],
)
def test_an_office_coordinated_after_an_actor_is_an_actor(extract: Extract, text: str, conjunct: str) -> None:
    ents = _by_mention(extract(text))
    assert conjunct in ents, sorted(ents)
    assert ents[conjunct].type == "Actor"


@pytest.mark.parametrize(
    ("text", "office"),
    [
        ("اقتحمت قوات الأسايش مديرية المالية ونقابة المعلمين في مدينة القامشلي.", "نقابة المعلمين"),
        ("سيطرت الفصائل على مبنيي السجل المدني والهجرة، إضافة إلى مديرية التربية.", "مديرية التربية"),
        ("أغلقت الشرطة مكتب حزب البعث ودائرة النفوس في البلدة.", "دائرة النفوس"),
        ("دخلت القوات إلى مبنى مؤسسة المياه في الحسكة.", "مبنى مؤسسة المياه في الحسكة"),
    ],
)
def test_a_seized_or_closed_office_stays_a_facility(extract: Extract, text: str, office: str) -> None:
    ents = _by_mention(extract(text))
    assert office in ents, sorted(ents)
    assert ents[office].type == "Facility"


def test_a_definite_head_takes_no_known_genitive(extract: Extract) -> None:
    ents = _by_mention(extract("اقتحمت القوات مديرية المالية في مدينة القامشلي."))
    assert "القوات مديرية المالية" not in ents
    assert ents["مديرية المالية"].type == "Facility"


# --- nested shared heads: one entity per item -----------------------------------------------------
@pytest.mark.parametrize(
    ("text", "first", "others"),
    [
        (
            "استولت قوات الدعم السريع على مقار وزارات الصحة والتربية والزراعة في مدينة الجنينة.",
            "مقار وزارات الصحة",
            ["التربية", "الزراعة"],
        ),
        (
            "أغلق المسلحون مقار نقابات المعلمين والمهندسين في المدينة.",
            "مقار نقابات المعلمين",
            ["المهندسين"],
        ),
        (
            "اقتحمت الشرطة مباني مديريات المالية والنقل والمياه في البلدة.",
            "مباني مديريات المالية",
            ["النقل", "المياه"],
        ),
    ],
)
def test_a_plural_head_before_a_plural_head_list_gives_one_facility_per_item(
    extract: Extract, text: str, first: str, others: list[str]
) -> None:
    ents = _by_mention(extract(text))
    for mention in (first, *others):
        assert mention in ents, sorted(ents)
        assert ents[mention].type == "Facility"
    assert len({ents[m].id for m in (first, *others)}) == 1 + len(others)


@pytest.mark.parametrize(
    ("text", "first", "others"),
    [
        (
            "سيطر الحوثيون على مراكز مديريات حريب و العبدية جنوبي مأرب.",
            "مراكز مديريات حريب",
            ["العبدية"],
        ),
        (
            "استعادت القوات الحكومية مراكز مديريات بيحان والمصلوب والغيل بعد معارك عنيفة.",
            "مراكز مديريات بيحان",
            ["المصلوب", "الغيل"],
        ),
    ],
)
def test_the_centres_of_listed_districts_are_the_districts(
    extract: Extract, text: str, first: str, others: list[str]
) -> None:
    ents = _by_mention(extract(text))
    for mention in (first, *others):
        assert mention in ents, sorted(ents)
        assert ents[mention].type == "Place"


def test_a_list_item_stops_at_a_compass_word(extract: Extract) -> None:
    ents = _by_mention(extract("سيطر الحوثيون على مراكز مديريات حريب و العبدية جنوبي مأرب."))
    assert ents["مأرب"].id == CKR_NS + "marib"
    assert not any("جنوبي" in m for m in ents)


# --- places inside names, quoted names, the end of a chain ---------------------------------------
@pytest.mark.parametrize(
    ("text", "actor", "place"),
    [
        ("رفضت الفصائل تسليم مقارها إلى قيادة عمليات نينوى.", "قيادة عمليات نينوى", "nineveh"),
        ("أغلق مجلس قرية الحويجة المحلي الجسر الحديدي.", "مجلس قرية الحويجة المحلي", "hawija"),
        ("أعلن مجلس تل أبيض العسكري النفير العام.", "مجلس تل أبيض العسكري", "tal-abyad"),
    ],
)
def test_a_place_only_inside_an_actor_name_is_no_entity_of_its_own(
    extract: Extract, text: str, actor: str, place: str
) -> None:
    facts = extract(text)
    ents = _by_mention(facts)
    assert actor in ents and ents[actor].type == "Actor", sorted(ents)
    assert CKR_NS + place not in {e.id for e in facts.entities}


def test_a_place_inside_an_actor_name_named_again_is_an_entity(extract: Extract) -> None:
    facts = extract("أعلن مجلس منبج العسكري أن قواته دخلت مدينة منبج.")
    assert CKR_NS + "manbij" in {e.id for e in facts.entities}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("وسيطرت مجموعة «حماة الوادي» على مبنى الفندق.", "حماة الوادي"),
        ("نفت «قوات حماة الجزيرة» أن تكون عناصرها قد اقتحمت المستشفى.", "حماة الجزيرة"),
        ("أعلن فصيل «درع الجزيرة الخضراء» انسحابه.", "الجزيرة الخضراء"),
    ],
)
def test_a_quoted_name_that_starts_like_a_place_is_one_actor(extract: Extract, text: str, name: str) -> None:
    facts = extract(text)
    actors = [e for e in facts.entities if e.type == "Actor"]
    assert any(name in e.label for e in actors), [(e.label, e.type) for e in facts.entities]
    assert not [e for e in facts.entities if e.type == "Place"]


def test_a_known_city_outside_quotes_stays_a_place(extract: Extract) -> None:
    facts = extract("دخلت قوات النظام مدينة حماة بعد معارك.")
    assert CKR_NS + "hama" in {e.id for e in facts.entities}


@pytest.mark.parametrize(
    ("text", "city"),
    [
        ("أكد أن قواته دخلت مدينة منبج فجراً.", "manbij"),
        ("قال إن الجيش اقتحم مدينة حلب.", "aleppo"),
        ("وكانت الفصائل قد حاصرت مدينة درعا.", "daraa"),
    ],
)
def test_a_city_named_with_its_head_after_a_verb_is_a_place_not_a_state(
    extract: Extract, text: str, city: str
) -> None:
    ents = {e.id: e for e in extract(text).entities}
    assert CKR_NS + city in ents and ents[CKR_NS + city].type == "Place"


@pytest.mark.parametrize(
    "text",
    [
        "أزالت القوات الحاجز الذي نصبه الفرع الشهر الماضي.",
        "أعاد المجلس فتح المعبر الذي أغلقه الأسبوع الماضي.",
        "سلّمت الفصائل المقر اليوم إلى الشرطة.",
    ],
)
def test_a_time_noun_ends_a_name(extract: Extract, text: str) -> None:
    facts = extract(text)
    for e in facts.entities:
        for m in e.mentions:
            assert not any(w in m.text for w in ("الشهر", "الأسبوع", "اليوم")), m.text


@pytest.mark.parametrize(
    "text",
    [
        "دعا المجلس إلى سد الثغرات الأمنية في المدينة.",
        "تسعى الحكومة إلى سد الفراغ الذي خلفه انسحاب القوات.",
        "تحاول البلدية سد العجز في الميزانية.",
    ],
)
def test_sadd_as_filling_names_no_dam(extract: Extract, text: str) -> None:
    facts = extract(text)
    assert not [e for e in facts.entities if e.type == "Facility" and e.label.startswith("سد")]


# --- well-known places and states the gazetteer now covers ----------------------------------------
@pytest.mark.parametrize(
    ("text", "iri_name"),
    [
        ("تقدمت قوات الدعم السريع نحو بلدة بارا في شمال كردفان.", "north-kordofan"),
        ("انسحب الجيش من مواقعه في محيط بارا.", "bara"),
        ("تظاهر المئات في الناصرية احتجاجاً على انقطاع الكهرباء.", "nasiriyah"),
        ("عقدت الحكومة اجتماعاً في محافظة نينوى.", "nineveh"),
        ("انسحب المسلحون من حديثة باتجاه الصحراء.", "haditha"),
    ],
)
def test_wider_places_resolve_to_the_gazetteer(extract: Extract, text: str, iri_name: str) -> None:
    assert CKR_NS + iri_name in {e.id for e in extract(text).entities}


def test_a_state_that_sponsors_is_an_actor_and_its_name_ends_with_the_gazetteer_label(
    extract: Extract,
) -> None:
    ents = _by_mention(extract("رعت السعودية والولايات المتحدة الجولة الجديدة من المحادثات."))
    assert ents["السعودية"].type == "Actor"
    assert ents["الولايات المتحدة"].type == "Actor"  # a conjunct of a state actor; not "... الجولة الجديدة"
    assert not any("الجولة" in m for m in ents)


@pytest.mark.parametrize(
    ("text", "state"),
    [
        ("وصلت طائرة مساعدات من الإمارات إلى المطار.", "uae"),
        ("عاد الوفد من الكويت بعد جولة المحادثات.", "kuwait"),
        ("زار الوزير الولايات المتحدة الأمريكية الشهر الماضي.", "united-states"),
    ],
)
def test_states_named_as_places_resolve_to_the_gazetteer(extract: Extract, text: str, state: str) -> None:
    assert CKR_NS + state in {e.id for e in extract(text).entities}


# --- unnamed duals, institution names with "ل + field", the countryside of a city ----------------
@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("انسحبت القوات من نقطتين عسكريتين قرب جسر الكسرة.", "نقطتين عسكريتين"),
        ("وأقامت الدورية حاجزين على مدخل البلدة الشرقي.", "حاجزين"),
        ("سيطر المسلحون على مقرين في حي الناصرة.", "مقرين"),
        ("أخلت الفصائل ثكنتين عسكريتين شمالي المدينة.", "ثكنتين عسكريتين"),
    ],
)
def test_a_pinned_down_indefinite_dual_is_two_facilities(extract: Extract, text: str, mention: str) -> None:
    facts = extract(text)
    two = [e for e in facts.entities if e.type == "Facility" and e.mentions[0].text.startswith(mention)]
    assert len(two) == 2, [(e.label, [m.text for m in e.mentions]) for e in facts.entities]
    assert two[0].id != two[1].id


@pytest.mark.parametrize(
    "text", ["قتل عنصران من القوات في الاشتباك.", "وصلت شاحنتان إلى المعبر.", "أقامت القوات حاجزين."]
)
def test_a_dual_the_text_does_not_pin_down_names_no_facility(extract: Extract, text: str) -> None:
    facts = extract(text)
    assert not [e for e in facts.entities if e.type == "Facility" and "(1/2)" in e.label]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("أغلقت القوات الحقول احتجاجاً على تعيينات في المؤسسة الوطنية للنفط.", "المؤسسة الوطنية للنفط"),
        ("اقتحمت عناصره مقر شركة الواحة للمقاولات في مدينة العزيزية.", "مقر شركة الواحة للمقاولات"),
        ("نفى المجلس العسكري لقبائل ورشفانة الخبر.", "المجلس العسكري لقبائل ورشفانة"),
        ("سلّمت الهيئة العامة للطيران المدني المطار للجيش.", "الهيئة العامة للطيران المدني"),
    ],
)
def test_an_institution_name_goes_on_with_lam_and_its_field(extract: Extract, text: str, name: str) -> None:
    ents = _by_mention(extract(text))
    assert name in ents, sorted(ents)
    assert ents[name].label.endswith(name.split()[-1])
    assert not any(m in ents for m in ("قبائل ورشفانة", "الخبر"))


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("قال المجلس المحلي للصحفيين إن الوضع هادئ.", "المجلس المحلي"),
        ("أكدت الهيئة العامة للمواطنين أن المعبر مفتوح.", "الهيئة العامة"),
        ("قدمت الحكومة السورية للأمم المتحدة شكوى.", None),
    ],
)
def test_lam_before_people_or_a_known_entity_does_not_continue_a_name(
    extract: Extract, text: str, speaker: str | None
) -> None:
    ents = _by_mention(extract(text))
    assert not any("للصحفيين" in m or "للمواطنين" in m or "للأمم" in m for m in ents), sorted(ents)
    if speaker is not None:
        assert speaker in ents


@pytest.mark.parametrize(
    ("text", "region", "city"),
    [
        ("سيطرت فصائل المعارضة على بلدة كفرنبودة في ريف حماة الشمالي.", "ريف حماة الشمالي", "hama"),
        ("هاجمت الفصائل مواقع في ريف حلب الشرقي.", "ريف حلب الشرقي", "aleppo"),
        ("انسحبت القوات من قرى في ريف دير الزور الغربي.", "ريف دير الزور الغربي", "deir-ez-zor"),
    ],
)
def test_the_countryside_of_a_city_is_a_region_not_the_city(
    extract: Extract, text: str, region: str, city: str
) -> None:
    facts = extract(text)
    ents = _by_mention(facts)
    assert region in ents, sorted(ents)
    assert (ents[region].type, ents[region].subtype) == ("Place", "Region")
    assert CKR_NS + city not in {e.id for e in facts.entities}  # "سيطر على ريف حلب" takes no city
