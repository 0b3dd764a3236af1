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
