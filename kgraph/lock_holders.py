"""Who holds a store folder's lock, so that a refusal can say who to wait for.

A lock file is held shared by readers (`kgraph query`, `export`, `serve`) and exclusively by a
build. flock cannot say why it refused, so the refused side probes the kind of the holders
(a shared lock succeeds under readers and fails under a writer) and, on Linux, names them
from /proc/locks ("kgraph serve (pid 4242)").
"""
from __future__ import annotations

import fcntl
import os
from pathlib import Path
from typing import IO


def busy_message(folder: Path, handle: IO[str], *, wanted_exclusive: bool) -> str:
    """Why `handle` (the lock file, opened but not locked) could not be locked."""
    writer = not wanted_exclusive or not _shared_is_free(handle)
    names = _holders(handle, "WRITE" if writer else "READ")
    if writer:
        who = " and ".join(names) or "a kgraph build"
        return f"store {folder} is being written by {who}; try again when it ends"
    who = " and ".join(names) or "another process (kgraph query, export or serve)"
    end = "they end" if len(names) > 1 else "it ends"
    return f"store {folder} is being read by {who}; a build needs it alone: try again when {end}"


def _shared_is_free(handle: IO[str]) -> bool:
    try:
        fcntl.flock(handle, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    fcntl.flock(handle, fcntl.LOCK_UN)
    return True


def _holders(handle: IO[str], kind: str) -> list[str]:
    """The processes holding a lock of `kind` (READ or WRITE) on the file, as 'name (pid N)'."""
    info = os.fstat(handle.fileno())
    device = f"{os.major(info.st_dev):02x}:{os.minor(info.st_dev):02x}:{info.st_ino}"
    try:
        lines = Path("/proc/locks").read_text().splitlines()
    except OSError:
        return []
    pids = sorted({int(f[4]) for f in (line.split() for line in lines)
                   if len(f) > 5 and f[1] == "FLOCK" and f[3] == kind and f[5] == device and f[4].isdigit()})
    return list(dict.fromkeys(_command_of(pid) for pid in pids))


#: how far up from a lock's holder to look for the kgraph command that started it: a build's
#: store is held by its ingest process, a child of multiprocessing's fork server, a child of
#: `kgraph build`
_MAX_ANCESTORS = 3


def _command_of(pid: int) -> str:
    """'kgraph build (pid N)' for the holder or the kgraph command that started it (the pid the
    user knows, in `ps` and to kill), else the holder itself ('python -m pytest (pid N)')."""
    here = pid
    for _ in range(_MAX_ANCESTORS + 1):
        program = _program(here)
        if program.startswith("kgraph "):
            return f"{program} (pid {here})"
        parent = _parent(here)
        if parent is None or parent <= 1:
            break
        here = parent
    return f"{_program(pid)} (pid {pid})"


def _parent(pid: int) -> int | None:
    """The parent's pid, from /proc (the fourth field of stat, after the name in parentheses)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
        return int(stat.rsplit(")", 1)[1].split()[1])
    except (OSError, IndexError, ValueError):
        return None


def _program(pid: int) -> str:
    """'kgraph serve', 'kgraph build', 'python -m pytest', or the program's name."""
    try:
        args = Path(f"/proc/{pid}/cmdline").read_bytes().decode("utf-8", "replace").split("\0")
    except OSError:
        return "a process"
    for i, arg in enumerate(args[:-1]):
        if Path(arg).name == "kgraph" or (arg == "kgraph" and args[i - 1] == "-m"):
            return f"kgraph {args[i + 1]}"
    for i, arg in enumerate(args[:-1]):
        if arg == "-m":
            return f"python -m {args[i + 1]}"
    return Path(args[0]).name or "a process"
