"""Exports of the knowledge graph: GEXF (Gephi's timeline), GraphML, TriG, N-Quads, JSON-LD, ACLED CSV.

One entry point, :func:`export`, for the CLI (``conflictkg export FORMAT -o FILE``) and the API
(``GET /export/{format}``): it reads through the :class:`~conflictkg.store.Store` (and
:mod:`conflictkg.timeline` for control periods) and writes bytes to a binary stream as it goes.

    gexf, graphml, csv   the graph view (``graphview.py``), filtered by ExportOptions
    trig, nquads, jsonld every named graph, one at a time (``rdf.py``); filters do not apply

:class:`ExportOptions` is frozen and keyword-only; an option that makes no sense for a format (a date
filter on a TriG dump) raises :class:`~conflictkg.errors.InputError` rather than being ignored.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import BinaryIO, Literal

from conflictkg.errors import InputError
from conflictkg.export.acled import write_acled_csv
from conflictkg.export.gexf import write_gexf
from conflictkg.export.graphml import write_graphml
from conflictkg.export.graphview import GraphView, build_view
from conflictkg.export.lint import LintIssue, lint_gexf
from conflictkg.export.rdf import context_document, write_jsonld, write_nquads, write_trig
from conflictkg.store import Store

__all__ = [
    "ExportFormat",
    "ExportOptions",
    "LintIssue",
    "context_document",
    "export",
    "file_extension",
    "lint_gexf",
    "media_type",
    "parse_format",
]


class ExportFormat(StrEnum):
    """The export formats; the value is the name used on the command line and in the URL."""

    GEXF = "gexf"
    GRAPHML = "graphml"
    TRIG = "trig"
    NQUADS = "nquads"
    JSONLD = "jsonld"
    CSV = "csv"


_MEDIA_TYPES: dict[ExportFormat, str] = {
    ExportFormat.GEXF: "application/gexf+xml",
    ExportFormat.GRAPHML: "application/graphml+xml",
    ExportFormat.TRIG: "application/trig",
    ExportFormat.NQUADS: "application/n-quads",
    ExportFormat.JSONLD: "application/ld+json",
    ExportFormat.CSV: "text/csv; charset=utf-8",
}
_EXTENSIONS: dict[ExportFormat, str] = {
    ExportFormat.GEXF: "gexf",
    ExportFormat.GRAPHML: "graphml",
    ExportFormat.TRIG: "trig",
    ExportFormat.NQUADS: "nq",
    ExportFormat.JSONLD: "jsonld",
    ExportFormat.CSV: "csv",
}
_GRAPH_FORMATS = (ExportFormat.GEXF, ExportFormat.GRAPHML, ExportFormat.CSV)


@dataclass(frozen=True, slots=True, kw_only=True)
class ExportOptions:
    """What to export: label language and filters (graph formats only; see :func:`build_view`)."""

    lang: Literal["ar", "en"] = "en"
    date_from: date | None = None
    date_to: date | None = None
    types: tuple[str, ...] = ()
    around: str | None = None
    depth: int = 1

    @property
    def filtered(self) -> bool:
        return bool(self.date_from or self.date_to or self.types or self.around is not None)


def parse_format(name: str | ExportFormat) -> ExportFormat:
    """The format named ``name`` (case-insensitive); :class:`InputError` listing the formats otherwise."""
    try:
        return ExportFormat(str(name).strip().lower())
    except ValueError:
        names = ", ".join(f.value for f in ExportFormat)
        raise InputError(f"unknown export format {name!r}: use one of {names}") from None


def media_type(format: ExportFormat | str) -> str:
    """The HTTP media type of an export format."""
    return _MEDIA_TYPES[parse_format(format)]


def file_extension(format: ExportFormat | str) -> str:
    """The usual file extension (without the dot) of an export format."""
    return _EXTENSIONS[parse_format(format)]


def _view(store: Store, options: ExportOptions) -> GraphView:
    return build_view(
        store,
        lang=options.lang,
        date_from=options.date_from,
        date_to=options.date_to,
        types=options.types,
        around=options.around,
        depth=options.depth,
    )


def export(
    store: Store, format: ExportFormat | str, out: BinaryIO, *, options: ExportOptions | None = None
) -> None:
    """Write the store (or the filtered graph) in ``format`` to the binary stream ``out``.

    Raises :class:`InputError` for an unknown format or a filter given to an RDF format, and
    :class:`~conflictkg.errors.NotFoundError` when ``options.around`` names no entity.
    """
    fmt = parse_format(format)
    opts = options or ExportOptions()
    if fmt not in _GRAPH_FORMATS and opts.filtered:
        raise InputError(
            f"the {fmt.value} export is a full dump of every named graph: --from/--to, --types and "
            "--around apply to gexf, graphml and csv only; drop them or choose one of those formats"
        )
    if fmt is ExportFormat.GEXF:
        write_gexf(_view(store, opts), out)
    elif fmt is ExportFormat.GRAPHML:
        write_graphml(_view(store, opts), out)
    elif fmt is ExportFormat.CSV:
        write_acled_csv(_view(store, opts), store, out)
    elif fmt is ExportFormat.TRIG:
        write_trig(store, out)
    elif fmt is ExportFormat.NQUADS:
        write_nquads(store, out)
    else:
        write_jsonld(store, out)
