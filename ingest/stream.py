"""Tables drawn without lines: columns found from white space alone.

A run of lines is a table where a header line splits into three or more pieces at wide
gaps and, below it, no word crosses the starts of those columns (prose crosses them at
once). Rows are told apart by the taller gaps between them, or by the columns that start
afresh beside a group's cell spanning rows (``ingest/stream_rows.py``). A cell's colour
is a filled rectangle with no words on it, in the cell's row band (from its first
line) and under its column; such rectangles standing in white space beside a column's
words (a status shown by colour alone, under no header) make a column of their own.
Nothing here knows what the columns mean; extract decides whether a table is a plan.
"""
from __future__ import annotations

from collections.abc import Sequence, Set
from dataclasses import dataclass, replace
from statistics import median
from typing import Any

from actionplans.ingest.layout import LayoutSettings, is_bold, lines_to_paragraphs, words_to_lines
from actionplans.ingest.model import Box, Cell, Line, Row, Table
from actionplans.ingest.pdfcolour import symbol_colour
from actionplans.ingest.stream_rows import RowLines, group_rows

Word = dict[str, Any]
LineItem = tuple[Line, list[Word]]


@dataclass(frozen=True)
class StreamSettings:
    column_gap: float = 1.4  # of the font size: a wider gap between words separates columns
    min_columns: int = 3
    min_lines: int = 3
    row_gap: float = 0.6  # of a line's height: a wider gap between lines starts a new row
    break_gap: float = 3.0  # of a line's height: a wider gap ends the table
    # Of the table's width: a wider filled rectangle is a band or a background (a shaded
    # banner row, the page), not one cell's colour.
    fill_width: float = 0.25

    def __post_init__(self) -> None:
        if self.min_columns < 2 or self.column_gap <= 0:
            raise ValueError("StreamSettings: min_columns must be >= 2 and column_gap > 0")
        if not 0 < self.fill_width <= 1:
            raise ValueError("StreamSettings: fill_width must be in (0, 1]")


@dataclass(frozen=True)
class Fill:
    """A filled rectangle drawn on the page, and its colour ("RRGGBB")."""

    box: Box
    colour: str


def _segments(words: list[Word], settings: StreamSettings) -> list[list[Word]]:
    """A line's words, cut where the gap is wide enough to be a column gutter."""
    out: list[list[Word]] = [[words[0]]]
    for prev, word in zip(words, words[1:], strict=False):
        size = word.get("size") or (word["bottom"] - word["top"])
        if word["x0"] - prev["x1"] > settings.column_gap * size:
            out.append([word])
        else:
            out[-1].append(word)
    return out


def _crosses(words: list[Word], starts: list[float]) -> bool:
    """Whether a word, or words run together, span a column start."""
    for seg_start in starts[1:]:
        for w in words:
            if w["x0"] < seg_start - 3 and w["x1"] > seg_start + 3:
                return True
    return False


def find_stream_tables(words: list[Word], page: int, layout: LayoutSettings, settings: StreamSettings,
                       fills: Sequence[Fill] = (), rules: Sequence[Box] = ()) -> list[tuple[Table, set[int]]]:
    """Unruled tables among the page's words, each with the indices of the words it took;
    ``fills`` are the page's filled rectangles, to colour the tables' cells; ``rules`` its
    rules across (a table ruled across and not down), to find cells spanning rows."""
    lines = words_to_lines(words, layout, page)
    index = {id(w): i for i, w in enumerate(words)}
    bands = merge_bands(fills)
    found: list[tuple[Table, set[int]]] = []
    i = found_end = 0
    while i < len(lines):
        head, starts = _header_at(lines, i, bands, settings)
        if len(starts) < settings.min_columns:
            i += 1
            continue
        end, banners = _region_end(lines, i + head - 1, starts, settings, fills)
        body = end - (i + head - 1)  # the header's lines count as one
        if body >= settings.min_lines or (body == 2 and _lines_up(lines[i + head][1], starts, settings)):
            first = _banners_above(lines, i, head, found_end, starts, settings, fills)
            banners |= set(range(first, i))
            region = lines[first:end]
            spanning = {k - first for k in banners}
            starts = _column_starts([item for k, item in enumerate(region) if k not in spanning], starts, settings)
            table = _region_to_table(region, starts, page, layout, settings, spanning, head, rules)
            table = colour_cells(table, [w for _, ws in region for w in ws], fills, settings)
            used = {index[id(w)] for _, ws in region for w in ws}
            found.append((table, used))
            i = found_end = end
        else:
            i += 1
    return found


def _header_at(lines: list[LineItem], i: int, bands: Sequence[Fill],
               settings: StreamSettings) -> tuple[int, list[float]]:
    """(how many lines, column starts) of a header starting at line ``i``: the lines of
    one header row set apart from the body, where the row holds more than one (a header
    whose cells wrap, set in the row's middle, so no one printed line holds every
    column's word), its columns from all their words; else the line alone, cut at its
    gutters. A header row is the lines on one band of colour, or bold lines close
    together."""
    single = [seg[0]["x0"] for seg in _segments(lines[i][1], settings)]
    k = _header_end(lines, i, bands, settings)
    # Two to four lines: more is a background or a bold passage, not a header row.
    if 0 < k - i <= 3:
        starts = [c[0] for c in _clusters([w for _, ws in lines[i:k + 1] for w in ws], settings)]
        if len(starts) >= settings.min_columns and len(starts) >= len(single):
            return k - i + 1, starts
    return 1, single


def _header_end(lines: list[LineItem], i: int, bands: Sequence[Fill], settings: StreamSettings) -> int:
    """The last line of the header row that may start at line ``i``."""
    band = _band_of(lines[i][0].box, bands)
    k = i
    if band is not None:
        while k + 1 < len(lines) and _band_of(lines[k + 1][0].box, bands) is band:
            k += 1
        return k
    while k + 1 < len(lines) and all_bold(lines[i][1]) and all_bold(lines[k + 1][1]) \
            and lines[k + 1][0].box.top - lines[k][0].box.bottom <= settings.row_gap * lines[k][0].box.height:
        k += 1
    return k


def reaches_into_margin(line: list[Word], below: list[list[Word]], settings: StreamSettings) -> bool:
    """Whether a bold line at the page's top edge, half in the running header's margin,
    is the page's table text reaching up into it (``below``: the lines under it, each
    left to right): a header row repeated after a break, its pieces each starting where
    two or more pieces of the lines below start (a running header's centred title and
    page number line up with no column); or a banner that runs on, bold, in the line
    just below it (one line standing alone there may be a running header)."""
    if not all_bold(line):
        return False
    pieces = [seg[0]["x0"] for seg in _segments(line, settings)]
    if len(pieces) >= settings.min_columns:
        starts = [seg[0]["x0"] for ws in below for seg in _segments(ws, settings)]
        return all(sum(abs(x - s) <= 3 for s in starts) >= 2 for x in pieces)
    bottom = max(w["bottom"] for w in line)
    return bool(below) and all_bold(below[0]) and \
        min(w["top"] for w in below[0]) - bottom <= settings.row_gap * (bottom - min(w["top"] for w in line))


def all_bold(words: list[Word]) -> bool:
    return bool(words) and all(is_bold(str(w.get("fontname", ""))) for w in words)


def _band_of(box: Box, bands: Sequence[Fill]) -> Fill | None:
    """The band of colour a line is printed on, if any."""
    middle = (box.top + box.bottom) / 2
    return next((b for b in bands if b.box.top <= middle <= b.box.bottom and b.box.x0 <= box.x0 + 3
                 and b.box.x1 >= box.x1 - 3), None)


def merge_bands(fills: Sequence[Fill]) -> list[Fill]:
    """Coloured rectangles side by side on one band (a header row's cells each shaded on
    their own) as one rectangle per band; white is no band."""
    out: list[Fill] = []
    for fill in sorted((f for f in fills if f.colour != "FFFFFF"), key=lambda f: (round(f.box.top), f.box.x0)):
        last = out[-1] if out else None
        if last is not None and abs(last.box.top - fill.box.top) <= 1 and abs(last.box.bottom - fill.box.bottom) <= 1 \
                and -1 <= fill.box.x0 - last.box.x1 <= 2:
            out[-1] = Fill(Box(last.box.x0, last.box.top, fill.box.x1, last.box.bottom), last.colour)
        else:
            out.append(fill)
    return out


def _clusters(words: list[Word], settings: StreamSettings) -> list[tuple[float, float]]:
    """Words of several lines, cut across the page where no word stands in a gap wider
    than a gutter: (left, right) of each column."""
    out: list[tuple[float, float]] = []
    for word in sorted(words, key=lambda w: w["x0"]):
        size = word.get("size") or (word["bottom"] - word["top"])
        if out and word["x0"] - out[-1][1] <= settings.column_gap * size:
            out[-1] = (out[-1][0], max(out[-1][1], word["x1"]))
        else:
            out.append((word["x0"], word["x1"]))
    return out


def _lines_up(words: list[Word], starts: list[float], settings: StreamSettings) -> bool:
    """Whether a line below a header is a row of it: as many pieces as a header needs,
    each starting where one of the header's columns starts. So a table of one printed
    line under its header (the last row of a plan, alone on its page) is still one."""
    lefts = [seg[0]["x0"] for seg in _segments(words, settings)]
    hits = {min(range(len(starts)), key=lambda k: abs(starts[k] - x)) for x in lefts
            if min(abs(s - x) for s in starts) <= 6}
    return len(lefts) >= settings.min_columns and len(hits) == len(lefts)


def _region_end(lines: list[LineItem], start: int, starts: list[float], settings: StreamSettings,
                fills: Sequence[Fill] = ()) -> tuple[int, set[int]]:
    """Where the table that starts at ``start`` ends, and the lines inside it that span
    its columns as a banner (a group's title row: "Objective 2. Reducing ...")."""
    end = start + 1
    banners: set[int] = set()
    while end < len(lines):
        prev, cur = lines[end - 1][0], lines[end][0]
        if cur.box.top - prev.box.bottom > settings.break_gap * max(cur.box.height, 1.0):
            break
        crossing = _crosses(lines[end][1], starts)
        if crossing or (_runs_across(lines[end][1], starts, settings) and _set_apart(lines[end][1], starts, fills)):
            run = _banner_run(lines, end, starts, settings, fills)
            if run:
                banners.update(run)
                end = max(run) + 1
                continue
            if crossing:
                break
        end += 1
    return end, banners


def _banners_above(lines: list[LineItem], i: int, head: int, floor: int, starts: list[float],
                   settings: StreamSettings, fills: Sequence[Fill]) -> int:
    """Where a headerless table starting at line ``i`` (a continuation printed with no
    header) really starts: up to three lines above it, none taken by a table before
    (``floor``), set apart as a banner (a group's title carried over a break), close
    above it, and the first on the page (a continuation opens its page; a bold heading
    with text above it is the paper's). A table under a header row of its own has its
    banners below that header."""
    if head > 1 or all_bold(lines[i][1]):
        return i
    first = i
    while first > floor and i - first < 3 and _set_apart(lines[first - 1][1], starts, fills) and \
            lines[first][0].box.top - lines[first - 1][0].box.bottom <= settings.break_gap * lines[first][0].box.height:
        first -= 1
    return first if first == 0 else i


def _runs_across(words: list[Word], starts: list[float], settings: StreamSettings) -> bool:
    """Whether a line's words run on across a column's start with no gutter between
    them: a sentence set across the columns, though no one word crosses a start."""
    for prev, word in zip(words, words[1:], strict=False):
        size = word.get("size") or (word["bottom"] - word["top"])
        if word["x0"] - prev["x1"] <= settings.column_gap * size and any(
                prev["x1"] <= start + 3 and word["x0"] >= start - 3 for start in starts[1:]):
            return True
    return False


def _banner_run(lines: list[LineItem], at: int, starts: list[float], settings: StreamSettings,
                fills: Sequence[Fill]) -> list[int]:
    """The lines from ``at`` that make a banner row inside the table, or []: set apart
    by style (bold, or on a band of colour as wide as the table), at most three lines,
    and followed by a line that lines up with the table's columns again, or by nothing
    on the page. Prose crossing the columns is plain and ends the table."""
    run: list[int] = []
    k = at
    while k < len(lines) and len(run) < 3 and _set_apart(lines[k][1], starts, fills):
        if run and lines[k][0].box.top - lines[k - 1][0].box.bottom > settings.row_gap * lines[k][0].box.height:
            break
        run.append(k)
        k += 1
    if run and k >= len(lines):
        return run  # a group's title left at the foot of the page, its rows on the next
    if not run or _crosses(lines[k][1], starts):
        return []
    if lines[k][0].box.top - lines[k - 1][0].box.bottom > settings.break_gap * max(lines[k][0].box.height, 1.0):
        return []
    lefts = [seg[0]["x0"] for seg in _segments(lines[k][1], settings)]
    lined_up = len(lefts) >= 2 and all(min(abs(s - x) for s in starts) <= 6 for x in lefts)
    return run if lined_up else []


def _set_apart(words: list[Word], starts: list[float], fills: Sequence[Fill]) -> bool:
    """Whether a line is styled as a banner: every word bold, or the line on a filled
    band reaching across every column's start."""
    if all_bold(words):
        return True
    return bool(words) and on_band(min(w["top"] for w in words), max(w["bottom"] for w in words), starts, fills)


def on_band(top: float, bottom: float, starts: Sequence[float], fills: Sequence[Fill]) -> bool:
    """Whether the text between ``top`` and ``bottom`` sits on a coloured band that
    reaches across every column's start (a shaded header or group row)."""
    middle = (top + bottom) / 2
    return any(f.colour != "FFFFFF" and f.box.top <= middle <= f.box.bottom and f.box.x0 <= starts[0] + 6
               and f.box.x1 >= starts[-1] + 6 for f in fills)


def _column_starts(region: list[LineItem], header: list[float], settings: StreamSettings) -> list[float]:
    """Header column starts, plus an unheaded column left of them (a number column)."""
    lefts = [seg[0]["x0"] for _, ws in region for seg in _segments(ws, settings)]
    extra = [x for x in lefts if x < header[0] - 8]
    starts = list(header)
    if len(extra) >= 2:
        starts.insert(0, min(extra))
    return starts


def _region_to_table(region: list[LineItem], starts: list[float], page: int, layout: LayoutSettings,
                     settings: StreamSettings, spanning: Set[int] = frozenset(), head: int = 1,
                     rules: Sequence[Box] = ()) -> Table:
    """The region's lines as rows (``ingest/stream_rows.py``): the first ``head`` lines the
    header row, ``spanning`` lines (by index) banner rows, one cell across every column."""
    heights = [ln.box.height for ln, _ in region]
    unit = median(heights) if heights else 10.0
    body = [item for k, item in enumerate(region) if k not in spanning]
    right = max(ln.box.x1 for ln, _ in body)
    bounds = starts[1:] + [right + 1]
    groups = group_rows(region, list(zip(starts, bounds, strict=True)), settings.row_gap * unit, spanning, head,
                        rules)
    # Where text may reach in each column: the widest line it printed there, so a
    # wrapped line is not mistaken for a paragraph's end.
    edges = [max((w["x1"] for _, ws in body for w in ws if lo - 6 <= w["x0"] < hi - 6), default=hi)
             for lo, hi in zip(starts, bounds, strict=True)]
    rows = [_banner_row(g.items, starts, bounds, page, layout) if g.banner
            else _row(g, starts, bounds, edges, page, layout) for g in groups]
    right = max(right, max(ln.box.x1 for ln, _ in region))
    box = Box(min(ln.box.x0 for ln, _ in region), region[0][0].box.top, right, region[-1][0].box.bottom)
    return Table(rows=rows, page=page, box=box)


def _banner_row(group: list[LineItem], starts: list[float], bounds: list[float], page: int,
                layout: LayoutSettings) -> Row:
    """A banner's lines as one cell spanning every column."""
    top, bottom = min(ln.box.top for ln, _ in group), max(ln.box.bottom for ln, _ in group)
    right = max(max(ln.box.x1 for ln, _ in group), bounds[-1])
    paragraphs = lines_to_paragraphs(group, right, page, layout)
    box = Box(starts[0], top, right, bottom)
    return Row(cells=[Cell(paragraphs=paragraphs, col=0, col_span=len(starts), page=page, box=box)], page=page,
               box=box)


def _row(group: RowLines, starts: list[float], bounds: list[float], edges: list[float], page: int,
         layout: LayoutSettings) -> Row:
    """A row's cells; its box is its own lines' (a spanning cell's words carried to it
    from below are in its cell, not its extent)."""
    top = min(ln.box.top for ln, _ in group.items)
    bottom = max(ln.box.bottom for ln, _ in group.items)
    printed = [w for _, ws in group.items for w in ws] + group.carried
    cells = []
    for col, (left, right) in enumerate(zip(starts, bounds, strict=True)):
        words = [w for w in printed if left - 6 <= w["x0"] < right - 6]
        lines = words_to_lines(words, layout, page)
        paragraphs = lines_to_paragraphs(lines, edges[col], page, layout) if lines else []
        cells.append(Cell(paragraphs=paragraphs, col=col, page=page, box=Box(left, top, right, bottom),
                          fill=symbol_colour(words)))
    return Row(cells=cells, page=page, box=Box(starts[0], top, bounds[-1], bottom))


# -- cells coloured by filled rectangles ---------------------------------------------

def colour_cells(table: Table, words: list[Word], fills: Sequence[Fill], settings: StreamSettings) -> Table:
    """The table with each cell's colour: a filled rectangle with no words on it, whose
    middle lies in the cell's row band, colours the cell of its column; rectangles in
    white space right of a column's words (a status shown by colour alone, with or
    without a header) make a column of their own, inserted into every row."""
    placed = _placed_fills(table, words, fills, settings)
    for x0, x1, members in _fill_columns(placed):
        col = _column_of(table, (x0 + x1) / 2)
        if col < 0 or _has_words_apart(table, col, x0, x1):
            # Beside another column's words: the blocks belong to the next column where
            # nothing is printed under its header (a "RAG" centred over its column, the
            # blocks at the column's left), else to a column of their own.
            col += 1
            if col >= table.n_cols or _body_lines(table, col):
                table = _insert_column(table, col, x0, x1)
        for row, fill in members:
            cell = table.rows[row].cell_at(col)
            if cell is not None and cell.fill is None:
                cell.fill = fill.colour
    return table


def _placed_fills(table: Table, words: list[Word], fills: Sequence[Fill],
                  settings: StreamSettings) -> list[tuple[int, Fill]]:
    """(row, fill) for each rectangle that can be a body cell's colour: narrower than
    ``fill_width`` of the table, no word's middle on it, its top line's middle in a row's
    band (rows' bands from their first lines)."""
    if table.box is None or len(table.rows) < 2:
        return []
    width = table.box.x1 - table.box.x0
    bands = _row_bands(table)
    line = median([w["bottom"] - w["top"] for w in words]) if words else 10.0
    out = []
    for fill in fills:
        box = fill.box
        if fill.colour == "FFFFFF" or box.x1 - box.x0 > settings.fill_width * width or _under_words(box, words):
            continue
        # A swatch is drawn at its row's first line: placed by its top line's worth, so
        # one taller than its row (or than the gap under it) stays with its own row.
        anchor = box.top + min(box.height, line) / 2
        row = next((r for r, (top, bottom) in enumerate(bands) if top <= anchor < bottom), None)
        if row is not None and row > 0:  # the header row's colour is no status
            out.append((row, fill))
    return out


def _row_bands(table: Table) -> list[tuple[float, float]]:
    """Each row's share of the table's height, from its first line: from halfway up the
    gap above it to where the next row's share starts; the last row's reaches as far
    below as its gap above. A row whose box runs past the next one's first line (a
    spanning cell's text carried on) gives no gap: the next row's share then starts the
    table's usual half-gap above its first line."""
    boxes = [r.box for r in table.rows if r.box is not None]
    if len(boxes) != len(table.rows):
        return []
    gaps = [box.top - prev.bottom for prev, box in zip(boxes, boxes[1:], strict=False)]
    usual = median([g for g in gaps if g > 0] or [0.0])
    tops = [boxes[0].top] + [box.top - (gap if gap > 0 else usual) / 2 for box, gap in zip(boxes[1:], gaps,
                                                                                         strict=True)]
    last = boxes[-1].bottom + max((gaps[-1] if gaps else 0.0) / 2, 2.0)
    return list(zip(tops, [*tops[1:], last], strict=True))


def _under_words(box: Box, words: list[Word]) -> bool:
    return any(box.x0 <= (w["x0"] + w["x1"]) / 2 <= box.x1 and box.top <= (w["top"] + w["bottom"]) / 2 <= box.bottom
               for w in words)


def _fill_columns(placed: list[tuple[int, Fill]]) -> list[tuple[float, float, list[tuple[int, Fill]]]]:
    """Rectangles grouped by the columns they stand in: (left, right, members), left to
    right; rectangles whose spans across the page overlap share a column."""
    out: list[tuple[float, float, list[tuple[int, Fill]]]] = []
    for row, fill in sorted(placed, key=lambda p: p[1].box.x0):
        if out and fill.box.x0 < out[-1][1] - 1:
            x0, x1, members = out[-1]
            out[-1] = (x0, max(x1, fill.box.x1), [*members, (row, fill)])
        else:
            out.append((fill.box.x0, fill.box.x1, [(row, fill)]))
    return out


def _column_of(table: Table, x: float) -> int:
    """The grid column whose span holds ``x`` (-1 left of the first), spans starting 6pt
    left of a column's words as the columns' words are assigned."""
    lefts = sorted({c.col: c.box.x0 for r in table.rows for c in r.cells if c.box is not None}.items())
    return max((col for col, left in lefts if left - 6 <= x), default=-1)


def _has_words_apart(table: Table, col: int, x0: float, x1: float) -> bool:
    """Whether the column's body has words, none of them over [x0, x1]: rectangles
    beside a column's text are a column of their own; over it, or in a column that
    holds nothing but its header, they are its cells' colour."""
    lines = _body_lines(table, col)
    return bool(lines) and not any(ln.box.x0 < x1 and ln.box.x1 > x0 for ln in lines)


def _body_lines(table: Table, col: int) -> list[Line]:
    return [ln for r in table.rows[1:] if (c := r.cell_at(col)) is not None for p in c.paragraphs for ln in p.lines]


def _insert_column(table: Table, col: int, x0: float, x1: float) -> Table:
    """The table with an empty column at ``col``, the columns from it on moved right."""
    rows = []
    for row in table.rows:
        cells = [replace(c, col=c.col + 1) if c.col >= col else c for c in row.cells]
        top, bottom = (row.box.top, row.box.bottom) if row.box is not None else (0.0, 0.0)
        cells.append(Cell(paragraphs=[], col=col, page=row.page, box=Box(x0, top, x1, bottom)))
        rows.append(replace(row, cells=sorted(cells, key=lambda c: c.col)))
    return replace(table, rows=rows)
