"""Stores: an embedded Oxigraph folder, a remote SPARQL server, and `kgraph serve`."""
from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pyoxigraph as ox
import pytest
from typer.testing import CliRunner

from kgraph.cli import app
from kgraph.pipeline import build, remove
from kgraph.store import LocalStore, StoreBusyError, server_base

from conftest import _emptied, free_port as _free_port, server_quads, wait_for as _wait_for

ARTICLES = {
    "a.txt": "Russia deployed troops to Belarus. Germany condemned Russia for the deployment.",
    "b.txt": "Japan supplied radars to the Philippines. China warned Manila.",
}
VENV_BIN = Path(sys.executable).parent


def _articles(folder: Path, texts: dict[str, str] = ARTICLES) -> Path:
    folder.mkdir(exist_ok=True)
    for name, text in texts.items():
        (folder / name).write_text(text + "\n")
    return folder


def _quads(store: Path) -> set[str]:
    db = ox.Store.read_only(str(store))
    quads = {str(q) for q in db.quads_for_pattern(None, None, None, None)}
    del db
    return quads


def _events(store: Path) -> set[tuple[str, str]]:
    db = ox.Store.read_only(str(store))
    rows = db.query("SELECT ?label ?source WHERE { GRAPH ?g { ?e a <https://w3id.org/kgraph/ontology#Event> ; "
                    "<http://www.w3.org/2000/01/rdf-schema#label> ?label ; "
                    "<http://www.w3.org/ns/prov#wasDerivedFrom>/<http://purl.org/dc/terms/source> ?source } }")
    found = {(r["label"].value, Path(r["source"].value).name) for r in rows}
    del db
    return found


def test_building_twice_changes_nothing(tmp_path):
    folder, store = _articles(tmp_path / "in"), tmp_path / "kg"
    first = build([str(folder)], store=str(store))
    before = _quads(store)
    again = build([str(folder)], store=str(store))
    assert first.unchanged == 0 and again.unchanged == 2 and again.words == 0
    assert _quads(store) == before


def test_a_changed_article_replaces_its_events_and_others_stay(tmp_path):
    folder, store = _articles(tmp_path / "in"), tmp_path / "kg"
    build([str(folder)], store=str(store))
    (folder / "a.txt").write_text("Poland condemned Belarus.\n")
    build([str(folder)], store=str(store))
    labels = {label for label, source in _events(store) if source == "a.txt"}
    assert labels == {"Poland condemn Belarus"}
    assert any(source == "b.txt" for _, source in _events(store))


def test_remove_deletes_one_article(tmp_path):
    folder, store = _articles(tmp_path / "in"), tmp_path / "kg"
    build([str(folder)], store=str(store))
    assert remove(str(folder / "a.txt"), str(store)) == 1
    assert {source for _, source in _events(store)} == {"b.txt"}
    seen = CliRunner().invoke(app, ["query", str(store), "events-with-evidence", "--format", "csv"])
    assert "Germany" not in seen.output and "Japan" in seen.output  # queries see the removal too
    result = CliRunner().invoke(app, ["remove", str(folder / "a.txt"), "--store", str(store)])
    assert result.exit_code != 0 and "no article" in result.output


def test_query_and_export_read_a_store_folder(tmp_path):
    folder, store = _articles(tmp_path / "in"), tmp_path / "kg"
    build([str(folder)], store=str(store))
    runner = CliRunner()
    result = runner.invoke(app, ["query", str(store), "who-condemned-whom", "--format", "csv"])
    assert result.exit_code == 0 and "Germany,Russia" in result.output
    for fmt, suffix in [("turtle", "ttl"), ("nq", "nq"), ("trig", "trig"), ("nt", "nt"), ("jsonld", "jsonld"),
                        ("graphml", "graphml")]:
        out = tmp_path / f"kg.{suffix}"
        assert runner.invoke(app, ["export", str(store), "--format", fmt, "-o", str(out)]).exit_code == 0
        assert out.stat().st_size > 0
    graphs = {q.graph_name for q in ox.parse(path=str(tmp_path / "kg.nq"), format=ox.RdfFormat.N_QUADS)}
    assert len(graphs) >= 3  # one per article, and the derived statistics


def test_a_lock_held_by_a_builds_helper_process_names_the_build(tmp_path):
    # a build's store is held by its ingest process, a grandchild of `kgraph build` (through
    # multiprocessing's fork server): the refusal named "python (pid N)", a pid the user never saw
    import subprocess
    import sys
    import time

    from kgraph.lock_holders import busy_message

    lock = tmp_path / "kgraph.lock"
    lock.touch()
    holder = ("import fcntl, sys, time\n"
              "handle = open(sys.argv[1], 'a')\n"
              "fcntl.flock(handle, fcntl.LOCK_EX)\n"
              "print('held', flush=True)\n"
              "time.sleep(60)\n")
    middle = f"import subprocess, sys; subprocess.run([sys.executable, '-c', {holder!r}, {str(lock)!r}])"
    # the outer process's command line reads as `kgraph build` (python -c CODE -m kgraph build)
    outer = f"import subprocess, sys; subprocess.run([sys.executable, '-c', {middle!r}])"
    build_like = subprocess.Popen([sys.executable, "-c", outer, "-m", "kgraph", "build"], start_new_session=True)
    try:
        deadline = time.monotonic() + 30
        with open(lock) as handle:
            while time.monotonic() < deadline and "written" not in busy_message(tmp_path, handle, wanted_exclusive=True):
                time.sleep(0.1)  # until the grandchild holds the lock
            said = busy_message(tmp_path, handle, wanted_exclusive=True)
        assert f"being written by kgraph build (pid {build_like.pid})" in said, said
    finally:
        os.killpg(build_like.pid, signal.SIGKILL)
        build_like.wait()


def test_a_second_writer_is_refused_with_a_message_naming_the_build(tmp_path):
    folder, store = _articles(tmp_path / "in"), tmp_path / "kg"
    holder = LocalStore(store)  # a build of a new store: nothing to read yet
    try:
        with pytest.raises(StoreBusyError, match=rf"being written by .* \(pid {os.getpid()}\); try again when it ends"):
            build([str(folder)], store=str(store))
        result = CliRunner().invoke(app, ["query", str(store), "actors"])
        assert result.exit_code != 0 and f"being written by python -m pytest (pid {os.getpid()})" in result.stderr
    finally:
        holder.close()


#: a build that has written and not yet ended: it holds the store until told to end
_HOLD_A_BUILD = """
import sys
from pathlib import Path
from kgraph.store import LocalStore
store = LocalStore(Path(sys.argv[1]))
store.update("INSERT DATA { <https://example.org/new> <https://example.org/p> 1 }")
print("writing", flush=True)
sys.stdin.readline()
store.close()
"""


def test_a_store_stays_readable_while_a_build_writes(tmp_path):
    """Queries, exports and kgraph serve read the store as it was when the build began
    (issue 8.12); the build's checkpoint goes when it ends, or once its last reader has gone."""
    from kgraph import snapshot

    folder, store = _articles(tmp_path / "in"), tmp_path / "kg"
    build([str(folder)], store=str(store))
    runner = CliRunner()
    before = runner.invoke(app, ["query", str(store), "who-condemned-whom", "--format", "csv"]).output
    new = "ASK { <https://example.org/new> ?p ?o }"
    # a build under way, in a process of its own as a build is: a store held open in this process
    # would leave its engine's threads here, and a query's forked child could start with one of
    # their locks held and wait for ever (it did once in a full run of the suite)
    holder = subprocess.Popen([sys.executable, "-c", _HOLD_A_BUILD, str(store)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "writing"
        during = runner.invoke(app, ["query", str(store), "who-condemned-whom", "--format", "csv"])
        assert during.exit_code == 0 and during.output == before
        assert runner.invoke(app, ["query", str(store), new]).output == "false\n"
        exported = runner.invoke(app, ["export", str(store), "--format", "nt", "-o", str(tmp_path / "kg.nt")])
        assert exported.exit_code == 0 and "Germany" in (tmp_path / "kg.nt").read_text()
        port = _free_port()
        with _serving([str(VENV_BIN / "kgraph"), "serve", str(store), "--port", str(port)],
                      f"http://127.0.0.1:{port}") as url:
            assert b"Germany,Russia" in _sparql(f"{url}/query", "SELECT ?a ?t WHERE { ?e a "
                                                "<https://w3id.org/kgraph/ontology#Condemn> ; "
                                                "<https://w3id.org/kgraph/ontology#agent>/<http://www.w3.org/2000/01/rdf-schema#label> ?a ; "
                                                "<https://w3id.org/kgraph/ontology#target>/<http://www.w3.org/2000/01/rdf-schema#label> ?t }",
                                                accept="text/csv")
        reader = snapshot.open_latest(store)  # a reader still at work when the build ends
    finally:
        holder.communicate("done\n", timeout=60)
    assert reader is not None and (store / snapshot.FOLDER).is_dir()
    reader[1].release()
    del reader
    assert runner.invoke(app, ["query", str(store), new]).output == "true\n"  # the build's work
    LocalStore(store).close()  # the next build clears the checkpoint nobody holds
    assert not (store / snapshot.FOLDER).exists()


def test_an_interrupted_build_leaves_a_readable_store_of_whole_articles(tmp_path):
    texts = {f"{i:03}.txt": f"Country{i} is a place. Russia condemned Ukraine on day {i}. "
                            "Germany supplied tanks to Ukraine." for i in range(300)}
    folder, store = _articles(tmp_path / "in", texts), tmp_path / "kg"
    process = subprocess.Popen([str(VENV_BIN / "kgraph"), "build", str(folder), "--store", str(store), "-q"])
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not (store / "CURRENT").exists():
        time.sleep(0.05)
    time.sleep(2.5)
    process.send_signal(signal.SIGKILL)
    process.wait()
    db = _open_when_free(store)  # the ingest process ends with its input; nothing is corrupt
    complete = db.query("ASK { GRAPH ?g { ?e a <https://w3id.org/kgraph/ontology#Event> "
                        "FILTER NOT EXISTS { ?e <http://www.w3.org/ns/prov#wasDerivedFrom> ?d . "
                        "?d <http://purl.org/dc/terms/source> ?s } } }")
    assert not bool(complete)  # every stored event comes with its document
    del db
    finished = build([str(folder)], store=str(store))  # and the next build carries on
    assert finished.unchanged + (finished.articles - finished.unchanged) == 300


def _open_when_free(store: Path, seconds: float = 30) -> ox.Store:
    """Open a store for writing as soon as the build that holds it has let go."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            return ox.Store(str(store))
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


def _sparql(url: str, query: str, accept: str = "application/sparql-results+json") -> bytes:
    request = urllib.request.Request(f"{url}?{urllib.parse.urlencode({'query': query})}", headers={"Accept": accept})
    return urllib.request.urlopen(request, timeout=10).read()


def test_a_remote_store_gets_one_graph_per_article_and_answers_queries(tmp_path, sparql_server):
    folder = _articles(tmp_path / "in")
    build([str(folder)], store=sparql_server)
    again = build([str(folder)], store=sparql_server)
    assert again.unchanged == 2
    runner = CliRunner()
    result = runner.invoke(app, ["query", sparql_server, "who-condemned-whom", "--format", "csv"])
    assert result.exit_code == 0 and "Germany,Russia" in result.output
    documents = {q.split()[-2] for q in server_quads(sparql_server) if "/ontology#Document>" in q}
    assert len(documents) == 2  # one graph per article
    assert remove(str(folder / "b.txt"), sparql_server) == 1
    assert len({q.split()[-2] for q in server_quads(sparql_server) if "/ontology#Document>" in q}) == 1


def test_virtuoso_is_reached_by_the_url_it_prints_and_keeps_its_own_graphs_out(tmp_path, _virtuoso):
    """`http://host:8890/sparql` names the server; its system graphs (virtrdf#, ldp#, the
    service description: some 2,500 triples) are neither queried nor exported (issue 11.5)."""
    endpoint = f"{_emptied(_virtuoso)}/sparql"
    folder, graph = _articles(tmp_path / "in"), tmp_path / "g.nt"
    runner = CliRunner()
    assert runner.invoke(app, ["build", str(folder), "--store", endpoint, "-q"]).exit_code == 0
    assert runner.invoke(app, ["build", str(folder), "--output", str(graph), "-q"]).exit_code == 0
    count = "SELECT (COUNT(DISTINCT *) AS ?n) WHERE { ?s ?p ?o }"
    counted = runner.invoke(app, ["query", endpoint, count, "--format", "csv"])
    assert counted.exit_code == 0 and counted.output.split() == ["n", str(len(graph.read_text().splitlines()))]
    exported = tmp_path / "v.nq"
    assert runner.invoke(app, ["export", endpoint, "--format", "nq", "-o", str(exported)]).exit_code == 0
    graphs = {line.split()[-2] for line in exported.read_text().splitlines()}
    assert graphs and all(g.startswith("<https://w3id.org/kgraph/id/") for g in graphs), graphs


def test_a_virtuoso_that_does_not_let_kgraph_write_says_what_to_grant(tmp_path, _virtuoso):
    """Virtuoso as installed refuses writes from the SPARQL endpoints' user: one line with
    Virtuoso's reason and the two grants, not its HTML page."""
    import virtuoso

    with virtuoso.virtuoso_server(tmp_path / "vt", grant=False) as url:
        result = CliRunner().invoke(app, ["build", str(_articles(tmp_path / "in")), "--store", url])
    assert result.exit_code == 4, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "Permission denied" in lines[0] and "GRANT SPARQL_UPDATE" in lines[0], lines
    assert "<" not in lines[0].split("403")[1].split("(")[0], lines  # no HTML


def test_an_answer_virtuoso_cuts_short_is_refused_not_taken_for_the_whole(tmp_path, _virtuoso):
    """Virtuoso stops an answer at ResultSetMaxRows (10,000 as installed) and says so only in
    a header: an export of a larger graph would silently lose quads."""
    import virtuoso

    runner = CliRunner()
    with virtuoso.virtuoso_server(tmp_path / "vt", max_rows=50) as url:
        assert runner.invoke(app, ["build", str(_articles(tmp_path / "in")), "--store", url, "-q"]).exit_code == 0
        exported = runner.invoke(app, ["export", url, "--format", "nq", "-o", str(tmp_path / "g.nq")])
        few = runner.invoke(app, ["query", url, "SELECT ?s WHERE { ?s ?p ?o } LIMIT 5", "--format", "csv"])
    assert exported.exit_code == 3, exported.output
    assert "cut its answer short at 50 rows" in exported.output
    assert "ResultSetMaxRows" in exported.output and not (tmp_path / "g.nq").exists()
    assert few.exit_code == 0 and len(few.output.splitlines()) == 6  # a short answer is whole


@pytest.mark.parametrize("url, base", [
    ("http://h:7878/query", "http://h:7878"), ("http://h:7878/", "http://h:7878"),
    ("http://h:8890/sparql", "http://h:8890"), ("http://h:8890/sparql-graph-crud", "http://h:8890"),
    ("https://h/kg/sparql/", "https://h/kg"),
])
def test_a_server_is_named_by_its_base_or_any_of_its_endpoints(url, base):
    assert server_base(url) == base


def test_an_unreachable_remote_store_is_one_clear_error(tmp_path):
    result = CliRunner().invoke(app, ["build", str(_articles(tmp_path / "in")), "--store",
                                      f"http://127.0.0.1:{_free_port()}"])
    assert result.exit_code == 4 and "cannot reach SPARQL store" in result.output
    # read from, it is an input that cannot be read (3); it said the output could not be written
    read = CliRunner().invoke(app, ["query", f"http://127.0.0.1:{_free_port()}", "ASK {}"])
    assert read.exit_code == 3 and "cannot reach SPARQL store" in read.output


def test_serve_answers_sparql_over_http_read_only_beside_kgraph_query(tmp_path):
    folder, store = _articles(tmp_path / "in"), tmp_path / "kg"
    build([str(folder)], store=str(store))
    port = _free_port()
    server = subprocess.Popen([str(VENV_BIN / "kgraph"), "serve", str(store), "--port", str(port)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}/query"
    try:
        _wait_for(f"{url}?query=ASK%7B%7D", server)
        csv = _sparql(url, "SELECT ?label WHERE { ?c <https://w3id.org/kgraph/ontology#iso3> 'RUS' ; "
                           "<http://www.w3.org/2000/01/rdf-schema#label> ?label }", accept="text/csv")
        assert b"Russia" in csv
        update = urllib.request.Request(url.replace("/query", "/update"), method="POST",
                                        data=b"INSERT DATA { <a:b> <a:c> <a:d> }",
                                        headers={"Content-Type": "application/sparql-update"})
        with pytest.raises(urllib.error.HTTPError):
            urllib.request.urlopen(update, timeout=10)
        runner = CliRunner()
        assert runner.invoke(app, ["query", str(store), "actors"]).exit_code == 0
        refused = runner.invoke(app, ["build", str(folder), "--store", str(store)])
        assert refused.exit_code != 0 and f"being read by kgraph serve (pid {server.pid})" in refused.output
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=15)
    with socket.socket() as sock:  # the Oxigraph server went away with kgraph serve
        assert sock.connect_ex(("127.0.0.1", port)) != 0


def test_serve_refuses_what_is_not_a_store(tmp_path):
    result = CliRunner().invoke(app, ["serve", str(tmp_path)])
    assert result.exit_code != 0 and "not a kgraph store" in result.output


@contextmanager
def _serving(command: list[str], url: str):
    """A server process for the length of a `with` block."""
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_for(f"{url}/query?query=ASK%7B%7D", process)
        yield url
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=15)


def _same_everywhere(runner: CliRunner, graphs: dict[str, str], out: Path) -> None:
    """Every canned query gives the same rows, every export the same network and triples."""
    from kgraph.query import canned_queries

    for name in canned_queries():
        answers = {where: runner.invoke(app, ["query", graph, name, "--format", "csv"]) for where, graph in graphs.items()}
        assert all(a.exit_code == 0 for a in answers.values()), (name, {w: a.output for w, a in answers.items()})
        rows = {where: sorted(a.output.splitlines()) for where, a in answers.items()}
        assert all(r == rows["file"] for r in rows.values()), (name, [w for w, r in rows.items() if r != rows["file"]])
    for fmt, view in [("gexf", "actors"), ("graphml", "events"), ("nt", ""), ("nq", "")]:
        reference = "folder" if fmt == "nq" else "file"  # a Turtle file has no named graphs
        if reference not in graphs:
            continue
        written = {}
        for where, graph in graphs.items():
            if fmt == "nq" and where == "file":
                continue
            target = out / f"{where}.{fmt}"
            result = runner.invoke(app, ["export", graph, "--format", fmt, "-o", str(target)] + (["--view", view] if view else []))
            assert result.exit_code == 0, result.output
            lines = target.read_text().splitlines()
            written[where] = (result.output.strip().split(" to ")[0],
                              sorted(lines) if fmt in ("nt", "nq") else len(lines))
        assert all(w == written[reference] for w in written.values()), (fmt, written)


def test_a_store_answers_every_canned_query_like_the_file(tmp_path):
    """The same answers from a graph file, the store folder built from the same articles, the
    store served by kgraph serve and by Oxigraph's own server (issue 8.1: the endpoint used to
    count each triple once per graph it is in, 64 Demand events for 8)."""
    examples = Path(__file__).resolve().parent.parent / "examples"
    store, graph = tmp_path / "kg", tmp_path / "g.ttl"
    build([str(examples)], store=str(store))
    build([str(examples)], graph)
    kgraph_port, oxigraph_port = _free_port(), _free_port()
    with _serving([str(VENV_BIN / "kgraph"), "serve", str(store), "--port", str(kgraph_port)],
                  f"http://127.0.0.1:{kgraph_port}") as served, \
         _serving([str(VENV_BIN / "oxigraph"), "serve-read-only", "--location", str(store),
                   "--bind", f"127.0.0.1:{oxigraph_port}"], f"http://127.0.0.1:{oxigraph_port}") as plain:
        graphs = {"file": str(graph), "folder": str(store), "kgraph serve": served, "oxigraph": plain}
        _same_everywhere(CliRunner(), graphs, tmp_path)


def test_a_remote_store_answers_every_canned_query_like_the_file(tmp_path, sparql_server):
    """A store built over HTTP has only named graphs; queries read their union (issue 8.1),
    on Oxigraph through its union-default-graph, on Virtuoso through its default graph,
    without Virtuoso's own graphs (issue 11.5)."""
    examples = Path(__file__).resolve().parent.parent / "examples"
    graph = tmp_path / "g.ttl"
    build([str(examples)], store=sparql_server)
    build([str(examples)], graph)
    _same_everywhere(CliRunner(), {"file": str(graph), "remote": sparql_server}, tmp_path)


def test_removing_the_last_mention_of_an_actor_drops_it(tmp_path):
    folder, store = _articles(tmp_path / "in"), tmp_path / "kg"
    build([str(folder)], store=str(store))
    remove(str(folder / "b.txt"), str(store))
    db = ox.Store.read_only(str(store))
    labels = {r["l"].value for r in db.query(
        "SELECT ?l WHERE { GRAPH ?g { ?a <http://www.w3.org/2000/01/rdf-schema#label> ?l ; "
        "a <https://w3id.org/kgraph/ontology#Actor> } }")}
    del db
    assert "Japan" not in labels and "Russia" in labels


def test_the_last_version_of_a_url_sent_twice_stays_when_the_input_is_built_again(tmp_path):
    """Two JSON lines with one URL: the second replaces the first. Built again, the first used
    to be written (its graph was gone) and the second skipped (its graph was there): the store
    ended with the older text."""
    feed, store = tmp_path / "feed.jsonl", tmp_path / "kg"
    feed.write_text("\n".join(json.dumps({"url": "https://news.example/1", "text": text})
                              for text in ("Germany condemned Russia.", "Germany condemned Iran.")))
    for _ in range(2):
        build([str(feed)], store=str(store))
    assert {label for label, _ in _events(store)} == {"Germany condemn Iran"}


def test_the_summary_counts_only_the_version_of_a_url_that_stays(tmp_path):
    """The second of two JSON lines with one URL replaces the first in the store; the build's
    summary had counted the events of both."""
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(json.dumps({"url": "https://news.example/1", "text": text}) for text in (
        "Germany condemned Russia. France warned Iran.", "Germany condemned Iran.")))
    summary = build([str(feed)], store=str(tmp_path / "kg"))
    assert (summary.events, summary.actions) == (1, {"condemn": 1})
    assert {label for label, _ in _events(tmp_path / "kg")} == {"Germany condemn Iran"}
