"""Lead-cell splitting: where "and" and "," join two officers and where they are part of one."""
from __future__ import annotations

import pytest

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
