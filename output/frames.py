"""The run's tables as DataFrames, and the files written from them.

Every file is written to a temporary name and renamed into place, so a run killed
half-way leaves the previous outputs whole. The same input gives the same bytes.
"""
from __future__ import annotations

import json

import pandas as pd

from actionplans.extract.records import WarningItem
from actionplans.normalise import Tables
from actionplans.normalise.rows import ACTION_COLUMNS, DOCUMENT_COLUMNS, PROGRESS_COLUMNS, SUMMARY_COLUMNS
from actionplans.output.owned import TABLES

ABBREVIATION_COLUMNS = ("source_file", "code", "in_full")
# Sheet and CSV order.
TABLE_NAMES = TABLES  # each written as a CSV of its name (output.owned names the files)

# A spreadsheet reads a cell starting with one of these as a formula (OWASP, CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def tables_to_frames(tables: Tables) -> dict[str, pd.DataFrame]:
    """The run's tables as DataFrames, by name in sheet order (``TABLE_NAMES``).

    Takes normalise's ``Tables``. Returns one frame per table, its columns those of the
    CSV of that name: the row types' fields in order, the plan's further columns after
    the actions', one rag_ column per version in progress; pages and days overdue as
    nullable integers.
    An empty table keeps its headers. Raises nothing of its own."""
    actions = _frame([a.as_dict(tables.extra_columns) for a in tables.actions],
                     list(ACTION_COLUMNS) + tables.extra_columns, "page")
    progress = [p.as_dict() for p in tables.progress]
    frames = {
        "actions": actions,
        "progress": _frame(progress, list(progress[0]) if progress else list(PROGRESS_COLUMNS), "page",
                           "days_overdue"),
        "summary": _frame([s.as_dict() for s in tables.summary], list(SUMMARY_COLUMNS)),
        "documents": _frame([d.as_dict() for d in tables.documents], list(DOCUMENT_COLUMNS), "pages"),
        "abbreviations": pd.DataFrame(
            [(source, code, name) for source, glossary in sorted(tables.glossaries.items())
             for code, name in glossary.codes.items()], columns=list(ABBREVIATION_COLUMNS)),
    }
    return {name: frames[name] for name in TABLE_NAMES}


def _frame(rows: list[dict[str, object]], columns: list[str], *counts: str) -> pd.DataFrame:
    """A table's frame, each value as its cell (``cell``); its ``counts`` columns (int or
    None: pages, days overdue) as whole numbers with gaps."""
    frame = pd.DataFrame([{k: cell(v) for k, v in r.items()} for r in rows], columns=columns)
    for name in counts:
        frame[name] = frame[name].astype("Int64")
    return frame


def cell(value: object) -> object:
    """A row's value as a table cell: a tuple (officers, warnings) kept typed until here
    and joined with "; ", a warning by its message. Other values as they are."""
    if isinstance(value, tuple):
        return "; ".join(v.message if isinstance(v, WarningItem) else str(v) for v in value)
    return value


def neutralise(value: object) -> object:
    """A text cell that a spreadsheet would run as a formula, with a leading apostrophe
    so it shows as the text it is (OWASP CSV injection advice). Only strings: numbers,
    negative or not, are written as numbers."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def frame_to_csv(frame: pd.DataFrame) -> bytes:
    """A CSV file's bytes: booleans as true/false, formula-like text neutralised, a BOM."""
    out = frame.copy()
    for col in out.columns:
        if out[col].dtype == bool:
            out[col] = out[col].map({True: "true", False: "false"})
        elif not pd.api.types.is_numeric_dtype(out[col].dtype):
            out[col] = out[col].map(neutralise)
    # The BOM is what makes Excel read the file as UTF-8 (curly apostrophes, accented
    # names); pandas, csv readers with utf-8-sig, and frictionless all accept it.
    return out.to_csv(index=False, lineterminator="\n").encode("utf-8-sig")


def frame_to_json(frame: pd.DataFrame) -> bytes:
    """A JSON file's bytes: one object per row, text as written."""
    records = json.loads(frame.to_json(orient="records", force_ascii=False))
    return (json.dumps(records, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
