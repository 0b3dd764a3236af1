"""Event dates: absolute and relative expressions resolved against the article's date."""
from __future__ import annotations

from datetime import date

import pytest

from kgraph.dates import date_in_header, event_day, normalise_article_date, resolve_day

PUBLISHED = date(2024, 10, 23)  # a Wednesday


@pytest.mark.parametrize("expression, day", [
    ("on Tuesday", date(2024, 10, 22)),
    ("this past Monday", date(2024, 10, 21)),
    ("October 7", date(2024, 10, 7)),
    ("August 5th", date(2024, 8, 5)),
    ("October 27, 2023", date(2023, 10, 27)),
    ("today", PUBLISHED),
])
def test_a_day_is_resolved_against_the_publication_date(expression, day):
    assert resolve_day(expression, PUBLISHED) == day


@pytest.mark.parametrize("expression", ["last month", "February 2022", "the past year", "2016"])
def test_a_longer_period_gives_no_day(expression):
    assert resolve_day(expression, PUBLISHED) is None


def test_a_relative_day_needs_the_publication_date():
    assert resolve_day("on Tuesday", None) is None
    assert resolve_day("August 5", None) is None
    assert resolve_day("August 5, 2023", None) == date(2023, 8, 5)


def test_a_sentence_without_time_takes_the_article_date_and_one_with_a_period_none():
    assert event_day([], PUBLISHED) == PUBLISHED
    assert event_day(["last month"], PUBLISHED) is None
    assert event_day(["on Tuesday"], PUBLISHED) == date(2024, 10, 22)


def test_publication_date_from_a_date_line_or_dateline():
    assert date_in_header("John Kelley\nNew York, New York\nOctober 27, 2023\n\nThank you.") == date(2023, 10, 27)
    assert date_in_header("KYIV, November 4, 2024 — Drones struck the city.") == date(2024, 11, 4)
    assert date_in_header("KYIV, November 4 — no year, so no date.") is None


def test_article_dates_in_common_forms():
    assert normalise_article_date("2024-10-22T09:30:00Z") == "2024-10-22"
    assert normalise_article_date("October 3, 2024") == "2024-10-03"
    assert normalise_article_date("soon") is None


def test_events_carry_the_day_their_sentence_names(nlp):
    from kgraph.extract import extract_events
    from kgraph.model import Article

    text = "On Tuesday, Germany condemned Iran. France supports Ukraine. Last month, Japan warned China."
    article = Article(source="dated.txt", text=text, date="2024-10-23")
    dates = {e.action: e.date for e in extract_events(nlp(text), article).events}
    assert dates == {"condemn": "2024-10-22", "support": "2024-10-23", "warn": None}


def test_build_date_option_dates_undated_articles(tmp_path):
    from rdflib import Graph
    from typer.testing import CliRunner

    from kgraph.cli import app
    from kgraph.vocab import KG

    article = tmp_path / "a.txt"
    article.write_text("On Tuesday, Germany condemned Iran for the drone attacks on Israel.\n")
    output = tmp_path / "g.ttl"
    result = CliRunner().invoke(app, ["build", str(article), "-o", str(output), "--date", "2024-10-23"])
    assert result.exit_code == 0, result.output
    assert {str(d) for d in Graph().parse(output).objects(None, KG.date)} == {"2024-10-22"}

    bad = CliRunner().invoke(app, ["build", str(article), "-o", str(output), "--date", "tomorrow"])
    assert bad.exit_code != 0 and "YYYY-MM-DD" in bad.output



def test_a_day_before_the_calendar_is_no_day():
    # found by bench/fuzz.py: a JSON line dated 0001-01-01 (a Monday) that says "on Tuesday"
    # made dateparser step back before year 1 (OverflowError)
    assert resolve_day("on Tuesday", date(1, 1, 1)) is None
    assert event_day(["Tuesday"], date(1, 1, 1)) is None
