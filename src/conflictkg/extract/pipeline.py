"""The extractor: the one place spaCy is set up, and the order in which the parts run.

``Extractor(entries)`` is built once per process: it loads the language data, builds the gazetteer
trie and the tokenizer (spaCy's blank tokenizer; no trained pipeline, nothing downloaded), then each
call turns an :class:`~conflictkg.facts.Article` into :class:`~conflictkg.facts.ArticleFacts`:

tokens -> phrases (entities) -> event mentions -> story (merged, linked, timed, ordered) -> control.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from datetime import date
from typing import Protocol

import spacy
from spacy.attrs import IDX, LENGTH
from spacy.pipeline import Lemmatizer

from conflictkg import iri as iris
from conflictkg.errors import ConfigurationError, ExtractionError
from conflictkg.extract.control import derive_control
from conflictkg.extract.english import EnglishChunker, find_english_mentions, load_english
from conflictkg.extract.entities import EntityTable
from conflictkg.extract.frames import Diagnostic
from conflictkg.extract.gazetteer import GazetteerIndex, label_words
from conflictkg.extract.lexicon import Lexicon, load_lexicon
from conflictkg.extract.normalize import match_key
from conflictkg.extract.patterns import Sentence, find_mentions
from conflictkg.extract.phrases import Chunker, Phrase
from conflictkg.extract.story import StoryEvent, TimeLike, tell
from conflictkg.extract.temporal import TemporalTagger
from conflictkg.extract.tokenize import SENTENCE_ENDS, Token, Tokenizer
from conflictkg.facts import Article, ArticleFacts, Event, GazetteerEntry, Span

__all__ = ["Diagnostic", "Extractor", "Tagger"]

#: Bigger articles are refused rather than processed for minutes (the CLI reports the file).
MAX_CHARS = 2_000_000


class Tagger(Protocol):
    """What the pipeline needs of a time tagger (``extract.temporal.TemporalTagger``)."""

    def tag(self, text: str, published: date | None) -> Sequence[TimeLike]: ...


def _spacy_base(lang: str) -> Callable[[str], Iterable[tuple[int, str]]]:
    """spaCy's tokenizer as ``(offset, piece)`` pairs: a token's text with a line break or other
    whitespace it ends in, but without the trailing spaces (a token made only of spaces is kept).

    The offsets and lengths come from ``Doc.to_array`` in one call: building a spaCy ``Token`` object
    per word to read them cost more than the tokenizing itself. spaCy's trailing whitespace is one
    space or nothing, so ``text_with_ws.rstrip(" ")`` is ``text.rstrip(" ")``.
    """
    nlp = spacy.blank(lang)
    tokenizer = nlp.tokenizer
    attrs = [IDX, LENGTH]

    def base(text: str) -> Iterable[tuple[int, str]]:
        doc = tokenizer(text)
        if not len(doc):
            return []
        return [
            (idx, (piece := text[idx : idx + n]).rstrip(" ") or piece)
            for idx, n in doc.to_array(attrs).tolist()
        ]

    return base


def _lookup_lemmatizer(lang: str) -> Callable[[str], str]:
    """spaCy's ``Lemmatizer`` in "lookup" mode as a word -> lemma function (what its
    ``lookup_lemmatize`` does per token). The table comes from the ``spacy-lookups-data`` package,
    read once here; nothing is downloaded."""
    nlp = spacy.blank(lang)
    lemmatizer = nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    if not isinstance(lemmatizer, Lemmatizer):
        raise ConfigurationError(
            f"spaCy's 'lemmatizer' factory gave {type(lemmatizer).__name__}, no Lemmatizer"
        )
    try:
        nlp.initialize()
    except (ValueError, OSError) as exc:
        raise ConfigurationError(
            f"spaCy's {lang!r} lookup lemmatizer has no table: {exc}; "
            "install it with `pip install 'spacy-lookups-data>=1.0.5,<2'`"
        ) from exc
    table = lemmatizer.lookups.get_table("lemma_lookup")

    def lemma(word: str) -> str:
        found = table.get(word, word)
        return found if isinstance(found, str) else word

    return lemma


def _covered(toks: Sequence[Token], times: Sequence[TimeLike]) -> frozenset[int]:
    """Indices of the tokens that lie inside a time expression."""
    if not times:
        return frozenset()
    starts = [t.start for t in toks]
    out: set[int] = set()
    for tm in times:
        k = bisect.bisect_left(starts, tm.start)
        while k < len(toks) and toks[k].end <= tm.end:
            out.add(k)
            k += 1
    return frozenset(out)


class Extractor:
    """Article -> facts. Build once (it compiles every matcher), call per article."""

    def __init__(self, entries: Sequence[GazetteerEntry], *, tagger: Tagger | None = None) -> None:
        self.lexicon: Lexicon = load_lexicon()
        vocabulary = set(self.lexicon.vocabulary) | {
            w for w in label_words(entries) if len(w) >= self.lexicon.min_stem_chars
        }
        self._tokenizers = {
            lang: Tokenizer(
                _spacy_base(lang),
                vocabulary,
                self.lexicon.proclitics,
                self.lexicon.article_dropping,
                self.lexicon.min_stem_chars,
                self.lexicon.words.get("conjunction_article_exceptions", frozenset()),
                {h for h in self.lexicon.heads if len(h) < self.lexicon.min_stem_chars},
            )
            for lang in ("ar", "en")
        }
        ar = self._tokenizers["ar"]
        self.gazetteer = GazetteerIndex(
            entries,
            lambda label: tuple(t.key for t in ar(label) if t.key and not t.is_quote and not t.is_punct),
        )
        self.chunker = Chunker(self.lexicon, self.gazetteer)
        self.english = load_english(_lookup_lemmatizer("en"))
        self.tagger: Tagger = tagger if tagger is not None else TemporalTagger()
        self._barriers = frozenset(match_key(w) for w in getattr(self.tagger, "barrier_words", ()))
        self._openers = frozenset(match_key(w) for w in getattr(self.tagger, "clause_openers", ()))

    def tokenize(self, text: str, language: str = "ar") -> list[Token]:
        """Tokens of ``text`` as the pipeline sees them (clitics split, quotes apart)."""
        return self._tokenizers.get(language, self._tokenizers["ar"])(text)

    def __call__(self, article: Article) -> ArticleFacts:
        return self.extract(article)[0]

    def extract(self, article: Article) -> tuple[ArticleFacts, list[Diagnostic]]:
        """The facts of ``article`` and the events found but not emitted (incomplete frames), with why.

        The diagnostics are for debugging the extractor; they are no facts and never reach the JSON.
        """
        text = article.text
        if not isinstance(text, str):
            raise ExtractionError(f"article {article.id}: text must be a str, not {type(text).__name__}")
        if len(text) > MAX_CHARS:
            raise ExtractionError(
                f"article {article.id} has {len(text)} characters, more than the {MAX_CHARS} the extractor "
                "accepts: split it into several articles"
            )
        try:
            key = iris.key_of(article.id)
        except ValueError:
            key = iris.article_key(text, article.id)
        toks = self.tokenize(text, article.language)
        sentences = self._sentences(toks, article.language)
        table = EntityTable(self.gazetteer, text, toks)
        table.resolve(sentences)
        times = self.tagger.tag(text, article.published) if toks else []
        timed = _covered(toks, times)
        if article.language == "en":
            mentions = find_english_mentions(self.english, self.lexicon, toks, sentences, timed)
        else:
            mentions = find_mentions(self.lexicon, toks, sentences, timed)
        story = tell(
            mentions,
            toks,
            sentences,
            self.lexicon,
            times,
            article.published,
            self.gazetteer.ancestors,
            lambda e: self._within(e, table),
            lambda e: table.entities[e].type if e in table.entities else None,
            barriers=self._barriers,
            openers=self._openers,
        )
        found = self._events(key, story.events, toks, text)
        # "لا تزال X تسيطر": held control, told as no event of its own
        held = [e for e in found if e.status == "held"]
        events = [e for e in found if e.status != "held"]
        groups = frozenset(g.iri for g in table.groups)
        control = derive_control(
            key,
            events,
            table.entities,
            sentences,
            lambda p: self._span(p, toks, text),
            self.lexicon,
            article.published,
            lambda e: self._within(e, table),
            groups,
            still_held=held,
            toks=toks,
        )
        entities = [e for e in table.entities.values() if e.mentions]
        entities.sort(key=lambda e: e.mentions[0].start)
        told = {e.id for e in entities}
        for e in entities:
            if e.known and e.owner is not None and e.owner not in told:
                # the article graph describes only what the article mentions: the owner of a known
                # facility is in the gazetteer graph (the timeline reads it there)
                e.owner = None
        dropped = [
            replace(d, span=Span.of(text, toks[d.trigger].start, toks[d.trigger].end)) for d in story.dropped
        ]
        return ArticleFacts(article=article, entities=entities, events=events, control=control), dropped

    # --- helpers -------------------------------------------------------------------------------
    def _within(self, entity_iri: str, table: EntityTable) -> str | None:
        entry = self.gazetteer.entries.get(entity_iri)
        if entry is not None:
            return entry.within[0] if entry.within else None
        return table.within.get(entity_iri)

    def _sentences(self, toks: Sequence[Token], language: str = "ar") -> list[Sentence]:
        chunk = self.chunker.chunk
        if language == "en":
            chunk = EnglishChunker(self.english, self.gazetteer).chunk  # one per article: its memory
        out: list[Sentence] = []
        start = 0
        for i, t in enumerate(toks):
            last = i + 1 == len(toks)
            if last or toks[i + 1].sentence != t.sentence or t.text in SENTENCE_ENDS:
                stop = i + 1
                if stop > start:
                    out.append(Sentence(len(out), start, stop, chunk(toks, start, stop)))
                start = stop
        return out

    @staticmethod
    def _span(p: Phrase, toks: Sequence[Token], text: str) -> Span:
        a, b = p.mention
        return Span.of(text, toks[a].start, toks[b - 1].end)

    def _events(self, key: str, story: Sequence[StoryEvent], toks: Sequence[Token], text: str) -> list[Event]:
        ids = {n: iris.event_iri(key, ev.seq) for n, ev in enumerate(story)}
        out: list[Event] = []
        for n, ev in enumerate(story):
            primary = ev.primary
            same_sentence = {m.sentence for m in ev.mentions} == {primary.sentence}
            a, b = primary.evidence
            if same_sentence:
                a = min(m.evidence[0] for m in ev.mentions)
                b = max(m.evidence[1] for m in ev.mentions)
            trig = toks[primary.trigger]
            rule = "+".join(dict.fromkeys(m.rule for m in ev.mentions))
            if ev.time_rule:
                rule += f"+{ev.time_rule}"
            out.append(
                Event(
                    id=ids[n],
                    type=ev.type,  # type: ignore[arg-type]
                    status=ev.status,  # type: ignore[arg-type]
                    roles={k: list(v) for k, v in ev.roles.items() if v},
                    evidence=Span.of(text, toks[a].start, toks[b - 1].end),
                    trigger=Span.of(text, trig.start, trig.end),
                    time=ev.time,
                    seq=ev.seq,
                    sentence=primary.sentence,
                    rule=rule,
                    denies=[ids[d] for d in ev.denies],
                    in_response_to=[ids[d] for d in ev.in_response_to],
                    outcome=[ids[d] for d in ev.outcome],
                )
            )
        out.sort(key=lambda e: e.seq)
        return out
