"""List bullets drawn as shapes: a browser or a word processor prints a list's bullet as
a small filled circle or square, not a character. Read as the text's "•" where one
stands just left of a line's first word, so a cell keeps its list structure (items,
each a paragraph) as a typed bullet would give it."""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from actionplans.ingest.pdfcolour import rgb

Shape = dict[str, Any]
Word = dict[str, Any]
MAX_SIZE = 7.0  # points: a bullet is no wider or taller than a small letter
MAX_GAP = 20.0  # points between the bullet and the word after it


def bullet_words(shapes: Iterable[Shape], words: list[Word]) -> list[Word]:
    """A "•" word for each small dark filled shape set just left of a word, level with
    it, with no word of its own column on its left nearer than that word (so it leads
    its line in its cell). Coloured shapes are statuses (a red dot), not bullets."""
    out: list[Word] = []
    dots = [shape for shape in shapes if _is_dot(shape)]
    lefts = _column_lefts(words) if dots else []  # most pages draw no dot
    for shape in dots:
        middle = (shape["top"] + shape["bottom"]) / 2
        level = [w for w in words if w["top"] - 1 <= middle <= w["bottom"] + 1]
        after = [w for w in level if 0 <= w["x0"] - shape["x1"] <= MAX_GAP]
        if not after or any(0 <= shape["x0"] - w["x1"] <= MAX_GAP and not _edge_between(lefts, w["x1"], shape["x0"])
                            for w in level):
            continue
        first = min(after, key=lambda w: w["x0"])
        out.append({"text": "•", "x0": shape["x0"], "x1": shape["x1"], "top": first["top"],
                    "bottom": first["bottom"], "size": first.get("size"), "fontname": first.get("fontname", ""),
                    "upright": True, "chars": []})
    return out


def _column_lefts(words: list[Word]) -> list[float]:
    """Where a column's lines start: a left edge that two or more lines' words start at
    (within half a point), so a table's column to the left of a list ends before it."""
    xs = sorted(round(w["x0"] * 2) / 2 for w in words)
    return sorted({x for x, y in zip(xs, xs[1:], strict=False) if y - x <= 0.5})


def _edge_between(lefts: list[float], x0: float, x1: float) -> bool:
    """Whether a column's left edge lies between a word ending at ``x0`` and a shape at
    ``x1``: the word is the column's to the left, not on the shape's line in its cell."""
    return any(x0 < left <= x1 for left in lefts)


def _is_dot(shape: Shape) -> bool:
    width, height = shape["x1"] - shape["x0"], shape["bottom"] - shape["top"]
    if not (shape.get("fill") and 1.0 <= width <= MAX_SIZE and 1.0 <= height <= MAX_SIZE):
        return False
    if abs(width - height) > 0.5 * max(width, height):
        return False  # a dash or a bar, not a dot
    colour = rgb(shape.get("non_stroking_color"))
    if colour is None:
        return False
    r, g, b = (int(colour[i:i + 2], 16) for i in (0, 2, 4))
    return max(r, g, b) - min(r, g, b) < 40 and max(r, g, b) < 140  # dark and grey: ink, not a status
