"""Breadth of the trigger vocabulary (issue 3): the many words news Arabic and English use for one kind
of event, each tried in a sentence of its own through the real extractor over the real gazetteer, and
the ambiguous readings of those words (دخل "income", فتح النار, سحب قراراً, نشر بياناً, "death toll")
that must yield no event. The lexicon tests check that each new lexeme is generated in the forms news
writes it in (tense, gender, number, verbal noun, participle, attached pronoun), so that one entry in
``triggers.json`` covers them all."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from extract_helpers import control_tuples, entity_labels

from conflictkg.extract.lexicon import load_lexicon
from conflictkg.extract.normalize import match_key
from conflictkg.facts import ArticleFacts, Event

#: (sentence, event type, agent label, target label or None, role of the target)
Case = tuple[str, str, str, str | None, str]


def _only(facts: ArticleFacts, event_type: str) -> Event:
    found = [e for e in facts.events if e.type == event_type]
    assert len(found) == 1, [(e.type, e.trigger.text if e.trigger else None) for e in facts.events]
    return found[0]


def _labels(facts: ArticleFacts, ev: Event, role: str) -> list[str]:
    names = entity_labels(facts)
    return [names[i] for i in ev.roles.get(role, [])]


SDF = "قوات سوريا الديمقراطية"
HTS = "هيئة تحرير الشام"
PMF = "الحشد الشعبي"
RSF = "قوات الدعم السريع"
GOV = "قوات النظام"
ASAYISH = "الأسايش"

SEIZURES: list[Case] = [
    ("استحوذت قوات الدعم السريع على مدينة الفاشر.", "Seizure", RSF, "الفاشر", "target"),
    ("انتزعت هيئة تحرير الشام بلدة سراقب.", "Seizure", HTS, "سراقب", "target"),
    ("اجتاحت قوات الدعم السريع مدينة الفاشر.", "Seizure", RSF, "الفاشر", "target"),
    ("أدى اجتياح قوات الدعم السريع لمدينة الفاشر إلى نزوح الآلاف.", "Seizure", RSF, "الفاشر", "target"),
    ("حرر الجيش السوري مدينة منبج.", "Seizure", GOV, "منبج", "target"),
    ("حررت هيئة تحرير الشام بلدة سراقب.", "Seizure", HTS, "سراقب", "target"),
    ("استلم الجيش السوري مدينة منبج.", "Seizure", GOV, "منبج", "target"),
    ("استلمت هيئة تحرير الشام بلدة سراقب.", "Seizure", HTS, "سراقب", "target"),
    ("أحكمت هيئة تحرير الشام قبضتها على بلدة سراقب.", "Seizure", HTS, "سراقب", "target"),
    ("بسطت هيئة تحرير الشام سيطرتها على بلدة سراقب.", "Seizure", HTS, "سراقب", "target"),
    ("تمكنت هيئة تحرير الشام من دخول بلدة سراقب.", "Seizure", HTS, "سراقب", "target"),
]

WITHDRAWALS: list[Case] = [
    ("غادرت قوات الحشد الشعبي مدينة سامراء.", "Withdrawal", PMF, "سامراء", "target"),
    ("غادر مقاتلو الحشد الشعبي مدينة سامراء.", "Withdrawal", PMF, "سامراء", "target"),
    ("خرجت قوات الحشد الشعبي من مدينة سامراء.", "Withdrawal", PMF, "سامراء", "target"),
    ("بدأ خروج قوات الحشد الشعبي من مدينة سامراء صباح اليوم.", "Withdrawal", PMF, "سامراء", "target"),
    ("تراجعت قوات الحشد الشعبي من مدينة سامراء.", "Withdrawal", PMF, "سامراء", "target"),
    ("فككت قوات الحشد الشعبي مواقعها في قرية البوعيثة.", "Withdrawal", PMF, "قرية البوعيثة", "target"),
]

OTHERS: list[Case] = [
    ("أطبقت قوات الدعم السريع الحصار على مدينة الفاشر.", "Siege", RSF, "الفاشر", "besieged"),
    ("ضربت قوات الدعم السريع طوقاً حول مدينة الفاشر.", "Siege", RSF, "الفاشر", "besieged"),
    ("فرضت قوات الدعم السريع طوقاً حول مدينة الفاشر.", "Siege", RSF, "الفاشر", "besieged"),
    ("أوصدت قوات الأسايش معبر سيمالكا.", "Closure", ASAYISH, "معبر سيمالكا", "target"),
    ("جبت قوات الأسايش رسوماً في معبر سيمالكا.", "Levy", ASAYISH, "معبر سيمالكا", "place"),
    ("استوفت قوات الأسايش رسوماً في معبر سيمالكا.", "Levy", ASAYISH, "معبر سيمالكا", "place"),
    ("فرضت قوات الأسايش مكوساً على الشاحنات في معبر سيمالكا.", "Levy", ASAYISH, "معبر سيمالكا", "place"),
    ("تفرض قوات الأسايش خوة على الشاحنات في معبر سيمالكا.", "Levy", ASAYISH, "معبر سيمالكا", "place"),
    ("أرسلت قوات الجيش السوري تعزيزات إلى مدينة منبج.", "Deployment", GOV, "منبج", "place"),
    ("دفعت قوات الجيش السوري بتعزيزات إلى مدينة منبج.", "Deployment", GOV, "منبج", "place"),
    ("وصلت تعزيزات لقوات الدعم السريع إلى مدينة الفاشر.", "Deployment", RSF, "الفاشر", "place"),
    ("تموضعت قوات الجيش السوري في مدينة منبج.", "Deployment", GOV, "منبج", "place"),
]

ENGLISH: list[Case] = [
    (
        "Houthi fighters wrested control of the port of Hodeidah on Monday.",
        "Seizure",
        "Houthi fighters",
        "الحديدة",
        "target",
    ),
    ("The Syrian army regained the town of Saraqib.", "Seizure", "Syrian army", "سراقب", "target"),
    ("The Syrian army liberated Saraqib on Monday.", "Seizure", "Syrian army", "سراقب", "target"),
    ("The Syrian army took back Saraqib on Monday.", "Seizure", "Syrian army", "سراقب", "target"),
    ("Rapid Support Forces swept into Nyala on Monday.", "Seizure", RSF, "نيالا", "target"),
    ("The SDF left Manbij on Monday.", "Withdrawal", SDF, "منبج", "target"),
    ("The SDF abandoned Manbij on Monday.", "Withdrawal", SDF, "منبج", "target"),
    ("The SDF's departure from Manbij came on Monday.", "Withdrawal", SDF, "منبج", "target"),
    ("HTS ousted Ahrar al-Sham from Saraqib.", "Expulsion", HTS, "سراقب", "target"),
    ("HTS forced out Ahrar al-Sham fighters from Saraqib.", "Expulsion", HTS, "سراقب", "target"),
    ("HTS pushed out Ahrar al-Sham fighters from Saraqib.", "Expulsion", HTS, "سراقب", "target"),
    (
        "The Asayish shuttered the Semalka crossing on Monday.",
        "Closure",
        ASAYISH,
        "Semalka crossing",
        "target",
    ),
    (
        "The Asayish cordoned off the Semalka crossing on Monday.",
        "Closure",
        ASAYISH,
        "Semalka crossing",
        "target",
    ),
    ("The Asayish collected fees at the Semalka crossing.", "Levy", ASAYISH, "Semalka crossing", "place"),
    (
        "The Syrian army sent reinforcements to Manbij on Monday.",
        "Deployment",
        "Syrian army",
        "منبج",
        "place",
    ),
    ("The Syrian army dispatched troops to Manbij.", "Deployment", "Syrian army", "منبج", "place"),
]


@pytest.mark.parametrize(("text", "event_type", "agent", "target", "role"), SEIZURES + WITHDRAWALS + OTHERS)
def test_an_arabic_trigger_word_tells_its_event(
    extract: Callable[..., ArticleFacts], text: str, event_type: str, agent: str, target: str, role: str
) -> None:
    facts = extract(text)
    ev = _only(facts, event_type)
    agent_role = "besieger" if event_type == "Siege" else "agent"
    assert ev.status == "asserted"
    assert _labels(facts, ev, agent_role) == [agent]
    assert _labels(facts, ev, role) == [target]
    expected = {"Seizure": "started", "Withdrawal": "ended"}.get(event_type)
    if expected is None:
        assert control_tuples(facts) == set()  # sieges, closures, levies, deployments move no control
    else:
        assert (agent, target, expected) in control_tuples(facts)


@pytest.mark.parametrize(("text", "event_type", "agent", "target", "role"), ENGLISH)
def test_an_english_trigger_word_tells_its_event(
    extract: Callable[..., ArticleFacts], text: str, event_type: str, agent: str, target: str, role: str
) -> None:
    facts = extract(text, language="en")
    ev = _only(facts, event_type)
    assert ev.status == "asserted"
    assert _labels(facts, ev, "agent") == [agent]
    assert _labels(facts, ev, role) == [target]
    if event_type == "Seizure":
        assert (agent, target, "started") in control_tuples(facts)
    elif event_type == "Withdrawal":
        assert (agent, target, "ended") in control_tuples(facts)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("تفاهمت قوات سوريا الديمقراطية مع الجيش السوري.", "ar"),
        ("وقعت قوات سوريا الديمقراطية اتفاقاً مع الجيش السوري.", "ar"),
        ("أبرمت قوات سوريا الديمقراطية اتفاقاً مع الجيش السوري.", "ar"),
        ("The SDF and the Syrian army signed a pact on Monday.", "en"),
    ],
)
def test_agreement_words_name_both_parties(
    extract: Callable[..., ArticleFacts], text: str, language: str
) -> None:
    facts = extract(text, language=language)
    ev = _only(facts, "Agreement")
    parties = set(_labels(facts, ev, "party"))
    assert SDF in parties and len(parties) == 2


@pytest.mark.parametrize("verb", ["تعهدت", "التزمت", "وعدت"])
def test_a_promise_is_planned_and_moves_no_control(extract: Callable[..., ArticleFacts], verb: str) -> None:
    facts = extract(f"{verb} قوات سوريا الديمقراطية بتسليم مدينة منبج.")
    promise = _only(facts, "Promise")
    assert promise.status == "hypothetical" and _labels(facts, promise, "agent") == [SDF]
    handover = _only(facts, "Withdrawal")
    assert handover.status == "hypothetical"
    assert control_tuples(facts) == set()


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("ذكرت قوات سوريا الديمقراطية أنها سيطرت على مدينة منبج.", "ar"),
        ("أوضحت قوات سوريا الديمقراطية أنها سيطرت على مدينة منبج.", "ar"),
        ("أشارت قوات سوريا الديمقراطية إلى أنها سيطرت على مدينة منبج.", "ar"),
        ("ادعت قوات سوريا الديمقراطية أنها سيطرت على مدينة منبج.", "ar"),
        ("زعمت قوات سوريا الديمقراطية أنها سيطرت على مدينة منبج.", "ar"),
    ],
)
def test_a_party_telling_its_own_seizure_is_a_claim(
    extract: Callable[..., ArticleFacts], text: str, language: str
) -> None:
    facts = extract(text, language=language)
    statement = _only(facts, "Statement")
    assert _labels(facts, statement, "speaker") == [SDF]
    assert _only(facts, "Seizure").status == "reported"
    assert control_tuples(facts) == set()


@pytest.mark.parametrize(
    ("text", "language", "denied_type"),
    [
        ("كذبت قوات سوريا الديمقراطية الأنباء عن سيطرتها على مدينة منبج.", "ar", "Seizure"),
        ("فندت قوات سوريا الديمقراطية الأنباء عن انسحابها من مدينة منبج.", "ar", "Withdrawal"),
        ("دحضت قوات سوريا الديمقراطية الأنباء عن انسحابها من مدينة منبج.", "ar", "Withdrawal"),
        ("The SDF refuted reports that it had seized Manbij.", "en", "Seizure"),
        ("The SDF rebutted reports that it had seized Manbij.", "en", "Seizure"),
    ],
)
def test_a_denial_word_denies_the_event_it_governs(
    extract: Callable[..., ArticleFacts], text: str, language: str, denied_type: str
) -> None:
    facts = extract(text, language=language)
    denied = _only(facts, denied_type)
    denial = _only(facts, "Denial")
    assert denied.status == "denied" and denial.denies == [denied.id]
    assert _labels(facts, denial, "speaker") == [SDF]
    assert not {t for t in control_tuples(facts) if t[2] in ("started", "ended")}


def test_proclaim_is_an_announcement(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("The SDF proclaimed control of Manbij.", language="en")
    assert _labels(facts, _only(facts, "Announcement"), "speaker") == [SDF]


# --- ambiguous readings: no event ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "language", "absent"),
    [
        ("دخل المعبر الشهري يبلغ مليون دولار.", "ar", "Seizure"),  # دخل: income
        ("فتحت قوات الأسايش النار على المحتجين قرب معبر سيمالكا.", "ar", "Reopening"),  # opened fire
        ("سحبت الإدارة الذاتية قرارها بإغلاق المدارس.", "ar", "Withdrawal"),  # withdrew a decision
        ("نشرت قوات سوريا الديمقراطية بياناً حول الاشتباكات في منبج.", "ar", "Deployment"),  # published
        ("ويعد هذا الحصار الأطول منذ بدء الحرب.", "ar", "Promise"),  # يُعدّ: is considered
        ("تراجعت قوات سوريا الديمقراطية عن قرارها.", "ar", "Withdrawal"),  # backed down
        ("خرجت مظاهرات في مدينة منبج.", "ar", "Withdrawal"),  # demonstrations went out
        ("خرج مطار القامشلي عن الخدمة.", "ar", "Withdrawal"),  # went out of service
        ("طالبت قوات الأسايش الموظفين بمغادرة مديرية المالية في القامشلي.", "ar", "Withdrawal"),  # staff
        ("تم ذلك بموجب تفاهمات سابقة بين الطرفين.", "ar", "Agreement"),  # a background reference
        ("The death toll rose to 20 after clashes in Manbij.", "en", "Levy"),
        ("The SDF cut off water supplies to Manbij.", "en", "Siege"),
        ("The state of emergency in Manbij ended on Monday.", "en", "Statement"),  # "state": no verb
        ("The ceasefire left the SDF in control of Manbij.", "en", "Withdrawal"),
        ("The SDF fighters left behind weapons in Manbij.", "en", "Withdrawal"),
    ],
)
def test_an_ambiguous_reading_tells_no_event(
    extract: Callable[..., ArticleFacts], text: str, language: str, absent: str
) -> None:
    facts = extract(text, language=language)
    assert [e.type for e in facts.events if e.type == absent] == []
    assert not {t for t in control_tuples(facts) if t[2] in ("started", "ended")}


@pytest.mark.parametrize(
    "text",
    [
        "ويذكر أن قوات سوريا الديمقراطية سيطرت على مدينة منبج عام 2019.",  # يُذكر أن: background
        "ذكرت مصادر محلية أن قوات سوريا الديمقراطية سيطرت على مدينة منبج.",  # an unnamed source
    ],
)
def test_the_outlets_own_reporting_stays_asserted(extract: Callable[..., ArticleFacts], text: str) -> None:
    facts = extract(text)
    assert _only(facts, "Seizure").status == "asserted"
    assert (SDF, "منبج", "started") in control_tuples(facts)


def test_a_quoted_statement_without_an_event_moves_no_control(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("قالت قوات سوريا الديمقراطية إن الوضع هادئ في مدينة منبج.")
    assert [e.type for e in facts.events] == ["Statement"]
    assert facts.control == []


# --- generated forms -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("event_type", "forms"),
    [
        (
            "Seizure",
            [
                "استحوذت",
                "استحواذ",
                "استحواذها",
                "انتزعت",
                "انتزعوا",
                "تنتزع",
                "انتزاع",
                "انتزاعها",
                "اجتاحت",
                "يجتاحون",
                "اجتياحها",
            ],
        ),
        ("Seizure", ["حررت", "حرروا", "استلمت", "استلموا", "يستلم", "استلام", "استلامها", "قبضتها"]),
        ("Withdrawal", ["غادرت", "غادروا", "تغادر", "غادرها", "خرجت", "خرجوا", "خروج", "خروجها"]),
        ("Withdrawal", ["تراجعت", "تراجعوا", "يتراجع", "فككت", "فككوا", "تفكيك", "تفكيكها"]),
        ("Siege", ["أطبقت", "أطبقوا", "إطباق"]),
        ("Closure", ["أوصدت", "توصد", "إيصاد"]),
        ("Levy", ["جبت", "جبوا", "يجبي", "مكوس", "خوة", "خوات"]),
        ("Deployment", ["تموضعت", "يتموضع", "تموضع", "تعزيزات", "التعزيزات"]),
        ("Agreement", ["تفاهمت", "تفاهموا", "التفاهم", "اتفاقات", "مصالحة"]),
        ("Promise", ["تعهدت", "تعهدوا", "يتعهد", "التزمت", "التزموا", "التزام", "التزامها"]),
        (
            "Statement",
            ["ذكرت", "ذكروا", "أوضحت", "يوضح", "أشارت", "أشاروا", "ادعت", "ادعوا", "زعمت", "زعموا"],
        ),
        ("Denial", ["كذبت", "تكذيب", "فندت", "تفنيد", "دحضت", "يدحض"]),
    ],
)
def test_every_form_of_a_new_lexeme_is_generated(event_type: str, forms: list[str]) -> None:
    triggers = load_lexicon().triggers
    wrong = {f: (triggers[match_key(f)].event_type if match_key(f) in triggers else None) for f in forms}
    assert {f: t for f, t in wrong.items() if t != event_type} == {}


@pytest.mark.parametrize("form", ["يذكر", "ويذكر", "يعد", "ويعد", "تعد", "مغادرة", "دوريات", "تفاهمات"])
def test_an_ambiguous_form_is_no_trigger(form: str) -> None:
    """يُذكر أن / يُعدّ: formulas of the outlet; مغادرة, دوريات, تفاهمات: too often no event of their own."""
    assert match_key(form) not in load_lexicon().triggers


@pytest.mark.parametrize(
    ("form", "event_type"),
    [
        ("يستولون", "Seizure"),
        ("سيستولون", "Seizure"),
        ("يخلون", "Withdrawal"),
        ("يخلوها", "Withdrawal"),
        ("ينفون", "Denial"),
        ("تنفون", "Denial"),
        ("يجبون", "Levy"),
    ],
)
def test_a_defective_verb_drops_its_final_ya_before_the_plural(form: str, event_type: str) -> None:
    """ينفي -> ينفون (not ينفيون): the plural of a verb ending in ي is built on the stem without it."""
    found = load_lexicon().triggers.get(match_key(form))
    assert found is not None and found.event_type == event_type


def test_a_defective_plural_is_read_in_a_sentence(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("بدأ مقاتلو الحشد الشعبي يخلون مواقعهم في قرية البوعيثة.")
    ev = _only(facts, "Withdrawal")
    assert _labels(facts, ev, "agent") == [PMF] and _labels(facts, ev, "target") == ["قرية البوعيثة"]
    facts = extract("عناصر الحشد الشعبي يستولون على مباني مدينة سامراء.")
    assert _labels(facts, _only(facts, "Seizure"), "agent") == [PMF]
