"""A real Oxigraph SPARQL server (``oxigraph serve``) on a free loopback port, for the remote-store tests.

Why a helper: the remote store must be tested against the server it will meet, not a mock. The server
binary comes with the ``oxigraph`` package of the ``test`` extra (installed into the same virtualenv).
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path
from types import TracebackType
from typing import Self

import httpx

__all__ = ["OxigraphServer", "free_port", "oxigraph_binary"]


def oxigraph_binary() -> Path:
    """The ``oxigraph`` executable beside this Python, or on PATH."""
    beside = Path(sys.executable).parent / "oxigraph"
    if beside.is_file():
        return beside
    found = shutil.which("oxigraph")
    if found is None:
        raise RuntimeError(
            f"the oxigraph server binary is not installed (looked in {beside.parent} and on PATH): "
            "install the test extra, e.g. .venv/bin/pip install -e '.[test]'"
        )
    return Path(found)


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


class OxigraphServer:
    """``oxigraph serve --location DIR --bind 127.0.0.1:PORT``, started on enter, stopped on exit."""

    def __init__(self, location: Path, *, port: int | None = None, start_timeout: float = 30.0) -> None:
        self.location = location
        self.port = port or free_port()
        self.start_timeout = start_timeout
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = location.parent / f"oxigraph-{self.port}.log"
        self._process: subprocess.Popen[bytes] | None = None

    @property
    def query_endpoint(self) -> str:
        return f"{self.base}/query"

    @property
    def update_endpoint(self) -> str:
        return f"{self.base}/update"

    def start(self) -> None:
        self.location.mkdir(parents=True, exist_ok=True)
        cmd = [str(oxigraph_binary()), "serve", "--location", str(self.location), "--bind", self.base[7:]]
        with self.log.open("wb") as log:
            self._process = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + self.start_timeout
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise RuntimeError(
                    f"oxigraph serve exited with code {self._process.returncode} before answering; "
                    f"see {self.log}: {self.log.read_text(errors='replace')[-2000:]}"
                )
            try:
                answer = httpx.post(
                    self.query_endpoint,
                    content=b"ASK { }",
                    headers={"Content-Type": "application/sparql-query"},
                    timeout=1.0,
                )
                if answer.status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"oxigraph serve did not answer on {self.base} within {self.start_timeout:g} s")

    def stop(self) -> None:
        if self._process is None:
            return
        self._process.terminate()
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait(timeout=10)
        self._process = None

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()


if __name__ == "__main__":  # python tests/sparql_server.py DIR [PORT]: a server for trying things by hand
    where = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("data/sparql-server")
    with OxigraphServer(where, port=int(sys.argv[2]) if len(sys.argv) > 2 else None) as server:
        print(f"SPARQL query endpoint {server.query_endpoint}, update {server.update_endpoint}; Ctrl-C stops")
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass
