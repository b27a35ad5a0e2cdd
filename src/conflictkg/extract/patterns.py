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

from conflictkg.extract.lexicon import HeadNoun, Lexicon, TriggerForm, TypeSpec
from conflictkg.extract.phrases import Phrase
from conflictkg.extract.tokenize import Token

__all__ = ["VERB_SUFFIX_RULE", "EventMention", "Sentence", "find_mentions"]

#: rule mark of a verb whose object pronoun names a site ("انتزعتها", "أخلته"): story.py resolves it
VERB_SUFFIX_RULE = "+object:verb-suffix"

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


def _object_key(key: str) -> set[str]:
    """The readings of a noun token as a bare noun: "الحواجز", "حاجزا" (accusative), "عناصرها"."""
    bare = key.removeprefix("ال") if len(key) > 4 else key
    return {bare, bare.removesuffix("ا"), _without_suffix(bare)}


_PRONOUN_PREPS = ("من", "علي", "في", "حول", "ل")
#: how many words after an object-bound trigger its object may stand ("نقلت ميليشيا لواء X مقاتليها")
_OBJECT_REACH = 8
_SENTENCE_END = frozenset({".", "؟", "!", "?"})
#: how many words before a seizure verb or noun "لا تزال / ما زالت" may stand to make it a held state
_HELD_REACH = 12
#: how many words before a verb with an object pronoun its antecedent may stand
_ANTECEDENT_REACH = 14
#: prepositions of where a prevented movement goes ("منعت دخول الشاحنات إلى المخيم"); keys after
#: normalisation (إلى -> الي)
_GOALS = frozenset({"الي", "ل", "في", "عبر", "نحو", "باتجاه"})
#: prepositions of the goal after a transitive verbal noun: its genitive is then the agent
#: ("اقتحام قوات X لمبنى", "دخول القوات إلى البلدة"); keys after normalisation (إلى -> الي)
_GOAL_PREPS = frozenset({"ل", "الي"})
#: words that open the goal of a movement ("انسحبت إلى مواقعها", "نحو ثكناتها", "باتجاه جبل مرة")
_GOAL_WORDS = frozenset({"الي", "نحو", "باتجاه"})
_PRONOUNS = frozenset({"ها", "ه", "هما", "هم", "هن"})
#: "منها" -> "من", "عليه" -> "علي": a preposition with a pronoun suffix, by its whole key (the first
#: preposition of _PRONOUN_PREPS wins, as in a scan of them in order)
_PRONOUN_PREP_OF = {p + pr: p for p in reversed(_PRONOUN_PREPS) for pr in _PRONOUNS}
#: how many words back from an event noun its support verb may stand ("فرض X مطلع الشهر رسوماً")
_SUPPORT_REACH = 8
#: how many words back a plan marker reaches a present verb or verbal noun within its clause
_PLAN_REACH = 14
_WIDE_PLACES = frozenset({"City", "Governorate", "Country", "Region"})
_SIEGE = "Siege"
_LIFTING = "SiegeLifting"
_NEGOTIATION = "Negotiation"
#: what links a described speaker to the actor it speaks for: "مصدر في X", "متحدث باسم X", "بيان لـ X"
_SOURCE_LINKS = frozenset({"في", "من", "باسم", "ل"})
#: how many words from a mediation verb the talks it sponsors may stand ("رعت قطر وتركيا محادثات")
_MEDIATION_VERB_REACH = 8
#: "متحدث باسم X", "باسمها": on behalf of
_ON_BEHALF = "باسم"
#: how many words the unnamed group after a member noun may run ("عناصر مجموعة محلية")
_MEMBERS_REACH = 3
#: how many words an unknown subject may run before its verb ("قيادة عمليات غرب نينوى نفت")
_UNKNOWN_SUBJECT_REACH = 6
#: the words before a mediation noun that make it name a mediator ("ب وساطة", "تحت رعاية")
_MEDIATION_LEADS = frozenset({"ب", "تحت", "وتحت"})
#: the relative "what" of "وفق ما قاله X", "بحسب ما أفادت X"
_WHAT = "ما"
#: "عن" introducing what an account told ("ما نشرته منصات X عن دخول المدينة")
_ABOUT = "عن"
#: how far back from "عن" the account's verb may stand ("ما نشرته منصات إعلامية تابعة لـX عن")
_ACCOUNT_REACH = 10
#: "أما X فـ...": the fronted topic and the particles that open its answer (فقد, ف, فإن)
_AS_FOR = "اما"
_ANSWER_PARTICLES = frozenset({"ف", "فقد", "فان"})
#: "في حين" (whereas) opens a clause like فيما/بينما
_WHILE = "حين"


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
    #: a verb in the first person ("ننسحب", "سيطرنا"): its agent is the speaker of the quotation
    first_person: bool = False
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


@dataclass(frozen=True, slots=True)
class _Marker:
    """A mediation phrase ("بوساطة X"): its first token, the mediation noun, its end, the mediator."""

    start: int
    noun: int
    end: int
    mediator: str | None
    #: whether it tells a negotiation when its sentence names no agreement or talks (وساطة، رعاية):
    #: supervision (إشراف) alone does not ("عملية تسليم جرت بإشراف التحالف")
    standalone: bool = True


def _mediation_frame(frame: Mapping[str, Any]) -> dict[str, Any]:
    """The frame of a mediation trigger ("توسطت X بين Y وZ", "وساطة قادها X", "وساطة من X"): who
    does it is the mediator, and only بين/مع name the parties."""
    return {**frame, "subject": "mediator", "agent_of_noun": "mediator", "من": {"Actor": "mediator"}}


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
        #: first tokens of the actor phrases with an IRI (a subject may start there)
        self.actor_starts = frozenset(
            p.start for s in sentences for p in s.phrases if p.type == "Actor" and p.iri
        )
        self.subject: str | None = None
        #: comma-delimited asides a window passes over ("، عقب معارك عنيفة مع X،"): their phrases are no roles
        self.asides: list[tuple[int, int]] = []
        #: "اتهمت X Y بحصار ...": the accused Y and the end of the accusation's window; the agent of
        #: the act it is accused of, not the narrative's subject
        self.accused: tuple[str, int] | None = None
        #: the words a glued و/ف may be split from (no copy of the vocabulary: a reader is made per article)
        self._stems = lex.vocabulary
        #: the key of token ``i``, "" outside the article; called thousands of times per article, so a
        #: dict lookup done in C rather than a method with a bounds test
        self.key: Callable[[int], str] = _Keys(enumerate(t.key for t in toks)).__getitem__
        self.mediation_lemmas = lex.words.get("mediation_lemmas", frozenset())
        self._mediation_nouns = lex.words.get("mediation_nouns", frozenset())
        self._supervision_nouns = lex.words.get("supervision_nouns", frozenset())
        #: "بوساطة", "برعاية": the mediation nouns with their ب when the tokenizer keeps them whole
        self._mediation_words = frozenset("ب" + n for n in self._mediation_nouns | self._supervision_nouns)
        self._hypothetical = frozenset(lex.sequences.get("hypothetical_markers", ()))
        #: lemma -> the object nouns without which its trigger is no event ("نشرت بياناً": media)
        self._object_bound: dict[str, frozenset[str]] = {
            seq[0]: frozenset(seq[1:]) for seq in lex.sequences.get("object_bound_triggers", ())
        }
        #: object-bound trigger -> the noun that licensed it; such a noun is part of that event, never
        #: one of its own ("نشرها تعزيزات", "منعت دخول الشاحنات": no second deployment, no entry)
        self.licences: dict[int, int] = {}
        self._licence_words: set[int] = set()
        self._plan_longest = max((len(m) for m in self._hypothetical), default=1)

    # --- lookups -------------------------------------------------------------------------------
    def trigger_at(self, i: int, s: Sentence) -> TriggerForm | None:
        if i in self.covered or self.toks[i].clitic:
            return None
        form = self.lex.triggers.get(self.key(i))
        if form is None:
            return None
        if form.pos == "noun" and self._nisba(self.key(i)):
            return None
        if i in self._licence_words:
            return None
        if form.event_type == _LIFTING or form.lemma in self._object_bound:
            return self._conditional_reading(i, s, form)
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

    def _conditional_reading(self, i: int, s: Sentence, form: TriggerForm) -> TriggerForm | None:
        """The reading of trigger ``i`` whose condition holds: a lifting with a siege to lift, an
        object-bound trigger with its object ("رفع الحصار" lifts a siege, "رفع حواجزه" withdraws)."""
        # "فكّ الجيش الحصار": a bare lift word read first as the verbal noun may be the verb, with its
        # subject before the siege noun
        others = (
            r
            for r in self.lex.readings.get(self.key(i), ())
            if r.lemma in self._object_bound or (r.event_type == _LIFTING and r.pos == "verb" and r != form)
        )
        for reading in (form, *others):
            if reading.event_type == _LIFTING:
                if self._lifted_siege(i, s, reading) is not None:
                    return reading
                continue
            licence = self._bound_object(i, s, reading, self._object_bound[reading.lemma])
            if licence is not None:
                self.licences[i] = licence
                self._licence_words.add(licence)
                return reading
        return None

    def _bound_object(self, i: int, s: Sentence, form: TriggerForm, objects: frozenset[str]) -> int | None:
        """The first of ``objects`` after trigger ``i`` in its clause, None when there is none:
        "نشرت قوات X عناصرها" (a deployment) but not "نشرت قوات X بياناً" (media). A verb's own subject
        phrase is skipped unless the verb is intransitive ("تنتقل عناصرها": the moving units are its
        subject)."""
        stop = min(s.stop, i + 1 + _OBJECT_REACH)
        after_subject = i + 1
        if form.pos == "verb" and form.transitive and not self._bare_stem_noun(i, s, form):
            first = self._skip_fillers(i + 1, stop)
            subject = next((p for p in s.phrases if p.start == first and p.type == "Actor"), None)
            if subject is not None:
                after_subject = subject.end
        blockers = self.lex.words.get("object_bound_blockers", frozenset())
        if form.pos == "verb" and self._object_pronoun(i, form):
            told = self._prev_word(i, s)
            if told is not None and self.key(told) == _WHAT:
                # "ما نشرته منصات X عن انسحاب قواتها": the pronoun is what was told; the forces after it
                # are the account's content, not what was deployed
                return None
        for k in range(i + 1, stop):
            if self.toks[k].text in _BOUNDARY_PUNCT or self.toks[k].text in _SENTENCE_END:
                break
            readings = _object_key(self.key(k))
            if k >= after_subject and readings & blockers:
                return None  # "نشرت قوات X بياناً عن عناصرها": what is published is the statement
            if k >= after_subject and readings & objects:
                return k
        if form.pos == "verb" and self._object_pronoun(i, form):
            # "الحاجز الذي نصبه الفرع", "نقاطاً عسكرية ... كانت قد أقامتها": the object stands before
            for k in range(i - 1, max(s.start, i - _ANTECEDENT_REACH) - 1, -1):
                readings = _object_key(self.key(k))
                if self.toks[k].text in _SENTENCE_END or readings & blockers or self.key(k) == _WHAT:
                    return None  # "وفق ما نقلته وكالة", "ما نشرته منصات X": what was told, no object
                if readings & objects:
                    return k
        return None

    def _object_pronoun(self, i: int, form: TriggerForm) -> bool:
        """Whether verb ``i`` carries an object pronoun ("نصبه", "أقامتها")."""
        key = self.key(i)
        for suffix in _SUFFIXES:
            stem = self.lex.triggers.get(key[: -len(suffix)]) if key.endswith(suffix) else None
            if stem is not None and stem.lemma == form.lemma:
                return True
        return False

    def _singular_object(self, i: int, form: TriggerForm) -> bool:
        """Whether verb ``i`` ends in a singular object pronoun (ه، ها: "أخلته", "انتزعتها"), which
        can stand for a place; هم/هما are the people acted upon ("طردتهم")."""
        key = self.key(i)
        for suffix in ("ها", "ه"):
            stem = self.lex.triggers.get(key[: -len(suffix)]) if key.endswith(suffix) else None
            if stem is not None and stem.lemma == form.lemma and stem.pos == "verb":
                return True
        return False

    def _bare_stem_noun(self, i: int, s: Sentence, form: TriggerForm) -> bool:
        """ "تعتزم القوات نقل عناصرها", "لنقل عناصر": a bare past stem inside its clause is the verbal
        noun (the data lists no noun for lemmas whose definite noun names offices: وزارة النقل)."""
        before = self._prev_word(i, s)
        return (
            form.pos == "verb"
            and self.key(i) == form.lemma
            and not self._opens(i, s)
            and not (before is not None and self.lex.has("clause_openers", self.key(before)))
        )

    def _licensed_target(
        self, ev: EventMention, frame: Mapping[str, Any], in_window: Sequence[Phrase]
    ) -> None:
        """ "منعت دخول الشاحنات إلى المخيم", "تمنع فتح معبر X": the site right after the noun that
        licensed an object-bound trigger, or after a preposition of the goal, is its object (not the
        origin: "منعت مرور الشاحنات القادمة من إقليم كردستان")."""
        licence = self.licences.get(ev.trigger)
        if licence is None or ev.roles.get("target") or ev.roles.get("place"):
            return
        site = next((p for p in in_window if p.start > licence and p.type != "Actor" and p.iri), None)
        if site is not None and (
            site.start == licence + 1
            or self.key(site.start - 1) in _GOALS
            or self.prep_before(site, licence + 1) in _GOALS
        ):
            ev.add(_role_for(frame.get("object"), site) or "target", site.iri)
            ev.rule += "+object:licensed"

    # --- mediation -------------------------------------------------------------------------------
    def mediation_markers(self, s: Sentence) -> list[_Marker]:
        """ "بوساطة القوات الروسية", "وبرعاية من الأمم المتحدة", "بضمانة تركية", "تحت إشراف X": a
        mediation noun after ب or تحت, and the actor after it (past من), None when the mediator is
        only an adjective ("بوساطة أممية": no entity)."""
        out: list[_Marker] = []
        for i in range(s.start, s.stop):
            key = self.key(i)
            noun = key[1:] if key in self._mediation_words else key
            if key in self._mediation_words:
                start = i
            elif (
                (key in self._mediation_nouns or key in self._supervision_nouns)
                and i - 1 >= s.start
                and self.key(i - 1) in _MEDIATION_LEADS
            ):
                start = i - 1
            else:
                continue
            standalone = noun in self._mediation_nouns
            j = self._skip_quotes(i + 1, s.stop)
            if self.key(j) == "من":
                j = self._skip_quotes(j + 1, s.stop)
            found = next((p for p in s.phrases if p.start == j), None)
            if found is not None and found.type == "Actor" and found.iri:
                out.append(_Marker(start, i, found.end, found.iri, standalone))
            else:
                out.append(_Marker(start, i, i + 1, None, standalone))
        return out

    def _unknown_plural(self, j: int) -> bool:
        """A masculine plural noun (ـون) that is no entity phrase and no trigger: "سائقون", "مزارعون"."""
        key = self.key(j)
        return (
            len(key) >= 5
            and key.endswith("ون")
            and j not in self.covered
            and key not in self.lex.triggers
            and key[:1].isalpha()
        )

    def _nisba(self, key: str) -> bool:
        """ "المجلس الاجتماعي": ال + an event noun + ي is the adjective made from it (a dual or a
        possessive ي never takes ال), no event."""
        if not (key.startswith("ال") and key.endswith("ي")):
            return False
        base = self.lex.triggers.get(key[2:-1])
        return base is not None and base.pos == "noun"

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
                # "فكّ الجيش، صباح أمس، الحصار": past the time between the subject and the siege noun
                j = self._skip_fillers(subject.end, s.stop)
        return j if j < s.stop and self._siege_noun(j) else None

    def _after_lift_verb(self, i: int, s: Sentence) -> bool:
        """Whether siege noun ``i`` is the object of a lift verb (then the lifting is the event)."""
        j = i - 1
        while j >= s.start and (
            self.toks[j].is_quote
            or j in self.timed
            or (self.toks[j].text in ("،", ",") and (j + 1 in self.timed or j - 1 in self.timed))
        ):
            j -= 1  # "فكّ الجيش، صباح أمس، الحصار": back past the time too
        subject = next((p for p in s.phrases if p.end == j + 1 and p.type == "Actor"), None)
        k = self._prev_word(subject.start if subject is not None else i, s)
        if k is None:
            return False
        first = self.lex.triggers.get(self.key(k))
        lifts = [
            r for r in (first, *self.lex.readings.get(self.key(k), ())) if r and r.event_type == _LIFTING
        ]
        return any(self._lifted_siege(k, s, lift) == i for lift in lifts)

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
        if actor is not None and self._coercion_word(k) and self.key(actor.end) == "علي":
            return  # "وأجبر عناصر X على الخروج": X is the one forced, not the narrative's subject
        if actor is not None:
            self.subject = actor.iri

    def coerced(self, ev: EventMention, i: int, s: Sentence) -> None:
        """ "أجبرت X Y على الانسحاب من Z", "وأجبر Y على الخروج منه": the withdrawal noun ``i`` after
        على is one Y is forced into, an Expulsion of Y by X (told from the verb on); with no coercer
        (no actor before Y, no subject told before: "أُجبرت Y على الانسحاب") a withdrawal by Y."""
        found = self._coercion(i, s)
        if found is None:
            return
        verb, coercer, forced = found
        agents = [coercer.iri] if coercer is not None and coercer.iri else ev.roles.get("agent", [])
        agents = [a for a in agents if a != forced.iri]
        sites = {role: ev.roles.get(role, []) for role in ("target", "place") if ev.roles.get(role)}
        if "target" not in sites and ev.pronoun_roles.get("target"):
            sites["target"] = [ev.pronoun_roles["target"]]  # "على الخروج منه": the site told before
        if not agents:
            ev.roles = {"agent": [forced.iri or ""], **sites}
            ev.rule += "+coerced-passive"
            return
        ev.type = "Expulsion"
        ev.roles = {"agent": agents, "patient": [forced.iri or ""], **sites}
        ev.evidence = (verb, ev.evidence[1])
        ev.rule += "+coercion"
        before = self._prev_word(verb, s)
        if before is not None and self._negation(before, s):
            ev.status = "negated"  # "لم تجبر X Y على الانسحاب"

    def _coercion(self, i: int, s: Sentence) -> tuple[int, Phrase | None, Phrase] | None:
        """(coercion verb, coercer or None when carried over, the forced actor) of the noun ``i``."""
        j = self._prev_word(i, s)
        if j is None or self.key(j) != "علي":
            return None
        forced = self._actor_ending_at(j, s)
        if forced is None:
            return None
        k = self._word_before_actor(forced.start, s)
        if k is None:
            return None
        if self._coercion_word(k):
            return k, None, forced
        coercer = self._actor_ending_at(k + 1, s)
        verb = self._word_before_actor(coercer.start, s) if coercer is not None else None
        if verb is not None and self._coercion_word(verb):
            return verb, coercer, forced
        return None

    def _coercion_word(self, k: int) -> bool:
        """A verb or verbal noun of forcing ("أجبرت", "بإجبار": the ب the tokenizer leaves on it)."""
        key = self.key(k)
        return self.lex.has("coercion_verbs", key) or (
            key[:1] in ("ب", "ل") and self.lex.has("coercion_verbs", key[1:])
        )

    def _actor_ending_at(self, end: int, s: Sentence) -> Phrase | None:
        """The named actor phrase right before token ``end`` (past a closing quote)."""
        for p in s.phrases:
            if (
                p.type == "Actor"
                and p.iri
                and (p.end == end or (p.end == end - 1 and self.toks[p.end].is_quote))
            ):
                return p
        return None

    def _word_before_actor(self, start: int, s: Sentence) -> int | None:
        """The word before an actor phrase, past quotes and a member noun ("عناصر «X»")."""
        j = start - 1
        while j >= s.start and self.toks[j].is_quote:
            j -= 1
        if j >= s.start and self.lex.has("member_constructs", self.key(j)):
            j -= 1
        return j if j >= s.start else None

    def _definite_heads(
        self, ev: EventMention, frame: Mapping[str, Any], i: int, s: Sentence, wend: int, adjacent: int
    ) -> None:
        """ "انتزعت المديرية من القوات", "انسحبوا من البلدة": a definite head noun standing alone as an
        argument is the place or facility of that kind named before (in this sentence or the one
        before); it fills a role of the frame that the window left empty (never the event's place)."""
        for k in range(i + 1, wend):
            key = self.key(k)
            if not key.startswith("ال"):
                continue
            if k in self.covered and not any(
                p.start == k and p.end == k + 1 and not p.iri for p in s.phrases
            ):
                continue  # a word of a named phrase; a lone head the chunker could not name is welcome
            head = self.lex.heads.get(key)
            site = head is None and key in self.lex.words.get("site_nouns", frozenset())
            if not site and (head is None or head.entity_type not in ("Place", "Facility")):
                continue
            before = self.key(k - 1)
            prep = (
                "object" if k == adjacent else (before if before in self.lex.words["prepositions"] else None)
            )
            if prep is None:
                continue
            antecedent = self._site_referent(k, s) if head is None else self._head_referent(head, k, s)
            role = _role_for(frame.get(prep), antecedent) if antecedent is not None else None
            if antecedent is not None and role is not None and role != "place" and not ev.roles.get(role):
                ev.add(role, antecedent.iri)
                ev.rule += f"+{role}:definite-head"

    def _site_referent(self, k: int, s: Sentence) -> Phrase | None:
        """What "الموقع" / "المكان" names: the latest facility before token ``k`` (this sentence or the
        one before), else the latest place."""
        facility: Phrase | None = None
        place: Phrase | None = None
        for sent in (self.sentences[s.index - 1], s) if s.index > 0 else (s,):
            for p in sent.phrases:
                if p.start >= k or not p.iri:
                    continue
                if p.type == "Facility":
                    facility = p
                elif p.type == "Place":
                    place = p
        return facility if facility is not None else place

    def _head_referent(self, head: HeadNoun, k: int, s: Sentence) -> Phrase | None:
        """The latest place or facility before token ``k`` named with ``head`` or of its subtype."""
        found: Phrase | None = None
        for sent in (self.sentences[s.index - 1], s) if s.index > 0 else (s,):
            for p in sent.phrases:
                if p.start >= k or not p.iri or p.type not in ("Place", "Facility"):
                    continue
                named = self.lex.heads.get(self.key(p.start))
                same_head = named is not None and named.singular == head.singular
                if same_head or (p.type == head.entity_type and p.subtype == head.subtype):
                    found = p
        return found

    def _first_person(self, i: int, form: TriggerForm) -> bool:
        """Whether verb ``i`` is in the first person plural: نـ for يـ in the present ("ننسحب", "سننسحب"),
        ـنا on the past ("سيطرنا"), each checked against the third-person form of the same verb."""
        key = self.key(i)
        if form.tense == "future":
            key = key[1:]
        if form.tense in ("present", "future") and key.startswith("ن"):
            other = self.lex.triggers.get("ي" + key[1:])
        elif form.tense == "past" and key.endswith("نا"):
            other = self.lex.triggers.get(key[:-2])
        else:
            return False
        return other is not None and other.lemma == form.lemma

    def _complementizer_pronoun(self, i: int, s: Sentence) -> str | None:
        """The pronoun suffix of the أن/إن right before verb ``i`` ("أنها ستتسلم": "ها"), else None."""
        prev = self._prev_word(i, s)
        if prev is None or self.key(prev) not in self.lex.words["content_markers"]:
            return None
        key = self.key(prev)
        return next((p for p in _SUFFIXES if key.endswith(p)), None)

    def _head_antecedent(self, k: int, before: int) -> str | None:
        """ "الهيئة" after "هيئة تحرير الشام": the latest actor named before token ``before`` whose name
        opens with the head noun that the definite word ``k`` is, else None."""
        key = self.key(k)
        head = self.lex.heads.get(key)
        if head is None or head.entity_type != "Actor":
            return None
        bare = key.removeprefix("ال")
        found = None
        for pos, iri in self.actor_mentions:
            if pos >= before:
                break
            if self.key(pos).removeprefix("ال") == bare:
                found = iri
        return found

    def _quoted_members(self, first: int, stop: int, in_window: Sequence[Phrase]) -> Phrase | None:
        """The phrase after the member noun at ``first`` ("عناصر «كتيبة X»"); inside quotes, also one that
        starts a word later, when the quoted name opens with a head the chunker does not know ("عناصر
        «حلف قبائل X»" chunked as "قبائل X")."""
        start = self._skip_quotes(first + 1, stop)
        found = next((p for p in in_window if p.start == start), None)
        if found is None and start > first + 1 and start + 1 < stop:
            found = next((p for p in in_window if p.start == start + 1 and p.type == "Actor"), None)
            if found is not None and not (found.end < stop and self.toks[found.end].is_quote):
                found = None  # only a name that fills the quotes
        return found

    def _second_actor(self, j: int, stop: int, rest: Sequence[Phrase]) -> bool:
        """Whether an actor (or members of one: "عناصر «قسد»") starts right at ``j``: the object after
        a subject, which makes an opening noun that folds with its verb (طرد) the verb."""
        j = self._skip_fillers(j, stop)
        if j < stop and self.lex.has("member_constructs", self.key(j)) and j not in self.covered:
            j = self._skip_fillers(j + 1, stop)
        return any(p.start == j and p.type == "Actor" for p in rest)

    def _units_before(self, start: int, floor: int) -> bool:
        """Whether "units + ل" stand right before the phrase at ``start`` ("مسلحين لـ«X»")."""
        k = start - 1
        while k > floor and self.toks[k].is_quote:
            k -= 1
        return k - 1 >= floor and self.key(k) == "ل" and self.lex.has("unit_members", self.key(k - 1))

    def _members_of(self, first: int, stop: int, in_window: Sequence[Phrase]) -> int:
        """Where the actor stands whose units the words at ``first`` name: "وحدات للجيش السوداني",
        "مسلحين لـ«X»" (units, ل, the actor), "آخر وحدات الجيش" (the last units of); else ``first``."""
        j = first
        if j < stop and self.key(j) == "اخر":
            j += 1  # "آخر وحدات الجيش"
            if any(p.start == j and p.type == "Actor" for p in in_window):
                return j
        if not (j < stop and self.lex.has("unit_members", self.key(j))) or j in self.covered:
            return first
        j += 1
        if j < stop and self.key(j) == "ل" and self.toks[j].clitic:
            j += 1
        elif j - first < 2:
            return first  # bare "وحدات الجيش" is an actor phrase of its own (phrases.py)
        j = self._skip_quotes(j, stop)
        actor = next((p for p in in_window if p.start == j and p.type == "Actor"), None)
        return j if actor is not None else first

    def _members_from(self, first: int, stop: int, in_window: Sequence[Phrase]) -> bool:
        """Whether the words at ``first`` are members of an actor ("عناصر مجموعة محلية", "مسلحي «X»")
        followed by من: the people driven out of a place, not the ones who drive them out."""
        key = self.key(first)
        if first >= stop or not self.lex.has("member_constructs", key) or key.endswith("و"):
            return False  # "مقاتلو X" (nominative) are the subject
        whole = next((p for p in in_window if p.start == first and p.type == "Actor"), None)
        if whole is None and first in self.covered:
            return False
        found = whole or self._quoted_members(first, stop, in_window)
        j = found.end if found is not None else first + 1
        if found is None:
            while j < stop and j - first <= _MEMBERS_REACH and j not in self.covered:
                if self.toks[j].is_punct or self.key(j) == "من" or self.lex.has("prepositions", self.key(j)):
                    break
                j += 1
        while j < stop and self.toks[j].is_quote:
            j += 1
        return j < stop and self.key(j) == "من"

    def _short_name_antecedent(self, k: int, before: int, stop: int) -> str | None:
        """The actor named before token ``before`` whose name, past its head noun, is the word at ``k``
        ("الكانيات" for "قوات الكانيات", "الحوثي" for "جماعة الحوثي"), else None."""
        k = self._skip_quotes(k, stop)
        if k >= stop or k in self.covered or self.toks[k].is_punct:
            return None
        key = self.key(k)
        if len(key) < 4 or key in self.lex.triggers or self.lex.has("prepositions", key):
            return None
        found = None
        for sent in self.sentences:
            for p in sent.phrases:
                if p.start >= before or p.type != "Actor" or not p.iri or p.end - p.start < 2:
                    continue
                if self.key(p.start + 1) == key:
                    found = p.iri
        return found

    def contrast_between(self, a: int, b: int) -> bool:
        """Whether a contrasting clause opens between tokens ``a`` and ``b`` ("، في حين", "، بينما",
        "، لكن"): after a comma, so that "لكنه" inside a quoted clause does not count."""
        for k in range(a + 1, b):
            if self.toks[k].text in (",", "،") and self.seq_at(k + 1, "contrast_openers", b) is not None:
                return True
        return False

    def clause_verb(self, i: int, s: Sentence) -> bool:
        """ "فيما أقرّ الجيش السوداني بانسحاب قواته", "لم يستطع الحوثيون دخول", "توعّد الجيش بـ": a word
        opening a clause (the sentence, after و/ف, a clause opener or a sentence-initial negation), itself
        no event, preposition or particle, with an actor phrase after it, is a verb and that actor its
        subject (the narrative's subject from there on)."""
        # the cheap tests first: this runs for nearly every word
        j = i + 1
        if j not in self.actor_starts:
            if j >= s.stop or not (self.toks[j].is_quote or j in self.timed):
                return False
            if self._skip_fillers(j, s.stop) not in self.actor_starts:
                return False
        before = self._prev_word(i, s)
        opener = (
            before is None
            or self.key(before) in ("و", "ف")
            or self.lex.has("clause_openers", self.key(before))
            or (self.key(before) == _WHILE and self.key(before - 1) == "في")
            or (self.lex.has("negations", self.key(before)) and self._prev_word(before, s) is None)
        )
        key = self.key(i)
        if not opener or len(key) < 3 or key.startswith("ال") or self.toks[i].is_punct:
            return False
        groups = ("prepositions", "content_markers", "negations", "clause_openers", "support_links")
        return not any(self.lex.has(group, key) for group in groups)

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

    def _denied_account(self, i: int, s: Sentence, scope: EventMention) -> bool:
        """Whether speech trigger ``i`` is the free relative "ما قالته ..." that a denial ``scope``
        before it takes as its object ("نفت X ما ذكرته وسائل إعلام عن انسحابها"), rather than a source
        ("بحسب ما أفادت مصادر", "وفق ما قاله")."""
        if self.lex.types[scope.type].scope_status != "denied":
            return False
        prev = self._prev_word(i, s)
        if prev is None or self.key(prev) != _WHAT or prev <= scope.trigger:
            return False
        before = self._prev_word(prev, s)
        return before is None or not self.lex.has("attribution_markers", self.key(before))

    def _account_side(self, i: int, s: Sentence) -> str | None:
        """The actor whose media told the account that event noun ``i`` is the content of.

        "نفت X ما نشرته منصات تابعة لـY عن سيطرة فصائله على ..."، "ما تداولته وسائل إعلام Y عن دخول
        المدينة": the act told "عن" after "ما <account verb> <outlet> Y" is Y's side's own (its
        forces, its entry), never the denier's, whose subject would otherwise be carried over. Only an
        actor the account names after its verb counts; "ما قالته مصادر عن" names no side."""
        about = self._prev_word(i, s)
        if about is None or self.key(about) != _ABOUT:
            return None
        for k in range(about - 1, max(s.start, about - _ACCOUNT_REACH) - 1, -1):
            if self.toks[k].text in _BOUNDARY_PUNCT or self.toks[k].text in _SENTENCE_END:
                return None
            if not self.lex.has("account_verbs", self.key(k)):
                continue
            what = self._prev_word(k, s)
            if what is None or self.key(what) != _WHAT:
                return None
            side = [p for p in s.phrases if p.type == "Actor" and p.iri and k < p.start and p.end <= about]
            return side[-1].iri if side else None
        return None

    def _held(self, i: int, s: Sentence) -> bool:
        """Whether trigger ``i`` tells a state: a present-tense control verb ("تسيطر عليها X"), or any
        seizure verb shortly after ``لا تزال / ما زالت`` in its clause."""
        if self.key(i) in self.lex.words.get("state_verbs", frozenset()):
            return True
        markers = self.lex.words.get("continuation_markers", frozenset())
        # a long holder may stand between ("لا تزال قوات الجيش الوطني الليبي بقيادة X تُحكم قبضتها")
        for k in range(i - 1, max(s.start, i - _HELD_REACH) - 1, -1):
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
            aside = self._aside_after(i, j, s, form, triggers)
            if aside is not None:
                # "وسيطر الحوثيون، عقب معارك عنيفة مع قوات العمالقة، على مراكز ...": past the aside
                self.asides.append((j, aside))
                j = aside + 1
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

    def _aside_after(
        self, i: int, j: int, s: Sentence, form: TriggerForm, triggers: Mapping[int, TriggerForm]
    ) -> int | None:
        """The closing comma of an aside opening at comma ``j`` right after verb ``i`` or its subject,
        when what follows it is a preposition the verb's frame reads ("سيطر الحوثيون، عقب معارك ...، على
        مراكز"); None otherwise (then the comma ends the window as usual)."""
        if form.pos != "verb" or self.toks[j].text not in (",", "،"):
            return None
        after_subject = any(
            p.type == "Actor" and self._skip_quotes(p.end, j) == j and p.start > i for p in s.phrases
        )
        if j != i + 1 and not after_subject:
            return None
        frame = self.lex.types[form.event_type].frame
        for k in range(j + 1, min(s.stop, j + 12)):
            # a verbal noun may stand in the aside ("، بموجب تفاهم مع X،", "، عقب انسحاب Y،"), a verb not
            if (k in triggers and triggers[k].pos != "noun") or (
                self.toks[k].text in _BOUNDARY_PUNCT and self.toks[k].text not in (",", "،")
            ):
                return None
            if self.toks[k].text in (",", "،"):
                nxt = self.key(k + 1)
                if nxt in self.lex.words["prepositions"] and frame.get(nxt) is not None:
                    return k
                # "سلّمت X، بموجب تفاهم مع Y، مبنى Z إلى W": the verb's object right after the aside
                first = self._skip_quotes(k + 1, s.stop)
                site = any(p.start == first and p.type in ("Facility", "Place") for p in s.phrases)
                return k if site and frame.get("object") is not None and j != i + 1 else None
        return None

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
        if form.lemma in self.mediation_lemmas:
            frame = _mediation_frame(frame)
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
        in_window = [
            p for p in s.phrases if i < p.start < wend and not any(a < p.start < b for a, b in self.asides)
        ]
        first = self._skip_fillers(i + 1, wend)
        if (
            form.pos == "verb"
            and first < wend
            and self.key(first) in self.lex.words.get("resumptive", frozenset())
        ):
            # "المدينة التي تسيطر عليها قوات X": the subject follows the resumptive pronoun
            first = self._skip_fillers(first + 1, wend)
        if form.pos == "noun" and not form.pronoun_suffix and not self.key(i).startswith("ال"):
            # "انسحاب وحدات للجيش منه", "طرد مسلحين لـ«X»", "انسحاب آخر وحدات الجيش": the actor is the genitive
            first = self._members_of(first, wend, in_window)
        licence = self.licences.get(i)
        if licence is not None and self._bare_stem_noun(i, s, form):
            form = TriggerForm(form.event_type, form.lemma, "noun", False, form.transitive, "")
        if (
            form.pos == "noun"
            and licence is not None
            and not form.pronoun_suffix
            and in_window
            and in_window[0].start == first
            and in_window[0].type == "Actor"
            and licence >= in_window[0].end
            and self._opens(i, s)
        ):
            # "نشر الجيش تعزيزات": opening its clause with an actor and then the object, نشر is the verb
            form = TriggerForm(form.event_type, form.lemma, "verb", False, form.transitive, "past")
        elif (
            form.pos == "noun"
            and form.transitive
            and not form.pronoun_suffix
            and not self.key(i).startswith("ال")
            and in_window
            and in_window[0].start == first
            and in_window[0].type == "Actor"
            and self._opens(i, s)
            and self._second_actor(in_window[0].end, wend, in_window[1:])
        ):
            # "طرد مقاتلون من عشيرة X عناصر «قسد» من ...": an actor, then another actor as object: the verb
            form = TriggerForm(form.event_type, form.lemma, "verb", False, form.transitive, "past")
        genitive_agent = form.pos == "noun" and not form.pronoun_suffix and not self.key(i).startswith("ال")
        if genitive_agent and form.transitive:
            # "طرد قوات الحكومة": the genitive of a transitive verbal noun is its object, unless the
            # object comes with ل ("حصار الحوثيين لمدينة مأرب")
            genitive_agent = any(self.prep_before(p, i + 1) in _GOAL_PREPS for p in in_window[1:])
            # "لنقل عناصر X إلى": the noun that licenses the trigger is its object, إلى its destination
            genitive_agent = genitive_agent and not (licence is not None and licence <= in_window[0].start)
        # "«قوات X» تطرد مسلحي «Y» من ...", "تطرد عناصر مجموعة محلية من المبنى": with a subject before
        # the verb, or members followed by من, the members after a verb that takes a patient are its object
        takes_patient = form.transitive and _role_for(frame.get("object"), _ActorStub) == "patient"
        svo_first = self._subject_before(i, s) if takes_patient and form.pos == "verb" else None
        expelled = (
            takes_patient
            and form.pos == "verb"
            and (svo_first is not None or self._members_from(first, wend, in_window))
        )
        if (
            (form.pos in ("verb", "participle") or genitive_agent)
            and not expelled
            and in_window
            and in_window[0].start == first
            and in_window[0].type == "Actor"
            # "واتهمت الجيش بقصفه": a bare national institution disagreeing with the verb is its object
            and not (
                in_window[0].national
                and self.key(first) in self.lex.heads
                and self._disagrees(i, self.key(first), form)
            )
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
        if (
            explicit is None
            and form.pos in ("verb", "participle")
            and first < wend
            and first not in self.covered
            and self.key(first) in self.lex.words["latter"]
        ):
            # "بعد أن أخلته الأخيرة", "دفعت الأخيرة بتعزيزات": the latter is the latest actor named
            latter = self._latter(i)
            if latter is not None:
                explicit, subject_end, explicit_after = latter, first + 1, True
                ev.rule += "+subject:latter"
        if form.pos == "noun" and not form.pronoun_suffix and not self.key(i).startswith("ال"):
            # "ونفى مصدر": نفى and نفي fold together; opening its clause, the form is the verb
            before = self._prev_word(i, s)
            opens = (
                before is None
                or self.key(before) in ("و", "ف")
                or self.toks[before].text in _BOUNDARY_PUNCT
                # "بينما نفى المتحدث", "فيما نفت مصادر": after a clause opener
                or self.lex.has("clause_openers", self.key(before))
            )
            subject_next = first < wend and (
                self.lex.has("anonymous_subjects", self.key(first)) or self._suffixed_head(first)
            )
            if (opens and subject_next) or (before is not None and self._subject_before(i, s) is not None):
                # "غير أن الجيش نفى ذلك": an actor opening the clause right before it makes it the verb
                form = TriggerForm(form.event_type, form.lemma, "verb", False, form.transitive)
        if (
            explicit is None
            and form.pos == "noun"
            # "دخول قواتها المدينة", "سحب قواته من": its forces, whether they go in or are withdrawn
            and (genitive_agent or not form.transitive or self._suffixed_head(first))
            and not form.pronoun_suffix
            and not self.key(i).startswith("ال")
            and first < wend
            and self._suffixed_head(first)
            and self.subject
        ):
            # "انسحاب قواته من", "دخول عناصرها إلى": its forces, the subject told before; in an
            # account ("ما نشرته منصات تابعة لـX عن سيطرة فصائله"), the forces of the account's side
            account = self._account_side(i, s)
            explicit, subject_end, explicit_after = account or self.subject, first + 1, True
            ev.rule += "+agent:suffixed-genitive" + ("-of-account" if account else "")
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
        # "تتسلم إدارة المعبر": a custody noun after a verb of taking or giving control is its object
        custody = spec.changes_control is not None and self.lex.has("custody_nouns", first_key)
        anonymous = anonymous and not custody
        anonymous = anonymous and (
            self.lex.has("anonymous_subjects", first_key)
            or self.lex.has("anonymous_subjects", _without_suffix(first_key))
            or (
                first_key in self.lex.heads
                and self.lex.heads[first_key].entity_type == "Actor"
                and not self._disagrees(i, first_key, form)
            )
        )
        if anonymous and first_key.startswith("ال") and first not in self.covered:
            antecedent = self._head_antecedent(first, i)
            if antecedent is not None:
                # "ونفت الهيئة": a definite actor head after the verb is the actor it heads, named before
                explicit, subject_end, explicit_after, anonymous = antecedent, first + 1, True, False
                ev.rule += "+subject:definite-head"
        if (
            explicit is None
            and first + 1 < wend
            and form.pos in ("verb", "noun")
            and self.lex.has("member_constructs", first_key)
            and (first + 1) not in self.covered
            and self.key(first + 1) in self.lex.words["latter"]
        ):
            # "فيما انسحب عناصر الأخيرة من المبنى", "انسحاب مقاتلي الأخير": the members of the latter
            latter = self._latter(i)
            if latter is not None:
                explicit, subject_end, explicit_after, anonymous = latter, first + 2, True, False
                ev.rule += "+subject:members-of-latter"
        if explicit is None and self._relative_of_non_actor(i, s):
            anonymous = True  # "التجار، الذين قالوا": the relative's antecedent is no known actor
        if explicit is None and spec.speech and form.pos == "verb" and self._unknown_plural(first):
            anonymous = True  # "وقال سائقون", "أفاد مزارعون": people the gazetteer does not know
        if anonymous and expelled and self.lex.has("member_constructs", first_key):
            anonymous = False  # the members are the object, the subject is before the verb or carried
        if anonymous:
            subject_end, explicit_after = first + 1, True
            # "مصدر (عسكري) في الفرقة الرابعة": a source inside an actor speaks for it
            for k in (first + 1, first + 2):
                spoken_for = self.key(k).removeprefix(_ON_BEHALF)
                if self.key(k).startswith(_ON_BEHALF) and spoken_for in _PRONOUNS and self.subject:
                    # "وأكد متحدث باسمها": a spokesman for the actor told before
                    explicit, subject_end = self.subject, k + 1
                    ev.rule += "+subject:spokesman-of-pronoun"
                    break
                if self.key(k) in _SOURCE_LINKS or self.lex.has("prepositions", self.key(k)):
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
        if explicit is None and not anonymous and form.pos == "verb" and first < wend:
            # "وفق ما قاله عضو في المجلس": after the relative ما the subject follows the verb; a word
            # there that names no known actor is an unknown subject, nothing is carried over
            before = self._prev_word(i, s)
            anonymous = (
                before is not None
                and self.key(before) == _WHAT
                and first not in self.covered
                and not self.toks[first].is_punct
                and not self.lex.has("prepositions", self.key(first))
            )
        suffix = self._complementizer_pronoun(i, s) if form.pos == "verb" and explicit is None else None
        if suffix is not None and self.subject and (not anonymous or suffix != "ه"):
            # "أعلنت الوزارة أنها ستتسلم إدارة السجن", "أكدوا أنهم انسحبوا": the pronoun of أن is the
            # subject told before (the speaker), and a noun after the verb its object; a bare أنه may be
            # the expletive ("بأنه انسحبت مجموعة"), so an unknown subject after it stays unknown
            explicit, anonymous = self.subject, False
            ev.rule += "+subject:complementizer-pronoun"
        if (
            explicit is None
            and not anonymous
            and genitive_agent
            and self.lex.has("member_constructs", first_key)
        ):
            members = self._quoted_members(first, wend, in_window)
            if members is not None and members.type == "Actor" and members.iri:
                # "انسحاب مسلحي «كتيبة X» منه": the members of a named actor in the genitive act for it
                explicit, subject_end, explicit_after = members.iri, members.end, True
                in_window = [p for p in in_window if p is not members]
                ev.rule += "+subject:members-of"
            elif members is None and (short := self._short_name_antecedent(first + 1, i, wend)) is not None:
                # "قوات الكانيات ... انسحاب مسلحي الكانيات": the members of an actor named by its short name
                explicit, subject_end, explicit_after = short, first + 2, True
                ev.rule += "+subject:members-of-short-name"
            elif members is None:
                anonymous = True  # members of an actor no one named: the subject told before is not it
        if (
            explicit is None
            and not anonymous
            and genitive_agent
            and first < wend
            and first not in self.covered
            and first not in self.timed
            and self.key(first).startswith("ال")
            and self.key(first) not in self.lex.words["latter"]
            and self.key(first) not in self.lex.triggers
        ):
            # "بعد انسحاب الشرطة منها": the genitive of an intransitive verbal noun is its agent, here
            # one no gazetteer knows; the subject told before is not carried over to it, unless it is the
            # head noun of an actor named before ("هيئة تحرير الشام ... انسحاب الهيئة": that actor)
            antecedent = self._head_antecedent(first, i)
            if antecedent is not None:
                explicit, subject_end, explicit_after = antecedent, first + 1, True
                ev.rule += "+agent:definite-head"
            else:
                anonymous = True
        if (
            explicit is None
            and not anonymous
            and genitive_agent
            and first < wend
            and first not in self.covered
            and len(first_key) >= 5
            and first_key.endswith(("ين", "ون"))
            and first_key not in self.lex.triggers
            and not self.lex.has("prepositions", first_key)
        ):
            # "اقتحام مسلحين لمبنى", "انسحاب مقاتلين منه": unnamed people in the genitive are the agent
            anonymous = True
            ev.rule += "+agent:unnamed-plural"
        if (
            explicit is None
            and not anonymous
            and form.pos == "noun"
            and form.transitive
            and not form.pronoun_suffix
            and not self.key(i).startswith("ال")
            and self._human_genitive_before_object(first, wend)
        ):
            # "تسليم المسلحين أسلحتهم", "اقتحام المسلحين المبنى": a people plural in the genitive with
            # the object after it is the agent, one no gazetteer knows: the subject is not carried over
            anonymous = True
            ev.rule += "+agent:unknown-genitive"
        if anonymous:
            ev.rule += "+subject:anonymous"
        if explicit is None and form.pos == "verb":
            svo = self._subject_before(i, s)
            if svo is not None:
                explicit, ev_start = svo.iri, svo.start
                ev.rule += "+subject:svo"
            elif (latter_at := self._latter_before(i, s)) is not None:
                explicit, ev_start = latter_at
                ev.rule += "+subject:latter"
            elif self._unknown_subject_before(i, s):
                anonymous = True
                ev.rule += "+subject:unknown-svo"
        if form.pos == "verb":
            kana = self._pluperfect(i, s)
            if kana is not None:
                k, actor = kana
                ev.pluperfect, ev_start = True, k
                ev.rule += "+pluperfect"
                if actor is not None and explicit is None:
                    explicit = actor
                    ev.rule += "+subject:kana"
        # "الذي كانت قوات X قد سيطرت عليه": a relative clause tells of its antecedent, the narrative goes on
        opener = self._prev_word(ev_start, s)
        relative_clause = opener is not None and self.key(opener) in _RELATIVES
        if explicit is None and form.pos == "verb":
            relative_to = self._relative_antecedent(ev_start, s)
            if relative_to is not None:
                # "مسلحي جماعة الحوثي، التي كانت قد انتزعت المديرية", "للبيشمركة التي نشرت عناصرها"
                explicit, relative_clause = relative_to.iri, True
                ev.rule += "+subject:relative-antecedent"
            else:
                topic = self._fronted_topic(ev_start, s)
                if topic is not None:
                    # "أما قوات X، التي ...، فقد أعلنت انسحابها": the fronted topic is the subject
                    explicit = topic.iri
                    ev.rule += "+subject:fronted-topic"
        # agent of a verbal noun
        if form.pos == "noun" and explicit is None:
            explicit, ev_start = self._noun_agent(i, s, form, ev, ev_start)
        rel = i + 2 if self.key(i + 1) in _RELATIVES else i + 1  # "الحصار الذي تفرضه قوات النظام"
        if form.pos == "noun" and self.key(rel) in self.lex.words["relative_support_verbs"]:
            rel_actor = next(
                (p for p in s.phrases if p.start == self._skip_quotes(rel + 1, wend) and p.type == "Actor"),
                None,
            )
            if rel_actor is not None:
                ev.add(
                    _role_for(frame.get("agent_of_noun", frame.get("subject")), rel_actor) or "agent",
                    rel_actor.iri,
                )
                in_window = [p for p in in_window if p is not rel_actor]
                ev.rule += "+agent:relative-verb"
        if explicit is not None:
            ev.add(_role_for(frame.get("subject"), _ActorStub) or "agent", explicit)
            if (
                not quoted
                and not relative_clause  # a relative clause tells of its antecedent, the narrative goes on
                and not (form.pos == "noun" and "subject:vso" in ev.rule and not self._opens(i, s))
            ):
                # a verbal noun's genitive ("حصار قوات النظام") is no new subject of the narrative; a
                # form opening its clause is the verb ("نفى الجيش", نفى and نفي fold together)
                self.subject = explicit
        adjacent = self._skip_fillers(subject_end if explicit_after else i + 1, wend)
        if not explicit_after and form.pos == "noun" and first > adjacent:
            adjacent = first  # the actor whose units the verbal noun tells of ("طرد مسلحين لـ«X»")
        aside_end = next((b for a, b in self.asides if a == adjacent and b < wend), None)
        if aside_end is not None:
            # "سلّمت X، بموجب تفاهم مع Y، مبنى Z": the object stands right after the aside
            adjacent = self._skip_fillers(aside_end + 1, wend)
        while (
            adjacent < wend
            and adjacent not in self.covered
            and self.lex.has("custody_nouns", self.key(adjacent))
        ):
            # "تتسلم القوات إدارة المطار", "تسليم حماية المعبر": the site after the custody noun is the object
            adjacent = self._skip_fillers(adjacent + 1, wend)
        if (
            takes_patient
            and adjacent < wend
            and adjacent not in self.covered
            and not any(p.start == adjacent for p in in_window)
            and self.lex.has("member_constructs", self.key(adjacent))
        ):
            # "طردت عناصر «قسد» من": the actor whose members are expelled is the patient
            adjacent = self._skip_fillers(adjacent + 1, wend)
        self._window_roles(ev, frame, in_window, i + 1, adjacent)
        self._licensed_target(ev, frame, in_window)
        if form.pos == "verb":
            # (a verbal noun with a definite genitive, "تسليم المقر", mostly retells an event told before)
            self._definite_heads(ev, frame, i, s, wend, adjacent)
        if not ev.backref or (explicit is not None and explicit_after):
            # "بعد ساعات من انسحاب عناصر X منه": a back-reference naming its own agent tells the event
            self._pronoun_roles(ev, frame, i, s, wend)
        if form.pos == "verb" and form.transitive and self._singular_object(i, form):
            # "بعدما انتزعتها فصائل X", "بعد أن أخلته وحدات X": the verb's object pronoun is the
            # latest place or facility named (used only when the window names no target)
            self._suffix_object(ev, i, s)
            ev.rule += VERB_SUFFIX_RULE
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
        if form.pos == "verb" and not ev.has_agent() and self._first_person(i, form):
            # "«لن ننسحب من ...»، قال قائد في X": we, the speaker of the quotation; find_mentions gives
            # it the speaker of its sentence, never the subject told before
            ev.first_person, anonymous = True, True
            ev.rule += "+first-person"
        # "من القوات المنسحبة": a definite participle describing the noun before it names no new act by
        # the subject of the narrative
        attributive = form.pos == "participle" and self.key(i).startswith("ال") and i > s.start
        anonymous = anonymous or (attributive and self.key(i - 1).startswith("ال"))
        # default agent: the subject carried over from the previous clause
        account = self._account_side(i, s) if form.pos == "noun" else None
        if spec.default_agent and not ev.has_agent() and account is not None and not anonymous:
            # "ما نشرته منصات الدعم السريع عن دخول المدينة": the account's side tells of its own act
            ev.add(spec.default_agent, account)
            ev.rule += "+agent:side-of-account"
        elif spec.default_agent and not ev.has_agent() and self.subject is not None and not anonymous:
            ev.add(spec.default_agent, self.subject)
            ev.rule += "+agent:carried-subject"
        elif (
            spec.default_agent
            and not ev.has_agent()
            and not anonymous
            and form.pos == "verb"
            and not spec.speech
        ):
            opening = self._opening_subject(i, s)
            if opening is not None:
                ev.add(spec.default_agent, opening)
                ev.rule += "+agent:opening-subject"
        # status from the trigger's own context
        if spec.status:
            ev.status = spec.status
        previous = self._prev_word(i, s)
        if ev_start < i and self._control_verb(ev_start):
            previous = self._prev_word(ev_start, s)  # "لم تفرض الفرقة أي إتاوات": negation of the verb
        refused = previous is not None and self.lex.has("refusal_markers", self.key(previous))
        refused = refused or (ev_start < i and self.lex.has("refusal_markers", self.key(ev_start)))
        governor = self._verb_before_subject(i, s)
        refused = refused or (governor is not None and self.lex.has("refusal_markers", self.key(governor)))
        refused = refused or (form.pos == "noun" and self._distant_refusal(ev_start, s))
        if previous is not None and self._negation(previous, s):
            ev.status = "negated"
        elif refused:
            # "رفضت الانسحاب", "عدم انسحاب", "فشلت في اقتحام": the act did not happen
            ev.status = "negated"
            ev.rule += "+refusal"
        elif form.pos == "noun" and self._negated_governor(ev_start, s):
            # "لم يحاول اقتحامه", "لم تستطع القوات دخول البلدة": the verb governing the noun is negated
            ev.status = "negated"
            ev.rule += "+negated-governor"
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
        head = actor.start
        lead = head - 1
        while lead > s.start and self.toks[lead].is_quote:
            lead -= 1  # "ما زالت «قوات X» تسيطر": the word before the quoted name
        if (
            lead - 1 >= s.start
            and self.key(lead) in _SOURCE_LINKS
            and (lead - 1) not in self.covered
            and self.lex.has("anonymous_subjects", self.key(lead - 1))
        ):
            # "غير أن المتحدث باسم الجيش نفى ذلك", "لكن مصدراً في X أكد": the source speaks for the actor
            head = lead - 1
            lead = head - 1
        before = self.key(lead) if head > s.start else ""
        opens_clause = (
            head == s.start
            or (lead == s.start and self.toks[lead].is_quote)
            or before in self.lex.words["content_markers"]
            or self.lex.has("clause_openers", before)
            or self.toks[head - 1].text in _BOUNDARY_PUNCT
            or before in ("و", "ف")
            or before in continuation  # "لا تزال جماعة X تسيطر": the subject after the marker
            or (before[:1] in ("و", "ف") and before[1:] in self.lex.words["content_markers"])  # "فإن X"
        )
        return actor if opens_clause else None

    def _unknown_subject_before(self, i: int, s: Sentence) -> bool:
        """ "لكن قيادة عمليات غرب نينوى نفت ذلك": a subject no gazetteer knows, headed by an actor noun,
        opens the clause right before the verb; the subject told before is not the one acting here."""

        def opener(k: int) -> bool:
            key = self.key(k)
            return (
                (self.toks[k].is_punct and not self.toks[k].is_quote)
                or key in ("و", "ف", "لكن", "ولكن")
                or key in self.lex.words["content_markers"]
                or self.lex.has("clause_openers", key)
            )

        k = i - 1
        while k >= s.start and i - k <= _UNKNOWN_SUBJECT_REACH and not opener(k):
            if self.key(k) in self.lex.triggers:
                return False
            k -= 1
        head = k + 1
        if head >= i or i - k > _UNKNOWN_SUBJECT_REACH or head in self.covered:
            return False
        if any(p.type == "Actor" and head <= p.start < i for p in s.phrases):
            return False  # a known actor there is the subject (_subject_before) or its genitive
        opens = k < s.start or opener(k)
        key = self.key(head)
        bare = key.removeprefix("ال")
        actor_head = any(
            w in self.lex.heads and self.lex.heads[w].entity_type == "Actor" for w in (key, bare)
        )
        return opens and (actor_head or self.lex.has("anonymous_subjects", key))

    def _human_genitive_before_object(self, first: int, stop: int) -> bool:
        """Whether a definite sound plural ("المسلحين", "المقاتلون" and its adjectives) stands at
        ``first`` with a direct object right after it: a phrase or a suffixed noun, not a preposition
        ("طرد المسلحين من البلدة": there the genitive is the object)."""
        j = first
        while (
            j < stop
            and j not in self.covered
            and len(key := self.key(j)) >= 6
            and key.startswith("ال")
            and key.endswith(("ين", "ون"))
            and key not in self.lex.triggers
        ):
            j += 1
        if j == first or j >= stop or self.toks[j].is_punct:
            return False
        if j in self.covered:
            return True
        key = self.key(j)
        return (
            not self.lex.has("prepositions", key)
            and not key.startswith("ال")
            and key.endswith(_SUFFIXES)
            and len(key) >= 5
            and key not in self.lex.words.get("resumptive", frozenset())
        )

    def _latter_before(self, i: int, s: Sentence) -> tuple[str, int] | None:
        """SVO with "the latter" as subject ("مضيفاً أن الأخيرة نشرت عناصرها", "والأخير انسحب"): the
        latest actor named before it, and where the clause starts."""
        k = i - 1
        while k >= s.start and self.key(k) in self.lex.words["pluperfect_particle"]:
            k -= 1
        if k < s.start or k in self.covered or self.toks[i - 1].clitic:
            return None
        key = self.key(k)
        if key[:1] in ("و", "ف") and key[1:] in self.lex.words["latter"]:
            key = key[1:]
        if key not in self.lex.words["latter"]:
            return None
        before = self.key(k - 1) if k > s.start else ""
        opens_clause = (
            k == s.start
            or before in self.lex.words["content_markers"]
            or self.lex.has("clause_openers", before)
            or self.toks[k - 1].text in _BOUNDARY_PUNCT
            or before in ("و", "ف")
            # "بينما لا تزال الأخيرة تسيطر على": the latter after the continuation marker
            or before in self.lex.words.get("continuation_markers", frozenset())
        )
        latter = self._latter(k) if opens_clause else None
        return (latter, k) if latter is not None else None

    def _latter(self, before: int) -> str | None:
        """The actor "the latter" names: the latest one named before ``before`` that is not the subject
        of the narrative ("تسلمت قوات X المقر بعد أن أخلته الأخيرة": not X), else the latest one."""
        latest = None
        for pos, iri in self.actor_mentions:
            if pos >= before:
                break
            if iri != self.subject:
                latest = iri
        return latest if latest is not None else self.latest_actor(before)

    def _control_verb(self, k: int) -> bool:
        """A verb whose subject is the agent of the verbal noun after it: a support verb ("تمكنت من"),
        a refusal ("رفضت") or a one-word plan marker ("حاولت", "قررت", "تعهدت")."""
        key = self.key(k)
        return (
            self.lex.has("support_verbs", key)
            or self.lex.has("refusal_markers", key)
            or (key,) in self._hypothetical
        )

    def _addressee(self, link: int, s: Sentence) -> Phrase | None:
        """ "لـX بـVN": the actor after ل right before the ب of a verbal noun (told to do it), else None."""
        j = link - 1
        while j >= s.start and self.toks[j].is_quote:
            j -= 1
        actor = next((p for p in s.phrases if p.end == j + 1 and p.type == "Actor" and p.iri), None)
        if actor is None or self.prep_before(actor, s.start) != "ل":
            return None
        return actor

    def _negation(self, k: int, s: Sentence) -> bool:
        """Whether token ``k`` negates what follows: a negation particle not opening a condition
        ("ما لم ينسحب", "إن لم", "إذا لم": unless, if not; a condition is read as a plan)."""
        if not self.lex.has("negations", self.key(k)):
            return False
        if k + 1 < s.stop and self.key(k + 1) in self.lex.words.get("continuation_markers", frozenset()):
            return False  # "لا تزال تفرض طوقاً", "لم يزل يحاصر": still going on, no negation
        before = self._prev_word(k, s)
        return before is None or not self.lex.has("conditional_particles", self.key(before))

    def _negated_governor(self, start: int, s: Sentence) -> bool:
        """NEG VERB [SUBJECT] [LINK] NOUN: "لم يحاول اقتحامه", "لن تسمح القوات بدخول", "لم تستطع قوات X
        دخول": the one word governing the verbal noun at ``start`` (past its subject and link) is negated."""
        j = self._prev_word(start, s)
        if j is not None and self.key(j) in self.lex.words["support_links"]:
            j = self._prev_word(j, s)
        # the subject: an actor, or a list of them behind a noun that stands for them ("وفدا الحكومة
        # والحوثيين", "ممثلو X و Y")
        while j is not None:
            subject = next((p for p in s.phrases if p.type == "Actor" and p.start <= j < p.end), None)
            if subject is not None:
                j = self._prev_word(subject.start, s)
            elif self.key(j) == "و" or self.toks[j].is_quote:
                j = self._prev_word(j, s)
            else:
                break
            if j is not None and self.lex.has("delegation_nouns", self.key(j)):
                j = self._prev_word(j, s)
                break
        if j is None or j in self.covered or self.toks[j].is_punct or self.key(j) in self.lex.triggers:
            return False
        verb = self._prev_word(j, s)
        return verb is not None and self._negation(verb, s)

    def _relative_antecedent(self, i: int, s: Sentence) -> Phrase | None:
        """The actor a relative clause opened by ``التي/الذي/الذين`` right before verb ``i`` (or before
        its كان) tells of: the actor phrase ending right before the relative pronoun, past a comma."""
        prev = self._prev_word(i, s)
        if prev is None or self.key(prev) not in _RELATIVES:
            return None
        j = prev - 1
        while j >= s.start and (self.toks[j].is_quote or self.toks[j].text in (",", "،")):
            j -= 1
        return next((p for p in s.phrases if p.type == "Actor" and p.iri and p.end == j + 1), None)

    def _fronted_topic(self, i: int, s: Sentence) -> Phrase | None:
        """ "أما X ... فقد VERB", "أما X فـVERB": the actor after أما when verb ``i`` opens its answer."""
        prev = self._prev_word(i, s)
        if prev is None:
            return None
        key = self.key(prev)
        if key == "قد" and prev - 1 >= s.start and self.key(prev - 1) == "ف":
            prev, key = prev - 1, "ف"
        if key not in _ANSWER_PARTICLES:
            return None
        for k in range(prev - 1, s.start - 1, -1):
            if self.key(k) == _AS_FOR:
                j = self._skip_quotes(k + 1, prev)
                return next((p for p in s.phrases if p.start == j and p.type == "Actor" and p.iri), None)
        return None

    def _pluperfect(self, i: int, s: Sentence) -> tuple[int, str | None] | None:
        """كان X قد VERB (and "أن يكون X قد"): the position of كان and the actor between it and قد (an
        earlier event)."""
        if not (self.key(i - 1) in self.lex.words["pluperfect_particle"] and i - 1 > s.start):
            return None
        for k in range(i - 2, max(s.start, i - 12) - 1, -1):
            if self.key(k) in self.lex.words["pluperfect_auxiliaries"]:
                actor = next((p for p in s.phrases if k < p.start < i - 1 and p.type == "Actor"), None)
                if actor is not None:
                    return k, actor.iri
                if k + 2 == i - 1 and (k + 1) not in self.covered:
                    # "أن يكون التجمع قد دخل": a definite head of an actor named before
                    return k, self._head_antecedent(k + 1, k + 1)
                return k, None
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
            if key == "ل" and p.start == adjacent and self._units_before(p.start, floor):
                key = "object"  # "طرد مسلحين لـ«X»": the actor whose gunmen are driven out
            if key == "في" and self._in_the_goal(p.start, floor):
                continue  # "انسحب مقاتلوها إلى مواقعهم في جبل X": where the goal is, not what was left
            role = _role_for(frame.get(key), p)
            if role is not None and p.iri:
                ev.add(role, p.iri)
                if first_prep is None:
                    first_prep = key
                if p.loc_at is not None:
                    loc_of_previous.add(p.loc_at)
            prev_prep = key

    def _in_the_goal(self, start: int, floor: int) -> bool:
        """Whether the في phrase at ``start`` locates an unnamed goal right before it: "إلى مواقعهم في",
        "نحو ثكناتها في" (إلى/نحو/باتجاه, one or two words, then في), no punctuation between."""
        for k in range(start - 2, max(floor, start - 4) - 1, -1):
            if self.toks[k].is_punct:
                return False
            if self.key(k) in _GOAL_WORDS:
                return True
        return False

    def _pronoun_roles(
        self, ev: EventMention, frame: Mapping[str, Any], i: int, s: Sentence, wend: int
    ) -> None:
        """ "انسحبت منها", "سيطروا عليها": a preposition with a pronoun points at the latest place or
        facility named before the trigger (in this sentence, else the one before)."""
        for k in range(i + 1, wend):
            prep = _PRONOUN_PREP_OF.get(self.key(k))
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
        keys = [
            k[1:] if len(k) > 2 and k[0] in "وف" and (k[1:] in self._stems or k[1:] == "من") else k
            for k in keys
        ]
        longest = self._plan_longest
        # every run of consecutive keys, up to the longest marker, tested against the markers at once
        runs = {
            tuple(keys[a:b]) for a in range(len(keys)) for b in range(a + 1, min(len(keys), a + longest) + 1)
        }
        return not self._hypothetical.isdisjoint(runs)

    def _noun_agent(
        self, i: int, s: Sentence, form: TriggerForm, ev: EventMention, ev_start: int
    ) -> tuple[str | None, int]:
        if form.pronoun_suffix and form.transitive:
            governor = self._prev_word(i, s)
            if governor is not None and self.key(governor) in self.lex.words["support_links"]:
                governor = self._prev_word(governor, s)
            if governor is not None and governor not in self.covered and self._control_verb(governor):
                # "لم تحاول اقتحامها", "رفضت تسليمه", "قررت اقتحامه": the verb's subject acts, the
                # suffix of the transitive verbal noun is its object
                ev.rule += "+agent:governing-verb+object:suffix"
                self._suffix_object(ev, i, s)
                pluperfect = self._pluperfect(governor, s)
                if pluperfect is not None and pluperfect[1] is not None:
                    # "بعد أن كانت قوات X قد قررت اقتحامها": the actor between كان and قد
                    return pluperfect[1], pluperfect[0]
                return self.subject, governor
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
            found = self._clause_support_verb(i, s)
            if found is not None:
                # "بسطت «كتيبة X» صباح الأحد سيطرتها", "أحكمت فيه قبضتها": the support verb further back
                # in the clause; its subject (when named) is the suffix's antecedent
                k, subject = found
                pluperfect = self._pluperfect(k, s) if subject is None else None
                if pluperfect is not None and pluperfect[1] is not None:
                    # "بعد أن كانت «X» قد بسطت سيطرتها على": the actor between كان and قد
                    ev.rule += "+agent:pluperfect-support-verb"
                    return pluperfect[1], pluperfect[0]
                ev.rule += "+agent:distant-support-verb" + ("-subject" if subject is not None else "")
                return (subject.iri if subject is not None else self.subject), k
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
            addressee = self._addressee(j, s) if self.key(j) == "ب" and verb_at is None else None
            if addressee is not None:
                # "وجّه إنذاراً لـ«X» بالانسحاب", "سمحت لقوات X بدخول": the one told to act acts
                ev.rule += "+agent:addressee"
                return addressee.iri, ev_start
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
        if actor is None and verb_at is None:
            found = self._clause_support_verb(i, s)
            if found is not None and found[1] is not None:
                # "لم تتمكن قوة من «فوج X» من دخول", "تمكنت القوات، رغم ...، من اقتحام": the support verb's
                # subject past quotes, a partitive or a parenthetical
                ev.rule += "+agent:distant-support-verb-subject"
                return found[1].iri, found[0]
        if actor is not None and self.key(actor.start - 1) in self.lex.words["support_nouns"]:
            ev.rule += "+agent:support-noun"
            return actor.iri, actor.start - 1
        if key in self.lex.words["latter"] and self.key(j - 1) in self.lex.words["support_nouns"]:
            ev.rule += "+agent:latter"
            return self.latest_actor(j), j - 1
        if key in self.lex.words["latter"] and self.lex.has("support_verbs", self.key(j - 1)):
            # "دفعت الأخيرة بتعزيزات", "فرض الأخير رسوماً": the support verb's subject is the latter
            latter = self._latter(j)
            if latter is not None:
                ev.rule += "+agent:support-verb-latter"
                return latter, j - 1
        for noun in self.lex.words["support_nouns"]:
            if key.startswith(noun) and key[len(noun) :] in self.lex.words["pronoun_suffixes"]:
                ev.rule += "+agent:support-pronoun"
                return self.subject, j
        if key in self.lex.words["support_verbs"] or self.lex.has("support_verbs", key):
            return None, j
        # "أنه سيفرض رسوماً": the support verb right before the noun opens the evidence
        return None, verb_at if verb_at is not None else ev_start

    def _clause_support_verb(self, i: int, s: Sentence) -> tuple[int, Phrase | None] | None:
        """The support verb governing event noun ``i`` from further back in its clause, and its subject.

        "بسطت «كتيبة X» صباح الأحد سيطرتها", "لم تتمكن قوة من «فوج X» من دخول", "لم تتمكن قوات X، رغم
        هجمات متكررة، من اقتحام" (see :meth:`_governing_word`). The subject is the first phrase after the
        verb when it is an actor, else None (the suffix's owner told before)."""
        k = self._governing_word(i, s, "support_verbs")
        if k is None:
            return None
        after = [p for p in s.phrases if k < p.start < i]
        first = min(after, key=lambda p: p.start) if after else None
        return k, (first if first is not None and first.type == "Actor" and first.iri else None)

    def _distant_refusal(self, i: int, s: Sentence) -> bool:
        """A failure or refusal verb governing the event noun at ``i`` from further back in its clause,
        past its subject and a comma-delimited aside ("أخفقت قوات X، للمرة الثالثة، في استعادة", "رفضت
        الفصائل يوم الأحد تسليم")."""
        return self._governing_word(i, s, "refusal_markers") is not None

    def _governing_word(self, i: int, s: Sentence, group: str) -> int | None:
        """The nearest word of lexicon ``group`` before event noun ``i`` in its clause, or None.

        Words of entity names, quotes, times and clitics are passed for free, other words count against
        ``_SUPPORT_REACH``; a comma-delimited aside is passed whole; any other boundary or another event
        word ends the search."""
        k, steps = i - 1, 0
        while k >= s.start and steps < _SUPPORT_REACH:
            tok = self.toks[k]
            if tok.text in _BOUNDARY_PUNCT:
                aside = self._aside_start(k, s)
                if aside is None:
                    return None
                k = aside - 1
                continue
            key = self.key(k)
            if k not in self.covered and self.lex.has(group, key):
                return k
            if k not in self.covered and key in self.lex.triggers:
                return None
            if not (k in self.covered or tok.is_quote or k in self.timed or tok.clitic):
                steps += 1
            k -= 1
        return None

    def _aside_start(self, comma: int, s: Sentence) -> int | None:
        """ "قوات X، رغم هجمات متكررة استمرت أياماً، من": the comma opening a parenthetical that ends at
        ``comma`` and follows an actor phrase (its subject), with no event word inside; else None."""
        if self.toks[comma].text not in (",", "،"):
            return None
        for k in range(comma - 1, max(s.start, comma - 9), -1):
            if k in self.covered:
                continue
            if self.toks[k].text in _BOUNDARY_PUNCT:
                opener = self.toks[k].text in (",", "،")
                subject = any(p.type == "Actor" and self._skip_quotes(p.end, k) == k for p in s.phrases)
                return k if opener and subject else None
            if self.key(k) in self.lex.triggers:
                return None
        return None

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
            if tok.text in (",", "،", ".", ":", "؛"):
                break
            if k < j and self.key(k) in self.lex.triggers and not self.lex.has("support_verbs", self.key(k)):
                break  # another event word; a trigger that is also a support verb ("استوفت") governs it
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
                if (
                    actor is None
                    and self.key(k + 1) in self.lex.words["latter"]
                    and k + 1 not in self.covered
                ):
                    # "فرضت الأخيرة رسوماً": the latter is the support verb's subject
                    ev.rule += "+agent:support-verb-latter"
                    return self._latter(k + 1), k
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
    mediated = frozenset(name for name, spec in lex.types.items() if "mediator" in spec.frame.values())
    for s in sentences:
        first_of_sentence = len(out)
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
            if i not in triggers
            and i not in reader.covered
            and (lex.has("subject_verbs", reader.key(i)) or reader.clause_verb(i, s))
        ]
        for i in sorted(triggers):
            while lifts and lifts[0] < i:
                reader.lift_subject(lifts.pop(0), s)
            while openers and openers[0] < i:
                reader.verb_subject(openers.pop(0), s)
            form = triggers[i]
            wend = reader.window_end(i, s, form, triggers)
            spec = lex.types[form.event_type]
            if scope is not None and not spec.speech and reader.contrast_between(scope.trigger, i):
                # "نفى X أن يكون اقتحم المقر، في حين ستسلّم الشركة المبنى": a contrasting clause is
                # the outlet's own telling again, out of the denial's or statement's reach
                scope, scope_idx = None, None
            quoted = (
                scope is not None
                and not spec.speech
                and (lex.types[scope.type].scope_status == "denied" or content_seen)
            )
            ev = reader.mention(i, s, form, wend, quoted=quoted)
            if ev.type == "Withdrawal" and form.pos == "noun":
                reader.coerced(ev, i, s)
            if ev.type == "Handover" and not ev.roles.get("beneficiary"):
                # "سلّمت قسد المواقع" to nobody the text names: given up, a plain withdrawal
                ev.type = "Withdrawal"
                ev.rule += "+no-recipient"
            elif ev.type == _LIFTING:
                reader.lifted_genitive(ev, i, s, form)
            if (spec.speech or ev.type == _NEGOTIATION) and _medium_of_speech(
                reader, ev, s, out[first_of_sentence:]
            ):
                # "نفى الجيش، في بيان، انسحاب ...", "وفق ما أعلنته المؤسسة في بيان", "قال في لقاء مع
                # قناة": the statement (or the interview) is the medium of the speech act told before
                # it, which goes on scoping what follows
                ev.dropped = True
                ev.rule += "+medium-of-speech"
                out.append(ev)
                continue
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
                elif not ev.roles.get("speaker") and not (
                    spec.scope_status == "denied" and "subject:unknown-svo" in ev.rule
                ):
                    # "قالت مصادر": a speech act by nobody known says nothing of its own; it still
                    # scopes what it reports ("لكن قيادة عمليات X نفت ذلك": an organisation the gazetteer
                    # does not know denies: the denial is kept, its speaker unknown)
                    # scopes what it reports
                    ev.dropped = True
                    ev.rule += "+no-known-speaker"
                elif form.pos == "participle" and _continues_speech(out, ev, lex):
                    # "نفت X ...، مؤكدة أن ...": the participle goes on with the speech act before it
                    # (one act of one speaker); it still scopes what it tells
                    ev.dropped = True
                    ev.rule += "+continues-speech"
                anonymous_report = not ev.roles.get("speaker") and spec.scope_status == "reported"
                if (
                    anonymous_report
                    and scope is not None
                    and (reader._relative_of_non_actor(i, s) or reader._denied_account(i, s, scope))
                ):
                    # "نفت X التقارير التي تحدثت عن ...", "نفت X ما قالته وسائل إعلام عن ...": the
                    # reports are what is denied; the scope of the denial goes on
                    pass
                elif anonymous_report:
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
                    _deny_previous(out, len(out) - 1, lex, reader)
                    scope, scope_idx = None, None  # what follows it is no longer what it denies
                    continue
            elif scope is not None and scope.type != form.event_type:
                scope_spec = lex.types[scope.type]
                if scope_spec.scope_status == "denied":
                    ev.status = "denied"
                    ev.scoped_by = scope_idx
                    ev.rule += "+scope:denial"
                    if scope_idx is not None and any(ev.roles.get(r) for r in ("target", "besieged")):
                        # "اقتحمت X المبنى بحسب مصدر. لكن Y نفت سيطرة X على المبنى": the act one
                        # source tells and another denies is one disputed act, denied
                        out.append(ev)
                        _deny_retellings(out, len(out) - 1, scope_idx)
                        continue
                elif scope_spec.scope_status == "reported" and content_seen and ev.status == "asserted":
                    ev.status = "reported"
                    ev.scoped_by = scope_idx
                    ev.rule += "+scope:statement"
            out.append(ev)
        _speakers_of_first_person(out, first_of_sentence, lex)
        _mediations(reader, s, out, first_of_sentence, mediated)
    return out


def _mediations(
    reader: _Reader, s: Sentence, out: list[EventMention], first: int, mediated: frozenset[str]
) -> None:
    """The mediation phrases of sentence ``s`` (its mentions are ``out[first:]``).

    "توصل الطرفان إلى اتفاق بوساطة X", "بوساطة من X، توصلت ... إلى اتفاق": the agreement or talks of
    the sentence (the nearest) take X as mediator, and the mediation is no event of its own. "انسحبت
    القوات من المعبر بوساطة X", "وبوساطة أممية، وافقت": with no such event in the sentence, the
    mediation is itself a Negotiation (its sides unnamed), with X as mediator when X is an entity.
    """
    for marker in reader.mediation_markers(s):
        own = next(
            (
                k
                for k in range(first, len(out))
                if out[k].trigger == marker.noun and out[k].type == _NEGOTIATION
            ),
            None,
        )
        hosts = [
            k
            for k in range(first, len(out))
            if k != own and out[k].type in mediated and not out[k].dropped and not out[k].backref
        ]
        if hosts:
            host = out[min(hosts, key=lambda k: abs(out[k].trigger - marker.noun))]
            if marker.mediator is not None and marker.mediator not in host.roles.get("mediator", ()):
                host.add("mediator", marker.mediator)
                host.rule += "+mediator:marker"
            if own is not None:
                out[own].dropped = True
                out[own].rule += "+mediation-of-its-sentence-event"
            continue
        if own is not None:
            out[own].add("mediator", marker.mediator)
            continue
        if not marker.standalone:
            continue
        ev = EventMention(
            _NEGOTIATION,
            marker.noun,
            s.index,
            marker.end,
            (marker.start, marker.end),
            rule="trigger:Negotiation:mediation-marker",
        )
        ev.add("mediator", marker.mediator)
        at = next((k for k in range(first, len(out)) if out[k].trigger > marker.noun), len(out))
        for m in out:
            if m.scoped_by is not None and m.scoped_by >= at:
                m.scoped_by += 1
        out.insert(at, ev)
    _mediation_verbs(reader, out, first, mediated)


def _mediation_verbs(reader: _Reader, out: list[EventMention], first: int, mediated: frozenset[str]) -> None:
    """ "اتفاق بين الطرفين رعاه X", "رعت X محادثات بين Y وZ": a mediation verb in the clause of the
    agreement or talks it sponsors (no comma between them) is told with them: the host
    event takes its mediator and parties, and the verb is no event of its own."""
    for k in range(first, len(out)):
        m = out[k]
        form = reader.lex.triggers.get(reader.key(m.trigger))
        if m.dropped or form is None or form.pos != "verb" or form.lemma not in reader.mediation_lemmas:
            continue
        hosts = [
            h
            for h in range(first, len(out))
            if h != k
            and out[h].type in mediated
            and not out[h].dropped
            and out[h].sentence == m.sentence
            and abs(m.trigger - out[h].trigger) <= _MEDIATION_VERB_REACH
            and not any(
                reader.toks[t].text in _BOUNDARY_PUNCT
                for t in range(min(m.trigger, out[h].trigger), max(m.trigger, out[h].trigger))
            )
        ]
        if not hosts:
            continue
        host = out[min(hosts, key=lambda h: abs(out[h].trigger - m.trigger))]
        for role in ("mediator", "party"):
            for iri in m.roles.get(role, ()):
                if iri not in host.roles.get("mediator", ()) and iri not in host.roles.get("party", ()):
                    host.add(role, iri)
        host.rule += "+mediation-verb"
        m.dropped = True
        m.rule += "+told-with-its-host"


def _medium_of_speech(reader: _Reader, ev: EventMention, s: Sentence, told: Sequence[EventMention]) -> bool:
    """Whether speech noun ``ev`` follows في after a speech act of its sentence ("قالت X في بيان")."""
    form = reader.lex.triggers.get(reader.key(ev.trigger))
    before = reader._prev_word(ev.trigger, s)
    return (
        form is not None
        and form.pos == "noun"
        and before is not None
        and reader.key(before) == "في"
        and any(reader.lex.types[m.type].speech and m.sentence == s.index for m in told)
    )


def _speakers_of_first_person(out: list[EventMention], first: int, lex: Lexicon) -> None:
    """ "«لن ننسحب»، قال المتحدث باسم X", "قالت X: «سيطرنا على ...»": a first-person event of the
    sentence (``out[first:]``) is done by the speaker of the sentence's speech act, and is the speaker's
    account (reported) unless negated or planned."""
    speakers = [
        m.roles["speaker"][0] for m in out[first:] if lex.types[m.type].speech and m.roles.get("speaker")
    ]
    if not speakers:
        return
    for m in out[first:]:
        role = lex.types[m.type].default_agent
        if m.first_person and role and not m.has_agent():
            m.add(role, speakers[0])
            m.rule += "+agent:speaker-of-quotation"
            if m.status == "asserted":
                m.status = "reported"


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


def _deny_previous(out: list[EventMention], denial_idx: int, lex: Lexicon, reader: _Reader) -> None:
    """The event a "نفت ذلك" denies: the latest non-speech event told before it, in its sentence or
    the one before; it becomes denied (and so opens and closes no control). A noun after بعد/قبل
    ("سيطرتها على المعسكر بعد هجوم واسع") is the circumstance of the news, not the news denied."""
    denial = out[denial_idx]
    markers = lex.words["after_markers"] | lex.words["before_markers"]
    for k in range(denial_idx - 1, -1, -1):
        ev = out[k]
        if ev.sentence < denial.sentence - 1:
            return
        if lex.types[ev.type].speech or ev.dropped:
            continue
        if (
            k > 0
            and ev.trigger > 0
            and reader.key(ev.trigger - 1) in markers
            and out[k - 1].sentence >= (denial.sentence - 1)
        ):
            continue
        if ev.status in ("asserted", "reported"):
            ev.status = "denied"
            ev.scoped_by = denial_idx
            ev.rule += "+denied-by-demonstrative"
            _deny_retellings(out, k, denial_idx)
        return


def _deny_retellings(out: list[EventMention], denied: int, denial_idx: int) -> None:
    """ "أعلنت X سيطرتها على المبنى، مؤكدة أن الاستيلاء على المبنى ..." then "نفت ذلك": the denial covers
    the act in every mention told before it (same type, a shared target or none of its own, no other
    agent), so no asserted copy of the denied act is left to open control."""
    ev = out[denied]
    agents = {v for r in AGENT_ROLES for v in ev.roles.get(r, ())}
    targets = {v for r in ("target", "besieged") for v in ev.roles.get(r, ())}
    for m in out[:denied]:
        if m.type != ev.type or m.dropped or m.status not in ("asserted", "reported"):
            continue
        if m.sentence < ev.sentence - 1:
            continue
        theirs = {v for r in AGENT_ROLES for v in m.roles.get(r, ())}
        mine = {v for r in ("target", "besieged") for v in m.roles.get(r, ())}
        # a definite noun with no target of its own ("أن اقتحام المعبر تم فجراً") retells the act before it
        meets = bool(mine & targets) if targets else True
        if meets and not (agents and theirs and not agents & theirs):
            m.status = "denied"
            m.scoped_by = denial_idx
            m.rule += "+denied-retelling"


def _has_content(reader: _Reader, a: int, b: int) -> bool:
    """Whether a content clause opens between ``a`` and ``b``: أن/إن/عن, or a colon before a quotation
    ("قالت X: «سيطرنا على ...»": the quoted words are the speaker's account, as after إن)."""
    words = reader.lex.words["content_markers"]
    return any(
        reader.key(k) in words or (reader.toks[k].text == ":" and k + 1 < b and reader.toks[k + 1].is_quote)
        for k in range(a + 1, b)
    )
