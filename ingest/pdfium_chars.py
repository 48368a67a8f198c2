"""A page's characters read through PDFium, built as pdfminer builds them."""
from __future__ import annotations

import ctypes
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pypdfium2
import pypdfium2.raw as pdfium

from actionplans.ingest.pdfium_fonts import Font, FontTable
from actionplans.ingest.pdfium_frame import Frame, Matrix, Obj, colour, mult, rect_bounds


@dataclass
class _Style:
    """What the characters of one text object share."""

    matrix: tuple[float, float, float, float]  # text matrix, CTM, forms, horizontal scale
    size: float
    font: Font
    drift: float = 0.0  # how far PDFium's whole-number widths have put glyphs behind
    colour: tuple[float, float, float] = (0.0, 0.0, 0.0)  # the fill the glyphs are painted in (RGB)


class Chars:
    """The page's characters as pdfminer makes them, in content-stream order."""

    def __init__(self, page: Any, frame: Frame, page_number: int, table: FontTable | None) -> None:
        self.page = page
        self.table = table
        self.frame = frame
        self.page_number = page_number
        self.fonts: dict[int, Font] = {}
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
        a, b, c, d, e, f = mult((m.a, m.b, m.c, m.d, m.e, m.f), outer)
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

    def _font(self, obj: Any) -> Font:
        font = pdfium.FPDFTextObj_GetFont(obj)
        key = ctypes.cast(font, ctypes.c_void_p).value or 0
        known = self.fonts.get(key)
        if known is None:
            known = self.fonts[key] = Font(font, self.table)
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
                                              colour=colour(obj, pdfium.FPDFPageObj_GetFillColor))
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
               adv: float, font: Font) -> Obj:
        """pdfminer's ``LTChar`` for a glyph ``adv`` wide (in text space, times the
        size) drawn at ``origin`` with ``abcd`` (PDF user space), in pdfplumber's terms."""
        cm = mult((*abcd, *origin), self.frame.ctm)
        descent = font.descent * size
        x0, y0, x1, y1 = rect_bounds(cm, (0.0, descent, adv, descent + size))
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

