"""Deterministic IRIs: the same facility in two articles gets the same IRI.

Known entities keep the IRI the gazetteer gives them. An entity the gazetteer does not know is minted
from its type, a normalised label key (computed by the caller, e.g. ``extract.normalize.match_key``)
and, for facilities and places, the IRI of the place it lies in. Events, periods and evidence are
minted per article from the article key, so re-ingesting an article replaces the same resources.

No rdflib here: IRIs are plain strings; ``model.py`` wraps them.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from conflictkg.namespace import CKR_NS

__all__ = [
    "article_iri",
    "article_key",
    "entity_iri",
    "event_iri",
    "evidence_iri",
    "graph_iri",
    "key_of",
    "mention_iri",
    "period_iri",
]

_SLUG_RE = re.compile(r"[^a-z0-9]+")
_KIND = {"Actor": "actor", "Facility": "facility", "Place": "place"}


def _digest(*parts: str, n: int = 12) -> str:
    h = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
    return h[:n]


def _slug(text: str) -> str:
    ascii_ = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    return _SLUG_RE.sub("-", ascii_).strip("-")


def article_key(text: str, given_id: str | None = None) -> str:
    """A short key for an article: its given id made safe for an IRI, else a hash of its text."""
    if given_id:
        slug = _slug(given_id)
        if slug:
            return slug
    return _digest(text)


def key_of(iri: str) -> str:
    """The article key inside an article, graph, event or period IRI."""
    local = iri.removeprefix(CKR_NS)
    for prefix in ("article-", "graph-"):
        if local.startswith(prefix):
            return local[len(prefix) :]
    raise ValueError(f"{iri!r} is not an article or graph IRI")


def article_iri(key: str) -> str:
    return f"{CKR_NS}article-{key}"


def graph_iri(key: str) -> str:
    """The named graph holding the facts of article ``key``."""
    return f"{CKR_NS}graph-{key}"


def event_iri(key: str, n: int) -> str:
    return f"{CKR_NS}ev-{key}-{n}"


def period_iri(key: str, n: int, *, presence: bool = False) -> str:
    return f"{CKR_NS}{'pp' if presence else 'cp'}-{key}-{n}"


def evidence_iri(resource_iri: str) -> str:
    """The Evidence node of an event or period."""
    return f"{resource_iri}-e"


def mention_iri(key: str, start: int, end: int) -> str:
    return f"{CKR_NS}mention-{key}-{start}-{end}"


def entity_iri(entity_type: str, label_key: str, within: str | None = None) -> str:
    """IRI of an entity the gazetteer does not know: type + normalised label (+ containing place).

    ``label_key`` must already be normalised (alef/hamza/ya/teh marbuta folded, no diacritics, no
    clitics), so that spelling variants of one name give one IRI.
    """
    if entity_type not in _KIND:
        raise ValueError(f"entity type must be one of {sorted(_KIND)}, not {entity_type!r}")
    if not label_key.strip():
        raise ValueError("an entity IRI needs a non-empty label key")
    slug = _slug(label_key)
    digest = _digest(entity_type, label_key.strip(), within or "")
    stem = f"{slug[:40]}-{digest}" if slug else digest
    return f"{CKR_NS}{_KIND[entity_type]}/{stem}"
