"""Each action is defined once (kgraph/data/actions.json), and that definition agrees with the
ontology and is the one trigger finding and role finding read."""
from __future__ import annotations

from rdflib import Graph, Namespace
from rdflib.namespace import RDFS

from kgraph.actions import ACTIONS
from kgraph.lexicon import NOUN_TRIGGERS, VERB_TRIGGERS
from kgraph.roles import TARGET_PREPOSITIONS
from kgraph.vocab import ACTION_CLASSES

from conftest import ROOT

KG = Namespace("https://w3id.org/kgraph/ontology#")


def test_the_twelve_actions_are_the_ontologys_event_classes() -> None:
    ontology = Graph().parse(ROOT / "ontology" / "kgraph.ttl")
    assert set(ACTIONS) == set(ACTION_CLASSES) and len(ACTIONS) == 12
    for name, action in ACTIONS.items():
        cls = KG[action.ontology_class]
        assert cls == ACTION_CLASSES[name]
        assert (cls, RDFS.subClassOf, KG.Event) in ontology
        assert sorted(action.cameo) == sorted(str(o) for o in ontology.objects(cls, KG.cameoCode)), name
        assert sorted(action.plover) == sorted(str(o) for o in ontology.objects(cls, KG.ploverType)), name


def test_every_action_has_triggers_and_trigger_words_belong_to_one_action() -> None:
    for name, action in ACTIONS.items():
        assert action.verbs or action.nouns, name
        assert len(set(action.verbs)) == len(action.verbs) and len(set(action.nouns)) == len(action.nouns)
    verbs = [w for a in ACTIONS.values() for w in a.verbs]
    assert len(verbs) == len(set(verbs)), "a verb lemma is listed under two actions"


def test_trigger_and_role_finding_read_the_one_definition() -> None:
    assert VERB_TRIGGERS["condemn"] == "condemn" and NOUN_TRIGGERS["deployment"] == "deploy"
    assert TARGET_PREPOSITIONS["cooperate"] == ACTIONS["cooperate"].target_prepositions
    assert "with" in TARGET_PREPOSITIONS["cooperate"]


def test_each_phrase_pattern_finds_its_own_example(nlp) -> None:
    # the phrase triggers are data (kgraph/data/trigger_phrases.json): each entry's example
    # sentence must fire its rule, for its action, and name one of the twelve actions
    import json
    from importlib import resources

    from kgraph.triggers import find_triggers
    phrases = json.loads(resources.files("kgraph").joinpath("data/trigger_phrases.json").read_text())["phrases"]
    assert len(phrases) >= 10
    for entry in phrases:
        assert entry["action"] in ACTIONS
        doc = nlp(entry["example"])
        found = {(t.rule, t.action) for sent in doc.sents for t in find_triggers(sent)}
        assert (entry["rule"], entry["action"]) in found, (entry["example"], found)
