"""Lists inside one cell (issue 23, item 4): each top-level item of a list is an action;
an item's own sub-items, one level down, are its steps, not actions of their own."""
from __future__ import annotations

from pathlib import Path

from conftest import run_file

PAGE = """<html><head><title>Homelessness delivery plan</title></head><body>
<h1>Homelessness delivery plan: progress at November 2024</h1>
<table border="1">
<tr><th>Priority</th><th>Action</th><th>Target date</th></tr>
<tr><td>1. Prevent homelessness earlier</td>
<td><ul><li>Publish a prevention toolkit for partners:<ul><li>schools and colleges</li><li>GP surgeries</li></ul></li>
<li>Run a campaign on tenants' rights in every library</li>
<li>Review the prevention duty referral form with the police</li></ul></td>
<td>March 2025</td></tr>
</table></body></html>"""


def test_sub_items_are_steps_of_their_item(tmp_path: Path) -> None:
    path = tmp_path / "plan.html"
    path.write_text(PAGE, encoding="utf-8")
    rows = run_file(path).actions
    assert [r.action_text for r in rows] == [
        "Publish a prevention toolkit for partners: • schools and colleges • GP surgeries",
        "Run a campaign on tenants' rights in every library",
        "Review the prevention duty referral form with the police"]
    assert {r.recommendation_text for r in rows} == {"Prevent homelessness earlier"}


def test_levels_in_the_model(tmp_path: Path) -> None:
    from actionplans.ingest import read_document
    from actionplans.ingest.model import Table

    path = tmp_path / "plan.html"
    path.write_text(PAGE, encoding="utf-8")
    table = next(b for b in read_document(path, path.name).blocks if isinstance(b, Table))
    cell = table.rows[1].cells[1]
    assert [(p.label, p.level) for p in cell.paragraphs] == [("•", 0), ("•", 1), ("•", 1), ("•", 0), ("•", 0)]
