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
from actionplans.vocabulary import Vocabulary

# "6.1 Transport", "3. Housing", "2.4 - Waste": a number, then a short title.
_NUMBERED = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){0,3})\.?\s*[-–:]?\s+(\S.*)$")
_MAX_TITLE_WORDS = 12
_LOOK_BACK = 6  # blocks above a table searched for its heading
# "Objective 1 – Reducing emissions", "Priority 2. Live well": a group's word and number.
_LABELLED = re.compile(r"^([A-Za-z]+)\s+(\d{1,2}(?:\.\d{1,2})*)\s*[:.\-–]\s*(\S.*)$")
SUB_HEADING = "sub_heading"  # the further column a section's sub-heading rows go to


def headings_above(blocks: list[Block], table_index: int, vocabulary: Vocabulary) -> list[tuple[str, str]]:
    """(number, title) of the numbered headings above the table that is
    ``table_index``-th among the blocks' tables, nearest first, within a few blocks (a
    plan printed in pieces, one per page, has its heading above the first)."""
    seen = -1
    for i, block in enumerate(blocks):
        if not isinstance(block, Table):
            continue
        seen += 1
        if seen == table_index:
            above = [b for b in blocks[max(0, i - _LOOK_BACK):i] if isinstance(b, Paragraph)]
            return [h for p in reversed(above) if (h := _numbered(p, vocabulary)) is not None]
    return []


def _numbered(paragraph: Paragraph, vocabulary: Vocabulary) -> tuple[str, str] | None:
    """A heading's number and title: "6.1 Transport", Word's "6.1" label before "Transport",
    or a group's label ("Objective 1 – Reducing emissions", "Priority 2: Live well")."""
    label = paragraph.label.strip().rstrip(".")
    text = clean(paragraph.text)
    labelled = _LABELLED.match(text)
    if label and re.fullmatch(r"\d{1,2}(?:\.\d{1,2}){0,3}", label):
        number, title = label, text
    elif labelled and vocabulary.role_of(labelled.group(1), 90.0) in ("recommendation", "priority"):
        number, title = labelled.group(2), labelled.group(3)
    elif m := _NUMBERED.match(text):
        number, title = m.group(1), m.group(2)
    else:
        return None
    if not title or len(title.split()) > _MAX_TITLE_WORDS or title.endswith((".", ";", ",")):
        return None
    return number, title


def group_from_heading(actions: list[RawAction], headings: list[tuple[str, str]],
                       has_group_column: bool) -> list[RawAction]:
    """The actions with a heading above as their group: the nearest whose number most of
    their printed numbers stem from ("6.1.3" under "6.1"), where the table has no group
    column of its own; a group read from a row spanning the table becomes the sub-heading
    it is."""
    if has_group_column or not actions:
        return actions
    heading = next((h for h in headings if _stems(actions, h[0])), None)
    if heading is None:
        return actions
    number, title = heading
    for action in actions:
        if action.recommendation_text and not action.recommendation_number:
            action.extras[SUB_HEADING] = action.recommendation_text
        action.recommendation_number, action.recommendation_text = number, title
    return actions


def _stems(actions: list[RawAction], number: str) -> bool:
    stemmed = sum(a.action_number.startswith(number + ".") for a in actions)
    return stemmed >= max(1, 0.8 * len(actions))
