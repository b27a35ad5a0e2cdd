"""Who held what, when: control periods derived across all article graphs, read through the store.

Why derived and not stored: an article only supports what it reports (a seizure opens a period, a
withdrawal closes it). The owner's tenure before the first seizure and after a withdrawal, and the order
of events told by different articles, only exist across articles; so they are computed here, at query
time, from the events in the store (SPARQL through :class:`~conflictkg.store.Store`, nothing else).

The rules:

* Only asserted ``ckg:Seizure``, ``ckg:Withdrawal`` and ``ckg:Handover`` events count (sieges, their
  liftings, closures and reopenings never change who holds what), with a ``ckg:targetFacility`` or
  ``ckg:targetPlace`` (a target that is a ``ckg:Group`` stands for its ``ckg:member``s). An event whose
  status is denied, negated, hypothetical or reported, or that some event ``ckg:denies``, never opens or
  closes anything.
* An event's date is its ``ckg:startDate``; with bounds only, its latest bound, else its earliest bound,
  else its article's publication date (it happened by then). Events are ordered by (date, publication
  date, article IRI, ``ckg:seq``), so same-day events of one article keep the story's order.
* Per facility the first holder is its ``ckg:owner``, open-started. A seizure by X closes every other
  current holder's period (end = date, ended_by = the seizure) and opens X's. A withdrawal by a current
  holder closes its period and, when nobody else holds the facility, restores the owner (started_by = the
  withdrawal). A withdrawal by someone who does not hold the facility changes nothing.
* A handover by X to Y (``ckg:beneficiary``) is a withdrawal whose facility passes to Y rather than back to
  the owner: X's period closes, so does any other current holder's (the article says the facility is Y's
  now), and Y's opens, all with the handover as the event. Without a recipient it is a plain withdrawal.
* A period stated without events (``ckg:ControlPeriod`` with neither ``ckg:startedBy`` nor
  ``ckg:endedBy``, "under the control of X") means X held the facility at least from its start (date or
  latest bound) to its end (date or earliest bound). When a derived period of X covers that span, the
  statement only adds its article to that period's sources. When a period of another holder that comes
  from an event overlaps it, the statement contradicts the events and is left out. Otherwise it is
  reported as a period of its own (beside the owner's assumed period, if any: the day the owner lost the
  facility is unknown, so the owner's period is not cut).
* Presence periods (``ckg:PresencePeriod``) are not control and never appear.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Literal

from conflictkg.errors import NotFoundError
from conflictkg.extract.normalize import match_key
from conflictkg.namespace import CKG_NS
from conflictkg.store import Store

__all__ = ["Period", "facility_timeline", "fold_label", "holders", "holdings", "resolve", "timelines"]

_PREFIXES = f"""PREFIX ckg: <{CKG_NS}>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dct: <http://purl.org/dc/terms/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""
_SEIZURE = f"{CKG_NS}Seizure"
_WITHDRAWAL = f"{CKG_NS}Withdrawal"
_KINDS = {_SEIZURE: "seizure", _WITHDRAWAL: "withdrawal", f"{CKG_NS}Handover": "handover"}


@dataclass(slots=True)
class Period:
    """One holder's tenure of one facility; ``None`` dates are open or unknown ends."""

    holder: str
    holder_label: str | None
    facility: str
    facility_label: str | None
    start: date | None = None
    end: date | None = None
    started_by: str | None = None
    ended_by: str | None = None
    sources: list[str] = field(default_factory=list)

    def contains(self, at: date) -> bool:
        """True when ``at`` falls in the period, both ends included; an open end is unbounded."""
        return (self.start is None or self.start <= at) and (self.end is None or at <= self.end)

    def add_source(self, article: str | None) -> None:
        if article and article not in self.sources:
            self.sources.append(article)

    def to_json(self) -> dict[str, Any]:
        """The JSON of DESIGN.md section 4 (dates as ``YYYY-MM-DD`` or null)."""
        return {
            "holder": self.holder,
            "holder_label": self.holder_label,
            "facility": self.facility,
            "facility_label": self.facility_label,
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat() if self.end else None,
            "started_by": self.started_by,
            "ended_by": self.ended_by,
            "sources": list(self.sources),
        }


@dataclass(slots=True)
class _Event:
    iri: str
    kind: str
    agents: set[str]
    targets: set[str]
    members: dict[str, set[str]]
    day: date | None
    published: date | None
    article: str | None
    seq: int
    #: a handover's recipients (ckg:beneficiary); empty for other events
    recipients: set[str] = field(default_factory=set)

    def facilities(self) -> set[str]:
        out: set[str] = set()
        for t in self.targets:
            out |= self.members.get(t) or {t}
        return out

    def key(self) -> tuple[date, date, str, int]:
        return (self.day or date.max, self.published or date.max, self.article or "", self.seq)


@dataclass(slots=True)
class _Held:
    holder: str
    facility: str
    start: date | None
    end: date | None
    article: str | None


def _as_date(value: Any) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return None


def _filter(var: str, iris: list[str] | None) -> str:
    if not iris:
        return ""
    return "VALUES ?" + var + " { " + " ".join(f"<{i}>" for i in iris) + " }"


def _events(store: Store, facility: str | None) -> list[_Event]:
    match = ""
    if facility:
        match = f"FILTER (?target = <{facility}> || EXISTS {{ ?target ckg:member <{facility}> }})"
    rows = store.query(
        _PREFIXES
        + f"""SELECT ?e ?type ?agent ?recipient ?target ?member ?date ?nb ?na ?pub ?art ?seq WHERE {{
  GRAPH ?g {{
    VALUES ?type {{ ckg:Seizure ckg:Withdrawal ckg:Handover }}
    ?e a ?type ; ckg:status ckg:Asserted .
    {{ ?e ckg:targetFacility ?target }} UNION {{ ?e ckg:targetPlace ?target }}
    OPTIONAL {{ ?e ckg:agent ?agent }}
    OPTIONAL {{ ?e a ckg:Handover ; ckg:beneficiary ?recipient }}
    OPTIONAL {{ ?e ckg:startDate ?date }}
    OPTIONAL {{ ?e ckg:startNotBefore ?nb }}
    OPTIONAL {{ ?e ckg:startNotAfter ?na }}
    OPTIONAL {{ ?e ckg:seq ?seq }}
    OPTIONAL {{ ?g prov:wasDerivedFrom ?art . OPTIONAL {{ ?art dct:issued ?pub }} }}
  }}
  {match}
  FILTER NOT EXISTS {{ ?denial ckg:denies ?e }}
  OPTIONAL {{ ?target ckg:member ?member }}
}}"""
    ).rows
    events: dict[str, _Event] = {}
    for r in rows:
        ev = events.get(r["e"])
        if ev is None:
            published = _as_date(r["pub"])
            day = _as_date(r["date"]) or _as_date(r["na"]) or _as_date(r["nb"]) or published
            seq = r["seq"] if isinstance(r["seq"], int) else 0
            kind = _KINDS[r["type"]]
            ev = _Event(r["e"], kind, set(), set(), defaultdict(set), day, published, r["art"], seq)
            events[r["e"]] = ev
        if r["agent"]:
            ev.agents.add(r["agent"])
        if r["recipient"]:
            ev.recipients.add(r["recipient"])
        ev.targets.add(r["target"])
        if r["member"]:
            ev.members[r["target"]].add(r["member"])
    return sorted(events.values(), key=_Event.key)


def _owners(store: Store, facilities: list[str] | None) -> dict[str, str]:
    rows = store.query(
        _PREFIXES + f"SELECT ?f ?o WHERE {{ {_filter('f', facilities)} ?f ckg:owner ?o }}"
    ).rows
    owners: dict[str, str] = {}
    for r in sorted(rows, key=lambda r: (r["f"], r["o"])):
        owners.setdefault(r["f"], r["o"])  # several owners stated: the first IRI, so the choice is stable
    return owners


def _held(store: Store, facility: str | None) -> list[_Held]:
    rows = store.query(
        _PREFIXES
        + f"""SELECT ?p ?h ?f ?sd ?sna ?snb ?ed ?enb ?ena ?art WHERE {{
  GRAPH ?g {{
    {_filter("f", [facility] if facility else None)}
    ?p a ckg:ControlPeriod ; ckg:holder ?h ; ckg:facility ?f .
    FILTER NOT EXISTS {{ ?p ckg:startedBy ?s }}
    FILTER NOT EXISTS {{ ?p ckg:endedBy ?t }}
    OPTIONAL {{ ?p ckg:startDate ?sd }} OPTIONAL {{ ?p ckg:startNotAfter ?sna }}
    OPTIONAL {{ ?p ckg:startNotBefore ?snb }}
    OPTIONAL {{ ?p ckg:endDate ?ed }} OPTIONAL {{ ?p ckg:endNotBefore ?enb }}
    OPTIONAL {{ ?p ckg:endNotAfter ?ena }}
    OPTIONAL {{ ?g prov:wasDerivedFrom ?art }}
  }}
}} ORDER BY ?p"""
    ).rows
    out: list[_Held] = []
    for r in rows:
        start = _as_date(r["sd"]) or _as_date(r["sna"]) or _as_date(r["snb"])
        end = _as_date(r["ed"]) or _as_date(r["enb"]) or _as_date(r["ena"]) or start
        out.append(_Held(r["h"], r["f"], start, end, r["art"]))
    return out


def _labels(store: Store, iris: set[str], lang: str) -> dict[str, str]:
    if not iris:
        return {}
    rows = store.query(
        _PREFIXES
        + f"SELECT ?x ?l (LANG(?l) AS ?lang) WHERE {{ {_filter('x', sorted(iris))} ?x skos:prefLabel ?l }}"
    ).rows
    ranked: dict[str, tuple[int, str]] = {}
    for r in rows:
        x, label, language = r["x"], r["l"], r["lang"] or ""
        rank = 0 if language == lang else 1 if language in ("en", "ar") else 2
        current = ranked.get(x)
        if current is None or (rank, label) < current:
            ranked[x] = (rank, label)
    return {k: v[1] for k, v in ranked.items()}


def _overlaps(p: Period, start: date | None, end: date | None) -> bool:
    lo = start or date.min
    hi = end or date.max
    return (p.start or date.min) <= hi and lo <= (p.end or date.max)


def _derive(facility: str, events: list[_Event], owner: str | None, held: list[_Held]) -> list[Period]:
    periods: list[Period] = []
    current: dict[str, Period] = {}

    def open_(holder: str, ev: _Event | None) -> None:
        p = Period(holder, None, facility, None, ev.day if ev else None, None, ev.iri if ev else None)
        p.add_source(ev.article if ev else None)
        current[holder] = p
        periods.append(p)

    def close(holder: str, ev: _Event) -> None:
        p = current.pop(holder)
        p.end, p.ended_by = ev.day, ev.iri
        p.add_source(ev.article)

    if owner:
        open_(owner, None)
    for ev in events:
        if ev.kind == "handover" and ev.recipients:
            # the giver leaves and the facility passes to the recipients: like a seizure by them
            takers = ev.recipients
        elif ev.kind == "seizure":
            takers = ev.agents
        else:
            takers = set()
        if not ev.agents and not takers:
            continue  # nobody to hand the facility to, or to take it from
        if takers:
            for holder in sorted(set(current) - takers):
                close(holder, ev)
            for taker in sorted(takers):
                if taker in current:
                    current[taker].add_source(ev.article)  # taking what it already holds
                else:
                    open_(taker, ev)
        else:
            leaving = sorted(ev.agents & set(current))
            for holder in leaving:
                close(holder, ev)
            if leaving and not current and owner and owner not in ev.agents:
                open_(owner, ev)
    for h in held:
        covering = [
            p
            for p in periods
            if p.holder == h.holder
            and (p.start is None or (h.start is not None and p.start <= h.start))
            and (p.end is None or (h.end is not None and h.end <= p.end))
        ]
        if covering:
            covering[0].add_source(h.article)
            continue
        evidenced = [p for p in periods if p.started_by or p.ended_by]
        if any(p.holder != h.holder and _overlaps(p, h.start, h.end) for p in evidenced):
            continue  # contradicts what the events say
        stated = Period(h.holder, None, facility, None, h.start, h.end)
        stated.add_source(h.article)
        periods.append(stated)
    return periods


def timelines(store: Store, *, facility: str | None = None, lang: str = "en") -> dict[str, list[Period]]:
    """Every facility's periods (or only ``facility``'s), in the order the events happened."""
    events = _events(store, facility)
    held = _held(store, facility)
    facilities = {f for ev in events for f in ev.facilities()} | {h.facility for h in held}
    if facility:
        facilities = {facility}
    owners = _owners(store, [facility] if facility else None)
    if facility is None:
        facilities |= set(owners)
    by_facility: dict[str, list[_Event]] = defaultdict(list)
    for ev in events:
        for f in ev.facilities():
            by_facility[f].append(ev)
    held_by: dict[str, list[_Held]] = defaultdict(list)
    for h in held:
        held_by[h.facility].append(h)
    result = {
        f: _derive(f, by_facility.get(f, []), owners.get(f), held_by.get(f, [])) for f in sorted(facilities)
    }
    names = {p.holder for ps in result.values() for p in ps} | set(result)
    labels = _labels(store, names, lang)
    for ps in result.values():
        for p in ps:
            p.holder_label = labels.get(p.holder)
            p.facility_label = labels.get(p.facility)
    return {f: ps for f, ps in result.items() if ps}


def facility_timeline(store: Store, facility_iri: str, *, lang: str = "en") -> list[Period]:
    """All periods of one facility, oldest first (labels in ``lang``, falling back on ar/en)."""
    return timelines(store, facility=facility_iri, lang=lang).get(facility_iri, [])


def holders(store: Store, facility_iri: str, at: date | None = None, *, lang: str = "en") -> list[Period]:
    """Who held the facility on ``at`` (both ends included); with ``at=None``, who holds it now (open end)."""
    periods = facility_timeline(store, facility_iri, lang=lang)
    if at is None:
        return [p for p in periods if p.end is None]
    return [p for p in periods if p.contains(at)]


def holdings(store: Store, actor_iri: str, at: date | None = None, *, lang: str = "en") -> list[Period]:
    """What the actor held and when (every period), or only on ``at`` when given."""
    out = [p for ps in timelines(store, lang=lang).values() for p in ps if p.holder == actor_iri]
    return [p for p in out if at is None or p.contains(at)]


# --- resolving a label to an IRI ---

_NON_WORD = re.compile(r"[^\w]+")


def fold_label(text: str) -> str:
    """A label folded for lookup: the extractor's ``match_key`` (alef/hamza/ya/teh marbuta, Arabic digits,
    diacritics, tatweel, case), then punctuation as spaces, so that "4th-Division" finds "4th Division".

    ``conflictkg.extract.normalize`` loads no spaCy, so readers of the store may use it.
    """
    return " ".join(_NON_WORD.sub(" ", match_key(text)).split())


def _display_label(rows: list[dict[str, Any]], x: str) -> str:
    """The entity's English prefLabel for a message, else its Arabic one, else any label."""
    best: tuple[int, str] | None = None
    for r in rows:
        if r["x"] != x:
            continue
        rank = {"en": 0, "ar": 1}.get(r["lang"], 2) + (0 if r["p"].endswith("prefLabel") else 3)
        if best is None or (rank, r["label"]) < best:
            best = (rank, r["label"])
    return best[1] if best else x


_KIND_CLASSES = {"facility": ("Facility", "Place"), "actor": ("Actor",)}


def resolve(store: Store, text_or_iri: str, kind: Literal["facility", "actor"]) -> str:
    """The IRI of a facility or actor named by an IRI or by a label (ar or en, any spelling variant).

    An IRI is returned as is. A label matches skos:prefLabel/altLabel/hiddenLabel after folding; when no
    label matches whole, a single entity whose label contains the text is accepted. Raises
    :class:`NotFoundError` listing the candidates when nothing or more than one entity matches.
    """
    text = text_or_iri.strip()
    if re.match(r"^(https?|urn):", text):
        return text
    if kind not in _KIND_CLASSES:
        raise NotFoundError(f"unknown kind {kind!r}: use 'facility' or 'actor'")
    classes = " ".join(f"ckg:{c}" for c in _KIND_CLASSES[kind])
    rows = store.query(
        _PREFIXES
        + f"""SELECT DISTINCT ?x ?p ?label (LANG(?label) AS ?lang) WHERE {{
  VALUES ?top {{ {classes} }}
  ?x a ?cls . ?cls rdfs:subClassOf* ?top .
  VALUES ?p {{ skos:prefLabel skos:altLabel skos:hiddenLabel }}
  ?x ?p ?label .
}}"""
    ).rows
    key = fold_label(text)
    if not key:
        raise NotFoundError(f"cannot look up an empty {kind} name: give a label or an IRI")
    exact = sorted({r["x"] for r in rows if fold_label(r["label"]) == key})
    if len(exact) == 1:
        return exact[0]
    partial = exact or sorted({r["x"] for r in rows if key in fold_label(r["label"])})
    if len(partial) == 1:
        return partial[0]
    if not partial:
        raise NotFoundError(
            f"no {kind} is labelled {text!r} (labels are matched in Arabic and English, spelling-folded): "
            f"check the spelling, or list names with `conflictkg entities --q ...`"
        )
    listed = ", ".join(f"{_display_label(rows, x)} <{x}>" for x in partial[:10])
    raise NotFoundError(
        f"{text!r} names {len(partial)} {kind} entities: {listed}; give the IRI or a longer name"
    )
