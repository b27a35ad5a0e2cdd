"""conflictkg: a knowledge graph of armed actors, institutions and territorial events from news.

text -> mentions -> facts -> RDF -> validated -> stored -> queried or exported.
"""

from conflictkg.errors import (
    ConfigurationError,
    ConflictKGError,
    ExtractionError,
    InputError,
    NotFoundError,
    QueryError,
    StoreError,
    ValidationError,
)

__version__ = "0.1.0"

__all__ = [
    "ConfigurationError",
    "ConflictKGError",
    "ExtractionError",
    "InputError",
    "NotFoundError",
    "QueryError",
    "StoreError",
    "ValidationError",
    "__version__",
]
