"""Give an event noun back the phrases the parser hung on the noun before it, and a relative
clause back to the noun its verb agrees with.

"The allies expressed concern over troop deployments by North Korea to Russia" parses with "by
North Korea" and "to Russia" on "concern", so the deployment had neither its sender nor its
destination. When an event noun is the object of a preposition of another noun that names no
event, the phrases right after it that its action takes ("by" for the doer, the action's target
prepositions) become its own, as the parser writes "the deployments by North Korea to Russia"
when it reads them right.

"the Democratic People’s Republic of Korea’s launch" parses "Republic" as a modifier (nmod) of
"launch" though its "’s" marks it as the possessor it is; it becomes the possessor ("poss").

"Russia condemns the Israeli air strikes on Damascus, which violate Syria's sovereignty" parses
with the relative clause on "Damascus"; a plural verb cannot have a singular name for its subject,
so the clause goes back to the nearest noun before it whose number the verb agrees with.

"Israel responded to the attack with air strikes on Houthi targets" parses with "with air strikes"
on "attack"; an answering verb's "with" names how its subject answers, so an event noun's "with"
phrase hung on what is answered goes back to the verb, as "Israel responded with air strikes" parses.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

from .actions import ACTIONS
from .lexicon import ANSWER_WITH_VERBS, NOUN_TRIGGERS

#: the pipeline component's name (kgraph/nlp.py adds it after the list mender)
COMPONENT = "kgraph_event_phrases"


@Language.component(COMPONENT)
def reattach_event_phrases(doc: Doc) -> Doc:
    """Move the doer's and target's phrases the parser hung on a noun before an event noun, and
    each relative clause hung on a noun its verb does not agree with; name a possessor as one."""
    for token in doc:
        if token.dep_ == "nmod" and any(c.dep_ == "case" and c.tag_ == "POS" for c in token.children):
            token.dep_ = "poss"
        action = NOUN_TRIGGERS.get(token.lemma_.lower())
        if action is not None and token.dep_ == "pobj" and token.pos_ == "NOUN":
            _take_phrases(token, {"by", *ACTIONS[action].target_prepositions})
        if action is not None and token.pos_ == "NOUN":
            _take_from_doers(token, set(ACTIONS[action].target_prepositions))
        if token.dep_ == "relcl":
            _agreeing_antecedent(token)
        if token.pos_ == "VERB" and token.lemma_.lower() in ANSWER_WITH_VERBS:
            _answer_on_the_verb(token)
    return doc


def _answer_on_the_verb(verb: Token) -> None:
    """"responded to the attack | with air strikes": the "with" phrase of an event noun hung on
    the answered thing ("to the attack") moved onto the answering verb."""
    for answered in (o for p in verb.children if p.dep_ == "prep" and p.lower_ == "to"
                     for o in p.children if o.dep_ == "pobj"):
        for phrase in [c for c in answered.children if c.dep_ == "prep" and c.lower_ == "with"]:
            if any(o.dep_ == "pobj" and o.lemma_.lower() in NOUN_TRIGGERS for o in phrase.children):
                phrase.head = verb


def _take_from_doers(noun: Token, prepositions: set[str]) -> None:
    """"the strikes carried out by the United States and the United Kingdom against Houthi
    targets": the target's phrase the parser hung on the last doer of the noun's participle
    belongs to the noun."""
    for participle in noun.children:
        if participle.dep_ != "acl" or participle.tag_ != "VBN":
            continue
        doers = [g for a in participle.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"]
        for doer in (d for first in doers for d in (first, *first.conjuncts)):
            if doer.ent_type_ not in ("GPE", "ORG", "NORP"):
                continue
            phrases = [c for c in doer.children if c.dep_ == "prep" and c.lower_ in prepositions and c.i > doer.i]
            for phrase in phrases:
                phrase.head = noun


_PLURAL_VERB_TAGS = {"VBP"}  # "which violate", "which have"
_SINGULAR_VERB_TAGS = {"VBZ"}  # "which violates", "which has"


def _agreeing_antecedent(clause: Token) -> None:
    """Hang a relative clause whose present-tense verb disagrees in number with its noun ("the
    strikes on Damascus, which violate") on the noun of the phrase that holds that noun, when
    that one agrees ("strikes")."""
    finite = [clause, *(c for c in clause.children if c.dep_ in ("aux", "auxpass"))]
    tags = {t.tag_ for t in finite} & (_PLURAL_VERB_TAGS | _SINGULAR_VERB_TAGS)
    if len(tags) != 1 or not any(c.dep_ in ("nsubj", "nsubjpass") and c.tag_ in ("WDT", "WP")
                                 for c in clause.children):
        return
    plural = tags <= _PLURAL_VERB_TAGS
    noun = clause.head
    if noun.dep_ != "pobj" or _plural(noun) in (None, plural):
        return
    if noun.ent_type_ in ("ORG", "NORP") or noun.tag_ == "NNPS":
        return  # "Hezbollah, who have fired ...", "the Philippines, which has ...": number says nothing
    holder = noun.head.head
    if holder.pos_ in ("NOUN", "PROPN") and _plural(holder) == plural:
        clause.head = holder


def _plural(noun: Token) -> bool | None:
    """Whether a noun is plural by its tag (joined nouns are several); None for what is no noun."""
    if noun.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in noun.children):
        return True
    return False if noun.tag_ in ("NN", "NNP") else None


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
