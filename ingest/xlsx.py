"""Read an Excel workbook (.xlsx, .xlsm, templates) into the document model with openpyxl.

Each visible sheet becomes its title lines and tables (``ingest.sheets``); a cell's solid
fill is its colour, as a Word cell's shading is (standard, indexed and theme colours,
tints applied). Formulas are read as the values Excel saved with them (``data_only``):
nothing is ever calculated, and macros are neither run nor read.
"""
from __future__ import annotations

import colorsys
import datetime as dt
import io
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
from lxml import etree
from openpyxl.styles.colors import COLOR_INDEX
from openpyxl.utils.exceptions import InvalidFileException

from actionplans.ingest.errors import IngestError, one_line
from actionplans.ingest.model import Block, Document
from actionplans.ingest.packages import SAFE_XML, check_package
from actionplans.ingest.safety import DocxLimits
from actionplans.ingest.sheets import SheetCell, SheetGrid, grid_to_blocks

WHAT = "Excel workbook"


def read_xlsx(path: Path, source: str, limits: DocxLimits | None = None) -> Document:
    check_package(path, limits or DocxLimits(), WHAT)
    try:
        # A file object: openpyxl judges a path by its extension, and a .xlsm is as readable.
        with open(path, "rb") as fh:
            book = openpyxl.load_workbook(io.BytesIO(fh.read()), data_only=True, keep_vba=False, keep_links=False)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, etree.XMLSyntaxError, SyntaxError) as exc:
        raise IngestError("bad_xlsx", f"damaged {WHAT}: {one_line(str(exc), 80) or type(exc).__name__}") from exc
    theme = _theme_colours(book.loaded_theme)
    blocks: list[Block] = []
    warnings: list[str] = []
    for sheet in book.worksheets:
        if sheet.sheet_state != "visible":
            warnings.append(f"hidden sheet {sheet.title!r} skipped")
            continue
        found, left_out = grid_to_blocks(_grid(sheet, theme))
        blocks += found
        warnings += left_out
    props = book.properties
    properties = {k: v for k, v in (("title", props.title or ""), ("author", props.creator or "")) if v}
    return Document(source=source, format="xlsx", pages=None, blocks=blocks, properties=properties,
                    warnings=warnings)


def _grid(sheet: Any, theme: list[str]) -> SheetGrid:
    grid = SheetGrid(sheet.title)
    # The cells the file holds: iterating the sheet's bounding range instead would walk a
    # million empty rows of a column formatted to its end.
    for (r, c), cell in sheet._cells.items():
        text = cell_text(cell.value, cell.number_format)
        fill = _fill(cell.fill, theme)
        if text or fill:
            grid.cells[r - 1, c - 1] = SheetCell(text, fill, bool(cell.font and cell.font.b))
    grid.merges = [(m.min_row - 1, m.min_col - 1, m.max_row - 1, m.max_col - 1) for m in sheet.merged_cells.ranges]
    grid.hidden_rows = {r - 1 for r, dim in sheet.row_dimensions.items() if dim.hidden}
    for dim in sheet.column_dimensions.values():
        if dim.hidden and dim.min and dim.max:
            grid.hidden_cols.update(range(dim.min - 1, dim.max))
    return grid


def cell_text(value: object, number_format: str = "General") -> str:
    """A cell's value as Excel shows it, near enough: whole numbers without ".0",
    percentages as percentages, dates as a person writes them ("31 March 2024", or
    "March 2024" where the format shows no day)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, dt.datetime | dt.date):
        shows_day = "d" in number_format.lower().replace("[red]", "")
        return f"{value.day} {value:%B %Y}" if shows_day else f"{value:%B %Y}"
    if isinstance(value, float):
        if "%" in number_format:
            return f"{value * 100:g}%"
        return str(int(value)) if value.is_integer() else f"{value:g}"
    return str(value).replace("\r\n", "\n").strip()


def _fill(fill: Any, theme: list[str]) -> str | None:
    if fill is None or getattr(fill, "fill_type", None) != "solid":
        return None
    return colour_hex(fill.fgColor, theme)


def colour_hex(colour: Any, theme: list[str]) -> str | None:
    """"RRGGBB" of an openpyxl colour: ARGB, an index into the legacy palette, or a theme
    colour with its tint."""
    kind = getattr(colour, "type", None)
    if kind == "rgb" and isinstance(colour.rgb, str) and len(colour.rgb) >= 6:
        return colour.rgb[-6:].upper()
    if kind == "indexed" and isinstance(colour.indexed, int) and colour.indexed < len(COLOR_INDEX) - 2:
        return COLOR_INDEX[colour.indexed][-6:].upper()
    if kind == "theme" and isinstance(colour.theme, int) and colour.theme < len(theme):
        return _tinted(theme[colour.theme], float(colour.tint or 0.0))
    return None


_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
# Excel numbers theme colours light-then-dark; the theme part lists them dark-then-light.
_THEME_ORDER = ("lt1", "dk1", "lt2", "dk2", "accent1", "accent2", "accent3", "accent4", "accent5", "accent6",
                "hlink", "folHlink")


def _theme_colours(xml: bytes | None) -> list[str]:
    if not xml:
        return []
    try:
        root = etree.fromstring(xml, SAFE_XML)
    except etree.XMLSyntaxError:
        return []
    scheme = root.find(f".//{_A}clrScheme")
    if scheme is None:
        return []
    out = []
    for name in _THEME_ORDER:
        el = scheme.find(_A + name)
        value = el[0].get("lastClr") or el[0].get("val") if el is not None and len(el) else None
        out.append((value or "000000").upper()[-6:])
    return out


def _tinted(rgb: str, tint: float) -> str:
    """Excel's tint: lightness moved towards white (tint > 0) or black (tint < 0)."""
    if not tint:
        return rgb
    r, g, b = (int(rgb[i:i + 2], 16) / 255 for i in (0, 2, 4))
    h, lum, s = colorsys.rgb_to_hls(r, g, b)
    lum = lum * (1 + tint) if tint < 0 else lum * (1 - tint) + tint
    return "".join(f"{round(v * 255):02X}" for v in colorsys.hls_to_rgb(h, lum, s))
