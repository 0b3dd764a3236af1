"""Cross-article actor identity, settled on the store at the end of a build.

Each article resolves its actors on its own (`process.py`), so workers may process articles in
any order. What only the whole store can say is decided here, from the store alone, so the
result does not depend on which worker saw what first:

* a person named by one word ("Yoon") joins the one fully named person whose name holds that
  word ("Yoon Suk Yeol") when no other person's does and their states do not differ; the
  one-word actor's names become the full one's other names (skos:altLabel);
* an actor that articles describe differently keeps one description: the first label in code
  point order ("Yoon Suk Yeol" over "Yoon Suk-yeol"), and the kind and state the tables give its
  name where they know it (an armed group, a state's body, an international organisation: one
  article's misreading must not turn every mention of the store into it), else the first kind in
  the order person, organisation, group, and the first state by ISO code.

Everything is done with SPARQL Update, so it works alike on a store folder and a remote server.
"""
from __future__ import annotations

from collections import defaultdict

import pyoxigraph as ox
from rdflib.namespace import RDFS

from .entities import Merge
from .model import normalise_name
from .names import known_body
from .sparql import (
    actor_labels_query, conflicts_query, drop_descriptions_update, merge_actor_update, people_query,
)
from .graphsource import WritableGraphSource
from .vocab import ACTOR_CLASSES, ID, KG

_ACTOR = f"{ID}actor/"
_KIND_ORDER = [str(ACTOR_CLASSES[k]) for k in ("PERSON", "ORG", "GROUP", "COUNTRY")]


def reconcile(store: WritableGraphSource) -> list[Merge]:
    """Merge one-word people into the one person they name and give every actor one label,
    kind and state; returns the merges made."""
    merges = _merge_short_names(store)
    _settle_conflicts(store)
    return merges


def person_merges(people: dict[str, set[str | None]]) -> list[Merge]:
    """Which one-word people join which fully named person: `people` maps each person's key
    (normalised name) to the states it is said to act for (None: none known)."""
    long_names = [key for key in people if " " in key]
    merges = []
    for key, states in sorted(people.items()):
        if " " in key or not key:
            continue
        holders = [full for full in long_names if key in full.split()]
        if len(holders) == 1 and _compatible(states, people[holders[0]]):
            merges.append(Merge(absorbed=key, into=holders[0]))
    return merges


def _compatible(a: set[str | None], b: set[str | None]) -> bool:
    known_a, known_b = a - {None}, b - {None}
    return not known_a or not known_b or bool(known_a & known_b)


def _merge_short_names(store: WritableGraphSource) -> list[Merge]:
    people: dict[str, set[str | None]] = defaultdict(set)
    names: dict[str, set[str]] = defaultdict(set)
    for row in store.select(people_query()):
        iri = row["a"] or ""
        if not iri.startswith(_ACTOR):
            continue
        key = iri[len(_ACTOR):].replace("-", " ")
        people[key].add(row["iso"])
        if row["name"]:
            names[key].add(row["name"])
    merges = person_merges(people)
    if not merges:
        return []
    labels: dict[str, set[str]] = defaultdict(set)
    for row in store.select(actor_labels_query()):
        if row["a"] and row["name"]:
            labels[row["a"]].add(normalise_name(row["name"]))
    for merge in merges:
        own = labels.get(f"{_ACTOR}{merge.into.replace(' ', '-')}", set())
        others = sorted(n for n in names[merge.absorbed] if normalise_name(n) not in own)
        store.update(merge_actor_update(merge, others, mirror=store.mirrors_union))
    return merges


def known_description(labels: set[str]) -> tuple[str | None, str | None]:
    """The kind and state the tables give an actor by one of its names (`names.known_body`), if
    they know it: "Houthis" is a group of Yemen; else (None, None)."""
    return next((found for label in sorted(labels) if (found := known_body(label))), (None, None))


def _settle_conflicts(store: WritableGraphSource) -> None:
    values: dict[tuple[str, str], set[str]] = defaultdict(set)
    for row in store.select(conflicts_query()):
        if row["a"] and row["p"] and row["o"]:
            values[(row["a"], row["p"])].add(row["o"])
    # where an article misread a name the tables know ("Houthis" tagged a person in one title), the
    # tables' description wins; the fixed orders below would turn every mention of the store into it
    known: dict[str, tuple[str | None, str | None]] = {}
    if any(p != str(RDFS.label) for _, p in values):
        labels: dict[str, set[str]] = defaultdict(set)
        for row in store.select(actor_labels_query()):
            if row["a"] and row["name"]:
                labels[row["a"]].add(row["name"])
        known = {actor: known_description(labels.get(actor, set())) for actor, p in values if p != str(RDFS.label)}
    drop: list[tuple[str, str, ox.Term]] = []
    for (actor, predicate), found in sorted(values.items()):
        known_kind, known_state = known.get(actor, (None, None))
        if predicate == str(RDFS.label):
            keep = min(found)
        elif predicate == str(KG.country):
            state = f"{ID}country/{known_state}"
            keep = state if known_state and state in found else min(found)
        elif known_kind and str(ACTOR_CLASSES[known_kind]) in found:
            keep = str(ACTOR_CLASSES[known_kind])
        else:  # actor kinds
            keep = min(found, key=lambda kind: _KIND_ORDER.index(kind) if kind in _KIND_ORDER else 99)
        for value in sorted(found - {keep}):
            term = ox.Literal(value) if predicate == str(RDFS.label) else ox.NamedNode(value)
            drop.append((actor, predicate, term))
    if drop:
        store.update(drop_descriptions_update(drop, mirror=store.mirrors_union))
