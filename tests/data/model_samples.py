"""Hand-built ArticleFacts for the model, validate, store, timeline and ingest tests.

Built by hand (not by the extractor) so that these tests depend only on the facts contract. The first
sample is a small version of the seed article: the Asayish seize the finance directorate in Qamishli,
negotiate under Russian mediation and withdraw the same day; they deny a reported seizure of the
service institutions.
"""

from __future__ import annotations

from datetime import date

from conflictkg import iri
from conflictkg.facts import Article, ArticleFacts, ControlPeriod, Entity, Event, Span, When

R = "https://w3id.org/conflictkg/id/"
ASAYISH = R + "asayish"
GOVERNMENT = R + "syrian-government"
FOURTH_DIVISION = R + "fourth-division"
RUSSIA = R + "russian-forces"
SDF = R + "sdf"
QAMISHLI = R + "qamishli"
FINANCE = R + "qamishli-finance-directorate"
SERVICES = R + "qamishli-service-institutions"
AIRPORT = R + "qamishli-airport"
ASHRAFIEH = R + "ashrafieh"

SEED_DAY = date(2022, 4, 14)


def entities(text: str) -> list[Entity]:
    """The known entities of the samples, each mentioned once at the start of ``text``."""

    def m(n: int) -> list[Span]:
        return [Span.of(text, n, n + 3)] if len(text) >= n + 3 else []

    return [
        Entity(ASAYISH, "Actor", "الأسايش", "ArmedGroup", "Asayish", m(0), known=True),
        Entity(GOVERNMENT, "Actor", "الحكومة السورية", "StateBody", "Syrian government", m(3), known=True),
        Entity(
            FOURTH_DIVISION,
            "Actor",
            "الفرقة الرابعة",
            "MilitaryUnit",
            "4th Division",
            m(6),
            known=True,
            part_of=[GOVERNMENT],
        ),
        Entity(RUSSIA, "Actor", "القوات الروسية", "ForeignForce", "Russian forces", m(9), known=True),
        Entity(SDF, "Actor", "قسد", "ArmedGroup", "SDF", m(12), known=True),
        Entity(QAMISHLI, "Place", "القامشلي", "City", "Qamishli", m(15), known=True),
        Entity(ASHRAFIEH, "Place", "الأشرفية", "Neighbourhood", "Ashrafieh", m(18), known=True),
        Entity(
            FINANCE,
            "Facility",
            "مديرية المالية",
            "GovernmentOffice",
            "Finance directorate",
            m(21),
            known=True,
            part_of=[QAMISHLI],
            owner=GOVERNMENT,
        ),
        Entity(
            SERVICES,
            "Facility",
            "المؤسسات الخدمية",
            "GovernmentOffice",
            "Service institutions",
            m(24),
            known=True,
            part_of=[QAMISHLI],
            owner=GOVERNMENT,
        ),
        Entity(AIRPORT, "Facility", "مطار القامشلي", "Airport", "Qamishli airport", m(27), known=True),
    ]


def article(key: str, published: date | None, text: str = "نص " * 20) -> Article:
    return Article(id=iri.article_iri(key), text=text, language="ar", published=published, source=None)


def event(
    key: str,
    n: int,
    type_: str,
    text: str,
    *,
    status: str = "asserted",
    day: date | None = None,
    seq: int | None = None,
    **roles: list[str],
) -> Event:
    return Event(
        id=iri.event_iri(key, n),
        type=type_,  # type: ignore[arg-type]
        status=status,  # type: ignore[arg-type]
        roles=roles,
        evidence=Span.of(text, 0, 10),
        time=When(day, day, "يوم الخميس") if day else None,
        seq=n if seq is None else seq,
        sentence=n,
        rule=f"test-{type_.lower()}",
    )


def seed_like(key: str = "a000", published: date | None = SEED_DAY) -> ArticleFacts:
    """Seizure, negotiation, withdrawal the same day; a denied seizure; Russian presence at the airport."""
    a = article(key, published)
    t = a.text
    ev = [
        event(key, 0, "Siege", t, besieger=[FOURTH_DIVISION], besieged=[ASHRAFIEH], day=SEED_DAY),
        event(key, 1, "Seizure", t, agent=[ASAYISH], target=[FINANCE], day=SEED_DAY),
        event(key, 2, "Negotiation", t, party=[SDF, GOVERNMENT], mediator=[RUSSIA], day=SEED_DAY),
        event(key, 3, "Withdrawal", t, agent=[ASAYISH], target=[FINANCE], day=SEED_DAY),
        event(key, 4, "Denial", t, speaker=[ASAYISH]),
        event(key, 5, "Seizure", t, status="denied", agent=[ASAYISH], target=[SERVICES]),
    ]
    ev[1].in_response_to = [ev[0].id]
    ev[2].outcome = [ev[3].id]
    ev[4].denies = [ev[5].id]
    control = [
        ControlPeriod(
            iri.period_iri(key, 1),
            ASAYISH,
            FINANCE,
            start=When(SEED_DAY, SEED_DAY),
            end=When(SEED_DAY, SEED_DAY),
            started_by=ev[1].id,
            ended_by=ev[3].id,
            evidence=Span.of(t, 0, 6),
        ),
        ControlPeriod(iri.period_iri(key, 1, presence=True), RUSSIA, AIRPORT, kind="presence"),
    ]
    return ArticleFacts(article=a, entities=entities(t), events=ev, control=control)
