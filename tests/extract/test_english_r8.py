"""English reading, round 8: possessives that join two entities ("Tripoli's Abu Salim district", "the
LNA's 128th Brigade", "the Zawiya refinery's eastern gate"), definite descriptions with a patron
adjective that refer back ("the UAE-backed force"), dotted abbreviations ("U.S. forces", "the
U.S.-led coalition"), and passive clauses whose subject is located ("the hospital in Raqqa was
stormed") or is a place ("Raqqa was seized by the army": no state acting)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from extract_helpers import control_tuples, english_labels, entity_labels, events_of

from conflictkg.facts import ArticleFacts, Entity

EN = date(2024, 2, 8)


def _control(facts: ArticleFacts) -> set[tuple[str, str, str]]:
    return control_tuples(facts, english=True)


def _roles(facts: ArticleFacts, kind: str) -> list[dict[str, list[str]]]:
    """The roles of every event of ``kind``, as English labels."""
    return [{r: english_labels(facts, iris) for r, iris in e.roles.items()} for e in events_of(facts, kind)]


def _entity(facts: ArticleFacts, label: str) -> Entity:
    """The one entity whose English label (else label) is ``label``."""
    found = [e for e in facts.entities if (e.label_en or e.label) == label]
    assert len(found) == 1, f"no single {label!r} in {[(e.label_en or e.label) for e in facts.entities]}"
    return found[0]


def _mentions(facts: ArticleFacts) -> dict[str, list[str]]:
    """English label -> mention texts of every entity."""
    return {(e.label_en or e.label): [m.text for m in e.mentions] for e in facts.entities}


# ------------------------------------------------------------------ PLACE's named place or facility
@pytest.mark.parametrize(
    ("text", "place", "named", "kind", "agent"),
    [
        (
            "Houthi fighters seized Aden's Al-Mualla port on Monday.",
            "Aden",
            "Al-Mualla port",
            "Seizure",
            "Houthi fighters",
        ),
        (
            "The army took over Raqqa's Al-Rashid stadium on Friday.",
            "Raqqa",
            "Al-Rashid stadium",
            "Seizure",
            "army",
        ),
        (
            "RSF fighters withdrew from Khartoum's Al-Amarat district on Sunday.",
            "Khartoum",
            "Al-Amarat district",
            "Withdrawal",
            "Rapid Support Forces",
        ),
        (
            "The SDF left Deir ez-Zor's Al-Omar oilfield on Tuesday.",
            "Deir ez-Zor",
            "Al-Omar oilfield",
            "Withdrawal",
            "Syrian Democratic Forces",
        ),
        (
            "The Stability Support Apparatus withdrew from Tripoli's Abu Salim district.",
            "Tripoli",
            "Abu Salim district",
            "Withdrawal",
            "Stability Support Apparatus",
        ),
    ],
)
def test_a_place_before_a_possessive_is_an_entity_and_the_name_after_it_the_target(
    extract: Callable[..., ArticleFacts], text: str, place: str, named: str, kind: str, agent: str
) -> None:
    facts = extract(text, EN, "en")
    mentions = _mentions(facts)
    assert mentions[place] == [place]
    assert mentions[named] == [named]
    place_iri = _entity(facts, place).id
    assert place_iri in _entity(facts, named).part_of  # the district or port lies in the city
    assert _roles(facts, kind) == [{"agent": [agent], "target": [named]}]
    status = "started" if kind == "Seizure" else "ended"
    assert _control(facts) == {(agent, named, status)}


def test_a_place_before_a_possessive_after_a_locative_only_locates_the_facility(
    extract: Callable[..., ArticleFacts],
) -> None:
    facts = extract("Tribal gunmen stormed the Al-Uqlah station in Shabwa's Nisab district.", EN, "en")
    assert {"Shabwa", "Nisab district", "Al-Uqlah station"} <= set(_mentions(facts))
    assert _roles(facts, "Seizure") == [{"agent": ["Tribal gunmen"], "target": ["Al-Uqlah station"]}]


def test_a_country_before_a_possessive_actor_stays_no_mention(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("Yemen's Southern Transitional Council seized the Al-Wadiah crossing.", EN, "en")
    assert "Yemen" not in _mentions(facts)
    assert _control(facts) == {("Southern Transitional Council", "Al-Wadiah crossing", "started")}


# ------------------------------------------------------------------ ACTOR's unit
@pytest.mark.parametrize(
    ("text", "owner", "unit", "kind", "target"),
    [
        (
            "The LNA's 128th Brigade seized the Sharara oilfield.",
            "Libyan National Army",
            "LNA's 128th Brigade",
            "Seizure",
            "Sharara oilfield",
        ),
        (
            "The SAA's 25th Division withdrew from the Kuweires airbase.",
            "Syrian government forces",
            "SAA's 25th Division",
            "Withdrawal",
            "Kuweires airbase",
        ),
        (
            "The GNU's 444 Brigade took over the Mitiga airport.",
            "GNU",
            "GNU's 444 Brigade",
            "Seizure",
            "Mitiga airport",
        ),
        (
            "The Presidential Council's Support Force took over the Harsha checkpoint.",
            "Libyan Presidential Council",
            "Presidential Council's Support Force",
            "Seizure",
            "Harsha checkpoint",
        ),
        (
            "The Defence Ministry's 76th Division took over the Al-Baath dam.",
            "Defence Ministry",
            "Defence Ministry's 76th Division",
            "Seizure",
            "Al-Baath dam",
        ),
    ],
)
def test_an_actor_before_a_possessive_owns_the_unit_that_acts(
    extract: Callable[..., ArticleFacts], text: str, owner: str, unit: str, kind: str, target: str
) -> None:
    facts = extract(text, EN, "en")
    owner_entity, unit_entity = _entity(facts, owner), _entity(facts, unit)
    assert owner_entity.type == unit_entity.type == "Actor"
    assert owner_entity.id in unit_entity.part_of
    assert _roles(facts, kind) == [{"agent": [unit], "target": [target]}]
    assert _control(facts) == {(unit, target, "started" if kind == "Seizure" else "ended")}


def test_the_unit_after_a_possessive_receives_a_handover_not_its_owner(
    extract: Callable[..., ArticleFacts],
) -> None:
    facts = extract(
        "The SDF handed the Al-Baath dam to the Defence Ministry's 76th Division on Wednesday.", EN, "en"
    )
    assert _roles(facts, "Handover") == [
        {
            "agent": ["Syrian Democratic Forces"],
            "target": ["Al-Baath dam"],
            "beneficiary": ["Defence Ministry's 76th Division"],
        }
    ]
    assert _control(facts) == {
        ("Syrian Democratic Forces", "Al-Baath dam", "ended"),
        ("Defence Ministry's 76th Division", "Al-Baath dam", "started"),
    }


def test_an_actor_before_a_possessive_owns_the_facility(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("The SDF's headquarters in Raqqa was stormed by the army.", EN, "en")
    sdf = _entity(facts, "Syrian Democratic Forces")
    assert _entity(facts, "SDF's headquarters").owner == sdf.id
    assert _roles(facts, "Seizure") == [{"target": ["SDF's headquarters"], "agent": ["army"]}]


@pytest.mark.parametrize(
    "text",
    [
        "The SDF's fighters left the Tishrin dam on Monday.",
        "The RSF's troops left the Tishrin dam on Monday.",
    ],
)
def test_a_bare_collapse_head_after_a_possessive_is_the_actor_itself(
    extract: Callable[..., ArticleFacts], text: str
) -> None:
    facts = extract(text, EN, "en")
    assert [e.type for e in facts.entities].count("Actor") == 1
    [(holder, _, status)] = _control(facts)
    assert status == "ended" and holder in ("Syrian Democratic Forces", "Rapid Support Forces")


# ------------------------------------------------------------------ FACILITY's part
@pytest.mark.parametrize(
    ("text", "whole", "part"),
    [
        (
            "Police closed the Khartoum airport's main gate on Sunday.",
            "Khartoum International Airport",
            "main gate",
        ),
        (
            "Protesters closed the Zawiya refinery's eastern gate on Sunday.",
            "Zawiya refinery",
            "eastern gate",
        ),
        ("Tribesmen closed the Sharara oilfield's main gate on Sunday.", "Sharara oilfield", "main gate"),
        ("Guards closed the Mitiga airport's northern gate on Sunday.", "Mitiga airport", "northern gate"),
        ("Workers closed the Baiji refinery's southern gate on Sunday.", "Baiji refinery", "southern gate"),
    ],
)
def test_a_named_facility_before_a_possessive_holds_the_part_that_is_closed(
    extract: Callable[..., ArticleFacts], text: str, whole: str, part: str
) -> None:
    facts = extract(text, EN, "en")
    mentions = _mentions(facts)
    assert any(
        whole_mention.endswith(("airport", "refinery", "oilfield")) for whole_mention in mentions[whole]
    )
    [gate] = [label for label, texts in mentions.items() if part in texts]
    closure = [e for e in events_of(facts, "Closure")]
    assert [english_labels(facts, e.roles["target"]) for e in closure] == [[gate]]
    assert "Zawiya" not in mentions  # a place inside the refinery's name is no mention of its own


# ------------------------------------------------------------------ "the UAE-backed force": the actor told before
@pytest.mark.parametrize(
    ("text", "actor", "description"),
    [
        (
            "Guards of the Shabwa Defence Forces left the station on Sunday before the UAE-backed force "
            "retook it on Monday.",
            "Shabwa Defence Forces",
            "UAE-backed force",
        ),
        (
            "The Rapid Support Forces left the bridge before the Emirati-backed paramilitary force retook it.",
            "Rapid Support Forces",
            "Emirati-backed paramilitary force",
        ),
        (
            "The Hamza Division left the silos on Friday, and the Turkish-backed division returned on Sunday.",
            "فرقة الحمزة",
            "Turkish-backed division",
        ),
        (
            "The Zintan Brigade left the airport, but the Tripoli-aligned brigade returned a day later.",
            "Zintan Brigade",
            "Tripoli-aligned brigade",
        ),
        (
            "The Giants Brigades left the port on Friday; the Saudi-backed brigades returned on Sunday.",
            "Giants Brigades",
            "Saudi-backed brigades",
        ),
    ],
)
def test_a_definite_description_with_a_patron_adjective_refers_back(
    extract: Callable[..., ArticleFacts], text: str, actor: str, description: str
) -> None:
    facts = extract(text, EN, "en")
    labels = {(e.label_en or e.label) for e in facts.entities if e.type == "Actor"}
    assert description not in labels
    assert description in {m.text for e in facts.entities for m in e.mentions}
    assert any(actor in (e.label_en, e.label) for e in facts.entities)


@pytest.mark.parametrize(
    "text",
    [
        "The Turkish-backed factions seized the village of Tal Abyad on Monday.",
        "The SDF said the US-backed force had seized the Omar oilfield.",
    ],
)
def test_a_patron_description_with_nothing_to_refer_to_names_an_actor(
    extract: Callable[..., ArticleFacts], text: str
) -> None:
    facts = extract(text, EN, "en")
    seizure = events_of(facts, "Seizure")
    assert len(seizure) == 1
    [agent] = english_labels(facts, seizure[0].roles["agent"])
    assert "backed" in agent


# ------------------------------------------------------------------ dotted abbreviations
@pytest.mark.parametrize(
    ("text", "label", "mention"),
    [
        ("U.S. forces withdrew from the Tanf base on Friday.", "US forces", "U.S. forces"),
        ("The U.N. said on Monday that talks would resume.", "United Nations", "U.N."),
        (
            "The deal was brokered by the U.S.-led coalition on Monday.",
            "U.S.-led coalition",
            "U.S.-led coalition",
        ),
        ("A deal brokered by the U.N. ended the siege.", "United Nations", "U.N."),
        ("The U.S.-backed coalition left the Tanf base.", "U.S.-backed coalition", "U.S.-backed coalition"),
    ],
)
def test_a_dotted_abbreviation_is_a_word_of_a_name(
    extract: Callable[..., ArticleFacts], text: str, label: str, mention: str
) -> None:
    facts = extract(text, EN, "en")
    assert mention in _mentions(facts)[label]


def test_a_dotted_abbreviation_names_the_known_actor_that_withdraws(
    extract: Callable[..., ArticleFacts],
) -> None:
    facts = extract("U.S. forces withdrew from the Tanf base on Friday.", EN, "en")
    assert _roles(facts, "Withdrawal") == [{"agent": ["US forces"], "target": ["Tanf base"]}]
    assert _control(facts) == {("US forces", "Tanf base", "ended")}


# ------------------------------------------------------------------ passives: located subjects, places
@pytest.mark.parametrize(
    ("text", "target", "agent"),
    [
        (
            "The Al-Nour hospital in Raqqa was stormed by the Syrian army on Friday.",
            "Al-Nour hospital",
            "Syrian army",
        ),
        (
            "The Tishrin dam near Manbij was seized by Turkish-backed factions.",
            "Tishrin dam",
            "Turkish-backed factions",
        ),
        ("The Al-Rashid school in Hasakah was taken over by the Asayish.", "Al-Rashid school", "Asayish"),
        (
            "The Sidi Salim clinic in Tripoli was stormed by the Stability Support Apparatus.",
            "Sidi Salim clinic",
            "Stability Support Apparatus",
        ),
        ("The Kofal camp near Marib was captured by Houthi fighters.", "Kofal camp", "Houthi fighters"),
    ],
)
def test_the_place_after_a_passive_subject_only_locates_it(
    extract: Callable[..., ArticleFacts], text: str, target: str, agent: str
) -> None:
    facts = extract(text, EN, "en")
    [seizure] = _roles(facts, "Seizure")
    assert seizure["target"] == [target]
    assert english_labels(facts, events_of(facts, "Seizure")[0].roles["agent"])[0].endswith(agent.split()[-1])
    assert {t for _, t, _ in _control(facts)} == {target}


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Raqqa was seized by the Syrian army on Monday.", "Raqqa"),
        ("Manbij was taken over by Turkish-backed factions on Sunday.", "Manbij"),
        ("Wad Madani was recaptured by the Sudanese army in January.", "Wad Madani"),
        ("Tarhuna was seized by Government of National Unity forces.", "Tarhuna"),
        ("Aden was stormed by separatist fighters on Friday.", "Aden"),
    ],
)
def test_a_city_that_undergoes_a_passive_event_is_no_state_acting(
    extract: Callable[..., ArticleFacts], text: str, place: str
) -> None:
    facts = extract(text, EN, "en")
    assert _entity(facts, place).type == "Place"
    [seizure] = events_of(facts, "Seizure")
    assert english_labels(facts, seizure.roles["target"]) == [place]
    assert entity_labels(facts, english=True)[seizure.roles["agent"][0]] != place


# ------------------------------------------------------------------ "the northern town of X"
@pytest.mark.parametrize(
    ("text", "kind", "role", "place"),
    [
        ("The army entered the northern town of Tal Abyad on Sunday.", "Seizure", "target", "Tal Abyad"),
        ("The RSF besieged the strategic town of Sinja on Monday.", "Siege", "besieged", "Senga"),
        ("Turkish forces seized the Kurdish town of Afrin on Sunday.", "Seizure", "target", "Afrin"),
        (
            "Tribal fighters lifted their blockade of the southern Syrian city of Sweida on Sunday.",
            "SiegeLifting",
            "besieged",
            "Suwayda",
        ),
        ("The SDF withdrew from the nearby town of Manbij on Friday.", "Withdrawal", "target", "Manbij"),
    ],
)
def test_the_kind_of_a_place_with_adjectives_before_of_describes_the_named_place(
    extract: Callable[..., ArticleFacts], text: str, kind: str, role: str, place: str
) -> None:
    facts = extract(text, EN, "en")
    assert [e.type for e in facts.entities].count("Place") == 1  # no "northern town" of its own
    [event] = events_of(facts, kind)
    assert english_labels(facts, event.roles[role]) == [place]


def test_a_named_neighbourhood_of_a_city_stays_two_places(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("The army stormed the Abu Salim neighbourhood of Tripoli on Friday.", EN, "en")
    assert {"Abu Salim neighbourhood", "Tripoli"} <= set(_mentions(facts))
    assert _control(facts) == {("army", "Abu Salim neighbourhood", "started")}


# ------------------------------------------------------------------ "the villages of X and Y"
@pytest.mark.parametrize(
    ("text", "kind", "places"),
    [
        (
            "Tribal fighters pulled out of the villages of Walgha and Al-Mazraa.",
            "Withdrawal",
            ["Walgha", "Al-Mazraa"],
        ),
        (
            "Arab tribal fighters pulled out of the towns of Al-Shuhayl and Jadid Bakara.",
            "Withdrawal",
            ["Al-Shuhayl", "Jadid Bakara"],
        ),
        ("The RSF seized the towns of Sinja and Dinder on Monday.", "Seizure", ["Senga", "Dinder"]),
        ("Government forces entered the villages of Kafr Nabl and Hass.", "Seizure", ["Kafranbel", "Hass"]),
        ("Houthi fighters took over the villages of Al-Jarrahi and Hays.", "Seizure", ["Al-Jarrahi", "Hays"]),
    ],
)
def test_settlements_named_after_of_are_one_place_each(
    extract: Callable[..., ArticleFacts], text: str, kind: str, places: list[str]
) -> None:
    facts = extract(text, EN, "en")
    assert sorted(e.label_en or e.label for e in facts.entities if e.type == "Place") == sorted(places)
    [event] = events_of(facts, kind)
    assert english_labels(facts, event.roles["target"]) == places
    assert {t for _, t, _ in _control(facts)} == set(places)


def test_areas_of_a_city_stay_areas_of_their_own(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("RSF fighters withdrew from residential areas of Khartoum and Omdurman.", EN, "en")
    labels = {e.label_en or e.label for e in facts.entities if e.type == "Place"}
    assert {"Khartoum", "Omdurman"} < labels  # the areas are places next to the cities


# ------------------------------------------------------------------ "added that": the statement goes on
@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "The North Oil Company said on Monday that the field was shut. The company added that talks would follow.",
            "North Oil Company",
        ),
        (
            "The SDF said in a statement that the road was open. The SDF added that more roads would open.",
            "Syrian Democratic Forces",
        ),
        (
            "The Rapid Support Forces said the bridge was calm, and added that aid convoys could pass.",
            "Rapid Support Forces",
        ),
        (
            "The Houthis said on Sunday that the port was open. The Houthis added that ships could dock.",
            "الحوثيون",
        ),
        (
            "The Libyan National Army said the airport was calm. The LNA added that flights would resume.",
            "Libyan National Army",
        ),
    ],
)
def test_a_speaker_who_adds_goes_on_with_the_same_statement(
    extract: Callable[..., ArticleFacts], text: str, speaker: str
) -> None:
    facts = extract(text, EN, "en")
    statements = events_of(facts, "Statement")
    assert len(statements) == 1
    [iri] = statements[0].roles["speaker"]
    assert speaker in (entity_labels(facts)[iri], entity_labels(facts, english=True)[iri])


@pytest.mark.parametrize(
    ("text", "status"),
    [
        (
            "The army said in a statement on Thursday, adding that its troops had seized the Al-Shabarga water station.",
            "reported",
        ),
        ("The RSF added that its fighters had left the Sinja bridge.", "reported"),
        ("The North Oil Company added that its guards had taken over the Bai Hassan oilfield.", "reported"),
        ("The SDF said on Monday, adding that its units had entered the town of Tal Abyad.", "reported"),
        ("The Houthis added that their fighters had seized the Al-Mualla port.", "reported"),
    ],
)
def test_what_a_party_adds_about_its_own_act_is_its_account_and_opens_nothing(
    extract: Callable[..., ArticleFacts], text: str, status: str
) -> None:
    facts = extract(text, EN, "en")
    acts = [e for e in facts.events if e.type in ("Seizure", "Withdrawal")]
    assert [e.status for e in acts] == [status]
    assert _control(facts) == set()
    assert len(events_of(facts, "Statement")) == 1


def test_a_new_speaker_who_adds_makes_a_statement_of_its_own(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract(
        "The army said the road was open. The RSF added that its fighters had left the bridge.", EN, "en"
    )
    speakers = [english_labels(facts, e.roles["speaker"]) for e in events_of(facts, "Statement")]
    assert speakers == [["army"], ["Rapid Support Forces"]]


@pytest.mark.parametrize(
    "text",
    [
        "The North Oil Company said on Monday that production had resumed.",
        "The Safer Exploration Company said on Monday that production had resumed.",
        "The Sirte Oil Company said on Monday that production had resumed.",
        "The Sudanese Petroleum Company said on Monday that production had resumed.",
        "The Yemen Oil and Gas Company said on Monday that production had resumed.",
    ],
)
def test_a_named_company_that_speaks_is_an_actor(extract: Callable[..., ArticleFacts], text: str) -> None:
    facts = extract(text, EN, "en")
    [statement] = events_of(facts, "Statement")
    [speaker] = english_labels(facts, statement.roles["speaker"])
    assert speaker.endswith("Company")
    assert _entity(facts, speaker).type == "Actor"


# ------------------------------------------------------------------ a verb's base form after a determiner is a noun
@pytest.mark.parametrize(
    "text",
    [
        "The station near Raqqa has been quiet since Sunday, the SDF said.",
        "The block near the Tishrin dam was calm on Monday, the SDF said.",
        "The seal on the Al-Omar oilfield gate was broken on Monday, the SDF said.",
        "A station near the Tishrin dam was quiet on Monday, the SDF said.",
        "Their block near the Tishrin dam was calm on Monday, the SDF said.",
    ],
)
def test_an_event_verb_after_a_determiner_is_a_noun_and_tells_no_event(
    extract: Callable[..., ArticleFacts], text: str
) -> None:
    facts = extract(text, EN, "en")
    assert [e.type for e in facts.events] == ["Statement"]


def test_the_same_verb_after_its_subject_still_tells_the_event(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("The SDF blocked the road to the Tishrin dam on Monday.", EN, "en")
    assert [e.type for e in facts.events] == ["Closure"]


# ------------------------------------------------------------------ forced out by no actor: a withdrawal
@pytest.mark.parametrize(
    ("text", "agent", "target"),
    [
        (
            "The army seized the depot after a battle that forced the RSF to pull out of the Kazgil market.",
            "Rapid Support Forces",
            "Kazgil market",
        ),
        (
            "Heavy shelling, which forced the SDF to withdraw from the Tishrin dam, continued on Monday.",
            "Syrian Democratic Forces",
            "Tishrin dam",
        ),
        (
            "Weeks of fighting that forced the Houthis to leave the Kofal camp ended on Sunday.",
            "Houthis",
            "Kofal camp",
        ),
        (
            "A siege that also forced the Peshmerga to withdraw from the Gwer bridge checkpoint ended.",
            "Peshmerga",
            "Gwer bridge checkpoint",
        ),
        (
            "Airstrikes which forced the Wagner Group to abandon the Jufra airbase went on for days.",
            "Wagner Group",
            "Jufra airbase",
        ),
    ],
)
def test_an_actor_forced_out_by_fighting_withdraws(
    extract: Callable[..., ArticleFacts], text: str, agent: str, target: str
) -> None:
    facts = extract(text, EN, "en")
    assert events_of(facts, "Expulsion") == []
    withdrawals = [e for e in events_of(facts, "Withdrawal") if e.status == "asserted"]
    assert [english_labels(facts, e.roles["target"]) for e in withdrawals] == [[target]]
    assert (english_labels(facts, withdrawals[0].roles["agent"])[0], target, "ended") in _control(facts)
    assert english_labels(facts, withdrawals[0].roles["agent"])[0] in (agent, "الحوثيون")


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("The army forced the RSF to withdraw from the Kazgil market.", "asserted"),
        ("The army is expected to force the RSF to withdraw from the Kazgil market.", "hypothetical"),
    ],
)
def test_an_actor_that_forces_another_out_expels_it(
    extract: Callable[..., ArticleFacts], text: str, status: str
) -> None:
    facts = extract(text, EN, "en")
    assert [e.status for e in events_of(facts, "Expulsion")] == [status]
    assert events_of(facts, "Withdrawal") == []
