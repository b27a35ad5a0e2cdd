"""Event triggers and argument frames: from tokens and entity phrases to event mentions.

Triggers and frames are data (``data/triggers.json``): this module only knows the syntax that links
a trigger to its arguments in news Arabic:

- the subject right after a verb (``نفت قوات “الأسايش”``), or between ``كان`` and ``قد`` for the
  pluperfect (``وكانت قوات “الأسايش” قد سيطرت``), which also marks an earlier event;
- the agent of a verbal noun: a pronoun suffix (``اقتحامها``), a support noun or verb before it
  (``قيامها بإغلاق``, ``استمرار الفرقة الرابعة بفرض حصار``, ``قامت بفتح``), or a relative support
  verb after it (``مفاوضات أجرتها قيادة “قسد”``); ``الأخير`` is the latest actor named;
- a subject carried over from the previous clause when none is written (``وقامت``, ``بينما حاصرت``);
- the phrases of the trigger's window, each given a role by its preposition (``على``, ``من``,
  ``مع``, ``من قبل``, ``برعاية``...) through the type's frame.

Factuality is read from scope: events inside a denial (``نفت ... التقارير التي تحدثت عن ...``) are
denied, inside a statement's ``أن`` clause reported, after ``لم/لن/لا`` negated, after plan markers
hypothetical.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from conflictkg.extract.lexicon import Lexicon, TriggerForm, TypeSpec
from conflictkg.extract.phrases import Phrase
from conflictkg.extract.tokenize import Token

__all__ = ["EventMention", "Sentence", "find_mentions"]

AGENT_ROLES = ("agent", "speaker", "besieger", "party")
_BOUNDARY_PUNCT = frozenset({"،", ",", ";", "؛", ":"})
_RELATIVES = frozenset({"الذي", "التي", "الذين"})
#: a preposition with a pronoun between a speech verb and its subject ("أفادت به مصادر")
_VERB_PREP_PRONOUNS = frozenset({"به", "بها", "له", "لها"})
_SUFFIXES = ("هما", "هم", "هن", "ها", "ه")


def _without_suffix(key: str) -> str:
    """ "سكانها" -> "سكان": a noun without its possessive pronoun."""
    for suffix in _SUFFIXES:
        if key.endswith(suffix) and len(key) > len(suffix) + 2:
            return key[: -len(suffix)]
    return key


_PRONOUN_PREPS = ("من", "علي", "في", "ل")
#: prepositions of the goal after a transitive verbal noun: its genitive is then the agent
#: ("اقتحام قوات X لمبنى", "دخول القوات إلى البلدة"); keys after normalisation (إلى -> الي)
_GOAL_PREPS = frozenset({"ل", "الي"})
_PRONOUNS = frozenset({"ها", "ه", "هما", "هم", "هن"})
#: how many words back from an event noun its support verb may stand ("فرض X مطلع الشهر رسوماً")
_SUPPORT_REACH = 8
#: how many words back a plan marker reaches a present verb or verbal noun within its clause
_PLAN_REACH = 14
_WIDE_PLACES = frozenset({"City", "Governorate", "Country", "Region"})
_SIEGE = "Siege"
_LIFTING = "SiegeLifting"


@dataclass(slots=True)
class Sentence:
    """Token range of one sentence and its top-level phrases."""

    index: int
    start: int
    stop: int
    phrases: list[Phrase]


@dataclass(slots=True)
class EventMention:
    """One trigger in the text with the roles its clause gives it."""

    type: str
    trigger: int
    sentence: int
    window_end: int
    evidence: tuple[int, int]
    roles: dict[str, list[str]] = field(default_factory=dict)
    status: str = "asserted"
    pluperfect: bool = False
    rule: str = ""
    scoped_by: int | None = None  # index (in the mention list) of the denial/statement scoping it
    dropped: bool = False
    #: a verbal noun in "بعد/قبل DURATION من X": a time reference to an event, told here or before
    backref: bool = False
    #: a definite verbal noun with no agent of its own ("الحصار"): the event told before, again
    anaphoric: bool = False
    #: "حصاراً مماثلاً": another event of the kind, never the one told
    distinct: bool = False
    #: role -> what a pronoun object ("منها") points at; fills a core role the event still lacks
    pronoun_roles: dict[str, str] = field(default_factory=dict)

    def add(self, role: str, iri: str | None) -> None:
        if iri is None:
            return
        bucket = self.roles.setdefault(role, [])
        if iri not in bucket:
            bucket.append(iri)

    def has_agent(self) -> bool:
        return any(self.roles.get(r) for r in AGENT_ROLES)


class _ActorStub:
    """Stands for "an actor phrase" when a frame entry is typed (subject roles are for actors)."""

    type = "Actor"
    subtype = None


def _role_for(spec: Any, phrase: Phrase | type[_ActorStub]) -> str | None:
    """The role a frame entry gives a phrase: a role name, or a map by type / type:subtype / ``*``."""
    if spec is None:
        return None
    if isinstance(spec, str):
        return spec
    if isinstance(spec, Mapping):
        for key in (f"{phrase.type}:{phrase.subtype}", phrase.type, "*"):
            if key in spec:
                value = spec[key]
                return value if isinstance(value, str) else None
    return None


class _Keys(dict[int, str]):
    """Token index -> key; an index outside the article has the key "" (no word there)."""

    def __missing__(self, i: int) -> str:
        return ""


class _Reader:
    """Walks one article's sentences and builds its event mentions."""

    def __init__(
        self,
        lex: Lexicon,
        toks: Sequence[Token],
        sentences: Sequence[Sentence],
        timed: frozenset[int] = frozenset(),
    ) -> None:
        self.lex = lex
        #: tokens inside time expressions: "، يوم الخميس،" between a verb's subject and its object
        self.timed = timed
        self.toks = toks
        self.sentences = sentences
        self.covered: set[int] = set()
        self.actor_mentions: list[tuple[int, str]] = []  # (token index, iri) of every actor phrase
        for s in sentences:
            for p in s.phrases:
                self.covered.update(range(p.start, p.end))
                for q in (p, *p.nested, p.owner, p.holder, p.presence):
                    if q is not None and q.type == "Actor" and q.iri:
                        self.actor_mentions.append((q.mention[0], q.iri))
        self.actor_mentions.sort()
        self.subject: str | None = None
        #: "اتهمت X Y بحصار ...": the accused Y and the end of the accusation's window; the agent of
        #: the act it is accused of, not the narrative's subject
        self.accused: tuple[str, int] | None = None
        self._stems = lex.vocabulary | {"من"}
        #: the key of token ``i``, "" outside the article; called thousands of times per article, so a
        #: dict lookup done in C rather than a method with a bounds test
        self.key: Callable[[int], str] = _Keys(enumerate(t.key for t in toks)).__getitem__
        self._hypothetical = frozenset(lex.sequences.get("hypothetical_markers", ()))
        self._plan_longest = max((len(m) for m in self._hypothetical), default=1)

    # --- lookups -------------------------------------------------------------------------------
    def trigger_at(self, i: int, s: Sentence) -> TriggerForm | None:
        if i in self.covered or self.toks[i].clitic:
            return None
        form = self.lex.triggers.get(self.key(i))
        if form is None:
            return None
        if form.event_type == _LIFTING:
            return form if self._lifted_siege(i, s, form) is not None else None
        if form.event_type == _SIEGE and self._after_lift_verb(i, s):
            return None
        prev = self._prev_word(i, s)
        if prev is not None:
            key = self.key(prev)
            # short words keep their clitic in the token ("بفك"): look at them without it too
            bare = key[1:] if len(key) > 2 and key[0] in "وفبل" else key
            lift = self.lex.words["lift_markers"]
            if key in lift or bare in lift or key in self.lex.words["trigger_blockers"]:
                return None
            if form.pos == "noun" and self._names_a_checkpoint(i, s, form):
                return None
            if form.tense != "present" and self.lex.has("subjunctive_particles", key):
                # "قبل أن تسلمه", "لن تسلّم": after أن/لن/لم a verb stands, present if it can be;
                # "بعد أن طرد": the past verb, not the verbal noun (a final ه may be ة: left alone)
                form = self.lex.verb_reading(self.key(i), folded=self.toks[i].text.endswith("ة")) or form
        return form

    # --- siege lifting ---------------------------------------------------------------------------
    def _siege_noun(self, j: int) -> bool:
        """Whether token ``j`` is a siege noun (الحصار، حصارها، الطوق، تطويق): a Siege trigger noun."""
        form = self.lex.triggers.get(self.key(j))
        return form is not None and form.event_type == _SIEGE and form.pos == "noun"

    def _lifted_siege(self, i: int, s: Sentence, form: TriggerForm) -> int | None:
        """The siege noun a lift word ``i`` governs, else None (then the word lifts no siege).

        A verbal noun or participle takes it right after (فك الحصار، رفع الطوق، إنهاء حصار); a verb
        after its subject (فكّت قوات X الطوق، أنهت “قسد” حصارها) or right after it (كسروا الحصار).
        "رفعت الفصائل حواجزها", "أنهى الاجتماع", "فك الارتباط" lift no siege, and neither does a lift
        word after "until" (حتى فك الحصار، لحين رفع الطوق)."""
        before = self._prev_word(i, s)
        if before is not None and self.lex.has("until_markers", self.key(before)):
            return None  # "حتى فك الحصار": the end condition of something else, not a lifting told
        j = self._skip_quotes(i + 1, s.stop)
        if form.pos == "verb":
            subject = next((p for p in s.phrases if p.start == j and p.type == "Actor"), None)
            if subject is not None:
                j = self._skip_quotes(subject.end, s.stop)
        return j if j < s.stop and self._siege_noun(j) else None

    def _after_lift_verb(self, i: int, s: Sentence) -> bool:
        """Whether siege noun ``i`` is the object of a lift verb (then the lifting is the event)."""
        j = i - 1
        while j >= s.start and self.toks[j].is_quote:
            j -= 1
        subject = next((p for p in s.phrases if p.end == j + 1 and p.type == "Actor"), None)
        k = self._prev_word(subject.start if subject is not None else i, s)
        if k is None:
            return False
        lift = self.lex.triggers.get(self.key(k))
        return lift is not None and lift.event_type == _LIFTING and self._lifted_siege(k, s, lift) == i

    def lifted_genitive(self, ev: EventMention, i: int, s: Sentence, form: TriggerForm) -> None:
        """ "أنهت قوات النظام حصار مدينة درعا", "فكّت القوات الطوق حول بلدة تلعفر": the genitive of the
        lifted siege noun, or the phrase after a word the type's frame reads as besieged (حول) right
        after it, is the besieged (the frame itself only reads prepositions the lexicon knows)."""
        j = self._lifted_siege(i, s, form)
        if j is None or ev.roles.get("besieged"):
            return
        k = self._skip_quotes(j + 1, s.stop)
        rule = "+besieged:siege-genitive"
        if self.lex.types[_LIFTING].frame.get(self.key(k)) == "besieged":
            k, rule = self._skip_quotes(k + 1, s.stop), "+besieged:after-siege-noun"
        elif self.lex.triggers[self.key(j)].pronoun_suffix:
            return  # "حصارها": the suffix is the besieger, what follows is no genitive
        found = next((p for p in s.phrases if p.start == k and p.iri), None)
        if found is not None:
            ev.add("besieged", found.iri)
            ev.rule += rule

    def _names_a_checkpoint(self, i: int, s: Sentence, form: TriggerForm) -> bool:
        """Iraqi "سيطرة الفاضلية", "سيطرتي الصقور وجسر الصدر": an indefinite control noun with neither
        an actor after it nor على in its clause names a checkpoint, not an act of taking control."""
        if form.lemma not in self.lex.words.get("checkpoint_name_lemmas", frozenset()) or form.pronoun_suffix:
            return False
        if self.key(i).startswith("ال"):
            return False
        j = self._skip_quotes(i + 1, s.stop)
        if any(p.start == j and p.type == "Actor" for p in s.phrases):
            return False
        for k in range(i + 1, min(s.stop, i + 8)):
            if self.toks[k].text in _BOUNDARY_PUNCT:
                break
            if self.key(k) == "علي":
                return False
        return True

    def lift_subject(self, i: int, s: Sentence) -> None:
        """ "فكّت قوات X الطوق ..., وسلّمت ...": the subject of a lift verb is the narrative's subject
        for the verbs after it, whether the verb lifts a siege (a SiegeLifting event) or not."""
        j = self._skip_quotes(i + 1, s.stop)
        actor = next((p for p in s.phrases if p.start == j and p.type == "Actor" and p.iri), None)
        if actor is not None:
            self.subject = actor.iri

    def accuse(self, ev: EventMention, s: Sentence) -> None:
        """Keep the accused of an accusation (the first actor after its speaker with no preposition)."""
        speakers = set(ev.roles.get("speaker", ()))
        for p in s.phrases:
            if ev.trigger < p.start < ev.window_end and p.type == "Actor" and p.iri and p.iri not in speakers:
                if self.prep_before(p, ev.trigger + 1) is None:
                    end = next(
                        (k for k in range(p.end, s.stop) if self.toks[k].text in _BOUNDARY_PUNCT), s.stop
                    )
                    self.accused = (p.iri, end)
                return

    def verb_subject(self, k: int, s: Sentence) -> None:
        """ "وافقت قوات X على إخلاء ...", "يعتزم الجيش إطلاق عملية لاستعادة ...": a verb that tells no
        event of its own (``subject_verbs``) with an actor right after it makes that actor the
        narrative's subject, the agent of the event words after it that name none."""
        j = self._skip_fillers(k + 1, s.stop)
        actor = next((p for p in s.phrases if p.start == j and p.type == "Actor" and p.iri), None)
        if actor is not None:
            self.subject = actor.iri

    def _opening_subject(self, i: int, s: Sentence) -> str | None:
        """ "وصلت قوات من الجيش السوداني إلى ..., ثم تقدمت ... وسيطرت عليها": the actor right after
        the verb opening the sentence (a verb that is no trigger) is the subject of what follows."""
        if not s.phrases:
            return None
        p = s.phrases[0]
        lead = [k for k in range(s.start, p.start) if not (self.toks[k].clitic or self.toks[k].is_quote)]
        if p.type != "Actor" or not p.iri or p.end > i or len(lead) != 1:
            return None
        key = self.key(lead[0])
        if self.lex.has("prepositions", key) or key in self.lex.triggers or not key[:1].isalpha():
            return None
        return p.iri

    def _verb_before_subject(self, i: int, s: Sentence) -> int | None:
        """ "رفضت قوات X الانسحاب", "فشلت قوات X في اقتحام": the word before the actor phrase that
        stands right before the trigger (or before its link word ب/في/من/عن), else None."""
        j = self._prev_word(i, s)
        if j is None:
            return None
        if self.key(j) in self.lex.words["support_links"]:
            j -= 1
        actor = next((p for p in s.phrases if p.end == j + 1 and p.type == "Actor"), None)
        if actor is None or actor.start - 1 < s.start:
            return None
        return actor.start - 1

    def _future_support(self, k: int) -> bool:
        """ "سيفرض رسوماً", "ستقوم بإغلاق": a support verb in the future (سـ + a present form)."""
        key = self.key(k)
        return len(key) > 3 and key[0] == "س" and key[1] in "يتن" and self.lex.has("support_verbs", key[1:])

    def _subject_place(self, end: int, stop: int, in_window: Sequence[Phrase]) -> Phrase | None:
        """ "X في Y OBJECT": a place after the subject, right before a phrase with no preposition (the
        object), is where the subject is, not the object; else None."""
        j = self._skip_quotes(end, stop)
        if self.key(j) != "في":
            return None
        place = next((p for p in in_window if p.start == self._skip_quotes(j + 1, stop)), None)
        if place is None or place.type != "Place":
            return None
        k = self._skip_quotes(place.end, stop)
        following = next((p for p in in_window if p.start == k), None)
        return place if following is not None and following.type in ("Facility", "Place") else None

    def _disagrees(self, i: int, head_key: str, form: TriggerForm) -> bool:
        """ "واتهمت الجيش بقصفه": a feminine past verb (ـت) cannot have a masculine singular head noun as
        its subject, so that noun is its object and the subject is the one told before."""
        head = self.lex.heads[head_key]
        feminine_verb = form.tense == "past" and self.key(i).endswith("ت")
        return feminine_verb and head.number == "sg" and not head.surface.endswith("ة")

    def _unit_after(self, end: int, stop: int, in_window: Sequence[Phrase]) -> Phrase | None:
        """ "«سرايا X - الفوج الثالث»": an actor after a dash names a unit of the actor before it (one
        subject, not the object)."""
        j = self._skip_quotes(end, stop)
        if j >= stop or self.toks[j].text not in ("-", "–", "—"):
            return None
        j = self._skip_quotes(j + 1, stop)
        return next((p for p in in_window if p.start == j and p.type == "Actor"), None)

    def _opens(self, i: int, s: Sentence) -> bool:
        """Whether token ``i`` opens its clause (sentence start, after و/ف or punctuation)."""
        before = self._prev_word(i, s)
        return before is None or self.key(before) in ("و", "ف") or self.toks[before].text in _BOUNDARY_PUNCT

    def _relative_of_non_actor(self, i: int, s: Sentence) -> bool:
        """Whether trigger ``i`` follows a relative pronoun whose antecedent is no actor phrase."""
        prev = self._prev_word(i, s)
        if prev is None or self.key(prev) not in _RELATIVES:
            return False
        j = prev - 1
        while j >= s.start and (self.toks[j].is_quote or self.toks[j].text in (",", "،")):
            j -= 1
        return not any(p.type == "Actor" and p.end == j + 1 for p in s.phrases)

    def _held(self, i: int, s: Sentence) -> bool:
        """Whether trigger ``i`` tells a state: a present-tense control verb ("تسيطر عليها X"), or any
        seizure verb shortly after ``لا تزال / ما زالت`` in its clause."""
        if self.key(i) in self.lex.words.get("state_verbs", frozenset()):
            return True
        markers = self.lex.words.get("continuation_markers", frozenset())
        for k in range(i - 1, max(s.start, i - 7) - 1, -1):
            if self.toks[k].text in _BOUNDARY_PUNCT:
                return False
            if self.key(k) in markers:
                return True
        return False

    def _prev_word(self, i: int, s: Sentence) -> int | None:
        j = i - 1
        while j >= s.start and (self.toks[j].is_quote or (self.toks[j].clitic and self.key(j) in "بل")):
            j -= 1
        return j if j >= s.start else None

    def seq_ending_at(self, end: int, group: str, floor: int) -> int | None:
        """Start of a sequence of ``group`` that ends right before token ``end``."""
        if end - 1 < floor:
            return None
        for seq in self.lex.by_last.get(group, {}).get(self.key(end - 1), ()):
            a = end - len(seq)
            if a >= floor and all(self.key(a + n) == w for n, w in enumerate(seq)):
                return a
        return None

    def seq_at(self, i: int, group: str, stop: int) -> int | None:
        for seq in self.lex.by_first.get(group, {}).get(self.key(i), ()):
            if i + len(seq) <= stop and all(self.key(i + n) == w for n, w in enumerate(seq)):
                return i + len(seq)
        return None

    def latest_actor(self, before: int) -> str | None:
        found = None
        for pos, iri in self.actor_mentions:
            if pos >= before:
                break
            found = iri
        return found

    # --- windows -------------------------------------------------------------------------------
    def window_end(self, i: int, s: Sentence, form: TriggerForm, triggers: dict[int, TriggerForm]) -> int:
        j = i + 1
        while j < s.stop:
            other = triggers.get(j)
            if other is not None and other.event_type != form.event_type:
                return j
            key = self.key(j)
            if j > i + 1 and self.lex.has("clause_openers", key):
                return j
            if self.seq_at(j, "response_markers", s.stop) is not None:
                return j
            if self.toks[j].text in _BOUNDARY_PUNCT and j + 1 in self.timed:
                j = self._skip_fillers(j, s.stop)  # "أغلقت الفرقة الرابعة، يوم الخميس، معبر التايهة"
                continue
            if self.toks[j].text in _BOUNDARY_PUNCT:
                nxt = j + 1
                nxt_word = nxt + 1 if self.key(nxt) in ("و", "ف") else nxt
                if (
                    self.seq_at(nxt, "list_continuations", s.stop) is None
                    and self.seq_at(nxt_word, "compound_prepositions", s.stop) is None
                ):
                    return j
            j += 1
        return s.stop

    # --- prepositions --------------------------------------------------------------------------
    def prep_before(self, p: Phrase, floor: int) -> str | None:
        """The preposition governing a phrase ("من قبل", "على", ...), "object" for a partitive, else None."""
        a = p.start
        while a - 1 >= floor and self.toks[a - 1].is_quote:
            a -= 1
        if self.seq_ending_at(a, "partitive_markers", floor) is not None:
            return "object"
        for seq in self.lex.sequences.get("compound_prepositions", ()):
            b = a - len(seq)
            if b >= floor and all(self.key(b + n) == w for n, w in enumerate(seq)):
                return " ".join(seq)
        if a - 1 >= floor:
            k = self.key(a - 1)
            if k in self.lex.words["prepositions"]:
                return k
            if self.lex.has("prepositions", k):
                return k[1:]  # "ومن": a short preposition keeps its conjunction in one token
        return None

    def _continues_list(self, p: Phrase, floor: int) -> str | None:
        """ "list" after و or a comma (same preposition as the item before), "addition" after
        بالإضافة إلى (the list of the first argument goes on), else None."""
        a = p.start
        while a - 1 >= floor and self.toks[a - 1].is_quote:
            a -= 1
        if self.seq_ending_at(a, "list_continuations", floor) is not None:
            return "addition"
        if a - 1 >= floor and self.toks[a - 1].clitic and self.key(a - 1) in ("و", "ف"):
            return "list"
        if a - 1 >= floor and self.toks[a - 1].text in _BOUNDARY_PUNCT:
            return "list"
        return None

    # --- one trigger ---------------------------------------------------------------------------
    def mention(
        self, i: int, s: Sentence, form: TriggerForm, wend: int, *, quoted: bool = False
    ) -> EventMention:
        """The mention of trigger ``i``; ``quoted`` inside reported speech (it does not move the
        narrative's subject)."""
        spec: TypeSpec = self.lex.types[form.event_type]
        frame = spec.frame
        ev = EventMention(
            form.event_type, i, s.index, wend, (i, wend), rule=f"trigger:{form.event_type}:{form.lemma}"
        )
        if any(self.key(k) in self.lex.words["distinct_markers"] for k in (i + 1, i + 2)):
            ev.distinct = True
            ev.rule += "+distinct"
        if form.pos == "noun" and self._backref(i, s):
            ev.backref = True
            ev.rule += "+backref"
        explicit: str | None = None
        explicit_after = False
        subject_end = i + 1
        ev_start = i
        # subject after a verb (VSO)
        in_window = [p for p in s.phrases if i < p.start < wend]
        first = self._skip_fillers(i + 1, wend)
        if (
            form.pos == "verb"
            and first < wend
            and self.key(first) in self.lex.words.get("resumptive", frozenset())
        ):
            # "المدينة التي تسيطر عليها قوات X": the subject follows the resumptive pronoun
            first = self._skip_fillers(first + 1, wend)
        genitive_agent = form.pos == "noun" and not form.pronoun_suffix and not self.key(i).startswith("ال")
        if genitive_agent and form.transitive:
            # "طرد قوات الحكومة": the genitive of a transitive verbal noun is its object, unless the
            # object comes with ل ("حصار الحوثيين لمدينة مأرب")
            genitive_agent = any(self.prep_before(p, i + 1) in _GOAL_PREPS for p in in_window[1:])
        if (
            (form.pos in ("verb", "participle") or genitive_agent)
            and in_window
            and in_window[0].start == first
            and in_window[0].type == "Actor"
        ):
            explicit = in_window[0].iri
            ev.rule += "+subject:vso"
            subject_end = in_window[0].end
            explicit_after = True
            in_window = in_window[1:]
            # apposition: "قوى الأمن الداخلي “الأسايش”" names the subject twice
            while (
                in_window
                and in_window[0].iri == explicit
                and in_window[0].start == self._skip_quotes(subject_end, wend)
            ):
                subject_end = in_window[0].end
                in_window = in_window[1:]
            unit = self._unit_after(subject_end, wend, in_window)
            if unit is not None:
                subject_end = unit.end
                in_window = [p for p in in_window if p is not unit]
            located = self._subject_place(subject_end, wend, in_window)
            if located is not None:
                # "تسلم المجلس العسكري في تل أبيض مبنى ...": the subject's own place, then the object
                subject_end = located.end
                in_window = [p for p in in_window if p is not located]
        if form.pos == "noun" and not form.pronoun_suffix and not self.key(i).startswith("ال"):
            # "ونفى مصدر": نفى and نفي fold together; opening its clause, the form is the verb
            before = self._prev_word(i, s)
            opens = (
                before is None or self.key(before) in ("و", "ف") or self.toks[before].text in _BOUNDARY_PUNCT
            )
            subject_next = first < wend and (
                self.lex.has("anonymous_subjects", self.key(first)) or self._suffixed_head(first)
            )
            if opens and subject_next:
                form = TriggerForm(form.event_type, form.lemma, "verb", False, form.transitive)
        if (
            explicit is None
            and form.pos == "noun"
            and (genitive_agent or not form.transitive)
            and not form.pronoun_suffix
            and not self.key(i).startswith("ال")
            and first < wend
            and self._suffixed_head(first)
            and self.subject
        ):
            # "انسحاب قواته من", "دخول عناصرها إلى": its forces, the subject told before
            explicit, subject_end, explicit_after = self.subject, first + 1, True
            ev.rule += "+agent:suffixed-genitive"
        if explicit is None and form.pos == "verb" and self._suffixed_head(first) and self.subject:
            # "حاصرت دورياتهم فرع الأمن العسكري": their patrols, the subject told before
            explicit, subject_end, explicit_after = self.subject, first + 1, True
            ev.rule += "+subject:pronoun-suffix"
        # a subject the gazetteer does not know ("قالت مصادر محلية", "أفادت به مصادر", "يقول سكانها"):
        # nothing is carried over
        if first + 1 < wend and self.key(first) in _VERB_PREP_PRONOUNS:
            first += 1
            after = next((p for p in in_window if p.start == first and p.type == "Actor" and p.iri), None)
            if explicit is None and form.pos == "verb" and after is not None:
                # "بحسب ما أفاد به تجمع أحرار حوران": the subject after the pronoun
                explicit, subject_end, explicit_after = after.iri, after.end, True
                in_window = [p for p in in_window if p is not after]
                ev.rule += "+subject:vso"
        first_key = self.key(first)
        anonymous = explicit is None and form.pos == "verb" and first < wend
        anonymous = anonymous and (
            self.lex.has("anonymous_subjects", first_key)
            or self.lex.has("anonymous_subjects", _without_suffix(first_key))
            or (
                first_key in self.lex.heads
                and self.lex.heads[first_key].entity_type == "Actor"
                and not self._disagrees(i, first_key, form)
            )
        )
        if explicit is None and self._relative_of_non_actor(i, s):
            anonymous = True  # "التجار، الذين قالوا": the relative's antecedent is no known actor
        if anonymous:
            subject_end, explicit_after = first + 1, True
            # "مصدر (عسكري) في الفرقة الرابعة": a source inside an actor speaks for it
            for k in (first + 1, first + 2):
                if self.key(k) in ("في", "من") or self.lex.has("prepositions", self.key(k)):
                    org = next((p for p in in_window if p.start == self._skip_quotes(k + 1, wend)), None)
                    if org is not None and org.type == "Actor" and org.iri:
                        explicit, subject_end = org.iri, org.end
                        in_window = [p for p in in_window if p is not org]
                        ev.rule += "+subject:source-of"
                    break
            members = next((p for p in in_window if p.start == self._skip_quotes(first + 1, wend)), None)
            if (
                explicit is None
                and self.lex.has("member_constructs", first_key)
                and members is not None
                and members.type == "Actor"
                and members.iri
            ):
                # "اقتحم مسلحو «X»", "قال مقاتلو X": the members of a named actor act for it
                explicit, subject_end = members.iri, members.end
                in_window = [p for p in in_window if p is not members]
                ev.rule += "+subject:members-of"
                unit = self._unit_after(subject_end, wend, in_window)
                if unit is not None:
                    subject_end = unit.end
                    in_window = [p for p in in_window if p is not unit]
        if (
            explicit is None
            and spec.speech
            and in_window
            and in_window[0].start == first
            and in_window[0].type == "Facility"
        ):
            # "نفى مكتب الإعلام في الحشد الشعبي": an office inside an actor speaks for it
            k = self._skip_quotes(in_window[0].end, wend)
            org = next((p for p in in_window[1:] if p.start == self._skip_quotes(k + 1, wend)), None)
            if self.key(k) in ("في", "ل") and org is not None and org.type == "Actor" and org.iri:
                explicit, subject_end, explicit_after = org.iri, org.end, True
                in_window = [p for p in in_window if p is not org and p is not in_window[0]]
                ev.rule += "+subject:office-of"
        if explicit is None and form.pos == "verb" and i - 1 > s.start:
            # "إن الجيش انسحب": a subject before the verb that is no known entity
            prev, before_prev = self.key(i - 1), self.key(i - 2)
            anonymous = anonymous or (
                prev.startswith("ال")
                and (i - 1) not in self.covered
                and before_prev in self.lex.words["content_markers"]
            )
        if anonymous:
            ev.rule += "+subject:anonymous"
        if explicit is None and form.pos == "verb":
            svo = self._subject_before(i, s)
            if svo is not None:
                explicit, ev_start = svo.iri, svo.start
                ev.rule += "+subject:svo"
        if form.pos == "verb":
            kana = self._pluperfect(i, s)
            if kana is not None:
                k, actor = kana
                ev.pluperfect, ev_start = True, k
                ev.rule += "+pluperfect"
                if actor is not None and explicit is None:
                    explicit = actor.iri
                    ev.rule += "+subject:kana"
        # agent of a verbal noun
        if form.pos == "noun" and explicit is None:
            explicit, ev_start = self._noun_agent(i, s, form, ev, ev_start)
        rel = i + 2 if self.key(i + 1) in _RELATIVES else i + 1  # "الحصار الذي تفرضه قوات النظام"
        if form.pos == "noun" and self.key(rel) in self.lex.words["relative_support_verbs"]:
            actor = next(
                (p for p in s.phrases if p.start == self._skip_quotes(rel + 1, wend) and p.type == "Actor"),
                None,
            )
            if actor is not None:
                ev.add(
                    _role_for(frame.get("agent_of_noun", frame.get("subject")), actor) or "agent", actor.iri
                )
                in_window = [p for p in in_window if p is not actor]
                ev.rule += "+agent:relative-verb"
        if explicit is not None:
            ev.add(_role_for(frame.get("subject"), _ActorStub) or "agent", explicit)
            if not quoted and not (form.pos == "noun" and "subject:vso" in ev.rule and not self._opens(i, s)):
                # a verbal noun's genitive ("حصار قوات النظام") is no new subject of the narrative; a
                # form opening its clause is the verb ("نفى الجيش", نفى and نفي fold together)
                self.subject = explicit
        adjacent = self._skip_fillers(subject_end if explicit_after else i + 1, wend)
        self._window_roles(ev, frame, in_window, i + 1, adjacent)
        if not ev.backref:
            self._pronoun_roles(ev, frame, i, s, wend)
        if (
            form.pos == "noun"
            and not ev.has_agent()
            and self.key(i).startswith("ال")
            and not form.pronoun_suffix
        ):
            ev.anaphoric = True
        if spec.default_agent and not ev.has_agent() and self.accused is not None and i < self.accused[1]:
            ev.add(spec.default_agent, self.accused[0])
            ev.rule += "+agent:accused"
        # default agent: the subject carried over from the previous clause
        if spec.default_agent and not ev.has_agent() and self.subject is not None and not anonymous:
            ev.add(spec.default_agent, self.subject)
            ev.rule += "+agent:carried-subject"
        elif (
            spec.default_agent
            and not ev.has_agent()
            and not anonymous
            and form.pos == "verb"
            and not spec.speech
        ):
            opener = self._opening_subject(i, s)
            if opener is not None:
                ev.add(spec.default_agent, opener)
                ev.rule += "+agent:opening-subject"
        # status from the trigger's own context
        if spec.status:
            ev.status = spec.status
        previous = self._prev_word(i, s)
        if ev_start < i and self.lex.has("support_verbs", self.key(ev_start)):
            previous = self._prev_word(ev_start, s)  # "لم تفرض الفرقة أي إتاوات": negation of the verb
        refused = previous is not None and self.lex.has("refusal_markers", self.key(previous))
        refused = refused or (ev_start < i and self.lex.has("refusal_markers", self.key(ev_start)))
        governor = self._verb_before_subject(i, s)
        refused = refused or (governor is not None and self.lex.has("refusal_markers", self.key(governor)))
        if previous is not None and self.lex.has("negations", self.key(previous)):
            ev.status = "negated"
        elif refused:
            # "رفضت الانسحاب", "عدم انسحاب", "فشلت في اقتحام": the act did not happen
            ev.status = "negated"
            ev.rule += "+refusal"
        elif self._planned(i, s, form, ev_start):
            ev.status = "hypothetical"
            ev.rule += "+plan"
        elif spec.changes_control == "open" and ev.status == "asserted" and self._held(i, s):
            # "لا تزال X تسيطر على ..." / "التي تسيطر عليها X": control held, not taken; control.py
            # makes a held tuple of it
            ev.status = "held"
            ev.rule += "+held"
        if any(self.lex.has("toward_markers", self.key(k)) for k in range(i + 1, wend)):
            ev.rule += "+toward"  # frames.py may give it the area its rival just took
        ev.evidence = (ev_start, self._trim(wend, ev_start))
        return ev

    def _subject_before(self, i: int, s: Sentence) -> Phrase | None:
        """SVO: an actor right before the verb, opening its clause ("... أن الجيش السوداني انسحب")."""
        k = i - 1
        # "X لا تزال تسيطر", "X ما زالت تسيطر": the subject stands before the continuation marker
        continuation = self.lex.words.get("continuation_markers", frozenset())
        while k >= s.start and (
            self.toks[k].is_quote
            or self.key(k) in self.lex.words["pluperfect_particle"]
            or self.key(k) in continuation
            or (self.key(k) in ("لا", "ما") and self.key(k + 1) in continuation)
        ):
            k -= 1
        actor = next((p for p in s.phrases if p.end == k + 1 and p.type == "Actor"), None)
        if actor is None or self.toks[i - 1].clitic:
            return None
        before = self.key(actor.start - 1) if actor.start > s.start else ""
        opens_clause = (
            actor.start == s.start
            or before in self.lex.words["content_markers"]
            or self.lex.has("clause_openers", before)
            or self.toks[actor.start - 1].text in _BOUNDARY_PUNCT
            or before in ("و", "ف")
        )
        return actor if opens_clause else None

    def _pluperfect(self, i: int, s: Sentence) -> tuple[int, Phrase | None] | None:
        """كان X قد VERB: the position of كان and the actor between it and قد (an earlier event)."""
        if not (self.key(i - 1) in self.lex.words["pluperfect_particle"] and i - 1 > s.start):
            return None
        for k in range(i - 2, max(s.start, i - 12) - 1, -1):
            if self.key(k) in self.lex.words["pluperfect_auxiliaries"]:
                actor = next((p for p in s.phrases if k < p.start < i - 1 and p.type == "Actor"), None)
                return k, actor
        return None

    def _window_roles(
        self,
        ev: EventMention,
        frame: Mapping[str, Any],
        in_window: Sequence[Phrase],
        floor: int,
        adjacent: int,
    ) -> None:
        """Roles of the phrases of a trigger's window, by the preposition before each.

        A list item (after و, a comma) keeps the preposition of the item before it; after
        بالإضافة إلى the first argument's list goes on; a phrase with no preposition is the object
        only right after the trigger (or its subject); "X في Y" makes Y the place of the event.
        """
        prev_prep: str | None = None
        first_prep: str | None = None
        loc_of_previous: set[int] = set()
        for p in in_window:
            if p.start in loc_of_previous:
                ev.add("place", p.iri)
                continue
            prep = self.prep_before(p, floor)
            if prep is not None and self.seq_ending_at(p.start, "list_continuations", floor) is not None:
                prep = None
            continued = self._continues_list(p, floor)
            if prep is None and continued == "list" and prev_prep is not None:
                prep = prev_prep
            elif prep is None and continued == "addition" and first_prep is not None:
                prep = first_prep
            if prep is None and p.start != adjacent:
                prev_prep = None
                continue
            key = prep if prep is not None else "object"
            role = _role_for(frame.get(key), p)
            if role is not None and p.iri:
                ev.add(role, p.iri)
                if first_prep is None:
                    first_prep = key
                if p.loc_at is not None:
                    loc_of_previous.add(p.loc_at)
            prev_prep = key

    def _pronoun_roles(
        self, ev: EventMention, frame: Mapping[str, Any], i: int, s: Sentence, wend: int
    ) -> None:
        """ "انسحبت منها", "سيطروا عليها": a preposition with a pronoun points at the latest place or
        facility named before the trigger (in this sentence, else the one before)."""
        for k in range(i + 1, wend):
            key = self.key(k)
            prep = next((p for p in _PRONOUN_PREPS if key.startswith(p) and key[len(p) :] in _PRONOUNS), None)
            if prep is None or frame.get(prep) is None:
                continue
            antecedent = self._latest_place(self.toks[i].start, s)
            role = _role_for(frame.get(prep), antecedent) if antecedent is not None else None
            if antecedent is not None and role is not None and antecedent.iri:
                ev.pronoun_roles.setdefault(role, antecedent.iri)  # used only if the frame lacks it
            return

    def _suffix_object(self, ev: EventMention, i: int, s: Sentence) -> None:
        """The pronoun suffix of a transitive verbal noun as its object: the latest place named."""
        antecedent = self._latest_place(self.toks[i].start, s)
        frame = self.lex.types[ev.type].frame
        role = _role_for(frame.get("object"), antecedent) if antecedent is not None else None
        if antecedent is not None and role is not None and antecedent.iri:
            ev.pronoun_roles.setdefault(role, antecedent.iri)

    def _latest_place(self, before: int, s: Sentence) -> Phrase | None:
        """The latest facility or area named before offset ``before``: not a town or region given as
        the location of something else ("مديرية حريب جنوبي محافظة مأرب" points at the district)."""
        found: list[Phrase] = []
        for sent in (self.sentences[s.index - 1], s) if s.index > 0 else (s,):
            locs = {p.loc_at for p in sent.phrases if p.loc_at is not None}
            for p in sent.phrases:
                told = p.type in ("Facility", "Place") and p.iri and self.toks[p.start].start < before
                if told and p.start not in locs:
                    found.append(p)
        if not found:
            return None
        small = [p for p in found if p.type == "Facility" or p.subtype not in _WIDE_PLACES]
        return max(small or found, key=lambda p: (self.toks[p.start].sentence, p.start))

    def _planned(self, i: int, s: Sentence, form: TriggerForm, ev_start: int) -> bool:
        """A future verb ("ستنسحب", "سيفرض"), or a plan or future marker earlier in the trigger's
        clause ("من المقرر أن تنسحب", "يعتزم الجيش إطلاق عملية لاستعادة", "على أن تتسلم بعد غد"): a
        present verb or a verbal noun only (a past verb tells what was done), never past a clause
        boundary or a past-tense trigger."""
        if form.tense == "future" or self._future_support(ev_start):
            return True
        if form.tense == "past":
            return False
        start = i
        while start - 1 >= max(s.start, i - _PLAN_REACH):
            tok = self.toks[start - 1]
            prior = self.lex.triggers.get(tok.key)
            if tok.text in _BOUNDARY_PUNCT:
                break
            if prior is not None and prior.tense == "past" and (start - 1) not in self.covered:
                break
            start -= 1
        # entity phrases left out: "وافقت قوات X على إخلاء" reads as "وافقت على إخلاء"
        keys = [self.key(k) for k in range(start, i) if k not in self.covered]
        keys = [k[1:] if len(k) > 2 and k[0] in "وف" and k[1:] in self._stems else k for k in keys]
        longest = self._plan_longest
        # every run of consecutive keys, up to the longest marker, tested against the markers at once
        runs = {
            tuple(keys[a:b]) for a in range(len(keys)) for b in range(a + 1, min(len(keys), a + longest) + 1)
        }
        return not self._hypothetical.isdisjoint(runs)

    def _noun_agent(
        self, i: int, s: Sentence, form: TriggerForm, ev: EventMention, ev_start: int
    ) -> tuple[str | None, int]:
        if form.pronoun_suffix:
            link = i - 1 if self.key(i - 1) in self.lex.words["support_links"] else None
            linked = next(
                (p for p in s.phrases if link is not None and p.end == link and p.type == "Actor" and p.iri),
                None,
            )
            if (
                linked is not None
                and linked.start - 1 >= s.start
                and self.lex.has("support_verbs", self.key(linked.start - 1))
            ):
                # "لم تتمكن القوات من دخوله": the support verb's subject acts; the suffix is the object
                ev.rule += "+agent:support-verb-subject+object:suffix"
                if form.transitive:
                    self._suffix_object(ev, i, s)
                return linked.iri, linked.start - 1
            # "أحكمت قوات الدعم السريع حصارها": the pronoun is the subject of the support verb before
            actor = next((p for p in s.phrases if p.end == i and p.type == "Actor" and p.iri), None)
            if (
                actor is not None
                and actor.start - 1 >= s.start
                and self.lex.has("support_verbs", self.key(actor.start - 1))
            ):
                ev.rule += "+agent:support-verb-subject"
                return actor.iri, actor.start - 1
            ev.rule += "+agent:pronoun-suffix"
            return self.subject, ev_start
        j = i - 1
        while j >= s.start and self.toks[j].is_quote:
            j -= 1
        moved = False
        verb_at: int | None = None
        if j >= s.start and self.key(j) in self.lex.words["support_verbs"]:
            verb_at = j
            j -= 1
            moved = True
        if j >= s.start and self.key(j) in self.lex.words["support_links"]:
            j -= 1  # "قامت بفتح", "تمكنت قوات النظام من السيطرة"
            moved = True
        if j < s.start:
            return None, ev_start
        if not moved and self.toks[j].text in ("،", ","):
            # "فرضت قوات النظام، بمشاركة الفرقة الرابعة، حصاراً": past a parenthetical to the subject
            k = j - 1
            while k > s.start and self.toks[k].text not in ("،", ","):
                k -= 1
            if k > s.start and j - k <= 6:
                j = k - 1
        key = self.key(j)
        actor = next((p for p in s.phrases if p.end == j + 1 and p.type == "Actor"), None)
        if not moved:
            # "فرضت الفرقة الرابعة إتاوات": a support verb, its subject, then the event noun
            if actor is not None and actor.start - 1 >= s.start:
                verb = self.key(actor.start - 1)
                if self.lex.has("support_verbs", verb):
                    ev.rule += "+agent:support-verb-subject"
                    return actor.iri, actor.start - 1
            return self._distant_support_verb(j, s, ev, ev_start)
        if actor is not None and self.lex.has("support_verbs", self.key(actor.start - 1)):
            ev.rule += "+agent:support-verb-subject"
            return actor.iri, actor.start - 1
        if actor is not None and self.key(actor.start - 1) in self.lex.words["support_nouns"]:
            ev.rule += "+agent:support-noun"
            return actor.iri, actor.start - 1
        if key in self.lex.words["latter"] and self.key(j - 1) in self.lex.words["support_nouns"]:
            ev.rule += "+agent:latter"
            return self.latest_actor(j), j - 1
        for noun in self.lex.words["support_nouns"]:
            if key.startswith(noun) and key[len(noun) :] in self.lex.words["pronoun_suffixes"]:
                ev.rule += "+agent:support-pronoun"
                return self.subject, j
        if key in self.lex.words["support_verbs"] or self.lex.has("support_verbs", key):
            return None, j
        # "أنه سيفرض رسوماً": the support verb right before the noun opens the evidence
        return None, verb_at if verb_at is not None else ev_start

    def _distant_support_verb(
        self, j: int, s: Sentence, ev: EventMention, ev_start: int
    ) -> tuple[str | None, int]:
        """ "فرض «الفوج 47» رسوماً", "فرضت الفرقة الرابعة مطلع الشهر رسوماً", "لم تفرض أي رسوم": the
        support verb a few words before the event noun, past its subject, a time or a quantifier. The
        verb opens the evidence (it is the word a reader calls the trigger); the phrase right after
        it, when an actor, is the agent."""
        k = j
        while k >= s.start and j - k < _SUPPORT_REACH:
            tok = self.toks[k]
            if tok.text in (",", "،", ".", ":", "؛") or (k < j and self.key(k) in self.lex.triggers):
                break
            if self.lex.has("support_verbs", self.key(k)):
                ev.rule += "+support-verb"
                actor = next(
                    (
                        p
                        for p in s.phrases
                        if self._skip_quotes(k + 1, s.stop) == p.start and p.type == "Actor"
                    ),
                    None,
                )
                return (actor.iri if actor is not None else None), k
            k -= 1
        return None, ev_start

    def _skip_quotes(self, j: int, stop: int) -> int:
        while j < stop and self.toks[j].is_quote:
            j += 1
        return j

    def _suffixed_head(self, j: int) -> bool:
        """An actor head with a pronoun suffix ("دورياتهم", "عناصرها"): the actor told before."""
        key = self.key(j)
        for suffix in ("هما", "هم", "هن", "ها", "ه"):
            head = self.lex.heads.get(key[: -len(suffix)]) if key.endswith(suffix) else None
            if head is not None and head.entity_type == "Actor" and len(key) > len(suffix) + 2:
                return True
        return False

    def _skip_fillers(self, j: int, stop: int) -> int:
        """Past quotes and time expressions (with the commas around them) that stand between a verb,
        its subject and its object: "اقتحمت “الأسايش” يوم أمس الخميس مديرية المالية"."""
        while j < stop:
            tok = self.toks[j]
            if (
                tok.is_quote
                or j in self.timed
                or (tok.text in ("،", ",") and (j + 1 in self.timed or j - 1 in self.timed))
            ):
                j += 1
            else:
                break
        return j

    def _backref(self, i: int, s: Sentence) -> bool:
        """A verbal noun in "بعد/قبل DURATION من NOUN" ("بعد يومين من سيطرتها"): a time reference."""
        j = i - 1
        while j >= s.start and self.toks[j].is_quote:
            j -= 1
        if self.key(j) != "من":
            return False
        j -= 1
        durations = 0
        while (
            j >= s.start
            and durations < 3
            and (self.key(j) in self.lex.words["durations"] or self.key(j).isdigit())
        ):
            j, durations = j - 1, durations + 1
        key = self.key(j) if j >= s.start else ""
        return durations > 0 and (
            key in self.lex.words["after_markers"] or key in self.lex.words["before_markers"]
        )

    def _trim(self, end: int, start: int) -> int:
        """Evidence does not end on punctuation, a clitic or a function word ("... عن", "... بعد")."""
        while end - 1 > start:
            tok = self.toks[end - 1]
            function = tok.key in self.lex.words["prepositions"] or tok.key in self.lex.words["after_markers"]
            function = function or tok.key in self.lex.words["content_markers"] or tok.key in ("التي", "الذي")
            if (tok.is_punct and not tok.is_quote) or tok.clitic or function:
                end -= 1
                continue
            break
        return end


def find_mentions(
    lex: Lexicon,
    toks: Sequence[Token],
    sentences: Sequence[Sentence],
    timed: frozenset[int] = frozenset(),
) -> list[EventMention]:
    """Every event mention of the article, in text order, with roles and factuality.

    ``timed``: indices of the tokens inside time expressions (skipped between a verb and its arguments).
    """
    reader = _Reader(lex, toks, sentences, timed)
    out: list[EventMention] = []
    for s in sentences:
        triggers: dict[int, TriggerForm] = {}
        for i in range(s.start, s.stop):
            form = reader.trigger_at(i, s)
            if form is not None:
                triggers[i] = form
        scope: EventMention | None = None
        scope_idx: int | None = None
        content_seen = False
        lifts = [i for i in range(s.start, s.stop) if lex.has("lift_verbs", reader.key(i))]
        openers = [
            i
            for i in range(s.start, s.stop)
            if i not in triggers and i not in reader.covered and lex.has("subject_verbs", reader.key(i))
        ]
        for i in sorted(triggers):
            while lifts and lifts[0] < i:
                reader.lift_subject(lifts.pop(0), s)
            while openers and openers[0] < i:
                reader.verb_subject(openers.pop(0), s)
            form = triggers[i]
            wend = reader.window_end(i, s, form, triggers)
            spec = lex.types[form.event_type]
            quoted = (
                scope is not None
                and not spec.speech
                and (lex.types[scope.type].scope_status == "denied" or content_seen)
            )
            ev = reader.mention(i, s, form, wend, quoted=quoted)
            if ev.type == "Handover" and not ev.roles.get("beneficiary"):
                # "سلّمت قسد المواقع" to nobody the text names: given up, a plain withdrawal
                ev.type = "Withdrawal"
                ev.rule += "+no-recipient"
            elif ev.type == _LIFTING:
                reader.lifted_genitive(ev, i, s, form)
            if spec.speech:
                complement = next((t for t in sorted(triggers) if i < t <= i + 8), None)
                if (
                    spec.absorb_event_complement
                    and complement is not None
                    and not lex.types[triggers[complement].event_type].speech
                    and not _has_content(reader, i, complement)
                    and _bare_act(reader, complement, triggers[complement])
                ):
                    ev.dropped = True
                    ev.rule += "+absorbed-into-complement"
                elif not ev.roles.get("speaker"):
                    # "قالت مصادر": a speech act by nobody known says nothing of its own; it still
                    # scopes what it reports
                    ev.dropped = True
                    ev.rule += "+no-known-speaker"
                elif form.pos == "participle" and _continues_speech(out, ev, lex):
                    # "نفت X ...، مؤكدة أن ...": the participle goes on with the speech act before it
                    # (one act of one speaker); it still scopes what it tells
                    ev.dropped = True
                    ev.rule += "+continues-speech"
                anonymous_report = not ev.roles.get("speaker") and spec.scope_status == "reported"
                if anonymous_report:
                    # unnamed sources are the outlet's ordinary reporting: what they tell stays asserted
                    scope, scope_idx = None, None
                elif not ev.rule.endswith("absorbed-into-complement"):
                    scope, scope_idx = ev, len(out)
                content_seen = _has_content(reader, i, s.stop)
                if lex.has("accusation_verbs", reader.key(i)):
                    # "اتهمت X Y بحصار ...": what Y is accused of is X's claim, Y its agent
                    content_seen = True
                    reader.accuse(ev, s)
                if (
                    spec.scope_status == "denied"
                    and not any(
                        i < t < ev.window_end and not lex.types[triggers[t].event_type].speech
                        for t in triggers
                    )
                    and _demonstrative_object(reader, ev, s)
                ):
                    out.append(ev)
                    _deny_previous(out, len(out) - 1, lex)
                    scope, scope_idx = None, None  # what follows it is no longer what it denies
                    continue
            elif scope is not None and scope.type != form.event_type:
                scope_spec = lex.types[scope.type]
                if scope_spec.scope_status == "denied":
                    ev.status = "denied"
                    ev.scoped_by = scope_idx
                    ev.rule += "+scope:denial"
                elif scope_spec.scope_status == "reported" and content_seen and ev.status == "asserted":
                    ev.status = "reported"
                    ev.scoped_by = scope_idx
                    ev.rule += "+scope:statement"
            out.append(ev)
    return out


def _continues_speech(out: Sequence[EventMention], ev: EventMention, lex: Lexicon) -> bool:
    """Whether an earlier speech act of the same sentence has the same speaker as ``ev``."""
    speakers = set(ev.roles.get("speaker", ()))
    return any(
        m.sentence == ev.sentence and lex.types[m.type].speech and speakers & set(m.roles.get("speaker", ()))
        for m in out
    )


def _bare_act(reader: _Reader, i: int, form: TriggerForm) -> bool:
    """ "أعلنت X الانسحاب": a definite verbal noun with no owner of its own is the announced act
    itself (one event); "أعلنت X سيطرتها على", "أعلن الجيش استعادة مقر" tell an announcement of it."""
    return form.pos == "noun" and not form.pronoun_suffix and reader.key(i).startswith("ال")


def _demonstrative_object(reader: _Reader, ev: EventMention, s: Sentence) -> bool:
    """ "نفت قوات X ذلك", "نفى مصدر هذه الأنباء": a denial whose object points back at what was told."""
    words = reader.lex.words["demonstratives"]
    return any(reader.key(k) in words for k in range(ev.trigger + 1, min(ev.window_end + 1, s.stop)))


def _deny_previous(out: list[EventMention], denial_idx: int, lex: Lexicon) -> None:
    """The event a "نفت ذلك" denies: the latest non-speech event told before it, in its sentence or
    the one before; it becomes denied (and so opens and closes no control)."""
    denial = out[denial_idx]
    for k in range(denial_idx - 1, -1, -1):
        ev = out[k]
        if ev.sentence < denial.sentence - 1:
            return
        if lex.types[ev.type].speech or ev.dropped:
            continue
        if ev.status in ("asserted", "reported"):
            ev.status = "denied"
            ev.scoped_by = denial_idx
            ev.rule += "+denied-by-demonstrative"
        return


def _has_content(reader: _Reader, a: int, b: int) -> bool:
    return any(reader.key(k) in reader.lex.words["content_markers"] for k in range(a + 1, b))
