"""Which state a phrase names: the qualifier of a noun ("North Korean troops", "Seoul's
officials", "the people of Sudan"), a country word inside an organisation's name ("Chinese
Embassy in Ha Noi") or the title around a person's name ("Ukrainian President Volodymyr
Zelenskyy").
"""
from __future__ import annotations

from collections.abc import Mapping

from spacy.tokens import Span, Token

from .countries import country_code, demonym_code
from .model import Actor, normalise_name
from .names import INTERNATIONAL_ORGS, STATE_ORGS, TITLES
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
    for child in token.children:
        if child.dep_ in ("amod", "compound", "poss", "nmod") or child.ent_type_ == "NORP":
            for qualifier in [child, *child.conjuncts]:
                code = _qualifier_code(qualifier)
                if code and code not in found:
                    found.append(code)
        if child.dep_ == "prep" and child.lower_ in ("in", "of", "from") and not found:
            for pobj in [p for g in child.children if g.dep_ == "pobj" for p in (g, *g.conjuncts)]:
                if pobj.dep_ in ("pobj", "conj"):
                    ent = entity_of(pobj)
                    code = country_code(clean_entity_text(ent) if ent else pobj.text)
                    if code:
                        found.append(code)
    return found


def _qualifier_code(token: Token) -> str | None:
    ent = entity_of(token)
    text = clean_entity_text(ent) if ent else token.text
    code = demonym_code(text) or country_code(text)
    if code:
        return code
    org = INTERNATIONAL_ORGS.get(text.lower().removeprefix("the "))
    if org:
        return org
    for grand in token.children:
        if grand.dep_ in ("compound", "amod"):
            pair = f"{grand.text} {token.text}"
            code = demonym_code(pair) or country_code(pair)
            if code:
                return code
    return None


def country_words(ent: Span) -> str | None:
    """A country named inside an organisation's name or by its possessor."""
    root = ent.root
    for child in root.children:  # the possessor first: "China's Taiwan Affairs Office" is China's
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


def country_in_description(ent: Span, persons: Mapping[str, Actor]) -> str | None:
    """The country in a person's or body's title and apposition:
    "Ukrainian President Volodymyr Zelenskyy", "Kim, an adviser to South Korean President Yoon",
    "U.S. Deputy Ambassador to the U.N. Robert Wood", "State Department Spokesperson Miller"; a person in the title
    ("an adviser to Yoon") is looked up in `persons`, those the document named before."""
    root = ent.root
    clauses = ("relcl", "acl", "advcl", "ccomp", "conj", "prep")
    # the title before the name, within its noun phrase: "Ukrainian President", "U.S. Deputy
    # Ambassador to the U.N."; an apposition ("Kim, an adviser to ..."); "of X" after the name
    tokens = [t for t in root.subtree if t.i < ent.start and not any(
        a.dep_ in clauses[:-1] for a in between(t, root))]
    for child in root.children:
        if child.dep_ == "appos" or (child.dep_ == "prep" and child.lower_ == "of"):
            tokens += [t for t in child.subtree if not any(a.dep_ in clauses[:-1] for a in between(t, child))]
    tokens += [t for t in root.ancestors if t.dep_ in ("compound", "appos")][:2]
    if root.dep_ in ("compound", "appos", "nmod"):
        tokens += [t for t in root.head.subtree if t not in tokens and not any(
            a.dep_ in clauses for a in between(t, root.head))]
    tokens.sort(key=lambda t: t.i)
    for token in tokens:
        if ent.start <= token.i < ent.end and ent.label_ == "PERSON":
            continue
        sub = entity_of(token)
        text = clean_entity_text(sub) if sub else token.text
        code = demonym_code(text) or country_code(text) or demonym_code(token.text)
        if code:  # whatever the recogniser labelled it: "Azerbaijani" [PERSON] President
            return code
        if sub is not None and sub.label_ == "PERSON":
            person = persons.get(normalise_name(TITLES.sub("", text)))
            if person and person.country:
                return person.country
            continue
        code = demonym_code(text) or country_code(text)
        if code is None and sub is not None and sub.label_ == "ORG":
            key = text.lower().removeprefix("the ")
            code = STATE_ORGS.get(key) or country_words(sub)
            if key in INTERNATIONAL_ORGS:
                continue
        if code:
            return code
    return None


