"""`kgraph build` on a terminal draws rich's progress bar (issue 8.6: rich 15 made
`Progress.console` read-only and the README's build crashed there, while every test, run
through pipes, passed)."""
from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

from conftest import EXAMPLES

VENV_BIN = Path(sys.executable).parent


def _run_on_a_terminal(args: list[str], timeout: float = 120) -> tuple[int, str]:
    """Run a command with a pseudo-terminal as stdin, stdout and stderr; its exit code and
    everything it wrote."""
    master, slave = pty.openpty()
    process = subprocess.Popen(args, stdin=slave, stdout=slave, stderr=slave, close_fds=True,
                               env={**os.environ, "TERM": "xterm-256color", "COLUMNS": "100"})
    os.close(slave)
    chunks: list[bytes] = []
    try:
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # EIO: the command ended and closed the terminal
                break
            if not chunk:
                break
            chunks.append(chunk)
        code = process.wait(timeout=timeout)
    finally:
        os.close(master)
        if process.poll() is None:
            process.kill()
    return code, b"".join(chunks).decode("utf-8", "replace")


def test_build_on_a_terminal_draws_the_progress_bar(tmp_path: Path) -> None:
    code, seen = _run_on_a_terminal([str(VENV_BIN / "kgraph"), "build", str(EXAMPLES),
                                     "-o", str(tmp_path / "graph.ttl"), "--graphml", str(tmp_path / "graph.graphml")])
    assert code == 0, seen
    assert "Traceback" not in seen and "Error" not in seen, seen
    assert "parsing" in seen  # the bar was drawn (then cleared: it is transient)
    assert "found" in seen and (tmp_path / "graph.ttl").is_file() and (tmp_path / "graph.graphml").is_file()
