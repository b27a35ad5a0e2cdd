"""The public API of conflictkg.export, locked: the names the CLI and the API are wired to."""

from __future__ import annotations

import dataclasses
import inspect
import io
from pathlib import Path

import pytest

import conflictkg.export as export_module
from conflictkg.errors import ConfigurationError, InputError
from conflictkg.export import ExportFormat, ExportOptions, export, file_extension, media_type, parse_format
from conflictkg.store import OxigraphStore


def test_the_public_names_are_locked() -> None:
    assert sorted(export_module.__all__) == [
        "ExportFormat",
        "ExportOptions",
        "LintIssue",
        "context_document",
        "export",
        "file_extension",
        "lint_gexf",
        "media_type",
        "parse_format",
    ]
    assert [f.value for f in ExportFormat] == ["gexf", "graphml", "trig", "nquads", "jsonld", "csv"]
    params = inspect.signature(export).parameters
    assert list(params) == ["store", "format", "out", "options"]
    assert params["options"].kind is inspect.Parameter.KEYWORD_ONLY


def test_options_are_frozen_keyword_only_with_defaults() -> None:
    options = ExportOptions()
    assert (
        options.lang,
        options.date_from,
        options.date_to,
        options.types,
        options.around,
        options.depth,
    ) == (
        "en",
        None,
        None,
        (),
        None,
        1,
    )
    with pytest.raises(dataclasses.FrozenInstanceError):
        options.lang = "ar"  # type: ignore[misc]
    with pytest.raises(TypeError):
        ExportOptions("ar")  # type: ignore[call-arg]


def test_media_types_and_extensions() -> None:
    assert media_type("gexf") == "application/gexf+xml"
    assert media_type(ExportFormat.TRIG) == "application/trig"
    assert media_type("nquads") == "application/n-quads"
    assert media_type("jsonld") == "application/ld+json"
    assert media_type("csv").startswith("text/csv")
    assert media_type("graphml") == "application/graphml+xml"
    assert [file_extension(f) for f in ExportFormat] == ["gexf", "graphml", "trig", "nq", "jsonld", "csv"]
    assert parse_format(" GEXF ") is ExportFormat.GEXF


def test_an_unknown_format_names_the_known_ones(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"'pdf'.*gexf, graphml, trig, nquads, jsonld, csv"):
        parse_format("pdf")
    with OxigraphStore(tmp_path / "s") as store, pytest.raises(InputError, match="'xlsx'"):
        export(store, "xlsx", io.BytesIO())


def test_a_store_without_the_ontology_cannot_be_drawn(tmp_path: Path) -> None:
    with OxigraphStore(tmp_path / "s") as store:
        with pytest.raises(ConfigurationError, match="graph-ontology"):
            export(store, "gexf", io.BytesIO())
        out = io.BytesIO()
        export(store, "nquads", out)  # an empty store dumps as nothing, without the ontology
        assert out.getvalue() == b""
