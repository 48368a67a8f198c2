"""Plans by any name: column roles from the vocabulary, what makes a plan, the decoys
that are not plans, further columns named by role, a user's vocabulary file, and
``explain``. Each paper here is a small Word file built from its rows."""
from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from docx import Document as WordDocument

import actionplans
from actionplans.batch import BatchSettings
from actionplans.normalise import Tables

HERE = BatchSettings(workers=0)

AUDIT = (("Finding", "Recommendation", "Priority", "Management response", "Responsible officer", "Target date",
          "Status"),
         ("Leavers' access was not removed promptly.", "Remove access within one day of leaving.", "High",
          "HR will send leaver notices to IT on the day of leaving.", "Head of HR", "31 March 2025", "Complete"),
         ("Supplier bank details changed without checks.", "Verify bank detail changes by phone.", "High",
          "Finance will call back on a known number before any change.", "Finance Manager", "June 2025",
          "On track"))
SCRUTINY = (("Recommendation", "Executive response", "Accepted?", "Action", "By when", "Update"),
            ("Publish a cost of living guide.", "The Cabinet agrees.", "Yes",
             "Publish the guide on the council website and in libraries.", "October 2024", "Published in September"),
            ("Review the council tax support scheme.", "Agreed in part.", "Partly",
             "Model the cost of a wider scheme for the budget.", "February 2025", "Modelling under way"))
DELIVERY = (("What we have committed to", "Led by", "Timescale", "Measure"),
            ("Open two new family hubs in the north of the county.", "Director of Children's Services",
             "March 2026", "Hubs open"),
            ("Extend the falls prevention service to every district.", "Director of Public Health", "2025/26",
             "Fewer hospital admissions for falls"))
RISKS = (("Risk", "Owner", "Likelihood", "Impact", "Mitigating actions"),
         ("Loss of key staff", "Director of HR", "3", "4", "Retention payments and succession plans for key posts."),
         ("Cyber attack", "Head of IT", "4", "5", "Backups tested monthly and staff trained in phishing."))
SCORECARD = (("Indicator", "Target", "Actual", "Action", "Status"),
             ("Days to process a claim", "20", "24", "12", "Red"),
             ("Calls answered", "90%", "93%", "5", "Green"))
BUDGET = (("Service", "Budget £000", "Forecast £000", "Variance £000", "Action"),
          ("Adult social care", "120,400", "124,900", "4,500", "Recovery plan"),
          ("Highways", "30,100", "29,800", "-300", "None"))


def _paper(folder: Path, name: str, rows: tuple[tuple[str, ...], ...]) -> Path:
    doc = WordDocument()
    doc.add_heading("Report to Cabinet", level=1)
    table = doc.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    doc.save(str(path))
    return path


def _run(path: Path, settings: actionplans.Settings | None = None) -> Tables:
    return actionplans.run([path], settings or actionplans.Settings(batch=HERE))


@pytest.mark.parametrize("rows,recommendation,action,lead,extras", [
    (AUDIT, "Remove access within one day of leaving.", "HR will send leaver notices to IT on the day of leaving.",
     "Head of HR", {"finding": "Leavers' access was not removed promptly.", "priority": "High",
                    "target_date": "31 March 2025"}),
    (SCRUTINY, "Publish a cost of living guide.", "Publish the guide on the council website and in libraries.", "",
     {"response": "The Cabinet agrees.", "accepted": "Yes", "target_date": "October 2024",
      "progress": "Published in September"}),
    (DELIVERY, "", "Open two new family hubs in the north of the county.", "Director of Children's Services",
     {"target_date": "March 2026", "measure": "Hubs open"}),
], ids=["audit tracker", "scrutiny tracker", "delivery plan"])
def test_each_family_reads_with_its_columns_named_by_role(tmp_path: Path, rows: tuple[tuple[str, ...], ...],
                                                         recommendation: str, action: str, lead: str,
                                                         extras: dict[str, str]) -> None:
    tables = _run(_paper(tmp_path, "plan.docx", rows))
    assert tables.documents[0].status == "ok" and len(tables.actions) == 2
    first = tables.actions[0]
    assert (first.recommendation_text, first.action_text, first.lead_officer_raw) == (recommendation, action, lead)
    assert {k: first.extras.get(k) for k in extras} == extras
    assert tables.actions[1].rag == ("Amber" if rows is AUDIT else "")


@pytest.mark.parametrize("rows,why", [
    (RISKS, "rows are risks"), (SCORECARD, "rows are indicators"), (BUDGET, "rows are money"),
], ids=["risk register", "scorecard", "budget"])
def test_decoys_are_no_plan_and_say_why(tmp_path: Path, rows: tuple[tuple[str, ...], ...], why: str) -> None:
    doc = _run(_paper(tmp_path, "decoy.docx", rows)).documents[0]
    assert doc.status == "no_plan"
    assert why in doc.message and doc.message.startswith("1 table, none a plan: ")


def test_a_meetings_action_log_of_one_row_is_no_plan(tmp_path: Path) -> None:
    rows = (("Ref", "Action", "Status"), ("1", "JG will circulate the slides to the group.", "Complete"))
    doc = _run(_paper(tmp_path, "note.docx", rows)).documents[0]
    assert (doc.status, doc.message) == ("no_plan", "1 table, none a plan: only 1 action row: a note of what to "
                                                    "do, not a plan")


def test_a_plan_column_named_like_ours_is_kept_apart_and_the_batch_goes_on(tmp_path: Path) -> None:
    """Issue 11, item 1: a plan's "Page", "Source file", "Action text" or "Plan ID"
    column never overwrites ours, and the other papers' rows are written."""
    header = ("Action", "Lead officer", "Page", "Source file", "Action text", "Plan ID")
    rows = (header, ("Audit ten case files each month.", "Head of Quality", "7", "evil.pdf", "x", "p1"),
            ("Train every team manager in supervision.", "Head of Workforce", "8", "evil.pdf", "y", "p1"))
    folder = tmp_path / "in"
    _paper(folder, "clash.docx", rows)
    _paper(folder, "delivery.docx", DELIVERY)
    out = tmp_path / "out"
    assert actionplans.main(["extract", str(folder), "-o", str(out), "-q", "--no-cache", "-j", "0"]) == 0
    with open(out / "actions.csv", encoding="utf-8-sig", newline="") as fh:
        got = list(csv.DictReader(fh))
    clash = [r for r in got if r["source_file"] == "clash.docx"]
    assert len(got) == 4 and len(clash) == 2
    assert [r["page"] for r in clash] == ["", ""]
    assert [(r["extra_page"], r["extra_source_file"], r["extra_action_text"], r["extra_plan_id"]) for r in clash] \
        == [("7", "evil.pdf", "x", "p1"), ("8", "evil.pdf", "y", "p1")]
    assert clash[0]["action_text"] == "Audit ten case files each month."
    described = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    fields = {f["name"]: f for r in described["resources"] if r["name"] == "actions" for f in r["schema"]["fields"]}
    assert "'Page'" in fields["extra_page"]["description"] and "'Timescale'" in fields["target_date"]["description"]


def test_a_vocabulary_file_adds_words_without_code(tmp_path: Path) -> None:
    # No header word names a plan's column, and the cells alone do not vouch for an action
    # column (no date or id beside it): no plan, until the council's own words say so.
    rows = (("Deed", "Champion", "Remarks"),
            ("Open two new family hubs in the north of the county.", "Director of Children's Services", "Funded"),
            ("Extend the falls prevention service to every district.", "Director of Public Health", "Agreed"))
    folder = tmp_path / "in"
    _paper(folder, "plan.docx", rows)
    assert _run(folder).documents[0].status == "no_plan"
    (folder / "actionplans.toml").write_text('[roles.action]\nwords = ["deed"]\n[roles.lead]\nwords = ["champion"]\n',
                                             encoding="utf-8")
    out = tmp_path / "out"
    assert actionplans.main(["extract", str(folder), "-o", str(out), "-q", "--no-cache", "-j", "0"]) == 0
    with open(out / "documents.csv", encoding="utf-8-sig", newline="") as fh:
        docs = {r["source_file"]: r for r in csv.DictReader(fh)}
    assert docs["plan.docx"]["status"] == "ok" and docs["plan.docx"]["actions"] == "2"
    assert "actionplans.toml" not in docs  # the vocabulary is no paper


def test_a_bad_vocabulary_file_stops_the_run_before_any_paper_with_one_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "words.toml"
    bad.write_text("[roles.lead]\nwords = [\"owner\"\n", encoding="utf-8")
    out = tmp_path / "out"
    assert actionplans.main(["extract", str(tmp_path), "-o", str(out), "--vocabulary", str(bad), "-q"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("actionplans: error: words.toml: not valid TOML") and "line" in err[0]
    assert not out.exists()


def test_explain_names_each_header_role_and_the_verdict(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _paper(tmp_path, "risks.docx", RISKS)
    assert actionplans.main(["explain", str(path)]) == 0
    text = capsys.readouterr().out
    assert text.startswith("risks.docx: 1 table(s), 0 plan(s)")
    assert "'Owner'" in text and "lead (matched 'owner', 100%)" in text
    assert "-> not a plan: rows are risks, not actions" in text
    assert "--vocabulary FILE" in text


def test_blank_and_generic_headers_take_their_role_from_the_cells(tmp_path: Path) -> None:
    rows = (("Area for improvement", "Action", "", "", "Comments"),
            ("Supervision", "Audit supervision records every quarter.", "Head of Quality Assurance", "March 2025",
             "Green"),
            ("Supervision", "Train new team managers in reflective supervision.", "Principal Social Worker",
             "June 2025", "Amber"),
            ("Placements", "Open a second children's home in the county.", "HoCS", "end Q3", "Red"))
    tables = _run(_paper(tmp_path, "plan.docx", rows))
    got = [(a.lead_officer_raw, a.extras.get("target_date"), a.rag) for a in tables.actions]
    assert got == [("Head of Quality Assurance", "March 2025", "Green"),
                   ("Principal Social Worker", "June 2025", "Amber"), ("HoCS", "end Q3", "Red")]


def test_a_comments_column_of_prose_stays_a_progress_column(tmp_path: Path) -> None:
    rows = (("Action", "Lead", "Comments"),
            ("Audit supervision records every quarter.", "Head of Quality", "First audit done in May; report due."),
            ("Train new team managers.", "Head of Workforce", "Two sessions held, one more in July."))
    first = _run(_paper(tmp_path, "plan.docx", rows)).actions[0]
    assert (first.rag, first.extras.get("progress")) == ("", "First audit done in May; report due.")


def test_columns_no_header_word_names_are_read_from_their_cells(tmp_path: Path) -> None:
    """Issue 22, item 1: "Deed" and "Champion" are in no list, but the cells say what they
    are (things to do; posts), beside a due date a header word names."""
    rows = (("Deed", "Champion", "Timescale"),
            ("Open two new family hubs in the north of the county.", "Director of Children's Services", "2026"),
            ("Extend the falls prevention service to every district.", "Director of Public Health", "2025"))
    tables = _run(_paper(tmp_path, "plan.docx", rows))
    assert tables.documents[0].status == "ok"
    assert [(a.action_text, a.lead_officers, a.extras.get("target_date")) for a in tables.actions] == [
        ("Open two new family hubs in the north of the county.", ("Director of Children's Services",), "2026"),
        ("Extend the falls prevention service to every district.", ("Director of Public Health",), "2025")]


def test_actions_with_references_and_achievements_are_a_plan(tmp_path: Path) -> None:
    """Issue 22, item 6: an action column with a reference per row and what has been
    achieved, and no lead, date or status column, is still a plan."""
    rows = (("Ref", "Action", "Achievements"),
            ("C1", "Set up a climate partnership with local businesses and the college.",
             "The partnership has met four times and agreed its terms of reference."),
            ("C2", "Publish an annual report on the council's own emissions.",
             "The first report was published in July and went to Cabinet in September."))
    tables = _run(_paper(tmp_path, "plan.docx", rows))
    assert tables.documents[0].status == "ok"
    assert [(a.action_number, a.action_text[:22]) for a in tables.actions] == [
        ("C1", "Set up a climate partn"), ("C2", "Publish an annual repo")]


def test_a_log_of_actions_taken_is_progress_not_a_plan(tmp_path: Path) -> None:
    """An incident log whose "Action taken" column tells what was done (past), beside a
    status: its rows are events, not things to do (a camelot test table of disease
    outbreaks read so). "Action taken" is progress, as "Progress to date" is."""
    rows = (("District", "Cases", "Current status", "Comments/ Action taken"),
            ("North", "12", "Under control", "Outbreak of fever reported from two villages; water samples were taken."),
            ("South", "4", "Under surveillance", "Cases of diarrhoea reported; the well was chlorinated by the team."))
    doc = _run(_paper(tmp_path, "log.docx", rows)).documents[0]
    assert doc.status == "no_plan"
    rows = (("Recommendation", "Agreed action", "Action taken", "Status"),
            ("Leavers' access is removed late.", "Send leaver notices to IT on the day of leaving.",
             "Notices have been sent since May.", "Complete"),
            ("Passwords are shared.", "Remind every team of the password policy each quarter.",
             "Reminder sent in June.", "On track"))
    tables = _run(_paper(tmp_path, "tracker.docx", rows))
    assert [(a.action_text[:20], a.extras.get("progress")) for a in tables.actions] == [
        ("Send leaver notices ", "Notices have been sent since May."), ("Remind every team of", "Reminder sent in June.")]
