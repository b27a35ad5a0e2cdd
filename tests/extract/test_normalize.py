"""The normaliser: Arabic folding for matching, with an exact map back to the original text."""

from __future__ import annotations

import random

import pytest

from conflictkg.extract.normalize import match_key, normalize

# letters, hamza forms, diacritics, tatweel, quotes, digits of both series, spaces and invisible marks
ALPHABET = [
    *"ابتثجحخدذرسشصضطظعغفقكلمنهويءأإآٱىةؤئ",
    "\u064e", "\u064f", "\u0650", "\u0651", "\u0652", "\u064b", "\u0640",
    "“", "”", "«", "»", '"', "‘", "’", "„",
    "٠", "١", "٤", "۴", "9", " ", "\u00a0", "\u200b", "\u200f", "،", ".", "a", "B",
]  # fmt: skip


@pytest.mark.parametrize(
    ("raw", "folded"),
    [
        ("أإآٱا", "ااااا"),
        ("مستشفى", "مستشفي"),
        ("مديرية", "مديريه"),
        ("مُحَمَّدٌ", "محمد"),
        ("الـمـديـنـة", "المدينه"),
        ("١٤ ۱۴", "14 14"),
        ("“قسد” «حلب»", '"قسد" "حلب"'),
        ("a\u00a0b\u200bc", "a bc"),
        ("سؤال وسائل", "سءال وساءل"),
    ],
)
def test_folds(raw: str, folded: str) -> None:
    assert normalize(raw).text == folded


def test_match_key_trims_quotes_and_spaces() -> None:
    assert match_key("  “قوات   سوريا الديموقراطية”  ") == "قوات سوريا الديموقراطيه"
    assert match_key("لـ”قسد”") == "ل قسد"


def test_a_normalised_span_maps_back_to_the_original_characters() -> None:
    text = "أعلنت “الأسايش” الانسحاب"
    norm = normalize(text)
    start = norm.text.index("الاسايش")
    a, b = norm.to_original(start, start + len("الاسايش"))
    assert text[a:b] == "الأسايش"


def test_a_span_outside_the_text_is_refused() -> None:
    with pytest.raises(ValueError, match="outside the normalised text"):
        normalize("حلب").to_original(1, 9)


@pytest.mark.parametrize("seed", range(40))
def test_property_map_is_monotone_and_spans_map_back(seed: int) -> None:
    rng = random.Random(seed)
    text = "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 60)))
    norm = normalize(text)
    assert len(norm.source) == len(norm.text)
    assert all(a < b for a, b in zip(norm.source, norm.source[1:], strict=False))
    assert all(0 <= s < len(text) for s in norm.source)
    for _ in range(20):
        i = rng.randint(0, len(norm.text))
        j = rng.randint(i, len(norm.text))
        a, b = norm.to_original(i, j)
        assert 0 <= a <= b <= len(text)
        assert normalize(text[a:b]).text == norm.text[i:j]


@pytest.mark.parametrize("seed", range(10))
def test_property_normalising_twice_changes_nothing(seed: int) -> None:
    rng = random.Random(1000 + seed)
    text = "".join(rng.choice(ALPHABET) for _ in range(50))
    once = normalize(text).text
    assert normalize(once).text == once


@pytest.mark.parametrize(
    "quote",
    ['"', "“", "”", "«", "»", "‘", "’", "‹", "›", "„", "‟", "‚", "‛", "＂", "'", "〝", "〞"],
)
def test_every_quote_style_folds_to_one_mark(quote: str) -> None:
    assert normalize(f"{quote}قسد{quote}").text == '"قسد"'
    assert match_key(f"{quote}قوات سوريا الديمقراطية{quote}") == "قوات سوريا الديمقراطيه"


@pytest.mark.parametrize(
    ("raw", "folded"),
    [
        ("حلب، دمشق؛ لماذا؟", "حلب, دمشق; لماذا?"),
        ("٥٠٪ و٣٫٥ و١٬٠٠٠", "50% و3.5 و1,000"),
        ("۱۴۰۱ ۲۰۲۲", "1401 2022"),
        ("دمشق–بيروت دمشق—بيروت", "دمشق-بيروت دمشق-بيروت"),
    ],
)
def test_arabic_punctuation_and_digits_fold_to_latin(raw: str, folded: str) -> None:
    assert normalize(raw).text == folded


@pytest.mark.parametrize("space", ["\u00a0", "\u202f", "\u2009", "\u2007", "\u3000", "\t"])
def test_non_breaking_and_narrow_spaces_become_a_space(space: str) -> None:
    assert normalize(f"دير{space}الزور").text == "دير الزور"


@pytest.mark.parametrize(
    "mark",
    [
        "\u200b",
        "\u200c",
        "\u200d",
        "\u200e",
        "\u200f",
        "\u2066",
        "\u2067",
        "\u2068",
        "\u2069",
        "\ufeff",
        "\u061c",
    ],
)
def test_zero_width_and_bidi_marks_are_dropped_but_mapped(mark: str) -> None:
    text = f"{mark}الأسايش{mark}"
    norm = normalize(text)
    assert norm.text == "الاسايش"
    assert norm.to_original(0, len(norm.text)) == (1, len(text) - 1)


def test_persian_letters_fold_to_their_arabic_forms() -> None:
    assert match_key("کرکوک") == match_key("كركوك")
    assert match_key("عراقی") == "عراقي"


def test_teh_marbuta_and_alef_maqsura_match_but_the_original_is_kept() -> None:
    text = "مديرية المالية في مستشفى"
    norm = normalize(text)
    assert norm.text == "مديريه الماليه في مستشفي"
    a, b = norm.to_original(0, len("مديريه"))
    assert text[a:b] == "مديرية"
