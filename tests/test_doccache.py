"""What extraction keeps on a Doc must read as the parse reads."""
from __future__ import annotations

from kgraph.doccache import children, tokens


def test_a_words_kept_children_are_its_parse_children_in_order(nlp):
    doc = nlp("Britain, France and Germany condemned the attack on Kyiv, which Russia launched on Monday. "
              "The ministers urged Moscow to withdraw its troops.")
    for token in tokens(doc):
        assert children(token) == list(token.children), token.text
    assert [c.text for c in children(doc[5])] == ["Britain", "attack", "."]


def test_whether_a_noun_names_no_one_is_answered_once_per_word_and_as_asked_afresh(nlp):
    from kgraph.actors import _names_no_one, names_no_one
    from kgraph.doccache import token_answers

    doc = nlp("The strikes on the central african republic drew condemnation from the ministers and peace groups.")
    answers = [names_no_one(token) for token in tokens(doc)]
    assert answers == [_names_no_one(token) for token in tokens(doc)]
    assert token_answers(doc, "names_no_one") == dict(enumerate(answers))
    words = {t.text: answer for t, answer in zip(tokens(doc), answers)}
    assert words["condemnation"] and words["peace"]
    assert not words["republic"] and not words["ministers"]  # a country's name; a word for officials
