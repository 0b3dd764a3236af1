"""Lists of names the parser broke are mended, so every member is a conjunct of the first."""
from __future__ import annotations

from kgraph.coordination import name_lists
from kgraph.extract import extract_events
from kgraph.model import Article


def _conjuncts(doc, name: str) -> set[str]:
    token = next(t for t in doc if t.text == name)
    return {c.text for c in token.conjuncts}


def test_the_last_member_after_and_joins_the_list_it_ends(nlp):
    doc = nlp("On November 15, senior officials from the United States, Australia, India, and Japan "
              "met in Singapore.")
    assert _conjuncts(doc, "States") == {"Australia", "India", "Japan"}


def test_a_member_read_as_an_apposition_becomes_a_conjunct(nlp):
    doc = nlp("The United States, Republic of Korea, and Japan strongly condemn the launch.")
    assert _conjuncts(doc, "States") == {"Republic", "Japan"}


def test_a_named_person_read_as_another_ones_apposition_is_a_conjunct(nlp):
    doc = nlp("Defense Minister Lee Jong-sup, US Secretary of Defense Lloyd J. Austin III, and Japan's Minister "
              "of Defense Yasukazu Hamada held a trilateral meeting in Singapore.")
    assert not [t for t in doc if t.dep_ == "appos" and t.ent_type_ == "PERSON"]
    met = {(e.agent.name, e.target.name) for e in extract_events(doc, Article(text=doc.text, source="t.txt")).events
           if e.action == "consult"}
    assert ("Lee Jong-sup", "Lloyd J. Austin III") in met
    # a person's description in apposition stays one
    doc = nlp("Lee Jong-sup, South Korea's defense minister, met Austin.")
    assert [t.text for t in doc if t.dep_ == "appos"] == ["minister"]


def test_the_subject_of_a_clause_of_its_own_is_not_taken_into_a_list(nlp):
    doc = nlp("Russia attacked Ukraine, and Japan condemned it.")
    assert _conjuncts(doc, "Ukraine") == set()
    assert next(t for t in doc if t.text == "Japan").dep_ == "nsubj"


def test_names_with_only_commas_between_them_are_no_list(nlp):
    assert name_lists(nlp("He flew to Paris, France on Monday.")) == []
    lists = name_lists(nlp("Ministers of France, Germany and Italy met. Spain, too, came."))
    assert [[m.text for m in members] for members, _ in lists] == [["France", "Germany", "Italy"]]


def test_every_state_of_a_mended_list_condemns(nlp):
    doc = nlp("The United States, Republic of Korea, and Japan strongly condemn the launch by North Korea.")
    events = extract_events(doc, Article(text=doc.text, source="t.txt")).events
    assert {e.agent.country for e in events if e.action == "condemn"} == {"USA", "KOR", "JPN"}


def test_a_list_whose_last_member_the_recogniser_missed_is_still_a_list(nlp):
    doc = nlp("The United States strongly supports the continued diplomatic efforts of the African Union, "
              "the Intergovernmental Authority on Development, the League of Arab States, and UNITAMS.")
    assert {"Authority", "League"} <= _conjuncts(doc, "Union")
    events = extract_events(doc, Article(text=doc.text, source="t.txt")).events
    assert {"African Union", "IGAD", "Arab League"} <= {e.target.name for e in events if e.action == "support"}


def test_a_list_that_ends_with_the_others_is_still_a_list(nlp):
    doc = nlp("The United States is working in close coordination with NATO, the G7, the European Union, "
              "OSCE, and other key allies and partners.")
    assert {"G7", "Union", "OSCE"} <= _conjuncts(doc, "NATO")
    events = extract_events(doc, Article(text=doc.text, source="t.txt")).events
    assert {"NATO", "G7", "European Union", "OSCE"} <= {e.target.name for e in events if e.action == "cooperate"}


def test_names_before_a_word_that_is_no_name_are_no_list(nlp):
    assert name_lists(nlp("We visited Paris, France, and then we flew home.")) == []


def test_a_state_whose_name_holds_and_is_one_place(nlp):
    doc = nlp("The United States thanked Antigua and Barbuda, Jamaica, and Trinidad and Tobago for their support.")
    assert {e.text for e in doc.ents} >= {"Antigua and Barbuda", "Trinidad and Tobago"}
    events = extract_events(doc, Article(text=doc.text, source="t.txt")).events
    assert {e.target.country for e in events if e.action == "support"} == {"ATG", "JAM", "TTO"}


def test_a_list_after_a_collective_noun_and_a_comma_stands_in_apposition_to_it(nlp):
    doc = nlp("Today’s action by the U.S. Treasury was taken in coordination with our international partners, "
              "the United Kingdom, Canada, and the European Union.")
    kingdom = next(t for t in doc if t.text == "Kingdom")
    assert (kingdom.head.text, kingdom.dep_) == ("partners", "appos")


def test_a_titled_person_after_one_in_apposition_to_a_title_is_the_titles_conjunct(nlp):
    doc = nlp("President Biden met Japanese Prime Minister Kishida and South Korean President Yoon at Camp David.")
    assert _conjuncts(doc, "Minister") == {"Yoon"}
    events = extract_events(doc, Article(text=doc.text, source="t.txt")).events
    assert {e.target.country for e in events if e.action == "consult"} == {"JPN", "KOR"}


def test_two_titled_people_named_together_are_conjuncts_each_with_its_own_title(nlp):
    doc = nlp("Blinken met with Indian Foreign Minister Jaishankar and Pakistani Prime Minister Sharif.")
    jaishankar = next(t for t in doc if t.text == "Jaishankar")
    sharif = next(t for t in doc if t.text == "Sharif")
    assert (jaishankar.dep_, jaishankar.head.text) == ("pobj", "with")  # the parser hung him inside Sharif's title
    assert (sharif.dep_, sharif.head.text) == ("conj", "Jaishankar")
    assert next(t for t in doc if t.text == "Pakistani").head.text == "Sharif"


def test_each_titled_person_of_a_pair_is_met(extract):
    events = extract("Blinken met with Indian Foreign Minister Jaishankar and Pakistani Prime Minister Sharif.")
    assert {e[2] for e in events if e[0] == "consult"} == {"IND", "PAK"}


def test_mending_a_titled_pair_never_makes_a_cycle(nlp):
    # "Said", "Welcomed": capitalised verbs before the titles, which the pair's phrase hangs from
    for text in ("Sources Said Japanese Prime Minister Kishida and South Korean President Yoon spoke, officials said.",
                 "as Washington Welcomed Japanese Prime Minister Kishida and South Korean President Yoon spoke, "
                 "officials said."):
        doc = nlp(text)
        for token in doc:
            assert len(list(token.ancestors)) < len(doc), (text, token.text)


def test_a_place_whose_name_ends_in_a_states_is_no_member_of_the_list_after_it(nlp):
    doc = nlp("Iran seized a tanker in the Gulf of Oman, Britain and France condemned the seizure.")
    assert [[m.text for m in members] for members, _ in name_lists(doc)] == [["Britain", "France"]]
