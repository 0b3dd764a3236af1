"""kgraph: an event knowledge graph (who did what to whom) from news articles.

    import kgraph
    kgraph.extract_events("Germany condemned Russia.")   # -> list[kgraph.Event]
    kgraph.build_graph(["articles/"])                    # -> rdflib.Dataset

Importing kgraph is cheap: its names load on first use (the API's on the first call that needs
spaCy or rdflib). The `kgraph` command imports this package before it can take Ctrl-C, so the
less it runs here, the shorter the moment where Ctrl-C prints Python's traceback.
"""
from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .api import KgraphWarning, build_graph, extract_events
    from .errors import KgraphError
    from .model import Actor, Article, Event

#: each public name -> the module that defines it
_FROM = {"extract_events": "api", "build_graph": "api", "KgraphWarning": "api", "KgraphError": "errors",
         "Event": "model", "Actor": "model", "Article": "model"}

__all__ = ["__version__", "extract_events", "build_graph", "Event", "Actor", "Article",
           "KgraphError", "KgraphWarning"]


def __getattr__(name: str) -> object:
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            value: object = version("kgraph")
        except PackageNotFoundError:  # run from a checkout that was never installed
            value = "0+unknown"
    elif name in _FROM:
        value = getattr(import_module(f".{_FROM[name]}", __name__), name)
    else:
        raise AttributeError(f"module 'kgraph' has no attribute {name!r}")
    globals()[name] = value  # found once
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
