"""The lock on a store folder: one writer, or any number of readers, never both.

RocksDB's read-only mode is undefined while another process writes, so a build takes the
folder's lock file exclusively and readers (`query`, `export`, `serve`) take it shared; a
refused one hears who holds it (`lock_holders.py`).
"""
from __future__ import annotations

import errno
import fcntl
from pathlib import Path

from .errors import KgraphError, OutputError
from .lock_holders import busy_message
from .storefolder import LOCK_NAME


class StoreBusyError(KgraphError):
    """A store folder another kgraph process holds."""

    exit_code = 6


class StoreLock:
    """An advisory lock on a store folder: exclusive for writers, shared for readers (a build
    holds it exclusive, `query`, `export` and `serve` shared; see `lock_holders` for the
    message naming who holds it)."""

    def __init__(self, folder: Path, *, exclusive: bool) -> None:
        self.path = folder / LOCK_NAME
        self.handle = None
        try:
            self.handle = self._open(exclusive)
            if self.handle is None:  # a read-only file system: no writer can be there
                return
            fcntl.flock(self.handle, (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB)
        except BlockingIOError:
            message = busy_message(folder, self.handle, wanted_exclusive=exclusive)
            self.handle.close()
            raise StoreBusyError(message) from None
        except OSError as exc:
            doing = "write" if exclusive else "lock"
            raise OutputError(f"cannot {doing} store {folder}: {exc.strerror}") from None

    def _open(self, exclusive: bool):
        """The lock file; a reader on a read-only file system opens it read-only, or goes
        without when there is none (nobody can write there)."""
        try:
            return open(self.path, "a+")
        except OSError as exc:
            if exclusive or exc.errno not in (errno.EROFS, errno.EACCES):
                raise
        try:
            return open(self.path)
        except FileNotFoundError:
            return None

    def release(self) -> None:
        if self.handle is not None:
            fcntl.flock(self.handle, fcntl.LOCK_UN)
            self.handle.close()
