"""Event nouns get back the doer's and target's phrases the parser hung on the noun before them."""
from __future__ import annotations


def test_the_phrases_after_an_event_noun_become_its_own(nlp):
    doc = nlp("The allies expressed concern over troop deployments by North Korea to Russia.")
    deployments = next(t for t in doc if t.text == "deployments")
    assert {c.text for c in deployments.children if c.dep_ == "prep"} == {"by", "to"}


def test_a_phrase_before_the_event_noun_stays_where_it_is(nlp):
    doc = nlp("The ministers expressed concern to Russia over the deployments.")
    assert next(t for t in doc if t.text == "to").head.text != "deployments"
