"""Test papers for every layout councils publish (issue 3), field by field.

Each paper in ``tests/fixtures/layouts/`` was built by ``python -m samplegen.layouts``
from a ``samplegen.layouts.Layout``, whose ``Paper`` is what a careful analyst would
type from the printed page: that is the expectation here, one test case per paper and
field, so one layout's failure hides nothing of another's.
"""
from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from conftest import ROOT, run_file
from papercases import assert_field, document_expected, field_names, inferred, missing_warnings, plan_of
from samplegen.layouts import LAYOUTS, Layout
from samplegen.spec import Action, Paper

FIXTURES = ROOT / "tests" / "fixtures" / "layouts"
FIELDS = ("recommendation_number", "recommendation_text", "action_number", "action_number_inferred",
          "action_text", "lead_officer_raw", "lead_officers", "rag_raw", "rag")

CASES = [(layout, fmt) for layout in LAYOUTS for fmt in layout.paper.formats]
PLAN_CASES = [(layout, fmt) for layout, fmt in CASES if layout.paper.plan is not None]


def _id(layout: Layout, fmt: str) -> str:
    return f"{layout.paper.stem}.{fmt}"


def _path(layout: Layout, fmt: str) -> Path:
    return FIXTURES / f"{layout.paper.stem}.{fmt}"



def _expected(paper: Paper) -> list[tuple[str, str, Action]]:
    """(recommendation number, recommendation text, action) for each action, in order."""
    assert paper.plan is not None
    return [(rec.number, rec.text, a) for rec in paper.plan.recommendations for a in rec.actions]


FIELD_CASES = [(layout, fmt, field) for layout, fmt in PLAN_CASES
               for field in field_names(layout.paper, FIELDS)]


@pytest.mark.parametrize("layout,fmt", CASES, ids=[_id(*c) for c in CASES])
def test_fixture_is_built(layout: Layout, fmt: str) -> None:
    assert _path(layout, fmt).is_file(), (
        f"{_path(layout, fmt).name} missing: run python -m samplegen.layouts tests/fixtures/layouts")


@pytest.mark.parametrize("layout,fmt", CASES, ids=[_id(*c) for c in CASES])
def test_document_row(layout: Layout, fmt: str) -> None:
    paper = layout.paper
    doc = run_file(_path(layout, fmt)).documents[0]
    assert (doc.status, doc.format, doc.actions) == document_expected(paper, fmt)
    if paper.status == "error":
        assert doc.message == paper.message


@pytest.mark.parametrize("layout,fmt", PLAN_CASES, ids=[_id(*c) for c in PLAN_CASES])
def test_action_count(layout: Layout, fmt: str) -> None:
    rows = run_file(_path(layout, fmt)).actions
    assert layout.paper.plan is not None
    want = [a.number for a in layout.paper.plan.actions]
    assert [r.action_number for r in rows] == want


@pytest.mark.parametrize("layout,fmt,field", FIELD_CASES, ids=[f"{_id(lay, fmt)}-{f}" for lay, fmt, f in FIELD_CASES])
def test_field(layout: Layout, fmt: str, field: str) -> None:
    rows = run_file(_path(layout, fmt)).actions
    assert_field(rows, plan_of(layout.paper).expected_rows(), field)


@pytest.mark.parametrize("layout,fmt", PLAN_CASES, ids=[_id(*c) for c in PLAN_CASES])
def test_warnings_name_the_doubt(layout: Layout, fmt: str) -> None:
    rows = run_file(_path(layout, fmt)).actions
    expected = _expected(layout.paper)
    assert len(rows) == len(expected), f"{len(rows)} actions extracted, {len(expected)} in the plan"
    wrong = [f"action {a.number}: {w!r} not in {row.warnings!r}"
             for row, (_, _, a) in zip(rows, expected, strict=True) for w in missing_warnings(row, a.warnings)]
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("layout,fmt", PLAN_CASES, ids=[_id(*c) for c in PLAN_CASES])
def test_numbers_are_inferred_only_where_the_paper_lost_them(layout: Layout, fmt: str) -> None:
    """A printed number, in whatever column or label, is read, not guessed from order:
    guessing gives the same numbers where a plan runs 1, 2, 3, so only the warning tells."""
    assert layout.paper.plan is not None
    rows = iter(run_file(_path(layout, fmt)).actions)
    wrong = []
    for rec in layout.paper.plan.recommendations:
        for a in rec.actions:
            row = next(rows)
            got = inferred(row)
            if got != (not rec.number_printed, a.inferred):
                wrong.append(f"action {a.number}: inferred (rec, action) {got}")
    assert not wrong, "\n".join(wrong)


# The committed files against the script: papers that need no LibreOffice are rebuilt.
REBUILT = [layout for layout in LAYOUTS if layout.builder != "docx" or "docx" in layout.paper.formats]


@pytest.mark.parametrize("layout", REBUILT, ids=[lay.paper.stem for lay in REBUILT])
def test_fixture_matches_its_description(layout: Layout, tmp_path: Path) -> None:
    from samplegen import layout_files, layout_writer

    if layout.builder == "docx":
        assert layout.look is not None
        built = tmp_path / f"{layout.paper.stem}.docx"
        layout_writer.layout_to_docx(layout.paper, layout.look, built)
        committed = _path(layout, "docx")
        with zipfile.ZipFile(built) as a, zipfile.ZipFile(committed) as b:
            assert {n: a.read(n) for n in a.namelist()} == {n: b.read(n) for n in b.namelist()}, (
                f"{committed.name} is stale: rebuild with python -m samplegen.layouts tests/fixtures/layouts")
        return
    import pdfplumber

    built_pdfs = layout_files.BUILDERS[layout.builder](layout, tmp_path)
    for built in built_pdfs:
        if built.read_bytes() == (FIXTURES / built.name).read_bytes():
            continue  # reportlab's invariant mode: same version, same bytes
        with pdfplumber.open(built) as a, pdfplumber.open(FIXTURES / built.name) as b:
            assert [p.extract_text() for p in a.pages] == [p.extract_text() for p in b.pages], (
                f"{built.name} is stale: rebuild with python -m samplegen.layouts tests/fixtures/layouts")
