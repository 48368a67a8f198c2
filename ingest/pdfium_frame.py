"""Where PDFium's objects land on a pdfplumber page: pdfminer's matrices, and the frame
pdfplumber places pdfminer's coordinates in (``ingest/pdfium_page.py`` uses it)."""
from __future__ import annotations

import ctypes
from dataclasses import dataclass
from typing import Any

Matrix = tuple[float, float, float, float, float, float]
Obj = dict[str, Any]

IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def mult(m1: Matrix, m0: Matrix) -> Matrix:
    """m1 then m0, as pdfminer's ``mult_matrix(m1, m0)``."""
    a1, b1, c1, d1, e1, f1 = m1
    a0, b0, c0, d0, e0, f0 = m0
    return (a0 * a1 + c0 * b1, b0 * a1 + d0 * b1, a0 * c1 + c0 * d1, b0 * c1 + d0 * d1,
            a0 * e1 + c0 * f1 + e0, b0 * e1 + d0 * f1 + f0)


def apply_point(m: Matrix, x: float, y: float) -> tuple[float, float]:
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
class Frame:
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


def page_frame(page: Any, doctop: float) -> Frame:
    rotate = page.get_rotation() % 360
    raw = page.get_mediabox()
    left, bottom, right, top = raw
    box = (min(left, right), min(bottom, top), max(left, right), max(bottom, top))
    # pdfplumber's media box after ``_normalize_box`` and ``_invert_box``; pdfminer's
    # matrix takes the box as the PDF writes it, corners in whatever order.
    nx0, ny0, nx1, ny1 = (box[1], box[0], box[3], box[2]) if rotate in (90, 270) else box
    height = ny1 - ny0
    return Frame(_page_ctm(raw, rotate), height, nx0, height - ny1, doctop)



def rect_bounds(m: Matrix, rect: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
    """pdfminer's ``apply_matrix_rect``: the upright box round the four corners."""
    a, b, c, d, e, f = m
    x0, y0, x1, y1 = rect
    if b == 0 and c == 0:  # the usual case, without the general arithmetic
        xa, xb, ya, yb = a * x0 + e, a * x1 + e, d * y0 + f, d * y1 + f
        return min(xa, xb), min(ya, yb), max(xa, xb), max(ya, yb)
    pts = [apply_point(m, x, y) for x, y in ((x0, y0), (x1, y0), (x1, y1), (x0, y1))]
    xs = [p[0] for p in pts]
    ys = [p[1] for p in pts]
    return min(xs), min(ys), max(xs), max(ys)



def colour(obj: Any, getter: Any) -> tuple[float, float, float]:
    r, g, b, a = ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint()
    if not getter(obj, r, g, b, a):
        return (0.0, 0.0, 0.0)
    return (r.value / 255, g.value / 255, b.value / 255)

