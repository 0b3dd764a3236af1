"""Event nouns get back the doer's and target's phrases the parser hung on the noun before them."""
from __future__ import annotations


def test_the_phrases_after_an_event_noun_become_its_own(nlp):
    doc = nlp("The allies expressed concern over troop deployments by North Korea to Russia.")
    deployments = next(t for t in doc if t.text == "deployments")
    assert {c.text for c in deployments.children if c.dep_ == "prep"} == {"by", "to"}


def test_a_phrase_before_the_event_noun_stays_where_it_is(nlp):
    doc = nlp("The ministers expressed concern to Russia over the deployments.")
    assert next(t for t in doc if t.text == "to").head.text != "deployments"


def test_a_relative_clause_goes_back_to_the_noun_its_verb_agrees_with(nlp):
    doc = nlp("Russia condemns the Israeli air strikes on Damascus, which violate Syria's sovereignty.")
    assert next(t for t in doc if t.text == "violate").head.text == "strikes"
    doc = nlp("Russia condemns the Israeli air strike on Damascus, which violates Syria's sovereignty.")
    assert next(t for t in doc if t.text == "violates").head.text in ("strike", "Damascus")


def test_no_false_accusation_of_the_place_a_deed_struck(extract):
    events = extract("The United Kingdom condemns the Russian strikes on Kyiv, which violate international law.")
    assert ("condemn", "GBR", "RUS", "asserted") in events
    assert not any(e[0] == "accuse" and e[2] == "UKR" for e in events)


def test_a_target_phrase_hung_on_a_participles_doer_goes_back_to_the_event_noun(extract):
    events = extract("Japan welcomed the strikes carried out by the United States and the United Kingdom "
                     "against Houthi targets in Yemen.")
    assert {("fight", "USA", "YEM", "asserted"), ("fight", "GBR", "YEM", "asserted")} <= events
    # what was welcomed is the doers' deed: they are supported, not the place struck
    assert ("support", "JPN", "USA", "asserted") in events
    assert not any(e[0] == "support" and e[2] == "YEM" for e in events)


def test_number_says_nothing_of_an_organisation_or_a_plural_looking_state(extract):
    events = extract("Israel intensified its strikes on Hezbollah, who have fired hundreds of rockets at northern Israel.")
    assert ("fight", "LBN", "ISR", "asserted") in events


def test_a_name_marked_by_its_possessive_s_is_the_possessor(nlp):
    # with curly quotes the parser reads "Republic" as a modifier (nmod) of "launch", though "’s" marks it
    doc = nlp("Sherman held a call with Mori Takeo following the Democratic People’s Republic of Korea’s (DPRK) "
              "dangerous and escalatory launch of a long-range ballistic missile.")
    republic = next(t for t in doc if t.text == "Republic")
    assert (republic.dep_, republic.head.text) == ("poss", "launch")


def test_how_an_answer_is_given_goes_back_to_the_answering_verb(nlp, extract):
    doc = nlp("Israel responded to the attack with air strikes on Houthi targets in Yemen.")
    assert next(t for t in doc if t.text == "with").head.text == "responded"
    assert ("fight", "ISR", "YEM", "asserted") in extract(
        "Israel responded to the attack with air strikes on Houthi targets in Yemen.")
    # a "with" that is no event stays with what it describes
    doc = nlp("Israel responded to the attack with restraint.")
    assert next(t for t in doc if t.text == "with").head.text != "responded"
