"""The seed samples against the data they were built from, field by field.

``samplegen`` describes each paper once; the same description built the .docx and the
PDF LibreOffice made from it, so it is the expectation for both.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import SAMPLES, run_file
from papercases import missing_warnings, wanted
from samplegen import narrative, seed001, seed004
from samplegen.spec import Action, Paper

PLANS = [seed004.PAPER, seed001.PAPER]
PLAN_FILES = [(p, fmt) for p in PLANS for fmt in p.formats]
FIELDS = ("recommendation_number", "recommendation_text", "action_number", "action_number_inferred",
          "action_text", "lead_officer_raw", "lead_officers", "rag_raw", "rag")


def _expected(paper: Paper) -> list[tuple[str, Action]]:
    assert paper.plan is not None
    return [(rec.number if rec.number_printed or True else "", a)
            for rec in paper.plan.recommendations for a in rec.actions]


def _recs(paper: Paper) -> dict[str, str]:
    assert paper.plan is not None
    return {a.number: rec.text for rec in paper.plan.recommendations for a in rec.actions}


def _value(paper: Paper, rec_number: str, a: Action, field: str) -> object:
    return wanted(a, a.expected(rec_number, _recs(paper)[a.number]), field)


def _path(paper: Paper, fmt: str) -> Path:
    return SAMPLES / f"{paper.stem}.{fmt}"


@pytest.mark.parametrize("paper,fmt", PLAN_FILES, ids=[f"{p.stem}.{f}" for p, f in PLAN_FILES])
def test_action_count(paper: Paper, fmt: str) -> None:
    tables = run_file(_path(paper, fmt))
    assert len(tables.actions) == len(paper.plan.actions) == 43


@pytest.mark.parametrize("field", FIELDS)
@pytest.mark.parametrize("paper,fmt", PLAN_FILES, ids=[f"{p.stem}.{f}" for p, f in PLAN_FILES])
def test_field(paper: Paper, fmt: str, field: str) -> None:
    rows = run_file(_path(paper, fmt)).actions
    expected = _expected(paper)
    got = [getattr(r, field) for r in rows]
    want = [a.pdf_text if fmt == "pdf" and field == "action_text" and a.pdf_text else _value(paper, rec, a, field)
            for rec, a in expected]
    assert len(rows) == len(expected)
    wrong = [f"action {a.number}: got {g!r}, want {w!r}"
             for (_, a), g, w in zip(expected, got, want, strict=True) if g != w]
    assert not wrong, f"{len(wrong)} wrong:\n" + "\n".join(wrong)


@pytest.mark.parametrize("paper,fmt", PLAN_FILES, ids=[f"{p.stem}.{f}" for p, f in PLAN_FILES])
def test_warnings_name_the_doubt(paper: Paper, fmt: str) -> None:
    rows = run_file(_path(paper, fmt)).actions
    wrong = []
    for row, action in zip(rows, paper.plan.actions, strict=False):
        wrong += [f"action {action.number}: {w!r} not in {row.warnings!r}"
                  for w in missing_warnings(row, action.warnings)]
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("paper,fmt", PLAN_FILES, ids=[f"{p.stem}.{f}" for p, f in PLAN_FILES])
def test_document_row(paper: Paper, fmt: str) -> None:
    doc = run_file(_path(paper, fmt)).documents[0]
    assert (doc.status, doc.title, doc.document_date, doc.plan_as_at, doc.format) == (
        "ok", paper.title, paper.document_date, paper.plan.as_at, fmt)
    assert doc.actions == 43


NARRATIVE = [(p, fmt) for p in narrative.PAPERS for fmt in p.formats]


@pytest.mark.parametrize("paper,fmt", NARRATIVE, ids=[f"{p.stem}.{f}" for p, f in NARRATIVE])
def test_narrative_paper_has_no_plan(paper: Paper, fmt: str) -> None:
    tables = run_file(_path(paper, fmt))
    doc = tables.documents[0]
    assert tables.actions == []
    assert (doc.status, doc.title, doc.document_date, doc.actions) == ("no_plan", paper.title, paper.document_date, 0)


def test_pdf_pages_point_at_the_action() -> None:
    rows = run_file(_path(seed004.PAPER, "pdf")).actions
    pages = [r.page for r in rows]
    assert pages == sorted(pages) and pages[0] >= 2 and len(set(pages)) >= 3
    assert all(r.page is None for r in run_file(_path(seed004.PAPER, "docx")).actions)
