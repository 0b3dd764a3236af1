"""Cross-document identity: the same person or organisation in several articles is one actor.

Countries are one actor per ISO code already. People and organisations are keyed by their
normalised name ("Yoon Suk-yeol" == "Yoon Suk Yeol"); a person named by one word ("Yoon",
after "President") joins the one fully named person that word belongs to, whichever article
came first. Names are compared word by word, never as substrings, and a one-word name that
fits two people stays apart: wrong merges are worse than missed ones.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .model import Actor, normalise_name


@dataclass
class Merge:
    """`absorbed` (an actor key) is now the same actor as `into`."""

    absorbed: str
    into: str


@dataclass
class EntityResolver:
    actors: dict[str, Actor] = field(default_factory=dict)  # canonical key -> actor
    aliases: dict[str, str] = field(default_factory=dict)  # any key -> canonical key

    def canonical(self, actor: Actor) -> tuple[Actor, list[Merge]]:
        """The canonical actor for `actor`, and the earlier actors it absorbs."""
        key = self.aliases.get(actor.key, actor.key)
        merges: list[Merge] = []
        if key not in self.actors:
            target = self._person_for_short_name(actor) if actor.kind == "PERSON" else None
            if target is not None:
                key = target
            else:
                self.actors[key] = actor
                if actor.kind == "PERSON" and len(normalise_name(actor.name).split()) > 1:
                    merges = self._absorb_short_names(actor)
        self.aliases[actor.key] = key
        return self.actors[key], merges

    def _person_for_short_name(self, actor: Actor) -> str | None:
        words = normalise_name(actor.name).split()
        if len(words) != 1:
            return None
        matches = [key for key, known in self.actors.items()
                   if known.kind == "PERSON" and len(key.split()) > 1 and words[0] in key.split()
                   and _compatible(known, actor)]
        return matches[0] if len(matches) == 1 else None

    def _absorb_short_names(self, person: Actor) -> list[Merge]:
        words = set(normalise_name(person.name).split())
        merges = []
        for key, known in list(self.actors.items()):
            if (known.kind != "PERSON" or " " in key or key not in words or key == person.key
                    or not _compatible(known, person)):
                continue
            rivals = [k for k, other in self.actors.items() if other.kind == "PERSON" and " " in k
                      and key in k.split() and k != person.key]
            if rivals:
                continue  # "Kim" fits several people: keep it apart
            del self.actors[key]
            for alias, target in self.aliases.items():
                if target == key:
                    self.aliases[alias] = person.key
            merges.append(Merge(absorbed=key, into=person.key))
        return merges


def _compatible(a: Actor, b: Actor) -> bool:
    return a.country is None or b.country is None or a.country == b.country
