"""Arabic entities of round 5, by phenomenon: shared-head lists whose items are unknown names the
tokenizer leaves joined to و ("حقول باباكركوك وهافانا وباي حسن النفطية"), the shared adjective after
the last item, and Iraqi checkpoints named "سيطرة X" as the object of a seizure, handover or
withdrawal ("يسلّم سيطرة الشهابي", "تسيطر على سيطرة البوعبيد", "تسليم اللواء لسيطرة X").

Each sentence is written for the test (none is a dev passage); each test checks the entities' type and
their labels or mentions, so that a merged, missing or overlong item fails.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from conflictkg.facts import ArticleFacts

Extract = Callable[..., ArticleFacts]


def _labels(facts: ArticleFacts, kind: str) -> set[str]:
    """Labels of the entities of type ``kind``."""
    return {e.label for e in facts.entities if e.type == kind}


def _mentions(facts: ArticleFacts, kind: str) -> set[str]:
    """Mention texts of the entities of type ``kind``."""
    return {m.text for e in facts.entities if e.type == kind for m in e.mentions}


# --- shared-head lists of unknown names joined to و ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind", "labels"),
    [
        (
            "سيطرت القوات على حقول كرمان وسلطانة وباب شمس النفطية غربي المدينة.",
            "Facility",
            {"حقل كرمان", "حقل سلطانة", "حقل باب شمس"},
        ),
        (
            "انسحبت الفصائل من قرى كفرعويد وسرجة وعين لاروز بعد اشتباكات.",
            "Place",
            {"قرية كفرعويد", "قرية سرجة", "قرية عين لاروز"},
        ),
        (
            "اقتحمت القوات سيطرتي الغزلاني وبادوش صباح اليوم.",
            "Facility",
            {"سيطرة الغزلاني", "سيطرة بادوش"},
        ),
        (
            "سيطر المسلحون على حاجزي الدوار وتلكيف.",
            "Facility",
            {"حاجز الدوار", "حاجز تلكيف"},
        ),
        (
            "استولت الميليشيا على مستودعات حمدان وقرطبة الجنوبية.",
            "Facility",
            {"مستودع حمدان", "مستودع قرطبة"},
        ),
        (
            "دخلت قوات الجيش قرى زيزون وحيط وكويا الحدودية.",
            "Place",
            {"قرية زيزون", "قرية حيط", "قرية كويا"},
        ),
    ],
)
def test_joined_items_of_a_shared_head_are_one_entity_each(
    extract: Extract, text: str, kind: str, labels: set[str]
) -> None:
    found = _labels(extract(text), kind)
    assert labels <= found, f"missing {labels - found}; found {found}"
    merged = {label for label in found if " و" in f" {label}" and label not in labels}
    assert not merged, f"items merged into one entity: {merged}"


def test_a_joined_item_is_mentioned_without_the_head_and_the_shared_adjective(extract: Extract) -> None:
    facts = extract("سيطرت القوات على حقول كرمان وسلطانة وباب شمس النفطية.")
    mentions = _mentions(facts, "Facility")
    assert "حقول كرمان" in mentions
    assert "وسلطانة" in mentions  # the و stays on the token; the scorer reads it as a clitic
    assert "وباب شمس" in mentions
    assert not any(m.endswith("النفطية") for m in mentions)


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        # a known place inside the list stays the gazetteer's, the others are split
        ("سيطرت القوات على معبري جرابلس وباب السلامة الحدوديين.", {"معبر باب السلامة"}),
        # a feminine noun at the end of the last item is part of its name, not a shared adjective
        ("سيطرت الفصائل على حواجز الكسارة وبئر السلامة.", {"حاجز بئر السلامة", "حاجز الكسارة"}),
        # a definite item keeps its own adjective
        ("اقتحم المسلحون مكاتب الهجرة والأحوال المدنية.", {"مكتب الهجرة", "مكتب الأحوال المدنية"}),
    ],
)
def test_names_keep_their_own_last_word(extract: Extract, text: str, labels: set[str]) -> None:
    found = _labels(extract(text), "Facility")
    assert labels <= found, f"missing {labels - found}; found {found}"


@pytest.mark.parametrize(
    "text",
    [
        "سيطرت القوات على قرى الصالحية والهري وسط المحافظة.",
        "انسحبت الفصائل من حقول كرمان وسلطانة وفق مصدر محلي.",
    ],
)
def test_a_whole_word_with_waw_ends_the_list(extract: Extract, text: str) -> None:
    facts = extract(text)
    labels = _labels(facts, "Place") | _labels(facts, "Facility")
    assert not any(label.endswith(("سط", "فق")) for label in labels), labels
    assert not any(w in label for label in labels for w in ("وسط", "وفق")), labels


# --- Iraqi checkpoints named after a transfer ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("اللواء الخامس يسلّم سيطرة الشهابي للشرطة الاتحادية.", "سيطرة الشهابي"),
        ("لا تزال فصائل من الحشد تسيطر على سيطرة البوعبيد منذ عام 2017.", "سيطرة البوعبيد"),
        ("أخلت قوات البيشمركة سيطرة الصقور صباح اليوم.", "سيطرة الصقور"),
        ("اقتحم مسلحون سيطرة العيث فجر الأحد.", "سيطرة العيث"),
        ("وجاء تسليم اللواء التابع للحشد الشعبي لسيطرة الزركة بعد أيام من إغلاقها.", "سيطرة الزركة"),
        ("استعاد الجيش العراقي سيطرة المنصورية بعد معارك عنيفة.", "سيطرة المنصورية"),
    ],
)
def test_checkpoint_after_a_transfer_is_a_facility(extract: Extract, text: str, label: str) -> None:
    facts = extract(text)
    assert label in _labels(facts, "Facility"), {e.label: e.type for e in facts.entities}


@pytest.mark.parametrize(
    "text",
    [
        "استعادت القوات سيطرة الدولة على المنطقة.",
        "أعلن الجيش سيطرة الفصائل على المدينة.",
        "سيطرت القوات على القرى الخاضعة لسيطرة الأهالي.",
        "تسلّم الجيش المدينة بعد سيطرة المسلحين عليها.",
    ],
)
def test_control_of_something_is_no_checkpoint(extract: Extract, text: str) -> None:
    facts = extract(text)
    assert not any(e.label.startswith("سيطرة") for e in facts.entities), [e.label for e in facts.entities]


@pytest.mark.parametrize(
    ("text", "adjective"),
    [
        ("فرضت قوات عسكرية وأمنية حصاراً على الحي.", "وأمنية"),
        ("انتشرت وحدات عسكرية وشرطية في المدينة.", "وشرطية"),
        ("وصلت تعزيزات إلى مواقع عسكرية وأمنية قرب البلدة.", "وأمنية"),
    ],
)
def test_coordinated_adjectives_are_no_list_of_names(extract: Extract, text: str, adjective: str) -> None:
    facts = extract(text)
    mentions = {m.text for e in facts.entities for m in e.mentions}
    assert adjective not in mentions, f"the adjective {adjective!r} became an entity: {mentions}"
