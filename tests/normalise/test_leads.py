"""Lead-cell splitting: where "and" and "," join two officers and where they are part of one."""
from __future__ import annotations

import pytest

from actionplans.extract.records import WarningCode, WarningItem
from actionplans.normalise.glossary import Glossary
from actionplans.normalise.leads import LeadSettings, expand_leads

GLOSSARY = Glossary()
for code, name in (("HoS", "Head of Safeguarding"), ("PSW", "Principal Social Worker"),
                   ("HoCiC", "Head of Children in Care"), ("ADCSC", "Assistant Director, Children's Social Care")):
    GLOSSARY.add(code, name)
# Titles the paper prints alone in some lead cell.
TITLES = {"head of quality and performance", "designated nurse"}


@pytest.mark.parametrize("raw,want", [
    ("HoS & PSW", ["Head of Safeguarding", "Principal Social Worker"]),
    ("HoCiC and PSW", ["Head of Children in Care", "Principal Social Worker"]),
    ("Head of Quality and Performance", ["Head of Quality and Performance"]),
    ("Head of Quality and Performance and HoS", ["Head of Quality and Performance", "Head of Safeguarding"]),
    ("Designated Nurse and HoCiC", ["Designated Nurse", "Head of Children in Care"]),
    # Neither side is known: one title with "and" in it.
    ("Head of Commissioning and Partnerships", ["Head of Commissioning and Partnerships"]),
    # Unknown title, then a code: the joining "and" names no one.
    ("Head of Fostering and HoS", ["Head of Fostering", "Head of Safeguarding"]),
    # A comma qualifying a title, and a comma between two posts.
    ("Service Manager, Front Door", ["Service Manager, Front Door"]),
    ("Head of Service, Children in Need, PSW", ["Head of Service, Children in Need", "Principal Social Worker"]),
    ("Head of Service, Principal Social Worker", ["Head of Service", "Principal Social Worker"]),
    # A glossary name holding a comma is not split.
    ("ADCSC", ["Assistant Director, Children's Social Care"]),
    ("tbc", []),
])
def test_lead_cell_split(raw: str, want: list[str]) -> None:
    officers, _ = expand_leads(raw, GLOSSARY, TITLES, LeadSettings())
    assert officers == want


# Real lead cells of the development set (../shared/realworld-examples, bodies not set aside),
# with no glossary and no titles printed alone: the split comes from the words themselves.
@pytest.mark.parametrize("raw,want", [
    # Cambridge: two services; the "with input from" clause names contributors, not leads.
    ("Estates and Facilities, Corporate Strategy, with input from asset managers in other services",
     ["Estates and Facilities", "Corporate Strategy"]),
    ("Commercial Services, Corporate Strategy", ["Commercial Services", "Corporate Strategy"]),
    ("Property Services and Estates and Facilities", ["Property Services", "Estates and Facilities"]),
    ("Greater Cambridge Shared Waste Service", ["Greater Cambridge Shared Waste Service"]),
    # King's Lynn and Copeland: " / " and "/" between a department and a company or two bodies.
    ("Property Services / Alive West Norfolk", ["Property Services", "Alive West Norfolk"]),
    ("Open Space / Transport Manager", ["Open Space", "Transport Manager"]),
    ("Cumbria County Council/Cumbria LEP", ["Cumbria County Council", "Cumbria LEP"]),
    # Gravesham: "&" inside a bracketed department.
    ("Director (Planning & Regeneration)", ["Director (Planning & Regeneration)"]),
    # Pembrokeshire: one department whose name holds "and".
    ("Learning and Development", ["Learning and Development"]),
    # The shapes: a post's name holding a comma and "and"; two posts joined by a phrase.
    ("Head of Leisure, Sport and Culture", ["Head of Leisure, Sport and Culture"]),
    ("Head of Housing, supported by Head of Finance", ["Head of Housing", "Head of Finance"]),
    ("Planning and Transport Team and Finance Service", ["Planning and Transport Team", "Finance Service"]),
    ("Property Design & Maintenance, Energy Unit, Education & Youth",
     ["Property Design & Maintenance", "Energy Unit", "Education & Youth"]),
    ("Libraries Service Manager & Age UK Hollinbrook", ["Libraries Service Manager", "Age UK Hollinbrook"]),
    # A post named by what it is "of" keeps that phrase whole, though its last side reads as
    # a body; a second post in its own right is a second lead.
    ("Head of Strategic Housing and Homelessness Services", ["Head of Strategic Housing and Homelessness Services"]),
    ("Head of Housing and Director of Finance", ["Head of Housing", "Director of Finance"]),
    ("Assistant Director of Adult Care and Health Services", ["Assistant Director of Adult Care and Health Services"]),
])
def test_real_lead_cell_split(raw: str, want: list[str]) -> None:
    officers, _ = expand_leads(raw, Glossary(), set(), LeadSettings())
    assert officers == want


@pytest.mark.parametrize("raw,officers,warnings", [
    ("HoS & PSW", ["Head of Safeguarding", "Principal Social Worker"], []),
    ("HoSS", ["Head of Safeguarding"], [(WarningCode.NEAR_MISS_CODE, "near-miss code 'HoSS' read as HoS")]),
    ("PSW, Ho S", ["Principal Social Worker", "Head of Safeguarding"], [(WarningCode.CODE_JOINED, "read 'Ho S' as HoS")]),
    ("\u041do\u0421iC", ["Head of Children in Care"],  # Cyrillic H and C
     [(WarningCode.LOOKALIKE, "look-alike letters folded in lead '\u041do\u0421iC'")]),
])
def test_a_guess_in_a_lead_cell_is_a_warning_of_its_kind(raw: str, officers: list[str],
                                                         warnings: list[tuple[WarningCode, str]]) -> None:
    assert expand_leads(raw, GLOSSARY, set(), LeadSettings()) == (officers, [WarningItem(*w) for w in warnings])


def test_as_above_repeats_the_leads_of_the_row_above() -> None:
    from actionplans.normalise.leads import same_as_above
    from actionplans.vocabulary import default_vocabulary

    assert same_as_above("As above.", default_vocabulary()) and same_as_above("Ditto", default_vocabulary())
    assert not same_as_above("Head of Housing", default_vocabulary())
