"""Shared fixtures: the spaCy pipeline is loaded once per test session."""
from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from kgraph.serve import free_port  # noqa: F401  (the tests take their ports from here)

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))  # tools/virtuoso.py starts the Virtuoso the tests use
SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "examples"


def in_ci() -> bool:
    """Whether this is CI's run: `.ci/run` runs the suite with CI=true."""
    return os.environ.get("CI", "").strip().lower() in ("true", "1", "yes")


def require_shared(*paths: Path, what: str) -> None:
    """Skip the calling test when `paths` (in ../shared) are missing on a developer's machine;
    fail it in CI, where ../shared is always laid beside the clone, so that a test that never
    ran cannot pass for one that did."""
    missing = [str(path) for path in paths if not path.exists()]
    if not missing:
        return
    reason = f"{what} not found: {', '.join(missing)}"
    if in_ci():
        pytest.fail(f"{reason} (CI=true: CI has ../shared, so this fails instead of skipping)", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def nlp():
    from kgraph.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def extract(nlp):
    """extract(text) -> {(action, agent, target, modality)}, actors keyed like the scorer:
    by country code when they have one, else by name."""
    from kgraph.casing import text_for_parser, with_original_text
    from kgraph.extract import extract_events
    from kgraph.model import Article

    def key(actor):
        return None if actor is None else (actor.country or actor.name)

    def run(text: str, title: str | None = None) -> set[tuple]:
        article = Article(source="test.txt", text=text, title=title)
        result = extract_events(with_original_text(nlp(text_for_parser(text)), text), article)
        return {(e.action, key(e.agent), key(e.target), e.modality) for e in result.events}

    return run


class ServiceListener:
    """A loopback port that counts the connections made to it: the address a SERVICE clause
    names, to check that nobody calls it."""

    def __init__(self) -> None:
        import socket
        import threading

        self.sock = socket.create_server(("127.0.0.1", 0))
        self.sock.settimeout(0.05)
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}/sparql"
        self.connections = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except TimeoutError:
                continue
            self.connections += 1
            conn.close()

    def settled(self) -> int:
        """The count once a connection under way has had time to arrive."""
        import time

        time.sleep(0.05)
        return self.connections

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=2)
        self.sock.close()

    def __enter__(self) -> "ServiceListener":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


@pytest.fixture(scope="session")
def examples_ttl(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`kgraph build examples/` once per session, for the tests that read or corrupt a built graph."""
    from typer.testing import CliRunner

    from kgraph.cli import app

    output = tmp_path_factory.mktemp("built") / "examples.ttl"
    result = CliRunner().invoke(app, ["build", str(EXAMPLES), "--output", str(output), "--quiet"])
    assert result.exit_code == 0, f"{result.output}{result.exception or ''}"
    return output


def wait_for(url: str, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        assert process.poll() is None, "server exited"
        try:
            urllib.request.urlopen(url, timeout=1).read()
            return
        except OSError:
            time.sleep(0.1)
    raise AssertionError(f"{url} did not answer")


@pytest.fixture
def oxigraph_server(tmp_path):
    """A fresh Oxigraph server (`oxigraph serve`, read-write) on a loopback port: its URL."""
    port = free_port()
    process = subprocess.Popen([str(Path(sys.executable).parent / "oxigraph"), "serve", "--location",
                                str(tmp_path / "server"), "--bind", f"127.0.0.1:{port}"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_for(f"{url}/query?query=ASK%7B%7D", process)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="session")
def _virtuoso(tmp_path_factory):
    """One Virtuoso for the session, in a temporary folder (see tools/virtuoso.py). Where
    Debian's virtuoso-opensource is missing its tests are skipped, and fail under CI=true:
    `.ci/run` installs it."""
    import virtuoso

    if not virtuoso.installed():
        reason = "Virtuoso is not installed (apt-get install virtuoso-opensource)"
        if in_ci():
            pytest.fail(f"{reason}; CI=true: .ci/run installs it, so this fails instead of skipping",
                        pytrace=False)
        pytest.skip(reason)
    with virtuoso.virtuoso_server(tmp_path_factory.mktemp("virtuoso")) as url:
        yield url


def _emptied(url: str) -> str:
    """The Virtuoso at `url` without kgraph's graphs (its own stay, so that the tests see
    them hidden): each test starts from nothing."""
    from kgraph.store import RemoteStore
    from kgraph.vocab import ID

    store = RemoteStore(url)
    for graph in sorted(g for g in store.graph_names() if g.startswith(str(ID))):
        store.update(f"DROP SILENT GRAPH <{graph}>")
    assert not store.graph_names()
    return url


@pytest.fixture(params=["oxigraph", "virtuoso"])
def sparql_server(request):
    """A read-write SPARQL server with nothing in it, Oxigraph's and Virtuoso's in turn: its
    base URL. The remote store's tests run against both."""
    if request.param == "oxigraph":
        yield request.getfixturevalue("oxigraph_server")
    else:
        yield _emptied(request.getfixturevalue("_virtuoso"))


def server_quads(url: str) -> set[str]:
    """Every kgraph quad a SPARQL server holds, as N-Quads lines written by pyoxigraph (as
    `kgraph build --output graph.nq` writes them), read with SPARQL from either server."""
    import pyoxigraph as ox

    from kgraph.store import RemoteStore
    from kgraph.vocab import ID

    store = RemoteStore(url)
    query = f"SELECT ?s ?p ?o ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(STRSTARTS(STR(?g), \"{ID}\")) }}"
    data, _ = store.raw_query(query, "application/sparql-results+json", union=False)
    quads = [ox.Quad(*row) for row in ox.parse_query_results(data, format=ox.QueryResultsFormat.JSON)]
    return set(ox.serialize(quads, format=ox.RdfFormat.N_QUADS).decode("utf-8").splitlines())
