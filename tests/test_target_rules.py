"""Named rules of roles.py on the phrases their docstrings name: which rule finds whom."""
from __future__ import annotations

from kgraph.countries import country_code
from kgraph.roles import (
    TargetSearch, cut_off_party, from_phrase, helped_party, imposed_by, needing_party, noun_agents, of_noun_target,
    participants, targets_of, verb_agents,
)
from kgraph.triggers import Trigger, find_triggers


def trigger(nlp, text: str, word: str) -> Trigger:
    """The trigger `word` is in `text`, as extraction finds it."""
    return next(t for sent in nlp(text).sents for t in find_triggers(sent) if t.token.text == word)


def test_the_target_can_hang_from_the_of_noun(nlp):
    support = trigger(nlp, "Hungary blocked the support of the EU for Ukraine.", "support")
    assert [t.text for t in of_noun_target(TargetSearch.of(support.token, support))] == ["Ukraine"]
    assert [t.text for t in targets_of(support.token, support)] == ["Ukraine"]


def test_a_ban_targets_who_is_cut_off_not_what_is_banned(nlp):
    prohibit = trigger(nlp, "Security Council resolutions prohibit all cooperation with North Korea.", "prohibit")
    search = TargetSearch.of(prohibit.token, prohibit)
    cooperation = [c for c in prohibit.token.children if c.dep_ == "dobj"]
    assert [t.text for t in cut_off_party(search, cooperation)] == ["Korea"]
    assert [t.text for t in targets_of(prohibit.token, prohibit)] == ["Korea"]


def test_an_embargo_is_imposed_by_its_agent(nlp):
    embargo = trigger(nlp, "The arms embargo imposed by the Council was lifted.", "embargo")
    assert embargo.action == "sanction"
    found, rule = noun_agents(embargo.token, embargo.action)
    assert ([t.text for t in found], rule) == (["Council"], "noun-imposed-by")
    assert imposed_by(embargo.token, embargo.action) == (found, rule)


def test_help_comes_from_its_from_phrase_and_goes_to_whoever_acts_with_it(nlp):
    support = trigger(nlp, "The militaries of the United States and the United Kingdom, with support from "
                           "Australia and Canada, conducted strikes.", "support")
    found, rule = noun_agents(support.token, support.action)
    assert ([t.text for t in found], rule) == (["Australia"], "noun-from")  # Canada is its conjunct
    assert [t.text for t in helped_party(TargetSearch.of(support.token, support))] == ["militaries"]


def test_with_the_support_of_names_the_helpers_but_support_of_alone_does_not(nlp):
    helped = trigger(nlp, "With the support of several partners, the United States enabled Israel to "
                          "defeat the attack.", "support")
    assert [t.text for t in from_phrase(helped.token, helped.action)[0]] == ["partners"]
    assert [t.text for t in targets_of(helped.token, helped)] == ["States"]
    blocked = trigger(nlp, "Hungary blocked the support of the EU for Ukraine.", "support")
    assert from_phrase(blocked.token, blocked.action) is None


def test_a_country_whose_name_begins_with_the_is_found_without_it():
    assert country_code("Netherlands") == country_code("the Netherlands") == "NLD"


def test_a_country_is_found_by_its_formal_name():
    assert country_code("Kingdom of Thailand") == "THA"
    assert country_code("the Hashemite Kingdom of Jordan") == "JOR"
    assert country_code("Republic of Korea") == "KOR"  # the common aliases still win


def test_a_preposition_said_again_after_and_brings_its_object_too(nlp):
    visits = trigger(nlp, "Blinken made clear during his recent visits to the DRC and to Rwanda that "
                          "support must end.", "visits")
    assert [t.text for t in targets_of(visits.token, visits)] == ["DRC", "Rwanda"]


def test_a_hyphened_participle_names_who_did_it_to_the_noun_it_qualifies(nlp):
    backed = trigger(nlp, "Iranian-backed Houthi rebels in Yemen fired a missile at Riyadh.", "backed")
    assert [t.text for t in verb_agents(backed.token)[0]] == ["Iranian"]
    assert [t.text for t in targets_of(backed.token, backed)] == ["rebels"]


def test_an_in_step_with_phrase_makes_the_agent_work_with_the_partners(nlp):
    concert = trigger(nlp, "The United States, acting in concert with our G7 partners, took further steps.", "concert")
    assert concert.action == "cooperate"
    assert noun_agents(concert.token, concert.action) == ([concert.token.doc[2]], "in-step-with")
    assert [t.text for t in targets_of(concert.token, concert)] == ["partners"]
    tandem = trigger(nlp, "Japan acted in tandem with Australia.", "tandem")
    assert [t.text for t in noun_agents(tandem.token, tandem.action)[0]] == ["Japan"]
    assert [t.text for t in targets_of(tandem.token, tandem)] == ["Australia"]


def test_an_in_step_with_phrase_on_the_subject_or_between_commas_still_names_the_partners(extract):
    # the parser hangs the phrase on the subject, or on the comma before it
    found = extract("NATO allies in close coordination with the European Union are imposing sanctions on Russia.")
    assert ("cooperate", "NATO allies", "European Union", "asserted") in found
    found = extract("The United States, in coordination with the United Kingdom, sanctioned four Houthi officials.")
    assert ("cooperate", "USA", "GBR", "asserted") in found
    # a phrase of the object is no one's manner of acting
    assert not any(e[0] == "cooperate" for e in extract(
        "Japan criticised the ministers in coordination with whom Russia acted."))


def test_who_acts_in_support_or_condemnation_of_someone_takes_that_stance(extract):
    assert ("support", "FRA", "UKR", "asserted") in extract("France acted in support of Ukraine.")
    assert ("support", "LBN", "PSE", "asserted") in extract(
        "Hezbollah says it is acting in support of the Palestinians and Hamas.")
    assert ("condemn", "GBR", "RUS", "asserted") in extract(
        "Britain joined its allies in condemnation of Russia's reckless behaviour.")
    # the parser may hang the phrase on the allies the subject stood with
    assert ("condemn", "GBR", "RUS", "asserted") in extract(
        "Britain stood shoulder-to-shoulder with its allies in condemnation of Russia's reckless behaviour.")
    # or on the "shoulder" of "stood shoulder-to-shoulder"
    assert [e for e in extract("Mr. Williamson stood shoulder-to-shoulder with Allies in condemnation of reckless "
                               "and indiscriminate Russian cyber-attacks.") if e[0] == "condemn" and e[2] == "RUS"]
    # no stance taken: 'in' names no manner of acting
    assert not [e for e in extract("Japan's interest in support of the region grew.") if e[0] == "support"]
    assert not [e for e in extract("Germany abstained in support of neither Russia nor Ukraine.") if e[0] == "support"]


def test_the_partner_of_an_in_step_with_phrase_is_no_target_of_the_main_action(extract):
    found = extract("Britain imposed sanctions on Iran in close coordination with France.")
    assert ("sanction", "GBR", "IRN", "asserted") in found
    assert ("cooperate", "GBR", "FRA", "asserted") in found or ("cooperate", "FRA", "GBR", "asserted") in found
    assert not {e for e in found if e[0] == "sanction" and e[2] == "FRA"}


def test_the_helpers_listed_in_a_with_phrase_help_whoever_acts(extract):
    found = extract("With the support of a number of partners, including the UK and France, the United States "
                    "defended Israel.")
    assert {("support", "GBR", "USA", "asserted"), ("support", "FRA", "USA", "asserted")} <= found
    # the parser hangs the phrase on the verb's object: the doer is still the one helped
    found = extract("Russia ended the mandate of the Panel of Experts in March with China's tacit support.")
    assert ("support", "CHN", "RUS", "asserted") in found


def test_the_by_agent_of_the_condemned_noun_counts_though_an_of_phrase_comes_first(extract):
    found = extract("Japan condemns the escalation of human rights violations by the Russian regime.")
    assert ("condemn", "JPN", "RUS", "asserted") in found


def test_a_sanctions_regime_or_package_is_the_sanctions_of_whoever_imposes_it(extract):
    assert ("sanction", "EU", "RUS", "asserted") in {
        (a, "EU" if g == "European Union" else g, t, m)
        for a, g, t, m in extract("The EU adopted a new sanctions package against Russia.")}
    assert ("sanction", "USA", "SSD", "asserted") in extract("The United States imposed a sanctions regime on South Sudan.")
    # a regime in an of-phrase stays the Council's measure, not its supporter's
    found = extract("The Security Council met today. The United States strongly supports this resolution renewing "
                    "the mandate of the Somalia and Eritrea sanctions regimes.")
    assert ("sanction", "United Nations Security Council", "SOM", "asserted") in found


def test_who_joins_another_in_doing_something_does_it_with_them(nlp):
    doc = nlp("We join the Secretary-General in condemning the attack on the mission.")
    condemning = next(t for t in doc if t.text == "condemning")
    found, rule = verb_agents(condemning)
    assert ([t.text for t in found], rule) == (["We", "General"], "joined-in")  # the heads of "We" and "the Secretary-General"


def test_who_does_not_join_another_says_nothing_against_the_others_doing(nlp):
    refused = nlp("We refuse to join Russia in condemning Ukraine.")  # the condemning is negated: ours
    found, rule = verb_agents(next(t for t in refused if t.text == "condemning"))
    assert ([t.text for t in found], rule) == (["We"], "joined-in")
    declined = nlp("We do not join Russia in condemning Ukraine.")  # the condemning is asserted: Russia's
    found, rule = verb_agents(next(t for t in declined if t.text == "condemning"))
    assert ([t.text for t in found], rule) == (["Russia"], "joined-in")


HEADER = "Statement by the Press Secretary of the United States\n\n"


def test_what_was_judged_is_only_what_this_or_the_same_noun_points_back_to(extract):
    later = extract(HEADER + "The United States condemned North Korea's missile launch. "
                             "The resolution violates nobody's rights.")
    assert not {e for e in later if e[0] == "accuse"}
    too_late = extract(HEADER + "We condemn North Korea's missile launch. Japan held talks with Korea. "
                                "Seoul hosted a summit. The talks went well. This constitutes a violation of "
                                "UN resolutions.")
    assert not {e for e in too_late if e[0] == "accuse"}


def test_a_place_after_an_unnamed_collective_or_event_names_no_one(nlp, extract):
    assert not extract("The United States will work with partners in Geneva to end the war.")
    launch = next(t for t in nlp("We condemn the launch of missiles on Israel.") if t.text == "launch")
    assert [t.text for t in participants(launch)] == ["missiles"]  # the target is no doer


def test_only_a_guest_to_a_meeting_is_a_courtesy_welcome(extract):
    assert ("support", "USA", "SWE", "asserted") in extract(HEADER + "We welcome Sweden to NATO.")


def test_a_participle_with_a_by_agent_targets_the_noun_it_describes(nlp):
    backed = trigger(nlp, "The M23 rebels, backed by Rwanda, seized Goma.", "backed")
    assert [t.text for t in verb_agents(backed.token)[0]] == ["Rwanda"]
    assert [t.text for t in targets_of(backed.token, backed)] == ["rebels"]


def test_a_verb_without_an_object_shares_the_object_of_the_verb_it_is_joined_to(extract):
    assert ("supply", "IRN", "YEM", "asserted") in extract("Iran continues to arm, train, and fund the Houthis.")
    # a later verb with its own subject, or an earlier verb with its own complement, shares nothing
    assert not any(e[0] == "support" and e[2] == "CHN" for e in extract(
        "Washington stands with its ally the Philippines and condemns the dangerous actions of China."))


def test_a_strike_carried_out_in_a_country_is_against_it_whenever_it_happened(nlp, extract):
    strikes = trigger(nlp, "Pakistan carried out air strikes in Afghanistan on Saturday.", "strikes")
    assert [t.text for t in targets_of(strikes.token, strikes)] == ["Afghanistan"]
    assert ("fight", "PAK", "AFG") in {e[:3] for e in extract(
        "Officials said Pakistan carried out air strikes in Afghanistan on Saturday.")}


def test_a_date_after_an_attack_says_when_not_whom(nlp):
    attack = trigger(nlp, "Russia launched a large attack on Monday against Kharkiv.", "attack")
    assert [t.text for t in targets_of(attack.token, attack)] == ["Kharkiv"]


def test_talks_said_to_be_underway_between_parties_are_between_them(extract):
    assert ("consult", "USA", "NER", "asserted") in extract(
        "Negotiations are underway between the United States and Niger about the withdrawal.")


def test_a_light_verb_in_a_relative_clause_brings_its_target_phrase(extract):
    # "imposed" says who (its subject) and on whom (its on-phrase) of the noun it relates to
    assert ("sanction", "JPN", "RUS", "asserted") in extract(
        "Japan has kept the sanctions that it imposed on Russia in 2022.")


def test_a_meeting_or_an_agreement_made_in_a_relative_clause_is_an_event(extract):
    assert ("cooperate", "JPN", "AUS", "asserted") in extract("Kishida praised the agreement that Japan signed with Australia.")
    assert ("consult", "USA", "JPN", "asserted") in extract(
        "Biden recalled the meeting that he had with Kishida in Tokyo.")
    # a relative clause that neither makes the meeting nor says with whom leaves it no event
    assert extract("The meeting that was planned for Monday was cancelled.") == set()


def rule_events(nlp, text: str) -> set[tuple]:
    """The rules' own events, without the model that could make up for them."""
    from kgraph.extract import extract_events
    from kgraph.model import Article

    events = extract_events(nlp(text), Article(source="rules.txt", text=text), method="rules").events
    return {(e.action, e.agent and e.agent.country, e.target and e.target.country) for e in events}


def test_a_threat_to_impose_a_measure_on_someone_threatens_them(nlp):
    assert ("warn", "USA", "MEX") in rule_events(nlp, "Washington has threatened to impose tariffs on Mexico.")
    assert ("warn", "CHN", "LTU") in rule_events(nlp, "China warned it would impose sanctions on Lithuania.")


def test_who_answers_with_a_measure_takes_it(nlp):
    assert ("sanction", "CHN", "LTU") in rule_events(nlp, "China responded with sanctions on Lithuania.")
    assert ("sanction", "CHN", "USA") in rule_events(nlp, "Beijing retaliated with sanctions on U.S. defence firms.")


def test_discussions_with_someone_are_consultations(nlp):
    # CAMEO's 040 (consult) dictionary holds "discussion" among "dialogue" and "negotiation"
    assert ("consult", "USA", "PHL") in rule_events(nlp, "The United States is in discussions with the Philippines.")
    assert ("consult", "JPN", "IND") in rule_events(nlp, "Japan held discussions with India on maritime security.")


def test_sanctions_imposed_by_one_on_another_are_one_event_of_theirs(extract):
    # the participle's phrases are the noun's; the participle asks no question of its own
    events = extract("China condemned the sanctions imposed by the United States on Chinese companies.")
    assert ("sanction", "USA", "CHN", "asserted") in events
    assert not [e for e in events if e[0] == "sanction" and e[1] == "CHN"]


def test_those_one_announces_a_measure_with_are_partners_however_the_list_hangs(nlp):
    from kgraph.roles import named_as_partner
    doc = nlp("We announced the first round of sanctions with our allies and partners, including those in the "
              "European Union, the United Kingdom, Canada, and Japan.")
    assert all(named_as_partner(t) for t in doc if t.text in ("Union", "Kingdom", "Canada", "Japan"))
    # where 'with' names whom an action is done to, it stays the target's word
    doc = nlp("Japan held talks with South Korea, including its defence minister.")
    assert not any(named_as_partner(t) for t in doc if t.text == "Korea")


def test_a_passive_conjunct_shares_the_subject_of_the_passive_before_it(extract):
    events = extract("Russia was condemned by the EU and was sanctioned by the US.")
    assert ("sanction", "USA", "RUS", "asserted") in events
    events = extract("Two Philippine coast guard ships were blocked by Chinese coast guard ships and were threatened.")
    assert ("warn", "CHN", "PHL", "asserted") in events


def test_a_pronoun_owner_of_a_deeds_purpose_is_not_the_one_given_to(extract):
    events = extract("Iran sent drones to Russia for its campaign of attacking Ukrainian cities.")
    assert ("supply", "IRN", "RUS", "asserted") in events
    assert any(e[0] == "fight" and e[2] == "UKR" for e in events)


def test_who_needs_or_asked_for_what_is_delivered_receives_it(nlp):
    for text, word, receiver in (("Germany will send the weapons Ukraine needs.", "send", "Ukraine"),
                                 ("Germany will send the air defence systems that Kyiv requested.", "send", "Kyiv"),
                                 ("Britain delivered the tanks that Kyiv had asked for.", "delivered", "Kyiv")):
        delivery = trigger(nlp, text, word)
        assert [t.text for t in needing_party(TargetSearch.of(delivery.token, delivery))] == [receiver], text
        assert [t.text for t in targets_of(delivery.token, delivery)] == [receiver], text
    # what the need is about is another verb's: no receiver
    sale = trigger(nlp, "Turkey sold the drones that the United States sought to block.", "sold")
    assert needing_party(TargetSearch.of(sale.token, sale)) == []


def test_standing_side_by_side_with_someone_supports_them(extract):
    events = extract("Germany and the United States stand side-by-side with Ukraine.")
    assert {("support", "DEU", "UKR", "asserted"), ("support", "USA", "UKR", "asserted")} <= events


def test_firing_upon_someone_fights_them(extract):
    assert ("fight", "IRN", "USA", "asserted") in extract("Iranian forces fired upon a US drone.")


def test_the_by_phrase_of_a_decision_names_who_does_what_was_decided(extract) -> None:
    events = extract("Foreign Secretary Jeremy Hunt said:\n\nWe have stated our regret at the decision by the United "
                     "States to withdraw from the JCPoA and to re-impose sanctions on Iran.")
    assert {e[:3] for e in events if e[0] == "sanction"} == {("sanction", "USA", "IRN")}  # not "we", who regret it


def test_a_time_is_no_one_fired_at(extract) -> None:
    events = extract("North Korea fired the ballistic missile eastward at 11:42 (15:42 GMT) on Friday.")
    assert not any(e[2] == "GMT" for e in events)


def test_the_go_between_of_a_deal_is_no_party_to_it(extract) -> None:
    events = extract("Tshisekedi and Kagame affirmed their commitment to a U.S.-brokered peace deal. "
                     "Israel welcomed the Qatar-mediated talks with Hamas.")
    assert not any(e[2] in ("USA", "QAT") for e in events)  # the broker and the mediator are no targets
    assert ("consult", "ISR", "PSE", "asserted") in events


def test_forces_sent_to_do_something_do_it_not_whoever_protests_their_sending(extract) -> None:
    events = extract("South Korea protested the dispatch of North Korean troops to assist Moscow's war against Ukraine.")
    assert ("support", "PRK", "RUS", "asserted") in events
    assert ("support", "KOR", "RUS", "asserted") not in events


def test_warnings_one_went_ahead_despite_were_to_the_one_who_went_ahead(extract) -> None:
    events = extract("Despite repeated warnings from the international community, North Korea launched a "
                     "ballistic missile again.")
    assert ("warn", "international community", "PRK", "asserted") in events


def test_calls_as_a_noun_are_their_makers_not_the_clauses_subjects(extract) -> None:
    events = extract("Despite calls from the United States for restraint, Israel struck Lebanon.")
    assert not any(e[0] == "demand" and e[1] == "ISR" for e in events)
    assert not any(e[0] == "demand" for e in extract("Russia ignored calls for a ceasefire."))


def test_arms_fired_at_someone_fight_them_and_a_meeting_at_a_body_is_where_not_whom(extract) -> None:
    assert ("fight", "YEM", "ISR", "asserted") in extract("The Houthis fired missiles at Israel.")
    assert not extract("North Korea fired a ballistic missile into the sea.")
    events = extract("The UAE envoy lashed out at Sudan at the Security Council.")
    assert {e[2] for e in events if e[0] == "condemn"} == {"SDN"}
