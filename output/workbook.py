"""actionplans.xlsx: the run's tables as an analyst's workbook. One sheet per table,
header frozen and bold, filters on, widths to fit, long text wrapped, dates as dates,
RAG cells in their colour, each paper's name a link to the paper. The Progress sheet
lists each plan's overdue actions first, the latest first, their lateness in red."""
from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Mapping
from datetime import date
from pathlib import Path

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from actionplans.extract.records import EVIDENCE_COLUMN
from actionplans.output.describe import ISO_DATE, field_type
from actionplans.output.links import source_href
from actionplans.output.settings import OutputSettings
from actionplans.vocabulary import Vocabulary

SHEETS = {"actions": "Actions", "progress": "Progress", "summary": "Summary", "documents": "Documents",
          "abbreviations": "Abbreviations"}
HEADER_FILL = PatternFill("solid", fgColor="DDE3EA")
# Deadline cells that call for attention, in a status's colours: late in Red's, a due
# date pushed back in Amber's.
FLAG_STYLES = {"overdue": "Red", "days_overdue": "Red", "date_moved": "Amber"}
DATE_FORMAT = "yyyy-mm-dd"


def frames_to_workbook(frames: dict[str, pd.DataFrame], out: Path, settings: OutputSettings,
                       paths: Mapping[str, Path] | None = None) -> bytes:
    """The workbook's bytes; each paper's name links to it where ``paths`` knows where it is."""
    wb = Workbook()
    wb.remove(wb.active)
    for name, title in SHEETS.items():
        if name in frames:
            frame = overdue_first(frames[name]) if name == "progress" else frames[name]
            _write_sheet(wb.create_sheet(title), frame, out, settings, paths or {})
    buffer = io.BytesIO()
    wb.save(buffer)
    return reproducible(buffer.getvalue())


def overdue_first(progress: pd.DataFrame) -> pd.DataFrame:
    """The progress rows with each plan's overdue actions first, most days late first,
    then the others in plan order; plans stay in their order."""
    if "overdue" not in progress.columns or progress.empty:
        return progress
    plans = {p: i for i, p in enumerate(dict.fromkeys(progress["plan_id"]))}
    late = progress["days_overdue"].fillna(0).astype(int)
    keys = [(plans[p], not overdue, -days) for p, overdue, days in
            zip(progress["plan_id"], progress["overdue"], late, strict=True)]
    order = sorted(range(len(keys)), key=keys.__getitem__)
    return progress.iloc[order].reset_index(drop=True)


def rag_styles(vocabulary: Vocabulary) -> dict[str, tuple[str, str]]:
    """(fill, text colour) per status as the run's vocabulary gives them: Excel's own "good /
    neutral / bad" pastels by default, so the text stays readable on the fill."""
    return {s.name: (s.sheet_fill, s.sheet_ink) for s in vocabulary.statuses}


def _write_sheet(ws: Worksheet, frame: pd.DataFrame, out: Path, settings: OutputSettings,
                 paths: Mapping[str, Path]) -> None:
    columns = [str(c) for c in frame.columns]
    styles = rag_styles(settings.vocabulary)
    counts = {name.lower(): style for name, style in styles.items()}  # summary's "red", "amber"... columns
    ws.append(columns)
    for cell in ws[1]:
        fill, ink = counts.get(str(cell.value), ("", "000000"))
        cell.font = Font(bold=True, color=ink)
        cell.fill = PatternFill("solid", fgColor=fill) if fill else HEADER_FILL
        cell.alignment = Alignment(vertical="top", wrap_text=True)
    # A column is dates only where every value is one, as datapackage.json types it:
    # a column of version labels mixing "draft" and dates stays text, to sort as one.
    dated = [field_type(str(c), frame[c]) == "date" for c in frame.columns]
    for row in frame.itertuples(index=False, name=None):
        ws.append([cell_value(v, is_date) for v, is_date in zip(row, dated, strict=True)])
    for col_index, name in enumerate(columns, start=1):
        _style_column(ws, col_index, name, out, settings, paths, styles)
    ws.freeze_panes = "A2"
    if columns:
        ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{max(ws.max_row, 1)}"


def cell_value(value: object, is_date: bool = False) -> object:
    """A DataFrame value as the workbook should hold it: missing as empty, ISO dates (in
    a date column) as dates, text without the control characters the format cannot hold."""
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return None
    if isinstance(value, str):
        if is_date and ISO_DATE.match(value):
            try:
                return date.fromisoformat(value)
            except ValueError:
                return value
        return ILLEGAL_CHARACTERS_RE.sub("", value)
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return value


def _style_column(ws: Worksheet, col_index: int, name: str, out: Path, settings: OutputSettings,
                  paths: Mapping[str, Path], styles: dict[str, tuple[str, str]]) -> None:
    cells: list[Cell] = [row[0] for row in ws.iter_rows(min_row=2, min_col=col_index, max_col=col_index)]
    is_rag = name in ("rag", "latest_rag") or name.startswith("rag_") and name != "rag_raw"
    longest = max([len(str(name))] + [_display_length(c.value) for c in cells])
    # Prose wraps at the cap; a column of single words (hashes, file names) is given its
    # width, as a word broken over lines is worse than a wide column.
    prose = any(" " in c.value or "\n" in c.value for c in cells if isinstance(c.value, str))
    cap = settings.max_column_width if prose else max(settings.max_column_width, longest + 2)
    width = min(max(longest + 2, settings.min_column_width), cap)
    ws.column_dimensions[get_column_letter(col_index)].width = width
    wrap = prose and longest > settings.max_column_width or any("\n" in str(c.value or "") for c in cells)
    for cell in cells:
        _style_cell(cell, wrap, styles if is_rag else {})
        if name in FLAG_STYLES and cell.value not in (None, False, 0):
            fill, text = styles[FLAG_STYLES[name]]
            cell.fill = PatternFill("solid", fgColor=fill)
            cell.font = Font(color=text, bold=True)
    if name == EVIDENCE_COLUMN:  # a file beside the workbook: the link is its name
        for cell in cells:
            if cell.value:
                cell.hyperlink = str(cell.value)
                cell.font = Font(color="1F4E9A", underline="single")
    if name == "source_file":
        for cell in cells:
            if cell.value and str(cell.value) in paths:
                cell.hyperlink = source_href(paths[str(cell.value)], str(cell.value), out)
                cell.font = Font(color="1F4E9A", underline="single")


def _style_cell(cell: Cell, wrap: bool, styles: dict[str, tuple[str, str]]) -> None:
    """Dates formatted, text kept as text, and a status in its colours (``styles``: empty
    for a column that holds no status)."""
    if isinstance(cell.value, str) and cell.value.startswith("="):
        cell.data_type = "s"  # text that looks like a formula stays text, not a formula
    if isinstance(cell.value, date):
        cell.number_format = DATE_FORMAT
    cell.alignment = Alignment(vertical="top", wrap_text=wrap)
    if isinstance(cell.value, str) and cell.value in styles:
        fill, text = styles[cell.value]
        cell.fill = PatternFill("solid", fgColor=fill)
        cell.font = Font(color=text, bold=True)


def _display_length(value: object) -> int:
    if value is None:
        return 0
    if isinstance(value, date):
        return 10
    return max((len(line) for line in str(value).splitlines()), default=0)


_CORE_DATES = re.compile(rb"<dcterms:(created|modified)[^>]*>[^<]*</dcterms:\1>")


def reproducible(xlsx: bytes) -> bytes:
    """The same workbook with no clock in it (zip entry times, created/modified), so the
    same input gives the same bytes."""
    src = zipfile.ZipFile(io.BytesIO(xlsx))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = _CORE_DATES.sub(b"", data)
            dst.writestr(zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0)), data,
                         compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()
