"""A query runs in a child process that Ctrl-C or a time limit can kill (kgraph/killable.py);
a child that dies on its own is reported as such, in one line."""
from __future__ import annotations

import os
import signal

import pytest

from kgraph.errors import KgraphError
from kgraph.killable import memory_limit, run_killable


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


def _warns_then_answers() -> int:
    os.write(2, b"a library's warning\n")
    return 42


def _needs_too_much() -> bytes:
    raise MemoryError


def test_what_the_query_process_writes_on_its_error_output_is_shown(capsys: pytest.CaptureFixture) -> None:
    assert run_killable(_warns_then_answers) == 42
    assert capsys.readouterr().err == "a library's warning\n"


def test_a_query_process_out_of_memory_is_one_error() -> None:
    with pytest.raises(KgraphError, match=r"^the query ran out of memory \(it may take [0-9.]+ GiB here\); "):
        run_killable(_needs_too_much)


def test_the_query_process_may_take_three_quarters_of_the_memory() -> None:
    import resource

    limit = memory_limit()
    three_quarters = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") * 3 // 4
    hard = resource.getrlimit(resource.RLIMIT_AS)[1]
    assert limit >= min(three_quarters, hard)  # or more, where this process is large already
    assert run_killable(resource.getrlimit, resource.RLIMIT_AS)[0] == limit


def _overflows_the_stack() -> int:
    os.kill(os.getpid(), signal.SIGSEGV)  # as Oxigraph's parser did on 200,000 terms of "1+1+..."
    return 0


def test_a_query_process_that_overflows_its_stack_says_why() -> None:
    with pytest.raises(KgraphError, match=r"\(killed by SIGSEGV\): a query nested or chained very deeply") as error:
        run_killable(_overflows_the_stack)
    assert error.value.exit_code == 3
