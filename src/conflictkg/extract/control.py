"""Control and presence periods supported by one article (contract: docs/contracts.md).

- an asserted Seizure opens a period per seized facility or area for each agent (``started_by``);
- an asserted Withdrawal by the holder closes it (``ended_by``); so does a Handover, which also opens the
  receiver's (``beneficiary``) period, as does a withdrawal with a beneficiary; a withdrawal from a group
  (\"جميع الدوائر والمؤسسات ...\") closes every period the same agent opened in this article within
  the group's place, and the group's members become those facilities;
- \"تحت سيطرة X\" and \"لا تزال X تسيطر على\" give X a held period with neither event; forces besieged inside facilities
  (\"ما تبقى من عناصر قوات النظام في أفرع ...\") hold them;
- \"يبقى الميناء تحت سيطرتهم\": the held marker with a pronoun suffix gives the facility before it a held
  period of the actor the pronoun points back to: the agent of the latest event told before it;
- presence (\"القوات الروسية المتواجدة في مطار ...\") is ``kind="presence"``, never control;
- denied, negated, hypothetical and reported events open and close nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from conflictkg import iri as iris
from conflictkg.extract.lexicon import Lexicon
from conflictkg.extract.patterns import Sentence
from conflictkg.extract.phrases import Phrase
from conflictkg.extract.tokenize import Token
from conflictkg.facts import ControlPeriod, Entity, Event, Span, When

__all__ = ["HANDOVER", "derive_control"]

#: The event type of a handover (``facts.EVENT_TYPES``): it closes like a withdrawal and opens the receiver's.
HANDOVER = "Handover"


def derive_control(
    key: str,
    events: Sequence[Event],
    entities: dict[str, Entity],
    sentences: Sequence[Sentence],
    span_of: Callable[[Phrase], Span],
    lex: Lexicon,
    published: date | None,
    within: Callable[[str], str | None],
    groups: frozenset[str],
    *,
    still_held: Sequence[Event] = (),
    toks: Sequence[Token] = (),
) -> list[ControlPeriod]:
    """The periods of one article; events must already carry their final ids and ``seq``.

    ``still_held``: seizure mentions after "لا تزال" ("still holds"): they give held periods and are no events.
    ``toks``: the article's tokens, where a held marker with a pronoun suffix ("تحت سيطرتهم") is read.
    """
    periods: list[ControlPeriod] = []
    n = 0

    def new(
        holder: str, facility: str, *, presence: bool = False, evidence: Span | None = None
    ) -> ControlPeriod:
        nonlocal n
        n += 1
        p = ControlPeriod(iris.period_iri(key, n, presence=presence), holder, facility, evidence=evidence)
        if presence:
            p.kind = "presence"
        periods.append(p)
        return p

    for ev in sorted(events, key=lambda e: e.seq):
        if ev.status != "asserted":
            continue
        spec = lex.types.get(ev.type)
        # a handover (سلّم X الموقع إلى Y) ends the giver's control and starts the receiver's
        effect = "close" if ev.type == HANDOVER else spec.changes_control if spec is not None else None
        agents = [a for a in ev.roles.get("agent", []) if entities.get(a) and entities[a].type == "Actor"]
        targets = [t for t in ev.roles.get("target", []) if t in entities and entities[t].type != "Actor"]
        if effect == "open":
            for a in agents:
                for t in targets:
                    for f in _expand(entities[t]):
                        if not any(p.holder == a and p.facility == f and p.ended_by is None for p in periods):
                            p = new(a, f, evidence=ev.evidence)
                            p.started_by = ev.id
                            p.start = ev.time
        elif effect == "close":
            for a in agents:
                for t in targets:
                    ent = entities[t]
                    open_ = [
                        p for p in periods if p.holder == a and p.ended_by is None and p.kind == "control"
                    ]
                    if ent.members or t in groups:
                        place = within(t)
                        chosen = [p for p in open_ if place is None or within(p.facility) in (place, None)]
                        if not ent.members:
                            ent.members = [p.facility for p in chosen]
                        chosen = [p for p in chosen if p.facility in ent.members]
                    else:
                        chosen = [p for p in open_ if p.facility == t]
                    if not chosen and not ent.members:
                        # held since before this article (a place, or a group as a whole: "سلّمت نقاط
                        # التفتيش التابعة لها"): it ended the period, so it began by then
                        p = new(a, t, evidence=ev.evidence)
                        latest = ev.time.latest if ev.time is not None and ev.time.latest else published
                        p.start = When(None, latest, None) if latest is not None else None
                        chosen = [p]
                    for p in chosen:
                        p.ended_by = ev.id
                        p.end = ev.time
            # a handover (سلّم X الموقع إلى Y) ends X's control and starts the receiver's
            for b in _actors(ev, "beneficiary", entities):
                for t in targets:
                    for f in _expand(entities[t]):
                        if not any(p.holder == b and p.facility == f and p.ended_by is None for p in periods):
                            p = new(b, f, evidence=ev.evidence)
                            p.started_by = ev.id
                            p.start = ev.time
        elif ev.type == "Expulsion":
            # طرد X Y من T: the expelled armed actor's control of T ends, the expeller's starts
            expelled = _actors(ev, "patient", entities)
            # the site they were expelled from; the place it lies in only when no site is named
            # ("طردت X عناصر Y من مبنى المخفر في بلدة Z": the building, not the town)
            sites = [t for t in ev.roles.get("target", []) if t in entities and entities[t].type != "Actor"]
            areas = sites or [
                t for t in ev.roles.get("place", []) if t in entities and entities[t].type != "Actor"
            ]
            if expelled:
                for t in areas:
                    for y in expelled:
                        p = new(y, t, evidence=ev.evidence)
                        latest = ev.time.latest if ev.time is not None and ev.time.latest else published
                        p.start = When(None, latest, None) if latest is not None else None
                        p.ended_by = ev.id
                        p.end = ev.time
                    for a in agents:
                        if not any(p.holder == a and p.facility == t and p.ended_by is None for p in periods):
                            p = new(a, t, evidence=ev.evidence)
                            p.started_by = ev.id
                            p.start = ev.time
        elif ev.type == "Siege":
            held = [
                b for b in ev.roles.get("besieged", []) if entities.get(b) and entities[b].type == "Actor"
            ]
            places = [
                b for b in ev.roles.get("besieged", []) if entities.get(b) and entities[b].type == "Facility"
            ]
            for a in held:
                for f in places:
                    for m in _expand(entities[f]):
                        if not any(p.holder == a and p.facility == m for p in periods):
                            p = new(a, m, evidence=ev.evidence)
                            p.start = When(None, published, None)
                            p.end = When(published, None, None)

    def state_holding(holder: str, facility: str, evidence: Span | None) -> None:
        """A holding the article states ("تحت سيطرة X", "لا تزال X تسيطر", "الذي ظل تحت سيطرته"): a
        period of its own, or the statement of the period an event of the article opened or closed."""
        same = [p for p in periods if p.holder == holder and p.facility == facility and p.kind == "control"]
        if same:
            for p in same:
                if p.stated is None:
                    p.stated = evidence
            return
        p = new(holder, facility, evidence=evidence)
        p.stated = evidence
        p.start = When(None, published, None)
        p.end = When(published, None, None)

    for ev in still_held:
        for a in _actors(ev, "agent", entities):
            for t in ev.roles.get("target", []):
                if t not in entities or entities[t].type == "Actor":
                    continue
                for f in _expand(entities[t]):
                    state_holding(a, f, ev.evidence)
    for s in sentences:
        for ph in _all(s.phrases):
            holder = ph.holder.iri if ph.holder is not None else None
            if holder and ph.iri:
                state_holding(holder, ph.iri, span_of(ph))
            at = ph.presence.iri if ph.presence is not None else None
            if at and ph.iri and not any(p.holder == ph.iri and p.facility == at for p in periods):
                p = new(ph.iri, at, presence=True, evidence=span_of(ph))
                p.start = When(None, published, None)
                p.end = When(published, None, None)
    for holder, facility, evidence in _pronoun_held(toks, sentences, events, entities, span_of, lex):
        state_holding(holder, facility, evidence)
    return periods


def _negation(key: str, negations: frozenset[str]) -> bool:
    """A negation, also with the conjunction still attached ("ولم", "فلا")."""
    return key in negations or (key[:1] in ("و", "ف") and key[1:] in negations)


#: Pronoun held markers per lexicon (built once per loaded lexicon, not per article).
_MARKERS: dict[int, tuple[Lexicon, dict[tuple[str, ...], int]]] = {}


def _pronoun_markers(lex: Lexicon) -> dict[tuple[str, ...], int]:
    """Held markers whose last word takes a pronoun suffix ("تحت سيطرة" -> "تحت سيطرتهم", "سيطرتها"):
    the word sequences, built from the lexicon's ``held_markers`` and ``pronoun_suffixes``."""
    cached = _MARKERS.get(id(lex))
    if cached is not None and cached[0] is lex:
        return cached[1]
    out: dict[tuple[str, ...], int] = {}
    suffixes = lex.words.get("pronoun_suffixes", frozenset())
    for seq in lex.sequences.get("held_markers", ()):
        last = seq[-1]
        if not last.endswith("ه"):  # the folded ta marbuta of a noun ("سيطرة"): "سيطرت" + suffix
            continue
        for suffix in suffixes:
            out[(*seq[:-1], last[:-1] + "ت" + suffix)] = len(seq)
    _MARKERS[id(lex)] = (lex, out)
    return out


def _pronoun_held(
    toks: Sequence[Token],
    sentences: Sequence[Sentence],
    events: Sequence[Event],
    entities: dict[str, Entity],
    span_of: Callable[[Phrase], Span],
    lex: Lexicon,
) -> list[tuple[str, str, Span]]:
    """ "فيما يبقى ميناء الحديدة تحت سيطرتهم منذ سنوات": (holder, facility, evidence) for a facility or
    place right before a held marker whose noun carries a pronoun; the pronoun points back to the agent
    of the latest event told before the marker (any factuality: who is named, not what happened)."""
    if not toks:
        return []
    markers = _pronoun_markers(lex)
    if not markers:
        return []
    longest = max(len(k) for k in markers)
    negations = lex.words.get("negations", frozenset())
    still = lex.words.get("continuation_markers", frozenset())
    relatives = lex.words.get("held_relatives", frozenset())
    copulas = lex.words.get("held_copulas", frozenset()) | still
    told = sorted(
        (e.evidence.start, a) for e in events if e.evidence is not None for a in _actors(e, "agent", entities)
    )
    firsts = {seq[0] for seq in markers}  # a marker can start only at one of these words
    out: list[tuple[str, str, Span]] = []
    for s in sentences:
        by_end = {p.end: p for p in s.phrases if p.iri and p.iri in entities}
        for k in sorted(e for e in by_end if s.start <= e < s.stop):
            j, relative = _bridge(toks, k, s.stop, relatives, copulas)
            if j >= s.stop or toks[j].key not in firsts:
                continue  # no marker after the site (what follows would find no size either)
            size = next(
                (
                    n
                    for n in range(min(longest, s.stop - j), 0, -1)
                    if tuple(t.key for t in toks[j : j + n]) in markers
                ),
                None,
            )
            held = by_end[k]
            if (
                relative == "الذي"
                and toks[held.start].key.endswith("ه")
                and toks[held.start - 1].key in ("في", "ب")
            ):
                # "مبنى البريد في مدينة الزاوية، الذي ظل تحت سيطرتها": الذي does not agree with a feminine
                # head (ة): the site is the one the place phrase after في locates
                held = by_end.get(held.start - 1, held)
            if size is None or entities[held.iri or ""].type == "Actor":
                continue
            if any(
                _negation(toks[n].key, negations) and toks[n + 1].key not in still
                for n in range(max(s.start, held.start - 3), held.start)
            ):
                continue  # "ولم يعد المطار تحت سيطرتهم": no longer held ("لا يزال": still held)
            at = toks[j].start
            before = [a for start, a in told if start < at]
            if before and held.iri:
                out.append((before[-1], held.iri, span_of(held)))
    return out


def _bridge(
    toks: Sequence[Token], k: int, stop: int, relatives: frozenset[str], copulas: frozenset[str]
) -> tuple[int, str | None]:
    """Where a held marker after the site ending at ``k`` would start, and the relative pronoun passed:
    past closing quotes and, when one follows, a relative clause with its copula ("، الذي ظل", "التي
    كانت قد بقيت", "التي لا تزال"); right after the quotes, with no pronoun, when there is none."""
    j = k
    while j < stop and toks[j].is_quote:
        j += 1
    r = j + 1 if j < stop and toks[j].text in ("،", ",") else j
    if r >= stop or toks[r].key not in relatives:
        return j, None
    relative = toks[r].key
    r += 1
    while r < stop and (toks[r].key in copulas or toks[r].key in ("قد", "لا", "ما")):
        r += 1
    return r, relative


def _actors(ev: Event, role: str, entities: dict[str, Entity]) -> list[str]:
    """The fillers of ``role`` that are actors."""
    return [a for a in ev.roles.get(role, []) if entities.get(a) and entities[a].type == "Actor"]


def _expand(e: Entity) -> list[str]:
    return list(e.members) if e.members else [e.id]


def _all(phrases: Sequence[Phrase]) -> list[Phrase]:
    out: list[Phrase] = []
    for p in phrases:
        out.append(p)
        out.extend(_all([q for q in (*p.nested, p.owner, p.holder, p.presence) if q is not None]))
    return out
