"""Reading articles: plain text files (with an optional sibling ``NAME.json`` of metadata) and JSON lines.

Each input yields either an :class:`~conflictkg.facts.Article` or an :class:`~conflictkg.errors.InputError`
naming the file (and line) and what is wrong, so that one bad file never stops a batch. Handled here:
UTF-8 with or without BOM, cp1256 (common for Arabic), HTML saved instead of text (its text is taken),
binary files, empty files, over-large files, unknown language, malformed JSON lines.

The identity of an article (its IRI key) is, in order: the ``id`` of its metadata, its source URL, the hash
of its text. So re-ingesting the same article replaces its graph.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from conflictkg import iri
from conflictkg.errors import InputError
from conflictkg.facts import Article

__all__ = ["MAX_BYTES", "ArticleInput", "article_from_text", "detect_language", "read_articles"]

#: Larger inputs are refused: a news article is a few KB; 2 MB is a book.
MAX_BYTES = 2_000_000
_HTML_RE = re.compile(r"<\s*(html|body|p|div|head|!doctype)\b", re.IGNORECASE)
_METADATA_KEYS = {"id", "text", "published", "url", "source", "outlet", "title", "language"}


@dataclass(frozen=True, slots=True)
class ArticleInput:
    """One input read: where it came from, and the article or the reason it cannot be used."""

    location: str
    article: Article | None = None
    error: InputError | None = None


def detect_language(text: str) -> str | None:
    """``"ar"`` or ``"en"`` by the script of the letters, ``None`` when neither dominates."""
    arabic = latin = 0
    for ch in text:
        if not ch.isalpha():
            continue
        name = unicodedata.name(ch, "")
        if name.startswith("ARABIC"):
            arabic += 1
        elif name.startswith("LATIN"):
            latin += 1
    total = arabic + latin
    if total < 20:
        return None
    if arabic / total >= 0.5:
        return "ar"
    if latin / total >= 0.8:
        return "en"
    return None


def _decode(data: bytes, where: str) -> str:
    if not data.strip():
        raise InputError(f"{where}: the file is empty; give it the article's text")
    if len(data) > MAX_BYTES:
        raise InputError(
            f"{where}: {len(data) / 1e6:.1f} MB is larger than the {MAX_BYTES / 1e6:.0f} MB limit for one "
            "article; split it into articles (one per .txt file or JSON line)"
        )
    if b"\x00" in data:
        raise InputError(f"{where}: binary data (NUL bytes); give a UTF-8 text file")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as utf8_error:
        try:
            text = data.decode("cp1256")
        except UnicodeDecodeError:
            raise InputError(
                f"{where}: not UTF-8 ({utf8_error.reason} at byte {utf8_error.start}) nor Windows-1256; "
                "convert it to UTF-8"
            ) from utf8_error
        if detect_language(text) != "ar":
            raise InputError(
                f"{where}: not UTF-8 ({utf8_error.reason} at byte {utf8_error.start}); convert it to UTF-8"
            ) from utf8_error
        return text


def _html_to_text(text: str) -> str:
    from lxml import html as lxml_html

    doc = lxml_html.fromstring(text)
    for bad in doc.xpath("//script|//style|//noscript"):
        bad.drop_tree()
    blocks = [
        " ".join(el.text_content().split()) for el in doc.iter("p", "h1", "h2", "h3", "li", "blockquote")
    ]
    blocks = [b for b in blocks if b]
    return "\n".join(blocks) if blocks else " ".join(doc.text_content().split())


def _parse_date(value: Any, where: str) -> date:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        raise InputError(f"{where}: published date {value!r} is not YYYY-MM-DD") from None


def article_from_text(
    text: str,
    *,
    where: str,
    meta: dict[str, Any] | None = None,
    published: date | None = None,
    source: str | None = None,
) -> Article:
    """An :class:`Article` from its text and metadata; ``published``/``source`` fill what metadata lacks."""
    meta = meta or {}
    if _HTML_RE.search(text[:2000]):
        text = _html_to_text(text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError(f"{where}: no text; give the article's text")
    language = meta.get("language") or detect_language(text)
    if language not in ("ar", "en"):
        raise InputError(
            f"{where}: unknown language ({language or 'neither Arabic nor English script dominates'}); "
            'conflictkg reads Arabic and English articles (set "language" in the metadata if it is one)'
        )
    raw_date = meta.get("published") or published
    if raw_date is None:
        raise InputError(
            f"{where}: no publication date; relative times (today, Thursday) are anchored to it. "
            'Give --published YYYY-MM-DD or a "published" key in the metadata'
        )
    pub = _parse_date(raw_date, where)
    url = meta.get("url") or meta.get("source") or source
    given = meta.get("id")
    key = iri.article_key(text, str(given) if given else None) if given else None
    if key is None:
        key = iri.article_key(text, f"url-{iri.article_key(str(url))}") if url else iri.article_key(text)
    return Article(
        id=iri.article_iri(key),
        text=text,
        language="ar" if language == "ar" else "en",
        published=pub,
        source=str(url) if url else None,
        title=meta.get("title"),
        outlet=meta.get("outlet"),
    )


def _read_txt(path: Path, published: date | None, source: str | None) -> ArticleInput:
    where = str(path)
    try:
        meta: dict[str, Any] = {}
        sidecar = path.with_suffix(".json")
        if sidecar.is_file():
            try:
                meta = json.loads(sidecar.read_text(encoding="utf-8"))
            except (json.JSONDecodeError, UnicodeDecodeError) as exc:
                raise InputError(f"{sidecar}: metadata is not valid JSON ({exc})") from exc
            if not isinstance(meta, dict):
                raise InputError(f"{sidecar}: metadata must be a JSON object")
        text = _decode(path.read_bytes(), where)
        return ArticleInput(
            where, article_from_text(text, where=where, meta=meta, published=published, source=source)
        )
    except InputError as exc:
        return ArticleInput(where, error=exc)
    except OSError as exc:
        return ArticleInput(where, error=InputError(f"{where}: cannot read ({exc.strerror})"))


def _read_jsonl(path: Path, published: date | None, source: str | None) -> Iterator[ArticleInput]:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        yield ArticleInput(str(path), error=InputError(f"{path}: cannot read ({exc.strerror})"))
        return
    try:
        content = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        yield ArticleInput(str(path), error=InputError(f"{path}: not UTF-8 ({exc.reason}); convert it"))
        return
    for n, line in enumerate(content.splitlines(), start=1):
        where = f"{path}:{n}"
        if not line.strip():
            continue
        try:
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"{where}: invalid JSON ({exc.msg} at column {exc.colno})") from exc
            if not isinstance(obj, dict):
                raise InputError(f'{where}: each line must be a JSON object with a "text" key')
            text = obj.get("text")
            if not isinstance(text, str):
                raise InputError(f'{where}: missing "text" (a string with the article\'s text)')
            if len(text.encode("utf-8")) > MAX_BYTES:
                raise InputError(f"{where}: the text is larger than the {MAX_BYTES / 1e6:.0f} MB limit")
            meta = {k: v for k, v in obj.items() if k in _METADATA_KEYS and k != "text"}
            yield ArticleInput(
                where, article_from_text(text, where=where, meta=meta, published=published, source=source)
            )
        except InputError as exc:
            yield ArticleInput(where, error=exc)


def read_articles(
    paths: Iterable[Path], *, published: date | None = None, source: str | None = None
) -> Iterator[ArticleInput]:
    """Every article under ``paths`` (files or folders, recursively: ``*.txt`` and ``*.jsonl``)."""
    for path in paths:
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.suffix in (".txt", ".jsonl") and p.is_file())
            if not files:
                yield ArticleInput(
                    str(path), error=InputError(f"{path}: no .txt or .jsonl file in the folder")
                )
            for f in files:
                yield from read_articles([f], published=published, source=source)
        elif not path.exists():
            yield ArticleInput(str(path), error=InputError(f"{path}: no such file or folder"))
        elif path.suffix == ".jsonl":
            yield from _read_jsonl(path, published, source)
        else:
            yield _read_txt(path, published, source)
