"""Common nouns that stand for actors: "the North", "my government", "Security Council
resolutions", "Hezbollah fighters", "North Korean troops", "the two governments", "the
officials".

Each rule below reads one kind of phrase. They are tried in order; the first that comes to a
conclusion gives the actors, where an empty list is a conclusion too ("all parties" stands for
no one actor) and None passes the noun on to the next rule.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from spacy.tokens import Doc, Span, Token

from .doccache import children, document_answer, document_entities, document_text, entity_starts, span_text
from .coordination import document_name_lists, hyphened_agent
from .countries import city_country, country_adjective, country_code, country_name, demonym_code, is_state_code, name_in_phrase
from .labels import without_possessive
from .lexicon import NOUN_TRIGGERS, VERB_TRIGGERS
from .memory import Memory
from .model import Actor
from .names import (
    ALLIES_OF, ARMED_GROUP_NOUNS, DRAFT_MODIFIERS, DRAFT_NOUNS, SPONSORING_VERBS, ARMED_GROUPS, CAPITALISED_ALLIES, COMPASS_STATES, DOCUMENT_NOUNS, GROUP_MEMBER_NOUNS, GROUP_NOUNS, INTERNATIONAL_ORG_NAMES,
    INTERNATIONAL_ORGS, ISSUING_VERBS, LEADING_WORDS, LINKED_BY, LISTED_MEMBER_NOUNS, LISTING_PREPOSITIONS, MEMBER_STATES, MEMBERSHIP_NOUNS, OFFICIAL_NOUNS,
    COLLECTIVES_OF_STATES, ORG_NOUNS, OWN_FORCES, PAIR_NOUNS, PARTNERSHIP_PAIRS, REGIONAL_NOUNS, SECURITY_COUNCIL, SELF_REFERRING, STATE_BODY_NOUNS, STATE_CLUBS, STATE_ORGS, STRUCK_SITES,
    UNIDENTIFIED_QUANTIFIERS, UNNAMING_MODIFIERS, VICTIM_NOUNS, EU_BODIES, NAMES_THE_COUNCIL, NAMES_THE_PARLIAMENT,
    ONE_PERSON_OFFICES, ORGANISATION_EPITHETS, ORGANISATION_OFFICES,
)
from .nationality import code_of_token, qualifying_countries, qualifying_states, region_states
from .people import person_country
from .phrases import clean_entity_text, entity_of, group_size, modifier_text, noun_phrase_text
from .roles import governing_subjects, subject_of


class Resolver(Protocol):
    """What the rules ask of the document's resolver (`actors.DocumentActors`)."""

    memory: Memory
    countries_named: set[str | None]
    document_speaker: Actor | None
    home_country: str | None

    def resolve(self, token: Token, *, expand: bool = True, remember: bool = True) -> list[Actor]: ...

    def resolve_pronoun(self, token: Token) -> list[Actor]: ...

    def organisation(self, ent: Span, text: str) -> Actor | None: ...

    def nearby_country(self, token: Token) -> str | None: ...

    def focus_country(self) -> str | None: ...

    def place_focus(self) -> str | None: ...

    def sentence_country(self, token: Token) -> str | None: ...

    def body_meant(self, word: str) -> str | None: ...


@dataclass(frozen=True)
class Noun:
    """The noun a rule reads, with the forms the rules compare."""

    token: Token
    lower: str  # "Troops" -> "troops"
    lemma: str  # "troops" -> "troop"
    phrase: str  # "North Korean troops", without determiners or clauses

    @classmethod
    def of(cls, token: Token) -> Noun:
        return cls(token, token.lower_, token.lemma_.lower(), noun_phrase_text(token))

    def has_child(self, *words: str) -> bool:
        """Whether a word hangs from the noun: "the", "these"."""
        return any(c.lower_ in words for c in children(self.token))

    def pronoun_owner(self) -> Token | None:
        """The possessive pronoun of "my government", "its troops"."""
        return next((c for c in children(self.token) if c.dep_ == "poss" and c.pos_ == "PRON"), None)

    def plural(self) -> bool:
        return self.token.tag_ in ("NNS", "NNPS")


Rule = Callable[[Noun, Resolver], "list[Actor] | None"]


def _country(code: str) -> Actor:
    return Actor(country_name(code), "COUNTRY", code)


def _organisation_of(token: Token, resolver: Resolver) -> Actor | None:
    ent = entity_of(token)
    return resolver.organisation(ent, clean_entity_text(ent)) if ent else None


def the_compass_half(noun: Noun, resolver: Resolver) -> list[Actor] | None:
    """"the North", "the South": the Korea of that half, where the document names it."""
    if noun.lower in COMPASS_STATES and noun.has_child("the"):
        code = COMPASS_STATES[noun.lower]
        if code in resolver.countries_named:
            return [_country(code)]
    return None


def a_country_name(noun: Noun, resolver: Resolver) -> list[Actor] | None:
    """A country the recogniser did not tag: "the United States", "Britain"."""
    code = country_code(noun.phrase) or country_code(noun.token.text)
    return [_country(code)] if code else None


def an_international_organisation(noun: Noun, resolver: Resolver) -> list[Actor] | None:
    """An organisation's name the recogniser did not tag: "the Security Council", "NATO"."""
    phrase = without_possessive(noun.phrase)  # "the UN Secretary-General's visit": the office's
    org = (resolver.body_meant(phrase) or INTERNATIONAL_ORGS.get(phrase.lower())
           or INTERNATIONAL_ORGS.get(noun.lower))
    token = noun.token
    named = (token.pos_ == "PROPN" or sum(ch.isupper() for ch in token.text) >= 2  # "MEPs", a NOUN
             or token.text[:1].isupper() and token.tag_ == "NN" and not any(c.dep_ == "det" for c in children(token)))
    # ... or a capitalised singular with no article, as a name goes: "Council adopts 14th package"
    if (not named and token.lower_ in EU_BODIES and _names_its_body(token)
            and [c.lower_ for c in children(token) if c.i < token.i] == ["the"]):
        # "called on the council to take measures" where a Council is named: the body the text means
        org = resolver.body_meant(token.lower_)
        named = org is not None
    if org and named and (holder := resolver.memory.office_holders.get(org)) is not None:
        return [holder]  # an office the text named its holder with
    return [Actor(org, "ORG", None)] if org and named else None


def _names_its_body(token: Token) -> bool:
    """Whether the text names a body by the capitalised word ("Council", not "Councillors")."""
    word = token.lower_.capitalize()
    return document_answer(token.doc, f"names-{word}", lambda: re.search(rf"\b{word}\b", document_text(token.doc)) is not None)


#: nouns that name a state, besides the words a government calls itself by ("my country")
STATE_NOUNS = frozenset({"country", "nation", "state"})


def _names_a_state(noun: Noun) -> bool:
    return noun.lemma in SELF_REFERRING or noun.lemma in STATE_NOUNS


def the_members_listed(noun: Noun, resolver: Resolver) -> list[Actor] | None:
    """"our allies, including Japan and Korea", "partners such as Australia", "partners in the
    European Union, the United Kingdom and Canada": the states and organisations listed."""
    if noun.lower not in LISTED_MEMBER_NOUNS:
        return None
    token = noun.token
    such = any(c.lower_ == "such" for c in children(token))
    joined = [token, token.head] if token.dep_ == "conj" else [token]  # "allies and partners in ..."
    governor = token.head.head if token.dep_ == "pobj" and token.head.lower_ == "of" else None
    found = _members_in_apposition(joined, resolver)  # "partners, the UK, Canada, and the EU"
    for holder in [*joined, *([governor] if governor is not None else [])]:  # "the support of partners, including X"
        for prep in children(holder):
            listing = prep.lower_ in LISTING_PREPOSITIONS or prep.lower_ == "as" and (
                such or prep.i > 0 and prep.doc[prep.i - 1].lower_ == "such")
            if prep.dep_ != "prep" or not listing or (prep.lower_ == "in" and holder is governor):
                continue
            members = [a for g in children(prep) if g.dep_ == "pobj" for head in _list_from(g)
                       for a in resolver.resolve(head, remember=False) if a.kind in ("COUNTRY", "ORG")]
            if prep.lower_ == "in" and len(members) < 2 and not any(a.kind == "ORG" for a in members):
                continue  # "partners in Geneva", "allies in Syria": a place, not the members
            found += members
    return list(dict.fromkeys(found)) or None


def _members_in_apposition(holders: list[Token], resolver: Resolver) -> list[Actor]:
    """The states and organisations of a list of names in apposition to the nouns `holders`."""
    named = [c for holder in holders for c in children(holder)
             if c.dep_ == "appos" and c.ent_type_ in ("GPE", "ORG", "NORP")]
    return [a for c in named for head in _list_from(c) for a in resolver.resolve(head, remember=False)
            if a.kind in ("COUNTRY", "ORG")]


def an_organisations_members(noun: Noun, resolver: Resolver) -> list[Actor] | None:
    """"EU member states", "the members of the G7", "NATO nations": the organisation's member
    states, by the name the guidelines give them; the members of a club of states ("G7 members")
    are the club. Other organisations' members pass on."""
    if noun.lower not in MEMBERSHIP_NOUNS or (noun.lower == "member" and noun.token.dep_ == "compound"):
        return None
    token = noun.token
    if any(t.lower_ == "non" for t in token.subtree if t.i < token.i):
        return None  # "non-EU countries"
    named = [t for t in token.subtree if t.i < token.i and t.dep_ in ("compound", "nmod", "amod", "poss")]
    named += [g for p in children(token) if p.dep_ == "prep" and p.lower_ == "of" for g in children(p) if g.dep_ == "pobj"]
    for word in named:
        ent = entity_of(word)
        org = INTERNATIONAL_ORGS.get((clean_entity_text(ent) if ent else noun_phrase_text(word)).lower())
        org = org or INTERNATIONAL_ORGS.get(word.lower_)
        if org in STATE_CLUBS:
            return [Actor(org, "ORG", None)]
        if org in MEMBER_STATES:
            return [Actor(MEMBER_STATES[org], "ORG", None)]
    return None


def _list_from(token: Token) -> list[Token]:
    """The heads of the list of names that `token` begins, though the parser tore it apart
    ("in the European Union, the United Kingdom, Canada, Japan, and Australia"); else `token`."""
    for members, _ in document_name_lists(token.doc):
        if members[0].start <= token.i < members[0].end:
            return [m.root for m in members]
    return [token]


def the_owners_state(noun: Noun, resolver: Resolver) -> list[Actor] | None:
    """"my government", "his country": the state of the pronoun's owner."""
    if not _names_a_state(noun):
        return None
    owner = noun.pronoun_owner()
    for actor in (resolver.resolve_pronoun(owner) if owner is not None else []):
        if actor.country:
            return [_country(actor.country)]
    return None


def the_country(noun: Noun, resolver: Resolver) -> list[Actor] | None:
    """"the country", "the nation": the last state named, but not the subject of its own clause
    ("X visited Germany. The British Army will be based in the country": Germany; "Russia invaded
    Ukraine. Russia has deployed more troops to the country": Ukraine)."""
    if not (_names_a_state(noun) and noun.lower in ("country", "nation") and noun.has_child("the")):
        return None
    memory = resolver.memory
    own = {a.key for s in _clause_subjects(noun.token) for a in resolver.resolve(s, remember=False)}
    for earlier in (memory.last_thing, memory.last_country, memory.country_before_sentence):
        if earlier is not None and earlier.kind == "COUNTRY" and earlier.key not in own:
            return [earlier]
    return None


def the_state_of_a_region(noun: Noun, resolver: Resolver) -> list[Actor] | None:
    """"the Sahel nation", "the Baltic nation", "the Gulf state": the last state of that region
    the text named before (data `regional_epithets`), as wire stories name one a second time; no
    one where it named none ("a Gulf state")."""
    if noun.lemma not in REGIONAL_NOUNS or noun.plural() or not noun.has_child("the"):
        return None
    region = next((states for c in children(noun.token) if c.dep_ in ("amod", "compound") and c.i < noun.token.i
                   for states in [region_states(c.text)] if states), None)
    if region is None:
        return None
    named_here = qualifying_states(noun.token)
    if named_here:
        return [_country(named_here[0])]  # "the Gulf state of Qatar", "the African nation of Chad": the phrase names it
    # not the subject of its own clause ("China accused the Southeast Asian nation of provocation")
    own = {a.country for s in _clause_subjects(noun.token) for a in resolver.resolve(s, remember=False)}
    named = [code for ent in document_entities(noun.token.doc) if ent.end <= noun.token.i
             for code in [country_code(span_text(ent))] if code in region and code not in own]
    return [_country(named[-1])] if named else []


def _clause_subjects(token: Token) -> list[Token]:
    """The subjects of the clause `token` is in, which "the country" in it does not stand for
    ("Paris will withdraw its troops from the country"); none where it is the subject itself."""
    verb = next((a for a in token.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if verb is None or token.dep_ in ("nsubj", "nsubjpass") and token.head.i == verb.i:
        return []  # "The country has lost thousands of soldiers"
    # "Russia is thought to have 1,000 troops in the Sahel nation": the infinitive's subject is Russia
    return subject_of(verb) or governing_subjects(verb)


def the_issuer_of_a_document(noun: Noun, resolver: Resolver) -> list[Actor] | None:
    """"Security Council resolutions prohibit ...", "the NATO summit approved ...": the body that
    issued them, or held it; a draft, its sponsor (`_draft_sponsor`)."""
    if noun.lemma not in DOCUMENT_NOUNS and noun.lemma not in DRAFT_MODIFIERS:
        return None
    token = noun.token
    if noun.lemma in DRAFT_MODIFIERS or any(c.dep_ in ("amod", "compound") and c.lower_ in DRAFT_MODIFIERS
                                           for c in children(token)):
        sponsor = _draft_sponsor(token, resolver)  # "The draft resolution ... would have demanded": not the Council's
        return sponsor or None
    issuers = [c for c in children(token) if c.dep_ in ("compound", "poss") and c.ent_type_ == "ORG"]
    if not issuers:
        # a document acts in its own clause or a relative one ("Resolution 2231 prohibits ...", "adopted
        # resolution 2722, which condemns ..."), not where it is what is welcomed or voted on
        if token.dep_ not in ("nsubj", "nsubjpass") and not any(c.dep_ == "relcl" for c in children(token)):
            return None
        if token.dep_ == "dobj" and token.head.lemma_.lower() in ISSUING_VERBS:  # "The Council adopted resolution 2722"
            return [a for s in children(token.head) if s.dep_ == "nsubj" for a in resolver.resolve(s, remember=False)] or None
        if noun.lemma == "resolution" and any(c.like_num for c in children(token)):  # a numbered one is the Council's
            return [Actor(SECURITY_COUNCIL, "ORG", None)]
        if noun.lemma == "resolution" and any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in children(token)):
            body = document_answer(token.doc, "resolutions_body", lambda: _resolving_body(token.doc))
            return [Actor(body, "ORG", None)] if body else None  # "The resolution strongly condemns ..."
        return None
    actor = _organisation_of(issuers[0], resolver)
    return [actor] if actor else []


def _draft_sponsor(draft: Token, resolver: Resolver) -> list[Actor]:
    """Who put forward a draft: as its own phrase says ("a US draft resolution", "the draft tabled
    by the United States", "Russia and China have proposed a draft resolution"), else as the
    latest draft or proposal named in the three sentences before it says ("a proposal by the
    Russian Federation"; a proposal's owner only by a by-phrase or a sponsoring verb: "China's peace
    proposal" is no draft of China's)."""
    own = _sponsors_in_phrase(draft, owned=True)
    if own:
        return [a for o in own for a in resolver.resolve(o, remember=False)]
    doc = draft.doc
    first = draft.sent.start
    for _ in range(3):
        first = doc[first - 1].sent.start if first > 0 else first
    for word in reversed(doc[first:draft.i]):
        if word.lemma_.lower() in DRAFT_NOUNS:
            sponsors = _sponsors_in_phrase(word, owned=word.lemma_.lower() in DRAFT_MODIFIERS)
            found = [a for o in sponsors for a in resolver.resolve(o, remember=False)]
            if found:
                return found
    return []


def _sponsors_in_phrase(word: Token, *, owned: bool) -> list[Token]:
    """The sponsors a draft's own phrase names: its by-phrase (or its participle's: "tabled by"),
    with `owned` its owner or national modifier, or the subject of the sponsoring verb it is the
    object of (or of its relative clause: "the draft which Russia proposed")."""
    by = [g for c in children(word) for p in ([c] if c.dep_ == "prep" else [
          a for a in children(c) if a.dep_ == "agent"] if c.dep_ == "acl" else [])
          if p.lower_ == "by" for g in children(p) if g.dep_ == "pobj"]
    owners = [c for c in children(word) if c.dep_ == "poss" or (
        c.dep_ in ("compound", "amod", "nmod") and code_of_token(c))] if owned else []
    verbs = [word.head] if word.dep_ == "dobj" else [c for c in children(word) if c.dep_ == "relcl"]
    subjects = [c for v in verbs if v.lemma_.lower() in SPONSORING_VERBS for c in children(v) if c.dep_ == "nsubj"
                and c.lower_ not in ("which", "that")]
    return [m for t in (by or owners or subjects) for m in (t, *t.conjuncts)]


def _resolving_body(doc: Doc) -> str | None:
    """The one body whose resolution a text speaks of as "the resolution": the European Parliament
    in a text that names it (or its MEPs) and not the Security Council, the Security Council in one
    that names it and not the Parliament."""
    text = document_text(doc)
    parliament, council = bool(NAMES_THE_PARLIAMENT.search(text)), bool(NAMES_THE_COUNCIL.search(text))
    return EU_BODIES["parliament"] if parliament and not council else SECURITY_COUNCIL if council and not parliament else None


def an_organisations_official(noun: Noun, resolver: Resolver) -> list[Actor] | None:
    """"The OPCW Director-General", "the IAEA Director General", "the EU foreign policy chief": an
    organisation of no state named right before office words (data `organisation_offices`) with no
    name after them is its official: the person the text gave such a title before, else the office
    as written, as annotators name it ("IAEA Director General"); a state's envoy to it ("Sudan's UN
    envoy") is that state's."""
    token = noun.token
    if token.lower_ not in ORGANISATION_OFFICES or token.pos_ not in ("NOUN", "PROPN"):
        return None
    doc = token.doc
    first = token.i
    while first > token.left_edge.i and (doc[first - 1].lower_ in ORGANISATION_OFFICES or doc[first - 1].text in ("-", "‑")):
        first -= 1  # the office's words, back to the organisation's name
    # the organisation's name (up to three words) inside the noun's own phrase, on the office's line
    name = next((doc[first - size:first] for size in (3, 2, 1) if first - size >= token.left_edge.i
                 and "\n" not in doc[first - size:first].text
                 and doc[first - size:first].text.lower().removeprefix("the ") in INTERNATIONAL_ORGS), None)
    if name is None and first < token.i:
        name = _organisation_in_of_phrase(token)  # "the Secretary General of NATO"
    if name is None or first == token.i and token.lower_ in ("general", "special", "high", "foreign", "human"):
        return None
    office = doc[first:token.i + 1].text
    envoy = _a_states_envoy(token, f"{name.text} {office}".removeprefix("the ").removeprefix("The "))
    if envoy:
        return envoy
    holders = [h for h in resolver.memory.title_holders.get(doc[first].lower_, ()) if h.country is None]
    holders += _holders_of_office(name.text, token.lower_, resolver)
    if holders:
        return [holders[-1]]
    return [Actor(f"{name.text} {office}".removeprefix("the ").removeprefix("The "), "PERSON", None)]


def _a_states_envoy(office: Token, label: str) -> list[Actor] | None:
    """"Sudan's UN envoy", "the Russian UN ambassador": an office at an organisation that a state
    qualifies is that state's envoy to it, not the organisation's official."""
    states = qualifying_states(office)
    return [Actor(label, "PERSON", states[0])] if states else None


def _holders_of_office(organisation: str, last_word: str, resolver: Resolver) -> list[Actor]:
    """The persons the text named with an office of the same organisation ending in the same word
    ("UN Secretary-General Antonio Guterres ... the Secretary-General of the United Nations"; not
    "the NATO Secretary General")."""
    canonical = INTERNATIONAL_ORGS.get(organisation.lower().removeprefix("the "))
    if canonical is None:
        return []
    found = []
    for written, person in resolver.memory.office_holders.items():
        words = written.lower().replace("-", " ").split()
        org = next((o for n in (3, 2, 1) if len(words) > n and (o := INTERNATIONAL_ORGS.get(" ".join(words[:n])))), None)
        if org == canonical and words[-1] == last_word and person.country is None:
            found.append(person)
    return found


def _organisation_in_of_phrase(office: Token) -> Span | None:
    """The organisation of no state an office's of-phrase names ("the Secretary-General of the
    United Nations", "the Director General of the IAEA"), as the text writes it."""
    for prep in children(office):
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for pobj in children(prep):
                ent = entity_of(pobj) if pobj.dep_ == "pobj" else None
                if ent is not None and clean_entity_text(ent).lower().removeprefix("the ") in INTERNATIONAL_ORGS:
                    return ent[1:] if ent[0].lower_ == "the" else ent
    return None


def the_title_holder(noun: Noun, resolver: Resolver) -> list[Actor] | None:
    """A readout's "The Secretary": the holder named with that title before (`_named_before`),
    else the author's official; where the phrase names a state, that state's ("the Secretary of
    State of the United States of America" in a British page: not a British official)."""
    if noun.lemma == "general" and noun.has_child("secretary"):
        return _secretary_general(noun, resolver)
    if noun.lemma not in OFFICIAL_NOUNS or noun.lemma in STATE_BODY_NOUNS or not noun.has_child("the"):
        return None
    states = qualifying_states(noun.token)
    holder = _named_before(noun, resolver)
    if holder is not None and (not states or holder.country in states):
        return [holder]
    if states:
        return [Actor(noun.phrase, "ORG", states[0])]
    speaker = resolver.document_speaker
    if speaker and speaker.country:
        return [Actor(noun.phrase, "ORG", speaker.country)]
    return None


def _secretary_general(noun: Noun, resolver: Resolver) -> list[Actor] | None:
    """"Secretary General Mark Rutte ... The Secretary General met ...": the latest person titled
    secretary who holds an international office (a state's Secretary Blinken is no Secretary
    General); not a deputy, nor one whose organisation the phrase names ("the Secretary General of
    NATO", read as an organisation's official)."""
    if not noun.has_child("the") or noun.has_child("deputy", "assistant", "under") or any(
            c.dep_ == "prep" and c.lower_ == "of" for c in children(noun.token)):
        return None
    holders = [h for h in resolver.memory.title_holders.get("secretary", ()) if h.country is None]
    return [holders[-1]] if holders else None


def _same_title(noun: Noun, earlier: Actor) -> bool:
    """Whether the words that name the noun's office ("Prime" of "the Prime Minister") are in the
    description named before ("Ukraine's defence minister" is no prime minister)."""
    words = {w.strip(".,'’").lower() for w in earlier.name.split()}
    return all(c.lower_ in words for c in children(noun.token)
               if c.dep_ == "compound" and c.i < noun.token.i and not c.ent_type_)


def _named_before(noun: Noun, resolver: Resolver) -> Actor | None:
    """The actor last named with the noun as its title or head ("Defence Minister Rajnath Singh
    ... the minister"); of the persons so titled, the author's own, if one is: "Prime Minister
    Theresa May spoke with Prime Minister Benjamin Netanyahu ... The Prime Minister condemned" in
    a British readout is May."""
    earlier = resolver.memory.by_head.get(noun.lemma)
    if earlier is not None and earlier.kind == "ORG" and not _same_title(noun, earlier):
        earlier = None  # "Ukraine's defence minister ... the Prime Minister hosted Zelenskyy": another office
    speaker = resolver.document_speaker
    if earlier is not None and speaker and speaker.country and earlier.country != speaker.country:
        own = [h for h in resolver.memory.title_holders.get(noun.lemma, ()) if h.country == speaker.country]
        if own:
            return own[-1]
    return earlier


def _names_a_body(noun: Noun) -> bool:
    """A state's organ, people, forces or weapons ("government", "troops", "drones")."""
    return noun.lemma in STATE_BODY_NOUNS or noun.lower in STATE_BODY_NOUNS or noun.lower in GROUP_NOUNS


def the_armed_group_named_before(noun: Noun, resolver: Resolver) -> list[Actor] | None:
    """"Hezbollah deputy chief Naim Kassem reiterated that the Iran-backed militia ...": "the" group,
    militia or movement (data `armed_group_nouns`) of no other name or owner is the armed group the
    text named last, as annotators name it; not "a group", "the group of experts", "the Wagner group".
    A plural ("the rebels", "the militants") is one named earlier in its own sentence only: a story
    moves on to other wars ("The Houthis fired ... In Myanmar, the junta accused China of supporting
    the rebels")."""
    token = noun.token
    if noun.lower not in ARMED_GROUP_NOUNS or not any(
            c.dep_ == "det" and c.lower_ == "the" for c in children(token)):
        return None
    if any(c.dep_ in ("compound", "poss", "nmod", "appos") or (c.dep_ == "prep" and c.lower_ == "of")
           or c.ent_type_ for c in children(token)):
        return None
    group = _armed_group_before(token)
    if group is None or noun.plural() and group.start < token.sent.start:
        return None  # "the rebels" only after the group in its own sentence ("arms to the Houthis – the rebels use them")
    return resolver.resolve(group.root, remember=False)


def the_organisation_named_before(noun: Noun, resolver: Resolver) -> list[Actor] | None:
    """"The EU Council expanded sanctions ... The body condemned ...", "the 27-nation bloc": "the"
    with an epithet of an organisation (data `organisation_epithets`), owned by no one, is the
    organisation of no state named last; not "the body of a soldier", "a regional body"."""
    token = noun.token
    if noun.lower not in ORGANISATION_EPITHETS or not noun.has_child("the"):
        return None
    if any(c.dep_ in ("poss", "appos") or c.ent_type_ in ("GPE", "NORP", "ORG") or (c.dep_ == "prep" and c.lower_ == "of")
           for c in children(token)):
        return None
    last = resolver.memory.last_organisation
    return [last] if last is not None else None


def _armed_group_before(token: Token) -> Span | None:
    """The last armed group of the tables named before `token`, as the recogniser tagged it, or
    a proper noun of the tables it left untagged ("arms to Yemen's Houthis – the rebels use them")."""
    ents = document_entities(token.doc)
    found = next((ent for ent in reversed(ents[:bisect.bisect_left(entity_starts(token.doc), token.i)])
                  if clean_entity_text(ent).lower().removeprefix("the ") in ARMED_GROUPS), None)
    start = found.end if found is not None else 0
    untagged = next((word for word in reversed(token.doc[start:token.i])
                     if word.pos_ == "PROPN" and not word.ent_type_ and word.lower_ in ARMED_GROUPS), None)
    return token.doc[untagged.i:untagged.i + 1] if untagged is not None else found


def an_armed_groups_members(noun: Noun, resolver: Resolver) -> list[Actor] | None:
    """"Islamic State fighters": the armed group named before the noun."""
    if not _names_a_body(noun):
        return None
    named = modifier_text(noun.token).lower()
    return [Actor(modifier_text(noun.token), "GROUP", STATE_ORGS.get(named))] if named in ARMED_GROUPS else None


def members_of_an_organisation(noun: Noun, resolver: Resolver) -> list[Actor] | None:
    """"Leaders of the Caribbean Community" act for it, if it belongs to no state."""
    if not _names_a_body(noun):
        return None
    members_of = [g for c in children(noun.token) if c.dep_ == "prep" and c.lower_ == "of"
                  for g in children(c) if g.dep_ == "pobj" and g.ent_type_ == "ORG"]
    if members_of:
        org = _organisation_of(members_of[0], resolver)
        if org and org.country is None:
            return [org]
    return None


def an_organisations_people(noun: Noun, resolver: Resolver) -> list[Actor] | None:
    """"NATO troops", "Hezbollah's fighters": the organisation that owns them, if an armed
    group or a body of no state ("Hezbollah fighters" is read as an armed group's members); the
    people of a body of one state are that state's ("IRGC commanders", "Gazprom executives")."""
    if not _names_a_body(noun):
        return None
    for child in children(noun.token):
        if child.dep_ in ("compound", "poss", "nmod") and child.ent_type_ == "ORG":
            ent = entity_of(child)
            if ent is not None and person_country(clean_entity_text(ent)):
                continue  # "the Maduro regime": a leader's name, taken for an organisation (a_states_body)
            org = _organisation_of(child, resolver)
            if org and noun.lower == "allies" and org.name in ALLIES_OF:
                return [Actor(ALLIES_OF[org.name], "GROUP", None)]  # "NATO allies": the allies, as annotated
            envoy = _a_states_envoy(noun.token, noun.phrase) if noun.lower in ONE_PERSON_OFFICES else None
            if org and org.country is None and org.kind != "GROUP" and envoy:
                return envoy  # "the Russian UN ambassador"
            if org and (org.kind == "GROUP" or org.country is None):
                return [org]
            if org and org.country:  # "IRGC commanders": the people of a body of a state are that state's
                actor = Actor(noun.phrase, "ORG", org.country)
                resolver.memory.by_head[noun.lemma] = actor  # "China's Foreign Ministry spokesperson ... The spokesperson"
                return [actor]
    return None


def the_bodies_of_a_group(noun: Noun, resolver: Resolver) -> list[Actor] | None:
    """"the two governments", "both militaries": the parties last named together; "both leaders",
    "the two ministers": the two who just met, if two did."""
    if not _names_a_body(noun) or not group_size(noun.token):
        return None
    size = group_size(noun.token)
    meeting = resolver.memory.recent_meeting()
    if noun.lemma in GROUP_MEMBER_NOUNS and len(meeting) == size and all(a.country for a in meeting):
        return list(resolver.memory.meeting_named_again())  # "Both leaders": the two who just met
    return _last_named(noun, resolver, size)


def a_backed_force(noun: Noun, resolver: Resolver) -> list[Actor] | None:
    """"Iran-backed forces", "Russian-backed fighters": forces known by who backs them, not that
    state's own (the backer is the agent of "backed"); a group by its description, as the
    annotators name "Iran-aligned militia groups". Named groups ("Iranian-backed Houthi rebels")
    are read by the rules before."""
    if not _names_a_body(noun) or not any(hyphened_agent(c) for c in children(noun.token) if c.dep_ == "amod"):
        return None
    if qualifying_countries(noun.token) or any(c.dep_ in ("compound", "poss", "nmod") for c in children(noun.token)):
        return None  # "Iranian-backed militias in Iraq" are Iraq's, as the annotators read them
    return [Actor(noun.phrase, "GROUP", None)]


def allies_and_partners(noun: Noun, resolver: Resolver) -> list[Actor] | None:
    """"our allies and partners", "other allies and partners", "international allies and
    partners": a pair of collective nouns (data `partnership_pairs`) whose phrase lists no members
    is one group of no state, named as written without its determiners, possessives and
    quantifiers, in the one order both share ("partners and allies" is "allies and partners").
    Annotators name it so (11 lines of the training and fresh sets), where the
    rules had read it as no one."""
    token = noun.token
    first = token.head if token.dep_ == "conj" else token
    second = next((c for c in children(first) if c.dep_ == "conj"), None)
    pair = PARTNERSHIP_PAIRS.get(f"{first.lower_} {second.lower_}") if second is not None else None
    if pair is None or token not in (first, second) \
            or not any(c.dep_ == "cc" and c.lower_ == "and" for c in children(first)):
        return None  # "our European allies, other partners": two groups
    if any(t.pos_ != "NOUN" or t.ent_type_ for t in (first, second)) or any(
            c.dep_ in ("compound", "nmod", "appos") or (c.dep_ == "poss" and c.pos_ != "PRON")
            or (c.dep_ == "prep" and (c.lower_ in LISTING_PREPOSITIONS or c.lower_ == "of"))
            for t in (first, second) for c in children(t)):
        return None  # "NATO allies and partners", "Ukraine's allies", "partners in the EU, ...", "of Ukraine"
    modifiers = [c.lower_ for c in children(first) if c.dep_ == "amod" and c.i < first.i
                 and c.lower_ not in UNIDENTIFIED_QUANTIFIERS]
    if UNNAMING_MODIFIERS.intersection(modifiers):
        return []  # "key allies and partners": which of them, not who (`a_collective_of_states`)
    return [Actor(" ".join([*modifiers, pair]), "GROUP", None)]


def _without_owner(noun: Noun, owner: Token) -> str:
    """"their proxy groups" -> "proxy groups", "its three armed forces" -> "armed forces": the words
    of a noun's phrase after its possessive pronoun `owner`, less numbers."""
    return " ".join(t.text for t in noun.token.doc[owner.i + 1:noun.token.i + 1]
                    if t.dep_ not in ("nummod", "det", "predet", "quantmod"))


def a_states_body(noun: Noun, resolver: Resolver) -> list[Actor] | None:
    """"North Korean troops", "Seoul's officials", "U.S. and NATO officials", "its troops":
    the body of each state (or organisation) that qualifies it, remembered for "the officials"
    later; "the Russian government" is the state itself."""
    if not _names_a_body(noun):
        return None
    qualifiers = qualifying_countries(noun.token)
    owner = noun.pronoun_owner()
    owned = not qualifiers and owner is not None and noun.lower in OWN_FORCES
    if owned:
        qualifiers = [a.country for a in resolver.resolve_pronoun(owner) if a.country][:1]
    if not qualifiers:
        return None
    actors = []
    for country in qualifiers:
        if country in INTERNATIONAL_ORG_NAMES:
            actors.append(Actor(country, "ORG", None))
            continue
        kind = "GROUP" if noun.lower in GROUP_NOUNS else "ORG"
        # "their proxy groups", "its troops": named by the owner's state ("Iranian proxy groups")
        label = (f"{country_adjective(country)} {_without_owner(noun, owner)}" if owned
                 else f"{country_adjective(country)} {noun.lower}" if len(qualifiers) > 1 or _unnamed_in_phrase(noun)
                 else noun.phrase)
        actor = Actor(label, kind, country)
        if noun.lemma == "counterpart" and owner is not None and len(qualifiers) == 1:
            actor = _counterpart_by_title(noun, owner, country, resolver) or actor
        if kind == "ORG" and noun.lemma in SELF_REFERRING:
            actor = _country(country)
        actors.append(actor)
    resolver.memory.by_head[noun.lemma] = actors[0]
    if noun.plural():
        resolver.memory.plural_by_head[noun.lemma] = actors
    return actors


def _unnamed_in_phrase(noun: Noun) -> bool:
    """Whether a state's body is qualified only outside its own phrase ("Officials in Seoul are
    weighing ...": the phrase is the bare noun), so that its label must name the state."""
    return noun.phrase.lower() == noun.lower


def _counterpart_by_title(noun: Noun, owner: Token, country: str, resolver: Resolver) -> Actor | None:
    """"The Indian defence minister met his Japanese counterpart": the Japanese defence minister,
    the office of the one whose counterpart it is, held for the other state. None where that one
    is known by name rather than by office ("Blinken met his Chinese counterpart")."""
    verb = next((a for a in noun.token.ancestors if a.pos_ in ("VERB", "AUX")), None)
    subject = next((c for c in children(verb) if c.dep_ == "nsubj"), None) if verb is not None else None
    whose = resolver.resolve(subject, remember=False) if subject is not None else resolver.resolve_pronoun(owner)
    words = whose[0].name.split() if whose and whose[0].country else []
    if len(words) < 2 or demonym_code(words[0]) != whose[0].country:
        return None
    qualifier = next((c.text for c in children(noun.token) if c.dep_ in ("amod", "compound")
                      and code_of_token(c) == country), None)
    return Actor(f"{qualifier} {' '.join(words[1:])}", "PERSON", country) if qualifier else None


def those_linked_to(noun: Noun, resolver: Resolver) -> list[Actor] | None:
    """"individuals and entities linked to the Wagner Group", "officials involved in the coup
    attempt in Niger", "individuals tied to Russia's Crimea efforts": people known only by whom
    or what they are tied to act for that one's state (a sanctions text's usual target)."""
    if not _names_a_body(noun):
        return None
    for holder in (noun.token, *noun.token.conjuncts):
        for link in children(holder):
            leading = link.lower_ in LEADING_WORDS
            if link.dep_ not in ("acl", "amod") or not (leading or link.lower_ in LINKED_BY):
                continue
            for tied in (g for p in children(link) if p.dep_ in ("prep", "agent") for g in children(p) if g.dep_ == "pobj"):
                if leading and not _names_itself(tied):
                    continue  # "a delegation led by the foreign minister": whose, the words do not say
                code = _state_tied_to(tied, resolver, by_place=not leading)
                if code:
                    start = noun.token.left_edge.i
                    while tied.doc[start].pos_ == "SPACE":  # a dateline the parser's text blanked
                        start += 1
                    phrase = tied.doc[start:link.right_edge.i + 1].text
                    return [Actor(phrase if len(phrase) <= 80 else noun.phrase, "GROUP", code)]
    return None


def _names_itself(token: Token) -> bool:
    """Whether a word names someone in its own words: a name, or a nationality ("Russian generals")."""
    return bool(token.ent_type_) or any(c.ent_type_ in ("NORP", "GPE") for c in children(token))


def _state_tied_to(tied: Token, resolver: Resolver, *, by_place: bool = True) -> str | None:
    """The state of whom or what people are tied to: an actor's ("the Wagner Group"), else (with
    `by_place`) the state that owns or hosts the deed ("Russia's Crimea efforts", "the crackdown in
    Belarus")."""
    found = next((a.country for a in resolver.resolve(tied, remember=False) if a.country), None)
    if found or not by_place:
        return found
    owners = qualifying_states(tied)  # its owner's or its place's: "Russia's Crimea efforts", "the crackdown in Belarus"
    return owners[0] if owners else None


def the_body_named_before(noun: Noun, resolver: Resolver) -> list[Actor] | None:
    """"officials from the United States, Australia, India and Japan ... The officials": the
    body named with that noun before; "the government" near a person is the person's state;
    "the ministry" of a statement is its author's."""
    memory = resolver.memory
    bare = memory.organisation_people.get(noun.lower)
    if bare and noun.token.text[:1].isupper() and not any(children(noun.token)):
        return list(bare)  # "G7 Foreign Ministers met ... Ministers urged": a capitalised plural on its own
    if not _names_a_body(noun) or not noun.has_child("the", "these", "this"):
        return None
    group = memory.plural_by_head.get(noun.lemma) if noun.plural() else None
    if group:
        return list(group)
    if noun.plural() and noun.lemma in GROUP_MEMBER_NOUNS and (memory.recent_meeting() or memory.last_parties):
        return list(memory.meeting_named_again() or memory.last_parties)  # "the leaders", "each of the ministers"
    earlier = _named_before(noun, resolver)
    if earlier:
        return [earlier]
    if noun.lemma in SELF_REFERRING:
        # "Kim said the government ...": the person's state; else the state the text is about ("The
        # government must grant MINUSMA full access" in a British statement on Mali), not the author's
        nearby = resolver.nearby_country(noun.token) or resolver.place_focus()
        if nearby:
            return [_country(nearby)]
    home = resolver.home_country
    if noun.lemma in OFFICIAL_NOUNS and home:
        return [Actor(noun.phrase, "ORG", home)]
    return None


def the_parties_of_a_group(noun: Noun, resolver: Resolver) -> list[Actor] | None:
    """"the two countries", "both sides", "the three powers": the parties last named together;
    "The Ministers" after a meeting: those who met."""
    size = group_size(noun.token) if noun.lemma in PAIR_NOUNS else 0
    meeting = resolver.memory.recent_meeting()
    if size:
        if len(meeting) == size and noun.lemma in GROUP_MEMBER_NOUNS:  # "both leaders": the two who just met
            return list(resolver.memory.meeting_named_again())
        return _last_named(noun, resolver, size)
    titled_plural = noun.lower.endswith("s") and noun.lower[:-1] in GROUP_MEMBER_NOUNS
    if len(meeting) >= 2 and titled_plural and noun.has_child("the"):
        return list(resolver.memory.meeting_named_again())  # "The Ministers condemned ...": those who just met (a title-cased plural is tagged NNP)
    return None


def _last_named(noun: Noun, resolver: Resolver, size: int) -> list[Actor]:
    """The `size` parties last named together; for "both parties" and "both sides", the sides of
    the talks or fight named last ("talks between the army and the RSF"), if any."""
    if size == 2 and noun.lemma in ("party", "side") and resolver.memory.sides:
        return list(resolver.memory.sides)
    return list(resolver.memory.groups.get(size, ()))


def a_collective_of_states(noun: Noun, resolver: Resolver) -> list[Actor] | None:
    """"European countries", "our international partners", "their Indo-Pacific partners",
    "foreign powers", "partner nations": states taken together, qualified by a word that names
    none of them, are one group of no state, named as written from that word, as the annotators
    name them (data `collectives_of_states`). A bare "countries" or "partners", "other
    countries", "any partners" stay no one; a phrase with a clause or a list of its members is
    read by other rules."""
    token = noun.token
    if noun.lower not in COLLECTIVES_OF_STATES or token.ent_type_ or any(
            c.dep_ in ("relcl", "acl", "appos", "poss") and c.pos_ != "PRON" or c.dep_ == "prep" and c.lower_ != "in"
            for c in children(token)):
        return None
    kept = [c for c in children(token) if c.i < token.i and c.dep_ in ("amod", "compound")
            and c.lower_ not in UNIDENTIFIED_QUANTIFIERS]
    if not kept or any(c.lower_ in UNNAMING_MODIFIERS or c.lower_ == "non" or c.ent_type_ in ("GPE", "NORP", "ORG")
                       and c.text[:1].isupper() and code_of_token(c) for c in token.subtree if c.i < token.i):
        return None  # "Western countries" yes; "EU countries" are read before, "non-EU countries" are no one
    start = min(c.left_edge.i for c in kept)  # "Indo-Pacific": the words hung on the modifier too
    return [Actor(token.doc[start:token.i + 1].text.lower(), "GROUP", None)]


def an_unnamed_body(noun: Noun, resolver: Resolver) -> list[Actor] | None:
    """"the tribunal", "the rebels": a body known by its description; "all parties", "any
    partners", "our allies" stand for no identifiable actor."""
    token = noun.token
    if noun.lemma not in ORG_NOUNS and noun.lower not in ORG_NOUNS or (
            noun.lower in VICTIM_NOUNS and qualifying_states(token)):
        return None  # "Israeli communities" are people of their state (`the_victims`), not a body
    owner = token.head if token.dep_ == "conj" else token
    if any((c.dep_ == "poss" and c.pos_ == "PRON") or c.lower_ in UNIDENTIFIED_QUANTIFIERS
           for c in [*children(token), *children(owner)]):
        return []
    if noun.phrase.lower() == noun.lower and noun.lower in LISTED_MEMBER_NOUNS:
        return []  # "in lockstep with Allies and partners": whose, the text does not say
    if token.dep_ in ("nsubj", "nsubjpass", "pobj", "dobj", "conj") and len(noun.phrase) > 3:
        return [Actor(noun.phrase, "GROUP" if noun.lower in GROUP_NOUNS else "ORG", _patrons_state(token, resolver))]
    return None


def _patrons_state(token: Token, resolver: Resolver) -> str | None:
    """"allies of Venezuela's Nicolas Maduro", "supporters of Alexei Navalny": a person's circle acts
    for his state, as annotators have "the family of Dmitry Peskov" Russian; "allies of the United
    States" are other states, so only a person's."""
    people = [g for p in children(token) if p.dep_ == "prep" and p.lower_ == "of"
              for g in children(p) if g.dep_ == "pobj" and g.ent_type_ == "PERSON"]
    return next((a.country for g in people for a in resolver.resolve(g, remember=False) if a.country), None)


def a_sites_state(noun: Noun, resolver: Resolver) -> list[Actor] | None:
    """"U.S. bases", "military targets in Houthi-controlled areas in Yemen": the state that owns
    the places struck, else the state they are in."""
    if noun.lower not in STRUCK_SITES:
        return None
    codes = qualifying_countries(noun.token)
    if not codes and any(c.dep_ in ("compound", "amod", "nmod") and c.ent_type_ in ("ORG", "PERSON")
                         for c in children(noun.token)):
        return None  # "ISIS hideouts inside Syria", "PKK positions": the group's, not the place's
    if not codes:  # "in Houthi-controlled areas in Yemen", "hideouts inside Afghanistan": the place of the place
        places = [g for p in children(noun.token) if p.dep_ == "prep" and p.lower_ in ("in", "inside")
                  for g in children(p) if g.dep_ == "pobj"]
        codes = [c for g in places for c in qualifying_countries(g)] or [
            c for g in places if g.ent_type_ in ("GPE", "LOC") for c in [country_code(g.text)] if c]
    return [_country(codes[0])] if codes and is_state_code(codes[0]) else None  # a state, not "G20"


def the_victims(noun: Noun, resolver: Resolver) -> list[Actor] | None:
    """"civilians in Myanmar", "women and children": people of no named body, who belong to
    the place named with them, else to the state the text is about (annotators give attacks on
    a country's own civilians as that country's)."""
    if noun.lower not in VICTIM_NOUNS:
        return None
    token = noun.token
    holders = [token, token.head] if token.dep_ in ("dobj", "nsubjpass") else [token]  # "killed civilians in Kyiv"
    places = [country_code(g.text) or city_country(g.text) for holder in holders for c in children(holder)
              if c.dep_ == "prep" and c.lower_ in ("in", "of", "from") for g in children(c) if g.dep_ == "pobj"]
    code = next(iter(qualifying_states(noun.token)), None) or next((p for p in places if p), None)
    if code is None:  # else the state the sentence or the text is about, but not the attacker's
        attackers = _attackers_of(token)
        code = next((c for c in (resolver.sentence_country(token), resolver.place_focus(), resolver.focus_country())
                     if c and c not in attackers), None)
    return [Actor(f"{noun.lower} in {name_in_phrase(code)}", "GROUP", code)] if code else None


def _attackers_of(victims: Token) -> set[str]:
    """The states the victims' sentence names as doers of an attack ("Russia's attacks on
    civilians", "injuries caused by Russian missile strikes", "Russia attacked civilians"): not
    the victims' state."""
    attacks = [t for t in victims.sent if (NOUN_TRIGGERS if t.pos_ == "NOUN" else VERB_TRIGGERS).get(t.lemma_.lower()) == "fight"]
    doers = [t for a in attacks for t in a.doc[a.left_edge.i:a.i]] + [
        c for a in attacks for c in children(a) if c.dep_ == "nsubj"]  # "Russian missile strikes", "Russia attacked"
    return {code for d in doers for code in [code_of_token(d) or country_code(d.text)] if code}


def an_alliances_allies(noun: Noun, resolver: Resolver) -> list[Actor] | None:
    """"Allies strongly condemned ...", "Several Allies said they were considering ...": members
    written capitalised and unqualified, in a text that names their alliance, are the alliance
    (data `capitalised_allies`); "our allies", "the Allies" of another text, and allies said to be
    someone's or listed ("Allies of Israel", "Allies, including Belarus") are read by other rules."""
    token = noun.token
    if token.text != "Allies" or any(c.dep_ in ("poss", "compound", "nmod", "amod") and c.lower_ not in
                                     UNIDENTIFIED_QUANTIFIERS | UNNAMING_MODIFIERS for c in children(token)):
        return None
    if any(c.dep_ == "appos" or (c.dep_ == "prep" and (c.lower_ == "of" or c.lower_ in LISTING_PREPOSITIONS))
           for c in children(token)):
        return None
    alliance = document_answer(token.doc, "alliance_of_allies", lambda: _alliance_named(token.doc))
    return [Actor(alliance, "ORG", None)] if alliance else None


def _alliance_named(doc: Doc) -> str | None:
    """The alliance of `CAPITALISED_ALLIES` the text names, if one."""
    names = {span_text(e).lower() for e in document_entities(doc)}
    return next((alliance for alliance, forms in CAPITALISED_ALLIES.items() if names.intersection(forms)), None)


RULES: tuple[Rule, ...] = (
    the_armed_group_named_before, the_organisation_named_before, an_alliances_allies, the_compass_half, a_country_name, an_international_organisation, the_members_listed, an_organisations_members,
    the_owners_state, the_state_of_a_region, the_country,
    the_issuer_of_a_document, an_organisations_official, the_title_holder, an_armed_groups_members, members_of_an_organisation,
    an_organisations_people, the_bodies_of_a_group, a_backed_force, allies_and_partners, a_states_body, those_linked_to,
    the_body_named_before,
    the_parties_of_a_group, a_collective_of_states, an_unnamed_body, a_sites_state, the_victims,
)


#: every word by which a rule above picks the nouns it reads (all but `a_country_name` and
#: `an_international_organisation`, which read the phrase, and only names): a lower-case noun
#: that is none of them is no one, unless its phrase is a name (`actors.names_no_one`)
RULE_WORDS: frozenset[str] = frozenset().union(
    ARMED_GROUP_NOUNS, ORGANISATION_EPITHETS, COMPASS_STATES, LISTED_MEMBER_NOUNS, MEMBERSHIP_NOUNS, SELF_REFERRING, STATE_NOUNS, DOCUMENT_NOUNS,
    OFFICIAL_NOUNS, STATE_BODY_NOUNS, GROUP_NOUNS, PAIR_NOUNS, ORG_NOUNS, STRUCK_SITES, VICTIM_NOUNS)


def from_common_noun(token: Token, resolver: Resolver) -> list[Actor]:
    """The actors the noun phrase headed by `token` stands for, by the first rule that reads it."""
    noun = Noun.of(token)
    for rule in RULES:
        found = rule(noun, resolver)
        if found is not None:
            return found
    return []
