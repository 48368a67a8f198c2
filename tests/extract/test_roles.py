"""Column roles from two kinds of evidence (issue 22, item 1): each column's content
profile, and the joint assignment of roles from header hints and cells."""
from __future__ import annotations

import pytest

from actionplans.extract.content import column_profile
from actionplans.extract.headers import HeaderSettings, read_header
from actionplans.extract.roles import assign_roles
from actionplans.ingest.model import Cell, Paragraph, Row
from actionplans.vocabulary import default_vocabulary

VOCABULARY = default_vocabulary()


def _cell(text: str, col: int = 0, continued: bool = False) -> Cell:
    return Cell(paragraphs=[Paragraph(text=text)] if text else [], col=col, continued=continued)


def _rows(*rows: tuple[str, ...]) -> list[Row]:
    """Body rows; a cell "^" is merged into the one above."""
    return [Row(cells=[_cell("" if t == "^" else t, c, t == "^") for c, t in enumerate(row)]) for row in rows]


@pytest.mark.parametrize("texts,role", [
    (("2021 - 2022", "2021 onwards", "Short term", "March 2026"), "target_date"),
    (("Green", "Amber", "R", "On track"), "rag"),
    (("Property Services", "Head of Housing", "NCCP", "Cumbria County Council"), "lead"),
    (("Deliver energy efficiency projects in council buildings.", "Review the office accommodation strategy.",
      "Purchase ultra low emission vehicles when replacing vans."), "action"),
    (("1.1", "1.2", "R3", "CNES005A"), "number"),
    (("The survey has been completed and reported to Cabinet.", "Two sessions were held in March with staff.",
      "Work has now started on the first three sites."), "progress"),
])
def test_a_column_s_cells_point_to_its_role(texts: tuple[str, ...], role: str) -> None:
    profile = column_profile([_cell(t) for t in texts], VOCABULARY)
    assert max(profile, key=lambda r: profile[r]) == role and profile[role] >= 0.75


def test_values_merged_or_repeated_down_runs_of_rows_are_a_group() -> None:
    merged = [_cell("Vehicle fleet"), _cell("", continued=True), _cell("Buildings"), _cell("", continued=True)]
    repeated = [_cell(t) for t in ("Transport", "Transport", "Transport", "Homes", "Homes")]
    assert column_profile(merged, VOCABULARY)["recommendation"] >= 0.5
    assert column_profile(repeated, VOCABULARY)["recommendation"] >= 0.6
    assert column_profile([_cell(t) for t in ("2021", "2021", "2022")], VOCABULARY).get("recommendation", 0) == 0


def _assigned(header: tuple[str, ...], *rows: tuple[str, ...]) -> dict[int, str]:
    head = read_header(list(enumerate(header)), HeaderSettings())
    assign_roles(head, _rows(*rows), VOCABULARY)
    return head.roles


def test_a_column_named_for_the_thing_delivered_is_the_action_beside_a_description() -> None:
    roles = _assigned(("Project/Intervention", "Lead", "Description"),
                      ("Cumbria Clean Energy Plan", "Cumbria LEP", "The county-wide plan for clean energy growth."),
                      ("Copeland Local Plan", "Copeland Council", "The development strategies and planning policies."),
                      ("Green Jobs and Skills", "TBC", "A coordinated approach to skills for the green economy."))
    assert roles == {0: "action", 1: "lead"}


def test_lead_and_due_columns_under_headers_of_their_own_words() -> None:
    roles = _assigned(("Actions", "Lead Departments", "Timing"),
                      ("Complete the switch to a renewable energy tariff.", "Property Services", "2021 - 2022"),
                      ("Replace desktop computers on a five-year cycle.", "ICT", "2025 onwards"),
                      ("Investigate data centre cooling methods.", "ICT", "2022 - 2023"))
    assert roles == {0: "action", 1: "lead", 2: "target_date"}


def test_the_finer_of_two_grouping_columns_is_the_group() -> None:
    roles = _assigned(("Scope", "Source", "Actions", "Lead"),
                      ("Scope 1", "Gas", "Re-fit the civic offices with heat pumps.", "Property Services"),
                      ("^", "^", "Establish a building retrofit programme.", "Property Services"),
                      ("^", "Vehicle Fleet", "Adopt an electric vehicle first policy.", "Fleet Services"),
                      ("^", "^", "Conduct a green fleet review.", "Fleet Services"))
    assert roles[1] == "recommendation" and 0 not in roles


def test_an_action_column_known_by_its_cells_needs_a_plan_around_it() -> None:
    """An inventory: an owner and comments in sentences, beside a column of figures."""
    roles = _assigned(("Source", "Emissions", "Owner", "Comments"),
                      ("Electricity", "1,240", "Property Services", "Includes schools that buy energy through us."),
                      ("Gas", "2,310", "Property Services", "Weather-corrected figures are in Appendix C."),
                      ("Fleet diesel", "860", "Fleet Services", "Down on the year before as electric vans arrived."))
    assert "action" not in roles.values()


def test_a_status_word_inside_another_phrase_is_no_status() -> None:
    # A duration column: "ongoing" is a status word, but "Ongoing programme" says what, not how it stands.
    profile = column_profile([_cell(t) for t in ("2 years", "Ongoing programme", "Ongoing programme",
                                                 "Ongoing programme", "1 year")], VOCABULARY)
    assert profile["rag"] == 0.0
    statuses = column_profile([_cell(t) for t in ("Amber - on track", "Red (delayed)", "Completed", "G")],
                              VOCABULARY)
    assert statuses["rag"] == 1.0


def test_a_group_cell_printing_a_title_over_its_description_is_named_by_the_title() -> None:
    from actionplans.extract.actions import group_text
    from actionplans.extract.tables import Slot

    def slot(*paras: str) -> Slot:
        return Slot(paragraphs=[Paragraph(text=t) for t in paras])

    described = slot("Energy & Buildings", "Our goal is to reduce carbon emissions from buildings we own and run.")
    assert group_text(described, VOCABULARY) == "Energy & Buildings"
    # A label alone is no title; one long paragraph, or two short ones, stay whole.
    labelled = slot("Objective 1:", "Reduce the council's own emissions by half by 2030.")
    assert group_text(labelled, VOCABULARY) == labelled.text
    assert group_text(slot("Ensure that every child in need has a plan that is reviewed on time by a manager."),
                       VOCABULARY).startswith("Ensure that")
    assert group_text(slot("Housing", "Planning"), VOCABULARY) == "Housing Planning"


def test_columns_of_figures_make_a_table_money_not_actions() -> None:
    from actionplans.extract.judgements import figure_columns

    header = read_header([(0, "Ref"), (1, "Description"), (2, "2025-26 £000's"), (3, "2026-27 £000's")],
                         HeaderSettings())
    budget = _rows(("54", "Increased fees for registration services", "-400.0", "0.0"),
                   ("55", "Changes to the coroners' contributions", "-109.0", "-38.4"),
                   ("56", "Surplus from traffic management income", "(1,250)", "£2.4m"))
    assert figure_columns(header, budget).startswith("rows are money or figures, not actions")
    # One cost column, or columns of years (a start and an end), are a plan's.
    plan = _rows(("1", "Replace the pool cars with electric vehicles", "2025", "2027"),
                 ("2", "Fit telematics to every refuse vehicle", "2025", "2026"),
                 ("3", "Lower the heating set point in offices", "2024", "2025"))
    assert figure_columns(header, plan) == ""
