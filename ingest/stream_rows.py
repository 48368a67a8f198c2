"""The rows of an unruled table (``ingest/stream.py``): where each starts, and which row a
cell that spans several rows belongs to.

A row starts after a gap no column prints across. It also starts where several columns
start afresh after a gap while one column's text runs on past them: a group's cell
spanning its rows, its text taller than the row beside its first line, or set in the
middle of its span. Rows' extents come from their first lines, so such running text
stays with the row it began in, and a spanning cell belongs to the rows its extent
covers: a rule across its column under its last row only (a plain table style, ruled
across and not down) bounds that extent, and its text goes to the first of them.
"""
from __future__ import annotations

from collections.abc import Sequence, Set
from dataclasses import dataclass, field
from statistics import median
from typing import Any

from actionplans.ingest.model import Box, Line

Word = dict[str, Any]
LineItem = tuple[Line, list[Word]]
# At least this many columns starting afresh, beside at most one whose text runs on,
# start a row: a lead and a date beside a two-paragraph action and a running progress
# note are one row still.
FRESH_COLUMNS = 3


@dataclass
class RowLines:
    """One row's printed lines, whether it is a banner, and words of a spanning cell
    printed below the row's own lines that belong to it (the row's extent is its own)."""

    items: list[LineItem]
    banner: bool = False
    carried: list[Word] = field(default_factory=list)


def group_rows(region: list[LineItem], columns: Sequence[tuple[float, float]], gap: float,
               spanning: Set[int] = frozenset(), head: int = 1, rules: Sequence[Box] = ()) -> list[RowLines]:
    """The region's lines as rows: the first ``head`` lines the header row, ``spanning``
    lines (by index) banner rows, and the rest cut where a row starts (``gap``: points
    of white space that part rows; ``columns``: (left, right) of each)."""
    rows = [RowLines([region[0]], 0 in spanning)]
    bottoms: dict[int, float] = {}  # the lowest bottom of each column's text in the row so far
    opened: dict[int, float] = {}  # where each column's last paragraph in the row so far starts
    fresh = _row_gap(region[head:], gap)
    for k, (prev, cur) in enumerate(zip(region, region[1:], strict=False), start=1):
        if k < head:
            rows[-1].items.append(cur)
            continue
        if (k == head > 1) or cur[0].box.top - prev[0].box.bottom > gap or (k in spanning) != rows[-1].banner \
                or (not rows[-1].banner and k > head and _starts_row(bottoms, opened, cur, columns, gap, fresh)):
            rows.append(RowLines([cur], k in spanning))
            bottoms, opened = {}, {}
        else:
            rows[-1].items.append(cur)
        for w in cur[1]:
            col = column_of(w, columns)
            if col not in bottoms or w["top"] - bottoms[col] > gap / 2:
                opened[col] = w["top"]
            bottoms[col] = max(bottoms.get(col, w["bottom"]), w["bottom"])
    body = [r for r in rows[1:] if not r.banner]
    _carry_running(body, columns, gap)
    _carry_to_extents(body, columns, rules)
    return [r for r in rows if r.items]


def column_of(word: Word, columns: Sequence[tuple[float, float]]) -> int:
    """The column a word is printed in, as the cells take their words (-1 for none)."""
    return next((c for c, (left, right) in enumerate(columns) if left - 6 <= word["x0"] < right - 6), -1)


def _row_gap(body: list[LineItem], gap: float) -> float:
    """The white space that starts a row where one column's text runs across it: three
    quarters of the table's usual gap between rows parted across the page (or ``gap``),
    so that paragraphs spaced apart inside a row do not pass for rows."""
    gaps = [cur[0].box.top - prev[0].box.bottom for prev, cur in zip(body, body[1:], strict=False)]
    parted = [g for g in gaps if g > gap]
    return max(gap, 0.75 * median(parted)) if parted else gap


def _starts_row(bottoms: dict[int, float], opened: dict[int, float], cur: LineItem,
                columns: Sequence[tuple[float, float]], gap: float, fresh_gap: float) -> bool:
    """Whether ``cur`` starts a row though the white space above it is filled by one
    column's text (a group's cell spanning rows, running on past the row beside its
    first line): at least ``FRESH_COLUMNS`` of the columns it prints in start more than
    ``fresh_gap`` below their own text (``bottoms``: where each column's text in the
    row so far ends), and only one column prints lower down than they do. A column
    starting a paragraph in ``cur`` after a smaller gap is a cell of paragraphs level
    with its neighbours' (a row of two actions with two leads): no new row. Nor is the
    lower column running on where its last paragraph (``opened``) starts below the
    others' text: a second item typed a line early beside a taller first one (two dates
    beside two actions), a paragraph of the same row."""
    fresh = []
    for col, top in _tops(cur[1], columns).items():
        if col in bottoms and top - bottoms[col] > fresh_gap:
            fresh.append(col)
        elif col in bottoms and top - bottoms[col] > gap / 2:
            return False
    if len(fresh) < FRESH_COLUMNS:
        return False
    ended = max(bottoms[col] for col in fresh)
    lower = [col for col, bottom in bottoms.items() if col not in fresh and bottom > ended]
    return len(lower) == 1 and opened[lower[0]] <= ended


def _tops(words: list[Word], columns: Sequence[tuple[float, float]]) -> dict[int, float]:
    tops: dict[int, float] = {}
    for w in words:
        col = column_of(w, columns)
        if col >= 0:
            tops[col] = min(tops.get(col, w["top"]), w["top"])
    return tops


def _carry_running(rows: list[RowLines], columns: Sequence[tuple[float, float]], gap: float) -> None:
    """Move each column's text that runs on from the row above with no gap (a spanning
    cell's further lines) to the row its cell began in. Rows parted by a gap across the
    page have no such text."""
    for col in range(len(columns)):
        owner: RowLines | None = None
        bottom = 0.0
        for row in rows:
            words = sorted(_column_words(row, col, columns), key=lambda w: w["top"])
            for line in _word_lines(words):
                if owner is not None and owner is not row and min(w["top"] for w in line) - bottom <= gap:
                    _move(line, row, owner)
                else:
                    owner = row
                bottom = max(w["bottom"] for w in line)


def _carry_to_extents(rows: list[RowLines], columns: Sequence[tuple[float, float]], rules: Sequence[Box]) -> None:
    """Where rules across a column part fewer rows than the table's rules do (a rule under
    a group's last row only), each stretch between two rules is one cell: its words go
    to the first row whose first line starts in it."""
    firsts = [row.items[0][0].box.top for row in rows]
    parted = [_parted(firsts, _rules_over(rules, column)) for column in columns]
    if len(rows) < 2 or max(len(p) for p in parted) < len(rows) - 1:
        return  # no column has a rule between every two rows: no rows' rules to go by
    for col, cuts in enumerate(parted):
        if not cuts or len(cuts) == len(rows) - 1:
            # No rule inside the table (a column left unruled, under a rule across the
            # whole table's foot, says nothing of spans), or one under every row: no span.
            continue
        starts = [0, *cuts, len(rows)]
        for lo, hi in zip(starts, starts[1:], strict=False):
            for row in rows[lo + 1:hi]:
                _move(_column_words(row, col, columns), row, rows[lo])


def _rules_over(rules: Sequence[Box], column: tuple[float, float]) -> list[float]:
    """Where rules cross the whole of a column (from its cells' left edge, a little left
    of its text, to the next column's)."""
    left, right = column
    return [r.top for r in rules if r.x0 <= left + 3 and r.x1 >= right - 9]


def _parted(firsts: list[float], ys: list[float]) -> list[int]:
    """The rows (by index) with a rule above their first line and below the first line
    of the row before: rows' extents run from their first lines."""
    return [i for i in range(1, len(firsts)) if any(firsts[i - 1] < y <= firsts[i] for y in ys)]


def _column_words(row: RowLines, col: int, columns: Sequence[tuple[float, float]]) -> list[Word]:
    return [w for w in [*(w for _, ws in row.items for w in ws), *row.carried] if column_of(w, columns) == col]


def _word_lines(words: list[Word]) -> list[list[Word]]:
    """Words of one column, top to bottom, as printed lines."""
    lines: list[list[Word]] = []
    for w in words:
        if lines and abs(lines[-1][0]["top"] - w["top"]) <= 3:
            lines[-1].append(w)
        else:
            lines.append([w])
    return lines


def _move(words: list[Word], source: RowLines, target: RowLines) -> None:
    """Move ``words`` from ``source``'s lines to ``target``'s carried words; a line left
    with no words leaves the row, so the row's extent is its own lines'."""
    gone = {id(w) for w in words}
    target.carried.extend(words)
    source.carried = [w for w in source.carried if id(w) not in gone]
    kept = [(ln, [w for w in ws if id(w) not in gone]) for ln, ws in source.items]
    source.items[:] = [(ln, ws) for ln, ws in kept if ws]
