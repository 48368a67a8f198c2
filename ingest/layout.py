"""Words to lines to paragraphs, from positions alone (PDF text has no paragraphs).

A new paragraph starts where the gap above a line is wider than line spacing, where a
line opens with a list marker, or where the line above stopped short although the first
word of this one would have fitted after it (so the writer pressed Enter).
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from statistics import median
from typing import Any

from actionplans.ingest.model import Box, Line, Paragraph

MARKER = re.compile(r"^(\(?\d{1,3}[a-z]?[).]|\d{1,2}(\.\d{1,2})+\.?|\(?[a-z][).]|[-•▪●◦·–])(\s|$)")


@dataclass(frozen=True)
class LayoutSettings:
    line_tolerance: float = 3.0  # points: words whose tops differ less share a line
    paragraph_gap: float = 0.35  # of a line's height: a wider gap starts a paragraph
    space_width: float = 0.28  # of the font size: the width of a space
    # Points: a browser sets lines on its pixel grid (0.75pt at 96 dpi), so one pitch
    # prints as two a pixel apart; a line this near the run's closest pitch is one more line.
    pitch_jitter: float = 1.0

    def __post_init__(self) -> None:
        if self.line_tolerance <= 0 or self.paragraph_gap <= 0:
            raise ValueError("LayoutSettings: line_tolerance and paragraph_gap must be > 0")


def words_to_lines(words: Sequence[dict[str, Any]], settings: LayoutSettings,
                   page: int = 0) -> list[tuple[Line, list[dict[str, Any]]]]:
    """Group words (pdfplumber dicts) into lines, top to bottom, left to right."""
    lines: list[list[dict[str, Any]]] = []
    for word in sorted(words, key=lambda w: (round(w["top"], 1), w["x0"])):
        if lines and abs(lines[-1][0]["top"] - word["top"]) <= settings.line_tolerance:
            lines[-1].append(word)
        else:
            lines.append([word])
    out = []
    for group in lines:
        group.sort(key=lambda w: w["x0"])
        box = Box(min(w["x0"] for w in group), min(w["top"] for w in group),
                  max(w["x1"] for w in group), max(w["bottom"] for w in group))
        out.append((Line(" ".join(w["text"] for w in group), box, page), group))
    return out


def lines_to_paragraphs(lines: list[tuple[Line, list[dict[str, Any]]]], right_edge: float,
                        page: int, settings: LayoutSettings) -> list[Paragraph]:
    """Split a column of lines into paragraphs; ``right_edge`` is where text may reach."""
    paragraphs: list[list[tuple[Line, list[dict[str, Any]]]]] = []
    usual = _line_pitch(lines, settings)
    for i, item in enumerate(lines):
        if i == 0 or _starts_paragraph(lines[i - 1], item, right_edge, settings, usual):
            paragraphs.append([item])
        else:
            paragraphs[-1].append(item)
    return _with_levels([_paragraph(group, page) for group in paragraphs])


def _with_levels(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """List items set in further than the leftmost item are one level down (a bullet's
    own sub-bullets)."""
    items = [p for p in paragraphs if p.lines and MARKER.match(p.text)]
    if len(items) < 2:
        return paragraphs
    base = min(p.lines[0].box.x0 for p in items)
    for p in items:
        if p.lines[0].box.x0 - base > 0.8 * max(p.size, p.lines[0].box.height * 0.8):
            p.level = 1
    return paragraphs


def _line_pitch(lines: list[tuple[Line, list[dict[str, Any]]]], settings: LayoutSettings) -> float:
    """The run's own line pitch (top to top): its closest pitch, where the gap under
    it is plain line spacing (narrower than ``paragraph_gap``); else 0, none known."""
    pitches = [(cur.box.top - prev.box.top, cur.box.top - prev.box.bottom, cur.box.height)
               for (prev, _), (cur, _) in zip(lines, lines[1:], strict=False)]
    plain = [pitch for pitch, gap, height in pitches if 0 < gap <= settings.paragraph_gap * max(height, 1.0)]
    return min(plain, default=0.0)


def _starts_paragraph(prev: tuple[Line, list[dict[str, Any]]], cur: tuple[Line, list[dict[str, Any]]],
                      right_edge: float, settings: LayoutSettings, usual: float = 0.0) -> bool:
    prev_line, _ = prev
    line, words = cur
    height = max(line.box.height, 1.0)
    wide = line.box.top - prev_line.box.bottom > settings.paragraph_gap * height
    # A gap judged against the run's own pitch: one pixel of a browser's grid more than
    # its closest lines is still line spacing, not a paragraph's space.
    if wide and not (usual and line.box.top - prev_line.box.top <= usual + settings.pitch_jitter):
        return True
    if MARKER.match(line.text):
        return True
    first_word = words[0]
    size = first_word.get("size") or height
    room = right_edge - prev_line.box.x1
    return room > (first_word["x1"] - first_word["x0"]) + settings.space_width * size + 1.0


def _paragraph(group: list[tuple[Line, list[dict[str, Any]]]], page: int) -> Paragraph:
    words = [w for _, ws in group for w in ws]
    sizes = [w.get("size") or 0.0 for w in words]
    bold = all(is_bold(str(w.get("fontname", ""))) for w in words)
    text = join_lines([line.text for line, _ in group])
    return Paragraph(text=_dehyphen(text), size=round(median(sizes), 1) if sizes else 0.0, bold=bold,
                     page=page, lines=tuple(line for line, _ in group))


_BOLD = re.compile(r"bold|black|heavy|demi|(?<![a-z])bd(?![a-z])|(?<=[a-z])bd(?:mt)?$", re.IGNORECASE)


def is_bold(fontname: str) -> bool:
    """Whether a PDF font's name says it is a bold face ("Arial-BoldMT", "Calibri,Bold",
    "VeraBd"); the subset tag before "+" is left out."""
    return _BOLD.search(fontname.rpartition("+")[2]) is not None


def join_lines(lines: list[str]) -> str:
    """Printed lines as one text: a line ending in a hyphen after a letter ("pre-",
    "Co-") carries its word on to the next line, so no space goes between them."""
    parts: list[str] = []
    tail = ""  # the text's last two characters: searching the whole text each time is slow
    for line in lines:
        if tail and not _OPEN_HYPHEN.search(tail):
            parts.append(" ")
            tail = (tail + " ")[-2:]
        part = line.strip()
        parts.append(part)
        tail = (tail + part)[-2:]
    return "".join(parts)


_OPEN_HYPHEN = re.compile(r"[A-Za-z]-$")


def _dehyphen(text: str) -> str:
    return " ".join(text.split())  # what re.sub(r"\s+", " ", text).strip() gives, faster


def typed_paragraphs(lines: list[str]) -> list[list[str]]:
    """Lines an editor broke by hand (a web page's <br>, Word's Shift+Enter) as the
    paragraphs a printed page shows: a blank line, or a line opening with a typed list
    marker ("• ", "2) "), starts one, as on a PDF page."""
    groups: list[list[str]] = [[]]
    for line in lines:
        if not line.strip() or MARKER.match(line):
            groups.append([])
        if line.strip():
            groups[-1].append(line)
    return [g for g in groups if g]
