"""Plain data passed between the stages: reading, extraction and writing.

Nothing here knows about spaCy or RDF, so each stage can be tested on its own.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

ActorKind = Literal["PERSON", "ORG", "GROUP", "COUNTRY"]
Modality = Literal["asserted", "hypothetical", "negated"]


@dataclass(frozen=True)
class Article:
    """One input article, as read from a file, a JSON line or standard input."""

    source: str  # what names it: resolved path, URL, FILE#ID or a hash of its text (sources.py)
    text: str
    id: str | None = None
    title: str | None = None
    date: str | None = None  # ISO 8601 date (YYYY-MM-DD) when known
    url: str | None = None


@dataclass(frozen=True)
class Actor:
    """Someone who acts or is acted on, under its canonical name."""

    name: str
    kind: ActorKind
    country: str | None = None  # ISO 3166-1 alpha-3 of the state it is or acts for
    surface: str = field(default="", compare=False)  # the words that named it ("Pyongyang")

    @property
    def key(self) -> str:
        """Identity across documents: countries by code, others by normalised name."""
        if self.kind == "COUNTRY" and self.country:
            return self.country
        return normalise_name(self.name)

    @property
    def party(self) -> str:
        """Who it is a party for, when events are compared or merged: a state's people and
        bodies are the state ("Lloyd Austin" and "the Pentagon" are both USA)."""
        return self.country or self.key


@dataclass
class Event:
    """One action in one sentence, with its roles and where it was read."""

    action: str  # one of vocab.ACTIONS
    agent: Actor | None
    target: Actor | None
    modality: Modality
    trigger: str
    sentence: str
    sentence_start: int  # character offsets of the sentence in the article text
    sentence_end: int
    trigger_start: int = 0  # character offset of the trigger in the article text
    confidence: float = 0.5
    rule: str = ""  # which pattern produced it: why the edge exists
    theme: Event | None = None  # the event this one is about (consider -> considered action)
    date: str | None = None  # YYYY-MM-DD when the text or the article's date fixes the day
    reported_by: Actor | None = None  # who says so, when the event is reported speech


@dataclass
class ArticleResult:
    """What extraction found in one article."""

    article: Article
    events: list[Event] = field(default_factory=list)


@lru_cache(maxsize=8192)
def normalise_name(name: str) -> str:
    """Lower-case, drop accents and punctuation and collapse spaces: 'Yoon Suk-yeol' == 'yoon suk
    yeol', 'Lourenço' == 'lourenco' (English news writes names with and without their accents)."""
    return " ".join(_NOT_ALNUM.sub(" ", fold_accents(name.casefold())).split())


_NOT_ALNUM = re.compile(r"[\W_]")  # what str.isalnum is not: \w is alphanumeric or "_"


def straight_apostrophes(text: str) -> str:
    """`text` with its typographic apostrophes as the straight one the name tables are written
    with: "Asa’ib Ahl al-Haq", "Quai d‘Orsay", "People’s Republic"."""
    return text.replace("\u2019", "'").replace("\u2018", "'")


def fold_accents(text: str) -> str:
    """`text` without its accents: "são paulo" -> "sao paulo" (ASCII text as it is: names are
    folded often)."""
    if text.isascii():
        return text
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
