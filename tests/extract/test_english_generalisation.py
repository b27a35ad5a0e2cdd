"""English reading of phenomena that blind-written reports showed it missed: places inside facility
names, units loyal to or backed by another actor, appositions, denial scope, possessive subjects,
time words inside markers, locating "of" phrases, modifiers that change a head's kind, lists across
commas, "the city" for a named city, acronyms before a unit noun, names described by an apposition,
plural heads and support verbs read through their lemma. Each rule is tested on several sentences."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from conflictkg.facts import ArticleFacts, Event
from conflictkg.namespace import CKR_NS

R = CKR_NS
EN = date(2024, 2, 8)


def _events(facts: ArticleFacts, kind: str) -> list[Event]:
    return [e for e in facts.events if e.type == kind]


def _label(facts: ArticleFacts, iri: str) -> str:
    e = facts.entity(iri)
    return e.label_en or e.label


def _labels(facts: ArticleFacts, iris: list[str]) -> list[str]:
    return [_label(facts, i) for i in iris]


def _types(facts: ArticleFacts) -> dict[str, str]:
    return {_label(facts, e.id): e.type for e in facts.entities}


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("The RSF stormed Khartoum airport.", R + "khartoum-airport"),
        ("The Houthis stormed Sanaa airport on Monday.", R + "sanaa-airport"),
        (
            "The Sudanese army denied reports that the RSF had captured Khartoum airport.",
            R + "khartoum-airport",
        ),
        ("Government forces retook Damascus airport after heavy fighting.", R + "damascus-airport"),
    ],
)
def test_a_place_inside_a_facility_name_is_no_target(
    extract: Callable[..., ArticleFacts], text: str, target: str
) -> None:
    (seizure,) = _events(extract(text, EN, "en"), "Seizure")
    assert seizure.roles["target"] == [target]


@pytest.mark.parametrize(
    "text",
    [
        "RSF fighters stormed the Nyala water corporation.",
        "Turkish-backed factions seized the Afrin water directorate.",
        "Houthi fighters took over the Taiz electricity corporation.",
    ],
)
def test_a_place_named_before_an_unknown_facility_locates_it(
    extract: Callable[..., ArticleFacts], text: str
) -> None:
    facts = extract(text, EN, "en")
    (seizure,) = _events(facts, "Seizure")
    (target,) = seizure.roles["target"]
    assert facts.entity(target).type == "Facility"


@pytest.mark.parametrize(
    ("text", "unit", "patron"),
    [
        (
            "Gunmen loyal to the Murzuq Military Council blocked the road to the Sharara oilfield.",
            "Gunmen loyal to the Murzuq Military Council",
            "Murzuq Military Council",
        ),
        (
            "Militiamen loyal to the Fourth Division have surrounded Daraa.",
            "Militiamen",
            "4th Armoured Division",
        ),
        ("Forces affiliated with the Islah party withdrew from Ataq.", "Forces affiliated", "Islah Party"),
        (
            "Peshmerga units loyal to the Kurdistan Democratic Party redeployed to Sinjar.",
            "Peshmerga units loyal to the Kurdistan Democratic Party",
            "Kurdistan Democratic Party",
        ),
        (
            "Fighters allied with the SDF stormed the Hasakah prison.",
            "Fighters allied",
            "Syrian Democratic Forces",
        ),
    ],
)
def test_a_unit_loyal_to_an_actor_is_an_actor_of_its_own(
    extract: Callable[..., ArticleFacts], text: str, unit: str, patron: str
) -> None:
    facts = extract(text, EN, "en")
    (event,) = [e for e in facts.events if e.type not in ("Statement", "Denial")]
    agent_role = "besieger" if event.type == "Siege" else "agent"
    (agent,) = _labels(facts, event.roles[agent_role])
    assert agent.startswith(unit) and agent != patron
    assert patron in _types(facts)  # the patron is an entity too, but no agent


@pytest.mark.parametrize(
    ("text", "agent", "backer"),
    [
        (
            "Tribal fighters backed by the army's 7th Division expelled Islamic State remnants from Ramadi.",
            "Tribal fighters",
            "army's 7th Division",
        ),
        (
            "Arab tribal fighters supported by the SDF seized Deir ez-Zor.",
            "Arab tribal fighters",
            "Syrian Democratic Forces",
        ),
        ("Local gunmen backed by Turkish forces stormed Afrin on Friday.", "Local gunmen", "Turkish forces"),
    ],
)
def test_an_actor_backed_by_another_acts_itself(
    extract: Callable[..., ArticleFacts], text: str, agent: str, backer: str
) -> None:
    facts = extract(text, EN, "en")
    (event,) = [e for e in facts.events if e.type in ("Seizure", "Expulsion")]
    assert _labels(facts, event.roles["agent"]) == [agent]
    assert backer in _types(facts)


@pytest.mark.parametrize(
    ("text", "agent", "kind"),
    [
        (
            "The Southern Transitional Council (STC), the UAE-backed separatist group, handed Ataq airport "
            "to the Giants Brigades on Friday.",
            "Southern Transitional Council",
            "Handover",
        ),
        ("The Martyrs Brigade, a local armed group, stormed Daraa.", "Martyrs Brigade", "Seizure"),
        ("The SDF, the Kurdish-led militia, withdrew from Manbij.", "Syrian Democratic Forces", "Withdrawal"),
    ],
)
def test_an_apposition_describes_the_actor_before_it(
    extract: Callable[..., ArticleFacts], text: str, agent: str, kind: str
) -> None:
    facts = extract(text, EN, "en")
    (event,) = _events(facts, kind)
    assert _labels(facts, event.roles["agent"]) == [agent]
    assert [e for e in facts.entities if e.type == "Actor" and "group" in (e.label_en or e.label)] == []
    assert not any("militia" in (e.label_en or e.label) for e in facts.entities)


def test_a_list_of_actors_is_no_apposition(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("The SDF, the local council and the Asayish met in Raqqa on Monday.", EN, "en")
    assert "local council" in _types(facts)


@pytest.mark.parametrize(
    ("text", "denied", "asserted"),
    [
        (
            "The LNA denied that its 128th Brigade had withdrawn from the Sharara oilfield, two days after "
            "gunmen loyal to the Murzuq Military Council blocked the road to the field.",
            "Withdrawal",
            "Closure",
        ),
        (
            "The SDF denied reports that it had withdrawn from Raqqa, a day after Turkish forces captured Tal Abyad.",
            "Withdrawal",
            "Seizure",
        ),
        (
            "The army denied that the RSF had captured Kassala, but RSF fighters besieged El Obeid.",
            "Seizure",
            "Siege",
        ),
        (
            "The Houthis denied that they had withdrawn from Hodeidah port, while government forces "
            "stormed Mocha port.",
            "Withdrawal",
            "Seizure",
        ),
    ],
)
def test_a_denial_ends_at_an_adverbial_clause(
    extract: Callable[..., ArticleFacts], text: str, denied: str, asserted: str
) -> None:
    facts = extract(text, EN, "en")
    assert [e.status for e in _events(facts, denied)] == ["denied"]
    assert [e.status for e in _events(facts, asserted)] == ["asserted"]


@pytest.mark.parametrize(
    ("text", "agent"),
    [
        ("The army denied claims by the Houthis that their fighters had captured Marib.", R + "houthis"),
        (
            "Yemen's government rejected a claim by the Houthis that their fighters had seized Hodeidah port.",
            R + "houthis",
        ),
        ("The SDF denied that its fighters had seized the Qamishli airport.", R + "sdf"),
        ("The army denied reports by the RSF that its units had stormed Kassala.", R + "rsf"),
    ],
)
def test_a_possessive_subject_is_the_actor_the_pronoun_points_to(
    extract: Callable[..., ArticleFacts], text: str, agent: str
) -> None:
    facts = extract(text, EN, "en")
    (seizure,) = _events(facts, "Seizure")
    assert seizure.roles["agent"] == [agent]
    assert seizure.status == "denied"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The Libyan National Army on Thursday denied reports that it had withdrawn from Sirte.", R + "lna"),
        ("The SDF on Monday denied that it had withdrawn from Manbij.", R + "sdf"),
        ("The Houthis last week denied that they had withdrawn from Hodeidah.", R + "houthis"),
    ],
)
def test_time_words_between_subject_and_verb(
    extract: Callable[..., ArticleFacts], text: str, speaker: str
) -> None:
    facts = extract(text, EN, "en")
    (denial,) = _events(facts, "Denial")
    assert denial.roles["speaker"] == [speaker]
    assert [e.status for e in _events(facts, "Withdrawal")] == ["denied"]


@pytest.mark.parametrize(
    "text",
    [
        "Regime forces failed on Tuesday to retake Kafranbel.",
        "The SDF failed on Monday to capture Raqqa.",
        "Turkish forces failed last week to capture Manbij.",
    ],
)
def test_a_refusal_or_failure_with_time_words_inside_negates(
    extract: Callable[..., ArticleFacts], text: str
) -> None:
    facts = extract(text, EN, "en")
    (seizure,) = _events(facts, "Seizure")
    assert seizure.status == "negated" and seizure.roles["agent"]
    assert facts.control == []


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Houthi fighters captured the Kofal military camp west of Marib.", "Marib"),
        ("RSF fighters overran the Zamzam camp on the northern edge of El Fasher.", "El Fasher"),
        ("Turkish-backed factions seized three villages north of Manbij.", "Manbij"),
        ("The SDF stormed a checkpoint on the outskirts of Raqqa.", "Raqqa"),
    ],
)
def test_a_place_that_only_locates_the_target_is_no_target(
    extract: Callable[..., ArticleFacts], text: str, place: str
) -> None:
    facts = extract(text, EN, "en")
    for seizure in _events(facts, "Seizure"):
        assert place not in _labels(facts, seizure.roles.get("target", []))
    assert all(_label(facts, p.facility) != place for p in facts.control)


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("Houthi fighters captured the Kofal military camp.", "Kofal military camp", "Facility"),
        ("RSF fighters overran the Abu Shouk displacement camp.", "Abu Shouk displacement camp", "Facility"),
        ("The army stormed the Tal Kalakh army camp.", "Tal Kalakh army camp", "Facility"),
        ("Government forces besieged the Yarmouk refugee camp.", "Yarmouk refugee camp", "Place"),
    ],
)
def test_a_modifier_can_change_the_kind_of_a_head(
    extract: Callable[..., ArticleFacts], text: str, name: str, kind: str
) -> None:
    assert _types(extract(text, EN, "en")).get(name) == kind


@pytest.mark.parametrize(
    ("text", "targets"),
    [
        (
            "Turkish-backed fighters seized the municipal bakery, the water directorate and a former police "
            "station in Suluk.",
            3,
        ),
        ("RSF fighters stormed the Nyala hospital, the central bank branch and the grain silos.", 3),
        ("The SDF withdrew from Tal Tamr, Ain Issa and Tal Abyad on Sunday.", 3),
    ],
)
def test_a_list_across_commas_gives_every_target(
    extract: Callable[..., ArticleFacts], text: str, targets: int
) -> None:
    facts = extract(text, EN, "en")
    (event,) = [e for e in facts.events if e.type in ("Seizure", "Withdrawal")]
    assert len(event.roles["target"]) == targets


def test_an_argument_list_stops_at_a_speaker(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("The RSF seized the Nyala hospital, the army said.", EN, "en")
    (seizure,) = _events(facts, "Seizure")
    assert all(facts.entity(t).type != "Actor" for t in seizure.roles["target"])


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("The RSF shelled El Fasher on Monday, tightening its siege of the city.", R + "el-fasher"),
        (
            "The SDF left Manbij on Monday and Turkish-backed factions entered the town hours later.",
            R + "manbij",
        ),
        ("Houthi fighters pushed into Taiz, and a day later they imposed a siege on the city.", R + "taiz"),
    ],
)
def test_the_city_refers_to_the_city_named_before(
    extract: Callable[..., ArticleFacts], text: str, place: str
) -> None:
    facts = extract(text, EN, "en")
    last = [e for e in facts.events if e.type in ("Siege", "Seizure")][-1]
    assert place in last.roles.get("besieged", []) + last.roles.get("target", [])


@pytest.mark.parametrize(
    ("text", "agent"),
    [
        ("Syrian Democratic Forces (SDF) units pulled out of Manbij overnight.", R + "sdf"),
        ("Rapid Support Forces (RSF) fighters withdrew from Wad Madani.", R + "rsf"),
        ("Hayat Tahrir al-Sham (HTS) fighters stormed Idlib.", R + "hts"),
    ],
)
def test_an_acronym_before_a_unit_noun_is_the_subject(
    extract: Callable[..., ArticleFacts], text: str, agent: str
) -> None:
    facts = extract(text, EN, "en")
    (event,) = [e for e in facts.events if e.type in ("Seizure", "Withdrawal")]
    assert event.roles["agent"] == [agent]


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("Regime forces failed to retake Tal Malah, a hilltop village north of Hama.", "Tal Malah", "Place"),
        (
            "Turkish-backed factions captured Tal Tawil, a village near Ras al-Ain, on Monday.",
            "Tal Tawil",
            "Place",
        ),
        ("The SDF withdrew from Umm Kharza, a small town on the Euphrates.", "Umm Kharza", "Place"),
        ("Regime forces stormed Tal Sikkin, a hilltop outpost north of Hama.", "Tal Sikkin", "Facility"),
    ],
)
def test_an_unknown_name_takes_the_kind_of_its_apposition(
    extract: Callable[..., ArticleFacts], text: str, name: str, kind: str
) -> None:
    facts = extract(text, EN, "en")
    assert _types(facts).get(name) == kind
    (event,) = [e for e in facts.events if e.type in ("Seizure", "Withdrawal")]
    assert name in _labels(facts, event.roles["target"])


def test_a_fronted_time_is_no_name(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("In March, a brigade stormed Daraa.", EN, "en")
    assert "March" not in _types(facts)


@pytest.mark.parametrize(
    ("text", "head"),
    [
        ("Turkish troops withdrew from their observation posts near Tal Rifaat.", "observation post"),
        ("RSF fighters stormed the Nyala clinics.", "clinic"),
        ("The army took over the water towers of Deir ez-Zor.", "water tower"),
    ],
)
def test_a_plural_head_is_read_through_its_lemma(
    extract: Callable[..., ArticleFacts], text: str, head: str
) -> None:
    facts = extract(text, EN, "en")
    assert any(head in (e.label_en or e.label) and e.type == "Facility" for e in facts.entities)


@pytest.mark.parametrize(
    ("text", "besieged"),
    [
        ("RSF fighters tightened their siege of El Fasher.", R + "el-fasher"),
        ("The Houthis are maintaining a siege on Taiz.", R + "taiz"),
        ("Government forces are enforcing a siege on Daraa al-Balad.", None),
    ],
)
def test_a_support_verb_is_read_in_every_inflection(
    extract: Callable[..., ArticleFacts], text: str, besieged: str | None
) -> None:
    facts = extract(text, EN, "en")
    (siege,) = _events(facts, "Siege")
    assert siege.roles.get("besieger")
    if besieged is not None:
        assert siege.roles["besieged"] == [besieged]


@pytest.mark.parametrize(
    "text",
    [
        "Iraqi army units have not yet taken over the Rabia crossing.",
        "The SDF has not yet withdrawn from Manbij.",
        "Turkish forces had not yet entered Tal Rifaat.",
    ],
)
def test_not_yet_negates(extract: Callable[..., ArticleFacts], text: str) -> None:
    facts = extract(text, EN, "en")
    (event,) = [e for e in facts.events if e.type in ("Seizure", "Withdrawal")]
    assert event.status == "negated" and event.roles["agent"]
    assert facts.control == []


@pytest.mark.parametrize(
    ("text", "agent"),
    [
        ("The Sudanese Armed Forces (SAF) regained control of Wad Madani.", R + "saf"),
        ("The Syrian Democratic Forces (SDF) withdrew from Manbij on Monday.", R + "sdf"),
        ("The Rapid Support Forces (RSF) stormed Nyala.", R + "rsf"),
    ],
)
def test_a_name_with_its_acronym_in_brackets_is_the_subject(
    extract: Callable[..., ArticleFacts], text: str, agent: str
) -> None:
    facts = extract(text, EN, "en")
    (event,) = [e for e in facts.events if e.type in ("Seizure", "Withdrawal")]
    assert event.roles["agent"] == [agent]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "The PMF said their Brigade 30 had handed its positions around Bartella to the Iraqi army.",
            "Brigade 30",
        ),
        ("Fighters of Division 17 withdrew from Raqqa.", "Division 17"),
        ("The PMF's Brigade 44 stormed Jurf al-Sakhar.", "PMF's Brigade 44"),
    ],
)
def test_a_number_after_the_head_is_part_of_the_name(
    extract: Callable[..., ArticleFacts], text: str, name: str
) -> None:
    assert _types(extract(text, EN, "en")).get(name) == "Actor"


@pytest.mark.parametrize(
    "text",
    [
        "PMF fighters were still manning checkpoints on the Mosul-Erbil road.",
        "SDF units are guarding checkpoints around Raqqa.",
        "The brigade was reportedly running checkpoints near Sirte.",
    ],
)
def test_an_ing_verb_after_an_auxiliary_is_no_name(extract: Callable[..., ArticleFacts], text: str) -> None:
    facts = extract(text, EN, "en")
    assert not any((e.label_en or e.label).split()[0].endswith("ing") for e in facts.entities)


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        (
            "The Nineveh Operations Command said the Hamza Brigade had not withdrawn, and the brigade's "
            "fighters were still in Bartella.",
            "Hamza Brigade",
        ),
        (
            "The Murzuq Military Council blocked the road on Monday, and the council's fighters stormed "
            "the Sharara oilfield.",
            "Murzuq Military Council",
        ),
    ],
)
def test_the_fighters_of_a_described_actor_are_that_actor(
    extract: Callable[..., ArticleFacts], text: str, actor: str
) -> None:
    facts = extract(text, EN, "en")
    actors = [e.label_en or e.label for e in facts.entities if e.type == "Actor"]
    assert actor in actors and not any("fighters" in a for a in actors)


@pytest.mark.parametrize(
    ("text", "agent"),
    [
        (
            "Iraqi army units took over the Rabia crossing from the Peshmerga, which held it for years, and "
            "deployed to Sinjar.",
            "Iraqi army units",
        ),
        (
            "Turkish troops took over Afrin from the YPG, which withdrew to Tal Rifaat, and later deployed "
            "to Jinderes.",
            "Turkish forces",
        ),
        (
            "Regime forces took over Daraa al-Balad from rebel groups, which pulled out to Idlib, and "
            "deployed to the Omari mosque.",
            "Syrian government forces",
        ),
    ],
)
def test_a_relative_clause_subject_is_not_carried_on(
    extract: Callable[..., ArticleFacts], text: str, agent: str
) -> None:
    facts = extract(text, EN, "en")
    last = [e for e in facts.events if e.type in ("Deployment", "Withdrawal")][-1]
    assert _labels(facts, last.roles["agent"]) == [agent]


@pytest.mark.parametrize(
    ("text", "targets"),
    [
        (
            "Tribal fighters backed by the army took control of Hit and seized its school, clinic and water tower.",
            3,
        ),
        ("The SDF seized Raqqa, Tabqa, and Ain Issa.", 3),
        ("Turkish-backed factions seized Afrin, as well as a nearby checkpoint.", 2),
        ("Regime forces stormed the town hall, the central prison, as well as a nearby checkpoint.", 3),
    ],
)
def test_a_list_goes_on_after_an_oxford_comma_and_as_well_as(
    extract: Callable[..., ArticleFacts], text: str, targets: int
) -> None:
    facts = extract(text, EN, "en")
    seizures = [e for e in facts.events if e.type == "Seizure" and len(e.roles.get("target", [])) > 1]
    assert max((len(e.roles["target"]) for e in seizures), default=0) == targets


@pytest.mark.parametrize(
    "text",
    [
        "Tribal fighters took control of Hit and seized its school, clinic and water tower.",
        "The Houthis took over Hodeidah port and its warehouses, offices and clinic.",
        "Asayish forces stormed the finance directorate and its offices, warehouse and clinic.",
    ],
)
def test_a_possessive_owns_every_item_of_its_list(extract: Callable[..., ArticleFacts], text: str) -> None:
    facts = extract(text, EN, "en")
    labels = _types(facts)
    assert labels.get("clinic", labels.get("office")) == "Facility"


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("The SDF is due to withdraw from Manbij next week.", "hypothetical"),
        ("Iraqi army units are due to take over Sinjar by the end of the month.", "hypothetical"),
        ("Turkish forces are poised to enter Tal Rifaat.", "hypothetical"),
        ("The Peshmerga has so far refused to leave Sinjar.", "negated"),
        ("The Houthis have so far failed to capture Marib.", "negated"),
    ],
)
def test_plans_and_refusals_with_adverbs_between(
    extract: Callable[..., ArticleFacts], text: str, status: str
) -> None:
    facts = extract(text, EN, "en")
    (event,) = [e for e in facts.events if e.type in ("Seizure", "Withdrawal")]
    assert event.status == status
    assert facts.control == []


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Iraqi army units took over the checkpoints in Sinjar.", ["checkpoints in Sinjar"]),
        (
            "The RSF looted the warehouses in Nyala and El Fasher.",
            ["warehouses in Nyala", "warehouses in El Fasher"],
        ),
        ("Houthi fighters stormed the offices in Taiz.", ["offices in Taiz"]),
    ],
)
def test_an_unnamed_plural_is_named_by_the_place_it_is_in(
    extract: Callable[..., ArticleFacts], text: str, names: list[str]
) -> None:
    types = _types(extract(text, EN, "en"))
    assert all(types.get(n) == "Facility" for n in names)
