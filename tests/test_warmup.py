"""What a build's ingest process does once, ahead of or after its first article."""
from __future__ import annotations

import gc
import weakref

from kgraph.warmup import settle


class _Node:
    """An object that can sit in a reference cycle, which only the cyclic collector frees."""


def test_settling_collects_what_is_garbage_then_leaves_the_rest_out_of_collections():
    loaded = {"table": list(range(1000))}
    earlier = _Node()
    earlier.itself = earlier  # the first article's garbage, a cycle only the collector frees
    gone_before = weakref.ref(earlier)
    del earlier
    frozen_before = gc.get_freeze_count()
    try:
        settle()
        assert gone_before() is None  # collected, not frozen for the life of the process
        assert gc.get_freeze_count() > frozen_before  # the table among what is left out
    finally:
        gc.unfreeze()
    assert loaded
