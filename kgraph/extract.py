"""Find events in a parsed article: trigger words, their agent and target, and modality.

Roles come from the dependency parse. Each rule that can produce an event has a name, written
to the graph as `kg:extractedBy`, so a user can ask why an edge exists.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from .actors import DocumentActors
from .lexicon import (
    ADJECTIVE_TRIGGERS, FORCE_NOUNS, HYPOTHETICAL_GOVERNORS, HYPOTHETICAL_NOUNS, LIGHT_VERBS,
    MATERIEL_NOUNS, MODAL_AUXILIARIES, NEGATING_GOVERNORS, NOUN_TRIGGERS, OBJECT_DEPENDENT,
    REAL_MODALS, VERB_TRIGGERS,
)
from .model import Actor, Article, ArticleResult, Event

# Which prepositions introduce the target, per action.
TARGET_PREPOSITIONS: dict[str, tuple[str, ...]] = {
    "deploy": ("to", "into", "in", "alongside"),
    "supply": ("to", "for"),
    "condemn": (),
    "consider": (),
    "warn": ("against",),
    "demand": ("on", "upon", "from", "of"),
    "support": ("for", "to", "with", "behind"),
    "fight": ("against", "on", "with", "of", "in"),
    "sanction": ("on", "against", "to"),
    "accuse": ("against",),
    "cooperate": ("with", "between", "among"),
    "consult": ("with", "to", "between"),
}
NOUN_AGENT_PREPOSITIONS = ("by", "from")
SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
CLAUSE_LINKS = ("xcomp", "ccomp", "advcl", "conj", "pcomp", "acl", "relcl", "prep", "pobj",
                "dobj", "attr", "oprd")


@dataclass(frozen=True)
class Trigger:
    token: Token
    action: str
    rule: str


def extract_events(doc: Doc, article: Article) -> ArticleResult:
    """All events of one parsed article."""
    actors = DocumentActors(doc, article.title)
    result = ArticleResult(article=article)
    for sent in doc.sents:
        actors.start_sentence(sent)
        for trigger in find_triggers(sent):
            result.events.extend(_events_for(trigger, sent, actors, article))
        actors.end_sentence(sent)
    _link_themes(result.events)
    result.events = _deduplicate(result.events)
    for event in result.events:
        for actor in (event.agent, event.target):
            if actor is not None:
                actors.note(actor)
    result.mentions = dict(actors.mentions)
    return result


def find_triggers(sent: Span) -> Iterator[Trigger]:
    """Tokens that name one of the 12 actions here (with false friends filtered out)."""
    for token in sent:
        lemma = token.lemma_.lower()
        if token.pos_ in ("VERB", "AUX") or (token.pos_ == "NOUN" and token.tag_.startswith("VB")):
            action = _verb_action(token, lemma)
            if action and not _is_judgement_consider(token, action):
                yield Trigger(token, action, "verb")
        elif token.pos_ in ("NOUN", "PROPN"):
            action = NOUN_TRIGGERS.get(lemma) or NOUN_TRIGGERS.get(token.lower_)
            if action and _noun_is_event(token, action):
                yield Trigger(token, action, "noun")
        elif token.pos_ == "ADJ" and lemma in ADJECTIVE_TRIGGERS:
            yield Trigger(token, ADJECTIVE_TRIGGERS[lemma], "adjective")
        if lemma == "stand" and any(c.dep_ == "prep" and c.lower_ in ("with", "behind", "by")
                                    for c in token.children):
            yield Trigger(token, "support", "stand-with")
        if lemma == "call" and any(c.dep_ == "prep" and c.lower_ in ("on", "upon", "for")
                                   for c in token.children):
            yield Trigger(token, "demand", "call-on")
        if lemma == "take" and any(c.lower_ == "exception" for c in token.children):
            yield Trigger(token, "condemn", "take-exception")


def _verb_action(token: Token, lemma: str) -> str | None:
    if lemma in OBJECT_DEPENDENT:
        kind = _object_kind(token)
        if kind:
            return kind
        return OBJECT_DEPENDENT[lemma]
    if lemma in ("call", "stand", "take"):
        return None
    action = VERB_TRIGGERS.get(lemma)
    if action == "supply" and _object_kind(token) == "deploy":
        return "deploy"
    if action == "consult" and lemma == "travel" and not _has_prep(token, ("to",)):
        return None
    if lemma == "strike" and any(c.lower_ in ("deal", "agreement", "balance") for c in token.children):
        return None
    return action


def _object_kind(token: Token) -> str | None:
    """'deploy' when the verb moves forces, 'supply' when it moves things."""
    for child in token.children:
        if child.dep_ in ("dobj", "nsubjpass", "dative") or (child.dep_ == "prep" and child.lower_ == "with"):
            heads = [child] if child.dep_ != "prep" else [g for g in child.children if g.dep_ == "pobj"]
            for head in heads:
                word = head.lower_
                if word in ("number", "thousands", "hundreds", "some", "more", "up", "dozens"):
                    inner = [g for g in head.subtree if g.lower_ in FORCE_NOUNS | MATERIEL_NOUNS]
                    word = inner[0].lower_ if inner else word
                if word in FORCE_NOUNS:
                    return "deploy"
                if word in MATERIEL_NOUNS:
                    return "supply"
    if token.dep_ == "relcl" or token.dep_ == "acl":
        if token.head.lower_ in FORCE_NOUNS:
            return "deploy"
        if token.head.lower_ in MATERIEL_NOUNS:
            return "supply"
    return None


def _is_judgement_consider(token: Token, action: str) -> bool:
    """'is considered one of the best' judges; it does not consider an option."""
    if action != "consider":
        return False
    if token.tag_ == "VBN" and any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children):
        return True
    return any(c.dep_ in ("oprd", "attr", "acomp") for c in token.children)


def _noun_is_event(token: Token, action: str) -> bool:
    lower = token.lower_
    if action == "supply" and lower in ("supply", "supplies") and token.dep_ == "compound":
        return False
    if action == "warn" and lower == "threat":
        return False  # "a threat to peace" describes, it does not warn anyone
    if action == "support" and lower == "commitment":
        return _has_prep(token, ("to",))
    if action == "cooperate" and lower == "ties":
        return any(c.lemma_ in ("security", "military", "economic", "diplomatic") for c in token.children)
    if action == "consult" and lower in ("meeting", "meetings"):
        return _has_prep(token, ("with", "between"))
    if action == "demand" and lower in ("call", "calls", "request", "demand"):
        return _has_prep(token, ("for", "on", "from"))
    if action == "supply" and lower in ("aid", "assistance"):
        return True
    return True


def _has_prep(token: Token, words: tuple[str, ...]) -> bool:
    return any(c.dep_ in ("prep", "agent") and c.lower_ in words for c in token.children)


# ----- roles ----------------------------------------------------------------------------------

def _events_for(trigger: Trigger, sent: Span, actors: DocumentActors, article: Article) -> list[Event]:
    token = trigger.token
    if token.pos_ in ("NOUN", "PROPN"):
        agent_heads, rule = _noun_agents(token, trigger.action)
    else:
        agent_heads, rule = _verb_agents(token)
    target_heads = _targets(token, trigger.action)
    agents = [a for h in agent_heads for a in actors.resolve(h)]
    targets = [a for h in target_heads for a in actors.resolve(h)]
    if trigger.action == "cooperate" and not agents and len(targets) >= 2:
        agents, targets = targets[:1], targets[1:]
    if trigger.action == "supply" and token.lemma_ in ("procure", "procurement"):
        agents, targets = _reverse_procurement(token, actors), agents
    if trigger.action == "consider":
        targets = []
    if not agents:
        return []
    agents = [a for a in agents]
    targets = [t for t in targets if t not in agents] or ([] if targets else [])
    modality = modality_of(token)
    confidence = 0.8 if trigger.rule == "verb" else 0.6
    if not targets and trigger.action not in ("consider", "warn", "support", "deploy", "consult"):
        confidence -= 0.2
    events = []
    for agent in agents:
        for target in targets or [None]:
            events.append(Event(
                action=trigger.action, agent=agent, target=target, modality=modality,
                trigger=token.text, sentence=sent.text.strip(),
                sentence_start=sent.start_char, sentence_end=sent.end_char,
                trigger_start=token.idx, confidence=round(confidence, 2),
                rule=f"{trigger.rule}:{rule}",
            ))
    return events


def _verb_agents(token: Token) -> tuple[list[Token], str]:
    """Subject, passive by-agent, or the subject inherited from a governing clause."""
    for child in token.children:
        if child.dep_ == "agent":
            pobjs = [g for g in child.children if g.dep_ == "pobj"]
            if pobjs:
                return pobjs, "passive-agent"
    subjects = [c for c in token.children if c.dep_ == "nsubj"]
    if subjects:
        return subjects, "subject"
    if any(c.dep_ == "nsubjpass" for c in token.children):
        return [], "passive-no-agent"
    current = token
    for _ in range(4):
        head = current.head
        if head is current:
            break
        dep = current.dep_
        if dep in ("relcl",) and head.pos_ in ("NOUN", "PROPN"):
            return [head], "relative-clause"
        if dep == "acl" and head.pos_ in ("NOUN", "PROPN"):
            possessor = [c for c in head.children if c.dep_ == "poss"]
            if possessor:
                return possessor, "noun-possessor"
            if head.dep_ in ("dobj", "pobj") and head.head.pos_ in ("VERB", "NOUN"):
                current = head.head
                subjects = [c for c in current.children if c.dep_ == "nsubj"]
                if subjects:
                    return subjects, "governing-subject"
                continue
            return [], "none"
        if dep == "pcomp" and head.dep_ == "prep" and head.lower_ == "for":
            governor = head.head
            objects = [c for c in governor.children if c.dep_ == "dobj"]
            if objects:
                return objects, "for-object"  # "condemns X for deploying"
        if dep in ("xcomp", "conj", "advcl", "pcomp", "ccomp", "prep", "pobj", "dep"):
            subjects = [c for c in head.children if c.dep_ == "nsubj"]
            agents = [c for g in head.children if g.dep_ == "agent" for c in g.children if c.dep_ == "pobj"]
            if agents:
                return agents, "governing-agent"
            if subjects:
                return subjects, "governing-subject"
            if head.pos_ in ("NOUN", "PROPN"):
                possessor = [c for c in head.children if c.dep_ == "poss"]
                if possessor:
                    return possessor, "noun-possessor"
        current = head
    return [], "none"


def _noun_agents(token: Token, action: str) -> tuple[list[Token], str]:
    """Possessor, 'by'-phrase, national adjective, or the subject of a light verb."""
    for child in token.children:
        if child.dep_ == "poss":
            return [child], "possessor"
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in NOUN_AGENT_PREPOSITIONS:
            pobjs = [g for g in child.children if g.dep_ == "pobj"]
            if pobjs and action != "supply" or child.lower_ == "by":
                return pobjs, f"noun-{child.lower_}"
    for child in token.children:
        if child.dep_ in ("amod", "compound", "nmod") and (child.ent_type_ in ("NORP", "GPE", "ORG")):
            return [child], "national-modifier"
        if child.dep_ == "compound" and child.lower_ in FORCE_NOUNS:
            for grand in child.children:
                if grand.ent_type_ in ("NORP", "GPE") or grand.dep_ == "poss":
                    return [grand], "national-modifier"
    # "the deployment of North Korean troops": the troops' state deploys them
    if action in ("deploy", "fight"):
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and pobj.lower_ in FORCE_NOUNS:
                        return [pobj], "of-forces"
    head = token.head
    if token.dep_ in ("dobj", "nsubjpass", "attr") and head.lemma_ in LIGHT_VERBS | set(VERB_TRIGGERS):
        return _verb_agents(head)[0], "light-verb"
    if token.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ == "VERB" and head.head.lemma_ in LIGHT_VERBS:
        return _verb_agents(head.head)[0], "light-verb"
    return [], "none"


def _targets(token: Token, action: str) -> list[Token]:
    """Object, dative, or the preposition the action takes ('to', 'against', 'with'...)."""
    found: list[Token] = []
    children = list(token.children)
    if token.pos_ in ("VERB", "AUX", "ADJ"):
        datives = [c for c in children if c.dep_ == "dative"]
        objects = [c for c in children if c.dep_ == "dobj"]
        if action in ("deploy", "supply"):
            found += [g for d in datives for g in ([d] if d.pos_ != "ADP" else d.children)]
            with_prep = any(c.dep_ == "prep" and c.lower_ == "with" for c in children)
            if with_prep:
                found += objects  # "supplying them with weapons"
        elif action not in ("consider",):
            found += objects
    for child in children:
        if child.dep_ in ("prep", "dative") and child.lower_ in TARGET_PREPOSITIONS.get(action, ()):
            found += [g for g in child.children if g.dep_ == "pobj"]
    if action in ("deploy", "supply", "consult") and not found:
        for child in children:
            if child.dep_ == "advmod" and child.lower_ in ("there", "here"):
                continue
            if child.dep_ == "xcomp" and child.lemma_ == "fight":  # "sent to fight alongside X"
                found += [g for p in child.children if p.dep_ == "prep" and p.lower_ in ("alongside", "for", "with")
                          for g in p.children if g.dep_ == "pobj"]
    if action == "demand" and not found:
        for child in children:
            if child.dep_ in ("ccomp", "xcomp"):
                found += [g for g in child.children if g.dep_ == "nsubj"]
            if child.dep_ == "dobj":
                found += _owner_of(child)
    if action in ("fight", "condemn") and not found and token.pos_ == "NOUN":
        found += [c for c in children if c.dep_ in ("compound",) and c.ent_type_ in ("GPE",)]
    return found


def _owner_of(token: Token) -> list[Token]:
    """'the withdrawal of North Korean troops' -> the troops, whose state is asked to act."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            return [g for g in child.children if g.dep_ == "pobj"]
    return []


def _reverse_procurement(token: Token, actors: DocumentActors) -> list[Actor]:
    """'procurement of arms from the DPRK': the seller supplies the buyer."""
    for prep in token.subtree:
        if prep.dep_ == "prep" and prep.lower_ == "from":
            return [a for g in prep.children if g.dep_ == "pobj" for a in actors.resolve(g)]
    return []


# ----- modality -------------------------------------------------------------------------------

def modality_of(token: Token) -> str:
    """'negated' under negation, 'hypothetical' under modals, plans, conditions and proposals."""
    chain = [token]
    current = token
    while current.head is not current and len(chain) < 6:
        if current.dep_ in ("ccomp", "parataxis") and current.head.lemma_ in ("say", "tell", "report", "add"):
            break
        if current.dep_ in ("relcl",):
            break
        current = current.head
        chain.append(current)
    first = chain[0]
    for tok in [first] + ([first.head] if first.dep_ in ("xcomp", "conj") else []):
        for child in tok.children:
            if child.dep_ == "neg" or child.lower_ in ("never", "not", "n't", "no"):
                if child.dep_ in ("neg", "det", "advmod"):
                    return "negated"
    for tok in chain:
        for child in tok.children:
            if child.dep_ == "aux" and child.lower_ in MODAL_AUXILIARIES and child.lower_ not in REAL_MODALS:
                return "hypothetical"
            if child.dep_ == "mark" and child.lower_ in ("if", "unless", "whether"):
                return "hypothetical"
        if tok is not first and tok.lemma_.lower() in NEGATING_GOVERNORS:
            return "negated"
        if tok is not first and tok.lemma_.lower() in HYPOTHETICAL_GOVERNORS:
            return "hypothetical"
        if tok is not first and tok.lower_ in HYPOTHETICAL_NOUNS:
            return "hypothetical"
    return "asserted"


def _link_themes(events: list[Event]) -> None:
    """A consider event is about the hypothetical events in its sentence that follow it."""
    for event in events:
        if event.action != "consider":
            continue
        for other in events:
            if (other is not event and other.sentence_start == event.sentence_start
                    and other.trigger_start > event.trigger_start and other.modality == "hypothetical"):
                event.theme = other
                break


def _deduplicate(events: list[Event]) -> list[Event]:
    seen: set[tuple] = set()
    unique = []
    for event in events:
        key = (event.action, event.agent, event.target, event.trigger_start)
        if key not in seen:
            seen.add(key)
            unique.append(event)
    return unique
