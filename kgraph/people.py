"""Which state a named person acts for, from dictionaries of office holders.

A text often names a minister without saying whose ("Lavrov said ..."). Two dictionaries know:
`data/office_holders.json` (heads of state and government, ministers, envoys, 2000-2026) and
PETRARCH2's Phoenix actors (`data/actors_phoenix.json`, office holders up to 2014, only those
still in office when it was made). Full names and their listed variants match; one-word forms
("Blinken") only where the dictionary lists them, so a common family name finds no one.
"""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

from .model import fold_accents, normalise_name

_UNKNOWN = object()


@lru_cache(maxsize=1)
def _office_holders() -> list[list]:
    """The rows of `data/office_holders.json`: [full name, ISO3 or None, [short forms]]."""
    data = resources.files("kgraph").joinpath("data/office_holders.json").read_text(encoding="utf-8")
    return json.loads(data)["persons"]


@lru_cache(maxsize=1)
def _table() -> dict[str, str | None]:
    """Normalised name -> ISO3 (None: an international official, who acts for no state)."""
    data = resources.files("kgraph").joinpath("data")
    table: dict[str, str | None] = {}
    phoenix = json.loads(data.joinpath("actors_phoenix.json").read_text(encoding="utf-8"))
    for person in phoenix["persons"]:
        country = person.get("country")
        if not isinstance(country, str) or not any(r.endswith("/..") for r in person.get("roles", [])):
            continue
        for name in (person["name"], *person.get("aliases", [])):
            if len(name.split()) > 1:
                table[normalise_name(name)] = country
    for name, country, short in _office_holders():
        for form in (name, *short):
            table[normalise_name(form)] = country
    return table


def person_country(name: str) -> str | None:
    """The ISO3 code of the state `name` holds office for, if a dictionary knows them."""
    key = normalise_name(name)
    table = _table()
    country = table.get(key, _UNKNOWN)
    if country is _UNKNOWN:
        # "Antony J. Blinken", "Lloyd J. Austin III", "Michael R. Pompeo": without initials and
        # generational suffixes, then first and family name, then the family name where the
        # dictionary lists it as a short form ...
        words = [w for w in key.split() if len(w) > 1 and w not in _SUFFIXES]
        # ... and a name after title words the recogniser took in ("National Defense Song Young-moo")
        forms = [" ".join(words), f"{words[0]} {words[-1]}" if len(words) > 2 else "",
                 words[-1] if words and len(words) < len(key.split()) else ""]
        forms += [" ".join(words[-n:]) for n in (3, 2) if len(words) > n]
        # ... and a name that goes on with its father's ("Faisal bin Farhan bin Abdullah")
        forms += [" ".join(words[:3])] if len(words) > 3 else []
        for form in forms:
            if form and form != key:
                country = table.get(form, _UNKNOWN)
                if country is not _UNKNOWN:
                    break
    if country is _UNKNOWN:
        country = _table().get(_spelt_otherwise(key) or "", _UNKNOWN)
    return None if country is _UNKNOWN else country  # type: ignore[return-value]


def _spelt_otherwise(key: str) -> str | None:
    """"vasily nebenzia" for the dictionary's "Vassily Nebenzia": a first and family name whose
    family name the dictionary lists as a short form, and whose first name begins as that holder's
    does (transliterations differ: Vasily, Vassily; Sergey, Sergei; Dmitry, Dmitri)."""
    words = key.split()
    if len(words) != 2 or len(words[0]) < 3:
        return None
    listed = _full_names().get(words[1])
    if listed is None:
        return None
    first = normalise_name(listed).split()[0]
    return normalise_name(listed) if first[:3] == words[0][:3] else None


_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


def acts_for_no_state(name: str) -> bool:
    """Whether a dictionary lists `name` as an international official ("Mark Rutte", "António
    Guterres", "Rutte" where every listed Rutte is one): no text's state is theirs."""
    key = normalise_name(name)
    if key in _table():
        return _table()[key] is None
    # "Secretary General Rutte": a family name alone, every listed bearer of which acts for no state
    return len(key.split()) == 1 and key in _by_family_name() and _by_family_name()[key] is None


@lru_cache(maxsize=1)
def _by_family_name() -> dict[str, str | None]:
    """Family name -> the state of every listed office holder who bears it, where they all act
    for one state (the family names of holders of different states name none)."""
    found: dict[str, set] = {}
    for key, country in _table().items():
        words = [w for w in key.split() if len(w) > 1 and w not in _SUFFIXES]
        if len(words) > 1:
            found.setdefault(words[-1], set()).add(country)
    return {name: next(iter(states)) for name, states in found.items() if len(states) == 1}


def speaker_label_country(name: str) -> str | None:
    """The state of a transcript's speaker label ("MR PRICE:"): the person's, and failing a full
    name, that of the listed office holders with the label's family name, if they share one
    state. Only for labels, where the holder of a briefing's podium is the likely reading; in
    running text a family name alone finds no one."""
    country = person_country(name)
    if country is None and len(name.split()) == 1:
        country = _by_family_name().get(normalise_name(name))
    return country


def titled_family_name_country(name: str) -> str | None:
    """The state of a family name written after an office's title ("Secretary Austin", "Minister
    Gallant"), where every listed office holder who bears it acts for that one state. The title
    makes the word a person's name; without one, "Austin" may be the city. Only the dictionary of
    2000-2026 office holders counts: Phoenix's older and minor officials made "Executive Director
    Russell" (UNICEF's) a Bahamian governor's namesake."""
    return _by_listed_family_name().get(normalise_name(name))


@lru_cache(maxsize=1)
def _by_listed_family_name() -> dict[str, str | None]:
    """As `_by_family_name`, over `data/office_holders.json` alone, and with the first word taken
    for a family name too: "Kim Yong-hyun" is Minister Kim, and Sung Kim's state is not his."""
    found: dict[str, set] = {}
    for name, country, _ in _office_holders():
        words = [w for w in normalise_name(name).split() if len(w) > 1 and w not in _SUFFIXES]
        if len(words) > 1:
            for word in {words[0], words[-1]}:
                found.setdefault(word, set()).add(country)
    return {name: next(iter(states)) for name, states in found.items() if len(states) == 1}


@lru_cache(maxsize=1)
def _name_words() -> frozenset[str]:
    """Every word of every listed office holder's name."""
    return frozenset(w for key in _table() for w in key.split())


def is_name_word(word: str) -> bool:
    """Whether some listed office holder's name has `word` in it ("Austin", "Florence", "Aden")."""
    return normalise_name(word) in _name_words()


def is_office_holder(name: str) -> bool:
    """Whether a dictionary lists `name` as a person (whatever the recogniser called it)."""
    return normalise_name(name) in _table()


@lru_cache(maxsize=1)
def _full_names() -> dict[str, str]:
    """Normalised full name or short form -> the full name as the dictionary of office holders
    writes it ("ban ki moon" -> "Ban Ki-moon", "blinken" -> "Antony Blinken")."""
    names: dict[str, str] = {}
    for name, _, short in _office_holders():
        names.setdefault(normalise_name(name), name)
        for form in short:
            names.setdefault(normalise_name(form), name)
    return names


def full_name(name: str) -> str | None:
    """The office holder's name as the dictionary writes it, so every text's spelling of one
    person ("Ban Ki Moon", "Ban Ki-moon", "Guterres") is one node (its key folds accents); the
    text's own letters where they differ from the dictionary's by accents alone ("Antonio
    Guterres" in a wire story, "António Guterres" on the UN's pages), as annotators write it."""
    listed = _full_names().get(normalise_name(name))
    return name if listed is not None and fold_accents(listed) == name else listed

