"""--evidence on two versions of the sample plan, each as a PDF and a Word file: every PDF
row gets a PNG cut from its page around the row (its action's words are on it, the next
action's are not), every Word row its cells as printed; actions.csv names them in a last
column, the workbook links them, datapackage.json and the JSON Schema describe it, and
a run without --evidence writes neither column nor folder."""
from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import jsonschema
import openpyxl
import pypdfium2 as pdfium
import pytest
from PIL import Image

import actionplans
from actionplans.output.describe import actions_schema
from conftest import SAMPLES, run_file

PAPERS = ("004_reading_cp_action_plan_2013-08.pdf", "004_reading_cp_action_plan_2013-08.docx")


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("evidence") / "out"
    assert actionplans.main(["extract", *(str(SAMPLES / p) for p in PAPERS), "-o", str(out), "-q",
                             "--evidence"]) == 0
    return out


def _actions(out: Path) -> list[dict[str, str]]:
    with open(out / "actions.csv", encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def test_every_row_has_its_evidence_named_in_the_last_column(run: Path) -> None:
    rows = _actions(run)
    assert list(rows[0])[-1] == "evidence" and len(rows) == 86
    for row in rows:
        path = run / row["evidence"]
        assert path.is_file(), row["evidence"]
        assert path.suffix == (".png" if row["source_file"].endswith(".pdf") else ".txt")
    names = [r["evidence"] for r in rows]
    assert len(set(names)) == len(names)


def test_a_crop_is_its_row_of_the_page(run: Path) -> None:
    rows = {r["action_number"]: r for r in _actions(run) if r["source_file"].endswith(".pdf")}
    crop = Image.open(run / rows["12"]["evidence"])
    page = pdfium.PdfDocument(str(SAMPLES / PAPERS[0]))[int(rows["12"]["page"]) - 1]
    width, height = page.get_size()
    assert crop.width > 0.5 * width * 100 / 72  # the row across the table (a merged group cell aside), at 100 dpi
    assert 20 < crop.height < 0.2 * height * 100 / 72  # one row, not the page
    sizes = [(run / r["evidence"]).stat().st_size for r in rows.values()]
    assert max(sizes) < 40_000 and sum(sizes) / len(sizes) < 12_000  # small: a few kB a row


@pytest.mark.parametrize("paper", ["004_reading_cp_action_plan_2013-08.pdf", "001_reading_cp_action_plan_draft.pdf"])
def test_each_region_holds_its_action_and_not_the_next(paper: str) -> None:
    """The region each row carries from extract, read back from the page by PDFium."""
    rows = run_file(SAMPLES / paper).actions
    document = pdfium.PdfDocument(str(SAMPLES / paper))
    for row, after in zip(rows, rows[1:] + [None], strict=True):
        assert row.region is not None and row.page is not None
        page = document[row.page - 1]
        x0, top, x1, bottom = row.region
        height = page.get_size()[1]
        text = " ".join(page.get_textpage().get_text_bounded(x0, height - bottom, x1, height - top).split())
        assert " ".join(row.action_text.split()[:4]) in text, (row.action_number, text)
        if after is not None and after.page == row.page and len(after.action_text) > 30:
            assert " ".join(after.action_text.split()[:6]) not in text, (row.action_number, text)


def test_a_word_row_has_its_cells_under_their_headers(run: Path) -> None:
    row = next(r for r in _actions(run) if r["source_file"].endswith(".docx") and r["action_number"] == "12")
    text = (run / row["evidence"]).read_text(encoding="utf-8")
    assert text.startswith(f"{PAPERS[1]}: action 12")
    assert "Lead Officer:\nHoHNCS" in text and "Early Help Strategy to be agreed" in text


def test_the_workbook_links_and_the_schemas_describe_it(run: Path) -> None:
    ws = openpyxl.load_workbook(run / "actionplans.xlsx")["Actions"]
    header = [c.value for c in ws[1]]
    cell = ws.cell(2, header.index("evidence") + 1)
    assert cell.hyperlink is not None and cell.hyperlink.target == cell.value
    package = json.loads((run / "datapackage.json").read_text(encoding="utf-8"))
    fields = {f["name"]: f for f in package["resources"][0]["schema"]["fields"]}
    assert "PNG" in fields["evidence"]["description"]
    jsonschema.validate(json.loads((run / "actions.json").read_text(encoding="utf-8")), actions_schema())


def test_without_evidence_no_column_and_no_folder(tmp_path: Path) -> None:
    assert actionplans.main(["extract", str(SAMPLES / PAPERS[1]), "-o", str(tmp_path), "-q"]) == 0
    assert "evidence" not in _actions(tmp_path)[0] and not (tmp_path / "evidence").exists()


def test_a_second_run_leaves_only_its_own_evidence(tmp_path: Path) -> None:
    for papers in (PAPERS, PAPERS[1:]):
        assert actionplans.main(["extract", *(str(SAMPLES / p) for p in papers), "-o", str(tmp_path), "-q",
                                 "--evidence"]) == 0
    assert [p.name for p in (tmp_path / "evidence").iterdir()] == [PAPERS[1]]
    assert len(list((tmp_path / "evidence").rglob("*.txt"))) == 43


def test_a_later_run_over_the_folder_reads_no_evidence_as_papers(tmp_path: Path) -> None:
    shutil.copy(SAMPLES / PAPERS[0], tmp_path / PAPERS[0])
    assert actionplans.main(["extract", str(tmp_path), "-o", str(tmp_path / "first"), "-q", "--evidence"]) == 0
    assert len(list((tmp_path / "first" / "evidence").rglob("*.png"))) == 43
    assert actionplans.main(["extract", str(tmp_path), "-o", str(tmp_path / "second"), "-q"]) == 0
    with open(tmp_path / "second" / "documents.csv", encoding="utf-8-sig", newline="") as fh:
        assert [r["source_file"] for r in csv.DictReader(fh)] == [PAPERS[0]]
