"""``/events``: what the articles report (seizures, sieges, negotiations, denials ...), filtered.

Each event comes with its type (the class local name), its status (Asserted, Denied, ...), its date or
date bounds, its roles with the labels of their fillers, and the evidence that supports it (quote, span,
article). Filters combine (all must hold): ``type`` includes subclasses (the ontology graph in the store
says which), ``actor`` is any role filler, ``place`` is the event's target, place or venue or anything
within it (``geo:sfWithin``), ``from``/``to`` keep the events whose date range overlaps theirs (an event
with no date is taken to have happened by its article's publication date).
Bad dates and unknown types are 400 naming the parameter, not FastAPI's 422: they are the caller's input.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, Literal

import pyoxigraph as ox
from fastapi import APIRouter, Query

from conflictkg.api.actors import resolve_actor
from conflictkg.api.dependencies import StoreDep
from conflictkg.api.facilities import resolve_facility
from conflictkg.errors import InputError
from conflictkg.namespace import CKG_NS
from conflictkg.store import Store

__all__ = ["ROLES", "list_events", "router"]

router = APIRouter(prefix="/events", tags=["events"])

#: Role properties of events (model.py's ``ROLE_PROPERTIES`` plus the two target properties).
ROLES: tuple[str, ...] = (
    "agent",
    "party",
    "mediator",
    "besieger",
    "besieged",
    "speaker",
    "venue",
    "beneficiary",
    "patient",
    "place",
    "targetFacility",
    "targetPlace",
)
_PLACE_ROLES = ("targetFacility", "targetPlace", "place", "venue")
_PREFIXES = f"""PREFIX ckg: <{CKG_NS}>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dct: <http://purl.org/dc/terms/>
PREFIX geo: <http://www.opengis.net/ont/geosparql#>
"""
Lang = Annotated[Literal["en", "ar"], Query(description="language of the role labels")]


def _date_param(name: str, value: str | None) -> date | None:
    if value is None or value == "":
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InputError(f"query parameter {name}={value!r} is not a date: give it as YYYY-MM-DD") from None


def _event_type(store: Store, name: str) -> str:
    """The IRI of event class ``name`` (local name, e.g. ``Seizure``); InputError when it is not one."""
    if not name.isidentifier():
        raise InputError(f"query parameter type={name!r} is not a class name: give e.g. type=Seizure")
    rows = store.query(
        _PREFIXES + "SELECT DISTINCT ?c WHERE { ?c rdfs:subClassOf* ckg:Event }", max_rows=None
    ).column("c")
    known = sorted(str(c).removeprefix(CKG_NS) for c in rows if str(c).startswith(CKG_NS))
    if name not in known:
        raise InputError(
            f"query parameter type={name!r} is not an event type of the ontology; use one of {', '.join(known)}"
        )
    return CKG_NS + name


def _day(value: Any) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    return value if isinstance(value, date) else None


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def list_events(
    store: Store,
    *,
    type: str | None = None,
    actor: str | None = None,
    place: str | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    lang: str = "en",
) -> list[dict[str, Any]]:
    """Events matching every filter given, ordered by date, article and ``ckg:seq``.

    ``type`` is a class IRI (subclasses included), ``actor`` and ``place`` are IRIs.
    """
    where = [f"VALUES ?top {{ <{type}> }}" if type else "BIND(ckg:Event AS ?top)"]
    where.append("?e a ?type . ?type rdfs:subClassOf* ?top . FILTER (?type != ckg:Event)")
    if actor:
        where.append(f"?e ?ar <{actor}> . VALUES ?ar {{ {' '.join('ckg:' + r for r in ROLES)} }}")
    if place:
        where.append(
            f"?e ?pr ?where . VALUES ?pr {{ {' '.join('ckg:' + r for r in _PLACE_ROLES)} }}"
            f" ?where geo:sfWithin* <{place}> ."
        )
    query = (
        _PREFIXES
        + f"""SELECT DISTINCT ?e ?type ?status ?date ?nb ?na ?seq ?ev ?quote ?so ?eo ?sent ?rule ?art ?pub WHERE {{
  {" ".join(where)}
  OPTIONAL {{ ?e ckg:status ?status }}
  OPTIONAL {{ ?e ckg:startDate ?date }} OPTIONAL {{ ?e ckg:startNotBefore ?nb }}
  OPTIONAL {{ ?e ckg:startNotAfter ?na }} OPTIONAL {{ ?e ckg:seq ?seq }}
  OPTIONAL {{ ?e ckg:evidence ?ev . ?ev ckg:quote ?quote ; ckg:article ?art .
             OPTIONAL {{ ?ev ckg:startOffset ?so }} OPTIONAL {{ ?ev ckg:endOffset ?eo }}
             OPTIONAL {{ ?ev ckg:sentenceIndex ?sent }} OPTIONAL {{ ?ev ckg:extractionRule ?rule }}
             OPTIONAL {{ ?art dct:issued ?pub }} }}
}}"""
    )
    events: dict[str, dict[str, Any]] = {}
    spans: dict[str, tuple[date | None, date | None]] = {}
    for r in store.query(query, max_rows=None).rows:
        iri = r["e"]
        if iri in events:
            continue  # a second asserted class or evidence row: the first one read stands
        start, nb, na, published = _day(r["date"]), _day(r["nb"]), _day(r["na"]), _day(r["pub"])
        spans[iri] = (start or nb, start or na or published)
        events[iri] = {
            "id": iri,
            "type": str(r["type"]).removeprefix(CKG_NS),
            "status": str(r["status"]).removeprefix(CKG_NS) if r["status"] else None,
            "date": _iso(start),
            "start_not_before": _iso(nb),
            "start_not_after": _iso(na),
            "seq": r["seq"],
            "roles": [],
            "evidence": {
                "quote": r["quote"],
                "start": r["so"],
                "end": r["eo"],
                "sentence": r["sent"],
                "rule": r["rule"],
            }
            if r["ev"]
            else None,
            "article": r["art"],
            "published": _iso(published),
        }
    lo, hi = date_from or date.min, date_to or date.max
    kept = {
        iri: ev
        for iri, ev in events.items()
        if (spans[iri][0] or date.min) <= hi and lo <= (spans[iri][1] or date.max)
    }
    _add_roles(store, kept, lang)
    return sorted(
        kept.values(),
        key=lambda ev: (spans[ev["id"]][1] or date.max, ev["article"] or "", ev["seq"] or 0, ev["id"]),
    )


def _add_roles(store: Store, events: dict[str, dict[str, Any]], lang: str) -> None:
    if not events:
        return
    values = " ".join(f"<{i}>" for i in sorted(events))
    rows = store.query(
        _PREFIXES
        + f"""SELECT ?e ?p ?x ?label WHERE {{
  VALUES ?e {{ {values} }} VALUES ?p {{ {" ".join("ckg:" + r for r in ROLES)} }}
  ?e ?p ?x . OPTIONAL {{ ?x skos:prefLabel ?label }}
}}""",
        max_rows=None,
    ).bindings
    labels: dict[tuple[str, str, str], tuple[int, str] | None] = {}
    for e, p, x, label in rows:
        assert isinstance(e, ox.NamedNode) and isinstance(p, ox.NamedNode)
        if not isinstance(x, ox.NamedNode):
            continue
        key = (e.value, p.value.removeprefix(CKG_NS), x.value)
        best = labels.get(key)
        if isinstance(label, ox.Literal):
            rank = 0 if label.language == lang else 1 if label.language in ("ar", "en") else 2
            if best is None or (rank, label.value) < best:
                best = (rank, label.value)
        labels[key] = best
    for (event, role, entity), best in sorted(labels.items()):
        events[event]["roles"].append({"role": role, "entity": entity, "label": best[1] if best else None})


@router.get(
    "",
    summary="events, filtered by type, actor, place and dates",
    responses={400: {"description": "a bad date, an unknown type, or an actor/place that names nothing"}},
)
def events(
    store: StoreDep,
    type: Annotated[
        str | None, Query(description="event class local name, e.g. Seizure (subclasses too)")
    ] = None,
    actor: Annotated[
        str | None, Query(description="an actor in any role: IRI, local id or ar/en label")
    ] = None,
    place: Annotated[
        str | None, Query(description="target, place or venue, or within it: IRI, id or label")
    ] = None,
    date_from: Annotated[
        str | None, Query(alias="from", description="on or after this day, YYYY-MM-DD")
    ] = None,
    date_to: Annotated[str | None, Query(alias="to", description="on or before this day, YYYY-MM-DD")] = None,
    lang: Lang = "en",
) -> list[dict[str, Any]]:
    """Events with type, status, date or bounds, roles with labels, evidence quote and article."""
    start, end = _date_param("from", date_from), _date_param("to", date_to)
    if start and end and end < start:
        raise InputError(f"query parameters from={date_from} and to={date_to}: `to` is before `from`")
    return list_events(
        store,
        type=_event_type(store, type) if type else None,
        actor=resolve_actor(store, actor) if actor else None,
        place=resolve_facility(store, place) if place else None,
        date_from=start,
        date_to=end,
        lang=lang,
    )
