"""What extraction reads from a whole document many times, computed once and kept on the Doc.

`Doc.text` joins a Python object of every token and `Doc.ents` builds a Span per entity each
time they are asked for; the speaker, voice and actor readers ask for them several times per
document (a tenth of extraction time). The Doc's `user_data` holds the one copy, so it lives
and dies with the Doc; a parse is not changed after extraction starts.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import numpy as np
from spacy.attrs import HEAD
from spacy.tokens import Doc, Span, Token

T = TypeVar("T")


def _kept(doc: Doc, key: str, make: Callable[[], T]) -> T:
    """`make()`, made once per Doc and kept in its `user_data` under `key`."""
    found = doc.user_data.get(key)
    if found is None:
        found = doc.user_data[key] = make()
    return found


def document_answer(doc: Doc, key: str, make: Callable[[], T]) -> T:
    """`make()`, made once per Doc: a reading of the whole document that many words ask for."""
    return _kept(doc, "kgraph_" + key, make)


def document_text(doc: Doc) -> str:
    """`doc.text`, joined once, from the tokens `tokens` keeps (`Doc.text` would make them all again)."""
    return _kept(doc, "kgraph_text", lambda: "".join([t.text_with_ws for t in tokens(doc)]))


def document_entities(doc: Doc) -> list[Span]:
    """`doc.ents`, listed once."""
    return _kept(doc, "kgraph_ents", lambda: list(doc.ents))


def entity_starts(doc: Doc) -> list[int]:
    """Where each of `document_entities` starts, for a bisection."""
    return _kept(doc, "kgraph_ent_starts", lambda: [e.start for e in document_entities(doc)])


def entity_index(doc: Doc) -> dict[int, Span]:
    """Token index -> the named entity it is part of."""
    return _kept(doc, "kgraph_entities",
                 lambda: {i: ent for ent in document_entities(doc) for i in range(ent.start, ent.end)})


def tokens(doc: Doc) -> list[Token]:
    """The Doc's tokens, each made once: iterating a Doc or Span makes a new Python object of
    every token each time, and extraction walks each sentence about ten times."""
    return _kept(doc, "kgraph_tokens", lambda: list(doc))


def in_text_order(tokens) -> list[Token]:
    """Tokens as the text gives them: spaCy lists a list's conjuncts by the tree ("Jordan, Egypt,
    Israel, the Palestinian Authority, and the United States": Egypt and the United States hang
    from Jordan, Israel from Egypt), and annotators pair parties in the order the text names them."""
    return sorted(tokens, key=lambda t: t.i)


def children(token: Token) -> list[Token]:
    """`token.children` in the same order, from one list per Doc: spaCy makes a new Python
    object of every child each time it is asked, and the readers ask for a word's children
    some three hundred thousand times on the build benchmark's corpus. Not to be changed."""
    doc = token.doc
    found = doc.user_data.get("kgraph_children")  # not through `_kept`: a call less, 80,000 times
    if found is None:
        found = _kept(doc, "kgraph_children", lambda: _children_lists(doc))
    return found[token.i]


def _children_lists(doc: Doc) -> list[list[Token]]:
    """Each token's dependents in text order (a root is its own head, not its own child)."""
    words = tokens(doc)
    lists: list[list[Token]] = [[] for _ in words]
    for i, offset in enumerate(doc.to_array(HEAD).astype(np.int64).tolist()):
        if offset:
            lists[i + offset].append(words[i])
    return lists


def span_tokens(span: Span) -> list[Token]:
    """The tokens of a sentence or other span, from the Doc's one list."""
    found = span.doc.user_data.get("kgraph_tokens")
    return (found if found is not None else tokens(span.doc))[span.start:span.end]


def span_text(span: Span) -> str:
    """`span.text`, cut from the Doc's text instead of joined from its tokens."""
    found = span.doc.user_data.get("kgraph_text")
    return (found if found is not None else document_text(span.doc))[span.start_char:span.end_char]


def token_answers(doc: Doc, question: str) -> dict[int, object]:
    """A place for what a pure reading of the parse (`phrases.noun_phrase_text`) answered about
    each token, by token index: the same question comes from the rules and again from every
    candidate the model reads."""
    return _kept(doc, "kgraph_" + question, dict)


def kept_answer(token: Token, question: str, read: Callable[[Token], T]) -> T:
    """`read(token)`, read once per token and kept in `token_answers` under `question`."""
    answers = token_answers(token.doc, question)
    found = answers.get(token.i)
    if found is None:
        found = answers[token.i] = read(token)
    return found


def sentence_answers(doc: Doc) -> dict:
    """A place for what the sentence model (`sentmodel.py`) answered about the Doc's sentences."""
    return _kept(doc, "kgraph_sentence_answers", dict)
