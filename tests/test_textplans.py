"""Plans written as text, not tables (``extract/textplans.py``): headings, "Action:" lines
with their labelled lead, date and status lines, and bulleted actions under a priority,
in Word, PDF and a saved web page, read as the same records a table's rows give; minutes
and a report that only talk about actions give none (``samplegen/textplans.py``)."""
from __future__ import annotations

import pytest

from actionplans.extract import document_to_extraction
from actionplans.extract.records import Extraction
from actionplans.extract.textplans import TextLine, lines_to_text_plans
from actionplans.ingest import read_document
from actionplans.vocabulary import default_vocabulary
from samplegen.textplans import PLAN, WRITERS, build, expected_rows

FORMATS = sorted(WRITERS)


@pytest.fixture(scope="module")
def papers(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Extraction]]:
    out = {}
    for fmt in FORMATS:
        built = build(tmp_path_factory.mktemp(fmt), fmt)
        out[fmt] = {kind: document_to_extraction(read_document(path, path.name)) for kind, path in built.items()}
    return out


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_plan_written_as_text_gives_its_rows_field_by_field(papers: dict[str, dict[str, Extraction]],
                                                              fmt: str) -> None:
    actions = papers[fmt]["plan"].actions
    got = [{"recommendation_number": a.recommendation_number, "recommendation_text": a.recommendation_text,
            "action_text": a.action_text, "lead_officer_raw": a.lead_raw,
            "target_date": a.extras.get("target_date", ""), "rag_raw": a.rag_raw, "rag": a.rag} for a in actions]
    assert got == expected_rows()
    assert len(got) == 8  # three groups: labelled actions, a bulleted list, labelled actions


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_bulleted_groups_lead_and_date_lines_are_each_bullets(papers: dict[str, dict[str, Extraction]],
                                                                fmt: str) -> None:
    fleet = [a for a in papers[fmt]["plan"].actions if a.recommendation_number == "2"]
    assert [(a.lead_raw, a.extras["target_date"]) for a in fleet] == [("Fleet Manager", "March 2027")] * 3


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_later_sections_bullets_are_no_actions(papers: dict[str, dict[str, Extraction]], fmt: str) -> None:
    texts = [a.action_text for a in papers[fmt]["plan"].actions]
    assert not any(t.startswith(("Climate Emergency Declaration", "Carbon baseline")) for t in texts)


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_plan_has_a_verdict_under_its_heading(papers: dict[str, dict[str, Extraction]], fmt: str) -> None:
    verdicts = [v for v in papers[fmt]["plan"].tables if v.kind == "text"]
    assert [(v.heading, v.plan, v.actions) for v in verdicts] == [(PLAN.heading, True, 8)]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("kind", ["minutes", "report"])
def test_text_that_talks_about_actions_is_no_plan(papers: dict[str, dict[str, Extraction]], fmt: str,
                                                  kind: str) -> None:
    extraction = papers[fmt][kind]
    assert extraction.actions == []
    if kind == "report":  # its "Improvement plan" section is judged, and says why it is none
        reasons = [v.reason for v in extraction.tables if v.kind == "text" and v.heading == "Improvement plan"]
        assert reasons == ["its bullets or action lines mostly lack a lead, due date or status line, and sit in too "
                           "few groups"]


def _lines(*items: tuple[str, int | None, bool]) -> list[TextLine | None]:
    return [TextLine(text, page=1, heading=heading, bullet=bullet) for text, heading, bullet in items]


def test_an_action_line_under_no_plan_heading_is_no_action() -> None:
    lines = _lines(("Minutes", 1, False), ("Action: JS to circulate the report to members", None, False),
                   ("Action: Democratic Services to add the item to the work programme", None, False),
                   ("Lead: Head of Waste", None, False))
    assert lines_to_text_plans(lines, default_vocabulary()) == []


def test_a_table_ends_a_plan_written_as_text() -> None:
    lines = _lines(("Action plan", 1, False), ("Priority 1: Housing", 2, False),
                   ("Action: Review the allocations policy with tenants", None, False),
                   ("Lead: Head of Housing", None, False))
    lines += [None, *_lines(("Action: Publish the annual report for the year", None, False),
                            ("Lead: Head of Policy", None, False))]
    plans = lines_to_text_plans(lines, default_vocabulary())
    assert [(len(p.actions), p.reason != "") for p in plans] == [(1, True)]


def test_a_sentence_after_a_label_is_no_field() -> None:
    lines = _lines(("Improvement plan", 1, False), ("Train every social worker in the new model", None, True),
                   ("Audit fifty case files each quarter with partners", None, True),
                   ("Status: the director reports that most of the actions in the plan are on track", None, False))
    plan, = lines_to_text_plans(lines, default_vocabulary())
    assert plan.reason and all("rag" not in a.fields for a in plan.actions)


def test_a_numbered_action_line_keeps_its_number() -> None:
    lines = _lines(("Delivery plan", 1, False), ("Action 1: Adopt the new waste strategy by spring", None, False),
                   ("Lead officer: Head of Waste", None, False),
                   ("Action 2: Consult residents on the new collection rounds", None, False),
                   ("Timescale: June 2025", None, False))
    plan, = lines_to_text_plans(lines, default_vocabulary())
    assert not plan.reason
    assert [(a.number, a.text, a.fields) for a in plan.actions] == [
        ("1", "Adopt the new waste strategy by spring", {"lead": "Head of Waste"}),
        ("2", "Consult residents on the new collection rounds", {"target_date": "June 2025"})]
