"""One import package: the wheel installs ``actionplans`` and nothing else, and a user's
own modules named like ours (output.py, cache.py, batch.py) never shadow it."""
from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT

STAGES = ("ingest", "extract", "normalise", "output")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation", "-w", str(out),
         str(ROOT)], capture_output=True, text=True, timeout=300)
    assert build.returncode == 0, build.stderr[-2000:]
    (found,) = out.glob("actionplans-*.whl")
    return found


def test_the_wheel_holds_only_the_actionplans_package(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    tops = {n.split("/")[0] for n in names if not n.split("/")[0].endswith(".dist-info")}
    assert tops == {"actionplans"}
    for stage in STAGES:
        assert f"actionplans/{stage}/__init__.py" in names
    assert "actionplans/output/schemas/actions.schema.json" in names
    assert {"actionplans/output/templates/report.html.j2", "actionplans/output/templates/report.js"} <= set(names)
    assert "actionplans/vocabulary.toml" in names
    entry = zipfile.ZipFile(wheel).read(next(n for n in names if n.endswith("entry_points.txt"))).decode()
    assert "actionplans = actionplans.cli:main" in entry


def test_a_folder_of_modules_named_like_ours_does_not_shadow_the_package(tmp_path: Path) -> None:
    for name in ("output", "cache", "batch", "ingest", "extract", "normalise"):
        (tmp_path / f"{name}.py").write_text(f"raise ImportError('the user\\'s own {name}.py was imported')\n")
    script = ("import actionplans\n"
              "from actionplans.output import FORMATS\n"
              "from actionplans import extract_folder, run\n"
              "import actionplans.batch, actionplans.cache\n"
              "print(FORMATS[0], actionplans.__version__)\n")
    done = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == ["csv", "0.1.0"]


def test_the_schema_and_vocabulary_load_as_package_data() -> None:
    from actionplans.output.describe import actions_schema
    from actionplans.vocabulary import default_vocabulary

    assert actions_schema()["type"] == "array"
    assert default_vocabulary().role_of("Lead Officer") == "lead"


# --- the command as shipped: the wheel in a fresh environment, run from outside the repository


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtual environment holding the wheel and what it depends on (from the package
    index, or pip's own cache of it): the ``actionplans`` command a user gets."""
    env = tmp_path_factory.mktemp("venv") / "env"
    subprocess.run([sys.executable, "-m", "venv", str(env)], check=True, timeout=300)
    done = subprocess.run([str(env / "bin" / "python"), "-m", "pip", "install", "--quiet", str(wheel)],
                          capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr[-2000:]
    return env / "bin" / "actionplans"


def _command(command: Path, args: list[str], where: Path, cache: Path) -> subprocess.CompletedProcess[str]:
    # Defaults as a user has them (cache on), the cache in a fresh folder of the test's own.
    env = {"PATH": "/usr/bin:/bin", "HOME": str(where), "XDG_CACHE_HOME": str(cache), "LANG": "C.UTF-8"}
    return subprocess.run([str(command), *args], cwd=where, env=env, capture_output=True, text=True, timeout=600)


def test_the_installed_command_extracts_and_explains_from_outside_the_repository(
        installed: Path, tmp_path: Path) -> None:
    papers = tmp_path / "Committee papers"
    papers.mkdir()
    names = ["001_reading_cp_action_plan_draft.pdf", "004_reading_cp_action_plan_2013-08.docx",
             "002_slac_inspection_minutes.docx"]
    for name in names:
        (papers / name).write_bytes((ROOT / "samples" / name).read_bytes())
    cache = tmp_path / "cache"
    first = _command(installed, ["extract", "Committee papers", "-o", "out"], tmp_path, cache)
    assert first.returncode == 0, first.stderr[-2000:]
    assert "3 files: 2 ok, 1 no plan, 0 failed" in first.stdout
    assert any(cache.rglob("*")), "the default run kept nothing in its cache"
    written = {p.name: p.read_bytes() for p in (tmp_path / "out").iterdir()}
    for name in ("actions.csv", "documents.csv", "actionplans.xlsx", "report.html", "datapackage.json"):
        assert name in written
    # The same rows as the golden files of these papers (the library's run, checked elsewhere).
    golden_actions = sum(len((ROOT / "tests" / "golden" / f"{n}.actions.csv").read_text(encoding="utf-8-sig")
                             .splitlines()) - 1 for n in names)
    import csv
    import io
    rows = list(csv.DictReader(io.StringIO(written["actions.csv"].decode("utf-8-sig"))))
    assert len(rows) == golden_actions > 0

    second = _command(installed, ["extract", "Committee papers", "-o", "out", "-v"], tmp_path, cache)
    assert second.returncode == 0, second.stderr[-2000:]
    for name in names:
        assert f"{name}: from the cache" in second.stderr, second.stderr[-2000:]
    again = {p.name: p.read_bytes() for p in (tmp_path / "out").iterdir()}
    assert again["actions.csv"] == written["actions.csv"]
    assert again["documents.csv"] == written["documents.csv"]

    explained = _command(installed, ["explain", f"Committee papers/{names[0]}"], tmp_path, cache)
    assert explained.returncode == 0, explained.stderr[-2000:]
    assert names[0] in explained.stdout and "plan" in explained.stdout


def test_the_installed_command_says_its_version(installed: Path, tmp_path: Path) -> None:
    done = _command(installed, ["--version"], tmp_path, tmp_path / "cache")
    from actionplans import __version__
    assert done.stdout.strip() == f"actionplans {__version__}"
