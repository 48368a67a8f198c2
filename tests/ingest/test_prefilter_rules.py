"""The first pass's two newer signs of a plan's table (issue 22), on pages built here:
a plan's header printed cell by cell (its cells side by side, each a line of its own),
and a ruled or column-set page whose rows read as a plan's whatever its header says.
Running text with the same words, and a form's labelled fields, are neither."""
from __future__ import annotations

from actionplans.ingest.prefilter import (
    PageText,
    PrefilterSettings,
    has_plan_rows,
    is_band_head,
    pages_to_analyse,
    plan_evidence,
)

SETTINGS = PrefilterSettings()
ONE_BY_ONE = PrefilterSettings(min_pages=1, cover_pages=0, neighbours=0)


def _page(number: int, cells: list[tuple[str, float, float]], paths: int | None = 40) -> PageText:
    """A page of lines, each (text, x0, top), one pseudo-word per line as PDFium gives."""
    words = [{"text": t, "x0": x, "x1": x + 6.0 * len(t), "top": top, "bottom": top + 10.0, "size": 10.0,
              "fontname": ""} for t, x, top in cells]
    # Each line measured as one run of characters: no line is a header row on its own.
    runs = {i: [(w["x0"], w["x1"], w["text"])] for i, w in enumerate(words)}
    return PageText(number=number, height=842, lines=[t for t, _, _ in cells], spread=[0.5] * len(cells),
                    words=words, has_text=True, paths=paths, runs=runs)


HEADER_CELLS = [("Ref.", 40.0, 100.0), ("Theme", 80.0, 100.0), ("Action", 200.0, 100.0),
                ("Action Owner", 420.0, 100.0), ("Target start", 560.0, 100.0), ("date", 560.0, 112.0)]


def test_header_cells_side_by_side_are_a_plans_header() -> None:
    page = _page(1, HEADER_CELLS)
    assert is_band_head(page, SETTINGS)
    assert plan_evidence(page, SETTINGS) == "a plan's header cells side by side"


def test_header_words_one_above_another_are_not_a_header_row() -> None:
    stacked = [("Action", 56.0, 100.0), ("Lead officer", 56.0, 114.0)]  # one column: a list, not a row
    far = [("Action", 56.0, 100.0), ("Lead officer", 300.0, 400.0)]  # apart on the page
    assert not is_band_head(_page(1, stacked), SETTINGS) and not is_band_head(_page(1, far), SETTINGS)


def test_a_cover_sheets_title_and_labelled_fields_are_not_a_header_row() -> None:
    cover = [("INSPECTION ACTION PLAN", 173.0, 178.0), ("LEAD OFFICER: KAREN REEVE", 71.0, 180.0),
             ("The action plan is attached, and the lead officer will report on progress.", 300.0, 182.0)]
    assert not is_band_head(_page(1, cover), SETTINGS)


ROWS = [("Fit LED lighting in every depot", 60.0, 200.0), ("Head of Estates", 300.0, 200.0),
        ("March 2026", 450.0, 200.0), ("Replace the civic centre's boilers", 60.0, 240.0),
        ("Energy Manager", 300.0, 240.0), ("Q3 2026/27", 450.0, 240.0),
        ("Solar panels on the leisure centres", 60.0, 280.0), ("Director of Place", 300.0, 280.0),
        ("September 2025", 450.0, 280.0)]


def test_rows_of_posts_beside_due_dates_read_as_a_plans_rows_on_a_ruled_page() -> None:
    page = _page(2, ROWS)
    assert has_plan_rows(page, SETTINGS)
    assert plan_evidence(page, SETTINGS) == "a table whose rows read as a plan's"
    assert pages_to_analyse([_page(1, [("Contents", 56.0, 90.0)]), page], ONE_BY_ONE) == {2}


def test_status_values_ending_a_tables_lines_read_as_a_plans_rows() -> None:
    cells = [("Review the threshold document", 60.0, 100.0), ("On track", 450.0, 100.0),
             ("Audit twenty records a month", 60.0, 130.0), ("Complete", 450.0, 130.0),
             ("Train every team manager", 60.0, 160.0), ("Behind schedule", 450.0, 160.0)]
    assert has_plan_rows(_page(1, cells), SETTINGS)


def test_plan_like_rows_in_running_text_are_skipped() -> None:
    # The same cells, but a page of running text with no drawing: no table can be on it.
    prose = [(f"The council continues to review the strategy in line with priority {i}.", 56.0, 50.0 + 14 * i)
             for i in range(12)]
    page = _page(1, prose + ROWS, paths=0)
    page.words = [{**w, "x0": 56.0} for w in page.words]  # every line at the margin: set solid
    assert has_plan_rows(page, SETTINGS) and plan_evidence(page, SETTINGS) is None


def test_numbers_and_words_without_dates_or_posts_are_no_plans_rows() -> None:
    budget = [("Libraries", 60.0, 100.0), ("1,200", 300.0, 100.0), ("Highways", 60.0, 120.0),
              ("10,237", 300.0, 120.0), ("Waste", 60.0, 140.0), ("3,860", 300.0, 140.0)]
    assert not has_plan_rows(_page(1, budget), SETTINGS) and plan_evidence(_page(1, budget), SETTINGS) is None
