"""The story of an article: mentions merged into events, events linked, timed and ordered.

One event is often told several times (the storming in paragraph 1 and the control \"وكانت ... قد
سيطرت\" in paragraph 3; three mentions of one siege). Mentions merge when the type's ``merge`` scope
allows it and their status, agents and targets are compatible (an agent may be a unit of the other:
the 4th Division is part of the government forces). Events are linked by ``رداً على`` (in response
to), ``جاءت بعد`` (outcome) and ``بعد``/``قبل`` (order), timed by the temporal tagger (an asserted
event without a time expression defaults to the publication date), and ordered as told, except where
the text says otherwise (\"بعد ساعات من اقتحامها\", the pluperfect).
"""

from __future__ import annotations

import bisect
import heapq
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Protocol

from conflictkg.extract.frames import Diagnostic, complete
from conflictkg.extract.lexicon import Lexicon
from conflictkg.extract.patterns import AGENT_ROLES, EventMention, Sentence
from conflictkg.extract.tokenize import Token
from conflictkg.facts import When

__all__ = ["Story", "StoryEvent", "TimeLike", "tell"]

_TARGET_ROLES = ("target", "besieged")
_COMPATIBLE_STATUS = {frozenset({"asserted"}), frozenset({"asserted", "reported"}), frozenset({"reported"})}


class TimeLike(Protocol):
    """The shape of a temporal tagger's mention (``extract.temporal.TimeMention``)."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def text(self) -> str: ...
    @property
    def when(self) -> When: ...
    @property
    def relation(self) -> str: ...


@dataclass(slots=True)
class StoryEvent:
    """Mentions merged into one event, with its links and place in the story."""

    type: str
    mentions: list[EventMention]
    status: str
    roles: dict[str, list[str]] = field(default_factory=dict)
    time: When | None = None
    time_rule: str = ""
    denies: list[int] = field(default_factory=list)
    in_response_to: list[int] = field(default_factory=list)
    outcome: list[int] = field(default_factory=list)
    seq: int = 0

    @property
    def first(self) -> EventMention:
        return self.mentions[0]

    @property
    def primary(self) -> EventMention:
        """The mention that says most (its evidence and trigger represent the event)."""
        return max(self.mentions, key=lambda m: (sum(len(v) for v in m.roles.values()), -m.trigger))

    def add_roles(self, m: EventMention) -> None:
        for role, values in m.roles.items():
            bucket = self.roles.setdefault(role, [])
            bucket.extend(v for v in values if v not in bucket)


@dataclass
class Story:
    events: list[StoryEvent]
    before: list[tuple[int, int]]
    #: mentions and events found but not emitted (incomplete frames), with the reason
    dropped: list[Diagnostic] = field(default_factory=list)


def _related(a: str, b: str, ancestors: Callable[[str], list[str]]) -> bool:
    return a == b or a in ancestors(b) or b in ancestors(a)


def _compatible(
    ev: StoryEvent,
    m: EventMention,
    lex: Lexicon,
    ancestors: Callable[[str], list[str]],
    within: Callable[[str], str | None],
) -> bool:
    spec = lex.types[m.type]
    if ev.type != m.type or m.dropped or m.distinct or any(x.distinct for x in ev.mentions):
        return False
    last = ev.mentions[-1]
    if spec.merge == "sentence" and last.sentence != m.sentence:
        return False
    if spec.merge == "clause" and not (
        last.sentence == m.sentence and last.trigger < m.trigger <= last.window_end
    ):
        return False
    if frozenset({ev.status, m.status}) not in _COMPATIBLE_STATUS and ev.status != m.status:
        return False
    if ev.status in ("denied", "negated") or m.status in ("denied", "negated"):
        return spec.merge != "article" and ev.status == m.status
    mine = [v for r in AGENT_ROLES for v in ev.roles.get(r, [])]
    theirs = [v for r in AGENT_ROLES for v in m.roles.get(r, [])]
    if mine and theirs and not any(_related(a, b, ancestors) for a in mine for b in theirs):
        return False
    t1 = [v for r in _TARGET_ROLES for v in ev.roles.get(r, [])]
    t2 = [v for r in _TARGET_ROLES for v in m.roles.get(r, [])]
    if ev.status != m.status and not (t1 and t2):
        return False  # a reported mention joins an asserted event only when their targets meet
    if spec.merge == "article" and t1 and t2 and not set(t1) & set(t2):
        w1 = {within(v) for v in t1} - {None}
        w2 = {within(v) for v in t2} - {None}
        if not (w1 and w1 == w2):
            return False
    return True


def _refers_to(ev: StoryEvent, m: EventMention, ancestors: Callable[[str], list[str]]) -> bool:
    """Whether a back-reference ("بعد ساعات من اقتحامها") can be this already told event."""
    if ev.status not in ("asserted", "reported") or m.status not in ("asserted", "reported"):
        return False
    if m.distinct or any(x.distinct for x in ev.mentions):
        return False
    if m.anaphoric and not m.backref:
        return ev.first.trigger < m.trigger  # "الحصار": the latest siege told before
    mine = [v for r in AGENT_ROLES for v in ev.roles.get(r, [])]
    theirs = [v for r in AGENT_ROLES for v in m.roles.get(r, [])]
    if mine and theirs and not any(_related(a, b, ancestors) for a in mine for b in theirs):
        return False
    t1 = {v for r in _TARGET_ROLES for v in ev.roles.get(r, [])}
    t2 = {v for r in _TARGET_ROLES for v in m.roles.get(r, [])}
    return not (t1 and t2) or bool(t1 & t2)


def tell(
    mentions: Sequence[EventMention],
    toks: Sequence[Token],
    sentences: Sequence[Sentence],
    lex: Lexicon,
    times: Sequence[TimeLike],
    published: date | None,
    ancestors: Callable[[str], list[str]],
    within: Callable[[str], str | None],
    kind: Callable[[str], str | None] = lambda _: None,
) -> Story:
    """Merge, complete, link, time and order the mentions of one article.

    ``kind`` gives an entity's type (Actor, Facility, Place): core roles are typed.
    """
    events: list[StoryEvent] = []
    owner_of: dict[int, int] = {}
    of_type: dict[str, list[int]] = {}
    backrefs: list[int] = []
    for idx, m in enumerate(mentions):
        if m.dropped:
            continue
        if m.backref or (
            m.anaphoric and any(events[k].status == "asserted" for k in of_type.get(m.type, []))
        ):
            backrefs.append(idx)  # "بعد يومين من سيطرتها", "الحصار": attached once every telling is known
            continue
        candidates = of_type.setdefault(m.type, [])
        n = next((k for k in candidates if _compatible(events[k], m, lex, ancestors, within)), None)
        if n is None:
            n = len(events)
            events.append(StoryEvent(m.type, [], m.status))
            candidates.append(n)
        elif m.status == "asserted":
            events[n].status = "asserted"
        events[n].mentions.append(m)
        events[n].add_roles(m)
        owner_of[idx] = n
    for idx in backrefs:
        m = mentions[idx]
        candidates = of_type.setdefault(m.type, [])
        told = [k for k in candidates if _refers_to(events[k], m, ancestors)]
        if told:
            n = min(
                told,
                key=lambda k: (events[k].first.trigger > m.trigger, abs(events[k].first.trigger - m.trigger)),
            )
        else:
            n = len(events)
            events.append(StoryEvent(m.type, [], m.status))
            candidates.append(n)
        events[n].mentions.append(m)
        events[n].mentions.sort(key=lambda x: x.trigger)
        if m.anaphoric and told:
            # told again: what the retelling adds fills only what the event does not say yet
            m.roles = {r: v for r, v in m.roles.items() if not events[n].roles.get(r)}
        events[n].add_roles(m)
        owner_of[idx] = n
    for idx, m in enumerate(mentions):
        if m.scoped_by is not None and m.status == "denied" and idx in owner_of and m.scoped_by in owner_of:
            denial = events[owner_of[m.scoped_by]]
            if owner_of[idx] not in denial.denies:
                denial.denies.append(owner_of[idx])
    done = complete(events, lex, kind, lambda a, b: _related(a, b, ancestors), within)
    events = done.events
    owner_of = {idx: done.index[n] for idx, n in owner_of.items() if n in done.index}
    by_trigger = _Triggers({m.trigger: owner_of[i] for i, m in enumerate(mentions) if i in owner_of})
    before: list[tuple[int, int]] = []
    _links(events, by_trigger, toks, sentences, lex, before)
    _times(events, by_trigger, toks, sentences, times, published, before)
    _pluperfect(events, before)
    _order(events, before)
    return Story(events, before, done.dropped)


class _Triggers(dict[int, int]):
    """Trigger token -> event index, with ordered range lookups (bisect, not scans)."""

    def __init__(self, mapping: dict[int, int]) -> None:
        super().__init__(mapping)
        self.positions = sorted(mapping)

    def last_in(self, lo: int, hi: int) -> int | None:
        """The last trigger position in ``lo <= t < hi``."""
        k = bisect.bisect_left(self.positions, hi) - 1
        return self.positions[k] if k >= 0 and self.positions[k] >= lo else None

    def first_in(self, lo: int, hi: int) -> int | None:
        """The first trigger position in ``lo <= t < hi``."""
        k = bisect.bisect_left(self.positions, lo)
        return self.positions[k] if k < len(self.positions) and self.positions[k] < hi else None

    def between(self, lo: int, hi: int) -> list[int]:
        return self.positions[bisect.bisect_left(self.positions, lo) : bisect.bisect_left(self.positions, hi)]


def _mention_before(by_trigger: _Triggers, s: Sentence, r: int) -> int | None:
    t = by_trigger.last_in(s.start, r)
    return by_trigger[t] if t is not None else None


def _mention_after(by_trigger: _Triggers, s: Sentence, r: int, reach: int = 6) -> int | None:
    t = by_trigger.first_in(r, min(s.stop, r + reach))
    return by_trigger[t] if t is not None else None


def _seq_at(
    toks: Sequence[Token], i: int, seqs: Mapping[str, Sequence[tuple[str, ...]]], stop: int
) -> int | None:
    for seq in seqs.get(toks[i].key, ()):
        if i + len(seq) <= stop and all(toks[i + n].key == w for n, w in enumerate(seq)):
            return i + len(seq)
    return None


def _links(
    events: list[StoryEvent],
    by_trigger: _Triggers,
    toks: Sequence[Token],
    sentences: Sequence[Sentence],
    lex: Lexicon,
    before: list[tuple[int, int]],
) -> None:
    response = lex.by_first.get("response_markers", {})
    outcome = lex.by_first.get("outcome_markers", {})
    skip = lex.words["anteriority_skip"]
    for s in sentences:
        for r in range(s.start, s.stop):
            end = _seq_at(toks, r, response, s.stop)
            if end is not None:
                stimulus = _mention_after(by_trigger, s, end)
                responders = _segment_before(by_trigger, toks, s, r)
                for ev in responders:
                    if stimulus is not None and ev != stimulus and stimulus not in events[ev].in_response_to:
                        events[ev].in_response_to.append(stimulus)
                        before.append((stimulus, ev))
                continue
            end = _seq_at(toks, r, outcome, s.stop)
            if end is not None:
                cause = _mention_after(by_trigger, s, end)
                result = _mention_before(by_trigger, s, r)
                if cause is not None and result is not None and cause != result:
                    if result not in events[cause].outcome:
                        events[cause].outcome.append(result)
                    before.append((cause, result))
                continue
            key = toks[r].key
            if key in lex.words["after_markers"] or key in lex.words["before_markers"]:
                if r > s.start and toks[r - 1].key in ("من", "الا"):
                    continue
                k = r + 1
                while k < s.stop and toks[k].key in skip:
                    k += 1
                ref = by_trigger.get(k)
                clause = _mention_before(by_trigger, s, r)
                if ref is None or clause is None or ref == clause:
                    continue
                pair = (ref, clause) if key in lex.words["after_markers"] else (clause, ref)
                before.append(pair)
                # "وجاء الانسحاب بعد مفاوضات", "الانسحاب جاء بعد ...": the earlier event's outcome
                last = by_trigger.last_in(s.start, r)
                clause_at = last if last is not None else r
                near = range(max(s.start, clause_at - 2), r)
                outcome_verb = any(lex.has("outcome_verbs", toks[t].key) for t in near)
                if key in lex.words["after_markers"] and outcome_verb and clause not in events[ref].outcome:
                    events[ref].outcome.append(clause)


def _segment_before(by_trigger: _Triggers, toks: Sequence[Token], s: Sentence, r: int) -> list[int]:
    """Events of the clause right before position ``r`` (skipping the comma just before it)."""
    j = r - 1
    while j >= s.start and (toks[j].is_punct or toks[j].clitic):
        j -= 1
    a = j
    while a > s.start and toks[a - 1].text not in ("،", ","):
        a -= 1
    found = sorted({by_trigger[t] for t in by_trigger.between(a, j + 1)})
    if found:
        return found
    prev = _mention_before(by_trigger, s, r)
    return [prev] if prev is not None else []


def _times(
    events: list[StoryEvent],
    by_trigger: _Triggers,
    toks: Sequence[Token],
    sentences: Sequence[Sentence],
    times: Sequence[TimeLike],
    published: date | None,
    before: list[tuple[int, int]],
) -> None:
    starts = [t.start for t in toks]
    sentence_starts = [s.start for s in sentences]
    for tm in times:
        idx = _token_at(starts, tm.start)
        k = bisect.bisect_right(sentence_starts, idx) - 1
        if k < 0 or not sentences[k].start <= idx < sentences[k].stop:
            continue
        s = sentences[k]
        end = _token_at(starts, max(tm.end - 1, tm.start)) + 1
        inside = [t for t in by_trigger.between(idx, end) if toks[t].end <= tm.end]
        owner = _mention_before(by_trigger, s, idx)
        if owner is None:
            # "أعلنت الجماعة، الأربعاء، سيطرتها": a time before the first event of its sentence
            t = by_trigger.first_in(idx + 1, min(s.stop, idx + 6))
            owner = by_trigger[t] if t is not None else None
        if owner is None:
            continue
        ev = events[owner]
        if ev.time is None:
            ev.time = When(tm.when.earliest, tm.when.latest, tm.text)
            ev.time_rule = f"time:tagger:{tm.relation}"
        for t in inside:
            ref = by_trigger[t]
            if ref != owner:
                before.append((ref, owner) if tm.relation == "after" else (owner, ref))
    for ev in events:
        if (
            ev.time is None
            and published is not None
            and ev.status == "asserted"
            and ev.type not in ("Promise",)
        ):
            ev.time = When(published, published, None)
            ev.time_rule = "time:default-publication-date"


def _token_at(starts: Sequence[int], offset: int) -> int:
    lo, hi = 0, len(starts)
    while lo < hi:
        mid = (lo + hi) // 2
        if starts[mid] <= offset:
            lo = mid + 1
        else:
            hi = mid
    return max(lo - 1, 0)


#: How many sentences back a pluperfect reaches: it is background to what was just told.
PLUPERFECT_REACH = 3


def _pluperfect(events: list[StoryEvent], before: list[tuple[int, int]]) -> None:
    """A pluperfect event happened before the events told just ahead of it."""
    for n, ev in enumerate(events):
        plu = [m for m in ev.mentions if m.pluperfect]
        if not plu:
            continue
        first = min(plu, key=lambda m: m.trigger)
        for k, other in enumerate(events):
            told = other.first
            if (
                k != n
                and told.trigger < first.trigger
                and first.sentence - told.sentence <= PLUPERFECT_REACH
                and other.status == "asserted"
            ):
                before.append((n, k))


def _order(events: list[StoryEvent], before: list[tuple[int, int]]) -> None:
    """``seq``: a topological order of the constraints, ties (and cycles) broken by text order."""
    n = len(events)
    succ: dict[int, set[int]] = {i: set() for i in range(n)}

    def reaches(a: int, b: int) -> bool:
        todo, seen = [a], set()
        while todo:
            x = todo.pop()
            if x == b:
                return True
            if x not in seen:
                seen.add(x)
                todo.extend(succ[x])
        return False

    for a, b in before:
        if a != b and not reaches(b, a):
            succ[a].add(b)
    indeg = {i: 0 for i in range(n)}
    for a in succ:
        for b in succ[a]:
            indeg[b] += 1
    ready = [(events[i].first.trigger, i) for i in range(n) if indeg[i] == 0]
    heapq.heapify(ready)
    seq = 1
    while ready:
        _, i = heapq.heappop(ready)
        events[i].seq = seq
        seq += 1
        for b in succ[i]:
            indeg[b] -= 1
            if indeg[b] == 0:
                heapq.heappush(ready, (events[b].first.trigger, b))
