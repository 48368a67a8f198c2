"""One PDF page read into the document model: its ruled tables (cells from drawn lines,
each with the words whose centres fall inside it and the fill drawn under most of it),
its unruled tables (``ingest/stream.py``), and the paragraphs of text around them."""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from actionplans.ingest.bullets import bullet_words
from actionplans.ingest.layout import lines_to_paragraphs, words_to_lines
from actionplans.ingest.model import Box, Cell, Paragraph, Row, Table
from actionplans.ingest.pdfcolour import rgb, symbol_colour
from actionplans.ingest.prefilter import PageText, page_paragraphs
from actionplans.ingest.stream import Fill, all_bold, find_stream_tables, reaches_into_margin

if TYPE_CHECKING:  # pdf.py imports this module: its settings are for types only here
    from actionplans.ingest.pdf import PdfSettings


def text_page(seen: PageText, settings: PdfSettings) -> PdfPage:
    blocks: list[Paragraph | Table] = list(page_paragraphs(seen, settings.layout))
    return PdfPage(seen.number, seen.height, blocks, seen.has_text, seen.has_images)


@dataclass
class PdfPage:
    number: int
    height: float
    blocks: list[Paragraph | Table]
    has_text: bool
    has_images: bool


def read_page(page: Any, number: int, settings: PdfSettings) -> PdfPage:
    # Each word with its characters: a coloured symbol's colour is its cell's fill.
    words = page.extract_words(extra_attrs=["size", "fontname"], keep_blank_chars=False, return_chars=True)
    words += bullet_words([*page.curves, *page.rects], words)
    # A hairline-thin filled rectangle is a rule (a browser draws a cell's border so),
    # never a cell's colour.
    fills = [r for r in page.rects if r.get("fill") and rgb(r.get("non_stroking_color")) is not None
             and not _is_rule(r)]
    tables = [t for t in page.find_tables(settings.table) if not _painted_band(t, fills)]
    blocks: list[Paragraph | Table] = []
    claimed: set[int] = set()
    for t in tables:
        table, used = _table(t, words, fills, number, settings)
        # Rectangles that touch make a grid with no words in it (a column of status
        # colours beside an unruled table, a colour key): a drawing, not a table.
        if table.rows and used:
            blocks.append(table)
            claimed |= used
    free = [w for i, w in enumerate(words) if i not in claimed]
    boxes = [t.bbox for t in tables]
    # Tables drawn without lines, in the text no ruled table took.
    taken: set[int] = set()
    # Running headers and footers sit in the page margins; they must not seed a table.
    height = float(page.height)
    top, bottom = settings.stream_margin * height, (1 - settings.stream_margin) * height
    inside = [i for i, w in enumerate(free) if w["top"] > top and w["bottom"] < bottom]
    inside = sorted(inside + _repeated_header(free, top, settings))
    shades = [Fill(Box(r["x0"], r["top"], r["x1"], r["bottom"]), rgb(r.get("non_stroking_color")) or "")
              for r in fills]
    for table, used_body in find_stream_tables([free[i] for i in inside], number, settings.layout, settings.stream,
                                               shades, _rules_across(page)):
        used = {inside[i] for i in used_body}
        blocks.append(table)
        taken |= used
        if table.box is not None:
            boxes.append((table.box.x0, table.box.top, table.box.x1, table.box.bottom))
    free = [w for i, w in enumerate(free) if i not in taken]
    blocks.extend(_free_paragraphs(free, number, settings, boxes))
    blocks.sort(key=lambda b: _top(b))
    return PdfPage(number, float(page.height), blocks, bool(page.chars), bool(page.images))


def _repeated_header(words: list[dict[str, Any]], top: float, settings: PdfSettings) -> list[int]:
    """The words (by index) of the line on the running header's margin's edge where it
    is the page's table reaching up into the margin (a browser prints a <thead> again
    at each page's top, or carries a group's banner over the break): see
    ``stream.reaches_into_margin``. A bold line there that no table takes stays a paragraph."""
    edge = [i for i, w in enumerate(words) if w["top"] <= top < w["bottom"]]
    line = sorted((words[i] for i in edge), key=lambda w: w["x0"])
    if not all_bold(line):
        return []  # most pages: nothing bold on the edge, so the page's lines are not built for it
    below = [ws for _, ws in words_to_lines([w for w in words if w["top"] > top], settings.layout)]
    return edge if reaches_into_margin(line, below, settings.stream) else []


def _painted_band(table: Any, fills: list[dict[str, Any]]) -> bool:
    """Whether a ruled table is only a row of colour painted cell by cell (a browser fills
    each header cell on its own, a point or two apart): one row, each cell the edges of
    one filled rectangle, all of one colour. Its text is read as the band it is (a
    shaded header over an unruled table), not as a table of its own."""
    if len(table.rows) != 1:
        return False
    colours = set()
    for bbox in (c for c in table.rows[0].cells if c):
        fill = next((f for f in fills if all(abs(a - b) <= 3 for a, b in
                                             zip(bbox, (f["x0"], f["top"], f["x1"], f["bottom"]), strict=True))), None)
        if fill is None:
            return False
        colours.add(rgb(fill.get("non_stroking_color")))
    return len(colours) == 1


def _rules_across(page: Any) -> list[Box]:
    """Rules drawn across the page: level lines, and rectangles no taller than 2 points
    (a word processor draws a border as a thin filled rectangle)."""
    return [Box(o["x0"], o["top"], o["x1"], o["bottom"]) for o in [*page.lines, *page.rects]
            if o["bottom"] - o["top"] <= 2 and o["x1"] - o["x0"] > 5]


def _is_rule(rect: dict[str, Any]) -> bool:
    """A rectangle no thicker than 2 points and longer than 5: a rule across or down."""
    thin, long = sorted((rect["x1"] - rect["x0"], rect["bottom"] - rect["top"]))
    return thin <= 2 and long > 5


def _top(block: Paragraph | Table) -> float:
    box = block.box
    return box.top if box is not None else 0.0


def _free_paragraphs(words: list[dict[str, Any]], page: int, settings: PdfSettings,
                     table_boxes: list[tuple[float, float, float, float]]) -> list[Paragraph]:
    """Paragraphs of text outside tables, cut where a table interrupts the flow."""
    lines = words_to_lines(words, settings.layout, page)
    if not lines:
        return []
    right = max(line.box.x1 for line, _ in lines)
    out: list[Paragraph] = []
    run: list[Any] = []
    cuts = sorted(b[1] for b in table_boxes)
    for item in lines:
        if run and any(run[-1][0].box.bottom <= cut <= item[0].box.top for cut in cuts):
            out.extend(lines_to_paragraphs(run, right, page, settings.layout))
            run = []
        run.append(item)
    out.extend(lines_to_paragraphs(run, right, page, settings.layout))
    return out


def _table(t: Any, words: list[dict[str, Any]], fills: list[dict[str, Any]], page: int,
           settings: PdfSettings) -> tuple[Table, set[int]]:
    xs = sorted({round(c[0], 1) for c in t.cells} | {round(c[2], 1) for c in t.cells})
    cols = _merge_close(xs)
    used: set[int] = set()
    rows: list[Row] = []
    spans: list[tuple[int, int, float]] = []  # (col, col_span, bottom) of cells spanning rows
    for prow in t.rows:
        cells: list[Cell] = []
        row_top = min((c[1] for c in prow.cells if c), default=0.0)
        for bbox in prow.cells:
            if bbox is None:
                continue
            col, span = _grid(bbox, cols)
            inside = [i for i, w in enumerate(words) if _centre_in(w, bbox)]
            used.update(inside)
            cells.append(_cell([words[i] for i in inside], bbox, col, span, fills, page, settings))
            spans.append((col, span, bbox[3]))
        covered = {c for cell in cells for c in range(cell.col, cell.col + cell.col_span)}
        for col, span, bottom in spans:
            if bottom > row_top + 1 and col not in covered:
                cells.append(Cell(paragraphs=[], col=col, col_span=span, continued=True, page=page))
                covered.update(range(col, col + span))
        cells.sort(key=lambda c: c.col)
        boxes = [c for c in prow.cells if c]
        rows.append(Row(cells=cells, page=page, box=Box(min(b[0] for b in boxes), min(b[1] for b in boxes),
                                                         max(b[2] for b in boxes), max(b[3] for b in boxes))))
    x0, top, x1, bottom = t.bbox
    return Table(rows=rows, page=page, box=Box(x0, top, x1, bottom)), used


def _merge_close(xs: list[float], tol: float = 2.0) -> list[float]:
    out: list[float] = []
    for x in xs:
        if not out or x - out[-1] > tol:
            out.append(x)
    return out


def _grid(bbox: tuple[float, float, float, float], cols: list[float]) -> tuple[int, int]:
    start = min(range(len(cols)), key=lambda i: abs(cols[i] - bbox[0]))
    end = min(range(len(cols)), key=lambda i: abs(cols[i] - bbox[2]))
    return start, max(end - start, 1)


def _centre_in(word: dict[str, Any], bbox: tuple[float, float, float, float]) -> bool:
    cx = (word["x0"] + word["x1"]) / 2
    cy = (word["top"] + word["bottom"]) / 2
    return bbox[0] <= cx <= bbox[2] and bbox[1] <= cy <= bbox[3]


def _cell(words: list[dict[str, Any]], bbox: tuple[float, float, float, float], col: int, span: int,
          fills: list[dict[str, Any]], page: int, settings: PdfSettings) -> Cell:
    lines = words_to_lines(words, settings.layout, page)
    pad = min((line.box.x0 for line, _ in lines), default=bbox[0] + 5) - bbox[0]
    right = bbox[2] - max(pad, 1.0)
    paragraphs = lines_to_paragraphs(lines, right, page, settings.layout) if lines else []
    fill = _fill(bbox, fills, settings) or _swatch(bbox, fills, words) or symbol_colour(words)
    return Cell(paragraphs=paragraphs, col=col, col_span=span, fill=fill, page=page, box=Box(*bbox))


def _fill(bbox: tuple[float, float, float, float], fills: list[dict[str, Any]], settings: PdfSettings) -> str | None:
    area = max((bbox[2] - bbox[0]) * (bbox[3] - bbox[1]), 1.0)
    best: tuple[float, str] | None = None
    for r in fills:
        w = min(bbox[2], r["x1"]) - max(bbox[0], r["x0"])
        h = min(bbox[3], r["bottom"]) - max(bbox[1], r["top"])
        if w <= 0 or h <= 0:
            continue
        r_area = (r["x1"] - r["x0"]) * (r["bottom"] - r["top"])
        if r_area > 4 * area:  # a page or table background, not this cell's shading
            continue
        cover = w * h / area
        colour = rgb(r.get("non_stroking_color"))
        if colour and cover >= settings.fill_cover and (best is None or cover > best[0]):
            best = (cover, colour)
    if best is None or best[1] == "FFFFFF":
        return None
    return best[1]


def _swatch(bbox: tuple[float, float, float, float], fills: list[dict[str, Any]],
            words: list[dict[str, Any]]) -> str | None:
    """The colour of a swatch drawn in a ruled cell (a small square at its first line or
    in its middle, a status shown by colour alone): a filled rectangle too small to be
    the cell's fill, with no word on it, which the cell's extent holds whole. Only where
    every such rectangle in the cell is of one colour; white is no colour."""
    colours: set[str | None] = set()
    for r in fills:
        inside = bbox[0] - 1 <= r["x0"] and r["x1"] <= bbox[2] + 1 and bbox[1] - 1 <= r["top"] and \
            r["bottom"] <= bbox[3] + 1
        if inside and not any(_centre_in(w, (r["x0"], r["top"], r["x1"], r["bottom"])) for w in words):
            colours.add(rgb(r.get("non_stroking_color")))
    colours -= {None, "FFFFFF"}
    return colours.pop() if len(colours) == 1 else None
