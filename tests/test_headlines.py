"""A press release's title names its doer, then what it does: the verb the parser read as a noun."""
from __future__ import annotations

from kgraph.casing import text_for_parser


def test_the_verb_of_a_verbless_headline_is_given_back(nlp):
    doc = nlp(text_for_parser("Treasury Sanctions Belarus Officials for Undermining Democracy"))
    verb = doc[1]
    assert (verb.pos_, verb.dep_, verb.lemma_) == ("VERB", "ROOT", "sanction")
    assert [(t.text, t.dep_) for t in verb.children if t.dep_ in ("nsubj", "dobj")] == [
        ("Treasury", "nsubj"), ("officials", "dobj")]
    # why it acts hangs on the verb, as in a clause
    assert any(c.lower_ == "for" for c in verb.children)


def test_a_headline_verb_makes_its_event_with_the_doer_first(extract):
    events = extract("Treasury Sanctions Belarusian Interior Ministry and Law Enforcement Officials")
    sanctions = {(e[1], e[2]) for e in events if e[0] == "sanction"}
    assert sanctions == {("USA", "BLR")}  # the Treasury's; not the officials sanctioning it


def test_sentences_with_a_verb_and_names_alone_are_left_as_parsed(nlp):
    doc = nlp("The United States imposed sanctions on Russia.")
    assert doc[4].lower_ == "sanctions" and doc[4].pos_ == "NOUN"  # a clause's verb is there already
    doc = nlp("Treasury sanctions officials said the rules work.")  # a finite verb after the noun
    assert doc[1].pos_ != "VERB"
    doc = nlp(text_for_parser("Yemen Sanctions"))  # a title with nothing after the noun
    assert doc[1].pos_ != "VERB"


def test_a_plural_before_a_noun_of_office_or_meeting_is_a_noun_phrase(extract):
    for title in ("EU Sanctions Envoy David O'Sullivan in Kazakhstan", "The EU Sanctions Package",
                  "Ukraine Partners Conference in Berlin"):
        assert not extract(title), title


def test_a_bulleted_item_is_a_sentence_of_its_own_and_its_bullet_no_part_of_a_name(extract):
    from kgraph.casing import unbulleted

    text = ("Latest sanctions package.\n\n• UK sanctions Russian officials involved in sham elections in Crimea\n"
            "• Sanctions also target officials involved in last year’s sham referendums\n")
    assert unbulleted(text) == text.replace("Crimea\n•", "Crimea. ").replace("\n\n•", "\n\n ").replace("\n•", "\n ")
    assert ("sanction", "GBR", "RUS", "asserted") in extract(text)  # not one organisation "• UK sanctions ..."
    assert unbulleted("2 * 3 = 6\n") == "2 * 3 = 6\n"  # not at a line's start: no bullet


def test_a_date_first_dateline_and_a_line_of_a_date_alone_are_blanked_so_the_story_starts_clean(extract):
    from kgraph.casing import is_headline, mask_datelines

    text = ("African Union Condemns Sudan’s RSF for El Fasher ‘Atrocities’\n29 October 2025\n"
            "October 29, 2025 (ADDIS ABABA) – The African Union’s Peace and Security Council on Wednesday "
            "condemned Sudan’s paramilitary Rapid Support Forces.\n")
    masked = mask_datelines(text)
    assert len(masked) == len(text) and "29 October 2025" not in masked and "ADDIS ABABA" not in masked
    assert is_headline("African Union Condemns Sudan’s RSF for El Fasher ‘Atrocities’")  # a quoted word ends it
    assert not is_headline("“We Will Not Stand By And Watch Them Attack Us.”")  # a quoted sentence
    events = extract(text)
    assert ("condemn", "African Union Peace and Security Council", "SDN", "asserted") in events
    assert ("condemn", "African Union", "SDN", "asserted") in events  # the headline's
