"""English reading, round 5: bare facility nouns listed after a possessive or article, a fronted
facility located by "east of X" in the passive, "has held X, which it seized", names a group gives
itself, headlines in the present tense, "forced X to leave", patrons after "loyal to" and before
"-aligned", the two sides of a deal, and demands ("demanded that X hand back") that open nothing."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from extract_helpers import control_tuples, english_labels, entity_labels, events_of

from conflictkg.facts import ArticleFacts

EN = date(2024, 2, 8)


def _control(facts: ArticleFacts) -> set[tuple[str, str, str]]:
    return control_tuples(facts, english=True)


@pytest.mark.parametrize(
    ("text", "agent", "targets"),
    [
        (
            "RSF fighters stormed Um Rawaba on Thursday and seized its police station, hospital and "
            "central market as well as the Al-Manara fuel depot.",
            "Rapid Support Forces",
            {"police station", "hospital", "central market", "Al-Manara fuel depot"},
        ),
        (
            "The army seized the town hall, bakery and police station in Zalingei on Monday.",
            "army",
            {"town hall", "bakery", "police station"},
        ),
        (
            "Houthi fighters took over its courthouse, prison and main market.",
            "Houthi fighters",
            {"courthouse", "prison", "main market"},
        ),
        (
            "The SDF captured the grain silos, bakery and water station of Tabqa on Friday.",
            "Syrian Democratic Forces",
            {"grain silos", "bakery", "water station"},
        ),
        (
            "Tribal fighters stormed the municipal building, clinic and central bank in Hajin.",
            "Tribal fighters",
            {"municipal building", "clinic", "central bank"},
        ),
    ],
)
def test_bare_facility_nouns_listed_after_a_determiner_are_each_seized(
    extract: Callable[..., ArticleFacts], text: str, agent: str, targets: set[str]
) -> None:
    facts = extract(text, EN, "en")
    seizures = [e for e in events_of(facts, "Seizure") if english_labels(facts, e.roles.get("target", []))]
    listed = next(e for e in seizures if len(e.roles.get("target", [])) > 1)
    assert english_labels(facts, listed.roles["agent"]) == [agent]
    assert {t for t in english_labels(facts, listed.roles["target"]) if t in targets} == targets
    assert {(agent, t, "started") for t in targets} <= _control(facts)


@pytest.mark.parametrize(
    ("text", "target", "place"),
    [
        (
            "The Tal Alo grain silos east of Qamishli were taken over on Monday by fighters of the "
            "Sanadid Forces.",
            "Tal Alo grain silos",
            "Qamishli",
        ),
        (
            "The water station on the outskirts of Raqqa was seized by the SDF on Friday.",
            "water station",
            "Raqqa",
        ),
        (
            "The Kweires airbase east of Aleppo was captured by government troops.",
            "Kweires airbase",
            "Aleppo",
        ),
        (
            "The Al-Omar oilfield north of Deir ez-Zor was stormed by tribal fighters on Sunday.",
            "Al-Omar oilfield",
            "Deir ez-Zor",
        ),
        (
            "The Jandar power plant south of Homs was captured by Islamic State fighters.",
            "Jandar power plant",
            "Homs",
        ),
    ],
)
def test_a_place_after_a_locator_only_locates_the_fronted_passive_target(
    extract: Callable[..., ArticleFacts], text: str, target: str, place: str
) -> None:
    facts = extract(text, EN, "en")
    (seizure,) = events_of(facts, "Seizure")
    targets = english_labels(facts, seizure.roles["target"])
    assert target in targets and all(place not in t for t in targets), targets
    assert all(place not in t for _, t, _ in _control(facts))


@pytest.mark.parametrize(
    ("text", "holder", "target"),
    [
        (
            "Since March, the Syrian National Army's Sultan Murad Division has held the Afrin water "
            "station, which it seized from the rival Levant Front on March 3.",
            "Sultan Murad Division",
            "water station",
        ),
        (
            "The SDF still holds the Tishrin dam, which it captured from the Islamic State in 2015.",
            "Syrian Democratic Forces",
            "Tishrin dam",
        ),
        (
            "The Houthis have held the Harib police station, which they stormed in 2021.",
            "Houthis",
            "police station",
        ),
        (
            "The RSF has controlled the Nyala central market, which it overran in October.",
            "Rapid Support Forces",
            "central market",
        ),
        (
            "Hayat Tahrir al-Sham has held the Bab al-Hawa crossing, which it seized from Ahrar al-Sham.",
            "Hayat Tahrir al-Sham",
            "Bab al-Hawa crossing",
        ),
    ],
)
def test_held_control_and_the_seizure_told_in_its_relative_clause(
    extract: Callable[..., ArticleFacts], text: str, holder: str, target: str
) -> None:
    facts = extract(text, EN, "en")
    (seizure,) = events_of(facts, "Seizure")
    assert english_labels(facts, seizure.roles["agent"]) == [holder]
    assert english_labels(facts, seizure.roles["target"]) == [target]
    assert (holder, target, "started") in _control(facts)
    (period,) = [p for p in facts.control if p.kind == "control"]
    assert period.stated is not None, "the held statement is kept on the period the seizure opens"


@pytest.mark.parametrize(
    ("text", "holder", "target"),
    [
        ("The SDF has held the Tishrin dam since March.", "Syrian Democratic Forces", "Tishrin dam"),
        ("The SDF has controlled the Afrin water station.", "Syrian Democratic Forces", "water station"),
        (
            "Forces of the Southern Transitional Council refused on Monday to withdraw from the Shabwa "
            "governorate building in Ataq, which they have controlled since August 2022.",
            "Southern Transitional Council",
            "governorate building",
        ),
        (
            "Houthi fighters shelled the Harib police station, which they have controlled since May.",
            "Houthi fighters",
            "police station",
        ),
        ("The Houthis have held the Hodeidah port since 2014.", "Houthis", "port"),
    ],
)
def test_a_present_perfect_of_holding_tells_held_control(
    extract: Callable[..., ArticleFacts], text: str, holder: str, target: str
) -> None:
    facts = extract(text, EN, "en")
    assert (holder, target, "held") in _control(facts)


@pytest.mark.parametrize(
    "text",
    [
        "The SDF has held talks with the government.",
        "The SDF had held the Tishrin dam until March.",
        "The army has held a meeting with tribal elders in Hasakah.",
    ],
)
def test_a_meeting_or_a_past_perfect_is_no_held_control(
    extract: Callable[..., ArticleFacts], text: str
) -> None:
    facts = extract(text, EN, "en")
    assert not any(status == "held" for _, _, status in _control(facts))


def test_the_levy_after_held_control_keeps_the_holder_as_agent(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract(
        "Since March, the Sultan Murad Division has held the Afrin water station, which it seized "
        "from the Levant Front on March 3, and has charged farmers a 10 percent levy on olive oil.",
        EN,
        "en",
    )
    (levy,) = events_of(facts, "Levy")
    assert english_labels(facts, levy.roles["agent"]) == ["Sultan Murad Division"]


@pytest.mark.parametrize(
    ("text", "actor", "target"),
    [
        (
            "A little-known tribal group calling itself the Hawks of al-Akidat took over the Al-Jazra "
            "water pumping station on Monday.",
            "Hawks of al-Akidat",
            "Al-Jazra water pumping station",
        ),
        (
            "A new militia known as the Sons of the Valley seized the Wadi Barada water station.",
            "Sons of the Valley",
            "Wadi Barada water station",
        ),
        (
            "An armed group called Liwa Ahrar al-Janoub stormed the police station in Daraa.",
            "Liwa Ahrar al-Janoub",
            "police station",
        ),
        (
            "A local faction calling itself the Free Men of Hawran took over the Nasib grain silos.",
            "Free Men of Hawran",
            "Nasib grain silos",
        ),
        (
            "A militia dubbed the Desert Hawks captured the Shaer gas plant on Friday.",
            "Desert Hawks",
            "Shaer gas plant",
        ),
    ],
)
def test_the_name_a_group_gives_itself_is_the_actor(
    extract: Callable[..., ArticleFacts], text: str, actor: str, target: str
) -> None:
    facts = extract(text, EN, "en")
    actors = [e.label_en or e.label for e in facts.entities if e.type == "Actor"]
    assert actors == [actor]
    assert (actor, target, "started") in _control(facts)


@pytest.mark.parametrize(
    ("text", "giver", "receiver", "target"),
    [
        (
            "Turkish-backed Hamza Division quits Suluk grain centre, hands keys to local council.",
            "Hamza Division",
            "local council",
            "Suluk grain centre",
        ),
        ("SDF quits Tishrin dam, hands it to army.", "Syrian Democratic Forces", "army", "Tishrin dam"),
        (
            "Houthis quit Harib police station, hand it to tribal elders.",
            "Houthis",
            "tribal elders",
            "police station",
        ),
        (
            "RSF quits Nyala airport, hands it to local committee.",
            "Rapid Support Forces",
            "local committee",
            "airport",
        ),
        (
            "Hamza Division quits Afrin bakery, hands it to municipal council.",
            "Hamza Division",
            "municipal council",
            "bakery",
        ),
    ],
)
def test_a_headline_in_the_present_tense_tells_a_handover(
    extract: Callable[..., ArticleFacts], text: str, giver: str, receiver: str, target: str
) -> None:
    facts = extract(text, EN, "en")
    control = _control(facts)
    assert (giver, target, "ended") in control and (receiver, target, "started") in control, control


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Houthi fighters storm Marib police station.", "police station"),
        ("Sudan army retakes Omdurman broadcasting centre.", "broadcasting centre"),
        ("Hamza Division quits Suluk grain centre.", "Suluk grain centre"),
    ],
)
def test_a_present_tense_verb_ends_the_name_before_it(
    extract: Callable[..., ArticleFacts], text: str, name: str
) -> None:
    facts = extract(text, EN, "en")
    facilities = [e.label_en or e.label for e in facts.entities if e.type == "Facility"]
    assert facilities == [name]


@pytest.mark.parametrize(
    ("text", "expeller", "expelled", "target"),
    [
        (
            "Security Belt forces loyal to the Southern Transitional Council (STC) encircled the governor's "
            "compound in Zinjibar on Sunday and forced the government troops guarding it to leave.",
            "Security Belt Forces",
            "government troops",
            "governor's compound",
        ),
        (
            "Tribal fighters forced the army to withdraw from the Tal Abyad crossing on Monday.",
            "Tribal fighters",
            "army",
            "crossing",
        ),
        (
            "The Houthis forced government troops to leave the Harib police station.",
            "Houthis",
            "government troops",
            "police station",
        ),
        (
            "The RSF compelled the police to abandon the Nyala central market.",
            "Rapid Support Forces",
            "police",
            "central market",
        ),
        (
            "HTS forced Ahrar al-Sham fighters to withdraw from the Bab al-Hawa crossing.",
            "Hayat Tahrir al-Sham",
            "Ahrar al-Sham",
            "Bab al-Hawa crossing",
        ),
    ],
)
def test_forcing_an_actor_to_leave_is_an_expulsion(
    extract: Callable[..., ArticleFacts], text: str, expeller: str, expelled: str, target: str
) -> None:
    facts = extract(text, EN, "en")
    (expulsion,) = events_of(facts, "Expulsion")
    assert english_labels(facts, expulsion.roles["agent"]) == [expeller]
    assert english_labels(facts, expulsion.roles["patient"]) == [expelled]
    assert events_of(facts, "Withdrawal") == [], "the leaving verb tells the same expulsion"
    control = _control(facts)
    assert (expelled, target, "ended") in control and (expeller, target, "started") in control, control


@pytest.mark.parametrize(
    ("text", "subject", "patron"),
    [
        (
            "Security Belt forces loyal to the Southern Transitional Council (STC) encircled the "
            "governor's compound.",
            "Security Belt Forces",
            "Southern Transitional Council",
        ),
        (
            "Security Belt forces loyal to the Southern Transitional Council encircled the governor's "
            "compound.",
            "Security Belt Forces",
            "Southern Transitional Council",
        ),
        (
            "Giants Brigades units loyal to the Presidential Leadership Council (PLC) besieged the Harib "
            "police station.",
            "Giants Brigades",
            "Presidential Leadership Council",
        ),
        (
            "The Hamza Division loyal to the Syrian National Army (SNA) encircled the Afrin bakery.",
            "Hamza Division",
            "Syrian National Army",
        ),
        (
            "Liwa al-Quds fighters allied with the Syrian government surrounded the Aleppo thermal plant.",
            "Liwa al-Quds",
            "Syrian government",
        ),
    ],
)
def test_the_patron_after_an_allegiance_link_is_not_the_subject(
    extract: Callable[..., ArticleFacts], text: str, subject: str, patron: str
) -> None:
    facts = extract(text, EN, "en")
    (siege,) = events_of(facts, "Siege")
    (besieger,) = english_labels(facts, siege.roles["besieger"])
    assert besieger.startswith(subject) and besieger != patron, besieger


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        (
            "Local Hezbollah-aligned militiamen vacated the police station in Nubl.",
            "Hezbollah-aligned militiamen",
        ),
        ("Iran-aligned militias withdrew from the Albu Kamal crossing.", "Iran-aligned militias"),
        ("PMF-affiliated gunmen stormed the KDP office in Baghdad.", "PMF-affiliated gunmen"),
        ("SDF-allied fighters withdrew from the Tabqa dam.", "SDF-allied fighters"),
        ("Hezbollah-aligned gunmen abandoned the Qusayr checkpoint.", "Hezbollah-aligned gunmen"),
    ],
)
def test_an_allegiance_adjective_names_a_unit_not_its_patron(
    extract: Callable[..., ArticleFacts], text: str, unit: str
) -> None:
    facts = extract(text, EN, "en")
    actors = [e.label_en or e.label for e in facts.entities if e.type == "Actor"]
    assert actors == [unit]
    (act,) = [e for e in facts.events if e.type in ("Seizure", "Withdrawal")]
    assert english_labels(facts, act.roles["agent"]) == [unit]


@pytest.mark.parametrize(
    ("text", "mediator", "parties"),
    [
        (
            "Under a deal brokered by Russian military police, the SDF handed the Kasra grain silos to "
            "Syrian government forces on Thursday, and the two sides also agreed to reopen the "
            "Al-Salhiyah crossing next week.",
            "Russian military police",
            {"Syrian Democratic Forces", "Syrian government forces"},
        ),
        (
            "Under a deal brokered by Qatar, the RSF handed the Nyala airport to the army, and both sides "
            "agreed to exchange prisoners.",
            "Qatar",
            {"Rapid Support Forces", "army"},
        ),
        (
            "Under a deal mediated by Oman, the Houthis handed the Harib police station to tribal elders, "
            "and the two parties agreed to reopen the road.",
            "Oman",
            {"Houthis", "tribal elders"},
        ),
    ],
)
def test_the_two_sides_of_a_brokered_handover_are_the_parties_not_mediators(
    extract: Callable[..., ArticleFacts], text: str, mediator: str, parties: set[str]
) -> None:
    facts = extract(text, EN, "en")
    (deal,) = events_of(facts, "Agreement")
    told = {e.id: e.mentions[0].text for e in facts.entities if e.mentions}
    mediators = [told[m] for m in deal.roles.get("mediator", [])]
    assert mediators == [mediator], "the mediator only: the party before the handover verb is none"
    assert set(english_labels(facts, deal.roles.get("party", []))) == parties
    reopening = [e for e in facts.events if e.type in ("Reopening", "Deployment")]
    assert all(not e.roles.get("agent") for e in reopening), "the two sides agreed: no one of them acts"


@pytest.mark.parametrize(
    "text",
    [
        "The Yemeni government demanded that the STC hand the governor's compound back within 48 hours.",
        "The army demanded that the SDF withdraw from the Tabqa dam.",
        "The council insisted that the RSF leave the Nyala hospital.",
        "The UN urged that the Houthis reopen the Hodeidah port.",
        "Elders asked that the Nawasi Brigade vacate the Zawiya refinery.",
    ],
)
def test_a_demanded_act_is_planned_and_opens_nothing(extract: Callable[..., ArticleFacts], text: str) -> None:
    facts = extract(text, EN, "en")
    acts = [e for e in facts.events if e.type in ("Seizure", "Withdrawal", "Handover", "Reopening")]
    assert acts and all(e.status == "hypothetical" for e in acts)
    assert _control(facts) == set()


@pytest.mark.parametrize(
    ("text", "name", "beneficiary"),
    [
        (
            "The Government of National Unity plans to hand the Ras Jedir border crossing to a joint "
            "force from Zuwara on March 20.",
            "Government of National Unity",
            "joint force",
        ),
        (
            "The Sudanese Armed Forces intend to hand the Khartoum refinery to a joint force from Atbara.",
            "Sudanese Armed Forces",
            "joint force",
        ),
    ],
)
def test_a_plan_marker_ends_the_name_and_the_receivers_origin_is_no_target(
    extract: Callable[..., ArticleFacts], text: str, name: str, beneficiary: str
) -> None:
    facts = extract(text, EN, "en")
    assert name in entity_labels(facts, english=True).values()
    (handover,) = [e for e in facts.events if e.type in ("Handover", "Withdrawal")]
    assert handover.status == "hypothetical"
    assert english_labels(facts, handover.roles["beneficiary"]) == [beneficiary]
    assert all(e.type != "Place" for e in facts.entities if e.id in handover.roles["target"])
    assert _control(facts) == set()


@pytest.mark.parametrize(
    "text",
    [
        "Local militiamen vacated the police station in Nubl, a commander told Enab Baladi.",
        "The Houthis withdrew from the Harib checkpoint, an official told Reuters.",
        "The RSF left the Nyala airport, a source told AFP.",
    ],
)
def test_an_unnamed_source_after_a_report_speaks_for_nobody_of_the_story(
    extract: Callable[..., ArticleFacts], text: str
) -> None:
    facts = extract(text, EN, "en")
    assert events_of(facts, "Statement") == [] or all(
        not e.roles.get("speaker") for e in events_of(facts, "Statement")
    )


@pytest.mark.parametrize(
    ("text", "singular"),
    [
        ("Peshmerga units are expected to withdraw from two other hilltop posts near Dibis.", "hilltop post"),
        ("The army set up two checkpoints at the city's eastern entrance.", "checkpoint"),
        ("The RSF stormed two hospitals on Friday.", "hospital"),
        ("The army seized two other checkpoints on the Kirkuk road.", "checkpoint"),
        ("Houthi fighters took over three schools in Harib.", "school"),
    ],
)
def test_a_counted_plural_alone_or_after_other_names_that_many_facilities(
    extract: Callable[..., ArticleFacts], text: str, singular: str
) -> None:
    facts = extract(text, EN, "en")
    counted = sorted(
        e.label_en or e.label
        for e in facts.entities
        if e.type == "Facility" and singular in (e.label_en or e.label)
    )
    expected = 3 if "three" in text else 2
    assert len(counted) == expected and counted[1] == f"{counted[0]} 2", counted


def test_both_with_nothing_told_before_mints_no_pair(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("The SDF said both checkpoints were calm.", EN, "en")
    assert [e for e in facts.entities if e.type == "Facility"] == []


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("The Southern Giants Brigades (SGB) besieged the Harib police station.", "Southern Giants Brigades"),
        (
            "The Tribal Mobilisation Forces (TMF) encircled the Albu Kamal crossing.",
            "Tribal Mobilisation Forces",
        ),
        ("The Free Hawran Brigade (FHB) surrounded the Nasib grain silos.", "Free Hawran Brigade"),
    ],
)
def test_an_unknown_acronym_after_a_name_leaves_the_name_as_subject(
    extract: Callable[..., ArticleFacts], text: str, subject: str
) -> None:
    facts = extract(text, EN, "en")
    (siege,) = events_of(facts, "Siege")
    assert english_labels(facts, siege.roles["besieger"]) == [subject]


@pytest.mark.parametrize(
    ("text", "area", "kept"),
    [
        (
            "SDF fighters took Dhiban and later withdrew from the town's outskirts.",
            "outskirts of Dhiban",
            None,
        ),
        (
            "The SDF stormed the Tishrin dam on Monday and withdrew from the dam's western approaches on "
            "Tuesday.",
            "western approaches of Tishrin dam",
            "Tishrin dam",
        ),
        (
            "Government troops withdrew from Raqqa's southern outskirts on Friday.",
            "southern outskirts of Raqqa",
            None,
        ),
        (
            "The Houthis entered Harib and later left the town's eastern edges.",
            "eastern edges of Harib",
            None,
        ),
        (
            "The RSF pulled out of El Fasher's northern fringes on Sunday.",
            "northern fringes of El Fasher",
            None,
        ),
    ],
)
def test_the_edge_of_a_place_after_its_possessive_is_an_area_of_its_own(
    extract: Callable[..., ArticleFacts], text: str, area: str, kept: str | None
) -> None:
    facts = extract(text, EN, "en")
    (withdrawal,) = events_of(facts, "Withdrawal")
    assert english_labels(facts, withdrawal.roles["target"]) == [area]
    ended = {t for _, t, status in _control(facts) if status == "ended"}
    assert ended == {area}
    if kept is not None:
        assert any(t == kept and status == "started" for _, t, status in _control(facts))


@pytest.mark.parametrize(
    ("text", "mediators"),
    [
        (
            "Talks between the RSF and the Sudanese army in Jeddah under the auspices of Saudi Arabia and "
            "the United States collapsed last week.",
            ["Saudi Arabia", "United States"],
        ),
        (
            "Talks between Hamas and Israel under the auspices of Qatar and Egypt resumed on Monday.",
            ["Qatar", "Egypt"],
        ),
        (
            "Talks between the SDF and Damascus under the auspices of Russia and Iraq ended on Sunday.",
            ["Russia", "Iraq"],
        ),
    ],
)
def test_a_state_joined_to_a_mediating_state_mediates_too(
    extract: Callable[..., ArticleFacts], text: str, mediators: list[str]
) -> None:
    facts = extract(text, EN, "en")
    (talks,) = events_of(facts, "Negotiation")
    told = {e.id: e.mentions[0].text for e in facts.entities if e.mentions}
    assert [told[m] for m in talks.roles.get("mediator", [])] == mediators
    assert all(e.type == "Actor" for e in facts.entities if e.id in talks.roles["mediator"])


def test_places_joined_by_and_outside_a_mediation_stay_places(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("The army withdrew from Syria and Iraq.", EN, "en")
    assert sorted(e.type for e in facts.entities) == ["Actor", "Place", "Place"]
