"""When each action is due: a plan's target-date cells ("Timescale", "By when", ...) read
as ``due_date`` (ISO, the last day of the period it names) or ``due_date_note``.

Each cell is read by the one date reader, ``actionplans.dates`` (its docstring lists the
forms and periods); this module adds what only the plan knows:

- **A year left out** is the plan's (``plan_as_at``, else ``document_date``), for a
  quarter its financial year: "Sept" in a plan as at August 2013 is 2013-09-30. Where
  that date falls before the plan's, it moves on a year only where the paper's target
  dates that print their year reach as far. The row's warnings say which was done.
- **Notes**: ``ongoing``, ``immediate``, ``tbc``, ``complete``, and ``unread`` (text not
  read as a date, quoted in the warnings).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from actionplans.dates import Reading, read_target
from actionplans.extract.records import WarningCode, WarningItem

NOTES = ("ongoing", "immediate", "tbc", "complete", "unread")


@dataclass(frozen=True)
class Deadline:
    """A target-date cell as read: a due date (ISO, or "") and/or a note, and why either is uncertain."""

    due_date: str = ""
    note: str = ""
    warnings: tuple[WarningItem, ...] = ()


def targets_to_deadlines(targets: list[str], plan_date: str) -> list[Deadline]:
    """Each of one paper's target-date cells as a ``Deadline``; ``plan_date`` (ISO or "")
    supplies a year left out, and the paper's other dates whether it moves on a year."""
    as_at = _iso(plan_date)
    readings = [read_target(t, as_at) for t in targets]
    reach = max((r.due for r in readings if r.due), default=None)
    return [_deadline(t, r, as_at, reach) for t, r in zip(targets, readings, strict=True)]


def _deadline(printed: str, r: Reading, as_at: date | None, reach: date | None) -> Deadline:
    """A reading made whole with the plan's date: a year left out taken from it, moved on
    a year where the date would fall before it and the paper's own dates reach that far."""
    if r.in_year is None:
        return Deadline(r.due.isoformat() if r.due else "", r.note, _read(r))
    if as_at is None:
        why = f"target date {printed!r} names no year and the plan no date"
        return Deadline("", r.note or "unread", (*_read(r), WarningItem(WarningCode.TARGET_YEAR, why)))
    year = _financial_start(as_at) if r.financial else as_at.year
    due = r.in_year(year)
    why = f"target date {printed!r} names no year: {due.isoformat()} read from the plan's date"
    rolled = r.in_year(year + 1)
    if due < as_at and reach is not None and reach >= rolled:
        due = rolled
        why = (f"target date {printed!r} names no year: {due.isoformat()}, a year on from the plan's date, "
               "as the plan's other target dates reach it")
    return Deadline(due.isoformat(), r.note, (*_read(r), WarningItem(WarningCode.TARGET_YEAR, why)))


def _read(r: Reading) -> tuple[WarningItem, ...]:
    """What the date reader said of how it read the cell, as the row's warnings."""
    return tuple(WarningItem(WarningCode.TARGET_DATE, w) for w in r.warnings)


def _financial_start(day: date) -> int:
    return day.year if day.month >= 4 else day.year - 1


def _iso(text: str) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def days_overdue(due_date: str, as_at: str, rag: str, done: frozenset[str]) -> int | None:
    """Days an action is late at ``as_at`` (ISO dates): due before it and its status not
    one of ``done``; None where it is not late or either date is unknown."""
    due, now = _iso(due_date), _iso(as_at)
    if due is None or now is None or rag in done or due >= now:
        return None
    return (now - due).days
