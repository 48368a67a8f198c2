"""Golden outputs for the whole pipeline: each sample's actions.csv and documents.csv
rows as committed in tests/golden/. Regenerate only with ``pytest --update-golden`` and
read the diff: a missing golden file fails rather than writing itself."""
from __future__ import annotations

from pathlib import Path

import pytest

from actionplans.output.frames import frame_to_csv, tables_to_frames
from conftest import ROOT, SAMPLES, run_file

GOLDEN = ROOT / "tests" / "golden"
PAPERS = sorted(p for p in SAMPLES.iterdir() if p.suffix in (".pdf", ".docx"))


@pytest.mark.parametrize("table", ["actions", "documents"])
@pytest.mark.parametrize("paper", PAPERS, ids=[p.name for p in PAPERS])
def test_golden(paper: Path, table: str, request: pytest.FixtureRequest) -> None:
    got = frame_to_csv(tables_to_frames(run_file(paper))[table]).decode("utf-8")
    golden = GOLDEN / f"{paper.name}.{table}.csv"
    if request.config.getoption("--update-golden"):
        golden.write_text(got, encoding="utf-8")
    assert golden.exists(), f"no golden file {golden.name}: run pytest --update-golden and review it"
    assert got == golden.read_text(encoding="utf-8")
