"""Arabic entities of round 4, by phenomenon: bare institutional actors (الجيش، الشرطة، الجانب الروسي،
أعيان X), natural features as places (وادي، جبل، نهر، تلال، سهل), roads named by their ends or by the
road a checkpoint stands on, and countries or capitals acting as states (metonymy).

Each sentence is written for the test (none is a dev passage); each test checks the entity's type
and its mention as written, so that a missing, mistyped or overlong entity fails.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from conflictkg.facts import ArticleFacts, Entity

Extract = Callable[..., ArticleFacts]


def _entity(facts: ArticleFacts, mention: str) -> Entity | None:
    """The entity with exactly this mention text (or, for a mention merged into لل, this label)."""
    for e in facts.entities:
        if any(m.text == mention for m in e.mentions):
            return e
    return next((e for e in facts.entities if e.label == mention), None)


def _types(facts: ArticleFacts) -> dict[str, str]:
    """Mention text -> entity type, over every mention of every entity."""
    return {m.text: e.type for e in facts.entities for m in e.mentions}


# --- bare institutional actors -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("انسحب الجيش من بلدة الدبيبات بعد معارك عنيفة.", "الجيش"),
        ("اتهمت قوات الدعم السريع الجيش بقصف سوق المدينة.", "الجيش"),
        ("أعلن الجيش سيطرته على مطار الأبيض.", "الجيش"),
        ("دخلت الشرطة مبنى البلدية في مدينة الزاوية.", "الشرطة"),
        ("بعد انسحاب الشرطة من مدينة بنغازي سيطرت الكتيبة على المقر.", "الشرطة"),
        ("سلّمت الفصائل المعبر للجيش صباح اليوم.", "الجيش"),
    ],
)
def test_bare_army_and_police_are_actors(extract: Extract, text: str, mention: str) -> None:
    e = _entity(extract(text), mention)
    assert e is not None, f"no entity mentioned as {mention!r}"
    assert e.type == "Actor"
    assert e.label in {"الجيش", "الشرطة"}


def test_army_inside_a_longer_name_stays_part_of_it(extract: Extract) -> None:
    facts = extract("انتشرت قوات الجيش العراقي في قضاء سنجار.")
    assert not any(e.label == "الجيش" for e in facts.entities)
    assert _types(facts).get("قوات الجيش العراقي") == "Actor"


def test_police_inside_a_facility_name_stays_part_of_it(extract: Extract) -> None:
    facts = extract("سيطر الجيش على مخفر الشرطة في مدينة الفاشر.")
    assert not any(e.label == "الشرطة" for e in facts.entities)
    assert _types(facts)["الجيش"] == "Actor"
    assert any(e.type == "Facility" and e.label == "مخفر الشرطة" for e in facts.entities)


def test_the_army_of_two_countries_gets_two_iris(extract: Extract) -> None:
    sudan = _entity(extract("انسحب الجيش من مدينة الفاشر."), "الجيش")
    iraq = _entity(extract("انسحب الجيش من مدينة الموصل."), "الجيش")
    sudan_again = _entity(extract("دخل الجيش مدينة الأبيض."), "الجيش")
    assert sudan is not None and iraq is not None and sudan_again is not None
    assert sudan.id != iraq.id
    assert sudan.id == sudan_again.id


@pytest.mark.parametrize(
    ("text", "mentions"),
    [
        ("رفض مجلس دير الزور العسكري مطلب الجانب الروسي بتسليم الحواجز.", ["الجانب الروسي"]),
        ("قال الجانب التركي إن الدوريات ستستأنف الأسبوع المقبل.", ["الجانب التركي"]),
        ("اتفق الطرف الإيراني مع الحكومة على تبادل الأسرى.", ["الطرف الإيراني"]),
        ("بحث الجانبان الروسي والتركي الوضع في إدلب.", ["الجانبان الروسي", "التركي"]),
        ("أكد الجانب الحكومي التزامه بالهدنة.", ["الجانب الحكومي"]),
    ],
)
def test_a_side_named_by_a_country_is_an_actor(extract: Extract, text: str, mentions: list[str]) -> None:
    facts = extract(text)
    for mention in mentions:
        e = _entity(facts, mention)
        assert e is not None, f"no entity mentioned as {mention!r}"
        assert e.type == "Actor"


@pytest.mark.parametrize(
    "text",
    [
        "ناقش الطرفان الجانب الأمني من الاتفاق.",
        "تقع الحواجز على الجانب الغربي من الطريق.",
        "يبقى الجانب الإنساني أولوية للجنة.",
        "وصل الطرف الآخر إلى المدينة متأخراً.",
        "انتقد الجانب الاقتصادي من الخطة عدد من التجار.",
    ],
)
def test_a_side_named_by_an_aspect_is_no_actor(extract: Extract, text: str) -> None:
    facts = extract(text)
    assert not any(e.label.startswith(("الجانب", "الطرف")) for e in facts.entities)


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("توصل الطرفان إلى اتفاق بوساطة من أعيان ورشفانة.", "أعيان ورشفانة"),
        ("التقى وفد الفصائل مع وجهاء شمر في مدينة الحسكة.", "وجهاء شمر"),
        ("رعى أعيان الرجبان المفاوضات بين الكتيبتين.", "أعيان الرجبان"),
        ("نفى وجهاء العكيدات دخول المسلحين إلى البلدة.", "وجهاء العكيدات"),
        ("طالب أعيان مصراتة بانسحاب القوات من المطار.", "أعيان مصراتة"),
    ],
)
def test_notables_of_a_tribe_or_town_are_an_actor(extract: Extract, text: str, mention: str) -> None:
    e = _entity(extract(text), mention)
    assert e is not None, f"no entity mentioned as {mention!r}"
    assert e.type == "Actor"


def test_the_army_accused_by_a_feminine_verb_is_its_object(extract: Extract) -> None:
    facts = extract("سيطرت قوات الدعم السريع على سوق المدينة، واتهمت الجيش بقصفه.")
    army = _entity(facts, "الجيش")
    assert army is not None and army.type == "Actor"
    speakers = [ev.roles.get("speaker") for ev in facts.events if ev.type == "Statement"]
    assert speakers and all(army.id not in (s or []) for s in speakers)


def test_the_police_withdrawing_closes_its_control(extract: Extract) -> None:
    facts = extract("سيطرت قوات الدعم السريع على مبنى الإذاعة في مدينة الجنينة بعد انسحاب الشرطة منه.")
    police = _entity(facts, "الشرطة")
    assert police is not None and police.type == "Actor"
    [withdrawal] = [ev for ev in facts.events if ev.type == "Withdrawal"]
    assert withdrawal.roles["agent"] == [police.id]
    ended = [p for p in facts.control if p.holder == police.id and p.ended_by == withdrawal.id]
    assert len(ended) == 1 and not ended[0].started_by


def test_one_notable_is_a_person_not_an_actor(extract: Extract) -> None:
    facts = extract("قال أحد وجهاء البلدة إن الفصائل انسحبت.")
    assert not any("وجهاء" in e.label for e in facts.entities)


# --- natural features ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("سيطرت قوات الدعم السريع على جبل مرة بعد معارك مع الحركات.", "جبل مرة"),
        ("انسحبت الفصائل من سهل الغاب نحو ريف إدلب.", "سهل الغاب"),
        ("انتشرت قوات النخبة في وادي عبيدة شرقي مأرب.", "وادي عبيدة"),
        ("عبرت القوات نهر الفرات قرب مدينة الرقة.", "نهر الفرات"),
        ("تحصن المسلحون في تلال الكبينة.", "تلال الكبينة"),
        ("تقدمت القوات نحو جبل الزاوية جنوبي إدلب.", "جبل الزاوية"),
    ],
)
def test_a_natural_feature_is_a_place(extract: Extract, text: str, mention: str) -> None:
    e = _entity(extract(text), mention)
    assert e is not None, f"no entity mentioned as {mention!r}"
    assert e.type == "Place"


def test_a_feature_of_a_known_place_is_a_place_of_its_own(extract: Extract) -> None:
    facts = extract("طالب المجلس الانتقالي بانسحاب القوات من وادي حضرموت، وسيطر على حضرموت.")
    valley = _entity(facts, "وادي حضرموت")
    province = _entity(facts, "حضرموت")
    assert valley is not None and province is not None
    assert valley.type == province.type == "Place"
    assert valley.id != province.id


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("سيطرت كتيبة فرسان الجبل على المعسكر.", "كتيبة فرسان الجبل"),
        ("أعلن لواء صقور الوادي انسحابه من البلدة.", "لواء صقور الوادي"),
        ("دخلت قوة من فوج حماية سهل نينوى مبنى المستوصف.", "فوج حماية سهل نينوى"),
    ],
)
def test_a_feature_inside_a_group_name_continues_the_name(extract: Extract, text: str, name: str) -> None:
    facts = extract(text)
    assert any(e.type == "Actor" and e.label == name for e in facts.entities), [
        e.label for e in facts.entities
    ]
    assert not any(e.type == "Place" for e in facts.entities), "the feature opened a place of its own"


@pytest.mark.parametrize(
    "text",
    [
        "اشتبكت القوات مع مسلحي «مقاومة جبل حبشي» قرب المدينة.",
        "سيطرت «كتيبة أسود الجبل» على البلدة.",
        "أعلنت «سرايا درع الوادي» انسحابها.",
        "هاجم مقاتلو «جبهة تحرير سهل الغاب» الحاجز.",
        "نفت «حركة أبناء نهر الخابور» مشاركتها في الهجوم.",
    ],
)
def test_a_feature_inside_a_quoted_name_is_no_place(extract: Extract, text: str) -> None:
    facts = extract(text)
    assert not any(
        e.type == "Place" and e.label.startswith(("جبل", "وادي", "سهل", "نهر")) for e in facts.entities
    )


def test_a_feature_after_lam_goes_on_the_description_and_is_a_place(extract: Extract) -> None:
    facts = extract("انسحبت قوات سوريا الديمقراطية من قرى محاذية لنهر الساجور.")
    types = _types(facts)
    assert types.get("قرى محاذية لنهر الساجور") == "Place"
    assert types.get("نهر الساجور") == "Place"
    [withdrawal] = [ev for ev in facts.events if ev.type == "Withdrawal"]
    villages = _entity(facts, "قرى محاذية لنهر الساجور")
    assert villages is not None and withdrawal.roles["target"] == [villages.id]


def test_an_easy_thing_is_no_plain(extract: Extract) -> None:
    assert not any(e.type == "Place" for e in extract("من السهل الوصول إلى الاتفاق.").entities)


# --- roads ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "road", "places"),
    [
        ("أغلقت القوات الطريق بين حلب واللاذقية.", "الطريق بين حلب واللاذقية", ["حلب", "اللاذقية"]),
        ("قطع المسلحون الطريق بين الموصل ودهوك.", "الطريق بين الموصل ودهوك", ["الموصل", "دهوك"]),
        (
            "سيطرت القوات على الطريق بين مدينة كتم وبلدة كبكابية.",
            "الطريق بين مدينة كتم وبلدة كبكابية",
            ["مدينة كتم", "بلدة كبكابية"],
        ),
        ("أعادت الحكومة فتح الطريق بين عدن وتعز.", "الطريق بين عدن وتعز", ["عدن", "تعز"]),
        ("انسحبت الكتيبة من الطريق بين طرابلس والزاوية.", "الطريق بين طرابلس والزاوية", ["طرابلس"]),
    ],
)
def test_a_road_between_two_places_is_a_facility(
    extract: Extract, text: str, road: str, places: list[str]
) -> None:
    facts = extract(text)
    e = _entity(facts, road)
    assert e is not None, f"no entity mentioned as {road!r}: {[e.label for e in facts.entities]}"
    assert e.type == "Facility"
    for place in places:
        assert _types(facts).get(place) == "Place", place


@pytest.mark.parametrize(
    ("text", "checkpoint", "road"),
    [
        ("أقامت الفصائل حاجزاً على طريق الباب.", "حاجزاً على طريق الباب", "طريق الباب"),
        ("نصب حزب العمال الكردستاني حاجزاً على طريق زاخو.", "حاجزاً على طريق زاخو", "طريق زاخو"),
        ("أزالت الشرطة حاجزاً على طريق المطار.", "حاجزاً على طريق المطار", "طريق المطار"),
        ("سيطرت قوات العشائر على حاجز على طريق الخرافي.", "حاجز على طريق الخرافي", "طريق الخرافي"),
        ("انسحبت القوات من نقطة على طريق حلب–الحسكة.", "نقطة على طريق حلب–الحسكة", "طريق حلب–الحسكة"),
    ],
)
def test_a_checkpoint_on_a_road_is_named_by_it(
    extract: Extract, text: str, checkpoint: str, road: str
) -> None:
    facts = extract(text)
    types = _types(facts)
    assert types.get(checkpoint) == "Facility", [e.label for e in facts.entities]
    assert types.get(road) == "Facility"


@pytest.mark.parametrize(
    "text",
    [
        "ستنتشر القوات بموجب خريطة طريق وضعها الجانب الروسي.",
        "أعلنت الحكومة خارطة طريق للحل السياسي.",
        "قدم المبعوث خريطة طريق جديدة للطرفين.",
        "تتضمن خارطة طريق الأمم المتحدة وقفاً لإطلاق النار.",
        "رفضت الحركة خريطة طريق اقترحها الوسطاء.",
    ],
)
def test_a_roadmap_is_no_road(extract: Extract, text: str) -> None:
    assert not any(e.type == "Facility" for e in extract(text).entities)


# --- countries and capitals acting as states ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("بمساعٍ من سلطنة عُمان وقعت الحكومة والحوثيون اتفاقاً لتبادل الأسرى.", "سلطنة عُمان"),
        ("وقع الطرفان الاتفاق بوساطة من قطر في الدوحة.", "قطر"),
        ("بجهود من مصر توصل الطرفان إلى هدنة في المدينة.", "مصر"),
        ("انتهت المهلة التي حددتها أنقرة للفصائل.", "أنقرة"),
        ("رفضت الفصائل تسليم مقارها رغم انقضاء المهلة التي حددتها بغداد.", "بغداد"),
        ("رحبت مصر بالاتفاق الذي رعته سلطنة عمان.", "سلطنة عمان"),
    ],
)
def test_a_state_that_mediates_or_demands_is_an_actor(extract: Extract, text: str, mention: str) -> None:
    e = _entity(extract(text), mention)
    assert e is not None, f"no entity mentioned as {mention!r}"
    assert e.type == "Actor"


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("وصل الوفد إلى بغداد أمس.", "بغداد"),
        ("وصلت القوات من تركيا إلى الحدود.", "تركيا"),
        ("عقدت الأطراف اجتماعاً في مسقط.", "مسقط"),
        ("انسحبت الفصائل من قطاع قريب من الحدود مع العراق.", "العراق"),
        ("نقلت الشاحنات المساعدات من الأردن.", "الأردن"),
    ],
)
def test_a_state_that_is_only_where_something_happens_stays_a_place(
    extract: Extract, text: str, mention: str
) -> None:
    e = _entity(extract(text), mention)
    assert e is not None, f"no entity mentioned as {mention!r}"
    assert e.type == "Place"
