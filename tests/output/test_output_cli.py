"""``actionplans extract`` on the sample folder: every output written and described,
--format choosing them, usage errors in one line, the closing summary, the progress bar
quiet where no one watches."""
from __future__ import annotations

import csv
import io
import json
import os
from contextlib import redirect_stdout
from pathlib import Path
from urllib.parse import unquote

import jsonschema
import openpyxl
import pytest

import actionplans
from actionplans.output.describe import actions_schema
from actionplans.output.progressbar import ProgressBarSettings, file_progress
from conftest import SAMPLES
from htmlpage import parse

ALL = ["abbreviations.csv", "actionplans.xlsx", "actions.csv", "actions.json", "datapackage.json", "documents.csv",
       "progress.csv", "report.html", "summary.csv"]


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    out = tmp_path_factory.mktemp("cli") / "extracted"
    stdout = io.StringIO()
    with redirect_stdout(stdout):
        assert actionplans.main(["extract", str(SAMPLES), "-o", str(out)]) == 0
    return out, stdout.getvalue()


def _listing(folder: Path) -> list[str]:
    """The outputs in a folder; hidden entries (the batch's cache) are not outputs."""
    return sorted(p.name for p in folder.iterdir() if not p.name.startswith("."))


def _csv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def test_every_output_is_written(run: tuple[Path, str]) -> None:
    out, stdout = run
    assert _listing(out) == ALL
    assert stdout.startswith("7 files: 4 ok, 3 no plan, 0 failed; 172 action rows (43 in the plans' latest versions), ")
    assert stdout.rstrip().endswith("(csv, json, xlsx, html)")


def test_real_actions_match_the_schema_and_the_workbook(run: tuple[Path, str]) -> None:
    out, _ = run
    records = json.loads((out / "actions.json").read_text(encoding="utf-8"))
    jsonschema.validate(records, actions_schema())
    ws = openpyxl.load_workbook(out / "actionplans.xlsx")["Actions"]
    assert ws.max_row == len(records) + 1 == len(_csv(out / "actions.csv")) + 1 == 173
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref == f"A1:R{ws.max_row}"


def test_datapackage_describes_the_real_csvs(run: tuple[Path, str]) -> None:
    out, _ = run
    package = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    for resource in package["resources"]:
        with open(out / resource["path"], encoding="utf-8-sig", newline="") as fh:
            assert [f["name"] for f in resource["schema"]["fields"]] == next(csv.reader(fh))


def test_report_links_reach_the_papers(run: tuple[Path, str]) -> None:
    out, _ = run
    page = parse(out / "report.html")
    hrefs = [h for a in page.find_all("a") if not (h := a.attrs["href"]).startswith("#")]  # not the page's own
    assert len(hrefs) >= 7
    for href in hrefs:
        path, _, fragment = href.partition("#")
        assert (out / unquote(path)).resolve().is_file(), href
        assert not fragment or fragment.startswith("page=")
    assert os.path.relpath(SAMPLES / "002_slac_inspection_minutes.docx", out) in map(unquote, hrefs)
    progress = {r["action_key"]: r for r in _csv(out / "progress.csv")}
    red = page.find_all("table", **{"data-list": "red"})
    for tr in red[0].find_all("tr")[1:] if red else []:
        row = progress[tr.attrs["data-key"]]
        assert row["latest_rag"] == "Red"
        assert tr.find_all("a")[0].attrs["href"].endswith(f"{row['source_file']}#page={row['page']}")


def test_same_input_same_bytes_for_every_output(run: tuple[Path, str], tmp_path: Path) -> None:
    out, _ = run
    again = tmp_path / "extracted"  # as deep as the first, so relative links read the same
    assert actionplans.main(["extract", str(SAMPLES), "-o", str(again), "-q"]) == 0
    for name in ALL:
        assert (again / name).read_bytes() == (out / name).read_bytes(), name


def test_format_chooses_the_outputs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    paper = SAMPLES / "002_slac_inspection_minutes.docx"
    assert actionplans.main(["extract", str(paper), "-o", str(tmp_path), "--format", "json,html", "-q"]) == 0
    assert _listing(tmp_path) == ["actions.json", "documents.csv", "report.html"]
    assert capsys.readouterr() == ("", "")  # --quiet, and no bar: stderr is not a terminal


@pytest.mark.parametrize("args,message", [
    (["--format", "csv,pdf"], "unknown format 'pdf'"),
    (["--format", ","], "no format given"),
])
def test_bad_format_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str],
                                     message: str) -> None:
    assert actionplans.main(["extract", str(SAMPLES), "-o", str(tmp_path), *args]) == 2
    assert message in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_output_folder_that_is_a_file_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "out").write_text("")
    assert actionplans.main(["extract", str(SAMPLES), "-o", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err == [f"actionplans: error: output folder is a file: {tmp_path / 'out'}"]


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_shows_on_a_terminal_and_clears() -> None:
    stream = Terminal()
    with file_progress(3, ProgressBarSettings(delay=0, stream=stream)) as bar:
        for _ in range(3):
            bar.update(1)
    written = stream.getvalue()
    assert "reading papers" in written and "/3 " in written
    assert written.endswith("\r")  # the bar line is wiped, so the summary stands alone


@pytest.mark.parametrize("settings", [ProgressBarSettings(delay=0, stream=io.StringIO()),
                                      ProgressBarSettings(enabled=False, delay=0, stream=Terminal())])
def test_no_progress_bar_when_piped_or_quiet(settings: ProgressBarSettings) -> None:
    with file_progress(3, settings) as bar:
        bar.update(3)
    assert settings.stream is not None and settings.stream.getvalue() == ""


def test_extract_folder_gives_every_table_as_a_frame() -> None:
    frames = actionplans.extract_folder(SAMPLES)
    assert list(frames) == ["actions", "progress", "summary", "documents", "abbreviations"]
    abbreviations = frames["abbreviations"].set_index(["source_file", "code"])["in_full"]
    assert abbreviations[("004_reading_cp_action_plan_2013-08.pdf", "HoAC")] == "Head of Adult Services"
    assert set(frames["progress"]["action_key"]) <= set(frames["actions"]["action_key"])
    assert set(frames["summary"]["source_file"]) <= set(frames["documents"]["source_file"])
    assert str(frames["actions"]["page"].dtype) == "Int64"
