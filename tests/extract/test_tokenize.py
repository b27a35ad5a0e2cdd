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
