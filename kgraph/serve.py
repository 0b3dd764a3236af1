"""`kgraph serve`: a store as a read-only SPARQL 1.1 endpoint, by Oxigraph's own server.

The server opens the store read-only (`oxigraph serve-read-only`), so any number of
`kgraph query` and `kgraph export` runs can read the store beside it. A build needs the store
alone: while the server runs it holds a shared lock, and `kgraph build --store` refuses with a
message saying so instead of writing under a reader (RocksDB's read-only mode is undefined
while another process writes).

Oxigraph listens on a loopback port only; clients talk to `gateway.Gateway`, which refuses
federated queries and passes the rest on. Oxigraph's own `--timeout-s` stops long queries,
also those whose clients have gone (it cannot tell), and everything it logs is read as it
comes (`serve_log.ServerLog`): a pipe nobody reads fills up after 64 KB and then stalls it.
"""
from __future__ import annotations

import ctypes
import errno
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

from . import sparql
from .errors import InputError, KgraphError, UsageError
from .gateway import Gateway
from .serve_log import ServerLog
from .reader import lock_for_reading
from .storefolder import is_store_folder

_START_TIMEOUT = 20.0
#: an engine that fails more often than this in the window is restarted after a pause: stopping
#: serve instead let any client end it for everyone with six requests
MAX_CRASHES, CRASH_WINDOW, CRASH_PAUSE = 5, 60.0, 10.0
DEFAULT_TIMEOUT = 30  # seconds: canned queries take at most ~6 s on a 1M-triple store


def oxigraph_binary() -> str:
    """The `oxigraph` server installed beside this Python (PyPI package `oxigraph`)."""
    beside = Path(sys.executable).parent / "oxigraph"
    found = str(beside) if beside.exists() else shutil.which("oxigraph")
    if not found:
        raise KgraphError("the Oxigraph server is not installed; install it with: pip install oxigraph")
    return found


_ORIGIN = re.compile(r"\*|https?://[^/\s?#]+/?")


def check_origin(origin: str) -> str:
    """A CORS origin as browsers send it (`https://yasgui.org`, `http://localhost:8888`) or
    `*` for any; a path or another scheme would never match a browser's Origin header."""
    if not _ORIGIN.fullmatch(origin):
        raise UsageError(f"--cors takes an origin such as https://yasgui.org or http://localhost:8888 "
                         f"(scheme, host and port, no path) or * for any, not '{origin}'")
    return origin.rstrip("/")


def serve(store: Path, *, host: str = "127.0.0.1", port: int = 7878, timeout: int = DEFAULT_TIMEOUT,
          allow_service: bool = False, cors: tuple[str, ...] = (),
          announce: Callable[[str], None] | None = print, ready: Callable[[str], None] | None = None,
          log_requests: Callable[[str], None] | None = None) -> None:
    """Run the endpoint until interrupted (Ctrl-C). `port` 0 picks a free one;
    `timeout`: seconds a query may run (0: no limit); `allow_service`: let federated queries
    through; `cors`: browser origins allowed to read its answers (`*`: any). Once it answers,
    `ready` gets its query URL and `announce` a few lines saying where it is and how to use it;
    `log_requests` gets one line per request."""
    cors = tuple(check_origin(origin) for origin in cors) if cors else ()
    if not is_store_folder(store):
        raise InputError(f"not a kgraph store folder: {store} (build one with kgraph build --store)")
    binary = oxigraph_binary()
    location, lock = lock_for_reading(store)
    try:
        gateway = Gateway((host, port), ("127.0.0.1", free_port()), timeout=timeout,
                          allow_service=allow_service, cors=cors, log=log_requests)
    except OSError as exc:
        lock.release()
        raise KgraphError(_listen_failure(host, port, exc)) from None
    previous = signal.signal(signal.SIGTERM, _stop)  # `kill` stops the server too
    engine = _Engine(binary, location, gateway.backend, gateway.backend_url, timeout)
    gateway.stuck = engine.stuck
    front = threading.Thread(target=gateway.serve_forever, daemon=True, name="gateway")
    try:
        engine.wait_until_up()
        front.start()
        url = f"http://{host}:{gateway.server_address[1]}/query"
        if ready:
            ready(url)
        if announce:
            _announce(announce, store, url, timeout, cors, building=location != store)
        engine.keep_running()
    except KeyboardInterrupt:
        pass
    finally:
        if front.is_alive():
            gateway.shutdown()
        gateway.server_close()
        engine.end()
        lock.release()
        signal.signal(signal.SIGTERM, previous)


def _announce(announce: Callable[[str], None], store: Path, url: str, timeout: int, cors: tuple[str, ...], *,
              building: bool) -> None:
    limit = f"queries stop after {timeout} s" if timeout else "no time limit"
    announce(f"serving {store} read-only at {url}  ({limit}; Ctrl-C to stop)")
    if building:
        announce("  a build is writing the store: this serves it as it was when the build "
                 "began; restart after the build to serve its articles")
    if cors:
        announce(f"  web pages from {', '.join(cors)} may query it from a browser (CORS)")
    announce(f"  curl -H 'Accept: text/csv' --data-urlencode "
             f"'query=SELECT * WHERE {{ ?s ?p ?o }} LIMIT 5' {url}")


class _Engine:
    """Oxigraph's server behind the gateway, replaced when a query the time limit did not stop
    holds it (`stuck`, from a request's thread) or when it ends by itself (a crash): it runs in
    its own process group, so terminal signals reach kgraph alone, and only kgraph ends it."""

    def __init__(self, binary: str, location: Path, backend: tuple[str, int], url: str, timeout: int) -> None:
        self.binary, self.location, self.backend, self.url, self.timeout = binary, location, backend, url, timeout
        self.process, self.log = _start_oxigraph(binary, location, backend, timeout)
        self.restart = threading.Event()  # set while one is replaced; cleared once the new one answers
        self.swap = threading.Lock()
        self.crashes: list[float] = []

    def wait_until_up(self) -> None:
        _wait_until_up(self.process, self.url, self.log)

    def stuck(self) -> None:
        """A query the time limit did not stop: only a new engine stops it."""
        with self.swap:
            if not self.restart.is_set():  # one restart at a time; none of the engine being started
                self.restart.set()
                self.process.kill()

    def keep_running(self) -> None:
        """Replace the engine each time it ends, until Ctrl-C."""
        while True:
            self.process.wait()
            if self.restart.is_set():
                why = f"a query ran past the time limit ({self.timeout} s) without stopping"
            else:
                self.restart.set()
                why = self._crashed()
            sys.stderr.write(f"kgraph: warning: {why}; the query engine is restarted\n")
            with self.swap:
                self.process, self.log = _start_oxigraph(self.binary, self.location, self.backend, self.timeout)
            self.wait_until_up()
            self.restart.clear()

    def _crashed(self) -> str:
        """Why the engine ended by itself; after more than MAX_CRASHES in CRASH_WINDOW, a pause
        first, so that a client crashing it on purpose does not make a tight loop of it."""
        now = time.monotonic()
        self.crashes = [t for t in self.crashes if now - t < CRASH_WINDOW] + [now]
        why = f"the query engine stopped ({self.log.last_error(self.process.returncode)})"
        if len(self.crashes) <= MAX_CRASHES:
            return why
        sys.stderr.write(f"kgraph: warning: {why}, {len(self.crashes)} times within "
                         f"{CRASH_WINDOW:.0f} s; waiting {CRASH_PAUSE:.0f} s\n")
        time.sleep(CRASH_PAUSE)
        return "after the pause"

    def end(self) -> None:
        _end(self.process)


def _start_oxigraph(binary: str, store: Path, backend: tuple[str, int],
                    timeout: int) -> tuple[subprocess.Popen, ServerLog]:
    """Oxigraph's read-only server on the loopback port behind the gateway; the store's
    default graph is the union of its article graphs (see store.LocalStore)."""
    command = [binary, "serve-read-only", "--location", str(store), "--bind", "{}:{}".format(*backend)]
    if timeout:
        command += ["--timeout-s", str(timeout)]
    # its own process group: Ctrl-C on the terminal reaches kgraph, which stops it, so that any
    # other end is a failure to restart from
    process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, preexec_fn=_die_with_parent, process_group=0)
    return process, ServerLog(process.stderr)


def _end(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _listen_failure(host: str, port: int, exc: OSError) -> str:
    """Why the endpoint cannot listen, and what to do about it, in one line."""
    if exc.errno == errno.EADDRINUSE:
        return (f"port {port} on {host} is already in use (another server, perhaps another kgraph "
                f"serve); choose another with --port, or --port 0 for a free one")
    if exc.errno == errno.EACCES:
        return f"no permission to listen on port {port} on {host}; ports below 1024 need root: choose --port 1024 or above"
    if isinstance(exc, socket.gaierror) or exc.errno == errno.EADDRNOTAVAIL:
        return f"cannot listen on {host}: not an address of this machine (try --host 127.0.0.1)"
    return f"cannot listen on {host}:{port}: {exc.strerror or exc}"


def _stop(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def free_port() -> int:
    """A TCP port free on the loopback interface now (for a server started next)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _die_with_parent() -> None:
    """In the server's process: end when kgraph ends, however it ends (Linux prctl)."""
    try:
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except OSError:
        pass


def _wait_until_up(process: subprocess.Popen, url: str, log: ServerLog) -> None:
    deadline = time.monotonic() + _START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise KgraphError(f"the Oxigraph server did not start: {log.last_error(process.returncode)}")
        try:
            urllib.request.urlopen(f"{url}?{sparql.PING_QUERY_STRING}", timeout=1).read()
            return
        except OSError:
            time.sleep(0.1)
    raise KgraphError(f"the Oxigraph server did not answer at {url} within {_START_TIMEOUT:.0f} s")
