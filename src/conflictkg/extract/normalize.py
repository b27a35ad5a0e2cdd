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

__all__ = ["Normalized", "fold_char", "match_key", "normalize"]

_DROP = frozenset(
    "\u0640"  # tatweel
    "\u00a0\u200b\u200c\u200d\u200e\u200f\u2060\ufeff"  # NBSP (-> space below), zero-width, bidi marks
)
_MAP: dict[str, str] = {
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ى": "ي",
    "ة": "ه",
    "ؤ": "ء",
    "ئ": "ء",
    "\u00a0": " ",
    "\u202f": " ",
    "\u2009": " ",
    "\u2002": " ",
    "\u2003": " ",
    "\t": " ",
    '"': '"',
    "“": '"',
    "”": '"',
    "«": '"',
    "»": '"',
    "‘": '"',
    "’": '"',
    "„": '"',
    "‟": '"',
    "'": '"',
    "؛": ";",
    "؟": "?",
    "٫": ".",
    "–": "-",
    "—": "-",
}
_DIGITS = {chr(0x0660 + i): str(i) for i in range(10)} | {chr(0x06F0 + i): str(i) for i in range(10)}


def fold_char(ch: str) -> str:
    """The matching form of one character: ``""`` when it is dropped, else exactly one character."""
    if ch in _DIGITS:
        return _DIGITS[ch]
    if ch == "\u00a0":
        return " "
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
