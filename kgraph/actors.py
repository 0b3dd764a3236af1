"""Turn noun phrases into actors, resolving names, metonyms and pronouns inside one document.

A `DocumentActors` object is made per article and fed sentence by sentence, so that later
mentions ("Zelenskyy", "he", "the North", "the official") find the actor named earlier.
The rules are simple and explainable: each resolution can be read off the code below.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from .countries import country_code, country_name, demonym_code
from .lexicon import SAY_VERBS
from .model import Actor, normalise_name

INTERNATIONAL_ORGS: dict[str, str] = {
    "un": "United Nations", "u.n.": "United Nations", "united nations": "United Nations",
    "the un": "United Nations", "the united nations": "United Nations",
    "un security council": "United Nations Security Council",
    "u.n. security council": "United Nations Security Council",
    "united nations security council": "United Nations Security Council",
    "security council": "United Nations Security Council",
    "the security council": "United Nations Security Council",
    "unsc": "United Nations Security Council",
    "council": "United Nations Security Council",
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
    "general assembly": "UN General Assembly", "un general assembly": "UN General Assembly",
}

# Organisations that belong to a state although their name does not say which.
STATE_ORGS: dict[str, str] = {
    "state department": "USA", "department of state": "USA", "pentagon": "USA",
    "department of defense": "USA", "defense department": "USA", "congress": "USA",
    "senate": "USA", "house of representatives": "USA", "white house": "USA", "cia": "USA",
    "fbi": "USA", "treasury": "USA", "treasury department": "USA", "nsc": None,
    "yonhap": "KOR", "kcna": "PRK", "tass": "RUS", "ria novosti": "RUS", "xinhua": "CHN",
    "kremlin": "RUS", "idf": "ISR", "israel defense forces": "ISR", "bundeswehr": "DEU",
    "ministry of defence": None, "hamas": "PSE", "hezbollah": "LBN", "houthis": "YEM",
    "houthi": "YEM", "taliban": "AFG", "rsf": "SDN", "rapid support forces": "SDN",
    "wagner": "RUS", "wagner group": "RUS",
}
ARMED_GROUPS = {"hamas", "hezbollah", "houthis", "houthi", "taliban", "rsf",
                "rapid support forces", "wagner", "wagner group", "islamic state", "isis",
                "al-qaeda", "al qaeda", "al-shabaab"}

# Common nouns that stand for a state's organ or people when a country qualifies them.
STATE_BODY_NOUNS = {
    "government", "administration", "military", "army", "navy", "force", "forces", "troops",
    "troop", "soldiers", "soldier", "officials", "official", "ministry", "minister", "ministers",
    "president", "leader", "leadership", "spokesperson", "spokesman", "spokeswoman",
    "ambassador", "diplomat", "diplomats", "authorities", "regime", "delegation", "envoy",
    "embassy", "people", "refugees", "militia", "militias", "guard", "parliament", "cabinet",
    "council", "agency", "command", "side", "navy", "air force", "coast", "intelligence",
    "police", "commander", "commanders", "personnel", "industry", "state", "nation",
    "counterpart", "allies", "units", "media", "mission", "office", "department", "service",
    "lawmakers", "prosecutors", "court", "judge", "security",
}
SELF_REFERRING = {"government", "administration", "regime", "authorities", "leadership"}
ORG_NOUNS = {"tribunal", "court", "council", "committee", "commission", "alliance", "coalition",
             "panel", "parties", "allies", "partners", "community", "militia", "militias",
             "rebels", "insurgents", "groups"}

PERSON_PRONOUNS = {"he", "him", "his", "she", "her", "hers"}
PLURAL_PRONOUNS = {"they", "them", "their", "theirs"}
THING_PRONOUNS = {"it", "its"}
SPEAKER_PRONOUNS = {"we", "us", "our", "ours", "i", "me", "my"}
TITLES = re.compile(r"^(mr|mrs|ms|dr|president|prime minister|minister|gen|general|"
                    r"ambassador|secretary|sen|senator|rep|adm|admiral|col|lt)\.?\s+", re.I)
_PERSON_LABELS = {"PERSON"}
_PLACE_LABELS = {"GPE", "LOC", "FAC"}


@dataclass
class _Memory:
    """What earlier sentences named, for coreference."""

    persons: dict[str, Actor] = field(default_factory=dict)  # name part -> person
    last_person: Actor | None = None
    last_group: list[Actor] = field(default_factory=list)  # last subject list
    last_thing: Actor | None = None  # last country or organisation
    by_head: dict[str, Actor] = field(default_factory=dict)  # "official" -> actor
    speaker: Actor | None = None  # the speaker of the current quotation
    in_quote: bool = False


class DocumentActors:
    """Resolves the actors of one document, remembering earlier mentions."""

    def __init__(self, doc: Doc, title: str | None = None) -> None:
        self.doc = doc
        self.memory = _Memory()
        self.countries_named = {country_code(e.text) for e in doc.ents if e.label_ in _PLACE_LABELS}
        self.countries_named |= {demonym_code(e.text) for e in doc.ents if e.label_ == "NORP"}
        self.document_speaker = self._find_document_speaker(doc, title)
        self.mentions: dict[str, int] = {}
        self.actors: dict[str, Actor] = {}

    # ----- public -------------------------------------------------------------------------

    def resolve(self, token: Token, *, expand: bool = True) -> list[Actor]:
        """Actors that the noun phrase headed by `token` stands for ("A and B" gives two)."""
        heads = [token] + (list(token.conjuncts) if expand else [])
        found: list[Actor] = []
        for head in heads:
            if head.i < token.i and head is not token:
                continue  # conjuncts before the head are reached from their own head
            actor = self._resolve_head(head)
            if actor and actor not in found:
                found.append(actor)
        return found

    def start_sentence(self, sent: Span) -> None:
        """Track quotations so "we" and "I" inside them find their speaker."""
        speaker = self._sentence_speaker(sent)
        if speaker is not None:
            self.memory.speaker = speaker
        quotes = sum(sent.text.count(q) for q in ("“", "”", '"'))
        opens = sent.text.count("“")
        closes = sent.text.count("”")
        if speaker is None and not self.memory.in_quote and not (opens or quotes):
            self.memory.speaker = None
        if opens > closes:
            self.memory.in_quote = True
        elif closes > opens:
            self.memory.in_quote = False

    def end_sentence(self, sent: Span) -> None:
        """Remember this sentence's subjects for pronouns in the next ones."""
        subjects = [t for t in sent if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ != "PRON"]
        for subj in subjects[:1]:
            group = self.resolve(subj)
            if group:
                self.memory.last_group = group

    def note(self, actor: Actor) -> Actor:
        """Count a mention of `actor` and keep one canonical copy per key."""
        self.mentions[actor.key] = self.mentions.get(actor.key, 0) + 1
        return self.actors.setdefault(actor.key, actor)

    # ----- resolution -----------------------------------------------------------------------

    def _resolve_head(self, token: Token) -> Actor | None:
        lower = token.lower_
        if token.pos_ == "PRON" or lower in SPEAKER_PRONOUNS | PERSON_PRONOUNS | PLURAL_PRONOUNS:
            return self._resolve_pronoun(token)
        ent = _entity_of(token)
        if ent is not None:
            actor = self._from_entity(ent, token)
            if actor:
                return self._remember(actor)
        actor = self._from_common_noun(token)
        if actor:
            return self._remember(actor)
        return None

    def _remember(self, actor: Actor) -> Actor:
        if actor.kind == "PERSON":
            self.memory.last_person = actor
        else:
            self.memory.last_thing = actor
        return actor

    def _resolve_pronoun(self, token: Token) -> Actor | None:
        lower = token.lower_
        memory = self.memory
        if lower in SPEAKER_PRONOUNS:
            speaker = memory.speaker if memory.speaker and (memory.in_quote or _in_quote(token)) else None
            speaker = speaker or self.document_speaker or memory.speaker
            if speaker is None:
                return None
            if lower in {"we", "us", "our", "ours"} and speaker.country:
                return Actor(country_name(speaker.country), "COUNTRY", speaker.country)
            return speaker
        if lower in PERSON_PRONOUNS:
            return memory.last_person
        if lower in PLURAL_PRONOUNS:
            return memory.last_group[0] if len(memory.last_group) == 1 else (
                memory.last_group[0] if memory.last_group else memory.last_thing)
        if lower in THING_PRONOUNS:
            return memory.last_thing
        return None

    def _from_entity(self, ent: Span, token: Token) -> Actor | None:
        text = _clean_entity_text(ent)
        label = ent.label_
        if label in _PERSON_LABELS:
            return self._person(ent, text)
        code = country_code(text)
        if code and label in _PLACE_LABELS | {"ORG", "NORP"}:
            return Actor(country_name(code), "COUNTRY", code)
        if label == "NORP":
            code = demonym_code(text)
            if code is None:
                return None
            if token.i == ent.end - 1 and token.tag_ in ("NNPS", "NNS"):  # "the Russians"
                return Actor(country_name(code), "COUNTRY", code)
            return self._from_common_noun(token) if token.i < ent.end - 1 else Actor(
                country_name(code), "COUNTRY", code)
        if label == "ORG":
            return self._organisation(ent, text)
        return None

    def _person(self, ent: Span, text: str) -> Actor | None:
        name = TITLES.sub("", text).strip()
        parts = name.split()
        if not parts:
            return None
        known = self.memory.persons.get(normalise_name(name)) or self.memory.persons.get(
            normalise_name(parts[-1]))
        if known and len(parts) <= len(known.name.split()):
            return known
        country = _country_in_description(ent, self)
        if country is None and known is not None:
            country = known.country
        person = Actor(name, "PERSON", country)
        for part in {normalise_name(name), normalise_name(parts[-1])}:
            self.memory.persons[part] = person
        return person

    def _organisation(self, ent: Span, text: str) -> Actor | None:
        key = text.lower().removeprefix("the ").strip()
        if key in INTERNATIONAL_ORGS:
            return Actor(INTERNATIONAL_ORGS[key], "ORG", None)
        if key in ARMED_GROUPS:
            return Actor(text.removeprefix("the "), "GROUP", STATE_ORGS.get(key))
        if key in STATE_ORGS and STATE_ORGS[key]:
            return Actor(text.removeprefix("the ").removeprefix("The "), "ORG", STATE_ORGS[key])
        country = _country_words(ent) or _country_in_description(ent, self)
        if country is None:
            for org, code in STATE_ORGS.items():
                if code and key.endswith(org):
                    country = code
        name = re.sub(r"^(the|The)\s+", "", text)
        name = re.sub(r"^.*?['’]s\s+", "", name)  # "South Korea's National Security Council"
        return Actor(name, "ORG", country)

    def _from_common_noun(self, token: Token) -> Actor | None:
        lower = token.lower_
        phrase = _noun_phrase_text(token)
        if lower in {"north", "south"} and any(c.lower_ == "the" for c in token.children):
            code = {"north": "PRK", "south": "KOR"}[lower]
            if code in self.countries_named:
                return Actor(country_name(code), "COUNTRY", code)
        code = country_code(phrase) or country_code(token.text)
        if code:
            return Actor(country_name(code), "COUNTRY", code)
        lemma = token.lemma_.lower()
        if lemma in STATE_BODY_NOUNS or lower in STATE_BODY_NOUNS:
            country = _qualifying_country(token)
            if country:
                kind = "GROUP" if lower in {"troops", "soldiers", "forces", "people", "refugees",
                                            "militia", "militias", "personnel"} else "ORG"
                actor = Actor(phrase, kind, country)
                if kind == "ORG" and lemma in SELF_REFERRING:
                    actor = Actor(country_name(country), "COUNTRY", country)
                self.memory.by_head[lemma] = actor
                return actor
            if any(c.lower_ in ("the", "this") for c in token.children):
                earlier = self.memory.by_head.get(lemma)
                if earlier:
                    return earlier
                if lemma in SELF_REFERRING:
                    nearby = self._nearby_country(token)
                    if nearby:
                        return Actor(country_name(nearby), "COUNTRY", nearby)
        if lemma in ORG_NOUNS or lower in ORG_NOUNS:
            if token.dep_ in ("nsubj", "nsubjpass", "pobj", "dobj", "conj") and len(phrase) > 3:
                return Actor(phrase, "GROUP" if lower in {"parties", "allies", "partners",
                                                          "rebels", "groups"} else "ORG", None)
        return None

    def _nearby_country(self, token: Token) -> str | None:
        """The country of a person in the same sentence ("Kim said the government ...")."""
        for ent in token.sent.ents:
            if ent.label_ in _PERSON_LABELS:
                person = self.memory.persons.get(normalise_name(TITLES.sub("", ent.text)))
                if person and person.country:
                    return person.country
        return self.memory.last_person.country if self.memory.last_person else None

    def _sentence_speaker(self, sent: Span) -> Actor | None:
        for token in sent:
            if token.lemma_ in SAY_VERBS and token.pos_ == "VERB":
                for child in token.children:
                    if child.dep_ == "nsubj" and child.lower_ not in SPEAKER_PRONOUNS:
                        actors = self.resolve(child, expand=False)
                        if actors:
                            return actors[0]
        return None

    def _find_document_speaker(self, doc: Doc, title: str | None) -> Actor | None:
        """Whose "we" a statement or speech uses: the country named in its header lines."""
        head_text = doc.text[:600]
        header = re.search(r"(statement|remarks|speech|address|briefing|representative|"
                           r"ambassador|mission|spokesperson|minister|secretary)", head_text, re.I)
        if not header:
            return None
        for ent in doc.ents:
            if ent.start_char > 600:
                break
            code = (country_code(_clean_entity_text(ent)) if ent.label_ in _PLACE_LABELS | {"ORG"}
                    else demonym_code(ent.text) if ent.label_ == "NORP" else None)
            if code:
                return Actor(country_name(code), "COUNTRY", code)
        return None


# ----- helpers on the parse ---------------------------------------------------------------

def _entity_of(token: Token) -> Span | None:
    if not token.ent_type_:
        return None
    for ent in token.doc.ents:
        if ent.start <= token.i < ent.end:
            return ent
    return None


def _clean_entity_text(ent: Span) -> str:
    text = ent.text.strip()
    text = re.sub(r"['’]s?$", "", text).strip()
    return text


def _noun_phrase_text(token: Token) -> str:
    """The noun phrase of `token` without determiners, relative clauses or trailing punctuation."""
    words = [t for t in token.subtree
             if t.dep_ not in ("relcl", "acl", "punct", "appos", "cc", "conj", "advcl")
             and not any(a.dep_ in ("relcl", "acl", "appos", "conj", "advcl") and a.i != token.i
                         and a.head.i != token.i - 1000 for a in _between(t, token))]
    words = [t for t in words if not (t.i == words[0].i and t.dep_ == "det")]
    text = " ".join(t.text for t in words) if words else token.text
    text = re.sub(r"\s+(['’]s?)\b", r"\1", text)
    return text.strip()


def _between(token: Token, head: Token) -> list[Token]:
    """Ancestors of `token` up to (not including) `head`."""
    chain = []
    current = token
    while current.i != head.i and current.head.i != current.i:
        chain.append(current)
        current = current.head
    return chain


def _qualifying_country(token: Token) -> str | None:
    """The country that qualifies a noun: "North Korean troops", "Seoul's officials",
    "officials in Seoul", "the people of Sudan"."""
    for child in token.children:
        if child.dep_ in ("amod", "compound", "poss", "nmod") or child.ent_type_ == "NORP":
            ent = _entity_of(child)
            text = _clean_entity_text(ent) if ent else child.text
            code = demonym_code(text) or country_code(text)
            if code:
                return code
            for grand in child.children:
                if grand.dep_ in ("compound", "amod"):
                    code = demonym_code(f"{grand.text} {child.text}") or country_code(
                        f"{grand.text} {child.text}")
                    if code:
                        return code
        if child.dep_ == "prep" and child.lower_ in ("in", "of", "from"):
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    ent = _entity_of(pobj)
                    code = country_code(_clean_entity_text(ent) if ent else pobj.text)
                    if code:
                        return code
    return None


def _country_words(ent: Span) -> str | None:
    """A country named inside an organisation's name or by its possessor."""
    tokens = list(ent)
    for n in (2, 1):
        for i in range(len(tokens) - n + 1):
            text = " ".join(t.text for t in tokens[i:i + n])
            code = demonym_code(text) or country_code(text)
            if code:
                return code
    root = ent.root
    for child in root.children:
        if child.dep_ == "poss" and child.i < ent.start:
            sub = _entity_of(child)
            code = country_code(_clean_entity_text(sub) if sub else child.text)
            if code:
                return code
    return None


def _country_in_description(ent: Span, resolver: DocumentActors) -> str | None:
    """The country in a person's or body's title and apposition:
    "Ukrainian President Volodymyr Zelenskyy", "Kim, an adviser to South Korean President Yoon",
    "U.S. Deputy Ambassador to the U.N. Robert Wood", "State Department Spokesperson Miller"."""
    root = ent.root
    tokens = [t for t in root.subtree if not any(
        a.dep_ in ("relcl", "acl", "advcl", "ccomp", "conj") for a in _between(t, root))]
    tokens += [t for t in root.ancestors if t.dep_ in ("compound", "appos")][:2]
    if root.dep_ in ("compound", "appos", "nmod"):
        tokens += [t for t in root.head.subtree if t not in tokens and not any(
            a.dep_ in ("relcl", "acl", "advcl", "ccomp", "conj") for a in _between(t, root.head))]
    tokens.sort(key=lambda t: t.i)
    for token in tokens:
        if ent.start <= token.i < ent.end and ent.label_ == "PERSON":
            continue
        sub = _entity_of(token)
        text = _clean_entity_text(sub) if sub else token.text
        if sub is not None and sub.label_ == "PERSON":
            person = resolver.memory.persons.get(normalise_name(TITLES.sub("", text)))
            if person and person.country:
                return person.country
            continue
        code = demonym_code(text) or country_code(text)
        if code is None and sub is not None and sub.label_ == "ORG":
            key = text.lower().removeprefix("the ")
            code = STATE_ORGS.get(key)
            if key in INTERNATIONAL_ORGS:
                continue
        if code:
            return code
    return None


def _in_quote(token: Token) -> bool:
    before = token.doc.text[token.sent.start_char:token.idx]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1
