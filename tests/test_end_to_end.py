"""The whole tool with the real spaCy model, on the bundled `examples/` articles.

These check invariants that hold whatever the model version predicts: the graph is
well-formed under the ontology and its SHACL shapes, every canned query runs in every
format, the exports read back the same in networkx and igraph, and builds are repeatable.
"""
from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import igraph
import networkx as nx
import pytest
import rdflib
from rdflib import RDF
from rdflib.compare import isomorphic
from typer.testing import CliRunner

from kgraph.cli import QUERY_FORMATS, app
from kgraph.query import canned_queries
from kgraph.vocab import ACTION_CLASSES, KG

from conftest import EXAMPLES, ROOT

runner = CliRunner()

NODE_ATTRIBUTES = {"label", "type", "country", "mentions"}
EDGE_ATTRIBUTES = {"label", "action", "modality", "source", "evidence"}
EVENT_ATTRIBUTES = {"action", "modality", "source", "evidence"}  # event nodes in the events view


def kgraph(*args: str):
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, f"kgraph {' '.join(args)}: {result.output}{result.exception or ''}"
    return result


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`kgraph build examples/` once for the whole module."""
    output = tmp_path_factory.mktemp("examples") / "examples.ttl"
    kgraph("build", str(EXAMPLES), "--output", str(output), "--quiet")
    return output


@pytest.fixture(scope="module")
def graph(built: Path) -> rdflib.Graph:
    return rdflib.Graph().parse(built)


def events_of(graph: rdflib.Graph) -> set[rdflib.term.Node]:
    return set(graph.subjects(RDF.type, KG.Event))


def test_examples_give_events(graph: rdflib.Graph) -> None:
    assert len(events_of(graph)) >= 24  # every action at least twice in the examples


def test_every_event_has_exactly_one_action_class(graph: rdflib.Graph) -> None:
    actions = set(ACTION_CLASSES.values())
    for event in events_of(graph):
        classes = set(graph.objects(event, RDF.type)) & actions
        assert len(classes) == 1, f"{event} has action classes {sorted(classes)}"
    for action in actions:  # and nothing has an action class without being a kg:Event
        assert set(graph.subjects(RDF.type, action)) <= events_of(graph)


def test_examples_cover_all_twelve_actions(graph: rdflib.Graph) -> None:
    found = {name for name, cls in ACTION_CLASSES.items() if (None, RDF.type, cls) in graph}
    assert len(ACTION_CLASSES) == 12
    assert found == set(ACTION_CLASSES), f"missing actions: {sorted(set(ACTION_CLASSES) - found)}"


def test_graph_conforms_to_the_shapes(graph: rdflib.Graph) -> None:
    import pyshacl

    conforms, _, report = pyshacl.validate(
        graph,
        shacl_graph=rdflib.Graph().parse(ROOT / "ontology" / "shapes.ttl"),
        ont_graph=rdflib.Graph().parse(ROOT / "ontology" / "kgraph.ttl"),
        inference="rdfs",
    )
    assert conforms, report


# --- every canned query in every format ------------------------------------------------------


@pytest.mark.parametrize("fmt", QUERY_FORMATS)
@pytest.mark.parametrize("name", sorted(canned_queries()))
def test_canned_query_runs_in_every_format(built: Path, name: str, fmt: str) -> None:
    out = kgraph("query", str(built), name, "--format", fmt).stdout
    if fmt == "json":
        answer = json.loads(out)
        assert "results" in answer or "boolean" in answer or isinstance(answer, list)
    elif fmt in ("csv", "tsv"):
        rows = list(csv.reader(io.StringIO(out), delimiter="," if fmt == "csv" else "\t"))
        assert rows and rows[0], "no header row"
    else:
        assert out.strip()


def test_canned_queries_find_something_in_the_examples(built: Path) -> None:
    for name in ("who-condemned-whom", "events-by-action", "country-dyads", "actor-events",
                 "events-with-evidence", "actors"):
        rows = json.loads(kgraph("query", str(built), name, "--format", "json").stdout)["results"]["bindings"]
        assert rows, f"{name} found nothing in examples/"


def test_events_by_action_counts_every_event(built: Path, graph: rdflib.Graph) -> None:
    answer = json.loads(kgraph("query", str(built), "events-by-action", "--format", "json").stdout)
    rows = [{name: int(cell["value"]) for name, cell in row.items() if name != "action"}
            for row in answer["results"]["bindings"]]
    assert sum(row["events"] for row in rows) == len(events_of(graph))
    for row in rows:  # each event has exactly one modality
        assert row["asserted"] + row["hypothetical"] + row["negated"] == row["events"]


# --- exports read back the same in networkx and igraph ---------------------------------------


def export(built: Path, output: Path, fmt: str, view: str) -> tuple[int, int]:
    out = kgraph("export", str(built), "--format", fmt, "--view", view, "--output", str(output)).stdout
    match = re.search(r"wrote (\d+) nodes and (\d+) edges", out)
    assert match, out
    return int(match.group(1)), int(match.group(2))


@pytest.mark.parametrize("view", ["actors", "events"])
def test_graphml_reads_back_alike_in_networkx_and_igraph(built: Path, tmp_path: Path, view: str) -> None:
    output = tmp_path / f"{view}.graphml"
    nodes, edges = export(built, output, "graphml", view)
    assert nodes > 0 and edges > 0

    with_networkx = nx.read_graphml(output)
    with_igraph = igraph.Graph.Read_GraphML(str(output))
    assert (with_networkx.number_of_nodes(), with_networkx.number_of_edges()) == (nodes, edges)
    assert (with_igraph.vcount(), with_igraph.ecount()) == (nodes, edges)
    assert with_networkx.is_directed() and with_igraph.is_directed()

    node_keys = {k for _, data in with_networkx.nodes(data=True) for k in data}
    edge_keys = {k for *_, data in with_networkx.edges(data=True) for k in data}
    assert NODE_ATTRIBUTES <= node_keys and NODE_ATTRIBUTES <= set(with_igraph.vs.attributes())
    if view == "actors":  # events are the edges
        assert EDGE_ATTRIBUTES <= edge_keys and EDGE_ATTRIBUTES <= set(with_igraph.es.attributes())
    else:  # events are nodes; edges are their roles
        assert EVENT_ATTRIBUTES <= node_keys and EVENT_ATTRIBUTES <= set(with_igraph.vs.attributes())
        assert {"label"} <= edge_keys and {e["label"] for e in with_igraph.es} <= {"agent", "target", "theme"}


def test_gexf_reads_back(built: Path, tmp_path: Path) -> None:
    output = tmp_path / "actors.gexf"
    nodes, edges = export(built, output, "gexf", "actors")
    read = nx.read_gexf(output)
    assert (read.number_of_nodes(), read.number_of_edges()) == (nodes, edges)


def test_actors_view_has_one_edge_per_agent_target_pair(built: Path, graph: rdflib.Graph, tmp_path: Path) -> None:
    expected = sum(len(set(graph.objects(e, KG.agent))) * len(set(graph.objects(e, KG.target)))
                   for e in events_of(graph))
    assert export(built, tmp_path / "a.graphml", "graphml", "actors")[1] == expected


# --- builds are repeatable -------------------------------------------------------------------


def ntriples(path: Path) -> set[str]:
    lines = rdflib.Graph().parse(path).serialize(format="nt").splitlines()
    return {line for line in lines if line.strip()}


def test_building_twice_gives_the_same_graph(built: Path, graph: rdflib.Graph, tmp_path: Path) -> None:
    again = tmp_path / "again.ttl"
    kgraph("build", str(EXAMPLES), "--output", str(again), "--quiet")
    assert isomorphic(graph, rdflib.Graph().parse(again))
    assert ntriples(again) == ntriples(built)  # no blank nodes: the very same triples


def test_building_in_another_process_gives_the_same_graph(built: Path, tmp_path: Path) -> None:
    """A different hash seed changes set and dict-of-set orders: output must not depend on them."""
    other = tmp_path / "other.ttl"
    env = {**os.environ, "PYTHONHASHSEED": "4242"}
    done = subprocess.run([sys.executable, "-m", "kgraph", "build", str(EXAMPLES), "-o", str(other), "-q"],
                          capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    assert ntriples(other) == ntriples(built)
