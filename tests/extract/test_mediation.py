"""Talks, mediation and speech acts as news tells them: often without naming every participant.

A careful reader marks a negotiation even when its sides go unnamed ("بعد مفاوضات مطولة", "talks brokered
by Russia"); the mediator comes with a preposition (بوساطة، برعاية، بضمانة، بإشراف، "brokered by", "under the
auspices of"), a verb (توسط، رعى، "mediated"), or a relative clause (وساطة قادها X); and a statement's
speaker is often a description ("a GNU spokesman said", "قال مصدر في X", "بيان لـ X"). Each rule is a
pattern of news Arabic or English, so each is tested on several sentences of its kind and on look-alikes
it must leave alone; the output of every sentence must pass the SHACL shapes.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

import pytest

from conflictkg.facts import ArticleFacts, Event
from conflictkg.model import article_graph
from conflictkg.namespace import CKR_NS
from conflictkg.settings import Settings
from conflictkg.validate import Validator

Extract = Callable[..., ArticleFacts]
R = CKR_NS
RUSSIA, SDF, GOV, UN = R + "russian-forces", R + "sdf", R + "syrian-government", R + "united-nations"
ASAYISH, HTS, RSF = R + "asayish", R + "hts", R + "rsf"


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


def _valid(facts: ArticleFacts) -> None:
    report = _validator()(article_graph(facts))
    assert report.conforms, report.text()


def _events(facts: ArticleFacts, type_: str) -> list[Event]:
    return [e for e in facts.events if e.type == type_]


# --- a negotiation needs no named side ---------------------------------------------------------------------

UNNAMED_TALKS = [
    "بعد مفاوضات مطولة، انسحبت قوات الأسايش من مديرية المالية في القامشلي.",
    "انسحبت قوات الأسايش من مبنى مديرية المالية في القامشلي إثر وساطة عشائرية.",
    "وانسحبت هيئة تحرير الشام من معبر الغزاوية عقب اجتماع استمر ساعات.",
    "انطلقت جولة مفاوضات جديدة في مدينة القامشلي صباح اليوم.",
    "وجرت محادثات مغلقة في مطار القامشلي أمس.",
    "The Asayish withdrew from the finance directorate in Qamishli after lengthy negotiations.",
    "Talks were held in Qamishli on Monday.",
]


@pytest.mark.parametrize("text", UNNAMED_TALKS)
def test_talks_whose_sides_go_unnamed_are_a_negotiation(extract: Extract, text: str) -> None:
    facts = extract(text)
    (talks,) = _events(facts, "Negotiation")
    assert talks.status == "asserted"
    assert not talks.roles.get("party")
    _valid(facts)


# --- mediation phrases ---------------------------------------------------------------------------------------

MEDIATED_ACTS = [
    # (text, the mediator IRI): an act "بوساطة X" is a negotiation with X as mediator, next to the act
    ("انسحبت قوات الأسايش من مديرية المالية في القامشلي بوساطة القوات الروسية.", RUSSIA),
    ("انسحبت قوات الأسايش من مديرية المالية في القامشلي بوساطة من القوات الروسية.", RUSSIA),
    ("وبرعاية القوات الروسية، انسحبت قوات الأسايش من مديرية المالية في القامشلي.", RUSSIA),
    ("انسحبت قوات الدعم السريع من مطار الخرطوم بضمانة من الأمم المتحدة.", UN),
    ("سلّمت هيئة تحرير الشام معبر الغزاوية لفيلق الشام بوساطة القوات التركية.", R + "turkish-forces"),
    ("انسحبت الأسايش من مديرية المالية في القامشلي بعد وساطة قادتها القوات الروسية.", RUSSIA),
    ("انسحبت الأسايش من مديرية المالية في القامشلي بعد وساطة من القوات الروسية.", RUSSIA),
    ("The Asayish withdrew from the finance directorate after talks brokered by Russian forces.", RUSSIA),
]


@pytest.mark.parametrize(("text", "mediator"), MEDIATED_ACTS)
def test_a_mediation_phrase_tells_talks_with_their_mediator(
    extract: Extract, text: str, mediator: str
) -> None:
    facts = extract(text)
    (talks,) = _events(facts, "Negotiation")
    assert talks.roles["mediator"] == [mediator]
    assert mediator not in talks.roles.get("party", [])
    assert [e for e in facts.events if e.type in ("Withdrawal", "Handover")], "the mediated act is kept"
    _valid(facts)


@pytest.mark.parametrize(
    "text",
    [
        "انسحبت قوات الأسايش من مديرية المالية في القامشلي بوساطة روسية.",
        "وبوساطة أممية، وافقت قوات الدعم السريع على إخلاء مطار الخرطوم.",
        "انسحبت قوات الدعم السريع من مطار الخرطوم بضمانة أمريكية سعودية.",
    ],
)
def test_a_mediator_named_only_by_an_adjective_is_no_entity(extract: Extract, text: str) -> None:
    facts = extract(text)
    (talks,) = _events(facts, "Negotiation")
    assert "mediator" not in talks.roles
    _valid(facts)


AGREEMENTS_WITH_MEDIATORS = [
    # the mediation phrase gives the agreement of its sentence its mediator: no talks of their own
    ("توصلت قسد والنظام السوري إلى اتفاق بوساطة القوات الروسية.", RUSSIA),
    ("بوساطة من القوات الروسية، توصلت قسد والنظام السوري إلى اتفاق لتبادل الأسرى.", RUSSIA),
    ("اتفقت قسد والنظام السوري، برعاية القوات الروسية، على فتح معبر الطبقة.", RUSSIA),
    ("توصلت قسد والنظام السوري إلى اتفاق بإشراف الأمم المتحدة.", UN),
    ("توصلت قسد والنظام السوري إلى هدنة بوساطة أممية.", None),
]


@pytest.mark.parametrize(("text", "mediator"), AGREEMENTS_WITH_MEDIATORS)
def test_a_mediation_phrase_next_to_an_agreement_is_its_mediator(
    extract: Extract, text: str, mediator: str | None
) -> None:
    facts = extract(text)
    (agreement,) = _events(facts, "Agreement")
    assert agreement.roles.get("mediator", []) == ([mediator] if mediator else [])
    assert _events(facts, "Negotiation") == []
    _valid(facts)


MEDIATION_VERBS = [
    # (text, mediator, parties)
    ("توسطت القوات الروسية بين قسد والنظام السوري في القامشلي.", RUSSIA, {SDF, GOV}),
    (
        "وتتوسط الأمم المتحدة بين الحوثيين والحكومة اليمنية منذ أشهر.",
        UN,
        {R + "houthis", R + "yemeni-government"},
    ),
    ("رعت القوات الروسية محادثات بين قسد والنظام السوري في القامشلي.", RUSSIA, {SDF, GOV}),
    ("Russian forces mediated between the SDF and the Syrian government.", RUSSIA, {SDF, GOV}),
]


@pytest.mark.parametrize(("text", "mediator", "parties"), MEDIATION_VERBS)
def test_the_subject_of_a_mediation_verb_is_the_mediator_not_a_party(
    extract: Extract, text: str, mediator: str, parties: set[str]
) -> None:
    facts = extract(text)
    (talks,) = _events(facts, "Negotiation")
    assert talks.roles["mediator"] == [mediator]
    assert set(talks.roles["party"]) == parties
    _valid(facts)


def test_a_sponsoring_verb_after_an_agreement_gives_it_its_mediator(extract: Extract) -> None:
    facts = extract("انسحبت قوات الأسايش من المعبر بموجب اتفاق بين قسد والنظام السوري رعاه القوات الروسية.")
    (agreement,) = _events(facts, "Agreement")
    assert agreement.roles["mediator"] == [RUSSIA]
    assert _events(facts, "Negotiation") == [], "the sponsoring verb is told with the agreement"
    _valid(facts)


@pytest.mark.parametrize(
    "text",
    [
        # supervising an act is no negotiation
        "وتسلّم فيلق الشام معبر الغزاوية في عملية جرت بإشراف القوات التركية.",
        # an adjective made from the noun ("social"), no meeting
        "زار وفد من المجلس الاجتماعي مدينة القامشلي أمس.",
        # an interview a speaker talked in, no meeting of sides
        "وقال قائد في قسد في لقاء مع قناة محلية إن قواته انسحبت من مديرية المالية.",
        "وأكدت قسد في اجتماع صحفي أن قواتها انسحبت من مديرية المالية.",
        # a participle modifying an event noun, no act of mediation of its own
        "The Houthis reopened the road under an Omani-mediated arrangement.",
    ],
)
def test_look_alikes_tell_no_talks(extract: Extract, text: str) -> None:
    facts = extract(text)
    assert _events(facts, "Negotiation") == []


MEETINGS = [
    ("عقد اجتماع بين قسد والقوات الروسية في القامشلي.", {SDF, RUSSIA}),
    ("أجرت قسد محادثات مع القوات الروسية في القامشلي أمس.", {SDF, RUSSIA}),
    ("انطلقت جولة مفاوضات جديدة بين الحوثيين والحكومة اليمنية.", {R + "houthis", R + "yemeni-government"}),
    ("وجرت مباحثات بين هيئة تحرير الشام وفيلق الشام لإنهاء التوتر.", {HTS, R + "faylaq-al-sham"}),
    (
        "Talks between the Houthis and the Yemeni government were held under the auspices of the United Nations.",
        {R + "houthis", R + "yemeni-government"},
    ),
]


@pytest.mark.parametrize(("text", "parties"), MEETINGS)
def test_meetings_and_talks_name_their_sides(extract: Extract, text: str, parties: set[str]) -> None:
    facts = extract(text)
    (talks,) = _events(facts, "Negotiation")
    assert set(talks.roles["party"]) == parties
    _valid(facts)


# --- speakers named by a description -----------------------------------------------------------------------

DESCRIBED_SPEAKERS = [
    ("The Asayish withdrew from the finance directorate in Qamishli, an SDF spokesman said.", SDF),
    ("The Asayish withdrew from the finance directorate in Qamishli, an SDF statement said.", SDF),
    ("The Asayish withdrew from the finance directorate in Qamishli, an RSF official said.", RSF),
    ("The Asayish withdrew from the finance directorate in Qamishli, a source in the SDF said.", SDF),
    ("قال مصدر في قسد إن قوات الأسايش انسحبت من مديرية المالية.", SDF),
    ("قال متحدث باسم قسد إن قوات الأسايش انسحبت من مديرية المالية.", SDF),
    ("وذكر بيان لقسد أن قوات الأسايش انسحبت من مديرية المالية.", SDF),
    ("انسحبت قوات الأسايش من مديرية المالية، بحسب ما قاله مصدر في قسد.", SDF),
    ("انسحبت قوات الأسايش من مديرية المالية. وأكد متحدث باسمها أن الانسحاب تم بشكل منظم.", ASAYISH),
    (
        "سيطرت قوات الأسايش على مديرية المالية، في حين تحدثت قوات النظام عن صد الهجوم.",
        R + "syrian-government-forces",
    ),
]


@pytest.mark.parametrize(("text", "speaker"), DESCRIBED_SPEAKERS)
def test_the_actor_named_in_a_speakers_description_speaks(extract: Extract, text: str, speaker: str) -> None:
    facts = extract(text)
    (statement,) = _events(facts, "Statement")
    assert statement.roles["speaker"] == [speaker]
    _valid(facts)


@pytest.mark.parametrize(
    "text",
    [
        "The Asayish withdrew from the finance directorate in Qamishli, residents said.",
        "The Asayish withdrew from the finance directorate in Qamishli, a local official said.",
        "قالت مصادر محلية إن قوات الأسايش انسحبت من مديرية المالية.",
        "سيطرت قوات الأسايش على مديرية المالية، وقال سائقون إن الطريق مغلق.",
        "سيطرت قوات الأسايش على مديرية المالية، وأفاد مزارعون بأن الطريق مغلق.",
    ],
)
def test_said_with_no_actor_in_reach_is_no_statement(extract: Extract, text: str) -> None:
    facts = extract(text)
    assert _events(facts, "Statement") == []
    _valid(facts)


def test_a_statement_as_the_medium_of_a_denial_keeps_the_denial_scope(extract: Extract) -> None:
    facts = extract("نفت قسد، في بيان مساء أمس، انسحاب قوات الأسايش من مديرية المالية في القامشلي.")
    (denial,) = _events(facts, "Denial")
    (withdrawal,) = _events(facts, "Withdrawal")
    assert withdrawal.status == "denied" and denial.denies == [withdrawal.id]
    assert _events(facts, "Statement") == [], "في بيان is how the denial was made, not a second act"
    assert not any(p.ended_by for p in facts.control), "a denied withdrawal closes nothing"
    _valid(facts)


def test_reports_a_denial_rejects_stay_inside_its_scope(extract: Extract) -> None:
    facts = extract("نفت قسد التقارير التي تحدثت عن سيطرة قوات الأسايش على مديرية المالية في القامشلي.")
    (seizure,) = _events(facts, "Seizure")
    assert seizure.status == "denied"
    assert not any(p.started_by for p in facts.control)
    assert _events(facts, "Statement") == []
    _valid(facts)
