"""Extraction's one-time costs, paid on import.

Only the ingest fork server imports this (see `ingest.IngestProcess`), before it forks a child
for each build: the date parser's regular expressions, the gazetteer and an English vocabulary
are then ready in every child, instead of costing each build a third of a second or more.
"""
from __future__ import annotations

from datetime import date

import spacy

from .countries import city_country, country_code
from .dates import resolve_day

resolve_day("Monday", date(2000, 1, 3))
resolve_day("March 5, 2024", None)
country_code("France")
city_country("Paris")

#: language code -> a blank vocabulary, for Docs that arrive as bytes
VOCABS = {"en": spacy.blank("en").vocab}
