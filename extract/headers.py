"""What a table's header cells mean, whatever words a council chose.

Each column role has header words in the plan vocabulary (``actionplans/vocabulary.toml``);
a header cell takes the role whose words it matches best (rapidfuzz), so "Actions
Proposed", "Action(s)" and "What we will do" all read as the action column. Unknown
headers are kept as extra columns named after themselves.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from actionplans.extract.text import clean, status_names_pattern
from actionplans.vocabulary import RoleMatch, Vocabulary, default_vocabulary


@dataclass(frozen=True)
class HeaderSettings:
    min_score: float = 86.0  # rapidfuzz token_sort_ratio a header must reach to take a role
    vocabulary: Vocabulary = field(default_factory=default_vocabulary)

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
    printed: dict[int, str] = field(default_factory=dict)  # each header cell's first line as printed
    how: dict[int, RoleMatch] = field(default_factory=dict)  # how each role was matched (for explain)
    # Columns whose role came from the evidence (extract.roles), and each scored column's
    # score per role (for explain).
    by_content: set[int] = field(default_factory=set)
    evidence: dict[int, dict[str, float]] = field(default_factory=dict)
    content: dict[int, dict[str, float]] = field(default_factory=dict)  # each profiled column's cells, 0-1 per role
    # The action column is named for the thing delivered ("Project", "Intervention"):
    # its cells are names, short by nature, not headlines of aims.
    names_things: bool = False
    headerless: bool = False  # no header row: the roles are read from the cells alone

    def col(self, role: str) -> int | None:
        for col, r in self.roles.items():
            if r == role:
                return col
        return None

    def verdict_words(self) -> str:
        """"" where the header reads as a plan's, else why not, in words."""
        found = set(self.roles.values())
        if "action" not in found:
            return "no action column"
        # Beside the actions, something of a plan's: a group, who leads, when, how it
        # stands, what has been done, or a reference per action (issue 22, item 2).
        if not found & {"recommendation", "lead", "target_date", "rag", "progress", "number", "rec_number"}:
            return "an action column, but no recommendation, lead, due date, status, progress or number column"
        return ""


def header_match(text: str, settings: HeaderSettings) -> RoleMatch | None:
    """The role a header cell names, and how sure. Only the first line counts: the RAG
    header often carries its legend on the lines below."""
    first = _first_line(text)
    if not first:
        return None
    match = settings.vocabulary.role_match(first, settings.min_score)
    if match is None and _status_words(settings.vocabulary).search(first):
        # "RAG Rating Red - not on track ...": header and legend run together.
        words = first.split()
        tries = (settings.vocabulary.role_match(" ".join(words[:n]), settings.min_score) for n in (3, 2, 1))
        match = next((m for m in tries if m is not None and m.role == "rag"), None)
    return match


def _status_words(vocabulary: Vocabulary) -> re.Pattern[str]:
    """The status names ("red", "amber"...) a legend run into its header shows."""
    return status_names_pattern(vocabulary.status_names)


def _first_line(text: str) -> str:
    line = text.split("\n", 1)[0]
    return clean(re.sub(r"[:*?]+$", "", clean(line))).lower()


def read_header(cells: list[tuple[int, str]], settings: HeaderSettings) -> Header:
    """Header from (grid column, text) pairs of one row. Where two columns take one role,
    the one whose vocabulary word ranks first keeps it (then the leftmost); the other
    is a further column under its own name."""
    header = Header(texts=tuple(clean(t).lower() for _, t in cells))
    matches = {col: header_match(text, settings) for col, text in cells}
    keeper: dict[str, int] = {}
    for col, match in matches.items():
        if match is not None and (match.role not in keeper or match.rank < _rank(matches[keeper[match.role]])):
            keeper[match.role] = col
    for col, text in cells:
        match = matches[col]
        if match is not None and keeper[match.role] == col:
            header.roles[col] = match.role
            header.how[col] = match
            if match.role == "rag":
                header.legend = clean(text.split("\n", 1)[1]) if "\n" in text else ""
        elif clean(text):
            header.names[col] = _first_line(text)
        if clean(text):
            header.printed[col] = clean(text.split("\n", 1)[0])
    _name_unlabelled_number(cells, header)
    return header


def _rank(match: RoleMatch | None) -> int:
    return match.rank if match is not None else 1 << 30


def _name_unlabelled_number(cells: list[tuple[int, str]], header: Header) -> None:
    """An unheaded first column left of the recommendations holds their numbers."""
    rec = header.col("recommendation")
    if rec is None or header.col("rec_number") is not None:
        return
    for col, text in cells:
        if col < rec and not clean(text):
            header.roles[col] = "rec_number"
            return
