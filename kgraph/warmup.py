"""Extraction's one-time costs, paid ahead of the first article.

The ingest process runs `warm_up` in a thread right after it has told the parsing process
that the store is open: the date parser's regular expressions and the city gazetteer then load
while the first articles are being parsed, not when the first one arrives (and a build with
nothing new to parse does not wait for them).
"""
from __future__ import annotations

from datetime import date

from .countries import city_country, country_code
from .dates import resolve_day


def warm_up() -> None:
    resolve_day("Monday", date(2000, 1, 3))
    resolve_day("March 5, 2024", None)
    country_code("France")
    city_country("Paris")
