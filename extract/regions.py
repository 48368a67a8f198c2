"""Where an action was printed, as plain data for its evidence (--evidence): a PDF row's
region of its page (points, origin top-left), and every row's cells as printed under
their headers. Read from a logical plan row; the output stage draws the region from the
PDF and writes the cells, without reopening the document model."""
from __future__ import annotations

from actionplans.extract.headers import Header
from actionplans.extract.records import ColumnKey, OwnColumn, column_name, extra_column_name
from actionplans.extract.tables import PlanRow
from actionplans.vocabulary import Vocabulary

Region = tuple[float, float, float, float]  # x0, top, x1, bottom
# Cells that group actions (often merged down over several rows): they widen a region to
# take in their column, but their height would take in the actions below.
GROUPS = frozenset({"recommendation", "rec_number", "number"})


def printed_headers(header: Header, vocabulary: Vocabulary) -> dict[ColumnKey, str]:
    """{slot name: the header as printed} for every headed column of a plan."""
    names: dict[ColumnKey, str] = {role: header.printed.get(col, "") or role for col, role in header.roles.items()}
    names.update({OwnColumn(extra_column_name(name, vocabulary)): header.printed.get(col, "") or name
                  for col, name in header.names.items()})
    return names


def row_cells(row: PlanRow, headers: dict[ColumnKey, str]) -> list[tuple[str, str]]:
    """(header, text) of each cell of the row that holds text, left to right."""
    return [(headers.get(name, column_name(name)), slot.text) for name, slot in row.slots.items()
            if not slot.continued and slot.text]


def row_region(row: PlanRow, page: int | None, top: float | None = None,
               below: float | None = None) -> Region | None:
    """The region of ``page`` the row's printed lines cover, across all its cells; with
    ``top`` and ``below`` (one of several actions sharing a cell), only the lines from
    ``top`` to above ``below``. None where the row has no placed lines (Word, web pages)."""
    own = [s for name, s in row.slots.items() if not s.continued and not s.carried and name not in GROUPS]
    lines = [ln for slot in own for p in slot.paragraphs for ln in p.lines if ln.page == page]
    if top is not None:
        lines = [ln for ln in lines if ln.box.bottom > top and (below is None or ln.box.top < below)]
    if not lines:
        return None
    boxes = [s.box for s in row.slots.values() if s.box is not None]  # every column, merged ones too
    # One of several actions in a cell starts at its own first line: no group's lines then.
    groups = [] if top is not None else [
        ln for name, s in row.slots.items() if name in GROUPS and not s.continued and not s.carried
        for p in s.paragraphs for ln in p.lines if ln.page == page]
    x0 = min([ln.box.x0 for ln in lines + groups] + [b.x0 for b in boxes])
    x1 = max([ln.box.x1 for ln in lines + groups] + [b.x1 for b in boxes])
    return (x0, min(ln.box.top for ln in lines + groups), x1, max(ln.box.bottom for ln in lines))
