"""One way to process an article after its parse: extraction, entity resolution, its quads.

The local build (`ingest.Ingester`, in this process or the ingest child), a Dask worker
(`cluster.py`), the tests and `bench/` all call `process_article`; nothing else strings these
stages together.

Actors are resolved within the article alone (a fresh `EntityResolver` each time), so an
article's quads depend on the article only, never on which process saw which article first:
that is what lets articles be processed anywhere, in any order, and still give one graph.
Merges across articles ("Yoon" in one, "Yoon Suk Yeol" in another) are made on the store at
the end of a build (`reconcile.py`).
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import pyoxigraph as ox
from rdflib.namespace import RDFS, SKOS
from spacy.tokens import Doc

from .casing import with_original_text
from .entities import EntityResolver, Merge
from .errors import describe
from .extract import extract_events
from .model import Article, ArticleResult, normalise_name
from .rdf import ACTORS_GRAPH, ArticleRdf, actor_slug, article_rdf
from .vocab import ID

_LABEL = ox.NamedNode(str(RDFS.label))
_ALT_LABEL = ox.NamedNode(str(SKOS.altLabel))


@dataclass
class ProcessedArticle:
    """What one article gave: its events and quads (None when extraction failed on it)."""

    article: Article
    result: ArticleResult | None  # the events found
    rdf: ArticleRdf | None  # the article's quads, actors resolved within the article
    words: int = 0
    error: str | None = None  # why it was skipped, as one line
    exception: Exception | None = field(default=None, repr=False)  # the failure itself

    @property
    def actions(self) -> dict[str, int]:
        """Events per action."""
        return dict(Counter(event.action for event in self.result.events)) if self.result else {}

    @property
    def events(self) -> int:
        return len(self.result.events) if self.result else 0


def process_article(doc: Doc, article: Article) -> ProcessedArticle:
    """Extract one parsed article's events and turn them into its named graph.

    `doc` is spaCy's parse of `casing.text_for_parser(article.text)`. A failure inside
    extraction costs only this article: it comes back with `rdf` None and `error` set.
    """
    words = sum(1 for t in doc if not t.is_punct and not t.is_space)
    try:
        result = extract_events(with_original_text(doc, article.text), article)
        rdf = article_graph(result)
    except Exception as exc:  # noqa: BLE001 - a rule failing on one article costs only that one
        return ProcessedArticle(article, None, None, words, f"cannot extract events ({describe(exc)})", exc)
    return ProcessedArticle(article, result, rdf, words)


def article_graph(result: ArticleResult) -> ArticleRdf:
    """An extraction result's quads, its actors resolved within the article alone."""
    rdf = article_rdf(result, EntityResolver())
    apply_merges(rdf)
    return rdf


def apply_merges(rdf: ArticleRdf) -> None:
    """Fold the article's own merges ("President Yoon" before "Yoon Suk Yeol" in one text)
    into its quads: the absorbed actor's mentions point at the full one, its description goes,
    and its names stay as the full one's other names (as when the full name came first)."""
    if not rdf.merges:
        return
    iri = {m.absorbed: ox.NamedNode(f"{ID}actor/{actor_slug(m.absorbed)}") for m in rdf.merges}
    final = {iri[m.absorbed]: ox.NamedNode(f"{ID}actor/{actor_slug(_final(m.absorbed, rdf.merges))}")
             for m in rdf.merges}
    labels = {q.subject: q.object.value for q in rdf.quads
              if q.graph_name == ACTORS_GRAPH and q.predicate == _LABEL}
    quads: list[ox.Quad] = []
    seen: set[ox.Quad] = set()
    for q in rdf.quads:
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
            quads.append(q)
    rdf.quads = quads
    rdf.merges = []


def _final(key: str, merges: list[Merge]) -> str:
    """Where a chain of merges ends (a merge's target may itself be absorbed later)."""
    into = {m.absorbed: m.into for m in merges}
    seen = {key}
    while key in into and into[key] not in seen:
        key = into[key]
        seen.add(key)
    return key
