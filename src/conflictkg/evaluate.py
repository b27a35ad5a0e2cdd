"""The extraction scorer behind ``conflictkg eval GOLD_DIR``: gold files against the extractor's facts.

Why this module: extraction rules are tuned by hand, and only a fixed definition of "right" tells
whether a change helped. This docstring *is* that definition; the tests pin it down.

Gold files (format of ``../shared/seed/expected.json``) are found recursively in GOLD_DIR:

- a ``*.json`` object with ``entities`` and ``events`` keys (an object with an ``article`` key is
  the extractor's own output and is skipped). Its text is the ``text`` key, else ``<stem>.txt``
  beside it, else ``article.txt`` beside it when the file is ``expected.json``;
- a ``*.json`` list of such objects, or a ``*.jsonl`` file with one per line: short passages,
  each with ``id``, ``text`` and optionally ``published``, ``language``, ``phenomenon`` and
  ``split`` (``dev`` or ``heldout``).
A malformed gold file raises :class:`~conflictkg.errors.InputError` naming the file, the item and
the key.

Matching (each layer is a one-to-one, maximum bipartite matching between gold and predicted items;
exact pairs are matched first, so the alignment prefers them; micro-averaged P/R/F1 over TP/FP/FN):

- text normalisation: NFKC; quotes, diacritics and tatweel removed; alef/hamza forms (أ إ آ ٱ) to
  ا, ؤ to و, ئ to ي, ى to ي, ة to ه; other punctuation to spaces; lower case; whitespace collapsed.
  Two words are equal when they are equal after stripping up to two leading clitics (و ف ب ل ك,
  and لل read as ال) from either of them.
- entities: a gold entity and a predicted entity of the same type match when some predicted
  mention text (the label when it has no mention) and some gold ``surface``/``mentions``/
  ``clitic_forms`` form are equal word for word (an *exact* pair), or one contains the other as
  whole consecutive words. Gold ``anaphors`` are neither required nor used. Two gold entities with
  one surface (the dual F10/F11) need two predicted entities. Group entities (``G*``, or any with
  ``members``) are matched as entities in their own right. The matching gives the *alignment*
  gold id -> predicted IRI used by the two layers below.
- events: the predicted type must equal the gold type, where a gold ``Other`` maps by its
  ``subtype`` through :data:`OTHER_SUBTYPES` (an unknown subtype can never match and is reported
  as such; ``RoadOpening`` and ``CheckpointRemoval`` are a predicted ``Reopening``), a gold
  ``Siege`` (or ``Closure``) with ``"phase": "lifted"`` needs a predicted ``SiegeLifting`` (or
  ``Reopening``) and one without a phase never matches those, and a gold ``Withdrawal`` also
  accepts a predicted ``Handover`` (a handover is a withdrawal: :data:`ACCEPTED_TYPES`);
  and some normalised gold trigger must occur inside the normalised predicted trigger
  or evidence text, or the predicted trigger inside a gold trigger. Secondary figure: for matched
  events, the agents are right when the aligned gold ``agents`` equal the predicted fillers of
  the roles in :data:`AGENT_ROLES`. Time, a second secondary figure: for matched events whose gold
  has ``time_bounds`` (``{"earliest", "latest"}``, ISO dates), the predicted ``time`` is *exact*
  when both its bounds equal the gold ones, and *contains* the gold when its interval covers the
  gold interval (a missing bound is open on that side). A prediction with no time, or with no
  bound at all, is neither: an unknown time must not pass for one that covers everything.
- control: gold ``(holder ids, target id, status)`` against predicted tuples: each control period
  (``kind="control"``; presence is not control) gives ``started`` when it has ``started_by``,
  ``ended`` when it has ``ended_by`` (both when it has both), ``held`` when it has neither or when the
  article states the holding itself (``stated``: "which it had held since 2017", then handed over); each
  predicted Seizure with status ``denied`` gives ``(agent, target, "denied")`` for every agent
  and target. Statuses must be equal, the predicted holder must be the aligned IRI of one of the
  gold holders, and the predicted target the aligned IRI of the gold target or, when the gold
  target is a group, any predicted group entity.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from conflictkg.errors import InputError
from conflictkg.facts import (
    ENTITY_TYPES,
    EVENT_TYPES,
    Article,
    ArticleFacts,
    ControlPeriod,
    Entity,
    Event,
    Span,
    When,
    event_type_from_json,
)
from conflictkg.iri import article_iri, article_key

__all__ = [
    "ACCEPTED_TYPES",
    "AGENT_ROLES",
    "CONTROL_STATUSES",
    "LAYERS",
    "LIFTED_TYPES",
    "OTHER_SUBTYPES",
    "SPLITS",
    "AgentScore",
    "ArticleScore",
    "Counts",
    "EvalReport",
    "GoldItem",
    "ItemScore",
    "ScoreError",
    "TimeScore",
    "evaluate",
    "facts_from_json",
    "gold_event_type",
    "load_gold",
    "normalize",
    "score_article",
]

LAYERS: tuple[str, ...] = ("entities", "events", "control")
CONTROL_STATUSES: tuple[str, ...] = ("started", "ended", "held", "denied")
SPLITS: tuple[str, ...] = ("dev", "heldout")
#: gold ``Other`` subtype -> the predicted event type it must have.
OTHER_SUBTYPES: dict[str, str] = {
    "Promise": "Promise",
    "Deployment": "Deployment",
    "RoadOpening/CheckpointRemoval": "Reopening",
    "RoadOpening": "Reopening",
    "CheckpointRemoval": "Reopening",
    "SecurityMeasures": "Statement",
    "Announcement": "Announcement",
    "Statement": "Statement",
    "Agreement": "Agreement",
    "Levy": "Levy",
}
#: gold type with ``"phase": "lifted"`` -> the predicted type that ends such an event.
LIFTED_TYPES: dict[str, str] = {"Siege": "SiegeLifting", "Closure": "Reopening"}
#: the type a gold event needs -> every predicted type that matches it (a subclass counts as its class).
ACCEPTED_TYPES: dict[str, frozenset[str]] = {"Withdrawal": frozenset({"Withdrawal", "Handover"})}
#: predicted roles whose fillers stand for the gold ``agents``.
AGENT_ROLES: tuple[str, ...] = ("agent", "party", "besieger", "speaker")


# --- normalisation -----------------------------------------------------------------------------------------

_QUOTES = "\"'“”„‟«»‘’‚‛`´"
_DROP = (
    _QUOTES
    + "\u0640\u200c\u200d\u200e\u200f\ufeff"
    + "".join(chr(c) for c in range(0x064B, 0x0660))
    + "\u0670"
)
_TABLE: dict[int, int | str | None] = {ord(c): None for c in _DROP}
_TABLE.update({ord(c): "ا" for c in "أإآٱ"})
_TABLE.update({ord("ؤ"): "و", ord("ئ"): "ي", ord("ى"): "ي", ord("ة"): "ه"})
_TABLE.update({ord(c): " " for c in ",،.;؛:!?؟()[]{}<>/\\|-–—…"})
_CLITICS = "وفبلك"


def normalize(text: str) -> str:
    """The matching form of ``text`` (see the module docstring)."""
    return " ".join(unicodedata.normalize("NFKC", text).translate(_TABLE).lower().split())


def _word_forms(word: str) -> frozenset[str]:
    """A word and what remains after stripping one or two leading clitics."""
    forms = {word}
    frontier = [word]
    for _ in range(2):
        nxt: list[str] = []
        for w in frontier:
            if w.startswith("لل") and len(w) > 3:
                nxt.append("ال" + w[2:])
            if w[:1] in _CLITICS and len(w) > 2:
                nxt.append(w[1:])
        forms.update(nxt)
        frontier = nxt
    return frozenset(forms)


def _words(text: str) -> tuple[frozenset[str], ...]:
    return tuple(_word_forms(w) for w in normalize(text).split())


def _contains(hay: Sequence[frozenset[str]], needle: Sequence[frozenset[str]]) -> bool:
    """``needle`` occurs in ``hay`` as whole consecutive words (clitics tolerated)."""
    n = len(needle)
    if n == 0 or n > len(hay):
        return False
    return any(all(hay[i + k] & needle[k] for k in range(n)) for i in range(len(hay) - n + 1))


def _text_match(a: Sequence[frozenset[str]], b: Sequence[frozenset[str]]) -> int:
    """2 for equal word for word, 1 when one contains the other, 0 otherwise."""
    if len(a) == len(b) and _contains(a, b):
        return 2
    return 1 if _contains(a, b) or _contains(b, a) else 0


# --- scores --------------------------------------------------------------------------------------------------


@dataclass
class Counts:
    """True positives, false positives and false negatives of one layer.

    With nothing predicted precision is 1.0, with nothing in the gold recall is 1.0 (nothing was
    wrong, nothing was missed); F1 is then 0.0 unless both are 1.0.
    """

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def to_json(self) -> dict[str, Any]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass
class AgentScore:
    """Of the matched events, how many have exactly the gold agents (aligned to predicted IRIs)."""

    correct: int = 0
    total: int = 0

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 1.0

    def __add__(self, other: AgentScore) -> AgentScore:
        return AgentScore(self.correct + other.correct, self.total + other.total)

    def to_json(self) -> dict[str, Any]:
        return {"correct": self.correct, "total": self.total, "accuracy": round(self.accuracy, 4)}


@dataclass
class TimeScore:
    """Of the matched events whose gold has ``time_bounds``: how many predicted bounds equal / contain them."""

    exact: int = 0
    contains: int = 0
    total: int = 0

    @property
    def exact_share(self) -> float:
        return self.exact / self.total if self.total else 1.0

    @property
    def contains_share(self) -> float:
        return self.contains / self.total if self.total else 1.0

    def __add__(self, other: TimeScore) -> TimeScore:
        return TimeScore(self.exact + other.exact, self.contains + other.contains, self.total + other.total)

    def to_json(self) -> dict[str, Any]:
        return {
            "exact": self.exact,
            "contains": self.contains,
            "total": self.total,
            "exact_share": round(self.exact_share, 4),
            "contains_share": round(self.contains_share, 4),
        }

    def line(self) -> str:
        """The figure as one line of the text table."""
        return (
            f"exact {self.exact}/{self.total} ({self.exact_share:.3f}),"
            f" contains {self.contains}/{self.total} ({self.contains_share:.3f})"
        )


@dataclass(frozen=True)
class ScoreError:
    """One false negative (a gold item missed) or false positive (a predicted item not in the gold)."""

    item: str
    layer: str
    kind: str  # "FN" or "FP"
    id: str
    text: str

    def to_json(self) -> dict[str, str]:
        return {"item": self.item, "layer": self.layer, "kind": self.kind, "id": self.id, "text": self.text}


@dataclass
class ArticleScore:
    """The score of one gold item: counts per layer, agents, errors and the entity alignment."""

    counts: dict[str, Counts] = field(default_factory=lambda: {layer: Counts() for layer in LAYERS})
    agents: AgentScore = field(default_factory=AgentScore)
    time: TimeScore = field(default_factory=TimeScore)
    errors: list[ScoreError] = field(default_factory=list)
    #: gold entity id -> predicted entity IRI
    alignment: dict[str, str] = field(default_factory=dict)

    @property
    def entities(self) -> Counts:
        return self.counts["entities"]

    @property
    def events(self) -> Counts:
        return self.counts["events"]

    @property
    def control(self) -> Counts:
        return self.counts["control"]


# --- matching ------------------------------------------------------------------------------------------------


def _matching(n_left: int, edges: dict[tuple[int, int], int]) -> dict[int, int]:
    """Maximum one-to-one matching (left -> right); edges of weight 2 are matched before weight 1."""
    strong: list[list[int]] = [[] for _ in range(n_left)]
    every: list[list[int]] = [[] for _ in range(n_left)]
    for (u, v), w in sorted(edges.items(), key=lambda e: (-e[1], e[0])):
        if w >= 2:
            strong[u].append(v)
        every[u].append(v)
    owner: dict[int, int] = {}  # right -> left

    def augment(u: int, adjacency: list[list[int]], seen: set[int]) -> bool:
        for v in adjacency[u]:
            if v in seen:
                continue
            seen.add(v)
            if v not in owner or augment(owner[v], adjacency, seen):
                owner[v] = u
                return True
        return False

    for adjacency in (strong, every):
        matched = set(owner.values())
        for u in range(n_left):
            if u not in matched and augment(u, adjacency, set()):
                matched.add(u)
    return {u: v for v, u in owner.items()}


def _as_list(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value]


def _entity_forms(gold: dict[str, Any]) -> list[tuple[frozenset[str], ...]]:
    texts = [gold.get("surface"), *_as_list(gold.get("mentions")), *_as_list(gold.get("clitic_forms"))]
    return [w for w in (_words(t) for t in texts if t) if w]


def _predicted_forms(entity: Entity) -> list[tuple[frozenset[str], ...]]:
    texts = [m.text for m in entity.mentions] or [entity.label]
    return [w for w in (_words(t) for t in texts) if w]


def _is_gold_group(gold: dict[str, Any]) -> bool:
    return str(gold["id"]).startswith("G") or bool(gold.get("members"))


def gold_event_type(gold: dict[str, Any]) -> str | None:
    """The predicted type a gold event needs; ``None`` for an ``Other`` subtype we cannot map."""
    if gold["type"] == "Other":
        return OTHER_SUBTYPES.get(str(gold.get("subtype")))
    if gold.get("phase") == "lifted" and gold["type"] in LIFTED_TYPES:
        return LIFTED_TYPES[str(gold["type"])]
    return str(gold["type"])


def _type_match(wanted: str | None, predicted: str) -> bool:
    """Whether a predicted event type satisfies the type a gold event needs."""
    return wanted is not None and predicted in ACCEPTED_TYPES.get(wanted, frozenset({wanted}))


def _trigger_match(triggers: list[str], event: Event) -> bool:
    gold = [normalize(t) for t in triggers if normalize(t)]
    found = [normalize(event.evidence.text)]
    own = normalize(event.trigger.text) if event.trigger is not None else ""
    if own:
        found.append(own)
    if any(g in f for g in gold for f in found):
        return True
    return bool(own) and any(own in g for g in gold)


def _control_tuples(facts: ArticleFacts) -> list[tuple[str, str, str, str]]:
    """(holder, target, status, where from) of the predicted facts."""
    tuples: list[tuple[str, str, str, str]] = []
    for period in facts.control:
        if period.kind != "control":
            continue
        statuses = [s for s, by in (("started", period.started_by), ("ended", period.ended_by)) if by]
        if not statuses or period.stated is not None:
            statuses.append("held")
        for status in statuses:
            tuples.append((period.holder, period.facility, status, period.id))
    for event in facts.events:
        if event.type == "Seizure" and event.status == "denied":
            for agent in event.roles.get("agent", []):
                for target in event.roles.get("target", []):
                    tuples.append((agent, target, "denied", event.id))
    return tuples


def score_article(gold: dict[str, Any], predicted: ArticleFacts, *, item: str = "") -> ArticleScore:
    """Score one article's predicted facts against its gold (a dict in the expected.json format).

    ``item`` names the article in errors. A malformed gold dict raises :class:`InputError`.
    """
    _check(item or "(gold given to score_article)", gold)
    score = ArticleScore()
    labels = {e.id: e.label for e in predicted.entities}
    gold_entities: list[dict[str, Any]] = list(gold.get("entities", []))
    gold_by_id = {str(g["id"]): g for g in gold_entities}

    # entities
    edges: dict[tuple[int, int], int] = {}
    gforms = [_entity_forms(g) for g in gold_entities]
    pforms = [_predicted_forms(e) for e in predicted.entities]
    for i, g in enumerate(gold_entities):
        for j, e in enumerate(predicted.entities):
            if g["type"] != e.type:
                continue
            w = max((_text_match(a, b) for a in gforms[i] for b in pforms[j]), default=0)
            if w:
                edges[(i, j)] = w
    pairs = _matching(len(gold_entities), edges)
    score.alignment = {str(gold_entities[i]["id"]): predicted.entities[j].id for i, j in pairs.items()}

    def gold_entity_text(i: int) -> tuple[str, str]:
        g = gold_entities[i]
        return str(g["id"]), f"{g['type']} {g['surface']}"

    def predicted_entity_text(j: int) -> tuple[str, str]:
        e = predicted.entities[j]
        return e.id, f"{e.type} {e.label}"

    sizes = (len(gold_entities), len(predicted.entities))
    _tally(score, item, "entities", pairs, sizes, gold_entity_text, predicted_entity_text)

    # events
    gold_events: list[dict[str, Any]] = list(gold.get("events", []))
    edges = {}
    for i, g in enumerate(gold_events):
        wanted = gold_event_type(g)
        for j, ev in enumerate(predicted.events):
            if _type_match(wanted, ev.type) and _trigger_match(_as_list(g.get("trigger")), ev):
                edges[(i, j)] = 2
    pairs = _matching(len(gold_events), edges)

    def gold_event_text(i: int) -> tuple[str, str]:
        g = gold_events[i]
        kind = g["type"] if g["type"] != "Other" else f"Other/{g.get('subtype')}"
        kind += f" ({g['phase']})" if g.get("phase") else ""
        note = "" if gold_event_type(g) else " (subtype not in OTHER_SUBTYPES: cannot match)"
        return str(g["id"]), f"{kind} {' | '.join(_as_list(g.get('trigger')))}{note}"

    def predicted_event_text(j: int) -> tuple[str, str]:
        ev = predicted.events[j]
        return ev.id, f"{ev.type} {(ev.trigger or ev.evidence).text}"

    sizes = (len(gold_events), len(predicted.events))
    _tally(score, item, "events", pairs, sizes, gold_event_text, predicted_event_text)
    for i, j in pairs.items():
        wanted_agents = {
            score.alignment.get(a, f"unaligned:{a}") for a in _as_list(gold_events[i].get("agents"))
        }
        roles = predicted.events[j].roles
        got = {iri for role in AGENT_ROLES for iri in roles.get(role, [])}
        score.agents.total += 1
        score.agents.correct += wanted_agents == got
        gold_bounds = _gold_bounds(item or "(gold given to score_article)", i, gold_events[i])
        if gold_bounds is not None:
            exact, contains = _time_match(gold_bounds, predicted.events[j].time)
            score.time.total += 1
            score.time.exact += exact
            score.time.contains += contains

    # control
    gold_control: list[dict[str, Any]] = list(gold.get("control", []))
    tuples = _control_tuples(predicted)
    groups = {e.id for e in predicted.entities if e.is_group}
    edges = {}
    for i, c in enumerate(gold_control):
        holders = {score.alignment[h] for h in _as_list(c["holder"]) if h in score.alignment}
        target = str(c["target"])
        target_ok = {score.alignment[target]} if target in score.alignment else set()
        group_target = target in gold_by_id and _is_gold_group(gold_by_id[target])
        for j, (holder, facility, status, _src) in enumerate(tuples):
            if (
                status == c["status"]
                and holder in holders
                and (facility in target_ok or (group_target and facility in groups))
            ):
                edges[(i, j)] = 2 if facility in target_ok else 1
    pairs = _matching(len(gold_control), edges)

    def gold_tuple_text(i: int) -> tuple[str, str]:
        c = gold_control[i]
        return (
            f"{'+'.join(_as_list(c['holder']))}/{c['target']}",
            f"{'+'.join(_as_list(c['holder']))} {c['status']} {c['target']}",
        )

    def predicted_tuple_text(j: int) -> tuple[str, str]:
        holder, facility, status, src = tuples[j]
        return src, f"{labels.get(holder, holder)} {status} {labels.get(facility, facility)}"

    sizes = (len(gold_control), len(tuples))
    _tally(score, item, "control", pairs, sizes, gold_tuple_text, predicted_tuple_text)
    return score


def _gold_bounds(where: str, n: int, gold: dict[str, Any]) -> tuple[date, date] | None:
    """The gold event's ``time_bounds`` as dates; ``None`` when it has none."""
    bounds = gold.get("time_bounds")
    if bounds is None:
        return None
    try:
        return date.fromisoformat(bounds["earliest"]), date.fromisoformat(bounds["latest"])
    except (KeyError, TypeError, ValueError):
        raise _fail(
            where,
            f'events[{n}] key "time_bounds" is {bounds!r}, not {{"earliest": YYYY-MM-DD, "latest": ...}}',
        ) from None


def _time_match(gold: tuple[date, date], when: When | None) -> tuple[bool, bool]:
    """(exact, contains) of a predicted time against gold bounds (see the module docstring)."""
    if when is None or (when.earliest is None and when.latest is None):
        return False, False
    exact = (when.earliest, when.latest) == gold
    contains = (when.earliest is None or when.earliest <= gold[0]) and (
        when.latest is None or when.latest >= gold[1]
    )
    return exact, contains


def _tally(
    score: ArticleScore,
    item: str,
    layer: str,
    pairs: dict[int, int],
    sizes: tuple[int, int],
    gold_text: Callable[[int], tuple[str, str]],
    predicted_text: Callable[[int], tuple[str, str]],
) -> None:
    n_gold, n_predicted = sizes
    counts = score.counts[layer]
    counts.tp += len(pairs)
    matched = set(pairs.values())
    for i in range(n_gold):
        if i not in pairs:
            counts.fn += 1
            score.errors.append(ScoreError(item, layer, "FN", *gold_text(i)))
    for j in range(n_predicted):
        if j not in matched:
            counts.fp += 1
            score.errors.append(ScoreError(item, layer, "FP", *predicted_text(j)))


# --- gold files ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class GoldItem:
    """One gold article or passage: its text and metadata, and the gold facts."""

    id: str
    path: Path
    text: str
    gold: dict[str, Any]
    published: date | None = None
    language: str = "ar"
    phenomenon: str | None = None
    split: str | None = None

    def article(self) -> Article:
        """The :class:`Article` the extractor is given for this item."""
        return Article(
            id=article_iri(article_key(self.text, self.id)),
            text=self.text,
            language="en" if self.language == "en" else "ar",
            published=self.published,
        )


def _language(text: str) -> str:
    return "ar" if re.search("[\u0600-\u06ff]", text) else "en"


def _fail(where: str, what: str) -> InputError:
    return InputError(
        f"malformed gold file {where}: {what}; fix the gold file (format: shared/seed/expected.json)"
    )


def _check(where: str, gold: dict[str, Any]) -> None:
    """Raise :class:`InputError` naming the key when ``gold`` does not have the expected.json shape."""
    for key in ("entities", "events"):
        if not isinstance(gold.get(key), list):
            raise _fail(where, f'key "{key}" must be a list')
    if not isinstance(gold.get("control", []), list):
        raise _fail(where, 'key "control" must be a list')
    ids: set[str] = set()
    for n, e in enumerate(gold["entities"]):
        at = f"entities[{n}]"
        if not isinstance(e, dict) or not isinstance(e.get("id"), str):
            raise _fail(where, f'{at} needs a string "id"')
        if e.get("type") not in ENTITY_TYPES:
            raise _fail(
                where, f'{at} ({e["id"]}) has "type" {e.get("type")!r}, not one of {list(ENTITY_TYPES)}'
            )
        if not isinstance(e.get("surface"), str) or not e["surface"].strip():
            raise _fail(where, f'{at} ({e["id"]}) needs a non-empty "surface"')
        for key in ("mentions", "clitic_forms"):
            if not all(isinstance(m, str) for m in e.get(key, [])):
                raise _fail(where, f'{at} ({e["id"]}) key "{key}" must be a list of strings')
        ids.add(e["id"])
    for n, ev in enumerate(gold["events"]):
        at = f"events[{n}]"
        if not isinstance(ev, dict):
            raise _fail(where, f"{at} must be an object")
        if ev.get("type") not in (*EVENT_TYPES, "Other"):
            raise _fail(where, f'{at} has "type" {ev.get("type")!r}, not an event type or "Other"')
        if not _as_list(ev.get("trigger")):
            raise _fail(where, f'{at} needs a "trigger" (a string or a list of strings)')
        _gold_bounds(where, n, ev)
        for key in ("agents", "targets"):
            unknown = [a for a in _as_list(ev.get(key)) if a not in ids]
            if unknown:
                raise _fail(where, f'{at} key "{key}" names unknown entity ids {unknown}')
    for n, c in enumerate(gold.get("control", [])):
        at = f"control[{n}]"
        if not isinstance(c, dict):
            raise _fail(where, f"{at} must be an object")
        for key in ("holder", "target", "status"):
            if key not in c:
                raise _fail(where, f'{at} lacks the key "{key}"')
        if c["status"] not in CONTROL_STATUSES:
            raise _fail(where, f'{at} has "status" {c["status"]!r}, not one of {list(CONTROL_STATUSES)}')
        unknown = [x for x in [*_as_list(c["holder"]), str(c["target"])] if x not in ids]
        if unknown:
            raise _fail(where, f'{at} names unknown entity ids {unknown} in "holder"/"target"')


def _item(where: str, path: Path, gold: dict[str, Any], text: str | None, default_id: str) -> GoldItem:
    _check(where, gold)
    text = gold.get("text", text)
    if not isinstance(text, str) or not text.strip():
        raise _fail(where, 'no text: give a "text" key, or a .txt file beside it with the same stem')
    published: date | None = None
    if gold.get("published"):
        try:
            published = date.fromisoformat(str(gold["published"]))
        except ValueError:
            raise _fail(where, f'key "published" is {gold["published"]!r}, not YYYY-MM-DD') from None
    split = gold.get("split")
    if split is not None and split not in SPLITS:
        raise _fail(where, f'key "split" is {split!r}, not one of {list(SPLITS)}')
    language = gold.get("language") or _language(text)
    if language not in ("ar", "en"):
        raise _fail(where, f'key "language" is {language!r}, not "ar" or "en"')
    return GoldItem(
        id=str(gold.get("id") or default_id),
        path=path,
        text=text,
        gold=gold,
        published=published,
        language=language,
        phenomenon=gold.get("phenomenon"),
        split=split,
    )


def _listed(where: str, path: Path, items: Iterable[tuple[str, Any]]) -> Iterator[GoldItem]:
    for at, obj in items:
        here = f"{where} {at}"
        if not isinstance(obj, dict):
            raise _fail(here, "each item must be a JSON object")
        for key in ("id", "text"):
            if not isinstance(obj.get(key), str) or not obj[key]:
                raise _fail(here, f'lacks the key "{key}" (a non-empty string)')
        yield _item(f"{here} (id {obj['id']})", path, obj, None, obj["id"])


def load_gold(gold_dir: Path) -> list[GoldItem]:
    """Every gold item under ``gold_dir`` (recursive), in path order; see the module docstring."""
    if not gold_dir.is_dir():
        raise InputError(f"gold directory {gold_dir} does not exist; give a directory of gold files")
    items: list[GoldItem] = []
    for path in sorted(p for p in gold_dir.rglob("*") if p.suffix in (".json", ".jsonl") and p.is_file()):
        where = str(path)
        rel = path.relative_to(gold_dir).with_suffix("").as_posix()
        try:
            raw = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"cannot read gold file {path}: {exc}; save it as UTF-8 JSON") from exc
        if path.suffix == ".jsonl":
            lines: list[tuple[str, Any]] = []
            for n, line in enumerate(raw.splitlines(), 1):
                if line.strip():
                    try:
                        lines.append((f"line {n}", json.loads(line)))
                    except json.JSONDecodeError as exc:
                        raise _fail(f"{where} line {n}", f"not JSON ({exc.msg})") from exc
            items.extend(_listed(where, path, lines))
            continue
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise _fail(where, f"not JSON ({exc.msg} at line {exc.lineno})") from exc
        if isinstance(data, list):
            if data and isinstance(data[0], dict) and ("entities" in data[0] or "events" in data[0]):
                items.extend(_listed(where, path, ((f"item {n}", obj) for n, obj in enumerate(data))))
            continue
        if not isinstance(data, dict) or "article" in data or not ({"entities", "events"} & data.keys()):
            continue  # not a gold file (a schema, the extractor's own output, metadata)
        text: str | None = None
        beside = path.with_suffix(".txt")
        if path.name == "expected.json" and not beside.exists():
            beside = path.with_name("article.txt")
        if "text" not in data and beside.exists():
            text = beside.read_text(encoding="utf-8")
        items.append(_item(where, path, data, text, rel))
    return items


# --- the report ------------------------------------------------------------------------------------------------


@dataclass
class ItemScore:
    """One gold item and its score."""

    item: GoldItem
    score: ArticleScore


@dataclass
class EvalReport:
    """Scores of every gold item, with totals per layer, per split and per phenomenon, and the errors."""

    items: list[ItemScore] = field(default_factory=list)

    def totals(self, only: Callable[[GoldItem], bool] = lambda _item: True) -> dict[str, Counts]:
        """Micro-averaged counts per layer over the items ``only`` accepts."""
        out = {layer: Counts() for layer in LAYERS}
        for s in self.items:
            if only(s.item):
                for layer in LAYERS:
                    out[layer] = out[layer] + s.score.counts[layer]
        return out

    def agents(self) -> AgentScore:
        total = AgentScore()
        for s in self.items:
            total = total + s.score.agents
        return total

    def time(self, only: Callable[[GoldItem], bool] = lambda _item: True) -> TimeScore:
        """The time figure over the items ``only`` accepts."""
        total = TimeScore()
        for s in self.items:
            if only(s.item):
                total = total + s.score.time
        return total

    def time_groups(self, key: str) -> dict[str, TimeScore]:
        """The time figure per value of ``key`` ("split" or "phenomenon"), for the items that carry one."""
        out: dict[str, TimeScore] = {}
        for s in self.items:
            value = getattr(s.item, key)
            if value is not None:
                out[str(value)] = out.get(str(value), TimeScore()) + s.score.time
        return dict(sorted(out.items()))

    def groups(self, key: str) -> dict[str, dict[str, Counts]]:
        """Totals per value of ``key`` ("split" or "phenomenon"), for the items that carry one."""
        out: dict[str, dict[str, Counts]] = {}
        for s in self.items:
            value = getattr(s.item, key)
            if value is None:
                continue
            layers = out.setdefault(str(value), {layer: Counts() for layer in LAYERS})
            for layer in LAYERS:
                layers[layer] = layers[layer] + s.score.counts[layer]
        return dict(sorted(out.items()))

    @property
    def errors(self) -> list[ScoreError]:
        return [e for s in self.items for e in s.score.errors]

    def to_json(self) -> dict[str, Any]:
        def layers(counts: dict[str, Counts]) -> dict[str, Any]:
            return {layer: c.to_json() for layer, c in counts.items()}

        return {
            "totals": layers(self.totals()),
            "agents": self.agents().to_json(),
            "time": self.time().to_json(),
            "time_by_split": {k: v.to_json() for k, v in self.time_groups("split").items()},
            "time_by_phenomenon": {k: v.to_json() for k, v in self.time_groups("phenomenon").items()},
            "by_split": {k: layers(v) for k, v in self.groups("split").items()},
            "by_phenomenon": {k: layers(v) for k, v in self.groups("phenomenon").items()},
            "items": [
                {
                    "id": s.item.id,
                    "path": str(s.item.path),
                    "split": s.item.split,
                    "phenomenon": s.item.phenomenon,
                    **layers(s.score.counts),
                    "agents": s.score.agents.to_json(),
                    "time": s.score.time.to_json(),
                }
                for s in self.items
            ],
            "errors": [e.to_json() for e in self.errors],
        }

    def table(self) -> str:
        """A text table: P, R, F1, TP, FP, FN per layer for all items, each split and each phenomenon.

        Below it the secondary figures: time (all, per split, per phenomenon), then agents, then the
        item and error count as the last line.
        """
        header = f"{'scope':<28} {'layer':<9} {'P':>6} {'R':>6} {'F1':>6} {'TP':>5} {'FP':>5} {'FN':>5}"
        lines = [header, "-" * len(header)]
        scopes = [("all", self.totals())]
        scopes += [(f"split={k}", v) for k, v in self.groups("split").items()]
        scopes += [(f"phenomenon={k}", v) for k, v in self.groups("phenomenon").items()]
        for scope, counts in scopes:
            for layer, c in counts.items():
                lines.append(
                    f"{scope[:28]:<28} {layer:<9} {c.precision:6.3f} {c.recall:6.3f} {c.f1:6.3f}"
                    f" {c.tp:5d} {c.fp:5d} {c.fn:5d}"
                )
        lines.append(f"time of matched events with gold bounds: {self.time().line()}")
        time_scopes = [(f"split={k}", v) for k, v in self.time_groups("split").items()]
        time_scopes += [(f"phenomenon={k}", v) for k, v in self.time_groups("phenomenon").items()]
        lines += [f"  time {scope[:28]:<28} {t.line()}" for scope, t in time_scopes]
        a = self.agents()
        lines.append(f"agents of matched events: {a.correct}/{a.total} exact ({a.accuracy:.3f})")
        lines.append(f"items: {len(self.items)}; errors: {len(self.errors)}")
        return "\n".join(lines)

    def error_lines(self) -> list[str]:
        """One readable line per error, for inspection."""
        return [f"{e.kind} {e.layer:<8} {e.item}: {e.id}  {e.text}" for e in self.errors]

    def errors_text(self) -> str:
        """The errors as text, one per line (what ``conflictkg eval --errors`` prints)."""
        return "".join(line + "\n" for line in self.error_lines())


def evaluate(gold_dir: Path, extractor: Callable[[Article], ArticleFacts]) -> EvalReport:
    """Run ``extractor`` on every gold item under ``gold_dir`` and score what it returns."""
    items = load_gold(gold_dir)
    if not items:
        raise InputError(
            f'no gold files under {gold_dir}: a gold file is a *.json object with "entities" and "events"'
            ' (its text beside it as <stem>.txt), or a *.json list / *.jsonl of such items with "text"'
        )
    report = EvalReport()
    for item in items:
        report.items.append(
            ItemScore(item, score_article(item.gold, extractor(item.article()), item=item.id))
        )
    return report


# --- predicted facts saved as JSON -----------------------------------------------------------------------------


def _span(d: dict[str, Any]) -> Span:
    return Span(int(d["start"]), int(d["end"]), str(d["text"]))


def _when(d: dict[str, Any] | None) -> When | None:
    if d is None:
        return None
    return When(
        date.fromisoformat(d["earliest"]) if d.get("earliest") else None,
        date.fromisoformat(d["latest"]) if d.get("latest") else None,
        d.get("text"),
    )


def facts_from_json(data: dict[str, Any]) -> ArticleFacts:
    """Read back :meth:`ArticleFacts.to_json` output (so saved predictions can be scored)."""
    try:
        a = data["article"]
        if a["language"] not in ("ar", "en"):
            raise ValueError(f"article language {a['language']!r} is not 'ar' or 'en'")
        article = Article(
            id=a["id"],
            text=a.get("text", ""),
            language="en" if a["language"] == "en" else "ar",
            published=date.fromisoformat(a["published"]) if a.get("published") else None,
            source=a.get("source"),
            title=a.get("title"),
        )
        entities = [
            Entity(
                id=e["id"],
                type=e["type"],
                label=e["label"],
                subtype=e.get("subtype"),
                label_en=e.get("label_en"),
                mentions=[_span(m) for m in e.get("mentions", [])],
                part_of=list(e.get("part_of", [])),
                owner=e.get("owner"),
                members=list(e.get("members", [])),
            )
            for e in data["entities"]
        ]
        events = [
            Event(
                id=ev["id"],
                type=event_type_from_json(ev),
                status=ev["status"],
                roles={k: list(v) for k, v in ev.get("roles", {}).items()},
                evidence=_span(ev["evidence"]),
                trigger=_span(ev["trigger"]) if ev.get("trigger") else None,
                time=_when(ev.get("time")),
                seq=int(ev.get("seq", 0)),
                rule=ev.get("rule", ""),
                denies=list(ev.get("denies", [])),
                in_response_to=list(ev.get("in_response_to", [])),
                outcome=list(ev.get("outcome", [])),
                lifts=list(ev.get("lifts", [])),
            )
            for ev in data["events"]
        ]
        control = [
            ControlPeriod(
                id=c["id"],
                holder=c["holder"],
                facility=c["facility"],
                start=_when(c.get("start")),
                end=_when(c.get("end")),
                started_by=c.get("started_by"),
                ended_by=c.get("ended_by"),
                kind=c.get("kind", "control"),
                evidence=_span(c["evidence"]) if c.get("evidence") else None,
                stated=_span(c["stated"]) if c.get("stated") else None,
            )
            for c in data.get("control", [])
        ]
    except (KeyError, TypeError, ValueError) as exc:
        raise InputError(
            f"predicted facts do not follow shared/seed/facts.schema.json ({type(exc).__name__}: {exc}); "
            "save them with ArticleFacts.to_json()"
        ) from exc
    return ArticleFacts(article=article, entities=entities, events=events, control=control)
