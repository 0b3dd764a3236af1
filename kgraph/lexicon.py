"""Which words trigger which action, and the word lists the role and modality rules use.

Kept as data so that adding a trigger is a one-line change that needs no new code.
"""
from __future__ import annotations

import json
from importlib import resources

from .actions import ACTIONS

# Trigger word -> action, from each action's one definition (`data/actions.json`). "send" and a
# few others depend on their object: see OBJECT_DEPENDENT.
VERB_TRIGGERS: dict[str, str] = {w: a for a, d in ACTIONS.items() for w in d.verbs}
NOUN_TRIGGERS: dict[str, str] = {w: a for a, d in ACTIONS.items() for w in d.nouns}
ADJECTIVE_TRIGGERS: dict[str, str] = {w: a for a, d in ACTIONS.items() for w in d.adjectives}
AGENT_NOUN_TRIGGERS: dict[str, str] = {w: a for a, d in ACTIONS.items() for w in d.agent_nouns}

_WORDS: dict = json.loads(resources.files("kgraph").joinpath("data/lexicon_words.json").read_text(encoding="utf-8"))


def word_list(name: str) -> list[str]:
    """One of this file's word lists by its name in the data file, for patterns that name it
    ("@force_nouns" in `data/trigger_phrases.json`) rather than repeat its words."""
    return sorted(_WORDS[name]["words"])


JUDGEMENT_PREDICATES: dict[str, str] = _WORDS["judgement_predicates"]["words"]
LAW_WORDS = set(_WORDS["law_words"]["words"])
_WEAPON_SYSTEMS = _WORDS["weapon_systems"]
FORCE_NOUNS = set(_WORDS["force_nouns"]["words"])
NEEDING_VERBS = frozenset(_WORDS["needing_verbs"]["words"])  # "the equipment Ukraine needed"
FORCES_SENDING_VERBS = frozenset(_WORDS["forces_sending_verbs"]["words"])  # "troops were sent to fight"
APPEAL_VERBS = frozenset(_WORDS["appeal_verbs"]["words"])  # "call on X to cease ... and urge Y to"
SERVING_VERBS = frozenset(_WORDS["serving_verbs"]["words"])  # "sent to fight alongside Moscow's troops"
SERVED_PREPOSITIONS = tuple(_WORDS["serving_verbs"]["prepositions"])
HOLDING_VERBS = frozenset(_WORDS["holding_verbs"]["words"])  # "The U.S. has 900 troops stationed in Syria"
HELPING_VERBS = frozenset(_WORDS["helping_verbs"]["words"])  # "support Ukraine in its fight": Ukraine's
HELPED_PREPOSITIONS = frozenset(_WORDS["helping_verbs"]["prepositions"])  # "stand with Ukraine in its fight"
PLATFORM_NOUNS = set(_WORDS["platform_nouns"]["words"])
MOBILISING_VERBS = frozenset(_WORDS["mobilising_verbs"]["words"])
MOBILISED_FORCES = frozenset(_WORDS["mobilising_verbs"]["forces"])  # "mobilised its military", "300,000 men"
MATERIEL_NOUNS = {*_WORDS["materiel_nouns"]["words"], *_WEAPON_SYSTEMS["materiel"], *_WEAPON_SYSTEMS["aircraft"]}
ARMS_NOUNS = frozenset(_WORDS["arms_nouns"]["words"])
WEAPON_SYSTEM_HEADS = frozenset(_WORDS["weapon_system_heads"]["words"])
OBJECT_DEPENDENT: dict[str, str | None] = _WORDS["object_dependent"]["words"]
LIGHT_VERBS = set(_WORDS["light_verbs"]["words"])
ANSWER_WITH_VERBS = frozenset(_WORDS["answer_with_verbs"]["words"])
REASON_PREPOSITIONS = frozenset(_WORDS["reason_prepositions"]["words"])
SUFFERING_VERBS = frozenset(_WORDS["suffering_verbs"]["words"])
PASSIVE_SUFFERING_VERBS = frozenset(_WORDS["suffering_verbs"]["passive"])  # "was hit by sanctions"
FEELING_VERBS = frozenset(_WORDS["feeling_verbs"]["words"])
ALLIED_DESIGNATIONS = frozenset(_WORDS["allied_designations"]["words"])
STATIVE_PARTICIPLES = frozenset(_WORDS["stative_participles"]["words"])
PASSIVE_ONLY_VERBS = frozenset(_WORDS["stative_participles"]["passive_only"])
WITNESS_VERBS = frozenset(_WORDS["witness_verbs"]["words"])
MEDIATING_VERBS = frozenset(_WORDS["mediating_verbs"]["words"])
ANSWERING_VERBS = frozenset(_WORDS["answering_verbs"]["words"])
GATHERING_NOUNS = frozenset(_WORDS["gathering_nouns"]["words"])
CLAIMING_DEMAND_VERBS = frozenset(_WORDS["claiming_demand_verbs"]["words"])
AUTHORITY_NOUNS = frozenset(_WORDS["authority_nouns"]["words"])
CONTENT_NOUNS = frozenset(_WORDS["content_nouns"]["words"])
FINDING_NOUNS = frozenset(_WORDS["finding_nouns"]["words"])
DUTY_NOUNS = frozenset(_WORDS["duty_nouns"]["words"])
PURPOSE_NOUNS = frozenset(_WORDS["purpose_nouns"]["words"])
OBLIGATION_MODALS = frozenset(_WORDS["obligation_modals"]["words"])
CONDEMNED_DEEDS = frozenset(_WORDS["condemned_deeds"]["words"])
DEED_NOUNS: dict[str, list[str]] = _WORDS["deed_nouns"]["words"]  # verb -> nouns that name its deed again
MEASURE_HEADS = frozenset(_WORDS["measure_heads"]["words"])
DANGER_NOUNS = frozenset(_WORDS["danger_nouns"]["words"])  # "North Korean threats": no warning of anyone
SPEAKER_ACCUSES = frozenset(_WORDS["speaker_accuses"]["words"])
ACCUSED_DEEDS = frozenset(_WORDS["speaker_accuses"]["deeds"])  # crimes: only a named doer is accused
ATTRIBUTIVE_ACCUSATIONS = frozenset(_WORDS["attributive_accusations"]["words"])
ACCUSED_PEOPLE_NOUNS = frozenset(_WORDS["attributive_accusations"]["people"])  # "illegal migrants": no deed
UNDERGONE_DEEDS = frozenset(_WORDS["attributive_accusations"]["undergone"])  # "Crimea's annexation"
ACCUSING_ADVERBS = frozenset(_WORDS["attributive_accusations"]["adverbs"])  # "attempted to illegally seize"
CALLING_VERBS = frozenset(_WORDS["calling_verbs"]["words"])
HARM_VERBS = frozenset(_WORDS["harm_verbs"]["words"])
OBJECT_CONTROL = frozenset(_WORDS["object_control"]["words"])
OBJECT_CONTROL_NOUNS = frozenset(_WORDS["object_control_nouns"]["words"])
CALL_HOLDING_VERBS = frozenset(_WORDS["call_holding_verbs"]["words"])
MUTUAL_VERBS = frozenset(_WORDS["mutual_verbs"]["words"])
AGREEMENT_NOUNS = frozenset(_WORDS["agreement_nouns"]["words"])
GENERIC_EVENT_NOUNS = frozenset(_WORDS["generic_event_nouns"]["words"])
GO_BETWEEN_PARTICIPLES = frozenset(_WORDS["go_between_participles"]["words"])  # "a U.S.-brokered deal"
MEETING_VENUES = frozenset(_WORDS["meeting_venues"]["words"])  # "at the Security Council": where, not at whom
COURTESY_NOUNS = frozenset(_WORDS["courtesy_nouns"]["words"])
GUEST_NOUNS = frozenset(_WORDS["guest_nouns"]["words"])
RECEIVED_GUESTS = GUEST_NOUNS | frozenset(_WORDS["guest_nouns"]["received"])  # "received his counterpart"
WELCOMED_PRESENCE = frozenset(_WORDS["guest_nouns"]["welcomed_presence"])  # "welcome the participation of"
DEMONSTRATIVES = frozenset(_WORDS["demonstratives"]["words"])
QUANTITY_WORDS = frozenset(_WORDS["quantity_words"]["words"])
HYPOTHETICAL_GOVERNORS = set(_WORDS["hypothetical_governors"]["words"])
RAISING_PASSIVES = frozenset(_WORDS["raising_passives"]["words"])  # "Russia is believed to have provided ..."
HYPOTHETICAL_NOUNS = set(_WORDS["hypothetical_nouns"]["words"])
HYPOTHETICAL_MODIFIERS = frozenset(_WORDS["hypothetical_modifiers"]["words"])  # "a possible deployment"
NEGATING_GOVERNORS = set(_WORDS["negating_governors"]["words"])
ENDING_VERBS = frozenset(_WORDS["ending_verbs"]["words"])  # "has not stopped its attacks": they go on
NOT_PRESUPPOSING = frozenset(_WORDS["not_presupposing"]["words"])  # "stop any attack": none yet
OCCURRING_VERBS = frozenset(_WORDS["occurring_verbs"]["words"])  # "an attack could come within days"
DECIDING_AGAINST = frozenset(_WORDS["deciding_against"]["words"])
CHARGE_NOUNS = frozenset(_WORDS["charge_nouns"]["words"])
NEGATING_DETERMINERS = frozenset(_WORDS["negating_determiners"]["words"])
MODAL_AUXILIARIES = set(_WORDS["modal_auxiliaries"]["words"])
REAL_MODALS = set(_WORDS["real_modals"]["words"])
POLITE_FRAMES = frozenset(_WORDS["polite_wishes"]["frames"])  # "would like to", "wish to"
POLITE_ACTS = frozenset(_WORDS["polite_wishes"]["acts"])  # "... express our gratitude"
SAY_VERBS = set(_WORDS["say_verbs"]["words"])
TEMPORAL_MARKS = set(_WORDS["temporal_marks"]["words"])
REASON_PHRASE_WORDS = frozenset(_WORDS["reason_phrase_words"]["words"])
DOING_VERBS = frozenset(_WORDS["doing_verbs"]["words"])  # "committed violations": the subject did it
WARNING_WORDS = frozenset(_WORDS["warning_topics"]["verbs"])  # "warned that ...": a warning with a topic
WARNING_TOPIC_PREPOSITIONS = frozenset(_WORDS["warning_topics"]["prepositions"])  # "warned of ...": the topic
WARNED_SUFFERING_VERBS = frozenset(_WORDS["warning_topics"]["suffering_verbs"])  # "warned that X would face ..."
CONSEQUENCE_NOUNS = frozenset(_WORDS["warning_topics"]["consequence_nouns"])  # "consequences for X"
CONSEQUENCE_PREPOSITIONS = frozenset(_WORDS["warning_topics"]["consequence_prepositions"])
MANNER_TERM_NOUNS = frozenset(_WORDS["manner_terms"]["words"])  # "condemns in the strongest terms X"
THREATENING_VERBS = frozenset(_WORDS["warning_topics"]["threatening_verbs"])  # "threatened the safe passage"
CLEAR_WARNINGS = _WORDS["clear_warnings"]  # "sent a clear signal that the United States will not tolerate ..."
THREATENED_RESPONSES = {k: frozenset(v) for k, v in _WORDS["threatened_responses"].items() if k != "_"}  # "stands ready to pursue sanctions"
VERBS_OF_PHRASES = frozenset(_WORDS["verbs_of_phrases"]["words"])
EXPLETIVE_OBJECTS = frozenset(_WORDS["expletive_objects"]["words"])  # "it makes sense to"
SPEAKERS_PLEASURES = frozenset(_WORDS["speakers_pleasures"]["words"])  # "it's a pleasure to meet you"
LIE_PREPOSITIONS = frozenset(_WORDS["lying"]["prepositions"])  # "lie about it"
LIE_ADVERBS = frozenset(_WORDS["lying"]["adverbs"])  # "lie openly"
QUALITIES = frozenset(_WORDS["qualities"]["words"])  # "fight with courage": how, not with whom
AIMING_PARTICIPLES = frozenset(_WORDS["aiming_participles"]["words"])  # "attacks directed at"
RESPONSIBILITY_WORDS = frozenset(_WORDS["responsibility_words"]["words"])  # "anyone responsible for"
NEGATING_PREFIXES = frozenset(_WORDS["negating_prefixes"]["words"])  # "de-escalate", "non-compliance"
ADDRESSEE_VERBS = frozenset(_WORDS["addressee_verbs"]["words"])
IDIOMS_NOT_EVENTS = {verb: frozenset(words) for verb, words in _WORDS["idioms_not_events"]["words"].items()}
TRAVEL_VERBS = frozenset(_WORDS["travel_verbs"]["words"])
JOURNEY_VERBS = frozenset(_WORDS["journey_verbs"]["words"])
PART_NOUNS = frozenset(_WORDS["part_nouns"]["words"])
HOSTING_VERBS = frozenset(_WORDS["hosting_verbs"]["words"])
STRUCK_DEALS = frozenset(_WORDS["struck_deals"]["words"])
COURTESY_VERBS = frozenset(_WORDS["courtesy_verbs"]["words"])
PACT_NOUNS = frozenset(_WORDS["pact_nouns"]["words"])
PACT_VERBS = frozenset(_WORDS["pact_verbs"]["words"])
CLAIM_NOUNS = frozenset(_WORDS["claim_nouns"]["words"])
REJECTING_VERBS = frozenset(_WORDS["rejecting_verbs"]["words"])
OPPOSING_VERBS = frozenset(_WORDS["opposing_verbs"]["words"])  # "vetoed a draft resolution aimed at ..."
MEMBER_NOUNS = frozenset(_WORDS["member_nouns"]["words"])  # "members of the Wagner group"
OPERATION_NOUNS = frozenset(_WORDS["operation_nouns"]["words"])
FIRE_NOUNS = frozenset(_WORDS["fire_nouns"]["words"])
WEAPON_MODIFIERS = frozenset(_WORDS["weapon_modifiers"]["words"])
SALE_NOUNS = frozenset(_WORDS["sale_nouns"]["words"])
COMMITMENT_NOUNS = frozenset(_WORDS["commitment_nouns"]["words"])
STANCE_ACTIONS = frozenset(_WORDS["stance_phrases"]["words"])  # "in support of", "in condemnation of"
STANCE_NOUNS = frozenset(_WORDS["stance_phrases"]["held_by"])  # "take a stand in support of"
STANCE_COMPANY = frozenset(_WORDS["stance_phrases"]["held_with"])  # "stood with allies in condemnation of"
COMMITTED_DEFENCE = frozenset(_WORDS["commitment_nouns"]["defending"])  # "commitment to defend the ROK"
TIE_NOUNS = frozenset(_WORDS["tie_nouns"]["words"])
TIE_KINDS = frozenset(_WORDS["tie_kinds"]["words"])
TIE_VERBS = frozenset(_WORDS["tie_verbs"]["words"])
STRUCK_THINGS = frozenset(_WORDS["struck_things"]["words"])
#: lemma of a participle or adjective -> the preposition of whose a struck thing is ("belonging to", "used by")
STRUCK_THING_OWNERS: dict[str, str] = {w: p for w, p in _WORDS["struck_things"]["owners"].items() if w != "_"}
PROCURING_WORDS = frozenset(_WORDS["procuring_words"]["words"])
LAUNCHED_WEAPONS = frozenset(_WORDS["launched_weapons"]["words"])  # "Russian missiles hit ..."
#: what a nation named with it sells when bought ("Iranian drones"): arms, launched weapons, platforms
MADE_ARMS = frozenset(_WORDS["procuring_words"]["arms"]) | LAUNCHED_WEAPONS | PLATFORM_NOUNS
JOINT_ACTIVITY_NOUNS = frozenset(_WORDS["joint_activity_nouns"]["words"])
JOINT_KINDS = frozenset(_WORDS["joint_kinds"]["words"])
IMPOSED_MEASURE_NOUNS = frozenset(_WORDS["imposed_measure_nouns"]["words"])
IMPOSING_VERBS = frozenset(_WORDS["imposing_verbs"]["words"])
VERB_LEMMA_FIXES: dict[str, str] = _WORDS["verb_lemma_fixes"]["words"]
MEETING_NOUNS = frozenset(_WORDS["meeting_nouns"]["words"])
MEETING_HOLDING_VERBS = frozenset(_WORDS["meeting_nouns"]["holding_verbs"])  # "convened a meeting"
MATERIAL_KINDS = frozenset(_WORDS["material_support"]["kinds"])
MATERIAL_SUPPORT_NOUNS = frozenset(_WORDS["material_support"]["nouns"])
GIVING_VERBS = frozenset(_WORDS["material_support"]["giving_verbs"])
DEMAND_NOUNS = frozenset(_WORDS["demand_nouns"]["words"])
DESCRIBING_NOUNS: dict[str, str] = _WORDS["describing_nouns"]["words"]
THREATENED_VALUES = frozenset(_WORDS["threatened_values"]["words"])  # "threaten peace and security"
GROUNDS_PREPOSITIONS = frozenset(_WORDS["grounds_prepositions"]["words"])  # "Sanctions X for Undermining Democracy"
HEADLINE_NOUN_HEADS = frozenset(_WORDS["headline_noun_heads"]["words"])  # "EU Sanctions Envoy ..."
