"""Names and nouns that stand for actors: international organisations, bodies of a state
whose name does not say which, armed groups, and the common nouns ("government", "troops",
"the two countries") the resolver in `actors.py` reads as actors. Data only: the words the
resolver and the speaker rules read in a phrase are in `data/actor_words.json`, loaded here once.
"""
from __future__ import annotations

import json
import re
from importlib import resources

_ACTOR_WORDS: dict = json.loads(
    resources.files("kgraph").joinpath("data/actor_words.json").read_text(encoding="utf-8"))

INTERNATIONAL_ORGS: dict[str, str] = {
    "un": "United Nations", "u.n.": "United Nations", "united nations": "United Nations",
    "the un": "United Nations", "the united nations": "United Nations",
    "un security council": "United Nations Security Council",
    "u.n. security council": "United Nations Security Council",
    "united nations security council": "United Nations Security Council",
    "security council": "United Nations Security Council",
    "the security council": "United Nations Security Council",
    "unsc": "United Nations Security Council",
    "council": "United Nations Security Council",  # unless the text is the EU's: DocumentActors.council_meant
    "council of the european union": "Council of the European Union",
    "council of the eu": "Council of the European Union",
    "nato": "NATO", "north atlantic treaty organization": "NATO",
    "eu": "European Union", "european union": "European Union", "the eu": "European Union",
    "european commission": "European Commission", "iaea": "IAEA",
    "international atomic energy agency": "IAEA", "g7": "G7", "g20": "G20",
    "asean": "ASEAN", "african union": "African Union", "au": "African Union",
    "who": "World Health Organization", "world health organization": "World Health Organization",
    "imf": "International Monetary Fund", "world bank": "World Bank", "opec": "OPEC",
    "icc": "International Criminal Court", "international criminal court": "International Criminal Court",
    "unitams": "UNITAMS", "osce": "OSCE", "red cross": "Red Cross", "icrc": "ICRC",
    "arab league": "Arab League", "unhcr": "UNHCR", "unicef": "UNICEF",
    "igad": "IGAD", "sadc": "SADC", "southern african development community": "SADC",
    "eac": "East African Community", "east african community": "East African Community",
    "caricom": "CARICOM", "caribbean community": "CARICOM", "mercosur": "Mercosur",
    "apec": "APEC", "oic": "Organisation of Islamic Cooperation", "monusco": "MONUSCO",
    "unifil": "UNIFIL", "european council": "European Council", "european parliament": "European Parliament",
    "meps": "European Parliament", "mep": "European Parliament", "ecowas": "ECOWAS",
    "economic community of west african states": "ECOWAS", "gcc": "Gulf Cooperation Council", "sco": "Shanghai Cooperation Organisation",
    "brics": "BRICS", "quad": "Quad", "aukus": "AUKUS", "oas": "Organization of American States",
    "wto": "World Trade Organization", "interpol": "Interpol", "the west": "the West", "west": "the West",
    "general assembly": "UN General Assembly", "un general assembly": "UN General Assembly",
}

# Organisations that belong to a state although their name does not say which.
STATE_ORGS: dict[str, str] = {
    "state department": "USA", "department of state": "USA", "pentagon": "USA",
    "department of defense": "USA", "defense department": "USA", "dod": "USA", "congress": "USA",
    "senate": "USA", "house of representatives": "USA", "white house": "USA", "cia": "USA",
    "fbi": "USA", "treasury": "USA", "treasury department": "USA", "nsc": None,
    "yonhap": "KOR", "kcna": "PRK", "tass": "RUS", "ria novosti": "RUS", "xinhua": "CHN",
    "kremlin": "RUS", "idf": "ISR", "israel defense forces": "ISR", "bundeswehr": "DEU",
    "ministry of defence": None, "hamas": "PSE", "hezbollah": "LBN", "houthis": "YEM",
    "houthi": "YEM", "taliban": "AFG", "rsf": "SDN", "rapid support forces": "SDN",
    "wagner": "RUS", "wagner group": "RUS", "ansar allah": "YEM", "islamic jihad": "PSE",
    "palestinian islamic jihad": "PSE", "al-shabaab": "SOM", "al-shabab": "SOM",
    "boko haram": "NGA", "m23": "COD",
}
ARMED_GROUPS = set(_ACTOR_WORDS["armed_groups"]["words"])

STATE_BODY_NOUNS = set(_ACTOR_WORDS["state_body_nouns"]["words"])
SELF_REFERRING = set(_ACTOR_WORDS["self_referring"]["words"])
ORG_NOUNS = set(_ACTOR_WORDS["org_nouns"]["words"])

PERSON_PRONOUNS = {"he", "him", "his", "she", "her", "hers"}
PLURAL_PRONOUNS = {"they", "them", "their", "theirs"}
THING_PRONOUNS = {"it", "its"}
SPEAKER_PRONOUNS = {"we", "us", "our", "ours", "i", "me", "my"}
SPEAKER_PLURAL_PRONOUNS = {"we", "us", "our", "ours"}  # a state's speaker's "we" is the state
TITLES = re.compile(r"^(?:(?:mr|mrs|ms|dr|president|vice|prime|minister|gen|general|ambassador|"
                    r"secretary|sen|senator|rep|adm|admiral|col|lt|spokesperson|spokesman|"
                    r"spokeswoman|chancellor|premier|deputy|press|foreign|defen[cs]e|chief|king|"
                    r"queen|prince|sheikh|director|commander|envoy|special|representative|"
                    r"principal|national|security|adviser|advisor|chairperson|chairman|chairwoman|chair|"
                    r"commissioner|governor|mayor|justice|high)\.?\s+)+(?=[A-Z])", re.I)

PAIR_NOUNS = set(_ACTOR_WORDS["pair_nouns"]["words"])
ROLE_WORDS = set(_ACTOR_WORDS["role_words"]["words"])
POSITION_WORDS = set(_ACTOR_WORDS["position_words"]["words"])
OFFICIAL_NOUNS = set(_ACTOR_WORDS["official_nouns"]["words"])
DOCUMENT_NOUNS = set(_ACTOR_WORDS["document_nouns"]["words"])
GROUP_NOUNS = set(_ACTOR_WORDS["group_nouns"]["words"])
INTERNATIONAL_ORG_NAMES = set(INTERNATIONAL_ORGS.values())


COMPASS_STATES: dict[str, str] = {w: c for w, c in _ACTOR_WORDS["compass_states"].items() if w != "_"}
PARTNER_ADVERBS = frozenset(_ACTOR_WORDS["partner_words"]["adverbs"])
PARTNER_PREPOSITIONS = frozenset(_ACTOR_WORDS["partner_words"]["prepositions"])
OWN_FORCES = frozenset(_ACTOR_WORDS["own_forces"]["words"])
PARTITIVES = frozenset(_ACTOR_WORDS["partitives"]["words"])
GROUP_MEMBER_NOUNS = frozenset(_ACTOR_WORDS["back_to_the_last_group"]["words"])
UNIDENTIFIED_QUANTIFIERS = frozenset(_ACTOR_WORDS["unidentified_quantifiers"]["words"])
GROUP_SIZES: dict[str, int] = _ACTOR_WORDS["group_sizes"]["words"]
JOINT_WORDS = frozenset(_ACTOR_WORDS["joint_authors"]["words"])
COUNCIL_MEASURES = frozenset(_ACTOR_WORDS["council_measures"]["words"])
PORTFOLIO_WORDS = frozenset(_ACTOR_WORDS["portfolio_words"]["words"])
VICTIM_NOUNS = frozenset(_ACTOR_WORDS["victims"]["words"])
SECURITY_COUNCIL = INTERNATIONAL_ORGS["unsc"]  # its canonical name, as the table gives it
EU_COUNCIL = INTERNATIONAL_ORGS["council of the eu"]
#: bodies a European Union text names by one word ("Parliament condemns", "the Council")
EU_BODIES = {"council": EU_COUNCIL, "parliament": INTERNATIONAL_ORGS["european parliament"],
             "commission": INTERNATIONAL_ORGS["european commission"]}
#: words that make a text the European Union's, where "the Council" is the EU's council
#: a text that names the Security Council, where "the Council" and a sanctions regime are its
NAMES_THE_COUNCIL = re.compile(r"\bSecurity Council\b|\bUNSC\b")
EU_TEXT = re.compile(r"\b(EU|European Union|European Parliament|MEPs?|European Commission)\b")
NAME_TITLES = OFFICIAL_NOUNS | set(_ACTOR_WORDS["name_titles"]["words"])  # "President Irfaan Ali"
REMEMBERED_TITLES = NAME_TITLES | set(_ACTOR_WORDS["remembered_titles"]["words"])  # "the envoy" later
OFFICIAL_TITLE = re.compile(r"\b(" + "|".join(_ACTOR_WORDS["official_titles"]["words"]) + r")\b", re.I)
HEADER_LINE = re.compile(r"^\s*(" + "|".join(_ACTOR_WORDS["header_openers"]["words"]) + r")\b", re.I)
QUESTION_LABELS = frozenset(_ACTOR_WORDS["question_labels"]["words"])
