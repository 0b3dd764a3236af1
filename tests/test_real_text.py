"""Extraction on the real documents of the training set (read from ../shared, never copied)."""
from __future__ import annotations

import os

import pytest

from conftest import SHARED

TRAIN_DOCS = SHARED / "eval" / "train" / "docs"

needs_train = pytest.mark.skipif(
    not TRAIN_DOCS.is_dir() and not os.environ.get("CI"),
    reason=f"training documents not found at {TRAIN_DOCS}",
)


@needs_train
def test_a_statement_whose_pronouns_point_at_each_other_still_gives_its_events(extract) -> None:
    # kd_11 (an E3 statement) sent pronoun resolution round a cycle until RecursionError
    text = (TRAIN_DOCS / "kd_11.txt").read_text(encoding="utf-8")
    events = extract(text)
    assert events, "the statement's events are found"
    assert all(agent for _, agent, _, _ in events)


def test_resolution_that_comes_back_to_the_same_words_ends(extract) -> None:
    # a possessive whose antecedent search meets the noun it modifies, over and over
    soup = "missiles | according ministry officials Harbour from and supports its their its " * 5
    extract(soup)  # must return, whatever it finds
