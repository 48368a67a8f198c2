"""A small run's tables built by hand (two versions of one plan, a failed file, a paper
without a plan), shared by the output tests, and the DataFrames made from them."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pandas as pd

from actionplans.extract.records import WarningCode, WarningItem
from actionplans.normalise import Tables
from actionplans.normalise.glossary import Glossary
from actionplans.normalise.rows import (
    ACTION_COLUMNS,
    PROGRESS_COLUMNS,
    SUMMARY_COLUMNS,
    ActionRow,
    DocumentRow,
    ProgressRow,
    SummaryRow,
)
from actionplans.output.frames import tables_to_frames
from conftest import SAMPLES, run_file

PLAN = "testshire-2024"
JAN, APR = "plan-jan.docx", "plan-apr.pdf"
FORMULA = '=HYPERLINK("http://example.invalid","click")'
SCRIPT = "<script>alert(1)</script> Review & close"


def _action(source: str, number: str, text: str, rag: str, page: int | None, lead: str = "HoCSC",
            target: str = "") -> ActionRow:
    dated = source == APR
    return ActionRow(
        plan_id=PLAN, action_key=f"{PLAN}/r1/a{number}", source_file=source,
        document_date="2024-05-14" if dated else "", plan_as_at="2024-04-30" if dated else "2024-01-31",
        recommendation_number="1", recommendation_text="Improve the quality of referrals", action_number=number,
        action_number_inferred=False, action_text=text, lead_officer_raw=lead,
        lead_officers=("Zoë O’Neill",) if lead == "HoCSC" else (), rag_raw=rag, rag=rag, page=page,
        warnings=(), extras={"Target date": target})


def _progress(number: str, text: str, jan: str, apr: str, source: str, page: int | None,
              **flags: bool) -> ProgressRow:
    return ProgressRow(
        plan_id=PLAN, action_key=f"{PLAN}/r1/a{number}", recommendation_number="1",
        action_number=number, action_text=text, lead_officers=("Zoë O’Neill",),
        rags={"2024-01-31": jan, "2024-04-30": apr},
        first_seen="2024-01-31" if jan else "2024-04-30", last_seen="2024-04-30" if apr else "2024-01-31",
        latest_rag=apr or jan, slipped=flags.get("slipped", False), stuck_red=flags.get("stuck_red", False),
        new=flags.get("new", False), dropped=flags.get("dropped", False), source_file=source, page=page)


def _summary(source: str, version: str, red: int, amber: int, green: int, changed: int = 0) -> SummaryRow:
    """``changed``: how many actions are new, how many dropped and how many slipped."""
    return SummaryRow(plan_id=PLAN, version=version, plan_as_at=version,
                      document_date="2024-05-14" if source == APR else "", source_file=source, red=red,
                      amber=amber, green=green, blue=0, unrated=0, total=red + amber + green,
                      new=changed, dropped=changed, slipped=changed, copies=())


def make_tables(papers: Path | None = None) -> Tables:
    """The tables of a small run; with ``papers`` (``make_inputs``), each paper found there."""
    actions = [
        _action(JAN, "1", "Audit referrals", "Amber", None), _action(JAN, "2", "Train staff", "Green", None),
        _action(JAN, "3", "Recruit social workers", "Red", None), _action(JAN, "4", SCRIPT, "Amber", None),
        _action(APR, "1", "Audit referrals", "Red", 3, target="-"),
        _action(APR, "2", "Train staff", "Green", 3, target="2024-06-30"),
        _action(APR, "3", "Recruit social workers", "Red", 4, lead="tbc"),
        _action(APR, "5", FORMULA, "Amber", 5, target="@once"),
    ]
    documents = [
        DocumentRow(source_file="broken.pdf", sha256="ab" * 32, format="pdf", pages=None, status="error",
                    message="not a PDF (an HTML page)"),
        DocumentRow(source_file="minutes.docx", sha256="cd" * 32, format="docx", pages=None, status="no_plan",
                    title="Minutes"),
        DocumentRow(source_file=APR, sha256="ef" * 32, format="pdf", pages=6, title="Action plan: April",
                    document_date="2024-05-14", plan_as_at="2024-04-30", actions=4, council="Testshire",
                    plan_id=PLAN, judgement="requires improvement"),
        DocumentRow(source_file=JAN, sha256="01" * 32, format="docx", pages=None, title="Action plan: January",
                    plan_as_at="2024-01-31", actions=4, council="Testshire", plan_id=PLAN),
    ]
    progress = [
        _progress("1", "Audit referrals", "Amber", "Red", APR, 3, slipped=True),
        _progress("2", "Train staff", "Green", "Green", APR, 3),
        _progress("3", "Recruit social workers", "Red", "Red", APR, 4, stuck_red=True),
        _progress("4", SCRIPT, "Amber", "", JAN, None, dropped=True),
        _progress("5", FORMULA, "", "Amber", APR, 5, new=True),
    ]
    summary = [_summary(JAN, "2024-01-31", 1, 2, 1), _summary(APR, "2024-04-30", 2, 1, 1, changed=1)]
    glossary = Glossary()
    glossary.add("HoCSC", "Head of Children’s Social Care")
    glossary.add("DCS", "Director of Children’s Services")
    paths = {d.source_file: papers / d.source_file for d in documents} if papers is not None else {}
    return Tables(actions=actions, documents=documents, extra_columns=["Target date"],
                  glossaries={APR: glossary}, progress=progress, summary=summary, paths=paths)


def make_inputs(folder: Path) -> Path:
    """The papers' folder, with an (empty) file for each source, so links resolve."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in (JAN, APR, "broken.pdf", "minutes.docx"):
        (folder / name).write_bytes(b"")
    return folder


def test_frames_hold_every_table_in_sheet_order() -> None:
    frames = tables_to_frames(make_tables())
    assert list(frames) == ["actions", "progress", "summary", "documents", "abbreviations"]
    assert list(frames["actions"].columns) == list(ACTION_COLUMNS) + ["Target date"]
    assert _pages(frames["actions"]["page"]) == [None, None, None, None, 3, 3, 4, 5]
    assert _pages(frames["progress"]["page"]) == [3, 3, 4, None, 5]  # "" for a Word paper is no page
    assert frames["abbreviations"].values.tolist() == [
        [APR, "HoCSC", "Head of Children’s Social Care"], [APR, "DCS", "Director of Children’s Services"]]


def _pages(column: pd.Series) -> list[int | None]:
    return [None if pd.isna(p) else int(p) for p in column]


TWO_LEADS = ("Zoë O’Neill", "Sam Patel")
TWO_WARNINGS = (WarningItem(WarningCode.ACTION_INFERRED, "action number inferred from order"),
                WarningItem(WarningCode.STATUS_UNREAD, "status 'Amber-Green' names Amber and Green; not rated"))
HIDDEN = (WarningItem(WarningCode.READING, "hidden sheet 'Old' skipped"),
          WarningItem(WarningCode.READING, "sheet 'Plan': 1 hidden row skipped"))


def with_two_leads_and_warnings(tables: Tables) -> Tables:
    """The run's tables with April's action 1 led by two officers and warned twice, its
    progress row led by both, April's paper warned of what its reader left out, and
    January's version published in two more copies."""
    tables.actions[4] = replace(tables.actions[4], lead_officers=TWO_LEADS, warnings=TWO_WARNINGS)
    tables.progress[0] = replace(tables.progress[0], lead_officers=TWO_LEADS)
    tables.documents[2] = replace(tables.documents[2], warnings=HIDDEN)
    tables.summary[0] = replace(tables.summary[0], copies=("plan-jan.pdf", "plan-jan.odt"))
    return tables


def test_officers_and_warnings_are_joined_only_in_the_written_cells() -> None:
    frames = tables_to_frames(with_two_leads_and_warnings(make_tables()))
    actions = frames["actions"]
    assert (actions.loc[4, "lead_officers"], actions.loc[4, "warnings"]) == (
        "Zoë O’Neill; Sam Patel",
        "action number inferred from order; status 'Amber-Green' names Amber and Green; not rated")
    assert (actions.loc[0, "lead_officers"], actions.loc[0, "warnings"]) == ("Zoë O’Neill", "")
    assert actions.loc[6, "lead_officers"] == ""  # "tbc": no one
    assert frames["progress"].loc[0, "lead_officers"] == "Zoë O’Neill; Sam Patel"
    assert frames["documents"].loc[2, "warnings"] == "hidden sheet 'Old' skipped; sheet 'Plan': 1 hidden row skipped"
    assert frames["documents"].loc[0, "warnings"] == ""
    assert list(frames["summary"]["copies"]) == ["plan-jan.pdf; plan-jan.odt", ""]


def test_empty_version_tables_keep_their_planned_headers() -> None:
    tables = make_tables()
    tables.progress, tables.summary, tables.glossaries = [], [], {}
    frames = tables_to_frames(tables)
    assert tuple(frames["progress"].columns) == PROGRESS_COLUMNS
    assert tuple(frames["summary"].columns) == SUMMARY_COLUMNS
    assert list(frames["abbreviations"].columns) == ["source_file", "code", "in_full"]
    assert all(len(frames[name]) == 0 for name in ("progress", "summary", "abbreviations"))


def test_planned_headers_are_the_headers_of_a_real_run() -> None:
    """An empty table's headers are those a run with plans writes, so the two CSVs line up."""
    tables = run_file(SAMPLES / "004_reading_cp_action_plan_2013-08.docx")
    assert tuple(tables.summary[0].as_dict()) == SUMMARY_COLUMNS
    assert tuple(c for c in tables.progress[0].as_dict() if not c.startswith("rag_")) == PROGRESS_COLUMNS
