"""The examples are part of the product: every article is complete, ingests, and feeds every query.

The articles are ingested through the real path (the extractor, the model, SHACL validation, a store
on disk) with the same wiring as ``conflictkg ingest``; then every ``examples/queries/*.rq`` runs on
that store and must return rows, so a query that drifts away from the model fails here.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from itertools import takewhile
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest

from conflictkg import iri, timeline
from conflictkg.articles import detect_language, read_articles
from conflictkg.cli import build_extractor, build_validator, open_store, prepare_store
from conflictkg.facts import Article
from conflictkg.namespace import CKG_NS
from conflictkg.settings import PROJECT_ROOT, Settings
from conflictkg.store import Store

EXAMPLES = PROJECT_ROOT / "examples"
ARTICLES_DIR = EXAMPLES / "articles"
QUERIES_DIR = EXAMPLES / "queries"
TEXTS = sorted(ARTICLES_DIR.glob("*.txt"))
QUERIES = sorted(QUERIES_DIR.glob("*.rq"))
NAMES = [t.stem for t in TEXTS]
METADATA_KEYS = {"id", "published", "source", "outlet", "title", "language"}
PREFIXES = f"PREFIX ckg: <{CKG_NS}>\nPREFIX prov: <http://www.w3.org/ns/prov#>\n"


def _meta(text_file: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(text_file.with_suffix(".json").read_text(encoding="utf-8"))
    return data


def test_the_examples_are_six_to_eight_articles_at_least_four_arabic_and_two_english() -> None:
    languages = [_meta(t)["language"] for t in TEXTS]
    assert 6 <= len(TEXTS) <= 8
    assert languages.count("ar") >= 4
    assert languages.count("en") >= 2
    assert len({_meta(t)["id"] for t in TEXTS}) == len(TEXTS), "article ids must be unique"


@pytest.mark.parametrize("text_file", TEXTS, ids=lambda p: p.stem)
def test_metadata_parses_and_is_complete(text_file: Path) -> None:
    meta = _meta(text_file)
    assert set(meta) == METADATA_KEYS
    assert all(isinstance(v, str) and v.strip() for v in meta.values()), meta
    assert meta["id"] == text_file.stem
    assert date.fromisoformat(meta["published"]).isoformat() == meta["published"]
    url = urlparse(meta["source"])
    assert url.scheme == "https" and url.netloc.split(".")[-2] == "example", "invented example domains only"
    text = text_file.read_text(encoding="utf-8")
    assert meta["language"] == detect_language(text)
    assert 120 <= len(text.split()) <= 300, f"{text_file.name} has {len(text.split())} words"


@pytest.mark.parametrize("query_file", QUERIES, ids=lambda p: p.stem)
def test_every_query_starts_with_a_comment_saying_what_it_answers(query_file: Path) -> None:
    lines = query_file.read_text(encoding="utf-8").splitlines()
    header = list(takewhile(lambda line: line.startswith("#"), lines))
    assert len(header) >= 2 and header[0].startswith("# ") and header[0].rstrip().endswith("?")


def test_there_are_at_least_five_queries() -> None:
    assert len(QUERIES) >= 5


# ------------------------------------------------------------------------------------ ingested
@pytest.fixture(scope="module")
def articles() -> list[Article]:
    items = list(read_articles([ARTICLES_DIR]))
    errors = [str(i.error) for i in items if i.error is not None]
    assert not errors, errors
    return [i.article for i in items if i.article is not None]


@dataclass
class Ingested:
    """The examples after ingest: the store on disk, the ingest report, and the extractor used."""

    store: Store
    report: Any
    extractor: Callable[[Article], Any]


@pytest.fixture(scope="module")
def ingested(articles: list[Article], tmp_path_factory: pytest.TempPathFactory) -> Iterator[Ingested]:
    """Every example ingested into a store on disk, wired as `conflictkg ingest` wires it."""
    from conflictkg.ingest import ingest

    settings = Settings(store_dir=tmp_path_factory.mktemp("examples") / "store")
    extractor, validator = build_extractor(settings), build_validator(settings)
    with open_store(settings) as store:
        prepare_store(store, settings)
        report = ingest(articles, extractor=extractor, store=store, validator=validator)
        yield Ingested(store, report, extractor)


def _article(articles: list[Article], name: str) -> Article:
    return next(a for a in articles if iri.key_of(a.id) == name)


@pytest.mark.parametrize("name", NAMES)
def test_example_is_accepted_by_validation(name: str, articles: list[Article], ingested: Ingested) -> None:
    article = _article(articles, name)
    rejected = [r for r in ingested.report.rejected if r.article_id == article.id]
    assert not rejected, f"{name} was rejected at {rejected[0].stage}:\n{rejected[0].reason}"
    assert [a.article_id for a in ingested.report.accepted].count(article.id) == 1
    assert ingested.store.has_graph(iri.graph_iri(name))


@pytest.mark.parametrize("name", NAMES)
def test_example_yields_an_event(name: str, articles: list[Article], ingested: Ingested) -> None:
    article = _article(articles, name)
    events = ingested.extractor(article).events
    assert events, f"the extractor finds no event in {name}"
    if ingested.store.has_graph(iri.graph_iri(name)):
        ask = (
            PREFIXES + f"ASK {{ GRAPH <{iri.graph_iri(name)}> {{ ?event ckg:status ?s ; ckg:evidence ?e }} }}"
        )
        assert ingested.store.query(ask).boolean, f"{name} is stored without its events"


@pytest.mark.parametrize("query_file", QUERIES, ids=lambda p: p.stem)
def test_every_query_runs_and_returns_rows(query_file: Path, ingested: Ingested) -> None:
    store = ingested.store
    result = store.query(query_file.read_text(encoding="utf-8"))
    assert result.kind == "select"
    assert len(result) >= 1, f"{query_file.name} returned no row on the examples"


def test_a_denied_claim_opens_no_control_period(ingested: Ingested) -> None:
    store = ingested.store
    denied = PREFIXES + "ASK { ?denial a ckg:Denial ; ckg:denies ?claim }"
    opened = PREFIXES + "ASK { ?p ckg:startedBy ?claim . ?claim ckg:status ckg:Denied }"
    assert store.query(denied).boolean, "the examples report denials"
    assert not store.query(opened).boolean


def test_a_qamishli_facility_changes_hands_across_two_articles(ingested: Ingested) -> None:
    """Seized in ar-qamishli-seizure, left in ar-qamishli-withdrawal two days later: the timeline shows
    one period of the seizer opened by the first article and closed by the second, and the owner back."""
    seizure, withdrawal = (
        iri.event_iri("ar-qamishli-seizure", 0)[:-1],
        iri.event_iri("ar-qamishli-withdrawal", 0)[:-1],
    )
    changed = {
        facility: periods
        for facility, periods in timeline.timelines(ingested.store).items()
        if any(
            (p.started_by or "").startswith(seizure) and (p.ended_by or "").startswith(withdrawal)
            for p in periods
        )
    }
    assert changed, "no facility is seized in one Qamishli article and left in the other"
    for periods in changed.values():
        held = next(p for p in periods if (p.started_by or "").startswith(seizure))
        assert held.start is not None and held.end is not None and held.start < held.end
        assert {iri.article_iri("ar-qamishli-seizure"), iri.article_iri("ar-qamishli-withdrawal")} <= set(
            held.sources
        )
        restored = periods[periods.index(held) + 1]
        assert restored.started_by == held.ended_by and restored.holder != held.holder
