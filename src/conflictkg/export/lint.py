"""A lint for GEXF files: what the RELAX NG schema cannot see but Gephi trips over.

Why: the schema checks the shape of each element, not how elements relate. A file can validate and
still have two nodes with one id (Gephi keeps one), an edge to a node that does not exist (Gephi drops
it, or refuses the file), an ``attvalue`` for an attribute nobody declared (Gephi refuses the file),
overlapping spells on one element (the timeline shows the element twice or throws), a spell that ends
before it starts, a dynamic value outside every spell of its element, ``count`` attributes that lie,
weight 0 (Gephi hides the edge) or an ``xsi:schemaLocation`` (the schema refuses it).

:func:`lint_gexf` reads the file with lxml's ``iterparse`` (element by element, cleared as it goes) and
returns the problems found, each with a code, where it is and what is wrong.
"""

from __future__ import annotations

import io
import itertools
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO

from lxml import etree

from conflictkg.errors import InputError

__all__ = ["LintIssue", "lint_gexf"]

_XSI_SCHEMA_LOCATION = "{http://www.w3.org/2001/XMLSchema-instance}schemaLocation"
#: (start, end) of a spell or element; None is an open end. Dates or numbers, per the graph's timeformat.
Interval = tuple[Any, Any]


@dataclass(frozen=True, slots=True)
class LintIssue:
    """One problem: a short code (``duplicate-id``, ``dangling-edge``...), where, and what is wrong."""

    code: str
    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.code} at {self.where}: {self.message}"


def _local(tag: object) -> str:
    return str(tag).rsplit("}", 1)[-1]


def _parse_time(value: str | None, fmt: str) -> date | float | None:
    if value is None:
        return None
    if fmt == "date":
        return date.fromisoformat(value[:10])
    return float(value)


def _interval(el: etree._Element, fmt: str) -> Interval:
    return _parse_time(el.get("start"), fmt), _parse_time(el.get("end"), fmt)


def _reversed(i: Interval) -> bool:
    return i[0] is not None and i[1] is not None and bool(i[0] > i[1])


def _overlap(a: Interval, b: Interval) -> bool:
    """Closed intervals with open (None) ends; True when they share a point."""
    a_lo, a_hi = a
    b_lo, b_hi = b
    left_ok = a_hi is None or b_lo is None or b_lo <= a_hi
    right_ok = b_hi is None or a_lo is None or a_lo <= b_hi
    return bool(left_ok and right_ok)


def _inside(inner: Interval, outer: Interval) -> bool:
    i_lo, i_hi = inner
    o_lo, o_hi = outer
    lo_ok = o_lo is None or (i_lo is not None and o_lo <= i_lo)
    hi_ok = o_hi is None or (i_hi is not None and i_hi <= o_hi)
    return bool(lo_ok and hi_ok)


def lint_gexf(source: Path | bytes | BinaryIO) -> list[LintIssue]:
    """The problems of a GEXF file (empty when none). Raises :class:`InputError` when it is not XML."""
    issues: list[LintIssue] = []

    def add(code: str, where: str, message: str) -> None:
        issues.append(LintIssue(code, where, message))

    if isinstance(source, bytes):
        source = io.BytesIO(source)
    elif isinstance(source, Path) and not source.is_file():
        raise InputError(f"GEXF file {source} not found: check the path")
    declared: dict[str, dict[str, str]] = {"node": {}, "edge": {}}  # class -> attribute id -> mode
    fmt = "double"
    node_ids: set[str] = set()
    edge_ids: set[str] = set()
    endpoints: list[tuple[str, str, str]] = []
    counts: dict[str, int | None] = {"nodes": None, "edges": None}
    seen: dict[str, int] = defaultdict(int)
    attributes_class = ""
    attributes_mode = "static"
    try:
        stream = str(source) if isinstance(source, Path) else source
        for event, el in etree.iterparse(stream, events=("start", "end")):
            tag = _local(el.tag)
            if event == "start":
                if tag == "gexf" and el.get(_XSI_SCHEMA_LOCATION) is not None:
                    add("schema-location", "gexf", "xsi:schemaLocation is not allowed by gexf.rng: remove it")
                elif tag == "graph":
                    fmt = el.get("timeformat", "double")
                elif tag == "attributes":
                    attributes_class = el.get("class", "")
                    attributes_mode = el.get("mode", "static")
                elif tag in ("nodes", "edges") and el.get("count") is not None:
                    counts[tag] = int(el.get("count", "0"))
                continue
            if tag == "attribute":
                aid = el.get("id", "")
                if aid in declared.get(attributes_class, {}):
                    add(
                        "duplicate-attribute", f"attribute {aid!r}", f"declared twice for {attributes_class}s"
                    )
                declared.setdefault(attributes_class, {})[aid] = attributes_mode
            elif tag in ("node", "edge") and _local(el.getparent().tag) in ("nodes", "edges"):
                ids = node_ids if tag == "node" else edge_ids
                _check_element(el, tag, fmt, declared, ids, endpoints, add)
                seen[tag + "s"] += 1
                el.clear()
    except etree.XMLSyntaxError as exc:
        raise InputError(f"the GEXF file is not well-formed XML: {exc}; re-export it") from exc
    except ValueError as exc:
        raise InputError(f"a time in the GEXF file does not match its timeformat: {exc}") from exc
    for eid, s, t in endpoints:
        for end, nid in (("source", s), ("target", t)):
            if nid not in node_ids:
                add("dangling-edge", f"edge {eid!r}", f"{end} {nid!r} is not a node of the file")
    for tag in ("nodes", "edges"):
        if counts[tag] is not None and counts[tag] != seen[tag]:
            add("wrong-count", tag, f"count says {counts[tag]} but the file has {seen[tag]} {tag}")
    return issues


def _check_element(
    el: etree._Element,
    tag: str,
    fmt: str,
    declared: dict[str, dict[str, str]],
    ids: set[str],
    endpoints: list[tuple[str, str, str]],
    add: Callable[[str, str, str], None],
) -> None:
    eid = el.get("id", "")
    where = f"{tag} {eid!r}"
    if eid in ids:
        add("duplicate-id", where, f"another {tag} has the id {eid!r}")
    ids.add(eid)
    if tag == "edge":
        endpoints.append((eid, el.get("source", ""), el.get("target", "")))
        weight = el.get("weight")
        if weight is not None and float(weight) <= 0:
            add("zero-weight", where, f"weight {weight}: Gephi hides such edges; use 1")
    own = _interval(el, fmt)
    if _reversed(own):
        add("reversed-interval", where, f"start {own[0]} is after end {own[1]}")
    spells: list[Interval] = []
    for child in el:
        if _local(child.tag) == "spells":
            for sp in child:
                interval = _interval(sp, fmt)
                if _reversed(interval):
                    add("reversed-interval", where, f"spell {interval} ends before it starts")
                spells.append(interval)
    ordered = sorted(spells, key=lambda s: (s[0] is not None, s[0] if s[0] is not None else 0))
    for a, b in itertools.pairwise(ordered):
        if _overlap(a, b):
            add("overlapping-spells", where, f"spells {a} and {b} overlap: merge them")
    for child in el:
        if _local(child.tag) != "attvalues":
            continue
        for av in child:
            key = av.get("for", "")
            mode = declared.get(tag, {}).get(key)
            if mode is None:
                add("undeclared-attribute", where, f"attvalue for {key!r}, which no {tag} attribute declares")
                continue
            interval = _interval(av, fmt)
            timed = interval != (None, None)
            if timed and mode != "dynamic":
                add("static-attribute-with-time", where, f"attvalue {key!r} has start/end but is static")
            if timed and spells and not any(_inside(interval, s) for s in spells):
                add("value-outside-spells", where, f"attvalue {key!r} {interval} lies outside every spell")
