"""The front door of `kgraph serve`: a small HTTP server that passes queries on to Oxigraph's.

Oxigraph's server has no switch to turn federated queries off: a `SERVICE <http://...>` in a
query makes it send a request to any address the client names, from inside the network it
runs in. The gateway reads each query before Oxigraph does and refuses those (unless
allowed), and it hands Oxigraph one canonical request (the query as the body, only the
dataset parameters in the URL), so what was checked is exactly what runs.

With `cors` origins, browsers on those origins may query it (YASGUI, a notebook): Oxigraph's
own `--cors` allows every origin and would not cover the gateway's own answers (a refused
query must be readable to the page that sent it), so the gateway answers preflights and adds
`Access-Control-Allow-Origin` itself, for the origins named only (or any, with `*`).

It also turns Oxigraph's way of reporting a query stopped by its time limit (a 200 answer
with the error text appended to the results) into an error a client notices: a 503 when
the answer had not started, a connection closed before the end of a chunked answer else.
"""
from __future__ import annotations

import http.client
import re
import socket
import sys
import threading
import time
from collections.abc import Callable
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from .errors import describe, one_line
from .sparql_text import too_complex, update_keyword, uses_service, without_character_classes

MAX_QUERY_BYTES = 1 << 20
MAX_REQUESTS = 256  # at once; more are answered 503 at once instead of queueing threads
CLIENT_TIMEOUT = 30.0  # seconds a client may take to send its request or to read an answer
_DATASET_PARAMETERS = ("default-graph-uri", "named-graph-uri")
_PAGES = ("/", "/yasgui.min.css", "/yasgui.min.js", "/logo.svg")  # Oxigraph's query page (YASGUI)
_HELD = 64 * 1024  # an answer this short is checked whole before its status is sent
_CANCELLED = b"The SPARQL operation has been cancelled"
_CORS_MAX_AGE = 600  # seconds a browser may keep a preflight's answer
_HOST = re.compile(r"[A-Za-z0-9.-]+(?::\d{1,5})?|\[[0-9A-Fa-f:.]+\](?::\d{1,5})?")  # a Host header fit for a URL


class Gateway(ThreadingHTTPServer):
    """Listens on the public address; `backend` is Oxigraph's server on a loopback port."""

    daemon_threads = True
    request_queue_size = 128

    def __init__(self, address: tuple[str, int], backend: tuple[str, int], *, timeout: float,
                 allow_service: bool = False, cors: tuple[str, ...] = (),
                 log: Callable[[str], None] | None = None) -> None:
        super().__init__(address, _Handler)
        self.backend = backend
        self.backend_url = "http://{}:{}/query".format(*backend)  # Oxigraph's, on the loopback port
        self.timeout_s = timeout
        self.allow_service = allow_service
        self.cors = frozenset(origin.rstrip("/") for origin in cors)
        self.log = log
        self._slots = threading.BoundedSemaphore(MAX_REQUESTS)
        #: called when the backend ran past the time limit without stopping (an aggregate over a
        #: cross product: Oxigraph checks its limit between answer rows); `serve` restarts it
        self.stuck: Callable[[], None] | None = None

    def process_request(self, request, client_address) -> None:  # type: ignore[override]
        if not self._slots.acquire(blocking=False):
            _refuse_busy(request)
            self.shutdown_request(request)
            return
        super().process_request(request, client_address)

    def handle_error(self, request, client_address) -> None:  # type: ignore[override]
        """A client that hangs up mid-answer is no error of the server's (socketserver printed two
        tracebacks for it); anything else is one line on stderr, and the server goes on."""
        exc = sys.exc_info()[1]
        if isinstance(exc, (ConnectionError, TimeoutError)):
            return
        sys.stderr.write(one_line(f"kgraph: warning: a request from {client_address[0]} failed: {describe(exc)}") + "\n")

    def process_request_thread(self, request, client_address) -> None:  # type: ignore[override]
        try:
            super().process_request_thread(request, client_address)
        finally:
            self._slots.release()


class _Handler(BaseHTTPRequestHandler):
    server: Gateway
    protocol_version = "HTTP/1.1"
    timeout = CLIENT_TIMEOUT
    wbufsize = 1 << 16  # headers and a short answer leave in one segment (no Nagle wait)
    server_version = "kgraph"
    sys_version = ""

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        """Silent unless asked (`kgraph serve --verbose`): Oxigraph logs the queries itself."""
        if self.server.log:
            self.server.log(one_line(f"{self.client_address[0]} {format % args}"))

    def version_string(self) -> str:
        return self.server_version  # not "kgraph " with an empty Python version after it

    def do_GET(self) -> None:
        self._route()

    def do_POST(self) -> None:
        self._route()

    def _read_only(self) -> None:
        """PUT, DELETE, PATCH and HEAD: 405 with what is allowed (Python's HTML 501 page before)."""
        self.close_connection = True
        data = b"" if self.command == "HEAD" else b"kgraph serve is read-only: send queries to /query\n"
        self.send_response(405)
        self.send_header("Allow", "GET, POST, OPTIONS")
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(data)

    do_HEAD = do_PUT = do_DELETE = do_PATCH = _read_only

    def do_OPTIONS(self) -> None:
        """A browser's CORS preflight before a POST with a SPARQL body."""
        self.close_connection = True
        self.send_response(204 if self._allowed_origin() else 403)
        if self._allowed_origin():
            self.send_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
            self.send_header("Access-Control-Allow-Headers",
                             self.headers.get("Access-Control-Request-Headers", "Content-Type, Accept"))
            self.send_header("Access-Control-Max-Age", str(_CORS_MAX_AGE))
        self._cors_headers()
        self.send_header("Content-Length", "0")
        self.send_header("Connection", "close")
        self.end_headers()

    def _allowed_origin(self) -> str | None:
        """The value for Access-Control-Allow-Origin, when the request's origin may read answers."""
        origin = self.headers.get("Origin")
        if not origin or not self.server.cors:
            return None
        if "*" in self.server.cors:
            return "*"
        return origin if origin.rstrip("/") in self.server.cors else None

    def _cors_headers(self) -> None:
        allowed = self._allowed_origin()
        if allowed:
            self.send_header("Access-Control-Allow-Origin", allowed)
        if self.server.cors and "*" not in self.server.cors:
            self.send_header("Vary", "Origin")  # caches must not hand one origin's answer to another

    def _route(self) -> None:
        self.close_connection = True
        url = urllib.parse.urlsplit(self.path)
        try:
            if url.path == "/query":
                self._query(url)
            elif self.command == "GET" and (url.path in _PAGES or url.path.startswith("/store")):
                self._forward("GET", self.path, None, None)  # Oxigraph's page, graph downloads
            elif self.command == "GET":
                self._reply(404, "not found: send queries to /query")
            else:
                self._reply(405, "kgraph serve is read-only: send queries to /query")
        except OSError:
            pass  # the client went away or stalled, or Oxigraph broke off mid-answer

    def _query(self, url: urllib.parse.SplitResult) -> None:
        try:  # bytes that are not UTF-8 had become U+FFFD, and the query ran
            params = urllib.parse.parse_qs(url.query, keep_blank_values=True, errors="strict")
            if self.command == "POST":
                body = self._body()
                if body is None:
                    return
                kind = self.headers.get("Content-Type", "").split(";")[0].strip().lower()
                if kind == "application/sparql-query":
                    params.setdefault("query", []).append(body.decode("utf-8"))
                elif kind == "application/x-www-form-urlencoded":
                    for name, values in urllib.parse.parse_qs(body.decode("utf-8"), keep_blank_values=True,
                                                              errors="strict").items():
                        params.setdefault(name, []).extend(values)
                else:
                    self._reply(415, "send a query as application/sparql-query or a form field 'query'")
                    return
        except UnicodeDecodeError:
            self._reply(400, "the request is not UTF-8: a SPARQL query is sent as UTF-8")
            return
        if "update" in params or any(update_keyword(text) for text in params.get("query", [])):
            self._reply(403, "kgraph serve is read-only: SPARQL Update is refused")
            return
        if "query" not in params and self.command == "GET":  # the service description
            self._forward("GET", "/query", None, None, describes=True)
            return
        if len(params.get("query", [])) != 1:
            self._reply(400, "give exactly one 'query'")
            return
        text = params["query"][0]
        if not self.server.allow_service and uses_service(text):
            self._reply(403, "federated queries (SERVICE) are refused by this endpoint: they make "
                             "the server send requests to other addresses (kgraph serve --allow-service "
                             "allows them)")
            return
        refused = too_complex(text)
        if refused:
            self._reply(400, refused)
            return
        # union-default-graph is dropped: a kgraph store's default graph already is the union
        dataset = [(n, v) for n in _DATASET_PARAMETERS for v in params.get(n, [])]
        target = "/query" + (f"?{urllib.parse.urlencode(dataset)}" if dataset else "")
        self._forward("POST", target, text.encode("utf-8"), "application/sparql-query")

    def _body(self) -> bytes | None:
        length = self.headers.get("Content-Length")
        if length is None or not length.isdigit():
            self._reply(411, "a POST needs a Content-Length")
            return None
        if int(length) > MAX_QUERY_BYTES:
            self._reply(413, f"a query may be at most {MAX_QUERY_BYTES} bytes")
            return None
        return self.rfile.read(int(length))

    def _forward(self, method: str, target: str, body: bytes | None, content_type: str | None, *,
                 describes: bool = False) -> None:
        """Send the request on to Oxigraph and its answer back; `describes`: the answer is the
        service description, which names Oxigraph's own loopback address as the endpoint."""
        self._describes = describes
        limit = self.server.timeout_s
        backend = _Backend(*self.server.backend, timeout=limit + 10 if limit else None)
        headers = {"Accept": self.headers.get("Accept", "*/*")}
        if content_type:
            headers["Content-Type"] = content_type
        self._asked_at = time.monotonic()
        try:
            backend.request(method, target, body=body, headers=headers)
            response = backend.getresponse()
        except TimeoutError:
            backend.close()
            self._stalled()  # past the limit without a word: only a new engine stops it
            self._reply(503, f"the query ran past the server's time limit ({limit:g} s) and was stopped "
                             "(the query engine restarted); kgraph serve --timeout sets the limit")
            return
        except OSError as exc:
            backend.close()
            self._reply(502, f"the Oxigraph server behind kgraph serve did not answer: {exc}")
            return
        try:
            self._relay(response)
        finally:
            backend.close()

    def _relay(self, response: http.client.HTTPResponse) -> None:
        """Pass the answer on; an answer cut by the time limit must not read as complete."""
        held = b""
        try:
            while len(held) < _HELD and (chunk := response.read1(_HELD)):
                held += chunk
        except TimeoutError:
            self._stalled()
            self._reply(503, f"the query stalled past the server's time limit ({self.server.timeout_s:g} s) and "
                             "was stopped (the query engine restarted); kgraph serve --timeout sets the limit")
            return
        except (OSError, http.client.HTTPException) as exc:
            self._reply(502, f"the Oxigraph server behind kgraph serve failed to answer: {exc!r}")
            return
        content_type = response.getheader("Content-Type", "application/octet-stream")
        if len(held) < _HELD:  # the whole answer is here
            if response.status == 400:  # Oxigraph's parse error: its character classes filled five lines
                held = (without_character_classes(held.decode("utf-8", "replace")) + "\n").encode("utf-8")
            if self._describes:
                held = held.replace(self.server.backend_url.encode(), self._public_url().encode())
            if self._cancelled(held):
                self._reply(503, f"the query was stopped by the server's time limit "
                                 f"({self.server.timeout_s:g} s); kgraph serve --timeout sets it")
                return
            self._start(response.status, content_type, length=len(held))
            self.wfile.write(held)
            return
        chunked = self.request_version != "HTTP/1.0"
        self._start(response.status, content_type, chunked=chunked)
        keep = len(_CANCELLED) + 8  # the tail waits until we know the answer was not cut
        while True:
            try:
                chunk = response.read1(_HELD)
            except http.client.HTTPException:
                return  # Oxigraph broke off: so does the answer
            except TimeoutError:  # rows, then none for longer than the limit: past the limit's checks
                self._stalled()
                return  # the answer is cut (no final chunk)
            if not chunk:
                break
            held += chunk
            self._send(held[:-keep], chunked)  # a client that stalls times out here, as an OSError
            held = held[-keep:]
        if self._cancelled(held):
            return  # no final chunk: the client sees an incomplete answer
        self._send(held, chunked)
        if chunked:
            self.wfile.write(b"0\r\n\r\n")

    def _start(self, status: int, content_type: str, *, length: int | None = None,
               chunked: bool = False) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        if length is not None:
            self.send_header("Content-Length", str(length))
        if chunked:
            self.send_header("Transfer-Encoding", "chunked")
        self._cors_headers()
        self.send_header("Connection", "close")
        self.end_headers()

    def _stalled(self) -> None:
        """The engine ran past the time limit without stopping, before its answer or after part of
        it: it computes between two rows, where Oxigraph does not look at its limit ("{ ?a ?b ?c }
        UNION { a count over a cross product }"). Only a new engine stops it."""
        if self.server.stuck is not None:
            self.server.stuck()

    def _public_url(self) -> str:
        """This endpoint's URL as the client reached it (its Host header, when it is a host)."""
        host = self.headers.get("Host", "")
        if not _HOST.fullmatch(host):
            host = "{}:{}".format(*self.server.server_address[:2])
        return f"http://{host}/query"

    def _cancelled(self, tail: bytes) -> bool:
        """Whether an answer ends with Oxigraph's note that the time limit stopped it: the note,
        once the limit has passed (an answer whose last value is that sentence is no note)."""
        limit = self.server.timeout_s
        return (bool(limit) and time.monotonic() - self._asked_at >= 0.9 * limit
                and tail.rstrip().endswith(_CANCELLED))

    def _send(self, data: bytes, chunked: bool) -> None:
        if data:
            self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data) if chunked else data)

    def _reply(self, status: int, message: str) -> None:
        data = (message + "\n").encode("utf-8")
        self._start(status, "text/plain; charset=utf-8", length=len(data))
        self.wfile.write(data)


class _Backend(http.client.HTTPConnection):
    """A connection to Oxigraph with a small receive window: when a client stops reading,
    Oxigraph soon blocks on its write, and stops when the connection is closed, instead of
    first filling megabytes of socket buffers with an answer nobody reads."""

    def connect(self) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, _HELD)
        self.sock.settimeout(self.timeout)
        self.sock.connect((self.host, self.port))
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)


def _refuse_busy(request) -> None:
    try:
        request.sendall(b"HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain\r\n"
                        b"Connection: close\r\nContent-Length: 34\r\n\r\ntoo many requests at once; retry\r\n")
    except OSError:
        pass
