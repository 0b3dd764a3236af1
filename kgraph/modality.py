"""Modality of an event: asserted, hypothetical (modals, conditions, plans, proposals,
threats, consider) or negated (negation, deny, refuse), read off the trigger's governors."""
from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from .actions import DEEDS
from .coordination import headline_infinitive, outer_verb_after_infinitive
from .doccache import children
from .lexicon import (
    ANSWERING_VERBS, CHARGE_NOUNS, DECIDING_AGAINST, ENDING_VERBS, HYPOTHETICAL_GOVERNORS, HYPOTHETICAL_MODIFIERS,
    HYPOTHETICAL_NOUNS, LIGHT_VERBS, MODAL_AUXILIARIES, NEGATING_DETERMINERS, NEGATING_GOVERNORS, NOUN_TRIGGERS,
    NOT_PRESUPPOSING, OCCURRING_VERBS, POLITE_ACTS, POLITE_FRAMES, REAL_MODALS, REASON_PHRASE_WORDS, SAY_VERBS, TEMPORAL_MARKS, VERB_TRIGGERS,
)

#: a trigger and the words governing it, nearest first, as far as they bear on its modality
Chain = list[Token]


def modality_of(token: Token) -> str:
    """'negated' under negation, 'hypothetical' under modals, conditions, plans and proposals.

    The climb from the trigger stops at reported speech ("X said Y sent": asserted), relative
    clauses and nouns other than plan-like ones ("the decision to deploy" reports a deployment).
    """
    if token.dep_ == "dobj" and token.head.lemma_.lower() in ANSWERING_VERBS and \
            NOUN_TRIGGERS.get(token.lemma_.lower()) == "demand":
        # "Germany rejected a request from Ukraine": the request was made, whatever the answer, unless
        # the answering is itself to come ("would consider any future request")
        answering = modality_of(token.head)
        return "asserted" if answering == "negated" else answering
    chain = _governors(token)
    for rule in MODALITY_RULES:
        found = rule(chain)
        if found is not None:
            return found
    return "asserted"


def _governors(token: Token) -> Chain:
    """The verb whose auxiliaries the trigger shares, then its governors up to where the climb stops
    (six at most). What ends a deed presupposes it, so the climb from a deed stops below the word that
    ends it ("Russia has not stopped its attacks", "refused to lift its sanctions", "called for an end
    to Russia's war": the attacks, sanctions and war are going on; data ending_verbs)."""
    current = _sharing_verb(token)
    chain = [current]
    presupposed = _presupposed_deed(current) or _ended_doing(current)
    while current.head.i != current.i and len(chain) < 6 and not _ends_climb(current):
        current = current.head
        if presupposed and _ends(current, chain[0]):
            break
        chain.append(current)
    return chain


def _ends(word: Token, deed: Token) -> bool:
    """Whether `word` ends the deed itself: its object ("stopped its attacks"), or the noun it is the
    to- or of-phrase of ("an end to Russia's war", "a halt to the attacks"); not "had a chance to
    stop the violence by implementing an arms embargo", whose stopping ends the violence."""
    if word.lemma_.lower() not in ENDING_VERBS:
        return False
    if deed.head.i == word.i:
        return deed.dep_ in ("dobj", "nsubjpass") or _ended_doing(deed)
    return deed.dep_ == "pobj" and deed.head.lower_ in ("to", "of") and deed.head.head.i == word.i


def _ended_doing(token: Token) -> bool:
    """"demanded Rwanda stop supporting the rebels", "must cease providing arms": a gerund that a
    verb of ending governs is going on (data ending_verbs)."""
    return token.tag_ == "VBG" and token.dep_ in ("xcomp", "dobj") and token.head.lemma_.lower() in ENDING_VERBS


def _deed_noun(token: Token) -> bool:
    """A noun of an action that is a deed ("attacks", "invasion", "sanctions", "fight"; data:
    actions.json a_deed), not words said."""
    lemma = token.lemma_.lower()
    return token.pos_ == "NOUN" and (NOUN_TRIGGERS.get(lemma) or VERB_TRIGGERS.get(lemma)) in DEEDS


def _presupposed_deed(token: Token) -> bool:
    """A deed's noun that names a deed done or going on, not any deed that may come ("stop any
    attack", "prevent further attacks", "a possible deployment": data not_presupposing,
    hypothetical_modifiers)."""
    return _deed_noun(token) and not _hypothetical_modifier(token) and not any(
        c.dep_ in ("det", "amod") and c.lower_ in NOT_PRESUPPOSING for c in children(token))


def _deed_of_its_possessor(token: Token) -> bool:
    """A deed's noun with its doer as possessor ("its invasion of Ukraine", "Russia's attacks",
    "their fight against ISIS") or as a people's name before it ("Russian aggression"), which
    reports a deed done whatever modal its governors have (`governed`), unless it is what a light
    verb does ("the three countries will strengthen our cooperation": as the verb goes). A date is
    no doer ("next week's deployment")."""
    if not _deed_noun(token) or (token.dep_ == "dobj" and token.head.lemma_.lower() in LIGHT_VERBS - ENDING_VERBS):
        return False
    if any(c.dep_ == "poss" and c.ent_type_ not in ("DATE", "TIME") for c in children(token)):
        return True
    # "Russian aggression", "the Houthi attacks"; not "a Chinese invasion", which may come
    return any(c.dep_ in ("amod", "compound") and c.ent_type_ == "NORP" for c in children(token)) and not any(
        c.dep_ == "det" and c.lower_ in ("a", "an", *NOT_PRESUPPOSING) for c in children(token))


def _hypothetical_modifier(token: Token) -> bool:
    """"a possible deployment", "the planned sale" (data: hypothetical_modifiers)."""
    return any(c.dep_ == "amod" and c.lower_ in HYPOTHETICAL_MODIFIERS for c in children(token))


def _sharing_verb(token: Token) -> Token:
    """"will not deploy or supply": the second verb shares the first's auxiliaries and negation;
    "spoke with X and will travel" has its own."""
    current = token
    while current.dep_ == "conj" and not outer_verb_after_infinitive(current) and not any(
            c.dep_ in ("nsubj", "nsubjpass", "aux", "neg") for c in children(current)):
        current = current.head
    return current


def _ends_climb(current: Token) -> bool:
    """Reported speech ("X said Y sent"), a past deed held as fact ("agreed that X violated"), a
    report whose charge someone denies, relative clauses,
    an opening participle with its doer, subjects, conjuncts and temporal clauses ("as X
    deployed") are asserted whatever governs them."""
    if current.dep_ in ("ccomp", "parataxis") and current.head.lemma_ in SAY_VERBS:
        return True
    if current.dep_ == "ccomp" and current.i < current.head.i and _charge_denied(current.head):
        return True  # "Congo accused Rwanda of ..., a charge Kigali denies": the report stands
    if current.dep_ == "pobj" and _opens_reason(current.head):
        return True
    if current.dep_ == "ccomp" and current.tag_ == "VBD" and current.head.lemma_.lower() in HYPOTHETICAL_GOVERNORS \
            and any(c.dep_ in ("nsubj", "nsubjpass") for c in children(current)):
        return True  # "agreed that the launches violated the resolutions": what is held to have happened
    if current.dep_ == "advcl" and current.tag_ == "VBN" and current.i < current.head.i and any(
            c.dep_ == "agent" for c in children(current)):
        return True  # "Backed by Iran, the Houthis vowed to ...": the backing is no vow
    if current.dep_ == "nsubj" and current.head.lemma_.lower() in OCCURRING_VERBS and current.pos_ == "NOUN":
        return False  # "Iran's attack on Israel could come within days": as the coming is
    return current.dep_ in ("relcl", "csubj", "nsubj", "nsubjpass", "conj") or (current.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in TEMPORAL_MARKS for c in children(current)))


def _charge_denied(verb: Token) -> bool:
    """Whether the verb denies and its subject holds a charge noun ("a charge Kigali denies",
    data: charge_nouns); not "a claim Kyiv welcomed"."""
    return verb.lemma_.lower() in NEGATING_GOVERNORS and any(
        w.lemma_.lower() in CHARGE_NOUNS for s in children(verb) if s.dep_ == "nsubj" for w in (s, *children(s)))


def _opens_reason(preposition: Token) -> bool:
    """"after", "despite", "due to", "in response to", "in return for": a phrase of reason or time."""
    if preposition.lower_ in REASON_PHRASE_WORDS:
        return True
    return preposition.lower_ in ("to", "of", "for") and preposition.head.lower_ in REASON_PHRASE_WORDS


def negated_itself(chain: Chain) -> str | None:
    """"did not deploy", "never sent", "did not want to attack", "did not impose sanctions": negation on
    the trigger, the verb it completes, or the light verb whose object it is (`light_verbs`: "did not
    condemn the attacks" still reports the attacks, and "has not lifted the sanctions" the sanctions:
    `ending_verbs`)."""
    first = chain[0]
    negation_scope = [first] + ([first.head] if first.dep_ == "xcomp" and not _ended_doing(first) or (
        first.dep_ == "dobj" and first.pos_ == "NOUN" and first.head.lemma_.lower() in LIGHT_VERBS
        and first.head.lemma_.lower() not in ENDING_VERBS) else [])
    for tok in negation_scope:
        for child in children(tok):
            if child.dep_ == "neg" or (child.dep_ == "advmod" and child.lower_ == "never"):
                return "negated"
    return None


def denied(chain: Chain) -> str | None:
    """"denied any plan to attack": the denial decides, unless it is itself negated."""
    for tok in chain[1:]:
        if tok.lemma_.lower() in NEGATING_GOVERNORS and not any(c.dep_ == "neg" for c in children(tok)):
            return "negated"
    return None


def governed(chain: Chain) -> str | None:
    """The nearest word that says the event may not happen: a modal or a condition on any word of the chain, or a
    governor of the trigger ("have not ruled out sanctions", "plans to deploy", "threatened to strike"), or
    a word before the trigger's noun ("a possible deployment"). A deed's noun with its doer as possessor
    reports the deed done whatever modal or condition its governors have ("Russia will be held accountable
    for its invasion of Ukraine", "we will support the Afghan forces in their fight against ISIS"),
    and whatever governs another word it hangs from ("offer support and condemn reports of Russia's
    attacks"), though not when itself planned, feared or prepared for ("Israel is preparing for Iran's
    attack", "postpone its deployment")."""
    # not where the deed is the subject of its own coming: "Iran's attack on Israel could come within days"
    deed_done = _deed_of_its_possessor(chain[0]) and not (
        chain[0].dep_ == "nsubj" and chain[0].head.lemma_.lower() in OCCURRING_VERBS)
    for at, tok in enumerate(chain):
        direct = all(t.pos_ == "ADP" for t in chain[1:at])  # "no intention of deploying"
        if at == 0:
            found = "hypothetical" if _hypothetical_modifier(tok) else _modal_or_condition(tok)
        else:
            found = (None if deed_done else _modal_or_condition(tok)) or (
                _governor_modality(tok, direct=direct) if direct or not deed_done else None)
        if found is not None:
            return found
    return None


def _modal_or_condition(tok: Token) -> str | None:
    """"could deploy" ("can" of ability still reads as asserted), "if they attack", "whether to strike",
    and a headline's "Germany to supply Patriots to Ukraine": a main verb with its own "to" and
    subject says what will happen."""
    for child in children(tok):
        if child.dep_ == "aux" and child.lower_ in MODAL_AUXILIARIES and child.lower_ not in REAL_MODALS \
                and not _polite_wish(tok):
            return "hypothetical"
        if child.dep_ == "mark" and child.lower_ in ("if", "unless", "whether"):
            return "hypothetical"
    return "hypothetical" if headline_infinitive(tok) else None


def _polite_wish(verb: Token) -> bool:
    """"I would like to express our gratitude", "we would like to thank": a wish to do a speech act,
    which saying does (data polite_wishes)."""
    return verb.lemma_.lower() in POLITE_FRAMES and any(
        c.dep_ == "xcomp" and c.lemma_.lower() in POLITE_ACTS for c in children(verb))


def _governor_modality(tok: Token, *, direct: bool) -> str | None:
    """A governing denial (negated, or "have not ruled out sanctions": still possible), a decision
    against it (negated), a plan-like noun ("no plans to supply": negated where the plan governs
    the event itself), or a verb of planning, proposing or threatening."""
    if tok.lemma_.lower() in NEGATING_GOVERNORS:
        if any(c.dep_ == "neg" for c in children(tok)):
            return "hypothetical"  # "have not ruled out sanctions": still possible
        return "negated"
    if tok.dep_ == "prep" and tok.lower_ == "against" and tok.head.lemma_.lower() in DECIDING_AGAINST:
        return "negated"  # "decided against sending troops"
    if tok.pos_ in ("NOUN", "PROPN"):
        if tok.lower_ not in HYPOTHETICAL_NOUNS:
            return None
        if direct and any(c.dep_ == "det" and c.lower_ in NEGATING_DETERMINERS for c in children(tok)):
            return "negated"  # "had no plans to supply weapons"; not "no plans to lift sanctions"
        return "hypothetical"
    return "hypothetical" if tok.lemma_.lower() in HYPOTHETICAL_GOVERNORS else None


# Tried in order; the first that finds a modality decides, and an event nothing bears on is asserted.
MODALITY_RULES: tuple[Callable[[Chain], str | None], ...] = (negated_itself, denied, governed)
