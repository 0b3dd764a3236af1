"""Find events in a parsed article: trigger words, their agent and target, and modality.

Roles come from the dependency parse. Each rule that can produce an event has a name, written
to the graph as `kg:extractedBy`, so a user can ask why an edge exists.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from .actors import DocumentActors
from .dates import event_day, iso_date
from .lexicon import (
    SAY_VERBS, TEMPORAL_MARKS,
    ADJECTIVE_TRIGGERS, FORCE_NOUNS, JUDGEMENT_PREDICATES, LAW_WORDS, HYPOTHETICAL_GOVERNORS, HYPOTHETICAL_NOUNS, LIGHT_VERBS,
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
    "fight": ("against", "on", "with", "of", "at", "into"),
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
    base = iso_date(article.date)
    for sent in doc.sents:
        actors.start_sentence(sent)
        day = event_day(_date_expressions(sent), base)
        for trigger in find_triggers(sent):
            found = _events_for(trigger, sent, actors, article)
            reporter = _reporter(trigger.token, actors)
            for event in found:
                event.date = day.isoformat() if day else None
                if reporter is not None and reporter != event.agent:
                    event.reported_by = reporter
            result.events.extend(found)
            if found:
                actors.memory.event_agents[trigger.action] = list(dict.fromkeys(
                    e.agent for e in found if e.agent))
        actors.end_sentence(sent)
    _link_themes(result.events)
    result.events = _drop_back_references(_deduplicate(result.events))
    for event in result.events:
        for actor in (event.agent, event.target):
            if actor is not None:
                actors.note(actor)
    result.mentions = dict(actors.mentions)
    return result


def _reporter(token: Token, actors: DocumentActors) -> Actor | None:
    """Who says so: the subject of a 'say' verb governing the trigger ("X said that Y ..."),
    the source of "according to X", or the speaker of the quotation the trigger is in."""
    current = token
    while current.head.i != current.i:
        head = current.head
        if current.dep_ in ("ccomp", "parataxis", "advcl", "xcomp") and head.lemma_ in SAY_VERBS and head.pos_ == "VERB":
            subjects = [c for c in head.children if c.dep_ == "nsubj"]
            found = [a for s in subjects for a in actors.resolve(s, expand=False, remember=False)]
            return found[0] if found else None
        current = head
    for prep in actors.sentence_of(token):
        if prep.lower_ == "according" and prep.i + 1 < len(token.doc) and token.doc[prep.i + 1].lower_ == "to":
            found = [a for g in token.doc[prep.i + 1].children if g.dep_ == "pobj"
                     for a in actors.resolve(g, remember=False)]
            if found:
                return found[0]
    speakers = actors.speaker_of(token) if actors.memory.in_quote or actors.in_quote(token) else []
    return speakers[0] if speakers else None


def _date_expressions(sent: Span) -> list[str]:
    """The DATE entities of a sentence, in order ("on Tuesday", "October 7")."""
    return [ent.text for ent in sent.ents if ent.label_ == "DATE"]


def find_triggers(sent: Span) -> Iterator[Trigger]:
    """Tokens that name one of the 12 actions here (with false friends filtered out)."""
    for token in sent:
        lemma = token.lemma_.lower()
        if token.pos_ in ("VERB", "AUX") or (token.pos_ == "NOUN" and token.tag_.startswith("VB")):
            for action in _verb_actions(token, lemma):
                if not _is_judgement_consider(token, action) and not _is_courtesy(token, action):
                    yield Trigger(token, action, "verb")
        elif token.pos_ in ("NOUN", "PROPN"):
            action = NOUN_TRIGGERS.get(lemma) or NOUN_TRIGGERS.get(token.lower_)
            if action and _noun_is_event(token, action):
                yield Trigger(token, action, "noun")
        elif token.pos_ == "ADJ" and lemma in ADJECTIVE_TRIGGERS:
            yield Trigger(token, ADJECTIVE_TRIGGERS[lemma], "adjective")
        elif token.pos_ == "ADJ" and lemma in JUDGEMENT_PREDICATES and token.dep_ == "acomp":
            if lemma != "inconsistent" or any(g.lemma_.lower() in LAW_WORDS for g in token.subtree):
                yield Trigger(token, JUDGEMENT_PREDICATES[lemma], "judgement")
        if lemma == "stand" and any(c.dep_ == "prep" and c.lower_ in ("with", "behind", "by")
                                    for c in token.children):
            yield Trigger(token, "support", "stand-with")
        if lemma == "call" and any(c.dep_ == "prep" and c.lower_ in ("on", "upon", "for")
                                   and c.i > token.i for c in token.children):
            yield Trigger(token, "demand", "call-on")
        if lemma in ("speak", "talk", "phone", "telephone") and token.pos_ == "VERB" and _has_prep(token, ("with",)):
            yield Trigger(token, "consult", "talk-with")  # "spoke with President Ruto"
        if lemma in ("fire", "launch") and token.pos_ == "VERB" and _has_prep(token, ("at", "on", "into", "against")):
            yield Trigger(token, "fight", "fire-at")  # "fired missiles at ships"
        if lemma == "take" and any(c.lower_ == "exception" for c in token.children):
            yield Trigger(token, "condemn", "take-exception")


def _verb_actions(token: Token, lemma: str) -> list[str]:
    """Actions a verb names; "send arms and personnel" names both supply and deploy."""
    if lemma in OBJECT_DEPENDENT:
        kinds = _object_kinds(token)
        if kinds:
            return kinds
        return [OBJECT_DEPENDENT[lemma]] if OBJECT_DEPENDENT[lemma] else []
    if lemma in ("call", "stand", "take"):
        return []
    action = VERB_TRIGGERS.get(lemma)
    if action is None:
        return []
    if action == "supply":
        kinds = _object_kinds(token)
        return kinds or [action]
    if action == "consult" and lemma in ("travel",) and not _has_prep(token, ("to",)):
        return []
    if action == "consult" and lemma in ("meet", "host", "receive") and not _object_heads(token):
        return []
    if lemma == "strike" and any(c.lower_ in ("deal", "agreement", "balance") for c in token.children):
        return []
    return [action]


def _object_heads(token: Token) -> list[Token]:
    """What a verb moves or acts on: the 'with' object ("supply X with weapons"), else the
    direct object or passive subject, with their conjuncts."""
    direct = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    with_objects = [g for holder in [token, *direct] for c in holder.children
                    if c.dep_ == "prep" and c.lower_ == "with"
                    for g in c.children if g.dep_ == "pobj"]
    heads = with_objects or direct
    heads += [g for head in direct for c in head.children  # "weapons alongside personnel"
              if c.dep_ == "prep" and c.lower_ in ("alongside",) for g in c.children if g.dep_ == "pobj"]
    heads += [g for c in token.children if c.dep_ == "prep" and c.lower_ == "alongside"
              for g in c.children if g.dep_ == "pobj" and g.lower_ in FORCE_NOUNS | MATERIEL_NOUNS]
    if not heads and token.dep_ in ("relcl", "acl"):
        heads = [token.head]
    return [h for head in heads for h in [head, *head.conjuncts]]


def _object_kinds(token: Token) -> list[str]:
    """'deploy' for each object that is forces, 'supply' for each that is things."""
    kinds: list[str] = []
    for head in _object_heads(token):
        words = [head.lower_]
        if head.lower_ in ("number", "thousands", "hundreds", "some", "more", "up", "dozens",
                           "quantities", "amounts", "tons", "batch", "lot", "both"):
            words += [g.lower_ for g in head.subtree if g.pos_ in ("NOUN", "PROPN")]
        for word in words:
            kind = "deploy" if word in FORCE_NOUNS else "supply" if word in MATERIEL_NOUNS else None
            if kind:
                if kind not in kinds:
                    kinds.append(kind)
                break
    return kinds


COURTESY_NOUNS = {"briefing", "briefings", "remark", "remarks", "presentation", "statement",
                  "words", "update", "chairing", "convening", "report", "welcome", "attention",
                  "time", "hospitality", "invitation", "question", "questions", "introduction"}


def _is_courtesy(token: Token, action: str) -> bool:
    """'I thank the briefers for their remarks' and 'thank you' are courtesy, not support."""
    if action != "support" or token.lemma_ not in ("thank", "commend", "praise", "applaud"):
        return False
    objects = [c for c in token.children if c.dep_ == "dobj"]
    if any(o.lower_ == "you" for o in objects) or not objects:
        return True
    reasons = [g for c in token.children if c.dep_ == "prep" and c.lower_ == "for"
               for g in c.children if g.dep_ == "pobj"]
    return any(r.lower_ in COURTESY_NOUNS for r in reasons)


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
    if action == "cooperate" and lower in ("agreement", "agreements", "pact", "accord", "accords"):
        return token.head.lemma_ in ("sign", "conclude", "reach", "ink", "seal") or _has_prep(token, ("with", "between"))
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

# Actions whose event is only worth a graph edge when the text names who is acted on.
TARGET_REQUIRED = {"supply", "condemn", "demand", "fight", "sanction", "accuse", "cooperate",
                   "consult"}
# "X violates the resolutions": the speaker accuses X.
SPEAKER_ACCUSES = {"violate", "defy", "flout", "breach", "violation", "violations", "breaches"}
# Verbs whose object does what their infinitive says ("urged Germany to deliver").
OBJECT_CONTROL = {"prompt", "urge", "ask", "force", "allow", "push", "lead", "encourage",
                  "persuade", "order", "tell", "call", "press", "invite", "help", "enable",
                  "compel", "pressure", "request", "require", "authorize", "authorise", "permit"}
AGREEMENT_NOUNS = {"agreement", "pact", "accord", "deal", "treaty", "memorandum", "package",
                   "deliveries", "program", "programme", "plan"}
RELATIVE_PRONOUNS = {"that", "which", "who", "whom"}
STOP_CLIMB_DEPS = {"ccomp", "csubj", "parataxis", "relcl"}


def _events_for(trigger: Trigger, sent: Span, actors: DocumentActors, article: Article) -> list[Event]:
    token = trigger.token
    action = trigger.action
    lemma = token.lemma_.lower()
    is_noun = token.pos_ in ("NOUN", "PROPN")
    if is_noun and token.dep_ == "compound" and token.head.lemma_ in AGREEMENT_NOUNS:
        token = token.head  # "a defence cooperation agreement": the agreement has the roles
    if trigger.rule == "judgement":  # "These threats are unacceptable," the speaker says
        subjects = [c for c in token.head.children if c.dep_ in ("nsubj", "nsubjpass")]
        return _make_events(trigger, token, sent, actors.speaker_of(token),
                            _resolve_all(subjects, actors, deep=True), "speaker-judges-subject", False,
                            article)
    speaker_accuses = lemma in SPEAKER_ACCUSES or token.lower_ in SPEAKER_ACCUSES
    if speaker_accuses and _under_accusation(token):
        return []  # "accused X of violating ...": the accusation is already the event
    if speaker_accuses:
        accused, rule = (_noun_agents(token, action) if is_noun else _verb_agents(token))
        if not accused and is_noun:  # "... in violation of the Charter": who acts in violation
            accused, rule = _governing_subjects(token), "governing-subject"
        agents = actors.speaker_of(token)
        targets = _resolve_all(accused, actors)
        rule = "speaker-accuses-" + rule
    else:
        agent_heads, rule = _noun_agents(token, action) if is_noun else _verb_agents(token)
        agents = _resolve_all(agent_heads, actors)
        if any(h.pos_ == "PRON" for h in agent_heads):
            rule += "+pronoun"  # the agent was found through a pronoun: a weaker link
        targets = _resolve_all(_targets(token, trigger), actors, deep=True)
        if action == "cooperate" and len(agents) >= 2 and not targets:
            agents, targets = agents[:1], agents[1:]
        if action == "cooperate" and not agents and len(targets) >= 2:
            agents, targets = targets[:1], targets[1:]
        if lemma in ("procure", "procurement"):
            sellers = [a for h in _from_objects(token) for a in actors.resolve(h)]
            buyers = agents or _resolve_all(_governing_subjects(token), actors)
            agents, targets = sellers, buyers
            rule = "procurement-from"
    return _make_events(trigger, token, sent, agents, targets, rule, is_noun, article)


# How often each kind of rule is right, roughly, on text it was not tuned to: a verb with its
# subject is the surest; nouns, judgements and roles found through other words less so.
RULE_CONFIDENCE = {"verb": 0.8, "noun": 0.65, "adjective": 0.6, "judgement": 0.55,
                   "stand-with": 0.75, "call-on": 0.75, "take-exception": 0.7, "talk-with": 0.7,
                   "fire-at": 0.7}
INDIRECT_ROLES = ("governing", "pronoun", "speaker", "light-verb", "relative", "for-object")


def _confidence(trigger_rule: str, role_rule: str, has_target: bool) -> float:
    """A score in [0, 1] for filtering weak edges: the trigger rule's base, minus 0.1 when the
    agent was found indirectly and 0.1 when no target was named."""
    score = RULE_CONFIDENCE.get(trigger_rule, 0.6)
    if any(word in role_rule for word in INDIRECT_ROLES):
        score -= 0.1
    if not has_target:
        score -= 0.1
    return round(max(score, 0.1), 2)


def _make_events(trigger: Trigger, token: Token, sent: Span, agents: list[Actor],
                 targets: list[Actor], rule: str, is_noun: bool, article: Article) -> list[Event]:
    """One event per agent-target pair, unless an agent or a needed target is missing."""
    action = trigger.action
    if action == "consider":
        targets = []
    targets = [t for t in targets if t not in agents]
    if action in ("deploy", "supply"):  # moving one's own forces between one's own commands
        targets = [t for t in targets if not t.country or t.country not in {a.country for a in agents}]
    if not agents or (not targets and not _may_lack_target(token, action, is_noun)):
        return []
    modality = modality_of(token)
    confidence = _confidence(trigger.rule, rule, bool(targets))
    return [
        Event(action=action, agent=agent, target=target, modality=modality,
              trigger=article.text[token.idx:token.idx + len(token)],
              sentence=article.text[sent.start_char:sent.end_char].strip(),
              sentence_start=sent.start_char, sentence_end=sent.end_char,
              trigger_start=token.idx, confidence=confidence,
              rule=f"{trigger.rule}:{rule}")
        for agent in agents for target in (targets or [None])
        if target is None or target.key != agent.key
    ]


def _under_accusation(token: Token) -> bool:
    """'accused X of violating': the accusation is the governing verb's, not the speaker's."""
    return any(a.lemma_ in ("accuse", "blame", "condemn", "criticize", "criticise", "deny", "charge")
               for a in list(token.ancestors)[:3])


def _may_lack_target(token: Token, action: str, is_noun: bool) -> bool:
    """Whether an event with no named target is still worth a graph edge."""
    if action in TARGET_REQUIRED - {"consult"}:
        return False
    if action == "consult":  # "consulting with our allies": a counterpart, unnamed
        return _has_prep(token, ("with",))
    if action == "support":
        return not is_noun
    return True


def _resolve_all(heads: list[Token], actors: DocumentActors, *, deep: bool = False) -> list[Actor]:
    """Actors for each head; with `deep`, a head that is no actor gives its participants
    ("the DPRK's launch" -> the DPRK, "cooperation between A and B" -> A, B) and a group
    its named examples ("third parties like the United States and Poland")."""
    found: list[Actor] = []
    for head in heads:
        examples = [g for c in head.children if c.dep_ == "prep" and c.lower_ in ("like", "including")
                    for g in c.children if g.dep_ == "pobj"] if deep else []
        resolved = [a for e in examples for a in actors.resolve(e)] or actors.resolve(head)
        if not resolved and deep:
            resolved = [a for p in _participants(head) for a in actors.resolve(p)]
        if not resolved and deep and _refers_back(head):
            # "condemned the strikes": whoever carried out the strikes named before
            resolved = actors.memory.event_agents.get(NOUN_TRIGGERS[head.lemma_.lower()], [])
        for actor in resolved:
            if actor not in found:
                found.append(actor)
    return found


def _refers_back(token: Token) -> bool:
    """'the strikes', 'this deployment', 'such attacks': an event noun pointing back."""
    return (token.lemma_.lower() in NOUN_TRIGGERS
            and any(c.dep_ in ("det", "amod") and c.lower_ in ("the", "this", "these", "that", "those", "such")
                    for c in token.children))


def _participants(token: Token) -> list[Token]:
    """Who takes part in what a noun names: its possessor, 'of'/'between'/'by' objects, or a
    national modifier."""
    poss = [c for c in token.children if c.dep_ == "poss"]
    if poss:
        return poss
    named = [c for c in token.children if c.dep_ in ("compound", "amod", "nmod")
             and c.ent_type_ in ("GPE", "NORP", "ORG")]
    if named:  # "Hezbollah targets in southern Lebanon": Hezbollah's
        return named
    for place in (False, True):  # a place ("in Gaza") only when nothing else names anyone
        for child in token.children:
            if child.dep_ != "prep" or child.lower_ not in (
                    ("in",) if place else ("between", "among", "by", "of", "against", "on")):
                continue
            objects = [g for g in child.children if g.dep_ == "pobj"]
            if objects:
                if child.lower_ == "of" and objects[0].pos_ == "NOUN" and not objects[0].ent_type_:
                    return [objects[0], *_participants(objects[0])]
                return objects
    return []


def _subject_of(verb: Token) -> list[Token]:
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if subjects and subjects[0].lower_ in RELATIVE_PRONOUNS:
        if verb.dep_ == "relcl":
            return [verb.head]
        clefted = [c for c in verb.head.children if c.dep_ == "attr"]
        if clefted:  # "it is Russia that launched the invasion"
            return clefted
    return subjects


def _verb_agents(token: Token) -> tuple[list[Token], str]:
    """Subject, passive by-agent, or the subject inherited from a governing clause."""
    for child in token.children:
        if child.dep_ == "agent":
            pobjs = [g for g in child.children if g.dep_ == "pobj"]
            if pobjs:
                return pobjs, "passive-agent"
    subjects = _subject_of(token)
    if subjects:
        return subjects, "subject"
    possessors = [c for c in token.children if c.dep_ == "poss"]
    if possessors:  # "the DPRK's continued flouting of ..."
        return possessors, "gerund-possessor"
    passive = [c for c in token.children if c.dep_ == "nsubjpass"]
    if passive:
        # "12,000 North Korean soldiers could be sent": the soldiers' state sends them
        return ([p for p in passive if p.lower_ in FORCE_NOUNS], "passive-forces")
    if token.dep_ == "relcl" and token.head.pos_ in ("NOUN", "PROPN"):
        return [token.head], "relative-clause"
    return _governing_subjects(token), "governing-subject"


def _governing_subjects(token: Token) -> list[Token]:
    """Climb through infinitives, gerunds and nouns to the clause that says who acts."""
    current = token
    for _ in range(5):
        head = current.head
        dep = current.dep_
        if head.i == current.i or dep in STOP_CLIMB_DEPS:
            return []
        if dep == "acl" and head.pos_ in ("NOUN", "PROPN"):
            possessor = [c for c in head.children if c.dep_ == "poss"]
            if possessor:
                return possessor
        if dep == "pcomp" and head.dep_ == "prep" and head.lower_ in ("for", "of", "against", "from"):
            objects = [c for c in head.head.children if c.dep_ == "dobj"]
            if objects:
                return objects  # "condemns X for deploying", "warned X against sending"
        if dep == "xcomp" and head.lemma_ in OBJECT_CONTROL:
            objects = [c for c in head.children if c.dep_ == "dobj"]
            if objects:
                return objects  # "prompting the United States to strike"
        if head.pos_ in ("VERB", "AUX", "ADJ"):
            agents = [c for g in head.children if g.dep_ == "agent" for c in g.children if c.dep_ == "pobj"]
            if agents:
                return agents
            subjects = _subject_of(head)
            if subjects:
                return subjects
        elif head.pos_ in ("NOUN", "PROPN") and dep in ("acl", "prep", "pobj", "conj"):
            possessor = [c for c in head.children if c.dep_ == "poss"]
            if possessor:
                return possessor
        current = head
    return []


def _noun_agents(token: Token, action: str) -> tuple[list[Token], str]:
    """Possessor, 'by'-phrase, national adjective, or the subject of a light verb."""
    for child in token.children:
        if child.dep_ == "poss":
            return [child], "possessor"
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "by":
            return [g for g in child.children if g.dep_ == "pobj"], "noun-by"
    if action == "cooperate":
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in ("between", "among"):
                return [g for g in child.children if g.dep_ == "pobj"], "between"
    for child in token.children:
        if child.dep_ in ("amod", "compound", "nmod") and child.ent_type_ in ("NORP", "GPE", "ORG"):
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
    if token.dep_ in ("dobj", "nsubjpass", "attr") and head.lemma_ in LIGHT_VERBS:
        return _verb_agents(head)[0], "light-verb"
    if token.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ == "VERB" and head.head.lemma_ in LIGHT_VERBS:
        return _verb_agents(head.head)[0], "light-verb"
    return [], "none"


def _targets(token: Token, trigger: Trigger) -> list[Token]:
    """Object, dative, or the preposition the action takes ('to', 'against', 'with'...)."""
    action = trigger.action
    found: list[Token] = []
    children = list(token.children)
    if token.pos_ in ("VERB", "AUX", "ADJ"):
        datives = [c for c in children if c.dep_ == "dative"]
        objects = [c for c in children if c.dep_ == "dobj"]
        if action in ("deploy", "supply"):
            found += [g for d in datives for g in ([d] if d.pos_ != "ADP" else d.children)]
            if any(c.dep_ == "prep" and c.lower_ == "with" for o in [token, *objects] for c in o.children):
                found += objects  # "supplying them with weapons", "supply X's forces with arms"
        elif action != "consider":
            found += objects
            if any(c.dep_ == "agent" for c in children):  # "Kyiv was attacked by drones"
                found += [c for c in children if c.dep_ == "nsubjpass"]
    preps = TARGET_PREPOSITIONS.get(action, ())
    if trigger.rule == "take-exception":
        preps = ("to",)
    holders = [token]
    if action in ("deploy", "supply"):
        holders += _object_heads(token)  # "send arms and personnel to Ukraine"
    for holder in holders:
        for child in holder.children:
            if child.dep_ in ("prep", "dative") and child.lower_ in preps:
                found += [g for g in child.children if g.dep_ == "pobj"]
                found += [g for p in child.children if p.dep_ == "pcomp"  # "against dealing with X"
                          for q in p.children if q.dep_ == "prep" and q.lower_ == "with"
                          for g in q.children if g.dep_ == "pobj"]
    if token.pos_ in ("NOUN", "PROPN") and not found:
        # "war of aggression against Ukraine"
        for child in children:
            if child.dep_ == "prep" and child.lower_ == "of":
                for pobj in child.children:
                    found += [g for p in pobj.children if p.dep_ == "prep" and p.lower_ in preps
                              for g in p.children if g.dep_ == "pobj"]
    if not found and token.pos_ == "VERB":
        # "to fight alongside Russia in its war against Ukraine": the war's enemy
        for child in children:
            if child.dep_ == "prep" and child.lower_ in ("in", "during"):
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and NOUN_TRIGGERS.get(pobj.lemma_.lower()) == action:
                        found += [g for p in pobj.children if p.dep_ == "prep" and p.lower_ in preps
                                  for g in p.children if g.dep_ == "pobj"]
    if not found and token.dep_ == "acl" and token.head.pos_ == "NOUN":
        # "their support to Russia, supplying weapons": the elaborated noun's recipient
        for child in token.head.children:
            if child.dep_ == "prep" and child.lower_ in preps:
                found += [g for g in child.children if g.dep_ == "pobj"]
    if token.pos_ in ("NOUN", "PROPN") and not found and token.dep_ == "dobj":
        # "increasing its support to Kyiv": the preposition hangs on the verb
        for child in token.head.children:
            if child.dep_ == "prep" and child.lower_ in preps and child.i > token.i:
                found += [g for g in child.children if g.dep_ == "pobj"]
    if action == "deploy" and not found:
        # "sent to fight alongside Moscow's troops"
        for holder in holders:
            for child in holder.children:
                if child.dep_ in ("xcomp", "advcl", "acl", "relcl") and child.lemma_ in ("fight", "help", "support", "assist"):
                    found += [g for p in child.children if p.dep_ == "prep"
                              and p.lower_ in ("alongside", "for", "with") for g in p.children if g.dep_ == "pobj"]
    if action == "sanction" and token.lemma_ in ("prohibit", "ban", "forbid"):
        # "resolutions that prohibit all cooperation with North Korea": who is cut off
        named = [o for o in found if o.ent_type_]
        found = named or [g for t in token.subtree if t.dep_ == "prep" and t.lower_ in ("with", "from", "to")
                          and t.head.i != token.i for g in t.children if g.dep_ == "pobj"][:1]
    if action == "demand" and not any(o.ent_type_ for o in found):
        # "demanded a ceasefire from Hamas": who is asked
        found += [g for o in [c for c in children if c.dep_ == "dobj"] if not _participants(o)
                  for p in o.children if p.dep_ == "prep" and p.lower_ in ("from", "by")
                  for g in p.children if g.dep_ == "pobj"]
    if action in ("demand", "warn") and not found:
        # "demanded that Russia withdraw"; "warned it would end the UN mission"
        roles = ("nsubj", "dobj") if action == "demand" else ("dobj",)
        for child in children:
            if child.dep_ in ("ccomp", "xcomp"):
                found += [g for g in child.children if g.dep_ in roles]
    return found


def _from_objects(token: Token) -> list[Token]:
    """'procurement of arms from the DPRK' -> the DPRK."""
    return [g for prep in token.subtree if prep.dep_ == "prep" and prep.lower_ == "from"
            for g in prep.children if g.dep_ == "pobj"]


# ----- modality -------------------------------------------------------------------------------

def modality_of(token: Token) -> str:
    """'negated' under negation, 'hypothetical' under modals, conditions, plans and proposals.

    The climb from the trigger stops at reported speech ("X said Y sent": asserted), relative
    clauses and nouns other than plan-like ones ("the decision to deploy" reports a deployment).
    """
    chain = [token]
    current = token
    while current.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in current.children):
        current = current.head  # "will not deploy or supply": shared auxiliaries and negation
        chain = [current]
    while current.head.i != current.i and len(chain) < 6:
        if current.dep_ in ("ccomp", "parataxis") and current.head.lemma_ in SAY_VERBS:
            break
        if current.dep_ in ("relcl", "csubj", "nsubj", "nsubjpass", "conj") or (current.dep_ == "advcl" and any(
                c.dep_ == "mark" and c.lower_ in TEMPORAL_MARKS for c in current.children)):
            break
        current = current.head
        chain.append(current)
    first = chain[0]
    negation_scope = [first] + ([first.head] if first.dep_ == "xcomp" else [])
    for tok in negation_scope:
        for child in tok.children:
            if child.dep_ == "neg" or (child.dep_ == "advmod" and child.lower_ == "never"):
                return "negated"
    for tok in chain:
        for child in tok.children:
            if child.dep_ == "aux" and child.lower_ in MODAL_AUXILIARIES and child.lower_ not in REAL_MODALS:
                return "hypothetical"
            if child.dep_ == "mark" and child.lower_ in ("if", "unless", "whether"):
                return "hypothetical"
        if tok.i == first.i:
            continue
        if tok.lemma_.lower() in NEGATING_GOVERNORS:
            return "negated"
        if tok.pos_ in ("NOUN", "PROPN"):
            if tok.lower_ in HYPOTHETICAL_NOUNS:
                return "hypothetical"
        elif tok.lemma_.lower() in HYPOTHETICAL_GOVERNORS:
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


def _drop_back_references(events: list[Event]) -> list[Event]:
    """'the deployment' after 'X deployed troops to Y' refers back; it is no new event."""
    targeted = {(e.action, e.agent.key) for e in events if e.target is not None and e.agent}
    return [e for e in events if e.target is not None or e.action == "consider"
            or (e.action, e.agent.key if e.agent else None) not in targeted]


def _deduplicate(events: list[Event]) -> list[Event]:
    seen: set[tuple] = set()
    unique = []
    for event in events:
        key = (event.action, event.agent, event.target, event.trigger_start)
        if key not in seen:
            seen.add(key)
            unique.append(event)
    return unique
