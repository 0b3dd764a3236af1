"""The post-parse half of a build in its own process: the same graph as in-process, errors
that read the same, and Ctrl-C leaving a store of whole articles."""
from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import pytest

from kgraph.errors import OutputError
from kgraph.pipeline import INGEST_PROCESS_MIN_BYTES, build
from kgraph.store import LocalStore, StoreBusyError

VENV_BIN = Path(sys.executable).parent
EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def _quads(store: Path) -> set[str]:
    db = ox.Store.read_only(str(store))
    quads = {str(q) for q in db.quads_for_pattern(None, None, None, None)}
    del db
    return quads


def test_the_ingest_process_writes_the_same_graph_as_an_inline_build(tmp_path):
    apart = build([str(EXAMPLES)], tmp_path / "apart.nq", store=str(tmp_path / "apart"), ingest_process=True)
    inline = build([str(EXAMPLES)], tmp_path / "inline.nq", store=str(tmp_path / "inline"), ingest_process=False)
    assert (apart.events, apart.actions, apart.words) == (inline.events, inline.actions, inline.words)
    assert apart.events > 0
    assert _quads(tmp_path / "apart") == _quads(tmp_path / "inline")
    assert (tmp_path / "apart.nq").read_bytes() == (tmp_path / "inline.nq").read_bytes()


def test_an_error_in_the_ingest_process_reaches_the_caller_as_it_is(tmp_path):
    (tmp_path / "a.txt").write_text("Russia condemned Ukraine.\n")
    held = LocalStore(tmp_path / "kg")  # another build holds the store
    try:
        with pytest.raises(StoreBusyError, match="being written|read or served"):
            build([str(tmp_path / "a.txt")], store=str(tmp_path / "kg"), ingest_process=True)
    finally:
        held.close()
    with pytest.raises(OutputError, match="cannot reach SPARQL store"):
        build([str(tmp_path / "a.txt")], store="http://127.0.0.1:9", ingest_process=True)


ARTICLE = ("Russia condemned Ukraine on day {i}. Germany supplied tanks to Kyiv. "
           "France warned Russia against any new offensive in the east.\n")
EVENT = "<https://w3id.org/kgraph/ontology#Event>"


def _wal_bytes(store: Path) -> int:
    """The size of RocksDB's write-ahead log: a committed transaction is in it."""
    return sum(log.stat().st_size for log in store.glob("*.log")) if store.is_dir() else 0


def _open_for_writing_once_read(fifo: Path, process: subprocess.Popen, deadline: float) -> int:
    """Wait until `process` opens the named pipe `fifo` to read it; return our end, held open
    so that the reader waits for data (closing it would give the reader an empty file)."""
    while time.monotonic() < deadline and process.poll() is None:
        try:
            return os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)  # ENXIO while nobody reads it
        except OSError as exc:
            if exc.errno != errno.ENXIO:
                raise
        time.sleep(0.02)
    process.kill()
    pytest.fail(f"the build never read {fifo.name}: {process.communicate()[1]}")


def _stop_with_one_line(process: subprocess.Popen, held: int, stop: int, first=lambda: None) -> None:
    """After `first()`, send `stop` to the build that reads the pipe we hold open (`held`): it
    ends with exit 130 and one line on stderr."""
    try:
        first()
        process.send_signal(stop)
        _, err = process.communicate(timeout=60)
    finally:
        os.close(held)
        if process.poll() is None:
            process.kill()
    assert process.returncode == 130, err
    assert "Traceback" not in err and err.strip().splitlines()[-1].startswith("kgraph: error: interrupted")


def test_ctrl_c_stops_a_build_with_one_line_and_a_store_of_whole_articles(tmp_path):
    """The build reads `first/`, then a named pipe that holds it until the test has seen an
    article committed, and is interrupted there: no fixed delay, whatever the machine's load."""
    first, rest = tmp_path / "first", tmp_path / "rest"
    for folder, n in ((first, 6), (rest, 6)):
        folder.mkdir()
        for i in range(n):
            (folder / f"{i:02}.txt").write_text(ARTICLE.format(i=f"{folder.name} {i}"))
    # blank lines (nothing to parse) bring the input over the size that starts the ingest process
    (rest / "padded.txt").write_text(ARTICLE.format(i="padded") + "\n" * INGEST_PROCESS_MIN_BYTES)
    hold = tmp_path / "hold.txt"
    os.mkfifo(hold)
    store = tmp_path / "kg"
    # Ctrl-C as on a terminal, even when this test runs where SIGINT is ignored (a background job)
    process = subprocess.Popen([str(VENV_BIN / "kgraph"), "build", str(first), str(hold), str(rest),
                                "--store", str(store)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    deadline = time.monotonic() + 120
    held = _open_for_writing_once_read(hold, process, deadline)  # first/ is parsed and handed over

    def an_article_committed() -> None:
        while _wal_bytes(store) < 4096 and time.monotonic() < deadline and process.poll() is None:
            time.sleep(0.02)  # a new store's log holds a few dozen bytes, an article's tens of KB
        assert _wal_bytes(store) >= 4096, "no article was committed"

    _stop_with_one_line(process, held, signal.SIGINT, an_article_committed)
    db = ox.Store.read_only(str(store))  # the lock is free again: the ingest process has ended
    events = db.query(f"SELECT (COUNT(?e) AS ?n) WHERE {{ GRAPH ?g {{ ?e a {EVENT} }} }}")
    orphans = db.query(f"ASK {{ GRAPH ?g {{ ?e a {EVENT} "
                       "FILTER NOT EXISTS { ?e <http://www.w3.org/ns/prov#wasDerivedFrom> ?d } } }")
    assert int(next(events)["n"].value) > 0 and not bool(orphans)
    del db
    finished = build([str(first), str(rest)], store=str(store))  # the next build adds the rest
    assert 0 < finished.unchanged <= 6 and finished.articles == 13 and finished.skipped == 0


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGHUP])
def test_kill_stops_a_build_as_ctrl_c_does_and_leaves_nothing_behind(tmp_path, stop):
    """`kill` (or a closed terminal) while the build waits on its input: one line, exit 130, and
    neither the output nor the temporary store it was filling."""
    first = tmp_path / "first.txt"
    first.write_text(ARTICLE.format(i=1))
    hold = tmp_path / "hold.txt"
    os.mkfifo(hold)
    out = tmp_path / "out"
    out.mkdir()
    process = subprocess.Popen([str(VENV_BIN / "kgraph"), "build", str(first), str(hold), "-o", str(out / "g.ttl")],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    _stop_with_one_line(process, _open_for_writing_once_read(hold, process, time.monotonic() + 120), stop)
    assert list(out.iterdir()) == []


def test_an_ingest_process_killed_is_said_so_without_advice_meant_for_scripts() -> None:
    # an out-of-memory kill of the ingest process told a command-line user to add
    # `if __name__ == '__main__':` to a script they never wrote
    from kgraph.ingest import ingest_ended

    killed = ingest_ended(-signal.SIGKILL)
    assert killed == "the ingest process ended unexpectedly (killed by SIGKILL)"
    failed_to_start = ingest_ended(1)
    assert "(exit code 1)" in failed_to_start and "__name__ == '__main__'" in failed_to_start


def test_a_ctrl_c_while_the_ingest_process_is_spawned_is_held_not_lost():
    """The fork server must start with Ctrl-C kept from it, but the build must still stop: a
    Ctrl-C pressed in that window reaches the build's handler once the window closes (ignored
    there instead, it was lost, and the build ran on to the end)."""
    from kgraph.ingest import _ctrl_c_held_from_new_processes

    pressed: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda *_: pressed.append(1))
    try:
        with _ctrl_c_held_from_new_processes():
            assert signal.SIGINT in signal.pthread_sigmask(signal.SIG_BLOCK, [])  # held in the window
            os.kill(os.getpid(), signal.SIGINT)
            time.sleep(0.05)  # held in this thread, or taken by another thread's handler
        time.sleep(0.05)
        assert pressed == [1]
        assert signal.SIGINT not in signal.pthread_sigmask(signal.SIG_BLOCK, [])
        # a caller that holds Ctrl-C back itself still does after the window
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
        try:
            with _ctrl_c_held_from_new_processes():
                pass
            assert signal.SIGINT in signal.pthread_sigmask(signal.SIG_BLOCK, [])
        finally:
            signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    finally:
        signal.signal(signal.SIGINT, previous)
