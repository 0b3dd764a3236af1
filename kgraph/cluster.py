"""`kgraph build ... --store URL --dask ADDRESS`: a build on a Dask distributed cluster.

The client reads the inputs and sends the articles that are not in the store yet, a few to a
task, to the cluster. Each worker loads the spaCy pipeline once (`PipelinePlugin`, a Dask
worker plugin), parses its articles, processes them (`process.process_article`) and writes
each article's named graph to the SPARQL server itself: one Graph Store request per article,
keyed by the article's hash, so a task that Dask runs again after its worker died rewrites the
same graphs and nothing is written twice. Only small summaries come back to the client, which
at the end settles actors across articles on the store (`reconcile.py`) and refreshes the
mention counts, as a local build does: the graph is the same.

`ADDRESS` is a scheduler (`tcp://host:8786`, as `dask scheduler` prints it) or `local:N`, a
`LocalCluster` of N worker processes on this machine.
"""
from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path

from .casing import text_for_parser
from .errors import InputError, KgraphError, UsageError
from .ingest import ActionCounts, EventCounts, Ingester
from .model import Article
from .nlp import load_pipeline
from .parse import parse_articles
from .pipeline import BuildSummary, Progress, export_actor_graphml, unseen_articles
from .reconcile import reconcile
from .sources import list_input_files
from .graphsource import WritableGraphSource, open_source
from .store import is_remote
from .targets import check_targets

PLUGIN_NAME = "kgraph-pipeline"
#: articles per task: enough to keep spaCy's batches useful, few enough to spread the work
ARTICLES_PER_TASK = 8
#: tasks handed to the scheduler per worker at a time: keeps workers busy, the client's memory flat
TASKS_PER_WORKER = 3
CONNECT_TIMEOUT = "10s"

try:
    from distributed import WorkerPlugin
except ImportError:  # the [dask] extra is not installed: `build_on_dask` says so
    WorkerPlugin = object  # type: ignore[assignment,misc]


class DaskError(KgraphError):
    """The cluster cannot be reached or lost a task too often."""


class PipelinePlugin(WorkerPlugin):  # type: ignore[misc]
    """Loads the spaCy pipeline and opens the store once per worker process (again in a
    worker that replaces one that died)."""

    name = PLUGIN_NAME

    def __init__(self, store: str, model: str | None) -> None:
        self.store_url = store
        self.model = model
        self.nlp = None
        self.store: WritableGraphSource | None = None
        self.failure: KgraphError | None = None

    def setup(self, worker) -> None:
        try:
            self.nlp = load_pipeline(self.model)
            self.store = open_source(self.store_url, write=True)
        except KgraphError as exc:  # no pipeline, no server: each task says so to the client,
            self.failure = type(exc)(str(exc))  # in one line (raised here: a traceback in the log)


@dataclass
class TaskSummary:
    """What a task did with its articles: all that travels back to the client."""

    articles: int = 0
    words: int = 0
    events: int = 0
    skipped: int = 0
    #: each article stored, in order: its document and events per action, which the client
    #: counts as a local build does (a later task's version of a URL replaces an earlier one's)
    stored: list[tuple[str, ActionCounts]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def process_articles(articles: list[Article]) -> TaskSummary:
    """A task: parse, process and store `articles` on this worker (see `PipelinePlugin`)."""
    from distributed import get_worker

    plugin: PipelinePlugin = get_worker().plugins[PLUGIN_NAME]
    if plugin.failure is not None:
        raise plugin.failure
    summary = TaskSummary(articles=len(articles))
    ingest = Ingester(plugin.store, warn=summary.warnings.append)  # type: ignore[arg-type]

    def skip(article: Article, why: str) -> None:
        summary.skipped += 1
        summary.warnings.append(f"skipped {article.source}: {why}")

    pairs = ((text_for_parser(a.text), a) for a in articles)
    failure: KgraphError | None = None
    try:
        for doc, article in parse_articles(plugin.nlp, pairs, batch_size=len(articles), n_process=1, skip=skip):
            summary.words += sum(1 for t in doc if not t.is_punct and not t.is_space)
            stored = ingest.add(doc, article)
            if stored is not None:
                summary.stored.append(stored)
    except KgraphError as exc:  # e.g. the store went away: the client says it in one line
        failure = type(exc)(str(exc))  # without the chain (an HTTPError) that Dask would pickle
    if failure is not None:
        raise failure
    summary.events = ingest.totals.events
    summary.skipped += ingest.totals.skipped
    return summary


def build_on_dask(inputs: list[str], store: str, address: str, *, graphml: Path | None = None,
                  model: str | None = None,
                  default_date: str | None = None, warn: Callable[[str], None] = lambda _: None,
                  progress: Progress | None = None, note: Callable[[str], None] | None = None,
                  articles_per_task: int = ARTICLES_PER_TASK) -> BuildSummary:
    """Build the graph of `inputs` into the SPARQL server `store` on the Dask cluster at
    `address` (or `local:N`); with `graphml`, the actor graph is exported there too. See the
    module's docstring."""
    if not is_remote(store):
        raise UsageError("--dask needs --store URL, a SPARQL server every worker can reach "
                         f"(not a folder: {store})")
    local_workers(address)  # a malformed local:N is a usage error, before anything else
    started = time.perf_counter()
    files = list_input_files(inputs, warn)
    check_targets(files, None, graphml, store)
    target = open_source(store, write=True)
    summary = BuildSummary(store=store)
    with ExitStack() as stack:
        client = stack.enter_context(_connect(address, note))
        try:
            client.register_plugin(PipelinePlugin(store, model))
        except KgraphError:
            raise
        except Exception as exc:  # noqa: BLE001 - a worker could not set up
            raise DaskError(f"the Dask workers cannot load the pipeline: {exc}") from None
        parse_started = time.perf_counter()
        _run(client, files, target, summary, default_date=default_date, warn=warn,
             progress=progress, note=note, articles_per_task=articles_per_task)
        summary.parse_seconds = time.perf_counter() - parse_started
    reconcile(target)
    target.refresh_stats()
    if graphml is not None:
        export_actor_graphml(store, graphml)
    summary.seconds = time.perf_counter() - started
    return summary


def _run(client, files: list[str], target: WritableGraphSource, summary: BuildSummary, *,
         default_date: str | None, warn: Callable[[str], None], progress: Progress | None,
         note: Callable[[str], None] | None, articles_per_task: int) -> None:
    from distributed import as_completed

    def skip(message: str) -> None:
        summary.skipped += 1
        summary.warnings.append(message)
        warn(message)

    articles = unseen_articles(files, target.graph_names(), summary, skip,
                               default_date=default_date, note=note, caution=warn)
    tasks = _batches(articles, articles_per_task)
    limit = TASKS_PER_WORKER * max(1, len(client.scheduler_info().get("workers", {})))
    running = as_completed()
    counts = EventCounts()
    sent = done = 0
    for batch, wait in tasks:
        if wait:  # a newer version of an article on its way: the older one must be in first
            for future in running:
                done += _collect(future, summary, counts, warn, note)
            running = as_completed()
        running.add(client.submit(process_articles, batch, key=_task_key(batch), pure=False))
        sent += len(batch)
        if running.count() >= limit:
            done += _collect(next(running), summary, counts, warn, note)
            if progress:
                progress(done, sent)
    for future in running:
        done += _collect(future, summary, counts, warn, note)
        if progress:
            progress(done, sent)
    summary.events, summary.actions = counts.events, counts.actions
    if summary.articles == 0:
        reasons = "; ".join(summary.warnings[:3]) + ("; ..." if len(summary.warnings) > 3 else "")
        raise InputError("no readable article in the input" + (f": {reasons}" if reasons else ""))


def _collect(future, summary: BuildSummary, counts: EventCounts, warn: Callable[[str], None],
             note: Callable[[str], None] | None) -> int:
    """Add a finished task's summary to the build's, its events to `counts` (collected in the
    order `_batches` makes the versions of a URL be written); a task's own error ends the build."""
    from distributed import KilledWorker

    try:
        result: TaskSummary = future.result()
    except KilledWorker as exc:
        raise DaskError(f"a task's workers died too often, the build stops: {exc}") from None
    summary.words += result.words
    summary.skipped += result.skipped
    for document, actions in result.stored:
        counts.count(document, actions)
    for message in result.warnings:
        summary.warnings.append(message)
        warn(message)
    if note:
        note(f"task {future.key}: {result.articles} article(s), {result.words} words, {result.events} event(s)")
    return result.articles


def _batches(articles: Iterator[Article], size: int) -> Iterator[tuple[list[Article], bool]]:
    """Tasks of `size` articles, each with whether it must wait for all tasks before it: one
    that holds a new version of an article sent earlier in this build (two JSON lines with one
    URL) waits, so that the newer replaces the older as in a local build instead of racing it
    (within one task, articles are written in order)."""
    batch: list[Article] = []
    here: set[str] = set()  # sources in this batch
    sent: set[str] = set()  # sources in tasks that may still be running
    wait = False
    for article in articles:
        if article.source in sent and article.source not in here:
            if batch:
                yield batch, wait
            batch, here, sent, wait = [], set(), set(), True  # after the wait all are written
        batch.append(article)
        here.add(article.source)
        if len(batch) == size:
            yield batch, wait
            sent |= here
            batch, here, wait = [], set(), False
    if batch:
        yield batch, wait


def _task_key(batch: list[Article]) -> str:
    """A task's name from its articles (as Dask shows it): the same articles, the same task."""
    digest = hashlib.sha1("\x1f".join(a.source + "\x1e" + a.text for a in batch).encode("utf-8"))
    return f"kgraph-articles-{digest.hexdigest()[:16]}"


class _connect:
    """A client of the scheduler at `address`, or of a new LocalCluster for `local:N`."""

    def __init__(self, address: str, note: Callable[[str], None] | None) -> None:
        self.address = address
        self.note = note
        self.cluster = None
        self.client = None

    def __enter__(self):
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise UsageError("--dask needs Dask distributed: pip install 'kgraph[dask]'") from None
        workers = local_workers(self.address)
        try:
            if workers is not None:
                self.cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                            dashboard_address=None,
                                            # task errors reach the client, which says them in one
                                            # line; the workers would log them again with tracebacks
                                            silence_logs=logging.CRITICAL)
                self.client = Client(self.cluster)
            else:
                self.client = Client(self.address, timeout=CONNECT_TIMEOUT)
        except (OSError, TimeoutError, ValueError) as exc:
            self.__exit__()
            raise DaskError(f"cannot reach the Dask scheduler at {self.address}: {exc}") from None
        if self.note:
            count = len(self.client.scheduler_info().get("workers", {}))
            self.note(f"Dask scheduler {self.client.scheduler.address}: {count} worker(s)")
        return self.client

    def __exit__(self, *exc: object) -> None:
        if self.client is not None:
            self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def local_workers(address: str) -> int | None:
    """N for `local:N` (a LocalCluster of N workers), None for a scheduler's address."""
    if not address.startswith("local"):
        return None
    _, _, count = address.partition(":")
    if not count.isdigit() or int(count) < 1:
        raise UsageError(f"--dask local:N needs a number of workers N >= 1, not '{address}'")
    return int(count)
