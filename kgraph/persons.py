"""Persons: the state a person's name acts for, and the memory that finds them again.

A name is read once per mention (`PersonReader.person`): a person named before ("Austin" after
"Lloyd J. Austin III"), an office holder a dictionary knows (`people.py`), or one whose title,
description, byline or document gives the state; an official of an international body acts for
none. Each person read is registered under their full and family name for later mentions, and
under the titles before their name ("the minister").
"""
from __future__ import annotations

from functools import cached_property
from typing import Protocol

from spacy.tokens import Doc, Span, Token

from .coordination import HYPHENS
from .countries import country_code
from .doccache import children, document_entities, span_text
from .memory import Memory
from .model import Actor, normalise_name
from .names import (
    COMMENTATORS, HONORIFICS, INTERNATIONAL_OFFICE_PHRASES, NAME_PARTICLES, NAME_SUFFIXES, NAME_TITLES, OFFICE_WORDS, PORTFOLIO_WORDS, REMEMBERED_TITLES,
    TITLE_WORDS, TITLES, known_body,
)
from .nationality import country_in_description
from .people import acts_for_no_state, full_name, person_country, titled_family_name_country
from .phrases import (
    PERSON_LABELS, has_official_title, international_office, international_title, organisation_ending_at, title_of_organisation,
    office_before, titles_before,
)


class PersonContext(Protocol):
    """What reading a person needs of the document's resolver (`actors.DocumentActors`)."""

    memory: Memory
    document_speaker: Actor | None
    dateline_country: str | None

    def focus_country(self) -> str | None: ...

    def forget_names(self) -> None: ...


def posting_words(ent: Span) -> int:
    """How many words a person's entity starts with that name the place or organisation of a
    title's posting ("Ambassador to [the UN] Kelly Craft", "Ambassador to the United [Nations] Linda
    Thomas-Greenfield", "Special Envoy for [Yemen] Tim Lenderking"); 0 where none. Only after a
    title and "to" or "for", and only where the words left name a person ("to the UN Security
    Council" stays the Council)."""
    doc = ent.doc
    i = ent.start - 1
    while i > 0 and doc[i].lower_ in ("the", "united"):
        i -= 1
    if i < 1 or doc[i].lower_ not in ("to", "for") or doc[i - 1].lemma_.lower() not in NAME_TITLES:
        return 0
    for size in (3, 2, 1):
        rest = doc[ent.start + size:ent.end]
        if len(rest) < 2 or not all(t.is_title or t.text in HYPHENS for t in rest):
            continue
        if not (organisation_ending_at(doc, ent.start + size - 1) or country_code(doc[ent.start:ent.start + size].text)):
            continue
        if ent.label_ in PERSON_LABELS or person_country(rest.text):
            return size
    return 0


#: the words that describe a person by an office: titles, and "leader of ...", "head of ..."
_OFFICE_LEMMAS = REMEMBERED_TITLES | OFFICE_WORDS


def _descriptions(ent: Span) -> tuple[list[Token], list[Token]]:
    """The words that describe a person: the heads of an apposition to the name or of the name
    as one ("Otty Patiño, the High Commissioner"), and the name's own words with up to three
    before it that hang from them ("Minister Trujillo", "Professor Ben Engel")."""
    root = ent.root
    described = [c for c in children(root) if c.dep_ == "appos"] + ([root.head] if root.dep_ == "appos" else [])
    own = [t for t in ent.doc[max(0, ent.start - 3):ent.end] if t.head.i in range(ent.start, ent.end)]
    return described, own


def _holds_an_office(ent: Span) -> bool:
    """Whether the words that describe a person give an office ("Minister Trujillo", "the High
    Commissioner for Peace, Otty Patiño", "Qais al-Khazali, leader of Asaib Ahl Al-Haq"), not
    only a name ("Lawrence Taylor, Giants Legend")."""
    described, own = _descriptions(ent)
    return any(t.lemma_.lower() in _OFFICE_LEMMAS or t.lower_.rstrip(".") in TITLE_WORDS for t in [*described, *own])


def _of_no_state_by_description(ent: Span) -> bool:
    """Whether the words that describe a person say they act for no state the text is about: one
    who comments ("Ben Engel, political science professor at Dankook University", "Professor Ben
    Engel"; data: commentators), or one of a named organisation ("Juan Pappier of Human Rights
    Watch", "Brigadier Alan Litster from the Indo-Pacific Command", "Volker Türk, the UN High
    Commissioner for Human Rights")."""
    described, own = _descriptions(ent)
    if any(t.lemma_.lower() in COMMENTATORS for t in [*described, *(t for t in own if t.i < ent.start)]):
        return True
    described_text = " ".join(span_text(t.doc[t.left_edge.i:t.right_edge.i + 1]).lower() for t in described)
    if any(office in described_text for office in INTERNATIONAL_OFFICE_PHRASES):
        return True  # "Izumi Nakamitsu, High Representative for Disarmament Affairs": the UN's, of no state
    held = [g for t in (ent.root, *described) for c in children(t)
            if c.dep_ == "prep" and c.lower_ in ("of", "from", "at") for g in children(c) if g.dep_ == "pobj"]
    described_words = [w for t in described for w in t.subtree]
    return any(t.ent_type_ == "ORG" and not country_code(t.text) for t in held) or any(
        organisation_ending_at(ent.doc, w.i) for w in described_words)


def _with_first_name_before(ent: Span, name: str) -> str | None:
    """"Lloyd [J. Austin III]": the name with the word before the entity, where the recogniser left
    out a first name and a dictionary knows the fuller name; not a title ("Honorable Antony J.
    Blinken"), a state or an organisation's name, nor a posting ("Special Envoy for Yemen Tim
    Lenderking", "to the U.N. Robert Wood")."""
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    if (before is None or before.pos_ != "PROPN" or before.lower_ in NAME_TITLES | PORTFOLIO_WORDS
            or TITLES.match(f"{before.text} {name}") or country_code(before.text)
            or organisation_ending_at(ent.doc, before.i) is not None):
        return None
    fuller = f"{before.text} {name}"
    return fuller if person_country(fuller) else None


class PersonReader:
    """The persons of one document, read from their names and remembered for later mentions."""

    def __init__(self, doc: Doc, context: PersonContext) -> None:
        self._doc = doc
        self._context = context
        self._ambiguous: set[str] = set()  # name parts two persons share: they find neither

    def portfolio_holder(self, ent: Span) -> Actor | None:
        """"Minister of National Defense Song Young-moo": the recogniser took the portfolio and
        the name for one organisation; the words after the portfolio name the minister. Not an
        organisation the tables know ("the High Representative of the European Union": no
        person "Union", though "European" is a portfolio's word)."""
        doc = ent.doc
        if ent.start < 2 or doc[ent.start - 1].lower_ not in ("of", "for") or \
                doc[ent.start - 2].lemma_.lower() not in NAME_TITLES or known_body(span_text(ent)):
            return None
        start = ent.start
        while start < ent.end and doc[start].lower_ in PORTFOLIO_WORDS:
            start += 1
        name = doc[start:ent.end]
        if start == ent.start or not len(name) or not name[0].text[:1].isupper() or not all(
                (t.pos_ == "PROPN" or t.text == "-") and t.lower_ not in PORTFOLIO_WORDS for t in name):
            return None
        return self.person(name, span_text(name))

    def person(self, ent: Span, text: str) -> Actor | None:
        """The person a name stands for, with the state they act for: one named before, an office
        holder a dictionary knows, or one whose title, description or document gives the state."""
        name = TITLES.sub("", text).strip()
        if not name.split():
            return None
        known, name = self._named_before(name)
        if known and len(name.split()) <= len(known.name.split()):
            self._remember_titles(ent, known)  # "Secretary Austin", after "Lloyd J. Austin III"
            return known
        if international_office(ent):  # "UN Special Envoy for Yemen Martin Griffiths": not Yemen's
            # the UN's Secretary-General, not a former minister of his state
            person = Actor(full_name(name) or name, "PERSON", None)
        else:
            person = self._state_person(ent, name, known)
        self.register(person)
        self._remember_titles(ent, person)
        return person

    def _named_before(self, name: str) -> tuple[Actor | None, str]:
        """The person the text named before under `name` (or, for one word, under that family
        name), and the name to read on: a family name alone is the office holder the text names
        in full under it ("Readout of Secretary Carter's Call ..." before "Secretary of Defense
        Ash Carter spoke")."""
        parts = name.split()
        known = self._context.memory.persons.get(normalise_name(name))
        if known is None and len(parts) == 1:
            known = self._context.memory.persons.get(normalise_name(parts[0]))
            if known is None and normalise_name(name) in self._office_holders_named and full_name(name) is None:
                name = self._office_holders_named[normalise_name(name)]
        return known, name

    def _state_person(self, ent: Span, name: str, known: Actor | None) -> Actor:
        """A person with the state they act for, by the first source that gives one: their
        description, a person named before, a dictionary of office holders, a first name before
        the entity, a title's listed holders, the statement's or dateline's state for its own
        officials, and the text's focus for the holder of an office."""
        parts = name.split()
        country = country_in_description(ent, self._context.memory.persons)
        if country is None and known is not None:
            country = known.country
        if country is None:  # "Lavrov said": a dictionary of office holders knows whose
            country = person_country(name) or (person_country(parts[-1]) if len(parts) == 2 and
                                               len(parts[0].rstrip(".")) == 1 else None)
        fuller = _with_first_name_before(ent, name)
        if fuller and country in (None, person_country(fuller)):
            country, name = person_country(fuller), fuller
        if country is None and len(parts) == 1 and has_official_title(ent):
            # "Secretary Austin spoke to Minister Gallant": a title makes the word a person's family
            # name, and the listed holders of an office who bear it act for one state
            country = titled_family_name_country(name)
        # "Secretary General Mark Rutte"; "Assistant Secretary-General Martha Pobee": an international
        # office's holder takes no state the text guesses (not one a dictionary or description gives:
        # "Iran's Supreme National Security Council Secretary General Ali Shamkhani")
        stateless = country is None and (acts_for_no_state(name) or international_title(ent))
        if country is None and has_official_title(ent) and not title_of_organisation(ent) and not stateless:
            # a statement's own officials, or a wire story's: "NEW DELHI - Defence Minister X"
            speaker = self._context.document_speaker
            country = (speaker.country if speaker else None) or self._context.dateline_country
        # one label for every spelling of an office holder, where the text does not make them another's
        listed = full_name(name) if person_country(name) in (None, country) else None
        if country is None and _holds_an_office(ent) and not _of_no_state_by_description(ent) and not stateless:
            # "The Council also met with the High Commissioner for Peace, Otty Patiño" in a text about
            # Colombia: the annotators give a person the state the text is about where it names none
            # (258 of the 275 persons annotated in the training set have a state)
            country = self._context.focus_country()
        return Actor(listed or name, "PERSON", country)

    @cached_property
    def _office_holders_named(self) -> dict[str, str]:
        """Family name -> the full name of the one office holder a dictionary knows (with the state) that
        the text names under it anywhere; a family name two people share names neither, whether or not
        the dictionary knows the other ("Former President Jimmy Carter ... Secretary Ash Carter")."""
        found: dict[str, set[str]] = {}
        for ent in document_entities(self._doc):
            if ent.label_ not in PERSON_LABELS:
                continue
            name = TITLES.sub("", ent.text).strip()
            if not person_country(name):
                name = _with_first_name_before(ent, name) or name
            family = [w for w in name.split() if w.lower().rstrip(".") not in NAME_SUFFIXES]
            if len(family) >= 2:
                found.setdefault(normalise_name(family[-1]), set()).add(full_name(name) or name)
        distinct = {family: {n for n in names if not any(m.endswith(" " + n) for m in names)}  # "J. Austin III" in
                    for family, names in found.items()}                                     # "Lloyd J. Austin III"
        return {family: next(iter(names)) for family, names in distinct.items()
                if len(names) == 1 and person_country(next(iter(names)))}

    def _remember_titles(self, ent: Span, person: Actor) -> None:
        """"Defence Minister Rajnath Singh": "the minister" later is Singh."""
        for title in titles_before(ent):
            self._context.memory.by_head[title] = person
            self._context.memory.title_holders.setdefault(title, []).append(person)
        office = office_before(ent)
        if office is not None:  # "UN Secretary-General Antonio Guterres ... The Secretary-General": Guterres
            self._context.memory.office_holders[office] = person

    def register(self, person: Actor) -> None:
        """Find `person` later by full name, family name (with its particle: "de Riviere") or, for
        names like "Kim Tae-hyo", the first word; a word two people share finds neither."""
        parts = person.name.split()
        while len(parts) > 2 and parts[0].lower() in HONORIFICS:
            parts.pop(0)  # "Sir Michael Fallon" is Sir Michael
        while len(parts) > 2 and parts[-1].lower().rstrip(".") in NAME_SUFFIXES:
            parts.pop()  # "Lloyd J. Austin III" is Austin
        self._context.forget_names()
        self._context.memory.persons[normalise_name(person.name)] = person
        names = {normalise_name(parts[0]), normalise_name(parts[-1])}
        if len(parts) >= 3 and parts[-2].lower() in NAME_PARTICLES:
            names.add(normalise_name(" ".join(parts[-2:])))  # "de Riviere" as well as "Riviere"
        for part in names - {normalise_name(person.name)}:
            earlier = self._context.memory.persons.get(part)
            if part in self._ambiguous and earlier != person:
                continue  # deleted when a second person took it: a third does not take it back
            if earlier is not None and earlier.name != person.name:
                self._ambiguous.add(part)
                del self._context.memory.persons[part]
                continue
            self._context.memory.persons[part] = person
