"""A document's sentences, read from its arrays.

`Doc.sents` makes a Python object of every token to find the sentence starts, and extraction
asks for them several times per document; these read the same starts from one array. A
document the pipeline did not split (no parser or sentence splitter) is one sentence.
"""
from __future__ import annotations

import numpy as np
from spacy.symbols import SPACE
from spacy.tokens import Doc, Span

from .doccache import document_answer, span_tokens


def _starts(doc: Doc) -> np.ndarray:
    """Whether each token starts a sentence; the first always does."""
    is_start = doc.to_array("SENT_START") == 1
    is_start[0] = True
    return is_start


def sentence_numbers(doc: Doc) -> np.ndarray:
    """Each token's sentence, numbered from 0 in reading order."""
    return np.cumsum(_starts(doc)) - 1 if len(doc) else np.zeros(0, dtype=np.int64)


def sentences(doc: Doc) -> list[Span]:
    """The sentences of `doc`, as `Doc.sents` gives them; made once per Doc (do not change the list)."""
    return document_answer(doc, "sentences", lambda: _sentences(doc))


def _sentences(doc: Doc) -> list[Span]:
    if not len(doc):
        return []
    starts = [int(i) for i in np.flatnonzero(_starts(doc))] + [len(doc)]
    return [doc[start:end] for start, end in zip(starts, starts[1:])]


def written_bounds(sent: Span) -> tuple[int, int]:
    """The characters of `sent` without the space tokens at its ends: what the parser read as
    blank ("Madam President," masked for it) and trailing line breaks are not the sentence's
    evidence."""
    words = [t for t in span_tokens(sent) if not (t.is_space or t.pos == SPACE)]  # SPACE: blank for the parser, not in the text
    if not words:
        return sent.start_char, sent.end_char
    return words[0].idx, words[-1].idx + len(words[-1])
