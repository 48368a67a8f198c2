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


BANNERS = """<html><head><meta charset="utf-8"><title>Climate action plan</title></head><body>
<h1>Climate action plan 2024-2029</h1>
<table border="1">
<tr><th>Action</th><th>Service</th><th>Date</th></tr>
<tr><td colspan="3">Objective 1 – Reducing emissions from council buildings</td></tr>
<tr><td>1.1 Insulate the town hall roof.</td><td>Estates</td><td>March 2025</td></tr>
<tr><td>1.2 Replace the depot's gas boilers with heat pumps.</td><td>Estates</td><td>March 2026</td></tr>
<tr><td colspan="3">Objective 1 – Reducing emissions from council buildings (continued)</td></tr>
<tr><td>1.3 Fit solar panels on the leisure centre.</td><td>Leisure Services</td><td>June 2025</td></tr>
<tr><td colspan="3">Objective 2 – Cutting emissions from homes</td></tr>
<tr><td>2.1 Retrofit fifty council homes.</td><td>Housing</td><td>March 2026</td></tr>
</table></body></html>"""


def test_a_group_title_printed_again_is_the_same_group(tmp_path: Path) -> None:
    """Issue 23, item 2: a banner repeated after a page break, "(continued)" or not, is
    the group it repeats, not a new one."""
    path = tmp_path / "plan.html"
    path.write_text(BANNERS, encoding="utf-8")
    rows = run_file(path).actions
    assert [(r.recommendation_number, r.recommendation_text, r.action_number) for r in rows] == [
        ("1", "Reducing emissions from council buildings", "1.1"),
        ("1", "Reducing emissions from council buildings", "1.2"),
        ("1", "Reducing emissions from council buildings", "1.3"),
        ("2", "Cutting emissions from homes", "2.1")]
