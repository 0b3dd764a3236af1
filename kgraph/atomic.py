"""Write a file so that readers see either the old content or the complete new one."""
from __future__ import annotations

import os
import re
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from .errors import OutputError, os_reason
from .storefolder import creation_failure, store_folder_around


def check_writable(path: Path) -> None:
    """Fail early, before any expensive work, when `path` cannot be written."""
    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise OutputError(f"output path is a folder, not a file: {path}")
    if path.exists() and not path.is_file():  # the rename would put a file where a device or pipe was
        raise OutputError(f"output path is not a regular file (a device, pipe or socket): {path}")
    if folder.exists() and not folder.is_dir():
        raise OutputError(f"output folder is a file, not a folder: {folder}")
    if not folder.is_dir():
        raise OutputError(f"output folder does not exist: {folder}")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise OutputError(f"output folder is not writable: {folder}")
    store = store_folder_around(folder.resolve())
    if store is not None:  # "-o kg/CURRENT" replaced the database's own file: the store was lost
        raise OutputError(f"output path {path} is inside the store folder {store}, which holds the "
                          "store alone; write it elsewhere")


@contextmanager
def atomic_path(path: Path, folder: Path | None = None) -> Iterator[Path]:
    """Yield a temporary path beside `path` (or in `folder`, on the same file system); rename
    it over `path` only on success. A symbolic link is written through: the file it points to
    gets the new content, and the link stays."""
    if path.is_symlink():
        path = Path(os.path.realpath(path))
    check_writable(path)
    folder = folder or (path.parent if str(path.parent) else Path("."))
    _remove_abandoned(folder, path.name)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise creation_failure(path, folder, exc) from None
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {os_reason(exc)}") from None
    finally:
        tmp.unlink(missing_ok=True)


#: a temporary file untouched this long, whose writer is gone, was abandoned (a writer killed
#: with SIGKILL, a power cut); a live writer touches its file far more often
ABANDONED_AFTER = 600.0


def _remove_abandoned(folder: Path, name: str) -> None:
    """Remove the temporary files of earlier writes of `name` whose writing process has died
    (`kill -9` leaves them, hidden, beside the output). Only files named by this module with a
    process id that no longer runs, and not written to for ABANDONED_AFTER seconds: a process
    id reused since, or a writer on another machine sharing the folder, keeps its file."""
    # exactly this module's names for `name` (mkstemp's part is letters, digits and "_"): the
    # first number after ".out." in ".out.2024.ttl.77.x1.tmp" is part of another output's name
    ours = re.compile(re.escape(f".{name}.") + r"(\d+)\.\w+\.tmp")
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return  # mkstemp will say what is wrong with the folder
    now = time.time()
    for entry in entries:
        match = ours.fullmatch(entry.name)
        if match is None or _running(int(match.group(1))):
            continue
        with suppress(OSError):
            if entry.is_file(follow_symlinks=False) and now - entry.stat().st_mtime > ABANDONED_AFTER:
                os.unlink(entry.path)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except PermissionError:
        return True  # another user's process
    except (ProcessLookupError, OverflowError):  # none, or an id no process can have
        return False
    return True


def write_atomically(path: Path, write: Callable[[Path], None], folder: Path | None = None) -> None:
    """Call `write(tmp)` and move the result to `path` only if it finished."""
    with atomic_path(path, folder) as tmp:
        write(tmp)
