"""Give a verbless headline back the verb the parser read as a noun.

A press release's title names its doer, then what it does: "Treasury Sanctions Belarus Officials
for Undermining Democracy", "US Sanctions Myanmar Military Officials". Even sentence-cased
(`casing.py`), the small English parser reads "Treasury sanctions" as a noun compound and the
officials as its root, so the rules found no doer and the model reversed the roles (the officials
sanctioning the Treasury). In a sentence with no finite verb, a plural noun right after a name,
whose singular is a verb trigger and which has a noun after it, is that verb: the name is its
subject and the noun phrase after it its object, as the parser reads "Treasury sanctioned ...".
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .lexicon import GROUNDS_PREPOSITIONS, HEADLINE_NOUN_HEADS, VERB_TRIGGERS

#: the pipeline component's name (kgraph/nlp.py adds it after the entity recogniser)
COMPONENT = "kgraph_headline_verbs"

_NAME_TYPES = frozenset({"GPE", "ORG", "NORP", "PERSON"})
_FINITE_TAGS = frozenset({"VBZ", "VBP", "VBD", "MD"})


@Language.component(COMPONENT)
def headline_verbs(doc: Doc) -> Doc:
    """Repair each verbless sentence that opens with a name and a verb read as a plural noun."""
    for sent in doc.sents:
        verb = _verb_read_as_noun(sent)
        if verb is not None:
            _make_verb(sent, verb)
    return doc


def _verb_read_as_noun(sent: Span) -> Token | None:
    """The plural noun that is the headline's verb, or None: the sentence has no finite verb, every word
    before the noun is part of a name (after an article), and a noun follows it."""
    if sent.root.pos_ in ("VERB", "AUX") or any(t.tag_ in _FINITE_TAGS for t in sent):
        return None  # a clause of its own ("undermining democracy" is none)
    tokens = list(sent)
    for k, token in enumerate(tokens):
        if k > 0 and token.tag_ in ("NNS", "NNPS") and verb_spelt_by_plural(token.lower_) is not None:
            named = any(_in_name(t) for t in tokens[:k])
            after = tokens[k + 1:]
            if after and after[0].lower_ in HEADLINE_NOUN_HEADS:
                return None  # "EU Sanctions Envoy David O'Sullivan": a noun phrase
            return token if named and any(t.pos_ in ("NOUN", "PROPN") for t in after) else None
        if not (_in_name(token) or (k == 0 and token.pos_ == "DET")):
            return None
    return None


def _in_name(token: Token) -> bool:
    """Whether a word is part of a name ("Treasury", "U.S.", "United States")."""
    return token.pos_ == "PROPN" or token.ent_type_ in _NAME_TYPES


def verb_spelt_by_plural(word: str) -> str | None:
    """The verb trigger a plural noun's form spells in the third person ("sanctions", "presses"),
    or None; one test for the tagger's two misreadings (also `nlp.lemma_fixes`)."""
    if not word.endswith("s"):
        return None
    for lemma in (word[:-1], word[:-2]):
        if lemma in VERB_TRIGGERS:
            return lemma
    return None


def _make_verb(sent: Span, verb: Token) -> None:
    """Hang the name before `verb` on it as its subject, and the phrase after it as its object
    (with any preposition that hung outside that phrase on the verb)."""
    doc = sent.doc
    before = range(sent.start, verb.i)
    after = range(verb.i + 1, sent.end)
    verb.head = verb
    verb.dep_ = "ROOT"
    verb.pos_, verb.tag_, verb.lemma_ = "VERB", "VBZ", verb_spelt_by_plural(verb.lower_)
    subject = doc[verb.i - 1]
    for i in before:
        if doc[i].head.i not in before and i != subject.i:
            doc[i].head = subject
    subject.head = verb
    subject.dep_ = "nsubj"
    loose = [doc[i] for i in after if doc[i].head.i not in after or doc[i].head.i == i]
    nouns = [t for t in loose if t.pos_ in ("NOUN", "PROPN")]
    obj = nouns[0] if nouns else None
    for token in loose:
        if token is obj:
            token.head, token.dep_ = verb, "dobj"
        elif token.pos_ == "ADP" or token.is_punct:
            token.head = verb
        elif obj is not None:
            token.head = obj
    if obj is not None:  # "... Officials for Undermining Democracy": why the verb acts, as a clause reads it
        for phrase in [c for c in obj.children if c.dep_ == "prep" and c.lower_ in GROUNDS_PREPOSITIONS]:
            phrase.head = verb
