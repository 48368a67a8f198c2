"""The data described: the JSON Schema shipped for actions.json, and a datapackage.json
(Frictionless Table Schema) naming every column of every CSV, its type and meaning,
including the further columns a plan carries and one RAG column per plan version."""
from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources

import pandas as pd

from actionplans.ingest.errors import ErrorCode
from actionplans.normalise.deadlines import NOTES
from actionplans.vocabulary import Vocabulary, default_vocabulary

ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

# Types where the data alone cannot tell (an empty table, a column with no value yet);
# other columns take theirs from the data (see field_type).
KNOWN_TYPES = {
    "document_date": "date", "plan_as_at": "date", "action_number_inferred": "boolean", "page": "integer",
    "pages": "integer", "actions": "integer", "slipped": "boolean", "stuck_red": "boolean", "new": "boolean",
    "dropped": "boolean", "red": "integer", "amber": "integer", "green": "integer", "blue": "integer",
    "unrated": "integer", "total": "integer", "due_date": "date", "overdue": "boolean", "days_overdue": "integer",
    "date_moved": "boolean", "ocr_pages": "integer",
}
# The same names count actions in the summary where they flag one action in progress.
SUMMARY_TYPES = {"new": "integer", "dropped": "integer", "slipped": "integer", "overdue": "integer"}
DESCRIPTIONS = {
    "documents": {
        "source_file": "Path of the paper, relative to the folder the run read (to the folders' common parent "
                       "where it read several); unique in a run.",
        "sha256": "SHA-256 of the file's bytes, to tell a re-issued paper from the same one.",
        "format": "File format as read from its content (pdf, docx, doc, odt, xlsx, xls, ods, html, mhtml; for a "
                  "skipped file what it is: text, csv, png, zip, email...).",
        "pages": "Number of pages (PDF); empty for other formats.",
        "title": "Title of the paper as printed.",
        "document_date": "ISO date of the report or meeting, if stated.",
        "plan_as_at": "ISO date the plan's statuses are 'as at', if stated.",
        "status": "ok: a plan was read; no_plan: read, no action-plan table in it; error: could not be read; "
                  "skipped: plainly not a paper (text, CSV, a picture, an archive, e-mail), left unread.",
        "actions": "Number of actions read from the paper.",
        "message": "Why the file could not be read (status error) or was skipped (status skipped), or why none "
                   "of its tables is a plan (status no_plan), in words.",
        "council": "Council named on the paper, if stated.",
        "plan_id": "The plan this paper is a version of (see actions.plan_id).",
        "judgement": "The inspection's overall judgement (Ofsted's, for example), where the paper states it.",
        "ocr_pages": "Pages read by optical character recognition (scanned pages without text); 0 for none.",
        "warnings": "What reading the file left out or could not do: hidden sheets, rows and columns of a "
                    "spreadsheet skipped, scanned pages not read; '; '-separated.",
        "error_code": "Where status is error, the kind of failure, for machines: not_a_paper, damaged, encrypted, "
                      "no_text, needs_libreoffice, convert_failed, too_large, unsupported, memory, timeout, "
                      "crashed, unreadable, changed or not_run; empty otherwise.",
    },
    "progress": {
        "plan_id": "The plan (see actions.plan_id).",
        "action_key": "The action, the same in every version of the plan.",
        "recommendation_number": "Recommendation number, as printed or inferred.",
        "action_number": "Action number, as printed or inferred.",
        "action_text": "Text of the action in its latest version.",
        "lead_officers": "Lead officers in the action's latest version, '; '-separated.",
        "first_seen": "Label of the first version of the plan the action appears in (see summary.version).",
        "last_seen": "Label of the last version of the plan the action appears in.",
        "latest_rag": "RAG status in the latest version that rates the action.",
        "slipped": "True where its latest status is below the one before (e.g. Green to Amber), unrated "
                   "versions skipped.",
        "stuck_red": "True where its latest two statuses are both Red.",
        "new": "True where the action was not in the plan's first version.",
        "dropped": "True where the action is missing from the plan's latest version.",
        "due_date": "ISO date the action is due in its latest version (see actions.due_date).",
        "overdue": "True where that due date is before the version's status date (plan_as_at, else its document "
                   "date) and the action is not Green or Blue there.",
        "days_overdue": "Days from the due date to that status date, for an overdue action; empty otherwise.",
        "date_moved": "True where the latest due date is later than the first a version of the plan gave: a "
                      "deadline pushed back, which a RAG status may not show.",
        "source_file": "Paper of the action's latest version.",
        "page": "1-based page where the action starts in that paper (PDF); empty for Word.",
    },
    "summary": {
        "plan_id": "The plan (see actions.plan_id).",
        "version": "The version's label: its status date, 'draft' (undated, no statuses) or 'undated'.",
        "plan_as_at": "ISO date the version's statuses are 'as at', if stated.",
        "document_date": "ISO date of the report or meeting, if stated.",
        "source_file": "Paper the version was read from.",
        "red": "Actions rated Red (not on track).",
        "amber": "Actions rated Amber (on track).",
        "green": "Actions rated Green (completed).",
        "blue": "Actions rated Blue (completed and embedded).",
        "unrated": "Actions with no RAG status.",
        "total": "All actions in the version.",
        "new": "Actions in this version that were not in the version before.",
        "dropped": "Actions of the version before that are not in this one.",
        "slipped": "Actions whose status got worse since the version before.",
        "overdue": "Actions due before the version's status date (plan_as_at, else its document date) and not "
                   "Green or Blue in it.",
        "copies": "Other papers holding the same version (e.g. the .pdf of a .docx), '; '-separated.",
    },
    "abbreviations": {
        "source_file": "Paper whose glossary defines the code.",
        "code": "Officer code as the glossary prints it (look-alike letters folded).",
        "in_full": "What the code stands for.",
    },
}
TITLES = {
    "actions": "One row per action per paper",
    "documents": "One row per input file, always, with its status",
    "progress": "One row per action across a plan's versions",
    "summary": "RAG and overdue counts per plan version",
    "abbreviations": "Officer codes from each paper's own glossary",
}
CSV_NOTE = ("Text cells that begin with =, +, -, @, tab or carriage return carry a leading apostrophe (') "
            "so that a spreadsheet shows them as text rather than running them; actions.json holds them unchanged.")


@cache
def actions_schema() -> dict[str, object]:
    """The JSON Schema for actions.json, as shipped in output/schemas/."""
    text = resources.files("actionplans.output").joinpath("schemas/actions.schema.json").read_text(encoding="utf-8")
    schema: dict[str, object] = json.loads(text)
    return schema


def _action_descriptions() -> dict[str, str]:
    items = actions_schema()["items"]
    assert isinstance(items, dict)
    return {name: prop["description"] for name, prop in items["properties"].items()}


def field_type(name: str, column: pd.Series, table: str = "") -> str:
    """The Table Schema type of a column: from its values where they say, else the known
    type, else string."""
    if column.dtype == bool:
        return "boolean"
    if pd.api.types.is_integer_dtype(column.dtype):
        return "integer"
    if pd.api.types.is_float_dtype(column.dtype) and not column.isna().all():
        return "number"
    values = [v for v in column if isinstance(v, str) and v]
    if values and all(ISO_DATE.match(v) for v in values):
        return "date"
    known = SUMMARY_TYPES.get(name) if table == "summary" else None
    return known or KNOWN_TYPES.get(name, "string")


def _field(table: str, name: str, column: pd.Series, extras: dict[str, str], rags: list[str]) -> dict[str, object]:
    described = _action_descriptions() if table == "actions" else DESCRIPTIONS.get(table, {})
    if name in described:
        description = described[name]
    elif name in extras:
        description = f"A further column the plan carries, as printed under its header {extras[name]!r}."
    elif table == "progress" and name.startswith("rag_"):
        description = (f"Status of the action in the plan version {name.removeprefix('rag_')!r}: Red, Amber, "
                       "Green, Blue, unrated (in that version without a status), or empty (not in it).")
    else:
        description = ""
    out: dict[str, object] = {"name": name, "type": field_type(name, column, table), "description": description}
    if name in ("rag", "latest_rag"):
        out["constraints"] = {"enum": rags}
    elif table == "progress" and name.startswith("rag_"):
        out["constraints"] = {"enum": [*rags, "unrated"]}
    elif name == "due_date_note" and table == "actions":
        out["constraints"] = {"enum": list(NOTES)}
    if name == "status" and table == "documents":
        out["constraints"] = {"enum": ["ok", "no_plan", "error", "skipped"]}
    if name == "error_code" and table == "documents":
        out["constraints"] = {"enum": [str(c) for c in ErrorCode]}
    return out


def datapackage(frames: dict[str, pd.DataFrame], extra_columns: list[str],
                headers: dict[str, str] | None = None, vocabulary: Vocabulary | None = None) -> dict[str, object]:
    """datapackage.json for the CSVs written from ``frames``; statuses as the run's
    ``vocabulary`` names them (default: the shipped one)."""
    extras = {name: (headers or {}).get(name, name) for name in extra_columns}
    rags = list((vocabulary or default_vocabulary()).status_names)
    resources_ = []
    for name, frame in frames.items():
        schema: dict[str, object] = {
            "fields": [_field(name, col, frame[col], extras, rags) for col in frame.columns],
            "missingValues": [""],
        }
        if name in ("actions", "abbreviations"):
            schema["foreignKeys"] = [{"fields": "source_file",
                                      "reference": {"resource": "documents", "fields": "source_file"}}]
        if name == "documents":
            schema["primaryKey"] = "source_file"
        resources_.append({
            "name": name, "path": f"{name}.csv", "profile": "tabular-data-resource", "title": TITLES.get(name, name),
            "description": CSV_NOTE, "format": "csv", "mediatype": "text/csv", "encoding": "utf-8-sig",
            "dialect": {"delimiter": ",", "lineTerminator": "\n", "header": True},
            "schema": schema,
        })
    return {"profile": "tabular-data-package", "name": "actionplans",
            "title": "Action plans (inspection, audit, scrutiny, equality, delivery) extracted from council papers",
            "description": "Written by actionplans. actions.json holds the actions as JSON; its JSON Schema "
                           "ships with the project as output/schemas/actions.schema.json.",
            "resources": resources_}
