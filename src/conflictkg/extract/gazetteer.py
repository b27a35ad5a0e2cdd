"""Entity patterns generated from the gazetteer's labels, matched on normalised tokens.

Every label of every :class:`~conflictkg.facts.GazetteerEntry` (prefLabel, altLabel, hiddenLabel, in
every language) becomes a path in a token trie; matching walks the trie from each token, so the
cost does not grow with the number of labels and the longest label wins. Generic names
(\"مديرية المالية\") exist in many towns: an entry whose label does not itself name its place is
only linked when the place context agrees (see :meth:`GazetteerIndex.resolve`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from conflictkg.extract.normalize import match_key
from conflictkg.extract.tokenize import Token
from conflictkg.facts import GazetteerEntry

__all__ = ["Candidate", "GazetteerIndex", "GazetteerMatch", "label_words"]

_END = "\x00"
_CLITIC_LETTERS = frozenset("وفبلك")
#: Place classes whose names are specific enough to link without a place context.
_ALWAYS_LINKED = frozenset({"Country", "Region", "Governorate", "City", "Town"})


@dataclass(frozen=True, slots=True)
class Candidate:
    """An entry a label may name; ``self_located`` when the label names the entry's place too."""

    entry: GazetteerEntry
    self_located: bool


@dataclass(frozen=True, slots=True)
class GazetteerMatch:
    """Tokens ``start:end`` (token indices, end exclusive) spell a label of ``candidates``."""

    start: int
    end: int
    candidates: tuple[Candidate, ...]

    @property
    def entity_type(self) -> str:
        return self.candidates[0].entry.type


def label_words(entries: Iterable[GazetteerEntry]) -> set[str]:
    """The normalised words of every label: the tokenizer may split a clitic off before them.

    A label may itself carry a clitic ("شعبة الريف لحزب البعث"): that attached form is left out when
    the bare word is a label word too, or the tokenizer would keep "لحزب" whole in every article.
    """
    words: set[str] = set()
    for e in entries:
        for labels in e.labels.values():
            for label in labels:
                words.update(match_key(label).split())
    attached = {
        w
        for w in words
        if (w[:1] in _CLITIC_LETTERS and w[1:] in words) or (w.startswith("لل") and "ا" + w[1:] in words)
    }
    return words - attached


class GazetteerIndex:
    """A token trie over every label, plus lookups by IRI and by label key."""

    def __init__(
        self, entries: Sequence[GazetteerEntry], label_keys: Callable[[str], tuple[str, ...]]
    ) -> None:
        """``label_keys(label)`` tokenises a label exactly as article text is tokenised.

        A prefLabel is the entry's unique name and links anywhere; an alt/hidden label of an entry
        with a place (geo:sfWithin) that does not itself name that place is generic.
        """
        self.entries = {e.iri: e for e in entries}
        self._trie: dict[str, Any] = {}
        self._by_key: dict[tuple[str, ...], list[Candidate]] = {}
        place_keys = {
            e.iri: {label_keys(label) for labels in e.labels.values() for label in labels}
            for e in entries
            if e.type == "Place"
        }
        for e in entries:
            for labels in e.labels.values():
                for label in labels:
                    keys = label_keys(label)
                    if not keys:
                        continue
                    located = (
                        not e.within
                        or e.subtype in _ALWAYS_LINKED
                        or label in e.pref_label.values()
                        or any(_contains(keys, pk) for w in e.within for pk in place_keys.get(w, ()))
                    )
                    cand = Candidate(e, located)
                    bucket = self._by_key.setdefault(keys, [])
                    if all(c.entry.iri != e.iri for c in bucket):
                        bucket.append(cand)
                    node = self._trie
                    for k in keys:
                        node = node.setdefault(k, {})
                    node.setdefault(_END, [])
                    if all(c.entry.iri != e.iri for c in node[_END]):
                        node[_END].append(cand)
        #: the words a label can start with: a token whose key is not among them starts no match
        self.first_keys: frozenset[str] = frozenset(self._trie)

    def match(self, tokens: Sequence[Token], i: int, stop: int | None = None) -> GazetteerMatch | None:
        """The longest label starting at token ``i`` (quotes inside a name are skipped)."""
        stop = len(tokens) if stop is None else stop
        if i >= stop or tokens[i].key not in self.first_keys:
            return None  # most tokens start no label: answered by one set look-up
        node = self._trie
        best: GazetteerMatch | None = None
        j = i
        while j < stop:
            tok = tokens[j]
            if tok.is_quote and j > i:
                j += 1
                continue
            nxt = node.get(tok.key)
            if nxt is None:
                break
            node = nxt
            j += 1
            if _END in node and not (j == i + 1 and _other_alef(tok.text, node[_END])):
                end = j
                best = GazetteerMatch(i, end, tuple(node[_END]))
        return best

    def lookup(self, keys: tuple[str, ...]) -> tuple[Candidate, ...]:
        """Entries with exactly this (tokenised, normalised) label."""
        return tuple(self._by_key.get(keys, ()))

    def ancestors(self, iri: str) -> list[str]:
        """The places (sfWithin) or organisations (subOrganizationOf) above ``iri``, nearest first."""
        out: list[str] = []
        todo = [iri]
        while todo:
            e = self.entries.get(todo.pop(0))
            if e is None:
                continue
            for up in (*e.within, *e.part_of):
                if up not in out and up != iri:
                    out.append(up)
                    todo.append(up)
        return out

    def resolve(self, candidates: Sequence[Candidate], context: Sequence[str]) -> GazetteerEntry | None:
        """The entry the label names given the place ``context`` (places in scope, nearest first).

        A self-located candidate ("مطار القامشلي") is taken as is; a generic one ("مديرية المالية")
        only when one of its places is in the context (or above a place in it).
        """
        scope: list[str] = []
        for p in context:
            for q in (p, *self.ancestors(p)):
                if q not in scope:
                    scope.append(q)
        located = [c for c in candidates if c.self_located]
        generic = [c for c in candidates if not c.self_located]
        for place in scope:
            for c in generic:
                if place in c.entry.within:
                    return c.entry
        return located[0].entry if located else None


def _other_alef(text: str, candidates: Sequence[Candidate]) -> bool:
    """Whether a one-word match starts with alef madda where every label starts with hamza below.

    Why: matching folds آ and إ together, so the month "آب" (August: "في آب الماضي") linked to the
    Yemeni city "إب"; the two letters are written apart in the source, and only the folding joins them."""
    if not text.startswith("آ"):
        return False
    return all(
        label.startswith("إ")
        for c in candidates
        for label in (c.entry.labels.get("ar") or tuple(c.entry.pref_label.values()))
    )


def _contains(seq: tuple[str, ...], sub: tuple[str, ...]) -> bool:
    n = len(sub)
    return n > 0 and any(seq[i : i + n] == sub for i in range(len(seq) - n + 1))
