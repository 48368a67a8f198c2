"""A page's paths read through PDFium as pdfminer's lines, rectangles and curves, and its images."""
from __future__ import annotations

import ctypes
from collections.abc import Iterator
from typing import Any

import pypdfium2
import pypdfium2.raw as pdfium

from actionplans.ingest.pdfium_frame import IDENTITY, Frame, Matrix, Obj, apply_point, colour, mult

_TEXT, _PATH, _IMAGE, _SHADING, _FORM = 1, 2, 3, 4, 5  # FPDF_PAGEOBJ_*
_LINETO, _BEZIERTO, _MOVETO = 0, 1, 2  # FPDF_SEGMENT_*


class Drawing:
    """The page's paths as pdfminer's lines, rectangles and curves, and its images."""

    def __init__(self, frame: Frame, page_number: int) -> None:
        self.frame = frame
        self.page_number = page_number
        self.rects: list[Obj] = []
        self.lines: list[Obj] = []
        self.curves: list[Obj] = []
        self.images: list[Obj] = []
        self.texts: list[tuple[Any, Matrix]] = []
        self.matrix = pdfium.FS_MATRIX()

    def walk(self, page: Any) -> None:
        """Read the page's objects, and keep its text objects in order for ``Chars``."""
        count = pdfium.FPDFPage_CountObjects(page)
        if count < 0:
            raise pypdfium2.PdfiumError("PDFium could not count the page's objects")
        for i in range(count):
            self._object(pdfium.FPDFPage_GetObject(page, i), IDENTITY)

    def _object(self, obj: Any, outer: Matrix) -> None:
        kind = pdfium.FPDFPageObj_GetType(obj)
        if kind == _TEXT:
            self.texts.append((obj, outer))
        elif kind == _PATH:
            self._path(obj, mult(mult(self._matrix(obj), outer), self.frame.ctm))
        elif kind == _IMAGE:
            self.images.append({"object_type": "image", "page_number": self.page_number})
        elif kind == _FORM:
            inner = mult(self._matrix(obj), outer)
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
                 "non_stroking_color": colour(obj, pdfium.FPDFPageObj_GetFillColor),
                 "stroking_color": colour(obj, pdfium.FPDFPageObj_GetStrokeColor),
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
        point = apply_point(m, float(x.value), float(y.value))
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



def _line_width(obj: Any) -> float:
    width = ctypes.c_float()
    return float(width.value) if pdfium.FPDFPageObj_GetStrokeWidth(obj, width) else 0.0

