"""Read a PDF into the document model with pdfplumber.

Ruled tables come from pdfplumber's table finder (cells from drawn lines); each cell
gets the words whose centres fall inside it, then lines and paragraphs from layout.
A cell's fill is the colour of a filled rectangle drawn under most of it. Lines that
repeat at the top or bottom of most pages are running headers and footers: they go to
``Document.furniture``, not into the text.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pdfplumber
from pdfminer.pdfdocument import PDFPasswordIncorrect
from pdfminer.pdftypes import resolve1, resolve_all
from pdfminer.psparser import PSException
from pdfplumber.utils.exceptions import MalformedPDFException, PdfminerException

from actionplans.ingest.bullets import bullet_words
from actionplans.ingest.errors import ErrorCode, IngestError, raised_in
from actionplans.ingest.layout import LayoutSettings, lines_to_paragraphs, words_to_lines
from actionplans.ingest.model import Box, Cell, Document, Paragraph, Row, Table
from actionplans.ingest.pdfcolour import rgb, symbol_colour
from actionplans.ingest.pdfium import PDFIUM_ERRORS, open_pdf, read_text_pages
from actionplans.ingest.pdfium_page import PdfiumPage, font_table
from actionplans.ingest.prefilter import PageText, PrefilterSettings, Survey, page_paragraphs, survey_pdf
from actionplans.ingest.safety import PYTHON_ERRORS, pdf_failure
from actionplans.ingest.shards import can_fork, in_two
from actionplans.ingest.stream import Fill, StreamSettings, find_stream_tables


@dataclass(frozen=True)
class PdfSettings:
    layout: LayoutSettings = field(default_factory=LayoutSettings)
    # pdfplumber table finding: cells from drawn lines, as Word and LibreOffice draw them.
    # Pieces down to a tenth of a point count before they are joined: some programs draw
    # a rule as segments, with pieces shorter than a point where rules cross or at odd
    # places, and pdfplumber's default (1pt) drops those, leaving gaps wider than the
    # join tolerance that cut a rule, and so a cell spanning rows, in two.
    table: dict[str, Any] = field(default_factory=lambda: {
        "vertical_strategy": "lines", "horizontal_strategy": "lines",
        "snap_tolerance": 3, "join_tolerance": 3, "intersection_tolerance": 3, "edge_min_length_prefilter": 0.1,
    })
    stream: StreamSettings = field(default_factory=StreamSettings)
    fill_cover: float = 0.6  # share of a cell a filled rectangle must cover to be its fill
    margin_band: float = 0.12  # top/bottom share of a page where running headers sit
    # Top/bottom share of a page whose words never seed an unruled table: a running header
    # ("Council | Plan title") lines up with the columns below it.
    stream_margin: float = 0.06
    prefilter: PrefilterSettings = field(default_factory=PrefilterSettings)  # the fast first pass
    # Where a page gets the slow analysis, its characters and drawings come from:
    # "pdfminer" (pdfplumber's own), or "pdfium" (``ingest/pdfium_page.py``, in C: the
    # analysis in under half the time, but on some real pages not the same characters,
    # so not the default; docs/benchmarks.md).
    page_reader: str = "pdfminer"
    # A PDF of this many pages or more is read by two processes (a forked child takes a
    # share of its pages: ``ingest/shards.py``); 0: always one.
    two_cores_from: int = 40

    def __post_init__(self) -> None:
        if self.page_reader not in ("pdfminer", "pdfium"):
            raise ValueError('PdfSettings.page_reader must be "pdfminer" or "pdfium"')
        if self.two_cores_from < 0:
            raise ValueError("PdfSettings.two_cores_from must be >= 0")
        for name in ("fill_cover", "margin_band", "stream_margin"):
            if not 0 <= getattr(self, name) < 1:
                raise ValueError(f"PdfSettings.{name} must be in [0, 1)")


def read_pdf(path: Path, source: str, settings: PdfSettings | None = None) -> Document:
    """One PDF as the document model; raises IngestError with a one-line reason. A file
    pdfminer cannot open and PDFium can is read as text through PDFium, with a warning."""
    settings = settings or PdfSettings()
    opened = _Opening(path)
    survey = survey_pdf(path, settings.prefilter, settings.two_cores_from, meanwhile=opened)
    opened()  # where the fast pass did not do it beside its child
    if isinstance(opened.failure, _OPEN_ERRORS):
        return _through_pdfium(path, source, settings, pdf_failure(opened.failure), opened.failure)
    if opened.failure is not None:
        raise opened.failure
    pdf = opened.pdf
    try:
        if opened.pages_failure is not None:
            raise opened.pages_failure
        if not pdf.pages:
            return _through_pdfium(path, source, settings,
                                   IngestError("no_pages", "PDF has no readable pages (damaged page tree?)"))
        if survey is not None and len(survey.pages) != len(pdf.pages):
            survey = None  # the two parsers disagree about the pages: trust neither pass
        pages = _read_pages(path, pdf, settings, survey)
        if pages and not any(p.has_text for p in pages) and any(p.has_images for p in pages):
            raise IngestError("no_text", "no text layer (scanned?)")
        blocks, furniture = _strip_furniture(pages, settings)
        meta = pdf.metadata or {}
        properties = {k.lower(): v for k, v in meta.items() if k in ("Title", "Author") and isinstance(v, str) and v}
        skimmed = tuple(n for n in range(1, len(pages) + 1) if n not in survey.analyse) if survey else ()
        return Document(source=source, format="pdf", pages=len(pages), blocks=blocks,
                        furniture=furniture, properties=properties, skimmed=skimmed)
    finally:
        _close(pdf)


_OPEN_ERRORS = (PdfminerException, PDFPasswordIncorrect, PSException, ValueError, TypeError, KeyError, RecursionError)


@dataclass
class _Opening:
    """pdfminer's opening of the file and making of its pages, or why either failed:
    done once, beside the fast pass's child where it has one (``survey_pdf``)."""

    path: Path
    pdf: Any = None
    failure: Exception | None = None  # opening; pdfminer's own: the file is read through PDFium
    pages_failure: Exception | None = None  # making the pages: the file's verdict

    def __call__(self) -> None:
        if self.pdf is not None or self.failure is not None:
            return  # done already
        try:
            # The empty password first: many council PDFs are "encrypted" only against editing.
            self.pdf = pdfplumber.open(str(self.path), password="")
        except Exception as exc:  # raised, or read through PDFium, in read_pdf
            self.failure = exc
            return
        try:
            _pages(self.pdf)
        except Exception as exc:  # raised where one process would raise it, in read_pdf
            self.pages_failure = exc


def _through_pdfium(path: Path, source: str, settings: PdfSettings, failure: IngestError,
                    cause: BaseException | None = None) -> Document:
    """A file whose document pdfminer cannot open, or whose pages it cannot find, read
    through PDFium where PDFium reads text in it: that text as paragraphs, no tables, and
    a warning saying so. Else pdfminer's verdict stands."""
    read = read_text_pages(path) if failure.code not in (ErrorCode.ENCRYPTED, ErrorCode.MEMORY) else None
    if read is None:
        raise failure from cause
    pages, properties = read
    blocks, furniture = _strip_furniture([_text_page(page, settings) for page in pages], settings)
    warning = f"read as text only, through PDFium: pdfminer could not read it ({failure.message})"
    return Document(source=source, format="pdf", pages=len(pages), blocks=blocks, furniture=furniture,
                    properties=properties, warnings=[warning])


def _pages(pdf: Any) -> list[Any]:
    """pdfplumber's pages, or the reason it cannot make them: it reads each page's size as
    it makes the page, and meets a missing or malformed one as a TypeError."""
    try:
        return list(pdf.pages)
    except (*PYTHON_ERRORS, MalformedPDFException, PdfminerException) as exc:
        raise _page_failure(pdf) or pdf_failure(exc) from exc


def _page_failure(pdf: Any) -> IngestError | None:
    """The first page whose size or rotation cannot be read, in words; None if each can."""
    try:
        for number, attrs in enumerate(_page_dicts(pdf.doc), start=1):
            why = _page_fault(attrs)
            if why:
                return IngestError("bad_pdf", f"damaged PDF: page {number} {why}")
    except Exception:  # a page tree too damaged to walk: the caller's words stand
        return None
    return None


_INHERITED = ("MediaBox", "CropBox", "Rotate", "Resources")


def _page_dicts(doc: Any) -> Iterator[dict[str, Any]]:
    """Each page's attributes with those it inherits, in page order, the tree walked as
    pdfminer walks it but nothing parsed: pdfminer stops at the first bad size."""
    stack: list[tuple[Any, dict[str, Any]]] = [(doc.catalog.get("Pages"), {})]
    seen: set[int] = set()
    while stack:
        ref, inherited = stack.pop()
        objid = getattr(ref, "objid", None)
        if objid in seen:
            continue
        if objid is not None:
            seen.add(objid)
        node = resolve1(ref)
        if not isinstance(node, dict):
            continue
        attrs = {**inherited, **node}
        kids = resolve1(node.get("Kids"))
        if isinstance(kids, list):
            passed = {k: v for k, v in attrs.items() if k in _INHERITED}
            stack.extend((kid, passed) for kid in reversed(kids))
        elif getattr(resolve1(node.get("Type")), "name", None) == "Page":
            yield attrs


def _page_fault(attrs: dict[str, Any]) -> str:
    if resolve_all(attrs.get("MediaBox")) is None:
        why = "no MediaBox, and its parent chain loops" if _parent_loops(attrs) else "no MediaBox, nor one inherited"
        return f"has no size ({why})"
    for name in ("MediaBox", "CropBox", "TrimBox", "BleedBox", "ArtBox"):
        box = resolve_all(attrs.get(name, [0, 0, 0, 0]))
        if not (isinstance(box, list) and len(box) == 4 and all(_number(v) for v in box)):
            return f"has a {name} that is not four numbers"
    if not _number(resolve1(attrs.get("Rotate", 0))):
        return "has a rotation (Rotate) that is not a number"
    return ""


def _number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _parent_loops(attrs: dict[str, Any]) -> bool:
    seen: set[int] = set()
    node: Any = attrs
    while isinstance(node, dict) and "Parent" in node:
        ref = node["Parent"]
        objid = getattr(ref, "objid", None)
        if objid is None or objid in seen:
            return objid is not None
        seen.add(objid)
        node = resolve1(ref)
    return False


def _close(pdf: Any) -> None:
    """Close the file even where pdfplumber cannot: its close() makes the pages again."""
    try:
        pdf.close()
    except Exception:
        if not pdf.stream_is_external:
            pdf.stream.close()


def _read_pages(path: Path, pdf: Any, settings: PdfSettings, survey: Survey | None) -> list[_Page]:
    """Every page in order; a long PDF's slow pages shared with a second process. The
    pages the fast pass read are made here: they cost less to make than to send."""
    count = len(pdf.pages)
    numbers = list(range(1, count + 1))
    slow = [n for n in numbers if survey is None or n in survey.analyse]
    if not (0 < settings.two_cores_from <= count and len(slow) >= 2 and can_fork()):
        return _read_share(path, pdf, numbers, settings, survey)
    # The reader also makes the fast pages: the child takes the larger half of the slow
    # ones, or the smaller where every page is slow.
    theirs = slow[::2] if len(slow) < count else slow[1::2]
    mine = sorted(set(numbers) - set(theirs))
    try:
        here, there = in_two(lambda share, _: _read_share(path, pdf, share, settings, survey), mine, theirs,
                             files=[pdf.stream.fileno()])
    except IngestError:  # the first bad page in page order, as one process would name it
        return _read_share(path, pdf, numbers, settings, survey)
    by_number = {p.number: p for p in here + there}
    return [by_number[n] for n in numbers]


def _read_share(path: Path, pdf: Any, numbers: list[int], settings: PdfSettings,
                survey: Survey | None) -> list[_Page]:
    """Some of the pages (PDFium opens the file itself where it reads the slow ones)."""
    doc = open_pdf(path) if settings.page_reader == "pdfium" else None
    try:
        pages = pdf.pages
        return [_read_any_page(pages[n - 1], n, settings, survey, doc) for n in numbers]
    finally:
        if doc is not None:
            doc.close()


def _read_any_page(page: Any, number: int, settings: PdfSettings, survey: Survey | None, doc: Any) -> _Page:
    """The slow analysis where the fast pass picked the page (or there was no fast pass),
    else the fast pass's lines as paragraphs. The page's parsed objects are let go
    after, so a long pack is not held in memory whole."""
    try:
        if survey is None or number in survey.analyse:
            return _analyse(page, number, settings, doc)
        return _text_page(survey.pages[number - 1], settings)
    except (*PYTHON_ERRORS, PdfminerException) as exc:
        inner = exc.args[0] if isinstance(exc, PdfminerException) and exc.args else exc
        if not isinstance(inner, PYTHON_ERRORS) or raised_in(inner, ("pdfminer", "pdfplumber")) is None:
            raise  # pdfminer's own errors have their words (pdf_failure); ours are bugs, not the file's
        raise IngestError("bad_pdf", f"damaged PDF: page {number} cannot be read ({_trouble(inner)})") from exc
    finally:
        page.close()


# What a parser's exception inside a page says about the page, by the pdfminer module (or
# function) it came from.
_TROUBLE = {"font": "a font in it is damaged", "cmapdb": "a font in it is damaged",
            "encodingdb": "a font in it is damaged", "pdfcolor": "a colour in it is damaged",
            "image": "an image in it is damaged", "pdftypes": "a compressed stream in it is damaged",
            "lzw": "a compressed stream in it is damaged", "ascii85": "a compressed stream in it is damaged",
            "runlength": "a compressed stream in it is damaged", "ccitt": "a compressed stream in it is damaged",
            "pdfinterp": "its drawing instructions are damaged", "psparser": "its drawing instructions are damaged"}


def _analyse(page: Any, number: int, settings: PdfSettings, doc: Any) -> _Page:
    """The slow analysis of the page as PDFium reads it where asked for (``doc``) and it
    can, else as pdfminer reads it."""
    if doc is not None:
        try:
            fast = PdfiumPage(doc, number - 1, font_table(page))
            try:
                return _read_page(fast, number, settings)
            finally:
                fast.close()
        except PDFIUM_ERRORS:
            pass
    return _read_page(page, number, settings)


def _trouble(exc: BaseException) -> str:
    tb = exc.__traceback__
    while tb is not None and tb.tb_next is not None:
        tb = tb.tb_next
    if tb is None:
        return "an object in it is damaged"
    module = str(tb.tb_frame.f_globals.get("__name__", "")).rpartition(".")[2]
    function = tb.tb_frame.f_code.co_name
    key = "font" if "font" in function or module == "pdffont" else module
    return _TROUBLE.get(key, "an object in it is damaged")


def _text_page(seen: PageText, settings: PdfSettings) -> _Page:
    blocks: list[Paragraph | Table] = list(page_paragraphs(seen, settings.layout))
    return _Page(seen.number, seen.height, blocks, seen.has_text, seen.has_images)


@dataclass
class _Page:
    number: int
    height: float
    blocks: list[Paragraph | Table]
    has_text: bool
    has_images: bool


def _read_page(page: Any, number: int, settings: PdfSettings) -> _Page:
    # Each word with its characters: a coloured symbol's colour is its cell's fill.
    words = page.extract_words(extra_attrs=["size", "fontname"], keep_blank_chars=False, return_chars=True)
    words += bullet_words([*page.curves, *page.rects], words)
    tables = page.find_tables(settings.table)
    fills = [r for r in page.rects if r.get("fill") and rgb(r.get("non_stroking_color")) is not None]
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
    shades = [Fill(Box(r["x0"], r["top"], r["x1"], r["bottom"]), rgb(r.get("non_stroking_color")) or "")
              for r in fills]
    for table, used_body in find_stream_tables([free[i] for i in inside], number, settings.layout, settings.stream,
                                               shades):
        used = {inside[i] for i in used_body}
        blocks.append(table)
        taken |= used
        if table.box is not None:
            boxes.append((table.box.x0, table.box.top, table.box.x1, table.box.bottom))
    free = [w for i, w in enumerate(free) if i not in taken]
    blocks.extend(_free_paragraphs(free, number, settings, boxes))
    blocks.sort(key=lambda b: _top(b))
    return _Page(number, float(page.height), blocks, bool(page.chars), bool(page.images))


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
    fill = _fill(bbox, fills, settings) or symbol_colour(words)
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


_DIGITS = re.compile(r"\d+")


def _furniture_key(text: str) -> str:
    return _DIGITS.sub("#", text.strip().lower())


def _strip_furniture(pages: list[_Page], settings: PdfSettings) -> tuple[list[Paragraph | Table], list[Paragraph]]:
    """Move paragraphs repeated in the top or bottom band of most pages into furniture."""
    def in_band(p: Paragraph, page: _Page) -> bool:
        box = p.box
        band = settings.margin_band * page.height
        return box is not None and (box.bottom <= band or box.top >= page.height - band)

    counts: Counter[str] = Counter()
    for page in pages:
        keys = {_furniture_key(b.text) for b in page.blocks if isinstance(b, Paragraph) and in_band(b, page)}
        counts.update(keys)
    need = 2  # a plan's running title may sit on only a few pages of a long pack
    page_no = re.compile(r"^(page\s*)?#(\s*(of|/)\s*#)?$")
    blocks: list[Paragraph | Table] = []
    furniture: list[Paragraph] = []
    for page in pages:
        for b in page.blocks:
            if isinstance(b, Paragraph) and in_band(b, page):
                key = _furniture_key(b.text)
                if counts[key] >= need or page_no.match(key):
                    furniture.append(b)
                    continue
            blocks.append(b)
    return blocks, furniture
