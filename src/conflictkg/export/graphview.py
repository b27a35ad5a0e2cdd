"""The graph that the GEXF and GraphML writers draw: nodes, edges and spells, read from the store.

Why one view for two writers: what a node or an edge *is* (which resources become nodes, which
relations become edges, when each exists) is a decision about the knowledge graph, not about a file
format. It is taken once here, filtered here (``--from/--to``, ``--types``, ``--around``), and the
writers only lay it out. The view is small next to the store (one node per entity or event, one edge
per relation), so it is held in memory while the triples themselves are never loaded whole.

What becomes what:

* nodes: every resource typed by a class under ``ckg:Actor``, ``ckg:Facility``, ``ckg:Place`` or
  ``ckg:Event`` (the class tree comes from the ontology graph, ``rdfs:subClassOf*``). Its ``kind`` is
  that top class (a facility is a place in the ontology, but is drawn as a Facility); its ``cls`` the
  most specific class. Events carry their own interval: ``ckg:startDate`` (one day), else the bounds
  ``startNotBefore``/``startNotAfter``, else the publication day of their article.
* role edges, event -> participant, one per (event, role, participant): ``agent besieger besieged
  mediator party speaker`` keep their names; ``targetFacility``, ``targetPlace`` and ``patient`` are
  ``target``; ``place`` and ``venue`` keep theirs. They exist while their event does.
* ``part-of`` (``org:subOrganizationOf``) and ``located-in`` (``geo:sfWithin``): static.
* what is drawn: the events, what takes part in one or holds something, and what those lie in or
  belong to; gazetteer entries no article tells of are left out.
* ``held``, holder -> facility, one per pair, from :func:`conflictkg.timeline.timelines`; one spell per
  control period, periods of the pair that overlap (closed intervals, by day) merged so that spells
  never overlap; open ends stay open. Each spell carries the articles behind its periods.
"""

from __future__ import annotations

import math
from collections import defaultdict, deque
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

from conflictkg import timeline
from conflictkg.errors import ConfigurationError, InputError, NotFoundError
from conflictkg.namespace import CKG_NS, CKR_NS
from conflictkg.store import Store

__all__ = [
    "CONTAINMENT_KINDS",
    "KINDS",
    "ROLE_KINDS",
    "Edge",
    "GraphView",
    "Node",
    "Spell",
    "build_view",
    "merge_spells",
    "node_id",
    "node_size",
]

#: The top classes that become nodes, in the order a resource typed by several is classified.
KINDS: tuple[str, ...] = ("Event", "Facility", "Actor", "Place")
#: ckg: role property (local name) -> edge kind.
ROLE_KINDS: dict[str, str] = {
    "agent": "agent",
    "besieger": "besieger",
    "besieged": "besieged",
    "mediator": "mediator",
    "party": "party",
    "speaker": "speaker",
    "targetFacility": "target",
    "targetPlace": "target",
    "patient": "target",
    "place": "place",
    "venue": "venue",
    "beneficiary": "beneficiary",
}
CONTAINMENT_KINDS: dict[str, str] = {
    "http://www.w3.org/ns/org#subOrganizationOf": "part-of",
    "http://www.opengis.net/ont/geosparql#sfWithin": "located-in",
}
_PREFIXES = f"""PREFIX ckg: <{CKG_NS}>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dct: <http://purl.org/dc/terms/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""


@dataclass(frozen=True, slots=True)
class Spell:
    """A closed interval of days (``None``: open end) with the articles that support it."""

    start: date | None
    end: date | None
    sources: tuple[str, ...] = ()

    def overlaps(self, lo: date | None, hi: date | None) -> bool:
        """True when the spell shares at least one day with ``[lo, hi]`` (``None``: unbounded)."""
        return (self.start or date.min) <= (hi or date.max) and (lo or date.min) <= (self.end or date.max)

    def contains(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(slots=True)
class Node:
    """An actor, facility, place or event."""

    id: str
    iri: str
    kind: str
    cls: str
    labels: dict[str, str] = field(default_factory=dict)
    start: date | None = None
    end: date | None = None
    status: str | None = None
    sources: tuple[str, ...] = ()

    def label(self, lang: str) -> str:
        """The label in ``lang``, else in the other language; for an event its class and day; else the
        IRI's local name."""
        other = "ar" if lang == "en" else "en"
        text = self.labels.get(lang) or self.labels.get(other)
        if not text and self.kind == "Event":  # events have no names: say what and when
            text = f"{self.cls} {self.start.isoformat()}" if self.start else self.cls
        text = text or _local(self.iri)
        return " ".join(text.split())

    @property
    def timed(self) -> bool:
        return self.start is not None or self.end is not None


@dataclass(slots=True)
class Edge:
    """A directed relation; ``spells`` empty means it always exists."""

    id: str
    source: str
    target: str
    kind: str
    spells: list[Spell] = field(default_factory=list)

    @property
    def weight(self) -> float:
        """The number of articles behind the edge, at least 1 (Gephi hides weight-0 edges)."""
        return float(max(1, len({s for sp in self.spells for s in sp.sources})))

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(s for sp in self.spells for s in sp.sources))


@dataclass(slots=True)
class GraphView:
    """Nodes and edges, sorted by id; ``lang`` is the language of the labels."""

    nodes: list[Node]
    edges: list[Edge]
    lang: str = "en"

    def degrees(self) -> dict[str, int]:
        deg = dict.fromkeys((n.id for n in self.nodes), 0)
        for e in self.edges:
            deg[e.source] = deg.get(e.source, 0) + 1
            deg[e.target] = deg.get(e.target, 0) + 1
        return deg


def node_id(iri: str) -> str:
    """A short deterministic node id: the IRI without the resource namespace (``asayish``), else the IRI."""
    return iri[len(CKR_NS) :] if iri.startswith(CKR_NS) and len(iri) > len(CKR_NS) else iri


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def merge_spells(spells: Iterable[Spell]) -> list[Spell]:
    """Spells sorted by start with every overlapping pair (sharing a day) merged; sources united in order."""
    ordered = sorted(spells, key=lambda s: (s.start or date.min, s.end or date.max))
    merged: list[Spell] = []
    for s in ordered:
        if merged and s.overlaps(merged[-1].start, merged[-1].end):
            last = merged[-1]
            end = None if last.end is None or s.end is None else max(last.end, s.end)
            merged[-1] = Spell(last.start, end, tuple(dict.fromkeys((*last.sources, *s.sources))))
        else:
            merged.append(s)
    return merged


# ----------------------------------------------------------------------------------------- reading
def _as_date(value: Any) -> date | None:
    return value if isinstance(value, date) else None


def _class_tree(store: Store) -> dict[str, set[str]]:
    """class IRI -> itself and every superclass (rdfs:subClassOf*, named classes only)."""
    rows = store.query(
        _PREFIXES + "SELECT DISTINCT ?c ?s WHERE { ?c rdfs:subClassOf ?s FILTER(isIRI(?c) && isIRI(?s)) }"
    ).rows
    parents: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        parents[r["c"]].add(r["s"])
    closure: dict[str, set[str]] = {}

    def up(c: str, seen: frozenset[str] = frozenset()) -> set[str]:
        if c in closure:
            return closure[c]
        out = {c}
        for p in parents.get(c, ()):
            if p not in seen:
                out |= up(p, seen | {c})
        closure[c] = out
        return out

    for c in list(parents):
        up(c)
    return closure


def _node_classes(tree: Mapping[str, set[str]]) -> dict[str, str]:
    """Every class under one of :data:`KINDS` -> its kind (the first of KINDS it falls under)."""
    out: dict[str, str] = {}
    classes = set(tree) | {CKG_NS + k for k in KINDS}
    for c in classes:
        ancestors = tree.get(c, {c})
        for kind in KINDS:
            if CKG_NS + kind in ancestors:
                out[c] = kind
                break
    return out


def _values(var: str, iris: Iterable[str]) -> str:
    return f"VALUES ?{var} {{ " + " ".join(f"<{i}>" for i in sorted(iris)) + " }"


def _read_nodes(store: Store, tree: Mapping[str, set[str]]) -> dict[str, Node]:
    node_classes = _node_classes(tree)
    rows = store.query(_PREFIXES + f"SELECT DISTINCT ?x ?c WHERE {{ {_values('c', node_classes)} ?x a ?c }}")
    typed: dict[str, list[str]] = defaultdict(list)
    for x, c in zip(rows.column("x"), rows.column("c"), strict=True):
        if isinstance(x, str) and not x.startswith("_:"):
            typed[x].append(c)
    nodes: dict[str, Node] = {}
    for x, classes in typed.items():
        kinds = {node_classes[c] for c in classes}
        kind = next(k for k in KINDS if k in kinds)
        # the most specific class of that kind: the one with most ancestors, then by name
        best = max((c for c in classes if node_classes[c] == kind), key=lambda c: (len(tree.get(c, ())), c))
        nodes[x] = Node(id=node_id(x), iri=x, kind=kind, cls=_local(best))
    return nodes


def _read_labels(store: Store, nodes: dict[str, Node]) -> None:
    rows = store.query(
        _PREFIXES + "SELECT DISTINCT ?x ?l (LANG(?l) AS ?lang) WHERE { ?x skos:prefLabel ?l }"
    ).rows
    for r in sorted(rows, key=lambda r: (r["x"], r["lang"] or "", r["l"])):
        n = nodes.get(r["x"])
        if n is not None and r["lang"] in ("ar", "en"):
            n.labels.setdefault(r["lang"], r["l"])


def _read_events(store: Store, nodes: dict[str, Node], tree: Mapping[str, set[str]]) -> None:
    event_classes = [c for c, kind in _node_classes(tree).items() if kind == "Event"]
    rows = store.query(
        _PREFIXES
        + f"""SELECT ?e ?sd ?nb ?na ?status ?art ?pub WHERE {{
  GRAPH ?g {{ {_values("c", event_classes)} ?e a ?c .
    OPTIONAL {{ ?e ckg:startDate ?sd }} OPTIONAL {{ ?e ckg:startNotBefore ?nb }}
    OPTIONAL {{ ?e ckg:startNotAfter ?na }} OPTIONAL {{ ?e ckg:status ?status }} }}
  OPTIONAL {{ ?g prov:wasDerivedFrom ?art OPTIONAL {{ ?art dct:issued ?pub }} }}
}}"""
    ).rows
    sources: dict[str, list[str]] = defaultdict(list)
    for r in sorted(rows, key=lambda r: (r["e"], r["art"] or "")):
        n = nodes.get(r["e"])
        if n is None or n.kind != "Event":
            continue
        exact, nb, na, pub = (_as_date(r[k]) for k in ("sd", "nb", "na", "pub"))
        start: date | None
        end: date | None
        if exact is not None:
            start, end = exact, exact
        elif nb is not None or na is not None:
            start, end = nb or na, na or pub or nb
        else:
            start, end = pub, pub
        if n.start is None and n.end is None:
            n.start, n.end = start, end
        if r["status"] and n.status is None:
            n.status = _local(r["status"]).lower()
        if r["art"] and r["art"] not in sources[r["e"]]:
            sources[r["e"]].append(r["art"])
    for e, arts in sources.items():
        nodes[e].sources = tuple(arts)


def _read_edges(store: Store, nodes: dict[str, Node]) -> list[Edge]:
    edges: dict[str, Edge] = {}
    roles = [CKG_NS + p for p in ROLE_KINDS]
    rows = store.query(
        _PREFIXES + f"SELECT DISTINCT ?e ?p ?x WHERE {{ {_values('p', roles)} ?e ?p ?x }}"
    ).rows
    for r in rows:
        ev, x = nodes.get(r["e"]), nodes.get(r["x"])
        if ev is None or x is None or ev.kind != "Event":
            continue
        kind = ROLE_KINDS[_local(r["p"])]
        eid = f"{kind}|{ev.id}|{x.id}"
        spells = [Spell(ev.start, ev.end, ev.sources)] if ev.timed else []
        edges[eid] = Edge(eid, ev.id, x.id, kind, spells)
    rows = store.query(
        _PREFIXES + f"SELECT DISTINCT ?x ?p ?y WHERE {{ {_values('p', CONTAINMENT_KINDS)} ?x ?p ?y }}"
    ).rows
    for r in rows:
        a, b = nodes.get(r["x"]), nodes.get(r["y"])
        if a is None or b is None or a is b:
            continue
        kind = CONTAINMENT_KINDS[r["p"]]
        eid = f"{kind}|{a.id}|{b.id}"
        edges[eid] = Edge(eid, a.id, b.id, kind)
    for periods in timeline.timelines(store).values():
        by_pair: dict[tuple[str, str], list[Spell]] = defaultdict(list)
        for p in periods:
            by_pair[(p.holder, p.facility)].append(Spell(p.start, p.end, tuple(p.sources)))
        for (holder, facility), spells in by_pair.items():
            h, f = nodes.get(holder), nodes.get(facility)
            if h is None or f is None:
                continue  # a holder or facility nobody typed: no node to draw the edge to
            eid = f"held|{h.id}|{f.id}"
            merged = merge_spells(spells)
            if len(merged) == 1 and merged[0].start is None and merged[0].end is None:
                merged = [] if not merged[0].sources else merged
            edges[eid] = Edge(eid, h.id, f.id, "held", merged)
    return list(edges.values())


# ----------------------------------------------------------------------------------------- filters
def _type_matcher(types: Iterable[str], tree: Mapping[str, set[str]]) -> set[str]:
    """The class IRIs named by ``types`` (local names, ``ckg:X`` or IRIs, any case), validated."""
    known = {_local(c).lower(): c for c in _node_classes(tree)}
    wanted: set[str] = set()
    for t in types:
        key = _local(t.strip().removeprefix("ckg:")).lower()
        if key not in known:
            raise InputError(
                f"unknown type {t!r} in --types: use Actor, Facility, Place, Event or a subclass "
                f"({', '.join(sorted(_local(c) for c in known.values())[:12])}, ...)"
            )
        wanted.add(known[key])
    return wanted


def _resolve_around(store: Store, around: str, nodes: dict[str, Node]) -> str:
    text = around.strip()
    if text in nodes:
        return text
    by_id = [iri for iri, n in nodes.items() if n.id == text]
    if by_id:
        return by_id[0]  # a node id as written in the GEXF (``asayish``, ``facility/ab12...``)
    if text.startswith(CKR_NS) or "://" in text:
        raise NotFoundError(
            f"--around {text!r}: no actor, facility, place or event has this IRI in the store"
        )
    found: set[str] = set()
    errors: list[str] = []
    kinds: tuple[Literal["facility", "actor"], ...] = ("facility", "actor")
    for kind in kinds:
        try:
            found.add(timeline.resolve(store, text, kind))
        except NotFoundError as exc:
            errors.append(str(exc))
    if len(found) == 1:
        return found.pop()
    if not found:
        raise NotFoundError(f"--around {text!r}: {errors[0]}")
    raise NotFoundError(
        f"--around {text!r} names several entities ({', '.join(sorted(found))}): give the IRI"
    )


def _keep(
    view_nodes: dict[str, Node], edges: list[Edge], keep_ids: set[str]
) -> tuple[dict[str, Node], list[Edge]]:
    nodes = {k: n for k, n in view_nodes.items() if n.id in keep_ids}
    ids = {n.id for n in nodes.values()}
    return nodes, [e for e in edges if e.source in ids and e.target in ids]


def _told(nodes: Mapping[str, Node], edges: Iterable[Edge]) -> set[str]:
    """The node ids some article tells of: its events, whatever takes part in one or holds something,
    and what those lie in or belong to (transitively). The rest of the gazetteer (hundreds of towns no
    article names) stays out of the drawing: it would only add unconnected nodes."""
    containment = set(CONTAINMENT_KINDS.values())
    up: dict[str, set[str]] = defaultdict(set)
    told = {n.id for n in nodes.values() if n.kind == "Event"}
    for e in edges:
        if e.kind in containment:
            up[e.source].add(e.target)
        else:
            told |= {e.source, e.target}
    queue = deque(told)
    while queue:
        for parent in up[queue.popleft()] - told:
            told.add(parent)
            queue.append(parent)
    return told


def build_view(
    store: Store,
    *,
    lang: str = "en",
    date_from: date | None = None,
    date_to: date | None = None,
    types: Iterable[str] = (),
    around: str | None = None,
    depth: int = 1,
) -> GraphView:
    """The graph of the store, filtered; see the module docstring for what becomes a node or an edge.

    Filters, applied in this order: ``types`` keeps nodes of the named classes (and their subclasses);
    ``date_from``/``date_to`` keep events, role edges and held spells that share a day with the window
    (open ends reach everything), then the entities they touch and the containment edges between those;
    ``around`` keeps what lies within ``depth`` edges (either direction) of the entity, named by IRI,
    by an ar/en label or by its node id. Raises :class:`InputError` for a bad filter and
    :class:`NotFoundError` for an unknown ``around``.
    """
    if lang not in ("ar", "en"):
        raise InputError(f"label language {lang!r} is not supported: use 'ar' or 'en'")
    if date_from and date_to and date_from > date_to:
        raise InputError(f"--from {date_from} is after --to {date_to}: swap them")
    if depth < 0:
        raise InputError(f"--depth {depth} is negative: give 0 (the entity alone) or more")
    tree = _class_tree(store)
    if not any(CKG_NS + k in ancestors for ancestors in tree.values() for k in KINDS):
        raise ConfigurationError(
            "the store holds no conflictkg class tree (the ontology graph ckr:graph-ontology is missing), "
            "so actors, facilities, places and events cannot be told apart: load it by ingesting once "
            "(`conflictkg ingest` loads the ontology and gazetteer graphs) or `conflictkg import "
            "ontology/conflictkg.ttl --graph https://w3id.org/conflictkg/id/graph-ontology`"
        )
    nodes = _read_nodes(store, tree)
    _read_labels(store, nodes)
    _read_events(store, nodes, tree)
    edges = _read_edges(store, nodes)
    nodes, edges = _keep(nodes, edges, _told(nodes, edges))

    types = list(types)
    if types:
        wanted = _type_matcher(types, tree)
        keep = {
            n.id
            for n in nodes.values()
            if any(w in tree.get(CKG_NS + n.cls, {CKG_NS + n.cls}) or w == CKG_NS + n.kind for w in wanted)
        }
        nodes, edges = _keep(nodes, edges, keep)
    if date_from or date_to:
        timed: list[Edge] = []
        for e in edges:
            if not e.spells:
                timed.append(e)
                continue
            spells = [s for s in e.spells if s.overlaps(date_from, date_to)]
            if spells:
                e.spells = spells
                timed.append(e)
        by_id = {n.id: n for n in nodes.values()}
        events = {
            n.id
            for n in nodes.values()
            if n.kind == "Event" and Spell(n.start, n.end).overlaps(date_from, date_to)
        }
        live = [e for e in timed if e.kind == "held" or e.source in events]
        keep = events | {e.source for e in live} | {e.target for e in live}
        keep = {i for i in keep if by_id[i].kind != "Event" or i in events}
        nodes, edges = _keep(nodes, timed, keep)
    if around is not None:
        center = node_id(_resolve_around(store, around, nodes))
        if center not in {n.id for n in nodes.values()}:
            raise NotFoundError(
                f"--around {around!r}: the entity is not in the exported graph (the other filters removed it)"
            )
        adjacent: dict[str, set[str]] = defaultdict(set)
        for e in edges:
            adjacent[e.source].add(e.target)
            adjacent[e.target].add(e.source)
        seen = {center: 0}
        queue = deque([center])
        while queue:
            cur = queue.popleft()
            if seen[cur] >= depth:
                continue
            for nxt in sorted(adjacent[cur]):
                if nxt not in seen:
                    seen[nxt] = seen[cur] + 1
                    queue.append(nxt)
        nodes, edges = _keep(nodes, edges, set(seen))
    return GraphView(
        nodes=sorted(nodes.values(), key=lambda n: n.id), edges=sorted(edges, key=lambda e: e.id), lang=lang
    )


def node_size(degree: int) -> float:
    """Gephi node size: grows with the square root of the degree, so hubs stand out without swamping."""
    return round(6.0 + 6.0 * math.sqrt(degree), 2)
