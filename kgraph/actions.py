"""The twelve actions, each defined once (`data/actions.json`): trigger words, target
prepositions, whether a target is required, and the CAMEO codes and PLOVER types the ontology
gives its class. Trigger finding, role finding and extraction read their tables from here.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources


@dataclass(frozen=True)
class ActionDefinition:
    name: str
    ontology_class: str  # local name in the kg: namespace ("Deploy")
    verbs: tuple[str, ...]
    nouns: tuple[str, ...]
    adjectives: tuple[str, ...]
    agent_nouns: tuple[str, ...]  # nouns that name the doer ("donor", "ally"), said of someone
    target_prepositions: tuple[str, ...]
    target_required: bool  # an event without a named target is not worth an edge
    reflexive: bool  # the agent can be its own target (a civil war's sides are one country)
    reciprocal: bool  # parties named together act with each other ("the US and Japan met")
    untargeted_by_its_doer: bool  # "the Houthi attacks": a plural noun with its doer and no target phrase needs none
    answers_its_attacker: bool  # "Ukrainians are fighting bravely": against whoever did it to them earlier
    model_target_in_phrase: bool  # the learned model's target must be named in the trigger's phrase
    model_decides: bool  # the learned model adds events of the action beside the rules'
    best_reading: bool  # the model's best reading below its threshold may stand (`learned.BEST_READING`)
    a_deed: bool  # a deed that "this act" may point back to, not words said (condemn, demand ...)
    cameo: tuple[str, ...]
    plover: tuple[str, ...]


def _load() -> dict[str, ActionDefinition]:
    text = resources.files("kgraph").joinpath("data/actions.json").read_text(encoding="utf-8")
    return {
        name: ActionDefinition(
            name=name, ontology_class=d["class"], verbs=tuple(d["verbs"]), nouns=tuple(d["nouns"]),
            adjectives=tuple(d["adjectives"]), agent_nouns=tuple(d["agent_nouns"]),
            target_prepositions=tuple(d["target_prepositions"]),
            target_required=d["target_required"], reflexive=d["reflexive"],
            reciprocal=d["reciprocal"], untargeted_by_its_doer=d["untargeted_by_its_doer"],
            answers_its_attacker=d["answers_its_attacker"],
            model_target_in_phrase=d["model_target_in_phrase"], model_decides=d["model_decides"],
            best_reading=d["best_reading"], a_deed=d["a_deed"],
            cameo=tuple(d["cameo"]), plover=tuple(d["plover"]))
        for name, d in json.loads(text)["actions"].items()
    }


ACTIONS: dict[str, ActionDefinition] = _load()
#: actions whose events need a named target (consult's 'with our allies' is the callers' exception)
TARGET_REQUIRED = frozenset(a for a, d in ACTIONS.items() if d.target_required)
#: actions whose plural noun with its doer and no target phrase is an event without a target ("the Houthi attacks")
UNTARGETED_BY_ITS_DOER = frozenset(a for a, d in ACTIONS.items() if d.untargeted_by_its_doer)
#: actions whose event with no target is against whoever did the action to its agent before ("are fighting back")
ANSWERS_ITS_ATTACKER = frozenset(a for a, d in ACTIONS.items() if d.answers_its_attacker)
#: actions whose learned target must be named in the trigger's own phrase ("support for Ukraine")
MODEL_TARGET_IN_PHRASE = frozenset(a for a, d in ACTIONS.items() if d.model_target_in_phrase)
#: actions whose events the learned model adds beside the rules' (where it was right often enough)
MODEL_DECIDES = frozenset(a for a, d in ACTIONS.items() if d.model_decides)
#: actions whose best reading below the model's threshold may stand where nothing else reports them
BEST_READING_ACTIONS = frozenset(a for a, d in ACTIONS.items() if d.best_reading)
#: actions whose events are deeds, which "this act" may point back to
DEEDS = frozenset(a for a, d in ACTIONS.items() if d.a_deed)
#: actions that judge a deed: their target is its doer ("condemned the attack on the embassy":
#: not the embassy), and a later "this" may stand for it ("We condemn the launch. This constitutes a violation")
JUDGING_ACTIONS = frozenset({"condemn", "accuse"})
