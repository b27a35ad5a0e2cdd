"""The story of an article: mentions merged into events, events linked, timed and ordered.

One event is often told several times (the storming in paragraph 1 and the control \"وكانت ... قد
سيطرت\" in paragraph 3; three mentions of one siege; \"agreed to a ceasefire\": the verb and the noun of
one act). Mentions merge when the type's ``merge`` scope allows it and their status, agents and targets
are compatible (an agent may be a unit of the other: the 4th Division is part of the government forces).
A handover noun merges as a handover even when read as a withdrawal; a verbal noun whose agent was only
carried over from the clause before ("في عملية تسليم جرت ...") is kept apart by no agent; with no handover
told, such a noun after a taking-over is that taking-over seen from the giver's side.

Before merging, each mention's clause is read past its trigger's window: a handover's receiver after the
list of what was handed over (\"سلّمت ... A وB، إضافة إلى C، لقوات W\"), a unit's positions in villages
(the villages), the holder between \"لا تزال\" and the verb, the facility whose place was read; what is
agreed, promised or negotiated (\"اتفقا على سحب\") is planned; control a party says it still holds
itself is its claim; a target inside a later planned or negated act's window is that act's.

Events are linked by ``رداً على`` (in response to), ``جاءت بعد`` (outcome) and ``بعد``/``قبل`` (order), and
timed: each time expression goes to the nearest event of its clause (not past a relative clause or a
process that lasted, ``attachment_barriers``); after a conjunction it opens a clause whose event follows;
at the head of a sentence it covers every event of it; after a contrasting or source clause opener
(\"فيما\", \"while\", \"according to\") it is never the event's before the opener; a verb joined by و
to a dated verb, carrying its subject, shares its day (\"اقتحموا المبنى فجر السبت وطردوا حراسه\"); a
count from another event (\"بعد يومين من إغلاقه\", \"a day after the SDF withdrew\", \"two days later\") is solved against whichever of the two
is dated; an undated event right before a dated one (\"بعد انسحاب\") is told as the same day; an asserted
event still without a time defaults to the publication date. Events are ordered as told, except where
the text says otherwise (\"بعد ساعات من اقتحامها\", the pluperfect).
"""

from __future__ import annotations

import bisect
import heapq
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import pairwise
from typing import Protocol

from conflictkg.extract.frames import Diagnostic, complete
from conflictkg.extract.lexicon import Lexicon
from conflictkg.extract.patterns import AGENT_ROLES, VERB_SUFFIX_RULE, EventMention, Sentence
from conflictkg.extract.phrases import Phrase
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
    @property
    def delta(self) -> tuple[int | None, int | None] | None: ...


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
    #: told as the anchor of "a day after X", "بعد يومين من X": it happened before the event told
    #: around it, so it continues no event told before it (``frames.py`` fills nothing from those)
    anchors_later: bool = False

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


def _merge_kind(m: EventMention) -> str:
    """The type a mention merges as: a handover verb or noun is a handover even when it named no receiver
    and was read as a withdrawal ("سلّمت قسد الحقل إلى المجلس ... في عملية تسليم جرت بإشراف ...")."""
    if m.type == "Withdrawal" and any(w in m.rule for w in _HANDOVER_LEMMAS):
        return "Handover"
    return m.type


def _soft_agent(m: EventMention, toks: Sequence[Token], lex: Lexicon) -> bool:
    """A verbal noun whose agent was only carried over from the clause before ("وتسلّم مقاتلو المجلس
    الحقل، في عملية تسليم جرت ..."): the noun names the act, not who did it, so that agent is a guess that
    never keeps it apart from the event it retells, and yields to that event's own agent."""
    if "agent:carried-subject" not in m.rule or not 0 <= m.trigger < len(toks):
        return False
    form = lex.triggers.get(toks[m.trigger].key)
    return form is not None and form.pos == "noun"


def _compatible(
    ev: StoryEvent,
    m: EventMention,
    lex: Lexicon,
    ancestors: Callable[[str], list[str]],
    within: Callable[[str], str | None],
    soft: bool = False,
) -> bool:
    spec = lex.types[m.type]
    if _merge_kind(ev.first) != _merge_kind(m) or m.dropped or m.distinct:
        return False
    if any(x.distinct for x in ev.mentions):
        return False
    last = ev.mentions[-1]
    if _object_of(last, m, ev.status):
        return True
    if spec.merge == "sentence" and last.sentence != m.sentence:
        return False
    if spec.merge == "clause" and not (
        last.sentence == m.sentence and last.trigger < m.trigger <= last.window_end
    ):
        return False
    if frozenset({ev.status, m.status}) not in _COMPATIBLE_STATUS and ev.status != m.status:
        return False
    if ev.status in ("denied", "negated") or m.status in ("denied", "negated"):
        # one act told twice and denied once ("نفت ذلك"): its mentions are one denied event
        same_denial = m.scoped_by is not None and all(x.scoped_by == m.scoped_by for x in ev.mentions)
        return (spec.merge != "article" or same_denial) and ev.status == m.status
    mine = [v for r in AGENT_ROLES for v in ev.roles.get(r, [])]
    theirs = [] if soft else [v for r in AGENT_ROLES for v in m.roles.get(r, [])]
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


#: How many words after an act's verb the noun naming the same act may stand ("agreed, through Russian
#: mediation, to a ceasefire", "توصل الطرفان بعد ساعات إلى اتفاق").
OBJECT_REACH = 8


def _object_of(last: EventMention, m: EventMention, status: str) -> bool:
    """ "agreed to a ceasefire", "وقّع الطرفان اتفاقاً": a noun of the act's own type right after its verb,
    naming no participant of its own, is what the act produced: the same event (its status follows the
    verb's)."""
    return (
        status == "asserted"
        and last.status == "asserted"
        and last.sentence == m.sentence
        and 0 < m.trigger - last.trigger <= OBJECT_REACH
        and not any(m.roles.get(r) for r in AGENT_ROLES)
        # "سيطرت على A تمهيداً للسيطرة على B": a noun with a target of its own is another act
        and all(set(m.roles.get(r, ())) <= set(last.roles.get(r, ())) for r in _TARGET_ROLES)
        and m.status in ("asserted", "hypothetical")
        and not m.backref
    )


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
    *,
    barriers: frozenset[str] = frozenset(),
    openers: frozenset[str] = frozenset(),
) -> Story:
    """Merge, complete, link, time and order the mentions of one article.

    ``kind`` gives an entity's type (Actor, Facility, Place): core roles are typed. ``barriers``: word
    keys that put a time in a clause of its own, between it and the event before (``الذي``, ``استمرت``).
    ``openers``: word keys that open a contrasting or source clause (``فيما``, ``while``, ``according``):
    a time after one belongs to the event told after it, never to the one before.
    """
    _read_clauses(mentions, toks, sentences, lex)
    events: list[StoryEvent] = []
    owner_of: dict[int, int] = {}
    of_type: dict[str, list[int]] = {}
    backrefs: list[int] = []
    for idx, m in enumerate(mentions):
        if m.dropped:
            continue
        if m.backref or (
            m.anaphoric and any(events[k].status == "asserted" for k in of_type.get(_merge_kind(m), []))
        ):
            backrefs.append(idx)  # "بعد يومين من سيطرتها", "الحصار": attached once every telling is known
            continue
        candidates = of_type.setdefault(_merge_kind(m), [])
        soft = _soft_agent(m, toks, lex)
        n = next((k for k in candidates if _compatible(events[k], m, lex, ancestors, within, soft)), None)
        if n is None:
            n = len(events)
            events.append(StoryEvent(m.type, [], m.status))
            candidates.append(n)
        else:
            if m.status == "asserted":
                events[n].status = "asserted"
            if soft and any(events[n].roles.get(r) for r in AGENT_ROLES):
                m.roles = {r: v for r, v in m.roles.items() if r not in AGENT_ROLES}
            if m.type == "Handover":
                events[n].type = m.type  # told as a withdrawal, then as handed over to a receiver
        events[n].mentions.append(m)
        events[n].add_roles(m)
        owner_of[idx] = n
    for idx in backrefs:
        m = mentions[idx]
        candidates = of_type.setdefault(_merge_kind(m), [])
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
    events, owner_of = _transfer_nouns(events, owner_of, toks, lex, ancestors)
    starts = [t.start for t in toks] if times else []
    anchors = _anchors(mentions, toks, sentences, times, starts)
    for idx, n in owner_of.items():
        if mentions[idx].trigger in anchors:
            events[n].anchors_later = True
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
    just_before: list[tuple[int, int]] = []
    _links(events, by_trigger, toks, sentences, lex, before, just_before)

    def verb_at(k: int) -> bool:
        form = lex.triggers.get(toks[k].key)
        return form is not None and form.pos in ("verb", "past")

    _times(
        events,
        by_trigger,
        toks,
        sentences,
        times,
        published,
        before,
        barriers,
        just_before,
        starts,
        openers,
        verb_at,
    )
    _pluperfect(events, before)
    _order(events, before)
    return Story(events, before, done.dropped)


def _transfer_nouns(
    events: list[StoryEvent],
    owner_of: dict[int, int],
    toks: Sequence[Token],
    lex: Lexicon,
    ancestors: Callable[[str], list[str]],
) -> tuple[list[StoryEvent], dict[int, int]]:
    """ "سيطرت الهيئة على المقر، وقالت إن تسليم المقر جاء بالتراضي", "تسلّمت القوة المعبر، في عملية
    تسليم جرت بإشراف ...": a handover noun naming neither giver nor receiver, whose only agent is the one
    its clause carried over from the actor that took the place, is that taking-over seen from the other
    side: it joins the actor's latest seizure told before it (a handover told as such was merged before)."""
    gone: dict[int, int] = {}
    for n, ev in enumerate(events):
        if _merge_kind(ev.first) != "Handover" or ev.roles.get("beneficiary") or ev.roles.get("target"):
            continue
        if not all(_soft_agent(m, toks, lex) for m in ev.mentions):
            continue
        mine = ev.roles.get("agent", [])
        k = next(
            (
                k
                for k in range(n - 1, -1, -1)
                if k not in gone
                and events[k].type == "Seizure"
                and events[k].status == "asserted"
                and events[k].first.trigger < ev.first.trigger
                and any(_related(a, b, ancestors) for a in mine for b in events[k].roles.get("agent", []))
            ),
            None,
        )
        if k is None:
            continue
        for m in ev.mentions:
            m.rule += "+transfer-seen-from-the-giver"
        events[k].mentions = sorted([*events[k].mentions, *ev.mentions], key=lambda m: m.trigger)
        gone[n] = k
    if not gone:
        return events, owner_of
    index: dict[int, int] = {}
    kept: list[StoryEvent] = []
    for n, ev in enumerate(events):
        if n not in gone:
            index[n] = len(kept)
            kept.append(ev)
    owner_of = {idx: index[gone.get(n, n)] for idx, n in owner_of.items()}
    return kept, owner_of


# --- what a clause says beyond the trigger's window -----------------------------------------------------

#: Places too wide to be where a unit's positions were: a withdrawal from its positions there is no
#: withdrawal from the whole city or province.
_WIDE_PLACES = frozenset({"City", "Governorate", "Country", "Region"})
#: Withdrawals and handovers: the types that give up a place (a handover also names its receiver).
_GIVING_UP = ("Withdrawal", "Handover")
#: The clitic and prepositions that introduce a handover's receiver ("لقوات النظام", "to the army"); إلى
#: is keyed with its alef maqsura folded (الي).
_RECEIVER_MARKERS = frozenset({"ل", "لـ", "الى", "الي", "to", "لصالح"})
#: "لصالح X" (in favour of X) after the receiver's ل
_ON_BEHALF = frozenset({"صالح"})
#: A withdrawal with no handover verb names a receiver only this way ("انسحبت ... لصالح X").
_IN_FAVOUR = frozenset({"لصالح"})
#: Lemmas in a mention's rule that make it a handover ("trigger:Withdrawal:سلم", "en:...:hand").
_HANDOVER_LEMMAS = (":سلم", ":hand")
#: "التابعة ل X": X owns what comes before; it receives nothing.
_OWNER_WORDS = frozenset({"التابعه", "تابعه", "التابع", "تابع", "التابعين", "تابعين", "التابعون"})


def _read_clauses(
    mentions: Sequence[EventMention], toks: Sequence[Token], sentences: Sequence[Sentence], lex: Lexicon
) -> None:
    """Roles the trigger's own window misses, read from the rest of its clause (mentions are changed)."""
    _held_claims(mentions, toks, lex)
    _agreed_content(mentions, toks, lex)
    _coordinated_content(mentions, toks, lex)
    _pronoun_to_the_told_place(mentions, toks, sentences)
    _pronoun_to_the_told_list(mentions, toks)
    _object_suffix_to_the_told_site(mentions, toks, lex)
    _english_pluperfect(mentions, toks)
    _nearest_trigger_owns_target(mentions)
    for m in mentions:
        if m.dropped or m.sentence >= len(sentences):
            continue
        s = sentences[m.sentence]
        if m.type in _GENITIVE_AGENT_TYPES:
            _genitive_agent(m, toks, s, lex)
        if m.type in _GIVING_UP and m.status == "asserted":
            _positions_in_places(m, toks, s, lex)
            handover = m.type == "Handover" or any(w in m.rule for w in _HANDOVER_LEMMAS)
            _receiver_after_list(m, toks, s, lex, _RECEIVER_MARKERS if handover else _IN_FAVOUR)
        if m.status == "held":  # the holder after "لا تزال" outranks a subject carried over
            _holder_after_marker(m, toks, s, lex)
        if not m.roles.get("target") and m.roles.get("place"):
            _target_of_its_place(m, s, lex)


#: Types whose verbal noun takes its agent as the genitive right after it ("استيلاء قوات X على",
#: "انسحاب عناصر «X» منه", "تسليم قسد المواقع"); an expulsion's or a siege's genitive may be its patient.
_GENITIVE_AGENT_TYPES = frozenset({"Seizure", "Withdrawal", "Handover"})


def _genitive_agent(m: EventMention, toks: Sequence[Token], s: Sentence, lex: Lexicon) -> None:
    """ "أثار قيام القوة المشتركة بإغلاق الطريق ... بعد يومين من استيلاء قوات الدعم السريع على السوق",
    "بعد ساعات من انسحاب عناصر «حلف X» منه": the actor in the genitive of a verbal noun (past a member
    noun, "عناصر", "مقاتلي", and quote marks) is its agent, not the subject carried over from the clause
    before, nor a patient."""
    form = lex.triggers.get(toks[m.trigger].key)
    if form is None or form.pos != "noun" or m.rule.startswith("en:"):
        return
    if m.roles.get("agent") and "+agent:carried-subject" not in m.rule:
        return
    members = lex.words.get("member_constructs", frozenset())
    k = m.trigger + 1
    while k < s.stop and toks[k].is_quote:
        k += 1
    if k < s.stop and toks[k].key in members:
        k += 1
        while k < s.stop and toks[k].is_quote:
            k += 1
    quoted = k > m.trigger + 1 and toks[k - 1].is_quote
    close = next((j for j in range(k, min(s.stop, k + 8)) if toks[j].is_quote), k) if quoted else k
    # inside quotes the name may open with a word the chunker left out ("«حلف قبائل X»")
    actor = next((p for p in s.phrases if k <= p.start <= close and p.type == "Actor" and p.iri), None)
    if actor is None and k > m.trigger + 1:
        # the member noun read as part of the name ("عناصر «حلف X»")
        actor = next((p for p in s.phrases if p.start == m.trigger + 1 and p.type == "Actor" and p.iri), None)
    if actor is None or actor.iri is None or m.roles.get("agent") == [actor.iri]:
        return
    m.roles["agent"] = [actor.iri]
    for role in ("patient", "target"):
        if actor.iri in m.roles.get(role, ()):
            m.roles[role] = [v for v in m.roles[role] if v != actor.iri]
    m.rule += "+agent:genitive-of-verbal-noun"


def _target_of_its_place(m: EventMention, s: Sentence, lex: Lexicon) -> None:
    """ "نفت قسد الأنباء عن اقتحام عناصرها مبنى البلدية في مدينة منبج": a word between the trigger and
    its object hid the object, but its place was read; the facility located there, in the window, is
    the target the event's type needs."""
    core = (
        next((c for c in lex.types[m.type].core if c.role == "target"), None) if m.type in lex.types else None
    )
    if core is None:
        return
    places = set(m.roles["place"])
    found = [
        p.iri
        for p in s.phrases
        if p.iri
        and p.type == "Facility"
        and core.accepts(p.type)
        and m.trigger < p.start < m.window_end
        and p.loc is not None
        and p.loc.iri in places
    ]
    if len(found) == 1:
        m.roles["target"] = found
        m.rule += "+target-of-its-place"


#: Acts whose content is another act, not yet done: agreeing on it, promising it, negotiating about it.
_CONTENT_TAKERS = frozenset({"Agreement", "Promise", "Negotiation"})
#: The prepositions that introduce that content ("اتفقا على سحب", "agreed on the withdrawal").
_CONTENT_PREPOSITIONS = frozenset({"علي", "حول", "بشان", "بخصوص", "on", "to", "about", "over"})
_DETERMINERS = frozenset({"the", "a", "an", "its", "their", "his", "her", "any", "full"})
_POSSESSIVE = frozenset({"'s", "’s", "'", "’", "s"})
#: How far the content may stand from the act that takes it, and its preposition from its trigger.
CONTENT_REACH = 24
PREPOSITION_REACH = 4


def _agreed_content(mentions: Sequence[EventMention], toks: Sequence[Token], lex: Lexicon) -> None:
    """ "اتفقت الحشد والبيشمركة على سحب قواتهما", "وعدت X بالانسحاب", "failed to agree on the RSF's
    withdrawal": what is agreed, promised or negotiated has not happened: it is planned (negated when the agreement is),
    and so opens and closes no control."""
    takers = [m for m in mentions if m.type in _CONTENT_TAKERS and not m.dropped]
    if not takers:
        return
    for m in mentions:
        if m.type in _CONTENT_TAKERS or m.status != "asserted" or m.dropped:
            continue
        spec = lex.types.get(m.type)
        if spec is None or spec.speech:
            continue
        taker = next(
            (
                a
                for a in reversed(takers)
                if a.sentence == m.sentence and 0 < m.trigger - a.trigger <= CONTENT_REACH
            ),
            None,
        )
        if taker is None:
            continue
        promised = taker.type == "Promise" and toks[m.trigger - 1].clitic and toks[m.trigger - 1].key == "ب"
        if promised or _introduced_by_content_preposition(toks, taker.trigger + 1, m.trigger):
            m.status = "negated" if taker.status == "negated" else "hypothetical"
            m.rule += f"+content-of-{taker.type}"


#: The conjunctions that join a second infinitive or verbal noun to the first ("to withdraw ... and hand").
_CONJUNCTIONS = frozenset({"و", "and"})
#: Statuses that an act which has not happened passes on to the act joined to it.
_UNREALISED = frozenset({"hypothetical", "negated"})


def _coordinated_content(mentions: Sequence[EventMention], toks: Sequence[Token], lex: Lexicon) -> None:
    """ "agreed to withdraw from the district and hand the checkpoint to X", "تعتزم القوات الانسحاب من
    البلدة وتسليم مواقعها", "لم تتمكن من اقتحام الحي وطرد عناصره": a bare infinitive or verbal noun joined
    by "and"/و to a planned or negated one is the same unrealised content (a finite verb after و, "وسيطرت",
    "and took over", tells an act of its own and keeps its status)."""
    openers = lex.words.get("clause_openers", frozenset())
    last: EventMention | None = None
    for m in mentions:
        if m.dropped:
            continue
        spec = lex.types.get(m.type)
        if spec is None or spec.speech:
            last = None
            continue
        a = last
        last = m
        if (
            a is None
            or a.sentence != m.sentence
            or a.status not in _UNREALISED
            or m.status != "asserted"
            or not 0 < m.trigger - a.trigger <= CONTENT_REACH
            or m.trigger < 1
            or toks[m.trigger - 1].key not in _CONJUNCTIONS
            or not _bare_form(m, toks, lex)
            or any(toks[k].key in openers for k in range(a.trigger + 1, m.trigger))
        ):
            continue
        m.status = a.status
        m.rule += "+joined-to-unrealised"


#: Words that may stand between "had" and its participle ("had already captured", "had been seized").
_BETWEEN_HAD = frozenset({"already", "been", "earlier", "just", "previously", "also", "briefly", "first"})


def _english_pluperfect(mentions: Sequence[EventMention], toks: Sequence[Token]) -> None:
    """ "pulled out of the outpost they had captured at dawn", "retook the base the group had seized in
    March": an English past perfect tells an event before the ones told ahead of it (as "كان ... قد"
    does in Arabic), so a withdrawal told first closes the control the earlier capture opened."""
    for m in mentions:
        if m.dropped or m.pluperfect or not m.rule.startswith("en:") or m.status != "asserted":
            continue
        k = m.trigger - 1
        while k >= 0 and k >= m.trigger - 3 and toks[k].key in _BETWEEN_HAD:
            k -= 1
        if k >= 0 and toks[k].sentence == toks[m.trigger].sentence and toks[k].key in ("had", "'d"):
            m.pluperfect = True
            m.rule += "+pluperfect:had"


#: How far after a told place a place may stand and still only describe it ("X، عاصمة Y", "X in Y").
DESCRIBER_REACH = 4


def _pronoun_to_the_told_place(
    mentions: Sequence[EventMention], toks: Sequence[Token], sentences: Sequence[Sentence]
) -> None:
    """ "دخل الجيش مدينة ود مدني، عاصمة ولاية الجزيرة، بعد انسحاب قوات الدعم السريع منها", "took the
    airport in X province after the militia withdrew from it": a pronoun's nearest antecedent that only
    describes or locates the place an earlier event of the sentence was about (right after it, in an
    apposition or a "في" phrase) is no antecedent of its own: the pronoun points at that place."""
    for m in mentions:
        if m.dropped or not m.pronoun_roles or m.sentence >= len(sentences):
            continue
        s = sentences[m.sentence]
        earlier = [
            e for e in mentions if e.sentence == m.sentence and e.trigger < m.trigger and not e.dropped
        ]
        if not earlier:
            continue
        triggers = {e.trigger for e in mentions if e.sentence == m.sentence}
        phrases = _all_phrases(s.phrases)
        for role, v in list(m.pronoun_roles.items()):
            p = max(
                (q for q in phrases if q.iri == v and q.end <= m.trigger), key=lambda q: q.start, default=None
            )
            if p is None:
                continue
            for e in earlier:
                told = [
                    q
                    for q in phrases
                    if q.iri
                    and q.iri != v
                    and q.iri in e.roles.get("target", ())
                    and q.end <= p.start <= q.end + DESCRIBER_REACH
                    and not any(q.end <= k < p.start for k in triggers)
                    and not any(toks[k].key in _DESCRIBER_BREAKS for k in range(q.end, p.start))
                ]
                if len(told) == 1 and told[0].type == p.type:
                    m.pronoun_roles[role] = told[0].iri or v
                    m.rule += "+pronoun-to-the-told-place"
                    break


#: A preposition with a feminine or dual pronoun: what it points at may be a whole list of sites (Arabic
#: refers to a plural of things with the feminine singular).
_LIST_PRONOUNS = frozenset(p + s for p in ("من", "علي", "في", "الي", "عن") for s in ("ها", "هما"))


def _pronoun_to_the_told_list(mentions: Sequence[EventMention], toks: Sequence[Token]) -> None:
    """ "سيطرت X على حقول A وB وC، بالإضافة إلى D، بعد انسحاب Y منها", "على A وB عقب انسحاب Y منهما":
    a pronoun whose antecedent is the last site of a list an earlier event of the sentence was about
    points at the whole list, not at its last item: the later event takes every site of it."""
    for m in mentions:
        v = m.pronoun_roles.get("target")
        if m.dropped or v is None or m.roles.get("target"):
            continue
        if not any(toks[k].key in _LIST_PRONOUNS for k in range(m.trigger + 1, min(m.window_end, len(toks)))):
            continue
        earlier = [
            e
            for e in mentions
            if e.sentence == m.sentence and e.trigger < m.trigger and not e.dropped and e is not m
        ]
        told = next((e for e in reversed(earlier) if len(e.roles.get("target", ())) > 1), None)
        if told is not None and told.roles["target"][-1] == v:
            m.roles["target"] = list(told.roles["target"])
            m.rule += "+pronoun-to-the-told-list"


def _object_suffix_to_the_told_site(
    mentions: Sequence[EventMention], toks: Sequence[Token], lex: Lexicon
) -> None:
    """ "انسحب الجيش من مقري A وB، بالإضافة إلى C، لتدخلها قوات X", "تسلّمت قوة مبنى A من Y، التي كانت قد
    أخلته": a verb's object pronoun stands for the sites the latest earlier event of its sentence was
    about (ها: the whole list; ه: its one site), not for the nearest place named (a town of the list)."""
    for m in mentions:
        if m.dropped or VERB_SUFFIX_RULE not in m.rule or m.roles.get("target"):
            continue
        if not any(c.role == "target" for c in lex.types[m.type].core):
            continue  # "حاصرتها": the besieged, read from the pronoun by frames.py
        told = next(
            (
                e
                for e in reversed(mentions)
                if e is not m
                and not e.dropped
                and e.sentence == m.sentence
                and e.trigger < m.trigger
                and e.roles.get("target")
            ),
            None,
        )
        if told is None:
            continue
        closes = lex.types[m.type].changes_control == "close"
        if closes and lex.types[told.type].changes_control == "close" and _shares_agent(told, m):
            # "أخلت X مقراتها وسلّمتها إلى Y": the handover retells the withdrawal (one event)
            m.pronoun_roles.pop("target", None)
            continue
        sites = told.roles["target"]
        if toks[m.trigger].key.endswith("ها") or len(sites) == 1:
            m.roles["target"] = list(sites)
            m.rule += "+object-suffix-to-the-told-site"


def _shares_agent(a: EventMention, b: EventMention) -> bool:
    """Whether two mentions name one agent (or neither names any: a subject carried over)."""
    ours, theirs = set(a.roles.get("agent", ())), set(b.roles.get("agent", ()))
    return not ours or not theirs or bool(ours & theirs)


#: Words that end the description of a place: a new clause or a list of places, not an apposition.
_DESCRIBER_BREAKS = frozenset(
    {"و", "and", "ثم", "then", "بعد", "after", "قبل", "before", "الذي", "التي", "which"}
)


def _all_phrases(phrases: Sequence[Phrase]) -> list[Phrase]:
    """The phrases of a sentence with those nested in them (a place inside an apposition or a "في" phrase)."""
    out: list[Phrase] = []
    for p in phrases:
        out.append(p)
        out.extend(_all_phrases([q for q in (*p.nested, p.loc) if q is not None]))
    return out


def _bare_form(m: EventMention, toks: Sequence[Token], lex: Lexicon) -> bool:
    """Whether the trigger is an infinitive (English: the lemma itself, "hand") or a verbal noun (Arabic)."""
    key = toks[m.trigger].key
    if m.rule.startswith("en:"):
        lemma = m.rule.split("+", 1)[0].rsplit(":", 1)[-1]
        return bool(lemma) and key == lemma.split()[0]
    form = lex.triggers.get(key)
    return form is not None and form.pos == "noun"


def _introduced_by_content_preposition(toks: Sequence[Token], lo: int, trigger: int) -> bool:
    """Arabic: the preposition right before the verbal noun ("على سحب", not "وعلى إثرها انسحبت");
    English: within a few words, past the possessor ("on the RSF's withdrawal")."""
    j = trigger - 1
    while j >= lo and toks[j].clitic:
        j -= 1
    if j >= lo and toks[j].key in _CONTENT_PREPOSITIONS:
        return True
    # English: "on the withdrawal", "on the RSF's withdrawal", "to its withdrawal"
    j = trigger - 1
    floor = max(lo, trigger - PREPOSITION_REACH - 1)
    while j >= floor and toks[j].key in _DETERMINERS:
        j -= 1
    if j >= floor + 1 and toks[j].key in _POSSESSIVE:
        j -= 2  # the possessor (one word, or a word after "the")
        while j >= floor and toks[j].key in _DETERMINERS:
            j -= 1
    return j >= floor and toks[j].key.isascii() and toks[j].key in _CONTENT_PREPOSITIONS


def _nearest_trigger_owns_target(mentions: Sequence[EventMention]) -> None:
    """ "سيطرت X على A وتخطط للسيطرة على B": when a verb's window runs over a later trigger of another
    factuality, what that trigger governs is its own: the planned, negated or denied act keeps B, and the
    asserted one, which would open control of it, loses it."""
    for a, b in pairwise(mentions):
        if (
            a.sentence != b.sentence
            or b.trigger >= a.window_end
            or a.status == b.status
            or a.status != "asserted"
            or a.dropped
            or b.dropped
        ):
            continue
        for role in _TARGET_ROLES:
            theirs = set(b.roles.get(role, ()))
            mine = a.roles.get(role, [])
            kept = [v for v in mine if v not in theirs]
            if theirs and kept and len(kept) < len(mine):
                a.roles[role] = kept
                a.rule += "+target-left-to-nearer-trigger"


def _held_claims(mentions: Sequence[EventMention], toks: Sequence[Token], lex: Lexicon) -> None:
    """ "نفت قوات الدعم السريع ذلك وقالت إنها لا تزال تسيطر على المقر": control a party says it still
    holds itself is its claim, not the outlet's account: no held period (what the other side concedes,
    "قال الجيش إن قوات الدعم السريع لا تزال تسيطر", is). (A relative clause that describes a
    place, "المدينة التي تسيطر عليها X", stays the outlet's background even inside a quote.)"""
    content = lex.words.get("content_markers", frozenset())
    continuation = lex.words.get("continuation_markers", frozenset())
    speech: list[EventMention] = []
    for m in mentions:
        spec = lex.types.get(m.type)
        if spec is not None and spec.speech:
            speech.append(m)
            continue
        if m.status != "held" or m.dropped:
            continue
        said = [x for x in speech if x.sentence == m.sentence and x.trigger < m.trigger]
        if not said:
            continue
        lo = said[-1].trigger
        told = any(toks[k].key in content for k in range(lo, m.trigger))
        marker = any(toks[k].key in continuation for k in range(max(lo, m.trigger - 7), m.trigger))
        # "قال الجيش إن قوات الدعم السريع لا تزال تسيطر": the other side's concession stays held
        own = set(m.roles.get("agent", ())) & set(said[-1].roles.get("speaker", ()))
        if told and marker and own:
            m.dropped = True
            m.rule += "+held-in-claim"


def _positions_in_places(m: EventMention, toks: Sequence[Token], s: Sentence, lex: Lexicon) -> None:
    """ "سلّمت قسد مواقعها في قرى A وB", "withdrew from its positions in X": the unit's positions in
    villages and neighbourhoods are those places, which it gives up (a city or province stays a place)."""
    places = m.roles.get("place")
    if not places:
        return
    at = next((k for k in range(m.trigger + 1, m.window_end) if lex.has("position_nouns", toks[k].key)), None)
    if at is None or any(p.start <= at < p.end and p.iri in m.roles.get("target", ()) for p in s.phrases):
        return  # "أخلت نقاطها في البلدة" read as facilities of their own: the place only locates them
    moved = [
        p.iri
        for p in s.phrases
        if p.iri in places and p.start > at and p.type == "Place" and p.subtype not in _WIDE_PLACES
    ]
    if not moved:
        return
    m.roles["place"] = [v for v in places if v not in moved]
    bucket = m.roles.setdefault("target", [])
    bucket.extend(v for v in moved if v not in bucket)
    m.rule += "+positions-in-place"


def _receiver_after_list(
    m: EventMention, toks: Sequence[Token], s: Sentence, lex: Lexicon, markers: frozenset[str]
) -> None:
    """ "سلّمت قسد مواقعها في A وB، إضافة إلى C، لقوات النظام": the receiver comes after the whole list
    of what was handed over, past the commas the trigger's window stops at: the first actor after ل/إلى
    in the rest of the sentence, before another clause opens (never the owner after "التابعة ل").
    A withdrawal that names no handover has a receiver only "لصالح" (in favour of) it."""
    if m.roles.get("beneficiary"):
        return
    by_start = {p.start: p for p in s.phrases}
    openers = lex.words.get("clause_openers", frozenset())
    for k in range(max(m.window_end, m.trigger + 1), s.stop):
        key = toks[k].key
        if k > m.window_end and key in openers:
            return
        if k > s.start and toks[k - 1].key in _OWNER_WORDS:
            continue  # "قوة أمنية تابعة لوزارة الداخلية": the owner, not the receiver
        favour = key == "ل" and k + 1 < s.stop and toks[k + 1].key in _ON_BEHALF
        if (
            key in markers
            or (favour and "لصالح" in markers)
            or (toks[k].clitic and key == "ل" and "ل" in markers)
        ):
            j = k + 1
            if j < s.stop and toks[j].key in _ON_BEHALF:
                j += 1  # "لصالح اللواء الثامن": in favour of
            while j < s.stop and toks[j].is_quote:
                j += 1
            p = by_start.get(j)
            if p is not None and p.type == "Actor" and p.iri:
                m.roles["beneficiary"] = [p.iri]
                m.rule += "+receiver-after-list"
                return


#: how many words may stand between a held control's holder and its trigger ("بقيادة خليفة حفتر تُحكم")
_HOLDER_REACH = 6


def _holder_after_marker(m: EventMention, toks: Sequence[Token], s: Sentence, lex: Lexicon) -> None:
    """ "لا تزال قوات النظام تسيطر على ...": the holder stands between the continuation marker and the verb,
    maybe with its commander and a support verb after it ("لا تزال قوات X بقيادة Y تُحكم قبضتها على")."""
    markers = lex.words.get("continuation_markers", frozenset())
    for p in s.phrases:
        if (
            p.type == "Actor"
            and p.iri
            and p.start > s.start
            and p.end <= m.trigger < p.end + _HOLDER_REACH
            and not any(toks[k].is_punct and not toks[k].is_quote for k in range(p.end, m.trigger))
        ):
            k = p.start - 1
            while k > s.start and toks[k].is_quote:
                k -= 1
            if toks[k].key in markers:
                m.roles["agent"] = [p.iri]
                m.rule += "+holder-after-continuation"
                return


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
    just_before: list[tuple[int, int]],
) -> None:
    """``in_response_to``, ``outcome`` and order from the markers between clauses; ``just_before`` gets
    the pairs "X بعد Y" with no time span between them (Y happened right before X)."""
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
                if key in lex.words["after_markers"] and k == r + 1:
                    just_before.append(pair)
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


#: How many words after a relative count ("a day after the SDF withdrew") its anchoring event may stand.
RELATIVE_REACH = 8
#: The words that join a relative count to the event it counts from inside its span ("من إغلاقه").
_ANCHOR_LINKS = frozenset({"من", "علي"})
#: Words of a count that is counted from the event told before it ("two days later", "بعد ذلك بيومين").
_COUNTED_FROM_BEFORE = frozenset({"later", "afterwards", "ذلك", "لاحقا"})
#: A time right before these words is the day of a speech act whose content follows ("said on Thursday that").
_SPEECH_CONTENT = frozenset({"that", "ان", "بان"})
#: A time after these is a deadline: the latest day ("by the end of the month", "بحلول نهاية الشهر").
_DEADLINES = frozenset({"by", "بحلول"})
#: The words that open a clause a count may head ("..., and two days later the RSF withdrew").
_CLAUSE_JOINERS = frozenset({"و", "and", "ثم", "then"})
#: How many words after a time that opens a clause ("أعلنت الجماعة، الأربعاء، سيطرتها") its event may stand.
FORWARD_REACH = 6


def _times(
    events: list[StoryEvent],
    by_trigger: _Triggers,
    toks: Sequence[Token],
    sentences: Sequence[Sentence],
    times: Sequence[TimeLike],
    published: date | None,
    before: list[tuple[int, int]],
    barriers: frozenset[str] = frozenset(),
    just_before: Sequence[tuple[int, int]] = (),
    starts: Sequence[int] = (),
    openers: frozenset[str] = frozenset(),
    lex_triggers: Callable[[int], bool] = lambda _k: False,
) -> None:
    """Each time expression goes to the nearest event of its clause; counts from another event
    ("بعد يومين من إغلاقه", "a day after the SDF withdrew", "two days later") are solved against that
    event's time; a time that opens a sentence covers every event of the sentence without one of its own;
    an asserted event still without a time falls back to the publication date. ``starts``: the tokens'
    start offsets (computed here when not given)."""
    starts = starts or [t.start for t in toks]
    sentence_starts = [s.start for s in sentences]
    relative: list[tuple[int, int, TimeLike]] = []
    fronted: dict[int, TimeLike] = {}
    for tm in times:
        idx = _token_at(starts, tm.start)
        k = bisect.bisect_right(sentence_starts, idx) - 1
        if k < 0 or not sentences[k].start <= idx < sentences[k].stop:
            continue
        s = sentences[k]
        end = _token_at(starts, max(tm.end - 1, tm.start)) + 1
        inside = [t for t in by_trigger.between(idx, end) if toks[t].end <= tm.end]
        last = by_trigger.last_in(s.start, idx)
        owner = by_trigger[last] if last is not None else None
        if last is not None and any(toks[j].key in barriers for j in range(last + 1, idx)):
            # "إثر معارك استمرت منذ فجر الإثنين", "الذي كان تحت سيطرتهم منذ عام 2021": the time
            # belongs to a clause that tells no event of ours
            continue
        if owner is None and end < s.stop and toks[end].key in _SPEECH_CONTENT and tm.delta is None:
            # "announced on Sunday that its forces will take over ...", "أعلنت الخميس أن ...": the day the
            # speaker spoke (an act not told as an event here), not the day of what it said
            continue
        opens = owner is None
        # "، وبعد يومين من إغلاقه فرضت رسوماً", "وفي 28 آب، طردت": after a conjunction the time opens a
        # clause of its own, whose event follows it
        clause_opening = idx > s.start and toks[idx - 1].clitic and toks[idx - 1].key in ("و", "ف")
        if (
            tm.delta is None
            and last is not None
            and any(toks[j].key in openers for j in range(last + 1, idx))
        ):
            # "..., فيما يبقى الميناء تحت سيطرتهم منذ سنوات", "according to a statement issued on
            # Wednesday": a contrasting or source clause; the time is its event's, or no event's of ours
            t = by_trigger.first_in(end, min(s.stop, end + FORWARD_REACH))
            if t is None:
                continue
            owner, clause_opening = by_trigger[t], True
        elif owner is None or clause_opening:
            # "أعلنت الجماعة، الأربعاء، سيطرتها": a time before the first event of its sentence
            t = by_trigger.first_in(end, min(s.stop, end + FORWARD_REACH))
            if t is not None or owner is None:
                owner = by_trigger[t] if t is not None else None
            else:
                clause_opening = False
        when = tm.when
        if tm.delta is not None:
            # "two days later", "بعد ذلك بيومين": counted from what was told before, never from what follows
            backward = any(toks[j].key in _COUNTED_FROM_BEFORE for j in range(idx, end))
            at = None if backward else _anchor_event(by_trigger, toks, s, idx, end, inside)
            ref = by_trigger[at] if at is not None else None
            later = by_trigger.first_in(end, min(s.stop, end + FORWARD_REACH)) if backward else None
            if backward and last is not None and later is not None and toks[idx - 1].key in _CLAUSE_JOINERS:
                # "took the town on 11 January, and two days later the RSF withdrew from the bridge":
                # the count opens the clause after "and"; its event follows and is counted from the last
                ref, owner = by_trigger[last], by_trigger[later]
            elif at is not None and (opens or clause_opening):
                # "Three days after the Peshmerga seized the crossing, the KRG announced ...": the
                # event told after the anchoring one
                later = by_trigger.first_in(at + 1, s.stop)
                owner = by_trigger[later] if later is not None else None
            elif at is None and last is not None:
                # "... and handed it back two days later": counted from the event told before
                ref = _told_before(by_trigger, last)
            if ref is not None and owner is not None and ref != owner:
                relative.append((ref, owner, tm))
                before.append((ref, owner))
                continue
            if ref is None:
                # counted from an event this article does not tell ("بعد يومين من حصارها" with no siege
                # told): no day to count from, and a report tells what has happened: the publication day
                when = (
                    When(published, published, tm.text)
                    if published is not None
                    else When(None, None, tm.text)
                )
        if owner is None:
            continue
        ev = events[owner]
        if ev.status == "asserted" and published and when.earliest and when.earliest > published:
            # "انتشرت القوات ..., على أن تتسلم بعد غد": a reported fact is not dated after the report
            continue
        if tm.delta is None and idx > s.start and toks[idx - 1].key in _DEADLINES:
            # "are due to take over the checkpoints by the end of the month", "بحلول نهاية العام": no later
            # than then; a plan counts from the report, a fact from nothing the text says
            planned = ev.status != "asserted" and published is not None
            when = When(published if planned else None, when.latest, when.text)
        if ev.time is None:
            ev.time = When(when.earliest, when.latest, tm.text)
            ev.time_rule = f"time:tagger:{tm.relation}"
            if opens and s.index not in fronted:
                fronted[s.index] = tm
        for t in inside:
            ref = by_trigger[t]
            if ref != owner:
                before.append((ref, owner) if tm.relation == "after" else (owner, ref))
    for ev in events:
        opening = fronted.get(ev.first.sentence)
        if ev.time is None and opening is not None:
            ev.time = When(opening.when.earliest, opening.when.latest, opening.text)
            ev.time_rule = f"time:sentence-opening:{opening.relation}"
    _coordinated_times(events, by_trigger, toks, sentences, lex_triggers)
    for ref, main in just_before:
        # "سيطرت الجماعة أمس على المديرية بعد انسحاب القوات منها": what came right before, undated, is
        # told as part of the same day (a siege lasts: it keeps its own time)
        a, b = events[ref], events[main]
        if (
            a.time is None
            and a.type != "Siege"
            and b.time is not None
            and b.time_rule.startswith("time:tagger")
        ):
            a.time = When(b.time.earliest, b.time.latest, None)
            a.time_rule = "time:same-day-as-following-event"
    pending = _solve_relative(events, relative)
    waiting = {ref for ref, _main, _tm in pending}
    for _ref, main, tm in pending:
        # nothing dated on either side: the later event is the news of the day, the other counted back
        ev = events[main]
        if ev.time is None and published is not None and ev.status == "asserted":
            ev.time = When(published, published, tm.text)
            ev.time_rule = "time:relative:publication-date"
    for n, ev in enumerate(events):
        if n not in waiting:
            _default(ev, published)
    for ref, main, tm in pending:
        _relate(events, ref, main, tm)
    for ev in events:
        _default(ev, published)


#: The conjunction that joins verbs sharing their subject ("اقتحم ... فجر السبت وطردوا حراسه").
_AND = "و"


def _coordinated_times(
    events: list[StoryEvent],
    by_trigger: _Triggers,
    toks: Sequence[Token],
    sentences: Sequence[Sentence],
    verb_at: Callable[[int], bool],
) -> None:
    """ "اقتحم مسلحون المقر فجر السبت وطردوا حراسه": a verb joined by "و" to the verb before it,
    carrying that verb's subject and dated by nothing of its own, is part of the same act in time: it
    takes the earlier verb's day. A verbal noun or a clause with a subject of its own is another
    statement, and keeps to its own time. (Arabic verbs: ``verb_at`` reads the Arabic trigger table.)"""
    for ev in events:
        m = ev.first
        if ev.time is not None or ev.status != "asserted" or "carried-subject" not in m.rule:
            continue
        k = m.trigger
        if not (0 < k < len(toks)) or toks[k - 1].key != _AND or not verb_at(k):
            continue
        s = sentences[m.sentence] if m.sentence < len(sentences) else None
        prev = by_trigger.last_in(s.start, k - 1) if s is not None else None
        if prev is None or by_trigger[prev] == by_trigger.get(k) or not verb_at(prev):
            continue
        before = events[by_trigger[prev]]
        if before.time is None or before.time_rule != "time:tagger:at" or before.status != "asserted":
            continue
        ev.time = When(before.time.earliest, before.time.latest, None)
        ev.time_rule = "time:coordinated-verb"


def _anchors(
    mentions: Sequence[EventMention],
    toks: Sequence[Token],
    sentences: Sequence[Sentence],
    times: Sequence[TimeLike],
    starts: Sequence[int],
) -> frozenset[int]:
    """Trigger positions that anchor a relative count ("a day after the SDF withdrew")."""
    relative = [tm for tm in times if tm.delta is not None]
    if not relative:
        return frozenset()
    positions = _Triggers({m.trigger: n for n, m in enumerate(mentions) if not m.dropped})
    sentence_starts = [s.start for s in sentences]
    out: set[int] = set()
    for tm in relative:
        idx = _token_at(starts, tm.start)
        k = bisect.bisect_right(sentence_starts, idx) - 1
        if k < 0 or not sentences[k].start <= idx < sentences[k].stop:
            continue
        end = _token_at(starts, max(tm.end - 1, tm.start)) + 1
        inside = [t for t in positions.between(idx, end) if toks[t].end <= tm.end]
        at = _anchor_event(positions, toks, sentences[k], idx, end, inside)
        if at is not None:
            out.add(at)
    return frozenset(out)


def _default(ev: StoryEvent, published: date | None) -> None:
    """An asserted event the article gives no time: the publication day (news tells what just happened)."""
    if ev.time is None and published is not None and ev.status == "asserted" and ev.type not in ("Promise",):
        ev.time = When(published, published, None)
        ev.time_rule = "time:default-publication-date"


def _anchor_event(
    by_trigger: _Triggers, toks: Sequence[Token], s: Sentence, idx: int, end: int, inside: Sequence[int]
) -> int | None:
    """Where the event a relative count counts from is told: inside it ("من إغلاقه") or right after it,
    in its clause ("a day after the SDF withdrew")."""
    if inside:
        return inside[0]
    if end - 2 > idx and toks[end - 2].key in _ANCHOR_LINKS:
        return None  # "بعد يومين من حصارها": the anchor is inside, and no event of this article
    t = by_trigger.first_in(end, min(s.stop, end + RELATIVE_REACH))
    if t is None or any(toks[j].text in (",", "،") for j in range(end, t)):
        return None
    return t


def _told_before(by_trigger: _Triggers, at: int) -> int | None:
    """The event told last before the trigger at ``at`` (another event than that trigger's)."""
    n = by_trigger[at]
    k = bisect.bisect_left(by_trigger.positions, at) - 1
    while k >= 0:
        other = by_trigger[by_trigger.positions[k]]
        if other != n:
            return other
        k -= 1
    return None


def _shifted(when: When, lo: int | None, hi: int | None, text: str | None) -> When:
    return When(
        when.earliest + timedelta(days=lo) if when.earliest is not None and lo is not None else None,
        when.latest + timedelta(days=hi) if when.latest is not None and hi is not None else None,
        text,
    )


def _relate(events: list[StoryEvent], ref: int, main: int, tm: TimeLike) -> bool:
    """Solve "main = ref + delta" for whichever of the two has no time yet; whether it did."""
    delta = tm.delta
    assert delta is not None
    a, b = events[ref], events[main]
    if a.time is not None and (a.time.earliest or a.time.latest) and b.time is None:
        b.time = _shifted(a.time, delta[0], delta[1], tm.text)
        b.time_rule = "time:relative:after-event"
        return True
    if b.time is not None and (b.time.earliest or b.time.latest) and a.time is None:
        lo, hi = delta
        # the expression tells the later event's time: the earlier one is counted back, with no text
        a.time = _shifted(b.time, -hi if hi is not None else None, -lo if lo is not None else None, None)
        a.time_rule = (
            "time:default-publication-date:counted-back"
            if b.time_rule == "time:relative:publication-date"
            else "time:relative:before-event"
        )
        return True
    return False


def _solve_relative(
    events: list[StoryEvent], relative: Sequence[tuple[int, int, TimeLike]]
) -> list[tuple[int, int, TimeLike]]:
    """Propagate times along relative counts until nothing changes; the counts still unsolved."""
    todo = list(relative)
    changed = True
    while changed and todo:
        changed = False
        rest = []
        for item in todo:
            if _relate(events, *item):
                changed = True
            else:
                rest.append(item)
        todo = rest
    return todo


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
