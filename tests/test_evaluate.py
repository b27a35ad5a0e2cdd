"""The extraction scorer: exact TP/FP/FN on hand-made gold and predictions, discovery, bad gold files.

The fixtures live in ``tests/data/eval``: ``gold/passages.json`` (two gold passages in the list
layout) and ``predicted/<id>.json`` (the facts a hypothetical extractor returned, in the JSON of
``ArticleFacts.to_json``). The expected counts below were worked out by hand from those files; the
comments say which gold or predicted item each count comes from.
"""

from __future__ import annotations

import copy
import json
import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from conflictkg.errors import InputError
from conflictkg.evaluate import (
    OTHER_SUBTYPES,
    ArticleScore,
    Counts,
    EvalReport,
    GoldItem,
    evaluate,
    facts_from_json,
    gold_event_type,
    load_gold,
    normalize,
    score_article,
)
from conflictkg.facts import Article, ArticleFacts, ControlPeriod, Entity, Event, Span, When
from conflictkg.iri import article_iri, article_key, key_of

DATA = Path(__file__).parent / "data" / "eval"
GOLD_DIR = DATA / "gold"
SEED_DIR = Path(__file__).resolve().parents[2] / "shared" / "seed"
R = "https://w3id.org/conflictkg/id/eval-fixture/"


def counts(score: ArticleScore | dict[str, Counts]) -> dict[str, tuple[int, int, int]]:
    layers = score.counts if isinstance(score, ArticleScore) else score
    return {layer: (c.tp, c.fp, c.fn) for layer, c in layers.items()}


def predicted(item_id: str) -> ArticleFacts:
    return facts_from_json(json.loads((DATA / "predicted" / f"{item_id}.json").read_text(encoding="utf-8")))


@pytest.fixture(scope="module")
def items() -> dict[str, GoldItem]:
    return {item.id: item for item in load_gold(GOLD_DIR)}


def errors_of(score: ArticleScore, layer: str, kind: str) -> list[str]:
    return sorted(e.id for e in score.errors if e.layer == layer and e.kind == kind)


def test_fixture_spans_are_spans_of_the_gold_text(items: dict[str, GoldItem]) -> None:
    for item_id, item in items.items():
        facts = predicted(item_id)
        spans = [m for e in facts.entities for m in e.mentions] + [e.evidence for e in facts.events]
        spans += [e.trigger for e in facts.events if e.trigger is not None]
        assert spans
        for span in spans:
            assert item.text[span.start : span.end] == span.text


def test_mixed_passage_exact_counts(items: dict[str, GoldItem]) -> None:
    score = score_article(items["mixed-1"].gold, predicted("mixed-1"), item="mixed-1")
    assert counts(score) == {
        # 11 gold entities, 10 predicted: F1 predicted as a Place (type mismatch: FN + FP), one of the
        # dual F2/F3 missing, P2 missing; the 4th Division is extra.
        "entities": (8, 2, 3),
        # 6 gold events: V2 Siege predicted as a Seizure (FN + FP), V6 has an unknown subtype; the
        # Closure is extra.
        "events": (4, 2, 2),
        # 5 gold tuples: F1 started (its facility never aligned: FN + FP), one of F2/F3 started;
        # the period on state security gives both a started and an ended tuple (2 FP); presence is
        # not control; the denied Seizure gives the gold denied tuple.
        "control": (3, 3, 2),
    }
    assert (score.agents.correct, score.agents.total) == (3, 4)  # the Denial's speaker is wrong
    assert errors_of(score, "entities", "FP") == [R + "4th-division", R + "finance-as-place"]
    fn = errors_of(score, "entities", "FN")
    assert fn in (["F1", "F2", "P2"], ["F1", "F3", "P2"])
    assert errors_of(score, "events", "FN") == ["V2", "V6"]
    assert errors_of(score, "events", "FP") == [R + "ev-2", R + "ev-6"]
    assert errors_of(score, "control", "FP") == [R + "cp-2", R + "cp-4", R + "cp-4"]
    assert sorted(e.text for e in score.errors if e.layer == "control" and e.kind == "FN") in (
        ["A1 started F1", "A1 started F2"],
        ["A1 started F1", "A1 started F3"],
    )


def test_alignment_clitic_quotes_and_containment(items: dict[str, GoldItem]) -> None:
    score = score_article(items["mixed-1"].gold, predicted("mixed-1"))
    assert score.alignment["A1"] == R + "asayish"  # mention written “الأسايش”, with quotes
    assert score.alignment["F4"] == R + "state-security"  # mention وأمن الدولة: clitic و
    assert score.alignment["F5"] == R + "military-security"  # الأمن العسكري inside أفرع الأمن العسكري
    assert score.alignment["G1"] == R + "service-institutions"  # a group, matched as an entity
    assert "F1" not in score.alignment and "P2" not in score.alignment
    assert len({score.alignment.get("F2"), score.alignment.get("F3")} - {None}) == 1


def test_dual_needs_two_predicted_entities(items: dict[str, GoldItem]) -> None:
    facts = predicted("mixed-1")
    text = items["mixed-1"].text
    start = text.index("شعبتي الريف")
    mention = Span.of(text, start, start + len("شعبتي الريف والمدينة"))
    facts.entities.append(Entity(R + "divisions-2", "Facility", "شعبة المدينة", mentions=[mention]))
    facts.control.append(ControlPeriod(R + "cp-9", R + "asayish", R + "divisions-2", started_by=R + "ev-1"))
    score = score_article(items["mixed-1"].gold, facts)
    assert counts(score)["entities"] == (9, 2, 2)
    assert counts(score)["control"] == (4, 3, 1)
    assert {score.alignment["F2"], score.alignment["F3"]} == {R + "divisions", R + "divisions-2"}


def test_type_mismatch_is_a_miss_and_a_spurious_entity(items: dict[str, GoldItem]) -> None:
    facts = predicted("mixed-1")
    finance = facts.entity(R + "finance-as-place")
    finance.type = "Facility"
    score = score_article(items["mixed-1"].gold, facts)
    assert counts(score)["entities"] == (9, 1, 2)
    assert score.alignment["F1"] == R + "finance-as-place"
    # the aligned facility now makes the F1 started tuple right
    assert counts(score)["control"] == (4, 2, 1)


def test_denied_tuple_comes_only_from_a_denied_seizure(items: dict[str, GoldItem]) -> None:
    facts = predicted("mixed-1")
    seizure = next(e for e in facts.events if e.id == R + "ev-5")
    seizure.status = "asserted"
    score = score_article(items["mixed-1"].gold, facts)
    assert counts(score)["control"] == (2, 3, 3)
    assert "A1 denied G1" in [e.text for e in score.errors if e.kind == "FN"]


def test_missing_and_extra_control_period(items: dict[str, GoldItem]) -> None:
    facts = predicted("mixed-1")
    facts.control = [c for c in facts.control if c.id != R + "cp-3"]  # the held period goes missing
    facts.control.append(ControlPeriod(R + "cp-8", R + "4th-division", R + "qamishli"))  # an extra one
    score = score_article(items["mixed-1"].gold, facts)
    assert counts(score)["control"] == (2, 4, 3)
    assert "A2 held P3" in [e.text for e in score.errors if e.kind == "FN"]
    assert "الفرقة الرابعة held القامشلي" in [e.text for e in score.errors if e.kind == "FP"]


def test_a_stated_holding_gives_held_next_to_the_event_status(items: dict[str, GoldItem]) -> None:
    facts = predicted("mixed-1")
    (held,) = [c for c in facts.control if c.id == R + "cp-3"]
    held.ended_by = R + "ev-1"  # the held period is now ended by an event of the article
    score = score_article(items["mixed-1"].gold, facts)
    assert "A2 held P3" in [e.text for e in score.errors if e.kind == "FN"]
    held.stated = Span(0, 6, "النظام")  # ... and the article also states the holding
    score = score_article(items["mixed-1"].gold, facts)
    assert counts(score)["control"] == (3, 4, 2)  # held matches again; the ended tuple is one FP more
    fp = [e.text for e in score.errors if e.layer == "control" and e.kind == "FP"]
    assert "النظام ended الأحياء الواقعة تحت سيطرة النظام" in fp
    assert "A2 held P3" not in [e.text for e in score.errors if e.kind == "FN"]
    assert facts_from_json(facts.to_json()).to_json() == facts.to_json()  # "stated" survives the round trip


def test_unknown_other_subtype_is_reported_unmatched(items: dict[str, GoldItem]) -> None:
    score = score_article(items["mixed-1"].gold, predicted("mixed-1"))
    (v6,) = [e for e in score.errors if e.id == "V6"]
    assert v6.kind == "FN"
    assert "Other/Curfew" in v6.text and "cannot match" in v6.text
    assert "Curfew" not in OTHER_SUBTYPES


def test_gold_other_maps_by_subtype(items: dict[str, GoldItem]) -> None:
    facts = predicted("mixed-1")
    deployment = next(e for e in facts.events if e.id == R + "ev-3")
    deployment.type = "Statement"
    score = score_article(items["mixed-1"].gold, facts)
    assert counts(score)["events"] == (3, 3, 3)
    assert "V3" in errors_of(score, "events", "FN")


def test_evaluate_report_totals_splits_phenomena_and_table() -> None:
    seen: list[Article] = []

    def extractor(article: Article) -> ArticleFacts:
        seen.append(article)
        return predicted(key_of(article.id))

    report = evaluate(GOLD_DIR, extractor)
    assert [a.language for a in seen] == ["ar", "en"]
    assert [a.published.isoformat() if a.published else None for a in seen] == ["2022-04-14", "2022-04-14"]
    assert counts(report.totals()) == {"entities": (10, 2, 3), "events": (5, 2, 2), "control": (3, 3, 2)}
    assert {k: counts(v) for k, v in report.groups("split").items()} == {
        "dev": {"entities": (8, 2, 3), "events": (4, 2, 2), "control": (3, 3, 2)},
        "heldout": {"entities": (2, 0, 0), "events": (1, 0, 0), "control": (0, 0, 0)},
    }
    assert sorted(report.groups("phenomenon")) == ["english", "mixed"]
    assert (report.agents().correct, report.agents().total) == (4, 5)
    assert len(report.errors) == 3 + 2 + 2 + 2 + 3 + 2

    data = report.to_json()
    assert data["totals"]["entities"] == {
        "tp": 10,
        "fp": 2,
        "fn": 3,
        "precision": round(10 / 12, 4),
        "recall": round(10 / 13, 4),
        "f1": round(2 * 10 / (2 * 10 + 2 + 3), 4),
    }
    assert data["by_split"]["heldout"]["events"]["f1"] == 1.0
    assert [i["id"] for i in data["items"]] == ["mixed-1", "english-1"]
    assert len(data["errors"]) == len(report.errors)
    json.dumps(data)  # serialisable as it is

    table = report.table().splitlines()
    assert table[2].split() == ["all", "entities", "0.833", "0.769", "0.800", "10", "2", "3"]
    assert "split=heldout events 1.000 1.000 1.000 1 0 0" in [" ".join(line.split()) for line in table]
    assert "phenomenon=mixed control 0.500 0.600 0.545 3 3 2" in [" ".join(line.split()) for line in table]
    assert table[-2] == "agents of matched events: 4/5 exact (0.800)"
    assert any(line.startswith("FN entities mixed-1: P2") for line in report.error_lines())
    text = report.errors_text()
    assert text.count("\n") == len(report.errors) == 14 and text.endswith("\n")
    assert "FN events   mixed-1: V6  Other/Curfew حظر التجول" in text


# --- discovery -------------------------------------------------------------------------------------------


def gold_passage(item_id: str, text: str, **extra: Any) -> dict[str, Any]:
    return {
        "id": item_id,
        "text": text,
        "entities": [{"id": "A1", "type": "Actor", "surface": "الأسايش", "mentions": ["الأسايش"]}],
        "events": [],
        "control": [],
        **extra,
    }


def test_discovers_the_three_layouts(tmp_path: Path) -> None:
    seed = tmp_path / "seed"
    seed.mkdir()
    shutil.copy(SEED_DIR / "expected.json", seed / "expected.json")
    shutil.copy(SEED_DIR / "article.txt", seed / "article.txt")
    shutil.copy(SEED_DIR / "facts.schema.json", seed / "facts.schema.json")  # not a gold file
    case = tmp_path / "cases" / "deep"
    case.mkdir(parents=True)
    (case / "withdrawal.json").write_text(
        json.dumps({k: v for k, v in gold_passage("x", "").items() if k not in ("id", "text")}),
        encoding="utf-8",
    )
    (case / "withdrawal.txt").write_text("انسحبت الأسايش.", encoding="utf-8")
    (case / "output.json").write_text(json.dumps(predicted("english-1").to_json()), encoding="utf-8")
    listed = [gold_passage("p1", "سيطرت الأسايش.", split="dev", phenomenon="seizure", published="2022-04-14")]
    (tmp_path / "list.json").write_text(json.dumps(listed, ensure_ascii=False), encoding="utf-8")
    lines = [
        gold_passage("p2", "طردت الأسايش الموظفين.", split="heldout"),
        gold_passage("p3", "The Asayish left."),
    ]
    (tmp_path / "more.jsonl").write_text(
        "\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n\n", encoding="utf-8"
    )

    found = load_gold(tmp_path)
    assert [(i.id, i.path.name, i.split, i.language) for i in found] == [
        ("cases/deep/withdrawal", "withdrawal.json", None, "ar"),
        ("p1", "list.json", "dev", "ar"),
        ("p2", "more.jsonl", "heldout", "ar"),
        ("p3", "more.jsonl", None, "en"),
        ("seed/expected", "expected.json", None, "ar"),
    ]
    by_id = {i.id: i for i in found}
    assert by_id["cases/deep/withdrawal"].text == "انسحبت الأسايش."
    assert by_id["seed/expected"].text == (SEED_DIR / "article.txt").read_text(encoding="utf-8")
    assert by_id["seed/expected"].published is not None
    assert by_id["seed/expected"].published.isoformat() == "2022-04-14"
    assert by_id["p1"].phenomenon == "seizure"
    article = by_id["p1"].article()
    assert article.id == article_iri(article_key("سيطرت الأسايش.", "p1"))


def test_deep_ids_are_relative_paths(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "case.json").write_text(json.dumps(gold_passage("", "نص")), encoding="utf-8")
    (item,) = load_gold(tmp_path)
    assert item.id == "a/b/case"


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        ({"entities": []}, "bad.json", r'bad\.json: key "events" must be a list'),
        (
            {"entities": [{"id": "A1", "type": "Person", "surface": "x"}], "events": [], "text": "x"},
            "bad.json",
            r'bad\.json: entities\[0\] \(A1\) has "type" \'Person\'',
        ),
        (
            {**gold_passage("q", "نص"), "control": [{"holder": ["A1"], "target": "A1", "status": "lost"}]},
            "bad.json",
            r'control\[0\] has "status" \'lost\'',
        ),
        (
            {**gold_passage("q", "نص"), "events": [{"type": "Seizure", "trigger": "x", "agents": ["A9"]}]},
            "bad.json",
            r'events\[0\] key "agents" names unknown entity ids \[\'A9\'\]',
        ),
        (
            {**gold_passage("q", "نص"), "published": "14/4/2022"},
            "bad.json",
            r'key "published" is \'14/4/2022\'',
        ),
        ({**gold_passage("q", "نص"), "split": "test"}, "bad.json", r'key "split" is \'test\''),
        ({"entities": [], "events": []}, "notext.json", r"notext\.json: no text"),
        (
            [{"entities": [], "events": [], "id": "z"}],
            "list.json",
            r'list\.json item 0: lacks the key "text"',
        ),
        ("not json", "broken.json", r"broken\.json: not JSON"),
    ],
)
def test_malformed_gold_file_is_an_input_error(tmp_path: Path, content: Any, name: str, message: str) -> None:
    raw = content if isinstance(content, str) else json.dumps(content, ensure_ascii=False)
    (tmp_path / name).write_text(raw, encoding="utf-8")
    with pytest.raises(InputError, match=message) as info:
        load_gold(tmp_path)
    assert str(tmp_path / name) in str(info.value)
    assert "fix the gold file" in str(info.value)


def test_malformed_jsonl_line_names_the_line(tmp_path: Path) -> None:
    good = json.dumps(gold_passage("ok", "نص"), ensure_ascii=False)
    (tmp_path / "items.jsonl").write_text(f"{good}\n{{broken\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"items\.jsonl line 2: not JSON"):
        load_gold(tmp_path)


def test_empty_or_missing_gold_dir(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no gold files under"):
        evaluate(tmp_path, lambda article: ArticleFacts(article))
    with pytest.raises(InputError, match="does not exist"):
        load_gold(tmp_path / "nowhere")


# --- the seed, predicted perfectly ------------------------------------------------------------------------


def _span(text: str, needle: str) -> Span:
    start = text.index(needle)  # a gold string that is not in the text is a broken gold file
    return Span.of(text, start, start + len(needle))


_STATUS = {"asserted": "asserted", "denied": "denied", "claimed": "reported", "planned": "hypothetical"}
_AGENT_ROLE = {"Negotiation": "party", "Siege": "besieger", "Denial": "speaker"}


def perfect_facts(gold: dict[str, Any], text: str, article: Article) -> ArticleFacts:
    """The facts a perfect extractor would give, built by locating every gold string in the text."""
    iri = {g["id"]: f"{R}seed/{g['id']}" for g in gold["entities"]} | {
        v["id"]: f"{R}seed/{v['id']}" for v in gold["events"]
    }
    entities = []
    for g in gold["entities"]:
        forms = dict.fromkeys([g["surface"], *g.get("mentions", []), *g.get("clitic_forms", [])])
        entities.append(
            Entity(
                iri[g["id"]],
                g["type"],
                g["surface"],
                mentions=[_span(text, f) for f in forms],
                members=[iri[m] for m in g.get("members", [])],
            )
        )
    events = []
    for n, v in enumerate(gold["events"]):
        kind = OTHER_SUBTYPES[v["subtype"]] if v["type"] == "Other" else v["type"]
        trigger = _span(text, next(t for t in v["trigger"] if t in text))
        roles = {
            _AGENT_ROLE.get(kind, "agent"): [iri[a] for a in v["agents"]],
            "target": [iri[t] for t in v["targets"]],
            "mediator": [iri[m] for m in v.get("mediator", [])],
        }
        events.append(
            Event(iri[v["id"]], kind, _STATUS[v["modality"]], roles, evidence=trigger, trigger=trigger, seq=n)
        )
    periods: dict[tuple[str, str], dict[str, str | None]] = {}
    for c in gold["control"]:
        if c["status"] == "denied":
            continue  # comes from the denied Seizure event
        (holder,) = c["holder"]
        period = periods.setdefault((holder, c["target"]), {"started": None, "ended": None})
        if c["status"] in ("started", "ended"):
            period[c["status"]] = iri[c["event"]]
    control = [
        ControlPeriod(f"{R}seed/cp-{n}", iri[h], iri[t], started_by=p["started"], ended_by=p["ended"])
        for n, ((h, t), p) in enumerate(periods.items())
    ]
    return ArticleFacts(article, entities, events, control)


def test_perfect_prediction_of_the_seed_scores_one(tmp_path: Path) -> None:
    shutil.copy(SEED_DIR / "expected.json", tmp_path / "expected.json")
    shutil.copy(SEED_DIR / "article.txt", tmp_path / "article.txt")
    (item,) = load_gold(tmp_path)

    report = evaluate(tmp_path, lambda article: perfect_facts(item.gold, item.text, article))
    assert counts(report.totals()) == {
        "entities": (len(item.gold["entities"]), 0, 0),
        "events": (len(item.gold["events"]), 0, 0),
        "control": (len(item.gold["control"]), 0, 0),
    }
    for c in report.totals().values():
        assert (c.precision, c.recall, c.f1) == (1.0, 1.0, 1.0)
    assert report.agents().accuracy == 1.0
    assert report.errors == []
    alignment = report.items[0].score.alignment
    assert all(
        alignment[g["id"]] == f"{R}seed/{g['id']}"
        for g in item.gold["entities"]
        if g["id"] not in ("F10", "F11")
    )
    assert {alignment["F10"], alignment["F11"]} == {f"{R}seed/F10", f"{R}seed/F11"}


def test_empty_prediction_of_the_seed_scores_zero_recall(tmp_path: Path) -> None:
    shutil.copy(SEED_DIR / "expected.json", tmp_path / "expected.json")
    shutil.copy(SEED_DIR / "article.txt", tmp_path / "article.txt")
    report = evaluate(tmp_path, lambda article: ArticleFacts(article))
    gold = json.loads((SEED_DIR / "expected.json").read_text(encoding="utf-8"))
    assert counts(report.totals()) == {
        "entities": (0, 0, len(gold["entities"])),
        "events": (0, 0, len(gold["events"])),
        "control": (0, 0, len(gold["control"])),
    }
    assert report.totals()["entities"].recall == 0.0


# --- small parts -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "folded"),
    [
        ("قوات “الأسايش”", "قوات الاسايش"),
        ("لـ”قسد”", "لقسد"),
        ("مؤسَّسةٌ إعلاميّة", "موسسه اعلاميه"),
        ("مستشفى آذار", "مستشفي اذار"),
        ("  Russian   Forces, ", "russian forces"),
    ],
)
def test_normalize(raw: str, folded: str) -> None:
    assert normalize(raw) == folded


def test_facts_json_round_trip_and_errors() -> None:
    raw = json.loads((DATA / "predicted" / "mixed-1.json").read_text(encoding="utf-8"))
    assert facts_from_json(raw).to_json() == raw
    broken = copy.deepcopy(raw)
    del broken["events"][0]["evidence"]
    with pytest.raises(InputError, match=r"facts\.schema\.json"):
        facts_from_json(broken)
    broken = copy.deepcopy(raw)
    broken["article"]["language"] = "fr"
    with pytest.raises(InputError, match="'fr'"):
        facts_from_json(broken)


def test_report_of_nothing_is_empty() -> None:
    report = EvalReport()
    assert counts(report.totals()) == {"entities": (0, 0, 0), "events": (0, 0, 0), "control": (0, 0, 0)}
    assert report.to_json()["items"] == []


def test_clitics_are_stripped_from_either_side_and_words_stay_whole() -> None:
    text = "وعود لـ”قسد” بإدخال الشاحنات للأحياء المحاصرة، وانتشرت الأسايش في المربع الأمني"
    gold = {
        "entities": [
            {"id": "A4", "type": "Actor", "surface": "قسد", "mentions": ["قسد"]},
            {"id": "P7", "type": "Place", "surface": "الأحياء المحاصرة", "mentions": ["الأحياء المحاصرة"]},
            {"id": "P5", "type": "Place", "surface": "المربع الأمني", "mentions": ["المربع الأمني"]},
        ],
        "events": [],
    }
    article = Article(article_iri("clitics"), text, "ar")

    def entity(name: str, kind: Any, mention: str) -> Entity:
        return Entity(R + name, kind, mention, mentions=[_span(text, mention)])

    facts = ArticleFacts(
        article,
        [
            entity("sdf", "Actor", "لـ”قسد”"),  # ل + quotes + tatweel on the predicted side
            entity("besieged", "Place", "للأحياء المحاصرة"),  # لل read as ال
            entity("security", "Place", "الأم"),  # a part of a word is no whole word
        ],
    )
    score = score_article(gold, facts)
    assert counts(score)["entities"] == (2, 1, 1)
    assert score.alignment == {"A4": R + "sdf", "P7": R + "besieged"}
    # and the other way round: the clitic on the gold side
    gold["entities"][0]["surface"] = "وقسد"
    gold["entities"][0]["mentions"] = ["وقسد"]
    facts.entities[0] = Entity(R + "sdf", "Actor", "قسد", mentions=[_span(text, "قسد")])
    assert score_article(gold, facts).alignment["A4"] == R + "sdf"


@pytest.mark.parametrize(("members", "control"), [([R + "divisions"], (3, 3, 2)), ([], (2, 4, 3))])
def test_gold_group_target_matches_any_predicted_group(
    items: dict[str, GoldItem], members: list[str], control: tuple[int, int, int]
) -> None:
    facts = predicted("mixed-1")
    text = items["mixed-1"].text
    facts.entities.append(
        Entity(R + "those", "Facility", "المؤسسات", mentions=[_span(text, "المعابر")], members=members)
    )
    seizure = next(e for e in facts.events if e.id == R + "ev-5")
    seizure.roles["target"] = [R + "those"]  # a group the alignment did not pair with G1
    score = score_article(items["mixed-1"].gold, facts)
    assert counts(score)["control"] == control
    assert counts(score)["entities"] == (8, 3, 3)


def test_score_article_checks_the_gold_it_is_given(items: dict[str, GoldItem]) -> None:
    gold = copy.deepcopy(items["mixed-1"].gold)
    gold["control"][0]["holder"] = ["A7"]
    with pytest.raises(InputError, match=r"mixed-1: control\[0\] names unknown entity ids \['A7'\]"):
        score_article(gold, predicted("mixed-1"), item="mixed-1")


# --- time of matched events --------------------------------------------------------------------------------

TIME_AR = "سيطروا على المعبر أمس. انسحبوا منه اليوم. حاصروا البلدة الشهر الماضي. أغلقوا الطريق. اقتحموا المقر. فرضوا إتاوة."
TIME_EN = "They seized the crossing on Monday. They withdrew later."


def _gold_event(vid: str, kind: str, trigger: str, bounds: tuple[str, str] | None) -> dict[str, Any]:
    event: dict[str, Any] = {"id": vid, "type": kind, "trigger": trigger, "agents": [], "targets": []}
    if bounds is not None:
        event["time"] = "x"
        event["time_bounds"] = {"earliest": bounds[0], "latest": bounds[1]}
    return event


def _time_gold() -> list[dict[str, Any]]:
    day = "2022-04-14"
    return [
        gold_passage(
            "t1",
            TIME_AR,
            published=day,
            phenomenon="time",
            split="dev",
            events=[
                _gold_event("V1", "Seizure", "سيطروا", ("2022-04-13", "2022-04-13")),
                _gold_event("V2", "Withdrawal", "انسحبوا", (day, day)),
                _gold_event("V3", "Siege", "حاصروا", ("2022-03-01", "2022-03-31")),
                _gold_event("V4", "Closure", "أغلقوا", (day, day)),
                _gold_event("V5", "Seizure", "اقتحموا", ("2022-04-01", "2022-04-10")),
                _gold_event("V6", "Levy", "فرضوا", (day, day)),  # never predicted: not counted
            ],
        ),
        gold_passage(
            "e1",
            TIME_EN,
            published=day,
            language="en",
            phenomenon="english",
            split="heldout",
            events=[
                _gold_event("V1", "Seizure", "seized", ("2022-04-11", "2022-04-11")),
                _gold_event("V2", "Withdrawal", "withdrew", None),  # no gold bounds: not counted
            ],
        ),
    ]


def _time_facts(article: Article) -> ArticleFacts:
    text = article.text
    d = date

    def event(n: int, kind: str, trigger: str, when: When | None) -> Event:
        span = _span(text, trigger)
        return Event(f"{R}time/{n}", kind, "asserted", {}, evidence=span, trigger=span, time=when)  # type: ignore[arg-type]

    if text == TIME_AR:
        events = [
            event(1, "Seizure", "سيطروا", When(d(2022, 4, 13), d(2022, 4, 13))),  # exact (and contains)
            event(2, "Withdrawal", "انسحبوا", When(d(2022, 4, 10), d(2022, 4, 14))),  # contains only
            event(3, "Siege", "حاصروا", When(d(2022, 3, 5), d(2022, 3, 5))),  # narrower: neither
            event(4, "Closure", "أغلقوا", None),  # no time: neither
            event(5, "Seizure", "اقتحموا", When(None, d(2022, 4, 12))),  # open start: contains only
        ]
    else:
        events = [
            event(6, "Seizure", "seized", When(None, None, "on Monday")),  # no bound at all: neither
            event(7, "Withdrawal", "withdrew", When(d(2022, 4, 14), d(2022, 4, 14))),
        ]
    return ArticleFacts(article, [], events, [])


def test_time_of_matched_events_exact_and_containing(tmp_path: Path) -> None:
    (tmp_path / "time.json").write_text(json.dumps(_time_gold(), ensure_ascii=False), encoding="utf-8")
    report = evaluate(tmp_path, _time_facts)
    by_id = {s.item.id: s.score.time for s in report.items}
    assert (by_id["t1"].exact, by_id["t1"].contains, by_id["t1"].total) == (1, 3, 5)
    assert (by_id["e1"].exact, by_id["e1"].contains, by_id["e1"].total) == (0, 0, 1)
    total = report.time()
    assert (total.exact, total.contains, total.total) == (1, 3, 6)
    assert (round(total.exact_share, 4), total.contains_share) == (0.1667, 0.5)
    assert {k: (v.exact, v.contains, v.total) for k, v in report.time_groups("phenomenon").items()} == {
        "english": (0, 0, 1),
        "time": (1, 3, 5),
    }
    assert {k: (v.exact, v.contains, v.total) for k, v in report.time_groups("split").items()} == {
        "dev": (1, 3, 5),
        "heldout": (0, 0, 1),
    }
    # the scorer's other figures are untouched by time: every gold event but t1/V6 is matched
    assert counts(report.totals())["events"] == (7, 0, 1)

    data = report.to_json()
    assert data["time"] == {
        "exact": 1,
        "contains": 3,
        "total": 6,
        "exact_share": 0.1667,
        "contains_share": 0.5,
    }
    assert data["time_by_phenomenon"]["time"]["contains_share"] == 0.6
    assert data["time_by_split"]["heldout"]["total"] == 1
    assert [i["time"]["total"] for i in data["items"]] == [5, 1]
    json.dumps(data)

    table = [" ".join(line.split()) for line in report.table().splitlines()]
    assert "time of matched events with gold bounds: exact 1/6 (0.167), contains 3/6 (0.500)" in table
    assert "time phenomenon=time exact 1/5 (0.200), contains 3/5 (0.600)" in table
    assert "time phenomenon=english exact 0/1 (0.000), contains 0/1 (0.000)" in table
    assert "time split=heldout exact 0/1 (0.000), contains 0/1 (0.000)" in table
    assert table[-2].startswith("agents of matched events:")


def test_time_of_a_perfect_prediction_is_one() -> None:
    gold = _time_gold()[0]
    text = gold["text"]
    article = Article(id=article_iri(article_key(text, "t1")), text=text, language="ar")
    events = []
    for n, g in enumerate(gold["events"]):
        span = _span(text, g["trigger"])
        b = g["time_bounds"]
        when = When(date.fromisoformat(b["earliest"]), date.fromisoformat(b["latest"]))
        events.append(Event(f"{R}p/{n}", g["type"], "asserted", {}, evidence=span, trigger=span, time=when))
    score = score_article(gold, ArticleFacts(article, [], events, []), item="t1")
    assert (score.time.exact, score.time.contains, score.time.total) == (6, 6, 6)


@pytest.mark.parametrize(
    "bounds", [{"earliest": "2022-13-01", "latest": "2022-04-14"}, {"latest": "2022-04-14"}, "2022-04-14"]
)
def test_malformed_time_bounds_is_an_input_error(tmp_path: Path, bounds: Any) -> None:
    gold = _time_gold()[:1]
    gold[0]["events"][1]["time_bounds"] = bounds
    (tmp_path / "time.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(
        InputError, match=r'item 0 \(id t1\): events\[1\] key "time_bounds" is .*fix the gold'
    ):
        load_gold(tmp_path)


# --- the event types added for issue 3: Handover, SiegeLifting, Reopening ------------------------------------

_LIFT_TEXT = "فكت قوات الحشد الطوق عن سنجار وسلمت النقاط للجيش ثم أعادت فتح الطريق وأزالت الحواجز"


def _lifting_gold(*events: dict[str, Any]) -> dict[str, Any]:
    return {
        "entities": [],
        "events": [{"agents": [], "targets": [], "modality": "asserted", **e} for e in events],
    }


def _predicted_events(*typed: tuple[str, str]) -> ArticleFacts:
    """Facts whose events have the given (type, trigger word of _LIFT_TEXT)."""
    article = Article(article_iri("lifting"), _LIFT_TEXT, "ar")
    events = [
        Event(R + f"ev-{n}", type_, "asserted", {}, _span(_LIFT_TEXT, word), trigger=_span(_LIFT_TEXT, word))  # type: ignore[arg-type]
        for n, (type_, word) in enumerate(typed)
    ]
    return ArticleFacts(article, [], events)


@pytest.mark.parametrize(
    ("gold", "predicted_type", "matched"),
    [
        ({"type": "Siege", "phase": "lifted", "trigger": ["فكت"]}, "SiegeLifting", True),
        ({"type": "Siege", "phase": "lifted", "trigger": ["فكت"]}, "Siege", False),
        ({"type": "Siege", "trigger": ["فكت"]}, "SiegeLifting", False),
        ({"type": "Siege", "trigger": ["فكت"]}, "Siege", True),
        ({"type": "Other", "subtype": "RoadOpening", "trigger": ["فتح"]}, "Reopening", True),
        ({"type": "Other", "subtype": "RoadOpening", "trigger": ["فتح"]}, "Deployment", False),
        (
            {"type": "Other", "subtype": "RoadOpening/CheckpointRemoval", "trigger": ["أزالت"]},
            "Reopening",
            True,
        ),
        ({"type": "Closure", "phase": "lifted", "trigger": ["فتح"]}, "Reopening", True),
        ({"type": "Closure", "trigger": ["فتح"]}, "Reopening", False),
        ({"type": "Withdrawal", "trigger": ["سلمت"]}, "Handover", True),
        ({"type": "Withdrawal", "trigger": ["سلمت"]}, "Withdrawal", True),
        ({"type": "Seizure", "trigger": ["سلمت"]}, "Handover", False),
    ],
)
def test_new_types_match_the_gold_annotation(
    gold: dict[str, Any], predicted_type: str, matched: bool
) -> None:
    word = gold["trigger"][0]
    score = score_article(_lifting_gold({"id": "V1", **gold}), _predicted_events((predicted_type, word)))
    assert counts(score)["events"] == ((1, 0, 0) if matched else (0, 1, 1))


def test_a_lifted_siege_error_line_names_its_phase() -> None:
    score = score_article(
        _lifting_gold({"id": "V1", "type": "Siege", "phase": "lifted", "trigger": ["فكت"]}),
        _predicted_events(),
    )
    (fn,) = score.errors
    assert fn.kind == "FN" and "Siege (lifted)" in fn.text


def test_new_types_round_trip_through_the_schema_json() -> None:
    import jsonschema

    facts = _predicted_events(("Handover", "سلمت"), ("SiegeLifting", "فكت"), ("Reopening", "فتح"))
    facts.events[1].lifts = [R + "ev-siege"]
    data = facts.to_json()
    schema = json.loads((SEED_DIR / "facts.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)
    forms = [(e["type"], e.get("subtype"), e.get("phase")) for e in data["events"]]
    assert forms == [
        ("Withdrawal", "Handover", None),
        ("Siege", "SiegeLifting", "lifted"),
        ("Closure", "Reopening", "lifted"),
    ]
    back = facts_from_json(data)
    assert [e.type for e in back.events] == ["Handover", "SiegeLifting", "Reopening"]
    assert back.events[1].lifts == [R + "ev-siege"]
    assert back.to_json() == data
    data["events"][0]["subtype"] = "Surrender"
    with pytest.raises(InputError, match=r"'Withdrawal' with subtype 'Surrender'"):
        facts_from_json(data)
    data["events"][0] = {**data["events"][0], "type": "Capture"}
    del data["events"][0]["subtype"]
    with pytest.raises(InputError, match=r"event type 'Capture' is not one of"):
        facts_from_json(data)


@pytest.mark.parametrize(
    ("gold", "wanted"),
    [
        ({"type": "Siege"}, "Siege"),
        ({"type": "Siege", "phase": "ongoing"}, "Siege"),
        ({"type": "Siege", "phase": "lifted"}, "SiegeLifting"),
        ({"type": "Closure", "phase": "lifted"}, "Reopening"),
        ({"type": "Withdrawal", "phase": "lifted"}, "Withdrawal"),  # no lifted form: the type itself
        ({"type": "Other", "subtype": "CheckpointRemoval"}, "Reopening"),
        ({"type": "Other", "subtype": "Curfew"}, None),
    ],
)
def test_gold_event_type(gold: dict[str, Any], wanted: str | None) -> None:
    assert gold_event_type(gold) == wanted
