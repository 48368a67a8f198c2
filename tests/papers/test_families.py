"""Test papers for each family of plan (issue 16, item 7), field by field.

Each paper in ``tests/fixtures/families/`` was built by ``python -m samplegen.families``
from a ``samplegen.families.Family``, whose ``Paper`` is what a careful analyst would type
from the printed page: an audit tracker, a scrutiny tracker, an equality action plan, two
delivery plans, a SEND written statement of action, a CQC improvement plan, a peer
challenge and a governance statement action plan, in Word and PDF, ruled and unruled.
One test case per paper and field, so one family's failure hides nothing of another's.
"""
from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from actionplans.extract.records import WarningCode, WarningItem
from actionplans.normalise.rows import ActionRow
from conftest import ROOT, run_file
from papercases import (
    assert_field,
    document_expected,
    document_field,
    expected_rows,
    field_names,
    inferred,
    missing_warnings,
    plan_of,
)
from samplegen.families import FAMILIES, FAMILY_BUILDERS, Family

FIXTURES = ROOT / "tests" / "fixtures" / "families"
FIELDS = ("recommendation_number", "recommendation_text", "action_number", "action_number_inferred",
          "action_text", "lead_officer_raw", "lead_officers", "rag_raw", "rag", "page")
DOCUMENT_FIELDS = ("title", "document_date", "plan_as_at")

CASES = [(family, fmt) for family in FAMILIES for fmt in family.paper.formats]


def _id(family: Family, fmt: str) -> str:
    return f"{family.paper.stem}.{fmt}"


def _path(family: Family, fmt: str) -> Path:
    return FIXTURES / f"{family.paper.stem}.{fmt}"



FIELD_CASES = [(family, fmt, field) for family, fmt in CASES
               for field in field_names(family.paper, FIELDS)]
DOCUMENT_CASES = [(family, fmt, field) for family, fmt in CASES for field in DOCUMENT_FIELDS]


def test_the_papers_cover_every_family_in_word_and_pdf_ruled_and_unruled() -> None:
    families = {f.family for f in FAMILIES}
    assert len(families) == len(FAMILIES) >= 6
    assert sum(1 for f in FAMILIES if set(f.paper.formats) == {"docx", "pdf"}) >= 3
    assert sum(1 for f in FAMILIES if f.builder == "family_unruled_pdf") >= 2


@pytest.mark.parametrize("family,fmt", CASES, ids=[_id(*c) for c in CASES])
def test_fixture_is_built(family: Family, fmt: str) -> None:
    assert _path(family, fmt).is_file(), (
        f"{_path(family, fmt).name} missing: run python -m samplegen.families tests/fixtures/families")


@pytest.mark.parametrize("family,fmt", CASES, ids=[_id(*c) for c in CASES])
def test_document_row(family: Family, fmt: str) -> None:
    doc = run_file(_path(family, fmt)).documents[0]
    assert (doc.status, doc.format, doc.actions) == document_expected(family.paper, fmt), doc.message


@pytest.mark.parametrize("family,fmt,field", DOCUMENT_CASES,
                         ids=[f"{_id(fam, fmt)}-{f}" for fam, fmt, f in DOCUMENT_CASES])
def test_document_field(family: Family, fmt: str, field: str) -> None:
    assert getattr(run_file(_path(family, fmt)).documents[0], field) == document_field(family.paper, field)


@pytest.mark.parametrize("family,fmt", CASES, ids=[_id(*c) for c in CASES])
def test_action_count(family: Family, fmt: str) -> None:
    rows = run_file(_path(family, fmt)).actions
    assert family.paper.plan is not None
    assert [r.action_number for r in rows] == [a.number for a in family.paper.plan.actions]


@pytest.mark.parametrize("family,fmt,field", FIELD_CASES, ids=[f"{_id(fam, fmt)}-{f}" for fam, fmt, f in FIELD_CASES])
def test_field(family: Family, fmt: str, field: str) -> None:
    rows = run_file(_path(family, fmt)).actions
    assert_field(rows, expected_rows(family.paper, family.pages, fmt), field)


@pytest.mark.parametrize("family,fmt", CASES, ids=[_id(*c) for c in CASES])
def test_no_column_the_paper_does_not_print(family: Family, fmt: str) -> None:
    """Every further column read is one the plan prints: a group heading, a theme row or
    a glossary is not a column of the plan."""
    allowed = set(plan_of(family.paper).extra_columns)
    rows = run_file(_path(family, fmt)).actions
    stray = sorted({name for row in rows for name, value in row.extras.items() if value and name not in allowed})
    assert not stray, f"columns not in the plan: {stray}"


@pytest.mark.parametrize("family,fmt", CASES, ids=[_id(*c) for c in CASES])
def test_warnings_name_the_doubt(family: Family, fmt: str) -> None:
    rows = run_file(_path(family, fmt)).actions
    expected = expected_rows(family.paper, family.pages, fmt)
    assert len(rows) == len(expected), f"{len(rows)} actions extracted, {len(expected)} in the plan"
    wrong = [f"action {a.number}: {w!r} not in {row.warnings!r}"
             for row, (a, _) in zip(rows, expected, strict=True) for w in missing_warnings(row, a.warnings)]
    wrong += [f"action {a.number}: unexpected warning {w!r}"
              for row, (a, _) in zip(rows, expected, strict=True) for w in _unexpected(row, a.warnings)]
    assert not wrong, "\n".join(wrong)


def _unexpected(row: ActionRow, expected: tuple[str, ...]) -> list[WarningItem]:
    """A row's warnings that no doubt of the paper's explains: each must be a status not
    rated that quotes what the spec expects, or say a number was inferred (the next test
    checks those)."""
    return [w for w in row.warnings if w.code not in (WarningCode.RECOMMENDATION_INFERRED, WarningCode.ACTION_INFERRED)
            and not (w.code == WarningCode.STATUS_UNREAD and any(f in w.message for f in expected))]


@pytest.mark.parametrize("family,fmt", CASES, ids=[_id(*c) for c in CASES])
def test_numbers_are_inferred_only_where_the_paper_lost_them(family: Family, fmt: str) -> None:
    """A printed number ("R1", "A.3", "2.1(b)", "Priority 2") is read, not guessed from
    order; a plan that prints none is numbered in order, and its rows say so."""
    assert family.paper.plan is not None
    rows = run_file(_path(family, fmt)).actions
    expected = [(rec, a) for rec in family.paper.plan.recommendations for a in rec.actions]
    assert len(rows) == len(expected), f"{len(rows)} actions extracted, {len(expected)} in the plan"
    wrong = []
    for row, (rec, a) in zip(rows, expected, strict=True):
        got = inferred(row)
        if got != (not rec.number_printed, a.inferred):
            wrong.append(f"action {a.number}: inferred (rec, action) {got}")
    assert not wrong, "\n".join(wrong)


# The committed files against the script: papers that need no LibreOffice are rebuilt.
REBUILT = [family for family in FAMILIES if family.builder != "docx" or "docx" in family.paper.formats]


@pytest.mark.parametrize("family", REBUILT, ids=[fam.paper.stem for fam in REBUILT])
def test_fixture_matches_its_description(family: Family, tmp_path: Path) -> None:
    from samplegen import layout_writer

    stale = f"rebuild with python -m samplegen.families tests/fixtures/families {family.key}"
    if family.builder == "docx":
        assert family.look is not None
        built = tmp_path / f"{family.paper.stem}.docx"
        layout_writer.layout_to_docx(family.paper, family.look, built)
        committed = _path(family, "docx")
        with zipfile.ZipFile(built) as a, zipfile.ZipFile(committed) as b:
            assert {n: a.read(n) for n in a.namelist()} == {n: b.read(n) for n in b.namelist()}, (
                f"{committed.name} is stale: {stale}")
        return
    import pdfplumber

    for built in FAMILY_BUILDERS[family.builder](family, tmp_path):
        if built.read_bytes() == (FIXTURES / built.name).read_bytes():
            continue  # reportlab's invariant mode: same version, same bytes
        with pdfplumber.open(built) as a, pdfplumber.open(FIXTURES / built.name) as b:
            assert [p.extract_text() for p in a.pages] == [p.extract_text() for p in b.pages], (
                f"{built.name} is stale: {stale}")
