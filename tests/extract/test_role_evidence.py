"""Plans read from what their columns hold (issue 22, items 1-4 and 7), field by field.

Each paper in ``tests/fixtures/evidence/`` was built by ``python -m samplegen.evidence``
from a ``samplegen.evidence.EvidencePaper``, whose expected rows are what a careful
analyst would type: a register of projects whose columns no vocabulary word names
("Project/Intervention", "Lead Departments", "Timing"), a plan grouped by columns merged
down the rows ("Scope" over "Emissions source"), a section of a plan whose group is the
numbered heading above its table, with sub-heading rows, and an emissions inventory with
an owner column that is no plan. One test case per paper, format and field.

The PDFs are read as a user's run reads them, page filter on (issue 22, item 3): a page
the filter skipped would lose its rows here.
"""
from __future__ import annotations

import pytest

import actionplans
from actionplans.normalise import Tables
from conftest import ROOT, run_file
from samplegen.evidence import PAPERS, EvidencePaper, Expected
from samplegen.spec import Further

FIXTURES = ROOT / "tests" / "fixtures" / "evidence"
FIELDS = ("recommendation_number", "recommendation_text", "action_number", "action_text", "lead_officer_raw",
          "lead_officers", "target_date")
CASES = [(paper, fmt) for paper in PAPERS for fmt in paper.formats]


def _run(paper: EvidencePaper, fmt: str) -> Tables:
    return run_file(FIXTURES / f"{paper.stem}.{fmt}")  # once per file, for every field's case


def _want(expected: Expected, name: str | Further) -> object:
    if isinstance(name, Further):
        return dict(expected.extras).get(name.name, "")
    if name == "lead_officers":
        return tuple(expected.lead_officers)
    if name == "target_date":
        return expected.target_date
    return getattr(expected, name)


def _got(tables: Tables, i: int, name: str | Further) -> object:
    row = tables.actions[i]
    if isinstance(name, Further):
        return row.extras.get(name.name, "")
    if name == "target_date":
        return row.extras.get("target_date", "")
    return getattr(row, name)


@pytest.mark.parametrize("paper,fmt", CASES, ids=[f"{p.stem}.{f}" for p, f in CASES])
def test_status_and_action_count(paper: EvidencePaper, fmt: str) -> None:
    tables = _run(paper, fmt)
    doc = tables.documents[0]
    assert (doc.status, doc.actions) == ("ok" if paper.expected else "no_plan", len(paper.expected))


FIELD_CASES = [(paper, fmt, name) for paper, fmt in CASES if paper.expected
               for name in (*FIELDS, *(Further(k) for k in sorted({k for e in paper.expected for k, _ in e.extras})))]


@pytest.mark.parametrize("paper,fmt,name", FIELD_CASES, ids=[f"{p.stem}.{f}-{n}" for p, f, n in FIELD_CASES])
def test_field(paper: EvidencePaper, fmt: str, name: str | Further) -> None:
    tables = _run(paper, fmt)
    assert len(tables.actions) == len(paper.expected)
    assert [_got(tables, i, name) for i in range(len(tables.actions))] == [_want(e, name) for e in paper.expected]


def test_no_vocabulary_word_names_the_register_s_action_or_lead_column() -> None:
    """The register is read by the evidence, not by a word added for it."""
    vocabulary = actionplans.Settings().extract.headers.vocabulary
    register = PAPERS[0]
    for header in register.header:
        assert vocabulary.role_match(header.lower()) is None, header

