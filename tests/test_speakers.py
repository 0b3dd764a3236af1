"""Who speaks in a document, read without the resolver: transcript turns, datelines, headers."""
from __future__ import annotations

import pytest

from kgraph.casing import text_for_parser
from kgraph.extract import extract_events
from kgraph.model import Actor, Article
from kgraph.speakers import (
    dateline_country, document_speaker, joint_authors, label_person, transcript, venue_country, with_voice,
)

BRIEFING = """Press Briefing by National Security Council Spokesman John Kirby

MR. KIRBY: Good afternoon. We condemn the launch.

Q: Will you respond?

MR. KIRBY: We will.
"""


def test_a_transcript_gives_the_floor_to_the_last_speaker_label() -> None:
    turns = transcript(BRIEFING, default_country="USA")
    kirby = turns.speaker_at(BRIEFING.index("We condemn"))
    assert kirby == Actor("Kirby", "PERSON", "USA")
    question = turns.speaker_at(BRIEFING.index("Will you"))
    assert question is not None and question.name == ""  # a reporter speaks for no one
    assert turns.speaker_at(BRIEFING.index("We will")) == kirby
    assert turns.speaker_at(0) is None  # the title comes before any turn


JOINT_REMARKS = """Joint press conference

GERMAN DEFENSE MINISTER BORIS PISTORIUS (THROUGH TRANSLATOR): We will support Ukraine.

SECRETARY OF DEFENSE LLOYD J. AUSTIN III: We stand with Germany.
"""


def test_a_long_label_names_its_person_after_the_office_and_the_interpreter() -> None:
    turns = transcript(JOINT_REMARKS, default_country="USA")
    assert turns.speaker_at(JOINT_REMARKS.index("We will")) == Actor("Boris Pistorius", "PERSON", "DEU")
    austin = turns.speaker_at(JOINT_REMARKS.index("We stand"))
    assert austin is not None and austin.name == "Lloyd J. Austin III" and austin.country == "USA"


@pytest.mark.parametrize("label, person", [
    ("MR. KIRBY", ("Kirby", None)),
    ("EXTERNAL AFFAIRS MINISTER JAISHANKAR", ("Jaishankar", None)),
    ("DEPUTY PRESS SECRETARY SABRINA SINGH", ("Sabrina Singh", None)),
    ("SENIOR DEFENSE OFFICIAL", ("Senior Defense Official", None)),  # all office: kept whole
    ("MODERATOR", ("Moderator", None)),
])
def test_a_label_person_is_the_label_without_its_office(label, person) -> None:
    assert label_person(label) == person


def test_one_label_does_not_make_a_transcript() -> None:
    text = "NOTE: the meeting was postponed. Japan condemned the launch."
    assert transcript(text, default_country="JPN").speaker_at(len(text) - 1) is None


def test_one_office_holders_label_opening_the_text_gives_the_whole_text_its_speaker() -> None:
    text = ("Remarks Welcoming President Ruto\n\nSECRETARY OF DEFENSE LLOYD J. AUSTIN III: President Ruto, "
            "welcome to the Pentagon. We support Kenya's leadership.")
    speaker = transcript(text, default_country=None).speaker_at(text.index("We support"))
    assert speaker is not None and (speaker.name, speaker.country) == ("Lloyd J. Austin III", "USA")
    late = "Japan condemned the launch. " * 20 + "\nMR. KIRBY: We condemn it too."
    assert transcript(late, default_country="USA").speaker_at(len(late) - 1) is None  # no opening label


def test_a_wire_dateline_names_the_state_of_its_city() -> None:
    assert dateline_country("NEW DELHI, March 4 (Reuters) - India said on Monday ...") == "IND"
    assert dateline_country("SEOUL/TOKYO, Jan 2 — North Korea fired ...") == "KOR"
    assert dateline_country("India said on Monday that ...") is None


def test_the_header_names_the_author_of_a_statement(nlp) -> None:
    doc = nlp("Statement by Ambassador Jane Doe, UK Permanent Representative to the UN\n\n"
              "We condemn Iran for its attacks on shipping.")
    speaker = document_speaker(doc)
    assert speaker is not None and speaker.country == "GBR"


def test_a_kind_of_text_the_recogniser_takes_for_a_person_is_no_one(nlp) -> None:
    from kgraph.actors import DocumentActors

    text = ("RELEASE | Jan. 5, 2024\n\nReadout of Deputy Secretary of Defense Kathleen Hicks's Meeting With "
            "Australian Deputy Secretary of Defence Hugh Jeffrey\n\nThey met today.")
    doc = nlp(text_for_parser(text))
    readout = next(t for t in doc if t.text == "Readout")
    assert readout.ent_type_ == "PERSON"  # as the small recogniser reads it
    actors = DocumentActors(doc)
    actors.start_sentence(next(iter(doc.sents)))
    assert actors.resolve(readout) == []


def test_a_header_persons_given_names_the_recogniser_left_out_are_part_of_the_name(nlp) -> None:
    from kgraph.speakers import _with_given_names

    doc = nlp("Readout of Secretary of Defense Lloyd J. Austin III's Call With Minister Kihara")
    start = next(t.i for t in doc if t.text == "J.")  # the recogniser's "J. Austin III"
    assert _with_given_names(doc[start:start + 3]).text == "Lloyd J. Austin III"
    # up to a title: "Secretary" stays out
    start = next(t.i for t in doc if t.text == "Kihara")
    assert _with_given_names(doc[start:start + 1]).text == "Kihara"


def test_a_group_the_recogniser_takes_for_a_person_in_the_header_is_no_speaker(nlp) -> None:
    doc = nlp("UK urges Iran to end unlawful arms for Houthis: UK statement at the UN Security Council\n\n"
              "We call on Iran to stop arming the group.")
    assert document_speaker(doc) == Actor("United Kingdom", "COUNTRY", "GBR")


def test_an_organisation_that_heads_a_statement_speaks_in_it(nlp) -> None:
    text = ("EU Statement on the Russian Federation's ongoing aggression against Ukraine\n\n"
            "Russia continues its attacks on civilians. We call on Belarus to stop enabling the aggression.")
    doc = nlp(text)
    assert document_speaker(doc) == Actor("European Union", "ORG", None)
    events = extract_events(doc, Article(text=text, source="t.txt")).events
    assert {(e.action, e.agent.name, e.target.name) for e in events if e.action == "demand"} == {
        ("demand", "European Union", "Belarus")}


def test_an_organisation_named_after_by_in_the_header_speaks_in_it(nlp) -> None:
    # its members speak as the body; the Russia the text is about is not its author
    text = ("Joint statement by the members of the European Council\n"
            "We condemn in the strongest possible terms Russia's military aggression against Ukraine.")
    doc = nlp(text)
    assert document_speaker(doc) == Actor("European Council", "ORG", None)
    events = extract_events(doc, Article(text=text, source="t.txt")).events
    assert ("condemn", "European Council", "Russia") in {
        (e.action, e.agent.name, e.target.name) for e in events if e.target}


def test_a_hyphenated_joint_statement_title_names_all_its_authors(extract) -> None:
    text = "U.S.-Japan-ROK Joint Statement\nWe condemn North Korea's missile launch."
    assert {(e[0], e[1], e[2]) for e in extract(text)} == {
        ("condemn", "USA", "PRK"), ("condemn", "JPN", "PRK"), ("condemn", "KOR", "PRK")}


def test_a_joint_statement_delivered_on_behalf_of_states_below_its_header_is_theirs(nlp) -> None:
    header = "\n".join(["Joint Statement Delivered by Ambassador Jane Doe at a Security Council Stakeout",
                        "", "United States Mission to the United Nations", "Office of Press and Public Diplomacy",
                        "As Delivered", "June 23, 2023", ""])
    doc = nlp(header + "\n(The following is a joint statement delivered on behalf of Albania, France, "
                       "Ukraine, the United Kingdom, and the United States.)\n\nWe condemn Russia's war.")
    assert {a.country for a in joint_authors(doc)} == {"ALB", "FRA", "UKR", "GBR", "USA"}


def test_a_role_a_headline_names_as_its_object_is_not_the_author(nlp) -> None:
    # the Russian ambassador was summoned; he did not write the story
    doc = nlp("South Korea summons Russian ambassador over pact with North Korea\n"
              "SEOUL (Reuters) - South Korea's foreign ministry said it had summoned the Russian ambassador.")
    speaker = document_speaker(doc)
    assert speaker is None or speaker.country != "RUS"


def test_a_hyphen_between_two_names_ends_no_dateline() -> None:
    from kgraph.casing import mask_datelines

    assert mask_datelines("U.S.-China talks resume") == "U.S.-China talks resume"
    assert dateline_country("U.S.-China talks resume in Geneva") is None
    assert dateline_country("KYIV - Ukraine said ...") == "UKR"
    assert mask_datelines("KYIV - Ukraine said").strip() == "Ukraine said"


def test_an_ap_dateline_with_its_country_is_no_part_of_the_sentence(extract) -> None:
    from kgraph.casing import mask_datelines

    assert mask_datelines("WARSAW, Poland (AP) — Russia warned NATO.").strip() == "Russia warned NATO."
    assert mask_datelines("KYIV, Ukraine, March 4 (Reuters) - Ukraine said").strip() == "Ukraine said"
    assert mask_datelines("US, UK strike Houthi targets") == "US, UK strike Houthi targets"  # no dash: a headline
    assert {e[:3] for e in extract("GENEVA, Switzerland (AP) — Iran warned the United States on Monday.")} == {
        ("warn", "IRN", "USA")}  # not Switzerland too


def test_a_role_in_a_with_phrase_of_the_header_is_the_counterparts(nlp) -> None:
    # the French minister is whom Carter called: France is not the readout's author
    doc = nlp("Readout of Secretary Carter's Call with French Minister of Defense Jean-Yves Le Drian\n\n"
              "Secretary Carter expressed his solidarity with France.")
    speaker = document_speaker(doc)
    assert speaker is None or speaker.country != "FRA"
    doc = nlp("Remarks by Secretary Esper in a Joint Press Briefing With Colombian Minister of Defense Trujillo\n\n"
              "We strengthen our defense relationship.")
    speaker = document_speaker(doc)
    assert speaker is None or speaker.country != "COL"
    # a title and a name before it are someone named, though the recogniser tags no person
    doc = nlp("Secretary Blinken's Meeting with Australian Foreign Minister Payne\n\n"
              "Secretary of State Antony J. Blinken met today with Foreign Minister Marise Payne.")
    speaker = document_speaker(doc)
    assert speaker is None or speaker.country != "AUS"
    # nor does the caller's own role read on into the with-phrase for a state
    doc = nlp("Press Releases: Deputy Secretary Sullivan’s Meeting With Foreign Minister Carl Greenidge of Guyana\n\n"
              "Deputy Secretary of State John J. Sullivan met today with Guyanese Foreign Minister Carl Greenidge.")
    speaker = document_speaker(doc)
    assert speaker is None or speaker.country != "GUY"
    # with no one named before it, the with-phrase names the speaker
    doc = nlp("Press Briefing with Ambassador Linda Thomas-Greenfield, U.S. Representative to the United Nations\n\n"
              "We condemn the launch.")
    speaker = document_speaker(doc)
    assert speaker is not None and speaker.country == "USA"


def test_the_person_a_header_says_was_called_is_not_the_speaker(nlp) -> None:
    doc = nlp("Press release\nPM call with Prime Minister Netanyahu: 10 May 2018\n"
              "Prime Minister Theresa May spoke with Prime Minister Benjamin Netanyahu of Israel.\n"
              "A Downing Street spokesperson said:\n"
              "The Prime Minister held a telephone call with the Israeli Prime Minister.")
    speaker = document_speaker(doc)
    assert speaker is not None and (speaker.name, speaker.country) == ("Theresa May", "GBR")
    # with no one named before the role word, the with-phrase names the speaker, not a later sentence's person
    doc = nlp("U.S. Mission to the United Nations: Remarks at a Security Council Meeting with Ambassador Robert Wood\n\n"
              "Thank you, Madam President. I thank Under-Secretary-General Rosemary DiCarlo for her briefing.")
    speaker = document_speaker(doc)
    assert speaker is not None and speaker.name == "Robert Wood"


def test_a_briefing_title_names_its_government_before_the_topic_does(nlp) -> None:
    doc = nlp("Sudan: Department Press Briefing – May 23, 2023\n\n"
              "QUESTION: What is your assessment of the ceasefire?\n\n"
              "MR MILLER: We urge both sides to respect it.")
    speaker = document_speaker(doc)
    assert speaker is not None and speaker.country == "USA"


def test_the_we_of_a_briefers_turn_is_the_briefings_government(extract) -> None:
    transcript = ("Department Press Briefing – January 25, 2022\n\n"
                  "MR PRICE: Good afternoon, everyone. We urge Russia to withdraw its forces from the border.\n\n"
                  "QUESTION: Thank you, Ned.")
    assert ("demand", "USA", "RUS", "asserted") in extract(transcript)


def test_a_briefing_without_a_header_is_the_government_of_its_podium(extract) -> None:
    text = ("2:09 p.m. EST\n\nMR PRICE: Good afternoon. Russia attacked Ukraine, and Russia's troops "
                  "entered Ukraine. Russia will pay a price.\n\nQUESTION: Good afternoon.\n\n"
                  "MR PRICE: Within less than a day, we'd announced sanctions with our allies and partners, "
                  "including those in the European Union, the United Kingdom, Canada, Japan, and Australia.")
    assert transcript(text, None).podium_country() == "USA"  # "Price": the one listed Price holds a US office
    assert {e[1] for e in extract(text) if e[0] == "sanction"} == {"USA"}


def test_a_podium_needs_most_named_turns() -> None:
    assert transcript("MR SMITH: Hello.\n\nQUESTION: Hi.\n\nMR SMITH: Bye.", None).podium_country() is None


def test_the_voice_model_speaks_only_where_the_header_is_silent() -> None:
    header = Actor("United Kingdom", "COUNTRY", "GBR")
    assert with_voice(header, "USA") is header
    assert with_voice(None, "USA") == Actor("United States", "COUNTRY", "USA")
    assert with_voice(None, None) is None


JOINT = """Joint Statement by Secretary Blinken, Japanese Foreign Minister Hayashi, and ROK Foreign Minister Park

The text of the following joint statement was released by the Governments of the United States, Japan, and the Republic of Korea.

We strongly condemn the launch of a ballistic missile by the DPRK.
"""


def test_the_we_of_a_joint_statement_is_every_state_it_lists(nlp) -> None:
    doc = nlp(JOINT)
    assert [a.country for a in joint_authors(doc)] == ["USA", "JPN", "KOR"]
    events = extract_events(doc, Article(text=JOINT, source="joint.txt")).events
    assert {e.agent.country for e in events if e.action == "condemn"} == {"JPN", "KOR", "USA"}


def test_the_seven_foreign_ministers_of_the_g7_sign_as_seven_states(extract) -> None:
    found = extract("Joint Statement by the Governments of Canada, France, Germany, Italy, Japan, the United Kingdom "
                    "and the United States\n\nWe condemn Russia's attack on Ukraine.")
    assert {e[1] for e in found if e[0] == "condemn" and e[2] == "RUS"} == {
        "CAN", "FRA", "DEU", "ITA", "JPN", "GBR", "USA"}


def test_a_list_whose_first_state_the_recogniser_takes_into_another_name_still_signs(extract) -> None:
    # the small model tags "the Foreign Ministers of Estonia" a LAW
    found = extract("Joint Statement by the Foreign Ministers of Estonia, Finland, Latvia and Lithuania on the "
                    "damage to undersea infrastructure in the Baltic Sea\n\nWe condemn Russia's attacks.")
    assert {e[1] for e in found if e[0] == "condemn" and e[2] == "RUS"} == {"EST", "FIN", "LVA", "LTU"}


def test_a_long_list_of_states_a_joint_statement_is_about_does_not_sign_it(nlp) -> None:
    doc = nlp("Joint Statement on the Security Situation in the Sahel\n\n"
              "The Governments of France and Germany are deeply concerned by developments in Mali, Burkina Faso, "
              "Niger, Chad, Mauritania and Sudan. We condemn the attacks by armed groups on civilians.")
    assert "MLI" not in {a.country for a in joint_authors(doc)}


def test_a_statement_that_is_not_joint_has_no_joint_authors(nlp) -> None:
    doc = nlp(JOINT.replace("Joint Statement", "Statement").replace("joint statement", "statement"))
    assert joint_authors(doc) == ()


@pytest.mark.parametrize(("text", "country"), [
    ("Foreign Ministry Spokesperson Geng Shuang's Regular Press Conference on November 5, 2019\n\n"
     "Q: Any comment? A: We oppose unilateral sanctions.", "CHN"),
    ("Maria Zakharova: Supplies of Western weapons to Ukraine are continuing\n\nWe will respond.", "RUS"),
    ("Iranian actions in the Strait of Hormuz\n\nForeign Secretary Jeremy Hunt said:\n\n"
     "Grace 1 was detained legally in Gibraltar. We will take further measures.", "GBR"),
    ("Press release: PM call with President Trump\n\nA Downing Street spokesperson said:\n\n"
     "The Prime Minister held a telephone call with US President Donald Trump.", "GBR"),
    ("Defence talks\n\nAn Australian Government spokesperson said:\n\nWe will deepen our ties.", "AUS"),
])
def test_a_title_names_its_author_by_possessive_label_or_said_line(nlp, text, country) -> None:
    assert document_speaker(nlp(text)).country == country


def test_a_meeting_requested_jointly_makes_no_joint_statement(nlp) -> None:
    # Japan's statement at the Security Council: the three states asked for the meeting, and
    # only Japan speaks
    doc = nlp("Statement by Ambassador Koro Bessho, Permanent Representative of Japan\n\n"
              "I thank the President for convening this urgent meeting, jointly requested by the US, the ROK "
              "and Japan. We condemn the launch.")
    assert joint_authors(doc) == ()
    doc = nlp("The following statement was jointly issued by the United States, Japan and the Republic of Korea. "
              "We condemn the launch.")
    assert [a.country for a in joint_authors(doc)] == ["USA", "JPN", "KOR"]


def test_british_spelling_makes_britain_likelier_the_author(nlp) -> None:
    from kgraph.voice import candidate_features, shipped_model

    readout = ("The Prime Minister met Polish President Andrzej Duda in Warsaw today.\n\n"
               "The Prime Minister emphasised the UK’s resolute commitment to NATO and to Europe’s defence "
               "and security. He noted the important role Poland plays as a valued partner and ally. "
               "The Prime Minister outlined the UK’s support to Poland, including the troops deployed this "
               "week to bolster the country’s defences. The leaders agreed to prioritise the programme.")
    american = (readout.replace("emphasised", "emphasized").replace("defence", "defense")
                .replace("prioritise", "prioritize").replace("programme", "program"))

    def britain(text: str) -> float:
        return shipped_model().probability(candidate_features(nlp(text))["GBR"])

    assert britain(readout) > britain(american) + 0.05


def test_a_briefing_room_in_the_header_is_its_governments(nlp) -> None:
    text = ("James S. Brady Press Briefing Room\n\nMR. SINGH:  Russia invaded Ukraine. Russia, Russia and "
            "Russia. Today we announced sanctions against Russia.\n")
    assert venue_country(text) == "USA"
    assert document_speaker(nlp(text)) == Actor("United States", "COUNTRY", "USA")
    assert venue_country("Ukraine\n\nRussia invaded Ukraine.") is None  # a place, not a seat of government


def test_a_joint_statement_accuses_with_all_its_authors_whom_it_condemned(extract) -> None:
    found = extract("Joint Statement by the United States, Japan and the Republic of Korea\n\n"
                    "The United States, the Republic of Korea, and Japan strongly condemn the launch of a ballistic "
                    "missile by the DPRK. This constitutes a flagrant violation of multiple UN Security Council "
                    "resolutions.")
    accusers = {e[1] for e in found if e[0] == "accuse" and e[2] == "PRK"}
    assert accusers == {"USA", "JPN", "KOR"}


def test_the_judged_launch_named_again_is_a_violation_by_its_doer(extract) -> None:
    found = extract("On the Missile Launch\n\nThe United States strongly condemned today's missile launch by "
                    "North Korea. The launch is a flagrant violation of multiple Security Council resolutions.")
    assert ("accuse", "USA", "PRK", "asserted") in found


def test_seats_of_government_are_read_as_the_country_table_writes_them() -> None:
    assert venue_country("Washington, D.C.\n\nMR. PRICE: Good afternoon.") == "USA"
    assert venue_country("The Roosevelt Room\n\nTHE PRESIDENT: Thank you.") == "USA"


def test_a_readout_does_not_speak_for_the_state_of_the_one_it_met(nlp) -> None:
    from kgraph.voice import document_voice
    doc = nlp("The Prime Minister spoke with Ukrainian President Zelenskyy this evening.\n\n"
              "The Prime Minister committed to further tighten sanctions on Russia.")
    assert document_voice(doc) != "UKR"  # the model alone had said Ukraine


def test_the_authors_own_troops_met_are_no_counterpart(nlp) -> None:
    from kgraph.voice import document_voice
    doc = nlp("The Vice President met with American troops stationed in Poland this morning.\n\n"
              "We condemn Russia's brutal war against Ukraine.")
    assert document_voice(doc) != "POL"


def test_a_byline_names_the_speaker_and_keeps_its_capitals(extract):
    from kgraph.casing import text_for_parser

    text = "Press Statement\nAntony J. Blinken, Secretary of State\nMarch 3, 2023\n\nWe condemn the launch by North Korea."
    assert "Antony J. Blinken, Secretary of State" in text_for_parser(text)  # not "Antony J. blinken, secretary of state"
    assert {e[:3] for e in extract(text)} == {("condemn", "USA", "PRK")}
    headline = "Biden, Kishida Discuss Security Ties With Allies\n"  # a headline, sentence-cased as before
    assert text_for_parser(headline).startswith("Biden, Kishida discuss security")  # a leader's family name keeps its capital


def test_an_office_holder_the_title_names_after_by_is_the_author(extract) -> None:
    # the title words name no state; the dictionary of office holders knows the name's. Its
    # Title Case is lowered for the parser, all but the name.
    for title in ("Statement by Secretary of State Antony J. Blinken", "Remarks by Secretary Blinken on Ukraine"):
        text = f"{title}\n\nWe condemn North Korea's launch of a ballistic missile."
        assert ("condemn", "USA", "PRK", "asserted") in extract(text)


def test_an_office_holder_after_the_title_line_does_not_sign_it(nlp) -> None:
    # an EU Commissioner's speech: the dictionary has him by the state of an earlier office
    text = ("EP Plenary: Speech on the Red Sea\n\nSpeech delivered by Commissioner Nicolas Schmit\n\n"
            "We condemn the attacks.")
    speaker = document_speaker(nlp(text))
    assert speaker is None or speaker.country != "LUX"


def test_a_role_the_header_gives_the_counterpart_is_not_the_known_callers(extract) -> None:
    # "Indian ... Minister" is Jaishankar's role; the dictionary knows Blinken is American
    text = ("Readout of Secretary Blinken's Call with Indian External Affairs Minister Jaishankar\n\n"
            "Secretary Blinken spoke today with Indian External Affairs Minister Subrahmanyam Jaishankar.")
    assert ("consult", "USA", "IND", "asserted") in extract(text)


def test_a_background_briefings_senior_administration_official_speaks_for_the_united_states(extract):
    text = ("Background Briefing on the Trilateral Meeting\n\n"
            "MODERATOR: Thank you. This is on background, senior Administration officials.\n\n"
            "SENIOR ADMINISTRATION OFFICIAL: Thank you all for coming. We held talks with the European Union "
            "and Iran tonight.\n\n"
            "QUESTION: Thank you.\n\n"
            "SENIOR ADMINISTRATION OFFICIAL: We will meet them again tomorrow.")
    events = extract(text)
    assert {(e[1], e[2]) for e in events if e[0] == "consult"} >= {("USA", "IRN"), ("USA", "European Union")}


def test_a_numbered_official_label_speaks_for_the_same_state() -> None:
    found = transcript("SENIOR ADMINISTRATION OFFICIAL ONE: Hello.\n\nQUESTION: Hi.\n\n"
                       "SENIOR ADMINISTRATION OFFICIAL TWO: Thanks.", None)
    assert [s.country for s in found.speakers] == ["USA", None, "USA"]


def test_a_statement_by_line_names_its_author_without_the_header_words() -> None:
    from kgraph.casing import byline

    line = "Statement by Ambassador Barbara Woodward, UK Permanent Representative to the UN, on North Korea."
    assert byline(line) == ("Barbara Woodward", "GBR")
    assert byline("Statement by Secretary of State Antony J. Blinken, Secretary of State") == ("Antony J. Blinken", "USA")
    assert byline("By Mr. Ned Price, Department Spokesperson") == ("Ned Price", "USA")
    assert byline("Hobby Lobby Sued by Ned Price, Department Spokesperson Says") is None  # a headline


def test_a_headline_keeps_the_capital_of_a_hyphened_first_name() -> None:
    from kgraph.casing import text_for_parser

    headline = "Readout of Secretary Carter's Call with French Minister of Defense Jean-Yves Le Drian"
    assert "Jean-Yves Le Drian" in text_for_parser(headline + "\n\nThe two spoke today.")


def test_a_speech_on_behalf_of_a_club_of_states_is_the_clubs(extract):
    text = ("Thank you, Mr. President. I have the honour to speak on behalf of the A3+, namely Algeria, "
            "Guyana, Mozambique and Sierra Leone. We welcome the Luanda process facilitated by President "
            "Joao Lourenco of Angola.")
    assert ("support", "A3+", "AGO") in {e[:3] for e in extract(text)}  # the A3+ as written, not the A3


def test_another_speakers_statement_on_behalf_of_a_club_is_not_the_texts_voice(extract):
    text = ("Statement by Ambassador Michael Kanu of Sierra Leone\n"
            "Sierra Leone aligns itself with the statement delivered by Algeria on behalf of the A3+. "
            "In my national capacity, we call on Rwanda to withdraw its troops.")
    assert ("demand", "SLE", "RWA") in {e[:3] for e in extract(text)}
    larger = "Statement by the High Representative on behalf of the E3+3\nWe call on Iran to return to compliance."
    assert not any(e[1] == "E3" for e in extract(larger))  # the E3+3 is six states, not the E3


def test_a_chair_addressed_by_title_is_no_one_acting(extract):
    from kgraph.casing import text_for_parser

    text = "Madam President, Russia launched a massive attack against Ukraine."
    assert len(text_for_parser(text)) == len(text)
    # the parser made "Madam President" the subject of "launched", and Russia its apposition
    assert extract(text) == {("fight", "RUS", "UKR", "asserted")}
    assert text_for_parser("Thank you, Mr. President, for convening us.") == "Thank you" + " " * 17 + "for convening us."
    assert text_for_parser("President Ruto, welcome.") == "President Ruto, welcome."  # a name is kept


def test_a_blanked_chair_address_is_not_the_evidence_of_the_sentence_before(nlp):
    from kgraph.casing import text_for_parser, with_original_text

    text = "Russia launched a massive attack on Ukraine.\n\nMadam President, the United States condemns it."
    events = extract_events(with_original_text(nlp(text_for_parser(text)), text), Article(source="x", text=text)).events
    fight = next(e for e in events if e.action == "fight")
    assert fight.sentence == "Russia launched a massive attack on Ukraine."
    assert text[fight.sentence_start:fight.sentence_end] == fight.sentence


def test_a_council_of_its_own_is_not_the_security_council(extract):
    text = "North Atlantic Council statement on the Baltic Sea\n\nWe strongly condemn Russia's hybrid attacks on Allies."
    # "Council" at the end of the header's longer name had read as the Security Council, the table's "council"
    assert ("condemn", "NATO", "RUS", "asserted") in extract(text)
    assert not any(e[1] == "United Nations Security Council" for e in extract(text))


def test_the_council_a_un_text_calls_so_is_still_the_security_council():
    from kgraph.names import NAMES_ANOTHER_COUNCIL

    assert NAMES_ANOTHER_COUNCIL.search("North Atlantic Council statement on the Baltic Sea")
    assert not NAMES_ANOTHER_COUNCIL.search("The Council met today. This Council must act.")
    assert not NAMES_ANOTHER_COUNCIL.search("the UN Security Council")


def test_a_said_verb_joined_to_another_speaks_for_their_shared_subject(extract) -> None:
    events = extract("TBILISI, March 18 — NATO Secretary General Jens Stoltenberg visited Georgia. He called on Russia "
                     "to withdraw and added that Russia's organisation of elections in occupied parts of Georgia is completely illegal.")
    assert ("accuse", "Jens Stoltenberg", "RUS", "asserted") in events
    assert not any(e[0] == "accuse" and e[1] == "GEO" for e in events)


def test_a_headline_verb_is_no_part_of_the_header_speakers_name(nlp) -> None:
    doc = nlp("Pentagon Press Secretary John F. Kirby Holds a Press Briefing\n\n"
              "PRESS SECRETARY JOHN F. KIRBY: Good afternoon. We will send air defence to Slovakia.")
    assert document_speaker(doc) == Actor("John F. Kirby", "PERSON", "USA")


def test_an_international_offices_holder_on_the_title_line_speaks_for_no_state(nlp) -> None:
    doc = nlp("Speech by Secretary-General Jens Stoltenberg at the NATO summit\n\nWe are here to discuss the war.")
    assert document_speaker(doc) == Actor("Jens Stoltenberg", "PERSON", None)  # not Norway, his earlier post's


def test_states_a_joint_statement_calls_on_are_not_its_authors(nlp, extract) -> None:
    text = ("Joint statement on arms transfers\nOur governments affirm that the designations are an effort to hold "
            "the DPRK and Russia to account.\nWe call on the DPRK and Russia to cease unlawful arms transfers.")
    assert joint_authors(nlp(text)) == ()  # "hold the DPRK and Russia to account" names whom the text is about
    assert not any(e[0] == "demand" and e[1] == "PRK" for e in extract(text))


def test_a_government_body_alone_on_the_first_line_is_the_pages_publisher() -> None:
    from kgraph.speakers import publisher_country

    assert publisher_country("Foreign,Commonwealth and Development Office\nJoint statement on sanctions") == "GBR"
    assert publisher_country("Department of State\nPress statement") == "USA"
    assert publisher_country("NATO\nWe condemn ...") is None  # an organisation of no state
    assert publisher_country("The United States condemns the attack.\n") is None


def test_a_club_of_states_a_title_names_as_its_statements_author_speaks_for_its_we(nlp, extract) -> None:
    text = ("E3-Statement on Iran\n\n19.06.2020 - Press release\n\nWe urge Iran to return to full compliance "
            "with its commitments.")
    assert joint_authors(nlp(text)) == (Actor("E3", "ORG", None),)
    assert ("demand", "E3", "IRN", "asserted") in extract(text)
    assert joint_authors(nlp("G7 Foreign Ministers’ Statement on Ukraine\nWe condemn Russia.")) == (
        Actor("G7", "ORG", None),)
    assert joint_authors(nlp("Egypt statement on Gaza\nWe condemn the strikes.")) == ()  # a state, no club
