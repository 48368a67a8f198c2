"""Read a PDF into the document model with pdfplumber.

This module opens the file, shares its pages between the fast first pass and the slow
analysis (``ingest/pdf_page.py``: ruled and unruled tables, paragraphs), and moves lines
that repeat at the top or bottom of most pages (running headers and footers) to
``Document.furniture``, not into the text. Why a damaged file's pages cannot be read is
worded in ``ingest/pdf_damage.py``.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pdfplumber
from pdfminer.pdfdocument import PDFPasswordIncorrect
from pdfminer.psparser import PSException
from pdfplumber.utils.exceptions import PdfminerException

from actionplans.ingest.errors import ErrorCode, IngestError, raised_in
from actionplans.ingest.layout import LayoutSettings
from actionplans.ingest.model import Document, Paragraph, Table
from actionplans.ingest.pdf_damage import made_pages, page_trouble
from actionplans.ingest.pdf_page import PdfPage, read_page, text_page
from actionplans.ingest.pdfium import PDFIUM_ERRORS, open_pdf, read_text_pages
from actionplans.ingest.pdfium_fonts import font_table
from actionplans.ingest.pdfium_page import PdfiumPage
from actionplans.ingest.prefilter import PrefilterSettings, Survey, survey_pdf
from actionplans.ingest.safety import PYTHON_ERRORS, pdf_failure
from actionplans.ingest.shards import can_fork, in_two
from actionplans.ingest.stream import StreamSettings


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
            made_pages(self.pdf)
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
    blocks, furniture = _strip_furniture([text_page(page, settings) for page in pages], settings)
    warning = f"read as text only, through PDFium: pdfminer could not read it ({failure.message})"
    return Document(source=source, format="pdf", pages=len(pages), blocks=blocks, furniture=furniture,
                    properties=properties, warnings=[warning])


def _close(pdf: Any) -> None:
    """Close the file even where pdfplumber cannot: its close() makes the pages again."""
    try:
        pdf.close()
    except Exception:
        if not pdf.stream_is_external:
            pdf.stream.close()


def _read_pages(path: Path, pdf: Any, settings: PdfSettings, survey: Survey | None) -> list[PdfPage]:
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
                survey: Survey | None) -> list[PdfPage]:
    """Some of the pages (PDFium opens the file itself where it reads the slow ones)."""
    doc = open_pdf(path) if settings.page_reader == "pdfium" else None
    try:
        pages = pdf.pages
        return [_read_any_page(pages[n - 1], n, settings, survey, doc) for n in numbers]
    finally:
        if doc is not None:
            doc.close()


def _read_any_page(page: Any, number: int, settings: PdfSettings, survey: Survey | None, doc: Any) -> PdfPage:
    """The slow analysis where the fast pass picked the page (or there was no fast pass),
    else the fast pass's lines as paragraphs. The page's parsed objects are let go
    after, so a long pack is not held in memory whole."""
    try:
        if survey is None or number in survey.analyse:
            return _analyse(page, number, settings, doc)
        return text_page(survey.pages[number - 1], settings)
    except (*PYTHON_ERRORS, PdfminerException) as exc:
        inner = exc.args[0] if isinstance(exc, PdfminerException) and exc.args else exc
        if not isinstance(inner, PYTHON_ERRORS) or raised_in(inner, ("pdfminer", "pdfplumber")) is None:
            raise  # pdfminer's own errors have their words (pdf_failure); ours are bugs, not the file's
        raise IngestError("bad_pdf", f"damaged PDF: page {number} cannot be read ({page_trouble(inner)})") from exc
    finally:
        page.close()


def _analyse(page: Any, number: int, settings: PdfSettings, doc: Any) -> PdfPage:
    """The slow analysis of the page as PDFium reads it where asked for (``doc``) and it
    can, else as pdfminer reads it."""
    if doc is not None:
        try:
            fast = PdfiumPage(doc, number - 1, font_table(page))
            try:
                return read_page(fast, number, settings)
            finally:
                fast.close()
        except PDFIUM_ERRORS:
            pass
    return read_page(page, number, settings)


_DIGITS = re.compile(r"\d+")


def _furniture_key(text: str) -> str:
    return _DIGITS.sub("#", text.strip().lower())


def _strip_furniture(pages: list[PdfPage], settings: PdfSettings) -> tuple[list[Paragraph | Table], list[Paragraph]]:
    """Move paragraphs repeated in the top or bottom band of most pages into furniture."""
    def in_band(p: Paragraph, page: PdfPage) -> bool:
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
