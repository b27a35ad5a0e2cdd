"""English generalisation, round 3: counted plurals behind an adjective, a party's own account given
through its forces, participles used as adjectives, adjectives before a name, "sports city" as a
facility, and bare verbs that share the mood of a planned or negated verb they are joined to."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from extract_helpers import control_tuples
from extract_helpers import english_labels as _labels
from extract_helpers import events_of as _events

from conflictkg.facts import ArticleFacts

EN = date(2024, 2, 8)


@pytest.mark.parametrize(
    ("text", "singular"),
    [
        ("The army handed two nearby grain silos to the police.", "grain silo"),
        ("Government troops took over two nearby water towers on Friday.", "water tower"),
        ("Houthi fighters stormed two main checkpoints outside Marib on Monday.", "checkpoint"),
        ("The SDF handed two local bakeries in Manbij to the municipal council.", "bakery"),
    ],
)
def test_a_count_before_an_adjective_and_a_plural_names_that_many_entities(
    extract: Callable[..., ArticleFacts], text: str, singular: str
) -> None:
    facts = extract(text, EN, "en")
    labels = sorted(e.label_en or e.label for e in facts.entities if e.type == "Facility")
    counted = [lab for lab in labels if singular in lab]
    assert len(counted) == 2 and counted[1] == f"{counted[0]} 2", counted


@pytest.mark.parametrize(
    "text",
    [
        "Yemen's Southern Transitional Council said its forces had seized Seiyun airport on Friday.",
        "The Houthis said their fighters captured the town of Harib on Monday.",
        "The SDF said on Sunday its units had withdrawn from the Tishrin dam.",
        "The Rapid Support Forces said their troops had taken over the Babanusa garrison.",
    ],
)
def test_a_party_telling_of_its_own_forces_gives_a_claim_that_moves_no_control(
    extract: Callable[..., ArticleFacts], text: str
) -> None:
    facts = extract(text, EN, "en")
    acts = [e for e in facts.events if e.type in ("Seizure", "Withdrawal")]
    assert acts, "the act itself is still read"
    assert all(e.status == "reported" for e in acts)
    assert _control(facts) == set()


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Gunmen loyal to the ousted government abandoned the Latakia sports club.", "Expulsion"),
        ("Residents returned to the occupied villages near Afrin on Sunday.", "Seizure"),
        ("Aid reached the besieged villages of Nubl and Zahraa on Monday.", "Siege"),
        ("Police found weapons in a looted warehouse in Omdurman.", "Seizure"),
    ],
)
def test_a_participle_between_a_determiner_and_its_noun_is_an_adjective(
    extract: Callable[..., ArticleFacts], text: str, absent: str
) -> None:
    facts = extract(text, EN, "en")
    assert _events(facts, absent) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Police took over the neighbouring King Fahd Sports City in Aden on Friday.",
            "King Fahd Sports City",
        ),
        (
            "Members of the General Security Service took over the former Military Intelligence branch "
            "in Latakia and the adjacent Al-Assad Sports City on Wednesday.",
            "Al-Assad Sports City",
        ),
        ("Government troops stormed the adjacent Al-Hamra Sports City on Friday.", "Al-Hamra Sports City"),
    ],
)
def test_an_adjective_before_a_name_stays_out_of_it_and_a_sports_city_is_a_facility(
    extract: Callable[..., ArticleFacts], text: str, name: str
) -> None:
    facts = extract(text, EN, "en")
    found = [e for e in facts.entities if (e.label_en or e.label) == name]
    assert [e.type for e in found] == ["Facility"]


@pytest.mark.parametrize(
    ("text", "status"),
    [
        (
            "The Stability Support Apparatus and the Radaa force agreed on Monday to withdraw their fighters "
            "from the Souq al-Juma district of Tripoli and hand the Al-Kurnish checkpoint to the police.",
            "hypothetical",
        ),
        ("The SDF refused to leave the Tishrin dam or hand the site to the army.", "negated"),
        (
            "Turkish forces are expected to pull out of the Tal Halaf base and hand the Tal Halaf "
            "checkpoint to the Syrian National Army.",
            "hypothetical",
        ),
    ],
)
def test_a_bare_verb_joined_to_a_planned_or_negated_verb_shares_its_mood(
    extract: Callable[..., ArticleFacts], text: str, status: str
) -> None:
    facts = extract(text, EN, "en")
    acts = [e for e in facts.events if e.type in ("Withdrawal", "Handover")]
    assert len(acts) >= 2
    assert {e.status for e in acts} == {status}
    assert _control(facts) == set()


def test_a_past_verb_after_a_plan_stays_asserted(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract(
        "The SDF agreed to leave the Tishrin dam and withdrew from the Qara Qozak bridge on Friday.",
        EN,
        "en",
    )
    moods = {_labels(facts, e.roles["target"])[0]: e.status for e in _events(facts, "Withdrawal")}
    assert moods == {"Tishrin dam": "hypothetical", "Qara Qozak bridge": "asserted"}
    assert _control(facts) == {("Syrian Democratic Forces", "Qara Qozak bridge", "ended")}


@pytest.mark.parametrize(
    ("text", "holder", "target"),
    [
        (
            "Peshmerga forces took over 14 positions in the Makhmour area vacated by the federal army.",
            "federal army",
            "14 positions in Makhmour",
        ),
        (
            "Government troops moved into the Tabqa airbase vacated by the Syrian Democratic Forces.",
            "Syrian Democratic Forces",
            "airbase",
        ),
        (
            "Police entered the Tal Abyad crossing abandoned by the Syrian National Army on Monday.",
            "Syrian National Army",
            "crossing",
        ),
    ],
)
def test_a_participle_with_by_after_a_noun_is_a_passive_on_that_noun(
    extract: Callable[..., ArticleFacts], text: str, holder: str, target: str
) -> None:
    facts = extract(text, EN, "en")
    (ev,) = _events(facts, "Withdrawal")
    assert _labels(facts, ev.roles["agent"]) == [holder]
    assert _labels(facts, ev.roles["target"]) == [target]
    assert (holder, target, "ended") in _control(facts)


@pytest.mark.parametrize(
    "text",
    [
        "Regime units pulled out of the Tal Sikkin outpost they had captured at dawn.",
        "Houthi fighters left the Al-Jubah hospital they had stormed on Monday.",
    ],
)
def test_a_relative_clause_without_which_takes_the_noun_before_it_as_object(
    extract: Callable[..., ArticleFacts], text: str
) -> None:
    facts = extract(text, EN, "en")
    seizures = _events(facts, "Seizure")
    assert len(seizures) == 1
    assert [facts.entity(t).type for t in seizures[0].roles["target"]] == ["Facility"]


@pytest.mark.parametrize(
    ("text", "withdrawals"),
    [
        (
            "Turkish-backed factions encircled the village of Tal Shaeer, and the blockade has left the "
            "village's two bakeries without flour.",
            0,
        ),
        ("The Houthis besieged the town of Harib and left its residents without water.", 0),
        ("Months of shelling have left the Kadugli hospital without power.", 0),
        ("The RSF left the town of Bara without a fight on Sunday.", 1),
        ("The SDF left the Tishrin dam without any resistance.", 1),
    ],
)
def test_leave_with_a_result_after_its_object_is_no_withdrawal(
    extract: Callable[..., ArticleFacts], text: str, withdrawals: int
) -> None:
    facts = extract(text, EN, "en")
    assert len(_events(facts, "Withdrawal")) == withdrawals
    if withdrawals == 0:
        assert not any(status == "ended" for _, _, status in _control(facts))


@pytest.mark.parametrize(
    ("text", "holder"),
    [
        (
            "Members of the General Security Service took over the former Military Intelligence branch in "
            "Latakia and the adjacent Al-Assad Sports City on Wednesday, two days after local gunmen loyal "
            "to the ousted government abandoned both sites.",
            "local gunmen loyal to the ousted government",
        ),
        (
            "Government troops took over the Al-Khafsa water station and the Babiri pumping station after "
            "the SDF left the two facilities on Monday.",
            "Syrian Democratic Forces",
        ),
    ],
)
def test_both_sites_refers_back_to_the_two_entities_told_before(
    extract: Callable[..., ArticleFacts], text: str, holder: str
) -> None:
    facts = extract(text, EN, "en")
    (seizure,) = _events(facts, "Seizure")
    (withdrawal,) = _events(facts, "Withdrawal")
    assert len(seizure.roles["target"]) == 2
    assert sorted(withdrawal.roles["target"]) == sorted(seizure.roles["target"])
    ended = {(h, t) for h, t, status in _control(facts) if status == "ended"}
    assert ended == {(holder, t) for t in _labels(facts, seizure.roles["target"])}


def test_both_sides_is_no_pair_of_places(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract(
        "The army took over the Tabqa airbase and the Tabqa dam, and both sides agreed to talks.", EN, "en"
    )
    assert all(e.type != "Withdrawal" for e in facts.events)
    assert len([e for e in facts.entities if e.type == "Facility"]) == 2


@pytest.mark.parametrize(
    ("text", "holder", "target"),
    [
        (
            "Regime units failed on Tuesday to retake Tal Malah, a hilltop village north of Hama that HTS "
            "has controlled since 2019.",
            "Hayat Tahrir al-Sham",
            "Tal Malah",
        ),
        (
            "The army shelled the Tishrin dam, which the SDF has held since 2016.",
            "Syrian Democratic Forces",
            "Tishrin dam",
        ),
        (
            "Government forces advanced on the town of Kafr Nabl, which HTS had controlled for years.",
            "Hayat Tahrir al-Sham",
            "Kafr Nabl",
        ),
        (
            "Iraqi army units have not yet taken over the Rabia border crossing from the Peshmerga, which "
            "still controls the post.",
            "Peshmerga",
            "Rabia border crossing",
        ),
    ],
)
def test_a_relative_clause_with_a_perfect_of_holding_tells_held_control(
    extract: Callable[..., ArticleFacts], text: str, holder: str, target: str
) -> None:
    facts = extract(text, EN, "en")
    assert _control_written(facts) == {(holder, target, "held")}


def test_a_held_relative_does_not_become_the_subject_of_what_follows(
    extract: Callable[..., ArticleFacts],
) -> None:
    facts = extract(
        "Regime units from the 25th Division failed to retake Tal Malah, a village that HTS has controlled "
        "since 2019, and pulled out of the nearby Tal Sikkin outpost.",
        EN,
        "en",
    )
    (ev,) = _events(facts, "Withdrawal")
    assert _labels(facts, ev.roles["agent"]) == ["25th Division"]


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Government troops pushed into the town of Saraqeb on Monday.", "Saraqeb"),
        ("Houthi fighters advanced into the Harib district on Sunday.", "Harib"),
        ("Rapid Support Forces fighters rolled into the town of Bara on Friday.", "Bara"),
    ],
)
def test_moving_into_a_place_is_a_seizure(
    extract: Callable[..., ArticleFacts], text: str, target: str
) -> None:
    facts = extract(text, EN, "en")
    (ev,) = _events(facts, "Seizure")
    assert _written(facts, ev.roles["target"]) == [target]
    assert ev.status == "asserted"


def test_advancing_toward_a_place_is_no_seizure(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("Government troops advanced toward the town of Saraqeb on Monday.", EN, "en")
    assert _events(facts, "Seizure") == []


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Turkish forces will hand over the Sheikh Aqil base to Syrian National Army factions next month, "
            "a Turkish defence ministry source said.",
            "Turkish defence ministry",
        ),
        (
            "Iraqi army units withdrew from Sinjar, an Iraqi defence ministry official said on Thursday.",
            "Iraqi defence ministry",
        ),
        (
            "The RSF took over the Jebel Aulia dam, a Sudanese foreign ministry spokesman said.",
            "Sudanese foreign ministry",
        ),
    ],
)
def test_a_ministry_speaks_through_its_source_or_official(
    extract: Callable[..., ArticleFacts], text: str, speaker: str
) -> None:
    facts = extract(text, EN, "en")
    (ev,) = _events(facts, "Statement")
    assert _labels(facts, ev.roles["speaker"]) == [speaker]
    assert facts.entity(ev.roles["speaker"][0]).type == "Actor"


def test_residents_are_no_speaker(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("The SDF left the town of Tabqa on Monday, residents said.", EN, "en")
    assert _events(facts, "Statement") == []
    assert [e.type for e in facts.entities if e.type == "Actor"] == ["Actor"]


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        (
            "Yemen's Southern Transitional Council said its forces had seized Seiyun airport.",
            "Southern Transitional Council",
        ),
        (
            "Sudan's Rapid Support Forces said on Monday they had driven army troops out of the Al-Obeid refinery.",
            "Rapid Support Forces",
        ),
        (
            "Syria's Hayat Tahrir al-Sham took over the Bab al-Hawa crossing on Monday.",
            "Hayat Tahrir al-Sham",
        ),
    ],
)
def test_a_country_in_the_possessive_before_an_actor_is_no_place_mention(
    extract: Callable[..., ArticleFacts], text: str, actor: str
) -> None:
    facts = extract(text, EN, "en")
    labels = {(e.type, e.label_en or e.label) for e in facts.entities}
    assert ("Actor", actor) in labels
    assert not any(kind == "Place" for kind, _ in labels)


def test_a_place_in_the_possessive_before_a_place_stays(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("Fighters took over Aleppo's Sheikh Maqsoud district.", EN, "en")
    assert "Aleppo" in {e.label_en or e.label for e in facts.entities if e.type == "Place"}


@pytest.mark.parametrize(
    "text",
    [
        "The SDF left Tabqa on Monday, a local rights group said.",
        "Rapid Support Forces fighters overran the Babanusa garrison, two residents and a local monitoring "
        "group told Reuters.",
        "The Houthis seized the Harib district, a regional monitoring group reported.",
    ],
)
def test_an_unnamed_indefinite_source_is_no_actor_and_no_speaker(
    extract: Callable[..., ArticleFacts], text: str
) -> None:
    facts = extract(text, EN, "en")
    assert _events(facts, "Statement") == []
    assert not any("group" in (e.label_en or e.label) for e in facts.entities)


def test_an_unnamed_indefinite_actor_that_acts_stays(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("A local armed group seized the Tabqa airbase on Monday.", EN, "en")
    (ev,) = _events(facts, "Seizure")
    assert _labels(facts, ev.roles["agent"]) == ["armed group"]


@pytest.mark.parametrize(
    ("text", "claimant", "denied_type"),
    [
        (
            "Yemen's defence ministry on Saturday denied claims by the Houthis that their fighters had "
            "captured the Kofal military camp west of Marib city, saying government troops had repelled "
            "the assault.",
            "Houthis",
            "Seizure",
        ),
        (
            "The Nineveh Operations Command rejected a claim by the Popular Mobilisation Forces that their "
            "Brigade 30 had handed its positions around Bartella to the Iraqi army, saying the brigade's "
            "fighters were still manning checkpoints.",
            "Popular Mobilization Forces",
            "Handover",
        ),
    ],
)
def test_a_denied_claim_is_the_claimant_statement_and_the_saying_after_is_the_denial(
    extract: Callable[..., ArticleFacts], text: str, claimant: str, denied_type: str
) -> None:
    facts = extract(text, EN, "en")
    (statement,) = _events(facts, "Statement")
    assert _labels(facts, statement.roles["speaker"]) == [claimant]
    (act,) = _events(facts, denied_type)
    assert act.status == "denied"
    assert len(_events(facts, "Denial")) == 1
    assert _control(facts) == set()


def test_a_claim_that_gives_a_reported_event(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract(
        "The Houthis' claim that their fighters had captured the Kofal military camp was false.", EN, "en"
    )
    (ev,) = _events(facts, "Seizure")
    assert ev.status == "reported"
    assert _control(facts) == set()


def test_confirming_after_a_denial_is_a_speech_act_of_its_own(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract(
        "The Libyan National Army denied reports that it had deployed troops near Ghadames, calling them "
        "fabrications, while confirming that a unit had moved into the Tindi checkpoint south of the town.",
        EN,
        "en",
    )
    assert len(_events(facts, "Statement")) == 1
    (ev,) = _events(facts, "Seizure")
    assert ev.status == "asserted"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "The Kurdistan Region's Ministry of Peshmerga Affairs announced on Sunday that its forces will "
            "take over 14 positions in the Makhmour area.",
            "Kurdistan Region's Ministry of Peshmerga Affairs",
        ),
        (
            "The Ministry of Peshmerga Affairs said its forces took over the Makhmour camp.",
            "Ministry of Peshmerga Affairs",
        ),
    ],
)
def test_a_known_name_inside_an_institution_name_belongs_to_it(
    extract: Callable[..., ArticleFacts], text: str, name: str
) -> None:
    facts = extract(text, EN, "en")
    actors = [e.label_en or e.label for e in facts.entities if e.type == "Actor"]
    assert actors == [name]
    speech = [e for e in facts.events if e.type in ("Announcement", "Statement")]
    assert [_labels(facts, e.roles["speaker"]) for e in speech] == [[name]]


def test_leaders_of_a_known_actor_are_that_actor(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("Leaders of the Peshmerga took over the Makhmour camp.", EN, "en")
    (ev,) = _events(facts, "Seizure")
    assert _labels(facts, ev.roles["agent"]) == ["Peshmerga"]


@pytest.mark.parametrize(
    ("text", "role", "who"),
    [
        (
            "The SDF handed the al-Khafsa water pumping station over to government troops, under an "
            "arrangement overseen by Russian military police, residents said.",
            "mediator",
            "Russian forces",
        ),
        (
            "The Houthis reopened the Hawban road into Taiz on Thursday under an Omani-mediated arrangement "
            "with Yemen's government.",
            "party",
            "Yemeni government",
        ),
    ],
)
def test_an_arrangement_is_an_agreement_and_overseen_by_names_its_mediator(
    extract: Callable[..., ArticleFacts], text: str, role: str, who: str
) -> None:
    facts = extract(text, EN, "en")
    (ev,) = _events(facts, "Agreement")
    assert _labels(facts, ev.roles[role]) == [who]


@pytest.mark.parametrize(
    ("text", "besieged"),
    [
        (
            "Houthi fighters lifted their three-month siege of the Al-Rawda health centre on Tuesday.",
            "Al-Rawda health centre",
        ),
        (
            "Houthi fighters ended their weeks-long encirclement of the Al-Jubah district hospital on "
            "Wednesday night.",
            "Al-Jubah district hospital",
        ),
        ("Government forces lifted the siege of the town of Harasta.", "Harasta"),
        ("Rapid Support Forces fighters broke their blockade of the Zamzam camp on Sunday.", "Zamzam camp"),
    ],
)
def test_a_lift_verb_before_a_siege_noun_ends_the_siege(
    extract: Callable[..., ArticleFacts], text: str, besieged: str
) -> None:
    facts = extract(text, EN, "en")
    (ev,) = _events(facts, "SiegeLifting")
    assert besieged in _written(facts, ev.roles["besieged"])
    assert ev.status == "asserted"
    assert _events(facts, "Siege") == []
    assert _control(facts) == set()


@pytest.mark.parametrize(
    "text",
    [
        "The Houthis reopened the Hawban road, easing but not ending their siege of the city of Taiz.",
        "Government forces did not lift the siege of the town of Harasta.",
    ],
)
def test_a_siege_not_lifted_goes_on(extract: Callable[..., ArticleFacts], text: str) -> None:
    facts = extract(text, EN, "en")
    assert _events(facts, "SiegeLifting") == []
    (ev,) = _events(facts, "Siege")
    assert ev.status == "asserted"


def test_ending_talks_about_a_siege_lifts_nothing(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("The Houthis ended talks on the siege of Taiz on Monday.", EN, "en")
    assert _events(facts, "SiegeLifting") == []


@pytest.mark.parametrize(
    "text",
    [
        "Houthi fighters ended their encirclement of the Al-Jubah hospital, a health official in Marib "
        "told The National.",
        "The SDF left the town of Tabqa, residents of Raqqa said.",
    ],
)
def test_a_source_located_in_a_place_is_nobody(extract: Callable[..., ArticleFacts], text: str) -> None:
    facts = extract(text, EN, "en")
    assert _events(facts, "Statement") == []


def _control(facts: ArticleFacts) -> set[tuple[str, str, str]]:
    return control_tuples(facts, english=True)


def _written(facts: ArticleFacts, iris: list[str]) -> list[str]:
    """The proper name each entity is written with in the text ("town of Saraqeb" and a known
    "Saraqeb" both give "Saraqeb"), so a test does not depend on whether the gazetteer knows it."""
    first = {e.id: e.mentions[0].text if e.mentions else e.label for e in facts.entities}
    heads = ("town of ", "village of ", "city of ")
    out = []
    for i in iris:
        text = first[i]
        for head in heads:
            text = text.removeprefix(head)
        out.append(text.removesuffix(" district"))
    return out


def _control_written(facts: ArticleFacts) -> set[tuple[str, str, str]]:
    """Control tuples with the holder's English label and the target as written (see ``_written``)."""
    names = {e.id: e.label_en or e.label for e in facts.entities}
    return {
        (
            names[p.holder],
            _written(facts, [p.facility])[0],
            "started" if p.started_by else "ended" if p.ended_by else "held",
        )
        for p in facts.control
        if p.kind == "control"
    }
