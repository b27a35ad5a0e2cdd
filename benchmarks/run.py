"""Benchmark: extraction and ingest throughput on the seed article and on examples/articles.

Why: extraction (spaCy tokenizer + patterns) and ingest (extract + model + SHACL validation + store
write) are the two costs an analyst waits for when dropping a folder of articles. This script times
both with the real parts (the same wiring as ``conflictkg ingest``) and records the figures with the
machine and the commit, so that a change that slows either shows up when two result files are compared.

    python benchmarks/run.py [--runs 5] [--name NAME] [--out benchmarks/results]

Extraction: a warm Extractor (built once, one untimed pass first), then ``--runs`` timed passes over
the corpus; the figure is the median pass, as articles/s. Ingest: each run ingests the whole corpus
into a fresh on-disk store in a temporary folder (store opening and reference-graph loading are not
timed; validator and extractor are built once), median of ``--runs``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))  # run from a checkout without installing, too

from conflictkg.articles import read_articles  # noqa: E402
from conflictkg.cli import (  # noqa: E402
    build_extractor,
    build_validator,
    freeze_setup,
    open_store,
    prepare_store,
)
from conflictkg.errors import ConflictKGError, InputError  # noqa: E402
from conflictkg.facts import Article  # noqa: E402
from conflictkg.settings import PROJECT_ROOT, Settings  # noqa: E402

SEED = PROJECT_ROOT.parent / "shared" / "seed" / "article.txt"
SEED_PUBLISHED = date(2022, 4, 14)
SEED_SOURCE = "https://sy-24.com/85302"
EXAMPLES = PROJECT_ROOT / "examples" / "articles"
PACKAGES = ("conflictkg", "spacy", "rdflib", "pyshacl", "pyoxigraph", "fastapi", "uvicorn", "owlrl")


@dataclass(frozen=True)
class Corpus:
    """A named list of articles to time."""

    name: str
    articles: list[Article]

    @property
    def characters(self) -> int:
        return sum(len(a.text) for a in self.articles)


def load_corpus(
    name: str, paths: Sequence[Path], *, published: date | None = None, source: str | None = None
) -> Corpus:
    """Read articles the way ``conflictkg ingest`` does; any unreadable input stops the benchmark."""
    articles: list[Article] = []
    for item in read_articles(paths, published=published, source=source):
        if item.error is not None:
            raise InputError(f"benchmark corpus {name!r}: {item.error}")
        assert item.article is not None
        articles.append(item.article)
    if not articles:
        raise InputError(f"benchmark corpus {name!r} is empty: no article under {[str(p) for p in paths]}")
    return Corpus(name, articles)


def _timed(fn: Callable[[], object]) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def _figures(corpus: Corpus, seconds: list[float]) -> dict[str, Any]:
    median = statistics.median(seconds)
    return {
        "articles": len(corpus.articles),
        "characters": corpus.characters,
        "runs": len(seconds),
        "seconds": [round(s, 6) for s in seconds],
        "median_seconds": round(median, 6),
        "articles_per_second": round(len(corpus.articles) / median, 3) if median > 0 else None,
        "characters_per_second": round(corpus.characters / median, 1) if median > 0 else None,
    }


def bench_extract(corpus: Corpus, extractor: Callable[[Article], Any], runs: int) -> dict[str, Any]:
    """Median time of a pass of the warm extractor over the corpus."""
    events = sum(len(extractor(a).events) for a in corpus.articles)  # warm-up, untimed
    seconds = [_timed(lambda: [extractor(a) for a in corpus.articles]) for _ in range(runs)]
    return {**_figures(corpus, seconds), "events": events}


def bench_ingest(
    corpus: Corpus, settings: Settings, extractor: Any, validator: Any, runs: int
) -> dict[str, Any]:
    """Median time to ingest the corpus into a fresh on-disk store (extract+model+validate+store)."""
    from conflictkg.ingest import ingest

    seconds: list[float] = []
    accepted = rejected = triples = 0
    for _ in range(runs):
        with tempfile.TemporaryDirectory(prefix="conflictkg-bench-") as tmp:
            run_settings = settings.with_(store_dir=Path(tmp) / "store")
            with open_store(run_settings) as store:
                prepare_store(store, run_settings)
                started = time.perf_counter()
                report = ingest(corpus.articles, extractor=extractor, store=store, validator=validator)
                seconds.append(time.perf_counter() - started)
            accepted, rejected = len(report.accepted), len(report.rejected)
            triples = sum(a.triples for a in report.accepted)
    return {**_figures(corpus, seconds), "accepted": accepted, "rejected": rejected, "triples": triples}


def article_of_tokens(n_tokens: int = 400) -> Article:
    """An Arabic article of exactly ``n_tokens`` whitespace tokens, cut from our own example articles
    (issue 3's throughput target is stated for a 400-token article)."""
    from conflictkg.articles import article_from_text

    words: list[str] = []
    for path in sorted(EXAMPLES.glob("ar-*.txt")):
        words += path.read_text(encoding="utf-8").split()
    if len(words) < n_tokens:
        raise InputError(f"the Arabic examples hold {len(words)} tokens, fewer than {n_tokens}")
    return article_from_text(" ".join(words[:n_tokens]), where="bench-400", published=date(2023, 3, 11))


def bench_throughput(extractor: Callable[[Article], Any], runs: int, batch: int = 100) -> dict[str, Any]:
    """Articles per second for one 400-token article extracted ``batch`` times in one process."""
    article = article_of_tokens(400)
    corpus = Corpus("400-tokens", [article] * batch)
    return {**bench_extract(corpus, extractor, runs), "tokens_per_article": 400}


def _git(*args: str) -> str | None:
    try:
        out = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, timeout=10, check=True)
    except (OSError, subprocess.SubprocessError):
        return None
    return out.stdout.strip()


def machine() -> dict[str, Any]:
    """What the figures depend on: processor, Python, package versions, commit."""
    versions: dict[str, str | None] = {}
    for name in PACKAGES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = None
    status = _git("status", "--porcelain")
    return {
        "cpu_count": os.cpu_count(),
        "cpu": platform.processor() or platform.machine(),
        "platform": platform.platform(),
        "python": platform.python_version(),
        "python_implementation": platform.python_implementation(),
        "packages": versions,
        "git_commit": _git("rev-parse", "HEAD"),
        "git_dirty": bool(status) if status is not None else None,
    }


def run(runs: int, settings: Settings) -> dict[str, Any]:
    """All figures: per corpus, extraction and ingest."""
    corpora = [
        load_corpus("seed", [SEED], published=SEED_PUBLISHED, source=SEED_SOURCE),
        load_corpus("examples", [EXAMPLES]),
    ]
    started = time.perf_counter()
    extractor = build_extractor(settings)
    extractor_build = time.perf_counter() - started
    started = time.perf_counter()
    validator = build_validator(settings)
    validator_build = time.perf_counter() - started
    freeze_setup()  # as `conflictkg ingest` does once its extractor and validator are built
    results: dict[str, Any] = {}
    for corpus in corpora:
        print(
            f"{corpus.name}: {len(corpus.articles)} articles, {corpus.characters} characters", file=sys.stderr
        )
        results[corpus.name] = {
            "extract": bench_extract(corpus, extractor, runs),
            "ingest": bench_ingest(corpus, settings, extractor, validator, runs),
        }
        for stage in ("extract", "ingest"):
            fig = results[corpus.name][stage]
            print(
                f"  {stage:8} {fig['articles_per_second']:>10} articles/s  (median {fig['median_seconds']} s "
                f"of {runs} runs)",
                file=sys.stderr,
            )
    throughput = bench_throughput(extractor, runs)
    print(
        f"  400-token article: {throughput['articles_per_second']} articles/s (one process)", file=sys.stderr
    )
    return {
        "benchmark": "extract-ingest",
        "throughput_400_tokens": throughput,
        "started_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": machine(),
        "setup_seconds": {
            "extractor_build": round(extractor_build, 4),
            "validator_build": round(validator_build, 4),
        },
        "corpora": results,
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="timed runs per figure (median reported)")
    parser.add_argument("--name", default="extract-ingest", help="name part of the result file")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results", help="result folder")
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    try:
        result = run(args.runs, Settings())
    except ConflictKGError as exc:
        print(f"benchmark: {exc}", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    path = args.out / f"{date.today().isoformat()}-{args.name}.json"
    path.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {path}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
