"""`kgraph serve` as browsers and scripts meet it (issue 10.6): `--cors ORIGIN` for YASGUI or a
notebook on another origin, the printed URL taken by `kgraph query`, `--port 0`, a busy port."""
from __future__ import annotations

import re
import select
import signal
import socket
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kgraph.cli import app
from kgraph.pipeline import build

KGRAPH = str(Path(sys.executable).parent / "kgraph")
EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
NOTEBOOK = "http://localhost:8888"
runner = CliRunner()


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("browser") / "kg"
    build([str(EXAMPLES)], store=str(folder))
    return folder


@pytest.fixture(scope="module")
def served(store: Path):
    """`kgraph serve --port 0 -q --cors NOTEBOOK`: its first line is the URL, and nothing else."""
    server = subprocess.Popen([KGRAPH, "serve", str(store), "--port", "0", "-q", "--cors", NOTEBOOK],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        ready, _, _ = select.select([server.stdout], [], [], 60)
        assert ready, "kgraph serve printed no URL within 60 s"
        yield server.stdout.readline().strip()
    finally:
        server.send_signal(signal.SIGTERM)
        rest, errors = server.communicate(timeout=15)
        assert rest == "" and errors == "", (rest, errors)  # -q: the URL was the only line


def request(url: str, method: str = "GET", headers: dict[str, str] | None = None,
            query: str = "ASK {}") -> tuple[int, dict[str, str]]:
    target = f"{url}?{urllib.parse.urlencode({'query': query})}" if method == "GET" else url
    req = urllib.request.Request(target, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=10) as response:
            response.read()
            return response.status, dict(response.headers)
    except urllib.error.HTTPError as exc:
        exc.read()
        return exc.code, dict(exc.headers)


def test_port_0_picks_a_free_port_and_prints_the_url(served: str) -> None:
    host, port = urllib.parse.urlsplit(served).netloc.split(":")
    assert served == f"http://127.0.0.1:{port}/query" and host == "127.0.0.1" and int(port) > 0
    assert request(served)[0] == 200


def test_query_takes_the_url_serve_prints(served: str, store: Path) -> None:
    from_url = runner.invoke(app, ["query", served, "who-condemned-whom", "--format", "csv"])
    from_store = runner.invoke(app, ["query", str(store), "who-condemned-whom", "--format", "csv"])
    assert from_url.exit_code == 0, from_url.output
    assert from_url.stdout == from_store.stdout and "Germany" in from_url.stdout
    base = served.removesuffix("/query")  # the server's base works too, as before
    assert runner.invoke(app, ["query", base, "who-condemned-whom", "--format", "csv"]).stdout == from_url.stdout


def test_cors_lets_the_named_origin_read_answers(served: str) -> None:
    status, headers = request(served, headers={"Origin": NOTEBOOK})
    assert status == 200 and headers["Access-Control-Allow-Origin"] == NOTEBOOK
    status, headers = request(served, headers={"Origin": "https://elsewhere.example"})
    assert status == 200 and "Access-Control-Allow-Origin" not in headers  # the browser hides it
    status, headers = request(served, query="SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }",
                              headers={"Origin": NOTEBOOK})
    assert status == 403 and headers["Access-Control-Allow-Origin"] == NOTEBOOK  # a refusal is readable


def test_cors_preflight_for_a_post(served: str) -> None:
    preflight = {"Origin": NOTEBOOK, "Access-Control-Request-Method": "POST",
                 "Access-Control-Request-Headers": "content-type"}
    status, headers = request(served, "OPTIONS", preflight)
    assert status == 204
    assert headers["Access-Control-Allow-Origin"] == NOTEBOOK
    assert "POST" in headers["Access-Control-Allow-Methods"]
    assert headers["Access-Control-Allow-Headers"] == "content-type"
    assert request(served, "OPTIONS", {**preflight, "Origin": "https://elsewhere.example"})[0] == 403


def test_a_busy_port_gives_one_clear_line(store: Path) -> None:
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        result = subprocess.run([KGRAPH, "serve", str(store), "--port", str(port)],
                                capture_output=True, text=True, timeout=60)
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr == (f"kgraph: error: port {port} on 127.0.0.1 is already in use (another server, "
                             "perhaps another kgraph serve); choose another with --port, or --port 0 "
                             "for a free one\n")
    assert runner.invoke(app, ["query", str(store), "actors"]).exit_code == 0  # the store was let go


@pytest.mark.parametrize("origin", ["yasgui.org", "https://yasgui.org/sparql", "ftp://host"])
def test_a_malformed_origin_is_a_usage_error(store: Path, origin: str) -> None:
    result = runner.invoke(app, ["serve", str(store), "--cors", origin])
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.startswith("kgraph: error: --cors takes an origin") and origin in result.stderr


def test_verbose_serve_logs_each_request(store: Path) -> None:
    server = subprocess.Popen([KGRAPH, "serve", str(store), "--port", "0", "-v"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        ready, _, _ = select.select([server.stdout], [], [], 60)
        assert ready, "kgraph serve printed nothing within 60 s"
        first = server.stdout.readline()
        url = first.split(" at ", 1)[1].split()[0]
        assert first.startswith(f"serving {store} read-only at http://127.0.0.1:") and url.endswith("/query")
        assert request(url, query="ASK { ?s ?p ?o }")[0] == 200
    finally:
        server.send_signal(signal.SIGTERM)
        _, errors = server.communicate(timeout=15)
    assert re.search(r'^kgraph: 127\.0\.0\.1 "GET /query\?query=ASK\+%7B\+%3Fs\+%3Fp\+%3Fo\+%7D HTTP/1\.1" 200 -$',
                     errors, re.M), errors


def test_a_killed_server_takes_its_oxigraph_along_and_lets_the_store_go(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Germany condemned Russia.\n", encoding="utf-8")
    store = tmp_path / "kg"
    build([str(article)], store=str(store))
    server = subprocess.Popen([KGRAPH, "serve", str(store), "--port", "0", "-q"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        ready, _, _ = select.select([server.stdout], [], [], 60)
        assert ready, "kgraph serve printed no URL within 60 s"
        assert request(server.stdout.readline().strip())[0] == 200
        children = {int(pid) for task in Path(f"/proc/{server.pid}/task").iterdir()
                    for pid in (task / "children").read_text().split()}
        assert len(children) == 1, children  # Oxigraph's server, behind kgraph's gateway
    finally:
        server.kill()  # kill -9: no handler of kgraph's runs
        server.communicate(timeout=15)
    oxigraph = Path(f"/proc/{children.pop()}")
    for _ in range(100):  # it ends with its parent (PR_SET_PDEATHSIG), not orphaned to init
        if not oxigraph.exists() or "State:\tZ" in (oxigraph / "status").read_text():
            break
        select.select([], [], [], 0.1)
    else:
        pytest.fail(f"Oxigraph ({oxigraph}) still runs after kgraph serve was killed")
    (tmp_path / "b.txt").write_text("France supported Ukraine.\n", encoding="utf-8")
    result = runner.invoke(app, ["build", str(tmp_path / "b.txt"), "--store", str(store), "-q"])
    assert result.exit_code == 0, result.stderr  # no stale claim on the store is left behind
