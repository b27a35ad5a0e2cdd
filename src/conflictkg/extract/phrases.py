"""Entity phrases: gazetteer names, and names the gazetteer does not know, built from head nouns.

A phrase is what a role can be filled with: \"مديرية المالية\", \"جميع الدوائر والمؤسسات الحكومية
التابعة للنظام السوري\", \"قوات “الأسايش”\". It is found in this order at each token:
quantifier or demonstrative, then a gazetteer label (longest match), then a head noun
(``heads.json``) with its genitive/adjective chain. Shared heads distribute over coordination (the
dual \"شعبتي الريف والمدينة\" is two facilities; \"أفرع الأمن العسكري وأمن الدولة\" two branches),
several plural heads form one group (\"الدوائر والمؤسسات\"), and relative modifiers attach facts to
the phrase: \"التابعة لـ X\" (owner), \"الواقعة تحت سيطرة X\" (held by X), \"المتواجدة في X\"
(presence at X), \"في X\" (located in X).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from importlib import resources
from typing import Any

from conflictkg.extract.gazetteer import Candidate, GazetteerIndex, GazetteerMatch
from conflictkg.extract.lexicon import HeadNoun, Lexicon
from conflictkg.extract.normalize import match_key
from conflictkg.extract.tokenize import Token

__all__ = ["Chunker", "Phrase"]

_PREP_PRONOUNS = frozenset(
    p + s for p in ("ب", "ل", "في", "من", "عن", "علي", "ال") for s in ("ها", "ه", "هم", "هما", "هن")
)
_WORD = re.compile(r"[^\W_]")
_CONJ_ARTICLE = frozenset({"وال", "فال", "بال", "كال"})
#: a conjunction the tokenizer leaves as a word of its own (before a quote mark: و«X»)
_LONE_CONJUNCTIONS = frozenset({"و", "ف"})
#: gazetteer place subtypes that also name a state acting as an actor ("تركيا", "بغداد")
_STATE_PLACES = frozenset({"Country", "City"})
#: a relative pronoun and the "was" that agrees with it ("الذي كان", "التي كانت")
_WAS_RELATIVES = {"الذي": "كان", "التي": "كانت"}
_DASHES = frozenset({"–", "-", "—"})
#: possessive pronoun suffixes, longest first ("مقراتهم" before "مقراته")
_POSSESSIVE_SUFFIXES = ("هما", "هم", "هن", "ها", "ه")
_HEAD_DATA = json.loads(
    resources.files("conflictkg.extract").joinpath("data", "heads.json").read_text(encoding="utf-8")
)


def _head_words(group: str) -> frozenset[str]:
    """The match keys of a word list of heads.json (empty when the list is absent)."""
    return frozenset(match_key(w) for w in _HEAD_DATA.get(group, ()))


#: facility heads whose possessed form names a facility the actor holds (heads.json "possessed")
_POSSESSED_HEADS = _head_words("possessed")
#: actor heads whose name may be one word (heads.json "one_word_names": عشيرة شمر)
_ONE_WORD_NAMES = _head_words("one_word_names")
#: "إدارة معبر X": the running of a facility is the facility (heads.json "management_heads")
_MANAGEMENT_HEADS = _head_words("management_heads")
#: "مكتب الإعلام في الحشد الشعبي": an office of an actor is a unit of it (heads.json "unit_heads")
_UNIT_HEADS = _head_words("unit_heads")
#: "أحد وجهاء البلدة": one person of a group (heads.json "person_quantifiers")
_PERSON_QUANTIFIERS = _head_words("person_quantifiers")
#: "مديرية المالية", "مديرية أمن X": the fields offices are named after (heads.json "office_fields")
_OFFICE_FIELDS = _head_words("office_fields")
#: office heads whose name is also the institution running the office (heads.json "acting_offices")
_ACTING_OFFICES = _head_words("acting_offices")
#: what introduces the receiver of a handover ("يسلّم المعسكر لمديرية الأمن", "إلى بلدية المدينة")
_RECEIVER_MARKERS = frozenset({"ل", "الي", "لصالح"})
#: events whose parties act as institutions ("مفاوضات بين الكتيبة ومديرية أمن الزاوية", "تفاوضت مديرية ...")
_PARTY_EVENTS = frozenset({"Negotiation", "Agreement"})
#: how far back from an office's و a "بين" of talks may stand ("بين كتيبة الفاروق المحلية و...")
_BETWEEN_REACH = 6
#: "الفرع الشهر الماضي": definite time nouns that end a name (heads.json "chain_breakers")
_CHAIN_BREAKERS = _head_words("chain_breakers")
#: subtypes of heads that name institutions, whose name may go on with "ل + field" ("المؤسسة الوطنية للنفط")
_INSTITUTION_SUBTYPES = frozenset({"Institution", "GovernmentOffice", "CivicOrganisationOffice", "StateBody"})
#: endings of a dual nisba adjective agreeing with a dual head ("عسكريتين", "أمنيين", "حكوميتان")
_DUAL_ADJECTIVE_ENDINGS = ("يتين", "يين", "يتان", "يان")
#: prepositions that say where an unnamed facility stands ("حاجزين على مدخلها", "مقرين في المدينة")
_WHERE_PREPOSITIONS = frozenset(
    {"علي", "في", "قرب", "عند", "داخل", "حول", "قبالة", "بين", "شمال", "جنوب", "شرق", "غرب"}
)
#: "اتفاق الحديدة", «إعلان جدة»: nouns naming an agreement after a place (heads.json "agreement_names")
_AGREEMENT_NAMES = _head_words("agreement_names")
#: words before "سيطرة" that give it its sense of control (heads.json "control_contexts")
_CONTROL_CONTEXTS = _head_words("control_contexts")
#: what may follow an unknown checkpoint name: where it stands ("سيطرة الفاضلية عند المدخل")
_CHECKPOINT_WHERE = frozenset(
    {"عند", "قرب", "علي", "شرق", "شمال", "غرب", "جنوب", "شرقي", "شمالي", "غربي", "جنوبي"}
)
#: heads of roads, whose name may run from one place to another over a dash
_ROAD_HEADS = frozenset({"طريق"})
_OWNER_PRONOUNS = {"له": "m", "لها": "f", "لهم": "p", "لهما": "d", "لهن": "p"}
#: "الجيش", "الشرطة": bare definite heads naming the country's army or police (heads.json)
_NATIONAL_INSTITUTIONS = _head_words("national_institutions")
#: "الجانب الروسي", "الطرف التركي": nouns that name a state as a party before its nisba (heads.json)
_SIDE_NOUNS = _head_words("side_nouns")
_SIDE_WRITTEN = {match_key(w): w for w in _HEAD_DATA.get("side_nouns", ())}
_SIDE_ADJECTIVES = _head_words("side_adjectives")
#: "جبل", "وادي": natural features that go on a group's name ("كتيبة فرسان الجبل") (heads.json)
_FEATURE_HEADS = _head_words("feature_heads")
#: quote marks that only ever open a quotation
_OPENING_QUOTES = frozenset({"«", "“", "„", "‹"})
#: "خريطة طريق": nouns before a road head that make it an idiom, no road (heads.json "road_idioms")
_ROAD_IDIOMS = _head_words("road_idioms")
#: event types whose object changes hands ("يسلّم سيطرة الشهابي" names the checkpoint handed over)
_TRANSFER_EVENTS = frozenset({"Seizure", "Handover", "Withdrawal"})
#: words that begin with و and are no و + name ("وسط البلدة", "وفق مصدر"): never split inside a list
_WHOLE_WAW_WORDS = _head_words("whole_waw_words")
#: times of day and adverbial nouns that end a list item ("وبادوش صباح اليوم")
_ITEM_BREAKERS = _head_words("item_breakers")
#: "مكاتب الهلال الأحمر ومنظمة الصحة العالمية": actor heads that stay inside an item of a plural
#: facility head's list, the body whose office the item is (heads.json "item_heads")
_ITEM_HEADS = _head_words("item_heads")
#: "قوات حماية البلدة": what a unit is for opens a name through genitive heads (heads.json "unit_purposes")
_UNIT_PURPOSES = _head_words("unit_purposes")
#: "قيادة عمليات غرب نينوى": a compass word and a place go on the name (heads.json "sector_words")
_SECTOR_WORDS = _head_words("sector_words")
#: "عناصر «قوات حماية البلدة»": heads naming members of a group, who are that group (heads.json "member_heads")
_MEMBER_HEADS = _head_words("member_heads")
#: "تطلق على نفسها اسم «X»": words introducing a described group's own name (heads.json "self_naming")
_SELF_NAMING = tuple(
    sorted(
        (tuple(match_key(w) for w in seq.split()) for seq in _HEAD_DATA.get("self_naming", ())),
        key=len,
        reverse=True,
    )
)
#: the self-naming sequences by their first word (one dict look-up per group head)
_SELF_NAMING_BY_FIRST: dict[str, tuple[tuple[str, ...], ...]] = {
    first: tuple(seq for seq in _SELF_NAMING if seq[0] == first) for first in {seq[0] for seq in _SELF_NAMING}
}
_NAME_WORDS = frozenset({"اسم", "مسمي", "ب"})
#: "قبائل بني ظبيان": "sons of" opens a tribe's name; it is no nisba adjective
_KIN_WORDS = frozenset({"بني"})
#: "الحراس التابعين لـ X": definite heads that with an owner are a force of their own (heads.json)
_AFFILIATED_DEFINITE = _head_words("affiliated_definite")
#: "من المعارضة التشادية": nouns that with a nisba name one body (heads.json "national_bodies")
_NATIONAL_BODIES = _head_words("national_bodies")
#: "ثلاث نقاط", "عدة مقرات": numbers that count a plural head into one group (heads.json "count_words")
_COUNT_WORDS = _head_words("count_words")
#: "المنطقة العسكرية الثانية": an area head, a service adjective and an ordinal name a command (heads.json)
_COMMAND_AREAS: Mapping[str, Any] = _HEAD_DATA.get("command_areas", {})
_COMMAND_HEADS = frozenset(match_key(w) for w in _COMMAND_AREAS.get("heads", ()))
_COMMAND_ADJECTIVES = frozenset(match_key(w) for w in _COMMAND_AREAS.get("adjectives", ()))
_COMMAND_NAMES = frozenset(match_key(w) for w in _COMMAND_AREAS.get("names", ()))


@dataclass(slots=True)
class Phrase:
    """A mention of an entity (or of several, for coordinated names) with what the text says of it."""

    start: int
    end: int
    type: str
    subtype: str | None
    mention: tuple[int, int]
    candidates: tuple[Candidate, ...] = ()
    #: unknown names: the canonical label (singular head + name words) and its key tokens
    label: str = ""
    label_keys: tuple[str, ...] = ()
    heads: frozenset[str] = frozenset()
    adjectives: tuple[str, ...] = ()
    group: bool = False
    located: bool = False
    anaphor: bool = False
    #: an anaphor that names an entity of its own when nothing before it agrees ("القوة السعودية")
    mint_unresolved: bool = False
    owner: Phrase | None = None
    owner_pronoun: bool = False
    holder: Phrase | None = None
    presence: Phrase | None = None
    #: token index where a "في PLACE" after the phrase starts (the place is its own phrase)
    loc_at: int | None = None
    loc: Phrase | None = None
    nested: list[Phrase] = field(default_factory=list)
    iri: str | None = None
    #: a definite description resolved by the reader to an earlier phrase ("the brigade")
    antecedent: Phrase | None = None
    #: a place named only inside a facility's proper name ("مستشفى الخرطوم"): it locates the
    #: facility but is no mention of its own (the annotation guide counts it as no entity)
    inner: bool = False
    #: a bare national institution ("الجيش", "الشرطة"): one per country, its IRI scoped by the country
    #: of the places in context rather than shared by every army of every article
    national: bool = False

    @property
    def known(self) -> bool:
        return bool(self.candidates)


class Chunker:
    """Find the entity phrases of one sentence; built once with the lexicon and the gazetteer."""

    def __init__(self, lexicon: Lexicon, gazetteer: GazetteerIndex) -> None:
        self.lex = lexicon
        self.gaz = gazetteer
        #: head nouns by key, without the definite dual-construct forms: a dual in construct takes no
        #: article, so "المركزي" is the adjective "central", never "the two centres of"
        self.heads = {
            k: h
            for k, h in lexicon.heads.items()
            if not (h.number == "du" and k.startswith("ال") and k.endswith("ي"))
        }
        #: Iraqi checkpoint words that are also common nouns ("سيطرة"), by key of their indefinite forms
        self.checkpoint_heads = _checkpoint_heads(_HEAD_DATA.get("checkpoint_names", ()))
        #: stems of the nisba adjectives of known countries ("روس" of روسيا, "عراق" of العراق)
        self.country_stems = _country_stems(gazetteer)
        self._stop: set[str] = set()
        for group in (
            "prepositions",
            "clause_openers",
            "negations",
            "content_markers",
            "demonstratives",
            "support_nouns",
            "support_verbs",
            "relative_support_verbs",
            "latter",
            "lift_markers",
            "pluperfect_auxiliaries",
            "particles",
            "after_markers",
            "before_markers",
        ):
            self._stop |= lexicon.words.get(group, frozenset())
        self._stop |= {"التي", "الذي", "الذين", "اللذين", "اللتين", "ما", "او", "ثم", "قد", "كان", "كانت"}

    # --- helpers -----------------------------------------------------------------------------
    def _skip_quotes(self, toks: Sequence[Token], j: int, stop: int) -> int:
        while j < stop and toks[j].is_quote:
            j += 1
        return j

    def _seq_at(self, toks: Sequence[Token], j: int, stop: int, group: str) -> int | None:
        """End index of the longest sequence of ``group`` starting at ``j`` (quotes skipped)."""
        if j >= stop:
            return None
        index = self.lex.by_first.get(group, {})
        key = toks[j].key
        candidates = index.get(key, ())
        base = self.lex.participles.get(key)
        if base is not None:
            candidates = candidates + index.get(base, ())
        for seq in candidates:
            k = j
            ok = True
            for word in seq:
                k = self._skip_quotes(toks, k, stop)
                if k >= stop or not self._word_is(toks[k].key, word):
                    ok = False
                    break
                k += 1
            if ok:
                return k
        return None

    def _word_is(self, key: str, word: str) -> bool:
        if key == word:
            return True
        base = self.lex.participles.get(key)
        return base == word

    def _content(self, tok: Token) -> bool:
        """A word that can continue a name: not punctuation, clitic, function word, trigger or participle."""
        if tok.clitic or tok.is_punct or not tok.key:
            return False
        key = tok.key
        if key in _LONE_CONJUNCTIONS:
            return False  # "مجلس عشائر بلد و«كتائب حزب الله»": a و left whole before a quote joins two names
        if key in self._stop or self.lex.has("prepositions", key):
            return False
        if key in self.lex.participles or key in self.lex.triggers:
            return False
        if key[:3] in _CONJ_ARTICLE and len(key) > 4:
            return False  # و/ف/ب/ك + ال: a new definite noun after a conjunction or preposition
        return _WORD.search(key) is not None

    # --- entry point ---------------------------------------------------------------------------
    def chunk(self, toks: Sequence[Token], start: int, stop: int) -> list[Phrase]:
        """Top-level phrases of ``toks[start:stop]`` (one sentence), in text order.

        Most tokens start no phrase; ``parse`` is asked only at a token whose key is among the words
        a phrase can begin with (built once, on the first call: a superset of what ``parse`` accepts),
        which halves the cost of chunking without changing what it finds.
        """
        if "_phrase_starters" not in self.__dict__:
            demonstratives = self.lex.conjoined.get("demonstratives")
            quantifiers = self.lex.by_first.get("quantifiers", {})
            self._phrase_starters: frozenset[str] | None = (
                None  # no such group: ``lex.has`` decides (and complains) in parse, asked at every token
                if demonstratives is None
                else frozenset().union(
                    quantifiers,
                    (p for p, base in self.lex.participles.items() if base in quantifiers),
                    _COUNT_WORDS,
                    (f"ال{n}{end}" for n in _SIDE_NOUNS for end in ("", "ين", "ان")),
                    demonstratives,
                    self.gaz.first_keys,
                    self.heads,
                    self.checkpoint_heads,
                    ("ل" + k for k in self.checkpoint_heads),
                    # "مقراته", "مديريتها": a head noun with a possessive suffix (_possessed_facility)
                    (h + s for h in self.heads for s in _POSSESSIVE_SUFFIXES),
                    (h[:-1] + "ت" + s for h in self.heads if h.endswith("ه") for s in _POSSESSIVE_SUFFIXES),
                )
            )
        starters = self._phrase_starters
        out: list[Phrase] = []
        i = start
        while i < stop:
            if starters is not None and toks[i].key not in starters:
                i += 1
                continue
            found = self.parse(toks, i, stop)
            if not found:
                i += 1
                continue
            out.extend(found)
            i = max(max(p.end for p in found), i + 1)
        out = [p for p in out if not self._in_agreement_name(toks, p, start)]
        self._state_actors(toks, out, start)
        self._acting_offices(toks, out, start)
        return out

    def _in_agreement_name(self, toks: Sequence[Token], p: Phrase, start: int) -> bool:
        """Whether a bare known place is the name of an agreement or meeting ("اتفاق الحديدة",
        «إعلان جدة», "مسار أستانا"): the place is not mentioned as such, so it is no entity."""
        if not (p.known and p.type == "Place" and p.mention == (p.start, p.end)):
            return False
        k = p.start - 1
        while k >= start and toks[k].is_quote:
            k -= 1
        return k >= start and not toks[k].clitic and toks[k].key in _AGREEMENT_NAMES

    def _acting_offices(self, toks: Sequence[Token], phrases: list[Phrase], start: int) -> None:
        """An office named by its institution ("مديرية أمن الحسكة") that acts is that institution, an Actor.

        Four places in the clause make it act, whatever the verb's tense or the country: the subject
        right after a speech verb, a conjunct after an actor, the receiver of a handover told in the
        same sentence, and the owner after "التابع لـ" (guards or staff of the office). Seized, entered
        or closed offices stay facilities.
        """
        previous: Phrase | None = None
        handover_at = next(
            (
                k
                for k in range(start, phrases[-1].start if phrases else start)
                if (form := self.lex.triggers.get(toks[k].key)) is not None and form.event_type == "Handover"
            ),
            None,
        )
        for p in phrases:
            owner = p.owner
            if (
                p.type == "Actor"
                and owner is not None
                and owner.type == "Facility"
                and not owner.known
                and not owner.group
                and owner.heads & _ACTING_OFFICES
            ):
                # "عناصر الحماية التابعة لمديرية أمن عدن": the office a force belongs to is an institution
                owner.type, owner.subtype, owner.located = "Actor", "Institution", False
            # a known office ("فرع الأمن العسكري" of the gazetteer) acts as its institution too
            first = self.heads.get(toks[p.start].key)
            heads = p.heads if not p.known else frozenset({first.singular} if first is not None else ())
            if (
                p.type == "Facility"
                and not p.group
                and not p.anaphor
                and heads & _ACTING_OFFICES
                and p.mention[0] == p.start
                and p.start > start
                and self._office_acts(toks, p, previous, handover_at)
            ):
                p.type, p.subtype, p.located = "Actor", "Institution", False
                if p.known:
                    a, b = p.mention
                    p.candidates = ()
                    p.label = " ".join(_label_word(t) for t in toks[a:b] if not t.is_quote)
                    p.label_keys = tuple(t.key for t in toks[a:b] if not t.is_quote)
                    for q in p.nested:
                        q.inner = True  # "فرع الأمن العسكري" acting: the service is part of its name
                for q in p.nested:
                    q.inner = q.inner or q.type == "Place"
            previous = p

    def _office_acts(
        self, toks: Sequence[Token], p: Phrase, previous: Phrase | None, handover_at: int | None
    ) -> bool:
        before = toks[p.start - 1]
        if before.key == "بين":
            return self._talks_between(toks, p.start - 1)  # "مفاوضات بين مديرية أمن عدن و..."
        if before.clitic and before.key == "و":
            # "الحزب الديمقراطي الكردستاني والاتحاد الوطني الكردستاني": a conjunct of an actor
            if previous is not None and previous.type == "Actor" and previous.end == p.start - 1:
                return True
            # "مفاوضات بين الكتيبة ومديرية أمن الزاوية": the second party of talks
            return any(
                toks[k].key == "بين" and self._talks_between(toks, k)
                for k in range(p.start - 2, max(p.start - 2 - _BETWEEN_REACH, 0), -1)
                if not any(t.text in ".،,؛:" for t in toks[k + 1 : p.start - 1])
            )
        if before.key == "ل" and p.start >= 2 and self._seq_at(toks, p.start - 2, p.start, "owner_markers"):
            # "حراسه التابعين لمكتب الأشغال العامة": the office that staff or guards belong to is the
            # institution, their owner
            return True
        if before.key in _RECEIVER_MARKERS:
            return handover_at is not None and handover_at < p.start
        if before.clitic:
            return False
        form = self.lex.triggers.get(before.key)
        if form is not None and not form.pos.startswith("verb"):
            form = self.lex.verb_reading(before.key) or form  # "نفى" is read first as the noun "نفي"
        spec = self.lex.types.get(form.event_type) if form is not None else None
        if form is None or not form.pos.startswith("verb") or spec is None:
            return False
        # "نفت مديرية أمن X" (a speaker), "تفاوضت مديرية أمن X" / "اتفقت دائرة ..." (a party of talks)
        return spec.speech or form.event_type in _PARTY_EVENTS

    def _talks_between(self, toks: Sequence[Token], k: int) -> bool:
        """Whether the "بين" at ``k`` names the parties of talks or an agreement ("مفاوضات بين", "اتفاق
        بين"), not two places ("الطريق بين مبنى البلدية ومديرية المالية").

        Why: an office that negotiates is its institution; found as a Facility, the talks lost a party."""
        if k < 1:
            return False
        form = self.lex.triggers.get(toks[k - 1].key)
        return form is not None and form.event_type in _PARTY_EVENTS

    def _state_actors(self, toks: Sequence[Token], phrases: list[Phrase], start: int) -> None:
        """A country or capital used for its state ("تجري تركيا", "مطالبات بغداد") becomes an Actor.

        The gazetteer knows it as a place; news names the state by it. Only a bare name counts (no
        head noun, no preposition before it): "في أنقرة" and "مدينة بغداد" stay places.
        """
        previous: Phrase | None = None
        for p in phrases:
            if self._state_actor(toks, p, previous, start):
                a, b = p.mention
                p.type, p.subtype, p.candidates = "Actor", "StateBody", ()
                p.label = " ".join(_label_word(t) for t in toks[a:b] if not t.is_quote)
                p.label_keys = tuple(t.key for t in toks[a:b] if not t.is_quote)
            previous = p

    def _state_actor(self, toks: Sequence[Token], p: Phrase, previous: Phrase | None, start: int) -> bool:
        if not (p.known and p.type == "Place" and p.mention == (p.start, p.end)):
            return False
        if p.candidates[0].entry.subtype not in _STATE_PLACES or p.start <= start:
            return False
        if toks[p.start].key in self.heads and self.gaz.match(toks, p.start, p.end) is None:
            return False  # "دخلت مدينة منبج": a place named with its head noun is the place
        prev = toks[p.start - 1].key
        before = toks[p.start - 2].key if p.start - 2 >= start else ""
        if prev == "و" and toks[p.start - 1].clitic:
            return previous is not None and previous.type == "Actor" and previous.end == p.start - 1
        if prev == "من":
            # "المدعوم من تركيا", "بمساعٍ من سلطنة عُمان", "بوساطة من قطر": the backer or mediator
            noun = before[1:] if before.startswith("ب") else before  # "بوساطة" kept whole by the tokenizer
            return self.lex.has("backer_markers", before) or self.lex.has("state_actor_nouns", noun)
        if prev == "بين":
            form = self.lex.triggers.get(before)
            agreement = form is not None and form.event_type in ("Agreement", "Negotiation")
            return agreement or self.lex.has("between_party_markers", before)
        if toks[p.start - 1].clitic:
            return False
        form = self.lex.triggers.get(prev) or self.lex.triggers.get(prev[1:] if prev[:1] in "وف" else "")
        # "المهلة التي حددتها بغداد": the verb carries its object as a suffix
        unsuffixed = next(
            (prev[: -len(s)] for s in _POSSESSIVE_SUFFIXES if prev.endswith(s) and len(prev) - len(s) >= 3),
            "",
        )
        return (
            (form is not None and form.pos == "verb")
            or self.lex.has("state_actor_verbs", prev)
            or (bool(unsuffixed) and self.lex.has("state_actor_verbs", unsuffixed))
            or self.lex.has("support_verbs", prev)
            or self.lex.has("state_actor_nouns", prev)
        )

    def parse(self, toks: Sequence[Token], i: int, stop: int) -> list[Phrase]:
        """The phrase(s) starting at token ``i``, or an empty list."""
        q_end = self._seq_at(toks, i, stop, "quantifiers")
        if q_end is not None:
            core = self._core(toks, self._skip_quotes(toks, q_end, stop), stop)
            for p in core:
                p.start = i
                if not p.known:
                    p.mention = (i, p.mention[1])
                    p.group = True
            return core
        key = toks[i].key
        if key in _COUNT_WORDS:
            counted = self._counted(toks, i, stop)
            if counted:
                return counted
        if key.startswith("ال"):
            side = self._side(toks, i, stop)
            if side:
                return side
        if self.lex.has("demonstratives", key) and i + 1 < stop:
            head = self.heads.get(toks[i + 1].key)
            if head is not None and head.number != "sg":
                return [
                    Phrase(
                        i,
                        i + 2,
                        head.entity_type,
                        head.subtype,
                        (i, i + 2),
                        heads=frozenset({head.singular}),
                        group=True,
                        anaphor=True,
                    )
                ]
        return self._core(toks, i, stop)

    def _counted(self, toks: Sequence[Token], i: int, stop: int) -> list[Phrase]:
        """ "أخلت ثلاث نقاط على أطراف البلدة", "سلّمت خمسة حواجز": a number before an indefinite plural
        facility head names the counted facilities as one group (the number is part of its mention).

        Why: unnamed but counted sites are what withdrawals and handovers are about; without a
        phrase the event has no target and its control is lost."""
        if toks[i].clitic or toks[i].key not in _COUNT_WORDS or i + 1 >= stop:
            return []
        head = self.heads.get(toks[i + 1].key)
        if head is None or head.entity_type != "Facility" or head.number != "pl" or self._def(toks[i + 1]):
            return []
        found = self._core(toks, i + 1, stop)
        if found:
            if len(found) > 1 or found[0].known:
                return []  # a list or a known name after the number keeps its own phrases
            # "خمسة حواجز عسكرية": the described facilities, counted
            found[0].start = i
            found[0].mention = (i, found[0].mention[1])
            found[0].group = True
            return found
        end = i + 2
        while end < stop and end < i + 4 and _indefinite_adjective(toks[end]):
            end += 1  # "خمسة حواجز عسكرية"
        return [
            Phrase(
                i,
                end,
                "Facility",
                head.subtype,
                (i, end),
                label=" ".join(_label_word(t) for t in toks[i:end]),
                label_keys=tuple(t.key for t in toks[i:end]),
                heads=frozenset({head.singular}),
                group=True,
            )
        ]

    def _side(self, toks: Sequence[Token], i: int, stop: int) -> list[Phrase]:
        """ "الجانب الروسي", "الطرف التركي", "الجانبين الروسي والتركي": a side named by a country's nisba
        (or "الحكومي") is that state as a party, an Actor; one per adjective after a dual."""
        tok = toks[i]
        if tok.clitic or not tok.key.startswith("ال") or i + 1 >= stop:
            return []
        bare = tok.key[2:]
        dual = bare.endswith(("ين", "ان")) and bare[:-2] in _SIDE_NOUNS
        if bare not in _SIDE_NOUNS and not dual:
            return []
        adjectives: list[int] = []
        k = i + 1
        while k < stop and self._side_adjective(toks[k]):
            adjectives.append(k)
            if not dual or len(adjectives) == 2:
                break
            if not (k + 2 < stop and toks[k + 1].clitic and toks[k + 1].key == "و"):
                break
            k += 2
        if not adjectives or (dual and len(adjectives) != 2):
            return []
        noun = "ال" + (bare[:-2] if dual else bare)
        surface = _label_word(tok) if not dual else "ال" + _SIDE_WRITTEN.get(noun[2:], noun[2:])
        end = adjectives[-1] + 1
        return [
            Phrase(
                i,
                end,
                "Actor",
                "StateBody",
                (i, a + 1) if n == 0 else (a, a + 1),
                label=f"{surface} {toks[a].text}",
                label_keys=(noun, toks[a].key),
                heads=frozenset({noun[2:]}),
                adjectives=(toks[a].key,),
            )
            for n, a in enumerate(adjectives)
        ]

    def _side_adjective(self, tok: Token) -> bool:
        """Whether a word is the nisba of a known country ("الروسي", "التركية") or a side adjective."""
        key = tok.key
        if tok.clitic or not key.startswith("ال"):
            return False
        if key in _SIDE_ADJECTIVES:
            return True
        stem = key[2:-2] if key.endswith("يه") else key[2:-1] if key.endswith("ي") else ""
        return len(stem) >= 3 and stem in self.country_stems

    # --- the core of a phrase ------------------------------------------------------------------
    def _core(
        self, toks: Sequence[Token], i: int, stop: int, *, modifiers: bool = True, bare: bool = False
    ) -> list[Phrase]:
        """``bare``: a lone head noun is a phrase too (as a genitive: "مبنى البلدية")."""
        if i >= stop:
            return []
        m = self.gaz.match(toks, i, stop)
        head = self.heads.get(toks[i].key)
        if head is None and m is None and toks[i].key in self.checkpoint_heads:
            checkpoint = self.checkpoint_heads[toks[i].key]
            head = checkpoint if self._names_checkpoint(toks, i, stop, checkpoint) else None
        elif head is None and m is None and toks[i].key[:1] == "ل" and self._glued_checkpoint(toks, i, stop):
            # "تسليم اللواء لسيطرة الشهابي": the tokenizer keeps لسيطرة whole (خاضع لسيطرة X)
            checkpoint = self.checkpoint_heads[toks[i].key[1:]]
            found = self._headed(toks, i, stop, checkpoint, modifiers=modifiers, bare_ok=bare)
            for p in found:
                p.label = " ".join([checkpoint.surface, *p.label.split(" ")[1:]])
                p.label_keys = (checkpoint.singular, *p.label_keys[1:])
            return found
        if m is not None and head is not None and self._narrowed(toks, m, stop):
            m = None  # "المركز الثقافي الأرمني" is not the generic "المركز الثقافي" of the gazetteer
        if m is not None and (head is None or m.end > i + 1):
            p = Phrase(
                i, m.end, m.entity_type, m.candidates[0].entry.subtype, (i, m.end), candidates=m.candidates
            )
            if p.type == "Facility":
                p.nested.extend(self._inner_actors(toks, i + 1, m.end))
            if modifiers:
                self._modifiers(toks, p, stop)
            return [p]
        if head is None:
            key = toks[i].key
            if m is not None or len(key) < 4 or key[-1] not in "هامن":
                return []
            return self._possessed_facility(toks, i, stop, modifiers=modifiers)
        return self._headed(toks, i, stop, head, modifiers=modifiers, bare_ok=bare)

    def _names_checkpoint(self, toks: Sequence[Token], i: int, stop: int, head: HeadNoun) -> bool:
        """Whether an Iraqi "سيطرة" names a checkpoint here rather than control.

        A dual or plural before a name always does ("سيطرتي الصقور وأبو غريب"); a singular does before
        a known town ("سيطرة برطلة") or before a definite name followed by where it stands ("سيطرة
        الفاضلية عند المدخل"), never after "تحت"/"مناطق"/"بسط" nor before an actor or "على" + a
        place ("سيطرة الجيش على المدينة")."""
        if toks[i].clitic or (i > 0 and toks[i - 1].key in _CONTROL_CONTEXTS):
            return False
        j = self._skip_quotes(toks, i + 1, stop)
        if j >= stop or not self._content(toks[j]) or toks[j].key in self.heads:
            return False
        if self.lex.has("latter", toks[j].key):
            return False
        m = self.gaz.match(toks, j, stop)
        if m is not None and (m.entity_type == "Actor" or m.candidates[0].entry.subtype in _STATE_PLACES):
            return False
        if head.number != "sg":
            return True
        end = m.end if m is not None else j + 1
        nxt = toks[end].key if end < stop else ""
        if nxt == "علي":
            after = self.heads.get(toks[end + 1].key) if end + 1 < stop else None
            return after is not None and after.entity_type == "Facility"  # "سيطرة كلك على طريق أربيل"
        if m is not None:
            return m.entity_type == "Place"
        if not toks[j].key.startswith("ال"):
            return False
        return nxt in _CHECKPOINT_WHERE or self._transfer_object(toks, i)

    def _glued_checkpoint(self, toks: Sequence[Token], i: int, stop: int) -> bool:
        """ "لسيطرة الشهابي" after a verbal noun of a transfer ("تسليم اللواء لسيطرة الشهابي"): the
        object of the verbal noun, a checkpoint; never "الخاضعة لسيطرة X" (held by X)."""
        key = toks[i].key
        head = self.checkpoint_heads.get(key[1:]) if key.startswith("ل") else None
        if head is None or head.number != "sg" or i == 0 or toks[i - 1].key in self.lex.participles:
            return False
        j = self._skip_quotes(toks, i + 1, stop)
        if j >= stop or not toks[j].key.startswith("ال") or not self._content(toks[j]):
            return False
        if toks[j].key in self.heads or self.gaz.match(toks, j, stop) is not None:
            return False
        window = range(max(0, i - 6), i)
        return any(
            (form := self.lex.triggers.get(toks[n].key)) is not None
            and form.pos == "noun"
            and form.transitive
            and form.event_type in _TRANSFER_EVENTS
            for n in window
        )

    def _transfer_object(self, toks: Sequence[Token], i: int) -> bool:
        """Whether the word at ``i`` is what a seizure, handover or withdrawal takes: right after a
        transitive trigger ("يسلّم سيطرة الشهابي", "أخلت سيطرة الصقور"), after على of one ("تسيطر على
        سيطرة البوعبيد") or after the ل of a verbal noun a few words back ("تسليم اللواء لسيطرة X").
        There "سيطرة" + a definite name is a checkpoint: control of something is "سيطرة X على Y"."""
        k = i - 1
        if k < 0:
            return False
        if toks[k].key == "علي" and not toks[k].clitic:
            k -= 1
            return k >= 0 and self._event_word(toks[k].key, transitive=False)
        if toks[k].clitic and toks[k].key == "ل":
            return any(self._event_word(toks[n].key, transitive=True) for n in range(max(0, k - 5), k))
        # the verb, or the verb and its subject before the object ("أخلت قوات البيشمركة سيطرة الصقور")
        for n in range(k, max(-1, k - 5), -1):
            if toks[n].is_punct or toks[n].key == "علي":
                return False
            if self._event_word(toks[n].key, transitive=True):
                return True
        return False

    def _event_word(self, key: str, *, transitive: bool) -> bool:
        """A trigger of a change of hands (seizure, handover, withdrawal); ``transitive``: one that takes
        its object directly."""
        form = self.lex.triggers.get(key)
        if form is None or form.event_type not in _TRANSFER_EVENTS:
            return False
        return form.transitive or not transitive

    def _possessed_facility(
        self, toks: Sequence[Token], i: int, stop: int, *, modifiers: bool
    ) -> list[Phrase]:
        """ "مقراته", "حاجزه", "نقاطها": a facility head with a possessive suffix is the facility (or
        facilities) of the actor named before; its owner is resolved from the pronoun."""
        tok = toks[i]
        key = tok.key
        if len(key) < 4 or key[-1] not in "هامن" or tok.clitic:
            return []
        for suffix in _POSSESSIVE_SUFFIXES:
            if not key.endswith(suffix) or len(key) - len(suffix) < 2:
                continue
            if suffix == "ه" and _ends_in_teh_marbuta(tok.text):
                return []  # "طريقة" (a way) folds to "طريقه" but is no "طريق" + ه
            base = key[: -len(suffix)]
            head = self.heads.get(base)
            if head is None and base.endswith("ت"):
                head = self.heads.get(base[:-1] + "ه")  # مديريتها -> مديرية
            if head is None or head.entity_type != "Facility":
                continue
            if head.singular not in _POSSESSED_HEADS:
                return []  # "مبانيه": a part of the place named before, no entity
            if head.number == "du":
                return self._possessed_dual(toks, i, stop, head, modifiers=modifiers)
            p = Phrase(
                i,
                i + 1,
                "Facility",
                head.subtype,
                (i, i + 1),
                label=tok.text,
                label_keys=(key,),
                heads=frozenset({head.singular}),
                group=head.number == "pl",
                located=head.located,
                owner_pronoun=True,
            )
            if modifiers:
                self._modifiers(toks, p, stop)
            return [p]
        return []

    def _possessed_dual(
        self, toks: Sequence[Token], i: int, stop: int, head: HeadNoun, *, modifiers: bool
    ) -> list[Phrase]:
        """ "انسحبت من مقريها", "سلّم حاجزيه": a possessed dual facility head names the actor's two
        facilities, one entity each (as an unnamed dual does), both owned by the actor named before.

        Why: the dual in construct ("مقري") takes the suffix directly; read as nothing, the withdrawal
        lost its target and fell back on the neighbourhoods after it."""
        tok = toks[i]
        phrases = [
            Phrase(
                i,
                i + 1,
                "Facility",
                head.subtype,
                (i, i + 1),
                label=f"{tok.text} ({n}/2)",
                label_keys=(tok.key, str(n)),
                heads=frozenset({head.singular}),
                located=head.located,
                owner_pronoun=True,
            )
            for n in (1, 2)
        ]
        if modifiers:
            self._modifiers(toks, phrases[-1], stop, share=phrases)
        return phrases

    def _unit_of_actor(self, toks: Sequence[Token], p: Phrase, stop: int) -> bool:
        """ "مكتب الإعلام في الحشد الشعبي": an office "in" a known actor (not a place) is a unit of the
        actor; the phrase becomes that unit, an Actor whose parent is the actor."""
        at = p.end
        if not (at + 1 < stop and toks[at].key == "في"):
            return False
        m = self.gaz.match(toks, self._skip_quotes(toks, at + 1, stop), stop)
        if m is None or m.entity_type != "Actor":
            return False
        parent = Phrase(
            m.start, m.end, "Actor", m.candidates[0].entry.subtype, (m.start, m.end), candidates=m.candidates
        )
        p.type, p.subtype, p.located = "Actor", "Institution", False
        p.owner, p.end, p.mention = parent, m.end, (p.start, m.end)
        p.nested.append(parent)
        return True

    def _narrowed(self, toks: Sequence[Token], m: GazetteerMatch, stop: int) -> bool:
        """Whether a generic facility label is followed by a definite adjective that names another one."""
        if m.entity_type != "Facility" or any(c.self_located for c in m.candidates) or m.end >= stop:
            return False
        nxt = toks[m.end]
        if not (self._content(nxt) and nxt.key.startswith("ال")) or nxt.key in self.heads:
            return False
        return self.gaz.match(toks, m.end, stop) is None

    def _inner_actors(self, toks: Sequence[Token], a: int, b: int) -> list[Phrase]:
        out: list[Phrase] = []
        j = a
        while j < b:
            m = self.gaz.match(toks, j, b)
            if m is not None and m.entity_type == "Actor":
                out.append(
                    Phrase(
                        j, m.end, "Actor", m.candidates[0].entry.subtype, (j, m.end), candidates=m.candidates
                    )
                )
                j = m.end
            else:
                j += 1
        return out

    def _headed(
        self,
        toks: Sequence[Token],
        i: int,
        stop: int,
        head: HeadNoun,
        *,
        modifiers: bool,
        bare_ok: bool = False,
    ) -> list[Phrase]:
        """A phrase opened by a head noun: before a known name, over coordinated names, or a chain."""
        j = self._skip_quotes(toks, i + 1, stop)
        if j < stop and toks[j].key in head.not_before:
            return []  # "حركة المسافرين": the head is no name here
        if head.singular in _ROAD_HEADS and head.number == "pl" and self._def(toks[i]):
            return []  # "جميع الطرق المؤدية إلى البلدة": roads described, none named ("طرق تعز" is)
        if head.singular in _ROAD_HEADS and i > 0 and toks[i - 1].key in _ROAD_IDIOMS:
            return []  # "خريطة طريق": a roadmap, no road
        if head.singular in _FEATURE_HEADS and self._inside_open_quote(toks, i):
            return []  # «مقاومة جبل حبشي»: inside a quoted name begun before it, the feature is the name's
        managing = head.singular in _MANAGEMENT_HEADS and head.number == "sg" and not self._def(toks[i])
        if managing and j < stop:
            managed = self._core(toks, j, stop, modifiers=modifiers)
            if managed and managed[0].type == "Facility":
                return managed  # "تتسلم إدارة معبر باب الهوى": the crossing changes hands
        if (
            head.entity_type == "Actor"
            and head.number == "pl"
            and i > 0
            and toks[i - 1].key in _PERSON_QUANTIFIERS
        ):
            return []  # "أحد وجهاء البلدة" is a person
        if head.area_subtype is not None and self._names_area(
            toks, j, stop, definite_head=self._def(toks[i])
        ):
            # "مديرية حيس", "مديرية الدريهمي", "مديريات حريب والعبدية": before a place name (not an
            # office's field) the office head names a district
            head = replace(
                head, entity_type="Place", subtype=head.area_subtype, located=False, collapse=False
            )
        if self._command_area(toks, i, j, stop, head):
            # "المنطقة العسكرية الثانية": a military command (an actor), not an area of the map
            head = replace(head, entity_type="Actor", subtype="MilitaryUnit", located=False, collapse=False)
        if head.collapse and j < stop:
            known = self._before_known_names(toks, i, j, stop, head)
            if known:
                if modifiers:
                    self._modifiers(toks, known[-1], stop, share=known)
                return known
        if head.collapse and head.entity_type == "Actor" and j < stop and not self._def(toks[i]):
            quoted = self._quoted_group(toks, i, j, stop)
            if quoted:
                if modifiers:
                    self._modifiers(toks, quoted[0], stop)
                return quoted
        # "قوات تابعة لـ X" is an actor of its own; "مسلحون تابعون لـ X" (a head with no chain) are X's
        if (
            head.entity_type == "Actor"
            and j < stop
            and ((head.chain and not self._def(toks[i])) or head.singular in _AFFILIATED_DEFINITE)
        ):
            affiliate = self._affiliate(toks, i, j, stop)
            if affiliate:
                return affiliate
        if head.collapse and head.entity_type == "Actor" and head.number == "pl" and j < stop:
            member_of = self._members_of(toks, i, j, stop)
            if member_of:
                return member_of
        if head.entity_type == "Actor" and not self._def(toks[i]) and j < stop:
            named = self._self_named(toks, i, j, stop, modifiers=modifiers)
            if named:
                return named
        if (
            head.entity_type == "Actor"
            and head.number == "sg"
            and head.collapse
            and self._def(toks[i])
            and j < stop
            and self._side_adjective(toks[j])
        ):
            # "القوة السعودية": a definite force with a country's nisba is the force of that nationality
            # named before ("قوة سعودية من التحالف"), else a force of its own
            return [
                Phrase(
                    i,
                    j + 1,
                    "Actor",
                    head.subtype,
                    (i, j + 1),
                    label=f"{_label_word(toks[i])} {_label_word(toks[j])}",
                    label_keys=(toks[i].key, toks[j].key),
                    heads=frozenset({head.singular}),
                    adjectives=(toks[j].key,),
                    anaphor=True,
                    mint_unresolved=True,
                )
            ]
        if head.singular in _MEMBER_HEADS and head.number == "pl" and not self._def(toks[i]) and j < stop:
            group = self._member_group(toks, i, j, stop, modifiers=modifiers)
            if group:
                return group
        body = self._described_body(toks, i, j, stop, head)
        if body:
            if modifiers:
                self._modifiers(toks, body[0], stop)
            return body
        described = self._described_fighters(toks, i, j, stop, head)
        if described:
            if modifiers:
                self._modifiers(toks, described[0], stop)
            return described
        if not head.chain:
            return []
        heads = {head.singular}
        head_words = [_label_word(toks[i])]
        # several plural heads form one group: "الدوائر والمؤسسات الحكومية"
        while head.number == "pl" and j + 1 < stop and toks[j].clitic and toks[j].key == "و":
            other = self.heads.get(toks[j + 1].key)
            if other is None or other.entity_type != head.entity_type or other.number != "pl":
                break
            heads.add(other.singular)
            head_words.append("و" + _label_word(toks[j + 1]))
            j += 2
        if head.number == "pl" and len(heads) == 1 and not self._def(toks[i]):
            nested = self._nested_shared_head(toks, i, j, stop, head)
            if nested:
                if modifiers:
                    self._modifiers(toks, nested[-1], stop, share=nested)
                return nested
        if head.number != "sg" and len(heads) == 1:
            shared = self._shared_head(toks, i, j, stop, head)
            if shared:
                if modifiers:
                    self._modifiers(toks, shared[-1], stop, share=shared)
                return shared
        if head.number == "du" and head.entity_type == "Facility" and not self._def(toks[i]):
            two = self._unnamed_dual(toks, i, j, stop, head)
            if two:
                if modifiers:
                    self._modifiers(toks, two[-1], stop, share=two)
                return two
        k, words, keys, genitive = self._chain(toks, i, j, stop, head)
        feature = self._feature_after(toks, k, stop) if words else None
        if feature is not None:
            # "قرى محاذية لنهر الساجور": ل + a natural feature goes on the description, and is a place too
            words += _label_words(toks[k : feature.end])
            keys += [t.key for t in toks[k : feature.end] if not t.is_quote]
            k = feature.end
        if head.singular in _ROAD_HEADS and words and not genitive:
            ends = self._road_ends_after_adjective(toks, k, stop)
            if ends is not None:
                # "الطريق الدولي حمص–حماة": the two ends after the road's adjective are its name
                genitive.append(ends)
                k = ends.end
        road_end = self._road_end(toks, k, stop) if head.singular in _ROAD_HEADS and words else k
        if road_end == k and not self._definite(toks[i], head, words, keys, genitive):
            another = len(keys) == 1 and self.lex.has("distinct_markers", keys[0])
            if (not words or another) and not genitive and len(heads) == 1 and not bare_ok:
                return self._indefinite_facility(toks, i, j, stop, head, modifiers=modifiers)
            return []
        # "مستشفى نيالا التعليمي", "مجلس منبج العسكري": adjectives after the place belong to the name
        after_place = bool(genitive) and genitive[-1].type == "Place"
        while after_place and genitive[-1].end == k and k + 1 < stop and toks[k].text in _DASHES:
            # "طريق دمشق–بيروت": a road between two places names both; neither is an entity of its own
            m = self.gaz.match(toks, k + 1, stop)
            if m is None or m.entity_type != "Place":
                break
            genitive.append(
                Phrase(
                    k + 1,
                    m.end,
                    "Place",
                    m.candidates[0].entry.subtype,
                    (k + 1, m.end),
                    candidates=m.candidates,
                )
            )
            k = m.end
        tail = (
            self._tail_adjectives(toks, k, stop, nisba_only=head.entity_type != "Facility")
            if after_place and genitive[-1].end == k
            else k
        )
        if head.singular in _ROAD_HEADS and (words or genitive) and tail == k:
            tail = self._road_end(toks, k, stop)  # "طريق سنوني–خانصور", "طريق الفاشر–كتم"
        p = self._chained_phrase(toks, i, k, head, heads, head_words, words, keys, genitive, tail)
        if feature is not None:
            p.nested.append(feature)
        if (
            head.singular in _UNIT_HEADS
            and head.number == "sg"
            and words
            and self._unit_of_actor(toks, p, stop)
        ):
            return [p]
        if modifiers:
            self._modifiers(toks, p, stop)
        bare = not words and not genitive
        if bare and head.singular in _ROAD_HEADS and head.number == "sg" and p.end == k:
            between = self._between_places(toks, k, stop)
            if between:
                # "الطريق بين الموصل ودهوك": a road named by the two places it joins (each its own entity)
                p.end = between[-1].end
                p.mention = (p.start, p.end)
                p.label = " ".join(_label_words(toks[i : p.end]))
                p.label_keys = tuple(t.key for t in toks[i : p.end] if not t.is_quote)
                p.nested.extend(between)
                return [p]
        if (
            bare
            and head.singular in _NATIONAL_INSTITUTIONS
            and head.number == "sg"
            and self._def(toks[i])
            and p.holder is None
        ):
            p.national = True  # "انسحب الجيش", "انسحاب الشرطة منها": the country's army or police
            return [p]
        if bare and not bare_ok and p.holder is None and p.loc_at is None and p.end == k and len(heads) == 1:
            if head.number == "sg" and head.entity_type != "Actor" and self._def(toks[i]):
                # "من المعسكر": a definite bare head refers back to the last entity with that head
                p.anaphor = True
                return [p]
            return []
        if (
            bare
            and p.holder is not None
            and head.number == "sg"
            and head.entity_type == "Facility"
            and self._def(toks[i])
        ):
            # "بقي المطار تحت سيطرة X": the airport named before, now said to be held
            p.anaphor = True
            return [p]
        if head.collapse and head.entity_type == "Actor" and bare:
            return []
        return [p]

    def _command_area(self, toks: Sequence[Token], i: int, j: int, stop: int, head: HeadNoun) -> bool:
        """Whether a definite area head opens a military command's name ("المنطقة العسكرية الأولى").

        Why: in Yemeni, Egyptian and Sudanese reports the military regions are the commands that hold
        and give up camps; typed as places they could be neither agents nor holders."""
        return (
            head.entity_type == "Place"
            and head.number == "sg"
            and head.singular in _COMMAND_HEADS
            and self._def(toks[i])
            and j + 1 < stop
            and toks[j].key in _COMMAND_ADJECTIVES
            and toks[j + 1].key in _COMMAND_NAMES
        )

    def _inside_open_quote(self, toks: Sequence[Token], i: int) -> bool:
        """Whether a quote opened one to three words before ``i`` is still open («مقاومة جبل حبشي»)."""
        for q in range(i - 2, max(-1, i - 5), -1):
            if toks[q].is_quote:
                before = toks[q - 1] if q > 0 else None
                return toks[q].text in _OPENING_QUOTES or (
                    before is not None and (before.clitic or not self._content(before))
                )
        return False

    def _feature_after(self, toks: Sequence[Token], k: int, stop: int) -> Phrase | None:
        """The natural feature of "ل + نهر X" at ``k`` ("محاذية لنهر الساجور"), or None."""
        if not (k + 1 < stop and toks[k].clitic and toks[k].key == "ل"):
            return None
        head = self.heads.get(toks[k + 1].key)
        if head is None or head.singular not in _FEATURE_HEADS:
            return None
        found = self._core(toks, k + 1, stop, modifiers=False)
        return found[0] if found and found[0].type == "Place" else None

    def _between_places(self, toks: Sequence[Token], k: int, stop: int) -> list[Phrase]:
        """The two places of "بين X وY" right after ``k`` (known places or place-headed names), or []."""
        if not (k + 1 < stop and toks[k].key == "بين"):
            return []
        first = self._place_at(toks, k + 1, stop)
        if first is None or not (
            first.end + 1 < stop and toks[first.end].key == "و" and toks[first.end].clitic
        ):
            return []
        second = self._place_at(toks, first.end + 1, stop)
        return [first, second] if second is not None else []

    def _place_at(self, toks: Sequence[Token], j: int, stop: int) -> Phrase | None:
        j = self._skip_quotes(toks, j, stop)
        found = self._core(toks, j, stop, modifiers=False) if j < stop else []
        return found[0] if found and found[0].type == "Place" else None

    def _on_road(self, toks: Sequence[Token], j: int, stop: int) -> Phrase | None:
        """The road of "على طريق X" at ``j`` (a checkpoint set up on it), or None."""
        if not (j + 1 < stop and toks[j].key == "علي"):
            return None
        head = self.heads.get(toks[j + 1].key)
        if head is None or head.singular not in _ROAD_HEADS:
            return None
        found = self._core(toks, j + 1, stop, modifiers=False)
        return found[0] if found and found[0].type == "Facility" else None

    def _indefinite_facility(
        self, toks: Sequence[Token], i: int, j: int, stop: int, head: HeadNoun, *, modifiers: bool
    ) -> list[Phrase]:
        """A facility named by its bare indefinite head when the text pins it down: "حاجز في مدينة
        الحسكة" (its place), "ثكنة للشرطة العسكرية" (its owner), "مقراً آخر" (another one)."""
        if head.entity_type != "Facility" or head.number == "pl" or self._def(toks[i]):
            return []
        if head.number == "du" and not toks[i].key.endswith("ا"):
            return []  # a true dual ("حاجزين") names two unnamed facilities: no entity of its own
        end = j
        road = self._on_road(toks, j, stop) if head.singular not in _ROAD_HEADS else None
        if road is not None:
            # "حاجز على طريق زاخو": the checkpoint is named by the road it stands on; the road is its own
            p = Phrase(
                i,
                road.end,
                "Facility",
                head.subtype,
                (i, road.end),
                label=" ".join(_label_words(toks[i : road.end])),
                label_keys=tuple(t.key for t in toks[i : road.end] if not t.is_quote),
                heads=frozenset({head.singular}),
                located=head.located,
            )
            p.nested.append(road)
            if modifiers:
                self._modifiers(toks, p, stop)
            return [p]
        if j < stop and self.lex.has("distinct_markers", toks[j].key):
            end = j + 1
        elif j + 1 < stop and toks[j].key == "في":
            at = self._skip_quotes(toks, j + 1, stop)
            m = self.gaz.match(toks, at, stop) if at < stop else None
            place_head = self.heads.get(toks[at].key) if at < stop else None
            if not (
                (m is not None and m.entity_type == "Place")
                or (place_head is not None and place_head.entity_type == "Place")
            ):
                return []
        elif not (j + 1 < stop and toks[j].clitic and toks[j].key == "ل"):
            return []
        p = Phrase(
            i,
            end,
            "Facility",
            head.subtype,
            (i, end),
            label=head.surface,
            label_keys=(head.singular,),
            heads=frozenset({head.singular}),
            located=head.located,
        )
        if end == j and toks[j].key == "ل":
            comp = self._complement(toks, j + 1, stop)
            if not comp or comp[0].type != "Actor":
                return []
            p.owner = comp[0]
            p.nested.append(comp[0])
            p.end = comp[0].end
        if modifiers:
            self._modifiers(toks, p, stop)
        return [p]

    def _unnamed_dual(self, toks: Sequence[Token], i: int, j: int, stop: int, head: HeadNoun) -> list[Phrase]:
        """ "نقطتين عسكريتين", "حاجزين على مدخلها", "مقرين في المدينة": an indefinite dual pinned down
        by a dual adjective or by where the two stand names two facilities, one entity each."""
        key = toks[i].key
        if toks[i].clitic or not key.endswith(("ين", "ان")) or len(key) < 5:
            return []
        end = j
        if j < stop and self._content(toks[j]) and toks[j].key.endswith(_DUAL_ADJECTIVE_ENDINGS):
            end = j + 1  # "نقطتين عسكريتين"
        elif not (j < stop and toks[j].key in _WHERE_PREPOSITIONS):
            return []  # "حاجزين" alone: two unnamed facilities the text does not pin down
        words = [t.text for t in toks[i:end] if not t.is_quote]
        return [
            Phrase(
                i,
                end,
                "Facility",
                head.subtype,
                (i, end),
                label=f"{' '.join(words)} ({n}/2)",
                label_keys=(head.singular, *(t.key for t in toks[i + 1 : end]), str(n)),
                heads=frozenset({head.singular}),
                located=head.located,
            )
            for n in (1, 2)
        ]

    def _described_body(
        self, toks: Sequence[Token], i: int, j: int, stop: int, head: HeadNoun
    ) -> list[Phrase]:
        """ "سلّموها إلى لجنة محلية", "لجنة عسكرية مشتركة", "إدارة مدنية": an indefinite institution head
        with nisba adjectives is a body the text tracks (it receives, mediates, runs), an Actor.

        Why: such bodies have no name of their own, so no chain made them; the handover to them then
        lost its recipient and the recipient's control."""
        if head.entity_type != "Actor" or head.number != "sg" or head.subtype not in _INSTITUTION_SUBTYPES:
            return []
        if self._def(toks[i]):
            return []
        feminine = head.singular.endswith("ه")
        end = j
        while (
            end < stop
            and end < j + 3
            and _indefinite_adjective(toks[end])
            and toks[end].key not in self.heads
            and toks[end].key.endswith("ه") == feminine  # agreement: "لجنة محلية", "مجلس محلي"
        ):
            end += 1
        if end == j or self.gaz.match(toks, j, stop) is not None:
            return []
        if end < stop and self.gaz.match(toks, end, stop) is not None:
            return []  # "مجلس أهالي حلب": a plural in construct before a name, no adjective
        return [
            Phrase(
                i,
                end,
                "Actor",
                head.subtype,
                (i, end),
                label=" ".join(_label_word(t) for t in toks[i:end]),
                label_keys=tuple(t.key for t in toks[i:end]),
                heads=frozenset({head.singular}),
                adjectives=tuple(t.key for t in toks[j:end]),
            )
        ]

    def _described_fighters(
        self, toks: Sequence[Token], i: int, j: int, stop: int, head: HeadNoun
    ) -> list[Phrase]:
        """ "مسلحون محليون", "مقاتلون قبليون", "مسلحون مجهولون": indefinite fighters with a human
        plural adjective (a nisba in -يون/-يين or a participle م...ون) are an actor the text tracks."""
        if head.entity_type != "Actor" or head.number != "pl" or self._def(toks[i]):
            return []
        if j >= stop or toks[i].clitic or not self._content(toks[j]) or toks[j].key in self.heads:
            return []
        adj = toks[j].key
        nisba = adj.endswith(("يون", "يين")) and len(adj) >= 5
        participle = adj.startswith("م") and adj.endswith(("ون", "ين")) and len(adj) >= 5
        if not (nisba or participle) or self.gaz.match(toks, j, stop) is not None:
            return []
        return [
            Phrase(
                i,
                j + 1,
                "Actor",
                head.subtype,
                (i, j + 1),
                label=f"{toks[i].text} {toks[j].text}",
                label_keys=(toks[i].key, adj),
                heads=frozenset({head.singular}),
                adjectives=(adj,),
            )
        ]

    def _names_area(self, toks: Sequence[Token], j: int, stop: int, *, definite_head: bool = False) -> bool:
        """Whether a known place or a proper name (not an office's field) follows an area-naming head.

        After an indefinite head in construct, a definite word is its genitive, never an adjective:
        "مديرية الدريهمي" is a district unless the genitive is a field ("مديرية الزراعة")."""
        if j >= stop:
            return False
        m = self.gaz.match(toks, j, stop)
        if m is not None:
            return m.entity_type == "Place"
        tok = toks[j]
        if not self._content(tok) or tok.key.startswith("لل") or tok.key in self.heads:
            return False
        if tok.key.startswith("ال"):
            bare = tok.key[2:]
            return not definite_head and len(bare) >= 3 and bare not in _OFFICE_FIELDS
        if tok.key in _OFFICE_FIELDS:
            return False  # "مديرية أمن سوق الجمعة": an office named after its field and place
        if tok.key.endswith(("يه", "ي")):
            return False  # a nisba adjective ("مديرية عامة") is no name
        nxt = self._skip_quotes(toks, j + 1, stop)
        # "مديرية صحة عدن": an indefinite word before a place is the office's field, not a name
        return nxt >= stop or self.gaz.match(toks, nxt, stop) is None

    def _affiliate(self, toks: Sequence[Token], i: int, j: int, stop: int) -> list[Phrase]:
        """ "قوات تابعة لحزب الإصلاح", "قوة أمنية تابعة لوزارة الداخلية", "عناصر تابعين لفرقة X": an
        unnamed force affiliated to X is an actor of its own (X is its parent), unlike "مسلحون من X"."""
        k = j
        national = self._national_force_of(toks, i, j, j + 1, stop)
        if national:
            return national
        if k < stop and self._content(toks[k]) and toks[k].key not in self.heads:
            if (
                not (_indefinite_adjective(toks[k]) or toks[k].key.endswith(("يون", "يين")))
                or self.gaz.match(toks, k, stop) is not None
            ):
                return []
            k += 1  # one nisba adjective: "قوة أمنية"
        marker = self._seq_at(toks, k, stop, "owner_markers")
        if marker is None:
            return []
        o = self._skip_quotes(toks, marker, stop)
        if not (o + 1 < stop and toks[o].clitic and toks[o].key == "ل"):
            return []
        comp = self._complement(toks, o + 1, stop)
        if not comp or comp[0].type != "Actor":
            return []
        parent = comp[0]
        own = [t for t in toks[i : parent.start] if not t.is_quote]
        label = (
            " ".join(_label_word(t) for t in own if not t.clitic)
            + " ل"
            + (parent.label or " ".join(t.text for t in toks[parent.start : parent.end] if not t.is_quote))
        )
        end = parent.end
        if end < stop and toks[end].is_quote and sum(1 for t in toks[i:end] if t.is_quote) % 2 == 1:
            end += 1  # "الحراس التابعين لـ«الإدارة الذاتية»": the owner's closing quote ends the mention
        p = Phrase(
            i,
            end,
            "Actor",
            self.heads[toks[i].key].subtype,
            (i, end),
            label=label,
            label_keys=(
                *(t.key for t in own),
                *(t.key for t in toks[parent.start : parent.end] if not t.is_quote),
            ),
            heads=frozenset({self.heads[toks[i].key].singular}),
            owner=parent,
        )
        p.nested.append(parent)
        return [p]

    def _national_force_of(self, toks: Sequence[Token], i: int, j: int, k: int, stop: int) -> list[Phrase]:
        """ "قوة سعودية من التحالف", "وحدة تركية من قوات حفظ السلام": an indefinite force with a
        country's nisba, drawn from an actor, is an actor of its own (the actor after من its parent)."""
        if k != j + 1 or k + 1 >= stop or toks[k].key != "من" or not self._country_nisba(toks[j]):
            return []
        n = self._skip_quotes(toks, k + 1, stop)
        # "من التحالف": a bare definite group head names the group the force comes from
        comp = self._core(toks, n, stop, modifiers=False, bare=True) if n < stop else []
        if not comp or comp[0].type != "Actor" or comp[0].anaphor:
            return []
        parent = comp[0]
        end = parent.end
        own = [t for t in toks[i : parent.start] if not t.is_quote]
        parent_words = [t for t in toks[parent.start : parent.end] if not t.is_quote]
        head = self.heads[toks[i].key]
        p = Phrase(
            i,
            end,
            "Actor",
            head.subtype,
            (i, end),
            label=" ".join([*(_label_word(t) for t in own), *(_label_word(t) for t in parent_words)]),
            label_keys=(*(t.key for t in own), *(t.key for t in parent_words)),
            heads=frozenset({head.singular}),
            adjectives=(toks[j].key,),
            owner=parent,
        )
        p.nested.append(parent)
        return [p]

    def _country_nisba(self, tok: Token) -> bool:
        """Whether an indefinite word is the nisba of a known country ("سعودية", "تركي", "روسية")."""
        key = tok.key
        if tok.clitic or key.startswith("ال"):
            return False
        stem = key[:-2] if key.endswith("يه") else key[:-1] if key.endswith("ي") else ""
        return len(stem) >= 3 and stem in self.country_stems

    def _members_of(self, toks: Sequence[Token], i: int, j: int, stop: int) -> list[Phrase]:
        """ "مسلحون من “كتائب أبو عمارة”", "عناصر تابعين لفرقة السلطان مراد": members of X are X."""
        k = j
        owner = self._seq_at(toks, k, stop, "owner_markers")
        if owner is not None:
            k = owner
        if not (k < stop and toks[k].key in ("من", "ل") and (owner is not None or toks[k].key == "من")):
            return []
        inner = self._complement(toks, k + 1, stop)
        if not inner and owner is None:
            return self._members_of_people(toks, i, k + 1, stop)
        if not inner or inner[0].type != "Actor":
            return []
        p = inner[0]
        p.start = i
        return [p]

    def _quoted_group(self, toks: Sequence[Token], i: int, j: int, stop: int) -> list[Phrase]:
        """ "فصيل «السلطان مراد»", "قوات «درع الشمال»", "عناصر «قوات حماية البلدة»": a force named in
        quotes after a generic force head is the quoted name (the head only says what it is)."""
        if j != i + 2 or not toks[i + 1].is_quote or toks[i + 1].text not in (*_OPENING_QUOTES, '"'):
            return []
        close = next((q for q in range(j, min(stop, j + 7)) if toks[q].is_quote), None)
        if close is None or close == j or any(not self._content(t) for t in toks[j:close] if not t.clitic):
            return []
        return [
            Phrase(
                i,
                close,
                "Actor",
                self.heads[toks[i].key].subtype,
                (j, close),
                label=" ".join(_label_word(t) for t in toks[j:close]),
                label_keys=tuple(t.key for t in toks[j:close]),
            )
        ]

    def _self_named(
        self, toks: Sequence[Token], i: int, j: int, stop: int, *, modifiers: bool
    ) -> list[Phrase]:
        """ "مجموعة مسلحة تطلق على نفسها اسم «X»", "جماعة تسمي نفسها X": a described group that names
        itself is the actor X; the description before the name names nothing of its own."""
        s = j
        while s < min(stop, j + 3) and _indefinite_adjective(toks[s]):
            s += 1
        if s >= stop or toks[s].key not in _SELF_NAMING_BY_FIRST:
            return []
        candidates = _SELF_NAMING_BY_FIRST[toks[s].key]
        end = next((s + len(seq) for seq in candidates if self._words_at(toks, s, stop, seq)), None)
        if end is None:
            return []
        while end < stop and (toks[end].key in _NAME_WORDS or toks[end].text in ("ـ", ":")):
            end += 1
        n = self._skip_quotes(toks, end, stop)
        found = self._core(toks, n, stop, modifiers=modifiers) if n < stop else []
        if found and found[0].type == "Actor" and found[0].start == n:
            found[0].start = i
            return found[:1]
        close = next((q for q in range(n, min(stop, n + 8)) if toks[q].is_quote), None)
        if n == end or close is None or close == n:
            return []  # an unquoted name the chunker does not know: no phrase rather than a wrong one
        return [
            Phrase(
                i,
                close,
                "Actor",
                "ArmedGroup",
                (n, close),
                label=" ".join(_label_word(t) for t in toks[n:close]),
                label_keys=tuple(t.key for t in toks[n:close]),
            )
        ]

    def _words_at(self, toks: Sequence[Token], s: int, stop: int, seq: tuple[str, ...]) -> bool:
        """Whether the token keys from ``s`` are the words of ``seq``."""
        return s + len(seq) <= stop and all(toks[s + n].key == w for n, w in enumerate(seq))

    def _member_group(
        self, toks: Sequence[Token], i: int, j: int, stop: int, *, modifiers: bool
    ) -> list[Phrase]:
        """ "عناصر «قوات حماية البلدة»", "مقاتلو كتيبة فرسان الجبل", "عناصر مجموعة محلية": members of a
        group the gazetteer does not know are that group (the actor), named or only described."""
        group = self.heads.get(toks[j].key)
        if group is None or group.singular in _MEMBER_HEADS:
            return []
        if group.entity_type != "Actor" and not (self._def(toks[j]) and group.singular in _ACTING_OFFICES):
            return []
        inner = self._core(toks, j, stop, modifiers=modifiers)
        if inner and inner[0].type == "Actor" and inner[0].start == j:
            inner[0].start = i
            return inner
        if inner and inner[0].anaphor and inner[0].start == j and inner[0].end == j + 1:
            inner[0].start = i  # "عناصر المديرية": the office named before, whose members act
            inner[0].type = "Actor"  # members belong to the institution, not to its building
            return inner[:1]
        if (
            not inner
            and group.number == "sg"
            and self._def(toks[j])
            and not (j + 1 < stop and _adjective_like(toks[j + 1].key) and toks[j + 1].key not in self.heads)
        ):
            # "عناصر الجهاز", "عناصر المديرية": members of the body named before with that head
            return [
                Phrase(
                    i,
                    j + 1,
                    group.entity_type,
                    group.subtype,
                    (j, j + 1),
                    heads=frozenset({group.singular}),
                    anaphor=True,
                )
            ]
        if inner or group.number != "sg" or self._def(toks[j]):
            return []
        # "عناصر مجموعة محلية", "مقاتلي جماعة مسلحة": a group described by indefinite adjectives only
        end = j + 1
        while end < stop and _indefinite_adjective(toks[end]) and self.gaz.match(toks, end, stop) is None:
            end += 1
        if end == j + 1:
            return []
        return [
            Phrase(
                i,
                end,
                "Actor",
                group.subtype,
                (j, end),
                label=" ".join(_label_word(t) for t in toks[j:end]),
                label_keys=tuple(t.key for t in toks[j:end]),
                heads=frozenset({group.singular}),
                adjectives=tuple(t.key for t in toks[j + 1 : end]),
            )
        ]

    def _members_of_people(self, toks: Sequence[Token], i: int, j: int, stop: int) -> list[Phrase]:
        """ "مسلحون من العشائر", "فصائل من الطوارق": fighters from a people or a kind of group that
        has no name of its own are one actor, the whole phrase (a place after من is an origin)."""
        j = self._skip_quotes(toks, j, stop)
        if j >= stop or not self._content(toks[j]) or not toks[j].key.startswith("ال"):
            return []
        head = self.heads.get(toks[j].key)
        if self.gaz.match(toks, j, stop) is not None or (head is not None and head.entity_type != "Actor"):
            return []
        end = j + 1
        named_body = (
            end < stop
            and toks[j].key in _NATIONAL_BODIES
            and _adjective_like(toks[end].key)
            and toks[end].key not in self.heads
        )
        if end < stop and (self._side_adjective(toks[end]) or named_body) and head is None:
            # "مسلحين من المعارضة التشادية": a national body (the noun and its country's nisba) is named;
            # its fighters are that body
            return [
                Phrase(
                    i,
                    end + 1,
                    "Actor",
                    "ArmedGroup",
                    (j, end + 1),
                    label=" ".join(_label_word(t) for t in toks[j : end + 1]),
                    label_keys=tuple(t.key for t in toks[j : end + 1]),
                )
            ]
        return [
            Phrase(
                i,
                end,
                "Actor",
                "ArmedGroup",
                (i, end),
                label=" ".join(_label_word(t) for t in toks[i:end] if not t.is_quote),
                label_keys=tuple(t.key for t in toks[i:end] if not t.is_quote),
                heads=frozenset({self.heads[toks[i].key].singular}),
            )
        ]

    def _before_known_names(
        self, toks: Sequence[Token], i: int, j: int, stop: int, head: HeadNoun
    ) -> list[Phrase]:
        """A head before known names of its type: "مدينة القامشلي", "قوات “الأسايش”",
        "حيي الأشرفية والشيخ مقصود" (a dual or plural head takes coordinated names)."""
        m = self.gaz.match(toks, j, stop)
        if m is None or m.entity_type != head.entity_type:
            return []
        known_items = [m]
        while head.number != "sg":
            k = m.end
            if not (k + 1 < stop and toks[k].clitic and toks[k].key == "و"):
                break
            nxt = self.gaz.match(toks, self._skip_quotes(toks, k + 1, stop), stop)
            if nxt is None or nxt.entity_type != head.entity_type:
                break
            known_items.append(nxt)
            m = nxt
        out: list[Phrase] = []
        whole = head.entity_type == "Place" and head.number == "sg"
        for n, it in enumerate(known_items):
            out.append(
                Phrase(
                    i if n == 0 else it.start,
                    it.end,
                    it.entity_type,
                    it.candidates[0].entry.subtype,
                    (i, it.end) if whole else (it.start, it.end),
                    candidates=it.candidates,
                    heads=frozenset({head.singular}),
                )
            )
        return out

    def _shared_head(self, toks: Sequence[Token], i: int, j: int, stop: int, head: HeadNoun) -> list[Phrase]:
        """One phrase per coordinated name after a dual or plural head ("شعبتي الريف والمدينة")."""
        items = self._items(toks, j, stop, heads_inside=head.number == "du")
        if head.number == "du":
            items = items[:2]
        if len(items) < 2:
            return []
        end = items[-1][1]
        items = self._shared_adjective(toks, items)
        out: list[Phrase] = []
        for n, (a, b) in enumerate(items):
            item_words = [_label_word(t) for t in toks[a:b] if not t.is_quote]
            item_keys = tuple(t.key for t in toks[a:b] if not t.is_quote)
            if n > 0 and self._joined_and(toks, a, stop):
                item_words[0] = item_words[0][1:]  # "وهافانا" is the item "هافانا"
                item_keys = (item_keys[0][1:], *item_keys[1:])
            out.append(
                Phrase(
                    i,
                    end,
                    head.entity_type,
                    head.subtype,
                    (i, b) if n == 0 else (a, b),
                    candidates=self.gaz.lookup((head.singular, *item_keys)),
                    label=" ".join([head.surface, *item_words]),
                    label_keys=(head.singular, *item_keys),
                    heads=frozenset({head.singular}),
                    located=head.located,
                )
            )
        return out

    def _nested_shared_head(
        self, toks: Sequence[Token], i: int, j: int, stop: int, head: HeadNoun
    ) -> list[Phrase]:
        """ "مقار وزارات الصحة والتربية", "مراكز مديريات حريب والعبدية": a plural head before a plural
        head with a coordinated list distributes over the list, one entity per item. Facilities of
        actors ("مقار وزارات X") are facilities; centres of places ("مراكز مديريات X") are the places."""
        jq = self._skip_quotes(toks, j, stop)
        inner_head = self.heads.get(toks[jq].key) if jq < stop else None
        if inner_head is None or inner_head.number != "pl" or self._def(toks[jq]):
            return []
        inner = self._core(toks, jq, stop, modifiers=False, bare=True)
        if len(inner) < 2 or any(q.start != inner[0].start for q in inner):
            return []  # not a shared-head list
        end = max(q.end for q in inner)
        out: list[Phrase] = []
        for n, q in enumerate(inner):
            mention = (i, q.mention[1]) if n == 0 else q.mention
            if q.type == "Place":
                out.append(replace(q, start=i, end=end, mention=mention, nested=[]))
                continue
            out.append(
                Phrase(
                    i,
                    end,
                    head.entity_type,
                    head.subtype,
                    mention,
                    label=" ".join([head.surface, q.label]),
                    label_keys=(head.singular, *q.label_keys),
                    heads=frozenset({head.singular}),
                    located=head.located,
                )
            )
        return out

    def _tail_adjectives(self, toks: Sequence[Token], k: int, stop: int, *, nisba_only: bool = False) -> int:
        """ "مستشفى نيالا التعليمي": definite adjectives after a facility's genitive belong to its name;
        ``nisba_only``: after an actor's, only nisba adjectives ("مجلس منبج العسكري", not "... النفير")."""
        while k < stop:
            tok = toks[k]
            if not (self._content(tok) and tok.key.startswith("ال")) or tok.key in self.heads:
                break
            if nisba_only and not tok.key.endswith(("ي", "يه")):
                break
            if tok.key in _CHAIN_BREAKERS or self.gaz.match(toks, k, stop) is not None:
                break
            k += 1
        return k

    def _chain(
        self, toks: Sequence[Token], i: int, j: int, stop: int, head: HeadNoun
    ) -> tuple[int, list[str], list[str], list[Phrase]]:
        """The genitive/adjective chain after a head: (end, words, their keys, genitive phrases)."""
        k = j
        words: list[str] = []
        keys: list[str] = []
        genitive: list[Phrase] = []
        named_for_seen = False
        while k < stop:
            kq = self._skip_quotes(toks, k, stop)
            if kq >= stop:
                break
            m = self.gaz.match(toks, kq, stop)
            if m is not None and toks[kq].key in self.heads and self._narrowed(toks, m, stop):
                m = None
            if (
                m is not None
                and m.entity_type == "Place"
                and self._inside_quoted_name(toks, i, kq, m.end, stop)
            ):
                m = None  # «حماة الوادي»: a quoted name that only starts like a place ("guardians of")
            if m is not None and any(w.startswith("ال") for w in keys):
                break  # after a definite word the construct is complete: "قوات الأمن | مكتب حزب البعث"
            if m is not None and not words and m.entity_type != "Actor" and self._def(toks[i]):
                break  # a definite head takes no genitive: "اقتحمت القوات | مديرية المالية"
            if m is not None:
                genitive.append(
                    Phrase(
                        kq,
                        m.end,
                        m.entity_type,
                        m.candidates[0].entry.subtype,
                        (kq, m.end),
                        candidates=m.candidates,
                    )
                )
                k = m.end
                break
            if self.lex.has("directions", toks[kq].key) and not self._named_direction(toks, kq, stop):
                sector = self._sector_place(toks, head, keys, kq, stop)
                if sector is not None:
                    # "قيادة عمليات غرب نينوى": the compass word and the place are the command's name
                    words.append(_label_word(toks[kq]))
                    keys.append(toks[kq].key)
                    genitive.append(sector)
                    k = sector.end
                break  # "جسر سوبا شرقي الخرطوم": the place after a compass word is not in the name
            feature = self.heads.get(toks[kq].key)
            # "كتيبة فرسان الجبل", «سرايا الجبل الأخضر», "فوج حماية سهل نينوى": a natural feature after
            # a group's head (definite, or after a word of the name) is part of the group's name
            feature_in_name = (
                head.entity_type == "Actor"
                and feature is not None
                and feature.singular in _FEATURE_HEADS
                and (bool(words) or toks[kq].key.startswith("ال"))
            ) or self._people_in_name(toks, head, feature, kq)
            if toks[kq].key in self.heads and not words and not feature_in_name:
                if self._def(toks[i]):
                    break  # a definite head takes no genitive: "المسلحون من العشائر مقر ..." ends at العشائر
                inner = self._core(toks, kq, stop, modifiers=False, bare=True)
                if (
                    inner
                    and head.collapse
                    and head.entity_type == "Actor"
                    and inner[0].type == "Place"
                    and not inner[0].known
                    and inner[0].end == kq + 1
                    and self._def(toks[kq])
                ):
                    break  # "مقاتلي الحي", "مسلحي البلدة": people of a place named before, no group's name
                unknown_owner = (
                    bool(inner)
                    and inner[0].type == "Actor"
                    and not inner[0].known
                    and head.entity_type == "Facility"
                )
                if inner and inner[0].type == "Actor" and head.entity_type != "Actor" and not unknown_owner:
                    # "مقر الفرقة الأولى": a facility or area of an actor (the actor is its owner)
                    genitive.append(inner[0])
                    k = inner[0].end
                    break
                if inner and inner[0].type == "Place" and inner[0].known:
                    genitive.append(inner[0])  # "مبنى محافظة حلب": the place of the facility
                    k = inner[0].end
                    break
                if (
                    inner
                    and not inner[0].known
                    and (head.entity_type == "Actor" or inner[0].type != "Actor" or unknown_owner)
                ):
                    # "قيادات الأفرع الأمنية", "مبنى البلدية": the genitive is part of the name; so is
                    # an actor the gazetteer does not know ("مقر الفرقة 22", "مخفر الشرطة"): the
                    # facility is named after it, the text does not mention it as an actor
                    words += _label_words(toks[inner[0].start : inner[0].end])
                    keys += [t.key for t in toks[inner[0].start : inner[0].end] if not t.is_quote]
                    k = inner[0].end
                    continue
            if (
                head.entity_type == "Actor"
                and len(keys) == 1
                and keys[0] in _UNIT_PURPOSES
                and toks[kq].key in self.heads
                and not feature_in_name
            ):
                # "قوات حماية البلدة", "فوج حماية عشائر الكرابلة": what the unit protects is its name
                inner = self._core(toks, kq, stop, modifiers=False, bare=True)
                if inner and not inner[0].known and inner[0].type in ("Actor", "Place", "Facility"):
                    words += _label_words(toks[inner[0].start : inner[0].end])
                    keys += [t.key for t in toks[inner[0].start : inner[0].end] if not t.is_quote]
                    k = inner[0].end
                    continue
            if not words and self._preposition_word(toks, i, kq):
                break  # "حاجزاً لتفتيش المارة": ل + a noun the tokenizer did not know is no genitive
            named_for = self._named_for(toks, head, words, kq, stop) if not named_for_seen else 0
            if named_for:
                # "المؤسسة الوطنية للنفط", "شركة الواحة للمقاولات", "المجلس العسكري لقبائل ورشفانة"
                words.append(toks[kq].text + toks[kq + 1].text)
                words += [_label_word(t) for t in toks[kq + 2 : kq + named_for]]
                keys += [t.key for t in toks[kq : kq + named_for]]
                k = kq + named_for
                named_for_seen = True
                if named_for == 3:
                    break  # "لقبائل ورشفانة": the group's name ends the institution's
                continue
            if self._quoted_clitic_word(toks, i, kq, stop):
                # «مجمع الفرات للخدمات»: inside quotes a preposition does not end the name
                words.append(toks[kq].text + toks[kq + 1].text)
                keys += [toks[kq].key, toks[kq + 1].key]
                k = kq + 2
                continue
            if (
                toks[kq].key in self.heads
                and len(keys) == 1
                and keys[0] in _OFFICE_FIELDS
                and head.entity_type == "Facility"
            ):
                # "مديرية أمن سوق الجمعة", "مديرية صحة مخيم X": the place after an office's field
                inner = self._core(toks, kq, stop, modifiers=False, bare=True)
                if inner and inner[0].type in ("Place", "Facility") and not inner[0].known:
                    words += _label_words(toks[inner[0].start : inner[0].end])
                    keys += [t.key for t in toks[inner[0].start : inner[0].end] if not t.is_quote]
                    k = inner[0].end
                    break
            if not words and not toks[kq].clitic and toks[kq].key.endswith(_PLURAL_POSSESSED):
                break  # "غرفة عملياتها": "its operations" names the actor's own unit, no name of its own
            if not words and not genitive and self._named_after_act(toks, i, kq, head):
                # "لجنة المصالحة الوطنية", "مركز التسوية", "هيئة التفاوض": an institution or facility
                # named after what it is for; the verbal noun names it, it tells no event
                words.append(_label_word(toks[kq]))
                keys.append(toks[kq].key)
                k = kq + 1
                continue
            if self._place_word_ends_name(toks, i, kq, feature, keys):
                # "لجنة أمن الولاية", "قيادة شرطة المحافظة": a definite place word ends an open construct
                words.append(_label_word(toks[kq]))
                keys.append(toks[kq].key)
                k = kq + 1
                break
            if (
                (toks[kq].key in self.heads and not feature_in_name)
                or not self._content(toks[kq])
                or toks[kq].key in _CHAIN_BREAKERS
            ):
                break
            if (
                not words
                and head.collapse
                and head.entity_type == "Actor"
                and self._def(toks[i])
                and not _adjective_like(toks[kq].key)
            ):
                break  # "رفعت القوات العلم": a definite head takes adjectives only, not the object
            if named_for_seen and not toks[kq].key.endswith(("ي", "يه")):
                break  # after "للطيران" only adjectives go on ("المدني"), not the next noun ("الخبر")
            definite_so_far = self._def(toks[i]) or any(w.startswith("ال") for w in keys)
            number = toks[kq].key.isdigit() and not any(k.isdigit() for k in keys)
            if definite_so_far and not toks[kq].key.startswith(("ال", "لل")) and not number:
                break  # after a definite word, modifiers agree in definiteness: "استمرت" is no adjective
            words.append(_label_word(toks[kq]))
            keys.append(toks[kq].key)
            k = kq + 1
        return k, words, keys, genitive

    def _place_word_ends_name(
        self, toks: Sequence[Token], i: int, kq: int, word: HeadNoun | None, keys: list[str]
    ) -> bool:
        """Whether a bare definite place noun ("الولاية", "المحافظة", "المدينة") is the last genitive of an
        indefinite name begun before it ("لجنة أمن الولاية"): the body of the state or town named before.

        Why: a place head stops a chain as a phrase of its own, which left "لجنة أمن" unfinished and so
        no name at all."""
        return (
            word is not None
            and word.entity_type == "Place"
            and word.number == "sg"
            and bool(keys)
            and not self._def(toks[i])
            and not any(k.startswith("ال") for k in keys)
            and toks[kq].key.startswith("ال")
            and not toks[kq].clitic
            and (kq + 1 >= len(toks) or not self._content(toks[kq + 1]) or toks[kq + 1].key not in self.heads)
        )

    def _people_in_name(self, toks: Sequence[Token], head: HeadNoun, word: HeadNoun | None, kq: int) -> bool:
        """ "كتائب حراس السدة", «سرايا حراس الفجر»: after a unit's head, a noun for fighters that names
        nobody on its own (``chain`` false: حراس، مسلحين، مقاتلي) is a word of the unit's name.

        Why: such words stop a chain as heads of their own, which left the unit with no name at all."""
        return (
            word is not None
            and not word.chain
            and word.entity_type == "Actor"
            and head.entity_type == "Actor"
            and not head.collapse
            and not toks[kq].clitic
            and not toks[kq].key.startswith("ال")
        )

    def _road_ends_after_adjective(self, toks: Sequence[Token], k: int, stop: int) -> Phrase | None:
        """The known place at ``k`` that opens "X–Y" after a described road ("الطريق الدولي حمص–حماة",
        "الطريق الرئيسي حلب–غازي عنتاب"), or None: the two ends name the road, they are no mentions.

        Why: after a definite adjective the chain stops, which left the ends as two places of their own."""
        if k >= stop:
            return None
        m = self.gaz.match(toks, k, stop)
        if m is None or m.entity_type != "Place" or not (m.end + 1 < stop and toks[m.end].text in _DASHES):
            return None
        return Phrase(
            k, m.end, "Place", m.candidates[0].entry.subtype, (k, m.end), candidates=m.candidates, inner=True
        )

    def _road_end(self, toks: Sequence[Token], k: int, stop: int) -> int:
        """End of a road's name that runs on over a dash to the place it leads to ("طريق سنوني–خانصور"):
        the second place, known or not, is part of the road's name and no entity of its own."""
        if not (k + 1 < stop and toks[k].text in _DASHES):
            return k
        m = self.gaz.match(toks, k + 1, stop)
        if m is not None:
            return m.end if m.entity_type == "Place" else k
        nxt = toks[k + 1]
        if not self._content(nxt) or nxt.key in self.heads or nxt.key in _CHAIN_BREAKERS:
            return k
        return k + 2

    def _named_after_act(self, toks: Sequence[Token], i: int, kq: int, head: HeadNoun) -> bool:
        """Whether the first word after an indefinite institution or facility head is a definite
        verbal noun of an event that names it ("لجنة المصالحة", "مركز التسوية", "غرفة العمليات")."""
        if (
            self._def(toks[i])
            or toks[i].clitic
            or not (head.subtype in _INSTITUTION_SUBTYPES or head.entity_type == "Facility")
        ):
            return False
        tok = toks[kq]
        if tok.clitic or not tok.key.startswith("ال") or tok.key in self.heads:
            return False
        form = self.lex.triggers.get(tok.key)
        return form is not None and not form.pos.startswith("verb")

    def _named_for(self, toks: Sequence[Token], head: HeadNoun, words: list[str], kq: int, stop: int) -> int:
        """Tokens of "ل + what an institution is for" that continue its name, or 0.

        "المؤسسة الوطنية للنفط", "الهيئة العامة للطيران المدني", "شركة الواحة للمقاولات",
        "المجلس العسكري لقبائل ورشفانة": after an institution's name, ل + a definite field (not a
        known entity, not people: "قال المجلس المحلي للصحفيين") or + a plural group head and its name."""
        if not words or head.subtype not in _INSTITUTION_SUBTYPES:
            return 0
        if not (toks[kq].clitic and toks[kq].key == "ل" and kq + 1 < stop):
            return 0
        nxt = toks[kq + 1]
        if not self._content(nxt) or self.gaz.match(toks, kq + 1, stop) is not None:
            return 0
        group = self.heads.get(nxt.key)
        if group is not None:
            after = kq + 2
            named = after < stop and self._content(toks[after]) and toks[after].key not in self.heads
            plural_group = group.entity_type == "Actor" and group.number == "pl" and not self._def(nxt)
            return 3 if plural_group and named and self.gaz.match(toks, after, stop) is None else 0
        if not nxt.key.startswith("ال") or nxt.key.endswith(("ين", "ون")):
            return 0
        return 2

    def _preposition_word(self, toks: Sequence[Token], i: int, kq: int) -> bool:
        """Whether the first word after an indefinite head is ل + a word the pipeline does not know."""
        key = toks[kq].key
        if self._def(toks[i]) or not key.startswith("ل") or key.startswith("لل") or len(key) < 5:
            return False
        return key not in self.heads and key not in self.lex.vocabulary and not self.gaz.lookup((key,))

    def _named_direction(self, toks: Sequence[Token], kq: int, stop: int) -> bool:
        """ "ألوية صقور الشمال": a definite compass noun with no place after it is part of a name."""
        if not toks[kq].key.startswith("ال"):
            return False
        nxt = self._skip_quotes(toks, kq + 1, stop)
        if nxt >= stop:
            return True
        head = self.heads.get(toks[nxt].key)
        m = self.gaz.match(toks, nxt, stop)
        return not (
            (m is not None and m.entity_type == "Place") or (head is not None and head.entity_type == "Place")
        )

    def _inside_quoted_name(self, toks: Sequence[Token], i: int, kq: int, end: int, stop: int) -> bool:
        """Whether a place match at ``kq`` lies inside a quoted name opened right before it and the
        name goes on after the place with a definite word («حماة الوادي», «درع الجزيرة الخضراء»)."""
        lo = max(0, min(i, kq - 4))
        if kq == 0 or sum(1 for t in toks[lo:kq] if t.is_quote) % 2 == 0:
            return False
        return end < stop and self._content(toks[end]) and toks[end].key.startswith("ال")

    def _quoted_clitic_word(self, toks: Sequence[Token], i: int, kq: int, stop: int) -> bool:
        """Whether ``toks[kq]`` is a clitic + word inside a quoted name that closes after them."""
        if not (toks[kq].clitic and kq + 2 < stop and self._content(toks[kq + 1])):
            return False
        if sum(1 for t in toks[i:kq] if t.is_quote) % 2 == 0:
            return False
        return any(t.is_quote for t in toks[kq + 2 : min(stop, kq + 8)])

    def _sector_place(
        self, toks: Sequence[Token], head: HeadNoun, keys: list[str], kq: int, stop: int
    ) -> Phrase | None:
        """The known place after the compass word at ``kq`` when it ends an operations command's name
        ("قيادة عمليات غرب نينوى", "قيادة قطاع شرق دجلة"); None elsewhere ("جسر سوبا شرقي الخرطوم")."""
        if head.entity_type != "Actor" or not keys or keys[-1] not in _SECTOR_WORDS:
            return None
        nxt = self._skip_quotes(toks, kq + 1, stop)
        m = self.gaz.match(toks, nxt, stop) if nxt < stop else None
        if m is None or m.entity_type != "Place":
            return None
        return Phrase(
            nxt, m.end, "Place", m.candidates[0].entry.subtype, (nxt, m.end), candidates=m.candidates
        )

    def _def(self, head_token: Token) -> bool:
        """Whether a head noun carries the article: "الألوية" does, "ألوية" (folded to الويه) does not."""
        key = head_token.key
        return key.startswith("ال") and (key[2:] in self.lex.heads or key not in self.lex.heads)

    def _definite(
        self, first: Token, head: HeadNoun, words: list[str], keys: list[str], genitive: list[Phrase]
    ) -> bool:
        """Whether a headed phrase names something (indefinite descriptions, "قوات عسكرية", do not)."""
        if self._def(first) or any(w.startswith("ال") for w in keys) or genitive:
            return True
        if head.entity_type == "Actor" and len(keys) >= 2 and keys[0] in _UNIT_PURPOSES:
            return True  # "وحدات حماية إيزيدخان", "قوات حرس الحدود": a unit named for what it guards
        named_units = head.entity_type == "Actor" and head.number == "pl" and not head.collapse
        # "تلال قرة جوخ", "جبال النوبة": a plural natural feature before a proper name is one named range;
        # one indefinite word is too often an adjective ("جبال وعرة") to be taken for a name
        named_range = head.singular in _FEATURE_HEADS and head.number == "pl" and len(keys) >= 2
        if named_range:
            return not keys[0].endswith(("يه", "ي")) and not all(_indefinite_adjective_key(k) for k in keys)
        if (head.number != "sg" and not named_units) or not words:
            return False  # "كتائب أبو عمارة", "سرايا الجبل" name a group; "قوات كبيرة" does not
        # "بلدة كفرنبودة", "مدينة سرت": a town's proper name needs no article; so does a facility's
        # ("معسكر ماس"), but a nisba adjective ("مقر عسكري") is no name
        if head.entity_type == "Actor":
            # "تجمع أحرار حوران", "لواء صقور الجزيرة": a group's proper name of two words or more;
            # "قوات عسكرية" (a nisba adjective) or "مجموعة مسلحة" (one descriptive word) names none
            minimum = 1 if head.singular in _ONE_WORD_NAMES else 2
            described = all(_indefinite_adjective_key(k) for k in keys)
            # "مجموعة مسلحة محلية": adjectives only (a participle and a nisba) describe, they name none
            nisba_first = keys[0].endswith(("يه", "ي")) and keys[0] not in _KIN_WORDS
            return len(keys) >= minimum and not nisba_first and not described
        return head.entity_type == "Place" or (
            head.entity_type == "Facility" and not keys[0].endswith(("يه", "ي"))
        )

    def _chained_phrase(
        self,
        toks: Sequence[Token],
        i: int,
        k: int,
        head: HeadNoun,
        heads: set[str],
        head_words: list[str],
        words: list[str],
        keys: list[str],
        genitive: list[Phrase],
        tail: int | None = None,
    ) -> Phrase:
        owner = next((g for g in genitive if g.type == "Actor"), None)
        place = next((g for g in genitive if g.type == "Place"), None)
        label_words = [*head_words, *words]
        label_keys = [toks[i].key, *keys]
        for g in genitive:
            if g.known:
                # the canonical name, so that "مناطق النظام" and "مناطق النظام السوري" are one area
                entry = g.candidates[0].entry
                label_words.append(entry.pref_label.get("ar") or toks[g.start].text)
                label_keys.append(f"<{entry.iri}>")
            else:
                label_words.extend(_label_word(t) for t in toks[g.start : g.end] if not t.is_quote)
                label_keys.extend(t.key for t in toks[g.start : g.end] if not t.is_quote)
        if tail is not None and tail > k:
            named = [t for t in toks[k:tail] if t.text not in _DASHES]  # "طريق سنوني–خانصور"
            label_words.extend(_label_word(t) for t in named)
            label_keys.extend(t.key for t in named)
            keys = [*keys, *(t.key for t in named)]
            k = tail
        p = Phrase(
            i,
            k,
            head.entity_type,
            head.subtype,
            (i, k),
            label=" ".join(label_words),
            label_keys=tuple(label_keys),
            heads=frozenset(heads),
            adjectives=tuple(keys),
            group=head.number != "sg",
            located=head.located,
            owner=owner,
        )
        if place is not None:
            p.loc_at = place.start
            # "مستشفى الخرطوم", "مجلس قرية الحويجة المحلي", "ريف حلب الشرقي": a place named only inside
            # another name locates it but is no mention of its own
            for g in genitive:
                g.inner = g.inner or g.type == "Place"
        p.nested.extend(genitive)
        return p

    def _items(
        self, toks: Sequence[Token], j: int, stop: int, *, heads_inside: bool
    ) -> list[tuple[int, int]]:
        """Coordinated name items after a shared head: "الأمن العسكري وأمن الدولة والأمن السياسي".

        After a dual the items may be head nouns themselves ("شعبتي الريف والمدينة"). The tokenizer
        leaves و on a name it does not know ("حقول باباكركوك وهافانا وباي حسن"): inside the list such a
        word opens the next item, so that an unknown two-word name is one item of its own.
        """
        items: list[tuple[int, int]] = []
        k = j
        while k < stop:
            a = k
            while k < stop and self._content(toks[k]) and (heads_inside or self._item_word(toks[k])):
                if k > a and (toks[k].key == "و" or self.lex.has("directions", toks[k].key)):
                    break  # "حريب والعبدية جنوبي مأرب": the place after a compass word is no item
                if k > a and heads_inside and _dual_agreement(toks[k].key):
                    break  # "معبري الغزاوية ودير بلوط الفاصلين": the dual adjective is both items'
                if k > a and self._joined_and(toks, k, stop):
                    break  # "وهافانا": the next item, its و left on by the tokenizer
                if k > a and toks[k].key in _ITEM_BREAKERS:
                    break  # "وبادوش صباح اليوم", "وسلطانة وفق مصدر": the name ends before a time or adverb
                k += 1
            if k == a:
                break
            items.append((a, k))
            if k + 1 < stop and toks[k].key == "و" and self._content(toks[k + 1]):
                k += 1
                continue
            if k < stop and self._joined_and(toks, k, stop):
                continue
            break
        return items

    def _item_word(self, tok: Token) -> bool:
        """Whether a word may stand in an item of a plural head's list: no head noun, except a security
        service's, which names what a branch is for ("أفرع الاستخبارات العسكرية والأمن الجنائي")."""
        head = self.heads.get(tok.key)
        return (
            head is None
            or (head.entity_type == "Actor" and head.subtype == "SecurityService")
            or head.singular in _ITEM_HEADS
        )

    def _joined_and(self, toks: Sequence[Token], k: int, stop: int) -> bool:
        """Whether a token is و glued to a name the tokenizer does not know ("وهافانا", "وكوكجلي")."""
        tok = toks[k]
        key = tok.key
        if tok.clitic or len(key) < 4 or not key.startswith("و") or key.startswith("وال"):
            return False
        if key in self.heads or key in _WHOLE_WAW_WORDS or self.gaz.match(toks, k, stop) is not None:
            return False
        if k > 0 and toks[k - 1].key.endswith(("يه", "ي")) and key.endswith(("يه", "ي")):
            return False  # "قوات عسكرية وأمنية": two coordinated adjectives, not two names
        return self._content(tok) and self._content(replace(tok, key=key[1:]))

    def _shared_adjective(self, toks: Sequence[Token], items: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """ "حقول باباكركوك وهافانا وباي حسن النفطية": a definite adjective after an indefinite name
        of several words does not agree with that name; it qualifies the shared head, so it leaves
        the last item (a definite name keeps its own: "مكاتب الهجرة والأحوال المدنية")."""
        a, b = items[-1]
        if b - a < 2 or len(items) < 2:
            return items
        last, before = toks[b - 1], toks[b - 2]
        if before.key.startswith("ال") or not last.key.startswith("ال") or not last.key.endswith("ه"):
            return items
        if not (last.key.endswith("يه") or last.key.startswith("الم")):
            return items  # a feminine nisba or participle ("النفطية", "المجاورة"), not a noun ("السلامة")
        return [*items[:-1], (a, b - 1)]

    def _modifiers(self, toks: Sequence[Token], p: Phrase, stop: int, share: Sequence[Phrase] = ()) -> None:
        """Relative and participle modifiers after a phrase; they extend it (and ``share`` with it)."""
        k = p.end
        targets = list(share) or [p]
        while k < stop:
            kq = self._skip_quotes(toks, k, stop)
            if kq >= stop:
                break
            held = self._seq_at(toks, kq, stop, "held_markers")
            if (
                held is None
                and kq + 2 < stop
                and toks[kq].key in _WAS_RELATIVES
                and toks[kq + 1].key == _WAS_RELATIVES[toks[kq].key]
            ):
                # "الذي كان تحت سيطرة X": held until the event the sentence tells
                held = self._seq_at(toks, kq + 2, stop, "held_markers")
            if held is not None:
                comp = self._complement(toks, held, stop)
                if comp:
                    for t in targets:
                        t.holder = comp[0]
                    p.nested.append(comp[0])
                    k = comp[0].end
                    continue
            owner = self._seq_at(toks, kq, stop, "owner_markers")
            if owner is not None:
                o = self._skip_quotes(toks, owner, stop)
                if o < stop and toks[o].key in _OWNER_PRONOUNS:
                    for t in targets:
                        t.owner_pronoun = True
                    k = o + 1
                    continue
                if o < stop and toks[o].clitic and toks[o].key == "ل":
                    comp = self._complement(toks, o + 1, stop)
                    if comp:
                        for t in targets:
                            t.owner = comp[0]
                        p.nested.append(comp[0])
                        k = comp[0].end
                        continue
            presence = self._seq_at(toks, kq, stop, "presence_markers")
            if presence is not None and p.type == "Actor":
                comp = self._complement(toks, presence, stop)
                if comp:
                    for t in targets:
                        t.presence = comp[0]
                    p.nested.append(comp[0])
                    k = comp[0].end
                    continue
            if toks[kq].key in self.lex.participles:
                k = kq + 1
                if k < stop and toks[k].key in _PREP_PRONOUNS:
                    k += 1
                continue
            if self.lex.has("directions", toks[kq].key) and p.type in ("Facility", "Place"):
                # "مديرية حريب جنوبي محافظة مأرب": the place after a compass word locates the phrase
                at = self._skip_quotes(toks, kq + 1, stop)
                m = self.gaz.match(toks, at, stop) if at < stop else None
                head = self.heads.get(toks[at].key) if at < stop else None
                if (m is not None and m.entity_type == "Place") or (
                    head is not None and head.entity_type == "Place"
                ):
                    for t in targets:
                        t.loc_at = at
                break
            if toks[kq].key == "في" and p.type in ("Facility", "Place"):
                at = self._skip_quotes(toks, kq + 1, stop)
                m = self.gaz.match(toks, at, stop) if at < stop else None
                head = self.heads.get(toks[at].key) if at < stop else None
                # "مبنى مصلحة الجمارك في ميناء عدن": a facility inside a facility is located too
                inside = {"Place", "Facility"} if p.type == "Facility" else {"Place"}
                if (m is not None and m.entity_type in inside) or (
                    head is not None and head.entity_type in inside
                ):
                    for t in targets:
                        t.loc_at = at
                break
            break
        for t in targets:
            if k > t.end:
                t.end = k
                if not t.known and t is targets[-1]:
                    t.mention = (t.mention[0], k)
        if len(targets) > 1:
            end = max(t.end for t in targets)
            for t in targets:
                t.end = end

    def _complement(self, toks: Sequence[Token], j: int, stop: int) -> list[Phrase]:
        j = self._skip_quotes(toks, j, stop)
        return self._core(toks, j, stop, modifiers=False) if j < stop else []


#: a plural noun with a possessive suffix ("عملياتها", "قواتهم"): what belongs to an actor named before
_PLURAL_POSSESSED = ("اتها", "اتهم", "اتهما")
#: shapes of the definite adjectives that follow a definite actor head: nisba ("الحكومية", "الكرديين"),
#: participles ("المسلحة", "المشتركة", "الموالية") and fa'il adjectives ("الحليفة", "الجديدة")
_NISBA_ENDINGS = ("ي", "يه", "يين", "يون", "يان", "يتين", "يتان")


def _indefinite_adjective_key(key: str) -> bool:
    """Whether an indefinite key has an adjective's shape: a nisba ("محليه"), a feminine participle
    ("مسلحه") or a feminine fa'il ("صغيره", "كبيره")."""
    feminine_fail = len(key) == 5 and key.endswith("ه") and key[2] == "ي"
    return key.endswith(("ي", "يه")) or (key.startswith("م") and key.endswith("ه")) or feminine_fail


def _indefinite_adjective(tok: Token) -> bool:
    """Whether a word has the shape of an indefinite adjective after a group's head: a nisba ("محلية",
    "قبلية") or a feminine participle ("مسلحة", "مجهولة")."""
    key = tok.key
    if tok.clitic or tok.is_quote or key.startswith("ال") or len(key) < 4:
        return False
    return key.endswith(("ي", "يه")) or (key.startswith("م") and key.endswith("ه"))


def _dual_agreement(key: str) -> bool:
    """Whether a definite word agrees with a dual head ("الفاصلين", "الحدوديين", "المتجاورتين")."""
    return key.startswith("ال") and len(key) > 5 and key.endswith(("ين", "ان"))


def _adjective_like(key: str) -> bool:
    """Whether a definite word has the shape of an adjective rather than of a noun ("العلم", "السيطرة")."""
    if not key.startswith("ال") or len(key) < 4:
        return False
    stem = key[2:]
    # an adjective after a non-human plural or a feminine head is feminine: "القوات العامة", "القيادة العامة"
    if stem.endswith((*_NISBA_ENDINGS, "ه")) or stem.startswith("م"):
        return True
    return len(stem) == 4 and stem[2] == "ي"  # فعيل: "الحليف", "الكبير"


def _country_stems(gazetteer: GazetteerIndex) -> frozenset[str]:
    """Stems of the nisba adjectives of the gazetteer's countries: "روسيا" -> "روس", "العراق" -> "عراق",
    "السعودية" -> "سعود", "الإمارات" -> "امارات" (keys, so that "الروسي" and "الروسية" both match)."""
    stems: set[str] = set()
    for e in gazetteer.entries.values():
        if e.type != "Place" or e.subtype != "Country":
            continue
        for labels in e.labels.values():
            for label in labels:
                key = match_key(label)
                if " " in key or not key:
                    continue
                key = key[2:] if key.startswith("ال") else key
                stems.add(key)
                if key.endswith(("يا", "يه")):
                    stems.add(key[:-2])
                if key.endswith(("ا", "ه")):
                    stems.add(key[:-1])
    # countries the gazetteer does not hold whose forces report on ("قوة أمريكية", "المعارضة التشادية")
    stems.update(match_key(w) for w in _HEAD_DATA.get("nisba_stems", ()))
    return frozenset(s for s in stems if len(s) >= 3)


def _checkpoint_heads(items: Sequence[Mapping[str, Any]]) -> dict[str, HeadNoun]:
    """Head nouns of the indefinite singular, dual and plural forms of each checkpoint word."""
    out: dict[str, HeadNoun] = {}
    for item in items:
        sg = str(item["sg"])
        stem = sg[:-1] + "ت" if sg.endswith("ة") else sg
        forms = {sg: "sg", **{stem + d: "du" for d in ("ي", "ا", "ان", "ين")}}
        forms.update({str(pl): "pl" for pl in item.get("pl", ())})
        for form, number in forms.items():
            out.setdefault(
                match_key(form),
                HeadNoun(match_key(sg), sg, "Facility", str(item["subtype"]), number, True, False),
            )
    return out


def _ends_in_teh_marbuta(text: str) -> bool:
    """Whether a word as written ends in ة (diacritics after it ignored): normalisation folds ة into ه."""
    stripped = text.rstrip("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0640")
    return stripped.endswith("ة")


def _label_words(toks: Sequence[Token]) -> list[str]:
    """The words of a name as written, a proclitic glued to its word ("شركة الواحة للمقاولات")."""
    out: list[str] = []
    glue = ""
    for t in toks:
        if t.is_quote:
            continue
        if t.clitic:
            glue += t.text
            continue
        out.append(glue + t.text if glue else _label_word(t))
        glue = ""
    if glue:
        out.append(glue)
    return out


def _label_word(tok: Token) -> str:
    """A token as written, with the article restored after لل (لأحياء -> الأحياء)."""
    if tok.key.startswith("ال") and not match_key(tok.text).startswith("ال"):
        return "ا" + tok.text
    return tok.text
