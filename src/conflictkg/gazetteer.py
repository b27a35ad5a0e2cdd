"""The gazetteer: known actors, facilities and places, read from ``ontology/gazetteer/*.ttl``.

This module is the bridge between the RDF gazetteer and the extractor: it reads the Turtle with
rdflib and hands :class:`~conflictkg.facts.GazetteerEntry` values (plain data) to
``conflictkg.extract``, which never imports rdflib. One source of truth for labels and variants.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from rdflib import RDF, RDFS, Graph, URIRef
from rdflib.namespace import SKOS
from rdflib.term import Node

from conflictkg.errors import ConfigurationError, InputError
from conflictkg.facts import GazetteerEntry
from conflictkg.namespace import CKG, GEO, ORG

__all__ = ["gazetteer_graph", "load_gazetteer"]

_TOP = {CKG.Actor: "Actor", CKG.Facility: "Facility", CKG.Place: "Place"}
_LABEL_PROPS = (SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel, RDFS.label)


def _files(gazetteer_dir: Path) -> list[Path]:
    if not gazetteer_dir.is_dir():
        raise ConfigurationError(
            f"gazetteer directory {gazetteer_dir} not found: set CONFLICTKG_ONTOLOGY_DIR to the folder "
            "holding conflictkg.ttl and gazetteer/"
        )
    files = sorted(gazetteer_dir.glob("*.ttl"))
    if not files:
        raise ConfigurationError(f"no .ttl file in the gazetteer directory {gazetteer_dir}")
    return files


def gazetteer_graph(gazetteer_dir: Path) -> Graph:
    """The gazetteer's triples, all files merged."""
    g = Graph()
    for f in _files(gazetteer_dir):
        try:
            g.parse(f, format="turtle")
        except Exception as exc:  # rdflib raises many types; name the file and keep the cause
            raise InputError(f"cannot parse gazetteer file {f}: {exc}") from exc
    return g


def _top_type(classes: Iterable[Node], ontology: Graph) -> tuple[str, str] | None:
    """(top type, most specific class local name) of an entity, from the ontology's class tree."""
    for cls in classes:
        for sup in ontology.transitive_objects(cls, RDFS.subClassOf):
            if isinstance(sup, URIRef) and sup in _TOP:
                return _TOP[sup], str(cls).rsplit("#", 1)[-1]
    return None


def _entries(gazetteer_dir: Path, ontology_file: Path) -> tuple[GazetteerEntry, ...]:
    ontology = Graph()
    try:
        ontology.parse(ontology_file, format="turtle")
    except FileNotFoundError as exc:
        raise ConfigurationError(f"ontology file {ontology_file} not found") from exc
    g = gazetteer_graph(gazetteer_dir)
    out: list[GazetteerEntry] = []
    for subject in sorted(set(g.subjects(RDF.type, None)), key=str):
        if not isinstance(subject, URIRef):
            continue
        typed = _top_type(g.objects(subject, RDF.type), ontology)
        if typed is None:
            continue
        labels: dict[str, list[str]] = {}
        pref: dict[str, str] = {}
        for prop in _LABEL_PROPS:
            for lit in g.objects(subject, prop):
                lang = getattr(lit, "language", None) or "und"
                labels.setdefault(lang, [])
                if str(lit) not in labels[lang]:
                    labels[lang].append(str(lit))
                if prop == SKOS.prefLabel:
                    pref[lang] = str(lit)
        owner = g.value(subject, CKG.owner)
        out.append(
            GazetteerEntry(
                iri=str(subject),
                type=typed[0],  # type: ignore[arg-type]
                subtype=typed[1],
                pref_label=pref,
                labels={k: tuple(v) for k, v in labels.items()},
                part_of=tuple(sorted(str(o) for o in g.objects(subject, ORG.subOrganizationOf))),
                within=tuple(sorted(str(o) for o in g.objects(subject, GEO.sfWithin))),
                owner=str(owner) if owner is not None else None,
                members=tuple(sorted(str(o) for o in g.objects(subject, CKG.member))),
            )
        )
    return tuple(out)


@lru_cache(maxsize=4)
def _cached(gazetteer_dir: str, ontology_file: str, stamp: tuple[float, ...]) -> tuple[GazetteerEntry, ...]:
    return _entries(Path(gazetteer_dir), Path(ontology_file))


def load_gazetteer(gazetteer_dir: Path, ontology_file: Path) -> tuple[GazetteerEntry, ...]:
    """Every known entity of the gazetteer, typed through the ontology's class tree (cached per file set)."""
    files = _files(gazetteer_dir)
    stamp = tuple(f.stat().st_mtime for f in [*files, ontology_file] if f.exists())
    return _cached(str(gazetteer_dir), str(ontology_file), stamp)
