"""Language data: inflections generated from roots and stems, heads with duals and plurals."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from conflictkg.errors import ConfigurationError
from conflictkg.extract.lexicon import (
    conjugate_past,
    conjugate_present,
    derive_stems,
    inflect_noun,
    load_lexicon,
)
from conflictkg.extract.normalize import match_key
from conflictkg.facts import ArticleFacts


@pytest.mark.parametrize(
    ("root", "form", "stems"),
    [
        ("سحب", "VII", ("انسحب", "ينسحب", "انسحاب", "منسحب")),
        ("قحم", "VIII", ("اقتحم", "يقتحم", "اقتحام", "مقتحم")),
        ("حصر", "III", ("حاصر", "يحاصر", "محاصرة", "محاصر")),
        ("غلق", "IV", ("أغلق", "يغلق", "إغلاق", "مغلق")),
        ("سيطر", "Q", ("سيطر", "يسيطر", "سيطرة", "مسيطر")),
    ],
)
def test_stems_of_derived_verb_forms(root: str, form: str, stems: tuple[str, ...]) -> None:
    assert derive_stems(root, form) == stems


def test_a_root_of_the_wrong_length_is_a_configuration_error() -> None:
    with pytest.raises(ConfigurationError, match="must have 3 letters"):
        derive_stems("سيطر", "VIII")
    with pytest.raises(ConfigurationError, match="unknown verb form"):
        derive_stems("سحب", "XX")


def test_conjugations() -> None:
    assert {"سيطرت", "سيطروا", "سيطرا", "سيطرتا"} <= conjugate_past("سيطر")
    assert {"نفت", "نفوا"} <= conjugate_past("نفى")
    assert {"يسيطر", "تسيطر", "يسيطرون", "سيسيطر"} <= conjugate_present("يسيطر")
    with pytest.raises(ConfigurationError, match="must start with ي"):
        conjugate_present("سيطر")


def test_present_forms_take_object_pronouns_in_every_number() -> None:
    """ "قبل أن يغادروه", "يسلمونها", "ستقتحمانه": the subjunctive plural drops its alif before the
    pronoun, the indicative plural and dual keep their ending."""
    forms = conjugate_present("يغادر")
    assert {"يغادروه", "يغادروها", "يغادرونه", "تغادرانها", "سيغادرونها", "يغادره"} <= forms
    assert "يغادرواه" not in forms
    assert {"يقتحموها", "ستقتحمانه"} <= conjugate_present("يقتحم")


@pytest.mark.parametrize(
    ("word", "event_type"),
    [("يغادروه", "Withdrawal"), ("يقتحموها", "Seizure"), ("يسلمونها", "Handover"), ("سيدخلونها", "Seizure")],
)
def test_suffixed_present_forms_are_triggers(word: str, event_type: str) -> None:
    form = load_lexicon().triggers[match_key(word)]
    assert (form.event_type, form.pos) == (event_type, "verb")


def test_an_object_suffixed_plural_verb_tells_its_event(extract: Callable[..., ArticleFacts]) -> None:
    facts = extract("اقتحم مسلحو «هيئة تحرير الشام» مبنى البلدية في مدينة إدلب قبل أن يغادروه مساءً.")
    assert [e.type for e in facts.events if e.type in ("Seizure", "Withdrawal")] == ["Seizure", "Withdrawal"]


def test_noun_forms_know_which_carry_a_pronoun() -> None:
    forms = inflect_noun("اقتحام")
    assert forms["اقتحامها"] is True and forms["الاقتحام"] is False
    assert forms["سيطرتها" if "سيطرتها" in forms else "اقتحامهم"] is True
    assert inflect_noun("سيطرة")["سيطرتها"] is True


@pytest.mark.parametrize(
    ("word", "event_type"),
    [
        ("سيطر", "Seizure"), ("سيطرت", "Seizure"), ("سيطروا", "Seizure"), ("يسيطر", "Seizure"),
        ("السيطرة", "Seizure"), ("اقتحم", "Seizure"), ("اقتحام", "Seizure"), ("اقتحامها", "Seizure"),
        ("انسحب", "Withdrawal"), ("الانسحاب", "Withdrawal"), ("حاصر", "Siege"), ("حاصرت", "Siege"),
        ("الحصار", "Siege"), ("حصار", "Siege"), ("طرد", "Expulsion"), ("طردها", "Expulsion"),
        ("انتشر", "Deployment"), ("انتشرت", "Deployment"), ("فتح", "Reopening"), ("إزالة", "Reopening"),
        ("إغلاق", "Closure"), ("إتاوات", "Levy"), ("مفاوضات", "Negotiation"), ("وعود", "Promise"),
        ("نفى", "Denial"), ("نفت", "Denial"), ("أعلن", "Announcement"), ("أعلنت", "Announcement"),
        ("أكد", "Statement"), ("أكدت", "Statement"), ("بيان", "Statement"),
    ],
)  # fmt: skip
def test_triggers_of_the_brief_are_generated(word: str, event_type: str) -> None:
    assert load_lexicon().triggers[match_key(word)].event_type == event_type


@pytest.mark.parametrize("word", ["وزارة", "القوات", "مدينة", "الحكومية", "تحت"])
def test_ordinary_words_are_not_triggers(word: str) -> None:
    assert match_key(word) not in load_lexicon().triggers


@pytest.mark.parametrize(
    ("word", "singular", "number"),
    [("شعبتي", "شعبه", "du"), ("حيي", "حي", "du"), ("أفرع", "فرع", "pl"), ("الدوائر", "داءره", "pl"),
     ("مديرية", "مديريه", "sg"), ("المعابر", "معبر", "pl")],
)  # fmt: skip
def test_head_nouns_with_generated_duals(word: str, singular: str, number: str) -> None:
    head = load_lexicon().heads[match_key(word)]
    assert (head.singular, head.number) == (singular, number)


def test_frame_keys_are_normalised_like_tokens() -> None:
    frame = load_lexicon().types["Seizure"].frame
    assert "علي" in frame and "من قبل" in frame


@pytest.mark.parametrize(
    ("word", "tense"),
    [
        ("انسحبت", "past"),
        ("سيطروا", "past"),
        ("تنسحب", "present"),
        ("يسيطرون", "present"),
        ("ستنسحب", "future"),
        ("سيسيطر", "future"),
        ("سيقتحمون", "future"),
        ("انسحاب", ""),
    ],
)
def test_verb_forms_know_their_tense(word: str, tense: str) -> None:
    # the stem's own س ("سيطر") is no future prefix: سيطروا is past
    form = load_lexicon().triggers[match_key(word)]
    assert form.tense == tense


def test_an_ambiguous_form_keeps_its_verb_readings() -> None:
    lex = load_lexicon()
    # تسلم: the noun "receipt"/"took over" (a seizure) first, the present "hands over" as a reading
    assert lex.triggers[match_key("تسلم")].event_type == "Seizure"
    present = lex.verb_reading(match_key("تسلم"))
    assert present is not None and present.tense == "present" and present.lemma == match_key("سلم")
    # طرد: the verbal noun first, the past verb as its verb reading
    assert lex.triggers[match_key("طرد")].pos == "noun"
    past = lex.verb_reading(match_key("طرد"))
    assert past is not None and past.tense == "past" and past.event_type == "Expulsion"
    # a word written with ة is a noun whatever its key ("سيطرة" folds into "سيطره", he controlled it)
    assert lex.verb_reading(match_key("سيطرة"), folded=True) is None
    assert lex.verb_reading(match_key("انسحاب")) is None


def test_factuality_word_groups_are_loaded() -> None:
    lex = load_lexicon()
    assert lex.has("refusal_markers", match_key("رفضت")) and lex.has("refusal_markers", match_key("عدم"))
    assert lex.has("subject_verbs", match_key("وافقت")) and lex.has("subject_verbs", match_key("ويعتزم"))
    assert (match_key("من"), match_key("المنتظر")) in lex.sequences["hypothetical_markers"]
    assert match_key("إنها") in lex.words["content_markers"]
