"""Settings, read in one place (the environment) and injected everywhere else.

Nothing else in conflictkg reads ``os.environ``: the CLI builds a :class:`Settings` from its flags
(falling back on :func:`get_settings`), and the API receives it through a FastAPI dependency that
tests override.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

__all__ = ["PROJECT_ROOT", "Settings", "get_settings"]

_PACKAGE_DIR = Path(__file__).resolve().parent
#: The source checkout (ontology/, shapes/ live at its top). An installed wheel would carry them as data.
PROJECT_ROOT = _PACKAGE_DIR.parent.parent


def _default_ontology_dir() -> Path:
    return PROJECT_ROOT / "ontology"


def _default_shapes_dir() -> Path:
    return PROJECT_ROOT / "shapes"


@dataclass(frozen=True)
class Settings:
    """Everything conflictkg can be told; immutable, use :meth:`with_` for a changed copy."""

    store_dir: Path = Path("data/store")
    #: ``None`` means the embedded store; an http(s) URL means a remote SPARQL 1.1 store.
    remote_endpoint: str | None = None
    ontology_dir: Path = field(default_factory=_default_ontology_dir)
    shapes_dir: Path = field(default_factory=_default_shapes_dir)
    update_token: str | None = None
    query_timeout_s: float = 30.0
    max_result_rows: int = 100_000
    host: str = "127.0.0.1"
    port: int = 8000

    @property
    def ontology_file(self) -> Path:
        return self.ontology_dir / "conflictkg.ttl"

    @property
    def gazetteer_dir(self) -> Path:
        return self.ontology_dir / "gazetteer"

    @property
    def shapes_file(self) -> Path:
        return self.shapes_dir / "conflictkg-shapes.ttl"

    def with_(self, **changes: object) -> Settings:
        return replace(self, **changes)  # type: ignore[arg-type]


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """Settings from the environment (``CONFLICTKG_*``), cached for the process."""
    env = os.environ
    s = Settings()
    changes: dict[str, object] = {}
    if v := env.get("CONFLICTKG_STORE"):
        changes["store_dir"] = Path(v)
    if v := env.get("CONFLICTKG_REMOTE_ENDPOINT"):
        changes["remote_endpoint"] = v
    if v := env.get("CONFLICTKG_ONTOLOGY_DIR"):
        changes["ontology_dir"] = Path(v)
    if v := env.get("CONFLICTKG_SHAPES_DIR"):
        changes["shapes_dir"] = Path(v)
    if v := env.get("CONFLICTKG_UPDATE_TOKEN"):
        changes["update_token"] = v
    if v := env.get("CONFLICTKG_QUERY_TIMEOUT"):
        changes["query_timeout_s"] = float(v)
    return s.with_(**changes) if changes else s
