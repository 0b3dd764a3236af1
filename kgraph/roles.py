"""Roles on the dependency parse: who acts (agent) and who is acted on (target).

Functions here return tokens, the heads of noun phrases; `actors.py` turns them into actors.
Each agent rule returns its name too, written to the graph as part of `kg:extractedBy`.
"""
from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass

from spacy.tokens import Token

from .countries import city_country, demonym_code
from .doccache import children, kept_answer
from .actions import ACTIONS, JUDGING_ACTIONS
from .coordination import (
    document_name_lists, headline_infinitive, hyphenated_states, hyphened_agent, outer_verb_after_infinitive,
    partitive_of, to_infinitive,
)
from .lexicon import (
    ARMS_NOUNS, MATERIEL_NOUNS, WEAPON_SYSTEM_HEADS, AUTHORITY_NOUNS, CALL_HOLDING_VERBS, DUTY_NOUNS, FEELING_VERBS, FORCE_NOUNS, HARM_VERBS,
    FORCES_SENDING_VERBS, HELPING_VERBS, NEEDING_VERBS,
    HYPOTHETICAL_GOVERNORS, JOURNEY_VERBS, LIGHT_VERBS, RAISING_PASSIVES, MEASURE_HEADS, MEETING_HOLDING_VERBS, MEETING_NOUNS, MEETING_VENUES,
    NOUN_TRIGGERS, OBJECT_CONTROL, OBJECT_CONTROL_NOUNS, PART_NOUNS, PURPOSE_NOUNS, REASON_PREPOSITIONS, REJECTING_VERBS, OPPOSING_VERBS, MEMBER_NOUNS,
    STATIVE_PARTICIPLES, STRUCK_THINGS, STRUCK_THING_OWNERS, SUFFERING_VERBS, PASSIVE_SUFFERING_VERBS, WITNESS_VERBS, MEDIATING_VERBS, ANSWERING_VERBS,
    CLAIMING_DEMAND_VERBS, HOLDING_VERBS, SAY_VERBS, SERVED_PREPOSITIONS, SERVING_VERBS, ANSWER_WITH_VERBS,
    STANCE_ACTIONS, STANCE_COMPANY, STANCE_NOUNS, RESPONSIBILITY_WORDS, AIMING_PARTICIPLES, EXPLETIVE_OBJECTS, SPEAKERS_PLEASURES, CONSEQUENCE_NOUNS,
    VERB_TRIGGERS,
)
from .modality import modality_of
from .phrases import says_when
from .names import (
    ARMED_GROUPS, DOCUMENT_NOUNS, GROUP_NOUNS, LISTED_MEMBER_NOUNS, OFFICIAL_NOUNS, ORG_NOUNS, STATE_BODY_NOUNS,
)
from .triggers import (
    RELATIVE_PRONOUNS, Trigger, committed_defence, has_prep, mandative, object_heads, phrase_actions, phrase_rule,
    pobjs, preps_objects,
)

# Which prepositions introduce the target, per action.
TARGET_PREPOSITIONS: dict[str, tuple[str, ...]] = {a: d.target_prepositions for a, d in ACTIONS.items()}

RELATIVE_ADVERBS = {"where", "when", "why", "how", "whereby"}  # "Brussels, where he will meet ..."
STOP_CLIMB_DEPS = {"ccomp", "csubj", "parataxis", "relcl"}


def under_accusation(token: Token) -> bool:
    """'accused X of violating': the accusation is the governing verb's, not the speaker's."""
    return any(a.lemma_ in ("accuse", "blame", "condemn", "criticize", "criticise", "deny", "charge")
               for a in list(token.ancestors)[:3])


def refers_back(token: Token) -> bool:
    """'the strikes', 'this deployment', 'such attacks': an event noun pointing back."""
    return (token.lemma_.lower() in NOUN_TRIGGERS
            and any(c.dep_ in ("det", "amod") and c.lower_ in ("the", "this", "these", "that", "those", "such")
                    for c in children(token)))


def _misattached_by(noun: Token) -> list[Token]:
    """"condemn the rocket fire by Hezbollah": the parser hangs "by Hezbollah" on the verb,
    but with an active verb and an event noun as its object, it names who fired."""
    verb = noun.head
    if noun.dep_ != "dobj" or any(c.dep_ == "auxpass" for c in children(verb)):
        return []
    return [g for c in children(verb) if c.dep_ == "prep" and c.lower_ == "by" and c.i > noun.i
            for g in children(c) if g.dep_ == "pobj"]


def participants(token: Token, *, doers_only: bool = False) -> list[Token]:
    """Who takes part in what a noun names: its possessor, its 'by' object or its participle's
    ('carried out by'), a national modifier, or its 'of'/'between' objects. With `doers_only`,
    not those it is done to or where ('the attack on the U.S. Embassy', 'the bombing of a
    school in Syria'), only parties named together ('the clashes between X and Y')."""
    poss = [c for c in children(token) if c.dep_ == "poss" and c.ent_type_ not in ("DATE", "TIME")]
    by_phrase = [g for c in children(token) if c.dep_ in ("prep", "agent") and c.lower_ == "by"
                 for g in children(c) if g.dep_ == "pobj"]
    if poss and by_phrase and all(p.pos_ == "PRON" for p in poss):
        return by_phrase  # "their murder by Hamas": "their" are the victims, Hamas the doer
    if poss:
        return poss
    by_agent = by_phrase or _misattached_by(token) or _participle_doers(token)
    if by_agent:  # "the shelling of Kharkiv by Russian forces", "the strikes carried out by X": the doer
        return by_agent
    named = [m for m in _named_modifiers(token) if not (doers_only and _names_a_place(m))]
    if named:  # "Hezbollah targets in southern Lebanon": Hezbollah's; not, judged, "the Kyiv attack": where
        return named
    if doers_only:  # "the attacks from Lebanon into Israel": the state they came from did them
        return _preposition_participants(token, ("between", "among")) or [
            g for g in _preposition_participants(token, ("from",)) if g.ent_type_ in ("GPE", "LOC")]
    # a place ("in Gaza") only when nothing else names anyone
    return (_preposition_participants(token, ("between", "among", "by", "of", "against", "on"))
            or _preposition_participants(token, ("in",)))


def _names_a_place(token: Token) -> bool:
    """A city, not a state, a people or a body ("Kyiv", "Mariupol", "Gaza"; not "U.S." nor "the
    Kremlin"), whatever the recogniser took it for."""
    return city_country(token.text) is not None


#: what an attack noun's phrases name besides its doer: whom or where it struck
_STRUCK_PREPOSITIONS = frozenset({"on", "against", "of", "in", "at", "inside", "near", "upon"})
#: whom or where a deed was done, after a deed noun: not "of", which may name the doer ("the crimes of the regime")
_SUFFERED_PREPOSITIONS = _STRUCK_PREPOSITIONS - {"of"}


def struck_in_judged_attack(trigger: Token, mention: Token) -> bool:
    """Whether `mention` names whom or where an attack the trigger judges struck ("condemned the
    attack on the U.S. Embassy in Baghdad", "the bombing of a school in Syria"): not who is
    condemned or accused, which is the attacker (`participants` with `doers_only`)."""
    current = mention
    struck = mention.dep_ in ("compound", "nmod") and _names_a_place(mention) and \
        NOUN_TRIGGERS.get(mention.head.lemma_.lower()) == "fight"  # "condemned the Kyiv attack"
    while current.head.i != current.i and current.i != trigger.i:
        head = current.head
        if head.dep_ == "prep" and head.lower_ in _STRUCK_PREPOSITIONS and current.dep_ == "pobj" and \
                NOUN_TRIGGERS.get(head.head.lemma_.lower()) == "fight" and head.head.i != trigger.i:
            struck = True
        current = head
    return struck and current.i == trigger.i


def suffered_in_deed(trigger: Token, mention: Token) -> bool:
    """Whether `mention` names whom or where a deed noun's deed was done ("crimes against
    journalists in Mexico", "abuses on civilians"): reached from the trigger through a preposition
    of what was struck, not "of" or "by", which may name the doer ("the crimes of the regime")."""
    current = mention
    while current.head.i != current.i:
        head = current.head
        if head.i == trigger.i:
            return current.dep_ == "prep" and current.lower_ in _SUFFERED_PREPOSITIONS
        current = head
    return False


def _named_modifiers(token: Token) -> list[Token]:
    """Names before the noun that are not part of a longer name of the same kind (an armed group
    the recogniser missed counts: `_unlabelled_group`)."""
    return [c for c in token.subtree if c.i < token.i and c.dep_ in ("compound", "amod", "nmod")
            and (c.ent_type_ in ("GPE", "NORP", "ORG") and c.head.ent_type_ != c.ent_type_
                 or c.head.i == token.i and _unlabelled_group(c))]


def _unlabelled_group(token: Token) -> bool:
    """'Houthi attacks': a proper noun the armed-group table knows (data/organisations.json) that
    the recogniser gave no entity label."""
    return token.pos_ == "PROPN" and not token.ent_type_ and token.lower_ in ARMED_GROUPS


def _preposition_participants(token: Token, preps: tuple[str, ...]) -> list[Token]:
    """'talks between Kyiv and Moscow': the objects of the first of `preps` that has any; an unnamed
    'of' noun brings its own participants ('the withdrawal of Russia's troops')."""
    unnamed: list[Token] = []
    for child in children(token):
        objects = pobjs(child) if child.dep_ == "prep" and child.lower_ in preps else []
        if not objects or unnamed and child.lower_ != "by":  # after an unnamed 'of' noun, only its doer
            continue
        first = objects[0]
        if child.lower_ == "of" and first.pos_ == "NOUN" and not first.ent_type_:
            inner = participants(first)
            if inner:
                return [first, *inner]
            unnamed = unnamed or [first]  # "the escalation of violations by the regime": the 'by' may follow
            continue
        return objects
    return unnamed


def subject_of(verb: Token) -> list[Token]:
    subjects = [c for c in children(verb) if c.dep_ == "nsubj"] or [
        g for c in children(verb) if c.dep_ in ("aux", "auxpass") and c.i < verb.i
        for g in children(c) if g.dep_ == "nsubj"  # "Iran is training ...", the parser hanging Iran on 'is'
    ] or _headline_subject(verb)
    if len(subjects) == 1:
        subjects = _headline_list_before(verb, subjects[0]) + subjects
    if subjects and subjects[0].lower_ in RELATIVE_PRONOUNS:
        if verb.dep_ == "relcl":
            return [verb.head]
        clefted = [c for c in children(verb.head) if c.dep_ == "attr"]
        if clefted:  # "it is Russia that launched the invasion"
            return clefted
    return subjects


_STATIVE_VERBS = FEELING_VERBS | STATIVE_PARTICIPLES
#: the rule name of an agent in a state or feeling, whose event is no deed to point back to
STATIVE_SUBJECT = "stative-subject"


def _headline_subject(verb: Token) -> list[Token]:
    """'UK to deploy troops to Estonia': the name before a headline's "to" verb, which the parser
    may leave unattached ("dep") rather than make its subject."""
    if not headline_infinitive(verb):
        return []
    return [c for c in children(verb) if c.dep_ == "dep" and c.i < verb.i and c.pos_ == "PROPN"][:1]


def _headline_list_before(verb: Token, subject: Token) -> list[Token]:
    """'EU, NATO urge Kosovo to de-escalate': a headline lists its subjects with a comma and no
    'and', and the parser hangs the first name on the verb (npadvmod, dep) rather than join it."""
    first = subject.left_edge
    if subject.pos_ != "PROPN" or not subject.ent_type_ or first.i < 2 or first.nbor(-1).text != ",":
        return []
    name = first.nbor(-2)  # the word before the comma, which the parser hung on the verb
    return [name] if (name.head == verb and name.dep_ in ("npadvmod", "dep") and name.pos_ == "PROPN"
                      and name.ent_type_ and name.left_edge.is_sent_start) else []


def _stative_subjects(token: Token) -> list[Token]:
    """'Norway is appalled by ...': the passive subject of a verb of feeling feels it; 'Hungary
    is aligned with Russia': the passive subject of a stative participle is in that state."""
    if token.lemma_.lower() not in _STATIVE_VERBS:
        return []
    return [c for c in children(token) if c.dep_ == "nsubjpass"]


def reporting_verb(token: Token, clauses: tuple[str, ...] = ("ccomp", "parataxis")) -> Token | None:
    """The first "say" verb whose reported clause (one of the `clauses` dependencies) holds `token`:
    "said" in "Blinken said Iran will face ..." and in "Iran will face ..., Blinken said". Data: say_verbs."""
    current = token
    while current.head.i != current.i:
        head = current.head
        if current.dep_ in clauses and head.lemma_ in SAY_VERBS and head.pos_ == "VERB":
            return head
        current = head
    return None


def rejecting_verb(noun: Token) -> Token | None:
    """The verb by which its subject rejects `noun` ("Iran has denied the US accusations": Iran is
    accused, not accusing; data: `rejecting_verbs`): its head, or the head of the 'as' the parser
    hung the object on ("dismissed as 'absurd' claims by British officials"); else None."""
    verb = noun.head
    if noun.dep_ == "pobj" and verb.lower_ == "as" and verb.dep_ == "prep":
        verb = verb.head
    elif noun.dep_ != "dobj":
        return None
    return verb if verb.lemma_.lower() in REJECTING_VERBS else None


def verb_agents(token: Token) -> tuple[list[Token], str]:
    """Subject, passive by-agent, or the subject inherited from a governing clause."""
    hyphened = hyphened_agent(token)
    if hyphened:
        return hyphened, "hyphened-agent"
    in_state = _stative_subjects(token)
    if in_state:
        return in_state, STATIVE_SUBJECT
    for child in children(token):
        if child.dep_ == "agent":
            pobjs = [g for g in children(child) if g.dep_ == "pobj"]
            if pobjs:
                return pobjs, "passive-agent"
    subjects = subject_of(token)
    if subjects and to_infinitive(token):
        # "welcomed the commitments made by Syria | to cooperate", the parser's subject of the infinitive
        pledged = [pledgers(s, token) for s in subjects]
        if all(pledged):
            return [p for makers in pledged for p in makers], "pledged"
    if subjects:
        return subjects, "subject"
    if token.tag_ == "VBG":  # "Fighting between the army and the RSF resumed": a gerund names its parties
        between = between_phrase(token)
        if between is not None:
            return [g for g in children(between) if g.dep_ == "pobj"], "between"
    possessors = [c for c in children(token) if c.dep_ == "poss"]
    if possessors:  # "the DPRK's continued flouting of ..."
        return possessors, "gerund-possessor"
    passive = [c for c in children(token) if c.dep_ == "nsubjpass"]
    if passive:
        # "12,000 North Korean soldiers could be sent": the soldiers' state sends them; "Wagner
        # fighters, who were deployed to ...": the relative pronoun's noun
        passive = [token.head if p.tag_ in ("WP", "WDT") and token.dep_ == "relcl" else p for p in passive]
        return ([p for p in passive if p.lower_ in FORCE_NOUNS], "passive-forces")
    if token.dep_ == "relcl" and token.head.pos_ in ("NOUN", "PROPN"):
        return [token.head], "relative-clause"
    if _forces_participle(token, token.head):
        holders = _holders_of_unowned_forces(token.head)
        if holders:
            return holders, "forces-held"  # "The U.S. has 900 troops stationed in Syria"
        return [token.head], "forces-stationed"  # "American troops still stationed in Niger"
    joined = _joined_in(token)
    if joined:
        return joined, "joined-in"
    deciders = _noun_infinitive_agents(token)
    if deciders:
        return deciders, "noun-infinitive"
    forces = _forces_sent_to_do(token)
    if forces:
        return forces, "forces-purpose"
    if _passive_participle_clause(token):
        return [], "passive-participle"  # "Deployed for four months, they ...": they were deployed
    return governing_subjects(token), "governing-subject"


def opposers(token: Token) -> set[int]:
    """The subjects of a verb that stops the measure `token` names or serves ("China opposed a plan
    to impose sanctions": China imposes nothing), found climbing as `governing_subjects` does: no
    one, learned or ruled, makes them its doers."""
    current = token
    for _ in range(5):
        head = current.head
        if head.i == current.i or current.dep_ in STOP_CLIMB_DEPS:
            return set()
        if _opposed_measure(current, head):
            return {t.i for t in subject_of(head)}
        current = head
    return set()


def _opposed_measure(current: Token, head: Token) -> bool:
    """'China and Russia vetoed a draft resolution aimed at tightening sanctions': whoever stops a
    measure (data opposing_verbs) does not do what it would do."""
    return current.dep_ in ("dobj", "nsubjpass") and head.lemma_.lower() in OPPOSING_VERBS


def _passive_participle_clause(token: Token) -> bool:
    """'Deployed for up to four months, they are working alongside ...': a past participle
    opening a clause of its own, with no auxiliary or subject, says what was done to the main
    clause's subject, which is not its doer."""
    return token.tag_ == "VBN" and token.dep_ == "advcl" and token.i < token.head.i and not any(
        c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass", "mark") for c in children(token))


def _noun_infinitive_agents(token: Token) -> list[Token]:
    """'We welcome the decision by Japan to provide assistance', 'Germany's pledge to send tanks',
    'the commitments made by Syria to fully cooperate': who decided or pledged does the
    infinitive's act, not whoever welcomes the decision."""
    noun = token.head
    if token.dep_ not in ("acl", "xcomp", "relcl") or token.tag_ != "VB" or noun.pos_ != "NOUN":
        return []
    return _makers(noun, token.i)


def _forces_sent_to_do(token: Token) -> list[Token]:
    """'protested the dispatch of North Korean troops to assist Moscow's war': an infinitive of
    purpose right after forces that say whose they are, sent or deployed, is theirs to do, wherever
    the parser hung it (here on "protested", whose subject does not assist); not after forces
    something is done to ("Turkey shelled Kurdish forces to warn Damascus")."""
    if token.tag_ != "VB" or token.dep_ not in ("advcl", "xcomp", "acl") or token.left_edge.lower_ != "to":
        return []
    before = token.left_edge.i - 1
    forces = token.doc[before] if before >= 0 else None
    if forces is None or forces.lower_ not in FORCE_NOUNS or not _says_whose(forces) or forces.i < token.sent.start:
        return []
    sent = forces.dep_ == "pobj" and forces.head.lower_ == "of" or (  # "the dispatch of North Korean troops"
        forces.dep_ == "dobj" and VERB_TRIGGERS.get(forces.head.lemma_.lower()) == "deploy")  # "sent ... troops"
    return [forces] if sent else []  # not "shelled Kurdish forces to warn Damascus": the shelling's purpose


def _makers(noun: Token, before: int) -> list[Token]:
    """Who made a decision or pledge, named before `before`: its by- or of-phrase ('the decision by
    Japan'), its possessor ('Germany's pledge'), or the by-agent of its participle ('the commitments
    made by Syria')."""
    by = [g for c in children(noun) if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ in ("by", "of"))
          for g in children(c) if g.dep_ == "pobj" and g.i < before]
    return (by or [c for c in children(noun) if c.dep_ == "poss"]
            or [g for g in _participle_doers(noun) if g.i < before])


def _joined_in(token: Token) -> list[Token]:
    """'We join the Secretary-General in commending ...': the joiner and the joined both act.
    Where the joining is not asserted, the joined party still acts, as asserted: 'We do not
    join Russia in condemning ...' (the event asserted) is Russia's alone; 'We refuse to join
    Russia in condemning ...' (the event negated, as 'refuse' makes it) is the joiner's."""
    prep = token.head
    if token.dep_ != "pcomp" or prep.lower_ != "in" or prep.head.lemma_ != "join":
        return []
    join = prep.head
    joiners = subject_of(join) or governing_subjects(join)
    joined = [c for c in children(join) if c.dep_ == "dobj"]
    if modality_of(join) == "asserted":
        return [*joiners, *joined]
    return joined if modality_of(token) == "asserted" else joiners


def governing_subjects(token: Token) -> list[Token]:
    """Climb through infinitives, gerunds and nouns to the clause that says who acts."""
    current = token
    for _ in range(5):
        head = current.head
        if head.i == current.i or current.dep_ in STOP_CLIMB_DEPS or _expletive_frame(current, head) or \
                _opposed_measure(current, head):
            return []
        for rule in CLIMB_RULES:
            found = rule(current, head)
            if found:
                return found
        if current is token and current.dep_ == "acl" and current.tag_ == "VBN":
            return []  # "We condemn the Houthi attacks launched against Saudi Arabia": not our launch
        current = head
    return []


def _expletive_frame(clause: Token, verb: Token) -> bool:
    """'it is important to impose sanctions', 'it makes sense to impose costs on Russia': an
    infinitive after a verb whose subject 'it' stands for no one, and names no doer of it."""
    return (clause.dep_ == "xcomp" and any(c.dep_ == "nsubj" and c.lower_ == "it" for c in children(verb))
            and any(c.dep_ in ("acomp", "attr") or c.dep_ == "dobj" and c.lemma_.lower() in EXPLETIVE_OBJECTS
                    for c in children(verb)))


def agent_noun_parties(token: Token) -> tuple[list[Token], list[Token]]:
    """Who does what a noun that names the doer says (`triggers.said_of_someone`), and to whom: the
    copula's subject or the noun in apposition with it; the noun's possessor, named modifier or
    the objects of its of/to/for phrases, also those of its of-object's ('the world's leading donor
    of humanitarian assistance to Yemen', 'our most important ally', 'a Hamas ally', 'the arms
    dealer of choice for terrorist groups')."""
    agents = [token.head] if token.dep_ == "appos" else verb_agents(token.head)[0]
    holders = [token, *[g for c in children(token) if c.dep_ == "prep" and c.lower_ == "of" for g in pobjs(c)]]
    if token.dep_ == "attr":  # "to become the arms dealer of choice | for terrorist groups": the parser's copula
        holders.append(token.head)
    targets = [c for h in holders if h.pos_ != "VERB" and h.pos_ != "AUX" for c in children(h)
               if c.dep_ == "poss" or c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN"]
    targets += [g for h in holders for c in children(h) if c.dep_ == "prep"
                and c.lower_ in (("to", "for") if h.pos_ in ("VERB", "AUX") else ("of", "to", "for"))
                for g in pobjs(c)]
    return agents, [t for t in targets if t not in agents]


def warned_parties(clause: Token) -> list[Token]:
    """Whom a warned clause (`triggers.warned_clause`) will punish: the object of "will not
    tolerate", the held of "hold ... accountable", or the for/on object of a consequence ("there
    must be consequences for those attacks", "impose costs for Russian Government actions")."""
    found = []
    for t in clause.subtree:
        lemma = t.lemma_.lower()
        if lemma in ("tolerate", "hold"):
            found += [c for c in children(t) if c.dep_ == "dobj"]
        elif lemma in CONSEQUENCE_NOUNS or t.lower_ in CONSEQUENCE_NOUNS:
            # "consequences for those attacks", "impose costs ... on Russia" (the phrase hung on the verb)
            holders = [t, t.head] if t.dep_ == "dobj" else [t]
            found += [g for h in holders for c in children(h) if c.dep_ == "prep" and c.lower_ in ("for", "on")
                      for g in pobjs(c)]
    return found


def speakers_pleasure(token: Token) -> bool:
    """'Minister Trujillo, it's been a pleasure to meet you and host you': an infinitive (or its
    conjunct) on the noun of a clause whose subject is 'it' and whose noun is a feeling of the
    speaker's (data speakers_pleasures): the speaker does it, as in 'I am delighted to welcome'."""
    verb = token.head if token.dep_ == "conj" else token
    if verb.tag_ != "VB" or verb.dep_ not in ("acl", "xcomp") or subject_of(verb):
        return False  # "a pleasure for Japan to host": Japan hosts
    # the infinitive hangs on the noun ("a pleasure | to meet") or on the clause's verb ("was | to meet")
    clause = verb.head.head if verb.dep_ == "acl" and verb.head.dep_ == "attr" else verb.head
    return (any(c.dep_ == "attr" and c.lemma_.lower() in SPEAKERS_PLEASURES for c in children(clause))
            and any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ == "it" for c in children(clause)))


def _forces_participle(participle: Token, noun: Token) -> bool:
    """"U.S. forces deployed to fight ISIS": a participle after a noun of forces. The tagger may
    take it for a past tense (VBD) though the parser hangs it on the noun; a past tense with an
    object is the clause's own verb ("U.S. forces conducted strikes"), hung there by mistake."""
    if participle.dep_ != "acl" or noun.lower_ not in FORCE_NOUNS:
        return False
    if participle.tag_ == "VBN":
        return True
    return participle.tag_ == "VBD" and not any(c.dep_ == "dobj" for c in children(participle))


def _holders_of_unowned_forces(forces: Token) -> list[Token]:
    """'The U.S. has 900 troops stationed in Syria', 'Britain keeps 350 soldiers deployed in
    Poland': forces that say nobody's, or only "its", the object of a verb of holding (data
    holding_verbs), are its subject's; not a host's ("Iraq hosts 2,500 troops deployed to fight ISIS")."""
    if forces.dep_ != "dobj" or forces.head.lemma_.lower() not in HOLDING_VERBS:
        return []
    if _says_whose(forces) and not any(c.dep_ == "poss" and c.pos_ == "PRON" for c in children(forces)):
        return []  # "Russia has its troops stationed in Belarus": its own, the subject's
    return subject_of(forces.head)


def forces_of_participle(current: Token, head: Token) -> list[Token]:
    """'Iraq hosts U.S. forces deployed to fight ISIS': the forces fight, not Iraq."""
    return [head] if _forces_participle(current, head) else []


_DOER_NOUNS = frozenset(STATE_BODY_NOUNS | ORG_NOUNS | OFFICIAL_NOUNS | GROUP_NOUNS | LISTED_MEMBER_NOUNS
                        | FORCE_NOUNS | {"country", "countries", "nation", "nations", "state", "states"})


def doer_of_gerund(current: Token, head: Token) -> list[Token]:
    """'Rwandan troops supporting the M23', 'countries supplying arms to Russia': the actor noun
    an -ing participle describes does it, not the clause's subject ('France condemned ...'). Not
    a statement or resolution ('issued a statement condemning the attack': its issuer condemns), nor
    forces of no named owner that a verb sends ('deployed soldiers fighting in Ukraine': the sender's)."""
    if current.dep_ != "acl" or current.tag_ != "VBG" or head.pos_ not in ("NOUN", "PROPN") or \
            head.lower_ in DOCUMENT_NOUNS or head.lemma_.lower() in DOCUMENT_NOUNS:
        return []  # "the Vilnius Summit Communique condemning ...": its issuer's
    if head.ent_type_ in ("PERSON", "NORP", "GPE", "ORG") or (
            head.pos_ == "NOUN" and (head.lower_ in _DOER_NOUNS or head.lemma_.lower() in _DOER_NOUNS)):
        owned = any(c.dep_ in ("poss", "amod", "compound", "nmod") and (c.ent_type_ or c.pos_ == "PROPN")
                    for c in children(head))
        if head.dep_ == "dobj" and head.pos_ == "NOUN" and not owned:
            return []  # "Russia deployed soldiers fighting in Ukraine": the sender's own, whose deed is the sender's
        return [head]
    return []


def noun_owner(current: Token, head: Token) -> list[Token]:
    """'Russia's decision to invade', 'the decision by Russia to invade', 'Russia's role in the attack': the owner of the noun climbed
    into; a pronoun owner of a reason phrase is the one reproached ("sanctioned X for their role in")."""
    if head.pos_ not in ("NOUN", "PROPN") or current.dep_ not in ("acl", "prep", "pobj", "conj"):
        return []
    owners = [c for c in children(head) if c.dep_ == "poss"]
    if not owners and current.dep_ == "acl" and current.tag_ == "VB":
        # "the decision by the United States to re-impose sanctions": the by-phrase's, whose decision it is
        owners = [g for c in children(head) if c.dep_ == "prep" and c.lower_ == "by" for g in pobjs(c)]
    if owners and all(o.pos_ == "PRON" for o in owners) and head.dep_ == "pobj" and _reproaching(head.head):
        # "sanctioned eight officials for their role in attacking protesters": "their" is theirs
        return reproached_by(head.head) or owners
    return owners


def _reproaching(preposition: Token) -> bool:
    """Whether a reason phrase hangs on words of punishing, judging or thanking ("sanctioned X for",
    "condemned X for", "our gratitude to X for"), not on any deed ("sent drones to Russia for its war")."""
    holder = preposition.head
    words = [holder, *(c for c in children(holder) if c.dep_ == "dobj")]
    return _punished_object(holder) or any(
        _judging_noun(w) or w.pos_ == "VERB" and VERB_TRIGGERS.get(w.lemma_.lower()) in _PUNISHING_ACTIONS for w in words)


def reproached_object(current: Token, head: Token) -> list[Token]:
    """'condemns X for deploying', 'warned X against sending', 'X was accused of providing': X, the
    object (or passive subject) of the verb over the preposition."""
    if current.dep_ != "pcomp":
        return []
    return reproached_by(head)


#: the prepositions of what one is reproached (or thanked) for: "condemns X for", "accused X of", "condemned X over"
REPROACH_PREPOSITIONS = ("for", "of", "against", "from", "over")


def reproached_by(preposition: Token) -> list[Token]:
    """The one a reason phrase is about: the object (or passive subject) of what the preposition
    hangs from ("condemns X for deploying", "sanctioned X for their role"), or the one a sanction
    noun is taken against ("imposed sanctions on Iran for supplying drones")."""
    if preposition.dep_ != "prep" or preposition.lower_ not in REPROACH_PREPOSITIONS:
        return []
    holder = preposition.head
    if _punished_object(holder):  # "sanctioned [five companies for supplying drones]": the parser's
        return [holder]           # phrase on the object; the object did it, not the sanctioner
    objects = [c for c in children(holder) if c.dep_ == "dobj"]
    return ([t for o in objects for t in _measures_object(o)] or _judged_by_verb(holder, objects) or objects
            or [c for c in children(holder) if c.dep_ == "nsubjpass"]  # "X has been accused of providing"
            or relative_object(holder) or _measures_object(holder) or _judged_in_phrase(holder))


#: actions whose object is punished or judged for what a reason phrase says it did
_PUNISHING_ACTIONS = frozenset({"sanction", *JUDGING_ACTIONS})


def _punished_object(noun: Token) -> bool:
    """Whether a noun is the object of a verb that sanctions or judges it ("The United States
    sanctioned five companies for supplying drones"), so that a reason phrase hung on it is its own."""
    return (noun.pos_ in ("NOUN", "PROPN") and noun.dep_ in ("dobj", "nsubjpass") and noun.head.pos_ == "VERB"
            and (VERB_TRIGGERS.get(noun.head.lemma_.lower()) in _PUNISHING_ACTIONS
                 or bool(phrase_actions(noun.head) & _PUNISHING_ACTIONS)))  # "suspected Russia of orchestrating"


def _judged_by_verb(verb: Token, objects: list[Token]) -> list[Token]:
    """'expressed our gratitude to SRSG Salvador and her team for their commitment': the one a
    judging noun, the verb's object, is addressed to, in its own phrase or the verb's to-phrase."""
    judging = [o for o in objects if _judging_noun(o)]
    if not judging:
        return []
    return [t for o in judging for t in _judged_in_phrase(o)] or [
        g for p in children(verb) if p.dep_ == "prep" and p.lower_ == "to" for g in children(p) if g.dep_ == "pobj"]


def _judging_noun(token: Token) -> bool:
    """Whether a word is a noun of praise or blame ("gratitude", "condemnation", "accusation")."""
    return token.pos_ == "NOUN" and NOUN_TRIGGERS.get(token.lemma_.lower()) in ("support", "condemn", "accuse")


def _judged_in_phrase(noun: Token) -> list[Token]:
    """'expressed its gratitude to Germany for stationing a brigade', 'his condemnation of Russia
    for invading': the one a judging noun is addressed to, or is of, did what it is judged for."""
    if not _judging_noun(noun):
        return []
    # "of" names the judged only where a possessor names the judge ("his condemnation of Russia"; "the
    # condemnation of the international community" is the community's)
    preps = ("to", "of") if any(c.dep_ == "poss" for c in children(noun)) else ("to",)
    return [g for p in children(noun) if p.dep_ == "prep" and p.lower_ in preps
            for g in children(p) if g.dep_ == "pobj"]


def _measures_object(noun: Token) -> list[Token]:
    """'imposed sanctions on Iran for supplying drones', 'hit Iran with sanctions for supplying':
    the one a sanction (a noun) is taken against, by its own preposition or its verb's, or as
    the object of the verb it is the instrument of."""
    if noun.pos_ != "NOUN" or not ("sanction" in (NOUN_TRIGGERS.get(noun.lemma_.lower()), NOUN_TRIGGERS.get(noun.lower_))
                                   or noun.lower_ in MEASURE_HEADS):
        return []
    def taken_against(holder: Token) -> list[Token]:
        return [g for p in children(holder) if p.dep_ == "prep" and p.lower_ in ("on", "against", "upon")
                for g in children(p) if g.dep_ == "pobj"]

    # "impose costs on Russia for its invasion": the 'on' may hang on the verb
    targets = taken_against(noun) or (taken_against(noun.head) if noun.dep_ == "dobj" else [])
    if targets or noun.dep_ != "pobj" or noun.head.lower_ != "with":
        return targets
    return [c for c in children(noun.head.head) if c.dep_ == "dobj"]


def relative_object(verb: Token) -> list[Token]:
    """'three companies it accused of supplying drones': the noun a relative clause with a
    subject of its own and no object says something about is that clause's object."""
    if verb.dep_ != "relcl" or verb.head.pos_ not in ("NOUN", "PROPN") or verb.tag_ == "VBG":
        return []
    if any(c.dep_ in ("dobj", "nsubjpass") or c.dep_ == "advmod" and c.lower_ in RELATIVE_ADVERBS
           for c in children(verb)):
        return []  # "Brussels, where he will meet with ...": a place, not what he meets
    subjects = [c for c in children(verb) if c.dep_ == "nsubj"]
    if not subjects or subjects[0].lower_ in RELATIVE_PRONOUNS or not verb.head.i < subjects[0].i < verb.i:
        return []
    return [verb.head]


def controlled_object(current: Token, head: Token) -> list[Token]:
    """'prompting the United States to strike', 'called on China to stop supplying': the object
    of a verb of control does what its infinitive says (which the parser may hang as an adverbial
    clause: 'call on China to refrain from supplying')."""
    infinitive = current.dep_ == "xcomp" or current.dep_ == "advcl" and to_infinitive(current)
    if not infinitive:
        return []
    if head.lemma_ not in OBJECT_CONTROL:
        return _addressee_of_call(head)
    objects = [c for c in children(head) if c.dep_ == "dobj"]
    return objects or [g for p in children(head) if p.dep_ in ("prep", "prt") and p.lower_ in ("on", "upon")
                       for g in children(p) if g.dep_ == "pobj"]


def _addressee_of_call(verb: Token) -> list[Token]:
    """'The United States reiterates its call on Rwanda to end support to the M23': the parser hangs
    the infinitive on the verb that holds the call; the one called on does what it says (data:
    `object_control_nouns`, `call_holding_verbs`)."""
    if verb.lemma_.lower() not in CALL_HOLDING_VERBS:
        return []
    return [g for n in children(verb) if n.dep_ == "dobj" and n.lemma_.lower() in OBJECT_CONTROL_NOUNS
            for p in children(n) if p.dep_ == "prep" and p.lower_ in ("on", "upon", "to")
            for g in children(p) if g.dep_ == "pobj"]


def by_agents(verb: Token) -> list[Token]:
    """The objects of a passive verb's or participle's by-phrase ("was rejected by the Netherlands")."""
    return [g for a in children(verb) if a.dep_ == "agent" for g in children(a) if g.dep_ == "pobj"]


def described_by_participle(current: Token, head: Token) -> list[Token]:
    """'companies accused of supplying equipment to Russia', 'firms involved in procuring drones':
    the noun a past participle describes does the deed of the participle's phrase, not the
    clause's subject ('The EU sanctioned companies accused of ...')."""
    noun = head.head
    if current.dep_ != "prep" or head.dep_ != "acl" or head.tag_ != "VBN" or noun.pos_ not in ("NOUN", "PROPN"):
        return []
    actor = noun.ent_type_ in ("PERSON", "NORP", "GPE", "ORG") or noun.lower_ in _DOER_NOUNS or noun.lemma_.lower() in _DOER_NOUNS
    return [noun] if actor else []  # not "talks aimed at ending hostilities": the talks do nothing


def held_responsible(current: Token, head: Token) -> list[Token]:
    """'anyone responsible for serious violations', 'Russia is responsible for the atrocities':
    whom the adjective of responsibility describes did the deed of its for-phrase, not the subject
    of the clause around ('the Government holding to account anyone responsible for ...')."""
    if current.dep_ != "prep" or current.lower_ != "for" or head.lower_ not in RESPONSIBILITY_WORDS:
        return []
    if head.dep_ in ("amod", "acl") and head.head.pos_ in ("NOUN", "PROPN", "PRON"):
        return [head.head]
    if head.dep_ == "advcl":  # 'penalties against eight individuals "responsible for ..."': the parser, misled
        before = head.doc[head.i - 1] if head.i else None  # by the quote, hangs the adjective on the verb
        before = head.doc[head.i - 2] if before is not None and before.is_quote and head.i > 1 else before
        if before is not None and before.pos_ in ("NOUN", "PROPN") and before.tag_ in ("NNS", "NNPS"):
            return [before]
    return subject_of(head.head) if head.dep_ == "acomp" else []


def clause_subject(current: Token, head: Token) -> list[Token]:
    """'Russia decided to invade', 'was pressed by Washington to act': the subject or by-agent of
    the clause; a passive verb of expecting or planning, or of belief or report, with no by-agent,
    its subject ('Netanyahu is expected to meet al-Sisi', 'Russia is believed to have provided ...')."""
    if head.pos_ not in ("VERB", "AUX", "ADJ"):
        return []
    agents = by_agents(head)
    if not agents and current.dep_ == "xcomp" and head.lemma_.lower() in HYPOTHETICAL_GOVERNORS | RAISING_PASSIVES:
        agents = [c for c in children(head) if c.dep_ == "nsubjpass"]  # not "drones are used to attack"
    return agents or _forces_sent(current, head) or subject_of(head)


def _forces_sent(current: Token, head: Token) -> list[Token]:
    """'UK troops were sent to fight ISIS', 'Thousands of troops will be put on stand-by to deploy to
    Estonia': forces sent or readied for something (data forces_sending_verbs) do it themselves (not
    drones, which are used)."""
    if current.dep_ not in ("xcomp", "advcl") or not to_infinitive(current) or any(
            c.dep_ == "agent" for c in children(head)) or head.lemma_.lower() not in FORCES_SENDING_VERBS:
        return []  # not "soldiers were taken hostage to demand ...": their captors' purpose
    return [c for c in children(head) if c.dep_ == "nsubjpass" and _names_forces(c)]


def _names_forces(noun: Token) -> bool:
    """'troops', or a count of them ('thousands of UK troops')."""
    return (partitive_of(noun) or noun).lower_ in FORCE_NOUNS


def finite_conjunct(current: Token, head: Token) -> list[Token]:
    """'The United States calls on Rwanda to end its support and urges Council Members to act', 'We
    call on the DPRK to cease transfers and urge it to take steps': the parser hangs the verb on the
    infinitive before it; it is the outer clause's, whose subject acts, not the one called on."""
    if not outer_verb_after_infinitive(current) or head.head.i == head.i:
        return []
    return clause_subject(head, head.head)


def pledged_by(current: Token, head: Token) -> list[Token]:
    """'We are encouraged by the commitments made by the Syrian authorities to fully cooperate with the
    OPCW': the parser hangs the infinitive on the verb the pledge (data duty_nouns) is the by-agent
    of; whoever pledged does it, as when it hangs on the noun (`_noun_infinitive_agents`)."""
    if current.dep_ not in ("xcomp", "advcl") or not to_infinitive(current):
        return []
    # not a pledge the verb's subject invokes: "Britain invoked China's pledges | to condemn the crackdown"
    return [doer for n in by_agents(head) if n.i < current.i for doer in pledgers(n, current)]


def pledgers(noun: Token, infinitive: Token) -> list[Token]:
    """Who made a pledge (data duty_nouns) whose act `infinitive` says: 'commitments made by X',
    'X's pledge', 'the pledge of X'."""
    if noun.lower_ not in DUTY_NOUNS and noun.lemma_.lower() not in DUTY_NOUNS:
        return []
    return _makers(noun, infinitive.i)


# Tried in order at each step of the climb; the first to find someone ends it.
CLIMB_RULES: tuple[Callable[[Token, Token], list[Token]], ...] = (
    finite_conjunct, forces_of_participle, doer_of_gerund, noun_owner, reproached_object, controlled_object,
    held_responsible, described_by_participle, pledged_by, clause_subject,
)


AgentRule = Callable[[Token, str], "tuple[list[Token], str] | None"]


def possessor(token: Token, action: str) -> tuple[list[Token], str] | None:
    """'Russia's invasion': the possessor acts, unless it is a date ('last month's strikes')."""
    owner = next((c for c in children(token) if c.dep_ == "poss" and c.ent_type_ not in ("DATE", "TIME")), None)
    if owner is None:  # "the Houthis' missile and UAV attacks": the parser hangs the owner on the first modifier
        owner = next((g for c in children(token) if c.dep_ in ("nmod", "compound") and c.i < token.i
                      for g in children(c) if g.dep_ == "poss" and g.ent_type_ not in ("DATE", "TIME")), None)
    return ([owner], "possessor") if owner is not None else None


def by_phrase(token: Token, action: str) -> tuple[list[Token], str] | None:
    """'the invasion by Russia', or 'condemn the rocket fire by Hezbollah' with 'by' hung on the verb;
    for a conjunct, a by-phrase after it that the parser hangs on the first ('threats and attacks
    against U.S. forces by the IRGC': the parser's way of sharing it)."""
    by = next((c for c in children(token) if c.dep_ == "prep" and c.lower_ == "by"), None)
    if by is None and token.dep_ == "conj" and token.head.pos_ == "NOUN":
        by = next((c for c in children(token.head) if c.dep_ == "prep" and c.lower_ == "by" and c.i > token.i), None)
    if by is not None:
        return [g for g in children(by) if g.dep_ == "pobj"], "noun-by"
    misattached = _misattached_by(token)
    return (misattached, "noun-by") if misattached else None


HELPING_ACTIONS = ("support", "supply")  # done to whoever acts 'with' them


def in_with_phrase(token: Token) -> bool:
    """'with support from ...', 'With the support of ...': the noun is the object of 'with'."""
    return token.dep_ == "pobj" and token.head.lower_ == "with"


def named_as_partner(token: Token) -> bool:
    """Whether a mention is among those one acts with ("in lockstep with Allies and partners in
    the European Union, the United Kingdom, Canada", "together with France", "alongside Japan"):
    partners in a deed, not its target. The mention, the phrase it is in or the first name of its
    list is the object of a 'with' that a noun of cooperation or 'together' holds, or of
    'alongside'. Read once per token."""
    return kept_answer(token, "named_as_partner", _named_as_partner)


def _named_as_partner(token: Token) -> bool:
    if _in_partner_phrase(token):
        return True
    if token.dep_ != "conj" or not token.ent_type_:
        return False
    return any(_in_partner_phrase(members[0].root) for members, _ in document_name_lists(token.doc)
               if any(m.start <= token.i < m.end for m in members[1:]))


def _in_partner_phrase(token: Token) -> bool:
    if token.dep_ in ("amod", "compound", "nmod", "poss"):  # "alongside British forces": the forces'
        token = token.head
    for _ in range(6):
        if token.dep_ == "pobj" and _partner_preposition(token.head):
            return True
        if token.dep_ in ("conj", "appos"):
            token = token.head
        elif token.dep_ == "pobj" and token.head.lower_ in _LISTING_PREPOSITIONS:
            token = _listed_under(token.head)  # "partners [in] the European Union", "allies [such as] Japan"
        elif token.dep_ == "pobj" and token.head.lower_ == "of" and _some_of_a_group(token.head.head):
            token = token.head.head  # "alongside members [of] the Wagner group"
        else:
            return False
    return False


def _listed_under(prep: Token) -> Token:
    """The noun whose members a listing preposition names: its head, or the noun right before
    its comma where the parser hangs ", including ..." on a noun further back ("sanctions with our
    allies and partners, including those in the European Union": the partners')."""
    doc = prep.doc
    if prep.lower_ in _COMMA_LISTING and prep.i > 1 and doc[prep.i - 1].text == ",":
        noun = doc[prep.i - 2]
        if noun.pos_ in ("NOUN", "PROPN") and noun.i != prep.head.i:
            return noun
    return prep.head


#: listing prepositions that follow a comma after the noun whose members they name
_COMMA_LISTING = frozenset({"including", "like"})


def _some_of_a_group(noun: Token) -> bool:
    """"members", "elements", "forces", "troops": a noun for some of a group's people (data member_nouns, force_nouns)."""
    word = noun.lower_
    return word in MEMBER_NOUNS or word in FORCE_NOUNS


#: prepositions by which a noun names its members or examples, through which a partner's list goes on
_LISTING_PREPOSITIONS = frozenset({"in", "including", "like", "from", "among", "as"})


def _partner_preposition(prep: Token) -> bool:
    """'alongside'; 'with' after 'together' or 'along' ("together with Britain", however the parser
    hangs 'together'), on a noun of cooperation ("in lockstep with"), or on a noun of an action
    whose target is never named by 'with' ("announced sanctions with our allies")."""
    if prep.lower_ == "alongside":
        return True
    if prep.lower_ != "with":
        return False
    holder = prep.head
    lemma = holder.lemma_.lower()
    action = NOUN_TRIGGERS.get(lemma) if holder.pos_ == "NOUN" else None  # on a verb, 'with' is often misplaced
    return (holder.lower_ in ("together", "along") or any(c.lower_ in ("together", "along") for c in children(prep))
            or action == "cooperate" or (action is not None and "with" not in ACTIONS[action].target_prepositions))


def from_phrase(token: Token, action: str) -> tuple[list[Token], str] | None:
    """'with support from Australia and Bahrain', 'threats from Iran': where the act comes from;
    'with the support of a number of partners': the helpers of a 'with'-phrase."""
    found = preps_objects(token, ("from",))
    if not found and token.dep_ == "dobj" and token.head.lemma_.lower() in SUFFERING_VERBS:
        # "Ukraine faces aggression from Russia", the parser hanging 'from' on the verb
        found = [g for p in children(token.head) if p.dep_ == "prep" and p.lower_ == "from" and p.i > token.i
                 for g in children(p) if g.dep_ == "pobj"]
    if not found and in_with_phrase(token) and action in HELPING_ACTIONS:
        found = preps_objects(token, ("of",))
    return (found, "noun-from") if found else None


def between_phrase(token: Token) -> Token | None:
    """The 'between' phrase that names the sides of a fight: the noun's own ("fighting between
    the army and the RSF"), or that of the verb the noun is the subject of ("Clashes erupted
    between Sudanese and Ethiopian forces", "Heavy fighting flared again between ...")."""
    for holder in (token, token.head if token.dep_ == "nsubj" and token.head.pos_ == "VERB" else None):
        if holder is not None:
            found = next((c for c in children(holder) if c.dep_ == "prep" and c.lower_ == "between"), None)
            if found is not None:
                return found
    return None


def cooperation_between(token: Token, action: str) -> tuple[list[Token], str] | None:
    """'cooperation between Russia and North Korea', 'the U.S.-Japan alliance': the parties cooperate;
    'the conflict between Israel and Hamas': the parties fight (each other, `extract._mutual`)."""
    if action == "cooperate":  # 'among' names parties only where they cooperate ("civilians, among them children")
        between = next((c for c in children(token) if c.dep_ == "prep" and c.lower_ in ("between", "among")), None)
    elif action == "fight":
        between = between_phrase(token)
    else:
        between = None  # a meeting's 'between' names a target ("talks between ... and ...")
    if between is not None:
        return [g for g in children(between) if g.dep_ == "pobj"], "between"
    # "the U.S.-China talks"; "the Israel-Hamas war" is mostly named as a time, not reported as a deed
    pair = hyphenated_states(token) if action in ("cooperate", "consult") else []
    return (pair, "between") if pair else None


def national_modifier(token: Token, action: str) -> tuple[list[Token], str] | None:
    """'Russian strikes', 'Hezbollah attacks', 'the North Korean troop deployment': who is named before the noun."""
    for child in children(token):
        nation = _nation_of_modifier(child)
        if nation is not None:
            return [nation], "national-modifier"
    return None


def named_before_a_gerund(token: Token, action: str) -> tuple[list[Token], str] | None:
    """'with Assistant Secretary-General Martha Pobee warning of atrocities': a verb in -ing the
    parser took for a noun, with the person who does it as its modifier."""
    if token.tag_ != "NN" or not token.lower_.endswith("ing"):
        return None
    person = next((c for c in children(token) if c.dep_ == "compound" and c.ent_type_ == "PERSON"
                   and c.i == token.i - 1), None)
    return ([person], "person-before-gerund") if person is not None else None


def _nation_of_modifier(child: Token) -> Token | None:
    """A national modifier itself, a named armed group the recogniser missed ('Houthi attacks':
    data organisations.json armed_groups), or the nation or possessor of a forces compound
    ('North Korean troop')."""
    if child.dep_ in ("amod", "compound", "nmod") and (
            child.ent_type_ in ("NORP", "GPE", "ORG") or _unlabelled_group(child)):
        return child
    if child.dep_ == "amod" and child.pos_ == "ADJ" and demonym_code(child.text):
        return child  # "Azerbaijani aggression", the adjective tagged a person by the recogniser
    if child.dep_ == "compound" and child.lower_ in FORCE_NOUNS:
        return next((g for g in children(child) if g.ent_type_ in ("NORP", "GPE") or g.dep_ == "poss"), None)
    return None


def of_forces(token: Token, action: str) -> tuple[list[Token], str] | None:
    """'the deployment of North Korean troops': the troops' state deploys them. Troops that say
    nobody's ('France announced the deployment of 500 troops') leave the agent to the later
    rules: here the light verb's subject."""
    if action not in ("deploy", "fight"):
        return None
    forces = next((g for c in children(token) if c.dep_ == "prep" and c.lower_ == "of"
                   for g in children(c) if g.dep_ == "pobj" and g.lower_ in FORCE_NOUNS), None)
    return ([forces], "of-forces") if forces is not None and _says_whose(forces) else None


def of_attacker(token: Token, action: str) -> tuple[list[Token], str] | None:
    """'the attacks of Washington against Caracas': with an 'against' target named, the 'of'
    phrase names the attacker (alone, 'the invasion of Ukraine' names the attacked)."""
    if action != "fight" or not has_prep(token, ("against",)):
        return None
    attacker = _named_in_of_phrase(token)
    return ([attacker], "of-attacker") if attacker is not None else None


def _named_in_of_phrase(token: Token) -> Token | None:
    """The first name (a state, people, organisation or person) of the noun's of-phrase."""
    return next((g for c in children(token) if c.dep_ == "prep" and c.lower_ == "of"
                 for g in children(c) if g.dep_ == "pobj" and g.ent_type_ in ("GPE", "NORP", "ORG", "PERSON")), None)


def of_supporter(token: Token, action: str) -> tuple[list[Token], str] | None:
    """'the support of Japan for Ukraine', 'the continued support of IGAD and the African Union to
    help the Government': where a for/to phrase or an infinitive says what the support is for, the
    'of' phrase names the supporter (alone, 'in support of Ukraine' names the supported:
    `in_stance_of`)."""
    if action != "support" or stance_verb(token, action) is not None:
        return None
    if not has_prep(token, ("for", "to")) and not _aims_of(token):
        return None
    giver = _named_in_of_phrase(token)
    return ([giver], "of-supporter") if giver is not None else None


def of_meeting_holder(token: Token, action: str) -> tuple[list[Token], str] | None:
    """'the telephone conversations of President Macron with the leaders of Armenia and
    Azerbaijan': where a with-phrase names whom a meeting is with, its 'of' phrase names who
    held it (not the ones met with each other)."""
    if action != "consult" or not (has_prep(token, ("with",)) or token.dep_ == "dobj" and has_prep(token.head, ("with",))):
        return None  # the parser may hang the with-phrase on the verb whose object the meeting is
    holder = _named_in_of_phrase(token)
    return ([holder], "of-holder") if holder is not None else None


def _aims_of(noun: Token) -> list[Token]:
    """The infinitives that say what a noun is for ('support to help the Government'), also where
    the parser hangs them on the verb whose object the noun is ('welcome the support of X | to help')."""
    holders = [noun, noun.head] if noun.dep_ == "dobj" else [noun]
    return [c for h in holders for c in children(h) if c.dep_ in ("acl", "relcl", "advcl", "xcomp")
            and c.i > noun.i and to_infinitive(c)]


def of_national_goods(token: Token, action: str) -> tuple[list[Token], str] | None:
    """'the transfer of Iranian missiles to Russia', 'the supply of North Korean shells': the
    state that made the goods supplies them, where nobody else is said to."""
    if action != "supply":
        return None
    goods = next((g for c in children(token) if c.dep_ == "prep" and c.lower_ == "of"
                  for g in children(c) if g.dep_ == "pobj" and g.lower_ in ARMS_NOUNS), None)
    nation = next((n for c in children(goods) for n in [_nation_of_modifier(c)] if n is not None), None) \
        if goods is not None else None
    return ([nation], "of-national-goods") if nation is not None else None


def _says_whose(forces: Token) -> bool:
    """Whether a force noun names its owner: a possessor, a national or named modifier, or a
    from-phrase ('its troops', 'North Korean soldiers', 'Wagner fighters', 'troops from Chad')."""
    return any(c.dep_ == "poss" or c.dep_ == "prep" and c.lower_ == "from"
               or c.dep_ in ("amod", "compound", "nmod") and (c.ent_type_ != "" or c.pos_ == "PROPN")
               for c in children(forces))


def imposed_by(token: Token, action: str) -> tuple[list[Token], str] | None:
    """'the arms embargo imposed by this Council': the by-agent of a participle on the noun."""
    agents = _participle_doers(token)
    return (agents, "noun-imposed-by") if agents else None


def _participle_doers(token: Token) -> list[Token]:
    """The by-agent of the first past participle on the noun that has one ('carried out by X');
    not a witness's ('reported by', 'documented by': data witness_verbs) nor a mediator's
    ('talks mediated by the EU': data mediating_verbs)."""
    for child in children(token):
        if (child.dep_ == "acl" and child.tag_ == "VBN"
                and child.lemma_.lower() not in WITNESS_VERBS | MEDIATING_VERBS):
            agents = by_agents(child)
            if agents:
                return agents
    return []


def mediators(noun: Token) -> list[Token]:
    """Who brought the parties of a deed noun to it without taking part ("Turkish-brokered
    talks", "talks mediated by the EU": data mediating_verbs)."""
    found: list[Token] = []
    for child in children(noun):
        if child.dep_ in ("amod", "acl") and child.lemma_.lower() in MEDIATING_VERBS:
            found += hyphened_agent(child)
            found += by_agents(child)
    return found


def relative_light_verbs(noun: Token) -> list[Token]:
    """'the sanctions that the EU imposed on Russia': the light verbs of relative clauses on a
    noun, which say who did it (their subject) and to whom (their phrases)."""
    return [c for c in children(noun) if c.dep_ == "relcl" and c.lemma_ in LIGHT_VERBS]


def relative_light_verb(token: Token, action: str) -> tuple[list[Token], str] | None:
    """'the sanctions it had imposed', 'appeals Biden made': the subject of a light verb in a relative clause."""
    for verb in relative_light_verbs(token):
        subjects = [c for c in children(verb) if c.dep_ == "nsubj"]
        if subjects and subjects[0].lower_ not in RELATIVE_PRONOUNS:
            return subjects, "relative-light-verb"
    return None


def in_step_with(token: Token, action: str) -> tuple[list[Token], str] | None:
    """'acting in concert with our partners', 'imposed in lockstep with the EU': whoever does
    what the 'in ... with' phrase qualifies works with the partners."""
    verb = manner_verb(token)
    if verb is not None:
        return verb_agents(verb)[0], "in-step-with"
    holder = _subject_in_step(token)
    return ([holder], "subject-in-step-with") if holder is not None else None


def _subject_in_step(token: Token) -> Token | None:
    """'NATO allies in close coordination with the EU are imposing sanctions': the subject the
    'in X with Y' phrase hangs on works with Y, as if the phrase qualified its verb."""
    holder = _in_phrase_holder(token)
    if holder is None or holder.dep_ not in ("nsubj", "nsubjpass") or not has_prep(token, ("with",)):
        return None
    return holder


def _in_phrase_holder(token: Token) -> Token | None:
    """The word an 'in X' phrase hangs on, X being `token` ("acted | in support of", "allies | in
    coordination with"); None where `token` is no such X."""
    return token.head.head if token.dep_ == "pobj" and token.head.lower_ == "in" else None


def in_stance_of(token: Token, action: str) -> tuple[list[Token], str] | None:
    """'your country deployed forces in support of United Nations operations', 'Britain joined its
    allies in condemnation of Russia's behaviour', 'take a stand in support of the UN': whoever does
    what the 'in support of' phrase qualifies takes that stance."""
    verb = stance_verb(token, action)
    return (verb_agents(verb)[0], "in-stance-of") if verb is not None else None


def stance_verb(token: Token, action: str) -> Token | None:
    """The verb an 'in support of' ('in condemnation of') phrase qualifies, directly or through
    the verb's object ('take a stand in support of') or its preposition's object ('stood with
    allies in condemnation of'); None where `token` heads no such phrase."""
    held = _in_phrase_holder(token)
    if action not in STANCE_ACTIONS or held is None:
        return None
    of = preps_objects(token, ("of",))
    if not of or any(c.dep_ == "preconj" for o in of for c in children(o)):
        return None  # "abstained in support of neither Russia nor Ukraine"
    if held.dep_ == "dobj" and held.lemma_.lower() in STANCE_NOUNS:
        held = held.head
    elif held.dep_ == "pobj" and held.head.lower_ in STANCE_COMPANY and held.head.head.pos_ == "VERB":
        held = held.head.head  # "stood shoulder-to-shoulder with Allies in condemnation of": hung on the allies
    elif held.dep_ == "npadvmod" and held.head.pos_ == "VERB":
        held = held.head  # "Mr. Williamson stood shoulder-to-shoulder ... in condemnation of": hung on "shoulder"
    return held if held.pos_ == "VERB" else None


def manner_verb(token: Token) -> Token | None:
    """The verb an 'in X with Y' phrase qualifies, X being `token`."""
    verb = _in_phrase_holder(token)
    if verb is not None and verb.pos_ == "PUNCT":  # "The United States, in coordination with ..., sanctioned"
        verb = verb.head
    if verb is None or verb.pos_ not in ("VERB", "AUX"):
        return None
    with_phrase = any(c.dep_ == "prep" and c.lower_ == "with" and c.i > token.i for h in (token, verb) for c in children(h))
    return verb if with_phrase else None


def in_step_noun(token: Token) -> Token | None:
    """'coordination' for France in 'imposed sanctions in coordination with France': the noun of
    the 'in X with' phrase whose 'with' names `token` (hanging from X or from its verb)."""
    prep = token.head
    if token.dep_ != "pobj" or prep.lower_ != "with":
        return None
    held = prep.head
    if manner_verb(held) is not None:  # 'in tandem with France': the 'with' hangs from the noun
        return held
    return next((n for p in children(held) if p.dep_ == "prep" and p.lower_ == "in" and p.i < prep.i
                 for n in children(p) if n.dep_ == "pobj"
                 and (manner := manner_verb(n)) is not None and manner.i == held.i), None)


def light_verb(token: Token, action: str) -> tuple[list[Token], str] | None:
    """'imposed sanctions', 'is considering additional measures, including sanctions against X': who does it."""
    verb = _light_verb_over(token)
    return (verb_agents(verb)[0], "light-verb") if verb is not None else None


def part_taken(token: Token, action: str) -> tuple[list[Token], str] | None:
    """'sanctioned four IRGC commanders for their role in the transfer of missiles to Russia':
    the one reproached for a part in a deed did it (data: part_nouns). Only what one is
    reproached for: 'China's role in the war' in commentary says no one fought."""
    prep = token.head
    if token.dep_ != "pobj" or prep.lower_ != "in" or prep.head.lemma_.lower() not in PART_NOUNS:
        return None
    part = prep.head
    reproached = reproached_by(part.head) if part.dep_ == "pobj" and part.head.lower_ == "for" else []
    if not reproached:
        return None
    owners = [c for c in children(part) if c.dep_ == "poss" and c.pos_ != "PRON"]
    return (owners or reproached, "part-taken")


def journey_purpose(token: Token, action: str) -> tuple[list[Token], str] | None:
    """'Blinken arrived in Beijing for talks with Chinese officials': who went somewhere for it."""
    prep = token.head
    if token.dep_ != "pobj" or prep.lower_ != "for" or prep.head.lemma_.lower() not in JOURNEY_VERBS:
        return None
    return verb_agents(prep.head)[0], "journey-purpose"


def occasion_of_the_clause(token: Token, action: str) -> tuple[list[Token], str] | None:
    """'In a phone call to Abiy, Blinken pressed for ...', 'During the meeting, the minister
    said ...': a consultation that frames the clause is held by the clause's subject."""
    prep = token.head
    if action != "consult" or token.dep_ != "pobj" or prep.lower_ not in ("in", "during") \
            or prep.head.pos_ != "VERB" or any(c.dep_ == "poss" for c in children(token)):
        return None
    subjects = subject_of(prep.head)
    return (subjects, "occasion-of-the-clause") if subjects else None


def _light_verb_over(token: Token) -> Token | None:
    """The light verb the noun is the content of: its governor through 'including', its head, or over a preposition."""
    governor = _governing_verb(token)
    if (governor is not None and governor.i != token.head.i and governor.lemma_ in LIGHT_VERBS
            and not _light_verb_reason(token, governor)):
        return governor
    head = token.head
    if token.dep_ in ("dobj", "nsubjpass", "attr") and (
            head.lemma_ in LIGHT_VERBS or token.lower_ in MEETING_NOUNS and head.lemma_ in MEETING_HOLDING_VERBS):
        return head  # "imposed sanctions", "convened a meeting"
    if (token.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ == "VERB" and head.head.lemma_ in LIGHT_VERBS
            and not _light_verb_reason(token, head.head)):
        return head.head
    if token.dep_ == "pobj" and head.lower_ == "with" and head.head.lemma_ in ANSWER_WITH_VERBS:
        return head.head  # "retaliated with sanctions"
    return None


def _light_verb_reason(token: Token, verb: Token) -> bool:
    """Whether the noun is the light verb's reason, not its content: it hangs from a reason
    preposition ('over arms sales'), or from any preposition where the verb's object is
    already an event noun ('imposed sanctions on X for its arms sales': X sells, not the sanctioner)."""
    path = [token]
    while path[-1].head.i != verb.i and path[-1].head.i != path[-1].i:
        path.append(path[-1].head)
    if any(t.dep_ == "prep" and t.lower_ in REASON_PREPOSITIONS for t in path):
        return True
    return path[-1].dep_ == "prep" and any(
        c.dep_ == "dobj" and c.lemma_.lower() in NOUN_TRIGGERS for c in children(verb))


def undergone_of(token: Token, action: str) -> tuple[list[Token], str] | None:
    """'Moscow drew the condemnation of the Security Council': the of-phrase of an event noun that
    the verb's subject undergoes (data suffering_verbs) names who does it."""
    if token.dep_ != "dobj" or token.head.lemma_.lower() not in SUFFERING_VERBS:
        return None
    doers = [g for g in preps_objects(token, ("of",)) if g.ent_type_ in ("GPE", "ORG", "NORP", "PERSON")]
    return (doers, "undergone-of") if doers else None


# Tried in order; the first that applies names the agent, even when it finds nobody ('by' with no object).
NOUN_AGENT_RULES: tuple[AgentRule, ...] = (
    possessor, by_phrase, from_phrase, undergone_of, cooperation_between, national_modifier, named_before_a_gerund,
    of_forces, of_attacker,
    of_supporter, of_meeting_holder,
    imposed_by, relative_light_verb, in_step_with, in_stance_of, light_verb, part_taken, journey_purpose,
    of_national_goods, occasion_of_the_clause,
)


def measure_head(token: Token) -> Token:
    """'the sanctions regime': the noun that names the measure `token` modifies, else `token`."""
    if token.dep_ == "compound" and token.head.pos_ == "NOUN" and token.head.lower_ in MEASURE_HEADS:
        return token.head
    return token


def noun_agents(token: Token, action: str) -> tuple[list[Token], str]:
    """Possessor, 'by'-phrase, national adjective, or the subject of a light verb: the first rule that applies."""
    head = measure_head(token)
    if head.dep_ in ("dobj", "nsubjpass"):  # "imposed a sanctions regime": whoever imposed it
        token = head
    for rule in NOUN_AGENT_RULES:
        found = rule(token, action)
        if found is not None:
            return found
    return [], "none"


def _governing_verb(token: Token) -> Token | None:
    """The verb a noun phrase hangs from, through "including", "such as" and conjunctions."""
    current = token
    for _ in range(5):
        if current.dep_ not in ("dobj", "pobj", "prep", "conj", "appos", "nsubjpass"):
            return None
        current = current.head
        if current.pos_ == "VERB" and current.dep_ != "prep":
            return current
    return None


DELIVERIES = ("deploy", "supply")  # actions that move something to someone


@dataclass(frozen=True)
class TargetSearch:
    """What the target rules read: the trigger word, its action, and the prepositions that lead to its target."""
    token: Token
    action: str
    preps: tuple[str, ...]
    holders: list[Token]  # the trigger, and for deliveries what it moves ("send arms to Ukraine")

    @classmethod
    def of(cls, token: Token, trigger: Trigger) -> TargetSearch:
        action = trigger.action
        phrase = phrase_rule(trigger.rule)  # "took exception to", "made clear to": the phrase's own
        preps = tuple(phrase.get("target_prepositions", ())) or TARGET_PREPOSITIONS.get(action, ())
        if action == "demand" and token.pos_ == "NOUN":  # "a request from Warsaw": its maker, not who is asked
            preps = tuple(p for p in preps if p != "from")
        if action == "support" and token.pos_ == "NOUN" and "of" not in preps and any(
                c.dep_ == "poss" for c in children(token)):
            preps += ("of",)  # "Iran's military support of Russia's war": the possessor gives, "of" receives
        if stance_verb(token, action) is not None:
            preps += ("of",)  # "acting in support of the Palestinians": the of-phrase is supported
        if token.dep_ == "dobj" and token.head.lemma_.lower() in SUFFERING_VERBS:
            preps = tuple(p for p in preps if p != "of")  # "drew the condemnation of the Council": its doer
        holders = [token, *object_heads(token)] if action in DELIVERIES else [token]
        if action == "deploy":  # "deployed soldiers fighting in eastern Ukraine": where the forces act
            # (not a past participle's place: "soldiers trained in Belarus" were not sent there)
            holders += [c for h in holders[1:] for c in children(h) if c.dep_ == "acl" and c.tag_ == "VBG"]
        measure = measure_head(token)
        if measure is not token:  # "imposed a sanctions regime on X"
            holders.append(measure)
        holders += [c for c in children(token) if c.dep_ in phrase.get("target_holders", ())]
        if token.pos_ == "NOUN":  # "the sanctions that the EU imposed on Russia": the relative light verb's phrase
            holders += relative_light_verbs(token)  # and "the sanctions imposed by the US on Chinese firms"
            holders += [c for c in children(token) if c.dep_ == "acl" and c.lemma_.lower() in LIGHT_VERBS]
            # "attacks directed at U.S. bases": whom a participle says it was aimed at
            holders += [c for c in children(token) if c.dep_ == "acl" and c.tag_ == "VBN"
                        and c.lemma_.lower() in AIMING_PARTICIPLES]
        if token.dep_ == "nsubj" and token.pos_ == "NOUN" and token.head.lemma_ == "be":
            # "Negotiations are underway between the United States and Niger": the state said of the noun
            holders += [c for c in children(token.head) if c.dep_ == "acomp"]
        return cls(token, action, preps, holders)

    def is_noun(self) -> bool:
        return self.token.pos_ in ("NOUN", "PROPN")


def verb_objects(search: TargetSearch) -> list[Token]:
    """'attacked Kyiv', 'Kyiv was attacked by drones': a verb's object, or its passive subject."""
    token = search.token
    if token.pos_ not in ("VERB", "AUX", "ADJ") or search.action == "consider":
        return []
    if _stative_subjects(token):  # "appalled by Russia's war": what the feeling is about, in the phrase
        return []
    objects = [c for c in children(token) if c.dep_ == "dobj"] or relative_object(token) or shared_object(token)
    if search.action in DELIVERIES:
        return delivery_recipients(token, objects)
    if search.action == "fight":
        objects = [p for o in objects for p in _place_of_struck_thing(token, o)]
    if not objects and (shared := _shared_passive(token)) is not None:
        return [c for c in children(shared) if c.dep_ == "nsubjpass"]  # "were blocked by X and were threatened"
    if any(c.dep_ == "agent" for c in children(token)):
        passive = [c for c in children(token) if c.dep_ == "nsubjpass"]
        if not passive and token.dep_ == "acl" and token.tag_ == "VBN" and token.head.pos_ in ("NOUN", "PROPN"):
            passive = [token.head]  # "the M23 rebels, backed by Rwanda, ...": the noun the participle describes
        if not passive and _passive_participle_clause(token):
            passive = subject_of(token.head)  # "Backed by Turkey, Azerbaijan launched ...": the main clause's
        return objects + passive
    return objects


def _shared_passive(verb: Token) -> Token | None:
    """The passive verb whose subject a later passive conjunct shares ("Two ships were blocked by
    Chinese vessels and were threatened": the ships were threatened), or None."""
    if verb.dep_ != "conj" or not any(c.dep_ == "auxpass" for c in children(verb)) or any(
            c.dep_ in ("nsubj", "nsubjpass") for c in children(verb)):
        return None
    head = verb.head
    return head if head.pos_ == "VERB" and any(c.dep_ == "nsubjpass" for c in children(head)) else None


#: a struck thing's owner is a named body, people or state ("linked to the IRGC"), not a thing ("used by F-16 jets")
_OWNER_TYPES = frozenset({"ORG", "NORP", "GPE", "PERSON"})
_COMPLEMENTS = frozenset({"dobj", "prep", "dative", "ccomp", "xcomp", "attr", "acomp", "agent"})


def shared_object(verb: Token) -> list[Token]:
    """'Iran continues to arm, train, and fund the Houthis': a verb with no object of its own shares
    the object of a later verb it is joined to, when that verb has no subject of its own ('Russia
    attacked and Ukraine defended the city' shares nothing, nor does 'stands with its ally and
    condemns the actions': a verb with a complement of its own)."""
    if any(c.dep_ in _COMPLEMENTS for c in children(verb)):
        return []
    for later in (c for c in verb.conjuncts if c.i > verb.i and c.pos_ == "VERB"):
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in children(later)):
            return []
        objects = [c for c in children(later) if c.dep_ == "dobj"]
        if objects:
            return objects
    return []


def _place_of_struck_thing(verb: Token, thing: Token) -> list[Token]:
    """'struck targets in Lebanon': a thing struck that names no one ('targets', 'positions')
    stands for the state of the place it is in; 'Armenian positions' name their own."""
    if thing.lemma_.lower() not in STRUCK_THINGS or any(
            c.dep_ == "poss" or (c.dep_ in ("amod", "compound", "nmod") and c.ent_type_ in ("NORP", "GPE", "ORG"))
            for c in children(thing)):
        return [thing]
    owners = _owners_of_struck_thing(thing)
    if owners:
        return owners  # "struck 85 targets in Iraq and Syria belonging to the IRGC": the IRGC's, not Iraq's
    places = [g for h in (thing, verb) for g in preps_objects(h, ("in", "inside", "across"))
              if g.ent_type_ in ("GPE", "LOC")]
    return places or [thing]


def _owners_of_struck_thing(thing: Token) -> list[Token]:
    """Whose a struck thing is, by a participle or adjective on it (data `struck_things` owners):
    'targets ... belonging to the IRGC', 'facilities used by the Quds Force', 'one facility in
    eastern Syria, affiliated with the IRGC'."""
    return [g for c in children(thing) if c.dep_ in ("acl", "amod", "relcl") and c.i > thing.i
            for p in children(c) if p.dep_ in ("prep", "agent")
            and p.lower_ == STRUCK_THING_OWNERS.get(c.lemma_.lower(), STRUCK_THING_OWNERS.get(c.lower_))
            for g in children(p) if g.dep_ == "pobj" and g.ent_type_ in _OWNER_TYPES]  # not "used by F-16 jets"


def delivery_recipients(token: Token, objects: list[Token]) -> list[Token]:
    """'sent them troops', 'supplying them with weapons', 'arming the group': who receives, not what is sent."""
    found = [g for d in children(token) if d.dep_ == "dative" for g in ([d] if d.pos_ != "ADP" else children(d))]
    if token.lemma_ == "arm" or any(c.dep_ == "prep" and c.lower_ == "with" and any(_names_goods(g) for g in pobjs(c))
                                    for o in [token, *objects] for c in children(o)):
        found += objects  # not "sell submarines to Australia, with the potential to sell more": a with-phrase of goods
    elif has_prep(token, ("with",)):  # "supplied Ukraine with generators": a party supplied with anything
        found += [o for o in objects if o.ent_type_ in ("GPE", "NORP", "ORG", "PERSON") or o.pos_ == "PRON"]
    return found


def _names_goods(noun: Token) -> bool:
    """'with weapons', 'with Patriot systems', 'with humanitarian aid', 'with large quantities of
    ammunition': what is handed over."""
    return any(_names_weapons(g) or _word_in(g, MATERIEL_NOUNS) for g in [noun, *preps_objects(noun, ("of",))])


def _word_in(token: Token, words: Collection[str]) -> bool:
    """Whether the word's lemma or its form as written is one of `words` (lists hold "howitzers")."""
    return token.lemma_.lower() in words or token.lower_ in words


def preposition_objects(search: TargetSearch) -> list[Token]:
    """'deployed troops to Belarus', 'send arms and personnel to Ukraine': the action's own preposition."""
    return [g for holder in search.holders for child in children(holder)
            if child.dep_ in ("prep", "dative", "agent", "prt") and child.lower_ in search.preps  # "appalled by"
            # (a particle with an object is a preposition the parser misread: "called on Kigali to withdraw")
            for g in [*pobjs(child), *_with_after_gerund(child)]
            if not (child.lower_ == "for" and g.lemma_.lower() in PURPOSE_NOUNS)  # "for use in Ukraine"
            and not (child.lower_ == "with" and _names_weapons(g))  # "struck ... with missiles supplied by X"
            and g.lemma_.lower() not in AUTHORITY_NOUNS  # "At President Biden's direction, ... launched"
            and not (child.lower_ == "at" and g.lower_ in MEETING_VENUES)  # "lashed out at X at the Security Council"
            and not says_when(g)]  # "an attack on Monday": when, not whom


def _names_weapons(noun: Token) -> bool:
    """'six ballistic missiles', 'howitzers', 'Vampire multiple launch rocket systems': arms, by the
    noun, or by a word before a noun of a weapon's kind (data weapon_system_heads); 'Hezbollah rocket
    units' are fighters."""
    return _word_in(noun, ARMS_NOUNS) or noun.lower_ in WEAPON_SYSTEM_HEADS and any(
        c.dep_ in ("compound", "amod") and _word_in(c, ARMS_NOUNS) for c in children(noun) if c.i < noun.i)


def _with_after_gerund(prep: Token) -> list[Token]:
    """'against dealing with X': X; not 'against holding drills with X', whose with-phrase says with
    whom the drills are held."""
    return [g for p in children(prep) if p.dep_ == "pcomp" and not any(c.dep_ == "dobj" for c in children(p))
            for g in preps_objects(p, ("with",))]


def of_noun_target(search: TargetSearch) -> list[Token]:
    """'war of aggression against Ukraine': the target hangs from the 'of' noun."""
    if not search.is_noun():
        return []
    return [g for child in children(search.token) if child.dep_ == "prep" and child.lower_ == "of"
            for pobj in children(child) for g in preps_objects(pobj, search.preps)]


def duty_owner(search: TargetSearch) -> list[Token]:
    """'a breach of Iran's obligations': whoever owed what was violated violated it."""
    return duty_owners(search.token) if search.action == "accuse" and search.is_noun() else []


def duty_owners(violation: Token) -> list[Token]:
    """'a clear violation of Russia's commitments': the owner of the duty violated (where 'a
    violation of Ukraine's sovereignty' names the one wronged)."""
    return [owner for child in children(violation) if child.dep_ == "prep" and child.lower_ == "of"
            for duty in children(child) if duty.dep_ == "pobj" and duty.lemma_.lower() in DUTY_NOUNS
            for owner in children(duty) if owner.dep_ == "poss"]


def enclosing_event_target(search: TargetSearch) -> list[Token]:
    """'to fight alongside Russia in its war against Ukraine': the war's enemy."""
    if search.token.pos_ != "VERB":
        return []
    return [g for child in children(search.token) if child.dep_ == "prep" and child.lower_ in ("in", "during")
            for pobj in children(child)
            if pobj.dep_ == "pobj" and NOUN_TRIGGERS.get(pobj.lemma_.lower()) == search.action
            for g in preps_objects(pobj, search.preps)]


def elaborated_noun_target(search: TargetSearch) -> list[Token]:
    """'their support to Russia, supplying weapons': the elaborated noun's recipient."""
    token = search.token
    if token.dep_ != "acl" or token.head.pos_ != "NOUN":
        return []
    return preps_objects(token.head, search.preps)


def verb_held_target(search: TargetSearch) -> list[Token]:
    """'increasing its support to Kyiv', 'acting in concert with the G7', 'provide military
    support to the government' (a dative 'to'): the preposition hangs on the verb."""
    token = measure_head(search.token)
    if not search.is_noun():
        return []
    verb = token.head if token.dep_ == "dobj" else manner_verb(token)
    if verb is None:
        return []
    held = [g for p in children(verb) if p.dep_ in ("prep", "dative") and p.lower_ in search.preps and p.i > token.i
            for g in pobjs(p) if not says_when(g)]  # "carried out strikes on Saturday": when
    if held or search.action not in ("supply", "support"):
        return held
    # "provide them the assistance they need", "give Ukraine our full support": the receiver before the gift
    return [c for c in children(verb) if c.i < token.i and c.pos_ in ("NOUN", "PROPN", "PRON")
            and (c.dep_ == "dative" or c.dep_ == "dobj" and token.dep_ == "dobj")]


def sufferer(search: TargetSearch) -> list[Token]:
    """'Ukraine has been facing large-scale aggression from Russia', 'Kyiv repelled the assault':
    the subject of a verb of undergoing whose object is the event noun is its target, as is the
    passive subject of one whose by-phrase it is ('Iran was hit by new American sanctions')."""
    token = search.token
    if search.is_noun() and token.dep_ == "pobj" and token.head.dep_ == "agent" and (
            token.head.head.lemma_.lower() in PASSIVE_SUFFERING_VERBS):  # "was hit by new American sanctions"
        return [c for c in children(token.head.head) if c.dep_ == "nsubjpass"]
    if not search.is_noun() or token.dep_ != "dobj" or token.head.lemma_.lower() not in SUFFERING_VERBS:
        return []
    if token.lemma_.lower() == "call":
        return []  # "received a call from the minister": as often a telephone call as a demand
    return subject_of(token.head) or governing_subjects(token.head)  # "Israel continues to face threats from Iran"


def struck_place(search: TargetSearch) -> list[Token]:
    """'the Israeli strikes in southern Lebanon', 'struck targets in Lebanon': the place struck
    stands for its state."""
    if search.action != "fight":
        return []  # a verb's struck object names its place in verb_objects, before this fallback
    token = search.token
    holders = [token, token.head] if token.dep_ == "dobj" else [token]  # "carried out air strikes in Afghanistan"
    return [g for h in holders for g in preps_objects(h, ("in", "inside")) if g.ent_type_ in ("GPE", "LOC")]


def answerer(search: TargetSearch) -> list[Token]:
    """'Seoul is weighing a request from Warsaw', 'in response to a request from Central Command,
    Shanahan authorized ...': whoever answers a request is the one asked (data answering_verbs)."""
    token = search.token
    if search.action != "demand" or not search.is_noun():
        return []
    if token.dep_ == "dobj" and token.head.lemma_.lower() in ANSWERING_VERBS:
        return subject_of(token.head) or governing_subjects(token.head)
    if token.dep_ == "nsubjpass" and token.head.lemma_.lower() in ANSWERING_VERBS:  # "was rejected by the Netherlands"
        return by_agents(token.head)
    response = token.head.head if token.dep_ == "pobj" and token.head.lower_ == "to" else None
    if response is not None and response.lemma_.lower() in ("response", "reply", "answer") and \
            response.dep_ == "pobj" and response.head.lower_ == "in" and response.head.head.pos_ in ("VERB", "AUX"):
        return subject_of(response.head.head)
    return []


def harmed_object(search: TargetSearch) -> list[Token]:
    """'Turkish drone strikes hit Kurdish forces', 'the attacks killed civilians', 'strikes that
    killed two commanders': an attack that harms, as a verb's subject, harms the verb's object."""
    token = search.token
    if search.action != "fight" or not search.is_noun():
        return []
    # "carried out airstrikes that killed two commanders": the attack is the relative clause's subject
    harm = next((c for c in children(token) if c.dep_ == "relcl" and c.lemma_.lower() in HARM_VERBS
                 and any(s.dep_ == "nsubj" and s.tag_ == "WDT" for s in children(c))), None)
    if harm is None and token.dep_ == "nsubj" and token.head.lemma_.lower() in HARM_VERBS:
        harm = token.head
    return [c for c in children(harm) if c.dep_ == "dobj"] if harm is not None else []


def helped_party(search: TargetSearch) -> list[Token]:
    """'the militaries of the US and UK, with support from Australia, conducted strikes'; 'With
    the support of partners, the United States enabled ...': who acts with the help."""
    token = search.token
    if search.action not in HELPING_ACTIONS or not search.is_noun() or not in_with_phrase(token):
        return []
    holder = token.head.head
    if holder.dep_ == "dobj" and holder.head.pos_ == "VERB":  # "ended the mandate ... with China's tacit
        holder = holder.head  # support": the parser hangs the phrase on the object; the doer is helped
    return verb_agents(holder)[0] if holder.pos_ in ("VERB", "AUX") else [holder]


def fought_alongside(search: TargetSearch) -> list[Token]:
    """'sent to fight alongside Moscow's troops': those the deployed forces help (data serving_verbs)."""
    if search.action != "deploy":
        return []
    return [g for holder in search.holders for child in children(holder)
            if child.dep_ in ("xcomp", "advcl", "acl", "relcl")
            and child.lemma_ in SERVING_VERBS for g in preps_objects(child, SERVED_PREPOSITIONS)]


def helped_by_support(search: TargetSearch) -> list[Token]:
    """'the continued support of IGAD and the African Union to help the Government fulfil its
    commitments': whom the support's infinitive of helping (data helping_verbs) helps."""
    if search.action != "support" or not search.is_noun():
        return []
    return [o for aim in _aims_of(search.token) if aim.lemma_.lower() in HELPING_VERBS
            for o in _object_of_help(aim)]


def _object_of_help(verb: Token) -> list[Token]:
    """Who a verb of helping helps: its object, or the subject of what it helps do ('help the
    Government fulfil': the parser's subject of 'fulfil')."""
    return [o for o in children(verb) if o.dep_ == "dobj"] or [
        s for c in children(verb) if c.dep_ in ("ccomp", "xcomp") for s in children(c) if s.dep_ == "nsubj"]


def needing_party(search: TargetSearch) -> list[Token]:
    """'to provide the military equipment Ukraine needed', 'the weapons that Kyiv requested': who
    needs or asked for what is delivered receives it (data needing_verbs)."""
    if search.action not in DELIVERIES:
        return []
    # not "the drones that the United States sought to block": what the clause's other verb is about
    return [s for held in search.holders[1:] for c in children(held) if c.dep_ == "relcl"
            and c.lemma_.lower() in NEEDING_VERBS and not any(v.dep_ in ("xcomp", "ccomp") for v in children(c))
            for s in children(c) if s.dep_ == "nsubj" and s.lower_ not in RELATIVE_PRONOUNS]


def defended_party(search: TargetSearch) -> list[Token]:
    """'the U.S. commitment to defend the ROK': whom the committed support defends."""
    return committed_defence(search.token) if search.action == "support" and search.is_noun() else []


def defier(search: TargetSearch) -> list[Token]:
    """'Despite repeated warnings from the international community, North Korea launched a
    missile': a warning or call someone went ahead despite was to the one who went ahead, the
    subject of the clause the despite-phrase qualifies."""
    token = search.token
    if search.action not in ("warn", "demand") or token.pos_ != "NOUN" or token.dep_ != "pobj" \
            or token.head.lower_ not in ("despite", "notwithstanding"):
        return []
    return [c for c in children(token.head.head) if c.dep_ in ("nsubj", "nsubjpass")]


# Tried in order while nothing is found: each reads a shape where the target sits further from the trigger.
FALLBACK_TARGET_RULES: tuple[Callable[[TargetSearch], list[Token]], ...] = (
    defended_party, duty_owner, of_noun_target, enclosing_event_target, elaborated_noun_target, verb_held_target,
    sufferer, struck_place, harmed_object, fought_alongside, helped_party, answerer, needing_party,
    helped_by_support, defier,
)


def cut_off_party(search: TargetSearch, found: list[Token]) -> list[Token]:
    """'resolutions that prohibit all cooperation with North Korea': who is cut off, in place of what is banned."""
    token = search.token
    if search.action != "sanction" or token.lemma_ not in ("prohibit", "ban", "forbid") or search.is_noun():
        return found  # "imposed a ban on Russian oil": the noun's 'on' names the sanctioned
    return [o for o in found if o.ent_type_] or _first_partner(token)


def _first_partner(token: Token) -> list[Token]:
    """'prohibit all cooperation with North Korea': the first 'with', 'from' or 'to' object not on the verb itself."""
    return [g for t in token.subtree if t.dep_ == "prep" and t.lower_ in ("with", "from", "to")
            and t.head.i != token.i for g in pobjs(t)][:1]


def asked_party(search: TargetSearch, found: list[Token]) -> list[Token]:
    """'demanded a ceasefire from Hamas': who is asked, added when no target found so far is a name."""
    if search.action != "demand" or any(o.ent_type_ for o in found):
        return found
    return found + [g for o in children(search.token) if o.dep_ == "dobj" and not participants(o)
                    for g in preps_objects(o, ("from", "by"))]


def clause_party(search: TargetSearch) -> list[Token]:
    """'demanded that Russia withdraw'; 'warned it would end the UN mission'; 'alleged that Iran
    supplied drones': the clause's subject or object."""
    if search.action not in ("demand", "warn", "accuse"):
        return []
    found: list[Token] = []
    for child in children(search.token):
        if child.dep_ in ("ccomp", "xcomp"):
            claims = search.action == "demand" and search.token.lemma_.lower() in CLAIMING_DEMAND_VERBS
            if claims and not mandative(child):
                continue  # "the ministry insisted that Turkey had sent no troops": a claim, not a demand
            subjects = [g for g in children(child) if g.dep_ == "nsubj"]
            objects = [g for g in children(child) if g.dep_ == "dobj"]
            if search.action == "warn":  # "threatened to use nuclear weapons against South Korea", "to impose
                # tariffs on Mexico": who is threatened
                objects += [g for holder in (child, *objects) for p in children(holder)
                            if p.dep_ == "prep" and p.lower_ in ("against", "on")
                            for g in children(p) if g.dep_ == "pobj"]
            found += subjects if search.action == "accuse" else objects if search.action == "warn" else (
                subjects or objects)
    return found


def targets_of(token: Token, trigger: Trigger) -> list[Token]:
    """Object, dative, or the preposition the action takes ('to', 'against', 'with'...); failing those, the
    first fallback rule that finds something; then the sanction and demand rules have their say."""
    search = TargetSearch.of(token, trigger)
    if hyphened_agent(token) and search.action not in DELIVERIES:
        return [token.head]  # 'Iranian-backed Houthi rebels': the rebels are backed
    found = verb_objects(search) + preposition_objects(search) + complement_subjects(token, trigger)
    if search.action == "fight":  # "a strike against one facility in Syria, affiliated with the IRGC"
        found = [owner for t in found for owner in (_owners_of_struck_thing(t) if t.lemma_.lower() in STRUCK_THINGS
                                                    else []) or [t]]
    for rule in FALLBACK_TARGET_RULES:
        found = found or rule(search)
    found = cut_off_party(search, found)
    found = asked_party(search, found)
    return found or clause_party(search)


def complement_subjects(token: Token, trigger: Trigger) -> list[Token]:
    """'holds Iran responsible for the attack': the parser makes the held the subject of a
    clausal complement; a phrase rule names the complements whose subject is its target."""
    deps = phrase_rule(trigger.rule).get("target_subjects_of", ())
    return [g for c in children(token) if c.dep_ in deps for g in children(c) if g.dep_ in ("nsubj", "dobj")]


def from_objects(token: Token) -> list[Token]:
    """'procurement of arms from the DPRK' -> the DPRK."""
    return [g for prep in token.subtree if prep.dep_ == "prep" and prep.lower_ == "from"
            for g in children(prep) if g.dep_ == "pobj"]
