"""Modality of an event: asserted, hypothetical (modals, conditions, plans, proposals,
threats, consider) or negated (negation, deny, refuse), read off the trigger's governors."""
from __future__ import annotations

from spacy.tokens import Token

from .lexicon import (
    HYPOTHETICAL_GOVERNORS, HYPOTHETICAL_NOUNS, MODAL_AUXILIARIES, NEGATING_GOVERNORS,
    REAL_MODALS, SAY_VERBS, TEMPORAL_MARKS,
)


def modality_of(token: Token) -> str:
    """'negated' under negation, 'hypothetical' under modals, conditions, plans and proposals.

    The climb from the trigger stops at reported speech ("X said Y sent": asserted), relative
    clauses and nouns other than plan-like ones ("the decision to deploy" reports a deployment).
    """
    chain = [token]
    current = token
    while current.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "neg")
                                                for c in current.children):
        # "will not deploy or supply": the second verb shares the first's auxiliaries and
        # negation; "spoke with X and will travel" has its own
        current = current.head
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
    for tok in chain[1:]:  # "denied any plan to attack": the denial decides
        if tok.lemma_.lower() in NEGATING_GOVERNORS and not any(c.dep_ == "neg" for c in tok.children):
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
            if any(c.dep_ == "neg" for c in tok.children):
                return "hypothetical"  # "have not ruled out sanctions": still possible
            return "negated"
        if tok.pos_ in ("NOUN", "PROPN"):
            if tok.lower_ in HYPOTHETICAL_NOUNS:
                return "hypothetical"
        elif tok.lemma_.lower() in HYPOTHETICAL_GOVERNORS:
            return "hypothetical"
    return "asserted"
