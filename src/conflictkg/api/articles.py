"""``POST /articles``: one article in, read, extracted, validated and stored, or rejected with the reasons.

The same path as ``conflictkg ingest`` (:func:`conflictkg.articles.article_from_text`, then
:func:`conflictkg.ingest.ingest`), so an article posted here and one ingested from a file give the same
graph. The extractor and the validator are expensive to build (matchers, shapes, ontology), so each app
builds them once, on the first post, and keeps them in ``app.state``; a server that never receives an
article never pays for them. Writes need the update token (``Authorization: Bearer TOKEN``).

Answers: 201 ``{"article", "graph", "triples"}`` when stored; 422 with the SHACL results when the graph
violates the shapes (the store is left unchanged); 400 with the reason when the input cannot be read.
The body is parsed here and not by a pydantic model, so that every bad body is the same 400 with a
message naming the field, and 422 keeps its one meaning: the shapes rejected the article.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from conflictkg.api.dependencies import SettingsDep, StoreDep, UpdateTokenDep
from conflictkg.articles import article_from_text
from conflictkg.errors import ExtractionError, InputError
from conflictkg.ingest import Rejected, ingest
from conflictkg.settings import Settings
from conflictkg.store import GAZETTEER_GRAPH, ONTOLOGY_GRAPH, Store
from conflictkg.validate import Validator

if TYPE_CHECKING:  # spaCy loads only when the first article is posted
    from conflictkg.extract import Extractor

__all__ = ["ARTICLE_SCHEMA", "Pipeline", "parse_body", "router"]

router = APIRouter(prefix="/articles", tags=["articles"])

_TEXT_FIELDS = ("text", "published", "url", "title", "outlet", "language", "id")
#: The body's JSON schema, for the OpenAPI page (the body is checked by :func:`parse_body`).
ARTICLE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["text", "published"],
    "additionalProperties": False,
    "properties": {
        "text": {"type": "string", "description": "the article's text (Arabic or English)"},
        "published": {"type": "string", "format": "date", "description": "publication date, YYYY-MM-DD"},
        "url": {"type": "string", "description": "where it was published (also its identity when no id)"},
        "title": {"type": "string"},
        "outlet": {"type": "string"},
        "language": {"type": "string", "enum": ["ar", "en"], "description": "detected when absent"},
        "id": {"type": "string", "description": "a stable id: posting the same id again replaces it"},
    },
}


@dataclass(frozen=True, slots=True)
class Pipeline:
    """The extractor and validator of one app, built once."""

    extractor: Extractor
    validator: Validator


_build_lock = threading.Lock()


def _pipeline(request: Request, settings: Settings, store: Store) -> Pipeline:
    """The app's pipeline, built on first use; the store gets its reference graphs if it lacks them."""
    state = request.app.state
    pipeline: Pipeline | None = getattr(state, "article_pipeline", None)
    if pipeline is not None:
        return pipeline
    with _build_lock:
        pipeline = getattr(state, "article_pipeline", None)
        if pipeline is None:
            from conflictkg.extract import Extractor
            from conflictkg.gazetteer import gazetteer_graph, load_gazetteer
            from conflictkg.validate import load_ontology, load_shapes

            ontology = load_ontology(settings.ontology_file)
            if not (store.has_graph(GAZETTEER_GRAPH) and store.has_graph(ONTOLOGY_GRAPH)):
                # Labels, owners and the class tree that the readers (timeline, /events) need.
                store.ensure_reference_graphs(gazetteer_graph(settings.gazetteer_dir), ontology)
            pipeline = Pipeline(
                extractor=Extractor(load_gazetteer(settings.gazetteer_dir, settings.ontology_file)),
                validator=Validator(shapes=load_shapes(settings.shapes_file), ontology=ontology),
            )
            state.article_pipeline = pipeline
    return pipeline


def parse_body(raw: bytes) -> dict[str, Any]:
    """The posted JSON object, checked field by field; :class:`InputError` naming the field otherwise."""
    try:
        body = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"POST /articles: the body is not UTF-8 JSON ({exc}); send a JSON object") from None
    if not isinstance(body, dict):
        raise InputError(f"POST /articles: the body is JSON {type(body).__name__}, not an object {{...}}")
    unknown = sorted(set(body) - set(_TEXT_FIELDS))
    if unknown:
        raise InputError(
            f"POST /articles: unknown field(s) {', '.join(unknown)}; use {', '.join(_TEXT_FIELDS)}"
        )
    for name in ("text", "published"):
        if body.get(name) in (None, ""):
            raise InputError(f'POST /articles: the field "{name}" is required')
    for name, value in body.items():
        if value is not None and not isinstance(value, str):
            raise InputError(
                f'POST /articles: the field "{name}" must be a string, not {type(value).__name__}'
            )
    try:
        date.fromisoformat(body["published"])
    except ValueError:
        raise InputError(
            f'POST /articles: "published" {body["published"]!r} is not a date YYYY-MM-DD'
        ) from None
    return {k: v for k, v in body.items() if v is not None}


def _rejected(rejected: Rejected) -> JSONResponse:
    if rejected.report is not None:
        results = [
            {"focus": r.focus, "path": r.path, "severity": r.severity, "message": r.message}
            for r in rejected.report.results
        ]
        return JSONResponse(
            status_code=422,
            content={"detail": rejected.reason, "article": rejected.article_id, "results": results},
        )
    status = 400 if isinstance(rejected.error, InputError | ExtractionError) else 500
    return JSONResponse(
        status_code=status, content={"detail": rejected.reason, "article": rejected.article_id}
    )


@router.post(
    "",
    summary="add an article (token): read, extract, validate, store",
    status_code=201,
    openapi_extra={
        "requestBody": {"required": True, "content": {"application/json": {"schema": ARTICLE_SCHEMA}}}
    },
    responses={
        400: {"description": "the body or the article cannot be read"},
        401: {"description": "missing or wrong bearer token"},
        403: {"description": "the server has no update token: writes are disabled"},
        422: {"description": "the article's graph violates the shapes; `results` lists why"},
    },
)
async def post_article(
    request: Request, _token: UpdateTokenDep, settings: SettingsDep, store: StoreDep
) -> JSONResponse:
    """Store one article's facts as its named graph (replacing the graph of the same article)."""
    body = parse_body(await request.body())
    meta = {k: v for k, v in body.items() if k != "text"}
    article = article_from_text(body["text"], where="POST /articles", meta=meta)

    def run() -> JSONResponse:
        pipeline = _pipeline(request, settings, store)
        report = ingest([article], extractor=pipeline.extractor, store=store, validator=pipeline.validator)
        if report.rejected:
            return _rejected(report.rejected[0])
        accepted = report.accepted[0]
        return JSONResponse(
            status_code=201,
            content={
                "article": accepted.article_id,
                "graph": accepted.graph_iri,
                "triples": accepted.triples,
            },
        )

    return await run_in_threadpool(run)
