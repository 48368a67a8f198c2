"""The ruled tables of a scanned page, from its image: ruling lines found with OpenCV,
cells from where they cross, and the OCR's text lines placed in the cells they fall in.

A scan is rarely square to the page: each ruling line is kept as a straight line with
its own slope, and a text line belongs to the row between the two rulings above and
below its centre at its own place across the page. A cell whose ruling is missing on
one side is merged with its neighbour there: a merge down gives ``continued`` cells
under the first, as Word's vertical merges do.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from actionplans.ingest.model import Box, Cell, Paragraph, Row, Table

if TYPE_CHECKING:
    from actionplans.ingest.ocr import TextLine

_NEAR = 12  # pixels: rulings this close are one; a segment this near a crossing touches it
_REACH = 5  # pixels a ruling's end may fall short of a cell's middle and still divide it
_LIST_MARK = re.compile(r"^(?:\d{1,2}[.)]|[a-z]\)|[-•–])\s")


@dataclass
class Segment:
    """A ruling line: its two ends, in pixels."""

    x0: float
    y0: float
    x1: float
    y1: float

    def y_at(self, x: float) -> float:
        return self.y0 if self.x1 == self.x0 else self.y0 + (self.y1 - self.y0) * (x - self.x0) / (self.x1 - self.x0)

    def x_at(self, y: float) -> float:
        return self.x0 if self.y1 == self.y0 else self.x0 + (self.x1 - self.x0) * (y - self.y0) / (self.y1 - self.y0)


@dataclass
class Grid:
    """One ruled table: its horizontal rulings top to bottom, vertical ones left to right,
    each a group of segments at about the same place."""

    rows: list[list[Segment]] = field(default_factory=list)
    cols: list[list[Segment]] = field(default_factory=list)

    @property
    def top(self) -> float:
        return min(min(s.y0, s.y1) for s in self.rows[0])

    def _y(self, boundary: int, x: float) -> float:
        return max(self.rows[boundary], key=_length).y_at(x)

    def _x(self, boundary: int, y: float) -> float:
        return max(self.cols[boundary], key=_length).x_at(y)

    def cell_of(self, x: float, y: float) -> tuple[int, int] | None:
        r = sum(self._y(i, x) < y for i in range(len(self.rows))) - 1
        c = sum(self._x(i, y) < x for i in range(len(self.cols))) - 1
        if 0 <= r < len(self.rows) - 1 and 0 <= c < len(self.cols) - 1:
            return r, c
        return None

    def centre(self, r: int, c: int) -> tuple[float, float]:
        x = (max(self.cols[c], key=_length).x_at(0) + max(self.cols[c + 1], key=_length).x_at(0)) / 2
        y = (self._y(r, x) + self._y(r + 1, x)) / 2
        return (self._x(c, y) + self._x(c + 1, y)) / 2, y

    def ruled(self, boundary: list[Segment], at: float, horizontal: bool) -> bool:
        """Whether a ruling of the group crosses the point ``at`` along it (a cell's middle:
        a ruling ending at the cell's edge does not reach it)."""
        for s in boundary:
            lo, hi = (min(s.x0, s.x1), max(s.x0, s.x1)) if horizontal else (min(s.y0, s.y1), max(s.y0, s.y1))
            if lo - _REACH <= at <= hi + _REACH:
                return True
        return False

    def to_table(self, lines: list[TextLine], image: Any, page: int, scale: float) -> Table:
        regions = self._regions()
        texts: dict[tuple[int, int], list[TextLine]] = {}
        for line in lines:
            at = self.cell_of(*line.centre)
            if at is not None:
                texts.setdefault(regions[at], []).append(line)
        rows = []
        for r in range(len(self.rows) - 1):
            cells = []
            for c in range(len(self.cols) - 1):
                first = regions[r, c]
                if first[1] != c:
                    continue  # inside a cell spanning columns from the left
                span = sum(1 for cc in range(c, len(self.cols) - 1) if regions[r, cc] == first)
                box = self._box(r, c, span, scale)
                if first[0] != r:
                    cells.append(Cell(paragraphs=[], col=c, col_span=span, continued=True, page=page, box=box))
                    continue
                cells.append(Cell(paragraphs=_paragraphs(texts.get(first, []), page), col=c, col_span=span,
                                  fill=self._fill(image, r, c), page=page, box=box))
            rows.append(Row(cells=cells, page=page, box=_union([c.box for c in cells if c.box])))
        return Table(rows=rows, page=page, box=_union([r.box for r in rows if r.box]))

    def _regions(self) -> dict[tuple[int, int], tuple[int, int]]:
        """Each cell's merged region, named by its top-left cell."""
        n_rows, n_cols = len(self.rows) - 1, len(self.cols) - 1
        region = {(r, c): (r, c) for r in range(n_rows) for c in range(n_cols)}
        for r in range(n_rows):
            for c in range(n_cols):
                x, y = self.centre(r, c)
                if c + 1 < n_cols and not self.ruled(self.cols[c + 1], y, horizontal=False):
                    region[r, c + 1] = region[r, c]
                if r + 1 < n_rows and not self.ruled(self.rows[r + 1], x, horizontal=True):
                    region[r + 1, c] = region[r, c]
        return region

    def _box(self, r: int, c: int, span: int, scale: float) -> Box:
        x0, _ = self.centre(r, c)
        x1, _ = self.centre(r, c + span - 1)
        y = self.centre(r, c)[1]
        left, right = self._x(c, y), self._x(c + span, y)
        top, bottom = self._y(r, (x0 + x1) / 2), self._y(r + 1, (x0 + x1) / 2)
        return Box(left * scale, top * scale, right * scale, bottom * scale)

    def _fill(self, image: Any, r: int, c: int) -> str | None:
        from actionplans.ingest.ocr import saturated

        x, y = self.centre(r, c)
        half_w = max(2.0, (self._x(c + 1, y) - self._x(c, y)) / 2 - _NEAR)
        half_h = max(2.0, (self._y(r + 1, x) - self._y(r, x)) / 2 - _NEAR)
        patch = image[int(y - half_h):int(y + half_h), int(x - half_w):int(x + half_w)]
        if patch.size == 0:
            return None
        median = [float(v) for v in _median_colour(patch)]
        return saturated((median[0], median[1], median[2]))


def _median_colour(patch: Any) -> Any:
    import numpy as np

    return np.median(patch.reshape(-1, patch.shape[-1])[:, :3], axis=0)


def _length(s: Segment) -> float:
    return abs(s.x1 - s.x0) + abs(s.y1 - s.y0)


def _union(boxes: list[Box]) -> Box | None:
    if not boxes:
        return None
    return Box(min(b.x0 for b in boxes), min(b.top for b in boxes), max(b.x1 for b in boxes),
               max(b.bottom for b in boxes))


def _paragraphs(lines: list[TextLine], page: int) -> list[Paragraph]:
    """A cell's lines as paragraphs: lines side by side joined, wrapped lines run on, a
    list mark ("2)", "-") starting a new paragraph."""
    rows: list[list[TextLine]] = []
    for line in sorted(lines, key=lambda ln: ln.top):
        if rows and abs(line.centre[1] - rows[-1][0].centre[1]) < (line.bottom - line.top) / 2:
            rows[-1].append(line)
        else:
            rows.append([line])
    texts = [" ".join(ln.text for ln in sorted(row, key=lambda ln: ln.x0)) for row in rows]
    paragraphs: list[str] = []
    for text in texts:
        if paragraphs and not _LIST_MARK.match(text):
            joiner = "" if re.search(r"\w-$", paragraphs[-1]) else " "
            paragraphs[-1] = f"{paragraphs[-1]}{joiner}{text}"
        else:
            paragraphs.append(text)
    return [Paragraph(text=t, page=page) for t in paragraphs]


# --- rulings ---------------------------------------------------------------------------

def image_to_grids(image: Any) -> list[Grid]:
    """The ruled tables on the page: rulings that cross each other, grouped."""
    horizontal, vertical = rulings(image)
    groups: list[tuple[list[Segment], list[Segment]]] = []
    for h in horizontal:
        crossing = [g for g in groups if any(_cross(h, v) for v in g[1])]
        touching = [v for v in vertical if _cross(h, v)]
        if not crossing:
            groups.append(([h], touching))
            continue
        first = crossing[0]
        first[0].append(h)
        first[1].extend(v for v in touching if v not in first[1])
        for other in crossing[1:]:
            first[0].extend(other[0])
            first[1].extend(v for v in other[1] if v not in first[1])
            groups.remove(other)
    grids = []
    for hs, vs in groups:
        rows = _grouped(hs, horizontal=True)
        grid = Grid(rows, [group for group in _grouped(vs, horizontal=False) if _crosses_rows(group, rows)])
        if len(grid.rows) >= 2 and len(grid.cols) >= 2:
            grids.append(grid)
    return grids


def _crosses_rows(group: list[Segment], rows: list[list[Segment]]) -> bool:
    """Whether a vertical ruling divides two rows or more (or the table has one row): white
    letters on a dark header row leave dark bars the height of that row alone."""
    middles = []
    for top, bottom in zip(rows, rows[1:], strict=False):
        x = group[0].x0
        middles.append((max(top, key=_length).y_at(x) + max(bottom, key=_length).y_at(x)) / 2)
    crossed = sum(any(min(s.y0, s.y1) <= y <= max(s.y0, s.y1) for s in group) for y in middles)
    return crossed >= min(2, len(middles))


def _cross(h: Segment, v: Segment) -> bool:
    x, y = v.x_at(h.y0), h.y_at(v.x0)
    return min(h.x0, h.x1) - _NEAR <= x <= max(h.x0, h.x1) + _NEAR and \
        min(v.y0, v.y1) - _NEAR <= y <= max(v.y0, v.y1) + _NEAR


def _grouped(segments: list[Segment], horizontal: bool) -> list[list[Segment]]:
    """Segments at about the same height (or place across) as one ruling, in order."""
    def where(s: Segment) -> float:
        return (s.y0 + s.y1) / 2 if horizontal else (s.x0 + s.x1) / 2

    groups: list[list[Segment]] = []
    for s in sorted(segments, key=where):
        if groups and where(s) - where(groups[-1][-1]) <= _NEAR:
            groups[-1].append(s)
        else:
            groups.append([s])
    return groups


def rulings(image: Any) -> tuple[list[Segment], list[Segment]]:
    """The page's horizontal and vertical ruling lines, each fitted as a straight line."""
    import cv2

    grey = cv2.cvtColor(image, cv2.COLOR_RGB2GRAY) if image.ndim == 3 else image
    ink = cv2.adaptiveThreshold(grey, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, 31, 15)
    height, width = ink.shape
    out = []
    # Horizontal rulings are long; a vertical one may be as short as one row of a table
    # (a header cell), so it is kept short and then kept only where it runs from one
    # horizontal ruling to another: the stem of a letter does not.
    for horizontal, length in ((True, max(40, width // 40)), (False, max(15, height // 120))):
        kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (length, 1) if horizontal else (1, length))
        mask = cv2.morphologyEx(ink, cv2.MORPH_OPEN, kernel)
        # Pieces of one skewed or broken ruling, joined along it.
        join = cv2.getStructuringElement(cv2.MORPH_RECT, (9, 3) if horizontal else (3, 9))
        mask = cv2.dilate(mask, join)
        out.append(_segments(mask, horizontal, length))
    least = 3 * max(40, width // 40)
    long = [h for h in out[0] if abs(h.x1 - h.x0) >= least]
    vertical = [v for v in out[1] if _spans_rows(v, long)]
    # A shorter one counts where it runs from one vertical ruling to another: the rule
    # under a narrow column's cell (a reference column beside a merged group cell).
    return long + [h for h in out[0] if abs(h.x1 - h.x0) < least and _spans_columns(h, vertical)], vertical


def _spans_columns(h: Segment, vertical: list[Segment]) -> bool:
    """Whether both ends of a horizontal segment sit on vertical rulings, two different ones."""
    def ruling_at(end: float) -> Segment | None:
        y = h.y_at(end)
        near = [v for v in vertical if min(v.y0, v.y1) - _NEAR <= y <= max(v.y0, v.y1) + _NEAR
                and abs(v.x_at(y) - end) <= _NEAR]
        return min(near, key=lambda v: abs(v.x_at(y) - end), default=None)

    left, right = ruling_at(min(h.x0, h.x1)), ruling_at(max(h.x0, h.x1))
    return left is not None and right is not None and left is not right


def _spans_rows(v: Segment, horizontal: list[Segment]) -> bool:
    """Whether a vertical segment runs from one horizontal ruling to another: the highest
    and lowest it meets, near its ends or crossed on its way (a border may run on past the
    table's last ruling, into text below that it touches in the image)."""
    top_end, bottom_end = min(v.y0, v.y1), max(v.y0, v.y1)
    met = [h for h in horizontal if min(h.x0, h.x1) - _NEAR <= v.x_at(h.y0) <= max(h.x0, h.x1) + _NEAR
           and top_end - 2 * _NEAR <= h.y_at(v.x_at(h.y0)) <= bottom_end + 2 * _NEAR]
    if len(met) < 2:
        return False
    top = min(met, key=lambda h: h.y_at(v.x0))
    bottom = max(met, key=lambda h: h.y_at(v.x0))
    # Most of the way between the two: a letter's stem in a row stops well short of both.
    between = abs(bottom.y_at(v.x0) - top.y_at(v.x0))
    reach = min(bottom_end, bottom.y_at(v.x0) + _NEAR) - max(top_end, top.y_at(v.x0) - _NEAR)
    return between > 2 * _NEAR and reach >= 0.8 * between


def _segments(mask: Any, horizontal: bool, min_length: int) -> list[Segment]:
    import cv2
    import numpy as np

    count, labels, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
    segments = []
    for label in range(1, count):
        x, y, w, h = (int(v) for v in stats[label][:4])
        if (w if horizontal else h) < min_length:
            continue
        ys, xs = np.nonzero(labels[y:y + h, x:x + w] == label)
        if horizontal:
            slope, intercept = np.polyfit(xs + x, ys + y, 1) if np.ptp(xs) else (0.0, float(np.mean(ys + y)))
            segments.append(Segment(x, slope * x + intercept, x + w - 1, slope * (x + w - 1) + intercept))
        else:
            slope, intercept = np.polyfit(ys + y, xs + x, 1) if np.ptp(ys) else (0.0, float(np.mean(xs + x)))
            segments.append(Segment(slope * y + intercept, y, slope * (y + h - 1) + intercept, y + h - 1))
    return segments


def lines_in(grid: Grid, lines: list[TextLine]) -> list[int]:
    """Indexes of the text lines whose centre is inside the grid."""
    return [i for i, line in enumerate(lines) if grid.cell_of(*line.centre) is not None]
