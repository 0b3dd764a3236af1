"""Which state a phrase names: the qualifier of a noun ("North Korean troops", "Seoul's
officials", "the people of Sudan"), a country word inside an organisation's name ("Chinese
Embassy in Ha Noi") or the title around a person's name ("Ukrainian President Volodymyr
Zelenskyy").
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import lru_cache

from spacy.tokens import Span, Token

from .doccache import children, in_text_order
from .countries import NAME_FIRST_PARTS, city_country, country_code, demonym_code, is_state_code, seat_of_government
from .lexicon import FORCE_NOUNS, PLATFORM_NOUNS
from .model import Actor, normalise_name
from .names import (
    INTERNATIONAL_ORGS, PORTFOLIO_WORDS, REGIONAL_EPITHETS, SEATED_PARTICIPLES, STATE_ORGS, TITLES, body_state,
)
from .people import person_country
from .phrases import between, clean_entity_text, entity_of


def code_of_token(token: Token) -> str | None:
    """The state a word names, as its entity's text or by itself ("Korean", "Seoul")."""
    ent = entity_of(token)
    texts = ([clean_entity_text(ent)] if ent else []) + [token.text]
    for text in texts:
        code = demonym_code(text) or country_code(text)
        if code:
            return code
    return None


def qualifying_countries(token: Token) -> list[str]:
    """Countries (or international organisations) that qualify a noun: "North Korean troops",
    "Seoul's officials", "officials in Seoul", "the people of Sudan", "U.S. and NATO officials"."""
    found: list[str] = []
    for child in children(token):
        if child.dep_ in ("amod", "compound", "poss", "nmod") or child.ent_type_ == "NORP":
            qualifiers = [child, *in_text_order(child.conjuncts)]
            for qualifier in qualifiers:
                code = _qualifier_code(qualifier) or _shared_ending(qualifier, qualifiers)
                if code and code not in found:
                    found.append(code)
        for place in _place_phrases(child) if not found else []:
            for pobj in [p for g in _past_portfolio(place) for p in (g, *in_text_order(g.conjuncts))]:
                if pobj.dep_ in ("pobj", "conj"):
                    ent = entity_of(pobj)
                    code = _place_code(clean_entity_text(ent) if ent else pobj.text)
                    if code:
                        found.append(code)
    return found


def _past_portfolio(place: Token) -> list[Token]:
    """The objects of a place phrase; past a portfolio, the phrase that hangs from it ("the
    Minister of Foreign Affairs of Colombia", "the Secretary of State of the United States":
    Colombia, the United States; data `portfolio_words`)."""
    objects = [g for g in children(place) if g.dep_ == "pobj"]
    if place.lower_ == "of" and len(objects) == 1 and objects[0].lower_ in PORTFOLIO_WORDS:
        further = [g for p in children(objects[0]) if p.dep_ == "prep" and p.lower_ == "of"
                   for g in children(p) if g.dep_ == "pobj"]
        return further or objects
    return objects


def _place_code(name: str) -> str | None:
    """The state a place phrase names, by its name or as a body that stands for a state
    ("officials from Jordan, Egypt, Israel, the Palestinian Authority, and the United States")."""
    return country_code(name) or body_state(name)


def _place_phrases(child: Token) -> list[Token]:
    """The phrases of a noun's child that say where it is from: "officials in Seoul", "the
    people of Sudan", "companies based in China"."""
    if child.dep_ == "prep" and child.lower_ in ("in", "of", "from"):
        return [child]
    if child.dep_ == "acl" and child.lower_ in SEATED_PARTICIPLES:
        return [p for p in children(child) if p.dep_ == "prep" and p.lower_ == "in"]
    return []


def qualifying_states(token: Token) -> list[str]:
    """The states among `qualifying_countries`: "Council men" are of no state."""
    return [code for code in qualifying_countries(token) if is_state_code(code)]


def _shared_ending(qualifier: Token, qualifiers: list[Token]) -> str | None:
    """"North and South Korean officials": a first part alone ("North") with the name's end that
    the last qualifier spells out ("Korean")."""
    last = qualifiers[-1]
    if last.i <= qualifier.i or qualifier.text not in NAME_FIRST_PARTS:
        return None
    pair = f"{qualifier.text} {last.text}"
    return demonym_code(pair) or country_code(pair)


def _qualifier_code(token: Token) -> str | None:
    if token.lower_ in ("based", "controlled", "administered", "held"):
        return _base_code(token)
    ent = entity_of(token)
    text = clean_entity_text(ent) if ent else token.text
    code = demonym_code(text) or country_code(text)
    if code:
        return code
    org = INTERNATIONAL_ORGS.get(text.lower().removeprefix("the "))
    if org:
        return org
    if token.dep_ in ("compound", "poss") and (token.pos_ == "PROPN" or token.text[:1].isupper()) and (
            ent is None or ent.label_ in ("PERSON", "ORG")):
        # the recogniser may run the name into the noun ("the Albanese Government") or the tagger
        # take it for a common noun ("the Starmer government")
        own = text if ent is None or ent.end == token.i + 1 else token.text
        code = person_country(own.removesuffix("'s").removesuffix("’s"))
        if code:  # "the Biden administration", "the Maduro regime", "Putin's troops": the leader's state
            return code
    for grand in children(token):
        if grand.dep_ in ("compound", "amod"):
            pair = f"{grand.text} {token.text}"
            code = demonym_code(pair) or country_code(pair) or (
                _state_body_code(grand) if token.lemma_.lower() in FORCE_NOUNS | PLATFORM_NOUNS else None)
            if code:
                return code
    return None


def _state_body_code(token: Token) -> str | None:
    """The state of a body the recogniser names before a force's own modifier ("RAF fighter jets"),
    as the tables know it; not before any noun ("Treasury Sanctions Procurement Network", a headline)."""
    ent = entity_of(token)
    if ent is None or ent.label_ != "ORG":
        return None
    code = body_state(clean_entity_text(ent))
    return code if code and is_state_code(code) else None


def _base_code(based: Token) -> str | None:
    """"Russia-based companies", "Dubai-based firms": the state of where they are based, as the
    annotators name them ("two Mexico-based entities": Mexico's); "Pakistani-controlled
    territory", "Houthi-held areas": the state of who holds them."""
    for place in children(based):
        if place.dep_ in ("npadvmod", "compound", "nmod", "nsubj") and place.i < based.i:
            ent = entity_of(place)
            text = clean_entity_text(ent) if ent else place.text
            code = (country_code(text) or demonym_code(text) or city_country(text) or seat_of_government(text)
                    or STATE_ORGS.get(text.lower()))
            if code:
                return code
    return None


def country_words(ent: Span) -> str | None:
    """A country named inside an organisation's name or by its possessor."""
    root = ent.root
    for child in children(root):  # the possessor first: "China's Taiwan Affairs Office" is China's
        if child.dep_ == "poss" and child.i < ent.start:
            sub = entity_of(child)
            code = country_code(clean_entity_text(sub) if sub else child.text)
            if code:
                return code
    tokens = list(ent)
    for i in range(len(tokens)):  # the first country word: "Chinese Embassy in Ha Noi" is China's
        for n in (2, 1):
            text = " ".join(t.text for t in tokens[i:i + n])
            code = demonym_code(text) or country_code(text)
            if code:
                return code
    return None


def _crosses_clause(token: Token, governor: Token, prepositions_too: bool = False) -> bool:
    """Whether a relative, adverbial, complement or conjoined clause (or a preposition, if asked) lies between."""
    clauses = ("relcl", "acl", "advcl", "ccomp", "conj", "prep")
    stops = clauses if prepositions_too else clauses[:-1]
    return any(a.dep_ in stops for a in between(token, governor))


def title_before_name(ent: Span) -> list[Token]:
    """The title before the name, in its noun phrase: "Ukrainian President", "U.S. Deputy Ambassador to the U.N."."""
    root = ent.root
    title = [t for t in root.subtree if t.i < ent.start and not _crosses_clause(t, root)]
    # a misparsed list hangs its earlier names on the last: "Japanese Defense Minister Kishi and
    # South Korean Defense Minister Suh" -- Suh's title is the words after the last "and" or
    # comma, up to a preposition ("UN Special Envoy for Yemen Martin Griffiths": the UN's)
    breaks = [t.i for t in title if t.dep_ == "cc" or t.text in (",", ";")]
    if not breaks:
        return title
    words = list(ent.doc[breaks[-1] + 1:ent.start])
    return next((words[:n] for n, t in enumerate(words) if t.pos_ == "ADP"), words)


def apposition_or_of(ent: Span) -> list[Token]:
    """An apposition ("Kim, an adviser to ...") or "of X" after the name."""
    return [t for child in children(ent.root) if child.dep_ == "appos" or (child.dep_ == "prep" and child.lower_ == "of")
            for t in child.subtree if not _crosses_clause(t, child)]


def governing_compounds(ent: Span) -> list[Token]:
    """Up to two nouns the name modifies or stands in apposition to, going up."""
    return [t for t in ent.root.ancestors if t.dep_ in ("compound", "appos")][:2]


def enclosing_phrase(ent: Span) -> list[Token]:
    """When the name modifies a noun or stands in apposition: that noun's phrase, short of any clause or preposition."""
    root = ent.root
    if root.dep_ not in ("compound", "appos", "nmod"):
        return []
    return [t for t in root.head.subtree if not _crosses_clause(t, root.head, prepositions_too=True)]


# Where a description is read; together, in the order of the text, they are the description.
DESCRIPTION_PLACES: tuple[Callable[[Span], list[Token]], ...] = (
    title_before_name, apposition_or_of, governing_compounds, enclosing_phrase,
)


def _entity_text(token: Token) -> tuple[Span | None, str]:
    """The entity a description word belongs to, and its text (the entity's, else the word's)."""
    sub = entity_of(token)
    return sub, clean_entity_text(sub) if sub else token.text


def named_country(token: Token, persons: Mapping[str, Actor]) -> str | None:
    """A country or national word, whatever the recogniser labelled it: "Azerbaijani" [PERSON] President."""
    _, text = _entity_text(token)
    return demonym_code(text) or country_code(text) or demonym_code(token.text)


def person_in_title(token: Token, persons: Mapping[str, Actor]) -> str | None:
    """A person the document named before ("an adviser to Yoon"): that person's country."""
    sub, text = _entity_text(token)
    if sub is None or sub.label_ != "PERSON":
        return None
    person = persons.get(normalise_name(TITLES.sub("", text)))
    return person.country if person and person.country else None


def organisation_in_title(token: Token, persons: Mapping[str, Actor]) -> str | None:
    """A state body ("State Department Spokesperson") or an organisation with a country in its name, not an
    international one."""
    sub, text = _entity_text(token)
    if sub is None or sub.label_ != "ORG":
        return None
    key = text.lower().removeprefix("the ")
    if key in INTERNATIONAL_ORGS:
        return None
    return STATE_ORGS.get(key) or country_words(sub)


# Tried in order on each word of the description; the first country found is the answer.
DESCRIPTION_COUNTRY_RULES: tuple[Callable[[Token, Mapping[str, Actor]], str | None], ...] = (
    named_country, person_in_title, organisation_in_title,
)


def country_in_description(ent: Span, persons: Mapping[str, Actor]) -> str | None:
    """The country in a person's or body's title and apposition:
    "Ukrainian President Volodymyr Zelenskyy", "Kim, an adviser to South Korean President Yoon",
    "U.S. Deputy Ambassador to the U.N. Robert Wood", "State Department Spokesperson Miller"; a person in the title
    ("an adviser to Yoon") is looked up in `persons`, those the document named before."""
    doc = ent.doc
    for i in sorted({t.i for place in DESCRIPTION_PLACES for t in place(ent)}):
        if ent.start <= i < ent.end and ent.label_ == "PERSON":
            continue
        for rule in DESCRIPTION_COUNTRY_RULES:
            code = rule(doc[i], persons)
            if code:
                return code
    return None


@lru_cache(maxsize=64)
def region_states(word: str) -> frozenset[str]:
    """The states a regional epithet names ("Sahel", "Baltic", "African"; data `regional_epithets`),
    a region's or subregion's read from the countryinfo package; none for other words."""
    codes: set[str] = set()
    for entry in REGIONAL_EPITHETS.get(word.lower(), ()):
        field, _, name = entry.rpartition(":")  # "EST", or "region:Africa"
        codes |= {entry} if not field else {code for code, state in _countryinfo_states() if state.get(field) == name}
    return frozenset(codes)


@lru_cache(maxsize=1)
def _countryinfo_states() -> tuple[tuple[str, dict], ...]:
    """(ISO3, the countryinfo package's record) of every state it knows."""
    from countryinfo import CountryInfo

    return tuple((iso3, state) for state in CountryInfo().all().values()
                 if (iso3 := (state.get("ISO") or {}).get("alpha3")))
