"""A PDF's text through PDFium (pypdfium2, in C): one pseudo-word per printed line, with
its position, size and font, and the gaps that split a line into table cells.

The first pass (``ingest/prefilter.py``) reads every page this way to pick the pages
worth pdfminer's slow analysis; the rest give their paragraphs from these lines. It is
also how a file is read that PDFium opens and pdfminer cannot (a looping cross-reference
table, a damaged page tree): its text as paragraphs, without tables (``read_text_pages``).
"""
from __future__ import annotations

import logging
import mmap
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pypdfium2
import pypdfium2.raw

Word = dict[str, Any]
Run = tuple[float, float, str]  # x0, x1 and text of characters set close together on a line
# Which of a page's lines (indexes) the caller needs split into cells: measuring takes a
# call to PDFium per character, so only the few lines that can be a header row are.
Measure = Callable[[list[str]], Iterable[int]]

log = logging.getLogger("actionplans")

# A gap between two characters of one printed line this many times the font size, or
# wider, is a boundary between table cells: a justified line stretches its spaces to
# about half that, a header row's cells sit a cell's padding and more apart.
CELL_GAP = 0.8


@dataclass
class PageText:
    """What PDFium saw on one page."""

    number: int  # 1-based
    height: float
    lines: list[str]
    # Per line: its width over what its characters would fill set solid (about 0.5 for
    # prose; a header row's gaps between cells give 1 or more), None where unmeasured.
    spread: list[float | None]
    words: list[Word]  # one per measured line, pdfplumber-style keys, for paragraphs
    has_text: bool
    # Counted only where needed, to keep the pass fast: images where no page has text
    # (a scan), vector paths (a ruled table draws many) on pages after a plan page.
    has_images: bool = False
    paths: int | None = None
    # For the lines the caller asked to measure: the runs of characters between cell gaps,
    # left to right (one run: no gap), as (x0, x1, text). A line missing here was not
    # measured, or could not be (PDFium's text and characters disagree).
    runs: dict[int, list[Run]] | None = None
    # The lines (indexes) that read as a plan's header row, where the caller found them.
    header_rows: list[tuple[int, ...]] | None = None


IMAGE, PATH = 3, 2  # FPDF_PAGEOBJ_IMAGE, FPDF_PAGEOBJ_PATH
PDFIUM_ERRORS = (pypdfium2.PdfiumError, OSError, ValueError)


def open_pdf(path: Path) -> Any | None:
    """The document, or None where PDFium cannot open it (damaged, or needs a password)."""
    try:
        return pypdfium2.PdfDocument(str(path))
    except PDFIUM_ERRORS:
        return None


def properties(doc: Any) -> dict[str, str]:
    """Title and author from the document information, as the pdfminer path keeps them."""
    try:
        meta = doc.get_metadata_dict(skip_empty=True)
    except PDFIUM_ERRORS:
        return {}
    return {k.lower(): v for k, v in meta.items() if k in ("Title", "Author") and isinstance(v, str) and v}


def object_kinds(doc: Any, index: int) -> list[int]:
    c = pypdfium2.raw
    page = doc[index]
    try:
        count = c.FPDFPage_CountObjects(page.raw)
        return [c.FPDFPageObj_GetType(c.FPDFPage_GetObject(page.raw, i)) for i in range(count)]
    finally:
        page.close()


def page_text(doc: Any, index: int, measure: Measure | None = None) -> PageText:
    c = pypdfium2.raw
    page = doc[index]
    try:
        height = float(page.get_height())
        textpage = page.get_textpage()
        try:
            n_chars = c.FPDFText_CountChars(textpage.raw)
            text = textpage.get_text_range() if n_chars > 0 else ""
            seen = _lines(textpage.raw, text, n_chars, height)
            runs = _measured(textpage.raw, text, seen, measure) if measure is not None and len(text) == n_chars \
                else None
        finally:
            textpage.close()
    finally:
        page.close()
    return PageText(number=index + 1, height=height, lines=seen.lines, spread=seen.spread, words=seen.words,
                    has_text=n_chars > 0, runs=runs)


@dataclass
class _Seen:
    lines: list[str]
    spread: list[float | None]
    words: list[Word]
    spans: list[tuple[int, int]]  # each line's first and last character index


def _lines(textpage: Any, text: str, n_chars: int, height: float) -> _Seen:
    """Printed lines, and each line's box from its first and last characters (a few
    calls to PDFium per line, not several per character)."""
    seen = _Seen([], [], [], [])
    aligned = len(text) == n_chars  # one text character per PDFium character: boxes can be looked up
    start = 0
    for raw in text.split("\n"):
        line = raw.rstrip("\r")
        stripped = line.strip()
        if stripped:
            first = start + len(line) - len(line.lstrip())
            last = start + len(line.rstrip()) - 1
            seen.lines.append(stripped)
            seen.spans.append((first, last))
            word = _line_word(textpage, stripped, first, last, height) if aligned else None
            if word is None:
                seen.spread.append(None)
            else:
                seen.spread.append((word["x1"] - word["x0"]) / (len(stripped) * word["size"] or 1))
                seen.words.append(word)
        start += len(raw) + 1
    return seen


_LOOSE_BOX, _FONT_SIZE = pypdfium2.raw.FPDFText_GetLooseCharBox, pypdfium2.raw.FPDFText_GetFontSize


def _line_word(textpage: Any, text: str, first: int, last: int, height: float) -> Word | None:
    """The line as one pdfplumber-style word, sized by its first character's font."""
    rect = pypdfium2.raw.FS_RECTF()
    if not _LOOSE_BOX(textpage, first, rect):
        return None
    x0, y_a, y_b = rect.left, rect.top, rect.bottom
    if not _LOOSE_BOX(textpage, last, rect):
        return None
    x1 = max(rect.right, x0)
    y0 = min(y_a, y_b, rect.top, rect.bottom)
    size = _FONT_SIZE(textpage, first) or max(y_a, y_b) - y0
    if x1 <= x0 or size <= 0:
        return None
    # pdfplumber's box runs a font size up from the descent line: match it, so that line
    # gaps (which start paragraphs) measure the same on both kinds of page.
    return {"text": text, "x0": x0, "x1": x1, "top": height - y0 - size, "bottom": height - y0,
            "size": round(size, 1), "fontname": ""}


def _measured(textpage: Any, text: str, seen: _Seen, measure: Measure) -> dict[int, list[Run]]:
    return {i: _runs(textpage, text, *seen.spans[i]) for i in sorted(set(measure(seen.lines)))
            if 0 <= i < len(seen.lines)}


def _runs(textpage: Any, text: str, first: int, last: int) -> list[Run]:
    """The line's characters as runs split where the gap to the next one is a cell's (the
    text and the characters are one to one here: one call to PDFium per character)."""
    raw = pypdfium2.raw
    rect = raw.FS_RECTF()
    gap = CELL_GAP * (raw.FPDFText_GetFontSize(textpage, first) or 10.0)
    runs: list[tuple[float, float, list[str]]] = []
    for i in range(first, last + 1):
        if text[i].isspace() or not raw.FPDFText_GetLooseCharBox(textpage, i, rect):
            continue
        if runs and rect.left - runs[-1][1] < gap:
            x0, x1, chars = runs[-1]
            runs[-1] = (x0, max(x1, rect.right), chars)
        else:
            runs.append((rect.left, rect.right, []))
        runs[-1][2].append(text[i])
    return [(x0, x1, "".join(chars)) for x0, x1, chars in runs]


# A stream that inflates past this is a decompression bomb to PDFium, which aborts the
# process when it runs out of memory (pdfminer fails softly, with its words).
MAX_INFLATE_MB = 64
_DEFLATE_RATIO = 1032  # the most deflate can inflate a byte to


def inflates_past(path: Path, limit_mb: int = MAX_INFLATE_MB) -> bool:
    """Whether a Flate stream of the file other than an image (content, fonts: what PDFium
    decodes as it loads a page) inflates past ``limit_mb``; True where the file cannot be
    looked at. Only streams long enough to get there are inflated, and only that far."""
    limit = limit_mb << 20
    try:
        with open(path, "rb") as fh, mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) as data:
            return any(_inflates_past(data, start, end, limit) for start, end in _long_streams(data, limit))
    except (OSError, ValueError, MemoryError):
        return True  # an empty or unmappable file: PDFium is not asked


def _long_streams(data: mmap.mmap, limit: int) -> Iterator[tuple[int, int]]:
    """(start, end) of each stream's data long enough to inflate past ``limit``: found
    with ``find`` (memchr, in C), as a regular expression over the whole file is slow."""
    at = data.find(b"stream")
    while at >= 0:
        start = at + 6
        if data[at - 3:at] != b"end" and data[start:start + 1] in (b"\r", b"\n"):
            start += 2 if data[start:start + 2] == b"\r\n" else 1
            end = data.find(b"endstream", start)
            end = end if end >= 0 else len(data)
            if end - start >= limit // _DEFLATE_RATIO:
                yield start, end
            at = data.find(b"stream", end + 9) if end < len(data) else -1
        else:
            at = data.find(b"stream", start)


def _inflates_past(data: mmap.mmap, start: int, end: int, limit: int) -> bool:
    head = data[max(0, start - 2048):start]
    head = head[head.rfind(b" obj"):]
    if b"/Image" in head or b"Flate" not in head:
        return False  # images decode only when drawn; other filters are rare
    try:
        return len(zlib.decompressobj().decompress(data[start:end], limit)) >= limit
    except zlib.error:
        return False


def read_text_pages(path: Path) -> tuple[list[PageText], dict[str, str]] | None:
    """Every page's text and the document's title and author, for a file pdfminer cannot
    read; None where PDFium cannot open it either, or finds no text in it (pdfminer's
    verdict then stands: a scan, or a file damaged past reading)."""
    doc = open_pdf(path) if not inflates_past(path) else None
    if doc is None:
        return None
    try:
        pages = [page_text(doc, i) for i in range(len(doc))]
        found = properties(doc)
    except PDFIUM_ERRORS:
        return None
    finally:
        doc.close()
    if not any(p.has_text for p in pages):
        return None
    return pages, found
