"""The tables a run produces, one dataclass per table row: its fields are the table's
columns, in the order of the output contract."""
from __future__ import annotations

from dataclasses import dataclass, field, fields

from actionplans.extract.records import WarningItem


@dataclass(frozen=True)
class ActionRow:
    plan_id: str
    action_key: str
    source_file: str
    document_date: str
    plan_as_at: str
    recommendation_number: str
    recommendation_text: str
    action_number: str
    action_number_inferred: bool
    action_text: str
    lead_officer_raw: str
    lead_officers: tuple[str, ...]  # as expanded, in printed order; "; "-joined only in a written cell
    rag_raw: str
    rag: str
    page: int | None
    warnings: tuple[WarningItem, ...]  # each once; their messages "; "-joined only in a written cell
    # Read from the target-date column (normalise/deadlines.py): ISO, the end of the
    # period named, and a note ("ongoing", "tbc"...) for what is no date.
    due_date: str = ""
    due_date_note: str = ""
    extras: dict[str, str] = field(default_factory=dict)  # the plan's further columns, after these
    # Where it was printed, for its evidence (--evidence): a region of ``page`` (PDF points,
    # x0, top, x1, bottom) and the row's cells as printed, (header, text). Not columns.
    region: tuple[float, float, float, float] | None = None
    cells: list[tuple[str, str]] = field(default_factory=list)

    def as_dict(self, extra_columns: list[str]) -> dict[str, object]:
        # A plan's own columns never overwrite the contract's (extract names them apart,
        # "extra_page"; this keeps it so whatever reaches here).
        row: dict[str, object] = {c: self.extras.get(c, "") for c in extra_columns if c not in ACTION_COLUMNS}
        return {**{c: getattr(self, c) for c in ACTION_COLUMNS}, **row}


@dataclass(frozen=True)
class DocumentRow:
    source_file: str
    sha256: str
    format: str
    pages: int | None
    title: str = ""
    document_date: str = ""
    plan_as_at: str = ""
    status: str = "ok"  # ok, no_plan, error, or skipped (plainly not a paper)
    actions: int = 0
    message: str = ""
    council: str = ""
    plan_id: str = ""
    judgement: str = ""
    ocr_pages: int = 0  # pages whose text was recognised from their image (scans)
    warnings: tuple[WarningItem, ...] = ()  # what the reader left out or guessed: hidden rows and sheets, OCR
    # The kind of failure (ingest.errors.ErrorCode's value) where status is error: added
    # to the contract after its columns, so nothing before it moves.
    error_code: str = ""

    def as_dict(self) -> dict[str, object]:
        return {c: getattr(self, c) for c in DOCUMENT_COLUMNS}


@dataclass
class ProgressRow:
    """One action across its plan's versions (normalise/progress.py says what each means)."""

    plan_id: str
    action_key: str
    recommendation_number: str
    action_number: str
    action_text: str
    lead_officers: tuple[str, ...]
    # {version label: status} for every version of every plan in the run, in column
    # order, so every row has the same columns: Red, Amber, Green, Blue, "unrated", or ""
    # (not in that version). One "rag_<label>" column each (as_dict).
    rags: dict[str, str]
    first_seen: str
    last_seen: str
    latest_rag: str
    slipped: bool
    stuck_red: bool
    new: bool
    dropped: bool
    # Deadlines (issue 13), in the latest version the action is in: its due date, whether
    # it is past that version's status date while not done, by how many days, and whether
    # a later version pushed the due date back. Keyword-only so they can sit by the flags.
    due_date: str = field(default="", kw_only=True)
    overdue: bool = field(default=False, kw_only=True)
    days_overdue: int | None = field(default=None, kw_only=True)
    date_moved: bool = field(default=False, kw_only=True)
    source_file: str
    page: int | None

    def as_dict(self) -> dict[str, object]:
        """The row by column, ``rags`` spread over its ``rag_<label>`` columns."""
        row: dict[str, object] = {}
        for f in fields(self):
            if f.name == "rags":
                row.update({f"rag_{label}": status for label, status in self.rags.items()})
            else:
                row[f.name] = getattr(self, f.name)
        return row


@dataclass
class SummaryRow:
    """One version of a plan: its status counts and what changed since the version before."""

    plan_id: str
    version: str
    plan_as_at: str
    document_date: str
    source_file: str
    red: int
    amber: int
    green: int
    blue: int
    unrated: int
    total: int
    new: int
    dropped: int
    slipped: int
    overdue: int = field(default=0, kw_only=True)  # actions past due at the version's status date, not done
    copies: tuple[str, ...]  # the version's other papers; "; "-joined only in a written cell

    def as_dict(self) -> dict[str, object]:
        return {c: getattr(self, c) for c in SUMMARY_COLUMNS}


def _columns(row: type, *skip: str) -> tuple[str, ...]:
    return tuple(f.name for f in fields(row) if f.name not in skip)


# The columns, from the fields; also the headers of an empty table (progress then has no
# rag_ column, as there is no version).
ACTION_COLUMNS = _columns(ActionRow, "extras", "region", "cells")
DOCUMENT_COLUMNS = _columns(DocumentRow)
PROGRESS_COLUMNS = _columns(ProgressRow, "rags")
SUMMARY_COLUMNS = _columns(SummaryRow)
