"""Fonts of a page read through PDFium, with pdfminer's names, descents and advances."""
from __future__ import annotations

import ctypes
import re
from dataclasses import dataclass
from typing import Any

import pypdfium2.raw as pdfium
from pdfminer.pdftypes import PDFException, resolve1
from pdfminer.psparser import PSException, PSLiteral, literal_name

from actionplans.ingest.safety import PYTHON_ERRORS


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


class Font:
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

