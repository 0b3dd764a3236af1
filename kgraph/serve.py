"""`kgraph serve`: a store as a read-only SPARQL 1.1 endpoint, by Oxigraph's own server.

The server opens the store read-only (`oxigraph serve-read-only`), so any number of
`kgraph query` and `kgraph export` runs can read the store beside it. A build needs the store
alone: while the server runs it holds a shared lock, and `kgraph build --store` refuses with a
message saying so instead of writing under a reader (RocksDB's read-only mode is undefined
while another process writes).
"""
from __future__ import annotations

import ctypes
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

from .errors import InputError, KgraphError
from .store import _Lock, is_store_folder

_START_TIMEOUT = 20.0


def oxigraph_binary() -> str:
    """The `oxigraph` server installed beside this Python (PyPI package `oxigraph`)."""
    beside = Path(sys.executable).parent / "oxigraph"
    found = str(beside) if beside.exists() else shutil.which("oxigraph")
    if not found:
        raise KgraphError("the Oxigraph server is not installed; install it with: pip install oxigraph")
    return found


def serve(store: Path, *, host: str = "127.0.0.1", port: int = 7878,
          announce: Callable[[str], None] = print) -> None:
    """Run the endpoint until interrupted (Ctrl-C)."""
    if not is_store_folder(store):
        raise InputError(f"not a kgraph store folder: {store} (build one with kgraph build --store)")
    lock = _Lock(store, exclusive=False)
    # the store's default graph is the union of its article graphs (see store.LocalStore)
    command = [oxigraph_binary(), "serve-read-only", "--location", str(store), "--bind", f"{host}:{port}"]
    previous = signal.signal(signal.SIGTERM, _stop)  # `kill` stops the server too
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               preexec_fn=_die_with_parent)
    try:
        url = f"http://{host}:{port}/query"
        _wait_until_up(process, url)
        announce(f"serving {store} read-only at {url}  (Ctrl-C to stop)")
        announce(f"  curl -H 'Accept: text/csv' --data-urlencode "
                 f"'query=SELECT * WHERE {{ ?s ?p ?o }} LIMIT 5' {url}")
        process.wait()
        if process.returncode:
            raise KgraphError(f"the Oxigraph server stopped: {_last_error(process)}")
    except KeyboardInterrupt:
        pass
    finally:
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
        lock.release()
        signal.signal(signal.SIGTERM, previous)


def _stop(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def _die_with_parent() -> None:
    """In the server's process: end when kgraph ends, however it ends (Linux prctl)."""
    try:
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except OSError:
        pass


def _wait_until_up(process: subprocess.Popen, url: str) -> None:
    deadline = time.monotonic() + _START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise KgraphError(f"the Oxigraph server did not start: {_last_error(process)}")
        try:
            urllib.request.urlopen(f"{url}?query=ASK%7B%7D", timeout=1).read()
            return
        except OSError:
            time.sleep(0.1)
    raise KgraphError(f"the Oxigraph server did not answer at {url} within {_START_TIMEOUT:.0f} s")


def _last_error(process: subprocess.Popen) -> str:
    stderr = process.stderr.read().decode("utf-8", "replace").strip() if process.stderr else ""
    return stderr.splitlines()[-1] if stderr else f"exit code {process.returncode}"
