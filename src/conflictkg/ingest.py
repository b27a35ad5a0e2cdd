"""Ingest: articles -> facts -> RDF -> validated -> stored, each article all or nothing.

Why per article: an article is the unit of provenance (one named graph) and of replacement, so a batch
is a sequence of independent transactions. For each article the steps run in memory first (extract,
build the graph, validate); only a conforming graph reaches the store, in one ``replace_graph``
transaction. A rejected article therefore leaves the store exactly as it was, and re-ingesting an
article replaces its graph instead of adding to it.

The extractor is injected (a callable), so this module never imports spaCy; the CLI builds it.
A :class:`~conflictkg.errors.StoreError` (disk full, store closed or locked) stops the batch: the
articles before it are fully in, and every later one would fail the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

from conflictkg.errors import StoreError
from conflictkg.facts import Article, ArticleFacts
from conflictkg.model import article_graph, graph_iri_of
from conflictkg.store import Store
from conflictkg.validate import ValidationReport, Validator

__all__ = ["Accepted", "IngestReport", "ProgressCallback", "Rejected", "ingest"]

#: ``on_progress(done, article_id, accepted)`` after each article.
ProgressCallback = Callable[[int, str, bool], None]
Stage = Literal["extract", "model", "validate", "store"]


@dataclass(frozen=True, slots=True)
class Accepted:
    """An article now in the store: its graph, its size, and the (warnings-only) validation report."""

    article_id: str
    graph_iri: str
    triples: int
    report: ValidationReport


@dataclass(frozen=True, slots=True)
class Rejected:
    """An article left out: at which stage, why (readable), and the report or the exception."""

    article_id: str
    stage: Stage
    reason: str
    report: ValidationReport | None = None
    error: Exception | None = None


@dataclass(slots=True)
class IngestReport:
    """What one batch did: accepted and rejected articles, in input order."""

    accepted: list[Accepted] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.rejected

    def summary(self) -> str:
        return f"{len(self.accepted)} accepted, {len(self.rejected)} rejected"


def _reject(article: Article, stage: Stage, exc: Exception) -> Rejected:
    return Rejected(article.id, stage, f"{stage} failed: {type(exc).__name__}: {exc}", error=exc)


def _one(
    article: Article,
    extractor: Callable[[Article], ArticleFacts],
    store: Store,
    validator: Validator,
    generated_at: datetime | None,
) -> Accepted | Rejected:
    try:
        facts = extractor(article)
    except Exception as exc:  # one bad article must not stop the batch; the error is reported
        return _reject(article, "extract", exc)
    try:
        graph = article_graph(facts, generated_at=generated_at)
        graph_iri = graph_iri_of(article.id)
        if str(graph.identifier) != graph_iri:
            raise ValueError(
                f"the extractor returned facts of {facts.article.id} for article {article.id}: "
                "ArticleFacts.article must be the article it was given"
            )
    except Exception as exc:
        return _reject(article, "model", exc)
    try:
        report = validator(graph)
    except Exception as exc:
        return _reject(article, "validate", exc)
    if not report.conforms:
        n = len(report.violations)
        reason = f"{n} SHACL violation{'s' if n != 1 else ''} in {graph_iri}:\n{report.text()}"
        return Rejected(article.id, "validate", reason, report=report)
    try:
        store.replace_graph(graph_iri, graph)
    except StoreError:
        raise
    except Exception as exc:
        return _reject(article, "store", exc)
    return Accepted(article.id, graph_iri, len(graph), report)


def ingest(
    articles: Iterable[Article],
    *,
    extractor: Callable[[Article], ArticleFacts],
    store: Store,
    validator: Validator,
    on_progress: ProgressCallback | None = None,
    generated_at: datetime | None = None,
) -> IngestReport:
    """Extract, model, validate and store each article; each is either fully stored or left out.

    ``generated_at`` pins the graphs' ``prov:generatedAtTime`` (default: now). Raises
    :class:`~conflictkg.errors.StoreError` when the store itself fails (the batch stops there).
    """
    report = IngestReport()
    for done, article in enumerate(articles, start=1):
        outcome = _one(article, extractor, store, validator, generated_at)
        if isinstance(outcome, Accepted):
            report.accepted.append(outcome)
        else:
            report.rejected.append(outcome)
        if on_progress is not None:
            on_progress(done, article.id, isinstance(outcome, Accepted))
    return report
