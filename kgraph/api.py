"""kgraph from Python: events of one text, or the graph of many articles, for a notebook.

The command line does the same through `pipeline.build`; these functions only choose
defaults that suit an interactive session: the spaCy pipeline is loaded once and kept, and a
build runs in this process (no child process, so no `if __name__ == "__main__":` guard).
"""
from __future__ import annotations

import datetime as dt
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
    from .extract import extract_events as extract
    from .pipeline import _with_date
    from .sources import text_key

    if not isinstance(text, str):
        raise TypeError(f"extract_events takes the article's text as a str, not {type(text).__name__}")
    article = _with_date(Article(source=f"<text>#{text_key(text)}", text=text), _day(date))
    doc = _pipeline(model)(text_for_parser(text))
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

    paths = [str(inputs)] if isinstance(inputs, (str, Path)) else [str(item) for item in inputs]
    with tempfile.TemporaryDirectory(prefix="kgraph-") as folder:
        output = Path(folder) / "graph.nq"
        build(paths, output, model=model, default_date=_day(date), ingest_process=False,
              warn=lambda message: warnings.warn(message, KgraphWarning, stacklevel=3))
        dataset = rdflib.Dataset(default_union=True)
        for prefix, namespace in PREFIXES.items():
            dataset.bind(prefix, namespace, replace=True)
        dataset.parse(output, format="nquads")
    return dataset
