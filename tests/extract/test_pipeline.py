"""The extractor as a whole: public API, layering rules, errors, English input, stable IRIs."""

from __future__ import annotations

import ast
import json
import random
from collections.abc import Callable
from datetime import date
from pathlib import Path

import jsonschema
import pytest

import conflictkg.extract as extract_pkg
from conflictkg import iri
from conflictkg.errors import ExtractionError
from conflictkg.extract import Extractor, pipeline
from conflictkg.facts import Article, ArticleFacts
from conflictkg.namespace import CKR_NS

PACKAGE = Path(extract_pkg.__file__).parent
SCHEMA = Path(__file__).resolve().parents[3] / "shared" / "seed" / "facts.schema.json"


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_the_public_api_is_small_and_stable() -> None:
    assert extract_pkg.__all__ == ["Extractor", "Normalized", "match_key", "normalize"]


def test_extract_never_imports_rdflib_and_only_the_pipeline_imports_spacy() -> None:
    modules = sorted(PACKAGE.glob("*.py"))
    assert len(modules) >= 10
    assert [m.name for m in modules if "rdflib" in _imports(m)] == []
    assert [m.name for m in modules if "spacy" in _imports(m)] == ["pipeline.py"]


def test_an_oversized_article_is_refused_with_a_clear_error(
    extractor: Extractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pipeline, "MAX_CHARS", 100)
    article = Article(iri.article_iri("big"), "حلب " * 50, "ar", date(2022, 1, 1))
    with pytest.raises(ExtractionError, match=r"article .*article-big has 200 characters.*split it"):
        extractor(article)


def test_an_empty_article_gives_no_facts(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("")
    assert (facts.entities, facts.events, facts.control) == ([], [], [])


def test_english_text_finds_gazetteer_entities(extract: Callable[..., ArticleFacts]) -> None:
    text = "The SDF and the Asayish withdrew from Qamishli, Russian forces said."
    facts = extract(text, language="en")
    assert {e.id for e in facts.entities} == {R + x for x in ("sdf", "asayish", "qamishli", "russian-forces")}
    assert all(text[m.start : m.end] == m.text for e in facts.entities for m in e.mentions)


def test_the_same_facility_gets_the_same_iri_in_two_articles(extract: Callable[..., ArticleFacts]) -> None:
    one = extract("سيطر المسلحون على مبنى البلدية في مدينة إدلب.")
    two = extract("انسحب المسلحون صباح اليوم من مبنى البلدية في إدلب بعد اشتباكات.")
    ids_one = {e.id for e in one.entities if e.type == "Facility"}
    ids_two = {e.id for e in two.entities if e.type == "Facility"}
    assert ids_one and ids_one == ids_two


def test_ids_are_minted_from_the_article_key(extractor: Extractor) -> None:
    facts = extractor(Article(iri.article_iri("a17"), "انسحبت القوات التركية من مدينة منبج.", "ar", None))
    assert facts.events[0].id == iri.event_iri("a17", 1)


def test_json_of_a_passage_validates(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract(
        "وكانت قوات الدعم السريع قد سيطرت على مطار الخرطوم الدولي، فيما نفى الجيش السوداني ذلك. "
        "وتشهد الأحياء الواقعة تحت سيطرة الحوثيين في صنعاء توتراً."
    )
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    assert [e.message for e in validator.iter_errors(facts.to_json())] == []
    assert facts.events and facts.control


R = CKR_NS


@pytest.mark.parametrize("seed", range(3))
def test_property_any_slice_of_real_text_gives_valid_facts(extractor: Extractor, seed: int) -> None:
    """Cut the seed anywhere (mid-word, mid-quote): spans stay exact and the JSON stays valid."""
    text = (SCHEMA.parent / "article.txt").read_text(encoding="utf-8")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    rng = random.Random(seed)
    for n in range(40):
        a = rng.randint(0, len(text))
        piece = text[a : rng.randint(a, min(len(text), a + 500))]
        facts = extractor(Article(iri.article_iri(f"cut{seed}-{n}"), piece, "ar", date(2022, 4, 14)))
        spans = [m for e in facts.entities for m in e.mentions] + [e.evidence for e in facts.events]
        assert all(piece[s.start : s.end] == s.text for s in spans)
        assert not list(validator.iter_errors(facts.to_json()))


class _OnlyYesterday:
    """A tagger of its own: it finds "أمس" only, and names its own attachment barriers."""

    def __init__(self, barrier_words: tuple[str, ...]) -> None:
        from conflictkg.extract.temporal import TemporalTagger

        self._real = TemporalTagger()
        self.barrier_words = barrier_words

    def tag(self, text: str, published: date | None) -> list[object]:
        return [m for m in self._real.tag(text, published) if m.text == "أمس"]


def test_the_time_tagger_and_its_attachment_barriers_are_injected(gazetteer_entries: tuple) -> None:
    published = date(2023, 5, 10)

    def seizure_day(extractor: Extractor, text: str) -> date | None:
        facts = extractor(Article(iri.article_iri(iri.article_key(text)), text, "ar", published))
        [ev] = [e for e in facts.events if e.type == "Seizure"]
        return ev.time.exact if ev.time is not None else None

    barred = Extractor(gazetteer_entries, tagger=_OnlyYesterday(("الذي",)))  # type: ignore[arg-type]
    open_ = Extractor(gazetteer_entries, tagger=_OnlyYesterday(()))  # type: ignore[arg-type]
    assert seizure_day(barred, "سيطرت هيئة تحرير الشام أمس على مدينة سرمدا.") == date(2023, 5, 9)
    # the injected tagger knows no "اليوم": the event falls back to the publication day
    assert seizure_day(barred, "سيطرت هيئة تحرير الشام اليوم على مدينة سرمدا.") == published
    relative = "سيطرت هيئة تحرير الشام على معبر باب الهوى الذي شهد اشتباكات أمس."
    assert seizure_day(barred, relative) == published  # "أمس" is the relative clause's
    assert seizure_day(open_, relative) == date(2023, 5, 9)  # without the barrier it reaches the seizure
