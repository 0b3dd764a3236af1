"""Events decided by the learned argument model (`argmodel.py`), one sentence at a time.

Every word of the trigger lexicon is a possible trigger; every actor the sentence mentions (and
its speaker) is a possible agent or target. The model scores each pair; the actors above the
thresholds become the event's agents and targets, one event per pair, as the rules make them.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from spacy.tokens import Span, Token

from .actions import ACTIONS, BEST_READING_ACTIONS, JUDGING_ACTIONS, MODEL_DECIDES, MODEL_TARGET_IN_PHRASE, TARGET_REQUIRED
from .actors import DocumentActors
from .coordination import governs
from .argmodel import (
    NO_TARGET, Candidate, LinearModel, RuleRoles, actor_key, candidate_view, no_target_features, sentence_candidates,
    speaks_in_first_person, trigger_actions, trigger_view, untargeted_actions, view_features,
)
from .doccache import children, span_tokens
from .lexicon import (
    ACCUSED_DEEDS, ADJECTIVE_TRIGGERS, CONSEQUENCE_NOUNS, CONSEQUENCE_PREPOSITIONS, FORCE_NOUNS, GATHERING_NOUNS, NOUN_TRIGGERS,
    GIVING_VERBS, OBJECT_DEPENDENT, THREATENING_VERBS, VERB_TRIGGERS, WARNED_SUFFERING_VERBS, WARNING_TOPIC_PREPOSITIONS,
    WARNING_WORDS,
)
from .model import Article, Event
from .modality import modality_of
from .roles import (
    mediators, named_as_partner, opposers, rejecting_verb, reporting_verb, struck_in_judged_attack, subject_of, suffered_in_deed,
)
from .sentences import written_bounds
from .triggers import idiom_not_event

X = TypeVar("X")
#: the model's events of these actions name a target; not consult ("consulting with our allies": unnamed,
#: as the rules allow) nor demand ("calls on all parties to ...": the guidelines' null target where the text
#: names none, 16 of 91 gold demands; cross-validation 0.597 -> 0.599)
_TARGET_REQUIRED = TARGET_REQUIRED - {"consult", "demand"}
_RULE_WORDS = frozenset(VERB_TRIGGERS) | frozenset(NOUN_TRIGGERS) | frozenset(ADJECTIVE_TRIGGERS) | frozenset(
    OBJECT_DEPENDENT)


#: a noun is the rules' only where they read it as a noun (CV: nouns only 0.617, every part of speech
#: 0.619, both 0.616 in the threshold neighbourhood; nouns only asks fewer questions)
_RULE_WORDS_BY_POS = {"NOUN": frozenset(NOUN_TRIGGERS)}

_NO_RULES = RuleRoles(False, frozenset(), frozenset())

#: the rule of the model's best reading of a trigger the rules found and could not settle, its agent
#: below the model's threshold: kept only where the document reports nothing else of its action
#: (`extract._best_readings_kept`)
BEST_READING = "model:best-reading"
#: the agent probability a best reading needs. Measured at stop 68, one reading kept per action the
#: document otherwise lacks (strict / (action, agent) / action-only F1), before the guards on its
#: roles (`_may_be_guessed_agent`, a target in the trigger's phrase), which tests showed needed:
#: - out of fold, 96 documents: none .743/.806/.894; 0.15 .740/.804/.896; 0.2 .743/.807/.901;
#:   0.3 .743/.807/.900;
#: - taken from any word of the trigger lexicon, not only the rules' triggers: right about the action
#:   13 times in 55 out of fold, cross-validation .730/.790/.880 at 0.2.
#: With the guards (and none for demand: actions.json best_reading), at 0.2: out of fold .745/.808/.898;
#: on 64 helper-annotated texts the model never saw (four halves, two never read) strict .465 -> .469,
#: .453 -> .450, .574 -> .574, .580 -> .584; action-only .764 -> .780, .810 -> .812, .855 -> .855,
#: .870 -> .876. A helper's review on 153 texts of its own, written with unclear doers, found 2 of 4
#: such readings right: they are guesses, and their confidence (the product of the two probabilities)
#: says so.
BEST_READING_AGENT = 0.2


def _known_to_rules(token: Token) -> bool:
    """Whether the rules read `token` as a trigger of its part of speech: "fight" is their verb,
    not their noun ("their fight against ISIS" is the model's to judge)."""
    words = _RULE_WORDS_BY_POS.get(token.pos_, _RULE_WORDS)
    return token.lemma_.lower() in words or token.lower_ in words


def _named_by_its_object(token: Token, action: str, rule_roles: dict[tuple[int, str], RuleRoles]) -> bool:
    """Whether a verb's object, or the noun a word modifies, is a noun of the same action whose
    event the rules settled ("imposed sanctions on X", "the deepening ties between X and Y"):
    the noun names the event, once, with its own roles. A participle describing a noun of the
    same action the rules found ("the sanctions imposed by the United States") is that noun's
    event whether or not they settled it: the noun's own question asks it."""
    if token.dep_ in ("amod", "compound") and rule_roles.get((token.head.i, action), _NO_RULES).settled:
        return True
    if token.dep_ == "acl" and token.tag_ == "VBN" and (token.head.i, action) in rule_roles:
        return True
    return token.pos_ == "VERB" and any(c.dep_ == "dobj" and rule_roles.get((c.i, action), _NO_RULES).settled
                                        for c in children(token))


def _content_of_its_governor(token: Token, action: str, rule_roles: dict[tuple[int, str], RuleRoles]) -> bool:
    """Whether a word is what a governing word of the same action, whose event the rules settled,
    says ("Athens demanded that Ankara withdraw": "withdraw" is the demand's content, no demand of
    its own; "Russia was accused by Ukraine of war crimes": the crimes are the accusation's)."""
    if token.dep_ in ("ccomp", "xcomp"):
        return rule_roles.get((token.head.i, action), _NO_RULES).settled
    if token.dep_ != "pobj" or token.head.lower_ != "of":  # "thanked Germany for its support": an event of its own
        return False
    governor = token.head.head
    if governor.dep_ == "pobj" and governor.head.dep_ == "agent":
        governor = governor.head.head  # "was accused by Ukraine of war crimes", the "of" parsed under Ukraine
    return rule_roles.get((governor.i, action), _NO_RULES).settled


def learned_events(sent: Span, actors: DocumentActors, rule_roles: dict[tuple[int, str], RuleRoles],
                   model: LinearModel | None, article: Article, collect: list | None = None, *,
                   beside_rules: bool) -> list[Event]:
    """The model's events in `sent`; with `collect`, also every question asked, for training,
    each with whether a build beside the rules asks it. `beside_rules`: the rules' events are
    kept too, so a trigger whose agent and target they both found is not asked again."""
    # words the rules know are triggers only where the rules found them (their checks keep
    # false friends out: "called it an escalation"); other lexicon words are the model's to judge.
    # Asking the rules' words too scored 0.605 against 0.597 in one cross-validation, 0.600
    # against 0.603 in the next, and took the model's share of the parse from 21% to 27%.
    doc = sent.doc
    triggers = [(i, action) for i, action in rule_roles if not _content_of_its_governor(doc[i], action, rule_roles)]
    triggers += [(token.i, action) for token in span_tokens(sent) for action in trigger_actions(token)
                 if not _known_to_rules(token) and not _named_by_its_object(token, action, rule_roles)
                 and not _content_of_its_governor(token, action, rule_roles) and not idiom_not_event(token)]
    # beside the rules, only of the actions the model decides well (data model_decides); alone, of every action
    build_asks = {key for key in triggers if not beside_rules or (
        key[1] in MODEL_DECIDES and not rule_roles.get(key, _NO_RULES).settled)}
    if collect is None:  # before the candidates are read: half the questions on the build benchmark's corpus
        triggers = [key for key in triggers if key in build_asks]
    triggers = [(doc[i], action) for i, action in dict.fromkeys(triggers)]
    if not triggers:
        return []
    speaker = actors.speaker_of(sent[0])
    candidates = sentence_candidates(
        sent, lambda t: actors.resolve(t, expand=False, remember=False),
        {"speaker": speaker[0] if speaker else None, "author": actors.document_speaker})
    if not candidates:
        return []
    speaker_keys = frozenset(actor_key(a) for c in candidates if c.token is None for a in c.actors)
    seen = [candidate_view(c) for c in candidates]  # read each mention once for all triggers
    first_person = speaks_in_first_person(sent)
    events: list[Event] = []
    for token, action in triggers:
        rules = rule_roles.get((token.i, action), _NO_RULES)
        view = trigger_view(token, action, rules, len(candidates), first_person=first_person)
        features = [view_features(view, c, v, rules, speaker_keys) for c, v in zip(candidates, seen)]
        features.append(no_target_features(token, action, rules))
        asked = [*candidates, NO_TARGET]
        if collect is not None:
            collect.append((article.source, token.i, action,
                            [Candidate(c.actors, c.token, c.source, c.group, f) for c, f in zip(asked, features)],
                            (token.i, action) in build_asks))
        if model is not None and (token.i, action) in build_asks:
            shared = (len(view.shared), model.weight_sums(view.shared))  # every candidate's first features
            scores = [model.probabilities(f, *shared) for f in features[:-1]] + [model.probabilities(features[-1])]
            events += _decide(token, action, asked, scores, model, sent, article, rules.fired)
    return events


def decide(action: str, scored: list[tuple[list[X], float, float, int]], thresholds: dict[str, float],
           key: Callable[[X], str]) -> list[tuple[X, float, X | None, float]]:
    """(agent, p, target or None, p) pairs for one trigger, from each candidate's actors, its
    agent and target probabilities and its conjunction group. The best candidates above the
    thresholds take the roles (at most `max_agents`, `max_targets`), and with each, the others
    joined to it by "and" ("Britain and France condemned ...": both)."""
    def chosen(role: int, limit: str, exclude: set[str]) -> list[tuple[float, X | None]]:
        ranked = sorted((c for c in scored if c[role] >= thresholds[("agent", "target")[role - 1]]
                         and (c[0] or role == 2)), key=lambda c: -c[role])
        groups = {c[3] for c in ranked[:int(thresholds.get(limit, 99))]}
        picked: dict[str, tuple[float, X | None]] = {}
        for cand in scored:
            if cand[3] in groups:
                if not cand[0]:  # the best answer is "no target"
                    picked[""] = (cand[role], None)
                for actor in cand[0]:
                    k = key(actor)
                    if k not in exclude and cand[role] > picked.get(k, (-1.0, actor))[0]:
                        picked[k] = (cand[role], actor)
        return sorted(picked.values(), key=lambda x: -x[0])

    agents = chosen(1, "max_agents", set())
    if not agents:
        return []
    targets = [(1.0, None)] if action == "consider" else chosen(2, "max_targets", {key(a) for _, a in agents})
    if action in _TARGET_REQUIRED:  # the best answer "no one" is no event of an action that needs a target
        targets = [t for t in targets if t[1] is not None]
        if not targets:
            return []
    if not targets and action not in untargeted_actions():
        return []
    return [(agent, pa, target, pt) for pa, agent in agents for pt, target in (targets or [(1.0, None)])]


def learned_roles_allowed(trigger: Token, action: str, asked: list[Candidate]) -> list[tuple[bool, bool]]:
    """For each candidate of one question: whether the model may take it as the agent, and as
    the target (training's cross-validation asks too, so that it scores what a build does).

    An event noun whose possessor is named is that possessor's: "We also appreciate Kenya's
    contribution to U.N. operations" is Kenya's, not the speaker's. An accusation its subject
    rejects is not that subject's ("Tehran has rejected accusations that it supplied drones":
    Iran is accused, by no one named; `roles.rejecting_verb`): its accuser can only be named
    in its own phrase ("the US accusations"), never taken from elsewhere in the text. Whoever
    opposes, vetoes or blocks the measure the trigger names (`roles.opposers`) does not do it,
    under any mention. A mediator
    ("Turkish-brokered talks", `roles.mediators`) takes no part. A target
    must be named in the trigger's own phrase for the actions of `MODEL_TARGET_IN_PHRASE`
    (`may_be_learned_target`). Who reports the trigger's clause is no target in it ("Iran will face
    consequences, Blinken said": `_reporters`), nor, of a condemnation or accusation, whom or where
    the attack it judges struck (`roles.struck_in_judged_attack`)."""
    owners = {i for i, c in enumerate(asked) if c.token is not None and c.token.dep_ == "poss"
              and c.token.head.i == trigger.i and c.token.pos_ != "PRON"} if trigger.pos_ == "NOUN" else set()
    verb = rejecting_verb(trigger) if action == "accuse" else None
    rejected = verb is not None
    rejecting = {t.i for t in subject_of(verb)} if rejected else set()
    # who rejects the accusation, or opposes the measure ("China opposed a plan to impose sanctions"):
    # however named, they do not do it
    not_doers = rejecting | opposers(trigger)
    refusers = {actor_key(a) for c in asked if c.token is not None and c.token.i in not_doers for a in c.actors}
    brokers = {t.i for t in mediators(trigger)} if trigger.pos_ == "NOUN" else set()
    brokered = [c.token is not None and c.token.i in brokers for c in asked]
    doers = _own_doers(trigger, action) | _reporters(trigger)
    undergoers = _passive_subjects(trigger)
    if action in JUDGING_ACTIONS:  # "condemned the attack on the U.S. Embassy in Baghdad": not Iraq
        doers |= {c.token.i for c in asked if c.token is not None and struck_in_judged_attack(trigger, c.token)}
    return [((not owners or i in owners) and not refusers & {actor_key(a) for a in c.actors}
             and not (c.token is not None and c.token.i in undergoers)
             and (not rejected or (c.token is not None and governs(trigger, c.token))) and not brokered[i],
             may_be_learned_target(trigger, action, c) and not brokered[i]
             and not (c.token is not None and c.token.i in doers))
            for i, c in enumerate(asked)]


def _own_doers(trigger: Token, action: str) -> set[int]:
    """The mentions that do what an active verb or a possessed noun says, which cannot be its
    target: "Russia and China called on all sides to show restraint" is no demand of Russia's
    or China's, "Iran's attacks" no attack on Iran. Parties who act together with each other
    (`reciprocal` actions: "Japan and Korea met") may be."""
    if ACTIONS[action].reciprocal:
        return set()
    if trigger.pos_ == "VERB":
        heads = [t for t in subject_of(trigger) if t.dep_ == "nsubj"]
    elif trigger.pos_ == "NOUN":
        heads = [c for c in children(trigger) if c.dep_ == "poss"]
    else:
        return set()
    return _with_conjuncts(heads)


def _passive_subjects(trigger: Token) -> set[int]:
    """The subjects of a passive verb, which undergo it and never do it ("North Korea has been
    accused of providing shells": North Korea is accused, by someone unnamed)."""
    if trigger.pos_ != "VERB":
        return set()
    return _with_conjuncts([c for c in children(trigger) if c.dep_ == "nsubjpass"])


def _with_conjuncts(heads: list[Token]) -> set[int]:
    """The positions of the heads and of the words coordinated with them ("Russia and China")."""
    return {t.i for head in heads for t in (head, *head.conjuncts)}


def _reporters(trigger: Token) -> set[int]:
    """The subjects of the "say" verb whose reported clause holds the trigger ("Iran will face
    consequences for its attacks, Blinken said"; "Blinken said Iran will face ..."): they report it
    and may do it, but are not its target (`roles.reporting_verb`)."""
    verb = reporting_verb(trigger)
    if verb is None:
        return set()
    return _with_conjuncts([c for c in children(verb) if c.dep_ == "nsubj"])


def allowed_probabilities(probabilities: tuple[float, float], allowed: tuple[bool, bool]) -> tuple[float, float]:
    """A candidate's (agent, target) probabilities with a role it may not take at 0
    (`learned_roles_allowed`): as a build decides, and as training's cross-validation scores."""
    return probabilities[0] if allowed[0] else 0.0, probabilities[1] if allowed[1] else 0.0


def may_be_learned_target(trigger: Token, action: str, candidate: Candidate) -> bool:
    """Whether the model may take `candidate` as the target of `action` at `trigger`: for the
    actions of `MODEL_TARGET_IN_PHRASE`, a mention must be the trigger or hang from it, however
    deep. "We welcome the continued support of IGAD to help the Government" supports the
    Government, not a party of another clause ("the fullest support of the United Kingdom" after
    "a hateful act against the LGBT community"); the speaker, named nowhere, may still be the
    target. Cross-validated for support only (data: actions.json `model_target_in_phrase`; union
    0.644 -> 0.646, support 0.684 -> 0.699). Partners one acts with (`roles.named_as_partner`) are
    no target of any action but cooperation, consultation and deployment (whose partner, where no
    place is named, is the one the forces are sent to serve)."""
    if candidate.token is None:
        return True
    if action == "consult" and _venue_of(trigger, candidate.token):
        return False  # "the NATO summit in Vilnius", "talks in Ankara": where they meet, not with whom
    if action not in ("cooperate", "consult", "deploy") and named_as_partner(candidate.token):
        return False  # "announced sanctions in lockstep with the United Kingdom, Canada"
    if action == "accuse" and trigger.lower_ in ACCUSED_DEEDS and suffered_in_deed(trigger, candidate.token):
        return False  # "crimes against journalists in Mexico": they suffer them; only the doer is accused
    return action not in MODEL_TARGET_IN_PHRASE or governs(trigger, candidate.token)


def _venue_of(trigger: Token, mention: Token) -> bool:
    """Whether a mention is where a meeting noun's meeting takes place ("the NATO summit in
    Vilnius", "talks in Ankara"): the object of its "in" or "at" (data: gathering_nouns)."""
    return (trigger.pos_ == "NOUN" and trigger.lemma_.lower() in GATHERING_NOUNS and mention.dep_ == "pobj"
            and mention.head.lower_ in ("in", "at") and mention.head.head.i == trigger.i)


def _without_topics(token: Token, asked: list[Candidate], scored: list[tuple]) -> list[tuple]:
    """A warning's scores with no target among what it is about (`_warned_about`); where the
    likeliest target was such a topic, the warning names no one ("no target" takes its score)
    rather than the next likeliest mention."""
    if _threatens_a_thing(token, asked):
        topics = {i for i, c in enumerate(asked) if c is not NO_TARGET}
    else:
        topics = {i for i, c in enumerate(asked) if _warned_about(token, c.token) or _threatened_gift(token, c.token)}
    if not topics:
        return scored
    best = max(range(len(scored)), key=lambda i: scored[i][2])
    none = next(i for i, c in enumerate(asked) if c is NO_TARGET)
    return [(actors, pa, 0.0 if i in topics else scored[best][2] if i == none and best in topics else pt, group)
            for i, (actors, pa, pt, group) in enumerate(scored)]


def _threatens_a_thing(trigger: Token, asked: list[Candidate]) -> bool:
    """Whether a threat's object is a thing that names no one ("Iran has threatened the safe
    passage of ships"): then it threatens no one ("threaten United States personnel" does).
    Data: `warning_topics` `threatening_verbs`."""
    if trigger.lemma_.lower() not in THREATENING_VERBS:
        return False
    objects = [c for c in children(trigger) if c.dep_ == "dobj"]
    if not objects:
        return False
    start, end = min(o.left_edge.i for o in objects), max(o.right_edge.i for o in objects)
    return not any(c.token is not None and start <= c.token.i <= end for c in asked)


#: actions of giving: a threat to do one ("threatens to send arms to Ukraine") warns no receiver of it
#: (not a deployment: "threatened to send troops into Ukraine" threatens Ukraine)
_GIVING_ACTIONS = frozenset({"supply", "support"})


def _threatened_gift(trigger: Token, candidate: Token | None) -> bool:
    """Whether the candidate is who would receive what a threat threatens to give: "South Korea
    threatens to send arms and personnel to Ukraine" warns Russia, if anyone, not Ukraine (the
    object of a to-phrase of the threatened verb of giving, `_GIVING_ACTIONS`)."""
    if candidate is None or trigger.lemma_.lower() not in THREATENING_VERBS or candidate.dep_ != "pobj" \
            or candidate.head.lower_ not in ("to", "into"):
        return False
    verb = candidate.head.head
    lemma = verb.lemma_.lower()
    giving = lemma in GIVING_VERBS or VERB_TRIGGERS.get(lemma) in _GIVING_ACTIONS
    gifts = [t for o in children(verb) if o.dep_ == "dobj" for t in (o, *o.conjuncts)]
    if gifts and all(t.lower_ in FORCE_NOUNS for t in gifts):
        return False  # "threatened to send troops into Ukraine": an invasion, not a gift
    return giving and verb.dep_ == "xcomp" and verb.head.i == trigger.i


def _warned_about(trigger: Token, candidate: Token | None) -> bool:
    """Whether a warning is about the candidate rather than to it: named in the warning's clause
    or in its about- or of-phrase ("warned that Russia is seeking to undermine ...", "warned of
    military action from India"), and not as one who will suffer ("warned that Russia would face
    consequences", "serious consequences for Russia"). Data: `warning_topics`."""
    if trigger.lemma_.lower() not in WARNING_WORDS:
        return False
    token = candidate
    while token is not None and token.i != token.head.i:
        if token.dep_ in ("nsubj", "nsubjpass") and token.head.lemma_.lower() in WARNED_SUFFERING_VERBS:
            return False
        if token.dep_ == "pobj" and token.head.lower_ in CONSEQUENCE_PREPOSITIONS and \
                token.head.head.lower_ in CONSEQUENCE_NOUNS:
            return False
        if token.head.i == trigger.i:
            return token.dep_ == "ccomp" or (token.dep_ == "prep" and token.lower_ in WARNING_TOPIC_PREPOSITIONS)
        token = token.head
    return False


#: how a mention the trigger governs hangs from it when it may do what the trigger says: its subject,
#: its passive's by-phrase, its possessor or modifier ("Iran's attacks", "U.S. sanctions"); a noun's
#: by-phrase too ("the sanctions by the US")
_DOER_DEPS = frozenset({"nsubj", "agent", "poss", "compound", "amod", "nmod"})


def _may_be_guessed_agent(trigger: Token, candidate: Candidate) -> bool:
    """Whether a candidate may be a best reading's (`BEST_READING`) agent: a mention of the
    sentence named outside the trigger's phrase, or in it as its doer (`_DOER_DEPS`); not whom the
    trigger addresses or acts on ("We call on the DPRK and Russia to cease": they make no demand),
    nor the speaker or author, whom a guess too often took from elsewhere in the text (a helper's
    review: "China called on all parties ..." given to a state of the sentence before)."""
    mention = candidate.token
    if mention is None:
        return False
    if not governs(trigger, mention):
        return True
    while mention.head.i != trigger.i and mention.head.i != mention.i:
        mention = mention.head
    return mention.i == trigger.i or mention.dep_ in _DOER_DEPS or (mention.dep_ == "prep" and mention.lower_ == "by")


def _guessable(trigger: Token, asked: list[Candidate], scored: list[tuple]) -> list[tuple]:
    """The scores a best reading decides on: an agent only where `_may_be_guessed_agent` allows it
    and no mention of the same actor is one the trigger acts on; a target only in the trigger's
    own phrase, or none."""
    may_act = [_may_be_guessed_agent(trigger, c) for c in asked]
    acted_on = {actor_key(a) for c, may in zip(asked, may_act) if c.token is not None and not may for a in c.actors}
    return [(actors, pa if may and not acted_on & {actor_key(a) for a in actors} else 0.0,
             pt if c is NO_TARGET or (c.token is not None and governs(trigger, c.token)) else 0.0, group)
            for (actors, pa, pt, group), c, may in zip(scored, asked, may_act)]


def _decide(token: Token, action: str, asked: list[Candidate], scores: list[tuple[float, float]],
            model: LinearModel, sent: Span, article: Article, rules_found: bool) -> list[Event]:
    """Agents and targets above the model's thresholds, as events. A partner joined by "and"
    comes with its own probability, which may be tiny: the confidence stays above 0. Where none
    is above them and the rules found the trigger (`rules_found`), the best reading with its
    agent above `BEST_READING_AGENT`, among the roles `_guessable` allows (not "South Korea thinks
    North Korea is getting something valuable, so it makes sense to impose costs on Russia": no
    sanction of North Korea), marked `BEST_READING` for the document to judge."""
    allowed = learned_roles_allowed(token, action, asked)
    scored = [(c.actors, *allowed_probabilities(probabilities, roles), c.group)
              for c, probabilities, roles in zip(asked, scores, allowed)]
    if action == "warn":
        scored = _without_topics(token, asked, scored)
    pairs = decide(action, scored, model.thresholds, actor_key)
    rule = "model:argument"
    if not pairs and rules_found and action in BEST_READING_ACTIONS:
        lowered = dict(model.thresholds, agent=BEST_READING_AGENT)
        pairs = decide(action, _guessable(token, asked, scored), lowered, actor_key)
        rule = BEST_READING
    if not pairs:
        return []
    modality = modality_of(token)
    start, end = written_bounds(sent)
    return [Event(action=action, agent=agent, target=target, modality=modality,
                  trigger=article.text[token.idx:token.idx + len(token)],
                  sentence=article.text[start:end].strip(), sentence_start=start, sentence_end=end,
                  trigger_start=token.idx, confidence=max(round(pa * pt, 2), 0.01), rule=rule)
            for agent, pa, target, pt in pairs]
