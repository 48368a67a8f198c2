"""The tables a run produces, as records in the order of the output contract."""
from __future__ import annotations

from dataclasses import dataclass, field

ACTION_COLUMNS = (
    "plan_id", "action_key", "source_file", "document_date", "plan_as_at", "recommendation_number",
    "recommendation_text", "action_number", "action_number_inferred", "action_text", "lead_officer_raw",
    "lead_officers", "rag_raw", "rag", "page", "warnings",
)
DOCUMENT_COLUMNS = (
    "source_file", "sha256", "format", "pages", "title", "document_date", "plan_as_at", "status",
    "actions", "message", "council", "plan_id", "judgement",
)
# The version tables' columns (normalise/progress.py), also the headers of an empty table.
# progress has one "rag_<version>" column per version after lead_officers.
PROGRESS_COLUMNS = (
    "plan_id", "action_key", "recommendation_number", "action_number", "action_text", "lead_officers",
    "first_seen", "last_seen", "latest_rag", "slipped", "stuck_red", "new", "dropped", "source_file", "page",
)
SUMMARY_COLUMNS = (
    "plan_id", "version", "plan_as_at", "document_date", "source_file",
    "red", "amber", "green", "blue", "unrated", "total", "new", "dropped", "slipped", "copies",
)


@dataclass
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
    lead_officers: str
    rag_raw: str
    rag: str
    page: int | None
    warnings: str
    extras: dict[str, str] = field(default_factory=dict)

    def as_dict(self, extra_columns: list[str]) -> dict[str, object]:
        row: dict[str, object] = {c: getattr(self, c) for c in ACTION_COLUMNS}
        row.update({c: self.extras.get(c, "") for c in extra_columns})
        return row


@dataclass
class DocumentRow:
    source_file: str
    sha256: str
    format: str
    pages: int | None
    title: str = ""
    document_date: str = ""
    plan_as_at: str = ""
    status: str = "ok"
    actions: int = 0
    message: str = ""
    council: str = ""
    plan_id: str = ""
    judgement: str = ""

    def as_dict(self) -> dict[str, object]:
        return {c: getattr(self, c) for c in DOCUMENT_COLUMNS}
