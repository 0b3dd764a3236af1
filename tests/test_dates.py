"""Event dates: absolute and relative expressions resolved against the article's date."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from kgraph.dates import date_in_header, day_in_time, event_day, normalise_article_date, resolve_day

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
    assert date_in_header("KYIV, November 4 — no year and no weekday, so no date.") is None


def test_a_dateline_without_a_year_takes_it_from_the_weekday_of_its_lead():
    # agencies write "SEOUL, October 23 —"; the lead's "on Wednesday" fixes the year: 2024
    lead = "SEOUL, October 23 — North Korea has deployed troops, the agency said on Wednesday.\n"
    assert date_in_header(lead, today=date(2026, 11, 29)) == date(2024, 10, 23)
    assert date_in_header(lead, today=date(2024, 10, 22)) == date(2019, 10, 23)  # not in the future
    later = "SEOUL, October 23 — Troops arrived.\n\nOn Wednesday, officials spoke.\n"
    assert date_in_header(later, today=date(2026, 11, 29)) is None  # only the lead says when


def test_a_bare_weekday_is_the_latest_such_day_up_to_the_article_date():
    thursday = date(2024, 9, 5)
    assert resolve_day("on Thursday", thursday) == thursday  # was 2024-08-29
    assert resolve_day("Wednesday", thursday) == date(2024, 9, 4)
    assert resolve_day("on Friday", thursday) == date(2024, 8, 30)
    assert resolve_day("last Thursday", thursday) == date(2024, 8, 29)


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


def test_the_example_articles_events_carry_their_days(tmp_path):
    from rdflib import Graph
    from typer.testing import CliRunner

    from kgraph.cli import app

    examples = Path(__file__).resolve().parent.parent / "examples"
    output = tmp_path / "g.ttl"
    inputs = [str(examples / name) for name in ("korea-russia.txt", "iran-sanctions.txt", "world-briefs.jsonl")]
    # --date pins "today" for datelines without a year (the latest such day up to it whose
    # weekday the lead names), so the test does not change meaning with the year it runs in
    result = CliRunner().invoke(app, ["build", *inputs, "-o", str(output), "--date", "2024-12-31"])
    assert result.exit_code == 0, result.output
    rows = Graph().parse(output).query("""
        PREFIX kg: <https://w3id.org/kgraph/ontology#>
        PREFIX prov: <http://www.w3.org/ns/prov#>
        PREFIX dcterms: <http://purl.org/dc/terms/>
        SELECT ?source ?trigger ?date WHERE {
          ?e kg:trigger ?trigger ; prov:wasDerivedFrom/dcterms:source ?source OPTIONAL { ?e kg:date ?date } }""")
    days = {(str(s).rsplit("/", 1)[-1], str(t), str(d) if d else None) for s, t, d in rows}
    # the datelines "SEOUL, October 23 —" and "BRUSSELS, October 14 —" carry no year
    assert ("korea-russia.txt", "deployed", "2024-10-23") in days
    assert ("iran-sanctions.txt", "sanctions", "2024-10-14") in days
    # dated Thursday 2024-09-05: "met ... on Thursday" is that day, not a week before
    assert ("turkey-greece-talks", "met", "2024-09-05") in days


def test_a_date_line_in_the_text_beats_the_date_option():
    from kgraph.model import Article
    from kgraph.pipeline import _with_date

    dated = Article(source="a.txt", text="KYIV, November 4, 2024 — Drones struck the city.\n")
    assert _with_date(dated, "2025-01-01").date == "2024-11-04"
    undated = Article(source="b.txt", text="Drones struck the city.\n")
    assert _with_date(undated, "2025-01-01").date == "2025-01-01"
    # a dateline without a year is the latest such day up to --date, weekday or not
    no_year = Article(source="c.txt", text="KYIV, November 4 — Drones struck the city.\n")
    assert _with_date(no_year, "2025-01-01").date == "2024-11-04"
    assert _with_date(no_year, "2024-11-04").date == "2024-11-04"


@pytest.mark.parametrize("expression", ["the 2030s", "the 1990s", "the '90s", "2023-24", "2023–2024"])
def test_decades_and_spans_of_years_name_no_day(expression):
    # dateparser gave "the 2030s" the day kgraph ran (kg_13 of the training set: "to sell three
    # Virginia-class submarines to Australia in the 2030s" was dated the day of the build)
    assert resolve_day(expression, None) is None
    assert resolve_day(expression, PUBLISHED) is None
    assert event_day([expression], PUBLISHED) is None


SATURDAY = date(2025, 3, 1)


@pytest.mark.parametrize("expression, day", [
    ("on the 15th", date(2025, 2, 15)),  # dateparser took the article's month: after the article
    ("the 1st", SATURDAY),
    ("the 31st", date(2025, 1, 31)),  # February has none
    ("04.11.2024", date(2024, 11, 4)),  # day.month.year, not April 11
])
def test_days_that_news_prose_names(expression, day):
    assert resolve_day(expression, SATURDAY) == day


@pytest.mark.parametrize("value", ["2024-13-01", "2024-13-01T09:00:00Z"])
def test_an_iso_date_with_no_such_month_is_no_date(value):
    # it had been read as 13 January, without a word
    assert normalise_article_date(value) is None
    assert date_in_header(f"WASHINGTON, {value[:10]} — Germany condemned Russia on Monday.") is None


def test_a_clock_time_alone_keeps_the_article_day():
    assert event_day(["10:00"], SATURDAY) == SATURDAY and event_day(["at 9 a.m."], SATURDAY) == SATURDAY


@pytest.mark.parametrize("time, day", [
    ("10:00 on Thursday", date(2025, 2, 27)),  # TIME entities were ignored: the article's day
    ("early Thursday morning", date(2025, 2, 27)),  # dateparser alone went back a week more
    ("the early hours of Monday", date(2025, 2, 24)),
    ("9 a.m. on February 26", date(2025, 2, 26)),
    ("last night", SATURDAY), ("10:30", SATURDAY),  # the time of day alone: the article's day
])
def test_a_time_expression_gives_the_day_it_names(time, day):
    found = day_in_time(time)
    assert event_day([], SATURDAY, [found] if found else []) == day


@pytest.mark.parametrize("value", ["Tue, 05 Mar 2024 10:30:00 GMT", "March 5, 2024 10:30 AM",
                                   "Mar 5, 2024 10:30pm", "March 5, 2024 at 10:30 a.m. EST"])
def test_an_article_date_with_a_clock_time_is_its_day(value):
    assert normalise_article_date(value) == "2024-03-05"


def test_a_date_line_below_the_first_sentence_is_the_bodys_not_the_articles():
    assert date_in_header("Germany condemned Russia on Monday.\n\nMay 5 - 2024 talks continued.\n") is None
    assert date_in_header("Germany condemns Russia\n\nKYIV, November 4, 2024 — Drones struck.") == date(2024, 11, 4)
    # a headline is no sentence of the body, whatever it ends with
    assert date_in_header("Will talks succeed?\nKYIV, March 5 — Talks began.", around=date(2024, 3, 7)) == date(2024, 3, 5)
    assert date_in_header("Biden meets Xi, warns U.S.\nMarch 5, 2024\nText.") == date(2024, 3, 5)


def test_a_year_in_an_html_page_is_not_its_date(tmp_path):
    """trafilatura's extensive date search read "© 2019" or "the 2015 agreement" as the page's
    date, over --date: events "on Monday" landed in 2018. Only the page's metadata counts."""
    from rdflib import Graph, URIRef
    from typer.testing import CliRunner

    from kgraph.cli import app

    page = tmp_path / "p.html"
    page.write_text("<!DOCTYPE html><html><head><title>T</title></head><body><article><h1>Germany condemns "
                    "Russia</h1><p>Germany condemned Russia on Monday for the strike on Kharkiv, the foreign "
                    "ministry said in Berlin.</p><p>The 2015 agreement signed in Minsk was broken, officials "
                    "said.</p></article><footer>© 2019 Example News</footer></body></html>")
    output = tmp_path / "g.ttl"
    result = CliRunner().invoke(app, ["build", str(page), "-o", str(output), "--date", "2024-11-06"])
    assert result.exit_code == 0, result.output
    dates = {str(d) for d in Graph().parse(output).objects(None, URIRef("http://purl.org/dc/terms/date"))}
    assert dates == {"2024-11-06"}


@pytest.mark.parametrize("expression, day", [
    ("on Monday", date(2025, 3, 3)), ("on Saturday", SATURDAY), ("on the 20th", date(2025, 3, 20)),
    ("the 1st", SATURDAY), ("March 10", date(2025, 3, 10)),
])
def test_an_event_still_to_come_counts_relative_days_forward(expression, day):
    assert resolve_day(expression, SATURDAY, ahead=True) == day


def test_a_hypothetical_events_day_is_ahead_and_an_asserted_ones_behind(nlp):
    from kgraph.casing import text_for_parser, with_original_text
    from kgraph.extract import extract_events
    from kgraph.model import Article

    text = "China will sanction Japan on Monday.\n\nGermany condemned Russia on Monday.\n"
    article = Article(source="t", text=text, date="2025-03-05")  # a Wednesday
    events = extract_events(with_original_text(nlp(text_for_parser(text)), text), article).events
    assert {(e.action, e.modality, e.date) for e in events} == {
        ("sanction", "hypothetical", "2025-03-10"), ("condemn", "asserted", "2025-03-03")}


def test_a_weekday_and_a_date_that_disagree_give_no_day():
    # 24 February 2025 is a Monday: the date had won without a word
    assert resolve_day("on Tuesday, February 24", SATURDAY) is None
    assert resolve_day("Monday, February 24", SATURDAY) == date(2025, 2, 24)
