"""English reading, round 7: handing over by "cede" and "relinquish", verbs told again with a
hyphenated "re-" ("re-entered", "re-took"), a passive subject before a "which" clause ("The dam, which
supplies X, was seized by Y"), the passive "by" agent that is a bare institution ("seized by the army"),
hills and heights as places, and definite descriptions of a named armed actor or an oilfield ("the
paramilitary group", "the force", "the field") that refer back to it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from extract_helpers import control_tuples, english_labels, entity_labels, events_of

from conflictkg.facts import ArticleFacts

EN = date(2024, 2, 8)


def _control(facts: ArticleFacts) -> set[tuple[str, str, str]]:
    return control_tuples(facts, english=True)


def _roles(facts: ArticleFacts, kind: str) -> list[dict[str, list[str]]]:
    """The roles of every event of ``kind``, as English labels."""
    return [{r: english_labels(facts, iris) for r, iris in e.roles.items()} for e in events_of(facts, kind)]


# ------------------------------------------------------------------ cede / relinquish
@pytest.mark.parametrize(
    ("text", "giver", "target", "receiver"),
    [
        (
            "The SDF ceded the Tishrin dam to the army on Wednesday.",
            "Syrian Democratic Forces",
            "Tishrin dam",
            "army",
        ),
        (
            "Houthi fighters ceded the Al-Salif port to government forces under the deal.",
            "Houthi fighters",
            "Al-Salif port",
            "government forces",
        ),
        (
            "The Wagner Group relinquished the Jufra airbase to the Libyan National Army.",
            "Wagner Group",
            "Jufra airbase",
            "Libyan National Army",
        ),
        (
            "The Peshmerga relinquished the Gwer bridge checkpoint to Iraqi army troops on Sunday.",
            "Peshmerga",
            "Gwer bridge checkpoint",
            "Iraqi army troops",
        ),
        (
            "The Rapid Support Forces ceded the Hantoub bridge to the army after the talks.",
            "Rapid Support Forces",
            "Hantoub bridge",
            "army",
        ),
    ],
)
def test_ceding_a_site_to_an_actor_is_a_handover(
    extract: Callable[..., ArticleFacts], text: str, giver: str, target: str, receiver: str
) -> None:
    facts = extract(text, EN, "en")
    assert _roles(facts, "Handover") == [{"agent": [giver], "target": [target], "beneficiary": [receiver]}]
    assert _control(facts) == {(giver, target, "ended"), (receiver, target, "started")}


def test_ceding_with_no_receiver_is_a_withdrawal(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("The Rapid Support Forces ceded the Jebel Aulia bridge on Friday.", EN, "en")
    assert _roles(facts, "Withdrawal") == [
        {"agent": ["Rapid Support Forces"], "target": ["Jebel Aulia bridge"]}
    ]
    assert _control(facts) == {("Rapid Support Forces", "Jebel Aulia bridge", "ended")}


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Peshmerga forces did not cede the Gwer bridge to the Popular Mobilisation Forces.", "negated"),
        ("The SDF denied that it had ceded the Tishrin dam to the army.", "denied"),
        ("The SDF is expected to cede the Tishrin dam to the army next month.", "hypothetical"),
    ],
)
def test_a_cession_not_asserted_opens_and_closes_nothing(
    extract: Callable[..., ArticleFacts], text: str, status: str
) -> None:
    facts = extract(text, EN, "en")
    assert [e.status for e in events_of(facts, "Handover")] == [status]
    assert _control(facts) == set()


# ------------------------------------------------------------------ "re-" before a verb
@pytest.mark.parametrize(
    ("text", "agent", "target"),
    [
        ("Army troops re-entered Manbij on Friday.", "Army troops", "Manbij"),
        ("SDF units re-took the Omar oilfield on Monday.", "Syrian Democratic Forces", "Omar oilfield"),
        (
            "The Rapid Support Forces re-occupied the Um Sumeima fuel depot at dawn.",
            "Rapid Support Forces",
            "Um Sumeima fuel depot",
        ),
        (
            "Turkish-backed factions re-seized the Tishrin dam on Sunday.",
            "Turkish-backed factions",
            "Tishrin dam",
        ),
        (
            "Government forces re-entered the town of Sinja after the fighting.",
            "Government forces",
            "Senga",
        ),
    ],
)
def test_a_verb_told_again_with_re_is_the_verbs_event(
    extract: Callable[..., ArticleFacts], text: str, agent: str, target: str
) -> None:
    facts = extract(text, EN, "en")
    assert _roles(facts, "Seizure") == [{"agent": [agent], "target": [target]}]
    assert _control(facts) == {(agent, target, "started")}


def test_re_before_a_word_that_is_no_event_verb_tells_nothing(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("The local council re-elected its head and re-opened talks on the budget.", EN, "en")
    assert [e.type for e in facts.events if e.type in ("Seizure", "Withdrawal", "Handover")] == []
    assert _control(facts) == set()


# ------------------------------------------------------------------ passive subject before "which"
@pytest.mark.parametrize(
    ("text", "kind", "target", "agent"),
    [
        (
            "The Al-Baath dam, which supplies water to Raqqa, was seized by the Syrian army on Friday.",
            "Seizure",
            "Al-Baath dam",
            "Syrian army",
        ),
        (
            "The Tishrin dam, which the SDF had held since 2016, was taken over by Turkish-backed factions.",
            "Seizure",
            "Tishrin dam",
            "Turkish-backed factions",
        ),
        (
            "The Jufra airbase, which lies south of Sirte, was captured by the Libyan National Army on Tuesday.",
            "Seizure",
            "Jufra airbase",
            "Libyan National Army",
        ),
        (
            "The Um Sumeima fuel depot, which supplies El Obeid, was stormed by the Rapid Support Forces.",
            "Seizure",
            "Um Sumeima fuel depot",
            "Rapid Support Forces",
        ),
        (
            "The Tabbat al-Dhahab hilltop, which overlooks the coastal road, was captured by the Giants "
            "Brigades early Monday.",
            "Seizure",
            "Tabbat al-Dhahab hilltop",
            "Giants Brigades",
        ),
    ],
)
def test_the_passive_subject_before_a_which_clause_is_the_target(
    extract: Callable[..., ArticleFacts], text: str, kind: str, target: str, agent: str
) -> None:
    facts = extract(text, EN, "en")
    assert _roles(facts, kind) == [{"target": [target], "agent": [agent]}]
    assert (agent, target, "started") in _control(facts)


def test_a_handover_in_the_passive_after_a_which_clause(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract(
        "The Al-Salam bridge, which links the two districts, was handed over to the Syrian army by "
        "Houthi fighters.",
        EN,
        "en",
    )
    assert _roles(facts, "Handover") == [
        {"target": ["Al-Salam bridge"], "beneficiary": ["Syrian army"], "agent": ["Houthi fighters"]}
    ]
    assert _control(facts) == {
        ("Houthi fighters", "Al-Salam bridge", "ended"),
        ("Syrian army", "Al-Salam bridge", "started"),
    }


# ------------------------------------------------------------------ passive "by" + bare institution
@pytest.mark.parametrize(
    ("text", "kind", "roles"),
    [
        (
            "The Al-Baath dam was seized by the army on Friday.",
            "Seizure",
            {"target": ["Al-Baath dam"], "agent": ["army"]},
        ),
        (
            "The Jufra airbase was taken over by police on Tuesday.",
            "Seizure",
            {"target": ["Jufra airbase"], "agent": ["police"]},
        ),
        (
            "The Omar oilfield was captured by the military at dawn.",
            "Seizure",
            {"target": ["Omar oilfield"], "agent": ["military"]},
        ),
        (
            "The Gwer bridge checkpoint was stormed by the army on Sunday.",
            "Seizure",
            {"target": ["Gwer bridge checkpoint"], "agent": ["army"]},
        ),
        (
            "The Nour hospital was besieged by the army for a week.",
            "Siege",
            {"besieged": ["Nour hospital"], "besieger": ["army"]},
        ),
    ],
)
def test_a_bare_institution_after_a_passive_by_is_the_doer(
    extract: Callable[..., ArticleFacts], text: str, kind: str, roles: dict[str, list[str]]
) -> None:
    facts = extract(text, EN, "en")
    assert _roles(facts, kind) == [roles]


# ------------------------------------------------------------------ hills and heights
@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("The army seized the Jebel Moya heights on Thursday.", "Jebel Moya heights"),
        ("Houthi fighters captured the Tabbat al-Dhahab hilltop on Monday.", "Tabbat al-Dhahab hilltop"),
        ("The RSF withdrew from the Jebel Aulia ridge on Friday.", "Jebel Aulia ridge"),
        ("The Peshmerga took over the Zartak hill overnight.", "Zartak hill"),
        ("The army entered Kafr Nabudah, a hilltop town north of Hama, on Monday.", "Kafr Nabudah"),
    ],
)
def test_hills_heights_and_ridges_are_places(
    extract: Callable[..., ArticleFacts], text: str, place: str
) -> None:
    facts = extract(text, EN, "en")
    types = {label: e.type for e in facts.entities for label in [entity_labels(facts, english=True)[e.id]]}
    assert types[place] == "Place"
    assert any(place == target for _, target, _ in _control(facts))


def test_a_hilltop_village_in_apposition_is_a_place_of_its_own(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract(
        "Regime units failed on Tuesday to retake Tal Malah, a hilltop village north of Hama that HTS has "
        "controlled since 2019.",
        EN,
        "en",
    )
    names = entity_labels(facts, english=True)
    assert [names[e.id] for e in facts.entities if e.type == "Place" and names[e.id] == "Tal Malah"] == [
        "Tal Malah"
    ]
    assert _control(facts) == {("Hayat Tahrir al-Sham", "Tal Malah", "held")}


# ------------------------------------------------------------------ definite descriptions
@pytest.mark.parametrize(
    ("text", "kind", "agent", "target"),
    [
        (
            "Federal police guarded the Bai Hassan oilfield. The force took over the field in 2017.",
            "Seizure",
            "Federal police",
            "Bai Hassan oilfield",
        ),
        (
            "The Rapid Support Forces shelled El Obeid on Monday. The paramilitary group later withdrew "
            "from the Kazgil market.",
            "Withdrawal",
            "Rapid Support Forces",
            "Kazgil market",
        ),
        (
            "The Rapid Support Forces entered Wad Madani in December. The paramilitary force later "
            "withdrew from the Hantoub bridge.",
            "Withdrawal",
            "Rapid Support Forces",
            "Hantoub bridge",
        ),
        (
            "Federal police reached Kirkuk on Monday. The force took over the North Oil Company headquarters.",
            "Seizure",
            "Federal police",
            "North Oil Company headquarters",
        ),
        (
            "Peshmerga forces guarded the Khurmala oilfield. The Peshmerga abandoned the field on Monday.",
            "Withdrawal",
            "Peshmerga",
            "Khurmala oilfield",
        ),
    ],
)
def test_a_definite_description_refers_back_to_the_named_actor_or_field(
    extract: Callable[..., ArticleFacts], text: str, kind: str, agent: str, target: str
) -> None:
    facts = extract(text, EN, "en")
    assert {"agent": [agent], "target": [target]} in [
        {r: v for r, v in roles.items() if r in ("agent", "target")} for roles in _roles(facts, kind)
    ]
    names = entity_labels(facts, english=True)
    assert not any(
        names[e.id] in ("force", "paramilitary group", "field", "paramilitary force") for e in facts.entities
    )


def test_an_owner_before_forces_stays_an_actor_of_its_own(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract(
        "The Houthis reopened the Hawban road into Taiz under an arrangement with Yemen's government, "
        "whose western districts remain under the control of government forces.",
        EN,
        "en",
    )
    assert _control(facts) == {("government forces", "western districts", "held")}


def test_a_described_actor_keeps_its_negation(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract(
        "The Rapid Support Forces shelled El Obeid on Monday. The group did not withdraw from the Kazgil market.",
        EN,
        "en",
    )
    assert [(e.status, english_labels(facts, e.roles["agent"])) for e in events_of(facts, "Withdrawal")] == [
        ("negated", ["Rapid Support Forces"])
    ]
    assert _control(facts) == set()
