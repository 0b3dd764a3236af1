"""What a document's earlier sentences named, kept for coreference: the resolver
(`actors.py`) writes it, the common-noun rules and the extractor read it ("the official",
"they", "the two countries", "this launch").
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .model import Actor


#: how many sentences on "the leaders" still means those who just met
MEETING_SENTENCES = 4
#: how many sentences on "this" or "the launch" still means what was just condemned
JUDGEMENT_SENTENCES = 2


@dataclass
class Memory:
    """What earlier sentences named, for coreference."""

    persons: dict[str, Actor] = field(default_factory=dict)  # name part -> person
    last_person: Actor | None = None
    person_before_sentence: Actor | None = None  # `last_person` as the current sentence began
    last_group: list[Actor] = field(default_factory=list)  # last subject list
    last_thing: Actor | None = None  # last country or organisation
    last_organisation: Actor | None = None  # the last organisation of no state a subject named: "the bloc"
    thing_before_sentence: Actor | None = None  # `last_thing` as the current sentence began
    last_country: Actor | None = None  # the last state named, for "the country"
    country_before_sentence: Actor | None = None  # `last_country` as the current sentence began
    by_head: dict[str, Actor] = field(default_factory=dict)  # "official" -> actor
    title_holders: dict[str, list[Actor]] = field(default_factory=dict)  # "minister" -> every person so titled
    office_holders: dict[str, Actor] = field(default_factory=dict)  # "UN Secretary-General" -> the person named so
    plural_by_head: dict[str, list[Actor]] = field(default_factory=dict)  # "official" -> "X and Y officials"
    organisation_people: dict[str, list[Actor]] = field(default_factory=dict)  # "ministers" -> "G7 Ministers"'s G7
    speaker: Actor | None = None  # the speaker of the current quotation
    groups: dict[int, tuple[Actor, ...]] = field(default_factory=dict)  # size -> last parties named together
    last_parties: tuple[Actor, ...] = ()  # the latest two to five parties a sentence named
    sides: tuple[Actor, ...] = ()  # the latest two named as the sides of a fight or talks ("between X and Y")
    meeting: tuple[Actor, ...] = ()  # who took part in the latest meetings, calls and talks
    meeting_age: int = 0  # sentences since `meeting` last grew
    event_agents: dict[str, list[list[Actor]]] = field(default_factory=dict)  # action -> agents, latest last
    doers: dict[str, list[Actor]] = field(default_factory=dict)  # verb or noun lemma -> its last doer
    recent_acts: list[tuple[str, list[Actor]]] = field(default_factory=list)  # (action, agents) of events, latest last
    first_doers_to: dict[tuple[str, str], Actor] = field(default_factory=dict)  # (action, target) -> its first agent
    judged: list[Actor] = field(default_factory=list)  # the latest condemned or accused: "This constitutes a violation"
    judged_thing: str = ""  # the lemma of what they were condemned for ("launch")
    judged_age: int = 0  # sentences since then
    in_quote: bool = False  # a quotation is open at the start of the current sentence
    addressee: Actor | None = None  # the one last spoken to by name ("Minister Trujillo, ..."), whom "you" stands for
    addressee_turn: Actor | None = None  # who had the floor then: in a transcript, "you" is theirs alone

    def remember_agents(self, action: str, agents: list[Actor]) -> None:
        """Who did the latest event of `action`, and the latest of any, for "We condemn these
        attacks" and "this act" later; remembered whether or not the event names a target."""
        self.event_agents.setdefault(action, []).append(agents)
        self.recent_acts.append((action, agents))

    def remember_targets(self, action: str, agents: list[Actor], targets: list[Actor]) -> None:
        """Who first did `action` to each target, for the target's own event of it with no target
        later ("Russia attacked Ukraine ... Ukrainians are fighting bravely": against Russia)."""
        for target in targets:
            for agent in agents[:1]:
                self.first_doers_to.setdefault((action, target.party), agent)

    def first_doers_of(self, action: str, to: list[Actor]) -> list[Actor]:
        """The first to do `action` to any of `to`, as `remember_targets` kept them."""
        found = (self.first_doers_to.get((action, actor.party)) for actor in to)
        return list({a.key: a for a in found if a is not None}.values())

    def remember_judgement(self, targets: list[Actor], thing: str) -> None:
        """Who was just condemned or accused, and for what, for "This (The launch) constitutes a
        violation" in the next sentences."""
        self.judged, self.judged_thing, self.judged_age = targets, thing, 0

    def recent_judgement(self, thing: str | None) -> list[Actor]:
        """Those judged in the last few sentences, if `thing` ("launch"; None for "this", which
        points at whatever it was) names what they were judged for."""
        if self.judged_age > JUDGEMENT_SENTENCES:
            return []
        return self.judged if thing is None or thing == self.judged_thing else []

    def remember_meeting(self, participants: list[Actor]) -> None:
        """The parties of a meeting, call or talks a sentence reports, joined to those of the meetings just
        before when one party took part in both ("Austin spoke with Kishi ... the call he had with Suh")."""
        new = {a.party: a for a in participants}
        if len(new) < 2:
            return
        earlier = {a.party: a for a in self.recent_meeting()}
        joined = {**earlier, **new} if earlier.keys() & new.keys() else new
        self.meeting, self.meeting_age = tuple(joined.values()), 0

    def recent_meeting(self) -> tuple[Actor, ...]:
        """The parties of the meetings reported in the last few sentences, if any."""
        return self.meeting if self.meeting_age <= MEETING_SENTENCES else ()

    def meeting_named_again(self) -> tuple[Actor, ...]:
        """The parties of the recent meeting, named again ("Both leaders ...", "The leaders ..."):
        a readout that keeps speaking of them keeps them recent."""
        found = self.recent_meeting()
        if found:
            self.meeting_age = 0
        return found
