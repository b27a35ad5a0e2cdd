"""Stores for the export tests: real articles through the real ingest path, and a synthetic corpus.

``real_store``: the seed article (published 2022-04-14) and every article of ``examples/articles`` that
the extractor and the shapes accept, ingested with ``conflictkg.ingest.ingest`` and the extractor,
validator and reference graphs built as ``conflictkg ingest`` builds them, into a store on disk.
``synthetic_store``: the generated corpus of ``benchmarks/export_bench.py`` (facts -> model ->
store), with the ontology and gazetteer graphs, for checks that need many articles and known answers.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from types import ModuleType

import pytest
from lxml import etree

from conflictkg.articles import read_articles
from conflictkg.cli import build_extractor, build_validator, prepare_store
from conflictkg.ingest import ingest
from conflictkg.settings import PROJECT_ROOT, Settings
from conflictkg.store import OxigraphStore

SHARED = PROJECT_ROOT.parent / "shared"
SEED = SHARED / "seed" / "article.txt"
SEED_PUBLISHED = date(2022, 4, 14)
SEED_SOURCE = "https://sy-24.com/85302"
EXAMPLES = PROJECT_ROOT / "examples" / "articles"
GEXF_RNG = SHARED / "schemas" / "gexf" / "1.3" / "gexf.rng"
SYNTHETIC_ARTICLES = 60


def load_bench() -> ModuleType:
    """``benchmarks/export_bench.py`` as a module (it holds the synthetic corpus generator)."""
    path = PROJECT_ROOT / "benchmarks" / "export_bench.py"
    spec = importlib.util.spec_from_file_location("export_bench", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def gexf_schema() -> etree.RelaxNG:
    return etree.RelaxNG(etree.parse(str(GEXF_RNG)))


@pytest.fixture(scope="session")
def real_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OxigraphStore]:
    settings = Settings(store_dir=tmp_path_factory.mktemp("export-real") / "store")
    items = list(read_articles([SEED], published=SEED_PUBLISHED, source=SEED_SOURCE))
    items += list(read_articles([EXAMPLES]))
    articles = [i.article for i in items if i.article is not None]
    store = OxigraphStore(settings.store_dir)
    prepare_store(store, settings)
    report = ingest(
        articles, extractor=build_extractor(settings), store=store, validator=build_validator(settings)
    )
    if articles[0].id not in {a.article_id for a in report.accepted}:
        raise RuntimeError(f"the seed article was not accepted: {[r.reason[:300] for r in report.rejected]}")
    yield store
    store.close()


@pytest.fixture(scope="session")
def synthetic_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OxigraphStore]:
    bench = load_bench()
    store = OxigraphStore(tmp_path_factory.mktemp("export-synthetic") / "store")
    prepare_store(store, Settings())
    for k in range(SYNTHETIC_ARTICLES):
        store.load(bench._nquads(k), format="nquads")
    yield store
    store.close()


def store_dir(store: OxigraphStore) -> Path:
    assert store.path is not None
    return store.path
