"""kgraph: an event knowledge graph (who did what to whom) from news articles.

    import kgraph
    kgraph.extract_events("Germany condemned Russia.")   # -> list[kgraph.Event]
    kgraph.build_graph(["articles/"])                    # -> rdflib.Dataset

Importing kgraph is cheap: spaCy and rdflib are loaded by the first call that needs them.
"""
from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from .api import KgraphWarning, build_graph, extract_events
from .errors import KgraphError
from .model import Actor, Article, Event

try:
    __version__ = version("kgraph")
except PackageNotFoundError:  # run from a checkout that was never installed
    __version__ = "0+unknown"

__all__ = ["__version__", "extract_events", "build_graph", "Event", "Actor", "Article",
           "KgraphError", "KgraphWarning"]
