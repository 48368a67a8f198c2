"""The group of a whole table, from the numbered heading just above it.

A plan printed section by section ("6.1 Transport", then a table of actions "6.1.1",
"6.1.2"...) names its group in the heading, not in the table: the heading's number is the
stem of every action's, and that is what makes it the group (a heading over a table
whose actions are numbered otherwise, or not at all, says nothing about them). Rows that
span the table inside such a section ("Council wide", "District wide") are then
sub-headings of the section, not groups: their text goes with each action under them as
a further column.
"""
from __future__ import annotations

import re

from actionplans.extract.records import RawAction
from actionplans.extract.text import clean
from actionplans.ingest.model import Block, Paragraph, Table

# "6.1 Transport", "3. Housing", "2.4 - Waste": a number, then a short title.
_NUMBERED = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){0,3})\.?\s*[-–:]?\s+(\S.*)$")
_MAX_TITLE_WORDS = 12
_LOOK_BACK = 3  # paragraphs above a table searched for its heading
SUB_HEADING = "sub_heading"  # the further column a section's sub-heading rows go to


def heading_above(blocks: list[Block], table_index: int) -> tuple[str, str] | None:
    """(number, title) of the numbered heading nearest above the table that is
    ``table_index``-th among the blocks' tables, within a few paragraphs; or None."""
    seen = -1
    for i, block in enumerate(blocks):
        if not isinstance(block, Table):
            continue
        seen += 1
        if seen == table_index:
            above = [b for b in blocks[max(0, i - _LOOK_BACK):i] if isinstance(b, Paragraph)]
            return next((h for p in reversed(above) if (h := _numbered(p)) is not None), None)
    return None


def _numbered(paragraph: Paragraph) -> tuple[str, str] | None:
    label = paragraph.label.strip().rstrip(".")
    text = clean(paragraph.text)
    if label and re.fullmatch(r"\d{1,2}(?:\.\d{1,2}){0,3}", label):
        number, title = label, text
    else:
        m = _NUMBERED.match(text)
        if m is None:
            return None
        number, title = m.group(1), m.group(2)
    if not title or len(title.split()) > _MAX_TITLE_WORDS or title.endswith((".", ";", ",")):
        return None
    return number, title


def group_from_heading(actions: list[RawAction], heading: tuple[str, str] | None,
                       has_group_column: bool) -> list[RawAction]:
    """The actions with the heading as their group, where most of their printed numbers
    stem from the heading's ("6.1.3" under "6.1") and the table has no group column of
    its own; a group read from a row spanning the table becomes the sub-heading it is."""
    if heading is None or has_group_column or not actions:
        return actions
    number, title = heading
    stemmed = sum(a.action_number.startswith(number + ".") for a in actions)
    if stemmed < max(2, 0.8 * len(actions)):
        return actions
    for action in actions:
        if action.recommendation_text and not action.recommendation_number:
            action.extras[SUB_HEADING] = action.recommendation_text
        action.recommendation_number, action.recommendation_text = number, title
    return actions
