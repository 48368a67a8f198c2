"""Test papers for plans read from what their columns hold (issue 22, items 1-4 and 7).

Each paper is one :class:`EvidencePaper`: the heading printed above its table, the table
as printed (header row, then rows of cells, a cell merged down over the rows below where
the next row's cell is ``MERGED``, a row of one text spanning the table), and the rows a
careful analyst would type from it, which are the tests' expectation. None of the plans'
action or lead columns is headed with a word of the vocabulary's lists: they are known by
their cells, and by words that only hint at them ("Lead Departments",
"Project/Intervention"). Build them all, in Word (python-docx) and PDF (reportlab, ruled),
with

    python -m samplegen.evidence tests/fixtures/evidence

Choices about expected values:
- The action of a column named for the thing delivered ("Project/Intervention") is the
  name; a "Description" beside it is a further column.
- Of two columns merged down over runs of rows left of the actions ("Scope" over
  "Emissions source"), the finer is the group each action serves (its
  ``recommendation_text``, numbered 1, 2, 3 in order as nothing is printed); the coarser
  is a further column.
- A numbered heading just above a table ("5.2 Waste and recycling") whose actions are
  numbered under it ("5.2.1") is their group; rows spanning that table ("Council wide")
  are sub-headings (the further column ``sub_heading``), not groups.
- A row spanning the action's columns but not the "Ref" column beside them ("Actions the
  council can take") is a sub-heading: neither an action nor a group.
- Two number columns, one merged down over each theme ("1", "2") and one per row ("1.1",
  "1.2"): the first numbers the group, the second is the action number.
- Leads: "A and B" and "A, B" are two leads where each side is a post or a body ("Property
  Services and Housing Team"); one inside a post's name ("Head of Leisure, Sport and
  Culture"); "&" inside a team's name ("Education & Youth") joins; "X, supported by Y"
  is two; "with input from ..." names contributors, not leads; "As above" repeats the
  leads of the row above.
"""
from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

from samplegen.building import build_all, build_main

MERGED = "\x00merged"  # a cell merged into the one above it
SPAN = "\x00span"  # a cell merged into the one to its left


@dataclass(frozen=True)
class Expected:
    """One action as the analyst types it."""

    action_text: str
    action_number: str = ""  # "" where nothing is printed: numbered 1, 2, 3 in order
    lead_officer_raw: str = ""
    lead_officers: tuple[str, ...] = ()
    recommendation_number: str = ""
    recommendation_text: str = ""
    target_date: str = ""
    extras: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class EvidencePaper:
    key: str
    title: str
    heading: str  # printed just above the table
    intro: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]  # a row of one cell spans the table
    expected: tuple[Expected, ...] = ()  # none: the paper holds no plan
    formats: tuple[str, ...] = ("docx", "pdf")
    builder: str = "evidence"
    widths: tuple[float, ...] = field(default_factory=tuple)  # cm; even where empty

    @property
    def stem(self) -> str:
        return self.key


# =========================================================================== e01
_REGISTER_ROWS: tuple[tuple[str, ...], ...] = (
    ("Solar canopies at the civic centre car park", "Property Services and Housing Team",
     "Install solar canopies over 120 spaces, with chargers for the pool fleet.", "2025 - 2026"),
    ("Parks tree planting programme", "Head of Leisure, Sport and Culture",
     "Plant 3,000 trees on council land over three winters.", "Winter 2025 onwards"),
    ("Home retrofit advice service", "Climate Officer, supported by Finance Team",
     "Give free retrofit advice to owner-occupiers and small landlords.", "April 2026"),
    ("Retrofit grant scheme for private landlords", "As above",
     "Offer grants of up to £5,000 for insulation in private rented homes.", "2026 - 2027"),
    ("School energy audits and metering upgrade", "Energy Unit, Education & Youth",
     "Audit the energy use of every maintained school and fit smart meters.", "Ongoing"),
    ("Depot heat pump replacement", "Estates Team, with input from school business managers",
     "Replace the gas boilers at the depot with air source heat pumps.", "March 2027"),
)

REGISTER = EvidencePaper(
    key="e01_harrowby_climate_projects",
    title="Harrowby District Council – Climate Programme 2025 to 2028",
    heading="Appendix B: Key projects",
    intro="The projects below carry the programme agreed by Cabinet in March 2025. Each names the departments "
          "that lead it and when it will be delivered.",
    header=("Project/Intervention", "Lead Departments", "Description", "Timing"),
    rows=_REGISTER_ROWS,
    expected=tuple(
        Expected(project, str(i), lead, leads, target_date=when, extras=(("description", description),))
        for i, ((project, lead, description, when), leads) in enumerate(zip(_REGISTER_ROWS, (
            ("Property Services", "Housing Team"),
            ("Head of Leisure, Sport and Culture",),
            ("Climate Officer", "Finance Team"),
            ("Climate Officer", "Finance Team"),  # "As above"
            ("Energy Unit", "Education & Youth"),
            ("Estates Team",),
        ), strict=True), start=1)),
    widths=(5.0, 4.0, 6.0, 2.5),
)

# =========================================================================== e02
SCOPE = "Scope 1 (direct)"
FLEET = "Council fleet"
HEAT = "Heating of council buildings"
GROUPS = EvidencePaper(
    key="e02_thornbury_emissions_groups",
    title="Thornbury Borough Council – Carbon Reduction Plan",
    heading="Table 3: Our actions by emissions source",
    intro="The actions below are grouped by the source of the emissions they reduce.",
    header=("Scope", "Emissions source", "Actions", "Lead Departments", "Timeline"),
    rows=(
        (SCOPE, FLEET, "Replace the pool cars with electric vehicles as their leases end.", "Fleet Services",
         "2025 - 2027"),
        (MERGED, MERGED, "Fit telematics to every refuse vehicle to cut idling.", "Waste Services", "2025"),
        (MERGED, HEAT, "Replace the oil boiler at the leisure centre with a heat pump.", "Property Services",
         "2026 - 2027"),
        (MERGED, MERGED, "Lower the heating set point in offices to 19 degrees.", "Facilities Team", "2025"),
        (MERGED, MERGED, "Commission heat decarbonisation plans for the ten largest sites.",
         "Property Services / Energy Team", "2025 - 2026"),
    ),
    expected=(
        Expected("Replace the pool cars with electric vehicles as their leases end.", "1", "Fleet Services",
                 ("Fleet Services",), "1", FLEET, "2025 - 2027", (("scope", SCOPE),)),
        Expected("Fit telematics to every refuse vehicle to cut idling.", "2", "Waste Services", ("Waste Services",),
                 "1", FLEET, "2025", (("scope", SCOPE),)),
        Expected("Replace the oil boiler at the leisure centre with a heat pump.", "3", "Property Services",
                 ("Property Services",), "2", HEAT, "2026 - 2027", (("scope", SCOPE),)),
        Expected("Lower the heating set point in offices to 19 degrees.", "4", "Facilities Team", ("Facilities Team",),
                 "2", HEAT, "2025", (("scope", SCOPE),)),
        Expected("Commission heat decarbonisation plans for the ten largest sites.", "5",
                 "Property Services / Energy Team", ("Property Services", "Energy Team"), "2", HEAT, "2025 - 2026",
                 (("scope", SCOPE),)),
    ),
    widths=(2.5, 3.5, 7.0, 3.5, 2.5),
)

# =========================================================================== e03
SECTION = EvidencePaper(
    key="e03_millbrook_waste_section",
    title="Millbrook District Council – Climate Action Plan",
    heading="5.2 Waste and recycling",
    intro="Household waste is the second largest source of emissions the council can influence.",
    header=("Action", "Timescale"),
    rows=(
        ("Council wide",),
        ("5.2.1 Introduce food waste collections from every council office.", "Short term"),
        ("5.2.2 Stop buying single-use plastics for council events.", "Ongoing"),
        ("District wide",),
        ("5.2.3 Offer every household a weekly food waste collection.", "Medium term"),
        ("5.2.4 Run a reuse shop at the household waste recycling centre.", "2026"),
    ),
    expected=tuple(
        Expected(text, number, recommendation_number="5.2", recommendation_text="Waste and recycling",
                 target_date=when, extras=(("sub_heading", sub),))
        for number, text, when, sub in (
            ("5.2.1", "Introduce food waste collections from every council office.", "Short term", "Council wide"),
            ("5.2.2", "Stop buying single-use plastics for council events.", "Ongoing", "Council wide"),
            ("5.2.3", "Offer every household a weekly food waste collection.", "Medium term", "District wide"),
            ("5.2.4", "Run a reuse shop at the household waste recycling centre.", "2026", "District wide"))),
    widths=(12.0, 4.0),
)

# =========================================================================== e04
INVENTORY = EvidencePaper(
    key="e04_ashcombe_emissions_inventory",
    title="Ashcombe County Council – Carbon Footprint 2024/25",
    heading="Table 2: Emissions by source",
    intro="The council's own emissions in 2024/25, by source, with the service that owns each.",
    header=("Source", "Emissions (tCO2e)", "Owner", "Comments"),
    rows=(
        ("Electricity in council buildings", "1,240", "Property Services",
         "Includes schools that buy their energy through the council."),
        ("Gas heating in council buildings", "2,310", "Property Services",
         "Weather-corrected figures are given in Appendix C."),
        ("Council fleet diesel", "860", "Fleet Services", "Down 12% on the year before as electric vans arrived."),
        ("Business travel in staff cars", "215", "Human Resources", "Mileage claims only; rail travel is excluded."),
    ),
    widths=(5.0, 3.0, 4.0, 6.0),
)

# =========================================================================== e05
CAN_DO = "Actions the council can take"
SUB_HEADINGS = EvidencePaper(
    key="e05_fairleigh_sub_headings",
    title="Fairleigh Borough Council – Air Quality Action Plan",
    heading="Action plan",
    intro="Each measure below is numbered; rows naming who can act divide the plan.",
    header=("Ref", "Action", "Lead officer", "By when"),
    rows=(
        ("", CAN_DO, SPAN, SPAN),
        ("AQ1", "Review the idling enforcement policy and publish it on the website.", "Head of Environmental Health",
         "June 2026"),
        ("AQ2", "Replace the council's diesel vans with electric vans as their leases end.", "Fleet Manager",
         "2027"),
        ("", "Actions for our partners", SPAN, SPAN),
        ("AQ3", "Ask the bus operators to retrofit their oldest buses to Euro VI.", "Transport Planning Manager",
         "March 2027"),
    ),
    expected=(
        Expected("Review the idling enforcement policy and publish it on the website.", "AQ1",
                 "Head of Environmental Health", ("Head of Environmental Health",), target_date="June 2026"),
        Expected("Replace the council's diesel vans with electric vans as their leases end.", "AQ2", "Fleet Manager",
                 ("Fleet Manager",), target_date="2027"),
        Expected("Ask the bus operators to retrofit their oldest buses to Euro VI.", "AQ3",
                 "Transport Planning Manager", ("Transport Planning Manager",), target_date="March 2027"),
    ),
    widths=(1.5, 10.0, 5.0, 3.0),
)

# =========================================================================== e06
SAFE = "Keep children safe online"
ATTEND = "Improve attendance"
TWO_NUMBERS = EvidencePaper(
    key="e06_westmoor_two_number_columns",
    title="Westmoor Council – Education Improvement Plan",
    heading="Improvement plan 2025/26",
    intro="Each theme is numbered, and each action under it has its own reference.",
    header=("No.", "Theme", "Ref", "Action", "Lead officer", "Target date"),
    rows=(
        ("1", SAFE, "1.1", "Train a designated online safety lead in every school.", "Head of School Improvement",
         "December 2025"),
        (MERGED, MERGED, "1.2", "Run online safety sessions for parents in every locality.", "Early Help Manager",
         "March 2026"),
        ("2", ATTEND, "2.1", "Contact the family of every pupil absent for three days in a row.",
         "Attendance Service Manager", "September 2025"),
        (MERGED, MERGED, "2.2", "Publish attendance figures for each school every half term.",
         "Head of School Improvement", "October 2025"),
        (MERGED, MERGED, "2.3", "Hold attendance panels with schools with the highest persistent absence.",
         "Attendance Service Manager", "January 2026"),
    ),
    expected=tuple(
        Expected(text, ref, lead, (lead,), no, theme, when)
        for no, theme, ref, text, lead, when in (
            ("1", SAFE, "1.1", "Train a designated online safety lead in every school.", "Head of School Improvement",
             "December 2025"),
            ("1", SAFE, "1.2", "Run online safety sessions for parents in every locality.", "Early Help Manager",
             "March 2026"),
            ("2", ATTEND, "2.1", "Contact the family of every pupil absent for three days in a row.",
             "Attendance Service Manager", "September 2025"),
            ("2", ATTEND, "2.2", "Publish attendance figures for each school every half term.",
             "Head of School Improvement", "October 2025"),
            ("2", ATTEND, "2.3", "Hold attendance panels with schools with the highest persistent absence.",
             "Attendance Service Manager", "January 2026"))),
    widths=(1.2, 4.0, 1.2, 9.0, 4.5, 3.0),
)

PAPERS: tuple[EvidencePaper, ...] = (REGISTER, GROUPS, SECTION, INVENTORY, SUB_HEADINGS, TWO_NUMBERS)


# =========================================================================== writers

def _spans(rows: tuple[tuple[str, ...], ...]) -> dict[tuple[int, int], int]:
    """{(row, col): rows it covers} for each cell merged down over the rows below it."""
    out: dict[tuple[int, int], int] = {}
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if text == MERGED:
                continue
            n = 1
            while r + n < len(rows) and len(rows[r + n]) > c and rows[r + n][c] == MERGED:
                n += 1
            out[(r, c)] = n
    return out


def _right_span(row: tuple[str, ...], c: int) -> int:
    """How many columns a cell covers, itself and the SPAN cells right of it."""
    n = 1
    while c + n < len(row) and row[c + n] == SPAN:
        n += 1
    return n


def write_docx(paper: EvidencePaper, path: Path) -> Path:
    import docx
    from docx.shared import Cm

    document = docx.Document()
    document.add_heading(paper.title, level=1)
    document.add_paragraph(paper.intro)
    document.add_heading(paper.heading, level=2)
    table = document.add_table(rows=1 + len(paper.rows), cols=len(paper.header))
    table.style = "Table Grid"
    for c, text in enumerate(paper.header):
        table.cell(0, c).text = text
        table.cell(0, c).paragraphs[0].runs[0].bold = True
    spans = _spans(paper.rows)
    for r, row in enumerate(paper.rows, start=1):
        if len(row) == 1:  # a row spanning the table
            cell = table.cell(r, 0).merge(table.cell(r, len(paper.header) - 1))
            cell.text = row[0]
            continue
        for c, text in enumerate(row):
            if text in (MERGED, SPAN):
                continue
            cell = table.cell(r, c)
            if spans[(r - 1, c)] > 1:
                cell = cell.merge(table.cell(r - 1 + spans[(r - 1, c)], c))
            right = _right_span(row, c)
            if right > 1:
                cell = cell.merge(table.cell(r, c + right - 1))
            cell.text = text
    for c, width in enumerate(paper.widths):
        for cell in table.columns[c].cells:
            cell.width = Cm(width)
    document.core_properties.title = paper.title
    document.save(str(path))
    return path


def write_pdf(paper: EvidencePaper, path: Path) -> Path:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.lib.units import cm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    styles = getSampleStyleSheet()
    cell_style = styles["BodyText"]
    spans = _spans(paper.rows)
    data: list[list[object]] = [[Paragraph(f"<b>{t}</b>", cell_style) for t in paper.header]]
    commands: list[tuple[object, ...]] = [("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                                          ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                          ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#D9D9D9"))]
    for r, row in enumerate(paper.rows, start=1):
        if len(row) == 1:
            data.append([Paragraph(f"<b>{row[0]}</b>", cell_style)] + [""] * (len(paper.header) - 1))
            commands.append(("SPAN", (0, r), (-1, r)))
            continue
        data.append([Paragraph(t.replace("&", "&amp;"), cell_style) if t not in (MERGED, SPAN) else "" for t in row])
        for c, text in enumerate(row):
            if text in (MERGED, SPAN):
                continue
            if spans.get((r - 1, c), 1) > 1:
                commands.append(("SPAN", (c, r), (c, r - 1 + spans[(r - 1, c)])))
            if _right_span(row, c) > 1:
                commands.append(("SPAN", (c, r), (c + _right_span(row, c) - 1, r)))
    table = Table(data, colWidths=[w * cm for w in paper.widths], repeatRows=1)
    table.setStyle(TableStyle(commands))
    doc = SimpleDocTemplate(str(path), pagesize=landscape(A4), title=paper.title, leftMargin=2 * cm,
                            rightMargin=2 * cm, topMargin=2 * cm, bottomMargin=2 * cm)
    doc.build([Paragraph(paper.title, styles["Heading1"]), Paragraph(paper.intro, styles["BodyText"]),
               Spacer(1, 0.3 * cm), Paragraph(paper.heading, styles["Heading2"]), table])
    return path


def _build(paper: EvidencePaper, outdir: Path) -> list[Path]:
    writers = {"docx": write_docx, "pdf": write_pdf}
    return [writers[fmt](paper, outdir / f"{paper.stem}.{fmt}") for fmt in paper.formats]


def build(outdir: Path, only: tuple[str, ...] = ()) -> list[Path]:
    return build_all(PAPERS, {"evidence": _build}, outdir, only)


def main(argv: list[str] | None = None) -> int:
    return build_main("samplegen.evidence", build, argv)


if __name__ == "__main__":
    sys.exit(main())
