"""Arabic-first extraction: article text -> entities, events and control periods (no rdflib here).

Build one :class:`Extractor` per process from the gazetteer entries
(``conflictkg.gazetteer.load_gazetteer``), then call it on each :class:`~conflictkg.facts.Article`.

:class:`Extractor` is imported on first use, so that readers of the store can use the text
normalisation (``conflictkg.extract.normalize``) without loading spaCy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from conflictkg.extract.normalize import Normalized, match_key, normalize

if TYPE_CHECKING:
    from conflictkg.extract.pipeline import Extractor

__all__ = ["Extractor", "Normalized", "match_key", "normalize"]


def __getattr__(name: str) -> Any:
    if name == "Extractor":
        from conflictkg.extract.pipeline import Extractor

        return Extractor
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
