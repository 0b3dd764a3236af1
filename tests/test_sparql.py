"""The SPARQL text gathered in kgraph.sparql: every query and update parses, and the
updates do to a store what their names say."""
import pyoxigraph as ox
import pytest

from kgraph import sparql
from kgraph.entities import Merge
from kgraph.vocab import ID, KG, PREFIXES

QUERIES = [sparql.PING, sparql.DEFAULT_GRAPH_HOLDS_TRIPLES, sparql.GRAPH_NAMES, sparql.NONEMPTY_GRAPH_NAMES,
           sparql.SOURCES, sparql.NAMED_QUADS, sparql.TRIPLES, sparql.DISTINCT_TRIPLES,
           sparql.EXPORT_ACTORS, sparql.EXPORT_EVENTS, sparql.EXPORT_ROLES,
           sparql.graphs_of_document(ox.NamedNode(f"{ID}doc/x")), sparql.graphs_with_type(str(KG.Event)),
           sparql.known_actors_query(), sparql.people_query(), sparql.actor_labels_query(),
           sparql.conflicts_query()]


@pytest.mark.parametrize("text", QUERIES)
def test_every_query_parses(text):
    ox.Store().query(text, prefixes=dict(PREFIXES))


@pytest.mark.parametrize("mirror", [False, True])
def test_every_update_runs_on_an_empty_store(mirror):
    merge = Merge(absorbed="kim", into="kim jong un")
    for update in (sparql.stats_update(mirror=mirror), sparql.rename_actor_update(merge, mirror=mirror),
                   sparql.merge_actor_update(merge, ["Kim"], mirror=mirror),
                   sparql.drop_descriptions_update([(f"{ID}actor/a", str(KG.country), ox.NamedNode(f"{ID}country/PRK"))],
                                                   mirror=mirror)):
        ox.Store().update(update)


def test_replace_graphs_swaps_an_article_graph_and_its_copy_in_the_default_graph():
    store = ox.Store()
    s, p = ox.NamedNode("http://e/s"), ox.NamedNode("http://e/p")
    old, new = ox.NamedNode("http://e/g1"), ox.NamedNode("http://e/g2")
    store.extend([ox.Quad(s, p, ox.Literal("old"), old), ox.Quad(s, p, ox.Literal("old"), ox.DefaultGraph())])
    store.update(sparql.replace_graphs([old.value], [ox.Quad(s, p, ox.Literal("new"), new)]))
    assert {(q.object.value, str(q.graph_name)) for q in store} == {("new", str(new)), ("new", "DEFAULT")}


def test_drop_graphs_removes_the_graphs_and_their_copy():
    store = ox.Store()
    s, p, g = ox.NamedNode("http://e/s"), ox.NamedNode("http://e/p"), ox.NamedNode("http://e/g")
    store.extend([ox.Quad(s, p, ox.Literal("x"), g), ox.Quad(s, p, ox.Literal("x"), ox.DefaultGraph())])
    store.update(sparql.drop_graphs([g.value]).rstrip(" ;"))
    assert len(store) == 0
