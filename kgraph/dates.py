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
# a line that ends a sentence, a word and its full stop: the body has begun ("Will talks succeed?"
# or "Biden meets Xi, warns U.S." are headlines)
_SENTENCE_END = re.compile(r"[a-z]{2}\.[\"'”’)]*[ \t]*(?:\n|$)")
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_LEAD_WEEKDAY = re.compile(r"\b(?:on\s+)?(" + "|".join(_WEEKDAYS) + r")\b", re.I)
# dateparser reads a decade ("the 2030s") as the day it runs and a span of years ("2023-24")
# as a day in November: both name longer periods
_PERIODS = re.compile(r"\b\d{3}0'?s\b|'\d0s\b|\b(?:1[89]|20)\d{2}\s*[-–/]\s*(?:\d{2}|(?:1[89]|20)\d{2})\b(?![-–/]\d)")
_YEARS_BACK = 28  # the calendar repeats every 28 years: a month, day and weekday fit once in them
# an expression that is a clock time and nothing else ("at 10:00", "9 a.m."): it names no day
_CLOCK = re.compile(r"(?:at\s+|around\s+|about\s+)?\d{1,2}(?::\d{2})?\s*(?:[ap]\.?m\.?|hours|h|GMT|UTC)?", re.I)
# a whole clock time inside a time expression ("10:30:00 GMT", "9 a.m.") and the words that say
# when in the day: what is left of "early Thursday morning" or "10:00 on Thursday" is the day
_CLOCK_IN = re.compile(r"(?<![:\d])(?:at\s+)?\d{1,2}(?:(?::\d{2}){1,2}(?:\s*[ap]\.?m\.?)?|\s*[ap]\.?m\.?)"
                       r"(?:\s*(?:GMT|UTC|local time))?(?![:\d])", re.I)
_TIME_OF_DAY = re.compile(r"\b(?:early|late|morning|afternoon|evening|night|overnight|dawn|dusk|noon|midnight|"
                          r"hours?|the|of|on|at|in|around|about|before|after|by)\b", re.I)
# "on the 15th": the latest 15th up to the article's date, or the next for an event to come
# (dateparser took the article's month even where that put a past event after the article)
_DAY_OF_MONTH = re.compile(r"(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)", re.I)
_ISO_START = re.compile(r"\s*(\d{4})-(\d{2})-(\d{2})")  # "2024-13-01" is no day, not 13 January
_DOTTED = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")  # "04.11.2024": day.month.year, as Europe writes it


def iso_date(value: str | None) -> date | None:
    """The day of an ISO 8601 date or timestamp ("2024-10-22", "2024-10-22T09:00:00Z")."""
    if not value:
        return None
    match = _ISO_START.match(value)
    return _day(*map(int, match.groups())) if match else None


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
    if not match or _SENTENCE_END.search(text[:match.start()]):
        return None  # a date line after a sentence is the body's ("May 5 - 2024 talks continued")
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


_DAY_WORD = re.compile(r"\b(?:" + "|".join(_WEEKDAYS) + r"|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|"
                       r"yesterday|today|\d{1,2}(?:st|nd|rd|th))", re.I)


def day_in_time(time_expression: str) -> str | None:
    """The day a time expression names besides the time of day ("early Thursday morning",
    "10:00 on Thursday", "the early hours of Monday": the weekday; "9 a.m. on March 5": "March
    5"), or None for one that says only when in the day ("last night", "10:00")."""
    weekday = _LEAD_WEEKDAY.search(time_expression)
    if weekday:
        return weekday.group(1)
    rest = " ".join(_TIME_OF_DAY.sub(" ", _CLOCK_IN.sub(" ", time_expression)).split())
    return rest if _DAY_WORD.search(rest) else None


def resolve_day(expression: str, base: date | None, *, ahead: bool = False) -> date | None:
    """The day an expression names, relative days counted back from `base` (the article's
    date), or forward with `ahead` (an event still to come: "will sanction Japan on Monday");
    None when it names a longer period or cannot be read."""
    cleaned = _LEADING.sub("", expression.strip())
    cleaned = _LEADING.sub("", cleaned)
    if not cleaned or not re.search(r"\d|day|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|"
                                    r"today|yesterday|tonight", cleaned, re.I):
        return None
    if _PERIODS.search(cleaned) or _CLOCK.fullmatch(cleaned):
        return None
    if _ISO_START.match(cleaned):
        return iso_date(cleaned)
    dotted = _DOTTED.fullmatch(cleaned)
    if dotted:
        return _day(int(dotted.group(3)), int(dotted.group(2)), int(dotted.group(1)))
    of_month = _DAY_OF_MONTH.fullmatch(cleaned)
    if of_month:
        if base is None:
            return None
        return _day_of_month(int(of_month.group(1)), base, ahead)
    if base is None and not re.search(r"\d{4}", cleaned):
        return None  # "Tuesday" or "August 5" mean nothing without the article's date
    if base is not None and cleaned.lower() in _WEEKDAYS:
        if ahead:
            return base + timedelta(days=(_WEEKDAYS.index(cleaned.lower()) - base.weekday()) % 7)
        back = (base.weekday() - _WEEKDAYS.index(cleaned.lower())) % 7
        return base - timedelta(days=back) if base.toordinal() > back else None
    day = _parse(cleaned, base, ahead)
    named = _LEAD_WEEKDAY.search(cleaned)
    if day is not None and named and day.weekday() != _WEEKDAYS.index(named.group(1).lower()):
        return None  # "Tuesday, February 24" in a year whose 24 February is a Monday: which is meant?
    return day


def _day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _day_of_month(day: int, base: date, ahead: bool) -> date | None:
    """The day numbered `day` nearest `base` on the event's side: the earliest on or after it for
    an event to come (`ahead`), else the latest on or before it ("the 31st" may skip a shorter
    month)."""
    months = base.year * 12 + base.month - 1
    for _ in range(3):
        found = _day(months // 12, months % 12 + 1, day)
        if found is not None and (found >= base if ahead else found <= base):
            return found
        months += 1 if ahead else -1
    return None


@lru_cache(maxsize=4096)
def _parse(expression: str, base: date | None, ahead: bool = False) -> date | None:
    parser = _parser(base, ahead)
    try:
        data = parser.get_date_data(expression)
    except (OverflowError, ValueError):  # "Tuesday" before 0001-01-01: a day no date can hold
        return None
    if data is None or data.date_obj is None or data.period != "day":
        return None
    return data.date_obj.date()


@lru_cache(maxsize=64)
def _parser(base: date | None, ahead: bool = False):
    from dateparser.date import DateDataParser

    settings = {"PREFER_DATES_FROM": "future" if ahead else "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if base is not None:
        settings["RELATIVE_BASE"] = datetime(base.year, base.month, base.day)
    return DateDataParser(languages=["en"], settings=settings)


def event_day(sentence_dates: list[str], base: date | None, time_days: list[str] = (), *,
              ahead: bool = False) -> date | None:
    """The day of an event: the first date expression of its sentence that names a day, else
    the first day its time expressions name (`day_in_time`); the article's date when the
    sentence names no time at all, or only clock times. A date expression that names no day
    ("in February 2022") leaves the event undated; a time expression never does. `ahead`: the
    event is still to come, and relative days count forward."""
    sentence_dates = [e for e in sentence_dates if not _CLOCK.fullmatch(_LEADING.sub("", e.strip()))]
    for expression in [*sentence_dates, *time_days]:
        day = resolve_day(expression, base, ahead=ahead)
        if day:
            return day
    return None if sentence_dates else base
