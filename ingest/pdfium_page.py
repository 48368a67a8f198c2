"""A page read through PDFium (pypdfium2, in C) that stands in for a pdfplumber ``Page``.

``ingest/pdf.py::_read_page`` asks a page for its words, its ruled tables, its filled
rectangles and whether it has text and images. pdfplumber gets these from pdfminer,
which parses the content stream in Python (about 80 ms a page). ``PdfiumPage`` reads
the same objects through PDFium and builds them as pdfminer and pdfplumber would:

* characters with pdfminer's box: from the origin, one advance wide, from the font's
  descent (its descriptor's /Descent) one font size up, in pdfplumber's top-down
  coordinates, in content-stream order;
* paths classified as pdfminer classifies them (a line, an axis-aligned rectangle, else
  a curve), sub-path by sub-path, with the colours they are painted in.

Words and tables then come from pdfplumber's own code (``WordExtractor``,
``TableFinder``) run on those objects, so their grouping is pdfplumber's.

Any PDFium failure raises (``pypdfium2.PdfiumError``, ``OSError`` or ``ValueError``) so
that the caller can read the page with pdfplumber instead.
"""
from __future__ import annotations

import ctypes
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pypdfium2
import pypdfium2.raw as pdfium
from pdfminer.pdftypes import PDFException, resolve1
from pdfminer.psparser import PSException, PSLiteral, literal_name
from pdfplumber.container import Container
from pdfplumber.table import Table, TableFinder, TableSettings
from pdfplumber.utils.text import extract_words

from actionplans.ingest.safety import PYTHON_ERRORS

Matrix = tuple[float, float, float, float, float, float]
Obj = dict[str, Any]

_IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
_TEXT, _PATH, _IMAGE, _SHADING, _FORM = 1, 2, 3, 4, 5  # FPDF_PAGEOBJ_*
_LINETO, _BEZIERTO, _MOVETO = 0, 1, 2  # FPDF_SEGMENT_*


def _mult(m1: Matrix, m0: Matrix) -> Matrix:
    """m1 then m0, as pdfminer's ``mult_matrix(m1, m0)``."""
    a1, b1, c1, d1, e1, f1 = m1
    a0, b0, c0, d0, e0, f0 = m0
    return (a0 * a1 + c0 * b1, b0 * a1 + d0 * b1, a0 * c1 + c0 * d1, b0 * c1 + d0 * d1,
            a0 * e1 + c0 * f1 + e0, b0 * e1 + d0 * f1 + f0)


def _apply(m: Matrix, x: float, y: float) -> tuple[float, float]:
    a, b, c, d, e, f = m
    return a * x + c * y + e, b * x + d * y + f


def _page_ctm(mediabox: tuple[float, float, float, float], rotate: int) -> Matrix:
    """pdfminer's matrix from PDF user space to its page space (``process_page``)."""
    x0, y0, x1, y1 = mediabox
    if rotate == 90:
        return (0, -1, 1, 0, -y0, x1)
    if rotate == 180:
        return (-1, 0, 0, -1, x1, y1)
    if rotate == 270:
        return (0, 1, -1, 0, y1, -x0)
    return (1, 0, 0, 1, -x0, -y0)


@dataclass(frozen=True)
class _Frame:
    """How pdfplumber places pdfminer's coordinates on the page (``Page.__init__`` and
    ``process_object``): x shifted by the media box's left, y flipped to run down."""

    ctm: Matrix
    height: float
    x_shift: float
    top_shift: float
    doctop: float

    def obj(self, x0: float, y0: float, x1: float, y1: float) -> Obj:
        """The position keys of a pdfplumber object from a pdfminer box."""
        top = self.height - y1 + self.top_shift
        bottom = self.height - y0 + self.top_shift
        return {"x0": x0 + self.x_shift, "y0": y0, "x1": x1 + self.x_shift, "y1": y1,
                "width": x1 - x0, "height": y1 - y0, "top": top, "bottom": bottom,
                "doctop": self.doctop + top}

    def point(self, x: float, y: float) -> tuple[float, float]:
        """pdfplumber's ``point2coord`` (curve points: no x shift past the media box's)."""
        return (self.x_shift + x, self.top_shift + self.height - y)


def _frame(page: Any, doctop: float) -> _Frame:
    rotate = page.get_rotation() % 360
    raw = page.get_mediabox()
    left, bottom, right, top = raw
    box = (min(left, right), min(bottom, top), max(left, right), max(bottom, top))
    # pdfplumber's media box after ``_normalize_box`` and ``_invert_box``; pdfminer's
    # matrix takes the box as the PDF writes it, corners in whatever order.
    nx0, ny0, nx1, ny1 = (box[1], box[0], box[3], box[2]) if rotate in (90, 270) else box
    height = ny1 - ny0
    return _Frame(_page_ctm(raw, rotate), height, nx0, height - ny1, doctop)


class PdfiumPage(Container):
    """One page of an open ``pypdfium2.PdfDocument``, with the parts of pdfplumber's
    ``Page`` that ``_read_page`` uses. Objects are read once, when first asked for."""

    def __init__(self, doc: pypdfium2.PdfDocument, index: int, fonts: FontTable | None = None,
                 initial_doctop: float = 0.0) -> None:
        self.doc = doc
        self.fonts = fonts
        self.index = index
        self.page_number = index + 1
        self._page = doc[index]
        self._frame = _frame(self._page, initial_doctop)
        left = float(self._frame.x_shift)
        box = self._page.get_mediabox()
        wide = abs(box[2] - box[0]) if self._page.get_rotation() % 180 == 0 else abs(box[3] - box[1])
        self.bbox = (left, self._frame.top_shift, left + wide, self._frame.top_shift + self._frame.height)

    @property
    def width(self) -> float:
        return self.bbox[2] - self.bbox[0]

    @property
    def height(self) -> float:
        return self.bbox[3] - self.bbox[1]

    @property
    def objects(self) -> dict[str, list[Obj]]:
        if not hasattr(self, "_objects"):
            self._objects = self._read_objects()
        return self._objects

    def _read_objects(self) -> dict[str, list[Obj]]:
        drawn = _Drawing(self._frame, self.page_number)
        drawn.walk(self._page.raw)
        chars = _Chars(self._page, self._frame, self.page_number, self.fonts).read(drawn.texts)
        return {"char": chars, "rect": drawn.rects, "line": drawn.lines, "curve": drawn.curves,
                "image": drawn.images}

    def extract_words(self, **kwargs: Any) -> list[Obj]:
        return extract_words(self.chars, **kwargs)

    def find_tables(self, table_settings: dict[str, Any] | TableSettings | None = None) -> list[Table]:
        return TableFinder(self, TableSettings.resolve(table_settings)).tables  # type: ignore[arg-type]

    def close(self) -> None:
        self.flush_cache()
        self._page.close()


# --- characters --------------------------------------------------------------------


@dataclass(frozen=True)
class FontInfo:
    name: str  # pdfminer's ``fontname``: the descriptor's FontName, subset tag and all
    descent: float  # per unit of font size, negative (pdfminer's ``get_descent``)
    # Advance per unit of size by text, for a font whose /Widths hold fractions.
    fractions: dict[str, float] | None = None
    embedded: bool = False  # tells apart a page's embedded subset from the system font of one name


# pdfminer's fonts of a page by their BaseFont without the subset tag, which is how
# PDFium names a font (``FPDFFont_GetBaseFontName``).
FontTable = dict[str, list[FontInfo]]
_SUBSET = re.compile(r"^[A-Z]{6}\+")


def font_table(page: Any) -> FontTable | None:
    """The fonts of a pdfplumber page (and of the forms it draws) as pdfminer reads
    them, without parsing its content: PDFium does not expose a font's /Descent, and
    makes one up from the font's box where the PDF says 0, as LibreOffice's do. None
    where pdfminer cannot read them (its own reading of the page would fail too)."""
    table: FontTable = {}
    try:
        _add_fonts(page.pdf.rsrcmgr, resolve1(page.page_obj.resources), table, set())
    except (PDFException, PSException, *PYTHON_ERRORS):  # a damaged font: PDFium's metrics then
        return None
    return table


def _add_fonts(rsrcmgr: Any, resources: Any, table: FontTable, seen: set[Any]) -> None:
    if not isinstance(resources, dict):
        return
    for ref in (resolve1(resources.get("Font")) or {}).values():
        spec = resolve1(ref)
        if not isinstance(spec, dict):
            continue
        font = rsrcmgr.get_font(getattr(ref, "objid", None), spec)
        base = resolve1(spec.get("BaseFont"))
        key = _SUBSET.sub("", literal_name(base) if isinstance(base, PSLiteral) else str(base or ""))
        table.setdefault(key, []).append(FontInfo(str(font.fontname), font.get_descent(), _fractions(font),
                                                  _embedded(font)))
    for ref in (resolve1(resources.get("XObject")) or {}).values():
        objid = getattr(ref, "objid", None)
        if objid is not None and objid in seen:
            continue
        seen.add(objid)
        xobj = resolve1(ref)
        attrs = getattr(xobj, "attrs", None)
        if isinstance(attrs, dict) and getattr(resolve1(attrs.get("Subtype")), "name", None) == "Form":
            _add_fonts(rsrcmgr, resolve1(attrs.get("Resources")), table, seen)


def _embedded(font: Any) -> bool:
    descriptor = getattr(font, "descriptor", None) or {}
    return any(k in descriptor for k in ("FontFile", "FontFile2", "FontFile3"))


def _fractions(font: Any) -> dict[str, float] | None:
    """A pdfminer font's advances by text where its /Widths hold fractions (else None:
    PDFium's whole numbers are the same)."""
    widths = getattr(font, "widths", None) or {}
    if all(float(w).is_integer() for w in widths.values() if isinstance(w, (int, float))):
        return None
    out: dict[str, float] = {}
    for cid in widths:
        if not isinstance(cid, int):
            continue
        try:
            text = font.to_unichr(cid)
        except (PDFException, *PYTHON_ERRORS):  # no text for the code (PDFUnicodeNotDefined)
            continue
        if isinstance(text, str) and len(text) == 1:
            out.setdefault(text, font.char_width(cid))
    return out


class _Font:
    """A PDFium font with pdfminer's name and descent for it, and the advances of its
    glyphs. PDFium keeps a font's /Widths as whole numbers: where the PDF gives
    fractions, pdfminer's advances (and so where each next glyph starts) come from
    pdfminer's font, found by the glyph's text."""

    def __init__(self, handle: Any, table: FontTable | None) -> None:
        self.handle = handle
        base = _base_font_name(handle)
        found = _match((table or {}).get(_SUBSET.sub("", base), []), handle)
        self.name = found.name if found else base
        self.descent = found.descent if found else _descent(handle)
        self.fractions = found.fractions if found else None
        self.widths: dict[str, float | None] = {}
        self._out = ctypes.c_float()

    def advance(self, text: str) -> float | None:
        """PDFium's advance per unit of font size, None where it cannot find the glyph
        from its text (a ligature; a CID font's glyph)."""
        if text not in self.widths:
            found = len(text) == 1 and pdfium.FPDFFont_GetGlyphWidth(self.handle, ord(text), ctypes.c_float(1.0),
                                                                     self._out)
            self.widths[text] = float(self._out.value) if found else None
        return self.widths[text]

    def exact(self, text: str) -> float | None:
        """pdfminer's advance per unit of size where it differs from PDFium's."""
        return self.fractions.get(text) if self.fractions else None


def _match(candidates: list[FontInfo], handle: Any) -> FontInfo | None:
    """pdfminer's font for a PDFium one of that name, where a page has several (a
    subset and the whole font, embedded or not): one embedded as it is, with the
    descent nearest PDFium's (which is the PDF's where that is not 0)."""
    if len(candidates) > 1:
        embedded = pdfium.FPDFFont_GetIsEmbedded(handle)  # 1, 0, or -1 where it cannot tell
        same = [f for f in candidates if embedded >= 0 and f.embedded == bool(embedded)]
        descent = _descent(handle)
        candidates = sorted(same or candidates, key=lambda f: abs(f.descent - descent))
    return candidates[0] if candidates else None


@dataclass
class _Style:
    """What the characters of one text object share."""

    matrix: tuple[float, float, float, float]  # text matrix, CTM, forms, horizontal scale
    size: float
    font: _Font
    drift: float = 0.0  # how far PDFium's whole-number widths have put glyphs behind
    colour: tuple[float, float, float] = (0.0, 0.0, 0.0)  # the fill the glyphs are painted in (RGB)


class _Chars:
    """The page's characters as pdfminer makes them, in content-stream order."""

    def __init__(self, page: Any, frame: _Frame, page_number: int, table: FontTable | None) -> None:
        self.page = page
        self.table = table
        self.frame = frame
        self.page_number = page_number
        self.fonts: dict[int, _Font] = {}
        self.styles: dict[int, _Style] = {}
        self.rect = pdfium.FS_RECTF()
        self.matrix = pdfium.FS_MATRIX()
        self.x = ctypes.c_double()
        self.y = ctypes.c_double()
        self.size = ctypes.c_float()

    def read(self, texts: list[tuple[Any, Matrix]]) -> list[Obj]:
        """The characters of ``texts`` (the page's text objects in content-stream
        order, with the matrix of the forms they sit in), in that order: pdfminer's.
        PDFium's text order sorts a line's objects left to right."""
        textpage = self.page.get_textpage()
        try:
            return self._read(textpage.raw, texts)
        finally:
            textpage.close()

    def _read(self, tp: Any, texts: list[tuple[Any, Matrix]]) -> list[Obj]:
        by_object: dict[int, list[Obj]] = {}
        for first, text, obj, key, origin in self._pieces(tp):
            by_object.setdefault(key, []).append(self._char(tp, first, text, self._style(tp, first, obj, key),
                                                            origin))
        chars: list[Obj] = []
        for obj, outer in texts:
            key = ctypes.cast(obj, ctypes.c_void_p).value or 0
            found = by_object.pop(key, None)
            chars.extend(found if found is not None else self._skipped(obj, outer))
        chars.extend(c for rest in by_object.values() for c in rest)
        return chars

    def _skipped(self, obj: Any, outer: Matrix) -> list[Obj]:
        """A text object PDFium left out of its text: one without ink (spaces only),
        so of no width to PDFium, which pdfminer keeps as space characters that
        split words there. One blank at its origin does that. (PDFium also leaves out
        a text object drawn again over itself, for a bolder look; pdfminer keeps both.)"""
        left, bottom, right, top = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
        if not pdfium.FPDFPageObj_GetBounds(obj, left, bottom, right, top) or right.value - left.value >= 0.01:
            return []
        if not pdfium.FPDFPageObj_GetMatrix(obj, self.matrix):
            raise pypdfium2.PdfiumError("PDFium has no matrix for a text object")
        m = self.matrix
        a, b, c, d, e, f = _mult((m.a, m.b, m.c, m.d, m.e, m.f), outer)
        if not pdfium.FPDFTextObj_GetFontSize(obj, self.size):
            return []  # nothing to size the blank by: left out
        font, size = self._font(obj), float(self.size.value)
        width = font.exact(" ") or font.advance(" ") or 0.0
        return [self._place(" ", (a, b, c, d), (e, f), size, width * size, font)]

    def _pieces(self, tp: Any) -> Iterator[tuple[int, str, Any, int, tuple[float, float]]]:
        """(first index, text, text object, its key, origin) of each character pdfminer
        would make: PDFium's generated spaces and line breaks dropped, and the pieces it
        splits a ligature or a multi-letter ToUnicode entry into, at one origin, joined."""
        n = pdfium.FPDFText_CountChars(tp)
        if n < 0:
            raise pypdfium2.PdfiumError("PDFium could not count the page's characters")
        pending: list[Any] = []  # [first, text, obj, key, origin]
        for i in range(n):
            if pdfium.FPDFText_IsGenerated(tp, i):
                continue
            obj = pdfium.FPDFText_GetTextObject(tp, i)
            key = ctypes.cast(obj, ctypes.c_void_p).value or 0
            if not pdfium.FPDFText_GetCharOrigin(tp, i, self.x, self.y):
                raise pypdfium2.PdfiumError(f"PDFium has no origin for character {i}")
            origin = (self.x.value, self.y.value)
            text = _text(pdfium.FPDFText_GetUnicode(tp, i), pdfium.FPDFText_IsHyphen(tp, i) == 1)
            if pending and pending[3] == key and pending[4] == origin:
                pending[1] += text
                continue
            if pending:
                yield tuple(pending)  # type: ignore[misc]
            pending = [i, text, obj, key, origin]
        if pending:
            yield tuple(pending)  # type: ignore[misc]

    def _font(self, obj: Any) -> _Font:
        font = pdfium.FPDFTextObj_GetFont(obj)
        key = ctypes.cast(font, ctypes.c_void_p).value or 0
        known = self.fonts.get(key)
        if known is None:
            known = self.fonts[key] = _Font(font, self.table)
        return known

    def _size(self, obj: Any) -> float:
        if not pdfium.FPDFTextObj_GetFontSize(obj, self.size):
            raise pypdfium2.PdfiumError("PDFium has no font size for a text object")
        return float(self.size.value)

    def _style(self, tp: Any, i: int, obj: Any, key: int) -> _Style:
        style = self.styles.get(key)
        if style is None:
            if not pdfium.FPDFText_GetMatrix(tp, i, self.matrix):
                raise pypdfium2.PdfiumError(f"PDFium has no matrix for character {i}")
            m = self.matrix
            style = self.styles[key] = _Style((m.a, m.b, m.c, m.d), self._size(obj), self._font(obj),
                                              colour=_colour(obj, pdfium.FPDFPageObj_GetFillColor))
        return style

    def _char(self, tp: Any, i: int, text: str, style: _Style, origin: tuple[float, float]) -> Obj:
        a, b = style.matrix[0], style.matrix[1]
        x, y = origin[0] + a * style.drift, origin[1] + b * style.drift
        width = style.font.advance(text)
        adv = width * style.size if width is not None else self._loose_advance(tp, i, a, b)
        exact = style.font.exact(text)
        if exact is not None:
            style.drift += exact * style.size - adv
            adv = exact * style.size
        char = self._place(text, style.matrix, (x, y), style.size, adv, style.font)
        char["non_stroking_color"] = style.colour  # a coloured symbol's colour is its cell's
        return char

    def _place(self, text: str, abcd: tuple[float, float, float, float], origin: tuple[float, float], size: float,
               adv: float, font: _Font) -> Obj:
        """pdfminer's ``LTChar`` for a glyph ``adv`` wide (in text space, times the
        size) drawn at ``origin`` with ``abcd`` (PDF user space), in pdfplumber's terms."""
        cm = _mult((*abcd, *origin), self.frame.ctm)
        descent = font.descent * size
        x0, y0, x1, y1 = _rect_bounds(cm, (0.0, descent, adv, descent + size))
        a, b, c, d = cm[:4]
        frame = self.frame
        top = frame.height - y1 + frame.top_shift
        return {"x0": x0 + frame.x_shift, "y0": y0, "x1": x1 + frame.x_shift, "y1": y1, "width": x1 - x0,
                "height": y1 - y0, "top": top, "bottom": frame.height - y0 + frame.top_shift,
                "doctop": frame.doctop + top, "object_type": "char", "page_number": self.page_number,
                "text": text, "fontname": font.name, "size": y1 - y0, "adv": adv,
                "upright": a * d > 0 and b * c <= 0, "matrix": cm}

    def _loose_advance(self, tp: Any, i: int, a: float, b: float) -> float:
        """The advance from PDFium's loose box (for a ligature, or a glyph PDFium cannot
        find from its text), which runs it along the matrix's x scale."""
        if not pdfium.FPDFText_GetLooseCharBox(tp, i, self.rect):
            raise pypdfium2.PdfiumError(f"PDFium has no box for character {i}")
        if abs(a) > 1e-9:
            return (self.rect.right - self.rect.left) / a
        # Rotated a quarter turn: the loose box has no width; its tight box's long side.
        if not pdfium.FPDFText_GetCharBox(tp, i, ctypes.byref(_L), ctypes.byref(_R), ctypes.byref(_B),
                                          ctypes.byref(_T)):
            return 0.0
        return abs(_T.value - _B.value) / abs(b) if abs(b) > 1e-9 else 0.0


def _text(code: int, hyphen: bool) -> str:
    """A character's text from PDFium's code: it marks a hyphen that ends a line as 2
    (pdfminer has "-"); a 2 PDFium does not call a hyphen is the PDF's own."""
    return "-" if code == 2 and hyphen else chr(code) if code else ""


_L, _R, _B, _T = ctypes.c_double(), ctypes.c_double(), ctypes.c_double(), ctypes.c_double()


def _rect_bounds(m: Matrix, rect: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
    """pdfminer's ``apply_matrix_rect``: the upright box round the four corners."""
    a, b, c, d, e, f = m
    x0, y0, x1, y1 = rect
    if b == 0 and c == 0:  # the usual case, without the general arithmetic
        xa, xb, ya, yb = a * x0 + e, a * x1 + e, d * y0 + f, d * y1 + f
        return min(xa, xb), min(ya, yb), max(xa, xb), max(ya, yb)
    pts = [_apply(m, x, y) for x, y in ((x0, y0), (x1, y0), (x1, y1), (x0, y1))]
    xs = [p[0] for p in pts]
    ys = [p[1] for p in pts]
    return min(xs), min(ys), max(xs), max(ys)


def _base_font_name(font: Any) -> str:
    """The font's BaseFont as PDFium gives it: without the subset tag for a simple
    font ("Arial-BoldMT"), with it for a composite one. Downstream looks for "bold"."""
    n = pdfium.FPDFFont_GetBaseFontName(font, None, 0)
    if n <= 0:
        return "unknown"
    buf = ctypes.create_string_buffer(n)
    pdfium.FPDFFont_GetBaseFontName(font, buf, n)
    return buf.value.decode("utf-8", "replace")


def _descent(font: Any) -> float:
    """PDFium's descent per unit of size, negative: the font's /Descent, or, where
    that is 0, its box's or its program's (pdfminer keeps the 0)."""
    out = ctypes.c_float()
    if not pdfium.FPDFFont_GetDescent(font, ctypes.c_float(1.0), out):
        return 0.0
    return -abs(float(out.value))


# --- paths and images --------------------------------------------------------------


class _Drawing:
    """The page's paths as pdfminer's lines, rectangles and curves, and its images."""

    def __init__(self, frame: _Frame, page_number: int) -> None:
        self.frame = frame
        self.page_number = page_number
        self.rects: list[Obj] = []
        self.lines: list[Obj] = []
        self.curves: list[Obj] = []
        self.images: list[Obj] = []
        self.texts: list[tuple[Any, Matrix]] = []
        self.matrix = pdfium.FS_MATRIX()

    def walk(self, page: Any) -> None:
        """Read the page's objects, and keep its text objects in order for ``_Chars``."""
        count = pdfium.FPDFPage_CountObjects(page)
        if count < 0:
            raise pypdfium2.PdfiumError("PDFium could not count the page's objects")
        for i in range(count):
            self._object(pdfium.FPDFPage_GetObject(page, i), _IDENTITY)

    def _object(self, obj: Any, outer: Matrix) -> None:
        kind = pdfium.FPDFPageObj_GetType(obj)
        if kind == _TEXT:
            self.texts.append((obj, outer))
        elif kind == _PATH:
            self._path(obj, _mult(_mult(self._matrix(obj), outer), self.frame.ctm))
        elif kind == _IMAGE:
            self.images.append({"object_type": "image", "page_number": self.page_number})
        elif kind == _FORM:
            inner = _mult(self._matrix(obj), outer)
            for i in range(pdfium.FPDFFormObj_CountObjects(obj)):
                self._object(pdfium.FPDFFormObj_GetObject(obj, i), inner)

    def _matrix(self, obj: Any) -> Matrix:
        if not pdfium.FPDFPageObj_GetMatrix(obj, self.matrix):
            raise pypdfium2.PdfiumError("PDFium has no matrix for a page object")
        m = self.matrix
        return (m.a, m.b, m.c, m.d, m.e, m.f)

    def _path(self, obj: Any, m: Matrix) -> None:
        fill_mode, stroke = ctypes.c_int(), ctypes.c_int()
        if not pdfium.FPDFPath_GetDrawMode(obj, fill_mode, stroke):
            raise pypdfium2.PdfiumError("PDFium has no draw mode for a path")
        style = {"fill": fill_mode.value != 0, "stroke": bool(stroke.value), "evenodd": fill_mode.value == 1,
                 "non_stroking_color": _colour(obj, pdfium.FPDFPageObj_GetFillColor),
                 "stroking_color": _colour(obj, pdfium.FPDFPageObj_GetStrokeColor),
                 "linewidth": _line_width(obj)}
        subpaths = list(_subpaths(obj, m))
        for shape, pts in subpaths:
            # pdfminer splits a path at each "m" and drops a lone "m" there.
            if len(subpaths) == 1 or len(shape) > 1:
                self._shape(shape, pts, style)

    def _shape(self, shape: str, pts: list[tuple[float, float]], style: Obj) -> None:
        """pdfminer's ``paint_path`` for one sub-path."""
        if len(shape) > 3 and shape[-2:] == "lh" and pts[-2] == pts[0]:
            shape = shape[:-2] + "h"
            pts = pts[:-1]
        if shape in ("mlh", "ml"):
            self.lines.append(self._curve("line", pts[:2], style))
        elif shape in ("mlllh", "mllll") and _is_rect(pts):
            (x0, y0), (x2, y2) = pts[0], pts[2]
            corners = [(x0, y0), (x2, y0), (x2, y2), (x0, y2)]
            self.rects.append(self._curve("rect", corners, style))
        else:
            self.curves.append(self._curve("curve", pts, style))

    def _curve(self, kind: str, pts: list[tuple[float, float]], style: Obj) -> Obj:
        xs = [p[0] for p in pts]
        ys = [p[1] for p in pts]
        obj = self.frame.obj(min(xs), min(ys), max(xs), max(ys))
        obj.update(style)
        obj.update({"object_type": kind, "page_number": self.page_number,
                    "pts": [self.frame.point(x, y) for x, y in pts]})
        return obj


def _is_rect(pts: list[tuple[float, float]]) -> bool:
    (x0, y0), (x1, y1), (x2, y2), (x3, y3), last = pts
    square = (x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0) or (y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0)
    return square and pts[0] == last


def _subpaths(obj: Any, m: Matrix) -> Iterator[tuple[str, list[tuple[float, float]]]]:
    """The path's sub-paths as pdfminer's operator shapes ("mlllh") and end points, in
    pdfminer's page space. PDFium keeps a Bézier as three points and a close as a flag
    on the last point (adding the line back to the start where the path had none),
    which is how pdfminer's "h" after "l"s reads once its redundant "l" is dropped."""
    n = pdfium.FPDFPath_CountSegments(obj)
    if n < 0:
        raise pypdfium2.PdfiumError("PDFium could not count a path's segments")
    x, y = ctypes.c_float(), ctypes.c_float()
    shape: list[str] = []
    pts: list[tuple[float, float]] = []
    bezier = 0
    for i in range(n):
        seg = pdfium.FPDFPath_GetPathSegment(obj, i)
        kind = pdfium.FPDFPathSegment_GetType(seg)
        if not pdfium.FPDFPathSegment_GetPoint(seg, x, y):
            raise pypdfium2.PdfiumError("PDFium has no point for a path segment")
        point = _apply(m, float(x.value), float(y.value))
        if kind == _MOVETO:
            if shape:
                yield "".join(shape), pts
            shape, pts, bezier = ["m"], [point], 0
        elif kind == _BEZIERTO:
            bezier += 1
            if bezier % 3:
                continue  # control points: pdfminer keeps a curve's end point only
            shape.append("c")
            pts.append(point)
        else:
            shape.append("l")
            pts.append(point)
        if pdfium.FPDFPathSegment_GetClose(seg) and shape:
            shape.append("h")
            pts.append(pts[0])
    if shape:
        yield "".join(shape), pts


def _colour(obj: Any, getter: Any) -> tuple[float, float, float]:
    r, g, b, a = ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint()
    if not getter(obj, r, g, b, a):
        return (0.0, 0.0, 0.0)
    return (r.value / 255, g.value / 255, b.value / 255)


def _line_width(obj: Any) -> float:
    width = ctypes.c_float()
    return float(width.value) if pdfium.FPDFPageObj_GetStrokeWidth(obj, width) else 0.0

