"""Test papers for the layouts of issue 12 that other councils' programs print.

Item 1: a status shown only by colour, in a landscape table with no rules at all: the
status column holds filled blocks and no words, with a colour key of blocks above the
table (on one line, as a list, or as a Word table). The blocks are narrower than their
column, wider than it, fill the cell, or sit at its left under a header centred over the
column; they may start above the row's first line; a row may be unrated, and so may
every row on a page; the column may have a header ("RAG", "Status") or none, and stand at
the end of the table or in its middle. In Word, a table with its borders removed.

Item 3: a ruled table whose recommendation cells span their actions' rows: number and
text in the group's first row, no rule between the group's rows in those columns, a rule
under the group. The rules are drawn as each program draws them (``family_writer.RULES``:
one line per rule, per cell, cut at odd places with runs of pieces too short to count,
cells' borders overlapping, double lines, thin filled rectangles); in Word, cells merged
down, which LibreOffice draws cell by cell.

Item 4: every paper runs over a page break that falls among one recommendation's rows,
after which the header row is printed again; in two, the recommendation's number stays
at the foot of the page and its text is printed after the break.

Each paper is a :class:`Layout12`, whose ``Paper`` is what a careful analyst would type
from the printed page (the tests' expectation). Build them with

    python -m samplegen.layouts12 tests/fixtures/layouts12

The reportlab PDFs need only Python; the Word papers' PDFs need LibreOffice's
``soffice``, so the built files are committed.

Choices about expected values, beyond those in ``samplegen.layouts``:
- A status shown by a block of colour is rated by the block's colour, named as
  ``samplegen.layouts`` names a fill ("light green" for 92D050); a row with no block is
  unrated (``rag_raw`` and ``rag`` empty).
- A colour key is no plan and rates nothing.
- A recommendation keeps its number and text on every action row of its group, on
  either side of a page break.
- ``page`` is the PDF page on which the action's row starts (``Layout12.pages``, read off
  the built PDF); Word files have none.
"""
from __future__ import annotations

import sys
from dataclasses import dataclass, replace
from pathlib import Path

from .family_writer import Drawing
from .layout_writer import Look
from .layouts import Layout
from .spec import Action, Paper, Plan, Recommendation, Row


@dataclass(frozen=True)
class Layout12(Layout):
    # How a reportlab paper is drawn; a Word paper's ``cut`` says where LibreOffice's page
    # break falls (the note above the plan is as long as it takes).
    drawing: Drawing = Drawing()
    pages: tuple[int, ...] = ()  # expected page of each action in the PDF, in plan order


def _a(number: str, text: str, lead: str, rag: str, **extras: str) -> Action:
    """An action with its status printed as a colour word."""
    return Action(number, text, lead, (lead,), rag, rag, number_style="text", extras=tuple(extras.items()))


def _c(number: str, text: str, lead: str, fill: str = "", **extras: str) -> Action:
    """An action whose status is a block of colour alone (none: unrated)."""
    name, rag = COLOUR_NAMES.get(fill, ("", ""))
    return Action(number, text, lead, (lead,), name, rag, number_style="text", extras=tuple(extras.items()),
                  fill=fill, colour_only=bool(fill))


def _rec(number: str, text: str, *actions: Action) -> Recommendation:
    return Recommendation(number, text, tuple(Row((a,)) for a in actions))


# The fills these papers use, named as ``samplegen.layouts`` says a fill is named.
COLOUR_NAMES = {"C00000": ("red", "Red"), "FF0000": ("red", "Red"), "FFC000": ("amber", "Amber"),
                "00B050": ("green", "Green"), "92D050": ("light green", "Green"), "0070C0": ("blue", "Blue")}
RED, AMBER, GREEN, LIGHT_GREEN, BLUE = "C00000", "FFC000", "00B050", "92D050", "0070C0"
KEY_ACROSS = ((RED, "Off track"), (AMBER, "Some risk to delivery"), (GREEN, "On track or complete"),
              (BLUE, "Complete and embedded"))
KEY_DOWN = (("FF0000", "Red: not on track, escalated to the Board"), (AMBER, "Amber: on track with some risk"),
            (LIGHT_GREEN, "Green: on track or complete"))
NO_GLOSSARY = {"glossary_header": ("", ""), "glossary": ()}


# =========================================================================== plans
# Children's services improvement plan: numbers and texts of the recommendations, a lead
# and a target date for each action, the status in words.
HSW, PSW, HQA = "Head of Social Work", "Principal Social Worker", "Head of Quality Assurance"
ILACS_RECS = (
    _rec("1", "Improve the quality and consistency of management oversight and supervision of social work "
              "practice.",
         _a("1.1", "Relaunch the supervision policy with a reflective recording template.", PSW, "Green",
            target_date="October 2024"),
         _a("1.2", "Train every team manager in reflective supervision.", "Head of Workforce Development", "Amber",
            target_date="March 2025")),
    _rec("2", "Strengthen the response to children who go missing from home or care.",
         _a("2.1", "Offer every child a return home interview within 72 hours.", "Head of Adolescent Services",
            "Amber", target_date="December 2024"),
         _a("2.2", "Share monthly themes from return home interviews with the police.", "Exploitation Co-ordinator",
            "Green", target_date="November 2024"),
         _a("2.3", "Review the joint missing protocol with neighbouring authorities.", "Head of Safeguarding",
            "Red", target_date="April 2025")),
    _rec("3", "Make sure that children's plans are specific, written with families and reviewed on time.",
         _a("3.1", "Introduce a new child's plan template written to the child.", HSW, "Green",
            target_date="September 2024"),
         _a("3.2", "Audit twenty plans each month and feed back to social workers within ten days.", HQA, "Amber",
            target_date="Monthly"),
         _a("3.3", "Hold core group meetings within ten working days of every conference.",
            "Head of Child Protection", "Amber", target_date="January 2025")),
    _rec("4", "Increase the sufficiency of local homes for children in care, especially older children.",
         _a("4.1", "Open two in-house children's homes for children with complex needs.", "Head of Commissioning",
            "Red", target_date="September 2025"),
         _a("4.2", "Run a foster carer recruitment campaign aimed at carers for teenagers.",
            "Fostering Service Manager", "Amber", target_date="March 2025")),
    _rec("5", "Improve pathway plans for care leavers so that they are written with young people.",
         _a("5.1", "Train all personal advisers in writing pathway plans with young people.", PSW, "Green",
            target_date="February 2025"),
         _a("5.2", "Audit pathway plans every quarter and report the findings to the Corporate Parenting Panel.",
            HQA, "Amber", target_date="Quarterly")),
)

# Adult social care improvement plan after a CQC assessment: a progress column too.
HAS, HCOM, PSWA = "Head of Adult Social Care", "Head of Commissioning", "Principal Social Worker (Adults)"
CQC_RECS = (
    _rec("1", "Reduce the time people wait for a Care Act assessment.",
         _a("1.1", "Clear the backlog of assessments waiting more than 28 days.", HAS, "Amber",
            target_date="December 2024", progress="Backlog down from 412 to 160 people."),
         _a("1.2", "Triage every new referral within two working days.", "Front Door Service Manager", "Green",
            target_date="September 2024", progress="Triage in place since 2 September 2024.")),
    _rec("2", "Make sure that carers are offered an assessment of their own needs.",
         _a("2.1", "Commission a carers' support service that offers assessments in the community.", HCOM,
            "Green", target_date="October 2024", progress="Contract awarded to Carers Together."),
         _a("2.2", "Record on every adult's file whether their carer was offered an assessment.", PSWA, "Red",
            target_date="November 2024", progress="Field added; recording is at 31%."),
         _a("2.3", "Publish information for carers in the six most used community languages.",
            "Head of Communications", "Amber", target_date="January 2025",
            progress="Translations of four languages received.")),
    _rec("3", "Improve the quality and timeliness of safeguarding enquiries.",
         _a("3.1", "Complete section 42 enquiries within the timescales set by the Safeguarding Adults Board.",
            "Head of Safeguarding Adults", "Amber", target_date="March 2025",
            progress="68% within timescale in October."),
         _a("3.2", "Audit a sample of enquiries every month with the police and the NHS.", PSWA, "Green",
            target_date="Monthly", progress="Joint audits held each month since July.")),
    _rec("4", "Develop the market for home care in rural areas.",
         _a("4.1", "Agree rural rates with home care providers for the three northern districts.", HCOM, "Amber",
            target_date="February 2025", progress="Rates modelled; consultation with providers open."),
         _a("4.2", "Start a micro-provider programme in every rural district.", "Community Development Manager",
            "Red", target_date="June 2025", progress="Recruitment of the programme lead has failed twice.")),
    _rec("5", "Strengthen the voice of people who draw on care in the improvement plan.",
         _a("5.1", "Set up a co-production group that reviews the plan every quarter.", "Director of Adult Social "
            "Care", "Green", target_date="August 2024", progress="Group met in August and November.")),
)

# A SEND written statement of action.
SEN, EPS, DCO = "Head of SEND", "Principal Educational Psychologist", "Designated Clinical Officer"
SEND_RECS = (
    _rec("1", "The timeliness of education, health and care needs assessments.",
         _a("1.1", "Issue 60% of new plans within 20 weeks by March 2025.", SEN, "Amber",
            target_date="March 2025"),
         _a("1.2", "Recruit four more educational psychologists.", EPS, "Red", target_date="January 2025"),
         _a("1.3", "Track every assessment on a weekly dashboard seen by the SEND Board.", SEN, "Green",
            target_date="October 2024")),
    _rec("2", "The quality of education, health and care plans.",
         _a("2.1", "Audit ten new plans a month with parents and health partners.", "SEND Quality Lead", "Green",
            target_date="Monthly"),
         _a("2.2", "Train every plan writer on writing outcomes with children.", SEN, "Amber",
            target_date="December 2024")),
    _rec("3", "The joint commissioning of therapies between the council and the Integrated Care Board.",
         _a("3.1", "Agree a joint commissioning plan for speech and language therapy.", DCO, "Amber",
            target_date="February 2025"),
         _a("3.2", "Cut the wait for an autism assessment to eighteen weeks.", DCO, "Red",
            target_date="September 2025"),
         _a("3.3", "Publish the therapies offer on the Local Offer website.", "Local Offer Manager", "Green",
            target_date="November 2024")),
    _rec("4", "The information parents and carers receive about the local offer.",
         _a("4.1", "Redesign the Local Offer website with the parent carer forum.", "Local Offer Manager", "Green",
            target_date="January 2025"),
         _a("4.2", "Answer every enquiry to the SEND information line within five working days.",
            "SEND Information Service Manager", "Amber", target_date="December 2024")),
)

# Two colour-only plans: a homelessness strategy delivery plan and a youth justice plan.
HOU, HPR = "Head of Housing Options", "Homelessness Prevention Manager"
HOUSING_RECS = (
    _rec("1", "Prevent homelessness earlier, before a household is in crisis.",
         _c("1.1", "Place housing advisers in the four family hubs.", HOU, GREEN, target_date="September 2024",
            progress="Advisers in all four hubs since 9 September."),
         _c("1.2", "Contact every tenant served a section 21 notice within five working days.", HPR, AMBER,
            target_date="December 2024", progress="Referral route agreed with letting agents."),
         _c("1.3", "Pilot a landlord incentive scheme to keep tenancies going.", HPR, "",
            target_date="April 2025", progress="Not yet started.")),
    _rec("2", "End the use of bed and breakfast for families with children.",
         _c("2.1", "Lease forty homes from private landlords for temporary accommodation.", HOU, RED,
            target_date="March 2025", progress="Twelve homes leased so far."),
         _c("2.2", "Review every family in bed and breakfast each week.", "Temporary Accommodation Manager", GREEN,
            target_date="Weekly", progress="Reviews held every Tuesday.")),
    _rec("3", "Support rough sleepers into settled homes.",
         _c("3.1", "Open a twenty-bed assessment hub with health services on site.", "Rough Sleeping Co-ordinator",
            AMBER, target_date="January 2025", progress="Building works started in October."),
         _c("3.2", "Offer a personal budget to every entrenched rough sleeper.", "Rough Sleeping Co-ordinator",
            BLUE, target_date="October 2024", progress="In place and evaluated by the university."),
         _c("3.3", "Agree a hospital discharge protocol for people with no home to go to.", HPR, AMBER,
            target_date="December 2024", progress="Draft with the hospital trust.")),
    _rec("4", "Make best use of social housing for people in the greatest need.",
         _c("4.1", "Review the housing allocations policy with registered providers.", HOU, GREEN,
            target_date="November 2024", progress="Cabinet approved the policy in November."),
         _c("4.2", "Bring fifty empty homes back into use.", "Empty Homes Officer", RED,
            target_date="March 2025", progress="Nine homes back in use.")),
)

YJ, YJP = "Head of Youth Justice", "Youth Justice Practice Manager"
YOUTH_RECS = (
    _rec("1", "Reduce the number of children entering the youth justice system for the first time.",
         _c("1.1", "Offer every child given a community resolution a prevention worker.", YJP, LIGHT_GREEN,
            target_date="October 2024"),
         _c("1.2", "Agree a joint decision-making panel with the police for out-of-court disposals.", YJ, AMBER,
            target_date="December 2024")),
    _rec("2", "Reduce reoffending by children on court orders.",
         _c("2.1", "Assess the speech and language needs of every child on a court order.",
            "Speech and Language Therapist", "FF0000", target_date="January 2025"),
         _c("2.2", "Find an education, training or work place for every child leaving custody.",
            "Education Training and Employment Officer", AMBER, target_date="March 2025"),
         _c("2.3", "Review every case plan after three months with the child and family.", YJP, "",
            target_date="Quarterly")),
    _rec("3", "Keep children safe from exploitation and serious violence.",
         _c("3.1", "Share intelligence on exploitation with the police every week.", "Exploitation Lead",
            LIGHT_GREEN, target_date="September 2024"),
         _c("3.2", "Train youth justice staff in contextual safeguarding.", YJ, LIGHT_GREEN,
            target_date="November 2024"),
         _c("3.3", "Set up a serious violence panel with schools and health services.", YJ, AMBER,
            target_date="February 2025")),
    _rec("4", "Improve the quality of work with victims of youth crime.",
         _c("4.1", "Contact every victim within ten working days of a court order.", "Victim Liaison Officer",
            "FF0000", target_date="December 2024"),
         _c("4.2", "Offer restorative justice to every victim who wants it.", "Victim Liaison Officer",
            LIGHT_GREEN, target_date="January 2025")),
)


def _plan(title: str, headers: tuple[str, ...], recs: tuple[Recommendation, ...], as_at: str) -> Plan:
    return Plan(title=title, note="", headers=headers, recommendations=recs, as_at=as_at,
                **NO_GLOSSARY)  # type: ignore[arg-type]


def _paper(stem: str, formats: tuple[str, ...], plan: Plan, date: str, council: str, meeting: str,
           body: tuple[str, ...], *, running_council: bool = True) -> Paper:
    """A plan printed as an appendix by a report-writing system: the running header's
    council (or none), the footer's meeting with its date, and the appendix label."""
    return Paper(stem=stem, formats=formats, title=plan.title, document_date=date, council=council,
                 heading=(council if running_council else "", meeting, "Appendix 1"), body=body, plan=plan)


# =========================================================================== item 3: ruled, spanning
ILACS_TITLE = "Children's Services Improvement Plan: progress as at 30 September 2024"
ILACS_BODY = (
    "This appendix sets out progress against the improvement plan agreed after the inspection of local authority "
    "children's services. Each recommendation is shown once, beside the actions that answer it.",
    "The plan will next be reported to the Committee in January 2025.",
)
ILACS_HEADERS = ("No.", "Recommendation", "Action", "Lead officer", "Target date", "Status")
ILACS_LOOK = Look(columns=("rec_number", "recommendation", "action", "lead", "target_date", "rag"),
                  widths=(1.2, 6.8, 8.6, 4.4, 2.8, 2.0), size=9.5, header_fill="D9D9D9", action_label="{n} ")

CQC_TITLE = "Adult Social Care Improvement Plan: position at 31 October 2024"
CQC_BODY = (
    "The Care Quality Commission assessed the council's adult social care functions in June 2024. The plan below "
    "answers each area for improvement it found, with progress reported by the lead officer.",
    "Progress is overseen by the Adult Social Care Improvement Board, chaired by the Chief Executive.",
)
CQC_HEADERS = ("No.", "Area for improvement", "Action", "Lead officer", "Due by", "Progress update", "RAG")
CQC_LOOK = Look(columns=("rec_number", "recommendation", "action", "lead", "target_date", "progress", "rag"),
                widths=(1.1, 5.0, 7.0, 3.9, 2.4, 5.0, 1.8), size=9, header_fill="DEEAF6", action_label="{n} ")

SEND_TITLE = "SEND Written Statement of Action: progress as at 31 August 2024"
SEND_BODY = (
    "The written statement of action answers the areas of significant weakness found by the joint local area "
    "SEND inspection. Progress is reported to each meeting of the SEND Partnership Board.",
    "Ratings are those agreed by the SEND Partnership Board on 5 September 2024.",
)
SEND_HEADERS = ("Area of weakness", "Ref", "Action", "Lead", "Target date", "RAG")
SEND_LOOK = Look(columns=("recommendation", "action_number", "action", "lead", "target_date", "rag"),
                 widths=(6.4, 1.3, 9.2, 4.8, 2.8, 1.6), size=9.5, header_fill="E2EFDA", rec_prefix="{n}. ")

ILACS_PLAN = _plan(ILACS_TITLE, ILACS_HEADERS, ILACS_RECS, "2024-09-30")
CQC_PLAN = _plan(CQC_TITLE, CQC_HEADERS, CQC_RECS, "2024-10-31")
SEND_PLAN = _plan(SEND_TITLE, SEND_HEADERS, SEND_RECS, "2024-08-31")

MEETINGS = {
    "ilacs": ("Children and Young People Scrutiny Committee – 17 October 2024", "2024-10-17"),
    "cqc": ("Health and Adult Social Care Scrutiny Committee – 14 November 2024", "2024-11-14"),
    "send": ("SEND Partnership Board – 19 September 2024", "2024-09-19"),
    "housing": ("Housing and Communities Committee – 21 November 2024", "2024-11-21"),
    "youth": ("Youth Justice Management Board – 12 December 2024", "2024-12-12"),
}


def _ruled(key: str, council: str, plan: Plan, body: tuple[str, ...], meeting: str, look: Look, rules: str,
           cut: str, pages: tuple[int, ...], exercises: str, *, pushed: bool = False) -> Layout12:
    line, date = MEETINGS[meeting]
    return Layout12(key=key, exercises=f"{exercises}; a page break among the rows of recommendation {cut}",
                    builder="drawn_pdf", look=look, pages=pages, drawing=Drawing(rules=rules, cut=cut, pushed=pushed),
                    paper=_paper(key, ("pdf",), plan, date, council, line, body))


RULED = (
    _ruled("r1_brackley_long_rules", "Brackley Borough Council", ILACS_PLAN, ILACS_BODY, "ilacs", ILACS_LOOK,
           "long", "5", (1,) * 11 + (2,),
           "ruled table, each rule one line; number and recommendation cells span their actions"),
    _ruled("r2_dunmore_cell_rules", "Dunmore County Council", CQC_PLAN, CQC_BODY, "cqc", CQC_LOOK,
           "cells", "4", (1,) * 8 + (2, 2), "ruled table, each cell's borders its own lines; a progress column"),
    _ruled("r3_eskdale_odd_rules", "Eskdale Council", SEND_PLAN, SEND_BODY, "send", SEND_LOOK, "odd", "4",
           (1,) * 9 + (2,), "ruled table, rules cut at odd places with runs of pieces too short to count; number "
                            "typed before the recommendation; a Ref column"),
    _ruled("r4_fairholm_overlapping_rules", "Fairholm Borough Council", ILACS_PLAN, ILACS_BODY, "ilacs",
           replace(ILACS_LOOK, widths=(1.0, 6.6, 9.4, 4.2, 2.8, 2.0), header_fill=""), "overlap", "4",
           (1,) * 9 + (2, 2, 2),
           "ruled table, each cell's borders running 1.5pt past its corners; the cut recommendation's number at the "
           "foot of the page, its text after the repeated header", pushed=True),
    _ruled("r5_glenholt_double_rules", "Glenholt District Council", CQC_PLAN, CQC_BODY, "cqc", CQC_LOOK,
           "double", "4", (1,) * 8 + (2, 2), "ruled table in double lines 3.5pt apart"),
    _ruled("r6_harwood_bar_rules", "Harwood City Council", SEND_PLAN, SEND_BODY, "send", SEND_LOOK, "rects", "4",
           (1,) * 9 + (2,), "ruled table whose rules are thin filled rectangles, one per cell side"),
)


# =========================================================================== item 1: colour only, unruled
HOUSING_TITLE = "Homelessness Strategy Delivery Plan: progress as at 31 October 2024"
HOUSING_BODY = (
    "The delivery plan shows progress against each commitment of the Homelessness and Rough Sleeping Strategy. "
    "The colour beside each action shows whether it is on track, using the key below.",
    "The next progress report will come to the Committee in May 2025.",
)
YOUTH_TITLE = "Youth Justice Plan 2024/25: position at 30 November 2024"
YOUTH_BODY = (
    "The youth justice plan sets out how the partnership will answer the priorities agreed by the Board. Each "
    "action is rated by colour as shown in the key.",
    "Partners are asked to send their updates to the Youth Justice Practice Manager at least ten working days "
    "before each meeting of the Board, so that the ratings can be agreed before the papers are published.",
)
HOUSING_HEADERS = ("No.", "Priority", "Action", "Lead officer", "Target date", "Progress", "RAG")
HOUSING_LOOK = Look(columns=("rec_number", "recommendation", "action", "lead", "target_date", "progress", "rag"),
                    widths=(1.1, 5.4, 7.2, 4.0, 2.6, 4.6, 1.6), size=9, header_fill="", header_color="1F3864",
                    merge_rec=False, action_label="{n} ")
YOUTH_HEADERS = ("Priority", "Action", "Lead officer", "", "Target date")
YOUTH_LOOK = Look(columns=("recommendation", "action", "lead", "rag", "target_date"),
                  widths=(7.0, 9.2, 5.0, 1.4, 3.2), size=9.5, header_fill="", merge_rec=False, rec_prefix="{n}. ",
                  action_label="{n} ")
HOUSING_PLAN = _plan(HOUSING_TITLE, HOUSING_HEADERS, HOUSING_RECS, "2024-10-31")
YOUTH_PLAN = _plan(YOUTH_TITLE, YOUTH_HEADERS, YOUTH_RECS, "2024-11-30")
# The same plan with no header over its status column, which stands at the table's end,
# and its last action not yet rated: alone after the page break, the page prints no
# block at all, and so no status column.
HOUSING_BARE = replace(HOUSING_PLAN, headers=(*HOUSING_HEADERS[:-1], ""), recommendations=(
    *HOUSING_RECS[:-1], replace(HOUSING_RECS[-1], rows=(
        HOUSING_RECS[-1].rows[0],
        Row((_c("4.2", "Bring fifty empty homes back into use.", "Empty Homes Officer", target_date="March 2025",
                progress="Survey of empty homes under way."),)))),
))
YOUTH_LAST = replace(YOUTH_PLAN, headers=("Priority", "Action", "Lead officer", "Target date", "Status"))
YOUTH_LAST_LOOK = replace(YOUTH_LOOK, columns=("recommendation", "action", "lead", "target_date", "rag"),
                          widths=(6.6, 9.2, 5.0, 3.0, 2.4))


def _colour(key: str, council: str, plan: Plan, body: tuple[str, ...], meeting: str, look: Look,
            drawing: Drawing, pages: tuple[int, ...], exercises: str) -> Layout12:
    """A colour-only plan; a key down the page leaves the running header to the plan's title."""
    line, date = MEETINGS[meeting]
    return Layout12(key=key, exercises=f"{exercises}; a page break among the rows of recommendation {drawing.cut}",
                    builder="drawn_pdf", look=look, pages=pages, drawing=drawing,
                    paper=_paper(key, ("pdf",), plan, date, council, line, body, running_council=drawing.key_across))


COLOUR = (
    _colour("c1_ambleside_narrow_blocks", "Ambleside District Council", HOUSING_PLAN, HOUSING_BODY, "housing",
            HOUSING_LOOK, Drawing(swatch="narrow", key=KEY_ACROSS, cut="3"), (1,) * 7 + (2, 2, 2),
            "unruled table; status as a small block narrower than its 'RAG' column, starting above the row's "
            "first line; one row unrated; key of blocks on one line above"),
    _colour("c2_birchfield_wide_blocks", "Birchfield Borough Council", YOUTH_PLAN, YOUTH_BODY, "youth", YOUTH_LOOK,
            Drawing(swatch="wide", key=KEY_DOWN, key_across=False, cut="4"), (1,) * 9 + (2,),
            "unruled table; status column with no header between the lead and the date, its blocks wider than "
            "the column; one row unrated; key as a list of blocks above"),
    _colour("c3_carlow_cell_blocks", "Carlow County Council", HOUSING_BARE, HOUSING_BODY, "housing", HOUSING_LOOK,
            Drawing(swatch="cell", key=KEY_ACROSS, cut="4"), (1,) * 9 + (2,),
            "unruled table; status column with no header at the table's end, each block filling its cell from "
            "above the first line; key of blocks on one line"),
    _colour("c4_dalby_status_blocks", "Dalby Borough Council", YOUTH_LAST, YOUTH_BODY, "youth", YOUTH_LAST_LOOK,
            Drawing(swatch="left", key=KEY_DOWN, key_across=False, cut="3"), (1,) * 7 + (2, 2, 2),
            "unruled table; status as a small block at the left of its column, under a 'Status' header centred "
            "over the column, at the table's end; key as a list above"),
)


# =========================================================================== Word
# A note above the plan long enough that the page break falls inside the plan's rows.
WORD_NOTE = (
    "How to read this plan. Each recommendation is printed once, beside the actions that answer it, and its "
    "actions are numbered after it. The lead officer is the officer who reports progress on the action to the "
    "Improvement Board; the target date is the date agreed when the plan was approved, and a revised date is "
    "shown in the progress column rather than in place of the date agreed. Ratings are agreed by the Improvement "
    "Board each month on the evidence the lead officer presents, and an action is only shown as complete once "
    "the Board has seen evidence of its impact on children and families. Actions added since the last report "
    "have not yet been rated. Where an action depends on a partner agency, the partner's lead is named in the "
    "progress column. Questions about any action may be sent to the lead officer named against it, or to the "
    "Improvement Programme Manager, who keeps the plan and the evidence behind each rating."
)
WORD_ILACS = Layout12(
    key="w1_eastbury_merged_recommendations",
    exercises="Word table, number and recommendation cells merged down over their actions (and the PDF "
              "LibreOffice prints, its rules drawn cell by cell); the plan runs over a page break",
    look=replace(ILACS_LOOK, widths=(1.2, 6.2, 8.2, 4.4, 2.8, 2.0), size=11),
    drawing=Drawing(cut="5"),
    pages=(2,) * 11 + (3,),
    paper=Paper(
        stem="w1_eastbury_merged_recommendations", formats=("docx", "pdf"), title=ILACS_TITLE,
        document_date="2024-10-17", council="Eastbury Borough Council",
        heading=("EASTBURY BOROUGH COUNCIL", "CHILDREN AND YOUNG PEOPLE SCRUTINY COMMITTEE"),
        cover=(("Title:", ILACS_TITLE, "Date:", "17 October 2024"),
               ("Report of:", "Director of Children's Services", "Agenda item:", "5")),
        body=("## 1. PURPOSE OF THE REPORT", "1.1 " + ILACS_BODY[0], "1.2 " + ILACS_BODY[1]),
        plan=replace(ILACS_PLAN, note=WORD_NOTE),
    ),
)

WORD_HOUSING = Layout12(
    key="w2_fenby_borderless_colours",
    exercises="Word table with its borders removed and status cells shaded with no words, a colour key table "
              "above it (and the PDF LibreOffice prints: an unruled table with filled cells); page break",
    builder="borderless_docx",
    drawing=Drawing(cut="3"),
    pages=(2,) * 6 + (3,) * 4,
    look=replace(HOUSING_LOOK, widths=(1.5, 5.0, 7.0, 4.0, 2.4, 4.4, 1.6), size=10.5,
                 key_title="Key", key_table=((RED, "Off track"), (AMBER, "Some risk to delivery"),
                                             (GREEN, "On track or complete"), (BLUE, "Complete and embedded"))),
    paper=Paper(
        stem="w2_fenby_borderless_colours", formats=("docx", "pdf"), title=HOUSING_TITLE,
        document_date="2024-11-21", council="Fenby District Council",
        heading=("FENBY DISTRICT COUNCIL", "HOUSING AND COMMUNITIES COMMITTEE"),
        cover=(("Title:", HOUSING_TITLE, "Date:", "21 November 2024"),
               ("Report of:", "Head of Housing", "Agenda item:", "8")),
        body=("## 1. PURPOSE OF THE REPORT", "1.1 " + HOUSING_BODY[0], "1.2 " + HOUSING_BODY[1]),
        plan=replace(HOUSING_PLAN, note=WORD_NOTE.split(". Ratings")[0] + "."),
    ),
)

LAYOUTS12: tuple[Layout12, ...] = (*COLOUR, *RULED, WORD_ILACS, WORD_HOUSING)


def build(outdir: Path, only: tuple[str, ...] = ()) -> list[Path]:
    # The writers read these papers' types, so they are imported when a build is asked
    # for, not with the papers.
    from .layout12_writer import build_layouts12

    return build_layouts12(outdir, only)


def main(argv: list[str] | None = None) -> int:
    from samplegen.building import build_main

    return build_main("samplegen.layouts12", build, argv)


if __name__ == "__main__":
    sys.exit(main())
