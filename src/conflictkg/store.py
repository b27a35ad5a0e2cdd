"""The triple store: one interface (:class:`Store`) for the embedded store and a remote SPARQL server.

:class:`OxigraphStore` keeps the data in a pyoxigraph (RocksDB) directory on disk, or in memory when
no path is given. Every article lives in its own named graph; queries see the union of all named
graphs as their default graph, so a query need not know which article a fact came from.

Why replacing a graph is one SPARQL UPDATE: pyoxigraph's Python API has no explicit transaction, but
it runs one update request (all its operations) as one transaction. ``DROP SILENT GRAPH <g> ; INSERT
DATA { GRAPH <g> { ... } }`` therefore removes the old article and writes the new one all or nothing:
a crash or an error halfway leaves the old graph in place.

Query results are read into a :class:`QueryResult` (terms, not a live iterator) so that they outlive
the call, carry their own serialisers (SPARQL JSON/XML/CSV/TSV, Turtle/N-Triples) and never keep the
store open. A query runs in a worker thread so that ``timeout`` can be enforced: pyoxigraph cannot
cancel a query, so a timed-out query is abandoned (it stops at its next result row).

:class:`RemoteStore` is the same interface over HTTP (SPARQL 1.1 Protocol), for a store shared by several
processes; its results are parsed into the same pyoxigraph terms, so callers cannot tell the two apart.
"""

from __future__ import annotations

import gc
import json
import re
import threading
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from types import TracebackType
from typing import Any, Literal, Self

import httpx
import pyoxigraph as ox
from rdflib import Graph

from conflictkg.errors import ConfigurationError, InputError, QueryError, StoreError
from conflictkg.model import PREFIXES
from conflictkg.namespace import CKR_NS
from conflictkg.settings import Settings

__all__ = [
    "GAZETTEER_GRAPH",
    "ONTOLOGY_GRAPH",
    "QUERY_PREFIXES",
    "OxigraphStore",
    "QueryKind",
    "QueryResult",
    "RemoteStore",
    "Store",
    "open_store",
    "python_value",
    "replace_update",
]

GAZETTEER_GRAPH = f"{CKR_NS}graph-gazetteer"
ONTOLOGY_GRAPH = f"{CKR_NS}graph-ontology"

QueryKind = Literal["select", "ask", "construct"]

#: Prefixes a query may use without declaring them (a query's own PREFIX lines take precedence).
QUERY_PREFIXES: dict[str, str] = {
    **PREFIXES,
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "sem": "http://semanticweb.cs.vu.nl/2009/11/sem/",
    "time": "http://www.w3.org/2006/time#",
}
Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple

_XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGERS = {
    f"{_XSD}{t}"
    for t in (
        "integer",
        "int",
        "long",
        "short",
        "byte",
        "nonNegativeInteger",
        "positiveInteger",
        "negativeInteger",
        "nonPositiveInteger",
        "unsignedInt",
        "unsignedLong",
        "unsignedShort",
        "unsignedByte",
    )
}
_RESULT_FORMATS: dict[str, ox.QueryResultsFormat] = {
    "json": ox.QueryResultsFormat.JSON,
    "xml": ox.QueryResultsFormat.XML,
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
}
_GRAPH_FORMATS: dict[str, ox.RdfFormat] = {
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "nt": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
    "rdfxml": ox.RdfFormat.RDF_XML,
    "xml": ox.RdfFormat.RDF_XML,
    "trig": ox.RdfFormat.TRIG,
    "nquads": ox.RdfFormat.N_QUADS,
}
_FORMAT_NAMES: dict[str, str] = {
    "turtle": "ttl",
    "ntriples": "nt",
    "nquads": "nq",
    "jsonld": "jsonld",
    "rdfxml": "rdf",
    "xml": "rdf",
}


def python_value(term: Term | None) -> Any:
    """A result term as a Python value: IRIs as ``str``, blank nodes as ``_:id``, typed literals as
    ``int``/``Decimal``/``float``/``bool``/``date``/``datetime``, other literals as ``str``."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return term.value
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Literal):
        dt = term.datatype.value
        text = term.value
        try:
            if dt in _INTEGERS:
                return int(text)
            if dt == f"{_XSD}decimal":
                return Decimal(text)
            if dt in (f"{_XSD}double", f"{_XSD}float"):
                return float(text)
            if dt == f"{_XSD}boolean":
                return text in ("true", "1")
            if dt == f"{_XSD}date":
                return date.fromisoformat(text)
            if dt == f"{_XSD}dateTime":
                return datetime.fromisoformat(text)
        except (ValueError, InvalidOperation):
            return text  # ill-typed literal: keep its text rather than fail the whole result
        return text
    return str(term)


def _json_term(term: Term) -> dict[str, str]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != f"{_XSD}string":
            out["datatype"] = term.datatype.value
        return out
    return {"type": "literal", "value": str(term)}


@dataclass(slots=True)
class QueryResult:
    """The full result of one query: rows of terms (SELECT), a boolean (ASK) or triples (CONSTRUCT)."""

    kind: QueryKind
    variables: list[str] = field(default_factory=list)
    bindings: list[tuple[Term | None, ...]] = field(default_factory=list)
    boolean: bool | None = None
    triples: list[ox.Triple] = field(default_factory=list)
    #: True when the result was cut at ``max_rows``.
    truncated: bool = False

    @property
    def rows(self) -> list[dict[str, Any]]:
        """SELECT rows as ``{variable: Python value}`` (unbound variables are ``None``)."""
        return [dict(zip(self.variables, map(python_value, row), strict=True)) for row in self.bindings]

    def column(self, variable: str) -> list[Any]:
        """The Python values of one variable, row by row."""
        i = self.variables.index(variable)
        return [python_value(row[i]) for row in self.bindings]

    def __len__(self) -> int:
        return len(self.triples) if self.kind == "construct" else len(self.bindings)

    def to_json(self) -> dict[str, Any]:
        """SPARQL 1.1 Query Results JSON (SELECT/ASK)."""
        if self.kind == "ask":
            return {"head": {}, "boolean": bool(self.boolean)}
        if self.kind != "select":
            raise QueryError("a CONSTRUCT/DESCRIBE result is a graph: serialise it as turtle or ntriples")
        bindings = [
            {v: _json_term(t) for v, t in zip(self.variables, row, strict=True) if t is not None}
            for row in self.bindings
        ]
        return {"head": {"vars": list(self.variables)}, "results": {"bindings": bindings}}

    def serialize(self, format: str = "json") -> bytes:
        """Bytes in ``format``: json/xml/csv/tsv for SELECT and ASK; turtle/ntriples/jsonld/rdfxml for graphs."""
        fmt = format.lower().replace("-", "").replace("_", "")
        if self.kind == "construct":
            if fmt not in _GRAPH_FORMATS or fmt in ("trig", "nquads"):
                raise QueryError(
                    f"cannot serialise a graph result as {format!r}: use turtle, ntriples, jsonld or rdfxml"
                )
            out = ox.serialize(self.triples, format=_GRAPH_FORMATS[fmt], prefixes=PREFIXES)
            return out or b""
        if fmt not in _RESULT_FORMATS:
            raise QueryError(
                f"cannot serialise a {self.kind.upper()} result as {format!r}: use json, xml, csv or tsv"
            )
        data = json.dumps(self.to_json(), ensure_ascii=False).encode("utf-8")
        if fmt == "json":
            return data
        parsed = ox.parse_query_results(data, ox.QueryResultsFormat.JSON)
        return parsed.serialize(format=_RESULT_FORMATS[fmt]) or b""

    @staticmethod
    def media_type(format: str) -> str:
        """The media type of a format name accepted by :meth:`serialize`."""
        fmt = format.lower().replace("-", "").replace("_", "")
        if fmt in _RESULT_FORMATS:
            return _RESULT_FORMATS[fmt].media_type
        if fmt in _GRAPH_FORMATS:
            return _GRAPH_FORMATS[fmt].media_type
        raise QueryError(f"unknown result format {format!r}")


def _rdf_format(format: str | None, path: Path | None) -> ox.RdfFormat:
    if format is None:
        if path is None:
            raise InputError("loading bytes needs a format (turtle, trig, nt, nq, jsonld, rdfxml)")
        found = ox.RdfFormat.from_extension(path.suffix.lstrip("."))
        if found is None:
            raise InputError(f"cannot tell the RDF format of {path} from its extension: pass format=")
        return found
    key = format.lower().replace("-", "").replace("_", "")
    found = (
        _GRAPH_FORMATS.get(key)
        or ox.RdfFormat.from_extension(_FORMAT_NAMES.get(key, key))
        or ox.RdfFormat.from_media_type(format)
    )
    if found is None:
        raise InputError(
            f"unknown RDF format {format!r}: use turtle, trig, ntriples, nquads, jsonld or rdfxml"
        )
    return found


class Store(ABC):
    """What the rest of conflictkg may do with a store; see docs/contracts.md, "Store"."""

    @abstractmethod
    def replace_graph(self, graph_iri: str, graph: Graph) -> None:
        """Remove the named graph ``graph_iri`` and write ``graph``'s triples there, in one transaction."""

    @abstractmethod
    def remove_graph(self, graph_iri: str) -> None:
        """Remove the named graph and its triples (nothing happens when it is absent)."""

    @abstractmethod
    def graphs(self) -> list[str]:
        """The named graphs, sorted."""

    @abstractmethod
    def has_graph(self, graph_iri: str) -> bool: ...

    @abstractmethod
    def query(self, sparql: str, *, timeout: float | None = None, max_rows: int | None = None) -> QueryResult:
        """Run a SPARQL query whose default graph is the union of all named graphs."""

    @abstractmethod
    def update(self, sparql: str) -> None:
        """Run a SPARQL 1.1 update, all or nothing."""

    @abstractmethod
    def load(self, data: bytes | Path, *, format: str | None = None, graph: str | None = None) -> None:
        """Load RDF (a file or bytes) all or nothing; triples go to ``graph`` (default graph if None)."""

    @abstractmethod
    def dump(self, *, format: str = "nquads", graph: str | None = None) -> bytes:
        """Everything (``trig``/``nquads``) or one graph (any format) as bytes."""

    @abstractmethod
    def __len__(self) -> int:
        """Number of quads."""

    @abstractmethod
    def close(self) -> None:
        """Flush and release the store (its lock, for a store on disk)."""

    def ensure_reference_graphs(self, gazetteer_graph: Graph, ontology_graph: Graph) -> None:
        """Load the gazetteer into ``ckr:graph-gazetteer`` and the ontology into ``ckr:graph-ontology``.

        Each is replaced whole, so calling this again after editing the Turtle files brings them up to date.
        """
        self.replace_graph(GAZETTEER_GRAPH, gazetteer_graph)
        self.replace_graph(ONTOLOGY_GRAPH, ontology_graph)

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


def _iri(value: str, what: str = "graph") -> ox.NamedNode:
    try:
        return ox.NamedNode(value)
    except ValueError as exc:
        raise InputError(f"{what} name {value!r} is not a valid IRI: {exc}") from exc


def replace_update(graph_iri: str, graph: Graph) -> str:
    """The single SPARQL UPDATE that replaces a named graph: one request, so one transaction on any store."""
    name = str(_iri(graph_iri))
    body = graph.serialize(format="nt", encoding="utf-8").decode("utf-8")
    return f"DROP SILENT GRAPH {name} ;\nINSERT DATA {{ GRAPH {name} {{\n{body}}} }}"


class OxigraphStore(Store):
    """The embedded store: pyoxigraph on disk at ``path`` (created if missing), in memory if ``None``."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = Path(path) if path is not None else None
        self._store: ox.Store | None = self._open(self.path)

    @staticmethod
    def _open(path: Path | None) -> ox.Store:
        if path is None:
            return ox.Store()
        if path.exists() and not path.is_dir():
            raise StoreError(f"store path {path} is a file, not a directory: pass a directory with --store")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)  # RocksDB makes the last folder only
            return ox.Store(str(path))
        except OSError as exc:
            text = str(exc)
            if "lock" in text.lower():
                raise StoreError(
                    f"the store at {path} is locked by another process or another open store ({text}): "
                    "stop the other conflictkg process (serve, ingest) or use another --store directory"
                ) from exc
            raise StoreError(
                f"cannot open the store at {path}: {text}; check that the directory is writable and holds "
                "a conflictkg store (or is empty)"
            ) from exc

    @property
    def raw(self) -> ox.Store:
        """The pyoxigraph store (raises when closed)."""
        if self._store is None:
            where = self.path or "memory"
            raise StoreError(f"the store at {where} is closed: open it again with open_store()")
        return self._store

    def _where(self) -> str:
        return str(self.path) if self.path else "the in-memory store"

    # --- writes ---
    def replace_update(self, graph_iri: str, graph: Graph) -> str:
        """The single SPARQL UPDATE that replaces the graph (one transaction in oxigraph)."""
        return replace_update(graph_iri, graph)

    def replace_graph(self, graph_iri: str, graph: Graph) -> None:
        self._run_update(self.replace_update(graph_iri, graph), what=f"replacing graph <{graph_iri}>")

    def remove_graph(self, graph_iri: str) -> None:
        self._run_update(f"DROP SILENT GRAPH {_iri(graph_iri)}", what=f"removing graph <{graph_iri}>")

    def update(self, sparql: str) -> None:
        self._run_update(sparql, what="the update")

    def _run_update(self, sparql: str, *, what: str) -> None:
        try:
            self.raw.update(sparql)
        except SyntaxError as exc:
            raise QueryError(f"malformed SPARQL update ({what}): {exc}") from exc
        except OSError as exc:
            raise StoreError(
                f"{what} failed in {self._where()}: {exc}; the store is unchanged (the update is atomic)"
            ) from exc
        except (RuntimeError, ValueError) as exc:
            raise QueryError(
                f"{what} was refused: {exc}; the store is unchanged (the update is atomic)"
            ) from exc

    def load(self, data: bytes | Path, *, format: str | None = None, graph: str | None = None) -> None:
        path = data if isinstance(data, Path) else None
        fmt = _rdf_format(format, path)
        to_graph = _iri(graph) if graph else None
        where = str(path) if path else "the given bytes"
        try:
            if path is not None:
                if not path.is_file():
                    raise InputError(f"RDF file {path} not found")
                self.raw.load(path=str(path), format=fmt, to_graph=to_graph)
            elif isinstance(data, bytes | bytearray):
                self.raw.load(bytes(data), format=fmt, to_graph=to_graph)
            else:
                raise InputError(f"load() takes bytes or a Path, not {type(data).__name__}")
        except SyntaxError as exc:
            raise InputError(f"cannot parse {where} as {fmt.name}: {exc}; nothing was loaded") from exc
        except OSError as exc:
            raise StoreError(
                f"loading {where} into {self._where()} failed: {exc}; nothing was loaded"
            ) from exc

    # --- reads ---
    def graphs(self) -> list[str]:
        return sorted(g.value for g in self.raw.named_graphs() if isinstance(g, ox.NamedNode))

    def has_graph(self, graph_iri: str) -> bool:
        return self.raw.contains_named_graph(_iri(graph_iri))

    def __len__(self) -> int:
        return len(self.raw)

    def dump(self, *, format: str = "nquads", graph: str | None = None) -> bytes:
        fmt = _rdf_format(format, None)
        if graph is None and not fmt.supports_datasets:
            raise InputError(f"{fmt.name} holds one graph: name the graph, or dump as trig or nquads")
        from_graph = _iri(graph) if graph is not None else None
        prefixes = PREFIXES if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG) else None
        return self.raw.dump(format=fmt, from_graph=from_graph, prefixes=prefixes) or b""

    def query(self, sparql: str, *, timeout: float | None = None, max_rows: int | None = None) -> QueryResult:
        store = self.raw
        outcome: dict[str, Any] = {}
        stop = threading.Event()

        def run() -> None:
            try:
                outcome["result"] = _collect(store, sparql, stop, max_rows)
            except BaseException as exc:  # handed to the caller's thread below
                outcome["error"] = exc

        worker = threading.Thread(target=run, name="conflictkg-query", daemon=True)
        worker.start()
        worker.join(timeout)
        if worker.is_alive():
            stop.set()
            raise QueryError(
                f"the query ran longer than the {timeout:g} s limit and was stopped; "
                "narrow it (LIMIT, more specific patterns) or raise the time limit"
            )
        if "error" in outcome:
            exc = outcome["error"]
            if isinstance(exc, SyntaxError):
                raise QueryError(f"malformed SPARQL query: {exc}") from exc
            if isinstance(exc, OSError):
                raise StoreError(f"reading {self._where()} failed: {exc}") from exc
            if isinstance(exc, (RuntimeError, ValueError)):
                raise QueryError(f"the query failed: {exc}") from exc
            raise exc
        result: QueryResult = outcome["result"]
        return result

    def close(self) -> None:
        if self._store is None:
            return
        try:
            self._store.flush()
        except OSError as exc:
            raise StoreError(f"flushing the store at {self._where()} failed: {exc}") from exc
        finally:
            self._store = None
            gc.collect()  # drop pyoxigraph's handle now, so the directory lock is released


class _Stopped(Exception):
    """Raised inside the worker when the caller gave up waiting."""


def _collect(store: ox.Store, sparql: str, stop: threading.Event, max_rows: int | None) -> QueryResult:
    raw = store.query(sparql, use_default_graph_as_union=True, prefixes=QUERY_PREFIXES)
    if isinstance(raw, ox.QueryBoolean):
        return QueryResult(kind="ask", boolean=bool(raw))
    if isinstance(raw, ox.QuerySolutions):
        variables = [v.value for v in raw.variables]
        result = QueryResult(kind="select", variables=variables)
        for solution in raw:
            if stop.is_set():
                raise _Stopped
            if max_rows is not None and len(result.bindings) >= max_rows:
                result.truncated = True
                break
            result.bindings.append(tuple(solution[v] for v in variables))
        return result
    result = QueryResult(kind="construct")
    for triple in raw:
        if stop.is_set():
            raise _Stopped
        if max_rows is not None and len(result.triples) >= max_rows:
            result.truncated = True
            break
        result.triples.append(triple)
    return result


# ------------------------------------------------------------------------------------------ remote store
#: Accept header of a query: SPARQL JSON for SELECT/ASK, N-Triples for CONSTRUCT/DESCRIBE. The query form
#: is not parsed here; the server picks the type that fits and the answer is read by its Content-Type.
_QUERY_ACCEPT = "application/sparql-results+json, application/n-triples;q=0.9"
_PREFIX_DECL = re.compile(r"\bPREFIX\s+([A-Za-z][\w.-]*)?\s*:", re.IGNORECASE)
_ERROR_AT = re.compile(r"error at (\d+):(\d+)")
_QUADS_QUERY = "SELECT ?s ?p ?o ?g WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }"
_COUNT_QUERY = "SELECT (COUNT(*) AS ?n) WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }"


def _with_prefixes(sparql: str) -> tuple[str, int]:
    """``sparql`` with the :data:`QUERY_PREFIXES` it does not declare itself, and the lines added (0 or 1).

    All added PREFIX lines go on one line, so a server's "error at L:C" is off by exactly one line.
    """
    declared = {m.group(1) or "" for m in _PREFIX_DECL.finditer(sparql)}
    missing = [f"PREFIX {p}: <{ns}>" for p, ns in QUERY_PREFIXES.items() if p not in declared]
    if not missing:
        return sparql, 0
    return " ".join(missing) + "\n" + sparql, 1


def _server_message(text: str, added_lines: int) -> str:
    """The server's error text, its line numbers moved back onto the caller's query."""
    text = text.strip() or "(the server gave no message)"
    if not added_lines:
        return text

    def shift(m: re.Match[str]) -> str:
        line = max(1, int(m.group(1)) - added_lines)
        return f"error at {line}:{m.group(2)}"

    return _ERROR_AT.sub(shift, text)


def _nt(term: Term) -> str:
    """A term in N-Triples/SPARQL syntax (``str()`` of a pyoxigraph term is exactly that)."""
    return str(term)


def _sibling(endpoint: str, name: str) -> str:
    """``endpoint`` with its last path segment ``query``/``sparql`` replaced by ``name`` (Oxigraph, Fuseki)."""
    base, sep, last = endpoint.rstrip("/").rpartition("/")
    if sep and last in ("query", "sparql"):
        return f"{base}/{name}"
    return endpoint


class RemoteStore(Store):
    """A store behind a SPARQL 1.1 Protocol server (Oxigraph server, or any server with the same protocol).

    Why: the embedded store holds one process's lock on one disk; a server lets several API workers and
    ingest jobs share one graph, and scale the store apart from the application.

    - Queries go to ``endpoint`` by POST (``application/sparql-query``) with the ``union-default-graph``
      parameter: Oxigraph's per-request switch, so the store behaves the same whether or not the server was
      started with ``--union-default-graph``. (A server that ignores the parameter keeps its own default
      graph: configure it to use the union of the named graphs.)
    - Updates go to ``update_endpoint`` (default: ``endpoint`` with ``/query`` or ``/sparql`` replaced by
      ``/update``). ``replace_graph`` and ``load`` are each ONE update request, so the server runs them as
      one transaction: a failure leaves the old data in place.
    - ``token`` is sent as ``Authorization: Bearer <token>`` on every request.
    - Results are read into the same :class:`QueryResult` (pyoxigraph terms) as the embedded store's.
    """

    def __init__(
        self,
        endpoint: str,
        *,
        update_endpoint: str | None = None,
        timeout: float = 30.0,
        token: str | None = None,
    ) -> None:
        if not endpoint.startswith(("http://", "https://")):
            raise ConfigurationError(
                f"remote SPARQL endpoint {endpoint!r} is not an http(s) URL: set CONFLICTKG_REMOTE_ENDPOINT "
                "to the query URL, e.g. http://127.0.0.1:7878/query"
            )
        self.endpoint = endpoint
        self.update_endpoint = update_endpoint or _sibling(endpoint, "update")
        self.timeout = timeout
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        self._client: httpx.Client | None = httpx.Client(timeout=timeout, headers=headers)

    @property
    def client(self) -> httpx.Client:
        """The HTTP client (raises when the store is closed)."""
        if self._client is None:
            raise StoreError(f"the remote store {self.endpoint} is closed: open it again with open_store()")
        return self._client

    # --- HTTP ---
    def _post(
        self,
        url: str,
        body: str,
        *,
        content_type: str,
        what: str,
        params: dict[str, str] | None = None,
        accept: str | None = None,
        timeout: float | None = None,
        added_lines: int = 0,
    ) -> httpx.Response:
        headers = {"Content-Type": f"{content_type}; charset=utf-8"}
        if accept:
            headers["Accept"] = accept
        limit = timeout if timeout is not None else self.timeout
        try:
            response = self.client.post(
                url, content=body.encode("utf-8"), headers=headers, params=params, timeout=limit
            )
        except httpx.TimeoutException as exc:
            if timeout is not None and not isinstance(exc, httpx.ConnectTimeout):
                raise QueryError(
                    f"{what} ran longer than the {timeout:g} s limit at {url} and was abandoned; "
                    "narrow it (LIMIT, more specific patterns) or raise the time limit"
                ) from exc
            raise StoreError(
                f"the SPARQL server at {url} did not answer {what} within {limit:g} s ({type(exc).__name__}); "
                "check that it is running and not overloaded, or raise CONFLICTKG_QUERY_TIMEOUT"
            ) from exc
        except httpx.TransportError as exc:
            raise StoreError(
                f"cannot reach the SPARQL server at {url} for {what}: {exc or type(exc).__name__}; start the "
                "server (e.g. oxigraph serve) or fix CONFLICTKG_REMOTE_ENDPOINT"
            ) from exc
        if response.status_code == 400:
            raise QueryError(
                f"the SPARQL server at {url} refused {what}: {_server_message(response.text, added_lines)}"
            )
        if response.status_code in (401, 403):
            raise StoreError(
                f"the SPARQL server at {url} refused {what} (HTTP {response.status_code}): "
                "set CONFLICTKG_UPDATE_TOKEN to a token it accepts"
            )
        if response.status_code >= 300:
            raise StoreError(
                f"the SPARQL server at {url} failed {what} (HTTP {response.status_code}): "
                f"{response.text.strip()[:500]}; check the server's log"
            )
        return response

    def _select(self, sparql: str, what: str, *, union: bool = True) -> list[tuple[Term | None, ...]]:
        """Rows of a SELECT the store itself runs (no default prefixes needed)."""
        params = {"union-default-graph": ""} if union else None
        response = self._post(
            self.endpoint,
            sparql,
            content_type="application/sparql-query",
            what=what,
            params=params,
            accept="application/sparql-results+json",
        )
        result = self._read(response, max_rows=None, what=what)
        return result.bindings

    def _read(self, response: httpx.Response, *, max_rows: int | None, what: str) -> QueryResult:
        media = response.headers.get("content-type", "").split(";")[0].strip().lower()
        try:
            if media == "application/sparql-results+json":
                raw = ox.parse_query_results(response.content, ox.QueryResultsFormat.JSON)
                if isinstance(raw, ox.QueryBoolean):
                    return QueryResult(kind="ask", boolean=bool(raw))
                variables = [v.value for v in raw.variables]
                result = QueryResult(kind="select", variables=variables)
                for solution in raw:
                    if max_rows is not None and len(result.bindings) >= max_rows:
                        result.truncated = True
                        break
                    result.bindings.append(tuple(solution[v] for v in variables))
                return result
            if media == "application/n-triples":
                result = QueryResult(kind="construct")
                for quad in ox.parse(response.content, format=ox.RdfFormat.N_TRIPLES):
                    if max_rows is not None and len(result.triples) >= max_rows:
                        result.truncated = True
                        break
                    result.triples.append(quad.triple)
                return result
        except SyntaxError as exc:
            raise StoreError(
                f"the SPARQL server at {self.endpoint} answered {what} with unreadable {media}: {exc}; "
                "check that the endpoint is a SPARQL 1.1 query endpoint"
            ) from exc
        raise StoreError(
            f"the SPARQL server at {self.endpoint} answered {what} as {media or 'no content type'}, not SPARQL "
            "JSON or N-Triples; check that CONFLICTKG_REMOTE_ENDPOINT is the query endpoint"
        )

    # --- writes ---
    def update(self, sparql: str) -> None:
        """Run the update as sent: like the embedded store, an update declares the prefixes it uses."""
        self._update(sparql, what="the update")

    def _update(self, sparql: str, *, what: str) -> None:
        self._post(self.update_endpoint, sparql, content_type="application/sparql-update", what=what)

    def replace_graph(self, graph_iri: str, graph: Graph) -> None:
        self._update(replace_update(graph_iri, graph), what=f"replacing graph <{graph_iri}>")

    def remove_graph(self, graph_iri: str) -> None:
        self._update(f"DROP SILENT GRAPH {_iri(graph_iri)}", what=f"removing graph <{graph_iri}>")

    def load(self, data: bytes | Path, *, format: str | None = None, graph: str | None = None) -> None:
        """Parse locally (a syntax error never reaches the server), then send ONE ``INSERT DATA``."""
        path = data if isinstance(data, Path) else None
        fmt = _rdf_format(format, path)
        to_graph = _iri(graph) if graph else None
        where = str(path) if path else "the given bytes"
        if path is not None and not path.is_file():
            raise InputError(f"RDF file {path} not found")
        if path is None and not isinstance(data, bytes | bytearray):
            raise InputError(f"load() takes bytes or a Path, not {type(data).__name__}")
        try:
            if path is not None:
                quads = list(ox.parse(path=str(path), format=fmt))
            else:
                quads = list(ox.parse(bytes(data), format=fmt))
        except SyntaxError as exc:
            raise InputError(f"cannot parse {where} as {fmt.name}: {exc}; nothing was loaded") from exc
        by_graph: dict[str, list[str]] = {}
        for q in quads:
            g = to_graph if to_graph is not None else q.graph_name
            key = "" if isinstance(g, ox.DefaultGraph) else _nt(g)
            by_graph.setdefault(key, []).append(f"{_nt(q.subject)} {_nt(q.predicate)} {_nt(q.object)} .")
        if not by_graph:
            return
        blocks = [
            "\n".join(lines) if not key else f"GRAPH {key} {{\n" + "\n".join(lines) + "\n}"
            for key, lines in by_graph.items()
        ]
        self._update("INSERT DATA {\n" + "\n".join(blocks) + "\n}", what=f"loading {where}")

    # --- reads ---
    def query(self, sparql: str, *, timeout: float | None = None, max_rows: int | None = None) -> QueryResult:
        body, added = _with_prefixes(sparql)
        response = self._post(
            self.endpoint,
            body,
            content_type="application/sparql-query",
            what="the query",
            params={"union-default-graph": ""},
            accept=_QUERY_ACCEPT,
            timeout=timeout,
            added_lines=added,
        )
        return self._read(response, max_rows=max_rows, what="the query")

    def graphs(self) -> list[str]:
        rows = self._select("SELECT DISTINCT ?g WHERE { GRAPH ?g { } }", "listing the graphs", union=False)
        return sorted(t.value for (t,) in rows if isinstance(t, ox.NamedNode))

    def has_graph(self, graph_iri: str) -> bool:
        name = _iri(graph_iri)
        rows = self._select(
            f"SELECT ?g WHERE {{ GRAPH ?g {{ }} FILTER(?g = {name}) }}", f"looking for {name}"
        )
        return bool(rows)

    def __len__(self) -> int:
        rows = self._select(_COUNT_QUERY, "counting the quads", union=False)
        return int(python_value(rows[0][0])) if rows else 0

    def dump(self, *, format: str = "nquads", graph: str | None = None) -> bytes:
        """One graph by CONSTRUCT, everything by a SELECT over all quads: needs only the query endpoint."""
        fmt = _rdf_format(format, None)
        prefixes = PREFIXES if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG) else None
        if graph is None:
            if not fmt.supports_datasets:
                raise InputError(f"{fmt.name} holds one graph: name the graph, or dump as trig or nquads")
            quads = [
                ox.Quad(s, p, o, g if g is not None else ox.DefaultGraph())  # type: ignore[arg-type]
                for s, p, o, g in self._select(_QUADS_QUERY, "dumping the store", union=False)
            ]
            return ox.serialize(quads, format=fmt, prefixes=prefixes) or b""
        name = _iri(graph)
        response = self._post(
            self.endpoint,
            f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH {name} {{ ?s ?p ?o }} }}",
            content_type="application/sparql-query",
            what=f"dumping graph {name}",
            accept="application/n-triples",
        )
        triples = self._read(response, max_rows=None, what=f"dumping graph {name}").triples
        if fmt.supports_datasets:
            return (
                ox.serialize(
                    [ox.Quad(t.subject, t.predicate, t.object, name) for t in triples],
                    format=fmt,
                    prefixes=prefixes,
                )
                or b""
            )
        return ox.serialize(triples, format=fmt, prefixes=prefixes) or b""

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None


def open_store(settings: Settings) -> Store:
    """The store the settings name: a :class:`RemoteStore` when ``settings.remote_endpoint`` is set,
    else the embedded store in ``settings.store_dir``."""
    if settings.remote_endpoint:
        return RemoteStore(
            settings.remote_endpoint, timeout=settings.query_timeout_s, token=settings.update_token
        )
    return OxigraphStore(settings.store_dir)
