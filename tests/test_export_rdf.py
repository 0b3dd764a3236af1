"""`kgraph export --format turtle|nt|nq|trig|n3|jsonld|rdfxml`: what is printed is what is written.

Issue 10.7: exporting a Turtle file as TriG or N-Quads wrote an empty file while printing
"wrote 1053 quads", a store's count was twice what was written, and JSON-LD came out expanded
(every key a full IRI), which does not read as JSON.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from rdflib.compare import isomorphic
from typer.testing import CliRunner

from kgraph.cli import app
from kgraph.pipeline import build

ARTICLES = {
    "a.txt": "Germany condemned Russia on Tuesday. Russia deployed troops to Belarus.\n",
    "b.txt": "Japan and the Philippines agreed to cooperate on maritime security.\n",
}
runner = CliRunner()


@pytest.fixture(scope="module")
def graphs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The same two articles as a Turtle file and as a store folder."""
    folder = tmp_path_factory.mktemp("rdf")
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    inputs = [str(folder / name) for name in ARTICLES]
    build(inputs, folder / "graph.ttl")
    build(inputs, store=str(folder / "kg"))
    return {"file": folder / "graph.ttl", "store": folder / "kg"}


def export(graph: Path, fmt: str, output: Path) -> int:
    """Run `kgraph export`, return the count it printed."""
    result = runner.invoke(app, ["export", str(graph), "--format", fmt, "--output", str(output)])
    assert result.exit_code == 0, result.output
    unit = "quads" if fmt in ("nq", "trig") else "triples"
    printed = re.fullmatch(rf"wrote (\d+) {unit} to .*\n", result.stdout)
    assert printed, result.stdout
    return int(printed.group(1))


def read_back(path: Path, fmt: str) -> list[ox.Quad]:
    syntax = {"nq": ox.RdfFormat.N_QUADS, "trig": ox.RdfFormat.TRIG, "turtle": ox.RdfFormat.TURTLE,
              "nt": ox.RdfFormat.N_TRIPLES, "jsonld": ox.RdfFormat.JSON_LD}[fmt]
    return list(ox.parse(path=str(path), format=syntax))


@pytest.mark.parametrize("fmt", ["nq", "trig", "turtle", "nt", "jsonld"])
@pytest.mark.parametrize("where", ["file", "store"])
def test_the_printed_count_is_what_the_file_holds(graphs: dict[str, Path], tmp_path: Path,
                                                  where: str, fmt: str) -> None:
    output = tmp_path / f"out.{fmt}"
    printed = export(graphs[where], fmt, output)
    written = read_back(output, fmt)
    assert printed == len(written) > 0
    triples = {(q.subject, q.predicate, q.object) for q in read_back(graphs["file"], "turtle")}
    assert {(q.subject, q.predicate, q.object) for q in written} == triples  # nothing lost or added


def test_a_turtle_file_as_quads_keeps_its_triples_in_the_default_graph(graphs: dict[str, Path],
                                                                     tmp_path: Path) -> None:
    printed = export(graphs["file"], "trig", tmp_path / "g.trig")
    quads = read_back(tmp_path / "g.trig", "trig")
    assert printed == len(quads) and {q.graph_name for q in quads} == {ox.DefaultGraph()}


def test_a_store_as_quads_keeps_one_graph_per_article(graphs: dict[str, Path], tmp_path: Path) -> None:
    export(graphs["store"], "nq", tmp_path / "kg.nq")
    quads = read_back(tmp_path / "kg.nq", "nq")
    sources = {q.object.value for q in quads if q.predicate.value.endswith("/terms/source")}
    assert {Path(s).name for s in sources} == set(ARTICLES)
    assert len({q.graph_name for q in quads}) >= len(ARTICLES) + 1  # and the shared actors
    assert ox.DefaultGraph() not in {q.graph_name for q in quads}  # the union is not repeated


def test_jsonld_is_compacted_with_a_context_and_reads_as_json(graphs: dict[str, Path], tmp_path: Path) -> None:
    export(graphs["store"], "jsonld", tmp_path / "kg.jsonld")
    document = json.loads((tmp_path / "kg.jsonld").read_text(encoding="utf-8"))
    context = document["@context"]
    for prefix in ("kg", "prov", "dcterms", "rdfs", "skos", "sem"):
        assert context[prefix].startswith("http"), prefix
    condemn = next(node for node in document["@graph"] if "kg:Condemn" in node.get("@type", []))
    assert condemn["kg:agent"] == {"@id": "country:DEU"} and condemn["kg:target"] == {"@id": "country:RUS"}
    assert condemn["kg:evidence"] == "Germany condemned Russia on Tuesday."
    assert not any(key.startswith("http") for node in document["@graph"] for key in node)
    # and it is still the same RDF, as any JSON-LD processor reads it
    as_jsonld = rdflib.Graph().parse(tmp_path / "kg.jsonld", format="json-ld")
    as_turtle = rdflib.Graph().parse(graphs["file"], format="turtle")
    assert isomorphic(as_jsonld, as_turtle)


def test_a_build_writes_compacted_jsonld_too(graphs: dict[str, Path], tmp_path: Path) -> None:
    source = graphs["file"].parent / "a.txt"
    build([str(source)], tmp_path / "a.jsonld")
    document = json.loads((tmp_path / "a.jsonld").read_text(encoding="utf-8"))
    assert "@context" in document and any("kg:agent" in node for node in document["@graph"])


def test_every_syntax_kgraph_reads_it_also_writes(tmp_path):
    """One formats table (issue 11.6): `.n3` was readable by `query` but refused by `build`."""
    from kgraph.formats import RDF_FORMATS

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Germany condemned Russia on Tuesday.\n")
    runner = CliRunner()
    for suffix in sorted(set(RDF_FORMATS) - {".xml", ".owl"}):  # the RDF/XML spellings: .rdf below
        graph = tmp_path / f"g{suffix}"
        built = runner.invoke(app, ["build", str(folder), "--output", str(graph), "-q"])
        assert built.exit_code == 0, (suffix, built.output)
        asked = runner.invoke(app, ["query", str(graph), "who-condemned-whom", "--format", "csv"])
        assert asked.exit_code == 0 and "Germany,Russia" in asked.output, (suffix, asked.output)


@pytest.mark.parametrize(("name", "syntax"), [("kg.rdf", ox.RdfFormat.RDF_XML), ("kg.xml", ox.RdfFormat.RDF_XML),
                                              ("kg.n3", ox.RdfFormat.N3)])
def test_the_extension_names_the_rdf_syntax_as_for_build(graphs: dict[str, Path], tmp_path: Path,
                                                         name: str, syntax: ox.RdfFormat) -> None:
    # `kgraph export kg -o kg.rdf` writes RDF/XML, as `kgraph build -o kg.rdf` does, not GraphML.
    result = runner.invoke(app, ["export", str(graphs["store"]), "-o", str(tmp_path / name)])
    assert result.exit_code == 0, result.output
    written = list(ox.parse(path=str(tmp_path / name), format=syntax))
    assert re.fullmatch(rf"wrote {len(written)} triples to .*\n", result.stdout)
    triples = {(q.subject, q.predicate, q.object) for q in read_back(graphs["file"], "turtle")}
    assert {(q.subject, q.predicate, q.object) for q in written} == triples
