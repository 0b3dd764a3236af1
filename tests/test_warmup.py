"""What a build's ingest process does once, ahead of or after its first article."""
from __future__ import annotations

import gc
import weakref

from kgraph.warmup import settle


class _Node:
    """An object that can sit in a reference cycle, which only the cyclic collector frees."""


def test_settling_leaves_what_is_loaded_out_of_collections_and_still_collects_later_garbage():
    loaded = {"table": list(range(1000))}
    try:
        settle()
        assert gc.get_freeze_count() >= 2  # the table and its list among them
        later = _Node()
        later.itself = later  # a cycle made after settling: an article's garbage
        gone = weakref.ref(later)
        del later
        gc.collect()
        assert gone() is None
    finally:
        gc.unfreeze()
    assert loaded
