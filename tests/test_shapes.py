"""The SHACL shapes (ontology/shapes.ttl) catch what the guidelines and the ontology rule out.

Each test corrupts the graph `kgraph build` wrote for `examples/` in one way, as a bug in the
extractor or a hand edit would, and expects pyshacl to name that fault, and only that fault,
where it is; the built graph itself conforms.
"""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pyshacl
import pytest
import rdflib
from rdflib import RDF, URIRef
from rdflib.namespace import SH
from typer.testing import CliRunner

from kgraph.cli import app
from kgraph.vocab import ID, KG

from conftest import ROOT, SHARED, require_shared

SHAPES = ROOT / "ontology" / "shapes.ttl"
COUNTRY = ID["country/"]


@pytest.fixture(scope="module")
def shapes() -> rdflib.Graph:
    return rdflib.Graph().parse(SHAPES)


@pytest.fixture(scope="module")
def built(examples_ttl: Path) -> rdflib.Graph:
    return rdflib.Graph().parse(examples_ttl)


def copy(graph: rdflib.Graph) -> rdflib.Graph:
    out = rdflib.Graph()
    for triple in graph:
        out.add(triple)
    return out


def faults(graph: rdflib.Graph, shapes: rdflib.Graph, **options) -> set[tuple]:
    """(focus node, constraint component's local name, path) of every violation."""
    options.setdefault("inference", "none")
    conforms, results, _ = pyshacl.validate(graph, shacl_graph=shapes, **options)
    found = set()
    for result in results.subjects(RDF.type, SH.ValidationResult):
        component = str(results.value(result, SH.sourceConstraintComponent)).rsplit("#", 1)[-1]
        found.add((results.value(result, SH.focusNode), component, results.value(result, SH.resultPath)))
    assert conforms == (not found)
    return found


def an_event(graph: rdflib.Graph, cls: URIRef = KG.Condemn) -> URIRef:
    return sorted(graph.subjects(RDF.type, cls))[0]


def test_the_built_graph_conforms(built: rdflib.Graph, shapes: rdflib.Graph) -> None:
    assert faults(built, shapes) == set()


def test_an_event_without_an_agent_is_a_violation(built: rdflib.Graph, shapes: rdflib.Graph) -> None:
    graph, event = copy(built), an_event(built)
    graph.remove((event, KG.agent, None))
    assert faults(graph, shapes) == {(event, "MinCountConstraintComponent", KG.agent)}


def test_a_code_that_names_no_country_is_a_violation(built: rdflib.Graph, shapes: rdflib.Graph) -> None:
    """A country renamed everywhere to XXX (its IRI and its code agree, so only the code is wrong)."""
    old, new = COUNTRY + "PRK", COUNTRY + "XXX"
    assert (old, KG.iso3, rdflib.Literal("PRK")) in built
    graph = rdflib.Graph()
    for s, p, o in built:
        s, o = (new if s == old else s), (new if o == old else o)
        graph.add((s, p, rdflib.Literal("XXX") if (s, p) == (new, KG.iso3) else o))
    assert faults(graph, shapes) == {(new, "InConstraintComponent", KG.iso3)}


def test_kosovos_user_assigned_code_is_a_country_code(built: rdflib.Graph, shapes: rdflib.Graph) -> None:
    graph = copy(built)
    graph.add((COUNTRY + "XKX", RDF.type, KG.Actor))
    graph.add((COUNTRY + "XKX", RDF.type, KG.Country))
    graph.add((COUNTRY + "XKX", rdflib.RDFS.label, rdflib.Literal("Kosovo")))
    graph.add((COUNTRY + "XKX", KG.iso3, rdflib.Literal("XKX")))
    assert faults(graph, shapes) == set()


def test_a_code_that_disagrees_with_its_country_iri_is_a_violation(built: rdflib.Graph, shapes: rdflib.Graph) -> None:
    graph, country = copy(built), COUNTRY + "PRK"
    graph.set((country, KG.iso3, rdflib.Literal("KOR")))  # a real code, but South Korea's
    assert faults(graph, shapes) == {(country, "SPARQLConstraintComponent", None)}


def test_a_code_on_an_actor_that_is_no_country_is_a_violation(built: rdflib.Graph, shapes: rdflib.Graph) -> None:
    graph = copy(built)
    person = sorted(built.subjects(RDF.type, KG.Person))[0]
    graph.add((person, KG.iso3, rdflib.Literal("UKR")))
    assert faults(graph, shapes) == {(person, "ClassConstraintComponent", None)}


@pytest.mark.parametrize("cls, right, wrong", [
    (KG.Event, KG.extractedBy, "extractedby"),
    (KG.Event, KG.date, "Date"),
    (KG.Actor, KG.mentionCount, "mentionsCount"),
    (KG.Country, KG.iso3, "ISO3"),
])
def test_a_misspelt_kg_property_is_a_violation(built: rdflib.Graph, shapes: rdflib.Graph,
                                               cls: URIRef, right: URIRef, wrong: str) -> None:
    node, value = sorted((s, o) for s, o in built.subject_objects(right) if (s, RDF.type, cls) in built)[0]
    graph = copy(built)
    graph.remove((node, right, value))
    graph.add((node, KG._NS[wrong], value))
    expected = {(node, "ClosedConstraintComponent", KG._NS[wrong])}
    if right == KG.iso3:  # a country's code is required, so its absence is a second fault
        expected.add((node, "MinCountConstraintComponent", KG.iso3))
    assert faults(graph, shapes) == expected


def test_a_misspelt_property_on_a_document_is_a_violation(built: rdflib.Graph, shapes: rdflib.Graph) -> None:
    graph = copy(built)
    document = sorted(built.subjects(RDF.type, KG.Document))[0]
    misspelt = KG._NS["source"]  # dcterms:source meant
    graph.add((document, misspelt, rdflib.Literal("examples/x.txt")))
    assert faults(graph, shapes) == {(document, "ClosedConstraintComponent", misspelt)}


def test_the_closed_shapes_accept_what_rdfs_inference_adds(built: rdflib.Graph, shapes: rdflib.Graph) -> None:
    """sem:hasActor, sem:accordingTo, prov:wasAttributedTo and sem:hasTimeStamp, inferred from
    the ontology's sub-properties, are not misspellings."""
    ontology = rdflib.Graph().parse(ROOT / "ontology" / "kgraph.ttl")
    assert faults(built, shapes, ont_graph=ontology, inference="rdfs") == set()


def test_the_code_list_is_pycountrys(shapes: rdflib.Graph) -> None:
    """The list in the shapes is the installed pycountry's (plus XKX): rerun
    tools/iso3_codes.py when this fails after a pycountry update."""
    spec = importlib.util.spec_from_file_location("iso3_codes", ROOT / "tools" / "iso3_codes.py")
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    lists = [rdflib.collection.Collection(shapes, head) for head in shapes.objects(None, SH["in"])]
    in_shapes = [sorted(str(v) for v in values) for values in lists if "PRK" in {str(v) for v in values}]
    assert in_shapes == [tool.codes()]
    assert {"PRK", "KOR", "UKR", "XKX"} <= set(tool.codes()) and "XXX" not in tool.codes()
    assert tool.with_codes(SHAPES.read_text(encoding="utf-8"), tool.codes()) == SHAPES.read_text(encoding="utf-8")


def test_real_text_builds_a_graph_that_conforms(shapes: rdflib.Graph, tmp_path: Path) -> None:
    """The development set's government and UN texts: every event has an agent, every code is a
    country's."""
    docs = SHARED / "eval" / "dev" / "docs"
    require_shared(docs, what="development set")
    output = tmp_path / "dev.ttl"
    result = CliRunner().invoke(app, ["build", str(docs), "--output", str(output), "--quiet"])
    assert result.exit_code == 0, result.output
    assert faults(rdflib.Graph().parse(output), shapes) == set()
