"""The ACLED-style CSV: ACLED's columns first, one row per event, our classes and roles mapped."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

from export_helpers import exported, parse_gexf

from conflictkg.articles import article_from_text
from conflictkg.cli import build_extractor, build_validator, prepare_store
from conflictkg.export.acled import COLUMNS, EVENT_TYPES
from conflictkg.ingest import ingest
from conflictkg.namespace import CKG_NS
from conflictkg.settings import Settings
from conflictkg.store import OxigraphStore

ACLED_COLUMNS = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "actor2",
    "assoc_actor_2",
]


def rows(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"))))


def test_the_header_follows_acleds_layout(real_store: OxigraphStore) -> None:
    header = next(csv.reader(io.StringIO(exported(real_store, "csv").decode("utf-8"))))
    assert header == list(COLUMNS)
    assert header[: len(ACLED_COLUMNS)] == ACLED_COLUMNS
    assert {"location", "admin1", "notes", "source", "country", "fatalities", "tags"} <= set(header)


def test_one_row_per_event_of_the_graph(real_store: OxigraphStore) -> None:
    table = rows(exported(real_store, "csv"))
    events = [
        n for n in parse_gexf(exported(real_store, "gexf")).nodes.values() if n.values["type"] == "Event"
    ]
    assert sorted(r["event_iri"] for r in table) == sorted(n.values["iri"] for n in events)
    assert [(r["event_date"], r["event_id_cnty"]) for r in table] == sorted(
        (r["event_date"] or "9999", r["event_id_cnty"]) for r in table
    )


def test_the_seed_seizure_row(real_store: OxigraphStore) -> None:
    table = rows(exported(real_store, "csv"))
    seizures = [r for r in table if r["ckg_class"] == "Seizure" and r["ckg_status"] == "asserted"]
    row = next(r for r in seizures if "Qamishli Finance Directorate" in r["location"])
    assert (row["event_date"], row["year"], row["time_precision"]) == ("2022-04-14", "2022", "1")
    assert (row["disorder_type"], row["event_type"], row["sub_event_type"]) == (
        "Strategic developments",
        "Strategic developments",
        "Non-violent transfer of territory",
    )
    assert row["actor1"] == "Asayish"
    assert (row["country"], row["admin1"], row["admin2"]) == ("Syria", "Al-Hasakah Governorate", "Qamishli")
    assert row["source"] and row["source_url"] == "https://sy-24.com/85302"
    assert "الأسايش" in row["notes"] or "سيطرت" in row["notes"]
    assert row["article_iri"].startswith("https://w3id.org/conflictkg/id/article-")


def test_mediators_denials_and_the_arabic_labels(real_store: OxigraphStore) -> None:
    table = rows(exported(real_store, "csv"))
    negotiation = next(r for r in table if r["ckg_class"] == "Negotiation" and r["mediator"])
    assert negotiation["mediator"] == "Russian forces"
    assert negotiation["actor1"] and negotiation["actor2"], "two parties: actor1 and actor2"
    denied = [r for r in table if r["ckg_status"] == "denied"]
    assert denied and all(r["tags"] == "status: denied" for r in denied)
    assert all(r["tags"] == "" for r in table if r["ckg_status"] == "asserted")
    arabic = rows(exported(real_store, "csv", lang="ar"))
    same = next(r for r in arabic if r["event_iri"] == negotiation["event_iri"])
    assert same["mediator"] == "القوات الروسية"


def test_every_class_maps_to_an_acled_type(real_store: OxigraphStore) -> None:
    table = rows(exported(real_store, "csv"))
    for r in table:
        expected = EVENT_TYPES.get(r["ckg_class"], ("Strategic developments", "Other"))
        assert (r["event_type"], r["sub_event_type"]) == expected
    classes = real_store.query(
        f"PREFIX ckg: <{CKG_NS}> SELECT DISTINCT ?c WHERE {{ ?e a ?c ; ckg:status ?s }}"
    ).column("c")
    assert {c.rsplit("#", 1)[-1] for c in classes} == {r["ckg_class"] for r in table}


def test_the_date_filter_applies_to_the_csv(synthetic_store: OxigraphStore) -> None:
    lo, hi = date(2020, 1, 5), date(2020, 1, 6)
    table = rows(exported(synthetic_store, "csv", date_from=lo, date_to=hi))
    assert table and all(
        lo.isoformat() <= r["event_date"] <= hi.isoformat() for r in table if r["event_date"]
    )
    assert len(table) < len(rows(exported(synthetic_store, "csv")))


def test_a_handover_is_a_transfer_of_territory_to_its_recipient(tmp_path: Path) -> None:
    """The giver is actor1 and the recipient (``ckg:beneficiary``) actor2, through the real ingest path."""
    settings = Settings(store_dir=tmp_path / "store")
    text = "سلّمت قوات سوريا الديمقراطية مطار القامشلي إلى القوات الروسية يوم الخميس الماضي."
    article = article_from_text(text, where="handover", published=date(2023, 3, 11))
    store = OxigraphStore(settings.store_dir)
    try:
        prepare_store(store, settings)
        report = ingest(
            [article], extractor=build_extractor(settings), store=store, validator=build_validator(settings)
        )
        assert report.accepted, [r.reason[:300] for r in report.rejected]
        table = rows(exported(store, "csv"))
    finally:
        store.close()
    row = next(r for r in table if r["ckg_class"] == "Handover")
    assert (row["event_type"], row["sub_event_type"]) == (
        "Strategic developments",
        "Non-violent transfer of territory",
    )
    assert (row["actor1"], row["actor2"]) == ("Syrian Democratic Forces", "Russian forces")
    assert "Qamishli" in row["location"] and row["event_date"] == "2023-03-09"
