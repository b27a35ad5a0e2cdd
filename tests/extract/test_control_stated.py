"""A holding the article states ("الذي ظل تحت سيطرته منذ 2017") is kept on the period an event of the same
article opens or closes (``ControlPeriod.stated``), and the relative clause between the site and the held
marker is read through."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from extract_helpers import entity_labels

from conflictkg.facts import ArticleFacts


def periods(facts: ArticleFacts) -> set[tuple[str, str, bool, bool, bool]]:
    """(holder, site, started, ended, stated) of every control period."""
    names = entity_labels(facts)
    return {
        (names[p.holder], names[p.facility], bool(p.started_by), bool(p.ended_by), p.stated is not None)
        for p in facts.control
        if p.kind == "control"
    }


@pytest.mark.parametrize(
    ("text", "holder", "site"),
    [
        (
            "سلّمت «كتيبة الفاروق» مبنى البريد في مدينة الزاوية، الذي ظل تحت سيطرتها منذ عام 2017، إلى الشرطة.",
            "كتيبة الفاروق",
            "مبنى البريد",
        ),
        (
            "انسحب «لواء الصمود» من مبنى السرايا الحكومية، الذي كان تحت سيطرته منذ سنوات.",
            "لواء الصمود",
            "مبنى السرايا الحكومية",
        ),
        (
            "أخلت «سرايا الجبل» مقر البلدية، الذي بقي تحت سيطرتها طوال عامين.",
            "سرايا الجبل",
            "مقر البلدية",
        ),
        (
            "انسحبت «كتيبة النور» من مستشفى المدينة، الذي كانت قد ظلت تحت سيطرتها منذ الربيع.",
            "كتيبة النور",
            "مستشفى المدينة",
        ),
    ],
)
def test_a_holding_told_in_a_relative_clause_is_stated_on_the_period_the_withdrawal_ends(
    extract: Callable[..., ArticleFacts], text: str, holder: str, site: str
) -> None:
    facts = extract(text)
    assert (holder, site, False, True, True) in periods(facts)


def test_the_relative_pronoun_agrees_with_its_site_not_with_the_place_after_it(
    extract: Callable[..., ArticleFacts],
) -> None:
    # الذي cannot stand for "مدينة" (feminine): the held site is the building
    facts = extract("سلّمت «كتيبة الفاروق» مبنى البريد في مدينة الزاوية، الذي ظل تحت سيطرتها منذ عام 2017.")
    assert not any(site == "الزاوية" for _, site, *_ in periods(facts))
    # التي can: the held site is the city
    facts = extract("سيطرت «كتيبة الفاروق» على مبنى البريد في مدينة الزاوية، التي لا تزال تحت سيطرتها.")
    assert ("كتيبة الفاروق", "الزاوية", False, False, True) in periods(facts)


def test_a_seizure_told_without_a_holding_is_not_stated(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("سيطرت «كتيبة الفاروق» على مبنى البريد في مدينة الزاوية فجر اليوم.")
    assert periods(facts) == {("كتيبة الفاروق", "مبنى البريد", True, False, False)}


def test_a_relative_clause_with_an_event_verb_is_no_holding(extract: Callable[..., ArticleFacts]) -> None:
    # "الذي سيطرت عليه" tells a seizure, not a held marker: nothing is stated
    facts = extract("انسحبت «كتيبة النور» من مستشفى المدينة، الذي سيطرت عليه في الربيع.")
    assert all(not stated for *_, stated in periods(facts))
