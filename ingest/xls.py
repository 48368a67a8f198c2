"""Read a legacy Excel workbook (.xls, Excel 97-2003) into the document model with xlrd.

As for .xlsx: each visible sheet's title lines and tables, solid fills as colours from
the workbook's palette, merged cells, hidden rows, columns and sheets left out and
counted. xlrd reads the values Excel saved; formulas are never calculated.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

import xlrd
from xlrd.compdoc import CompDocError

from actionplans.ingest.errors import IngestError, one_line
from actionplans.ingest.model import Block, Document
from actionplans.ingest.sheets import SheetCell, SheetGrid, grid_to_blocks
from actionplans.ingest.xlsx import cell_text

WHAT = "Excel 97-2003 workbook"
_SOLID = 1  # BIFF fill pattern: solid


def read_xls(path: Path, source: str) -> Document:
    try:
        book = xlrd.open_workbook(str(path), formatting_info=True, on_demand=True, logfile=_Quiet())
    except (xlrd.XLRDError, CompDocError, AssertionError, IndexError, KeyError, ValueError, EOFError) as exc:
        raise IngestError("bad_xls", f"damaged {WHAT}: {one_line(str(exc), 80) or type(exc).__name__}") from exc
    blocks: list[Block] = []
    warnings: list[str] = []
    try:
        for index in range(book.nsheets):
            sheet = book.sheet_by_index(index)
            if sheet.visibility:
                warnings.append(f"hidden sheet {sheet.name!r} skipped")
                continue
            found, left_out = grid_to_blocks(_grid(book, sheet))
            blocks += found
            warnings += left_out
    finally:
        book.release_resources()
    return Document(source=source, format="xls", pages=None, blocks=blocks, warnings=warnings)


def _grid(book: Any, sheet: Any) -> SheetGrid:
    grid = SheetGrid(sheet.name)
    for r in range(sheet.nrows):
        for c in range(sheet.row_len(r)):
            cell = sheet.cell(r, c)
            xf = book.xf_list[cell.xf_index] if cell.xf_index is not None else None
            text = _text(book, cell, xf)
            fill = _fill(book, xf)
            if text or fill:
                bold = xf is not None and bool(book.font_list[xf.font_index].bold)
                grid.cells[r, c] = SheetCell(text, fill, bold)
    grid.merges = [(rlo, clo, rhi - 1, chi - 1) for rlo, rhi, clo, chi in sheet.merged_cells]
    grid.hidden_rows = {r for r, info in sheet.rowinfo_map.items() if info.hidden}
    grid.hidden_cols = {c for c, info in sheet.colinfo_map.items() if info.hidden}
    return grid


def _text(book: Any, cell: Any, xf: Any) -> str:
    if cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK, xlrd.XL_CELL_ERROR):
        return ""
    fmt = book.format_map.get(xf.format_key) if xf is not None else None
    number_format = fmt.format_str if fmt is not None else "General"
    if cell.ctype == xlrd.XL_CELL_DATE:
        try:
            return cell_text(xlrd.xldate_as_datetime(cell.value, book.datemode), number_format)
        except (xlrd.xldate.XLDateError, OverflowError, ValueError):
            return ""
    if cell.ctype == xlrd.XL_CELL_BOOLEAN:
        return cell_text(bool(cell.value))
    return cell_text(cell.value, number_format)


def _fill(book: Any, xf: Any) -> str | None:
    if xf is None or xf.background.fill_pattern != _SOLID:
        return None
    rgb = book.colour_map.get(xf.background.pattern_colour_index)
    return "".join(f"{v:02X}" for v in rgb) if rgb else None


class _Quiet:
    """xlrd's log: its remarks on odd records are nobody's business here."""

    def write(self, _text: str) -> None:
        pass
