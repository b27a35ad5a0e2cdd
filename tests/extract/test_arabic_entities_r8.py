"""Arabic entities of round 8, by phenomenon: regional and international organisations and Libyan state
bodies that news names as brokers, owners and parties (the gazetteer knows them, so "الاتحاد الأفريقي"
is no union's office); facility heads of everyday infrastructure (مطحنة، مخبز، مخزن، مصرف، كلية، معهد);
"منظمة" as the head of an organisation's name; and an organisation inside a plural office head's list
("مكاتب الهلال الأحمر ومنظمة الصحة العالمية"), one office per item.

Each sentence is written for the test (none is a dev passage); each test checks labels, types or control
tuples, so that a missing, cut, merged, mistyped or extra entity fails.
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


def _mention_types(facts: ArticleFacts) -> dict[str, str]:
    """Mention text -> the type of its entity."""
    return {m.text: e.type for e in facts.entities for m in e.mentions}


# --- organisations and state bodies the gazetteer knows --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "mention", "iri_end"),
    [
        ("دعا الاتحاد الأفريقي الطرفين إلى وقف القتال في الفاشر.", "الاتحاد الأفريقي", "/african-union"),
        ("برعاية الاتحاد الأوروبي عقدت الأطراف جولة محادثات في جنيف.", "الاتحاد الأوروبي", "/european-union"),
        ("رحبت جامعة الدول العربية بالاتفاق بين الطرفين.", "جامعة الدول العربية", "/arab-league"),
        ("بتسهيل من منظمة إيغاد التقى الطرفان في جيبوتي.", "منظمة إيغاد", "/igad"),
        ("أغلق الحوثيون مكتب منظمة أطباء بلا حدود في صعدة.", "منظمة أطباء بلا حدود", "/msf"),
        (
            "أعلنت المؤسسة الوطنية للنفط إغلاق ميناء السدرة.",
            "المؤسسة الوطنية للنفط",
            "/libyan-national-oil-corporation",
        ),
        (
            "التقى المجلس الرئاسي الليبي قادة الكتائب في طرابلس.",
            "المجلس الرئاسي الليبي",
            "/libyan-presidential-council",
        ),
    ],
)
def test_an_organisation_the_gazetteer_knows_is_that_actor(
    extract: Extract, text: str, mention: str, iri_end: str
) -> None:
    facts = extract(text)
    found = [e for e in facts.entities if any(m.text == mention for m in e.mentions)]
    assert len(found) == 1, [(e.label, [m.text for m in e.mentions]) for e in facts.entities]
    assert found[0].type == "Actor"
    assert found[0].id.endswith(iri_end), found[0].id
    assert not [
        e
        for e in facts.entities
        if e.type == "Facility"
        and mention in e.label
        and e is not found[0]
        and not e.label.startswith(("مكتب", "مقر"))
    ]


@pytest.mark.parametrize(
    ("text", "unit", "target"),
    [
        ("أخلى اللواء طارق بن زياد مبنى الإدارة في ميناء بنغازي.", "لواء طارق بن زياد", "مبنى الإدارة"),
        ("انسحب لواء طارق بن زياد من معسكر الرجمة.", "لواء طارق بن زياد", "معسكر الرجمة"),
        ("أخلت كتيبة طارق بن زياد مقر الشرطة في سرت.", "لواء طارق بن زياد", "مقر الشرطة"),
        ("انسحب «اللواء طارق بن زياد» من مطار الأبرق.", "لواء طارق بن زياد", "مطار الأبرق"),
        ("غادر اللواء طارق بن زياد معسكر القوارشة.", "لواء طارق بن زياد", "معسكر القوارشة"),
    ],
)
def test_a_brigade_named_after_a_person_is_the_unit_not_a_rank(
    extract: Extract, text: str, unit: str, target: str
) -> None:
    facts = extract(text)
    assert _typed(facts).get(unit) == "Actor", _typed(facts)
    assert (unit, target, "ended") in control_tuples(facts), control_tuples(facts)


# --- facility heads of everyday infrastructure -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "facility", "holder"),
    [
        ("سيطرت قوات الدعم السريع على مطحنة الزهراء في الخرطوم بحري.", "مطحنة الزهراء", "قوات الدعم السريع"),
        ("استولى الحوثيون على مخبز الأمل في مدينة الحديدة.", "مخبز الأمل", "الحوثيون"),
        ("سيطرت هيئة تحرير الشام على مخازن الحبوب في سراقب.", "مخازن الحبوب", "هيئة تحرير الشام"),
        ("سيطر الحوثيون على فرع مصرف اليمن الدولي في الحديدة.", "فرع مصرف اليمن الدولي", "الحوثيون"),
        ("سيطرت قوات الدعم السريع على كلية الهندسة في مدينة ود مدني.", "كلية الهندسة", "قوات الدعم السريع"),
        ("سيطرت قسد على معهد إعداد المعلمين في الحسكة.", "معهد إعداد المعلمين", "قوات سوريا الديمقراطية"),
    ],
)
def test_infrastructure_heads_open_a_facility_that_changes_hands(
    extract: Extract, text: str, facility: str, holder: str
) -> None:
    facts = extract(text)
    assert _typed(facts).get(facility) == "Facility", _typed(facts)
    assert (holder, facility, "started") in control_tuples(facts), control_tuples(facts)


@pytest.mark.parametrize(
    "text",
    [
        "سيطرت القوات سيطرة كلية على المدينة.",
        "فرضت الحكومة رقابة كلية على الأسواق.",
        "انسحبت القوات انسحاباً شبه كلي من المنطقة.",
        "تم تدمير المدينة بصورة كلية.",
        "قال إن الخطة فشلت بصورة كلية.",
    ],
)
def test_kulliya_as_an_adjective_names_no_college(extract: Extract, text: str) -> None:
    facts = extract(text)
    assert not [e.label for e in facts.entities if "كلية" in e.label or "كلي" in e.label.split()], _typed(
        facts
    )


# --- منظمة heads an organisation's name -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "organisation"),
    [
        ("دعت منظمة العفو الدولية إلى الإفراج عن المعتقلين في عدن.", "منظمة العفو الدولية"),
        ("أعلنت منظمة الصحة العالمية وصول شحنة أدوية إلى عدن.", "منظمة الصحة العالمية"),
        ("طالبت منظمة هيومن رايتس ووتش بالتحقيق في الهجوم.", "منظمة هيومن رايتس ووتش"),
        ("قالت منظمة بدر إن مقاتليها انسحبوا من المعسكر.", "منظمة بدر"),
        ("نددت منظمة التعاون الإسلامي بالهجوم على المسجد.", "منظمة التعاون الإسلامي"),
    ],
)
def test_munazzama_heads_an_organisation(extract: Extract, text: str, organisation: str) -> None:
    types = _mention_types(extract(text))
    assert types.get(organisation) == "Actor", types


# --- organisations inside a plural office head's list -----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "offices"),
    [
        (
            "اقتحم الحوثيون مكاتب الهلال الأحمر ومنظمة الصحة العالمية في مدينة الحديدة.",
            ("مكتب الهلال الأحمر", "مكتب منظمة الصحة العالمية"),
        ),
        (
            "أغلقت السلطات مكاتب منظمة أطباء بلا حدود ومنظمة الصحة العالمية في صعدة.",
            ("مكتب منظمة أطباء بلا حدود", "مكتب منظمة الصحة العالمية"),
        ),
        (
            "داهمت قوات الأمن مكاتب منظمة العفو الدولية واليونيسف في بنغازي.",
            ("مكتب منظمة العفو الدولية", "مكتب اليونيسف"),
        ),
        (
            "استولى مسلحون على مقرات منظمة الهجرة الدولية ومنظمة أطباء بلا حدود في نيالا.",
            ("مقر منظمة الهجرة الدولية", "مقر منظمة أطباء بلا حدود"),
        ),
        (
            "سيطر الحوثيون على مكاتب الصليب الأحمر ومنظمة اليونيسف في مدينة الحديدة.",
            ("مكتب الصليب الأحمر", "مكتب منظمة اليونيسف"),
        ),
    ],
)
def test_an_organisation_in_a_list_of_offices_is_one_office_each(
    extract: Extract, text: str, offices: tuple[str, ...]
) -> None:
    types = _typed(extract(text))
    for office in offices:
        assert types.get(office) == "Facility", types


# --- plural natural features before a proper name: one named range ------------------------------------------


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("سيطرت القوات على تلال قرة جوخ شرقي الموصل.", "تلال قرة جوخ"),
        ("سيطر الجيش على جبال النوبة في جنوب كردفان.", "جبال النوبة"),
        ("انسحب مقاتلو داعش إلى جبال حمرين الشرقية.", "جبال حمرين الشرقية"),
        ("تقدمت البيشمركة نحو تلال سيد عمر قرب كركوك.", "تلال سيد عمر"),
        ("استعاد الجيش السيطرة على تلال الحمرا في ريف حماة.", "تلال الحمرا"),
    ],
)
def test_a_plural_feature_before_a_name_is_one_range(extract: Extract, text: str, place: str) -> None:
    types = _typed(extract(text))
    assert types.get(place) == "Place", types


@pytest.mark.parametrize(
    "text",
    [
        "انسحب المقاتلون إلى جبال وعرة شمال المدينة.",
        "انتشرت القوات في تلال عسكرية قرب البلدة.",
        "تحصن المسلحون في تلال محيطة بالقرية.",
        "فرّ المسلحون إلى جبال بعيدة عن الطريق.",
        "تمركزت الدبابات فوق تلال مرتفعة.",
    ],
)
def test_a_plural_feature_with_only_an_adjective_names_no_range(extract: Extract, text: str) -> None:
    types = _typed(extract(text))
    assert not [label for label in types if label.startswith(("جبال", "تلال", "جبل", "تل "))], types


# --- تبة (a hill) heads a place ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "place", "holder", "status"),
    [
        ("انسحب الحوثيون من تبة المطارح في مأرب.", "تبة المطارح", "الحوثيون", "ended"),
        ("سيطرت قوات العمالقة على تبة الصالحين غربي تعز.", "تبة الصالحين", "قوات العمالقة", "started"),
        ("استولى الحوثيون على تبة الخزان في مديرية صرواح.", "تبة الخزان", "الحوثيون", "started"),
        ("أخلت قوات الدعم السريع تبة النخيل شمال الفاشر.", "تبة النخيل", "قوات الدعم السريع", "ended"),
        ("سيطرت البيشمركة على تبة الشيخ قرب مخمور.", "تبة الشيخ", "البيشمركة", "started"),
    ],
)
def test_a_named_hill_is_a_place_that_changes_hands(
    extract: Extract, text: str, place: str, holder: str, status: str
) -> None:
    facts = extract(text)
    assert _typed(facts).get(place) == "Place", _typed(facts)
    assert any(h == holder and t == place and s == status for h, t, s in control_tuples(facts)), (
        control_tuples(facts)
    )


# --- خلية (a cell): named cells are actors, described cells are none, "خلايا داعش" is the group ---------------


@pytest.mark.parametrize(
    ("text", "cell"),
    [
        ("أعلنت خلية الإعلام الأمني مقتل ثلاثة مسلحين في ديالى.", "خلية الإعلام الأمني"),
        ("أعلنت خلية الأزمة في المحافظة فرض حظر تجوال.", "خلية الأزمة"),
        ("قالت خلية الإعلام الحربي إن القوات تقدمت نحو البلدة.", "خلية الإعلام الحربي"),
        ("أكدت خلية الإعلام الأمني أن القوات سيطرت على الجسر.", "خلية الإعلام الأمني"),
        ("نفت خلية الأزمة انسحاب الشرطة من المدينة.", "خلية الأزمة"),
    ],
)
def test_a_named_cell_is_an_actor(extract: Extract, text: str, cell: str) -> None:
    assert _typed(extract(text)).get(cell) == "Actor", _typed(extract(text))


@pytest.mark.parametrize(
    "text",
    [
        "تمركزت القوات عند أطراف القرية لملاحقة خلية مسلحة.",
        "فككت الشرطة خلية نائمة في المدينة.",
        "اعتقلت قوات الأمن خلية إرهابية في الحي.",
        "داهمت القوات مخبأ خلية مسلحة قرب البلدة.",
        "قتل عنصران من خلية محلية في الاشتباك.",
    ],
)
def test_a_described_cell_names_no_actor(extract: Extract, text: str) -> None:
    types = _typed(extract(text))
    assert not [label for label in types if label.startswith(("خلية", "الخلية"))], types


def test_cells_of_a_known_group_are_that_group(extract: Extract) -> None:
    facts = extract("هاجمت خلايا داعش حاجزاً للجيش في البادية.")
    labels = [e.label for e in facts.entities if e.type == "Actor"]
    assert "تنظيم الدولة الإسلامية" in labels, labels
    assert not [label for label in labels if label.startswith("خلايا")], labels


# --- an office that is a party of talks is its institution -----------------------------------------------


@pytest.mark.parametrize(
    ("text", "office"),
    [
        ("جرت مفاوضات بين الكتيبة ومديرية أمن الزاوية أفضت إلى اتفاق.", "مديرية أمن الزاوية"),
        ("جرت مفاوضات بين مديرية أمن عدن وقوات الحزام الأمني.", "مديرية أمن عدن"),
        ("تفاوضت مديرية أمن عدن مع قوات الحزام الأمني على تسليم المعسكر.", "مديرية أمن عدن"),
        ("اتفقت دائرة الأوقاف مع الفصيل على إخلاء المسجد.", "دائرة الأوقاف"),
        ("عقد اجتماع بين وجهاء البلدة ومكتب الأوقاف في المدينة.", "مكتب الأوقاف"),
        ("توصلت العشائر إلى اتفاق بين الفصائل ونقابة المعلمين في درعا.", "نقابة المعلمين"),
    ],
)
def test_an_office_that_is_a_party_of_talks_is_an_actor(extract: Extract, text: str, office: str) -> None:
    assert _typed(extract(text)).get(office) == "Actor", _typed(extract(text))


@pytest.mark.parametrize(
    ("text", "office"),
    [
        ("يقع الطريق بين مبنى البلدية ومديرية المالية في الحسكة.", "مديرية المالية"),
        ("اقتحم المسلحون مديرية أمن الزاوية فجر اليوم.", "مديرية أمن الزاوية"),
        ("سيطرت قسد على المسافة بين الدوار ومديرية التربية في الحسكة.", "مديرية التربية"),
        ("أغلقت الشرطة الشارع بين السوق ودائرة النفوس في القامشلي.", "دائرة النفوس"),
        ("تمركزت القوات بين المستشفى ومكتب البريد في المدينة.", "مكتب البريد"),
    ],
)
def test_an_office_between_two_places_stays_a_facility(extract: Extract, text: str, office: str) -> None:
    assert _typed(extract(text)).get(office) == "Facility", _typed(extract(text))


def test_the_office_named_later_by_its_head_is_the_institution_that_acted(extract: Extract) -> None:
    facts = extract(
        "جرت مفاوضات بين الكتيبة ومديرية أمن الزاوية أفضت إلى اتفاق تنسحب الكتيبة بموجبه من مبنى البريد. "
        "ومن المقرر أن تتسلم المديرية المبنى صباح الأحد."
    )
    office = next(e for e in facts.entities if e.label == "مديرية أمن الزاوية")
    assert office.type == "Actor"
    assert [m.text for m in office.mentions] == ["مديرية أمن الزاوية", "المديرية"]
    planned = [ev for ev in facts.events if ev.type == "Seizure"]
    assert [ev.roles.get("agent") for ev in planned] == [[office.id]], planned
    assert not [p for p in facts.control if p.kind == "control" and p.holder == office.id]
