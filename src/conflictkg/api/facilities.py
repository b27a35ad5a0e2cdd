"""``/facilities``: who held a facility, and when (derived by :mod:`conflictkg.timeline`).

A facility is named in the path by the local part of its IRI (what follows
``https://w3id.org/conflictkg/id/``, e.g. ``qamishli-finance-directorate`` or
``facility/mdyry-lmly-…``), by its full IRI, or by an Arabic or English label. The periods are the
timeline's JSON form, the same as ``conflictkg holders --format json``; ``lang`` chooses the language of
the labels in it.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

import pyoxigraph as ox
from fastapi import APIRouter, Path, Query

from conflictkg import timeline
from conflictkg.api.dependencies import StoreDep
from conflictkg.api.ids import is_iri, resolve_id
from conflictkg.namespace import CKG_NS, CKR_NS
from conflictkg.store import Store

__all__ = ["list_facilities", "resolve_facility", "router"]

router = APIRouter(prefix="/facilities", tags=["facilities"])

_ERRORS: dict[int | str, dict[str, Any]] = {404: {"description": "no facility with that id or label"}}
_SKOS = "http://www.w3.org/2004/02/skos/core#"

FacilityId = Annotated[
    str,
    Path(description=f"local part of the facility IRI (after {CKR_NS}), the full IRI, or an ar/en label"),
]
Lang = Annotated[Literal["en", "ar"], Query(description="language of the labels in the periods")]


def _exists(store: Store, iri: str) -> bool:
    """True when the store says anything about ``iri`` as a facility or place (False for a non-IRI)."""
    if not is_iri(iri):
        return False
    ask = (
        f"PREFIX ckg: <{CKG_NS}>\nASK {{ {{ <{iri}> ?p ?o }} UNION {{ ?s ckg:facility|ckg:targetFacility|"
        f"ckg:targetPlace <{iri}> }} }}"
    )
    return bool(store.query(ask).boolean)


def resolve_facility(store: Store, facility_id: str) -> str:
    """The IRI of the facility named by ``facility_id`` (IRI local part, full IRI or ar/en label)."""
    return resolve_id(
        store, facility_id, "facility", _exists, "GET /facilities lists the facilities with a timeline"
    )


def _labels(store: Store, iris: list[str]) -> dict[str, dict[str, str]]:
    if not iris:
        return {}
    values = " ".join(f"<{i}>" for i in iris)
    result = store.query(f"SELECT ?x ?l WHERE {{ VALUES ?x {{ {values} }} ?x <{_SKOS}prefLabel> ?l }}")
    out: dict[str, dict[str, str]] = {}
    for x, label in result.bindings:
        if isinstance(x, ox.NamedNode) and isinstance(label, ox.Literal) and label.language in ("ar", "en"):
            current = out.setdefault(x.value, {})
            if label.language not in current or label.value < current[label.language]:
                current[label.language] = label.value
    return out


def list_facilities(store: Store) -> list[dict[str, Any]]:
    """Every facility with a timeline: IRI, local id, ar/en labels, number of periods, holders now."""
    timelines = timeline.timelines(store)
    labels = _labels(store, sorted(timelines))
    out: list[dict[str, Any]] = []
    for iri, periods in timelines.items():
        out.append(
            {
                "id": iri,
                "local_id": iri.removeprefix(CKR_NS),
                "label_ar": labels.get(iri, {}).get("ar"),
                "label_en": labels.get(iri, {}).get("en"),
                "periods": len(periods),
                "changes": sum(1 for p in periods if p.started_by),
            }
        )
    return out


@router.get("", summary="facilities with a control timeline")
def facilities(store: StoreDep) -> list[dict[str, Any]]:
    """Facilities whose holders are known at some time, with their labels (for the timeline picker)."""
    return list_facilities(store)


@router.get("/{facility_id:path}/control", summary="control timeline of a facility", responses=_ERRORS)
def control(facility_id: FacilityId, store: StoreDep, lang: Lang = "en") -> dict[str, Any]:
    """Every control period of the facility, oldest first, with the events and articles behind it."""
    iri = resolve_facility(store, facility_id)
    periods = [p.to_json() for p in timeline.facility_timeline(store, iri, lang=lang)]
    return {"facility": iri, "facility_label": _label(periods), "periods": periods}


@router.get("/{facility_id:path}/holder", summary="who held a facility on a date", responses=_ERRORS)
def holder(
    facility_id: FacilityId,
    store: StoreDep,
    at: Annotated[date, Query(description="the date, YYYY-MM-DD")],
    lang: Lang = "en",
) -> dict[str, Any]:
    """The periods that include ``at`` (both ends included): usually one holder, none when unknown."""
    iri = resolve_facility(store, facility_id)
    periods = [p.to_json() for p in timeline.holders(store, iri, at=at, lang=lang)]
    return {"facility": iri, "facility_label": _label(periods), "at": at.isoformat(), "holders": periods}


def _label(periods: list[dict[str, Any]]) -> str | None:
    return next((p["facility_label"] for p in periods if p.get("facility_label")), None)
