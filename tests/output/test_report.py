"""report.html read back with html.parser: the counts in the chart, the lists of Red,
slipped, new and dropped actions, and each link to its paper and page. Chromium is not
needed: the page is checked by its content."""
from __future__ import annotations

from pathlib import Path

import pytest
from test_output_data import FORMULA, PLAN, SCRIPT, make_inputs, make_tables, with_two_leads_and_warnings

from actionplans.normalise.rows import ActionRow, DocumentRow
from actionplans.output import OutputSettings, write_outputs
from htmlpage import Node, parse


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Node:
    root = tmp_path_factory.mktemp("report")
    settings = OutputSettings(formats=("html",), inputs=(root / "in",))
    write_outputs(make_tables(make_inputs(root / "in")), root / "out", settings)
    return parse(root / "out" / "report.html")


def test_officers_and_warnings_show_joined(tmp_path: Path) -> None:
    settings = OutputSettings(formats=("html",), inputs=(tmp_path / "in",))
    write_outputs(with_two_leads_and_warnings(make_tables(make_inputs(tmp_path / "in"))), tmp_path / "out", settings)
    page = parse(tmp_path / "out" / "report.html")
    item = next(tr for tr in page.find_all("tr", **{"class": "item", "data-key": f"{PLAN}/r1/a1"}))
    assert item.attrs["data-leads"] == "Zoë O’Neill|Sam Patel"
    assert item.find_all("td", **{"class": "lead"})[0].all_text() == "Zoë O’Neill; Sam Patel"
    slipped = page.find_all("table", **{"data-list": "slipped"})[0]  # a progress row
    assert slipped.find_all("td", **{"class": "lead"})[0].all_text() == "Zoë O’Neill; Sam Patel"
    warned = [dd.all_text() for dd in page.find_all("dd")]
    assert "action number inferred from order; status 'Amber-Green' names Amber and Green; not rated" in warned


def _bars(node: Node) -> dict[str, dict[str, int]]:
    return {g.attrs["data-version"]: {r.attrs["data-rag"]: int(r.attrs["data-count"]) for r in g.find_all("rect")}
            for g in node.find_all("g", **{"class": "version"})}


def _listed(node: Node, kind: str) -> list[tuple[str, str]]:
    """(action_key, link) for each row of one list."""
    tables = node.find_all("table", **{"data-list": kind})
    rows = tables[0].find_all("tr") if tables else []
    return [(tr.attrs["data-key"], tr.find_all("a")[0].attrs["href"]) for tr in rows if "data-key" in tr.attrs]


def test_chart_counts_each_version(page: Node) -> None:
    plan = page.find_all("section", **{"data-plan": PLAN})[0]
    assert _bars(plan) == {"2024-01-31": {"Red": 1, "Amber": 2, "Green": 1},
                           "2024-04-30": {"Red": 2, "Amber": 1, "Green": 1}}


def test_lists_name_the_actions_with_links_to_paper_and_page(page: Node) -> None:
    assert _listed(page, "red") == [(f"{PLAN}/r1/a1", "../in/plan-apr.pdf#page=3"),
                                    (f"{PLAN}/r1/a3", "../in/plan-apr.pdf#page=4")]
    assert _listed(page, "slipped") == [(f"{PLAN}/r1/a1", "../in/plan-apr.pdf#page=3")]
    assert _listed(page, "new") == [(f"{PLAN}/r1/a5", "../in/plan-apr.pdf#page=5")]
    assert _listed(page, "dropped") == [(f"{PLAN}/r1/a4", "../in/plan-jan.docx")]


def test_status_trail_and_text_shown_as_written(page: Node) -> None:
    slipped = page.find_all("table", **{"data-list": "slipped"})[0]
    chips = [s.attrs["title"] for s in slipped.find_all("span") if "chip" in s.attrs.get("class", "")]
    assert chips == ["2024-01-31: Amber", "2024-04-30: Red"]
    new = page.find_all("table", **{"data-list": "new"})[0]
    assert FORMULA in new.all_text()
    dropped = page.find_all("table", **{"data-list": "dropped"})[0]
    assert SCRIPT in dropped.all_text()  # escaped: text, not a script
    scripts = page.find_all("script")  # the report's own, inline; none from the papers' text
    assert len(scripts) == 1 and "alert(1)" not in scripts[0].all_text()


def test_headline_counts_and_failed_file(page: Node) -> None:
    cards = {c.attrs["data-stat"]: c.all_text() for c in page.find_all("div", **{"class": "card"})}
    assert cards["files"].startswith("4files2 ok · 1 no plan · 1 failed")
    assert cards["red"].startswith("2red")  # a1 and a3 Red in April; the dropped a4 not counted
    assert cards["actions"].startswith("4actions")  # the latest version's, not the 8 rows of both papers
    failed = page.find_all("tr", **{"data-status": "error"})[0]
    assert "not a PDF (an HTML page)" in failed.all_text()
    assert failed.find_all("a")[0].attrs["href"] == "../in/broken.pdf"


def test_self_contained(page: Node) -> None:
    assert page.find_all("link") == [] and page.find_all("img") == []
    assert all(not n.attrs.get("src") for n in page.find_all("script"))
    hrefs = [a.attrs["href"] for a in page.find_all("a")]
    assert hrefs and not [h for h in hrefs if h.startswith(("http:", "https:", "//"))]
    assert len(page.find_all("style")) == 1 and len(page.find_all("svg")) == 1


def test_without_version_tables_counts_come_from_the_actions(tmp_path: Path) -> None:
    tables = make_tables()
    tables.progress, tables.summary = [], []
    write_outputs(tables, tmp_path, OutputSettings(formats=("html",)))
    page = parse(tmp_path / "report.html")
    assert _bars(page) == {"2024-01-31": {"Red": 1, "Amber": 2, "Green": 1},
                           "2024-04-30": {"Red": 2, "Amber": 1, "Green": 1}}
    # every Red row, linked by its name where the run's folders are not known
    assert _listed(page, "red") == [(f"{PLAN}/r1/a3", "plan-jan.docx"), (f"{PLAN}/r1/a1", "plan-apr.pdf#page=3"),
                                    (f"{PLAN}/r1/a3", "plan-apr.pdf#page=4")]
    assert page.find_all("table", **{"data-list": "slipped"}) == []


def _equality_plan() -> list[ActionRow]:
    """A plan without statuses: leads and due dates only, two groups."""
    rows = []
    for n, (group, due) in enumerate([("1", "2024-03-31"), ("1", "2025-03-31"), ("2", "")], start=1):
        rows.append(ActionRow(
            plan_id="equality-2024", action_key=f"equality-2024/a{n}", source_file="equality.docx",
            document_date="2024-06-01", plan_as_at="", recommendation_number=group,
            recommendation_text=f"Objective {group}", action_number=str(n), action_number_inferred=False,
            action_text=f"Equality action {n}", lead_officer_raw="HR lead", lead_officers=("HR lead",), rag_raw="",
            rag="", page=None, warnings=(), due_date=due))
    return rows


def test_every_plan_has_its_section_even_without_statuses(tmp_path: Path) -> None:
    tables = make_tables()
    tables.actions += _equality_plan()
    tables.documents.append(DocumentRow(source_file="equality.docx", sha256="23" * 32, format="docx", pages=None,
                                        title="Equality action plan", document_date="2024-06-01", actions=3,
                                        plan_id="equality-2024"))
    write_outputs(tables, tmp_path, OutputSettings(formats=("html",)))
    page = parse(tmp_path / "report.html")
    plans = {s.attrs["data-plan"]: s for s in page.find_all("section", **{"class": "plan"})}
    assert sorted(plans) == ["equality-2024", PLAN]
    equality = plans["equality-2024"]
    assert equality.attrs["data-family"] == "equality" and plans[PLAN].attrs["data-family"] != "equality"
    assert len(equality.find_all("tr", **{"class": "item"})) == 3
    assert [h.all_text() for h in equality.find_all("h4")] == ["1 Objective 1", "2 Objective 2"]
    assert equality.find_all("svg") == [] and equality.find_all("table", **{"data-list": "red"}) == []
    assert "no statuses given" in equality.all_text() and "1 overdue" in equality.all_text()
    overdue = equality.find_all("table", **{"data-list": "overdue"})[0]
    assert [tr.attrs["data-key"] for tr in overdue.find_all("tr") if "data-key" in tr.attrs] == ["equality-2024/a1"]
    text = page.all_text()
    assert "No action is Red" not in text and "Nothing slipped" not in text and "Ofsted" not in text
    cards = {c.attrs["data-stat"]: c.all_text() for c in page.find_all("div", **{"class": "card"})}
    assert cards["actions"].startswith("7actions")  # 4 in testshire's latest version, 3 in the equality plan
    everything = page.find_all("section", **{"id": "all"})[0]
    assert len(everything.find_all("tr", **{"class": "item"})) == 7
    assert {o.attrs["value"] for o in everything.find_all("option")} >= {"equality", "HR lead", "equality-2024"}


def test_views_by_lead_and_by_lateness_and_quiet_statuses(tmp_path: Path) -> None:
    tables = make_tables()
    tables.actions += _equality_plan()
    tables.documents.append(DocumentRow(source_file="notes.txt", sha256="45" * 32, format="text", pages=None,
                                        status="skipped", message="a text file, not a paper"))
    write_outputs(tables, tmp_path, OutputSettings(formats=("html",)))
    page = parse(tmp_path / "report.html")
    leads = {tr.attrs["data-lead"]: [td.all_text() for td in tr.find_all("td")[1:]]
             for tr in page.find_all("tr", **{"class": "lead-row"})}
    # Zoë leads a1, a2, a5 of April (a1 Red); HR lead the three equality actions, a1 overdue;
    # the April a3's "tbc" names no one.
    assert leads == {"HR lead": ["3", "1", "0"], "Zoë O’Neill": ["3", "0", "1"], "(no lead named)": ["1", "0", "1"]}
    late = page.find_all("section", **{"id": "late"})[0]
    assert [h.all_text() for h in late.find_all("h3")] == ["1 to 3 months late 1"]
    assert [li.attrs["data-days"] for li in late.find_all("li")] == ["62"]
    papers = page.find_all("table", **{"class": "documents"})[0]
    styles = {tr.attrs["data-status"]: tr.find_all("span")[0].attrs["class"] for tr in papers.find_all("tr")
              if "data-status" in tr.attrs}
    assert styles == {"error": "status error", "no_plan": "status no_plan", "skipped": "status skipped",
                      "ok": "status ok"}
    messages = {d.attrs["class"] for d in page.find_all("div") if d.attrs.get("class", "").startswith("msg")}
    assert messages == {"msg error", "msg skipped"}  # only an error's message in the colour of errors


def test_a_run_without_plans_says_so_and_links_only_what_is_there(tmp_path: Path) -> None:
    tables = make_tables()
    tables.actions, tables.progress, tables.summary = [], [], []
    write_outputs(tables, tmp_path, OutputSettings(formats=("html",)))
    page = parse(tmp_path / "report.html")
    assert "No action plan was found in these papers." in page.all_text()
    anchors = [a.attrs["href"] for a in page.find_all("a") if a.attrs["href"].startswith("#")]
    assert anchors == ["#papers"] and page.find_all("section", **{"id": "all"}) == []
