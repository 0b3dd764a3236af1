"""Examples of use: one-line news sentences, one or more per typical trigger of the guidelines'
taxonomy and per common wire phrasing, each with the events extraction finds in it
(`tests/data/news_sentences.tsv`, sentences written for these tests)."""
from __future__ import annotations

from pathlib import Path

import pytest

TABLE = Path(__file__).parent / "data" / "news_sentences.tsv"


def _cases() -> list[tuple[str, set[tuple[str, str, str]]]]:
    cases = []
    for line in TABLE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        sentence, events = line.split("\t")
        cases.append((sentence, {tuple(e.split(", ")) for e in events.split("; ") if e}))  # none: no event
    return cases


@pytest.mark.parametrize(("sentence", "expected"), _cases(), ids=lambda x: x[:40] if isinstance(x, str) else "")
def test_a_news_sentence_gives_its_events(nlp, sentence: str, expected: set) -> None:
    from kgraph.api import extract_events

    def key(actor) -> str:
        return "-" if actor is None else (actor.country or actor.name)

    assert {(e.action, key(e.agent), key(e.target)) for e in extract_events(sentence)} == expected
