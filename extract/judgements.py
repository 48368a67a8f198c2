"""Each table of a paper judged once: the row that reads best as a plan's header, the
header read from it (its columns' roles), and whether it is a plan's or why not (a
risk register's, a budget's, a form's...). The plan reader, the cover-sheet reader and
the verdicts on the other tables (which ``actionplans explain`` prints) all read these
judgements: no table is judged twice."""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from actionplans.extract.headers import Header, HeaderSettings, read_header
from actionplans.extract.roles import assign_roles, reads_as_header
from actionplans.extract.text import clean
from actionplans.ingest.model import Block, Row, Table

ONE_COLUMN = "one column: a box of text, not rows of actions"


@dataclass(frozen=True)
class Judgement:
    """One table and the verdict on it: ``start``, the row of its header (-1: none, every
    row is a row of cells, the roles read from them); ``why``, "" where the header is a
    plan's, else why the table is no plan."""

    table: Table
    start: int
    header: Header
    why: str

    @property
    def plan(self) -> bool:
        return not self.why


def blocks_to_judgements(blocks: Sequence[Block], settings: HeaderSettings) -> tuple[Judgement, ...]:
    """Every table among a paper's blocks judged, in order."""
    return tuple(judge_table(block, settings) for block in blocks if isinstance(block, Table))


def judge_table(table: Table, settings: HeaderSettings) -> Judgement:
    """The top row that reads best as a plan's header, and whether it is a plan's. A
    header of a plan's roles is still no plan where its cells read as a risk register's,
    a scorecard's, a budget's or a meeting's."""
    if table.n_cols < 2:  # a box of text, never a plan: its verdict still counts in explain and no_plan messages
        return Judgement(table, 0, Header(), ONE_COLUMN)
    if _is_form(table):
        header = read_header([(c.col, c.text) for c in table.rows[0].cells if not c.continued], settings)
        return Judgement(table, 0, header, "a form of labelled fields (\"Title:\", \"Date:\"), not rows of actions")
    best: Judgement | None = None
    for i, row in enumerate(table.rows[:3]):
        header = read_header([(c.col, c.text) for c in row.cells if not c.continued], settings)
        if not reads_as_header(header, settings.vocabulary):
            continue  # a row of no header's words is the table's first row of cells
        _priority_as_group(header, table.rows[i + 1:])
        assign_roles(header, table.rows[i + 1:], settings.vocabulary)
        why = header.verdict_words() or decoy_words(header, settings) or figure_columns(header, table.rows[i + 1:])
        if not why:
            return Judgement(table, i, header, "")
        if best is None or len(header.roles) > len(best.header.roles):
            best = Judgement(table, i, header, why)
    headerless = _headerless(table, settings)
    if best is None or not headerless.why:
        return headerless
    return best


def _headerless(table: Table, settings: HeaderSettings) -> Judgement:
    """A table printed without a header row (or whose header stayed on another page),
    judged on what its columns hold alone: every row is a row of cells (start -1)."""
    if not table.rows:
        return Judgement(table, 0, Header(), "no rows")
    header = read_header([(c.col, "") for c in table.rows[0].cells if not c.continued], settings)
    header.texts = ()
    header.headerless = True
    assign_roles(header, table.rows, settings.vocabulary)
    why = header.verdict_words() or decoy_words(header, settings) or figure_columns(header, table.rows)
    return Judgement(table, -1, header, why)


def _is_form(table: Table) -> bool:
    """A cover sheet's key/value table: most rows' first cell is a label ending in ":"."""
    firsts = [clean(r.cells[0].text) for r in table.rows if r.cells and clean(r.cells[0].text)]
    return len(firsts) >= 2 and sum(t.endswith(":") for t in firsts) >= 0.5 * len(firsts)


def _priority_as_group(header: Header, body: list[Row]) -> None:
    """A "Priority" column is a rating (High, 2) beside a recommendation column, but the
    group each action serves where a plan has none and it holds words ("Leadership,
    management and governance"): then it takes the recommendation's role."""
    col = header.col("priority")
    if col is None or header.col("recommendation") is not None:
        return
    texts = [clean(c.text) for r in body[:12] if (c := r.cell_at(col)) is not None and not c.continued]
    texts = [t for t in texts if t]
    if texts and sum(len(t.split()) for t in texts) / len(texts) >= 3:
        header.roles[col] = "recommendation"


def decoy_words(header: Header, settings: HeaderSettings) -> str:
    """Why a plan-like header is no plan's, or "": the kind of table its cells name."""
    texts = [t.split("\n", 1)[0].strip().lower() for t in header.printed.values()]
    for decoy in settings.vocabulary.decoys:
        cells = decoy.cells_matching(texts)
        if len(cells) >= decoy.min_cells:
            named = ", ".join(f"'{c}'" for c in cells[:3])
            return f"rows are {_KINDS.get(decoy.kind, decoy.kind)}, not actions (columns {named})"
    return ""


_KINDS = {"risk": "risks", "indicator": "indicators", "money": "money", "meeting": "a meeting's business"}
# An amount or a count as a cell prints it: "1,250", "(340.5)", "-12", "£2.4m", "45%". A
# year alone ("2025") is a date, not a figure.
_FIGURE = re.compile(r"^[(\-–−+]?\s*[£$€]?\s*\d[\d,]*(?:\.\d+)?\s*(?:k|m|bn|%)?\)?$", re.I)
_YEAR = re.compile(r"^(?:19|20)\d\d$")
_NUMBERING = frozenset({"number", "rec_number", "action_number", "priority"})
_FIGURE_SAMPLE = 15  # body rows looked at
_FIGURE_SHARE = 0.8  # of a column's filled cells that must be figures


def figure_columns(header: Header, body: list[Row]) -> str:
    """Why a table whose columns hold figures is no plan, or "": two columns or more of
    amounts or counts (a budget's years, a scorecard's quarters) make its rows money or
    indicators, however its text columns read; a plan has one cost column at most."""
    named = []
    columns = sorted({c.col for r in body[:_FIGURE_SAMPLE] for c in r.cells})  # headed or not
    for col in columns:
        if header.roles.get(col) in _NUMBERING:
            continue
        texts = [t for r in body[:_FIGURE_SAMPLE]
                 if (c := r.cell_at(col)) is not None and not c.continued and (t := clean(c.text))]
        figures = [t for t in texts if _FIGURE.match(t) and not _YEAR.match(t)]
        if len(texts) >= 3 and len(figures) >= _FIGURE_SHARE * len(texts):
            named.append(header.printed.get(col, "") or header.names.get(col, "") or f"column {col + 1}")
    if len(named) < 2:
        return ""
    return "rows are money or figures, not actions (columns " + ", ".join(f"'{n}'" for n in named[:3]) + ")"
