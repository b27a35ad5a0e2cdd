"""``/entities?q=``: actors, facilities and places found by label (Arabic-normalised), for pickers and users.

The search is :func:`conflictkg.lookup.search_entities`: labels (pref, alt, hidden; ar and en) folded
(alef/hamza/ya/teh marbuta, diacritics, tatweel, case) so a query spelled either way finds the entity.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from conflictkg import lookup
from conflictkg.api.dependencies import StoreDep

__all__ = ["router"]

router = APIRouter(prefix="/entities", tags=["entities"])


@router.get("", summary="search entities by label (Arabic-normalised)")
def entities(
    store: StoreDep,
    q: Annotated[str, Query(description="text contained in an ar/en label; empty lists every entity")] = "",
    limit: Annotated[int, Query(ge=1, le=1000, description="at most this many results")] = 200,
) -> list[dict[str, Any]]:
    """``{"id", "type", "class", "label_ar", "label_en"}`` per entity, sorted by English label."""
    return lookup.search_entities(store, q.strip(), limit=limit)
