"""Looking things up in the store: entities by label, and the evidence behind any resource.

Read through :class:`~conflictkg.store.Store` only (SPARQL), like every reader of the graph.
"""

from __future__ import annotations

from typing import Any

from pyoxigraph import Literal, NamedNode

from conflictkg.errors import InputError, NotFoundError
from conflictkg.namespace import CKG_NS
from conflictkg.store import Store
from conflictkg.timeline import fold_label

__all__ = ["explain", "search_entities"]

_PREFIXES = f"""PREFIX ckg: <{CKG_NS}>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX dct: <http://purl.org/dc/terms/>
"""
_TOPS = ("Actor", "Facility", "Place")


def search_entities(store: Store, q: str = "", *, limit: int = 200) -> list[dict[str, Any]]:
    """Entities whose labels (pref, alt or hidden; ar or en) contain ``q`` after Arabic folding.

    Each result: ``{"id", "type" (Actor, Facility or Place), "class", "label_ar", "label_en"}``, sorted by
    English label. An empty ``q`` lists every entity.
    """
    rows = store.query(
        _PREFIXES
        + """SELECT ?x ?cls ?top ?p ?label WHERE {
  VALUES ?top { ckg:Actor ckg:Facility ckg:Place }
  ?x a ?cls . ?cls rdfs:subClassOf* ?top .
  VALUES ?p { skos:prefLabel skos:altLabel skos:hiddenLabel }
  ?x ?p ?label .
}"""
    ).bindings
    key = fold_label(q) if q else ""
    found: dict[str, dict[str, Any]] = {}
    tops: dict[str, set[str]] = {}
    hits: set[str] = set()
    for x, cls, top, p, label in rows:
        if not (isinstance(x, NamedNode) and isinstance(cls, NamedNode) and isinstance(label, Literal)):
            continue  # blank nodes and non-literal labels name nothing a user can look up
        assert isinstance(top, NamedNode) and isinstance(p, NamedNode)
        iri, cls_name = x.value, cls.value.rsplit("#", 1)[-1]
        entry = found.setdefault(
            iri, {"id": iri, "type": None, "class": None, "label_ar": None, "label_en": None}
        )
        tops.setdefault(iri, set()).add(top.value.rsplit("#", 1)[-1])
        if cls_name not in _TOPS or entry["class"] is None:
            entry["class"] = cls_name  # the most specific class asserted
        if p.value.endswith("prefLabel") and label.language in ("ar", "en"):
            entry[f"label_{label.language}"] = label.value
        if not key or key in fold_label(label.value):
            hits.add(iri)
    for iri, entry in found.items():
        # A Facility is a Place too: the narrower top type wins.
        entry["type"] = next(t for t in ("Facility", "Actor", "Place") if t in tops[iri])
    out = [found[i] for i in hits]
    out.sort(key=lambda e: ((e["label_en"] or e["label_ar"] or e["id"]).lower(), e["id"]))
    return out[:limit]


def explain(store: Store, iri: str) -> list[dict[str, Any]]:
    """The evidence behind an entity (its mentions), an event (its evidence) or a control period (its own
    evidence and that of the events that started and ended it): article, date, span, quote and rule."""
    if not iri.startswith(("http://", "https://", "urn:")):
        raise InputError(f"explain takes an IRI, not {iri!r} (find IRIs with `conflictkg entities --q ...`)")
    if any(c in iri for c in '<>"{}|^` \\'):
        raise InputError(f"{iri!r} is not a valid IRI")
    rows = store.query(
        _PREFIXES
        + f"""SELECT DISTINCT ?about ?kind ?article ?published ?quote ?start ?end ?rule WHERE {{
  {{ BIND(<{iri}> AS ?about) <{iri}> ckg:evidence ?e . BIND("evidence" AS ?kind) }}
  UNION {{ BIND(<{iri}> AS ?about) <{iri}> ckg:mention ?e . BIND("mention" AS ?kind) }}
  UNION {{ <{iri}> ckg:startedBy ?about . ?about ckg:evidence ?e . BIND("started by" AS ?kind) }}
  UNION {{ <{iri}> ckg:endedBy ?about . ?about ckg:evidence ?e . BIND("ended by" AS ?kind) }}
  ?e ckg:article ?article ; ckg:quote ?quote ; ckg:startOffset ?start ; ckg:endOffset ?end .
  OPTIONAL {{ ?e ckg:extractionRule ?rule }}
  OPTIONAL {{ ?article dct:issued ?published }}
}} ORDER BY ?published ?article ?start"""
    ).rows
    if not rows:
        raise NotFoundError(
            f"no evidence for <{iri}>: it is not an entity, event or period of any stored article "
            "(check the IRI with `conflictkg entities` or a SPARQL query)"
        )
    return [
        {
            "about": r["about"],
            "kind": r["kind"],
            "article": r["article"],
            "published": r["published"].isoformat() if r["published"] else None,
            "start": r["start"],
            "end": r["end"],
            "quote": r["quote"],
            "rule": r["rule"],
        }
        for r in rows
    ]
