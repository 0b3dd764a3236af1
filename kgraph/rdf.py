"""Extraction results as RDF under the kgraph ontology: the only module that mints IRIs.

Each article's events and document go into a named graph of their own, keyed by a hash of the
article's source and text: re-adding the same article finds its graph already there, and a
changed article gets a new graph that replaces the old one. Actors are shared by many articles,
so they are described once, in the actors graph: were each article to repeat "China is a
country labelled China", a query over the union of all graphs would meet that triple once per
article and its joins would explode. Derived data (mention counts) lives in the stats graph,
recomputed after each change, which also drops actors no event mentions any more.

Who is who is settled before writing (`entities.resolve_article`): the writer is given each
role's actor and the article's merges, and writes them as they are.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import lru_cache

import pyoxigraph as ox

from .countries import country_name, is_state_code
from .entities import Merge, ResolvedArticle, ResolvedEvent, identity_key
from .model import Actor, Article, Event, normalise_name
from .vocab import ACTION_CLASSES, ACTOR_CLASSES, ID, KG, MODALITIES
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD

#: the named graph holding what is derived from all articles together (mention counts)
STATS_GRAPH = ox.NamedNode(f"{ID}graph/stats")
#: the named graph describing every actor once (label, class, country, other names)
ACTORS_GRAPH = ox.NamedNode(f"{ID}graph/actors")


@lru_cache(maxsize=256)
def node(iri: str) -> ox.NamedNode:
    return ox.NamedNode(str(iri))


_XSD_DATE = node(XSD.date)
_XSD_DECIMAL = node(XSD.decimal)
_XSD_INTEGER = node(XSD.integer)


def _digest(*parts: object) -> str:
    return hashlib.sha1("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()[:16]


def document_iri(source: str) -> ox.NamedNode:
    return node(f"{ID}doc/{_digest(source)}")


def graph_iri(article: Article) -> ox.NamedNode:
    """The article's named graph: the same source with the same text gives the same graph."""
    return node(f"{ID}graph/{_digest(article.source, article.text, article.title, article.date)}")


def actor_iri(actor: Actor) -> ox.NamedNode:
    if actor.kind == "COUNTRY" and actor.country:
        return node(f"{ID}country/{actor.country}")
    return node(f"{ID}actor/{actor_slug(identity_key(actor))}")


def actor_slug(key: str) -> str:
    return key.replace(" ", "-") or _digest(key)


def event_iri(article: Article, event: Event) -> ox.NamedNode:
    return node(f"{ID}event/" + _digest(article.source, event.trigger_start, event.action,
                                        event.agent and event.agent.key,
                                        event.target and event.target.key))


@dataclass
class ArticleRdf:
    """The quads of one article: its named graph, and its actors' descriptions."""

    graph: ox.NamedNode
    document: ox.NamedNode
    quads: list[ox.Quad] = field(default_factory=list)


def article_rdf(resolved: ResolvedArticle) -> ArticleRdf:
    """All triples of one article, in its own named graph, its actors and merges as resolved."""
    article = resolved.article
    out = ArticleRdf(graph=graph_iri(article), document=document_iri(article.source))
    writer = _Writer(out)
    writer.document(article)
    for event in resolved.events:
        writer.event(article, event)
    out.quads = _fold_merges(out.quads, resolved.merges)
    return out


class _Writer:
    def __init__(self, out: ArticleRdf) -> None:
        self.out = out
        self.described: set[str] = set()

    def add(self, subject: ox.NamedNode, predicate: object, obj: ox.NamedNode | ox.Literal,
            graph: ox.NamedNode | None = None) -> None:
        self.out.quads.append(ox.Quad(subject, node(predicate), obj, graph or self.out.graph))

    def describe(self, subject: ox.NamedNode, predicate: object, obj: ox.NamedNode | ox.Literal) -> None:
        self.add(subject, predicate, obj, ACTORS_GRAPH)

    def document(self, article: Article) -> None:
        doc = self.out.document
        self.add(doc, RDF.type, node(KG.Document))
        self.add(doc, DCTERMS.source, ox.Literal(article.source))
        if article.title:
            self.add(doc, DCTERMS.title, ox.Literal(article.title))
        if article.date:
            self.add(doc, DCTERMS.date, ox.Literal(article.date[:10], datatype=_XSD_DATE))
        if article.url and article.url != article.source:
            self.add(doc, DCTERMS.identifier, ox.Literal(article.url))

    def event(self, article: Article, resolved: ResolvedEvent) -> None:
        event = resolved.event  # the IRI and label come from the words as extracted
        subject = event_iri(article, event)
        self.add(subject, RDF.type, node(KG.Event))
        self.add(subject, RDF.type, node(ACTION_CLASSES[event.action]))
        label = " ".join(x for x in (event.agent and event.agent.name, event.action,
                                     event.target and event.target.name) if x)
        self.add(subject, RDFS.label, ox.Literal(label))
        if resolved.agent is not None:
            self.add(subject, KG.agent, self.actor(resolved.agent))
        if resolved.target is not None:
            self.add(subject, KG.target, self.actor(resolved.target))
        if event.theme is not None:
            self.add(subject, KG.theme, event_iri(article, event.theme))
        self.add(subject, KG.modality, node(MODALITIES[event.modality]))
        self.add(subject, KG.trigger, ox.Literal(event.trigger))
        self.add(subject, KG.evidence, ox.Literal(event.sentence))
        self.add(subject, KG.sentenceStart, ox.Literal(str(event.sentence_start), datatype=_XSD_INTEGER))
        self.add(subject, KG.sentenceEnd, ox.Literal(str(event.sentence_end), datatype=_XSD_INTEGER))
        self.add(subject, KG.confidence, ox.Literal(f"{event.confidence:.2f}", datatype=_XSD_DECIMAL))
        self.add(subject, KG.extractedBy, ox.Literal(event.rule))
        if event.date:
            self.add(subject, KG.date, ox.Literal(event.date, datatype=_XSD_DATE))
        if resolved.reported_by is not None:
            self.add(subject, KG.reportedBy, self.actor(resolved.reported_by))
        self.add(subject, PROV.wasDerivedFrom, self.out.document)

    def actor(self, actor: Actor) -> ox.NamedNode:
        """The actor's node, described the first time; the words that named it (`surface`)
        are another name of it when they are not its name."""
        subject = actor_iri(actor)
        if actor.surface and normalise_name(actor.surface) != normalise_name(actor.name):
            self.describe(subject, SKOS.altLabel, ox.Literal(actor.surface))
        if subject.value in self.described:
            return subject
        self.described.add(subject.value)
        self.describe(subject, RDF.type, node(KG.Actor))
        self.describe(subject, RDF.type, node(ACTOR_CLASSES[actor.kind]))
        self.describe(subject, RDFS.label, ox.Literal(actor.name))
        if actor.kind == "COUNTRY" and actor.country:
            self.describe(subject, KG.iso3, ox.Literal(actor.country))
        elif actor.country and is_state_code(actor.country):  # a state's code, never a body's name
            self.describe(subject, KG.country,
                          self.actor(Actor(country_name(actor.country), "COUNTRY", actor.country)))
        return subject


def actor_from_row(name: str, kind_iri: str, iso: str | None) -> Actor:
    kinds = {str(v): k for k, v in ACTOR_CLASSES.items()}
    return Actor(name, kinds[kind_iri], iso)  # type: ignore[arg-type]


_LABEL = node(RDFS.label)
_ALT_LABEL = node(SKOS.altLabel)


def _fold_merges(quads: list[ox.Quad], merges: list[Merge]) -> list[ox.Quad]:
    """`quads` with the article's own merges ("President Yoon" before "Yoon Suk Yeol" in one
    text) folded in: the absorbed actor's mentions point at the full one, its description goes,
    and its names stay as the full one's other names (as when the full name came first)."""
    if not merges:
        return quads
    iri = {m.absorbed: node(f"{ID}actor/{actor_slug(m.absorbed)}") for m in merges}
    final = {iri[m.absorbed]: node(f"{ID}actor/{actor_slug(_final(m.absorbed, merges))}") for m in merges}
    labels = {q.subject: q.object.value for q in quads if q.graph_name == ACTORS_GRAPH and q.predicate == _LABEL}
    folded: list[ox.Quad] = []
    seen: set[ox.Quad] = set()
    for q in quads:
        if q.graph_name == ACTORS_GRAPH and q.subject in final:
            if q.predicate not in (_LABEL, _ALT_LABEL):
                continue  # the absorbed actor's class and country: the full one has its own
            into = final[q.subject]
            if normalise_name(q.object.value) == normalise_name(labels.get(into, "")):
                continue  # a spelling of the full name ("Yoon Suk-yeol"): no other name
            q = ox.Quad(into, _ALT_LABEL, q.object, q.graph_name)
        elif q.object in final:
            q = ox.Quad(q.subject, q.predicate, final[q.object], q.graph_name)
        if q not in seen:
            seen.add(q)
            folded.append(q)
    return folded


def _final(key: str, merges: list[Merge]) -> str:
    """Where a chain of merges ends (a merge's target may itself be absorbed later)."""
    into = {m.absorbed: m.into for m in merges}
    seen = {key}
    while key in into and into[key] not in seen:
        key = into[key]
        seen.add(key)
    return key
