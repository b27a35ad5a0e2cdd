"""English, round 4: who acts when no name does, and facilities named by where they are.

- bare institutions ("the municipality", "police", "elders", "government officials") are actors when
  they act: subject of an event verb, or a party, mediator or receiver by their preposition;
- countries and capitals that act are the state ("Qatar mediated", "talks with Damascus"), with the
  IRI the Arabic reading mints; offices that speak or receive a handover are their institution;
- "intervened" / "stepped in" is mediation, and a fronted "Under the auspices of X," names the mediator;
- plural heads and roads named by what they lie on or lead to ("checkpoints on the M4 highway", "the
  road leading to the Omar oilfield", "villages around the Tishrin dam");
- unknown capitalised names after a locative preposition are places ("in Babanusa");
- speech nouns with their speaker before them ("a UN flash update", "an announcement by X")."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from extract_helpers import control_tuples
from extract_helpers import events_of as _events

from conflictkg.facts import ArticleFacts, Entity

EN = date(2024, 3, 12)


def _named(facts: ArticleFacts, text: str) -> Entity:
    """The one entity with a mention written exactly ``text``."""
    found = [e for e in facts.entities if any(m.text == text for m in e.mentions)]
    assert len(found) == 1, (text, [(e.type, [m.text for m in e.mentions]) for e in facts.entities])
    return found[0]


def _mentioned(facts: ArticleFacts) -> set[str]:
    return {m.text for e in facts.entities for m in e.mentions}


# ------------------------------------------------------------------ bare institutions that act
@pytest.mark.parametrize(
    ("text", "kind", "role", "actor"),
    [
        (
            "The Houthis withdrew from the Hays hospital after notables intervened.",
            "Negotiation",
            "mediator",
            "notables",
        ),
        (
            "Tribal fighters closed the Raqqa bridge before police reopened it on Friday.",
            "Reopening",
            "agent",
            "police",
        ),
        (
            "The SDF handed the Tabqa grain silos to the local council after elders stepped in.",
            "Negotiation",
            "mediator",
            "elders",
        ),
        (
            "Army units held talks with government officials in Marib on Sunday.",
            "Negotiation",
            "party",
            "government officials",
        ),
        (
            "Fighters of the Hamza Division handed the Jarablus bakery back to the municipality on Monday.",
            "Handover",
            "beneficiary",
            "municipality",
        ),
        (
            "The 4th Division handed the Sabinah checkpoint over to the police on Sunday.",
            "Handover",
            "beneficiary",
            "police",
        ),
    ],
)
def test_a_bare_institution_that_acts_is_an_actor_of_the_story(
    extract: Callable[..., ArticleFacts], text: str, kind: str, role: str, actor: str
) -> None:
    facts = extract(text, EN, "en")
    entity = _named(facts, actor)
    assert entity.type == "Actor"
    (ev,) = _events(facts, kind)
    assert entity.id in ev.roles[role]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Local officials said the SDF had seized the Raqqa bakery.", "officials"),
        ("The STC handed Ataq airport to the Giants Brigades, according to two officials.", "officials"),
        ("Government officials told Reuters the army had entered the town of Jasim.", "officials"),
        ("Residents said the police had left the Qamishli post office.", "Residents"),
        ("Hospital officials in Marib said the Houthis had withdrawn from the Al-Jubah school.", "officials"),
    ],
)
def test_a_source_that_only_speaks_is_no_actor(
    extract: Callable[..., ArticleFacts], text: str, source: str
) -> None:
    facts = extract(text, EN, "en")
    assert not any(source in m for m in _mentioned(facts))


def test_the_receiver_of_a_bare_handover_gets_control(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("The 4th Division handed the Sabinah checkpoint over to the police on Sunday.", EN, "en")
    tuples = control_tuples(facts, english=True)
    assert ("police", "Sabinah checkpoint", "started") in tuples
    assert ("4th Armoured Division", "Sabinah checkpoint", "ended") in tuples


def test_leave_or_hand_over_are_two_acts(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("The SDF refused to leave the Tishrin dam or hand the site to the police.", EN, "en")
    acts = [e for e in facts.events if e.type in ("Withdrawal", "Handover")]
    assert len(acts) == 2
    assert all(e.status == "negated" for e in acts)
    assert control_tuples(facts) == set()


# ------------------------------------------------------------------ states that act
@pytest.mark.parametrize(
    ("text", "kind", "role", "state"),
    [
        (
            "Qatar mediated between the army and the Rapid Support Forces on Monday.",
            "Negotiation",
            "mediator",
            "Qatar",
        ),
        (
            "Baghdad said on Sunday that the Peshmerga had withdrawn from the Makhmour camp.",
            "Statement",
            "speaker",
            "Baghdad",
        ),
        (
            "The SDF held talks with Damascus on the handover of the Tishrin dam.",
            "Negotiation",
            "party",
            "Damascus",
        ),
        (
            "Under the auspices of Oman, the Houthis and the government agreed to reopen the roads around Taiz.",
            "Agreement",
            "mediator",
            "Oman",
        ),
        ("Turkey and Russia agreed on a ceasefire in Idlib on Thursday.", "Agreement", "party", "Turkey"),
        ("Turkey and Russia agreed on a ceasefire in Idlib on Thursday.", "Agreement", "party", "Russia"),
        ("The army and the RSF signed a truce brokered by Egypt.", "Agreement", "mediator", "Egypt"),
    ],
)
def test_a_country_or_capital_that_acts_is_the_state(
    extract: Callable[..., ArticleFacts], text: str, kind: str, role: str, state: str
) -> None:
    facts = extract(text, EN, "en")
    entity = _named(facts, state)
    assert (entity.type, entity.subtype) == ("Actor", "StateBody")
    (ev,) = _events(facts, kind)
    assert entity.id in ev.roles[role]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Residents in Baghdad said the army had stormed the ministry building.", "Baghdad"),
        ("Houthi fighters seized a base near Sanaa.", "Sanaa"),
        ("Talks were held in Doha on Monday.", "Doha"),
        ("Yemen's government and the Houthis will meet in Muscat next week.", "Muscat"),
        ("The RSF withdrew from Omdurman after talks with the army.", "Omdurman"),
    ],
)
def test_a_capital_where_something_happens_stays_a_place(
    extract: Callable[..., ArticleFacts], text: str, place: str
) -> None:
    facts = extract(text, EN, "en")
    assert _named(facts, place).type == "Place"


def test_a_state_named_in_english_has_the_iri_of_its_arabic_name(
    extract: Callable[..., ArticleFacts],
) -> None:
    english = extract("Qatar mediated between the army and the Rapid Support Forces on Monday.", EN, "en")
    arabic = extract("توسطت قطر بين الجيش السوداني وقوات الدعم السريع يوم الاثنين.", EN, "ar")
    (en_ev,) = _events(english, "Negotiation")
    (ar_ev,) = _events(arabic, "Negotiation")
    assert en_ev.roles["mediator"] == ar_ev.roles["mediator"]


# ------------------------------------------------------------------ offices that act
@pytest.mark.parametrize(
    ("text", "office", "kind", "role"),
    [
        (
            "The UN envoy's office said on Monday that talks would resume.",
            "UN envoy's office",
            "Statement",
            "speaker",
        ),
        (
            "The interior ministry's media office said the Asayish had withdrawn from the Qamishli bakery.",
            "media office",
            "Statement",
            "speaker",
        ),
        (
            "Houthi fighters handed the Al-Mukha port to the Hodeidah Security Directorate on Monday.",
            "Hodeidah Security Directorate",
            "Handover",
            "beneficiary",
        ),
        (
            "The SDF handed the Tabqa dam to the Raqqa water directorate on Friday.",
            "Raqqa water directorate",
            "Handover",
            "beneficiary",
        ),
        (
            "The governor's office said the army had reopened the Hama road.",
            "governor's office",
            "Statement",
            "speaker",
        ),
    ],
)
def test_an_office_that_speaks_or_receives_is_its_institution(
    extract: Callable[..., ArticleFacts], text: str, office: str, kind: str, role: str
) -> None:
    facts = extract(text, EN, "en")
    entity = _named(facts, office)
    assert entity.type == "Actor"
    (ev,) = _events(facts, kind)
    assert entity.id in ev.roles[role]


@pytest.mark.parametrize(
    ("text", "office"),
    [
        ("Gunmen from the Maghawir militia stormed the Bosra post office on Monday.", "Bosra post office"),
        ("The Asayish seized the Qamishli finance directorate on Thursday.", "Qamishli finance directorate"),
        ("The SDF withdrew from the Raqqa water directorate on Friday.", "Raqqa water directorate"),
        ("Houthi fighters closed the UN envoy's office in Sanaa.", "UN envoy's office"),
        ("Government forces surrounded the party office in Hasakah.", "party office"),
    ],
)
def test_an_office_that_is_seized_or_left_stays_a_facility(
    extract: Callable[..., ArticleFacts], text: str, office: str
) -> None:
    facts = extract(text, EN, "en")
    assert _named(facts, office).type == "Facility"


# ------------------------------------------------------------------ mediation
@pytest.mark.parametrize(
    ("text", "mediator"),
    [
        ("The Houthis withdrew from the Hays hospital after notables intervened.", "notables"),
        ("The SDF left the Tabqa silos after tribal elders stepped in.", "tribal elders"),
        ("Fighting stopped at the Raqqa bridge when the local council intervened.", "local council"),
        (
            "Under the auspices of Qatar, the army and the Rapid Support Forces met in Doha on Saturday.",
            "Qatar",
        ),
        (
            "Under the auspices of the United Nations, the Houthis and the government met in Muscat.",
            "United Nations",
        ),
    ],
)
def test_intervening_and_a_fronted_auspices_phrase_name_the_mediator(
    extract: Callable[..., ArticleFacts], text: str, mediator: str
) -> None:
    facts = extract(text, EN, "en")
    entity = _named(facts, mediator)
    (ev,) = _events(facts, "Negotiation")
    assert entity.id in ev.roles["mediator"]
    assert entity.id not in ev.roles.get("party", [])


@pytest.mark.parametrize(
    "text",
    [
        "The Houthis and the government will hold a new round of UN-sponsored talks in Muscat.",
        "The SDF and the army met for Russian-brokered talks in Qamishli.",
        "UN-brokered talks between the army and the RSF resumed in Jeddah.",
        "The Houthis withdrew from the Hays hospital under a UN-sponsored deal.",
        "The STC and the government signed a UN-backed truce in Aden.",
    ],
)
def test_a_sponsor_named_in_an_adjective_is_no_entity(
    extract: Callable[..., ArticleFacts], text: str
) -> None:
    facts = extract(text, EN, "en")
    assert not any(m.startswith(("UN", "Russian")) for m in _mentioned(facts))


# ------------------------------------------------------------------ facilities named by where they are
@pytest.mark.parametrize(
    ("text", "kind", "target"),
    [
        (
            "Government forces stormed checkpoints along the Khabur river on Sunday.",
            "Seizure",
            "checkpoints along the Khabur river",
        ),
        (
            "The SDF withdrew from villages around the Tishrin dam on Friday.",
            "Withdrawal",
            "villages around the Tishrin dam",
        ),
        (
            "Tribal gunmen blocked the road leading to the Omar oilfield on Tuesday.",
            "Closure",
            "road leading to the Omar oilfield",
        ),
        ("The army reopened the road to Tal Tamr on Monday.", "Reopening", "road to Tal Tamr"),
        ("Gunmen closed the highway between Homs and Hama.", "Closure", "highway between Homs and Hama"),
        ("The army closed the road linking Aleppo and Raqqa.", "Closure", "road linking Aleppo and Raqqa"),
    ],
)
def test_a_head_named_by_what_it_lies_on_or_leads_to_is_one_target(
    extract: Callable[..., ArticleFacts], text: str, kind: str, target: str
) -> None:
    facts = extract(text, EN, "en")
    entity = _named(facts, target)
    (ev,) = _events(facts, kind)
    assert ev.roles["target"] == [entity.id]


@pytest.mark.parametrize(
    ("text", "inner"),
    [
        ("Tribal gunmen blocked the road leading to the Omar oilfield on Tuesday.", "Omar oilfield"),
        ("The army reopened the road to Tal Tamr on Monday.", "Tal Tamr"),
        (
            "Houthi fighters set up two checkpoints on the Sanaa-Marib highway on Monday.",
            "Sanaa-Marib highway",
        ),
        ("Government forces stormed checkpoints along the Khabur river on Sunday.", "Khabur river"),
        ("The SDF withdrew from villages around the Tishrin dam on Friday.", "Tishrin dam"),
    ],
)
def test_what_a_head_lies_on_is_an_entity_of_its_own(
    extract: Callable[..., ArticleFacts], text: str, inner: str
) -> None:
    facts = extract(text, EN, "en")
    assert _named(facts, inner).type in ("Facility", "Place")


@pytest.mark.parametrize(
    ("text", "head"),
    [
        ("Houthi fighters set up two checkpoints on the Sanaa-Marib highway on Monday.", "checkpoint"),
        ("Fighters of the Hamza Division charged fees at two checkpoints on the M4 highway.", "checkpoint"),
        ("The army stormed two posts along the Euphrates river on Sunday.", "post"),
        ("Tribal fighters seized two villages around the Omar oilfield.", "village"),
        ("The SDF left two positions near the Tishrin dam on Friday.", "position"),
    ],
)
def test_a_counted_head_with_a_locating_phrase_names_that_many_entities(
    extract: Callable[..., ArticleFacts], text: str, head: str
) -> None:
    facts = extract(text, EN, "en")
    counted = sorted(e.label for e in facts.entities if e.label.startswith(head))
    assert len(counted) == 2 and counted[1] == f"{counted[0]} 2", counted


@pytest.mark.parametrize(
    "text",
    [
        "The army closed the road linking Aleppo and Raqqa.",
        "Gunmen closed the highway between Homs and Hama.",
        "The army reopened the road to Tal Tamr on Monday.",
        "Tribal gunmen blocked the road leading to the Omar oilfield on Tuesday.",
        "Houthi fighters closed roads around Taiz and Marib.",
    ],
)
def test_the_places_in_a_road_s_name_are_no_targets(extract: Callable[..., ArticleFacts], text: str) -> None:
    facts = extract(text, EN, "en")
    (ev,) = _events(facts, "Closure") or _events(facts, "Reopening")
    assert all(t in {e.id for e in facts.entities if e.type == "Facility"} for t in ev.roles["target"])


# ------------------------------------------------------------------ unknown places
@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("RSF fighters overran the garrison in Al-Fula on Monday.", "Al-Fula"),
        ("The army withdrew from a hospital at Um Kadada.", "Um Kadada"),
        ("Talks were held at Dilling on Monday.", "Dilling"),
        (
            "Rapid Support Forces fighters overran the army headquarters in Babanusa late on Saturday.",
            "Babanusa",
        ),
        ("Gunmen blocked the coastal highway at Dafniya for six hours.", "Dafniya"),
        ("The SDF handed it over to the army in Tal Hamis.", "Tal Hamis"),
    ],
)
def test_an_unknown_name_after_a_locative_preposition_is_a_place(
    extract: Callable[..., ArticleFacts], text: str, place: str
) -> None:
    facts = extract(text, EN, "en")
    assert _named(facts, place).type == "Place"


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The army withdrew from the Dilling hospital in March.", "March"),
        ("Talks on the Hays hospital resumed in Ramadan.", "Ramadan"),
        ("The SDF said in Arabic that it had left the Tabqa dam.", "Arabic"),
        ("The army stormed the Kadugli airport in September 2023.", "September"),
        ("The militia closed the Raqqa bridge, a journalist at Reuters said.", "Reuters"),
    ],
)
def test_a_month_a_language_or_an_outlet_after_a_preposition_is_no_place(
    extract: Callable[..., ArticleFacts], text: str, word: str
) -> None:
    facts = extract(text, EN, "en")
    assert not any(word in m for m in _mentioned(facts))


# ------------------------------------------------------------------ speech nouns
@pytest.mark.parametrize(
    ("text", "kind", "speaker"),
    [
        (
            "The RSF seized the Al-Nuhud hospital, according to a UN flash update issued on Wednesday.",
            "Statement",
            "UN",
        ),
        ("The SDF withdrew from the Tishrin dam, according to an SDF statement.", "Statement", "SDF"),
        (
            "Turkish troops did not withdraw, contrary to an announcement by the Turkish defence ministry.",
            "Announcement",
            "Turkish defence ministry",
        ),
        ("The army left the Kadugli airport, an RSF communique said.", "Statement", "RSF"),
        (
            "The Houthis reopened the Al-Falaj checkpoint, according to a press release by the United Nations.",
            "Statement",
            "United Nations",
        ),
    ],
)
def test_a_speech_noun_names_its_speaker_and_is_asserted(
    extract: Callable[..., ArticleFacts], text: str, kind: str, speaker: str
) -> None:
    facts = extract(text, EN, "en")
    entity = _named(facts, speaker)
    speeches = [e for e in _events(facts, kind) if entity.id in e.roles.get("speaker", [])]
    assert speeches and all(e.status == "asserted" for e in speeches)


# ------------------------------------------------------------------ later mentions and denials of claims
@pytest.mark.parametrize(
    ("text", "first", "later"),
    [
        (
            "Government troops entered Jasim on Monday, and the military said it would stay.",
            "Government troops",
            "military",
        ),
        (
            "Army units retook the Hays hospital. The military later handed it to the police.",
            "Army units",
            "military",
        ),
        (
            "The army stormed the Kadugli airport. The military said it had lost no soldiers.",
            "army",
            "military",
        ),
        (
            "Sudanese army troops left the Jebel Aulia dam. The military said the move was temporary.",
            "Sudanese army troops",
            "military",
        ),
        (
            "Iraqi troops entered Sinjar on Friday, and the army said the town was calm.",
            "Iraqi troops",
            "army",
        ),
    ],
)
def test_the_military_refers_back_to_the_troops_told_before(
    extract: Callable[..., ArticleFacts], text: str, first: str, later: str
) -> None:
    facts = extract(text, EN, "en")
    entity = _named(facts, first)
    assert later in {m.text for m in entity.mentions}
    assert all(later not in {m.text for m in e.mentions} for e in facts.entities if e is not entity)


@pytest.mark.parametrize(
    ("text", "act"),
    [
        (
            "The Houthis said they had captured the Harib hospital. The government denied the claim on Monday.",
            "Seizure",
        ),
        ("The SDF said its fighters had seized the Tabqa dam. The army denied these claims.", "Seizure"),
        (
            "The Asayish took over the Qamishli bakery, local media reported. The Asayish denied the reports.",
            "Seizure",
        ),
        (
            "The LNA said it had withdrawn from the Sharara oilfield. The Petroleum Facilities Guard dismissed the claim.",
            "Withdrawal",
        ),
        (
            "The RSF seized the Al-Obeid refinery on Monday. The army on Tuesday rejected these reports.",
            "Seizure",
        ),
        (
            "Sudan's Rapid Support Forces said they had driven army troops out of the Al-Obeid refinery. "
            "The military denied the claim.",
            "Expulsion",
        ),
    ],
)
def test_denying_the_claim_denies_what_the_sentence_before_told(
    extract: Callable[..., ArticleFacts], text: str, act: str
) -> None:
    facts = extract(text, EN, "en")
    (denial,) = _events(facts, "Denial")
    (ev,) = _events(facts, act)
    assert ev.status == "denied"
    assert denial.denies == [ev.id]
    assert control_tuples(facts) == set()


@pytest.mark.parametrize(
    "text",
    [
        "The RSF seized the Al-Obeid refinery. The army denied that it had left the Kadugli airport.",
        "The RSF seized the Al-Obeid refinery on Monday. Residents on Tuesday rejected these reports.",
        "The RSF seized the Al-Obeid refinery. The army denied shelling the town.",
        "The RSF seized the Al-Obeid refinery. Talks on the refinery ended on Monday.",
        "The RSF seized the Al-Obeid refinery. The army said the claim was false.",
    ],
)
def test_a_seizure_that_no_one_denies_as_a_claim_stays_asserted(
    extract: Callable[..., ArticleFacts], text: str
) -> None:
    facts = extract(text, EN, "en")
    (seizure,) = _events(facts, "Seizure")
    assert seizure.status == "asserted"
    assert ("Rapid Support Forces", "Al-Obeid refinery", "started") in control_tuples(facts, english=True)


@pytest.mark.parametrize(
    ("text", "kind", "actor"),
    [
        (
            "Sunni tribal fighters from Albu Nimr said they had left the Hit water plant.",
            "Statement",
            "Sunni tribal fighters",
        ),
        ("Tribal gunmen from Wadi Shaar stormed the Marib water directorate.", "Seizure", "Tribal gunmen"),
        (
            "Kurdish fighters from Tal Tawil said they had left the Tal Tamr bakery.",
            "Statement",
            "Kurdish fighters",
        ),
        (
            "Local militiamen of Bani Walid closed the coastal highway on Monday.",
            "Closure",
            "Local militiamen",
        ),
        ("Tribal fighters from Deir ez-Zor stormed the Omar oilfield.", "Seizure", "Tribal fighters"),
    ],
)
def test_an_actor_from_a_place_is_the_subject_of_the_verb_after_the_place(
    extract: Callable[..., ArticleFacts], text: str, kind: str, actor: str
) -> None:
    facts = extract(text, EN, "en")
    (ev,) = _events(facts, kind)
    role = "speaker" if kind == "Statement" else "agent"
    assert ev.roles[role] == [_named(facts, actor).id]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "The brigade will hand the airport to the Petroleum Facilities Guard once talks end.",
            "Petroleum Facilities Guard",
        ),
        ("The SDF will leave the Tabqa dam if the Syrian Arab Army enters the town.", "Tabqa dam"),
        ("The army will enter Jasim unless the Central Committee agrees.", "Central Committee"),
        ("It is unclear whether the Hamza Division will leave the Saida crossing.", "Hamza Division"),
        ("The RSF will hold the Jebel Aulia dam until the Sudanese Armed Forces arrive.", "Jebel Aulia dam"),
    ],
)
def test_a_subordinator_ends_the_name_before_it(
    extract: Callable[..., ArticleFacts], text: str, name: str
) -> None:
    facts = extract(text, EN, "en")
    assert name in _mentioned(facts)
