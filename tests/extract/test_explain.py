"""``actionplans explain`` shows the evidence, and every paper without a plan says why.

explain analyses every page (no first pass), gives a verdict for every table, decoys and
one-column boxes included, and for a PDF says which pages a normal run's first pass
would leave to their text alone, and why. ``documents.csv``'s message for a ``no_plan``
paper is never empty: pages skimmed, and tables counted per reason.
"""
from __future__ import annotations

from pathlib import Path

import docx
import pytest

import actionplans
from actionplans.explain import Explanation, explain_paper, explanation_to_text
from actionplans.extract.records import HeaderCell, TableVerdict
from actionplans.normalise import no_plan_reason
from bench.synth import filler_pdf
from conftest import SAMPLES
from samplegen.textplans import build

TABLES = (  # two tables without an action column, a risk register and a box of text
    (("Service", "Budget £000", "Forecast £000"), ("Libraries", "1,200", "1,150")),
    (("Indicator", "Target", "Actual"), ("Households in temporary housing", "120", "134")),
    (("Risk", "Action", "Likelihood", "Impact", "Lead officer"),
     ("Loss of data centre", "Move the servers to the cloud provider by spring", "2", "4", "Head of ICT"),
     ("Contractor failure", "Hold a second approved supplier for every major contract", "3", "3",
      "Head of Procurement")),
    (("This report was published by the Policy Team on 12 May 2025.",),),
)


def _tables_docx(path: Path) -> Path:
    document = docx.Document()
    document.add_paragraph("Corporate Scrutiny Committee: quarterly report")
    for rows in TABLES:
        table = document.add_table(rows=0, cols=len(rows[0]))
        for row in rows:
            for cell, text in zip(table.add_row().cells, row, strict=True):
                cell.text = text
        document.add_paragraph("")
    document.save(str(path))
    return path


def _message(path: Path) -> tuple[str, str]:
    doc = actionplans.run([path]).documents[0]
    return doc.status, doc.message


def test_a_papers_tables_are_counted_per_reason(tmp_path: Path) -> None:
    status, message = _message(_tables_docx(tmp_path / "report.docx"))
    assert status == "no_plan"
    assert message == ("4 tables, none a plan: 2 with no action column, 1 whose rows are risks, not actions, "
                       "1 one column: a box of text, not rows of actions")


def test_a_pdf_without_tables_says_how_many_pages_were_skimmed(tmp_path: Path) -> None:
    pdf = filler_pdf(tmp_path / "filler.pdf", pages=6)
    assert _message(pdf) == ("no_plan", "6 pages skimmed, no plan's header or rows; no tables analysed, and no "
                                        "plan set out as text")


def test_a_paper_with_no_table_and_no_text_plan_says_so() -> None:
    assert _message(SAMPLES / "002_slac_inspection_minutes.docx") == (
        "no_plan", "no tables, and no plan set out as text")


@pytest.mark.parametrize("fmt", ["docx", "html", "pdf"])
def test_text_under_a_plans_heading_that_is_no_plan_says_why(tmp_path: Path, fmt: str) -> None:
    status, message = _message(build(tmp_path, fmt)["report"])
    assert status == "no_plan"
    assert "naming a plan over text, none a plan: " in message
    assert "1 whose bullets or action lines mostly lack a lead, due date or status line" in message


def test_every_no_plan_message_in_a_run_is_filled(tmp_path: Path) -> None:
    for name in ("000_reading_slac_inspection_webpage.pdf", "002_slac_inspection_minutes.docx",
                 "003_oxfordshire_cabinet_ofsted_item.pdf"):
        (tmp_path / name).write_bytes((SAMPLES / name).read_bytes())
    documents = actionplans.run([tmp_path]).documents
    assert [d.status for d in documents] == ["no_plan"] * 3
    assert all(d.message for d in documents)


def test_reasons_are_counted_most_common_first() -> None:
    verdicts = [TableVerdict("1", [], False, "no action column"), TableVerdict("2", [], False, "no action column"),
                TableVerdict("3", [], False, "rows are money, not actions (columns 'budget', 'forecast')")]
    assert no_plan_reason(verdicts, 12) == ("12 pages skimmed, no plan's header or rows; 3 tables, none a plan: "
                                            "2 with no action column, 1 whose rows are money, not actions")
    assert no_plan_reason(verdicts[:2]) == "2 tables, none with an action column"
    assert no_plan_reason([], 1) == "1 page skimmed, no plan's header or rows; no tables analysed, and no plan " \
                                    "set out as text"


def test_explain_judges_tables_on_pages_the_first_pass_skips(tmp_path: Path) -> None:
    pdf = filler_pdf(tmp_path / "filler.pdf", pages=6)  # a ruled budget table every fifth page
    explanation = explain_paper(pdf)
    tables = [v for v in explanation.verdicts if v.kind == "table"]
    assert tables and all(not v.plan for v in tables)  # the budget tables, analysed though no run would
    assert [(n, analysed) for n, analysed, _ in explanation.pages] == [(n, False) for n in range(1, 7)]
    assert {why for _, _, why in explanation.pages} == {"no line reads as a plan's header, and no rows as a plan's"}
    text = explanation_to_text("filler.pdf", explanation)
    assert "first pass of a normal run: 0 of 6 pages analysed, 6 read as text alone" in text
    assert "  page 1: skipped: no line reads as a plan's header" in text


def test_explain_says_why_each_page_of_a_plan_is_analysed() -> None:
    explanation = explain_paper(SAMPLES / "004_reading_cp_action_plan_2013-08.pdf")
    reasons = dict((n, why) for n, _, why in explanation.pages)
    assert [reasons[n] for n in (3, 4, 5, 6)] == ["a plan's header row"] * 4
    assert reasons[1] == "a short PDF with a plan's header: analysed whole"
    assert sum(v.plan for v in explanation.verdicts) == 1


def test_explain_shows_a_text_plans_verdict(tmp_path: Path) -> None:
    path = build(tmp_path, "docx")["plan"]
    text = explanation_to_text(path.name, explain_paper(path))
    assert "text under the heading 'Climate Emergency Action Plan 2025 to 2027'\n  -> plan written as text: " \
           "8 actions" in text


def test_explain_shows_what_a_columns_cells_hold_where_profiled() -> None:
    # The content profile of each column: its best roles by what the cells hold.
    cell = HeaderCell("Timescale", "target_date", "timescale", 100.0, content={"target_date": 92.0, "lead": 4.0})
    text = explanation_to_text("p.docx", Explanation([TableVerdict("1", [cell], False, "no action column")]))
    assert "'Timescale'" in text and "; cells: target_date 92, lead 4" in text


def test_explain_says_a_role_came_from_the_evidence_where_no_header_word_gave_it() -> None:
    cell = HeaderCell("Lead Departments", "lead", content={"lead": 77.0})
    text = explanation_to_text("p.docx", Explanation([TableVerdict("1", [cell], True, "")]))
    assert "lead (from its header's hints and cells); cells: lead 77" in text
