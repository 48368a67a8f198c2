"""The files a run writes, by name, and how to tell them from anyone else's: the output
stage owns its names. The input walker reads none of them as papers, and a run writing
into a folder removes those an earlier run left there that it did not write itself."""
from __future__ import annotations

import json
import zipfile
from pathlib import Path

WORKBOOK = "actionplans.xlsx"
REPORT = "report.html"
DOCUMENTS = "documents.csv"
TABLES = ("actions", "progress", "summary", "documents", "abbreviations")  # each a CSV of its name
CSV_NAMES = tuple(f"{name}.csv" for name in TABLES)
DATAPACKAGE = "datapackage.json"
JSON_NAMES = ("actions.json",)
OUTPUT_NAMES = frozenset({*CSV_NAMES, DATAPACKAGE, *JSON_NAMES, WORKBOOK, REPORT})
EVIDENCE_FOLDER = "evidence"  # --evidence: each row's picture or cells, in a folder of the run's own
# The files that say a run wrote to their folder: there, any unmarked output name is the run's.
RECORDS = (DOCUMENTS, DATAPACKAGE)
# The outputs that carry a mark of ours: one of these names without the mark is someone else's.
MARKED = frozenset({DOCUMENTS, DATAPACKAGE, REPORT, WORKBOOK})


def holds_a_run(folder: Path, names: set[str] | None = None) -> bool:
    """Whether a run wrote its outputs to ``folder``: its record of the run is there.
    ``names``: the folder's file names, where the caller has listed it already."""
    listed = names if names is not None else {name for name in RECORDS if (folder / name).exists()}
    return any(name in listed and is_ours(folder / name) for name in RECORDS)


_DOCUMENTS_HEADER = "\ufeffsource_file,sha256,format,".encode()


def is_ours(path: Path) -> bool:
    """Whether ``path`` is one of a run's outputs, from its name and a mark only we write:
    documents.csv's columns, datapackage.json's name, the report's and workbook's own words.
    The other outputs carry no mark: they are ours where their folder ``holds_a_run``."""
    try:
        if path.name not in OUTPUT_NAMES or not path.is_file():
            return False  # a pipe named like an output is not opened
        with open(path, "rb") as fh:
            head = fh.read(256 << 10)
        if path.name == DOCUMENTS:
            return head.startswith(_DOCUMENTS_HEADER)
        if path.name == DATAPACKAGE:
            described = json.loads(path.read_bytes()) if path.stat().st_size < 16 << 20 else None
            return isinstance(described, dict) and described.get("name") == "actionplans"
        if path.name == REPORT:
            return b"Extracted by actionplans" in head
        if path.name == WORKBOOK:
            with zipfile.ZipFile(path) as z:
                book = z.read("xl/workbook.xml")[:1 << 20]
            return all(b'name="%s"' % sheet in book for sheet in (b"Actions", b"Documents"))
    except (OSError, ValueError, KeyError, zipfile.BadZipFile, EOFError, RecursionError):
        return False
    return False


def stale_outputs(folder: Path, written: set[str], held_a_run: bool) -> list[Path]:
    """The outputs an earlier run left in ``folder`` that this run did not write (an
    ``xlsx`` before a ``--format csv``): those that carry our mark, and the unmarked
    output names (the other CSVs, actions.json) where the folder held a run. A file named
    like a marked output but without the mark (a user's own report.html) is never listed."""
    out = []
    for name in sorted(OUTPUT_NAMES - written):
        path = folder / name
        ours = is_ours(path) if name in MARKED else held_a_run
        if path.is_file() and not path.is_symlink() and ours:
            out.append(path)
    return out
