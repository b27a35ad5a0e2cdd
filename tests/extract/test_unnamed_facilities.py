"""Facilities named without a proper name: indefinite heads pinned down by the text, possessed heads,
and the actor heads that name a known group (news Arabic, general sentences)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from conflictkg.facts import ArticleFacts, Entity
from conflictkg.namespace import CKR_NS


def _facilities(facts: ArticleFacts) -> list[Entity]:
    return [e for e in facts.entities if e.type == "Facility"]


def _mention_texts(entity: Entity) -> list[str]:
    return [m.text for m in entity.mentions]


@pytest.mark.parametrize(
    ("text", "head", "place"),
    [
        ("اعتقلت دورية للأمن العسكري شاباً على حاجز في مدينة الحسكة.", "حاجز", "hasakah"),
        ("سيطرت فصائل المعارضة على مقر في مدينة الباب بعد اشتباكات.", "مقر", "al-bab"),
        ("استهدف قصف مدفعي ثكنة في مدينة درعا صباح اليوم.", "ثكنة", "daraa"),
        ("أقامت القوات حاجزاً في مدينة منبج لتفتيش المارة.", "حاجز", "manbij"),
    ],
)
def test_an_indefinite_facility_with_its_place_is_a_facility_in_that_place(
    extract: Callable[..., ArticleFacts], text: str, head: str, place: str
) -> None:
    facs = _facilities(extract(text))
    assert len(facs) == 1, [f.label for f in facs]
    assert facs[0].label == head
    assert facs[0].mentions[0].text.startswith(text[text.index(head[:3]) :][: len(head) - 1])
    assert facs[0].part_of == [CKR_NS + place]


@pytest.mark.parametrize(
    "text",
    [
        "هاجم مسلحون ثكنة للشرطة العسكرية في مدينة الباب.",
        "اقتحم عناصر من الفصائل مقراً لقوات النظام في بلدة تل تمر.",
        "سيطر الحوثيون على معسكر لقوات الحزام الأمني قرب عدن.",
    ],
)
def test_an_indefinite_facility_of_an_actor_is_owned_by_it(
    extract: Callable[..., ArticleFacts], text: str
) -> None:
    facts = extract(text)
    facs = _facilities(facts)
    assert len(facs) == 1, [f.label for f in facs]
    owner = facs[0].owner
    assert owner is not None
    assert next(e for e in facts.entities if e.id == owner).type == "Actor"


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("ونفت الهيئة أنباء عن اقتحامها مقراً آخر للحركة في كفرنبل.", "مقراً آخر"),
        ("وأقامت الفصائل حاجزاً جديداً في مدينة منبج.", "حاجزاً جديداً"),
        ("وسيطرت القوات على نقطة أخرى في ريف حلب.", "نقطة أخرى"),
    ],
)
def test_another_or_a_new_facility_is_a_facility_of_its_own(
    extract: Callable[..., ArticleFacts], text: str, mention: str
) -> None:
    facs = _facilities(extract(text))
    assert len(facs) == 1, [f.label for f in facs]
    assert _mention_texts(facs[0])[0].startswith(mention)


@pytest.mark.parametrize(
    "text",
    [
        "تعاني المدينة من نقص في الخدمات.",
        "قال مسؤول في مكتب إن الوضع هادئ.",
        "أقامت القوات حاجزاً لتفتيش المارة.",
        "أرسلت القوات تعزيزات إلى مقر قريب.",
        "أقامت القوات حواجز في مدينة منبج.",
    ],
)
def test_a_bare_indefinite_head_without_place_owner_or_another_names_nothing(
    extract: Callable[..., ArticleFacts], text: str
) -> None:
    assert _facilities(extract(text)) == []


@pytest.mark.parametrize(
    ("text", "possessed", "owner"),
    [
        ("انسحبت قوات سوريا الديمقراطية من مقراتها في مدينة منبج.", "مقراتها", "sdf"),
        ("رفع الحشد الشعبي حاجزه من مدخل الناحية.", "حاجزه", "pmf"),
        ("وسلمت قوات الدعم السريع نقاطها في المدينة للجيش السوداني.", "نقاطها", "rsf"),
        ("أخلت هيئة تحرير الشام معسكرها قرب إدلب.", "معسكرها", "hts"),
        ("أغلقت الأسايش مكاتبها في القامشلي.", "مكاتبها", "asayish"),
    ],
)
def test_a_possessed_facility_head_is_a_facility_of_the_actor_before_it(
    extract: Callable[..., ArticleFacts], text: str, possessed: str, owner: str
) -> None:
    facs = [f for f in _facilities(extract(text)) if f.label == possessed]
    assert len(facs) == 1
    assert _mention_texts(facs[0])[0].startswith(possessed)
    assert facs[0].owner == CKR_NS + owner


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("سيطر مقاتلون قبليون على حقل العمر، ورفعوا أعلامهم فوق مبانيه.", "مبانيه"),
        ("انتشرت القوات في شوارع المدينة وعند مداخلها.", "مداخلها"),
        ("غيرت الحكومة طريقة توزيع المساعدات في المدينة.", "طريقة"),
        ("بهذه الطريقة انسحبت القوات من مدينة منبج.", "الطريقة"),
    ],
)
def test_parts_of_a_place_and_teh_marbuta_words_are_no_possessed_facility(
    extract: Callable[..., ArticleFacts], text: str, word: str
) -> None:
    mentioned = [m.text for f in _facilities(extract(text)) for m in f.mentions]
    assert not any(word in m for m in mentioned), mentioned


@pytest.mark.parametrize(
    ("text", "iri"),
    [
        ("انسحب فصيل الحمزات من مدينة عفرين.", "hamza-division"),
        ("سيطر فصيل “فرقة السلطان مراد” على القرية.", "sultan-murad-division"),
        ("هاجمت فصائل الجبهة الشامية مواقع في ريف حلب.", "levant-front"),
    ],
)
def test_a_faction_head_before_a_known_group_is_that_group(
    extract: Callable[..., ArticleFacts], text: str, iri: str
) -> None:
    actors = [e for e in extract(text).entities if e.type == "Actor"]
    assert [a.id for a in actors] == [CKR_NS + iri]


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("سيطرت مجموعة «حماة الوادي» على مبنى البلدية في سبها.", "مجموعة حماة الوادي"),
        ("ولم تتمكن المجموعات المحلية من دخول المبنى.", "المجموعات المحلية"),
        ("هاجمت مجموعة أبناء الخابور حاجزاً للأسايش.", "مجموعة أبناء الخابور"),
    ],
)
def test_the_group_head_names_armed_groups(
    extract: Callable[..., ArticleFacts], text: str, label: str
) -> None:
    actors = [e for e in extract(text).entities if e.type == "Actor"]
    assert label in [a.label for a in actors]


@pytest.mark.parametrize(
    ("text", "affiliate", "parent"),
    [
        ("تسلمت القوات المبنى من قوات تابعة لحزب الإصلاح.", "قوات تابعة لحزب الإصلاح", "islah-party"),
        ("سلمت الفصائل المعبر لقوة أمنية تابعة لوزارة الداخلية.", "قوة أمنية تابعة لوزارة الداخلية", None),
        ("اقتحم عناصر تابعين لفرقة السلطان مراد مقر المجلس المحلي.", "عناصر تابعين لفرقة السلطان مراد",
         "sultan-murad-division"),
        ("انتشرت وحدات تابعة للجيش السوداني في محيط المطار.", "وحدات تابعة للجيش السوداني", "saf"),
    ],
)  # fmt: skip
def test_a_force_affiliated_to_an_actor_is_an_actor_below_it(
    extract: Callable[..., ArticleFacts], text: str, affiliate: str, parent: str | None
) -> None:
    facts = extract(text)
    actors = {e.label: e for e in facts.entities if e.type == "Actor"}
    assert affiliate in actors, list(actors)
    owner = actors[affiliate].part_of
    assert len(owner) == 1 and owner[0] in {e.id for e in facts.entities}
    if parent is not None:
        assert owner == [CKR_NS + parent]


def test_gunmen_affiliated_to_a_known_actor_are_that_actor(extract: Callable[..., ArticleFacts]) -> None:
    actors = [
        e for e in extract("اقتحم مسلحون تابعون للفرقة الرابعة مبنى البلدية.").entities if e.type == "Actor"
    ]
    assert [a.id for a in actors] == [CKR_NS + "fourth-division"]


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("طرد مسلحون محليون عناصر النظام من حاجز الجامع.", "مسلحون محليون"),
        ("سيطر مقاتلون قبليون على حقل العمر النفطي.", "مقاتلون قبليون"),
        ("اقتحم مسلحون مجهولون مبنى البلدية في مدينة درعا.", "مسلحون مجهولون"),
        ("هاجم مقاتلون عشائريون حاجزاً لقوات سوريا الديمقراطية.", "مقاتلون عشائريون"),
    ],
)
def test_described_fighters_are_an_actor(extract: Callable[..., ArticleFacts], text: str, label: str) -> None:
    assert label in [e.label for e in extract(text).entities if e.type == "Actor"]


@pytest.mark.parametrize(
    "text",
    [
        "قال مسلحون إنهم غادروا المدينة.",
        "اعتقلت القوات مسلحين في المدينة.",
        "اجتمع مقاتلون سابقون في المدينة.",
    ],
)
def test_bare_or_non_human_described_fighters_name_no_actor(
    extract: Callable[..., ArticleFacts], text: str
) -> None:
    assert [e.label for e in extract(text).entities if e.type == "Actor"] == []


@pytest.mark.parametrize(
    ("text", "absent", "present"),
    [
        ("اقتحم مسلحون مقر المجلس في بلدة الصور بعد مقتل أحد وجهاء البلدة.", "وجهاء البلدة", None),
        ("أفرجت الفصائل عن أحد وجهاء عشيرة البكارة.", "وجهاء عشيرة البكارة", None),
        ("قتل أحد عناصر قوات سوريا الديمقراطية في الهجوم.", "عناصر قوات سوريا الديمقراطية", "sdf"),
        ("أصيبت إحدى عناصر الأسايش بجروح.", "عناصر الأسايش", "asayish"),
    ],
)
def test_one_of_a_group_is_a_person_not_the_group(
    extract: Callable[..., ArticleFacts], text: str, absent: str, present: str | None
) -> None:
    facts = extract(text)
    head = absent.split()[0]
    assert not any(head in m.text for e in facts.entities for m in e.mentions)
    if present is not None:
        assert CKR_NS + present in [e.id for e in facts.entities]


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("أجرت القوات مفاوضات مع وجهاء عشيرة شمر في ربيعة.", "عشيرة شمر"),
        ("هاجم مسلحون من قبيلة عنزة مقراً للشرطة.", "قبيلة عنزة"),
        ("اجتمع شيوخ عشيرة البكارة مع قيادة التحالف.", "عشيرة البكارة"),
    ],
)
def test_a_tribe_is_named_by_one_word(extract: Callable[..., ArticleFacts], text: str, label: str) -> None:
    labels = [e.label for e in extract(text).entities if e.type == "Actor"]
    assert any(label in a for a in labels), labels


@pytest.mark.parametrize(
    ("text", "facility"),
    [
        ("تسلم المجلس العسكري مبنى «المركز الثقافي الأرمني» في تل أبيض.", "المركز الثقافي الأرمني"),
        ("سيطرت القوات على المركز الثقافي الفرنسي في دمشق.", "المركز الثقافي الفرنسي"),
    ],
)
def test_a_generic_gazetteer_name_with_a_further_adjective_is_another_facility(
    extract: Callable[..., ArticleFacts], text: str, facility: str
) -> None:
    facs = [e for e in extract(text).entities if e.type == "Facility"]
    assert [f.known for f in facs] == [False]
    assert facility in facs[0].label


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("سيطر مقاتلو «لواء صقور الجزيرة» على مبنى «مجمع الفرات للخدمات» في بلدة الكسرة.", "للخدمات"),
        ("اقتحمت القوات مقر «شركة النجمة للاتصالات» في المدينة.", "للاتصالات"),
        ("أغلقت الفصائل مكتب «جمعية البر للإغاثة» في مدينة الباب.", "للإغاثة"),
    ],
)
def test_a_quoted_name_keeps_its_preposition(
    extract: Callable[..., ArticleFacts], text: str, name: str
) -> None:
    facs = [e for e in extract(text).entities if e.type == "Facility"]
    assert any(name in m.text for f in facs for m in f.mentions), [m.text for f in facs for m in f.mentions]


@pytest.mark.parametrize(
    ("text", "facility"),
    [
        ("أعلن الجيش استعادة مقر الاحتياطي المركزي في الخرطوم.", "مقر الاحتياطي المركزي"),
        ("سيطر المسلحون على مبنى البنك المركزي في مدينة عدن.", "مبنى البنك المركزي"),
        ("اقتحمت القوات مقر الأمن الاتحادي في مدينة الحلة.", "مقر الأمن الاتحادي"),
        ("أغلقت الشرطة مكتب البريد الفرعي في حي الميدان.", "مكتب البريد الفرعي"),
    ],
)
def test_a_definite_adjective_ending_in_ya_is_never_a_dual_head(
    extract: Callable[..., ArticleFacts], text: str, facility: str
) -> None:
    """ "المركزي" looks like "the two centres of" but a dual in construct takes no article."""
    facs = [e for e in extract(text).entities if e.type == "Facility"]
    assert len(facs) == 1 and facs[0].mentions[0].text.startswith(facility)


@pytest.mark.parametrize(
    ("text", "facility"),
    [
        ("من المقرر أن تتسلم قوات الجيش العراقي إدارة مطار كركوك العسكري.", "مطار كركوك العسكري"),
        ("تسلمت حكومة الإنقاذ إدارة معبر باب الهوى من الهيئة.", "معبر باب الهوى"),
        ("سلمت الفصائل إدارة سجن المدينة المركزي للشرطة.", "سجن المدينة المركزي"),
    ],
)
def test_the_management_of_a_facility_is_the_facility(
    extract: Callable[..., ArticleFacts], text: str, facility: str
) -> None:
    facts = extract(text)
    assert not [e for e in facts.entities if "إدارة" in e.label]
    assert facility in [m.text for e in facts.entities if e.type == "Facility" for m in e.mentions]


@pytest.mark.parametrize(
    ("text", "unit", "parent"),
    [
        ("ونفى مكتب الإعلام في الحشد الشعبي أي علاقة له بإغلاق المنفذ.", "مكتب الإعلام في الحشد الشعبي", "pmf"),
        ("قالت دائرة العلاقات العامة في قوات سوريا الديمقراطية إن الطريق مفتوح.",
         "دائرة العلاقات العامة في قوات سوريا الديمقراطية", "sdf"),
        ("أعلن المكتب السياسي في هيئة تحرير الشام رفضه الاتفاق.", None, None),
    ],
)  # fmt: skip
def test_an_office_in_a_known_actor_is_a_unit_of_that_actor(
    extract: Callable[..., ArticleFacts], text: str, unit: str | None, parent: str | None
) -> None:
    facts = extract(text)
    if unit is None:  # a definite head without words is no chain: the actor alone is named
        assert not [e for e in facts.entities if e.type == "Facility"]
        return
    [office] = [e for e in facts.entities if e.label.startswith(unit.split()[0])]
    assert office.type == "Actor" and [m.text for m in office.mentions] == [unit]
    assert office.part_of == [CKR_NS + parent]


def test_an_office_in_a_place_stays_a_facility(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("اقتحمت القوات مكتب الإعلام في مدينة القامشلي.")
    assert [e.type for e in facts.entities if e.label.startswith("مكتب")] == ["Facility"]


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("هاجم مسلحون من “كتائب أبو عمارة” ثكنة للشرطة في مدينة الباب.", "كتائب أبو عمارة"),
        ("سيطرت «سرايا الجبل الأخضر» على مقر البلدية في مدينة درنة.", "سرايا الجبل الأخضر"),
        ("انسحبت ألوية صقور الشمال من مدينة الباب.", "ألوية صقور الشمال"),
    ],
)
def test_a_plural_unit_head_with_a_name_is_a_group(
    extract: Callable[..., ArticleFacts], text: str, label: str
) -> None:
    assert label in [e.label for e in extract(text).entities if e.type == "Actor"]


@pytest.mark.parametrize(
    "text",
    ["انسحبت كتائب كبيرة من المدينة.", "دخلت قوات كثيرة مدينة منبج.", "وصلت ألوية عسكرية إلى مدينة الباب."],
)
def test_a_plural_unit_head_with_adjectives_names_no_group(
    extract: Callable[..., ArticleFacts], text: str
) -> None:
    assert [e.label for e in extract(text).entities if e.type == "Actor"] == []


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("اقتحم مسلحون من العشائر مقر المجلس المدني في بلدة الصور.", "مسلحون من العشائر"),
        ("اتفقت الحركة مع فصائل من الطوارق على إدارة المدينة.", "فصائل من الطوارق"),
        ("هاجم عناصر من البدو حاجزاً في مدينة السويداء.", "عناصر من البدو"),
    ],
)
def test_fighters_from_an_unnamed_people_are_one_actor(
    extract: Callable[..., ArticleFacts], text: str, label: str
) -> None:
    assert label in [e.label for e in extract(text).entities if e.type == "Actor"]


def test_fighters_from_a_place_are_no_actor_of_that_place(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("هاجم مسلحون من المدينة حاجزاً للأسايش.")
    assert not [e for e in facts.entities if e.type == "Actor" and "مسلحون" in e.label]
