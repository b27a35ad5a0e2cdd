"""The HTTP app: :func:`create_app` builds it from :class:`~conflictkg.settings.Settings`.

One store per app, opened when the app starts (lifespan) and closed when it stops, so a served
process holds the store for its whole life and tests get a clean close. Routers, one per resource,
read the store through dependencies (``api/dependencies.py``); conflictkg's errors become HTTP
answers here, in one place: a malformed query is 400 with the parser's message, an unknown facility
or actor 404, a store that cannot be used 503, bad input 400; any other conflictkg error 500 with its message.

``uvicorn --factory conflictkg.api.app:app_from_env`` serves the app with settings from the
environment (``CONFLICTKG_STORE`` ...); ``conflictkg serve`` passes its own settings.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, cast

from fastapi import FastAPI, Request
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles

from conflictkg import __version__
from conflictkg.api import actors, articles, entities, events, exports, facilities, sparql
from conflictkg.api.dependencies import StoreDep, get_settings
from conflictkg.errors import (
    ConfigurationError,
    ConflictKGError,
    InputError,
    NotFoundError,
    QueryError,
    StoreError,
)
from conflictkg.settings import Settings
from conflictkg.store import open_store

__all__ = ["STATIC_DIR", "app_from_env", "create_app"]

STATIC_DIR = Path(__file__).resolve().parent / "static"

_STATUS: tuple[tuple[type[ConflictKGError], int], ...] = (
    (QueryError, 400),
    (InputError, 400),
    (NotFoundError, 404),
    (StoreError, 503),
    (ConfigurationError, 500),
)


def _settings_of(app: FastAPI) -> Settings:
    """The settings :func:`get_settings` resolves to for this app (honours test overrides)."""
    provider = cast(Callable[[], Settings], app.dependency_overrides.get(get_settings, get_settings))
    return provider()


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    store = open_store(_settings_of(app))
    app.state.store = store
    try:
        yield
    finally:
        app.state.store = None
        store.close()


async def _conflictkg_error(request: Request, exc: Exception) -> JSONResponse:
    status = next((code for cls, code in _STATUS if isinstance(exc, cls)), 500)
    return JSONResponse(status_code=status, content={"detail": str(exc), "error": type(exc).__name__})


def create_app(settings: Settings | None = None) -> FastAPI:
    """The FastAPI app over the store that ``settings`` name (default: settings from the environment)."""
    app = FastAPI(
        title="conflictkg",
        version=__version__,
        description="A knowledge graph of armed actors, institutions and territorial events from news: "
        "SPARQL 1.1 Protocol endpoint, facility control timelines, and a web page at /.",
        lifespan=_lifespan,
    )
    if settings is not None:
        app.dependency_overrides[get_settings] = lambda: settings
    app.add_exception_handler(ConflictKGError, _conflictkg_error)
    app.include_router(sparql.router)
    app.include_router(facilities.router)
    app.include_router(actors.router)
    app.include_router(events.router)
    app.include_router(entities.router)
    app.include_router(articles.router)
    app.include_router(exports.router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        """The web page: a SPARQL query box and a facility timeline."""
        return FileResponse(STATIC_DIR / "index.html", media_type="text/html; charset=utf-8")

    @app.get("/health", tags=["health"], summary="liveness and store check")
    def health(store: StoreDep) -> dict[str, Any]:
        """``ok`` and the number of named graphs, once the store answers."""
        return {"status": "ok", "version": __version__, "graphs": len(store.graphs())}

    return app


def app_from_env() -> FastAPI:
    """The app with settings from the environment, for ``uvicorn --factory``."""
    return create_app()
