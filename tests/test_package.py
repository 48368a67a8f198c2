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
