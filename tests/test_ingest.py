"""The post-parse half of a build in its own process: the same graph as in-process, errors
that read the same, and Ctrl-C leaving a store of whole articles."""
from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import pytest

from kgraph.errors import OutputError
from kgraph.pipeline import build
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


def test_ctrl_c_stops_a_build_with_one_line_and_a_store_of_whole_articles(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(2000):
        (folder / f"{i:04}.txt").write_text(f"Russia condemned Ukraine on day {i}. Germany supplied tanks to Kyiv. "
                                            "France warned Russia against any new offensive in the east.\n")
    store = tmp_path / "kg"
    # Ctrl-C as on a terminal, even when this test runs where SIGINT is ignored (a background job)
    process = subprocess.Popen([str(VENV_BIN / "kgraph"), "build", str(folder), "--store", str(store)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not (store / "CURRENT").exists():
        time.sleep(0.05)
    time.sleep(1.5)
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 130
    assert "Traceback" not in err and err.strip().splitlines()[-1].startswith("kgraph: error: interrupted")
    db = ox.Store.read_only(str(store))  # the lock is free again: the ingest process has ended
    events = db.query("SELECT (COUNT(?e) AS ?n) WHERE { GRAPH ?g { ?e a <https://w3id.org/kgraph/ontology#Event> } }")
    orphans = db.query("ASK { GRAPH ?g { ?e a <https://w3id.org/kgraph/ontology#Event> "
                       "FILTER NOT EXISTS { ?e <http://www.w3.org/ns/prov#wasDerivedFrom> ?d } } }")
    assert int(next(events)["n"].value) > 0 and not bool(orphans)
    del db
    finished = build([str(folder)], store=str(store))  # the next build adds the rest
    assert 0 < finished.unchanged < 2000 and finished.articles == 2000
