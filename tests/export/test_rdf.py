"""TriG, N-Quads and JSON-LD dumps: every named graph with its provenance, back into a fresh store by
``conflictkg import`` as the same quads, written graph by graph."""

from __future__ import annotations

import json
import tracemalloc
from pathlib import Path

import pytest
from export_helpers import exported
from rdflib import Dataset, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import PROV

from conflictkg.cli import main
from conflictkg.export import ExportFormat, context_document, export
from conflictkg.export.rdf import write_trig
from conflictkg.store import OxigraphStore
from conftest import load_bench, store_dir


def dataset(data: bytes, fmt: str) -> Dataset:
    ds = Dataset()
    ds.parse(data=data, format=fmt)
    return ds


def graphs(ds: Dataset) -> dict[str, object]:
    return {str(g.identifier): g for g in ds.graphs() if len(g)}


def assert_same_quads(a: Dataset, b: Dataset) -> None:
    ga, gb = graphs(a), graphs(b)
    assert sorted(ga) == sorted(gb)
    for name in ga:
        assert isomorphic(ga[name], gb[name]), name  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("fmt", "suffix", "rdflib_format"), [("trig", ".trig", "trig"), ("nquads", ".nq", "nquads")]
)
def test_the_dump_round_trips_through_conflictkg_import(
    real_store: OxigraphStore, tmp_path: Path, fmt: str, suffix: str, rdflib_format: str
) -> None:
    data = exported(real_store, fmt)
    path = tmp_path / f"dump{suffix}"
    path.write_bytes(data)
    fresh = tmp_path / "fresh"
    assert main(["import", str(path), "--store", str(fresh)]) == 0
    with OxigraphStore(fresh) as store:
        assert len(store) == len(real_store)
        assert store.graphs() == real_store.graphs()
        again = store.dump(format="nquads")
    assert_same_quads(dataset(real_store.dump(format="nquads"), "nquads"), dataset(again, "nquads"))
    assert_same_quads(dataset(data, rdflib_format), dataset(again, "nquads"))


def test_every_article_graph_keeps_its_provenance(real_store: OxigraphStore) -> None:
    ds = dataset(exported(real_store, "trig"), "trig")
    articles = [name for name in graphs(ds) if not name.endswith(("graph-gazetteer", "graph-ontology"))]
    assert articles
    for name in articles:
        g = ds.graph(URIRef(name))
        derived = list(g.objects(URIRef(name), PROV.wasDerivedFrom))
        assert len(derived) == 1 and "/article-" in str(derived[0]), name
        assert list(g.objects(URIRef(name), PROV.generatedAtTime)), name


def test_trig_uses_the_project_prefixes_once(real_store: OxigraphStore) -> None:
    text = exported(real_store, "trig").decode("utf-8")
    assert text.count("@prefix ckg:") == 1
    assert "ckr:graph-gazetteer {" in text


def test_json_ld_carries_the_published_context_and_the_same_quads(real_store: OxigraphStore) -> None:
    data = exported(real_store, "jsonld")
    doc = json.loads(data)
    assert doc["@context"] == context_document()["@context"]
    shipped = Path(__file__).parents[2] / "src" / "conflictkg" / "export" / "data" / "context.jsonld"
    assert json.loads(shipped.read_text(encoding="utf-8")) == context_document()
    assert [g["@id"] for g in doc["@graph"]] == [
        "ckr:" + name.rsplit("/", 1)[-1] for name in real_store.graphs()
    ]
    assert_same_quads(dataset(real_store.dump(format="nquads"), "nquads"), dataset(data, "json-ld"))


def _peak_trig(store: OxigraphStore, path: Path) -> tuple[int, int]:
    """Peak Python allocation while writing the TriG to a file on disk, and the bytes written."""
    with path.open("wb") as out:
        tracemalloc.start()
        write_trig(store, out)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return peak, path.stat().st_size


def test_the_rdf_writers_stream_in_bounded_memory(tmp_path: Path) -> None:
    bench = load_bench()
    small, large = OxigraphStore(tmp_path / "small"), OxigraphStore(tmp_path / "large")
    try:
        for store, n in ((small, 20), (large, 200)):
            for k in range(n):
                store.load(bench._nquads(k), format="nquads")
        peak_small, bytes_small = _peak_trig(small, tmp_path / "small.trig")
        peak_large, bytes_large = _peak_trig(large, tmp_path / "large.trig")
    finally:
        small.close()
        large.close()
    assert bytes_large > 8 * bytes_small
    # ten times the data, about the same peak: nothing grows with the store but the list of graph names
    assert peak_large < 1.5 * peak_small + 64_000, (peak_small, peak_large)
    assert peak_large < bytes_large / 10


def test_an_export_to_a_file_equals_the_export_to_memory(real_store: OxigraphStore, tmp_path: Path) -> None:
    path = tmp_path / "dump.nq"
    with path.open("wb") as f:
        export(real_store, ExportFormat.NQUADS, f)
    assert path.read_bytes() == exported(real_store, "nquads")
    assert store_dir(real_store).is_dir()
