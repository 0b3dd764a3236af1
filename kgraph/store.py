"""Where graphs live: an embedded Oxigraph store on disk, a remote SPARQL 1.1 store, or a
temporary store that a build dumps into an RDF file.

Every store keeps one named graph per article (see `rdf.py`) and offers the same few
operations (`graphsource.WritableGraphSource`), so the build, query and export commands do
not care which one they talk to; the SPARQL they send is in `sparql.py`.
A local store folder is guarded by a lock file: one writer at a time, and no reader while a
writer runs (RocksDB's read-only mode is undefined while another process writes); readers then
read the checkpoint the writer made as it began (see `snapshot.py`).
"""
from __future__ import annotations

import html
import http.client
import json
import re
import shutil
import tempfile
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from . import snapshot
from .errors import InputError, KgraphError, OutputError, QueryError, UsageError
from .model import Actor
from .formats import check_written
from .jsonld import write_jsonld
from .lock import StoreBusyError, StoreLock  # noqa: F401 - callers import StoreBusyError here
from . import sparql
from .rdf import ArticleRdf, actor_from_row, document_iri
from .storefolder import (
    check_store_folder, creation_failure, damage_in, damaged, open_failure, remove_stale_temporaries, write_failure,
)
from .vocab import PREFIXES

FLUSH_EVERY = 100  # articles between flushes of the embedded store
_HTTP_TIMEOUT = 60
# the endpoints of Oxigraph server's layout, then Virtuoso's: a URL may name any of them
_SERVER_ENDPOINTS = ("/query", "/update", "/store", "/sparql-graph-crud-auth", "/sparql-graph-crud", "/sparql")
#: graphs Virtuoso keeps for itself (its RDF views' metadata, the LDP vocabulary), left out of
#: every query; its SPARQL service description graph is found when a store is opened
VIRTUOSO_OWN_GRAPHS = ("http://www.openlinksw.com/schemas/virtrdf#", "http://www.w3.org/ns/ldp#")
_SERVICE = "http://www.w3.org/ns/sparql-service-description#Service"


def is_remote(target: str) -> bool:
    return target.lower().startswith(("http://", "https://"))  # "HTTP://host" too


#: a URL of any scheme ("ftp://host/kg"): a store is a folder or an http(s) server, and such a
#: name made as a folder path became "folder does not exist: ftp:/host"
_URL_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*)://")


def check_location(target: str) -> None:
    """Refuse a URL that is no http(s) SPARQL server, before it is read as a path, and an empty
    name, which as a path is the working folder."""
    if target == "":  # bad input as an empty path is, not a bad option value
        raise InputError("the graph or store is named by an empty string (an unset variable?)")
    scheme = _URL_SCHEME.match(target)
    if scheme and not is_remote(target):
        raise UsageError(f"{target}: not a folder, a file or an http:// or https:// SPARQL server "
                         f"({scheme.group(1)}:// is not supported)")


def server_base(url: str) -> str:
    """A SPARQL server's base URL from its base or from one of its endpoints:
    `http://host:7878/query` (as `kgraph serve` prints it) and `http://host:7878` are one, as
    are Virtuoso's `http://host:8890/sparql` and `http://host:8890`."""
    parts = urllib.parse.urlsplit(url)
    path = parts.path.rstrip("/")
    for endpoint in _SERVER_ENDPOINTS:
        if path.endswith(endpoint):
            path = path[: -len(endpoint)]
            break
    return urllib.parse.urlunsplit((parts.scheme, parts.netloc, path, "", "")).rstrip("/")


class GraphStore:
    """The operations a build needs from any store, and those a reader needs (see
    `graphsource.GraphSource`): queries, graph names, a dump to a file."""

    #: whether the default graph holds a copy of the union that updates must keep in step
    mirrors_union = False

    def query(self, text: str, *, prefixes: dict[str, str], use_default_graph_as_union: bool = True) -> Any:
        """A user's query answered as `pyoxigraph.Store.query` answers it, over the union of
        the article graphs."""
        raise NotImplementedError

    def dump(self, output: Path, fmt: ox.RdfFormat) -> int:
        """The whole graph written to `output` (see `dump_store`); how many quads or triples."""
        raise NotImplementedError

    def __enter__(self) -> GraphStore:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def graph_names(self) -> set[str]:
        """The IRIs of the named graphs in the store."""
        rows = self.select(sparql.GRAPH_NAMES)
        return {row["g"] for row in rows if row["g"]}

    def put_article(self, rdf: ArticleRdf) -> None:
        """Store an article's graph, replacing any older graph of the same source, atomically."""
        raise NotImplementedError

    def remove_source(self, source: str) -> int:
        """Delete the graphs of one source; return how many there were."""
        raise NotImplementedError

    def update(self, sparql: str) -> None:
        raise NotImplementedError

    def select(self, sparql: str) -> list[dict[str, str | None]]:
        raise NotImplementedError

    def close(self) -> None:
        pass

    # shared helpers -------------------------------------------------------------------------

    def graphs_of(self, source: str) -> list[str]:
        return self.graphs_of_document(document_iri(source))

    def graphs_of_document(self, document: ox.NamedNode) -> list[str]:
        """The article graphs (one, or two while a changed article is replaced) of a document."""
        rows = self.select(sparql.graphs_of_document(document))
        return [row["g"] for row in rows if row["g"]]

    def known_actors(self) -> list[Actor]:
        return [actor_from_row(r["name"], r["kind"], r["iso"])
                for r in self.select(sparql.known_actors_query()) if r["name"] and r["kind"]]

    def refresh_stats(self) -> None:
        self.update(sparql.stats_update())


class LocalStore(GraphStore):
    """An Oxigraph store in a folder (RocksDB), or in a temporary folder for file output.

    Besides the named graphs, the default graph holds a copy of their union, kept in step on
    every write: queries read it directly, which is several times faster than Oxigraph's
    union-of-named-graphs view over thousands of article graphs.
    """

    mirrors_union = True

    def __init__(self, folder: Path, *, temporary: bool = False, create: bool = True,
                 output: Path | None = None) -> None:
        self.folder = folder
        self.temporary = temporary
        self.name = str(output) if output else f"store {folder}"  # what a failed write names
        self.store = None
        created = temporary
        if not temporary:
            check_store_folder(folder, create=create, error=OutputError if create else InputError)
            if folder.parent.exists() and not folder.parent.is_dir():
                raise OutputError(f"store's folder is a file, not a folder: {folder.parent}")
            if not folder.parent.is_dir():
                raise OutputError(f"folder does not exist: {folder.parent}")
            created = not folder.exists()
            try:
                folder.mkdir(exist_ok=True)
            except OSError as exc:
                raise creation_failure(f"store {folder}", folder.parent, exc) from None
        try:
            self._lock = StoreLock(folder, exclusive=True)
        except KgraphError:
            if created:
                shutil.rmtree(folder, ignore_errors=True)
            raise
        self._written = 0
        try:
            self.store = ox.Store(str(folder))
        except (OSError, RuntimeError) as exc:  # RocksDB: disk full, damaged files
            self._lock.release()
            if created:  # nothing of ours was in it: leave nothing behind
                shutil.rmtree(folder, ignore_errors=True)
            raise open_failure(folder, exc, OutputError if create else InputError, output=output) from None
        if not temporary:
            self._publish_snapshot()

    def _publish_snapshot(self) -> None:
        """Readers read the store as it is now while this build writes (see `snapshot`)."""
        with self._guarded():
            if next(iter(self.store.named_graphs()), None) is None:
                return  # nothing to read yet
            try:
                snapshot.publish(self.store, self.folder)
            except OSError as exc:
                if damage_in(exc) is not None:
                    raise
                # else readers are refused with a message, as without snapshots

    @classmethod
    def temporary_beside(cls, output: Path) -> LocalStore:
        """A new store beside `output` (same file system: the file is renamed out of it),
        after removing any a killed build left there."""
        folder = output.parent if str(output.parent) else Path(".")
        remove_stale_temporaries(output)
        try:
            made = tempfile.mkdtemp(prefix=f".{output.name}.", suffix=".store", dir=folder)
        except OSError as exc:  # the user named the file, so the message does too
            raise creation_failure(output, folder, exc) from None
        return cls(Path(made), temporary=True, output=output)

    @contextmanager
    def _guarded(self) -> Iterator[None]:
        """A failed write (disk full, read-only file system) or a damaged file met on the way,
        as one line naming the store."""
        try:
            yield
        except (OSError, RuntimeError) as exc:
            if damage_in(exc) is not None:
                raise damaged(self.folder, str(exc)) from None
            if isinstance(exc, RuntimeError):
                raise
            raise write_failure(self.name, exc, OutputError) from None

    def graph_names(self) -> set[str]:
        with self._guarded():
            return {graph.value for graph in self.store.named_graphs() if isinstance(graph, ox.NamedNode)}

    def put_article(self, rdf: ArticleRdf) -> None:
        with self._guarded():
            self._put_article(rdf)

    def _put_article(self, rdf: ArticleRdf) -> None:
        self._written += 1
        if self._written % FLUSH_EVERY == 0:
            self.store.flush()  # memtables to disk: memory stays bounded on long builds
        old = [g for g in self.graphs_of_document(rdf.document) if g != rdf.graph.value]
        copies = [ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph()) for q in rdf.quads]
        if not old:
            self.store.extend(rdf.quads + copies)  # one transaction
            return
        self.store.update(sparql.replace_graphs(old, rdf.quads))  # one transaction

    def graphs_of_document(self, document: ox.NamedNode) -> list[str]:
        with self._guarded():
            return sorted({q.graph_name.value for q in self.store.quads_for_pattern(document, None, None, None)
                           if isinstance(q.graph_name, ox.NamedNode)})

    def remove_source(self, source: str) -> int:
        graphs = self.graphs_of(source)
        if graphs:
            self.update(sparql.drop_graphs(graphs).rstrip(" ;"))
        return len(graphs)

    def refresh_stats(self) -> None:
        self.update(sparql.stats_update(mirror=True))

    def update(self, sparql: str) -> None:
        with self._guarded():
            self.store.update(sparql)

    def select(self, sparql: str) -> list[dict[str, str | None]]:
        with self._guarded():
            result = self.store.query(sparql)
            names = [v.value for v in result.variables]
            return [{n: (s[n].value if s[n] is not None else None) for n in names} for s in result]

    def query(self, text: str, *, prefixes: dict[str, str], use_default_graph_as_union: bool = True) -> Any:
        """The default graph already holds the union: read it as it is."""
        with self._guarded():
            return self.store.query(text, prefixes=prefixes)

    def dump(self, output: Path, fmt: ox.RdfFormat) -> int:
        with self._guarded():
            return dump_store(self.store, output, fmt)

    def triple_count(self) -> int:
        """Distinct triples: the size of the union kept in the default graph."""
        with self._guarded():
            return sum(1 for _ in self.store.quads_for_pattern(None, None, None, ox.DefaultGraph()))

    def close(self) -> None:
        """Flush and let go; a temporary store is deleted (it needs no flush)."""
        try:
            if self.store is not None and not self.temporary:
                with self._guarded():
                    self.store.flush()
        finally:
            self.store = None
            if not self.temporary:
                with suppress(OSError):  # the lock must go whatever happens
                    snapshot.retire(self.folder)  # before the lock goes: a next build may publish its own
            self._lock.release()
            if self.temporary:
                shutil.rmtree(self.folder, ignore_errors=True)


class RemoteStore(GraphStore):
    """A SPARQL 1.1 store over HTTP (Oxigraph server, Virtuoso): one Graph Store Protocol
    request per article, queries and updates through the SPARQL Protocol.

    `url` is the server's base or one of its endpoints. Which server it is comes from the
    `Server` header of the first answer, so the URL a user already has works as it is:
    Oxigraph's layout is `/query`, `/update` and `/store`, and its default graph is empty
    unless asked for the union (`union-default-graph`); Virtuoso's is `/sparql` for both
    (form-encoded: it reads `application/sparql-query` bodies badly) and
    `/sparql-graph-crud`, and its default graph is always the union of all its graphs, its
    own among them (left out here) and a triple once per graph that holds it.
    """

    def __init__(self, url: str, *, write: bool = True) -> None:
        self.base = server_base(url)
        # a server that cannot be reached is an output a build cannot write, an input a query cannot read
        self._unreachable: type[KgraphError] = OutputError if write else InputError
        self.kind = self._server_kind()
        if self.kind == "virtuoso":
            self.query_url = self.update_url = f"{self.base}/sparql"
            self.store_url = f"{self.base}/sparql-graph-crud"
        else:
            self.query_url = f"{self.base}/query"
            self.update_url = f"{self.base}/update"
            self.store_url = f"{self.base}/store"
        self._prologue = ""
        self._union: bool | None = None
        self.select(sparql.PING)  # fail early when the server is not there
        if self.kind == "virtuoso":
            found = self.select(sparql.graphs_with_type(_SERVICE))
            own = [*VIRTUOSO_OWN_GRAPHS, *sorted(row["g"] for row in found if row["g"])]
            self._prologue = "".join(f"define input:default-graph-exclude <{g}>\n"
                                     f"define input:named-graph-exclude <{g}>\n" for g in own)

    def _server_kind(self) -> str:
        """'virtuoso' when the server says it is one, else 'oxigraph' (any server laid out
        like Oxigraph's)."""
        request = urllib.request.Request(f"{self.base}/query?{sparql.PING_QUERY_STRING}", method="GET")
        try:
            with urllib.request.urlopen(request, timeout=_HTTP_TIMEOUT) as response:
                server = response.headers.get("Server", "")
        except urllib.error.HTTPError as exc:  # Virtuoso has no /query: its 404 names it
            server = exc.headers.get("Server", "") if exc.headers else ""
        except (urllib.error.URLError, OSError) as exc:
            raise self._unreachable(f"cannot reach SPARQL store {self.base}: {getattr(exc, 'reason', exc)}") from None
        return "virtuoso" if server.lower().startswith("virtuoso") else "oxigraph"

    def graph_names(self) -> set[str]:
        if self.kind != "virtuoso":
            return super().graph_names()
        # Virtuoso answers `GRAPH ?g { }` with one empty row
        rows = self.select(sparql.NONEMPTY_GRAPH_NAMES)
        return {row["g"] for row in rows if row["g"]}

    def put_article(self, rdf: ArticleRdf) -> None:
        old = [g for g in self.graphs_of_document(rdf.document) if g != rdf.graph.value]
        own = [q for q in rdf.quads if q.graph_name == rdf.graph]
        shared = [q for q in rdf.quads if q.graph_name != rdf.graph]
        body = ox.serialize(_triples(own), format=ox.RdfFormat.N_TRIPLES)
        self._request("PUT", f"{self.store_url}?graph={urllib.parse.quote(rdf.graph.value, safe='')}",
                      body, "application/n-triples")
        for graph in {q.graph_name.value for q in shared}:  # the actors graph grows (POST merges)
            body = ox.serialize(_triples(q for q in shared if q.graph_name.value == graph),
                                format=ox.RdfFormat.N_TRIPLES)
            self._request("POST", f"{self.store_url}?graph={urllib.parse.quote(graph, safe='')}",
                          body, "application/n-triples")
        for graph in old:  # the new graph is in before the old one goes: never neither
            self._request("DELETE", f"{self.store_url}?graph={urllib.parse.quote(graph, safe='')}")

    def remove_source(self, source: str) -> int:
        graphs = self.graphs_of(source)
        for graph in graphs:
            self._request("DELETE", f"{self.store_url}?graph={urllib.parse.quote(graph, safe='')}")
        return len(graphs)

    def update(self, sparql: str) -> None:
        self._request("POST", self.update_url, *self._body(sparql, "update"))

    def _body(self, sparql: str, operation: str) -> tuple[bytes, str]:
        """A query or update as the server takes it: Virtuoso's as a form field `query`
        (updates too), after the prologue that hides its own graphs."""
        if self.kind == "virtuoso":
            form = urllib.parse.urlencode({"query": self._prologue + sparql})
            return form.encode("ascii"), "application/x-www-form-urlencoded"
        return sparql.encode("utf-8"), f"application/sparql-{operation}"

    def select(self, sparql: str) -> list[dict[str, str | None]]:
        data = self._request("POST", self.query_url, *self._body(sparql, "query"),
                             accept="application/sparql-results+json")
        # read as plain JSON: pyoxigraph's result objects may not be dropped on another thread,
        # which the garbage collector may do when a Dask client runs beside (`cluster.py`)
        result = json.loads(data)
        names = result.get("head", {}).get("vars", [])
        return [{n: (row[n]["value"] if n in row else None) for n in names}
                for row in result.get("results", {}).get("bindings", [])]

    @property
    def union(self) -> bool:
        """Whether a user's query must ask for the union of the graphs, asked once: a server
        whose default graph holds triples is read as it is (`kgraph serve`, whose store keeps
        the union of its article graphs there, or a server with plain triples); one whose
        default graph is empty (a store `kgraph build --store URL` wrote: only named graphs)
        is read through Oxigraph's `union-default-graph`. Asking for the union where the
        default graph already holds it would count every triple once per graph it is in (a
        join of n patterns 2^n times). Virtuoso's default graph always is the union of its
        graphs, a triple once per graph."""
        if self._union is None and self.kind == "virtuoso":
            self._union = True
        if self._union is None:
            data, _ = self.raw_query(sparql.DEFAULT_GRAPH_HOLDS_TRIPLES, "application/sparql-results+json",
                                     union=False)
            self._union = not bool(ox.parse_query_results(data, format=ox.QueryResultsFormat.JSON))
        return self._union

    def query(self, text: str, *, prefixes: dict[str, str], use_default_graph_as_union: bool = True) -> Any:
        """The server's answer as pyoxigraph objects, the query parsed here first so that
        syntax errors read as for files; a refusal or failure of the server is a QueryError."""
        declared = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in prefixes.items()
                           if not re.search(rf"PREFIX\s+{re.escape(p)}:", text, re.I))
        ox.Store().query(text, prefixes=prefixes)
        try:
            data, content_type = self.raw_query(
                declared + text, "application/sparql-results+json, application/n-triples;q=0.9",
                union=use_default_graph_as_union and self.union)
        except OutputError as exc:  # the server refused or failed the query
            raise QueryError(str(exc)) from None
        try:
            if "n-triples" in content_type or "turtle" in content_type:
                return list(ox.parse(data, format=ox.RdfFormat.N_TRIPLES))
            return ox.parse_query_results(data, format=ox.QueryResultsFormat.JSON)
        except SyntaxError:  # e.g. Oxigraph's server appends its error to a started answer
            tail = data.decode("utf-8", "replace").strip().splitlines()[-1:] or ["an empty answer"]
            raise QueryError(f"the endpoint's answer is cut short: {tail[0][-200:]}") from None

    def dump(self, output: Path, fmt: ox.RdfFormat) -> int:
        """What `dump_store` writes, read from the server: the named graphs' quads (the
        default graph's triples when there is no named graph), or the union's triples."""
        if fmt in (ox.RdfFormat.N_QUADS, ox.RdfFormat.TRIG):
            rows = self.query(sparql.NAMED_QUADS, prefixes={}, use_default_graph_as_union=False)
            quads = [ox.Quad(r["s"], r["p"], r["o"], r["g"]) for r in rows]
            if not quads:
                rows = self.query(sparql.TRIPLES, prefixes={}, use_default_graph_as_union=False)
                quads = [ox.Quad(r["s"], r["p"], r["o"], ox.DefaultGraph()) for r in rows]
        else:  # the union view may hold a triple once per graph: DISTINCT then
            rows = self.query(sparql.DISTINCT_TRIPLES if self.union else sparql.TRIPLES, prefixes={})
            quads = [ox.Quad(r["s"], r["p"], r["o"], ox.DefaultGraph()) for r in rows]
        dump_quads(quads, output, fmt)
        return len(quads)

    def raw_query(self, sparql: str, accept: str, *, union: bool = True) -> tuple[bytes, str]:
        """The server's answer to a query in the format asked for, and its content type.
        With `union`, the default graph is the union of the article graphs (Oxigraph's
        `union-default-graph` parameter; Virtuoso's default graph always is that union)."""
        union_parameter = union and self.kind == "oxigraph"
        url = f"{self.query_url}?union-default-graph" if union_parameter else self.query_url
        body, content_type = self._body(sparql, "query")
        request = urllib.request.Request(url, data=body, method="POST",
                                         headers={"Content-Type": content_type, "Accept": accept})
        try:
            with urllib.request.urlopen(request, timeout=_HTTP_TIMEOUT) as response:
                self._check_complete(response)
                return response.read(), response.headers.get("Content-Type", "")
        except urllib.error.HTTPError as exc:
            raise _http_error(exc, self.query_url) from None
        except (urllib.error.URLError, OSError) as exc:
            raise InputError(f"cannot reach SPARQL store {self.base}: {getattr(exc, 'reason', exc)}") from None
        except http.client.HTTPException:  # e.g. an answer broken off by the server's time limit
            raise InputError(f"the answer of SPARQL store {self.base} was cut short (the server "
                             "may have stopped the query at its time limit)") from None

    def _check_complete(self, response: http.client.HTTPResponse) -> None:
        """Virtuoso cuts an answer longer than its `ResultSetMaxRows` short, saying so only in
        a header: a partial export or count must not pass for the whole."""
        cut = response.headers.get("X-SPARQL-MaxRows")
        if cut:
            raise OutputError(f"SPARQL store {self.base} cut its answer short at {cut} rows (Virtuoso's "
                              "[SPARQL] ResultSetMaxRows in virtuoso.ini: raise it above the number of "
                              "quads, then restart the server)")

    def _request(self, method: str, url: str, body: bytes | None = None, content_type: str | None = None,
                 accept: str | None = None) -> bytes:
        headers = {}
        if content_type:
            headers["Content-Type"] = content_type
        if accept:
            headers["Accept"] = accept
        request = urllib.request.Request(url, data=body, method=method, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=_HTTP_TIMEOUT) as response:
                self._check_complete(response)
                return response.read()
        except urllib.error.HTTPError as exc:
            raise _http_error(exc, url) from None
        except (urllib.error.URLError, OSError) as exc:
            raise OutputError(f"cannot reach SPARQL store {self.base}: {getattr(exc, 'reason', exc)}") from None


def _http_error(exc: urllib.error.HTTPError, url: str) -> KgraphError:
    """The server's reason in one line: from an HTML error page (Virtuoso's Graph Store
    answers with one), its preformatted message or its text."""
    text = exc.read().decode("utf-8", "replace")
    if re.match(r"\s*<(?:!DOCTYPE|html)", text, re.I):
        pre = re.search(r"<xmp>(.*?)</xmp>", text, re.S | re.I)
        text = html.unescape(pre.group(1) if pre else re.sub(r"<[^>]*>", "\n", text))
    detail = [line.strip() for line in text.splitlines() if line.strip()]
    message = f"SPARQL store answered {exc.code} {exc.reason} for {url}"
    message += f": {detail[0][:200]}" if detail else ""
    if re.search(r"SECURITY: (?:Permission denied|No permission)", text):
        message += (" (Virtuoso lets the user SPARQL write only after GRANT SPARQL_UPDATE TO \"SPARQL\" "
                    "and DB.DBA.RDF_DEFAULT_USER_PERMS_SET ('nobody', 7); see the README)")
    return OutputError(message)


def _triples(quads: Iterable[ox.Quad]) -> Iterator[ox.Triple]:
    for quad in quads:
        yield ox.Triple(quad.subject, quad.predicate, quad.object)


def dump_store(store: ox.Store, output: Path, fmt: ox.RdfFormat) -> int:
    """Write a store to `output`, streaming, and return how many quads or triples it wrote:
    N-Quads and TriG keep the article graphs (a graph file without named graphs gives its
    default graph), the other syntaxes get the union as plain triples (a kgraph store's
    default graph already is that union; a store loaded from a TriG or N-Quads file has no
    default graph, then every quad is written as a triple)."""
    counted = [0]

    def count(items: Iterable) -> Iterator:
        for item in items:
            counted[0] += 1
            yield item

    if fmt in (ox.RdfFormat.N_QUADS, ox.RdfFormat.TRIG):
        quads = (q for q in store.quads_for_pattern(None, None, None, None)
                 if isinstance(q.graph_name, ox.NamedNode))
        if next(iter(store.named_graphs()), None) is None:
            quads = store.quads_for_pattern(None, None, None, ox.DefaultGraph())
        ox.serialize(count(quads), str(output), format=fmt, prefixes=_prefixes(fmt))
        return counted[0]
    union = store.quads_for_pattern(None, None, None, ox.DefaultGraph())
    if next(iter(store.quads_for_pattern(None, None, None, ox.DefaultGraph())), None) is None:
        union = store.quads_for_pattern(None, None, None, None)
    if fmt == ox.RdfFormat.JSON_LD:
        return write_jsonld(_triples(union), output)
    ox.serialize(count(_triples(union)), str(output), format=fmt, prefixes=_prefixes(fmt))
    check_written(output, fmt)
    return counted[0]


def dump_quads(quads: list[ox.Quad], output: Path, fmt: ox.RdfFormat) -> None:
    """Write quads fetched from an endpoint: graphs kept for N-Quads and TriG, triples else."""
    if fmt in (ox.RdfFormat.N_QUADS, ox.RdfFormat.TRIG):
        ox.serialize(quads, str(output), format=fmt, prefixes=_prefixes(fmt))
    elif fmt == ox.RdfFormat.JSON_LD:
        write_jsonld(_triples(quads), output)
    else:
        ox.serialize(_triples(quads), str(output), format=fmt, prefixes=_prefixes(fmt))
        check_written(output, fmt)


def _prefixes(fmt: ox.RdfFormat) -> dict[str, str] | None:
    if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG, ox.RdfFormat.N3):
        return {k: v for k, v in PREFIXES.items() if k not in ("country", "actor", "event", "doc")}
    return None
