"""Arabic-first extraction: article text -> entities, events and control periods (no rdflib here).

Build one :class:`Extractor` per process from the gazetteer entries
(``conflictkg.gazetteer.load_gazetteer``), then call it on each :class:`~conflictkg.facts.Article`.
"""

from conflictkg.extract.normalize import Normalized, match_key, normalize
from conflictkg.extract.pipeline import Extractor

__all__ = ["Extractor", "Normalized", "match_key", "normalize"]
