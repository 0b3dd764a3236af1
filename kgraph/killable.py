"""Run a function in a child process, so that Ctrl-C or a time limit stops it at once.

pyoxigraph evaluates a query in Rust with no way to cancel it from Python (0.5 exposes no
cancellation token), and Python handles Ctrl-C only between bytecodes, so a long query used
to hold the terminal for as long as it ran. A forked child can simply be killed; forking
costs a few milliseconds, against queries that can run for minutes.

The child may use three quarters of the machine's memory (`memory_limit`): a COUNT over
a store with a damaged block makes Oxigraph collect the same read error without end, and it grew
by 240 MB a second until the system's out-of-memory killer stopped it. Its own error output
goes to a file the parent reads, so that running out of memory is one line, not Rust's report.
"""
from __future__ import annotations

import faulthandler
import multiprocessing
import os
import resource
import signal
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import TypeVar

from .errors import KgraphError, QueryError, QueryTimeoutError, how_it_ended
from .storefolder import damage_in

T = TypeVar("T")
_POLL = 0.05  # seconds between looks at the child: the delay of a Ctrl-C or a time limit


def run_killable(func: Callable[..., T], *args: object, timeout: float | None = None,
                 **kwargs: object) -> T:
    """`func(*args, **kwargs)` in a forked child; its result or its exception comes back.

    Raises QueryTimeoutError after `timeout` seconds (None or 0: no limit) and lets
    KeyboardInterrupt through; either way the child is killed first. `func`'s result and
    exceptions must pickle.
    """
    context = multiprocessing.get_context("fork")
    limit = memory_limit()
    with tempfile.TemporaryFile() as errors:  # the child's error output (fd 2), shown after it ends
        receiver, sender = context.Pipe(duplex=False)
        child = context.Process(target=_child, args=(sender, errors.fileno(), limit, func, args, kwargs), daemon=True)
        try:
            child.start()
        finally:
            sender.close()
        ok, value = _outcome(child, receiver, errors, limit, timeout)
    if ok:
        return value  # type: ignore[return-value]
    raise value


def _outcome(child, receiver: Connection, errors, limit: int | None, timeout: float | None) -> tuple[bool, object]:
    """What the child sent: (True, its result) or (False, its exception); the child is gone after."""
    deadline = time.monotonic() + timeout if timeout else None
    try:
        while not receiver.poll(_POLL):
            if not child.is_alive() and not receiver.poll():
                raise _no_answer(child, errors, limit)
            if deadline is not None and time.monotonic() > deadline:
                raise QueryTimeoutError(f"the query did not finish within {timeout:g} s (--timeout); "
                                        "it was stopped")
        try:
            outcome = receiver.recv()
        except EOFError:  # poll() is true at the end of the pipe too: the child died unanswered
            child.join(5)
            raise _no_answer(child, errors, limit) from None
        _pass_on(errors)
        return outcome
    finally:
        if child.is_alive():
            child.kill()
        child.join()
        receiver.close()


#: what Rust, glibc and C++ (RocksDB) write as an allocation fails, before the process aborts
_OUT_OF_MEMORY = (b"memory allocation of", b"cannot allocate memory", b"std::bad_alloc")


def memory_limit() -> int | None:
    """The bytes of address space a query child may take (None: unknown, no limit): three
    quarters of the machine's memory, so that a runaway query ends before it starves everything
    else, and at least 1 GiB beyond the size it starts with (a forked child starts as large as
    this process); never more than the hard limit the process already has."""
    try:
        limit = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") * 3 // 4
    except (ValueError, OSError):
        return None
    limit = max(limit, _address_space() + _HEADROOM)
    hard = resource.getrlimit(resource.RLIMIT_AS)[1]
    return limit if hard == resource.RLIM_INFINITY else min(limit, hard)


def _out_of_memory(limit: int | None) -> KgraphError:
    within = f" (it may take {limit / 2**30:.1f} GiB here)" if limit else ""
    return KgraphError(f"the query ran out of memory{within}; a store with a damaged block can make a "
                       "query grow without end: if `kgraph query STORE \"SELECT * { ?s ?p ?o }\"` calls "
                       "it damaged, rebuild it")


def _no_answer(child: multiprocessing.process.BaseProcess, errors, limit: int | None) -> KgraphError:
    """The error for a child that ended (killed, out of memory) without sending anything."""
    said = _read(errors)
    if any(words in said for words in _OUT_OF_MEMORY):
        return _out_of_memory(limit)
    if child.exitcode == -signal.SIGSEGV or b"overflowed its stack" in said:
        return QueryError(f"the query process ended without an answer ({how_it_ended(child.exitcode)}): "
                          "a query nested or chained very deeply overflows the query engine's stack")
    _pass_on(errors, said)
    return KgraphError(f"the query process ended without an answer ({how_it_ended(child.exitcode)})")


def _read(errors) -> bytes:
    errors.seek(0)
    return errors.read()


def _pass_on(errors, said: bytes | None = None) -> None:
    """Show what the child wrote on its error output (a library's warning), as it would have."""
    said = _read(errors) if said is None else said
    if said:
        sys.stderr.write(said.decode("utf-8", "replace"))
        sys.stderr.flush()


def _limit_memory(limit: int | None) -> None:
    if limit is None:
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if soft == resource.RLIM_INFINITY or soft > limit:
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


_HEADROOM = 1 << 30  # bytes a child may always add to what it started with


def _address_space() -> int:
    """This process's virtual size (Linux; 0 where unknown): a forked child starts with it all."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmSize:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        pass
    return 0


def _child(sender: Connection, errors_fd: int, limit: int | None, func: Callable[..., object], args: tuple,
           kwargs: dict) -> None:
    # Ctrl-C on a terminal reaches the whole process group: the parent decides what stops.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    sys.stderr.flush()
    os.dup2(errors_fd, 2)
    if faulthandler.is_enabled():  # a crash's Python stack joins the rest of the child's error output
        faulthandler.enable(file=2)
    _limit_memory(limit)
    try:
        outcome: tuple[bool, object] = (True, func(*args, **kwargs))
    except KgraphError as exc:
        outcome = (False, _alone(exc))
    except MemoryError:  # Python's allocations (Rust's abort instead: see _no_answer)
        outcome = (False, _out_of_memory(limit))
    except BaseException as exc:
        damage = damage_in(exc)  # a damaged store: one line; else a bug, whose traceback the parent shows
        outcome = (False, damage if damage is not None
                   else RuntimeError(f"in the query process:\n{traceback.format_exc()}"))
    sender.send(outcome)
    sender.close()


def _alone(exc: KgraphError) -> KgraphError:
    """The error without the exceptions it was raised from: its message is all the parent
    shows, and once Dask is imported (it installs tblib's pickling for every exception) the
    chain would be pickled too, where an HTTPError from urllib cannot go."""
    exc.__cause__ = exc.__context__ = None
    exc.__traceback__ = None
    return exc
