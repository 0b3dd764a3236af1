"""Give an event noun back the phrases the parser hung on the noun before it.

"The allies expressed concern over troop deployments by North Korea to Russia" parses with "by
North Korea" and "to Russia" on "concern", so the deployment had neither its sender nor its
destination. When an event noun is the object of a preposition of another noun that names no
event, the phrases right after it that its action takes ("by" for the doer, the action's target
prepositions) become its own, as the parser writes "the deployments by North Korea to Russia"
when it reads them right.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

from .actions import ACTIONS
from .lexicon import NOUN_TRIGGERS

#: the pipeline component's name (kgraph/nlp.py adds it after the list mender)
COMPONENT = "kgraph_event_phrases"


@Language.component(COMPONENT)
def reattach_event_phrases(doc: Doc) -> Doc:
    """Move the doer's and target's phrases the parser hung on a noun before an event noun."""
    for token in doc:
        action = NOUN_TRIGGERS.get(token.lemma_.lower())
        if action is not None and token.dep_ == "pobj" and token.pos_ == "NOUN":
            _take_phrases(token, {"by", *ACTIONS[action].target_prepositions})
    return doc


def _take_phrases(noun: Token, prepositions: set[str]) -> None:
    """The prepositional phrases of `prepositions` that follow `noun` at once but hang on the noun
    before it ("concern over deployments | by X | to Y"), moved onto `noun`, in order."""
    holder = noun.head.head
    if holder.pos_ != "NOUN" or holder.lemma_.lower() in NOUN_TRIGGERS:
        return
    end = noun.right_edge.i + 1
    for phrase in sorted((c for c in holder.children if c.i >= end), key=lambda c: c.i):
        if phrase.i != end or phrase.dep_ != "prep" or phrase.lower_ not in prepositions:
            return
        phrase.head = noun
        end = phrase.right_edge.i + 1
