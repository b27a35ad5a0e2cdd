"""Fixtures of the extraction tests: one extractor per session over the real gazetteer and ontology."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from conflictkg import iri
from conflictkg.extract import Extractor
from conflictkg.facts import Article, ArticleFacts, GazetteerEntry
from conflictkg.gazetteer import load_gazetteer
from conflictkg.settings import Settings


@pytest.fixture(scope="session")
def gazetteer_entries() -> tuple[GazetteerEntry, ...]:
    settings = Settings()
    return load_gazetteer(settings.gazetteer_dir, settings.ontology_file)


@pytest.fixture(scope="session")
def extractor(gazetteer_entries: tuple[GazetteerEntry, ...]) -> Extractor:
    return Extractor(gazetteer_entries)


@pytest.fixture(scope="session")
def extract(extractor: Extractor) -> Callable[..., ArticleFacts]:
    """Extract facts from a passage: ``extract(text, published=date(...))``."""

    def run(text: str, published: date | None = date(2023, 5, 10), language: str = "ar") -> ArticleFacts:
        key = iri.article_key(text)
        return extractor(Article(iri.article_iri(key), text, language, published))  # type: ignore[arg-type]

    return run
