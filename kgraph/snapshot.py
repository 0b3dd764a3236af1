"""The last committed state of a store folder, for readers while a build writes to it.

RocksDB's read-only mode is undefined while another process writes, and the installed
pyoxigraph (0.5) has no secondary instances. So a build, as it opens the store, publishes a
checkpoint of it (`Store.backup`: hard links to RocksDB's immutable table files, milliseconds
and no extra space until compaction replaces those files), and a reader that finds the store
taken by a build reads the newest checkpoint instead: the store as it was when the build
began. The build deletes its checkpoint when it ends, unless a reader still has it open;
the next build removes it then.

Each checkpoint is a folder `kgraph-snapshots/<time in ns>` holding its own lock file: readers
take it shared; the build takes it exclusively, and renames the folder away, before deleting.
"""
from __future__ import annotations

import fcntl
import os
import shutil
import time
from pathlib import Path
from typing import IO

import pyoxigraph as ox

FOLDER = "kgraph-snapshots"
_LOCK = "kgraph.lock"


class SnapshotLock:
    """A shared lock on one checkpoint, held while a reader uses it."""

    def __init__(self, handle: IO[str]) -> None:
        self.handle = handle

    def release(self) -> None:
        fcntl.flock(self.handle, fcntl.LOCK_UN)
        self.handle.close()


def publish(store: ox.Store, folder: Path) -> None:
    """Checkpoint `store` (the build's, opened for writing) for readers; drop unused old ones."""
    root = folder / FOLDER
    root.mkdir(exist_ok=True)
    name = str(time.time_ns())
    staging = root / f"new-{name}"
    store.backup(str(staging))
    staging.rename(root / name)  # readers only see whole checkpoints
    retire(folder, keep=name)


def retire(folder: Path, *, keep: str | None = None) -> None:
    """Delete the checkpoints no reader holds (all of them but `keep`). Only a build calls this,
    so half-made or half-deleted folders left by an earlier one go too."""
    root = folder / FOLDER
    if not root.is_dir():
        return
    for entry in root.iterdir():
        if entry.name == keep:
            continue
        if entry.name.isdigit():
            handle = _lock_file(entry)
            if handle is None:
                continue
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                handle.close()
                continue  # a reader has it
            gone = root / f"old-{entry.name}"
            entry.rename(gone)  # under the lock: a reader arriving later no longer finds it
            handle.close()
            entry = gone
        shutil.rmtree(entry, ignore_errors=True)
    if not any(root.iterdir()):
        root.rmdir()


def latest(folder: Path) -> tuple[Path, SnapshotLock] | None:
    """The newest checkpoint, locked for reading, or None when there is none."""
    root = folder / FOLDER
    names = sorted((e.name for e in root.iterdir() if e.name.isdigit()), key=int, reverse=True) if root.is_dir() else []
    for name in names:
        path = root / name
        handle = _lock_file(path)
        if handle is None:
            continue
        try:
            fcntl.flock(handle, fcntl.LOCK_SH | fcntl.LOCK_NB)
            if os.stat(path / _LOCK).st_ino == os.fstat(handle.fileno()).st_ino:
                return path, SnapshotLock(handle)  # still in place: being deleted it is renamed
        except (BlockingIOError, FileNotFoundError):
            pass
        handle.close()
    return None


def open_latest(folder: Path) -> tuple[ox.Store, SnapshotLock] | None:
    """The newest checkpoint opened read-only, with its lock, or None."""
    found = latest(folder)
    if found is None:
        return None
    path, lock = found
    try:
        return ox.Store.read_only(str(path)), lock
    except OSError:
        lock.release()
        return None


def _lock_file(path: Path) -> IO[str] | None:
    try:
        return open(path / _LOCK, "a+")
    except OSError:  # renamed or deleted meanwhile
        return None
