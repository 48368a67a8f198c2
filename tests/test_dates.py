"""The one date reader (actionplans.dates), as the cover-sheet reader uses it: whole dates
in running text in every spelling councils print, two-digit years where dateutil puts them,
and a month with its year only where the text is a date's place."""
from __future__ import annotations

import pytest

from actionplans.dates import date_in_text, read_target

WHOLE = [
    ("Cabinet – 7 NOVEMBER 2013", "2013-11-07"),
    ("Meeting held on 9th August 2013", "2013-08-09"),
    ("Date: 24/05/2011", "2011-05-24"),
    ("Tuesday, 3 March 2015", "2015-03-03"),
    ("March 3rd, 2015", "2015-03-03"),
    ("updated 2025-03-31 by the board", "2025-03-31"),
    ("31.03.24", "2024-03-31"),
    ("1/2/98", "1998-02-01"),  # a two-digit year is dateutil's: 1998, not 2098
    ("the 3 of March 2015 meeting", "2015-03-03"),
    ("no date here", ""),
    ("31 February 2025", ""),  # no such day
]


@pytest.mark.parametrize("text,iso", WHOLE)
def test_a_whole_date_in_running_text(text: str, iso: str) -> None:
    assert date_in_text(text) == iso


def test_the_first_date_written_is_taken() -> None:
    assert date_in_text("Report of 12/01/2024 on the meeting of 3 March 2023") == "2024-01-12"


def test_a_month_and_year_dates_only_a_date_s_place() -> None:
    assert date_in_text("March 2025", month_ends=True) == "2025-03-31"
    assert date_in_text("February 2024", month_ends=True) == "2024-02-29"
    # In prose a month is too often a deadline ("by June 2026") to date the paper.
    assert date_in_text("Audit Committee: actions due by June 2026") == ""
    # A whole date comes first, wherever the month stands.
    assert date_in_text("June 2026 (updated 3 May 2025)", month_ends=True) == "2025-05-03"


def test_target_cells_and_running_text_read_alike() -> None:
    for text in ("31 March 2025", "31/03/2025", "2025-03-31"):
        reading = read_target(text)
        assert reading.due is not None and reading.due.isoformat() == date_in_text(text) == "2025-03-31"
