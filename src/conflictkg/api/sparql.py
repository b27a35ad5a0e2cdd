"""``/sparql``: the SPARQL 1.1 Protocol over the store (query by GET, form POST or direct POST).

The default graph is the union of the article graphs (the store's behaviour). Results are negotiated
from the ``Accept`` header: SELECT and ASK as SPARQL JSON (default), XML, CSV or TSV; CONSTRUCT and
DESCRIBE as Turtle (default), N-Triples or JSON-LD. A malformed query is a 400 whose body is the
parser's message (the store raises :class:`~conflictkg.errors.QueryError`, the app maps it).

Federated queries (``SERVICE``) are refused before they reach the store: the store's engine would
fetch whatever URL a client names, which turns a public read endpoint into a proxy to other hosts.

Updates go through the same path (form ``update=`` or ``application/sparql-update``) and are refused
unless an update token is configured and sent as ``Authorization: Bearer TOKEN``: a read endpoint
must not become a write endpoint by accident.
"""

from __future__ import annotations

import re
from typing import Annotated
from urllib.parse import parse_qs

from fastapi import APIRouter, HTTPException, Query, Request, Response

from conflictkg.api.dependencies import SettingsDep, StoreDep, require_update_token
from conflictkg.settings import Settings
from conflictkg.store import Store

__all__ = ["GRAPH_FORMATS", "RESULT_FORMATS", "router", "uses_service"]

router = APIRouter(tags=["sparql"])

#: media type -> the store's format name, for SELECT and ASK results (first: the default).
RESULT_FORMATS: dict[str, str] = {
    "application/sparql-results+json": "json",
    "application/sparql-results+xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
}
#: media type -> the store's format name, for CONSTRUCT and DESCRIBE results (first: the default).
GRAPH_FORMATS: dict[str, str] = {
    "text/turtle": "turtle",
    "application/n-triples": "ntriples",
    "application/ld+json": "jsonld",
}
_ALIASES = {
    "application/json": "application/sparql-results+json",
    "application/xml": "application/sparql-results+xml",
}
_FORM = "application/x-www-form-urlencoded"
_QUERY_BODY = "application/sparql-query"
_UPDATE_BODY = "application/sparql-update"
#: Strings, IRIs (the IRIREF grammar: no spaces, braces or quotes) and comments, masked before looking
#: for keywords so that ``"SERVICE"`` in a literal or ``<http://x/SERVICE>`` is not taken for one.
_MASK = re.compile(
    "|".join(
        (
            r'"""[\s\S]*?"""',  # long strings
            r"'''[\s\S]*?'''",
            r'"(?:[^"\\\n]|\\.)*"',  # short strings, with escapes
            r"'(?:[^'\\\n]|\\.)*'",
            r'<[^<>"{}|^`\\\x00-\x20]*>',  # IRIs
            r"#[^\n]*",  # comments
        )
    )
)
_SERVICE = re.compile(r"(?<![\w:?$])SERVICE(?![\w:])", re.IGNORECASE)
#: SPARQL decodes \uXXXX and \UXXXXXXXX anywhere in a query before parsing it (SPARQL 1.1, 19.2).
_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_QUERY_HELP = (
    "send the query as the `query` parameter (GET /sparql?query=... or a form POST) or as the body of a "
    "POST with Content-Type: application/sparql-query"
)


def _accepted(accept: str | None) -> list[str]:
    """Media types of an Accept header, most preferred first (q-values honoured, order kept on ties)."""
    if not accept:
        return []
    ranked: list[tuple[float, int, str]] = []
    for i, part in enumerate(accept.split(",")):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        q = 1.0
        for f in fields[1:]:
            if f.startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        if media and q > 0:
            ranked.append((-q, i, _ALIASES.get(media, media)))
    return [m for _, _, m in sorted(ranked)]


def _negotiate(accept: str | None, formats: dict[str, str]) -> str:
    """The media type to answer with: the client's first acceptable one, else the default."""
    default = next(iter(formats))
    for media in _accepted(accept):
        if media in formats:
            return media
        if media in ("*/*", "application/*", "text/*"):
            return default
    return default


def uses_service(query: str) -> bool:
    """True when the query has a ``SERVICE`` clause (outside strings, IRIs and comments)."""
    decoded = _ESCAPE.sub(lambda m: chr(int(m[1] or m[2], 16)), query)
    return bool(_SERVICE.search(_MASK.sub(" ", decoded)))


def _answer(store: Store, settings: Settings, query: str, accept: str | None) -> Response:
    if not query.strip():
        raise HTTPException(status_code=400, detail=f"the query is empty: {_QUERY_HELP}")
    if uses_service(query):
        raise HTTPException(
            status_code=400,
            detail="SERVICE (a federated query to another endpoint) is refused: this endpoint answers from "
            "its own store only; run the federated part against the other endpoint yourself",
        )
    result = store.query(query, timeout=settings.query_timeout_s, max_rows=settings.max_result_rows)
    formats = GRAPH_FORMATS if result.kind in ("construct", "describe") else RESULT_FORMATS
    media = _negotiate(accept, formats)
    body = result.serialize(formats[media])
    charset = "; charset=utf-8" if media.startswith("text/") or media.endswith("json") else ""
    headers = {"Vary": "Accept"}
    if result.truncated:
        headers["X-Conflictkg-Truncated"] = f"cut at {settings.max_result_rows} results"
    return Response(content=body, media_type=f"{media}{charset}", headers=headers)


def _update(store: Store, settings: Settings, update: str, authorization: str | None) -> Response:
    require_update_token(settings, authorization)
    if not update.strip():
        raise HTTPException(status_code=400, detail="the update is empty: send it as `update=` or the body")
    store.update(update)
    return Response(status_code=204)


@router.get(
    "/sparql",
    summary="SPARQL query by GET",
    responses={400: {"description": "malformed query; the body carries the parser's message"}},
)
def sparql_get(
    request: Request,
    store: StoreDep,
    settings: SettingsDep,
    query: Annotated[str | None, Query(description="a SPARQL 1.1 query")] = None,
) -> Response:
    """Run ``query``; the answer's format follows the Accept header."""
    if query is None:
        raise HTTPException(status_code=400, detail=f"no `query` parameter: {_QUERY_HELP}")
    return _answer(store, settings, query, request.headers.get("accept"))


@router.post(
    "/sparql",
    summary="SPARQL query (form or direct POST) or update (with the token)",
    responses={
        400: {"description": "malformed query; the body carries the parser's message"},
        401: {"description": "update without the right bearer token"},
        403: {"description": "update while updates are disabled"},
        415: {"description": "unsupported Content-Type"},
    },
)
async def sparql_post(request: Request, store: StoreDep, settings: SettingsDep) -> Response:
    """Form POST (``query=`` or ``update=``) or a direct POST of the query or update text."""
    content_type = (request.headers.get("content-type") or "").split(";")[0].strip().lower()
    raw = await request.body()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise HTTPException(status_code=400, detail=f"the request body is not UTF-8 ({exc.reason})") from exc
    accept = request.headers.get("accept")
    authorization = request.headers.get("authorization")
    if content_type == _QUERY_BODY:
        return _answer(store, settings, text, accept)
    if content_type == _UPDATE_BODY:
        return _update(store, settings, text, authorization)
    if content_type == _FORM:
        form = parse_qs(text, keep_blank_values=True)
        queries, updates = form.get("query", []), form.get("update", [])
        if len(queries) + len(updates) != 1:
            raise HTTPException(
                status_code=400,
                detail=f"give exactly one `query` or `update` field in the form: {_QUERY_HELP}",
            )
        if queries:
            return _answer(store, settings, queries[0], accept)
        return _update(store, settings, updates[0], authorization)
    raise HTTPException(
        status_code=415,
        detail=f"Content-Type {content_type or '(none)'!r} is not a SPARQL request: use {_FORM}, "
        f"{_QUERY_BODY} or {_UPDATE_BODY}",
    )
