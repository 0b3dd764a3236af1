"""What Oxigraph's server writes on its stderr, read while it runs and passed on to ours.

Oxigraph logs a line for every answer it could not finish (a client that left, a query
stopped by the time limit). Its stderr used to be a pipe read only when it exited: after
64 KB the pipe was full, the next log line blocked the thread writing it, and after about a
thousand such lines no request was answered at all. Here one thread reads the pipe all the
time and another writes to kgraph's stderr; if our stderr blocks (a pipe nobody reads),
lines are dropped rather than Oxigraph stalled.
"""
from __future__ import annotations

import queue
import sys
import threading
from collections import deque
from typing import IO

from .errors import how_it_ended, one_line

_KEEP = 20  # last lines kept for the error message when the server stops


class ServerLog:
    """Drains `stream` (the server's stderr) in the background."""

    def __init__(self, stream: IO[bytes], sink: IO[str] | None = None) -> None:
        self.last: deque[str] = deque(maxlen=_KEEP)
        self.dropped = 0
        self._sink = sink
        self._lines: queue.Queue[str | None] = queue.Queue(maxsize=10_000)
        self._reader = threading.Thread(target=self._read, args=(stream,), daemon=True, name="oxigraph-log")
        self._reader.start()
        threading.Thread(target=self._write, daemon=True, name="oxigraph-log-out").start()

    def _read(self, stream: IO[bytes]) -> None:
        for raw in stream:
            line = one_line(raw.decode("utf-8", "replace").rstrip())  # it may quote a request's bytes
            if not line or line.startswith("Listening for requests at"):  # its loopback port
                continue
            self.last.append(line)
            try:
                self._lines.put_nowait(line)
            except queue.Full:
                self.dropped += 1
        stream.close()
        self._lines.put(None)  # the server has exited: the writer ends too (a restarted one gets a new log)

    def _write(self) -> None:
        while (line := self._lines.get()) is not None:
            sink = self._sink or sys.stderr
            try:
                sink.write(f"oxigraph: {line}\n")
                sink.flush()
            except (OSError, ValueError):
                pass

    def last_error(self, returncode: int | None) -> str:
        """The server's last words, once it has exited (its stderr is closed then)."""
        self._reader.join(timeout=2)
        return self.last[-1] if self.last else how_it_ended(returncode)
