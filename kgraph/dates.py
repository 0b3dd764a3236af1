"""Dates of articles and events, with dateparser (a maintained parser of absolute and relative
dates in news prose: "on Tuesday", "October 7", "last week").

Only expressions that fix a day give an event a date: "in February 2022" or "last month" do
not, and neither does the article's date then, since the text puts the event elsewhere in time.
A bare weekday ("on Thursday") is the latest such day on or before the article's date, so an
article of Thursday 5 September saying "on Thursday" means that day (dateparser, told to
prefer the past, would go back a week).
"""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from functools import lru_cache

_LEADING = re.compile(r"^(on|since|from|by|until|as of|this past|this|past|earlier|late|early)\s+", re.I)
_DATELINE = re.compile(
    r"(?:^|\n)\s*(?:[A-Z][A-Za-z .'-]{1,40},\s*)?"  # an optional city: "NEW DELHI, "
    r"((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?"
    r"(?:,?\s+\d{4})?|\d{4}-\d{2}-\d{2}|\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\s+\d{4})"
    r"\s*(?:$|\n|[—–-])",
    re.M,
)
_HEADER_CHARS = 600  # a dateline or date line sits above the article body
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_LEAD_WEEKDAY = re.compile(r"\b(?:on\s+)?(" + "|".join(_WEEKDAYS) + r")\b", re.I)
# dateparser reads a decade ("the 2030s") as the day it runs and a span of years ("2023-24")
# as a day in November: both name longer periods
_PERIODS = re.compile(r"\b\d{3}0'?s\b|'\d0s\b|\b(?:1[89]|20)\d{2}\s*[-–/]\s*(?:\d{2}|(?:1[89]|20)\d{2})\b(?![-–/]\d)")
_YEARS_BACK = 28  # the calendar repeats every 28 years: a month, day and weekday fit once in them


def iso_date(value: str | None) -> date | None:
    """The day of an ISO 8601 date or timestamp ("2024-10-22", "2024-10-22T09:00:00Z")."""
    if not value:
        return None
    match = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", value)
    if not match:
        return None
    try:
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


def normalise_article_date(value: str | None) -> str | None:
    """An article date given in any common form as YYYY-MM-DD, or None if it names no day."""
    if not value:
        return None
    day = iso_date(value) or resolve_day(value, None)
    return day.isoformat() if day else None


def date_in_header(text: str, today: date | None = None, *, around: date | None = None) -> date | None:
    """The publication date of a plain-text article, from a date line or dateline at its top
    ("October 27, 2023", "NEW DELHI, August 20 —").

    A dateline without a year (news agencies write "SEOUL, October 23 —") takes it from
    `around` (the `--date` a user gave for the articles) when given: the latest such day up to
    it. Otherwise from the weekday its first sentence names ("... said on Wednesday"): the
    latest year, up to `today` (default: the day of the run), in which that day was that
    weekday. With neither it gives no date, since "August 20" alone could be any year.
    """
    match = _DATELINE.search(text[:_HEADER_CHARS])
    if not match:
        return None
    if re.search(r"\d{4}", match.group(1)):
        return resolve_day(match.group(1), None)
    if around is not None:
        return _latest(match.group(1), around, weekday=None)
    lead = re.split(r"(?<=[.!?])\s|\n", text[match.end():].lstrip(), maxsplit=1)[0]
    weekday = _LEAD_WEEKDAY.search(lead)
    if not weekday:
        return None
    return _latest(match.group(1), today or date.today(), weekday=_WEEKDAYS.index(weekday.group(1).lower()))


def _latest(month_day: str, limit: date, *, weekday: int | None) -> date | None:
    """The latest day named `month_day` ("October 23") on or before `limit`, falling on
    `weekday` (0 = Monday) when one is given."""
    for year in range(limit.year, limit.year - _YEARS_BACK, -1):
        day = _parse(f"{month_day} {year}", None)
        if day is not None and day <= limit and day.year == year and weekday in (None, day.weekday()):
            return day
    return None


def resolve_day(expression: str, base: date | None) -> date | None:
    """The day an expression names, relative days counted back from `base` (the article's
    date); None when it names a longer period or cannot be read."""
    cleaned = _LEADING.sub("", expression.strip())
    cleaned = _LEADING.sub("", cleaned)
    if not cleaned or not re.search(r"\d|day|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|"
                                    r"today|yesterday|tonight", cleaned, re.I):
        return None
    if _PERIODS.search(cleaned):
        return None
    if base is None and not re.search(r"\d{4}", cleaned):
        return None  # "Tuesday" or "August 5" mean nothing without the article's date
    if base is not None and cleaned.lower() in _WEEKDAYS:
        back = (base.weekday() - _WEEKDAYS.index(cleaned.lower())) % 7
        return base - timedelta(days=back) if base.toordinal() > back else None
    return _parse(cleaned, base)


@lru_cache(maxsize=4096)
def _parse(expression: str, base: date | None) -> date | None:
    parser = _parser(base)
    try:
        data = parser.get_date_data(expression)
    except (OverflowError, ValueError):  # "Tuesday" before 0001-01-01: a day no date can hold
        return None
    if data is None or data.date_obj is None or data.period != "day":
        return None
    return data.date_obj.date()


@lru_cache(maxsize=64)
def _parser(base: date | None):
    from dateparser.date import DateDataParser

    settings = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if base is not None:
        settings["RELATIVE_BASE"] = datetime(base.year, base.month, base.day)
    return DateDataParser(languages=["en"], settings=settings)


def event_day(sentence_dates: list[str], base: date | None) -> date | None:
    """The day of an event: the first date expression of its sentence that names a day; the
    article's date when the sentence names no time at all."""
    if not sentence_dates:
        return base
    for expression in sentence_dates:
        day = resolve_day(expression, base)
        if day:
            return day
    return None
