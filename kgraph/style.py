"""How the exported views look: node colours by actor type, edge colours by action, node
sizes by mentions. One table (kgraph/data/colours.json) serves GEXF, GraphML and the HTML
view, so a country has the same colour in Gephi and in a browser."""
from __future__ import annotations

import json
import math
from functools import lru_cache
from importlib import resources
from .actions import ACTIONS


@lru_cache(maxsize=1)
def _table() -> dict[str, dict[str, str]]:
    text = resources.files("kgraph").joinpath("data/colours.json").read_text(encoding="utf-8")
    table = json.loads(text)
    missing = set(ACTIONS) - set(table["actions"])
    if missing:  # a new action in actions.json needs its colour here
        raise ValueError(f"colours.json has no colour for {', '.join(sorted(missing))}")
    return table


def node_colour(kind: str, action: str = "") -> str:
    """`#rrggbb` of a node of this type (Country, Person, Organization, Group); an event node
    (the events view) takes its action's colour, as its edge has in the actors view."""
    table = _table()
    if kind == "Event" and action in table["actions"]:
        return table["actions"][action]
    return table["node_types"].get(kind, table["node_types"][""])


def edge_colour(label: str) -> str:
    """`#rrggbb` of an edge: its action, or its role in the events view."""
    table = _table()
    return table["actions"].get(label) or table["roles"].get(label) or table["actions"]["event"]


def node_size(mentions: int) -> float:
    """Area grows with mentions, so a node named 40 times is not 40 times as wide as one
    named once."""
    return round(10.0 + 6.0 * math.sqrt(max(mentions, 0)), 2)


def rgb(colour: str) -> dict[str, int]:
    """`#rrggbb` as GEXF's viz:color attributes."""
    return {"r": int(colour[1:3], 16), "g": int(colour[3:5], 16), "b": int(colour[5:7], 16)}

