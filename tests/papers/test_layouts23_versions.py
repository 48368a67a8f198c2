"""The issue-23 papers in their other versions, field by field: as Word writes them
(``samplegen.layouts23.WORD23``: a header row repeated on each page and shaded, banner
rows of merged cells, rows that may break, a real Word bulleted list), and as a council's
web page printed to PDF by Chromium (``WEB23``: the page and its PDF are both committed,
both read here). Each is checked against the same ``Paper`` as the reportlab PDF.

The Word files and web pages are rebuilt and compared byte for byte; the Chromium PDFs
need Chromium to build, so they are read as committed (``test_web_pdf_is_the_page`` checks
one against its page where Chromium is installed).
"""
from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from conftest import ROOT, run_file
from papercases import assert_field, expected_rows, field_names
from samplegen.layout23_writer import BUILDERS23
from samplegen.layouts23 import WEB23, WORD23, Layout23

FIXTURES = ROOT / "tests" / "fixtures" / "layouts23"
FIELDS = ("recommendation_number", "recommendation_text", "action_number", "action_number_inferred",
          "action_text", "lead_officer_raw", "lead_officers", "rag_raw", "rag", "page")
# Each version's file and the format its pages count in: the Word file; the web page as
# saved and as Chromium prints it.
FILES = [(lay, f"{lay.paper.stem}.docx", "docx") for lay in WORD23] + [
    (lay, f"{lay.paper.stem}{ext}", fmt) for lay in WEB23 for ext, fmt in ((".html", "html"), (".pdf", "pdf"))]
FIELD_CASES = [pytest.param(lay, name, fmt, field, id=f"{name}-{field}")
               for lay, name, fmt in FILES for field in field_names(lay.paper, FIELDS)]


def test_the_versions_cover_each_case() -> None:
    word = [lay.sheet for lay in WORD23]
    assert {s.banners for s in word} == {"shaded", "bold", ""} and any(s.split_rows for s in word)
    assert {s.repeat for s in word} == {True, False} and any(s.band for s in word)
    assert {s.rules for s in word} == {"", "grid", "rows"}
    assert {s.banners for s in (lay.sheet for lay in WEB23)} == {"shaded", "bold", ""}
    assert {s.line_breaks for s in (lay.sheet for lay in WEB23)} == {True, False}, "cells of <p> and of <br> lines"
    assert all(len(set(lay.pages)) >= 2 for lay in WEB23), "every printed page runs over a page break"


@pytest.mark.parametrize("layout,name,fmt", [pytest.param(*f, id=f[1]) for f in FILES])
def test_document_row(layout: Layout23, name: str, fmt: str) -> None:
    doc = run_file(FIXTURES / name).documents[0]
    assert layout.paper.plan is not None
    assert (doc.status, doc.actions) == ("ok", len(layout.paper.plan.actions)), doc.message


@pytest.mark.parametrize("layout,name,fmt,field", FIELD_CASES)
def test_field(layout: Layout23, name: str, fmt: str, field: str) -> None:
    rows = run_file(FIXTURES / name).actions
    assert_field(rows, expected_rows(layout.paper, layout.pages, fmt), field)


def test_word_rows_say_what_the_case_is() -> None:
    """The Word files hold what they are for: a repeated header row, merged banner rows,
    rows free to break where the sheet splits them, and a real bulleted list."""
    from docx import Document

    by_key = {lay.key.split("_")[0]: lay for lay in WORD23 if not lay.sheet.line_breaks}
    table = Document(str(FIXTURES / f"{by_key['t1'].paper.stem}.docx")).tables[0]
    rows = [r._tr for r in table.rows]
    assert rows[0].xpath("./w:trPr/w:tblHeader") and not any(r.xpath("./w:trPr/w:cantSplit") for r in rows)
    assert rows[1].xpath("./w:tc/w:tcPr/w:gridSpan[@w:val='3']"), "the first objective is a banner row"
    cells = Document(str(FIXTURES / f"{by_key['m1'].paper.stem}.docx")).tables[0]._tbl
    assert len(cells.xpath(".//w:p/w:pPr/w:numPr")) == 3, "three actions as Word list items"
    band = Document(str(FIXTURES / f"{by_key['b1'].paper.stem}.docx")).tables[0]._tbl
    assert band.xpath("./w:tr[1]/w:tc/w:tcPr/w:shd/@w:fill") == [by_key["b1"].sheet.band] * 5
    assert all(r.xpath("./w:trPr/w:cantSplit") for r in band.xpath("./w:tr")[1:]), "rows kept whole: not split"


def test_web_pages_say_what_the_case_is() -> None:
    """The web pages hold what they are for: a <thead> the browser repeats (none where the
    header is printed once), banner rows spanning the table, <p> and <ul> in cells."""
    import lxml.html

    def page(key: str) -> lxml.html.HtmlElement:
        layout = next(lay for lay in WEB23 if lay.key.startswith(key))
        return lxml.html.parse(str(FIXTURES / f"{layout.paper.stem}.html")).getroot()

    p1, p2, m1 = page("p1"), page("p2"), page("m1")
    assert p1.xpath("//thead/tr/th") and not p2.xpath("//thead")
    assert len(p1.xpath("//td[@colspan='3']")) == 3, "an objective banner row for each of three objectives"
    assert len(p2.xpath("//tbody/tr/th[@colspan='3']")) == 3, "bold banners as header cells spanning the table"
    assert len(m1.xpath("//td/ul/li")) == 3 and m1.xpath("//td[count(p) = 2]"), "bullets and paragraphs in cells"


@pytest.mark.parametrize("layout", [*WORD23, *WEB23], ids=[lay.key for lay in (*WORD23, *WEB23)])
def test_fixture_matches_its_description(layout: Layout23, tmp_path: Path) -> None:
    """The Word file and the web page as the script writes them (Chromium's PDF is read
    as committed: it needs the browser)."""
    stale = f"rebuild with python -m samplegen.layouts23 tests/fixtures/layouts23 {layout.key}"
    if layout.builder == "docx":
        built = BUILDERS23["docx"](layout, tmp_path)[0]
        with zipfile.ZipFile(built) as a, zipfile.ZipFile(FIXTURES / built.name) as b:
            assert {n: a.read(n) for n in a.namelist()} == {n: b.read(n) for n in b.namelist()}, stale
        return
    from samplegen.layout23_html import web_page

    page = web_page(layout)
    assert page == (FIXTURES / f"{layout.paper.stem}.html").read_text(encoding="utf-8"), stale


def test_web_pdf_is_the_page(tmp_path: Path) -> None:
    """The committed Chromium PDF is what Chromium prints from the committed page (the
    tall rows' paper, whose breaks fall inside rows): page for page, the same text."""
    import pdfplumber

    from samplegen.browser import CHROMIUM

    if not Path(CHROMIUM).is_file():
        pytest.skip(f"{CHROMIUM} is absent (apt-get install chromium): the committed PDF is read as it is")
    layout = next(lay for lay in WEB23 if lay.sheet.split_rows)
    built = BUILDERS23["chromium"](layout, tmp_path)[1]
    with pdfplumber.open(built) as a, pdfplumber.open(FIXTURES / built.name) as b:
        assert [p.extract_text() for p in a.pages] == [p.extract_text() for p in b.pages], (
            f"{built.name} is stale: rebuild with python -m samplegen.layouts23 tests/fixtures/layouts23 {layout.key}")
