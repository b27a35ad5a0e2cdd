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


@pytest.fixture(scope="session")
def server(example_store: IngestedExamples, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Base URL of a uvicorn process serving ``create_app`` over ``example_store``; stopped afterwards."""
    port = _free_port()
    log = tmp_path_factory.mktemp("api-log") / "uvicorn.log"
    env = {**os.environ, "CONFLICTKG_STORE": str(example_store.store)}
    env.pop("CONFLICTKG_UPDATE_TOKEN", None)
    env.pop("CONFLICTKG_REMOTE_ENDPOINT", None)
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


@pytest.fixture
def client(server: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server, timeout=60.0) as c:
        yield c
