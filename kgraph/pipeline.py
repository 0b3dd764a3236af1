"""`kgraph build` as a function: read articles, parse them, extract events, store the graph.

Articles stream through: each one is parsed here and handed to the ingest stage (`ingest.py`,
in a child process by default), which extracts its events and writes its named graph to the
store, so memory stays flat however large the corpus. An article whose graph is already in the
store (same source, same text) is not parsed again.
"""
from __future__ import annotations

import os
import shlex
import time
from collections.abc import Callable, Iterator
from contextlib import suppress
from dataclasses import dataclass, field, replace
from pathlib import Path

from .casing import text_for_parser
from .dates import date_in_header, iso_date, normalise_article_date
from .errors import InputError, KgraphError, release_frames
from .ingest import Ingester, IngestProcess
from .model import Article
from .nlp import load_pipeline
from .parse import parse_articles
from . import sparql
from .rdf import graph_iri
from .sources import list_input_files, read_articles, source_keys
from .graphsource import open_source
from .targets import check_targets

Progress = Callable[[int, int], None]  # (articles done, articles known so far)
#: below this much input the ingest child's start and tail (~0.15 s) cost more than it saves
INGEST_PROCESS_MIN_BYTES = 64 * 1024


@dataclass
class BuildSummary:
    articles: int = 0  # articles read
    unchanged: int = 0  # of those, already in the store as they are: not parsed again
    skipped: int = 0  # inputs that could not be read, articles that could not be parsed or extracted
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
          graphml: Path | None = None, model: str | None = None, n_process: int = 1,
          batch_size: int | None = None,
          default_date: str | None = None, warn: Callable[[str], None] = lambda _: None,
          progress: Progress | None = None, ingest_process: bool | None = None,
          note: Callable[[str], None] | None = None) -> BuildSummary:
    """Build the event graph of `inputs` into a store (a folder or a SPARQL URL), an RDF file
    (written atomically), or both; with `graphml`, the actor graph is exported there too.

    `default_date` (YYYY-MM-DD) is the publication date of articles that carry none of their own
    (no JSON field, HTML metadata or date line); relative dates in the text count from it.
    With `ingest_process`, extraction and store writes run in a child process beside the
    parse (see `ingest.py`); by default they do when spaCy parses in this process
    (`n_process` 1), another CPU is free and there is more than a few articles' worth of
    input. A script that calls `build` with it must guard its own work with
    `if __name__ == "__main__":`, as for any multiprocessing code. `note`, when given, hears
    what happens to each article and how long it took (`kgraph build --verbose`).
    """
    if output is None and store is None:
        raise ValueError("build needs an output file, a store or both")
    started = time.perf_counter()
    files = list_input_files(inputs, warn)
    check_targets(files, output, graphml, store)
    if ingest_process is None:  # a core to spare, and enough text to repay starting the child
        ingest_process = n_process == 1 and _cpus() > 1 and _input_bytes(files) >= INGEST_PROCESS_MIN_BYTES
    if batch_size is None:  # small batches hand articles over early; worker processes want more
        batch_size = 4 if n_process == 1 else 32
    ingest = IngestProcess(store, output, warn) if ingest_process else None  # starts while the model loads
    try:
        loading = time.perf_counter()
        nlp = load_pipeline(model)
        if note:
            note(f"loaded spaCy pipeline {nlp.meta.get('lang', '')}_{nlp.meta.get('name', '')} "
                 f"{nlp.meta.get('version', '')} in {time.perf_counter() - loading:.1f} s")
        if ingest is None:
            ingest = Ingester.open(store, output, warn)
        else:
            ingest.start(nlp.lang)
        summary = _build_into(ingest, files, nlp, n_process=n_process, batch_size=batch_size,
                              default_date=default_date, warn=warn, progress=progress, note=note)
        summary.output, summary.store = output, store
    except BaseException as exc:
        if ingest is not None:
            release_frames(exc)
            with suppress(Exception):  # the first error is the one to report
                ingest.close()
        raise
    ingest.close()
    if graphml is not None:
        export_actor_graphml(output or store, graphml)  # type: ignore[arg-type]
    summary.seconds = time.perf_counter() - started
    return summary


def export_actor_graphml(graph: Path | str, graphml: Path) -> None:
    """The actor graph of the graph just written, as GraphML. If that fails (a full disk), the
    error says that the graph itself was written, and how to retry: exit 4 alone reads as if
    the whole build had been lost."""
    from .export import export_graph  # networkx: imported only when needed

    try:
        export_graph(str(graph), graphml, fmt="graphml", view="actors")
    except KgraphError as exc:
        again = f"kgraph export {shlex.quote(str(graph))} -o {shlex.quote(str(graphml))} --format graphml"
        exc.args = (f"{exc} ({graph} was written; `{again}` writes the GraphML again)", *exc.args[1:])
        raise


def _build_into(ingest: Ingester | IngestProcess, files: list[str], nlp, *, n_process: int,
                batch_size: int, default_date: str | None, warn: Callable[[str], None],
                progress: Progress | None, note: Callable[[str], None] | None = None) -> BuildSummary:
    parse_started = time.perf_counter()
    summary = BuildSummary()
    held: list[str] = []  # warnings before the first readable article: maybe the whole error
    known = ingest.known_graphs()

    def skip(message: str) -> None:
        summary.skipped += 1
        summary.warnings.append(message)
        if summary.articles:
            warn(message)
        else:
            held.append(message)

    new_articles = ((text_for_parser(article.text), article)
                    for article in unseen_articles(files, known, summary, skip, default_date=default_date,
                                                   note=note, caution=warn))
    pairs = parse_articles(nlp, new_articles, batch_size=batch_size, n_process=n_process,
                           skip=lambda article, why: skip(f"skipped {article.source}: {why}"))
    last = time.perf_counter()
    for doc, article in pairs:
        while held:
            warn(held.pop(0))
        ingest.add(doc, article)
        words = sum(1 for t in doc if not t.is_punct and not t.is_space)
        summary.words += words
        if note:
            now = time.perf_counter()
            dated = f", dated {article.date}" if article.date else ""
            # spaCy parses in batches: an article's time is the wait since the one before
            note(f"{article.source}: {words} words{dated} (+{now - last:.2f} s)")
            last = now
        if progress:
            progress(summary.articles, len(files))
    if summary.articles == 0:
        reasons = "; ".join(held[:3]) + ("; ..." if len(held) > 3 else "")
        raise InputError("no readable article in the input" + (f": {reasons}" if reasons else ""))
    while held:
        warn(held.pop(0))
    totals = ingest.finish()
    summary.events, summary.actions, summary.triples = totals.events, totals.actions, totals.triples
    summary.skipped += totals.skipped
    summary.parse_seconds = time.perf_counter() - parse_started
    return summary


def unseen_articles(files: list[str], known: set[str], summary: BuildSummary,
                    skip: Callable[[str], None], *, default_date: str | None = None,
                    note: Callable[[str], None] | None = None,
                    caution: Callable[[str], None] | None = None) -> Iterator[Article]:
    """The articles of `files`, dated, whose graph is not in `known` (the store's graphs, and
    those read so far), counted in `summary`; unreadable inputs go to `skip`, and a date that
    names no day, which is left out, to `caution`."""
    written: dict[str, str] = {}  # source -> the graph of its latest version in this input
    for article in read_articles(files, skip):
        summary.articles += 1
        given = article.date
        article = _with_date(article, default_date)
        graph = graph_iri(article).value
        # the same text is in the store already, or earlier in this input; but when another
        # version of the source came in between ("Russia", then "Iran" stored, read again), that
        # one replaced it: the input's last version must be written again to win, as it did
        if graph in known and written.get(article.source, graph) == graph:
            summary.unchanged += 1
            if note:
                note(f"{article.source}: unchanged since it was stored (or read before in this "
                     "input); not parsed again")
            continue
        known.add(graph)
        written[article.source] = graph
        if caution and given and given != article.date and normalise_article_date(given) is None:
            instead = f"dated {article.date} from its text or --date" if article.date else "left out"
            caution(f"{article.source}: its date '{given}' names no day; {instead}")
        yield article


def _input_bytes(files: list[str]) -> int:
    """The size of the input files; standard input counts as large (it may be a long stream)."""
    total = 0
    for name in files:
        if name == "-":
            return INGEST_PROCESS_MIN_BYTES
        try:
            total += os.path.getsize(name)
        except OSError:
            pass
    return total


def _cpus() -> int:
    """CPUs this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def _with_date(article: Article, default_date: str | None) -> Article:
    """The article with its publication date as YYYY-MM-DD, from wherever it can be found."""
    own = normalise_article_date(article.date)
    around = iso_date(default_date) if default_date else None
    header = None if own else date_in_header(article.text, around=around)
    day = own or (header.isoformat() if header else None) or default_date
    return article if day == article.date else replace(article, date=day)


def stored_sources(store: str, limit: int = 10) -> tuple[list[str], int]:
    """Up to `limit` of the article sources a store holds (sorted) and how many it holds: what
    `remove` names when it finds nothing to remove."""
    with open_source(store, write=True, create=False) as target:  # as `remove` opens it
        rows = target.select(sparql.SOURCES)
    sources = [row["source"] for row in rows if row["source"]]
    return sources[:limit], len(sources)


def remove(source: str, store: str) -> int:
    """Delete one article from a store, by its path in any spelling, `FILE#ID`, URL or the
    source key the store shows (`dcterms:source`)."""
    if source == "":  # as a path, the working folder: no article, and a confusing "no article with source ''"
        raise InputError("the article to remove is named by an empty string (an unset variable?)")
    with open_source(store, write=True, create=False) as target:  # removing never makes a store
        removed = sum(target.remove_source(key) for key in source_keys(source))
        if removed:
            target.refresh_stats()
        return removed
