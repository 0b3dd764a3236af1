"""`kgraph build` as a function: read articles, parse them, extract events, write the graph."""
from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from rdflib import Graph

from .casing import sentence_case_headlines, with_original_text
from .atomic import check_writable, write_atomically
from .dates import date_in_header, normalise_article_date
from .errors import InputError
from .extract import extract_events
from .graph import GraphWriter, format_for
from .model import Article
from .nlp import load_pipeline
from .sources import list_input_files, read_articles

Progress = Callable[[int, int], None]  # (articles done, articles known so far)


@dataclass
class BuildSummary:
    articles: int = 0
    skipped: int = 0
    words: int = 0
    events: int = 0
    triples: int = 0
    actions: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0  # the whole build, model loading included
    parse_seconds: float = 0.0  # reading, parsing, extracting and writing, after the model loaded
    output: Path | None = None
    warnings: list[str] = field(default_factory=list)


def build(inputs: list[str], output: Path, *, model: str | None = None, n_process: int = 1,
          batch_size: int = 32, default_date: str | None = None,
          warn: Callable[[str], None] = lambda _: None,
          progress: Progress | None = None) -> BuildSummary:
    """Build the event graph of `inputs` into the RDF file `output` (written atomically).

    `default_date` (YYYY-MM-DD) is the publication date of articles that carry none of their own
    (no JSON field, HTML metadata or date line); relative dates in the text count from it.
    """
    started = time.perf_counter()
    check_writable(output)
    files = list_input_files(inputs)
    nlp = load_pipeline(model)
    parse_started = time.perf_counter()
    summary = BuildSummary(output=output)

    held: list[str] = []  # warnings before the first readable article: maybe the whole error

    def skip(message: str) -> None:
        summary.skipped += 1
        summary.warnings.append(message)
        if summary.articles:
            warn(message)
        else:
            held.append(message)

    articles = read_articles(files, skip)
    writer = GraphWriter()
    dated = (_with_date(a, default_date) for a in _count(articles, summary))
    pairs = nlp.pipe(((sentence_case_headlines(a.text), a) for a in dated),
                     as_tuples=True,
                     batch_size=batch_size, n_process=n_process)
    for doc, article in pairs:
        while held:
            warn(held.pop(0))
        result = extract_events(with_original_text(doc, article.text), article)
        writer.add(result)
        summary.words += sum(1 for t in doc if not t.is_punct and not t.is_space)
        for event in result.events:
            summary.actions[event.action] = summary.actions.get(event.action, 0) + 1
        summary.events += len(result.events)
        if progress:
            progress(summary.articles, len(files))
    if summary.articles == 0:
        reasons = "; ".join(held[:3]) + ("; ..." if len(held) > 3 else "")
        raise InputError("no readable article in the input" + (f": {reasons}" if reasons else ""))
    graph = writer.finish()
    summary.triples = len(graph)
    write_atomically(output, lambda tmp: _serialize(graph, tmp, format_for(output.suffix)))
    summary.seconds = time.perf_counter() - started
    summary.parse_seconds = time.perf_counter() - parse_started
    return summary


def _serialize(graph: Graph, path: Path, fmt: str) -> None:
    """Write `graph` in the RDF syntax `fmt`. rdflib writes N-Quads only from a dataset; the
    triples of one graph in the default graph are N-Triples lines, which are valid N-Quads."""
    graph.serialize(destination=str(path), format="nt" if fmt == "nquads" else fmt, encoding="utf-8")


def _with_date(article: Article, default_date: str | None) -> Article:
    """The article with its publication date as YYYY-MM-DD, from wherever it can be found."""
    own = normalise_article_date(article.date)
    header = date_in_header(article.text)
    day = own or default_date or (header.isoformat() if header else None)
    return article if day == article.date else replace(article, date=day)


def _count(articles: Iterator[Article], summary: BuildSummary) -> Iterator[Article]:
    for article in articles:
        summary.articles += 1
        yield article
