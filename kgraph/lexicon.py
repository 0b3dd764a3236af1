"""Which words trigger which action, and the word lists the role and modality rules use.

Kept as data so that adding a trigger is a one-line change that needs no new code.
"""
from __future__ import annotations

from .actions import ACTIONS

# Trigger word -> action, from each action's one definition (`data/actions.json`). "send" and a
# few others depend on their object: see OBJECT_DEPENDENT.
VERB_TRIGGERS: dict[str, str] = {w: a for a, d in ACTIONS.items() for w in d.verbs}
NOUN_TRIGGERS: dict[str, str] = {w: a for a, d in ACTIONS.items() for w in d.nouns}
ADJECTIVE_TRIGGERS: dict[str, str] = {w: a for a, d in ACTIONS.items() for w in d.adjectives}

# "X is unacceptable / illegal": whoever says so condemns or accuses X.
JUDGEMENT_PREDICATES: dict[str, str] = {
    "unacceptable": "condemn", "reprehensible": "condemn", "deplorable": "condemn",
    "outrageous": "condemn", "abhorrent": "condemn", "appalling": "condemn",
    "shameful": "condemn", "irresponsible": "condemn", "inexcusable": "condemn",
    "unjustifiable": "condemn", "despicable": "condemn", "heinous": "condemn",
    "illegal": "accuse", "unlawful": "accuse", "illegitimate": "accuse",
    "inconsistent": "accuse",  # "inconsistent with international law"
}
LAW_WORDS = {"law", "charter", "resolution", "resolutions", "obligations", "commitments",
             "convention", "treaty", "norms", "rules", "agreement"}

# "send" deploys people and supplies things; decided by the object's head noun.
FORCE_NOUNS = {
    "troop", "troops", "soldier", "soldiers", "force", "forces", "personnel", "team", "unit",
    "units", "brigade", "brigades", "battalion", "battalions", "division", "squadron", "fleet",
    "warship", "warships", "carrier", "destroyer", "destroyers", "cruiser", "cruisers",
    "mercenary", "mercenaries", "fighter", "fighters", "officer", "officers", "marine", "marines",
    "contingents", "police", "policemen", "gendarmes",
    "advisers", "advisors", "instructor", "instructors", "army", "navy", "group", "contingent",
    "peacekeeper", "peacekeepers", "sailor", "sailors", "pilot", "pilots", "jet", "jets",
    "aircraft", "submarine", "submarines", "vessel", "vessels", "ship", "ships",
    "expert", "experts", "specialist", "specialists", "frigate", "frigates", "corvette",
    "corvettes", "battleship", "battleships", "helicopter", "helicopters", "bomber", "bombers",
    "reinforcements", "paratroopers", "boots",
    "worker", "workers", "commando", "commandos", "strike group", "observers", "observer",
    "monitors", "mission",
}
# Forces that are also equipment: sent, they deploy; supplied or sold, they are supplied.
PLATFORM_NOUNS = {"jet", "jets", "aircraft", "submarine", "submarines", "vessel", "vessels",
                  "ship", "ships", "warship", "warships", "frigate", "frigates", "corvette",
                  "corvettes", "helicopter", "helicopters", "bomber", "bombers", "fighter",
                  "fighters", "destroyer", "destroyers", "cruiser", "cruisers", "battleship",
                  "battleships", "carrier"}
MATERIEL_NOUNS = {
    "weapon", "weapons", "arm", "arms", "munition", "munitions", "ammunition", "shell", "shells",
    "missile", "missiles", "rocket", "rockets", "drone", "drones", "aid", "equipment", "tank",
    "tanks", "artillery", "supplies", "supply", "materiel", "gun", "guns", "rifle", "rifles",
    "fuel", "oil", "food", "grain", "medicine", "money", "fund", "funds", "technology",
    "vehicle", "vehicles", "interceptor", "interceptors", "assistance", "component",
    "components", "round", "rounds", "howitzer", "howitzers", "launcher", "launchers",
    "system", "systems", "materiel", "goods", "tonnes", "tons", "vaccines", "medicine",
    "medicines", "fertilizer", "grain", "loans", "credit", "artillery",
}
OBJECT_DEPENDENT = {"send": None, "give": None, "offer": None, "provide": "supply", "contribute": None,
                    "order": None, "deliver": "supply", "move": None, "rush": None}

# Verbs whose subject is the agent of the event noun they take as object
# ("impose sanctions", "express gratitude", "wage war", "launch an attack").
LIGHT_VERBS = {
    "impose", "express", "wage", "launch", "carry", "conduct", "hold", "sign", "make", "issue",
    "offer", "give", "provide", "increase", "expand", "strengthen", "deepen", "announce",
    "continue", "begin", "start", "order", "extend", "pledge", "reaffirm", "voice", "step",
    "escalate", "intensify", "mount", "stage", "seek", "approve", "authorize", "level", "lodge",
    "file", "renew", "boost", "reiterate", "take", "deliver", "plan", "prepare", "have",
    "require", "pursue", "slap", "tighten", "lift", "resume", "limit", "restore", "establish",
    "normalize", "normalise", "reestablish", "upgrade",
    # governors whose subject would do what their object names: "considering strikes on X",
    # "threatened retaliation", "ordered the deployment of"
    "consider", "weigh", "mull", "contemplate", "explore", "propose", "threaten", "intend",
    "cease", "end", "halt", "stop", "suspend", "promise", "vow", "review",
}

# Governors that make the governed event hypothetical or negated.
HYPOTHETICAL_GOVERNORS = {
    "consider", "weigh", "mull", "contemplate", "ponder", "explore", "plan", "propose",
    "threaten", "intend", "want", "seek", "aim", "prepare", "hope", "expect",
    "may", "could", "might", "would", "should", "urge", "demand", "call", "ask", "request",
    "press", "plead", "push", "offer", "promise", "pledge", "vow", "agree", "try", "attempt",
    "discuss", "suggest", "recommend", "fear", "warn", "allow", "need", "able",
    "due", "set", "scheduled", "expected", "likely", "ready", "prepared", "willing", "poised",
}
HYPOTHETICAL_NOUNS = {"plan", "plans", "proposal", "possibility", "option", "options", "threat",
                      "prospect", "idea", "offer", "willingness", "readiness", "intention",
                      "call", "calls", "demand", "demands", "appeal", "appeals", "risk",
                      "consideration", "scenario"}
NEGATING_GOVERNORS = {"deny", "refuse", "reject", "decline", "fail", "rule", "stop", "halt",
                      "exclude",
                      "refusal", "denial", "prohibit", "ban", "forbid", "prevent", "bar"}
MODAL_AUXILIARIES = {"could", "may", "might", "would", "should", "will", "shall", "can", "ca",
                     "must", "'ll", "wo"}
REAL_MODALS = {"can", "ca"}  # "can" of ability still reads as asserted in news prose

SAY_VERBS = {"say", "tell", "add", "note", "state", "declare", "announce", "write", "stress",
             "claim", "insist", "report", "remark", "explain", "reply", "argue", "emphasize",
             "emphasise", "underscore", "reiterate"}

# Subordinators of time and reason: a clause they open keeps its own modality.
TEMPORAL_MARKS = {"as", "while", "because", "since", "after", "before", "when", "once", "until"}
