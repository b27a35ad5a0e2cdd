"""Gazetteer patterns: generated from every label, longest match, generic names need their place."""

from __future__ import annotations

from collections.abc import Callable

from rdflib import URIRef
from rdflib.namespace import SKOS

from conflictkg import iri
from conflictkg.extract import Extractor, match_key
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
