"""``uses_service``: SERVICE is found wherever SPARQL would see it, and nowhere else."""

from __future__ import annotations

import pytest

from conflictkg.api.sparql import uses_service


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * WHERE { SERVICE <http://x/> { ?s ?p ?o } }",
        "select * where { service silent <http://x/> { ?s ?p ?o } }",
        "SELECT * WHERE { VALUES ?e { <http://x/> } SERVICE ?e { ?s ?p ?o } }",
        "SELECT * WHERE { ?a ?b ?c FILTER(?c<1)}SERVICE<http://x>{?s ?p ?o}",
        r"SELECT * WHERE { \u0053ERVICE <http://x/> { ?s ?p ?o } }",
        "SELECT * WHERE { ?s ?p 'SERVICE' . SERVICE <http://x/> { ?s ?p ?o } }",
    ],
)
def test_service_clauses_are_found(query: str) -> None:
    assert uses_service(query)


@pytest.mark.parametrize(
    "query",
    [
        'SELECT * WHERE { ?s ?p "SERVICE" }',
        "SELECT * WHERE { ?s ?p 'service' }",
        'SELECT * WHERE { ?s ?p """multi\nSERVICE""" }',
        r'SELECT * WHERE { ?s ?p "a \" SERVICE" }',
        "SELECT * WHERE { ?s ?p <http://x/SERVICE> }",
        "# SERVICE in a comment\nSELECT * WHERE { ?s ?p ?o }",
        "PREFIX ex: <http://x/> SELECT * WHERE { ?s ex:SERVICE ?o }",
        "SELECT ?service WHERE { ?service ?p ?o }",
    ],
)
def test_the_word_elsewhere_is_not_a_service_clause(query: str) -> None:
    assert not uses_service(query)
