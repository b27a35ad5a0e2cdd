"""The event types added for issue 3, read from text: SiegeLifting, Reopening and Handover.

Each rule is a pattern of news Arabic (and English), so each is tested on several sentences of its kind,
and on the look-alikes it must leave alone: "رفعت الفصائل حواجزها" lifts no siege, "فتحت النار" opens no
road, "حتى فك الحصار" (until the siege is lifted) tells no lifting. The output of every sentence must pass
the SHACL shapes (what the shapes reject is never emitted), and none of the three touches control except
the handover, which passes the facility from the giver to the recipient.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

import pytest
from extract_helpers import control_tuples, entity_labels

from conflictkg.facts import ArticleFacts, Event
from conflictkg.model import article_graph
from conflictkg.settings import Settings
from conflictkg.validate import Validator

Extract = Callable[..., ArticleFacts]


@pytest.fixture
def extract(extract: Extract) -> Extract:
    """The session extractor, told the language of the text (English when it has no Arabic letter)."""

    def run(text: str) -> ArticleFacts:
        return extract(text, language="ar" if any("\u0600" <= c <= "\u06ff" for c in text) else "en")

    return run


@cache
def _validator() -> Validator:
    settings = Settings()
    return Validator.from_files(settings.shapes_file, settings.ontology_file)


def _events(facts: ArticleFacts, type_: str) -> list[Event]:
    return [e for e in facts.events if e.type == type_]


def _roles(facts: ArticleFacts, ev: Event) -> dict[str, set[str]]:
    names = entity_labels(facts)
    return {role: {names[v] for v in values} for role, values in ev.roles.items()}


def _valid(facts: ArticleFacts) -> None:
    report = _validator()(article_graph(facts))
    assert report.conforms, report.text()


# --- siege lifting ------------------------------------------------------------------------------------------

LIFTINGS = [
    # (text, besieger or None, a besieged label)
    ("فكّت قوات النظام الحصار عن حي الشيخ مقصود في مدينة حلب.", "قوات النظام", "الشيخ مقصود"),
    ("كسرت فصائل المعارضة الحصار المفروض على مدينة حلب.", "فصائل المعارضة", "حلب"),
    ("فكّت قوات الحشد الشعبي الطوق حول بلدة تلعفر.", "الحشد الشعبي", "تلعفر"),
    ("أنهت قوات النظام حصار مدينة درعا البلد بعد اتفاق مع اللجان المركزية.", "قوات النظام", "درعا"),
    ("أنهت قسد حصارها لحي طي في مدينة القامشلي.", "قوات سوريا الديمقراطية", "حي طي"),
    ("أعلنت قوات النظام رفع الحصار عن حي الشيخ مقصود.", "قوات النظام", "الشيخ مقصود"),
    ("The Syrian army lifted the siege of Deir ez-Zor on Tuesday.", "Syrian army", "دير الزور"),
]


@pytest.mark.parametrize(("text", "besieger", "besieged"), LIFTINGS)
def test_a_lifted_siege_is_a_lifting_not_a_siege(
    extract: Extract, text: str, besieger: str, besieged: str
) -> None:
    facts = extract(text)
    (lifting,) = _events(facts, "SiegeLifting")
    roles = _roles(facts, lifting)
    assert lifting.status == "asserted"
    assert roles["besieger"] == {besieger}
    assert besieged in roles["besieged"]
    assert _events(facts, "Siege") == [], "the lifted siege noun is no siege of its own"
    assert facts.control == []
    _valid(facts)


def test_a_siege_and_its_lifting_later_in_the_story(extract: Extract) -> None:
    facts = extract("حاصرت قوات النظام بلدة الأصابعة أسبوعاً، ثم فكّت الحصار صباح اليوم.")
    (siege,) = _events(facts, "Siege")
    (lifting,) = _events(facts, "SiegeLifting")
    # the lifting names nothing it freed: it lifts what the same besieger besieged
    assert _roles(facts, lifting)["besieged"] == _roles(facts, siege)["besieged"] == {"بلدة الأصابعة"}
    assert lifting.seq > siege.seq
    _valid(facts)


@pytest.mark.parametrize(
    "text",
    [
        "رفعت الفصائل حواجزها من محيط مدينة درعا.",  # removing its checkpoints: no siege named
        "وتستمر الإجراءات في القامشلي حتى فك الحصار عن الأحياء في حلب.",  # until the siege is lifted
        "ستبقى القوات في مواقعها لحين رفع الحصار عن مدينة تعز.",
        "أنهت قوات النظام اجتماعها مع وجهاء مدينة درعا.",  # ended a meeting
    ],
)
def test_lift_words_without_a_lifted_siege_tell_no_lifting(extract: Extract, text: str) -> None:
    facts = extract(text)
    assert _events(facts, "SiegeLifting") == []
    assert _events(facts, "Siege") == [], "the siege noun after a lift word is no siege either"


def test_a_negated_lifting_is_negated(extract: Extract) -> None:
    facts = extract("لم تفك قوات النظام الحصار عن حي الشيخ مقصود في مدينة حلب.")
    (lifting,) = _events(facts, "SiegeLifting")
    assert lifting.status == "negated"
    _valid(facts)


# --- reopening ----------------------------------------------------------------------------------------------

REOPENINGS = [
    ("أعادت هيئة تحرير الشام فتح معبر الغزاوية أمام المدنيين.", "هيئة تحرير الشام", "معبر الغزاوية"),
    ("أزالت قوات الأسايش حواجز قوات النظام في مدينة القامشلي.", "الأسايش", "حواجز قوات النظام"),
    ("The SDF reopened the Tayha crossing near Manbij.", "قوات سوريا الديمقراطية", "Tayha crossing"),
]


@pytest.mark.parametrize(("text", "agent", "target"), REOPENINGS)
def test_reopening_a_crossing_or_removing_checkpoints(
    extract: Extract, text: str, agent: str, target: str
) -> None:
    facts = extract(text)
    (reopening,) = _events(facts, "Reopening")
    roles = _roles(facts, reopening)
    assert roles["agent"] == {agent}
    assert roles["target"] == {target}
    assert _events(facts, "Deployment") == []
    assert facts.control == []
    _valid(facts)


def test_reopening_it_reopens_what_the_same_actor_closed(extract: Extract) -> None:
    facts = extract("أغلقت قسد معبر السكرية مع مناطق الجيش الوطني، وقالت إنها ستعيد فتحه الأسبوع المقبل.")
    (closure,) = _events(facts, "Closure")
    (reopening,) = _events(facts, "Reopening")
    assert _roles(facts, reopening)["target"] == _roles(facts, closure)["target"] == {"معبر السكرية"}
    assert reopening.status != "asserted"  # told by the actor about its future: opens nothing
    _valid(facts)


@pytest.mark.parametrize(
    "text",
    ["فتحت قوات النظام النار على مدينة درعا.", "فتحت النيابة تحقيقاً في مدينة حلب."],
)
def test_opening_fire_or_an_inquiry_is_no_reopening(extract: Extract, text: str) -> None:
    assert _events(extract(text), "Reopening") == []


# --- handover -----------------------------------------------------------------------------------------------

HANDOVERS = [
    (
        "سلّمت قسد مواقعها في قرية الصيادة لقوات النظام.",
        "قوات سوريا الديمقراطية",
        "قرية الصيادة",
        "قوات النظام",
    ),
    (
        "سلّمت قوات الدعم السريع مطار الخرطوم الدولي إلى الجيش السوداني يوم الأحد.",
        "قوات الدعم السريع",
        "مطار الخرطوم الدولي",
        "القوات المسلحة السودانية",
    ),
    (
        "Turkish forces handed over the Sheikh Aqil base to the Syrian National Army on Monday.",
        "القوات التركية",
        "Sheikh Aqil base",
        "الجيش الوطني السوري",
    ),
]


@pytest.mark.parametrize(("text", "giver", "target", "recipient"), HANDOVERS)
def test_a_handover_ends_the_givers_control_and_starts_the_recipients(
    extract: Extract, text: str, giver: str, target: str, recipient: str
) -> None:
    facts = extract(text)
    (handover,) = _events(facts, "Handover")
    roles = _roles(facts, handover)
    assert roles["agent"] == {giver}
    assert roles["target"] == {target}
    assert roles["beneficiary"] == {recipient}
    assert control_tuples(facts) == {(giver, target, "ended"), (recipient, target, "started")}
    _valid(facts)
    assert facts.to_json()["events"][0]["type"] == "Withdrawal"  # the schema's closed enum
    assert facts.to_json()["events"][0]["subtype"] == "Handover"


def test_a_handover_to_nobody_named_is_a_withdrawal(extract: Extract) -> None:
    facts = extract("سلّمت قسد مواقعها في قرية الصيادة.")
    assert _events(facts, "Handover") == []
    (withdrawal,) = _events(facts, "Withdrawal")
    assert _roles(facts, withdrawal)["agent"] == {"قوات سوريا الديمقراطية"}
    assert control_tuples(facts) == {("قوات سوريا الديمقراطية", "قرية الصيادة", "ended")}
    _valid(facts)


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("نفت قسد تسليم مطار القامشلي لقوات النظام.", "denied"),
        ("لن تسلّم قوات الدعم السريع مطار الخرطوم الدولي للجيش السوداني.", "negated"),
    ],
)
def test_a_handover_that_did_not_happen_moves_no_control(extract: Extract, text: str, status: str) -> None:
    facts = extract(text)
    (handover,) = _events(facts, "Handover")
    assert handover.status == status
    assert facts.control == []
    _valid(facts)
