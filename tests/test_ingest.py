"""ingest.py: each article all or nothing into a store on disk, with an injected extractor."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from rdflib import Graph

from conflictkg import iri
from conflictkg.errors import ExtractionError, QueryError, StoreError
from conflictkg.facts import Article, ArticleFacts
from conflictkg.ingest import IngestReport, ingest
from conflictkg.model import article_graph
from conflictkg.namespace import CKG
from conflictkg.settings import Settings
from conflictkg.store import OxigraphStore
from conflictkg.validate import Validator
from data.model_samples import ASAYISH, article, seed_like

DATA = Path(__file__).parent / "data"
STAMP = datetime(2024, 1, 1, tzinfo=UTC)
KEYS = ("a000", "b001", "c002")
Extractor = Callable[[Article], ArticleFacts]


def good(a: Article) -> ArticleFacts:
    """A stand-in extractor: the seed-like facts of whichever article it is given."""
    facts = seed_like(iri.key_of(a.id), a.published)
    facts.article = a
    return facts


def no_agent(a: Article) -> ArticleFacts:
    """Facts that break the shapes: the seizure has no agent."""
    facts = good(a)
    facts.events[1].roles.pop("agent")
    return facts


def crash(a: Article) -> ArticleFacts:
    raise ExtractionError(f"cannot read {a.id}: text is binary")


def unknown_role(a: Article) -> ArticleFacts:
    facts = good(a)
    facts.events[1].roles["victim"] = [ASAYISH]
    return facts


def by_key(**extractors: Extractor) -> Extractor:
    """An extractor that behaves per article key (``good`` for keys not named)."""

    def run(a: Article) -> ArticleFacts:
        return extractors.get(iri.key_of(a.id), good)(a)

    return run


@pytest.fixture(scope="module")
def validator() -> Validator:
    return Validator.from_files(DATA / "validate_shapes.ttl", DATA / "validate_ontology.ttl")


@pytest.fixture
def store(tmp_path: Path) -> Iterator[OxigraphStore]:
    with OxigraphStore(tmp_path / "store") as s:
        yield s


def articles(*keys: str) -> list[Article]:
    return [article(k, seed_like().article.published) for k in keys]


def test_accepted_articles_are_stored_whole(store: OxigraphStore, validator: Validator) -> None:
    report = ingest_(store, validator, articles(*KEYS), good)
    assert report.ok
    assert [a.article_id for a in report.accepted] == [iri.article_iri(k) for k in KEYS]
    assert [a.graph_iri for a in report.accepted] == [iri.graph_iri(k) for k in KEYS]
    assert store.graphs() == sorted(iri.graph_iri(k) for k in KEYS)
    assert len(store) == sum(a.triples for a in report.accepted)
    expected = article_graph(good(articles("b001")[0]), generated_at=STAMP)
    assert report.accepted[1].triples == len(expected)
    assert report.summary() == "3 accepted, 0 rejected"


def ingest_(
    store: OxigraphStore, validator: Validator, arts: list[Article], extractor: Extractor
) -> IngestReport:
    return ingest(arts, extractor=extractor, store=store, validator=validator, generated_at=STAMP)


def test_reingesting_replaces_without_duplicates(store: OxigraphStore, validator: Validator) -> None:
    ingest_(store, validator, articles(*KEYS), good)
    before = store.dump(format="nquads")
    n = len(store)
    report = ingest_(store, validator, articles("b001", "b001"), good)
    assert len(report.accepted) == 2
    assert len(store) == n
    assert store.dump(format="nquads") == before
    assert store.graphs() == sorted(iri.graph_iri(k) for k in KEYS)


def test_a_rejected_article_leaves_the_store_exactly_as_it_was(
    store: OxigraphStore, validator: Validator
) -> None:
    ingest_(store, validator, articles("a000", "b001"), good)
    before = store.dump(format="nquads")
    # a new article that fails validation, and a bad new version of a stored one
    report = ingest_(store, validator, articles("c002", "a000"), no_agent)
    assert report.accepted == []
    assert [(r.article_id, r.stage) for r in report.rejected] == [
        (iri.article_iri("c002"), "validate"),
        (iri.article_iri("a000"), "validate"),
    ]
    assert store.dump(format="nquads") == before
    r = report.rejected[0]
    assert r.report is not None and not r.report.conforms
    assert [(v.focus, v.path) for v in r.report.violations] == [(iri.event_iri("c002", 1), str(CKG.agent))]
    assert r.reason.startswith(
        f"1 SHACL violation in {iri.graph_iri('c002')}:\nViolation  ckr:ev-c002-1  ckg:agent"
    )


def test_failures_at_each_stage_are_reported_and_the_batch_goes_on(
    store: OxigraphStore, validator: Validator
) -> None:
    extractor = by_key(a000=crash, b001=unknown_role)
    report = ingest_(store, validator, articles("a000", "b001", "c002"), extractor)
    assert [(r.article_id, r.stage) for r in report.rejected] == [
        (iri.article_iri("a000"), "extract"),
        (iri.article_iri("b001"), "model"),
    ]
    assert isinstance(report.rejected[0].error, ExtractionError)
    assert "text is binary" in report.rejected[0].reason
    assert "unknown role 'victim'" in report.rejected[1].reason
    assert [a.article_id for a in report.accepted] == [iri.article_iri("c002")]
    assert store.graphs() == [iri.graph_iri("c002")]


def test_facts_of_another_article_are_rejected(store: OxigraphStore, validator: Validator) -> None:
    report = ingest_(store, validator, articles("a000"), lambda a: seed_like("zzz"))
    assert [(r.stage, type(r.error).__name__) for r in report.rejected] == [("model", "ValueError")]
    assert "must be the article it was given" in report.rejected[0].reason
    assert store.graphs() == []


class FailsOn(OxigraphStore):
    """A store whose write of one graph fails inside the transaction (after the old graph was dropped)."""

    fail_graph = iri.graph_iri("b001")

    def replace_update(self, graph_iri: str, graph: Graph) -> str:
        update = super().replace_update(graph_iri, graph)
        if graph_iri == self.fail_graph:
            update += f" ;\nCREATE GRAPH <{iri.graph_iri('a000')}>"  # exists: the update fails at its end
        return update


def test_a_write_failing_halfway_through_a_batch_leaves_each_article_in_or_out(
    tmp_path: Path, validator: Validator
) -> None:
    path = tmp_path / "store"
    with OxigraphStore(path) as s:
        ingest_(s, validator, articles("b001"), good)
        old_b = s.dump(format="nquads", graph=iri.graph_iri("b001"))
    with FailsOn(path) as s:
        report = ingest_(s, validator, articles("a000", "b001", "c002"), good)
        assert [a.article_id for a in report.accepted] == [iri.article_iri("a000"), iri.article_iri("c002")]
        assert [(r.article_id, r.stage) for r in report.rejected] == [(iri.article_iri("b001"), "store")]
        assert isinstance(report.rejected[0].error, QueryError)
    with OxigraphStore(path) as s:
        assert s.graphs() == sorted(iri.graph_iri(k) for k in KEYS)
        assert s.dump(format="nquads", graph=iri.graph_iri("b001")) == old_b  # the old version, whole
        a = Graph().parse(data=s.dump(format="ntriples", graph=iri.graph_iri("a000")), format="nt")
        assert len(a) == len(article_graph(good(articles("a000")[0]), generated_at=STAMP))


def test_a_store_error_stops_the_batch(tmp_path: Path, validator: Validator) -> None:
    s = OxigraphStore(tmp_path / "store")
    s.close()
    with pytest.raises(StoreError, match="is closed"):
        ingest_(s, validator, articles("a000"), good)


def test_progress_is_reported_per_article(store: OxigraphStore, validator: Validator) -> None:
    seen: list[tuple[int, str, bool]] = []
    ingest(
        iter(articles("a000", "b001")),
        extractor=by_key(b001=no_agent),
        store=store,
        validator=validator,
        on_progress=lambda done, aid, ok: seen.append((done, aid, ok)),
    )
    assert seen == [(1, iri.article_iri("a000"), True), (2, iri.article_iri("b001"), False)]


def test_with_the_project_shapes_and_ontology(store: OxigraphStore) -> None:
    s = Settings()
    validator = Validator.from_files(s.shapes_file, s.ontology_file)
    report = ingest_(store, validator, articles("a000", "b001"), by_key(b001=no_agent))
    assert [a.article_id for a in report.accepted] == [iri.article_iri("a000")]
    assert [(r.article_id, r.stage) for r in report.rejected] == [(iri.article_iri("b001"), "validate")]
    assert store.graphs() == [iri.graph_iri("a000")]
    assert "ckr:ev-b001-1  ckg:agent" in report.rejected[0].reason
