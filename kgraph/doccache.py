"""What extraction reads from a whole document many times, computed once and kept on the Doc.

`Doc.text` joins a Python object of every token and `Doc.ents` builds a Span per entity each
time they are asked for; the speaker, voice and actor readers ask for them several times per
document (a tenth of extraction time). The Doc's `user_data` holds the one copy, so it lives
and dies with the Doc; a parse is not changed after extraction starts.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

_TEXT = "kgraph_text"
_ENTS = "kgraph_ents"
_TOKENS = "kgraph_tokens"


def document_text(doc: Doc) -> str:
    """`doc.text`, joined once."""
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text


def document_entities(doc: Doc) -> list[Span]:
    """`doc.ents`, listed once."""
    ents = doc.user_data.get(_ENTS)
    if ents is None:
        ents = doc.user_data[_ENTS] = list(doc.ents)
    return ents


def tokens(doc: Doc) -> list[Token]:
    """The Doc's tokens, each made once: iterating a Doc or Span makes a new Python object of
    every token each time, and extraction walks each sentence about ten times."""
    found = doc.user_data.get(_TOKENS)
    if found is None:
        found = doc.user_data[_TOKENS] = list(doc)
    return found


def span_tokens(span: Span) -> list[Token]:
    """The tokens of a sentence or other span, from the Doc's one list."""
    return tokens(span.doc)[span.start:span.end]


def span_text(span: Span) -> str:
    """`span.text`, cut from the Doc's text instead of joined from its tokens."""
    return document_text(span.doc)[span.start_char:span.end_char]
