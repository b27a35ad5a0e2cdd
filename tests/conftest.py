"""Shared fixtures: paths to the project and to ../shared, the seed article, settings."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from conflictkg.settings import PROJECT_ROOT, Settings

SHARED = PROJECT_ROOT.parent / "shared"
SEED_DIR = SHARED / "seed"
SEED_PUBLISHED = date(2022, 4, 14)


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        raise RuntimeError(f"../shared not found beside the checkout (looked in {SHARED})")
    return SHARED


@pytest.fixture(scope="session")
def seed_text() -> str:
    return (SEED_DIR / "article.txt").read_text(encoding="utf-8")


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Default settings with a store in a fresh temporary directory."""
    return Settings(store_dir=tmp_path / "store")
