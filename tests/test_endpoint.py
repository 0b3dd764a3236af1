"""`kgraph serve` and `kgraph query` under stress: time limits and Ctrl-C (issue 8.10).

All traffic goes to 127.0.0.1, and every request loop is bounded in count and time.
"""
from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kgraph.cli import app
from kgraph.pipeline import build

VENV_BIN = Path(sys.executable).parent
EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
CARTESIAN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"  # ~10^9 rows: minutes


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("endpoint") / "kg"
    build([str(EXAMPLES)], store=str(folder))
    return folder


# item 10 --------------------------------------------------------------------------------------

def test_query_timeout_stops_a_query(store):
    start = time.monotonic()
    result = CliRunner().invoke(app, ["query", str(store), CARTESIAN, "--timeout", "0.5"])
    assert result.exit_code == 124, result.output
    assert result.stderr.startswith("kgraph: error: the query did not finish within 0.5 s")
    assert time.monotonic() - start < 3


def test_ctrl_c_stops_a_query_at_once(store):
    process = subprocess.Popen([str(VENV_BIN / "kgraph"), "query", str(store), CARTESIAN],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        time.sleep(1.0)  # the query is running
        sent = time.monotonic()
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=3)
        assert time.monotonic() - sent < 1
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == 130 and err == "kgraph: error: interrupted; the query was stopped\n"
