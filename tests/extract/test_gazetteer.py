"""Gazetteer patterns: generated from every label, longest match, generic names need their place."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from rdflib import URIRef
from rdflib.namespace import SKOS

from conflictkg import iri
from conflictkg.extract import Extractor, match_key
from conflictkg.extract.gazetteer import label_words
from conflictkg.facts import ArticleFacts, GazetteerEntry
from conflictkg.gazetteer import gazetteer_graph
from conflictkg.namespace import CKR_NS
from conflictkg.settings import Settings

QAMISHLI = CKR_NS + "qamishli"
FINANCE = CKR_NS + "qamishli-finance-directorate"


def _labels(facts: ArticleFacts) -> dict[str, str]:
    return {e.id: e.label for e in facts.entities}


def test_every_entry_has_exactly_one_preflabel_in_arabic_and_in_english() -> None:
    g = gazetteer_graph(Settings().gazetteer_dir)
    subjects = {s for s in g.subjects(SKOS.prefLabel, None) if isinstance(s, URIRef)}
    assert len(subjects) > 60
    for s in subjects:
        langs = sorted(getattr(o, "language", None) or "" for o in g.objects(s, SKOS.prefLabel))
        assert langs == ["ar", "en"], s


def test_the_hierarchy_of_the_seed_is_in_the_gazetteer(gazetteer_entries: tuple[GazetteerEntry, ...]) -> None:
    by_iri = {e.iri: e for e in gazetteer_entries}
    assert by_iri[CKR_NS + "fourth-division"].part_of == (CKR_NS + "syrian-government-forces",)
    assert by_iri[CKR_NS + "syrian-government-forces"].part_of == (CKR_NS + "syrian-government",)
    assert by_iri[CKR_NS + "sheikh-maqsoud"].within == (CKR_NS + "aleppo",)
    assert by_iri[FINANCE].within == (QAMISHLI,) and by_iri[FINANCE].owner == CKR_NS + "syrian-government"
    assert by_iri[CKR_NS + "qamishli-baath-office"].owner == CKR_NS + "baath-party"
    assert {"Houthis", "Rapid Support Forces", "Libyan National Army"} <= {
        e.pref_label.get("en") for e in gazetteer_entries
    }


def test_spelling_variants_match_one_entity(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("انتشرت قوات سوريا الديموقراطية في قامشلو، وقالت قسد إن الأساييش انسحبت.")
    ids = {e.id for e in facts.entities}
    assert {CKR_NS + "sdf", QAMISHLI, CKR_NS + "asayish"} <= ids
    sdf = facts.entity(CKR_NS + "sdf")
    assert [m.text for m in sdf.mentions] == ["قوات سوريا الديموقراطية", "قسد"]


def test_the_longest_label_wins(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("حاصرت قوات النظام السوري بلدة في ريف درعا.")
    assert CKR_NS + "syrian-government-forces" in _labels(facts)
    assert CKR_NS + "syrian-government" not in _labels(facts)


def test_a_clitic_before_the_first_token_is_allowed(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("وصلت التعزيزات لقوات الدعم السريع وبالخرطوم.")
    assert {CKR_NS + "rsf", CKR_NS + "khartoum"} <= set(_labels(facts))
    rsf = facts.entity(CKR_NS + "rsf")
    assert [m.text for m in rsf.mentions] == ["قوات الدعم السريع"]


def test_a_generic_facility_links_only_in_its_place(extract: Callable[..., ArticleFacts]) -> None:
    here = extract("اقتحم مسلحون مديرية المالية في مدينة القامشلي.")
    assert FINANCE in _labels(here)
    elsewhere = extract("اقتحم مسلحون مديرية المالية في مدينة حلب.")
    minted = iri.entity_iri("Facility", match_key("مديرية المالية"), within=CKR_NS + "aleppo")
    assert FINANCE not in _labels(elsewhere)
    assert _labels(elsewhere)[minted] == "مديرية المالية"


def test_the_discourse_place_is_the_context_of_a_later_sentence(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("توترت الأوضاع في مدينة القامشلي. واقتحم مسلحون مديرية المالية صباحاً.")
    assert FINANCE in _labels(facts)


def test_a_label_that_names_its_place_links_without_context(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("هبطت طائرة في مطار القامشلي الدولي.")
    assert CKR_NS + "qamishli-airport" in _labels(facts)


def test_the_index_is_a_trie_not_a_regex_per_label(extractor: Extractor) -> None:
    toks = extractor.tokenize("قوات سوريا الديمقراطية")
    m = extractor.gazetteer.match(toks, 0)
    assert m is not None and (m.start, m.end) == (0, 3)
    assert [c.entry.iri for c in m.candidates] == [CKR_NS + "sdf"]
    assert extractor.gazetteer.match(toks, 2) is None


@pytest.mark.parametrize(
    ("text", "iri"),
    [
        ("اعتقل الأمن العسكري شاباً في مدينة درعا.", "military-security"),
        ("داهمت دورية للأمن السياسي منزلاً في حمص.", "political-security"),
        ("سيطرت حركة أحرار الشام على بلدة سرجة.", "ahrar-al-sham"),
        ("انسحبت فرقة السلطان مراد من قرية في ريف حلب.", "sultan-murad-division"),
        ("قالت مصادر إن الحمزات انسحبوا من مقراتهم في عفرين.", "hamza-division"),
        ("قال حزب الإصلاح إن قواته انسحبت من مدينة عتق.", "islah-party"),
        ("نفى المرصد السوري لحقوق الإنسان دخول القوات الروسية إلى البلدة.", "syrian-observatory"),
        ("دخلت قافلة لبرنامج الأغذية العالمي إلى مدينة الفاشر.", "world-food-programme"),
        ("أعلنت مشيخة العقل رفضها دخول القوات إلى السويداء.", "druze-sheikhdom-of-reason"),
        ("اقتحمت فرقة الحمزة مقر الفيلق الثالث في مدينة الباب.", "third-legion"),
    ],
)
def test_well_known_actors_beyond_the_seed_link(
    extract: Callable[..., ArticleFacts], text: str, iri: str
) -> None:
    assert CKR_NS + iri in _labels(extract(text))


def test_the_new_actors_sit_in_their_hierarchy(gazetteer_entries: tuple[GazetteerEntry, ...]) -> None:
    by_iri = {e.iri: e for e in gazetteer_entries}
    assert by_iri[CKR_NS + "military-security"].part_of == (CKR_NS + "syrian-government",)
    assert by_iri[CKR_NS + "sultan-murad-division"].part_of == (CKR_NS + "syrian-national-army",)
    assert by_iri[CKR_NS + "world-food-programme"].part_of == (CKR_NS + "united-nations",)


def test_label_words_leave_out_forms_with_an_attached_clitic(
    gazetteer_entries: tuple[GazetteerEntry, ...], extractor: Extractor
) -> None:
    """ "شعبة الريف لحزب البعث" has the word لحزب: kept, it would stop the tokenizer splitting لحزب."""
    words = label_words(gazetteer_entries)
    assert "حزب" in words and "لحزب" not in words
    assert [t.key for t in extractor.tokenize("لحزب الإصلاح")] == ["ل", "حزب", "الاصلاح"]


def test_a_label_word_that_merely_starts_with_a_clitic_letter_stays() -> None:
    def entry(key: str, label: str) -> GazetteerEntry:
        return GazetteerEntry(
            iri=CKR_NS + key,
            type="Place",
            subtype="Country",
            pref_label={"ar": label},
            labels={"ar": (label,)},
        )

    words = label_words([entry("lebanon", "لبنان"), entry("iraq", "العراق"), entry("x", "قوات العراق")])
    assert {"لبنان", "العراق", "قوات"} <= words
    assert label_words([entry("a", "حزب البعث"), entry("b", "شعبة لحزب البعث")]) == {"حزب", "البعث", "شعبه"}
