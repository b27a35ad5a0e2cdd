"""Naming an entity in a URL: the local part of its IRI, the full IRI, or an Arabic or English label.

One flow for every resource (facilities, actors): try the id as an IRI, then as a label through
:func:`conflictkg.timeline.resolve`, and check the result with the resource's own ``is_kind`` test.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Literal

from conflictkg import timeline
from conflictkg.errors import NotFoundError
from conflictkg.namespace import CKR_NS
from conflictkg.store import Store

__all__ = ["is_iri", "resolve_id"]

#: What may stand between <...> in SPARQL (RFC 3987 without the characters SPARQL forbids).
_IRI = re.compile(r"https?://[^\s<>\"{}|^`\\]+")


def is_iri(text: str) -> bool:
    """True when ``text`` can be written as ``<text>`` in a SPARQL query."""
    return bool(_IRI.fullmatch(text))


def resolve_id(
    store: Store,
    given: str,
    kind: Literal["facility", "actor"],
    is_kind: Callable[[Store, str], bool],
    hint: str,
) -> str:
    """The IRI named by ``given``; :class:`NotFoundError` (404) with ``hint`` when it names no ``kind``."""
    if given.startswith(("http://", "https://")):
        if is_kind(store, given):
            return given
    elif is_kind(store, CKR_NS + given):
        return CKR_NS + given
    try:
        found = timeline.resolve(store, given, kind)
    except NotFoundError as exc:
        raise NotFoundError(
            f"no {kind} {given!r}: give the local part of its IRI (after {CKR_NS}), its full IRI or an "
            f"Arabic or English label; {hint} ({exc})"
        ) from exc
    if not is_kind(store, found):
        raise NotFoundError(f"no {kind} {found!r} in the store; {hint}")
    return found
