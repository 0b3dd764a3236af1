"""Local graphs opened for reading: a store folder (read-only, beside other readers, or the
checkpoint a running build made) or an RDF file loaded in memory.

`StoreReader` is the read side of the one graph-source protocol (see `graphsource.py`) for
both: queries, graph names and a dump to a file, as the remote store (`store.RemoteStore`)
answers them too.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pyoxigraph as ox

from . import snapshot
from .errors import InputError
from .formats import RDF_FORMATS
from .lock import StoreBusyError, StoreLock
from .storefolder import check_store_folder, open_failure


def lock_for_reading(folder: Path) -> tuple[Path, StoreLock | snapshot.SnapshotLock]:
    """The folder to read, locked: the store under a shared lock (several readers, no
    writer), or while a build writes it, the checkpoint it made as it began (see `snapshot`)."""
    try:
        return folder, StoreLock(folder, exclusive=False)
    except StoreBusyError:
        before_build = snapshot.latest(folder)
        if before_build is None:
            raise
        return before_build


def open_for_reading(folder: Path) -> tuple[ox.Store, StoreLock | snapshot.SnapshotLock]:
    """A store folder opened read-only under a shared lock, or while a build writes it, the
    state it had when the build began (see `snapshot`)."""
    check_store_folder(folder, create=False, error=InputError)
    try:
        lock = StoreLock(folder, exclusive=False)
    except StoreBusyError:
        before_build = snapshot.open_latest(folder)
        if before_build is None:
            raise
        return before_build
    try:
        return ox.Store.read_only(str(folder)), lock
    except (OSError, RuntimeError) as exc:  # RocksDB: damaged files
        lock.release()
        raise open_failure(folder, exc, InputError) from None


def load_store(path: Path) -> ox.Store:
    """Load an RDF file into an in-memory store; the syntax comes from the extension."""
    syntax = RDF_FORMATS.get(path.suffix.lower())
    if not path.is_file():
        raise InputError(f"graph file or store not found: {path}")
    if syntax is None:
        known = " ".join(RDF_FORMATS)
        raise InputError(f"cannot tell the RDF syntax of {path.name} from its extension; use one of {known}")
    store = ox.Store()
    try:
        store.load(path=path, format=syntax)
    except SyntaxError as exc:
        raise InputError(f"cannot parse {path.name}: {exc.msg or exc}") from None
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from None
    return store


class StoreReader:
    """A store folder opened read-only, or an RDF file loaded in memory.

    A kgraph store folder's default graph already holds the union of its article graphs (see
    `store.LocalStore`), so queries read it as it is, without Oxigraph's slower
    union-of-named-graphs view; a file is queried over the union of all its graphs.
    """

    def __init__(self, store: ox.Store, lock: StoreLock | snapshot.SnapshotLock | None = None) -> None:
        self.store: ox.Store | None = store
        self._lock = lock

    @classmethod
    def folder(cls, folder: Path) -> StoreReader:
        return cls(*open_for_reading(folder))

    @classmethod
    def file(cls, path: Path) -> StoreReader:
        return cls(load_store(path))

    def query(self, text: str, *, prefixes: dict[str, str], use_default_graph_as_union: bool = True) -> Any:
        """pyoxigraph's answer (a store folder reads its default graph, the union's copy)."""
        if self._lock is not None:
            return self.store.query(text, prefixes=prefixes)
        return self.store.query(text, prefixes=prefixes, use_default_graph_as_union=use_default_graph_as_union)

    def select(self, sparql: str) -> list[dict[str, str | None]]:
        result = self.store.query(sparql)
        names = [v.value for v in result.variables]
        return [{n: (s[n].value if s[n] is not None else None) for n in names} for s in result]

    def graph_names(self) -> set[str]:
        return {g.value for g in self.store.named_graphs() if isinstance(g, ox.NamedNode)}

    def dump(self, output: Path, fmt: ox.RdfFormat) -> int:
        """The graph written to `output` (see `store.dump_store`); how many quads or triples."""
        from .store import dump_store

        return dump_store(self.store, output, fmt)

    def __len__(self) -> int:
        return len(self.store)

    def close(self) -> None:
        """Let go of the store before its lock (RocksDB's files stay open until then)."""
        self.store = None
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> StoreReader:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()
