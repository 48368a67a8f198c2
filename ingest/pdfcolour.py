"""Colours as a PDF's objects carry them (pdfplumber's gray, RGB or CMYK tuples), as
"RRGGBB"; and the colour of a cell whose text is only symbols (a status shown as a
coloured dot), which both table readers give the cell as its fill."""
from __future__ import annotations

from typing import Any

from actionplans.ingest.model import only_symbols


def symbol_colour(words: list[dict[str, Any]]) -> str | None:
    """The colour of a cell's text where it is only symbols ("●"), all one colour other
    than black or white; else None."""
    if not only_symbols(" ".join(w["text"] for w in words)):
        return None
    colours = {rgb(c.get("non_stroking_color")) for w in words for c in w.get("chars", ())}
    colour = colours.pop() if len(colours) == 1 else None
    return None if colour in ("000000", "FFFFFF") else colour


def rgb(colour: Any) -> str | None:
    """A pdfplumber colour (gray, RGB or CMYK tuple in 0..1) as "RRGGBB"."""
    if colour is None:
        return None
    if isinstance(colour, (int, float)):
        colour = (colour,)
    try:
        vals = [float(v) for v in colour]
    except (TypeError, ValueError):
        return None  # a pattern colour space
    if len(vals) == 1:
        r = g = b = vals[0]
    elif len(vals) == 3:
        r, g, b = vals
    elif len(vals) == 4:
        c, m, y, k = vals
        r, g, b = (1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k)
    else:
        return None
    return "".join(f"{max(0, min(255, round(v * 255))):02X}" for v in (r, g, b))
