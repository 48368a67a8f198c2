"""A worksheet (Excel or OpenDocument) as the document model: each sheet's table of
cells, whichever library read it.

A sheet is a grid, not a page: a title typed in its top cell, a blank row, then the
table. Rows of one filled cell above a table are its title lines (paragraphs); blank
rows split a sheet into blocks, and blocks spanning the same columns are one table
again (a plan with a blank row between its recommendations). A merged cell gives its
content to the first row it covers and marks the rows below ``continued``, as Word's
vertical merges are; hidden rows and columns are left out and counted.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from actionplans.ingest.model import Block, Cell, Paragraph, Row, Table


@dataclass(frozen=True)
class SheetCell:
    text: str
    fill: str | None = None  # "RRGGBB"
    bold: bool = False


@dataclass
class SheetGrid:
    """One sheet as a reader found it; rows and columns 0-based."""

    name: str
    cells: dict[tuple[int, int], SheetCell] = field(default_factory=dict)
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)  # first row, col, last row, col
    hidden_rows: set[int] = field(default_factory=set)
    hidden_cols: set[int] = field(default_factory=set)


def grid_to_blocks(grid: SheetGrid) -> tuple[list[Block], list[str]]:
    """The sheet's title lines and tables, and warnings for what was left out."""
    last_row = max((r for r, _ in grid.cells), default=-1)
    last_col = max((c for _, c in grid.cells), default=-1)
    # Merges reach no further than the cells: one running to the sheet's end holds nothing there.
    merges = [(r0, c0, min(r1, last_row), min(c1, last_col)) for r0, c0, r1, c1 in grid.merges
              if r0 <= last_row and c0 <= last_col]
    visible_rows = _kept({r for r, _ in grid.cells}, grid.hidden_rows)
    visible_cols = _kept({c for _, c in grid.cells}, grid.hidden_cols)
    merge_at = _merge_index(merges, visible_rows, visible_cols)
    lines = [_row(grid, merge_at, r, visible_rows, visible_cols) for r in visible_rows]
    return _blocks(grid.name, lines), _hidden(grid)


def _kept(used: set[int], hidden: set[int]) -> list[int]:
    """The visible rows (or columns) up to the last one holding a cell, each run of empty
    ones kept as its first alone: blank rows split a sheet as one does (and rows a merged
    cell alone runs down say nothing more for being many), and one cell far out (the
    sheet's last, XFD1048576) does not make a million rows to walk."""
    out: list[int] = []
    previous = -1
    for index in sorted(used - hidden):
        gap = next((i for i in range(previous + 1, index) if i not in hidden), None)
        if gap is not None:
            out.append(gap)
        out.append(index)
        previous = index
    return out


def _merge_index(merges: list[tuple[int, int, int, int]], rows: list[int],
                 cols: list[int]) -> dict[tuple[int, int], tuple[int, int, int, int]]:
    """Each kept cell a merge covers, and the merge: looked up, not searched for each cell."""
    out: dict[tuple[int, int], tuple[int, int, int, int]] = {}
    for m in merges:
        for r in rows[bisect_left(rows, m[0]):bisect_right(rows, m[2])]:
            for c in cols[bisect_left(cols, m[1]):bisect_right(cols, m[3])]:
                out.setdefault((r, c), m)
    return out


def _hidden(grid: SheetGrid) -> list[str]:
    """Warnings counting the hidden rows and columns that held something."""
    rows = {r for r, c in grid.cells if r in grid.hidden_rows and grid.cells[r, c].text}
    cols = {c for r, c in grid.cells if c in grid.hidden_cols and grid.cells[r, c].text}
    out = []
    for count, what in ((len(rows), "row"), (len(cols), "column")):
        if count:
            out.append(f"sheet {grid.name!r}: {count} hidden {what}{'s' if count > 1 else ''} skipped")
    return out


def _row(grid: SheetGrid, merge_at: dict[tuple[int, int], tuple[int, int, int, int]], r: int,
         visible_rows: list[int], visible_cols: list[int]) -> list[Cell]:
    """Every visible column's cell on row ``r``, merged cells as Word has them: one cell
    spanning the visible columns it covers, ``continued`` on the rows under its first."""
    cells: list[Cell] = []
    done: set[int] = set()
    for index, c in enumerate(visible_cols):
        if c in done:
            continue
        merge = merge_at.get((r, c))
        if merge is None:
            cells.append(_cell(grid.cells.get((r, c)), index))
            continue
        covered = [x for x in visible_cols if merge[1] <= x <= merge[3]]
        done.update(covered)
        first_row = next(x for x in visible_rows if merge[0] <= x <= merge[2])
        anchor = grid.cells.get((merge[0], merge[1]))
        cell = _cell(anchor if r == first_row else None, index, len(covered))
        cell.continued = r != first_row
        cell.fill = anchor.fill if anchor is not None else None
        cells.append(cell)
    return cells


def _cell(value: SheetCell | None, col: int, span: int = 1) -> Cell:
    if value is None:
        return Cell(paragraphs=[], col=col, col_span=span)
    paragraphs = [Paragraph(text=line, bold=value.bold) for line in value.text.split("\n") if line.strip()]
    return Cell(paragraphs=paragraphs, col=col, col_span=span, fill=value.fill)


def _filled(cells: list[Cell]) -> list[Cell]:
    """The cells that show something: text, or a colour (a status shown by fill alone)."""
    return [c for c in cells if (c.text.strip() or c.fill) and not c.continued]


def _blocks(sheet: str, lines: list[list[Cell]]) -> list[Block]:
    """Title lines and tables, from the sheet's rows top to bottom."""
    runs: list[list[list[Cell]]] = [[]]
    for cells in lines:
        if _filled(cells) or any(c.continued for c in cells):
            runs[-1].append(cells)
        elif runs[-1]:
            runs.append([])
    blocks: list[Block] = []
    last: Table | None = None
    for run in (r for r in runs if r):
        while run and len(_filled(run[0])) <= 1 and not any(c.continued for c in run[0]):
            cell = _filled(run[0])
            blocks.extend(cell[0].paragraphs if cell else [])  # a title line (a colour alone says nothing)
            run = run[1:]
            last = None
        if not run:
            continue
        if last is not None and _extent(last.rows) == _extent_of(run):
            last.rows.extend(Row(cells=cells) for cells in run)
            continue
        last = Table(rows=[Row(cells=cells) for cells in run], sheet=sheet)
        blocks.append(last)
    return [_trimmed(b) if isinstance(b, Table) else b for b in blocks]


def _extent_of(run: list[list[Cell]]) -> tuple[int, int]:
    cells = [c for cells in run for c in _filled(cells)]
    return (min(c.col for c in cells), max(c.col + c.col_span for c in cells)) if cells else (0, 0)


def _extent(rows: list[Row]) -> tuple[int, int]:
    return _extent_of([r.cells for r in rows])


def _trimmed(table: Table) -> Table:
    """The table without the empty columns either side of its cells."""
    first, end = _extent(table.rows)
    for row in table.rows:
        row.cells = [c for c in row.cells if c.col + c.col_span > first and c.col < end]
        for c in row.cells:
            start, stop = max(c.col, first), min(c.col + c.col_span, end)
            c.col, c.col_span = start - first, stop - start
    return table
