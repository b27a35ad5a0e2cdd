"""Tokens keep original offsets; clitics split only before words the pipeline knows."""

from __future__ import annotations

import pytest

from conflictkg.extract import Extractor


def _pieces(extractor: Extractor, text: str) -> list[tuple[str, str]]:
    return [(t.text, t.key) for t in extractor.tokenize(text)]


def test_every_token_points_at_its_original_text(extractor: Extractor) -> None:
    text = "وعود لـ”قسد” بإدخال المواد للأحياء المحاصرة، وأكدت بـ” الإجراءات” في ١٤ نيسان."
    toks = extractor.tokenize(text)
    assert toks
    assert all(text[t.start : t.end] == t.text for t in toks)
    assert [t.start for t in toks] == sorted(t.start for t in toks)


def test_tatweel_joined_preposition_and_quotes_are_split(extractor: Extractor) -> None:
    assert _pieces(extractor, "لـ”قسد”") == [("لـ", "ل"), ("”", ""), ("قسد", "قسد"), ("”", "")]
    assert _pieces(extractor, "بـ” الإجراءات")[:2] == [("بـ", "ب"), ("”", "")]


def test_article_dropping_lam_restores_the_article(extractor: Extractor) -> None:
    assert _pieces(extractor, "للأحياء") == [("ل", "ل"), ("لأحياء", "الاحياء")]


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("بحلب", [("ب", "ب"), ("حلب", "حلب")]),
        ("وطرد", [("و", "و"), ("طرد", "طرد")]),
        ("والشيخ", [("و", "و"), ("الشيخ", "الشيخ")]),
        ("وشعبتي", [("و", "و"), ("شعبتي", "شعبتي")]),
        ("بالسيطرة", [("ب", "ب"), ("السيطرة", "السيطره")]),
    ],
)
def test_a_proclitic_is_split_before_a_known_word(extractor: Extractor, word: str, expected: list) -> None:
    assert _pieces(extractor, word) == expected


@pytest.mark.parametrize("word", ["وزارة", "بلدة", "فرض", "كبيرة", "فقط", "بيان", "لبنان", "والدة", "كان"])
def test_words_that_merely_start_with_clitic_letters_stay_whole(extractor: Extractor, word: str) -> None:
    assert [t.text for t in extractor.tokenize(word)] == [word]


def test_conjunction_before_an_unknown_definite_noun_is_split(extractor: Extractor) -> None:
    assert _pieces(extractor, "والمنصورة") == [("و", "و"), ("المنصورة", "المنصوره")]


def test_sentences_are_numbered_at_full_stops_and_line_breaks(extractor: Extractor) -> None:
    toks = extractor.tokenize("سيطرت القوات على المطار. انسحبت القوات\nنفت القوات")
    sentences = [t.sentence for t in toks if not t.is_punct]
    assert sentences[0] == 0 and sentences[-1] == 2
    assert sentences == sorted(sentences)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('ولـ"قسد"', [("و", "و"), ("لـ", "ل"), ('"', ""), ("قسد", "قسد"), ('"', "")]),
        ("وبـ«الفرقة»", [("و", "و"), ("بـ", "ب"), ("«", ""), ("الفرقة", "الفرقه"), ("»", "")]),
        ("لـَ”قسد”", [("لـَ", "ل"), ("”", ""), ("قسد", "قسد"), ("”", "")]),
        ("كـ‹الجيش›", [("كـ", "ك"), ("‹", ""), ("الجيش", "الجيش"), ("›", "")]),
    ],
)
def test_tatweel_joined_clitics_are_one_clitic_token_per_letter(
    extractor: Extractor, text: str, expected: list
) -> None:
    toks = extractor.tokenize(text)
    assert [(t.text, t.key) for t in toks] == expected
    assert all(t.clitic for t in toks if t.key in {"و", "ب", "ل", "ك"})


@pytest.mark.parametrize("quotes", ["‹›", "‚‛", "＂＂", "〝〞", "„“", "”“", "»«"])
def test_every_quote_style_is_cut_out_of_a_name(extractor: Extractor, quotes: str) -> None:
    toks = extractor.tokenize(f"قوات {quotes[0]}الأسايش{quotes[1]}")
    assert [t.key for t in toks] == ["قوات", "", "الاسايش", ""]
    assert [t.is_quote for t in toks] == [False, True, False, True]


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        ("قسد،حلب", ["قسد", ",", "حلب"]),
        ("وقال:الأسايش", ["و", "قال", ":", "الاسايش"]),
        ("الرقة؛دير الزور", ["الرقه", ";", "دير", "الزور"]),
        ("10:30 و3,5", ["10:30", "و3,5"]),
    ],
)
def test_inner_punctuation_separates_words_but_not_numbers(
    extractor: Extractor, text: str, keys: list[str]
) -> None:
    assert [t.key for t in extractor.tokenize(text)] == keys


@pytest.mark.parametrize("mark", ["\u200b", "\u200f", "\u2066", "\u2069", "\u202b"])
def test_invisible_separators_between_letters_end_a_word(extractor: Extractor, mark: str) -> None:
    text = f"حلب{mark}القامشلي{mark}"
    toks = extractor.tokenize(text)
    assert [t.key for t in toks] == ["حلب", "القامشلي"]
    assert all(text[t.start : t.end] == t.text for t in toks)


@pytest.mark.parametrize("space", ["\u00a0", "\u202f"])
def test_non_breaking_spaces_separate_words(extractor: Extractor, space: str) -> None:
    assert [t.key for t in extractor.tokenize(f"مدينة{space}القامشلي")] == ["مدينه", "القامشلي"]


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("سيفرض", [("سيفرض", "سيفرض")]),
        ("وستنسحب", [("و", "و"), ("ستنسحب", "ستنسحب")]),
        ("فستنسحب", [("ف", "ف"), ("ستنسحب", "ستنسحب")]),
        ("فسيطرت", [("ف", "ف"), ("سيطرت", "سيطرت")]),
        ("وسيطرت", [("و", "و"), ("سيطرت", "سيطرت")]),
        ("وسيسيطر", [("و", "و"), ("سيسيطر", "سيسيطر")]),
        ("وسينسحبون", [("و", "و"), ("سينسحبون", "سينسحبون")]),
    ],
)
def test_future_prefix_stays_on_the_verb_and_only_known_rests_split(
    extractor: Extractor, word: str, expected: list
) -> None:
    """سـ is never cut from its verb (the trigger lexicon has the future forms); فسيطرت is ف + سيطرت,
    never ف + س + يطرت."""
    assert _pieces(extractor, word) == expected


@pytest.mark.parametrize("word", ["سيارة", "سياسة", "ستة", "فساد", "وسط", "كسر", "بسبب", "لست"])
def test_words_starting_with_sin_or_clitic_letters_are_not_cut(extractor: Extractor, word: str) -> None:
    assert [t.text for t in extractor.tokenize(word)] == [word]


@pytest.mark.parametrize(
    ("text", "last_word"),
    [
        ("ووقع الطرفان اتفاقاً.", "اتفاقاً"),
        ("استمر الحصار 16 يوماً.", "يوماً"),
        ("واتخذته مقراً!", "مقراً"),
        ("هل كان ذلك مقصوداً؟", "مقصوداً"),
        ("وعاد الهدوء مساءً.", "مساءً"),
    ],
)
def test_a_sentence_stop_after_a_tanwin_is_its_own_token(
    extractor: Extractor, text: str, last_word: str
) -> None:
    toks = extractor.tokenize(text)
    assert toks[-2].text == last_word
    assert toks[-1].text == text[-1] and toks[-1].start == len(text) - 1


def test_a_stop_cut_from_a_word_ends_the_sentence(extractor: Extractor) -> None:
    toks = extractor.tokenize("وقع الطرفان اتفاقاً. ثم انسحبت القوات")
    assert [t.sentence for t in toks if t.text in ("اتفاقاً", "ثم")] == [0, 1]


def test_numbers_and_latin_abbreviations_keep_their_dots(extractor: Extractor) -> None:
    assert [t.text for t in extractor.tokenize("بلغت النسبة 3.5 بالمئة")][2] == "3.5"
    assert "U.S." in [t.text for t in extractor.tokenize("قالت U.S. إن")]
