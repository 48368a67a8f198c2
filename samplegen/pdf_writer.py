"""Draw papers straight to PDF with reportlab, as report-writing systems do.

A small flow layout: paragraphs and tables (the grid model of ``layout_writer``) poured
onto pages, tables broken between rows with their header row repeated, a running header
and footer ("Page 3 of 12") on every page. Tables are ruled or not: an unruled table
separates its columns by white space only, as a Word table with its borders removed
prints. Output is byte-for-byte reproducible (reportlab's invariant mode).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen import canvas

from .layout_writer import C, Grid, Nested, P, placed_cells

CM = 28.3465
LEADING = 1.22


def font(bold: bool = False, italic: bool = False) -> str:
    return {(False, False): "Helvetica", (True, False): "Helvetica-Bold",
            (False, True): "Helvetica-Oblique", (True, True): "Helvetica-BoldOblique"}[(bold, italic)]


# --------------------------------------------------------------------------- flow items
@dataclass(frozen=True)
class Template:
    """A page style: size, margins, running header and footer. Footer and header texts
    may hold {page} and {pages}."""

    landscape: bool = False
    margins: tuple[float, float, float, float] = (2.0 * CM, 2.0 * CM, 2.0 * CM, 2.0 * CM)  # l r t b
    header_left: str = ""
    header_right: str = ""
    footer_left: str = ""
    footer_centre: str = ""
    footer_right: str = ""
    header_size: float = 8
    footer_size: float = 8

    @property
    def size(self) -> tuple[float, float]:
        return landscape(A4) if self.landscape else A4


@dataclass(frozen=True)
class Text:
    text: str
    size: float = 10
    bold: bool = False
    italic: bool = False
    before: float = 0
    after: float = 6
    label: str = ""  # a hanging number ("1.1") in front of the text
    indent: float = 0  # where the text starts when there is a label (pt)
    align: str = "left"
    color: str = "000000"


@dataclass(frozen=True)
class Table:
    grid: Grid
    ruled: bool = True
    pad: float = 3
    after: float = 10
    line: str = "000000"


@dataclass(frozen=True)
class NewPage:
    template: Template | None = None  # None: the current one


@dataclass(frozen=True)
class Spacer:
    height: float


Flow = Text | Table | NewPage | Spacer


# --------------------------------------------------------------------------- layout
@dataclass
class _Page:
    template: Template
    ops: list[tuple] = field(default_factory=list)  # type: ignore[type-arg]


class _Layout:
    def __init__(self, template: Template) -> None:
        self.pages: list[_Page] = []
        self.template = template
        self._new_page()

    # coordinates are top-down here; drawing flips them
    def _new_page(self, template: Template | None = None) -> None:
        self.template = template or self.template
        self.pages.append(_Page(self.template))
        self.y = self.template.margins[2]

    @property
    def page(self) -> _Page:
        return self.pages[-1]

    @property
    def bottom(self) -> float:
        return self.template.size[1] - self.template.margins[3]

    @property
    def left(self) -> float:
        return self.template.margins[0]

    @property
    def width(self) -> float:
        return self.template.size[0] - self.template.margins[0] - self.template.margins[1]

    def at_top(self) -> bool:
        return self.y <= self.template.margins[2] + 0.1

    # ---- paragraphs
    def text(self, t: Text) -> None:
        name = font(t.bold, t.italic)
        x = self.left + (t.indent if t.label else 0)
        lines = simpleSplit(t.text, name, t.size, self.width - (x - self.left)) or [""]
        lead = t.size * LEADING
        if not self.at_top():
            self.y += t.before
        for i, line in enumerate(lines):
            if self.y + lead > self.bottom:
                self._new_page()
            baseline = self.y + t.size
            if i == 0 and t.label:
                self.page.ops.append(("text", self.left, baseline, t.label, name, t.size, t.color, "left"))
            lx = x
            if t.align == "center":
                lx = self.left + self.width / 2
            elif t.align == "right":
                lx = self.left + self.width
            self.page.ops.append(("text", lx, baseline, line, name, t.size, t.color, t.align))
            self.y += lead
        self.y += t.after

    # ---- tables
    def table(self, t: Table) -> None:
        grid = t.grid
        xs = [self.left]
        for w in grid.widths:
            xs.append(xs[-1] + w * CM)
        placed = placed_cells(grid)
        heights = [0.0] * len(grid.rows)
        spans: list[tuple[int, int, float]] = []  # (first row, last row, content height)
        for r, row in enumerate(placed):
            for col, cell in row:
                h = _cell_height(cell, xs[col + cell.colspan] - xs[col], grid.size, t.pad)
                if cell.rowspan == 1:
                    heights[r] = max(heights[r], h)
                else:
                    spans.append((r, r + cell.rowspan - 1, h))
        for first, last, h in spans:
            short = h - sum(heights[first:last + 1])
            if short > 0:
                heights[last] += short
        need = list(heights)  # rows that must share a page with each row (its spans' text)
        for first, _, h in spans:
            k, total = first, 0.0
            while total < h:
                total += heights[k]
                k += 1
            need[first] = max(need[first], total)
        header = [r for r, row in enumerate(grid.rows) if row.header]
        body = [r for r in range(len(grid.rows)) if r not in header]
        for r in header:  # a header row never ends a page
            need[r] = sum(heights[h] for h in header if h >= r) + (need[body[0]] if body else 0)
        tops: dict[int, tuple[int, float]] = {}
        for r in range(len(grid.rows)):
            if self.y + need[r] > self.bottom and not self.at_top():
                self._new_page()
                if r in body:
                    for h_row in header:  # repeat the header rows
                        self._draw_row(t, xs, placed[h_row], h_row, heights)
                        self.y += heights[h_row]
            tops[r] = (len(self.pages) - 1, self.y)
            self._draw_row(t, xs, placed[r], r, heights)
            self.y += heights[r]
        self._continue_spans(t, xs, placed, heights, tops)
        self.y += t.after

    def _draw_row(self, t: Table, xs: list[float], row: list[tuple[int, C]], r: int, heights: list[float]) -> None:
        for col, cell in row:
            x0, x1 = xs[col], xs[col + cell.colspan]
            # a spanning cell is drawn to the end of its rows on this page; its other
            # parts on later pages by _continue_spans
            h = heights[r] if cell.rowspan == 1 else -1.0
            self.page.ops.append(("cell", x0, self.y, x1 - x0, h, cell, t, r))

    def _continue_spans(self, t: Table, xs: list[float], placed: list[list[tuple[int, C]]],
                        heights: list[float], tops: dict[int, tuple[int, float]]) -> None:
        """Give each spanning cell its height on every page its rows reach."""
        for page_no, page in enumerate(self.pages):
            fixed = []
            for op in page.ops:
                if op[0] != "cell" or op[4] != -1.0 or op[6] is not t:
                    fixed.append(op)
                    continue
                _, x0, y, w, _, cell, _, r = op
                rows = [k for k in range(r, r + cell.rowspan) if tops[k][0] == page_no]
                fixed.append(("cell", x0, y, w, sum(heights[k] for k in rows), cell, t, r))
                for later in sorted({tops[k][0] for k in range(r, r + cell.rowspan)} - {page_no}):
                    rows = [k for k in range(r, r + cell.rowspan) if tops[k][0] == later]
                    self.pages[later].ops.append(("part", x0, tops[rows[0]][1], w,
                                                  sum(heights[k] for k in rows), cell, t, r))
            page.ops = fixed

    def flow(self, items: list[Flow]) -> None:
        for item in items:
            if isinstance(item, Text):
                self.text(item)
            elif isinstance(item, Table):
                self.table(item)
            elif isinstance(item, Spacer):
                self.y += item.height
            elif isinstance(item, NewPage):
                self._new_page(item.template)


def _paragraph_lines(p: P, width: float, size: float) -> list[str]:
    return simpleSplit(p.text, font(p.bold, p.italic), p.size or size, width) if p.text else []


def _cell_height(cell: C, width: float, size: float, pad: float) -> float:
    inner = width - 2 * pad
    h = 0.0
    for item in cell.content:
        if isinstance(item, Nested):
            h += len(item.rows) * (size * LEADING + 2)
            continue
        n = len(_paragraph_lines(item, inner, size))
        h += n * (item.size or size) * LEADING + (2 if n else 0)
    return h + 2 * pad


# --------------------------------------------------------------------------- drawing
def draw_text(c: canvas.Canvas, page_h: float, x: float, baseline: float, text: str, name: str, size: float,
               color: str, align: str) -> None:
    c.setFillColor(HexColor("#" + (color or "000000")))
    c.setFont(name, size)
    y = page_h - baseline
    if align == "center":
        c.drawCentredString(x, y, text)
    elif align == "right":
        c.drawRightString(x, y, text)
    else:
        c.drawString(x, y, text)


def draw_cell(c: canvas.Canvas, page_h: float, op: tuple, *, content: bool) -> None:  # type: ignore[type-arg]
    _, x, y, w, h, cell, t, _ = op
    size = t.grid.size
    if cell.fill:
        c.setFillColor(HexColor("#" + cell.fill))
        c.rect(x, page_h - y - h, w, h, stroke=0, fill=1)
    if t.ruled:
        c.setStrokeColor(HexColor("#" + t.line))
        c.setLineWidth(0.5)
        c.rect(x, page_h - y - h, w, h, stroke=1, fill=0)
    if not content:
        return
    top = y + t.pad
    for item in cell.content:
        if isinstance(item, Nested):
            continue
        name = font(item.bold, item.italic)
        s = item.size or size
        for line in _paragraph_lines(item, w - 2 * t.pad, size):
            px = x + t.pad
            if item.align == "right":
                px = x + w - t.pad
            elif item.align == "center":
                px = x + w / 2
            draw_text(c, page_h, px, top + s * 0.9, line, name, s, item.color, item.align)
            top += s * LEADING
        top += 2


def write_pdf(path: Path, items: list[Flow], template: Template, *, title: str = "", author: str = "") -> int:
    """Lay out ``items`` from ``template`` on and write the PDF; returns its page count."""
    layout = _Layout(template)
    layout.flow(items)
    pages = len(layout.pages)
    c = open_canvas(path, title, author)
    for number, page in enumerate(layout.pages, start=1):
        height = start_page(c, page.template, number, pages)
        for op in page.ops:
            if op[0] == "text":
                draw_text(c, height, *op[1:])
            elif op[0] in ("cell", "part"):
                draw_cell(c, height, op, content=op[0] == "cell")
        c.showPage()
    c.save()
    return pages


def open_canvas(path: Path, title: str, author: str) -> canvas.Canvas:
    """A reproducible canvas that says Word made it, as councils' PDFs do."""
    path.parent.mkdir(parents=True, exist_ok=True)
    c = canvas.Canvas(str(path), invariant=1, pageCompression=1)
    c.setTitle(title)
    c.setAuthor(author)
    c.setCreator("Microsoft® Word for Microsoft 365")
    return c


def start_page(c: canvas.Canvas, tpl: Template, number: int, pages: int) -> float:
    """Size the page and print its running header and footer; returns its height."""
    width, height = tpl.size
    c.setPageSize((width, height))
    _furniture(c, tpl, number, pages)
    return height


def _furniture(c: canvas.Canvas, tpl: Template, page: int, pages: int) -> None:
    width, height = tpl.size
    left, right, top, bottom = tpl.margins
    hy = top - 0.9 * CM
    fy = height - bottom + 0.9 * CM
    for text, x, align, y, size in (
        (tpl.header_left, left, "left", hy, tpl.header_size),
        (tpl.header_right, width - right, "right", hy, tpl.header_size),
        (tpl.footer_left, left, "left", fy, tpl.footer_size),
        (tpl.footer_centre, width / 2, "center", fy, tpl.footer_size),
        (tpl.footer_right, width - right, "right", fy, tpl.footer_size),
    ):
        if text:
            draw_text(c, height, x, y, text.format(page=page, pages=pages), font(), size, "404040", align)


__all__ = ["CM", "NewPage", "Spacer", "Table", "Template", "Text", "write_pdf"]
