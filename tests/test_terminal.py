"""`kgraph build` on a terminal draws rich's progress bar (issue 8.6: rich 15 made
`Progress.console` read-only and the README's build crashed there, while every test, run
through pipes, passed)."""
from __future__ import annotations

import os
import pty
import signal
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


def test_a_warning_during_a_build_prints_on_its_own_line_above_the_bar(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for article in EXAMPLES.glob("*.txt"):
        (folder / article.name).write_bytes(article.read_bytes())
    (folder / "latin1.txt").write_bytes("caf\xe9 au lait".encode("latin-1"))
    code, seen = _run_on_a_terminal([str(VENV_BIN / "kgraph"), "build", str(folder), "-o", str(tmp_path / "g.ttl")])
    assert code == 0, seen
    # the bar's line is cleared (ESC [2K) and the warning written there, the bar drawn again below it
    assert "\x1b[2Kkgraph: warning: skipped" in seen, seen[-3000:]


def _ctrl_c_on_a_terminal(args: list[str], delay: float) -> tuple[int, str]:
    """Run a command as a terminal's foreground job and press Ctrl-C after `delay` seconds: the
    terminal interrupts the command's whole process group, its helper processes too."""
    import select
    import time
    pid, master = pty.fork()
    if pid == 0:  # the child: the command, with the terminal as its controlling one
        # as a terminal's foreground job has it, even where this test runs with Ctrl-C ignored
        # (a background job inherits SIG_IGN, and kgraph rightly leaves an ignored Ctrl-C alone)
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        os.execv(args[0], args)
    time.sleep(delay)
    os.write(master, b"\x03")
    chunks: list[bytes] = []
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if select.select([master], [], [], 1)[0]:
            try:
                chunk = os.read(master, 65536)
            except OSError:
                break
            if not chunk:
                break
            chunks.append(chunk)
    _, status = os.waitpid(pid, 0)
    os.close(master)
    return os.waitstatus_to_exitcode(status), b"".join(chunks).decode("utf-8", "replace")


def test_ctrl_c_while_the_build_starts_prints_one_line_and_no_traceback(tmp_path: Path) -> None:
    # the build's helper process starts a fork server that imports spaCy for a second or two:
    # Ctrl-C there reached it too, and it printed its own traceback
    folder = tmp_path / "many"
    folder.mkdir()
    for copy in range(20):
        for article in EXAMPLES.glob("*.txt"):
            (folder / f"{copy}-{article.name}").write_bytes(article.read_bytes())
    for delay in (1.5, 2.0, 2.5, 3.0):
        code, seen = _ctrl_c_on_a_terminal([str(VENV_BIN / "kgraph"), "build", str(folder),
                                            "-o", str(tmp_path / "g.ttl")], delay)
        assert "Traceback" not in seen, seen[-2000:]
        assert code == 130 and "kgraph: error: interrupted" in seen
        assert not (tmp_path / "g.ttl").exists()
