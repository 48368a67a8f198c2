"""Sharing a lead-officer cell out among the actions of one action cell."""
from __future__ import annotations

from actionplans.extract.actions import rows_to_actions
from actionplans.extract.headers import HeaderSettings, read_header
from actionplans.extract.records import WarningCode, WarningItem
from actionplans.extract.tables import PlanRow, PlanTable, Slot
from actionplans.ingest.model import Box, Line, Paragraph

HEADER = read_header([(0, "Recommendation"), (1, "Actions"), (2, "Lead officer"), (3, "RAG")], HeaderSettings())


def _p(text: str, top: float | None = None, page: int = 1, label: str = "") -> Paragraph:
    lines = (Line(text, Box(0, top, 100, top + 10), page),) if top is not None else ()
    return Paragraph(text=text, label=label, page=page if top is not None else None, lines=lines)


def _plan(actions: list[Paragraph], leads: list[Paragraph], rag: list[Paragraph] | None = None) -> PlanTable:
    slots = {"recommendation": Slot([_p("Improve supervision")]), "action": Slot(actions), "lead": Slot(leads)}
    if rag is not None:
        slots["rag"] = Slot(rag)
    return PlanTable(header=HEADER, rows=[PlanRow(slots)])


def test_leads_level_with_their_actions_go_to_them() -> None:
    actions = [_p("1) Revise the policy and", 100), _p("2) Train all managers", 140), _p("3) Audit cases", 160)]
    leads = [_p("HoCSC", 101), _p("HoAC &", 141), _p("HoQP", 152), _p("HoS", 161)]
    got = rows_to_actions(_plan(actions, leads))
    assert [(a.action_number, a.lead_raw, a.warnings) for a in got] == [
        ("1", "HoCSC", []), ("2", "HoAC & HoQP", []), ("3", "HoS", [])]


def test_one_paragraph_per_action_without_positions() -> None:
    got = rows_to_actions(_plan([_p("Revise the policy"), _p("Train managers")], [_p("HoCSC"), _p("HoAC")],
                                [_p("Green"), _p("Red")]))
    assert [(a.action_number, a.action_text, a.lead_raw, a.rag) for a in got] == [
        ("", "Revise the policy", "HoCSC", "Green"), ("", "Train managers", "HoAC", "Red")]


def test_unclear_share_out_keeps_the_whole_cell_and_says_so() -> None:
    actions = [_p("1) Revise the policy"), _p("2) Train managers"), _p("3) Audit cases")]
    got = rows_to_actions(_plan(actions, [_p("HoCSC HoAC"), _p("HoS")]))
    assert [a.lead_raw for a in got] == ["HoCSC HoAC HoS"] * 3
    kept = WarningItem(WarningCode.LEAD_NOT_SPLIT, "lead cell shared by 3 actions could not be split; whole cell kept")
    assert all(a.lead_shared and a.warnings == [kept] for a in got)


def test_unnumbered_paragraphs_with_one_lead_stay_one_action() -> None:
    got = rows_to_actions(_plan([_p("Revise the supervision policy."), _p("Consult staff on it.")], [_p("HoCSC")]))
    assert [(a.action_text, a.lead_raw) for a in got] == [("Revise the supervision policy. Consult staff on it.", "HoCSC")]


def test_bulleted_sub_items_stay_with_their_action() -> None:
    actions = [_p("Training plan covering:", label="29)"), _p("core awareness", label="-"), _p("thresholds", label="-")]
    got = rows_to_actions(_plan(actions, [_p("Committee Services")]))
    assert [(a.action_number, a.action_text) for a in got] == [
        ("29", "Training plan covering: - core awareness - thresholds")]


def test_a_lead_cell_merged_down_leads_every_action_it_covers() -> None:
    """A merged lead cell covers the next row, whose action cell holds two actions."""
    first = {"recommendation": Slot([_p("Improve supervision")]), "action": Slot([_p("1) Revise the policy")]),
             "lead": Slot([_p("HoCSC")]), "rag": Slot([_p("Green")])}
    second = {"recommendation": Slot([], continued=True),
              "action": Slot([_p("2) Train managers"), _p("3) Audit cases")]),
              "lead": Slot([], continued=True), "rag": Slot([_p("Amber"), _p("Red")])}
    got = rows_to_actions(PlanTable(header=HEADER, rows=[PlanRow(first), PlanRow(second)]))
    assert [(a.action_number, a.lead_raw, a.rag, a.warnings) for a in got] == [
        ("1", "HoCSC", "Green", []), ("2", "HoCSC", "Amber", []), ("3", "HoCSC", "Red", [])]
