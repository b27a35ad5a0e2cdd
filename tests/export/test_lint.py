"""The GEXF lint catches what the RELAX NG schema lets through: each defect is planted in a real export,
shown to pass the schema where it does, and must be reported with its code and place."""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path

import pytest
from export_helpers import NS, exported
from lxml import etree

from conflictkg.errors import InputError
from conflictkg.export import LintIssue, lint_gexf
from conflictkg.store import OxigraphStore

G = "{http://gexf.net/1.3}"


@pytest.fixture(scope="module")
def good(real_store: OxigraphStore) -> etree._Element:
    return etree.fromstring(exported(real_store, "gexf"))


def held_edge(root: etree._Element) -> etree._Element:
    return root.find(".//g:edge[@id='held|asayish|qamishli-finance-directorate']", NS)


def duplicate_node(root: etree._Element) -> None:
    nodes = root.find(".//g:nodes", NS)
    nodes.append(copy.deepcopy(nodes.find("g:node[@id='asayish']", NS)))
    nodes.set("count", str(len(nodes)))


def dangling_edge(root: etree._Element) -> None:
    held_edge(root).set("target", "nowhere")


def undeclared_attribute(root: etree._Element) -> None:
    values = root.find(".//g:node[@id='asayish']/g:attvalues", NS)
    etree.SubElement(values, G + "attvalue", {"for": "colour", "value": "red"})


def overlapping_spells(root: etree._Element) -> None:
    spells = held_edge(root).find("g:spells", NS)
    etree.SubElement(spells, G + "spell", {"start": "2022-04-01", "end": "2022-04-20"})


def reversed_spell(root: etree._Element) -> None:
    held_edge(root).find("g:spells/g:spell", NS).set("start", "2022-05-01")
    held_edge(root).find("g:attvalues/g:attvalue[@for='sources']", NS).set("start", "2022-05-01")


def value_outside_spells(root: etree._Element) -> None:
    value = held_edge(root).find("g:attvalues/g:attvalue[@for='sources']", NS)
    value.set("start", "2021-01-01")


def wrong_count(root: etree._Element) -> None:
    root.find(".//g:edges", NS).set("count", "1")


def zero_weight(root: etree._Element) -> None:
    held_edge(root).set("weight", "0")


def schema_location(root: etree._Element) -> None:
    root.set("{http://www.w3.org/2001/XMLSchema-instance}schemaLocation", "http://gexf.net/1.3 gexf.xsd")


def duplicate_attribute(root: etree._Element) -> None:
    attributes = root.find(".//g:attributes[@class='node']", NS)
    attributes.append(copy.deepcopy(attributes[0]))


def static_value_with_time(root: etree._Element) -> None:
    value = held_edge(root).find("g:attvalues/g:attvalue[@for='kind']", NS)
    value.set("start", "2022-04-14")
    value.set("end", "2022-04-14")


CASES: list[tuple[Callable[[etree._Element], None], str, str, bool]] = [
    # (plant the defect, expected code, where, does the schema still accept it?)
    (duplicate_node, "duplicate-id", "node 'asayish'", True),
    (dangling_edge, "dangling-edge", "edge 'held|asayish|qamishli-finance-directorate'", True),
    (undeclared_attribute, "undeclared-attribute", "node 'asayish'", True),
    (overlapping_spells, "overlapping-spells", "edge 'held|asayish|qamishli-finance-directorate'", True),
    (reversed_spell, "reversed-interval", "edge 'held|asayish|qamishli-finance-directorate'", True),
    (value_outside_spells, "value-outside-spells", "edge 'held|asayish|qamishli-finance-directorate'", True),
    (wrong_count, "wrong-count", "edges", True),
    (zero_weight, "zero-weight", "edge 'held|asayish|qamishli-finance-directorate'", True),
    (duplicate_attribute, "duplicate-attribute", "attribute 'type'", True),
    (
        static_value_with_time,
        "static-attribute-with-time",
        "edge 'held|asayish|qamishli-finance-directorate'",
        True,
    ),
    (schema_location, "schema-location", "gexf", False),
]


def test_a_clean_export_has_no_issue(good: etree._Element) -> None:
    assert lint_gexf(etree.tostring(good)) == []


@pytest.mark.parametrize(("plant", "code", "where", "schema_accepts"), CASES, ids=[c[1] for c in CASES])
def test_each_planted_defect_is_reported(
    good: etree._Element,
    gexf_schema: etree.RelaxNG,
    plant: Callable[[etree._Element], None],
    code: str,
    where: str,
    schema_accepts: bool,
) -> None:
    root = copy.deepcopy(good)
    plant(root)
    assert gexf_schema.validate(root) is schema_accepts
    issues = lint_gexf(etree.tostring(root))
    assert [(i.code, i.where) for i in issues] == [(code, where)], issues
    assert isinstance(issues[0], LintIssue) and code in str(issues[0])


def test_a_file_path_is_read_too(good: etree._Element, tmp_path: Path) -> None:
    path = tmp_path / "bad.gexf"
    root = copy.deepcopy(good)
    dangling_edge(root)
    path.write_bytes(etree.tostring(root))
    assert [i.code for i in lint_gexf(path)] == ["dangling-edge"]


def test_broken_xml_and_missing_files_raise_input_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not well-formed"):
        lint_gexf(b"<gexf><graph>")
    with pytest.raises(InputError, match="not found"):
        lint_gexf(tmp_path / "missing.gexf")
