"""A query runs in a child process that Ctrl-C or a time limit can kill (kgraph/killable.py);
a child that dies on its own is reported as such, in one line."""
from __future__ import annotations

import os
import signal

import pytest

from kgraph.errors import KgraphError
from kgraph.killable import run_killable


def _killed_by_the_system() -> int:
    os.kill(os.getpid(), signal.SIGKILL)  # as the OOM killer or `kill -9` would
    return 0


def _gone_without_a_word() -> int:
    os._exit(7)


def test_answer_comes_back() -> None:
    assert run_killable(pow, 2, 10) == 1024


def test_a_killed_query_process_is_one_error_not_end_of_file() -> None:
    with pytest.raises(KgraphError, match=r"the query process ended without an answer \(killed by SIGKILL\)"):
        run_killable(_killed_by_the_system)


def test_a_query_process_that_exits_unanswered_gives_its_exit_code() -> None:
    with pytest.raises(KgraphError, match=r"ended without an answer \(exit code 7\)"):
        run_killable(_gone_without_a_word)
