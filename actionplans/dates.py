"""Dates as councils print them: the one reader of dates for every stage.

Two questions, one set of rules. ``read_target`` reads a target-date cell ("Sept 13",
"Q3 2024/25", "end of spring term") as the period it names; ``date_in_text`` finds the
first whole date in running text ("Cabinet – 18 September 2025", "as at 31.03.24") for a
paper's own date and the date a plan is "as at".

Days, months and years in the usual spellings ("31.03.24", "31 March 2025", "2025-03-31",
"Sept") are python-dateutil's to read, day first as the UK writes them (two-digit years as
dateutil places them: "1/2/98" is 1998); this module writes down only the forms councils
add, and what a period's last day is:

- **Periods.** A month gives its last day ("March 2026" 2026-03-31), a year 31 December.
  A range or a revised date gives the last one written ("Jan-Mar 2025" 2025-03-31).
- **Financial years** run April to March: "2024/25" (or "2024-25") ends 2025-03-31; its
  quarters are Q1 April-June, Q2 July-September, Q3 October-December, Q4 January-March
  ("Q3 2024/25" 2024-12-31). A quarter with no year ("end Q3") is one of the financial
  year the plan is dated in. A quarter with one calendar year ("Q1 2025") is read as the
  calendar quarter (January-March 2025), with a warning, as that reading is a choice.
- **School terms** end with their last month: autumn term 31 December, spring term
  31 March (Easter falls late March or April; March is the month the term is mostly in),
  summer term 31 July. An academic year ("spring term 2024/25") holds autumn in its first
  year, spring and summer in its second.
- **Seasons** (no "term") are the Met Office's: spring ends 31 May, summer 31 August,
  autumn 30 November, winter the end of the February after its December ("winter 2024"
  2025-02-28). "Early", "mid" and "late" 2025 end 30 April, 31 August, 31 December.
- **Two digits after a month** ("Sept 13", "Mar-24") are its year, as plans write them,
  where that year is within five years of the plan's; otherwise the day ("June 30").
  Two numbers alike near the plan's year are read, with a warning, as a financial year
  where consecutive ("13/14" 2014-03-31), else as month and year ("03/14" 2014-03-31).
  A week ("w/c 3 March 2014") ends six days after it starts.
- **Notes** for what is no date: ``ongoing`` (also recurring: "Monthly", "Termly",
  "from January 2024", "June 2020 onwards"; "July 2023 and ongoing" keeps its date too),
  ``immediate``, ``tbc`` (a date with "tbc" keeps the date), ``complete`` (a date beside
  it is when it was done, not when due: no due date). A blank cell, "-" or "n/a" gives
  neither; text read as no date gives the note ``unread``.
"""
from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from dateutil import parser as dateutil_parser

# Two defaults far apart: a field that differs between the two parses was not in the text.
# Both leap years, so "29 February" reads.
_DEFAULTS = (datetime(2000, 1, 1), datetime(2004, 2, 2))
_TWO_DIGIT_YEARS = 5  # "Sept 13" is 2013 only within this many years of the plan's date

_BLANK = re.compile(r"^(?:-+|n/?a|none|nil|not applicable)?$")
_COMPLETE = re.compile(r"^(?:now\s+)?(?:complete|completed|done|achieved|closed|implemented|delivered)\b(?!\s+by\b)")
_IMMEDIATE = re.compile(r"^(?:immediate|immediately|with immediate effect|now|asap|as soon as possible|urgent)\b")
_RECURRING = re.compile(
    r"^(?:daily|weekly|fortnightly|monthly|bi-?monthly|quarterly|termly|half-?termly|six-?monthly|annually|annual"
    r"|yearly|regularly|as required|as needed)\b|^(?:from|starting|commencing)\b|\bonwards\b")
_ONGOING = re.compile(r"\b(?:ongoing|on-going|continuous|continuing|throughout|rolling|business as usual|bau)\b")
_TBC = re.compile(r"\b(?:tbc|tba|tbd|to be (?:confirmed|agreed|determined|decided|set|arranged))\b")
_LEAD_IN = re.compile(
    r"^(?:(?:by|before|no later than|due|deadline|target|to be completed by|complete by|completed by|completion by"
    r"|revised(?: date)?(?: to)?|now|in|during|within|for|until|the|end of|end|of|and|then)\b[\s:,-]*)+")
_LEAD_OUT = re.compile(r"(?:[\s:,-]*\b(?:and|then|or|at the latest|latest)\b)+$")
_SPLIT = re.compile(r"\s+[-/]\s+|\s+to\s+|\s+until\s+|\s+then\s+|\s+and\s+|[(),;]|\s+revised\s+"
                    r"|(?<=[a-z])[-/](?=[a-z])")

_MONTHS = (r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?"
           r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?")
_MONTH_YY = re.compile(rf"^({_MONTHS})\.?\s*['\-/ ]\s*(\d{{2}})$")
_NUMBER_PAIR = re.compile(r"^(\d{1,2})/(\d{2})$")  # "03/14", "13/14"
_WEEK = re.compile(r"^(?:w/c|w/b|wc|week commencing|week beginning)\s+(.+)$")
_FY = r"(?:fy\s*)?(\d{4})\s*[/-]\s*(\d{2}|\d{4})"
# Beside a quarter, "24/25" can be nothing but a financial year.
_FY_SHORT = r"(?:fy\s*)?(\d{2}|\d{4})\s*[/-]\s*(\d{2}|\d{4})"
_QUARTER_FY = re.compile(rf"^q([1-4])\s*(?:of\s+)?{_FY_SHORT}$|^{_FY_SHORT}\s*,?\s*q([1-4])$")
_QUARTER_YEAR = re.compile(r"^q([1-4])\s*(\d{4})$|^(\d{4})\s*q([1-4])$")
_QUARTER = re.compile(r"^q([1-4])$")
_YEAR_FY = re.compile(rf"^{_FY}$")
_TERM = re.compile(r"^(autumn|spring|summer)\s+term(?:\s+(\d{4})(?:\s*[/-]\s*(\d{2}|\d{4}))?)?$")
_SEASON = re.compile(r"^(spring|summer|autumn|fall|winter)(?:\s+(\d{4})(?:\s*[/-]\s*(\d{2}|\d{4}))?)?$")
_PART_YEAR = re.compile(r"^(early|mid|late)[\s-]+(\d{4})$")
_ORDINAL_QUARTER = {"first": "1", "second": "2", "third": "3", "fourth": "4"}

# (month, day or 0 for the month's last) each period ends on.
TERM_ENDS = {"autumn": (12, 31), "spring": (3, 31), "summer": (7, 31)}
SEASON_ENDS = {"spring": (5, 31), "summer": (8, 31), "autumn": (11, 30), "fall": (11, 30), "winter": (2, 0)}
PART_YEAR_ENDS = {"early": (4, 30), "mid": (8, 31), "late": (12, 31)}
# Financial quarter -> (month it ends in, years after the financial year's first).
FINANCIAL_QUARTERS = {1: (6, 0), 2: (9, 0), 3: (12, 0), 4: (3, 1)}


@dataclass(frozen=True)
class Reading:
    """What one cell says before the plan's date is known: a whole date, or one whose year
    is left out (``in_year`` gives its end in a year; ``financial``: a financial year's
    first), and a note."""

    due: date | None = None
    in_year: Callable[[int], date] | None = None
    financial: bool = False
    note: str = ""
    warnings: tuple[str, ...] = ()


def read_target(text: str, as_at: date | None = None) -> Reading:
    """One target-date cell as a ``Reading``; ``as_at`` only tells "Sept 13" (a year) from "June 30" (a day)."""
    clean = _clean(text)
    if _BLANK.match(clean):
        return Reading()
    for note, pattern in (("complete", _COMPLETE), ("immediate", _IMMEDIATE), ("ongoing", _RECURRING)):
        if pattern.search(clean):
            return Reading(note=note)
    note = "ongoing" if _ONGOING.search(clean) else "tbc" if _TBC.search(clean) else ""
    rest = _TBC.sub(" ", _ONGOING.sub(" ", clean)) if note else clean
    reading = _read_dates(" ".join(rest.split()), text, as_at)
    if reading is None:
        return Reading(note=note or "unread", warnings=() if note else (f"target date {text!r} not read as a date",))
    return Reading(reading.due, reading.in_year, reading.financial, note, reading.warnings)


def _clean(text: str) -> str:
    """Lower case, one kind of dash, one space, quarters as "q3", no full stop at the end."""
    out = " ".join(text.lower().replace("\u2013", "-").replace("\u2014", "-").split()).strip(" .:")
    out = re.sub(r"\bquarter\s*([1-4])\b", r"q\1", out)
    return re.sub(r"\b(first|second|third|fourth)\s+quarter\b", lambda m: "q" + _ORDINAL_QUARTER[m[1]], out)


def _read_dates(clean: str, printed: str, as_at: date | None) -> Reading | None:
    """The cell's date: the whole text as one, else the last of the dates it names."""
    whole = _read_one(clean, as_at)
    if whole is not None:
        return whole
    parts = [r for r in (_read_one(p, as_at) for p in _SPLIT.split(clean) if p and p.strip()) if r is not None]
    if not parts:
        return None
    last = parts[-1]
    later = [p.due for p in parts[:-1] if p.due and last.due and p.due > last.due]
    if later:  # not a range nor a date pushed back: say which was taken
        return Reading(last.due, last.in_year, last.financial,
                       warnings=(f"target date {printed!r} names several dates: the last taken",))
    return last


def _read_one(text: str, as_at: date | None) -> Reading | None:
    text = _LEAD_OUT.sub("", _LEAD_IN.sub("", text.strip())).strip(" .,:-")
    if not text:
        return None
    if m := _WEEK.match(text):  # a week ends six days after it starts
        start = _parsed_date(m[1], as_at)
        return _days_later(start, 6) if start is not None else None
    for read in (_council_form, _number_month_year, _parsed_date):
        reading = read(text, as_at)
        if reading is not None:
            return reading
    return None


def _days_later(r: Reading, days: int) -> Reading:
    step = timedelta(days=days)
    if r.due is not None:
        return Reading(r.due + step, warnings=r.warnings)
    within = r.in_year
    assert within is not None  # a reading is a date or a date in a year
    return Reading(in_year=lambda y: within(y) + step, financial=r.financial, warnings=r.warnings)


def _council_form(text: str, as_at: date | None) -> Reading | None:
    """Financial years and quarters, school terms, seasons, parts of a year."""
    if m := _QUARTER_FY.match(text):
        quarter, first, second = (m[1], m[2], m[3]) if m[1] else (m[6], m[4], m[5])
        years = _years(first, second)
        return Reading(financial_quarter_end(years[0], int(quarter))) if years and years[1] == years[0] + 1 else None
    if m := _YEAR_FY.match(text):  # "2024/25", or a span of them, "2023-25": to the last one's March
        years = _years(m[1], m[2])
        return Reading(date(years[1], 3, 31)) if years else None
    if m := _QUARTER_YEAR.match(text):
        quarter, year = (int(m[1]), int(m[2])) if m[1] else (int(m[4]), int(m[3]))
        return Reading(_month_end(year, quarter * 3),
                       warnings=(f"Q{quarter} {year} read as a calendar quarter, not a financial one",))
    if m := _QUARTER.match(text):
        quarter = int(m[1])
        return Reading(in_year=lambda y: financial_quarter_end(y, quarter), financial=True)
    if m := _TERM.match(text):
        return _period(TERM_ENDS[m[1]], m[2], m[3], academic=m[1] != "autumn")
    if m := _SEASON.match(text):
        return _period(SEASON_ENDS[m[1]], m[2], m[3], academic=m[1] in ("spring", "summer", "winter"),
                       next_year=m[1] == "winter")
    if m := _PART_YEAR.match(text):
        month, day = PART_YEAR_ENDS[m[1]]
        return Reading(date(int(m[2]), month, day))
    return None


def _period(end: tuple[int, int], year: str | None, second: str | None, academic: bool,
            next_year: bool = False) -> Reading | None:
    """A term or season ending on ``end`` (month, day; day 0 the month's last): in
    ``year``; of an academic year "2024/25" in its second year where ``academic``; a
    winter (``next_year``) ends in the year after the one named alone."""
    month, day = end

    def in_year(y: int) -> date:
        return date(y, month, day) if day else _month_end(y, month)

    if year is None:
        return Reading(in_year=in_year)
    if second is not None:  # an academic year, "2024/25"
        years = _years(year, second)
        if years is None or years[1] != years[0] + 1:
            return None
        return Reading(in_year(years[1] if academic else years[0]))
    return Reading(in_year(int(year) + 1 if next_year else int(year)))


def _parsed_date(text: str, as_at: date | None) -> Reading | None:
    """A day, month or year as dateutil reads it (day first), ending where its period ends."""
    text = _month_year(text, as_at)
    try:
        one, two = (dateutil_parser.parse(text, default=d, dayfirst=True) for d in _DEFAULTS)
    except (ValueError, OverflowError):
        return None
    has_year, has_month, has_day = one.year == two.year, one.month == two.month, one.day == two.day
    if not has_month:  # a bare year; a day or weekday without its month is no date
        return Reading(date(one.year, 12, 31)) if has_year and not has_day else None

    def in_year(y: int) -> date:  # "29 February" in a year without one is its 28th
        end = _month_end(y, one.month)
        return end.replace(day=min(one.day, end.day)) if has_day else end

    return Reading(in_year(one.year)) if has_year else Reading(in_year=in_year)


def _number_month_year(text: str, as_at: date | None) -> Reading | None:
    """Two numbers near the plan's year, with a warning as either could be a day: "13/14"
    (consecutive) as the financial year 2013/14, "03/14" as March 2014."""
    m = _NUMBER_PAIR.match(text)
    if not m or as_at is not None and abs(2000 + int(m[2]) - as_at.year) > _TWO_DIGIT_YEARS:
        return None
    first, second = int(m[1]), int(m[2])
    if second == first + 1:
        return Reading(date(2000 + second, 3, 31),
                       warnings=(f"target date {text!r} read as the financial year {2000 + first}/{m[2]}",))
    if not 1 <= first <= 12:
        return None
    due = _month_end(2000 + second, first)
    return Reading(due, warnings=(f"target date {text!r} read as month/year, {due.strftime('%B %Y')}",))


def _month_year(text: str, as_at: date | None) -> str:
    """ "sept 13" as "sept 2013" where 2013 is near the plan's year (UK plans' way of
    writing a month), else unchanged, for dateutil to read as a day."""
    m = _MONTH_YY.match(text)
    if not m:
        return text
    year = 2000 + int(m[2])
    if as_at is not None and abs(year - as_at.year) > _TWO_DIGIT_YEARS:
        return text
    return f"{m[1]} {year}"


def _years(first: str, second: str) -> tuple[int, int] | None:
    """The years of "2024/25" or "24/25" (2024, 2025); None where the second is not later."""
    start = int(first) if len(first) == 4 else 2000 + int(first)
    end = int(second) if len(second) == 4 else start - start % 100 + int(second)
    return (start, end) if end > start else None


def financial_quarter_end(first_year: int, quarter: int) -> date:
    """The last day of a quarter of the financial year that starts in April of ``first_year``."""
    month, later = FINANCIAL_QUARTERS[quarter]
    return _month_end(first_year + later, month)


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])




# -- dates in running text ---------------------------------------------------------------

MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], 1)}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9

_ORD = r"(?:\s?(?:st|nd|rd|th)\b)?"
_DAY_MONTH_YEAR = rf"\b\d{{1,2}}{_ORD}\s+(?:of\s+)?(?:{_MONTHS})\.?,?\s+\d{{4}}\b"
_MONTH_DAY_YEAR = rf"\b(?:{_MONTHS})\.?\s+\d{{1,2}}{_ORD},?\s+\d{{4}}\b"
_NUMERIC = r"\b\d{1,2}[/.]\d{1,2}[/.](?:\d{4}|\d{2})\b"
_ISO_DATE = r"\b\d{4}-\d{2}-\d{2}\b"
# A whole date as running text writes it, day first where numeric; no groups inside, so a
# pattern built around it ("as at <date>") keeps its own group numbers.
ANY_DATE = re.compile(f"{_DAY_MONTH_YEAR}|{_MONTH_DAY_YEAR}|{_NUMERIC}|{_ISO_DATE}", re.I)
# A month and its year ("March 2025"): a period, read as its last day where no whole date is written.
MONTH_YEAR = re.compile(rf"\b(?:{_MONTHS})\.?,?\s+\d{{4}}\b", re.I)


def date_in_text(text: str, month_ends: bool = False) -> str:
    """The first whole date written in ``text`` as ISO; else, with ``month_ends`` (a text
    that is a date's place, "Date: March 2025", "as at March 2025"), the last day of the
    first month named with its year; else "". Running prose names months too often
    ("by June 2026") for a month alone to date a paper."""
    text = re.sub(r"<sup>|</sup>", "", text)
    for m in ANY_DATE.finditer(text):
        reading = _parsed_date(m.group(0), None)
        if reading is not None and reading.due is not None:
            return reading.due.isoformat()
    for m in MONTH_YEAR.finditer(text) if month_ends else ():
        reading = _parsed_date(m.group(0), None)
        if reading is not None and reading.due is not None:
            return reading.due.isoformat()
    return ""
