"""Checks of the gold passage set itself (``tests/data/passages``), not of any extractor.

Why: the passages measure how the extractor generalises, so a slip in the gold (a mention that is
not in the text, a control tuple for a planned event, a held-out passage that duplicates a dev one)
silently skews every score computed from it. Each rule of the annotation guide in
``tests/data/passages/README.md`` that can be checked mechanically is checked here, item by item,
and the checker is itself shown to reject broken items.
"""

from __future__ import annotations

import copy
import json
import re
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from conflictkg.evaluate import OTHER_SUBTYPES, GoldItem, evaluate, gold_event_type, load_gold
from conflictkg.facts import Article, ArticleFacts, ControlPeriod, Entity, Event, Span

PASSAGES = Path(__file__).parent / "data" / "passages"
PHENOMENA: tuple[str, ...] = (
    "clitics",
    "lists",
    "subjects",
    "denials",
    "negation",
    "time",
    "coreference",
    "unseen",
    "planned",
    "mediation",
    "english",
)
MODALITIES: tuple[str, ...] = ("asserted", "denied", "negated", "claimed", "planned")
EVENT_TYPES: tuple[str, ...] = (
    "Seizure",
    "Withdrawal",
    "Siege",
    "Negotiation",
    "Agreement",
    "Expulsion",
    "Closure",
    "Levy",
    "Denial",
    "Statement",
    "Announcement",
    "Other",
)
ID_PREFIX_TYPE: dict[str, str | None] = {"A": "Actor", "F": "Facility", "P": "Place", "G": None}
MINIMUMS: dict[str, int] = {"total": 200, "ar": 150, "en": 50, "heldout": 60}
WORDS = (20, 80)
PHASES: tuple[str, ...] = ("ongoing", "lifted")
#: weekday names (Monday first, as date.weekday() counts) in both languages, for single-day time bounds.
WEEKDAYS: tuple[tuple[str, ...], ...] = (
    ("الإثنين", "Monday"),
    ("الثلاثاء", "Tuesday"),
    ("الأربعاء", "Wednesday"),
    ("الخميس", "Thursday"),
    ("الجمعة", "Friday"),
    ("السبت", "Saturday"),
    ("الأحد", "Sunday"),
)
SENTENCES = (1, 3)


def _raw_items() -> list[tuple[Path, dict[str, Any]]]:
    """Every item as written in the files, with the file it came from."""
    out: list[tuple[Path, dict[str, Any]]] = []
    for path in sorted(PASSAGES.rglob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        assert isinstance(data, list), f"{path}: a passage file must be a JSON list of items"
        out.extend((path, item) for item in data)
    return out


RAW = _raw_items()


def _sentences(text: str) -> int:
    """Sentences as a reader counts them: runs of text ended by . ! ? ؟ (or by the end of the text)."""
    return len([s for s in re.split(r"(?<=[.!?؟])\s+", text.strip()) if s.strip()])


def _words(text: str) -> int:
    return len([w for w in re.split(r"\s+", text) if re.search(r"\w", w)])


def _occurs(form: str, text: str, clitic_forms: list[str]) -> bool:
    """``form`` is written in ``text``: verbatim, or as ل + ال merged into لل (للجيش for ل + الجيش).

    The merged spelling must then be listed among the entity's clitic forms, so that the form the
    text really shows is on record.
    """
    if form in text:
        return True
    if not form.startswith("ال"):
        return False
    merged = "لل" + form[2:]
    return merged in text and any(merged in c for c in clitic_forms)


DISTRACTORS: tuple[str, ...] = (
    "two-places",
    "affiliation",
    "denied-next-to-asserted",
    "negated-next-to-asserted",
    "planned-next-to-asserted",
)
#: words that put an actor beside the event without making it the agent (التابعة لـ، تحت سيطرة, loyal to ...).
AFFILIATION_MARKERS: tuple[str, ...] = (
    "تابع",
    "تحت سيطرة",
    "موالية",
    "affiliated",
    "loyal",
    "backed",
    "under the control",
)


def _supports(item: dict[str, Any], tag: str) -> bool:
    """Whether the annotation of ``item`` shows the distractor ``tag`` it claims."""
    modalities = {v["modality"] for v in item["events"]}
    if tag == "two-places":
        return sum(e["type"] == "Place" for e in item["entities"]) >= 2
    if tag.endswith("-next-to-asserted"):
        return "asserted" in modalities and tag.split("-")[0] in modalities
    if tag == "affiliation":
        acting = {a for v in item["events"] for key in ("agents", "mediator") for a in v.get(key, [])}
        idle = [e for e in item["entities"] if e["type"] == "Actor" and e["id"] not in acting]
        return bool(idle) and any(m in item["text"] for m in AFFILIATION_MARKERS)
    return False


def problems(item: dict[str, Any], path: Path) -> list[str]:
    """Every way ``item`` (read from ``path``) breaks the annotation guide; empty when it is sound."""
    out: list[str] = []
    text = item["text"]
    where = f"{path.parent.name}/{path.name} {item['id']}"

    def bad(what: str) -> None:
        out.append(f"{where}: {what}")

    if item.get("phenomenon") != path.stem:
        bad(f"phenomenon {item.get('phenomenon')!r} differs from the file name {path.stem!r}")
    if item.get("split") != path.parent.name:
        bad(f"split {item.get('split')!r} differs from the folder {path.parent.name!r}")
    arabic = bool(re.search("[\u0600-\u06ff]", text))
    language = item.get("language")
    if language != ("ar" if arabic else "en"):
        bad(f"language {language!r} does not fit the script of the text")
    if (language == "en") != (item.get("phenomenon") == "english"):
        bad("English passages belong in english.json, and only there")
    date.fromisoformat(item["published"])
    if not WORDS[0] <= _words(text) <= WORDS[1]:
        bad(f"{_words(text)} words, outside {WORDS}")
    if not SENTENCES[0] <= _sentences(text) <= SENTENCES[1]:
        bad(f"{_sentences(text)} sentences, outside {SENTENCES}")

    entities = {e["id"]: e for e in item["entities"]}
    events = {v["id"]: v for v in item["events"]}
    if len(entities) != len(item["entities"]) or len(events) != len(item["events"]):
        bad("duplicate entity or event ids")
    for e in item["entities"]:
        wanted = ID_PREFIX_TYPE.get(e["id"][:1], "?")
        if wanted == "?" or (wanted is not None and wanted != e["type"]):
            bad(f"entity id {e['id']} does not fit type {e['type']} (A Actor, F Facility, P Place, G group)")
        if e["surface"] not in e["mentions"]:
            bad(f"entity {e['id']}: the surface is not among its mentions")
        if not e.get("name_en"):
            bad(f"entity {e['id']} has no name_en")
        for form in [e["surface"], *e["mentions"]]:
            if not _occurs(form, text, e.get("clitic_forms", [])):
                bad(f"entity {e['id']}: {form!r} is not in the text")
        for form in e.get("clitic_forms", []):
            if form not in text:
                bad(f"entity {e['id']}: clitic form {form!r} is not in the text")
        for member in e.get("members", []):
            if member not in entities:
                bad(f"entity {e['id']}: member {member} is not an entity")
    for v in item["events"]:
        vid = v["id"]
        if v["type"] not in EVENT_TYPES:
            bad(f"event {vid}: type {v['type']!r} is not one of {EVENT_TYPES}")
        if v["type"] == "Other" and v.get("subtype") not in OTHER_SUBTYPES:
            bad(f"event {vid}: Other needs a subtype the scorer knows, got {v.get('subtype')!r}")
        if v.get("phase", "ongoing") not in PHASES:
            bad(f"event {vid}: phase {v['phase']!r} is not one of {PHASES}")
        if v.get("modality") not in MODALITIES:
            bad(f"event {vid}: modality {v.get('modality')!r} is not one of {MODALITIES}")
        for trigger in v["trigger"]:
            if trigger not in text:
                bad(f"event {vid}: trigger {trigger!r} is not in the text")
        if v.get("time") is not None and v["time"] not in text:
            bad(f"event {vid}: time {v['time']!r} is not in the text")
        for key in ("agents", "targets", "mediator", "place", "beneficiary"):
            for ref in v.get(key, []):
                if ref not in entities:
                    bad(f"event {vid}: {key} names {ref}, which is not an entity")
        for ref in v.get("denies", []):
            if ref not in events:
                bad(f"event {vid}: denies {ref}, which is not an event")
            elif events[ref]["modality"] != "denied":
                bad(f"event {vid}: denies {ref}, whose modality is not 'denied'")
        if (v["type"] == "Denial") != bool(v.get("denies")):
            bad(f"event {vid}: a Denial must name what it denies, and only a Denial may")
        bounds = v.get("time_bounds")
        if bounds is not None:
            lo, hi = (date.fromisoformat(b) if b else None for b in (bounds["earliest"], bounds["latest"]))
            if lo and hi and lo > hi:
                bad(f"event {vid}: time_bounds earliest {lo} is after latest {hi}")
            if v.get("time") is None:
                bad(f"event {vid}: time_bounds without the time expression they come from")
            named = [n for n, names in enumerate(WEEKDAYS) if any(w in (v.get("time") or "") for w in names)]
            if lo and lo == hi and named and lo.weekday() not in named:
                bad(f"event {vid}: {v['time']!r} names a weekday, but {lo} is a {lo.strftime('%A')}")
        elif item["phenomenon"] == "time" and v.get("time") is not None:
            bad(f"event {vid}: a time passage needs time_bounds for {v['time']!r}")

    for tag in item.get("distractors", []):
        if not _supports(item, tag):
            bad(f"distractor tag {tag!r} is not borne out by the annotation")

    tuples: set[tuple[str, str, str]] = set()
    for c in item["control"]:
        for ref in [*c["holder"], c["target"]]:
            if ref not in entities:
                bad(f"control {c}: {ref} is not an entity")
        source = events.get(c["event"]) if c["event"] is not None else None
        if c["event"] is not None and source is None:
            bad(f"control {c}: event {c['event']} does not exist")
        if c["status"] in ("started", "ended") and (source is None or source["modality"] != "asserted"):
            bad(f"control {c}: started/ended needs an asserted event")
        if c["status"] == "held" and c["event"] is not None:
            bad(f"control {c}: 'held' comes from a description, not an event")
        if c["status"] == "denied" and (source is None or source["type"] != "Denial"):
            bad(f"control {c}: 'denied' must name the Denial event")
        tuples.update((h, c["target"], c["status"]) for h in c["holder"])
    for v in item["events"]:
        pairs = [
            (a, t) for a in v["agents"] for t in v["targets"] if entities.get(t, {}).get("type") != "Actor"
        ]
        if v["type"] == "Seizure" and v["modality"] == "asserted":
            for a, t in pairs:
                if (a, t, "started") not in tuples:
                    bad(f"event {v['id']}: asserted seizure of {t} by {a} without a 'started' control")
        if v["type"] == "Withdrawal" and v["modality"] == "asserted":
            for a, t in pairs:
                if (a, t, "ended") not in tuples:
                    bad(f"event {v['id']}: asserted withdrawal of {a} from {t} without an 'ended' control")
        if v["type"] == "Seizure" and v["modality"] == "denied":
            for a, t in pairs:
                if (a, t, "denied") not in tuples:
                    bad(f"event {v['id']}: denied seizure of {t} by {a} without a 'denied' control")
                if (a, t, "started") in tuples:
                    bad(f"event {v['id']}: denied seizure of {t} by {a} opens control")
    return out


@pytest.fixture(scope="module")
def loaded() -> list[GoldItem]:
    return load_gold(PASSAGES)


def test_every_file_parses_through_the_scorer(loaded: list[GoldItem]) -> None:
    assert len(loaded) == len(RAW)
    assert {i.id for i in loaded} == {item["id"] for _, item in RAW}
    for gold in loaded:
        assert gold.phenomenon in PHENOMENA, gold.id
        assert gold.split in ("dev", "heldout"), gold.id
        assert gold.published is not None, gold.id


def test_files_are_named_by_split_and_phenomenon() -> None:
    for path in PASSAGES.rglob("*.json"):
        assert path.parent.parent == PASSAGES, path
        assert path.parent.name in ("dev", "heldout"), path
        assert path.stem in PHENOMENA, path


@pytest.mark.parametrize(("path", "item"), RAW, ids=[item["id"] for _, item in RAW])
def test_item_follows_the_annotation_guide(path: Path, item: dict[str, Any]) -> None:
    assert problems(item, path) == []


def test_ids_are_unique_and_splits_disjoint() -> None:
    ids = Counter(item["id"] for _, item in RAW)
    assert [i for i, n in ids.items() if n > 1] == []
    dev = {item["id"] for _, item in RAW if item["split"] == "dev"}
    heldout = {item["id"] for _, item in RAW if item["split"] == "heldout"}
    assert dev and heldout
    assert dev.isdisjoint(heldout)
    texts = Counter(item["text"] for _, item in RAW)
    assert [t for t, n in texts.items() if n > 1] == []


def test_counts_meet_the_minimums() -> None:
    items = [item for _, item in RAW]
    assert len(items) >= MINIMUMS["total"]
    assert sum(i["language"] == "ar" for i in items) >= MINIMUMS["ar"]
    assert sum(i["language"] == "en" for i in items) >= MINIMUMS["en"]
    assert sum(i["split"] == "heldout" for i in items) >= MINIMUMS["heldout"]


@pytest.mark.parametrize("phenomenon", PHENOMENA)
def test_each_phenomenon_is_split_about_seventy_thirty(phenomenon: str) -> None:
    splits = Counter(item["split"] for _, item in RAW if item["phenomenon"] == phenomenon)
    total = splits["dev"] + splits["heldout"]
    assert total >= 15, f"{phenomenon}: only {total} passages"
    assert 0.2 <= splits["heldout"] / total <= 0.4, f"{phenomenon}: {dict(splits)}"


def test_about_a_third_carry_distractors() -> None:
    with_distractors = [item["id"] for _, item in RAW if item.get("distractors")]
    assert len(with_distractors) / len(RAW) >= 0.3
    kinds = Counter(tag for _, item in RAW for tag in item.get("distractors", []))
    assert set(kinds) == set(DISTRACTORS), kinds


def test_every_modality_and_control_status_occurs() -> None:
    modalities = Counter(v["modality"] for _, item in RAW for v in item["events"])
    statuses = Counter(c["status"] for _, item in RAW for c in item["control"])
    assert set(modalities) == set(MODALITIES), modalities
    assert set(statuses) == {"started", "ended", "held", "denied"}, statuses


# --- the gold through the real scorer ----------------------------------------------------------------------

#: gold modality -> the extractor's event status
STATUS_OF: dict[str, str] = {
    "asserted": "asserted",
    "denied": "denied",
    "negated": "negated",
    "planned": "hypothetical",
    "claimed": "reported",
}


def _span(text: str, forms: list[str]) -> Span:
    for form in forms:
        at = text.find(form)
        if at >= 0:
            return Span.of(text, at, at + len(form))
    raise AssertionError(f"none of {forms} is in the text")


def _oracle(items: dict[str, dict[str, Any]]) -> Any:
    """An "extractor" that returns each passage's own gold as facts: the scorer must then find no error.

    It shows that every gold item can be met exactly in the scorer's terms (entities alignable, event
    types and Other subtypes mapped, control and denied tuples representable).
    """

    def extract(article: Article) -> ArticleFacts:
        gold = next(g for g in items.values() if g["text"] == article.text)
        iri = {e["id"]: f"urn:oracle:{gold['id']}:{e['id']}" for e in gold["entities"]}
        entities = [
            Entity(
                id=iri[e["id"]],
                type=e["type"],
                label=e["surface"],
                mentions=[
                    _span(article.text, [m, *e.get("clitic_forms", [])])
                    for m in dict.fromkeys([e["surface"], *e["mentions"]])
                ],
                members=[iri[m] for m in e.get("members", [])],
            )
            for e in gold["entities"]
        ]
        events = []
        for v in gold["events"]:
            trigger = _span(article.text, v["trigger"])
            roles = {"agent": v["agents"], "target": v["targets"], "mediator": v["mediator"]}
            events.append(
                Event(
                    id=f"urn:oracle:{gold['id']}:{v['id']}",
                    type=gold_event_type(v),  # type: ignore[arg-type]
                    status=STATUS_OF[v["modality"]],  # type: ignore[arg-type]
                    roles={k: [iri[x] for x in ids] for k, ids in roles.items() if ids},
                    evidence=trigger,
                    trigger=trigger,
                )
            )
        # several gold holders are alternative names of one holder: one period, under the first
        control = [
            ControlPeriod(
                id=f"urn:oracle:{gold['id']}:c{n}",
                holder=iri[c["holder"][0]],
                facility=iri[c["target"]],
                started_by=c["event"] if c["status"] == "started" else None,
                ended_by=c["event"] if c["status"] == "ended" else None,
            )
            for n, c in enumerate(gold["control"])
            if c["status"] != "denied"
        ]
        return ArticleFacts(article=article, entities=entities, events=events, control=control)

    return extract


def test_the_scorer_finds_no_error_when_the_gold_is_returned() -> None:
    report = evaluate(PASSAGES, _oracle({item["id"]: item for _, item in RAW}))
    assert report.errors == []
    for layer, counts in report.totals().items():
        assert (counts.fp, counts.fn) == (0, 0), layer
    assert report.agents().accuracy == 1.0
    assert set(report.groups("phenomenon")) == set(PHENOMENA)
    assert set(report.groups("split")) == {"dev", "heldout"}


def test_the_scorer_counts_every_gold_item_as_missed_when_nothing_is_found() -> None:
    report = evaluate(PASSAGES, lambda article: ArticleFacts(article=article))
    totals = report.totals()
    for layer in ("entities", "events", "control"):
        wanted = sum(len(item[layer]) for _, item in RAW)
        assert (totals[layer].tp, totals[layer].fp, totals[layer].fn) == (0, 0, wanted), layer


# --- the checker rejects broken items ---------------------------------------------------------------------


def _broken(mutate: str) -> list[str]:
    path, item = next((p, i) for p, i in RAW if any(v["type"] == "Seizure" for v in i["events"]))
    item = copy.deepcopy(item)
    seizure = next(v for v in item["events"] if v["type"] == "Seizure")
    if mutate == "mention":
        item["entities"][0]["mentions"].append("كلمة غير موجودة في النص")
    elif mutate == "reference":
        seizure["agents"] = ["A99"]
    elif mutate == "planned-control":
        seizure["modality"] = "planned"
    elif mutate == "split":
        item["split"] = "heldout" if item["split"] == "dev" else "dev"
    elif mutate == "weekday":
        seizure["time"] = "يوم الخميس"
        seizure["time_bounds"] = {"earliest": "2024-01-02", "latest": "2024-01-02"}  # a Tuesday
    elif mutate == "distractor":
        item["distractors"] = ["negated-next-to-asserted"]
        for v in item["events"]:
            v["modality"] = "asserted" if v["modality"] == "negated" else v["modality"]
    elif mutate == "subtype":
        seizure["type"] = "Other"
        seizure["subtype"] = "Curfew"
    return problems(item, path)


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        ("mention", "is not in the text"),
        ("reference", "A99, which is not an entity"),
        ("planned-control", "started/ended needs an asserted event"),
        ("split", "differs from the folder"),
        ("distractor", "is not borne out by the annotation"),
        ("weekday", "names a weekday, but 2024-01-02 is a Tuesday"),
        ("subtype", "Other needs a subtype the scorer knows"),
    ],
)
def test_the_checker_rejects_broken_items(mutate: str, message: str) -> None:
    found = _broken(mutate)
    assert any(message in p for p in found), found
