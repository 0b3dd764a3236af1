"""Cross-document identity: the same person or organisation in several articles is one actor.

Countries are one actor per ISO code already. People and organisations are keyed by their
normalised name ("Yoon Suk-yeol" == "Yoon Suk Yeol"); a person named by one word ("Yoon",
after "President") joins the one fully named person that word belongs to, whichever article
came first. Names are compared word by word, never as substrings, and a one-word name that
fits two people stays apart: wrong merges are worse than missed ones.

`resolve_article` settles who is who in one article before anything is written: the RDF writer
(`rdf.article_rdf`) is given the resolved actors and the merges, and decides nothing itself.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from .actions import ACTIONS
from .countries import country_name
from .model import Actor, Article, ArticleResult, Event, normalise_name


@dataclass
class Merge:
    """`absorbed` (an actor key) is now the same actor as `into`."""

    absorbed: str
    into: str


def identity_key(actor: Actor) -> str:
    """Who an actor is across articles: its key, and for a description with a state the state
    too. "President" or "forces" of one article is not another's: under one key the store gave
    the United States' forces of one article Israel's state, read in another."""
    if actor.kind == "COUNTRY" or not actor.country:
        return actor.key
    from .names import is_description  # the name tables load with extraction, not with every query

    return f"{actor.key} {actor.country.lower()}" if is_description(actor.name) else actor.key


@dataclass
class EntityResolver:
    actors: dict[str, Actor] = field(default_factory=dict)  # canonical key -> actor
    aliases: dict[str, str] = field(default_factory=dict)  # any key -> canonical key

    def canonical(self, actor: Actor) -> tuple[Actor, list[Merge]]:
        """The canonical actor for `actor`, and the earlier actors it absorbs."""
        own = identity_key(actor)
        key = self.aliases.get(own, own)
        merges: list[Merge] = []
        if key not in self.actors:
            target = self._person_for_short_name(actor) if actor.kind == "PERSON" else None
            if target is not None:
                key = target
            else:
                self.actors[key] = actor
                if actor.kind == "PERSON" and len(normalise_name(actor.name).split()) > 1:
                    merges = self._absorb_short_names(actor)
        self.aliases[own] = key
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


@dataclass(frozen=True)
class ResolvedEvent:
    """An event as extracted, and the actor each of its roles names: the canonical actor known
    when the text reached it, with this mention's words as `surface` (another name for it).

    `event` keeps the actors as extracted, since the event's IRI and label are made from them:
    an event keeps its IRI when identity changes."""

    event: Event
    agent: Actor | None
    target: Actor | None
    reported_by: Actor | None


@dataclass(frozen=True)
class ResolvedArticle:
    """One article's events with their actors resolved, and the merges the resolution made.

    A merge joins an actor met earlier in the text ("President Yoon") to one met later ("Yoon
    Suk Yeol"): events before the full name hold the one-word actor, and the writer folds the
    merge in, so the absorbed actor's names stay as the full one's other names."""

    article: Article
    events: list[ResolvedEvent]
    merges: list[Merge]


def resolve_article(result: ArticleResult, resolver: EntityResolver) -> ResolvedArticle:
    """The actors of `result`'s events as `resolver` sees them in the order of the text (a
    one-word name met before the full one is its own actor until then), and the merges made
    on the way, returned for the writer to fold in rather than found by it."""
    merges: list[Merge] = []

    def resolve(mention: Actor | None) -> Actor | None:
        if mention is None:
            return None
        actor, made = resolver.canonical(mention)
        merges.extend(made)
        if actor.country and actor.kind != "COUNTRY":
            # the state it acts for is an actor of the graph too: seen now, as the writer writes it
            resolve(Actor(country_name(actor.country), "COUNTRY", actor.country))
        return replace(actor, surface=mention.surface)

    # a theme is named by its IRI only; its actors are resolved where it is an event of the list
    events = [ResolvedEvent(event, resolve(event.agent), resolve(event.target), resolve(event.reported_by))
              for event in result.events]
    themes = {id(e.theme) for e in result.events if e.theme is not None}
    return ResolvedArticle(result.article, [e for e in events if id(e.event) in themes or not _acts_on_itself(e)],
                           merges)


def _acts_on_itself(event: ResolvedEvent) -> bool:
    """Whether identity made an event's agent its own target where the action cannot be
    reflexive: "Austin", of no state in one article, is the United States' Secretary Austin
    met in another, so "the United States and Austin cooperate" is the United States alone."""
    agent, target = event.agent, event.target
    if agent is None or target is None or ACTIONS[event.event.action].reflexive:
        return False
    return agent.party == target.party
