"""Arabic actor names of round 6, by phenomenon: unit names whose genitive chain runs through what the
unit guards ("فوج حماية عشائر X"), a force named in quotes after a generic head ("فصيل «X»", "عناصر
«قوات X»"), members of a described group ("عناصر مجموعة محلية") or of a body named before ("عناصر
الجهاز"), a national force drawn from an actor ("قوة سعودية من التحالف", "مسلحون من المعارضة
التشادية"), guards affiliated to an owner ("الحراس التابعين لـ«X»"), groups that name themselves
("تطلق على نفسها اسم «X»"), and operations commands named by a compass word and a place ("قيادة عمليات
غرب X").

Each sentence is written for the test (none is a dev passage); each test checks the actor's label or
mentions, so that a cut, merged or extra actor fails.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from conflictkg.facts import ArticleFacts

Extract = Callable[..., ArticleFacts]


def _actors(facts: ArticleFacts) -> set[str]:
    """Labels of the Actor entities."""
    return {e.label for e in facts.entities if e.type == "Actor"}


def _actor_mentions(facts: ArticleFacts) -> dict[str, list[str]]:
    """Actor label -> its mention texts."""
    return {e.label: [m.text for m in e.mentions] for e in facts.entities if e.type == "Actor"}


# --- unit names through what the unit guards -----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("انسحب فوج حماية عشائر البوخليل من الحاجز.", "فوج حماية عشائر البوخليل"),
        ("سيطرت وحدات حماية قرقوش على مبنى البلدية.", "وحدات حماية قرقوش"),
        ("اقتحمت قوات حماية المنشآت مقر الشركة.", "قوات حماية المنشآت"),
        ("انسحبت قوات حماية الحي من المدرسة.", "قوات حماية الحي"),
        ("دخلت ألوية حراسة السدود المدينة.", "ألوية حراسة السدود"),
    ],
)
def test_a_unit_named_for_what_it_guards_keeps_its_whole_chain(
    extract: Extract, text: str, actor: str
) -> None:
    actors = _actors(extract(text))
    assert actor in actors, actors
    cut = {a for a in actors if a != actor and a in actor}
    assert not cut, f"a cut-short part of the name is an actor too: {cut}"


def test_a_protection_word_after_a_definite_force_names_no_unit(extract: Extract) -> None:
    actors = _actors(extract("فرضت القوات حماية مشددة على المبنى."))
    assert not any("حماية" in a for a in actors), actors


# --- a force named in quotes, members of a group ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("انسحب عناصر «قوات حماية المخيم» من الحاجز.", "قوات حماية المخيم"),
        ("سيطر فصيل «أحرار الفرات» على القرية.", "أحرار الفرات"),
        ("انسحبت قوات «درع البادية» من المعبر.", "درع البادية"),
        ("هاجم مقاتلو «كتيبة النصر المبين» الحاجز.", "كتيبة النصر المبين"),
        ("طرد الجيش عناصر مجموعة محلية من المخفر.", "مجموعة محلية"),
        ("اعتقلت الشرطة عناصر جماعة مسلحة قرب السوق.", "جماعة مسلحة"),
    ],
)
def test_members_of_a_group_are_the_group(extract: Extract, text: str, actor: str) -> None:
    mentions = _actor_mentions(extract(text))
    assert actor in mentions, mentions
    assert mentions[actor] == [actor], mentions[actor]  # neither the head before nor the quotes
    assert not any(a.startswith(("عناصر", "فصيل", "قوات «", "مقاتلو")) for a in mentions), mentions


def test_members_of_a_body_named_before_are_that_body(extract: Extract) -> None:
    facts = extract("سلمت الكتيبة المبنى إلى جهاز الأمن الوقائي. وتسلم عناصر الجهاز المبنى.")
    mentions = _actor_mentions(facts)
    assert mentions.get("جهاز الأمن الوقائي") == ["جهاز الأمن الوقائي", "الجهاز"], mentions
    assert "عناصر الجهاز" not in mentions


def test_fighters_of_the_tribes_stay_one_described_actor(extract: Extract) -> None:
    # a plural people after the members' head is no body named before
    actors = _actors(extract("اشتبك مقاتلو العشائر مع القوات قرب الحقل."))
    assert not any(a == "العشائر" for a in actors), actors


# --- a national force drawn from an actor --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "force", "parent"),
    [
        ("سلّمت القوات المطار إلى قوة إماراتية من التحالف.", "قوة إماراتية من التحالف", "التحالف"),
        ("وصلت قوة روسية من الشرطة العسكرية إلى المعبر.", "قوة روسية من الشرطة العسكرية", "الشرطة العسكرية"),
        ("انتشرت وحدة تركية من الجيش الوطني في القرية.", "وحدة تركية من الجيش الوطني", "الجيش الوطني"),
        ("تسلمت كتيبة سودانية من قوات حفظ السلام المعسكر.", "كتيبة سودانية من قوات حفظ السلام", None),
        ("دخلت سرية أمريكية من التحالف الدولي القاعدة.", "سرية أمريكية من التحالف الدولي", "التحالف الدولي"),
    ],
)
def test_a_national_force_from_an_actor_is_an_actor_of_its_own(
    extract: Extract, text: str, force: str, parent: str | None
) -> None:
    facts = extract(text)
    actors = _actors(facts)
    assert force in actors, actors
    if parent is not None:
        assert parent in actors, actors
    assert not any(e.type == "Place" for e in facts.entities), [e.label for e in facts.entities]


def test_the_definite_force_of_that_nationality_refers_back(extract: Extract) -> None:
    facts = extract("سلّمت القوات المطار إلى قوة إماراتية من التحالف. وقالت القوة الإماراتية إنها تسلمته.")
    mentions = _actor_mentions(facts)
    assert mentions.get("قوة إماراتية من التحالف") == ["قوة إماراتية من التحالف", "القوة الإماراتية"]


def test_a_force_of_another_nationality_does_not_refer_back(extract: Extract) -> None:
    facts = extract("وصلت قوة تركية من الجيش الوطني إلى القرية، ثم دخلت القوة الروسية المعبر.")
    mentions = _actor_mentions(facts)
    assert "القوة الروسية" in mentions, mentions
    assert "القوة الروسية" not in mentions.get("قوة تركية من الجيش الوطني", []), mentions


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("انسحب مسلحون من المعارضة التشادية من المعبر.", "المعارضة التشادية"),
        ("هاجم مقاتلون من المعارضة السورية حاجز الجيش.", "المعارضة السورية"),
        ("تسلل مسلحون من المقاومة الشعبية إلى القرية.", "المقاومة الشعبية"),
        ("انسحب عناصر من المعارضة المسلحة من البلدة.", "المعارضة المسلحة"),
        ("اقتحم مسلحون من العشائر مقر المجلس المدني.", "مسلحون من العشائر"),
    ],
)
def test_fighters_from_a_named_body_are_that_body(extract: Extract, text: str, actor: str) -> None:
    mentions = _actor_mentions(extract(text))
    assert actor in mentions, mentions
    assert mentions[actor] == [actor], mentions[actor]


# --- guards affiliated to an owner ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "guards", "owner"),
    [
        (
            "طردت الفصائل الحراس التابعين لـ«المجلس المحلي» من المبنى.",
            "الحراس التابعين لـ«المجلس المحلي»",
            "المجلس المحلي",
        ),
        (
            "اعتقل المسلحون الحراس التابعين لوزارة الداخلية.",
            "الحراس التابعين لوزارة الداخلية",
            "وزارة الداخلية",
        ),
        (
            "انسحب الحراس التابعون لـ«هيئة تحرير الشام» من المعبر.",
            "الحراس التابعون لـ«هيئة تحرير الشام»",
            "هيئة تحرير الشام",
        ),
        (
            "اشتبك المسلحون مع الحراس التابعين للمجلس العسكري قرب البوابة.",
            "الحراس التابعين للمجلس العسكري",
            "المجلس العسكري",
        ),
        (
            "أخرجت القوات الحراس التابعين لـ“الإدارة الذاتية” من المستودع.",
            "الحراس التابعين لـ“الإدارة الذاتية”",
            "الإدارة الذاتية",
        ),
    ],
)
def test_guards_affiliated_to_an_owner_are_an_actor_apart_from_it(
    extract: Extract, text: str, guards: str, owner: str
) -> None:
    facts = extract(text)
    mentions = {m for e in facts.entities if e.type == "Actor" for m in (x.text for x in e.mentions)}
    assert guards in mentions, mentions
    assert owner in _actors(facts), f"the owner {owner} is no actor of its own: {_actors(facts)}"


def test_guards_with_no_owner_name_no_actor(extract: Extract) -> None:
    assert not _actors(extract("وقف الحراس أمام المبنى طوال الليل."))


# --- groups that name themselves -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        (
            "استولت مجموعة مسلحة تطلق على نفسها اسم «سرايا أبناء البادية» على المجمع.",
            "سرايا أبناء البادية",
        ),
        ("هاجمت جماعة تُطلق على نفسها «كتائب الحق» حاجزاً للشرطة.", "كتائب الحق"),
        ("سيطرت مجموعة تسمي نفسها «الفوج الأول» على مبنى البلدية.", "الفوج الأول"),
        ("انسحب فصيل محلي يطلق على نفسه اسم «لواء الفتح المبين» من القرية.", "لواء الفتح المبين"),
        ("اقتحمت مجموعة مسلحة تعرف باسم «أسود الشرقية» مقر المجلس المحلي.", "أسود الشرقية"),
    ],
)
def test_a_group_that_names_itself_is_the_named_actor(extract: Extract, text: str, actor: str) -> None:
    facts = extract(text)
    actors = _actors(facts)
    assert actor in actors, actors
    described = {a for a in actors if a != actor and not a.startswith(("الشرطة", "المجلس"))}
    assert not described, f"the description is an actor too: {described}"
    agents = {r for e in facts.events for r in e.roles.get("agent", [])}
    named = {e.id for e in facts.entities if e.label == actor}
    assert not agents or agents <= named, "an event's agent is not the named group"


# --- operations commands named by a compass word and a place -------------------------------------


@pytest.mark.parametrize(
    ("text", "actor", "place"),
    [
        ("لكن قيادة عمليات غرب الأنبار نفت ذلك.", "قيادة عمليات غرب الأنبار", "الأنبار"),
        ("أعلنت قيادة عمليات جنوب بغداد انتشار قواتها.", "قيادة عمليات جنوب بغداد", "بغداد"),
        ("وقالت قيادة قطاع شرق الموصل إن الطريق مفتوح.", "قيادة قطاع شرق الموصل", "الموصل"),
        ("نفت قيادة عمليات شمال ديالى سيطرة المسلحين على الجسر.", "قيادة عمليات شمال ديالى", "ديالى"),
        ("أكدت قيادة محور غرب تعز استعادة التلة.", "قيادة محور غرب تعز", "تعز"),
    ],
)
def test_an_operations_command_keeps_its_compass_word_and_place(
    extract: Extract, text: str, actor: str, place: str
) -> None:
    facts = extract(text)
    assert actor in _actors(facts), _actors(facts)
    places = {m.text for e in facts.entities if e.type == "Place" for m in e.mentions}
    assert place not in places, f"the place inside the command's name is a mention of its own: {places}"


def test_a_compass_word_after_a_facility_still_ends_its_name(extract: Extract) -> None:
    facts = extract("سيطرت القوات على جسر سوبا شرقي الخرطوم.")
    labels = {e.label for e in facts.entities}
    assert not any("شرقي" in label for label in labels), labels


# --- descriptions that name no group ------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "اقتحمت «كتيبة الفاروق»، وهي مجموعة مسلحة محلية، مبنى البريد.",
        "سيطر «لواء الشمال»، وهو جماعة مسلحة قبلية، على الحاجز.",
        "انسحبت «سرايا الجبل»، وهي مجموعة مسلحة صغيرة، من القرية.",
        "قالت «كتائب النصر»، وهي جماعة مسلحة محلية، إنها دخلت البلدة.",
        "أعلن «تجمع الأحرار»، وهو مجموعة مسلحة عشائرية، سيطرته على المعبر.",
    ],
)
def test_a_description_in_apposition_names_no_group(extract: Extract, text: str) -> None:
    actors = _actors(extract(text))
    assert len(actors) == 1, f"the description is an actor too: {actors}"
    assert not any(a.startswith(("مجموعة", "جماعة")) for a in actors), actors


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("انسحب عناصر «حلف قبائل المهرة» من الميناء.", "حلف قبائل المهرة"),
        ("سيطر حلف قبائل حضرموت على الحقل النفطي.", "حلف قبائل حضرموت"),
        ("أعلن حلف قبائل الجوف رفضه للاتفاق.", "حلف قبائل الجوف"),
        ("اقتحم مسلحو حلف قبائل شبوة مقر الشركة.", "حلف قبائل شبوة"),
        ("وقال حلف قبائل بني ظبيان إن مقاتليه انسحبوا.", "حلف قبائل بني ظبيان"),
    ],
)
def test_a_tribal_alliance_is_one_actor(extract: Extract, text: str, actor: str) -> None:
    actors = _actors(extract(text))
    assert actor in actors, actors
    assert not any(a != actor and a in actor for a in actors), actors


def test_members_of_an_office_named_before_are_that_office(extract: Extract) -> None:
    facts = extract("توصلت الأسايش ومديرية أمن الحسكة إلى اتفاق انسحب بموجبه عناصر المديرية من فرع المرور.")
    mentions = _actor_mentions(facts)
    assert mentions.get("مديرية أمن الحسكة") == ["مديرية أمن الحسكة", "المديرية"], mentions
    assert "عناصر المديرية" not in mentions
