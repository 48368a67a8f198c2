"""The CSVs open safely and correctly in a spreadsheet, actions.json keeps every value as
extracted and matches the JSON Schema shipped with the project, and datapackage.json
describes every column of every CSV."""
from __future__ import annotations

import csv
import json
from pathlib import Path

import jsonschema
import pytest
from test_output_data import APR, FORMULA, SCRIPT, make_inputs, make_tables

from actionplans.output import OutputSettings, write_outputs
from actionplans.output.describe import actions_schema
from actionplans.output.frames import neutralise


@pytest.fixture
def out(tmp_path: Path) -> Path:
    settings = OutputSettings(formats=("csv", "json"), inputs=(tmp_path / "in",))
    write_outputs(make_tables(make_inputs(tmp_path / "in")), tmp_path / "out", settings)
    return tmp_path / "out"


def _rows(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def test_formula_like_text_is_neutralised_in_csv_and_intact_in_json(out: Path) -> None:
    rows = {(r["source_file"], r["action_number"]): r for r in _rows(out / "actions.csv")}
    assert rows[(APR, "5")]["action_text"] == "'" + FORMULA
    assert rows[(APR, "5")]["Target date"] == "'@once"
    assert rows[(APR, "1")]["Target date"] == "'-"
    assert rows[(APR, "2")]["Target date"] == "2024-06-30"  # a date is not a formula
    assert rows[(APR, "5")]["page"] == "5"
    records = {(r["source_file"], r["action_number"]): r for r in json.loads((out / "actions.json").read_text())}
    assert records[(APR, "5")]["action_text"] == FORMULA
    assert records[(APR, "5")]["Target date"] == "@once"
    assert records[(APR, "1")]["Target date"] == "-"


def test_progress_csv_is_neutralised_too(out: Path) -> None:
    texts = [r["action_text"] for r in _rows(out / "progress.csv")]
    assert texts == ["Audit referrals", "Train staff", "Recruit social workers", SCRIPT, "'" + FORMULA]


@pytest.mark.parametrize("value,expected", [
    ("=1+1", "'=1+1"), ("+44 118 937 3737", "'+44 118 937 3737"), ("-", "'-"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\tx", "'\tx"), ("\rx", "'\rx"), ("1-2", "1-2"), ("", ""), ("Amber", "Amber"), (-3, -3), (2.5, 2.5),
])
def test_neutralise_only_touches_text_that_starts_like_a_formula(value: object, expected: object) -> None:
    assert neutralise(value) == expected


def test_csvs_carry_a_bom_and_keep_non_ascii(out: Path) -> None:
    for name in ("actions", "documents", "progress", "summary", "abbreviations"):
        assert (out / f"{name}.csv").read_bytes()[:3] == b"\xef\xbb\xbf", name
    assert {r["lead_officers"] for r in _rows(out / "actions.csv")} == {"Zoë O’Neill", ""}
    assert _rows(out / "abbreviations.csv")[0] == {"source_file": APR, "code": "HoCSC",
                                                  "in_full": "Head of Children’s Social Care"}


def test_actions_json_matches_the_shipped_schema(out: Path) -> None:
    records = json.loads((out / "actions.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(actions_schema())
    jsonschema.validate(records, actions_schema())
    assert records[4]["page"] == 3 and records[0]["page"] is None and records[0]["action_number_inferred"] is False


@pytest.mark.parametrize("field,bad", [("rag", "Purple"), ("page", "3"), ("document_date", "May 2024"),
                                       ("action_number_inferred", "true"), ("Target date", 5)])
def test_the_schema_rejects_a_wrong_value(out: Path, field: str, bad: object) -> None:
    records = json.loads((out / "actions.json").read_text(encoding="utf-8"))
    records[0][field] = bad
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(records, actions_schema())


def test_datapackage_names_every_column_of_every_csv(out: Path) -> None:
    package = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    assert package["profile"] == "tabular-data-package"
    for resource in package["resources"]:
        with open(out / resource["path"], encoding="utf-8-sig", newline="") as fh:
            header = next(csv.reader(fh))
        fields = resource["schema"]["fields"]
        assert [f["name"] for f in fields] == header, resource["name"]
        assert all(f["description"] and f["type"] for f in fields), resource["name"]
    types = {(r["name"], f["name"]): f["type"] for r in package["resources"] for f in r["schema"]["fields"]}
    assert types[("actions", "page")] == "integer"
    assert types[("actions", "plan_as_at")] == "date"
    assert types[("actions", "action_number_inferred")] == "boolean"
    assert types[("actions", "Target date")] == "string"  # "-", "@once" and a date: not a date column
    assert types[("progress", "rag_2024-04-30")] == "string"
    assert types[("progress", "slipped")] == "boolean"
    assert types[("summary", "red")] == "integer"
    described = {(r["name"], f["name"]): f["description"] for r in package["resources"]
                 for f in r["schema"]["fields"]}
    assert "Target date" in described[("actions", "Target date")]
    assert "2024-04-30" in described[("progress", "rag_2024-04-30")]


def test_only_the_chosen_formats_are_written(tmp_path: Path) -> None:
    written = write_outputs(make_tables(), tmp_path, OutputSettings(formats=("json",)))
    assert sorted(p.name for p in written) == ["actions.json", "documents.csv"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["actions.json", "documents.csv"]
