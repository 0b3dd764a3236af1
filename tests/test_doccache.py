"""What extraction keeps on a Doc must read as the parse reads."""
from __future__ import annotations

from kgraph.doccache import children, tokens


def test_a_words_kept_children_are_its_parse_children_in_order(nlp):
    doc = nlp("Britain, France and Germany condemned the attack on Kyiv, which Russia launched on Monday. "
              "The ministers urged Moscow to withdraw its troops.")
    for token in tokens(doc):
        assert children(token) == list(token.children), token.text
    assert [c.text for c in children(doc[5])] == ["Britain", "attack", "."]
