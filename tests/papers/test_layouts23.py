"""Test papers for issue 23 (tables as a reader sees them), field by field.

Each paper in ``tests/fixtures/layouts23/`` was built by ``python -m samplegen.layouts23``
from a ``samplegen.layouts23.Layout23``, whose ``Paper`` is what a careful analyst would
type from the printed page: unruled tables printed in pieces over page breaks (header
repeated or printed once), groups as full-width banner rows (shaded or bold), a header
printed as a dark band of wrapped white words, and rows split by a page break. One test
case per paper and field, so one paper's failure hides nothing of another's.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from actionplans.extract.records import WarningCode, WarningItem
from conftest import ROOT, run_file
from papercases import assert_field, codes, expected_rows, field_names
from samplegen.layouts23 import BUILDERS23, LAYOUTS23, SHARED_PROGRESS, Layout23

FIXTURES = ROOT / "tests" / "fixtures" / "layouts23"
FIELDS = ("recommendation_number", "recommendation_text", "action_number", "action_number_inferred",
          "action_text", "lead_officer_raw", "lead_officers", "rag_raw", "rag", "page")


def _path(layout: Layout23) -> Path:
    return FIXTURES / f"{layout.paper.stem}.pdf"


FIELD_CASES = [(layout, field) for layout in LAYOUTS23 for field in field_names(layout.paper, FIELDS)]


def test_the_papers_cover_each_case() -> None:
    sheets = [layout.sheet for layout in LAYOUTS23]
    assert {s.banners for s in sheets} >= {"shaded", "bold", ""}
    assert {s.repeat for s in sheets} == {True, False}
    assert any(s.band and s.middle and any("\n" in h for h in s.header_lines) for s in sheets)
    assert any(not s.band and s.middle and any("\n" in h for h in s.header_lines) for s in sheets)
    assert any(s.split_rows for s in sheets)
    assert {s.swatch for s in sheets if s.swatch} >= {7, 20} and any(s.swatch_drop for s in sheets)
    assert any(s.rules == "grid" and s.middle for s in sheets)
    assert {s.rules for s in sheets} == {"", "grid", "rows"}, "rules under groups only, under every row, none"
    assert all(len(set(layout.pages)) >= 2 for layout in LAYOUTS23), "every paper runs over a page break"


@pytest.mark.parametrize("layout", LAYOUTS23, ids=[lay.key for lay in LAYOUTS23])
def test_document_row(layout: Layout23) -> None:
    doc = run_file(_path(layout)).documents[0]
    assert layout.paper.plan is not None
    assert (doc.status, doc.actions) == ("ok", len(layout.paper.plan.actions)), doc.message


@pytest.mark.parametrize("layout", LAYOUTS23, ids=[lay.key for lay in LAYOUTS23])
def test_one_plan_over_every_page(layout: Layout23) -> None:
    from actionplans.extract import document_to_extraction
    from actionplans.ingest import read_document

    path = _path(layout)
    plans = [v for v in document_to_extraction(read_document(path, path.name)).tables if v.plan]
    assert [v.pages for v in plans] == [f"{layout.pages[0]}-{layout.pages[-1]}"]


@pytest.mark.parametrize("layout,field", FIELD_CASES, ids=[f"{lay.key}-{f}" for lay, f in FIELD_CASES])
def test_field(layout: Layout23, field: str) -> None:
    rows = run_file(_path(layout)).actions
    assert_field(rows, expected_rows(layout.paper, layout.pages, "pdf"), field)


def test_a_row_is_split_by_the_break() -> None:
    """What the tall-rows paper is for: a row's text runs on over a page break."""
    import pdfplumber

    layout = next(lay for lay in LAYOUTS23 if lay.sheet.split_rows)
    with pdfplumber.open(_path(layout)) as pdf:
        first = pdf.pages[1].extract_text().split("\n")
    assert first[0] == " ".join(layout.paper.plan.headers) if layout.paper.plan else False
    assert first[1][:1].islower(), "the page opens with the rest of a row cut by the break"


@pytest.mark.parametrize("layout", LAYOUTS23, ids=[lay.key for lay in LAYOUTS23])
def test_fixture_matches_its_description(layout: Layout23, tmp_path: Path) -> None:
    for built in BUILDERS23[layout.builder](layout, tmp_path):
        assert built.read_bytes() == (FIXTURES / built.name).read_bytes(), (
            f"{built.name} is stale: rebuild with python -m samplegen.layouts23 tests/fixtures/layouts23 {layout.key}")


def _cells_paper() -> Layout23:
    return next(lay for lay in LAYOUTS23 if lay.key.startswith("m1_"))


def test_a_narrative_beside_several_actions_is_each_ones_with_a_warning() -> None:
    """Item 7: a progress cell of one paragraph beside three bulleted actions is not cut
    into line fragments: each action gets all of it, and says so."""
    rows = run_file(_path(_cells_paper())).actions
    shared = [r for r in rows if r.action_number in ("3", "4", "5")]
    assert len(shared) == 3
    assert {r.extras["progress"] for r in shared} == {SHARED_PROGRESS}
    kept = WarningItem(WarningCode.CELL_NOT_SPLIT, "progress cell shared by 3 actions could not be split; whole cell kept")
    assert all(kept in r.warnings for r in shared)


def test_paragraphs_split_only_on_evidence() -> None:
    """Item 4: two plain paragraphs beside one officer are one action; beside two
    officers, two dates and two notes, two actions; no row is told it was split."""
    rows = run_file(_path(_cells_paper())).actions
    by_number = {r.action_number: r for r in rows}
    assert by_number["1"].action_text.endswith("with the council as managing agent.")
    assert by_number["8"].action_text.startswith("Cabinet will decide") and "tenants' association" in \
        by_number["8"].action_text
    assert (by_number["6"].lead_officer_raw, by_number["7"].lead_officer_raw) == (
        "Communications Manager", "Customer Services Manager")
    assert not any(codes(by_number[n]) & {WarningCode.CELL_NOT_SPLIT, WarningCode.LEAD_NOT_SPLIT}
                   for n in ("1", "2", "6", "7", "8"))


def test_a_repeated_header_is_the_same_however_it_wraps() -> None:
    """A continuation's header joins the plan where it prints the same words, spaced or
    wrapped otherwise; a header of other words does not."""
    from actionplans.extract.tables import same_header

    printed = ("No.", "Action", "Lead officer", "Target date")
    assert same_header(printed, ("No.", "Action", "Lead\nofficer", "Target  date"))
    assert same_header(printed, ("No.", "Action", "Leadofficer", "Tar-\nget date"))
    assert not same_header(printed, ("No.", "Action", "Lead", "Target date"))
    assert not same_header(printed, printed[:3])
