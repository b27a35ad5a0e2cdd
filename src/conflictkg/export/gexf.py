"""GEXF 1.3, dynamic, for Gephi's timeline: control edges appear and vanish as the years play.

Why our own writer (lxml's incremental ``xmlfile``) and not networkx's: networkx writes 1.3 files that
fail the 1.3 schema (``xsi:schemaLocation``, the 1.2 dynamic attribute layout, ``weight`` 0 on edges
without one), and it cannot write the edge ``kind`` that keeps parallel edges apart. Gephi's own
quirks are respected: IRIs are ``string`` attributes (Gephi drops ``anyURI`` ones), no edge has weight 0
(Gephi hides it), and there is no ``xsi:schemaLocation`` (the RELAX NG schema refuses it).

Layout: ``<graph mode="dynamic" timeformat="date" timerepresentation="interval">``; node attributes
``type class iri label_ar label_en status sources`` (static), edge attribute ``kind`` (static, a copy
of the native ``kind`` for tools that ignore it) and ``sources`` (dynamic: one value per spell, with the
spell's start and end). Events carry ``start``/``end``; edges carry ``<spells>``. Colours by node
type, sizes by degree. The file is deterministic: the same store gives the same bytes.
"""

from __future__ import annotations

from typing import BinaryIO

from lxml import etree

from conflictkg.export.graphview import GraphView, Node, Spell, node_size

__all__ = ["COLORS", "GEXF_NS", "NODE_ATTRIBUTES", "VIZ_NS", "write_gexf"]

GEXF_NS = "http://gexf.net/1.3"
VIZ_NS = "http://gexf.net/1.3/viz"
#: RGB per node type (colour-blind-safe Okabe-Ito hues).
COLORS: dict[str, tuple[int, int, int]] = {
    "Actor": (213, 94, 0),
    "Facility": (0, 114, 178),
    "Place": (0, 158, 115),
    "Event": (230, 159, 0),
}
#: node attribute id -> GEXF type (all static).
NODE_ATTRIBUTES: dict[str, str] = {
    "type": "string",
    "class": "string",
    "iri": "string",
    "label_ar": "string",
    "label_en": "string",
    "status": "string",
    "sources": "string",
}


def _g(tag: str) -> str:
    return f"{{{GEXF_NS}}}{tag}"


def _v(tag: str) -> str:
    return f"{{{VIZ_NS}}}{tag}"


def _leaf(xf: etree._IncrementalFileWriter, tag: str, attrs: dict[str, str]) -> None:
    with xf.element(tag, attrs):
        pass


def _times(s: Spell | Node) -> dict[str, str]:
    out: dict[str, str] = {}
    if s.start is not None:
        out["start"] = s.start.isoformat()
    if s.end is not None:
        out["end"] = s.end.isoformat()
    return out


def _declare(xf: etree._IncrementalFileWriter, cls: str, mode: str, attributes: dict[str, str]) -> None:
    with xf.element(_g("attributes"), {"class": cls, "mode": mode}):
        for aid, atype in attributes.items():
            _leaf(xf, _g("attribute"), {"id": aid, "title": aid, "type": atype})


def _node_values(n: Node) -> dict[str, str]:
    values = {"type": n.kind, "class": n.cls, "iri": n.iri}
    for lang in ("ar", "en"):
        if lang in n.labels:
            values[f"label_{lang}"] = " ".join(n.labels[lang].split())
    if n.status:
        values["status"] = n.status
    if n.sources:
        values["sources"] = " ".join(n.sources)
    return values


def write_gexf(view: GraphView, out: BinaryIO) -> None:
    """Write ``view`` as a dynamic GEXF 1.3 document to ``out`` (bytes, UTF-8), node by node."""
    degrees = view.degrees()
    with etree.xmlfile(out, encoding="utf-8") as xf:
        xf.write_declaration()
        with xf.element(_g("gexf"), nsmap={None: GEXF_NS, "viz": VIZ_NS}, attrib={"version": "1.3"}):
            xf.write("\n")
            with xf.element(_g("meta")):
                with xf.element(_g("creator")):
                    xf.write("conflictkg")
                with xf.element(_g("description")):
                    xf.write(
                        "Armed actors, facilities, places and events; 'held' edges carry one spell per "
                        "control period (closed intervals of days)."
                    )
            xf.write("\n")
            graph_attrs = {
                "defaultedgetype": "directed",
                "idtype": "string",
                "mode": "dynamic",
                "timeformat": "date",
                "timerepresentation": "interval",
            }
            with xf.element(_g("graph"), graph_attrs):
                xf.write("\n")
                _declare(xf, "node", "static", NODE_ATTRIBUTES)
                _declare(xf, "edge", "static", {"kind": "string"})
                _declare(xf, "edge", "dynamic", {"sources": "string"})
                xf.write("\n")
                with xf.element(_g("nodes"), {"count": str(len(view.nodes))}):
                    for n in view.nodes:
                        xf.write("\n")
                        attrs = {"id": n.id, "label": n.label(view.lang), **_times(n)}
                        with xf.element(_g("node"), attrs):
                            with xf.element(_g("attvalues")):
                                for key, value in _node_values(n).items():
                                    _leaf(xf, _g("attvalue"), {"for": key, "value": value})
                            r, g, b = COLORS[n.kind]
                            _leaf(xf, _v("color"), {"r": str(r), "g": str(g), "b": str(b)})
                            _leaf(xf, _v("size"), {"value": f"{node_size(degrees.get(n.id, 0)):g}"})
                xf.write("\n")
                with xf.element(_g("edges"), {"count": str(len(view.edges))}):
                    for e in view.edges:
                        xf.write("\n")
                        attrs = {
                            "id": e.id,
                            "source": e.source,
                            "target": e.target,
                            "kind": e.kind,
                            "label": e.kind,
                            "weight": f"{e.weight:g}",
                        }
                        with xf.element(_g("edge"), attrs):
                            with xf.element(_g("attvalues")):
                                _leaf(xf, _g("attvalue"), {"for": "kind", "value": e.kind})
                                for s in e.spells:
                                    value = " ".join(s.sources)
                                    _leaf(xf, _g("attvalue"), {"for": "sources", "value": value, **_times(s)})
                            if e.spells:
                                with xf.element(_g("spells")):
                                    for s in e.spells:
                                        _leaf(xf, _g("spell"), _times(s))
                xf.write("\n")
            xf.write("\n")
