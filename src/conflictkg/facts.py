"""The facts extracted from one article, as plain typed dataclasses (no rdflib, no spaCy).

Data flows one way: text -> mentions -> these facts -> RDF (``model.py``). The JSON form produced by
:meth:`ArticleFacts.to_json` follows ``../shared/seed/facts.schema.json``.

Every id is an IRI string (see ``iri.py``): entities share IRIs across articles, events and periods
are minted per article.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal, cast

__all__ = [
    "CONTROL_KINDS",
    "ENTITY_TYPES",
    "EVENT_TYPES",
    "JSON_EVENT_TYPES",
    "ROLE_NAMES",
    "STATUSES",
    "Article",
    "ArticleFacts",
    "ControlPeriod",
    "Entity",
    "EntityType",
    "Event",
    "EventType",
    "GazetteerEntry",
    "JsonEventType",
    "Span",
    "Status",
    "When",
    "event_type_from_json",
]

EntityType = Literal["Actor", "Facility", "Place"]
EventType = Literal[
    "Seizure",
    "Withdrawal",
    "Siege",
    "Negotiation",
    "Agreement",
    "Promise",
    "Expulsion",
    "Deployment",
    "Closure",
    "Levy",
    "Announcement",
    "Statement",
    "Denial",
    "Handover",
    "SiegeLifting",
    "Reopening",
]
Status = Literal["asserted", "denied", "negated", "hypothetical", "reported"]

ENTITY_TYPES: tuple[str, ...] = ("Actor", "Facility", "Place")
EVENT_TYPES: tuple[str, ...] = EventType.__args__  # type: ignore[attr-defined]
STATUSES: tuple[str, ...] = Status.__args__  # type: ignore[attr-defined]


@dataclass(frozen=True, slots=True)
class JsonEventType:
    """How an internal event type is written in the facts JSON, whose ``type`` enum is closed.

    ``../shared/seed/facts.schema.json`` lists the thirteen original types only, but lets events carry
    extra keys; so a newer, more specific type is written as its nearest schema type plus ``subtype``
    (and ``phase`` where the gold format has one), the way the gold files annotate it.
    """

    type: str
    subtype: str | None = None
    phase: str | None = None


#: internal type -> its JSON form; types not listed are written as themselves (docs/contracts.md).
JSON_EVENT_TYPES: dict[str, JsonEventType] = {
    "Handover": JsonEventType("Withdrawal", "Handover"),
    "SiegeLifting": JsonEventType("Siege", "SiegeLifting", "lifted"),
    "Reopening": JsonEventType("Closure", "Reopening", "lifted"),
}


def event_type_from_json(data: dict[str, Any]) -> EventType:
    """The internal event type of an event read back from the facts JSON (inverse of JSON_EVENT_TYPES).

    ``{"type": "Siege", "subtype": "SiegeLifting"}`` is a SiegeLifting; a ``type`` alone is itself.
    Raises ``ValueError`` naming the type (and subtype) when it is not one this module writes.
    """
    json_type = str(data["type"])
    subtype = data.get("subtype")
    if subtype is None:
        if json_type not in EVENT_TYPES:
            raise ValueError(f"event type {json_type!r} is not one of {list(EVENT_TYPES)}")
        return cast(EventType, json_type)
    for internal, form in JSON_EVENT_TYPES.items():
        if form.type == json_type and form.subtype == subtype:
            return cast(EventType, internal)
    known = sorted(f"{f.type}/{f.subtype}" for f in JSON_EVENT_TYPES.values())
    raise ValueError(f"event type {json_type!r} with subtype {subtype!r} is not one of {known}")


#: role name -> what it links (the JSON's ``roles`` keys; ``model.py`` maps each to a ckg: property).
ROLE_NAMES: tuple[str, ...] = (
    "agent",
    "party",
    "mediator",
    "besieger",
    "besieged",
    "target",
    "speaker",
    "place",
    "venue",
    "beneficiary",
    "patient",
)
CONTROL_KINDS: tuple[str, ...] = ("control", "presence")


@dataclass(frozen=True, slots=True)
class Span:
    """Characters ``start:end`` (end exclusive) of the original article text."""

    start: int
    end: int
    text: str

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span offsets {self.start}:{self.end} for {self.text!r}")
        if len(self.text) != self.end - self.start:
            raise ValueError(f"span text {self.text!r} does not have length {self.end - self.start}")

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        """The span ``start:end`` of ``text``."""
        return cls(start, end, text[start:end])

    def to_json(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True, slots=True)
class When:
    """A time as bounds: the event happened no earlier than ``earliest`` and no later than ``latest``."""

    earliest: date | None = None
    latest: date | None = None
    text: str | None = None

    @property
    def exact(self) -> date | None:
        """The day, when both bounds agree."""
        return self.earliest if self.earliest is not None and self.earliest == self.latest else None

    def to_json(self) -> dict[str, Any]:
        return {
            "earliest": self.earliest.isoformat() if self.earliest else None,
            "latest": self.latest.isoformat() if self.latest else None,
            "text": self.text,
        }


@dataclass(slots=True)
class Entity:
    """An actor, facility or place, with every span of the article that mentions it."""

    id: str
    type: EntityType
    label: str
    subtype: str | None = None
    label_en: str | None = None
    mentions: list[Span] = field(default_factory=list)
    #: True when the entity comes from the gazetteer (its description lives there).
    known: bool = False
    #: Actors: org:subOrganizationOf; facilities and places: geo:sfWithin.
    part_of: list[str] = field(default_factory=list)
    #: Facilities: the actor that owns the institution (restored after a withdrawal).
    owner: str | None = None
    #: Groups ("all the government departments"): the entities the mention stands for.
    members: list[str] = field(default_factory=list)

    @property
    def is_group(self) -> bool:
        return bool(self.members)

    def to_json(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "id": self.id,
            "type": self.type,
            "subtype": self.subtype,
            "label": self.label,
            "label_en": self.label_en,
            "mentions": [m.to_json() for m in self.mentions],
        }
        if self.part_of:
            d["part_of"] = list(self.part_of)
        if self.owner:
            d["owner"] = self.owner
        if self.members:
            d["members"] = list(self.members)
        return d


@dataclass(slots=True)
class Event:
    """One event of the story: its type, factuality, participants by role and supporting span."""

    id: str
    type: EventType
    status: Status
    roles: dict[str, list[str]]
    evidence: Span
    trigger: Span | None = None
    time: When | None = None
    #: Order of the event in the story (not in the text): keeps same-day events ordered.
    seq: int = 0
    sentence: int = 0
    #: Which pattern or rule produced the event (provenance of the extraction).
    rule: str = ""
    denies: list[str] = field(default_factory=list)
    in_response_to: list[str] = field(default_factory=list)
    outcome: list[str] = field(default_factory=list)
    #: SiegeLifting: the Siege it lifts; Reopening: the Closure it ends (when the article tells both).
    lifts: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        form = JSON_EVENT_TYPES.get(self.type, JsonEventType(self.type))
        d: dict[str, Any] = {
            "id": self.id,
            "type": form.type,
            "status": self.status,
            "roles": {k: list(v) for k, v in self.roles.items() if v},
            "evidence": self.evidence.to_json(),
            "time": self.time.to_json() if self.time else None,
            "seq": self.seq,
        }
        if form.subtype is not None:
            d["subtype"] = form.subtype
        if form.phase is not None:
            d["phase"] = form.phase
        if self.trigger is not None:
            d["trigger"] = self.trigger.to_json()
        if self.rule:
            d["rule"] = self.rule
        if self.denies:
            d["denies"] = list(self.denies)
        if self.in_response_to:
            d["in_response_to"] = list(self.in_response_to)
        if self.outcome:
            d["outcome"] = list(self.outcome)
        if self.lifts:
            d["lifts"] = list(self.lifts)
        return d


@dataclass(slots=True)
class ControlPeriod:
    """Who held (``kind="control"``) or was present at (``"presence"``) a facility or area, and when.

    A period the article states without an opening or closing event ("the neighbourhoods under
    government control") has ``started_by`` and ``ended_by`` both ``None``. ``stated`` is the article's
    own statement that the holder held it ("الذي ظل تحت سيطرته منذ 2017", "which it has held since
    March"), kept also when an event of the article opens or closes the same period.
    """

    id: str
    holder: str
    facility: str
    start: When | None = None
    end: When | None = None
    started_by: str | None = None
    ended_by: str | None = None
    kind: Literal["control", "presence"] = "control"
    evidence: Span | None = None
    stated: Span | None = None

    def to_json(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "id": self.id,
            "kind": self.kind,
            "holder": self.holder,
            "facility": self.facility,
            "start": self.start.to_json() if self.start else None,
            "end": self.end.to_json() if self.end else None,
            "started_by": self.started_by,
            "ended_by": self.ended_by,
        }
        if self.evidence is not None:
            d["evidence"] = self.evidence.to_json()
        if self.stated is not None:
            d["stated"] = self.stated.to_json()
        return d


@dataclass(frozen=True, slots=True)
class Article:
    """An article as read: its text and metadata. ``id`` is the article's IRI (see ``iri.py``)."""

    id: str
    text: str
    language: Literal["ar", "en"]
    published: date | None = None
    source: str | None = None
    title: str | None = None
    outlet: str | None = None

    @property
    def content_hash(self) -> str:
        """``sha256`` of the UTF-8 text, hex."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "language": self.language,
            "published": self.published.isoformat() if self.published else None,
            "source": self.source,
            "title": self.title,
        }


@dataclass(slots=True)
class ArticleFacts:
    """All the facts of one article: the unit that is validated and stored (one named graph)."""

    article: Article
    entities: list[Entity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    control: list[ControlPeriod] = field(default_factory=list)

    def entity(self, iri: str) -> Entity:
        for e in self.entities:
            if e.id == iri:
                return e
        raise KeyError(iri)

    def to_json(self) -> dict[str, Any]:
        return {
            "article": self.article.to_json(),
            "entities": [e.to_json() for e in self.entities],
            "events": [e.to_json() for e in self.events],
            "control": [c.to_json() for c in self.control],
        }


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    """A known entity as the extractor needs it: labels to match, type, and what it belongs to.

    Built from ``ontology/gazetteer/*.ttl`` by ``conflictkg.gazetteer`` (which uses rdflib) and handed
    to ``conflictkg.extract`` as plain data.
    """

    iri: str
    type: EntityType
    subtype: str | None
    pref_label: dict[str, str]
    #: every label by language: prefLabel, altLabel and hiddenLabel (spelling variants).
    labels: dict[str, tuple[str, ...]]
    part_of: tuple[str, ...] = ()
    within: tuple[str, ...] = ()
    owner: str | None = None
    members: tuple[str, ...] = ()
