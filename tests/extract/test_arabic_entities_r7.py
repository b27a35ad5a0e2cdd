"""Arabic entities of round 7, by phenomenon: military regions that are commands, not places ("المنطقة
العسكرية الثانية"); a و left whole before a quoted name, which must not glue two names together; counted
unnamed facilities ("ثلاث نقاط"); possessed duals ("مقريها"); fighter words inside a unit's name ("كتائب
حراس السدة"); a compass word and a country inside a movement's name ("حركة تحرير شرق السودان");
intelligence services as heads ("الاستخبارات العسكرية"); dual district heads ("مديريتي حيس والخوخة");
and short mentions of a group named in full before ("قوات الحشد" after "الحشد الشعبي").

Each sentence is written for the test (none is a dev passage); each test checks labels, types, mentions
or control tuples, so that a missing, cut, merged, mistyped or extra entity fails.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from extract_helpers import control_tuples

from conflictkg.facts import ArticleFacts

Extract = Callable[..., ArticleFacts]


def _typed(facts: ArticleFacts) -> dict[str, str]:
    """Entity label -> its type."""
    return {e.label: e.type for e in facts.entities}


def _mentions(facts: ArticleFacts) -> dict[str, list[str]]:
    """Entity label -> its mention texts."""
    return {e.label: [m.text for m in e.mentions] for e in facts.entities}


# --- military regions are commands --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "command"),
    [
        ("انسحبت وحدات من المنطقة العسكرية الثانية من معسكر الخنجر.", "المنطقة العسكرية الثانية"),
        ("أعلنت المنطقة العسكرية الشمالية سيطرتها على مطار المدينة.", "المنطقة العسكرية الشمالية"),
        ("سلّمت المنطقة العسكرية الأولى مقر اللواء إلى قوات درع الوطن.", "المنطقة العسكرية الأولى"),
        ("اقتحمت قوات تابعة للمنطقة العسكرية الرابعة مبنى البلدية.", "المنطقة العسكرية الرابعة"),
        ("سيطرت المنطقة العسكرية السادسة على معسكر اللبنات.", "المنطقة العسكرية السادسة"),
    ],
)
def test_a_numbered_military_region_is_an_actor(extract: Extract, text: str, command: str) -> None:
    types = _typed(extract(text))
    assert types.get(command) == "Actor", types


def test_a_military_region_holds_what_it_gives_up(extract: Extract) -> None:
    facts = extract("انسحبت وحدات من المنطقة العسكرية الثانية من معسكر الخنجر.")
    assert control_tuples(facts) == {("المنطقة العسكرية الثانية", "معسكر الخنجر", "ended")}


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("أعلن الجيش المنطقة منطقة عسكرية مغلقة.", "منطقة عسكرية"),
        ("دخلت القوات المنطقة العسكرية في ريف حلب.", "المنطقة العسكرية"),
        ("انتشرت الشرطة في المنطقة الصناعية شرقي المدينة.", "المنطقة الصناعية"),
    ],
)
def test_a_zone_with_no_ordinal_stays_a_place(extract: Extract, text: str, place: str) -> None:
    types = _typed(extract(text))
    assert types.get(place) == "Place", types
    assert "Actor" not in {t for label, t in types.items() if "منطقة" in label or "المنطقة" in label}


# --- a whole و before a quoted name ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        ("توصل مجلس عشائر قضاء بلد و«كتائب حزب الله» إلى اتفاق.", "مجلس عشائر قضاء بلد", "كتائب حزب الله"),
        ("اجتمع مجلس وجهاء بلد و«فرقة الحمزة» أمس.", "مجلس وجهاء بلد", "فرقة الحمزة"),
        ("وقّع لواء صقور الجبل و«جيش الإسلام» هدنة.", "لواء صقور الجبل", "جيش الإسلام"),
        ("تفاوضت هيئة تحرير الشام و«فيلق الشام» على المعبر.", "هيئة تحرير الشام", "فيلق الشام"),
        ("انسحبت كتيبة درع الساحل و«قوات العمالقة» من الميناء.", "كتيبة درع الساحل", "قوات العمالقة"),
    ],
)
def test_a_quoted_name_after_a_whole_waw_is_a_name_of_its_own(
    extract: Extract, text: str, first: str, second: str
) -> None:
    types = _typed(extract(text))
    assert types.get(first) == "Actor", types
    assert types.get(second) == "Actor", types
    assert not [label for label in types if " و " in label], types


# --- counted unnamed facilities ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "group", "holder", "status"),
    [
        ("أخلت قوة من البيشمركة ثلاث نقاط على أطراف قضاء خانقين.", "ثلاث نقاط", "البيشمركة", "ended"),
        ("انسحبت قسد من ثلاث نقاط على الطريق الدولي قرب بلدة عين عيسى.", "ثلاث نقاط", None, "ended"),
        ("سيطرت هيئة تحرير الشام على خمسة حواجز عسكرية في ريف إدلب.", "خمسة حواجز عسكرية", None, "started"),
        ("استولى الحوثيون على أربعة مقرات في مدينة الحديدة.", "أربعة مقرات", "الحوثيون", "started"),
        ("سيطرت قوات الدعم السريع على عدة معسكرات في ولاية الجزيرة.", "عدة معسكرات", None, "started"),
    ],
)
def test_counted_facilities_are_one_group_that_changes_hands(
    extract: Extract, text: str, group: str, holder: str | None, status: str
) -> None:
    facts = extract(text)
    assert _typed(facts).get(group) == "Facility", _typed(facts)
    tuples = control_tuples(facts)
    assert any(t == group and s == status and (holder is None or h == holder) for h, t, s in tuples), tuples


def test_a_count_of_people_names_no_facility(extract: Extract) -> None:
    types = _typed(extract("قتل ثلاثة عناصر من قوات النظام قرب الحاجز."))
    assert "Facility" not in {t for label, t in types.items() if label.startswith("ثلاثة")}, types


# --- possessed duals ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "holder"),
    [
        ("انسحبت قوات الأسايش من مقريها في حي الطي.", "الأسايش"),
        ("أخلت قسد مقريها في مدينة منبج.", "قوات سوريا الديمقراطية"),
        ("انسحبت هيئة تحرير الشام من حاجزيها عند مدخل سرمدا.", "هيئة تحرير الشام"),
        ("أخلى الحشد الشعبي مقريه في قضاء سنجار.", "الحشد الشعبي"),
        ("انسحبت قوات حركة تحرير شرق السودان من مقريها في حي الختمية.", "قوات حركة تحرير شرق السودان"),
    ],
)
def test_a_possessed_dual_is_two_facilities_of_the_actor(extract: Extract, text: str, holder: str) -> None:
    facts = extract(text)
    two = [e for e in facts.entities if e.type == "Facility" and e.label.endswith(("(1/2)", "(2/2)"))]
    assert len(two) == 2, _typed(facts)
    ended = {t for h, t, s in control_tuples(facts) if h == holder and s == "ended"}
    assert ended == {e.label for e in two}, control_tuples(facts)


# --- fighter words and compass words inside a unit's name ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("اقتحم مسلحون من «كتائب حراس السدة» مبنى المجمع.", "كتائب حراس السدة"),
        ("سيطرت كتائب حراس الفجر على الحاجز.", "كتائب حراس الفجر"),
        ("انسحبت «سرايا حراس الوادي» من القرية.", "سرايا حراس الوادي"),
        ("سيطرت حركة تحرير شرق السودان على المبنى.", "حركة تحرير شرق السودان"),
        ("انسحبت حركة تحرير غرب ليبيا من المعسكر.", "حركة تحرير غرب ليبيا"),
    ],
)
def test_inner_words_of_a_unit_name_stay_in_the_name(extract: Extract, text: str, actor: str) -> None:
    facts = extract(text)
    types = _typed(facts)
    assert types.get(actor) == "Actor", types
    assert not [p for p, t in types.items() if t == "Place" and p in actor], (
        "a place inside the name: " + str(types)
    )


def test_fighters_after_a_force_head_still_name_nothing_alone(extract: Extract) -> None:
    types = _typed(extract("سيطرت القوات على الحاجز بعد انسحاب المسلحين منه."))
    assert not [label for label, t in types.items() if t == "Actor" and "مسلح" in label], types


# --- intelligence services ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("تسلمت الشرطة والاستخبارات العسكرية المقرات.", "الاستخبارات العسكرية"),
        ("اقتحمت الاستخبارات العسكرية مقر الحزب في كسلا.", "الاستخبارات العسكرية"),
        ("داهمت عناصر من المخابرات العامة مكتب النقابة.", "المخابرات العامة"),
        ("أغلقت الاستخبارات العامة مكتب المنظمة في عدن.", "الاستخبارات العامة"),
        ("سيطرت المخابرات الجوية على المبنى.", "المخابرات الجوية"),
    ],
)
def test_an_intelligence_service_is_an_actor(extract: Extract, text: str, actor: str) -> None:
    types = _typed(extract(text))
    assert types.get(actor) == "Actor", types


def test_an_intelligence_service_seizes(extract: Extract) -> None:
    facts = extract("اقتحمت الاستخبارات العسكرية مقر الحزب في كسلا.")
    assert ("الاستخبارات العسكرية", "مقر الحزب", "started") in control_tuples(facts)


# --- dual district heads ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "districts"),
    [
        ("سيطر الحوثيون على مديريتي حيس والخوخة.", {"مديرية حيس", "مديرية الخوخة"}),
        (
            "دفعت قوات العمالقة بتعزيزات إلى مديريتي طور الباحة والمضاربة.",
            {"مديرية طور الباحة", "مديرية المضاربة"},
        ),
        ("انسحبت القوات من مديريتي الدريهمي والتحيتا.", {"مديرية الدريهمي", "مديرية التحيتا"}),
        ("سيطرت قوات الحزام الأمني على مديريات حريب والعبدية.", {"مديرية حريب", "مديرية العبدية"}),
        ("استعادت القوات الحكومية مديريتي نهم وصرواح.", {"مديرية نهم", "مديرية صرواح"}),
    ],
)
def test_a_dual_district_head_names_two_places(extract: Extract, text: str, districts: set[str]) -> None:
    types = _typed(extract(text))
    assert {d: types.get(d) for d in districts} == dict.fromkeys(districts, "Place"), types


@pytest.mark.parametrize(
    ("text", "offices"),
    [
        ("اقتحم مسلحون مديريتي المالية والتربية في المدينة.", {"مديرية المالية", "مديرية التربية"}),
        ("سيطرت القوات على مديريتي الزراعة والصحة.", {"مديرية الزراعة", "مديرية الصحة"}),
    ],
)
def test_a_dual_office_head_before_fields_stays_two_offices(
    extract: Extract, text: str, offices: set[str]
) -> None:
    types = _typed(extract(text))
    assert {o: types.get(o) for o in offices} == dict.fromkeys(offices, "Facility"), types


# --- short mentions of a group named in full before --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "full", "short"),
    [
        (
            "الحشد الشعبي يطوّق قرية العوينات. ولا تزال قوات الحشد تفرض طوقاً على القرية.",
            "الحشد الشعبي",
            "قوات الحشد",
        ),
        ("سيطر اللواء 30 على الحاجز. ولا تزال قوات اللواء تسيطر على الطريق.", "اللواء 30", "قوات اللواء"),
        (
            "بسطت قوات العشائر العربية سيطرتها على بلدة ذيبان، ثم تراجع مقاتلو العشائر نحو بلدة الشحيل.",
            "قوات العشائر العربية",
            "مقاتلو العشائر",
        ),
        (
            "أجبرت الشرطة العسكرية عناصر من «فرقة الحمزة» على الخروج من المبنى، ثم أغلقت الشرطة المعبر.",
            "الشرطة العسكرية",
            "الشرطة",
        ),
        (
            "انتهت جولة مفاوضات بإشراف رئاسة الأركان العامة. وقالت رئاسة الأركان إن الطرفين تعهدا بعدم التصعيد.",
            "رئاسة الأركان العامة",
            "رئاسة الأركان",
        ),
    ],
)
def test_a_short_mention_is_the_group_named_in_full_before(
    extract: Extract, text: str, full: str, short: str
) -> None:
    facts = extract(text)
    mentions = _mentions(facts)
    assert full in mentions, mentions
    assert short in mentions[full], mentions
    assert short not in mentions, f"the short form is an actor of its own: {mentions}"


def test_a_short_mention_carries_the_control_of_the_full_name(extract: Extract) -> None:
    facts = extract(
        "لم تدخل قوات الجيش العراقي بلدة السعدية، في حين أخلت قوة من البيشمركة ثلاث نقاط وسلّمتها للجيش مساء الثلاثاء."
    )
    assert ("قوات الجيش العراقي", "ثلاث نقاط", "started") in control_tuples(facts), control_tuples(facts)


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        ("سيطرت قوات النظام على الحاجز، ثم انسحب الجيش الوطني من القرية.", "قوات النظام", "الجيش الوطني"),
        ("انسحبت الشرطة من الحاجز، ثم دخلت الشرطة العسكرية القرية.", "الشرطة", "الشرطة العسكرية"),
    ],
)
def test_a_longer_or_different_name_later_is_another_actor(
    extract: Extract, text: str, first: str, second: str
) -> None:
    mentions = _mentions(extract(text))
    assert first in mentions and second in mentions, mentions


# --- unnamed bodies described by adjectives ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("سلّم المسلحون المدرسة إلى لجنة محلية من أبناء القرية.", "لجنة محلية"),
        ("تسلمت لجنة عسكرية مشتركة مخازن الذخيرة.", "لجنة عسكرية مشتركة"),
        ("سلّمت القوات المبنى إلى مجلس محلي.", "مجلس محلي"),
        ("جرى تسليم المبنى إلى إدارة مدنية عينتها قوات الدعم السريع.", "إدارة مدنية"),
        ("سلّمت القوات المدرسة إلى لجنة أهلية.", "لجنة أهلية"),
    ],
)
def test_an_institution_described_by_adjectives_is_an_actor(extract: Extract, text: str, body: str) -> None:
    mentions = _mentions(extract(text))
    assert mentions.get(body) == [body], mentions


def test_the_receiving_body_gets_control(extract: Extract) -> None:
    facts = extract("سلّمت قوات الأسايش مبنى البلدية إلى لجنة محلية.")
    assert ("لجنة محلية", "مبنى البلدية", "started") in control_tuples(facts), control_tuples(facts)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("أفادت «تنسيقية مزارعي الفاو» في بيان.", "تنسيقية مزارعي الفاو"),
        ("أعلن مجلس أهالي حلب رفضه للاتفاق.", "مجلس أهالي حلب"),
    ],
)
def test_a_plural_in_construct_is_no_adjective(extract: Extract, text: str, name: str) -> None:
    types = _typed(extract(text))
    assert types.get(name) == "Actor", types
    assert not [label for label in types if label != name and label in name and types[label] == "Actor"], (
        types
    )


# --- a definite place word ends an open name --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("قالت لجنة أمن الولاية إن القوات انسحبت.", "لجنة أمن الولاية", "Actor"),
        ("سيطرت قيادة شرطة المحافظة على المبنى.", "قيادة شرطة المحافظة", "Actor"),
        ("أعلنت غرفة عمليات المنطقة انسحاب القوات.", "غرفة عمليات المنطقة", "Actor"),
        ("انسحب مجلس وجهاء البلدة من المفاوضات.", "مجلس وجهاء البلدة", "Actor"),
        ("اقتحم مسلحون مقر مجلس أعيان المدينة.", "مقر مجلس أعيان المدينة", "Facility"),
    ],
)
def test_a_definite_place_word_ends_an_open_name(extract: Extract, text: str, name: str, kind: str) -> None:
    types = _typed(extract(text))
    assert types.get(name) == kind, types


def test_a_place_word_after_a_definite_name_stays_apart(extract: Extract) -> None:
    types = _typed(extract("سيطرت قوات النظام على مبنى المحافظة."))
    assert types.get("قوات النظام") == "Actor", types
    assert types.get("مبنى المحافظة") == "Facility", types


# --- new institution heads ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("وفق ما أعلنه صندوق إعمار درنة.", "صندوق إعمار درنة"),
        ("موّل صندوق التنمية المحلية ترميم المدرسة.", "صندوق التنمية المحلية"),
        ("أصدر صندوق دعم المزارعين بياناً.", "صندوق دعم المزارعين"),
        ("قالت «تنسيقية لجان مقاومة الجنينة» إن القوات انسحبت.", "تنسيقية لجان مقاومة الجنينة"),
        ("أفادت تنسيقية مزارعي الفاو في بيان.", "تنسيقية مزارعي الفاو"),
    ],
)
def test_a_fund_or_coordination_body_is_an_actor(extract: Extract, text: str, name: str) -> None:
    types = _typed(extract(text))
    assert types.get(name) == "Actor", types
    assert not [label for label, t in types.items() if t == "Place" and label in name], types


def test_a_ballot_box_is_no_fund(extract: Extract) -> None:
    types = _typed(extract("وضعوا صندوق الاقتراع في المدرسة."))
    assert not [label for label in types if "صندوق" in label], types


# --- a security service inside a shared-head list ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "branches"),
    [
        (
            "وحاصر المقاتلون أفرع الاستخبارات العسكرية والأمن الجنائي في مدينة درعا.",
            {"فرع الاستخبارات العسكرية", "فرع الأمن الجنائي"},
        ),
        (
            "سيطرت الفصائل على أفرع الشرطة العسكرية والأمن السياسي في درعا.",
            {"فرع الشرطة العسكرية", "فرع الأمن السياسي"},
        ),
        (
            "اقتحم المحتجون مقرات الاستخبارات العسكرية والأمن العام في المدينة.",
            {"مقر الاستخبارات العسكرية", "مقر الأمن العام"},
        ),
        ("أغلقت السلطات مكاتب الشرطة والهجرة في المدينة.", {"مكتب الشرطة", "مكتب الهجرة"}),
        (
            "وحاصر المقاتلون أفرع المخابرات الجوية والأمن الجنائي في مدينة درعا.",
            {"فرع المخابرات الجوية", "فرع الأمن الجنائي"},
        ),
    ],
)
def test_a_security_service_is_an_item_of_a_shared_head(
    extract: Extract, text: str, branches: set[str]
) -> None:
    types = _typed(extract(text))
    assert {b: types.get(b) for b in branches} == dict.fromkeys(branches, "Facility"), types


# --- the month آب is not the city إب ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "رفضت الوحدات في آب الماضي تسليم المبنى.",
        "أغلقت القوات الطريق منذ 3 آب.",
        "انسحبت الفصائل من الحاجز مطلع آب.",
        "سيطرت القوات على المعسكر في آب ٢٠٢٢.",
        "جرى التسليم منتصف آب/أغسطس الماضي.",
    ],
)
def test_the_month_ab_names_no_place(extract: Extract, text: str) -> None:
    types = _typed(extract(text))
    assert "إب" not in types, types


@pytest.mark.parametrize(
    "text",
    ["سيطر الحوثيون على مدينة إب.", "وصلت التعزيزات إلى إب في آب ٢٠٢٢.", "انسحبت القوات من اب."],
)
def test_the_city_ibb_is_still_found(extract: Extract, text: str) -> None:
    assert _typed(extract(text)).get("إب") == "Place"


# --- the two ends of a described road name it ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "road"),
    [
        ("لم تُعِد قوات النظام فتح الطريق الدولي حمص–حماة أمام المدنيين.", "الطريق الدولي حمص–حماة"),
        ("قطعت قوات الدعم السريع الطريق القومي الخرطوم–مدني.", "الطريق القومي الخرطوم–مدني"),
        ("أغلق الحشد الشعبي الطريق الرئيسي الموصل–أربيل.", "الطريق الرئيسي الموصل–أربيل"),
        ("سيطرت الفصائل على الطريق الدولي دمشق-درعا.", "الطريق الدولي دمشق-درعا"),
        ("أعادت القوات فتح الطريق الساحلي طرابلس–مصراتة.", "الطريق الساحلي طرابلس–مصراتة"),
    ],
)
def test_the_ends_of_a_described_road_are_in_its_name(extract: Extract, text: str, road: str) -> None:
    facts = extract(text)
    roads = {m for label, ms in _mentions(facts).items() for m in ms if _typed(facts)[label] == "Facility"}
    assert road in roads, _mentions(facts)
    assert "Place" not in set(_typed(facts).values()), _typed(facts)


def test_a_place_near_a_described_road_stays_a_place(extract: Extract) -> None:
    types = _typed(extract("أغلقت القوات الطريق الدولي قرب حمص."))
    assert types.get("حمص") == "Place", types


# --- the office that guards or staff belong to is an institution ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "office"),
    [
        ("طردوا حراسه التابعين لمكتب الأشغال العامة.", "مكتب الأشغال العامة"),
        ("اعتقلت القوات موظفين تابعين لمديرية الزراعة.", "مديرية الزراعة"),
        ("انسحبت عناصر الحماية التابعة لمديرية أمن عدن من المبنى.", "مديرية أمن عدن"),
        ("طرد المسلحون الحراس التابعين لدائرة الأوقاف.", "دائرة الأوقاف"),
        ("اعتقلت الشرطة عمالاً تابعين لمؤسسة المياه.", "مؤسسة المياه"),
    ],
)
def test_the_office_that_people_belong_to_is_an_actor(extract: Extract, text: str, office: str) -> None:
    types = _typed(extract(text))
    assert types.get(office) == "Actor", types


@pytest.mark.parametrize(
    ("text", "office"),
    [
        ("اقتحم المسلحون مكتب الأشغال العامة في المدينة.", "مكتب الأشغال العامة"),
        ("سيطرت القوات على المستودع التابع لمديرية الزراعة.", "مديرية الزراعة"),
    ],
)
def test_an_office_that_is_seized_or_owns_a_building_stays_a_facility(
    extract: Extract, text: str, office: str
) -> None:
    types = _typed(extract(text))
    assert types.get(office) == "Facility", types


# --- a junction is a facility ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "junction"),
    [
        ("سيطر الحوثيون على مفرق اليتمة.", "مفرق اليتمة"),
        ("أقامت القوات حاجزاً عند مفرق الجوف.", "مفرق الجوف"),
        ("انسحبت القوات من مفرق الوازعية.", "مفرق الوازعية"),
        ("أغلقت الشرطة مفرق طريق المطار.", "مفرق طريق المطار"),
        ("استعادت القوات الحكومية مفرق الزيلعي.", "مفرق الزيلعي"),
    ],
)
def test_a_junction_is_a_facility(extract: Extract, text: str, junction: str) -> None:
    assert _typed(extract(text)).get(junction) == "Facility"


def test_a_seized_junction_changes_hands(extract: Extract) -> None:
    facts = extract("سيطر الحوثيون على مفرق اليتمة.")
    assert control_tuples(facts) == {("الحوثيون", "مفرق اليتمة", "started")}


def test_the_town_of_mafraq_stays_a_place(extract: Extract) -> None:
    types = _typed(extract("سيطرت القوات على مدينة المفرق."))
    assert types.get("مدينة المفرق") == "Place", types
