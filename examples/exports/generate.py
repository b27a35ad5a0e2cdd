"""Regenerate the example exports: every article of ``examples/articles`` ingested (extractor, shapes,
store on disk, as ``conflictkg ingest`` does) into a temporary store, then exported in every format.

    .venv/bin/python examples/exports/generate.py

The graphs' ``prov:generatedAtTime`` is pinned, so the files change only when the articles, the
extractor, the model or the exporters change. Articles the shapes reject are listed and left out.
"""

from __future__ import annotations

import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT / "src"))  # run from a checkout without installing, too

from conflictkg.articles import read_articles  # noqa: E402
from conflictkg.cli import build_extractor, build_validator, prepare_store  # noqa: E402
from conflictkg.export import ExportFormat, ExportOptions, export, file_extension  # noqa: E402
from conflictkg.ingest import ingest  # noqa: E402
from conflictkg.settings import Settings  # noqa: E402
from conflictkg.store import OxigraphStore  # noqa: E402

GENERATED_AT = datetime(2026, 1, 1, tzinfo=UTC)
NAME = "examples"


def main() -> int:
    items = list(read_articles([ROOT / "examples" / "articles"]))
    articles = [i.article for i in items if i.article is not None]
    with tempfile.TemporaryDirectory(prefix="ckg-examples-") as tmp:
        settings = Settings(store_dir=Path(tmp) / "store")
        with OxigraphStore(settings.store_dir) as store:
            prepare_store(store, settings)
            report = ingest(
                articles,
                extractor=build_extractor(settings),
                store=store,
                validator=build_validator(settings),
                generated_at=GENERATED_AT,
            )
            for r in report.rejected:
                print(f"left out {r.article_id}: {r.reason.splitlines()[0]}", file=sys.stderr)
            for fmt in ExportFormat:
                target = HERE / f"{NAME}.{file_extension(fmt)}"
                with target.open("wb") as out:
                    export(store, fmt, out)
                print(f"wrote {target.relative_to(ROOT)}")
            target = HERE / f"{NAME}.ar.gexf"
            with target.open("wb") as out:
                export(store, ExportFormat.GEXF, out, options=ExportOptions(lang="ar"))
            print(f"wrote {target.relative_to(ROOT)} ({report.summary()})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
