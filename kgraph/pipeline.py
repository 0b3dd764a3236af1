"""`kgraph build` as a function: read articles, parse them, extract events, store the graph.

Articles stream through: each one is parsed, turned into its own named graph and written to
the store before the next is read, so memory stays flat however large the corpus. An article
whose graph is already in the store (same source, same text) is not parsed again.
"""
from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from .atomic import check_writable, write_atomically
from .casing import text_for_parser, with_original_text
from .dates import date_in_header, normalise_article_date
from .entities import EntityResolver
from .errors import InputError
from .extract import extract_events
from .model import Article
from .nlp import load_pipeline
from .rdf import article_rdf, graph_iri
from .sources import list_input_files, read_articles
from .store import GraphStore, LocalStore, dump_store, open_store, rdf_format_for

Progress = Callable[[int, int], None]  # (articles done, articles known so far)


@dataclass
class BuildSummary:
    articles: int = 0  # articles read
    unchanged: int = 0  # of those, already in the store as they are: not parsed again
    skipped: int = 0  # inputs that could not be read
    words: int = 0
    events: int = 0
    triples: int | None = None  # distinct triples in the store or file afterwards, when known
    actions: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0  # the whole build, model loading included
    parse_seconds: float = 0.0  # reading, parsing, extracting and writing, after the model loaded
    output: Path | None = None
    store: str | None = None
    warnings: list[str] = field(default_factory=list)


def build(inputs: list[str], output: Path | None = None, *, store: str | None = None,
          model: str | None = None, n_process: int = 1, batch_size: int = 32,
          default_date: str | None = None, warn: Callable[[str], None] = lambda _: None,
          progress: Progress | None = None) -> BuildSummary:
    """Build the event graph of `inputs` into a store (a folder or a SPARQL URL), an RDF file
    (written atomically), or both.

    `default_date` (YYYY-MM-DD) is the publication date of articles that carry none of their own
    (no JSON field, HTML metadata or date line); relative dates in the text count from it.
    """
    if output is None and store is None:
        raise ValueError("build needs an output file, a store or both")
    started = time.perf_counter()
    if output is not None:
        check_writable(output)
    files = list_input_files(inputs)
    nlp = load_pipeline(model)
    target = open_store(store) if store else LocalStore.temporary_beside(output)
    try:
        if output is not None and not isinstance(target, LocalStore):  # before any parsing
            raise InputError("--output with a remote --store: export from the store instead")
        summary = _build_into(target, files, nlp, n_process=n_process, batch_size=batch_size,
                              default_date=default_date, warn=warn, progress=progress)
        summary.output, summary.store = output, store
        if output is not None:
            fmt = rdf_format_for(output)
            write_atomically(output, lambda tmp: dump_store(target.store, tmp, fmt))
            # counted for the file only: on a large store it would be a full scan per build
            summary.triples = target.triple_count()
    finally:
        target.close()
    summary.seconds = time.perf_counter() - started
    return summary


def _build_into(target: GraphStore, files: list[str], nlp, *, n_process: int, batch_size: int,
                default_date: str | None, warn: Callable[[str], None],
                progress: Progress | None) -> BuildSummary:
    parse_started = time.perf_counter()
    summary = BuildSummary()
    held: list[str] = []  # warnings before the first readable article: maybe the whole error

    def skip(message: str) -> None:
        summary.skipped += 1
        summary.warnings.append(message)
        if summary.articles:
            warn(message)
        else:
            held.append(message)

    entities = EntityResolver()
    seeded = False

    def new_articles() -> Iterator[tuple[str, Article]]:
        for article in read_articles(files, skip):
            summary.articles += 1
            article = _with_date(article, default_date)
            if target.has_graph(graph_iri(article)):
                summary.unchanged += 1  # the same text is in the store already
                continue
            yield text_for_parser(article.text), article

    pairs = nlp.pipe(new_articles(), as_tuples=True, batch_size=batch_size, n_process=n_process)
    for doc, article in pairs:
        while held:
            warn(held.pop(0))
        if not seeded:  # so that "Yoon" today joins "Yoon Suk Yeol" stored (only when needed)
            for actor in target.known_actors():
                entities.canonical(actor)
            seeded = True
        result = extract_events(with_original_text(doc, article.text), article)
        rdf = article_rdf(result, entities)
        target.put_article(rdf)
        for merge in rdf.merges:
            target.rename(merge)
        summary.words += sum(1 for t in doc if not t.is_punct and not t.is_space)
        for event in result.events:
            summary.actions[event.action] = summary.actions.get(event.action, 0) + 1
        summary.events += len(result.events)
        if progress:
            progress(summary.articles, len(files))
    if summary.articles == 0:
        reasons = "; ".join(held[:3]) + ("; ..." if len(held) > 3 else "")
        raise InputError("no readable article in the input" + (f": {reasons}" if reasons else ""))
    while held:
        warn(held.pop(0))
    target.refresh_stats()
    summary.parse_seconds = time.perf_counter() - parse_started
    return summary


def _with_date(article: Article, default_date: str | None) -> Article:
    """The article with its publication date as YYYY-MM-DD, from wherever it can be found."""
    own = normalise_article_date(article.date)
    header = date_in_header(article.text)
    day = own or default_date or (header.isoformat() if header else None)
    return article if day == article.date else replace(article, date=day)


def remove(source: str, store: str) -> int:
    """Delete one article (by its source, as given when it was built) from a store."""
    target = open_store(store)
    try:
        removed = target.remove_source(source)
        if removed:
            target.refresh_stats()
        return removed
    finally:
        target.close()
