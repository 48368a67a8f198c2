"""Tables drawn without lines: columns found from white space alone.

A run of lines is a table where a header line splits into three or more pieces at wide
gaps and, below it, no word crosses the starts of those columns (prose crosses them at
once). Rows are told apart by the taller gaps between them. Nothing here knows what the
columns mean; extract decides whether a table is a plan.
"""
from __future__ import annotations

from dataclasses import dataclass
from statistics import median
from typing import Any

from actionplans.ingest.layout import LayoutSettings, lines_to_paragraphs, words_to_lines
from actionplans.ingest.model import Box, Cell, Line, Row, Table

Word = dict[str, Any]
LineItem = tuple[Line, list[Word]]


@dataclass(frozen=True)
class StreamSettings:
    column_gap: float = 1.4  # of the font size: a wider gap between words separates columns
    min_columns: int = 3
    min_lines: int = 3
    row_gap: float = 0.6  # of a line's height: a wider gap between lines starts a new row
    break_gap: float = 3.0  # of a line's height: a wider gap ends the table

    def __post_init__(self) -> None:
        if self.min_columns < 2 or self.column_gap <= 0:
            raise ValueError("StreamSettings: min_columns must be >= 2 and column_gap > 0")


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


def find_stream_tables(words: list[Word], page: int, layout: LayoutSettings,
                       settings: StreamSettings) -> list[tuple[Table, set[int]]]:
    lines = words_to_lines(words, layout, page)
    index = {id(w): i for i, w in enumerate(words)}
    found: list[tuple[Table, set[int]]] = []
    i = 0
    while i < len(lines):
        segs = _segments(lines[i][1], settings)
        if len(segs) < settings.min_columns:
            i += 1
            continue
        starts = [s[0]["x0"] for s in segs]
        end = _region_end(lines, i, starts, settings)
        if end - i >= settings.min_lines:
            region = lines[i:end]
            starts = _column_starts(region, starts, settings)
            table = _region_to_table(region, starts, page, layout, settings)
            used = {index[id(w)] for _, ws in region for w in ws}
            found.append((table, used))
            i = end
        else:
            i += 1
    return found


def _region_end(lines: list[LineItem], start: int, starts: list[float], settings: StreamSettings) -> int:
    end = start + 1
    while end < len(lines):
        prev, cur = lines[end - 1][0], lines[end][0]
        if cur.box.top - prev.box.bottom > settings.break_gap * max(cur.box.height, 1.0):
            break
        if _crosses(lines[end][1], starts):
            break
        end += 1
    return end


def _column_starts(region: list[LineItem], header: list[float], settings: StreamSettings) -> list[float]:
    """Header column starts, plus an unheaded column left of them (a number column)."""
    lefts = [seg[0]["x0"] for _, ws in region for seg in _segments(ws, settings)]
    extra = [x for x in lefts if x < header[0] - 8]
    starts = list(header)
    if len(extra) >= 2:
        starts.insert(0, min(extra))
    return starts


def _region_to_table(region: list[LineItem], starts: list[float], page: int, layout: LayoutSettings,
                     settings: StreamSettings) -> Table:
    heights = [ln.box.height for ln, _ in region]
    unit = median(heights) if heights else 10.0
    groups: list[list[LineItem]] = [[region[0]]]
    for prev, cur in zip(region, region[1:], strict=False):
        if cur[0].box.top - prev[0].box.bottom > settings.row_gap * unit:
            groups.append([cur])
        else:
            groups[-1].append(cur)
    right = max(ln.box.x1 for ln, _ in region)
    bounds = starts[1:] + [right + 1]
    # Where text may reach in each column: the widest line it printed there, so a
    # wrapped line is not mistaken for a paragraph's end.
    edges = [max((w["x1"] for _, ws in region for w in ws if lo - 6 <= w["x0"] < hi - 6), default=hi)
             for lo, hi in zip(starts, bounds, strict=True)]
    rows = [_row(g, starts, bounds, edges, page, layout) for g in groups]
    box = Box(min(ln.box.x0 for ln, _ in region), region[0][0].box.top, right, region[-1][0].box.bottom)
    return Table(rows=rows, page=page, box=box)


def _row(group: list[LineItem], starts: list[float], bounds: list[float], edges: list[float], page: int,
         layout: LayoutSettings) -> Row:
    top = min(ln.box.top for ln, _ in group)
    bottom = max(ln.box.bottom for ln, _ in group)
    cells = []
    for col, (left, right) in enumerate(zip(starts, bounds, strict=True)):
        words = [w for _, ws in group for w in ws if left - 6 <= w["x0"] < right - 6]
        lines = words_to_lines(words, layout, page)
        paragraphs = lines_to_paragraphs(lines, edges[col], page, layout) if lines else []
        cells.append(Cell(paragraphs=paragraphs, col=col, page=page, box=Box(left, top, right, bottom)))
    return Row(cells=cells, page=page, box=Box(starts[0], top, bounds[-1], bottom))
