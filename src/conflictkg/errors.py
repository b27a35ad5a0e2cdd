"""One exception hierarchy for conflictkg.

    ConflictKGError                 base: every error conflictkg raises on purpose
    ├── ConfigurationError          a setting or a path is wrong (what to set, where)
    ├── InputError                  an article, a gold file or an RDF file cannot be read
    ├── ExtractionError             the extractor met text it cannot process
    ├── ValidationError             an article graph fails the SHACL shapes (carries the report)
    ├── StoreError                  the store cannot be opened or written
    ├── QueryError                  a SPARQL query is malformed or refused (carries the parser message)
    └── NotFoundError               an IRI or label resolves to nothing (or to several things)

Every message says what is wrong, where, and what to do about it.
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "ConfigurationError",
    "ConflictKGError",
    "ExtractionError",
    "InputError",
    "NotFoundError",
    "QueryError",
    "StoreError",
    "ValidationError",
]


class ConflictKGError(Exception):
    """Base of every error conflictkg raises on purpose."""


class ConfigurationError(ConflictKGError):
    """A setting, an environment variable or a path is wrong."""


class InputError(ConflictKGError):
    """Input (an article, a gold file, an RDF file) cannot be read or is malformed."""


class ExtractionError(ConflictKGError):
    """The extractor cannot process a text."""


class ValidationError(ConflictKGError):
    """An article graph violates the SHACL shapes; ``report`` holds the details."""

    def __init__(self, message: str, report: Any = None) -> None:
        super().__init__(message)
        self.report = report


class StoreError(ConflictKGError):
    """The store cannot be opened, read or written."""


class QueryError(ConflictKGError):
    """A SPARQL query is malformed or refused; the message carries the parser's words."""


class NotFoundError(ConflictKGError):
    """An IRI or a label resolves to no entity, or to more than one."""
