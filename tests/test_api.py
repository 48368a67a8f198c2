"""The library takes what users pass: a folder or file, or several, as ``str`` or
``Path``; a missing path is a ``FileNotFoundError`` naming it; the settings as the
nested dict README shows, which ``mypy --strict`` accepts as README writes it."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import actionplans
from actionplans.batch import BatchSettings
from conftest import SAMPLES

ROOT = Path(__file__).resolve().parent.parent
PLAN = SAMPLES / "004_reading_cp_action_plan_2013-08.docx"
MINUTES = SAMPLES / "002_slac_inspection_minutes.docx"
HERE = BatchSettings(workers=0)  # in this process: these tests are about what is passed, not how it is read


def _sources(tables: actionplans.Tables) -> list[str]:
    return [d.source_file for d in tables.documents]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    papers = tmp_path / "papers"
    papers.mkdir()
    shutil.copy(PLAN, papers / "plan.docx")
    shutil.copy(MINUTES, papers / "minutes.docx")
    return papers


def test_a_folder_as_str_or_path(folder: Path) -> None:
    by_str = actionplans.run(str(folder), batch=HERE)
    assert _sources(by_str) == ["minutes.docx", "plan.docx"]
    assert len(by_str.actions) == 43
    assert actionplans.run(folder, batch=HERE).actions == by_str.actions


def test_several_inputs_as_str_and_path_mixed(folder: Path) -> None:
    tables = actionplans.run([str(folder / "plan.docx"), folder / "minutes.docx"], batch=HERE)
    assert sorted(_sources(tables)) == ["minutes.docx", "plan.docx"]
    assert len(tables.actions) == 43


def test_extract_folder_takes_a_str_and_the_readme_dict(folder: Path) -> None:
    frames = actionplans.extract_folder(str(folder), {"batch": {"workers": 0}, "normalise": {"versions": {"link_min": 70}}})
    assert list(frames["documents"]["source_file"]) == ["minutes.docx", "plan.docx"]
    assert int(frames["documents"]["actions"].sum()) == 43


@pytest.mark.parametrize("call", ["run", "extract_folder"])
def test_a_missing_path_raises_naming_it(call: str, folder: Path, tmp_path: Path) -> None:
    missing = tmp_path / "no_such_folder"
    with pytest.raises(FileNotFoundError, match="no_such_folder") as caught:
        getattr(actionplans, call)([folder, str(missing)], {"batch": {"workers": 0}})
    assert caught.value.filename == str(missing)
    with pytest.raises(FileNotFoundError, match="no_such_folder"):
        getattr(actionplans, call)("no_such_folder")


def test_an_output_folder_in_the_inputs_is_excluded(folder: Path) -> None:
    out = folder / "out"
    out.mkdir()
    shutil.copy(PLAN, out / "copy.docx")
    tables = actionplans.run(folder, batch=HERE, exclude=[str(out)])
    assert _sources(tables) == ["minutes.docx", "plan.docx"]


def test_progress_hears_each_paper_with_the_run_s_size(folder: Path) -> None:
    heard: list[tuple[str, int]] = []
    actionplans.run(folder, batch=HERE, on_result=lambda result, total: heard.append((result.source_file, total)))
    assert sorted(heard) == [("minutes.docx", 2), ("plan.docx", 2)]


def _readme_python() -> str:
    """README's Python examples, as one module."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("\n## Python\n", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```python\n(.*?)```", section, flags=re.S)
    assert len(blocks) >= 2
    return "import actionplans\n" + "\n".join(blocks)


def test_readme_s_python_passes_mypy_strict(tmp_path: Path) -> None:
    """Checked against the package laid out as the wheel is (links, as ``make lint``
    does): mypy cannot follow an editable install's import finder."""
    tree = tmp_path / "typecheck" / "actionplans"
    tree.mkdir(parents=True)
    for part in [*sorted((ROOT / "actionplans").iterdir()), *(ROOT / p for p in ("ingest", "extract", "normalise",
                                                                               "output"))]:
        if part.name != "__pycache__":
            (tree / part.name).symlink_to(part)
    example = tmp_path / "example.py"
    example.write_text(_readme_python(), encoding="utf-8")
    env = {**os.environ, "MYPYPATH": str(tree.parent)}
    done = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--follow-imports=silent",
                           "--no-incremental", "--ignore-missing-imports", str(example)],
                          capture_output=True, text=True, cwd=tmp_path, env=env, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
