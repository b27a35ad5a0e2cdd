"""``/export/{format}``: the graph as a file: GEXF for Gephi's timeline, GraphML, TriG, N-Quads, JSON-LD, CSV.

The same exporter and filters as ``conflictkg export``. The file is written to a spooled temporary file
first, so that an error (a bad filter) is a clean 400/404 before any byte is sent.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from datetime import date
from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query
from fastapi.responses import StreamingResponse

from conflictkg.api.dependencies import StoreDep
from conflictkg.export import ExportFormat, ExportOptions, export, file_extension, media_type

__all__ = ["router"]

router = APIRouter(prefix="/export", tags=["export"])

_CHUNK = 1 << 16


@router.get(
    "/{format}",
    summary="export the graph (gexf, graphml, trig, nquads, jsonld, csv)",
    responses={400: {"description": "a bad filter"}, 404: {"description": "--around names nothing"}},
)
def export_graph(
    store: StoreDep,
    format: Annotated[ExportFormat, Path(description="gexf, graphml, trig, nquads, jsonld or csv")],
    lang: Annotated[Literal["en", "ar"], Query(description="label language")] = "en",
    date_from: Annotated[
        date | None, Query(alias="from", description="only what overlaps this day or later")
    ] = None,
    date_to: Annotated[
        date | None, Query(alias="to", description="only what overlaps this day or earlier")
    ] = None,
    types: Annotated[
        str | None, Query(description="comma-separated classes, e.g. ArmedGroup,Seizure")
    ] = None,
    around: Annotated[
        str | None, Query(description="only the neighbourhood of this entity (IRI or label)")
    ] = None,
    depth: Annotated[int, Query(ge=0, le=10, description="steps around `around`")] = 1,
) -> StreamingResponse:
    options = ExportOptions(
        lang=lang,
        date_from=date_from,
        date_to=date_to,
        types=tuple(t.strip() for t in (types or "").split(",") if t.strip()),
        around=around,
        depth=depth,
    )
    spool = tempfile.SpooledTemporaryFile(max_size=32 << 20)  # noqa: SIM115 - closed by the response
    try:
        export(store, format, spool, options=options)  # type: ignore[arg-type]
    except BaseException:
        spool.close()
        raise
    spool.seek(0)

    def chunks() -> Iterator[bytes]:
        try:
            while block := spool.read(_CHUNK):
                yield block
        finally:
            spool.close()

    filename = f"conflictkg.{file_extension(format)}"
    return StreamingResponse(
        chunks(),
        media_type=media_type(format),
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )
