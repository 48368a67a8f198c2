"""Name a cell's fill colour as a person would, by hue and lightness.

Raw RGB distance calls Excel's "light green" (92D050) amber; hue does not. White, grey
and near-white fills are "not rated".
"""
from __future__ import annotations

import colorsys

# (upper hue bound in degrees, name, RAG)
_HUES: tuple[tuple[float, str, str], ...] = (
    (15, "red", "Red"), (38, "orange", "Amber"), (52, "amber", "Amber"), (70, "yellow", "Amber"),
    (170, "green", "Green"), (260, "blue", "Blue"), (345, "purple", ""), (361, "red", "Red"),
)


def colour_name(hex_rgb: str | None) -> tuple[str, str]:
    """("light green", "Green") for "92D050"; ("", "") for white, grey or no fill."""
    if not hex_rgb or len(hex_rgb) != 6:
        return "", ""
    try:
        r, g, b = (int(hex_rgb[i:i + 2], 16) / 255 for i in (0, 2, 4))
    except ValueError:
        return "", ""
    hue, light, sat = colorsys.rgb_to_hls(r, g, b)
    if sat < 0.25 or light > 0.95 or light < 0.08:
        return "", ""
    degrees = hue * 360
    name, rag = next((n, c) for bound, n, c in _HUES if degrees < bound)
    if light >= 0.55 and name not in ("amber", "yellow"):
        name = "light " + name
    elif light < 0.3:
        name = "dark " + name
    return name, rag
