"""Shared fixtures: the spaCy pipeline is loaded once per test session."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="session")
def nlp():
    from kgraph.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def extract(nlp):
    """extract(text) -> {(action, agent, target, modality)}, actors keyed like the scorer:
    by country code when they have one, else by name."""
    from kgraph.casing import text_for_parser, with_original_text
    from kgraph.extract import extract_events
    from kgraph.model import Article

    def key(actor):
        return None if actor is None else (actor.country or actor.name)

    def run(text: str, title: str | None = None) -> set[tuple]:
        article = Article(source="test.txt", text=text, title=title)
        result = extract_events(with_original_text(nlp(text_for_parser(text)), text), article)
        return {(e.action, key(e.agent), key(e.target), e.modality) for e in result.events}

    return run
