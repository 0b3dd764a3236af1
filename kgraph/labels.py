"""Actor labels a person would accept: the name, without the words around it.

Noun phrases come with quantities ("up to 12,000 North Korean soldiers"), possessives ("his
Greek counterpart"), stray quotation marks and wire datelines ("ANKARA, September 5 — The
Turkish foreign minister"). Graph nodes carry the label users read in Gephi and in query
results, and the scorer compares labels of actors without a country, so they are tidied once,
before the events are written. The word lists are data (`data/label_words.json`).
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from .acronyms import spelt_out
from .model import Actor

_DATELINE = re.compile(r"^[A-Z][A-Z .'-]+,[^—–-]*[—–-]+\s*")
_NUMBER = re.compile(r"^[\d.,]+(%|-strong)?$")  # "12,000", "40%", "500-strong"
_POSSESSIVE = re.compile(r"(?<=\w)['’]s$")  # "the President's visit": the possessor is "President"


def without_possessive(phrase: str) -> str:
    """`phrase` without a trailing possessive 's ("UN Secretary-General's" -> "UN Secretary-General")."""
    return _POSSESSIVE.sub("", phrase) if phrase.endswith(("'s", "’s")) else phrase  # the test first: asked per noun


@lru_cache(maxsize=1)
def _words() -> dict:
    text = resources.files("kgraph").joinpath("data/label_words.json").read_text(encoding="utf-8")
    data = json.loads(text)
    return {"leading": frozenset(data["leading"]), "trailing": frozenset(data["trailing"]),
            "quotes": data["quotes"]}


def tidy_label(name: str) -> str:
    """`name` without a dateline, quotes, unclosed brackets, leading quantities and possessives,
    trailing particles and a trailing possessive 's; the name itself when nothing would be left."""
    words = _words()
    text = _DATELINE.sub("", name.strip())
    text = text.strip(words["quotes"] + " ,;:")
    if text.count("(") > text.count(")"):
        text = text[:text.rfind("(")]
    if text.count(")") > text.count("("):
        text = text.replace(")", "")
    tokens = text.split()
    tokens = _without_leading(tokens, words["leading"])
    if len(tokens) > 2 and _POSSESSIVE.search(tokens[0]):  # "Ethiopia's up to 10,000 troops"
        tokens = tokens[:1] + _without_leading(tokens[1:], words["leading"])
    while len(tokens) > 1 and tokens[-1].lower() in words["trailing"]:
        tokens.pop()
    tidied = _POSSESSIVE.sub("", " ".join(tokens)).strip(words["quotes"] + " ,;:")
    return tidied or name.strip()


def _without_leading(tokens: list[str], leading: frozenset[str]) -> list[str]:
    """`tokens` without the quantities and determiners before the name; the last one stays."""
    start = 0
    while len(tokens) - start > 1 and (tokens[start].lower() in leading or _NUMBER.match(tokens[start])):
        start += 1
    return tokens[start:]


def tidy_actor(actor: Actor, acronyms: dict[str, str] | None = None) -> Actor:
    """The actor under its tidied label (countries keep their canonical name), with a short
    form its document defined spelt out (`acronyms.defined_acronyms`)."""
    if actor.kind == "COUNTRY":
        return actor
    label = tidy_label(actor.name)
    tidied = actor if label == actor.name else Actor(label, actor.kind, actor.country, actor.surface)
    return spelt_out(tidied, acronyms) if acronyms else tidied
