"""Names and nouns that stand for actors: international organisations, bodies of a state
whose name does not say which, armed groups, and the common nouns ("government", "troops",
"the two countries") the resolver in `actors.py` reads as actors. Data only: organisations
known by name are in `data/organisations.json` (filled in from PETRARCH2's Phoenix dictionaries,
`data/actors_phoenix.json`), the words the resolver and the speaker rules read in a phrase in
`data/actor_words.json`; each is loaded here once.
"""
from __future__ import annotations

import json
import re
from importlib import resources
from typing import TypeVar

from .model import straight_apostrophes

_ACTOR_WORDS: dict = json.loads(
    resources.files("kgraph").joinpath("data/actor_words.json").read_text(encoding="utf-8"))

_ORGANISATIONS: dict = json.loads(
    resources.files("kgraph").joinpath("data/organisations.json").read_text(encoding="utf-8"))
_PHOENIX: dict = json.loads(
    resources.files("kgraph").joinpath("data/actors_phoenix.json").read_text(encoding="utf-8"))
#: aliases of the Phoenix organisations that are ordinary words or given names ("Dawn")
_PHOENIX_SKIPPED_ALIASES = frozenset({"dawn", "amit", "insula", "aluka", "isar", "redr"})


def _phoenix_names(kinds: tuple[str, ...]) -> dict[str, dict]:
    """Lower-case name or alias -> Phoenix organisation, for the organisations of `kinds`; an
    alias two organisations share names neither."""
    found: dict[str, dict] = {}
    shared: set[str] = set()
    for org in _PHOENIX["organisations"]:
        if org["kind"] not in kinds:
            continue
        for alias in {org["name"].lower(), *org["aliases"], *org.get("added_aliases", [])}:
            if alias in _PHOENIX_SKIPPED_ALIASES or len(alias) < 3:
                continue
            if alias in found and found[alias]["name"] != org["name"]:
                shared.add(alias)
            found[alias] = org
    return {alias: org for alias, org in found.items() if alias not in shared}


V = TypeVar("V")


class NameTable(dict[str, V]):
    """A table of lower-case names whose look-ups read a typographic apostrophe as the straight one
    the tables are written with: texts write "Asa’ib Ahl al-Haq" and "Quai d‘Orsay"."""

    def __getitem__(self, name: str) -> V:
        return super().__getitem__(straight_apostrophes(name))

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and super().__contains__(straight_apostrophes(name))

    def get(self, name: str, default=None):
        return super().get(straight_apostrophes(name), default)


class NameSet(frozenset):
    """A set of lower-case names read as `NameTable` reads them."""

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and super().__contains__(straight_apostrophes(name))


#: international organisations (and non-governmental ones) by lower-case name -> canonical name:
#: kgraph's table first, then PETRARCH2's Phoenix dictionaries
INTERNATIONAL_ORGS: dict[str, str] = NameTable({
    **{alias: org["name"] for alias, org in _phoenix_names(("IGO", "NGO")).items()},
    **_ORGANISATIONS["international"]["names"],
})
# Organisations that belong to a state although their name does not say which: kgraph's table,
# then the Phoenix armed groups with one home state.
STATE_ORGS: dict[str, str | None] = NameTable({
    **{alias: org["country"] for alias, org in _phoenix_names(("armed group",)).items() if org["country"]},
    **_ORGANISATIONS["state_bodies"]["names"],
})


def body_state(name: str) -> str | None:
    """The state a body the tables know stands for, however the text writes its name ("the
    Palestinian Authority", "RAF"); None for a body of no state or one the tables do not know."""
    return STATE_ORGS.get(name.lower().removeprefix("the "))
#: "EU member states", "G7 members": the nouns of an organisation's members, the clubs of states whose
#: members are the club, and the guidelines' names of other organisations' member states
MEMBERSHIP_NOUNS = frozenset(_ORGANISATIONS["memberships"]["nouns"])
STATE_CLUBS = frozenset(_ORGANISATIONS["memberships"]["clubs"])
MEMBER_STATES: dict[str, str] = _ORGANISATIONS["memberships"]["member_states"]
#: "NATO allies" (every one of the six in the training and fresh read sets is annotated so), not NATO
ALLIES_OF: dict[str, str] = _ORGANISATIONS["memberships"]["allies"]
#: alliance -> its names, for a text that writes its members "Allies" ("Allies strongly condemned ...")
CAPITALISED_ALLIES: dict[str, list[str]] = {
    k: v for k, v in _ORGANISATIONS["memberships"]["capitalised_allies"].items() if k != "_"}
ORGANISATION_PEOPLE = frozenset(_ACTOR_WORDS["organisation_people"]["words"])
STANCE_PREFIXES = frozenset(_ACTOR_WORDS["stance_prefixes"]["words"])  # "pro-Iran": whom, not whose
TITLE_MODIFIERS = frozenset(_ACTOR_WORDS["title_modifiers"]["words"])  # "Prime" in "Prime Minister"
ORGANISATION_OFFICES = frozenset(_ACTOR_WORDS["organisation_offices"]["words"])
INSTRUMENT_NAMES = frozenset(_ACTOR_WORDS["instrument_names"]["words"])
TIME_ZONES = frozenset(_ACTOR_WORDS["time_zones"]["words"])  # "15:42 GMT": when, never who
GATHERING_AND_SITE_NAMES = frozenset(_ACTOR_WORDS["gathering_and_site_names"]["words"])  # "the Hanoi Summit"
ORGANISATION_NAME_HEADS = frozenset(_ACTOR_WORDS["organisation_name_heads"]["words"])
_PEOPLES_PORTFOLIOS = frozenset(_ACTOR_WORDS["organisation_people"]["portfolios"])


def organisation_of_people(name: str) -> str | None:
    """"G7 Foreign Ministers", "ASEAN leaders": the organisation of no state whose people the
    name's last words are, by its canonical name; else None ("EU defence" names no people)."""
    words = name.lower().removeprefix("the ").split()
    if not words or words[-1] not in ORGANISATION_PEOPLE:
        return None
    for cut in range(len(words) - 1, 0, -1):
        if words[cut] not in ORGANISATION_PEOPLE | _PEOPLES_PORTFOLIOS:
            return None
        org = INTERNATIONAL_ORGS.get(" ".join(words[:cut]))
        if org:
            return org
    return None


#: kgraph's own table of them alone, which `actors` also reads as the last words of a longer name
STATE_BODIES: dict[str, str | None] = NameTable(_ORGANISATIONS["state_bodies"]["names"])
ARMED_GROUPS = NameSet(_ORGANISATIONS["armed_groups"]["names"])


def known_body(name: str) -> tuple[str, str | None] | None:
    """The kind and state the tables give a group or body by its name ("the Houthis": a group of
    Yemen; a state's body; an international organisation, of no state); None for other names."""
    key = re.sub(r"^the\s+", "", name.lower()).strip()
    if key in ARMED_GROUPS:
        return "GROUP", STATE_ORGS.get(key)
    if key in STATE_ORGS:
        return "ORG", STATE_ORGS[key]
    if key in INTERNATIONAL_ORGS:
        return "ORG", None
    return None

STATE_BODY_NOUNS = set(_ACTOR_WORDS["state_body_nouns"]["words"])
SELF_REFERRING = set(_ACTOR_WORDS["self_referring"]["words"])
ORG_NOUNS = set(_ACTOR_WORDS["org_nouns"]["words"])
ARMED_GROUP_NOUNS = frozenset(_ACTOR_WORDS["armed_group_nouns"]["words"])
ORGANISATION_EPITHETS = frozenset(_ACTOR_WORDS["organisation_epithets"]["words"])  # "the bloc", "the body"

_PRONOUNS = _ACTOR_WORDS["pronouns"]
PERSON_PRONOUNS = frozenset(_PRONOUNS["person"])
PLURAL_PRONOUNS = frozenset(_PRONOUNS["plural"])
THING_PRONOUNS = frozenset(_PRONOUNS["thing"])
SPEAKER_PRONOUNS = frozenset(_PRONOUNS["speaker"])
ADDRESSEE_PRONOUNS = frozenset(_ACTOR_WORDS["addressee"]["pronouns"])
CLAUSE_OBJECT_PREPOSITIONS = frozenset(_ACTOR_WORDS["clause_object_prepositions"]["words"])
VOCATIVE_OPENERS = frozenset(_ACTOR_WORDS["addressee"]["openers"])
ADDRESS_OPENINGS = frozenset(_ACTOR_WORDS["addressee"]["openings"])
CHAIR_TITLES = frozenset(_ACTOR_WORDS["addressee"]["chair_titles"])
SPEAKER_PLURAL_PRONOUNS = frozenset(_PRONOUNS["speaker_plural"])  # a state's speaker's "we" is the state
TITLE_WORDS = frozenset(_ACTOR_WORDS["title_words"]["words"])
#: a run of title words before a capitalised name ("Defence Minister Rajnath Singh")
TITLES = re.compile(r"^(?:(?:" + "|".join(sorted(map(re.escape, TITLE_WORDS), key=lambda w: (-len(w), w)))
                    + r")\.?\s+)+(?=[A-Z])", re.I)

PAIR_NOUNS = set(_ACTOR_WORDS["pair_nouns"]["words"])
ROLE_WORDS = set(_ACTOR_WORDS["role_words"]["words"])
POSITION_WORDS = set(_ACTOR_WORDS["position_words"]["words"])
COUNTERPART_PREPOSITIONS = frozenset(_ACTOR_WORDS["counterpart_prepositions"]["words"])
OFFICIAL_NOUNS = set(_ACTOR_WORDS["official_nouns"]["words"])
DOCUMENT_NOUNS = set(_ACTOR_WORDS["document_nouns"]["words"])
DRAFT_MODIFIERS = frozenset(_ACTOR_WORDS["draft_sponsors"]["modifiers"])  # "the draft resolution": its sponsor's
DRAFT_NOUNS = frozenset(_ACTOR_WORDS["draft_sponsors"]["nouns"])
SPONSORING_VERBS = frozenset(_ACTOR_WORDS["draft_sponsors"]["verbs"])
GROUP_NOUNS = set(_ACTOR_WORDS["group_nouns"]["words"])
INTERNATIONAL_ORG_NAMES = set(INTERNATIONAL_ORGS.values())


COMPASS_STATES: dict[str, str] = {w: c for w, c in _ACTOR_WORDS["compass_states"].items() if w != "_"}
PARTNER_ADVERBS = frozenset(_ACTOR_WORDS["partner_words"]["adverbs"])
PARTNER_PREPOSITIONS = frozenset(_ACTOR_WORDS["partner_words"]["prepositions"])
PARTNER_CLAUSE_PREPOSITIONS = frozenset(_ACTOR_WORDS["partner_words"]["clause_prepositions"])  # "Like France, ..."
OWN_FORCES = frozenset(_ACTOR_WORDS["own_forces"]["words"])
PERSON_TITLES = frozenset(_ACTOR_WORDS["person_titles"]["words"])
INTERNATIONAL_OFFICES = tuple(_ACTOR_WORDS["international_offices"]["words"])  # "High Representative"
#: those of more than one word, which name the office alone ("Secretary-General", not "commissioner")
INTERNATIONAL_OFFICE_PHRASES = tuple(o for o in INTERNATIONAL_OFFICES if " " in o or "-" in o)
ONE_PERSON_OFFICES = frozenset(_ACTOR_WORDS["one_person_offices"]["words"])  # "The representative ... He"
STRUCK_SITES = frozenset(_ACTOR_WORDS["struck_sites"]["words"])
LISTED_MEMBER_NOUNS = frozenset(_ACTOR_WORDS["listed_members"]["nouns"])
LIST_CLOSERS = frozenset(_ACTOR_WORDS["list_closers"]["words"])
SEATED_PARTICIPLES = frozenset(_ACTOR_WORDS["seated_participles"]["words"])
NAMING_PARTICIPLES = frozenset(_ACTOR_WORDS["naming_participles"]["words"])
TOWNS_NAMED_FOR_PEOPLE = frozenset(_ACTOR_WORDS["towns_named_for_people"]["states"])
LISTING_PREPOSITIONS = frozenset(_ACTOR_WORDS["listed_members"]["prepositions"])
PARTITIVES = frozenset(_ACTOR_WORDS["partitives"]["words"])
GROUP_MEMBER_NOUNS = frozenset(_ACTOR_WORDS["back_to_the_last_group"]["words"])
UNIDENTIFIED_QUANTIFIERS = frozenset(_ACTOR_WORDS["unidentified_quantifiers"]["words"])
#: ("allies", "partners"): "our allies and partners" is the group "allies and partners"
#: "allies and partners", "partners and allies": each pair of nouns (as "first second") and the one label both orders share
PARTNERSHIP_PAIRS: dict[str, str] = _ACTOR_WORDS["partnership_pairs"]["pairs"]
#: "European countries", "our international partners", "other countries": a group of no state
COLLECTIVES_OF_STATES = frozenset(_ACTOR_WORDS["collectives_of_states"]["nouns"])
UNNAMING_MODIFIERS = frozenset(_ACTOR_WORDS["collectives_of_states"]["unnaming_modifiers"]["words"])  # "relevant countries"
GROUP_SIZES: dict[str, int] = _ACTOR_WORDS["group_sizes"]["words"]
GROUP_DETERMINERS = frozenset(_ACTOR_WORDS["group_sizes"]["determiners"])  # "the three", "all three"
JOINT_WORDS = frozenset(_ACTOR_WORDS["joint_authors"]["words"])
JOINT_TEXTS = frozenset(_ACTOR_WORDS["joint_authors"]["texts"])  # "joint statement"
JOINT_ISSUING = frozenset(_ACTOR_WORDS["joint_authors"]["issuing"])  # "jointly issued"
COUNCIL_MEASURES = frozenset(_ACTOR_WORDS["council_measures"]["words"])
COUNCIL_MEASURE_PREPOSITIONS = frozenset(_ACTOR_WORDS["council_measures"]["prepositions"])
PORTFOLIO_WORDS = frozenset(_ACTOR_WORDS["portfolio_words"]["words"])
VICTIM_NOUNS = frozenset(_ACTOR_WORDS["victims"]["words"])
LINKED_BY = frozenset(_ACTOR_WORDS["linked_by"]["words"])
LEADING_WORDS = frozenset(_ACTOR_WORDS["linked_by"]["leading"])  # "forces led by Haftar": the leader's own state
#: the words of titles, offices and bodies a description is made of (`is_description`)
_DESCRIPTION_WORDS = TITLE_WORDS | STATE_BODY_NOUNS | ORG_NOUNS | PORTFOLIO_WORDS


def is_description(name: str) -> bool:
    """Whether a label describes rather than names ("President", "Foreign Ministry", "forces",
    "multinational force"): every word lower-case or a word of titles, offices and bodies. Such a
    label is no one in particular: which state's it is says who it is."""
    words = name.split()
    return bool(words) and all(word[:1].islower() or word.lower().strip(".") in _DESCRIPTION_WORDS for word in words)


BRITISH_SPELLINGS = frozenset(_ACTOR_WORDS["spelling"]["british"])
AMERICAN_SPELLINGS = frozenset(_ACTOR_WORDS["spelling"]["american"])
SECURITY_COUNCIL = INTERNATIONAL_ORGS["unsc"]  # its canonical name, as the table gives it
ISSUING_VERBS = frozenset(_ACTOR_WORDS["issuing_verbs"]["words"])  # "adopted resolution 2722, which ..."
EU_COUNCIL = INTERNATIONAL_ORGS["council of the eu"]
#: bodies a European Union text names by one word ("Parliament condemns", "the Council")
EU_BODIES = {"council": EU_COUNCIL, "parliament": INTERNATIONAL_ORGS["european parliament"],
             "commission": INTERNATIONAL_ORGS["european commission"]}
NATO = INTERNATIONAL_ORGS["nato"]
#: a text that names NATO, where "the Alliance" is NATO
NAMES_NATO = re.compile(r"\bNATO\b|\bNorth Atlantic\b")
#: a text that names the Security Council, where "the Council" and a sanctions regime are its
NAMES_THE_COUNCIL = re.compile(r"\bSecurity Council\b|\bUNSC\b")
#: a text spoken at the Security Council or by a state's mission to the United Nations, whose
#: sanctions regimes and arms embargoes are the Council's measures ("Ambassador Peter Wilson, UK
#: Deputy Permanent Representative to the United Nations, statement on adoption of resolution 2304")
UN_MEASURES_TEXT = re.compile(
    NAMES_THE_COUNCIL.pattern + r"|\b(?:Permanent Representative|Mission) to the (?:UN|U\.N\.|United Nations)\b")
#: a text that names a council of its own ("North Atlantic Council statement ...", "the Human Rights Council"),
#: where "the Council" is that one, not the Security Council
NAMES_ANOTHER_COUNCIL = re.compile(r"\b(?!(?:Security|The|This|That|An?|Our|Its|Each|Every)\b)[A-Z][\w'-]*\s+Council\b")
#: a text that names the European Parliament, whose "the resolution" is the Parliament's
NAMES_THE_PARLIAMENT = re.compile(r"\b(European Parliament|MEPs?)\b")
#: words that make a text the European Union's, where "the Council" is the EU's council ("restrictive
#: measures" is the Union's legal name for its sanctions: "The Council today adopted ... restrictive measures")
EU_TEXT = re.compile(r"\b(EU|European Union|European Parliament|MEPs?|European Commission|restrictive measures)\b")
NAME_SUFFIXES = frozenset(_ACTOR_WORDS["name_suffixes"]["words"])  # "Jr.", "III"
HONORIFICS = frozenset(_ACTOR_WORDS["honorifics"]["words"])  # "Sir", "Dame"
NAME_PARTICLES = frozenset(_ACTOR_WORDS["name_particles"]["words"])  # "de" in "Nicolas de Riviere"
OFFICE_WORDS = frozenset(_ACTOR_WORDS["office_words"]["words"])  # "leader of ...": an office, as the titles
SPEAKERS_MEASURES = frozenset(_ACTOR_WORDS["speakers_measures"]["words"])  # "Today's action was taken ..."
REGIONAL_EPITHETS: dict = _ACTOR_WORDS["regional_epithets"]["words"]  # "Sahel" -> its states (or a region's name)
REGIONAL_NOUNS = frozenset(_ACTOR_WORDS["regional_epithets"]["nouns"])  # "the Sahel nation", "the Gulf state"
COMMENTATORS = frozenset(_ACTOR_WORDS["commentators"]["words"])  # "professor", "analyst": no state by default
NEWS_MEDIA = frozenset(_ACTOR_WORDS["news_media"]["names"])  # "Yonhap", "Reuters": report, do not act
NEWS_MEDIA_HEADS = tuple(_ACTOR_WORDS["news_media"]["heads"])  # "the Yonhap news agency"
#: wars whose other side a war noun that names one side implies ("a brutal Russian invasion": of Ukraine)
KNOWN_WAR_NOUNS = frozenset(_ACTOR_WORDS["known_wars"]["nouns"])
KNOWN_WARS: tuple[tuple[str, str], ...] = tuple(tuple(w) for w in _ACTOR_WORDS["known_wars"]["wars"])
COLLECTIVES_NOT_ACTED_ON = frozenset(_ACTOR_WORDS["collectives_not_acted_on"]["words"])  # "the international community"
NAME_TITLES = OFFICIAL_NOUNS | set(_ACTOR_WORDS["name_titles"]["words"])  # "President Irfaan Ali"
REMEMBERED_TITLES = NAME_TITLES | set(_ACTOR_WORDS["remembered_titles"]["words"])  # "the envoy" later
OFFICIAL_TITLE = re.compile(r"\b(" + "|".join(_ACTOR_WORDS["official_titles"]["words"]) + r")\b", re.I)
HEADER_LINE = re.compile(r"^\s*(" + "|".join(_ACTOR_WORDS["header_openers"]["words"]) + r")\b", re.I)
QUESTION_LABELS = frozenset(_ACTOR_WORDS["question_labels"]["words"])
OFFICIAL_LABELS: dict[str, str] = _ACTOR_WORDS["official_labels"]["labels"]  # "SENIOR ADMINISTRATION OFFICIAL:" -> USA


def news_medium(name: str) -> bool:
    """Whether a name is a news agency or broadcaster's ("Yonhap", "the Yonhap news agency",
    "state news agency Saba"), which reports and does not act (data `news_media`)."""
    key = name.lower().removeprefix("the ").strip()
    return key in NEWS_MEDIA or key.endswith(NEWS_MEDIA_HEADS)
