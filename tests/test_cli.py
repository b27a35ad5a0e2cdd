"""The command line as a user runs it: the installed ``conflictkg`` script in a subprocess, a store on disk."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from conflictkg.settings import PROJECT_ROOT

SEED_DIR = PROJECT_ROOT.parent / "shared" / "seed"

#: The console script installed by `make install`, as a user runs it.
CLI = [str(Path(sys.executable).parent / "conflictkg")]
SEED = str(SEED_DIR / "article.txt")
FINANCE = "https://w3id.org/conflictkg/id/qamishli-finance-directorate"
ASAYISH = "https://w3id.org/conflictkg/id/asayish"


def run(*args: str, ok: bool = True) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run([*CLI, *args], capture_output=True, text=True, timeout=600)
    if ok and proc.returncode != 0:
        raise AssertionError(f"conflictkg {' '.join(args)} exited {proc.returncode}:\n{proc.stderr}")
    return proc


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("cli") / "store"
    proc = run(
        "ingest",
        "--store",
        str(path),
        SEED,
        "--published",
        "2022-04-14",
        "--source",
        "https://sy-24.com/85302",
    )
    assert "1 accepted, 0 rejected" in proc.stdout
    return str(path)


def test_extract_prints_schema_valid_json(shared_dir: Path) -> None:
    proc = run("extract", SEED, "--published", "2022-04-14", "--format", "json")
    facts = json.loads(proc.stdout)
    schema = json.loads((shared_dir / "seed" / "facts.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(facts, schema)
    text = Path(SEED).read_text(encoding="utf-8")
    spans = [m for e in facts["entities"] for m in e["mentions"]] + [e["evidence"] for e in facts["events"]]
    assert spans and all(text[s["start"] : s["end"]] == s["text"] for s in spans)
    assert ASAYISH in {e["id"] for e in facts["entities"]}


def test_extract_turtle_parses() -> None:
    from rdflib import Graph

    proc = run("extract", SEED, "--published", "2022-04-14", "--format", "turtle")
    g = Graph().parse(data=proc.stdout, format="turtle")
    assert len(g) > 100


def test_extract_without_date_says_what_to_do() -> None:
    proc = run("extract", SEED, ok=False)
    assert proc.returncode == 2
    assert "--published" in proc.stderr


def test_holders_timeline_of_the_finance_directorate(store: str) -> None:
    out = json.loads(run("holders", "--store", store, FINANCE, "--format", "json").stdout)
    got = [(p["holder"].rsplit("/", 1)[-1], p["start"], p["end"]) for p in out]
    assert got == [
        ("syrian-government", None, "2022-04-14"),
        ("asayish", "2022-04-14", "2022-04-14"),
        ("syrian-government", "2022-04-14", None),
    ]
    assert out[1]["started_by"] and out[1]["ended_by"] and out[1]["sources"]
    assert out[0]["ended_by"] == out[1]["started_by"]
    assert out[2]["started_by"] == out[1]["ended_by"]


def test_holders_by_arabic_and_english_label(store: str) -> None:
    ar = json.loads(run("holders", "--store", store, "مديرية المالية في القامشلي", "--format", "json").stdout)
    en = json.loads(
        run("holders", "--store", store, "Qamishli Finance Directorate", "--format", "json").stdout
    )
    assert ar == en and ar[0]["facility"] == FINANCE


def test_holders_at_a_date_and_table(store: str) -> None:
    out = json.loads(
        run("holders", "--store", store, FINANCE, "--at", "2022-04-13", "--format", "json").stdout
    )
    assert [p["holder"].rsplit("/", 1)[-1] for p in out] == ["syrian-government"]
    table = run("holders", "--store", store, FINANCE).stdout
    assert "holder" in table.splitlines()[0] and "2022-04-14" in table


def test_holdings_of_the_asayish(store: str) -> None:
    out = json.loads(run("holdings", "--store", store, "الأسايش", "--format", "json").stdout)
    facilities = {p["facility"] for p in out}
    assert FINANCE in facilities and len(facilities) >= 10
    assert all(p["holder"] == ASAYISH for p in out)


def test_unknown_label_is_a_clear_error(store: str) -> None:
    proc = run("holders", "--store", store, "no such place anywhere", ok=False)
    assert proc.returncode == 2 and "no facility" in proc.stderr


def test_query_formats_and_bad_query(store: str) -> None:
    q = "SELECT ?e WHERE { ?e a ckg:Seizure ; ckg:status ckg:Asserted }"
    rows = json.loads(run("query", "--store", store, q, "--format", "json").stdout)["results"]["bindings"]
    assert len(rows) >= 1
    table = run("query", "--store", store, q).stdout.splitlines()
    assert table[0].strip() == "e" and len(table) == 2 + len(rows)
    assert all(line.startswith("ckr:ev-") for line in table[2:])
    csv_out = run("query", "--store", store, q, "--format", "csv").stdout
    assert csv_out.splitlines()[0].strip() == "e"
    bad = run("query", "--store", store, "SELEC nothing", ok=False)
    assert bad.returncode == 2 and "malformed" in bad.stderr.lower()


def test_entities_and_explain(store: str) -> None:
    found = json.loads(run("entities", "--store", store, "--q", "الاسايش", "--format", "json").stdout)
    assert ASAYISH in {e["id"] for e in found}
    ev = json.loads(run("explain", "--store", store, FINANCE, "--format", "json").stdout)
    text = Path(SEED).read_text(encoding="utf-8")
    assert ev and all(text[i["start"] : i["end"]] == i["quote"] for i in ev)


def test_ingest_rejects_bad_input_and_keeps_the_store(store: str, tmp_path: Path) -> None:
    before = run(
        "query",
        "--store",
        store,
        "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
        "--format",
        "json",
    ).stdout
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    proc = run("ingest", "--store", store, str(empty), ok=False)
    assert proc.returncode == 1 and "empty" in proc.stderr and "0 accepted, 1 rejected" in proc.stdout
    after = run(
        "query",
        "--store",
        store,
        "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
        "--format",
        "json",
    ).stdout
    assert before == after


def test_reingest_replaces(store: str) -> None:
    q = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    before = run("query", "--store", store, q, "--format", "json").stdout
    run("ingest", "--store", store, SEED, "--published", "2022-04-14", "--source", "https://sy-24.com/85302")
    assert run("query", "--store", store, q, "--format", "json").stdout == before


def test_validate_command(tmp_path: Path) -> None:
    good = tmp_path / "good.ttl"
    good.write_text(
        run("extract", SEED, "--published", "2022-04-14", "--format", "turtle").stdout, encoding="utf-8"
    )
    proc = run("validate", str(good))
    assert "does NOT conform" not in proc.stdout and "conforms" in proc.stdout
    bad = tmp_path / "bad.ttl"
    bad.write_text(
        "@prefix ckg: <https://w3id.org/conflictkg/ontology#> .\n"
        "<https://w3id.org/conflictkg/id/cp-x-1> a ckg:ControlPeriod .\n",
        encoding="utf-8",
    )
    proc = run("validate", str(bad), ok=False)
    assert proc.returncode == 1 and "Violation" in proc.stdout and "cp-x-1" in proc.stdout


def test_export_then_import_into_a_fresh_store_round_trips(store: str, tmp_path: Path) -> None:
    from rdflib import Dataset, URIRef
    from rdflib.compare import isomorphic

    dump = tmp_path / "all.trig"
    out = run("export", "trig", "-o", str(dump), "--store", store).stdout
    assert "wrote" in out and dump.stat().st_size > 0
    fresh = str(tmp_path / "fresh")
    assert "new quads" in run("import", "--store", fresh, str(dump)).stdout
    again = tmp_path / "again.trig"
    run("export", "trig", "-o", str(again), "--store", fresh)
    a, b = Dataset(), Dataset()
    a.parse(dump, format="trig")
    b.parse(again, format="trig")
    names = sorted(str(g.identifier) for g in a.graphs() if len(g))
    assert names == sorted(str(g.identifier) for g in b.graphs() if len(g))
    for name in names:
        assert isomorphic(a.graph(URIRef(name)), b.graph(URIRef(name))), name


def test_export_gexf_with_a_bad_filter_leaves_no_file(store: str, tmp_path: Path) -> None:
    target = tmp_path / "x.gexf"
    proc = run("export", "gexf", "-o", str(target), "--store", store, "--types", "NoSuchClass", ok=False)
    assert proc.returncode == 2 and "NoSuchClass" in proc.stderr
    assert not target.exists() and not list(tmp_path.glob("*.part"))
