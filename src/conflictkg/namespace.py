"""Ontology terms as a closed namespace: ``CKG.Seizure`` works, ``CKG.Seizur`` raises.

The term list mirrors ``ontology/conflictkg.ttl``; ``tests/test_namespace.py`` checks that every term
here is declared there and every term declared there is here.
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

__all__ = ["CKG", "CKG_NS", "CKR", "CKR_NS", "GEO", "ORG", "SEM", "TIME"]

CKG_NS = "https://w3id.org/conflictkg/ontology#"
CKR_NS = "https://w3id.org/conflictkg/id/"


class CKG(DefinedNamespace):
    """The conflictkg ontology (prefix ``ckg:``)."""

    _NS = Namespace(CKG_NS)
    _fail = True

    # --- actors ---
    Actor: URIRef
    ArmedGroup: URIRef
    ForeignForce: URIRef
    StateBody: URIRef
    MilitaryUnit: URIRef
    SecurityService: URIRef
    Institution: URIRef
    PoliticalParty: URIRef
    Leadership: URIRef
    Mediator: URIRef
    # --- places and facilities ---
    Place: URIRef
    Area: URIRef
    Country: URIRef
    Region: URIRef
    Governorate: URIRef
    City: URIRef
    Town: URIRef
    Neighbourhood: URIRef
    SecuritySquare: URIRef
    Facility: URIRef
    GovernmentOffice: URIRef
    SecurityBranch: URIRef
    PartyOffice: URIRef
    CivicOrganisationOffice: URIRef
    EducationFacility: URIRef
    CulturalFacility: URIRef
    Airport: URIRef
    Crossing: URIRef
    Checkpoint: URIRef
    MilitaryBase: URIRef
    Group: URIRef
    # --- events ---
    Event: URIRef
    Seizure: URIRef
    Withdrawal: URIRef
    Handover: URIRef
    Siege: URIRef
    SiegeLifting: URIRef
    Negotiation: URIRef
    Agreement: URIRef
    Expulsion: URIRef
    Deployment: URIRef
    Closure: URIRef
    Reopening: URIRef
    Levy: URIRef
    SpeechAct: URIRef
    Statement: URIRef
    Announcement: URIRef
    Promise: URIRef
    Denial: URIRef
    # --- factuality ---
    EventStatus: URIRef
    Asserted: URIRef
    Denied: URIRef
    Negated: URIRef
    Hypothetical: URIRef
    Reported: URIRef
    # --- tenure ---
    TenurePeriod: URIRef
    ControlPeriod: URIRef
    PresencePeriod: URIRef
    # --- provenance ---
    NewsArticle: URIRef
    Evidence: URIRef
    Mention: URIRef

    # --- properties: roles ---
    participant: URIRef
    agent: URIRef
    party: URIRef
    mediator: URIRef
    besieger: URIRef
    besieged: URIRef
    targetFacility: URIRef
    targetPlace: URIRef
    patient: URIRef
    speaker: URIRef
    venue: URIRef
    beneficiary: URIRef
    place: URIRef
    # --- properties: event relations and attributes ---
    inResponseTo: URIRef
    hasOutcome: URIRef
    denies: URIRef
    lifts: URIRef
    reopens: URIRef
    status: URIRef
    seq: URIRef
    evidence: URIRef
    timeText: URIRef
    # --- properties: time (events and periods) ---
    startDate: URIRef
    endDate: URIRef
    startNotBefore: URIRef
    startNotAfter: URIRef
    endNotBefore: URIRef
    endNotAfter: URIRef
    # --- properties: tenure ---
    holder: URIRef
    facility: URIRef
    startedBy: URIRef
    endedBy: URIRef
    # --- properties: entities ---
    owner: URIRef
    member: URIRef
    mention: URIRef
    # --- properties: evidence and articles ---
    quote: URIRef
    startOffset: URIRef
    endOffset: URIRef
    sentenceIndex: URIRef
    extractionRule: URIRef
    article: URIRef
    contentHash: URIRef
    outlet: URIRef


CKR = Namespace(CKR_NS)
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
ORG = Namespace("http://www.w3.org/ns/org#")
GEO = Namespace("http://www.opengis.net/ont/geosparql#")
TIME = Namespace("http://www.w3.org/2006/time#")
