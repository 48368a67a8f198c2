"""Column roles from two kinds of evidence: the header's words and what the cells hold.

A header cell that names a role outright ("Lead officer", "Target date") keeps it
(``extract.headers``). Every other column is scored against every role still free: its
header holding one of the role's hints ("Lead Departments", "Project/Intervention") and
the share of its cells that read as the role's (``extract.content``), each weighed as the
vocabulary's ``[evidence]`` says. Roles are then given jointly, one column per role, by
the assignment with the highest total score (as the version linker pairs actions), so
"Description" is the action column where nothing else is, and not where a column named
for the thing delivered stands beside it.
"""
from __future__ import annotations

import re

import numpy as np
from scipy.optimize import linear_sum_assignment

from actionplans.extract.content import GENERIC, column_profile, group_runs, runs_share
from actionplans.extract.headers import Header
from actionplans.extract.text import clean
from actionplans.ingest.model import Cell, Row
from actionplans.vocabulary import Vocabulary

# Roles a column may take from the evidence ("recommendation": the group each action serves).
ROLES = ("action", "lead", "target_date", "rag", "number", "recommendation", "progress")
_PLAN_ROLES = frozenset({"recommendation", "lead", "target_date", "rag"})
_MAX_HEADER_WORDS = 3  # a longer header ("Service in place to deliver") is about something else
# A figure: "12", "3.5%", "£26k", "1,200 tCO2e".
_FIGURE = re.compile(r"^[£$€]?\s?\d[\d,.]*\s?(?:%|k|m|bn|t|tco2e?|kwh|mwh)?$", re.I)


def assign_roles(header: Header, body: list[Row], vocabulary: Vocabulary) -> None:
    """Give roles, in place, to the header's columns that no header word named, where
    header and cells together say what they are; record each column's scores for
    ``explain`` in ``header.evidence``."""
    sample = body[:vocabulary.evidence.sample_rows]
    columns = _candidates(header, sample)
    free = [r for r in ROLES if r not in set(header.roles.values()) or _kept_for_content(header, r)]
    if not columns or not free:
        return
    cells = {col: [r.cell_at(col) for r in sample] for col in columns}
    scores = np.zeros((len(columns), len(free)))
    for i, col in enumerate(columns):
        hints = _header_hints(header.printed.get(col, ""), vocabulary)
        profile = column_profile(cells[col], vocabulary)
        header.content[col] = dict(profile)
        if "number" not in hints and _first_word_line(header.printed.get(col, "")) not in GENERIC:
            profile.pop("number", None)  # figures under a header of their own are quantities, not ids
        for j, role in enumerate(free):
            scores[i, j] = (vocabulary.evidence.header * (role in hints)
                            + vocabulary.evidence.content * profile.get(role, 0.0))
        header.evidence[col] = {role: round(float(scores[i, j]), 2) for j, role in enumerate(free)}
    for j, role in enumerate(free):  # a pair below its threshold counts for nothing in the sum
        scores[:, j] = np.where(scores[:, j] >= _min_score(header, role, vocabulary), scores[:, j], 0.0)
    rows, cols = linear_sum_assignment(-scores)
    chosen = {columns[r]: free[c] for r, c in zip(rows, cols, strict=True)
              if scores[r, c] >= _min_score(header, free[c], vocabulary)}
    chosen = _checked(header, chosen, cells, vocabulary)
    chosen.update(_action_refs(header, chosen, sample, vocabulary))
    for col, role in chosen.items():
        header.roles[col] = role
        header.names.pop(col, None)
        header.by_content.add(col)
        if role == "action":
            header.names_things = _named_for_thing(header.printed.get(col, ""), vocabulary)


def reads_as_header(header: Header, vocabulary: Vocabulary) -> bool:
    """Whether a row read as a header holds a header's words: a role's words, or the hints
    of two cells ("Project/Intervention", "Lead Departments"; one hint alone, "Various
    Council Services", may be a body row's)."""
    return bool(header.how) or sum(bool(_header_hints(t, vocabulary)) for t in header.printed.values()) >= 2


def _min_score(header: Header, role: str, vocabulary: Vocabulary) -> float:
    """A role's threshold: lower for the action column beside a plan role a header word
    names outright (a plan has an action column; the one reading most as things to do)."""
    if role == "action" and set(header.roles.values()) & _PLAN_ROLES:
        return vocabulary.evidence.action_min_score
    return vocabulary.evidence.min_score


def _candidates(header: Header, body: list[Row]) -> list[int]:
    """Columns no header word named: unknown or generic headers and blank ones; and a
    generic progress column ("Comments"), whose cells may say it is a status column."""
    cols = sorted({c.col for r in body for c in r.cells} | set(header.printed))
    out = []
    for col in cols:
        role = header.roles.get(col)
        if role is None or (role == "progress" and _first_word_line(header.printed.get(col, "")) in GENERIC):
            out.append(col)
    return out


def _kept_for_content(header: Header, role: str) -> bool:
    """A role a generic header took ("Comments" as progress) stays open to the evidence."""
    col = header.col(role)
    return role == "progress" and col is not None and _first_word_line(header.printed.get(col, "")) in GENERIC


def _first_word_line(text: str) -> str:
    return clean(re.sub(r"[:*?]+$", "", text.split("\n", 1)[0])).lower()


def _header_hints(text: str, vocabulary: Vocabulary) -> set[str]:
    """The roles whose hints a header's words hold ("Lead Departments": lead). A long
    text in a header cell (a legend's sentence) is no header."""
    words = re.findall(r"[a-z]+", _first_word_line(text))
    if len(words) > _MAX_HEADER_WORDS:
        return set()
    return {role for role, hints in vocabulary.hint_words.items() if set(words) & hints}


def _checked(header: Header, chosen: dict[int, str], cells: dict[int, list[Cell | None]],
             vocabulary: Vocabulary) -> dict[int, str]:
    """The assignment, less what the table's shape denies: a group stands left of the
    actions it serves, and is the finest of the grouping columns there (a "Scope" merged
    over an "Emissions Source" is a scope: the source is the group); an action column
    known by its cells alone needs a role named outright by a header word beside it."""
    roles = {**header.roles, **chosen}
    action = next((c for c, r in roles.items() if r == "action"), None)
    out = dict(chosen)
    group = next((c for c, r in out.items() if r == "recommendation"), None)
    if group is not None:
        del out[group]
        if action is not None and group < action:
            out[_finest(group, action, cells)] = "recommendation"
    if action in out and not _action_supported(header, action, roles, cells, vocabulary):
        del out[action]
    return out


def _action_supported(header: Header, action: int, roles: dict[int, str], cells: dict[int, list[Cell | None]],
                      vocabulary: Vocabulary) -> bool:
    """Whether an action column the header's words do not name has the plan around it to
    vouch for it: a plan role named outright by a header word; where the header does not
    even hint at actions ("Description"), also a column of ids or of dates (a register of
    projects, not an inventory with comments); and no column of figures (quantities)."""
    evident = {"lead", "target_date", "rag", "number"} & set(roles.values())
    if _has_figures(cells, roles) or not (set(header.roles.values()) & _PLAN_ROLES or len(evident) >= 2):
        return False
    if "action" in _header_hints(header.printed.get(action, ""), vocabulary):
        return True
    return bool({"number", "target_date"} & set(roles.values()))


def _has_figures(cells: dict[int, list[Cell | None]], roles: dict[int, str]) -> bool:
    """Whether a column of no role holds figures: the rows are quantities (an inventory,
    a scorecard, a budget), and an action column known only by the evidence is doubtful."""
    for col, column in cells.items():
        texts = [clean(c.text) for c in column if c is not None and not c.continued and clean(c.text)]
        if col not in roles and len(texts) >= 2 and sum(bool(_FIGURE.match(t)) for t in texts) >= 0.6 * len(texts):
            return True
    return False


def _named_for_thing(text: str, vocabulary: Vocabulary) -> bool:
    """Whether a header names the thing delivered (the action role's own hints)."""
    words = set(re.findall(r"[a-z]+", _first_word_line(text)))
    return bool(words & {w.lower() for w in vocabulary.role("action").hints})


def _action_refs(header: Header, chosen: dict[int, str], body: list[Row], vocabulary: Vocabulary) -> dict[int, str]:
    """Two number columns: one merged down (or repeated) over runs of rows numbers the
    groups, the other, of an id per row ("1.1", "1.2"), the actions. Returns the roles
    that changes ({group number column: "rec_number", ref column: "number"}), or none."""
    number = header.col("number")
    if number is None or header.col("rec_number") is not None or "number" in chosen.values():
        return {}
    numbers = [r.cell_at(number) for r in body]
    if runs_share(numbers) < 0.5 and not _merged_ids(numbers):
        return {}
    for col in sorted(c for c in header.evidence if c not in chosen and c not in header.roles):
        hinted = "number" in _header_hints(header.printed.get(col, ""), vocabulary) or not header.printed.get(col)
        if hinted and header.content.get(col, {}).get("number", 0.0) >= 0.8:  # profiled by assign_roles
            header.roles[number] = "rec_number"
            return {col: "number"}
    return {}


def _merged_ids(cells: list[Cell | None]) -> bool:
    """Ids merged down, or repeated, over several rows each ("1" over three rows, "2"
    over two)."""
    runs = len(group_runs(cells))
    rows = sum(1 for c in cells if c is not None and (c.continued or clean(c.text)))
    return 0 < runs and rows - runs >= runs


def _finest(group: int, action: int, cells: dict[int, list[Cell | None]]) -> int:
    """Of the grouping columns between the group and the actions, the nearest the actions
    whose runs split the group's as finely or further (each of its runs inside one of the
    group's)."""
    best = group
    for col in sorted(c for c in cells if best < c < action):
        outer, inner = set(group_runs(cells[best])), set(group_runs(cells[col]))
        if outer and outer <= inner and _repeats(cells[col]):
            best = col
    return best


def _repeats(cells: list[Cell | None]) -> bool:
    return runs_share(cells) >= 0.5
