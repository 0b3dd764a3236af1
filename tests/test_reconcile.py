"""Actors settled across articles on the store at the end of a build, whatever the order in
which articles were processed (issue 11.3)."""
from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset, URIRef
from rdflib.namespace import RDFS, SKOS

from kgraph.entities import Merge
from kgraph.pipeline import build
from kgraph.reconcile import person_merges

# a minister no dictionary knows, so the build, not the dictionary's spelling, settles the name
ARTICLES = {
    "a.txt": "Minister Kang condemned Pyongyang for the launch.\n",
    "b.txt": "South Korean Minister Kang Dae-sik warned the DPRK.\n",
    "c.txt": "Minister Kang Dae Sik condemned North Korea on Monday.\n",
}
KANG = URIRef("https://w3id.org/kgraph/id/actor/kang-dae-sik")


def test_a_one_word_person_joins_the_only_full_name_that_holds_the_word_and_a_compatible_state():
    assert person_merges({"yoon": {None}, "yoon suk yeol": {"KOR"}}) == [Merge("yoon", "yoon suk yeol")]
    assert person_merges({"kim": {None}, "kim jong un": {"PRK"}, "kim tae hyo": {"KOR"}}) == []
    assert person_merges({"kelley": {"GBR"}, "john kelley": {"USA"}}) == []
    assert person_merges({"korea": {None}, "north korea": {None}}) == [Merge("korea", "north korea")]
    assert person_merges({"yoon": {None}}) == []


def _build(tmp_path: Path, order: list[str], name: str) -> set[str]:
    folder = tmp_path / "in"
    folder.mkdir(exist_ok=True)
    for file, text in ARTICLES.items():
        (folder / file).write_text(text)
    out = tmp_path / f"{name}.nq"
    build([str(folder / file) for file in order], out, ingest_process=False)
    return set(out.read_text().splitlines())


def test_the_graph_is_the_same_whichever_article_comes_first(tmp_path):
    forward = _build(tmp_path, ["a.txt", "b.txt", "c.txt"], "forward")
    backward = _build(tmp_path, ["c.txt", "b.txt", "a.txt"], "backward")
    assert forward == backward
    graph = Dataset(default_union=True).parse(data="\n".join(forward), format="nquads")
    # two spellings of one name: one label (the first in code point order), the other is gone
    assert {str(o) for o in graph.objects(KANG, RDFS.label)} == {"Kang Dae Sik"}
    # the one-word "Kang" of a.txt became the full name, and stays as one of its names
    assert "Kang" in {str(o) for o in graph.objects(KANG, SKOS.altLabel)}
    assert "Kang" not in {str(o) for o in graph.objects(None, RDFS.label)}


def test_a_later_build_joins_a_one_word_name_to_a_full_name_in_the_store(tmp_path):
    store = tmp_path / "kg"
    for file in ("b.txt", "a.txt"):
        (tmp_path / file).write_text(ARTICLES[file])
        build([str(tmp_path / file)], store=str(store), ingest_process=False)
    db = ox.Store.read_only(str(store))
    labels = {q.object.value for q in db.quads_for_pattern(None, ox.NamedNode(str(RDFS.label)), None, None)}
    mentions = {q.subject.value for q in db.quads_for_pattern(None, None, ox.NamedNode(str(KANG)), None)}
    del db
    assert "Kang" not in labels and "Kang Dae-sik" in labels
    assert len(mentions) >= 2  # both articles' events point at one actor


def test_a_name_the_tables_know_keeps_their_description_whatever_one_article_misread(tmp_path):
    from kgraph.rdf import ACTORS_GRAPH
    from kgraph.reconcile import known_description, reconcile
    from kgraph.store import LocalStore
    from kgraph.vocab import ID, KG

    assert known_description({"Houthis"}) == ("GROUP", "YEM")
    assert known_description({"Vladimir Putin"}) == (None, None)  # persons: the first-by-order rule
    houthis, person, group = f"<{ID}actor/houthis>", f"<{KG.Person}>", f"<{KG.Group}>"
    described = (f"{houthis} a {person}, {group} ; <{KG.country}> <{ID}country/GBR>, <{ID}country/YEM> ; "
                 f"<{RDFS.label}> \"Houthis\" .")
    store = LocalStore(tmp_path / "kg")
    try:
        store.update(f"INSERT DATA {{ GRAPH {ACTORS_GRAPH} {{ {described} }} {described} }}")
        reconcile(store)
        rows = store.select(f"SELECT ?p ?o WHERE {{ GRAPH {ACTORS_GRAPH} {{ {houthis} ?p ?o }} }}")
        kept = {(row["p"], row["o"]) for row in rows}
    finally:
        store.close()
    # one title's misreading (a British person) would otherwise win: "person" and "GBR" come first
    assert (str(KG.country), f"{ID}country/YEM") in kept and (str(KG.country), f"{ID}country/GBR") not in kept
    assert ("http://www.w3.org/1999/02/22-rdf-syntax-ns#type", str(KG.Group)) in kept



def test_a_description_of_one_state_is_not_the_same_description_of_another(tmp_path):
    from kgraph.entities import identity_key
    from kgraph.model import Actor

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("The Israeli military said its forces struck targets in Gaza.\n")
    (folder / "b.txt").write_text("US Central Command said its forces had struck targets in Iraq.\n")
    out = tmp_path / "out.nq"
    build([str(folder / "a.txt"), str(folder / "b.txt")], out, ingest_process=False)
    graph = Dataset(default_union=True).parse(out, format="nquads")
    fight = URIRef("https://w3id.org/kgraph/ontology#Fight")
    agent = URIRef("https://w3id.org/kgraph/ontology#agent")
    country = URIRef("https://w3id.org/kgraph/ontology#country")
    states = {str(c).rsplit("/", 1)[-1] for e in graph.subjects(None, fight)
              for a in graph.objects(e, agent) for c in graph.objects(a, country)}
    # one "forces" node had taken Israel's state for both articles' strikes
    assert states == {"ISR", "USA"}
    assert identity_key(Actor("President", "PERSON", "USA")) != identity_key(Actor("President", "PERSON", "KOR"))
    assert identity_key(Actor("Yoon Suk Yeol", "PERSON", "KOR")) == identity_key(Actor("Yoon Suk Yeol", "PERSON", None))
