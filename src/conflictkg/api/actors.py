"""``/actors``: what an actor held, and when (derived by :mod:`conflictkg.timeline`).

An actor is named in the path like a facility in ``/facilities``: the local part of its IRI (after
``https://w3id.org/conflictkg/id/``), its full IRI, or an Arabic or English label. The periods are the
timeline's JSON form, the same as ``conflictkg holdings --format json`` and ``/facilities/{id}/control``.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query

from conflictkg import timeline
from conflictkg.api.dependencies import StoreDep
from conflictkg.api.ids import is_iri, resolve_id
from conflictkg.namespace import CKG_NS, CKR_NS
from conflictkg.store import Store

__all__ = ["resolve_actor", "router"]

router = APIRouter(prefix="/actors", tags=["actors"])

_RDFS = "http://www.w3.org/2000/01/rdf-schema#"

ActorId = Annotated[
    str, Path(description=f"local part of the actor IRI (after {CKR_NS}), the full IRI, or an ar/en label")
]
Lang = Annotated[Literal["en", "ar"], Query(description="language of the labels in the periods")]


def _is_actor(store: Store, iri: str) -> bool:
    """True when the store types ``iri`` as an actor (any subclass) or names it as a holder or agent."""
    if not is_iri(iri):
        return False
    ask = (
        f"PREFIX ckg: <{CKG_NS}>\nPREFIX rdfs: <{_RDFS}>\n"
        f"ASK {{ {{ <{iri}> a ?c . ?c rdfs:subClassOf* ckg:Actor }} UNION {{ ?s ckg:holder|ckg:agent <{iri}> }} }}"
    )
    return bool(store.query(ask).boolean)


def resolve_actor(store: Store, actor_id: str) -> str:
    """The IRI of the actor named by ``actor_id`` (IRI local part, full IRI or ar/en label).

    Raises :class:`~conflictkg.errors.NotFoundError` (404) when it names no actor, or several.
    """
    return resolve_id(store, actor_id, "actor", _is_actor, "GET /entities?q=... finds actors by label")


@router.get(
    "/{actor_id:path}/holdings",
    summary="what an actor held, and when",
    responses={404: {"description": "no actor with that id or label"}},
)
def holdings(
    actor_id: ActorId,
    store: StoreDep,
    at: Annotated[
        date | None, Query(description="only the periods that include this date, YYYY-MM-DD")
    ] = None,
    lang: Lang = "en",
) -> dict[str, Any]:
    """The actor's control periods (every one, or those that include ``at``), oldest first."""
    iri = resolve_actor(store, actor_id)
    periods = [p.to_json() for p in timeline.holdings(store, iri, at=at, lang=lang)]
    periods.sort(key=lambda p: (p["start"] or "", p["end"] or "9999", p["facility"]))
    label = next((p["holder_label"] for p in periods if p.get("holder_label")), None)
    return {
        "actor": iri,
        "actor_label": label,
        "at": at.isoformat() if at else None,
        "periods": periods,
    }
