"""The story: repeated mentions merged, events linked (response, outcome), timed and ordered."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from conflictkg.facts import ArticleFacts, Event
from conflictkg.namespace import CKR_NS

R = CKR_NS
STORMED = (
    "أعلنت هيئة تحرير الشام الانسحاب من مبنى البلدية في مدينة إدلب، وذلك بعد ساعات من اقتحامها له. "
    "وكانت هيئة تحرير الشام قد سيطرت على مبنى البلدية في مدينة إدلب."
)


def _of(facts: ArticleFacts, event_type: str) -> list[Event]:
    return [e for e in facts.events if e.type == event_type]


def test_storming_and_pluperfect_control_are_one_seizure_told_before_the_withdrawal(
    extract: Callable[..., ArticleFacts],
) -> None:
    facts = extract(STORMED, published=date(2023, 3, 2))
    [seizure] = _of(facts, "Seizure")
    [withdrawal] = _of(facts, "Withdrawal")
    assert {"اقتحم", "سيطر"} <= set(seizure.rule.replace("+", ":").split(":"))
    assert seizure.seq < withdrawal.seq
    assert withdrawal.time is not None and withdrawal.time.text == "بعد ساعات من اقتحامها"
    assert withdrawal.time.exact == date(2023, 3, 2)
    assert seizure.roles["target"] == withdrawal.roles["target"]


def test_sieges_by_a_unit_and_its_force_merge(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("حاصرت قوات النظام مدينة درعا. ويستمر حصار الفرقة الرابعة لمدينة درعا.")
    [siege] = _of(facts, "Siege")
    assert siege.roles["besieger"] == [R + "syrian-government-forces", R + "fourth-division"]
    assert siege.roles["besieged"] == [R + "daraa"]


def test_sieges_of_different_places_stay_apart(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("حاصرت قوات النظام مدينة درعا. وبدأ حصار قوات النظام لحي الشيخ مقصود.")
    sieges = _of(facts, "Siege")
    assert sorted(s.roles["besieged"][0] for s in sieges) == [R + "daraa", R + "sheikh-maqsoud"]


def test_in_response_to_and_outcome(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract(
        "سيطرت قوات سوريا الديمقراطية على مديرية التربية في مدينة الرقة رداً على حصار قوات النظام "
        "لحي الشيخ مقصود. وجاء الانسحاب من مديرية التربية بعد مفاوضات بين قوات سوريا الديمقراطية "
        "وقوات النظام."
    )
    [seizure] = _of(facts, "Seizure")
    [siege] = _of(facts, "Siege")
    [negotiation] = _of(facts, "Negotiation")
    [withdrawal] = _of(facts, "Withdrawal")
    assert seizure.in_response_to == [siege.id]
    assert negotiation.outcome == [withdrawal.id]
    assert siege.seq < seizure.seq < negotiation.seq < withdrawal.seq
    assert withdrawal.roles["agent"] == [R + "sdf"]
    assert [(p.started_by, p.ended_by) for p in facts.control] == [(seizure.id, withdrawal.id)]


def test_an_undated_asserted_event_defaults_to_the_publication_date(
    extract: Callable[..., ArticleFacts],
) -> None:
    facts = extract("انسحبت القوات التركية من مدينة منبج.", published=date(2021, 1, 5))
    [ev] = facts.events
    assert ev.time is not None and ev.time.exact == date(2021, 1, 5) and ev.time.text is None
    assert ev.rule.endswith("time:default-publication-date")


def test_a_time_expression_anchors_its_event(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("وكان الحوثيون قد سيطروا أمس على مطار صنعاء الدولي.", published=date(2021, 1, 5))
    [ev] = facts.events
    assert ev.time is not None and ev.time.exact == date(2021, 1, 4) and ev.time.text == "أمس"


def test_without_publication_date_no_date_is_invented(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("انسحبت القوات التركية من مدينة منبج.", published=None)
    assert facts.events[0].time is None


# --- time relative to another event ---------------------------------------------------------------------
WED = date(2023, 5, 10)  # a Wednesday


def _time(facts: ArticleFacts, event_type: str) -> tuple[date | None, date | None]:
    [ev] = _of(facts, event_type)
    assert ev.time is not None
    return ev.time.earliest, ev.time.latest


def test_a_day_after_an_event_told_next_counts_back_from_the_dated_one(
    extract: Callable[..., ArticleFacts],
) -> None:
    facts = extract(
        "Tribal fighters seized the town of Dhiban on Tuesday, a day after the SDF withdrew from the town "
        "of Busayrah.",
        published=WED,
        language="en",
    )
    assert _time(facts, "Seizure") == (date(2023, 5, 9), date(2023, 5, 9))
    assert _time(facts, "Withdrawal") == (date(2023, 5, 8), date(2023, 5, 8))
    [withdrawal] = _of(facts, "Withdrawal")
    assert withdrawal.time is not None and withdrawal.time.text is None
    assert withdrawal.seq < _of(facts, "Seizure")[0].seq


def test_two_days_after_an_event_with_its_own_weekday(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract(
        "The Houthis stormed the Sanaa airport on Monday, two days after government forces withdrew from "
        "the Sanaa airport.",
        published=WED,
        language="en",
    )
    assert _time(facts, "Seizure") == (date(2023, 5, 8), date(2023, 5, 8))
    assert _time(facts, "Withdrawal") == (date(2023, 5, 6), date(2023, 5, 6))


def test_n_days_later_counts_from_the_event_told_before(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract(
        "Houthi fighters seized the Hodeidah port on Saturday and withdrew from it two days later.",
        published=WED,
        language="en",
    )
    assert _time(facts, "Seizure") == (date(2023, 5, 6), date(2023, 5, 6))
    assert _time(facts, "Withdrawal") == (date(2023, 5, 8), date(2023, 5, 8))
    [withdrawal] = _of(facts, "Withdrawal")
    assert withdrawal.time is not None and withdrawal.time.text == "two days later"


@pytest.mark.parametrize(
    ("text", "first", "then", "first_day", "then_day"),
    [
        (
            "Houthi fighters seized the Kilo 16 checkpoint on Sunday, and three days later government "
            "forces pulled out of the Hays district.",
            "Seizure",
            "Withdrawal",
            date(2023, 5, 14),
            date(2023, 5, 17),
        ),
        (
            "The SDF withdrew from the Ain Issa silos on 10 May, then a day later Syrian government forces "
            "took over the silos.",
            "Withdrawal",
            "Seizure",
            date(2023, 5, 10),
            date(2023, 5, 11),
        ),
    ],
)
def test_a_count_later_heading_the_next_clause_counts_from_the_event_before_it(
    extract: Callable[..., ArticleFacts], text: str, first: str, then: str, first_day: date, then_day: date
) -> None:
    facts = extract(text, published=date(2023, 5, 20), language="en")
    assert _time(facts, first) == (first_day, first_day)
    assert _time(facts, then) == (then_day, then_day)
    [a], [b] = _of(facts, first), _of(facts, then)
    assert a.seq < b.seq


def test_after_n_days_from_the_verbal_noun_opens_a_clause_of_its_own(
    extract: Callable[..., ArticleFacts],
) -> None:
    facts = extract(
        "سيطرت قوات النظام على بلدة الصنمين يوم الجمعة، وبعد يومين من سيطرتها انسحبت منها.",
        published=WED,
    )
    assert _time(facts, "Seizure") == (date(2023, 5, 5), date(2023, 5, 5))
    assert _time(facts, "Withdrawal") == (date(2023, 5, 7), date(2023, 5, 7))
    [withdrawal] = _of(facts, "Withdrawal")
    assert "time:relative:after-event" in withdrawal.rule


def test_a_closure_then_a_levy_two_days_after_it(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract(
        "أغلقت الفرقة الرابعة معبر التايهة يوم الأحد، وبعد يومين من إغلاقه فرضت رسوماً على الشاحنات.",
        published=WED,
    )
    assert _time(facts, "Closure") == (date(2023, 5, 7), date(2023, 5, 7))
    assert _time(facts, "Levy") == (date(2023, 5, 9), date(2023, 5, 9))


def test_nothing_dated_the_later_event_is_the_news_and_the_earlier_counted_back(
    extract: Callable[..., ArticleFacts],
) -> None:
    facts = extract(
        "Three days after the Houthis seized the Sanaa airport, the Saudi-led coalition announced a new "
        "offensive.",
        published=WED,
        language="en",
    )
    assert _time(facts, "Announcement") == (WED, WED)
    assert _time(facts, "Seizure") == (date(2023, 5, 7), date(2023, 5, 7))


def test_a_count_from_an_event_the_article_does_not_tell_never_dates_into_the_future(
    extract: Callable[..., ArticleFacts],
) -> None:
    facts = extract("انسحبت قوات النظام من مدينة درعا بعد يومين من حصارها.", published=WED)
    assert _time(facts, "Withdrawal") == (WED, WED)


# --- which event a time belongs to ------------------------------------------------------------------------
def test_a_time_inside_a_relative_clause_is_not_the_main_events(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract(
        "سيطرت قوات العمالقة على معسكر اللواء 26 الذي كان تحت سيطرة الحوثيين منذ عام ٢٠٢١.", published=WED
    )
    [seizure] = _of(facts, "Seizure")
    assert seizure.time is not None and seizure.time.exact == WED
    assert "default-publication-date" in seizure.rule


def test_a_time_of_a_process_that_lasted_is_not_the_events(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract(
        "انسحبت القوات الحكومية من مديرية حريب إثر معارك عنيفة استمرت منذ فجر الإثنين.", published=WED
    )
    assert _time(facts, "Withdrawal") == (WED, WED)


def test_a_time_opening_the_sentence_covers_each_of_its_events(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract(
        "خلال الأيام الثلاثة الماضية، انتشرت قوات العمالقة في مديرية بيحان، وسيطرت على معسكر اللواء 26.",
        published=WED,
    )
    window = (date(2023, 5, 7), WED)
    assert _time(facts, "Deployment") == window
    assert _time(facts, "Seizure") == window


def test_an_english_time_opening_the_sentence_covers_coordinated_verbs(
    extract: Callable[..., ArticleFacts],
) -> None:
    facts = extract(
        "Last week, the SDF deployed in Manbij and seized the Manbij military airport.",
        published=WED,
        language="en",
    )
    assert _time(facts, "Seizure") == _time(facts, "Deployment") == (date(2023, 4, 26), date(2023, 5, 9))


def test_what_came_right_before_a_dated_event_is_told_as_the_same_day(
    extract: Callable[..., ArticleFacts],
) -> None:
    facts = extract("سيطر الحوثيون أمس على مديرية حريب بعد انسحاب القوات الحكومية منها.", published=WED)
    yesterday = (date(2023, 5, 9), date(2023, 5, 9))
    assert _time(facts, "Seizure") == yesterday
    assert _time(facts, "Withdrawal") == yesterday
    [withdrawal] = _of(facts, "Withdrawal")
    assert withdrawal.time is not None and withdrawal.time.text is None


# --- one act told by its verb and by the noun it produced -----------------------------------------------
def test_agreed_to_a_ceasefire_is_one_agreement(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract(
        "The SDF and the Syrian government agreed on Tuesday to a ceasefire in Manbij.",
        published=WED,
        language="en",
    )
    [agreement] = _of(facts, "Agreement")
    assert agreement.status == "asserted" and len(agreement.roles["party"]) == 2
    assert "agree" in agreement.rule and "ceasefire" in agreement.rule


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("سيطرت هيئة تحرير الشام على مدينة سرمدا وتخطط للسيطرة على معبر باب الهوى.", "hypothetical"),
        ("سيطرت هيئة تحرير الشام على مدينة سرمدا، ولم تتمكن من السيطرة على معبر باب الهوى.", "negated"),
    ],
)
def test_a_planned_or_negated_act_keeps_its_target_and_opens_no_control(
    extract: Callable[..., ArticleFacts], text: str, status: str
) -> None:
    facts = extract(text, published=WED)
    seizures = {e.status: e for e in _of(facts, "Seizure")}
    assert set(seizures) == {"asserted", status}
    assert seizures["asserted"].roles["target"] != seizures[status].roles["target"]
    assert [p.facility for p in facts.control] == seizures["asserted"].roles["target"]


# --- a handover told again as a noun: one event, whoever the noun's clause is about ----------------------
@pytest.mark.parametrize(
    ("text", "giver"),
    [
        (
            "سلّمت هيئة تحرير الشام معبر باب الهوى إلى وزارة الداخلية. "
            "وتسلّمت وزارة الداخلية معبر باب الهوى صباح اليوم، في عملية تسليم جرت دون اشتباكات.",
            R + "hts",
        ),
        (
            "سلّم الجيش السوداني مطار الخرطوم الدولي لقوات الدعم السريع. "
            "وتسلّمت قوات الدعم السريع مطار الخرطوم الدولي أمس، في عملية تسليم جرت بوساطة محلية.",
            R + "saf",
        ),
        (
            "سلّمت قوات سوريا الديمقراطية مطار القامشلي إلى القوات الروسية. "
            "وتسلّمت القوات الروسية مطار القامشلي، في عملية تسليم جرت بإشراف وجهاء المدينة.",
            R + "sdf",
        ),
    ],
)
def test_a_handover_noun_told_again_is_the_handover_not_a_withdrawal_of_the_receiver(
    extract: Callable[..., ArticleFacts], text: str, giver: str
) -> None:
    facts = extract(text)
    giving_up = [e for e in facts.events if e.type in ("Handover", "Withdrawal")]
    assert len(giving_up) == 1
    [handover] = giving_up
    assert handover.roles["agent"] == [giver]
    assert handover.roles.get("beneficiary")
    enders = {p.holder for p in facts.control if p.ended_by}
    assert enders == {giver}


def test_a_withdrawal_with_its_own_subject_stays_apart_from_a_handover(
    extract: Callable[..., ArticleFacts],
) -> None:
    facts = extract(
        "سلّمت هيئة تحرير الشام معبر باب الهوى إلى وزارة الداخلية. "
        "وانسحبت قوات النظام من حي الشيخ مقصود في مدينة حلب."
    )
    agents = sorted(a for e in facts.events if e.type in ("Handover", "Withdrawal") for a in e.roles["agent"])
    assert len(agents) == 2 and R + "hts" in agents


# --- which clause a time belongs to -----------------------------------------------------------------
def test_a_time_after_a_contrasting_conjunction_is_not_the_event_before_it(
    extract: Callable[..., ArticleFacts],
) -> None:
    for opener in ("فيما", "بينما", "في حين"):
        facts = extract(
            f"اقتحم الحوثيون مبنى جامعة الحديدة، {opener} يبقى ميناء الحديدة تحت سيطرتهم منذ سنوات.",
            published=WED,
        )
        assert _time(facts, "Seizure") == (WED, WED), opener


def test_a_time_after_a_contrasting_conjunction_goes_to_the_event_after_it(
    extract: Callable[..., ArticleFacts],
) -> None:
    facts = extract(
        "سيطرت قوات النظام على حي الشيخ مقصود، فيما انسحبت أمس قوات سوريا الديمقراطية من مطار القامشلي.",
        published=WED,
    )
    assert _time(facts, "Seizure") == (WED, WED)
    assert _time(facts, "Withdrawal") == (date(2023, 5, 9), date(2023, 5, 9))


def test_a_time_of_the_source_is_not_the_events(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract(
        "RSF fighters withdrew from the Hantoub bridge, according to a UN update issued on Monday.",
        published=WED,
        language="en",
    )
    assert _time(facts, "Withdrawal") == (WED, WED)


@pytest.mark.parametrize(
    ("text", "second"),
    [
        ("اقتحم مسلحون مجهولون مبنى البلدية في مدينة عتق فجر السبت وطردوا موظفيه.", "Expulsion"),
        ("اقتحمت قوات الدعم السريع مطار الخرطوم الدولي أمس وطردت موظفيه.", "Expulsion"),
        ("سيطرت هيئة تحرير الشام يوم الإثنين على معبر باب الهوى وأغلقته أمام المسافرين.", "Closure"),
    ],
)
def test_a_verb_joined_by_and_shares_the_day_of_the_verb_before(
    extract: Callable[..., ArticleFacts], text: str, second: str
) -> None:
    facts = extract(text, published=WED)
    [seizure] = _of(facts, "Seizure")
    [other] = _of(facts, second)
    assert seizure.time is not None and seizure.time.earliest is not None and seizure.time.earliest < WED
    assert other.time is not None
    assert (other.time.earliest, other.time.latest) == (seizure.time.earliest, seizure.time.latest)
    assert "coordinated-verb" in other.rule


def test_a_clause_with_a_subject_of_its_own_keeps_to_its_own_time(
    extract: Callable[..., ArticleFacts],
) -> None:
    facts = extract(
        "اقتحمت قوات الدعم السريع مطار الخرطوم الدولي أمس، وانسحب الجيش السوداني من مدينة الجنينة.",
        published=WED,
    )
    assert _time(facts, "Seizure") == (date(2023, 5, 9), date(2023, 5, 9))
    assert _time(facts, "Withdrawal") == (WED, WED)


@pytest.mark.parametrize(
    "text",
    [
        "سيطرت قوات الدعم السريع على مطار الخرطوم الدولي، وأكدت أن تسليم المطار تم دون قتال.",
        "تسلّمت وزارة الداخلية معبر باب الهوى، في عملية تسليم جرت بحضور وجهاء المنطقة.",
        "سيطر الحوثيون على معسكر العبر، وجرت عملية التسليم بوساطة قبلية.",
    ],
)
def test_a_handover_noun_after_a_taking_over_is_that_taking_over_from_the_other_side(
    extract: Callable[..., ArticleFacts], text: str
) -> None:
    facts = extract(text)
    [seizure] = _of(facts, "Seizure")
    assert not [e for e in facts.events if e.type in ("Handover", "Withdrawal")]
    assert "transfer-seen-from-the-giver" in seizure.rule
    assert all(p.ended_by is None for p in facts.control)


def test_a_handover_verb_with_its_own_subject_is_a_handover_of_its_own(
    extract: Callable[..., ArticleFacts],
) -> None:
    facts = extract(
        "سيطرت قوات الدعم السريع على مطار الخرطوم الدولي، ثم سلّمت قوات الدعم السريع المطار "
        "إلى الجيش السوداني."
    )
    assert len(_of(facts, "Seizure")) == 1
    assert [e.type for e in facts.events if e.type in ("Handover", "Withdrawal")] == ["Handover"]


def test_a_reported_fact_is_never_dated_after_the_report(extract: Callable[..., ArticleFacts]) -> None:
    for future in ("بعد غد", "غداً", "الشهر المقبل"):
        facts = extract(
            f"انتشرت قوات الأمن العام في مدينة سرمدا، على أن تبدأ {future} إدارة المعابر.", published=WED
        )
        [deployment] = _of(facts, "Deployment")
        assert deployment.time is not None and deployment.time.latest == WED, future


def test_a_count_after_a_source_clause_still_dates_the_event_it_names(
    extract: Callable[..., ArticleFacts],
) -> None:
    facts = extract(
        "The Southern Transitional Council handed Aden airport to the Giants Brigades on Monday, "
        "according to two officials, a week after Houthi fighters withdrew from Marib.",
        published=WED,
        language="en",
    )
    [withdrawal] = _of(facts, "Withdrawal")
    assert withdrawal.time is not None and withdrawal.time.exact == date(2023, 5, 1)


@pytest.mark.parametrize(
    ("text", "language", "latest"),
    [
        (
            "The Iraqi army is due to take over the Sinune checkpoints by the end of the month.",
            "en",
            date(2023, 5, 31),
        ),
        (
            "Turkish forces are expected to withdraw from the Ain Issa base by the end of the year.",
            "en",
            date(2023, 12, 31),
        ),
        ("من المقرر أن تتسلم قوات الجيش السوري معبر اليعربية بحلول نهاية الشهر.", "ar", date(2023, 5, 31)),
    ],
)
def test_a_deadline_bounds_a_plan_from_the_report_to_that_day(
    extract: Callable[..., ArticleFacts], text: str, language: str, latest: date
) -> None:
    facts = extract(text, published=date(2023, 5, 10), language=language)
    [event] = [e for e in facts.events if e.status == "hypothetical"]
    assert event.time is not None and (event.time.earliest, event.time.latest) == (date(2023, 5, 10), latest)


@pytest.mark.parametrize(
    "text",
    [
        "A local official said on Monday that the SDF had withdrawn from the Tal Tamr silos.",
        "Residents said on Monday that Houthi fighters will pull out of the Hays district.",
        "وقال مسؤول محلي يوم الإثنين إن قوات سوريا الديمقراطية انسحبت من صوامع تل تمر.",
    ],
)
def test_the_day_someone_spoke_is_not_the_day_of_what_they_said(
    extract: Callable[..., ArticleFacts], text: str
) -> None:
    facts = extract(text, published=date(2023, 5, 10), language="ar" if not text.isascii() else "en")
    [withdrawal] = _of(facts, "Withdrawal")
    assert withdrawal.time is None or withdrawal.time.text is None
    assert withdrawal.time is None or withdrawal.time.earliest != date(2023, 5, 8)
