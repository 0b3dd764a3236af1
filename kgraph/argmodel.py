"""Learned argument decisions: for a trigger word and an actor mentioned near it, is the actor
the event's agent, its target, or neither?

The hand-written rules in `roles.py` read a few dozen syntactic shapes; real government, UN and
news text has far more. Here each (trigger, candidate actor) pair is described by sparse
features (the dependency path between them, prepositions, voice, order, the actor's kind, and
what the rules decided) and two logistic regressions, trained on the annotated training
documents by `tools/train_argmodel.py`, score it as agent and as target. The weights ship as
JSON (`data/argument_model.json`), so using the model needs no machine-learning library.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from spacy.symbols import ADJ, AUX, NOUN, PRON, PROPN, VERB
from spacy.tokens import Span, Token

from .countries import country_name
from .doccache import children, span_tokens
from .model import Actor
from .names import SPEAKER_PRONOUNS
from .roles import in_step_noun, in_with_phrase, manner_verb
from .sentmodel import sentence_probability
from .triggers import prefix_negated

#: candidates are noun-phrase heads: a head token of one of these parts of speech ...
_CANDIDATE_POS = frozenset({PROPN, NOUN, PRON})  # as `Token.pos` numbers: asked of every word
#: ... that is not itself a modifier inside a longer name
_MODIFIER_DEPS = ("compound", "flat", "amod", "nmod")
_MAX_PATH = 5  # longer dependency paths are only "far"
#: the sentence model's probability is a feature in these bands (CV: four bands 0.570, these 0.575)
_SENTENCE_BANDS = (0.02, 0.05, 0.1, 0.2, 0.35, 0.5, 0.7)


@dataclass
class Candidate:
    """An actor mentioned in the trigger's sentence (or its speaker), as one model question."""

    actors: list[Actor]
    token: Token | None  # None for the sentence's speaker, who may not be named in it
    source: str  # "mention", "speaker"
    group: int = -1  # candidates joined by "and" share it: the first conjunct's token index
    features: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class RuleRoles:
    """What the rules decided for one trigger: the keys of its agents and targets."""

    fired: bool
    agents: frozenset[str]
    targets: frozenset[str]

    @property
    def settled(self) -> bool:
        """The rules found both an agent and a target. A build does not ask the model again
        there; training still learns from the question (cross-validation, issue 9.8: asked
        but not used 0.603 -> 0.605 on the stop-17 dump; not asked in training either, 0.600)."""
        return bool(self.agents and self.targets)


def actor_key(actor: Actor) -> str:
    """How an actor is compared with the annotation: its state's code, else its name."""
    return actor.country or actor.name.strip().lower()


# ----- the trigger lexicon ---------------------------------------------------------------------

@lru_cache(maxsize=1)
def _shipped_lexicon() -> dict:
    text = resources.files("kgraph").joinpath("data/trigger_lexicon.json").read_text(encoding="utf-8")
    return json.loads(text)


_lexicon_in_use: dict | None = None


def use_lexicon(lexicon: dict | None) -> None:
    """Use `lexicon` (the JSON's content) instead of the shipped one; None goes back. For
    training, where each cross-validation fold learns its own."""
    global _lexicon_in_use
    _lexicon_in_use = lexicon


def trigger_lexicon() -> dict[str, dict[str, int]]:
    """Lemma -> {action: how often it was taken for that action} (annotations and hand lists)."""
    return (_lexicon_in_use or _shipped_lexicon())["lemmas"]


def untargeted_actions() -> frozenset[str]:
    """Actions whose events often name no target ("X condemned the attack"), so the model
    keeps an agent without one."""
    return frozenset((_lexicon_in_use or _shipped_lexicon())["untargeted"])


def _lexicon_entry(token: Token) -> dict[str, int]:
    """{action: count} for the token's lemma (or its form), empty when the lexicon has neither."""
    return trigger_lexicon().get(token.lemma_.lower()) or trigger_lexicon().get(token.lower_) or {}


#: the parts of speech whose words may express an action, as the parser's numbers (`Token.pos`):
#: asked of every word of a sentence, where a comparison of strings would make one per word
_CONTENT_POS = frozenset({VERB, NOUN, ADJ, AUX})


def trigger_actions(token: Token) -> list[str]:
    """The actions a content word may express, by its lemma."""
    if token.pos not in _CONTENT_POS:
        return []
    entry = _lexicon_entry(token)
    return sorted(entry) if entry and not prefix_negated(token) else []


# ----- features ----------------------------------------------------------------------------------

def _chain(token: Token) -> list[Token]:
    """The token and its ancestors up to the root."""
    return [token, *token.ancestors]


def _path(up_trigger: list[Token], up_other: list[Token]) -> tuple[str, list[str]] | None:
    """The dependency path from the candidate up to the common ancestor and down to the trigger
    (each given as its chain to the root, `_chain`), e.g. "nsubj^" or "pobj^prep:against^dobj^"
    ... ; and the prepositions on it."""
    trigger_ids = {t.i: n for n, t in enumerate(up_trigger)}
    for n, node in enumerate(up_other):
        if node.i in trigger_ids:
            rise, fall = up_other[:n], up_trigger[:trigger_ids[node.i]]
            break
    else:
        return None
    if len(rise) + len(fall) > _MAX_PATH:
        return "far", []
    preps = [t.lower_ for t in rise + fall if t.dep_ in ("prep", "agent", "dative")]
    steps = [t.dep_ + (":" + t.lower_ if t.dep_ in ("prep", "agent") else "") + "^" for t in rise]
    steps += ["v" + t.dep_ + (":" + t.lower_ if t.dep_ in ("prep", "agent") else "") for t in reversed(fall)]
    return "".join(steps) or "self", preps


def _bucket(n: int) -> str:
    return str(n) if n < 4 else "4-7" if n < 8 else "8-15" if n < 16 else "16+"


def _passive(token: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in children(token))


@dataclass(frozen=True)
class TriggerView:
    """What the features read from one (trigger, action): read once, shared by all its candidates."""

    token: Token
    action: str
    lemma: str
    passive: bool
    chain: list[Token]
    shared: list[str]  # the features every candidate of this trigger has
    governor: str  # the feature of the word the trigger hangs from, for candidates named in the sentence
    first_person: bool = False  # the sentence says "we", "our" or "I": its speaker may be who acts


def trigger_view(trigger: Token, action: str, rules: RuleRoles, n_candidates: int, *,
                 first_person: bool = False) -> TriggerView:
    """The trigger's side of every (trigger, action, candidate) question; `first_person`: its
    sentence speaks as "we" or "I" (`speaks_in_first_person`)."""
    lemma = trigger.lemma_.lower()
    passive = _passive(trigger)
    entry = _lexicon_entry(trigger)
    count = _bucket(entry.get(action, 0))
    shared = [f"act={action}", f"lem={lemma}|{action}", f"tpos={trigger.pos_}|{action}", f"tdep={trigger.dep_}",
              f"ncand={_bucket(n_candidates)}", f"passive={passive}", f"lexn={count}", f"lexn={count}|{action}",
              f"lexshare={round(entry.get(action, 0) / max(sum(entry.values()), 1), 1)}"]
    if rules.fired:
        shared.append(f"rules-fired|{action}")
    likely = sentence_probability(trigger, action)
    if likely is not None:  # how likely the whole sentence is to report such an event
        band = next((f"<{edge:g}" for edge in _SENTENCE_BANDS if likely < edge), f">={_SENTENCE_BANDS[-1]:g}")
        shared += [f"sentp={band}", f"sentp={band}|{action}"]
    return TriggerView(trigger, action, lemma, passive, _chain(trigger), shared,
                       f"thead={trigger.head.lemma_.lower()}|{trigger.dep_}", first_person)


def speaks_in_first_person(sent: Span) -> bool:
    """Whether the sentence says "we", "our", "I" ("US" the country is a name, not "us")."""
    return any(t.pos == PRON and t.lower_ in SPEAKER_PRONOUNS for t in span_tokens(sent))


@dataclass(frozen=True)
class CandidateView:
    """What the features read from one candidate mention: read once, shared by all triggers."""

    keys: frozenset[str]
    kind: str
    country: bool
    token: Token | None
    chain: list[Token]
    dep: str = ""
    pos: str = ""
    ent: str = ""
    lemma: str | None = None  # common nouns and pronouns only: a name's lemma says nothing general
    own_prep: str | None = None  # the preposition a "pobj" hangs from
    head_i: int = -1


def candidate_view(candidate: Candidate) -> CandidateView:
    """The candidate's side of every question asked about it."""
    actor = candidate.actors[0]
    keys = frozenset(actor_key(a) for a in candidate.actors)
    token = candidate.token
    if token is None:
        return CandidateView(keys, actor.kind, bool(actor.country), None, [])
    return CandidateView(keys, actor.kind, bool(actor.country), token, _chain(token), token.dep_, token.pos_,
                         token.ent_type_, token.lemma_.lower() if token.pos_ != "PROPN" else None,
                         token.head.lower_ if token.dep_ == "pobj" else None, token.head.i)


def view_features(view: TriggerView, candidate: Candidate, seen: CandidateView, rules: RuleRoles,
                  speaker_keys: frozenset[str]) -> list[str]:
    """The sparse features of one (trigger, action, candidate) question, from the trigger's
    part (`trigger_view`, which comes first: `LinearModel.weight_sums` sums it once for all
    candidates) and the candidate's (`candidate_view`), each read once."""
    action = view.action
    feats = [*view.shared, f"kind={seen.kind}", f"kind={seen.kind}|{action}", f"src={candidate.source}",
             f"src={candidate.source}|{action}", f"country={seen.country}"]
    if speaker_keys and seen.keys & speaker_keys:
        feats += ["is-speaker", f"is-speaker|{action}", f"is-speaker|{candidate.source}"]
    for role, chosen in (("agent", rules.agents), ("target", rules.targets)):
        if seen.keys & chosen:
            feats += [f"rule-{role}", f"rule-{role}|{action}"]
    token = seen.token
    if token is None:  # the speaker or author: the one who acts mostly where the sentence says "we" (CV +0.002)
        source = candidate.source
        spoken = f"first-person={view.first_person}|{source}"
        return feats + [spoken, f"{spoken}|{action}"]
    trigger = view.token
    found = _path(view.chain, seen.chain)
    path, preps = found if found else ("none", [])
    direction = "before" if token.i < trigger.i else "after"
    distance = _bucket(abs(token.i - trigger.i))
    feats += [f"path={path}", f"path={path}|{action}", f"path={path}|{view.lemma}",
              f"path={path}|passive={view.passive}", f"dir={direction}", f"dir={direction}|{action}",
              f"dist={distance}", f"dist={distance}|{direction}", f"cdep={seen.dep}",
              f"cdep={seen.dep}|{action}", f"cpos={seen.pos}", f"ent={seen.ent}",
              f"same={token.i == trigger.i}"]
    for prep in preps[:2]:
        feats += [f"prep={prep}", f"prep={prep}|{action}", f"prep={prep}|{direction}"]
    if seen.lemma is not None:
        feats += [f"clem={seen.lemma}", f"clem={seen.lemma}|{action}"]
    feats += [view.governor, f"path={path}|kind={seen.kind}"]
    if seen.own_prep is not None:
        feats.append(f"own-prep={seen.own_prep}|{action}")
    if seen.dep == "poss":
        feats.append(f"poss-of={'trigger' if seen.head_i == trigger.i else 'other'}|{action}")
    if _in_manner_phrase(seen.chain, trigger):
        feats.append(MANNER)  # last: `LinearModel.probabilities` looks for it there
    return feats


#: the feature of a candidate named in a phrase saying how the agent acted, which is no target
MANNER = "in-manner-phrase"


def _in_manner_phrase(chain: list[Token], trigger: Token) -> bool:
    """"With the support of Australia, the United States struck targets": Australia is in a
    with-phrase of another action's noun, which says how the agent acted (as the rules read it);
    so is France in "imposed sanctions in coordination with France"."""
    manner = in_step_noun(chain[0]) if chain else None
    if manner is not None and manner.i != trigger.i:  # the partner of "coordination" is its own target
        return True
    for above in chain[1:]:
        if above.i == trigger.i:
            return False
        if ((in_with_phrase(above) or manner_verb(above) is not None) and above.pos_ == "NOUN"
                and above.lemma_.lower() in trigger_lexicon()):
            return True
    return False


def no_target_features(trigger: Token, action: str, rules: RuleRoles) -> list[str]:
    """Features of the answer "this event names no target" ("X condemned the attack")."""
    lemma = trigger.lemma_.lower()
    objects = sorted({c.dep_ for c in children(trigger) if c.dep_ in ("dobj", "prep", "dative", "pobj")})
    feats = ["none", f"none|{action}", f"none|lem={lemma}|{action}", f"none|tpos={trigger.pos_}|{action}",
             f"none|tdep={trigger.dep_}|{action}", f"none|objects={'+'.join(objects)}|{action}"]
    if rules.fired:
        feats.append(f"none|rules-{'targeted' if rules.targets else 'untargeted'}|{action}")
    return feats


#: the candidate that stands for "no target": no actors, so never an agent
NO_TARGET = Candidate(actors=[], token=None, source="none", group=-1000)


# ----- candidates ------------------------------------------------------------------------------

def sentence_candidates(sent: Span, resolve, speakers: dict[str, Actor | None]) -> list[Candidate]:
    """Every noun-phrase head of the sentence that resolves to actors, and who speaks: the
    sentence's speaker and the document's author, each also as the state they speak for
    (a statement's "we" is often its country)."""
    found: list[Candidate] = []
    for token in span_tokens(sent):
        pos = token.pos
        national = pos == ADJ and token.ent_type_ == "NORP"  # "Iranian attacks", "U.S. support"
        if not national and (pos not in _CANDIDATE_POS
                             or token.dep_ in _MODIFIER_DEPS and token.head.pos == PROPN):
            continue
        actors = resolve(token)
        if actors:
            group = min([token.i, *(c.i for c in token.conjuncts)])
            found.append(Candidate(actors=actors, token=token, source="mention", group=group))
    for source, speaker in speakers.items():
        if speaker is None:
            continue
        found.append(Candidate(actors=[speaker], token=None, source=source, group=-1 - len(found)))
        if speaker.country and speaker.kind != "COUNTRY":
            state = Actor(country_name(speaker.country), "COUNTRY", speaker.country)
            found.append(Candidate(actors=[state], token=None, source=source + "-state", group=-1 - len(found)))
    return found


# ----- the model -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class LinearModel:
    """Two logistic regressions (agent, target) over binary features, and decision thresholds."""

    weights: dict[str, dict[str, float]]  # role -> feature -> weight
    bias: dict[str, float]
    thresholds: dict[str, float]
    method: str = "union"  # how its events join the rules' (chosen by cross-validation)
    #: feature -> (agent weight, target weight): one look-up per feature when both are wanted
    joint: dict[str, tuple[float, float]] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        agent, target = self.weights["agent"], self.weights["target"]
        self.joint.update({f: (agent.get(f, 0.0), target.get(f, 0.0)) for f in {*agent, *target}})

    def weight_sums(self, features: list[str], start: int = 0,
                    prefix: tuple[float, float] = (0.0, 0.0)) -> tuple[float, float]:
        """The (agent, target) weights of `features[start:]` added, in order, to `prefix`: the
        sums of the features before `start`, which all of a trigger's candidates share."""
        agent, target = prefix
        nothing = (0.0, 0.0)
        for feature in features[start:] if start else features:
            a, t = self.joint.get(feature, nothing)
            agent += a
            target += t
        return agent, target

    def probabilities(self, features: list[str], start: int = 0,
                      prefix: tuple[float, float] = (0.0, 0.0)) -> tuple[float, float]:
        """(agent, target) probabilities of one question, as `probability` gives them; a
        candidate in a phrase of manner is no target, whatever the weights say."""
        agent, target = self.weight_sums(features, start, prefix)
        if features and features[-1] == MANNER:
            return _logistic(self.bias["agent"] + agent), 0.0
        return _logistic(self.bias["agent"] + agent), _logistic(self.bias["target"] + target)

    @classmethod
    def from_json(cls, data: dict) -> LinearModel:
        return cls(weights=data["weights"], bias=data["bias"], thresholds=data["thresholds"],
                   method=data.get("method", "union"))


def _logistic(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))


@lru_cache(maxsize=1)
def shipped_model() -> LinearModel | None:
    """The model in the package, or None when none was trained."""
    path = resources.files("kgraph").joinpath("data/argument_model.json")
    if not path.is_file():
        return None
    return LinearModel.from_json(json.loads(path.read_text(encoding="utf-8")))
