"""English news phenomena, each with several general sentences: split phrasal verbs, refusals,
what an agreement is about, claims denied after the fact, a confirmation closing a denial's scope,
counted and coordinated facility names, areas named by the places around them, places inside names,
hyphenated gazetteer names, a handover retelling a withdrawal, subjects after time words, and the
same entity IRIs as an Arabic report of the same facts."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from extract_helpers import control_tuples

from conflictkg.facts import ArticleFacts, Event
from conflictkg.namespace import CKR_NS

R = CKR_NS
EN = date(2024, 2, 8)


def _en(extract: Callable[..., ArticleFacts], text: str) -> ArticleFacts:
    return extract(text, EN, "en")


def _events(facts: ArticleFacts, kind: str) -> list[Event]:
    return [e for e in facts.events if e.type == kind]


def _one(facts: ArticleFacts, kind: str) -> Event:
    found = _events(facts, kind)
    assert len(found) == 1, [(e.type, e.status, e.roles) for e in facts.events]
    return found[0]


def _labels(facts: ArticleFacts, iris: list[str]) -> list[str]:
    return [facts.entity(i).label_en or facts.entity(i).label for i in iris]


# --- phrasal verbs with the object between verb and particle ---------------------------------
@pytest.mark.parametrize(
    ("text", "kind", "target"),
    [
        (
            "The Asayish seized the Tal Tamr grain silos on Sunday and handed them over to the SDF "
            "two days later.",
            "Handover",
            "grain silos",
        ),
        (
            "The SDF captured the Raqqa water station on Monday and turned it over to the local council.",
            "Handover",
            "water station",
        ),
        (
            "Tribal fighters stormed the Manbij bakery on Friday but handed it back to the SDF hours later.",
            "Handover",
            "bakery",
        ),
        (
            "The Kaniyat militia occupied the Sabha power plant in March and handed it back on Tuesday.",
            "Withdrawal",
            "power plant",
        ),
    ],
)
def test_a_pronoun_between_verb_and_particle_is_the_object(
    extract: Callable[..., ArticleFacts], text: str, kind: str, target: str
) -> None:
    facts = _en(extract, text)
    seizure, given = _one(facts, "Seizure"), _one(facts, kind)
    assert _labels(facts, given.roles["target"]) == [target]
    assert given.roles["agent"] == seizure.roles["agent"]
    held = [p for p in facts.control if p.holder == seizure.roles["agent"][0]]
    assert [(p.started_by, p.ended_by) for p in held] == [(seizure.id, given.id)]


def test_a_possessive_and_troops_between_verb_and_particle(extract: Callable[..., ArticleFacts]) -> None:
    facts = _en(extract, "Under the deal, Turkish forces will pull their troops out of the Tal Halaf base.")
    ev = _one(facts, "Withdrawal")
    assert (ev.status, _labels(facts, ev.roles["target"])) == ("hypothetical", ["Tal Halaf base"])
    assert ev.roles["agent"] == [R + "turkish-forces"]
    assert facts.control == []


# --- refusals and failures are negations ------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The Houthis refused to withdraw from the Hodeidah port.", "Withdrawal"),
        ("The SDF failed to take over the Tishreen dam.", "Seizure"),
        ("Government forces were unable to enter the Daraa al-Balad district.", "Seizure"),
        ("The RSF declined to withdraw from the Khartoum refinery.", "Withdrawal"),
        ("Turkish forces have failed to seize the Ain Issa silos.", "Seizure"),
    ],
)
def test_a_refused_or_failed_event_is_negated_and_moves_no_control(
    extract: Callable[..., ArticleFacts], text: str, kind: str
) -> None:
    facts = _en(extract, text)
    assert _one(facts, kind).status == "negated"
    assert facts.control == []


# --- what an agreement or talks are about has not happened ------------------------------------
@pytest.mark.parametrize(
    ("text", "status"),
    [
        (
            "Turkish forces and the SDF agreed on the withdrawal of Turkish forces from the Tal Halaf base.",
            "hypothetical",
        ),
        (
            "The SDF and the Syrian government reached a deal on the SDF's withdrawal from the Tabqa dam.",
            "hypothetical",
        ),
        (
            "The SAF and the RSF failed to agree on the RSF's withdrawal from the Khartoum refinery.",
            "negated",
        ),
        (
            "The Houthis and the Yemeni government held talks on a withdrawal of the Houthis from the Hodeidah port.",
            "hypothetical",
        ),
    ],
)
def test_the_content_of_an_agreement_or_of_talks_is_not_asserted(
    extract: Callable[..., ArticleFacts], text: str, status: str
) -> None:
    facts = _en(extract, text)
    withdrawal = _one(facts, "Withdrawal")
    assert withdrawal.status == status
    assert withdrawal.roles.get("target")
    assert facts.control == []


# --- denials --------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "denier"),
    [
        ("The RSF said on Monday it had seized the Merowe airport, a claim the Sudanese army denied.", "saf"),
        ("The SNA said it had stormed the Tal Abyad bakery, a claim the SDF rejected.", "sdf"),
        (
            "Houthi media said the Houthis had captured the Marib power plant, claims the Yemeni government denied.",
            "yemeni-government",
        ),
    ],
)
def test_a_claim_denied_after_the_fact_is_denied(
    extract: Callable[..., ArticleFacts], text: str, denier: str
) -> None:
    facts = _en(extract, text)
    seizure, denial = _one(facts, "Seizure"), _one(facts, "Denial")
    assert seizure.status == "denied" and denial.denies == [seizure.id]
    assert denial.roles["speaker"] == [R + denier]
    assert control_tuples(facts) == set()


def test_a_denial_elaborated_with_saying_is_one_speech_act(extract: Callable[..., ArticleFacts]) -> None:
    facts = _en(
        extract,
        "The RSF said it had taken control of the Merowe airport, a claim the Sudanese army rejected, saying its troops "
        "still held the base.",
    )
    assert sorted(e.type for e in facts.events) == ["Denial", "Seizure", "Statement"]
    assert _one(facts, "Statement").roles["speaker"] == [R + "rsf"]


@pytest.mark.parametrize(
    "text",
    [
        "The SDF denied that its fighters had stormed the Raqqa court, but confirmed it had closed the Raqqa bridge.",
        "The SDF denied reports that it had stormed the Raqqa court, while confirming that it had closed the Raqqa bridge.",
        "The SDF rejected reports that its fighters stormed the Raqqa court but acknowledged that it closed the Raqqa bridge.",
    ],
)
def test_a_confirmation_ends_the_scope_of_a_denial(extract: Callable[..., ArticleFacts], text: str) -> None:
    facts = _en(extract, text)
    assert _one(facts, "Seizure").status == "denied"
    assert _one(facts, "Closure").status == "asserted"


@pytest.mark.parametrize(
    "text",
    [
        "The SDF said it had stormed the Raqqa court.",
        "The SDF said they had stormed the Raqqa court.",
        "The SDF said on Monday that it had stormed the Raqqa court.",
    ],
)
def test_a_party_saying_it_did_something_is_its_claim(
    extract: Callable[..., ArticleFacts], text: str
) -> None:
    facts = _en(extract, text)
    assert _one(facts, "Seizure").status == "reported"
    assert control_tuples(facts) == set()


# --- counted and coordinated names ------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Government forces withdrew from two nearby checkpoints on Monday.", 2),
        ("The SDF withdrew from three nearby checkpoints on Monday.", 3),
        ("The Houthis seized two military outposts near Marib.", 2),
    ],
)
def test_a_counted_plural_names_that_many_facilities(
    extract: Callable[..., ArticleFacts], text: str, count: int
) -> None:
    facts = _en(extract, text)
    ev = next(e for e in facts.events if e.type in ("Withdrawal", "Seizure"))
    assert len(ev.roles["target"]) == count
    assert len({facts.entity(t).label for t in ev.roles["target"]}) == count


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        (
            "The SNA closed the Bab al-Salama and Ras al-Ain crossings on Tuesday.",
            ["Bab al-Salama crossing", "Ras al-Ain crossing"],
        ),
        (
            "Government forces shut the Tal Abyad, Ain Issa and Suluk checkpoints.",
            ["Tal Abyad checkpoint", "Ain Issa checkpoint", "Suluk checkpoint"],
        ),
        (
            "The Houthis closed the Hodeidah and Saleef ports.",
            ["Hodeidah port", "Saleef port"],
        ),
    ],
)
def test_names_sharing_one_plural_head_are_one_entity_each(
    extract: Callable[..., ArticleFacts], text: str, labels: list[str]
) -> None:
    facts = _en(extract, text)
    assert _labels(facts, _one(facts, "Closure").roles["target"]) == labels


def test_shared_head_security_branches_are_the_gazetteers_own(extract: Callable[..., ArticleFacts]) -> None:
    facts = _en(
        extract,
        "The Asayish besieged the political security, military security and state security branches in Qamishli.",
    )
    siege = _one(facts, "Siege")
    assert siege.roles["besieged"] == [
        R + "qamishli-political-security-branch",
        R + "qamishli-military-security-branch",
        R + "qamishli-state-security-branch",
    ]


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        (
            "The RSF withdrew from residential areas of Khartoum and Omdurman.",
            ["residential areas of Khartoum", "residential areas of Omdurman"],
        ),
        ("The Houthis withdrew from the villages around Marib.", ["villages around Marib"]),
        ("Turkish-backed factions pulled back from positions near Manbij.", ["positions near Manbij"]),
        (
            "The SDF took over the villages around Tal Tamr and Ain Issa.",
            ["villages around Tal Tamr", "villages around Ain Issa"],
        ),
    ],
)
def test_a_plural_area_is_named_by_the_places_after_it(
    extract: Callable[..., ArticleFacts], text: str, labels: list[str]
) -> None:
    facts = _en(extract, text)
    ev = next(e for e in facts.events if e.type in ("Withdrawal", "Seizure"))
    assert _labels(facts, ev.roles["target"]) == labels
    places = {e.label_en for e in facts.entities if e.type == "Place" and e.known}
    assert places  # the towns named are entities of their own


# --- places inside names, hyphenated names ---------------------------------------------------
@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Hayat Tahrir al-Sham closed the Atmeh road on Wednesday.", "atmeh"),
        ("The SDF seized the Manbij water station.", "manbij"),
        ("A Raqqa-based brigade stormed the Tabqa dam.", "raqqa"),
    ],
)
def test_a_place_inside_a_name_is_no_entity_of_its_own(
    extract: Callable[..., ArticleFacts], text: str, place: str
) -> None:
    facts = _en(extract, text)
    assert R + place not in {e.id for e in facts.entities}
    assert facts.events


@pytest.mark.parametrize(
    ("text", "iri"),
    [
        ("Hayat Tahrir al-Sham closed the Atmeh road.", "hts"),
        ("Turkish forces shelled villages near al-Bab and entered the Deir ez-Zor airport.", "al-bab"),
        ("Clashes broke out in Deir ez-Zor on Monday.", "deir-ez-zor"),
    ],
)
def test_hyphenated_gazetteer_names_are_found(
    extract: Callable[..., ArticleFacts], text: str, iri: str
) -> None:
    assert R + iri in {e.id for e in _en(extract, text).entities}


# --- a handover told after a withdrawal -------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Sudanese troops withdrew from the Jebel Aulia dam, handing it to RSF units.",
        "Government forces withdrew from the Tabqa dam, handing it over to the SDF.",
    ],
)
def test_a_handover_retelling_a_withdrawal_is_one_event(
    extract: Callable[..., ArticleFacts], text: str
) -> None:
    facts = _en(extract, text)
    ev = _one(facts, "Handover")
    assert ev.roles["beneficiary"] and ev.roles["target"]
    assert _events(facts, "Withdrawal") == []
    statuses = sorted(status for _, _, status in control_tuples(facts))
    assert statuses == ["ended", "started"]


# --- subjects -----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "A day after the SDF withdrew from the Tishreen dam, Turkish forces entered it.",
        "Two days after the SDF withdrew from the Tishreen dam, Turkish forces entered it.",
        "Hours after the SDF withdrew from the Tishreen dam, Turkish forces entered it.",
    ],
)
def test_the_subject_after_time_words_is_the_agent(extract: Callable[..., ArticleFacts], text: str) -> None:
    facts = _en(extract, text)
    assert _one(facts, "Withdrawal").roles["agent"] == [R + "sdf"]
    assert _one(facts, "Seizure").roles["agent"] == [R + "turkish-forces"]


@pytest.mark.parametrize(
    "text",
    [
        "The Libyan National Army said a unit had moved into the Tindi checkpoint.",
        "The Libyan National Army confirmed that a unit had moved into the Tindi checkpoint.",
        "The Libyan National Army said its troops had moved into the Tindi checkpoint.",
    ],
)
def test_a_unit_of_the_actor_told_before_is_that_actor(
    extract: Callable[..., ArticleFacts], text: str
) -> None:
    facts = _en(extract, text)
    assert _one(facts, "Seizure").roles["agent"] == [R + "lna"]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Popular Mobilisation Forces units imposed fees on lorries crossing the Qayyarah bridge.", "Levy"),
        ("Rapid Support Forces units seized the Khartoum refinery.", "Seizure"),
        ("SDF fighters closed the Raqqa bridge.", "Closure"),
    ],
)
def test_a_verb_after_a_name_ends_it(extract: Callable[..., ArticleFacts], text: str, kind: str) -> None:
    facts = _en(extract, text)
    assert _one(facts, kind).roles["agent"]
    assert all(" imposed" not in e.label and " seized" not in e.label for e in facts.entities)
    assert not any(e.label.startswith("lorries") for e in facts.entities)


# --- one graph for both languages --------------------------------------------------------------
@pytest.mark.parametrize(
    ("arabic", "english"),
    [
        (
            "حاصرت قوات الأسايش فرع الأمن العسكري في القامشلي.",
            "Asayish forces besieged the military security branch in Qamishli.",
        ),
        (
            "سيطر الجيش السوداني على مطار الخرطوم الدولي.",
            "The Sudanese army took over Khartoum International Airport.",
        ),
        (
            "اقتحمت قوات الأسايش نقابة المعلمين في القامشلي.",
            "Asayish forces stormed the teachers' syndicate in Qamishli.",
        ),
    ],
)
def test_an_english_report_yields_the_same_iris_as_the_arabic_one(
    extract: Callable[..., ArticleFacts], arabic: str, english: str
) -> None:
    def told(facts: ArticleFacts) -> list[tuple[str, dict[str, list[str]]]]:
        return [(e.type, {k: v for k, v in e.roles.items() if k != "place"}) for e in facts.events]

    ar, en = told(extract(arabic)), told(_en(extract, english))
    assert ar == en and ar  # the same event with the same entity IRIs in its roles


# --- sources, possessive facilities, partitives, asides, shared parties ------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Local officials said the SDF closed the Raqqa bridge.",
        "The SDF closed the Raqqa bridge, local officials said.",
        "According to local officials, the SDF closed the Raqqa bridge.",
        "Security sources said the SDF closed the Raqqa bridge.",
    ],
)
def test_an_unnamed_source_is_no_entity(extract: Callable[..., ArticleFacts], text: str) -> None:
    facts = _en(extract, text)
    assert [e.type for e in facts.entities if e.type == "Actor"] == ["Actor"]  # the SDF only
    assert _one(facts, "Closure").roles["agent"] == [R + "sdf"]


@pytest.mark.parametrize(
    ("text", "owner"),
    [
        (
            "The SNA expelled the Hamza Division from Afrin and took over their headquarters.",
            "hamza-division",
        ),
        ("The SDF drove Islamic State fighters out of Hajin and seized their headquarters.", "islamic-state"),
        ("The Houthis besieged the Islah Party and stormed its offices in Sanaa.", "islah-party"),
    ],
)
def test_a_possessive_facility_belongs_to_the_actor_told_before(
    extract: Callable[..., ArticleFacts], text: str, owner: str
) -> None:
    facts = _en(extract, text)
    (target,) = _one(facts, "Seizure").roles["target"]
    assert facts.entity(target).type == "Facility"
    assert facts.entity(target).owner in (R + owner, None)  # the owner is told only when mentioned
    assert R + owner in {e.id for e in facts.entities}


@pytest.mark.parametrize(
    "text",
    [
        "Islamic State militants attacked the Ghweiran prison and seized part of it.",
        "Islamic State militants attacked the Ghweiran prison and took control of most of it.",
        "Islamic State militants attacked the Ghweiran prison and occupied parts of it.",
    ],
)
def test_part_of_it_points_at_the_facility(extract: Callable[..., ArticleFacts], text: str) -> None:
    facts = _en(extract, text)
    assert _labels(facts, _one(facts, "Seizure").roles["target"]) == ["Ghweiran prison"]


@pytest.mark.parametrize(
    "text",
    [
        "The SDF and the Syrian government will hold a new round of Russian-sponsored talks in Qamishli.",
        "The SDF and the Syrian government held UN-brokered talks in Qamishli.",
        "The SDF and the Syrian government began Russian-mediated talks in Qamishli.",
    ],
)
def test_a_hyphenated_backer_before_talks_keeps_the_support_verb(
    extract: Callable[..., ArticleFacts], text: str
) -> None:
    facts = _en(extract, text)
    assert _one(facts, "Negotiation").roles["party"] == [R + "sdf", R + "syrian-government"]


@pytest.mark.parametrize(
    "text",
    [
        "The SDF, backed by US forces, seized the Tabqa dam.",
        "The SDF, with US air support, seized the Tabqa dam.",
        "The SDF, after weeks of fighting, seized the Tabqa dam.",
    ],
)
def test_the_subject_before_an_aside_is_the_agent(extract: Callable[..., ArticleFacts], text: str) -> None:
    facts = _en(extract, text)
    assert _one(facts, "Seizure").roles["agent"] == [R + "sdf"]


@pytest.mark.parametrize(
    "text",
    [
        "The SDF and Turkish-backed forces agreed, through Russian mediation, to a ceasefire around Ain Issa.",
        "The SDF and the Syrian government, in talks brokered by Russian forces, agreed to reopen the Tayha crossing.",
    ],
)
def test_talks_without_parties_are_the_agreeing_parties_talks(
    extract: Callable[..., ArticleFacts], text: str
) -> None:
    facts = _en(extract, text)
    agreement, talks = _one(facts, "Agreement"), _one(facts, "Negotiation")
    assert len(agreement.roles["party"]) == 2
    assert talks.roles["party"] == agreement.roles["party"]


@pytest.mark.parametrize(
    "text",
    [
        "Kataib Hezbollah denied being present at the Hit water plant.",
        "Kataib Hezbollah denied that its fighters were present at the Hit water plant.",
    ],
)
def test_a_denied_presence_is_a_denied_deployment(extract: Callable[..., ArticleFacts], text: str) -> None:
    facts = _en(extract, text)
    deployment, denial = _one(facts, "Deployment"), _one(facts, "Denial")
    assert deployment.status == "denied" and denial.denies == [deployment.id]
    assert deployment.roles["agent"] == [R + "kataib-hezbollah"]
    assert facts.control == []


@pytest.mark.parametrize(
    "text",
    [
        "The SDF took over the Baath Party office in the city centre.",
        "The SDF took over the Baath Party office in the Qamishli security square.",
        "The SDF took over the Baath Party office at the Qamishli security square.",
    ],
)
def test_the_place_after_a_facility_target_locates_it(
    extract: Callable[..., ArticleFacts], text: str
) -> None:
    facts = _en(extract, text)
    (target,) = _one(facts, "Seizure").roles["target"]
    assert facts.entity(target).type == "Facility"
    assert len(facts.control) == 1
