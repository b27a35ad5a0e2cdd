"""The SHACL shapes, tested as data (the UCO way).

``data/<name>-PASS.ttl`` must conform with no result at all; ``data/<name>-FAIL.ttl`` breaks one thing and
must produce EXACTLY the results listed in ``data/<name>-FAIL.expected.json`` - the set of (focus node,
result path, severity, source constraint component), no more, no fewer. Validation runs the way validate.py
runs it (docs/contracts.md): one article graph, the ontology as ont_graph, RDFS inference, advanced features.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pyshacl
import pytest
from rdflib import RDF, Graph, Literal, Namespace, Node, URIRef
from rdflib.collection import Collection
from rdflib.namespace import NamespaceManager

from conflictkg.namespace import CKG, CKG_NS, CKR_NS
from conflictkg.settings import Settings
from test_ontology import article_graphs, seed_graph

SH = Namespace("http://www.w3.org/ns/shacl#")
DATA = Path(__file__).parent / "data"
PASS_FILES = sorted(DATA.glob("*-PASS.ttl"))
FAIL_FILES = sorted(DATA.glob("*-FAIL.ttl"))

Result = tuple[str, str | None, str, str]

#: Parameters that make a shape a constraint (SHACL core + SPARQL); a shape with one needs sh:message.
_CONSTRAINT_PARAMS = (
    SH["class"],
    SH.datatype,
    SH.nodeKind,
    SH.minCount,
    SH.maxCount,
    SH.minInclusive,
    SH.maxInclusive,
    SH.minExclusive,
    SH.maxExclusive,
    SH.minLength,
    SH.maxLength,
    SH.pattern,
    SH.uniqueLang,
    SH.lessThan,
    SH.lessThanOrEquals,
    SH.equals,
    SH.disjoint,
    SH["in"],
    SH.hasValue,
    SH["not"],
    SH["or"],
    SH["and"],
    SH.xone,
    SH.node,
    SH.select,
)


@cache
def shapes() -> Graph:
    return Graph().parse(Settings().shapes_file, format="turtle")


@cache
def ontology() -> Graph:
    return Graph().parse(Settings().ontology_file, format="turtle")


def _namespaces() -> NamespaceManager:
    nm = NamespaceManager(Graph(), bind_namespaces="none")
    nm.bind("ckg", CKG_NS)
    nm.bind("ckr", CKR_NS)
    nm.bind("dct", "http://purl.org/dc/terms/")
    nm.bind("skos", "http://www.w3.org/2004/02/skos/core#")
    return nm


def validate(data: Graph) -> tuple[bool, set[Result], Graph]:
    """(conforms, results, report graph): pyshacl as validate.py calls it, warnings allowed.

    Only the report's top-level results count (pyshacl also types the nested sh:detail nodes of sh:node
    and sh:not as results).
    """
    conforms, report, _ = pyshacl.validate(
        data,
        shacl_graph=shapes(),
        ont_graph=ontology(),
        inference="rdfs",
        advanced=True,
        allow_warnings=True,
    )
    assert isinstance(report, Graph)
    nm = _namespaces()
    found: set[Result] = set()
    for rep in report.subjects(RDF.type, SH.ValidationReport):
        for r in report.objects(rep, SH.result):
            path = report.value(r, SH.resultPath)
            found.add(
                (
                    report.value(r, SH.focusNode).n3(nm),  # type: ignore[union-attr]
                    path.n3(nm) if path is not None else None,
                    str(report.value(r, SH.resultSeverity)).removeprefix(str(SH)),
                    str(report.value(r, SH.sourceConstraintComponent)).removeprefix(str(SH)),
                )
            )
    return bool(conforms), found, report


def _load(path: Path) -> Graph:
    return Graph().parse(path, format="turtle")


@cache
def validated(path: Path) -> tuple[bool, frozenset[Result], Graph]:
    """:func:`validate` of a data file, once per file for the whole module (several tests read it)."""
    conforms, results, report = validate(_load(path))
    return conforms, frozenset(results), report


@pytest.mark.parametrize("path", PASS_FILES, ids=lambda p: p.stem)
def test_pass_file_conforms(path: Path) -> None:
    conforms, results, _ = validated(path)
    assert results == set()
    assert conforms


@pytest.mark.parametrize("path", FAIL_FILES, ids=lambda p: p.stem)
def test_fail_file_gives_exactly_the_expected_results(path: Path) -> None:
    expected_file = path.with_name(path.name.replace(".ttl", ".expected.json"))
    assert expected_file.exists(), f"{path.name} needs {expected_file.name} beside it"
    expected = json.loads(expected_file.read_text(encoding="utf-8"))
    want = {(r["focus"], r["path"], r["severity"], r["component"]) for r in expected["results"]}
    assert want, f"{expected_file.name} lists no result: a FAIL file must break something"

    conforms, got, report = validated(path)

    assert got == want, f"missing: {sorted(want - got, key=str)}; unexpected: {sorted(got - want, key=str)}"
    assert conforms is expected["conforms"]
    # conforms means "no Violation" (docs/contracts.md): warnings never reject an article.
    assert conforms is not any(sev == "Violation" for _, _, sev, _ in got)
    for r in report.objects(None, SH.result):
        message = report.value(r, SH.resultMessage)
        assert isinstance(message, Literal) and len(str(message)) > 20, (
            f"{path.name}: a result without message"
        )


def test_every_fail_file_has_its_expectation_and_a_pass_sibling() -> None:
    stems = {p.name.removesuffix("-FAIL.ttl") for p in FAIL_FILES}
    orphans = sorted(
        p.name for p in DATA.glob("*.expected.json") if not p.with_suffix("").with_suffix(".ttl").exists()
    )
    assert not orphans, f"expectations without a FAIL file: {orphans}"
    shape_names = {s.split("-")[0] for s in stems}
    pass_names = {p.name.removesuffix("-PASS.ttl").split("-")[0] for p in PASS_FILES}
    assert shape_names <= pass_names, (
        f"FAIL files without a PASS file for their shape: {shape_names - pass_names}"
    )


def _owners(g: Graph, shape: Node | None) -> set[Node | None]:
    """The shape itself and the node shapes that reference it through sh:property."""
    return {shape, *g.subjects(SH.property, shape)}


def test_every_targeted_shape_is_broken_by_some_fail_file() -> None:
    g = shapes()
    targeted = {s for s in g.subjects(SH.targetClass, None)}
    reached: set[Node | None] = set()
    for path in FAIL_FILES:
        _, _, report = validated(path)
        for r in report.objects(None, SH.result):
            reached |= _owners(g, report.value(r, SH.sourceShape))
    assert not targeted - reached, f"no FAIL file breaks: {sorted(map(str, targeted - reached))}"


def _is_list_member(g: Graph, node: Node) -> bool:
    return (None, RDF.first, node) in g


def test_every_constraint_has_a_message() -> None:
    g = shapes()
    candidates = (
        set(g.subjects(RDF.type, SH.NodeShape))
        | set(g.subjects(RDF.type, SH.PropertyShape))
        | set(g.objects(None, SH.property))
        | set(g.objects(None, SH.sparql))
    )
    checked = 0
    for shape in candidates:
        if _is_list_member(g, shape):
            continue  # the branches of sh:or report through the shape that holds the sh:or
        if any((shape, p, None) in g for p in _CONSTRAINT_PARAMS):
            checked += 1
            messages = [
                m for m in g.objects(shape, SH.message) if isinstance(m, Literal) and m.language == "en"
            ]
            assert messages and all(len(str(m)) > 30 for m in messages), f"{shape} needs an @en sh:message"
    assert checked > 30


def test_shapes_use_only_declared_ckg_terms() -> None:
    names = set(CKG.__annotations__)
    used = {
        str(n).removeprefix(CKG_NS)
        for t in shapes()
        for n in t
        if isinstance(n, URIRef) and str(n).startswith(CKG_NS)
    }
    assert used and used <= names, f"not in namespace.CKG: {sorted(used - names)}"
    # SPARQL text is not parsed into triples: check the terms it names too.
    for select in shapes().objects(None, SH.select):
        for word in str(select).replace("(", " ").replace(")", " ").split():
            if word.startswith("ckg:"):
                assert word.removeprefix("ckg:").rstrip(";.,") in names, f"{word} in a SPARQL constraint"


def test_sh_or_branches_name_start_properties() -> None:
    g = shapes()
    cp_or = g.value(URIRef("https://w3id.org/conflictkg/shapes#ControlPeriodShape"), SH["or"])
    assert cp_or is not None, "ckgsh:ControlPeriodShape needs its sh:or of start properties"
    paths = {g.value(b, SH.path) for b in Collection(g, cp_or)}
    assert paths == {CKG.startDate, CKG.startNotBefore, CKG.startNotAfter}


def test_class_targets_need_rdfs_inference() -> None:
    # The trap DESIGN.md names: without the ontology's subclass axioms, sh:targetClass ckg:Event does not
    # reach a ckg:Seizure, and the missing status goes unseen.
    data = _load(DATA / "event-FAIL.ttl")
    conforms, report, _ = pyshacl.validate(data, shacl_graph=shapes(), inference="none", advanced=True)
    assert conforms, report
    _, got, _ = validate(data)
    assert ("ckr:ev-t-1", "ckg:status", "Violation", "MinCountConstraintComponent") in got


@pytest.mark.parametrize("source", ["pipeline", "sketch"])
def test_seed_conforms_per_article_graph(source: str) -> None:
    graphs = article_graphs(seed_graph(source))
    assert graphs
    for g in graphs:
        data = Graph()
        for t in g:
            data.add(t)
        conforms, results, _ = validate(data)
        assert results == set(), f"{g.identifier}: {sorted(results, key=str)}"
        assert conforms
