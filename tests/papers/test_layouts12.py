"""Test papers for the layouts of issue 12 (items 1, 3 and 4), field by field.

Each paper in ``tests/fixtures/layouts12/`` was built by ``python -m samplegen.layouts12``
from a ``samplegen.layouts12.Layout12``, whose ``Paper`` is what a careful analyst would
type from the printed page: statuses shown by blocks of colour in unruled tables,
recommendation cells spanning their actions in tables ruled by six kinds of drawing,
and a page break inside a recommendation's rows in every PDF. One test case per paper
and field, so one paper's failure hides nothing of another's.
"""
from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from conftest import ROOT, run_file
from papercases import assert_field, document_expected, document_field, expected_rows, field_names, plan_of
from samplegen.family_writer import RULES, SWATCHES
from samplegen.layout12_writer import BUILDERS12, word_file
from samplegen.layouts12 import LAYOUTS12, Layout12

FIXTURES = ROOT / "tests" / "fixtures" / "layouts12"
FIELDS = ("recommendation_number", "recommendation_text", "action_number", "action_number_inferred",
          "action_text", "lead_officer_raw", "lead_officers", "rag_raw", "rag", "page", "warnings")
DOCUMENT_FIELDS = ("title", "document_date", "plan_as_at")

CASES = [(layout, fmt) for layout in LAYOUTS12 for fmt in layout.paper.formats]


def _id(layout: Layout12, fmt: str) -> str:
    return f"{layout.paper.stem}.{fmt}"


def _path(layout: Layout12, fmt: str) -> Path:
    return FIXTURES / f"{layout.paper.stem}.{fmt}"



FIELD_CASES = [(layout, fmt, field) for layout, fmt in CASES
               for field in field_names(layout.paper, FIELDS)]
DOCUMENT_CASES = [(layout, fmt, field) for layout, fmt in CASES for field in DOCUMENT_FIELDS]


def test_the_papers_cover_each_case() -> None:
    drawn = [layout.drawing for layout in LAYOUTS12 if layout.builder == "drawn_pdf"]
    assert {d.rules for d in drawn if d.rules} == set(RULES), "every way of drawing rules"
    colour = [d for d in drawn if not d.rules]
    assert {d.swatch for d in colour} == set(SWATCHES) and len({d.key_across for d in colour}) == 2
    assert any(layout.look is not None and layout.paper.plan is not None and "rag" in layout.look.columns
               and layout.paper.plan.headers[layout.look.columns.index("rag")] == "" for layout in LAYOUTS12)
    assert all(layout.drawing.cut for layout in LAYOUTS12), "a page break inside a recommendation's rows, each"
    assert {fmt for layout in LAYOUTS12 if layout.builder != "drawn_pdf" for fmt in layout.paper.formats} == {
        "docx", "pdf"}


@pytest.mark.parametrize("layout,fmt", CASES, ids=[_id(*c) for c in CASES])
def test_fixture_is_built(layout: Layout12, fmt: str) -> None:
    assert _path(layout, fmt).is_file(), (
        f"{_path(layout, fmt).name} missing: run python -m samplegen.layouts12 tests/fixtures/layouts12")


@pytest.mark.parametrize("layout,fmt", CASES, ids=[_id(*c) for c in CASES])
def test_document_row(layout: Layout12, fmt: str) -> None:
    doc = run_file(_path(layout, fmt)).documents[0]
    assert (doc.status, doc.format, doc.actions) == document_expected(layout.paper, fmt), doc.message


@pytest.mark.parametrize("layout,fmt,field", DOCUMENT_CASES,
                         ids=[f"{_id(lay, fmt)}-{f}" for lay, fmt, f in DOCUMENT_CASES])
def test_document_field(layout: Layout12, fmt: str, field: str) -> None:
    assert getattr(run_file(_path(layout, fmt)).documents[0], field) == document_field(layout.paper, field)


@pytest.mark.parametrize("layout,fmt", CASES, ids=[_id(*c) for c in CASES])
def test_oneplan_of(layout: Layout12, fmt: str) -> None:
    """The plan is one plan across its page break, and a colour key is none."""
    from actionplans.extract import document_to_extraction
    from actionplans.ingest import read_document

    path = _path(layout, fmt)
    plans = [v for v in document_to_extraction(read_document(path, path.name)).tables if v.plan]
    pages = {layout.pages[0], layout.pages[-1]} if fmt == "pdf" else {None}
    want = "" if fmt == "docx" else "-".join(str(p) for p in sorted(p for p in pages if p is not None))
    assert [v.pages for v in plans] == [want]


@pytest.mark.parametrize("layout,fmt", CASES, ids=[_id(*c) for c in CASES])
def test_action_numbers(layout: Layout12, fmt: str) -> None:
    rows = run_file(_path(layout, fmt)).actions
    assert layout.paper.plan is not None
    assert [r.action_number for r in rows] == [a.number for a in layout.paper.plan.actions]


@pytest.mark.parametrize("layout,fmt,field", FIELD_CASES, ids=[f"{_id(lay, fmt)}-{f}" for lay, fmt, f in FIELD_CASES])
def test_field(layout: Layout12, fmt: str, field: str) -> None:
    rows = run_file(_path(layout, fmt)).actions
    assert_field(rows, expected_rows(layout.paper, layout.pages, fmt), field)


@pytest.mark.parametrize("layout,fmt", CASES, ids=[_id(*c) for c in CASES])
def test_no_column_the_paper_does_not_print(layout: Layout12, fmt: str) -> None:
    allowed = set(plan_of(layout.paper).extra_columns)
    rows = run_file(_path(layout, fmt)).actions
    stray = sorted({name for row in rows for name, value in row.extras.items() if value and name not in allowed})
    assert not stray, f"columns not in the plan: {stray}"


@pytest.mark.parametrize("layout", LAYOUTS12, ids=[lay.key for lay in LAYOUTS12])
def test_the_page_break_falls_inside_the_recommendation(layout: Layout12) -> None:
    """What the paper is for (item 4): its cut recommendation's actions are on two pages."""
    assert layout.paper.plan is not None
    pages = dict(zip((a.number for a in layout.paper.plan.actions), layout.pages, strict=True))
    rec = next(r for r in layout.paper.plan.recommendations if r.number == layout.drawing.cut)
    assert len({pages[a.number] for a in rec.actions}) == 2


REBUILT = [layout for layout in LAYOUTS12 if layout.builder == "drawn_pdf"]


@pytest.mark.parametrize("layout", REBUILT, ids=[lay.key for lay in REBUILT])
def test_fixture_matches_its_description(layout: Layout12, tmp_path: Path) -> None:
    import pdfplumber

    stale = f"rebuild with python -m samplegen.layouts12 tests/fixtures/layouts12 {layout.key}"
    for built in BUILDERS12[layout.builder](layout, tmp_path):
        if built.read_bytes() == (FIXTURES / built.name).read_bytes():
            continue  # reportlab's invariant mode: same version, same bytes
        with pdfplumber.open(built) as a, pdfplumber.open(FIXTURES / built.name) as b:
            assert [p.extract_text() for p in a.pages] == [p.extract_text() for p in b.pages], (
                f"{built.name} is stale: {stale}")
            assert [len(p.rects) + len(p.lines) for p in a.pages] == [len(p.rects) + len(p.lines) for p in b.pages], (
                f"{built.name} is stale: {stale}")


@pytest.mark.parametrize("layout", [lay for lay in LAYOUTS12 if "docx" in lay.paper.formats],
                         ids=[lay.key for lay in LAYOUTS12 if "docx" in lay.paper.formats])
def test_word_file_matches_its_description(layout: Layout12, tmp_path: Path) -> None:

    built = word_file(layout, tmp_path)
    committed = FIXTURES / built.name
    with zipfile.ZipFile(built) as a, zipfile.ZipFile(committed) as b:
        assert {n: a.read(n) for n in a.namelist()} == {n: b.read(n) for n in b.namelist()}, (
            f"{committed.name} is stale: rebuild with python -m samplegen.layouts12 tests/fixtures/layouts12 "
            f"{layout.key}")
