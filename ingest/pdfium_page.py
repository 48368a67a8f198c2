"""A page read through PDFium (pypdfium2, in C) that stands in for a pdfplumber ``Page``.

``ingest/pdf_page.py::read_page`` asks a page for its words, its ruled tables, its filled
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

from typing import Any

import pypdfium2
from pdfplumber.container import Container
from pdfplumber.table import Table, TableFinder, TableSettings
from pdfplumber.utils.text import extract_words

from actionplans.ingest.pdfium_chars import Chars
from actionplans.ingest.pdfium_fonts import FontTable
from actionplans.ingest.pdfium_frame import Obj, page_frame
from actionplans.ingest.pdfium_paths import Drawing


class PdfiumPage(Container):
    """One page of an open ``pypdfium2.PdfDocument``, with the parts of pdfplumber's
    ``Page`` that ``read_page`` uses. Objects are read once, when first asked for."""

    def __init__(self, doc: pypdfium2.PdfDocument, index: int, fonts: FontTable | None = None,
                 initial_doctop: float = 0.0) -> None:
        self.doc = doc
        self.fonts = fonts
        self.index = index
        self.page_number = index + 1
        self._page = doc[index]
        self._frame = page_frame(self._page, initial_doctop)
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
        drawn = Drawing(self._frame, self.page_number)
        drawn.walk(self._page.raw)
        chars = Chars(self._page, self._frame, self.page_number, self.fonts).read(drawn.texts)
        return {"char": chars, "rect": drawn.rects, "line": drawn.lines, "curve": drawn.curves,
                "image": drawn.images}

    def extract_words(self, **kwargs: Any) -> list[Obj]:
        return extract_words(self.chars, **kwargs)

    def find_tables(self, table_settings: dict[str, Any] | TableSettings | None = None) -> list[Table]:
        return TableFinder(self, TableSettings.resolve(table_settings)).tables  # type: ignore[arg-type]

    def close(self) -> None:
        self.flush_cache()
        self._page.close()
