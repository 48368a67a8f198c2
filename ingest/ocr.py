"""Text from the pages of a PDF that have none: optical character recognition, an
optional extra (``pip install 'actionplans[ocr]'``).

The engine is RapidOCR on ONNX Runtime, whose detection and recognition models ship
inside its wheel: nothing is downloaded when it runs. A page is rendered with PDFium,
its text lines are found and read, and its ruling lines (found with OpenCV) give the
table grid the lines fall in; a cell's colour, where it is a saturated one, is its fill.
Only pages without a text layer are read so, and the document says which.

The recognition model was trained on Chinese and English and often runs English words
together ("HeadofSafeguarding"): the gaps in the ink of each line put the spaces back.
"""
from __future__ import annotations

import colorsys
import os
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pypdfium2

from actionplans.ingest.errors import IngestError
from actionplans.ingest.model import Block, Box, Document, Line, Paragraph

INSTALL = "pip install 'actionplans[ocr]'"
NO_TEXT = "no text layer (scanned?)"


@dataclass(frozen=True)
class OcrSettings:
    enabled: bool = True  # False: scans stay unread (an error row), as without the extra
    dpi: int = 200  # rendering resolution: 200 reads print of 9 pt and up; 300 is slower, rarely better
    min_score: float = 0.5  # lines the engine is less sure of are dropped
    space_gap: float = 0.25  # an ink gap this share of the text's height or wider is a space
    # A longer scan is read this far, and the warning says so: at a few seconds a page, 20
    # pages fit the batch's default time limit per file (raise both for longer scans).
    max_pages: int = 20

    def __post_init__(self) -> None:
        if not 72 <= self.dpi <= 600:
            raise ValueError("OcrSettings.dpi must be in [72, 600]")
        if not 0 <= self.min_score < 1 or not 0 < self.space_gap < 1 or self.max_pages < 1:
            raise ValueError("OcrSettings: min_score in [0, 1), space_gap in (0, 1), max_pages >= 1")


def available() -> bool:
    """Whether the extra is installed (and its native parts load)."""
    return _engine_class() is not None


@cache
def _engine_class() -> Any | None:
    try:
        os.environ.setdefault("OMP_NUM_THREADS", "1")  # one file, one core: the batch runs files side by side
        from rapidocr_onnxruntime import RapidOCR
    except Exception:  # ImportError, or a native library (OpenCV's libGL) missing
        return None
    return RapidOCR


@cache
def _engine() -> Any:
    cls = _engine_class()
    if cls is None:
        raise IngestError("needs_ocr", f"{NO_TEXT}: reading scans needs the OCR extra ({INSTALL})")
    return cls()


def pages_without_text(path: Path) -> list[int]:
    """1-based pages that hold a picture and no character: scanned pages."""
    pdf = pypdfium2.PdfDocument(str(path))
    try:
        out = []
        for n in range(len(pdf)):
            page = pdf[n]
            text = page.get_textpage()
            chars = text.count_chars()
            text.close()
            if chars == 0 and any(obj.type == pypdfium2.raw.FPDF_PAGEOBJ_IMAGE for obj in page.get_objects()):
                out.append(n + 1)
            page.close()
        return out
    finally:
        pdf.close()


def read_scan(path: Path, source: str, settings: OcrSettings) -> Document:
    """A PDF none of whose pages has text, every page read by OCR."""
    if not settings.enabled:
        raise IngestError("no_text", NO_TEXT)
    pdf = pypdfium2.PdfDocument(str(path))
    count = len(pdf)
    pdf.close()
    doc = Document(source=source, format="pdf", pages=count)
    return with_recognised(doc, path, list(range(1, count + 1)), settings)


# Who hears, before OCR starts, how many pages it is about to read: the batch's reader
# process tells its run, which gives the file more time for them. One per process.
_LISTENERS: list[Callable[[int], None]] = []


@contextmanager
def ocr_pages_heard_by(listener: Callable[[int], None]) -> Iterator[None]:
    """While in this block, ``listener`` hears the number of pages each OCR pass will read."""
    _LISTENERS.append(listener)
    try:
        yield
    finally:
        _LISTENERS.remove(listener)


def with_recognised(doc: Document, path: Path, pages: list[int], settings: OcrSettings) -> Document:
    """``doc`` with the blocks read by OCR from ``pages`` put in page order among its own."""
    read = pages[:settings.max_pages]
    if len(pages) > len(read):
        doc.warnings.append(f"{len(pages) - len(read)} scanned pages past page {read[-1]} not read "
                            f"(ocr.max_pages is {settings.max_pages})")
    engine = _engine()
    for listener in _LISTENERS:
        listener(len(read))
    pdf = pypdfium2.PdfDocument(str(path))
    try:
        found = {n: page_blocks(pdf[n - 1], n, engine, settings) for n in read}
    finally:
        pdf.close()
    blocks: list[Block] = []
    for n in sorted(set(found) | {_page_of(b) for b in doc.blocks}):
        blocks += [b for b in doc.blocks if _page_of(b) == n] + found.get(n, [])
    doc.blocks = blocks
    doc.ocr_pages = tuple(sorted(set(doc.ocr_pages) | set(read)))
    return doc


def _page_of(block: Block) -> int:
    return block.page or 0


# --- one page --------------------------------------------------------------------------

@dataclass
class TextLine:
    text: str
    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def centre(self) -> tuple[float, float]:
        return ((self.x0 + self.x1) / 2, (self.top + self.bottom) / 2)


def page_blocks(page: Any, number: int, engine: Any, settings: OcrSettings) -> list[Block]:
    """The page's tables and paragraphs, top to bottom, in PDF points."""
    from actionplans.ingest.ocr_grid import image_to_grids, lines_in

    image = page.render(scale=settings.dpi / 72).to_numpy()
    scale = 72 / settings.dpi
    lines = recognise(image, engine, settings)
    blocks: list[tuple[float, Block]] = []
    used: set[int] = set()
    for grid in image_to_grids(image):
        inside = lines_in(grid, lines)
        used.update(inside)
        table = grid.to_table([lines[i] for i in inside], image, number, scale)
        blocks.append((grid.top, table))
    for i, line in enumerate(lines):
        if i not in used:
            box = Box(line.x0 * scale, line.top * scale, line.x1 * scale, line.bottom * scale)
            blocks.append((line.top, Paragraph(text=line.text, page=number, lines=(Line(line.text, box, number),))))
    return [b for _, b in sorted(blocks, key=lambda item: item[0])]


def recognise(image: Any, engine: Any, settings: OcrSettings) -> list[TextLine]:
    """Every text line the engine reads with confidence, spaces put back, in pixels."""
    img, ratio_h, ratio_w = engine.preprocess(image)
    record: dict[str, Any] = {"preprocess": {"ratio_h": ratio_h, "ratio_w": ratio_w}}
    img, record = engine.maybe_add_letterbox(img, record)
    boxes, _ = engine.auto_text_det(img)
    if boxes is None:
        return []
    crops = engine.get_crop_img_list(img, boxes)
    results, _ = engine.text_rec(crops, True)
    points = engine._get_origin_points(boxes, record, *image.shape[:2])
    out = []
    for crop, quad, (text, score, info) in zip(crops, points, results, strict=True):
        if score < settings.min_score or not text.strip():
            continue
        xs, ys = [p[0] for p in quad], [p[1] for p in quad]
        out.append(TextLine(spaced(crop, text, info, settings.space_gap).strip(), min(xs), min(ys), max(xs),
                            max(ys)))
    return out


def spaced(crop: Any, text: str, info: Any, gap: float) -> str:
    """The line with a space wherever its ink has a gap at least ``gap`` of its text's
    height wide between two characters the engine put side by side."""
    steps, words, cols = info[0], info[1], info[2]
    chars = [(ch, col) for word, wcols in zip(words, cols, strict=False) for ch, col in zip(word, wcols, strict=False)]
    if len(chars) != len(text) or len(chars) < 2 or not steps:
        return text
    columns, height = _ink_columns(crop)
    xs = [(col + 0.5) / steps * len(columns) for _, col in chars]
    bounds = [(xs[i - 1] + xs[i]) / 2 for i in range(1, len(xs))]
    # Gaps wide enough for a space, between the first character and the last (a gap
    # before a ruling's stub caught at the box's edge is no space).
    gaps = [(start + end) / 2 for start, end in _runs(columns)
            if end - start >= gap * height and xs[0] < (start + end) / 2 < xs[-1]]
    pitch = (xs[-1] - xs[0]) / (len(xs) - 1)
    for j in (j for j, (c, _) in enumerate(chars) if c == " "):  # the spaces the engine read take their gaps
        near = min(gaps, key=lambda g: abs(g - xs[j]), default=None)
        if near is not None and abs(near - xs[j]) <= 1.5 * pitch:
            gaps.remove(near)
    breaks = {min(range(len(bounds)), key=lambda i: abs(bounds[i] - middle)) + 1 for middle in gaps}
    out = [chars[0][0]]
    for i in range(1, len(chars)):
        following = chars[i + 1][0] if i + 1 < len(chars) else " "
        if i in breaks and _may_part(out, chars[i][0]) and not _ends_code(out, chars[i][0], following):
            out.append(" ")
        out.append(chars[i][0])
    return _CAMEL.sub(" ", "".join(out))


# Two words the engine ran together with no gap in their ink ("QualityAssurance"): a
# capital after four small letters starts a word; a code's capitals ("HoCiN") do not.
_CAMEL = re.compile(r"(?<=[a-z]{4})(?=[A-Z][a-z])")


def _ends_code(before: list[str], char: str, following: str) -> bool:
    """Whether ``char`` is the last letter of an officer's code ("HoS", "HoPI") whose
    stub so far is two or three letters from a capital: a lone capital after such a
    stub is a code's end far more often than a word of its own."""
    if not char.isupper() or following not in " ,;/)":
        return False
    stub = "".join(before).rsplit(" ", 1)[-1]
    return 2 <= len(stub) <= 3 and stub.isalpha() and stub[0].isupper() and not stub.isupper()


def _may_part(before: list[str], char: str) -> bool:
    """Whether a space may go between the text so far and ``char``: not beside a space,
    before closing punctuation, after an opening bracket, inside "2.1", nor after a word's
    lone first letter other than "a", "A" and "I" (an open "G" leaves a gap before "reen")."""
    last = before[-1]
    if last in " (" or char in " .,;:)" or (last == "." and char.isdigit()):
        return False
    lone = len(before) == 1 or before[-2] == " "
    return not (lone and last.isalpha() and last not in "aAI")


def _ink_columns(crop: Any) -> tuple[Any, int]:
    """Which columns of the line's image hold ink, and the height of its text (from its
    highest ink to its lowest), a cell's ruling caught in the line's box left out."""
    import cv2
    import numpy as np

    grey = cv2.cvtColor(crop, cv2.COLOR_RGB2GRAY) if crop.ndim == 3 else crop
    otsu, _ = cv2.threshold(grey, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    # Print is dark: a light cell fill beside white paper must not pass for ink.
    marked = (grey < min(otsu, 150)).astype(np.uint8)
    # A ruling caught in the box, whole or in part, is a long horizontal run: no letter is.
    long = cv2.getStructuringElement(cv2.MORPH_RECT, (max(8, 2 * marked.shape[0]), 1))
    text = marked & ~cv2.morphologyEx(marked, cv2.MORPH_OPEN, long).astype(bool)
    inked = np.nonzero(text.any(axis=1))[0]
    if not len(inked):
        return np.zeros(marked.shape[1], dtype=bool), 1
    return np.asarray(text.any(axis=0)), int(inked[-1] - inked[0] + 1)


def _runs(ink: Any) -> list[tuple[int, int]]:
    """(start, end) of each run of columns without ink."""
    runs = []
    start = None
    for x, has_ink in enumerate(ink):
        if not has_ink and start is None:
            start = x
        elif has_ink and start is not None:
            runs.append((start, x))
            start = None
    return runs


def saturated(rgb: tuple[float, float, float]) -> str | None:
    """"RRGGBB" of a cell's median colour where it is a colour, not paper or ink."""
    r, g, b = (v / 255 for v in rgb)
    _, lightness, saturation = colorsys.rgb_to_hls(r, g, b)
    if saturation < 0.35 or not 0.2 < lightness < 0.92:
        return None
    return "".join(f"{round(v):02X}" for v in rgb)


__all__ = ["INSTALL", "NO_TEXT", "OcrSettings", "available", "pages_without_text", "read_scan", "with_recognised"]
