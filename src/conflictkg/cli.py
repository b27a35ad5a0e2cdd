"""``conflictkg``: the command line, and the composition root.

This is the one place where settings, store, extractor and validator are built and wired together;
every other module receives what it needs. Exit status: 0 on success, 1 when an article is rejected or a
validation fails, 2 on a usage or input error (with a message saying what to do).
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from conflictkg import __version__
from conflictkg.errors import ConflictKGError, InputError
from conflictkg.settings import Settings, get_settings

if TYPE_CHECKING:
    from conflictkg.extract import Extractor
    from conflictkg.store import Store
    from conflictkg.validate import Validator

__all__ = ["main"]


# --------------------------------------------------------------------------------------------- wiring
def build_extractor(settings: Settings) -> Extractor:
    from conflictkg.extract import Extractor
    from conflictkg.gazetteer import load_gazetteer

    return Extractor(load_gazetteer(settings.gazetteer_dir, settings.ontology_file))


def build_validator(settings: Settings) -> Validator:
    from conflictkg.validate import Validator, load_ontology, load_shapes

    return Validator(shapes=load_shapes(settings.shapes_file), ontology=load_ontology(settings.ontology_file))


def freeze_setup() -> None:
    """Put what was built so far (ontology, shapes, gazetteer, lexicon tables) out of the cyclic garbage
    collector's reach. These objects live as long as the process; without this every full collection
    rescans some 170,000 of them while articles are processed, which costs about 10% of extraction
    throughput (``benchmarks/run.py`` builds the extractor and the validator the same way)."""
    gc.freeze()


def open_store(settings: Settings) -> Store:
    from conflictkg.store import open_store as _open

    return _open(settings)


def prepare_store(store: Store, settings: Settings) -> None:
    """Load the gazetteer and the ontology as reference graphs (labels, owners, class tree)."""
    from conflictkg.gazetteer import gazetteer_graph
    from conflictkg.validate import load_ontology

    store.ensure_reference_graphs(
        gazetteer_graph(settings.gazetteer_dir), load_ontology(settings.ontology_file)
    )


# ------------------------------------------------------------------------------------------- helpers
def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date YYYY-MM-DD") from None


def _err(msg: str) -> None:
    print(f"conflictkg: {msg}", file=sys.stderr)


def _table(header: Sequence[str], rows: Sequence[Sequence[Any]], out: TextIO) -> None:
    cells = [[("" if v is None else str(v)) for v in row] for row in rows]
    widths = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(header)]
    out.write("  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)).rstrip() + "\n")
    out.write("  ".join("-" * w for w in widths) + "\n")
    for r in cells:
        out.write("  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)).rstrip() + "\n")


def _read_one_article(args: argparse.Namespace) -> Any:
    from conflictkg.articles import read_articles

    (item,) = list(read_articles([Path(args.file)], published=args.published, source=args.source))
    if item.error is not None:
        raise item.error
    return item.article


# ------------------------------------------------------------------------------------------ commands
def cmd_extract(args: argparse.Namespace, settings: Settings) -> int:
    article = _read_one_article(args)
    facts = build_extractor(settings)(article)
    if args.format == "json":
        json.dump(facts.to_json(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        from conflictkg.model import article_graph

        sys.stdout.write(article_graph(facts).serialize(format="turtle"))
    return 0


def cmd_ingest(args: argparse.Namespace, settings: Settings) -> int:
    from conflictkg.articles import read_articles
    from conflictkg.ingest import ingest

    inputs = list(read_articles([Path(p) for p in args.paths], published=args.published, source=args.source))
    bad_inputs = [i for i in inputs if i.error is not None]
    articles = [i.article for i in inputs if i.article is not None]
    where = {i.article.id: i.location for i in inputs if i.article is not None}
    for i in bad_inputs:
        _err(f"rejected {i.error}")
    total = len(articles)
    show = sys.stderr.isatty() and not args.quiet

    def progress(done: int, article_id: str, accepted: bool) -> None:
        if show:
            bar = "#" * int(30 * done / max(total, 1))
            sys.stderr.write(f"\r[{bar:<30}] {done}/{total} {'ok ' if accepted else 'REJECTED'}")
            sys.stderr.flush()

    extractor = build_extractor(settings) if articles else None
    validator = build_validator(settings) if articles else None
    freeze_setup()
    with open_store(settings) as store:
        prepare_store(store, settings)
        report = (
            ingest(articles, extractor=extractor, store=store, validator=validator, on_progress=progress)
            if extractor is not None and validator is not None
            else None
        )
    if show and total:
        sys.stderr.write("\n")
    accepted = report.accepted if report else []
    rejected = report.rejected if report else []
    for r in rejected:
        _err(f"rejected {where.get(r.article_id, r.article_id)}:\n{r.reason}")
    for a in accepted:
        if args.verbose:
            print(f"accepted {where.get(a.article_id, a.article_id)} -> {a.graph_iri} ({a.triples} triples)")
    n_rej = len(rejected) + len(bad_inputs)
    print(f"{len(accepted)} accepted, {n_rej} rejected; store: {settings.store_dir}")
    return 1 if n_rej else 0


def cmd_query(args: argparse.Namespace, settings: Settings) -> int:
    if (args.sparql is None) == (args.file is None):
        raise InputError("give a query as an argument or with --file F.rq (one of the two)")
    sparql = args.sparql if args.sparql is not None else Path(args.file).read_text(encoding="utf-8")
    with open_store(settings) as store:
        result = store.query(sparql, timeout=settings.query_timeout_s, max_rows=settings.max_result_rows)
        fmt = args.format
        if result.kind in ("construct", "describe"):
            sys.stdout.write(
                result.serialize("turtle" if fmt in ("table", "turtle") else fmt).decode("utf-8")
            )
            return 0
        if result.kind == "ask":
            if fmt == "table":
                print("true" if result.boolean else "false")
            else:
                sys.stdout.write(result.serialize(fmt).decode("utf-8"))
            return 0
        if fmt == "table":
            _table(
                result.variables,
                [[_short(row[v]) for v in result.variables] for row in result.rows],
                sys.stdout,
            )
        else:
            sys.stdout.write(result.serialize(fmt).decode("utf-8"))
        if result.truncated:
            _err(f"result cut at {settings.max_result_rows} rows")
    return 0


def _short(value: Any) -> Any:
    from conflictkg.namespace import CKG_NS, CKR_NS

    if isinstance(value, str):
        if value.startswith(CKR_NS):
            return "ckr:" + value[len(CKR_NS) :]
        if value.startswith(CKG_NS):
            return "ckg:" + value[len(CKG_NS) :]
    return value


def _periods_out(periods: Sequence[Any], fmt: str) -> None:
    if fmt == "json":
        json.dump([p.to_json() for p in periods], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return
    rows = []
    for p in periods:
        d = p.to_json()
        rows.append(
            [
                d["holder_label"] or _short(d["holder"]),
                d["facility_label"] or _short(d["facility"]),
                d["start"] or "…",
                d["end"] or "…",
                _short(d["started_by"]),
                _short(d["ended_by"]),
                len(d["sources"]),
            ]
        )
    _table(["holder", "facility", "start", "end", "started by", "ended by", "sources"], rows, sys.stdout)


def cmd_holders(args: argparse.Namespace, settings: Settings) -> int:
    from conflictkg import timeline

    with open_store(settings) as store:
        iri_ = timeline.resolve(store, args.facility, "facility")
        periods = (
            timeline.facility_timeline(store, iri_)
            if args.at is None
            else timeline.holders(store, iri_, at=args.at)
        )
        _periods_out(periods, args.format)
    return 0


def cmd_holdings(args: argparse.Namespace, settings: Settings) -> int:
    from conflictkg import timeline

    with open_store(settings) as store:
        iri_ = timeline.resolve(store, args.actor, "actor")
        _periods_out(timeline.holdings(store, iri_, at=args.at), args.format)
    return 0


def cmd_validate(args: argparse.Namespace, settings: Settings) -> int:
    from rdflib import Dataset

    path = Path(args.file)
    fmt = {".trig": "trig", ".nq": "nquads", ".ttl": "turtle", ".nt": "nt"}.get(path.suffix)
    if fmt is None:
        raise InputError(f"{path}: give a .ttl, .nt, .trig or .nq file")
    ds = Dataset()
    try:
        ds.parse(path, format=fmt)
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except Exception as exc:  # rdflib's parsers raise many types
        raise InputError(f"{path}: cannot parse as {fmt}: {exc}") from exc
    validator = build_validator(settings)
    graphs = [g for g in ds.graphs() if len(g)]
    failed = 0
    for g in graphs:
        report = validator(g)
        name = str(g.identifier)
        status = "conforms" if report.conforms else "does NOT conform"
        print(f"{name}: {status} ({len(report.results)} results)")
        if report.results:
            print(report.text())
        failed += 0 if report.conforms else 1
    return 1 if failed else 0


def cmd_import(args: argparse.Namespace, settings: Settings) -> int:
    path = Path(args.file)
    fmt = {".trig": "trig", ".nq": "nquads", ".ttl": "turtle", ".nt": "ntriples"}.get(path.suffix)
    if fmt is None:
        raise InputError(f"{path}: give a .ttl, .nt, .trig or .nq file")
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    with open_store(settings) as store:
        before = len(store)
        store.load(path, format=fmt, graph=args.graph)
        added = len(store) - before
    print(f"imported {path}: {added} new quads")
    return 0


def cmd_entities(args: argparse.Namespace, settings: Settings) -> int:
    from conflictkg.lookup import search_entities

    with open_store(settings) as store:
        rows = search_entities(store, args.q or "")
    if args.format == "json":
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        _table(
            ["entity", "type", "label (ar)", "label (en)"],
            [[_short(r["id"]), r["type"], r.get("label_ar"), r.get("label_en")] for r in rows],
            sys.stdout,
        )
    return 0


def cmd_explain(args: argparse.Namespace, settings: Settings) -> int:
    from conflictkg.lookup import explain

    with open_store(settings) as store:
        items = explain(store, args.iri)
    if args.format == "json":
        json.dump(items, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        for it in items:
            print(
                f"{_short(it['about'])} ({it['kind']}) in {_short(it['article'])} "
                f"[{it['start']}:{it['end']}] rule={it.get('rule') or '-'}\n    {it['quote']}"
            )
    return 0


def cmd_export(args: argparse.Namespace, settings: Settings) -> int:
    from conflictkg.export import ExportOptions, export, parse_format

    fmt = parse_format(args.format)
    options = ExportOptions(
        lang=args.lang,
        date_from=args.date_from,
        date_to=args.date_to,
        types=tuple(t.strip() for t in (args.types or "").split(",") if t.strip()),
        around=args.around,
        depth=args.depth,
    )
    target = Path(args.output)
    partial = target.with_name(target.name + ".part")
    try:
        with open_store(settings) as store, partial.open("wb") as out:
            export(store, fmt, out, options=options)
        partial.replace(target)  # a failed export never leaves half a file behind
    finally:
        partial.unlink(missing_ok=True)
    print(f"wrote {target} ({target.stat().st_size:,} bytes, {fmt.value})")
    return 0


def cmd_serve(args: argparse.Namespace, settings: Settings) -> int:
    import uvicorn

    from conflictkg.api.app import create_app

    if args.update_token:
        settings = settings.with_(update_token=args.update_token)
    uvicorn.run(create_app(settings), host=args.host, port=args.port, log_level="info")
    return 0


def cmd_eval(args: argparse.Namespace, settings: Settings) -> int:
    from conflictkg.evaluate import evaluate

    report = evaluate(Path(args.gold_dir), build_extractor(settings))
    if args.format == "json":
        json.dump(report.to_json(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        table = report.table()
        sys.stdout.write(table if table.endswith("\n") else table + "\n")
        if args.errors:
            sys.stdout.write("\n" + report.errors_text())
    return 0


# ------------------------------------------------------------------------------------------- parser
def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="conflictkg",
        description="A knowledge graph of armed actors, institutions and territorial events from news.",
    )
    p.add_argument("--version", action="version", version=f"conflictkg {__version__}")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def cmd(
        name: str, fn: Callable[[argparse.Namespace, Settings], int], help_: str, store: bool = True
    ) -> argparse.ArgumentParser:
        sp = sub.add_parser(name, help=help_, description=help_)
        sp.set_defaults(fn=fn)
        if store:
            sp.add_argument("--store", metavar="DIR", help="store folder (default ./data/store)")
        return sp

    sp = cmd("ingest", cmd_ingest, "extract, validate and store articles (.txt with NAME.json, or .jsonl)")
    sp.add_argument("paths", nargs="+", metavar="PATH")
    sp.add_argument("--published", type=_date, help="publication date for articles without one")
    sp.add_argument("--source", help="source URL for articles without one")
    sp.add_argument("-v", "--verbose", action="store_true", help="list every accepted article")
    sp.add_argument("-q", "--quiet", action="store_true", help="no progress bar")

    sp = cmd("extract", cmd_extract, "print the facts of one article (no store)", store=False)
    sp.add_argument("file")
    sp.add_argument("--published", type=_date)
    sp.add_argument("--source")
    sp.add_argument("--format", choices=["json", "turtle"], default="json")

    sp = cmd("query", cmd_query, "run a SPARQL query (default graph: the union of article graphs)")
    sp.add_argument("sparql", nargs="?")
    sp.add_argument("--file", metavar="F.rq")
    sp.add_argument("--format", choices=["table", "json", "csv", "tsv", "xml", "turtle"], default="table")

    for name, fn, what, arg in (
        (
            "holders",
            cmd_holders,
            "who held a facility (IRI or ar/en label), and when: its whole timeline",
            "facility",
        ),
        ("holdings", cmd_holdings, "what an actor (IRI or ar/en label) held, and when", "actor"),
    ):
        sp = cmd(name, fn, what)
        sp.add_argument(arg)
        sp.add_argument("--at", type=_date, help="only periods that include this date")
        sp.add_argument("--format", choices=["table", "json"], default="table")

    sp = cmd(
        "validate", cmd_validate, "validate an RDF file against the shapes (exit 1 on violation)", store=False
    )
    sp.add_argument("file")

    sp = cmd("import", cmd_import, "bulk-load an RDF file (.ttl .nt .trig .nq) into the store")
    sp.add_argument("file")
    sp.add_argument("--graph", help="named graph for triple formats")

    sp = cmd("entities", cmd_entities, "list or search known entities by label (Arabic-normalised)")
    sp.add_argument("--q", help="text to look for in labels")
    sp.add_argument("--format", choices=["table", "json"], default="table")

    sp = cmd("explain", cmd_explain, "the evidence (article, span, quote) behind an entity, event or period")
    sp.add_argument("iri")
    sp.add_argument("--format", choices=["table", "json"], default="table")

    sp = cmd(
        "export", cmd_export, "export the graph: gexf (Gephi timeline), graphml, trig, nquads, jsonld, csv"
    )
    sp.add_argument("format", choices=["gexf", "graphml", "trig", "nquads", "jsonld", "csv"])
    sp.add_argument("-o", "--output", required=True, metavar="FILE")
    sp.add_argument("--lang", choices=["ar", "en"], default="en", help="label language (gexf, graphml, csv)")
    sp.add_argument("--from", dest="date_from", type=_date, help="only what overlaps this date or later")
    sp.add_argument("--to", dest="date_to", type=_date, help="only what overlaps this date or earlier")
    sp.add_argument("--types", help="comma-separated classes to keep, e.g. ArmedGroup,Facility,Seizure")
    sp.add_argument("--around", metavar="ENTITY", help="only the neighbourhood of an entity (IRI or label)")
    sp.add_argument("--depth", type=int, default=1, help="how many steps around --around (default 1)")

    sp = cmd("serve", cmd_serve, "serve the HTTP API and the web page")
    sp.add_argument("--host", default="127.0.0.1")
    sp.add_argument("--port", type=int, default=8000)
    sp.add_argument("--update-token", help="allow SPARQL updates and POST /articles with this bearer token")

    sp = cmd("eval", cmd_eval, "score extraction against gold files (format of expected.json)", store=False)
    sp.add_argument("gold_dir")
    sp.add_argument("--format", choices=["table", "json"], default="table")
    sp.add_argument("--errors", action="store_true", help="list every missed and spurious item")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    settings = get_settings()
    if getattr(args, "store", None):
        settings = settings.with_(store_dir=Path(args.store))
    try:
        return int(args.fn(args, settings))
    except ConflictKGError as exc:
        _err(str(exc))
        return 2
    except BrokenPipeError:
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
