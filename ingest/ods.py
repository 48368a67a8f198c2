"""Read an OpenDocument spreadsheet (.ods) into the document model, as an Excel
workbook is read: each visible sheet's title lines and tables (``ingest.sheets``), cell
backgrounds as fills, merged cells, hidden rows, columns and sheets left out and counted.
A formula cell is read as the value saved with it (office:value, or its text).
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from actionplans.ingest.errors import IngestError
from actionplans.ingest.model import Block, Document
from actionplans.ingest.odf import (
    MAX_REPEAT,
    OFFICE,
    TABLE,
    TEXT,
    Styles,
    open_parts,
    paragraph_text,
    properties,
    read_styles,
    table_rows,
    to_int,
)
from actionplans.ingest.safety import DocxLimits
from actionplans.ingest.sheets import SheetCell, SheetGrid, grid_to_blocks

_HIDDEN = ("collapse", "filter")


def read_ods(path: Path, source: str, limits: DocxLimits | None = None) -> Document:
    content, styles_root, meta = open_parts(path, limits or DocxLimits())
    styles = read_styles(*(r for r in (styles_root, content) if r is not None))
    book = content.find(f"{OFFICE}body/{OFFICE}spreadsheet")
    if book is None:
        raise IngestError("not_ods", "not an OpenDocument spreadsheet: its content holds no sheets")
    blocks: list[Block] = []
    warnings: list[str] = []
    for sheet in book.iter(TABLE + "table"):
        name = sheet.get(TABLE + "name", "")
        if sheet.get(TABLE + "style-name", "") in styles.hidden:
            warnings.append(f"hidden sheet {name!r} skipped")
            continue
        found, left_out = grid_to_blocks(_grid(sheet, name, styles))
        blocks += found
        warnings += left_out
    return Document(source=source, format="ods", pages=None, blocks=blocks, properties=properties(meta),
                    warnings=warnings)


def _grid(sheet: Any, name: str, styles: Styles) -> SheetGrid:
    grid = SheetGrid(name)
    defaults = _column_defaults(sheet, grid)
    r = 0
    for tr in table_rows(sheet):
        repeat = to_int(tr.get(TABLE + "number-rows-repeated"), 1)
        row = _row(grid, tr, r, styles, defaults)
        copies = min(repeat, MAX_REPEAT) if row else 1
        for k in range(1, copies):  # a repeated row that holds something holds it on each
            grid.cells.update({(r + k, c): v for c, v in row.items()})
        if tr.get(TABLE + "visibility") in _HIDDEN:
            grid.hidden_rows.update(range(r, r + copies))
        r += repeat
    return grid


def _column_defaults(sheet: Any, grid: SheetGrid) -> dict[int, str]:
    """Each column's default cell style; hidden columns noted on the grid."""
    out: dict[int, str] = {}
    c = 0
    for col in sheet.iter(TABLE + "table-column"):
        repeat = to_int(col.get(TABLE + "number-columns-repeated"), 1)
        for k in range(min(repeat, MAX_REPEAT)):
            out[c + k] = col.get(TABLE + "default-cell-style-name", "")
            if col.get(TABLE + "visibility") in _HIDDEN:
                grid.hidden_cols.add(c + k)
        c += repeat
    return out


def _row(grid: SheetGrid, tr: Any, r: int, styles: Styles, defaults: dict[int, str]) -> dict[int, SheetCell]:
    """The row's cells onto the grid; those that hold something, by column."""
    c = 0
    filled: dict[int, SheetCell] = {}
    for tc in tr:
        if tc.tag not in (TABLE + "table-cell", TABLE + "covered-table-cell"):
            continue
        repeat = to_int(tc.get(TABLE + "number-columns-repeated"), 1)
        value = _value(tc, styles, defaults.get(c, ""))
        if value is not None and tc.tag == TABLE + "table-cell":
            for k in range(min(repeat, MAX_REPEAT)):
                grid.cells[r, c + k] = filled[c + k] = value
            down = to_int(tc.get(TABLE + "number-rows-spanned"), 1)
            across = to_int(tc.get(TABLE + "number-columns-spanned"), 1)
            if down > 1 or across > 1:
                grid.merges.append((r, c, r + down - 1, c + across - 1))
        c += repeat
    return filled


def _value(tc: Any, styles: Styles, default_style: str) -> SheetCell | None:
    style = tc.get(TABLE + "style-name") or default_style
    text = "\n".join(paragraph_text(p) for p in tc.iter(TEXT + "p")).strip()
    if not text and tc.get(OFFICE + "value") is not None:
        text = tc.get(OFFICE + "value", "")
    fill = styles.fill.get(style)
    if not text and not fill:
        return None
    return SheetCell(text, fill, styles.is_bold(style))
