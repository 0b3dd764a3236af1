"""`parse.py`: long texts are parsed in parts, and an article that makes spaCy fail is skipped
while the others are parsed. Issue 8.5."""
from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from kgraph.model import Article
from kgraph.parse import parse_articles, split_text


@Language.component("test_fails_on_boom")
def fails_on_boom(doc: Doc) -> Doc:
    if "BOOM" in doc.text:
        raise RuntimeError("boom")
    return doc


@pytest.fixture(scope="module")
def blank():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("test_fails_on_boom")
    return nlp


def _items(texts: list[str]) -> list[tuple[str, Article]]:
    return [(text, Article(source=f"s{i}", text=text)) for i, text in enumerate(texts)]


def test_split_text_cuts_at_paragraphs_and_joins_back():
    text = "".join(f"Paragraph {i} says something.\n\n" for i in range(200))
    pieces = split_text(text, 500)
    assert "".join(pieces) == text
    assert all(len(p) <= 500 for p in pieces) and len(pieces) > 10
    assert all(p.endswith("\n\n") for p in pieces[:-1])
    unbroken = "x" * 1200  # no break at all: cut hard
    assert [len(p) for p in split_text(unbroken, 500)] == [500, 500, 200]


@pytest.mark.parametrize("n_process", [1, 2])
def test_an_article_that_fails_to_parse_is_skipped_and_the_others_parsed(blank, n_process):
    texts = [f"Article {i}." for i in range(9)]
    texts[4] = "Article BOOM."
    skipped: list[tuple[str, str]] = []
    out = list(parse_articles(blank, _items(texts), batch_size=2, n_process=n_process,
                              skip=lambda article, why: skipped.append((article.source, why))))
    assert [doc.text for doc, _ in out] == [t for t in texts if "BOOM" not in t]
    assert [article.text for _, article in out] == [doc.text for doc, _ in out]
    assert len(skipped) == 1 and skipped[0][0] == "s4" and "RuntimeError: boom" in skipped[0][1]


def test_a_long_text_is_parsed_in_parts_into_one_doc(blank, monkeypatch):
    long = "".join(f"Line {i} of the long one.\n" for i in range(100))
    whole = [s.text.strip() for s in blank(long).sents if s.text.strip()]
    monkeypatch.setattr(blank, "max_length", 300)
    texts = ["Short one.", long, "Another short one."]
    out = list(parse_articles(blank, _items(texts), batch_size=4, n_process=1, skip=pytest.fail))
    assert [doc.text for doc, _ in out] == texts
    assert [s.text.strip() for s in out[1][0].sents if s.text.strip()] == whole


def test_a_long_text_with_a_failing_part_is_skipped_whole(blank, monkeypatch):
    monkeypatch.setattr(blank, "max_length", 300)
    lines = [f"Line {i} of the long one.\n" for i in range(100)]
    lines[50] = "Line BOOM.\n"
    texts = ["Short one.", "".join(lines), "Another short one."]
    skipped: list[str] = []
    out = list(parse_articles(blank, _items(texts), batch_size=4, n_process=1,
                              skip=lambda article, why: skipped.append(article.source)))
    assert [doc.text for doc, _ in out] == [texts[0], texts[2]] and skipped == ["s1"]


def test_a_failure_of_the_input_itself_is_not_taken_for_an_article(blank):
    def broken():
        yield "Fine.", Article(source="a", text="Fine.")
        raise ZeroDivisionError("a bug in the reader")

    with pytest.raises(ZeroDivisionError, match="a bug in the reader"):
        list(parse_articles(blank, broken(), batch_size=1, n_process=1, skip=pytest.fail))
