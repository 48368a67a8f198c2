"""Deadlines (issue 13): each action's target-date cell as ``due_date`` and
``due_date_note``, whatever the plan calls the column; and across a plan's versions,
which actions are overdue, by how much, and whose due date was pushed back. Every
expected date below is written by hand."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import openpyxl
import pytest

from actionplans.extract.records import PaperResult, WarningCode, WarningItem
from actionplans.normalise import Tables, results_to_tables
from actionplans.normalise.deadlines import NOTES, targets_to_deadlines
from actionplans.normalise.rows import ACTION_COLUMNS, ActionRow, ProgressRow
from actionplans.output import OutputSettings, write_outputs
from conftest import ROOT, run_file
from htmlpage import parse
from samplegen.layouts import LAYOUTS
from samplegen.versions import PlanVersion, base_actions, version_to_result

AUGUST_2013 = "2013-08-09"  # seed 004's plan, as at 9 August 2013

# The issue's forms, in a plan as at 9 August 2013: (due_date, due_date_note).
ISSUE_FORMS = {
    "Sept 13": ("2013-09-30", ""),
    "end Q3": ("2013-12-31", ""),  # Q3 of 2013/14, the financial year the plan is in: October-December
    "March 2026": ("2026-03-31", ""),
    "2024/25 Q2": ("2024-09-30", ""),  # July-September 2024
    "Q3 2024/25": ("2024-12-31", ""),
    "Autumn term 2024": ("2024-12-31", ""),
    "31.03.24": ("2024-03-31", ""),
    "By December": ("2013-12-31", ""),
    "Ongoing": ("", "ongoing"),
    "Immediate": ("", "immediate"),
    "Complete": ("", "complete"),
    "TBC": ("", "tbc"),
    "": ("", ""),
    "31 March 2025": ("2025-03-31", ""),
    "2025/26": ("2026-03-31", ""),
    "Summer 2024": ("2024-08-31", ""),  # the season, to the end of August; the summer term ends in July
    "Q1 2025": ("2025-03-31", ""),  # one calendar year: the calendar quarter, January-March
}

# More of what councils write, same plan date.
MORE_FORMS = {
    "Spring term 2025": ("2025-03-31", ""),
    "Summer term 2024": ("2024-07-31", ""),
    "Spring term 2024/25": ("2025-03-31", ""),  # the academic year's second calendar year
    "Autumn 2024": ("2024-11-30", ""),
    "Winter 2024": ("2025-02-28", ""),
    "Quarter 4 2013/14": ("2014-03-31", ""),  # January-March 2014
    "Q4 13/14": ("2014-03-31", ""),
    "FY 2024-25": ("2025-03-31", ""),
    "2023-25": ("2025-03-31", ""),  # a span of financial years: to the last one's March
    "2025": ("2025-12-31", ""),
    "Mid-2025": ("2025-08-31", ""),
    "Mar-14": ("2014-03-31", ""),
    "March '14": ("2014-03-31", ""),
    "31/10/2013": ("2013-10-31", ""),
    "1st April 2014": ("2014-04-01", ""),
    "2014-06-30": ("2014-06-30", ""),
    "by the end of March 2014": ("2014-03-31", ""),
    "Jan\u2013Mar 2014": ("2014-03-31", ""),  # a range ends with its last month
    "April 2013 \u2013 March 2014": ("2014-03-31", ""),
    "December 2013 (revised to March 2014)": ("2014-03-31", ""),
    "March 2014 tbc": ("2014-03-31", "tbc"),
    "To be confirmed": ("", "tbc"),
    "Completed by March 2014": ("2014-03-31", ""),  # "completed by" is when it is due
    "Completed January 2013": ("", "complete"),
    "With immediate effect": ("", "immediate"),
    "n/a": ("", ""),
    "See progress column": ("", "unread"),
    "Now complete": ("", "complete"),
    "March/April 2014": ("2014-04-30", ""),
    "w/c 3 March 2014": ("2014-03-09", ""),  # the week ends on the Sunday
    "13/14": ("2014-03-31", ""),  # the financial year 2013/14
    "03/14": ("2014-03-31", ""),  # March 2014
    "29 February 2016": ("2016-02-29", ""),
}

# Every target date printed in the test papers (samplegen/layouts.py) and the real-world
# development set (../shared/realworld-examples), each with a year or no date at all.
PAPER_FORMS = {
    "September 2023": ("2023-09-30", ""), "October 2023": ("2023-10-31", ""),
    "November 2023": ("2023-11-30", ""), "December 2023": ("2023-12-31", ""),
    "January 2024": ("2024-01-31", ""), "February 2024": ("2024-02-29", ""),  # 2024 is a leap year
    "March 2024": ("2024-03-31", ""), "April 2024": ("2024-04-30", ""), "May 2024": ("2024-05-31", ""),
    "June 2024": ("2024-06-30", ""), "July 2024": ("2024-07-31", ""), "September 2024": ("2024-09-30", ""),
    "October 2024": ("2024-10-31", ""), "December 2024": ("2024-12-31", ""), "March 2025": ("2025-03-31", ""),
    "Monthly": ("", "ongoing"), "Quarterly": ("", "ongoing"), "Termly": ("", "ongoing"),
    "Monthly from January 2024": ("", "ongoing"), "Quarterly from December 2023": ("", "ongoing"),
    "Quarterly from January 2024": ("", "ongoing"), "Quarterly from July 2024": ("", "ongoing"),
    "Immediate": ("", "immediate"),
    "Complete \u2013 protocol signed by all partners on 1 February 2024": ("", "complete"),
    # realworld-examples
    "April 2020": ("2020-04-30", ""), "June 2020 onwards": ("", "ongoing"), "March 2020": ("2020-03-31", ""),
    "July 2023 and ongoing": ("2023-07-31", "ongoing"), "Complete": ("", "complete"), "August 2008": ("2008-08-31", ""),
    "Ongoing": ("", "ongoing"), "": ("", ""),
}


def _read(text: str, plan_date: str = AUGUST_2013, others: tuple[str, ...] = ()) -> tuple[str, str]:
    due = targets_to_deadlines([text, *others], plan_date)[0]
    assert due.note in NOTES + ("",)
    return due.due_date, due.note


@pytest.mark.parametrize("text,expected", list(ISSUE_FORMS.items()), ids=lambda x: repr(x))
def test_every_form_in_the_issue_gives_its_date_or_note(text: str, expected: tuple[str, str]) -> None:
    assert _read(text) == expected


@pytest.mark.parametrize("text,expected", list(MORE_FORMS.items()), ids=lambda x: repr(x))
def test_more_council_forms(text: str, expected: tuple[str, str]) -> None:
    assert _read(text) == expected


@pytest.mark.parametrize("text,expected", list(PAPER_FORMS.items()), ids=lambda x: repr(x))
def test_target_dates_of_the_test_papers(text: str, expected: tuple[str, str]) -> None:
    assert _read(text, "2024-05-31") == expected


def test_every_target_date_of_the_layout_papers_has_its_expectation() -> None:
    printed = {value for layout in LAYOUTS if layout.paper.plan for a in layout.paper.plan.actions
               for column, value in a.extras if column == "target_date"}
    assert printed and printed <= set(PAPER_FORMS)


@pytest.mark.parametrize("name", ["03_kingsmere_status_words.docx", "05_calderbrook_column_names.docx",
                                  "07b_ketterby_lettered_numbers.pdf", "07c_ribbleford_numbers_per_recommendation.docx",
                                  "08_fenwick_lead_cells.docx"])
def test_due_dates_are_read_whatever_the_plan_calls_the_column(name: str) -> None:
    """"Timescale", "By when", "Completion date", "Deadline", "Target date"."""
    tables = run_file(ROOT / "tests" / "fixtures" / "layouts" / name)
    assert tables.actions
    for row in tables.actions:
        assert (row.due_date, row.due_date_note) == PAPER_FORMS[row.extras["target_date"]], row.action_key


def test_the_columns_follow_warnings() -> None:
    at = ACTION_COLUMNS.index("warnings")
    assert ACTION_COLUMNS[at + 1:] == ("due_date", "due_date_note")


# --- a year left out ---------------------------------------------------------------

def test_a_month_without_its_year_takes_the_plans_and_says_so() -> None:
    due = targets_to_deadlines(["Sept"], AUGUST_2013)[0]
    assert due.due_date == "2013-09-30"
    assert due.warnings == (
        WarningItem(WarningCode.TARGET_YEAR, "target date 'Sept' names no year: 2013-09-30 read from the plan's date"),)


def test_a_month_before_the_plans_date_rolls_on_only_where_the_plans_dates_reach_it() -> None:
    assert _read("March", others=("April 2014",)) == ("2014-03-31", "")
    assert _read("March", others=("January 2014",)) == ("2013-03-31", "")  # the dates stop short of March 2014
    assert _read("March") == ("2013-03-31", "")
    rolled = targets_to_deadlines(["March", "April 2014"], AUGUST_2013)[0]
    assert rolled.warnings[0].code == WarningCode.TARGET_YEAR
    assert "2014-03-31, a year on from the plan's date" in rolled.warnings[0].message


def test_a_quarter_without_its_year_is_of_the_plans_financial_year() -> None:
    assert _read("Q4") == ("2014-03-31", "")  # 2013/14 ends in March 2014: after the plan's date already
    assert _read("Q1") == ("2013-06-30", "")
    assert _read("Q1", others=("September 2014",)) == ("2014-06-30", "")
    assert _read("end Q3", "2014-02-14") == ("2013-12-31", "")  # February 2014 is still in 2013/14


def test_the_plans_document_date_stands_in_for_its_as_at_date() -> None:
    assert _read("Sept", "") == ("", "unread")
    assert _read("December", "2013-11-07") == ("2013-12-31", "")
    warned = targets_to_deadlines(["Sept"], "")[0]
    assert warned.warnings == (WarningItem(WarningCode.TARGET_YEAR, "target date 'Sept' names no year and the plan no date"),)


def test_two_digits_after_a_month_are_a_day_when_far_from_the_plans_year() -> None:
    assert _read("June 30", "2024-05-31") == ("2024-06-30", "")
    assert _read("Sept 13", "2024-05-31") == ("2024-09-13", "")
    assert _read("Sept 25", "2024-05-31") == ("2025-09-30", "")


def test_a_calendar_quarter_is_flagged_and_unread_text_quoted() -> None:
    assert targets_to_deadlines(["Q1 2025"], AUGUST_2013)[0].warnings == (
        WarningItem(WarningCode.TARGET_DATE, "Q1 2025 read as a calendar quarter, not a financial one"),)
    assert targets_to_deadlines(["See progress column"], AUGUST_2013)[0].warnings == (
        WarningItem(WarningCode.TARGET_DATE, "target date 'See progress column' not read as a date"),)


# --- two versions of a plan: overdue and date_moved -----------------------------------

V1, V2 = "plan-v1.pdf", "plan-v2.pdf"
# (status, target date) in each version, for the first eight actions of samplegen's plan.
# Version 2 is as at 2013-11-07 (its meeting on 2013-11-20 does not count).
HISTORY = (
    (("Amber", "September 2013"), ("Amber", "September 2013")),  # overdue: 38 days
    (("Amber", "October 2013"), ("Amber", "March 2014")),  # pushed back: not overdue, date moved
    (("Amber", "Sept 13"), ("Green", "Sept 13")),  # past due but done
    (("Red", "Ongoing"), ("Red", "Ongoing")),  # no date, never overdue
    (("Amber", "end Q2"), ("Red", "Q2 2013/14")),  # 2013-09-30 both times: overdue 38 days
    (("Amber", "31.10.13"), ("Blue", "31.10.13")),  # done and embedded
    (("Red", "October 2013"), ("Red", "31 October 2013")),  # overdue 7 days; the same date
    (("Amber", "December 2013"), ("Amber", "Autumn term 2013")),  # 2013-12-31 both times
)


def _version(source: str, as_at: str, document_date: str, k: int) -> PaperResult:
    actions = tuple(replace(a, rag=HISTORY[i][k][0]) for i, a in enumerate(base_actions()[:len(HISTORY)]))
    result = version_to_result(PlanVersion(source, as_at, document_date, "running", actions))
    assert result.extraction is not None
    for raw, history in zip(result.extraction.actions, HISTORY, strict=True):
        raw.extras["target_date"] = history[k][1]
    return result


def _two_versions() -> Tables:
    return results_to_tables([_version(V1, AUGUST_2013, "", 0), _version(V2, "2013-11-07", "2013-11-20", 1)])


def _by_text(rows: list[ProgressRow]) -> list[ProgressRow]:
    texts = [a.text for a in base_actions()[:len(HISTORY)]]
    return sorted(rows, key=lambda r: texts.index(r.action_text))


def test_overdue_and_date_moved_across_two_versions() -> None:
    tables = _two_versions()
    progress = _by_text(tables.progress)
    assert [p.due_date for p in progress] == ["2013-09-30", "2014-03-31", "2013-09-30", "", "2013-09-30",
                                              "2013-10-31", "2013-10-31", "2013-12-31"]
    assert [p.overdue for p in progress] == [True, False, False, False, True, False, True, False]
    assert [p.days_overdue for p in progress] == [38, None, None, None, 38, None, 7, None]
    assert [p.date_moved for p in progress] == [False, True, False, False, False, False, False, False]
    assert [(s.version, s.overdue) for s in tables.summary] == [("2013-08-09", 0), ("2013-11-07", 3)]


def test_rows_of_each_version_keep_their_own_due_dates() -> None:
    rows: dict[str, list[ActionRow]] = {}
    for r in _two_versions().actions:
        rows.setdefault(r.source_file, []).append(r)
    assert [r.due_date for r in rows[V1]][:2] == ["2013-09-30", "2013-10-31"]
    assert [r.due_date for r in rows[V2]][:2] == ["2013-09-30", "2014-03-31"]
    assert WarningItem(WarningCode.TARGET_YEAR,  # "end Q2" names no year
                       "target date 'end Q2' names no year: 2013-09-30 read from the plan's date") in rows[V1][4].warnings


def test_a_version_without_an_as_at_date_is_overdue_by_its_document_date() -> None:
    tables = results_to_tables([_version(V2, "", "2013-11-20", 1)])
    first = _by_text(tables.progress)[0]
    assert (first.overdue, first.days_overdue) == (True, 51)  # 30 September to 20 November


def test_the_workbook_lists_overdue_actions_first_with_how_late(tmp_path: Path) -> None:
    write_outputs(_two_versions(), tmp_path, OutputSettings(formats=("xlsx",)))
    ws = openpyxl.load_workbook(tmp_path / "actionplans.xlsx")["Progress"]
    header = [c.value for c in ws[1]]
    days, overdue = header.index("days_overdue"), header.index("overdue")
    rows = [[c.value for c in r] for r in ws.iter_rows(min_row=2)]
    assert [r[days] for r in rows[:4]] == [38, 38, 7, None]
    assert [r[overdue] for r in rows] == [True] * 3 + [False] * 5
    assert ws.cell(2, days + 1).fill.fgColor.rgb == "00FFC7CE"  # in Red's colours


def test_the_report_shows_overdue_actions_first_with_how_late(tmp_path: Path) -> None:
    tables = _two_versions()
    write_outputs(tables, tmp_path, OutputSettings(formats=("html",)))
    page = parse(tmp_path / "report.html")
    section = page.find_all("section", **{"class": "plan"})[0]
    lists = [t.attrs["data-list"] for t in section.find_all("table") if "data-list" in t.attrs]
    assert lists[0] == "overdue"
    overdue = section.find_all("table", **{"data-list": "overdue"})[0]
    late = [d.attrs["data-days"] for d in overdue.find_all("div", **{"class": "late"})]
    assert late == ["38", "38", "7"]
    assert "38 days late" in overdue.all_text() and "due 2013-09-30" in overdue.all_text()
    cards = {c.attrs["data-stat"]: c.all_text() for c in page.find_all("div", **{"class": "card"})}
    assert cards["overdue"].startswith("3overdue")
