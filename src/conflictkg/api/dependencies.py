"""What the routers receive: settings and the open store, as ``Annotated`` dependency aliases.

Routers never build settings or open stores themselves. :func:`get_settings` is the one seam tests
override (``app.dependency_overrides[get_settings] = ...``); :func:`create_app` overrides it with the
settings it is given, and its lifespan opens the store from whatever :func:`get_settings` resolves to,
so a test that overrides settings also chooses the store.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from conflictkg import settings as settings_module
from conflictkg.errors import StoreError
from conflictkg.settings import Settings
from conflictkg.store import Store

__all__ = ["SettingsDep", "StoreDep", "get_settings", "get_store"]


def get_settings() -> Settings:
    """Settings from the environment (cached); overridden per app by :func:`create_app` and by tests."""
    return settings_module.get_settings()


def get_store(request: Request) -> Store:
    """The store the app's lifespan opened; an error naming the cause when it is not open."""
    store = getattr(request.app.state, "store", None)
    if store is None:
        raise StoreError(
            "the store is not open: the app was used outside its lifespan; run it through uvicorn or "
            "`conflictkg serve`, or use `with TestClient(app)` in tests"
        )
    return store


SettingsDep = Annotated[Settings, Depends(get_settings)]
StoreDep = Annotated[Store, Depends(get_store)]
