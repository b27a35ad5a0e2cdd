"""RDF dumps of the whole store: TriG, N-Quads and JSON-LD, written one named graph at a time.

Why graph by graph: ``Store.dump()`` of everything builds the whole serialisation in memory (about 150
bytes a quad: 150 MB at 10^6 triples). Every article lives in its own named graph (a few hundred
triples), so dumping one graph after the other keeps the peak memory at the size of the largest graph
while the output streams to ``out``. Each named graph carries its provenance (``prov:wasDerivedFrom``
its article, ``prov:generatedAtTime``) inside itself, so the dump keeps it; ``conflictkg import`` loads
either file back into a fresh store as the same quads.

JSON-LD uses the published context ``conflictkg/export/data/context.jsonld``, embedded in the document
so that it can be read offline (its ``@id`` says where it is published).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import lru_cache
from importlib import resources
from typing import Any, BinaryIO

import pyoxigraph as ox

from conflictkg.model import PREFIXES
from conflictkg.store import Store

__all__ = ["CONTEXT_URL", "context_document", "write_jsonld", "write_nquads", "write_trig"]

#: Where the JSON-LD context is published (the API may serve :func:`context_document` there).
CONTEXT_URL = "https://w3id.org/conflictkg/context.jsonld"
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


@lru_cache(maxsize=1)
def context_document() -> dict[str, Any]:
    """The JSON-LD context document (``{"@context": {...}}``) shipped with the package."""
    text = resources.files("conflictkg.export").joinpath("data/context.jsonld").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def _ntriples_lines(store: Store, graph: str) -> list[bytes]:
    return [line for line in store.dump(format="ntriples", graph=graph).splitlines() if line.strip()]


def write_nquads(store: Store, out: BinaryIO) -> None:
    """N-Quads: each named graph's triples with its name as the fourth term."""
    for graph in store.graphs():
        name = f" <{graph}> .\n".encode()
        for line in _ntriples_lines(store, graph):
            if not line.endswith(b" ."):
                raise AssertionError(f"unexpected N-Triples line from the store: {line[:200]!r}")
            out.write(line[:-2] + name)


def write_trig(store: Store, out: BinaryIO) -> None:
    """TriG: the project's prefixes once, then one ``<graph> { ... }`` block per named graph."""
    for prefix, ns in PREFIXES.items():
        out.write(f"@prefix {prefix}: <{ns}> .\n".encode())
    for graph in store.graphs():
        body = store.dump(format="turtle", graph=graph)
        lines = [line for line in body.splitlines(keepends=True) if not line.startswith(b"@prefix ")]
        out.write(f"\n{_short(graph)} {{\n".encode())
        out.writelines(lines)
        if lines and not lines[-1].endswith(b"\n"):
            out.write(b"\n")
        out.write(b"}\n")


def _short(graph: str) -> str:
    for prefix, ns in PREFIXES.items():
        local = graph.removeprefix(ns)
        if local != graph and local.replace("-", "").replace("_", "").isalnum():
            return f"{prefix}:{local}"
    return f"<{graph}>"


def _compactor(context: dict[str, Any]) -> Callable[[str], str]:
    """IRI -> ``prefix:local`` with the context's prefixes (longest namespace first), else the IRI."""
    namespaces = sorted(
        ((v, k) for k, v in context.items() if isinstance(v, str) and v.endswith(("/", "#"))),
        key=lambda kv: -len(kv[0]),
    )

    cache: dict[str, str] = {}

    def compact(value: str) -> str:
        found = cache.get(value)
        if found is None:
            found = value
            for ns, prefix in namespaces:
                if value.startswith(ns) and len(value) > len(ns) and not value[len(ns) :].startswith("//"):
                    found = f"{prefix}:{value[len(ns) :]}"
                    break
            if len(cache) < 100_000:  # bounded: IRIs repeat within and across graphs, but not forever
                cache[value] = found
        return found

    return compact


def _value_order(v: Any) -> tuple[str, str, str]:
    if isinstance(v, str):
        return ("", v, "")
    return (v.get("@id", "\uffff"), v.get("@value", ""), v.get("@language") or v.get("@type") or "")


def _node_objects(data: bytes, compact: Callable[[str], str]) -> list[dict[str, Any]]:
    """The triples of one graph (N-Triples) as JSON-LD node objects, subjects and keys sorted."""
    nodes: dict[str, dict[str, list[Any]]] = {}
    for t in ox.parse(data, format=ox.RdfFormat.N_TRIPLES):
        s = t.subject
        sid = f"_:{s.value}" if isinstance(s, ox.BlankNode) else compact(s.value)
        props = nodes.setdefault(sid, {})
        o = t.object
        if t.predicate.value == _RDF_TYPE and isinstance(o, ox.NamedNode):
            props.setdefault("@type", []).append(compact(o.value))
            continue
        value: Any
        if isinstance(o, ox.NamedNode):
            value = {"@id": compact(o.value)}
        elif isinstance(o, ox.BlankNode):
            value = {"@id": f"_:{o.value}"}
        elif o.language:
            value = {"@value": o.value, "@language": o.language}
        elif o.datatype.value == _XSD_STRING:
            value = o.value
        else:
            value = {"@value": o.value, "@type": compact(o.datatype.value)}
        props.setdefault(compact(t.predicate.value), []).append(value)
    out: list[dict[str, Any]] = []
    for sid in sorted(nodes):
        props = nodes[sid]
        node: dict[str, Any] = {"@id": sid}
        for key in sorted(props):
            values = sorted(props[key], key=_value_order)
            node[key] = values[0] if len(values) == 1 else values
        out.append(node)
    return out


def write_jsonld(store: Store, out: BinaryIO) -> None:
    """JSON-LD: ``{"@context": ..., "@graph": [{"@id": graph, "@graph": [...]}, ...]}``, IRIs compacted
    with the context's prefixes, one named graph at a time (no JSON-LD processor in the loop: rdflib's
    compaction costs minutes at 10^6 triples, this costs seconds)."""
    context = context_document()["@context"]
    compact = _compactor(context)
    out.write(b'{\n"@context": ')
    out.write(json.dumps(context, ensure_ascii=False, sort_keys=True).encode("utf-8"))
    out.write(b',\n"@graph": [')
    for i, graph in enumerate(store.graphs()):
        block = {
            "@id": compact(graph),
            "@graph": _node_objects(store.dump(format="ntriples", graph=graph), compact),
        }
        out.write(b",\n" if i else b"\n")
        out.write(json.dumps(block, ensure_ascii=False, sort_keys=True).encode("utf-8"))
    out.write(b"\n]\n}\n")
