"""Rules added to raise recall on unseen news (issue 3): handovers, expulsions, held control, new
triggers and head nouns. Each test is a short passage written for the rule, run through the real
extractor over the real gazetteer."""

from __future__ import annotations

from collections.abc import Callable

from extract_helpers import control_tuples, entity_labels

from conflictkg.facts import ArticleFacts, Event

R = "https://w3id.org/conflictkg/id/"


def _one(facts: ArticleFacts, event_type: str) -> Event:
    found = [e for e in facts.events if e.type == event_type]
    assert len(found) == 1, [(e.type, e.trigger.text if e.trigger else None) for e in facts.events]
    return found[0]


def test_a_handover_ends_the_giver_and_starts_the_receiver(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("سلّمت قوات الحشد الشعبي مقر اللواء الثالث في مدينة سامراء إلى الجيش العراقي.")
    ev = _one(facts, "Handover")
    assert ev.status == "asserted" and ev.roles["agent"] == [R + "pmf"]
    labels = entity_labels(facts)
    assert [labels[b] for b in ev.roles["beneficiary"]] == ["الجيش العراقي"]
    assert control_tuples(facts) == {
        ("الحشد الشعبي", "مقر اللواء الثالث", "ended"),
        ("الجيش العراقي", "مقر اللواء الثالث", "started"),
    }
    started = next(p for p in facts.control if p.started_by)
    assert started.started_by == ev.id


def test_a_denied_handover_moves_no_control(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("نفت قوات الحشد الشعبي تسليم مقر اللواء الثالث إلى الجيش العراقي.")
    handover = _one(facts, "Handover")
    assert handover.status == "denied" and _one(facts, "Denial").denies == [handover.id]
    assert facts.control == []


def test_an_expulsion_of_an_armed_actor_ends_its_control(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("طردت هيئة تحرير الشام عناصر حركة أحرار الشام من بلدة سراقب.")
    ev = _one(facts, "Expulsion")
    assert ev.roles["agent"] == [R + "hts"] and ev.roles["target"] == [R + "saraqib"]
    assert control_tuples(facts) == {
        ("حركة أحرار الشام", "سراقب", "ended"),  # "عناصر X": the members act for the known group X
        ("هيئة تحرير الشام", "سراقب", "started"),
    }


def test_expelling_unnamed_staff_moves_no_control(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("طردت قوات الأسايش الموظفين من مديرية المالية في القامشلي.")
    _one(facts, "Expulsion")
    assert facts.control == []


def test_still_controls_is_held_control_and_no_seizure(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("وقال الجيش السوداني إن قوات الدعم السريع لا تزال تسيطر على مطار الخرطوم.")
    assert [e.type for e in facts.events] == ["Statement"]
    assert control_tuples(facts) == {("قوات الدعم السريع", "مطار الخرطوم الدولي", "held")}
    [p] = facts.control
    assert p.start is not None and p.end is not None and p.start.latest == p.end.earliest


def test_a_relative_clause_with_the_present_control_verb_is_held(
    extract: Callable[..., ArticleFacts],
) -> None:
    facts = extract("اشتبكت القوات قرب مدينة منبج التي تسيطر عليها قوات سوريا الديمقراطية.")
    assert [e for e in facts.events if e.type == "Seizure"] == []
    assert control_tuples(facts) == {("قوات سوريا الديمقراطية", "منبج", "held")}


def test_the_past_control_verb_is_still_a_seizure(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("سيطرت قوات سوريا الديمقراطية على مدينة منبج.")
    assert _one(facts, "Seizure").status == "asserted"
    assert control_tuples(facts) == {("قوات سوريا الديمقراطية", "منبج", "started")}


def test_entering_a_town_is_a_seizure(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("دخلت القوات التركية بلدة تل تمر صباح اليوم.")
    ev = _one(facts, "Seizure")
    assert ev.roles == {"agent": [R + "turkish-forces"], "target": [R + "tal-tamr"]}
    assert control_tuples(facts) == {("القوات التركية", "تل تمر", "started")}


def test_taking_over_is_a_seizure(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("تسلمت قوات النظام حاجز دوار نوروز في الحسكة.")
    ev = _one(facts, "Seizure")
    labels = entity_labels(facts)
    assert ev.roles["agent"] == [R + "syrian-government-forces"]
    assert [labels[t] for t in ev.roles["target"]] == ["حاجز دوار نوروز"]


def test_anonymous_sources_report_asserted_events(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("قالت مصادر محلية إن قوات النظام سيطرت على مدينة الرقة.")
    assert [e.type for e in facts.events] == ["Seizure"]
    assert _one(facts, "Seizure").status == "asserted"
    assert control_tuples(facts) == {("قوات النظام", "الرقة", "started")}


def test_new_head_nouns_name_unknown_tribes_markets_and_councils(
    extract: Callable[..., ArticleFacts],
) -> None:
    facts = extract("اقتحم مسلحون من عشيرة البكارة سوق المدينة الكبير. وأفاد مجلس بلدة الصور المحلي بذلك.")
    kinds = {(e.label, e.type) for e in facts.entities}
    assert ("عشيرة البكارة", "Actor") in kinds
    assert ("سوق المدينة الكبير", "Facility") in kinds
    assert ("مجلس بلدة الصور المحلي", "Actor") in kinds
    statement = _one(facts, "Statement")
    assert [entity_labels(facts)[s] for s in statement.roles["speaker"]] == ["مجلس بلدة الصور المحلي"]


def test_ministries_are_actors(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("وأكدت وزارة الدفاع التركية أن قواتها انتشرت في بلدة عين عيسى.")
    assert ("وزارة الدفاع التركية", "Actor") in {(e.label, e.type) for e in facts.entities}


def test_wider_gazetteer_places_resolve(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("وعقدت المفاوضات في الدوحة بين الحكومة اليمنية والحوثيين بشأن مدينة تعز.")
    ids = {e.id for e in facts.entities}
    assert {R + "doha", R + "taiz"} <= ids
