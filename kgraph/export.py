"""Export a kgraph graph file as GraphML or GEXF for Gephi (and networkx, igraph, yEd), or as
one HTML page to look at in a browser (kgraph/htmlview.py).

The RDF is read with SPARQL (pyoxigraph, through `query`), turned into a networkx
MultiDiGraph, written with networkx, then lightly post-processed. What Gephi's importers
do (gephi/gephi ImporterGraphML.java, ImporterGEXF.java, ImportContainerImpl.java):

* GraphML: a `<key>` is matched to the node/edge label or weight by its id, else by its
  `attr.name` ("label", "weight"), and only when declared `for="node"`/`"edge"`. The ids
  `d3` (node) and `d7` (edge) are yEd's label keys, so networkx's `d0, d1, ...` numbering
  could turn any attribute into the label: keys get readable unique ids instead
  (`node_label`, `edge_action`, ...). Every `<edge>` gets a unique id and a
  `label="<action>"` XML attribute for readers that look there; Gephi's GraphML importer
  reads only id, source, target and directed: all GraphML edges share one edge type, and
  Gephi merges parallel edges of one type (same source and target, weights summed)
  unless "don't merge" is chosen in its import report.
* GEXF: each `<edge>` gets `kind="<action>"`, which Gephi's GEXF importer takes as the
  edge type, so a condemn and a deploy between the same two actors stay two edges.
  Use GEXF when parallel actions must survive the import into Gephi.
* GEXF is written as 1.3 in dynamic mode with `timeformat="date"`: an edge with a date
  lives on that day (`start` = `end`), an actor from its first dated event on, so Gephi's
  Timeline plays the events day by day; undated edges and actors are there at all times.
  `viz:color` colours nodes by actor type and edges by action, `viz:size` grows with
  mentions (kgraph/style.py). GraphML carries the same colours and sizes as `color` and
  `size` attributes, the names Gephi's GraphML importer maps to them.
"""
from __future__ import annotations

import io
import math
import re
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

import networkx as nx
import pyoxigraph as ox

from . import sparql, style, vocab
from .atomic import check_writable, write_atomically
from .dates import iso_date
from .errors import KgraphError, OutputError
from .formats import EXPORT_RDF_FORMATS, RDF_FORMATS
from .graphsource import GraphSource, open_source
from .query import run_query
from .store import is_remote
from .targets import same_file

EXPORT_FORMATS: tuple[str, ...] = ("graphml", "gexf", "html")
VIEWS: tuple[str, ...] = ("actors", "events")

GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
GEXF_VERSION = "1.3"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
ET.register_namespace("xsi", XSI_NS)

_ACTION_NAMES = {str(iri): name for name, iri in vocab.ACTION_CLASSES.items()}
_MODALITY_NAMES = {str(iri): name for name, iri in vocab.MODALITIES.items()}
_KIND_NAMES = {str(iri): str(iri).rsplit("#", 1)[-1] for iri in vocab.ACTOR_CLASSES.values()}


class ExportSummary(NamedTuple):
    """What was written: counts as Gephi will show them."""

    nodes: int
    edges: int
    quads: int = 0  # for an RDF export


#: characters XML 1.0 cannot hold (C0 controls but tab and line ends, lone surrogates, two
#: non-characters): an article may carry them, and GraphML and GEXF writers refuse them
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _text(term: ox.NamedNode | ox.Literal | ox.BlankNode | None, default: str = "") -> str:
    """A term's text, without what XML cannot hold."""
    return default if term is None else _NOT_XML.sub("", term.value)


def _rows(store: GraphSource | ox.Store, text: str) -> list[dict[str, Any]]:
    result = run_query(store, text)
    return [dict(zip(result.variables, row)) for row in result.rows]


# A graph kgraph did not write may hold any literal where kgraph writes a count, a confidence or
# a day: "many" mentions was a ValueError traceback, "last Tuesday" a GEXF start date no reader
# takes. Such values are read as nothing (0, or no day); counts and confidences are kept within
# what GraphML's and GEXF's readers hold.
_MAX_COUNT = 2**31 - 1


def _clamped(text: str, high: float) -> float:
    """`text` as a number from 0 to `high`; 0 for anything else ("many", "nan")."""
    try:
        number = float(text)
    except ValueError:
        return 0.0
    return min(max(number, 0.0), high) if math.isfinite(number) else 0.0


def _day(text: str) -> str:
    day = iso_date(text)
    return day.isoformat() if day else ""


def _actors(store: GraphSource | ox.Store) -> dict[str, dict[str, Any]]:
    """Actor IRI -> node attributes (label, type, country, mentions)."""
    return {
        row["actor"].value: {
            "label": _text(row["label"]) or row["actor"].value.rsplit("/", 1)[-1],
            "type": _KIND_NAMES.get(_text(row["kind"]), ""),
            "country": _text(row["country"]),
            "mentions": int(_clamped(_text(row["mentions"], "0"), _MAX_COUNT)),
        }
        for row in _rows(store, sparql.EXPORT_ACTORS)
    }


def _events(store: GraphSource | ox.Store) -> dict[str, dict[str, Any]]:
    """Event IRI -> what an edge or an event node says about it."""
    events = {}
    for row in _rows(store, sparql.EXPORT_EVENTS):
        action = _ACTION_NAMES.get(_text(row["action"]), "event")
        events[row["event"].value] = {
            "label": action,
            "action": action,
            "modality": _MODALITY_NAMES.get(_text(row["modality"]), ""),
            "date": _day(_text(row["date"])),
            "source": _text(row["source"]),
            "evidence": _text(row["evidence"]),
            "trigger": _text(row["trigger"]),
            "confidence": _clamped(_text(row["confidence"], "0"), 1.0),
        }
    return events


def _roles(store: GraphSource | ox.Store) -> dict[str, dict[str, list[str]]]:
    """Event IRI -> {"agent": [...], "target": [...], "theme": [...]}, sorted."""
    roles: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for row in _rows(store, sparql.EXPORT_ROLES):
        roles[row["event"].value][row["role"].value].append(row["node"].value)
    return roles


def _edge_id(event: str, suffix: str, used: set[str]) -> str:
    """`<event hash>-<suffix>`, made unique should two event IRIs end alike."""
    candidate = base = f"{event.rstrip('/').rsplit('/', 1)[-1]}-{suffix}"
    while candidate in used:
        candidate = f"{base}.{len(used)}"
    used.add(candidate)
    return candidate


def build_network(store: GraphSource | ox.Store, view: str = "actors", *, isolated: bool = True) -> nx.MultiDiGraph:
    """The graph to export: actors linked by events, or actors and events as nodes.
    `isolated=False` leaves out the actors no edge reaches (named, but in no event shown)."""
    if view not in VIEWS:
        raise KgraphError(f"unknown export view '{view}'; choose {' or '.join(VIEWS)}")
    actors, events, roles = _actors(store), _events(store), _roles(store)
    graph = nx.MultiDiGraph()
    graph.add_nodes_from(actors.items())
    used: set[str] = set()
    for event, info in events.items():
        agents, targets = roles[event]["agent"], roles[event]["target"]
        if view == "actors":
            pairs = [(a, t) for a in agents for t in targets]
            for i, (agent, target) in enumerate(pairs):
                graph.add_edge(agent, target, key=_edge_id(event, str(i), used), **info, event=event, weight=1.0)
            continue
        graph.add_node(event, **{**info, "type": "Event"})
        for role in ("agent", "target", "theme"):
            for i, other in enumerate(roles[event][role]):
                if role == "theme" and other not in events:
                    continue
                source, target = (other, event) if role == "agent" else (event, other)
                graph.add_edge(source, target, key=_edge_id(event, f"{role}-{i}", used), label=role, weight=1.0)
    if not isolated:
        graph.remove_nodes_from([node for node, degree in graph.degree() if degree == 0])
    return graph


def _node_colour(data: dict[str, Any]) -> str:
    return style.node_colour(data.get("type", ""), data.get("action", ""))


def _styled(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The network with `color` (#rrggbb) and `size` on nodes and `color` on edges."""
    styled = nx.MultiDiGraph()
    for node, data in graph.nodes(data=True):
        styled.add_node(node, **data, color=_node_colour(data), size=style.node_size(data.get("mentions", 0)))
    for source, target, key, data in graph.edges(keys=True, data=True):
        styled.add_edge(source, target, key=key, **data, color=style.edge_colour(data.get("label", "")))
    return styled


def _first_days(graph: nx.MultiDiGraph) -> dict[str, str]:
    """Node -> the first day it takes part in a dated event: when it appears on a timeline."""
    first: dict[str, str] = {}
    for source, target, data in graph.edges(data=True):
        day = data.get("date") or graph.nodes[source].get("date") or graph.nodes[target].get("date")
        for node in (source, target):
            if day and (node not in first or day < first[node]):
                first[node] = day
    return first


def _graphml_bytes(graph: nx.MultiDiGraph) -> bytes:
    """networkx's GraphML with readable key ids and a `label` XML attribute on each edge."""
    buffer = io.BytesIO()
    nx.write_graphml(_styled(graph), buffer)
    root = ET.fromstring(buffer.getvalue())
    ns = {"g": GRAPHML_NS}
    renamed = {}
    keys = root.findall("g:key", ns)[::-1]  # networkx prepends each new key
    for position, key in enumerate(sorted(keys, key=lambda k: k.get("for") != "node")):
        renamed[key.get("id")] = new_id = f"{key.get('for')}_{key.get('attr.name')}"
        key.set("id", new_id)
        root.remove(key)
        root.insert(position, key)
    for data in root.iter(f"{{{GRAPHML_NS}}}data"):
        data.set("key", renamed[data.get("key")])
    for edge in root.iter(f"{{{GRAPHML_NS}}}edge"):
        label = edge.find("g:data[@key='edge_label']", ns)
        if label is not None:
            edge.set("label", label.text or "")
    return _xml_bytes(root, GRAPHML_NS)


def _gexf_bytes(graph: nx.MultiDiGraph) -> bytes:
    """GEXF 1.3, dynamic, for Gephi's Timeline: networkx writes it from node and edge data
    (`start`/`end`, `viz`), then each edge's action becomes its `kind` (Gephi's edge type),
    the multigraph key networkx adds as an attribute goes (the edge id already is that key),
    attribute ids become their names and kgraph signs as the creator."""
    first = _first_days(graph)
    dynamic = nx.MultiDiGraph(mode="dynamic")
    for node, data in graph.nodes(data=True):
        colour = _node_colour(data)
        viz = {"color": {**style.rgb(colour), "a": 1.0}, "size": style.node_size(data.get("mentions", 0))}
        times = {"start": data["date"], "end": data["date"]} if data.get("date") else (
            {"start": first[node]} if node in first else {})
        dynamic.add_node(node, **data, **times, viz=viz)
    for source, target, key, data in graph.edges(keys=True, data=True):
        day = data.get("date") or graph.nodes[source].get("date") or graph.nodes[target].get("date")
        times = {"start": day, "end": day} if day else {}
        viz = {"color": {**style.rgb(style.edge_colour(data.get("label", ""))), "a": 1.0}}
        dynamic.add_edge(source, target, key=key, id=key, **data, **times, viz=viz)
    buffer = io.BytesIO()
    nx.write_gexf(dynamic, buffer, version=GEXF_VERSION)
    root = ET.fromstring(buffer.getvalue())
    namespace = root.tag[1:].split("}", 1)[0]
    ns = {"g": namespace}
    for name in list(root.attrib):  # networkx (3.x) writes GEXF 1.3 under a misspelt XSI namespace
        if name.endswith("}schemaLocation"):
            root.set(f"{{{XSI_NS}}}schemaLocation", root.attrib.pop(name))
    meta = root.find("g:meta", ns)
    meta.attrib.pop("lastmodifieddate", None)  # the same graph gives the same file
    meta.find("g:creator", ns).text = f"kgraph {_version()}"
    ET.SubElement(meta, f"{{{namespace}}}description").text = "kgraph event graph: actors linked by events"
    graph_element = root.find("g:graph", ns)
    graph_element.attrib.pop("name", None)  # not a GEXF 1.3 attribute: networkx writes it anyway
    graph_element.set("mode", "dynamic")
    graph_element.set("timeformat", "date")
    for attributes in graph_element.findall("g:attributes", ns):
        renamed = {}
        for attribute in list(attributes):
            if attribute.get("title") == "networkx_key":
                attributes.remove(attribute)
                renamed[attribute.get("id")] = None
            else:
                renamed[attribute.get("id")] = attribute.get("title")
                attribute.set("id", attribute.get("title"))
        kind = attributes.get("class")
        for item in graph_element.iter(f"{{{namespace}}}{kind}"):
            values = item.find("g:attvalues", ns)
            for value in list(values) if values is not None else []:
                if value.get("for") in renamed and renamed[value.get("for")] is None:
                    values.remove(value)
                elif value.get("for") in renamed:
                    value.set("for", renamed[value.get("for")])
    for edge in root.iter(f"{{{namespace}}}edge"):
        if edge.get("label"):
            edge.set("kind", edge.get("label", ""))
    return _xml_bytes(root, namespace)


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("kgraph")
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "unknown"


def _xml_bytes(root: ET.Element, namespace: str) -> bytes:
    """Serialize with the format's namespace as the default one (no ns0: prefixes).

    ElementTree's `default_namespace` refuses unprefixed attributes, so the namespace is
    taken off the tags and declared once with `xmlns`, as networkx itself writes it.
    """
    prefix = f"{{{namespace}}}"
    for element in root.iter():
        if element.tag.startswith(prefix):
            element.tag = element.tag[len(prefix):]
    root.set("xmlns", namespace)
    ET.indent(root)
    out = io.BytesIO()
    ET.ElementTree(root).write(out, encoding="utf-8", xml_declaration=True)
    # ElementTree writes a carriage return in text as it is, which XML readers turn into a line
    # feed: a label's "\r" came back as "\n" (attributes' are escaped already)
    return out.getvalue().replace(b"\r", b"&#13;") + b"\n"


def read_network(graph: str | Path, view: str = "actors", *, isolated: bool = True) -> nx.MultiDiGraph:
    """The network (`build_network`) of a graph file, store folder or endpoint."""
    with open_source(graph) as source:
        return build_network(source, view, isolated=isolated)


def export_graph(graph: str | Path, output: Path, *, fmt: str = "graphml", view: str = "actors",
                 isolated: bool = True, reader: Callable[..., nx.MultiDiGraph] = read_network) -> ExportSummary:
    """Write a graph file, store or endpoint to `output` as GraphML or GEXF (a network for
    Gephi), a self-contained HTML page (to look at in a browser) or RDF (turtle, nt, nq,
    trig, jsonld), atomically. `isolated=False` leaves out actors in no event. `reader` reads
    the network (`read_network`'s arguments): the CLI runs it in a child process that Ctrl-C
    stops at once and whose memory is limited (`killable.run_killable`)."""
    if not is_remote(str(graph)) and same_file(output, Path(graph)):
        raise OutputError(f"--output {output} is the same file as the graph it exports; choose another file")
    if fmt in EXPORT_RDF_FORMATS:
        return export_rdf(graph, output, fmt)
    if fmt not in EXPORT_FORMATS:
        known = ", ".join([*EXPORT_FORMATS, *EXPORT_RDF_FORMATS])
        raise KgraphError(f"unknown export format '{fmt}'; choose one of {known}")
    if view not in VIEWS:
        raise KgraphError(f"unknown export view '{view}'; choose {' or '.join(VIEWS)}")
    check_writable(output)  # fail before loading anything
    network = reader(graph, view, isolated=isolated)
    if fmt == "html":
        from .htmlview import html_bytes

        content = html_bytes(network, title=f"kgraph: {Path(str(graph)).name}")
    else:
        content = _graphml_bytes(network) if fmt == "graphml" else _gexf_bytes(network)
    write_atomically(output, lambda tmp: tmp.write_bytes(content))
    return ExportSummary(nodes=network.number_of_nodes(), edges=network.number_of_edges())


def export_rdf(graph: str | Path, output: Path, fmt: str) -> ExportSummary:
    """The whole graph as RDF: N-Quads and TriG keep each article's named graph, the other
    syntaxes write the union of all graphs (each triple once), whether `graph` is a file, a
    store folder or an endpoint."""
    check_writable(output)
    syntax = RDF_FORMATS[EXPORT_RDF_FORMATS[fmt]]
    written: list[int] = []
    with open_source(graph) as source:
        write_atomically(output, lambda tmp: written.append(source.dump(tmp, syntax)))
    return ExportSummary(nodes=0, edges=0, quads=written[0])
