"""Short forms a document defines for itself: "the Tigray People's Liberation Front (TPLF)".

Texts spell a name out once and use its initials after that. The graph should carry one node
under the full name (the scorer, too, compares organisations by their full name), so each
document's definitions are read once and its actors' labels mapped back to the long form.
"""
from __future__ import annotations

import re

from .countries import country_code, country_name
from .model import Actor
from .names import INTERNATIONAL_ORGS, body_state

#: a bracketed short form of capitals after a word: "Long Name (LN)". The patterns that scan a
#: whole text open with what they match, the space or word boundary before it checked after it
#: ("(?<=\s\()" is "(?<=\s)\(", "[A-Z](?<!\w[A-Z])" is "\b[A-Z]"): the regular expression engine
#: then skips to the next "(" or capital instead of trying a match at every character
_SHORT_FORM = re.compile(r"\((?<=\s\()([A-Z][A-Za-z0-9&]{1,9})\)")
_WORDS_BEFORE = 10  # the long form is among the ten words before it
#: words a short form may skip ("Office of Foreign Assets Control" -> OFAC)
_SKIPPED = frozenset({"of", "the", "and", "for", "on", "in", "to", "de", "du", "des", "la", "&"})


def defined_acronyms(text: str) -> dict[str, str]:
    """{short form: long form} for each "Long Form (LF)" in `text` whose capitals spell the short
    form from the long form's initials (a person's "(Moncada)" or "(Mike)" spells nothing)."""
    found: dict[str, str] = {}
    bracketed: set[str] = set()
    for match in _SHORT_FORM.finditer(text):
        short = match.group(1)
        bracketed.add(short)
        letters = [c for c in short.upper() if c.isalnum()]
        before = text[max(0, match.start() - 40 * _WORDS_BEFORE):match.start()].split()[-_WORDS_BEFORE:]
        long = _long_form(before, letters)
        if long and short not in found:
            found[short] = long
    return found | {short: long for short, long in _initials_named(text, bracketed).items() if short not in found}


#: a name of two or more capitalised words, small words allowed between them
_NAME_RUN = re.compile(r"[A-Z](?<!\w[A-Z])[\w'’-]*(?:\s+(?:(?:of|the|and|for|on|in)\s+)*[A-Z][\w'’-]*)+")
#: a word of capitals alone, as a short form is written
_CAPITALS = re.compile(r"[A-Z](?<!\w[A-Z])[A-Z]{2,5}\b")


def _initials_named(text: str, bracketed: set[str]) -> dict[str, str]:
    """{short form: long form} for a short form the text uses without defining it ("aggressive
    actions by the CCG") whose letters are the initials of one name the text spells out ("China
    Coast Guard"), where the tables know neither the short form nor another name of those
    initials in the text. Three letters at least: "US" or "UK" spell too many names. `bracketed`:
    the short forms the text defines in brackets, which `_long_form` reads."""
    shorts = {m.group(0) for m in _CAPITALS.finditer(text)} - bracketed
    shorts = {s for s in shorts if s.lower() not in INTERNATIONAL_ORGS and not country_code(s)}
    if not shorts:
        return {}
    prefixes = {short[:n] for short in shorts for n in range(1, len(short) + 1)}
    spelt: dict[str, set[str]] = {}
    for match in _NAME_RUN.finditer(text):
        words = match.group(0).split()
        skipped = [w.lower() in _SKIPPED for w in words]
        for start in range(len(words) - 1):
            if skipped[start] or words[start].isupper() or words[start][0].upper() not in prefixes:
                continue
            initials = ""
            for end in range(start, len(words)):  # the run words[start:end + 1], while its initials may grow into a short form
                if not skipped[end]:
                    initials += words[end][0].upper()
                    if initials not in prefixes:
                        break
                if end > start and initials in shorts and not skipped[end] and not words[end].isupper():
                    spelt.setdefault(initials, set()).add(_without_possessive(" ".join(words[start:end + 1])))
    return {short: next(iter(longs)) for short, longs in spelt.items() if len(longs) == 1}


def _long_form(words: list[str], letters: list[str]) -> str | None:
    """The shortest run of capitalised words ending `words` whose initials are `letters`,
    with small words allowed in between but not at either end."""
    for start in range(len(words) - 1, -1, -1):
        run = [w for w in (w.strip(",;:") for w in words[start:]) if w]  # a lone ":" is no word
        if not run or not run[0][:1].isupper():
            continue
        initials = [w[0].upper() for w in run if w.lower() not in _SKIPPED]
        if initials == letters or _hyphen_initials(run) == letters:
            return _without_possessive(" ".join(run))
        if len(initials) > len(letters):
            return None
    return None


def _without_possessive(name: str) -> str:
    """The name without the possessive it was written with ("the Rapid Support Forces’ assault")."""
    return name.removesuffix("’s").removesuffix("'s").rstrip("’'")


def _hyphen_initials(run: list[str]) -> list[str]:
    """Initials counting each part of a hyphenated word ("Counter-Terrorism Centre" -> CTC)."""
    return [part[0].upper() for w in run if w.lower() not in _SKIPPED for part in w.split("-") if part]


def spelt_out(actor: Actor, acronyms: dict[str, str]) -> Actor:
    """`actor` under the long form of its name when the document defined its name as a short
    form: an organisation under its canonical name ("IAEA" stays), a state as the state
    ("Central African Republic (CAR)"), anything else spelt out, with the state the tables give
    its long form if it had none; countries stay as they are."""
    if actor.kind == "COUNTRY" or actor.name not in acronyms:
        return actor
    long = acronyms[actor.name]
    if long.lower() in INTERNATIONAL_ORGS:
        return Actor(INTERNATIONAL_ORGS[long.lower()], actor.kind, actor.country, actor.surface)
    code = country_code(long)
    if code:
        return Actor(country_name(code), "COUNTRY", code, actor.surface or actor.name)
    # "the Government of National Accord (GNA) ... backed the GNA": the state the tables give the long form
    state = actor.country or body_state(long)
    return Actor(long, actor.kind, state, actor.surface or actor.name)
