"""One protocol for every graph kgraph reads or writes: a store folder, a SPARQL server and
an RDF file are opened by `open_source` and answer the same calls the same way."""
import pyoxigraph as ox
import pytest

from kgraph.errors import InputError
from kgraph.graphsource import GraphSource, WritableGraphSource, open_source
from kgraph.query import run_query
from kgraph.rdf import ArticleRdf, document_iri
from kgraph.vocab import ID, KG

DOC = document_iri("https://news.example/1")
GRAPH = ox.NamedNode(f"{ID}graph/one")
EVENT = ox.NamedNode(f"{ID}event/one")
TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")


def _article(graph: ox.NamedNode = GRAPH) -> ArticleRdf:
    quads = [ox.Quad(DOC, TYPE, ox.NamedNode(str(KG.Document)), graph),
             ox.Quad(EVENT, TYPE, ox.NamedNode(str(KG.Event)), graph),
             ox.Quad(EVENT, TYPE, ox.NamedNode(str(KG.Condemn)), graph)]
    return ArticleRdf(graph=graph, document=DOC, quads=quads)


def _events(source: GraphSource) -> list[str]:
    result = run_query(source, "SELECT ?e WHERE { ?e a kg:Condemn }")
    return [row[0].value for row in result.rows]


def test_a_folder_is_written_then_read_beside_other_readers(tmp_path):
    with open_source(tmp_path / "kg", write=True) as store:
        assert isinstance(store, WritableGraphSource)
        store.put_article(_article())
        store.put_article(_article(ox.NamedNode(f"{ID}graph/two")))  # the article changed: replaced
        assert store.graph_names() == {f"{ID}graph/two"}
    with open_source(tmp_path / "kg") as first, open_source(tmp_path / "kg") as second:
        assert not isinstance(first, WritableGraphSource)  # a reader cannot write
        assert _events(first) == _events(second) == [EVENT.value]
        assert first.graph_names() == {f"{ID}graph/two"}


def test_a_file_is_read_only_and_answers_as_the_folder_it_was_dumped_from(tmp_path):
    with open_source(tmp_path / "kg", write=True) as store:
        store.put_article(_article())
    with open_source(tmp_path / "kg") as folder:
        assert folder.dump(tmp_path / "kg.nq", ox.RdfFormat.N_QUADS) == 3
    with open_source(tmp_path / "kg.nq") as file:
        assert isinstance(file, GraphSource) and not isinstance(file, WritableGraphSource)
        assert _events(file) == [EVENT.value]
        assert file.graph_names() == {GRAPH.value}
    with pytest.raises(InputError, match="not found"):
        open_source(tmp_path / "missing.ttl")


def test_a_server_is_written_and_read_through_the_same_calls(sparql_server, tmp_path):  # Oxigraph, Virtuoso
    with open_source(sparql_server, write=True) as store:
        store.put_article(_article())
        assert store.remove_source("https://news.example/none") == 0
    with open_source(sparql_server) as server:
        assert _events(server) == [EVENT.value]
        assert server.graph_names() == {GRAPH.value}
        assert server.dump(tmp_path / "server.nq", ox.RdfFormat.N_QUADS) == 3
    with open_source(sparql_server, write=True) as store:
        assert store.remove_source("https://news.example/1") == 1
    with open_source(sparql_server) as server:
        assert _events(server) == []
