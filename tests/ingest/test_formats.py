"""Every format in an analyst's folder (issue 15): spreadsheets, OpenDocument, saved web
pages, scans; and the files that are plainly not papers.

The test papers in ``tests/fixtures/formats/`` are built by ``python -m samplegen.formats``
from the same ``Layout`` as the Word papers of ``tests/fixtures/layouts/``: each format
must give back what the Word file gives, field for field, one test case per paper,
format and field.
"""
from __future__ import annotations

import csv
import re
import shutil
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
from openpyxl.styles import PatternFill

import actionplans
from actionplans.batch import BatchSettings, run_batch
from actionplans.extract import OCR_WARNING
from actionplans.extract.records import WarningCode, WarningItem
from actionplans.ingest import IngestError, NotAPaper, read_document
from actionplans.ingest import ocr as ocr_module
from actionplans.ingest.model import Paragraph, Table
from conftest import ROOT, run_file
from papercases import assert_field, field_names, plan_of
from samplegen.formats import FORMAT_LAYOUTS, WRITERS
from samplegen.layouts import SCANNED, Layout

FIXTURES = ROOT / "tests" / "fixtures" / "formats"
LAYOUT_FIXTURES = ROOT / "tests" / "fixtures" / "layouts"
FORMATS = ("xlsx", "xls", "ods", "odt", "html", "mhtml")
SHEETS = ("xlsx", "xls", "ods")
FIELDS = ("recommendation_number", "recommendation_text", "action_number", "action_number_inferred", "action_text",
          "lead_officer_raw", "lead_officers", "rag_raw", "rag")
CASES = [(layout, fmt) for layout in FORMAT_LAYOUTS for fmt in FORMATS]
NEEDS_OCR = pytest.mark.skipif(not ocr_module.available(),
                               reason="the OCR extra is not installed (pip install 'actionplans[ocr]'); CI installs it")


def _id(layout: Layout, fmt: str) -> str:
    return f"{layout.paper.stem}.{fmt}"


def _path(layout: Layout, fmt: str) -> Path:
    return FIXTURES / f"{layout.paper.stem}.{fmt}"


FIELD_CASES = [(layout, fmt, field) for layout, fmt in CASES for field in field_names(layout.paper, FIELDS)]


@pytest.mark.parametrize("layout,fmt", CASES, ids=[_id(*c) for c in CASES])
def test_fixture_is_built(layout: Layout, fmt: str) -> None:
    assert _path(layout, fmt).is_file(), f"{_path(layout, fmt).name} missing: run python -m samplegen.formats " \
                                         "tests/fixtures/formats"


REBUILT = [(layout, fmt) for layout, fmt in CASES if fmt != "xls"]  # the .xls is LibreOffice's (Calc) work


@pytest.mark.parametrize("layout,fmt", REBUILT, ids=[_id(*c) for c in REBUILT])
def test_fixture_matches_its_script(layout: Layout, fmt: str, tmp_path: Path) -> None:
    built = tmp_path / _path(layout, fmt).name
    WRITERS[fmt](layout, built)
    assert built.read_bytes() == _path(layout, fmt).read_bytes(), (
        f"{built.name} is stale: rebuild with python -m samplegen.formats tests/fixtures/formats")


@pytest.mark.parametrize("layout,fmt", CASES, ids=[_id(*c) for c in CASES])
def test_document_row(layout: Layout, fmt: str) -> None:
    doc = run_file(_path(layout, fmt)).documents[0]
    assert layout.paper.plan is not None
    assert (doc.status, doc.format, doc.actions, doc.message) == ("ok", fmt, len(layout.paper.plan.actions), "")


@pytest.mark.parametrize("layout,fmt,field", FIELD_CASES, ids=[f"{_id(lay, f)}-{fld}" for lay, f, fld in FIELD_CASES])
def test_field(layout: Layout, fmt: str, field: str) -> None:
    rows = run_file(_path(layout, fmt)).actions
    assert_field(rows, plan_of(layout.paper).expected_rows(), field)


@pytest.mark.parametrize("layout,fmt", CASES, ids=[_id(*c) for c in CASES])
def test_rows_are_the_word_files(layout: Layout, fmt: str) -> None:
    """Every column the Word file gives, the same (a spreadsheet has no report around its
    plan: its rows differ only in the paper's date and the plan's name, and carry a sheet)."""
    word = run_file(LAYOUT_FIXTURES / f"{layout.paper.stem}.docx")
    other = run_file(_path(layout, fmt))
    skip = {"source_file"} | ({"document_date", "plan_id", "action_key", "sheet"} if fmt in SHEETS else set())
    want = [{k: v for k, v in r.as_dict(word.extra_columns).items() if k not in skip} for r in word.actions]
    got = [{k: v for k, v in r.as_dict(other.extra_columns).items() if k not in skip} for r in other.actions]
    assert got == want


@pytest.mark.parametrize("layout,fmt", [c for c in CASES if c[1] in SHEETS], ids=[_id(*c) for c in CASES
                                                                                  if c[1] in SHEETS])
def test_spreadsheet_rows_name_their_sheet_after_the_contracts_columns(layout: Layout, fmt: str) -> None:
    tables = run_file(_path(layout, fmt))
    assert {r.extras.get("sheet") for r in tables.actions} == {"Action plan"}
    assert tables.extra_columns[0] == "sheet" and all(r.page is None for r in tables.actions)


@pytest.mark.parametrize("layout,fmt", [c for c in CASES if c[1] not in SHEETS],
                         ids=[_id(*c) for c in CASES if c[1] not in SHEETS])
def test_title_and_date_are_the_papers(layout: Layout, fmt: str) -> None:
    """A web page's are its <title> (less the site's name) and the date in its head; an
    OpenDocument text's are read from its content as a Word file's are."""
    doc = run_file(_path(layout, fmt)).documents[0]
    if fmt == "odt":
        word = run_file(LAYOUT_FIXTURES / f"{layout.paper.stem}.docx").documents[0]
        assert (doc.title, doc.document_date, doc.plan_as_at) == (word.title, word.document_date, word.plan_as_at)
    else:
        assert (doc.title, doc.document_date) == (layout.paper.title, layout.paper.document_date)


# --- spreadsheets: what a workbook hides, merges and calculates ------------------------------

def _workbook(path: Path) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Tracker"
    sheet.append(["Ref", "Recommendation", "Action", "Owner", "Due", "RAG"])
    rows = [("1", "Improve supervision of social work practice.", "Train every team manager in reflective supervision.",
             "Principal Social Worker", "March 2025", "Green"),
            (None, None, "Audit twenty supervision records each month.", "Head of Quality", "Monthly", "Amber"),
            ("2", "Strengthen the front door.", "Review thresholds with every partner agency.", "Head of MASH",
             "June 2025", None),
            ("2", None, "Publish a revised threshold document for all partners.", "Head of MASH", "July 2025",
             "Red")]
    for row in rows:
        sheet.append(list(row))
    sheet.merge_cells("A2:A3")  # the recommendation covers both its actions
    sheet.merge_cells("B2:B3")
    sheet["F4"].fill = PatternFill("solid", fgColor="FFC000")  # a status shown by colour alone
    sheet["A7"] = "=COUNTA(C2:C5)"  # a formula: its value is whatever was saved, never calculated
    sheet.row_dimensions[5].hidden = True
    hidden = book.create_sheet("Old plan")
    hidden.sheet_state = "hidden"
    hidden.append(["Action", "Lead", "RAG"])
    book.save(path)
    return path


def test_a_workbook_reads_merges_fills_and_skips_what_it_hides(tmp_path: Path) -> None:
    tables = actionplans.run([_workbook(tmp_path / "tracker.xlsx")], batch=BatchSettings(workers=0))
    doc = tables.documents[0]
    assert (doc.status, doc.format, doc.actions) == ("ok", "xlsx", 3)
    hidden_row = WarningItem(WarningCode.READING, "sheet 'Tracker': 1 hidden row skipped")
    assert doc.warnings == (hidden_row, WarningItem(WarningCode.READING, "hidden sheet 'Old plan' skipped"))
    rows = tables.actions
    assert [r.recommendation_text for r in rows[:2]] == ["Improve supervision of social work practice."] * 2
    assert (rows[2].rag_raw, rows[2].rag) == ("amber", "Amber")
    assert all(hidden_row in r.warnings for r in rows)
    assert not any("Publish a revised" in r.action_text for r in rows)


def _texts(path: Path) -> list[str]:
    doc = read_document(path, path.name)
    return [c.text for t in doc.tables for r in t.rows for c in r.cells] + [p.text for p in doc.paragraphs]


def _with_saved_value(path: Path, cell: str, value: str) -> Path:
    """The workbook as Excel saves it: the formula's last calculated value beside it
    (openpyxl writes formulas without one)."""
    import zipfile

    with zipfile.ZipFile(path) as z:
        parts = {name: z.read(name) for name in z.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    formula = re.search(rf'<c r="{cell}"[^>]*><f>[^<]*</f>', sheet)
    assert formula is not None
    parts["xl/worksheets/sheet1.xml"] = (sheet[:formula.end()] + f"<v>{value}</v>" + sheet[formula.end():]).encode()
    with zipfile.ZipFile(path, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return path


def test_a_formula_is_read_as_its_saved_value_never_calculated(tmp_path: Path) -> None:
    assert not any(t.startswith("=") or t == "4" for t in _texts(_workbook(tmp_path / "none.xlsx")))  # no value saved
    saved = _with_saved_value(_workbook(tmp_path / "saved.xlsx"), "A7", "17")  # not what COUNTA gives (4)
    texts = _texts(saved)
    assert "17" in texts and not any(t.startswith("=") or t == "4" for t in texts)


def test_a_cell_at_the_sheets_far_corner_costs_no_million_rows() -> None:
    """A stray value in XFD1048576, and a merge run to the sheet's end: the plan is read,
    the far cell too, and the blank rows and columns between are walked as one (each
    blank run splits the sheet as one blank row does)."""
    from actionplans.ingest.sheets import SheetCell, SheetGrid, grid_to_blocks

    plan = [["Ref", "Action", "Lead officer", "RAG"], ["1", "Review thresholds with partners.", "Head of MASH", "Red"],
            ["2", "Audit supervision records monthly.", "Head of Quality", "Green"]]
    grid = SheetGrid("Plan", {(r, c): SheetCell(text) for r, row in enumerate(plan) for c, text in enumerate(row)})
    grid.cells[1_048_575, 16_383] = SheetCell("x")
    grid.merges = [(5, 0, 1_048_575, 0)]  # A6 to the last row: nothing in it
    blocks, _ = grid_to_blocks(grid)
    tables = [b for b in blocks if isinstance(b, Table)]
    assert [[c.text for c in row.cells] for row in tables[0].rows] == plan
    assert len(tables) == 1 and [b.text for b in blocks if isinstance(b, Paragraph)] == ["x"]  # a line alone


def test_blank_rows_and_columns_split_a_sheet_as_one_does() -> None:
    from actionplans.ingest.sheets import _kept

    assert _kept({0, 1, 5, 9}, set()) == [0, 1, 2, 5, 6, 9]  # each blank run kept as its first
    assert _kept({0, 4}, {1, 2}) == [0, 3, 4]  # the first visible one of it
    assert _kept({0, 3}, {1, 2}) == [0, 3]  # a run all hidden is no blank


def test_a_workbook_named_as_a_word_file_is_refused_as_before(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="an Excel workbook, not a Word .docx"):
        read_document(_workbook(tmp_path / "tracker.docx"), "tracker.docx")


# --- web pages ----------------------------------------------------------------------------

PAGE = b"""<!-- saved from url=(0040)https://example.invalid/meetings/item/6 -->
<html><head><title>Scrutiny panel | Borough Council</title><meta name="DC.date" content="2024-06-11">
<script>document.write('<table><tr><td>Action</td><td>Lead</td></tr></table>')</script></head><body>
<table><tr><td>Logo</td></tr><tr><td>
<table border="1"><thead><tr><th>No.</th><th>Action</th><th>Lead officer</th><th>RAG</th></tr></thead>
<tr><td>1</td><td>Recruit an additional child protection chair.</td><td rowspan="2">Head of Safeguarding</td>
<td bgcolor="#00B050"></td></tr>
<tr><td>2</td><td>Review every child protection plan open for more than a year.</td><td style="background:red"></td></tr>
<tr><td>3</td><td colspan="2">Publish the quarterly report to the panel each quarter.</td><td>Amber</td></tr>
</table></td></tr></table></body></html>"""


def test_a_web_page_keeps_spans_and_colours_and_runs_nothing(tmp_path: Path) -> None:
    page = tmp_path / "Item 6 – plan.htm"
    page.write_bytes(PAGE)
    tables = actionplans.run([page], batch=BatchSettings(workers=0))
    doc, rows = tables.documents[0], tables.actions
    assert (doc.status, doc.format, doc.title, doc.document_date) == ("ok", "html", "Scrutiny panel", "2024-06-11")
    assert [(r.action_number, r.lead_officer_raw, r.rag) for r in rows] == [
        ("1", "Head of Safeguarding", "Green"), ("2", "Head of Safeguarding", "Red"), ("3", "", "Amber")]


# --- OpenDocument -------------------------------------------------------------------------

def test_the_dfe_plan_gives_the_same_rows_as_odt_and_docx(shared: Path) -> None:
    folder = shared / "corpus" / "action-plans"
    word = run_file(folder / "dfe__workload-and-wellbeing-action-plan.docx")
    odt = run_file(folder / "dfe__workload-and-wellbeing-action-plan.odt")
    assert len(word.actions) == len(odt.actions) == 5

    def rows(tables):  # type: ignore[no-untyped-def]
        return [{k: v for k, v in r.as_dict(tables.extra_columns).items() if k != "source_file"}
                for r in tables.actions]

    want, got = rows(word), rows(odt)
    # The two files are two saves of the plan: the .docx has a comma the .odt lacks.
    column = "resources_staffing_time_money_cpd"
    assert want[1][column] == got[1][column].replace("preparation and", "preparation, and")
    want[1][column] = got[1][column]
    assert got == want
    assert [r[column][:2] for r in got] == ["1.", "2.", "3.", "4.", "5."]  # numbering run on across cells


# --- what is not a paper ----------------------------------------------------------------

NOT_PAPERS = {
    "notes.txt": (b"Things to chase before the panel meets.\n", "a text file, not a paper"),
    "tracker export.csv": (b"ref,action,owner\n1,Recruit,HoS\n", "a CSV data file, not a paper"),
    "photo.png": (b"\x89PNG\r\n\x1a\n" + bytes(64), "a picture (PNG), not a paper: save a scanned page as PDF to "
                                                      "have it read"),
    "papers.zip": (None, "a zip archive: unpack it to have the papers in it read"),
    "forwarded.eml": (b"Received: from mail\r\nFrom: clerk@example.invalid\r\nSubject: Papers\r\n\r\nSee attached.",
                      "an e-mail message: save its attachments to have them read"),
}


def _not_papers(folder: Path) -> None:
    import zipfile

    folder.mkdir(exist_ok=True)
    for name, (data, _) in NOT_PAPERS.items():
        if data is None:
            with zipfile.ZipFile(folder / name, "w") as z:
                z.writestr("plan.docx", b"x")
        else:
            (folder / name).write_bytes(data)


@pytest.mark.parametrize("name", list(NOT_PAPERS))
def test_a_file_plainly_not_a_paper_is_skipped_with_its_reason(name: str, tmp_path: Path) -> None:
    _not_papers(tmp_path)
    with pytest.raises(NotAPaper) as caught:
        read_document(tmp_path / name, name)
    assert caught.value.message == NOT_PAPERS[name][1]


def test_a_file_named_as_a_paper_stays_an_error(tmp_path: Path) -> None:
    (tmp_path / "plan.pdf").write_bytes(b"Things to chase\n")
    (tmp_path / "plan.xlsx").write_bytes(b"Things to chase\n")
    (result_pdf, result_xlsx) = run_batch([(tmp_path / "plan.pdf", "plan.pdf"), (tmp_path / "plan.xlsx", "plan.xlsx")],
                                          batch=BatchSettings(workers=0))
    assert (result_pdf.error, result_pdf.skipped) == ("not a PDF, Word, OpenDocument, Excel or web-page file", "")
    assert result_xlsx.error.startswith("not a paper in a format read here")


def test_skipped_files_are_listed_and_do_not_fail_the_run(tmp_path: Path) -> None:
    src = tmp_path / "in"
    _not_papers(src)
    shutil.copy(LAYOUT_FIXTURES / "02_ashbridge_rag_colours.docx", src / "plan.docx")
    out = tmp_path / "out"
    assert actionplans.main(["extract", str(src), "-o", str(out), "-q", "--no-cache", "--format", "csv"]) == 0
    with open(out / "documents.csv", encoding="utf-8-sig", newline="") as fh:
        rows = {r["source_file"]: (r["status"], r["message"]) for r in csv.DictReader(fh)}
    assert rows == {"plan.docx": ("ok", ""), **{n: ("skipped", why) for n, (_, why) in NOT_PAPERS.items()}}


# --- scans ------------------------------------------------------------------------------------

SCAN = LAYOUT_FIXTURES / "11_marshfield_scanned_plan.pdf"


@NEEDS_OCR
def test_a_scan_is_read_by_ocr_and_its_rows_say_so() -> None:
    tables = run_file(SCAN)
    doc = tables.documents[0]
    assert (doc.status, doc.ocr_pages, doc.actions) == ("ok", 2, 5)
    assert all(WarningItem(WarningCode.OCR, OCR_WARNING) in r.warnings for r in tables.actions)
    # The leads are codes; the glossary that defines them is a table on the second
    # scanned page, read as any text table's glossary is (issue 23, item 8).
    assert [r.lead_officers for r in tables.actions] == [
        ("Head of Safeguarding",), ("Head of Safeguarding",), ("Head of Children in Need",),
        ("Head of Quality Assurance",), ("Head of Performance and Improvement",)]
    assert SCANNED.paper.plan is not None  # test_layouts reads its fields against scan_writer's rows


def test_without_the_extra_a_scan_says_how_to_get_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_module, "_engine_class", lambda: None)
    ocr_module._engine.cache_clear()
    try:
        with pytest.raises(IngestError) as caught:
            read_document(SCAN, SCAN.name)
    finally:
        ocr_module._engine.cache_clear()
    assert caught.value.message == "no text layer (scanned?): reading scans needs the OCR extra " \
                                   "(pip install 'actionplans[ocr]')"


# --- folders as analysts name them ------------------------------------------------------------

def test_make_extract_takes_folders_with_spaces_apostrophes_and_accents(tmp_path: Path) -> None:
    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    src = tmp_path / "Committee papers 2024" / "Director's reports – Pâques"
    src.mkdir(parents=True)
    shutil.copy(LAYOUT_FIXTURES / "08_fenwick_lead_cells.docx", src / "Fenwick plan (final).docx")
    out = tmp_path / "My results 'é'"
    # -o: the venv is the one running these tests; make must not reinstall it.
    done = subprocess.run(["make", "-C", str(ROOT), "-o", ".venv/.installed", "extract", f"PY={sys.executable}",
                           f"IN={tmp_path / 'Committee papers 2024'}", f"OUT={out}"],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    with open(out / "documents.csv", encoding="utf-8-sig", newline="") as fh:
        (row,) = list(csv.DictReader(fh))
    assert (row["source_file"], row["status"]) == ("Director's reports – Pâques/Fenwick plan (final).docx", "ok")



