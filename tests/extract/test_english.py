"""English reading: triggers from generated inflections, English frames and heads, shared entity IRIs."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from conflictkg.extract import Extractor
from conflictkg.extract.english import verb_form
from conflictkg.facts import ArticleFacts, Event
from conflictkg.namespace import CKR_NS

R = CKR_NS
EN = date(2024, 2, 8)


def _one(facts: ArticleFacts, kind: str) -> Event:
    found = [e for e in facts.events if e.type == kind]
    assert len(found) == 1, [(e.type, e.roles) for e in facts.events]
    return found[0]


def _labels(facts: ArticleFacts, iris: list[str]) -> list[str]:
    return [facts.entity(i).label for i in iris]


@pytest.mark.parametrize(
    ("word", "lemma"),
    [
        ("took", "take"),
        ("taken", "take"),
        ("withdrew", "withdraw"),
        ("overran", "overrun"),
        ("besieged", "besiege"),
        ("talks", "talk"),
        ("fighters", "fighter"),
        ("denied", "deny"),
        ("Qamishli", "Qamishli"),  # unknown words stay as they are
    ],
)
def test_the_lookup_lemmatizer_gives_dictionary_lemmas(extractor: Extractor, word: str, lemma: str) -> None:
    assert extractor.english.lemma(word.lower()) == lemma.lower()


@pytest.mark.parametrize(
    ("word", "lemma", "kind"),
    [
        ("seize", "seize", "verb"),
        ("seizes", "seize", "verb"),
        ("denies", "deny", "verb"),
        ("seized", "seize", "past"),
        ("withdrawn", "withdraw", "past"),
        ("storming", "storm", "ing"),
    ],
)
def test_the_verb_form_comes_from_surface_and_lemma(word: str, lemma: str, kind: str) -> None:
    assert verb_form(word, lemma) == kind


def test_multiword_triggers_are_keyed_by_the_lemma_of_their_first_word(extractor: Extractor) -> None:
    data = extractor.english
    seqs = {rest for rest, form in data.triggers["take"] if form.event_type == "Seizure"}
    assert ("over",) in seqs and ("control", "of") in seqs
    assert "took" not in data.triggers  # inflections are not listed: the lemmatizer reads them
    assert any(form.event_type == "Withdrawal" for rest, form in data.triggers["pull"] if rest == ("out",))


@pytest.mark.parametrize(
    "sentence",
    [
        "The SDF took over the Qamishli airport.",
        "The SDF takes over the Qamishli airport.",
        "The SDF has taken over the Qamishli airport.",
        "The SDF is taking over the Qamishli airport.",
    ],
)
def test_every_inflection_of_a_phrasal_trigger_is_read(
    extract: Callable[..., ArticleFacts], sentence: str
) -> None:
    seizure = _one(extract(sentence, EN, "en"), "Seizure")
    assert seizure.roles == {"agent": [R + "sdf"], "target": [R + "qamishli-airport"]}


def test_a_noun_trigger_is_read_in_singular_and_plural_only(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("According to the SDF, the Asayish seized the Qamishli airport.", EN, "en")
    assert [e.type for e in facts.events] == ["Seizure"]  # "according" is no "accord"


def test_subject_verb_object_with_a_head_noun_target(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract(
        "Rapid Support Forces fighters stormed the headquarters of the state water corporation in Nyala on Tuesday.",
        EN,
        "en",
    )
    seizure = _one(facts, "Seizure")
    assert seizure.roles["agent"] == [R + "rsf"]
    assert _labels(facts, seizure.roles["target"]) == ["headquarters of the state water corporation"]
    assert (
        seizure.status == "asserted" and seizure.time is not None and seizure.time.exact == date(2024, 2, 6)
    )


def test_a_definite_description_refers_back_and_control_closes(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract(
        "On Tuesday, the Fajr Brigade seized the Abu Salim municipal council building. "
        "On Wednesday the brigade withdrew from the municipal council building.",
        EN,
        "en",
    )
    seizure, withdrawal = _one(facts, "Seizure"), _one(facts, "Withdrawal")
    assert seizure.roles["agent"] == withdrawal.roles["agent"]
    assert _labels(facts, seizure.roles["agent"]) == ["Fajr Brigade"]
    assert seizure.roles["target"] == withdrawal.roles["target"]
    [period] = facts.control
    assert (period.started_by, period.ended_by) == (seizure.id, withdrawal.id)


def test_talks_between_parties_brokered_by_a_mediator(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract(
        "Negotiations between the SDF and the Syrian government, brokered by Russian forces, began on Monday.",
        EN,
        "en",
    )
    talks = _one(facts, "Negotiation")
    assert talks.roles["party"] == [R + "sdf", R + "syrian-government"]
    assert talks.roles["mediator"] == [R + "russian-forces"]


def test_passive_by_agent_and_a_lifted_siege(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract(
        "The Sheikh Maqsoud neighbourhood was besieged by the 4th Division. Later the 4th Division lifted the siege.",
        EN,
        "en",
    )
    siege = _one(facts, "Siege")
    assert siege.roles == {"besieged": [R + "sheikh-maqsoud"], "besieger": [R + "fourth-division"]}


def test_a_denial_scopes_what_follows_it(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("The SDF denied that its fighters had seized the Qamishli airport.", EN, "en")
    denial, seizure = _one(facts, "Denial"), _one(facts, "Seizure")
    assert seizure.status == "denied" and denial.denies == [seizure.id]
    assert seizure.roles == {"agent": [R + "sdf"], "target": [R + "qamishli-airport"]}
    assert facts.control == []


def test_negation_and_plans(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract(
        "Turkish forces did not withdraw from Manbij. The SDF will withdraw from Raqqa next week.", EN, "en"
    )
    statuses = sorted((e.status, e.roles["target"][0]) for e in facts.events if e.type == "Withdrawal")
    assert statuses == [("hypothetical", R + "raqqa"), ("negated", R + "manbij")]
    assert facts.control == []


def test_an_english_report_yields_the_arabic_reports_entity_iris(
    extract: Callable[..., ArticleFacts],
) -> None:
    ar = extract("انسحبت قوات الأسايش من مديرية المالية في مدينة القامشلي بعد مفاوضات برعاية القوات الروسية.")
    en = extract(
        "The Asayish withdrew from the finance directorate in Qamishli after talks mediated by Russian forces.",
        EN,
        "en",
    )
    assert {e.id for e in ar.entities} == {e.id for e in en.entities}
    assert _one(ar, "Withdrawal").roles == _one(en, "Withdrawal").roles


def test_an_unnamed_speaker_is_nobody_known(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("The SDF closed the Tal Tamr checkpoint on Monday, residents said.", EN, "en")
    assert [e.type for e in facts.events] == ["Closure"]
    assert facts.events[0].roles["agent"] == [R + "sdf"]
    facts = extract(
        "The SDF closed the Tal Tamr checkpoint on Monday, and the SDF said it was temporary.", EN, "en"
    )
    assert sorted(e.type for e in facts.events) == ["Closure", "Statement"]
