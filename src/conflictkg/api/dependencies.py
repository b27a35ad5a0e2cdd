"""What the routers receive: settings and the open store, as ``Annotated`` dependency aliases.

Routers never build settings or open stores themselves. :func:`get_settings` is the one seam tests
override (``app.dependency_overrides[get_settings] = ...``); :func:`create_app` overrides it with the
settings it is given, and its lifespan opens the store from whatever :func:`get_settings` resolves to,
so a test that overrides settings also chooses the store.
"""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import Depends, Header, HTTPException, Request

from conflictkg import settings as settings_module
from conflictkg.errors import StoreError
from conflictkg.settings import Settings
from conflictkg.store import Store

__all__ = ["SettingsDep", "StoreDep", "UpdateTokenDep", "get_settings", "get_store", "require_update_token"]


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


def require_update_token(
    settings: SettingsDep,
    authorization: Annotated[
        str | None, Header(description="`Bearer TOKEN`, the configured update token")
    ] = None,
) -> None:
    """Let a request that writes to the store through only with the configured token.

    403 when the server has no token (writes are off), 401 when the token is missing or wrong: the two
    answers tell the client whether to fix its token or the server's configuration.
    """
    if not settings.update_token:
        raise HTTPException(
            status_code=403,
            detail="writes (SPARQL updates, POST /articles) are disabled: start the server with an update token "
            "(CONFLICTKG_UPDATE_TOKEN or `conflictkg serve --update-token`) to allow them",
        )
    scheme, _, token = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(token.strip(), settings.update_token):
        raise HTTPException(
            status_code=401,
            detail="write refused: send the configured update token as `Authorization: Bearer TOKEN`",
            headers={"WWW-Authenticate": "Bearer"},
        )


UpdateTokenDep = Annotated[None, Depends(require_update_token)]
