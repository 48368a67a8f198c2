"""An agenda pack, as a committee system publishes one: front sheet, agenda, minutes
with their actions log, a budget monitoring report, a performance scorecard, the Ofsted
improvement plan report with its plan appended (landscape pages in the middle), more
reports and the work programme, all in one PDF with the pack's page numbers.

Only the plan is expectation (``samplegen.layouts``); everything else here is the
surroundings the plan is found in, and none of its tables may give an action row.
"""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from actionplans.vocabulary import default_vocabulary

from . import pdf_writer as pw
from .layout_writer import C, Grid, Look, P, R, plan_blocks
from .pack_text import (
    ACTIONS_LOG,
    AGENDA,
    ATTAINMENT,
    BENCHMARKS,
    BLUE,
    BUDGET,
    BUDGET_BANK,
    CORPORATE_BANK,
    COUNCIL,
    DATE,
    FOSTERING_BANK,
    FOSTERING_TABLE,
    MEETING,
    MINUTES,
    PARTNERSHIP_BANK,
    PARTNERSHIP_TABLE,
    PERFORMANCE_BANK,
    PLACEMENTS,
    PLAN_REPORT,
    PLAN_THEMES,
    SAVINGS,
    SCORECARD,
    SEND_BANK,
    VIRTUAL_SCHOOL_BANK,
    WORK_PROGRAMME,
    YOUTH_BANK,
    YOUTH_TABLE,
)
from .spec import Paper

PORTRAIT = pw.Template(footer_centre="Page {page}", margins=(2.2 * pw.CM, 2.2 * pw.CM, 2.2 * pw.CM, 2.2 * pw.CM))
LANDSCAPE = pw.Template(landscape=True, footer_centre="Page {page}",
                        margins=(1.6 * pw.CM, 1.6 * pw.CM, 2.0 * pw.CM, 1.8 * pw.CM))


def _h(text: str, size: float = 12) -> pw.Text:
    return pw.Text(text, size=size, bold=True, before=8, after=6)


def _p(text: str, label: str = "") -> pw.Text:
    return pw.Text(text, size=10.5, label=label, indent=1.3 * pw.CM if label else 0, after=8)


def _numbered(section: int, paragraphs: tuple[str, ...]) -> list[pw.Flow]:
    return [_p(t, f"{section}.{i}") for i, t in enumerate(paragraphs, start=1)]


def _item_head(number: int, title: str) -> list[pw.Flow]:
    return [pw.Text(f"Agenda Item {number}", size=10, bold=True, align="right", after=14),
            pw.Text(title, size=15, bold=True, color=BLUE, after=12)]


def _cover(rows: tuple[tuple[str, str], ...]) -> pw.Table:
    grid = Grid([R([C([P(k, bold=True)], fill="F2F2F2"), C([P(v)])]) for k, v in rows], (4.5, 12.1), 10)
    return pw.Table(grid, after=14)


def _grid(headers: tuple[str, ...], rows: Sequence[tuple[str, ...]], widths: tuple[float, ...], *,
          size: float = 9, numeric_from: int = 99, fills: dict[str, str] | None = None) -> pw.Table:
    head = R([C([P(h, bold=True, color="FFFFFF")], fill=BLUE) for h in headers], header=True)
    body = []
    for values in rows:
        cells = []
        for i, v in enumerate(values):
            total = values[0].startswith("Total")
            cells.append(C([P(v, bold=total, align="right" if i >= numeric_from else "left")],
                           fill=(fills or {}).get(v, "F2F2F2" if total else "")))
        body.append(R(cells))
    return pw.Table(Grid([head, *body], widths, size), after=12)


def _prose(bank: tuple[str, ...], paragraphs: int, start: int = 0, per: int = 4) -> list[str]:
    """Paragraphs made of a report's own sentences, taken in turn."""
    out = []
    k = start
    for _ in range(paragraphs):
        out.append(" ".join(bank[(k + i) % len(bank)] for i in range(per)))
        k += per
    return out


# --------------------------------------------------------------------------- front
def _front() -> list[pw.Flow]:
    members = ("Councillor J. Whitfield (Chair)", "Councillor A. Rahman (Vice-Chair)", "Councillor P. Brennan",
               "Councillor S. Clarke", "Councillor D. Evans", "Councillor M. Hussain", "Councillor K. Lowe",
               "Councillor R. Patel", "Councillor T. Woodward")
    co_opted = ("Mrs L. Harding (Church of England Diocese)", "Mr G. Osei (Parent Governor Representative)")
    return [
        pw.Text("Public Document Pack", size=9, align="right", after=30),
        pw.Text(COUNCIL, size=22, bold=True, color=BLUE, after=24),
        pw.Text(MEETING, size=16, bold=True, after=12),
        pw.Text(f"{DATE} at 6.30 pm", size=12, after=4),
        pw.Text("Committee Room 2, Town Hall, Market Street, Redcliffe RD1 1AA", size=12, after=24),
        pw.Text("Membership", size=12, bold=True, after=6),
        *(pw.Text(m, size=10.5, after=2) for m in members),
        pw.Text("Co-opted members", size=12, bold=True, before=12, after=6),
        *(pw.Text(m, size=10.5, after=2) for m in co_opted),
        pw.Text("Quorum: 3 councillors", size=10.5, before=12, after=24),
        pw.Text("Contact: Emma Gallagher, Democratic Services Officer", size=10.5, after=2),
        pw.Text("Telephone: 01632 960 127   Email: democratic.services@redcliffe.gov.uk", size=10.5, after=24),
        pw.Text("This meeting is open to the public and is webcast live. Members of the public may speak on "
                "any item on the agenda by registering with Democratic Services by noon on the working day "
                "before the meeting. Agendas and reports can be read on the council's website.", size=9.5),
        pw.NewPage(),
        pw.Text("AGENDA", size=16, bold=True, color=BLUE, after=14),
        *_agenda(),
        pw.NewPage(),
    ]


def _agenda() -> list[pw.Flow]:
    out: list[pw.Flow] = []
    for n, (title, text) in enumerate(AGENDA, start=1):
        out.append(pw.Text(title, size=11, bold=True, label=f"{n}.", indent=1.0 * pw.CM, before=6, after=3))
        out.append(pw.Text(text, size=10.5, label=" ", indent=1.0 * pw.CM, after=8))
    return out


def _minutes() -> list[pw.Flow]:
    out: list[pw.Flow] = _item_head(3, f"Minutes of the {MEETING}")
    out.append(pw.Text("Tuesday, 6 February 2024 at 6.30 pm, Committee Room 2, Town Hall", size=10.5, after=8))
    out.append(pw.Text("Present: Councillor J. Whitfield (Chair); Councillors Rahman, Brennan, Clarke, Evans, "
                       "Hussain, Patel and Woodward; Mrs L. Harding (co-opted member).", size=10.5, after=6))
    out.append(pw.Text("Officers: Director of Children's Services; Head of Early Help; Head of Workforce "
                       "Development; Head of Fostering and Adoption; Democratic Services Officer.", size=10.5,
                       after=12))
    for n, (title, paras) in enumerate(MINUTES, start=36):
        out.append(pw.Text(title, size=11, bold=True, label=f"{n}.", indent=1.0 * pw.CM, before=6, after=4))
        out += [pw.Text(t, size=10.5, label=" ", indent=1.0 * pw.CM, after=7) for t in paras]
    out.append(pw.Text("The meeting closed at 8.42 pm.", size=10.5, before=6, after=6))
    out.append(pw.Text("Chair", size=10.5, before=24, after=24))
    out.append(pw.Text("Actions arising from the meeting", size=11, bold=True, after=6))
    out.append(_grid(("Minute", "Action", "Officer", "Status"), ACTIONS_LOG, (1.6, 8.8, 4.0, 2.2), size=9.5))
    out.append(pw.NewPage())
    return out


RAG_FILLS = {s.name: s.fill for s in default_vocabulary().statuses if s.name != "Blue"}  # a scorecard has no Blue


def _budget() -> list[pw.Flow]:
    out = _item_head(5, "Children's Services budget monitoring: quarter 3 2023/24")
    out.append(_cover((("Report of", "Director of Finance"), ("Cabinet Member", "Cabinet Member for Resources"),
                       ("Report author", "Mark Stevens, Finance Business Partner (Children's Services)"),
                       ("Wards", "All"), ("Key decision", "No"))))
    out.append(_h("1. Purpose of the report"))
    out += _numbered(1, ("This report sets out the forecast outturn for Children's Services for 2023/24, based "
                         "on spending to the end of December 2023.",))
    out.append(_h("2. Recommendation"))
    out += _numbered(2, ("That the Panel notes the forecast overspend of £8.79m and the actions being taken to "
                         "reduce it.",))
    out.append(_h("3. Forecast outturn"))
    out += _numbered(3, tuple(_prose(BUDGET_BANK, 3, 0)))
    out.append(pw.Text("Table 1: Children's Services forecast outturn at 31 December 2023 (£000)", size=10,
                       bold=True, after=6))
    out.append(_grid(("Service area", "Budget £000", "Forecast outturn £000", "Variance £000", "Variance %"),
                     BUDGET, (6.6, 2.5, 3.0, 2.5, 2.0), numeric_from=1))
    out.append(_h("4. Placements for children in care"))
    out += _numbered(4, tuple(_prose(BUDGET_BANK, 4, 3)))
    out.append(_h("5. Savings programme"))
    out += _numbered(5, tuple(_prose(BUDGET_BANK, 2, 10)))
    out.append(pw.Text("Table 2: Delivery of 2023/24 savings (£000)", size=10, bold=True, after=6))
    out.append(_grid(("Ref", "Saving", "Target £000", "Forecast £000", "RAG"), SAVINGS, (1.4, 8.6, 2.4, 2.4, 1.8),
                     numeric_from=2, fills=RAG_FILLS))
    out.append(_h("6. Financial and legal implications"))
    out += _numbered(6, ("The council has a duty to set a balanced budget. The overspend will reduce the "
                         "council's reserves unless it is recovered in year.",
                         "There are no direct legal implications arising from this report."))
    out.append(_h("7. Background papers"))
    out += _numbered(7, ("Budget 2023/24 and Medium Term Financial Strategy, Council, 23 February 2023.",))
    return out


def _performance() -> list[pw.Flow]:
    out = _item_head(6, "Children's Services performance scorecard: quarter 3 2023/24")
    out.append(_cover((("Report of", "Head of Performance and Intelligence"),
                       ("Cabinet Member", "Cabinet Member for Children and Families"), ("Wards", "All"))))
    out.append(_h("1. Summary"))
    out += _numbered(1, tuple(_prose(PERFORMANCE_BANK, 2, 0, 5)))
    out.append(_h("2. Recommendation"))
    out += _numbered(2, ("That the Panel considers the scorecard and identifies any areas for further scrutiny.",))
    out.append(_h("3. Commentary"))
    out += _numbered(3, tuple(_prose(PERFORMANCE_BANK, 4, 4, 4)))
    out.append(pw.NewPage(LANDSCAPE))
    out.append(pw.Text("Appendix 1: Children's Services performance scorecard, quarter 3 2023/24", size=12,
                       bold=True, color=BLUE, after=8))
    out.append(_grid(("Ref", "Indicator", "Good is", "Target", "Q1", "Q2", "Q3", "RAG", "Trend"), SCORECARD,
                     (1.3, 10.0, 1.6, 1.6, 1.6, 1.6, 1.6, 1.8, 2.2), numeric_from=3, fills=RAG_FILLS))
    out += _benchmarks()
    out.append(pw.NewPage(PORTRAIT))
    return out


def _plan_item(paper: Paper, look: Look) -> list[pw.Flow]:
    assert paper.plan is not None
    out = _item_head(7, "Ofsted ILACS improvement plan: progress report")
    out.append(_cover((("Report of", "Director of Children's Services"),
                       ("Cabinet Member", "Cabinet Member for Children and Families"),
                       ("Report author", "Claire Donnelly, Head of Quality Assurance"), ("Wards", "All"))))
    for heading, paras in PLAN_REPORT:
        out.append(_h(heading))
        out += _numbered(int(heading.split(".")[0]), paras)
    plan_page = pw.Template(landscape=True, footer_centre="Page {page}", header_right=paper.plan.title,
                            margins=LANDSCAPE.margins)
    out.append(pw.NewPage(plan_page))
    out.append(pw.Text("Appendix A", size=11, bold=True, align="right", after=4))
    out.append(pw.Text(paper.plan.title, size=13, bold=True, color=BLUE, after=6))
    out.append(pw.Text("Summary of progress by recommendation", size=10.5, bold=True, after=6))
    out.append(_grid(("Recommendation", "Theme", "No. of actions", "Complete", "On track", "Not on track"),
                     [(r.number, theme, str(len(r.actions)), *(str(sum(a.rag == c for a in r.actions))
                                                              for c in ("Green", "Amber", "Red")))
                      for r, theme in zip(paper.plan.recommendations, PLAN_THEMES, strict=True)],
                     (3.2, 9.0, 2.2, 2.4, 2.4, 2.8), numeric_from=2, size=9.5))
    out.append(pw.Text(paper.plan.note, size=9.5, after=8))
    out += [pw.Table(g, pad=4) for g in plan_blocks(paper.plan, look) if isinstance(g, Grid)]
    out.append(pw.Text("The plan is reviewed monthly by the Improvement Board. Completed actions stay in the plan "
                       "until the Board is satisfied that their impact is sustained.", size=9.5, before=4))
    out.append(pw.NewPage(PORTRAIT))
    return out


def _fostering() -> list[pw.Flow]:
    out = _item_head(8, "Fostering Service annual report 2023/24")
    out.append(_cover((("Report of", "Head of Fostering and Adoption"), ("Wards", "All"))))
    sections = ("Introduction", "The service and its carers", "Recruitment and assessment", "Fostering panel",
                "Training and support", "Mockingbird", "Sufficiency and use of agencies", "Children's views",
                "Priorities for 2024/25")
    k = 0
    for n, title in enumerate(sections, start=1):
        out.append(_h(f"{n}. {title}"))
        out += _numbered(n, tuple(_prose(FOSTERING_BANK, 4, k, 4)))
        k += 12
        if n == 2:
            out.append(pw.Text("Table 1: Fostering households and children placed, at 31 March", size=10,
                               bold=True, after=6))
            out.append(_grid(("Measure", "2022", "2023", "2024"), FOSTERING_TABLE, (8.6, 2.4, 2.4, 2.4),
                             numeric_from=1))
    out.append(pw.NewPage())
    return out


def _virtual_school() -> list[pw.Flow]:
    out = _item_head(9, "Virtual School annual report 2022/23")
    out.append(_cover((("Report of", "Virtual School Headteacher"), ("Wards", "All"))))
    sections = ("Introduction", "The cohort", "Personal education plans", "Attendance and exclusions",
                "Attainment and progress", "Pupil premium plus", "Extended duties", "Priorities for 2023/24")
    k = 0
    for n, title in enumerate(sections, start=1):
        out.append(_h(f"{n}. {title}"))
        out += _numbered(n, tuple(_prose(VIRTUAL_SCHOOL_BANK, 4, k, 4)))
        k += 12
        if n == 5:
            out.append(pw.Text("Table 1: Outcomes for children in care, 2022/23", size=10, bold=True, after=6))
            out.append(_grid(("Measure", "Cohort", "Redcliffe CiC", "National CiC", "All pupils"), ATTAINMENT,
                             (7.0, 1.9, 2.6, 2.6, 2.4), numeric_from=1))
    out.append(pw.NewPage())
    return out


def _work_programme() -> list[pw.Flow]:
    out = _item_head(14, "Work programme 2024/25")
    out += _numbered(1, ("The Panel is asked to consider its work programme for 2024/25, set out below, and "
                         "to suggest any further items.",
                         "Items may be added during the year at the request of the Chair or of the Panel."))
    out.append(_grid(("Meeting", "Item", "Lead officer"), WORK_PROGRAMME, (3.2, 8.8, 4.6), size=9.5))
    return out


def _report(item: int, title: str, author: str, sections: tuple[str, ...], bank: tuple[str, ...],
            table_at: int = 0, table: pw.Table | None = None, caption: str = "") -> list[pw.Flow]:
    out = _item_head(item, title)
    out.append(_cover((("Report of", author), ("Wards", "All"), ("Key decision", "No"))))
    k = 0
    for n, heading in enumerate(sections, start=1):
        out.append(_h(f"{n}. {heading}"))
        out += _numbered(n, tuple(_prose(bank, 4, k, 4)))
        k += 16
        if n == table_at and table is not None:
            out.append(pw.Text(caption, size=10, bold=True, after=6))
            out.append(table)
    out.append(pw.NewPage())
    return out


def _more_reports() -> list[pw.Flow]:
    youth = _report(
        10, "Youth Justice Service plan 2024/25", "Head of Youth Justice Service",
        ("Purpose", "Recommendation", "The service", "Performance", "Disproportionality", "Resources",
         "Priorities for 2024/25"), YOUTH_BANK, 4,
        _grid(("Measure", "2021/22", "2022/23", "2023/24"), YOUTH_TABLE, (9.4, 2.4, 2.4, 2.4), numeric_from=1),
        "Table 1: Youth justice performance")
    partnership = _report(
        11, "Safeguarding Children Partnership annual report 2022/23", "Independent Scrutineer",
        ("Introduction", "Governance", "Priorities", "Reviews", "Audit", "Training", "Education settings",
         "Allegations", "Next steps"), PARTNERSHIP_BANK, 6,
        _grid(("Course", "Sessions", "Attendees"), PARTNERSHIP_TABLE, (10.6, 3.0, 3.0), numeric_from=1),
        "Table 1: Multi-agency training delivered")
    corporate = _report(
        12, "Corporate parenting annual report 2023/24", "Head of Children in Care",
        ("Introduction", "The Corporate Parenting Board", "Children's voices", "Our offer", "Priorities"),
        CORPORATE_BANK)
    send = _report(
        13, "Special educational needs and disabilities: written statement of action update",
        "Assistant Director, Education",
        ("Purpose", "Recommendation", "Background", "Timeliness of plans", "Quality of plans",
         "Health services", "Sufficiency of places", "Preparation for adulthood", "Next steps"), SEND_BANK)
    return [*youth, *partnership, *corporate, *send]


def _budget_appendix() -> list[pw.Flow]:
    return [pw.NewPage(LANDSCAPE),
            pw.Text("Appendix 1: Placements for children in care – numbers and forecast cost, 2023/24", size=12,
                    bold=True, color=BLUE, after=8),
            _grid(("Placement type", "Children at 31 Dec", "Budgeted", "Average weekly cost £",
                   "Forecast cost £000"), PLACEMENTS, (10.0, 3.2, 3.2, 4.0, 4.0), numeric_from=1, size=9.5),
            pw.Text("Note: the budget assumed 446 children in care; costs include placements starting after "
                    "31 December to the year end.", size=9, after=6),
            pw.NewPage(PORTRAIT)]


def _benchmarks() -> list[pw.Flow]:
    return [pw.Text("Appendix 2: Benchmarking with statistical neighbours and England, 2022/23", size=12,
                    bold=True, color=BLUE, before=12, after=8),
            _grid(("Measure", "Redcliffe", "Statistical neighbours", "England", "Quartile"), BENCHMARKS,
                  (11.0, 2.6, 3.8, 2.6, 2.4), numeric_from=1, size=9.5)]


def write_pack(paper: Paper, look: Look, path: Path) -> int:
    items: list[pw.Flow] = [*_front(), *_minutes(), *_budget(), *_budget_appendix(), *_performance(),
                            *_plan_item(paper, look), *_fostering(), *_virtual_school(), *_more_reports(),
                            *_work_programme()]
    return pw.write_pdf(path, items, PORTRAIT, title=f"{MEETING} – {DATE}", author=COUNCIL)


__all__ = ["write_pack"]
