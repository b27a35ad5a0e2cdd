"""Time expressions in Arabic and English, anchored to the publication date.

Why a tagger of its own: a news article rarely writes a full date. It says "yesterday", "on
Thursday", "hours after the storming", "since 16 days"; only the publication date turns those into
days. The extractor attaches the resulting :class:`TimeMention` to events and control periods.

How it works: the text is *folded* (alef/hamza forms to bare alef, ta marbuta to ha, alef maqsura
to ya, diacritics, tatweel and the bare hamza dropped, Arabic-Indic digits to ASCII, lower case)
while an index keeps, for each folded character, its place in the original text. One regular
expression, built once from ``data/time_words.json``, is matched against the folded text; every
match is mapped back to the original offsets, so ``text[m.start:m.end] == m.text`` always holds.
Alternatives are ordered so that the longer reading at a position comes first ("الخميس 14 نيسان"
before "الخميس", "أمس الأول" before "أمس"), and matches never overlap.

What the bounds mean (all :class:`~conflictkg.facts.When` bounds are dates, xsd:date semantics):

- ``relation`` says how the event relates to ``when``: ``"at"`` (the event is within the bounds),
  ``"before"``/``"after"``/``"since"``/``"until"`` (the event or state is before, after, from or up
  to the time in ``when``). "قبل X"/"before X" and "حتى X"/"until X" keep X's own bounds in ``when``.
- absolute dates: that day. Without a year, the publication year (unanchored if none is given).
- weekdays ("يوم الخميس", "الخميس الماضي", "on Thursday", "last Thursday"): the most recent such
  day on or before publication; "المقبل"/"next": the first such day after it.
- اليوم/today: publication day; أمس/البارحة/yesterday: the day before; أول أمس: two days before.
- "3 من الشهر الجاري"/"the 3rd of this month", "28 من الشهر الماضي": that day of that month.
- parts of the day (صباح، مساء، بعد ظهر، فجر …، "Thursday morning") keep the day. Night: "ليلة X"
  with X a weekday or date is the eve of X (bounds ``X-1 .. X``, the Arabic reckoning); any other
  night ("ليلة أمس", "أمس ليلاً", "last night", "Thursday night") spans ``D .. D+1``.
- "قبل يومين"/"two days ago": relation "at", ``published - 2``; "منذ 16 يوماً": relation
  "since", ``published - 16`` (the start of what still holds). Hours count as whole days
  (``hours // 24``), so "قبل ساعات" is the publication day. An unknown count ("منذ أيام") gives
  ``latest = published - 1 unit`` and no earliest bound.
- "بعد ساعات من X"/"hours later": relation "after", ``when`` = the publication day (or X's day
  when X is itself a date); "بعد يومين من X"/"two days later": that day + 2. The word after
  "من"/"على" (the anchoring event, e.g. "اقتحامها") is kept in the span. Such a count from an *event*
  also carries ``delta``, the days from that event (``(2, 2)``; ``(0, 0)`` for hours; ``(1, None)`` for
  "بعد أيام"): the story solves it against whichever of the two events is dated.
- "منذ عام 2021", "since the year 2018": since that year (a unit followed by a year is no count).
- الشهر الماضي/last month, last year, الشهر المقبل/next month, next year: the whole period;
  الأسبوع الماضي/last week: the 14 days before publication (the annotation guide's reading; it
  holds either calendar week, whatever day the article appeared); "this week/month/year": from its
  first day to publication (the week starts on Saturday in Arabic, Monday in English).
  "نيسان 2022"/"April 2022": that month; "شهر نيسان" without a year: the most recent April on or
  before publication; "عام 2022", "في 2017", "in 2017": that year.
- "قبل أسبوعين"/"two weeks ago": a count of weeks is round, so the day N weeks back, three days
  either side (11 to 17 days before for two weeks).
- Arabic ordinal day words count only before "من" + a month ("الرابع عشر من نيسان", "الأول من
  الشهر الجاري"), so "القسم الرابع من المبنى" is no date.
- ranges of days ("بين 3 و5 آذار", "from 3 to 5 March", "28 February to 2 March 2022",
  "12-14 April"): first to last day; a range that runs backwards is no range.
- thirds: "مطلع/منتصف/أواخر" (early/mid/late, the start/middle/end of) a month: days 1-10, 11-20,
  21 to the end; of a year (العام الجاري، العام الماضي، the year): January-April, May-August,
  September-December. A month without a year is the most recent one on or before publication.
- the last N units ("خلال الأيام الثلاثة الماضية", "خلال الـ48 ساعة الماضية", "اليومين الماضيين",
  "over the past three days", "in the last 24 hours"): from N units before publication to it.
- "late on Tuesday", "early on Wednesday", "in the early hours of Sunday": that day.
- مؤخراً/recently: ``latest = published``, no earliest bound.
- "حتى الآن"/"until now": relation "until", the publication day.
- without a publication date every relative expression is kept unanchored: ``When(None, None, text)``.
"""

from __future__ import annotations

import calendar
import functools
import importlib
import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from conflictkg.errors import ConfigurationError
from conflictkg.facts import When

try:  # the syntax tree of a pattern, to read where its matches can start (see _start_finder)
    _sre: Any = importlib.import_module("re._constants")
    _sre_parser: Any = importlib.import_module("re._parser")
except ImportError:  # pragma: no cover - another Python: every position is tried, as before
    _sre = _sre_parser = None

__all__ = ["RELATIONS", "TIME_WORDS_FILE", "TemporalTagger", "TimeMention"]

#: The ways an event relates to the time of a mention.
RELATIONS: tuple[str, ...] = ("at", "before", "after", "since", "until")
#: The word lists the tagger is built from.
TIME_WORDS_FILE = Path(__file__).resolve().parent / "data" / "time_words.json"


@dataclass(frozen=True)
class TimeMention:
    """A time expression: its span in the original text, its bounds and how an event relates to it."""

    start: int
    end: int
    text: str
    when: When
    relation: str
    #: "بعد يومين من إغلاقه", "a day after the SDF withdrew", "two days later": an expression that counts
    #: from another *event*, not from a day it names. ``(earliest, latest)`` days from that event to this
    #: one (``None``: open); ``when`` then holds the fallback reading, counted from the publication day.
    delta: tuple[int | None, int | None] | None = None


# --- folding -------------------------------------------------------------------------------------------

_DROPPED = "\u0640\u0621\u0670\u200c\u200d\u200e\u200f" + "".join(chr(c) for c in range(0x064B, 0x0660))
_DROPPED += "".join(chr(c) for c in range(0x06D6, 0x06EE))
_DROP_RE = re.compile("[" + re.escape(_DROPPED) + "]+")
_TABLE: dict[int, int | None] = {ord(c): None for c in _DROPPED}
_TABLE.update({ord(c): ord("ا") for c in "أإآٱ"})
_TABLE.update({ord("ى"): ord("ي"), ord("ی"): ord("ي"), ord("ة"): ord("ه"), ord("ک"): ord("ك")})
_TABLE.update({0x0660 + i: ord(str(i)) for i in range(10)})
_TABLE.update({0x06F0 + i: ord(str(i)) for i in range(10)})


def _fold(text: str) -> tuple[str, list[int] | None]:
    """Fold ``text`` for matching; the list maps folded positions to original ones (None: identity)."""
    index: list[int] | None = None
    dropped = _DROP_RE.finditer(text)
    first = next(dropped, None)
    if first is not None:  # the kept stretches between dropped marks, as ranges (no loop per character)
        index = list(range(first.start()))
        kept_from = first.end()
        for mark in dropped:
            index.extend(range(kept_from, mark.start()))
            kept_from = mark.end()
        index.extend(range(kept_from, len(text)))
    folded = text.translate(_TABLE)
    lower = folded.lower()
    if len(lower) != len(folded):  # a few letters (e.g. "İ") grow when lowered: keep those as they are
        lower = "".join(c.lower() if len(c.lower()) == 1 else c for c in folded)
    return lower, index


def _key(text: str) -> str:
    """The lookup key of a matched word: folded, whitespace collapsed."""
    return " ".join(_fold(text)[0].split())


def _alt(words: Iterable[str]) -> str:
    """A non-capturing alternation of folded words, longest first, any whitespace between words.

    Written as a trie ("(?:ال(?:خميس|اثنين)|امس)" rather than one branch per word): the words that
    match at one place are prefixes of one another, and the trie tries them longest first too, so it
    matches exactly what the flat list did, but the engine no longer walks hundreds of branches at
    every word of the article (the tagger's regex was a quarter of the extraction time).
    """
    forms = {_key(w) for w in words if w.strip()}
    if not forms:
        return "(?:)"
    trie: _Trie = {}
    for form in forms:
        node = trie
        for symbol in _symbols(form):
            node = node.setdefault(symbol, {})
        node[_END] = {}
    return "(?:" + _trie_regex(trie) + ")"


#: a trie of word forms: symbol -> subtrie; a symbol is a character, ``_SPACE`` (any whitespace) or ``_END``
_Trie = dict[str, "_Trie"]
_SPACE = " "
_END = ""


def _symbols(form: str) -> list[str]:
    """The characters of a folded form, with one ``_SPACE`` for each gap between its words."""
    out: list[str] = []
    for n, part in enumerate(form.split()):
        if n:
            out.append(_SPACE)
        out.extend(part)
    return out


def _trie_regex(node: _Trie) -> str:
    """The alternation below ``node``: longer continuations first, ending here last (as longest-first)."""
    branches = [
        (r"\s+" if symbol == _SPACE else re.escape(symbol)) + _trie_regex(child)
        for symbol, child in sorted(node.items())
        if symbol != _END
    ]
    if not branches:
        return ""
    if _END in node:
        branches.append("")
    if len(branches) == 1:
        return branches[0]
    return "(?:" + "|".join(branches) + ")"


# --- where a match can start ------------------------------------------------------------------------------
#
# Why: the tagger's pattern is one large alternation, and trying it at every word of an article was most of
# the tagging time, though few words can begin a time expression. The prefixes every match must begin with
# are read off the compiled pattern's own syntax tree (so they can never disagree with it), and a cheap
# lookahead over them picks the few places worth a full match attempt. Anything the reader does not know
# ends a prefix early, which only lets more places through: the prefilter may be loose, never strict.

#: a prefix and whether it is final (as long as wanted, or cut short by something not read exactly)
_Prefix = tuple[str, bool]
#: prefixes kept before giving up on a length (a shorter length is tried next)
_PREFIX_LIMIT = 20_000
#: a character class wider than this ends a prefix instead of being spelled out
_CLASS_LIMIT = 256
_OPEN_PREFIX: frozenset[_Prefix] = frozenset({("", False)})
_CUT_PREFIX: frozenset[_Prefix] = frozenset({("", True)})


class _PrefixOverflow(Exception):
    """Too many prefixes of the asked length: a shorter length will do."""


def _sequence_prefixes(items: Iterable[tuple[Any, Any]], k: int) -> set[_Prefix]:
    """The prefixes (up to ``k`` characters) of what a sequence of pattern items matches."""
    out: set[_Prefix] = set(_OPEN_PREFIX)
    for op, av in items:
        pending = {prefix for prefix in out if not prefix[1]}
        if not pending:
            break
        out -= pending
        below: dict[int, set[_Prefix]] = {}
        for text, _ in pending:
            room = k - len(text)
            if room not in below:
                below[room] = _item_prefixes(op, av, room)
            for tail, final in below[room]:
                out.add((text + tail, final or len(text) + len(tail) >= k))
        if len(out) > _PREFIX_LIMIT:
            raise _PrefixOverflow
    return out


def _item_prefixes(op: Any, av: Any, k: int) -> set[_Prefix]:
    """The prefixes of what one parsed pattern item matches; unknown items cut the prefix short."""
    if op is _sre.LITERAL:
        return {(chr(av), k <= 1)}
    if op is _sre.IN:
        chars: set[str] = set()
        for kind, value in av:
            if kind is _sre.LITERAL:
                chars.add(chr(value))
            elif kind is _sre.RANGE and value[1] - value[0] < _CLASS_LIMIT:
                chars.update(chr(c) for c in range(value[0], value[1] + 1))
            else:  # a negation, a category (\w, \s) or a wide range
                return set(_CUT_PREFIX)
        return {(c, k <= 1) for c in chars}
    if op is _sre.BRANCH:
        return {prefix for branch in av[1] for prefix in _sequence_prefixes(branch, k)}
    if op is _sre.SUBPATTERN:
        _, add_flags, del_flags, sub = av
        return set(_CUT_PREFIX) if add_flags or del_flags else _sequence_prefixes(sub, k)
    if op is _sre.ATOMIC_GROUP:
        return _sequence_prefixes(av, k)
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT):
        return _repeat_prefixes(av[0], av[1], av[2], k)
    if op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):  # zero width: consumes nothing
        return set(_OPEN_PREFIX)
    return set(_CUT_PREFIX)  # ANY, NOT_LITERAL, CATEGORY, GROUPREF, ...


def _repeat_prefixes(low: int, high: int, sub: Any, k: int) -> set[_Prefix]:
    """``sub{low,high}``: k rounds suffice, as each round that adds anything adds a character."""
    rounds = min(high, k)
    out: set[_Prefix] = set()
    current: set[_Prefix] = set(_OPEN_PREFIX)
    for n in range(rounds + 1):
        if n >= low:
            out |= current
        if n == rounds:
            break
        grown = {prefix for prefix in current if prefix[1]}
        for text, final in current:
            if not final:
                for tail, done in _sequence_prefixes(sub, k - len(text)):
                    grown.add((text + tail, done or len(text) + len(tail) >= k))
        current = grown
    if high > rounds:
        out |= current
    return out


def _literal_trie(words: Iterable[str]) -> str:
    """An alternation matching any of ``words`` exactly (no whitespace folding, unlike ``_alt``)."""
    trie: _Trie = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[_END] = {}

    def walk(node: _Trie) -> str:
        branches = [re.escape(ch) + walk(child) for ch, child in sorted(node.items()) if ch != _END]
        if not branches:
            return ""
        if _END in node:
            branches.append("")
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return "(?:" + walk(trie) + ")"


def _start_finder(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """A pattern matching (empty) at every word start where ``pattern`` could match, or None when the
    prefixes cannot be read (then every position is tried). Matches of ``pattern`` must start at a word
    start (it begins with ``_B``) and be non-empty; both are checked here."""
    return _cached_start_finder(pattern.pattern, pattern.flags)


@functools.lru_cache(maxsize=8)  # reading the prefixes takes a tenth of a second; taggers share a pattern
def _cached_start_finder(
    source: str, flags: int, lengths: tuple[int, ...] = (4, 3, 2, 1)
) -> re.Pattern[str] | None:
    if _sre is None or not source.startswith(_B) or flags & (re.IGNORECASE | re.LOCALE):
        return None
    try:
        tree = _sre_parser.parse(source, flags)
    except (re.error, RecursionError):  # pragma: no cover - the pattern compiled already
        return None
    for k in lengths:
        try:
            found = _sequence_prefixes(tree, k)
        except (_PrefixOverflow, RecursionError):
            continue
        words = {text for text, _ in found}
        if "" in words:  # a match could start with anything (or be empty): no prefilter
            return None
        return re.compile(rf"{_B}(?={_literal_trie(words)})")
    return None


# --- date arithmetic -------------------------------------------------------------------------------------


def _add_months(d: date, n: int) -> date:
    year, month0 = divmod(d.month - 1 + n, 12)
    year += d.year
    return date(year, month0 + 1, min(d.day, calendar.monthrange(year, month0 + 1)[1]))


def _shift(d: date, n: int, unit: str) -> date:
    if unit == "hour":
        return d + timedelta(days=int(n / 24))
    if unit == "day":
        return d + timedelta(days=n)
    if unit == "week":
        return d + timedelta(days=7 * n)
    if unit == "month":
        return _add_months(d, n)
    return _add_months(d, 12 * n)


def _month_bounds(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


Bounds = tuple[date | None, date | None]
_OPEN: Bounds = (None, None)


class _Invalid(Exception):
    """A match that looks like a date but is none (31/2/2022): it yields no mention."""


# --- the word lists ----------------------------------------------------------------------------------------


class _Lexicon:
    """The data file as lookup tables keyed by folded text, and as pattern alternations."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data
        self.months = self._table(data["months"])
        self.weekdays = self._table(data["weekdays"])
        self.numbers = self._table(data["numbers"])
        self.days = self._table(data["days"])
        self.nights = self._table(data["nights"])
        self.units: dict[str, tuple[str, str]] = {}
        for unit, forms in data["units"].items():
            for form, words in forms.items():
                for w in words:
                    self.units[_key(w)] = (unit, form)
        self.relations = {_key(w): rel for rel, words in data["relations"].items() for w in words}
        self.periods = {_key(w): name for name, words in data["periods"].items() for w in words}
        #: "earlier this month": the current period, over before the day of publication
        self.before_now = frozenset(_key(w) for w in data.get("before_now", ()))
        self.nexts = {_key(w) for side in data["next"].values() for w in side}
        self.night_words = {_key(w) for w in data["night_words"]}
        self.ordinals = self._table(data["ordinal_days"])
        self.windows = {_key(w): name for name, words in data["windows"].items() for w in words}

    @staticmethod
    def _table(groups: dict[str, list[str]]) -> dict[str, int]:
        return {_key(w): int(number) for number, words in groups.items() for w in words}

    def alt(self, *names: str) -> str:
        """Alternation of the words under the given keys (nested dicts and lists are flattened)."""
        words: list[str] = []
        for name in names:
            node: Any = self.data
            for part in name.split("."):
                node = node[part]
            words.extend(_flatten(node))
        return _alt(words)


def _flatten(node: Any) -> list[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [w for v in node.values() for w in _flatten(v)]
    return [w for v in node for w in _flatten(v)]


def _load(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ConfigurationError(
            f"cannot read the time words {path}: {exc}; restore it from the repository"
        ) from exc
    needed = (
        "months",
        "weekdays",
        "numbers",
        "few",
        "units",
        "days",
        "nights",
        "relations",
        "periods",
        "ordinal_days",
        "range",
        "windows",
        "window_bare",
        "during",
        "past_after",
    )
    missing = [k for k in needed if k not in data]
    if missing:
        raise ConfigurationError(f"{path} lacks the keys {missing}; restore it from the repository")
    return data


# --- the pattern -------------------------------------------------------------------------------------------

_B = r"(?:(?<!\w)|(?<=(?<!\w)[وف]))"  # a word starts (a conjunction و/ف may be glued before it)
_E = r"(?!\w)"  # a word ends
_DAY = r"(?:3[01]|[12][0-9]|0?[1-9])(?![0-9])"
_YEAR = r"(?:1[89][0-9]{2}|2[0-9]{3})(?![0-9])"
_MONTH_NUM = r"(?:1[0-2]|0?[1-9])(?![0-9])"


class _Pattern:
    """Builds the one regular expression; every alternative gets uniquely prefixed group names."""

    def __init__(self, lex: _Lexicon) -> None:
        self.lex = lex
        a = lex.alt
        self.mon = a("months")
        self.wd = a("weekdays")
        self.ysuf = a("year_suffix")
        self.last_b, self.last_a = a("last.before"), a("last.after")
        self.next_b, self.next_a = a("next.before"), a("next.after")
        self.not_before = "".join(f"(?<!{re.escape(_key(w))} )" for w in lex.data["not_before_day"])

    def year_part(self, name: str) -> str:
        return rf"(?:\s*[,،]?\s*(?P<{name}>{_YEAR})(?:\s*{self.ysuf}{_E})?)?"

    def month_tail(self) -> str:
        """A second month name for the same month: "نيسان/أبريل", "نيسان (أبريل)"."""
        return rf"(?:\s*[/(-]\s*{self.mon}{_E}\s*\)?)?"

    def point(self, p: str) -> str:
        """A day: a date, a weekday, today/yesterday, with an optional part of the day."""
        a = self.lex.alt
        wd_pre = rf"(?:(?:{a('day_word')}\s+)?{self.wd}{_E}[\s,،]*)?"
        dmy = (
            rf"{wd_pre}(?P<{p}d1>{_DAY})(?:st|nd|rd|th)?\s*(?:{a('date_links')}\s+)?"
            rf"(?P<{p}m1>{self.mon}){_E}{self.month_tail()}{self.year_part(p + 'y1')}"
        )
        mdy = (
            rf"{wd_pre}(?P<{p}m2>{self.mon}){_E}\s+(?P<{p}d2>{_DAY})(?:st|nd|rd|th)?{_E}"
            rf"{self.year_part(p + 'y2')}"
        )
        iso = rf"(?P<{p}iy>{_YEAR})-(?P<{p}im>{_MONTH_NUM})-(?P<{p}id>{_DAY})"
        num = rf"(?P<{p}nd>{_DAY})(?P<{p}sep>[/.-])(?P<{p}nm>{_MONTH_NUM})(?P={p}sep)(?P<{p}ny>{_YEAR})"
        rel_day = (
            rf"{self.not_before}(?P<{p}rd>{a('days', 'nights')}){_E}"
            rf"(?:\s+(?P<{p}rdw>{self.wd}){_E})?(?!\s+{a('not_after_day')}{_E})"
        )
        weekday = (
            rf"(?:(?P<{p}wl>{self.last_b}|{self.next_b})\s+)?(?:{a('day_word')}\s+)?"
            rf"(?P<{p}wd>{self.wd}){_E}(?:\s+(?P<{p}wa>{self.last_a}|{self.next_a}){_E})?"
        )
        pre = rf"(?:(?P<{p}dp>{a('dayparts_before')})\s+(?:{a('day_word')}\s+)?)?"
        post = rf"(?:\s+(?P<{p}dq>{a('dayparts_after')}){_E})?"
        of_month = (
            rf"{wd_pre}(?P<{p}dc>{_DAY})(?:st|nd|rd|th)?\s+{a('date_links')}\s+(?:the\s+)?"
            rf"(?P<{p}cm>{a('day_of_month')}){_E}"
        )
        ordinal = (
            rf"{wd_pre}(?P<{p}od>{a('ordinal_days')})\s+{a('date_links')}\s+(?:(?P<{p}om>{self.mon}){_E}"
            rf"{self.month_tail()}{self.year_part(p + 'oy')}|(?:the\s+)?(?P<{p}oc>{a('day_of_month')}){_E})"
        )
        return rf"{pre}(?:{dmy}|{mdy}|{iso}{_E}|{num}{_E}|{of_month}|{ordinal}|{rel_day}|{weekday}){post}"

    def duration(self, p: str) -> str:
        """A stretch of time: "16 يوماً", "يومين", "ساعات", "a few days", "two weeks"."""
        a = self.lex.alt
        units = _alt(w for u in self.lex.data["units"].values() for f in ("singular", "plural") for w in u[f])
        duals = _alt(w for u in self.lex.data["units"].values() for w in u["dual"])
        return (
            rf"(?:(?P<{p}q>[0-9]{{1,3}}|{a('numbers')})\s+(?P<{p}u>{units}){_E}"
            rf"|(?P<{p}du>{duals}){_E}"
            rf"|(?:(?P<{p}f>{a('few')})\s+)?(?P<{p}bu>{units}){_E}(?!\s+(?:(?:{self.wd}|{a('days')}){_E}|{_YEAR})))"
        )

    def day_range(self) -> str:
        """Days of one month, or across two: "بين 3 و5 آذار", "from 28 February to 2 March 2022"."""
        a = self.lex.alt
        link = rf"(?:\s*[-–]\s*|\s*و(?=[0-9])|\s+{a('range.link')}\s+)"
        return (
            rf"(?:{a('range.start')}\s+)?(?P<ga>{_DAY})(?:st|nd|rd|th)?"
            rf"(?:\s*(?:{a('date_links')}\s+)?(?P<gam>{self.mon}){_E})?{link}"
            rf"(?P<gb>{_DAY})(?:st|nd|rd|th)?\s*(?:{a('date_links')}\s+)?(?P<gbm>{self.mon}){_E}"
            rf"{self.month_tail()}{self.year_part('gry')}"
        )

    def window(self) -> str:
        """A third of a month or year: "مطلع الشهر الجاري", "منتصف نيسان", "late last month"."""
        a = self.lex.alt
        periods = a(*(f"periods.{w}_{u}" for w in ("this", "last", "next") for u in ("month", "year")))
        return (
            rf"(?P<wn>{a('windows')})\s*-?\s*(?:(?P<wper>{periods}){_E}"
            rf"|(?:{a('month_word')}\s+)?(?P<wm>{self.mon}){_E}{self.month_tail()}"
            rf"(?:\s*[,،]?\s*(?P<wy>{_YEAR}))?(?:\s+{self.last_a}{_E})?"
            rf"|(?P<wbare>{a('window_bare')}){_E}(?:\s+(?P<wby>{_YEAR}))?)"
        )

    def past(self) -> str:
        """The last N units up to publication: "خلال الأيام الثلاثة الماضية", "over the past 48 hours"."""
        a = self.lex.alt
        units = self.lex.data["units"]
        plural = _alt(w for u in units.values() for w in u["plural"])
        every = _alt(w for u in units.values() for f in ("singular", "plural") for w in u[f])
        duals = _alt(w for u in units.values() for w in u["dual"])
        during, after = a("during.ar"), a("past_after.plural")
        return (
            rf"{during}\s+ال(?P<pu>{plural})\s+ال(?P<pq>{a('numbers')})\s+{after}{_E}"
            rf"|{during}\s+ال\s*(?P<pq2>[0-9]{{1,3}}|{a('numbers')})\s+(?P<pu2>{every})\s+{after}{_E}"
            rf"|{during}\s+ال(?P<pdu>{duals})\s+{a('past_after.dual')}{_E}"
            rf"|{a('during.en')}\s+the\s+(?:past|last)\s+(?P<pq3>[0-9]{{1,3}}|{a('numbers')})\s+"
            rf"(?P<pu3>{every}){_E}"
        )

    def anchor(self, p: str) -> str:
        """What "بعد يومين من" / "two days after" count from: a day, or the one word naming an event."""
        return rf"(?:(?P<{p}x>{self.point(p + 'x_')})|(?:the\s+)?\w+)"

    def build(self) -> re.Pattern[str]:
        a = self.lex.alt
        rel = a("relations")
        period = rf"(?P<per>{a('periods')}){_E}"
        month_year = (
            rf"(?:{a('month_word')}\s+)?(?P<mym>{self.mon}){_E}{self.month_tail()}\s*[,،]?\s*"
            rf"(?P<myy>{_YEAR})(?:\s*{self.ysuf}{_E})?"
            rf"|{a('month_word')}\s+(?P<mym2>{self.mon}){_E}{self.month_tail()}"
            rf"(?:\s+{self.last_a}{_E})?"
        )
        year = rf"{a('year_word')}\s+(?P<yy>{_YEAR})(?:\s*{self.ysuf}{_E})?"
        recent = rf"(?P<rec>{a('recently')}){_E}"
        general = (
            rf"(?:(?P<rel>{rel})\s+(?!{a('not_after_relation')}{_E}))?(?:(?P<rg>{self.day_range()})"
            rf"|(?P<pt>{self.point('g')})|(?P<prd>{period})|(?P<wnd>{self.window()})"
            rf"|(?P<my>{month_year})|(?P<yr>{year})|(?P<rc>{recent}))"
        )
        after = a("relations.after")
        ar_after = rf"{after}\s+{self.duration('f')}(?:\s+{a('after_links')}(?:\s+{self.anchor('f')})?)?"
        en_later = rf"{self.duration('l')}\s+(?:{a('later')}{_E}|{after}(?:\s+{self.anchor('l')})?)"
        alternatives = {
            "ago": rf"{a('relations.before')}\s+{self.duration('a')}",
            "since": rf"{a('relations.since')}\s+{self.duration('s')}",
            "after": ar_after,
            "ago_en": rf"{self.duration('e')}\s+{a('ago')}{_E}",
            "later": en_later,
            "now": rf"(?P<nrel>{rel})\s+(?P<now>{a('now')}){_E}",
            "past": self.past(),
            "general": general,
        }
        body = "|".join(f"(?P<k_{name}>{pattern})" for name, pattern in alternatives.items())
        return re.compile(rf"{_B}(?:{body})")


# --- the tagger --------------------------------------------------------------------------------------------


class TemporalTagger:
    """Finds time expressions and anchors them to the publication date; build once, call often."""

    def __init__(self, words_file: Path = TIME_WORDS_FILE) -> None:
        self._lex = _Lexicon(_load(words_file))
        self._pattern = _Pattern(self._lex).build()
        #: the word starts worth a full match attempt (None: try them all)
        self._starts = _start_finder(self._pattern)
        self._this_month = {_key(w) for w in self._lex.data["day_of_month"]["this"]}
        #: words that put a time in a clause of its own, away from the event before it (the story's concern)
        self.barrier_words: tuple[str, ...] = tuple(self._lex.data.get("attachment_barriers", ()))
        #: words opening a contrasting or source clause: a time after one is not the event's before it
        self.clause_openers: tuple[str, ...] = tuple(self._lex.data.get("clause_openers", ()))
        self._handlers: dict[str, Callable[[re.Match[str], date | None], tuple[Bounds, str]]] = {
            "ago": self._ago,
            "since": self._since,
            "after": self._after,
            "ago_en": self._ago_en,
            "later": self._later,
            "now": self._now,
            "past": self._past,
            "general": self._general,
        }

    def tag(self, text: str, published: date | None) -> list[TimeMention]:
        """Every time expression of ``text``, in order, with offsets into ``text`` itself."""
        folded, index = _fold(text)
        mentions: list[TimeMention] = []
        for m in self._matches(folded):
            kind = m.lastgroup
            if kind is None:  # pragma: no cover - every alternative is a named group
                continue
            try:
                (earliest, latest), relation = self._handlers[kind[2:]](m, published)
            except _Invalid:
                continue
            start, end = self._original_span(m.start(), m.end(), index, len(text))
            surface = text[start:end]
            delta = self._delta(m, kind[2:], (earliest, latest), published)
            mentions.append(
                TimeMention(start, end, surface, When(earliest, latest, surface), relation, delta)
            )
        return mentions

    def _matches(self, folded: str) -> Iterator[re.Match[str]]:
        """What ``self._pattern.finditer(folded)`` yields (leftmost, non-overlapping), trying the full
        pattern only where the start finder says a match can begin."""
        if self._starts is None:
            yield from self._pattern.finditer(folded)
            return
        match = self._pattern.match
        end = 0
        for start in self._starts.finditer(folded):
            at = start.start()
            if at < end:
                continue
            m = match(folded, at)  # lookbehinds still see the text before ``at``, as in finditer
            if m is not None:
                yield m
                end = m.end()

    @staticmethod
    def _delta(
        m: re.Match[str], kind: str, bounds: Bounds, published: date | None
    ) -> tuple[int | None, int | None] | None:
        """Days from the anchoring event to this one, for an "after" count that names no day of its own."""
        prefix = {"after": "f", "later": "l"}.get(kind)
        if prefix is None or m[prefix + "x"] is not None or published is None:
            return None
        earliest, latest = bounds
        return (
            (earliest - published).days if earliest is not None else None,
            (latest - published).days if latest is not None else None,
        )

    @staticmethod
    def _original_span(start: int, end: int, index: list[int] | None, length: int) -> tuple[int, int]:
        if index is None:
            return start, end
        # end: up to the next kept character, so that trailing diacritics stay inside the span
        return index[start], index[end] if end < len(index) else length

    # -- handlers: each returns (bounds, relation) --

    def _general(self, m: re.Match[str], published: date | None) -> tuple[Bounds, str]:
        relation = self._lex.relations[_key(m["rel"])] if m["rel"] else "at"
        if m["rg"] is not None:
            return self._range(m, published), relation
        if m["pt"] is not None:
            return self._point(m, "g", published), relation
        if m["wnd"] is not None:
            return self._window(m, published), relation
        if m["prd"] is not None:
            return self._period(m, published), relation
        if m["my"] is not None:
            return self._month_year(m, published), relation
        if m["yr"] is not None:
            year = int(m["yy"])
            return (date(year, 1, 1), date(year, 12, 31)), relation
        return ((None, published) if published else _OPEN), relation

    def _point(self, m: re.Match[str], p: str, published: date | None) -> Bounds:
        """The day of a point expression, widened for a night."""
        lex = self._lex
        g = m.groupdict()
        day: date | None
        eve_able = True
        night = False
        if g[p + "d1"] or g[p + "d2"]:
            n = "1" if g[p + "d1"] else "2"
            day = self._date(g[p + "y" + n], lex.months[_key(g[p + "m" + n])], int(g[p + "d" + n]), published)
        elif g[p + "iy"]:
            day = self._date(g[p + "iy"], int(g[p + "im"]), int(g[p + "id"]), published)
        elif g[p + "nd"]:
            day = self._date(g[p + "ny"], int(g[p + "nm"]), int(g[p + "nd"]), published)
        elif g[p + "od"] and g[p + "om"]:
            day = self._date(
                g[p + "oy"], lex.months[_key(g[p + "om"])], lex.ordinals[_key(g[p + "od"])], published
            )
        elif g[p + "dc"] or g[p + "od"]:
            if published is None:
                return _OPEN
            which = g[p + "cm"] or g[p + "oc"]
            month = (
                published if _key(which) in self._this_month else _add_months(published.replace(day=1), -1)
            )
            number = int(g[p + "dc"]) if g[p + "dc"] else lex.ordinals[_key(g[p + "od"])]
            day = self._date(str(month.year), month.month, number, published)
        elif g[p + "rd"]:
            eve_able = False
            word = _key(g[p + "rd"])
            if word in lex.nights:
                night = True
            offset = lex.nights[word] if word in lex.nights else lex.days[word]
            day = published + timedelta(days=offset) if published else None
        else:
            weekday = lex.weekdays[_key(g[p + "wd"])]
            modifier = g[p + "wl"] or g[p + "wa"]
            if published is None:
                day = None
            elif modifier and _key(modifier) in lex.nexts:
                day = published + timedelta(days=(weekday - published.weekday() - 1) % 7 + 1)
            else:
                day = published - timedelta(days=(published.weekday() - weekday) % 7)
        if day is None:
            return _OPEN
        before, after = g[p + "dp"], g[p + "dq"]
        if before and _key(before) in lex.night_words and eve_able:
            return day - timedelta(days=1), day
        if night or any(w and _key(w) in lex.night_words for w in (before, after)):
            return day, day + timedelta(days=1)
        return day, day

    @staticmethod
    def _date(year: str | None, month: int, day: int, published: date | None) -> date | None:
        if year is None and published is None:
            return None
        try:
            return date(int(year) if year else published.year if published else 0, month, day)
        except ValueError as exc:
            raise _Invalid(str(exc)) from exc

    def _period(self, m: re.Match[str], published: date | None) -> Bounds:
        if published is None:
            return _OPEN
        return self._period_of(m["per"], published)

    def _period_of(self, words: str, published: date) -> tuple[date, date]:
        first, last = self._period_bounds(words, published)
        if _key(words) in self._lex.before_now and first < published:
            return first, published - timedelta(days=1)  # "earlier this month": before the day of the report
        return first, last

    def _period_bounds(self, words: str, published: date) -> tuple[date, date]:
        what, unit = self._lex.periods[_key(words)].split("_")
        if unit == "week":
            if what != "this":  # "last week": the 14 days before publication (either calendar week)
                return published - timedelta(days=14), published - timedelta(days=1)
            week_start = 0 if re.search("[a-z]", words) else 5  # English: Monday; Arabic: Saturday
            return published - timedelta(days=(published.weekday() - week_start) % 7), published
        step = {"last": -1, "this": 0, "next": 1}[what]
        if unit == "month":
            if what == "this":
                return published.replace(day=1), published
            other = _add_months(published.replace(day=1), step)
            return _month_bounds(other.year, other.month)
        if what == "this":
            return date(published.year, 1, 1), published
        return date(published.year + step, 1, 1), date(published.year + step, 12, 31)

    def _range(self, m: re.Match[str], published: date | None) -> Bounds:
        """From the first day to the last; the first month is the second's unless named, a year before
        when it comes later in the calendar (28 كانون الأول و2 كانون الثاني)."""
        end_month = self._lex.months[_key(m["gbm"])]
        start_month = self._lex.months[_key(m["gam"])] if m["gam"] else end_month
        year = int(m["gry"]) if m["gry"] else published.year if published else None
        if year is None:
            return _OPEN
        try:
            first = date(year - (start_month > end_month), start_month, int(m["ga"]))
            last = date(year, end_month, int(m["gb"]))
        except ValueError as exc:
            raise _Invalid(str(exc)) from exc
        if first > last:
            raise _Invalid(f"range from {first} back to {last}")
        return first, last

    def _window(self, m: re.Match[str], published: date | None) -> Bounds:
        """A third of a month (days 1-10, 11-20, 21-end) or of a year (Jan-Apr, May-Aug, Sep-Dec)."""
        third = ("early", "mid", "late").index(self._lex.windows[_key(m["wn"])])
        if m["wm"] is not None:
            month = self._lex.months[_key(m["wm"])]
            if m["wy"]:
                year = int(m["wy"])
            elif published is None:
                return _OPEN
            else:
                year = published.year if month <= published.month else published.year - 1
            return self._month_third(year, month, third)
        if published is None:
            return _OPEN
        if m["wper"] is not None:
            start = self._period_of(m["wper"], published)[0]
            unit = self._lex.periods[_key(m["wper"])].split("_")[1]
        elif m["wby"]:
            start, unit = date(int(m["wby"]), 1, 1), "year"
        else:
            month_words = {_key(w) for w in self._lex.data["window_bare"] if "شهر" in w or "month" in w}
            unit = "month" if _key(m["wbare"]) in month_words else "year"
            start = published.replace(day=1) if unit == "month" else date(published.year, 1, 1)
        if unit == "month":
            return self._month_third(start.year, start.month, third)
        return date(start.year, 4 * third + 1, 1), _month_bounds(start.year, 4 * third + 4)[1]

    @staticmethod
    def _month_third(year: int, month: int, third: int) -> Bounds:
        last = calendar.monthrange(year, month)[1] if third == 2 else 10 * third + 10
        return date(year, month, 10 * third + 1), date(year, month, last)

    def _past(self, m: re.Match[str], published: date | None) -> tuple[Bounds, str]:
        """The last N units: from N units before publication up to it."""
        if published is None:
            return _OPEN, "at"
        lex = self._lex
        if m["pdu"] is not None:
            n, unit = 2, lex.units[_key(m["pdu"])][0]
        else:
            q, u = m["pq"] or m["pq2"] or m["pq3"], m["pu"] or m["pu2"] or m["pu3"]
            n, unit = (int(q) if q.isdigit() else lex.numbers[_key(q)]), lex.units[_key(u)][0]
        return (_shift(published, -n, unit), published), "at"

    def _month_year(self, m: re.Match[str], published: date | None) -> Bounds:
        if m["mym"] is not None:
            return _month_bounds(int(m["myy"]), self._lex.months[_key(m["mym"])])
        if published is None:
            return _OPEN
        month = self._lex.months[_key(m["mym2"])]
        year = published.year if month <= published.month else published.year - 1
        return _month_bounds(year, month)

    def _count(self, m: re.Match[str], p: str) -> tuple[int | None, str]:
        """(how many, unit) of a duration; ``None`` for an unknown count ("أيام", "a few days")."""
        lex = self._lex
        if m[p + "q"] is not None:
            q = m[p + "q"]
            return (int(q) if q.isdigit() else lex.numbers[_key(q)]), lex.units[_key(m[p + "u"])][0]
        if m[p + "du"] is not None:
            return 2, lex.units[_key(m[p + "du"])][0]
        unit, form = lex.units[_key(m[p + "bu"])]
        return (1 if form == "singular" and m[p + "f"] is None else None), unit

    def _back(self, m: re.Match[str], p: str, published: date | None) -> Bounds:
        if published is None:
            return _OPEN
        n, unit = self._count(m, p)
        if n is not None and unit == "week":  # a round count of weeks: three days either side
            day = _shift(published, -n, unit)
            return day - timedelta(days=3), day + timedelta(days=3)
        if n is not None:
            day = _shift(published, -n, unit)
            return day, day
        if unit == "hour":
            return published, published
        return None, _shift(published, -1, unit)

    def _forward(self, m: re.Match[str], p: str, anchor: Bounds) -> Bounds:
        earliest, latest = anchor
        if earliest is None and latest is None:
            return _OPEN
        n, unit = self._count(m, p)
        if n is None and unit == "hour":
            return anchor
        if n is None:
            return (_shift(earliest, 1, unit) if earliest else None), None
        return (_shift(earliest, n, unit) if earliest else None), (
            _shift(latest, n, unit) if latest else None
        )

    def _ago(self, m: re.Match[str], published: date | None) -> tuple[Bounds, str]:
        return self._back(m, "a", published), "at"

    def _ago_en(self, m: re.Match[str], published: date | None) -> tuple[Bounds, str]:
        return self._back(m, "e", published), "at"

    def _since(self, m: re.Match[str], published: date | None) -> tuple[Bounds, str]:
        return self._back(m, "s", published), "since"

    def _anchor(self, m: re.Match[str], p: str, published: date | None) -> Bounds:
        if m[p + "x"] is not None:
            return self._point(m, p + "x_", published)
        return published, published

    def _after(self, m: re.Match[str], published: date | None) -> tuple[Bounds, str]:
        return self._forward(m, "f", self._anchor(m, "f", published)), "after"

    def _later(self, m: re.Match[str], published: date | None) -> tuple[Bounds, str]:
        return self._forward(m, "l", self._anchor(m, "l", published)), "after"

    def _now(self, m: re.Match[str], published: date | None) -> tuple[Bounds, str]:
        return (published, published), self._lex.relations[_key(m["nrel"])]
