"""Which named rule reads a common noun as actors, on the phrases their docstrings name."""
from __future__ import annotations

import pytest

from kgraph.actors import DocumentActors
from kgraph import common_nouns
from kgraph.common_nouns import RULES, Noun


def read(nlp, text: str, word: str) -> tuple[str, list[str]]:
    """Feed `text` to a document's resolver sentence by sentence, then ask the rules about the
    last `word`: the name of the first rule that concludes, and the actors' keys."""
    doc = nlp(text)
    actors = DocumentActors(doc)
    token = [t for t in doc if t.text == word][-1]
    for sent in doc.sents:
        actors.start_sentence(sent)
        if sent.start <= token.i < sent.end:
            for rule in RULES:
                found = rule(Noun.of(token), actors)
                if found is not None:
                    return rule.__name__, [a.country or a.name for a in found]
            return "", []
        for t in sent:
            if t.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj"):
                actors.resolve(t)
        actors.end_sentence(sent)
    raise AssertionError(word)


@pytest.mark.parametrize(("text", "word", "rule", "keys"), [
    ("North Korea tested a missile. Japan condemned the North.", "North", "the_compass_half", ["PRK"]),
    ("Japan condemned the North.", "North", "", []),  # no Korea named: no rule reads it
    ("Japanese Prime Minister Fumio Kishida said his government would help Ukraine.", "government",
     "the_owners_state", ["JPN"]),
    ("Russia attacked Ukraine. The country has lost thousands of soldiers.", "country", "the_country", ["RUS"]),
    ("Security Council resolutions prohibit such launches.", "resolutions", "the_issuer_of_a_document",
     ["United Nations Security Council"]),
    ("Leaders of the Caribbean Community met in Guyana.", "Leaders", "members_of_an_organisation", ["CARICOM"]),
    ("Hezbollah fighters fired rockets at Israel.", "fighters", "an_armed_groups_members", ["LBN"]),
    ("NATO troops arrived in Kosovo.", "troops", "an_organisations_people", ["NATO"]),
    ("NATO allies condemned the attack.", "allies", "an_organisations_people", ["NATO allies"]),  # as annotated
    ("Hezbollah's fighters fired rockets at Israel.", "fighters", "an_organisations_people", ["LBN"]),
    ("India and Japan held talks. The two governments agreed to cooperate.", "governments",
     "the_bodies_of_a_group", ["IND", "JPN"]),
    ("India and Japan held talks. The two countries agreed to cooperate.", "countries",
     "the_parties_of_a_group", ["IND", "JPN"]),
    ("North Korean troops crossed the border.", "troops", "a_states_body", ["PRK"]),
    ("The Malian junta expelled the ambassador.", "junta", "a_states_body", ["MLI"]),  # a junta is its state
    ("Officials from the United States and Japan met in Tokyo. The officials condemned the launch.",
     "officials", "the_body_named_before", ["USA", "JPN"]),
    ("The council urged all parties to stop fighting.", "parties", "an_unnamed_body", []),
    ("The United States will defend its allies, including Japan and the Philippines.", "allies",
     "the_members_listed", ["JPN", "PHL"]),
    ("Britain acted with partners such as Canada and Australia.", "partners", "the_members_listed", ["CAN", "AUS"]),
    # the parser hangs the list on the verb: the list of names is read whole
    ("We announced sanctions in lockstep with Allies and partners in the European Union, the United Kingdom, "
     "Canada, Japan, and Australia.", "Allies", "the_members_listed",
     ["European Union", "GBR", "CAN", "JPN", "AUS"]),
    # a pair of collective nouns that lists no members is the group the annotators name
    ("We acted in lockstep with our allies and partners.", "partners", "allies_and_partners", ["allies and partners"]),
    ("We consulted other international allies and partners on the next steps.", "allies", "allies_and_partners",
     ["international allies and partners"]),
    ("We coordinate closely with our partners and allies.", "allies", "allies_and_partners",
     ["allies and partners"]),  # one group, whichever order the text names it in
    ("We consulted Ukraine's allies and partners.", "partners", "an_unnamed_body", []),  # Ukraine's, not a group
    ("I look forward to meeting key allies and partners.", "allies", "allies_and_partners", []),  # which, not who
    # states taken together, qualified by a word that names none of them, as the annotators name them
    ("NATO agreed to boost cooperation with their Indo-Pacific partners.", "partners", "a_collective_of_states",
     ["indo-pacific partners"]),
    ("Russia threatened Western countries.", "countries", "a_collective_of_states", ["western countries"]),
    ("We urge relevant countries to abide by the principle.", "countries", "", []),  # which, not who
    ("Russia threatened other countries.", "countries", "", []),
    # an organisation's office with no name after it: its holder named before, else the office as written
    ("The IAEA Director General condemned Iran.", "General", "an_organisations_official", ["IAEA Director General"]),
    ("The OPCW Director-General visited Damascus.", "General", "an_organisations_official", ["OPCW Director-General"]),
    ("NATO Secretary General Jens Stoltenberg visited Kyiv. The NATO Secretary General condemned Russia.",
     "General", "an_organisations_official", ["Jens Stoltenberg"]),
    # a quantifier says how many of them, not who they are: the qualifying word still names them
    ("Some Western countries accused Iran of aiding Russia.", "countries", "a_collective_of_states",
     ["western countries"]),
    ("Several states condemned Iran.", "states", "", []),
    ("We consulted our European allies, other partners and Japan.", "allies", "a_collective_of_states",
     ["european allies"]),  # no pair: each its own
    ("The allies struck military targets in Houthi-controlled areas in Yemen.", "targets", "a_sites_state", ["YEM"]),
    ("Militias attacked U.S. bases in Syria.", "bases", "a_sites_state", ["USA"]),  # the owner's, not the host's
    ("They reaffirmed their support for regional institutions, including the Pacific Islands Forum.",
     "institutions", "the_members_listed", ["Pacific Islands Forum"]),
    # an organisation's members by the guidelines' name; a club of states' members are the club
    ("EU member states condemned the attack.", "states", "an_organisations_members", ["EU member states"]),
    ("The member states of the European Union condemned the attack.", "states", "an_organisations_members",
     ["EU member states"]),
    ("Iran met Egypt. The G7 members condemned the attack.", "members", "an_organisations_members", ["G7"]),
    ("The members of the G7 condemned the attack.", "members", "an_organisations_members", ["G7"]),
    ("All member states must implement the sanctions.", "states", "", []),  # whose, unsaid
    ("Non-EU countries condemned the attack.", "countries", "", []),  # not the EU's
    # people known by whom or what they are tied to: a sanctions text's usual target
    ("The EU imposed sanctions on individuals and entities linked to the Wagner Group.", "entities",
     "those_linked_to", ["RUS"]),
    ("The Council sanctioned 12 individuals responsible for the crackdown in Belarus.", "individuals",
     "those_linked_to", ["BLR"]),
    ("The United States sanctioned individuals tied to Russia's Crimea efforts.", "individuals",
     "those_linked_to", ["RUS"]),
    ("Forces aligned with Sudan's army chief attacked the paramilitary group.", "Forces",
     "those_linked_to", ["SDN"]),
    ("Forces led by Khalifa Haftar attacked Tripoli.", "Forces", "those_linked_to", ["LBY"]),  # their leader's
    ("A delegation led by the foreign minister visited Beijing.", "delegation", "", []),  # whose, unsaid
    # a conjunct keeps its own head: "affiliated militias", not "affiliated"
    ("The IRGC and affiliated militias attacked U.S. forces.", "militias", "an_unnamed_body",
     ["affiliated militias"]),
    # a person's circle is his state's; the allies of a state are other states
    ("The United States sanctioned allies of Venezuela's Nicolas Maduro.", "allies", "an_unnamed_body", ["VEN"]),
    ("The United States sanctioned allies of the junta.", "allies", "an_unnamed_body", ["allies of the junta"]),
])
def test_each_kind_of_phrase_has_its_rule(nlp, text, word, rule, keys) -> None:
    assert read(nlp, text, word) == (rule, keys)


def test_a_states_body_qualified_outside_its_phrase_is_labelled_by_the_state(nlp) -> None:
    def label(text: str, word: str) -> str:
        doc = nlp(text)
        actors = DocumentActors(doc)
        token = [t for t in doc if t.text == word][-1]
        actors.start_sentence(next(iter(doc.sents)))
        return common_nouns.a_states_body(Noun.of(token), actors)[0].name

    assert label("Officials in Seoul are weighing a decision.", "Officials") == "South Korean officials"
    assert label("Troops from Eritrea were deployed to Ethiopia.", "Troops") == "Eritrean troops"
    assert label("Seoul's officials met Japanese officials.", "officials") == "Japanese officials"
    assert label("North Korean troops crossed the border.", "troops") == "North Korean troops"  # as written


def test_every_rule_says_which_phrase_it_reads() -> None:
    assert all(rule.__doc__ and '"' in rule.__doc__ for rule in RULES)


def test_a_resolution_acts_for_the_body_that_adopted_it(extract):
    text = "The Security Council adopted resolution 2722, which condemns the Houthi attacks."
    assert ("condemn", "United Nations Security Council", "YEM", "asserted") in extract(text)
    # a numbered resolution with no issuer named is the Council's
    assert ("sanction", "United Nations Security Council", "IRN", "asserted") in extract(
        "Resolution 2231 prohibits Iran from transferring drones to Russia.")
    # welcomed, it does nothing itself
    assert extract("The United Kingdom welcomes the adoption of resolution 2304 today.") == set()
    # "the resolution" of a text on one body's resolutions is that body's
    assert ("demand", "European Parliament", "RUS", "asserted") in extract(
        "MEPs adopted a resolution on Russia. The resolution demands that Russia release all political prisoners.")
    assert ("support", "United Nations Security Council", "COD", "asserted") in extract(
        "We voted in the Security Council to renew the mission's mandate. This resolution supports the "
        "Democratic Republic of the Congo's request.")


def test_an_organisation_office_named_as_a_possessor_is_that_office(extract):
    # the possessive 's is no part of the office's name in the tables
    assert ("consult", "UN Secretary-General", "SYR", "asserted") in extract(
        "The UN Secretary-General's visit to Damascus was important.")



def test_the_council_in_lower_case_is_the_council_the_text_names(extract):
    events = extract("The UN Security Council met on Monday. Japan called on the council to take measures.")
    assert ("demand", "JPN", "United Nations Security Council", "asserted") in events
    # where the text names no Council, "the council" is no one's name
    events = extract("Russia attacked Ukraine. Japan called on the council to take measures.")
    assert ("demand", "JPN", "United Nations Security Council", "asserted") not in events


def test_victims_are_not_of_the_state_that_attacks_them(extract):
    events = extract("Statement by the UK Ambassador\n\nDuring my visit to Kyiv, I met children recovering from "
                     "injuries caused by Russian missile strikes.")
    assert not any(e[2] == "RUS" for e in events)
    assert ("fight", "RUS", "UKR", "asserted") in extract("Russian strikes killed civilians in Kharkiv.")


def test_a_council_with_words_of_its_own_or_a_text_of_councillors_is_no_named_council(extract):
    events = extract("The Security Council met on Monday. The Kharkiv city council condemned Russia.")
    assert not any(e[1] == "United Nations Security Council" for e in events if e[0] == "condemn")
    events = extract("Councillors met in Kyiv. The council condemned Russia.")
    assert not any(e[1] == "United Nations Security Council" for e in events)


def test_an_office_whose_portfolio_is_of_a_state_is_that_states(extract) -> None:
    events = extract("The Minister of Foreign Affairs of Colombia condemned the DPRK.")
    assert ("condemn", "COL", "PRK", "asserted") in events  # "of Colombia" hangs from "Affairs", not the title


def test_ministers_of_a_portfolio_of_several_states_are_each_states(extract) -> None:
    events = extract("The Ministers of Foreign Affairs of Australia and Canada condemned the DPRK's missile launch.")
    # the recogniser cuts "The Ministers of Foreign Affairs of" as one organisation, before the states it names
    assert {e[1] for e in events if e[0] == "condemn"} == {"AUS", "CAN"}


def test_an_organisations_office_named_by_an_of_phrase_is_its_official(extract) -> None:
    assert ("condemn", "NATO Secretary General", "PRK", "asserted") in extract(
        "The Secretary General of NATO condemned the DPRK.")
    assert ("condemn", "IAEA Director General", "IRN", "asserted") in extract(
        "The Director General of the IAEA condemned Iran.")
    assert ("condemn", "Antonio Guterres", "PRK", "asserted") in extract(
        "UN Secretary-General Antonio Guterres spoke on Monday. "
        "The Secretary-General of the United Nations condemned the DPRK.")


def test_an_organisations_name_after_a_title_is_no_persons_name(extract) -> None:
    events = extract("The High Representative of the European Union condemned the DPRK.")
    assert not any(e[1] == "Union" for e in events)  # "European" is a portfolio's word; "Union" no surname
    assert ("condemn", "European Union High Representative", "PRK", "asserted") in events


def test_a_regional_epithet_names_the_last_state_of_its_region(extract) -> None:
    text = ("Last week the UK sanctioned individuals in the Central African Republic, Mali and Sudan. "
            "Wagner is thought to have some 1,000 troops in the Sahel nation.")
    assert ("deploy", "RUS", "MLI", "asserted") in extract(text)  # Wagner's; not the UK, nor Sudan
    text = "UK troops are in Estonia. Britain has signed a new agreement with the Baltic nation."
    assert ("cooperate", "GBR", "EST", "asserted") in extract(text)


def test_a_regional_epithet_names_no_one_where_the_text_named_none_of_its_states() -> None:
    from kgraph.nationality import region_states

    assert region_states("Baltic") == {"EST", "LVA", "LTU"}
    assert "NGA" in region_states("African")  # a region of the countryinfo package
    assert region_states("Northern") == frozenset()


def test_a_draft_resolution_acts_for_its_sponsor_not_the_council(extract) -> None:
    text = ("The Security Council today rejected a proposal by the Russian Federation. The draft resolution would have "
            "demanded the United States and its allies immediately cease such actions.")
    events = extract(text)
    assert ("demand", "RUS", "USA", "hypothetical") in events
    assert not any(e[1] == "United Nations Security Council" for e in events)  # it was never adopted
    assert not extract("The draft resolution would have demanded that Israel cease its actions.")  # no sponsor named


def test_a_regional_epithet_with_its_own_state_or_said_by_that_state_is_not_an_earlier_one(extract) -> None:
    assert ("cooperate", "USA", "QAT", "asserted") in extract(
        "After talks with Saudi Arabia, the US signed a security pact with the Gulf state of Qatar.")
    assert ("cooperate", "FRA", "TCD", "hypothetical") in extract(
        "France met Mali. France will deepen military cooperation with the African nation of Chad.")
    assert ("accuse", "CHN", "PHL", "asserted") in extract(
        "Japan met the Philippines. China accused the Southeast Asian nation of provocation.")  # not China itself


def test_an_organisations_office_is_not_another_organisations_holder(extract) -> None:
    events = extract("UN Secretary-General Antonio Guterres urged calm. The NATO Secretary General warned Russia.")
    assert ("warn", "NATO Secretary General", "RUS", "asserted") in events


def test_a_draft_sponsor_is_read_from_the_drafts_own_phrase_first(extract) -> None:
    events = extract("Ukraine rejected China's peace proposal. The draft resolution before the General Assembly "
                     "demands that Russia withdraw its troops.")
    assert not any(e[1] == "CHN" for e in events)  # a peace proposal is no draft of China's
    events = extract("Switzerland's text was discussed. The draft, sponsored by Mozambique, condemns the Houthi attacks.")
    assert ("condemn", "MOZ", "YEM", "asserted") in events


def test_a_states_envoy_to_an_organisation_is_the_states(extract):
    assert ("accuse", "SDN", "ARE", "asserted") in extract("Sudan's UN envoy alleged that the UAE is arming the RSF.")
    assert ("condemn", "RUS", None, "asserted") in extract("The Russian UN envoy condemned the strikes.")
    assert ("condemn", "UN envoy", None, "asserted") in extract("The UN envoy condemned the strikes.")  # the UN's own
    assert ("condemn", "RUS", None, "asserted") in extract("The Russian UN ambassador condemned the strikes.")


def test_the_body_or_the_bloc_is_the_organisation_last_named_as_a_subject(extract):
    events = extract("The EU Council expanded sanctions against Russia. Josep Borrell, High Representative of the "
                     "EU, spoke. The body condemned Russia's attacks against civilian targets.")
    assert ("condemn", "Council of the European Union", "RUS", "asserted") in events
    events = extract("The European Union imposed sanctions on Russia. The 27-nation bloc condemned Russia's attacks.")
    assert ("condemn", "European Union", "RUS", "asserted") in events
    assert not any(e[0] == "condemn" for e in extract("The EU met. Soldiers found the body of a soldier."))


def test_an_organisations_initials_printed_with_spaces_are_its_initials(extract):
    events = extract("The U. N. Security Council on Friday condemned an offensive by M23 in eastern Congo.")
    assert ("condemn", "United Nations Security Council", "COD", "asserted") in events


def test_a_states_council_named_like_an_organisation_is_the_states(extract):
    assert ("warn", "RUS", "NATO", "asserted") in extract("Russia's Security Council warned NATO.")
    assert ("warn", "United Nations Security Council", "RUS", "asserted") in extract(
        "The UN's Security Council warned Russia.")
