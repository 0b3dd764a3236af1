"""The half of a build after the parse: process each article (`process.process_article`),
write its named graph to the store, and at the end settle actors across articles
(`reconcile.py`) and the mention counts.

`Ingester` does it in the calling process. `IngestProcess` runs an `Ingester` in a child
process that owns the store and is fed parsed Docs (as bytes) through a pipe: extraction and
store writes then overlap with spaCy's parsing on a spare core instead of adding to it.

The child is the only writer of the store: it takes the store's lock and opens it. It ignores
Ctrl-C and stops at the end of its input, so an interrupted or killed build leaves the store
with whole articles only: every article it received is written in one transaction, or not at
all if the child itself is killed.
"""
from __future__ import annotations

import multiprocessing
import multiprocessing.forkserver
import multiprocessing.resource_tracker
import pickle
import queue
import signal
import threading
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path

import spacy
from spacy.tokens import Doc

from .atomic import write_atomically
from .errors import InputError, KgraphError, how_it_ended, release_frames
from .model import Article
from .process import ProcessedArticle, process_article
from .reconcile import reconcile
from .formats import rdf_format_for
from .graphsource import WritableGraphSource, open_source
from .store import LocalStore
from .warmup import settle, warm_up

#: parsed articles waiting for the child, at most (each ~30 KB): bounds the parent's memory
QUEUE_LIMIT = 256
_FINISH = b""  # in the queue: send the end mark (the build is complete)
_STOP = None  # in the queue: stop feeding without it (the build was interrupted)
CLOSE_TIMEOUT = 120  # seconds the child may take to write what it holds and close the store

Warn = Callable[[str], None]


def _ignore(message: str) -> None:
    pass


@contextmanager
def _ctrl_c_held_from_new_processes() -> Iterator[None]:
    """Hold Ctrl-C back in this thread while a process is spawned, as the standard library does
    for its resource tracker: the fork server starts with Ctrl-C blocked, so one pressed while it
    imports spaCy (it ignores Ctrl-C only after) prints no traceback of its own, and it and the
    processes it forks keep it blocked. Here Ctrl-C is not lost: it waits until this thread takes
    it again, or another thread's handler takes it meanwhile. (Ignoring it here instead lost a
    Ctrl-C pressed in that window, and the build ran on.)"""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "pthread_sigmask"):
        yield  # only the main thread takes Ctrl-C (an API caller's thread leaves it alone)
        return
    before = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)  # as it was: a caller's own block stays


@dataclass
class IngestTotals:
    """What the post-parse half of a build found."""

    events: int = 0
    actions: dict[str, int] = field(default_factory=dict)
    triples: int | None = None  # distinct triples of the output file, when there is one
    skipped: int = 0  # articles left out because extraction failed on them


#: an article's events per action, as `EventCounts` keeps them
ActionCounts = tuple[tuple[str, int], ...]


@dataclass
class EventCounts:
    """A build's events per action, each source document counted once: a later article of the
    same source replaces the earlier in the counts as it does in the store (two JSON lines with
    one URL), also when the two were processed apart (in two tasks of a Dask build)."""

    events: int = 0
    actions: dict[str, int] = field(default_factory=dict)
    by_document: dict[str, ActionCounts] = field(default_factory=dict)  # only those with events

    def count(self, document: str, actions: ActionCounts) -> None:
        """Count the article stored as `document`, undoing the counts of its earlier version."""
        for action, count in self.by_document.pop(document, ()):
            self.actions[action] -= count
            self.events -= count
            if not self.actions[action]:
                del self.actions[action]
        for action, count in actions:
            self.actions[action] = self.actions.get(action, 0) + count
            self.events += count
        if actions:  # an article without events needs no undoing
            self.by_document[document] = actions


def ingest_ended(exit_code: int | None) -> str:
    """What to say when the ingest process is gone: killed (by the out-of-memory killer, by a
    user), or failed as it started, as in a script that calls `pipeline.build` without the
    `if __name__ == '__main__':` guard its re-import needs."""
    said = f"the ingest process ended unexpectedly ({how_it_ended(exit_code)})"
    if exit_code is not None and exit_code < 0:
        return said
    return f"{said}; a script that calls kgraph.pipeline.build needs `if __name__ == '__main__':`"


class Ingester:
    """Extraction, RDF and writes for one build, into an open store."""

    def __init__(self, target: WritableGraphSource, output: Path | None = None, warn: Warn = _ignore) -> None:
        self.target = target
        self.output = output
        self.warn = warn
        self.totals = IngestTotals()
        self.counts = EventCounts()

    @classmethod
    def open(cls, store: str | None, output: Path | None, warn: Warn = _ignore) -> Ingester:
        """Open the build's store (a folder, a URL, or a temporary folder for `output`)."""
        target = open_source(store, write=True) if store else LocalStore.temporary_beside(output)  # type: ignore[arg-type]
        if output is not None and not isinstance(target, LocalStore):  # before any parsing
            target.close()
            raise InputError("--output with a remote --store: export from the store instead")
        return cls(target, output, warn)

    def known_graphs(self) -> set[str]:
        """The named graphs in the store now: articles already there need no parse."""
        return self.target.graph_names()

    def add(self, doc: Doc, article: Article) -> tuple[str, ActionCounts] | None:
        """Extract and store one article (the caller skips those in `known_graphs`); see `store`."""
        return self.store(process_article(doc, article))

    def store(self, processed: ProcessedArticle) -> tuple[str, ActionCounts] | None:
        """Write one processed article's graph and count its events; its document and events
        per action, or None for an article skipped."""
        if processed.rdf is None:
            self.totals.skipped += 1
            self.warn(f"skipped {processed.article.source}: {processed.error}")
            return None
        self.target.put_article(processed.rdf)
        stored = processed.rdf.document.value, tuple(processed.actions.items())
        self.counts.count(*stored)
        self.totals.events, self.totals.actions = self.counts.events, self.counts.actions
        return stored

    def finish(self) -> IngestTotals:
        """Merge actors across articles, refresh the mention counts and write the output
        file, if any."""
        reconcile(self.target)
        self.target.refresh_stats()
        if self.output is not None and isinstance(self.target, LocalStore):
            fmt = rdf_format_for(self.output)
            beside = self.target.folder if self.target.temporary else None  # a kill leaves one folder
            write_atomically(self.output, lambda tmp: self.target.dump(tmp, fmt), beside)
            # counted for the file only: on a large store it would be a full scan per build
            self.totals.triples = self.target.triple_count()
        return self.totals

    def close(self) -> None:
        self.target.close()


class IngestProcess:
    """An `Ingester` in a child process; `add`, `finish` and `close` as for an `Ingester`.

    Parsed Docs go to a queue that a thread feeds into the pipe, so the parsing loop never
    waits for the child unless `QUEUE_LIMIT` articles are pending.
    """

    def __init__(self, store: str | None, output: Path | None, warn: Warn = _ignore) -> None:
        # A fork server, not a plain fork: a process forked after RocksDB ran in its parent
        # (an earlier build, a query) can hang on RocksDB's inherited locks.
        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
        if "forkserver" in methods:
            context.set_forkserver_preload([__name__])  # imports paid once, not per build
            # the resource tracker the fork server needs first unblocks Ctrl-C when it starts
            multiprocessing.resource_tracker.ensure_running()
            with _ctrl_c_held_from_new_processes():  # from the fork server, from its start
                multiprocessing.forkserver.ensure_running()
        docs_in, self._docs_out = context.Pipe(duplex=False)
        self._replies, replies_out = context.Pipe(duplex=False)
        self.process = context.Process(target=_child_main, name="kgraph-ingest", daemon=True,
                                       args=(docs_in, replies_out, store, output))
        self.process.start()
        docs_in.close()
        replies_out.close()
        self._warn = warn  # the child's warnings are passed on as they arrive
        self._pending: queue.Queue[bytes | None] = queue.Queue(maxsize=QUEUE_LIMIT)
        self._failure: BaseException | None = None
        self._known: set[str] | None = None
        self._feeder = threading.Thread(target=self._feed, name="kgraph-ingest-feeder", daemon=True)
        self._feeder.start()

    def start(self, language: str) -> None:
        """Tell the child the parse's language (for its vocabulary); wait until its store is open."""
        self._put(language.encode("ascii"))
        self._known = self._reply("ready")

    def known_graphs(self) -> set[str]:
        if self._known is None:
            raise RuntimeError("IngestProcess.start() first")
        return self._known

    def add(self, doc: Doc, article: Article) -> None:
        self._check()
        self._put(pickle.dumps((doc.to_bytes(exclude=["tensor", "user_data"]), article),
                               protocol=pickle.HIGHEST_PROTOCOL))

    def finish(self) -> IngestTotals:
        self._put(_FINISH)  # the feeder sends the end mark after the last article
        self._feeder.join()
        return self._reply("done")  # or the child's error

    def close(self) -> None:
        """Stop feeding; the child writes what it has received, closes the store and exits."""
        if self._feeder.is_alive():
            self._drop_pending()
            self._feeder.join()
        self._docs_out.close()
        self.process.join(timeout=CLOSE_TIMEOUT)
        if self.process.is_alive():  # stuck: a kill still leaves whole articles (transactions)
            self.process.terminate()
            self.process.join()
        self._replies.close()

    # ------------------------------------------------------------------------------------

    def _feed(self) -> None:
        while (message := self._pending.get()) is not _STOP:
            try:
                self._docs_out.send_bytes(message)  # the empty end mark too
            except OSError as exc:  # the child is gone; its reply says why
                self._failure = exc
                return
            if message == _FINISH:
                return

    def _put(self, message: bytes) -> None:
        """Queue a message for the feeder; raise the child's error if it ends meanwhile."""
        while True:
            try:
                self._pending.put(message, timeout=0.5)
                return
            except queue.Full:
                self._check()

    def _drop_pending(self) -> None:
        try:
            while True:
                self._pending.get_nowait()
        except queue.Empty:
            pass
        self._pending.put_nowait(_STOP)

    def _check(self) -> None:
        """Pass on the child's warnings; raise its error as soon as there is one."""
        while self._failure is not None or self._replies.poll():
            if (message := self._receive()) is not None:
                raise RuntimeError(f"ingest process: unexpected {message[0]!r}")

    def _reply(self, expected: str):
        while (message := self._receive()) is None:
            pass
        kind, value = message
        if kind != expected:
            raise RuntimeError(f"ingest process: expected {expected!r}, got {kind!r}")
        return value

    def _receive(self) -> tuple[str, object] | None:
        """The child's next message; a warning is passed on (None), an error raised."""
        try:
            kind, value = self._replies.recv()
        except (EOFError, OSError):
            self.process.join(timeout=5)
            raise KgraphError(ingest_ended(self.process.exitcode)) from None
        if kind == "warning":
            self._warn(value)
            return None
        if kind == "error":
            raise value
        if kind == "crash":
            raise RuntimeError(f"the ingest process failed:\n{value}")
        return kind, value


def _child_main(docs_in: Connection, replies: Connection, store: str | None, output: Path | None) -> None:
    """The child: open the store, then add every article received until the end mark.

    The first message is the language of the parse: Docs come back to life over a blank
    vocabulary of it (the strings travel with each Doc), which is much quicker to make than
    loading the model again.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C stops the parent; we end with its input
    ingester = None
    try:
        ingester = Ingester.open(store, output, warn=lambda message: _send(replies, ("warning", message)))
        replies.send(("ready", ingester.known_graphs()))  # the parent parses while we go on
        threading.Thread(target=warm_up, name="kgraph-warm-up", daemon=True).start()  # meanwhile
        try:
            vocab = spacy.blank(docs_in.recv_bytes().decode("ascii")).vocab  # strings come with Docs
        except (EOFError, OSError):
            return  # the parent ended before it parsed anything
        settled = False
        while True:
            try:
                message = docs_in.recv_bytes()
            except (EOFError, OSError):
                return  # the parent stopped (Ctrl-C, killed): keep what is written
            if message == _FINISH:
                totals = ingester.finish()
                ingester, closing = None, ingester
                closing.close()  # its flush may fail too: before "done", so the parent hears
                replies.send(("done", totals))
                return
            doc_bytes, article = pickle.loads(message)
            ingester.add(Doc(vocab).from_bytes(doc_bytes), article)
            if not settled:
                settle()  # the tables extraction reads are loaded now
                settled = True
    except KgraphError as exc:
        release_frames(exc)  # so that closing the store below really closes it
        _send(replies, ("error", exc))
    except BaseException as exc:  # a bug: the parent shows the traceback
        _send(replies, ("crash", traceback.format_exc()))
        release_frames(exc)
    finally:
        if ingester is not None:
            with suppress(Exception):  # already failing or interrupted: the first error counts
                ingester.close()


def _send(replies: Connection, message: tuple) -> None:
    try:
        replies.send(message)
    except OSError:
        pass  # the parent is gone
