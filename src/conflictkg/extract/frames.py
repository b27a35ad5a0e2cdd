"""Frame completeness: an event is emitted only with the core roles its type declares.

A news story often tells one event several times, and not every telling names every participant:
"the siege" again without its besieger, "they withdrew from them" after the seizure of X. An event
missing a core role (``triggers.json``: ``core``) would be rejected by the SHACL shapes and would say
nothing a reader can use, so before output each incomplete event is

1. cleaned: fillers of the wrong entity type leave a typed core role (a withdrawal "from" an actor is
   no withdrawal from a place), and a mediator is never also a party of the talks it mediates (the
   shape ``NegotiationShape`` holds ``ckg:party`` and ``ckg:mediator`` disjoint);
2. filled from coreference: merged into another telling of the same event (same type, or a withdrawal
   and a handover in one sentence; compatible status, no conflicting participant), or given a role by the event it continues (``fill`` in the
   type's data: a withdrawal takes the targets of the latest seizure by the same agent);
3. else dropped, with the reason kept as a :class:`Diagnostic` (for debugging; never in the JSON).

A denial whose denied events are all dropped is dropped too: a denial of nothing is no fact.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from conflictkg.extract.lexicon import CoreRole, Lexicon
from conflictkg.facts import Span

if TYPE_CHECKING:
    from conflictkg.extract.story import StoryEvent

__all__ = ["Completion", "Diagnostic", "complete", "missing_roles"]

#: The pseudo-role of a denial's denied events.
DENIES = "denies"
_COMPATIBLE = frozenset({"asserted", "reported"})
_HANDOVER = "Handover"
_MEDIATOR = "mediator"
_PARTY = "party"
#: A place given up: left (Withdrawal) or handed over (Handover); one event may be told as both.
_GIVING_UP = frozenset({"Withdrawal", _HANDOVER})


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """An event the extractor found but did not emit: where it was and why it was dropped."""

    type: str
    #: token index of the trigger (``span`` is its text, filled in by the pipeline)
    trigger: int
    sentence: int
    reason: str
    rule: str = ""
    span: Span | None = None


@dataclass(slots=True)
class Completion:
    """The events kept (in their original order), where each old index went, and what was dropped."""

    events: list[StoryEvent]
    #: old event index -> new index (a merged event points at the event it joined); dropped: absent
    index: dict[int, int]
    dropped: list[Diagnostic]


def missing_roles(
    roles: Mapping[str, Sequence[str]], denies: Sequence[int], core: Sequence[CoreRole]
) -> list[CoreRole]:
    """The core roles with fewer fillers than their minimum."""
    out: list[CoreRole] = []
    for c in core:
        have = len(denies) if c.role == DENIES else len(roles.get(c.role, ()))
        if have < c.min:
            out.append(c)
    return out


def _describe(c: CoreRole) -> str:
    article = "an" if c.role[:1] in "aeiou" else "a"
    what = f"{c.min} {c.role}" if c.min > 1 else f"{article} {c.role}"
    if c.types:
        what += f" ({'/'.join(sorted(c.types))})"
    return what


class _Completer:
    def __init__(
        self,
        events: list[StoryEvent],
        lex: Lexicon,
        kind: Callable[[str], str | None],
        related: Callable[[str, str], bool],
        within: Callable[[str], str | None],
    ) -> None:
        self.events = events
        self.lex = lex
        self.kind = kind
        self.related = related
        self.within = within
        self.merged: dict[int, int] = {}

    def missing(self, n: int) -> list[CoreRole]:
        ev = self.events[n]
        return missing_roles(ev.roles, ev.denies, self.lex.types[ev.type].core)

    # --- 1. clean ------------------------------------------------------------------------------
    def clean(self) -> None:
        for ev in self.events:
            for c in self.lex.types[ev.type].core:
                if c.types and c.role in ev.roles:
                    ev.roles[c.role] = [v for v in ev.roles[c.role] if c.accepts(self.kind(v))]
            mediators = set(ev.roles.get(_MEDIATOR, ()))
            if mediators and ev.roles.get(_PARTY):
                # "بوساطة X" is explicit; X read as a side too (a carried subject) is the same actor
                ev.roles[_PARTY] = [v for v in ev.roles[_PARTY] if v not in mediators]

    # --- 2. coreference ------------------------------------------------------------------------
    def _agree(self, a: StoryEvent, b: StoryEvent) -> bool:
        """No participant of one telling contradicts the other's (related units, same place)."""
        for role in set(a.roles) & set(b.roles):
            mine, theirs = a.roles[role], b.roles[role]
            if not mine or not theirs or role == "place":
                continue
            if any(self.related(x, y) for x in mine for y in theirs):
                continue
            places = ({self.within(x) for x in mine} | set(mine)) - {None}
            if any(self.within(y) in places or y in places for y in theirs):
                continue
            return False
        return True

    @staticmethod
    def _same_kind(a: StoryEvent, b: StoryEvent) -> bool:
        """Same type; or a withdrawal and a handover told in one sentence (one place given up, seen as
        leaving and as handing over: "أعلن انسحابه من المستودعات بعد تسليمها إلى قوة الفجر")."""
        if a.type == b.type:
            return True
        return {a.type, b.type} == _GIVING_UP and a.first.sentence == b.first.sentence

    def merge(self) -> None:
        """An incomplete telling joins the nearest telling of the same event that has what it lacks."""
        for n, ev in enumerate(self.events):
            lacking = self.missing(n)
            spec = self.lex.types[ev.type]
            if not lacking or spec.merge != "article" or n in self.merged:
                continue
            best: tuple[int, int] | None = None
            for k, other in enumerate(self.events):
                if k == n or k in self.merged or not self._same_kind(ev, other):
                    continue
                if other.status != ev.status and {other.status, ev.status} - _COMPATIBLE:
                    continue
                if not any(len(other.roles.get(c.role, ())) > len(ev.roles.get(c.role, ())) for c in lacking):
                    continue
                if not self._agree(ev, other):
                    continue
                distance = abs(other.first.trigger - ev.first.trigger)
                if best is None or distance < best[0]:
                    best = (distance, k)
            if best is None:
                continue
            k = best[1]
            target = self.events[k]
            target.mentions = sorted([*target.mentions, *ev.mentions], key=lambda m: m.trigger)
            for m in ev.mentions:
                target.add_roles(m)
            for role, values in ev.roles.items():
                bucket = target.roles.setdefault(role, [])
                bucket.extend(v for v in values if v not in bucket)
            target.denies.extend(d for d in ev.denies if d not in target.denies)
            if ev.status == "asserted":
                target.status = "asserted"
            if ev.type != target.type and target.roles.get("beneficiary") and _HANDOVER in self.lex.types:
                target.type = _HANDOVER  # "انسحابه من X بعد تسليمها إلى Y": given up, and to Y
            self.merged[n] = k
            for other in self.events:  # who denied the merged telling denies the event it joined
                if n in other.denies:
                    other.denies = [k if d == n else d for d in other.denies]
                    other.denies = list(dict.fromkeys(other.denies))

    def fill(self) -> None:
        """Roles taken from what a pronoun points at ("انسحبت منها"), else from the event this one
        continues (``fill`` in the type's data)."""
        for n, ev in enumerate(self.events):
            if n in self.merged:
                continue
            rules = self.lex.types[ev.type].fill
            for c in self.missing(n):
                pointed = [m.pronoun_roles[c.role] for m in ev.mentions if c.role in m.pronoun_roles]
                pointed = [v for v in dict.fromkeys(pointed) if c.accepts(self.kind(v))]
                if pointed:
                    ev.roles.setdefault(c.role, []).extend(pointed)
                    for m in ev.mentions:
                        m.rule += f"+fill:{c.role}-from-pronoun"
                    continue
                if c.role == "target" and ev.type == "Withdrawal" and self.fill_lost_area(n, c):
                    continue
                if c.role == "target" and ev.type == "Seizure" and self.fill_handed_over(n, c):
                    continue
                rule = rules.get(c.role)
                if rule is None or ev.anchors_later:
                    # "a day after the SDF withdrew": what happened before continues nothing told before it
                    continue
                source_type, source_role, match_role = rule
                mine = ev.roles.get(match_role, [])
                for k in range(len(self.events) - 1, -1, -1):
                    src = self.events[k]
                    if (
                        k == n
                        or k in self.merged
                        or src.type != source_type
                        or src.status != "asserted"
                        or src.first.trigger >= ev.first.trigger
                    ):
                        continue
                    theirs = src.roles.get(match_role, [])
                    if not mine or not any(self.related(x, y) for x in mine for y in theirs):
                        continue
                    values = [v for v in src.roles.get(source_role, []) if c.accepts(self.kind(v))]
                    if values:
                        ev.roles.setdefault(c.role, []).extend(values)
                        for m in ev.mentions:
                            m.rule += f"+fill:{c.role}-from-{source_type}"
                        break

    def fill_lost_area(self, n: int, c: CoreRole) -> bool:
        """ "سيطر الحوثيون على مقر ... في مديرية حيس، في حين انسحبت القوات الحكومية باتجاه الخوخة": a
        withdrawal toward somewhere that names no place it left is a withdrawal from the area of the
        latest asserted seizure by another actor (its ``place``). Without one it stays incomplete."""
        ev = self.events[n]
        if not any("+toward" in m.rule for m in ev.mentions):
            return False
        mine = set(ev.roles.get("agent", []))
        for k in range(n - 1, -1, -1):
            src = self.events[k]
            if k in self.merged or src.type != "Seizure" or src.status != "asserted":
                continue
            if src.first.trigger >= ev.first.trigger or mine & set(src.roles.get("agent", [])):
                continue
            areas = [v for v in src.roles.get("place", []) if self.kind(v) == "Place" and c.accepts("Place")]
            if not areas:
                return False
            ev.roles.setdefault(c.role, []).extend(areas)
            for m in ev.mentions:
                m.rule += "+fill:target-from-lost-area"
            return True
        return False

    def fill_handed_over(self, n: int, c: CoreRole) -> bool:
        """ "أخلت قوات X مواقعها في A وB، لتتسلمها قوات Y": a taking-over in the sentence of a
        withdrawal by another actor, naming nothing it took, takes what was left."""
        ev = self.events[n]
        mine = set(ev.roles.get("agent", []))
        for k in range(n - 1, -1, -1):
            src = self.events[k]
            if src.first.sentence != ev.first.sentence:
                break
            if k in self.merged or src.type != "Withdrawal" or src.status != "asserted":
                continue
            if mine & set(src.roles.get("agent", [])):
                return False
            values = [v for v in src.roles.get("target", []) if c.accepts(self.kind(v))]
            if not values:
                return False
            ev.roles.setdefault(c.role, []).extend(values)
            for m in ev.mentions:
                m.rule += "+fill:target-from-handover"
            return True
        return False

    # --- 3. drop -------------------------------------------------------------------------------
    def drop(self) -> Completion:
        dropped: dict[int, str] = {}
        # denials last: whether they deny anything depends on what else is dropped
        order = sorted(
            range(len(self.events)),
            key=lambda n: any(c.role == DENIES for c in self.lex.types[self.events[n].type].core),
        )
        for n in order:
            if n in self.merged:
                continue
            ev = self.events[n]
            ev.denies = [d for d in ev.denies if d not in dropped and d not in self.merged]
            lacking = self.missing(n)
            if lacking:
                reason = f"{ev.type} without {', '.join(_describe(c) for c in lacking)}"
                if all(m.backref for m in ev.mentions):
                    reason += " (a back-reference, 'after/before X', to an event this article does not tell)"
                dropped[n] = reason
        index: dict[int, int] = {}
        kept: list[StoryEvent] = []
        for n, ev in enumerate(self.events):
            if n not in self.merged and n not in dropped:
                index[n] = len(kept)
                kept.append(ev)
        for n, k in self.merged.items():
            while k in self.merged:
                k = self.merged[k]
            if k in index:
                index[n] = index[k]
        for ev in kept:
            ev.denies = list(dict.fromkeys(index[d] for d in ev.denies if d in index))
        diagnostics = [
            Diagnostic(
                self.events[n].type,
                self.events[n].first.trigger,
                self.events[n].first.sentence,
                reason,
                "+".join(dict.fromkeys(m.rule for m in self.events[n].mentions)),
            )
            for n, reason in sorted(dropped.items())
        ]
        return Completion(kept, index, diagnostics)


def complete(
    events: list[StoryEvent],
    lex: Lexicon,
    kind: Callable[[str], str | None],
    related: Callable[[str, str], bool],
    within: Callable[[str], str | None],
) -> Completion:
    """Clean, fill from coreference, then drop what is still incomplete (see the module docstring)."""
    c = _Completer(events, lex, kind, related, within)
    c.clean()
    c.merge()
    c.fill()
    return c.drop()
