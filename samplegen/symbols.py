"""A tracker whose status column shows each action's RAG as a coloured dot ("●" in red,
amber or green; a black dot where none is given), as many council trackers print it:
ruled and unruled PDF, and Word. One data structure, ``ROWS``, is both what is drawn
and what the tests expect.

The PDFs need a font with the dot (DejaVu Sans, a system font here): they are committed
in ``tests/fixtures/symbols`` and rebuilt by ``python -m samplegen.symbols OUTDIR``. The
Word file needs no font and is built by the tests themselves.
"""
from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

DOT = "\u25cf"
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
HEADER = ("Ref", "Action", "Lead officer", "RAG")


@dataclass(frozen=True)
class SymbolRow:
    number: str
    action: str
    lead: str
    colour: str  # the dot's colour, "RRGGBB"
    rag: str  # what the status reads as: the colour's name, "" for a black dot


ROWS = (
    SymbolRow("1", "Review the threshold document with every partner agency.", "Head of MASH", "C00000", "Red"),
    SymbolRow("2", "Audit twenty supervision records each month.", "Head of Quality", "FFC000", "Amber"),
    SymbolRow("3", "Train every team manager in reflective supervision.", "Principal Social Worker", "00B050",
              "Green"),
    SymbolRow("4", "Publish the revised early help offer for families.", "Head of Early Help", "000000", ""),
)
TITLE = "Stourvale Borough Council: Children's Services Improvement Tracker, as at 1 March 2025"


def _rgb(hex_rgb: str) -> tuple[float, float, float]:
    return tuple(int(hex_rgb[i:i + 2], 16) / 255 for i in (0, 2, 4))  # type: ignore[return-value]


def write_pdf(path: Path, ruled: bool) -> Path:
    """The tracker as a PDF: a ruled grid, or columns set apart by space alone."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("DejaVu", str(FONT)))
    c = canvas.Canvas(str(path), pagesize=landscape(A4), invariant=True)
    c.setFont("DejaVu", 14)
    c.drawString(50, 540, TITLE)
    lefts, width, height, top = (50, 100, 520, 700), 740, 34, 500
    for r, cells in enumerate([HEADER, *[(row.number, row.action, row.lead, DOT) for row in ROWS]]):
        y = top - r * height
        colour = "000000" if r == 0 else ROWS[r - 1].colour
        for left, text in zip(lefts, cells, strict=True):
            c.setFont("DejaVu", 10 if text != DOT else 14)
            c.setFillColorRGB(*_rgb(colour if text == DOT else "000000"))
            c.drawString(left + 5, y - 21, text)
        if ruled:
            c.setFillColorRGB(0, 0, 0)
            c.rect(lefts[0], y - height, width, height)
            for left in lefts[1:]:
                c.line(left, y, left, y - height)
    c.save()
    return path


def write_docx(path: Path, inserted: bool = False) -> Path:
    """The tracker as a Word table, each dot a run in its colour: typed "●", or (with
    ``inserted``) Wingdings' circle put in by Insert > Symbol (a ``w:sym``)."""
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import RGBColor

    document = docx.Document()
    document.add_paragraph(TITLE)
    table = document.add_table(rows=1, cols=len(HEADER))
    for cell, text in zip(table.rows[0].cells, HEADER, strict=True):
        cell.text = text
    for row in ROWS:
        cells = table.add_row().cells
        for cell, text in zip(cells, (row.number, row.action, row.lead), strict=False):
            cell.text = text
        run = cells[3].paragraphs[0].add_run("" if inserted else DOT)
        run.font.color.rgb = RGBColor.from_string(row.colour)
        if inserted:
            sym = OxmlElement("w:sym")
            sym.set(qn("w:font"), "Wingdings")
            sym.set(qn("w:char"), "F06C")
            run._r.append(sym)
    document.save(str(path))
    return path


def build(outdir: Path) -> list[Path]:
    outdir.mkdir(parents=True, exist_ok=True)
    return [write_pdf(outdir / "symbols_ruled.pdf", True), write_pdf(outdir / "symbols_unruled.pdf", False)]


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print("usage: python -m samplegen.symbols OUTDIR", file=sys.stderr)
        sys.exit(2)
    for written in build(Path(sys.argv[1])):
        print(written)
