"""The SPARQL text kgraph sends to a store, in one place: what a build, a removal, the
store-side reconciliation, an export and the stores themselves ask or change.

Stores (`store.py`) run these; the modules that need an answer name the query here instead
of writing their own, so a change of the graph's layout (`rdf.py`) is followed in one file.
Queries users write, and the canned ones in `ontology/queries/`, are not here.
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pyoxigraph as ox
from rdflib.namespace import RDF, RDFS, SKOS

from .entities import Merge
from .rdf import ACTORS_GRAPH, STATS_GRAPH, actor_slug
from .vocab import ACTION_CLASSES, ACTOR_CLASSES, ID, KG

# -- the stores' own bookkeeping ----------------------------------------------------------------

#: does the server answer at all (a store checks this as it opens)
PING = "SELECT * WHERE { } LIMIT 1"
#: the same in a URL: the cheapest GET a SPARQL server answers (to read its Server header, to
#: see that it has started)
PING_QUERY_STRING = "query=ASK%7B%7D"
#: whether the default graph holds any triple (a remote store then is read as it is)
DEFAULT_GRAPH_HOLDS_TRIPLES = "ASK { ?s ?p ?o }"
#: the named graphs of a store
GRAPH_NAMES = "SELECT DISTINCT ?g WHERE { GRAPH ?g { } }"
#: the named graphs of a store that hold a triple (Virtuoso answers `GRAPH ?g { }` with one empty row)
NONEMPTY_GRAPH_NAMES = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
#: the article sources a store holds, sorted
SOURCES = ("SELECT DISTINCT ?source WHERE { GRAPH ?g { ?doc "
           "<http://purl.org/dc/terms/source> ?source } } ORDER BY ?source")
#: every quad of the named graphs, every triple of the default graph, and the latter once each
NAMED_QUADS = "SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
TRIPLES = "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"
DISTINCT_TRIPLES = "SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o }"


def graphs_of_document(document: ox.NamedNode) -> str:
    """The article graphs (one, or two while a changed article is replaced) of a document."""
    return f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ {document} a <{KG.Document}> }} }}"


def graphs_with_type(rdf_type: str) -> str:
    """The named graphs holding anything of `rdf_type` (Virtuoso's service description)."""
    return f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s a <{rdf_type}> }} }}"


def drop_graphs(graphs: Iterable[str]) -> str:
    """Update operations removing article graphs and their copy in the default graph (a local
    store mirrors the union there), each ending in ' ;'."""
    return " ".join(f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH <{g}> {{ ?s ?p ?o }} }} ; "
                    f"DROP SILENT GRAPH <{g}> ;" for g in graphs)


def replace_graphs(old: Iterable[str], quads: Iterable[ox.Quad]) -> str:
    """One update dropping `old` article graphs and inserting `quads` into their graphs and
    into the default graph (the local store's mirror of the union): one transaction."""
    quads = list(quads)
    by_graph: dict[str, list[str]] = {}
    for q in quads:
        by_graph.setdefault(str(q.graph_name), []).append(f"{q.subject} {q.predicate} {q.object} .")
    blocks = "\n".join(f"GRAPH {g} {{\n" + "\n".join(t) + "\n}" for g, t in by_graph.items())
    union = "\n".join(f"{q.subject} {q.predicate} {q.object} ." for q in quads)
    return f"{drop_graphs(old)} INSERT DATA {{\n{blocks}\n{union}\n}}"


def rename_actor_update(merge: Merge, *, mirror: bool = False) -> str:
    """SPARQL Update pointing every graph's mentions of an absorbed actor at its new identity
    and dropping the absorbed actor's own description (with `mirror`, in the default graph
    too: see `store.LocalStore`)."""
    old = f"<{ID}actor/{actor_slug(merge.absorbed)}>"
    new = f"<{ID}actor/{actor_slug(merge.into)}>"
    update = (
        f"DELETE {{ GRAPH ?g {{ ?s ?p {old} }} }} INSERT {{ GRAPH ?g {{ ?s ?p {new} }} }} "
        f"WHERE {{ GRAPH ?g {{ ?s ?p {old} }} }} ;\n"
        f"DELETE {{ GRAPH ?g {{ {old} ?p ?o }} }} WHERE {{ GRAPH ?g {{ {old} ?p ?o }} }}"
    )
    if mirror:
        update += (f" ;\nDELETE {{ ?s ?p {old} }} INSERT {{ ?s ?p {new} }} WHERE {{ ?s ?p {old} }} ;\n"
                   f"DELETE {{ {old} ?p ?o }} WHERE {{ {old} ?p ?o }}")
    return update


def stats_update(*, mirror: bool = False) -> str:
    """SPARQL Update recomputing the derived graph (how many events each actor takes part in)
    and dropping actors no article mentions any more, but a country while an actor of the
    store belongs to it. With `mirror`, the default graph follows (see `store.LocalStore`)."""
    mentions = (f"{{ ?e <{KG.agent}> ?a }} UNION {{ ?e <{KG.target}> ?a }} UNION "
                f"{{ ?e <{KG.reportedBy}> ?a }}")
    unused = (f"GRAPH {ACTORS_GRAPH} {{ ?a ?p ?o }} FILTER NOT EXISTS {{ GRAPH ?g {{ {mentions} }} }} "
              f"FILTER NOT EXISTS {{ GRAPH {ACTORS_GRAPH} {{ ?x <{KG.country}> ?a }} }}")
    counts = (f"SELECT ?actor (COUNT(DISTINCT ?event) AS ?n) WHERE {{ GRAPH ?g {{ "
              f"{{ ?event <{KG.agent}> ?actor }} UNION {{ ?event <{KG.target}> ?actor }} }} }} "
              f"GROUP BY ?actor")
    in_default = " ?a ?p ?o" if mirror else ""
    update = f"DELETE {{ GRAPH {ACTORS_GRAPH} {{ ?a ?p ?o }}{in_default} }} WHERE {{ {unused} }} ;\n"
    if mirror:
        update += (f"DELETE {{ ?a <{KG.mentionCount}> ?n }} WHERE {{ GRAPH {STATS_GRAPH} "
                   f"{{ ?a <{KG.mentionCount}> ?n }} }} ;\n")
    update += f"DROP SILENT GRAPH {STATS_GRAPH} ;\n"
    copy = " ?actor <{0}> ?n".format(KG.mentionCount) if mirror else ""
    update += (f"INSERT {{ GRAPH {STATS_GRAPH} {{ ?actor <{KG.mentionCount}> ?n }}{copy} }} "
               f"WHERE {{ {counts} }}")
    return update


def known_actors_query() -> str:
    """People and organisations already in a store, to resolve new mentions against."""
    return (
        f"SELECT DISTINCT ?name ?kind ?iso WHERE {{ GRAPH {ACTORS_GRAPH} {{ ?a a ?kind ; <{RDFS.label}> ?name "
        f"FILTER(?kind IN (<{KG.Person}>, <{KG.Organization}>, <{KG.Group}>)) "
        f"OPTIONAL {{ ?a <{KG.country}>/<{KG.iso3}> ?iso }} }} }}"
    )



# -- reconciling per-article actors on the store (see reconcile.py) -------------------------------

def people_query() -> str:
    """Every person of the actors graph with its names and state: what cross-article merges
    are computed from."""
    return (f"SELECT ?a ?name ?iso WHERE {{ GRAPH {ACTORS_GRAPH} {{ ?a a <{KG.Person}> ; "
            f"<{RDFS.label}>|<{SKOS.altLabel}> ?name "
            f"OPTIONAL {{ ?a <{KG.country}>/<{KG.iso3}> ?iso }} }} }}")


def actor_labels_query() -> str:
    """Each actor's own label (rdfs:label), as ?a ?name."""
    return f"SELECT ?a ?name WHERE {{ GRAPH {ACTORS_GRAPH} {{ ?a <{RDFS.label}> ?name }} }}"


def conflicts_query() -> str:
    """Actors described differently by different articles: two labels (spellings), two kinds
    or two states. Each row is one of the values (?a ?p ?o)."""
    kinds = ", ".join(f"<{ACTOR_CLASSES[k]}>" for k in ("PERSON", "ORG", "GROUP", "COUNTRY"))
    return (f"SELECT DISTINCT ?a ?p ?o WHERE {{ GRAPH {ACTORS_GRAPH} {{ ?a ?p ?o , ?other "
            f"FILTER(?o != ?other) FILTER(?p IN (<{RDFS.label}>, <{KG.country}>) || "
            f"(?p = <{RDF.type}> && ?o IN ({kinds}) && ?other IN ({kinds}))) }} }}")


def merge_actor_update(merge: Merge, other_names: list[str], *, mirror: bool = False) -> str:
    """`rename_actor_update`, with the absorbed actor's names kept as the new one's
    skos:altLabel (as when the full name came first in one article)."""
    new = f"<{ID}actor/{actor_slug(merge.into)}>"
    triples = " ".join(f"{new} <{SKOS.altLabel}> {ox.Literal(name)} ." for name in other_names)
    update = ""
    if triples:
        update = f"INSERT DATA {{ GRAPH {ACTORS_GRAPH} {{ {triples} }} {triples if mirror else ''} }} ;\n"
    return update + rename_actor_update(merge, mirror=mirror)


def drop_descriptions_update(triples: list[tuple[str, str, ox.Term]], *, mirror: bool = False) -> str:
    """Delete actor descriptions (subject IRI, predicate IRI, object) from the actors graph
    (with `mirror`, from the default graph too: see `store.LocalStore`)."""
    data = " ".join(f"<{s}> <{p}> {o} ." for s, p, o in triples)
    return f"DELETE DATA {{ GRAPH {ACTORS_GRAPH} {{ {data} }} {data if mirror else ''} }}"


# -- what an export reads -------------------------------------------------------------------------

def _values(iris: dict[str, Any]) -> str:
    return " ".join(f"<{iri}>" for iri in iris)


_ACTION_NAMES = {str(iri): name for name, iri in ACTION_CLASSES.items()}
_KIND_NAMES = {str(iri): str(iri).rsplit("#", 1)[-1] for iri in ACTOR_CLASSES.values()}

#: actors: everything typed kg:Actor plus anything used as an agent or a target
EXPORT_ACTORS = f"""
SELECT ?actor (MIN(?l) AS ?label) (MIN(?k) AS ?kind) (MIN(?code) AS ?country) (MAX(?n) AS ?mentions)
WHERE {{
  {{ ?actor a kg:Actor }} UNION {{ ?e kg:agent ?actor }} UNION {{ ?e kg:target ?actor }}
  OPTIONAL {{ ?actor rdfs:label ?l }}
  OPTIONAL {{ ?actor a ?k . VALUES ?k {{ {_values(_KIND_NAMES)} }} }}
  OPTIONAL {{ ?actor kg:iso3 ?own }}
  OPTIONAL {{ ?actor kg:country ?c . OPTIONAL {{ ?c kg:iso3 ?theirs }} }}
  BIND(COALESCE(?own, ?theirs, STRAFTER(STR(?c), "/country/")) AS ?code)
  OPTIONAL {{ ?actor kg:mentionCount ?n }}
}} GROUP BY ?actor ORDER BY ?actor
"""

#: events; an event's date is its own kg:date only: an event without one was left undated on
#: purpose ("in February 2022"), and its article's date put it on Gephi's timeline all the same
EXPORT_EVENTS = f"""
SELECT ?event (MIN(?cls) AS ?action) (MIN(?m) AS ?modality) (MIN(?ownDate) AS ?date)
       (MIN(?src) AS ?source) (MIN(?ev) AS ?evidence) (MIN(?tr) AS ?trigger) (MAX(?cf) AS ?confidence)
WHERE {{
  ?event a kg:Event .
  OPTIONAL {{ ?event a ?cls . VALUES ?cls {{ {_values(_ACTION_NAMES)} }} }}
  OPTIONAL {{ ?event kg:modality ?m }}
  OPTIONAL {{ ?event prov:wasDerivedFrom ?doc . OPTIONAL {{ ?doc dcterms:source ?src }} }}
  OPTIONAL {{ ?event kg:date ?ownDate }}
  OPTIONAL {{ ?event kg:evidence ?ev }}
  OPTIONAL {{ ?event kg:trigger ?tr }}
  OPTIONAL {{ ?event kg:confidence ?cf }}
}} GROUP BY ?event ORDER BY ?event
"""

#: each event's agents, targets and themes
EXPORT_ROLES = """
SELECT ?event ?role ?node WHERE {
  ?event a kg:Event .
  { ?event kg:agent ?node BIND("agent" AS ?role) }
  UNION { ?event kg:target ?node BIND("target" AS ?role) }
  UNION { ?event kg:theme ?node BIND("theme" AS ?role) }
} ORDER BY ?event ?role ?node
"""
