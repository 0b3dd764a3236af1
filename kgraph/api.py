"""kgraph from Python: events of one text, or the graph of many articles, for a notebook.

The command line does the same through `pipeline.build`; these functions only choose
defaults that suit an interactive session: the spaCy pipeline is loaded once and kept, and a
build runs in this process (no child process, so no `if __name__ == "__main__":` guard).
"""
from __future__ import annotations

import datetime as dt
import os
import tempfile
import warnings
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from .model import Article, Event

if TYPE_CHECKING:
    import rdflib
    from spacy.language import Language


class KgraphWarning(UserWarning):
    """An article skipped while building a graph (unreadable, not UTF-8, ...)."""


@lru_cache(maxsize=4)
def _pipeline(model: str | None) -> Language:
    from .nlp import load_pipeline

    return load_pipeline(model)


def _day(date: str | dt.date | None) -> str | None:
    """A publication date as YYYY-MM-DD, from a string or a `datetime.date`."""
    from .dates import iso_date
    from .errors import UsageError

    if date is None:
        return None
    day = date if isinstance(date, dt.date) else iso_date(str(date))
    if day is None:
        raise UsageError(f"date must be a day as YYYY-MM-DD, not '{date}'")
    return day.isoformat()


def extract_events(text: str, *, date: str | dt.date | None = None, model: str | None = None) -> list[Event]:
    """The events of one article's text, in the order they occur.

    `date` is its publication date (YYYY-MM-DD or a `datetime.date`) when the text has no date
    line at its top ("KYIV, November 4, 2024 —"), which wins as in `kgraph build --date`:
    relative dates such as "on Tuesday" count from the one used.
    `model` names an installed spaCy pipeline (default as for `kgraph build`).
    """
    from .casing import text_for_parser, with_original_text
    from .errors import InputError
    from .extract import extract_events as extract
    from .parse import parse_articles
    from .pipeline import _with_date
    from .sources import clean_text, text_key

    if not isinstance(text, str):
        raise TypeError(f"extract_events takes the article's text as a str, not {type(text).__name__}")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:  # "\ud800" is no character: no graph or hash can hold it
        raise InputError(f"the text holds an unpaired surrogate ({text[exc.start]!a}) at {exc.start}, "
                         "which is no character") from None
    key, text = text_key(text), clean_text(text)
    article = _with_date(Article(source=f"<text>#{key}", text=text), _day(date))
    failed: list[str] = []
    # as a build parses it: a text longer than the pipeline's limit (1,000,000 characters) in parts
    parsed = list(parse_articles(_pipeline(model), [(text_for_parser(text), article)], batch_size=1,
                                 n_process=1, skip=lambda _, why: failed.append(why)))
    if failed:
        raise InputError(f"the text cannot be parsed: {failed[0]}")
    doc, _ = parsed[0]
    return extract(with_original_text(doc, text), article).events


def build_graph(inputs: str | Path | Iterable[str | Path], *, date: str | dt.date | None = None,
                model: str | None = None) -> rdflib.Dataset:
    """The event graph of articles (files, or folders searched as `kgraph build` does) as an
    rdflib Dataset: one named graph per article plus the shared actors and statistics, its
    default graph the union of them all, and kgraph's prefixes bound, so
    `graph.query("SELECT ?e WHERE { ?e a kg:Condemn }")` works as it is.

    An article that cannot be read is skipped with a `KgraphWarning`; none at all readable is a
    `kgraph.KgraphError`, as on the command line.
    """
    import rdflib

    from .pipeline import build
    from .vocab import PREFIXES

    def name(item: str | bytes | bytearray | os.PathLike) -> str:  # bytes too, as os.fsencode gives them
        return os.fsdecode(bytes(item) if isinstance(item, bytearray) else os.fspath(item))

    a_name = (str, bytes, bytearray, os.PathLike)
    one = isinstance(inputs, a_name)
    if not one and not isinstance(inputs, Iterable):  # None gave "'NoneType' object is not iterable"
        raise TypeError(f"build_graph takes a file or folder name, or a list of them, not {type(inputs).__name__}")
    items = [inputs] if one else list(inputs)
    odd = sorted({type(item).__name__ for item in items if not isinstance(item, a_name)})
    if odd:
        raise TypeError(f"build_graph takes file or folder names (str, bytes or paths), not {', '.join(odd)}")
    paths = [name(item) for item in items]
    with tempfile.TemporaryDirectory(prefix="kgraph-") as folder:
        output = Path(folder) / "graph.nq"
        build(paths, output, model=model, default_date=_day(date), ingest_process=False,
              warn=lambda message: warnings.warn(message, KgraphWarning, stacklevel=3))
        dataset = rdflib.Dataset(default_union=True)
        for prefix, namespace in PREFIXES.items():
            dataset.bind(prefix, namespace, replace=True)
        dataset.parse(output, format="nquads")
    return dataset
