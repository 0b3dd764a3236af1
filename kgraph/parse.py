"""Parse articles with spaCy so that no single article can stop a build.

spaCy refuses a text over `nlp.max_length` characters, and an exception inside `nlp.pipe` ends
the whole stream. So a long text is parsed in parts, cut at paragraph, line or sentence ends
and joined back into one Doc with the same characters (offsets stay exact); and when the
stream fails, the articles it held are parsed one by one to find the one that fails, which is
skipped, while a new stream carries on with the rest of the input.
"""
from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from .errors import describe
from .model import Article

#: the longest part a long text is cut into (well under spaCy's limit: less memory per parse)
PART_CHARS = 100_000
#: where a part may end, best first: a paragraph, a line, a sentence, a word
_CUTS = ("\n\n", "\n", ". ", " ")

Skip = Callable[[Article, str], None]  # (article, reason)


@dataclass(frozen=True)
class _Part:
    article: Article
    index: int
    count: int


class _InputFailed(Exception):
    """Our own input iterator failed (a bug, not an article's fault): never retried."""


def parse_articles(nlp: Language, items: Iterable[tuple[str, Article]], *, batch_size: int,
                   n_process: int, skip: Skip) -> Iterator[tuple[Doc, Article]]:
    """(text, article) pairs in, (Doc, article) pairs out, in order; an article whose parse
    fails is reported to `skip` and left out."""
    source = _parts(iter(items), min(nlp.max_length, PART_CHARS))
    pending: deque[tuple[str, _Part]] = deque()  # handed to spaCy, not yet back
    joiner = _Joiner(skip)
    while True:
        try:
            stream = nlp.pipe(_feed(source, pending), as_tuples=True, batch_size=batch_size,
                              n_process=n_process)
            for doc, part in stream:
                pending.popleft()
                yield from joiner.add(doc, part)
            return
        except _InputFailed as failed:
            raise failed.__cause__ from None
        except Exception:  # noqa: BLE001 - one of the pending articles, or spaCy's workers
            if not pending:
                raise
        suspects = list(pending)
        pending.clear()
        for text, part in suspects:
            try:
                doc = nlp(text)
            except Exception as exc:  # noqa: BLE001
                joiner.fail(part, exc)
                continue
            yield from joiner.add(doc, part)


def _feed(source: Iterator[tuple[str, _Part]], pending: deque) -> Iterator[tuple[str, _Part]]:
    """Hand items to spaCy, noting each one; `source` is left open for the next stream."""
    while True:
        try:
            item = next(source)
        except StopIteration:
            return
        except Exception as exc:
            raise _InputFailed() from exc
        pending.append(item)
        yield item


def _parts(items: Iterator[tuple[str, Article]], limit: int) -> Iterator[tuple[str, _Part]]:
    for text, article in items:
        pieces = split_text(text, limit) if len(text) > limit else [text]
        for index, piece in enumerate(pieces):
            yield piece, _Part(article, index, len(pieces))


def split_text(text: str, limit: int) -> list[str]:
    """`text` cut into pieces of at most `limit` characters that join back into `text`, each
    ending at the best break in its second half."""
    pieces: list[str] = []
    start = 0
    while len(text) - start > limit:
        end = start + limit
        for cut in _CUTS:
            found = text.rfind(cut, start + limit // 2, end - len(cut) + 1)
            if found != -1:
                end = found + len(cut)
                break
        pieces.append(text[start:end])
        start = end
    pieces.append(text[start:])
    return pieces


class _Joiner:
    """Collects the parts of an article (they arrive in order) into one Doc."""

    def __init__(self, skip: Skip) -> None:
        self.skip = skip
        self.docs: list[Doc] = []
        self.failed: Article | None = None  # the article whose remaining parts are dropped

    def add(self, doc: Doc, part: _Part) -> Iterator[tuple[Doc, Article]]:
        if part.article is self.failed:
            return
        if part.count == 1:
            yield doc, part.article
            return
        self.docs.append(doc)
        if part.index + 1 < part.count:
            return
        docs, self.docs = self.docs, []
        try:
            joined = Doc.from_docs(docs, ensure_whitespace=False, exclude=["tensor", "user_data"])
        except Exception as exc:  # noqa: BLE001
            self.fail(part, exc)
            return
        yield joined, part.article

    def fail(self, part: _Part, exc: BaseException) -> None:
        self.docs = []
        if part.article is not self.failed:
            self.failed = part.article
            self.skip(part.article, f"cannot parse it ({describe(exc)})")
