"""Issue 23 items 5 and 6: status swatches and group cells given to rows by where they sit,
field by field.

Each paper in ``tests/fixtures/extents/`` was built by ``python -m samplegen.extents`` from
a ``samplegen.extents.Extent``, whose ``Paper`` is the expectation: three council plans
(Ofsted, internal audit, equality), each printed with no rules, a rule round every cell,
its action columns ruled every row beside group cells spanning their rows, or that last
ruled across only (a rule under a group's last row alone in its column); the status
shown by a small square at the row's first line, a square in the row's middle, or the
cell filled whole; rows of one to six lines, cells of different heights side by side.
One test case per paper and field, so one paper's failure hides nothing of another's.
"""
from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import pytest

from conftest import ROOT, run_file
from papercases import assert_field, expected_rows, field_names
from samplegen.extents import BUILDERS, EXTENTS, RULES, SWATCHES, WIDTHS, Extent, lines_of

FIXTURES = ROOT / "tests" / "fixtures" / "extents"
FIELDS = ("recommendation_number", "recommendation_text", "action_number", "action_number_inferred",
          "action_text", "lead_officer_raw", "lead_officers", "rag_raw", "rag", "page")
FIELD_CASES = [(extent, field) for extent in EXTENTS for field in field_names(extent.paper, FIELDS)]
IDS = [extent.key for extent in EXTENTS]


def _path(extent: Extent) -> Path:
    return FIXTURES / f"{extent.paper.stem}.pdf"


@functools.cache
def _run(key: str) -> Any:
    """One run per paper, shared by its field cases (a run is the slow part)."""
    return run_file(_path(next(e for e in EXTENTS if e.key == key)))


def _heights(extent: Extent) -> list[tuple[int, int]]:
    """Each row's action and progress cells' line counts, as reportlab sets them."""
    return [(lines_of(f"{a.number} {a.text}", WIDTHS[1]), lines_of(dict(a.extras)["progress"], WIDTHS[4]))
            for a in extent.paper.plan.actions] if extent.paper.plan else []


def test_the_papers_cover_each_pairing_of_rules_and_swatch() -> None:
    assert {(e.sheet.rules, e.sheet.swatch) for e in EXTENTS} == {(r, s) for r in RULES for s in SWATCHES}
    assert len({e.sheet.swatch_size for e in EXTENTS if e.sheet.swatch != "fill"}) >= 3, "swatches of several sizes"
    groups = [e.sheet for e in EXTENTS if e.sheet.rules == "groups"]
    assert {s.group_middle for s in groups} == {True, False}, "group text at the top of its span and in the middle"


@pytest.mark.parametrize("extent", EXTENTS, ids=IDS)
def test_rows_of_one_to_six_lines_side_by_side(extent: Extent) -> None:
    """What the papers are for: rows whose heights differ, and a tall cell beside a short one."""
    heights = _heights(extent)
    tallest = [max(pair) for pair in heights]
    assert min(tallest) <= 2 and max(tallest) >= 5 and max(tallest) <= 6, heights
    assert any(a >= 4 and p <= 2 for a, p in heights) and any(p >= 4 and a <= 2 for a, p in heights), heights
    assert any(len(r.rows) == 1 for r in extent.paper.plan.recommendations) if extent.paper.plan else False
    assert any(len(r.rows) >= 3 for r in extent.paper.plan.recommendations) if extent.paper.plan else False


@pytest.mark.parametrize("extent", EXTENTS, ids=IDS)
def test_document_row(extent: Extent) -> None:
    doc = _run(extent.key).documents[0]
    assert extent.paper.plan is not None
    assert (doc.status, doc.actions) == ("ok", len(extent.paper.plan.actions)), doc.message


@pytest.mark.parametrize("extent,field", FIELD_CASES, ids=[f"{e.key}-{f}" for e, f in FIELD_CASES])
def test_field(extent: Extent, field: str) -> None:
    assert_field(_run(extent.key).actions, expected_rows(extent.paper, extent.pages, "pdf"), field)


@pytest.mark.parametrize("extent", EXTENTS, ids=IDS)
def test_fixture_matches_its_description(extent: Extent, tmp_path: Path) -> None:
    for built in BUILDERS[extent.builder](extent, tmp_path):
        assert built.read_bytes() == (FIXTURES / built.name).read_bytes(), (
            f"{built.name} is stale: rebuild with python -m samplegen.extents tests/fixtures/extents {extent.key}")
