"""validate.py: pyshacl results parsed into a report, with exact focus nodes, paths and severities.

The small shapes and ontology in tests/data stand in for shapes/conflictkg-shapes.ttl and
ontology/conflictkg.ttl; the last test runs the project's own files once they exist.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from rdflib import RDF, Dataset, Graph, URIRef
from rdflib.namespace import SKOS

from conflictkg import iri
from conflictkg.errors import ConfigurationError, InputError
from conflictkg.model import article_graph
from conflictkg.namespace import CKG
from conflictkg.settings import Settings
from conflictkg.validate import (
    ValidationReport,
    ValidationResult,
    Validator,
    load_ontology,
    load_shapes,
    shorten,
    validate_graph,
)
from data.model_samples import ASAYISH, FINANCE, QAMISHLI, seed_like

DATA = Path(__file__).parent / "data"
SHAPES = DATA / "validate_shapes.ttl"
ONTOLOGY = DATA / "validate_ontology.ttl"
STAMP = datetime(2024, 1, 1, tzinfo=UTC)
SEIZURE = iri.event_iri("a000", 1)
DENIED = iri.event_iri("a000", 5)
CP = iri.period_iri("a000", 1)


@pytest.fixture(scope="module")
def validator() -> Validator:
    return Validator.from_files(SHAPES, ONTOLOGY)


def seed_graph() -> Graph:
    return article_graph(seed_like(), generated_at=STAMP)


def test_seed_like_graph_conforms(validator: Validator) -> None:
    report = validator(seed_graph())
    assert report.conforms, report.text()
    assert report.results == []
    assert report.graph == iri.graph_iri("a000")
    assert report.text() == "Conforms: no violation, no warning."


def test_missing_agent_is_one_violation_with_focus_path_and_message(validator: Validator) -> None:
    g = seed_graph()
    g.remove((URIRef(SEIZURE), CKG.agent, None))
    report = validator(g)
    assert not report.conforms
    assert [(r.focus, r.path, r.severity) for r in report.results] == [(SEIZURE, str(CKG.agent), "Violation")]
    r = report.results[0]
    assert r.message == "a seizure needs an agent that is an Actor"
    assert r.shape is None  # the property shape is a blank node
    assert report.text() == "Violation  ckr:ev-a000-1  ckg:agent: a seizure needs an agent that is an Actor"


def test_class_check_uses_the_ontology_through_rdfs_inference(validator: Validator) -> None:
    # Asayish is only typed ckg:ArmedGroup: it passes as a ckg:Actor through rdfs:subClassOf ...
    assert validator(seed_graph()).conforms
    # ... and without the ontology the same graph fails the sh:class check.
    bare = validate_graph(seed_graph(), shapes=load_shapes(SHAPES), ontology=Graph())
    assert not bare.conforms
    assert (SEIZURE, str(CKG.agent), "Violation", ASAYISH) in {
        (r.focus, r.path, r.severity, r.value) for r in bare.results
    }
    # an agent that is a place is a violation with the value named
    g = seed_graph()
    g.set((URIRef(SEIZURE), CKG.agent, URIRef(QAMISHLI)))
    report = validator(g)
    assert [(r.focus, r.path, r.value) for r in report.violations] == [(SEIZURE, str(CKG.agent), QAMISHLI)]


def test_warning_does_not_break_conformance(validator: Validator) -> None:
    g = seed_graph()
    g.remove((URIRef(SEIZURE), CKG.targetFacility, URIRef(FINANCE)))
    report = validator(g)
    assert report.conforms
    assert [(r.focus, r.path, r.severity) for r in report.results] == [
        (SEIZURE, str(CKG.targetFacility), "Warning")
    ]
    assert report.warnings == report.results
    assert report.text().startswith("Warning    ckr:ev-a000-1  ckg:targetFacility: a seizure without")


def test_sparql_constraint_runs_with_advanced_mode(validator: Validator) -> None:
    g = seed_graph()
    g.set((URIRef(CP), CKG.startedBy, URIRef(DENIED)))
    report = validator(g)
    assert [(r.focus, r.path, r.severity, r.value) for r in report.results] == [
        (CP, None, "Violation", DENIED)
    ]
    assert report.results[0].message == "a control period is started by an event that is not asserted"
    assert report.text() == (
        "Violation  ckr:cp-a000-1  -: a control period is started by an event that is not asserted"
    )


def test_results_sorted_violations_first_and_counted(validator: Validator) -> None:
    g = seed_graph()
    g.remove((URIRef(SEIZURE), CKG.targetFacility, URIRef(FINANCE)))  # warning
    g.remove((URIRef(ASAYISH), SKOS.prefLabel, None))  # violation
    g.remove((URIRef(SEIZURE), CKG.seq, None))  # violation
    report = validator(g)
    assert [(r.severity, r.focus, r.path) for r in report.results] == [
        ("Violation", ASAYISH, str(SKOS.prefLabel)),
        ("Violation", SEIZURE, str(CKG.seq)),
        ("Warning", SEIZURE, str(CKG.targetFacility)),
    ]
    assert len(report.text().splitlines()) == 3


def test_validation_does_not_change_the_data_graph(validator: Validator) -> None:
    g = seed_graph()
    before = set(g)
    validator(g)
    assert set(g) == before
    assert (URIRef(ASAYISH), RDF.type, CKG.Actor) not in g  # inferred triples stay out


def test_validate_each_reports_per_named_graph(validator: Validator) -> None:
    ds = Dataset()
    good = seed_graph()
    bad = article_graph(seed_like("b001"), generated_at=STAMP)
    bad.remove((URIRef(iri.event_iri("b001", 1)), CKG.agent, None))
    for g in (good, bad):
        target = ds.graph(g.identifier)
        for t in g:
            target.add(t)
    reports = validator.validate_each(ds)
    assert set(reports) == {iri.graph_iri("a000"), iri.graph_iri("b001")}
    assert reports[iri.graph_iri("a000")].conforms
    assert [r.focus for r in reports[iri.graph_iri("b001")].violations] == [iri.event_iri("b001", 1)]


def test_shapes_and_ontology_are_cached_until_the_file_changes(tmp_path: Path) -> None:
    assert load_shapes(SHAPES) is load_shapes(SHAPES)
    assert load_ontology(ONTOLOGY) is load_ontology(ONTOLOGY)
    f = tmp_path / "s.ttl"
    f.write_text(SHAPES.read_text(encoding="utf-8"), encoding="utf-8")
    first = load_shapes(f)
    f.write_text("@prefix ex: <http://ex/> . ex:a ex:b ex:c .", encoding="utf-8")
    import os

    os.utime(f, (1, 1))
    assert load_shapes(f) is not first
    assert len(load_shapes(f)) == 1


def test_missing_and_malformed_files_raise_clear_errors(tmp_path: Path) -> None:
    with pytest.raises(ConfigurationError, match=r"shapes file .*nope\.ttl not found"):
        load_shapes(tmp_path / "nope.ttl")
    broken = tmp_path / "broken.ttl"
    broken.write_text("@prefix ex: <http://ex/> . ex:a ex:b", encoding="utf-8")
    with pytest.raises(InputError, match=r"cannot parse ontology file .*broken\.ttl"):
        load_ontology(broken)


def test_shorten_and_result_line() -> None:
    assert shorten(str(CKG.agent)) == "ckg:agent"
    assert shorten("http://example.org/x") == "<http://example.org/x>"
    r = ValidationResult(ASAYISH, None, "Info", "note")
    assert r.line() == "Info       ckr:asayish  -: note"
    assert ValidationReport([r]).conforms


def test_project_shapes_accept_the_seed_like_graph() -> None:
    s = Settings()
    validator = Validator.from_files(s.shapes_file, s.ontology_file)
    report = validator(seed_graph())
    assert report.conforms, report.text()
    broken = seed_graph()
    broken.remove((URIRef(SEIZURE), CKG.agent, None))
    broken.remove((URIRef(iri.event_iri("a000", 2)), CKG.evidence, None))
    assert [(r.severity, r.focus, r.path) for r in validator(broken).results] == [
        ("Violation", SEIZURE, str(CKG.agent)),
        ("Violation", iri.event_iri("a000", 2), str(CKG.evidence)),
    ]


def test_merging_the_ontology_ourselves_gives_pyshacls_own_results() -> None:
    """validate_graph merges the ontology itself (pyshacl's ont_graph mixing is very slow on big
    ontologies); on the small ontology, pyshacl's own way must give exactly the same results."""
    import pyshacl

    from conflictkg.validate import _results

    shapes, ontology = load_shapes(SHAPES), load_ontology(ONTOLOGY)
    broken = [seed_graph() for _ in range(3)]
    broken[0].remove((URIRef(SEIZURE), CKG.agent, None))
    broken[1].set((URIRef(SEIZURE), CKG.agent, URIRef(QAMISHLI)))
    broken[2].set((URIRef(CP), CKG.startedBy, URIRef(DENIED)))
    broken[2].remove((URIRef(SEIZURE), CKG.targetFacility, None))
    for g in broken:
        plain = Graph()
        for t in g:
            plain.add(t)
        _, results, _ = pyshacl.validate(
            plain,
            shacl_graph=shapes,
            ont_graph=ontology,
            inference="rdfs",
            advanced=True,
            allow_warnings=True,
        )
        theirs = _results(results)
        ours = validate_graph(g, shapes=shapes, ontology=ontology).results
        assert ours == theirs
        assert ours  # each broken graph does produce results


_SHAPE_DATA = Path(__file__).parent / "shapes" / "data"


@pytest.mark.parametrize("fail_file", sorted(_SHAPE_DATA.glob("*-FAIL.ttl")), ids=lambda p: p.stem)
def test_the_validator_reports_exactly_the_shape_tests_expected_results(fail_file: Path) -> None:
    """The report of validate.py (what users read) holds the same results as the shapes' own test data:
    no nested sh:detail results counted twice, none lost."""
    from conflictkg.settings import get_settings

    settings = get_settings()
    validator = Validator.from_files(settings.shapes_file, settings.ontology_file)
    expected = json.loads(fail_file.with_suffix(".expected.json").read_text(encoding="utf-8"))
    report = validator(Graph().parse(fail_file, format="turtle"))
    got = sorted((shorten(r.focus), shorten(r.path) if r.path else "", r.severity) for r in report.results)
    # The shape tests write a literal focus node in quotes; the report gives its text.
    want = sorted((e["focus"].strip('"'), e["path"] or "", e["severity"]) for e in expected["results"])
    assert got == want
    assert report.conforms == expected["conforms"]


@pytest.fixture(scope="module")
def project_validator() -> Validator:
    from conflictkg.settings import get_settings

    settings = get_settings()
    return Validator.from_files(settings.shapes_file, settings.ontology_file)


@pytest.mark.parametrize("data_file", sorted(_SHAPE_DATA.glob("*.ttl")), ids=lambda p: p.stem)
def test_fast_entailment_gives_exactly_pyshacls_rdfs_results(
    data_file: Path, project_validator: Validator
) -> None:
    """The ontology closure computed once + instance rules gives the very results of pyshacl's own
    per-graph RDFS inference, on every shape test file (each breaks one thing)."""
    data = Graph().parse(data_file, format="turtle")
    fast = project_validator(data)
    reference = validate_graph(
        data, shapes=project_validator.shapes, ontology=project_validator.ontology, inference="pyshacl"
    )
    assert fast.results == reference.results
    assert fast.conforms == reference.conforms


def test_fast_entailment_on_the_real_seed_graph(project_validator: Validator) -> None:
    from datetime import date

    from conflictkg.articles import article_from_text
    from conflictkg.cli import build_extractor
    from conflictkg.settings import PROJECT_ROOT, get_settings

    text = (PROJECT_ROOT.parent / "shared" / "seed" / "article.txt").read_text(encoding="utf-8")
    facts = build_extractor(get_settings())(
        article_from_text(text, where="seed", published=date(2022, 4, 14))
    )
    graph = article_graph(facts)
    # Break it in two ways the shapes catch only through the ontology's class tree and ranges.
    event = next(graph.subjects(RDF.type, CKG.Seizure))
    graph.remove((event, CKG.evidence, None))
    graph.add((URIRef("https://w3id.org/conflictkg/id/cp-x-1"), CKG.holder, URIRef(QAMISHLI)))
    fast = project_validator(graph)
    reference = validate_graph(
        graph, shapes=project_validator.shapes, ontology=project_validator.ontology, inference="pyshacl"
    )
    assert not fast.conforms
    assert fast.results == reference.results
