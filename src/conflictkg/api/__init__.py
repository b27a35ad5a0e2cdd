"""The HTTP API: a FastAPI app over the store (SPARQL endpoint, facility timelines, a web page).

``create_app(settings)`` builds it; ``conflictkg serve`` runs it with uvicorn. One router per
resource (``sparql.py``, ``facilities.py``, ``actors.py``, ``events.py``, ``entities.py``, ``articles.py``,
``exports.py``), dependencies in ``dependencies.py``, the page in ``static/``.
"""

from conflictkg.api.app import create_app

__all__ = ["create_app"]
