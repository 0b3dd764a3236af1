"""Extraction's one-time costs, paid ahead of the first article.

The ingest process runs `warm_up` in a thread right after it has told the parsing process
that the store is open: the date parser's regular expressions and the city gazetteer then load
while the first articles are being parsed, not when the first one arrives (and a build with
nothing new to parse does not wait for them).

Once the first article is extracted, the dictionaries and models that extraction loads on first
use (some 125,000 Python objects) are in memory for the rest of the process: `settle` takes them
out of the cyclic garbage collector's view, which walked all of them at every full collection.
"""
from __future__ import annotations

import gc
from datetime import date

from .countries import city_country, country_code
from .dates import resolve_day


def warm_up() -> None:
    resolve_day("Monday", date(2000, 1, 3))
    resolve_day("March 5, 2024", None)
    country_code("France")
    city_country("Paris")


def settle() -> None:
    """Leave the objects alive now (the loaded tables) out of later garbage collections: call once,
    after the first article's extraction. On the build benchmark's corpus the collector's walks
    over them were a tenth of extraction time (bench/bench_extract.py); they are never garbage,
    and an article's own objects are still collected as before. What is garbage already (the
    first article's Doc and its caches) is collected first, or it would be kept for good."""
    gc.collect()
    gc.freeze()
