"""Give a verb back the object the parser hung on its "in the strongest terms".

"The United Kingdom condemns in the strongest terms the DPRK's flagrant violation" parses with
"violation" as a second object of "in", or as an apposition to "terms", so the condemnation had
no target. Where a verb's in-phrase is such a manner idiom (data: `manner_terms`), a noun after
the idiom's noun that hangs on the same preposition or on that noun is the verb's direct object,
as the parser writes "condemns the DPRK's violation in the strongest terms".
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

from .lexicon import MANNER_TERM_NOUNS

#: the pipeline component's name (kgraph/nlp.py adds it after the event nouns' phrase mender)
COMPONENT = "kgraph_manner_terms"


@Language.component(COMPONENT)
def give_back_objects(doc: Doc) -> Doc:
    """Make the noun after "in the strongest terms" its verb's object."""
    for token in doc:
        if token.lower_ in MANNER_TERM_NOUNS and token.dep_ == "pobj" and token.head.lower_ == "in":
            _move_object(token)
    return doc


def _move_object(terms: Token) -> None:
    """The first noun after `terms` hung on its preposition or on it, as its verb's object, where
    the verb has none (a child of the in-phrase moves up under the verb: no cycle can form)."""
    prep = terms.head
    verb = prep.head
    if verb.pos_ not in ("VERB", "AUX") or verb.i > prep.i or any(c.dep_ == "dobj" for c in verb.children):
        return
    stray = next((c for h in (prep, terms) for c in h.children
                  if c.i > terms.i and c.pos_ in ("NOUN", "PROPN") and c.dep_ in ("pobj", "appos", "dobj")), None)
    if stray is not None:
        stray.head = verb
        stray.dep_ = "dobj"
