"""Draw a family paper's plan straight to PDF with reportlab, unruled, as a council's
report-writing system prints it (issue 16, item 7).

The plan is the grid ``layout_writer.plan_blocks`` makes from the paper's ``Plan`` and
its ``Look``, so the printed table and the tests' expectation come from one spec. Around
it: a running header (council, plan title) and footer (the meeting, "Page n of N"), the
appendix label and title, the paper's first body paragraph above the table and the rest
below it, the look's key note under the table, and the plan's glossary as a second
unruled table with a bold header row.

``drawn_pdf`` draws a plan as other programs do (issue 12): rules as segments cut one of
several ways, statuses as coloured blocks with no words, a colour key of blocks above the
table, and a page break placed among one recommendation's rows.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from reportlab.lib.colors import HexColor
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas

from . import pdf_writer as pw
from .layout_writer import C, Grid, Look, P, R, placed_cells, plan_blocks
from .spec import Paper, Plan


def _glossary_grid(plan: Plan) -> Grid:
    head = R([C([P(text, bold=True)]) for text in plan.glossary_header], header=True)
    rows = [R([C([P(code)]), C([P(name)])]) for code, name in plan.glossary]
    return Grid([head, *rows], plan.glossary_widths or (3.0, 10.0), 9.5)


def _plan_flow(plan: Plan, look: Look) -> list[pw.Flow]:
    flow: list[pw.Flow] = []
    for block in plan_blocks(plan, look):
        if isinstance(block, Grid):
            flow.append(pw.Table(block, ruled=False, pad=4))
        elif isinstance(block, P) and block.text:
            flow.append(pw.Text(block.text, size=block.size or 9.5, bold=block.bold, after=8))
    return flow


def _appendix(paper: Paper, landscape: bool, who: str) -> tuple[Plan, str, pw.Template]:
    """(plan, appendix label, page template) of a plan printed as a committee appendix:
    ``paper.heading`` is (council, meeting line for the footer, appendix label)."""
    plan = paper.plan
    if plan is None or len(paper.heading) != 3 or not paper.body:
        raise ValueError(f"{who}: needs a plan, three heading lines and a body")
    council, meeting, appendix = paper.heading
    side = (1.5 if landscape else 1.8) * pw.CM
    template = pw.Template(
        landscape=landscape, margins=(side, side, 2.3 * pw.CM, 1.9 * pw.CM),
        header_left=council, header_right=plan.title, footer_left=meeting, footer_right="Page {page} of {pages}")
    return plan, appendix, template


def unruled_pdf(paper: Paper, look: Look, path: Path, *, landscape: bool = True) -> Path:
    """``paper.heading`` is (council, meeting line for the footer, appendix label)."""
    plan, appendix, template = _appendix(paper, landscape, "unruled_pdf")
    items: list[pw.Flow] = [
        pw.Text(appendix, size=11, bold=True, align="right", after=4),
        pw.Text(plan.title, size=14, bold=True, color="1F3864", after=8),
        pw.Text(paper.body[0], size=9.5, after=10),
        *_plan_flow(plan, look),
        *(pw.Text(text, size=9.5, before=6) for text in paper.body[1:]),
    ]
    if plan.glossary:
        items += [pw.Text("Abbreviations", size=11, bold=True, before=8, after=4),
                  pw.Table(_glossary_grid(plan), ruled=False, pad=3)]
    pw.write_pdf(path, items, template, title=paper.title, author=paper.council)
    return path




# =========================================================================== issue 12
# Plans as other table-drawing programs print them: rules in segments cut their own way,
# a status shown by a coloured block with no words, a colour key of blocks above the
# table, and a page break that cuts a recommendation's rows.
RULES = ("long", "cells", "odd", "overlap", "double", "rects")
SWATCHES = ("cell", "narrow", "wide", "left")


@dataclass(frozen=True)
class Drawing:
    """How a program draws a plan (issue 12, items 1, 3 and 4)."""

    rules: str = ""  # "" draws no rules; else one of RULES (see ``_rule_ops``)
    # A status cell's colour: "cell" fills the cell (shading), "narrow" is a small block
    # set a little above the row's first line, "wide" reaches past the column's own box,
    # "left" a small block at the cell's left, under a header centred over the column.
    swatch: str = "cell"
    key: tuple[tuple[str, str], ...] = ()  # (fill, meaning): blocks and words above the table
    key_across: bool = True  # the key on one line; else one block per line
    cut: str = ""  # the recommendation whose rows a page break must cut
    # The cut recommendation's text printed after the break, under the repeated header,
    # its number left at the foot of the page before (as LibreOffice does with a merged
    # cell whose text does not fit above the break).
    pushed: bool = False

    def __post_init__(self) -> None:
        if self.rules and self.rules not in RULES or self.swatch not in SWATCHES:
            raise ValueError(f"Drawing: rules must be one of {RULES}, swatch one of {SWATCHES}")


@dataclass(frozen=True)
class _Key:
    entries: tuple[tuple[str, str], ...]
    across: bool
    size: float = 9


class _Layout12(pw._Layout):
    """The flow layout, with a colour key: blocks drawn as rectangles, words beside them."""

    def key(self, k: _Key) -> None:
        line = k.size * pw.LEADING + 4
        x = self.left
        if k.across:
            self.page.ops.append(("text", x, self.y + k.size, "Key:", pw.font(True), k.size, "000000", "left"))
            x += stringWidth("Key:", pw.font(True), k.size) + 10
        for fill, text in k.entries:
            self.page.ops.append(("swatch", x, self.y + 0.5, 18.0, k.size, fill))
            self.page.ops.append(("text", x + 24, self.y + k.size, text, pw.font(), k.size, "000000", "left"))
            if k.across:
                x += 24 + stringWidth(text, pw.font(), k.size) + 20
            else:
                self.y += line
        self.y += (line if k.across else 0) + 10


def drawn_pdf(paper: Paper, look: Look, drawing: Drawing, path: Path, *, landscape: bool = True) -> Path:
    """A plan drawn as ``drawing`` says, around it what ``unruled_pdf`` prints. Where the
    drawing names a recommendation to cut, blank space above the table moves it until a
    page break falls among that recommendation's rows."""
    plan, appendix, template = _appendix(paper, landscape, "drawn_pdf")
    grid = next(b for b in plan_blocks(plan, look) if isinstance(b, Grid) and b.rows[0].header)
    status = look.columns.index("rag") if "rag" in look.columns else -1
    fills = _take_status_fills(grid, status)
    if drawing.swatch == "left":
        _centre_header(grid, status)
    table = pw.Table(grid, ruled=False, pad=4)

    def lay_out(push: float) -> _Layout12:
        layout = _Layout12(template)
        for item in (pw.Text(appendix, size=11, bold=True, align="right", after=4),
                     pw.Text(plan.title, size=14, bold=True, color="1F3864", after=8),
                     pw.Text(paper.body[0], size=9.5, after=10)):
            layout.text(item)
        if drawing.key:
            layout.key(_Key(drawing.key, drawing.key_across))
        layout.y += push
        layout.table(table)
        for text in paper.body[1:]:
            layout.text(pw.Text(text, size=9.5, before=6))
        return layout

    push = _cut_push(lay_out, table, _rows_of(plan, drawing.cut)) if drawing.cut else 0.0
    layout = lay_out(push)
    pushed = look.columns.index("recommendation") if drawing.pushed else -1
    _draw(path, layout, table, drawing, (status, pushed), fills, title=paper.title, author=paper.council)
    return path


def _take_status_fills(grid: Grid, status: int) -> dict[int, str]:
    """Each grid row's status colour, taken off its cell: the colour is drawn as the
    drawing's block, not as the cell's shading."""
    fills: dict[int, str] = {}
    for r, row in enumerate(placed_cells(grid)):
        for col, cell in row:
            if col == status and cell.fill and not grid.rows[r].header:
                fills[r], cell.fill = cell.fill, ""
    return fills


def _centre_header(grid: Grid, col: int) -> None:
    for placed, cell in placed_cells(grid)[0]:
        if placed == col:
            cell.content = [replace(p, align="center") if isinstance(p, P) else p for p in cell.content]


def _rows_of(plan: Plan, number: str) -> list[int]:
    """The grid rows of one recommendation's actions (row 0 is the header)."""
    row = 1
    for rec in plan.recommendations:
        if rec.number == number:
            return list(range(row, row + len(rec.actions)))
        row += len(rec.actions)
    raise ValueError(f"drawn_pdf: no recommendation {number!r} to cut")


def _row_pages(layout: pw._Layout, table: pw.Table) -> dict[int, int]:
    """The page each grid row starts on (a repeated header row keeps its first)."""
    pages: dict[int, int] = {}
    for number, page in enumerate(layout.pages):
        for op in page.ops:
            if op[0] == "cell" and op[6] is table:
                pages.setdefault(op[7], number)
    return pages


def _cut_push(lay_out: Callable[[float], _Layout12], table: pw.Table, rows: list[int]) -> float:
    for step in range(0, 240):
        push = 3.0 * step
        pages = _row_pages(lay_out(push), table)
        if pages[rows[0]] != pages[rows[-1]]:
            return push
    raise ValueError("drawn_pdf: no page break falls among the rows to cut")


def _draw(path: Path, layout: _Layout12, table: pw.Table, drawing: Drawing, cols: tuple[int, int],
          fills: dict[int, str], *, title: str, author: str) -> None:
    """Draw the laid-out pages. ``cols`` are the grid columns of the status blocks and of
    the text pushed past a page break (-1: none)."""
    status, pushed_col = cols
    xs = _column_xs(layout, table)
    pushed = {id(op[5]) for page in layout.pages for op in page.ops
              if op[0] == "part" and op[6] is table and xs.index(op[1]) == pushed_col}
    pages = len(layout.pages)
    c = pw.open_canvas(path, title, author)
    for number, page in enumerate(layout.pages, start=1):
        height = pw.start_page(c, page.template, number, pages)
        for op in page.ops:
            if op[0] == "text":
                pw.draw_text(c, height, *op[1:])
            elif op[0] == "swatch":
                _block(c, height, op[1:5], op[5])
            elif op[0] in ("cell", "part"):
                pw.draw_cell(c, height, op, content=(op[0] == "cell") != (id(op[5]) in pushed))
                if op[0] == "cell" and op[6] is table and op[7] in fills and xs.index(op[1]) == status:
                    _block(c, height, _swatch(op, drawing.swatch, table.pad), fills[op[7]])
        if drawing.rules:
            _rules(c, height, page, table, drawing.rules)
        c.showPage()
    c.save()


def _column_xs(layout: pw._Layout, table: pw.Table) -> list[float]:
    xs = [layout.left]
    for w in table.grid.widths:
        xs.append(xs[-1] + w * pw.CM)
    return xs


def _swatch(op: tuple, kind: str, pad: float) -> tuple[float, float, float, float]:  # type: ignore[type-arg]
    """(x, y, w, h) of a status block in its cell's box, top-down."""
    _, x, y, w, h, *_ = op
    if kind == "narrow":
        return x + w / 2 - 7, y + pad - 2, 14.0, 11.0
    if kind == "wide":
        return x - 3, y + 1, w + 6, h - 2
    if kind == "left":
        return x + pad, y + pad, 16.0, 10.0
    return x, y, w, h


def _block(c: canvas.Canvas, page_h: float, box: tuple[float, float, float, float], fill: str) -> None:
    x, y, w, h = box
    c.setFillColor(HexColor("#" + fill))
    c.rect(x, page_h - y - h, w, h, stroke=0, fill=1)


# ---- rules
Segment = tuple[float, float, float]  # (position across, start, end) of one straight rule


def _edges(page: pw._Page, table: pw.Table) -> tuple[list[Segment], list[Segment]]:
    """The borders of every cell of ``table`` on the page: horizontal (y, x0, x1) and
    vertical (x, y0, y1). A cell spanning rows has none between them."""
    h: set[Segment] = set()
    v: set[Segment] = set()
    for op in page.ops:
        if op[0] in ("cell", "part") and op[6] is table:
            _, x, y, w, ht, *_ = op
            x0, y0, x1, y1 = (round(n, 2) for n in (x, y, x + w, y + ht))
            h |= {(y0, x0, x1), (y1, x0, x1)}
            v |= {(x0, y0, y1), (x1, y0, y1)}
    return sorted(h), sorted(v)


def _joined(segments: list[Segment]) -> list[Segment]:
    """Segments on one line that touch, as one rule."""
    out: list[Segment] = []
    for at, a, b in sorted(segments):
        if out and out[-1][0] == at and a <= out[-1][2] + 0.01:
            out[-1] = (at, out[-1][1], max(out[-1][2], b))
        else:
            out.append((at, a, b))
    return out


def _odd_cuts(seg: Segment, crossings: list[float]) -> list[Segment]:
    """A rule cut where no column is: pieces of uneven length, a hair's gap here and
    there, a run of pieces too short to count at others, and at each rule it crosses the
    joint drawn as such pieces too."""
    at, a, b = seg
    cuts: list[Segment] = []
    steps = (21.3, 57.9, 23.6, 66.2)
    x, k = a, 0
    while x < b:
        end = min(b, x + steps[k % len(steps)])
        if k % 3 == 2 and end < b - 4:
            cuts += [(at, x, end), *((at, end + 0.9 * i, end + 0.9 * (i + 1)) for i in range(4))]
            end += 3.6
        else:
            cuts.append((at, x, end - (0.4 if k % 3 == 1 and end < b else 0.0)))
        x, k = end, k + 1
    out: list[Segment] = []
    for piece in cuts:
        out += _around_joints(piece, crossings)
    return out


def _around_joints(seg: Segment, crossings: list[float]) -> list[Segment]:
    at, a, b = seg
    out: list[Segment] = []
    x = a
    for cross in sorted(c for c in crossings if a + 2 < c < b - 2):
        out.append((at, x, cross - 1.8))
        out += [(at, cross - 1.8 + 0.9 * i, cross - 0.9 + 0.9 * i) for i in range(4)]
        x = cross + 1.8
    out.append((at, x, b))
    return out


def _rule_ops(kind: str, h: list[Segment], v: list[Segment]) -> list[tuple[str, float, float, float, float]]:
    """("line", x0, y0, x1, y1) or ("bar", x, y, w, h) for each piece, top-down.

    long: each rule one line; cells: each cell's border its own line; odd: rules cut at
    odd places (``_odd_cuts``); overlap: each cell's border reaching 1.5pt past its ends;
    double: two lines 3.5pt apart; rects: each cell's border a thin filled rectangle."""
    ops: list[tuple[str, float, float, float, float]] = []
    if kind == "long":
        ops += [("line", a, at, b, at) for at, a, b in _joined(h)] + [("line", at, a, at, b) for at, a, b in _joined(v)]
    elif kind == "cells":
        ops += [("line", a, at, b, at) for at, a, b in h] + [("line", at, a, at, b) for at, a, b in v]
    elif kind == "overlap":
        ops += [("line", a - 1.5, at, b + 1.5, at) for at, a, b in h]
        ops += [("line", at, a - 1.5, at, b + 1.5) for at, a, b in v]
    elif kind == "odd":
        xs, ys = sorted({s[0] for s in v}), sorted({s[0] for s in h})
        ops += [("line", a, at, b, at) for s in _joined(h) for at, a, b in _odd_cuts(s, xs)]
        ops += [("line", at, a, at, b) for s in _joined(v) for at, a, b in _odd_cuts(s, ys)]
    elif kind == "double":
        for d in (-1.75, 1.75):
            ops += [("line", a, at + d, b, at + d) for at, a, b in _joined(h)]
            ops += [("line", at + d, a, at + d, b) for at, a, b in _joined(v)]
    else:
        ops += [("bar", a - 0.3, at - 0.3, b - a + 0.6, 0.6) for at, a, b in h]
        ops += [("bar", at - 0.3, a - 0.3, 0.6, b - a + 0.6) for at, a, b in v]
    return ops


def _rules(c: canvas.Canvas, page_h: float, page: pw._Page, table: pw.Table, kind: str) -> None:
    h, v = _edges(page, table)
    c.setStrokeColor(HexColor("#000000"))
    c.setFillColor(HexColor("#000000"))
    c.setLineWidth(0.5)
    for op, a, b, p, q in _rule_ops(kind, h, v):
        if op == "line":
            c.line(a, page_h - b, p, page_h - q)
        else:
            c.rect(a, page_h - b - q, p, q, stroke=0, fill=1)


__all__ = ["RULES", "SWATCHES", "Drawing", "drawn_pdf", "unruled_pdf"]
