"""Seeds 000, 002 and 003: papers about inspections that hold no action-plan table.

000 is a council web page printed to PDF, 002 committee minutes (Word), 003 a cabinet
item from a committee system printed to PDF. A run must record them (title, date) with
status "no_plan" and give no action rows. The text is the seed's, paragraph for
paragraph (blank and non-breaking-space-only lines dropped; non-breaking spaces inside
paragraphs kept, as the web pages have them).
"""
from __future__ import annotations

from .spec import Paper

BODY_000: tuple[str, ...] = (
    "# Reading's Safeguarding and Looked After Children Services Inspection",
    (
        '‘Keeping Children Safe’ is one of the key priority areas for Reading’s '
        'Children’s Trust and how we aim to meet these challenges are detailed '
        'within the Children and Young People’s Plan. \xa0However it is everyone’s '
        'responsibility to safeguard the children and young people of Reading.'
    ),
    (
        "In February 2012 Ofsted carried out an inspection of Reading's "
        'safeguarding and looked after children services.\xa0 Overall, the '
        'inspectors found that Reading is ‘adequate’ in terms of the way it '
        'resources, manages and delivers children’s services. The inspection found '
        'a number of areas of good practice (in relation to looked after children) '
        'and noted examples of good practice in educational achievement, services '
        'for care leavers and children and young people being actively engaged in '
        'influencing services. One area of work, health outcomes for looked after '
        'children - was judged to be inadequate.'
    ),
    (
        'The report made a number of recommendations about actions that needed to '
        'be taken, these being classified as ‘immediate’ within three months and '
        'within 6 months. There has been a huge amount of work on the Safeguarding '
        'Action Plan (the latest report to Cabinet is attached on the right) to '
        'address the issues raised by the inspectors and many of the actions are '
        'already in place. The Ofsted report is also attached on the right.'
    ),
    (
        'In\xa0preparation for the inspection, at the end of 2011 we\xa0produced a '
        "briefing\xa0document for colleagues across the Children's Trust which "
        'explained where we were\xa0with regards to safeguarding children and '
        'looked after children in Reading .\xa0\xa0 As well as some key data and '
        'supporting evidence for both these areas, the document included a\xa0look '
        'at safeguarding in action with examples of\xa0intervention and targeted '
        "prevention activity.\xa0 'Reading's Safeguarding and Looked After "
        "Children Journey' can still be accessed via the link on the right of the "
        'page.'
    ),
    '© Reading 2020 Partnership :: content management system (CMS) by Web-Labs',
)

BODY_002: tuple[str, ...] = (
    'Agenda item',
    '# Safeguarding and Looked After Children Inspection Report',
    (
        'Further to minute 60 (15/3/11) the Interim Director of Children’s '
        'Services submitted a report which summarised the outcome of the '
        'Safeguarding and Looked After Children inspection which was undertaken by '
        'OFSTED between 24 January and 4 February 2011.'
    ),
    (
        'The inspection was led by a Lead Inspector with 3 Inspectors, a shadow '
        'Inspector and an Inspector from the Care Quality Commission who inspected '
        'health services. The inspection took evidence from a number of sources. '
        'These included discussions with children and young people and their '
        'families who received services, social workers and their front-line '
        'managers and senior officers including the Interim Head of Safeguarding, '
        'the Head of Branch for Children’s Social Care, the Interim Director for '
        'Children’s Services, and the then Interim Chief Executive. Elected '
        'Members and a range of community representatives were also seen by the '
        'inspection team.'
    ),
    (
        'The inspectors undertook a structured review of 20 case files and also '
        'evidence from a further 29 randomly selected cases. They also reviewed a '
        'number of documents, reports and procedures. This enabled the inspection '
        'team to form a view of services provided over time and the quality of '
        'reporting, recording and decision making undertaken.'
    ),
    (
        'The report gave a summary of the OFSTED report and the grades received in '
        'each area, 13 being ‘good’, 6 ‘outstanding’ and 3 ‘adequate’. The '
        'inspection report gave a number of areas for development including three '
        'within the Safeguarding part and four within the Looked After Children '
        'part of the inspection.'
    ),
    (
        'A detailed action plan had been drawn up by the department encompassing '
        'the areas for development and also additional actions extracted from the '
        'body of the OFSTED report, which would support the continuous improvement '
        'journey to make the transition to outstanding, in all areas. This action '
        'plan would be developed in team and Branch plans and would be monitored '
        'on a monthly basis by the department. Progress on the action plan would '
        'also be reported to the Council’s Safeguarding Reference Group.'
    ),
    (
        'Responding to comments from Members, both Julia Hassall, Head of '
        'Children’s Social Care and Tracey Coffey, Strategic Services Manager, '
        'outlined the existing audit framework and the processes involved in '
        'auditing cases including themed audits. In respect of the IT '
        'requirements, there were a number of providers of Integrated Children’s '
        'systems with each having their own strengths / weaknesses. It would be '
        'dependent on the Government’s response to the Munro Review of Child '
        'Protection as to what system they would recommend on a national level. '
        'The Interim Director commented that the department was someway off from '
        'bringing forward proposals for a new system.'
    ),
    (
        'Members expressed their congratulations to everybody involved for such an '
        'excellent inspection report and the Chair expressed her personal thanks '
        'particularly in respect of partnership working.'
    ),
    'On a motion by the Chair, duly seconded, it was –',
    'Resolved –',
    (
        '(1) That this Committee notes the positive and successful outcome of the '
        'inspection by OFSTED and the action plan which has been produced to meet '
        'the areas for development and thanks all the staff involved.'
    ),
    (
        '(2) That the Action Plan be accepted and a further report be brought to '
        'the November meeting.'
    ),
    'Supporting documents:',
)

BODY_003: tuple[str, ...] = (
    'Issue - meetings',
    (
        '# Outcomes of the Recent OFSTED Inspection of Safeguarding and Looked '
        'After Children Services and Consequential Action Plan'
    ),
    'Meeting: 24/05/2011 - Cabinet (Item 57)',
    (
        '57 Outcomes of the Recent OFSTED Inspection of Safeguarding and Looked '
        'After Children Services and Consequential Action Plan pdf icon PDF 72 KB'
    ),
    'Cabinet Member: Children, Young People & Families',
    'Forward Plan Ref: 2011/102',
    (
        'Contact: Annie Callanan, Performance, Improvement & Decvelopment Manager '
        'Tel: (01865) 815697/Sian Rodway, Strategic Lead, Performance Tel: (01865) '
        '815142'
    ),
    'Report by Director for Children, Education & Families (CA7 ).',
    (
        'This report summarises the outcome of the Ofsted inspection of '
        'Safeguarding and Looked After Children’s Services in Oxfordshire. The '
        'inspection was conducted in February / March 2011, the final report was '
        'published on 6 May 2011.'
    ),
    'The Cabinet is RECOMMENDED to',
    (
        '(a)\xa0\xa0\xa0\xa0\xa0\xa0 receive this report and acknowledge the '
        'findings of the inspection report (Annex 1).'
    ),
    (
        '(b) \xa0\xa0\xa0\xa0\xa0 note the recommendations in the inspection '
        'report, and'
    ),
    (
        '(c)\xa0\xa0\xa0\xa0\xa0\xa0 approve the proposed actions and timescales '
        'to address the recommendations in the report.'
    ),
    'Additional documents:',
    'Minutes:',
    (
        'Cabinet considered a report that summarised the outcome of the Ofsted '
        'inspection of Safeguarding and Looked After Children’s Services in '
        'Oxfordshire.'
    ),
    (
        'Councillor Janet Godden, Shadow Cabinet Member for Children, Education & '
        'Families paid personal tribute to Councillor Louise Chapman for her '
        'personal commitment to the positive engagement of children, the results '
        'of which were recognised by the inspection. Councillor Godden highlighted '
        'a two areas where it was important to ensure continued effort: the '
        'position with regard to the engagement of adult mental health care '
        'professionals in case conferences had been improved by work on both sides '
        'and she would be sad if this co-operation was drifting apart; the work on '
        'educational attainment of children in care was vitally important and the '
        'need to encourage all involved to ensure children were entered for exams '
        'should continue to be a focus of attention.'
    ),
    (
        'Sarah Good a young person who had taken part in the Safeguarding '
        'Inspection commented on how important it was to young people to be able '
        'to participate and help in the shaping of services they used.'
    ),
    (
        'Michael Ray, paid tribute to the support he had received from officers '
        'over a number of years that had helped him.'
    ),
    (
        'Meera Spillett, the Director for Children Education & Families in '
        'introducing the report paid tribute to the Participation Team and their '
        'user engagement that was recognised as excellent. Meera Spillett '
        'highlighted the positives in the report and paid tribute to the '
        'continuing hard work of staff and all the Council’s partners.'
    ),
    (
        'The Cabinet Member for Children Education & Families responding to the '
        'point made by Councillor Godden agreed that it was right to continue to '
        'ensure the engagement of adult mental health workers and suggested that '
        'this was an area where scrutiny might wish to monitor the situation. In '
        'welcoming the inspection report she highlighted that the\xa0 positive '
        'result reflected the hard work that was going on and that the work of the '
        'people involved changed lives. She paid tribute to the work of Meera '
        'Spillett and thanked the frontline social care staff.'
    ),
    'RESOLVED:\xa0\xa0\xa0\xa0\xa0\xa0\xa0\xa0\xa0\xa0\xa0\xa0 to',
    (
        '(a)\xa0\xa0\xa0\xa0\xa0\xa0 receive this report and acknowledge the '
        'findings of the inspection report (Annex 1).'
    ),
    (
        '(b) \xa0\xa0\xa0\xa0\xa0 note the recommendations in the inspection '
        'report, and'
    ),
    (
        '(c)\xa0\xa0\xa0\xa0\xa0\xa0\xa0 approve the proposed actions and '
        'timescales to address the recommendations in the report.'
    ),
)

PAPERS: tuple[Paper, ...] = (
    Paper(
        stem="000_reading_slac_inspection_webpage",
        formats=("pdf",),
        title="Reading's Safeguarding and Looked After Children Services Inspection",
        document_date="",
        council="Reading Borough Council",
        body=BODY_000,
        status="no_plan",
    ),
    Paper(
        stem="002_slac_inspection_minutes",
        formats=("docx",),
        title="Safeguarding and Looked After Children Inspection Report",
        document_date="",
        body=BODY_002,
        status="no_plan",
    ),
    Paper(
        stem="003_oxfordshire_cabinet_ofsted_item",
        formats=("pdf",),
        title=("Outcomes of the Recent OFSTED Inspection of Safeguarding and Looked After "
               "Children Services and Consequential Action Plan"),
        document_date="2011-05-24",
        council="Oxfordshire County Council",
        body=BODY_003,
        status="no_plan",
    ),
)
