"""Facts -> RDF: one article's :class:`~conflictkg.facts.ArticleFacts` as one named graph.

Everything of article K (bundle, article metadata, entities, mentions, events, evidence, periods) lives
in the named graph ``ckr:graph-K`` so that replacing that graph in the store replaces the article whole
(see ``docs/contracts.md``, "RDF of one article"). Ontology terms go through the closed namespace
:class:`~conflictkg.namespace.CKG`, so a misspelt term fails here and not silently in a query.

The output is deterministic: the same facts give the same triples (no blank nodes); the only varying
value is ``prov:generatedAtTime``, which callers (and tests) can pin with ``generated_at``.
This module uses rdflib and never spaCy.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, date, datetime
from typing import Literal as TypingLiteral

from rdflib import RDF, Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, SKOS, XSD

from conflictkg import iri
from conflictkg.errors import InputError
from conflictkg.facts import ArticleFacts, ControlPeriod, Entity, Event, Span, When
from conflictkg.namespace import CKG, CKG_NS, CKR_NS, GEO, ORG

__all__ = [
    "PREFIXES",
    "ROLE_PROPERTIES",
    "STATUS_TERMS",
    "article_graph",
    "bind_prefixes",
    "graph_iri_of",
    "graph_to_trig",
    "serialize_article",
]

#: Prefixes used in every serialisation and in readable reports (validate.py shortens IRIs with them).
PREFIXES: dict[str, str] = {
    "ckg": CKG_NS,
    "ckr": CKR_NS,
    "prov": str(PROV),
    "dct": str(DCTERMS),
    "skos": str(SKOS),
    "xsd": str(XSD),
    "org": str(ORG),
    "geo": str(GEO),
}

#: JSON role name -> RDF property; ``target`` is resolved by the target's entity type (see _target_property).
ROLE_PROPERTIES: dict[str, URIRef] = {
    "agent": CKG.agent,
    "party": CKG.party,
    "mediator": CKG.mediator,
    "besieger": CKG.besieger,
    "besieged": CKG.besieged,
    "speaker": CKG.speaker,
    "venue": CKG.venue,
    "beneficiary": CKG.beneficiary,
    "patient": CKG.patient,
    "place": CKG.place,
}
_TARGET_PROPERTIES: dict[str, URIRef] = {
    "Facility": CKG.targetFacility,
    "Place": CKG.targetPlace,
    "Actor": CKG.patient,
}
#: Event.lifts -> the property it becomes, by event type: a lifting names the siege, a reopening the closure.
_LIFT_PROPERTIES: dict[str, URIRef] = {"SiegeLifting": CKG.lifts, "Reopening": CKG.reopens}
STATUS_TERMS: dict[str, URIRef] = {
    "asserted": CKG.Asserted,
    "denied": CKG.Denied,
    "negated": CKG.Negated,
    "hypothetical": CKG.Hypothetical,
    "reported": CKG.Reported,
}
_TOP_TYPES: dict[str, URIRef] = {"Actor": CKG.Actor, "Facility": CKG.Facility, "Place": CKG.Place}
_ARABIC_RE = re.compile(r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]")


def bind_prefixes(graph: Graph) -> Graph:
    """Bind the project's prefixes (``ckg: ckr: prov: dct: skos: xsd: org: geo:``) on ``graph``."""
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns, override=True, replace=True)
    return graph


def graph_iri_of(article_iri: str) -> str:
    """The named graph IRI (``ckr:graph-K``) of the article IRI ``ckr:article-K``."""
    try:
        return iri.graph_iri(iri.key_of(article_iri))
    except ValueError as exc:
        raise InputError(
            f"article id {article_iri!r} is not an article IRI ({CKR_NS}article-KEY): build it with "
            "conflictkg.iri.article_iri(conflictkg.iri.article_key(text, given_id))"
        ) from exc


def _date(d: date) -> Literal:
    return Literal(d.isoformat(), datatype=XSD.date)


def _int(n: int) -> Literal:
    return Literal(n, datatype=XSD.integer)


def _label_language(text: str) -> str:
    """``ar`` when the label is written in Arabic script, else ``en``."""
    return "ar" if _ARABIC_RE.search(text) else "en"


class _Builder:
    """Adds the triples of one article to one graph; holds the lookups the mapping needs."""

    def __init__(self, facts: ArticleFacts, generated_at: datetime) -> None:
        self.facts = facts
        self.article = URIRef(facts.article.id)
        graph_name = graph_iri_of(facts.article.id)
        self.key = iri.key_of(graph_name)
        self.graph = bind_prefixes(Graph(identifier=URIRef(graph_name)))
        self.generated_at = generated_at
        self.entity_types: dict[str, str] = {e.id: e.type for e in facts.entities}

    def add(self, s: URIRef, p: URIRef, o: URIRef | Literal) -> None:
        self.graph.add((s, p, o))

    # --- article and bundle ---
    def bundle(self) -> None:
        g = URIRef(str(self.graph.identifier))
        self.add(g, RDF.type, PROV.Bundle)
        self.add(g, PROV.wasDerivedFrom, self.article)
        stamp = self.generated_at if self.generated_at.tzinfo else self.generated_at.replace(tzinfo=UTC)
        self.add(g, PROV.generatedAtTime, Literal(stamp.isoformat(), datatype=XSD.dateTime))
        a = self.facts.article
        self.add(self.article, RDF.type, CKG.NewsArticle)
        if a.published is not None:
            self.add(self.article, DCTERMS.issued, _date(a.published))
        self.add(self.article, DCTERMS.language, Literal(a.language))
        self.add(self.article, CKG.contentHash, Literal(a.content_hash))
        if a.source:
            self.add(self.article, DCTERMS.source, URIRef(a.source))
        if a.title:
            self.add(self.article, DCTERMS.title, Literal(a.title))
        if a.outlet:
            self.add(self.article, CKG.outlet, Literal(a.outlet))

    # --- entities and mentions ---
    def entity_class(self, e: Entity) -> URIRef:
        if e.type not in _TOP_TYPES:
            raise InputError(f"entity {e.id}: type {e.type!r} is not one of {sorted(_TOP_TYPES)}")
        if not e.subtype:
            return _TOP_TYPES[e.type]
        try:
            return URIRef(getattr(CKG, e.subtype))
        except AttributeError:
            raise InputError(
                f"entity {e.id} ({e.label}): subtype {e.subtype!r} is not a term of the ckg: ontology; "
                "use a class of ontology/conflictkg.ttl (e.g. ArmedGroup, GovernmentOffice, City) or none"
            ) from None

    def entity(self, e: Entity) -> None:
        node = URIRef(e.id)
        self.add(node, RDF.type, self.entity_class(e))
        label_lang = _label_language(e.label)
        if label_lang == "en" and e.label_en and e.label_en != e.label:
            self.add(node, SKOS.prefLabel, Literal(e.label_en, lang="en"))
            self.add(node, SKOS.altLabel, Literal(e.label, lang="en"))
        else:
            self.add(node, SKOS.prefLabel, Literal(e.label, lang=label_lang))
            if e.label_en and label_lang == "ar":
                self.add(node, SKOS.prefLabel, Literal(e.label_en, lang="en"))
        for span in e.mentions:
            self.add(node, CKG.mention, self.mention(span))
        containment = ORG.subOrganizationOf if e.type == "Actor" else GEO.sfWithin
        for parent in e.part_of:
            self.add(node, containment, URIRef(parent))
        if e.owner:
            self.add(node, CKG.owner, URIRef(e.owner))
        if e.members:
            self.add(node, RDF.type, CKG.Group)
            for member in e.members:
                self.add(node, CKG.member, URIRef(member))

    def quoted(self, node: URIRef, span: Span) -> None:
        self.add(node, CKG.article, self.article)
        self.add(node, CKG.quote, Literal(span.text))
        self.add(node, CKG.startOffset, _int(span.start))
        self.add(node, CKG.endOffset, _int(span.end))

    def mention(self, span: Span) -> URIRef:
        node = URIRef(iri.mention_iri(self.key, span.start, span.end))
        self.add(node, RDF.type, CKG.Mention)
        self.quoted(node, span)
        return node

    # --- events ---
    def role_property(self, event: Event, role: str, value: str) -> URIRef:
        if role == "target":
            kind = self.entity_types.get(value)
            if kind is None:
                raise InputError(
                    f"event {event.id}: target {value} is not among the article's entities, so its type "
                    "(Facility, Place or Actor) is unknown; add the entity to ArticleFacts.entities"
                )
            return _TARGET_PROPERTIES[kind]
        try:
            return ROLE_PROPERTIES[role]
        except KeyError:
            raise InputError(
                f"event {event.id}: unknown role {role!r}; use one of {sorted([*ROLE_PROPERTIES, 'target'])}"
            ) from None

    def time(self, node: URIRef, when: When, exact: URIRef, not_before: URIRef, not_after: URIRef) -> None:
        if when.exact is not None:
            self.add(node, exact, _date(when.exact))
        else:
            if when.earliest is not None:
                self.add(node, not_before, _date(when.earliest))
            if when.latest is not None:
                self.add(node, not_after, _date(when.latest))

    def event(self, ev: Event) -> None:
        node = URIRef(ev.id)
        try:
            cls = URIRef(getattr(CKG, ev.type))
        except AttributeError:
            raise InputError(f"event {ev.id}: type {ev.type!r} is not a ckg: event class") from None
        if ev.status not in STATUS_TERMS:
            raise InputError(f"event {ev.id}: status {ev.status!r} is not one of {sorted(STATUS_TERMS)}")
        self.add(node, RDF.type, cls)
        self.add(node, CKG.status, STATUS_TERMS[ev.status])
        self.add(node, CKG.seq, _int(ev.seq))
        for role, values in sorted(ev.roles.items()):
            for value in values:
                self.add(node, self.role_property(ev, role, value), URIRef(value))
        if ev.time is not None:
            self.time(node, ev.time, CKG.startDate, CKG.startNotBefore, CKG.startNotAfter)
            if ev.time.text:
                self.add(node, CKG.timeText, Literal(ev.time.text))
        for prop, targets in (
            (CKG.denies, ev.denies),
            (CKG.inResponseTo, ev.in_response_to),
            (CKG.hasOutcome, ev.outcome),
        ):
            for target in targets:
                self.add(node, prop, URIRef(target))
        if ev.lifts:
            lifts = _LIFT_PROPERTIES.get(ev.type)
            if lifts is None:
                raise InputError(
                    f"event {ev.id}: a {ev.type} cannot lift another event (lifts={ev.lifts}); only a "
                    f"{' or a '.join(sorted(_LIFT_PROPERTIES))} does: clear Event.lifts or fix the type"
                )
            for target in ev.lifts:
                self.add(node, lifts, URIRef(target))
        evidence = URIRef(iri.evidence_iri(ev.id))
        self.add(node, CKG.evidence, evidence)
        self.add(evidence, RDF.type, CKG.Evidence)
        self.quoted(evidence, ev.evidence)
        self.add(evidence, CKG.sentenceIndex, _int(ev.sentence))
        if ev.rule:
            self.add(evidence, CKG.extractionRule, Literal(ev.rule))

    # --- periods ---
    def period(self, cp: ControlPeriod) -> None:
        node = URIRef(cp.id)
        self.add(node, RDF.type, CKG.PresencePeriod if cp.kind == "presence" else CKG.ControlPeriod)
        self.add(node, CKG.holder, URIRef(cp.holder))
        self.add(node, CKG.facility, URIRef(cp.facility))
        if cp.start is not None:
            self.time(node, cp.start, CKG.startDate, CKG.startNotBefore, CKG.startNotAfter)
        if cp.end is not None:
            self.time(node, cp.end, CKG.endDate, CKG.endNotBefore, CKG.endNotAfter)
        if cp.started_by:
            self.add(node, CKG.startedBy, URIRef(cp.started_by))
        if cp.ended_by:
            self.add(node, CKG.endedBy, URIRef(cp.ended_by))
        if cp.evidence is not None:
            evidence = URIRef(iri.evidence_iri(cp.id))
            self.add(node, CKG.evidence, evidence)
            self.add(evidence, RDF.type, CKG.Evidence)
            self.quoted(evidence, cp.evidence)

    def build(self) -> Graph:
        self.bundle()
        for e in self.facts.entities:
            self.entity(e)
        for ev in self.facts.events:
            self.event(ev)
        for cp in self.facts.control:
            self.period(cp)
        return self.graph


def article_graph(facts: ArticleFacts, *, generated_at: datetime | None = None) -> Graph:
    """The named graph of one article (identifier ``ckr:graph-K``), laid out as in docs/contracts.md.

    ``generated_at`` (default: now, UTC) is the bundle's ``prov:generatedAtTime``, the only value that
    differs between two runs on the same facts. Raises :class:`InputError` when the facts break the
    contract (unknown subtype, role or status, a target that is not one of the article's entities).
    """
    return _Builder(facts, generated_at or datetime.now(UTC)).build()


def graph_to_trig(graphs: Graph | Iterable[Graph]) -> str:
    """TriG of one or more named graphs (each keeps its identifier as its graph name)."""
    ds = Dataset()
    bind_prefixes(ds)
    for g in [graphs] if isinstance(graphs, Graph) else graphs:
        target = ds.graph(g.identifier)
        for triple in g:
            target.add(triple)
    return ds.serialize(format="trig")


def serialize_article(
    facts: ArticleFacts,
    *,
    format: TypingLiteral["trig", "turtle"] = "trig",
    generated_at: datetime | None = None,
) -> str:
    """The article's RDF as text, for ``conflictkg extract --format turtle``.

    ``trig`` keeps the named graph (what the store holds); ``turtle`` gives the same triples without it.
    """
    g = article_graph(facts, generated_at=generated_at)
    if format == "trig":
        return graph_to_trig(g)
    if format == "turtle":
        return g.serialize(format="turtle")
    raise InputError(f"unknown RDF format {format!r}: use 'trig' or 'turtle'")
