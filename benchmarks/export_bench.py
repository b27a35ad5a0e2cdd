"""Benchmark: export time and peak memory at 10^5 and 10^6 triples, for every export format.

Why: exports stream (GEXF/GraphML/CSV from a graph view, RDF one named graph at a time), so their memory
should grow with the largest article graph and the size of the drawn graph, not with the store. This
script builds synthetic stores of the requested sizes (articles generated as facts and written through
``model.article_graph``, as ingest writes them, without the extractor), then runs each export in a fresh
subprocess and records wall time and the subprocess's peak resident memory during the export
(``VmHWM``, reset before it starts; ``rss_before_mb`` is the process with the store open) and peak
Python allocation (``tracemalloc``).

    python benchmarks/export_bench.py [--sizes 100000 1000000] [--formats gexf trig ...] [--out DIR]

Writes ``benchmarks/results/<YYYY-MM-DD>-export.json``. The synthetic corpus (:func:`synthetic_facts`)
is also what ``tests/export`` uses for its scale tests.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))  # run from a checkout without installing, too

from conflictkg import iri  # noqa: E402
from conflictkg.cli import prepare_store  # noqa: E402
from conflictkg.facts import Article, ArticleFacts, ControlPeriod, Entity, Event, Span, When  # noqa: E402
from conflictkg.model import article_graph  # noqa: E402
from conflictkg.namespace import CKR_NS  # noqa: E402
from conflictkg.settings import Settings  # noqa: E402
from conflictkg.store import OxigraphStore, Store  # noqa: E402

BASE_DAY = date(2020, 1, 1)
STAMP = datetime(2024, 1, 1, tzinfo=UTC)
N_ACTORS, N_FACILITIES, N_CITIES, N_GOVERNORATES = 40, 300, 20, 5
GOVERNMENT = f"{CKR_NS}syn-government"
COUNTRY = f"{CKR_NS}syn-country"


def _actor(i: int) -> str:
    return f"{CKR_NS}syn-actor-{i % N_ACTORS}"


def _facility(i: int) -> str:
    return f"{CKR_NS}syn-facility-{i % N_FACILITIES}"


def _city(i: int) -> str:
    return f"{CKR_NS}syn-city-{i % N_CITIES}"


def _governorate(i: int) -> str:
    return f"{CKR_NS}syn-governorate-{i % N_GOVERNORATES}"


def synthetic_facts(k: int) -> ArticleFacts:
    """Article ``k`` of the synthetic corpus: a seizure of a facility (a withdrawal every third
    article), a siege of a city, a mediated negotiation, and a denial of another seizure; ~150 triples."""
    key = f"syn-{k:06d}"
    day = BASE_DAY + timedelta(days=k % 1500)
    words = [f"w{k}-{i}" for i in range(40)]
    text = " ".join(words)
    article = Article(iri.article_iri(key), text, "en", published=day, source=f"https://example.org/syn/{k}")

    def span(i: int) -> Span:
        start = sum(len(w) + 1 for w in words[:i])
        return Span.of(text, start, start + len(words[i]))

    a, b, m, f = _actor(k), _actor(k + 3), _actor(k + 11), _facility(k * 7)
    city_n = (k * 7) % N_FACILITIES % N_CITIES
    c, g = _city(city_n), _governorate(city_n)
    entities = [
        Entity(a, "Actor", f"Actor {k % N_ACTORS}", "ArmedGroup", mentions=[span(0)]),
        Entity(b, "Actor", f"Actor {(k + 3) % N_ACTORS}", "ArmedGroup", mentions=[span(1)]),
        Entity(m, "Actor", f"Actor {(k + 11) % N_ACTORS}", "ForeignForce", mentions=[span(2)]),
        Entity(GOVERNMENT, "Actor", "Government", "StateBody", mentions=[span(3)]),
        Entity(
            f,
            "Facility",
            f"Facility {(k * 7) % N_FACILITIES}",
            "GovernmentOffice",
            mentions=[span(4)],
            part_of=[c],
            owner=GOVERNMENT,
        ),
        Entity(c, "Place", f"City {city_n}", "City", mentions=[span(5)], part_of=[g]),
        Entity(
            g,
            "Place",
            f"Governorate {city_n % N_GOVERNORATES}",
            "Governorate",
            mentions=[span(6)],
            part_of=[COUNTRY],
        ),
        Entity(COUNTRY, "Place", "Country", "Country", mentions=[span(7)]),
    ]
    when = When(day, day)
    events = [
        Event(
            iri.event_iri(key, 1),
            "Seizure",
            "asserted",
            {"agent": [a], "target": [f]},
            span(10),
            time=when,
            seq=1,
        ),
        Event(
            iri.event_iri(key, 2),
            "Siege",
            "asserted",
            {"besieger": [b], "besieged": [c]},
            span(11),
            time=when,
            seq=2,
        ),
        Event(
            iri.event_iri(key, 3),
            "Negotiation",
            "asserted",
            {"party": [a, b], "mediator": [m]},
            span(12),
            time=when,
            seq=3,
        ),
        Event(
            iri.event_iri(key, 5),
            "Denial",
            "asserted",
            {"speaker": [b]},
            span(14),
            time=when,
            seq=5,
            denies=[iri.event_iri(key, 6)],
        ),
        Event(iri.event_iri(key, 6), "Seizure", "denied", {"agent": [b], "target": [f]}, span(15), seq=6),
    ]
    withdraws = k % 3 == 0
    if withdraws:
        events.append(
            Event(
                iri.event_iri(key, 4),
                "Withdrawal",
                "asserted",
                {"agent": [a], "target": [f]},
                span(13),
                time=when,
                seq=4,
            )
        )
    control = [
        ControlPeriod(
            iri.period_iri(key, 1),
            a,
            f,
            start=when,
            end=when if withdraws else None,
            started_by=events[0].id,
            ended_by=iri.event_iri(key, 4) if withdraws else None,
        )
    ]
    return ArticleFacts(article=article, entities=entities, events=events, control=control)


def _nquads(k: int) -> bytes:
    g = article_graph(synthetic_facts(k), generated_at=STAMP)
    name = f" <{g.identifier}> .\n".encode()
    lines = g.serialize(format="nt", encoding="utf-8").splitlines()
    return b"".join(line[:-2] + name for line in lines if line.endswith(b" ."))


def fill_store(store: Store, n_triples: int, *, batch: int = 200) -> int:
    """Write synthetic articles into ``store`` until it holds at least ``n_triples`` quads; returns the
    number of articles. Articles are bulk-loaded ``batch`` at a time (one transaction per batch)."""
    k = 0
    while len(store) < n_triples:
        chunk = b"".join(_nquads(i) for i in range(k, k + batch))
        store.load(chunk, format="nquads")
        k += batch
    return k


def articles(n: int) -> Iterator[ArticleFacts]:
    """The first ``n`` synthetic articles."""
    return (synthetic_facts(k) for k in range(n))


# ---------------------------------------------------------------------------------------- measuring
def _proc_status(field: str) -> float | None:
    """A ``/proc/self/status`` memory field in MB (Linux), None elsewhere."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        return None
    return None


def _reset_peak() -> None:
    """Reset the kernel's resident high-water mark (VmHWM) so that it measures what follows (Linux)."""
    with contextlib.suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")


def _rss_mb() -> float:
    """Current resident memory in MB (VmRSS), else the peak from getrusage.

    Why not ``ru_maxrss`` alone: on Linux it survives ``exec``, so a child started by a big parent
    reports the parent's peak."""
    found = _proc_status("VmRSS")
    return found if found is not None else round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def _peak_mb() -> float:
    found = _proc_status("VmHWM")
    return found if found is not None else round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def _measure(store_dir: Path, fmt: str, *, traced: bool) -> dict[str, Any]:
    """Run one export in this process (called in a child): time, bytes written, peak memory.

    ``traced`` runs it under tracemalloc (peak Python allocations; about twice slower, so the time
    reported comes from the untraced run)."""
    from conflictkg.export import export

    with OxigraphStore(store_dir) as store, tempfile.TemporaryFile() as out:
        rss_before = _rss_mb()
        _reset_peak()
        if traced:
            tracemalloc.start()
        t0 = time.perf_counter()
        export(store, fmt, out)
        seconds = time.perf_counter() - t0
        size = out.tell()
        peak = tracemalloc.get_traced_memory()[1] if traced else 0
        tracemalloc.stop()
    return {
        "seconds": round(seconds, 3),
        "bytes": size,
        "rss_before_mb": rss_before,
        "peak_rss_mb": _peak_mb(),
        "peak_python_mb": round(peak / 2**20, 1),
    }


def _child(store_dir: Path, fmt: str, *, traced: bool = False) -> dict[str, Any]:
    cmd = [sys.executable, __file__, "--measure", str(store_dir), fmt]
    out = subprocess.run([*cmd, "--traced"] if traced else cmd, check=True, capture_output=True, text=True)
    result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def measure(store_dir: Path, fmt: str) -> dict[str, Any]:
    """Time and max RSS of an untraced run, plus the peak Python allocation of a traced run."""
    result = _child(store_dir, fmt)
    result["peak_python_mb"] = _child(store_dir, fmt, traced=True)["peak_python_mb"]
    return result


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    p.add_argument("--formats", nargs="+", default=["gexf", "graphml", "csv", "trig", "nquads", "jsonld"])
    p.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results")
    p.add_argument("--measure", nargs=2, metavar=("STORE", "FORMAT"), help=argparse.SUPPRESS)
    p.add_argument("--traced", action="store_true", help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.measure:
        print(json.dumps(_measure(Path(args.measure[0]), args.measure[1], traced=args.traced)))
        return 0
    results: dict[str, Any] = {
        "machine": {
            "cpu_count": os.cpu_count(),
            "platform": platform.platform(),
            "python": platform.python_version(),
        },
        "sizes": {},
    }
    for size in args.sizes:
        with tempfile.TemporaryDirectory(prefix="ckg-export-bench-") as tmp:
            store_dir = Path(tmp) / "store"
            t0 = time.perf_counter()
            with OxigraphStore(store_dir) as store:
                prepare_store(store, Settings())
                n_articles = fill_store(store, size)
                quads = len(store)
            entry: dict[str, Any] = {
                "articles": n_articles,
                "quads": quads,
                "build_seconds": round(time.perf_counter() - t0, 1),
                "formats": {},
            }
            for fmt in args.formats:
                entry["formats"][fmt] = measure(store_dir, fmt)
                print(f"{size:>9} triples  {fmt:<8} {entry['formats'][fmt]}", flush=True)
            results["sizes"][str(size)] = entry
    args.out.mkdir(parents=True, exist_ok=True)
    target = args.out / f"{date.today().isoformat()}-export.json"
    target.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
