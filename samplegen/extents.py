"""Test papers for issue 23 items 5 and 6: which row a status swatch and a group cell
belong to, read from where they sit on the page.

Every paper is one action plan drawn by reportlab, its rows of one to six lines, with
cells of different heights side by side (a one-line action beside a five-line progress
note, and the other way round), so that no row's height can be guessed from another's.
Three plans of the anatomy councils publish (an Ofsted improvement plan, an internal audit
recommendations tracker, an equality action plan) are each printed four ways, so every
pairing of the two things that vary is drawn once:

- **rules**: none (a rule under the header only); a rule round every cell, the group
  printed in its first row only; or the action columns ruled under every row while the
  group's cell spans its rows, so its column has a rule under a group's last row only;
  or that last drawn with rules across alone, none down (a plain Word table style);
- **swatch**: the status shown by colour alone, as a small square at the row's first line,
  as a square set in the middle of the row, or as the status cell filled whole.

The general rule the papers hold the reader to: a swatch belongs to the row whose
vertical extent holds it, a row's extent running from its first line to the next row's;
a group cell belongs to the rows its extent spans.

Build them with

    python -m samplegen.extents tests/fixtures/extents

The ``Paper`` of each is the expectation, field for field; ``pages`` is the PDF page each
action's row starts on, read off the built PDF.
"""
from __future__ import annotations

import html
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from samplegen.building import build_all, build_main

from .layouts12 import COLOUR_NAMES
from .spec import Action, Paper, Plan, Recommendation, Row

RULES = ("", "rows", "groups", "lines")
SWATCHES = ("first", "middle", "fill")
FILLS = {"Red": "C00000", "Amber": "FFC000", "Green": "00B050"}


@dataclass(frozen=True)
class Sheet:
    """How the table is printed."""

    columns: tuple[str, ...]  # each column's role: "recommendation", "action", "lead", "target_date", "progress", "rag"
    widths: tuple[float, ...]  # mm
    rules: str  # one of RULES
    swatch: str  # one of SWATCHES
    swatch_size: float = 7.0  # points; a "fill" swatch is the whole cell
    group_middle: bool = False  # a spanning group cell's text set in the middle of its span (else at the top)
    size: float = 9.0


@dataclass(frozen=True)
class Extent:
    key: str
    exercises: str
    paper: Paper
    sheet: Sheet
    pages: tuple[int, ...]  # the PDF page each action's row starts on, in plan order
    builder: str = "platypus"


def _a(number: str, text: str, lead: str, date: str, rag: str, progress: str) -> Action:
    """An action whose status is shown by colour alone: its ``rag_raw`` is the colour's name."""
    fill = FILLS[rag]
    return Action(number, text, lead, (lead,), COLOUR_NAMES[fill][0], rag, number_style="text", fill=fill,
                  colour_only=True, extras=(("target_date", date), ("progress", progress)))


def _rec(number: str, text: str, *actions: Action) -> Recommendation:
    return Recommendation(number, text, tuple(Row((a,)) for a in actions))


# =========================================================================== plans
# Rows of one to six lines at 9 points in the sheets' widths; the progress notes run
# longer than their actions in some rows and shorter in others.
HOS = "Head of Children's Social Care"
PRINCIPAL = "Principal Social Worker"
OFSTED_RECS = (
    _rec("1", "The quality and consistency of management oversight and supervision of social work practice.",
         _a("1.1", "Refresh the supervision policy.", PRINCIPAL, "January 2025", "Green",
            "Policy refreshed and agreed by the Children's Services Leadership Team in November. An audit of "
            "supervision records is booked for February."),
         _a("1.2", "Audit a sample of twenty case files each month for the quality of management oversight, "
                   "feeding findings back to team managers and into the practice learning programme, and report "
                   "the themes to the Improvement Board every quarter.",
            "Head of Quality Assurance", "Monthly", "Amber", "Audits running since September."),
         _a("1.3", "Train every team manager in the new practice model.", "Workforce Development Manager",
            "March 2025", "Red", "Two of five cohorts trained; the rest delayed by vacancies.")),
    _rec("2", "The timeliness of initial health assessments for children who come into care.",
         _a("2.1", "Agree a joint protocol with the integrated care board for requesting assessments within "
                   "five working days of a child coming into care.",
            "Designated Nurse for Children in Care", "December 2024", "Green", "Protocol signed in October.")),
    _rec("3", "The sufficiency of local homes for children in care, including for older children with complex "
              "needs.",
         _a("3.1", "Open two new children's homes in the borough.", "Head of Commissioning", "September 2025",
            "Amber",
            "The first home is registered and the first child moved in during November. The second "
            "home's building work has slipped by three months: its contractor went into administration, and "
            "the works restart in January."),
         _a("3.2", "Recruit thirty new foster carers through the regional fostering hub, with a campaign aimed at "
                   "carers for teenagers and for brothers and sisters who should live together.",
            "Fostering Service Manager", "March 2026", "Amber", "Eleven approved so far this year; the campaign "
            "runs again in the new year."),
         _a("3.3", "Review every placement that costs more than £5,000 a week.", HOS, "Quarterly", "Green",
            "Reviews held in July and October."),
         _a("3.4", "Publish a sufficiency strategy for 2025 to 2028.", HOS, "April 2025", "Red",
            "Draft delayed to take account of the regional commissioning review.")),
    _rec("4", "The quality of pathway plans for care leavers.",
         _a("4.1", "Rewrite the pathway plan template with young people from the Children in Care Council so that "
                   "it reads as their plan, in their words, and covers housing, money, education, work, health "
                   "and the people who matter to them.",
            "Leaving Care Service Manager", "February 2025", "Green",
            "New template in use since December."),
         _a("4.2", "Give every care leaver aged 21 to 25 a named personal adviser.", "Leaving Care Service Manager",
            "June 2025", "Amber",
            "Advisers named for 64 of 90 young people. Two new advisers start in January; the rest of the group "
            "will be allocated by March.")),
)

AUDIT_RECS = (
    _rec("1", "Payroll 2023/24 (limited assurance): starters, leavers and changes to pay.",
         _a("1.1", "Introduce an electronic starters and leavers form that cannot be submitted without a budget "
                   "holder's approval.", "Payroll Manager", "March 2025", "Amber",
            "Form built and tested; roll-out waits for the new HR system's release in February."),
         _a("1.2", "Reconcile the payroll to the establishment list every month.", "Payroll Manager", "Monthly",
            "Green", "Reconciliations done every month since August, with no unexplained differences."),
         _a("1.3", "Recover the overpayments identified by the audit, and report to the Audit and Governance "
                   "Committee on how much has been recovered, how much has been written off and why, and what "
                   "has changed so that leavers are removed from the payroll on time in future.",
            "Head of Finance", "December 2024", "Red", "£4,200 of £11,900 recovered.")),
    _rec("2", "Cyber security (reasonable assurance).",
         _a("2.1", "Run a phishing exercise every quarter.", "ICT Security Manager", "Quarterly", "Green",
            "Exercises held in June and September; the click rate fell from 14% to 6% and every member of staff "
            "who clicked has completed the refresher training. The December exercise will include members "
            "for the first time."),
         _a("2.2", "Complete the move of the remaining servers off unsupported operating systems.",
            "Head of ICT", "June 2025", "Amber", "Nine of fourteen servers moved.")),
    _rec("3", "Contract management (limited assurance).",
         _a("3.1", "Keep a contracts register that shows every contract's value, end date and manager, and "
                   "publish it quarterly as the Local Government Transparency Code requires.",
            "Head of Procurement", "January 2025", "Green", "Register published in October."),
         _a("3.2", "Appoint a contract manager for every contract over £100,000.", "Head of Procurement",
            "March 2025", "Red",
            "Managers named for 31 of 58 contracts. The rest will be allocated once the new "
            "structures are agreed in January."),
         _a("3.3", "Train contract managers in the new framework.", "Procurement Team Leader", "May 2025",
            "Amber", "First session held."),
         _a("3.4", "Report contract performance to the Audit and Governance Committee twice a year.",
            "Head of Procurement", "July 2025", "Green", "First report due in January.")),
    _rec("4", "Business continuity (no assurance).",
         _a("4.1", "Test every service's business continuity plan with an exercise, starting with the services "
                   "that must keep running in an emergency: housing options, adult social care, waste "
                   "collection, the contact centre, payments and the ICT service.",
            "Emergency Planning Officer", "September 2025", "Red", "Schedule of exercises agreed.")),
)

EQ = "Equality and Diversity Officer"
EQUALITY_RECS = (
    _rec("1", "Objective 1: Know our communities and use what we know when we make decisions.",
         _a("1.1", "Publish an equality profile of the district.", EQ, "March 2025", "Green",
            "Profile drafted from the 2021 Census and the council's own service data, and checked by the "
            "Equality Forum; it goes to Cabinet in February."),
         _a("1.2", "Complete an equality impact assessment for every budget proposal that changes a service.",
            "Head of Finance", "February 2025", "Amber", "Thirty of thirty-eight proposals assessed.")),
    _rec("2", "Objective 2: Make our services easy to reach for everyone who needs them.",
         _a("2.1", "Make every page of the council's website meet the accessibility standard.",
            "Digital Services Manager", "December 2025", "Amber",
            "Audit found 212 failures; 140 fixed."),
         _a("2.2", "Offer British Sign Language interpreting at every customer service point, booked through one "
                   "number, and tell Deaf residents how to use it through the organisations that support them "
                   "and through the council's own magazine.",
            "Customer Services Manager", "June 2025", "Green", "Service live since September."),
         _a("2.3", "Review the translation and interpreting contract.", "Head of Procurement", "April 2025", "Red",
            "Review not yet started: the contract has been extended for a year while the regional framework "
            "is retendered, and the review will now follow the framework's award."),
         _a("2.4", "Hold an annual community engagement event with the Equality Forum.", EQ, "Annually",
            "Green", "Held in October.")),
    _rec("3", "Objective 3: Be a fair employer whose workforce reflects the district.",
         _a("3.1", "Publish the gender, ethnicity and disability pay gaps each year, with an action plan to close "
                   "them agreed with the trade unions and the staff networks.",
            "Head of Human Resources", "March 2025", "Amber", "Gender pay gap published."),
         _a("3.2", "Guarantee an interview to disabled applicants who meet a post's essential criteria.",
            "Head of Human Resources", "January 2025", "Green", "In place for all posts advertised since April."),
         _a("3.3", "Set up a staff network for carers.", EQ, "May 2025", "Red",
            "Not started.")),
    _rec("4", "Objective 4: Work with our partners to tackle hate crime and harassment.",
         _a("4.1", "Open third-party hate crime reporting centres in the district's libraries and community "
                   "centres.", "Community Safety Manager", "October 2025", "Amber",
            "Six of ten centres open; staff at the other four are trained in January.")),
)


def _plan(title: str, headers: tuple[str, ...], recs: tuple[Recommendation, ...]) -> Plan:
    return Plan(title=title, note="", headers=headers, recommendations=recs, glossary_header=("", ""),
                glossary=())


HEADERS = ("Recommendation", "Action", "Lead officer", "Target date", "Progress update", "RAG")
COLUMNS = ("recommendation", "action", "lead", "target_date", "progress", "rag")
WIDTHS = (48.0, 84.0, 36.0, 22.0, 68.0, 14.0)
OFSTED = _plan("Ofsted Inspection of Local Authority Children's Services: Improvement Plan, progress at "
               "December 2024", HEADERS, OFSTED_RECS)
AUDIT = _plan("Internal Audit Recommendations Tracker: progress at December 2024",
              ("Audit and finding", "Agreed action", "Responsible officer", "Due date", "Progress", "Status"),
              AUDIT_RECS)
EQUALITY = _plan("Equality Action Plan 2024-2028: progress at December 2024",
                 ("Equality objective", "Action", "Lead", "By when", "Update", "RAG"), EQUALITY_RECS)


def _paper(stem: str, plan: Plan, council: str, committee: str) -> Paper:
    return Paper(stem=stem, formats=("pdf",), title=plan.title, council=council, plan=plan,
                 body=(f"This report sets out the progress {council} has made against the plan since the last "
                       f"report to the {committee}. Each action's status is shown by its colour: red, off track; "
                       "amber, some risk to delivery; green, on track or complete.",))


def _extent(n: int, rules: str, swatch: str, plan: Plan, council: str, committee: str, pages: tuple[int, ...],
            swatch_size: float = 7.0, group_middle: bool = False) -> Extent:
    """Paper ``n`` of the set, its rules and swatch named in its key."""
    slug = council.split()[0].lower()
    key = f"x{n}_{slug}_{rules or 'unruled'}_{swatch}"
    rule_words = {"": "no rules", "rows": "a rule round every cell, the group in its first row only",
                  "groups": "action columns ruled under every row, the group cell spanning its rows",
                  "lines": "rules across only, under every row in the action columns and under each group's "
                           "last row in the group's column, the group cell spanning its rows"}[rules]
    swatch_words = {"first": "a small square at the row's first line", "middle": "a square in the row's middle",
                    "fill": "the status cell filled whole"}[swatch]
    return Extent(key, f"{rule_words}; status as {swatch_words}; rows of one to six lines",
                  _paper(key, plan, council, committee),
                  Sheet(COLUMNS, WIDTHS, rules, swatch, swatch_size=swatch_size, group_middle=group_middle), pages)


BOARD, AUDIT_COMMITTEE, CABINET = "Improvement Board", "Audit and Governance Committee", "Cabinet"
EXTENTS: tuple[Extent, ...] = (
    _extent(1, "", "first", OFSTED, "Ashwell Borough Council", BOARD, (1,) * 7 + (2,) * 3, swatch_size=6),
    _extent(2, "", "middle", AUDIT, "Barrowby District Council", AUDIT_COMMITTEE, (1,) * 8 + (2,) * 2, swatch_size=9),
    _extent(3, "", "fill", EQUALITY, "Caldmore Council", CABINET, (1,) * 9 + (2,)),
    _extent(4, "rows", "middle", OFSTED, "Dunsford Council", BOARD, (1,) * 7 + (2,) * 3, swatch_size=8),
    _extent(5, "rows", "fill", AUDIT, "Elmstead Council", AUDIT_COMMITTEE, (1,) * 8 + (2,) * 2),
    _extent(6, "rows", "first", EQUALITY, "Farleigh Council", CABINET, (1,) * 9 + (2,), swatch_size=7),
    _extent(7, "groups", "fill", OFSTED, "Grantley Council", BOARD, (1,) * 8 + (2,) * 2, group_middle=True),
    _extent(8, "groups", "first", AUDIT, "Hawkridge Council", AUDIT_COMMITTEE, (1,) * 5 + (2,) * 5, swatch_size=6),
    _extent(9, "groups", "middle", EQUALITY, "Islip Council", CABINET, (1,) * 10, swatch_size=10,
            group_middle=True),
    _extent(10, "lines", "first", OFSTED, "Kelsall Council", BOARD, (1,) * 8 + (2,) * 2, swatch_size=8,
            group_middle=True),
    _extent(11, "lines", "middle", AUDIT, "Lindale Council", AUDIT_COMMITTEE, (1,) * 5 + (2,) * 5, swatch_size=7),
    _extent(12, "lines", "fill", EQUALITY, "Marden Council", CABINET, (1,) * 10, group_middle=True),
)


# =========================================================================== builder
def _styles(sheet: Sheet) -> tuple[ParagraphStyle, ParagraphStyle]:
    # Bitstream Vera ships with reportlab (Helvetica's glyph names read back oddly).
    pdfmetrics.registerFont(TTFont("Vera", "Vera.ttf"))
    pdfmetrics.registerFont(TTFont("VeraBd", "VeraBd.ttf"))
    normal = getSampleStyleSheet()["Normal"]
    cell = ParagraphStyle("cx", parent=normal, fontName="Vera", fontSize=sheet.size, leading=sheet.size * 1.25)
    return cell, ParagraphStyle("bx", parent=cell, fontName="VeraBd")


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(html.escape(text, quote=False), style)


def _swatch(fill: str, sheet: Sheet) -> object:
    from reportlab.graphics.shapes import Drawing, Rect

    size = sheet.swatch_size
    drawing = Drawing(size, size)
    drawing.add(Rect(0, 0, size, size, fillColor=colors.HexColor("#" + fill), strokeColor=None))
    return drawing


def _cells(action: Action, rec: Recommendation, first: bool, sheet: Sheet, cell: ParagraphStyle) -> list[object]:
    extras = dict(action.extras)
    values: dict[str, object] = {
        "recommendation": _p(f"{rec.number}. {rec.text}", cell) if first else "",
        "action": _p(f"{action.number} {action.text}", cell), "lead": _p(action.lead_raw, cell),
        "target_date": _p(extras["target_date"], cell), "progress": _p(extras["progress"], cell),
        "rag": "" if sheet.swatch == "fill" else _swatch(action.fill, sheet)}
    return [values[c] for c in sheet.columns]


def _rules(sheet: Sheet, groups: list[tuple[int, int]]) -> list[tuple[object, ...]]:
    """The rule commands: a rule under the header alone; a grid; or a grid whose group
    cells span their rows, so no rule crosses a group's column inside it."""
    if not sheet.rules:
        return [("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black)]
    if sheet.rules == "rows":
        return [("GRID", (0, 0), (-1, -1), 0.5, colors.black)]
    col = sheet.columns.index("recommendation")
    valign = "MIDDLE" if sheet.group_middle else "TOP"
    style: list[tuple[object, ...]] = []
    for first, last in groups:
        style += [("SPAN", (col, first), (col, last)), ("VALIGN", (col, first), (col, last), valign)]
    if sheet.rules == "groups":
        return [("GRID", (0, 0), (-1, -1), 0.5, colors.black), *style]
    # "lines": rules across, none down; under every row in the action columns, under a
    # group's last row only in its own column (as a plain Word table style draws them).
    style += [("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black),
              ("LINEBELOW", (col + 1, 1), (-1, -1), 0.5, colors.black)]
    return style + [("LINEBELOW", (col, last), (col, last), 0.5, colors.black) for _, last in groups]


def table_data(plan: Plan, sheet: Sheet) -> tuple[list[list[object]], list[tuple[object, ...]]]:
    """The table's rows and its style commands."""
    cell, bold = _styles(sheet)
    data: list[list[object]] = [[_p(h, bold) for h in plan.headers]]
    style: list[tuple[object, ...]] = [("VALIGN", (0, 0), (-1, -1), "TOP"), ("TOPPADDING", (0, 0), (-1, -1), 4),
                                       ("BOTTOMPADDING", (0, 0), (-1, -1), 5)]
    rag = sheet.columns.index("rag")
    groups: list[tuple[int, int]] = []
    for rec in plan.recommendations:
        first = len(data)
        for i, row in enumerate(rec.rows):
            action = row.actions[0]
            data.append(_cells(action, rec, i == 0, sheet, cell))
            at = len(data) - 1
            if sheet.swatch == "fill":
                style.append(("BACKGROUND", (rag, at), (rag, at), colors.HexColor("#" + action.fill)))
        groups.append((first, len(data) - 1))
    if sheet.swatch == "middle":
        style.append(("VALIGN", (rag, 1), (rag, -1), "MIDDLE"))
    return data, style + _rules(sheet, groups)


def platypus_pdf(extent: Extent, path: Path) -> Path:
    paper, sheet = extent.paper, extent.sheet
    assert paper.plan is not None
    cell, bold = _styles(sheet)
    data, style = table_data(paper.plan, sheet)
    table = Table(data, colWidths=[w * mm for w in sheet.widths], repeatRows=1)
    table.setStyle(TableStyle(style))
    title = ParagraphStyle("tx", parent=bold, fontSize=14, leading=18, spaceAfter=6)
    story = [_p(paper.title, title), *(_p(t, cell) for t in paper.body), Spacer(1, 8), table]
    SimpleDocTemplate(str(path), pagesize=landscape(A4), title=paper.title, author=paper.council,
                      leftMargin=12 * mm, rightMargin=12 * mm, topMargin=12 * mm, bottomMargin=12 * mm,
                      invariant=1).build(story)
    return path


def lines_of(text: str, width_mm: float, size: float = 9.0) -> int:
    """How many lines ``text`` takes in a cell ``width_mm`` wide (padding taken off), as
    reportlab sets it: what the tests check the papers' variety by."""
    cell, _ = _styles(Sheet(COLUMNS, WIDTHS, "", "first", size=size))
    para = _p(text, cell)
    para.wrap(width_mm * mm - 12, 1000)
    return len(para.blPara.lines)


def _build(extent: Extent, outdir: Path) -> list[Path]:
    return [platypus_pdf(extent, outdir / f"{extent.paper.stem}.pdf")]


BUILDERS: dict[str, Callable[[Extent, Path], list[Path]]] = {"platypus": _build}


def build(outdir: Path, only: tuple[str, ...] = ()) -> list[Path]:
    return build_all(EXTENTS, BUILDERS, outdir, only)


def main(argv: list[str] | None = None) -> int:
    return build_main("samplegen.extents", build, argv)


if __name__ == "__main__":
    sys.exit(main())
