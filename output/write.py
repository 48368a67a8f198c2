"""Writing the run's outputs: which files each format brings, each written atomically."""
from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from actionplans.extract.records import EVIDENCE_COLUMN
from actionplans.files import atomic_write
from actionplans.normalise import Tables
from actionplans.output.describe import datapackage
from actionplans.output.evidence import evidence_files, remove_stale
from actionplans.output.frames import frame_to_csv, frame_to_json, tables_to_frames
from actionplans.output.owned import (
    DATAPACKAGE,
    DOCUMENTS,
    EVIDENCE_FOLDER,
    REPORT,
    WORKBOOK,
    holds_a_run,
    stale_outputs,
)
from actionplans.output.report import tables_to_report
from actionplans.output.settings import OutputSettings
from actionplans.output.workbook import frames_to_workbook

Frames = dict[str, pd.DataFrame]


def _csvs(frames: Frames, tables: Tables, out: Path, settings: OutputSettings) -> dict[str, bytes]:
    files = {f"{name}.csv": frame_to_csv(frame) for name, frame in frames.items()}
    described = datapackage(frames, tables.extra_columns, tables.column_headers, settings.vocabulary)
    files[DATAPACKAGE] = (json.dumps(described, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
    return files


def _jsons(frames: Frames, tables: Tables, out: Path, settings: OutputSettings) -> dict[str, bytes]:
    return {"actions.json": frame_to_json(frames["actions"])}


def _xlsx(frames: Frames, tables: Tables, out: Path, settings: OutputSettings) -> dict[str, bytes]:
    return {WORKBOOK: frames_to_workbook(frames, out, settings, tables.paths)}


def _html(frames: Frames, tables: Tables, out: Path, settings: OutputSettings) -> dict[str, bytes]:
    evidence = frames["actions"][EVIDENCE_COLUMN].tolist() if EVIDENCE_COLUMN in frames["actions"] else None
    return {REPORT: tables_to_report(tables, out, settings, evidence)}


WRITERS: dict[str, Callable[[Frames, Tables, Path, OutputSettings], dict[str, bytes]]] = {
    "csv": _csvs, "json": _jsons, "xlsx": _xlsx, "html": _html,
}


def write_outputs(tables: Tables, out: Path, settings: OutputSettings | None = None) -> list[Path]:
    """Write the run's files.

    Takes normalise's ``Tables``, the folder to write to (made if missing) and the output
    settings (default: every format). Writes the chosen formats, and documents.csv always,
    as the run's record of every input file; with ``settings.evidence``, each action's
    evidence under evidence/, named in actions' last column. The folder then holds this run alone: the
    outputs an earlier run left there that this one did not write are removed (files
    that are not ours never are: ``owned.stale_outputs``). Returns the paths written.
    Raises OSError where the folder cannot be written; every file is built before the
    first is written, and each is renamed into place, so a failure leaves the previous
    outputs as they were."""
    settings = settings or OutputSettings()
    frames = tables_to_frames(tables)
    files = {DOCUMENTS: frame_to_csv(frames["documents"])}
    if settings.evidence:  # each row's picture or cells, named in a last column of actions
        evidence, names = evidence_files(tables.actions, tables.paths, settings)
        files.update(evidence)
        frames["actions"][EVIDENCE_COLUMN] = names
    for fmt in settings.formats:
        files.update(WRITERS[fmt](frames, tables, out, settings))
    held_a_run = holds_a_run(out)
    for name, data in files.items():
        atomic_write(out / name, data)
    if settings.evidence or held_a_run:  # a run without --evidence leaves no earlier run's evidence
        remove_stale(out, [name for name in files if name.startswith(f"{EVIDENCE_FOLDER}/")])
    for path in stale_outputs(out, set(files), held_a_run):
        path.unlink(missing_ok=True)
    return [out / name for name in files]
