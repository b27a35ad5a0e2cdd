"""Language data of the extractor, read from ``extract/data/*.json`` and expanded into lookup tables.

Lexical knowledge lives in data files, never in code: head nouns (``heads.json``), function words and
markers (``lexicon.json``) and event triggers with their argument frames (``triggers.json``). This
module turns them into sets and dicts keyed by :func:`~conflictkg.extract.normalize.match_key`, and
generates inflected forms (conjugations, verbal nouns, participles, duals, suffixed forms) from roots
and stems, so that a data file lists a verb once, not each of its forms.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from conflictkg.errors import ConfigurationError
from conflictkg.extract.normalize import match_key

__all__ = [
    "CoreRole",
    "HeadNoun",
    "Lexicon",
    "TriggerForm",
    "TypeSpec",
    "conjugate_past",
    "conjugate_present",
    "derive_stems",
    "inflect_noun",
    "load_lexicon",
]

_PRONOUNS = ("ها", "هما", "هم", "هن", "ه")

#: Derived verb forms of a sound root c1 c2 c3 (or c1..c4 for "Q"): past, present, verbal noun, participle.
_FORMS: dict[str, tuple[str, str, str, str]] = {
    "II": ("{1}{2}{3}", "ي{1}{2}{3}", "ت{1}{2}ي{3}", "م{1}{2}{3}"),
    "III": ("{1}ا{2}{3}", "ي{1}ا{2}{3}", "م{1}ا{2}{3}ة", "م{1}ا{2}{3}"),
    "IV": ("أ{1}{2}{3}", "ي{1}{2}{3}", "إ{1}{2}ا{3}", "م{1}{2}{3}"),
    "V": ("ت{1}{2}{3}", "يت{1}{2}{3}", "ت{1}{2}{3}", "مت{1}{2}{3}"),
    "VI": ("ت{1}ا{2}{3}", "يت{1}ا{2}{3}", "ت{1}ا{2}{3}", "مت{1}ا{2}{3}"),
    "VII": ("ان{1}{2}{3}", "ين{1}{2}{3}", "ان{1}{2}ا{3}", "من{1}{2}{3}"),
    "VIII": ("ا{1}ت{2}{3}", "ي{1}ت{2}{3}", "ا{1}ت{2}ا{3}", "م{1}ت{2}{3}"),
    "X": ("است{1}{2}{3}", "يست{1}{2}{3}", "است{1}{2}ا{3}", "مست{1}{2}{3}"),
    "Q": ("{1}{2}{3}{4}", "ي{1}{2}{3}{4}", "{1}{2}{3}{4}ة", "م{1}{2}{3}{4}"),
}


def derive_stems(root: str, form: str) -> tuple[str, str, str, str]:
    """(past, present, verbal noun, participle) of a sound ``root`` in verb ``form`` (II..X or Q)."""
    letters = [c for c in root if not c.isspace()]
    if form not in _FORMS:
        raise ConfigurationError(f"unknown verb form {form!r} for root {root!r}: use one of {sorted(_FORMS)}")
    need = 4 if form == "Q" else 3
    if len(letters) != need:
        raise ConfigurationError(f"root {root!r} must have {need} letters for form {form}")

    def fill(pattern: str) -> str:
        for i, c in enumerate(letters):
            pattern = pattern.replace("{" + str(i + 1) + "}", c)
        return pattern

    past, present, noun, participle = (fill(p) for p in _FORMS[form])
    return past, present, noun, participle


def conjugate_past(stem: str) -> set[str]:
    """Perfect forms: 3rd person sing/dual/plural, masc/fem, 1st/2nd plural, with object suffixes."""
    forms: set[str] = set()
    if stem.endswith(("ى", "ي")):  # defective verbs: نفى -> نفت، نفوا، نفيا
        base = stem[:-1]
        forms |= {stem, base + "ت", base + "وا", base + "يا", base + "تا", base + "ين", base + "ينا"}
    else:
        forms |= {stem + s for s in ("", "ت", "وا", "ا", "تا", "ن", "نا", "تم")}
    with_objects = {f[:-1] if f.endswith("وا") else f for f in forms}
    forms |= {f + p for f in with_objects for p in _PRONOUNS}
    return forms


def conjugate_present(stem: str) -> set[str]:
    """Imperfect forms from the 3ms stem (يفعل): person prefixes, number suffixes, future سـ, objects."""
    if not stem.startswith(("ي", "ی")):
        raise ConfigurationError(f"present stem {stem!r} must start with ي (3rd person masculine)")
    body = stem[1:]
    forms: set[str] = set()
    for prefix in ("ي", "ت", "ن", "أ"):
        base = prefix + body
        forms |= {base, base + "ون", base + "ان", base + "ين", base + "وا", base + "ن"}
        if len(body) > 2 and body.endswith("ي"):
            # defective verbs lose their final ي before the plural و: ينفي -> ينفون، يخلي -> يخلوا
            forms |= {base[:-1] + "ون", base[:-1] + "وا"}
            forms |= {base[:-1] + "و" + p for p in _PRONOUNS}
            if len(base) > 4:
                # the jussive after لم drops the final ي ("لم تستوف"); a short stem would read as
                # another word ("يجب": must), so only stems of four letters or more
                forms |= {base[:-1]}
    forms |= {"س" + f for f in list(forms)}
    # object pronouns: "يسلمونها", "تغادرانه"; the subjunctive plural drops its alif ("أن يغادروه")
    with_objects = {f[:-1] if f.endswith("وا") else f for f in forms}
    forms |= {f + p for f in with_objects for p in _PRONOUNS}
    return forms


def inflect_noun(noun: str, *, adjective: bool = False) -> dict[str, bool]:
    """A noun's forms -> whether the form carries a pronoun suffix.

    Definite ال, dual, sound plurals, and (nouns only) pronoun suffixes (اقتحامها, طردها); the
    suffix flag is decided here, before normalisation folds ة into ه and hides it.
    """
    base = noun
    forms = {base}
    if base.endswith("ة"):
        stem = base[:-1]
        forms |= {stem + "ات", stem + "تان", stem + "تين", stem + "تي", stem + "تا"}
        suffix_base = stem + "ت"
    else:
        forms |= {base + "ان", base + "ين", base + "ي", base + "ا"}
        if adjective:
            forms |= {base + "ة", base + "ون", base + "ات", base + "تين", base + "تان"}
        suffix_base = base
    out = {f: False for f in forms} | {"ال" + f: False for f in forms}
    if not adjective:
        out |= {suffix_base + p: True for p in _PRONOUNS}
    return out


@dataclass(frozen=True, slots=True)
class HeadNoun:
    """A head noun that opens an entity name (\"مديرية ...\", \"قوات ...\", \"حيي ...\")."""

    singular: str
    #: the singular as written in the data file (for labels: "شعبة" rather than the key "شعبه")
    surface: str
    entity_type: str
    subtype: str
    number: str  # "sg" | "du" | "pl"
    located: bool
    collapse: bool
    #: False for heads that only name through what they belong to ("مسلحون من X" is X), never alone
    chain: bool = True
    #: a facility head that also names an area (Yemeni "مديرية حيس", a district): that area's subtype
    area_subtype: str | None = None
    #: keys of words after which the head names nothing ("حركة المسافرين": traffic, not a movement)
    not_before: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class TriggerForm:
    """One inflected form of an event trigger."""

    event_type: str
    lemma: str
    pos: str  # "verb" | "noun" | "participle"; English adds "past" (past or passive participle) and "ing"
    pronoun_suffix: bool
    transitive: bool = False
    #: Arabic verbs: "past", "present" or "future" (the present with سـ: سيفرض، ستنسحب); "" otherwise.
    #: A plan marker reaches a present or future verb across its clause, never a past one.
    tense: str = ""


@dataclass(frozen=True, slots=True)
class CoreRole:
    """A role an event cannot be told without: at least ``min`` fillers, of one of ``types`` if given.

    The pseudo-role ``denies`` counts the events a denial denies. Declared per type in
    ``triggers.json`` (``core``) so that completeness is data, checked by one mechanism (``frames.py``).
    """

    role: str
    min: int = 1
    types: frozenset[str] = frozenset()

    def accepts(self, entity_type: str | None) -> bool:
        return not self.types or entity_type in self.types


@dataclass(frozen=True, slots=True)
class TypeSpec:
    """What the data file says about an event type: its frame and how its mentions behave."""

    name: str
    frame: Mapping[str, Any]
    merge: str
    speech: bool
    absorb_event_complement: bool
    default_agent: str | None
    status: str | None
    scope_status: str | None
    changes_control: str | None
    core: tuple[CoreRole, ...] = ()
    #: core role -> (source event type, its role to copy, the role both must share): coreference fills
    fill: Mapping[str, tuple[str, str, str]] = field(default_factory=dict)


@dataclass(frozen=True)
class Lexicon:
    """Every lookup table of the pipeline, keyed by normalised form."""

    heads: Mapping[str, HeadNoun]
    triggers: Mapping[str, TriggerForm]
    types: Mapping[str, TypeSpec]
    words: Mapping[str, frozenset[str]]
    sequences: Mapping[str, tuple[tuple[str, ...], ...]]
    participles: Mapping[str, str]
    proclitics: tuple[str, ...]
    article_dropping: frozenset[str]
    min_stem_chars: int
    vocabulary: frozenset[str] = field(default=frozenset())
    #: sequences of each group by their first word, and by their last word (fast lookups)
    by_first: Mapping[str, Mapping[str, tuple[tuple[str, ...], ...]]] = field(default_factory=dict)
    by_last: Mapping[str, Mapping[str, tuple[tuple[str, ...], ...]]] = field(default_factory=dict)
    #: every reading of a trigger form claimed by more than one lexeme or tense (the first is in ``triggers``)
    readings: Mapping[str, tuple[TriggerForm, ...]] = field(default_factory=dict)
    #: each group's words, also with و/ف glued before them: ``has`` is called for nearly every token
    conjoined: Mapping[str, frozenset[str]] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self.conjoined:
            object.__setattr__(
                self,
                "conjoined",
                {
                    group: words | {c + w for c in "وف" for w in words if len(w) > 1}
                    for group, words in self.words.items()
                },
            )

    def verb_reading(self, key: str, *, folded: bool = False) -> TriggerForm | None:
        """The verb reading of a trigger form after a particle that takes a verb: the present one
        (``تسلم``: تُسلِّم, hands over), else the past one of a form first read as a noun (``طرد``);
        ``folded``: the word was written with ة, so it is a noun whatever its key says."""
        readings = self.readings.get(key, ())
        present = next((r for r in readings if r.tense == "present"), None)
        if present is not None or folded:
            return present
        first = readings[0] if readings else None
        if first is None or first.pos != "noun":
            return None
        return next((r for r in readings if r.tense == "past"), None)

    def has(self, group: str, key: str) -> bool:
        """Whether ``key`` is one of the words of ``group`` (also after a leading و or ف)."""
        conjoined = self.conjoined.get(group)
        if conjoined is None:
            words = self.words[group]
            return key in words or (len(key) > 2 and key[0] in "وف" and key[1:] in words)
        return key in conjoined


def _read(name: str) -> dict[str, Any]:
    try:
        raw = resources.files("conflictkg.extract").joinpath("data", name).read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise ConfigurationError(
            f"extractor data file data/{name} is missing from conflictkg.extract: reinstall the package"
        ) from exc
    try:
        data: dict[str, Any] = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise ConfigurationError(f"extractor data file data/{name} is not valid JSON: {exc}") from exc
    return data


def _keys(words: Iterable[str]) -> frozenset[str]:
    return frozenset(k for k in (match_key(w) for w in words) if k)


def _heads(data: Mapping[str, Any]) -> dict[str, HeadNoun]:
    out: dict[str, HeadNoun] = {}
    for entity_type in ("Facility", "Place", "Actor"):
        for item in data.get(entity_type, []):
            sg = item["sg"]
            located = bool(item.get("located", entity_type == "Facility"))
            collapse = bool(item.get("collapse", entity_type == "Place"))
            chain = bool(item.get("chain", True))
            variants: dict[str, str] = {sg: "sg"}
            stem = sg[:-1] if sg.endswith("ة") else sg
            tail = "ت" if sg.endswith("ة") else ""
            for dual in ("ي", "ا", "ان", "ين"):
                variants.setdefault(stem + tail + dual, "du")
            for pl in item.get("pl", []):
                variants[pl] = "pl"
            for form, number in variants.items():
                head = HeadNoun(
                    match_key(sg),
                    sg,
                    entity_type,
                    item["subtype"],
                    number,
                    located,
                    collapse,
                    chain,
                    item.get("area_subtype"),
                    _keys(item.get("not_before", ())),
                )
                for surface in (form, "ال" + form):
                    out.setdefault(match_key(surface), head)
    return out


def _lexeme_forms(lexeme: Mapping[str, Any]) -> list[tuple[str, str, str]]:
    """(form, pos, lemma) for every generated form of one lexeme; a verb's pos carries its tense
    ("verb:past", "verb:present", "verb:future")."""
    past: str | None = lexeme.get("past")
    present: str | None = lexeme.get("present")
    nouns: list[str] = list(lexeme.get("nouns", []))
    participles: list[str] = list(lexeme.get("participles", []))
    if "root" in lexeme:
        p, pr, vn, part = derive_stems(lexeme["root"], lexeme["form"])
        past, present = past or p, present or pr
        nouns = [vn, *nouns]
        participles = [part, *participles]
    lemma = past or (nouns[0] if nouns else "")
    out: list[tuple[str, str, str]] = []
    for n in nouns:
        out += [(f, "noun+suffix" if suffixed else "noun", lemma) for f, suffixed in inflect_noun(n).items()]
    for p in participles:
        out += [(f, "participle", lemma) for f in inflect_noun(p, adjective=True)]
    if past:
        out += [(f, "verb:past", lemma) for f in conjugate_past(past)]
    if present:
        forms = conjugate_present(present)
        # سـ + a present form is the future ("ستنسحب"); the stem's own س ("سيطر") is not
        out += [
            (f, "verb:future" if f[:1] == "س" and f[1:] in forms else "verb:present", lemma) for f in forms
        ]
    return out


def _frame(frame: Mapping[str, Any]) -> dict[str, Any]:
    """Frame keys are prepositions: normalise them like the tokens they are compared with."""
    out: dict[str, Any] = {}
    for key, value in frame.items():
        norm = (
            key
            if key in ("subject", "object", "agent_of_noun")
            else " ".join(match_key(w) for w in key.split())
        )
        out[norm] = value
    return out


def _core(type_name: str, item: Mapping[str, Any]) -> CoreRole:
    role = item.get("role")
    if not isinstance(role, str) or not role:
        raise ConfigurationError(
            f"data/triggers.json: a core role of {type_name} has no 'role' name ({item!r}): give each "
            'core entry a role, e.g. {"role": "agent", "min": 1}'
        )
    minimum = item.get("min", 1)
    if not isinstance(minimum, int) or minimum < 1:
        raise ConfigurationError(
            f"data/triggers.json: core role {role!r} of {type_name} has min={minimum!r}: use an integer >= 1"
        )
    return CoreRole(role, minimum, frozenset(item.get("types", ())))


def _triggers(
    data: Mapping[str, Any],
) -> tuple[dict[str, TriggerForm], dict[str, TypeSpec], dict[str, tuple[TriggerForm, ...]]]:
    forms: dict[str, TriggerForm] = {}
    readings: dict[str, list[TriggerForm]] = {}
    specs: dict[str, TypeSpec] = {}
    for name, spec in data["types"].items():
        specs[name] = TypeSpec(
            name=name,
            frame=_frame(spec.get("frame", {})),
            merge=spec.get("merge", "clause"),
            speech=bool(spec.get("speech", False)),
            absorb_event_complement=bool(spec.get("absorb_event_complement", False)),
            default_agent=spec.get("default_agent"),
            status=spec.get("status"),
            scope_status=spec.get("scope_status"),
            changes_control=spec.get("changes_control"),
            core=tuple(_core(name, c) for c in spec.get("core", [])),
            fill={
                role: (rule["from"], rule.get("role", role), rule.get("match", "agent"))
                for role, rule in spec.get("fill", {}).items()
            },
        )
        for lexeme in spec["lexemes"]:
            for form, pos, lemma in _lexeme_forms(lexeme):
                # the first claim on a form keeps it: nouns before verbs (ة/ه fold together), and
                # the order of the data file decides between types; the other claims are kept as
                # readings the context may choose ("أن تسلمه": a present verb, not the noun تسلّم)
                key = match_key(form)
                reading = TriggerForm(
                    name,
                    match_key(lemma),
                    pos.removesuffix("+suffix").split(":")[0],
                    pos.endswith("+suffix"),
                    bool(lexeme.get("transitive", False)),
                    pos.partition(":")[2],
                )
                forms.setdefault(key, reading)
                if reading not in readings.setdefault(key, []):
                    readings[key].append(reading)
    return forms, specs, {k: tuple(v) for k, v in readings.items() if len(v) > 1}


def _participles(stems: Iterable[str]) -> dict[str, str]:
    """Every inflected form of each participle -> its stem key (الواقعة -> واقع)."""
    out: dict[str, str] = {}
    for s in stems:
        for f in inflect_noun(s, adjective=True):
            out.setdefault(match_key(f), match_key(s))
    return out


@cache
def load_lexicon() -> Lexicon:
    """The lexicon, built once per process from the data files."""
    heads = _heads(_read("heads.json"))
    triggers, types, readings = _triggers(_read("triggers.json"))
    lex = _read("lexicon.json")
    words: dict[str, frozenset[str]] = {}
    sequences: dict[str, tuple[tuple[str, ...], ...]] = {}
    for group, value in lex.items():
        if group.startswith("_") or not isinstance(value, list) or not value:
            continue
        if isinstance(value[0], list):
            seqs = tuple(tuple(match_key(w) for w in seq) for seq in value)
            sequences[group] = tuple(sorted(seqs, key=len, reverse=True))
        else:
            words[group] = _keys(value)
    participles = _participles(lex["participles"])
    vocabulary = set(heads) | set(triggers) | set(participles)
    for group in (
        "support_nouns",
        "support_verbs",
        "clause_openers",
        "latter",
        "demonstratives",
        "lift_markers",
    ):
        vocabulary |= words.get(group, frozenset())
    for seqs in sequences.values():
        for seq in seqs:
            vocabulary |= set(seq)
    by_first: dict[str, dict[str, tuple[tuple[str, ...], ...]]] = {}
    by_last: dict[str, dict[str, tuple[tuple[str, ...], ...]]] = {}
    for group, seqs in sequences.items():
        first: dict[str, list[tuple[str, ...]]] = {}
        last: dict[str, list[tuple[str, ...]]] = {}
        for seq in seqs:  # already longest first
            first.setdefault(seq[0], []).append(seq)
            last.setdefault(seq[-1], []).append(seq)
        by_first[group] = {k: tuple(v) for k, v in first.items()}
        by_last[group] = {k: tuple(v) for k, v in last.items()}
    return Lexicon(
        readings=readings,
        by_first=by_first,
        by_last=by_last,
        heads=heads,
        triggers=triggers,
        types=types,
        words=words,
        sequences=sequences,
        participles=participles,
        proclitics=tuple(sorted((match_key(c) for c in lex["proclitics"]), key=len, reverse=True)),
        article_dropping=_keys(lex["article_dropping_clitics"]),
        min_stem_chars=int(lex.get("min_stem_chars", 3)),
        vocabulary=frozenset(v for v in vocabulary if len(v) >= int(lex.get("min_stem_chars", 3))),
    )
