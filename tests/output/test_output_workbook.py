"""actionplans.xlsx as an analyst opens it: sheets, frozen bold header, filters, widths,
wrapped text, real dates, RAG fills, links to the papers, text that stays text."""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest
from openpyxl.worksheet.worksheet import Worksheet
from test_output_data import APR, FORMULA, make_inputs, make_tables

from actionplans.normalise.rows import PROGRESS_COLUMNS
from actionplans.output import OutputSettings, write_outputs


@pytest.fixture(scope="module")
def book(tmp_path_factory: pytest.TempPathFactory) -> openpyxl.Workbook:
    root = tmp_path_factory.mktemp("book")
    settings = OutputSettings(formats=("xlsx",), inputs=(root / "in",))
    write_outputs(make_tables(make_inputs(root / "in")), root / "out", settings)
    return openpyxl.load_workbook(root / "out" / "actionplans.xlsx")


def _column(ws: Worksheet, name: str) -> int:
    return [c.value for c in ws[1]].index(name) + 1


def _row(ws: Worksheet, **match: object) -> int:
    cols = {k: _column(ws, k) for k in match}
    for r in range(2, ws.max_row + 1):
        if all(ws.cell(r, c).value == match[k] for k, c in cols.items()):
            return r
    raise AssertionError(f"no row with {match}")


def test_sheets_in_order(book: openpyxl.Workbook) -> None:
    assert book.sheetnames == ["Actions", "Progress", "Summary", "Documents", "Abbreviations"]


@pytest.mark.parametrize("sheet,rows,last", [("Actions", 9, "S"), ("Progress", 6, "U"), ("Summary", 3, "P"),
                                             ("Documents", 5, "P"), ("Abbreviations", 3, "C")])
def test_header_frozen_bold_and_filtered(book: openpyxl.Workbook, sheet: str, rows: int, last: str) -> None:
    ws = book[sheet]
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == f"A1:{last}{rows}"
    assert ws.max_row == rows
    assert all(c.font.bold for c in ws[1])


def test_rag_cells_filled_in_their_colour(book: openpyxl.Workbook) -> None:
    ws = book["Actions"]
    rag = _column(ws, "rag")
    fills = {ws.cell(r, rag).value: ws.cell(r, rag).fill.fgColor.rgb for r in range(2, ws.max_row + 1)}
    assert fills == {"Red": "00FFC7CE", "Amber": "00FFEB9C", "Green": "00C6EFCE"}
    assert ws.cell(2, _column(ws, "rag_raw")).fill.fill_type is None  # as printed: not coloured
    progress = book["Progress"]
    row = _row(progress, action_number="1")
    assert progress.cell(row, _column(progress, "rag_2024-01-31")).fill.fgColor.rgb == "00FFEB9C"
    assert progress.cell(row, _column(progress, "rag_2024-04-30")).fill.fgColor.rgb == "00FFC7CE"
    assert progress.cell(row, _column(progress, "latest_rag")).fill.fgColor.rgb == "00FFC7CE"
    assert [c.value for c in progress[1]][:6] == list(PROGRESS_COLUMNS[:6])


def test_dates_are_dates_and_text_stays_text(book: openpyxl.Workbook) -> None:
    ws = book["Actions"]
    row = _row(ws, source_file=APR, action_number="5")
    as_at = ws.cell(row, _column(ws, "plan_as_at"))
    assert as_at.value == datetime(2024, 4, 30) and as_at.number_format == "yyyy-mm-dd"
    text = ws.cell(row, _column(ws, "action_text"))
    assert (text.value, text.data_type) == (FORMULA, "s")  # shown as written, never run
    assert ws.cell(row, _column(ws, "action_number")).value == "5"  # numbers as printed stay text
    assert ws.cell(row, _column(ws, "Target date")).value == "@once"  # not a date column
    assert ws.cell(row, _column(ws, "page")).value == 5
    assert ws.cell(row, _column(ws, "action_number_inferred")).value is False


def test_each_action_links_to_its_paper(book: openpyxl.Workbook) -> None:
    ws = book["Actions"]
    cell = ws.cell(_row(ws, source_file=APR, action_number="5"), _column(ws, "source_file"))
    assert cell.hyperlink.target == "../in/plan-apr.pdf"


def test_widths_fit_and_long_text_wraps(book: openpyxl.Workbook) -> None:
    ws = book["Documents"]
    widths = {c.value: ws.column_dimensions[c.column_letter].width for c in ws[1]}
    assert widths["sha256"] == 66  # a 64-character word is not wrapped nor cut
    assert widths["status"] == 9  # "no_plan" plus padding, above the minimum of 8
    actions = book["Actions"]
    col = _column(actions, "recommendation_text")
    assert actions.column_dimensions[actions.cell(1, col).column_letter].width == 34
    lead = _column(actions, "lead_officers")
    assert not actions.cell(2, lead).alignment.wrap_text


def test_long_prose_wraps_at_the_cap(tmp_path: Path) -> None:
    tables = make_tables()
    tables.actions[0] = replace(tables.actions[0], action_text="word " * 40)
    write_outputs(tables, tmp_path, OutputSettings(formats=("xlsx",)))
    ws = openpyxl.load_workbook(tmp_path / "actionplans.xlsx")["Actions"]
    col = _column(ws, "action_text")
    assert ws.column_dimensions[ws.cell(1, col).column_letter].width == 60
    assert ws.cell(2, col).alignment.wrap_text is True


def test_same_tables_same_workbook_bytes(tmp_path: Path) -> None:
    for name in ("a", "b"):
        write_outputs(make_tables(), tmp_path / name, OutputSettings(formats=("xlsx",)))
    assert (tmp_path / "a" / "actionplans.xlsx").read_bytes() == (tmp_path / "b" / "actionplans.xlsx").read_bytes()
