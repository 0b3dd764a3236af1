"""`kgraph.export`: GraphML and GEXF that networkx, igraph and Gephi read as intended."""
from __future__ import annotations

import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import igraph
import networkx as nx
import pytest

from kgraph.errors import KgraphError, OutputError
from kgraph.export import ExportSummary, export_graph

MINI = Path(__file__).parent / "data" / "mini.ttl"
KGID = "https://w3id.org/kgraph/id/"
RUS, UKR, KOR = f"{KGID}country/RUS", f"{KGID}country/UKR", f"{KGID}country/KOR"
CONSIDER, SUPPLY = f"{KGID}event/e3", f"{KGID}event/e4"
G = "{http://graphml.graphdrawing.org/xmlns}"

NODE_ATTRIBUTES = {"label", "type", "country", "mentions", "color", "size"}
EDGE_ATTRIBUTES = {
    "label", "action", "modality", "date", "source", "evidence", "trigger", "confidence", "event", "weight", "color",
}
GEXF = "{http://gexf.net/1.3}"
VIZ = "{http://gexf.net/1.3/viz}"


@pytest.fixture
def actors_graphml(tmp_path: Path) -> Path:
    output = tmp_path / "actors.graphml"
    assert export_graph(MINI, output) == ExportSummary(nodes=6, edges=7)
    return output


@pytest.fixture
def events_graphml(tmp_path: Path) -> Path:
    output = tmp_path / "events.graphml"
    assert export_graph(MINI, output, view="events") == ExportSummary(nodes=13, edges=15)
    return output


def test_actors_view_reads_back_with_networkx(actors_graphml: Path) -> None:
    graph = nx.read_graphml(actors_graphml)
    assert graph.is_directed() and graph.is_multigraph()
    assert (graph.number_of_nodes(), graph.number_of_edges()) == (6, 7)
    assert all(set(data) == NODE_ATTRIBUTES for _, data in graph.nodes(data=True))
    assert all(set(data) == EDGE_ATTRIBUTES for *_, data in graph.edges(data=True))
    assert graph.nodes[f"{KGID}actor/volodymyr-zelenskyy"] == {
        "label": "Volodymyr Zelenskyy", "type": "Person", "country": "UKR", "mentions": 3,
        "color": "#E69F00", "size": 20.39,
    }
    assert graph.nodes[f"{KGID}actor/nato"]["country"] == ""  # an organisation without a country
    assert graph.nodes[RUS]["country"] == "RUS"  # a country is its own country


def test_actors_view_reads_back_with_igraph(actors_graphml: Path) -> None:
    graph = igraph.Graph.Read_GraphML(str(actors_graphml))
    assert graph.is_directed()
    assert (graph.vcount(), graph.ecount()) == (6, 7)
    assert NODE_ATTRIBUTES <= set(graph.vs.attributes())
    assert EDGE_ATTRIBUTES <= set(graph.es.attributes())
    assert sorted(graph.vs["label"])[:2] == ["NATO", "North Korea"]


def test_edge_attributes_carry_the_event(actors_graphml: Path) -> None:
    graph = nx.read_graphml(actors_graphml)
    (negated,) = [d for *_, d in graph.edges(data=True) if d["modality"] == "negated"]
    assert negated["action"] == negated["label"] == "deploy"
    assert negated["source"] == "https://example.org/news/ukraine"
    assert negated["evidence"].startswith("NATO will not deploy")
    assert negated["confidence"] == 0.75 and negated["weight"] == 1.0
    assert negated["event"] == f"{KGID}event/e5"


def test_two_agents_give_two_edges(actors_graphml: Path) -> None:
    graph = nx.read_graphml(actors_graphml)
    agents = {u for u, _, d in graph.edges(data=True) if d["event"] == f"{KGID}event/e6"}
    assert agents == {f"{KGID}actor/nato", f"{KGID}actor/volodymyr-zelenskyy"}


def test_targetless_event_has_no_edge_in_actors_view(actors_graphml: Path) -> None:
    graph = nx.read_graphml(actors_graphml)
    assert "consider" not in {d["action"] for *_, d in graph.edges(data=True)}


def test_condemn_and_deploy_between_the_same_pair_stay_two_edges(actors_graphml: Path) -> None:
    root = ET.parse(actors_graphml).getroot()
    pair = [e for e in root.iter(f"{G}edge") if (e.get("source"), e.get("target")) == (RUS, UKR)]
    assert sorted(e.get("label") for e in pair) == ["condemn", "deploy"]
    assert len({e.get("id") for e in pair}) == 2
    ids = [e.get("id") for e in root.iter(f"{G}edge")]
    assert len(ids) == len(set(ids)) == 7


def test_every_data_key_is_declared_for_its_element(actors_graphml: Path, events_graphml: Path) -> None:
    for path in (actors_graphml, events_graphml):
        text = path.read_text()
        assert "ns0:" not in text
        root = ET.fromstring(text)
        assert root.tag == f"{G}graphml"
        keys = {k.get("id"): k for k in root.iter(f"{G}key")}
        assert all(k.get("attr.type") in {"string", "int", "long", "double", "boolean"} for k in keys.values())
        for element in ("node", "edge"):
            for item in root.iter(f"{G}{element}"):
                for data in item.iter(f"{G}data"):
                    assert keys[data.get("key")].get("for") == element


def test_keys_cannot_be_mistaken_for_yed_labels(actors_graphml: Path) -> None:
    # Gephi treats a node key with id "d3" (edge: "d7") as the label, whatever its name.
    keys = list(ET.parse(actors_graphml).getroot().iter(f"{G}key"))
    assert not {k.get("id") for k in keys} & {"d3", "d7"}
    labels = [(k.get("for"), k.get("id")) for k in keys if k.get("attr.name") == "label"]
    assert sorted(labels) == [("edge", "edge_label"), ("node", "node_label")]


def test_events_view_has_event_nodes(events_graphml: Path) -> None:
    graph = nx.read_graphml(events_graphml)
    events = {n for n, d in graph.nodes(data=True) if d["type"] == "Event"}
    assert len(events) == 7
    assert graph.nodes[CONSIDER]["label"] == "consider"
    assert graph.nodes[SUPPLY]["modality"] == "hypothetical"


def test_targetless_consider_shows_up_with_a_theme_edge(events_graphml: Path) -> None:
    graph = nx.read_graphml(events_graphml)
    assert {(u, v, d["label"]) for u, v, d in graph.in_edges(CONSIDER, data=True)} == {(KOR, CONSIDER, "agent")}
    assert {(u, v, d["label"]) for u, v, d in graph.out_edges(CONSIDER, data=True)} == {(CONSIDER, SUPPLY, "theme")}
    assert (SUPPLY, UKR) in graph.edges


def test_gexf_reads_back_with_networkx(tmp_path: Path) -> None:
    output = tmp_path / "actors.gexf"
    assert export_graph(MINI, output, fmt="gexf") == ExportSummary(nodes=6, edges=7)
    graph = nx.read_gexf(output)
    assert (graph.number_of_nodes(), graph.number_of_edges()) == (6, 7)
    assert graph.nodes[RUS]["label"] == "Russia"
    assert sorted(d["label"] for d in graph[RUS][UKR].values()) == ["condemn", "deploy"]


def test_gexf_edge_kind_is_the_action(tmp_path: Path) -> None:
    # Gephi's GEXF importer uses `kind` as the edge type: different kinds are never merged.
    output = tmp_path / "actors.gexf"
    export_graph(MINI, output, fmt="gexf")
    root = ET.parse(output).getroot()
    namespace = root.tag.split("}")[0] + "}"
    edges = list(root.iter(f"{namespace}edge"))
    assert all(e.get("kind") == e.get("label") for e in edges)
    assert len({e.get("id") for e in edges}) == 7
    assert "ns0:" not in output.read_text()


def test_gexf_is_dynamic_1_3_for_gephis_timeline(tmp_path: Path) -> None:
    output = tmp_path / "actors.gexf"
    export_graph(MINI, output, fmt="gexf")
    root = ET.parse(output).getroot()
    assert (root.tag, root.get("version")) == (f"{GEXF}gexf", "1.3")
    assert root.get("{http://www.w3.org/2001/XMLSchema-instance}schemaLocation").startswith("http://gexf.net/1.3 ")
    assert root.findtext(f"{GEXF}meta/{GEXF}creator") == "kgraph 0.1.0"
    graph = root.find(f"{GEXF}graph")
    assert (graph.get("mode"), graph.get("timeformat")) == ("dynamic", "date")
    assert "name" not in graph.attrib  # GEXF 1.3's schema has no graph name
    # an event edge lives on its day; an undated one (its document has no date) always
    edges = {e.get("id"): e for e in graph.iter(f"{GEXF}edge")}
    assert (edges["e1-0"].get("start"), edges["e1-0"].get("end")) == ("2024-10-21", "2024-10-21")
    assert (edges["e2-0"].get("start"), edges["e2-0"].get("end")) == ("2024-10-22", "2024-10-22")
    assert edges["e5-0"].get("start") is None and edges["e5-0"].get("end") is None
    # an actor appears with its first dated event and stays
    nodes = {n.get("id"): n for n in graph.iter(f"{GEXF}node")}
    starts = {node.rsplit("/", 1)[-1]: n.get("start") for node, n in nodes.items()}
    assert starts == {"RUS": "2024-10-21", "UKR": "2024-10-21", "KOR": "2024-10-22", "PRK": "2024-10-22",
                      "volodymyr-zelenskyy": "2024-10-24", "nato": "2024-10-24"}
    assert not any(n.get("end") for n in nodes.values())


def test_gexf_colours_nodes_by_type_and_edges_by_action_and_sizes_by_mentions(tmp_path: Path) -> None:
    output = tmp_path / "actors.gexf"
    export_graph(MINI, output, fmt="gexf")
    root = ET.parse(output).getroot()
    nodes = {n.get("id").rsplit("/", 1)[-1]: n for n in root.iter(f"{GEXF}node")}

    def colour(element: ET.Element) -> tuple[str, ...]:
        found = element.find(f"{VIZ}color")
        return tuple(found.get(c) for c in "rgb")

    assert colour(nodes["RUS"]) == colour(nodes["UKR"]) == ("0", "114", "178")  # countries
    assert colour(nodes["volodymyr-zelenskyy"]) == ("230", "159", "0")  # a person
    assert colour(nodes["nato"]) == ("0", "158", "115")  # an organisation
    sizes = {name: float(n.find(f"{VIZ}size").get("value")) for name, n in nodes.items()}
    assert sizes["KOR"] == sizes["nato"]  # both mentioned twice
    assert sizes["nato"] < sizes["volodymyr-zelenskyy"] < sizes["PRK"] < sizes["RUS"] < sizes["UKR"]  # 3, 4, 5, 6
    by_action = {}
    for edge in root.iter(f"{GEXF}edge"):
        by_action.setdefault(edge.get("kind"), set()).add(colour(edge))
    assert all(len(colours) == 1 for colours in by_action.values())  # one colour per action
    assert len({c for colours in by_action.values() for c in colours}) == len(by_action)


def test_gexf_dynamic_reads_back_with_networkx_without_leaked_keys(tmp_path: Path) -> None:
    output = tmp_path / "actors.gexf"
    export_graph(MINI, output, fmt="gexf")
    assert "networkx_key" not in output.read_text()
    graph = nx.read_gexf(output)
    assert graph.graph["mode"] == "dynamic"
    assert graph.nodes[RUS]["start"] == "2024-10-21"
    assert graph.nodes[RUS]["viz"]["color"] == {"r": 0, "g": 114, "b": 178, "a": 1.0}
    deploy = next(d for d in graph[RUS][UKR].values() if d["label"] == "deploy")
    assert (deploy["start"], deploy["end"], deploy["action"]) == ("2024-10-21", "2024-10-21", "deploy")


def test_no_isolated_leaves_out_actors_without_events(tmp_path: Path) -> None:
    with_france = tmp_path / "with-france.ttl"  # a country named in no event
    with_france.write_text(MINI.read_text() + '<country/FRA> a kg:Actor, kg:Country ; rdfs:label "France" .\n')
    assert export_graph(with_france, tmp_path / "all.gexf", fmt="gexf") == ExportSummary(nodes=7, edges=7)
    assert export_graph(with_france, tmp_path / "linked.gexf", fmt="gexf", isolated=False) == ExportSummary(nodes=6, edges=7)
    assert f"{KGID}country/FRA" not in nx.read_gexf(tmp_path / "linked.gexf")


def test_gexf_events_view(tmp_path: Path) -> None:
    output = tmp_path / "events.gexf"
    assert export_graph(MINI, output, fmt="gexf", view="events") == ExportSummary(nodes=13, edges=15)
    graph = nx.read_gexf(output)
    assert graph.has_edge(CONSIDER, SUPPLY)
    # an event node lives on its day, in its action's colour (deploy: #FF7F00)
    deploy = graph.nodes[f"{KGID}event/e1"]
    assert (deploy["start"], deploy["end"]) == ("2024-10-21", "2024-10-21")
    assert deploy["viz"]["color"] == {"r": 255, "g": 127, "b": 0, "a": 1.0}
    assert "start" not in graph.nodes[f"{KGID}event/e5"]  # undated: always there


def test_missing_output_folder_raises_before_any_work(tmp_path: Path) -> None:
    output = tmp_path / "no-such-folder" / "graph.graphml"
    with pytest.raises(OutputError, match="does not exist"):
        export_graph(tmp_path / "not-even-read.ttl", output)
    assert not output.parent.exists()


def test_output_folder_that_is_a_file_raises(tmp_path: Path) -> None:
    (tmp_path / "plain-file").write_text("")
    with pytest.raises(OutputError):
        export_graph(MINI, tmp_path / "plain-file" / "graph.graphml")
    assert [p.name for p in tmp_path.iterdir()] == ["plain-file"]


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root can write anywhere")
def test_unwritable_output_folder_raises_and_leaves_no_file(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(OutputError, match="not writable"):
            export_graph(MINI, folder / "graph.graphml")
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o700)


def test_export_leaves_only_the_output_file(tmp_path: Path) -> None:
    export_graph(MINI, tmp_path / "graph.graphml")
    assert [p.name for p in tmp_path.iterdir()] == ["graph.graphml"]


@pytest.mark.parametrize(("options", "message"), [
    ({"fmt": "dot"}, "unknown export format 'dot'; choose one of graphml, gexf, html, turtle"),
    ({"view": "documents"}, "unknown export view 'documents'; choose actors or events"),
])
def test_unknown_format_or_view(tmp_path: Path, options: dict[str, str], message: str) -> None:
    with pytest.raises(KgraphError, match=message):
        export_graph(MINI, tmp_path / "graph.out", **options)


def test_cli_no_isolated(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from kgraph.cli import app

    with_france = tmp_path / "with-france.ttl"
    with_france.write_text(MINI.read_text() + '<country/FRA> a kg:Actor, kg:Country ; rdfs:label "France" .\n')
    output = tmp_path / "linked.gexf"
    result = CliRunner().invoke(app, ["export", str(with_france), "--format", "gexf", "--no-isolated", "-o", str(output)])
    assert result.exit_code == 0, result.output
    assert result.stdout == f"wrote 6 nodes and 7 edges to {output}\n"
    assert "France" not in output.read_text()


def test_every_action_has_its_own_colour() -> None:
    from kgraph import style
    from kgraph.actions import ACTIONS

    colours = {action: style.edge_colour(action) for action in ACTIONS}
    assert len(set(colours.values())) == len(ACTIONS) == 12
    assert style.node_colour("Event", "warn") == colours["warn"]
    assert style.node_colour("Spaceship") == style.node_colour("") == "#999999"


def test_gexf_of_a_graph_without_dates_is_dynamic_with_everything_always_there(tmp_path: Path) -> None:
    undated = tmp_path / "undated.ttl"
    undated.write_text(re.sub(r'\s*(kg|dcterms):date "[0-9-]+"\^\^xsd:date\s*([;.])', r" \2", MINI.read_text()))
    output = tmp_path / "undated.gexf"
    assert export_graph(undated, output, fmt="gexf") == ExportSummary(nodes=6, edges=7)
    root = ET.parse(output).getroot()
    assert root.find(f"{GEXF}graph").get("mode") == "dynamic"
    assert not [e for e in root.iter() if e.get("start") or e.get("end")]
    assert len(nx.read_gexf(output).edges) == 7


def test_control_characters_of_an_article_do_not_stop_graphml_or_gexf(tmp_path: Path) -> None:
    from kgraph.pipeline import build
    article = tmp_path / "a.txt"
    article.write_text("Russia condemned Acme\x1bGroup Inc. on Monday.\x01\n", encoding="utf-8")
    build([str(article)], tmp_path / "g.ttl")
    export_graph(tmp_path / "g.ttl", tmp_path / "g.graphml")
    export_graph(tmp_path / "g.ttl", tmp_path / "g.gexf", fmt="gexf")
    assert nx.read_graphml(tmp_path / "g.graphml").number_of_edges() == 1
    assert nx.read_gexf(tmp_path / "g.gexf").number_of_edges() == 1


HAND_MADE = """@prefix kg: <https://w3id.org/kgraph/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<http://x/a> a kg:Actor ; rdfs:label "line1\\nline2\\ttab\\r" ; kg:mentionCount "many" .
<http://x/b> a kg:Actor ; rdfs:label "B" ; kg:mentionCount "99999999999999999999999" .
<http://x/e> a kg:Event , kg:Condemn ; kg:agent <http://x/a> ; kg:target <http://x/b> ;
    kg:confidence "high" ; kg:date "last Tuesday" .
"""


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "html"])
def test_a_graph_kgraph_did_not_write_exports_with_its_odd_values_read_as_nothing(tmp_path: Path, fmt: str) -> None:
    """A count of "many" was a ValueError traceback; "last Tuesday" became a GEXF start date
    no reader takes, and 10^23 mentions a node size of 1.9e12."""
    source = tmp_path / "hand.ttl"
    source.write_text(HAND_MADE, encoding="utf-8")
    export_graph(source, tmp_path / f"g.{fmt}", fmt=fmt)
    if fmt == "html":
        return
    graph = nx.read_graphml(tmp_path / "g.graphml") if fmt == "graphml" else nx.read_gexf(tmp_path / "g.gexf")
    nodes = dict(graph.nodes(data=True))
    assert nodes["http://x/a"]["mentions"] == 0 and nodes["http://x/b"]["mentions"] == 2**31 - 1
    (_, _, edge), = graph.edges(data=True)
    assert edge["confidence"] == 0.0 and not edge.get("date") and "start" not in edge


def test_a_label_keeps_its_carriage_return_in_graphml(tmp_path: Path) -> None:
    """ElementTree wrote a "\\r" in text as it was, and XML readers read it as "\\n"."""
    source = tmp_path / "hand.ttl"
    source.write_text(HAND_MADE, encoding="utf-8")
    export_graph(source, tmp_path / "g.graphml", fmt="graphml")
    assert nx.read_graphml(tmp_path / "g.graphml").nodes["http://x/a"]["label"] == "line1\nline2\ttab\r"
    label = igraph.Graph.Read_GraphML(str(tmp_path / "g.graphml")).vs.find(id="http://x/a")["label"]
    assert label == "line1\nline2\ttab\r"


def test_an_event_its_text_left_undated_stays_off_the_timeline(tmp_path: Path) -> None:
    """"Germany condemned Russia in February 2022" has no kg:date on purpose; GEXF put it on its
    article's day all the same."""
    source = tmp_path / "undated.ttl"
    source.write_text("""@prefix kg: <https://w3id.org/kgraph/ontology#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<http://x/doc> a kg:Document ; dcterms:date "2024-10-10"^^xsd:date .
<http://x/e> a kg:Event , kg:Condemn ; kg:agent <http://x/a> ; kg:target <http://x/b> ;
    prov:wasDerivedFrom <http://x/doc> .
""", encoding="utf-8")
    export_graph(source, tmp_path / "g.gexf", fmt="gexf")
    (_, _, edge), = nx.read_gexf(tmp_path / "g.gexf").edges(data=True)
    assert "start" not in edge and not edge.get("date")
