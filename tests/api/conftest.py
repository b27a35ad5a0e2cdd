"""A real server for the API tests: the examples ingested by the CLI into a store on disk, served by a
uvicorn process on a free 127.0.0.1 port, reached with httpx.

Why a process and not TestClient: the protocol tests must see what a client sees (headers, status
codes, the lifespan that opens and closes the store, the static files) through a real socket.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from conflictkg.settings import PROJECT_ROOT

EXAMPLES_DIR = PROJECT_ROOT / "examples" / "articles"
STARTUP_TIMEOUT_S = 90.0


def _cli() -> list[str]:
    """The installed ``conflictkg`` command beside this interpreter (``make install`` puts it there)."""
    script = Path(sys.executable).parent / "conflictkg"
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "import sys; from conflictkg.cli import main; sys.exit(main())"]


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass(frozen=True)
class IngestedExamples:
    """The store the examples were ingested into, and what `conflictkg ingest` said about them."""

    store: Path
    accepted: int
    rejected: int
    output: str


@pytest.fixture(scope="session")
def example_store(tmp_path_factory: pytest.TempPathFactory) -> IngestedExamples:
    """A store on disk filled with the example articles by `conflictkg ingest` (the real path).

    An example the validation rejects is a failure of tests/test_examples.py; here it only must not
    leave the server without data, so at least one accepted article is required.
    """
    store = tmp_path_factory.mktemp("api") / "store"
    proc = subprocess.run(
        [*_cli(), "ingest", "--store", str(store), "--quiet", str(EXAMPLES_DIR)],
        capture_output=True,
        text=True,
        timeout=1800,
        cwd=PROJECT_ROOT,
    )
    output = f"{proc.stdout}\n{proc.stderr}"
    summary = re.search(r"(\d+) accepted, (\d+) rejected", proc.stdout)
    assert proc.returncode in (0, 1) and summary, f"`conflictkg ingest` failed:\n{output}"
    accepted, rejected = int(summary[1]), int(summary[2])
    assert accepted >= 1, f"no example article was accepted:\n{output}"
    return IngestedExamples(store, accepted, rejected, output)


@contextmanager
def _uvicorn(store: Path, log_dir: Path, env_changes: dict[str, str]) -> Iterator[str]:
    """Serve ``create_app`` over ``store`` in a uvicorn process with ``env_changes``; yield its base URL."""
    port = _free_port()
    log = log_dir / "uvicorn.log"
    env = {**os.environ, "CONFLICTKG_STORE": str(store)}
    for name in ("CONFLICTKG_UPDATE_TOKEN", "CONFLICTKG_REMOTE_ENDPOINT", "CONFLICTKG_SHAPES_DIR"):
        env.pop(name, None)
    env.update(env_changes)
    cmd = [
        sys.executable,
        "-m",
        "uvicorn",
        "--factory",
        "conflictkg.api.app:app_from_env",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--log-level",
        "warning",
    ]
    base = f"http://127.0.0.1:{port}"
    with log.open("wb") as out:
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, env=env, cwd=PROJECT_ROOT)
        try:
            deadline = time.monotonic() + STARTUP_TIMEOUT_S
            while True:
                if proc.poll() is not None:
                    pytest.fail(f"uvicorn exited with {proc.returncode}:\n{log.read_text(errors='replace')}")
                try:
                    if httpx.get(f"{base}/health", timeout=2.0).status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                if time.monotonic() > deadline:
                    pytest.fail(f"no answer on {base}/health in {STARTUP_TIMEOUT_S:g} s:\n{log.read_text()}")
                time.sleep(0.2)
            yield base
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=5)


@pytest.fixture(scope="session")
def server(example_store: IngestedExamples, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Base URL of a uvicorn process serving ``create_app`` over ``example_store``; stopped afterwards.

    No update token: this server is read-only (writes answer 403).
    """
    with _uvicorn(example_store.store, tmp_path_factory.mktemp("api-log"), {}) as base:
        yield base


#: The update token of :func:`writable_server`.
UPDATE_TOKEN = "test-token-3f9c"
#: The extra shape of :func:`writable_server`: articles without a title are rejected, so a test can post
#: one that the real validator rejects (the project's own shapes reject nothing the extractor emits).
TITLE_SHAPE = """
ckgsh:TestTitledArticleShape a sh:NodeShape ;
    sh:targetClass ckg:NewsArticle ;
    sh:property [ sh:path dct:title ; sh:minCount 1 ; sh:severity sh:Violation ;
                  sh:message "this test server only takes articles with a title" ] .
"""


@dataclass(frozen=True)
class WritableServer:
    """A server that takes writes: its base URL, its update token and its store directory."""

    url: str
    token: str
    store: Path


@pytest.fixture(scope="session")
def writable_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WritableServer]:
    """A second uvicorn process with ``CONFLICTKG_UPDATE_TOKEN`` set, on its own store.

    The store starts with one example article ingested by the CLI (so it has the gazetteer and ontology
    graphs, as a store in use does); the shapes are the project's plus :data:`TITLE_SHAPE`.
    """
    root = tmp_path_factory.mktemp("api-writable")
    store = root / "store"
    proc = subprocess.run(
        [*_cli(), "ingest", "--store", str(store), "--quiet", str(EXAMPLES_DIR / "ar-qamishli-seizure.txt")],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=PROJECT_ROOT,
    )
    assert proc.returncode == 0, f"`conflictkg ingest` failed:\n{proc.stdout}\n{proc.stderr}"
    shapes = root / "shapes"
    shapes.mkdir()
    project_shapes = (PROJECT_ROOT / "shapes" / "conflictkg-shapes.ttl").read_text(encoding="utf-8")
    (shapes / "conflictkg-shapes.ttl").write_text(project_shapes + TITLE_SHAPE, encoding="utf-8")
    env = {"CONFLICTKG_UPDATE_TOKEN": UPDATE_TOKEN, "CONFLICTKG_SHAPES_DIR": str(shapes)}
    with _uvicorn(store, root, env) as base:
        yield WritableServer(base, UPDATE_TOKEN, store)


@pytest.fixture
def client(server: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server, timeout=60.0) as c:
        yield c
