"""Frame completeness: only complete facts leave the extractor, and the real SHACL shapes accept them.

The core roles are data (``triggers.json``); one mechanism (``extract/frames.py``) fills a missing core
role from coreference or drops the event with its reason. The last tests run the project's real
validator (``cli.build_validator``) over the seed, every example article and short passages.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from conflictkg import iri
from conflictkg.articles import read_articles
from conflictkg.cli import build_validator
from conflictkg.errors import ConfigurationError
from conflictkg.extract import Extractor
from conflictkg.extract.frames import Diagnostic, complete, missing_roles
from conflictkg.extract.lexicon import CoreRole, _core, load_lexicon
from conflictkg.extract.patterns import EventMention
from conflictkg.extract.story import StoryEvent
from conflictkg.facts import Article, ArticleFacts
from conflictkg.model import article_graph
from conflictkg.namespace import CKR_NS
from conflictkg.settings import PROJECT_ROOT, get_settings
from conflictkg.validate import Validator

R = CKR_NS
SEED = Path(__file__).resolve().parents[3] / "shared" / "seed"
EXAMPLES = PROJECT_ROOT / "examples" / "articles"
KINDS = {
    "asayish": "Actor",
    "fourth-division": "Actor",
    "syrian-government-forces": "Actor",
    "sdf": "Actor",
    "finance": "Facility",
    "grain": "Facility",
    "ashrafieh": "Place",
}


def _kind(x: str) -> str | None:
    return KINDS.get(x)


def _unrelated(a: str, b: str) -> bool:
    return a == b


def _event(kind: str, trigger: int, status: str = "asserted", **roles: list[str]) -> StoryEvent:
    m = EventMention(kind, trigger, trigger // 100, trigger + 5, (trigger, trigger + 5), status=status)
    for role, values in roles.items():
        for v in values:
            m.add(role, v)
    ev = StoryEvent(kind, [m], status)
    ev.add_roles(m)
    return ev


# ----------------------------------------------------------------------------------- the data
def test_core_roles_are_declared_as_data_for_the_types_the_shapes_constrain() -> None:
    types = load_lexicon().types
    core = {name: {(c.role, c.min) for c in spec.core} for name, spec in types.items() if spec.core}
    assert core == {
        "Seizure": {("agent", 1), ("target", 1)},
        "Withdrawal": {("agent", 1), ("target", 1)},
        "Siege": {("besieger", 1), ("besieged", 1)},
        # no Negotiation: talks are told without naming their sides ("بعد مفاوضات مطولة")
        "Denial": {("speaker", 1), ("denies", 1)},
        # issue 3 types (a Handover with no recipient is read as a Withdrawal, see patterns.py)
        "Handover": {("agent", 1), ("target", 1)},
        "SiegeLifting": {("besieged", 1)},
        "Reopening": {("target", 1)},
    }
    target = next(c for c in types["Seizure"].core if c.role == "target")
    assert target.accepts("Facility") and target.accepts("Place") and not target.accepts("Actor")


@pytest.mark.parametrize(
    ("item", "message"),
    [
        ({"min": 1}, r"core role of Siege has no 'role' name"),
        ({"role": "besieger", "min": 0}, r"core role 'besieger' of Siege has min=0: use an integer >= 1"),
    ],
)
def test_a_malformed_core_role_is_a_clear_configuration_error(item: dict[str, object], message: str) -> None:
    with pytest.raises(ConfigurationError, match=message):
        _core("Siege", item)


def test_missing_roles_counts_fillers_and_denied_events() -> None:
    core = (CoreRole("party", 2), CoreRole("denies", 1))
    assert [c.role for c in missing_roles({"party": ["a"]}, [], core)] == ["party", "denies"]
    assert missing_roles({"party": ["a", "b"]}, [3], core) == []


# ------------------------------------------------------------------------------ the mechanism
def test_a_siege_told_again_without_its_besieger_merges_into_the_siege_that_names_it() -> None:
    told = _event("Siege", 10, besieger=["fourth-division"], besieged=["ashrafieh"])
    again = _event("Siege", 250, "reported", besieged=["ashrafieh"])
    done = complete([told, again], load_lexicon(), _kind, _unrelated, lambda _: None)
    assert len(done.events) == 1 and done.index == {0: 0, 1: 0}
    assert done.events[0].roles["besieger"] == ["fourth-division"]
    assert [m.trigger for m in done.events[0].mentions] == [10, 250]
    assert done.dropped == []


def test_a_siege_of_another_place_does_not_lend_its_besieger() -> None:
    told = _event("Siege", 10, besieger=["fourth-division"], besieged=["ashrafieh"])
    other = _event("Siege", 250, besieged=["finance"])
    done = complete([told, other], load_lexicon(), _kind, _unrelated, lambda _: None)
    assert done.events == [told]
    assert [(d.type, d.trigger, d.reason) for d in done.dropped] == [
        ("Siege", 250, "Siege without a besieger (Actor)")
    ]


def test_a_withdrawal_without_target_takes_the_targets_of_the_same_agents_seizure() -> None:
    seizure = _event("Seizure", 10, agent=["asayish"], target=["finance", "grain"])
    other = _event("Seizure", 20, agent=["sdf"], target=["ashrafieh"])
    withdrawal = _event("Withdrawal", 300, agent=["asayish"])
    done = complete([seizure, other, withdrawal], load_lexicon(), _kind, _unrelated, lambda _: None)
    assert done.events[2].roles["target"] == ["finance", "grain"]
    assert "fill:target-from-Seizure" in done.events[2].mentions[0].rule


def test_a_withdrawal_told_as_the_anchor_of_a_later_event_takes_no_target_from_before() -> None:
    # "X seized A on Tuesday, a day after Y withdrew ...": what happened before continues nothing told
    # before it, even by the same agent
    seizure = _event("Seizure", 10, agent=["asayish"], target=["finance"])
    withdrawal = _event("Withdrawal", 40, agent=["asayish"])
    withdrawal.anchors_later = True
    done = complete([seizure, withdrawal], load_lexicon(), _kind, _unrelated, lambda _: None)
    assert done.events == [seizure]
    assert [(d.type, d.reason) for d in done.dropped] == [
        ("Withdrawal", "Withdrawal without a target (Facility/Place)")
    ]


def test_a_handover_without_target_joins_the_withdrawal_of_its_sentence() -> None:
    # "أعلنت X انسحابها من A بعد تسليمها إلى Y": one place given up, told as leaving and as handing over
    withdrawal = _event("Withdrawal", 10, agent=["asayish"], target=["finance"])
    handover = _event("Handover", 14, agent=["asayish"], beneficiary=["sdf"])
    done = complete([withdrawal, handover], load_lexicon(), _kind, _unrelated, lambda _: None)
    [ev] = done.events
    assert ev.type == "Handover" and done.index == {0: 0, 1: 0}
    assert ev.roles["target"] == ["finance"] and ev.roles["beneficiary"] == ["sdf"]


def test_a_handover_in_another_sentence_stays_apart() -> None:
    withdrawal = _event("Withdrawal", 10, agent=["asayish"], target=["finance"])
    handover = _event("Handover", 140, agent=["asayish"], beneficiary=["sdf"])
    done = complete([withdrawal, handover], load_lexicon(), _kind, _unrelated, lambda _: None)
    assert [e.type for e in done.events] == ["Withdrawal"]
    assert [d.type for d in done.dropped] == ["Handover"]


def test_extract_merges_a_withdrawal_and_the_handover_of_its_place(
    extract: Callable[..., ArticleFacts],
) -> None:
    facts = extract("أعلنت قوات سوريا الديمقراطية انسحابها من صوامع العالية بعد تسليمها إلى قوات النظام.")
    [ev] = [e for e in facts.events if e.type in ("Withdrawal", "Handover")]
    labels = {e.id: e.label for e in facts.entities}
    assert [labels[b] for b in ev.roles["beneficiary"]] == ["قوات النظام"]
    assert sorted((labels[p.holder], bool(p.started_by), bool(p.ended_by)) for p in facts.control) == [
        ("قوات النظام", True, False),
        ("قوات سوريا الديمقراطية", False, True),
    ]


def test_a_target_of_the_wrong_type_is_removed_and_the_event_dropped_when_nothing_fills_it() -> None:
    withdrawal = _event("Withdrawal", 30, agent=["asayish"], target=["asayish"])
    done = complete([withdrawal], load_lexicon(), _kind, _unrelated, lambda _: None)
    assert done.events == []
    assert done.dropped[0].reason == "Withdrawal without a target (Facility/Place)"


def test_a_denial_of_a_dropped_event_is_dropped_and_references_are_renumbered() -> None:
    kept = _event("Closure", 5, agent=["fourth-division"])
    claim = _event("Seizure", 40, "denied", agent=["asayish"])  # no target: dropped
    denial = _event("Denial", 30, speaker=["asayish"])
    denial.denies = [1]
    done = complete([kept, claim, denial], load_lexicon(), _kind, _unrelated, lambda _: None)
    assert done.events == [kept]
    assert sorted(d.type for d in done.dropped) == ["Denial", "Seizure"]
    assert next(d for d in done.dropped if d.type == "Denial").reason == "Denial without a denies"


def test_a_denial_keeps_its_denied_event_under_its_new_index() -> None:
    dropped = _event("Siege", 1, besieger=["fourth-division"])
    claim = _event("Closure", 40, "denied", agent=["asayish"])
    denial = _event("Denial", 30, speaker=["asayish"])
    denial.denies = [1]
    done = complete([dropped, claim, denial], load_lexicon(), _kind, _unrelated, lambda _: None)
    assert done.events == [claim, denial] and denial.denies == [0]
    assert done.dropped[0].reason == "Siege without a besieged"


def test_talks_with_unnamed_sides_are_kept_and_a_mediator_is_never_a_party() -> None:
    unnamed = _event("Negotiation", 1, mediator=["russian-forces"])
    both = _event("Negotiation", 90, party=["sdf", "russian-forces"], mediator=["russian-forces"])
    done = complete([unnamed, both], load_lexicon(), _kind, _unrelated, lambda _: None)
    assert done.dropped == [] and len(done.events) == 2
    assert done.events[0].roles == {"mediator": ["russian-forces"]}
    assert done.events[1].roles["party"] == ["sdf"] and done.events[1].roles["mediator"] == ["russian-forces"]


# ------------------------------------------------------------------------ through the extractor
def _facts(
    extractor: Extractor, text: str, published: date = date(2023, 5, 10)
) -> tuple[ArticleFacts, list[Diagnostic]]:
    return extractor.extract(Article(iri.article_iri(iri.article_key(text)), text, "ar", published))


def test_a_withdrawal_from_them_after_a_seizure_leaves_what_was_seized(extractor: Extractor) -> None:
    facts, dropped = _facts(
        extractor,
        "سيطرت قوات الأسايش على مديرية المالية في القامشلي صباح اليوم، ثم انسحبت منها مساء اليوم نفسه.",
    )
    withdrawal = next(e for e in facts.events if e.type == "Withdrawal")
    assert withdrawal.roles["target"] == [R + "qamishli-finance-directorate"]
    period = next(p for p in facts.control if p.facility == R + "qamishli-finance-directorate")
    assert period.ended_by == withdrawal.id and dropped == []


def test_a_seizure_only_referred_back_to_is_not_minted(extractor: Extractor) -> None:
    facts, dropped = _facts(
        extractor, "انسحبت قوات الأسايش أمس من مديرية المالية في القامشلي، بعد يومين من سيطرتها عليها."
    )
    assert [e.type for e in facts.events] == ["Withdrawal"]
    assert [(d.type, d.span.text if d.span else None) for d in dropped] == [("Seizure", "سيطرتها")]
    assert "back-reference" in dropped[0].reason
    assert all(p.started_by is None for p in facts.control)


def test_diagnostics_never_reach_the_json(extractor: Extractor) -> None:
    facts, dropped = _facts(extractor, "فرضت الفرقة الرابعة حصاراً. ثم عاد الحصار.")
    assert facts.events == [] and [d.type for d in dropped] == ["Siege"]
    assert "dropped" not in json.dumps(facts.to_json()) and "diagnostic" not in json.dumps(facts.to_json())


# ------------------------------------------------------------------- the real validator agrees
PASSAGES = [
    "حاصرت قوات النظام بلدة كفرنبودة منذ أسبوع. وقال ناشطون إن الحصار أدى إلى نقص في الطحين.",
    "سيطرت قوات الأسايش على مديرية المالية في القامشلي صباح اليوم، ثم انسحبت منها مساء اليوم نفسه.",
    "انسحبت قوات الأسايش أمس من مديرية المالية في القامشلي، بعد يومين من سيطرتها عليها.",
    "جرت مفاوضات في القامشلي برعاية القوات الروسية.",
    "نفت الفرقة الرابعة اعتقال موظفين في مديرية المالية.",
    "وكانت الفرقة الرابعة قد فرضت حصاراً على حيي الشيخ مقصود والأشرفية، فيما نفت قسد أي انسحاب.",
    "انسحبت قوات الأسايش من قوات النظام. ثم عاد الحصار.",
    "أعلنت قسد انسحابها، ونفت الفرقة الرابعة أن تكون قد سيطرت على المعبر.",
]


@pytest.fixture(scope="module")
def validator() -> Validator:
    return build_validator(get_settings())


def _articles() -> list[tuple[str, Article]]:
    out = [
        (
            "seed",
            Article(
                iri.article_iri("seed"),
                (SEED / "article.txt").read_text(encoding="utf-8"),
                "ar",
                date(2022, 4, 14),
            ),
        )
    ]
    for item in read_articles([EXAMPLES]):
        assert item.article is not None, item.error
        out.append((iri.key_of(item.article.id), item.article))
    for n, text in enumerate(PASSAGES):
        out.append((f"passage-{n}", Article(iri.article_iri(f"passage-{n}"), text, "ar", date(2023, 5, 10))))
    return out


ENGLISH = [
    "The Fajr Brigade besieged the Abu Salim neighbourhood. The brigade later withdrew from it.",
    "Talks mediated by Russian forces were held in Qamishli. The SDF denied that it had seized anything.",
    "The Asayish withdrew from the finance directorate in Qamishli after talks between the SDF and the "
    "Syrian government, brokered by Russian forces.",
]
ARTICLES = _articles() + [
    (f"english-{n}", Article(iri.article_iri(f"english-{n}"), text, "en", date(2024, 2, 8)))
    for n, text in enumerate(ENGLISH)
]


@pytest.mark.parametrize(("name", "article"), ARTICLES, ids=[n for n, _ in ARTICLES])
def test_every_fact_the_extractor_emits_conforms_to_the_shapes(
    name: str, article: Article, extractor: Extractor, validator: Validator
) -> None:
    facts = extractor(article)
    report = validator(article_graph(facts))
    assert report.conforms, f"{name}:\n{report.text()}"


def test_the_examples_and_passages_exercise_dropping(extractor: Extractor) -> None:
    """The conformance above is not vacuous: incomplete frames are found and dropped on the way."""
    reasons = [d.reason for _, a in ARTICLES for d in extractor.extract(a)[1]]
    assert any("Siege without" in r for r in reasons)
    assert any("Denial without a denies" in r for r in reasons)
    assert any("back-reference" in r for r in reasons)


def test_a_withdrawal_from_an_actor_is_no_withdrawal(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("انسحبت قوات الأسايش من قوات النظام.")
    assert {e.id for e in facts.entities} >= {R + "asayish", R + "syrian-government-forces"}
    assert all(e.type != "Withdrawal" for e in facts.events)
