"""What a table's header cells mean, whatever words a council chose.

Each column role has synonyms; a header cell takes the role whose synonym it matches
best (rapidfuzz), so "Actions Proposed", "Action(s)" and "What we will do" all read as
the action column. Unknown headers are kept as extra columns named after themselves.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process, utils

from actionplans.extract.text import clean

ROLES: dict[str, tuple[str, ...]] = {
    "recommendation": ("ofsted recommendation", "recommendation", "recommendations", "area for improvement",
                       "areas for improvement", "area for development", "ofsted finding", "finding",
                       "inspection recommendation", "what ofsted said", "issue", "priority"),
    "action": ("actions proposed", "action", "actions", "action(s)", "what we will do", "proposed action",
               "actions to be taken", "action required", "key actions", "planned actions", "activity"),
    "lead": ("lead officer", "lead", "responsible officer", "owner", "lead officers", "responsibility",
             "responsible", "officer responsible", "who", "lead person", "accountable officer", "by whom"),
    "rag": ("rag rating", "rag", "rag status", "status", "progress rating", "rating", "red amber green"),
    "number": ("no", "no.", "number", "ref", "ref.", "reference", "#", "item"),
    "rec_number": ("rec", "rec.", "rec no", "rec no.", "rec ref", "rec number", "recommendation no",
                   "recommendation no.", "recommendation number", "recommendation ref"),
    "target_date": ("target date", "timescale", "timescales", "by when", "deadline", "completion date",
                    "due date", "when", "date"),
    "progress": ("progress update", "progress", "update", "progress to date", "comments", "commentary"),
    "evidence": ("evidence of impact", "evidence", "impact", "success criteria", "measure of success",
                 "outcome", "outcomes"),
}
_CHOICES = {syn: role for role, syns in ROLES.items() for syn in syns}


@dataclass(frozen=True)
class HeaderSettings:
    min_score: float = 86.0  # rapidfuzz token_sort_ratio a header must reach to take a role

    def __post_init__(self) -> None:
        if not 0 < self.min_score <= 100:
            raise ValueError("HeaderSettings.min_score must be in (0, 100]")


@dataclass
class Header:
    """Roles by grid column, with the header's own words for extra columns."""

    roles: dict[int, str] = field(default_factory=dict)
    names: dict[int, str] = field(default_factory=dict)
    legend: str = ""  # text under the RAG header ("Red- not on track ...")
    texts: tuple[str, ...] = ()  # normalised header cell texts, to spot repeats

    def col(self, role: str) -> int | None:
        for col, r in self.roles.items():
            if r == role:
                return col
        return None

    @property
    def is_plan(self) -> bool:
        """Actions with someone or something they answer to. A scorecard's "RAG" and
        "Action" columns alone do not make a plan; with a target date they may."""
        found = set(self.roles.values())
        return "action" in found and (bool(found & {"recommendation", "lead"}) or {"rag", "target_date"} <= found)


def header_role(text: str, settings: HeaderSettings) -> str | None:
    """The role a header cell names, or None. Only the first line counts: the RAG
    header often carries its legend on the lines below."""
    first = _first_line(text)
    if not first:
        return None
    role = _best_role(first, settings)
    if role is None and _LEGEND.search(first):
        # "RAG Rating Red - not on track ...": header and legend run together.
        words = first.split()
        role = next((r for n in (3, 2, 1) if (r := _best_role(" ".join(words[:n]), settings)) == "rag"), None)
    return role


_LEGEND = re.compile(r"\b(red|amber|green)\b")


def _best_role(first: str, settings: HeaderSettings) -> str | None:
    # Whole-cell, word-order-free comparison: "Proposed actions" is "Actions proposed",
    # but "Notes" is not "No", as a partial matcher would say.
    match = process.extractOne(first, list(_CHOICES), scorer=fuzz.token_sort_ratio,
                               processor=utils.default_process)
    if match is None or match[1] < settings.min_score:
        return None
    return _CHOICES[match[0]]


def _first_line(text: str) -> str:
    line = text.split("\n", 1)[0]
    return clean(re.sub(r"[:*]+$", "", line)).lower()


def read_header(cells: list[tuple[int, str]], settings: HeaderSettings) -> Header:
    """Header from (grid column, text) pairs of one row."""
    header = Header(texts=tuple(clean(t).lower() for _, t in cells))
    for col, text in cells:
        role = header_role(text, settings)
        if role and role not in header.roles.values():
            header.roles[col] = role
            if role == "rag":
                header.legend = clean(text.split("\n", 1)[1]) if "\n" in text else ""
        elif clean(text):
            header.names[col] = _first_line(text)
    _name_unlabelled_number(cells, header)
    return header


def _name_unlabelled_number(cells: list[tuple[int, str]], header: Header) -> None:
    """An unheaded first column left of the recommendations holds their numbers."""
    rec = header.col("recommendation")
    if rec is None or header.col("rec_number") is not None:
        return
    for col, text in cells:
        if col < rec and not clean(text):
            header.roles[col] = "rec_number"
            return
