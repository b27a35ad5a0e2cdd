"""The shortcuts that make extraction fast must never change what it finds.

Why: ``Chunker.chunk`` asks ``parse`` only at tokens whose key is among the precomputed phrase
starters, ``GazetteerIndex.match`` answers from the set of first label words, and the spaCy base
tokenizer reads offsets from ``Doc.to_array``. Each is a superset or an equivalent of the slow path;
these tests check that on real texts, so that a new way for ``parse`` to start a phrase (added in
``phrases.py`` without its first word among the starters) fails here rather than silently vanishing.
"""

from __future__ import annotations

import json

import pytest
import spacy

from conflictkg.extract import Extractor
from conflictkg.extract.pipeline import _spacy_base
from conflictkg.settings import PROJECT_ROOT

PASSAGES = sorted((PROJECT_ROOT / "tests" / "data" / "passages" / "dev").glob("*.json"))
EXAMPLES = sorted((PROJECT_ROOT / "examples" / "articles").glob("ar-*.txt"))


def _arabic_texts() -> list[tuple[str, str]]:
    texts = [
        (f"{path.name}:{item['id']}", item["text"])
        for path in PASSAGES
        for item in json.loads(path.read_text(encoding="utf-8"))
        if item["language"] == "ar"
    ]
    texts += [(path.name, path.read_text(encoding="utf-8")) for path in EXAMPLES]
    return texts


def test_the_corpus_is_there() -> None:
    assert len(_arabic_texts()) > 100, "expected the Arabic dev passages and examples/articles/ar-*.txt"
    assert EXAMPLES, "expected examples/articles/ar-*.txt"


def test_every_phrase_parse_finds_starts_at_a_starter(extractor: Extractor) -> None:
    chunker = extractor.chunker
    checked = 0
    for name, text in _arabic_texts():
        toks = extractor.tokenize(text, "ar")
        for s in extractor._sentences(toks, "ar"):  # builds the starters on the first chunk
            starters = chunker._phrase_starters
            assert starters is not None
            for i in range(s.start, s.stop):
                found = chunker.parse(toks, i, s.stop)
                if found:
                    checked += 1
                    assert toks[i].key in starters, (
                        f"{name}: parse finds {[p.type for p in found]} at {toks[i].text!r} "
                        f"(key {toks[i].key!r}), which Chunker.chunk skips: add the words this kind "
                        "of phrase starts with to the starters built in Chunker.chunk"
                    )
    assert checked > 1000


def test_gazetteer_match_is_none_off_the_first_words(extractor: Extractor) -> None:
    gaz = extractor.gazetteer
    seen_match = 0
    for _name, text in _arabic_texts()[:60]:
        toks = extractor.tokenize(text, "ar")
        for i, tok in enumerate(toks):
            m = gaz.match(toks, i)
            if tok.key not in gaz.first_keys:
                assert m is None
            elif m is not None:
                seen_match += 1
                assert m.start == i and m.end > i
    assert seen_match > 50
    assert gaz.match(toks, len(toks)) is None


@pytest.mark.parametrize("lang", ["ar", "en"])
@pytest.mark.parametrize(
    "text",
    ["", " ", "  x  \n y", "قال:  «قسد»\n\n  سيطرت.  ", "a  b\t\tc \n", "\u200bو\u0640 ب 😀 , ", "x   "],
)
def test_spacy_base_reads_what_spacy_tokens_say(lang: str, text: str) -> None:
    tokenizer = spacy.blank(lang).tokenizer
    expected = [(t.idx, t.text_with_ws.rstrip(" ") or t.text) for t in tokenizer(text)]
    assert list(_spacy_base(lang)(text)) == expected


def test_spacy_base_on_real_articles() -> None:
    base = _spacy_base("ar")
    tokenizer = spacy.blank("ar").tokenizer
    for path in EXAMPLES:
        text = path.read_text(encoding="utf-8")
        expected = [(t.idx, t.text_with_ws.rstrip(" ") or t.text) for t in tokenizer(text)]
        assert list(base(text)) == expected, path.name
