"""The ontology is OWL 2 DL as a DL reasoner reads it: HermiT (through owlready2, on the
machine's Java) loads it with the graph of `examples/` as individuals, finds the whole
consistent and classifies it, and finds the contradictions the ontology rules out.

kg:date values are xsd:date literals, outside the OWL 2 datatype map: HermiT reads them with
its ignore-unsupported-datatypes option (see kg:date's comment in ontology/kgraph.ttl); the
ontology itself names no datatype HermiT lacks, so it loads without that option.
"""
from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from unittest import mock

import owlready2
import pytest
import rdflib
from rdflib import RDF, URIRef

from kgraph.vocab import ACTION_CLASSES, KG, SEM

from conftest import ROOT

ONTOLOGY = ROOT / "ontology" / "kgraph.ttl"


@pytest.fixture(autouse=True, scope="module")
def java() -> None:
    if owlready2.JAVA_EXE == "java" and shutil.which("java") is None:
        pytest.fail("HermiT needs Java: apt-get install default-jre-headless (.ci/run does)", pytrace=False)


def reason(graph: rdflib.Graph, *, ignore_unsupported_datatypes: bool = True) -> "owlready2.World":
    """Load `graph` into a fresh owlready2 world and run HermiT on it; raises
    OwlReadyInconsistentOntologyError when HermiT finds the whole inconsistent."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "graph.nt"
        graph.serialize(path, format="nt", encoding="utf-8")
        world = owlready2.World()
        world.get_ontology(path.as_uri()).load()
        # owlready2 hands HermiT a temporary copy that it keeps when HermiT fails: keep it here
        with mock.patch.object(tempfile, "tempdir", folder):
            owlready2.sync_reasoner_hermit(world, infer_property_values=True, debug=0,
                                           ignore_unsupported_datatypes=ignore_unsupported_datatypes)
    return world


@pytest.fixture(scope="module")
def ontology() -> rdflib.Graph:
    return rdflib.Graph().parse(ONTOLOGY)


@pytest.fixture(scope="module")
def with_examples(ontology: rdflib.Graph, examples_ttl: Path) -> rdflib.Graph:
    graph = rdflib.Graph()
    for triple in ontology:
        graph.add(triple)
    return graph.parse(examples_ttl)


def copy(graph: rdflib.Graph) -> rdflib.Graph:
    out = rdflib.Graph()
    for triple in graph:
        out.add(triple)
    return out


def test_hermit_loads_the_ontology_alone_without_any_datatype_leniency(ontology: rdflib.Graph) -> None:
    world = reason(ontology, ignore_unsupported_datatypes=False)
    assert list(world.inconsistent_classes()) == []  # every class can have members


def test_hermit_finds_the_examples_graph_consistent_and_classifies_its_events(with_examples: rdflib.Graph) -> None:
    world = reason(with_examples)
    assert list(world.inconsistent_classes()) == []
    events = set(with_examples.subjects(RDF.type, KG.Event))
    assert len(events) >= 24
    sem_events = {URIRef(i.iri) for i in world[str(SEM.Event)].instances()}
    assert events <= sem_events  # kg:Deploy ⊑ kg:Event ⊑ sem:Event, as HermiT classifies them
    deploys = {URIRef(i.iri) for i in world[str(KG.Deploy)].instances()}
    assert deploys == set(with_examples.subjects(RDF.type, KG.Deploy)) and deploys


def test_hermit_reads_the_sem_links(ontology: rdflib.Graph) -> None:
    world = reason(ontology)
    reported_by, date = world[str(KG.reportedBy)], world[str(KG.date)]
    assert world[str(SEM.accordingTo)] in reported_by.is_a
    assert world[str(SEM.hasTimeStamp)] in date.is_a
    assert world[str(SEM.hasActor)] in world[str(KG.agent)].is_a


def test_hermit_infers_an_actor_from_the_range_of_kg_agent(with_examples: rdflib.Graph) -> None:
    graph = copy(with_examples)
    event = next(iter(graph.subjects(RDF.type, KG.Condemn)))
    stranger = URIRef("https://w3id.org/kgraph/id/actor/someone-untyped")
    graph.add((event, KG.agent, stranger))
    world = reason(graph)
    assert world[str(stranger)] in world[str(KG.Actor)].instances()
    assert world[str(stranger)] in world[str(SEM.Actor)].instances()


def corruptions(graph: rdflib.Graph) -> dict[str, rdflib.Graph]:
    """Graphs the ontology rules out, each made from the built one by one change."""
    event = sorted(graph.subjects(RDF.type, KG.Deploy))[0]
    other = sorted(set(graph.subjects(RDF.type, KG.Event)) - {event})[0]
    country = sorted(graph.subjects(RDF.type, KG.Country))[0]
    out = {}
    out["two action classes"] = copy(graph)
    out["two action classes"].add((event, RDF.type, ACTION_CLASSES["supply"]))
    out["two modalities"] = copy(graph)
    modality = next(graph.objects(event, KG.modality))
    out["two modalities"].add((event, KG.modality, KG.Negated if modality != KG.Negated else KG.Asserted))
    out["an event as an agent"] = copy(graph)
    out["an event as an agent"].add((event, KG.agent, other))
    out["a country as a person"] = copy(graph)
    out["a country as a person"].add((country, RDF.type, KG.Person))
    return out


@pytest.mark.parametrize("how", ["two action classes", "two modalities", "an event as an agent",
                                 "a country as a person"])
def test_hermit_finds_a_corrupted_graph_inconsistent(with_examples: rdflib.Graph, how: str) -> None:
    with pytest.raises(owlready2.OwlReadyInconsistentOntologyError):
        reason(corruptions(with_examples)[how])


def test_the_ontology_describes_only_its_own_terms(ontology: rdflib.Graph) -> None:
    """Other vocabularies' terms are declared (OWL 2 DL needs their kind), never labelled or
    commented: merged with SEM or PROV-O, the graph must not give their terms a second label."""
    from rdflib.namespace import RDFS, SKOS

    own = str(KG._NS)
    described = {s for p in (RDFS.label, RDFS.comment, SKOS.definition, RDFS.isDefinedBy)
                 for s in ontology.subjects(p, None) if isinstance(s, URIRef)}
    foreign = sorted(s for s in described if not s.startswith(own) and not s.startswith("https://w3id.org/kgraph/"))
    assert foreign == []
    for s in set(ontology.subjects()) - set(ontology.subjects(RDF.type, None)):
        assert not isinstance(s, URIRef), f"{s} is used undeclared"
