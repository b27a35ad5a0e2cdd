"""Tokens with offsets into the original text, clitics split only where the rest is a known word.

spaCy's blank Arabic tokenizer (set up in ``pipeline.py``) splits on spaces and punctuation; Arabic
writes prepositions and conjunctions (و ف ب ل ك, لل) attached to the next word, sometimes joined
by tatweel and a quote (لـ”قسد”). Splitting them blindly breaks words that merely start with those
letters (وزارة، بلدة، فرض، كبيرة), so a proclitic is split off only when what remains is a word the
pipeline knows: a gazetteer label word, a head noun, a trigger or a lexicon word.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, fields

from conflictkg.errors import ConfigurationError
from conflictkg.extract.normalize import QUOTE_MARKS, fold_char, match_key, normalize

__all__ = ["QUOTES", "SENTENCE_ENDS", "Token", "Tokenizer"]

QUOTES = QUOTE_MARKS
SENTENCE_ENDS = frozenset({".", "\n", "?", "!", "؟"})
_TATWEEL = "\u0640"
_ALNUM = re.compile(r"[^\W_]")
#: punctuation that separates words even without a space ("قسد،حلب", "وقال:الأسايش"); a full stop is
#: not among them (numbers and abbreviations keep theirs), nor are sentence ends (they number sentences)
_INNER_PUNCT = frozenset("،؛:,;")
#: sentence-final marks that spaCy may leave on an Arabic word ending in a mark ("يوماً.", "اتفاقاً!")
_FINAL_STOPS = frozenset(".!?؟…")
_ARABIC_LETTER = re.compile("[\u0621-\u064a\u0671-\u06d3]")
#: invisible marks that end a word when they stand between letters: zero-width space, bidi isolates,
#: embeddings and direction marks (a joiner or the BOM inside a word is no boundary)
_INVISIBLE_CUTS = frozenset("\u200b\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_SINGLE_CLITICS = frozenset("وفبلك")
#: distinct base pieces remembered by a tokenizer before it starts again
_MAX_SHAPES = 100_000


@dataclass(frozen=True, slots=True)
class Token:
    """A token: original ``text[start:end]``, its matching ``key`` and its sentence.

    ``key`` is the normalised form, except after ``لل`` where the dropped article is restored
    (للأحياء -> ل + ``key`` الاحياء, ``text`` لأحياء).
    """

    start: int
    end: int
    text: str
    key: str
    sentence: int
    clitic: bool = False
    #: a quote mark (skipped inside names)
    is_quote: bool = False
    #: no letter or digit (punctuation, symbols, line breaks)
    is_punct: bool = False


class Tokenizer:
    """Split text into :class:`Token` values; built once with the words the pipeline knows."""

    def __init__(
        self,
        base: Callable[[str], Iterable[tuple[int, str]]],
        vocabulary: Iterable[str],
        proclitics: Iterable[str],
        article_dropping: Iterable[str],
        min_stem_chars: int = 3,
        keep_whole: Iterable[str] = (),
        short_words: Iterable[str] = (),
    ) -> None:
        """``base(text)`` yields ``(offset, token_text)`` pairs (spaCy's tokenizer, adapted).

        ``keep_whole``: words that look like و + a definite noun but are one word (والد, والي).
        ``short_words``: known words shorter than ``min_stem_chars`` a clitic may still precede
        (the head nouns حي, مقر: لحي = ل + حي).
        """
        self._base = base
        self._vocabulary = frozenset(vocabulary)
        self._proclitics = tuple(sorted(set(proclitics), key=len, reverse=True))
        self._article_dropping = frozenset(article_dropping)
        self._min = min_stem_chars
        self._keep_whole = frozenset(keep_whole)
        self._short = frozenset(short_words)
        #: base piece -> its tokens relative to the piece's offset, sentence 0 (a pure function of the
        #: piece: articles repeat most words, and splitting them again dominated tokenising)
        self._shapes: dict[str, tuple[Token, ...]] = {}

    @property
    def vocabulary(self) -> frozenset[str]:
        return self._vocabulary

    def __call__(self, text: str) -> list[Token]:
        """The tokens of ``text``, numbered by sentence (a full stop or a line break ends one)."""
        tokens: list[Token] = []
        append = tokens.append
        shapes = self._shapes
        sentence = 0
        for offset, piece in self._base(text):
            shape = shapes.get(piece)
            if shape is None:
                if piece.isspace():  # never remembered: whitespace pieces make no tokens
                    if "\n" in piece and tokens and tokens[-1].text not in SENTENCE_ENDS:
                        sentence += 1
                    continue
                shape = self._shape(piece)
            if len(shape) == 1:  # the common case, without a generator
                append(_moved(shape[0], offset, sentence) if offset or sentence else shape[0])
                if piece in SENTENCE_ENDS:
                    sentence += 1
                continue
            if offset == 0 and sentence == 0:
                tokens.extend(shape)
            else:
                tokens.extend(_moved(t, offset, sentence) for t in shape)
            if piece in SENTENCE_ENDS or (shape and shape[-1].text in SENTENCE_ENDS):
                sentence += 1  # "اتفاقاً." cut into the word and its full stop ends the sentence too
        return tokens

    def _shape(self, piece: str) -> tuple[Token, ...]:
        """The tokens of one base piece at offset 0 in sentence 0, remembered for the next time."""
        shape = tuple(
            t for start, end in self._pieces(piece, 0) for t in self._split_clitics(piece, start, end, 0)
        )
        if len(self._shapes) >= _MAX_SHAPES:  # bound the memory of a long-running process
            self._shapes.clear()
        self._shapes[piece] = shape
        return shape

    def _pieces(self, piece: str, offset: int) -> list[tuple[int, int]]:
        """Cut a base piece into words: quotes and inner punctuation become pieces of their own,
        invisible separators are dropped, and a proclitic joined by tatweel (لـ, بـ, ولـ) ends a piece."""
        cuts: list[tuple[int, int]] = []
        start = 0
        for i, ch in enumerate(piece):
            if ch in QUOTES or (ch in _INNER_PUNCT and len(piece) > 1 and not _between_digits(piece, i)):
                if i > start:
                    cuts.append((start, i))
                cuts.append((i, i + 1))
                start = i + 1
            elif ch in _INVISIBLE_CUTS:
                if i > start:
                    cuts.append((start, i))
                start = i + 1
            elif ch == _TATWEEL and i > start and i + 1 < len(piece):
                prefix = match_key(piece[start:i])
                if prefix in self._proclitics or prefix in _SINGLE_CLITICS:
                    end = i + 1
                    while end < len(piece) and piece[end] not in QUOTES and not fold_char(piece[end]):
                        end += 1  # marks written on the tatweel (لـَ) stay with the clitic
                    if end < len(piece):
                        cuts.append((start, end))
                        start = end
        if start < len(piece):
            end = len(piece)
            if end - start > 1 and piece[-1] in _FINAL_STOPS and _ARABIC_LETTER.match(piece, start):
                end -= 1  # "اتفاقاً.": spaCy keeps a stop after a tanwin on the word; an Arabic word ends here
            cuts.append((start, end))
            if end < len(piece):
                cuts.append((end, len(piece)))
        return [(offset + a, offset + b) for a, b in cuts]

    def _joined_clitics(self, text: str, start: int, end: int, sentence: int) -> list[Token] | None:
        """ "ولـ", "بـ": a proclitic joined to the next word by tatweel, one clitic token per letter."""
        surface = text[start:end]
        at = surface.rfind(_TATWEEL)
        if at < 1 or any(fold_char(c) for c in surface[at:]):
            return None
        key = match_key(surface)
        if not key or any(c not in _SINGLE_CLITICS for c in key):
            return None
        if key not in self._proclitics and len(key) > 1:
            return None
        source = normalize(surface).source
        # each letter keeps the marks after it; the last one keeps the tatweel
        bounds = [0, *source[1:], len(surface)]
        return [
            Token(
                start + bounds[n],
                start + bounds[n + 1],
                surface[bounds[n] : bounds[n + 1]],
                key[n],
                sentence,
                clitic=True,
            )
            for n in range(len(key))
        ]

    def _split_clitics(self, text: str, start: int, end: int, sentence: int) -> list[Token]:
        joined = self._joined_clitics(text, start, end, sentence)
        if joined is not None:
            return joined
        surface = text[start:end]
        key = match_key(surface)
        punct = _ALNUM.search(surface) is None
        whole = Token(
            start, end, surface, key, sentence, False, punct and all(c in QUOTES for c in surface), punct
        )
        if not key or key in self._vocabulary or len(key) < 3:
            return [whole]
        for clitic in self._proclitics:
            if not key.startswith(clitic):
                continue
            rest = key[len(clitic) :]
            if clitic in self._article_dropping:
                letters, rest_key = clitic[:-1], "ال" + rest
            else:
                letters, rest_key = clitic, rest
            short_head = rest_key in self._short and len(letters) == 1
            if not short_head and (len(rest) < self._min or rest_key not in self._vocabulary):
                continue
            return self._split(surface, len(letters), rest_key, start, end, sentence)
        # the merged article rule: لل (و/ف + لل) before a stem is ل + ال, unknown words included
        # (للنازحين = ل + النازحين): Arabic writes ل + ال this way and no stem starts with لل
        for clitic in self._article_dropping:
            if key.startswith(clitic) and len(key) - len(clitic) >= self._min:
                return self._article_split(surface, key, start, end, sentence, clitic)
        # the article rule: و/ف before ال + a stem is a conjunction before a definite noun
        # (والمنصورة = و + المنصورة), unknown names included; listed exceptions stay whole
        if key[0] in "وف" and key[1:3] == "ال" and len(key) - 3 >= self._min and key not in self._keep_whole:
            norm = normalize(surface)
            cut = norm.source[1]
            return [
                Token(start, start + cut, surface[:cut], key[0], sentence, clitic=True),
                Token(start + cut, end, surface[cut:], key[1:], sentence),
            ]
        return [whole]

    @staticmethod
    def _article_split(
        surface: str, key: str, start: int, end: int, sentence: int, clitic: str
    ) -> list[Token]:
        """``[و|ف] + ل + (ال)rest`` tokens of a word written with the merged article لل."""
        return Tokenizer._split(surface, len(clitic) - 1, "ال" + key[len(clitic) :], start, end, sentence)

    @staticmethod
    def _split(surface: str, letters: int, rest_key: str, start: int, end: int, sentence: int) -> list[Token]:
        """One clitic token per letter of the first ``letters``, then the rest keyed ``rest_key``. The cut
        is made on the normalised text, whose map points back into the original (diacritics and tatweel
        inside the clitic stay with it)."""
        norm = normalize(surface)
        out = [
            Token(
                start + norm.source[i],
                start + norm.source[i + 1],
                surface[norm.source[i] : norm.source[i + 1]],
                norm.text[i],
                sentence,
                clitic=True,
            )
            for i in range(letters)
        ]
        cut = norm.source[letters]
        out.append(Token(start + cut, end, surface[cut:], rest_key, sentence))
        return out


def _token_setters() -> tuple[Callable[[Token, object], None], ...]:
    """The slot setters of :class:`Token`, in field order.

    Why: the frozen dataclass ``__init__`` sets each field through ``object.__setattr__``, which made
    building tokens half of tokenising; writing the slots directly does the same at half the cost. It is
    safe only while ``__init__`` does nothing else, so this checks the fields it knows and refuses
    anything else (a new field, a ``__post_init__``) at import time.
    """
    names = tuple(f.name for f in fields(Token))
    known = ("start", "end", "text", "key", "sentence", "clitic", "is_quote", "is_punct")
    if names != known or hasattr(Token, "__post_init__"):
        raise ConfigurationError(
            f"tokenize.Token has the fields {names}, but _moved writes {known}: "
            "update _token_setters and _moved in src/conflictkg/extract/tokenize.py with the new fields"
        )
    return tuple(getattr(Token, name).__set__ for name in names)


_SET_START, _SET_END, _SET_TEXT, _SET_KEY, _SET_SENTENCE, _SET_CLITIC, _SET_QUOTE, _SET_PUNCT = (
    _token_setters()
)
_new_object = object.__new__


def _moved(t: Token, offset: int, sentence: int) -> Token:
    """``t`` shifted by ``offset`` into ``sentence``: the same as ``Token(offset + t.start, ...)``."""
    token: Token = _new_object(Token)
    _SET_START(token, offset + t.start)
    _SET_END(token, offset + t.end)
    _SET_TEXT(token, t.text)
    _SET_KEY(token, t.key)
    _SET_SENTENCE(token, sentence)
    _SET_CLITIC(token, t.clitic)
    _SET_QUOTE(token, t.is_quote)
    _SET_PUNCT(token, t.is_punct)
    return token


def _between_digits(piece: str, i: int) -> bool:
    """Whether ``piece[i]`` separates two digits ("3,5", "10:30"): then it is part of a number."""
    return 0 < i < len(piece) - 1 and piece[i - 1].isdigit() and piece[i + 1].isdigit()
