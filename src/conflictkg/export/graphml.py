"""GraphML: the same graph as the GEXF export, static, for tools without a timeline (yEd, igraph, R).

Why one edge per spell: GraphML has no time, so a ``held`` edge with three control periods becomes three
parallel edges, each with its own ``start``/``end`` (ISO dates; absent when open) and ``sources``;
``kind`` and the ``|n`` suffix of the id tell them apart. Every other edge is written once. Written with
lxml's incremental writer, deterministic like the GEXF export.
"""

from __future__ import annotations

from typing import BinaryIO

from lxml import etree

from conflictkg.export.graphview import Edge, GraphView, Spell

__all__ = ["EDGE_KEYS", "GRAPHML_NS", "NODE_KEYS", "write_graphml"]

GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
NODE_KEYS: tuple[str, ...] = (
    "label",
    "type",
    "class",
    "iri",
    "label_ar",
    "label_en",
    "status",
    "start",
    "end",
)
NODE_KEYS_ALL: tuple[str, ...] = (*NODE_KEYS, "sources")
EDGE_KEYS: tuple[str, ...] = ("kind", "start", "end", "sources", "weight")


def _t(tag: str) -> str:
    return f"{{{GRAPHML_NS}}}{tag}"


def _data(xf: etree._IncrementalFileWriter, key: str, value: str) -> None:
    with xf.element(_t("data"), {"key": key}):
        xf.write(value)


def _edge_rows(e: Edge) -> list[tuple[str, Spell | None]]:
    if not e.spells:
        return [(e.id, None)]
    if len(e.spells) == 1:
        return [(e.id, e.spells[0])]
    return [(f"{e.id}|{i}", s) for i, s in enumerate(e.spells)]


def write_graphml(view: GraphView, out: BinaryIO) -> None:
    """Write ``view`` as GraphML (directed, parallel edges for multi-period control) to ``out``."""
    with etree.xmlfile(out, encoding="utf-8") as xf:
        xf.write_declaration()
        with xf.element(_t("graphml"), nsmap={None: GRAPHML_NS}):
            xf.write("\n")
            for key in NODE_KEYS_ALL:
                with xf.element(
                    _t("key"), {"id": f"n_{key}", "for": "node", "attr.name": key, "attr.type": "string"}
                ):
                    pass
                xf.write("\n")
            for key in EDGE_KEYS:
                kind = "double" if key == "weight" else "string"
                with xf.element(
                    _t("key"), {"id": f"e_{key}", "for": "edge", "attr.name": key, "attr.type": kind}
                ):
                    pass
                xf.write("\n")
            with xf.element(_t("graph"), {"id": "conflictkg", "edgedefault": "directed"}):
                for n in view.nodes:
                    xf.write("\n")
                    with xf.element(_t("node"), {"id": n.id}):
                        values = {
                            "label": n.label(view.lang),
                            "type": n.kind,
                            "class": n.cls,
                            "iri": n.iri,
                            "label_ar": n.labels.get("ar"),
                            "label_en": n.labels.get("en"),
                            "status": n.status,
                            "start": n.start.isoformat() if n.start else None,
                            "end": n.end.isoformat() if n.end else None,
                            "sources": " ".join(n.sources) or None,
                        }
                        for key, value in values.items():
                            if value:
                                _data(xf, f"n_{key}", value)
                for e in view.edges:
                    for eid, spell in _edge_rows(e):
                        xf.write("\n")
                        with xf.element(_t("edge"), {"id": eid, "source": e.source, "target": e.target}):
                            _data(xf, "e_kind", e.kind)
                            if spell is not None and spell.start is not None:
                                _data(xf, "e_start", spell.start.isoformat())
                            if spell is not None and spell.end is not None:
                                _data(xf, "e_end", spell.end.isoformat())
                            if spell is not None and spell.sources:
                                _data(xf, "e_sources", " ".join(spell.sources))
                            _data(xf, "e_weight", f"{max(1, len(spell.sources) if spell else 1):g}")
                xf.write("\n")
            xf.write("\n")
