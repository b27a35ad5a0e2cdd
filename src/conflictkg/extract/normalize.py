"""Arabic normalisation for matching, with a map back to the original text.

Matching needs one spelling per word (hamza forms, alef maqsura, teh marbuta, diacritics, tatweel,
Arabic-Indic digits and the many quote marks all vary between outlets), but every fact must point at
the characters the article really contains. So :func:`normalize` never rewrites one character into
several: each output character comes from exactly one input character (or is dropped), and
:class:`Normalized` keeps, for each output character, the index of its source. A span of the
normalised text maps back to original offsets with :meth:`Normalized.to_original`.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["INVISIBLE", "QUOTE_MARKS", "Normalized", "fold_char", "match_key", "normalize"]

#: invisible marks dropped from the matching form: tatweel, zero-width spaces and joiners, bidi marks,
#: embeddings and isolates (U+202A-202E, U+2066-2069), the Arabic letter mark, word joiner, BOM
INVISIBLE = frozenset(
    "\u200b\u200c\u200d\u200e\u200f\u061c\u180e\u2060\u2061\u2062\u2063\u2064\ufeff"
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
_DROP = frozenset("\u0640") | INVISIBLE
#: every quote style outlets use, straight, curly, reversed, low, angle, fullwidth: all fold to '"'
QUOTE_MARKS = frozenset("\"'“”«»‘’‹›„‟‚‛＂＇〝〞〟❝❞❛❜⹂")
#: spaces other than U+0020 (no-break, narrow no-break, en/em and the other typographic spaces)
_SPACES = frozenset(
    "\u00a0\u202f\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u205f\u3000\t"
)
_MAP: dict[str, str] = (
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ى": "ي",
        "ی": "ي",  # Persian yeh
        "ک": "ك",  # Persian keheh
        "ة": "ه",
        "ۀ": "ه",
        "ؤ": "ء",
        "ئ": "ء",
        "؛": ";",
        "؟": "?",
        "،": ",",
        "٬": ",",  # Arabic thousands separator
        "٫": ".",  # Arabic decimal separator
        "٪": "%",
        "؉": "%",
        "–": "-",
        "—": "-",
        "‐": "-",
        "‑": "-",
        "−": "-",
    }
    | {q: '"' for q in QUOTE_MARKS}
    | {sp: " " for sp in _SPACES}
)
_DIGITS = {chr(0x0660 + i): str(i) for i in range(10)} | {chr(0x06F0 + i): str(i) for i in range(10)}


def fold_char(ch: str) -> str:
    """The matching form of one character: ``""`` when it is dropped, else exactly one character."""
    if ch in _DIGITS:
        return _DIGITS[ch]
    if ch in _DROP:
        return ""
    if "\u064b" <= ch <= "\u065f" or ch == "\u0670" or "\u06d6" <= ch <= "\u06ed":
        return ""  # harakat, shadda, sukun, superscript alef, Quranic marks
    mapped = _MAP.get(ch)
    if mapped is not None:
        return mapped
    if unicodedata.category(ch) == "Mn":
        return ""
    lowered = ch.lower()
    return lowered if len(lowered) == 1 else ch


@dataclass(frozen=True, slots=True)
class Normalized:
    """Normalised text plus ``source[i]``: the original index of normalised character ``i``."""

    original: str
    text: str
    source: tuple[int, ...]

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Original ``(start, end)`` of the normalised span ``start:end`` (end exclusive).

        An empty span maps to an empty span at the matching original position.
        """
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"span {start}:{end} lies outside the normalised text (length {len(self.text)})")
        if start == end:
            pos = self.source[start] if start < len(self.source) else len(self.original)
            return pos, pos
        return self.source[start], self.source[end - 1] + 1


def normalize(text: str) -> Normalized:
    """Fold ``text`` for matching and remember where each kept character came from."""
    out: list[str] = []
    source: list[int] = []
    for i, ch in enumerate(text):
        folded = fold_char(ch)
        if folded:
            out.append(folded)
            source.append(i)
    return Normalized(text, "".join(out), tuple(source))


def match_key(text: str) -> str:
    """The key two spellings of one name share: normalised, spaces collapsed, quotes and edges trimmed."""
    return _cached_key(text) if len(text) <= 64 else _key(text)


def _key(text: str) -> str:
    folded = "".join(fold_char(ch) for ch in text)
    return " ".join(folded.replace('"', " ").split())


_cached_key = lru_cache(maxsize=200_000)(_key)
