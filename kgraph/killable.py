"""Run a function in a child process, so that Ctrl-C or a time limit stops it at once.

pyoxigraph evaluates a query in Rust with no way to cancel it from Python (0.5 exposes no
cancellation token), and Python handles Ctrl-C only between bytecodes, so a long query used
to hold the terminal for as long as it ran. A forked child can simply be killed; forking
costs a few milliseconds, against queries that can run for minutes.
"""
from __future__ import annotations

import multiprocessing
import signal
import time
import traceback
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import TypeVar

from .errors import KgraphError, QueryTimeoutError, how_it_ended
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
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(sender, func, args, kwargs), daemon=True)
    child.start()
    sender.close()
    deadline = time.monotonic() + timeout if timeout else None
    try:
        while not receiver.poll(_POLL):
            if not child.is_alive() and not receiver.poll():
                raise _no_answer(child)
            if deadline is not None and time.monotonic() > deadline:
                raise QueryTimeoutError(f"the query did not finish within {timeout:g} s (--timeout); "
                                        "it was stopped")
        try:
            ok, value = receiver.recv()
        except EOFError:  # poll() is true at the end of the pipe too: the child died unanswered
            child.join(5)
            raise _no_answer(child) from None
    finally:
        if child.is_alive():
            child.kill()
        child.join()
        receiver.close()
    if ok:
        return value  # type: ignore[return-value]
    raise value


def _no_answer(child: multiprocessing.process.BaseProcess) -> KgraphError:
    """The error for a child that ended (killed, out of memory) without sending anything."""
    return KgraphError(f"the query process ended without an answer ({how_it_ended(child.exitcode)})")


def _child(sender: Connection, func: Callable[..., object], args: tuple, kwargs: dict) -> None:
    # Ctrl-C on a terminal reaches the whole process group: the parent decides what stops.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        outcome: tuple[bool, object] = (True, func(*args, **kwargs))
    except KgraphError as exc:
        outcome = (False, _alone(exc))
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
