"""Reading an export back for the tests: run :func:`conflictkg.export.export` and parse the GEXF with lxml."""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from lxml import etree

from conflictkg.export import ExportFormat, ExportOptions, export
from conflictkg.store import Store

NS = {"g": "http://gexf.net/1.3", "viz": "http://gexf.net/1.3/viz"}


def exported(store: Store, fmt: ExportFormat | str, **options: Any) -> bytes:
    out = io.BytesIO()
    export(store, fmt, out, options=ExportOptions(**options))
    return out.getvalue()


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


@dataclass
class GNode:
    id: str
    label: str
    values: dict[str, str]
    start: date | None
    end: date | None
    color: tuple[int, int, int]
    size: float


@dataclass
class GEdge:
    id: str
    source: str
    target: str
    kind: str
    weight: float
    spells: list[tuple[date | None, date | None]] = field(default_factory=list)
    dynamic: list[tuple[str, date | None, date | None]] = field(default_factory=list)

    def exists_on(self, day: date) -> bool:
        """What Gephi's timeline shows: an edge without spells always; else when a spell holds the day."""
        if not self.spells:
            return True
        return any((s is None or s <= day) and (e is None or day <= e) for s, e in self.spells)


@dataclass
class GexfDoc:
    root: etree._Element
    nodes: dict[str, GNode]
    edges: list[GEdge]

    @property
    def graph(self) -> etree._Element:
        return self.root.find("g:graph", NS)

    def iri_of(self, node_id: str) -> str:
        return self.nodes[node_id].values["iri"]


def parse_gexf(data: bytes) -> GexfDoc:
    root = etree.fromstring(data)
    nodes: dict[str, GNode] = {}
    for n in root.iterfind(".//g:nodes/g:node", NS):
        values = {a.get("for"): a.get("value") for a in n.iterfind("g:attvalues/g:attvalue", NS)}
        c = n.find("viz:color", NS)
        nodes[n.get("id")] = GNode(
            n.get("id"),
            n.get("label"),
            values,
            _day(n.get("start")),
            _day(n.get("end")),
            (int(c.get("r")), int(c.get("g")), int(c.get("b"))),
            float(n.find("viz:size", NS).get("value")),
        )
    edges: list[GEdge] = []
    for e in root.iterfind(".//g:edges/g:edge", NS):
        edge = GEdge(
            e.get("id"), e.get("source"), e.get("target"), e.get("kind"), float(e.get("weight", "1"))
        )
        edge.spells = [(_day(s.get("start")), _day(s.get("end"))) for s in e.iterfind("g:spells/g:spell", NS)]
        edge.dynamic = [
            (a.get("value"), _day(a.get("start")), _day(a.get("end")))
            for a in e.iterfind("g:attvalues/g:attvalue", NS)
            if a.get("for") == "sources"
        ]
        edges.append(edge)
    return GexfDoc(root, nodes, edges)
