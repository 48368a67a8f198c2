"""Test papers for each family of plan a council publishes (issue 16, item 7).

Ofsted plans are one family of many with the same anatomy: internal audit trackers,
scrutiny recommendation trackers, equality impact assessment action plans, corporate and
service delivery plans, SEND written statements of action and CQC improvement plans,
governance statement and peer challenge action plans. Each paper here is one
:class:`Family` (a :class:`~samplegen.layouts.Layout`): a ``Paper`` holding the plan as a
careful analyst would type it from the printed page, which is the tests' expectation,
and how the council prints it. Build them all with

    python -m samplegen.families tests/fixtures/families

The Word files and the unruled PDFs (reportlab) need only Python; the PDFs printed from
Word need LibreOffice's ``soffice``, so the built files are committed.

Choices about expected values, beyond those in ``samplegen.layouts``:
- Two columns of one role: the vocabulary's order decides, as its comment says.
  "Recommendation" is the recommendation and "Finding" a further column ``finding``;
  "Commitment" is the action and "Milestone" a further column ``milestone``; "Measure"
  is ``measure`` and "Shared outcome" a further column ``shared_outcome``.
- "Management response" is the action of an audit tracker; a scrutiny tracker's
  "Executive response" is ``response`` and its "Action" the action.
- A full-width row is a group heading only where the table has no recommendation column:
  its text is ``recommendation_text``, without the printed "Priority 2: " (number "2").
  An audit tracker's full-width rows naming each audit, above a recommendation column,
  are neither actions nor recommendations.
- Statuses: "Delayed" is Red (a delayed action is not on track, whatever the word list
  says today). "Not started" and a percentage ("50% complete") give no rating, with a
  warning quoting the value: a percentage says how far, not whether on track, and
  "50% complete" is not complete. "Complete and embedded" and "B" are Blue.
- Status words in a column that is not a status column ("Progress", "Update",
  "Timescale") are that column's text and rate nothing: ``rag`` stays empty.
- Numbers: "R1" in a recommendation column or typed before its text is the
  recommendation number; "A.3", "2.1(b)" and "1.1" in a Ref column are action numbers as
  printed; where nothing is printed, recommendations are numbered 1, 2, 3 and actions
  run 1, 2, 3 across the whole plan, inferred.
- ``page`` is the PDF page on which the action's row starts (``Family.pages``, read off
  the built PDF); Word files have none.
"""
from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from samplegen.building import build_all, build_main

from .family_writer import unruled_pdf
from .layout_files import BUILDERS
from .layout_writer import Look
from .layouts import Layout
from .spec import Action, Paper, Plan, Recommendation, Row


@dataclass(frozen=True)
class Family(Layout):
    family: str = ""  # which family of plan the paper belongs to
    pages: tuple[int, ...] = ()  # expected page of each action in the PDF, in plan order
    landscape: bool = True  # page orientation of a reportlab PDF


def _a(number: str, text: str, lead: str = "", leads: tuple[str, ...] | None = None, *, status: str = "",
       rag: str = "", style: str = "text", warn: bool = False, **extras: str) -> Action:
    """One expected action: ``leads`` defaults to the lead as printed; a ``warn`` status
    is one the reader cannot rate, and its warning must quote it."""
    if leads is None:
        leads = (lead,) if lead else ()
    return Action(number, text, lead, leads, status, rag, number_style=style,  # type: ignore[arg-type]
                  warnings=(status,) if warn else (), extras=tuple(extras.items()))


def _rec(number: str, text: str, *actions: Action, printed: bool = True) -> Recommendation:
    return Recommendation(number, text, tuple(Row((a,)) for a in actions), number_printed=printed)


NO_GLOSSARY = {"glossary_header": ("", ""), "glossary": ()}


# =========================================================================== f01
# Internal audit recommendation tracker: no numbers, audit names as full-width rows.
HR, PAY, ICT = "Head of People Services", "Payroll Manager", "Head of ICT"


def _au(text: str, lead: str, target: str, status: str, rag: str, *, leads: tuple[str, ...] | None = None,
        finding: str, priority: str, warn: bool = False) -> Action:
    return _a("", text, lead, leads, status=status, rag=rag, style="none", warn=warn, finding=finding,
              priority=priority, target_date=target)


def _run_on(*recs: Recommendation) -> tuple[Recommendation, ...]:
    """The recommendations with their unnumbered actions numbered 1, 2, 3 on across the
    plan, as an analyst numbers a plan that prints no action numbers."""
    out, n = [], 0
    for rec in recs:
        rows = []
        for row in rec.rows:
            actions = []
            for a in row.actions:
                n += 1
                actions.append(replace(a, number=a.number or str(n)))
            rows.append(replace(row, actions=tuple(actions)))
        out.append(replace(rec, rows=tuple(rows)))
    return tuple(out)


LEAVERS = ("Leavers were paid after their leaving date in 6 of 25 cases tested, with overpayments of £14,230, "
           "because leaver forms reached Payroll after the monthly cut-off.")
BANK = "Changes to employees' bank details were made on the strength of an email, without independent checks."
OVERTIME = "Overtime claims were authorised by line managers without being checked against the approved rota."
ORDERS = "Purchase orders were raised after the invoice date for 9 of the 40 invoices tested (23%)."
DORMANT = "The supplier master file holds 312 suppliers with no transactions in the last two years."
MFA = ("Multi-factor authentication was not enforced for 41 remote access accounts, including two with "
       "administrator rights.")
ELEARNING = "Completion of the mandatory information security e-learning was 68%, against a target of 95%."

AUDIT_TRACKER = Family(
    key="f01_stourvale_audit_tracker",
    pages=(2, 2, 2, 2, 2, 2, 2, 3, 3),
    family="internal audit recommendation tracker",
    exercises="'Finding / Recommendation / Priority / Management response / Responsible officer / Target date / "
              "Status'; finding and priority merged down over two responses; full-width rows naming each audit "
              "above a recommendation column; nothing numbered; 'Delayed', 'Not started', '50% complete'",
    look=Look(
        columns=("finding", "recommendation", "priority", "action", "lead", "target_date", "rag"),
        widths=(4.8, 4.8, 1.8, 5.8, 3.4, 2.4, 2.7),
        size=9,
        merge=("finding", "priority"),
        themes=(("1", "Payroll 2024/25 – Limited assurance"), ("4", "Creditor payments 2024/25 – Reasonable "
                                                                   "assurance"),
                ("6", "Cyber security 2024/25 – Limited assurance")),
        theme_fill="D9E2F3",
    ),
    paper=Paper(
        stem="f01_stourvale_audit_tracker",
        formats=("docx", "pdf"),
        title="Internal Audit Recommendations – Follow-up Report",
        document_date="2025-04-22",
        council="Stourvale District Council",
        heading=("STOURVALE DISTRICT COUNCIL", "AUDIT AND GOVERNANCE COMMITTEE"),
        cover=(
            ("Title:", "Internal Audit Recommendations – Follow-up Report", "Date:", "22 April 2025"),
            ("Report of:", "Head of Internal Audit", "Agenda item:", "7"),
            ("Wards:", "Not applicable", "Key decision:", "No"),
        ),
        body=(
            "## 1. PURPOSE OF THE REPORT",
            "1.1 To report the progress made by management in implementing the recommendations of internal "
            "audit reports issued in 2024/25 that were rated high or medium priority, and low-priority "
            "recommendations that have passed their target date.",
            "## 2. RECOMMENDATION",
            "2.1 That the Committee notes the position and asks the Head of ICT to attend its next meeting to "
            "explain the delay in enforcing multi-factor authentication.",
            "## 3. SUMMARY OF PROGRESS",
            "3.1 Of the nine agreed actions, three are complete and three are on track. One is delayed, one has "
            "not started and one is partly implemented. Priorities are as defined in the Internal Audit "
            "Charter: High – a fundamental weakness needing prompt action; Medium – a significant weakness; "
            "Low – an improvement to good practice.",
        ),
        plan=Plan(
            title="Internal audit recommendations tracker – position at 31 March 2025",
            note="Management responses are shown as agreed with the responsible officer at the close of each "
                 "audit.",
            headers=("Finding", "Recommendation", "Priority", "Management response", "Responsible officer",
                     "Target date", "Status"),
            recommendations=_run_on(
                _rec("1", "Managers should submit leaver notifications through HR self-service before the "
                          "employee's last working day, and Payroll should reconcile leavers with the "
                          "establishment list each month.",
                     _au("A mandatory leaver workflow will be added to HR self-service so that the manager must "
                         "complete the leaver form before the last working day.", HR, "30 June 2025", "On track",
                         "Amber", finding=LEAVERS, priority="High"),
                     _au("Payroll will reconcile leavers with the monthly establishment report and recover the "
                         "overpayments identified.", PAY, "31 March 2025", "Complete", "Green", finding=LEAVERS,
                         priority="High"),
                     printed=False),
                _rec("2", "Every request to change bank details should be verified by a call-back to a telephone "
                          "number already held on file, and the check recorded.",
                     _au("A call-back check has been introduced for all bank detail changes and is recorded on the "
                         "payroll system. Payroll staff have been briefed.", PAY, "31 January 2025", "Complete",
                         "Green", finding=BANK, priority="High"),
                     printed=False),
                _rec("3", "Overtime claims should be checked against the approved rota before they are authorised, "
                          "and exception reports reviewed monthly.",
                     _au("An exception report of overtime above 20 hours a month will be sent to heads of service "
                         "each month.", "Payroll Manager / Finance Business Partner", "September 2025",
                         "Not started", "", leads=(PAY, "Finance Business Partner"), finding=OVERTIME,
                         priority="Medium", warn=True),
                     printed=False),
                _rec("4", "Budget holders should be reminded of the 'no purchase order, no pay' policy, and "
                          "retrospective orders reported to the Corporate Leadership Team each quarter.",
                     _au("The 'no purchase order, no pay' policy will be relaunched at the managers' briefing and "
                         "retrospective orders reported to the Corporate Leadership Team each quarter.",
                         "Procurement Manager", "30 September 2025", "50% complete", "", finding=ORDERS,
                         priority="Medium", warn=True),
                     printed=False),
                _rec("5", "Dormant supplier accounts should be reviewed and closed at least once a year.",
                     _au("An annual review of dormant supplier accounts will be added to the year-end closedown "
                         "timetable.", "Exchequer Services Manager", "April 2025", "Complete", "Green",
                         finding=DORMANT, priority="Low"),
                     printed=False),
                _rec("6", "Multi-factor authentication should be enforced for all remote access and privileged "
                          "accounts.",
                     _au("MFA will be enforced for all remote access accounts, with any exception approved by the "
                         "Senior Information Risk Owner.", ICT, "31 December 2024", "Delayed", "Red", finding=MFA,
                         priority="High"),
                     _au("Privileged users will be given separate administrator accounts protected by hardware "
                         "tokens.", "ICT Infrastructure Manager", "31 May 2025", "On track", "Amber", finding=MFA,
                         priority="High"),
                     printed=False),
                _rec("7", "E-learning completion should be reported by service to the Information Governance "
                          "Board, and non-completion followed up with heads of service.",
                     _au("Completion will be reported by service to each meeting of the Information Governance "
                         "Board, and non-completion escalated to directors.",
                         "Information Governance Manager & Head of ICT", "Quarterly", "On track", "Amber",
                         leads=("Information Governance Manager", ICT), finding=ELEARNING, priority="Medium"),
                     printed=False),
            ),
            as_at="2025-03-31",
            **NO_GLOSSARY,  # type: ignore[arg-type]
        ),
    ),
)


# =========================================================================== f02
# Scrutiny task-and-finish recommendation tracker: no lead, no status.
R1_RESPONSE = "Agreed. Both targets will be written into the repairs contract from April 2025."
R5_RESPONSE = "Agreed."

SCRUTINY_TRACKER = Family(
    key="f02_kelsford_scrutiny_tracker",
    pages=(2,) * 7,
    family="scrutiny task-and-finish recommendation tracker",
    exercises="'No. / Recommendation / Executive response / Accepted? / Action / By when / Update'; "
              "recommendations 'R1'..'R5' in their own column; response and 'Accepted?' merged down over two "
              "actions; no lead and no status column; actions unnumbered",
    look=Look(
        columns=("rec_number", "recommendation", "response", "accepted", "action", "target_date", "progress"),
        widths=(1.2, 5.0, 4.6, 1.9, 5.2, 2.3, 5.5),
        size=9,
        merge=("response", "accepted"),
        header_fill="1F3864",
        header_color="FFFFFF",
    ),
    paper=Paper(
        stem="f02_kelsford_scrutiny_tracker",
        formats=("docx", "pdf"),
        title="Damp and Mould Task and Finish Group: Monitoring of Recommendations",
        document_date="2025-06-03",
        council="Kelsford Borough Council",
        heading=("KELSFORD BOROUGH COUNCIL", "HOUSING OVERVIEW AND SCRUTINY COMMITTEE"),
        cover=(
            ("Title:", "Damp and Mould Task and Finish Group: Monitoring of Recommendations", "Date:",
             "3 June 2025"),
            ("Report of:", "Scrutiny Officer", "Agenda item:", "5"),
            ("Cabinet member:", "Cabinet Member for Housing", "Key decision:", "No"),
        ),
        body=(
            "## 1. PURPOSE",
            "1.1 The Committee's Damp and Mould Task and Finish Group reported in October 2024 with five "
            "recommendations. Cabinet gave its response on 12 November 2024. This report tracks the actions "
            "agreed in that response, six months on.",
            "## 2. RECOMMENDATION",
            "2.1 That the Committee considers the progress made and decides whether any recommendation can be "
            "signed off as complete.",
            "## 3. BACKGROUND",
            "3.1 Cabinet accepted three recommendations in full and one in part. It did not accept the "
            "recommendation for a full stock condition survey within three years, and proposed a five-year "
            "rolling programme instead.",
        ),
        plan=Plan(
            title="Damp and Mould Task and Finish Group – recommendations tracker as at 16 May 2025",
            note="",
            headers=("No.", "Recommendation", "Executive response", "Accepted?", "Action", "By when", "Update"),
            recommendations=(
                _rec("R1", "The Council should respond to every report of damp and mould within 5 working days, "
                           "complete remedial works within 28 days, and publish its performance each quarter.",
                     _a("1", "Add the 5-day inspection and 28-day works targets to the repairs contract "
                             "specification.", style="none", response=R1_RESPONSE, accepted="Yes",
                        target_date="April 2025",
                        progress="Contract variation signed on 14 March 2025; the targets apply from 1 April."),
                     _a("2", "Publish quarterly damp and mould performance on the council's website.", style="none",
                        response=R1_RESPONSE, accepted="Yes", target_date="July 2025",
                        progress="The first report will cover April to June 2025.")),
                _rec("R2", "Every tenant who reports damp and mould should have a named officer and written "
                           "confirmation of the works to be done.",
                     _a("3", "Assign a named case officer to every category 1 and category 2 damp and mould case.",
                        style="none",
                        response="Agreed in part. A named officer will be given for category 1 and 2 cases; "
                                 "written confirmation will be sent in all cases.",
                        accepted="Partially", target_date="June 2025",
                        progress="Two additional damp and mould officers appointed in February 2025.")),
                _rec("R3", "The Council should survey the condition of all 5,800 of its homes within three years, "
                           "starting with homes with a history of damp.",
                     _a("4", "Survey 20% of homes each year over five years, starting with homes with a history of "
                             "damp and mould.", style="none",
                        response="Not agreed. A full survey within three years cannot be afforded within the "
                                 "Housing Revenue Account; a five-year rolling programme is proposed instead.",
                        accepted="No", target_date="March 2030",
                        progress="The first year's programme of 1,160 surveys was approved by Cabinet.")),
                _rec("R4", "Cabinet should press the Government for funding to retrofit the borough's pre-1950 "
                           "solid-wall homes.",
                     _a("5", "The Leader to write to the Secretary of State setting out the cost of retrofitting "
                             "solid-wall homes in the borough.", style="none",
                        response="Agreed. The Leader will write to the Secretary of State.", accepted="Yes",
                        target_date="January 2025", progress="Letter sent on 9 January 2025; reply awaited.")),
                _rec("R5", "Tenants should be given clear advice on reducing condensation, in plain English and in "
                           "the five languages most spoken in the borough after English.",
                     _a("6", "Produce a damp and mould advice leaflet with the Tenants' Panel and have it "
                             "translated.", style="none", response=R5_RESPONSE, accepted="Yes",
                        target_date="December 2024",
                        progress="Complete. Leaflet published in English, Polish, Urdu, Romanian and Punjabi."),
                     _a("7", "Give damp and mould advice at every new tenancy sign-up visit.", style="none",
                        response=R5_RESPONSE, accepted="Yes", target_date="Ongoing",
                        progress="In place since November 2024.")),
            ),
            as_at="2025-05-16",
            **NO_GLOSSARY,  # type: ignore[arg-type]
        ),
    ),
)


# =========================================================================== f03
# Equality impact assessment action plan: numbered rows, unnumbered issues, teams as leads.
LIBRARIES = "Libraries Service Manager"

EIA_PLAN = Family(
    key="f03_hollinbrook_eia_action_plan",
    pages=(2,) * 7,
    family="equality impact assessment action plan",
    exercises="'No. / Issue identified / Action / Lead / Timescale / Progress' in an EIA form; row numbers in "
              "the first column left of an issue merged down; teams and partners as leads, two per cell with "
              "'/' and '&'; progress with status words and percentages but no status column",
    look=Look(
        columns=("action_number", "recommendation", "action", "lead", "target_date", "progress"),
        widths=(1.2, 6.0, 7.5, 3.8, 2.5, 4.7),
        header_fill="E2EFD9",
    ),
    paper=Paper(
        stem="f03_hollinbrook_eia_action_plan",
        formats=("docx", "pdf"),
        title="Equality Impact Assessment: Library Service Redesign",
        document_date="2025-05-12",
        council="Hollinbrook Borough Council",
        heading=("HOLLINBROOK BOROUGH COUNCIL", "EQUALITY IMPACT ASSESSMENT"),
        cover=(
            ("Title:", "Equality Impact Assessment: Library Service Redesign", "Date:", "12 May 2025"),
            ("Directorate:", "Communities", "Assessment by:", "Head of Culture and Leisure"),
            ("Type:", "Full assessment", "Review date:", "May 2026"),
        ),
        body=(
            "## 1. THE PROPOSAL",
            "1.1 The council proposes to reduce staffed opening hours at its six branch libraries from 38 to 30 "
            "hours a week, install self-service kiosks at every branch and move some children's activities to "
            "weekday mornings, saving £310,000 a year.",
            "## 2. EVIDENCE",
            "2.1 The assessment draws on the public consultation (1,412 responses), library membership and "
            "visitor data, the 2021 Census and meetings with the Disability Forum, Age UK Hollinbrook and "
            "community language groups.",
            "## 3. IMPACT",
            "3.1 The proposal has a potential negative impact on disabled people, older people, people whose "
            "first language is not English and parents of young children. The action plan below sets out how "
            "the council will reduce those impacts. No impact was identified for other protected "
            "characteristics.",
            "## 4. ACTION PLAN",
            "4.1 Progress against the action plan will be reported to the Equality and Diversity Group every "
            "six months.",
        ),
        plan=Plan(
            title="Section 7: Equality action plan – Library Service Redesign",
            note="",
            headers=("No.", "Issue identified", "Action", "Lead", "Timescale", "Progress"),
            recommendations=(
                _rec("1", "Shorter opening hours at branch libraries may affect disabled people who rely on "
                          "staff to help them use computers and the home library service.",
                     _a("1", "Keep staffed digital help sessions at all six branches and publish the timetable in "
                             "accessible formats.", LIBRARIES, target_date="September 2025",
                        progress="Timetable agreed; easy read and large print versions are with the designer."),
                     _a("2", "Offer the Home Library Service to anyone unable to visit a branch because of the new "
                             "hours, with referrals through Adult Social Care.",
                        "Home Library Service Co-ordinator / Occupational Therapy Team",
                        ("Home Library Service Co-ordinator", "Occupational Therapy Team"),
                        target_date="From October 2025", progress="Not started."),
                     printed=False),
                _rec("2", "Older people are less likely to use the self-service kiosks and online renewals that "
                          "will replace staffed counters.",
                     _a("3", "Run 'Get Online' sessions for older residents with Age UK Hollinbrook at every "
                             "branch.", "Libraries Service Manager & Age UK Hollinbrook",
                        (LIBRARIES, "Age UK Hollinbrook"), target_date="March 2026",
                        progress="40% – 12 of 30 sessions held; 146 residents attended."),
                     _a("4", "Keep a staffed telephone renewal line for at least 12 months after the kiosks are "
                             "installed.", "Customer Services Team", target_date="April 2025 – March 2026",
                        progress="On track. Line in place since 1 April 2025."),
                     printed=False),
                _rec("3", "Residents whose first language is not English use the community language collections "
                          "and may not hear about the changes.",
                     _a("5", "Translate the consultation summary and the new opening times into Polish, Bengali, "
                             "Urdu and Lithuanian.", "Communications Team", target_date="June 2025",
                        progress="Complete. Translations published on 2 June 2025 and given to community "
                                 "groups."),
                     _a("6", "Review borrowing from the community language collections six months after the "
                             "changes and report to the Equality and Diversity Group.",
                        "Stock and Reader Development Librarian", target_date="January 2026",
                        progress="Not yet due."),
                     printed=False),
                _rec("4", "Parents and carers of young children use the Saturday rhyme-time sessions, which the "
                          "new timetable moves to weekday mornings.",
                     _a("7", "Keep one Saturday rhyme-time session a month at the three largest branches and review "
                             "attendance after six months.", "Children's Library Officer", target_date="July 2025",
                        progress="Saturday sessions scheduled from 5 July 2025."),
                     printed=False),
            ),
            **NO_GLOSSARY,  # type: ignore[arg-type]
        ),
    ),
)


# =========================================================================== f04a
# Corporate delivery plan: full-width priority rows, no recommendation column.
def _cd(number: str, text: str, milestone: str, owner: str, deadline: str, progress: str,
        leads: tuple[str, ...] | None = None) -> Action:
    return _a(number, text, owner, leads, milestone=milestone, target_date=deadline, progress=progress)


CLIMATE = "Climate Change Officer"

DELIVERY_PLAN = Family(
    key="f04a_brackenfield_delivery_plan",
    pages=(2,) * 8,
    family="corporate delivery plan",
    exercises="'Ref / Commitment / Milestone / Owner / Deadline / Progress' with no recommendation column; each "
              "priority a full-width shaded row 'Priority n: ...' whose text is the recommendation; refs '1.1' "
              "typed in their own column; two action columns (Commitment, Milestone); percentages and status "
              "words in Progress, no status column",
    look=Look(
        columns=("action_number", "action", "milestone", "lead", "target_date", "progress"),
        widths=(1.2, 7.0, 5.0, 3.6, 2.4, 6.5),
        size=9.5,
        banner="Priority {n}: {text}",
        banner_fill="C5E0B3",
        header_fill="385623",
        header_color="FFFFFF",
    ),
    paper=Paper(
        stem="f04a_brackenfield_delivery_plan",
        formats=("docx", "pdf"),
        title="Corporate Delivery Plan 2025/26: Quarter 2 Performance",
        document_date="2025-11-06",
        council="Brackenfield District Council",
        heading=("BRACKENFIELD DISTRICT COUNCIL", "CABINET – 6 NOVEMBER 2025"),
        cover=(
            ("Title:", "Corporate Delivery Plan 2025/26: Quarter 2 Performance", "Date:", "6 November 2025"),
            ("Report of:", "Chief Executive", "Agenda item:", "10"),
            ("Portfolio:", "Leader of the Council", "Key decision:", "No"),
        ),
        body=(
            "## 1. SUMMARY",
            "1.1 The Corporate Delivery Plan sets out the commitments the council will deliver in 2025/26 under "
            "the three priorities of the Council Plan 2024–2028, each with a milestone for the year, an owner "
            "and a deadline. This report gives the position at the end of Quarter 2.",
            "## 2. RECOMMENDATION",
            "2.1 That Cabinet notes progress on the Corporate Delivery Plan at the end of Quarter 2 2025/26.",
            "## 3. KEY POINTS",
            "3.1 Millbrook Leisure Centre reopened in August 2025. The Regulation 19 consultation on the Local Plan "
            "has been put back to January 2026 because of changes to national planning policy.",
        ),
        plan=Plan(
            title="Corporate Delivery Plan 2025/26 – position at 30 September 2025",
            note="",
            headers=("Ref", "Commitment", "Milestone", "Owner", "Deadline", "Progress"),
            recommendations=(
                _rec("1", "A thriving local economy",
                     _cd("1.1", "Deliver the Brackenfield town centre regeneration scheme funded by the Levelling Up "
                                "Fund.", "Main contractor appointed and works started on site", "Director of Place",
                         "December 2025", "Tender evaluation complete; contract award goes to Cabinet on 6 November "
                                          "2025."),
                     _cd("1.2", "Support 150 local businesses through the Business Growth Programme.",
                         "75 businesses supported by the end of Quarter 2", "Economic Development Manager",
                         "March 2026", "62% – 93 businesses supported to date, ahead of profile."),
                     _cd("1.3", "Adopt a new Local Plan for 2025–2042.", "Regulation 19 consultation completed",
                         "Planning Policy Manager / Head of Planning", "October 2025",
                         "Delayed. Consultation now planned for January 2026 following changes to national "
                         "planning policy.", leads=("Planning Policy Manager", "Head of Planning"))),
                _rec("2", "Healthy and active communities",
                     _cd("2.1", "Reopen Millbrook Leisure Centre after the replacement of its roof and pool plant.",
                         "Centre reopened to the public", "Head of Leisure and Culture", "August 2025",
                         "Complete. The centre reopened on 18 August 2025."),
                     _cd("2.2", "Deliver 300 Disabled Facilities Grant adaptations.", "150 adaptations completed",
                         "Private Sector Housing Manager", "March 2026",
                         "45% – 134 adaptations completed; average wait down from 31 to 22 weeks.")),
                _rec("3", "A clean and green district",
                     _cd("3.1", "Introduce weekly food waste collections for all households.",
                         "New vehicles delivered and crews recruited", "Head of Waste and Street Scene",
                         "March 2026", "On track. Vehicles ordered; delivery expected in February 2026."),
                     _cd("3.2", "Plant 10,000 trees on council land by 2027.",
                         "3,000 trees planted in the 2025/26 planting season",
                         "Parks and Open Spaces Team & Climate Change Officer", "March 2026",
                         "Not started. The planting season begins in November 2025.",
                         leads=("Parks and Open Spaces Team", CLIMATE)),
                     _cd("3.3", "Reduce the council's own carbon emissions by 15% from the 2019/20 baseline.",
                         "Solar panels installed at the depot and the civic offices", CLIMATE, "January 2026",
                         "Depot installation complete; civic offices scheduled for December 2025.")),
            ),
            as_at="2025-09-30",
            **NO_GLOSSARY,  # type: ignore[arg-type]
        ),
    ),
)


# =========================================================================== f04b
# Health and wellbeing delivery plan, unruled PDF: priority rows, actions unnumbered.
DPH, DCS, DASC = "Director of Public Health", "Director of Children's Services", "Director of Adult Social Care"
READY, MIND, INDEPENDENT = ("Children are ready for school", "Children and young people have good mental health",
                            "Older people stay independent for longer")


def _hw(text: str, lead: str, timescale: str, measure: str, outcome: str,
        leads: tuple[str, ...] | None = None) -> Action:
    return _a("", text, lead, leads, style="none", target_date=timescale, measure=measure, shared_outcome=outcome)


HWB_PLAN = Family(
    key="f04b_westhaven_wellbeing_delivery_plan",
    pages=(1, 1, 1, 1, 1, 1, 1, 1, 2, 2),
    family="health and wellbeing delivery plan",
    exercises="unruled landscape PDF; 'What we have committed to / Led by / Timescale / Measure / Shared outcome': "
              "no recommendation, no status, nothing numbered; full-width shaded 'Priority n – ...' rows as "
              "groups; two measure columns; two leads per cell joined by 'and', ',' and '/', partner bodies",
    builder="family_unruled_pdf",
    look=Look(
        columns=("action", "lead", "target_date", "measure", "shared_outcome"),
        widths=(9.2, 5.0, 2.6, 5.0, 4.9),
        size=9.5,
        header_fill="",
        header_color="7030A0",
        banner="Priority {n} – {text}",
        banner_fill="E4D5F0",
    ),
    paper=Paper(
        stem="f04b_westhaven_wellbeing_delivery_plan",
        formats=("pdf",),
        title="Joint Health and Wellbeing Strategy: Delivery Plan 2025–2027",
        document_date="2025-09-18",
        council="Westhaven County Council",
        heading=("Westhaven County Council", "Health and Wellbeing Board – 18 September 2025", "Appendix A"),
        body=(
            "The delivery plan sets out what the Board's partners have committed to under each of the three "
            "priorities of the Joint Health and Wellbeing Strategy, who leads each commitment, when it will be "
            "delivered and how the Board will know that it has made a difference.",
            "Progress against the delivery plan will be reported to the Board every six months, starting in "
            "March 2026. Measures are taken from the Public Health Outcomes Framework where one exists.",
        ),
        plan=Plan(
            title="Joint Health and Wellbeing Strategy: Delivery Plan 2025–2027",
            note="",
            headers=("What we have committed to", "Led by", "Timescale", "Measure", "Shared outcome"),
            recommendations=_run_on(
                _rec("1", "Start well",
                     _hw("Offer every family a health visitor review when their child is two to two and a half "
                         "years old, including a check of speech and language.", DPH, "March 2026",
                         "Percentage of children reviewed by two and a half", READY),
                     _hw("Open family hubs in the four districts with the highest rates of child poverty.", DCS,
                         "2025/26", "Four family hubs open", READY),
                     _hw("Reduce the number of children and young people waiting more than 18 weeks for mental "
                         "health support.", "Director of Public Health and Director of Children's Services",
                         "2026/27", "Number waiting more than 18 weeks", MIND, leads=(DPH, DCS))),
                _rec("2", "Live well",
                     _hw("Commission one stop smoking service for the whole county, including support for "
                         "patients in hospital.", DPH, "April 2025", "Four-week quit rate", "Fewer people smoke"),
                     _hw("Deliver the Active Westhaven programme in the 20 most deprived neighbourhoods.",
                         "Head of Leisure Services, Active Westhaven Partnership", "Ongoing",
                         "Percentage of adults who are physically active", "People are more active",
                         leads=("Head of Leisure Services", "Active Westhaven Partnership")),
                     _hw("Offer brief advice on alcohol in every GP practice and emergency department in the "
                         "county.", "Director of Public Health / Westhaven Integrated Care Board", "2026/27",
                         "Alcohol-related hospital admissions per 100,000 people",
                         "Fewer people drink at harmful levels", leads=(DPH, "Westhaven Integrated Care Board")),
                     _hw("Make weight management support available to every adult referred by their GP, including "
                         "digital programmes.", DPH, "March 2026", "Adults completing a weight management programme",
                         "More people are a healthy weight")),
                _rec("3", "Age well",
                     _hw("Extend the falls prevention service to every district, with strength and balance classes "
                         "in each.", DASC, "December 2025", "Emergency admissions for falls, people aged 65 and over",
                         INDEPENDENT),
                     _hw("Make sure that everyone who leaves hospital with a reablement package starts it within "
                         "48 hours.", "Director of Adult Social Care / Westhaven Community Health NHS Trust",
                         "Quarter 3 2025/26", "Percentage starting reablement within 48 hours", INDEPENDENT,
                         leads=(DASC, "Westhaven Community Health NHS Trust")),
                     _hw("Train 500 staff and volunteers as Dementia Friends.", "Dementia Partnership Board",
                         "By March 2027", "Number of Dementia Friends trained", "People with dementia live well")),
            ),
            **NO_GLOSSARY,  # type: ignore[arg-type]
        ),
    ),
)


# =========================================================================== f05a
# SEND written statement of action: refs "1.1(a)", BRAG letters, officer codes with a glossary.
HOSEN, DCO, DSCO, EPS = ("Head of SEN and Inclusion", "Designated Clinical Officer", "Designated Social Care Officer",
                         "Educational Psychology Service")
ICB, PCF = "NHS Lindholme Integrated Care Board", "Lindholme Parent Carer Forum"
BRAG = {"B": "Blue", "G": "Green", "A": "Amber", "R": "Red"}


def _ws(number: str, text: str, lead: str, leads: tuple[str, ...], by_when: str, measure: str, brag: str) -> Action:
    return Action(number, text, lead, leads, brag, BRAG[brag], number_style="text",
                  extras=(("target_date", by_when), ("measure", measure)))


SEND_WSOA = Family(
    key="f05a_lindholme_send_wsoa",
    pages=(2,) * 8,
    family="SEND written statement of action",
    exercises="'Ref / Area for improvement / Actions / Lead / By when / Success measure / BRAG'; refs '1.1(a)' "
              "in the first column, area numbers typed before the area's text; BRAG letters with fills (Blue "
              "included); leads as codes joined by '&', '/' and ',', expanded from an 'Abbreviation / In full' "
              "glossary",
    look=Look(
        columns=("action_number", "recommendation", "action", "lead", "target_date", "measure", "rag"),
        widths=(1.6, 5.2, 7.3, 2.4, 2.3, 5.3, 1.6),
        size=9.5,
        rec_prefix="{n}. ",
        rag_fill=True,
        key_note="BRAG: B – completed and embedded; G – complete; A – on track; R – off track, needs "
                 "intervention.",
    ),
    paper=Paper(
        stem="f05a_lindholme_send_wsoa",
        formats=("docx", "pdf"),
        title="SEND Written Statement of Action: Progress Report",
        document_date="2025-07-09",
        council="Lindholme Borough Council",
        heading=("LINDHOLME BOROUGH COUNCIL", "HEALTH AND WELLBEING BOARD"),
        cover=(
            ("Title:", "SEND Written Statement of Action: Progress Report", "Date:", "9 July 2025"),
            ("Report of:", "Director of Children's Services and ICB Place Director", "Agenda item:", "8"),
            ("Contact:", "SEND Improvement Manager", "Key decision:", "No"),
        ),
        body=(
            "## 1. PURPOSE",
            "1.1 Ofsted and the Care Quality Commission inspected the Lindholme local area's arrangements for "
            "children and young people with special educational needs and disabilities (SEND) in November 2024 "
            "and required the local area to produce a Written Statement of Action addressing three areas of "
            "significant weakness.",
            "1.2 This report sets out progress at the end of June 2025. Each action is rated using the BRAG key "
            "printed under the plan. Lead officers and partners are shown by the abbreviations listed after it.",
            "## 2. RECOMMENDATION",
            "2.1 That the Board notes the progress made and the two actions rated red.",
        ),
        plan=Plan(
            title="SEND Written Statement of Action – progress as at 30 June 2025",
            note="",
            headers=("Ref", "Area for improvement", "Actions", "Lead", "By when", "Success measure", "BRAG"),
            recommendations=(
                _rec("1", "The timeliness and quality of education, health and care (EHC) plans, including the "
                          "contribution of health and social care advice.",
                     _ws("1.1(a)", "Recruit four additional SEN case officers and an EHC plan team manager, so that "
                                   "no case officer holds more than 180 cases.", "HoSEN", (HOSEN,), "June 2025",
                         "Caseloads at or below 180 for every case officer", "G"),
                     _ws("1.1(b)", "Issue 60% of new EHC plans within 20 weeks, rising to 75% by March 2026.",
                         "HoSEN", (HOSEN,), "March 2026", "Percentage of new EHC plans issued within 20 weeks", "A"),
                     _ws("1.2(a)", "Agree a quality standard for health advice to EHC needs assessments and audit 20 "
                                   "advices each term.", "DCO & ICB", (DCO, ICB), "September 2025",
                         "Percentage of health advices judged good or better at audit", "R")),
                _rec("2", "The co-production of the local offer and of strategic plans with parents, carers and "
                          "young people.",
                     _ws("2.1(a)", "Co-produce a new SEND local offer website with the parent carer forum and young "
                                   "people.", "HoSEN / PCF", (HOSEN, PCF), "January 2025",
                         "Website relaunched; user satisfaction survey", "B"),
                     _ws("2.1(b)", "Hold 'You said, we did' events in each locality every term.", "PCF", (PCF,),
                         "Termly", "Attendance at, and feedback from, each event", "G"),
                     _ws("2.2(a)", "Give the parent carer forum a standing seat on the SEND Partnership Board and a "
                                   "voice in every SEND commissioning decision.", "DSCO, HoSEN", (DSCO, HOSEN),
                         "April 2025", "Forum attendance at Board meetings", "G")),
                _rec("3", "Waiting times for speech and language therapy and for neurodevelopmental assessments.",
                     _ws("3.1(a)", "Commission additional speech and language therapy to clear the backlog of "
                                   "children waiting more than 18 weeks.", "ICB", (ICB,), "December 2025",
                         "Number of children waiting more than 18 weeks", "A"),
                     _ws("3.1(b)", "Offer every family on the neurodevelopmental waiting list a support pack and a "
                                   "named contact.", "DCO & EPS", (DCO, EPS), "October 2025",
                         "Percentage of waiting families contacted", "R")),
            ),
            glossary_header=("Abbreviation", "In full"),
            glossary=(
                ("DCO", DCO),
                ("DSCO", DSCO),
                ("EHC", "Education, Health and Care"),
                ("EPS", EPS),
                ("HoSEN", HOSEN),
                ("ICB", ICB),
                ("PCF", PCF),
                ("SEND", "Special Educational Needs and Disabilities"),
            ),
            as_at="2025-06-30",
        ),
    ),
)


# =========================================================================== f05b
# CQC improvement plan (adult social care), unruled PDF: refs "A.3", status words.
ASW, PSWA = "Head of Adult Social Work", "Principal Social Worker (Adults)"


def _cq(number: str, text: str, lead: str, target: str, status: str, rag: str,
        leads: tuple[str, ...] | None = None, warn: bool = False) -> Action:
    return _a(number, text, lead, leads, status=status, rag=rag, warn=warn, target_date=target)


CQC_PLAN = Family(
    key="f05b_redmere_cqc_improvement_plan",
    pages=(1,) * 9,
    family="CQC improvement plan",
    exercises="unruled landscape PDF; 'Ref / Area for improvement / Action / Lead / Target date / Status'; refs "
              "'A.1'..'D.2', area letters typed before the area's text; 'Complete', 'On track', 'Off track', "
              "'Delayed', 'Not started', 'Complete and embedded'; a title with a bracket; two leads joined by "
              "'/' and 'and'",
    builder="family_unruled_pdf",
    look=Look(
        columns=("action_number", "recommendation", "action", "lead", "target_date", "rag"),
        widths=(1.3, 6.2, 9.0, 4.6, 2.6, 3.0),
        size=9.5,
        header_fill="",
        header_color="C00000",
        rec_prefix="{n}. ",
    ),
    paper=Paper(
        stem="f05b_redmere_cqc_improvement_plan",
        formats=("pdf",),
        title="CQC Assessment of Adult Social Care: Improvement Plan – position at 31 August 2025",
        document_date="2025-09-24",
        council="Redmere County Council",
        heading=("Redmere County Council", "Adult Social Care and Health Overview and Scrutiny Committee – "
                                           "24 September 2025", "Appendix 2"),
        body=(
            "The Care Quality Commission assessed how Redmere County Council meets its duties under Part 1 of the "
            "Care Act 2014 in February 2025 and rated the council 'requires improvement'. This plan sets out the "
            "actions taken against each area for improvement in the assessment report, by CQC quality theme.",
            "Status key: Complete and embedded – done, and the change is evident in practice; Complete; On track; "
            "Off track or Delayed – behind the target date; Not started – not yet due to start.",
        ),
        plan=Plan(
            title="CQC Assessment of Adult Social Care: Improvement Plan – position at 31 August 2025",
            note="",
            headers=("Ref", "Area for improvement", "Action", "Lead", "Target date", "Status"),
            recommendations=(
                _rec("A", "Working with people: people wait too long for Care Act assessments and reviews.",
                     _cq("A.1", "Clear the list of people waiting more than 28 days for a Care Act assessment, using "
                                "a dedicated assessment team.", ASW, "September 2025", "On track", "Amber"),
                     _cq("A.2", "Introduce a risk-rating tool so that everyone waiting for an assessment is "
                                "contacted at least every four weeks.", ASW, "May 2025", "Complete", "Green"),
                     _cq("A.3", "Reduce the proportion of people overdue an annual review to under 10%.",
                         "Head of Adult Social Work / Head of Performance and Systems", "March 2026", "Delayed",
                         "Red", leads=(ASW, "Head of Performance and Systems"))),
                _rec("B", "Providing support: unpaid carers are not always offered a carer's assessment or told "
                          "what support is available.",
                     _cq("B.1", "Co-produce a new all-age carers strategy with carers and the Redmere Carers' "
                                "Centre.", "Head of Commissioning (Adults)", "October 2025", "Not started", "",
                         warn=True),
                     _cq("B.2", "Offer every carer identified at hospital discharge a carer's assessment within 28 "
                                "days.", "Hospital Discharge Team Manager", "December 2025", "Off track", "Red")),
                _rec("C", "How the local authority ensures safety: decisions on safeguarding concerns are not always "
                          "made within two working days.",
                     _cq("C.1", "Set up a single safeguarding hub, staffed by social workers and the police, to "
                                "screen every concern.", "Head of Safeguarding Adults", "April 2025",
                         "Complete and embedded", "Blue"),
                     _cq("C.2", "Audit 30 safeguarding enquiries each quarter and report the findings to the "
                                "Safeguarding Adults Board.", PSWA, "Quarterly", "On track", "Amber")),
                _rec("D", "Leadership: what people say about their experience of care is not used consistently to "
                          "shape services.",
                     _cq("D.1", "Publish an annual Local Account of adult social care, written with people who use "
                                "services.", DASC, "November 2025", "On track", "Amber"),
                     _cq("D.2", "Set up a Lived Experience Panel with a standing item at the Adult Social Care "
                                "Leadership Team.", "Director of Adult Social Care and Principal Social Worker "
                                                    "(Adults)", "July 2025", "Complete", "Green",
                         leads=(DASC, PSWA))),
            ),
            as_at="2025-08-31",
            **NO_GLOSSARY,  # type: ignore[arg-type]
        ),
    ),
)


# =========================================================================== f06a
# Corporate peer challenge action plan: "R1: ..." typed in the recommendation, no lead.
def _pc(text: str, timescale: str) -> Action:
    return _a("", text, style="none", target_date=timescale)


PEER_CHALLENGE = Family(
    key="f06a_oakhurst_peer_challenge_plan",
    pages=(2,) * 9,
    family="corporate peer challenge action plan",
    exercises="'Recommendation / Action / Timescale' only: no lead, no status; 'R1: ' typed before each "
              "recommendation's text; actions unnumbered; 'Complete' and 'May 2025 and annually' as timescales",
    look=Look(
        columns=("recommendation", "action", "target_date"),
        widths=(10.5, 11.2, 4.0),
        rec_prefix="{n}: ",
        header_fill="FBE4D5",
    ),
    paper=Paper(
        stem="f06a_oakhurst_peer_challenge_plan",
        formats=("docx", "pdf"),
        title="LGA Corporate Peer Challenge: Action Plan",
        document_date="2025-04-16",
        council="Oakhurst District Council",
        heading=("OAKHURST DISTRICT COUNCIL", "CABINET"),
        cover=(
            ("Title:", "LGA Corporate Peer Challenge: Action Plan", "Date:", "16 April 2025"),
            ("Portfolio:", "Leader of the Council", "Agenda item:", "6"),
            ("Report of:", "Chief Executive", "Key decision:", "No"),
        ),
        body=(
            "## 1. PURPOSE",
            "1.1 To agree the council's action plan in response to the Local Government Association's Corporate "
            "Peer Challenge, which took place from 4 to 7 November 2024.",
            "## 2. RECOMMENDATION",
            "2.1 That Cabinet agrees the action plan and asks the Overview and Scrutiny Committee to monitor it "
            "every six months.",
            "## 3. THE PEER CHALLENGE",
            "3.1 The peer team found a council that is well regarded by its partners and has a strong record of "
            "delivery, and made four recommendations. The LGA will return for a progress review in the autumn.",
        ),
        plan=Plan(
            title="Corporate Peer Challenge Action Plan 2025",
            note="",
            headers=("Recommendation", "Action", "Timescale"),
            recommendations=_run_on(
                _rec("R1", "Develop a clear, long-term vision for Oakhurst, agreed with partners and residents, "
                           "setting out what the council wants the district to be like in 2040.",
                     _pc("Hold workshops for members and partners to shape the vision, facilitated by the LGA.",
                         "June 2025"),
                     _pc("Consult residents on the draft vision through the Oakhurst Residents' Panel and an online "
                         "survey.", "September 2025"),
                     _pc("Adopt the Oakhurst 2040 vision at Full Council and use it to frame the next Council "
                         "Plan.", "December 2025")),
                _rec("R2", "Put in place a medium-term financial strategy that closes the £2.4m budget gap forecast "
                           "for 2027/28 without the use of reserves.",
                     _pc("Agree a £2.4m savings and income programme with a target for each directorate.",
                         "February 2026"),
                     _pc("Report progress against the programme to Cabinet every quarter.",
                         "Quarterly from April 2026")),
                _rec("R3", "Strengthen the role of overview and scrutiny so that it adds value to policy "
                           "development.",
                     _pc("Commission the Centre for Governance and Scrutiny to carry out a scrutiny improvement "
                         "review.", "Complete"),
                     _pc("Agree an annual scrutiny work programme linked to the priorities of the Council Plan.",
                         "May 2025 and annually")),
                _rec("R4", "Invest in the workforce through an organisational development strategy that tackles "
                           "the difficulty of recruiting and keeping planners and environmental health officers.",
                     _pc("Introduce market supplements for hard-to-recruit posts, reviewed every year.", "April 2025"),
                     _pc("Launch a 'grow our own' apprenticeship and graduate scheme in planning.",
                         "September 2025")),
            ),
            **NO_GLOSSARY,  # type: ignore[arg-type]
        ),
    ),
)


# =========================================================================== f06b
# Annual governance statement action plan, unruled portrait PDF: no lead, no status.
def _ag(text: str, timescale: str, update: str) -> Action:
    return _a("", text, style="none", target_date=timescale, progress=update)


AGS_PLAN = Family(
    key="f06b_castlebury_ags_action_plan",
    pages=(1,) * 7,
    family="annual governance statement action plan",
    exercises="unruled portrait PDF; 'No. / Significant governance issue / Action to be taken / Timescale / "
              "Update': no lead, no status; issue numbers in their own column, actions unnumbered; status words "
              "and a percentage in the Update column",
    builder="family_unruled_pdf",
    landscape=False,
    look=Look(
        columns=("rec_number", "recommendation", "action", "target_date", "progress"),
        widths=(1.0, 4.6, 5.4, 2.4, 4.0),
        size=9,
        header_fill="",
        header_color="1F3864",
    ),
    paper=Paper(
        stem="f06b_castlebury_ags_action_plan",
        formats=("pdf",),
        title="Annual Governance Statement 2024/25: Action Plan (updated 30 September 2025)",
        document_date="2025-10-21",
        council="Castlebury City Council",
        heading=("Castlebury City Council", "Audit and Standards Committee – 21 October 2025", "Annex B"),
        body=(
            "The Annual Governance Statement 2024/25 identified four significant governance issues. The actions "
            "below were agreed by the Corporate Leadership Team, which monitors them each quarter.",
            "The Committee will receive a final update with the draft Annual Governance Statement 2025/26 in "
            "June 2026.",
        ),
        plan=Plan(
            title="Annual Governance Statement 2024/25: Action Plan (updated 30 September 2025)",
            note="",
            headers=("No.", "Significant governance issue", "Action to be taken", "Timescale", "Update"),
            recommendations=_run_on(
                _rec("1", "Financial resilience: the general fund reserve fell below the minimum level set in the "
                          "Medium Term Financial Strategy during 2024/25.",
                     _ag("Rebuild the general fund reserve to £8m over three years through the annual budget.",
                         "March 2028", "£1.5m added to the reserve at the 2024/25 year end."),
                     _ag("Send monthly budget monitoring reports for every overspending service to the Corporate "
                         "Leadership Team.", "June 2025", "Complete. Monthly reports in place from May 2025.")),
                _rec("2", "Procurement: internal audit found contracts awarded without the quotations required by "
                          "the Contract Procedure Rules.",
                     _ag("Revise the Contract Procedure Rules and train every budget holder who buys goods or "
                         "services.", "September 2025",
                         "Rules approved by the Committee in July 2025; training 70% complete."),
                     _ag("Report a register of waivers of the Contract Procedure Rules to this Committee every "
                         "quarter.", "Quarterly", "On track. First register reported in July 2025.")),
                _rec("3", "Information governance: the council reported two data breaches to the Information "
                          "Commissioner's Office.",
                     _ag("Complete refresher data protection training for all staff with access to personal "
                         "data.", "December 2025", "Not started. The new training platform goes live in "
                                                   "October 2025.")),
                _rec("4", "Housing compliance: fire risk assessments were out of date for 14 blocks of flats.",
                     _ag("Complete fire risk assessments for all 14 blocks and track the remedial actions on the "
                         "compliance system.", "August 2025", "Complete. All assessments in date since 31 July "
                                                              "2025."),
                     _ag("Report landlord compliance performance to Cabinet every quarter.",
                         "Quarterly from October 2025", "Delayed to January 2026 while the new dashboard is built.")),
            ),
            as_at="2025-09-30",
            **NO_GLOSSARY,  # type: ignore[arg-type]
        ),
    ),
)


# =========================================================================== registry
FAMILIES: tuple[Family, ...] = (
    AUDIT_TRACKER, SCRUTINY_TRACKER, EIA_PLAN, DELIVERY_PLAN, HWB_PLAN, SEND_WSOA, CQC_PLAN, PEER_CHALLENGE,
    AGS_PLAN,
)


def _build_unruled(layout: Layout, outdir: Path) -> list[Path]:
    assert layout.look is not None
    landscape = layout.landscape if isinstance(layout, Family) else True
    path = outdir / f"{layout.paper.stem}.pdf"
    return [unruled_pdf(layout.paper, layout.look, path, landscape=landscape)]


FAMILY_BUILDERS: dict[str, Callable[[Layout, Path], list[Path]]] = {
    "docx": BUILDERS["docx"],
    "family_unruled_pdf": _build_unruled,
}


def build(outdir: Path, only: tuple[str, ...] = ()) -> list[Path]:
    return build_all(FAMILIES, FAMILY_BUILDERS, outdir, only)  # type: ignore[arg-type]


def main(argv: list[str] | None = None) -> int:
    return build_main("samplegen.families", build, argv)


if __name__ == "__main__":
    sys.exit(main())
