"""The sentence model: how likely a sentence is to report an event of each action, from all its words."""
from __future__ import annotations

from kgraph.argmodel import RuleRoles, trigger_view
from kgraph.sentmodel import SentenceModel, current_model, sentence_probability, sentence_words, use_model


def test_a_sentence_is_read_as_its_content_words_and_prepositions(nlp):
    doc = nlp("The militias launched rockets against U.S. bases in Syria.")
    words = sentence_words(doc[:])
    assert {"militia", "launch", "rocket", "prep:against", "prep:in"} <= words
    assert "the" not in words


def test_the_shipped_model_tells_an_attack_from_a_meeting(nlp):
    attack = nlp("Russian forces shelled Ukrainian cities overnight, killing dozens of civilians.")
    meeting = nlp("The foreign ministers of Japan and India held talks in Tokyo on Monday.")
    assert current_model() is not None
    assert sentence_probability(attack[2], "fight") > sentence_probability(meeting[5], "fight")
    assert sentence_probability(meeting[5], "consult") > sentence_probability(attack[2], "consult")


def test_the_argument_model_asks_with_the_sentences_band(nlp):
    doc = nlp("Germany condemned Russia's attack on Ukraine.")
    always = SentenceModel({"condemn": {}}, {"condemn": 5.0})  # sure of every sentence
    use_model(always)
    try:
        view = trigger_view(doc[1], "condemn", RuleRoles(False, frozenset(), frozenset()), n_candidates=2)
    finally:
        use_model(None)
    assert "sentp=>=0.7|condemn" in view.shared
