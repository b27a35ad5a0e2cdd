"""English recall rules: subjects before plans, coordinated verbs and relative clauses, coordinated
subjects, support verbs a few words before a noun, pronoun objects, held control, and names whose
adjective or antecedent comes from the same sentence."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from extract_helpers import control_tuples
from extract_helpers import english_labels as _labels
from extract_helpers import events_of as _events

from conflictkg.facts import ArticleFacts

EN = date(2024, 2, 8)


def test_the_subject_stands_before_a_plan_marker(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract(
        "Turkish forces are scheduled to hand over the Tal Halaf base to the Syrian National Army.", EN, "en"
    )
    (ev,) = _events(facts, "Handover")  # a named recipient: a handover
    assert _labels(facts, ev.roles["agent"]) == ["Turkish forces"]
    assert _labels(facts, ev.roles["beneficiary"]) == ["Syrian National Army"]
    assert ev.status == "hypothetical"
    assert _control(facts) == set()  # a plan opens and closes nothing


def test_coordinated_verbs_share_their_subject(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("Rapid Support Forces fighters looted and occupied the Omdurman grain depot.", EN, "en")
    (ev,) = _events(facts, "Seizure")
    assert facts.entity(ev.roles["agent"][0]).label_en == "Rapid Support Forces"
    assert _labels(facts, ev.roles["target"]) == ["grain depot"]


def test_a_relative_clause_takes_its_subject_from_the_antecedent(
    extract: Callable[..., ArticleFacts],
) -> None:
    facts = extract(
        "Government forces withdrew from the Raqqa cotton silos after a deal with the local council, "
        "which took over the site on Thursday.",
        EN,
        "en",
    )
    (seizure,) = _events(facts, "Seizure")
    assert _labels(facts, seizure.roles["agent"]) == ["local council"]
    # "the site" is the silos told before in the same sentence
    assert _labels(facts, seizure.roles["target"]) == ["cotton silos"]
    assert ("local council", "cotton silos", "started") in _control(facts)


def test_coordinated_subjects_are_both_parties(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("The SDF and the Syrian government will hold a new round of talks in Qamishli.", EN, "en")
    (ev,) = _events(facts, "Negotiation")
    assert len(ev.roles["party"]) == 2
    assert ev.status == "hypothetical"


def test_a_pronoun_object_points_at_the_latest_facility(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract(
        "The Syrian Arab Army retook the Hamidiyah barracks on Monday, days after Islamic State fighters had overrun it.",
        EN,
        "en",
    )
    seizures = _events(facts, "Seizure")
    assert len(seizures) == 2
    # as written: a gazetteer that knows Hamidiyah labels the barracks "barracks", located in it
    written = {e.id: [m.text for m in e.mentions] for e in facts.entities}
    assert all(
        len(ev.roles["target"]) == 1 and "Hamidiyah barracks" in written[ev.roles["target"][0]]
        for ev in seizures
    )
    assert seizures[0].roles["target"] == seizures[1].roles["target"]


def test_control_phrasal_triggers(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("The SDF regained full control of the Ghweiran prison on Monday.", EN, "en")
    (ev,) = _events(facts, "Seizure")
    assert _labels(facts, ev.roles["target"]) == ["Ghweiran prison"]


def test_still_holds_and_in_control_of_give_held_control(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract(
        "The SDF still holds the Tishreen dam. Government forces remain in control of the Nyala airport.",
        EN,
        "en",
    )
    assert _events(facts, "Seizure") == []  # a state is no event
    held = {(h, f) for h, f, status in _control(facts) if status == "held"}
    assert held == {("Syrian Democratic Forces", "Tishreen dam"), ("Government forces", "airport")}


def test_under_the_control_of_names_the_holder_after_it(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract(
        "Iraqi security forces did not enter the Sinjar district council building, and the building "
        "remains under the control of Yazidi fighters.",
        EN,
        "en",
    )
    (entered,) = _events(facts, "Seizure")
    assert entered.status == "negated"
    assert _control(facts) == {("Yazidi fighters", "district council building", "held")}


def test_local_before_a_head_belongs_to_the_name(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("The local council took over the Manbij water station.", EN, "en")
    (ev,) = _events(facts, "Seizure")
    assert _labels(facts, ev.roles["agent"]) == ["local council"]


def test_reopening_a_crossing_is_a_road_opening(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("The Kurdistan Regional Government reopened the Faysh Khabur crossing.", EN, "en")
    (ev,) = _events(facts, "Reopening")
    assert _labels(facts, ev.roles["agent"]) == ["Kurdistan Regional Government"]


def _control(facts: ArticleFacts) -> set[tuple[str, str, str]]:
    return control_tuples(facts, english=True)
