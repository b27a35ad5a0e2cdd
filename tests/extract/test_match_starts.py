"""The fast paths of the time tagger and the tokenizer give exactly what the plain ones give.

Why: the tagger tries its pattern only where the prefixes read off that pattern say a match can start,
folds text without a loop per character, and the tokenizer writes token slots directly. Each of these is
only worth having if it changes nothing, so each is compared here with the plain computation it replaces,
on the real pattern and the real texts of the repository.
"""

from __future__ import annotations

import json
import random
import re
from dataclasses import astuple, fields
from pathlib import Path

import pytest

from conflictkg.errors import ConfigurationError
from conflictkg.extract import temporal, tokenize
from conflictkg.extract.temporal import TemporalTagger
from conflictkg.extract.tokenize import Token
from conflictkg.settings import PROJECT_ROOT

PASSAGES = sorted((PROJECT_ROOT / "tests" / "data" / "passages").glob("*/*.json"))
EXAMPLES = sorted((PROJECT_ROOT / "examples" / "articles").glob("*.txt"))
SEED = PROJECT_ROOT.parent / "shared" / "seed" / "article.txt"


def _texts() -> list[str]:
    texts = [p["text"] for path in PASSAGES for p in json.loads(path.read_text(encoding="utf-8"))]
    texts += [path.read_text(encoding="utf-8") for path in EXAMPLES]
    if SEED.exists():
        texts.append(SEED.read_text(encoding="utf-8"))
    return texts


def _mixtures(count: int) -> list[str]:
    """Random runs of time words and article words, glued to و/ف, with marks, digits and punctuation."""
    data = json.loads(temporal.TIME_WORDS_FILE.read_text(encoding="utf-8"))
    words: list[str] = []

    def flatten(node: object) -> None:
        if isinstance(node, str):
            words.extend(node.split())
        elif isinstance(node, dict):
            for value in node.values():
                flatten(value)
        elif isinstance(node, list):
            for value in node:
                flatten(value)

    flatten(data)
    for text in _texts()[:40]:
        words.extend(text.split()[:25])
    words += ["3", "14", "2022", "12-14", "3/4/2022", "2023-05-01", "-", "(", "،", "و3", "٢٠٢٢", "İ"] * 10
    joins = [" ", " ", " ", "", "\n", " و", " ف", "\u064e", "\u0640"]
    rng = random.Random(2022)
    return [
        "".join(rng.choice(words) + rng.choice(joins) for _ in range(rng.randint(1, 14)))
        for _ in range(count)
    ]


@pytest.fixture(scope="module")
def tagger() -> TemporalTagger:
    return TemporalTagger()


def _spans(matches: object) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
    return [(m.span(), m.groupdict()) for m in matches]  # type: ignore[attr-defined]


def test_the_tagger_reads_where_its_matches_start(tagger: TemporalTagger) -> None:
    # without a start finder every position is tried again: right, but as slow as before
    assert tagger._starts is not None


@pytest.mark.parametrize("source", ["corpus", "mixtures"])
def test_scanning_the_starts_finds_what_finditer_finds(tagger: TemporalTagger, source: str) -> None:
    texts = _texts() if source == "corpus" else _mixtures(3000)
    found = 0
    for text in texts:
        folded = temporal._fold(text)[0]
        expected = _spans(tagger._pattern.finditer(folded))
        assert _spans(tagger._matches(folded)) == expected, text
        found += len(expected)
    assert found > 50  # the texts do hold time expressions, so the comparison compares something


def test_the_start_finder_of_a_small_pattern() -> None:
    pattern = re.compile(temporal._B + r"(?:ab|c[0-9]\w*)")
    finder = temporal._start_finder(pattern)
    assert finder is not None
    text = "xab ab c1x c وab فc2 zab"
    assert [m.start() for m in finder.finditer(text)] == [4, 7, 14, 18]
    assert [m.start() for m in pattern.finditer(text)] == [4, 7, 14, 18]


@pytest.mark.parametrize(
    "body",
    [
        r"\w+",  # starts with anything
        r"(?:ab)?",  # may be empty
        r"[^x]b",  # a negated class
        r"(?i:ab)",  # flags inside: the reader does not know what they allow
    ],
)
def test_patterns_whose_starts_cannot_be_read_get_no_finder(body: str) -> None:
    assert temporal._start_finder(re.compile(temporal._B + body)) is None


def test_a_pattern_not_anchored_at_word_starts_gets_no_finder() -> None:
    assert temporal._start_finder(re.compile("ab")) is None


def test_folding_keeps_the_index_of_every_kept_character() -> None:
    text = "يومَ الخميسِ ـ 14 نيسانٌ\u200c، قبلَ ساعاتٍ"
    folded, index = temporal._fold(text)
    kept = [i for i, c in enumerate(text) if c not in temporal._DROPPED]
    assert index == kept
    assert folded == "".join(text[i] for i in kept).translate(temporal._TABLE).lower()
    assert temporal._fold("on Thursday 14 April")[1] is None  # nothing dropped: the identity


def test_a_moved_token_equals_a_constructed_one(extractor: object) -> None:
    shape = Token(2, 7, "نيسان", "نيسان", 0, clitic=False, is_quote=False, is_punct=False)
    moved = tokenize._moved(shape, 40, 3)
    assert moved == Token(42, 47, "نيسان", "نيسان", 3)
    assert astuple(moved) == (42, 47, "نيسان", "نيسان", 3, False, False, False)
    assert hash(moved) == hash(Token(42, 47, "نيسان", "نيسان", 3))
    with pytest.raises(AttributeError):
        moved.start = 0  # type: ignore[misc]


def test_tokens_of_a_text_equal_tokens_built_by_the_constructor(extractor: object) -> None:
    text = Path(EXAMPLES[0]).read_text(encoding="utf-8")
    tokens = extractor.tokenize(text, "ar")  # type: ignore[attr-defined]
    assert len(tokens) > 100
    for t in tokens:
        assert t == Token(*astuple(t))
        assert t.text == text[t.start : t.end]


def test_a_new_token_field_is_refused_until_the_fast_path_knows_it(monkeypatch: pytest.MonkeyPatch) -> None:
    extended = (*fields(Token), fields(Token)[0])
    monkeypatch.setattr(tokenize, "fields", lambda cls: extended)
    with pytest.raises(ConfigurationError, match="_token_setters"):
        tokenize._token_setters()
