"""The command line: exit codes, one-line errors, the batch surviving bad files, and
the same input giving the same bytes."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import actionplans
from conftest import SAMPLES

PLAN = SAMPLES / "004_reading_cp_action_plan_2013-08.docx"


def _read(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def test_bad_files_are_reported_and_good_rows_kept(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(PLAN, src / "plan.docx")
    (src / "empty.pdf").write_bytes(b"")
    (src / "page.pdf").write_text("<!DOCTYPE html><html><body>moved</body></html>")
    (src / "broken.docx").write_bytes(PLAN.read_bytes()[:5000])
    code = actionplans.main(["extract", str(src), "-o", str(tmp_path / "out"), "-q"])
    err = capsys.readouterr().err.splitlines()
    assert code == 1
    assert len(err) == 3 and all(line.startswith("actionplans: ") for line in err)
    docs = {line.split(",")[0]: line for line in _read(tmp_path / "out" / "documents.csv")[1:]}
    assert ",error," in docs["empty.pdf"] and "empty file" in docs["empty.pdf"]
    assert "HTML page" in docs["page.pdf"]
    assert ",error," in docs["broken.docx"]
    assert ",ok,43," in docs["plan.docx"]
    assert len(_read(tmp_path / "out" / "actions.csv")) == 44


def test_usage_errors_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert actionplans.main(["extract", str(tmp_path / "nowhere"), "-o", str(tmp_path)]) == 2
    assert "no such file" in capsys.readouterr().err
    assert actionplans.main(["frobnicate"]) == 2


def test_help_describes_every_option(capsys: pytest.CaptureFixture[str]) -> None:
    assert actionplans.main(["extract", "--help"]) == 0
    out = capsys.readouterr().out
    for option in ("--out", "--quiet", "--verbose", "PATH"):
        assert option in out


def test_same_input_same_bytes(tmp_path: Path) -> None:
    for name in ("a", "b"):
        assert actionplans.main(["extract", str(SAMPLES), "-o", str(tmp_path / name), "-q"]) == 0
    for file in ("actions.csv", "actions.json", "documents.csv"):
        assert (tmp_path / "a" / file).read_bytes() == (tmp_path / "b" / file).read_bytes()


def test_folder_run_gives_43_rows_per_plan_file(tmp_path: Path) -> None:
    frames = actionplans.extract_folder(SAMPLES)
    counts = frames["actions"].groupby("source_file").size().to_dict()
    assert counts == {f"{stem}.{fmt}": 43 for stem in ("001_reading_cp_action_plan_draft",
                                                       "004_reading_cp_action_plan_2013-08")
                      for fmt in ("docx", "pdf")}
    docs = frames["documents"].set_index("source_file")["status"].to_dict()
    assert sorted(docs.values()) == ["no_plan"] * 3 + ["ok"] * 4
