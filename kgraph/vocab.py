"""Every IRI kgraph writes or reads, defined once.

`KG` mirrors `ontology/kgraph.ttl`: a misspelt term raises `AttributeError` instead of
silently minting a new IRI. Instance IRIs (documents, actors, events) live under `ID`.
"""
from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD, DefinedNamespace

ONTOLOGY_IRI = "https://w3id.org/kgraph/ontology"


class KG(DefinedNamespace):
    """The kgraph ontology (`ontology/kgraph.ttl`)."""

    _fail = True
    _NS = Namespace(ONTOLOGY_IRI + "#")

    # classes
    Event: URIRef
    Deploy: URIRef
    Supply: URIRef
    Condemn: URIRef
    Consider: URIRef
    Warn: URIRef
    Demand: URIRef
    Support: URIRef
    Fight: URIRef
    Sanction: URIRef
    Accuse: URIRef
    Cooperate: URIRef
    Consult: URIRef
    Actor: URIRef
    Person: URIRef
    Organization: URIRef
    Group: URIRef
    Country: URIRef
    Document: URIRef
    Modality: URIRef
    # modality individuals
    Asserted: URIRef
    Hypothetical: URIRef
    Negated: URIRef
    # properties
    agent: URIRef
    target: URIRef
    theme: URIRef
    modality: URIRef
    country: URIRef
    iso3: URIRef
    trigger: URIRef
    evidence: URIRef
    sentenceStart: URIRef
    sentenceEnd: URIRef
    confidence: URIRef
    extractedBy: URIRef
    date: URIRef
    reportedBy: URIRef
    mentionCount: URIRef
    # annotations linking actions to event codebooks
    cameoCode: URIRef
    ploverType: URIRef
    quadClass: URIRef
    goldsteinScale: URIRef


ID = Namespace("https://w3id.org/kgraph/id/")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")

#: action name (as in the guidelines) -> ontology class
ACTION_CLASSES: dict[str, URIRef] = {
    "deploy": KG.Deploy,
    "supply": KG.Supply,
    "condemn": KG.Condemn,
    "consider": KG.Consider,
    "warn": KG.Warn,
    "demand": KG.Demand,
    "support": KG.Support,
    "fight": KG.Fight,
    "sanction": KG.Sanction,
    "accuse": KG.Accuse,
    "cooperate": KG.Cooperate,
    "consult": KG.Consult,
}
ACTIONS: tuple[str, ...] = tuple(ACTION_CLASSES)

MODALITIES: dict[str, URIRef] = {
    "asserted": KG.Asserted,
    "hypothetical": KG.Hypothetical,
    "negated": KG.Negated,
}

#: actor kind (as in the guidelines) -> ontology class
ACTOR_CLASSES: dict[str, URIRef] = {
    "PERSON": KG.Person,
    "ORG": KG.Organization,
    "GROUP": KG.Group,
    "COUNTRY": KG.Country,
}

#: prefixes bound in written graphs and pre-bound in every query
PREFIXES: dict[str, str] = {
    "kg": str(KG._NS),
    "kgid": str(ID),
    "country": str(ID) + "country/",
    "actor": str(ID) + "actor/",
    "event": str(ID) + "event/",
    "doc": str(ID) + "doc/",
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
    "prov": str(PROV),
    "dcterms": str(DCTERMS),
    "skos": str(SKOS),
    "sem": str(SEM),
}
