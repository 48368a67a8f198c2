"""Test papers for issue 23: tables as a reader sees them.

Plans exported from Word, HTML or a report writer print a table in pieces and style it
rather than rule it. Each paper here is a :class:`Layout23`, whose ``Paper`` is what a
careful analyst would type from the printed page (the tests' expectation):

- **pieces**: an unruled table whose groups are full-width banner rows ("Objective 2.
  ..."), shaded or bold, running over three pages, with its header repeated on each page
  or printed once only (the continuations then have none);
- **band**: an unruled table whose header is a dark band of white bold words, some of
  them wrapped onto two lines and set in the band's middle, so no one printed line of
  the header holds every column's word; repeated on each page;
- **tall rows**: rows taller than what is left of the page, split by the page break,
  their cells carrying on under the repeated header.

Build them with

    python -m samplegen.layouts23 tests/fixtures/layouts23

They are drawn by reportlab in ``samplegen.layout23_writer`` (only Python needed); the
built files are committed beside the other test papers. ``WORD23`` holds the same papers
as Word writes them (``samplegen.layout23_docx``) and ``WEB23`` as a council's web page,
saved and printed to PDF by Chromium (``samplegen.layout23_html``; building needs Debian's
chromium, reading the committed files does not), where the case exists there: a swatch
at a row's first line is a printed page's only. ``page`` is the PDF page on which
an action's row starts, read off the built PDF (``Layout23.pages``).
"""
from __future__ import annotations

import sys
from dataclasses import dataclass, replace
from pathlib import Path

from .layouts12 import COLOUR_NAMES
from .spec import Action, Paper, Plan, Recommendation, Row

BANNER_FILL = "E2EFD9"  # a shaded banner row's fill


@dataclass(frozen=True)
class Sheet:
    """How the table is printed."""

    columns: tuple[str, ...]  # each header column's role: "recommendation", "action", "lead", "target_date", "rag"
    widths: tuple[float, ...]  # mm
    banners: str = ""  # groups as full-width rows: "shaded", "bold", or "" (a recommendation column)
    banner_label: str = "Objective {n} – {text}"
    band: str = ""  # the header's fill ("1F3864"), "" for none
    header_lines: tuple[str, ...] = ()  # the header as printed, "\n" where it wraps (default: the plan's)
    middle: bool = False  # cells set in the middle of their row (else at the top)
    repeat: bool = True  # the header printed again on every page
    split_rows: bool = False  # a row taller than the rest of the page split across the break
    # Rules: "" none (a line under the header); "grid" a rule round every cell, the
    # recommendation's cell spanning its actions' rows (a rule under the group only);
    # "rows" a rule round every cell, the recommendation printed in its first row only.
    rules: str = ""
    swatch: float = 0.0  # a status shown by a square of colour this many points wide, at the row's first line
    swatch_drop: float = 0.0  # points the square stands below the top of the row's first line
    size: float = 10.0
    landscape: bool = False
    # Space above the table, so the page breaks fall where the paper means them to.
    space_above: float = 0.0
    # Word's and the web page's cells as lines broken by line breaks (Shift+Enter, <br>; a
    # blank line between paragraphs, bullets typed "• "), as editors often type them,
    # rather than paragraphs and lists.
    line_breaks: bool = False


@dataclass(frozen=True)
class Layout23:
    key: str
    exercises: str
    paper: Paper
    sheet: Sheet
    pages: tuple[int, ...]  # the PDF page each action's row starts on, in plan order ("docx": none)
    builder: str = "platypus"  # "platypus": reportlab; "docx": python-docx; "chromium": a web page printed


def _a(number: str, text: str, lead: str, leads: tuple[str, ...], date: str, rag: str = "") -> Action:
    return Action(number, text, lead, leads, rag, rag, number_style="text", extras=(("target_date", date),))


def _rec(number: str, text: str, *actions: Action) -> Recommendation:
    return Recommendation(number, text, tuple(Row((a,)) for a in actions))


# =========================================================================== plans
# A climate action plan: objectives as banners, actions numbered "1.1", a service and a date.
EST, STR, HOU, TRN = "Estates and Facilities", "Corporate Strategy", "Housing Services", "Transport Planning"
CLIMATE_RECS = (
    _rec("1", "Reducing emissions from the council's own buildings, vehicles and services",
         _a("1.1", "Deliver the energy efficiency and renewable energy projects in the Carbon Management Plan for "
                   "2024-2029 across offices, leisure centres, depots, car parks and community centres, starting "
                   "with the buildings whose heating systems reach the end of their lives first.",
            EST, (EST,), "March 2029"),
         _a("1.2", "Bid for government and other funding for decarbonising the council's buildings whenever a "
                   "scheme opens, and keep a list of projects ready to bid with.",
            "Finance Service", ("Finance Service",), "Ongoing"),
         _a("1.3", "Replace vans and trucks in the fleet with ultra low emission vehicles where a suitable vehicle "
                   "exists and the depot can charge it.",
            "Fleet Management", ("Fleet Management",), "Annually to 2030"),
         _a("1.4", "Review the office accommodation strategy, including whether each office should be kept, "
                   "shared with partners or given up, and what each choice would save in carbon and in money.",
            f"Property Services, {EST}", ("Property Services", EST), "July 2025"),
         _a("1.5", "Write carbon expectations into the standard tender pack and into the guidance for contract "
                   "managers.", "Procurement Team", ("Procurement Team",), "September 2025"),
         _a("1.6", "Set a net zero standard for any new council building or major refurbishment, and report each "
                   "project against it to the Climate Board.", STR, (STR,), "December 2025")),
    _rec("2", "Cutting energy use and emissions from homes across the district",
         _a("2.1", "Invest in insulation and heating improvements to council homes, starting with the homes whose "
                   "energy performance is rated E, F or G, and report progress each year to tenants.",
            HOU, (HOU,), "March 2027"),
         _a("2.2", "Build new council homes to a net zero carbon standard wherever the site allows it.",
            "Housing Development Team", ("Housing Development Team",), "2025 onwards"),
         _a("2.3", "Run group-buying schemes for solar panels and batteries with neighbouring councils.",
            "Environmental Services", ("Environmental Services",), "Ongoing to 2028"),
         _a("2.4", "Enforce minimum energy standards in privately rented homes, starting with the homes rated F "
                   "and G, and publish the number of notices served.",
            "Private Sector Housing", ("Private Sector Housing",), "December 2025")),
    _rec("3", "Reducing emissions from travel and transport",
         _a("3.1", "Install public charge points for electric vehicles in council car parks in every town.",
            TRN, (TRN,), "March 2026"),
         _a("3.2", "Adopt a local cycling and walking infrastructure plan with the county council.",
            f"{TRN}, {STR}", (TRN, STR), "June 2025"),
         _a("3.3", "Offer every member of staff a travel plan, a cycle to work scheme and pool electric cars.",
            "Human Resources", ("Human Resources",), "October 2025")),
)

# An improvement plan with a recommendation column and a status in words.
IMP_RECS = (
    _rec("1", "Strengthen the council's arrangements for managing its contracts.",
         _a("1.1", "Appoint a contract manager for every contract over £100,000 and train them in the new "
                   "contract management framework.", "Head of Procurement", ("Head of Procurement",),
            "March 2025", "Amber"),
         _a("1.2", "Keep a contracts register that shows each contract's value, end date and manager.",
            "Head of Procurement", ("Head of Procurement",), "December 2024", "Green")),
    _rec("2", "Improve the timeliness of responses to complaints.",
         _a("2.1", "Set up a complaints team in the customer service centre and answer every stage one complaint "
                   "within ten working days.", "Customer Services Manager", ("Customer Services Manager",),
            "January 2025", "Red"),
         _a("2.2", "Report complaints performance to the Audit Committee every quarter.",
            "Head of Governance", ("Head of Governance",), "Quarterly", "Green"),
         _a("2.3", "Publish an annual review of complaints and what the council learned from them.",
            "Head of Governance", ("Head of Governance",), "July 2025", "Amber")),
    _rec("3", "Make sure that the medium term financial strategy is reviewed with members each year.",
         _a("3.1", "Hold a budget workshop with all members each autumn before the draft budget is published.",
            "Chief Finance Officer", ("Chief Finance Officer",), "November 2024", "Green"),
         _a("3.2", "Publish the reserves strategy with the budget, showing what each reserve is for.",
            "Chief Finance Officer", ("Chief Finance Officer",), "February 2025", "Amber")),
    _rec("4", "Develop the council's workforce strategy.",
         _a("4.1", "Agree a workforce strategy with the trade unions that addresses recruitment to hard to fill "
                   "posts.", "Head of Human Resources", ("Head of Human Resources",), "June 2025", "Amber"),
         _a("4.2", "Offer every manager the leadership programme within two years.", "Head of Human Resources",
            ("Head of Human Resources",), "March 2026", "Red")),
)

# Rows long enough that a page break falls inside one of them.
LONG = (" The work is planned with the services that hold the budgets, reported to the programme board each "
        "month and to the cabinet member each quarter, and its risks are kept on the programme's risk register "
        "so that slippage is seen early and acted on before it affects the residents who rely on the service.")
TALL_RECS = tuple(
    _rec(r.number, r.text, *(_a(a.number, a.text + (LONG if a.number in ("1.2", "1.5", "2.2", "3.1") else ""),
                                a.lead_raw, a.leads, dict(a.extras)["target_date"]) for a in r.actions))
    for r in CLIMATE_RECS)


@dataclass(frozen=True)
class ListRow(Row):
    """Several actions in one action cell, as bullets ("• ...") or plain paragraphs; a
    lead, date or progress cell the actions share is printed once."""

    bullets: bool = True


def _u(number: str, text: str, lead: str, date: str, progress: str, *paragraphs: str) -> Action:
    """An unnumbered action (``number`` inferred from order, running on across the
    plan), its text of one or more paragraphs."""
    return Action(number, text if not paragraphs else " ".join(paragraphs), lead, (lead,), number_style="none",
                  paragraphs=paragraphs, extras=(("target_date", date), ("progress", progress)))


SHARED_PROGRESS = ("The tenancy sustainment team was set up in September and has taken 140 referrals. Partners "
                   "report that referrals are arriving earlier, but the waiting list for support has grown.")
SHSH = "Head of Strategic Housing and Homelessness Services"
CELL_RECS = (
    Recommendation("1", "Reduce the number of households placed in temporary accommodation.", (
        Row((_u("1", "", SHSH, "March 2025", "Two homes leased; six more in negotiation.",
                "Lease forty homes from private landlords for use as temporary accommodation.",
                "Homes will be leased for five years, with the council as managing agent."),)),
        Row((_u("2", "Review every household in temporary accommodation each month.",
                "Temporary Accommodation Manager", "Monthly", "Reviews held each month since July."),)),
    )),
    Recommendation("2", "Help tenants keep their homes.", (
        ListRow(tuple(_u(n, text, "Tenancy Sustainment Manager", "December 2024", SHARED_PROGRESS) for n, text in (
            ("3", "Offer a tenancy sustainment worker to every new tenant."),
            ("4", "Contact tenants within a week of a missed rent payment."),
            ("5", "Train housing officers to spot hoarding and self-neglect.")))),
        ListRow((_u("6", "Publish a guide to tenants' rights in five languages.", "Communications Manager",
                    "January 2025", "Translations commissioned."),
                 _u("7", "Hold a drop-in advice session in every library.", "Customer Services Manager",
                    "February 2025", "Sessions booked in four of six libraries.")), bullets=False),
    )),
    Recommendation("3", "Agree how the council will decide on new lettings policy.", (
        Row((_u("8", "", "Director of Housing", "April 2025", "Consultation closes in January.",
                "Cabinet will decide on the new allocations policy in April 2025.",
                "Members asked that the consultation include every tenants' association."),)),
    )),
)


def _plan(title: str, headers: tuple[str, ...], recs: tuple[Recommendation, ...]) -> Plan:
    return Plan(title=title, note="", headers=headers, recommendations=recs, glossary_header=("", ""),
                glossary=())


CLIMATE = _plan("Climate Change Strategy Action Plan 2024-2029", ("Action", "Service", "Date"), CLIMATE_RECS)
IMPROVEMENT = _plan("Corporate Improvement Plan: progress at December 2024",
                    ("Recommendation", "Action", "Responsible officer", "Target date", "Status"), IMP_RECS)
CELLS = _plan("Homelessness Strategy Delivery Plan: progress at November 2024",
              ("Recommendation", "Action", "Lead officer", "Target date", "Progress"), CELL_RECS)
# The improvement plan with its statuses shown by squares of colour alone, and rows of
# one to six lines.
FILLS = {"Red": "C00000", "Amber": "FFC000", "Green": "00B050"}
SWATCH_RECS = tuple(
    Recommendation(r.number, r.text, tuple(
        Row((replace(a, rag_raw=COLOUR_NAMES[FILLS[a.rag]][0], fill=FILLS[a.rag], colour_only=True,
                     text=a.text + (LONG if a.number in ("1.2", "2.3", "4.1") else "")),))
        for a in r.actions))
    for r in IMP_RECS)
SWATCHES = _plan("Corporate Improvement Plan: progress at December 2024",
                 ("Recommendation", "Action", "Responsible officer", "Target date", "Status"), SWATCH_RECS)
IMPROVEMENT_LONG = replace(SWATCHES, recommendations=tuple(
    replace(r, rows=tuple(Row(tuple(replace(a, rag_raw=a.rag, fill="", colour_only=False) for a in row.actions))
                          for row in r.rows))
    for r in SWATCH_RECS))
TALL = _plan("Climate Change Strategy Action Plan 2024-2029", ("Action", "Service", "Date"), TALL_RECS)


def _paper(stem: str, plan: Plan, council: str) -> Paper:
    return Paper(stem=stem, formats=("pdf",), title=plan.title, council=council, plan=plan,
                 body=(f"This is the action plan agreed by {council}. It is reviewed every year and progress is "
                       "reported to the Environment Committee.",))


CLIMATE_SHEET = Sheet(columns=("action", "lead", "target_date"), widths=(105, 45, 30), banners="shaded", size=12.5,
                      space_above=120)
BAND_SHEET = Sheet(columns=("recommendation", "action", "lead", "target_date", "rag"), widths=(62, 90, 44, 30, 22),
                   band="1F3864", header_lines=("Recommendation", "Action", "Responsible\nofficer", "Target\ndate",
                                                "Status"), middle=True, landscape=True, size=12.5, space_above=80)
LAYOUTS23: tuple[Layout23, ...] = (
    Layout23("p1_ashby_pieces_shaded_banners",
             "unruled table in pieces: header repeated on each page, objectives as shaded full-width rows",
             _paper("p1_ashby_pieces_shaded_banners", CLIMATE, "Ashby District Council"), CLIMATE_SHEET,
             (1,) * 5 + (2,) * 8),
    Layout23("p2_bexley_pieces_no_repeat",
             "unruled table in pieces: header printed once, the continuations headerless; objectives as bold "
             "full-width rows with no shading",
             _paper("p2_bexley_pieces_no_repeat", CLIMATE, "Bexley Vale Council"),
             Sheet(columns=CLIMATE_SHEET.columns, widths=CLIMATE_SHEET.widths, banners="bold", repeat=False,
                   size=12.5),
             (1,) * 6 + (2,) * 7),
    Layout23("b1_corby_shaded_header_band",
             "unruled table whose header is a dark band of white bold words, wrapped and set in the band's "
             "middle, repeated on each page; a recommendation column and a status in words",
             _paper("b1_corby_shaded_header_band", IMPROVEMENT, "Corby Heath Council"), BAND_SHEET,
             (1,) * 4 + (2,) * 5),
    Layout23("b2_dunham_wrapped_bold_header",
             "unruled table whose header is bold black words under a rule, wrapped and set in the row's middle, "
             "repeated on each page; a recommendation column and a status in words",
             _paper("b2_dunham_wrapped_bold_header", IMPROVEMENT, "Dunham Council"),
             replace(BAND_SHEET, band="", space_above=80),
             (1,) * 4 + (2,) * 5),
    Layout23("m1_eckington_paragraphs_in_cells",
             "unnumbered actions: a two-paragraph action beside a wrapped officer's name; a decision of two "
             "sentences in two paragraphs; three bulleted actions sharing one officer, date and progress "
             "narrative; two plain paragraphs beside two officers, two dates and two progress notes",
             _paper("m1_eckington_paragraphs_in_cells", CELLS, "Eckington Council"),
             Sheet(columns=("recommendation", "action", "lead", "target_date", "progress"),
                   widths=(50, 88, 45, 30, 52), size=10, space_above=150, landscape=True),
             (1,) * 5 + (2,) * 3),
    Layout23("s1_fenwick_small_swatches",
             "unruled table whose statuses are small squares of colour at each row's first line, rows of one to "
             "seven lines",
             _paper("s1_fenwick_small_swatches", SWATCHES, "Fenwick Council"),
             Sheet(columns=BAND_SHEET.columns, widths=BAND_SHEET.widths, landscape=True, swatch=7, size=10),
             (1,) * 5 + (2,) * 4),
    Layout23("s2_garston_tall_swatches",
             "unruled table whose statuses are squares of colour taller than a line, set a little below the "
             "first line's top; rows of one to seven lines",
             _paper("s2_garston_tall_swatches", SWATCHES, "Garston Council"),
             Sheet(columns=BAND_SHEET.columns, widths=BAND_SHEET.widths, landscape=True, swatch=20, swatch_drop=6,
                   size=10),
             (1,) * 5 + (2,) * 4),
    Layout23("g1_hatton_ruled_groups",
             "ruled table whose recommendation cells span their actions' rows, set in the middle of the span: "
             "a rule under each action but only under a group's last row in the recommendation column; rows of "
             "one to seven lines",
             _paper("g1_hatton_ruled_groups", IMPROVEMENT_LONG, "Hatton Council"),
             Sheet(columns=BAND_SHEET.columns, widths=BAND_SHEET.widths, landscape=True, rules="grid", middle=True,
                   size=10),
             (1,) * 5 + (2,) * 4),
    Layout23("g2_ilkley_ruled_rows",
             "ruled table with a rule under every row in every column, the recommendation printed in its group's "
             "first row only, the rows below it blank in that column",
             _paper("g2_ilkley_ruled_rows", IMPROVEMENT_LONG, "Ilkley Council"),
             Sheet(columns=BAND_SHEET.columns, widths=BAND_SHEET.widths, landscape=True, rules="rows", size=10),
             (1,) * 5 + (2,) * 4),
    Layout23("t1_denby_rows_split_by_breaks",
             "unruled table with rows taller than the rest of the page, split by the page break and carried on "
             "under the repeated header",
             _paper("t1_denby_rows_split_by_breaks", TALL, "Denby Dale Council"),
             Sheet(columns=CLIMATE_SHEET.columns, widths=CLIMATE_SHEET.widths, banners="shaded", split_rows=True,
                   size=12.5, space_above=60),
             (1,) * 5 + (2,) * 5 + (3,) * 3),
)


# =========================================================================== versions
def _version(layout: Layout23, builder: str, pages: tuple[int, ...] = (), space_above: float | None = None,
             line_breaks: bool = False) -> Layout23:
    """The same paper written by Word ("docx") or as a council's web page, printed by
    Chromium ("chromium"); ``pages`` read off the printed PDF, ``space_above`` where the
    browser's page breaks need the table set lower or higher than reportlab's."""
    key = f"{layout.key}_{'word' if builder == 'docx' else 'web'}{'_br' if line_breaks else ''}"
    fmt = "docx" if builder == "docx" else "pdf"
    how = "a Word table" if builder == "docx" else "a web page's table printed to PDF by Chromium"
    how += ", its cells' lines broken by line breaks" if line_breaks else ""
    sheet = replace(layout.sheet, space_above=layout.sheet.space_above if space_above is None else space_above,
                    line_breaks=line_breaks)
    return replace(layout, key=key, exercises=f"{layout.exercises}; as {how}", builder=builder, pages=pages,
                   sheet=sheet, paper=replace(layout.paper, stem=key, formats=(fmt,)))


# Swatches drawn at a row's first line are a printed page's: Word and the web colour the cell.
WORD23: tuple[Layout23, ...] = (
    *(_version(lay, "docx") for lay in LAYOUTS23 if not lay.sheet.swatch),
    *(_version(lay, "docx", line_breaks=True) for lay in LAYOUTS23 if lay.key.startswith("m1_")),
)
# Each web page's pages in Chromium's PDF (the page each action's row starts on), and the
# space above its table where it differs from the reportlab paper's.
_WEB: dict[str, tuple[tuple[int, ...], float | None]] = {
    "p1_ashby_pieces_shaded_banners": ((1,) * 4 + (2,) * 9, None),
    "p2_bexley_pieces_no_repeat": ((1,) * 6 + (2,) * 7, None),
    "b1_corby_shaded_header_band": ((1,) * 3 + (2,) * 6, None),
    "b2_dunham_wrapped_bold_header": ((1,) * 3 + (2,) * 6, None),
    "m1_eckington_paragraphs_in_cells": ((1,) * 2 + (2,) * 6, None),
    "g1_hatton_ruled_groups": ((1,) * 2 + (2,) * 5 + (3,) * 2, None),
    "g2_ilkley_ruled_rows": ((1,) * 4 + (2,) * 5, None),
    "t1_denby_rows_split_by_breaks": ((1,) * 4 + (2,) * 5 + (3,) * 4, 56.0),  # page 1 breaks inside row 1.4
}
WEB23: tuple[Layout23, ...] = (
    *(_version(lay, "chromium", *_WEB[lay.key]) for lay in LAYOUTS23 if lay.key in _WEB),
    *(_version(lay, "chromium", (1,) * 2 + (2,) * 6, line_breaks=True)
      for lay in LAYOUTS23 if lay.key.startswith("m1_")),
)


# =========================================================================== building
def build(outdir: Path, only: tuple[str, ...] = ()) -> list[Path]:
    # The writers read these papers' types, so they are imported when a build is asked
    # for, not with the papers.
    from .layout23_writer import build_layouts23

    return build_layouts23(outdir, only)


def main(argv: list[str] | None = None) -> int:
    from .building import build_main

    return build_main("samplegen.layouts23", build, argv)


if __name__ == "__main__":
    sys.exit(main())
