"""What a store folder may be, checked before RocksDB touches it.

A store folder holds a kgraph store and nothing else: a build refuses a folder of the user's
own files (RocksDB would write some twenty files among them), commands that only read or
remove never create one, and a damaged store (its CURRENT file gone, an SST file or MANIFEST
cut short) is named as such in one line, never silently replaced by a new empty database.
Temporary stores that a killed `--output` build left beside its output are removed here too.
"""
from __future__ import annotations

import fcntl
import glob
import re
import shutil
import time
from pathlib import Path

from .errors import InputError, KgraphError, OutputError, os_reason
from .snapshot import FOLDER as SNAPSHOTS

LOCK_NAME = "kgraph.lock"
#: the files RocksDB keeps in a database folder
_ROCKSDB_FILE = re.compile(r"CURRENT|IDENTITY|LOCK|LOG(\.old\.\d+)?|MANIFEST-\d+|OPTIONS-\d+|\d+\.(sst|log|blob)")
_STALE_AFTER = 60  # seconds: a temporary store without a lock file younger than this may be starting


def is_store_folder(path: Path) -> bool:
    """A folder that holds an Oxigraph store (or is empty, ready to become one)."""
    return path.is_dir() and ((path / "CURRENT").exists() or (path / LOCK_NAME).exists())


def store_folder_around(path: Path) -> Path | None:
    """The store folder that `path` is in (or is), if any: a file written there by kgraph (or
    anyone) would sit among the database's own."""
    return next((folder for folder in (path, *path.parents) if is_store_folder(folder)), None)


def check_store_folder(folder: Path, *, create: bool, error: type[KgraphError]) -> None:
    """Raise `error` unless `folder` holds a store, or (with `create`) is missing or empty."""
    if not folder.exists():
        if create:
            return
        raise error(f"no store at {folder} (build one with kgraph build --store)")
    if not folder.is_dir():
        raise error(f"store path is a file, not a folder: {folder}")
    names = {path.name for path in folder.iterdir()}
    if "CURRENT" in names:
        return
    if any(_ROCKSDB_FILE.fullmatch(name) for name in names):
        raise error(f"store {folder} is damaged: its CURRENT file is missing")
    own = {name for name in names if not name.startswith(".") and name not in (LOCK_NAME, SNAPSHOTS)}
    if own:
        raise error(f"{folder} is not a kgraph store: it holds other files "
                    f"({', '.join(sorted(own)[:3])}{', ...' if len(own) > 3 else ''}); "
                    "give a new or empty folder")
    if not create:
        raise error(f"{folder} is an empty folder, not a kgraph store")


def open_failure(folder: Path, exc: BaseException, error: type[KgraphError], *,
                 output: Path | None = None) -> KgraphError:
    """RocksDB's refusal to open a store folder (the temporary store of `output`), as one line."""
    text = " ".join(str(exc).split())
    if "No space left" in text:
        return error(f"cannot write {output or f'store {folder}'}: No space left on device")
    if output is None and ("Corruption" in text or "corrupt" in text.lower()):
        return damaged(folder, text)
    return error(f"cannot {'write ' + str(output) if output else f'open store {folder}'}: {_clip(text)}")


#: the file RocksDB names in its message on a damaged one ("... in /kg/000019.sst offset 0 ...")
_DAMAGED_FILE = re.compile(r"\bin (\S+)/[^/\s]+\.(?:sst|log|blob)\b")


def damaged(folder: Path | None, reason: str) -> KgraphError:
    """A store whose files RocksDB finds damaged, as one line (bad input: exit status 3)."""
    where = f"the store {folder}" if folder is not None else "the store"
    return InputError(f"{where} is damaged ({_clip(' '.join(reason.split()))}); rebuild it")


def damage_in(exc: BaseException) -> KgraphError | None:
    """pyoxigraph's error on meeting a damaged file (RocksDB's "Corruption: block checksum
    mismatch ..."), wherever the store was read or written, as `damaged`; None for another.
    The store is the folder of the file the message names (a reader's checkpoint's store)."""
    if not isinstance(exc, (RuntimeError, OSError)) or "Corruption" not in str(exc):
        return None
    found = _DAMAGED_FILE.search(str(exc))
    folder = Path(found.group(1)) if found else None
    if folder is not None and folder.parent.name == SNAPSHOTS:
        folder = folder.parent.parent
    return damaged(folder, str(exc))


def write_failure(where: object, exc: OSError, error: type[KgraphError]) -> KgraphError:
    """A failed write (disk full, read-only file system) as one line."""
    return error(f"cannot write {where}: {os_reason(exc)}")


def creation_failure(output: object, folder: Path, exc: OSError) -> OutputError:
    """A file the folder would not let us create beside `output`, named as the user gave it; a
    folder that exists but refuses new files (/proc) says "No such file or directory", which
    names no missing thing the user could create, so the message says what happened."""
    reason = os_reason(exc)
    if isinstance(exc, FileNotFoundError) and folder.is_dir():
        reason = f"the folder {folder} takes no new files"
    return OutputError(f"cannot write {output}: {reason}")


def remove_stale_temporaries(output: Path) -> None:
    """Delete temporary stores a killed build of `output` left beside it; one whose lock is
    held belongs to a build running now and stays."""
    folder = output.parent if str(output.parent) else Path(".")
    for stale in folder.glob(f".{glob.escape(output.name)}.*.store"):
        lock = stale / LOCK_NAME
        try:
            if not lock.exists():
                if time.time() - stale.stat().st_mtime > _STALE_AFTER:
                    shutil.rmtree(stale, ignore_errors=True)
                continue
            with open(lock, "a+") as handle:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                shutil.rmtree(stale, ignore_errors=True)
        except OSError:  # held (BlockingIOError), or not ours to remove
            continue


def _clip(text: str, limit: int = 200) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"
