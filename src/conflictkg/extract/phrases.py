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

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from conflictkg.extract.gazetteer import Candidate, GazetteerIndex
from conflictkg.extract.lexicon import HeadNoun, Lexicon
from conflictkg.extract.normalize import match_key
from conflictkg.extract.tokenize import Token

__all__ = ["Chunker", "Phrase"]

_PREP_PRONOUNS = frozenset(
    p + s for p in ("ب", "ل", "في", "من", "عن", "علي", "ال") for s in ("ها", "ه", "هم", "هما", "هن")
)
_WORD = re.compile(r"[^\W_]")
_CONJ_ARTICLE = frozenset({"وال", "فال", "بال", "كال"})
#: gazetteer place subtypes that also name a state acting as an actor ("تركيا", "بغداد")
_STATE_PLACES = frozenset({"Country", "City"})
#: a relative pronoun and the "was" that agrees with it ("الذي كان", "التي كانت")
_WAS_RELATIVES = {"الذي": "كان", "التي": "كانت"}
_DASHES = frozenset({"–", "-", "—"})
_OWNER_PRONOUNS = {"له": "m", "لها": "f", "لهم": "p", "لهما": "d", "لهن": "p"}


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

    @property
    def known(self) -> bool:
        return bool(self.candidates)


class Chunker:
    """Find the entity phrases of one sentence; built once with the lexicon and the gazetteer."""

    def __init__(self, lexicon: Lexicon, gazetteer: GazetteerIndex) -> None:
        self.lex = lexicon
        self.gaz = gazetteer
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
        if key in self._stop or self.lex.has("prepositions", key):
            return False
        if key in self.lex.participles or key in self.lex.triggers:
            return False
        if key[:3] in _CONJ_ARTICLE and len(key) > 4:
            return False  # و/ف/ب/ك + ال: a new definite noun after a conjunction or preposition
        return _WORD.search(key) is not None

    # --- entry point ---------------------------------------------------------------------------
    def chunk(self, toks: Sequence[Token], start: int, stop: int) -> list[Phrase]:
        """Top-level phrases of ``toks[start:stop]`` (one sentence), in text order."""
        out: list[Phrase] = []
        i = start
        while i < stop:
            found = self.parse(toks, i, stop)
            if not found:
                i += 1
                continue
            out.extend(found)
            i = max(max(p.end for p in found), i + 1)
        self._state_actors(toks, out, start)
        return out

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
        prev = toks[p.start - 1].key
        before = toks[p.start - 2].key if p.start - 2 >= start else ""
        if prev == "و" and toks[p.start - 1].clitic:
            return previous is not None and previous.type == "Actor" and previous.end == p.start - 1
        if prev == "من":
            return self.lex.has("backer_markers", before)
        if prev == "بين":
            form = self.lex.triggers.get(before)
            agreement = form is not None and form.event_type in ("Agreement", "Negotiation")
            return agreement or self.lex.has("between_party_markers", before)
        if toks[p.start - 1].clitic:
            return False
        form = self.lex.triggers.get(prev) or self.lex.triggers.get(prev[1:] if prev[:1] in "وف" else "")
        return (
            (form is not None and form.pos == "verb")
            or self.lex.has("state_actor_verbs", prev)
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
        if self.lex.has("demonstratives", toks[i].key) and i + 1 < stop:
            head = self.lex.heads.get(toks[i + 1].key)
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

    # --- the core of a phrase ------------------------------------------------------------------
    def _core(
        self, toks: Sequence[Token], i: int, stop: int, *, modifiers: bool = True, bare: bool = False
    ) -> list[Phrase]:
        """``bare``: a lone head noun is a phrase too (as a genitive: "مبنى البلدية")."""
        if i >= stop:
            return []
        m = self.gaz.match(toks, i, stop)
        head = self.lex.heads.get(toks[i].key)
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
            return []
        return self._headed(toks, i, stop, head, modifiers=modifiers, bare_ok=bare)

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
        if head.area_subtype is not None and head.number == "sg" and self._names_area(toks, j, stop):
            # "مديرية حيس": before a place name the office head names a district
            head = replace(head, entity_type="Place", subtype=head.area_subtype, located=False, collapse=True)
        if head.collapse and j < stop:
            known = self._before_known_names(toks, i, j, stop, head)
            if known:
                if modifiers:
                    self._modifiers(toks, known[-1], stop, share=known)
                return known
        if head.collapse and head.entity_type == "Actor" and head.number == "pl" and j < stop:
            member_of = self._members_of(toks, i, j, stop)
            if member_of:
                return member_of
        if not head.chain:
            return []
        heads = {head.singular}
        head_words = [_label_word(toks[i])]
        # several plural heads form one group: "الدوائر والمؤسسات الحكومية"
        while head.number == "pl" and j + 1 < stop and toks[j].clitic and toks[j].key == "و":
            other = self.lex.heads.get(toks[j + 1].key)
            if other is None or other.entity_type != head.entity_type or other.number != "pl":
                break
            heads.add(other.singular)
            head_words.append("و" + _label_word(toks[j + 1]))
            j += 2
        if head.number != "sg" and len(heads) == 1:
            shared = self._shared_head(toks, i, j, stop, head)
            if shared:
                if modifiers:
                    self._modifiers(toks, shared[-1], stop, share=shared)
                return shared
        k, words, keys, genitive = self._chain(toks, i, j, stop, head)
        if not self._definite(toks[i], head, words, keys, genitive):
            return []
        after_place = head.entity_type == "Facility" and genitive and genitive[-1].type == "Place"
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
        tail = self._tail_adjectives(toks, k, stop) if after_place and genitive[-1].end == k else k
        p = self._chained_phrase(toks, i, k, head, heads, head_words, words, keys, genitive, tail)
        if modifiers:
            self._modifiers(toks, p, stop)
        bare = not words and not genitive
        if bare and not bare_ok and p.holder is None and p.loc_at is None and p.end == k and len(heads) == 1:
            if head.number == "sg" and head.entity_type != "Actor" and toks[i].key.startswith("ال"):
                # "من المعسكر": a definite bare head refers back to the last entity with that head
                p.anaphor = True
                return [p]
            return []
        if (
            bare
            and p.holder is not None
            and head.number == "sg"
            and head.entity_type == "Facility"
            and toks[i].key.startswith("ال")
        ):
            # "بقي المطار تحت سيطرة X": the airport named before, now said to be held
            p.anaphor = True
            return [p]
        if head.collapse and head.entity_type == "Actor" and bare:
            return []
        return [p]

    def _names_area(self, toks: Sequence[Token], j: int, stop: int) -> bool:
        """Whether a known place, or an indefinite one-word proper name, follows an area-naming head."""
        if j >= stop:
            return False
        m = self.gaz.match(toks, j, stop)
        if m is not None:
            return m.entity_type == "Place"
        tok = toks[j]
        if not self._content(tok) or tok.key.startswith(("ال", "لل")) or tok.key in self.lex.heads:
            return False
        if tok.key.endswith(("يه", "ي")):
            return False  # a nisba adjective ("مديرية عامة") is no name
        nxt = self._skip_quotes(toks, j + 1, stop)
        # "مديرية صحة عدن": an indefinite word before a place is the office's field, not a name
        return nxt >= stop or self.gaz.match(toks, nxt, stop) is None

    def _members_of(self, toks: Sequence[Token], i: int, j: int, stop: int) -> list[Phrase]:
        """ "مسلحون من “كتائب أبو عمارة”", "عناصر تابعين لفرقة السلطان مراد": members of X are X."""
        k = j
        owner = self._seq_at(toks, k, stop, "owner_markers")
        if owner is not None:
            k = owner
        if not (k < stop and toks[k].key in ("من", "ل") and (owner is not None or toks[k].key == "من")):
            return []
        inner = self._complement(toks, k + 1, stop)
        if not inner or inner[0].type != "Actor":
            return []
        p = inner[0]
        p.start = i
        return [p]

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
        out: list[Phrase] = []
        for n, (a, b) in enumerate(items):
            item_words = [_label_word(t) for t in toks[a:b] if not t.is_quote]
            item_keys = tuple(t.key for t in toks[a:b] if not t.is_quote)
            out.append(
                Phrase(
                    i,
                    items[-1][1],
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

    def _tail_adjectives(self, toks: Sequence[Token], k: int, stop: int) -> int:
        """ "مستشفى نيالا التعليمي": definite adjectives after a facility's genitive belong to its name."""
        while k < stop:
            tok = toks[k]
            if not (self._content(tok) and tok.key.startswith("ال")) or tok.key in self.lex.heads:
                break
            if self.gaz.match(toks, k, stop) is not None:
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
        while k < stop:
            kq = self._skip_quotes(toks, k, stop)
            if kq >= stop:
                break
            m = self.gaz.match(toks, kq, stop)
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
            if self.lex.has("directions", toks[kq].key):
                break  # "جسر سوبا شرقي الخرطوم": the place after a compass word is not in the name
            if toks[kq].key in self.lex.heads and not words:
                inner = self._core(toks, kq, stop, modifiers=False, bare=True)
                if inner and inner[0].type == "Actor" and head.entity_type != "Actor":
                    # "مقر الفرقة الأولى": a facility or area of an actor (the actor is its owner)
                    genitive.append(inner[0])
                    k = inner[0].end
                    break
                if inner and inner[0].type == "Place" and inner[0].known:
                    genitive.append(inner[0])  # "مبنى محافظة حلب": the place of the facility
                    k = inner[0].end
                    break
                if inner and not inner[0].known and (head.entity_type == "Actor" or inner[0].type != "Actor"):
                    # "قيادات الأفرع الأمنية", "مبنى البلدية": the genitive is part of the name
                    words += [_label_word(t) for t in toks[inner[0].start : inner[0].end] if not t.is_quote]
                    keys += [t.key for t in toks[inner[0].start : inner[0].end] if not t.is_quote]
                    k = inner[0].end
                    continue
            if toks[kq].key in self.lex.heads or not self._content(toks[kq]):
                break
            definite_so_far = toks[i].key.startswith("ال") or any(w.startswith("ال") for w in keys)
            number = toks[kq].key.isdigit() and not any(k.isdigit() for k in keys)
            if definite_so_far and not toks[kq].key.startswith(("ال", "لل")) and not number:
                break  # after a definite word, modifiers agree in definiteness: "استمرت" is no adjective
            words.append(_label_word(toks[kq]))
            keys.append(toks[kq].key)
            k = kq + 1
        return k, words, keys, genitive

    @staticmethod
    def _definite(
        first: Token, head: HeadNoun, words: list[str], keys: list[str], genitive: list[Phrase]
    ) -> bool:
        """Whether a headed phrase names something (indefinite descriptions, "قوات عسكرية", do not)."""
        if first.key.startswith("ال") or any(w.startswith("ال") for w in keys) or genitive:
            return True
        if head.number != "sg" or not words:
            return False
        # "بلدة كفرنبودة", "مدينة سرت": a town's proper name needs no article; so does a facility's
        # ("معسكر ماس"), but a nisba adjective ("مقر عسكري") is no name
        if head.entity_type == "Actor":
            # "تجمع أحرار حوران", "لواء صقور الجزيرة": a group's proper name of two words or more;
            # "قوات عسكرية" (a nisba adjective) or "مجموعة مسلحة" (one descriptive word) names none
            return len(keys) >= 2 and not keys[0].endswith(("يه", "ي"))
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
            label_words.extend(_label_word(t) for t in toks[k:tail])
            label_keys.extend(t.key for t in toks[k:tail])
            keys = [*keys, *(t.key for t in toks[k:tail])]
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
            if head.entity_type == "Facility":
                for g in genitive:
                    g.inner = g.inner or g.type == "Place"
        p.nested.extend(genitive)
        return p

    def _items(
        self, toks: Sequence[Token], j: int, stop: int, *, heads_inside: bool
    ) -> list[tuple[int, int]]:
        """Coordinated name items after a shared head: "الأمن العسكري وأمن الدولة والأمن السياسي".

        After a dual the items may be head nouns themselves ("شعبتي الريف والمدينة").
        """
        items: list[tuple[int, int]] = []
        k = j
        while k < stop:
            a = k
            while k < stop and self._content(toks[k]) and (heads_inside or toks[k].key not in self.lex.heads):
                k += 1
            if k == a:
                break
            items.append((a, k))
            if k + 1 < stop and toks[k].clitic and toks[k].key == "و" and self._content(toks[k + 1]):
                k += 1
                continue
            break
        return items

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
                head = self.lex.heads.get(toks[at].key) if at < stop else None
                if (m is not None and m.entity_type == "Place") or (
                    head is not None and head.entity_type == "Place"
                ):
                    for t in targets:
                        t.loc_at = at
                break
            if toks[kq].key == "في" and p.type in ("Facility", "Place"):
                at = self._skip_quotes(toks, kq + 1, stop)
                m = self.gaz.match(toks, at, stop) if at < stop else None
                head = self.lex.heads.get(toks[at].key) if at < stop else None
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


def _label_word(tok: Token) -> str:
    """A token as written, with the article restored after لل (لأحياء -> الأحياء)."""
    if tok.key.startswith("ال") and not match_key(tok.text).startswith("ال"):
        return "ا" + tok.text
    return tok.text
