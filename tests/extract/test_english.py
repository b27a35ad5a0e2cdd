"""English reading: triggers from generated inflections, English frames and heads, shared entity IRIs."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from conflictkg.extract.english import inflect_verb, load_english
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
    ("base", "irregular", "forms"),
    [
        ("seize", {}, {"seize", "seizes", "seized", "seizing"}),
        ("deny", {"past": "denied"}, {"deny", "denies", "denied", "denying"}),
        (
            "withdraw",
            {"past": "withdrew", "pp": "withdrawn"},
            {"withdraw", "withdraws", "withdrew", "withdrawn"},
        ),
        ("storm", {}, {"storm", "storms", "stormed", "storming"}),
    ],
)
def test_verb_inflections_are_generated_from_the_base(
    base: str, irregular: dict[str, str], forms: set[str]
) -> None:
    assert forms <= set(inflect_verb(base, **irregular))


def test_multiword_triggers_are_keyed_by_their_first_word() -> None:
    data = load_english()
    seqs = {seq for seq, form in data.triggers["took"] if form.event_type == "Seizure"}
    assert ("took", "over") in seqs
    assert any(
        form.event_type == "Withdrawal" for seq, form in data.triggers["pulled"] if seq == ("pulled", "out")
    )


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
