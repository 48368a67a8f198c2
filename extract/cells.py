"""One cell's text shared between actions: an action cell split into the actions it
holds (numbered items, bullets, paragraphs beside as many lead lines), and a lead,
status or other cell beside them shared out among those actions, by where each line
sits or paragraph by paragraph."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from actionplans.extract.tables import ITEM_NUMBER, Slot
from actionplans.extract.text import clean, join
from actionplans.ingest.model import Line, Paragraph

# "Action 1:", "Action 2.3 -": an action's number printed after the word.
_ACTION_LABEL = re.compile(r"^\s*action\s+(\d{1,3}(?:\.\d{1,3})*[a-z]?)\s*[:.)\-–]\s*(?=\S|$)", re.I)
# What starts a list item: bullet glyphs; typed, also a hyphen, middle dot or dash; as a
# Word list's label, also "o" (the hollow bullet in Courier New).
_DOTS = "•▪●◦"
_MARKS = f"-·–{_DOTS}"
_LABELS = f"{_MARKS}o"
_BULLETED = re.compile(rf"^[{re.escape(_MARKS)}]\s")
_GLYPH = re.compile(rf"^[{re.escape(_DOTS)}]\s+")  # a bullet typed as text, not a Word list label
_BULLET = re.compile(rf"^[{re.escape(_LABELS)}]$")
_LABELLED = re.compile(rf"^[{re.escape(_LABELS)}]\s+")
# A number inside a paragraph that starts a further action: "... implemented 39) Children's".
_INLINE = re.compile(r"(?<=\s)(\d{1,3}[a-z]?)\)\s+(?=\S)")
_TOLERANCE = 4.0  # points: an officer's line may sit this far above its action's first line
# Labels of sub-steps ("a)", "ii.") inside an action numbered "2.1" or "3)": part of it.
_SUB_STEP = re.compile(r"^(?:[a-z]|[ivx]{1,4})$")


@dataclass
class Segment:
    """One action's share of an action cell."""

    number: str
    texts: list[str] = field(default_factory=list)
    start: tuple[int, float] | None = None  # (page, top) of its first line


def _number_of(p: Paragraph) -> tuple[str, str, bool]:
    """(number, text without it, is_bullet) of one paragraph."""
    label = p.label.strip()
    if label:
        if _BULLET.match(label):
            return "", p.text, True
        return label.strip("().: "), p.text, False
    m = ITEM_NUMBER.match(p.text) or _ACTION_LABEL.match(p.text)
    if m:
        return m.group(1), p.text[m.end():].strip(), False
    if p.text[:1] in _MARKS and p.text[1:2] == " ":
        return "", p.text, True
    return "", p.text, False


def _inline_split(number: str, text: str, p: Paragraph) -> list[Segment]:
    """Split "A 39) B 40) C" where the numbers run on from ``number``."""
    if not number.isdigit():
        return [Segment(number, [text], _start(p))]
    segments = [Segment(number, [], _start(p))]
    expected, pos = int(number) + 1, 0
    for m in _INLINE.finditer(text):
        if m.group(1) != str(expected):
            continue
        segments[-1].texts.append(text[pos:m.start()])
        segments.append(Segment(m.group(1), [], _line_start(p, m.group(0).strip())))
        pos, expected = m.end(), expected + 1
    segments[-1].texts.append(text[pos:])
    return segments


def _start(p: Paragraph) -> tuple[int, float] | None:
    return p.lines[0].position if p.lines else None


def _line_start(p: Paragraph, token: str) -> tuple[int, float] | None:
    for line in p.lines:
        if token in line.text:
            return line.position
    return _start(p)


def segment_cell(slot: Slot) -> tuple[list[Segment], bool]:
    """Split an action cell. Returns (segments, numbered): where no paragraph carries a
    number, each paragraph is a candidate action and the caller decides (see
    ``rows_to_actions``) whether the lead cell confirms them as separate actions."""
    paragraphs = [p for p in slot.paragraphs if p.shown.strip()]
    parsed = [(_number_of(p), p) for p in paragraphs]
    numbered = any(num for (num, _, _), _ in parsed)
    items = None if numbered or any(b for (_, _, b), _ in parsed) else _semicolon_items(paragraphs)
    if items is not None:
        parsed = [(("", p.text, True), p) for p in items]
    first = next((num for (num, _, _), _ in parsed if num), "")
    # A cell that is a list and nothing else ("• embed ...", "• review ...") holds one
    # action per item; bullets under an action's own words are its steps.
    listed = len(parsed) >= 2 and all(bullet for (_, _, bullet), _ in parsed)
    top = min((p.level for _, p in parsed), default=0)
    segments: list[Segment] = []
    for (num, text, bullet), p in parsed:
        if listed and p.level > top and segments:  # a bullet's own sub-bullets are its steps
            segments[-1].texts.append(_GLYPH.sub("", p.shown) if not p.label else p.shown)
            continue
        if num and segments and _SUB_STEP.match(num) and not _SUB_STEP.match(first):
            segments[-1].texts.append(p.shown)
            continue
        if numbered:
            opens_new = bool(num)
        elif listed:
            opens_new, text = True, unbulleted(text)
        else:
            opens_new = not (bullet or (segments and (_ends_with_colon(segments[-1]) or _runs_on(segments[-1], text))))
        if opens_new or not segments:
            segments.extend(_inline_split(num, text, p) if num else [Segment("", [text], _start(p))])
        else:
            segments[-1].texts.append(_GLYPH.sub("", p.shown) if bullet and not p.label else
                                      p.shown if bullet else text)
    return segments, numbered


def _semicolon_items(paragraphs: list[Paragraph]) -> list[Paragraph] | None:
    """A list whose bullets were lost (a web page printed to PDF): printed lines ending
    in ";" close items. Three items or more, each of three words or more, else None."""
    items: list[Paragraph] = []
    for p in paragraphs:
        group: list[Line] = []
        for line in p.lines:
            group.append(line)
            if line.text.rstrip().endswith(";"):
                items.append(_lines_paragraph(group, p))
                group = []
        if group:
            items.append(_lines_paragraph(group, p))
    closed = sum(i.text.endswith(";") for i in items)
    if closed < 2 or len(items) < 3 or any(len(i.text.split()) < 3 for i in items):
        return None
    return items


def _lines_paragraph(lines: list[Line], p: Paragraph) -> Paragraph:
    return Paragraph(text=join([ln.text for ln in lines]), page=p.page, lines=tuple(lines), size=p.size)


def unbulleted(text: str) -> str:
    return _LABELLED.sub("", text)


def opens_with_bullet(text: str) -> bool:
    """Whether a text starts with a bullet typed before it ("• define ...", "- review ...")."""
    return bool(_BULLETED.match(text))


def _runs_on(segment: Segment, text: str) -> bool:
    """A paragraph that carries on the sentence before it: the one before ends without
    a stop and this one starts in lower case (a line break typed mid-sentence)."""
    last = segment.texts[-1].rstrip() if segment.texts else ""
    return bool(last) and last[-1] not in ".;:!?)" and text[:1].islower()


def _ends_with_colon(segment: Segment) -> bool:
    return bool(segment.texts) and segment.texts[-1].rstrip().endswith(":")


def share_out(slot: Slot | None, segments: list[Segment], whole: bool = False) -> list[str] | None:
    """Each segment's share of a lead (or RAG) cell, or None where it is not clear.

    First by position, where each officer line sits level with its action; then by
    paragraph, where the cell has one paragraph per action. With ``whole``, a share is
    whole paragraphs: a narrative is never cut between its lines."""
    if slot is None:
        return [""] * len(segments)
    paragraphs = [p for p in slot.paragraphs if p.shown.strip()]
    # One printed line beside several actions (an officer, a date) is each one's.
    one_line = len(paragraphs) == 1 and len(paragraphs[0].lines) <= 1
    if len(segments) == 1 or slot.carried or one_line:
        return [join([p.shown for p in paragraphs])] * len(segments)
    if not paragraphs:
        return [""] * len(segments)
    by_position = _by_position(paragraphs, segments, whole)
    if by_position is not None:
        return by_position
    if len(paragraphs) == len(segments):
        return [clean(p.shown) for p in paragraphs]
    return None


def _by_position(paragraphs: list[Paragraph], segments: list[Segment], whole: bool = False) -> list[str] | None:
    starts = [s.start for s in segments]
    if whole:  # each paragraph goes where its first line sits
        lines = [Line(p.shown, p.lines[0].box, p.lines[0].page) if p.lines else None for p in paragraphs]
        if any(ln is None for ln in lines):
            return None
        return _line_shares([ln for ln in lines if ln is not None], starts)
    return _line_shares([ln for p in paragraphs for ln in p.lines], starts)


def _line_shares(lines: list[Line], starts: list[tuple[int, float] | None]) -> list[str] | None:
    if not lines or any(s is None for s in starts):
        return None
    shares: list[list[str]] = [[] for _ in starts]
    for line in lines:
        page, top = line.position
        index = -1
        for i, start in enumerate(starts):
            assert start is not None
            if (page, top + _TOLERANCE) >= start:
                index = i
        if index < 0:
            return None
        shares[index].append(line.text)
    if any(not s for s in shares):
        return None
    return [join(s) for s in shares]


def is_list(slot: Slot) -> bool:
    """Whether a cell is a list of bullets and nothing else."""
    parsed = [_number_of(p) for p in slot.paragraphs if p.shown.strip()]
    return len(parsed) >= 2 and all(bullet for _, _, bullet in parsed)
