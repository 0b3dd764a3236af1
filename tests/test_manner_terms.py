"""A verb gets back the object the parser hung on its "in the strongest terms"."""
from __future__ import annotations


def test_the_noun_after_in_the_strongest_terms_is_the_verbs_object(nlp):
    doc = nlp("The United Kingdom condemns in the strongest terms the DPRK’s launch.")
    launch = next(t for t in doc if t.text == "launch")
    assert (launch.dep_, launch.head.text) == ("dobj", "condemns")  # the parser had it in apposition to "terms"


def test_a_verb_with_its_object_keeps_it_and_the_idiom_keeps_its_own_words(nlp):
    doc = nlp("The United Kingdom condemns the attack in the strongest terms.")
    assert next(t for t in doc if t.text == "attack").dep_ == "dobj"
    assert next(t for t in doc if t.text == "terms").head.text == "in"


def test_each_state_condemns_what_follows_the_idiom(extract):
    events = extract("Like the previous speakers from the United States, Japan and France, the United Kingdom "
                     "condemns in the strongest terms the DPRK’s flagrant violation of unanimous decisions of "
                     "the Security Council.")
    assert {e[1] for e in events if e[0] == "condemn" and e[2] == "PRK"} == {"GBR", "USA", "JPN", "FRA"}
