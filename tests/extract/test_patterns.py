"""Events from triggers and frames: subjects, verbal-noun agents, roles by preposition, factuality."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from conflictkg.facts import ArticleFacts, Event
from conflictkg.namespace import CKR_NS

R = CKR_NS


def _one(facts: ArticleFacts, event_type: str) -> Event:
    found = [e for e in facts.events if e.type == event_type]
    assert len(found) == 1, [(e.type, e.trigger.text if e.trigger else None) for e in facts.events]
    return found[0]


def test_subject_after_the_verb(extract: Callable[..., ArticleFacts]) -> None:
    ev = _one(extract("سيطرت قوات الدعم السريع على مطار الخرطوم الدولي."), "Seizure")
    assert ev.roles == {"agent": [R + "rsf"], "target": [R + "khartoum-airport"]}
    assert ev.status == "asserted" and ev.trigger is not None and ev.trigger.text == "سيطرت"
    assert "subject:vso" in ev.rule


def test_pluperfect_subject_between_kana_and_qad(extract: Callable[..., ArticleFacts]) -> None:
    ev = _one(extract("وكانت قوات الدعم السريع قد سيطرت على مطار الخرطوم الدولي."), "Seizure")
    assert ev.roles["agent"] == [R + "rsf"]
    assert "pluperfect" in ev.rule and "subject:kana" in ev.rule
    assert ev.evidence.text.startswith("وكانت")


def test_verbal_noun_with_relative_support_verb_and_mediator(extract: Callable[..., ArticleFacts]) -> None:
    ev = _one(
        extract("وجاء ذلك بعد مفاوضات أجراها الجيش الوطني الليبي مع الحكومة اليمنية بوساطة الأمم المتحدة."),
        "Negotiation",
    )
    assert ev.roles["party"] == [R + "lna", R + "yemeni-government"]
    assert ev.roles["mediator"] == [R + "united-nations"]


def test_the_subject_carries_over_to_the_next_clause(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("انتشرت قوات الحشد الشعبي في مدينة الموصل، وقامت بإغلاق جميع المعابر المؤدية إليها.")
    assert _one(facts, "Deployment").roles["agent"] == [R + "pmf"]
    closure = _one(facts, "Closure")
    assert closure.roles["agent"] == [R + "pmf"] and len(closure.roles["target"]) == 1
    assert "carried-subject" in closure.rule


def test_support_verb_subject_and_lam_object(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("وفرضت الفرقة الرابعة إتاوات على الشاحنات. ويستمر حصار الحوثيين لمدينة مأرب.")
    assert _one(facts, "Levy").roles["agent"] == [R + "fourth-division"]
    siege = _one(facts, "Siege")
    assert siege.roles == {"besieger": [R + "houthis"], "besieged": [R + "marib"]}


def test_the_latter_is_the_latest_actor_named(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract(
        "اتهمت قوات سوريا الديمقراطية الجيش التركي بالتصعيد، رغم قيام الأخير بفرض حصار على مدينة منبج."
    )
    siege = _one(facts, "Siege")
    assert siege.roles["besieger"] == [R + "turkish-forces"]
    assert "agent:latter" in siege.rule


def test_negation(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("لم تنسحب القوات التركية من مدينة منبج.")
    ev = _one(facts, "Withdrawal")
    assert ev.status == "negated" and ev.time is None
    assert facts.control == []


def test_plans_are_hypothetical(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("ومن المقرر أن تنسحب القوات الروسية من مطار القامشلي.")
    assert _one(facts, "Withdrawal").status == "hypothetical"
    assert facts.control == []


def test_a_denial_scopes_the_reported_event(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("نفت هيئة تحرير الشام التقارير التي تحدثت عن سيطرتها على معبر باب الهوى.")
    denial, seizure = _one(facts, "Denial"), _one(facts, "Seizure")
    assert denial.roles == {"speaker": [R + "hts"]}
    assert seizure.status == "denied" and denial.denies == [seizure.id]
    assert seizure.roles == {"agent": [R + "hts"], "target": [R + "bab-al-hawa-crossing"]}
    assert facts.control == []


def test_a_statement_reports_its_content(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("وأكد الجيش السوداني في بيان أن قوات الدعم السريع انسحبت من مدينة أم درمان.")
    statement, withdrawal = _one(facts, "Statement"), _one(facts, "Withdrawal")
    assert statement.roles == {"speaker": [R + "saf"]} and statement.status == "asserted"
    assert withdrawal.status == "reported" and withdrawal.roles["agent"] == [R + "rsf"]
    assert "subject:svo" in withdrawal.rule
    assert facts.control == []


def test_an_announced_withdrawal_is_the_event_itself(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("أعلنت القوات الروسية الانسحاب من مطار القامشلي.")
    assert [e.type for e in facts.events] == ["Withdrawal"]
    assert facts.events[0].roles["agent"] == [R + "russian-forces"]


def test_lifting_a_siege_is_not_a_siege(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("وطالب الأهالي بفك الحصار عن مدينة مأرب.")
    assert [e.type for e in facts.events if e.type == "Siege"] == []


def test_a_promise_to_a_beneficiary(extract: Callable[..., ArticleFacts]) -> None:
    ev = _one(extract("وسط وعود لقوات سوريا الديمقراطية بإدخال المساعدات."), "Promise")
    assert ev.status == "hypothetical" and ev.roles == {"beneficiary": [R + "sdf"]}


def test_an_anonymous_speaker_is_not_replaced_by_the_previous_subject(
    extract: Callable[..., ArticleFacts],
) -> None:
    facts = extract(
        "انتشرت القوات التركية في مدينة منبج. وقالت مصادر محلية إن القوات التركية انسحبت من مدينة منبج."
    )
    assert [e.type for e in facts.events if e.type == "Statement"] == []
    withdrawal = _one(facts, "Withdrawal")
    # unnamed sources are the outlet's ordinary reporting (passages README): the withdrawal is asserted
    assert withdrawal.status == "asserted" and withdrawal.roles["agent"] == [R + "turkish-forces"]
    assert [(p.holder, p.facility, p.ended_by) for p in facts.control] == [
        (R + "turkish-forces", R + "manbij", withdrawal.id)
    ]


def test_a_named_speaker_still_makes_its_account_reported(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("وقالت قوات سوريا الديمقراطية إن القوات التركية انسحبت من مدينة منبج.")
    assert _one(facts, "Withdrawal").status == "reported"
    assert facts.control == []


def test_support_verb_with_min_and_a_region_is_a_place(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract(
        "سيطرت فصائل المعارضة على بلدة كفرنبودة في ريف حماة الشمالي. "
        "وتمكنت قوات النظام من السيطرة على قرية الهبيط."
    )
    first, second = (e for e in facts.events if e.type == "Seizure")
    labels = {e.id: e.label for e in facts.entities}
    assert labels[first.roles["agent"][0]] == "فصائل المعارضة"
    assert labels[first.roles["target"][0]] == "بلدة كفرنبودة"
    assert labels[first.roles["place"][0]] == "ريف حماة الشمالي"
    assert second.roles["agent"] == [R + "syrian-government-forces"]
    assert labels[second.roles["target"][0]] == "قرية الهبيط"
    assert "support-verb-subject" in second.rule


def test_an_announced_seizure_with_a_pronoun_agent(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("أعلن الجيش الوطني الليبي سيطرته الكاملة على مدينة سرت.")
    # the announcement of an owned act ("سيطرته") is told too; the act stays asserted
    assert _one(facts, "Announcement").roles["speaker"] == [R + "lna"]
    ev = _one(facts, "Seizure")
    assert ev.status == "asserted" and ev.roles["agent"] == [R + "lna"]
    # Sirte is a known city (gazetteer): "مدينة سرت" is that city
    assert ev.roles["target"] == [R + "sirte"]


def test_the_genitive_of_a_transitive_verbal_noun_is_its_object(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("انتشرت جماعة الحوثي في مدينة مأرب، وقامت بطرد قوات الحكومة اليمنية من المدينة.")
    expulsion = _one(facts, "Expulsion")
    assert expulsion.roles["agent"] == [R + "houthis"]
    assert expulsion.roles["patient"] == [R + "yemeni-government"]


def test_an_announcement_of_an_owned_act_is_told_with_its_time(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("أعلنت جماعة الحوثي، الأربعاء، سيطرتها على معسكر ماس.", published=date(2022, 4, 14))
    ev = _one(facts, "Seizure")
    assert ev.roles["agent"] == [R + "houthis"] and ev.status == "asserted"
    announcement = _one(facts, "Announcement")
    assert announcement.roles["speaker"] == [R + "houthis"]
    # the time written after the announcing verb dates the announcement (story.py: nearest event)
    assert announcement.time is not None and announcement.time.exact == date(2022, 4, 13)


def test_an_announced_bare_act_is_one_event(extract: Callable[..., ArticleFacts]) -> None:
    # "أعلنت X الانسحاب": the definite verbal noun with no owner is the act itself, told once
    facts = extract("أعلنت قوات الدعم السريع الانسحاب من مطار الخرطوم الدولي.")
    assert [e.type for e in facts.events] == ["Withdrawal"]
    assert facts.events[0].roles["agent"] == [R + "rsf"]
