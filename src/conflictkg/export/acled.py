"""CSV in ACLED's layout, one row per event, for spreadsheets and for tools built on ACLED exports.

Why ACLED's columns: analysts of armed conflict already have pivot tables, scripts and dashboards for the
ACLED layout (``event_date, event_type, sub_event_type, actor1, actor2, location, admin1, notes, source
...``); a conflictkg export drops into them. The rows come from the same graph view as the GEXF export
(so the same filters apply), plus each event's evidence quote and its article's outlet and URL.

How our classes map (:data:`EVENT_TYPES`): every conflictkg event is a *Strategic development* in ACLED's
terms (no battles, explosions or fatalities are extracted). ``Seizure``, ``Withdrawal`` and
``Handover`` are "Non-violent transfer of territory", ``Agreement`` "Agreement", ``Deployment``
"Change to group/activity", everything else (``Siege SiegeLifting Negotiation Expulsion Closure
Reopening Levy`` and the speech acts ``Statement Announcement Promise Denial``) "Other"; the exact
class is kept in ``ckg_class``.

How roles map: ``actor1`` is the first agent, besieger or speaker (by label), else the first party;
the others of that side go to ``assoc_actor_1``. ``actor2`` is the first besieged actor, patient,
recipient (of a handover) or other party, the rest to ``assoc_actor_2``. Mediators get their own
column ``mediator``. ``location`` is the target (or besieged) facility or place, else the event's
place or venue; ``admin1`` (governorate), ``admin2`` (city or town) and ``country`` come from
``geo:sfWithin`` upwards. ``event_date`` is the day; for an event known only by bounds it is the
latest bound and ``time_precision`` is 2 (a week or less) or 3; 1 is an exact day. An event that is
not asserted (denied, reported, ...) is tagged ``status: ...``.
Columns after ``tags`` are conflictkg's own.
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from datetime import date
from typing import BinaryIO

from conflictkg.export.graphview import GraphView, Node
from conflictkg.namespace import CKG_NS
from conflictkg.store import Store

__all__ = ["COLUMNS", "EVENT_TYPES", "write_acled_csv"]

COLUMNS: tuple[str, ...] = (
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
    "mediator",
    "country",
    "admin1",
    "admin2",
    "location",
    "source",
    "source_url",
    "notes",
    "fatalities",
    "tags",
    "ckg_class",
    "ckg_status",
    "event_iri",
    "article_iri",
)
_STRATEGIC = "Strategic developments"
#: ckg: event class -> (ACLED event_type, sub_event_type); classes not listed map to "Other".
EVENT_TYPES: dict[str, tuple[str, str]] = {
    "Seizure": (_STRATEGIC, "Non-violent transfer of territory"),
    "Withdrawal": (_STRATEGIC, "Non-violent transfer of territory"),
    "Handover": (_STRATEGIC, "Non-violent transfer of territory"),
    "Agreement": (_STRATEGIC, "Agreement"),
    "Deployment": (_STRATEGIC, "Change to group/activity"),
}
_SIDE1 = ("agent", "besieger", "speaker")
_SIDE2 = ("besieged", "target", "beneficiary")
_ADMIN = {"admin1": ("Governorate", "Region"), "admin2": ("City", "Town"), "country": ("Country",)}


def _precision(n: Node) -> str:
    if n.start is None or n.end is None:
        return "3" if (n.start or n.end) else ""
    if n.start == n.end:
        return "1"
    return "2" if (n.end - n.start).days <= 7 else "3"


def _day(n: Node) -> date | None:
    """The event's day: the exact day, else the latest bound (it happened by then), else the earliest."""
    return n.start if n.start is not None and n.start == n.end else (n.end or n.start)


def _row_order(n: Node) -> tuple[str, str]:
    day = _day(n)
    return (day.isoformat() if day else "9999-12-31", n.id)


def _article_meta(store: Store) -> dict[str, tuple[str, str]]:
    rows = store.query(
        f"""PREFIX ckg: <{CKG_NS}> PREFIX dct: <http://purl.org/dc/terms/>
SELECT ?a ?outlet ?url WHERE {{ ?a a ckg:NewsArticle OPTIONAL {{ ?a ckg:outlet ?outlet }}
  OPTIONAL {{ ?a dct:source ?url }} }} ORDER BY ?a ?outlet ?url"""
    ).rows
    out: dict[str, tuple[str, str]] = {}
    for r in rows:
        out.setdefault(r["a"], (r["outlet"] or "", r["url"] or ""))
    return out


def _quotes(store: Store) -> dict[str, str]:
    rows = store.query(
        f"""PREFIX ckg: <{CKG_NS}>
SELECT ?e ?q WHERE {{ ?e ckg:evidence ?ev . ?ev a ckg:Evidence ; ckg:quote ?q }} ORDER BY ?e ?q"""
    ).rows
    out: dict[str, str] = {}
    for r in rows:
        out.setdefault(r["e"], " ".join(str(r["q"]).split()))
    return out


def write_acled_csv(view: GraphView, store: Store, out: BinaryIO) -> None:
    """One CSV row per event node of ``view`` (UTF-8, header first, rows by date then id)."""
    by_id = {n.id: n for n in view.nodes}
    roles: dict[str, dict[str, list[Node]]] = defaultdict(lambda: defaultdict(list))
    within: dict[str, list[str]] = defaultdict(list)
    for e in view.edges:
        if e.kind == "located-in":
            within[e.source].append(e.target)
        elif by_id[e.source].kind == "Event":
            roles[e.source][e.kind].append(by_id[e.target])
    meta = _article_meta(store)
    quotes = _quotes(store)
    lang = view.lang

    def label(n: Node) -> str:
        return n.label(lang)

    def admin(node: Node | None, classes: tuple[str, ...]) -> str:
        seen: set[str] = set()
        todo = [node.id] if node else []
        while todo:
            cur = todo.pop(0)
            for up in sorted(within.get(cur, ())):
                if up in seen:
                    continue
                seen.add(up)
                if by_id[up].cls in classes:
                    return label(by_id[up])
                todo.append(up)
        return ""

    text = io.TextIOWrapper(out, encoding="utf-8", newline="")
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow(COLUMNS)
    events = sorted((n for n in view.nodes if n.kind == "Event"), key=_row_order)
    for ev in events:
        r = roles.get(ev.id, {})
        side1 = sorted(
            {x.id: x for k in _SIDE1 for x in r.get(k, ()) if x.kind == "Actor"}.values(), key=label
        )
        parties = sorted(r.get("party", ()), key=label)
        if not side1 and parties:
            side1, parties = parties[:1], parties[1:]
        side2 = sorted(
            {x.id: x for k in _SIDE2 for x in r.get(k, ()) if x.kind == "Actor"}.values(), key=label
        ) + [p for p in parties if p not in side1]
        places = sorted(
            {x.id: x for k in _SIDE2 for x in r.get(k, ()) if x.kind in ("Facility", "Place")}.values(),
            key=label,
        )
        places = places or sorted(
            {x.id: x for k in ("place", "venue") for x in r.get(k, ())}.values(), key=label
        )
        where = places[0] if places else None
        day = _day(ev)
        article = ev.sources[0] if ev.sources else ""
        outlet, url = meta.get(article, ("", ""))
        event_type, sub_type = EVENT_TYPES.get(ev.cls, (_STRATEGIC, "Other"))
        writer.writerow(
            [
                ev.id,
                day.isoformat() if day else "",
                str(day.year) if day else "",
                _precision(ev),
                _STRATEGIC,
                event_type,
                sub_type,
                label(side1[0]) if side1 else "",
                "; ".join(label(x) for x in side1[1:]),
                label(side2[0]) if side2 else "",
                "; ".join(label(x) for x in side2[1:]),
                "; ".join(label(x) for x in sorted(r.get("mediator", ()), key=label)),
                admin(where, _ADMIN["country"]),
                admin(where, _ADMIN["admin1"]),
                admin(where, _ADMIN["admin2"]),
                "; ".join(label(x) for x in places),
                outlet or url,
                url,
                quotes.get(ev.iri, ""),
                "",
                f"status: {ev.status}" if ev.status and ev.status != "asserted" else "",
                ev.cls,
                ev.status or "",
                ev.iri,
                article,
            ]
        )
    text.flush()
    text.detach()
