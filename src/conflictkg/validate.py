"""SHACL validation of one article graph, behind one typed function and a report dataclass.

pyshacl is run with RDFS entailment over the ontology (its closure computed once) so that class checks see
the subclass tree (a ``ckg:ArmedGroup`` is a ``ckg:Actor``), and ``advanced=True`` so that the
SPARQL-based warnings of the shapes run. One article graph at a time: pyshacl merges a Dataset into
one graph, which would mix articles. Its results graph is parsed into :class:`ValidationResult`
values so that callers (ingest, CLI, API) never touch ``sh:`` terms. ``conforms`` is False only when
there is a Violation: warnings and infos never reject an article.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any
from typing import Literal as TypingLiteral

import pyshacl
from rdflib import RDF, RDFS, BNode, Dataset, Graph, Literal, Node, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import SH
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.sparql import Query
from rdflib.term import Identifier

from conflictkg.errors import ConfigurationError, InputError
from conflictkg.model import PREFIXES

__all__ = [
    "Severity",
    "ValidationReport",
    "ValidationResult",
    "Validator",
    "load_ontology",
    "load_shapes",
    "shorten",
    "validate_graph",
]

Severity = TypingLiteral["Violation", "Warning", "Info"]
_SEVERITIES: dict[Node, Severity] = {SH.Violation: "Violation", SH.Warning: "Warning", SH.Info: "Info"}
_ORDER = {"Violation": 0, "Warning": 1, "Info": 2}
_SHORT = sorted(PREFIXES.items(), key=lambda kv: -len(kv[1]))


def shorten(term: str) -> str:
    """``https://w3id.org/conflictkg/ontology#agent`` -> ``ckg:agent`` (IRIs without a prefix: ``<…>``)."""
    for prefix, ns in _SHORT:
        if term.startswith(ns) and len(term) > len(ns):
            return f"{prefix}:{term[len(ns) :]}"
    return f"<{term}>" if "://" in term else term


@dataclass(frozen=True, slots=True)
class ValidationResult:
    """One SHACL result: which node, which property path, how bad, what the shape says."""

    focus: str
    path: str | None
    severity: Severity
    message: str
    shape: str | None = None
    value: str | None = None

    def line(self) -> str:
        """``Violation  ckr:ev-a-1  ckg:agent: message`` (IRIs shortened)."""
        path = self.path or "-"
        return f"{self.severity:<9}  {shorten(self.focus)}  {shorten(path)}: {self.message}"


@dataclass(slots=True)
class ValidationReport:
    """The outcome of validating one graph; ``conforms`` is False only if there is a Violation."""

    results: list[ValidationResult] = field(default_factory=list)
    graph: str | None = None

    @property
    def conforms(self) -> bool:
        return not self.violations

    @property
    def violations(self) -> list[ValidationResult]:
        return [r for r in self.results if r.severity == "Violation"]

    @property
    def warnings(self) -> list[ValidationResult]:
        return [r for r in self.results if r.severity == "Warning"]

    def text(self) -> str:
        """One readable line per result, worst first; a single ``Conforms`` line when there is none."""
        if not self.results:
            return "Conforms: no violation, no warning."
        return "\n".join(r.line() for r in self.results)


def _node_text(node: Node | None) -> str | None:
    if node is None:
        return None
    if isinstance(node, Literal):
        return str(node)
    return str(node)


def _path_text(results: Graph, path: Node | None) -> str | None:
    """A property path as text: an IRI, ``^p`` for an inverse path, a SPARQL-like form otherwise."""
    if path is None:
        return None
    if isinstance(path, URIRef):
        return str(path)
    inverse = results.value(path, SH.inversePath)
    if inverse is not None:
        return f"^{shorten(str(inverse))}"
    for prop, op in ((SH.zeroOrMorePath, "*"), (SH.oneOrMorePath, "+"), (SH.zeroOrOnePath, "?")):
        inner = results.value(path, prop)
        if inner is not None:
            return f"({_path_text(results, inner)}){op}"
    if (path, RDF.first, None) in results:
        items = list(results.items(path))
        return "/".join(shorten(_path_text(results, i) or "") for i in items)
    return "(complex path)"


def _results(results: Graph) -> list[ValidationResult]:
    out: list[ValidationResult] = []
    # Only the report's own results: nested sh:detail results (of sh:node, sh:not) explain one of them.
    for node in results.objects(None, SH.result):
        severity = _SEVERITIES.get(results.value(node, SH.resultSeverity) or SH.Violation, "Violation")
        messages = sorted(str(m) for m in results.objects(node, SH.resultMessage))
        source = results.value(node, SH.sourceShape)
        out.append(
            ValidationResult(
                focus=_node_text(results.value(node, SH.focusNode)) or "",
                path=_path_text(results, results.value(node, SH.resultPath)),
                severity=severity,
                message="; ".join(messages) or "(the shape gives no message)",
                shape=None if isinstance(source, BNode) else _node_text(source),
                value=_node_text(results.value(node, SH.value)),
            )
        )
    out.sort(key=lambda r: (_ORDER[r.severity], r.focus, r.path or "", r.message, r.value or ""))
    return out


def _parse(path: Path, what: str) -> Graph:
    if not path.is_file():
        raise ConfigurationError(
            f"{what} file {path} not found: set CONFLICTKG_ONTOLOGY_DIR / CONFLICTKG_SHAPES_DIR "
            "or pass the path of the Turtle file"
        )
    g = Graph()
    try:
        g.parse(path, format="turtle")
    except Exception as exc:  # rdflib raises many types; name the file and keep the cause
        raise InputError(f"cannot parse {what} file {path}: {exc}") from exc
    return g


@lru_cache(maxsize=8)
def _cached(path: str, what: str, mtime: float) -> Graph:
    return _parse(Path(path), what)


def _load(path: Path, what: str) -> Graph:
    p = Path(path)
    mtime = p.stat().st_mtime if p.is_file() else -1.0
    return _cached(str(p.resolve()), what, mtime)


def load_shapes(path: Path) -> Graph:
    """The SHACL shapes graph in ``path`` (cached until the file changes; do not mutate it)."""
    return _load(path, "shapes")


def load_ontology(path: Path) -> Graph:
    """The ontology (TBox) in ``path`` (cached until the file changes; do not mutate it)."""
    return _load(path, "ontology")


@lru_cache(maxsize=256)
def _prepared(query: str, namespaces: tuple[tuple[str, str], ...]) -> Query:
    return prepareQuery(query, initNs=dict(namespaces) or None)


class _PreparedQueryGraph(Graph):
    """A graph that parses each distinct SPARQL query once.

    pyshacl evaluates a SPARQL-based constraint once per focus node with the same query text (``$this``
    passed as a binding), and rdflib parses the text again every time: 90 ms a parse, 131 parses for the
    seed, 12 of its 14 seconds of validation. A prepared query is rdflib's own way to run one query with
    different bindings, so the results are the same.
    """

    def query(  # type: ignore[override]
        self,
        query_object: str | Query,
        processor: str = "sparql",
        result: str = "sparql",
        initNs: Mapping[str, Any] | None = None,
        initBindings: Mapping[str, Identifier] | None = None,
        use_store_provided: bool = True,
        **kwargs: Any,
    ) -> Any:
        if isinstance(query_object, str) and processor == "sparql":
            ns = tuple(sorted((k, str(v)) for k, v in (initNs or {}).items()))
            query_object = _prepared(query_object, ns)
            initNs = None
        return super().query(
            query_object, processor, result, initNs, initBindings, use_store_provided, **kwargs
        )


class _Entailment:
    """RDFS entailment of instance data against an ontology whose own RDFS closure is computed once.

    pyshacl's ``inference="rdfs"`` recomputes the closure of ontology + data for every article (half the
    time of a validation). The ontology does not change between articles, so its closure (the class and
    property trees, domains and ranges) is computed once here, with the same owlrl semantics pyshacl
    uses; each article then only needs the instance-level RDFS rules: rdfs7 (sub-properties), rdfs2 and
    rdfs3 (domains and ranges) and rdfs9 (super-classes), applied in one pass since the trees are closed.
    ``tests/test_validate.py`` checks that this gives exactly pyshacl's own results.
    """

    def __init__(self, ontology: Graph) -> None:
        import owlrl
        from pyshacl.inference.custom_rdfs_closure import CustomRDFSSemantics

        closed = Graph()
        for t in ontology:
            closed.add(t)
        owlrl.DeductiveClosure(CustomRDFSSemantics).expand(closed)
        self.closed = closed
        self.supers: dict[Node, frozenset[Node]] = {}
        for c, _, d in closed.triples((None, RDFS.subClassOf, None)):
            self.supers[c] = self.supers.get(c, frozenset({c})) | {d}
        superprops: dict[Node, set[Node]] = {}
        for p, _, q in closed.triples((None, RDFS.subPropertyOf, None)):
            superprops.setdefault(p, {p}).add(q)
        self.superprops = {p: frozenset(qs) for p, qs in superprops.items()}
        self.domains: dict[Node, frozenset[Node]] = {}
        self.ranges: dict[Node, frozenset[Node]] = {}
        for prop, table in ((RDFS.domain, self.domains), (RDFS.range, self.ranges)):
            found: dict[Node, set[Node]] = {}
            for p, _, c in closed.triples((None, prop, None)):
                found.setdefault(p, set()).update(self.supers.get(c, frozenset({c})))
            table.update({p: frozenset(cs) for p, cs in found.items()})

    def graph_for(self, data: Graph) -> Graph:
        """The data, what RDFS entails from it with the ontology, and the closed ontology, in one graph."""
        mixed = _PreparedQueryGraph()
        add = mixed.add
        for t in self.closed:
            add(t)
        for s, p, o in data:
            add((s, p, o))
            for q in self.superprops.get(p, (p,)):
                add((s, q, o))
                for c in self.domains.get(q, ()):
                    add((s, RDF.type, c))
                for c in self.ranges.get(q, ()):
                    add((o, RDF.type, c))
            if p == RDF.type:
                for c in self.supers.get(o, ()):
                    add((s, RDF.type, c))
        return mixed


def validate_graph(
    data: Graph,
    *,
    shapes: Graph,
    ontology: Graph,
    inference: TypingLiteral["fast", "pyshacl"] = "fast",
    entailment: _Entailment | None = None,
) -> ValidationReport:
    """Validate one article graph against the shapes, with RDFS inference over the ontology.

    ``inference="fast"`` (the default) applies RDFS with the ontology's closure computed once (see
    :class:`_Entailment`); ``"pyshacl"`` merges the ontology into a copy of the data and lets pyshacl
    compute the whole closure (the reference the fast way is tested against). The ontology is never
    handed to pyshacl as ``ont_graph``: its own mixing (``inoculate``) re-clones linked ontology nodes
    recursively and took 180 s on ontology/conflictkg.ttl for one article. The data graph is not changed.
    ``entailment`` is the ontology's precomputed closure (:class:`Validator` keeps one).
    """
    if inference == "fast":
        mixed = (entailment or _Entailment(ontology)).graph_for(data)
        pyshacl_inference = "none"
    else:
        mixed = _PreparedQueryGraph()
        for triple in data:
            mixed.add(triple)
        for triple in ontology:
            mixed.add(triple)
        pyshacl_inference = "rdfs"
    _conforms, results_graph, _text = pyshacl.validate(
        mixed,
        shacl_graph=shapes,
        inference=pyshacl_inference,
        advanced=True,
        abort_on_first=False,
        allow_warnings=True,
        inplace=True,
    )
    if not isinstance(results_graph, Graph):  # pragma: no cover - pyshacl always returns a graph here
        raise TypeError("pyshacl did not return a results graph")
    graph_name = str(data.identifier) if isinstance(data.identifier, URIRef) else None
    return ValidationReport(results=_results(results_graph), graph=graph_name)


class Validator:
    """Holds the shapes and the ontology once, and validates many article graphs with them."""

    def __init__(self, *, shapes: Graph, ontology: Graph) -> None:
        self.shapes = shapes
        self.ontology = ontology
        self._entailment = _Entailment(ontology)

    @classmethod
    def from_files(cls, shapes_file: Path, ontology_file: Path) -> Validator:
        """A validator for the shapes and ontology files (e.g. ``settings.shapes_file``)."""
        return cls(shapes=load_shapes(shapes_file), ontology=load_ontology(ontology_file))

    def __call__(self, data: Graph) -> ValidationReport:
        return validate_graph(data, shapes=self.shapes, ontology=self.ontology, entailment=self._entailment)

    validate = __call__

    def validate_each(self, graphs: Dataset | Iterable[Graph]) -> dict[str, ValidationReport]:
        """One report per named graph (a TriG file's article graphs are validated one by one)."""
        if isinstance(graphs, Dataset):
            items = [
                g
                for g in graphs.graphs()
                if len(g) and isinstance(g.identifier, URIRef) and g.identifier != DATASET_DEFAULT_GRAPH_ID
            ]
            if len(graphs.default_graph):
                items.append(graphs.default_graph)
        else:
            items = list(graphs)
        return {str(g.identifier): self(g) for g in items}
