"""actions.csv, actions.json and documents.csv, as the output contract says.

Every file is written to a temporary name and renamed into place, so a run killed
half-way leaves the previous outputs whole. The same input gives the same bytes.
"""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import pandas as pd

from normalise import Tables
from normalise.records import ACTION_COLUMNS, DOCUMENT_COLUMNS


def tables_to_frames(tables: Tables) -> dict[str, pd.DataFrame]:
    actions = pd.DataFrame([a.as_dict(tables.extra_columns) for a in tables.actions],
                           columns=list(ACTION_COLUMNS) + tables.extra_columns)
    actions["page"] = actions["page"].astype("Int64")
    documents = pd.DataFrame([d.as_dict() for d in tables.documents], columns=list(DOCUMENT_COLUMNS))
    documents["pages"] = documents["pages"].astype("Int64")
    frames = {"actions": actions, "documents": documents}
    for name in ("progress", "summary"):
        records = getattr(tables, name)
        frames[name] = pd.DataFrame(records, columns=list(records[0]) if records else None)
    return frames


def _atomic_write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _csv(frame: pd.DataFrame) -> bytes:
    out = frame.copy()
    for col in out.columns:
        if out[col].dtype == bool:
            out[col] = out[col].map({True: "true", False: "false"})
    return out.to_csv(index=False, lineterminator="\n").encode("utf-8")


def _json(frame: pd.DataFrame) -> bytes:
    records = json.loads(frame.to_json(orient="records", force_ascii=False))
    return (json.dumps(records, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def write_outputs(tables: Tables, out: Path) -> list[Path]:
    frames = tables_to_frames(tables)
    written = {out / f"{name}.csv": _csv(frame) for name, frame in frames.items()}
    written[out / "actions.json"] = _json(frames["actions"])
    for path, data in written.items():
        _atomic_write(path, data)
    return list(written)
