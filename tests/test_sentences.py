"""Sentences read from the document's arrays are the parser's sentences."""
from __future__ import annotations

import spacy

from kgraph.sentences import sentence_numbers, sentences


def test_sentences_are_the_ones_doc_sents_gives(nlp):
    doc = nlp("Germany condemned the strike. France said it would send aid.\n\nWe stand with Ukraine.")
    assert [(s.start, s.end) for s in sentences(doc)] == [(s.start, s.end) for s in doc.sents]
    assert list(sentence_numbers(doc)) == [n for n, s in enumerate(doc.sents) for _ in s]


def test_a_document_nobody_split_is_one_sentence_and_an_empty_one_has_none():
    blank = spacy.blank("en")
    doc = blank("Germany condemned the strike. France sent aid.")
    assert [(s.start, s.end) for s in sentences(doc)] == [(0, len(doc))]
    assert sentences(blank("")) == []


def test_a_capitalised_name_or_a_time_on_one_line_is_not_split(nlp):
    # the parser had ended sentences after "Secretary", "Pentagon" and "12:42"
    text = ("Readout\n\nSecretary Blinken spoke today with Indian External Affairs Minister Jaishankar.\n\n"
            "Pentagon Press Secretary Peter Cook provided the following readout:\n\n12:42 P.M. EDT\n")
    found = [s.text.strip() for s in sentences(nlp(text))]
    assert "Secretary Blinken spoke today with Indian External Affairs Minister Jaishankar." in found
    assert "Pentagon Press Secretary Peter Cook provided the following readout:" in found
    assert "12:42 P.M. EDT" in found


def test_a_lower_case_word_after_a_word_on_its_line_starts_no_sentence(nlp):
    # after a one-word heading the parser had cut "Turkey | condemned Israel's strikes ..."
    text = "Paris said.\n\nTurkey\n\nTurkey condemned Israel's strikes on Syrian army headquarters in Damascus."
    found = [s.text.strip() for s in sentences(nlp(text))]
    assert "Turkey condemned Israel's strikes on Syrian army headquarters in Damascus." in found


def test_a_line_break_still_ends_a_sentence(nlp):
    found = [s.text.strip() for s in sentences(nlp("Russia Condemned\nThe talks went on."))]
    assert found == ["Russia Condemned", "The talks went on."]
