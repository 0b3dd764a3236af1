"""Builds on a Dask cluster into a SPARQL server give the graph a local build gives, also when
a worker dies mid-build (issue 11.2-11.4). A LocalCluster, and `oxigraph serve` or Virtuoso on loopback (issue 11.5)."""
from __future__ import annotations

import json
import os
import signal
import time

import distributed  # in the [test] extra: CI runs these tests
import pytest
from typer.testing import CliRunner

from kgraph.cli import app
from kgraph.cluster import build_on_dask
from kgraph.errors import QueryError
from kgraph.killable import run_killable
from kgraph.pipeline import build

from conftest import EXAMPLES, server_quads


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> list[str]:
    """The examples, and a feed that sends one URL twice: its second text replaces the first."""
    feed = tmp_path_factory.mktemp("feed") / "feed.jsonl"
    feed.write_text("\n".join(json.dumps({"url": "https://news.example/1", "date": "2024-09-05", "text": text})
                              for text in ("Germany condemned Russia.", "Germany condemned Iran on Tuesday.")))
    return [str(EXAMPLES), str(feed)]


@pytest.fixture(scope="module")
def local_quads(tmp_path_factory, inputs) -> set[str]:
    """The inputs built locally, as `kgraph build INPUT... --output graph.nq` does."""
    out = tmp_path_factory.mktemp("local") / "graph.nq"
    build(inputs, out)
    quads = _comparable(out.read_text())
    assert any("Germany condemned Iran" in q for q in quads) and not any("condemned Russia." in q for q in quads)
    return quads


def _comparable(nquads: str) -> set[str]:
    """The quads as lines, blank nodes aside (a server may rename them; kgraph makes none)."""
    return {line for line in nquads.splitlines() if line.strip() and "_:" not in line}


def _server_quads(url: str) -> set[str]:
    return _comparable("\n".join(server_quads(url)))


def test_a_build_on_two_dask_workers_gives_the_graph_of_a_local_build(tmp_path, sparql_server, inputs,
                                                                      local_quads):
    notes: list[str] = []
    summary = build_on_dask(inputs, sparql_server, "local:2", articles_per_task=1, note=notes.append)
    assert summary.articles == 8 and summary.events > 0 and summary.skipped == 0
    assert any("2 worker(s)" in note for note in notes)
    assert sum(note.startswith("task kgraph-articles-") for note in notes) == 8  # one task per article
    assert _server_quads(sparql_server) == local_quads
    graphml = tmp_path / "actors.graphml"
    again = CliRunner().invoke(app, ["build", *inputs, "--store", sparql_server, "--dask", "local:1",
                                     "--graphml", str(graphml)])
    assert again.exit_code == 0, again.output
    # the examples are skipped; the URL sent twice is written twice again, so that its
    # second text, not the first, is what the store holds, as after the first build
    assert "6 already in the store" in again.output and "<graphml" in graphml.read_text()
    assert _server_quads(sparql_server) == local_quads


def test_a_url_sent_again_in_a_later_task_is_counted_once_as_in_a_local_build(tmp_path, sparql_server):
    # each task's events were added up: the first text's events stayed in the summary, though
    # the second text replaced them in the store
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(json.dumps({"url": "https://news.example/2", "text": text}) for text in (
        "Germany condemned Russia. France warned Iran.", "Germany condemned Iran.")))
    local = build([str(feed)], tmp_path / "graph.ttl")
    summary = build_on_dask([str(feed)], sparql_server, "local:1", articles_per_task=1)
    assert (summary.events, summary.actions) == (local.events, local.actions) == (1, {"condemn": 1})


@pytest.mark.parametrize("options, message", [
    (["--dask", "local:2"], "give --store URL"),
    (["--dask", "local:2", "--store", "http://127.0.0.1:1", "--output", "g.ttl"], "give --store URL"),
    (["--dask", "local:2", "--store", "kg"], "--dask needs --store URL"),
    (["--dask", "local:two", "--store", "http://127.0.0.1:1"], "local:N needs a number of workers"),
])
def test_dask_builds_refuse_what_they_cannot_do_in_one_line(tmp_path, options, message):
    result = CliRunner().invoke(app, ["build", str(EXAMPLES), *[str(tmp_path / o) if o in ("kg", "g.ttl") else o
                                                                 for o in options]])
    assert result.exit_code == 2 and message in result.output and "Traceback" not in result.output


def test_a_worker_killed_mid_build_loses_nothing_and_writes_nothing_twice(sparql_server, inputs, local_quads):
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        with distributed.Client(cluster) as client:
            pids = client.run(os.getpid)
        # the build's own client is the only one while it runs (two synchronous clients in one
        # thread trip over each other's event loops); the scheduler lives in this process
        killed: dict[str, int] = {}

        def kill_a_busy_worker(done: int, sent: int) -> None:
            """After the first task is back, SIGKILL a worker that holds unfinished tasks."""
            if killed:
                return
            busy = {address: len(state.processing) for address, state in list(cluster.scheduler.workers.items())
                    if state.processing}
            assert busy, "no task left in flight to lose"
            worker, in_flight = sorted(busy.items())[0]
            os.kill(pids[worker], signal.SIGKILL)
            killed[worker] = in_flight

        summary = build_on_dask(inputs, sparql_server, cluster.scheduler_address,
                                articles_per_task=1, progress=kill_a_busy_worker)
        assert killed and list(killed.values())[0] >= 1
        assert _ended(pids[next(iter(killed))])  # that process is gone
    assert summary.articles == 8 and summary.skipped == 0
    assert _server_quads(sparql_server) == local_quads


def _ended(pid: int) -> bool:
    """Whether process `pid` has exited (gone, or a zombie its parent has not reaped yet)."""
    for _ in range(100):
        try:
            with open(f"/proc/{pid}/stat") as stat:
                if stat.read().rsplit(")", 1)[1].split()[0] == "Z":
                    return True
        except FileNotFoundError:
            return True
        time.sleep(0.1)
    return False


class _HoldsAConnection(Exception):
    """An exception that cannot be pickled, as urllib's HTTPError holding its response."""

    def __init__(self) -> None:
        super().__init__("503")
        self.connection = lambda: None


def _query_refused() -> None:
    try:
        raise _HoldsAConnection()
    except _HoldsAConnection as exc:
        raise QueryError("the server refused the query") from exc


def test_a_query_error_still_reaches_the_parent_once_dask_is_imported():
    """Importing Dask makes every exception pickle with its chain (tblib); a query error raised
    from an HTTPError then failed to cross from the query process, which ended without an
    answer ('Aborted!' instead of the server's reason)."""
    import tblib.pickling_support  # what `import distributed` runs, for the classes defined by then

    tblib.pickling_support.install(QueryError, _HoldsAConnection)
    with pytest.raises(QueryError, match="the server refused the query"):
        run_killable(_query_refused)
