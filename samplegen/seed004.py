"""Seed 004: Reading's report to the ACE Committee of 7 November 2013 with the Child
Protection Ofsted Action Plan as at 9 August 2013 appended (RAG column, automatic
numbering 1)..43) running on across the whole table, glossary at the end)."""
from __future__ import annotations

from .spec import Action, Paper, Plan, Recommendation, Row

# The paper's own glossary ("Abbreviations" / "In Full"), in printed order; the code CSC
# appears twice, the second time with a typo ("Children' Social Care").
GLOSSARY_HEADER = ("Abbreviations", "In Full")
GLOSSARY: tuple[tuple[str, str], ...] = (
    ("ATM", "Assistant Team Manager"),
    ("CAT", "Children's Action Team"),
    ("CMT", "Corporate Management Team"),
    ("CSC", "Children's Social Care"),
    ("DMT", "Directorate Management Team"),
    ("IRO", "Independent Reviewing Officer"),
    ("MASH", "Multi-agency safeguarding Hub"),
    ("MST", "Multi-systemic Therapy"),
    ("QA", "Quality Assurance"),
    ("TM", "Team Manager"),
    ("LSCB", "Local Safeguarding Children Board"),
    ("CSC", "Children' Social Care"),
    ("HoCSC", "Head of Children's Social Care & YOS"),
    ("HoAC", "Head of Adult Services"),
    ("HoHNCS", "Head of Housing, neighbourhoods and Children's Services"),
    ("HoECS", "Head of Education and Commissioning Services"),
    ("TVP", "Thames Valley Police"),
)

# Expanded officer names, straight from the glossary above.
HOCSC = "Head of Children's Social Care & YOS"
HOAC = "Head of Adult Services"
HOHNCS = "Head of Housing, neighbourhoods and Children's Services"
HOECS = "Head of Education and Commissioning Services"
CHAIR = "Independent Chair"  # not in the glossary: stays as printed
COMMITTEE = "Committee Services"
LEGAL = "Head of Legal"

NOTE = (
    "NB: This is the high level action plan with detailed plans sitting beneath some "
    "actions that will be overseen by the relevant Heads of Service. Updates on outcomes "
    "and progress will be monitored and reported on periodically."
)

ACTION_29_PARAS = (
    "Training plan (& refresh programme) to be provided to elected members that "
    "addresses as a minimum:",
    "core safeguarding awareness",
    "child protection processes & scrutiny",
    "understanding of thresholds & front door of the service",
)


def _a(number: str, text: str, lead_raw: str, leads: tuple[str, ...], rag_raw: str,
       **kw) -> Action:
    rag = rag_raw.split()[0]  # "Green & ongoing" -> "Green"
    return Action(number, text, lead_raw, leads, rag_raw, rag, **kw)


def _rows(*actions: Action) -> tuple[Row, ...]:
    return tuple(Row((a,)) for a in actions)


RECOMMENDATIONS = (
    Recommendation("1", (
        "Reading Safeguarding Children Board (RSCB) in conjunction with Thames Valley "
        "Police to improve the current police arrangements for screening and assuring "
        "the quality of all domestic abuse referrals to Children's Social Care"
    ), _rows(
        _a("1", "LSCB action plan to be developed to address this action",
           "Independent Chair", (CHAIR,), "Amber"),
        _a("2", "CSC to re-present the expected thresholds for DV notifications to the LSCB",
           "HoCSC", (HOCSC,), "Green"),
        _a("3", "MASH to continue to return notifications deemed to be below standard or "
           "agreed threshold to TVP", "HoCSC", (HOCSC,), "Green & ongoing"),
        _a("4", "TVP action -awaiting confirmation", "tbc", (), "Red"),
    )),
    Recommendation("2", (
        "RSCB to review the application of the threshold criteria in practice within "
        "agencies to ensure agreed levels are understood and being consistently applied"
    ), _rows(
        _a("5", "LSCB action plan to be developed to address this action",
           "Independent Chair", (CHAIR,), "Amber"),
        _a("6", "CSC Advice Line continues to be available for advice and support",
           "HoCSC", (HOCSC,), "Green"),
        _a("7", "CSC to ensure the referral documents and tools are easily available on "
           "the Council website", "HoCSC", (HOCSC,), "Green"),
        _a("8", "CSC to offer a designated schools forum to develop further the "
           "understanding of thresholds in the schools community", "HoCSC", (HOCSC,),
           "Green"),
        _a("9", "HNCS to work with agencies and services to ensure threshold re "
           "understood, particularly in relation to tier 2 ensuring thresholds for T2 is "
           "known", "HoHNCS", (HOHNCS,), "Amber"),
        _a("10", "CAF- increase numbers completed that have lead professional within "
           "other agencies", "HoHNCS", (HOHNCS,), "Amber"),
        _a("11", "Strengthen application of Child Protection Plans", "HoCSC & HoAC",
           (HOCSC, HOAC), "Amber"),
        _a("12", "Early Help Strategy to be agreed and implemented to ensure better "
           "co-ordination of early help services and simpler pathways into, through and "
           "out of early help services", "HoHNCS", (HOHNCS,), "Green"),
    )),
    Recommendation("3", (
        "The Council and RSCB to establish effective arrangements to enable children and "
        "young people to participate in meaningful ways in protection planning processes"
    ), _rows(
        _a("13", "LSCB action plan to be developed to address this action across all "
           "participating agencies", "Independent Chair", (CHAIR,), "Amber"),
        _a("14", "Safeguarding & Quality Assurance Service to lead work with the LSCB to "
           "ensure children's participation", "HoAC", (HOAC,), "Amber"),
        _a("15", "Ensure that NYAS services are publicised by social workers", "HoCSC",
           (HOCSC,), "Amber"),
    )),
    Recommendation("4", (
        "The Council to ensure that supervision records are reflective and support "
        "effective case analysis and planning in order to fully demonstrate progress and "
        "service impact in improving outcomes"
    ), _rows(
        _a("16", "Revise social work policy & recording format to include the signs of "
           "safety approach - to enable a record of reflection and analysis and case "
           "summary in supervision", "HoCSC", (HOCSC,), "Amber"),
        _a("17", "Revise social workers appraisal process and format to take account of "
           "SW Capabilities Framework", "HoCSC", (HOCSC,), "Amber"),
        _a("18", "Commission training for social workers supervisees and refresh "
           "training for social work supervisors", "HoCSC", (HOCSC,), "Green"),
        _a("19", "Introduce in the quality framework that's being developed a process "
           "for checking reflective supervision is being delivered and recorded and "
           "meeting expected standards", "HoCSC", (HOCSC,), "Green"),
        _a("20", "Introduce a quality framework that includes supervision for case work "
           "within early help services", "HoHNCS", (HOHNCS,), "Amber"),
    )),
    Recommendation("5", (
        "The Council, partners and RSCB to routinely consider ethnicity and diversity "
        "issues in all strategic and developmental planning and ensure data derived from "
        "individual cases are being collated for this purpose"
    ), _rows(
        _a("21", "LSCB action plan to be developed to address this action across all "
           "participating agencies", "Independent Chair", (CHAIR,), "Amber"),
        _a("22", "Update the Children's SC Workforce Strategy", "HoCSC", (HOCSC,),
           "Amber"),
        _a("23", "Ensure ethnicity and diversity issues are covered in the quality "
           "assurance frameworks", "HoCSC & Ho HNCS", (HOCSC, HOHNCS), "Green",
           warnings=("Ho HNCS",)),
        _a("24", "Directorate Children's wide data used to inform strategic planning & "
           "commissioning across services for children and families", "HoECS",
           (HOECS,), "Amber"),
    )),
    Recommendation("6", (
        "The Council to strengthen the role of child protection officers to scrutinise "
        "the quality of assessments and plans presented to case conferences and to "
        "routinely report on service impact and outcomes"
    ), _rows(
        _a("25", "S&QA ongoing re-focus and development of Chairs expertise and culture "
           "to apply the quality assurance framework", "HoAC", (HOAC,), "Amber"),
        _a("26", "Quarterly S&QA service impact reports to be produced which are focused "
           "on outcomes and impact & are effectively used to challenge & improve "
           "practice", "HoAC", (HOAC,), "Green"),
        _a("27", "S&QA to feedback via the LSCB re partner agencies quality of input and "
           "impact to conference and CP processes.", "HoAC & Independent Chair",
           (HOAC, CHAIR), "Amber"),
    )),
    Recommendation("7", (
        "The Council to review member's awareness of child protection to ensure that "
        "they receive regular and appropriate levels of training"
    ), _rows(
        _a("28", "Training needs analysis of members knowledge and understanding of "
           "child protection which will inform a Members training plan.",
           "Committee Services", (COMMITTEE,), "Amber"),
        _a("29", " ".join((ACTION_29_PARAS[0],) + tuple("- " + p for p in ACTION_29_PARAS[1:])),
           "Committee Services", (COMMITTEE,), "Amber",
           paragraphs=ACTION_29_PARAS, bullets=True),
    )),
    Recommendation("8", (
        "The Council, in conjunction with partners, to implement systems to capture the "
        "lived experiences of children and young people as integral parts of early help "
        "and protection assessments, analyses, plans, reflective staff supervision and "
        "case auditing"
    ), _rows(
        _a("30", "Early Help Strategy includes plan for improving children and young "
           "people's voice.", "HoHNCS", (HOHNCS,), "Amber"),
        _a("31", "Continue to implement the Signs of Safety Framework across CSC, early "
           "help and the wider children's workforce", "HoCSC & HoHNCS", (HOCSC, HOHNCS),
           "Amber"),
        _a("32", "Ensure that the QA Framework includes explicit expectations about how "
           "the lived experience of the child will be captured", "HoCSC", (HOCSC,),
           "Green"),
        _a("33", "Agreement to be sought from partners and commissioned services on how "
           "they will capture the lived experience of children in their work with "
           "vulnerable children & ensure that this approach is underpinned in their "
           "training programmes", "HoCSC HoHNCS & HoECS", (HOCSC, HOHNCS, HOECS),
           "Amber"),
    )),
    Recommendation("9", (
        "The Council, in conjunction with partners, to define practice standards for "
        "assessments, case analysis and planning and supervision to enable line managers "
        "to establish greater levels of scrutiny and performance oversight"
    ), _rows(
        _a("34", "Develop a set of practice standards, implement and embed", "HoCSC",
           (HOCSC,), "Green"),
        _a("35", "Ensure the QA Framework monitors the effectiveness of the practice "
           "standards", "HoCSC", (HOCSC,), "Green"),
        _a("36", "Ensure first line managers are explicitly upholding the standards and "
           "are monitoring compliance.", "HoCSC", (HOCSC,), "Amber"),
        _a("37", "In early Help services implement a leadership programme and QA "
           "Framework to ensure managers at all levels are equipped to manage and "
           "monitor good quality practice", "HoHNCS", (HOHNCS,), "Amber"),
    )),
    Recommendation("10", (
        "The Council to establish overarching policies and operational frameworks to "
        "promote more effective permanency planning for children under 12 years and the "
        "coordination of relevant services for older children and young people."
    ), _rows(
        _a("38", "Early Help Strategy to be agreed and implemented", "HoHNCS", (HOHNCS,),
           "Green"),
        _a("39", "Children's Trust / Health & Wellbeing Board to ensure good arrangements "
           "for co-ordination & planning of services across the children's workforce",
           "HoECS", (HOECS,), "Amber"),
        _a("40", "Edge of Care Strategy to be adapted to align with a permanency "
           "strategy", "HoCSC", (HOCSC,), "Amber"),
        _a("41", "IRO's & CP Chairs to be upholding the policies and requirements of the "
           "IRO standards and permanency strategy", "HoAC", (HOAC,), "Amber"),
        _a("42", "Permanence policy to be adapted to form a Permanency Strategy for young "
           "children and adolescents", "HoHNS & HoCSC", (HOHNCS, HOCSC), "Amber",
           warnings=("HoHNS",)),
        _a("43", "Family Justice Review to be implemented.", "HoCSC & Head of Legal",
           (HOCSC, LEGAL), "Green"),
    ), number_printed=False),
)

PLAN = Plan(
    title="Child Protection Ofsted Action Plan @ 9th August 2013",
    note=NOTE,
    headers=("", "Ofsted Recommendation", "Actions Proposed", "Lead Officer", "RAG Rating"),
    recommendations=RECOMMENDATIONS,
    glossary_header=GLOSSARY_HEADER,
    glossary=GLOSSARY,
    as_at="2013-08-09",
    rag_header_legend=("Red- not on track", "Amber- on track for completion",
                       "Green- completed"),
)

COVER: tuple[tuple[str, ...], ...] = (
    ("TO:", "ADULT, CHILDRENS SERVICES AND EDUCATION COMMITTEE", "", ""),
    ("DATE:", "7 NOVEMBER 2013", "AGENDA ITEM:", "12"),
    ("TITLE:", "PROTECTION OF CHILDREN INSPECTION ACTION PLAN", "", ""),
    ("LEAD COUNCILLOR:", "COUNCILLOR GAVIN", "PORTFOLIO", "CHILDREN & FAMILIES"),
    ("SERVICE:", "CHILDRENS SERVICE", "WARDS:", "BOROUGHWIDE"),
    ("LEAD OFFICER:", "KAREN REEVE", "TEL:", "0118 9374163"),
    ("JOB TITLE:", "HEAD OF CHILDRENS SOCIAL CARE & YOS", "E-MAIL:",
     "karen.reeve@reading.gov.uk"),
)

BODY: tuple[str, ...] = (
    "## 1. PURPOSE OF REPORT AND EXECUTIVE SUMMARY",
    "1.1 This is an update report following on from the report that went to the ACE "
    "Committee in July 2013 after the Ofsted (the Office for Standards in Education, "
    "Children's Services and Skills) Child Protection Inspection held in March 2013 and "
    "highlights the progress being made in the action plan developed at the time.",
    "1.2 Appended to this report is the action Plan itself with the RAG rating as at the "
    "end of August 2013.",
    "## 2. RECOMMENDED ACTION",
    "2.1 That the Committee scrutinises and notes the progress made in implementing the "
    "Ofsted Action Plan.",
    "## 3. POLICY CONTEXT",
    "3.1 Ofsted (the Office for Standards in Education, Children's Services and Skills) "
    "has a duty to inspect Children's Services, focussing on evaluating outcomes for "
    "children and young people. A new child protection framework was introduced in 2012 "
    "shortly after Reading's last inspection under the Safeguarding and Looked After "
    "Children (S&LAC) Framework. This new Framework was specifically designed to inspect "
    "local authority arrangements pending an Ofsted and government commitment to develop "
    "a new multi-agency inspection framework.",
    "3.2 On 11 March 2013 the service was inspected under the new Framework and received "
    "an 'adequate' rating with comment about the positive direction of travel. This in a "
    "climate of many local authorities being found to be inadequate in this new "
    "framework.",
    "## 4. THE ACTION PLAN",
    "4.1 The last ACE Committee received the inspection report and the first copy of the "
    "resultant action plan. The Committee asked for an update at its next meeting and "
    "this is now attached.",
    "4.2 All actions have been completed or are well underway and are on track to be "
    "completed in the timescale set with one exception. The action required of the Local "
    "Safeguarding Children's Board (LSCB) in relation to Thames Valley Police improving "
    "the current Police arrangements for screening and assuring the quality of all "
    "domestic abuse referrals to children's social care has (at the time of writing) not "
    "been provided to the LSCB. This matter is being challenged by the Chair and some "
    "verbal updates have recently indicated some progress may be made in the near "
    "future.",
    "4.3 It is proposed therefore that the Committee receives the update on the action "
    "plan and scrutinises it.",
    "## 5. CONTRIBUTION TO STRATEGIC AIMS",
    "5.1 The continued work to improve services for children in need of early help and "
    "protection will promote the Council's strategic aims to promote equality, social "
    "inclusion and a safe and healthy environment for all.",
    "## 6. COMMUNITY ENGAGEMENT AND INFORMATION",
    "6.1 The Ofsted Inspection involves consultation and involvement in the inspection "
    "with parents, children and young people receiving services and their views and "
    "comments are incorporated in the report. A young people's version of the inspection "
    "report is also provided and is made available to local young people.",
    "## 7. EQUALITY IMPACT ASSESSMENT",
    "7.1 An Equality Impact Assessment (EIA) is not relevant to this particular decision.",
    "## 8. LEGAL IMPLICATIONS",
    "8.1 None of note for this report.",
    "## 9. FINANCIAL IMPLICATIONS",
    "9.1 No new financial implications for this report.",
    "## 10. BACKGROUND PAPERS",
    "10.1 Ofsted Inspection Framework for the Inspection of local authority arrangements "
    "for the protection of children.",
)

PAPER = Paper(
    stem="004_reading_cp_action_plan_2013-08",
    formats=("docx", "pdf"),
    title="PROTECTION OF CHILDREN INSPECTION ACTION PLAN",
    document_date="2013-11-07",
    council="Reading Borough Council",
    heading=("READING BOROUGH COUNCIL",
             "REPORT BY DIRECTOR OF EDUCATION, ADULT AND CHILDREN'S SERVICES"),
    cover=COVER,
    body=BODY,
    plan=PLAN,
)
