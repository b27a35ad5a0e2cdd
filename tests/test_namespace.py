"""The closed namespace ``CKG`` and the ontology file declare exactly the same terms.

``namespace.CKG`` is what code writes; ``ontology/conflictkg.ttl`` is what reasoners, SHACL and users read.
If they drift, code emits terms nobody defined (or the ontology grows terms code cannot name): both ways
are checked here, and every term must carry the labels the web page and the gazetteer rely on.
"""

from __future__ import annotations

from functools import cache

import pytest
from rdflib import OWL, RDF, RDFS, Graph, Literal, URIRef

from conflictkg.namespace import CKG, CKG_NS
from conflictkg.settings import Settings

_DECLARING_TYPES = (
    OWL.Class,
    OWL.ObjectProperty,
    OWL.DatatypeProperty,
    OWL.AnnotationProperty,
    OWL.NamedIndividual,
)


@cache
def ontology() -> Graph:
    """The ontology file, parsed once for this module."""
    return Graph().parse(Settings().ontology_file, format="turtle")


def namespace_terms() -> list[URIRef]:
    """Every term of the closed namespace, in declaration order."""
    return [CKG[name] for name in CKG.__annotations__]


def declared_terms(graph: Graph) -> set[URIRef]:
    """The ckg: IRIs the ontology declares (typed as a class, property or named individual)."""
    return {
        s
        for t in _DECLARING_TYPES
        for s in graph.subjects(RDF.type, t)
        if isinstance(s, URIRef) and str(s).startswith(CKG_NS)
    }


def used_terms(graph: Graph) -> set[URIRef]:
    """Every ckg: IRI that appears anywhere in the graph (subject, predicate or object)."""
    return {
        node
        for triple in graph
        for node in triple
        if isinstance(node, URIRef) and str(node).startswith(CKG_NS)
    }


def _languages(graph: Graph, term: URIRef, prop: URIRef) -> set[str]:
    return {
        o.language
        for o in graph.objects(term, prop)
        if isinstance(o, Literal) and o.language is not None and str(o).strip()
    }


def test_namespace_lists_the_terms_the_design_relies_on() -> None:
    # DESIGN.md section 4: names other tools and the acceptance checks use.
    names = set(CKG.__annotations__)
    for required in [
        "Actor",
        "Facility",
        "Place",
        "Siege",
        "Seizure",
        "Withdrawal",
        "Negotiation",
        "Mediator",
        "ControlPeriod",
        "Denial",
        "holder",
        "facility",
        "startDate",
        "endDate",
        "agent",
        "besieger",
        "besieged",
        "mediator",
        "targetFacility",
        "party",
    ]:
        assert required in names, f"DESIGN.md section 4 needs ckg:{required}"


@pytest.mark.parametrize("term", namespace_terms(), ids=lambda t: str(t).removeprefix(CKG_NS))
def test_every_namespace_term_is_declared_with_labels_and_comment(term: URIRef) -> None:
    g = ontology()
    assert term in declared_terms(g), f"{term} is in CKG but not declared in {Settings().ontology_file}"
    assert {"en", "ar"} <= _languages(g, term, RDFS.label), f"{term} needs rdfs:label @en and @ar"
    assert "en" in _languages(g, term, RDFS.comment), f"{term} needs an rdfs:comment @en"


def test_every_declared_term_is_in_the_namespace() -> None:
    missing = declared_terms(ontology()) - set(namespace_terms())
    assert not missing, f"declared in the ontology but missing from namespace.CKG: {sorted(missing)}"


def test_every_ckg_term_used_in_the_ontology_is_declared() -> None:
    # A typo in an axiom (ckg:Seizur in a domain) would silently create a new, undeclared term.
    g = ontology()
    undeclared = used_terms(g) - declared_terms(g)
    assert not undeclared, f"used in the ontology but never declared: {sorted(undeclared)}"


def test_a_typo_raises() -> None:
    with pytest.raises(AttributeError, match="Seizur"):
        _ = CKG.Seizur


def test_terms_resolve_to_the_ontology_namespace() -> None:
    assert URIRef(CKG_NS + "Seizure") == CKG.Seizure
    assert str(CKG.holder) == "https://w3id.org/conflictkg/ontology#holder"
