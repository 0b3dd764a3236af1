"""One protocol for a graph kgraph reads or writes, and one function that opens it.

A graph lives in a local store folder (`store.LocalStore` to write, `reader.StoreReader` to
read beside other readers), on a SPARQL server (`store.RemoteStore`, both ways) or in an RDF
file (`reader.StoreReader`, read-only; a build writes a file through a temporary store, see
`ingest.py`). The commands ask `open_source` for one and talk to it through `GraphSource`, or
`WritableGraphSource` when they change it, never deciding folder, URL or file themselves.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Literal, Protocol, overload, runtime_checkable

import pyoxigraph as ox

from .model import Actor
from .rdf import ArticleRdf
from .reader import StoreReader
from .store import LocalStore, RemoteStore, check_location, is_remote


@runtime_checkable
class GraphSource(Protocol):
    """What reading a graph needs: `query`, `export`, `serve`'s checks."""

    def query(self, text: str, *, prefixes: dict[str, str], use_default_graph_as_union: bool = True) -> Any:
        """A user's query, answered as `pyoxigraph.Store.query` answers it (solutions,
        a boolean or triples) over the union of the article graphs."""

    def select(self, sparql: str) -> list[dict[str, str | None]]:
        """kgraph's own SELECT queries (see `sparql.py`), as rows of plain values."""

    def graph_names(self) -> set[str]:
        """The IRIs of the named graphs."""

    def dump(self, output: Path, fmt: ox.RdfFormat) -> int:
        """The whole graph written to `output` in `fmt`: N-Quads and TriG keep the article
        graphs, other syntaxes get the union; how many quads or triples were written."""

    def close(self) -> None:
        """Let go of the graph (flush, unlock); also on leaving a `with` block."""

    def __enter__(self) -> Any: ...

    def __exit__(self, *_: object) -> None: ...


@runtime_checkable
class WritableGraphSource(GraphSource, Protocol):
    """What building into a graph, removing from it and reconciling its actors need."""

    #: whether the default graph holds a copy of the union that updates must keep in step
    mirrors_union: bool

    def put_article(self, rdf: ArticleRdf) -> None:
        """Store an article's graph, replacing any older graph of the same source, atomically."""

    def remove_source(self, source: str) -> int:
        """Delete the graphs of one source; return how many there were."""

    def update(self, sparql: str) -> None:
        """Run a SPARQL Update (see `sparql.py`)."""

    def known_actors(self) -> list[Actor]:
        """The people and organisations already in the graph, to resolve new mentions against."""

    def refresh_stats(self) -> None:
        """Recompute the derived graph (mention counts) after a change."""


@overload
def open_source(location: str | Path, *, write: Literal[True], create: bool = True) -> WritableGraphSource: ...


@overload
def open_source(location: str | Path, *, write: Literal[False] = False, create: bool = True) -> GraphSource: ...


def open_source(location: str | Path, *, write: bool = False, create: bool = True) -> GraphSource:
    """The graph at `location`: a URL is a SPARQL server, a folder a local store, anything
    else an RDF file (read-only). With `write`, a `WritableGraphSource` (`create`: a missing
    or empty folder becomes a store); else a `GraphSource` that shares a store folder with
    other readers but not with a build."""
    text = str(location)
    check_location(text)
    if is_remote(text):
        return RemoteStore(text, write=write)
    path = Path(text)
    if write:
        return LocalStore(path, create=create)
    if path.is_dir():
        return StoreReader.folder(path)
    return StoreReader.file(path)
