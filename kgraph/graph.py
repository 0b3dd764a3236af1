"""Write extraction results as RDF under the kgraph ontology: the only module that mints IRIs."""
from __future__ import annotations

import hashlib
import re
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD

from .entities import EntityResolver
from .model import Actor, Article, ArticleResult, Event, normalise_name
from .vocab import ACTION_CLASSES, ACTOR_CLASSES, ID, KG, MODALITIES, PREFIXES


def _digest(*parts: object) -> str:
    return hashlib.sha1("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()[:16]


def document_iri(article: Article) -> URIRef:
    return ID[f"doc/{_digest(article.source)}"]


def actor_iri(actor: Actor) -> URIRef:
    if actor.kind == "COUNTRY" and actor.country:
        return ID[f"country/{actor.country}"]
    slug = normalise_name(actor.name).replace(" ", "-") or _digest(actor.name)
    return ID[f"actor/{slug}"]


def event_iri(article: Article, event: Event) -> URIRef:
    return ID["event/" + _digest(article.source, event.trigger_start, event.action,
                                 event.agent and event.agent.key, event.target and event.target.key)]


def _date_literal(value: str | None) -> Literal | None:
    if value and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value[:10]):
        return Literal(value[:10], datatype=XSD.date)
    return None


class GraphWriter:
    """Accumulates articles into one rdflib graph; actors shared across articles merge by key."""

    def __init__(self) -> None:
        self.graph = Graph(bind_namespaces="core")
        for prefix, iri in PREFIXES.items():
            self.graph.bind(prefix, iri)
        self._mentions: dict[URIRef, int] = {}
        self._labelled: set[URIRef] = set()
        self.entities = EntityResolver()

    def add(self, result: ArticleResult) -> None:
        g = self.graph
        article = result.article
        doc = document_iri(article)
        g.add((doc, RDF.type, KG.Document))
        g.add((doc, DCTERMS.source, Literal(article.source)))
        if article.title:
            g.add((doc, DCTERMS.title, Literal(article.title)))
        date = _date_literal(article.date)
        if date is not None:
            g.add((doc, DCTERMS.date, date))
        if article.url and article.url != article.source:
            g.add((doc, DCTERMS.identifier, Literal(article.url)))
        for event in result.events:
            self._add_event(article, doc, event)

    def _add_event(self, article: Article, doc: URIRef, event: Event) -> None:
        g = self.graph
        node = event_iri(article, event)
        g.add((node, RDF.type, KG.Event))
        g.add((node, RDF.type, ACTION_CLASSES[event.action]))
        label = " ".join(x for x in (event.agent and event.agent.name, event.action,
                                      event.target and event.target.name) if x)
        g.add((node, RDFS.label, Literal(label)))
        if event.agent is not None:
            g.add((node, KG.agent, self._actor(event.agent)))
        if event.target is not None:
            g.add((node, KG.target, self._actor(event.target)))
        if event.theme is not None:
            g.add((node, KG.theme, event_iri(article, event.theme)))
        g.add((node, KG.modality, MODALITIES[event.modality]))
        g.add((node, KG.trigger, Literal(event.trigger)))
        g.add((node, KG.evidence, Literal(event.sentence)))
        g.add((node, KG.sentenceStart, Literal(event.sentence_start)))
        g.add((node, KG.sentenceEnd, Literal(event.sentence_end)))
        g.add((node, KG.confidence, Literal(f"{event.confidence:.2f}", datatype=XSD.decimal)))
        g.add((node, KG.extractedBy, Literal(event.rule)))
        if event.date:
            g.add((node, KG.date, Literal(event.date, datatype=XSD.date)))
        if event.reported_by is not None:
            g.add((node, KG.reportedBy, self._actor(event.reported_by)))
        g.add((node, PROV.wasDerivedFrom, doc))

    def _actor(self, actor: Actor) -> URIRef:
        g = self.graph
        actor, merges = self.entities.canonical(actor)
        node = actor_iri(actor)
        for merge in merges:
            self._rename(ID[f"actor/{merge.absorbed.replace(' ', '-')}"], node)
        self._mentions[node] = self._mentions.get(node, 0) + 1
        if node in self._labelled:
            return node
        self._labelled.add(node)
        g.add((node, RDF.type, KG.Actor))
        g.add((node, RDF.type, ACTOR_CLASSES[actor.kind]))
        g.add((node, RDFS.label, Literal(actor.name)))
        if actor.kind == "COUNTRY" and actor.country:
            g.add((node, KG.iso3, Literal(actor.country)))
        elif actor.country:
            country = self._actor(Actor(_country_label(actor.country), "COUNTRY", actor.country))
            self._mentions[country] -= 1
            g.add((node, KG.country, country))
        return node

    def _rename(self, old: URIRef, new: URIRef) -> None:
        """Point everything about `old` (an actor now known to be `new`) at `new`."""
        g = self.graph
        for s, p, o in list(g.triples((None, None, old))):
            g.remove((s, p, o))
            g.add((s, p, new))
        for _, p, o in list(g.triples((old, None, None))):
            g.remove((old, p, o))
        self._mentions[new] = self._mentions.get(new, 0) + self._mentions.pop(old, 0)
        self._labelled.discard(old)

    def finish(self) -> Graph:
        """Add what is known only once every article is in: mention counts and the other names
        each actor went by (skos:altLabel); return the graph."""
        for node, count in self._mentions.items():
            self.graph.set((node, KG.mentionCount, Literal(count)))
        for key, actor in self.entities.actors.items():
            node = actor_iri(actor)
            for form in sorted(self.entities.alternative_labels(key)):
                self.graph.add((node, SKOS.altLabel, Literal(form)))
        return self.graph

    @property
    def event_count(self) -> int:
        return sum(1 for _ in self.graph.subjects(RDF.type, KG.Event))


def _country_label(iso3: str) -> str:
    from .countries import country_name

    return country_name(iso3)


def serialise(graph: Graph, fmt: str) -> bytes:
    return graph.serialize(format=fmt, encoding="utf-8")


RDF_FORMATS = {".ttl": "turtle", ".nt": "nt", ".nq": "nquads", ".trig": "trig",
               ".jsonld": "json-ld", ".rdf": "xml", ".xml": "xml", ".owl": "xml"}


def format_for(path_suffix: str) -> str:
    return RDF_FORMATS.get(path_suffix.lower(), "turtle")
