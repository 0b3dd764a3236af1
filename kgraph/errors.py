"""User-facing errors: each carries one readable line that the CLI prints on stderr, and the
exit status that tells a script what went wrong (the README's table lists them):

0 done, 1 failed otherwise, 2 usage (a bad option or argument), 3 bad input (a file, article,
graph or query kgraph cannot read), 4 output cannot be written, 5 spaCy pipeline missing,
6 store busy, 124 time limit reached, 130 interrupted (Ctrl-C).
"""
from __future__ import annotations

import re
import signal
import traceback

#: what a terminal acts on instead of showing: C0 and C1 control characters and DEL
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")


def one_line(text: str) -> str:
    """`text` as one line a terminal shows as it is: its control characters as escapes ("\\x1b",
    "\\n"). A file name, JSON id or request path from outside can hold them: an escape sequence
    cleared the screen or retitled the window, and a line break forged a second "kgraph: error:"
    line."""
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


class KgraphError(Exception):
    """An error the user can act on; the message is printed without a traceback."""

    exit_code = 1


class UsageError(KgraphError):
    """A command line that asks for something impossible (a bad option value), as Click's own
    usage errors."""

    exit_code = 2


class InputError(KgraphError):
    """An input path, file, article or graph that cannot be read."""

    exit_code = 3


class QueryError(KgraphError):
    """A malformed or refused SPARQL query, or an unknown canned query: bad input too."""

    exit_code = 3


class OutputError(KgraphError):
    """An output path that cannot be written."""

    exit_code = 4


class ModelError(KgraphError):
    """A spaCy pipeline that is not installed."""

    exit_code = 5


class QueryTimeoutError(QueryError):
    """A query stopped by its time limit (exit status 124, as for GNU timeout)."""

    exit_code = 124


def describe(exc: BaseException, limit: int = 200) -> str:
    """An unexpected exception as one short line ("KeyError: 'missiles'"), for a warning that
    names what went wrong without a traceback."""
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    if len(text) > limit:
        text = text[:limit - 1] + "…"
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def how_it_ended(exit_code: int | None) -> str:
    """A child process's end as a person reads it: "killed by SIGKILL" (the out-of-memory
    killer's signal), "exit code 1"."""
    if exit_code is not None and exit_code < 0:
        try:
            return f"killed by {signal.Signals(-exit_code).name}"
        except ValueError:
            return f"killed by signal {-exit_code}"
    return f"exit code {exit_code}"


def os_reason(exc: OSError) -> str:
    """Why a write failed, short: pyoxigraph's OSErrors carry RocksDB's sentence, no errno."""
    if exc.strerror:
        return exc.strerror
    text = " ".join(str(exc).split())
    for known in ("No space left on device", "Read-only file system", "Disk quota exceeded",
                  "Permission denied", "Input/output error"):
        if known in text:
            return known
    return text if len(text) <= 200 else text[:199] + "…"


def release_frames(exc: BaseException | None) -> None:
    """Drop the local variables of the frames an exception (and those it chains) unwound:
    one may hold the store, and a store still open when its temporary folder is deleted
    writes files back into it when the garbage collector finally closes it."""
    seen: set[int] = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        traceback.clear_frames(exc.__traceback__)
        exc = exc.__cause__ or exc.__context__
