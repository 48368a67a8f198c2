"""Column roles from what the column holds, where its header says nothing: a blank header
cell, or a generic one ("Comments", "Notes"). Status words, letters or fills make a status
column; dates and periods a due-date column; job titles and officer codes a lead column.
Only roles the header did not give are taken, and only where most cells agree.
"""
from __future__ import annotations

import re

from actionplans.dates import MONTHS
from actionplans.extract.colours import colour_name
from actionplans.extract.headers import Header
from actionplans.extract.rag import read_rag
from actionplans.extract.text import clean
from actionplans.ingest.model import Cell, Row, only_symbols
from actionplans.vocabulary import Vocabulary

GENERIC = frozenset({"", "comments", "comment", "notes", "note", "details", "detail", "other", "remarks"})
_SHARE = 0.6  # of a column's filled cells that must agree
_SAMPLE = 15  # body rows looked at
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_PERIOD = re.compile(
    rf"^(?:(?:by|end(?: of)?|from|before)\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?(?:{_MONTH})\.?(?:\s+\d{{2,4}})?$"
    r"|^\d{1,2}[/.]\d{1,2}[/.]\d{2,4}$|^(?:end\s+)?q[1-4](?:\s+\d{4}(?:/\d{2,4})?)?$|^\d{4}/\d{2,4}(?:\s+q[1-4])?$"
    r"|^(?:spring|summer|autumn|winter)(?:\s+term)?(?:\s+\d{4})?$|^(?:ongoing|immediate(?:ly)?|tbc|\d{4})$", re.I)


def roles_from_content(header: Header, body: list[Row], vocabulary: Vocabulary) -> None:
    """Give roles, in place, to the header's unnamed or generic columns whose cells say
    what they are."""
    taken = set(header.roles.values())
    for col in _candidates(header, body):
        cells = [c for r in body[:_SAMPLE] if (c := r.cell_at(col)) is not None and not c.continued]
        role = _content_role(cells, vocabulary, taken)
        if role is not None:
            header.roles[col] = role
            header.names.pop(col, None)
            taken.add(role)


def _candidates(header: Header, body: list[Row]) -> list[int]:
    cols = {c.col for r in body[:_SAMPLE] for c in r.cells}
    out = []
    for col in sorted(cols):
        role = header.roles.get(col)
        name = header.names.get(col, "")
        if role is None and name in GENERIC or role == "progress" and name in GENERIC:
            out.append(col)
        elif role is None and col not in header.names and col not in header.printed:
            out.append(col)  # a blank header cell
    return out


def _content_role(cells: list[Cell], vocabulary: Vocabulary, taken: set[str]) -> str | None:
    filled = [c for c in cells if clean(c.text) or colour_name(c.fill, vocabulary)[1]]
    if len(filled) < 2:
        return None
    checks = (("rag", _is_status), ("target_date", _is_period), ("lead", _is_post))
    for role, check in checks:
        if role not in taken and sum(check(c, vocabulary) for c in filled) >= _SHARE * len(filled):
            return role
    return None


def _is_status(cell: Cell, vocabulary: Vocabulary) -> bool:
    text = clean(cell.text)
    if not text or only_symbols(text):  # a fill, or a dot in a status's colour
        return bool(colour_name(cell.fill, vocabulary)[1])
    rag, why = read_rag(text, {}, vocabulary)
    return bool(rag) and why is None and len(text.split()) <= 4


def _is_period(cell: Cell, vocabulary: Vocabulary) -> bool:
    return bool(_PERIOD.match(clean(cell.text)))


def _is_post(cell: Cell, vocabulary: Vocabulary) -> bool:
    text = clean(cell.text)
    if not text or len(text.split()) > 8:
        return False
    tokens = re.split(r"[\s,&/;]+", text)
    return bool(vocabulary.post_pattern.search(text.lower())) or all(vocabulary.is_code(t) for t in tokens if t)
