"""An output folder holds one run: writing into a folder holding an earlier run's outputs
removes each file the tool owns that this run did not write; files it does not own
(a user's notes, a report.html of someone else's) are never touched."""
from __future__ import annotations

from pathlib import Path

import actionplans
from actionplans.output import OUTPUT_NAMES, is_ours
from conftest import SAMPLES

PLAN = SAMPLES / "004_reading_cp_action_plan_2013-08.docx"
CSVS = {"documents.csv", "actions.csv", "progress.csv", "summary.csv", "abbreviations.csv", "datapackage.json"}


def _extract(out: Path, formats: str) -> None:
    code = actionplans.main(["extract", str(PLAN), "-o", str(out), "--format", formats, "-q", "--no-cache",
                             "--workers", "0"])
    assert code == 0


def _names(out: Path) -> set[str]:
    return {p.name for p in out.iterdir()}


def test_csv_after_xlsx_html_json_leaves_only_the_csv_run(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "notes.txt").write_text("mine")
    (out / "actions (old).csv").write_text("mine too")
    _extract(out, "xlsx,html,json")
    assert _names(out) == {"notes.txt", "actions (old).csv", "documents.csv", "actionplans.xlsx", "report.html",
                           "actions.json"}
    _extract(out, "csv")
    assert _names(out) == {"notes.txt", "actions (old).csv"} | CSVS
    assert (out / "notes.txt").read_text() == "mine" and (out / "actions (old).csv").read_text() == "mine too"


def test_xlsx_after_csv_removes_the_tables_and_their_description(tmp_path: Path) -> None:
    out = tmp_path / "out"
    _extract(out, "csv,json")
    assert _names(out) == CSVS | {"actions.json"}
    _extract(out, "xlsx")
    assert _names(out) == {"documents.csv", "actionplans.xlsx"}


def test_files_of_an_output_name_that_are_not_ours_are_never_touched(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    foreign = {"report.html": b"<html>my own report</html>", "actionplans.xlsx": b"not a workbook",
               "actions.json": b"[]", "summary.csv": b"a,b\n1,2\n"}
    for name, data in foreign.items():
        (out / name).write_bytes(data)
    assert not any(is_ours(out / name) for name in foreign)
    _extract(out, "json")  # writes documents.csv and actions.json: the others were never a run's
    assert {name: (out / name).read_bytes() for name in foreign if name != "actions.json"} == \
        {name: data for name, data in foreign.items() if name != "actions.json"}
    assert (out / "actions.json").read_bytes() != b"[]"  # written by this run, as asked
    # Run again: the folder now holds a run, yet a marked output's name without our mark is still not ours.
    _extract(out, "json")
    assert {name: (out / name).read_bytes() for name in ("report.html", "actionplans.xlsx")} == \
        {name: foreign[name] for name in ("report.html", "actionplans.xlsx")}


def test_every_output_a_run_writes_is_known_as_ours(tmp_path: Path) -> None:
    out = tmp_path / "out"
    _extract(out, "csv,json,xlsx,html")
    assert _names(out) == set(OUTPUT_NAMES)
    assert {name for name in OUTPUT_NAMES if is_ours(out / name)} == \
        {"documents.csv", "datapackage.json", "report.html", "actionplans.xlsx"}  # the others: by their folder
