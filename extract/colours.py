"""Name a cell's fill colour as a person would, by hue and lightness.

Raw RGB distance calls Excel's "light green" (92D050) amber; hue does not. The hue
bounds, names and limits are the plan vocabulary's (``[fills]``): white, grey and
near-white fills are "not rated".
"""
from __future__ import annotations

import colorsys

from actionplans.vocabulary import Vocabulary, default_vocabulary


def colour_name(hex_rgb: str | None, vocabulary: Vocabulary | None = None) -> tuple[str, str]:
    """("light green", "Green") for "92D050"; ("", "") for white, grey or no fill."""
    if not hex_rgb or len(hex_rgb) != 6:
        return "", ""
    try:
        r, g, b = (int(hex_rgb[i:i + 2], 16) / 255 for i in (0, 2, 4))
    except ValueError:
        return "", ""
    naming = (vocabulary or default_vocabulary()).fills
    hue, light, sat = colorsys.rgb_to_hls(r, g, b)
    if sat < naming.min_saturation or light > naming.max_lightness or light < naming.min_lightness:
        return "", ""
    degrees = hue * 360
    name, rag = next(((h.name, h.status) for h in naming.hues if degrees < h.below), ("", ""))
    if not name:
        return "", ""
    if light >= naming.light_from and name not in ("amber", "yellow"):
        name = "light " + name
    elif light < naming.dark_below:
        name = "dark " + name
    return name, rag
