"""English reading: entity phrases and event mentions of English news, from ``data/english.json``.

English news is read with the same story, frame and control machinery as Arabic; only the surface
differs, so this module turns English tokens (spaCy's blank English tokenizer) into the same
:class:`~conflictkg.extract.phrases.Phrase` and :class:`~conflictkg.extract.patterns.EventMention`
values:

- phrases: gazetteer names (English labels), and names built on a head noun, the rightmost head of a
  noun compound deciding the type ("the Abu Salim municipal council building" is a facility), with
  "of X" and "in X" (the place) after it; a known actor before a collapse head ("RSF field commanders",
  "Rapid Support Forces fighters") is that actor, and so is a collapse head before "of/from X"
  ("leaders of the native administration"); a definite description without a name ("the brigade",
  "the municipal council building") refers back to the latest entity it describes;
  coordinated names before one plural head ("the Bab al-Salama and Ras al-Ain crossings"), counted
  plurals ("two nearby checkpoints") and areas named by places ("villages around Tal Tamr") give one
  entity each; a place inside a name ("the Atmeh road", "a Raqqa-based brigade") is no entity of its own;
- event mentions: trigger words and multiword triggers matched on the lemma of their first word
  (spaCy's lookup lemmatizer, set up by ``pipeline.py``: "take over" reads took/taken/taking over),
  split phrasal verbs ("handed it back", "pull its fighters out of"), the subject before the verb
  (or carried from the previous clause for "..., expelling" and "... and withdrew", or before an
  aside "X, backed by Y, seized"), the passive "by" agent, "X's" before a noun, the object right
  after the verb, and every other argument by its preposition through the type's English frame;
- factuality: negation and refusals ("did not", "failed to"), plans, what an agreement or talks are
  about ("agreed on the withdrawal of"), denial scope ("denied that ...", "a claim X rejected"),
  a confirmation ending that scope, and a party's own account ("said it had") as reported.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources
from typing import Any

from conflictkg.errors import ConfigurationError
from conflictkg.extract.gazetteer import GazetteerIndex, GazetteerMatch
from conflictkg.extract.lexicon import Lexicon, TriggerForm
from conflictkg.extract.patterns import _WIDE_PLACES, EventMention, Sentence, _ActorStub, _role_for
from conflictkg.extract.phrases import Phrase
from conflictkg.extract.tokenize import Token

__all__ = ["EnglishChunker", "EnglishData", "Lemmas", "find_english_mentions", "load_english", "verb_form"]

_BOUNDARY = frozenset({",", ";", ":", "—", "–", "(", ")"})
_APOSTROPHES = frozenset({"'", "’"})
_HYPHENS = frozenset({"-", "‐", "‑"})
_GLUE = _APOSTROPHES | _HYPHENS
#: gazetteer places that name a state when they act ("Qatar mediated", "talks with Baghdad")
_STATE_PLACES = frozenset({"Country", "City"})
_SPEECH_TYPES = frozenset({"Statement", "Announcement", "Denial"})
#: relative pronouns of things: "the bridge, which links X and Y, was seized" (never "who")
_THING_RELATIVES = frozenset({"which"})


class Lemmas:
    """Word -> lemma through a lookup lemmatizer (spaCy's, set up in ``pipeline.py``), memoised.

    Matching triggers on lemmas lets ``english.json`` list "take over" once instead of
    take/takes/took/taken/taking. An article repeats most of its words, so lookups are remembered.
    """

    _MAX_MEMO = 200_000

    def __init__(self, lookup: Callable[[str], str]) -> None:
        self._lookup = lookup
        self._memo: dict[str, str] = {}

    def __call__(self, word: str) -> str:
        """The lemma of a lower-cased word ("took" -> "take", "talks" -> "talk"); unknown words as is."""
        lemma = self._memo.get(word)
        if lemma is None:
            lemma = self._lookup(word)
            if len(self._memo) < self._MAX_MEMO:
                self._memo[word] = lemma
        return lemma


def verb_form(key: str, lemma: str) -> str:
    """The kind of a verb form from its surface and lemma: "verb" (base or -s), "ing", or "past"
    (past tense or participle, which may be passive)."""
    if (
        key == lemma
        or key in (lemma + "s", lemma + "es")
        or (lemma.endswith("y") and key == lemma[:-1] + "ies")
    ):
        return "verb"
    if key.endswith("ing"):
        return "ing"
    return "past"


@dataclass(frozen=True)
class EnglishData:
    """The English tables: triggers by first word, frames, heads and word lists (all lower-case)."""

    #: lemma of the first word -> (the words after it, the form), longest first
    triggers: Mapping[str, tuple[tuple[tuple[str, ...], TriggerForm], ...]]
    frames: Mapping[str, Mapping[str, Any]]
    heads: Mapping[str, tuple[str, str]]
    words: Mapping[str, frozenset[str]]
    sequences: Mapping[str, tuple[tuple[str, ...], ...]]
    #: group -> last word -> its sequences, longest first (what can end at a token)
    sequence_ends: Mapping[str, Mapping[str, tuple[tuple[str, ...], ...]]] = field(default_factory=dict)
    #: multiword frame prepositions ("brokered by"), longest first
    compound_preps: tuple[tuple[str, ...], ...] = ()
    #: event types newer than the lexicon -> the type they are read as meanwhile (None: not read)
    fallbacks: Mapping[str, str | None] = field(default_factory=dict)
    #: number words -> their value ("two" -> 2), for counted plurals
    numbers: Mapping[str, int] = field(default_factory=dict)
    #: word -> lemma (spaCy's lookup lemmatizer)
    lemma: Callable[[str], str] = str
    #: head -> other heads a definite description with it may refer back to ("the military": troops)
    head_synonyms: Mapping[str, frozenset[str]] = field(default_factory=dict)
    #: (modifier, head) -> (entity type, subtype) where the modifier changes the head's kind
    #: ("military camp" is a base, "refugee camp" a place)
    compound_heads: Mapping[tuple[str, str], tuple[str, str]] = field(default_factory=dict)


def _with_plurals(
    table: Mapping[str, tuple[str, str]], lemma: Callable[[str], str]
) -> dict[str, tuple[str, str]]:
    """Head nouns -> (entity type, subtype) with the regular plurals of every head the lemmatizer
    confirms ("posts", "clinics", "refineries"), so ``english.json`` lists each head once; built once,
    so a lookup stays one dict access."""
    out = dict(table)
    for word, kind in table.items():
        forms = [word + "s", word + "es"]
        if word.endswith("y"):
            forms.append(word[:-1] + "ies")
        for form in forms:
            if form not in out and lemma(form) == word:
                out[form] = kind
    return out


@cache
def _read() -> dict[str, Any]:
    try:
        raw = (
            resources.files("conflictkg.extract").joinpath("data", "english.json").read_text(encoding="utf-8")
        )
        data: dict[str, Any] = json.loads(raw)
    except FileNotFoundError as exc:
        raise ConfigurationError(
            "extractor data file data/english.json is missing from conflictkg.extract: reinstall the package"
        ) from exc
    except json.JSONDecodeError as exc:
        raise ConfigurationError(f"extractor data file data/english.json is not valid JSON: {exc}") from exc
    return data


def load_english(lookup: Callable[[str], str]) -> EnglishData:
    """The English tables from ``data/english.json``, triggers keyed by the lemma that ``lookup``
    (spaCy's lookup lemmatizer, built by the pipeline) gives their first word."""
    data = _read()
    lemma = Lemmas(lookup)
    triggers: dict[str, list[tuple[tuple[str, ...], TriggerForm]]] = {}
    for event_type, spec in data["triggers"].items():
        for kind, entries in (("verb", spec.get("verbs", [])), ("noun", spec.get("nouns", []))):
            for entry in entries:
                first, *rest = entry.lower().split()
                base = lemma(first)
                bucket = triggers.setdefault(base, [])
                if all(seq != tuple(rest) for seq, _ in bucket):  # verbs first: "raid" stays a verb
                    bucket.append((tuple(rest), TriggerForm(event_type, base, kind, False, kind == "verb")))
    heads: dict[str, tuple[str, str]] = {}
    for entity_type, items in data["heads"].items():
        for word, subtype in items.items():
            heads.setdefault(word, (entity_type, subtype))
    words: dict[str, frozenset[str]] = {}
    sequences: dict[str, tuple[tuple[str, ...], ...]] = {}
    for group, value in data.items():
        if group.startswith("_") or not isinstance(value, list) or not value:
            continue
        if isinstance(value[0], list):
            sequences[group] = tuple(sorted((tuple(v) for v in value), key=len, reverse=True))
        else:
            words[group] = frozenset(w.lower() for w in value)
    compound = {tuple(k.split()) for frame in data["frames"].values() for k in frame if " " in k}
    return EnglishData(
        triggers={k: tuple(sorted(v, key=lambda x: len(x[0]), reverse=True)) for k, v in triggers.items()},
        frames=data["frames"],
        heads=_with_plurals(heads, lemma),
        words=words,
        sequences=sequences,
        compound_preps=tuple(sorted(compound, key=len, reverse=True)),
        lemma=lemma,
        sequence_ends={group: _by_last(seqs) for group, seqs in sequences.items()},
        numbers={str(k): int(v) for k, v in data.get("numbers", {}).items()},
        fallbacks=dict(data.get("fallbacks", {})),
        head_synonyms={k: frozenset(v) for k, v in data.get("head_synonyms", {}).items()},
        compound_heads={
            (pair.split()[0], pair.split()[-1]): (kind[0], kind[1])
            for pair, kind in data.get("compound_heads", {}).items()
        },
    )


def _by_last(seqs: Sequence[tuple[str, ...]]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Word sequences grouped by their last word, longest first."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for seq in seqs:
        out.setdefault(seq[-1], []).append(seq)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in out.items()}


# ------------------------------------------------------------------------------------- phrases
@dataclass(slots=True)
class _Named:
    """What is remembered of a phrase for later definite descriptions."""

    phrase: Phrase
    head: str
    words: frozenset[str]
    #: a gazetteer name: only a full description refers back to it, never an owner ("government forces")
    known: bool = False


@dataclass
class EnglishChunker:
    """Entity phrases of English sentences, with the article's memory for definite descriptions."""

    data: EnglishData
    gaz: GazetteerIndex
    memory: list[_Named] = field(default_factory=list)
    #: gazetteer places told so far, for "the city", "the town"
    places: list[Phrase] = field(default_factory=list)

    def __post_init__(self) -> None:
        #: two-word plan markers ("plans to", "intends to") that end a name before them
        self._plan_pairs = frozenset(
            (seq[0], seq[1]) for seq in self.data.sequences.get("plan_markers", ()) if len(seq) == 2
        )

    def _capital(self, toks: Sequence[Token], i: int, first: int) -> bool:
        return i != first and toks[i].text[:1].isupper()

    def _nominal(self, toks: Sequence[Token], i: int, first: int) -> bool:
        tok = toks[i]
        key = tok.key
        if tok.is_punct or not key:
            return False
        if key in self.data.heads:
            return True
        if (
            key in self.data.words["head_modifiers"]
            and i + 1 < len(toks)
            and toks[i + 1].key in self.data.heads
        ):
            return True  # "the local council", "the main square": the adjective belongs to the name
        if self.data.lemma(key) in self.data.triggers and not self._capital(toks, i, first):
            # "the ousted government", "the captured outpost": a participle before its head describes it
            return (
                i - 1 >= 0
                and toks[i - 1].key in self.data.words["determiners"]
                and i + 1 < len(toks)
                and toks[i + 1].key in self.data.heads
                and verb_form(key, self.data.lemma(key)) == "past"
            )
        if key in self.data.words["stopwords"] or key in self.data.words["auxiliaries"]:
            return self._capital(toks, i, first) and key not in self.data.words["determiners"]
        return key.replace("-", "").isalnum() or _initials(key)

    def _match(self, toks: Sequence[Token], i: int, stop: int) -> GazetteerMatch | None:
        """The longest gazetteer name at ``i``; hyphens and apostrophes inside a name are skipped
        ("Hayat Tahrir al-Sham", "Deir ez-Zor", "Teachers' Syndicate"), since the gazetteer keys its
        labels without punctuation."""
        if i < stop and "-" not in toks[i].key and _initials(toks[i].key):
            # "U.S. forces", "the U.N.": the gazetteer keys the abbreviation without its dots
            undotted = [replace(toks[i], key=toks[i].key.replace(".", "")), *toks[i + 1 : min(stop, i + 12)]]
            found = self.gaz.match(undotted, 0, len(undotted))
            if found is not None:
                return GazetteerMatch(i, i + found.end, found.candidates)
        m = self.gaz.match(toks, i, stop)
        j = i + 1
        while j < stop and toks[j].text not in _GLUE and j - i < 12:
            j += 1
        if j >= stop or (m is not None and m.end > j):
            return m
        kept = [k for k in range(i, min(stop, i + 16)) if toks[k].text not in _GLUE or k == i]
        joined = self.gaz.match([toks[k] for k in kept], 0, len(kept))
        if joined is None or (m is not None and kept[joined.end - 1] + 1 <= m.end):
            return m
        return GazetteerMatch(i, kept[joined.end - 1] + 1, joined.candidates)

    def _verb_like(self, toks: Sequence[Token], j: int, stop: int) -> bool:
        """A lower-case past form ("imposed", "took"), or an -ing form before a determiner
        ("crossing the"): a verb after a noun, never a word of its name."""
        tok = toks[j]
        key = tok.key
        if (
            not key.isalpha()
            or tok.text[:1].isupper()
            or (key in self.data.heads and not key.endswith("ing"))
        ):
            return False  # "gunmen" (lemma "gunman") is no past form; "crossing the" is a verb
        lemma = self.data.lemma(key)
        if lemma != key and verb_form(key, lemma) == "past":
            return True
        nxt = toks[j + 1].key if j + 1 < stop else ""
        if key.endswith("ing") and nxt in self.data.words["object_pronouns"]:
            return True  # "the troops guarding it": a verb with its object, no word of the name
        if (
            lemma != key
            and verb_form(key, lemma) == "verb"
            and any(f.pos == "verb" for _, f in self.data.triggers.get(lemma, ()))
            and j + 1 < stop
            and (toks[j + 1].text[:1].isupper() or nxt in self.data.words["determiners"])
        ):
            return True  # a headline's present tense: "Hamza Division quits Suluk grain centre"
        return key.endswith("ing") and nxt in self.data.words["determiners"]

    def _re_verb(self, toks: Sequence[Token], j: int, stop: int) -> bool:
        """A lower-case "re-" before a past form ("re-entered", "re-took"): a verb, no word of a name."""
        return (
            toks[j].text == "re"
            and j + 2 < stop
            and toks[j + 1].text in _HYPHENS
            and verb_form(toks[j + 2].key, self.data.lemma(toks[j + 2].key)) == "past"
            and self.data.lemma(toks[j + 2].key) != toks[j + 2].key
        )

    def _run(self, toks: Sequence[Token], i: int, stop: int, first: int) -> int:
        """End of the nominal run from ``i`` (a possessive "elders' council" stays inside)."""
        j = i
        while j < stop:
            if j > i and toks[j - 1].text not in _HYPHENS and self._verb_like(toks, j, stop):
                break  # "PMF units imposed fees", "lorries crossing the bridge": a verb ends the name
            if j > i and self._re_verb(toks, j, stop):
                break  # "SDF units re-entered": a verb told again ends the name
            if (
                j > i
                and toks[j].key in self.data.words["allegiance_links"]
                and toks[j - 1].text not in _HYPHENS
            ):
                break  # "gunmen loyal to X": the adjective links the head to its patron
            if j > i and toks[j - 1].key in self.data.heads and self._naming_at(toks, j, stop):
                break  # "a group calling itself X": the name follows
            if (
                j > i
                and j + 1 < stop
                and not toks[j].text[:1].isupper()
                and (toks[j].key, toks[j + 1].key) in self._plan_pairs
            ):
                break  # "the Government of National Unity plans to hand": a plan, no word of the name
            if (
                j > i
                and toks[j - 1].key in self.data.words.get("route_heads", ())
                and self._route_link(toks, j, stop)
            ):
                break  # "the road leading to X": where the road leads is no word of its name
            if self._nominal(toks, j, first):
                j += 1
            elif toks[j].text in _HYPHENS and j > i and j + 1 < stop and self._nominal(toks, j + 1, first):
                j += 1  # "Bosra al-Harir", "Al-Nour"
            elif toks[j].text in _APOSTROPHES and j > i and j + 1 < stop:
                nxt = j + 2 if toks[j + 1].key == "s" else j + 1
                if self._outer_part_at(toks, nxt, stop):
                    break  # "the town's outskirts": an area of the town, read by _outer_parts
                if nxt < stop and self._nominal(toks, nxt, first):
                    j = nxt
                else:
                    break
            else:
                break
        return j

    def chunk(self, toks: Sequence[Token], start: int, stop: int) -> list[Phrase]:
        """The phrases of one sentence, in text order; call in text order (it keeps a memory)."""
        out: list[Phrase] = []
        listing: set[int] = set()  # facilities after a determiner, and the bare items listed after them
        i = start
        while i < stop:
            if toks[i].text == ",":
                named = self._named_by_apposition(toks, i, out, start, stop)
                if named is not None:
                    out.append(named)  # "Tal Malah, a hilltop village north of Hama": a village
                    self.memory.append(_Named(named, next(iter(named.heads)), frozenset(named.label_keys)))
            self_named = self._self_named(toks, i, start, stop)
            if self_named is not None:
                if out and out[-1].end == i and out[-1].type == self_named.type and out[-1].iri is None:
                    out.pop()  # "a tribal group calling itself X": the group is X, no entity of its own
                out.append(self_named)  # "a tribal group calling itself the Hawks of X": the name
                i = self_named.end
                continue
            pair = self._pair_anaphor(toks, i, start, stop)
            if pair:
                out.extend(pair)  # "abandoned both sites": the two sites named before
                i = pair[0].end
                continue
            det = toks[i].key in self.data.words["determiners"]
            indef = toks[i].key in self.data.words["indefinites"]
            a = i + 1 if det or indef else i
            if (
                a + 1 < stop
                and toks[a].key in self.data.words["head_modifiers"]
                and self._capital(toks, a + 1, start)
            ):
                a += 1  # "the adjacent Al-Assad Sports City": the adjective is no part of the name
            if a >= stop or not self._nominal(toks, a, start) or self._progressive(toks, a, start):
                i += 1
                continue
            b = self._run(toks, a, stop, start)
            if (
                b - 2 > a
                and toks[b - 1].key in self.data.words["speaker_descriptions"]
                and self.data.heads.get(toks[b - 2].key, ("", ""))[0] == "Actor"
            ):
                b -= 1  # "a Turkish defence ministry source said": the ministry speaks through its source
            found = self._shared_head(toks, i, a, b, stop, start)
            if not found:
                # "its school, clinic and water tower": the pronoun owns every item of the list
                possessed = (
                    bool(out)
                    and out[-1].owner_pronoun
                    and out[-1].end == i - 1
                    and (toks[i - 1].text == "," or toks[i - 1].key in self.data.words["coordinators"])
                )
                # "seized its police station, hospital and central market": a bare head after a
                # described facility of a list is one more facility of it
                listed = (
                    bool(out)
                    and not (det or indef)
                    and id(out[-1]) in listing
                    and out[-1].end == i - 1
                    and (toks[i - 1].text == "," or toks[i - 1].key in self.data.words["coordinators"])
                )
                found = self._phrases(
                    toks,
                    i,
                    a,
                    b,
                    stop,
                    start,
                    definite=det,
                    indefinite=indef,
                    possessed=possessed,
                    listed=listed,
                )
                if det or listed:
                    listing.update(id(p) for p in found if p.type == "Facility" and p.iri is None)
                found = self._counted(toks, i, found)
            for p in found:
                named = self._apposed_to(toks, p, out, stop)
                if named is not None:
                    p.antecedent, p.label_keys = named, ()  # "the YPG, the Kurdish militia,": the YPG
            out.extend(found)
            for p in found:  # remembered at once: "... the building, and the building remains"
                if p.iri is None and p.label_keys:
                    head = next(iter(p.heads)) if len(p.heads) == 1 else p.label_keys[-1]  # "town of X"
                    self.memory.append(_Named(p, head, frozenset(p.label_keys)))
                elif p.known and p.type == "Place" and not p.inner:
                    self.places.append(p)
                elif p.known and p.type == "Actor" and p.mention[1] - p.mention[0] > 1:
                    # "the Rapid Support Forces ... the paramilitary group": a named armed actor may be
                    # referred back to by its head or a synonym of it
                    keys = frozenset(toks[k].key for k in range(*p.mention) if toks[k].key)
                    self.memory.append(_Named(p, toks[p.mention[1] - 1].key, keys, known=True))
            i = max([b, *(p.end for p in found)])
        out = self._unknown_places(toks, out, start, stop)
        out = self._outer_parts(toks, out, stop)
        self._acting(toks, out, start, stop)
        self._possessor_places(toks, out, stop)
        return out

    def _unknown_places(
        self, toks: Sequence[Token], out: list[Phrase], start: int, stop: int
    ) -> list[Phrase]:
        """A capitalised name no table knows right after a locative preposition ("in Babanusa", "at
        Dafniya", "near Tal Abyad"), not followed by a head noun or another name, is a place: news puts
        towns there. Months and other capitalised words that follow "in" are listed in ``english.json``."""
        words = self.data.words
        taken = {k for p in out for k in range(min(p.start, p.mention[0]), max(p.end, p.mention[1]))}
        found: list[Phrase] = []
        k = start + 1
        while k < stop:
            if toks[k - 1].key not in words.get("locative_prepositions", ()) or k in taken:
                k += 1
                continue
            j = k
            while j < stop and (
                (toks[j].text[:1].isupper() and toks[j].key.isalpha())
                or (toks[j].text in _HYPHENS and j > k and j + 1 < stop and toks[j + 1].text[:1].isupper())
                or (
                    toks[j].key in ("al", "el", "ez", "as", "ash", "ar")
                    and j + 1 < stop
                    and toks[j + 1].text in _HYPHENS
                )
            ):
                j += 1
            if (
                j == k
                or j - k > 4
                or any(t in taken for t in range(k, j))
                or any(
                    toks[t].key in self.data.heads
                    or toks[t].key in words["stopwords"]
                    or toks[t].key in words.get("not_places", ())
                    for t in range(k, j)
                )
                or (j < stop and (toks[j].key in self.data.heads or toks[j].text in _APOSTROPHES))
            ):
                k = max(j, k + 1)
                continue
            name = [t.text for t in toks[k:j] if not t.is_punct or t.text in _GLUE]
            found.append(
                Phrase(
                    k,
                    j,
                    "Place",
                    "Town",
                    (k, j),
                    label=_join(name),
                    label_keys=tuple(t.key for t in toks[k:j] if t.key and not t.is_punct),
                    located=True,
                )
            )
            k = j
        if not found:
            return out
        return sorted([*out, *found], key=lambda p: p.start)

    def _acting(self, toks: Sequence[Token], out: list[Phrase], start: int, stop: int) -> None:
        """Places and offices that act are actors: a country or capital for its state ("Qatar
        mediated", "talks with Baghdad", "under the auspices of Qatar"), and an office that speaks or
        receives a handover ("the UN envoy's office said", "handed the checkpoint to the Tripoli
        Security Directorate"), as the Arabic reading does. Right to left, so "Turkey and Russia
        agreed" makes both act."""
        words = self.data.words
        for n in range(len(out) - 1, -1, -1):
            p = out[n]
            a = p.start
            while a - 1 >= start and toks[a - 1].key in words["determiners"]:
                a -= 1
            if (
                p.known
                and p.type == "Place"
                and not p.inner
                and p.mention == (p.start, p.end)
                and p.candidates[0].entry.subtype in _STATE_PLACES
                and (
                    self._party_position(toks, a, start)
                    or (self._subject_position(toks, a, start) and self._acts(toks, p.end, stop))
                    or self._joined_to_actor(toks, p, out[n + 1 :], stop)
                )
            ):
                _as_state(p)
            elif (
                p.type == "Facility"
                and not p.known
                and p.antecedent is None
                and p.heads & words.get("acting_offices", frozenset())
                and (
                    (self._subject_position(toks, a, start) and self._acts(toks, p.end, stop, speech=True))
                    or (toks[a - 1].key == "to" and a - 1 >= start and self._handover_before(toks, a, start))
                )
            ):
                p.type, p.subtype, p.located, p.loc_at = "Actor", "Institution", False, None
        for n in range(1, len(out)):
            p, prev = out[n], out[n - 1]
            between = [toks[k].key for k in range(prev.end, p.start)]
            if (
                p.known
                and p.type == "Place"
                and not p.inner
                and p.candidates[0].entry.subtype in _STATE_PLACES
                and prev.type == "Actor"
                and prev.subtype == "StateBody"
                and between[:1] == ["and"]
                and all(w in words["determiners"] for w in between[1:])
            ):
                _as_state(p)  # "under the auspices of Saudi Arabia and the United States": both

    def _joined_to_actor(self, toks: Sequence[Token], p: Phrase, after: Sequence[Phrase], stop: int) -> bool:
        """ "Turkey and the SDF agreed": a place joined by "and" to an actor that acts with it."""
        k = p.end
        if k >= stop or toks[k].key != "and":
            return False
        k += 1
        while k < stop and toks[k].key in self.data.words["determiners"]:
            k += 1
        nxt = next((q for q in after if q.start == k), None)
        return nxt is not None and nxt.type == "Actor" and self._acts(toks, nxt.end, stop)

    def _subject_position(self, toks: Sequence[Token], a: int, start: int) -> bool:
        """Whether a phrase starting at ``a`` may be a subject: no preposition right before it."""
        if a <= start:
            return True
        before = toks[a - 1]
        if before.key == "s" and a - 2 >= start and toks[a - 2].text in _APOSTROPHES:
            return True  # "the ministry's media office said"
        return before.is_punct or before.key in ("and", "but", "while", "as", "after", "before", "when")

    def _acts(self, toks: Sequence[Token], end: int, stop: int, *, speech: bool = False) -> bool:
        """Whether an event verb (with ``speech``, a speech verb) follows a phrase ending at ``end``,
        after auxiliaries and negations: "Qatar mediated", "elders intervened", "police reopened it",
        "Baghdad has not said"."""
        words = self.data.words
        days = words.get("day_words", frozenset())
        k = end
        passive = False
        while k < stop:
            passive = passive or toks[k].key in words["passive_auxiliaries"]
            if (
                toks[k].key in words["auxiliaries"]
                or toks[k].key in words["negations"]
                or toks[k].key in days
            ):
                k += 1
            elif toks[k].key in words["time_prepositions"] and k + 1 < stop and toks[k + 1].key in days:
                k += 2  # "the army on Tuesday rejected"
            else:
                break
        if k >= stop or not toks[k].text.islower() or not toks[k].key.isalpha():
            return False
        lemma = self.data.lemma(toks[k].key)
        if verb_form(toks[k].key, lemma) == "ing" or (passive and verb_form(toks[k].key, lemma) == "past"):
            return False  # "Raqqa was seized by the army": the place undergoes the event
        for rest, form in self.data.triggers.get(lemma, ()):
            if form.pos != "verb" or (speech and form.event_type not in _SPEECH_TYPES):
                continue
            if all(k + 1 + m < stop and toks[k + 1 + m].key == w for m, w in enumerate(rest)):
                return True
        return False

    def _party_position(self, toks: Sequence[Token], a: int, start: int) -> bool:
        """Whether the phrase at ``a`` is a party, mediator or receiver by its preposition: "talks
        with X", "a deal between X and ...", "under the auspices of X", "mediation by X",
        "brokered by X", "handed the post to X"."""
        if a - 1 < start:
            return False
        prep = toks[a - 1].key
        before = toks[a - 2].key if a - 2 >= start else ""
        words = self.data.words
        if self.data.lemma(prep) in words.get("coercion_verbs", ()):
            return True  # "forced the army to withdraw": the army is made to leave
        if prep in ("with", "between"):
            for k in range(a - 2, max(start, a - 8) - 1, -1):
                forms = self.data.triggers.get(self.data.lemma(toks[k].key), ())
                if any(f.event_type in ("Negotiation", "Agreement") for _, f in forms):
                    return True
            return False
        if prep == "of":
            return before in words.get("mediation_nouns", frozenset())
        if prep == "by":
            return (
                before in words["backing_participles"]
                or before in words.get("mediation_nouns", frozenset())
                or self._passive_trigger_before(toks, a - 2, start)
            )
        if prep == "to":
            return before != "according" and self._handover_before(toks, a, start)
        return False

    def _passive_trigger_before(self, toks: Sequence[Token], k: int, start: int) -> bool:
        """Whether ``k`` ends the past participle of an event verb, so that "by X" after it names the
        doer: "was seized by the army", "had been taken over by police", "captured by the military"."""
        if k >= start and toks[k].key in self.data.words["particles"]:
            k -= 1  # "taken over by", "handed back by"
        if k < start:
            return False
        key = toks[k].key
        lemma = self.data.lemma(key)
        if lemma == key or verb_form(key, lemma) != "past":
            return False
        return any(f.pos == "verb" for _, f in self.data.triggers.get(lemma, ()))

    def _handover_before(self, toks: Sequence[Token], a: int, start: int) -> bool:
        """Whether a handover verb stands earlier in the sentence ("handed it back to X")."""
        return any(
            f.event_type == "Handover" and f.pos == "verb"
            for k in range(start, a)
            for _, f in self.data.triggers.get(self.data.lemma(toks[k].key), ())
        )

    def _outer_part_at(self, toks: Sequence[Token], k: int, stop: int) -> bool:
        """Whether an edge noun ("outskirts", "western approaches") starts at ``k``."""
        parts = self.data.words.get("outer_parts", frozenset())
        while k < stop and toks[k].key in self.data.words["locators"] and toks[k].key not in parts:
            k += 1
        return k < stop and toks[k].key in parts

    def _outer_parts(self, toks: Sequence[Token], out: list[Phrase], stop: int) -> list[Phrase]:
        """ "the town's outskirts", "the dam's western approaches", "Raqqa's southern edges": the edge of
        a place or facility told with a possessive is an area of its own (one can withdraw from it
        while the place itself stays held); the owner named before the possessive is part of it."""
        parts = self.data.words.get("outer_parts", frozenset())
        directions = self.data.words["locators"]
        for n, p in enumerate(out):
            k = p.end
            if p.type == "Actor" or k + 1 >= stop:
                continue
            if toks[k].key not in self.data.words["possessive"] and toks[k].text not in _APOSTROPHES:
                continue
            k += 1
            if k < stop and toks[k].key == "s":
                k += 1
            e = k
            while e < stop and toks[e].key in directions and toks[e].key not in parts:
                e += 1  # "western approaches"
            if e >= stop or toks[e].key not in parts:
                continue
            owner = p.antecedent or p
            a, b = owner.mention
            owner_words = [t.text for t in toks[a:b] if not t.is_punct or t.text in _GLUE]
            if owner.known and owner.candidates:
                owner_words = (owner.candidates[0].entry.pref_label.get("en") or _join(owner_words)).split()
            part_words = [t.text for t in toks[k : e + 1]]
            area = Phrase(
                p.start,
                e + 1,
                "Place",
                "Area",
                (p.mention[0], e + 1),
                label=_join([*part_words, "of", *owner_words]),
                label_keys=tuple(w.lower() for w in [*part_words, "of", *owner_words]),
                heads=frozenset({toks[e].key}),
                located=True,
            )
            if p.antecedent is not None:
                return [*out[:n], area, *out[n + 1 :]]  # "the town": only a way to say where
            p.inner = True  # "Raqqa's outskirts": the city is part of the area's name
            return [*out[: n + 1], area, *out[n + 1 :]]
        return out

    def _possessor_places(self, toks: Sequence[Token], out: list[Phrase], stop: int) -> None:
        """ "Yemen's Southern Transitional Council", "Sudan's Rapid Support Forces": a country or place
        whose possessive stands before an actor only tells where the actor is from; it is no mention of
        its own."""
        possessive = self.data.words["possessive"]
        for n, p in enumerate(out):
            k = p.end
            if p.type != "Place" or k >= stop:
                continue
            if toks[k].key not in possessive and toks[k].text not in _APOSTROPHES:
                continue
            k += 1
            if k < stop and toks[k].key == "s":
                k += 1  # "Yemen ' s"
            if any(q.type == "Actor" and q.start == k for q in out[n + 1 :]):
                p.inner = True

    def _phrases(
        self,
        toks: Sequence[Token],
        i: int,
        a: int,
        b: int,
        stop: int,
        first: int,
        *,
        definite: bool,
        indefinite: bool,
        possessed: bool = False,
        listed: bool = False,
    ) -> list[Phrase]:
        heads = [k for k in range(a, b) if toks[k].key in self.data.heads]
        known: list[Phrase] = []
        k = a
        while k < b:
            m = self._match(toks, k, b)
            if m is None:
                k += 1
                continue
            known.append(
                Phrase(
                    k,
                    m.end,
                    m.entity_type,
                    m.candidates[0].entry.subtype,
                    (k, m.end),
                    candidates=m.candidates,
                )
            )
            k = m.end
        last_head = heads[-1] if heads else None
        if last_head is not None:
            known = self._abbreviated_owners(toks, a, last_head, known)
        for q in known:
            if (
                q.type == "Actor"
                and q.end + 1 < b
                and toks[q.end].text in _HYPHENS
                and (
                    (
                        toks[q.end + 1].key in self.data.words["backing_participles"]
                        and (last_head is None or self.data.heads[toks[last_head].key][0] != "Actor")
                    )
                    # "Hezbollah-aligned militiamen": a unit of its own, named with its patron
                    or (toks[q.end + 1].key in self.data.words["allegiance_links"] and last_head is not None)
                )
            ):
                q.inner = True  # "UN-sponsored talks", "Turkish-backed factions": an adjective, no entity
            if (
                q.type == "Place"
                and q.end < b
                and toks[q.end].text in _HYPHENS
                and last_head
                and q.end < last_head
            ):
                q.inner = True  # "a Misrata-based brigade": the place is part of an adjective
        if last_head is None or any(p.start <= last_head < p.end for p in known):
            return known
        if any(
            not self._capital(toks, t, first) and not toks[t].key.isdigit() for t in range(last_head + 1, b)
        ):
            return known  # "the airport road": the compound's head is no entity head
        head_key = toks[last_head].key
        entity_type, subtype = self.data.heads[head_key]
        if last_head > a:
            entity_type, subtype = self.data.compound_heads.get(
                (toks[last_head - 1].key, head_key), (entity_type, subtype)
            )
        end = last_head + 1
        collapse = head_key in self.data.words["collapse_heads"]
        same_before = [p for p in known if p.type == entity_type == "Place" and p.end == last_head]
        if same_before:
            # "the Sheikh Maqsoud neighbourhood": the known place named with its kind
            p = same_before[0]
            p.end, p.mention = end, (p.start, end)
            return [q for q in known if q.end <= p.end]
        actor_before = [p for p in known if p.type == "Actor" and p.end <= last_head and not p.inner]
        loyal = end + 1 < stop and toks[end].key in self.data.words["allegiance_links"]
        unit_at = self._after_possessive(toks, actor_before[-1].end, last_head) if actor_before else 0
        if unit_at and any(toks[t].text[:1].isupper() for t in range(unit_at, end)):
            actor_before = []  # "the Presidential Council's Support Force": a named unit of its own
        if entity_type == "Actor" and collapse and actor_before and not loyal:
            # "Rapid Support Forces fighters", "RSF field commanders": the known actor itself
            p = actor_before[-1]
            p.end, p.mention = end, (p.start, end)
            p.label_keys = (*p.label_keys, head_key)
            return [*[q for q in known if q is not p and q.end <= p.start], p]
        # "of X" / "from X" after the head
        j = end
        after: list[Phrase] = []
        of_words: list[str] = []
        owner: Phrase | None = None
        if j < stop and toks[j].key in self.data.words["collapse_links"]:
            k = j + 1
            if k < stop and toks[k].key in ("with", "to", "by"):
                k += 1  # "affiliated with", "loyal to", "backed by"
            inner_start = k
            det2 = k < stop and (
                toks[k].key in self.data.words["determiners"]
                or (
                    toks[k].key in self.data.words["indefinites"]
                    and toks[j].key in self.data.words["allegiance_links"]
                )
            )  # "gunmen loyal to a Misrata-based brigade"
            k2 = k + 1 if det2 else k
            inner_end = self._run(toks, k2, stop, first) if k2 < stop else k2
            if inner_end > k2:
                inner = self._phrases(
                    toks, inner_start, k2, inner_end, stop, first, definite=det2, indefinite=False
                )
                if (
                    entity_type == "Actor"
                    and collapse
                    and inner
                    and inner[0].type == "Actor"
                    and toks[j].key in self.data.words["backing_links"]
                ):
                    # "tribal fighters backed by the army": two actors, the fighters act
                    return self._backed_unit(toks, i, a, last_head, first, definite, known, inner)
                if (
                    toks[j].key == "of"
                    and entity_type == "Actor"
                    and not collapse
                    and self._capital(toks, last_head, first)
                    and inner
                    and inner[-1].end < inner_end
                    and all(self._capital(toks, t, first) for t in range(inner[-1].end, inner_end))
                ):
                    # "the Ministry of Peshmerga Affairs", "the Office of Houthi Prisoner Affairs": the
                    # known name inside is part of the institution's own name, no mention of its own
                    for q in inner:
                        q.inner = True
                    inner = []
                    of_words = [t.text for t in toks[j:inner_end] if not t.is_punct or t.text in _GLUE]
                    end = inner_end
                if entity_type == "Actor" and collapse and inner and inner[0].type == "Actor":
                    if toks[j].key in self.data.words["allegiance_links"]:
                        # "gunmen loyal to the X council", "forces affiliated with the Y party": a unit
                        # of its own, one per patron, which is an entity too
                        words = [t.text for t in toks[a:inner_end] if not t.is_punct or t.text in _GLUE]
                        unit = Phrase(
                            i if definite else a,
                            inner_end,
                            "Actor",
                            subtype,
                            (a, inner_end),
                            label=_join(words),
                            label_keys=tuple(t.key for t in toks[a : last_head + 1] if t.key),
                            heads=frozenset({head_key}),
                            owner=inner[0],
                        )
                        return [*[q for q in known if q.end <= a], unit]
                    # "leaders of the native administration", "gunmen from the SSA": that actor
                    inner[0].start = i
                    return [*known, *inner]
                places = [q for q in inner if q.type == "Place" and q.known]
                if toks[j].key == "of" and places and places[0].start == k2 and places[0].end == inner_end:
                    after = places  # "the Abu Salim neighbourhood of Tripoli"
                elif (
                    toks[j].key == "of"
                    and entity_type != "Actor"
                    and not any(q.known for q in inner)
                    and not (
                        entity_type == "Place"
                        and self.data.lemma(head_key) != head_key
                        and head_key in self.data.words.get("settlement_heads", frozenset())
                    )  # "the villages of Walgha and Al-Mazraa": read as places by _around_places
                ):
                    of_words = [t.text for t in toks[j:inner_end] if not t.is_punct or t.text in _GLUE]
                    end = inner_end  # "the headquarters of the state water corporation"
                    owners = [
                        q
                        for q in inner
                        if q.type == "Actor" and q.start in (inner_start, k2) and q.end == inner_end
                    ]
                    if owners and any(self._capital(toks, t, first) for t in range(k2, inner_end)):
                        owner = owners[0]  # "the offices of the Free Syrian Lawyers Association"
                elif toks[j].key == "of" and entity_type == "Actor" and not inner:
                    of_words = [t.text for t in toks[j:inner_end]]
                    end = inner_end  # "the elders' council of Misrata"
        name_start = a
        # "the LNA's 128th Brigade", "the GNU's interior ministry": a unit of the actor named before it
        parent = next(
            (q for q in known if q.type in ("Actor", "Facility") and q.start == a and not q.inner), None
        )
        unit_start = self._after_possessive(toks, parent.end, last_head) if parent is not None else 0
        if parent is not None and parent.type == "Facility" and unit_start and entity_type == "Facility":
            pass  # "the Zawiya refinery's eastern gate": a part of the facility, nested in it below
        elif (
            parent is not None
            and parent.type == "Actor"
            and entity_type != "Place"
            and unit_start
            and not owner
        ):
            owner = parent
        else:
            parent, unit_start = None, 0
        places_before = [p for p in known if p.type == "Place" and p.end <= last_head]
        after_owner = self._after_possessive(toks, places_before[-1].end, last_head) if places_before else 0
        if places_before and entity_type != "Actor" and places_before[-1].start == a and after_owner:
            name_start = after_owner  # "Tripoli's Abu Salim district", "Aden's Al-Mualla port": in the city
        elif places_before and entity_type == "Facility" and places_before[-1].start == a:
            name_start = places_before[-1].end  # "the Nyala water corporation": in Nyala
            places_before[-1].inner = True  # a place inside a facility's name is no mention of its own
        if end == last_head + 1 and b > end and all(toks[t].key.isdigit() for t in range(end, b)):
            end = b  # "Brigade 30", "Division 17": the number is part of the name
        words = [
            t.text for t in toks[name_start : max(last_head + 1, end)] if not t.is_punct or t.text in _GLUE
        ]
        if of_words:
            words = [t.text for t in toks[name_start : last_head + 1] if not t.is_punct or t.text in _GLUE]
        label = _join([*words, *of_words])
        keys = tuple(t.key for t in toks[name_start:end] if t.key and t.key not in ("the", "of", "s"))
        patron = self._patron_words(toks, a, end) if definite and entity_type == "Actor" else frozenset()
        named = any(self._capital(toks, t, first) and t not in patron for t in range(a, end)) or (
            a == first and toks[a].text[:1].isupper() and a + 1 < end and not patron
        )
        p = Phrase(
            i if definite else a,
            end,
            entity_type,
            subtype,
            (a, end),
            label=label,
            label_keys=keys,
            heads=frozenset({head_key}),
            located=entity_type != "Actor",
            owner=owner,
        )
        # the owner is a mention of its own; the phrase still starts with it, so that a role read at
        # that token ("handed it to the Defence Ministry's 76th Division") takes the whole phrase
        if after_owner and name_start == after_owner:
            p.mention = (name_start, end)
        if parent is not None:
            p.mention = (unit_start, end)
            if parent.type == "Facility":
                p.nested.append(parent)
        if (
            head_key in self.data.words["source_heads"]
            and not any(self._capital(toks, t, first) for t in range(a, end))
            and not self._party_position(toks, i, first)
        ):
            return [q for q in known if q.end <= a]  # "Local officials said": a source, no actor of the story
        before = a - 1
        while before > 0 and toks[before].key in self.data.words["head_modifiers"]:
            before -= 1  # "a local monitoring group"
        if (
            (indefinite or (before >= 0 and toks[before].key in self.data.words["indefinites"]))
            and entity_type == "Actor"
            and not known
            and not any(self._capital(toks, t, first) for t in range(a, end))
            and end < stop
            and self.data.lemma(toks[end].key) in self.data.words.get("speech_lemmas", ())
        ):
            return []  # "a local monitoring group told Reuters": an unnamed source, no actor of the story
        route = entity_type == "Facility" and head_key in self.data.words.get("route_heads", ())
        if not named and entity_type != "Actor" and (self.data.lemma(head_key) != head_key or route):
            around = self._around_places(toks, p, last_head, stop, first, route=route)
            if around:
                return [*[q for q in known if q.end <= a], *around]
        if (
            entity_type == "Place"
            and after
            and last_head > a
            and all(
                _describing(toks[t].text) and toks[t].key not in self.data.heads for t in range(a, last_head)
            )
        ):
            # "the northern town of Tal Abyad", "the southern Syrian city of Sweida": the kind of the
            # place with its adjectives only describes the known place named after "of"
            after[0].start = i
            return [*[q for q in known if q.end <= a], *after]
        if not named and definite and entity_type == "Place" and keys == (head_key,):
            urban = {"City", "Town"}  # reporters call one place a town or a city
            place = next(
                (q for q in reversed(self.places) if q.subtype == subtype or {q.subtype, subtype} <= urban),
                None,
            )
            told = self._antecedent(entity_type, head_key, keys)
            if place is not None and (told is None or told.start < place.start):
                p.label_keys = ()
                p.antecedent = place  # "El Fasher ... a siege of the city": El Fasher
                return [*[q for q in known if q.end <= a], p, *after]
        if not named and entity_type == "Actor" and collapse and len(heads) > 1:
            owner_head = toks[heads[0]].key
            if (
                self.data.heads[owner_head][0] == "Actor"
                and owner_head not in self.data.words["collapse_heads"]
            ):
                # "the brigade's fighters", "the council's members": the actor told before
                antecedent = self._antecedent("Actor", owner_head, (owner_head,), owner=True)
                if antecedent is not None:
                    p.label_keys = ()
                    p.antecedent = antecedent
                    return [*[q for q in known if q.end <= a], p, *after]
        if not named:
            # "the UAE-backed force": the patron describes the actor told before, it names no other
            unpatroned = tuple(toks[t].key for t in range(name_start, end) if t not in patron and toks[t].key)
            antecedent = self._antecedent(entity_type, head_key, unpatroned if patron else keys)
            if antecedent is not None:
                p.label_keys = ()
                p.antecedent = antecedent  # resolved before this phrase: it carries the IRI
                return [*[q for q in known if q.end <= a], p, *after]
            described = len(keys) >= 2 and (
                entity_type == "Facility"
                or not indefinite
                or self._party_position(toks, i, first)  # "handed it to a joint force from Zuwara"
            )
            if described and head_key in self.data.words["source_heads"]:
                described = False  # "local officials said": a source, no actor of the story
            if (
                entity_type == "Facility"
                and (toks[i].key in self.data.words["possessives"] or possessed)
                and keys == (head_key,)
            ):
                p.owner_pronoun = described = True  # "their headquarters": the latest actor's own
            if entity_type == "Facility" and listed and keys == (head_key,):
                described = True  # "its police station, hospital and market": one more item
            if (
                entity_type == "Facility"
                and a - 1 >= first
                and toks[a - 1].key in self.data.numbers
                and toks[a - 1].key not in self.data.words.get("pair_words", frozenset())
                and self.data.lemma(head_key) != head_key
            ):
                described = True  # "set up two checkpoints": that many new facilities, one entity each
            if (
                not described
                and entity_type == "Actor"
                and head_key in self.data.words.get("institution_heads", frozenset())
                and (
                    self._party_position(toks, i, first)
                    or (
                        head_key not in self.data.words["source_heads"]
                        and self._subject_position(toks, i, first)
                        and self._acts(toks, end, stop)
                    )
                )
            ):
                described = True  # "after elders intervened", "handed it back to the municipality"
            if not described:
                # "the town", "the army", "a group" with nothing told before: no name to mint; a head
                # with its modifiers is ("tribal mediators", "a new checkpoint", "the town hall")
                return [q for q in known if q.type != "Actor" or q.end <= a]
        if after_owner and name_start == after_owner:
            # the place is reached through the phrase only, so that no role takes it instead
            p.loc = places_before[-1]
            p.nested.append(places_before[-1])
            known_before = [q for q in known if q.end <= a]
        elif places_before and name_start > a:
            p.loc_at = places_before[-1].start
            known_before = [q for q in known if q.end <= a] + places_before[-1:]
        else:
            known_before = [q for q in known if q.end <= a]
        # "... in Nyala": the place of a facility or area
        j = end
        if j + 1 < stop and toks[j].key in ("in", "near", "at") and entity_type != "Actor":
            m = self._match(toks, j + 1, stop)
            if m is not None and m.entity_type == "Place":
                p.loc_at = j + 1
        if after:
            p.loc_at = after[0].start
        return [*known_before, p, *after]

    def _patron_words(self, toks: Sequence[Token], a: int, end: int) -> frozenset[int]:
        """The tokens of patron adjectives ("UAE-backed", "Iran-aligned", "US-led") in ``a:end``: a
        definite description built on them ("the UAE-backed force") still refers back to a named actor,
        since reporters add the patron to vary the name, not to name a new actor."""
        links = self.data.words["backing_participles"] | self.data.words["allegiance_links"]
        found: set[int] = set()
        for t in range(a + 2, end):
            if toks[t].key in links and toks[t - 1].text in _HYPHENS:
                k = t - 2
                while k > a and toks[k - 1].text in _HYPHENS | {"."}:
                    k -= 2  # "Saudi-UAE-backed"
                found.update(range(max(k, a), t + 1))
        return frozenset(found)

    def _abbreviated_owners(
        self, toks: Sequence[Token], a: int, head: int, known: list[Phrase]
    ) -> list[Phrase]:
        """``known`` with an unknown owner before a possessive that precedes an actor or facility head:
        an upper-case abbreviation ("the GNU's interior ministry", "the SAA's 25th Division") or a
        capitalised institution ("the Defence Ministry's 76th Division"): only an organisation is named
        so and owns units or buildings, so it is an actor even when no gazetteer lists it. A named
        facility before a facility head ("the Zawiya refinery's eastern gate") is a facility of its own
        that holds the part; a place inside its name is no mention of its own."""
        head_type = self.data.heads[toks[head].key][0]
        if head_type == "Place":
            return known
        k = next((t for t in range(a, head) if toks[t].text in _APOSTROPHES), None)
        if k is None or k == a or not self._after_possessive(toks, k, head):
            return known
        owner_head = self.data.heads.get(toks[k - 1].key, ("", ""))
        capitalised = any(toks[t].text[:1].isupper() for t in range(a, k))
        if owner_head[0] == "Facility" == head_type and capitalised:
            inside = [q for q in known if a <= q.start and q.end <= k]
            if any(q.type != "Place" for q in inside) or any(q.start < k < q.end for q in known):
                return known
            for q in inside:
                q.inner = True  # "the Zawiya refinery": Zawiya only names the refinery
            owner = _name_phrase(toks, a, k, "Facility", owner_head[1], toks[k - 1].key)
            return sorted([*known, owner], key=lambda q: q.start)
        if any(q.start < k and q.end > a for q in known):
            return known  # a known owner, or a name running across the possessive
        text = toks[a].text
        abbreviation = k == a + 1 and 2 <= len(text) <= 6 and text.isalpha() and text.isupper()
        institution = (
            owner_head[0] == "Actor"
            and toks[k - 1].key not in self.data.words["collapse_heads"]
            and all(toks[t].text[:1].isupper() for t in range(a, k))
        )
        if not abbreviation and not institution:
            return known
        subtype = owner_head[1] if institution else "Institution"
        owner = _name_phrase(toks, a, k, "Actor", subtype, toks[k - 1].key)
        return sorted([*known, owner], key=lambda q: q.start)

    def _after_possessive(self, toks: Sequence[Token], k: int, head: int) -> int:
        """Where a name starts after a possessive "'s" at ``k`` that comes before the ``head`` noun
        ("Tripoli's Abu Salim district": the district), else 0. The owner is then a place of its own
        in which the thing named after it lies, not a word of that name."""
        if k >= head or toks[k].text not in _APOSTROPHES:
            return 0
        k += 1
        if k < head and toks[k].key == "s":
            k += 1
        return k if k <= head else 0

    def _progressive(self, toks: Sequence[Token], a: int, start: int) -> bool:
        """ "were still manning checkpoints", "is guarding the bridge": an -ing word after an
        auxiliary (and adverbs) is a verb, no word of a name."""
        key = toks[a].key
        if not key.endswith("ing") or not toks[a].text.islower() or key in self.data.heads:
            return False
        k = a - 1
        while k >= start and toks[k].key in ("still", "now", "also", "already", "reportedly"):
            k -= 1
        return k >= start and toks[k].key in self.data.words["auxiliaries"]

    def _naming_at(self, toks: Sequence[Token], i: int, stop: int) -> int:
        """Length of a naming phrase ("calling itself", "known as") at ``i``, else 0."""
        for q in self.data.sequences.get("self_naming", ()):
            if all(i + n < stop and toks[i + n].key == w for n, w in enumerate(q)):
                return len(q)
        return 0

    def _self_named(self, toks: Sequence[Token], i: int, start: int, stop: int) -> Phrase | None:
        """A name an unknown group gives itself ("a tribal group calling itself the Hawks of
        al-Akidat", "a militia known as the Sons of the Valley"): a capitalised name right after a
        naming phrase is an entity of the kind of the head noun before the naming phrase."""
        if i - 1 < start or toks[i - 1].key not in self.data.heads:
            return None
        n = self._naming_at(toks, i, stop)
        if not n:
            return None
        a = i + n
        if a < stop and toks[a].key == "the":
            a += 1
        joiners = self.data.words.get("name_joiners", frozenset())
        e = a
        while e < stop and (
            self._capital(toks, e, -1) or toks[e].key in joiners or (toks[e].text in _HYPHENS and e > a)
        ):
            e += 1
        while e > a and not self._capital(toks, e - 1, -1):
            e -= 1  # a name ends on a word of its own
        if e == a or not self._capital(toks, a, -1):
            return None
        head_key = toks[i - 1].key
        entity_type, subtype = self.data.heads[head_key]
        return _name_phrase(toks, a, e, entity_type, subtype, head_key)

    def _named_by_apposition(
        self, toks: Sequence[Token], comma: int, before: Sequence[Phrase], start: int, stop: int
    ) -> Phrase | None:
        """A capitalised name no table knows, described right after it by an indefinite apposition
        ("Tal Malah, a hilltop village north of Hama", "Liwa al-Quds, a pro-government militia,"):
        the name is an entity of the kind of the apposition's head."""
        words = self.data.words
        k = comma - 1
        while k >= start and (
            self._capital(toks, k, -1) or (toks[k].text in _HYPHENS and k - 1 >= start) or toks[k].key == "al"
        ):
            k -= 1
        a = k + 1
        if a >= comma or not self._capital(toks, a, -1) or any(q.end > a for q in before):
            return None
        if any(toks[t].key in words["stopwords"] for t in range(a, comma)):
            return None  # "On Monday,": no name
        if a - 1 >= start and toks[a - 1].key in words["stopwords"] and a - 2 < start:
            return None  # "In March, a brigade ...": a fronted time, no name
        j = comma + 1
        if j >= stop or toks[j].key not in words["indefinites"]:
            return None
        j += 1
        n = 0
        while j < stop and n < 4 and toks[j].key not in self.data.heads and not toks[j].is_punct:
            j, n = j + 1, n + 1
        if j >= stop or toks[j].key not in self.data.heads:
            return None
        while j + 1 < stop and toks[j + 1].key in self.data.heads:
            j += 1  # "a hilltop village", "a border town": the rightmost head decides
        head_key = toks[j].key
        entity_type, subtype = self.data.heads[head_key]
        entity_type, subtype = self.data.compound_heads.get(
            (toks[j - 1].key, head_key), (entity_type, subtype)
        )
        after = toks[j + 1].key if j + 1 < stop else ""
        if after and after not in words["appositive_followers"] and not toks[j + 1].is_punct:
            return None  # "In March, a brigade stormed": the noun is a subject
        return _name_phrase(toks, a, comma, entity_type, subtype, head_key)

    def _apposed_to(
        self, toks: Sequence[Token], p: Phrase, before: Sequence[Phrase], stop: int
    ) -> Phrase | None:
        """The actor an apposition describes: "The STC, the UAE-backed separatist group, handed",
        "the Martyrs Brigade, a local armed group, ..." - a common-noun description between commas
        right after a name (and its acronym in brackets) is that name, no actor of its own. A list
        ("the SDF, the local council and the army") goes on with and/or after the comma."""
        if p.type != "Actor" or p.known or p.antecedent is not None or not p.label_keys:
            return None
        words = self.data.words
        describing = words["determiners"] | words["indefinites"]
        a = p.start
        while a - 1 >= 0 and (toks[a - 1].key in describing or toks[a - 1].key in words["head_modifiers"]):
            a -= 1
        if toks[a].key not in describing or a - 1 < 0 or toks[a - 1].text != ",":
            return None  # an apposition is a description: "the ...", "a local ..."
        if not any(toks[k].key in p.heads and toks[k].text.islower() for k in range(p.start, p.end)):
            return None  # "the SDF, the Syrian Democratic Forces": a name, told as such
        closing = p.end >= stop or toks[p.end].text in (",", ".", ";")
        if not closing or (p.end + 1 < stop and toks[p.end + 1].key in words["coordinators"]):
            return None
        comma = a - 1
        named = [q for q in before if q.type == "Actor" and comma - 3 <= q.end <= comma]
        if not named or not (toks[comma - 1].text == ")" or named[-1].end == comma):
            return None
        return named[-1] if named[-1].known or named[-1].iri or named[-1].label_keys else None

    def _backed_unit(
        self,
        toks: Sequence[Token],
        i: int,
        a: int,
        last_head: int,
        first: int,
        definite: bool,
        known: list[Phrase],
        backers: list[Phrase],
    ) -> list[Phrase]:
        """ "Tribal fighters backed by the army's 7th Division": the fighters, when a word beyond their
        head names them, are an actor of their own; the backer is another. Bare "fighters backed by
        X" name nobody but X."""
        head_key = toks[last_head].key
        keys = tuple(t.key for t in toks[a : last_head + 1] if t.key and t.key != "the")
        before = [q for q in known if q.end <= a]
        if len(keys) < 2:
            return [*before, *backers]
        words = [t.text for t in toks[a : last_head + 1] if not t.is_punct or t.text in _GLUE]
        entity_type, subtype = self.data.heads[head_key]
        unit = Phrase(
            i if definite else a,
            last_head + 1,
            entity_type,
            subtype,
            (a, last_head + 1),
            label=_join(words),
            label_keys=keys,
            heads=frozenset({head_key}),
        )
        return [*before, unit, *backers]

    def _around_places(
        self, toks: Sequence[Token], p: Phrase, last_head: int, stop: int, first: int, *, route: bool = False
    ) -> list[Phrase]:
        """ "the villages around Tal Tamr", "roads around Taiz", "checkpoints on the M4 highway",
        "villages around the Tishrin dam": a plural head without a name is named by the places or
        facilities after it, one entity per item; a road without a name by where it leads ("the road
        leading to the Sharara oilfield", "the road to Tal Tamr"). The items are entities of their own."""
        words = self.data.words
        j = last_head + 1
        link = self._route_link(toks, j, stop) if route else 0
        if not link and j < stop and toks[j].key in words["area_links"]:
            link = 1
        if not link or j + link >= stop:
            return []
        k = j + link
        items: list[Phrase] = []
        extra: list[Phrase] = []
        # "the villages of Walgha and Al-Mazraa": the settlements are the places named after "of"
        settlements = (
            p.type == "Place"
            and toks[j].key == "of"
            and self.data.lemma(toks[last_head].key) in words.get("settlement_heads", frozenset())
        )
        while k < stop:
            det = toks[k].key in words["determiners"]
            k2 = k + det
            m = self._match(toks, k2, stop)
            e = self._run(toks, k2, stop, first) if k2 < stop else k2
            parse = route or toks[j].key in words.get("named_links", ())
            if (
                settlements
                and (m is None or m.end < e)
                and e > k2
                and all(toks[t].key not in self.data.heads for t in range(k2, e))
                and self._capital(toks, k2, first)
            ):
                item = _name_phrase(toks, k2, e, "Place", "Town", toks[last_head].key)
                named = [item]
            elif m is not None and m.entity_type in ("Place", "Facility") and (m.end >= e or not parse):
                item = Phrase(
                    k2,
                    m.end,
                    m.entity_type,
                    m.candidates[0].entry.subtype,
                    (k2, m.end),
                    candidates=m.candidates,
                )
                named = [item]
            elif not parse:
                break  # "their headquarters in the town's main square": where it is, no name of it
            else:
                inner = (
                    self._phrases(toks, k, k2, e, stop, first, definite=det, indefinite=False)
                    if e > k2
                    else []
                )
                outer = [q for q in inner if q.end == e and q.type in ("Place", "Facility") and not q.inner]
                if not outer:
                    break
                item, named = outer[-1], inner
                if (
                    not item.known
                    and item.antecedent is None
                    and not any(self._capital(toks, t, first) for t in range(item.mention[0], item.end))
                ):
                    item.inner = (
                        True  # "the only road to the district centre": a description, part of the name
                    )
            if items and item.type != items[0].type:
                break  # "roads around Taiz, the UN envoy's office said": the list has ended
            items.append(item)
            extra.extend(named)
            if not (item.end + 1 < stop and toks[item.end].key in ("and", ",")):
                break
            k = item.end + 1
        if not items:
            return []
        if settlements:
            items[0].start = p.start  # the description starts the first place's phrase
            return [*items, *(q for q in extra if all(q is not item for item in items))]
        last = items[-1].end
        link_words = [t.text for t in toks[j : j + link]]
        head_words = [t.text for t in toks[p.mention[0] : last_head + 1] if not t.is_punct or t.text in _GLUE]
        out: list[Phrase] = []
        groups = [items]
        if not route or self.data.lemma(toks[last_head].key) != toks[last_head].key:
            groups = [[item] for item in items]  # a plural head: one entity per item
        for group in groups:  # "the road linking Aleppo and Raqqa": one road, both ends in its name
            item = group[0]
            spans = [q.mention if q.antecedent is None else (q.start, q.end) for q in group]
            name: list[str] = []
            for c, d in spans:
                name += ["and"] if name else []
                name += [t.text for t in toks[c:d] if (not t.is_punct or t.text in _GLUE) and t.key != "the"]
            label = _join([*head_words, *link_words, *name])
            out.append(
                replace(
                    p,
                    end=last if len(group) > 1 else p.end,  # the road's ends are no arguments of their own
                    mention=(p.mention[0], last),
                    label=label,
                    label_keys=(
                        *p.label_keys,
                        *(t.key for t in toks[j : j + link]),
                        *(t.key for c, d in spans for t in toks[c:d] if t.key and t.key != "the"),
                    ),
                    loc_at=item.start if item.type == "Place" else None,
                )
            )
        return [*out, *extra]

    def _route_link(self, toks: Sequence[Token], j: int, stop: int) -> int:
        """Length of the words after a road's head that tell where it leads ("leading to", "to",
        "linking"), else 0."""
        for seq in self.data.sequences.get("route_links", ()):
            if j + len(seq) <= stop and all(toks[j + n].key == w for n, w in enumerate(seq)):
                return len(seq)
        return 0

    def _counted(self, toks: Sequence[Token], i: int, found: list[Phrase]) -> list[Phrase]:
        """ "two nearby checkpoints": a number before a plural facility or place names that many
        entities, told apart by their rank in the label ("nearby checkpoint 2")."""
        unknown = [q for q in found if not q.known]
        if not unknown or any(q.mention[0] == unknown[0].mention[0] for q in unknown[1:]):
            return found
        p = unknown[0]  # "two checkpoints on the M4 highway": the first one is counted
        n = p.mention[0] - 1
        while n > 0 and toks[n].key in self.data.words["head_modifiers"]:
            n -= 1  # "two nearby grain silos": the adjective may stay out of the name
        count = self.data.numbers.get(toks[n].key, 0) if n >= 0 else 0
        if count < 2 or p.type == "Actor" or p.known or p.antecedent is not None:
            return found
        head = next(iter(p.heads), "")
        singular = self.data.lemma(head)
        if singular == head:
            return found  # "two checkpoint" is no count of checkpoints
        words = p.label.split(" ")
        at = next((n for n, w in enumerate(words) if w.lower() == head), None)
        if at is None:
            return found
        label = " ".join([*words[:at], singular, *words[at + 1 :]])
        out = []
        for n in range(1, count + 1):
            q = replace(p, label=f"{label} {n}" if n > 1 else label)
            q.label_keys = (*p.label_keys, str(n)) if n > 1 else p.label_keys
            out.append(q)
        return [q for q in found if q.end <= p.start] + out + [q for q in found if q.start >= p.end]

    def _shared_head(
        self, toks: Sequence[Token], i: int, a: int, b: int, stop: int, first: int
    ) -> list[Phrase]:
        """ "the Ghazawiyah and Deir Ballut crossings", "political security, military security and
        state security branches": names coordinated before one plural facility or place head give
        one entity per name; the first mention spans the whole list, the others their own name."""
        heads = self.data.heads
        adjectival = self.data.words.get("adjectival_heads", frozenset())
        if b >= stop or any(toks[k].key in heads and toks[k].key not in adjectival for k in range(a, b)):
            return []
        items = [(a, b)]
        k = b
        while k < stop and toks[k].key in (",", "and"):
            k += 2 if toks[k].key == "," and k + 1 < stop and toks[k + 1].key == "and" else 1
            end = self._run(toks, k, stop, first)
            if end == k:
                return []
            items.append((k, end))
            if any(toks[m].key in heads and toks[m].key not in adjectival for m in range(k, end)):
                break
            k = end
        last_a, last_b = items[-1]
        head = toks[last_b - 1].key
        if len(items) < 2 or head not in heads or heads[head][0] == "Actor":
            return []
        if (
            any(toks[m].key in heads and toks[m].key not in adjectival for m in range(last_a, last_b - 1))
            or self.data.lemma(head) == head
        ):
            return []  # the head closes the last item, and it is plural
        entity_type, subtype = heads[head]
        singular = self.data.lemma(head)
        out: list[Phrase] = []
        for n, (s0, e0) in enumerate(items):
            name_end = e0 - 1 if n == len(items) - 1 else e0
            name = [t.text for t in toks[s0:name_end] if not t.is_punct or t.text in _GLUE]
            keys = tuple(t.key for t in toks[s0:name_end] if t.key and not t.is_punct)
            out.append(
                Phrase(
                    i,
                    last_b,
                    entity_type,
                    subtype,
                    (a, last_b) if n == 0 else (s0, e0),
                    candidates=self.gaz.lookup((*keys, singular)),
                    label=_join([*name, singular]),
                    label_keys=(*keys, singular),
                    heads=frozenset({singular}),
                    located=True,
                )
            )
        return out

    def _pair_anaphor(self, toks: Sequence[Token], i: int, first: int, stop: int) -> list[Phrase]:
        """ "both sites", "the two facilities", "both towns": a plural head without a name after a
        word for two refers back to the latest two entities of its type; one phrase per entity, so
        an event on "both sites" reaches each of them."""
        words = self.data.words
        k = i
        if (
            toks[k].key in words["determiners"]
            and k + 1 < stop
            and self.data.numbers.get(toks[k + 1].key) == 2
        ):
            k += 1  # "the two facilities"
        elif toks[k].key not in words.get("pair_words", ()):
            return []
        h = k + 1
        if h >= stop or self.data.lemma(toks[h].key) == toks[h].key or toks[h].key not in self.data.heads:
            return []  # a plural head right after: "both sites", not "both sides" or "both the army"
        if h + 1 < stop and (self._capital(toks, h + 1, first) or toks[h + 1].key in self.data.heads):
            return []  # "both towns Nubl and Zahraa", "the two sites' guards": named or another head
        entity_type, _subtype = self.data.heads[toks[h].key]
        if entity_type == "Actor":
            return []
        singular = self.data.lemma(toks[h].key)
        generic = singular in words["generic_heads"]
        told: list[Phrase] = []
        for named in reversed(self.memory):
            q = named.phrase
            if q.type == entity_type and (generic or named.head == singular) and q not in told:
                told.append(q)
            if len(told) == 2:
                break
        if len(told) != 2:
            return []
        out = []
        for q in reversed(told):
            out.append(
                Phrase(
                    i, h + 1, entity_type, q.subtype, (i, h + 1), heads=frozenset({singular}), antecedent=q
                )
            )
        return out

    def _antecedent(
        self, entity_type: str, head: str, keys: tuple[str, ...], *, owner: bool = False
    ) -> Phrase | None:
        """The latest entity this definite description fits: same type, its head and words included.
        An ``owner`` before a collapse head ("the brigade's fighters") refers back to unnamed
        descriptions only: "government forces" after "Yemen's government" is an actor of its own."""
        generic = self.data.words["generic_heads"]
        words = set(keys) - {head}
        if entity_type == "Actor":
            words -= self.data.words.get("description_words", frozenset())  # "the paramilitary group"
        synonyms = self.data.head_synonyms.get(head, frozenset())
        for named in reversed(self.memory):
            p = named.phrase
            if p.type != entity_type or (owner and named.known):
                continue
            same_head = (
                named.head == head
                or named.head in synonyms  # "army troops ... the military denied"
                or (head in generic and entity_type == "Facility")
            )
            if same_head and words <= named.words:
                return p
        return None


def _initials(key: str) -> bool:
    """A dotted abbreviation, alone or before a hyphenated word ("u.s.", "u.n.", "u.s.-led"): a word of
    a name, though spaCy keeps its dots inside the token."""
    abbr, _, rest = key.partition("-")
    letters = abbr.split(".")
    return (
        len(letters) >= 3
        and letters[-1] == ""
        and all(len(x) == 1 and x.isalpha() for x in letters[:-1])
        and (not rest or rest.replace("-", "").isalpha())
    )


def _describing(word: str) -> bool:
    """An adjective before a place's kind: a lower-case word ("northern", "strategic") or a demonym
    ("Syrian", "Sudanese", "Kurdish", "Yemeni"), never a proper name of its own."""
    if word.islower():
        return word.replace("-", "").isalpha()
    return word[:1].isupper() and word[1:].islower() and word.endswith(("an", "ese", "i", "ish"))


def _as_state(p: Phrase) -> None:
    """A country or capital that acts is its state; it keeps the key of its Arabic name, so both
    languages mint one IRI."""
    entry = p.candidates[0].entry
    p.label = entry.pref_label.get("ar") or entry.pref_label.get("en") or p.label
    p.label_keys = tuple(p.label.split())
    p.type, p.subtype, p.candidates = "Actor", "StateBody", ()


def _name_phrase(
    toks: Sequence[Token], a: int, e: int, entity_type: str, subtype: str | None, head_key: str
) -> Phrase:
    """The proper name ``toks[a:e]`` that a head noun told next to it makes an entity of that head's
    type ("the town of Dilling", "Tal Malah, a hilltop village"); a place-like name is located."""
    name = [t.text for t in toks[a:e] if not t.is_punct or t.text in _GLUE]
    return Phrase(
        a,
        e,
        entity_type,
        subtype,
        (a, e),
        label=_join(name),
        label_keys=tuple(t.key for t in toks[a:e] if t.key and not t.is_punct),
        heads=frozenset({head_key}),
        located=entity_type != "Actor",
    )


def _join(words: Sequence[str]) -> str:
    out = ""
    for w in words:
        if w in _GLUE or (w == "s" and out.endswith(tuple(_APOSTROPHES))) or out.endswith(tuple(_HYPHENS)):
            out += w
        else:
            out += (" " if out else "") + w
    return out


# ------------------------------------------------------------------------------------- events
class _EnglishReader:
    def __init__(
        self,
        data: EnglishData,
        lex: Lexicon,
        toks: Sequence[Token],
        sentences: Sequence[Sentence],
        timed: frozenset[int],
    ) -> None:
        self.data = data
        self.lex = lex
        #: Negotiation triggers whose subject is the mediator ("Russian forces mediated between X and Y")
        self.mediation_lemmas = data.words.get("mediation_lemmas", frozenset())
        self.toks = toks
        self.sentences = sentences
        self.timed = timed
        self.subject: str | None = None
        self.covered: set[int] = {k for s in sentences for p in s.phrases for k in range(p.start, p.end)}
        self.held: set[int] = set()
        #: held triggers of a main clause ("X has held the station"): their subject goes on
        self.main_held: set[int] = set()
        #: coercion trigger -> the token after its leaving verb ("forced X to leave [the town]")
        self.forced_goal: dict[int, int] = {}
        self.collapse_lemmas = frozenset(data.lemma(w) for w in data.words["collapse_heads"])
        #: trigger -> the object pronoun inside a split phrasal verb ("handed it back")
        self.inner_objects: dict[int, int] = {}
        #: trigger -> start of the named object inside a split phrasal verb ("drove X out")
        self.inner_phrases: dict[int, int] = {}
        self.frames_keys = frozenset(key for frame in data.frames.values() for key in frame)

    def key(self, i: int) -> str:
        return self.toks[i].key if 0 <= i < len(self.toks) else ""

    def lemma(self, i: int) -> str:
        return self.data.lemma(self.toks[i].key) if 0 <= i < len(self.toks) else ""

    def triggers(self, s: Sentence) -> list[tuple[int, int, TriggerForm]]:
        out: list[tuple[int, int, TriggerForm]] = []
        i = s.start
        while i < s.stop:
            hit = self._held_at(i, s)
            if hit is None and i not in self.covered:
                v = self._repeated_verb(i, s)  # "re-entered", "re-took": the verb after "re-"
                lemma = self.lemma(v)
                if v != i and "re" + lemma in self.data.triggers:
                    lemma = "re" + lemma  # "re-took", "re-captured": retake, recapture
                for rest, form in self.data.triggers.get(lemma, ()):
                    kind = verb_form(self.key(v), form.lemma)
                    if form.pos == "noun" and kind != "verb":
                        continue  # a noun is singular or plural: "according" is no "accord"
                    if v != i and form.pos != "verb":
                        continue  # "re-" makes verbs only
                    if (
                        form.pos == "verb"
                        and kind == "verb"
                        and i - 1 >= s.start
                        and (
                            self.key(i - 1) in self.data.words["determiners"]
                            or self.key(i - 1) in self.data.words["indefinites"]
                        )
                    ):
                        continue  # "the station has been shut": a base form after a determiner is a noun
                    at = self._particle_object(v + 1, s) if form.pos == "verb" and rest else 0
                    first = v + 1 + at  # "handed it back", "pull its fighters out": object, then particle
                    n = len(rest)
                    if first + n <= s.stop and all(self.key(first + m) == w for m, w in enumerate(rest)):
                        if form.lemma in self.mediation_lemmas and not self._actor_before(i, s):
                            break  # "a deal mediated by X", "an Omani-mediated arrangement": no act of its own
                        if at and rest[0] not in self.data.words["particles"]:
                            continue
                        if at and self.key(i + 1) in self.data.words["object_pronouns"]:
                            self.inner_objects[i] = i + 1
                        elif at:
                            self.inner_phrases[i] = i + 1
                        if form.pos == "verb" and self._resultative(i, first + n, form.lemma, s):
                            break  # "the blockade has left the village without flour": no withdrawal
                        if form.pos == "verb" and not rest and self._attributive(i, kind, s):
                            break  # "the ousted government", "a captured soldier": an adjective
                        if form.pos == "verb":
                            form = replace(form, pos=kind)
                        if form.event_type not in self.lex.types:
                            fallback = self.data.fallbacks.get(form.event_type)
                            if fallback is None or fallback not in self.lex.types:
                                continue
                            form = replace(form, event_type=fallback)
                        hit = (i, first + n, form)
                        break
            if hit is None and i not in self.covered:
                hit = self._forced_out(i, s)
            if hit is None or (hit[2].event_type != "SiegeLifting" and hit[2].pos != "noun"):
                lifting = self._siege_lifting(i, s)
                if lifting is not None:
                    hit = lifting
            if hit is not None and not self._lifted(hit[0], s):
                out.append(hit)
                i = hit[1]
            else:
                i += 1
        return out

    def _repeated_verb(self, i: int, s: Sentence) -> int:
        """The verb after a hyphenated "re-" at ``i`` ("re-entered", "re-took", "re-occupy"), which the
        tokenizer splits into "re", "-" and the verb: the event is the verb's own, told again; else ``i``."""
        if self.key(i) == "re" and i + 2 < s.stop and self.toks[i + 1].text in _HYPHENS:
            return i + 2
        return i

    def _forced_out(self, i: int, s: Sentence) -> tuple[int, int, TriggerForm] | None:
        """ "forced the government troops guarding it to leave", "compelled the militia to withdraw
        from the town": a coercion verb with an actor object and a leaving verb after "to" is one
        expulsion by the subject (the leaving verb is no withdrawal of its own)."""
        if "Expulsion" not in self.lex.types or self.lemma(i) not in self.data.words.get(
            "coercion_verbs", ()
        ):
            return None
        if verb_form(self.key(i), self.lemma(i)) == "ing" and self.key(i - 1) not in ("after", "before"):
            return None
        for k in range(i + 2, min(i + 10, s.stop - 1)):
            if self.toks[k].text in _BOUNDARY:
                return None
            if self.key(k) != "to":
                continue
            leaving = {
                f.event_type for rest, f in self.data.triggers.get(self.lemma(k + 1), ()) if f.pos == "verb"
            }
            if "Withdrawal" not in leaving:
                return None
            if not any(p.type == "Actor" and p.iri and i < p.start < k for p in s.phrases):
                return None
            if self._forced_by_no_actor(i, s):
                return None  # "a battle that forced the group to pull out": the group withdrew
            self.covered.add(k + 1)  # the leaving verb tells the same expulsion
            self.forced_goal[i] = k + 2
            return (i, i + 1, TriggerForm("Expulsion", self.lemma(i), "verb", False, True))
        return None

    def _coerced(self, i: int, s: Sentence) -> bool:
        """Whether the verb at ``i`` is the infinitive after a past coercion verb and its actor object
        ("a battle that forced the group to pull out"): being forced to leave is leaving, no plan."""
        if i - 1 <= s.start or self.key(i - 1) != "to":
            return False
        obj = self.phrase_ending(i - 1, s)
        if obj is None or obj.type != "Actor":
            return False
        k = self.outer(obj) - 1
        return (
            k >= s.start
            and self.lemma(k) in self.data.words.get("coercion_verbs", frozenset())
            and verb_form(self.key(k), self.lemma(k)) == "past"
        )

    def _forced_by_no_actor(self, i: int, s: Sentence) -> bool:
        """Whether the coercion verb at ``i`` has a subject that is no actor: a relative clause on a
        noun that names no entity ("after a three-day battle that also forced the group to pull out",
        "shelling which forced ..."). Nobody expels then; the forced party's leaving is its own
        withdrawal, read by the leaving verb."""
        k = i - 1
        while k >= s.start and self.key(k) in ("also", "eventually", "finally", "later", "reportedly"):
            k -= 1
        if k < s.start or self.key(k) not in self.data.words["relative_pronouns"]:
            return False
        end = k - 1 if k - 1 >= s.start and self.toks[k - 1].text == "," else k
        return not any(p.end == end and p.type == "Actor" for p in s.phrases)

    def _siege_lifting(self, i: int, s: Sentence) -> tuple[int, int, TriggerForm] | None:
        """ "lifted their three-month siege of", "ended their weeks-long encirclement of": a lift verb whose
        object (after determiners and adjectives, a few words on) is a siege noun ends a siege; one
        SiegeLifting from the verb to the noun, and the noun is no siege of its own."""
        if "SiegeLifting" not in self.lex.types:
            return None
        key = self.key(i)
        if key not in self.data.words["lift_markers"]:
            return None
        kind = verb_form(key, self.lemma(i))
        for k in range(i + 1, min(i + 6, s.stop)):
            if self.toks[k].text in _BOUNDARY:
                return None
            if any(
                form.event_type == "Siege" and not rest  # "blockade" is listed once, as a verb
                for rest, form in self.data.triggers.get(self.lemma(k), ())
            ):
                if verb_form(self.key(k), self.lemma(k)) != "verb":
                    return None  # "ended the besieged town's ...": no siege noun
                return (i, k + 1, TriggerForm("SiegeLifting", self.lemma(i), kind, False, False))
            if self.lemma(k) in self.data.triggers and not self._capital_at(k, s):
                return None  # another event word first: "ended talks on the siege"
        return None

    def _capital_at(self, k: int, s: Sentence) -> bool:
        return k != s.start and self.toks[k].text[:1].isupper()

    def coordinated_verb(self, prev_end: int, a: int, s: Sentence) -> bool:
        """A coordinator ("and", "or") between the last trigger and the verb at ``a``, within one
        clause: the verb at ``a`` goes on the same verb phrase."""
        if self.clause_ends(prev_end, a):
            return False
        return any(self.key(k) in self.data.words["coordinators"] for k in range(prev_end, a))

    def _resultative(self, i: int, end: int, lemma: str, s: Sentence) -> bool:
        """A verb of result ("leave") with a result word after its object, within the clause: "the
        siege has left the town's two bakeries without flour", "the fighting left thousands stranded"."""
        words = self.data.words
        if lemma not in words.get("resultative_verbs", ()):
            return False
        for k in range(end, min(end + 8, s.stop)):
            if self.toks[k].text in _BOUNDARY:
                return False
            if self.key(k) in words.get("resultative_markers", ()):
                # "left the town without a fight" is a withdrawal all the same
                return not (
                    self.key(k) == "without" and self.key(k + 1) in words.get("manner_after_without", ())
                )
        return False

    def _attributive(self, i: int, kind: str, s: Sentence) -> bool:
        """A participle between a determiner and its noun ("the ousted government", "the occupied
        villages", "a looted warehouse") describes the noun; it tells of no event of its own."""
        if kind != "past" or i - 1 < s.start or i + 1 >= s.stop:
            return False
        words = self.data.words
        before, after = self.key(i - 1), self.toks[i + 1]
        return (
            (before in words["determiners"] or before in words["indefinites"])
            and not after.is_punct
            and after.key not in words["stopwords"]
            and after.key not in words["auxiliaries"]
        )

    def _actor_before(self, i: int, s: Sentence) -> bool:
        """Whether an actor stands right before verb ``i`` (past auxiliaries): "Qatar has mediated"."""
        k = i
        while k - 1 >= s.start and self.key(k - 1) in self.data.words["auxiliaries"]:
            k -= 1
        before = self.phrase_ending(k, s)
        return before is not None and before.type == "Actor"

    def after_time(self, k: int) -> int:
        """The first token from ``k`` on that is no time word ("said on Monday that")."""
        while k in self.timed or (
            self.key(k) in self.data.words["time_prepositions"] and k + 1 in self.timed
        ):
            k += 1
        return k

    def content_of(self, prev_end: int, a: int, s: Sentence) -> bool:
        """Whether the noun trigger at ``a`` is what an agreement or talks ending at ``prev_end``
        are about: only "on/about/over/for", articles and a possessive owner stand between."""
        if prev_end >= a:
            return False
        trigger = self.toks[prev_end - 1].key
        if (
            self.data.lemma(trigger) not in self.data.words["content_heads"]
            and trigger not in self.data.words["content_heads"]
        ):
            return False
        words = self.data.words
        owner = {k for p in s.phrases if p.type == "Actor" for k in range(p.start, p.end)}
        seen_prep = False
        for k in range(prev_end, a):
            key = self.key(k)
            if key in words["content_preps"]:
                seen_prep = True
            elif not (
                key in words["determiners"]
                or key in ("a", "an", "s", "'s")
                or k in owner
                or self.toks[k].text in _APOSTROPHES
            ):
                return False
        return seen_prep

    def claim_object(self, end: int, s: Sentence) -> bool:
        """ "denied the claim", "rejected these reports": a definite claim noun right after the verb
        (and its time words), which points back at an account already told."""
        k = self.after_time(end)
        if k >= s.stop or self.key(k) not in self.data.words["determiners"]:
            return False
        return self.key(k + 1) in self.data.words["claim_nouns"]

    def claim_before(self, a: int, s: Sentence) -> bool:
        """ "..., a claim the army rejected": a claim noun a few words before the denial's subject."""
        return any(self.key(k) in self.data.words["claim_nouns"] for k in range(max(s.start, a - 6), a))

    def _particle_object(self, j: int, s: Sentence) -> int:
        """Length of a short object standing between a verb and its particle: a pronoun ("it",
        "them") or a possessive and a collapse head ("its fighters", "their troops"), else 0."""
        words = self.data.words
        if j < s.stop and self.key(j) in words["object_pronouns"]:
            return 1
        if (
            j + 1 < s.stop
            and self.key(j) in words["determiners"]
            and self.key(j + 1) in words["collapse_heads"]
        ):
            return 2
        named = next((p for p in s.phrases if p.start == j and p.iri and p.end - j <= 6), None)
        if named is not None and self.key(named.end) in words["particles"]:
            return named.end - j  # "drove Islamic State fighters out of Hajin"
        return 0

    def _held_at(self, i: int, s: Sentence) -> tuple[int, int, TriggerForm] | None:
        """Control told as a state, not a seizure: "still holds", "which controls", "remains in control
        of", "under the control of X" (its mention gets the status "held": a held tuple, no event)."""
        key, words = self.key(i), self.data.words
        if key == "under":
            for seq in self.data.sequences["held_under"]:
                if all(self.key(i + n) == w for n, w in enumerate(seq)) and i + len(seq) <= s.stop:
                    self.held.add(i)
                    # the trigger stops before "of": "of X" names the holder through the frame
                    return (
                        i,
                        i + len(seq) - 1,
                        TriggerForm("Seizure", "under control", "noun", False, False),
                    )
            return None
        if key in words.get("held_perfects", ()) and self._held_relative(i, s) is not None:
            self.held.add(i)  # "a village that HTS has controlled since 2019": held, told as a state
            return (i, i + 1, TriggerForm("Seizure", key, "verb", False, True))
        if key in words.get("held_perfects", ()) and self._perfect_holder(i, s):
            self.held.add(i)  # "the SNA has held the water station since March": held until now
            self.main_held.add(i)
            return (i, i + 1, TriggerForm("Seizure", key, "verb", False, True))
        if key not in words["held_verbs"] or i - 1 < s.start:
            return None
        before = self.key(i - 1)
        in_control = key == "control" and before == "in" and self.key(i + 1) == "of"
        if before in words["held_markers"] or in_control:
            self.held.add(i)
            return (i, i + 1, TriggerForm("Seizure", key, "verb", False, True))
        return None

    def _two_sides(self, j: int, s: Sentence) -> list[Phrase]:
        """ "the two sides agreed", "both parties pledged": the last two actors named before in the
        sentence, in text order; none if fewer are named."""
        if self.key(j) not in ("sides", "parties") or self.key(j - 1) not in ("two", "both"):
            return []
        named: list[Phrase] = []
        for p in sorted(s.phrases, key=lambda q: -q.end):
            if (
                p.end < j - 1
                and p.type == "Actor"
                and p.iri
                and not p.inner
                and all(q.iri != p.iri for q in named)
            ):
                named.append(p)
            if len(named) == 2:
                return named[::-1]
        return []

    def _actor_origin(self, place: Phrase, s: Sentence) -> bool:
        """Whether ``place`` follows "from/of" right after the receiver of a handover ("handed it to
        a joint force from Zuwara"): it tells where the receiver comes from, no argument ("expelled
        the militia from the town" keeps the town)."""
        a = self.outer(place)
        actor = self.phrase_ending(a - 1, s) if self.key(a - 1) in ("from", "of") else None
        return actor is not None and actor.type == "Actor" and self.key(self.outer(actor) - 1) == "to"

    def _unit_of_patron(self, patron: Phrase, s: Sentence) -> Phrase | None:
        """The actor before "loyal to / affiliated with / aligned with" ``patron`` ("Security Belt forces
        loyal to the STC (STC) encircled"): the patron only tells whose the unit is; else None."""
        a = self.outer(patron)
        if self.key(a - 1) == "(":
            ending = [p for p in s.phrases if p.end == a - 1]
            unit = next((p for p in ending if p.type == "Actor" and p.owner is not None and p.iri), None)
            if unit is not None:
                return unit  # "units loyal to the PLC (PLC)": the unit named with its patron
            full = max(ending, key=lambda p: p.start) if ending else None  # "the Southern ... Council"
            if full is not None:
                a = self.outer(full)
        k = a - 1
        if self.key(k) in ("to", "with", "by"):
            k -= 1
        if k <= s.start or self.key(k) not in self.data.words["allegiance_links"]:
            return None
        unit = self.phrase_ending(k, s)
        return unit if unit is not None and unit.type == "Actor" and unit.iri else None

    def _pronoun_antecedent(self, noun: Phrase, s: Sentence) -> str | None:
        """The actor a subject pronoun of a relative clause points back to ("X has held the station,
        which it seized"): the nearest named actor of the sentence before the noun the clause is
        about, else the subject carried from before."""
        named = [p for p in s.phrases if p.type == "Actor" and p.iri and not p.inner and p.end <= noun.start]
        if named:
            return max(named, key=lambda p: p.end).iri
        return self.subject

    def _perfect_holder(self, i: int, s: Sentence) -> bool:
        """ "X has held the station", "X has controlled the town since 2019": a present perfect of a
        holding verb right after its named actor subject tells control lasting until now ("had held"
        tells a past one, and "has held talks" is a meeting: an entity must follow)."""
        k = i - 1
        while k >= s.start and self.key(k) in ("still", "long", "firmly", "also"):
            k -= 1
        if k < s.start or self.key(k) not in ("has", "have"):
            return False
        subject = self.phrase_ending(k, s)
        if subject is None or subject.type != "Actor" or not subject.iri:
            return False
        j = i + 1
        held = self.phrase_at(j, s)  # a definite name starts at its article
        while held is None and j < s.stop and self.key(j) in self.data.words["determiners"]:
            j += 1
            held = self.phrase_at(j, s)
        return held is not None and held.type != "Actor" and held.iri is not None

    def _held_relative(self, i: int, s: Sentence) -> Phrase | None:
        """For "that/which X has controlled" (a perfect of a holding verb in a relative clause with its
        own subject): the noun the clause is about, standing before the relative pronoun."""
        words = self.data.words
        if i - 1 < s.start or self.key(i - 1) not in ("has", "have", "had"):
            return None
        subject = self.phrase_ending(i - 1, s)
        pronoun = subject is None and self.key(i - 2) in words["subject_pronouns"]
        if pronoun:
            # "the building, which they have controlled since 2022": the pronoun's actor holds it
            r = i - 3
            if r < s.start or self.key(r) not in words["relative_pronouns"]:
                return None
            k = r - 1 if self.toks[r - 1].text == "," else r
            for p in sorted((q for q in s.phrases if k - 12 <= q.end <= k), key=lambda q: -q.end):
                if p.type == "Actor" or p.inner or not p.iri:
                    return None
                if self.key(self.outer(p) - 1) not in words["area_links"]:
                    return p  # "withdraw from the building in Ataq, which": the building
            return None
        if subject is None or subject.type != "Actor":
            return None
        r = subject.start - 1  # "that the SDF has held": the article, then the pronoun
        while (
            r >= s.start
            and self.key(r) in words["determiners"]
            and self.key(r) not in words["relative_pronouns"]
        ):
            r -= 1
        if r < s.start or self.key(r) not in words["relative_pronouns"]:
            return None
        # the antecedent: the latest noun before the pronoun that is no complement of a preposition
        # ("Tal Malah, a hilltop village north of Hama that ...": Tal Malah, not Hama)
        preps = words["area_links"] | {"of", "to", "from", "near", "at"}
        for p in sorted((q for q in s.phrases if r - 12 <= q.end <= r), key=lambda q: -q.end):
            if p.type == "Actor" or p.inner or not p.iri:
                return None
            before = self.outer(p) - 1
            if self.key(before) not in preps:
                return p
            if self.key(before) == "of" and self.data.heads.get(self.key(before - 1), ("", ""))[0] == "Place":
                return p  # "the town of Kafr Nabl, which HTS had controlled": the town is the known place
        return None

    def _lifted(self, i: int, s: Sentence) -> bool:
        """ "lifted the siege": the end of a siege is no siege."""
        j = i - 1
        while j >= s.start and self.key(j) in self.data.words["determiners"]:
            j -= 1
        return j >= s.start and self.key(j) in self.data.words["lift_markers"]

    def phrase_ending(self, end: int, s: Sentence) -> Phrase | None:
        return next((p for p in s.phrases if p.end == end), None)

    def name_ending(self, end: int, s: Sentence) -> Phrase | None:
        """The entity ending at ``end`` (or before a bare head noun such as "area"): the whole name
        rather than the place that locates it ("14 positions in the Makhmour area" rather than Makhmour)."""
        if (
            end - 1 >= s.start
            and self.key(end - 1) in self.data.heads
            and not any(p.end == end for p in s.phrases)
        ):
            end -= 1  # "the Makhmour area": the name ends before the head left out of it
        found = sorted((p for p in s.phrases if p.end == end), key=lambda p: (p.inner, p.start))
        if not found:
            return None
        located = next((q for q in s.phrases if q.loc_at == found[0].start and q.end <= found[0].start), None)
        return located or found[0]

    def phrase_at(self, start: int, s: Sentence) -> Phrase | None:
        """The entity starting at ``start``: a name rather than a place inside it ("stormed Khartoum
        airport" takes the airport, not Khartoum)."""
        found = [p for p in s.phrases if p.start == start]
        if len(found) > 1:
            found.sort(key=lambda p: (p.inner, -(p.end - p.start)))
        return found[0] if found else None

    def window_end(self, end: int, s: Sentence, starts: Sequence[int]) -> int:
        nxt = min([t for t in starts if t >= end] + [s.stop])
        j = end
        while j < nxt:
            text, key = self.toks[j].text, self.key(j)
            if text in _BOUNDARY:
                if j + 1 in self.timed or self._compound_at(j + 1) is not None or self._list_goes_on(j, s):
                    j += 1
                    continue
                return j
            if key == "as" and self.key(j + 1) == "well" and self.key(j + 2) == "as":
                j += 3  # "the school, as well as a checkpoint": the list goes on
                continue
            if key in self.data.words["clause_openers"] and j > end:
                return j
            j += 1
        return nxt

    def _list_goes_on(self, comma: int, s: Sentence) -> bool:
        """ "seized the bakery, the water directorate and a police station": a comma between two
        entities of one type is a list, not the end of the verb's arguments."""
        if self.toks[comma].text != ",":
            return False
        before = self.phrase_ending(comma, s)
        if before is None:
            return False
        k = comma + 1
        words = self.data.words
        joined = True
        if self.key(k) in words["coordinators"]:
            k += 1  # "X, Y, and Z"
        elif [self.key(k), self.key(k + 1), self.key(k + 2)] == ["as", "well", "as"]:
            k += 3  # "X, as well as Y"
        else:
            joined = False
        after = self.phrase_at(k, s)
        while (
            after is None
            and k < s.stop
            and (
                self.key(k) in words["determiners"]
                or self.key(k) in words["indefinites"]
                or self.key(k) in words["head_modifiers"]
            )
        ):
            k += 1
            after = self.phrase_at(k, s)
        if after is None or after.antecedent is not None:
            return False
        if (
            not joined
            and after.type == "Actor"
            and not (self.key(after.end) in words["coordinators"] or self.toks[after.end].text == ",")
        ):
            return False  # "a deal brokered by Russia, the SDF handed ...": the actor after opens a clause
        # a town and a checkpoint may share a list only with an explicit "and" / "as well as"
        return after.type == before.type or (joined and "Actor" not in (after.type, before.type))

    def _compound_at(self, j: int) -> tuple[str, ...] | None:
        for seq in self.data.compound_preps:
            if all(self.key(j + n) == w for n, w in enumerate(seq)):
                return seq
        return None

    def _described_speaker(self, j: int, s: Sentence) -> Phrase | None:
        """ "an SDF spokesman said", "a Turkish defence ministry source said", "an army statement said":
        the actor named right before the head of the speaker's description (token ``j``), else None."""
        if j <= s.start or self.key(j) not in self.data.words.get("speaker_descriptions", frozenset()):
            return None
        owner = self.phrase_ending(j, s)
        return owner if owner is not None and owner.type == "Actor" and owner.iri else None

    def _unnamed_subject(self, j: int, s: Sentence, *, speech: bool = False) -> bool:
        """A noun right before the verb that is no entity ("residents said"), or a source located in a
        place ("a health official in Marib told", "residents of Taiz said"): an unknown subject."""
        if j < s.start:
            return False
        located = self.phrase_ending(j + 1, s)
        if located is not None:
            a = self.outer(located)
            return (
                located.type == "Place"
                and a - 2 >= s.start
                and self.key(a - 1) in ("in", "from", "of")
                and self.key(a - 2) in self.data.words["source_heads"]
            )
        key, text = self.key(j), self.toks[j].text
        words = self.data.words
        if speech and self.key(j - 1) in ("a", "an") and key in words["speaker_descriptions"]:
            return True  # "a commander told Enab Baladi": an unnamed source, not the actor told before
        if self.data.lemma(key) in self.collapse_lemmas and (
            self.key(j - 1) in words["determiners"] or self.key(j - 1) in words["indefinites"]
        ):
            return False  # "its fighters", "the troops", "a unit": part of the actor told before
        if self.lemma(j) in self.data.triggers and verb_form(key, self.lemma(j)) in ("past", "ing"):
            return False  # "denied being present": the speaker goes on
        function = key in words["stopwords"] or key in words["coordinators"] or key in words["clause_openers"]
        return not function and text not in _BOUNDARY and not self.toks[j].is_punct and key.isalpha()

    def _located_by(self, p: Phrase, s: Sentence) -> Phrase:
        """The phrase that ``p`` only locates ("the grain silos east of Qamishli", "the camp on the
        edge of Marib"): a place after "<locator> of" tells where the noun before is, so the noun
        before is the argument; else ``p`` itself."""
        a = self.outer(p)
        if p.type == "Place" and a - 1 > s.start and self.key(a - 1) in ("in", "near", "at"):
            # "the Al-Nour hospital in Raqqa was stormed": the place only tells where the hospital is
            located = self.name_ending(a - 1, s)
            if located is not None and located.iri and located.type != "Actor":
                return located
        if a - 2 < s.start or self.key(a - 1) != "of" or self.key(a - 2) not in self.data.words["locators"]:
            return p
        k = a - 2
        while k > s.start and self.key(k - 1) in self.data.words["determiners"]:
            k -= 1  # "on the edge of"
        if k > s.start and self.key(k - 1) in ("on", "at", "in"):
            k -= 1
        located = self.name_ending(k, s)
        return located if located is not None and located.iri and located.type != "Actor" else p

    def outer(self, p: Phrase) -> int:
        """Where the phrase starts with its determiners ("the SDF", "two nearby checkpoints")."""
        a = p.start
        words = self.data.words
        while a - 1 >= 0 and (
            self.key(a - 1) in words["determiners"]
            or self.key(a - 1) in words["indefinites"]
            or self.key(a - 1) in words["head_modifiers"]  # "from the nearby oil terminal"
        ):
            a -= 1
        return a

    def prep_before(self, p: Phrase, floor: int) -> str | None:
        a = self.outer(p)
        for seq in self.data.compound_preps:
            b = a - len(seq)
            if b >= floor and all(self.key(b + n) == w for n, w in enumerate(seq)):
                return " ".join(seq)
        k = self.key(a - 1) if a - 1 >= floor else ""
        if k == "of" and a - 2 >= floor and self.key(a - 2) in self.data.words["locators"]:
            return None  # "the camp west of Marib", "the edge of El Fasher": where, no argument
        frames_keys = {key for frame in self.data.frames.values() for key in frame}
        return k if k in frames_keys and k not in ("subject", "object") else None

    def mention(
        self, i: int, end: int, form: TriggerForm, s: Sentence, wend: int, scoped: str | None
    ) -> EventMention:
        frame = self.data.frames.get(form.event_type, {})
        if form.lemma in self.mediation_lemmas:
            frame = {**frame, "subject": "mediator"}  # "Russian forces mediated between X and Y"
        ev = EventMention(
            form.event_type, i, s.index, wend, (i, wend), rule=f"en:trigger:{form.event_type}:{form.lemma}"
        )
        # what stands before the trigger: auxiliaries, negation, plan markers, then the subject
        j = i - 2 if i in self.held and self.key(i - 1) == "in" else i - 1  # "remains in control of"
        passive = negated = False
        while j >= s.start:
            refusal = self._sequence_ending(j, s, "negation_markers")
            if refusal:
                j -= refusal  # "failed to agree", "refused to withdraw": the event did not happen
                negated = True
                continue
            marker = self._plan_marker_ending(j, s)
            if marker:
                j -= marker  # "are scheduled to hand over": the subject stands before the plan
                continue
            if not (
                self.key(j) in self.data.words["auxiliaries"]
                or self.key(j) in self.data.words["negations"]
                or (j in self.timed and self.toks[j].text not in _BOUNDARY)
                or (self.key(j) in self.data.words["time_prepositions"] and j + 1 in self.timed)
            ):
                break
            if j in self.timed and self.phrase_ending(j + 1, s) is not None:
                break  # "a day after the SDF withdrew": the time words end with the subject
            negated = negated or self.key(j) in self.data.words["negations"]
            passive = passive or (
                self.key(j) in self.data.words["passive_auxiliaries"] and form.pos == "past"
            )
            j -= 1
        # a plan marker comes before a verb: "contrary to an announcement" plans nothing
        planned = self._planned_before(i) and form.pos not in ("past", "noun") and not self._coerced(i, s)
        if form.pos == "past" and not passive and self.key(self.after_time(end)) == "by":
            noun = self.name_ending(j + 1, s)
            if noun is not None and noun.type != "Actor":
                passive = True  # "14 positions vacated by the army": a reduced passive relative
                ev.rule += "+reduced-relative"
        unknown_subject = False
        explicit: str | None = None
        subject_role = "object" if passive else "subject"
        co_subjects: list[Phrase] = []
        if form.pos in ("verb", "past", "ing"):
            before = self.phrase_ending(j + 1, s)
            if before is None or (before.type == "Place" and not passive):
                # "tribal fighters from Albu Nimr said", "militiamen of Bani Walid closed"
                actor = self._actor_from_name(j, s, before)
                if actor is not None:
                    before = actor
                    ev.rule += "+subject:actor-from-place"
            if before is None and self.key(j) in self.data.words["relative_pronouns"]:
                k = j - 1 if j - 1 >= s.start and self.toks[j - 1].text == "," else j
                before = self.phrase_ending(k, s)  # "the local council, which took over"
                if before is not None:
                    ev.rule += "+subject:relative"
                else:
                    unknown_subject = True  # "from rebel groups, which pulled out": nobody known
            elif before is None and self.key(j) in self.data.words["coordinators"]:
                before = self._coordinated_subject(j, s)  # "fighters looted and occupied"
                if before is not None:
                    ev.rule += "+subject:coordinated-verb"
            elif before is None and self.toks[j].text == ",":
                # "The SDF, backed by US forces, seized", "The dam, which ..., was seized"
                before = self._subject_before_aside(j, s, passive=passive)
                if before is not None:
                    ev.rule += "+subject:before-aside"
            if (
                before is None
                and form.pos == "past"
                and j > s.start
                and self.key(j) in self.data.words["subject_pronouns"]
            ):
                # "the outpost they had captured at dawn": a relative clause without "which"; its
                # object is the noun before the pronoun, its subject the actor the pronoun points to
                held_noun = self.phrase_ending(j, s)
                relative = held_noun is None and self.key(j - 1) in self.data.words["relative_pronouns"]
                if relative:
                    # "the water station, which it seized in March": the noun before the pronoun
                    held_noun = self.phrase_ending(j - 2 if self.toks[j - 2].text == "," else j - 1, s)
                role = _role_for(frame.get("object"), held_noun) if held_noun is not None else None
                if held_noun is not None and held_noun.type != "Actor" and held_noun.iri and role:
                    ev.add(role, held_noun.iri)
                    ev.rule += "+object:bare-relative" if not relative else "+object:relative"
                    if relative:
                        pointed = self._pronoun_antecedent(held_noun, s)
                        if pointed is not None:
                            explicit = pointed
                            ev.rule += "+subject:relative-pronoun"
            if before is None and j >= s.start and self.toks[j].text == ")":
                before = self.phrase_ending(j, s)  # "The Sudanese Armed Forces (SAF) regained"
                if before is None and j - 2 >= s.start and self.toks[j - 2].text == "(":
                    # an acronym no table knows: the name before it ("... Council (PLC) besieged")
                    before = max(
                        (p for p in s.phrases if p.end == j - 2), key=lambda p: -p.start, default=None
                    )
                if before is not None:
                    ev.rule += "+subject:acronym"
            if (
                before is None
                and j - 1 >= s.start
                and self.toks[j - 1].text == ")"
                and self.data.lemma(self.key(j)) in self.collapse_lemmas
            ):
                before = self.phrase_ending(j - 1, s)  # "Syrian Democratic Forces (SDF) units withdrew"
                if before is not None:
                    ev.rule += "+subject:acronym-head"
            if before is not None and before.type == "Actor":
                unit = self._unit_of_patron(before, s)
                if unit is not None:
                    before = unit  # "forces loyal to the STC (STC) encircled": the forces act
                    ev.rule += "+subject:before-patron"
                backed = self._backed_subject(before, s)  # "tribal fighters backed by the army seized"
                if backed is not None:
                    before = backed
                    ev.rule += "+subject:before-backer"
            if before is None and self.lex.types[form.event_type].speech:
                before = self._described_speaker(j, s)
                if before is not None:
                    ev.rule += "+speaker:description"
            if before is None:
                sides = self._two_sides(j, s)  # "the two sides also agreed": the two told before
                if sides:
                    before, co_subjects = sides[-1], sides[:-1]
                    ev.rule += "+subject:two-sides"
            if before is not None and form.pos == "verb" and self._demanded(before, i):
                planned = True  # "demanded that the STC hand the compound back": asked for, not done
                ev.rule += "+demanded"
            if before is not None and before.type == "Actor" and before.iri:
                explicit = before.iri
                co_subjects = co_subjects or self._co_subjects(before, s)
                ev.rule += "+subject:svo"
                ev.evidence = (before.start, wend)
            elif passive and "+reduced-relative" in ev.rule:
                before = self.name_ending(j + 1, s)  # the positions, not the area inside their name
                role = _role_for(frame.get("object"), before) if before is not None and before.iri else None
                if before is not None and before.iri and role:
                    ev.add(role, before.iri)
                    ev.rule += "+passive-subject"
            elif before is not None and passive and before.iri:
                before = self._located_by(before, s)  # "the silos east of Qamishli were taken"
                role = _role_for(frame.get("object"), before)
                if role:
                    ev.add(role, before.iri)
                    ev.rule += "+passive-subject"
        elif form.pos == "noun":
            k = i - 1
            pronoun = False  # "its siege", "their withdrawal"
            while k >= s.start and self.key(k) in self.data.words["determiners"]:
                pronoun = pronoun or self.key(k) in self.data.words["possessives"]
                k -= 1
            if (k >= s.start and self.toks[k].text in _APOSTROPHES) or (
                self.key(k) == "s" and self.toks[k - 1].text in _APOSTROPHES
            ):
                k = k - 1 if self.key(k) == "s" else k
                owner = self.phrase_ending(k, s)
                if owner is not None and owner.type == "Actor" and owner.iri:
                    explicit = owner.iri
                    ev.rule += "+agent:possessive"
            else:
                k = self._support_verb_before(k, s)
            if k >= s.start and self._support_verb(k):
                m = k - 1
                while m >= s.start and self.key(m) in self.data.words["auxiliaries"]:
                    m -= 1
                owner = self.phrase_ending(m + 1, s)
                ev.evidence = (k, wend)  # "imposed fees": the support verb tells the event too
                planned = planned or self._planned_before(k)  # "will hold a new round of talks"
                if owner is not None and owner.type == "Actor" and owner.iri:
                    explicit = owner.iri
                    co_subjects = self._co_subjects(owner, s)
                    ev.evidence = (owner.start, wend)
                    ev.rule += "+agent:support-verb-subject"
                elif self.subject is not None:
                    explicit = self.subject
                    ev.rule += "+agent:carried-subject"
                elif m >= s.start and self.key(m) in self.data.words["subject_pronouns"]:
                    pronoun = True  # "they imposed a siege": the actor named before
            modifier = self.phrase_ending(i, s)
            if (
                explicit is None
                and self.lex.types[form.event_type].speech
                and modifier is not None
                and modifier.type == "Actor"
                and modifier.iri
            ):
                explicit = modifier.iri  # "a UN flash update", "an SDF statement": the actor before speaks
                ev.rule += "+speaker:noun-modifier"
            if explicit is None and pronoun:
                # "shelled El Fasher, tightening its siege of the city", "announced their withdrawal":
                # the actor the pronoun points back to, the nearest before it in the sentence
                named = [p for p in s.phrases if p.type == "Actor" and p.iri and p.end < i]
                if named:
                    explicit = max(named, key=lambda p: p.end).iri
                    ev.rule += "+agent:possessive-pronoun"
        if explicit is not None:
            subject_as = _role_for(frame.get(subject_role), _ActorStub) or "agent"
            for other in co_subjects:
                ev.add(subject_as, other.iri)  # "Yemen's government and the Houthis will hold talks"
            ev.add(subject_as, explicit)
            if (
                scoped is None
                and form.pos != "noun"
                and "+subject:relative" not in ev.rule
                and (i not in self.held or i in self.main_held)
            ):
                self.subject = explicit  # "X, which still holds the post, ...": no subject for what follows
            if "+subject:two-sides" in ev.rule:
                self.subject = None  # "the two sides agreed to reopen": no one of them acts alone
        possessor = self._possessed_subject(j, s) if explicit is None and not passive else None
        if possessor is not None and form.pos in ("verb", "past", "ing"):
            # "claims by the Houthis that their fighters had captured": the fighters of the actor the
            # pronoun points back to, the nearest one before it
            ev.add(_role_for(frame.get("subject"), _ActorStub) or "agent", possessor)
            ev.rule += "+agent:possessive-pronoun"
            if scoped is None:
                self.subject = possessor
        elif (
            explicit is None
            and form.pos in ("verb", "past", "ing")
            and self.subject is not None
            and not passive
        ):
            if unknown_subject or self._unnamed_subject(j, s, speech=self.lex.types[form.event_type].speech):
                ev.rule += "+subject:anonymous"  # "residents said", "a local official told": nobody known
            else:
                ev.add(_role_for(frame.get("subject"), _ActorStub) or "agent", self.subject)
                ev.rule += "+agent:carried-subject"
        # arguments in the window
        in_window = [p for p in s.phrases if end <= p.start < wend]
        adjacent = end
        while adjacent < wend and (adjacent in self.timed or self.key(adjacent) in ("back", "up")):
            adjacent += 1
        prev: str | None = None
        # where another argument is: "Khartoum" of "Khartoum airport" names no argument of its own
        located = {p.loc_at for p in in_window if p.loc_at is not None and p.loc_at != p.start}
        facility_before = False
        inner = self.phrase_at(self.inner_phrases[i], s) if i in self.inner_phrases else None
        if inner is not None and inner.iri:
            role = _role_for(frame.get("object"), inner)
            if role:
                ev.add(role, inner.iri)
        for p in in_window:
            if p.inner or (p.start in located and p.loc_at != p.start):
                continue  # "the Abu Salim neighbourhood of Tripoli": the place of the argument
            if any(q.start < p.start and p.end <= q.end and q.type == "Facility" for q in in_window):
                continue  # "the road linking Aleppo and Raqqa": a place inside the name is no argument
            prep = self.prep_before(p, end)
            a = self.outer(p)
            also = a - 3 > end and (self.key(a - 3), self.key(a - 2), self.key(a - 1)) == ("as", "well", "as")
            if prep is None and a > end and (self.key(a - 1) in ("and", "or", ",") or also):
                prep = prev
            if prep is None and a == adjacent and form.pos != "noun":
                prep = "object" if not passive else None
            if prep is None:
                prev = None
                continue
            if prep in ("from", "of") and p.type == "Place" and self._actor_origin(p, s):
                prev = None
                continue  # "handed it to a joint force from Zuwara": where the actor is from
            role = _role_for(frame.get(prep), p)
            if role == "target" and prep in ("in", "at") and facility_before:
                # "their headquarters in the town's main square": where the target is, no second target
                role = "place" if p.type == "Place" else None
            if role and p.iri:
                ev.add(role, p.iri)
                facility_before = role == "target" and p.type == "Facility"
            elif role is None and prep in ("in", "at"):
                facility_before = False
                if p.loc_at is not None:
                    loc = next((q for q in s.phrases if q.start == p.loc_at), None)
                    if loc is not None and loc.iri and loc is not p:
                        ev.add("place", loc.iri)
            prev = prep
        if i in self.forced_goal:
            k = self.forced_goal[i]  # "forced the troops to leave the compound": where they left
            goal = self.phrase_at(k, s) or (self.phrase_at(k + 1, s) if self.key(k) == "the" else None)
            role = _role_for(frame.get("from"), goal) if goal is not None and goal.type != "Actor" else None
            if goal is not None and goal.iri and role:
                ev.add(role, goal.iri)
            elif goal is None and any(
                self.key(t) in self.data.words["object_pronouns"] for t in range(end, k)
            ):
                # "forced the troops guarding it to leave": the place they guarded, told before
                told = [p for p in s.phrases if p.type != "Actor" and p.iri and not p.inner and p.end <= i]
                guarded = [p for p in told if p.type == "Facility"] or told  # a building is guarded
                near = max(guarded, key=lambda p: p.end) if guarded else None
                role = _role_for(frame.get("from"), near) if near is not None else None
                if near is not None and near.iri and role:
                    ev.add(role, near.iri)
                    ev.rule += "+target:pronoun"
        if form.pos != "noun":
            self._pronoun_object(ev, frame, i, end, wend, s)
        if ev.type == "Handover" and not ev.roles.get("beneficiary"):
            ev.type = "Withdrawal"  # "handed it back": given up, to nobody the text names
        if i in self.held:
            held_noun = (
                self._held_relative(i, s) if form.lemma in self.data.words.get("held_perfects", ()) else None
            )
            if held_noun is not None and held_noun.iri:
                ev.add("target", held_noun.iri)
                if not ev.roles.get("agent") and self.key(i - 2) in self.data.words["subject_pronouns"]:
                    pointed = self._pronoun_antecedent(held_noun, s)  # "which they have controlled"
                    if pointed is not None:
                        ev.add("agent", pointed)
                        ev.rule += "+holder:relative-pronoun"
            if form.lemma == "under control":
                # "the building remains under the control of X": what is held stands before
                k = i - 1
                while k >= s.start and self.key(k) in self.data.words["auxiliaries"]:
                    k -= 1
                held_what = self.phrase_ending(k + 1, s)
                if held_what is not None and held_what.type != "Actor" and held_what.iri:
                    ev.add("target", held_what.iri)
            ev.status = "held"
            ev.rule += "+held"
            if negated:
                ev.status = "negated"
        elif negated:
            ev.status = "negated"
        elif planned or form.event_type == "Promise":
            ev.status = "hypothetical"
        elif scoped is not None:
            ev.status = scoped
        return ev

    def _demanded(self, subject: Phrase, i: int) -> bool:
        """ "demanded that the STC hand the compound back", "insisted that the army withdraw": a
        bare verb (no -s) after "that" and its subject, following a demand verb, is what is asked."""
        if self.key(i) != self.lemma(i):
            return False
        a = subject.start
        while a - 1 >= 0 and self.key(a - 1) in self.data.words["determiners"] and self.key(a - 1) != "that":
            a -= 1  # "that" is the complementiser here, not a determiner of the subject
        return self.key(a - 1) == "that" and self.lemma(a - 2) in self.data.words.get("demand_verbs", ())

    def _planned_before(self, i: int) -> bool:
        """A plan marker ("will", "scheduled to") right before token ``i`` or one word before it."""
        ending = self.data.sequence_ends["plan_markers"]
        return any(
            tuple(self.key(k) for k in range(end - len(seq), end)) == seq
            for end in (i, i - 1)
            for seq in ending.get(self.key(end - 1), ())
        )

    def _plan_marker_ending(self, j: int, s: Sentence) -> int:
        """Length of the plan marker ("scheduled to", "plans to") that ends at ``j``, else 0."""
        return self._sequence_ending(j, s, "plan_markers", shortest=2)

    def _sequence_ending(self, j: int, s: Sentence, group: str, shortest: int = 1) -> int:
        """Length of the longest word sequence of ``group`` (at least ``shortest`` words) that ends at
        token ``j`` within the sentence, else 0; time words inside it are skipped ("failed on Tuesday
        to retake"), and the length counts them."""
        for seq in self.data.sequence_ends[group].get(self.key(j), ()):
            if len(seq) < shortest:
                continue
            k = j
            for n, w in enumerate(reversed(seq)):
                while n and k >= s.start and self._time_word(k):
                    k -= 1
                if k < s.start or self.key(k) != w:
                    break
                k -= 1
            else:
                return j - k
        return 0

    def _time_word(self, k: int) -> bool:
        """A word of a time expression ("on Tuesday", "last week")."""
        return (k in self.timed and self.toks[k].text not in _BOUNDARY) or (
            self.key(k) in self.data.words["time_prepositions"] and k + 1 in self.timed
        )

    def _actor_from_name(self, j: int, s: Sentence, place: Phrase | None) -> Phrase | None:
        """ "tribal fighters from Albu Nimr said", "militiamen of Bani Walid closed": an actor followed
        by "from/of" and a place (``place``, or a capitalised name no table knows, ending at token
        ``j``) is the subject; the place only tells where the actor is from."""
        if place is not None:
            k = self.outer(place) - 1
        else:
            k = j
            while (
                k > s.start
                and j - k < 4
                and (self.toks[k].text[:1].isupper() or self.toks[k].text in _HYPHENS)
            ):
                k -= 1
            if k == j or any(p.start <= j < p.end for p in s.phrases):
                return None
        if self.key(k) not in ("from", "of"):
            return None
        actor = self.phrase_ending(k, s)
        return actor if actor is not None and actor.type == "Actor" and actor.iri else None

    def _coordinated_subject(self, j: int, s: Sentence) -> Phrase | None:
        """ "X looted and occupied", "X attacked the facility and seized": the subject of the verb
        before the coordinator ``j``: the latest actor of the clause that a plain word (its verb)
        follows, with no clause boundary in between."""
        k = j - 1
        while k >= s.start and j - k <= 12:
            if self.toks[k].text in _BOUNDARY or self.key(k) in self.data.words["clause_openers"]:
                return None
            p = self.phrase_ending(k, s)
            if p is not None and p.type == "Actor":
                verb = self.key(k)
                words = self.data.words
                plain = (
                    verb.isalpha() and verb not in words["stopwords"] and verb not in words["coordinators"]
                )
                return p if plain or verb in words["auxiliaries"] else None
            k -= 1
        return None

    def _subject_before_aside(self, j: int, s: Sentence, *, passive: bool = False) -> Phrase | None:
        """The actor before an aside set off by commas right before the verb ("X, in talks brokered
        by Y, agreed"); the aside holds no verb of its own that is a trigger. Before a passive verb,
        the subject is what was acted on, and the aside may be a relative clause ("The hilltop, which
        overlooks the road, was captured by X"): the place or facility before "which" is the subject."""
        apposed = self.phrase_ending(j, s)
        if apposed is not None and apposed.antecedent is not None and apposed.type == "Actor" and apposed.iri:
            return apposed  # "The STC, the UAE-backed separatist group, handed": the STC
        k = j - 1
        while k > s.start and j - k <= (16 if passive else 12):
            if self.toks[k].text == ",":
                p = self.phrase_ending(k, s)
                if p is not None and p.type == "Actor" and p.iri and p.start > s.start - 1 and not passive:
                    return p
                return None
            if passive and self.key(k) in _THING_RELATIVES and self.toks[k - 1].text == ",":
                p = self.phrase_ending(k - 1, s)
                return p if p is not None and p.type in ("Place", "Facility") and p.iri else None
            if self.toks[k].text in _BOUNDARY or self.key(k) in self.data.words["relative_pronouns"]:
                return None
            k -= 1
        return None

    def clause_ends(self, a: int, b: int) -> bool:
        """Whether an adverbial clause set off by a comma starts between tokens ``a`` and ``b``
        (", two days after", ", while", ", but"): what is denied or reported ends there."""
        openers = self.data.words["scope_enders"]
        for k in range(a, b):
            if self.toks[k].text == "," and any(self.key(m) in openers for m in range(k + 1, min(k + 4, b))):
                return True
        return False

    def _possessed_subject(self, j: int, s: Sentence) -> str | None:
        """ "its fighters", "their units" right before the verb (token ``j`` the head): the nearest
        actor named before the pronoun in the sentence, else None (the carried subject then)."""
        if j - 1 < s.start or self.key(j - 1) not in self.data.words["possessives"]:
            return None
        if self.data.lemma(self.key(j)) not in self.collapse_lemmas:
            return None
        named = [p for p in s.phrases if p.type == "Actor" and p.iri and p.end <= j - 1]
        return max(named, key=lambda p: p.end).iri if named else None

    def _backed_subject(self, backer: Phrase, s: Sentence) -> Phrase | None:
        """ "Tribal fighters backed by the army's 7th Division expelled", "gunmen supported by Turkish
        forces stormed": the actor named right before "backed by X" acts, X only sponsors it."""
        a = self.outer(backer)
        if a - 2 < s.start or self.key(a - 1) != "by":
            return None
        backing = self.data.words["backing_participles"] | self.data.words["backing_links"]
        if self.key(a - 2) not in backing:
            return None
        actor = self.phrase_ending(a - 2, s)
        return actor if actor is not None and actor.type == "Actor" and actor.iri else None

    def _co_subjects(self, p: Phrase, s: Sentence) -> list[Phrase]:
        """The actors joined to the subject by "and" / "," ("the SDF and the army seized")."""
        out: list[Phrase] = []
        a = self.outer(p)
        if self.key(a - 1) != "and":
            return out  # "talks with X, an ICRC spokeswoman said": a list ends with "and"
        while a - 1 >= s.start and self.key(a - 1) in ("and", ","):
            q = self.phrase_ending(a - 1, s)
            if q is None or q.type != "Actor" or not q.iri:
                break
            if self.key(a - 1) == "," and self.key(self.outer(q) - 1) in self.frames_keys:
                break  # "Under the auspices of Oman, the Houthis and the government agreed": no party
            out.insert(0, q)
            a = self.outer(q)
        return out

    def _support_verb(self, k: int) -> bool:
        """A verb that tells the event of the noun after it ("imposed fees", "tightening a siege"),
        in any inflection: ``english.json`` lists lemmas."""
        support = self.data.words["noun_support_verbs"]
        return self.key(k) in support or (self.key(k).isalpha() and self.lemma(k) in support)

    def _support_verb_before(self, k: int, s: Sentence) -> int:
        """ "hold a new round of UN-sponsored talks": the support verb a few modifiers before the noun
        (articles, adjectives, "round of"), else ``k`` unchanged."""
        m = k
        words = self.data.words
        while m >= s.start and k - m < 9:
            key = self.key(m)
            if self._support_verb(m):
                return m
            if m - 2 >= s.start and self.toks[m - 1].text in _HYPHENS and key in words["backing_participles"]:
                m -= 3  # "UN-sponsored talks", "Saudi-brokered talks": an adjective, no support verb
                continue
            if (
                self.toks[m].text in _BOUNDARY
                or self.phrase_ending(m + 1, s) is not None
                or (key in words["stopwords"] and key not in words["noun_modifiers"])
            ):
                return k
            m -= 1
        return k

    def _pronoun_object(
        self, ev: EventMention, frame: Mapping[str, Any], i: int, end: int, wend: int, s: Sentence
    ) -> None:
        """ "had overrun it", "withdrew from it": the pronoun points at the latest facility or place
        named before the trigger (this sentence, else the one before); used only if the role is missing."""
        k = end
        prep = "object"
        if i in self.inner_objects:
            k, wend = self.inner_objects[i], max(wend, self.inner_objects[i] + 1)  # "handed it back"
        elif k < wend and self.key(k) in self.frames_keys and self.key(k) not in ("subject", "object"):
            prep, k = self.key(k), k + 1
        if self.key(k) in self.data.words["partitives"] and self.key(k + 1) == "of":
            k += 2  # "seized part of it"
            wend = max(wend, k + 1)
        if k >= wend or self.key(k) not in self.data.words["object_pronouns"]:
            return
        found: list[Phrase] = []
        for sent in (self.sentences[s.index - 1], s) if s.index > 0 else (s,):
            locs = {p.loc_at for p in sent.phrases if p.loc_at is not None}
            for p in sent.phrases:
                if p.type in ("Facility", "Place") and p.iri and p.start < i and p.start not in locs:
                    found.append(p)
        if not found:
            return
        small = [p for p in found if p.type == "Facility" or p.subtype not in _WIDE_PLACES]
        antecedent = max(small or found, key=lambda p: p.start)
        role = _role_for(frame.get(prep), antecedent)
        if role and antecedent.iri:
            ev.pronoun_roles.setdefault(role, antecedent.iri)
            ev.rule += "+pronoun-object"


def _handover_of(before: EventMention, handover: EventMention) -> bool:
    """Whether a handover retells the withdrawal just before it: same giver (or none named) and
    the same place given (or a pronoun for it)."""
    if before.type != "Withdrawal" or before.status != handover.status:
        return False
    giver = handover.roles.get("agent", [])
    if giver and giver != before.roles.get("agent", []):
        return False
    given = handover.roles.get("target", []) or list(handover.pronoun_roles.values())
    return not given or bool(set(given) & set(before.roles.get("target", [])))


def find_english_mentions(
    data: EnglishData,
    lex: Lexicon,
    toks: Sequence[Token],
    sentences: Sequence[Sentence],
    timed: frozenset[int] = frozenset(),
) -> list[EventMention]:
    """Every event mention of an English article, in text order (phrases must carry their IRIs)."""
    reader = _EnglishReader(data, lex, toks, sentences, timed)
    out: list[EventMention] = []
    first = 0
    for s in sentences:
        told_before = first  # where the previous sentence's mentions start
        found = reader.triggers(s)
        starts = [a for a, _, _ in found]
        scope: str | None = None
        scope_idx: int | None = None
        prev: tuple[int, EventMention] | None = None  # the last mention of the sentence, its trigger end
        first = len(out)
        for a, b, form in found:
            wend = reader.window_end(b, s, starts)
            spec = lex.types[form.event_type]
            if scope is not None and prev is not None and reader.clause_ends(prev[0], a):
                scope, scope_idx = None, None  # "denied that ..., two days after X blocked": X did
            ev = reader.mention(a, b, form, s, wend, None if spec.speech else scope)
            if not spec.speech and scope is not None and ev.status == scope:
                ev.scoped_by = scope_idx
                ev.rule += f"+scope:{scope}"
            if (
                prev is not None
                and form.pos == "verb"
                and ev.status == "asserted"
                and prev[1].status in ("hypothetical", "negated")
                and reader.coordinated_verb(prev[0], a, s)
            ):
                # "agreed to withdraw their fighters from X and hand the checkpoint to Y", "did not
                # withdraw or hand over": a bare verb joined to a planned or negated one shares its mood
                ev.status = prev[1].status
                ev.rule += "+coordinated-mood"
            if prev is not None and form.pos == "noun" and reader.content_of(prev[0], a, s):
                # "failed to agree on the RSF's withdrawal", "talks on a handover": what is agreed
                # or discussed has not happened (yet)
                if prev[1].status == "negated":
                    ev.status = "negated"
                elif ev.status == "asserted":
                    ev.status = "hypothetical"
                ev.rule += "+content-of-agreement"
            if spec.speech and form.pos == "noun" and form.lemma in data.words["claim_nouns"]:
                # "denied claims by the Houthis that ...": the claim is a speech act of its own, told
                # inside the denial, whose scope goes on over what was claimed
                if not ev.roles.get("speaker"):
                    ev.dropped = True
                    ev.rule += "+no-known-speaker"
                elif scope is None and reader.key(reader.after_time(b)) in data.words["content_markers"]:
                    scope, scope_idx = "reported", len(out)  # "the Houthis' claim that they had captured"
            elif spec.speech:
                if not ev.roles.get("speaker"):
                    ev.dropped = True
                    ev.rule += "+no-known-speaker"
                if spec.scope_status == "denied" and reader.claim_before(a, s):
                    # "they had taken the airport, a claim the army rejected": the denial reaches
                    # back to the claim told before it
                    for earlier in out[first:]:
                        if earlier.status in ("asserted", "reported") and not lex.types[earlier.type].speech:
                            earlier.status, earlier.scoped_by = "denied", len(out)
                            earlier.rule += "+scope:denied-claim"
                elif spec.scope_status == "denied" and not ev.dropped and reader.claim_object(b, s):
                    # "X said it had taken the refinery. The army denied the claim": the claim is the
                    # previous sentence's account
                    for earlier in out[told_before:first]:
                        if earlier.status in ("asserted", "reported") and not lex.types[earlier.type].speech:
                            earlier.status, earlier.scoped_by = "denied", len(out)
                            earlier.rule += "+scope:denied-claim-before"
                # each speech act opens its own scope and closes the one before ("denied that ...,
                # but confirmed it had closed ...": the closure is no longer denied)
                scope, scope_idx = None, None
                if spec.scope_status == "denied":
                    scope, scope_idx = "denied", len(out)
                elif (
                    spec.scope_status == "reported"
                    and form.lemma not in data.words["assertive_speech"]
                    and (
                        form.pos == "ing"
                        or reader.key(reader.after_time(b)) in data.words["content_markers"]
                        or reader.key(reader.after_time(b)) in data.words["subject_pronouns"]
                        or reader.key(reader.after_time(b)) in data.words["possessives"]
                    )
                ):
                    # "said it had", "saying that", "said its forces had": the party's own account
                    scope, scope_idx = "reported", len(out)
            if (
                ev.type == "Handover"
                and prev is not None
                and _handover_of(prev[1], ev)
                and all(reader.key(k) != "or" for k in range(prev[0], a))  # "leave X or hand it to Y": two
            ):
                # "withdrew from the dam, handing it to RSF units": one event, told as a handover
                prev[1].type = "Handover"
                for iri in ev.roles.get("beneficiary", []):
                    prev[1].add("beneficiary", iri)
                prev[1].rule += "+handover-retold"
                continue
            if ev.type == "SiegeLifting" and ev.status == "negated":
                # "easing but not ending their siege", "did not lift the siege": the siege goes on
                ev.type, ev.status = "Siege", "asserted"
                ev.rule += "+siege-not-lifted"
            if (
                spec.speech
                and form.pos == "ing"
                and (
                    (prev is not None and lex.types[prev[1].type].speech)
                    or (
                        form.lemma not in data.words["assertive_speech"]
                        and any(lex.types[m.type].speech for m in out[first:])
                    )
                )
            ):
                # "X rejected the claim, saying ...", "X denied claims that Y had captured Z, saying ...":
                # the same speech act goes on
                ev.dropped = True
                ev.rule += "+speech-elaboration"
            elif (
                spec.speech
                and form.lemma in data.words.get("continuing_speech", frozenset())
                and ev.roles.get("speaker")
                and any(
                    m.type == ev.type and not m.dropped and m.roles.get("speaker") == ev.roles["speaker"]
                    for m in out
                )
            ):
                # "X said in a statement ... X added that ...": the statement goes on, no second one
                ev.dropped = True
                ev.rule += "+speech-continued"
            out.append(ev)
            prev = (b, ev)
        _share_parties(out[first:])
        _fronted_mediator(reader, s, out[first:])
    return out


def _fronted_mediator(reader: _EnglishReader, s: Sentence, told: Sequence[EventMention]) -> None:
    """ "Under the auspices of Qatar, X and Y met ...", "Through Omani mediation by X, ...": a
    mediation phrase before the sentence's first clause names the mediator of its talks and deals."""
    for seq in reader.data.sequences.get("fronted_mediation", ()):
        k = s.start
        if not all(reader.key(k + n) == w for n, w in enumerate(seq)):
            continue
        k += len(seq)
        while reader.key(k) in reader.data.words["determiners"]:
            k += 1
        mediator = reader.phrase_at(k, s)
        if mediator is None or mediator.type != "Actor" or not mediator.iri:
            return
        for m in told:
            if (
                m.type in ("Negotiation", "Agreement")
                and not m.roles.get("mediator")
                and mediator.iri not in m.roles.get("party", [])
            ):
                m.add("mediator", mediator.iri)
                m.rule += "+mediator:fronted"
        return


def _share_parties(told: Sequence[EventMention]) -> None:
    """ "The SDF and the army, in talks brokered by Russia, agreed ...", "X and Y agreed, through
    Russian mediation, to ...": talks named without their parties in a sentence whose agreement
    names them are the same parties' talks."""
    agreed = [m for m in told if m.type == "Agreement" and len(m.roles.get("party", [])) >= 2]
    if not agreed:
        return
    for m in told:
        if m.type == "Negotiation" and not m.roles.get("party"):
            for iri in agreed[0].roles["party"]:
                m.add("party", iri)
            m.rule += "+parties-of-agreement"
