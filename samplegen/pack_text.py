"""The words and figures of the agenda pack's papers other than the plan (``pack_writer``
prints them): agenda, minutes and actions log, budget, scorecard, the reports' text. None
of these tables may give an action row."""
from __future__ import annotations

COUNCIL = "Redcliffe Borough Council"

MEETING = "Children and Young People Scrutiny Panel"

DATE = "Tuesday, 23 April 2024"

BLUE = "1F3864"

AGENDA = (
    ("Apologies for absence", "To receive apologies for absence and notification of substitutes."),
    ("Declarations of interest", "Members are asked to declare any interests in items on this agenda."),
    ("Minutes of the previous meeting", "To confirm the minutes of the meeting held on 6 February 2024 and "
                                        "to note the actions log."),
    ("Public questions", "To receive any questions from members of the public."),
    ("Children's Services budget monitoring: quarter 3 2023/24", "Report of the Director of Finance."),
    ("Children's Services performance scorecard: quarter 3 2023/24",
     "Report of the Head of Performance and Intelligence."),
    ("Ofsted ILACS improvement plan: progress report", "Report of the Director of Children's Services."),
    ("Fostering Service annual report 2023/24", "Report of the Head of Fostering and Adoption."),
    ("Virtual School annual report 2022/23", "Report of the Virtual School Headteacher."),
    ("Youth Justice Service plan 2024/25", "Report of the Head of Youth Justice Service."),
    ("Safeguarding Children Partnership annual report 2022/23", "Report of the Independent Scrutineer."),
    ("Corporate parenting annual report 2023/24", "Report of the Head of Children in Care."),
    ("Special educational needs and disabilities: written statement of action update",
     "Report of the Assistant Director, Education."),
    ("Work programme 2024/25", "To consider the Panel's work programme."),
)

# --------------------------------------------------------------------------- minutes
MINUTES = (
    ("Apologies for absence", ("Apologies were received from Councillor Lowe and from Mr Osei.",)),
    ("Declarations of interest", ("Councillor Hussain declared a personal interest in minute 44 as a foster "
                                  "carer for the council. He took part in the discussion.",)),
    ("Minutes of the previous meeting", ("The minutes of the meeting held on 12 December 2023 were agreed as a "
                                         "correct record and signed by the Chair.",)),
    ("Early help strategy 2024–27", (
        "The Head of Early Help introduced the draft strategy, which had been developed with partners and "
        "with families who had used early help services. It set out three priorities: help for families at "
        "the earliest point, a single front door for early help and specialist services, and a stronger offer "
        "in the four family hubs.",
        "Members asked how the strategy would reach families who did not use family hubs. The Head of Early "
        "Help said that outreach workers were now based in two GP practices and in the housing advice "
        "service, and that the number of early help assessments started by schools had risen by a quarter.",
        "Members asked about the waiting list for parenting programmes. Officers confirmed that 46 families "
        "were waiting at the end of January and that two additional courses would run in the spring term.",
        "RESOLVED: That the Panel endorses the draft strategy and asks for a report on its first year in "
        "April 2025.")),
    ("Children's social care workforce", (
        "The Head of Workforce Development reported that the vacancy rate for social workers was 14% and that "
        "agency staff filled 11% of posts, down from 19% a year earlier. Thirty-one newly qualified social "
        "workers had joined in the year through the Assessed and Supported Year in Employment programme.",
        "Members welcomed the fall in agency use and asked about retention of experienced staff. Officers "
        "described the new career progression framework and the market supplement for team managers.",
        "RESOLVED: That the report be noted.")),
    ("Fostering sufficiency", (
        "The Head of Fostering and Adoption updated the Panel on the recruitment of foster carers. Twelve new "
        "fostering households had been approved since April 2023 and nine had left the service, most on "
        "retirement. The council's fees had been reviewed and now compared well with neighbouring authorities.",
        "Members asked for more information on the number of children placed with independent fostering "
        "agencies and its cost; officers agreed to include it in the annual report.",
        "RESOLVED: That the Panel notes the update and receives the Fostering Service annual report at its "
        "April meeting.")),
)

ACTIONS_LOG = [
    ("38", "Circulate the breakdown of early help assessments by referring agency to members.",
     "Head of Early Help", "Complete"),
    ("38", "Report the first year of the early help strategy to the Panel.", "Head of Early Help",
     "April 2025"),
    ("39", "Provide figures on the retention of social workers with over five years' experience.",
     "Head of Workforce Development", "Complete"),
    ("40", "Include independent fostering agency placements and costs in the annual report.",
     "Head of Fostering and Adoption", "On agenda"),
]

# --------------------------------------------------------------------------- budget
BUDGET = [
    ("Children's social care – fieldwork", "21,480", "22,915", "1,435", "6.7%"),
    ("Children in care – placements", "34,260", "39,870", "5,610", "16.4%"),
    ("Care leavers", "3,915", "4,240", "325", "8.3%"),
    ("Fostering and adoption", "9,780", "9,455", "(325)", "(3.3%)"),
    ("Early help and family hubs", "7,340", "7,085", "(255)", "(3.5%)"),
    ("Disabled children's service", "6,125", "6,610", "485", "7.9%"),
    ("Youth justice service", "1,890", "1,845", "(45)", "(2.4%)"),
    ("Safeguarding and quality assurance", "2,760", "2,790", "30", "1.1%"),
    ("Education and inclusion (General Fund)", "5,930", "6,305", "375", "6.3%"),
    ("Home to school transport", "8,450", "9,720", "1,270", "15.0%"),
    ("Directorate management and support", "2,310", "2,185", "(125)", "(5.4%)"),
    ("Total Children's Services", "104,240", "113,030", "8,790", "8.4%"),
]

SAVINGS = [
    ("CS01", "Reduce reliance on agency social workers", "850", "620", "Amber"),
    ("CS02", "Step down children from residential to foster care", "1,200", "410", "Red"),
    ("CS03", "Review of home to school transport routes", "600", "600", "Green"),
    ("CS04", "Family hubs: shared reception and management", "250", "250", "Green"),
    ("CS05", "Commissioning of supported accommodation for 16–17s", "400", "140", "Red"),
    ("Total", "", "3,300", "2,020", ""),
]

BUDGET_BANK = (
    "The forecast overspend is driven mainly by the cost of placements for children in care.",
    "The number of children in care was 412 at the end of December, compared with 389 when the budget was set.",
    "The average weekly cost of a residential placement has risen to £6,240, an increase of 18% in a year.",
    "Eleven children are placed in residential homes costing more than £10,000 a week.",
    "Placement costs are reviewed weekly at the Access to Resources Panel chaired by the Assistant Director.",
    "The service is working with the regional commissioning partnership to develop local residential capacity.",
    "Agency social worker costs have fallen since the summer but remain above budget.",
    "Home to school transport is forecast to overspend because of the rise in children with education, "
    "health and care plans travelling to specialist provision outside the borough.",
    "The overspend will be met from the council's general reserves at the year end if it cannot be reduced.",
    "Corporate Management Team has agreed a recovery plan, which is monitored monthly.",
    "The recovery plan includes a review of all placements costing more than £5,000 a week.",
    "Income from the Unaccompanied Asylum Seeking Children grant is in line with the budget.",
    "The Dedicated Schools Grant high needs block is reported separately to the Schools Forum.",
    "Savings of £3.3m were built into the 2023/24 budget; £2.0m are forecast to be delivered.",
)

# --------------------------------------------------------------------------- performance
SCORECARD = [
    ("PI01", "Contacts leading to a referral within 1 working day", "High", "95%", "93%", "96%", "97%", "Green",
     "Improving"),
    ("PI02", "Re-referrals within 12 months", "Low", "20%", "24%", "22%", "23%", "Amber", "Stable"),
    ("PI03", "Assessments completed within 45 working days", "High", "90%", "81%", "84%", "88%", "Amber",
     "Improving"),
    ("PI04", "Initial child protection conferences within 15 working days", "High", "85%", "71%", "68%", "74%",
     "Red", "Stable"),
    ("PI05", "Child protection plans lasting 2 years or more", "Low", "3%", "4.1%", "3.6%", "2.9%", "Green",
     "Improving"),
    ("PI06", "Children becoming subject to a plan for a second or later time", "Low", "20%", "26%", "27%", "25%",
     "Red", "Stable"),
    ("PI07", "Child protection visits within timescale", "High", "95%", "92%", "94%", "95%", "Green",
     "Improving"),
    ("PI08", "Children in care per 10,000 children", "Low", "75", "78", "80", "83", "Red", "Worsening"),
    ("PI09", "Children in care with 3 or more placements in the year", "Low", "10%", "11%", "10%", "9%", "Green",
     "Improving"),
    ("PI10", "Children in care for 2.5 years in the same placement for 2 years", "High", "70%", "64%", "66%",
     "67%", "Amber", "Improving"),
    ("PI11", "Initial health assessments within 20 working days", "High", "90%", "54%", "61%", "72%", "Red",
     "Improving"),
    ("PI12", "Review health assessments in timescale", "High", "95%", "88%", "90%", "91%", "Amber", "Stable"),
    ("PI13", "Personal education plans completed in the term", "High", "95%", "89%", "93%", "96%", "Green",
     "Improving"),
    ("PI14", "Care leavers in suitable accommodation (19–21)", "High", "90%", "87%", "88%", "91%", "Green",
     "Improving"),
    ("PI15", "Care leavers in education, employment or training (19–21)", "High", "60%", "52%", "53%", "55%",
     "Amber", "Stable"),
    ("PI16", "Social worker vacancy rate", "Low", "10%", "17%", "15%", "14%", "Red", "Improving"),
    ("PI17", "Agency social workers as % of workforce", "Low", "10%", "15%", "13%", "11%", "Amber", "Improving"),
    ("PI18", "Average caseload (children in need teams)", "Low", "18", "24", "23", "21", "Amber", "Improving"),
    ("PI19", "Return home interviews offered within 72 hours", "High", "85%", "58%", "63%", "70%", "Red",
     "Improving"),
    ("PI20", "Audits graded good or better", "High", "70%", "48%", "55%", "61%", "Amber", "Improving"),
]

PERFORMANCE_BANK = (
    "Performance at the front door remains strong, with almost all contacts decided within one working day.",
    "The timeliness of assessments has improved for the third quarter running.",
    "Initial child protection conferences remain below target because of the availability of chairs.",
    "Two additional chairs have been recruited and will be in post by May 2024.",
    "The rate of children in care has risen, reflecting the number of older children coming into care "
    "through the police protection route.",
    "Placement stability has improved and is now better than the average for statistical neighbours.",
    "The timeliness of initial health assessments has improved from 54% to 72% since the appointment of a "
    "dedicated nurse, but remains below the target of 90%.",
    "Care leavers' outcomes are broadly in line with statistical neighbours.",
    "Audit grades continue to improve, with 61% of audited cases judged good or better in quarter 3.",
    "The vacancy rate has fallen for the second quarter running following the international recruitment "
    "campaign.",
    "Measures are rated against target: green where the target is met, amber within 10% of it, red otherwise.",
    "The direction of travel compares the latest quarter with the previous one.",
)

# --------------------------------------------------------------------------- improvement plan
PLAN_REPORT = (
    ("1. Purpose", (
        "This report updates the Panel on the improvement plan agreed after Ofsted's inspection of local "
        "authority children's services (ILACS) in January 2024.",)),
    ("2. Recommendation", (
        "That the Panel notes the progress made against the improvement plan at Appendix A and the three "
        "actions rated red.",)),
    ("3. Background", (
        "Ofsted inspected Redcliffe's children's services between 15 and 26 January 2024. Overall "
        "effectiveness was judged to require improvement to be good. The experiences and progress of care "
        "leavers were judged good; the impact of leaders, and the experiences and progress of children who "
        "need help and protection and of children in care, were judged to require improvement.",
        "The inspection report made five recommendations. The improvement plan at Appendix A sets out the "
        "actions against each, the lead officer, the target date and progress at 31 March 2024. It is "
        "monitored by the Improvement Board, which includes the police, health and education partners.",)),
    ("4. Progress", (
        "Seven of the fourteen actions are complete. The legal gateway panel and the pre-proceedings tracker "
        "have reduced the average time children spend in pre-proceedings from 31 to 22 weeks.",
        "Three actions are rated red. Exploitation risk assessments have not been completed for eight children "
        "who go missing frequently; the reporting needed to monitor pathway plans after a change of "
        "accommodation is not yet available; and the service is behind its target on supported lodgings.",
        "The Director of Children's Services has asked the Head of Adolescent Services to complete the "
        "outstanding risk assessments by the end of April and to report to the Improvement Board in May.",)),
    ("5. Financial implications", (
        "The plan is funded from the £1.4m one-off investment agreed by Cabinet in February 2024. There are no "
        "further financial implications.",)),
    ("6. Legal implications", (
        "The council has statutory duties to safeguard and promote the welfare of children in need and "
        "children in care. The plan supports the council in meeting them.",)),
    ("7. Background papers", (
        "Ofsted, Inspection of Redcliffe local authority children's services, published 8 March 2024.",)),
)

PLAN_THEMES = ("Children in need", "Pre-proceedings and permanence", "Exploitation",
               "Supervision and management oversight", "Care leavers")

# --------------------------------------------------------------------------- other reports
FOSTERING_BANK = (
    "The Fostering Service recruits, assesses, trains and supports foster carers for children in the care "
    "of Redcliffe Borough Council.",
    "At 31 March 2024 the service had 142 approved fostering households, of which 38 were connected persons "
    "carers looking after children they already knew.",
    "Twelve new mainstream fostering households were approved in the year, against a target of fifteen.",
    "Nine households left the service, six of them on retirement and two after moving out of the area.",
    "The fostering panel met 22 times and considered 41 cases, including approvals, reviews and changes of "
    "terms of approval.",
    "Every foster carer has a supervising social worker who visits at least every six weeks.",
    "The training programme for foster carers was refreshed in September, with new courses on therapeutic "
    "parenting, online safety and supporting children who have experienced trauma.",
    "The Mockingbird programme now runs two constellations, each with a hub home supporting six to ten "
    "fostering families.",
    "Foster carers told us that they value the out-of-hours support line and the peer support groups.",
    "Sufficiency remains the service's biggest challenge, particularly for teenagers, sibling groups and "
    "children with complex needs.",
    "Sixty-one children were placed with independent fostering agencies at the end of the year, at an "
    "average weekly cost of £1,020 compared with £560 for in-house carers.",
    "The recruitment campaign, 'Foster for Redcliffe', generated 214 enquiries in the year.",
    "Conversion from enquiry to approval remains low, and the service has introduced a dedicated recruitment "
    "officer to follow up every enquiry within two working days.",
    "Fees and allowances were increased by 7% from April 2023, in line with the national minimum allowance.",
    "Stability for children in long-term foster care is good: 71% of children had been in the same home for "
    "two years or more.",
    "The service's annual survey of children in foster care had 96 responses; 91% of children said they felt "
    "safe where they live.",
)

FOSTERING_TABLE = [
    ("Approved fostering households", "136", "139", "142"),
    ("of which connected persons", "31", "35", "38"),
    ("New approvals (mainstream)", "10", "11", "12"),
    ("De-registrations", "12", "10", "9"),
    ("Children in in-house foster care", "187", "194", "201"),
    ("Children with independent fostering agencies", "54", "58", "61"),
]

VIRTUAL_SCHOOL_BANK = (
    "The Virtual School promotes the education of children in care and care leavers, wherever they go to "
    "school.",
    "At the end of the 2022/23 academic year there were 318 children of compulsory school age in care.",
    "Personal education plans were completed for 96% of children in the summer term.",
    "Attendance of children in care was 91.8%, above the national average for children in care.",
    "Persistent absence fell to 17% from 21% in the previous year.",
    "There were no permanent exclusions of children in care in the year.",
    "Fixed-term suspensions fell by a third, reflecting the Virtual School's work with secondary schools on "
    "relational approaches.",
    "At key stage 2, 41% of children in care reached the expected standard in reading, writing and "
    "mathematics.",
    "At key stage 4, the average Attainment 8 score was 22.4, compared with 21.9 nationally for children in "
    "care.",
    "Pupil premium plus funding of £2,570 per child was used for tutoring, mentoring and therapeutic support.",
    "The Virtual School has extended its duties to children with a social worker, as set out in national "
    "guidance.",
    "Training was delivered to designated teachers in all Redcliffe schools and to 64 foster carers.",
)

ATTAINMENT = [
    ("Key stage 2: expected standard in RWM", "34", "41%", "32%", "59%"),
    ("Key stage 4: average Attainment 8", "39", "22.4", "21.9", "46.4"),
    ("Key stage 4: grade 4+ in English and maths", "39", "15%", "13%", "65%"),
    ("Attendance", "318", "91.8%", "90.9%", "92.5%"),
]

WORK_PROGRAMME = [
    ("11 June 2024", "Youth justice plan 2024/25", "Head of Youth Justice Service"),
    ("11 June 2024", "Special educational needs and disabilities: written statement of action",
     "Assistant Director, Education"),
    ("17 September 2024", "Ofsted ILACS improvement plan: progress report", "Director of Children's Services"),
    ("17 September 2024", "Corporate parenting annual report", "Head of Children in Care"),
    ("26 November 2024", "Children's Services budget monitoring: quarter 2", "Director of Finance"),
    ("26 November 2024", "Safeguarding Partnership annual report", "Independent Scrutineer"),
    ("4 February 2025", "School place planning", "Head of School Organisation"),
    ("4 February 2025", "Early help strategy: first-year review", "Head of Early Help"),
]

PLACEMENTS = [
    ("In-house foster care", "201", "194", "560", "5,854"),
    ("Connected persons (family and friends) care", "58", "52", "410", "1,236"),
    ("Independent fostering agencies", "61", "58", "1,020", "3,235"),
    ("In-house children's homes", "12", "12", "4,310", "2,689"),
    ("External residential children's homes", "29", "24", "6,240", "9,410"),
    ("Residential homes over £10,000 a week", "11", "6", "12,870", "7,361"),
    ("Secure accommodation (welfare)", "1", "1", "8,400", "437"),
    ("Supported accommodation (16–17)", "22", "19", "1,650", "1,888"),
    ("Parent and child assessment placements", "4", "3", "2,950", "614"),
    ("Placed with parents", "27", "25", "0", "0"),
    ("Placed for adoption", "14", "12", "0", "0"),
    ("Staying put (18+)", "19", "15", "330", "326"),
    ("Unaccompanied children (supported lodgings)", "17", "16", "690", "610"),
    ("Other placements", "6", "5", "1,120", "349"),
    ("Total", "482", "446", "", "34,009"),
]

BENCHMARKS = [
    ("Referrals per 10,000 children", "512", "548", "544", "2"),
    ("Re-referrals within 12 months", "23%", "21%", "22%", "3"),
    ("Assessments in 45 working days", "88%", "85%", "83%", "2"),
    ("Section 47 enquiries per 10,000", "201", "187", "180", "3"),
    ("Children in need per 10,000", "362", "371", "343", "2"),
    ("Child protection plans per 10,000", "46", "49", "42", "2"),
    ("Second or later child protection plan", "25%", "23%", "23%", "3"),
    ("Children in care per 10,000", "83", "85", "71", "3"),
    ("Children in care: 3+ placements", "9%", "10%", "10%", "2"),
    ("Long-term placement stability", "67%", "69%", "71%", "3"),
    ("Care leavers in suitable accommodation", "91%", "88%", "88%", "1"),
    ("Care leavers in EET (19–21)", "55%", "53%", "55%", "2"),
    ("Social worker turnover", "16%", "17%", "17%", "2"),
    ("Social worker vacancy rate", "14%", "19%", "20%", "1"),
    ("Agency social workers", "11%", "17%", "18%", "1"),
    ("Average caseload", "17.6", "16.8", "16.3", "3"),
]

YOUTH_BANK = (
    "The Youth Justice Service works with children aged 10 to 17 who have offended or are at risk of offending.",
    "The service is overseen by a partnership board chaired by the Director of Children's Services.",
    "First-time entrants to the youth justice system fell to 142 per 100,000 children, below the regional "
    "average.",
    "The use of custody remains low, with three children sentenced to custody in the year.",
    "Reoffending rates have risen slightly and the board has commissioned a review of the reasons.",
    "The service's out-of-court disposal panel diverted 61 children from prosecution.",
    "Every child has an assessment of their speech, language and communication needs.",
    "Children from Black and mixed ethnic backgrounds remain over-represented in the cohort.",
    "The service has agreed a disproportionality action plan with the police and the courts.",
    "Victim contact was offered in every case where a victim could be identified.",
    "The service received a grant of £612,000 from the Youth Justice Board in 2023/24.",
    "His Majesty's Inspectorate of Probation is expected to inspect the service in the next year.",
    "Restorative approaches are used in all community resolutions.",
    "Education, training and employment for children over school age remains a priority for the board.",
    "The service has appointed a specialist worker for children at risk of serious youth violence.",
)

YOUTH_TABLE = [
    ("First-time entrants (per 100,000 aged 10–17)", "168", "151", "142"),
    ("Binary reoffending rate", "31.2%", "29.8%", "32.5%"),
    ("Custodial sentences", "5", "4", "3"),
    ("Children in suitable accommodation at end of order", "94%", "95%", "97%"),
    ("Children in education, training or employment at end of order", "71%", "74%", "76%"),
]

PARTNERSHIP_BANK = (
    "The Redcliffe Safeguarding Children Partnership brings together the council, the police and the "
    "Integrated Care Board as the three statutory safeguarding partners.",
    "The partnership's independent scrutineer reviewed its arrangements in the summer.",
    "Two rapid reviews were completed in the year and one local child safeguarding practice review was "
    "commissioned.",
    "The partnership's priorities for the year were neglect, exploitation and the voice of the child.",
    "A new neglect strategy and assessment tool were launched in October.",
    "The multi-agency audit programme looked at 48 cases across five themes.",
    "Audits found good information sharing at the front door but weaker planning for older children.",
    "The partnership's training programme reached 2,140 practitioners from 38 organisations.",
    "Schools completed the annual safeguarding audit, with 97% returning it on time.",
    "The Local Authority Designated Officer received 312 referrals about adults working with children.",
    "Budget contributions from the three partners totalled £486,000.",
    "The partnership has agreed a joint approach to transitional safeguarding for young people aged 16 to 25.",
    "Young people from the Youth Council helped to design the partnership's new website.",
    "Learning from reviews is shared through seven-minute briefings and practice learning events.",
    "The partnership will publish its next annual report in September.",
)

PARTNERSHIP_TABLE = [
    ("Neglect and the Graded Care Profile", "14", "268"),
    ("Child exploitation", "10", "231"),
    ("Working together: roles and responsibilities", "18", "412"),
    ("Domestic abuse and its impact on children", "12", "305"),
    ("Designated safeguarding lead refresher", "9", "246"),
    ("Safer recruitment", "6", "118"),
    ("Learning from reviews", "8", "560"),
]

CORPORATE_BANK = (
    "The council is the corporate parent of every child in its care and every care leaver.",
    "The Corporate Parenting Board met five times in the year and heard from the Children in Care Council at "
    "every meeting.",
    "Members visited children's homes under the regulation 44 arrangements and reported to the Board.",
    "The council has adopted care experience as a protected characteristic for its own policies.",
    "Care leavers are exempt from council tax until the age of 25.",
    "A free leisure pass is offered to every child in care and care leaver and their carers.",
    "Fourteen care leavers started apprenticeships with the council and its partners.",
    "The Local Offer for Care Leavers was refreshed with young people in the autumn.",
    "Young people told the Board that they want fewer changes of social worker.",
    "The Board has asked every directorate to name a champion for children in care.",
    "The Children in Care Council ran a conference for 60 young people in October.",
    "Health partners reported improved timeliness of initial health assessments.",
    "The Board's priorities for next year are stability, education and preparation for adulthood.",
)

SEND_BANK = (
    "Ofsted and the Care Quality Commission inspected the local area's arrangements for children and young "
    "people with special educational needs and disabilities in June 2022.",
    "The inspection required the area to produce a written statement of action on four areas of weakness.",
    "The timeliness of education, health and care plans has improved to 64% within 20 weeks, from 31%.",
    "A new quality assurance framework for plans was introduced in September, with multi-agency audits each "
    "month.",
    "Parents and carers told us that communication from the SEND service has improved but is not yet "
    "consistent.",
    "The Parent Carer Forum co-chairs the SEND Partnership Board.",
    "Waiting times for the neurodevelopmental pathway remain too long, at an average of 74 weeks.",
    "The Integrated Care Board has funded additional assessment capacity from April 2024.",
    "Two new specialist resource bases opened in mainstream primary schools in September.",
    "The number of children placed in independent special schools has stabilised.",
    "Preparation for adulthood is now considered at every annual review from year 9.",
    "The Department for Education and NHS England reviewed progress in January and found it sufficient.",
    "The high needs block of the Dedicated Schools Grant remains under pressure.",
    "The local offer website was rebuilt with parents and now has three times as many visitors.",
    "The area will be re-inspected under the new framework, which began in January 2023.",
    "A SEND sufficiency strategy will be presented to Cabinet in the summer.",
)
