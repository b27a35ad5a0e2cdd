"""From phrases to entities: link known names, mint IRIs for the others, resolve anaphora.

Known names link to their gazetteer IRI; a generic name (\"مديرية المالية\") links only when the
place context agrees: the phrase's own \"في X\", else a place named in the same sentence, else the
discourse's current place (the last town or city named). Other names get
``iri.entity_iri(type, match_key(label), within=place)``, so the same facility in two articles gets
one IRI. Anaphors (\"هذه المؤسسات\") and repeated group descriptions (\"دوائر النظام الحكومية\" after
\"الدوائر والمؤسسات الحكومية التابعة للنظام السوري\") resolve to the group named before.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import resources

from conflictkg import iri as iris
from conflictkg.extract.gazetteer import GazetteerIndex
from conflictkg.extract.normalize import match_key
from conflictkg.extract.patterns import Sentence
from conflictkg.extract.phrases import Phrase
from conflictkg.extract.tokenize import Token
from conflictkg.facts import Entity, GazetteerEntry, Span

__all__ = ["EntityTable"]

_TOWN_LEVEL = frozenset({"City", "Town"})
_HEAD_DATA = json.loads(
    resources.files("conflictkg.extract").joinpath("data", "heads.json").read_text(encoding="utf-8")
)
#: "قوات", "مقاتلي": troop words dropped before comparing a short mention with a full name (heads.json)
_FORCE_WORDS = frozenset(match_key(w) for w in _HEAD_DATA.get("force_words", ()))
#: office heads whose office, where it acts, is its institution (heads.json "acting_offices"): a later
#: "المديرية" then refers back to that institution
_ACTING_OFFICES = frozenset(match_key(w) for w in _HEAD_DATA.get("acting_offices", ()))


@dataclass(slots=True)
class _Unknown:
    """What is remembered of an unknown group for later coreference."""

    iri: str
    type: str
    heads: frozenset[str]
    adjectives: frozenset[str]
    owner: str | None
    within: str | None


@dataclass
class EntityTable:
    """The entities of one article, built phrase by phrase."""

    gaz: GazetteerIndex
    text: str
    toks: Sequence[Token]
    entities: dict[str, Entity] = field(default_factory=dict)
    groups: list[_Unknown] = field(default_factory=list)
    within: dict[str, str | None] = field(default_factory=dict)
    #: (head nouns, type, IRI, token position) of every entity named with a head noun
    named: list[tuple[frozenset[str], str, str, int]] = field(default_factory=list)
    _spans: dict[str, set[tuple[int, int]]] = field(default_factory=dict)
    _place: str | None = None

    # --- public --------------------------------------------------------------------------------
    def resolve(self, sentences: Sequence[Sentence]) -> None:
        """Give every phrase (and nested phrase) an IRI, and record its mention."""
        for s in sentences:
            flat = [q for p in s.phrases for q in _walk(p)]
            by_start = {p.start: p for p in reversed(flat)}
            by_start.update({p.start: p for p in s.phrases})
            for p in flat:
                if p.loc_at is not None:
                    p.loc = by_start.get(p.loc_at)
            # places that link without context first: they are the context of the rest
            for p in flat:
                if p.known and any(c.self_located for c in p.candidates) and p.type == "Place":
                    self._link(p, [])
            places = [p for p in flat if p.type == "Place" and p.iri and p.known]
            # owned phrases after the rest (their owner first); so are the anaphors that may refer to
            # them ("قوة سعودية من التحالف ... القوة السعودية")
            for p in sorted(flat, key=lambda q: (_late(q), q.start)):
                if p.iri is None:
                    self._resolve(p, self._context(p, places))
            for p in places:
                e = self.gaz.entries.get(p.iri or "")
                if e is not None and e.subtype in _TOWN_LEVEL:
                    self._place = e.iri
        for ent in self.entities.values():
            ent.mentions.sort(key=lambda m: (m.start, m.end))

    def latest_actor_before(self, token: int) -> str | None:
        best: tuple[int, str] | None = None
        for e in self.entities.values():
            if e.type != "Actor":
                continue
            for m in e.mentions:
                tstart = m.start
                if tstart < self.toks[token].start and (best is None or tstart > best[0]):
                    best = (tstart, e.id)
        return best[1] if best else None

    # --- internals -----------------------------------------------------------------------------
    def _context(self, p: Phrase, places: Sequence[Phrase]) -> list[str]:
        ctx: list[str] = []
        if p.loc is not None and p.loc.iri:
            ctx.append(p.loc.iri)
        after = [q.iri for q in places if q.start >= p.end and q.iri]
        before = [q.iri for q in reversed(places) if q.start < p.start and q.iri]
        for c in (*after, *before, self._place):
            if c and c not in ctx:
                ctx.append(c)
        return ctx

    def _resolve(self, p: Phrase, ctx: list[str]) -> None:
        if p.antecedent is not None:
            p.iri = p.antecedent.iri
            if p.iri:
                self._mention(p.iri, p)
            return
        if p.anaphor:
            p.iri = self._antecedent(p)
            if p.iri:
                self._mention(p.iri, p)
                return
            if not p.mint_unresolved:
                return
            p.anaphor = False  # "القوة الروسية" with no Russian force before it: a force of its own
            self._mint(p, ctx)
            return
        if p.known:
            # one sense per article: a generic name linked before keeps its entity
            linked = [c.entry for c in p.candidates if c.entry.iri in self.entities]
            entry = linked[0] if len(linked) == 1 else self.gaz.resolve(p.candidates, ctx)
            if entry is not None:
                self._link(p, ctx, entry)
                return
        self._mint(p, ctx)

    def _link(self, p: Phrase, ctx: list[str], entry: GazetteerEntry | None = None) -> None:
        if entry is None:
            entry = self.gaz.resolve(p.candidates, ctx)
            if entry is None:
                return
        p.iri = entry.iri
        if entry.iri not in self.entities:
            self.entities[entry.iri] = Entity(
                id=entry.iri,
                type=entry.type,
                label=entry.pref_label.get("ar") or next(iter(entry.pref_label.values()), entry.iri),
                subtype=entry.subtype,
                label_en=entry.pref_label.get("en"),
                known=True,
                part_of=list(entry.part_of or entry.within),
                owner=entry.owner,
                members=list(entry.members),
            )
        self._mention(entry.iri, p)

    def _mint(self, p: Phrase, ctx: list[str]) -> None:
        a, b = p.mention
        label = p.label or " ".join(t.text for t in self.toks[a:b] if not t.is_quote)
        within = None
        if p.located or p.type == "Facility":
            within = p.loc.iri if p.loc is not None and p.loc.iri else (ctx[0] if ctx else None)
        owner = p.owner.iri if p.owner is not None else None
        if p.owner_pronoun:
            owner = self.latest_actor_before(p.start)
        if p.type == "Actor" and owner is None and not p.owner_pronoun:
            same = self._short_form(p)
            if same is not None:
                p.iri = same
                self._mention(same, p)
                return
        if p.group and p.type == "Facility":
            same = self._corefer(p, owner)
            if same is not None:
                p.iri = same
                self._mention(same, p)
                return
        if (
            p.loc is not None
            and p.loc.iri
            and p.located
            and p.mention[0] == p.start  # not the later item of a shared head ("مبنيي السجل والهجرة")
            and _right_after(self.toks, p.mention[1], p.loc.start)
        ):
            p.mention = (p.mention[0], max(p.mention[1], p.loc.end))
        key = match_key(label)
        # a unit named by a generic label ("مكتب الإعلام", "قوات تابعة لـ X") is one per parent actor
        scope = owner if p.type == "Actor" and owner else within
        if p.national:
            scope = self._country(ctx)  # "الجيش" in Khartoum and in Mosul are two armies
        entity_iri = iris.entity_iri(p.type, key, within=scope)
        p.iri = entity_iri
        if entity_iri not in self.entities:
            part_of: list[str] = []
            if p.type == "Actor" and owner:
                part_of.append(owner)
            elif within:
                part_of.append(within)
            self.entities[entity_iri] = Entity(
                id=entity_iri,
                type=p.type,  # type: ignore[arg-type]
                label=label,
                subtype=p.subtype,
                part_of=part_of,
                owner=owner if p.type != "Actor" else None,
            )
            self.within[entity_iri] = within
            if p.group:
                self.groups.append(
                    _Unknown(entity_iri, p.type, p.heads, frozenset(p.adjectives), owner, within)
                )
        self._mention(entity_iri, p)

    def _short_form(self, p: Phrase) -> str | None:
        """The actor named before in full whose name this definite short mention begins ("الجيش" after
        "قوات الجيش العراقي", "قوات الحشد" after "الحشد الشعبي", "رئاسة الأركان" after "رئاسة الأركان
        العامة"), or None.

        Why: news names a group in full once and then by its first words; minted apart, the short
        form became a second actor that took the events (and the control) of the first."""
        words = _name_words(" ".join(t.key for t in self.toks[p.mention[0] : p.mention[1]] if not t.is_quote))
        if not words or not any(w.startswith("ال") for w in words):
            return None
        start = self.toks[p.start].start
        best: tuple[int, str] | None = None
        for e in self.entities.values():
            if e.type != "Actor":
                continue
            for m in e.mentions:
                if m.start >= start or (best is not None and m.start <= best[0]):
                    continue
                full = _name_words(match_key(m.text))
                if len(full) > len(words) and full[: len(words)] == words:
                    best = (m.start, e.id)
        return best[1] if best else None

    def _country(self, ctx: Sequence[str]) -> str | None:
        """The country of the nearest place in context that has one (itself or a place above it)."""
        for place in ctx:
            for q in (place, *self.gaz.ancestors(place)):
                e = self.gaz.entries.get(q)
                if e is not None and e.subtype == "Country":
                    return e.iri
        return None

    def _corefer(self, p: Phrase, owner: str | None) -> str | None:
        for g in reversed(self.groups):
            if g.type != p.type or not p.heads or not p.heads <= g.heads:
                continue
            if not set(p.adjectives) <= g.adjectives:
                continue
            if owner is not None and g.owner is not None and owner != g.owner:
                continue
            if (
                owner is None
                and g.owner is None
                and (p.heads != g.heads or set(p.adjectives) != g.adjectives)
            ):
                continue
            return g.iri
        return None

    def _antecedent(self, p: Phrase) -> str | None:
        """The latest entity named with the anaphor's head before it ("هذه المؤسسات", "المعسكر")."""
        best: tuple[int, str] | None = None
        for heads, entity_type, entity_iri, at in self.named:
            if (
                (entity_type == p.type or self._acting_office(p, entity_type, heads))
                and p.heads <= heads
                and at < p.start
                and (best is None or at >= best[0])
                and self._agrees(p, entity_iri)
            ):
                best = (at, entity_iri)
        if best is not None and self._acting_office(p, self.entities[best[1]].type, p.heads):
            # "تتسلم المديرية المبنى" after "مفاوضات بين الكتيبة ومديرية أمن الزاوية": the institution acts
            p.type, p.subtype = "Actor", self.entities[best[1]].subtype
        return best[1] if best else None

    @staticmethod
    def _acting_office(p: Phrase, entity_type: str, heads: frozenset[str]) -> bool:
        """Whether a facility anaphor ("المديرية") may refer to an office named before as the institution
        that acted ("مديرية أمن الزاوية" as a party of talks).

        Why: the office found acting is an Actor; the anaphor, typed by its head as a Facility, found no
        antecedent and the event it is the subject of lost its agent."""
        return p.type == "Facility" and entity_type == "Actor" and bool(heads & _ACTING_OFFICES)

    def _agrees(self, p: Phrase, entity_iri: str) -> bool:
        """Whether an actor anaphor's nisba ("القوة السعودية") is in the antecedent's name ("قوة سعودية من
        التحالف"): a definite force of one nationality does not refer back to another force."""
        if not (p.mint_unresolved and p.adjectives):
            return True
        stem = p.adjectives[0].removeprefix("ال").removesuffix("ه")
        entity = self.entities.get(entity_iri)
        return entity is not None and stem in match_key(entity.label)

    def _mention(self, entity_iri: str, p: Phrase) -> None:
        if p.inner:
            return
        if p.heads and not p.anaphor:
            self.named.append((p.heads, p.type, entity_iri, p.start))
        a, b = p.mention
        while a < b and self.toks[a].is_quote:
            a += 1
        while b > a and self.toks[b - 1].is_quote and not _balanced(self.toks, a, b):
            b -= 1
        if a >= b:
            return
        span = Span.of(self.text, self.toks[a].start, self.toks[b - 1].end)
        seen = self._spans.setdefault(entity_iri, set())
        if (span.start, span.end) not in seen:
            seen.add((span.start, span.end))
            self.entities[entity_iri].mentions.append(span)


def _name_words(key: str) -> list[str]:
    """The words of a name's key without its leading troop word ("قوات الحشد" -> ["الحشد"])."""
    words = key.split()
    return words[1:] if len(words) > 1 and words[0] in _FORCE_WORDS else words


def _late(p: Phrase) -> bool:
    """Whether a phrase resolves after the others of its sentence (it depends on them)."""
    return p.owner is not None or p.owner_pronoun or p.mint_unresolved


def _walk(p: Phrase) -> list[Phrase]:
    out = [p]
    for q in (*p.nested, p.owner, p.holder, p.presence):
        if q is not None and q not in out:
            out.extend(x for x in _walk(q) if x not in out)
    return out


def _balanced(toks: Sequence[Token], a: int, b: int) -> bool:
    """Whether the quotes inside tokens a..b pair up (a closing quote is kept only then)."""
    return sum(1 for t in toks[a:b] if t.is_quote) % 2 == 0


def _right_after(toks: Sequence[Token], end: int, loc_start: int) -> bool:
    """Whether "في PLACE" follows the mention directly (its place belongs in the mention)."""
    j = end
    while j < loc_start and (toks[j].is_quote or toks[j].key == "في"):
        j += 1
    return j == loc_start
