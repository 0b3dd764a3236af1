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

from spacy.tokens import Doc

from .casing import with_original_text
from .entities import EntityResolver, resolve_article
from .errors import describe
from .extract import extract_events
from .model import Article, ArticleResult
from .rdf import ArticleRdf, article_rdf


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
    return article_rdf(resolve_article(result, EntityResolver()))
