"""Seed 001: an earlier, undated draft of Reading's Child Protection Ofsted Action Plan.

No cover sheet and no RAG column. Kept as the seed has it: its own wording ("The
council", "co- ordination", "young peoples voice"), numbers typed as text where the seed
prints them and missing where it does not, several actions sharing one cell with their
officers in one lead cell, Cyrillic look-alike letters in "НоАС", the typos "Ho HNCS" and
"HoHNS", and a glossary whose narrow first column breaks "Abbreviat" / "ions".
"""
from __future__ import annotations

from dataclasses import replace

from . import seed004
from .seed004 import HOAC
from .spec import Action, Paper, Plan, Recommendation, Row

# Action numbers the seed does not print (Word numbering lost, or never typed).
MISSING_NUMBERS = frozenset({"1", "2", "3", "7", "8", "9", "10", "12", "13", "27"})

CYRILLIC_HOAC = "\u041d\u043e\u0410\u0421"  # "НоАС": Cyrillic En, o, A, Es

_BASE = {a.number: a for a in seed004.PLAN.actions}


def _a(number: str, **changes) -> Action:
    """Action ``number`` as in 004 but without RAG, numbered as this seed numbers it."""
    style = "none" if number in MISSING_NUMBERS else "text"
    base = replace(_BASE[number], rag_raw="", rag="", number_style=style,
                   paragraphs=(), bullets=False)
    return replace(base, **changes)


def _rows(*numbers: str) -> tuple[Row, ...]:
    return tuple(Row((_a(n),)) for n in numbers)


ACTION_29_PARAS = (
    "Training plan (& refresh programme) to be provided to elected members that "
    "addresses as a minimum:",
    "core safeguarding awareness",
    "child protection processes",
    "understanding of thresholds & front door of the service",
)

RECOMMENDATIONS = (
    Recommendation("1", (
        "Reading Safeguarding Children Board (RSCB) in conjunction with Thames Valley "
        "Police to improve the current police arrangements for screening and assuring "
        "the quality of all domestic abuse referrals to children's social care"
    ), (
        Row((_a("1"), _a("2")), lead_padding=(0, 0)),
        Row((_a("3"),)),
        Row((_a("4"),)),
    )),
    Recommendation("2", (
        "RSCB to review the application of the threshold criteria in practice within "
        "agencies to ensure agreed levels are understood and being consistently applied"
    ), (
        *_rows("5", "6", "7", "8", "9", "10", "11"),
        Row((_a("12", text=(
            "Early Help Strategy to be agreed and implemented to ensure better co- "
            "ordination of early help services and simpler pathways into, through and "
            "out of early help services"), pdf_text=(
            "Early Help Strategy to be agreed and implemented to ensure better co-ordination of early help services "
            "and simpler pathways into, through and out of early help services")),)),
    )),
    Recommendation("3", (
        "The council and RSCB to establish effective arrangements to enable children and "
        "young people to participate in meaningful ways in protection planning processes"
    ), (
        Row((_a("13"),)),
        Row((_a("14", lead_raw=CYRILLIC_HOAC, leads=(HOAC,)),)),
        Row((_a("15"),)),
    )),
    Recommendation("4", (
        "The council to ensure that supervision records are reflective and support "
        "effective case analysis and planning in order to fully demonstrate progress and "
        "service impact in improving outcomes"
    ), (
        Row((_a("16"), _a("17")), lead_padding=(0, 2)),
        *_rows("18", "19", "20"),
    )),
    Recommendation("5", (
        "The council, partners and RSCB to routinely consider ethnicity and diversity "
        "issues in all strategic and developmental planning and ensure data derived from "
        "individual cases are being collated for this purpose"
    ), _rows("21", "22", "23", "24")),
    Recommendation("6", (
        "The council to strengthen the role of child protection officers to scrutinise "
        "the quality of assessments and plans presented to case conferences and to "
        "routinely report on service impact and outcomes"
    ), (
        Row((_a("25", lead_raw=CYRILLIC_HOAC, leads=(HOAC,)),)),
        Row((_a("26", lead_raw=CYRILLIC_HOAC, leads=(HOAC,)),)),
        Row((_a("27"),)),
    )),
    Recommendation("7", (
        "The council to review member's awareness of child protection to ensure that "
        "they receive regular and appropriate levels of training"
    ), (
        Row((_a("28"),)),
        Row((_a("29", text=" ".join(ACTION_29_PARAS), paragraphs=ACTION_29_PARAS),)),
    )),
    Recommendation("8", (
        "The council, in conjunction with partners, to implement systems to capture the "
        "lived experiences of children and young people as integral parts of early help "
        "and protection assessments, analyses, plans, reflective staff supervision and "
        "case auditing"
    ), (
        Row((_a("30", text=("Early Help Strategy includes plan for improving children "
                            "and young peoples voice.")),)),
        # Officers stacked at the top of the cell, not level with their actions.
        Row((_a("31"), _a("32"), _a("33"))),
    )),
    Recommendation("9", (
        "The council, in conjunction with partners, to define practice standards for "
        "assessments, case analysis and planning and supervision to enable line managers "
        "to establish greater levels of scrutiny and performance oversight"
    ), (
        Row((_a("34"), _a("35"), _a("36"), _a("37")), lead_padding=(0, 0, 1, 1)),
    )),
    Recommendation("10", (
        "The council to establish overarching policies and operational frameworks to "
        "promote more effective permanency planning for children under 12 years and the "
        "coordination of relevant services for older children and young people."
    ), (
        Row((_a("38"), _a("39"), _a("40")), lead_padding=(0, 0, 1)),
        Row((_a("41"), _a("42"), _a("43")), lead_padding=(0, 1, 1)),
    ), number_printed=False),
)

PLAN = Plan(
    title="Child Protection Ofsted Action Plan",
    note=seed004.NOTE,
    headers=("", "Ofsted Recommendation", "Actions Proposed", "Lead Officer"),
    recommendations=RECOMMENDATIONS,
    glossary_header=seed004.GLOSSARY_HEADER,
    glossary=seed004.GLOSSARY,
    as_at="",
    glossary_widths=(2.05, 8.0),
)

PAPER = Paper(
    stem="001_reading_cp_action_plan_draft",
    formats=("docx", "pdf"),
    title="Child Protection Ofsted Action Plan",
    document_date="",
    council="Reading Borough Council",
    plan=PLAN,
)
