"""The document model every reader returns and every later stage reads.

Small on purpose: pages, paragraphs and tables of rows and cells, with the text, fill
colour, page and position a cell had. Nothing here knows about action plans.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

# Text that is only shapes: geometric shapes, the large circles and squares, the record
# button, and a symbol font's private-use glyphs (Wingdings' circle). A status shown as a
# coloured dot ("●" in red) is a cell's colour, as a shaded cell's is: readers give such
# a cell its symbols' colour as its fill, and the status is read from that.
SYMBOLS = re.compile(r"^[\s\u25a0-\u25ff\u2b1b-\u2b24\u26aa\u26ab\u23fa\uf000-\uf0ff]+$")


_HEADING_STYLE = re.compile(r"^heading\s*([1-9])$", re.I)


def only_symbols(text: str) -> bool:
    return bool(text.strip()) and SYMBOLS.match(text) is not None


@dataclass(frozen=True)
class Box:
    """A rectangle in PDF points, origin top-left of its page."""

    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def height(self) -> float:
        return self.bottom - self.top


@dataclass(frozen=True)
class Line:
    """One printed line of text (PDF only): where it sits lets a reader tell wrapped
    lines from new paragraphs and match an officer's line to the action beside it."""

    text: str
    box: Box
    page: int = 0

    @property
    def position(self) -> tuple[int, float]:
        """(page, top): orders lines across page breaks."""
        return (self.page, self.box.top)


@dataclass
class Paragraph:
    text: str  # the text as typed, without any automatic list label
    label: str = ""  # what Word's automatic numbering shows ("12)", "2.3", "-"), or ""
    style: str = ""  # Word style name, e.g. "Heading 1"
    size: float = 0.0  # font size in points where known (PDF), else 0
    bold: bool = False
    page: int | None = None  # 1-based, PDF only
    lines: tuple[Line, ...] = ()  # PDF only
    # A list item's depth: 0 at the top (or no list); Word's list level, a web page's
    # nested list, a PDF item set in further than the items above it.
    level: int = 0

    @property
    def heading_level(self) -> int | None:
        """1-9 for a heading styled as one (Word's and OpenDocument's "Heading 2", a web
        page's h2; a title is 1), None for any other paragraph."""
        m = _HEADING_STYLE.match(self.style)
        if m:
            return int(m.group(1))
        return 1 if self.style.lower() == "title" else None

    @property
    def shown(self) -> str:
        """The paragraph as a reader sees it: label, then text."""
        return f"{self.label} {self.text}".strip() if self.label else self.text

    @property
    def box(self) -> Box | None:
        if not self.lines:
            return None
        return Box(
            min(ln.box.x0 for ln in self.lines),
            self.lines[0].box.top,
            max(ln.box.x1 for ln in self.lines),
            self.lines[-1].box.bottom,
        )


@dataclass
class Cell:
    paragraphs: list[Paragraph]
    col: int  # grid column where the cell starts
    col_span: int = 1
    # True where the cell continues a vertical merge from the row above (Word vMerge, or
    # a PDF cell that spans rows): its content belongs to the cell it continues.
    continued: bool = False
    fill: str | None = None  # "RRGGBB" of the cell's shading, None where unfilled
    page: int | None = None
    box: Box | None = None

    @property
    def text(self) -> str:
        return "\n".join(p.shown for p in self.paragraphs if p.shown)


@dataclass
class Row:
    cells: list[Cell]
    page: int | None = None
    header: bool = False  # marked as a repeating header row (Word tblHeader)
    box: Box | None = None

    def cell_at(self, col: int) -> Cell | None:
        """The cell covering grid column ``col``."""
        for cell in self.cells:
            if cell.col <= col < cell.col + cell.col_span:
                return cell
        return None


@dataclass
class Table:
    rows: list[Row]
    page: int | None = None  # page of the first row (PDF)
    # PDF tables arrive one page at a time: a table printed over three pages is three
    # Tables here, and extract joins them (and rows split across the page breaks).
    box: Box | None = None
    sheet: str = ""  # the worksheet a spreadsheet's table is, "" elsewhere

    @property
    def n_cols(self) -> int:
        return max((c.col + c.col_span for r in self.rows for c in r.cells), default=0)


Block = Paragraph | Table


def cell_paragraphs(blocks: Iterable[Block]) -> list[Paragraph]:
    """A cell's paragraphs from what it holds: its own, and a table nested in it as its
    cells' paragraphs in reading order (Word, OpenDocument and web pages all nest them)."""
    out: list[Paragraph] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            out.append(block)
        else:
            out.extend(p for r in block.rows for c in r.cells for p in c.paragraphs)
    return out


@dataclass
class Document:
    source: str  # path as given, relative to the input folder
    format: str  # as sniff_format names it: "pdf", "docx", "xlsx", "odt", "html"...
    pages: int | None
    blocks: list[Block] = field(default_factory=list)  # reading order
    furniture: list[Paragraph] = field(default_factory=list)  # running headers/footers
    properties: dict[str, str] = field(default_factory=dict)  # title, author...
    # What the reader left out or guessed, for the paper's row ("2 hidden rows skipped").
    warnings: list[str] = field(default_factory=list)
    ocr_pages: tuple[int, ...] = ()  # 1-based pages whose text was recognised from their image
    # 1-based PDF pages the first pass read as text alone, no table analysis (no plan's
    # header or rows on them): a paper without a plan says how many.
    skimmed: tuple[int, ...] = ()

    @property
    def paragraphs(self) -> list[Paragraph]:
        return [b for b in self.blocks if isinstance(b, Paragraph)]

    @property
    def tables(self) -> list[Table]:
        return [b for b in self.blocks if isinstance(b, Table)]
