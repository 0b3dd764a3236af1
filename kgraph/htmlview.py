"""The graph as one self-contained HTML page, to look at in a browser without Gephi.

pyvis assembles the nodes and edges and renders the page with vis-network (a maintained
canvas network viewer) inlined from the copy pyvis ships (`cdn_resources="in_line"`), so the
page works offline. pyvis's own template also loads Bootstrap from a CDN; kgraph's template
(kgraph/data/view.html) replaces it and adds what a reader of an event graph needs: colour
legends, a filter by action and by date range (also set from the address:
`graph.html#actions=condemn,warn&from=2024-10-01&to=2024-10-31`), and a tooltip with the
evidence sentence and source of each event.
"""
from __future__ import annotations

from collections import Counter
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx

from . import style

TEMPLATE = "view.html"


def _tooltip_fields(data: dict[str, Any]) -> dict[str, Any]:
    """What the page shows about a node or an edge; the article's `source` is passed as
    `article` (pyvis's add_edge takes `source` for the edge's start)."""
    keep = ("type", "country", "mentions", "action", "modality", "date", "evidence", "trigger", "confidence")
    fields = {key: data[key] for key in keep if data.get(key) not in ("", None)}
    if data.get("source"):
        fields["article"] = data["source"]
    return fields


def network_page(graph: nx.MultiDiGraph, *, title: str = "kgraph"):
    """A pyvis Network of `graph`, set up to render with kgraph's template."""
    from jinja2 import ChoiceLoader, Environment, FileSystemLoader
    from pyvis.network import Network

    page = Network(height="100%", width="100%", directed=True, cdn_resources="in_line", heading=title)
    for node, data in graph.nodes(data=True):
        kind = data.get("type", "")
        page.add_node(node, label=data.get("label") or node.rsplit("/", 1)[-1], color=style.node_colour(kind, data.get("action", "")),
                      size=style.node_size(data.get("mentions", 0)), shape="dot", iri=node, **_tooltip_fields(data))
    parallel: Counter[tuple[str, str]] = Counter()
    for source, target, key, data in graph.edges(keys=True, data=True):
        if "action" not in data:  # the events view: a role edge filters with its event
            event = source if graph.nodes[source].get("type") == "Event" else target
            data = {**data, **{k: graph.nodes[event][k] for k in ("action", "date") if k in graph.nodes[event]}}
        pair = (min(source, target), max(source, target))
        bend = parallel[pair]
        parallel[pair] += 1
        page.add_edge(source, target, id=key, label=data.get("label", ""), color=style.edge_colour(data.get("label", "")),
                      arrows="to", smooth={"enabled": True, "type": "curvedCW", "roundness": 0.08 + 0.14 * bend},
                      **_tooltip_fields(data))
    page.set_options("""{
      "layout": {"randomSeed": 7},
      "physics": {"solver": "forceAtlas2Based", "stabilization": {"iterations": 300, "fit": true},
                  "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 110}},
      "nodes": {"font": {"size": 14, "strokeWidth": 3, "strokeColor": "#ffffff"}, "borderWidth": 1},
      "edges": {"font": {"size": 10, "align": "middle", "strokeWidth": 3}, "width": 1.5,
                "arrows": {"to": {"scaleFactor": 0.6}}},
      "interaction": {"hover": true, "tooltipDelay": 120, "navigationButtons": false}
    }""")
    pyvis_templates = Path(resources.files("pyvis")) / "templates"  # holds lib/vis-*/ to inline
    page.templateEnv = Environment(loader=ChoiceLoader([
        FileSystemLoader(str(Path(resources.files("kgraph")) / "data")), FileSystemLoader(str(pyvis_templates))]))
    page.path = TEMPLATE
    return page


def html_bytes(graph: nx.MultiDiGraph, *, title: str = "kgraph") -> bytes:
    """The page, UTF-8: every script and style inline, no request to any server."""
    return network_page(graph, title=title).generate_html().encode("utf-8")
