"""Test papers for every layout councils publish an action plan in (issue 3).

Each layout is one :class:`Layout`: a :class:`~samplegen.spec.Paper` holding the plan
as a careful analyst would type it from the printed page (the tests' expectation), and
how that council prints it (a :class:`~samplegen.layout_writer.Look`, or a builder of
its own for the PDFs made with reportlab and the scan). Build them all with

    python -m samplegen.layouts tests/fixtures/layouts

The Word files and the reportlab PDFs need only Python; the PDFs "printed" from Word
need LibreOffice's ``soffice``, so the built files are committed (CI has no LibreOffice).

Choices about expected values, where a reader could hesitate:
- A cell's status shown by its fill alone: ``rag_raw`` is the colour's name by hue, and
  "light" where HLS lightness >= 0.55 (not for amber and yellow). So Word's "Light Blue"
  00B0F0 (lightness 0.47) is "blue"; 9DC3E6 is "light blue"; white, grey and no fill give
  no rating. Text that disagrees with its fill wins, with a warning naming the fill.
- "Not started" is no RAG rating ("", with a warning): the README's mapping does not
  make it Red, and a plan's action that has not started may well be on schedule.
- A value naming two colours ("Red/Amber", "Amber-Green") or an unknown word ("Paused"):
  ``rag`` empty, ``rag_raw`` kept, a warning quoting the value.
- A cell merged across two columns (target date + progress) gives its text to both.
- A cell merged down over several actions (lead officer, target date) gives its text to
  each of them; a recommendation printed once above blank cells is carried down.
- Word's automatic numbers are expected as Word shows them ("1.", "2.3", "a)"), in the
  action text where they label sub-steps and in a progress cell's "1) ... 2) ..." points;
  action and recommendation numbers lose their "." or ")".
- A job title holding a comma ("Service Manager, Front Door") is one officer; "and"
  joins two officers only where each side is an officer on its own (a glossary code, or
  a title the paper prints alone elsewhere): "Head of Commissioning and Partnerships"
  is one, "Head of Quality and Performance and HoS" two.
- A cell with a nested table reads in order: paragraph, the table row by row, paragraph.
- Unnumbered recommendations ("areas for improvement") are numbered 1, 2, 3 from order.
"""
from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from actionplans.vocabulary import default_vocabulary
from samplegen.building import build_all, build_main

from .layout_files import BUILDERS
from .layout_writer import Look, nested_text
from .spec import Action, Paper, Plan, Recommendation, Row

COLOURS = default_vocabulary().status_names


@dataclass(frozen=True)
class Layout:
    key: str  # file stem of the built paper
    exercises: str  # what the layout puts in the extractor's way
    paper: Paper
    # "docx": python-docx (and LibreOffice for "pdf"); "unruled_pdf", "pack_pdf": reportlab;
    # "scan_pdf": an image only
    builder: str = "docx"
    look: Look | None = None


def _a(number: str, text: str, lead_raw: str, leads: tuple[str, ...] | None = None, rag_raw: str = "", *,
       rag: str | None = None, style: str = "text", extras: tuple[tuple[str, str], ...] = (),
       **kw: object) -> Action:
    """One expected action; ``leads`` defaults to the lead as printed, ``rag`` to
    ``rag_raw`` where that is a colour word."""
    if leads is None:
        leads = (lead_raw,) if lead_raw else ()
    if rag is None:
        rag = rag_raw if rag_raw in COLOURS else ""
    return Action(number, text, lead_raw, leads, rag_raw, rag, number_style=style,  # type: ignore[arg-type]
                  extras=extras, **kw)  # type: ignore[arg-type]


def _rec(number: str, text: str, *actions: Action, printed: bool = True) -> Recommendation:
    return Recommendation(number, text, tuple(Row((a,)) for a in actions), number_printed=printed)


def _x(**columns: str) -> tuple[tuple[str, str], ...]:
    return tuple(columns.items())


def _colour(fill: str, name: str, rag: str) -> dict[str, object]:
    """A RAG cell shown by its fill alone: rag_raw is the colour's name."""
    return {"rag_raw": name, "rag": rag, "fill": fill, "colour_only": True}


# =========================================================================== 01
# Unruled PDF: a county council's plan printed from a table with its borders removed.
NORTHMOOR_TITLE = "ILACS Improvement Plan 2023–25: progress at 29 February 2024"


def _t(number: str, text: str, lead: str, target: str, progress: str, rag: str) -> Action:
    return _a(number, text, lead, None, rag, extras=_x(target_date=target, progress=progress))


UNRULED = Layout(
    key="01_northmoor_unruled_plan",
    exercises="PDF table with no drawn lines (columns by white space), multi-line cells, landscape pages, "
              "running header with the plan title and 'Page n of 3' footer, plan over three pages",
    builder="unruled_pdf",
    look=Look(
        columns=("action_number", "recommendation", "action", "lead", "target_date", "progress", "rag"),
        widths=(1.2, 5.2, 6.6, 3.3, 2.4, 6.4, 1.6),
        size=10,
        header_fill="",
        header_color="1F3864",
        rec_prefix="{n}. ",
    ),
    paper=Paper(
        stem="01_northmoor_unruled_plan",
        formats=("pdf",),
        title=NORTHMOOR_TITLE,
        document_date="2024-03-14",
        council="Northmoor County Council",
        heading=("Northmoor County Council", "Children's Services Scrutiny Committee – 14 March 2024",
                 "Appendix 1"),
        body=(
            "This appendix sets out progress against each action in the improvement plan agreed after "
            "the Ofsted inspection of local authority children's services in June 2023. The plan is "
            "monitored monthly by the Children's Improvement Board, chaired by the Chief Executive. "
            "Ratings: Red – off track and needs intervention; Amber – on track, some risk; Green – complete.",
            "The plan will next be reported to the Committee on 11 July 2024, with the position at 31 May "
            "2024. Questions about individual actions may be sent to the lead officer named against them.",
        ),
        plan=Plan(
            title=NORTHMOOR_TITLE,
            note="",
            headers=("Ref", "Recommendation", "Action", "Lead officer", "Target date", "Progress update", "RAG"),
            recommendations=(
                _rec("1", "The quality and impact of management oversight and supervision, so that supervision "
                          "is regular, reflective and drives progress in children's plans.",
                     _t("1.1", "Revise the supervision policy and recording template to include reflective "
                               "discussion and a clear, child-focused rationale for decisions, and relaunch it at "
                               "service briefings.", "Principal Social Worker", "September 2023",
                        "Revised policy and template launched at briefings on 12 and 19 September 2023. Template "
                        "built into the case recording system on 2 October 2023.", "Green"),
                     _t("1.2", "Deliver the 'Supervising for Practice' training programme to all team managers "
                               "and assistant team managers.", "Head of Workforce Development", "December 2023",
                        "41 of 46 managers (89%) have completed the programme. The remaining five are booked on "
                        "the January 2024 cohort.", "Amber"),
                     _t("1.3", "Audit a sample of 40 supervision records each quarter and report the findings "
                               "to the Practice Improvement Board.", "Head of Quality Assurance",
                        "Quarterly from December 2023",
                        "Quarter 3 audit completed: 58% of records rated good or better (quarter 2: 41%). "
                        "Findings reported to the Board on 23 January 2024.", "Amber")),
                _rec("2", "The timeliness and quality of the response to 16- and 17-year-olds who present as "
                          "homeless, including making sure that they are told about their rights and "
                          "entitlements.",
                     _t("2.1", "Agree a revised joint protocol with Housing Services for homeless 16- and "
                               "17-year-olds, including a joint assessment within 10 working days.",
                        "Head of Service, Children in Need", "October 2023",
                        "Protocol signed off by both directors on 30 October 2023.", "Green"),
                     _t("2.2", "Produce a leaflet on advocacy and entitlements for young people, designed with "
                               "the Children in Care Council.", "Participation Manager", "December 2023",
                        "Leaflet drafted with the Children in Care Council. Printing delayed until March 2024 "
                        "after design changes requested by young people.", "Amber"),
                     _t("2.3", "Track every homeless 16- and 17-year-old on a weekly tracker overseen by a "
                               "service manager.", "Service Manager, Front Door", "November 2023",
                        "Weekly tracker in place since 6 November 2023; 14 young people tracked to date.",
                        "Green")),
                _rec("3", "The sufficiency of local homes for children in care, particularly older children "
                          "with complex needs, so that fewer children live a long way from Northmoor.",
                     _t("3.1", "Refresh the Placement Sufficiency Strategy 2024–27 with an updated analysis of "
                               "need.", "Head of Commissioning", "January 2024",
                        "Needs analysis complete. Strategy goes to Cabinet on 16 April 2024, later than planned "
                        "because of the Cabinet timetable.", "Amber"),
                     _t("3.2", "Open two four-bed in-house children's homes for children with complex needs.",
                        "Assistant Director, Children in Care", "September 2024",
                        "Planning permission granted for the first home, but registration with Ofsted has not "
                        "yet been applied for. A property for the second home has still to be found.", "Red"),
                     _t("3.3", "Run a foster carer recruitment campaign aimed at carers for teenagers, with an "
                               "enhanced fee.", "Fostering Service Manager", "March 2024",
                        "Campaign launched on 1 November 2023: 27 enquiries received and 4 assessments under "
                        "way.", "Amber")),
                _rec("4", "The quality of pathway plans for care leavers, so that they are written with young "
                          "people and set out clear, achievable actions.",
                     _t("4.1", "Introduce a new pathway plan written to the young person, designed with care "
                               "leavers.", "Head of Service, Care Leavers", "December 2023",
                        "New pathway plan in use from 4 December 2023.", "Green"),
                     _t("4.2", "Train all personal advisers in writing pathway plans with young people.",
                        "Principal Social Worker", "February 2024",
                        "Two of three training sessions held; the last is on 7 March 2024.", "Amber"),
                     _t("4.3", "Audit pathway plans monthly and give feedback to each personal adviser within "
                               "10 working days.", "Head of Quality Assurance", "Monthly from January 2024",
                        "January and February audits completed; feedback given to all personal advisers.",
                        "Green")),
                _rec("5", "The response to children who go missing from home or care, including the timeliness "
                          "and quality of return home interviews and the use of the information they provide.",
                     _t("5.1", "Offer every child a return home interview within 72 hours of their return, and "
                               "record the reason where it is declined.", "Head of Service, Adolescents",
                        "January 2024",
                        "72% of interviews offered within 72 hours in January 2024 (October 2023: 49%). Reasons "
                        "for refusal now recorded on a separate form.", "Amber"),
                     _t("5.2", "Share themes from return home interviews with the police and the Exploitation "
                               "Panel each month.", "Exploitation Co-ordinator", "December 2023",
                        "Monthly themes report in place since December 2023; it informed two disruption "
                        "operations in the town centre.", "Green"),
                     _t("5.3", "Review the Missing from Home and Care Protocol with the police and other local "
                               "authorities in the region.", "Head of Safeguarding Partnerships", "April 2024",
                        "Regional review delayed; draft expected from the police in May 2024.", "Red")),
            ),
            glossary_header=("", ""),
            glossary=(),
            as_at="2024-02-29",
        ),
    ),
)


# =========================================================================== 02
# RAG by fill colour only (Word), and the PDF LibreOffice makes from it.
ASHBRIDGE_TITLE = "Appendix 1: ILACS Improvement Plan – progress as at 31 May 2024"
ASH = "Head of Children's Social Care"
SQA = "Head of Safeguarding and Quality Assurance"
PERF = "Head of Performance and Intelligence"
COMM = "Head of Commissioning"
PSW = "Principal Social Worker"


def _c(number: str, text: str, lead: str, target: str, **status: object) -> Action:
    return _a(number, text, lead, extras=_x(target_date=target), **status)  # type: ignore[arg-type]


COLOUR_ONLY = Layout(
    key="02_ashbridge_rag_colours",
    exercises="RAG shown only as cell fill (Word's standard palette, light green, two blues, white, grey, "
              "none), a row whose text contradicts its fill, and a colour-key table that is no plan",
    look=Look(
        columns=("rec_number", "recommendation", "action", "lead", "target_date", "rag"),
        widths=(1.2, 6.8, 9.7, 3.8, 2.6, 1.6),
        action_label="{n}. ",
        key_title="Key to RAG ratings",
        key_table=(
            ("C00000", "Red – not on track: the action is overdue or at serious risk and is escalated to "
                       "the Improvement Board"),
            ("FFC000", "Amber – on track, with some risk to the timescale"),
            ("00B050", "Green – completed"),
            ("0070C0", "Blue – completed, and its impact is evidenced in practice"),
            ("", "No colour – not yet rated (action added since the last report)"),
        ),
    ),
    paper=Paper(
        stem="02_ashbridge_rag_colours",
        formats=("docx", "pdf"),
        title="Ofsted ILACS Improvement Plan – Progress Report",
        document_date="2024-06-11",
        council="Ashbridge Metropolitan Borough Council",
        heading=("ASHBRIDGE METROPOLITAN BOROUGH COUNCIL", "CHILDREN AND YOUNG PEOPLE SCRUTINY PANEL"),
        cover=(
            ("Report of:", "Strategic Director, Children and Families", "Date:", "11 June 2024"),
            ("Title:", "Ofsted ILACS Improvement Plan – Progress Report", "Agenda item:", "6"),
            ("Wards:", "All", "Key decision:", "No"),
            ("Contact:", "Helen Marsh, Head of Safeguarding and Quality Assurance", "Tel:", "01632 960418"),
        ),
        body=(
            "# Ofsted ILACS Improvement Plan – Progress Report",
            "## 1. PURPOSE OF THE REPORT",
            "1.1 This report updates the Panel on progress against the improvement plan agreed after the "
            "Ofsted inspection of local authority children's services (ILACS) in November 2023, which judged "
            "services overall to require improvement to be good.",
            "1.2 The plan at Appendix 1 shows the position as at 31 May 2024. Each action is rated by the "
            "colour of its RAG cell, using the key printed above the plan.",
            "## 2. RECOMMENDATION",
            "2.1 That the Panel notes the progress made, considers the actions rated red, and agrees to "
            "receive a further update in October 2024.",
            "## 3. BACKGROUND",
            "3.1 Inspectors made five recommendations. The improvement plan sets out the actions the council "
            "and its partners are taking against each, the lead officer and the target date. Progress is "
            "monitored monthly by the Improvement Board, chaired by the Chief Executive.",
            "3.2 Two actions are rated red. Both concern management capacity: the proportion of supervision "
            "recorded within timescale remains below target while three team manager posts are filled by "
            "agency staff.",
            "## 4. FINANCIAL IMPLICATIONS",
            "4.1 The actions are funded from the £1.2m investment agreed by Cabinet in January 2024. There are "
            "no further financial implications arising from this report.",
            "## 5. BACKGROUND PAPERS",
            "5.1 Ofsted, Inspection of Ashbridge local authority children's services, 8 January 2024.",
        ),
        plan=Plan(
            title=ASHBRIDGE_TITLE,
            note="Ratings are shown by the colour of the RAG cell. Actions added since the last report have "
                 "not yet been rated.",
            headers=("No.", "Ofsted recommendation", "Action", "Lead officer", "Target date", "RAG"),
            recommendations=(
                _rec("1", "Management oversight and supervision of social work practice, so that supervision is "
                          "regular, reflective and leads to timely progress for children.",
                     _c("1", "Increase the proportion of children's cases with supervision recorded within "
                             "timescale to 90%.", ASH, "March 2024", **_colour("C00000", "red", "Red")),
                     _c("2", "Recruit and retain permanent team managers so that fewer than 10% of manager "
                             "posts are filled by agency staff.", "Head of Workforce Development", "June 2024",
                        **_colour("FF0000", "red", "Red")),
                     _c("3", "Deliver reflective supervision training to all first-line managers.", PSW,
                        "July 2024", **_colour("FFC000", "amber", "Amber"))),
                _rec("2", "The quality of plans for children in need of help and protection, so that they are "
                          "specific, measurable and understood by families.",
                     _c("4", "Introduce a new child in need and child protection plan template written to the "
                             "child and family.", SQA, "April 2024", **_colour("FFFF00", "yellow", "Amber")),
                     _c("5", "Train all social workers in writing SMART plans with families.", PSW,
                        "March 2024", **_colour("00B050", "green", "Green")),
                     _c("6", "Audit 30 plans each month and report the findings to the Improvement Board.", SQA,
                        "Monthly", **_colour("92D050", "light green", "Green"))),
                _rec("3", "The timeliness of initial health assessments for children when they come into care.",
                     _c("7", "Agree a joint escalation protocol with the Integrated Care Board for health "
                             "assessments not completed within 20 working days.", "Head of Children in Care",
                        "January 2024", **_colour("0070C0", "blue", "Blue")),
                     _c("8", "Send weekly reports on the timeliness of health assessments to service managers.",
                        PERF, "February 2024", **_colour("00B0F0", "blue", "Blue"))),
                _rec("4", "The sufficiency of local homes for children in care, so that fewer children live more "
                          "than 20 miles from Ashbridge.",
                     _c("9", "Launch the 'Foster for Ashbridge' recruitment campaign.", "Fostering Service Manager",
                        "December 2023", **_colour("9DC3E6", "light blue", "Blue")),
                     _c("10", "Complete the sufficiency needs analysis and agree the commissioning priorities "
                              "for 2024/25.", COMM, "March 2024", rag_raw="Green", rag="Green", fill="FF0000",
                        warnings=("filled",)),
                     _c("11", "Open a second four-bed in-house children's home.", COMM, "September 2024")),
                _rec("5", "The quality and timeliness of return home interviews for children who go missing.",
                     _c("12", "Commission a new return home interview service with a 72-hour response standard.",
                        COMM, "October 2024", fill="FFFFFF", colour_only=True),
                     _c("13", "Report missing episodes and the take-up of return home interviews to the Panel "
                              "each quarter.", PERF, "Quarterly from July 2024", fill="D9D9D9",
                        colour_only=True)),
            ),
            glossary_header=("", ""),
            glossary=(),
            as_at="2024-05-31",
        ),
    ),
)


# =========================================================================== 03
# Status words and letters in a "Status" column.
KINGSMERE_TITLE = "Kingsmere Children's Services Improvement Plan – April 2024 update"


def _s(number: str, text: str, lead: str, timescale: str, status: str, rag: str = "",
       warn: bool = False) -> Action:
    return _a(number, text, lead, None, status, rag=rag, style="auto", extras=_x(target_date=timescale),
              warnings=(status,) if warn else ())


STATUS_WORDS = Layout(
    key="03_kingsmere_status_words",
    exercises="a 'Status' column of letters (R/A/G), words (Complete, Completed, On track, Off track, Not "
              "started, Blue), two colours in one value and an unknown word; Word numbering '1.'",
    look=Look(
        columns=("rec_number", "recommendation", "action", "lead", "target_date", "rag"),
        widths=(1.2, 6.6, 9.6, 3.6, 2.3, 2.4),
        action_list="dot",
        key_note="Status key: R – off track; A – on track; G – complete; Blue – complete and embedded in "
                 "practice.",
    ),
    paper=Paper(
        stem="03_kingsmere_status_words",
        formats=("docx",),
        title="Children's Services Improvement Plan: progress update",
        document_date="2024-04-24",
        council="London Borough of Kingsmere",
        heading=("LONDON BOROUGH OF KINGSMERE", "CHILDREN AND EDUCATION SCRUTINY COMMITTEE",
                 "24 April 2024"),
        cover=(
            ("Report title:", "Children's Services Improvement Plan: progress update", "Item:", "7"),
            ("Report author:", "Director of Children's Services", "Classification:", "Public"),
            ("Lead member:", "Cabinet Member for Children and Young People", "Wards:", "All"),
        ),
        body=(
            "## 1. SUMMARY",
            "1.1 Ofsted inspected Kingsmere's children's services in September 2023 and judged them to "
            "require improvement to be good. The inspection report made five recommendations.",
            "1.2 This report presents the April 2024 update of the improvement plan. Of its 12 actions, four "
            "are complete, four are on track and two are off track; one has not started and one has been "
            "paused while the apprenticeship scheme is reviewed.",
            "## 2. RECOMMENDATIONS",
            "2.1 The Committee is asked to note the progress set out in the appendix and to comment on the "
            "actions that are off track.",
            "## 3. PROGRESS",
            "3.1 Recruitment of child protection chairs has been slower than planned. One of the two posts "
            "has been filled and interim cover is in place for the second.",
            "3.2 The placement support team will not start until the service redesign has been consulted on; "
            "the consultation closes on 31 May 2024.",
        ),
        plan=Plan(
            title=KINGSMERE_TITLE,
            note="",
            headers=("Ref", "Recommendation", "Action", "Owner", "Timescale", "Status"),
            recommendations=(
                _rec("1", "Strengthen the quality of assessments so that they consistently consider children's "
                          "identity, including their ethnicity, culture and religion.",
                     _s("1", "Revise the single assessment template to include a mandatory section on identity "
                             "and diversity.", "Head of Assessment and Intervention", "January 2024", "R", "Red"),
                     _s("2", "Deliver training in identity and anti-racist practice to all social workers, "
                             "commissioned from a specialist provider.", PSW, "June 2024", "A", "Amber"),
                     _s("3", "Add identity and diversity to the monthly practice audit tool.",
                        "Head of Quality Assurance", "February 2024", "G", "Green")),
                _rec("2", "Improve the timeliness of initial child protection conferences.",
                     _s("4", "Recruit two additional child protection chairs.", "Head of Safeguarding",
                        "March 2024", "Red/Amber", warn=True),
                     _s("5", "Introduce a daily conference tracker overseen by the Conference and Review Service "
                             "Manager.", "Head of Safeguarding", "February 2024", "Amber-Green", warn=True),
                     _s("6", "Agree with partners a standard of five working days' notice for conference "
                             "reports.", "Head of Safeguarding", "December 2023", "Complete", "Green")),
                _rec("3", "Ensure that children who are privately fostered are identified and assessed in a "
                          "timely way.",
                     _s("7", "Run a private fostering awareness campaign in schools, GP surgeries and faith "
                             "settings.", "Head of Children in Need", "November 2023", "Completed", "Green"),
                     _s("8", "Report private fostering notifications and the timeliness of assessments to the "
                             "Safeguarding Partnership each quarter.", "Head of Children in Need", "Quarterly",
                        "On track", "Amber")),
                _rec("4", "Improve the stability of homes for children in care, particularly older children.",
                     _s("9", "Reduce the proportion of children with three or more moves of home in the year to "
                             "10%.", "Head of Corporate Parenting", "March 2025", "Off track", "Red"),
                     _s("10", "Set up an edge of care and placement support team offering therapeutic support to "
                              "carers.", "Head of Corporate Parenting", "September 2024", "Not started",
                        warn=True)),  # not rated: "not started" need not mean off track
                _rec("5", "Ensure that care leavers are supported into suitable accommodation and into "
                          "education, employment or training.",
                     _s("11", "Agree a ring-fenced allocation of council tenancies for care leavers with the "
                              "Housing Service.", "Head of Leaving Care", "October 2023", "Blue", "Blue"),
                     _s("12", "Create 20 council apprenticeships ring-fenced for care leavers.",
                        "Head of Leaving Care", "July 2024", "Paused", warn=True)),
            ),
            glossary_header=("", ""),
            glossary=(),
        ),
    ),
)


# =========================================================================== 04
# Word structure: merged cells both ways, nested table, every kind of list numbering.
WESTMARCH_TITLE = "Children's Services Improvement Plan 2024–26: progress at 30 June 2024"
HEALTH_NESTED = ("Initial health assessments within 20 working days:",
                 (("Q1 2023/24", "71%"), ("Q2 2023/24", "78%"), ("Q3 2023/24", "86%")),
                 "Nurse in post from 8 January 2024.")
PROTOCOL_DONE = "Complete – protocol signed by all partners on 1 February 2024"
SUB_2_1 = ("Strengthen child protection planning by:",
           "introducing a revised plan template agreed with partners;",
           "training all social workers and child protection chairs in its use;",
           "auditing 25 plans each quarter against the new standard.")
SUB_3_2 = ("Improve the completion of review health assessments by:",
           "sharing a monthly list of assessments due with health providers;",
           "escalating any assessment overdue by more than 10 working days to the Head of Children in Care.")


def _lettered(paras: tuple[str, ...]) -> str:
    return " ".join((paras[0], *(f"{chr(ord('a') + i)}) {p}" for i, p in enumerate(paras[1:]))))


def _w(number: str, text: str, lead: str, target: str, progress: str, **kw: object) -> Action:
    return _a(number, text, lead, style="auto", extras=_x(target_date=target, progress=progress),
              **kw)  # type: ignore[arg-type]


WORD_STRUCTURE = Layout(
    key="04_westmarch_word_structure",
    exercises="vMerge (recommendations, a lead and a date shared by several actions), gridSpan (theme "
              "banners, one target date + progress cell), a nested table in a cell, Word multilevel "
              "numbering '1.' / '%1.%2' / 'a)' running on across cells and across two tables, '1)' "
              "points restarted per cell (startOverride)",
    look=Look(
        columns=("rec_number", "recommendation", "action", "lead", "target_date", "progress"),
        widths=(1.3, 5.4, 7.6, 3.6, 2.6, 5.2),
        auto_recs=True,
        sub_steps="letter",
        merge=("lead", "target_date"),
        hspan=(("2.3", "target_date", "progress"),),
        numbered_extras=("progress",),
        nested=(("3.1", "progress", *HEALTH_NESTED),),
        themes=(("1", "Theme 1: Help and protection"), ("3", "Theme 2: Children in care and care leavers")),
        new_table_at=("3",),
    ),
    paper=Paper(
        stem="04_westmarch_word_structure",
        formats=("docx",),
        title="Children's Services Improvement Plan: quarterly progress",
        document_date="2024-07-16",
        council="Westmarch County Council",
        heading=("WESTMARCH COUNTY COUNCIL", "CABINET – 16 JULY 2024"),
        cover=(
            ("Report to:", "Cabinet", "Date:", "16 July 2024"),
            ("Report of:", "Corporate Director, Children's Services", "Item:", "9"),
            ("Subject:", "Children's Services Improvement Plan: quarterly progress", "Key decision:", "No"),
            ("Portfolio:", "Cabinet Member for Children and Families", "Divisions:", "All"),
        ),
        body=(
            "## 1. PURPOSE",
            "1.1 To report progress on the Children's Services Improvement Plan 2024–26, agreed by Cabinet in "
            "April 2024 following the Ofsted inspection of January 2024.",
            "## 2. RECOMMENDATION",
            "2.1 That Cabinet notes the progress made in the quarter to 30 June 2024.",
            "## 3. BACKGROUND",
            "3.1 Ofsted judged Westmarch's services for children to require improvement to be good, with the "
            "experiences and progress of children in care judged good. The plan is arranged in two themes: "
            "help and protection, and children in care and care leavers.",
            "3.2 The Children's Improvement Board, chaired by the Chief Executive, reviews the plan each month. "
            "The Board has agreed that completed actions stay in the plan until their impact is evidenced.",
            "## 4. PROGRESS IN THE QUARTER",
            "4.1 One action is complete. Initial health assessments are now completed within 20 working days "
            "for 86% of children coming into care, against 71% a year ago.",
        ),
        plan=Plan(
            title=WESTMARCH_TITLE,
            note="Progress is reported by exception to the Children's Improvement Board each month.",
            headers=("No.", "Recommendation", "Actions", "Lead officer", "Target date", "Progress update"),
            recommendations=(
                _rec("1", "Strengthen management oversight at the front door so that decisions about contacts "
                          "and referrals are timely and clearly recorded.",
                     _w("1.1", "Introduce a daily management review of all contacts awaiting a decision for more "
                               "than 24 hours.", "Head of Front Door Services", "March 2024",
                        "Daily review in place since 5 February 2024. Contacts awaiting a decision for more than "
                        "24 hours fell from 41 to 6."),
                     _w("1.2", "Commission a practice development programme for MASH team managers.",
                        "Head of Front Door Services", "March 2024",
                        "1) Programme commissioned from the regional teaching partnership in January 2024. "
                        "2) First cohort of nine managers completed the programme on 22 March 2024.")),
                _rec("2", "Improve the quality of child protection planning, so that plans are specific, "
                          "time-bound and focused on reducing risk.",
                     _w("2.1", _lettered(SUB_2_1), "Head of Safeguarding", "September 2024",
                        "Template agreed by the Safeguarding Partnership on 14 May 2024. Training under way: "
                        "112 of 160 staff trained.", paragraphs=SUB_2_1, bullets=True),
                     _w("2.2", "Child protection chairs to use the new escalation protocol where plans are not "
                               "progressing.", "Head of Safeguarding", "June 2024",
                        "Protocol in use from 1 April 2024; 14 escalations made and 12 resolved."),
                     _w("2.3", "Agree a joint protocol with health partners on attendance at core groups.",
                        "Designated Nurse for Safeguarding Children", PROTOCOL_DONE, PROTOCOL_DONE)),
                _rec("3", "Improve the timeliness of health assessments for children in care.",
                     _w("3.1", "Appoint a dedicated nurse to complete initial health assessments.",
                        "Designated Nurse for Children in Care", "January 2024", nested_text(*HEALTH_NESTED)),
                     _w("3.2", _lettered(SUB_3_2), "Head of Children in Care", "September 2024",
                        "Monthly list shared since March 2024. 92% of review health assessments completed on "
                        "time in June 2024.", paragraphs=SUB_3_2, bullets=True)),
                _rec("4", "Ensure that pathway plans for care leavers are written with young people and updated "
                          "when their circumstances change.",
                     _w("4.1", "Co-produce a new pathway plan with the Care Leavers' Forum.", "Head of Leaving Care",
                        "April 2024", "1) Three design workshops held with the Care Leavers' Forum. "
                                      "2) New plan in use from 15 April 2024."),
                     _w("4.2", "Train all personal advisers in the new pathway plan.", "Head of Leaving Care",
                        "June 2024", "All 24 personal advisers trained by 7 June 2024."),
                     _w("4.3", "Audit 15 pathway plans each quarter, with young people's feedback included in "
                               "every audit.", "Head of Leaving Care", "Quarterly from July 2024",
                        "First audit due in July 2024.")),
            ),
            glossary_header=("", ""),
            glossary=(),
            as_at="2024-06-30",
        ),
    ),
)


# =========================================================================== 05
# Column names as councils word them, and an unknown column kept by its header.
def _n(number: str, text: str, lead: str, by_when: str, resources: str, progress: str, measure: str,
       status: str) -> Action:
    return _a(number, text, lead, None, status,
              extras=_x(target_date=by_when, resources=resources, progress=progress, measure=measure))


COLUMN_NAMES = Layout(
    key="05_calderbrook_column_names",
    exercises="headers 'Area for improvement', 'What we will do', 'Responsible officer', 'By when', "
              "'Progress update', 'Evidence of impact', 'Status' and an unknown 'Resources' column; "
              "recommendations printed without numbers",
    look=Look(
        columns=("recommendation", "action", "lead", "target_date", "resources", "progress", "measure", "rag"),
        widths=(4.0, 5.0, 2.8, 2.0, 2.6, 4.3, 3.4, 1.6),
        size=9,
        action_label="{n}. ",
        header_fill="1F3864",
        header_color="FFFFFF",
    ),
    paper=Paper(
        stem="05_calderbrook_column_names",
        formats=("docx",),
        title="Improvement Plan following the Ofsted inspection of children's services",
        document_date="2024-06-27",
        council="Calderbrook Metropolitan Borough Council",
        heading=("Calderbrook Metropolitan Borough Council", "Children's Improvement Board – 27 June 2024"),
        body=(
            "## 1. INTRODUCTION",
            "1.1 Ofsted's inspection of children's services in February 2024 identified three areas for "
            "improvement. This plan sets out what we will do about each, who is responsible, by when, the "
            "resources committed, and how we will know that it has made a difference to children.",
            "1.2 The plan will be reviewed at each meeting of the Board and reported to the Children's "
            "Scrutiny Panel every six months.",
        ),
        plan=Plan(
            title="Improvement Plan following the Ofsted inspection of children's services (February 2024)",
            note="",
            headers=("Area for improvement", "What we will do", "Responsible officer", "By when", "Resources",
                     "Progress update", "Evidence of impact", "Status"),
            recommendations=(
                _rec("1", "The consistency of management oversight and the quality of supervision in the "
                          "children with disabilities team.",
                     _n("1", "Review caseloads in the children with disabilities team and recruit to the two "
                             "vacant social worker posts.", "Head of Disabled Children's Service", "April 2024",
                        "£96,000 a year (growth agreed in the 2024/25 budget)",
                        "Both posts filled; average caseload reduced from 24 to 18.",
                        "Caseload reports; supervision audit, May 2024", "Green"),
                     _n("2", "Introduce monthly group supervision led by the Principal Social Worker.", PSW,
                        "May 2024", "Within existing resources",
                        "Sessions held in April and May 2024, attended by all social workers in the team.",
                        "Staff survey: 83% say supervision helps their practice (baseline 52%)", "Green"),
                     printed=False),
                _rec("2", "The response to children at risk of exploitation, including the quality of return "
                          "home interviews and the use of disruption activity.",
                     _n("3", "Set up a multi-agency exploitation hub with Calderbrook Police and health "
                             "partners.", "Head of Early Help and Prevention", "September 2024",
                        "£180,000 from the Supporting Families grant",
                        "Hub manager appointed; accommodation agreed at the police station. Launch planned for "
                        "September 2024.", "Not yet available", "Amber"),
                     _n("4", "Bring the return home interview service in house and offer every interview within "
                             "72 hours.", "Head of Early Help and Prevention", "June 2024",
                        "1 FTE co-ordinator and 3 FTE workers (transferred from the contract)",
                        "Service transferred on 1 April 2024. 68% of interviews offered within 72 hours in May.",
                        "Monthly missing children dataset", "Amber"),
                     _n("5", "Train 200 frontline staff across the partnership in the exploitation screening "
                             "tool.", "Safeguarding Partnership Business Manager", "December 2024",
                        "Partnership training budget", "54 staff trained to date.", "Training evaluation reports",
                        "Amber"),
                     printed=False),
                _rec("3", "Leaders' understanding of the quality of practice, through performance information "
                          "that is accurate and used at every level.",
                     _n("6", "Replace the monthly performance report with a dashboard available to all managers.",
                        PERF, "March 2024", "2 FTE analysts for six months (£48,000 one-off)",
                        "Dashboard delayed by the data migration to the new case management system; now expected "
                        "in July 2024.", "None yet", "Red"),
                     _n("7", "Hold quarterly practice weeks in which senior leaders observe practice and speak "
                             "with children and families.", "Director of Children's Services",
                        "Quarterly from January 2024", "Within existing resources",
                        "Practice weeks held in January and April 2024; findings reported to the Improvement "
                        "Board.", "Practice week reports, January and April 2024", "Green"),
                     printed=False),
            ),
            glossary_header=("", ""),
            glossary=(),
        ),
    ),
)


# =========================================================================== 06
# Recommendation as a full-width shaded banner row above its actions.
# An action with a target date and a RAG status as text (06, 07a-c).
def _r(number: str, text: str, lead: str, target: str, rag: str, style: str = "text") -> Action:
    return _a(number, text, lead, None, rag, style=style, extras=_x(target_date=target))


BANNER = Layout(
    key="06_eastfield_banner_recommendations",
    exercises="each recommendation as a full-width shaded row 'Recommendation n: ...' above its actions "
              "(no recommendation column); typed refs '1.1' in their own column; RAG as text and fill",
    look=Look(
        columns=("action_number", "action", "lead", "target_date", "rag"),
        widths=(1.5, 12.0, 4.7, 3.5, 4.0),
        banner="Recommendation {n}: {text}",
        rag_fill=True,
    ),
    paper=Paper(
        stem="06_eastfield_banner_recommendations",
        formats=("docx", "pdf"),
        title="Ofsted Inspection of Children's Services – Improvement Plan Update",
        document_date="2024-03-05",
        council="London Borough of Eastfield",
        heading=("LONDON BOROUGH OF EASTFIELD", "CHILDREN AND YOUNG PEOPLE SCRUTINY SUB-COMMITTEE"),
        cover=(
            ("Meeting:", "Children and Young People Scrutiny Sub-Committee", "Date:", "5 March 2024"),
            ("Report title:", "Ofsted Inspection of Children's Services – Improvement Plan Update",
             "Agenda item:", "8"),
            ("Report of:", "Corporate Director of Children's Services", "Exempt:", "No"),
        ),
        body=(
            "## 1. SUMMARY",
            "1.1 Ofsted inspected Eastfield's services for children in need of help and protection, children "
            "in care and care leavers in October 2023. Services were judged good overall; the report made "
            "three recommendations for further improvement.",
            "1.2 The improvement plan, attached, sets out the actions taken against each recommendation. "
            "Five of the nine actions are complete.",
            "## 2. RECOMMENDATION",
            "2.1 The Sub-Committee is asked to note the progress made and the action rated red.",
            "## 3. KEY ISSUES",
            "3.1 Mapping of locations of concern with the police has not happened since December 2023 because "
            "of changes in the police's neighbourhood structure. The Community Safety Manager has escalated "
            "this to the Safer Eastfield Partnership.",
        ),
        plan=Plan(
            title="Ofsted Improvement Plan – February 2024",
            note="",
            headers=("Ref", "Action", "Lead officer", "Timescale", "RAG"),
            recommendations=(
                _rec("1", "Improve the quality and consistency of management oversight and supervision across all "
                          "social work teams, so that it is reflective and progresses children's plans without "
                          "delay.",
                     _r("1.1", "Relaunch the supervision policy with a single recording template in the case "
                               "management system.", PSW, "December 2023", "Green"),
                     _r("1.2", "Send monthly supervision compliance reports to each service manager, with "
                               "exceptions escalated to the Head of Service.", "Head of Performance",
                        "January 2024", "Green"),
                     _r("1.3", "Carry out a thematic audit of the quality of supervision, repeated after six "
                               "months.", "Head of Quality Assurance", "June 2024", "Amber")),
                _rec("2", "Ensure that children who are at risk of harm outside the home receive a timely, "
                          "co-ordinated multi-agency response.",
                     _r("2.1", "Launch the Extra-Familial Harm Panel with police, health, education and the youth "
                               "justice service.", "Head of Adolescent Services", "February 2024", "Green"),
                     _r("2.2", "Introduce a contextual safeguarding assessment for children at risk of "
                               "exploitation.", "Head of Adolescent Services", "May 2024", "Amber"),
                     _r("2.3", "Map locations of concern with the police every quarter and agree disruption "
                               "plans.", "Community Safety Manager", "Quarterly", "Red")),
                _rec("3", "Improve the sufficiency and stability of homes for children in care, including for "
                          "children with complex needs.",
                     _r("3.1", "Increase the number of in-house foster carers by 15 households.", "Head of Fostering",
                        "March 2025", "Amber"),
                     _r("3.2", "Join the regional commissioning framework for residential children's homes.",
                        COMM, "September 2024", "Amber"),
                     _r("3.3", "Introduce stability meetings for every child whose home is at risk of ending.",
                        "Head of Children in Care", "April 2024", "Green")),
            ),
            glossary_header=("", ""),
            glossary=(),
        ),
    ),
)


# =========================================================================== 07
# Numbers: hierarchical typed, lettered, restarting per recommendation with one lost.
HIERARCHICAL = Layout(
    key="07a_severnside_hierarchical_numbers",
    exercises="action numbers typed as '2.3' at the start of the action text; recommendation numbers in an "
              "unheaded column, printed once in a block merged down over the actions",
    look=Look(
        columns=("rec_number", "recommendation", "action", "lead", "target_date", "rag"),
        widths=(1.0, 7.0, 10.2, 3.5, 2.4, 1.6),
        action_label="{n} ",
    ),
    paper=Paper(
        stem="07a_severnside_hierarchical_numbers",
        formats=("docx",),
        title="Ofsted Improvement Plan – Quarter 4 2023/24",
        document_date="2024-05-09",
        council="Severnside County Council",
        plan=Plan(
            title="Severnside County Council – Ofsted Improvement Plan – Quarter 4 2023/24",
            note="This plan responds to the recommendations of the Ofsted inspection of July 2023. Lead officers "
                 "update it quarterly for the Corporate Parenting and Safeguarding Board.",
            headers=("", "Ofsted recommendation", "Actions", "Lead", "Target date", "RAG rating"),
            recommendations=(
                _rec("1", "Improve the quality of assessments for disabled children so that they reflect "
                          "children's wishes and feelings.",
                     _r("1.1", "Revise the disabled children's assessment framework with parents and the Parent "
                               "Carer Forum.", "Head of Disabled Children's Service", "March 2024", "Green"),
                     _r("1.2", "Use communication tools, including Talking Mats, in every assessment of a child "
                               "with communication needs.", "Head of Disabled Children's Service", "June 2024",
                        "Amber")),
                _rec("2", "Strengthen the response to domestic abuse at the front door.",
                     _r("2.1", "Hold a daily domestic abuse triage meeting with the police and health.",
                        "MASH Service Manager", "January 2024", "Green"),
                     _r("2.2", "Train front door staff in the Safe and Together model.", "MASH Service Manager",
                        "April 2024", "Green"),
                     _r("2.3", "Commission a programme for fathers who use domestic abuse whose children are "
                               "subject to child protection plans.", COMM, "October 2024", "Red")),
                _rec("3", "Ensure that children missing education are identified and followed up promptly.",
                     _r("3.1", "Agree a data-sharing protocol between Education and Children's Social Care for "
                               "children missing education.", "Head of Inclusion", "February 2024", "Green"),
                     _r("3.2", "Report children missing education to the Safeguarding Partnership each term.",
                        "Head of Inclusion", "Termly", "Amber")),
            ),
            glossary_header=("", ""),
            glossary=(),
        ),
    ),
)


def _l(number: str, text: str, lead: str, target: str, progress: str) -> Action:
    return _a(number, text, lead, extras=_x(target_date=target, progress=progress))


LETTERED = Layout(
    key="07b_ketterby_lettered_numbers",
    exercises="lettered action refs '1a', '1b' in a column right of the recommendation; recommendation "
              "numbers typed in the recommendation text ('2. ...'); a PDF printed from Word",
    look=Look(
        columns=("recommendation", "action_number", "action", "lead", "target_date", "progress"),
        widths=(5.6, 1.2, 7.4, 3.5, 2.4, 5.6),
        rec_prefix="{n}. ",
    ),
    paper=Paper(
        stem="07b_ketterby_lettered_numbers",
        formats=("pdf",),
        title="Ofsted ILACS Action Plan – progress update",
        document_date="2024-07-02",
        council="Ketterby Borough Council",
        heading=("KETTERBY BOROUGH COUNCIL", "PEOPLE OVERVIEW AND SCRUTINY COMMITTEE – 2 JULY 2024"),
        body=(
            "# Ofsted ILACS Action Plan – progress update",
            "## 1. PURPOSE",
            "1.1 To update the Committee on the action plan agreed after the Ofsted inspection of children's "
            "services in November 2023, which judged services to be good overall.",
            "## 2. RECOMMENDATION",
            "2.1 That the Committee notes the progress made against the three areas for development.",
            "## 3. CONTEXT",
            "3.1 Ofsted identified three areas for development. Each action in the plan carries a letter "
            "within its area so that new actions can be added without renumbering the plan.",
        ),
        plan=Plan(
            title="Ofsted ILACS Action Plan: areas for development – June 2024",
            note="",
            headers=("Area for development", "Ref", "Action", "Lead officer", "Completion date", "Progress"),
            recommendations=(
                _rec("1", "The effectiveness of early help, so that families receive the right support at the "
                          "right time.",
                     _l("1a", "Publish a single early help offer for families, available online and in family "
                              "hubs.", "Head of Early Help", "March 2024",
                        "Published on the council website on 28 March 2024; printed copies in all four family "
                        "hubs."),
                     _l("1b", "Introduce an early help assessment that partners can complete online.",
                        "Head of Early Help", "July 2024",
                        "Online form being tested with schools; launch planned for the autumn term."),
                     _l("1c", "Offer early help training to all designated safeguarding leads in schools.",
                        "Education Safeguarding Lead", "December 2024",
                        "Two of six sessions delivered; 41 schools attended.")),
                _rec("2", "Consistency in the application of thresholds across the partnership.",
                     _l("2a", "Revise the threshold document with partners and relaunch it through the "
                              "Safeguarding Partnership.", "Safeguarding Partnership Manager", "April 2024",
                        "Revised document agreed on 19 April 2024 and relaunched at partnership briefings."),
                     _l("2b", "Audit contacts that did not lead to a referral each quarter, with partner "
                              "agencies.", "Head of Front Door", "Quarterly",
                        "First multi-agency audit completed in May 2024.")),
                _rec("3", "Permanence planning for children in care, including children placed with parents.",
                     _l("3a", "Review every child placed with parents under a care order and decide whether to "
                              "apply to discharge the order.", "Head of Children in Care", "September 2024",
                        "Reviews completed for 18 of 27 children; four applications to discharge made."),
                     _l("3b", "Hold a permanence planning meeting by the second review for every child in "
                              "care.", "IRO Service Manager", "June 2024",
                        "Tracked weekly since January 2024; 88% of children in June.")),
            ),
            glossary_header=("", ""),
            glossary=(),
        ),
    ),
)

PER_RECOMMENDATION = Layout(
    key="07c_ribbleford_numbers_per_recommendation",
    exercises="action numbers restarting at 1 for each recommendation, one number left blank (inferred "
              "'2'), recommendation number and text printed once above blank, unmerged cells",
    look=Look(
        columns=("rec_number", "recommendation", "action_number", "action", "lead", "target_date", "rag"),
        widths=(0.9, 6.4, 1.0, 9.4, 3.6, 2.6, 1.8),
        merge_rec=False,
    ),
    paper=Paper(
        stem="07c_ribbleford_numbers_per_recommendation",
        formats=("docx",),
        title="Ofsted Action Plan – monitoring report",
        document_date="2024-02-20",
        council="Ribbleford Metropolitan Borough Council",
        heading=("RIBBLEFORD METROPOLITAN BOROUGH COUNCIL", "SAFEGUARDING OVERVIEW AND SCRUTINY PANEL"),
        cover=(
            ("Date of meeting:", "20 February 2024", "Item:", "5"),
            ("Report of:", "Executive Director, Children's Services", "Status:", "Open"),
        ),
        body=(
            "## 1. PURPOSE",
            "1.1 This report gives the Panel the latest position on the action plan prepared after the Ofsted "
            "inspection of children's services in September 2023.",
            "## 2. RECOMMENDATION",
            "2.1 That the Panel notes the report and the action plan at Appendix A.",
        ),
        plan=Plan(
            title="Appendix A – Ofsted Action Plan (position at 31 January 2024)",
            note="",
            headers=("", "Recommendation", "No.", "Action", "Lead officer", "Deadline", "RAG"),
            recommendations=(
                _rec("1", "Improve the quality of direct work with children so that their voices are heard in "
                          "assessments and plans.",
                     _r("1", "Provide a direct work toolkit and resource library for every social work team.", PSW,
                        "January 2024", "Green"),
                     _r("2", "Include children's views as a mandatory section of every assessment and plan.", ASH,
                        "March 2024", "Green"),
                     _r("3", "Launch an annual survey of children in need and children subject to child "
                             "protection plans.", "Participation Lead", "July 2024", "Amber")),
                _rec("2", "Ensure that allegations against adults who work with children are managed in a timely "
                          "way.",
                     _r("1", "Recruit a second Local Authority Designated Officer.", "Head of Safeguarding",
                        "February 2024", "Green"),
                     _r("2", "Report the timeliness of allegation management to the Safeguarding Partnership each "
                             "quarter.", "Head of Safeguarding", "Quarterly", "Amber")),
                _rec("3", "Improve the timeliness and quality of pre-proceedings work under the Public Law Outline.",
                     _r("1", "Introduce a monthly legal gateway tracker reviewed by the Head of Service and Legal "
                             "Services.", ASH, "December 2023", "Green"),
                     _r("2", "Write letters before proceedings in plain English, checked by parents' advocates.",
                        "Legal Services Manager", "April 2024", "Amber", style="none"),
                     _r("3", "Reduce the average time in pre-proceedings to 16 weeks.", ASH, "March 2025",
                        "Red")),
            ),
            glossary_header=("", ""),
            glossary=(),
        ),
    ),
)


# =========================================================================== 08
# Lead cells: codes joined by "&", "/", "," and "and"; titles that hold "and".
HOS, HOCIC, HOEH, HOLC = ("Head of Safeguarding", "Head of Children in Care", "Head of Early Help",
                          "Head of Leaving Care")
QP = "Head of Quality and Performance"
NURSE = "Designated Nurse"
ADCSC = "Assistant Director, Children's Social Care"


def _ld(number: str, text: str, lead: str, leads: tuple[str, ...], target: str, rag: str) -> Action:
    return _a(number, text, lead, leads, rag, style="auto", extras=_x(target_date=target))


LEAD_CELLS = Layout(
    key="08_fenwick_lead_cells",
    exercises="lead cells joining glossary codes with '&', '/', ',' and 'and'; job titles containing 'and' "
              "used alone and joined to a code with 'and'; 'tbc'",
    look=Look(
        columns=("rec_number", "recommendation", "action", "lead", "target_date", "rag"),
        widths=(1.0, 7.0, 10.6, 3.6, 2.4, 1.6),
    ),
    paper=Paper(
        stem="08_fenwick_lead_cells",
        formats=("docx",),
        title="Ofsted Improvement Plan",
        document_date="2024-01-30",
        council="Fenwick Metropolitan Borough Council",
        heading=("FENWICK METROPOLITAN BOROUGH COUNCIL", "CORPORATE PARENTING BOARD – 30 JANUARY 2024"),
        body=(
            "## 1. INTRODUCTION",
            "1.1 Ofsted's inspection in October 2023 judged Fenwick's children's services to require "
            "improvement to be good. The improvement plan below answers the four recommendations in the "
            "inspection report. Lead officers are shown by the abbreviations listed at the end of the plan.",
            "1.2 Where an action is shared, the officers named lead it jointly. The lead for the notification "
            "standard on unregistered provision will be confirmed once the new Assistant Director is in post.",
        ),
        plan=Plan(
            title="Fenwick Children's Services – Ofsted Improvement Plan – January 2024",
            note="",
            headers=("No.", "Recommendation", "Action", "Lead", "Target date", "RAG"),
            recommendations=(
                _rec("1", "Improve the quality of strategy discussions so that all relevant agencies contribute "
                          "and decisions are clearly recorded.",
                     _ld("1", "Introduce a strategy discussion template that records each agency's contribution "
                              "and the reasons for decisions.", "HoS & PSW", (HOS, PSW), "January 2024", "Green"),
                     _ld("2", "Ensure that strategy discussions for children in care and care leavers include "
                              "their independent reviewing officer or personal adviser.", "HoCiC / HoLC",
                         (HOCIC, HOLC), "February 2024", "Green"),
                     _ld("3", "Audit 20 strategy discussions each quarter with police and health colleagues.",
                         "HoS, HoEH, PSW", (HOS, HOEH, PSW), "Quarterly", "Amber")),
                _rec("2", "Improve the quality of care plans so that they are up to date and reflect children's "
                          "wishes and feelings.",
                     _ld("4", "Review and update every child's care plan before their next review.",
                         "HoCiC and PSW", (HOCIC, PSW), "June 2024", "Amber"),
                     _ld("5", "Report the proportion of care plans updated within timescale in the monthly "
                              "performance report.", QP, (QP,), "March 2024", "Green"),
                     _ld("6", "Introduce a quality standard for care plans, used by independent reviewing "
                              "officers at every review.", "Head of Quality and Performance and HoS", (QP, HOS),
                         "May 2024", "Amber")),
                _rec("3", "Improve the emotional and physical health of children in care.",
                     _ld("7", "Ensure that every child in care has a Strengths and Difficulties Questionnaire "
                              "before their annual health assessment.", NURSE, (NURSE,), "April 2024", "Amber"),
                     _ld("8", "Agree a fast-track pathway to child and adolescent mental health services for "
                              "children in care.", "Designated Nurse and HoCiC", (NURSE, HOCIC),
                         "September 2024", "Red"),
                     _ld("9", "Commission a therapeutic support service for foster carers and residential staff.",
                         "Head of Commissioning and Partnerships", ("Head of Commissioning and Partnerships",),
                         "December 2024", "Amber")),
                _rec("4", "Strengthen senior leaders' oversight of children placed in unregistered provision.",
                     _ld("10", "Notify the Director of Children's Services within 24 hours of any child placed in "
                               "unregistered provision.", "tbc", (), "Immediate", "Amber"),
                     _ld("11", "Review every child placed in unregistered provision weekly at a senior leadership "
                               "panel.", "ADCSC", (ADCSC,), "January 2024", "Green")),
            ),
            glossary_header=("Abbreviation", "Full title"),
            glossary=(
                ("ADCSC", ADCSC),
                ("CAMHS", "Child and Adolescent Mental Health Services"),
                ("HoCiC", HOCIC),
                ("HoEH", HOEH),
                ("HoLC", HOLC),
                ("HoS", HOS),
                ("IRO", "Independent Reviewing Officer"),
                ("PSW", PSW),
            ),
        ),
    ),
)


# =========================================================================== 09
# Officer codes defined in the report's text, and an "Acronym | Meaning" glossary.
HOSQA, HOCP, DCS = ("Head of Safeguarding and Quality Assurance", "Head of Corporate Parenting",
                    "Director of Children's Services")
HOFD, LADO = "Head of Front Door Services", "Local Authority Designated Officer"

DEFINED_CODES = Layout(
    key="09_greystone_codes_in_text",
    exercises="officer codes defined only in the report's text ('the Head of Corporate Parenting (HoCP)') "
              "and in a glossary headed 'Acronym | Meaning'",
    look=Look(
        columns=("rec_number", "recommendation", "action", "lead", "target_date", "rag"),
        widths=(1.0, 7.0, 10.8, 2.8, 2.6, 1.6),
    ),
    paper=Paper(
        stem="09_greystone_codes_in_text",
        formats=("docx",),
        title="Ofsted ILACS Improvement Plan: six-month review",
        document_date="2024-05-21",
        council="London Borough of Greystone",
        heading=("LONDON BOROUGH OF GREYSTONE", "CABINET MEMBER SIGNING – 21 MAY 2024"),
        cover=(
            ("Title:", "Ofsted ILACS Improvement Plan: six-month review", "Ward(s):", "All"),
            ("Report of:", "Director of Children's Services", "Key decision:", "No"),
            ("Contact:", "Sarah Okafor, Head of Improvement", "Email:", "sarah.okafor@greystone.gov.uk"),
        ),
        body=(
            "## 1. PURPOSE",
            "1.1 To review progress on the improvement plan agreed after the Ofsted inspection of local "
            "authority children's services in November 2023.",
            "## 2. GOVERNANCE",
            "2.1 The plan is owned by the Director of Children's Services (DCS) and overseen by the Children's "
            "Improvement Board. Its actions are led by the Head of Safeguarding and Quality Assurance (HoSQA), "
            "the Head of Corporate Parenting (HoCP), the Head of Early Help (HoEH) and the Principal Social "
            "Worker (PSW), with the Head of Front Door Services for actions at the front door.",
            "2.2 The lead officer for each action is shown by the abbreviations above; other abbreviations are "
            "explained in the table at the end of the plan.",
            "## 3. PROGRESS",
            "3.1 Four of the seven actions are complete. The co-location of a police decision-maker in the "
            "MASH is delayed until the police complete their restructure in the autumn.",
        ),
        plan=Plan(
            title="Greystone ILACS Improvement Plan – six-month review (May 2024)",
            note="",
            headers=("Ref", "Recommendation", "Action", "Lead", "Target date", "RAG"),
            recommendations=(
                _rec("1", "Improve the timeliness of decision-making in the MASH so that children at risk receive "
                          "a prompt response.",
                     _ld("1", "Set a standard that all contacts are decided within one working day, monitored "
                              "daily.", "HoFD", (HOFD,), "January 2024", "Green"),
                     _ld("2", "Agree with the police the co-location of a police decision-maker in the MASH five "
                              "days a week.", "DCS", (DCS,), "June 2024", "Red")),
                _rec("2", "Strengthen the role of independent reviewing officers in challenging drift in "
                          "children's plans.",
                     _ld("3", "Reduce IRO caseloads to no more than 65 children by recruiting two additional "
                              "IROs.", "HoSQA", (HOSQA,), "March 2024", "Green"),
                     _ld("4", "Introduce a practice standard for IRO escalation, with monthly reporting of "
                              "escalations and their outcomes.", "HoCP & PSW", (HOCP, PSW), "April 2024",
                         "Amber")),
                _rec("3", "Ensure that early help assessments are completed promptly and lead to the right "
                          "support for families.",
                     _ld("5", "Introduce triage in family hubs so that each family is offered an early help "
                              "assessment within 10 working days.", "HoEH", (HOEH,), "February 2024", "Green")),
                _rec("4", "Improve the management of allegations against people who work with children.",
                     _ld("6", "Respond to every referral to the LADO within one working day and record the "
                              "reasons for decisions.", "LADO", (LADO,), "January 2024", "Green"),
                     _ld("7", "Ensure that foster carers who are the subject of an allegation are offered "
                              "independent support.", "HoCP", (HOCP,), "July 2024", "Amber")),
            ),
            glossary_header=("Acronym", "Meaning"),
            glossary=(
                ("CIN", "Child in Need"),
                ("CPP", "Child Protection Plan"),
                ("HoFD", HOFD),
                ("IRO", "Independent Reviewing Officer"),
                ("LADO", LADO),
                ("MASH", "Multi-Agency Safeguarding Hub"),
                ("PA", "Personal Adviser"),
            ),
        ),
    ),
)


# =========================================================================== 10
# A long agenda pack with the plan on a few landscape pages in the middle.
REDCLIFFE_TITLE = "ILACS Improvement Plan – progress at 31 March 2024"
HCIN, HAS, HLC = "Head of Children in Need", "Head of Adolescent Services", "Head of Leaving Care"


def _k(number: str, text: str, lead: str, target: str, progress: str, measure: str, rag: str) -> Action:
    return _a(number, text, lead, None, rag, extras=_x(target_date=target, progress=progress, measure=measure))


AGENDA_PACK = Layout(
    key="10_redcliffe_agenda_pack",
    exercises="a 43-page agenda pack (front sheet, agenda, minutes with an actions log, budget and savings "
              "tables with RAG, a performance scorecard with RAG, other reports, work programme) with the "
              "plan on three landscape pages in the middle (14-16)",
    builder="pack_pdf",
    look=Look(
        columns=("rec_number", "recommendation", "action", "lead", "target_date", "progress", "measure", "rag"),
        widths=(1.0, 4.6, 5.8, 3.0, 2.0, 5.0, 3.5, 1.6),
        size=10,
        header_fill="1F3864",
        header_color="FFFFFF",
        rag_fill=True,
    ),
    paper=Paper(
        stem="10_redcliffe_agenda_pack",
        formats=("pdf",),
        title="Children and Young People Scrutiny Panel – Tuesday, 23 April 2024",
        document_date="2024-04-23",
        council="Redcliffe Borough Council",
        plan=Plan(
            title=REDCLIFFE_TITLE,
            note="RAG status: Red – not on track; Amber – on track, with risks; Green – complete.",
            headers=("Rec", "Recommendation", "Action", "Lead officer", "Target date", "Progress",
                     "Evidence of impact", "RAG status"),
            recommendations=(
                _rec("1", "Improve the quality of social work practice with children in need, so that plans are "
                          "purposeful and children do not experience drift.",
                     _k("1", "Introduce a child in need review panel to review every child in need plan open for "
                             "more than nine months.", HCIN, "February 2024",
                        "Panel established on 5 February 2024; 64 plans reviewed and 22 children stepped down to "
                        "early help.",
                        "Panel minutes; monthly child in need performance report", "Green"),
                     _k("2", "Reduce social worker caseloads in the children in need teams to an average of 18.",
                        HCIN, "June 2024", "Average caseload 21 at 31 March 2024 (December 2023: 24). Four newly "
                                           "qualified social workers start in May.",
                        "Caseload report, March 2024", "Amber"),
                     _k("3", "Audit 10 child in need plans each month, with the findings reported to the "
                             "Improvement Board.", "Head of Quality Assurance", "Monthly",
                        "Audits completed each month since January 2024; 61% of plans judged good or better.",
                        "Audit reports to the Improvement Board, January to March 2024", "Amber")),
                _rec("2", "Improve the timeliness and quality of pre-proceedings work, so that children achieve "
                          "permanence without delay.",
                     _k("4", "Set up a legal gateway panel chaired by the Head of Service, meeting weekly.", ASH,
                        "January 2024", "Weekly panel in place since 8 January 2024.",
                        "Legal gateway panel decision log", "Green"),
                     _k("5", "Track all children in pre-proceedings on a single tracker reviewed monthly by the "
                             "Assistant Director.", ADCSC, "February 2024",
                        "Tracker in place; average time in pre-proceedings reduced from 31 to 22 weeks.",
                        "Pre-proceedings tracker", "Green"),
                     _k("6", "Commission training for social workers in preparing evidence for court.", PSW,
                        "May 2024", "Training commissioned; first sessions booked for May 2024.",
                        "Not yet available", "Amber")),
                _rec("3", "Strengthen the response to children who are at risk of exploitation.",
                     _k("7", "Hold a weekly multi-agency exploitation meeting with the police, health and youth "
                             "justice services.", HAS, "January 2024",
                        "Meeting in place since 10 January 2024; 38 children discussed.",
                        "Meeting minutes; exploitation dataset", "Green"),
                     _k("8", "Complete exploitation risk assessments for all children open to social care who go "
                             "missing three times or more in 90 days.", HAS, "March 2024",
                        "Risk assessments completed for 27 of 35 children. The remaining eight are scheduled "
                        "for April 2024.",
                        "Case audit of children missing three or more times", "Red"),
                     _k("9", "Deliver exploitation awareness training to 150 staff in schools, housing and the "
                             "voluntary sector.", "Safeguarding Partnership Manager", "September 2024",
                        "62 staff trained to date.",
                        "Training evaluations", "Amber")),
                _rec("4", "Improve the quality of supervision and management oversight, so that it is reflective "
                          "and evident on children's records.",
                     _k("10", "Introduce a new supervision recording template in the case management system.",
                        PSW, "December 2023", "Template live from 11 December 2023.",
                        "Supervision audit, February 2024: 72% of records good or better", "Green"),
                     _k("11", "Deliver the Practice Leadership programme to all team managers.",
                        "Head of Workforce Development", "July 2024",
                        "Two cohorts complete; the third starts in May 2024.",
                        "Programme evaluation by participants", "Amber")),
                _rec("5", "Ensure that care leavers have access to suitable accommodation and that pathway plans "
                          "are reviewed when their circumstances change.",
                     _k("12", "Agree a joint housing protocol for care leavers with the Housing Service and "
                              "registered providers.", HLC, "March 2024",
                        "Protocol agreed by the Housing Partnership on 21 March 2024.",
                        "Signed protocol", "Green"),
                     _k("13", "Provide 10 additional supported lodgings placements for care leavers aged 18 to "
                              "21.", COMM, "September 2024",
                        "Four supported lodgings providers approved; recruitment continues.",
                        "Sufficiency tracker", "Amber"),
                     _k("14", "Review every care leaver's pathway plan within 10 working days of a change of "
                              "accommodation.", HLC, "April 2024",
                        "Reporting is being built into the case management system; compliance is not yet "
                        "measured.",
                        "None yet", "Red")),
            ),
            glossary_header=("", ""),
            glossary=(),
            as_at="2024-03-31",
        ),
    ),
)


# =========================================================================== 11
# A scan: one page that is a picture of a plan table, with no text layer.
def _scanned_paper() -> Paper:
    """With the OCR extra (issue 15) the scan is read, its rows as ``scan_writer`` draws
    them; without it, the paper is an error row saying how to get the extra."""
    from actionplans.ingest.ocr import INSTALL, NO_TEXT, available

    paper = Paper(stem="11_marshfield_scanned_plan", formats=("pdf",), title="", council="Marshfield County Council",
                  status="error", message=f"{NO_TEXT}: reading scans needs the OCR extra ({INSTALL})")
    if not available():
        return paper
    from .scan_writer import GLOSSARY, GLOSSARY_HEADERS, HEADERS, ROWS

    names = dict(GLOSSARY)  # the leads are codes, expanded from the glossary scanned on page 2
    recs: list[tuple[str, str, list[Action]]] = []
    for number, rec_text, action, lead, target, rag in ROWS:
        if number:
            recs.append((number, rec_text, []))
        n, _, text = action.partition(") ")
        recs[-1][2].append(_a(n, text, lead, (names[lead],), rag, extras=_x(target_date=target)))
    plan = Plan(title="Marshfield County Council – Ofsted Action Plan (signed copy)", note="", headers=HEADERS,
                recommendations=tuple(_rec(n, t, *acts) for n, t, acts in recs), glossary_header=GLOSSARY_HEADERS,
                glossary=GLOSSARY)
    return Paper(stem=paper.stem, formats=paper.formats, title=paper.title, council=paper.council, plan=plan)


SCANNED = Layout(
    key="11_marshfield_scanned_plan",
    exercises="a one-page PDF holding only a scanned image of a plan table: read by OCR where the extra is installed",
    builder="scan_pdf",
    paper=_scanned_paper(),
)


# =========================================================================== registry
LAYOUTS: tuple[Layout, ...] = (
    UNRULED, COLOUR_ONLY, STATUS_WORDS, WORD_STRUCTURE, COLUMN_NAMES, BANNER, HIERARCHICAL, LETTERED,
    PER_RECOMMENDATION, LEAD_CELLS, DEFINED_CODES, AGENDA_PACK, SCANNED,
)


def build(outdir: Path, only: tuple[str, ...] = ()) -> list[Path]:
    return build_all(LAYOUTS, BUILDERS, outdir, only)  # type: ignore[arg-type]


def main(argv: list[str] | None = None) -> int:
    return build_main("samplegen.layouts", build, argv)


if __name__ == "__main__":
    sys.exit(main())
